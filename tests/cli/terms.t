# Word statistics: stem counts per group and keyness. The expected
# figures were worked out by hand: G2 = 2 (a ln(a/E1) + b ln(b/E2)),
# log ratio = log2((a/c)/(b/d)) with 0.5 for a zero count.

### Zwei Quellen: Schlüsselwörter je Quelle mit G2 und Log-Ratio
% mkdir "$ABG_TMP/d" && printf -- '---\nsource: A\n---\nAnteil Anteile Microsoft.\n' > "$ABG_TMP/d/a.txt" && printf -- '---\nsource: B\n---\nMicrosoft Microsoft Bewertung.\n' > "$ABG_TMP/d/b.txt"
$ abgleich terms {tmp}/d
> == A (1 document, 3 words counted)
> stem                 form                      count  docs   rest        G2  logratio
> anteil               Anteil                        2     1      0      2.77      2.00
>
> == B (1 document, 3 words counted)
> stem                 form                      count  docs   rest        G2  logratio
> bewert               Bewertung                     1     1      0      1.39      1.00
> microsoft            Microsoft                     2     1      1      0.34      1.00

### Eine Gruppe: nur Häufigkeiten, Stoppwörter und Zahlen zählen nicht
$ abgleich terms -
< Der Anteil und die Anteile: 27 Prozent, 27 %.
> == <stdin> (1 document, 3 words counted)
> stem                 form                      count  docs
> anteil               Anteil                        2     1
> prozent              Prozent                       1     1

### CSV mit Kopfzeile
% mkdir "$ABG_TMP/d" && printf -- '---\nsource: A\n---\nAnteil Anteile Microsoft.\n' > "$ABG_TMP/d/a.txt" && printf -- '---\nsource: "B, C"\n---\nMicrosoft Microsoft Bewertung.\n' > "$ABG_TMP/d/b.txt"
$ abgleich terms -f csv {tmp}/d
> group,stem,form,count,docs,rest,g2,log_ratio
> A,anteil,Anteil,2,1,0,2.7726,2.0000
> "B, C",bewert,Bewertung,1,1,0,1.3863,1.0000
> "B, C",microsoft,Microsoft,2,1,1,0.3398,1.0000

### Ohne Pfad
$ abgleich terms
! abgleich: no PATH given (use - for standard input)
! Try 'abgleich help terms' for more information.
= 2
