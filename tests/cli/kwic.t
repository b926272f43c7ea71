# Concordance. tests/cli/expected/kwic-anteil.txt was checked against the
# corpus: every Anteil/Anteile in the article files is listed once (the
# answer key corpus/README.md is ignored), Anteilseigner is not (another
# stem); for plain text each LINE:COL is the place of the word in the file.

### Anteil im Korpus
$ abgleich kwic -w 30 Anteil corpus/
>@ tests/cli/expected/kwic-anteil.txt

### Jede Form findet dieselben Stellen
$ abgleich kwic -w 30 Anteile corpus/
>@ tests/cli/expected/kwic-anteil.txt

### Teile eines Bindestrich-Kompositums zählen, Zeilenumbrüche werden Leerzeichen
$ abgleich kwic -w 12 Verpflichtung -
< Die Azure-Verpflichtung steht.
< Eine Verpflichtungserklärung nicht.
< Neue
< Verpflichtungen folgen.
> <stdin>:1:11    Die Azure-  Verpflichtung   steht. Eine
> <stdin>:4:1   nicht. Neue   Verpflichtungen   folgen. 

### JSON
$ abgleich kwic -f json -w 5 Anteil -
< Ein Anteil von 27 %.
> [
> {"doc":"<stdin>","source":"<stdin>","line":1,"col":5,"left":"Ein ","match":"Anteil","right":" von "}
> ]

### Kein Treffer
$ abgleich kwic Gigawatt tests/cli/data/enc/utf8.txt

### Ohne Wort
$ abgleich kwic
! abgleich: no WORD given
! Try 'abgleich help kwic' for more information.
= 2

### Ohne Pfad
$ abgleich kwic Anteil
! abgleich: no PATH given (use - for standard input)
! Try 'abgleich help kwic' for more information.
= 2
