# abgleich facts: one short sentence per normalisation rule, read from stdin.
# Every expected line was worked out by hand from DESIGN.md ("Facts") and
# rules/de.rules: COL counts characters before the fact's text.

### Größenwort und Währung dahinter, Qualifizierer gehört zum Text
$ abgleich facts -
< Der Wert liegt bei rund 135 Milliarden US-Dollar.
> <stdin>:1:20  money  135000000000 USD  approx  "rund 135 Milliarden US-Dollar"

### Tausenderpunkt und Dezimalkomma
$ abgleich facts -
< Es kostet 380.000 € und 1.000.000,50 Euro.
> <stdin>:1:11  money  380000 EUR  exact  "380.000 €"
> <stdin>:1:25  money  1000000.5 EUR  exact  "1.000.000,50 Euro"

### Prozent, Zeichen %, Minuszeichen U+2212
$ abgleich facts -
< Der Anteil beträgt 32,5 % oder −3,2 Prozent.
> <stdin>:1:20  percent  32.5 %  exact  "32,5 %"
> <stdin>:1:32  percent  -3.2 %  exact  "−3,2 Prozent"

### Sinken ist nicht negativ
$ abgleich facts -
< Der Kurs sank um 3,2 %.
> <stdin>:1:18  percent  3.2 %  exact  "3,2 %"

### Prozentpunkte
$ abgleich facts -
< Die Quote stieg um 1,5 Prozentpunkte.
> <stdin>:1:20  percent  1.5 pp  exact  "1,5 Prozentpunkte"

### Zahlwörter
$ abgleich facts -
< Microsoft investierte mehr als dreizehn Milliarden Dollar.
< Der Dienst beantwortet zweieinhalb Milliarden Anfragen.
< Das sind zehn Prozent.
> <stdin>:1:23  money  13000000000 USD  lower  "mehr als dreizehn Milliarden Dollar"
> <stdin>:2:24  quantity  2500000000 Anfragen  exact  "zweieinhalb Milliarden Anfragen"
> <stdin>:3:10  percent  10 %  exact  "zehn Prozent"

### Währung davor; über nach Auftrag ist genau
$ abgleich facts -
< Ein Auftrag über € 5 Mio. ging ein.
> <stdin>:1:18  money  5000000 EUR  exact  "€ 5 Mio."

### Billionen sind 10^12
$ abgleich facts -
< Der Wert: über 4 Billionen US-Dollar.
> <stdin>:1:11  money  4000000000000 USD  lower  "über 4 Billionen US-Dollar"

### Spannen
$ abgleich facts -
< Ausgaben zwischen 10 und 12 Milliarden Euro.
< Die Aktie steigt um 2 bis 4 Prozent.
< Oder um 2 % bis 4 %.
> <stdin>:1:10  money  10000000000..12000000000 EUR  range  "zwischen 10 und 12 Milliarden Euro"
> <stdin>:2:21  percent  2..4 %  range  "2 bis 4 Prozent"
> <stdin>:3:9  percent  2..4 %  range  "2 % bis 4 %"

### Grenzen
$ abgleich facts -
< Bis zu 1 Million US-Dollar, höchstens 5 %, ab 0,99 €.
> <stdin>:1:1  money  1000000 USD  upper  "Bis zu 1 Million US-Dollar"
> <stdin>:1:29  percent  5 %  upper  "höchstens 5 %"
> <stdin>:1:44  money  0.99 EUR  lower  "ab 0,99 €"

### Cent, Franken, Pfund, Yen
$ abgleich facts -
< Das kostet 99 Cent.
< Es sind 3 Franken, 4 Pfund und 5 Yen.
> <stdin>:1:12  money  0.99 EUR  exact  "99 Cent"
> <stdin>:2:9  money  3 CHF  exact  "3 Franken"
> <stdin>:2:20  money  4 GBP  exact  "4 Pfund"
> <stdin>:2:32  money  5 JPY  exact  "5 Yen"

### von ... auf: zwei Beträge, der erste mit Größe und Währung des zweiten
$ abgleich facts -
< Der Umsatz stieg von 3,8 auf 4,1 Milliarden Euro.
> <stdin>:1:22  money  3800000000 EUR  exact  "3,8"
> <stdin>:1:30  money  4100000000 EUR  exact  "4,1 Milliarden Euro"

### Datum mit Ordinalpunkt und numerisch
$ abgleich facts -
< Am 28. Oktober 2025 und am 28.10.2025.
> <stdin>:1:4  date  2025-10-28  exact  "28. Oktober 2025"
> <stdin>:1:28  date  2025-10-28  exact  "28.10.2025"

### Monat und Jahr, Quartale, Halbjahre (ohne im)
$ abgleich facts -
< Im Mai 2025, im vierten Quartal 2024, Q3/2025 und im ersten Halbjahr 2025.
> <stdin>:1:4  date  2025-05  exact  "Mai 2025"
> <stdin>:1:17  date  2024-Q4  exact  "vierten Quartal 2024"
> <stdin>:1:39  date  2025-Q3  exact  "Q3/2025"
> <stdin>:1:54  date  2025-H1  exact  "ersten Halbjahr 2025"

### Jahre mit Datumswort und als Zeitangabe, nicht als Name oder Anzahl
$ abgleich facts -
< Seit 2019 gilt das bis 2032, im Jahr 2023 auch. 2019 war gut.
< Windows 2000 lief, der Umsatz 2024 stieg, die Firma hat 2024 Mitarbeiter.
< Die Brücke soll 2029 eröffnen. Rund 2000 kamen (2019).
> <stdin>:1:1  date  2019  lower  "Seit 2019"
> <stdin>:1:20  date  2032  upper  "bis 2032"
> <stdin>:1:33  date  2023  exact  "Jahr 2023"
> <stdin>:1:49  date  2019  exact  "2019"
> <stdin>:2:57  quantity  2024 Mitarbeiter  exact  "2024 Mitarbeiter"
> <stdin>:3:17  date  2029  exact  "2029"

### Geschäftsjahr ist eine Spanne von Jahren
$ abgleich facts -
< Im Geschäftsjahr 2024/25 stieg der Umsatz.
> <stdin>:1:4  date  2024..2025  range  "Geschäftsjahr 2024/25"

### Komposita; die Währung kommt aus dem Satz
$ abgleich facts -
< Die 250-Milliarden-Verpflichtung ist in US-Dollar.
< Ein 10-Prozent-Anteil.
> <stdin>:1:5  money  250000000000 USD  exact  "250-Milliarden"
> <stdin>:2:5  percent  10 %  exact  "10-Prozent"

### Mengen mit Einheit oder gezähltem Nomen
$ abgleich facts -
< Rechenzentren mit 30 Gigawatt in mehr als 190 Ländern.
> <stdin>:1:19  quantity  30 GW  exact  "30 Gigawatt"
> <stdin>:1:34  quantity  190 Länder  lower  "mehr als 190 Ländern"

### Mengenspannen: die erste Zahl nimmt die Größe der zweiten
$ abgleich facts -
< Der Dienst erwartet 1,5 bis 2 Millionen Nutzer.
< Geplant sind zwischen 2 und 3 Gigawatt.
< Es entstehen 300-400 Stellen.
> <stdin>:1:21  quantity  1500000..2000000 Nutzer  range  "1,5 bis 2 Millionen Nutzer"
> <stdin>:2:14  quantity  2..3 GW  range  "zwischen 2 und 3 Gigawatt"
> <stdin>:3:14  quantity  300..400 Stellen  range  "300-400 Stellen"

### Keine Fakten
$ abgleich facts -
< GPT-4 und Windows 11 nach § 15 AktG, Telefon +49 30 1234567, 3:1, um 14:30 Uhr,
< Platz 3, ein Milliarden-Deal, ein zweistelliger Millionenbetrag, im Jahr.
< Er hat einen Kunden.

### JSON Lines
# Before a document's facts, a document line: its stems without stopwords
# (der, bei; the number is no word) with their counts, the number of those
# words and of its shingles (one per word here), and 32 MinHash values of
# 8 hex digits, whose values are checked by the unit tests, not here.
$ sh -c '"$ABG_BIN" facts -f jsonl - | sed "s/\"minhash\":\"[0-9a-f]\{256\}\"/\"minhash\":\"(256 hex digits)\"/"'
< Der Anteil liegt bei etwa 27 Prozent.
> {"type":"document","doc":"<stdin>","source":"<stdin>","title":null,"published":null,"words":4,"terms":[["anteil",1],["etwa",1],["liegt",1],["prozent",1]],"shingles":4,"minhash":"(256 hex digits)"}
> {"doc":"<stdin>","source":"<stdin>","type":"percent","text":"etwa 27 Prozent","value":27,"value_to":null,"unit":"%","qualifier":"approx","line":1,"col":22,"offset":21,"length":15,"sentence":"Der Anteil liegt bei etwa 27 Prozent.","rule":"percent.word","subject":null,"subject_inferred":false,"object":null,"measure":"anteil","role":"level","running":false,"match":false,"time":null,"skip":null,"confidence":0.8,"attribute":["anteil"]}

### JSON, Datum als Zeichenkette
$ abgleich facts -f json -
< Am 28.10.2025 um 0,99 €.
> [
> {"doc":"<stdin>","source":"<stdin>","type":"date","text":"28.10.2025","value":"2025-10-28","value_to":null,"unit":null,"qualifier":"exact","line":1,"col":4,"offset":3,"length":10,"sentence":"Am 28.10.2025 um 0,99 €.","rule":"date.numeric","subject":null,"subject_inferred":false,"object":null,"measure":null,"role":"level","running":false,"match":false,"time":null,"skip":null,"confidence":0.0,"attribute":[]},
> {"doc":"<stdin>","source":"<stdin>","type":"money","text":"0,99 €","value":0.99,"value_to":null,"unit":"EUR","qualifier":"exact","line":1,"col":18,"offset":17,"length":8,"sentence":"Am 28.10.2025 um 0,99 €.","rule":"money.after","subject":null,"subject_inferred":false,"object":null,"measure":null,"role":"change","running":false,"match":false,"time":"2025-10-28","skip":null,"confidence":0.0,"attribute":[]}
> ]

### JSON ohne Fakten
$ abgleich facts -f json -
< Nichts.
> []

### CSV nach RFC 4180
$ abgleich facts -f csv -
< Ein Anteil von 27 %, sagt er.
>@ tests/cli/expected/facts-csv.txt

### Nur bestimmte Typen
$ abgleich facts --type date,quantity -
< Am 28.10.2025 um 0,99 € für 30 GW.
> <stdin>:1:4  date  2025-10-28  exact  "28.10.2025"
> <stdin>:1:29  quantity  30 GW  exact  "30 GW"

### Unbekannter Typ
$ abgleich facts --type geld -
! abgleich: --type takes a list of money, percent, date, quantity
! Try 'abgleich help facts' for more information.
= 2

### Eigene Regel zusätzlich
% printf 'map unit Bäume = Bäume\nrule quantity.trees\n  type quantity\n  pattern (?<num>\\d+) (?<unit>{@unit})\n' > "$ABG_TMP/trees.rules"
$ abgleich facts --rules {tmp}/trees.rules -
< Wir pflanzen 12 Bäume.
> <stdin>:1:14  quantity  12 Bäume  exact  "12 Bäume"

### Eigene Regel mit Wörtern davor (before): sie gehören zum Text und geben den Qualifizierer
% printf 'map unit Bäume = Bäume\nmap qual approx = rund\nrule quantity.trees\n  type quantity\n  before (?<qual>rund\\s+)\n  pattern (?<num>\\d+) (?<unit>{@unit})\n' > "$ABG_TMP/trees.rules"
$ abgleich facts --rules-only --rules {tmp}/trees.rules -
< Gepflanzt wurden rund 300 Bäume, gefällt 20 Bäume.
> <stdin>:1:18  quantity  300 Bäume  approx  "rund 300 Bäume"
> <stdin>:1:42  quantity  20 Bäume  exact  "20 Bäume"

### Eigene Regel mit needs: nur versucht, wo eines der Wörter folgt
% printf 'map unit Bäume = Bäume\nrule quantity.trees\n  type quantity\n  needs bis, und\n  pattern (?<num>\\d+) (?:bis|und) (?<num_to>\\d+) (?<unit>{@unit})\n' > "$ABG_TMP/trees.rules"
$ abgleich facts --rules-only --rules {tmp}/trees.rules -
< Gepflanzt wurden 300 bis 400 Bäume, gefällt 20 Bäume.
> <stdin>:1:18  quantity  300..400 Bäume  range  "300 bis 400 Bäume"

### needs mit leerem Wort
% printf 'rule quantity.trees\n  type quantity\n  needs bis, ,und\n  pattern (?<num>\\d+)\n' > "$ABG_TMP/bad.rules"
$ abgleich facts --rules-only --rules {tmp}/bad.rules -
< 5 Euro
! abgleich: {tmp}/bad.rules:3: needs: a word is empty or too long
= 2

### Regeldatei mit Fehler im Muster
% printf '# x\nrule bad\n  type money\n  pattern (?<num>\\d+\n' > "$ABG_TMP/bad.rules"
$ abgleich facts --rules {tmp}/bad.rules -
< 5 Euro
! abgleich: {tmp}/bad.rules:4: rule bad: column 11: missing closing parenthesis
= 2

### Regeldatei mit unbekannter Zeile
% printf 'frobnicate\n' > "$ABG_TMP/bad.rules"
$ abgleich facts --rules-only --rules {tmp}/bad.rules -
! abgleich: {tmp}/bad.rules:1: unknown statement 'frobnicate'
= 2

### Regeldatei fehlt
$ abgleich facts --rules {tmp}/missing.rules -
! abgleich: {tmp}/missing.rules: cannot read rule file
= 2

### 10 000 Ziffern vor Euro und Zahlen jenseits von double: kein Fakt, kein Absturz
% awk 'BEGIN { s = ""; for (i = 0; i < 10000; i++) s = s "9"; print s " Euro"; print "99999999999999999999 Billionen Euro" }' > "$ABG_TMP/big.txt"
$ abgleich facts {tmp}/big.txt

### Katastrophales Backtracking wird begrenzt und einmal gemeldet
# (rules run near figures: the 1 makes the line a place to look)
% printf 'rule evil\n  type quantity\n  pattern (?<num>(a+)+$)\n' > "$ABG_TMP/evil.rules"
% awk 'BEGIN { s = ""; for (i = 0; i < 250; i++) s = s "a"; print "1 " s "b"; print ""; print "2 " s "b" }' > "$ABG_TMP/evil.txt"
$ abgleich facts --rules-only --rules {tmp}/evil.rules {tmp}/evil.txt
! abgleich: {tmp}/evil.txt: warning: rule evil hit its match limit

### Das Regelbeispiel aus der README
% printf 'map unit Windräder = Windräder, Windrädern, Windkraftanlagen\n\nrule quantity.wind\n  type     quantity\n  desc     120 Windräder\n  pattern  (?<num>{DNUM})\\s+(?<unit>{@unit})(?![\\p{L}])\n' > "$ABG_TMP/wind.rules"
$ abgleich facts --rules {tmp}/wind.rules -
< Es drehen sich 120 Windräder.
> <stdin>:1:16  quantity  120 Windräder  exact  "120 Windräder"

### Mit zwei Threads dieselbe Ausgabe wie mit einem, Byte für Byte
# 66 facts and 15 document lines (13 corpus documents, 2 good files of bad/)
$ sh -c 'for j in 1 2; do "$ABG_BIN" facts -f jsonl -j $j corpus/ tests/cli/data/bad > "$ABG_TMP/out$j" 2> "$ABG_TMP/err$j"; echo "exit $?"; done; cmp "$ABG_TMP/out1" "$ABG_TMP/out2" && cmp "$ABG_TMP/err1" "$ABG_TMP/err2" && grep -c "" "$ABG_TMP/out2" "$ABG_TMP/err2" | sed "s|.*/||"'
> exit 2
> exit 2
> out2:81
> err2:2

### Jahresliste nach einem Datumswort: zwei Daten
$ abgleich facts -
< Microsoft beteiligte sich in den Jahren 2019 und 2021 an dem Labor.
> <stdin>:1:34  date  2019  exact  "Jahren 2019"
> <stdin>:1:50  date  2021  exact  "2021"

### Negative twins of the new forms: no cents before a noun, a dot before three digits groups, no date in an ISBN, no number no compound, nothing in an address
$ abgleich facts -
< Es kostet 3 Euro und 20 Kinder kamen.
< Der Händler nahm CHF 1.250 ein.
< Die ISBN 978-3-16-148410-0 steht hinten.
< Die Anlage der Megawatt-Klasse läuft.
< Er schrieb an info@example.de am 3. Mai.
> <stdin>:1:11  money  3 EUR  exact  "3 Euro"
> <stdin>:1:22  quantity  20 Kinder  exact  "20 Kinder"
> <stdin>:2:18  money  1250 CHF  exact  "CHF 1.250"

### Units written out, two qualifiers (the bound counts), and their twins without a number
$ abgleich facts -
< Er wohnt um die Ecke, das Paket ist 3 Kilo schwer.
< Das Kilo Kaffee kostet viel, innerhalb von Berlin fuhr er 50 Kilometer pro Stunde.
< Sie blieb knapp unter 5 Prozent, es kamen gut über 300 Besucher und um die 20 Kinder.
> <stdin>:1:37  quantity  3 kg  exact  "3 Kilo"
> <stdin>:2:59  quantity  50 km/h  exact  "50 Kilometer pro Stunde"
> <stdin>:3:11  percent  5 %  upper  "knapp unter 5 Prozent"
> <stdin>:3:43  quantity  300 Besucher  lower  "gut über 300 Besucher"
> <stdin>:3:69  quantity  20 Kinder  approx  "um die 20 Kinder"

### The article as the number one before a duration or, after a qualifier or von/mit, a measure; not before counted things, not the quantity a price refers to, not the tail of a time
$ abgleich facts -
< Er blieb eine Stunde, dann traf er einen Kunden und eine Frau; ein Liter Milch kostet 1 Euro; das Spiel endete 2:46.
< Der Hai war über eine Tonne schwer, mit einem Kilogramm TNT, eine halbe Stunde lang.
> <stdin>:1:10  quantity  1 Stunden  exact  "eine Stunde"
> <stdin>:1:87  money  1 EUR  exact  "1 Euro"
> <stdin>:2:13  quantity  1 t  lower  "über eine Tonne"
> <stdin>:2:41  quantity  1 kg  exact  "einem Kilogramm"
> <stdin>:2:62  quantity  0.5 Stunden  exact  "eine halbe Stunde"

### A day without a year takes the year that puts it nearest the publication day (3 January after 28 December is next year's); a span across New Year ends in the next year; more than 100 days away it is no fact (15 August and 20 May are as likely of either year)
$ abgleich facts -
< ---
< published: 2025-12-28
< ---
< Ab dem 3. Januar gilt es. Am 14. und 15. Februar tagt der Rat. Vom 28. Dezember bis 3. Januar ist zu. Die Frist endet am 15. August, am 20. Mai tagt der Rat.
> <stdin>:4:1  date  2026-01-03  lower  "Ab dem 3. Januar"
> <stdin>:4:30  date  2026-02-14..2026-02-15  range  "14. und 15. Februar"
> <stdin>:4:68  date  2025-12-28..2026-01-03  range  "28. Dezember bis 3. Januar"

### Its twins: without a publication day a day without a year is no fact; a year written out is the year
$ abgleich facts -
< Die Frist endet am 15. August, der Prozess begann am 28. Dezember 2024 und der 1. FC spielt.
> <stdin>:1:54  date  2024-12-28  exact  "28. Dezember 2024"

### A number after "die Zahl der X ... auf" counts X (the fact is the number and its qualifier); not before percent, a noun or a scale word
$ abgleich facts -
< Die Zahl der Todesopfer ist auf mehr als 1.400 gestiegen, die Anzahl der Toten stieg auf 2.200.
< Die Zahl der Toten stieg auf 30 Prozent, die Zahl der Toten auf 1.400 Menschen, die Zahl der Gäste auf zwei Millionen.
> <stdin>:1:33  quantity  1400 Todesopfer  lower  "mehr als 1.400"
> <stdin>:1:90  quantity  2200 Tote  exact  "2.200"
> <stdin>:2:30  percent  30 %  exact  "30 Prozent"
> <stdin>:2:65  quantity  1400 Menschen  exact  "1.400 Menschen"

### After "im vergangenen Jahr", "jedes Jahr", "pro Jahr" an amount is a fact ("Jahr" labels no number); "im Jahr 2023" stays a date
$ abgleich facts -
< Die Brauerei hat im vergangenen Jahr 1,9 Millionen Hektoliter Bier verkauft und zahlt pro Jahr 15 Milliarden Euro Steuern. Im Jahr 2023 kamen 300 Besucher.
> <stdin>:1:38  quantity  1900000 Hektoliter  exact  "1,9 Millionen Hektoliter"
> <stdin>:1:96  money  15000000000 EUR  exact  "15 Milliarden Euro"
> <stdin>:1:127  date  2023  exact  "Jahr 2023"
> <stdin>:1:143  quantity  300 Besucher  exact  "300 Besucher"

### Bare points of a rate are percentage points where percent, a share or a poll is spoken of in the sentence or the one before; in sports or beside a stock index they stay a count
$ abgleich facts -
< Die Union büßt 2 Punkte ein und steht bei 25 Prozent. Der Marktanteil wuchs um 1,6 Punkte.
< Rapid holte drei Punkte. Der Dax verlor 1,5 Prozent oder 30 Punkte.
> <stdin>:1:16  percent  2 pp  exact  "2 Punkte"
> <stdin>:1:43  percent  25 %  exact  "25 Prozent"
> <stdin>:1:80  percent  1.6 pp  exact  "1,6 Punkte"
> <stdin>:2:13  quantity  3 Punkte  exact  "drei Punkte"
> <stdin>:2:41  percent  1.5 %  exact  "1,5 Prozent"
> <stdin>:2:58  quantity  30 Punkte  exact  "30 Punkte"

### Two years joined by bis are one date range, never a count of what follows ("wurden Stellen": a verb is no adjective of a unit); before a currency or a noun they stay an amount
$ abgleich facts -
< In den Jahren 1998 bis 2004 wurden Stellen abgebaut. Es kostet 1500 bis 2000 Euro, es kamen 1800 bis 2000 Menschen und rund 30 neue Stellen.
> <stdin>:1:15  date  1998..2004  range  "1998 bis 2004"
> <stdin>:1:64  money  1500..2000 EUR  range  "1500 bis 2000 Euro"
> <stdin>:1:93  quantity  1800..2000 Menschen  range  "1800 bis 2000 Menschen"
> <stdin>:1:120  quantity  30 Stellen  approx  "rund 30 neue Stellen"

### Of two qualifiers the last, as written in the map, counts ("etwas mehr als" is lower); "bis zu" joins a range
$ abgleich facts -
< Das Gebot lag bei etwas über 63.000 Euro, es kostet etwas mehr als 5 Euro. Mehrkosten von 600 Millionen bis zu zwei Milliarden Euro.
> <stdin>:1:19  money  63000 EUR  lower  "etwas über 63.000 Euro"
> <stdin>:1:53  money  5 EUR  lower  "etwas mehr als 5 Euro"
> <stdin>:1:91  money  600000000..2000000000 EUR  range  "600 Millionen bis zu zwei Milliarden Euro"

### A year after a noun and "von" is that noun's year; "nach dem" and "bis zum" before a date are its bounds; "von" before an amount stays an amount
$ abgleich facts -
< Um den Fund von 1987 gab es Streit, er amtiert bis zum Frühjahr 2006. Nach dem 1. Januar 1973 galt es. Eine Auflage von 2000 Exemplaren kostet von 2000 Euro an.
> <stdin>:1:17  date  1987  exact  "1987"
> <stdin>:1:48  date  2006  upper  "bis zum Frühjahr 2006"
> <stdin>:1:71  date  1973-01-01  lower  "Nach dem 1. Januar 1973"
> <stdin>:1:121  quantity  2000 Exemplaren  exact  "2000 Exemplaren"
> <stdin>:1:148  money  2000 EUR  exact  "2000 Euro"
