/*
 * cmd_check.c: `abgleich check`, cross-checks the claims of the documents
 * (or of facts JSONL shards with --facts) and reports the groups.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cli.h"
#include "term.h"

static const char *const formats[] = {"text", "json", "sarif", "html", NULL};
enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF, FORMAT_HTML };

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
    const char *baseline;       /* --baseline FILE */
    const char *write_baseline; /* --write-baseline FILE */
    int scope;                  /* --scope */
    const char *window;         /* --window DAYS */
    const char *min_confidence; /* --min-confidence X */
} check_opts;

static const char *const scopes[] = {"story", "all", NULL};

typedef struct {
    cli_claims claims; /* first: the payload of cli_claims_work */
    abg_check *chk;
    abg_ctx *ctx;
    size_t documents, facts;
    size_t unsigned_docs; /* --facts: documents without a document line */
    char *signed_doc;     /* the last document line's doc */
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
        abg_check_doc d;
        run->documents++;
        for (i = 0; i < r->nlimited; i++)
            cli_error("%s: warning: rule %s hit its match limit", abg_doc_id(doc),
                      r->limited[i]);
        cli_check_doc_of(&d, doc, r);
        if (abg_check_add_doc(run->chk, run->ctx, &d) < 0)
            rc = cli_error("%s", abg_ctx_message(run->ctx));
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

/* Does s hold a control character (U+0000..U+001F, U+007F..U+009F)? A
 * name written by facts has them escaped (abg_name_escape); one that does
 * not could move the cursor of the terminal the report goes to. */
static bool has_control(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;

    for (; s && *u; u++)
        if (*u < 0x20 || *u == 0x7F || (*u == 0xC2 && u[1] >= 0x80 && u[1] < 0xA0))
            return true;
    return false;
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
    if (has_control(c->doc) || has_control(jstr(o, "source")))
        return "doc or source holds a control character (write it as \\xhh)";
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
    c->object = jstr(o, "object");
    c->inferred = json_is_true(json_object_get(o, "subject_inferred"));
    c->measure = jstr(o, "measure");
    c->time = jstr(o, "time");
    c->skip = jstr(o, "skip");
    c->running = json_is_true(json_object_get(o, "running"));
    c->match = json_is_true(json_object_get(o, "match"));
    if (jnum(o, "confidence", &c->confidence) < 0)
        c->confidence = 0;
    {
        const char *role = jstr(o, "role");
        if (role && strcmp(role, "level") && strcmp(role, "change"))
            return "unknown role";
        c->role = role && !strcmp(role, "change") ? ABG_ROLE_CHANGE : ABG_ROLE_LEVEL;
    }
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

/* A document line of facts -f jsonl into the check. NULL or the reason it
 * cannot be used. */
static const char *add_document_json(check_run *run, json_t *o, bool *failed)
{
    json_t *terms = json_object_get(o, "terms");
    abg_check_doc d;
    abg_signature sig;
    const char *hex = jstr(o, "minhash"), *why = NULL;
    size_t i, n;

    *failed = false;
    memset(&d, 0, sizeof d);
    memset(&sig, 0, sizeof sig);
    if (!(d.doc = jstr(o, "doc")))
        return "a document needs its doc";
    d.source = jstr(o, "source");
    if (has_control(d.doc) || has_control(d.source))
        return "doc or source holds a control character (write it as \\xhh)";
    d.title = jstr(o, "title");
    d.published = jstr(o, "published");
    if (terms && !json_is_array(terms))
        return "terms must be a list";
    n = terms ? json_array_size(terms) : 0;
    if (n > ABG_SIG_TERMS)
        return "too many terms";
    if (n && (!(sig.stems = calloc(n, sizeof *sig.stems)) ||
              !(sig.counts = calloc(n, sizeof *sig.counts)))) {
        free(sig.stems);
        *failed = true;
        return "out of memory";
    }
    for (i = 0; i < n && !why; i++) {
        json_t *pair = json_array_get(terms, i);
        json_t *st = json_array_get(pair, 0), *ct = json_array_get(pair, 1);
        if (!json_is_array(pair) || json_array_size(pair) != 2 || !json_is_string(st) ||
            !json_is_integer(ct) || json_integer_value(ct) < 1 ||
            json_integer_value(ct) > UINT32_MAX)
            why = "a term is [\"stem\", count]";
        else {
            sig.stems[i] = (char *)json_string_value(st);
            sig.counts[i] = (uint32_t)json_integer_value(ct);
        }
    }
    sig.n = n;
    if (!why && hex && *hex && abg_signature_minhash_parse(&sig, hex) < 0)
        why = "a malformed minhash";
    if (!why) {
        double sh, words;
        sig.shingles = jnum(o, "shingles", &sh) == 0 && sh >= 0 && sh < 4e9 ? (uint32_t)sh : 0;
        sig.words = jnum(o, "words", &words) == 0 && words >= 0 && words < 4e9 ? (uint32_t)words
                                                                               : 0;
        d.signature = &sig;
        if (abg_check_add_doc(run->chk, run->ctx, &d) < 0) {
            why = abg_ctx_message(run->ctx);
            *failed = true;
        }
    }
    free(sig.stems);
    free(sig.counts);
    return why;
}

/* A fact line longer than this is refused (a fact with its sentence is a
 * few hundred bytes). */
#define MAX_FACT_LINE (16 << 20)

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
        if ((size_t)n > MAX_FACT_LINE) {
            snprintf(msg, sizeof msg, "line %zu: longer than %d MiB, not a fact", lineno,
                     MAX_FACT_LINE >> 20);
            cli_file_error(path, msg);
            status->failed++;
            continue;
        }
        if (n == 0 || strspn(line, " \t\r\n") == (size_t)n)
            continue;
        if (!(o = json_loadb(line, (size_t)n, JSON_REJECT_DUPLICATES, &jerr))) {
            snprintf(msg, sizeof msg, "line %zu: %s", lineno, jerr.text);
            cli_file_error(path, msg);
            status->failed++;
            continue;
        }
        if (json_is_object(o) && (why = jstr(o, "type")) && !strcmp(why, "document")) {
            bool failed;
            if ((why = add_document_json(run, o, &failed))) {
                snprintf(msg, sizeof msg, "line %zu: %s", lineno, why);
                cli_file_error(path, msg);
                status->failed++;
            }
            (void)failed;
            free(run->signed_doc);
            run->signed_doc = jstr(o, "doc") ? strdup(jstr(o, "doc")) : NULL;
        } else if ((why = claim_of_json(&c, o, attr, 64))) {
            snprintf(msg, sizeof msg, "line %zu: %s", lineno, why);
            cli_file_error(path, msg);
            status->failed++;
        } else {
            if (!last_doc || strcmp(last_doc, c.doc)) {
                free(last_doc);
                last_doc = strdup(c.doc);
                run->documents++; /* documents come one after the other */
                run->unsigned_docs += !run->signed_doc || strcmp(run->signed_doc, c.doc);
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

static int parse_number(double *out, const char *s, double lo, double hi)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= lo) || v > hi)
        return -1;
    *out = v;
    return 0;
}

static int parse_tolerance(double *out, const char *s)
{
    if (parse_number(out, s, 0, 100) < 0)
        return -1;
    *out /= 100;
    return 0;
}

int cmd_check(int argc, char **argv)
{
    check_opts o = {FORMAT_TEXT, NULL,  FAIL_CONFLICT, false, NULL, false,
                    {NULL, false, NULL, NULL}, CLI_READ_OPTS_INIT, CLI_COLOR_AUTO,
                    NULL, NULL, 0, NULL, NULL};
    const cli_opt table[] = {
        {"format", 'f', OPT_CHOICE, &o.format, "FORMAT", "text (default), json, sarif or html",
         formats},
        CLI_OPT_OUTPUT(o.output),
        {"fail-on", 0, OPT_CHOICE, &o.fail_on, "WHAT",
         "exit 1 on: conflict (default), any (also accepted ones), none", fail_ons},
        {"facts", 0, OPT_TRUE, &o.facts, NULL,
         "the PATHs are facts JSONL files (abgleich facts -f jsonl), not texts", NULL},
        {"tolerance", 0, OPT_STRING, &o.tolerance, "PCT",
         "relative tolerance of rund/etwa in percent (default 5)", NULL},
        {"baseline", 0, OPT_STRING, &o.baseline, "FILE",
         "accept the conflicts FILE lists (written by --write-baseline)", NULL},
        {"write-baseline", 0, OPT_STRING, &o.write_baseline, "FILE",
         "write the current conflicts to FILE, as a baseline", NULL},
        {"scope", 0, OPT_CHOICE, &o.scope, "SCOPE",
         "story (default): compare within a story only; all: compare everything", scopes},
        {"window", 0, OPT_STRING, &o.window, "DAYS",
         "documents more than DAYS apart are no story (default 7; 0: no limit)", NULL},
        {"min-confidence", 0, OPT_STRING, &o.min_confidence, "X",
         "hide conflicts whose confidence is below X, 0 to 1 (default 0.4)", NULL},
        {"verbose", 'v', OPT_TRUE, &o.verbose, NULL, "text: list the single claims too", NULL},
        CLI_CLAIMS_OPTIONS(o.claims),
        CLI_COLOR_OPTION(o.color),
        CLI_JOBS_OPTION(o.read),
        CLI_READ_OPTIONS(o.read),
        CLI_OPT_END,
    };
    const cli_command spec = {
        "check", "[options] PATH...",
        "Cross-check the claims of the documents: group the figures of one story\n"
        "whose subject, measure, role and time match, across documents, and judge\n"
        "each group: agree (all values compatible), conflict (with a likely cause:\n"
        "time, scale, unit, currency) or single (one document only). Text lists\n"
        "conflicts, then agreements (singles with -v); json and sarif as the man\n"
        "page says. --baseline FILE accepts the conflicts FILE lists (written by\n"
        "--write-baseline): they are counted, not reported (json marks them).\n"
        "With --facts, the PATHs are JSONL files written by 'abgleich facts -f\n"
        "jsonl' (shards in any number); the result is the same as from the texts.",
        table,
        "Exit status: 0 no conflicts (beyond the baseline); 1 conflicts found (see\n"
        "--fail-on); 2 a usage error, an input or baseline that could not be read,\n"
        "or output that could not be written (errors win over conflicts).\n"};
    abg_check_options copts = ABG_CHECK_OPTIONS_INIT;
    cli_status status = {0};
    cli_output out = {0};
    check_run run;
    check_report report;
    check_baseline baseline = {NULL, 0};
    bool *accepted = NULL;
    char **paths = NULL, *background = NULL;
    size_t i, conflicts = 0;
    int npaths, rc;

    memset(&run, 0, sizeof run);
    memset(&report, 0, sizeof report);
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
    if (o.window && (parse_number(&copts.window, o.window, 0, 36500) < 0)) {
        rc = cli_usage("check", "--window takes a number of days from 0 to 36500");
        goto done;
    }
    if (o.min_confidence && parse_number(&copts.min_confidence, o.min_confidence, 0, 1) < 0) {
        rc = cli_usage("check", "--min-confidence takes a number from 0 to 1");
        goto done;
    }
    copts.scope = o.scope == 1 ? ABG_SCOPE_ALL : ABG_SCOPE_STORY;
    if (!(background = cli_data_path("rules/background.de"))) {
        rc = cli_error("out of memory");
        goto done;
    }
    if (access(background, R_OK) == 0)
        copts.background = background;
    if (o.baseline && (rc = check_baseline_read(&baseline, o.baseline)) != 0)
        goto done;
    if (abg_ctx_new(&run.ctx) < 0 || abg_check_new(&run.chk, run.ctx, &copts) < 0) {
        rc = cli_error("out of memory");
        goto done;
    }
    if (o.facts) {
        for (i = 0; i < (size_t)npaths && !rc; i++)
            rc = read_facts(&run, paths[i], &status);
        free(run.signed_doc);
        run.signed_doc = NULL;
        if (run.unsigned_docs && copts.scope == ABG_SCOPE_STORY && !o.read.quiet)
            fprintf(stderr,
                    "abgleich: note: %zu documents of the facts have no document line; each is "
                    "a story of its own (--scope all compares them)\n",
                    run.unsigned_docs);
    } else {
        if ((rc = cli_claims_open(&run.claims, run.ctx, &o.claims, "check", true)) != 0)
            goto done;
        run.claims.signature = true;
        rc = cli_each_doc_jobs(run.ctx, &o.read, paths, npaths, cli_claims_work, add_doc, &run,
                               &status);
    }
    if (rc)
        goto done;
    if (abg_check_run(run.chk, run.ctx) < 0) {
        rc = cli_error("%s", abg_ctx_message(run.ctx));
        goto done;
    }
    report.chk = run.chk;
    if (o.baseline && check_baseline_apply(&report, &baseline, &accepted) < 0) {
        rc = cli_error("out of memory");
        goto done;
    }
    if (o.write_baseline && (rc = check_baseline_write(&report, o.write_baseline)) != 0)
        goto done;
    if ((rc = cli_output_open(&out, o.output)) != 0)
        goto done;
    report.documents =
        abg_check_doc_count(run.chk) ? abg_check_doc_count(run.chk) : run.documents;
    report.facts = run.facts;
    report.errors = status.failed;
    report.verbose = o.verbose;
    report.color = o.format == FORMAT_TEXT && cli_color(o.color, out.fp);
    report.tolerance = copts.tolerance;
    if (o.format == FORMAT_HTML) {
        if (check_write_html(out.fp, &report) < 0) {
            rc = cli_error("out of memory");
            goto done;
        }
    } else if (o.format == FORMAT_SARIF) {
        if (check_write_sarif(out.fp, &report) < 0) {
            rc = cli_error("out of memory");
            goto done;
        }
    } else if (o.format == FORMAT_JSON)
        check_write_json(out.fp, &report);
    else
        check_write_text(out.fp, &report);
    for (i = 0; i < abg_check_group_count(run.chk); i++) {
        if (abg_check_group(run.chk, i)->verdict != ABG_VERDICT_CONFLICT)
            continue;
        if (o.fail_on == FAIL_ANY || (o.fail_on == FAIL_CONFLICT && check_reported(&report, i)))
            conflicts++;
    }
    for (i = 0; o.format != FORMAT_TEXT && !o.read.quiet && i < baseline.n; i++) {
        const check_baseline_entry *e = &baseline.entries[i];
        char msg[512];
        if (e->matched)
            continue; /* the text report lists stale entries itself */
        snprintf(msg, sizeof msg, "warning: stale baseline entry %s (%s, %s): no longer found",
                 e->id, e->subject ? e->subject : "-", e->type ? e->type : "-");
        cli_file_error(o.baseline, msg);
    }
    rc = cli_finish(&out, &status);
    if (rc == CLI_OK && conflicts)
        rc = CLI_FOUND;
done:
    check_baseline_dispose(&baseline);
    free(accepted);
    cli_output_close(&out, false);
    cli_claims_close(&run.claims);
    abg_check_free(run.chk);
    abg_ctx_free(run.ctx);
    free(background);
    free(paths);
    return rc;
}
