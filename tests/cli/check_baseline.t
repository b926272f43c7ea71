# abgleich check --write-baseline FILE and --baseline FILE: accepted
# conflicts are counted, not reported; new ones are; entries whose conflict
# went away are stale; a bad baseline file is trouble (exit 2).
#
# Two small articles (a.txt 27 %, b.txt 32,5 % for Siemens) give one
# conflict, 218ca3c63f632256 (as in check.t). The corpus cases copy corpus/
# into {tmp}/docs; their reports are cut down with sed to the conflicts and
# the baseline lines, so that changes to the extraction of agreeing or single
# facts do not touch them. The corpus has 4 conflicts (corpus/README.md,
# section 3): 06916c5ff59aa4ab (G1, percent), 9aa919c40ed2fa5b (G2, money,
# currency), 21e8be373d2344b6 (G3, money, scale), fc3ee8d9ba298f32 (G4, date).

### Die Baseline: eine Zeile pro Widerspruch, mit Werten und Fundstellen
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf 'Siemens hält einen Anteil von 32,5 Prozent an der Firma.\n' > "$ABG_TMP/b.txt"
$ sh -c '"$ABG_BIN" check --write-baseline "$ABG_TMP/base.json" "$ABG_TMP/a.txt" "$ABG_TMP/b.txt" > /dev/null; echo "exit $?"; cat "$ABG_TMP/base.json"'
> exit 1
> {"version":1,"tool":"abgleich",
>  "conflicts":[
>   {"id":"218ca3c63f632256","type":"percent","subject":"Siemens","measure":"anteil","cause":null,"values":["27 % ({tmp}/a.txt:1:31)","32.5 % ({tmp}/b.txt:1:31)"]}
>  ]}

### Ohne Widersprüche: eine leere Baseline
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
$ sh -c '"$ABG_BIN" check --write-baseline "$ABG_TMP/base.json" "$ABG_TMP/a.txt" > /dev/null; echo "exit $?"; cat "$ABG_TMP/base.json"'
> exit 0
> {"version":1,"tool":"abgleich",
>  "conflicts":[]}

### Mit der Baseline: der Widerspruch ist angenommen, Exit 0
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf 'Siemens hält einen Anteil von 32,5 Prozent an der Firma.\n' > "$ABG_TMP/b.txt"
% printf '{"version":1,"tool":"abgleich","conflicts":[{"id":"218ca3c63f632256"}]}\n' > "$ABG_TMP/base.json"
$ abgleich check --baseline {tmp}/base.json {tmp}/a.txt {tmp}/b.txt
> 2 documents, 2 facts, 0 errors: 0 conflicts, 0 agree, 0 single
> 1 conflicts accepted by the baseline, 0 stale entries

### --fail-on any zählt auch angenommene Widersprüche, Exit 1
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf 'Siemens hält einen Anteil von 32,5 Prozent an der Firma.\n' > "$ABG_TMP/b.txt"
% printf '{"version":1,"tool":"abgleich","conflicts":[{"id":"218ca3c63f632256"}]}\n' > "$ABG_TMP/base.json"
$ abgleich check --fail-on any --baseline {tmp}/base.json {tmp}/a.txt {tmp}/b.txt
> 2 documents, 2 facts, 0 errors: 0 conflicts, 0 agree, 0 single
> 1 conflicts accepted by the baseline, 0 stale entries
= 1

### JSON: angenommene Gruppen bleiben, mit "accepted":true, und die Zählung
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf 'Siemens hält einen Anteil von 32,5 Prozent an der Firma.\n' > "$ABG_TMP/b.txt"
% printf '{"version":1,"tool":"abgleich","conflicts":[{"id":"218ca3c63f632256"},{"id":"00000000000000ff","type":"money","subject":"Bosch"}]}\n' > "$ABG_TMP/base.json"
$ abgleich check -f json --baseline {tmp}/base.json {tmp}/a.txt {tmp}/b.txt
> {"documents":2,"facts":2,"errors":0,"accepted":1,"stale":1,"stories":1,"hidden":0,
>  "copies":[],
>  "groups":[
>   {"id":"218ca3c63f632256","type":"percent","subject":"Siemens","object":null,"measure":"anteil","role":"level","time":null,"verdict":"conflict","cause":null,"confidence":1.0,"story":0,"sources":2,"majority":null,"deviating":[],"inconsistent":[],"accepted":true,"claims":[{"doc":"{tmp}/a.txt","source":"a","value":27,"value_to":null,"unit":"%","qualifier":"exact","text":"27 Prozent","sentence":"Siemens hält einen Anteil von 27 Prozent an der Firma.","line":1,"col":31,"time":null,"copy":false,"deviates":false},{"doc":"{tmp}/b.txt","source":"b","value":32.5,"value_to":null,"unit":"%","qualifier":"exact","text":"32,5 Prozent","sentence":"Siemens hält einen Anteil von 32,5 Prozent an der Firma.","line":1,"col":31,"time":null,"copy":false,"deviates":false}]}
>  ]}
! abgleich: {tmp}/base.json: warning: stale baseline entry 00000000000000ff (Bosch, money): no longer found

### JSON ohne --baseline: keine Zählung, keine Markierung
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
$ abgleich check -f json {tmp}/a.txt
> {"documents":1,"facts":1,"errors":0,"stories":0,"hidden":0,
>  "copies":[],
>  "groups":[
>   {"id":"218ca3c63f632256","type":"percent","subject":"Siemens","object":null,"measure":"anteil","role":"level","time":null,"verdict":"single","cause":null,"confidence":1.0,"story":0,"sources":1,"majority":null,"deviating":[],"inconsistent":[],"claims":[{"doc":"{tmp}/a.txt","source":"a","value":27,"value_to":null,"unit":"%","qualifier":"exact","text":"27 Prozent","sentence":"Siemens hält einen Anteil von 27 Prozent an der Firma.","line":1,"col":31,"time":null,"copy":false,"deviates":false}]}
>  ]}

### Veraltete Einträge: im Text gelistet, ein Eintrag zweimal zählt einmal
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf 'Siemens hält einen Anteil von 27,3 Prozent an der Firma.\n' > "$ABG_TMP/b.txt"
% printf '{"version":1,"tool":"abgleich","conflicts":[{"id":"218ca3c63f632256","type":"percent","subject":"Siemens"},{"id":"218ca3c63f632256"}]}\n' > "$ABG_TMP/base.json"
$ abgleich check --baseline {tmp}/base.json {tmp}/a.txt {tmp}/b.txt
> agree  percent  Siemens  anteil (level)  1.00  218ca3c63f632256
>   {tmp}/a.txt:1:31  27 %  exact  a
>       Siemens hält einen Anteil von [[27 Prozent]] an der Firma.
>   {tmp}/b.txt:1:31  27.3 %  exact  b
>       Siemens hält einen Anteil von [[27,3 Prozent]] an der Firma.
>
> stale baseline entry 218ca3c63f632256 (Siemens, percent): no longer found
>
> 2 documents, 2 facts, 0 errors: 0 conflicts, 1 agree, 0 single
> 0 conflicts accepted by the baseline, 1 stale entries

### -q: keine Warnung über veraltete Einträge neben JSON
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf '{"version":1,"tool":"abgleich","conflicts":[{"id":"00000000000000ff"}]}\n' > "$ABG_TMP/base.json"
$ abgleich check -q -f json --baseline {tmp}/base.json {tmp}/a.txt
> {"documents":1,"facts":1,"errors":0,"accepted":0,"stale":1,"stories":0,"hidden":0,
>  "copies":[],
>  "groups":[
>   {"id":"218ca3c63f632256","type":"percent","subject":"Siemens","object":null,"measure":"anteil","role":"level","time":null,"verdict":"single","cause":null,"confidence":1.0,"story":0,"sources":1,"majority":null,"deviating":[],"inconsistent":[],"claims":[{"doc":"{tmp}/a.txt","source":"a","value":27,"value_to":null,"unit":"%","qualifier":"exact","text":"27 Prozent","sentence":"Siemens hält einen Anteil von 27 Prozent an der Firma.","line":1,"col":31,"time":null,"copy":false,"deviates":false}]}
>  ]}

### Dieselbe Datei lesen und schreiben: die Baseline wird erneuert
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf 'Siemens hält einen Anteil von 32,5 Prozent an der Firma.\n' > "$ABG_TMP/b.txt"
% printf '{"version":1,"tool":"abgleich","conflicts":[{"id":"00000000000000ff"}]}\n' > "$ABG_TMP/base.json"
$ sh -c '"$ABG_BIN" check --baseline "$ABG_TMP/base.json" --write-baseline "$ABG_TMP/base.json" "$ABG_TMP/a.txt" "$ABG_TMP/b.txt" > "$ABG_TMP/out"; rc=$?; tail -n 2 "$ABG_TMP/out"; cat "$ABG_TMP/base.json"; exit $rc'
> 2 documents, 2 facts, 0 errors: 1 conflicts, 0 agree, 0 single
> 0 conflicts accepted by the baseline, 1 stale entries
> {"version":1,"tool":"abgleich",
>  "conflicts":[
>   {"id":"218ca3c63f632256","type":"percent","subject":"Siemens","measure":"anteil","cause":null,"values":["27 % ({tmp}/a.txt:1:31)","32.5 % ({tmp}/b.txt:1:31)"]}
>  ]}
# the conflict is new to the baseline that was read: exit 1, though the
# baseline written in the same run accepts it
= 1

#### The corpus ####

### Korpus: Baseline schreiben, dann damit prüfen: 4 angenommen, Exit 0
% cp -R corpus "$ABG_TMP/docs"
% "$ABG_BIN" check -q --fail-on none --write-baseline "$ABG_TMP/base.json" "$ABG_TMP/docs" > /dev/null
$ sh -c '"$ABG_BIN" check --baseline "$ABG_TMP/base.json" "$ABG_TMP/docs" > "$ABG_TMP/out"; rc=$?; sed -e "/^agree/,/^\$/d" -e "s/^.* errors: \([0-9]* conflicts\),.*/\1/" "$ABG_TMP/out"; exit $rc'
> 0 conflicts
> 4 conflicts accepted by the baseline, 0 stale entries

### Korpus: die Baseline nennt die 4 Widersprüche
% cp -R corpus "$ABG_TMP/docs"
$ sh -c '"$ABG_BIN" check -q --write-baseline "$ABG_TMP/base.json" "$ABG_TMP/docs" > /dev/null; echo "exit $?"; sed -e "s/\"measure\".*//" "$ABG_TMP/base.json"'
> exit 1
> {"version":1,"tool":"abgleich",
>  "conflicts":[
>   {"id":"7144a83fafc0dc12","type":"percent","subject":"Microsoft",
>   {"id":"3a3416c09c66246a","type":"money","subject":"Microsoft",
>   {"id":"eb4e33a9f93cd6ca","type":"money","subject":"OpenAI",
>   {"id":"1c4f10eb64f7e59b","type":"date","subject":"Microsoft",
>  ]}

### Korpus: ein geänderter Artikel bringt einen neuen Widerspruch, nur er wird gemeldet, Exit 1
# ChatGPT's 800 Millionen wöchentliche Nutzer agree between handelsstimme and
# kiticker#1; with 900 Millionen in handelsstimme the group conflicts. Its id
# stays (type, family, subject, stem) and is not in the baseline.
% cp -R corpus "$ABG_TMP/docs"
% "$ABG_BIN" check -q --fail-on none --write-baseline "$ABG_TMP/base.json" "$ABG_TMP/docs" > /dev/null
% sed 's/800 Millionen wöchentliche Nutzer/900 Millionen wöchentliche Nutzer/' corpus/handelsstimme.htm > "$ABG_TMP/docs/handelsstimme.htm"
$ sh -c '"$ABG_BIN" check --baseline "$ABG_TMP/base.json" "$ABG_TMP/docs" > "$ABG_TMP/out"; rc=$?; sed -e "/^agree/,/^\$/d" -e "s/^.* errors: \([0-9]* conflicts\),.*/\1/" "$ABG_TMP/out"; exit $rc'
> conflict  quantity  ChatGPT  nutzer (level)  0.92  18d9f3563fc0711a
>   no majority among 2 sources
>   {tmp}/docs/handelsstimme.htm:39:69  900000000 Nutzer  exact  Handelsstimme
>       ChatGPT kommt auf [[900 Millionen wöchentliche Nutzer]].
>   {tmp}/docs/kiticker-feed.xml#1:17:137  800000000 Nutzer  exact  KI-Ticker
>       Für OpenAI geht es dabei hauptsächlich um frisches Kapital: ChatGPT zählt [[800 Millionen wöchentliche Nutzer]], und deren Versorgung mit Rechenleistung verschlingt enorme Summen.
>
> 1 conflicts
> 4 conflicts accepted by the baseline, 0 stale entries
= 1

### Korpus: derselbe neue Widerspruch in SARIF, als einziges Ergebnis
% cp -R corpus "$ABG_TMP/docs"
% "$ABG_BIN" check -q --fail-on none --write-baseline "$ABG_TMP/base.json" "$ABG_TMP/docs" > /dev/null
% sed 's/800 Millionen wöchentliche Nutzer/900 Millionen wöchentliche Nutzer/' corpus/handelsstimme.htm > "$ABG_TMP/docs/handelsstimme.htm"
$ sh -c '"$ABG_BIN" check -f sarif --baseline "$ABG_TMP/base.json" "$ABG_TMP/docs" > "$ABG_TMP/out"; rc=$?; grep -E "\"(ruleId|abgleichGroup/v1)\"|\"level\": \"[a-z]+\"," "$ABG_TMP/out"; exit $rc'
>           "ruleId": "conflict/quantity",
>           "level": "error",
>             "abgleichGroup/v1": "18d9f3563fc0711a"
= 1

### Korpus: --fail-on none, Exit 0 trotz neuem Widerspruch
% cp -R corpus "$ABG_TMP/docs"
% "$ABG_BIN" check -q --fail-on none --write-baseline "$ABG_TMP/base.json" "$ABG_TMP/docs" > /dev/null
% sed 's/800 Millionen wöchentliche Nutzer/900 Millionen wöchentliche Nutzer/' corpus/handelsstimme.htm > "$ABG_TMP/docs/handelsstimme.htm"
$ sh -c '"$ABG_BIN" check --fail-on none --baseline "$ABG_TMP/base.json" "$ABG_TMP/docs" > "$ABG_TMP/out"; rc=$?; tail -n 1 "$ABG_TMP/out"; exit $rc'
> 4 conflicts accepted by the baseline, 0 stale entries

### Korpus: ein behobener Fehler macht den Eintrag veraltet, Exit 0
# landbote's "250 Billionen" (G3, cause scale) corrected to "250 Milliarden":
# G3 agrees now, so its baseline entry matches no conflict.
% cp -R corpus "$ABG_TMP/docs"
% "$ABG_BIN" check -q --fail-on none --write-baseline "$ABG_TMP/base.json" "$ABG_TMP/docs" > /dev/null
% sed 's/250 Billionen US-Dollar/250 Milliarden US-Dollar/' corpus/landbote.txt > "$ABG_TMP/docs/landbote.txt"
$ sh -c '"$ABG_BIN" check --baseline "$ABG_TMP/base.json" "$ABG_TMP/docs" > "$ABG_TMP/out"; rc=$?; sed -e "/^agree/,/^\$/d" -e "s/^.* errors: \([0-9]* conflicts\),.*/\1/" "$ABG_TMP/out"; exit $rc'

#### Bad baselines: exit 2 before any article is read ####
> stale baseline entry eb4e33a9f93cd6ca (OpenAI, money): no longer found
>
> 0 conflicts
> 3 conflicts accepted by the baseline, 1 stale entries

### Keine JSON-Datei
% printf 'kein json\n' > "$ABG_TMP/base.json"
$ abgleich check --baseline {tmp}/base.json corpus/
! abgleich: {tmp}/base.json: not valid JSON: line 1: '[' or '{' expected near 'kein'
= 2

### Leere Datei
% : > "$ABG_TMP/base.json"
$ abgleich check --baseline {tmp}/base.json corpus/
! abgleich: {tmp}/base.json: not valid JSON: line 1: '[' or '{' expected near end of file
= 2

### JSON, aber keine Baseline: eine Liste
% printf '[1, 2]\n' > "$ABG_TMP/base.json"
$ abgleich check --baseline {tmp}/base.json corpus/
! abgleich: {tmp}/base.json: not an abgleich baseline: not a JSON object
= 2

### JSON, aber keine Baseline: Ausgabe von check -f json
% "$ABG_BIN" check -f json --fail-on none corpus/tagesblatt.txt > "$ABG_TMP/base.json"
$ abgleich check --baseline {tmp}/base.json corpus/
! abgleich: {tmp}/base.json: not an abgleich baseline: "version" must be 1
= 2

### Falsche Version
% printf '{"version":2,"tool":"abgleich","conflicts":[]}\n' > "$ABG_TMP/base.json"
$ abgleich check --baseline {tmp}/base.json corpus/
! abgleich: {tmp}/base.json: not an abgleich baseline: "version" must be 1
= 2

### Ein anderes Werkzeug
% printf '{"version":1,"tool":"eslint","conflicts":[]}\n' > "$ABG_TMP/base.json"
$ abgleich check --baseline {tmp}/base.json corpus/
! abgleich: {tmp}/base.json: not an abgleich baseline: "tool" must be "abgleich"
= 2

### Keine Liste der Widersprüche
% printf '{"version":1,"tool":"abgleich","conflicts":{}}\n' > "$ABG_TMP/base.json"
$ abgleich check --baseline {tmp}/base.json corpus/
! abgleich: {tmp}/base.json: not an abgleich baseline: no "conflicts" list
= 2

### Eine Kennung, die kein Fingerabdruck ist
% printf '{"version":1,"tool":"abgleich","conflicts":[{"id":"218ca3c63f632256"},{"id":"D988BCAAEA793639"}]}\n' > "$ABG_TMP/base.json"
$ abgleich check --baseline {tmp}/base.json corpus/
! abgleich: {tmp}/base.json: not an abgleich baseline: conflict 2 needs an "id" of 16 hexadecimal digits
= 2

### Die Datei fehlt
$ abgleich check --baseline {tmp}/fehlt.json corpus/
! abgleich: {tmp}/fehlt.json: No such file or directory
= 2

### Ein Ordner statt einer Datei
$ abgleich check --baseline {tmp} corpus/
! abgleich: {tmp}: is a folder, not a file
= 2

### --write-baseline in einen fehlenden Ordner: Exit 2, kein Bericht
$ abgleich check --write-baseline {tmp}/fehlt/base.json corpus/tagesblatt.txt
! abgleich: {tmp}/fehlt/base.json: folder '{tmp}/fehlt' does not exist
= 2
