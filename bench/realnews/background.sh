#!/bin/sh
# background.sh: make rules/background.de, the background document
# frequencies that story linking mixes into its idf (see src/lib/story.h).
#
# usage: bench/realnews/background.sh ABGLEICH TEXTDIR > rules/background.de
#
# ABGLEICH is the built program (build/abgleich); TEXTDIR holds the German
# Wikinews articles as wn-*.txt, written by ../shared/bench/materialize_corpus.py
# from the public repository uhh-lt/german-news-quotation-attribution-2024.
# Each file is counted on its own with
# `abgleich terms --by doc`, so the stems are exactly the library's (folded,
# Snowball, without stopwords); stems shorter than 3 bytes are left out, as
# signatures leave them out. A stem is listed when at least 3 documents hold
# it. Run it from anywhere; it works in the repository root (for the
# default stopword list).
set -eu
LC_ALL=C
export LC_ALL
bin=${1:?usage: background.sh ABGLEICH TEXTDIR}
dir=${2:?usage: background.sh ABGLEICH TEXTDIR}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
cd "$(dirname "$0")/../.."
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT INT TERM
n=0
for f in "$dir"/wn-*.txt; do
    [ -f "$f" ] || { echo "background.sh: no wn-*.txt in $dir" >&2; exit 2; }
    # one row per stem of the document: group,stem,form,count,docs,...
    "$bin" terms --by doc -n 0 -f csv -q "$f" | awk -v f="$f" '
        NR == 1 { next }
        {
            # the second CSV field (RFC 4180: quoted when it holds , or ")
            s = $0; sub(/^("([^"]|"")*"|[^,]*),/, "", s)
            if (s ~ /^"/) { match(s, /^"([^"]|"")*"/); stem = substr(s, 2, RLENGTH - 2); gsub(/""/, "\"", stem) }
            else { match(s, /^[^,]*/); stem = substr(s, 1, RLENGTH) }
            if (stem == "") { print "background.sh: " f ": unexpected row: " $0 > "/dev/stderr"; exit 2 }
            if (length(stem) >= 3) print stem
        }' >>"$tmp"
    n=$((n + 1))
done
cat <<HEAD
# background.de: background document frequencies for linking documents into
# stories (see src/lib/story.h). A stem a large share of news articles holds
# (jahr, prozent, regier) weighs little when two documents share it, even in
# a run of three documents.
#
# Made by bench/realnews/background.sh with abgleich's own stemmer and
# stopword list, from the $n articles of German Wikinews in the public
# repository uhh-lt/german-news-quotation-attribution-2024. Texts: German
# Wikinews, CC BY 2.5. This file holds only counts of stems, no text.
#
# Format: '#' comments; 'documents N', the size of the collection; then
# 'STEM COUNT': COUNT of the N documents hold STEM (only stems of at least
# 3 bytes that at least 3 documents hold), in byte order of the stem.
documents $n
HEAD
sort "$tmp" | uniq -c | awk '$1 >= 3 { print $2, $1 }' | sort -k1,1
