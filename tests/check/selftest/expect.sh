#!/bin/sh
# Runs check_groups and passes when it exits with STATUS and its output
# (stdout and stderr) has a line matching the extended regex PATTERN: so a
# spec that must fail is shown to fail, and for the reason it was written for.
# usage: expect.sh STATUS PATTERN CHECK_GROUPS ARG...
set -u
want=$1
pattern=$2
shift 2
out=$("$@" 2>&1)
status=$?
printf '%s\n' "$out"
if [ "$status" -ne "$want" ]; then
    echo "selftest: check_groups exited with $status, expected $want"
    exit 1
fi
if ! printf '%s\n' "$out" | grep -E -q -- "$pattern"; then
    echo "selftest: no line matches: $pattern"
    exit 1
fi
echo "selftest: exit $status and the expected message, as wanted"
