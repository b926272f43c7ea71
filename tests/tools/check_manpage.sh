#!/bin/sh
# check_manpage.sh BIN MANPAGE: the man page and the program cannot drift.
#
# Every long option that `BIN help CMD` lists for a command (every command
# of `BIN help`) must be documented in the man page, in the command's
# section (.SS "abgleich CMD ...") or under COMMON OPTIONS; every command
# must have its section; and every option a command's section introduces
# (a .TP tag) must exist, except those listed in `planned` below, which
# the man page may document before their code exists. Silent when all is well;
# else one line per problem on stderr and exit status 1.
set -u
bin=$1
man=$2
planned=""
fail=0

problem() {
    echo "check_manpage: $*" >&2
    fail=1
}

# The man page with \- made - and font escapes removed.
src=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$man")

# Lines of the section that starts at the first line matching $1.
section() {
    printf '%s\n' "$src" | awk -v start="$1" '
        found && /^\.S[SH] / { exit }
        $0 ~ start { found = 1 }
        found { print }'
}

# The long options of `help CMD`, one a line.
help_options() {
    "$bin" help "$1" | sed -n '/^Options:/,/^$/p' |
        sed -n 's/^ *\(-[A-Za-z0-9], \)\{0,1\}\(--[a-z][a-z0-9-]*\).*/\2/p'
}

# The options of the .TP tags of a section (stdin), one a line.
tag_options() {
    awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }' |
        grep -o -e '--[a-z][a-z0-9-]*' | sort -u
}

has_option() { # TEXT OPTION
    printf '%s\n' "$1" | grep -q -E -e "(^|[^a-z0-9-])$2([^a-z0-9-]|\$)"
}

commands=$("$bin" help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' |
    grep -v '^help$')
[ -n "$commands" ] || problem "no commands in '$bin help'"
common=$(section '^\.SH COMMON OPTIONS')
[ -n "$common" ] || problem "no COMMON OPTIONS section"
all_help=""
for cmd in $commands; do
    sec=$(section "^\\.SS \"abgleich $cmd[ \"]")
    if [ -z "$sec" ]; then
        problem "command $cmd has no section .SS \"abgleich $cmd ...\""
        continue
    fi
    opts=$(help_options "$cmd")
    [ -n "$opts" ] || problem "'$bin help $cmd' lists no options"
    all_help="$all_help $(printf "%s " $opts)"
    for o in $opts; do
        has_option "$sec" "$o" || has_option "$common" "$o" ||
            problem "$cmd $o: in 'abgleich help $cmd', not in the man page"
    done
    for o in $(printf '%s\n' "$sec" | tag_options); do
        case " $planned " in *" $cmd:$o "*) continue ;; esac
        printf '%s\n' "$opts" | grep -q -x -e "$o" ||
            problem "$cmd $o: in the man page, not in 'abgleich help $cmd'"
    done
done
for o in $(printf '%s\n' "$common" | tag_options); do
    case " $all_help " in *" $o "*) ;; *) problem "$o: under COMMON OPTIONS, no command has it" ;; esac
done
exit $fail
