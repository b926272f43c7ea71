/*
 * check_groups.c - compares the output of `abgleich check -f json` with an
 * expectation spec and names every expectation that does not hold.
 *
 * Invocation:
 *   check_groups [--status N] [--base BASE.json] OUTPUT.json SPEC
 * OUTPUT.json is what `abgleich check -f json` printed; --status N is the
 * exit status check returned (compared with the spec's `exit`); --base is
 * the output of another run, for `unchanged-from`. Exit status: 0 every
 * expectation holds, 1 some do not (each is printed as "SPEC:LINE: ..."),
 * 2 usage error or an unreadable or malformed spec.
 *
 * Spec format: one directive a line. Lines that are empty or whose first
 * non-blank character is '#' are comments (only whole lines: a '#' inside a
 * line is text, as in `kiticker-feed.xml#1`). Words are separated by spaces
 * or tabs; a word may be quoted "..." (escapes \" and \\) to hold spaces.
 *
 *   group VERDICT CAUSE TYPE SUBJECT     some output group consists of exactly
 *     claim DOC "TEXT" [@LINE[:COL]]      the claims listed on the indented
 *     claim ...                           `claim` lines below it (compared as
 *                                         sets) and has this verdict, cause,
 *                                         type and subject
 *   within VERDICT CAUSE TYPE SUBJECT    the same, but the group may hold more
 *     claim ...                           claims than the ones listed
 *   apart DOC "TEXT" | DOC "TEXT"        both claims are in the output, never
 *                                         in the same group
 *   never-conflict DOC "TEXT"            the claim is in the output, in no
 *                                         group whose verdict is conflict
 *   only-listed-conflicts                every conflict group of the output
 *                                         satisfies a `group ... conflict` or
 *                                         `within ... conflict` directive
 *   documents N                          the output's "documents" is N
 *   exit N                               check exited with N (needs --status;
 *                                         the scenario runner passes it)
 *   unchanged-from DIR                   every group of the --base run is in
 *                                         the output unchanged: same id,
 *                                         verdict, cause, type, subject and
 *                                         claims (doc, text, line, col)
 *   group/within may be followed by more indented lines:
 *     deviating DOC...                    the group's "deviating" documents are
 *                                         exactly these (compared as sets)
 *     sources N                           the group counts N independent sources
 *   inconsistent DOC                     some group holds the listed claims and
 *     claim ...                           names DOC as inconsistent in itself
 *   copy DOC DOC                         the output lists one document as a
 *                                         copy of the other (either way)
 *   not-compared DOC "TEXT"              the claim is in the output, in no group
 *                                         with a claim of another document
 *   options ARG...                       for the runner: extra options of check
 *   docs-path PATH                       for the runner: the documents to read
 *   docs-files PATH...                   for the runner: the documents to read
 *   skip-without-docs                    for the runner: skip when docs-path
 *                                         is missing
 *
 * VERDICT is agree, conflict or single (or * for any). CAUSE is time, scale,
 * unit, currency, - for null, or * for any. TYPE is money, percent, date,
 * quantity or *. SUBJECT is compared case-sensitively; * means any and -
 * means null; quote subjects with spaces ("OpenAI Foundation").
 *
 * A claim is named by DOC and TEXT. DOC is compared with the last path
 * component of the claim's "doc" (a feed item keeps its #N suffix:
 * kiticker-feed.xml#1). TEXT is compared with the claim's "text" byte for
 * byte, except that no-break, narrow no-break, thin and figure spaces count
 * as plain spaces on both sides. @LINE or @LINE:COL also compares the
 * claim's line and column, for texts that stand twice in one document.
 * Without them, one claim line stands for every claim of that document with
 * that text (so a figure restated in an article is covered by one line).
 *
 * Besides the directives, the output itself must have the shape DESIGN.md
 * gives (every key with its JSON type), group ids must be unique, a group
 * whose claims come from one document must be `single` and one from several
 * documents must not be, and only a conflict may have a cause.
 */

#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 64

/* ---- output of check ---- */

typedef struct {
    char *doc;  /* last path component, owned */
    char *text; /* with no-break spaces made plain, owned */
    const char *fulldoc;
    long line, col;
    bool copy; /* its document copies another one of the group */
} out_claim;

typedef struct {
    char **v; /* last path components, owned */
    size_t n;
} doc_list;

typedef struct {
    const char *id, *verdict, *cause, *type, *subject; /* NULL for null */
    out_claim *claims;
    size_t nclaims;
    doc_list deviating, inconsistent;
    long sources;
} out_group;

typedef struct {
    json_t *root;
    long documents;
    out_group *groups;
    size_t ngroups;
    doc_list copies, originals; /* copies.v[i] copies originals.v[i] */
} output;

/* ---- spec ---- */

typedef struct {
    char *doc, *text;
    long line, col; /* 0: not compared */
    int at;         /* spec line */
} spec_claim;

typedef enum {
    D_GROUP,
    D_WITHIN,
    D_INCONSISTENT,
    D_COPY,
    D_NOT_COMPARED,
    D_APART,
    D_NEVER_CONFLICT,
    D_ONLY_LISTED,
    D_DOCUMENTS,
    D_EXIT,
    D_UNCHANGED,
    D_RUNNER
} dkind;

typedef struct {
    dkind kind;
    int at;
    char *verdict, *cause, *type, *subject; /* inconsistent: subject is DOC */
    spec_claim *claims;
    size_t nclaims;
    long number;
    char **deviating; /* group/within: `deviating` docs, when has_deviating */
    size_t ndeviating;
    bool has_deviating;
    long sources; /* group/within: `sources N`, or -1 */
    char *doc2;   /* copy: the second document */
} directive;

typedef struct {
    const char *path;
    directive *d;
    size_t n;
} spec;

static const char *spec_path;
static int failures;

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "check_groups: out of memory\n");
        exit(2);
    }
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "check_groups: out of memory\n");
        exit(2);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

static void spec_error(int at, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: spec error: ", spec_path, at);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

/* One failed expectation: "SPEC:LINE: message". */
static void fail(int at, const char *fmt, ...)
{
    va_list ap;
    if (at > 0)
        printf("%s:%d: ", spec_path, at);
    else
        printf("%s: ", spec_path);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    failures++;
}

/* Further lines that explain the last failure. */
static void note(const char *fmt, ...)
{
    va_list ap;
    fputs("    ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

/* Copy of s with U+00A0, U+2007, U+2009 and U+202F replaced by ' '. */
static char *plain_spaces(const char *s)
{
    size_t n = strlen(s), i = 0, o = 0;
    char *r = xmalloc(n + 1);
    const unsigned char *u = (const unsigned char *)s;
    while (i < n) {
        if (u[i] == 0xC2 && i + 1 < n && u[i + 1] == 0xA0) {
            r[o++] = ' ';
            i += 2;
        } else if (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x80 &&
                   (u[i + 2] == 0x87 || u[i + 2] == 0x89 || u[i + 2] == 0xAF)) {
            r[o++] = ' ';
            i += 3;
        } else {
            r[o++] = s[i++];
        }
    }
    r[o] = '\0';
    return r;
}

static char *last_component(const char *path)
{
    const char *slash = strrchr(path, '/');
    return xstrdup(slash ? slash + 1 : path);
}

/* ---- reading the output ---- */

static void shape(const char *fmt, ...)
{
    va_list ap;
    printf("%s: output: ", spec_path);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    failures++;
}

/* The member key of obj if it has JSON type t (or null when null_ok). */
static json_t *member(json_t *obj, const char *key, json_type t, bool null_ok,
                      const char *where)
{
    json_t *v = json_object_get(obj, key);
    if (!v) {
        shape("%s has no \"%s\"", where, key);
        return NULL;
    }
    if (json_is_null(v) && null_ok)
        return v;
    if (json_typeof(v) != t) {
        shape("%s: \"%s\" has the wrong JSON type", where, key);
        return NULL;
    }
    return v;
}

/* A boolean member: its value (false when missing or not a boolean). */
static bool boolean(json_t *obj, const char *key, const char *where)
{
    json_t *v = json_object_get(obj, key);
    if (!v || !json_is_boolean(v)) {
        shape("%s: \"%s\" is missing or not a boolean", where, key);
        return false;
    }
    return json_is_true(v);
}

static const char *str_or_null(json_t *v)
{
    return v && json_is_string(v) ? json_string_value(v) : NULL;
}

static bool one_of(const char *s, const char *const *list)
{
    for (; s && *list; list++)
        if (strcmp(s, *list) == 0)
            return true;
    return false;
}

static const char *const verdicts[] = {"agree", "conflict", "single", NULL};
static const char *const causes[] = {"time", "scale", "unit", "currency", NULL};
static const char *const types[] = {"money", "percent", "date", "quantity", NULL};

static void read_claim(out_claim *c, json_t *j, const char *where)
{
    json_t *v;
    memset(c, 0, sizeof *c);
    if (!json_is_object(j)) {
        shape("%s is not an object", where);
        c->fulldoc = "?";
        c->doc = xstrdup("?");
        c->text = xstrdup("");
        return;
    }
    v = member(j, "doc", JSON_STRING, false, where);
    c->fulldoc = v ? json_string_value(v) : "?";
    c->doc = last_component(c->fulldoc);
    v = member(j, "text", JSON_STRING, false, where);
    c->text = plain_spaces(v ? json_string_value(v) : "");
    v = member(j, "line", JSON_INTEGER, false, where);
    c->line = v ? (long)json_integer_value(v) : 0;
    v = member(j, "col", JSON_INTEGER, false, where);
    c->col = v ? (long)json_integer_value(v) : 0;
    member(j, "source", JSON_STRING, false, where);
    /* value and value_to: numbers, or ISO strings for dates */
    v = json_object_get(j, "value");
    if (!v || !(json_is_number(v) || json_is_string(v)))
        shape("%s: \"value\" is missing or neither a number nor a string", where);
    v = json_object_get(j, "value_to");
    if (!v || !(json_is_number(v) || json_is_string(v) || json_is_null(v)))
        shape("%s: \"value_to\" is missing or of the wrong JSON type", where);
    member(j, "unit", JSON_STRING, true, where);
    member(j, "qualifier", JSON_STRING, false, where);
    member(j, "sentence", JSON_STRING, false, where);
    member(j, "time", JSON_STRING, true, where);
    c->copy = boolean(j, "copy", where);
    boolean(j, "deviates", where);
}

/* A list of document paths (strings) as last components. */
static void read_docs(doc_list *out, json_t *arr, const char *where, const char *key)
{
    size_t i;

    out->n = 0;
    out->v = NULL;
    if (!arr)
        return;
    out->v = xmalloc((json_array_size(arr) + 1) * sizeof *out->v);
    for (i = 0; i < json_array_size(arr); i++) {
        json_t *e = json_array_get(arr, i);
        if (!json_is_string(e)) {
            shape("%s: \"%s\" holds a value that is not a string", where, key);
            continue;
        }
        out->v[out->n++] = last_component(json_string_value(e));
    }
}

static bool list_has(const doc_list *l, const char *doc)
{
    size_t i;
    for (i = 0; i < l->n; i++)
        if (strcmp(l->v[i], doc) == 0)
            return true;
    return false;
}

static void free_docs(doc_list *l)
{
    size_t i;
    for (i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

static int read_output(output *out, const char *path)
{
    json_error_t err;
    json_t *groups, *v;
    size_t i, k;

    memset(out, 0, sizeof *out);
    out->root = json_load_file(path, 0, &err);
    if (!out->root) {
        fail(0, "output %s is not JSON: %s (line %d)", path, err.text, err.line);
        return -1;
    }
    if (!json_is_object(out->root)) {
        fail(0, "output %s is not a JSON object", path);
        return -1;
    }
    v = member(out->root, "documents", JSON_INTEGER, false, "the output");
    out->documents = v ? (long)json_integer_value(v) : -1;
    member(out->root, "facts", JSON_INTEGER, false, "the output");
    member(out->root, "errors", JSON_INTEGER, false, "the output");
    member(out->root, "stories", JSON_INTEGER, false, "the output");
    member(out->root, "hidden", JSON_INTEGER, false, "the output");
    v = member(out->root, "copies", JSON_ARRAY, false, "the output");
    for (i = 0; v && i < json_array_size(v); i++) {
        json_t *c = json_array_get(v, i), *d, *o;
        if (!json_is_object(c) || !json_is_string(d = json_object_get(c, "doc")) ||
            !json_is_string(o = json_object_get(c, "original"))) {
            shape("copy %zu is not {\"doc\", \"original\"}", i + 1);
            continue;
        }
        out->copies.v = xrealloc(out->copies.v, (out->copies.n + 1) * sizeof(char *));
        out->originals.v = xrealloc(out->originals.v, (out->originals.n + 1) * sizeof(char *));
        out->copies.v[out->copies.n++] = last_component(json_string_value(d));
        out->originals.v[out->originals.n++] = last_component(json_string_value(o));
    }
    groups = member(out->root, "groups", JSON_ARRAY, false, "the output");
    if (!groups)
        return -1;
    out->ngroups = json_array_size(groups);
    out->groups = xmalloc(out->ngroups * sizeof *out->groups);
    for (i = 0; i < out->ngroups; i++) {
        out_group *g = &out->groups[i];
        json_t *gj = json_array_get(groups, i), *claims;
        char where[64];
        memset(g, 0, sizeof *g);
        snprintf(where, sizeof where, "group %zu", i + 1);
        if (!json_is_object(gj)) {
            shape("%s is not an object", where);
            continue;
        }
        g->id = str_or_null(member(gj, "id", JSON_STRING, false, where));
        g->type = str_or_null(member(gj, "type", JSON_STRING, false, where));
        g->subject = str_or_null(member(gj, "subject", JSON_STRING, true, where));
        member(gj, "object", JSON_STRING, true, where);
        member(gj, "measure", JSON_STRING, true, where);
        member(gj, "role", JSON_STRING, false, where);
        member(gj, "time", JSON_STRING, true, where);
        member(gj, "confidence", JSON_REAL, false, where);
        v = member(gj, "sources", JSON_INTEGER, false, where);
        g->sources = v ? (long)json_integer_value(v) : -1;
        member(gj, "majority", JSON_OBJECT, true, where);
        read_docs(&g->deviating, member(gj, "deviating", JSON_ARRAY, false, where), where,
                  "deviating");
        read_docs(&g->inconsistent, member(gj, "inconsistent", JSON_ARRAY, false, where), where,
                  "inconsistent");
        g->verdict = str_or_null(member(gj, "verdict", JSON_STRING, false, where));
        g->cause = str_or_null(member(gj, "cause", JSON_STRING, true, where));
        if (g->verdict && !one_of(g->verdict, verdicts))
            shape("%s: unknown verdict \"%s\"", where, g->verdict);
        if (g->cause && !one_of(g->cause, causes))
            shape("%s: unknown cause \"%s\"", where, g->cause);
        if (g->type && !one_of(g->type, types))
            shape("%s: unknown type \"%s\"", where, g->type);
        claims = member(gj, "claims", JSON_ARRAY, false, where);
        if (!claims)
            continue;
        g->nclaims = json_array_size(claims);
        if (g->nclaims == 0)
            shape("%s has no claims", where);
        g->claims = xmalloc(g->nclaims * sizeof *g->claims);
        for (k = 0; k < g->nclaims; k++) {
            char cw[96];
            snprintf(cw, sizeof cw, "group %zu, claim %zu", i + 1, k + 1);
            read_claim(&g->claims[k], json_array_get(claims, k), cw);
        }
    }
    return 0;
}

static void free_output(output *out)
{
    size_t i, k;
    for (i = 0; i < out->ngroups; i++) {
        for (k = 0; k < out->groups[i].nclaims; k++) {
            free(out->groups[i].claims[k].doc);
            free(out->groups[i].claims[k].text);
        }
        free(out->groups[i].claims);
        free_docs(&out->groups[i].deviating);
        free_docs(&out->groups[i].inconsistent);
    }
    free(out->groups);
    free_docs(&out->copies);
    free_docs(&out->originals);
    json_decref(out->root);
}

/* Documents of a group that speak for themselves (copies do not). */
static size_t distinct_docs(const out_group *g)
{
    size_t i, k, n = 0;
    for (i = 0; i < g->nclaims; i++) {
        if (g->claims[i].copy)
            continue;
        for (k = 0; k < i; k++)
            if (strcmp(g->claims[k].fulldoc, g->claims[i].fulldoc) == 0)
                break;
        if (k == i)
            n++;
    }
    return n;
}

/* The rules every output must keep, whatever the spec says. */
static void check_invariants(const output *out)
{
    size_t i, k;
    for (i = 0; i < out->ngroups; i++) {
        const out_group *g = &out->groups[i];
        size_t docs = distinct_docs(g);
        if (!g->verdict || !g->nclaims)
            continue;
        if (docs == 1 && strcmp(g->verdict, "single") != 0)
            shape("group %zu (id %s) has claims of one document only, but verdict %s", i + 1,
                  g->id ? g->id : "null", g->verdict);
        if (docs > 1 && strcmp(g->verdict, "single") == 0)
            shape("group %zu (id %s) has claims of %zu documents, but verdict single", i + 1,
                  g->id ? g->id : "null", docs);
        if (g->cause && strcmp(g->verdict, "conflict") != 0)
            shape("group %zu (id %s) has cause %s, but verdict %s", i + 1,
                  g->id ? g->id : "null", g->cause, g->verdict);
        for (k = 0; k < i && g->id; k++)
            if (out->groups[k].id && strcmp(out->groups[k].id, g->id) == 0)
                shape("groups %zu and %zu have the same id %s", k + 1, i + 1, g->id);
    }
}

/* ---- reading the spec ---- */

/* Split line into words; quoted words keep spaces. Returns the count. */
static int split(char *line, char **w, bool *quoted, int at)
{
    int n = 0;
    char *p = line, *o;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            return n;
        if (n == MAX_WORDS)
            spec_error(at, "too many words");
        quoted[n] = *p == '"';
        if (*p == '"') {
            o = w[n] = ++p;
            while (*p && *p != '"') {
                if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
                    p++;
                *o++ = *p++;
            }
            if (*p != '"')
                spec_error(at, "unterminated quote");
            p++;
            if (*p && *p != ' ' && *p != '\t')
                spec_error(at, "text after a closing quote");
            *o = '\0';
        } else {
            w[n] = p;
            while (*p && *p != ' ' && *p != '\t')
                p++;
            if (*p)
                *p++ = '\0';
        }
        n++;
    }
}

static long number(const char *s, int at)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 0)
        spec_error(at, "'%s' is not a number", s);
    return v;
}

/* DOC "TEXT" [@LINE[:COL]] from w[0..]; returns the words used. */
static int parse_claim(spec_claim *c, char **w, const bool *quoted, int n, int at)
{
    char *colon;
    memset(c, 0, sizeof *c);
    c->at = at;
    if (n < 2)
        spec_error(at, "a claim needs DOC and \"TEXT\"");
    if (!quoted[1])
        spec_error(at, "the claim's text must be quoted: \"%s\"", w[1]);
    c->doc = last_component(w[0]);
    c->text = plain_spaces(w[1]);
    if (n > 2 && w[2][0] == '@' && !quoted[2]) {
        colon = strchr(w[2], ':');
        if (colon)
            *colon = '\0';
        c->line = number(w[2] + 1, at);
        if (colon)
            c->col = number(colon + 1, at);
        if (c->line == 0 || (colon && c->col == 0))
            spec_error(at, "line and column are 1-based");
        return 3;
    }
    return 2;
}

static void check_choice(const char *s, const char *const *list, const char *what, int at,
                         const char *extra)
{
    if (strcmp(s, "*") == 0 || (extra && strcmp(s, extra) == 0) || one_of(s, list))
        return;
    spec_error(at, "unknown %s '%s'", what, s);
}

static void read_spec(spec *sp, const char *path)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int at = 0;
    directive *open = NULL; /* the group/within that claim lines add to */

    memset(sp, 0, sizeof *sp);
    sp->path = path;
    if (!f) {
        fprintf(stderr, "check_groups: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    while ((len = getline(&line, &cap, f)) >= 0) {
        char *w[MAX_WORDS];
        bool quoted[MAX_WORDS];
        bool indented = line[0] == ' ' || line[0] == '\t';
        const char *p = line;
        directive *d;
        int n;

        at++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '#')
            continue;
        n = split(line, w, quoted, at);
        if ((strcmp(w[0], "deviating") == 0 || strcmp(w[0], "sources") == 0) && !quoted[0]) {
            int k;
            if (!indented || !open || open->kind == D_INCONSISTENT)
                spec_error(at, "%s lines are indented under group or within", w[0]);
            if (w[0][0] == 's') {
                if (n != 2)
                    spec_error(at, "usage: sources N");
                open->sources = number(w[1], at);
                continue;
            }
            open->has_deviating = true;
            for (k = 1; k < n; k++) {
                open->deviating =
                    xrealloc(open->deviating, (open->ndeviating + 1) * sizeof(char *));
                open->deviating[open->ndeviating++] = xstrdup(w[k]);
            }
            continue;
        }
        if (strcmp(w[0], "claim") == 0 && !quoted[0]) {
            spec_claim *c;
            if (!indented)
                spec_error(at, "claim lines are indented under group or within");
            if (!open)
                spec_error(at, "a claim line outside group or within");
            open->claims = xrealloc(open->claims, (open->nclaims + 1) * sizeof *open->claims);
            c = &open->claims[open->nclaims++];
            if (parse_claim(c, w + 1, quoted + 1, n - 1, at) != n - 1)
                spec_error(at, "extra words after the claim");
            continue;
        }
        if (indented)
            spec_error(at, "only claim lines are indented");
        if (open && open->nclaims == 0)
            spec_error(open->at, "%s without claim lines", open->kind == D_GROUP ? "group"
                                                           : open->kind == D_WITHIN
                                                               ? "within"
                                                               : "inconsistent");
        open = NULL;
        sp->d = xrealloc(sp->d, (sp->n + 1) * sizeof *sp->d);
        d = &sp->d[sp->n++];
        memset(d, 0, sizeof *d);
        d->at = at;
        d->sources = -1;
        if (strcmp(w[0], "group") == 0 || strcmp(w[0], "within") == 0) {
            d->kind = w[0][0] == 'g' ? D_GROUP : D_WITHIN;
            if (n != 5)
                spec_error(at, "usage: %s VERDICT CAUSE TYPE SUBJECT", w[0]);
            check_choice(w[1], verdicts, "verdict", at, NULL);
            check_choice(w[2], causes, "cause", at, "-");
            check_choice(w[3], types, "type", at, NULL);
            if (strcmp(w[2], "-") != 0 && strcmp(w[2], "*") != 0 && strcmp(w[1], "conflict") != 0)
                spec_error(at, "only a conflict has a cause");
            d->verdict = xstrdup(w[1]);
            d->cause = xstrdup(w[2]);
            d->type = xstrdup(w[3]);
            d->subject = xstrdup(w[4]);
            open = d;
        } else if (strcmp(w[0], "apart") == 0) {
            int used;
            d->kind = D_APART;
            d->claims = xmalloc(2 * sizeof *d->claims);
            d->nclaims = 2;
            used = 1 + parse_claim(&d->claims[0], w + 1, quoted + 1, n - 1, at);
            if (used >= n || strcmp(w[used], "|") != 0 || quoted[used])
                spec_error(at, "usage: apart DOC \"TEXT\" | DOC \"TEXT\"");
            used++;
            used += parse_claim(&d->claims[1], w + used, quoted + used, n - used, at);
            if (used != n)
                spec_error(at, "extra words after the second claim");
        } else if (strcmp(w[0], "inconsistent") == 0) {
            d->kind = D_INCONSISTENT;
            if (n != 2)
                spec_error(at, "usage: inconsistent DOC (then claim lines)");
            d->subject = xstrdup(w[1]);
            open = d;
        } else if (strcmp(w[0], "copy") == 0) {
            d->kind = D_COPY;
            if (n != 3)
                spec_error(at, "usage: copy DOC DOC");
            d->subject = xstrdup(w[1]);
            d->doc2 = xstrdup(w[2]);
        } else if (strcmp(w[0], "not-compared") == 0) {
            d->kind = D_NOT_COMPARED;
            d->claims = xmalloc(sizeof *d->claims);
            d->nclaims = 1;
            if (1 + parse_claim(d->claims, w + 1, quoted + 1, n - 1, at) != n)
                spec_error(at, "usage: not-compared DOC \"TEXT\"");
        } else if (strcmp(w[0], "never-conflict") == 0) {
            d->kind = D_NEVER_CONFLICT;
            d->claims = xmalloc(sizeof *d->claims);
            d->nclaims = 1;
            if (1 + parse_claim(d->claims, w + 1, quoted + 1, n - 1, at) != n)
                spec_error(at, "usage: never-conflict DOC \"TEXT\"");
        } else if (strcmp(w[0], "only-listed-conflicts") == 0) {
            d->kind = D_ONLY_LISTED;
            if (n != 1)
                spec_error(at, "only-listed-conflicts takes no arguments");
        } else if (strcmp(w[0], "documents") == 0 || strcmp(w[0], "exit") == 0) {
            d->kind = w[0][0] == 'd' ? D_DOCUMENTS : D_EXIT;
            if (n != 2)
                spec_error(at, "usage: %s N", w[0]);
            d->number = number(w[1], at);
        } else if (strcmp(w[0], "unchanged-from") == 0) {
            d->kind = D_UNCHANGED;
            if (n != 2)
                spec_error(at, "usage: unchanged-from DIR");
        } else if (strcmp(w[0], "options") == 0 || strcmp(w[0], "docs-path") == 0 ||
                   strcmp(w[0], "docs-files") == 0) {
            d->kind = D_RUNNER;
            if (n < 2)
                spec_error(at, "%s needs an argument", w[0]);
        } else if (strcmp(w[0], "skip-without-docs") == 0) {
            d->kind = D_RUNNER;
        } else {
            spec_error(at, "unknown directive '%s'", w[0]);
        }
    }
    if (open && open->nclaims == 0)
        spec_error(open->at, "%s without claim lines", open->kind == D_GROUP ? "group"
                                                       : open->kind == D_WITHIN ? "within"
                                                                                : "inconsistent");
    free(line);
    fclose(f);
}

static void free_spec(spec *sp)
{
    size_t i, k;
    for (i = 0; i < sp->n; i++) {
        directive *d = &sp->d[i];
        for (k = 0; k < d->nclaims; k++) {
            free(d->claims[k].doc);
            free(d->claims[k].text);
        }
        free(d->claims);
        free(d->verdict);
        free(d->cause);
        free(d->type);
        free(d->subject);
        free(d->doc2);
        for (k = 0; k < d->ndeviating; k++)
            free(d->deviating[k]);
        free(d->deviating);
    }
    free(sp->d);
}

/* ---- matching ---- */

static bool claim_matches(const spec_claim *s, const out_claim *o)
{
    return strcmp(s->doc, o->doc) == 0 && strcmp(s->text, o->text) == 0 &&
           (!s->line || s->line == o->line) && (!s->col || s->col == o->col);
}

static bool group_has(const out_group *g, const spec_claim *s)
{
    size_t i;
    for (i = 0; i < g->nclaims; i++)
        if (claim_matches(s, &g->claims[i]))
            return true;
    return false;
}

static bool field_matches(const char *want, const char *have, bool dash_is_null)
{
    if (strcmp(want, "*") == 0)
        return true;
    if (dash_is_null && strcmp(want, "-") == 0)
        return have == NULL;
    return have && strcmp(want, have) == 0;
}

static bool subject_matches(const directive *d, const char *have)
{
    return field_matches(d->subject, have, true);
}

static bool fields_match(const directive *d, const out_group *g)
{
    return field_matches(d->verdict, g->verdict, false) &&
           field_matches(d->cause, g->cause, true) && field_matches(d->type, g->type, false) &&
           subject_matches(d, g->subject);
}

/* Does g satisfy the group/within directive d? */
static bool satisfies(const directive *d, const out_group *g)
{
    size_t i, k;
    if (!fields_match(d, g))
        return false;
    for (k = 0; k < d->nclaims; k++)
        if (!group_has(g, &d->claims[k]))
            return false;
    if (d->sources >= 0 && g->sources != d->sources)
        return false;
    if (d->has_deviating) {
        if (g->deviating.n != d->ndeviating)
            return false;
        for (k = 0; k < d->ndeviating; k++)
            if (!list_has(&g->deviating, d->deviating[k]))
                return false;
    }
    if (d->kind == D_WITHIN)
        return true;
    for (i = 0; i < g->nclaims; i++) {
        for (k = 0; k < d->nclaims; k++)
            if (claim_matches(&d->claims[k], &g->claims[i]))
                break;
        if (k == d->nclaims)
            return false;
    }
    return true;
}

static const char *show(const char *s)
{
    return s ? s : "null";
}

static void describe_group(const char *label, const output *out, size_t i)
{
    const out_group *g = &out->groups[i];
    note("%s group %zu (id %s): %s, cause %s, %s, subject %s%s%s, %zu claim%s", label, i + 1,
         show(g->id), show(g->verdict), show(g->cause), show(g->type), g->subject ? "\"" : "",
         show(g->subject), g->subject ? "\"" : "", g->nclaims, g->nclaims == 1 ? "" : "s");
}

/* "DOC "TEXT" [@LINE[:COL]]" of a spec claim, in a static buffer. */
static const char *spec_claim_str(const spec_claim *s)
{
    static char buf[1024];
    int n = snprintf(buf, sizeof buf, "%s \"%s\"", s->doc, s->text);
    if (s->line && n > 0 && (size_t)n < sizeof buf)
        snprintf(buf + n, sizeof buf - (size_t)n, s->col ? " @%ld:%ld" : " @%ld", s->line,
                 s->col);
    return buf;
}

/* Where a claim that is in no group may have gone: the same text at other
 * places of the document, or the texts that document has. */
static void describe_near(const output *out, const spec_claim *s)
{
    size_t i, k, shown = 0;
    for (i = 0; i < out->ngroups; i++)
        for (k = 0; k < out->groups[i].nclaims; k++) {
            const out_claim *o = &out->groups[i].claims[k];
            if (strcmp(o->doc, s->doc) == 0 && strcmp(o->text, s->text) == 0)
                note("    but %s \"%s\" stands at %ld:%ld (group %zu)", o->doc, o->text, o->line,
                     o->col, i + 1);
        }
    for (i = 0; i < out->ngroups; i++)
        for (k = 0; k < out->groups[i].nclaims; k++) {
            const out_claim *o = &out->groups[i].claims[k];
            if (strcmp(o->doc, s->doc) == 0 && strcmp(o->text, s->text) != 0 &&
                shown++ < 12)
                note("    %s has \"%s\" (%ld:%ld, group %zu)", o->doc, o->text, o->line, o->col,
                     i + 1);
        }
}

static void describe_claim_place(const output *out, const spec_claim *s)
{
    size_t i;
    bool found = false;
    for (i = 0; i < out->ngroups; i++)
        if (group_has(&out->groups[i], s)) {
            const out_group *g = &out->groups[i];
            note("  %s is in group %zu (id %s): %s, cause %s, %s, subject %s",
                 spec_claim_str(s), i + 1, show(g->id), show(g->verdict), show(g->cause),
                 show(g->type), show(g->subject));
            found = true;
        }
    if (!found) {
        note("  %s is in no group of the output", spec_claim_str(s));
        describe_near(out, s);
    }
}

static void check_group(const directive *d, const output *out)
{
    size_t i, k, best = 0, best_hits = 0;
    const out_group *g;
    bool any = false;

    for (i = 0; i < out->ngroups; i++)
        if (satisfies(d, &out->groups[i]))
            return;
    fail(d->at, "%s %s %s %s %s: no such group in the output",
         d->kind == D_GROUP ? "group" : "within", d->verdict, d->cause, d->type, d->subject);
    /* the group holding most of the listed claims, to say what differs */
    for (i = 0; i < out->ngroups; i++) {
        size_t hits = 0;
        for (k = 0; k < d->nclaims; k++)
            hits += group_has(&out->groups[i], &d->claims[k]);
        if (hits > best_hits) {
            best_hits = hits;
            best = i;
            any = true;
        }
    }
    if (!any) {
        note("none of the listed claims is in the output");
        for (k = 0; k < d->nclaims; k++)
            describe_claim_place(out, &d->claims[k]);
        return;
    }
    g = &out->groups[best];
    describe_group("closest:", out, best);
    if (!field_matches(d->verdict, g->verdict, false))
        note("  verdict is %s, expected %s", show(g->verdict), d->verdict);
    if (!field_matches(d->cause, g->cause, true))
        note("  cause is %s, expected %s", show(g->cause),
             strcmp(d->cause, "-") == 0 ? "null" : d->cause);
    if (!field_matches(d->type, g->type, false))
        note("  type is %s, expected %s", show(g->type), d->type);
    if (!subject_matches(d, g->subject))
        note("  subject is %s, expected %s", show(g->subject),
             strcmp(d->subject, "-") == 0 ? "null" : d->subject);
    if (d->sources >= 0 && g->sources != d->sources)
        note("  sources is %ld, expected %ld", g->sources, d->sources);
    if (d->has_deviating) {
        note("  deviating (%zu):", g->deviating.n);
        for (k = 0; k < g->deviating.n; k++)
            note("    %s%s", g->deviating.v[k], "");
        note("  expected (%zu):", d->ndeviating);
        for (k = 0; k < d->ndeviating; k++)
            note("    %s", d->deviating[k]);
    }
    for (k = 0; k < d->nclaims; k++)
        if (!group_has(g, &d->claims[k])) {
            note("  lacks %s", spec_claim_str(&d->claims[k]));
            describe_claim_place(out, &d->claims[k]);
        }
    if (d->kind == D_GROUP)
        for (i = 0; i < g->nclaims; i++) {
            for (k = 0; k < d->nclaims; k++)
                if (claim_matches(&d->claims[k], &g->claims[i]))
                    break;
            if (k == d->nclaims)
                note("  also holds %s \"%s\" (%ld:%ld), which is not listed", g->claims[i].doc,
                     g->claims[i].text, g->claims[i].line, g->claims[i].col);
        }
}

static bool claim_present(const output *out, const spec_claim *s)
{
    size_t i;
    for (i = 0; i < out->ngroups; i++)
        if (group_has(&out->groups[i], s))
            return true;
    return false;
}

static void check_apart(const directive *d, const output *out)
{
    const spec_claim *a = &d->claims[0], *b = &d->claims[1];
    size_t i;
    bool ok = true;
    if (!claim_present(out, a)) {
        fail(d->at, "apart: %s is in no group of the output", spec_claim_str(a));
        describe_near(out, a);
        ok = false;
    }
    if (!claim_present(out, b)) {
        fail(d->at, "apart: %s is in no group of the output", spec_claim_str(b));
        describe_near(out, b);
        ok = false;
    }
    if (!ok)
        return;
    for (i = 0; i < out->ngroups; i++)
        if (group_has(&out->groups[i], a) && group_has(&out->groups[i], b)) {
            fail(d->at, "apart: %s \"%s\" and %s \"%s\" are in the same group", a->doc, a->text,
                 b->doc, b->text);
            describe_group("", out, i);
        }
}

static void check_never_conflict(const directive *d, const output *out)
{
    const spec_claim *a = &d->claims[0];
    size_t i;
    if (!claim_present(out, a)) {
        fail(d->at, "never-conflict: %s is in no group of the output", spec_claim_str(a));
        describe_near(out, a);
        return;
    }
    for (i = 0; i < out->ngroups; i++) {
        const out_group *g = &out->groups[i];
        if (g->verdict && strcmp(g->verdict, "conflict") == 0 && group_has(g, a)) {
            fail(d->at, "never-conflict: %s \"%s\" is in a conflict", a->doc, a->text);
            describe_group("", out, i);
        }
    }
}

static void check_only_listed(const directive *d, const spec *sp, const output *out)
{
    size_t i, k, c;
    for (i = 0; i < out->ngroups; i++) {
        const out_group *g = &out->groups[i];
        bool listed = false;
        if (!g->verdict || strcmp(g->verdict, "conflict") != 0)
            continue;
        for (k = 0; k < sp->n && !listed; k++) {
            const directive *e = &sp->d[k];
            if ((e->kind == D_GROUP || e->kind == D_WITHIN) &&
                strcmp(e->verdict, "conflict") == 0 && satisfies(e, g))
                listed = true;
        }
        if (listed)
            continue;
        fail(d->at, "only-listed-conflicts: group %zu (id %s) is a conflict no directive lists",
             i + 1, show(g->id));
        describe_group("", out, i);
        for (c = 0; c < g->nclaims; c++)
            note("  %s \"%s\" (%ld:%ld)", g->claims[c].doc, g->claims[c].text,
                 g->claims[c].line, g->claims[c].col);
    }
}

static void check_inconsistent(const directive *d, const output *out)
{
    size_t i, k;
    for (i = 0; i < out->ngroups; i++) {
        const out_group *g = &out->groups[i];
        for (k = 0; k < d->nclaims && group_has(g, &d->claims[k]); k++)
            ;
        if (k == d->nclaims && list_has(&g->inconsistent, d->subject))
            return;
    }
    fail(d->at, "inconsistent %s: no group holds the claims and names %s inconsistent",
         d->subject, d->subject);
    for (k = 0; k < d->nclaims; k++)
        describe_claim_place(out, &d->claims[k]);
}

static void check_copy(const directive *d, const output *out)
{
    size_t i;
    for (i = 0; i < out->copies.n; i++)
        if ((strcmp(out->copies.v[i], d->subject) == 0 &&
             strcmp(out->originals.v[i], d->doc2) == 0) ||
            (strcmp(out->copies.v[i], d->doc2) == 0 &&
             strcmp(out->originals.v[i], d->subject) == 0))
            return;
    fail(d->at, "copy: %s and %s are not listed as copies", d->subject, d->doc2);
    for (i = 0; i < out->copies.n; i++)
        note("  %s is a copy of %s", out->copies.v[i], out->originals.v[i]);
}

static void check_not_compared(const directive *d, const output *out)
{
    const spec_claim *a = &d->claims[0];
    size_t i, k;
    if (!claim_present(out, a)) {
        fail(d->at, "not-compared: %s is in no group of the output", spec_claim_str(a));
        describe_near(out, a);
        return;
    }
    for (i = 0; i < out->ngroups; i++) {
        const out_group *g = &out->groups[i];
        if (!group_has(g, a))
            continue;
        for (k = 0; k < g->nclaims; k++)
            if (strcmp(g->claims[k].doc, a->doc) != 0) {
                fail(d->at, "not-compared: %s \"%s\" shares a group with %s \"%s\"", a->doc,
                     a->text, g->claims[k].doc, g->claims[k].text);
                describe_group("", out, i);
                break;
            }
    }
}

static int claim_cmp(const out_claim *a, const out_claim *b)
{
    int r = strcmp(a->doc, b->doc);
    if (!r)
        r = strcmp(a->text, b->text);
    if (!r)
        r = (a->line > b->line) - (a->line < b->line);
    if (!r)
        r = (a->col > b->col) - (a->col < b->col);
    return r;
}

/* Same claims, compared as multisets of (doc, text, line, col). */
static bool same_claims(const out_group *a, const out_group *b)
{
    size_t i, k, na = 0, nb = 0;
    if (a->nclaims != b->nclaims)
        return false;
    for (i = 0; i < a->nclaims; i++) {
        na = nb = 0;
        for (k = 0; k < a->nclaims; k++)
            na += claim_cmp(&a->claims[i], &a->claims[k]) == 0;
        for (k = 0; k < b->nclaims; k++)
            nb += claim_cmp(&a->claims[i], &b->claims[k]) == 0;
        if (na != nb)
            return false;
    }
    return true;
}

static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static void check_unchanged(const directive *d, const output *base, const output *out)
{
    size_t i, k;
    for (i = 0; i < base->ngroups; i++) {
        const out_group *b = &base->groups[i], *g = NULL;
        for (k = 0; k < out->ngroups && b->id; k++)
            if (same_str(out->groups[k].id, b->id))
                g = &out->groups[k];
        if (!g) {
            fail(d->at, "unchanged-from: group id %s of the base run is not in the output",
                 show(b->id));
            describe_group("base:", base, i);
            continue;
        }
        if (!same_str(b->verdict, g->verdict) || !same_str(b->cause, g->cause) ||
            !same_str(b->type, g->type) || !same_str(b->subject, g->subject) ||
            !same_claims(b, g)) {
            fail(d->at, "unchanged-from: group id %s differs from the base run", show(b->id));
            describe_group("base:", base, i);
            describe_group("now: ", out, (size_t)(g - out->groups));
        }
    }
}

static void usage(void)
{
    fprintf(stderr, "usage: check_groups [--status N] [--base BASE.json] OUTPUT.json SPEC\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *status_arg = NULL, *base_path = NULL;
    output out, base;
    bool have_base = false;
    spec sp;
    long status = -1;
    size_t i;
    int a = 1;

    while (a < argc && strncmp(argv[a], "--", 2) == 0) {
        if (strcmp(argv[a], "--status") == 0 && a + 1 < argc)
            status_arg = argv[++a];
        else if (strcmp(argv[a], "--base") == 0 && a + 1 < argc)
            base_path = argv[++a];
        else
            usage();
        a++;
    }
    if (argc - a != 2)
        usage();
    spec_path = argv[a + 1];
    if (status_arg) {
        char *end;
        status = strtol(status_arg, &end, 10);
        if (end == status_arg || *end)
            usage();
    }
    read_spec(&sp, spec_path);
    for (i = 0; i < sp.n; i++)
        if (sp.d[i].kind == D_UNCHANGED && !base_path) {
            fprintf(stderr, "%s:%d: unchanged-from needs --base BASE.json\n", spec_path,
                    sp.d[i].at);
            exit(2);
        }

    /* the exit status first: it explains an output that is missing */
    for (i = 0; i < sp.n; i++)
        if (sp.d[i].kind == D_EXIT && status >= 0 && status != sp.d[i].number)
            fail(sp.d[i].at, "check exited with %ld, expected %ld", status, sp.d[i].number);

    if (read_output(&out, argv[a]) == 0) {
        check_invariants(&out);
        if (base_path) {
            bool ok;
            int before = failures;
            ok = read_output(&base, base_path) == 0;
            if (!ok || failures != before)
                fail(0, "the base run's output %s is not usable", base_path);
            have_base = ok;
        }
        for (i = 0; i < sp.n; i++) {
            const directive *d = &sp.d[i];
            switch (d->kind) {
            case D_GROUP:
            case D_WITHIN:
                check_group(d, &out);
                break;
            case D_APART:
                check_apart(d, &out);
                break;
            case D_NEVER_CONFLICT:
                check_never_conflict(d, &out);
                break;
            case D_INCONSISTENT:
                check_inconsistent(d, &out);
                break;
            case D_COPY:
                check_copy(d, &out);
                break;
            case D_NOT_COMPARED:
                check_not_compared(d, &out);
                break;
            case D_ONLY_LISTED:
                check_only_listed(d, &sp, &out);
                break;
            case D_DOCUMENTS:
                if (out.documents != d->number)
                    fail(d->at, "the output has %ld documents, expected %ld", out.documents,
                         d->number);
                break;
            case D_UNCHANGED:
                if (have_base)
                    check_unchanged(d, &base, &out);
                break;
            case D_EXIT:
            case D_RUNNER:
                break;
            }
        }
        if (have_base)
            free_output(&base);
    }
    free_output(&out);
    free_spec(&sp);
    if (failures) {
        printf("%s: %d expectation%s failed\n", spec_path, failures, failures == 1 ? "" : "s");
        return 1;
    }
    printf("%s: all expectations hold\n", spec_path);
    return 0;
}
