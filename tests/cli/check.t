# abgleich check: usage, exit codes, the text report and --facts input.
# Expected lines worked out by hand: columns count characters before the
# figure; the group id is FNV-1a (64 bit) of
# "TYPE\x1fFAMILY\x1fMEASURE\x1fROLE\x1fSUBJECT\x1fOBJECT\x1fTIME" (here
# "percent\x1fpercent\x1fanteil\x1flevel\x1fSiemens\x1f\x1f" =
# 218ca3c63f632256), computed separately. One sentence each, the same words:
# one story, confidence 1.00 (subject and measure named in the sentence).

### Zwei Quellen, zwei Werte: Widerspruch, Exit 1
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf 'Siemens hält einen Anteil von 32,5 Prozent an der Firma.\n' > "$ABG_TMP/b.txt"
$ abgleich check {tmp}
> conflict  percent  Siemens  anteil (level)  1.00  218ca3c63f632256
>   no majority among 2 sources
>   {tmp}/a.txt:1:31  27 %  exact  a
>       Siemens hält einen Anteil von [[27 Prozent]] an der Firma.
>   {tmp}/b.txt:1:31  32.5 %  exact  b
>       Siemens hält einen Anteil von [[32,5 Prozent]] an der Firma.
>
> 2 documents, 2 facts, 0 errors: 1 conflicts, 0 agree, 0 single
= 1

### --fail-on none: dieselben Gruppen, Exit 0
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf 'Siemens hält einen Anteil von 32,5 Prozent an der Firma.\n' > "$ABG_TMP/b.txt"
$ abgleich check --fail-on none -f json {tmp}
> {"documents":2,"facts":2,"errors":0,"stories":1,"hidden":0,
>  "copies":[],
>  "groups":[
>   {"id":"218ca3c63f632256","type":"percent","subject":"Siemens","object":null,"measure":"anteil","role":"level","time":null,"verdict":"conflict","cause":null,"confidence":1.0,"story":0,"sources":2,"majority":null,"deviating":[],"inconsistent":[],"claims":[{"doc":"{tmp}/a.txt","source":"a","value":27,"value_to":null,"unit":"%","qualifier":"exact","text":"27 Prozent","sentence":"Siemens hält einen Anteil von 27 Prozent an der Firma.","line":1,"col":31,"time":null,"copy":false,"deviates":false},{"doc":"{tmp}/b.txt","source":"b","value":32.5,"value_to":null,"unit":"%","qualifier":"exact","text":"32,5 Prozent","sentence":"Siemens hält einen Anteil von 32,5 Prozent an der Firma.","line":1,"col":31,"time":null,"copy":false,"deviates":false}]}
>  ]}

### Rund 27 und 27,3: Übereinstimmung, Exit 0
% printf 'Siemens hält einen Anteil von rund 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf 'Siemens hält einen Anteil von 27,3 Prozent an der Firma.\n' > "$ABG_TMP/b.txt"
$ abgleich check {tmp}
> agree  percent  Siemens  anteil (level)  1.00  218ca3c63f632256
>   {tmp}/a.txt:1:31  27 %  approx  a
>       Siemens hält einen Anteil von [[rund 27 Prozent]] an der Firma.
>   {tmp}/b.txt:1:31  27.3 %  exact  b
>       Siemens hält einen Anteil von [[27,3 Prozent]] an der Firma.
>
> 2 documents, 2 facts, 0 errors: 0 conflicts, 1 agree, 0 single

### Eine Quelle allein: nur mit -v gelistet
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
$ abgleich check -v {tmp}
> single  percent  Siemens  anteil (level)  1.00  218ca3c63f632256
>   {tmp}/a.txt:1:31  27 %  exact  a
>       Siemens hält einen Anteil von [[27 Prozent]] an der Firma.
>
> 1 documents, 1 facts, 0 errors: 0 conflicts, 0 agree, 1 single

### Ohne PATH
$ abgleich check
! abgleich: no PATH given (use - for standard input)
! Try 'abgleich help check' for more information.
= 2

### Toleranz ausserhalb von 0 bis 100
$ abgleich check --tolerance 120 corpus/
! abgleich: --tolerance takes a percentage from 0 to 100
! Try 'abgleich help check' for more information.
= 2

### --facts: eine kaputte Zeile wird gemeldet, die anderen zählen, Exit 2
% printf '{"doc":"x.txt","type":"percent","text":"27 %%","value":27,"unit":"%%","qualifier":"exact","subject":"Siemens","measure":"anteil","confidence":0.9}\nkein json\n{"doc":"y.txt","type":"percent","text":"27 %%","value":27,"unit":"%%","qualifier":"exact","subject":"Siemens","measure":"anteil","confidence":0.9}\n{"doc":"z.txt","type":"weight","text":"3","value":3,"qualifier":"exact"}\n' > "$ABG_TMP/f.jsonl"
$ abgleich check --scope all --facts {tmp}/f.jsonl
> agree  percent  Siemens  anteil (level)  0.90  218ca3c63f632256
>   x.txt:0:0  27 %  exact  -
>       [[27 %]]
>   y.txt:0:0  27 %  exact  -
>       [[27 %]]
>
> 2 documents, 2 facts, 2 errors: 0 conflicts, 1 agree, 0 single
! abgleich: {tmp}/f.jsonl: line 2: '[' or '{' expected near 'kein'
! abgleich: {tmp}/f.jsonl: line 4: unknown type
= 2

### --facts ohne Dokumentzeilen: jedes Dokument eine eigene Geschichte, mit Hinweis
% printf '{"doc":"x.txt","type":"percent","text":"27 %%","value":27,"unit":"%%","qualifier":"exact","subject":"Siemens","measure":"anteil","confidence":0.9}\n{"doc":"y.txt","type":"percent","text":"30 %%","value":30,"unit":"%%","qualifier":"exact","subject":"Siemens","measure":"anteil","confidence":0.9}\n' > "$ABG_TMP/f.jsonl"
$ abgleich check --facts {tmp}/f.jsonl
> 2 documents, 2 facts, 0 errors: 0 conflicts, 0 agree, 2 single
! abgleich: note: 2 documents of the facts have no document line; each is a story of its own (--scope all compares them)

### --facts: eine fehlende Datei
$ abgleich check --facts {tmp}/fehlt.jsonl
> 0 documents, 0 facts, 1 errors: 0 conflicts, 0 agree, 0 single
! abgleich: {tmp}/fehlt.jsonl: No such file or directory
= 2

### Ein Alias aus --lexicon: die Stiftung ist die OpenAI Foundation
% printf 'Die Stiftung hält 26 Prozent der Anteile.\n' > "$ABG_TMP/a.txt"
% printf 'Die OpenAI Foundation hält 26 Prozent der Anteile.\n' > "$ABG_TMP/b.txt"
% printf '# die Stiftung dieses Korpus\nalias OpenAI Foundation = Stiftung\n' > "$ABG_TMP/lex.de"
$ abgleich check --scope all --lexicon {tmp}/lex.de {tmp}/a.txt {tmp}/b.txt
> agree  percent  OpenAI Foundation  anteil (level)  1.00  929184ffb1cd09e3
>   {tmp}/a.txt:1:19  26 %  exact  a
>       Die Stiftung hält [[26 Prozent]] der Anteile.
>   {tmp}/b.txt:1:28  26 %  exact  b
>       Die OpenAI Foundation hält [[26 Prozent]] der Anteile.
>
> 2 documents, 2 facts, 0 errors: 0 conflicts, 1 agree, 0 single

### Ohne den Alias bleiben beide allein
% printf 'Die Stiftung hält 26 Prozent der Anteile.\n' > "$ABG_TMP/a.txt"
% printf 'Die OpenAI Foundation hält 26 Prozent der Anteile.\n' > "$ABG_TMP/b.txt"
$ abgleich check {tmp}/a.txt {tmp}/b.txt
> 2 documents, 2 facts, 0 errors: 0 conflicts, 0 agree, 2 single

### Eine kaputte Lexikonzeile: Datei und Zeile, Exit 2
% printf 'name Tesla\nalias = Teslas\n' > "$ABG_TMP/lex.de"
$ abgleich check --lexicon {tmp}/lex.de corpus/tagesblatt.txt
! abgleich: {tmp}/lex.de:2: nothing before '='
= 2

### --facts: zu tief verschachteltes JSON wird abgelehnt, nicht gestapelt
% awk 'BEGIN { s = ""; for (i = 0; i < 5000; i++) s = s "["; print s }' > "$ABG_TMP/f.jsonl"
$ abgleich check --facts {tmp}/f.jsonl
> 0 documents, 0 facts, 1 errors: 0 conflicts, 0 agree, 0 single
! abgleich: {tmp}/f.jsonl: line 1: maximum parsing depth reached near '['
= 2

### Fehler gehen Widersprüchen im Exit-Code vor: 2, nicht 1
% mkdir "$ABG_TMP/d" && printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/d/a.txt" && printf 'Siemens hält einen Anteil von 32,5 Prozent an der Firma.\n' > "$ABG_TMP/d/b.txt" && printf 'x\000y' > "$ABG_TMP/d/c.txt"
$ sh -c '"$ABG_BIN" check --scope all "$ABG_TMP/d" > "$ABG_TMP/out" 2>&1; echo "status $?"; grep -c "conflict" "$ABG_TMP/out"'
> status 2
> 2
