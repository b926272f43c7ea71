# Hostile file names: control bytes (ESC, BEL) and a byte that is not
# UTF-8 (Latin-1 é, 0xE9) are written escaped as \xhh everywhere a name is
# printed (stdout, stderr, reports); JSON, SARIF and HTML stay valid UTF-8,
# and SARIF's URI percent-encodes the exact bytes.

### Fakten und Fehlermeldung mit Escapes statt roher Steuerzeichen
% mkdir "$ABG_TMP/d" && printf 'Der Umsatz lag bei 12 Millionen Euro.\n' > "$ABG_TMP/d/$(printf 'a\033[31mrot\007\351.txt')" && printf 'x\000y' > "$ABG_TMP/d/$(printf 'b\033]0;Titel\007.txt')"
$ abgleich facts {tmp}/d
> {tmp}/d/a\x1b[31mrot\x07\xe9.txt:1:20  money  12000000 EUR  exact  "12 Millionen Euro"
! abgleich: {tmp}/d/b\x1b]0;Titel\x07.txt: binary file (NUL bytes), skipped
= 2

### Die Quelle aus dem Dateinamen ist ebenfalls maskiert
% mkdir "$ABG_TMP/d" && printf 'Eine Zeile.\n' > "$ABG_TMP/d/$(printf 'q\033x\351.txt')"
$ abgleich text {tmp}/d
> ==> {tmp}/d/q\x1bx\xe9.txt | source: q\x1bx\xe9 | title: - | published: - | encoding: utf-8
> Eine Zeile.

### Ein Backslash im Namen wird verdoppelt, damit der Name umkehrbar bleibt
% printf 'Es sind 5 Prozent.\n' > "$ABG_TMP/$(printf 'x\\y.txt')"
$ abgleich facts {tmp}/x\y.txt
> {tmp}/x\\y.txt:1:9  percent  5 %  exact  "5 Prozent"

### check -f json, sarif und html bleiben gültiges UTF-8
% mkdir "$ABG_TMP/d" && printf 'Microsoft hält 27 Prozent an OpenAI.\n' > "$ABG_TMP/d/$(printf 'a\033\007\351.txt')" && printf 'Microsoft hält 32 Prozent an OpenAI.\n' > "$ABG_TMP/d/b.txt"
$ sh -c 'for f in json sarif html; do "$ABG_BIN" check --scope all -f $f "$ABG_TMP/d" > "$ABG_TMP/out.$f"; iconv -f UTF-8 -t UTF-8 "$ABG_TMP/out.$f" > /dev/null && ! grep -q "$(printf "\033")" "$ABG_TMP/out.$f" && echo "$f gültig"; done'
> json gültig
> sarif gültig
> html gültig

### SARIF: die URI kodiert die genauen Bytes des Namens
% mkdir "$ABG_TMP/d" && printf 'Microsoft hält 27 Prozent an OpenAI.\n' > "$ABG_TMP/d/$(printf 'a\033\007\351.txt')" && printf 'Microsoft hält 32 Prozent an OpenAI.\n' > "$ABG_TMP/d/b.txt"
$ sh -c '"$ABG_BIN" check --scope all -f sarif "$ABG_TMP/d" | grep -o "d/a%1B%07%E9.txt" | head -1'
> d/a%1B%07%E9.txt

### check --facts weist rohe Steuerzeichen in doc zurück
% printf '{"type":"percent","doc":"x\\u001b[2Jy.txt","text":"27 %%","qualifier":"exact","value":27,"unit":"%%","line":1,"col":1,"offset":0,"length":4}\n' > "$ABG_TMP/f.jsonl"
$ abgleich check --facts {tmp}/f.jsonl
> 0 documents, 0 facts, 1 errors: 0 conflicts, 0 agree, 0 single
! abgleich: {tmp}/f.jsonl: line 1: doc or source holds a control character (write it as \xhh)
= 2
