# The command line: help, version, usage errors.

### Version
$ abgleich --version
> abgleich 0.1.0

### Unbekannte Option
$ abgleich text --frobnicate corpus
! abgleich: unknown option '--frobnicate'
! Try 'abgleich help text' for more information.
= 2

### Unbekannter Befehl
$ abgleich frobnicate
! abgleich: unknown command 'frobnicate'
! Try 'abgleich help' for more information.
= 2

### Ohne Befehl
$ abgleich
! abgleich: no command given
! Try 'abgleich help' for more information.
= 2

### Ohne Pfad
$ abgleich text
! abgleich: no PATH given (use - for standard input)
! Try 'abgleich help text' for more information.
= 2

### Falsches Format
$ abgleich text -f xml corpus
! abgleich: invalid value 'xml' for --format
! Try 'abgleich help text' for more information.
= 2

### Option ohne Argument
$ abgleich text corpus -o
! abgleich: option '-o' needs an argument
! Try 'abgleich help text' for more information.
= 2

### Ungültige Größe
$ abgleich text --max-file-size=viel corpus
! abgleich: invalid size 'viel' for --max-file-size
! Try 'abgleich help text' for more information.
= 2

### Kaputte Boilerplate-Regeln: Datei, Zeile und die Meldung von PCRE2
% printf 'Teile das\n(kaputt\n' > "$ABG_TMP/regeln"
$ abgleich text --boilerplate {tmp}/regeln tests/cli/data/enc/utf8.txt
! abgleich: {tmp}/regeln:2: column 8: missing closing parenthesis
= 2

### Ausgabe in Datei; nichts auf stdout, keine Reste der temporären Datei
% printf 'Inhalt\n' > "$ABG_TMP/a.txt"
$ sh -c '"$ABG_BIN" text -o "$ABG_TMP/out.txt" "$ABG_TMP/a.txt" && cat "$ABG_TMP/out.txt" && ls "$ABG_TMP"'
> ==> {tmp}/a.txt | source: a | title: Inhalt | published: - | encoding: utf-8
> Inhalt
> a.txt
> out.txt
