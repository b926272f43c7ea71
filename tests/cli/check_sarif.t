# abgleich check -f sarif: SARIF 2.1.0, one result per reported conflict.
# The structure is checked against what the standard requires by
# tests/tools/check_sarif.c (ctest cli.sarif_corpus); these cases fix the
# content. Columns count characters; endColumn = startColumn + the number
# of characters of the claim's text. Artifact URIs are relative to the
# working directory (the cases that need that cd into {tmp} first) and
# percent-encoded as RFC 3986 asks: a space is %20, ü is %C3%BC, [ and ]
# are %5B and %5D, and a ':' in the first segment of a relative reference
# is %3A (else "c:" would read as a scheme).

### Ein Widerspruch mit Ursache time: ein Ergebnis der Stufe warning
% mkdir "$ABG_TMP/berichte"
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/berichte/a b.txt"
% printf 'Im Jahr 2023 war alles anders.\nVor der Übernahme hielt Siemens einen Anteil von 32,5 Prozent an der Firma.\n' > "$ABG_TMP/berichte/ü[1]:x.txt"
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/c:d.txt"
$ sh -c 'cd "$ABG_TMP" && "$ABG_BIN" check -f sarif berichte c:d.txt'
>@ tests/cli/expected/check-sarif-time.sarif
= 1

### Ohne Widerspruch: keine Ergebnisse, Exit 0
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf 'Siemens hält einen Anteil von 27,3 Prozent an der Firma.\n' > "$ABG_TMP/b.txt"
$ sh -c '"$ABG_BIN" check -f sarif "$ABG_TMP" > "$ABG_TMP/out"; rc=$?; sed -n "/\"columnKind\"/,\$p" "$ABG_TMP/out"; exit $rc'
>       "columnKind": "unicodeCodePoints",
>       "results": []
>     }
>   ]
> }

### Ohne Ursache: Stufe error; ein Pfad außerhalb des Arbeitsordners wird eine file:-URI
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf 'Siemens hält einen Anteil von 32,5 Prozent an der Firma.\n' > "$ABG_TMP/b b.txt"
$ sh -c '"$ABG_BIN" check -f sarif "$ABG_TMP" | grep -E "\"(uri|text|level)\": \"(file|Siemens|[a-z]+\",)"'
>           "level": "error",
>             "text": "Siemens [anteil, level]: 27 % ({tmp}/a.txt), 32.5 % ({tmp}/b b.txt)"
>                   "uri": "file://{tmp}/a.txt"
>                   "uri": "file://{tmp}/b%20b.txt"

### Korpus: Feed-Einträge zeigen auf ihre Datei, ohne #N
$ sh -c '"$ABG_BIN" check -f sarif corpus/ | grep "\"uri\"" | sort -u'
>                   "uri": "corpus/boersenbrief.md"
>                   "uri": "corpus/handelsstimme.htm"
>                   "uri": "corpus/kiticker-feed.xml"
>                   "uri": "corpus/kompass-digital.html"
>                   "uri": "corpus/landbote.txt"
>                   "uri": "corpus/netzspiegel-scraped.txt"
>                   "uri": "corpus/stadtanzeiger.html"
>                   "uri": "corpus/tagesblatt.txt"
>                   "uri": "corpus/technotiz.atom"
>                   "uri": "corpus/wirtschaftskurier.txt"

### Korpus: vier Ergebnisse, ihre Regeln und Fingerabdrücke
$ sh -c '"$ABG_BIN" check -f sarif corpus/ | grep -E "\"(ruleId|ruleIndex|abgleichGroup/v1)\""'
>           "ruleId": "conflict/percent",
>           "ruleIndex": 1,
>             "abgleichGroup/v1": "7144a83fafc0dc12"
>           "ruleId": "conflict/money",
>           "ruleIndex": 0,
>             "abgleichGroup/v1": "3a3416c09c66246a"
>           "ruleId": "conflict/money",
>           "ruleIndex": 0,
>             "abgleichGroup/v1": "eb4e33a9f93cd6ca"
>           "ruleId": "conflict/date",
>           "ruleIndex": 2,
>             "abgleichGroup/v1": "1c4f10eb64f7e59b"

### --facts ohne Zeile und Spalte: die Stelle ohne region
% printf '{"doc":"x.txt","type":"percent","text":"27 %%","value":27,"unit":"%%","qualifier":"exact","subject":"Siemens","measure":"anteil","confidence":0.9}\n{"doc":"y.txt","type":"percent","text":"32 %%","value":32,"unit":"%%","qualifier":"exact","subject":"Siemens","measure":"anteil","confidence":0.9}\n' > "$ABG_TMP/f.jsonl"
$ sh -c '"$ABG_BIN" check -f sarif --scope all --facts "$ABG_TMP/f.jsonl" | sed -n "/\"locations\"/,/\"relatedLocations\"/p"'
>           "locations": [
>             {
>               "id": 0,
>               "physicalLocation": {
>                 "artifactLocation": {
>                   "uri": "x.txt"
>                 }
>               },
>               "message": {
>                 "text": "27 % (x.txt)"
>               }
>             }
>           ],
>           "relatedLocations": [

### Ein von der Baseline angenommener Widerspruch ist kein Ergebnis, Exit 0
% printf 'Siemens hält einen Anteil von 27 Prozent an der Firma.\n' > "$ABG_TMP/a.txt"
% printf 'Siemens hält einen Anteil von 32,5 Prozent an der Firma.\n' > "$ABG_TMP/b.txt"
% printf '{"version":1,"tool":"abgleich","conflicts":[{"id":"218ca3c63f632256"},{"id":"00000000000000ff"}]}\n' > "$ABG_TMP/base.json"
$ sh -c '"$ABG_BIN" check -f sarif --baseline "$ABG_TMP/base.json" "$ABG_TMP/a.txt" "$ABG_TMP/b.txt" > "$ABG_TMP/out"; rc=$?; sed -n "/\"results\"/p" "$ABG_TMP/out"; exit $rc'
>       "results": []
! abgleich: {tmp}/base.json: warning: stale baseline entry 00000000000000ff (-, -): no longer found
