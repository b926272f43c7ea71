/*
 * cmd_check.c: `abgleich check`, cross-checks the claims of the documents
 * (or of facts JSONL shards with --facts) and reports the groups.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "term.h"

static const char *const formats[] = {"text", "json", NULL};
enum { FORMAT_TEXT, FORMAT_JSON };

static const char *const fail_ons[] = {"conflict", "any", "none", NULL};
enum { FAIL_CONFLICT, FAIL_ANY, FAIL_NONE };

typedef struct {
    int format;
    const char *output;
    int fail_on;
    bool facts;
    const char *tolerance;
    bool verbose;
    cli_claims_opts claims;
    cli_read_opts read;
    int color;
} check_opts;

typedef struct {
    cli_claims claims; /* first: the payload of cli_claims_work */
    abg_check *chk;
    abg_ctx *ctx;
    size_t documents, facts;
    int rc;
} check_run;

/* ---- claims from texts ---- */

static int add_doc(const abg_doc *doc, void *result, int discard, void *payload)
{
    check_run *run = payload;
    cli_doc_claims *r = result;
    size_t i;
    int rc = 0;

    if (!discard) {
        run->documents++;
        for (i = 0; i < r->nlimited; i++)
            cli_error("%s: warning: rule %s hit its match limit", abg_doc_id(doc),
                      r->limited[i]);
    }
    for (i = 0; !discard && i < r->n && !rc; i++) {
        abg_claim c;
        char *text, *sentence;
        if (cli_claim_of(&c, &text, &sentence, doc, &r->facts[i], &r->about[i]) < 0) {
            rc = cli_error("out of memory");
            break;
        }
        if (abg_check_add(run->chk, run->ctx, &c) < 0)
            rc = cli_error("%s", abg_ctx_message(run->ctx));
        run->facts++;
        free(text);
        free(sentence);
    }
    cli_doc_claims_free(r);
    return rc;
}

/* ---- claims from facts JSONL (--facts) ---- */

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static int jnum(json_t *o, const char *key, double *out)
{
    json_t *v = json_object_get(o, key);

    if (!json_is_number(v))
        return -1;
    *out = json_number_value(v);
    return 0;
}

static uint64_t juint(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_integer(v) && json_integer_value(v) > 0 ? (uint64_t)json_integer_value(v) : 0;
}

static const char *const qualifiers[] = {"exact", "approx", "lower", "upper", "range", NULL};

/* One fact line into a claim. NULL or the reason it cannot be used. */
static const char *claim_of_json(abg_claim *c, json_t *o, const char **attr, size_t maxattr)
{
    const char *type = jstr(o, "type"), *qual = jstr(o, "qualifier");
    json_t *a = json_object_get(o, "attribute"), *vt = json_object_get(o, "value_to");
    size_t i;

    memset(c, 0, sizeof *c);
    if (!json_is_object(o))
        return "not a JSON object";
    if (!(c->doc = jstr(o, "doc")) || !type || !(c->text = jstr(o, "text")) || !qual)
        return "needs doc, type, text and qualifier";
    if (!(c->type = abg_fact_type_from_name(type)))
        return "unknown type";
    for (i = 0; qualifiers[i] && strcmp(qualifiers[i], qual); i++)
        ;
    if (!qualifiers[i])
        return "unknown qualifier";
    c->qualifier = (abg_qualifier)i;
    c->source = jstr(o, "source");
    c->sentence = jstr(o, "sentence");
    c->rule = jstr(o, "rule");
    c->unit = jstr(o, "unit");
    c->subject = jstr(o, "subject");
    c->time = jstr(o, "time");
    c->line = juint(o, "line");
    c->col = juint(o, "col");
    c->offset = juint(o, "offset");
    c->length = juint(o, "length");
    if (c->type == ABG_FACT_DATE) {
        const char *d = jstr(o, "value"), *dt = jstr(o, "value_to");
        if (!d || strlen(d) >= sizeof c->date)
            return "a date needs its value as a string";
        strcpy(c->date, d);
        if (dt && strlen(dt) < sizeof c->date_to)
            strcpy(c->date_to, dt);
    } else {
        if (jnum(o, "value", &c->value) < 0)
            return "needs a numeric value";
        c->has_value_to = json_is_number(vt);
        if (c->has_value_to)
            c->value_to = json_number_value(vt);
    }
    if (a && !json_is_array(a))
        return "attribute must be a list";
    for (i = 0; a && i < json_array_size(a) && c->nattribute < maxattr; i++)
        if (json_is_string(json_array_get(a, i)))
            attr[c->nattribute++] = json_string_value(json_array_get(a, i));
    c->attribute = attr;
    return NULL;
}

static int read_facts(check_run *run, const char *path, cli_status *status)
{
    FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    char *last_doc = NULL;
    int rc = 0;

    if (!fp) {
        cli_file_error(path, strerror(errno));
        status->failed++;
        return 0;
    }
    while ((n = getline(&line, &cap, fp)) >= 0 && !rc) {
        json_error_t jerr;
        json_t *o;
        abg_claim c;
        const char *attr[64], *why;
        char msg[256];
        lineno++;
        if (n == 0 || strspn(line, " \t\r\n") == (size_t)n)
            continue;
        if (!(o = json_loadb(line, (size_t)n, JSON_REJECT_DUPLICATES, &jerr))) {
            snprintf(msg, sizeof msg, "line %zu: %s", lineno, jerr.text);
            cli_file_error(path, msg);
            status->failed++;
            continue;
        }
        if ((why = claim_of_json(&c, o, attr, 64))) {
            snprintf(msg, sizeof msg, "line %zu: %s", lineno, why);
            cli_file_error(path, msg);
            status->failed++;
        } else {
            if (!last_doc || strcmp(last_doc, c.doc)) {
                free(last_doc);
                last_doc = cli_flatten(c.doc, strlen(c.doc));
                run->documents++; /* documents come one after the other */
            }
            if (abg_check_add(run->chk, run->ctx, &c) < 0)
                rc = cli_error("%s", abg_ctx_message(run->ctx));
            run->facts++;
        }
        json_decref(o);
    }
    if (ferror(fp)) {
        cli_file_error(path, "read error");
        status->failed++;
    }
    if (fp != stdin)
        fclose(fp);
    free(line);
    free(last_doc);
    return rc;
}

/* ---- output ---- */

static json_t *json_claim_value(const abg_claim *c, int to_end)
{
    double v = to_end ? c->value_to : c->value;

    if (c->type == ABG_FACT_DATE) {
        const char *d = to_end ? c->date_to : c->date;
        return *d ? json_string(d) : json_null();
    }
    if (to_end && !c->has_value_to)
        return json_null();
    if (v == floor(v) && fabs(v) < 9007199254740992.0)
        return json_integer((json_int_t)v);
    return json_real(v);
}

static const char *str_or(const char *s, const char *alt)
{
    return s ? s : alt;
}

static json_t *group_json(const abg_group *g)
{
    json_t *o = json_object(), *attr = json_array(), *claims = json_array();
    const char *cause = abg_cause_name(g->cause);
    size_t i;

    json_object_set_new(o, "id", json_string(g->id));
    json_object_set_new(o, "type", json_string(abg_fact_type_name(g->type)));
    json_object_set_new(o, "subject", g->subject ? json_string(g->subject) : json_null());
    for (i = 0; i < g->nattribute; i++)
        json_array_append_new(attr, json_string(g->attribute[i]));
    json_object_set_new(o, "attribute", attr);
    json_object_set_new(o, "verdict", json_string(abg_verdict_name(g->verdict)));
    json_object_set_new(o, "cause", cause ? json_string(cause) : json_null());
    for (i = 0; i < g->nclaims; i++) {
        const abg_claim *c = g->claims[i];
        json_t *j = json_object();
        json_object_set_new(j, "doc", json_string(str_or(c->doc, "")));
        json_object_set_new(j, "source", c->source ? json_string(c->source) : json_null());
        json_object_set_new(j, "value", json_claim_value(c, 0));
        json_object_set_new(j, "value_to", json_claim_value(c, 1));
        json_object_set_new(j, "unit", c->unit ? json_string(c->unit) : json_null());
        json_object_set_new(j, "qualifier", json_string(abg_qualifier_name(c->qualifier)));
        json_object_set_new(j, "text", json_string(c->text));
        json_object_set_new(j, "sentence", c->sentence ? json_string(c->sentence) : json_null());
        json_object_set_new(j, "line", json_integer((json_int_t)c->line));
        json_object_set_new(j, "col", json_integer((json_int_t)c->col));
        json_object_set_new(j, "time", c->time ? json_string(c->time) : json_null());
        json_array_append_new(claims, j);
    }
    json_object_set_new(o, "claims", claims);
    return o;
}

static void write_json(FILE *out, const check_run *run, size_t errors)
{
    size_t i, n = abg_check_group_count(run->chk);

    fprintf(out, "{\"documents\":%zu,\"facts\":%zu,\"errors\":%zu,\n \"groups\":[", run->documents,
            run->facts, errors);
    for (i = 0; i < n; i++) {
        json_t *g = group_json(abg_check_group(run->chk, i));
        fputs(i ? ",\n  " : "\n  ", out);
        json_dumpf(g, out, JSON_COMPACT | JSON_REAL_PRECISION(15));
        json_decref(g);
    }
    fputs(n ? "\n ]}\n" : "]}\n", out);
}

static void claim_value(char *buf, size_t size, const abg_claim *c)
{
    if (c->type == ABG_FACT_DATE) {
        snprintf(buf, size, "%s%s%s", c->date, *c->date_to ? ".." : "", c->date_to);
        return;
    }
    if (c->has_value_to)
        snprintf(buf, size, "%.15g..%.15g%s%s", c->value, c->value_to, c->unit ? " " : "",
                 c->unit ? c->unit : "");
    else
        snprintf(buf, size, "%.15g%s%s", c->value == 0 ? 0 : c->value, c->unit ? " " : "",
                 c->unit ? c->unit : "");
}

/* The sentence with the figure marked: [[text]], bold on a terminal. */
static void marked_sentence(FILE *out, const abg_claim *c, bool color)
{
    const char *s = c->sentence ? c->sentence : c->text;
    const char *at = strstr(s, c->text);

    if (!at) {
        fputs(s, out);
        return;
    }
    fwrite(s, 1, (size_t)(at - s), out);
    fprintf(out, "%s[[%s]]%s%s", cli_sgr(color, CLI_STYLE_BOLD), c->text, cli_sgr_end(color),
            at + strlen(c->text));
}

static void write_text(FILE *out, const check_run *run, size_t errors, bool verbose, bool color)
{
    size_t i, k, n = abg_check_group_count(run->chk), counts[4] = {0, 0, 0, 0};

    for (i = 0; i < n; i++) {
        const abg_group *g = abg_check_group(run->chk, i);
        const char *cause = abg_cause_name(g->cause);
        counts[g->verdict]++;
        if (g->verdict == ABG_VERDICT_SINGLE && !verbose)
            continue;
        fprintf(out, "%s%s%s%s%s%s  %s  %s  [", cli_sgr(color, g->verdict == ABG_VERDICT_CONFLICT
                                                                   ? CLI_STYLE_RED
                                                                   : CLI_STYLE_GREEN),
                abg_verdict_name(g->verdict), cause ? " (" : "", cause ? cause : "",
                cause ? ")" : "", cli_sgr_end(color), abg_fact_type_name(g->type),
                str_or(g->subject, "-"));
        for (k = 0; k < g->nattribute; k++)
            fprintf(out, "%s%s", k ? " " : "", g->attribute[k]);
        fprintf(out, "]  %s\n", g->id);
        for (k = 0; k < g->nclaims; k++) {
            const abg_claim *c = g->claims[k];
            char val[128];
            claim_value(val, sizeof val, c);
            fprintf(out, "  %s:%llu:%llu  %s  %s  %s%s%s\n", str_or(c->doc, "-"),
                    (unsigned long long)c->line, (unsigned long long)c->col, val,
                    abg_qualifier_name(c->qualifier), str_or(c->source, "-"),
                    c->time ? "  time: " : "", c->time ? c->time : "");
            fputs("      ", out);
            marked_sentence(out, c, color);
            fputc('\n', out);
        }
        fputc('\n', out);
    }
    fprintf(out, "%zu documents, %zu facts, %zu errors: %zu conflicts, %zu agree, %zu single\n",
            run->documents, run->facts, errors, counts[ABG_VERDICT_CONFLICT],
            counts[ABG_VERDICT_AGREE], counts[ABG_VERDICT_SINGLE]);
}

static int parse_tolerance(double *out, const char *s)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= 0) || v > 100)
        return -1;
    *out = v / 100;
    return 0;
}

int cmd_check(int argc, char **argv)
{
    check_opts o = {FORMAT_TEXT, NULL,  FAIL_CONFLICT, false, NULL, false,
                    {NULL, false, NULL, NULL}, CLI_READ_OPTS_INIT, CLI_COLOR_AUTO};
    const cli_opt table[] = {
        {"format", 'f', OPT_CHOICE, &o.format, "FORMAT", "text (default) or json", formats},
        CLI_OPT_OUTPUT(o.output),
        {"fail-on", 0, OPT_CHOICE, &o.fail_on, "WHAT",
         "exit 1 on: conflict (default), any (also accepted ones), none", fail_ons},
        {"facts", 0, OPT_TRUE, &o.facts, NULL,
         "the PATHs are facts JSONL files (abgleich facts -f jsonl), not texts", NULL},
        {"tolerance", 0, OPT_STRING, &o.tolerance, "PCT",
         "relative tolerance of rund/etwa in percent (default 5)", NULL},
        {"verbose", 'v', OPT_TRUE, &o.verbose, NULL, "text: list the single claims too", NULL},
        CLI_CLAIMS_OPTIONS(o.claims),
        CLI_COLOR_OPTION(o.color),
        CLI_JOBS_OPTION(o.read),
        CLI_READ_OPTIONS(o.read),
        CLI_OPT_END,
    };
    const cli_command spec = {
        "check", "[options] PATH...",
        "Cross-check the claims of the documents: group the facts of one type\n"
        "whose subject and attribute match, across documents, and judge each\n"
        "group: agree (all values compatible), conflict (with a likely cause:\n"
        "time, scale, unit, currency) or single (one document only). Text lists\n"
        "conflicts, then agreements (singles with -v); json as the man page says.\n"
        "With --facts, the PATHs are JSONL files written by 'abgleich facts -f\n"
        "jsonl' (shards in any number); the result is the same as from the texts.",
        table,
        "Exit status: 0 no conflicts; 1 conflicts found (see --fail-on); 2 a usage\n"
        "error, an input that could not be read, or output that could not be\n"
        "written (errors win over conflicts).\n"};
    abg_check_options copts = ABG_CHECK_OPTIONS_INIT;
    cli_status status = {0};
    cli_output out = {0};
    check_run run;
    char **paths = NULL;
    size_t i, conflicts = 0;
    int npaths, rc;

    memset(&run, 0, sizeof run);
    if ((rc = cli_parse(&spec, argc, argv, &paths, &npaths)) != 0)
        return rc < 0 ? CLI_OK : rc;
    if (npaths == 0) {
        rc = cli_usage("check", "no PATH given (use - for standard input)");
        goto done;
    }
    if (o.tolerance && parse_tolerance(&copts.tolerance, o.tolerance) < 0) {
        rc = cli_usage("check", "--tolerance takes a percentage from 0 to 100");
        goto done;
    }
    if (abg_ctx_new(&run.ctx) < 0 || abg_check_new(&run.chk, run.ctx, &copts) < 0) {
        rc = cli_error("out of memory");
        goto done;
    }
    if (o.facts) {
        for (i = 0; i < (size_t)npaths && !rc; i++)
            rc = read_facts(&run, paths[i], &status);
    } else {
        if ((rc = cli_claims_open(&run.claims, run.ctx, &o.claims, "check")) != 0)
            goto done;
        rc = cli_each_doc_jobs(run.ctx, &o.read, paths, npaths, cli_claims_work, add_doc, &run,
                               &status);
    }
    if (rc)
        goto done;
    if (abg_check_run(run.chk, run.ctx) < 0) {
        rc = cli_error("%s", abg_ctx_message(run.ctx));
        goto done;
    }
    for (i = 0; i < abg_check_group_count(run.chk); i++)
        conflicts += abg_check_group(run.chk, i)->verdict == ABG_VERDICT_CONFLICT;
    if ((rc = cli_output_open(&out, o.output)) != 0)
        goto done;
    if (o.format == FORMAT_JSON)
        write_json(out.fp, &run, status.failed);
    else
        write_text(out.fp, &run, status.failed, o.verbose, cli_color(o.color, out.fp));
    rc = cli_finish(&out, &status);
    if (rc == CLI_OK && conflicts && o.fail_on != FAIL_NONE)
        rc = CLI_FOUND;
done:
    cli_output_close(&out, false);
    cli_claims_close(&run.claims);
    abg_check_free(run.chk);
    abg_ctx_free(run.ctx);
    free(paths);
    return rc;
}
