#!/bin/sh
# Time and memory of `abgleich check --facts` as the number of claims
# grows (synthetic claims from bench/genclaims), to see that both grow no
# worse than n log n. Each size runs RUNS times; the median is printed.
# Usage: bench/check.sh BUILD_DIR [RUNS]   (needs /usr/bin/time)
set -eu
build=${1:?usage: bench/check.sh BUILD_DIR [RUNS]}
runs=${2:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf "%9s %9s %9s %12s %12s\n" claims "s" "MB RSS" "us/claim" "KB/claim"
for n in 125000 250000 500000 1000000; do
    "$build/bench/genclaims" $n > "$tmp/c.jsonl"
    : > "$tmp/t"
    : > "$tmp/m"
    r=0
    while [ $r -lt "$runs" ]; do
        /usr/bin/time -f "%e %M" -o "$tmp/tm" "$build/abgleich" check -f json --facts \
            "$tmp/c.jsonl" > /dev/null || [ $? -eq 1 ]
        tail -n 1 "$tmp/tm" | cut -d" " -f1 >> "$tmp/t"
        tail -n 1 "$tmp/tm" | cut -d" " -f2 >> "$tmp/m"
        r=$((r + 1))
    done
    s=$(median < "$tmp/t")
    kb=$(median < "$tmp/m")
    awk -v n=$n -v s="$s" -v kb="$kb" \
        'BEGIN {printf "%9d %9.2f %9.1f %12.2f %12.3f\n", n, s, kb / 1024, s * 1e6 / n, kb / n}'
done
