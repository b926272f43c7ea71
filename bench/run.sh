#!/bin/sh
# Throughput of abgleich on a generated corpus, beside baselines measured
# in the same run: `cat` of the same files (reading only), and bench_loop,
# a bare C loop that reads the files and runs the compiled patterns of
# rules/de.rules over them where they may start (one thread). facts runs
# with one thread (-j 1) and with two (-j 2).
# usage: bench/run.sh [BUILD_DIR] [MEGABYTES] [RUNS]
# Prints one line per command: the median wall time of RUNS runs, MB/s,
# and the ratio to the reading baseline.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
mb=${2:-200}
runs=${3:-3}
dir=${BENCH_DIR:-/tmp/abgleich-bench-$mb}

if [ ! -d "$dir" ]; then
    "$build/bench/gencorpus" "$dir" "$mb" corpus/tagesblatt.txt corpus/boersenbrief.md \
        corpus/landbote.txt corpus/netzspiegel-scraped.txt >/dev/null
fi
bytes=$(find "$dir" -type f -name '*.txt' -exec cat {} + | wc -c)

median() {
    # the median of RUNS timings of the command "$@"
    i=0
    times=""
    while [ "$i" -lt "$runs" ]; do
        start=$(date +%s.%N)
        "$@" >/dev/null
        end=$(date +%s.%N)
        times="$times $(echo "$end - $start" | bc)"
        i=$((i + 1))
    done
    printf '%s\n' $times | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

read_s=$(median sh -c "find '$dir' -type f -name '*.txt' -exec cat {} +")
printf '%-28s %8s %9s %8s\n' command seconds "MB/s" "x read"
report() {
    s=$1
    shift
    printf '%-28s %8.3f %9.1f %8.1f\n' "$*" "$s" \
        "$(echo "$bytes / 1000000 / $s" | bc -l)" "$(echo "$s / $read_s" | bc -l)"
}
report "$read_s" "read (cat)"
loop_s=$(median sh -c "find '$dir' -type f -name '*.txt' -print0 | xargs -0 '$build/bench/bench_loop' rules/de.rules")
report "$loop_s" "loop: read + rule patterns"
for cmd in "text" "facts -j 1" "facts -j 2" "terms"; do
    # $cmd is split into the command and its options on purpose
    # shellcheck disable=SC2086
    s=$(median "$build/abgleich" $cmd -q "$dir")
    report "$s" "abgleich $cmd"
done
echo "corpus: $bytes bytes in $(find "$dir" -type f | wc -l) files; median of $runs runs"
