# abgleich stem: Snowball German stems of words from the arguments or from
# standard input. Every expected stem was worked out by hand from the
# Snowball German algorithm and checked against libstemmer directly
# (tests/tools/stem_ref), not copied from the program's output.

### Anteil in allen Formen
$ abgleich stem Anteil Anteile Anteils Anteilen
> anteil
> anteil
> anteil
> anteil

### Wörter aus Wirtschaftsnachrichten
# Beteiligung: -ung goes (in R2), then -ig before it (in R2, no e before it)
$ abgleich stem Beteiligung Microsofts Bewertung Milliarden investiert Verpflichtung Nutzer
> beteil
> microsoft
> bewert
> milliard
> investiert
> verpflicht
> nutz

### Umlaute und ß: Snowball schreibt ß als ss und streicht die Umlautpunkte
$ abgleich stem Größe Straße STRASSE ÄNDERUNGEN Häuser Ölpreis
> gross
> strass
> strass
> ander
> haus
> olpreis

### Zerlegtes Ä, weiches Trennzeichen und typografischer Apostroph
$ abgleich stem Änderungen Betei­ligung OpenAI’s
> ander
> beteil
> openai's

### Standardeingabe: ein Wort je Zeile, leere Zeile bleibt leer
$ abgleich stem
< Anteile
<
< Milliarden
< Nutzer
> anteil
>
> milliard
> nutz

### Standardeingabe mit CRLF, Leerzeichen und ohne letzten Zeilenumbruch
% printf 'Anteile\r\n  Bewertung \t\r\nNutzer' > "$ABG_TMP/w"
$ abgleich stem
<@ {tmp}/w
> anteil
> bewert
> nutz

### Bindestrich liest an seiner Stelle die Standardeingabe
$ abgleich stem Anteile - Nutzer
< Milliarden
< Größe
> anteil
> milliard
> gross
> nutz

### Format tsv: Wort, Tabulator, Stamm (die Zeilen unten enthalten Tabulatoren)
$ abgleich stem -f tsv
< Anteile
< Größe
<
> Anteile	anteil
> Größe	gross
> 	

### Ungültiges UTF-8 auf der Standardeingabe: Zeile übersprungen, Status 2
% printf 'Anteile\nGr\366\337e\nNutzer\n' > "$ABG_TMP/w"
$ abgleich stem
<@ {tmp}/w
> anteil
> nutz
! abgleich: <stdin>:2: invalid utf-8
= 2

### Ungültiges UTF-8 im Argument
$ sh -c '"$ABG_BIN" stem Anteile "$(printf "Gr\366\337e")" Nutzer'
> anteil
> nutz
! abgleich: argument 2: invalid utf-8
= 2

### Zeile länger als 1 MiB
% { head -c 1100000 /dev/zero | tr '\0' 'a'; printf '\nAnteile\n'; } > "$ABG_TMP/w"
$ abgleich stem
<@ {tmp}/w
> anteil
! abgleich: <stdin>:1: line longer than 1 MiB
= 2

### Wörter über 256 Bytes werden nur gefaltet, nicht gestammt
# 253 A + TEN (256 bytes) loses its "en"; 258 A + TEN (261 bytes) stays whole
% { head -c 253 /dev/zero | tr '\0' 'A'; printf 'TEN\n'; } > "$ABG_TMP/w"
% { head -c 258 /dev/zero | tr '\0' 'A'; printf 'TEN\n'; } >> "$ABG_TMP/w"
$ sh -c '"$ABG_BIN" stem < "$ABG_TMP/w" | cut -c 250-'
> aaaat
> aaaaaaaaaten

### Zeile von genau 1 MiB geht noch
% { head -c 1048576 /dev/zero | tr '\0' 'a'; printf '\r\nAnteile\n'; } > "$ABG_TMP/w"
$ sh -c '"$ABG_BIN" stem < "$ABG_TMP/w" | wc -c'
> 1048584

### Hilfe
$ abgleich stem --help
> usage: abgleich stem [options] [WORD...]
>
> Print the Snowball German stem of each WORD, one a line, in order. Without
> a WORD (or for a WORD that is -), read standard input, one word a line, and
> print one stem a line: an empty line gives an empty line, surrounding spaces
> and tabs are ignored, lines may end in CRLF and may be up to 1 MiB long.
> Words are case-folded and normalised (NFC; typographic quotes and dashes
> unified) before Snowball's German stemmer, which also writes ß as ss and
> drops umlauts: Straße and STRASSE give strass. A word longer than 256
> bytes is printed folded but not stemmed. A word that is not valid UTF-8 is
> reported on stderr and skipped.
>
> Options:
>   -f, --format FORMAT        text (default): the stem; tsv: word, tab, stem
>   -h, --help                 show this help and exit
>
> Exit status: 0 done; 2 a usage error, a word that was not valid utf-8, a
> line too long, or output that could not be written.

### help stem zeigt dieselbe Hilfe
$ sh -c '"$ABG_BIN" help stem | head -n 1'
> usage: abgleich stem [options] [WORD...]

### Unbekannte Option
$ abgleich stem --frobnicate Anteil
! abgleich: unknown option '--frobnicate'
! Try 'abgleich help stem' for more information.
= 2

### Falsches Format
$ abgleich stem -f json Anteil
! abgleich: invalid value 'json' for --format
! Try 'abgleich help stem' for more information.
= 2
