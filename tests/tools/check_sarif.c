/*
 * check_sarif.c - checks a SARIF log against what SARIF 2.1.0 requires of
 * the objects abgleich writes, and against expectations about its results.
 *
 * Invocation:
 *   check_sarif [OPTION]... FILE
 *   check_sarif [OPTION]... -- PROGRAM ARG...   (checks PROGRAM's stdout)
 * Options:
 *   --status N              PROGRAM must exit with N (default: any)
 *   --results N             the log has exactly N results
 *   --expect RULE:SUBJECT:LEVEL[:CAUSE]
 *                           some result not matched by an earlier --expect
 *                           has this ruleId and level, and its message
 *                           starts with "SUBJECT [" and ends with "; cause:
 *                           CAUSE" (abgleich's form; CAUSE - : no cause);
 *                           any part may be * (any value, CAUSE's default)
 *   --fingerprint KEY       every result has partialFingerprints[KEY]
 * Exit status: 0 all holds; 1 something does not (each problem printed as
 * "FILE: JSON.PATH: problem"); 2 usage error, or PROGRAM could not be run.
 *
 * What is checked (SARIF 2.1.0, sections 3.11-3.30):
 *   sarifLog   an object; version "2.1.0"; runs an array; $schema a string
 *   run        tool.driver an object with a non-empty name; driver.rules
 *              (when present) objects with unique string ids; results (when
 *              present) an array; columnKind utf16CodeUnits or
 *              unicodeCodePoints
 *   result     message.text a string; ruleId a string that names a rule of
 *              the driver; ruleIndex (when present) an integer whose rule
 *              has that ruleId; level none, note, warning or error; kind
 *              one of the six kinds; at least one location, the first with
 *              a physicalLocation (abgleich always gives one);
 *              partialFingerprints and fingerprints objects of strings;
 *              relatedLocations with unique ids
 *   location   id an integer >= -1; message.text a string;
 *              physicalLocation.artifactLocation.uri a URI reference (RFC
 *              3986 characters only, '%' followed by two hex digits);
 *              region.startLine >= 1, startColumn >= 1, endLine >=
 *              startLine, endColumn > startColumn on one line
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_EXPECT 64

typedef struct {
    const char *rule, *subject, *level, *cause;
    bool met;
} expectation;

/* Does message text name the cause `want` ("-": none) as abgleich does? */
static bool cause_matches(const char *text, const char *want)
{
    const char *at = text ? strstr(text, "; cause: ") : NULL;

    if (!strcmp(want, "*"))
        return true;
    if (!strcmp(want, "-"))
        return at == NULL;
    return at && !strcmp(at + strlen("; cause: "), want);
}

typedef struct {
    const char *file;
    char path[1024];
    size_t problems;
    const char *fingerprint;
} checker;

static void problem(checker *c, const char *fmt, ...)
{
    va_list ap;

    printf("%s: %s: ", c->file, c->path);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    c->problems++;
}

/* Append ".key" or "[i]" to the path; returns the old length for pop. */
static size_t enter(checker *c, const char *key, long index)
{
    size_t len = strlen(c->path);

    if (key)
        snprintf(c->path + len, sizeof c->path - len, ".%s", key);
    else
        snprintf(c->path + len, sizeof c->path - len, "[%ld]", index);
    return len;
}

static void leave(checker *c, size_t len)
{
    c->path[len] = '\0';
}

static bool one_of(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(s, *list))
            return true;
    return false;
}

/* A member that must be a string when present (required: also present). */
static const char *string_member(checker *c, json_t *o, const char *key, bool required)
{
    json_t *v = json_object_get(o, key);
    size_t len;

    if (!v) {
        if (required) {
            len = enter(c, key, 0);
            problem(c, "missing (required)");
            leave(c, len);
        }
        return NULL;
    }
    if (!json_is_string(v)) {
        len = enter(c, key, 0);
        problem(c, "must be a string");
        leave(c, len);
        return NULL;
    }
    return json_string_value(v);
}

/* An integer member >= min when present; *out gets it. */
static bool int_member(checker *c, json_t *o, const char *key, json_int_t min, bool required,
                       json_int_t *out)
{
    json_t *v = json_object_get(o, key);
    size_t len = enter(c, key, 0);
    bool ok = false;

    if (!v) {
        if (required)
            problem(c, "missing (required)");
    } else if (!json_is_integer(v)) {
        problem(c, "must be an integer");
    } else if (json_integer_value(v) < min) {
        problem(c, "must be >= %lld", (long long)min);
    } else {
        *out = json_integer_value(v);
        ok = true;
    }
    leave(c, len);
    return ok;
}

/* message: an object with a string "text" (abgleich never uses ids). */
static void check_message(checker *c, json_t *o, const char *key, bool required)
{
    json_t *m = json_object_get(o, key);
    size_t len = enter(c, key, 0);

    if (!m) {
        if (required)
            problem(c, "missing (required)");
    } else if (!json_is_object(m)) {
        problem(c, "must be an object");
    } else {
        string_member(c, m, "text", true);
    }
    leave(c, len);
}

/* RFC 3986 URI-reference characters; '%' must start an escape. */
static bool uri_reference_ok(const char *s, const char **bad)
{
    static const char allowed[] = "-._~:/?#[]@!$&'()*+,;=";
    const char *p;

    for (p = s; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '%') {
            if (!(p[1] && strchr("0123456789abcdefABCDEF", p[1]) && p[2] &&
                  strchr("0123456789abcdefABCDEF", p[2]))) {
                *bad = p;
                return false;
            }
            p += 2;
            continue;
        }
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
            strchr(allowed, ch))
            continue;
        *bad = p;
        return false;
    }
    return true;
}

static void check_region(checker *c, json_t *r, bool need_columns)
{
    json_int_t start_line = 0, start_col = 0, end_line = 0, end_col = 0;
    bool has_sl, has_sc, has_el, has_ec;

    if (!json_is_object(r)) {
        problem(c, "must be an object");
        return;
    }
    has_sl = int_member(c, r, "startLine", 1, true, &start_line);
    has_sc = int_member(c, r, "startColumn", 1, need_columns, &start_col);
    has_el = int_member(c, r, "endLine", 1, false, &end_line);
    has_ec = int_member(c, r, "endColumn", 1, need_columns, &end_col);
    if (has_sl && has_el && end_line < start_line)
        problem(c, "endLine %lld before startLine %lld", (long long)end_line,
                (long long)start_line);
    if (has_sc && has_ec && (!has_el || end_line == start_line) && end_col <= start_col)
        problem(c, "endColumn %lld must be greater than startColumn %lld", (long long)end_col,
                (long long)start_col);
    if (json_object_get(r, "snippet")) {
        size_t len = enter(c, "snippet", 0);
        if (!json_is_object(json_object_get(r, "snippet")))
            problem(c, "must be an object");
        else
            string_member(c, json_object_get(r, "snippet"), "text", true);
        leave(c, len);
    }
}

/* A location; `primary`: abgleich's first location, which must have a
 * physical location with a region, start and end column. */
static void check_location(checker *c, json_t *loc, bool primary, json_int_t *id)
{
    json_t *phys, *art, *region;
    size_t len;

    *id = -1;
    if (!json_is_object(loc)) {
        problem(c, "must be an object");
        return;
    }
    int_member(c, loc, "id", -1, false, id);
    check_message(c, loc, "message", false);
    phys = json_object_get(loc, "physicalLocation");
    len = enter(c, "physicalLocation", 0);
    if (!phys) {
        problem(c, "missing (every claim has a place)");
    } else if (!json_is_object(phys)) {
        problem(c, "must be an object");
    } else {
        size_t len2 = enter(c, "artifactLocation", 0);
        art = json_object_get(phys, "artifactLocation");
        if (!json_is_object(art)) {
            problem(c, art ? "must be an object" : "missing (required here)");
        } else {
            const char *uri = string_member(c, art, "uri", true), *bad = NULL;
            if (uri && !*uri)
                problem(c, "uri: empty");
            else if (uri && !uri_reference_ok(uri, &bad))
                problem(c, "uri: not a URI reference (character %ld of \"%s\")",
                        (long)(bad - uri) + 1, uri);
        }
        leave(c, len2);
        region = json_object_get(phys, "region");
        len2 = enter(c, "region", 0);
        if (region)
            check_region(c, region, primary);
        else if (primary)
            problem(c, "missing (the claim's line and columns)");
        leave(c, len2);
    }
    leave(c, len);
}

static void check_string_map(checker *c, json_t *res, const char *key)
{
    json_t *m = json_object_get(res, key), *v;
    const char *k;
    size_t len = enter(c, key, 0);

    if (!m) {
        if (c->fingerprint && !strcmp(key, "partialFingerprints"))
            problem(c, "missing (--fingerprint %s)", c->fingerprint);
    } else if (!json_is_object(m)) {
        problem(c, "must be an object");
    } else {
        json_object_foreach(m, k, v) {
            if (!json_is_string(v))
                problem(c, "value of \"%s\" must be a string", k);
        }
        if (c->fingerprint && !strcmp(key, "partialFingerprints") &&
            !json_is_string(json_object_get(m, c->fingerprint)))
            problem(c, "no string \"%s\"", c->fingerprint);
    }
    leave(c, len);
}

static void check_result(checker *c, json_t *res, json_t *rules, expectation *ex, size_t nex)
{
    static const char *const levels[] = {"none", "note", "warning", "error", NULL};
    static const char *const kinds[] = {"notApplicable", "pass", "fail", "review",
                                        "open", "informational", NULL};
    const char *rule_id, *level, *kind, *text = NULL;
    json_t *locs, *related, *m;
    json_int_t index = -1, id;
    size_t i, k, len;

    if (!json_is_object(res)) {
        problem(c, "must be an object");
        return;
    }
    check_message(c, res, "message", true);
    if (json_is_object((m = json_object_get(res, "message"))))
        text = json_string_value(json_object_get(m, "text"));
    rule_id = string_member(c, res, "ruleId", true);
    if (rule_id) {
        for (k = 0; k < json_array_size(rules); k++)
            if (json_is_string(json_object_get(json_array_get(rules, k), "id")) &&
                !strcmp(json_string_value(json_object_get(json_array_get(rules, k), "id")),
                        rule_id))
                break;
        if (k == json_array_size(rules))
            problem(c, "ruleId \"%s\" names no rule of tool.driver.rules", rule_id);
    }
    if (int_member(c, res, "ruleIndex", -1, false, &index) && index >= 0) {
        json_t *rule = json_array_get(rules, (size_t)index);
        const char *rid = json_string_value(json_object_get(rule, "id"));
        if (!rule)
            problem(c, "ruleIndex %lld: driver has %zu rules", (long long)index,
                    json_array_size(rules));
        else if (rule_id && rid && strcmp(rid, rule_id))
            problem(c, "ruleIndex %lld is rule \"%s\", not ruleId \"%s\"", (long long)index,
                    rid, rule_id);
    }
    level = string_member(c, res, "level", false);
    if (level && !one_of(level, levels))
        problem(c, "level \"%s\" is none of none, note, warning, error", level);
    kind = string_member(c, res, "kind", false);
    if (kind && !one_of(kind, kinds))
        problem(c, "kind \"%s\" is not a SARIF result kind", kind);

    locs = json_object_get(res, "locations");
    len = enter(c, "locations", 0);
    if (!json_is_array(locs) || json_array_size(locs) == 0) {
        problem(c, "must be a non-empty array (the first claim)");
    } else {
        for (i = 0; i < json_array_size(locs); i++) {
            size_t l2 = enter(c, NULL, (long)i);
            check_location(c, json_array_get(locs, i), i == 0, &id);
            leave(c, l2);
        }
    }
    leave(c, len);

    related = json_object_get(res, "relatedLocations");
    len = enter(c, "relatedLocations", 0);
    if (related && !json_is_array(related)) {
        problem(c, "must be an array");
    } else if (related) {
        json_int_t *ids = calloc(json_array_size(related) + 1, sizeof *ids);
        for (i = 0; ids && i < json_array_size(related); i++) {
            size_t l2 = enter(c, NULL, (long)i);
            check_location(c, json_array_get(related, i), false, &ids[i]);
            for (k = 0; k < i; k++)
                if (ids[i] >= 0 && ids[k] == ids[i])
                    problem(c, "id %lld used twice", (long long)ids[i]);
            leave(c, l2);
        }
        free(ids);
    }
    leave(c, len);

    check_string_map(c, res, "partialFingerprints");
    check_string_map(c, res, "fingerprints");

    for (i = 0; i < nex; i++) {
        size_t sl;
        if (ex[i].met)
            continue;
        if (strcmp(ex[i].rule, "*") && (!rule_id || strcmp(ex[i].rule, rule_id)))
            continue;
        if (strcmp(ex[i].level, "*") && (!level || strcmp(ex[i].level, level)))
            continue;
        if (!cause_matches(text, ex[i].cause))
            continue;
        sl = strlen(ex[i].subject);
        if (strcmp(ex[i].subject, "*") &&
            (!text || strncmp(text, ex[i].subject, sl) || strncmp(text + sl, " [", 2)))
            continue;
        ex[i].met = true;
        break;
    }
}

static size_t check_log(checker *c, json_t *log, expectation *ex, size_t nex)
{
    json_t *runs, *run, *tool, *driver, *rules, *results;
    const char *version, *name, *kind;
    size_t i, k, r, nresults = 0, len, l2;

    strcpy(c->path, "$");
    if (!json_is_object(log)) {
        problem(c, "a SARIF log is a JSON object");
        return 0;
    }
    string_member(c, log, "$schema", false);
    version = string_member(c, log, "version", true);
    if (version && strcmp(version, "2.1.0"))
        problem(c, "version must be \"2.1.0\", not \"%s\"", version);
    runs = json_object_get(log, "runs");
    if (!json_is_array(runs)) {
        problem(c, "runs: %s", runs ? "must be an array" : "missing (required)");
        return 0;
    }
    for (r = 0; r < json_array_size(runs); r++) {
        len = enter(c, "runs", 0);
        enter(c, NULL, (long)r);
        run = json_array_get(runs, r);
        if (!json_is_object(run)) {
            problem(c, "must be an object");
            leave(c, len);
            continue;
        }
        kind = string_member(c, run, "columnKind", false);
        if (kind && strcmp(kind, "utf16CodeUnits") && strcmp(kind, "unicodeCodePoints"))
            problem(c, "columnKind \"%s\" is neither utf16CodeUnits nor unicodeCodePoints",
                    kind);
        tool = json_object_get(run, "tool");
        driver = json_is_object(tool) ? json_object_get(tool, "driver") : NULL;
        rules = NULL;
        if (!json_is_object(driver)) {
            problem(c, "tool.driver: missing or not an object (required)");
        } else {
            l2 = enter(c, "tool", 0);
            enter(c, "driver", 0);
            name = string_member(c, driver, "name", true);
            if (name && !*name)
                problem(c, "name: empty");
            rules = json_object_get(driver, "rules");
            if (rules && !json_is_array(rules)) {
                problem(c, "rules: must be an array");
                rules = NULL;
            }
            for (i = 0; rules && i < json_array_size(rules); i++) {
                json_t *rule = json_array_get(rules, i);
                const char *id;
                size_t l3 = enter(c, "rules", 0);
                enter(c, NULL, (long)i);
                if (!json_is_object(rule)) {
                    problem(c, "must be an object");
                } else if ((id = string_member(c, rule, "id", true))) {
                    for (k = 0; k < i; k++)
                        if (json_is_string(json_object_get(json_array_get(rules, k), "id")) &&
                            !strcmp(id, json_string_value(
                                            json_object_get(json_array_get(rules, k), "id"))))
                            problem(c, "id \"%s\" used twice", id);
                    check_message(c, rule, "shortDescription", false);
                    check_message(c, rule, "fullDescription", false);
                    check_message(c, rule, "help", false);
                }
                leave(c, l3);
            }
            leave(c, l2);
        }
        results = json_object_get(run, "results");
        if (results && !json_is_array(results)) {
            problem(c, "results: must be an array");
        } else {
            for (i = 0; i < json_array_size(results); i++) {
                l2 = enter(c, "results", 0);
                enter(c, NULL, (long)i);
                check_result(c, json_array_get(results, i), rules, ex, nex);
                leave(c, l2);
                nresults++;
            }
        }
        leave(c, len);
    }
    return nresults;
}

/* Run argv, its stdout into *out (malloc), its exit status into *status. */
static int run_program(char **argv, char **out, size_t *size, int *status)
{
    int fds[2], ws;
    pid_t pid;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    ssize_t got;

    if (!buf || pipe(fds) != 0)
        return -1;
    if ((pid = fork()) < 0)
        return -1;
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execv(argv[0], argv);
        fprintf(stderr, "check_sarif: %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    for (;;) {
        if (n == cap) {
            char *more = realloc(buf, cap *= 2);
            if (!more)
                break;
            buf = more;
        }
        got = read(fds[0], buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    close(fds[0]);
    while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
        ;
    *status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
    *out = buf;
    *size = n;
    return 0;
}

static int usage(const char *why)
{
    fprintf(stderr,
            "check_sarif: %s\n"
            "usage: check_sarif [--status N] [--results N] [--fingerprint KEY]\n"
            "                   [--expect RULE:SUBJECT:LEVEL[:CAUSE]]...\n"
            "                   (FILE | -- PROGRAM ARG...)\n",
            why);
    return 2;
}

int main(int argc, char **argv)
{
    expectation ex[MAX_EXPECT];
    size_t nex = 0, nresults, i;
    long want_results = -1, want_status = -1;
    checker c;
    json_error_t jerr;
    json_t *log;
    char *data = NULL;
    size_t size = 0;
    int a, status = 0;

    memset(&c, 0, sizeof c);
    for (a = 1; a < argc && strncmp(argv[a], "--", 2) == 0 && argv[a][2]; a++) {
        const char *opt = argv[a], *arg = a + 1 < argc ? argv[a + 1] : NULL;
        char *end;
        if (!arg)
            return usage("an option needs an argument");
        a++;
        if (!strcmp(opt, "--status") || !strcmp(opt, "--results")) {
            long v = strtol(arg, &end, 10);
            if (*end || end == arg || v < 0)
                return usage("a count must be a number");
            *(!strcmp(opt, "--status") ? &want_status : &want_results) = v;
        } else if (!strcmp(opt, "--expect")) {
            char *rule = strdup(arg), *subject, *level, *cause;
            if (!rule || nex == MAX_EXPECT || !(subject = strchr(rule, ':')) ||
                !(level = strchr(subject + 1, ':')))
                return usage("--expect takes RULE:SUBJECT:LEVEL[:CAUSE]");
            *subject++ = '\0';
            *level++ = '\0';
            if ((cause = strchr(level, ':')))
                *cause++ = '\0';
            ex[nex].rule = rule;
            ex[nex].subject = subject;
            ex[nex].level = level;
            ex[nex].cause = cause ? cause : "*";
            ex[nex++].met = false;
        } else if (!strcmp(opt, "--fingerprint")) {
            c.fingerprint = arg;
        } else {
            return usage("unknown option");
        }
    }
    if (a < argc && !strcmp(argv[a], "--")) {
        if (a + 1 >= argc)
            return usage("no PROGRAM after --");
        if (run_program(argv + a + 1, &data, &size, &status) < 0) {
            fprintf(stderr, "check_sarif: cannot run %s: %s\n", argv[a + 1], strerror(errno));
            return 2;
        }
        c.file = argv[a + 1];
        log = json_loadb(data, size, JSON_REJECT_DUPLICATES, &jerr);
        free(data);
        if (want_status >= 0 && status != want_status) {
            printf("%s: exited with %d, expected %ld\n", c.file, status, want_status);
            c.problems++;
        }
    } else if (a + 1 == argc) {
        c.file = argv[a];
        log = json_load_file(c.file, JSON_REJECT_DUPLICATES, &jerr);
    } else {
        return usage("give one FILE, or -- PROGRAM ARG...");
    }
    if (!log) {
        printf("%s:%d: not JSON: %s\n", c.file, jerr.line, jerr.text);
        return 1;
    }
    nresults = check_log(&c, log, ex, nex);
    strcpy(c.path, "$");
    if (want_results >= 0 && nresults != (size_t)want_results)
        problem(&c, "%zu results, expected %ld", nresults, want_results);
    for (i = 0; i < nex; i++)
        if (!ex[i].met)
            problem(&c, "no result %s:%s:%s:%s", ex[i].rule, ex[i].subject, ex[i].level,
                    ex[i].cause);
    json_decref(log);
    for (i = 0; i < nex; i++)
        free((char *)ex[i].rule);
    if (c.problems) {
        printf("%zu problems\n", c.problems);
        return 1;
    }
    printf("%s: a valid SARIF 2.1.0 log, %zu results, every expectation holds\n", c.file,
           nresults);
    return 0;
}
