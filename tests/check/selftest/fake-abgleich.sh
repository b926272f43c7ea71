#!/bin/sh
# A stand-in for abgleich in the self-test of check_scenario.sh. For
# `check -f json [--tolerance N] PATH...` it prints output.json (beside this
# script) with "documents" set to the number of PATHs and exits 1, as check
# does when it finds conflicts. Anything else, or a PATH that does not
# exist, exits 3 with a message.
here=$(dirname "$0")
[ "${1-}" = check ] && [ "${2-}" = -f ] && [ "${3-}" = json ] || {
    echo "fake-abgleich: unexpected call: $*" >&2
    exit 3
}
shift 3
n=0
while [ $# -gt 0 ]; do
    case $1 in
    --tolerance)
        [ -n "${2-}" ] || { echo "fake-abgleich: --tolerance without a value" >&2; exit 3; }
        shift 2
        continue
        ;;
    -*)
        echo "fake-abgleich: unknown option '$1'" >&2
        exit 3
        ;;
    esac
    [ -e "$1" ] || { echo "fake-abgleich: $1: no such file" >&2; exit 3; }
    n=$((n + 1))
    shift
done
sed "s/\"documents\":4,/\"documents\":$n,/" "$here/output.json"
exit 1
