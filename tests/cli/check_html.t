# check -f html: the README example and where the page cannot be written.
# What the page holds is checked in a browser (tests/tools/check_html.sh).

### README: check -f html -o bericht.html corpus/ schreibt nur die Datei, Exit 1
$ abgleich check -f html -o {tmp}/bericht.html corpus/
= 1

### -f html ohne Widerspruch: Exit 0
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf 'Siemens hält einen Anteil von rund 27 Prozent an der Firma.\n' > "$ABG_TMP/b.txt"
$ abgleich check -f html -o {tmp}/bericht.html {tmp}
= 0

### -f html in einen fehlenden Ordner: Exit 2
$ abgleich check -f html -o {tmp}/fehlt/bericht.html corpus/
! abgleich: {tmp}/fehlt/bericht.html: folder '{tmp}/fehlt' does not exist
= 2
