# Plain-text ingestion: encodings, line ends, positions, metadata.
# Offsets after --positions are byte offsets in the original file; they were
# worked out from the bytes of each file (BOM, UTF-16 code units, CRLF).

### UTF-8 ohne BOM
$ abgleich text --positions tests/cli/data/enc/utf8.txt
> ==> tests/cli/data/enc/utf8.txt | source: utf8 | title: - | published: - | encoding: utf-8
> 1:1:0: Microsoft hält etwa 27 Prozent.
> 2:1:33: Die Stiftung hält 26 %.

### UTF-8 mit BOM: der BOM zählt bei den Offsets mit
$ abgleich text --positions tests/cli/data/enc/utf8-bom.txt
> ==> tests/cli/data/enc/utf8-bom.txt | source: utf8-bom | title: - | published: - | encoding: utf-8
> 1:1:3: Microsoft hält etwa 27 Prozent.
> 2:1:36: Die Stiftung hält 26 %.

### UTF-16LE mit BOM: zwei Bytes je Zeichen
$ abgleich text --positions tests/cli/data/enc/utf16le.txt
> ==> tests/cli/data/enc/utf16le.txt | source: utf16le | title: - | published: - | encoding: utf-16le
> 1:1:2: Microsoft hält etwa 27 Prozent.
> 2:1:66: Die Stiftung hält 26 %.

### UTF-16BE mit BOM
$ abgleich text --positions tests/cli/data/enc/utf16be.txt
> ==> tests/cli/data/enc/utf16be.txt | source: utf16be | title: - | published: - | encoding: utf-16be
> 1:1:2: Microsoft hält etwa 27 Prozent.
> 2:1:66: Die Stiftung hält 26 %.

### Windows-1252 mit CRLF: Euro, Gedankenstrich, Anführungszeichen
$ abgleich text --positions tests/cli/data/enc/cp1252.txt
> ==> tests/cli/data/enc/cp1252.txt | source: cp1252 | title: - | published: - | encoding: windows-1252
> 1:1:0: Größe: 5 € – „Zitat“ für 13 Mrd.
> 2:1:34: Zweite Zeile mit ß.

### CRLF, CR und Leerzeilen
$ abgleich text --positions tests/cli/data/enc/crlf.txt
> ==> tests/cli/data/enc/crlf.txt | source: crlf | title: Erste Zeile | published: - | encoding: utf-8
> 1:1:0: Erste Zeile
> 2:1:13: Zweite Zeile mit Ä
>
> 4:1:36: Dritte nach Leerzeile
> 5:1:58: Vierte nach CR

### Datei ohne Endung ist Text
$ abgleich text tests/cli/data/enc/noext
> ==> tests/cli/data/enc/noext | source: noext | title: - | published: - | encoding: utf-8
> Ohne Endung: rund 135 Milliarden US-Dollar.

### Standardeingabe
$ abgleich text -
< Über 13 Milliarden Dollar hat Microsoft investiert.
> ==> <stdin> | source: <stdin> | title: - | published: - | encoding: utf-8
> Über 13 Milliarden Dollar hat Microsoft investiert.

### Vorspann mit Metadaten; Zeilen zählen ab der Datei
% printf -- '---\ntitle: Neue Regeln\nsource: Tagesblatt\npublished: 2025-10-28\n---\n\nMicrosoft hält 27 %%.\n' > "$ABG_TMP/a.md"
$ abgleich text --positions {tmp}/a.md
> ==> {tmp}/a.md | source: Tagesblatt | title: Neue Regeln | published: 2025-10-28 | encoding: utf-8
> 7:1:69: Microsoft hält 27 %.

### JSON nennt Format und Kodierung
$ abgleich text -f json tests/cli/data/enc/cp1252.txt tests/cli/data/enc/utf16le.txt
> [
> {"doc":"tests/cli/data/enc/cp1252.txt","path":"tests/cli/data/enc/cp1252.txt","format":"text","encoding":"windows-1252","source":"cp1252","title":null,"published":null,"text":"Größe: 5 € – „Zitat“ für 13 Mrd.\nZweite Zeile mit ß.\n"},
> {"doc":"tests/cli/data/enc/utf16le.txt","path":"tests/cli/data/enc/utf16le.txt","format":"text","encoding":"utf-16le","source":"utf16le","title":null,"published":null,"text":"Microsoft hält etwa 27 Prozent.\nDie Stiftung hält 26 %.\n"}
> ]

### JSON ohne Dokumente ist ein leeres Feld
% mkdir "$ABG_TMP/leer"
$ abgleich text -f json {tmp}/leer
> []

### Boilerplate einer gescrapten Seite: genau diese Zeilen fallen weg
$ sh -c 'tr -d "\r" < corpus/netzspiegel-scraped.txt > "$ABG_TMP/quelle"; "$ABG_BIN" text corpus/netzspiegel-scraped.txt | tail -n +2 > "$ABG_TMP/gelesen"; diff "$ABG_TMP/quelle" "$ABG_TMP/gelesen"'
> 8,9d7
> < Wir verwenden Cookies, um dir das bestmögliche Erlebnis auf unserer Website zu bieten. Wenn du weitersurfst, gehen wir von deinem Einverständnis aus.
> < Alle akzeptieren
> 13d10
> < Teile diesen Beitrag
> 34,44d30
> < Teile diesen Beitrag
> < Folge uns auf Social Media
> < Jetzt Newsletter abonnieren
> < Ähnliche Beiträge
> < Schreibe einen Kommentar
> < Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert
> < Kommentar *
> < Name *
> < E-Mail *
> < Website
> < Kommentar abschicken
> 46d31
> < English (US) ·
= 1

### Ohne Boilerplate-Regeln bleibt jede Zeile
$ sh -c '"$ABG_BIN" text --no-boilerplate corpus/netzspiegel-scraped.txt | grep -c "Teile diesen Beitrag"'
> 2
