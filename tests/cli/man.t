# The man page abgleich.1: it renders without warnings, it documents every
# option every command has (tests/tools/check_manpage.sh), and its examples
# that need no other files run as written.

### groff liest die Handbuchseite ohne Warnungen
$ groff -man -Tutf8 -ww -z abgleich.1

### Jede Option jedes Befehls steht in der Handbuchseite, und jede dort genannte gibt es
$ sh -c 'sh tests/tools/check_manpage.sh "$ABG_BIN" abgleich.1'

### Gesetzt zeigt die Seite NAME und die Optionen (wie man ./abgleich.1)
$ sh -c 'groff -man -Tutf8 -P-cbou abgleich.1 | grep -e "^NAME" -e "abgleich - cross-check" -e "^       --no-progress$"'
> NAME
>        abgleich - cross-check the facts of German news articles
>        --no-progress

### Beispiel: Fakten von der Standardeingabe
$ abgleich facts -
< Der Wert liegt bei rund 135 Milliarden US-Dollar.
> <stdin>:1:20  money  135000000000 USD  approx  "rund 135 Milliarden US-Dollar"

### Beispiel: die Stämme zweier Wörter
$ abgleich stem Beteiligung Anteile
> beteil
> anteil

### Beispiel: nur Geldbeträge als CSV in eine Datei
$ sh -c '"$ABG_BIN" facts --type money -f csv -o "$ABG_TMP/money.csv" corpus/ && cut -d, -f3 "$ABG_TMP/money.csv" | sort -u'
> money
> type
