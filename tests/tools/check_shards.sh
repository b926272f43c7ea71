#!/bin/sh
# The reduce step gives the result of one run: `abgleich facts -f jsonl`
# over the corpus split into three shards, then `check --facts` over the
# shards (given out of order), must print byte for byte the JSON of
# `check corpus/`.
# Usage: check_shards.sh ABGLEICH   (run from the repository root)
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run_check() { # exit 1 (conflicts found) is expected here
    rc=0
    "$bin" check -f json "$@" > "$tmp/out" || rc=$?
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        echo "check_shards: check $* exited with $rc" >&2
        exit 1
    fi
    cat "$tmp/out"
}

run_check corpus/ > "$tmp/whole.json"
i=0
for f in $(find corpus -type f ! -name README.md ! -name .abgleichignore | LC_ALL=C sort); do
    i=$((i + 1))
    if [ $i -le 3 ]; then s=1; elif [ $i -le 7 ]; then s=2; else s=3; fi
    echo "$f" >> "$tmp/list$s"
done
for s in 1 2 3; do
    # shellcheck disable=SC2046
    "$bin" facts -f jsonl $(cat "$tmp/list$s") > "$tmp/shard$s.jsonl"
done
run_check --facts "$tmp/shard3.jsonl" "$tmp/shard1.jsonl" "$tmp/shard2.jsonl" > "$tmp/merged.json"
if ! cmp "$tmp/whole.json" "$tmp/merged.json"; then
    diff "$tmp/whole.json" "$tmp/merged.json" | head -20 >&2
    exit 1
fi
# and it is not trivially equal: the corpus has conflicts
grep -q '"verdict":"conflict"' "$tmp/whole.json"
echo "check_shards: $(wc -l < "$tmp/whole.json") lines identical from texts and from 3 shards"
