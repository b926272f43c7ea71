/*
 * check_sarif.c: `abgleich check -f sarif`, SARIF 2.1.0 for CI systems.
 *
 * One run; tool.driver names abgleich, its version and one rule per kind of
 * conflict (conflict/money, conflict/percent, conflict/date,
 * conflict/quantity, in the order of abg_fact_type). Each reported conflict
 * group (check_reported: not accepted by a baseline) is one result: level
 * error (warning when the cause is time: both figures may be right), a
 * message naming subject, measure, role and time and every value with its document,
 * the first claim as location and the others as related locations, and the
 * group id as partial fingerprint "abgleichGroup/v1". Conflicts a baseline
 * accepts are no results at all, so a code-scanning service never sees
 * them. Columns count Unicode code points (run.columnKind), as the rest of
 * the program does. Built with jansson, so every string is escaped by
 * construction; the caller owns nothing of it.
 */
#define _POSIX_C_SOURCE 200809L

#include <jansson.h>
#include <math.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define FINGERPRINT_KEY "abgleichGroup/v1"

typedef struct {
    const char *id, *name, *short_text, *full_text;
} sarif_rule;

static const char help_text[] =
    "Compare the sentences at the result's location and its related locations. If a "
    "source is wrong, correct or flag it. If the figures measure different things or "
    "different times, the grouping was too coarse: name the difference with a measure "
    "cue or a time word in a --lexicon file. A conflict that was reviewed and is to "
    "stay can be accepted: 'abgleich check --write-baseline FILE' writes the current "
    "conflicts, 'abgleich check --baseline FILE' then reports only new ones.";

/* Indexed by abg_fact_type - 1. */
static const sarif_rule rules[] = {
    {"conflict/money", "MoneyConflict", "Sources disagree on an amount of money",
     "Documents state amounts of money of the same story for the same subject, measure, role and time that cannot "
     "all be true: they differ beyond the precision they were written with and beyond "
     "the tolerance of approximations (rund, etwa; 5 % by default), or by a factor of "
     "1000 (Milliarden and Billionen: cause scale), or they are in different currencies, "
     "which are never compared as numbers (cause currency)."},
    {"conflict/percent", "PercentConflict", "Sources disagree on a percentage",
     "Documents state percentages of the same story for the same subject, measure, role and time that cannot all be "
     "true: they differ beyond the precision they were written with and beyond the "
     "tolerance of approximations, or one gives percent and another percentage points "
     "(cause unit)."},
    {"conflict/date", "DateConflict", "Sources disagree on a date",
     "Documents give different dates of the same story for the same subject, measure, role and time: days, months or "
     "years that do not overlap, or different start (seit) or end points (bis) of the "
     "same period."},
    {"conflict/quantity", "QuantityConflict", "Sources disagree on a quantity",
     "Documents state quantities of one dimension of the same story for the same subject, measure, role and time "
     "that differ after unit conversion (1,2 Gigawatt = 1.200 Megawatt), beyond the "
     "precision they were written with and the tolerance of approximations."},
};

#define NRULES (sizeof rules / sizeof rules[0])

/* Builds objects and remembers whether any step ran out of memory. */
typedef struct {
    bool oom;
} builder;

static json_t *obj(builder *b)
{
    json_t *o = json_object();
    b->oom |= !o;
    return o;
}

static json_t *arr(builder *b)
{
    json_t *a = json_array();
    b->oom |= !a;
    return a;
}

/* o[key] = v, taking v (also on failure). */
static void put(builder *b, json_t *o, const char *key, json_t *v)
{
    b->oom |= !v || json_object_set_new(o, key, v) < 0;
}

static void push(builder *b, json_t *a, json_t *v)
{
    b->oom |= !v || json_array_append_new(a, v) < 0;
}

static json_t *str(const char *s)
{
    return json_string(s ? s : "");
}

/* {"text": s} */
static json_t *text_obj(builder *b, const char *s)
{
    json_t *o = obj(b);
    put(b, o, "text", str(s));
    return o;
}

static size_t count_chars(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* ---- artifact URIs ---- */

/* RFC 3986: what a path segment may hold unencoded (unreserved, sub-delims,
 * ':' and '@'), plus '/' between segments. */
static bool uri_plain(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != '\0' && strchr("-._~!$&'()*+,;=:@/", c));
}

/* Append path[0..n) percent-encoded to the stream; with `relative`, a ':'
 * in the first segment is encoded too, so it cannot read as a scheme. */
static void encode_path(FILE *out, const char *path, size_t n, bool relative)
{
    bool first_segment = relative;
    size_t i;

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        if (c == '/')
            first_segment = false;
        if (uri_plain(c) && !(c == ':' && first_segment))
            fputc(c, out);
        else
            fprintf(out, "%%%02X", c);
    }
}

/* The URI of a document: its path without a feed item's "#N", relative to
 * the working directory `cwd` when it lies under it (or is relative
 * already), else an absolute file: URI; the exact bytes of the name
 * (abg_name_unescape), percent-encoded. malloc'd; NULL when out of memory. */
static char *doc_uri(const char *escaped, const char *cwd)
{
    size_t n = 0, k, clen = cwd ? strlen(cwd) : 0;
    char *raw = abg_name_unescape(escaped, &n), *uri = NULL;
    const char *doc = raw;
    size_t size = 0;
    FILE *out;

    if (!raw)
        return NULL;
    k = n;

    while (k > 0 && doc[k - 1] >= '0' && doc[k - 1] <= '9')
        k--;
    if (k > 1 && k < n && doc[k - 1] == '#')
        n = k - 1;
    if (!(out = open_memstream(&uri, &size))) {
        free(raw);
        return NULL;
    }
    if (doc[0] == '/' && cwd && clen > 0 && !strncmp(doc, cwd, clen) &&
        (cwd[clen - 1] == '/' || doc[clen] == '/')) {
        size_t skip = clen + (cwd[clen - 1] != '/');
        if (skip > n)
            skip = n;
        doc += skip;
        n -= skip;
    } else if (doc[0] == '/') {
        fputs("file://", out);
        encode_path(out, doc, n, false);
        goto done;
    }
    while (n >= 2 && doc[0] == '.' && doc[1] == '/') {
        doc += 2;
        n -= 2;
        while (n > 0 && doc[0] == '/') {
            doc++;
            n--;
        }
    }
    if (n == 0)
        fputc('.', out);
    encode_path(out, doc, n, true);
done:
    free(raw);
    if (fclose(out) != 0) {
        free(uri);
        return NULL;
    }
    return uri;
}

/* ---- results ---- */

static json_t *physical_location(builder *b, const abg_claim *c, const char *cwd)
{
    json_t *phys = obj(b), *art = obj(b), *region;
    char *uri = doc_uri(c->doc ? c->doc : "", cwd);

    b->oom |= !uri;
    put(b, art, "uri", str(uri));
    free(uri);
    put(b, phys, "artifactLocation", art);
    if (c->line >= 1) { /* claims read with --facts may have no place */
        region = obj(b);
        put(b, region, "startLine", json_integer((json_int_t)c->line));
        if (c->col >= 1) {
            size_t len = count_chars(c->text ? c->text : "");
            put(b, region, "startColumn", json_integer((json_int_t)c->col));
            if (len > 0)
                put(b, region, "endColumn", json_integer((json_int_t)(c->col + len)));
        }
        if (c->text)
            put(b, region, "snippet", text_obj(b, c->text));
        put(b, phys, "region", region);
    }
    return phys;
}

/* "27 % (Der Börsenbrief; time: Nach dem Umbau)" */
static char *claim_message(const abg_claim *c)
{
    char val[128], *s = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&s, &size);

    if (!out)
        return NULL;
    check_claim_value(val, sizeof val, c);
    fprintf(out, "%s (%s%s%s)", val, c->source ? c->source : c->doc ? c->doc : "-",
            c->time ? "; time: " : "", c->time ? c->time : "");
    if (fclose(out) != 0) {
        free(s);
        return NULL;
    }
    return s;
}

static json_t *location(builder *b, const abg_claim *c, size_t id, const char *cwd)
{
    json_t *loc = obj(b);
    char *msg = claim_message(c);

    b->oom |= !msg;
    put(b, loc, "id", json_integer((json_int_t)id));
    put(b, loc, "physicalLocation", physical_location(b, c, cwd));
    put(b, loc, "message", text_obj(b, msg));
    free(msg);
    return loc;
}

/* "Microsoft [anteil]: 27 % (corpus/a.txt), 32.5 % (corpus/b.txt); cause: time" */
static char *group_message(const abg_group *g)
{
    const char *cause = abg_cause_name(g->cause);
    char val[128], *s = NULL;
    size_t k, size = 0;
    FILE *out = open_memstream(&s, &size);

    if (!out)
        return NULL;
    fprintf(out, "%s [%s%s%s, %s%s%s]:", g->subject ? g->subject : "(no subject)",
            g->measure ? g->measure : "-", g->object ? " an " : "", g->object ? g->object : "",
            abg_role_name(g->role), g->time ? ", " : "", g->time ? g->time : "");
    for (k = 0; k < g->nclaims; k++) {
        check_claim_value(val, sizeof val, g->claims[k]);
        fprintf(out, "%s %s (%s)", k ? "," : "", val,
                g->claims[k]->doc ? g->claims[k]->doc : "-");
    }
    if (cause)
        fprintf(out, "; cause: %s", cause);
    if (fclose(out) != 0) {
        free(s);
        return NULL;
    }
    return s;
}

static json_t *result(builder *b, const abg_group *g, const char *cwd)
{
    json_t *res = obj(b), *locs = arr(b), *related = arr(b), *fp = obj(b), *props = obj(b);
    size_t k, rule = (size_t)g->type - 1;
    const char *cause = abg_cause_name(g->cause);
    char *msg = group_message(g);

    b->oom |= !msg;
    put(b, res, "ruleId", json_string(rules[rule].id));
    put(b, res, "ruleIndex", json_integer((json_int_t)rule));
    put(b, res, "level", json_string(g->cause == ABG_CAUSE_TIME ? "warning" : "error"));
    put(b, res, "message", text_obj(b, msg));
    free(msg);
    if (g->nclaims > 0)
        push(b, locs, location(b, g->claims[0], 0, cwd));
    put(b, res, "locations", locs);
    for (k = 1; k < g->nclaims; k++)
        push(b, related, location(b, g->claims[k], k, cwd));
    put(b, res, "relatedLocations", related);
    put(b, fp, FINGERPRINT_KEY, json_string(g->id));
    put(b, res, "partialFingerprints", fp);
    put(b, props, "subject", g->subject ? json_string(g->subject) : json_null());
    put(b, props, "object", g->object ? json_string(g->object) : json_null());
    put(b, props, "measure", g->measure ? json_string(g->measure) : json_null());
    put(b, props, "role", json_string(abg_role_name(g->role)));
    put(b, props, "time", g->time ? json_string(g->time) : json_null());
    put(b, props, "confidence", json_real(floor(g->confidence * 100 + 0.5) / 100));
    put(b, props, "cause", cause ? json_string(cause) : json_null());
    put(b, res, "properties", props);
    return res;
}

static json_t *driver(builder *b)
{
    json_t *drv = obj(b), *list = arr(b);
    size_t i;

    put(b, drv, "name", json_string("abgleich"));
    put(b, drv, "version", json_string(abg_version()));
    for (i = 0; i < NRULES; i++) {
        json_t *r = obj(b), *conf = obj(b);
        put(b, r, "id", json_string(rules[i].id));
        put(b, r, "name", json_string(rules[i].name));
        put(b, r, "shortDescription", text_obj(b, rules[i].short_text));
        put(b, r, "fullDescription", text_obj(b, rules[i].full_text));
        put(b, r, "help", text_obj(b, help_text));
        put(b, conf, "level", json_string("error"));
        put(b, r, "defaultConfiguration", conf);
        push(b, list, r);
    }
    put(b, drv, "rules", list);
    return drv;
}

int check_write_sarif(FILE *out, const check_report *r)
{
    builder b = {false};
    json_t *root = obj(&b), *runs = arr(&b), *run = obj(&b), *tool = obj(&b),
           *results = arr(&b);
    size_t i, n = abg_check_group_count(r->chk);
    char cwdbuf[PATH_MAX];
    const char *cwd = getcwd(cwdbuf, sizeof cwdbuf);

    put(&b, root, "$schema", json_string(SARIF_SCHEMA));
    put(&b, root, "version", json_string("2.1.0"));
    put(&b, tool, "driver", driver(&b));
    put(&b, run, "tool", tool);
    put(&b, run, "columnKind", json_string("unicodeCodePoints"));
    for (i = 0; i < n && !b.oom; i++) {
        const abg_group *g = abg_check_group(r->chk, i);
        if (check_reported(r, i) && g->type >= ABG_FACT_MONEY && (size_t)g->type <= NRULES)
            push(&b, results, result(&b, g, cwd));
    }
    put(&b, run, "results", results);
    push(&b, runs, run);
    put(&b, root, "runs", runs);
    if (!b.oom && json_dumpf(root, out, JSON_INDENT(2)) == 0)
        fputc('\n', out);
    json_decref(root);
    return b.oom ? -1 : 0;
}
