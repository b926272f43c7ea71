# Colour: --color auto (default) colours only when stdout is a terminal, NO_COLOR
# is unset or empty (the tests run with NO_COLOR=1) and TERM is not "dumb";
# always and never decide alone. facts colours the type and the value,
# kwic the match, text and terms their header lines. cat -v shows the
# escape character as ^[.

### --color always: Typ und Wert mit SGR-Folgen
$ sh -c '"$ABG_BIN" facts --color always - | cat -v'
< Es sind 27 Prozent.
> <stdin>:1:9  ^[[36mpercent^[[0m  ^[[1m27 %^[[0m  exact  "27 Prozent"

### auto mit NO_COLOR=1 (die Testumgebung): keine Farbe
$ abgleich facts --color auto -
< Es sind 27 Prozent.
> <stdin>:1:9  percent  27 %  exact  "27 Prozent"

### never
$ abgleich facts --color=never -
< Es sind 27 Prozent.
> <stdin>:1:9  percent  27 %  exact  "27 Prozent"

### auto auf einem Terminal ohne NO_COLOR: Farbe
? script -qec true /dev/null > /dev/null 2>&1
$ sh -c 'printf "Es sind 27 Prozent.\n" > "$ABG_TMP/a.txt"; NO_COLOR= TERM=xterm script -qec "\"$ABG_BIN\" facts \"$ABG_TMP/a.txt\"" /dev/null | tr -d "\r" | cat -v'
> {tmp}/a.txt:1:9  ^[[36mpercent^[[0m  ^[[1m27 %^[[0m  exact  "27 Prozent"

### auto auf einem Terminal mit NO_COLOR=1: keine Farbe
? script -qec true /dev/null > /dev/null 2>&1
$ sh -c 'printf "Es sind 27 Prozent.\n" > "$ABG_TMP/a.txt"; NO_COLOR=1 TERM=xterm script -qec "\"$ABG_BIN\" facts \"$ABG_TMP/a.txt\"" /dev/null | tr -d "\r"'
> {tmp}/a.txt:1:9  percent  27 %  exact  "27 Prozent"

### auto auf einem Terminal mit TERM=dumb: keine Farbe
? script -qec true /dev/null > /dev/null 2>&1
$ sh -c 'printf "Es sind 27 Prozent.\n" > "$ABG_TMP/a.txt"; NO_COLOR= TERM=dumb script -qec "\"$ABG_BIN\" facts \"$ABG_TMP/a.txt\"" /dev/null | tr -d "\r"'
> {tmp}/a.txt:1:9  percent  27 %  exact  "27 Prozent"

### auto mit -o in eine Datei: keine Farbe, auch vom Terminal aus
? script -qec true /dev/null > /dev/null 2>&1
$ sh -c 'printf "Es sind 27 Prozent.\n" > "$ABG_TMP/a.txt"; NO_COLOR= TERM=xterm script -qec "\"$ABG_BIN\" facts -o \"$ABG_TMP/f.txt\" \"$ABG_TMP/a.txt\"" /dev/null; cat -v "$ABG_TMP/f.txt"'
> {tmp}/a.txt:1:9  percent  27 %  exact  "27 Prozent"

### Nur der Text wird gefärbt, nicht JSON Lines oder CSV: Zahl der Escape-Zeichen
% printf 'Es sind 27 Prozent.\n' > "$ABG_TMP/a.txt"
$ sh -c 'for f in text jsonl csv; do "$ABG_BIN" facts --color always -f $f "$ABG_TMP/a.txt" | tr -dc "\033" | wc -c; done'
> 4
> 0
> 0

### kwic: der Treffer fett und rot
$ sh -c '"$ABG_BIN" kwic --color always -w 8 Anteil - | cat -v'
< Der Anteil ist hoch.
> <stdin>:1:5      Der   ^[[1m^[[31mAnteil^[[0m   ist hoc

### text: die Kopfzeile fett
$ sh -c '"$ABG_BIN" text --color always - | cat -v'
< Inhalt
> ^[[1m==> <stdin> | source: <stdin> | title: Inhalt | published: - | encoding: utf-8^[[0m
> Inhalt

### terms: die Kopfzeile der Gruppe fett
$ sh -c '"$ABG_BIN" terms --color always --top 1 - | cat -v'
< Anteil Anteil
> ^[[1m== <stdin> (1 document, 2 words counted)^[[0m
> stem                 form                      count  docs
> anteil               Anteil                        2     1

### Falscher Wert für --color
$ abgleich facts --color bunt -
! abgleich: invalid value 'bunt' for --color
! Try 'abgleich help facts' for more information.
= 2
