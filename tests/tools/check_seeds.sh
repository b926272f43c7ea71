#!/bin/sh
# The facts of the seed articles that the extraction issue lists, checked
# by hand (tests/cli/expected/seeds-checklist.txt), must all be in
# `abgleich facts ../shared/seeds/`. The seeds live beside the repository,
# not in it: without them the test is skipped (exit 77), not passed.
# usage: check_seeds.sh ABGLEICH_BINARY   (run from the source root)
set -eu
seeds=../shared/seeds
[ -d "$seeds" ] || { echo "no $seeds beside the repository: skipped"; exit 77; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$1" facts "$seeds/" > "$out"
missing=$(grep -F -x -v -f "$out" tests/cli/expected/seeds-checklist.txt || true)
if [ -n "$missing" ]; then
    printf 'missing:\n%s\n' "$missing"
    exit 1
fi
echo "$(wc -l < tests/cli/expected/seeds-checklist.txt) listed seed facts found"
