# Where results go: -o FILE is written to a temporary file beside FILE and
# renamed into place, so a failed run leaves neither a partial nor a
# temporary file; -o into a missing folder or onto a folder is refused
# with exit status 2. A reader that goes away (| head -1) ends the run at
# once and quietly: abgleich dies of SIGPIPE, as cat and grep do (a shell
# reports status 141), even when the parent ignored SIGPIPE.

### -o in einen fehlenden Ordner: Status 2, keine Datei
$ sh -c '"$ABG_BIN" facts -o "$ABG_TMP/fehlt/f.txt" corpus/; echo "status $?"; ls -A "$ABG_TMP"'
> status 2
! abgleich: {tmp}/fehlt/f.txt: folder '{tmp}/fehlt' does not exist

### -o auf einen Ordner: Status 2, der Ordner bleibt leer
% mkdir "$ABG_TMP/ordner"
$ sh -c '"$ABG_BIN" facts -o "$ABG_TMP/ordner" corpus/; echo "status $?"; ls -A "$ABG_TMP" "$ABG_TMP/ordner"'
> status 2
> {tmp}:
> ordner
>
> {tmp}/ordner:
! abgleich: {tmp}/ordner: is a folder, not a file

### -o unter eine Datei, als wäre sie ein Ordner
% printf 'x\n' > "$ABG_TMP/datei"
$ abgleich text -o {tmp}/datei/aus.txt corpus/tagesblatt.txt
! abgleich: {tmp}/datei/aus.txt: '{tmp}/datei' is not a folder
= 2

### terms schreibt nach dem Lesen; auch dann Status 2 und keine Datei
$ sh -c '"$ABG_BIN" terms -o "$ABG_TMP/fehlt/t.txt" corpus/; echo "status $?"; ls -A "$ABG_TMP"'
> status 2
! abgleich: {tmp}/fehlt/t.txt: folder '{tmp}/fehlt' does not exist

### kwic -o auf einen Ordner
$ abgleich kwic -o {tmp} Anteil corpus/
! abgleich: {tmp}: is a folder, not a file
= 2

### Ein Gerät wird direkt beschrieben; ein Schreibfehler ist Status 2
$ abgleich facts -o /dev/full corpus/
! abgleich: /dev/full: No space left on device
= 2

### Schreibfehler auf der Standardausgabe: eine Meldung, Status 2
$ sh -c '"$ABG_BIN" facts corpus/ > /dev/full'
! abgleich: standard output: No space left on device
= 2

### Ersetzt eine vorhandene Datei erst am Ende, ohne Reste
% printf 'alt\n' > "$ABG_TMP/f.txt"
$ sh -c '"$ABG_BIN" facts -o "$ABG_TMP/f.txt" - && ls -A "$ABG_TMP" && cat "$ABG_TMP/f.txt"'
< Es sind 27 Prozent.
> f.txt
> <stdin>:1:9  percent  27 %  exact  "27 Prozent"

### SIGTERM mitten im Lauf: die temporäre Datei wird entfernt
% mkfifo "$ABG_TMP/ein"
$ sh -c '"$ABG_BIN" facts -o "$ABG_TMP/aus.txt" "$ABG_TMP/ein" & pid=$!; i=0; while ! ls "$ABG_TMP" | grep -q tmp && [ $i -lt 400 ]; do i=$((i+1)); sleep 0.05; done; kill -TERM $pid; wait $pid 2>/dev/null; echo "status $?"; ls -A "$ABG_TMP"'
> status 143
> ein

### SIGINT und SIGHUP ebenso (gestartet mit den Voreinstellungen der Signale)
% mkfifo "$ABG_TMP/ein"
$ sh -c 'for sig in INT HUP; do perl -e '"'"'$SIG{INT} = $SIG{HUP} = "DEFAULT"; exec @ARGV'"'"' "$ABG_BIN" facts -o "$ABG_TMP/aus.txt" "$ABG_TMP/ein" & pid=$!; i=0; while ! ls "$ABG_TMP" | grep -q tmp && [ $i -lt 400 ]; do i=$((i+1)); sleep 0.05; done; kill -$sig $pid; wait $pid 2>/dev/null; echo "$sig status $?"; ls -A "$ABG_TMP"; done'
> INT status 130
> ein
> HUP status 129
> ein

### Geschlossene Pipe (| head -1): keine Meldung, Tod durch SIGPIPE (141)
% yes 'Der Anteil liegt bei 27 Prozent.' | head -n 20000 > "$ABG_TMP/viel.txt"
$ sh -c '{ "$ABG_BIN" facts "$ABG_TMP/viel.txt"; echo "status $?" >&2; } | head -1'
> {tmp}/viel.txt:1:22  percent  27 %  exact  "27 Prozent"
! status 141

### Geschlossene Pipe mit -j 2 und ignoriertem SIGPIPE: genauso
% yes 'Der Anteil liegt bei 27 Prozent.' | head -n 20000 > "$ABG_TMP/viel.txt"
$ sh -c 'trap "" PIPE; { "$ABG_BIN" facts -j 2 "$ABG_TMP/viel.txt"; echo "status $?" >&2; } | head -1'
> {tmp}/viel.txt:1:22  percent  27 %  exact  "27 Prozent"
! status 141

### Geschlossene Pipe bei text und stem
% yes 'Der Anteil liegt bei 27 Prozent.' | head -n 20000 > "$ABG_TMP/viel.txt"
$ sh -c 'trap "" PIPE; { "$ABG_BIN" text "$ABG_TMP/viel.txt"; echo "text $?" >&2; } | head -1; { "$ABG_BIN" stem < "$ABG_TMP/viel.txt"; echo "stem $?" >&2; } | head -1'
> ==> {tmp}/viel.txt | source: viel | title: - | published: - | encoding: utf-8
> der anteil liegt bei 27 prozent.
! text 141
! stem 141
