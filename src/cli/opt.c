/*
 * opt.c: the table-driven option parser and the help it prints.
 *
 * Accepts "--name value", "--name=value", "-x value", "-xvalue" and
 * clusters of short flags ("-qv"); options and operands may be mixed; "--"
 * ends the options; "-" alone is an operand (standard input).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "term.h"

static const cli_opt help_opt = {"help", 'h', OPT_TRUE, NULL, NULL, "show this help and exit",
                                 NULL};

static const cli_opt *find_long(const cli_command *cmd, const char *name, size_t len)
{
    const cli_opt *o;

    for (o = cmd->opts; o->name; o++)
        if (strlen(o->name) == len && !memcmp(o->name, name, len))
            return o;
    if (strlen(help_opt.name) == len && !memcmp(help_opt.name, name, len))
        return &help_opt;
    return NULL;
}

static const cli_opt *find_short(const cli_command *cmd, char c)
{
    const cli_opt *o;

    for (o = cmd->opts; o->name; o++)
        if (o->shrt == c)
            return o;
    return c == 'h' ? &help_opt : NULL;
}

static bool takes_arg(const cli_opt *o)
{
    return o->kind != OPT_TRUE && o->kind != OPT_FALSE;
}

/* Parse a size with an optional binary suffix: 512, 64k, 64M, 1G, 64MiB. */
static int parse_size(size_t *out, const char *s)
{
    unsigned long long v = 0, mul = 1;
    const char *p = s;

    if (*p < '0' || *p > '9')
        return -1;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > (ULLONG_MAX - 9) / 10)
            return -1;
        v = v * 10 + (unsigned)(*p - '0');
    }
    switch (*p) {
    case 'k': case 'K': mul = 1ull << 10; p++; break;
    case 'm': case 'M': mul = 1ull << 20; p++; break;
    case 'g': case 'G': mul = 1ull << 30; p++; break;
    default: break;
    }
    if (mul > 1 && (!strcmp(p, "iB") || !strcmp(p, "B")))
        p += strlen(p);
    if (*p || v > SIZE_MAX / mul)
        return -1;
    *out = (size_t)(v * mul);
    return 0;
}

static int parse_uint(unsigned *out, const char *s)
{
    unsigned long v = 0;
    const char *p = s;

    if (!*p)
        return -1;
    for (; *p; p++) {
        if (*p < '0' || *p > '9' || v > (UINT_MAX - 9) / 10)
            return -1;
        v = v * 10 + (unsigned)(*p - '0');
    }
    *out = (unsigned)v;
    return 0;
}

/* Store `value` for option o; prints a usage error and returns
 * CLI_TROUBLE when it does not fit. */
static int set_value(const cli_command *cmd, const cli_opt *o, const char *value)
{
    size_t i;

    switch (o->kind) {
    case OPT_TRUE:
        *(bool *)o->target = true;
        return 0;
    case OPT_FALSE:
        *(bool *)o->target = false;
        return 0;
    case OPT_STRING:
        *(const char **)o->target = value;
        return 0;
    case OPT_SIZE:
        if (parse_size((size_t *)o->target, value) < 0)
            return cli_usage(cmd->name, "invalid size '%s' for --%s", value, o->name);
        return 0;
    case OPT_UINT:
        if (parse_uint((unsigned *)o->target, value) < 0)
            return cli_usage(cmd->name, "invalid number '%s' for --%s", value, o->name);
        return 0;
    case OPT_CHOICE:
        for (i = 0; o->choices[i]; i++) {
            if (!strcmp(o->choices[i], value)) {
                *(int *)o->target = (int)i;
                return 0;
            }
        }
        return cli_usage(cmd->name, "invalid value '%s' for --%s", value, o->name);
    }
    return 0;
}

int cli_parse(const cli_command *cmd, int argc, char **argv, char ***operands, int *noperands)
{
    char **ops = calloc((size_t)argc + 1, sizeof *ops);
    bool only_operands = false;
    int i, n = 0, rc = 0;

    *operands = NULL;
    *noperands = 0;
    cli_signals_init(); /* every command starts here */
    if (!ops)
        return cli_error("out of memory");
    for (i = 1; i < argc && !rc; i++) {
        char *a = argv[i];
        const cli_opt *o;
        const char *value = NULL;

        if (only_operands || a[0] != '-' || a[1] == '\0') {
            ops[n++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_operands = true;
            continue;
        }
        if (a[1] == '-') {
            const char *eq = strchr(a + 2, '=');
            size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
            o = find_long(cmd, a + 2, len);
            if (!o) {
                rc = cli_usage(cmd->name, "unknown option '%.*s'", (int)len + 2, a);
                break;
            }
            if (eq && !takes_arg(o)) {
                rc = cli_usage(cmd->name, "option '--%s' takes no argument", o->name);
                break;
            }
            if (takes_arg(o)) {
                if (eq)
                    value = eq + 1;
                else if (i + 1 < argc)
                    value = argv[++i];
                else {
                    rc = cli_usage(cmd->name, "option '--%s' needs an argument", o->name);
                    break;
                }
            }
            if (o == &help_opt) {
                rc = -1;
                break;
            }
            rc = set_value(cmd, o, value);
            continue;
        }
        /* one or more short options */
        for (a++; *a && !rc; a++) {
            o = find_short(cmd, *a);
            if (!o) {
                rc = cli_usage(cmd->name, "unknown option '-%c'", *a);
                break;
            }
            if (o == &help_opt) {
                rc = -1;
                break;
            }
            if (!takes_arg(o)) {
                rc = set_value(cmd, o, NULL);
                continue;
            }
            if (a[1])
                value = a + 1;
            else if (i + 1 < argc)
                value = argv[++i];
            else {
                rc = cli_usage(cmd->name, "option '-%c' needs an argument", *a);
                break;
            }
            rc = set_value(cmd, o, value);
            break;
        }
    }
    if (rc == -1)
        cli_help(stdout, cmd);
    if (rc) {
        free(ops);
        return rc;
    }
    *operands = ops;
    *noperands = n;
    return 0;
}

static void help_line(FILE *out, const cli_opt *o)
{
    char left[64];
    int len;

    if (o->shrt)
        len = snprintf(left, sizeof left, "  -%c, --%s", o->shrt, o->name);
    else
        len = snprintf(left, sizeof left, "      --%s", o->name);
    if (takes_arg(o) && len > 0 && (size_t)len < sizeof left)
        snprintf(left + len, sizeof left - (size_t)len, " %s", o->arg ? o->arg : "VALUE");
    fprintf(out, "%-28s %s\n", left, o->help);
}

void cli_help(FILE *out, const cli_command *cmd)
{
    const cli_opt *o;

    fprintf(out, "usage: abgleich %s %s\n\n%s\n\nOptions:\n", cmd->name, cmd->synopsis,
            cmd->description);
    for (o = cmd->opts; o->name; o++)
        help_line(out, o);
    help_line(out, &help_opt);
    fprintf(out, "\n%s\n",
            cmd->exit_status ? cmd->exit_status
                             : "Exit status: 0 done; 2 a usage error, an input that could not "
                               "be read or\ndecoded, or output that could not be written.");
}
