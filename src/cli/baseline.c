/*
 * baseline.c: `check --baseline FILE` and `--write-baseline FILE`.
 *
 * A baseline lists conflicts that were looked at and accepted, so that CI
 * fails only on new ones. It is JSON that people review in a diff:
 *
 *   {"version":1,"tool":"abgleich",
 *    "conflicts":[
 *     {"id":"06916c5ff59aa4ab","type":"percent","subject":"Microsoft",
 *      "measure":"anteil","cause":null,
 *      "values":["27 % (corpus/boersenbrief.md:16:35)", ...]}, ...]}
 *
 * (one conflict a line in the file).
 *
 * Only the ids (group fingerprints, stable across runs) decide; type and
 * subject also name stale entries in messages; the rest is for people.
 * Reading takes the whole file into memory (baselines are small) and
 * copies what it keeps; check_baseline_dispose frees it.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "cli.h"

#define BASELINE_VERSION 1

static bool is_fingerprint(const char *s)
{
    size_t i;

    for (i = 0; i < 16; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return s[16] == '\0';
}

static char *dup_string(json_t *o, const char *key, bool *oom)
{
    json_t *v = json_object_get(o, key);
    char *s;

    if (!json_is_string(v))
        return NULL;
    if (!(s = strdup(json_string_value(v))))
        *oom = true;
    return s;
}

static int not_baseline(const char *path, const char *why)
{
    char msg[256];

    snprintf(msg, sizeof msg, "not an abgleich baseline: %s", why);
    cli_file_error(path, msg);
    return CLI_TROUBLE;
}

int check_baseline_read(check_baseline *out, const char *path)
{
    json_error_t jerr;
    json_t *root = NULL, *list, *v;
    FILE *fp;
    struct stat st;
    size_t i, k;
    bool oom = false;
    char why[128];
    int rc = 0;

    memset(out, 0, sizeof *out);
    if (!(fp = fopen(path, "rb"))) {
        cli_file_error(path, strerror(errno));
        return CLI_TROUBLE;
    }
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        cli_file_error(path, "is a folder, not a file");
        return CLI_TROUBLE;
    }
    root = json_loadf(fp, JSON_REJECT_DUPLICATES, &jerr);
    fclose(fp);
    if (!root) {
        char msg[300];
        snprintf(msg, sizeof msg, "not valid JSON: line %d: %s", jerr.line, jerr.text);
        cli_file_error(path, msg);
        return CLI_TROUBLE;
    }
    if (!json_is_object(root)) {
        rc = not_baseline(path, "not a JSON object");
        goto done;
    }
    v = json_object_get(root, "version");
    if (!json_is_integer(v) || json_integer_value(v) != BASELINE_VERSION) {
        rc = not_baseline(path, "\"version\" must be 1");
        goto done;
    }
    v = json_object_get(root, "tool");
    if (v && !(json_is_string(v) && !strcmp(json_string_value(v), "abgleich"))) {
        rc = not_baseline(path, "\"tool\" must be \"abgleich\"");
        goto done;
    }
    list = json_object_get(root, "conflicts");
    if (!json_is_array(list)) {
        rc = not_baseline(path, "no \"conflicts\" list");
        goto done;
    }
    if (json_array_size(list) &&
        !(out->entries = calloc(json_array_size(list), sizeof *out->entries))) {
        rc = cli_error("out of memory");
        goto done;
    }
    for (i = 0; i < json_array_size(list); i++) {
        json_t *e = json_array_get(list, i);
        json_t *id = json_object_get(e, "id");
        check_baseline_entry *b;
        if (!json_is_object(e) || !json_is_string(id) || !is_fingerprint(json_string_value(id))) {
            snprintf(why, sizeof why,
                     "conflict %zu needs an \"id\" of 16 hexadecimal digits", i + 1);
            rc = not_baseline(path, why);
            goto done;
        }
        for (k = 0; k < out->n && strcmp(out->entries[k].id, json_string_value(id)); k++)
            ;
        if (k < out->n) /* listed twice: once is enough */
            continue;
        b = &out->entries[out->n++];
        memcpy(b->id, json_string_value(id), sizeof b->id);
        b->type = dup_string(e, "type", &oom);
        b->subject = dup_string(e, "subject", &oom);
        if (oom) {
            rc = cli_error("out of memory");
            goto done;
        }
    }
done:
    json_decref(root);
    if (rc)
        check_baseline_dispose(out);
    return rc;
}

void check_baseline_dispose(check_baseline *b)
{
    size_t i;

    if (!b)
        return;
    for (i = 0; i < b->n; i++) {
        free(b->entries[i].type);
        free(b->entries[i].subject);
    }
    free(b->entries);
    memset(b, 0, sizeof *b);
}

int check_baseline_apply(check_report *r, check_baseline *b, bool **accepted)
{
    size_t i, k, n = abg_check_group_count(r->chk);
    bool *acc = calloc(n ? n : 1, sizeof *acc);

    if (!acc)
        return -1;
    r->accepted_count = 0;
    for (k = 0; k < b->n; k++)
        b->entries[k].matched = false;
    for (i = 0; i < n; i++) {
        const abg_group *g = abg_check_group(r->chk, i);
        if (g->verdict != ABG_VERDICT_CONFLICT)
            continue;
        for (k = 0; k < b->n; k++) {
            if (!strcmp(b->entries[k].id, g->id)) {
                b->entries[k].matched = true;
                acc[i] = true;
                r->accepted_count++;
                break;
            }
        }
    }
    r->stale_count = 0;
    for (k = 0; k < b->n; k++)
        r->stale_count += !b->entries[k].matched;
    r->accepted = acc;
    r->baseline = b;
    *accepted = acc;
    return 0;
}

/* "27 % (corpus/a.txt:3:41)" */
static json_t *value_summary(const abg_claim *c)
{
    char val[128], buf[1024];

    check_claim_value(val, sizeof val, c);
    snprintf(buf, sizeof buf, "%s (%s:%llu:%llu)", val, c->doc ? c->doc : "-",
             (unsigned long long)c->line, (unsigned long long)c->col);
    return json_string(buf);
}

/* The conflicts of r->chk as baseline entries; NULL when out of memory. */
static json_t *conflicts_json(const check_report *r)
{
    json_t *list = json_array();
    size_t i, k, n = abg_check_group_count(r->chk);
    int err = 0;

    if (!list)
        return NULL;
    for (i = 0; i < n; i++) {
        const abg_group *g = abg_check_group(r->chk, i);
        const char *cause = abg_cause_name(g->cause);
        json_t *e, *values;
        if (g->verdict != ABG_VERDICT_CONFLICT)
            continue;
        e = json_object();
        values = json_array();
        err |= json_object_set_new(e, "id", json_string(g->id));
        err |= json_object_set_new(e, "type", json_string(abg_fact_type_name(g->type)));
        err |= json_object_set_new(e, "subject",
                                   g->subject ? json_string(g->subject) : json_null());
        err |= json_object_set_new(e, "measure",
                                   g->measure ? json_string(g->measure) : json_null());
        err |= json_object_set_new(e, "cause", cause ? json_string(cause) : json_null());
        for (k = 0; k < g->nclaims; k++)
            err |= json_array_append_new(values, value_summary(g->claims[k]));
        err |= json_object_set_new(e, "values", values);
        err |= json_array_append_new(list, e);
        if (err) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

/* Written like check -f json: one conflict a line, so that a diff of the
 * file shows which conflicts came and went. */
int check_baseline_write(const check_report *r, const char *path)
{
    cli_output out;
    json_t *list = conflicts_json(r);
    size_t i;
    int rc;

    if (!list)
        return cli_error("out of memory");
    if ((rc = cli_output_open(&out, path)) != 0) {
        json_decref(list);
        return rc;
    }
    fprintf(out.fp, "{\"version\":%d,\"tool\":\"abgleich\",\n \"conflicts\":[",
            BASELINE_VERSION);
    for (i = 0; i < json_array_size(list); i++) {
        fputs(i ? ",\n  " : "\n  ", out.fp);
        json_dumpf(json_array_get(list, i), out.fp, JSON_COMPACT);
    }
    fputs(i ? "\n ]}\n" : "]}\n", out.fp);
    json_decref(list);
    return cli_output_close(&out, true);
}
