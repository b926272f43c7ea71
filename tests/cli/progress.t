# The progress line on stderr: on a terminal, when the run takes longer
# than about a second, one line rewritten in place ("\r", the text, "clear
# to end of line") and cleared at the end; never in a pipe, with -q or with
# --no-progress; --progress shows it anyway, and where stderr is not a
# terminal as plain lines (at most one a second, and a last one at the end).
# The terminal cases run the program under script(1), which gives it one.

### Standard in einer Pipe: nichts auf stderr
$ sh -c '"$ABG_BIN" facts corpus/ 2>&1 >/dev/null'

### --progress in eine Datei: Dateien, MB, MB/s, Fakten, Dauer
% mkdir "$ABG_TMP/d" && printf 'Es sind 27 Prozent.\n' > "$ABG_TMP/d/a.txt" && printf 'Es sind 3 Millionen Euro und 4 Prozent.\n' > "$ABG_TMP/d/b.txt" && printf 'Kein Fakt.\n' > "$ABG_TMP/d/c.txt"
$ sh -c '"$ABG_BIN" facts --progress "$ABG_TMP/d" 2>"$ABG_TMP/err" >/dev/null; sed -e "s/[0-9.]* MB\/s/N MB\/s/" -e "s/done in [0-9.]* s$/done in T s/" "$ABG_TMP/err"'
> abgleich: 3 of 3 files, 0.0 MB, N MB/s, 3 facts, done in T s

### --progress bei terms (ohne eigenen Zähler) und mit -j 2
% mkdir "$ABG_TMP/d" && printf 'Es sind 27 Prozent.\n' > "$ABG_TMP/d/a.txt" && printf 'Kein Fakt.\n' > "$ABG_TMP/d/c.txt"
$ sh -c '"$ABG_BIN" terms --progress "$ABG_TMP/d" 2>&1 >/dev/null | sed -e "s/[0-9.]* MB\/s/N MB\/s/" -e "s/done in [0-9.]* s$/done in T s/"; "$ABG_BIN" facts -j 2 --progress "$ABG_TMP/d" 2>&1 >/dev/null | sed -e "s/[0-9.]* MB\/s/N MB\/s/" -e "s/done in [0-9.]* s$/done in T s/"'
> abgleich: 2 of 2 files, 0.0 MB, N MB/s, done in T s
> abgleich: 2 of 2 files, 0.0 MB, N MB/s, 1 facts, done in T s

### Eine Meldung steht auf einer eigenen Zeile vor der letzten Fortschrittszeile
% mkdir "$ABG_TMP/d" && printf 'Es sind 27 Prozent.\n' > "$ABG_TMP/d/a.txt" && printf 'x\0y' > "$ABG_TMP/d/b.txt"
$ sh -c '"$ABG_BIN" facts --progress "$ABG_TMP/d" 2>&1 >/dev/null | sed -e "s/[0-9.]* MB\/s/N MB\/s/" -e "s/done in [0-9.]* s$/done in T s/"'
> abgleich: {tmp}/d/b.txt: binary file (NUL bytes), skipped
> abgleich: 2 of 2 files, 0.0 MB, N MB/s, 1 facts, done in T s

### -q und --no-progress schlagen --progress
$ sh -c '"$ABG_BIN" facts -q --progress corpus/ 2>&1 >/dev/null; "$ABG_BIN" text --progress --no-progress corpus/ 2>&1 >/dev/null'

### Terminal: nach einer Sekunde die Zeile, am Ende gelöscht (die FIFO bleibt leer, bis die Zeile da ist)
? script -qec true /dev/null > /dev/null 2>&1
% mkfifo "$ABG_TMP/ein" && printf 'Es sind 27 Prozent.\n' > "$ABG_TMP/a.txt"
$ sh -c '(i=0; while ! grep -q "of 1 files" "$ABG_TMP/out" 2>/dev/null && [ $i -lt 300 ]; do i=$((i+1)); sleep 0.1; done; exec 3<>"$ABG_TMP/ein"; cat "$ABG_TMP/a.txt" >&3) & script -qec "\"$ABG_BIN\" facts \"$ABG_TMP/ein\" > /dev/null" /dev/null > "$ABG_TMP/out"; wait; tr "\r\033" "\n#" < "$ABG_TMP/out" | grep -v "^$" | sed -n "1p;\$p"'
> abgleich: 0 of 1 files, 0.0 MB, 0.0 MB/s, 0 facts#[K
> #[K

### Terminal, aber die Ergebnisse gehen auf dasselbe Terminal: keine Zeile
? script -qec true /dev/null > /dev/null 2>&1
% mkfifo "$ABG_TMP/ein" && printf 'Es sind 27 Prozent.\n' > "$ABG_TMP/a.txt"
$ sh -c '(sleep 2; exec 3<>"$ABG_TMP/ein"; cat "$ABG_TMP/a.txt" >&3) & script -qec "\"$ABG_BIN\" facts \"$ABG_TMP/ein\"" /dev/null | tr -d "\r"'
> {tmp}/ein:1:9  percent  27 %  exact  "27 Prozent"

### Terminal mit -q: keine Zeile
? script -qec true /dev/null > /dev/null 2>&1
% mkfifo "$ABG_TMP/ein" && printf 'Es sind 27 Prozent.\n' > "$ABG_TMP/a.txt"
$ sh -c '(sleep 2; exec 3<>"$ABG_TMP/ein"; cat "$ABG_TMP/a.txt" >&3) & script -qec "\"$ABG_BIN\" facts -q -o \"$ABG_TMP/f.txt\" \"$ABG_TMP/ein\"" /dev/null; cat "$ABG_TMP/f.txt"'
> {tmp}/ein:1:9  percent  27 %  exact  "27 Prozent"

### Terminal: eine Meldung löscht erst die Zeile und steht dann auf einer eigenen Zeile
? script -qec true /dev/null > /dev/null 2>&1
% mkfifo "$ABG_TMP/ein" && printf 'Es sind 27 Prozent.\n' > "$ABG_TMP/a.txt" && printf 'x\0y' > "$ABG_TMP/b.txt"
$ sh -c '(i=0; while ! grep -q "of 2 files" "$ABG_TMP/out" 2>/dev/null && [ $i -lt 300 ]; do i=$((i+1)); sleep 0.1; done; exec 3<>"$ABG_TMP/ein"; cat "$ABG_TMP/a.txt" >&3) & script -qec "\"$ABG_BIN\" facts \"$ABG_TMP/ein\" \"$ABG_TMP/b.txt\" > /dev/null" /dev/null > "$ABG_TMP/out"; wait; tr "\r\033" "\n#" < "$ABG_TMP/out" | grep -v "^$" | grep -v -e "^abgleich: [01] of 2 files, " -e "^#.K\$"'
> #[Kabgleich: {tmp}/b.txt: binary file (NUL bytes), skipped

### Terminal: eine Datei fertig, eine offen: die Zeile schätzt die Restzeit
? script -qec true /dev/null > /dev/null 2>&1
% mkfifo "$ABG_TMP/ein" && printf 'Es sind 27 Prozent.\n' > "$ABG_TMP/a.txt"
$ sh -c '(i=0; while ! grep -q "1 of 2 files" "$ABG_TMP/out" 2>/dev/null && [ $i -lt 300 ]; do i=$((i+1)); sleep 0.1; done; exec 3<>"$ABG_TMP/ein"; cat "$ABG_TMP/a.txt" >&3) & script -qec "\"$ABG_BIN\" facts -j 1 \"$ABG_TMP/a.txt\" \"$ABG_TMP/ein\" > /dev/null" /dev/null > "$ABG_TMP/out"; wait; tr "\r\033" "\n#" < "$ABG_TMP/out" | grep -o "1 of 2 files.* left" | head -1 | sed "s/, [0-9.]* MB, .* left/, ... left/"'
> 1 of 2 files, ... left
