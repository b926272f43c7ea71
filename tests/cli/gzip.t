# gzip-compressed input: read by its magic bytes as what its name says
# without ".gz" (or as what it holds), named as the user gave it; damaged
# streams, decompression bombs and binary files are refused per file
# ("abgleich: PATH: reason", exit 2) and the other files still give facts.

### Drei gepackte Artikel geben dieselben Fakten wie ungepackt
% mkdir "$ABG_TMP/z" && for f in kiticker-feed.xml stadtanzeiger.html tagesblatt.txt; do gzip -9 -c "corpus/$f" > "$ABG_TMP/z/$f.gz"; done
% "$ABG_BIN" facts corpus/kiticker-feed.xml corpus/stadtanzeiger.html corpus/tagesblatt.txt | sed 's#^corpus/##' > "$ABG_TMP/plain"
% test -s "$ABG_TMP/plain"
$ sh -c '"$ABG_BIN" facts "$ABG_TMP/z" | sed "s#^$ABG_TMP/z/##; s#\.gz\([:\#]\)#\1#" | cmp - "$ABG_TMP/plain" && echo gleich'
> gleich

### Der Name bleibt, wie er gegeben wurde
% printf 'Der Umsatz stieg auf 12 Millionen Euro.\n' | gzip -9 > "$ABG_TMP/a.txt.gz"
$ abgleich facts {tmp}/a.txt.gz
> {tmp}/a.txt.gz:1:22  money  12000000 EUR  exact  "12 Millionen Euro"

### Gzip unter einem .html-Namen, ohne .gz (wie ein Crawler ihn speichert)
% mkdir "$ABG_TMP/p" "$ABG_TMP/g" && printf '<html><body><p>Die Stadt zahlte 48.300 Euro.</p></body></html>\n' > "$ABG_TMP/p/seite.html" && gzip -9 -c "$ABG_TMP/p/seite.html" > "$ABG_TMP/g/seite.html"
% "$ABG_BIN" facts "$ABG_TMP/p/seite.html" | sed "s#^$ABG_TMP/p/##" > "$ABG_TMP/plain" && grep -q '48300 EUR' "$ABG_TMP/plain"
$ sh -c '"$ABG_BIN" facts "$ABG_TMP/g/seite.html" | sed "s#^$ABG_TMP/g/##" | cmp - "$ABG_TMP/plain" && echo gleich'
> gleich

### Zwei Glieder hintereinander (cat a.gz b.gz)
% printf 'Erster Teil mit 3 Prozent.\n' | gzip > "$ABG_TMP/x" && printf 'Zweiter Teil mit 4 Prozent.\n' | gzip >> "$ABG_TMP/x" && mv "$ABG_TMP/x" "$ABG_TMP/teile.txt.gz"
$ abgleich facts {tmp}/teile.txt.gz
> {tmp}/teile.txt.gz:1:17  percent  3 %  exact  "3 Prozent"
> {tmp}/teile.txt.gz:2:18  percent  4 %  exact  "4 Prozent"

### Dekompressionsbombe: abgelehnt, die anderen Dateien bleiben
% mkdir "$ABG_TMP/d" && head -c 400000000 /dev/zero | tr '\0' ' ' | gzip -9 > "$ABG_TMP/d/bombe.html.gz" && printf 'Gut: 7 Prozent.\n' > "$ABG_TMP/d/gut.txt"
$ sh -c '"$ABG_BIN" facts "$ABG_TMP/d" 2> "$ABG_TMP/err"; echo "exit $?"; sed "s#$ABG_TMP/##; s/([^)]*)/(...)/" "$ABG_TMP/err"'
> {tmp}/d/gut.txt:1:6  percent  7 %  exact  "7 Prozent"
> exit 2
> abgleich: d/bombe.html.gz: gzip file expands more than 100 times (...): a decompression bomb, skipped

### Größer als --max-file-size, ausgepackt
% seq 1 3000 | sed 's/.*/Zeile &./' | gzip -9 > "$ABG_TMP/lang.txt.gz"
$ abgleich facts --max-file-size 12k {tmp}/lang.txt.gz
! abgleich: {tmp}/lang.txt.gz: gzip file expands beyond the size limit (12 KiB), skipped
= 2

### Abgeschnittene und beschädigte Datei
% seq 1 3000 | gzip -9 | head -c 200 > "$ABG_TMP/kurz.txt.gz" && printf '\037\213\010\000\000\000\000\000\000\003\007' > "$ABG_TMP/kaputt.txt.gz"
$ abgleich facts {tmp}/kurz.txt.gz {tmp}/kaputt.txt.gz
! abgleich: {tmp}/kurz.txt.gz: truncated gzip file, skipped
! abgleich: {tmp}/kaputt.txt.gz: damaged gzip file (invalid block type), skipped
= 2

### Binärdatei ohne NUL unter einem Textnamen wird nicht als Windows-1252 gelesen
% printf '\211PNG\r\n\032\n\001\002\003\004\005\006\007\016\017\020\021\022\023\024\025\026\027\030\031 abc' > "$ABG_TMP/bild.html"
$ abgleich text {tmp}/bild.html
! abgleich: {tmp}/bild.html: binary file (control bytes), skipped
= 2

### Ein .tar.gz im Ordner wird übergangen, ein .txt.gz gelesen
% mkdir "$ABG_TMP/d" && printf 'Neu: 5 Prozent.\n' | gzip > "$ABG_TMP/d/a.txt.gz" && printf 'x' | gzip > "$ABG_TMP/d/b.tar.gz"
$ abgleich facts {tmp}/d
> {tmp}/d/a.txt.gz:1:6  percent  5 %  exact  "5 Prozent"
