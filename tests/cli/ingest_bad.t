# Bad inputs: each is reported as "abgleich: PATH: reason", the good files
# beside it are still printed, and the exit code is 2.

### Binär und nicht dekodierbar neben guten Dateien; versteckte und fremde Dateien übergangen
$ abgleich text tests/cli/data/bad
> ==> tests/cli/data/bad/a-good.txt | source: a-good | title: - | published: - | encoding: utf-8
> Gute Datei mit 27 Prozent.
>
> ==> tests/cli/data/bad/z-good.txt | source: z-good | title: - | published: - | encoding: utf-8
> Noch eine gute Datei.
! abgleich: tests/cli/data/bad/binary.txt: binary file (NUL bytes), skipped
! abgleich: tests/cli/data/bad/undecodable.txt: undecodable: byte 0x81 at offset 9 is neither utf-8 nor windows-1252, skipped
= 2

### Zu groß
% mkdir "$ABG_TMP/d" && printf 'klein\n' > "$ABG_TMP/d/a.txt" && head -c 3000 /dev/zero | tr '\0' 'x' > "$ABG_TMP/d/b.txt"
$ abgleich text --max-file-size 2k {tmp}/d
> ==> {tmp}/d/a.txt | source: a | title: klein | published: - | encoding: utf-8
> klein
! abgleich: {tmp}/d/b.txt: file too large (2 KiB, limit 2 KiB), skipped
= 2

### FIFO im Ordner wird übergangen
% mkdir "$ABG_TMP/d" && printf 'gut\n' > "$ABG_TMP/d/a.txt" && mkfifo "$ABG_TMP/d/pipe.txt"
$ abgleich text {tmp}/d
> ==> {tmp}/d/a.txt | source: a | title: gut | published: - | encoding: utf-8
> gut
! abgleich: {tmp}/d/pipe.txt: not a regular file (fifo), skipped
= 2

### Symlink-Schleife
% mkdir -p "$ABG_TMP/d/sub" && printf 'gut\n' > "$ABG_TMP/d/sub/a.txt" && ln -s .. "$ABG_TMP/d/sub/zurueck"
$ abgleich text {tmp}/d
> ==> {tmp}/d/sub/a.txt | source: a | title: gut | published: - | encoding: utf-8
> gut
! abgleich: {tmp}/d/sub/zurueck: symlink loop, skipped
= 2

### Symlink auf sich selbst
% mkdir "$ABG_TMP/d" && printf 'gut\n' > "$ABG_TMP/d/a.txt" && ln -s selbst.txt "$ABG_TMP/d/selbst.txt"
$ abgleich text {tmp}/d
> ==> {tmp}/d/a.txt | source: a | title: gut | published: - | encoding: utf-8
> gut
! abgleich: {tmp}/d/selbst.txt: symlink loop, skipped
= 2

### Ein Ordner über zwei Symlinks wird einmal gelesen
% mkdir -p "$ABG_TMP/d/echt" && printf 'einmal\n' > "$ABG_TMP/d/echt/a.txt" && ln -s echt "$ABG_TMP/d/link"
$ abgleich text {tmp}/d
> ==> {tmp}/d/echt/a.txt | source: a | title: einmal | published: - | encoding: utf-8
> einmal

### Fehlende Datei
$ abgleich text tests/cli/data/enc/utf8.txt gibt-es-nicht.txt
> ==> tests/cli/data/enc/utf8.txt | source: utf8 | title: - | published: - | encoding: utf-8
> Microsoft hält etwa 27 Prozent.
> Die Stiftung hält 26 %.
! abgleich: gibt-es-nicht.txt: No such file or directory
= 2

### Ordner in sortierter Bytefolge
% mkdir "$ABG_TMP/d" && for n in b B a _ Z 10 9; do printf '%s\n' "$n" > "$ABG_TMP/d/$n.txt"; done
$ abgleich text {tmp}/d
> ==> {tmp}/d/10.txt | source: 10 | title: 10 | published: - | encoding: utf-8
> 10
>
> ==> {tmp}/d/9.txt | source: 9 | title: 9 | published: - | encoding: utf-8
> 9
>
> ==> {tmp}/d/B.txt | source: B | title: B | published: - | encoding: utf-8
> B
>
> ==> {tmp}/d/Z.txt | source: Z | title: Z | published: - | encoding: utf-8
> Z
>
> ==> {tmp}/d/_.txt | source: _ | title: _ | published: - | encoding: utf-8
> _
>
> ==> {tmp}/d/a.txt | source: a | title: a | published: - | encoding: utf-8
> a
>
> ==> {tmp}/d/b.txt | source: b | title: b | published: - | encoding: utf-8
> b

### .abgleichignore nimmt Dateien eines Ordners aus
% mkdir -p "$ABG_TMP/d/sub" && printf 'a\n' > "$ABG_TMP/d/a.txt" && printf 'r\n' > "$ABG_TMP/d/README.md" && printf 'n\n' > "$ABG_TMP/d/notiz-1.txt" && printf 's\n' > "$ABG_TMP/d/sub/README.md" && printf '# keine Artikel\nREADME.md\n  notiz-*.txt  \n' > "$ABG_TMP/d/.abgleichignore"
$ abgleich text {tmp}/d
> ==> {tmp}/d/a.txt | source: a | title: a | published: - | encoding: utf-8
> a
>
> ==> {tmp}/d/sub/README.md | source: README | title: s | published: - | encoding: utf-8
> s
