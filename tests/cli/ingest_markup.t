# HTML pages and RSS/Atom feeds. The expected files were checked against
# the sources line by line: LINE is the source line of the text; header,
# nav, share buttons, aside, form, script, style and footer are gone;
# entities are decoded; the figure caption stays, its <br> is a line break.

### HTML-Seite mit main, publisher und time datetime
$ abgleich text --positions corpus/handelsstimme.htm
>@ tests/cli/expected/handelsstimme.positions.txt

### Atom-Feed: ein Dokument je Eintrag, Zeilen des Quelltexts
$ abgleich text --positions corpus/technotiz.atom
>@ tests/cli/expected/technotiz.positions.txt

### Metadaten aller Formate im Korpus
$ sh -c '"$ABG_BIN" text corpus/ | grep "^==>"'
> ==> corpus/boersenbrief.md | source: Der Börsenbrief | title: Microsoft nach dem OpenAI-Deal – kaufen, halten oder verkaufen? | published: 2025-10-29T07:15:00+01:00 | encoding: utf-8
> ==> corpus/handelsstimme.htm | source: Handelsstimme | title: Microsoft zahlt für den Frieden mit OpenAI – und verdient daran | published: 2025-10-28T18:10:00+01:00 | encoding: utf-8
> ==> corpus/kiticker-feed.xml#1 | source: KI-Ticker | title: Einigung: OpenAI wird zur PBC, Microsoft bleibt an Bord | published: 2025-10-28T17:45:00+01:00 | encoding: utf-8
> ==> corpus/kiticker-feed.xml#2 | source: KI-Ticker | title: AGI-Klausel: Künftig entscheidet ein Gremium | published: 2025-10-29T09:10:00+01:00 | encoding: utf-8
> ==> corpus/kiticker-feed.xml#3 | source: KI-Ticker | title: OpenAI Foundation will Milliarden für Gesundheit ausgeben | published: 2025-10-31T12:00:00+01:00 | encoding: utf-8
> ==> corpus/kompass-digital.html | source: Kompass Digital | title: OpenAI und Microsoft: Die neue Rollenverteilung | published: 2025-10-29T08:30:00+01:00 | encoding: utf-8
> ==> corpus/landbote.txt | source: Märkischer Landbote | title: KI-Pakt aus Übersee – was Betriebe im Havelland wissen müssen | published: 2025-10-30 | encoding: utf-8
> ==> corpus/netzspiegel-scraped.txt | source: netzspiegel-scraped | title: - | published: - | encoding: utf-8
> ==> corpus/stadtanzeiger.html | source: Neuer Stadtanzeiger | title: Ein Weltkonzern ordnet sich neu – und Auenfeld schaut genau hin | published: 2025-10-30T06:00:00+01:00 | encoding: utf-8
> ==> corpus/tagesblatt.txt | source: Berliner Tagesblatt | title: Microsoft und OpenAI stellen ihr Bündnis auf neue Füße | published: 2025-10-28T19:40:00+01:00 | encoding: utf-8
> ==> corpus/technotiz.atom#1 | source: Technotiz | title: Nachgerechnet: Was Microsofts OpenAI-Paket wert ist | published: 2025-10-29T14:00:00+01:00 | encoding: utf-8
> ==> corpus/technotiz.atom#2 | source: Technotiz | title: Rechenzentren: OpenAIs Hunger nach Strom | published: 2025-10-31T10:00:00+01:00 | encoding: utf-8
> ==> corpus/wirtschaftskurier.txt | source: Wirtschaftskurier | title: Der Preis der Freiheit | published: 2025-10-30 | encoding: windows-1252

### Artikeltext mit Skript-Angriffen bleibt Text, Skripte fallen weg
% printf '<html><head><title>T</title><script>var x = 1;</script></head><body><article><p>&lt;script&gt;alert(1)&lt;/script&gt; und &quot;&gt;&lt;img src=x onerror=alert(1)&gt; und ]]&gt;</p><script>geheim()</script></article></body></html>\n' > "$ABG_TMP/a.html"
$ abgleich text {tmp}/a.html
> ==> {tmp}/a.html | source: a | title: T | published: - | encoding: utf-8
> <script>alert(1)</script> und "><img src=x onerror=alert(1)> und ]]>

### Ohne article und main: body; og:site_name vor publisher
% printf '<html><head><meta property="og:site_name" content="Seite A"><meta name="publisher" content="Verlag B"></head><body><nav>Menü</nav><div>Erster Absatz</div>Zeile<br>nach br</body></html>\n' > "$ABG_TMP/p.html"
$ abgleich text {tmp}/p.html
> ==> {tmp}/p.html | source: Seite A | title: - | published: - | encoding: utf-8
> Erster Absatz
>
> Zeile
> nach br

### Externe Entitäten werden nicht geladen
$ abgleich text tests/fuzz/seeds/fuzz_ingest_rss/xxe.xml
> ==> tests/fuzz/seeds/fuzz_ingest_rss/xxe.xml#1 | source: X | title: &x; | published: - | encoding: utf-8
> &x;

### Entitäten-Bombe wird abgewiesen, die Nachbardatei gelesen
$ abgleich text tests/fuzz/seeds/fuzz_ingest_rss/billion-laughs.xml corpus/technotiz.atom
>@ tests/cli/expected/technotiz.txt
! abgleich: tests/fuzz/seeds/fuzz_ingest_rss/billion-laughs.xml: entity references nested or expanding too much
= 2

### Zu tief geschachteltes HTML
$ abgleich text tests/fuzz/seeds/fuzz_ingest_html/deep.html
! abgleich: tests/fuzz/seeds/fuzz_ingest_html/deep.html: element nesting deeper than 256
= 2

### Kein Feed
% printf '<?xml version="1.0"?><urlset><url>x</url></urlset>\n' > "$ABG_TMP/sitemap.xml"
$ abgleich text {tmp}/sitemap.xml
! abgleich: {tmp}/sitemap.xml: not an rss or atom feed
= 2

### RSS-Datum nach RFC 822 wird ISO 8601; CDATA mit ]]> über zwei Abschnitte
$ abgleich text tests/fuzz/seeds/fuzz_ingest_rss/cdata.xml
> ==> tests/fuzz/seeds/fuzz_ingest_rss/cdata.xml#1 | source: C | title: a | published: 2025-10-28T17:45:00Z | encoding: utf-8
> eins ]]> zwei
