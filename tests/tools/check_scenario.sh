#!/bin/sh
# Runs one cross-check scenario (tests/check/README.md): `abgleich check -f
# json [options] DOCS...` over the scenario's documents, then check_groups
# over the output and the scenario's spec (SCENARIO_DIR/expect), which also
# compares check's exit status with the spec's `exit` line.
#
# The documents are SCENARIO_DIR/docs (a folder or a symlink to one), unless
# the spec names them: `docs-path PATH` (one folder or file) or `docs-files
# PATH...` (any number of lines), paths relative to the source root. With
# `skip-without-docs` a missing docs-path skips the scenario (exit 77).
# `options ARG...` adds options to check; `unchanged-from DIR` also runs
# scenario DIR and lets check_groups compare the two outputs.
#
# usage: check_scenario.sh ABGLEICH_BINARY SCENARIO_DIR [CHECK_GROUPS_BINARY]
#        (run from the source root; paths must not contain spaces)
set -eu
set -f
bin=$1
dir=${2%/}
checker=${3:-${CHECK_GROUPS:-check_groups}}

spec=$dir/expect
[ -f "$spec" ] || { echo "$spec: no such spec"; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# directive NAME SPEC: the arguments of every NAME line, joined by spaces
directive() {
    sed -n "s/^$1[[:space:]]\{1,\}//p" "$2" | tr '\n' ' '
}

# docs SCENARIO_DIR: sets $paths to the documents to give check; returns 77
# when they are missing and the spec allows that, 2 when they are missing
docs() {
    s=$1/expect
    files=$(directive docs-files "$s")
    path=$(directive docs-path "$s")
    if [ -n "$files" ]; then
        paths=$files
    elif [ -n "$path" ]; then
        paths=$path
    else
        paths=$1/docs
    fi
    for p in $paths; do
        if [ ! -e "$p" ]; then
            if grep -q '^skip-without-docs[[:space:]]*$' "$s"; then
                echo "$p: not there, scenario skipped"
                return 77
            fi
            echo "$p: no such file or folder"
            return 2
        fi
    done
    return 0
}

# run SCENARIO_DIR OUT ERR: runs check, prints the command, sets $status
run() {
    options=$(directive options "$1/expect")
    echo "+ abgleich check -f json $options$paths"
    status=0
    "$bin" check -f json $options $paths > "$2" 2> "$3" || status=$?
}

rc=0
docs "$dir" || rc=$?
[ "$rc" -eq 0 ] || exit "$rc"
run "$dir" "$tmp/out.json" "$tmp/err"
main_status=$status

base_args=
base=$(directive unchanged-from "$spec")
if [ -n "$base" ]; then
    base=${base% }
    docs "$base" || exit 2
    run "$base" "$tmp/base.json" "$tmp/base.err"
    if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
        echo "the base run of $base exited with $status:"
        head -n 50 "$tmp/base.err"
        exit 1
    fi
    base_args="--base $tmp/base.json"
fi

if "$checker" --status "$main_status" $base_args "$tmp/out.json" "$spec"; then
    exit 0
fi
if [ -s "$tmp/err" ]; then
    echo "stderr of check (exit $main_status):"
    head -n 50 "$tmp/err"
fi
exit 1
