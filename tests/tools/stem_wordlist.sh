#!/bin/sh
# stem_wordlist.sh: `abgleich stem` must give the stems libstemmer gives.
#
#   stem_wordlist.sh ABGLEICH STEM_REF [WORDLIST]
#
# Runs every word of WORDLIST (default /usr/share/dict/ngerman, from the
# Debian package wngerman) through `abgleich stem` (standard input) and
# through stem_ref (libstemmer and utf8proc used directly), compares the
# two outputs line by line, prints how many words were compared and the
# first differences. Fails when the list is missing or has fewer than
# 100000 words: a test that compared nothing must not pass.
set -u

abgleich=$1
ref=$2
list=${3:-/usr/share/dict/ngerman}
min=100000

fail() {
    echo "stem.wordlist: FAIL: $*" >&2
    exit 1
}

[ -x "$abgleich" ] || fail "$abgleich: not an executable"
[ -x "$ref" ] || fail "$ref: not an executable"
[ -r "$list" ] || fail "$list: word list missing (install the wngerman package)"
words=$(wc -l < "$list" | tr -d ' ')
[ "$words" -ge "$min" ] || fail "$list: only $words words, need at least $min"

tmp=$(mktemp -d) || fail "cannot create a temporary folder"
trap 'rm -rf "$tmp"' EXIT INT TERM

"$abgleich" stem < "$list" > "$tmp/abgleich" 2> "$tmp/abgleich.err" \
    || fail "abgleich stem exited with status $?: $(head -n 3 "$tmp/abgleich.err")"
"$ref" < "$list" > "$tmp/ref" 2> "$tmp/ref.err" \
    || fail "stem_ref exited with status $?: $(head -n 3 "$tmp/ref.err")"

got=$(wc -l < "$tmp/abgleich" | tr -d ' ')
want=$(wc -l < "$tmp/ref" | tr -d ' ')
[ "$want" -eq "$words" ] || fail "stem_ref printed $want lines for $words words"

if cmp -s "$tmp/abgleich" "$tmp/ref"; then
    echo "stem.wordlist: $words words compared, all stems agree with libstemmer"
    exit 0
fi
paste "$list" "$tmp/abgleich" "$tmp/ref" | awk -F '\t' '
    $2 != $3 {
        n++
        if (n <= 20)
            printf "  line %d: %s: abgleich %s, libstemmer %s\n", NR, $1, $2, $3
    }
    END { printf "stem.wordlist: %d words compared, %d stems differ\n", NR, n }'
[ "$got" -eq "$want" ] || echo "stem.wordlist: abgleich printed $got lines, libstemmer $want"
fail "abgleich stem disagrees with libstemmer"
