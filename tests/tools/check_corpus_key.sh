#!/bin/sh
# Checks the planted facts of corpus/README.md (the answer key's fact
# table, rows "| Fnn | `doc` | `text` | line:col | type | value | value_to |
# unit | qualifier | ...") against `abgleich facts corpus/`: every row must
# be found with its text, type, value, unit and qualifier; for plain text
# also at its line and column (for HTML and feeds the key counts columns
# in the raw markup, abgleich in the extracted text line, so only the
# document is compared there).
# usage: check_corpus_key.sh ABGLEICH_BINARY   (run from the source root)
set -eu
bin=$1
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$bin" facts corpus/ > "$out"

awk -F'|' -v facts="$out" '
function trim(s) { gsub(/^[ \t`]+|[ \t`]+$/, "", s); return s }
BEGIN { while ((getline l < facts) > 0) { gsub(/\302\240/, " ", l); have[++n] = l } }
/^\| F[0-9]+ / {
    id = trim($2); doc = trim($3); text = trim($4); pos = trim($5)
    type = trim($6); value = trim($7); to = trim($8); unit = trim($9); qual = trim($10)
    sub(/ \(.*$/, "", text)           # drop the notes of the key: "27 % (U+00A0 after ...)"
    gsub(/`/, "", text)
    gsub(/\302\240/, " ", text)       # no-break spaces compare as spaces
    v = value; if (to != "—" && to != "-") v = v ".." to
    if (unit != "null" && unit != "—" && unit != "-") v = v " " unit
    want = "  " type "  " v "  " qual "  \"" text "\""
    loc = "corpus/" doc ":"
    if (doc ~ /\.(txt|md)$/) loc = loc pos "  "
    found = 0
    for (i = 1; i <= n && !found; i++)
        if (index(have[i], loc) == 1 && index(have[i], want) > 0) found = 1
    rows++
    if (!found) { missing++; print "missing " id ": " loc want }
}
END {
    printf "%d planted facts checked, %d missing\n", rows, missing
    exit (rows < 60 || missing > 0)
}' corpus/README.md
