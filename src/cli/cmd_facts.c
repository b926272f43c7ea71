/*
 * cmd_facts.c: `abgleich facts`, every fact of the documents, in document
 * order, as text, JSON, JSON Lines or CSV.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jsonout.h"
#include "term.h"

static const char *const formats[] = {"text", "json", "jsonl", "csv", NULL};
enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_JSONL, FORMAT_CSV };

typedef struct {
    int format;
    const char *output;
    const char *types;
    cli_claims_opts claims;
    cli_read_opts read;
    int color; /* --color */
} facts_opts;

typedef struct {
    cli_claims claims; /* first: the payload of cli_claims_work */
    const facts_opts *o;
    FILE *out;
    abg_ctx *ctx;
    unsigned type_mask;
    size_t nfacts;
    const abg_doc *doc;
    const char **warned; /* rule ids already warned about (borrowed) */
    size_t nwarned, capwarned;
    bool color; /* text output in colour */
} facts_run;

static void warn(const char *rule, const char *message, void *payload)
{
    facts_run *run = payload;
    size_t i;

    for (i = 0; i < run->nwarned; i++)
        if (run->warned[i] == rule)
            return;
    if (run->nwarned == run->capwarned) {
        size_t c = run->capwarned ? run->capwarned * 2 : 8;
        const char **p = realloc(run->warned, c * sizeof *p);
        if (!p)
            return;
        run->warned = p;
        run->capwarned = c;
    }
    run->warned[run->nwarned++] = rule;
    cli_error("%s: warning: rule %s %s", abg_doc_id(run->doc), rule, message);
}

/* A value as JSON (to_end: the end of a range). */
static json_t *json_value(const abg_fact *f, int to_end)
{
    return to_end ? cli_json_value(f->type, f->value_to, f->has_value_to, f->date_to)
                  : cli_json_value(f->type, f->value, true, f->date);
}

static void csv_field(FILE *out, const char *s, bool last)
{
    cli_csv_field(out, s);
    fputs(last ? "\r\n" : ",", out);
}

/* A numeric cell: a negative value stays a number (not neutralised). */
static void csv_number(FILE *out, const char *s)
{
    cli_csv_number(out, s);
    fputc(',', out);
}

/* The attribute stems separated by spaces (malloc), or NULL. */
static char *join_attribute(const abg_about *ab)
{
    size_t k, n = 1;
    char *s;

    if (!ab || !ab->nattribute)
        return NULL;
    for (k = 0; k < ab->nattribute; k++)
        n += strlen(ab->attribute[k]) + 1;
    if (!(s = malloc(n)))
        return NULL;
    *s = '\0';
    for (k = 0; k < ab->nattribute; k++) {
        if (k)
            strcat(s, " ");
        strcat(s, ab->attribute[k]);
    }
    return s;
}

/* Write fact f to `out`; `first` says whether it opens the document's
 * block (JSON puts ",\n" between facts). Runs in a worker thread: it only
 * reads `run`. 0, or -1 when out of memory. */
static int write_fact(const facts_run *run, FILE *out, bool first, const abg_doc *doc,
                      const abg_fact *f, const abg_about *ab)
{
    const char *text = abg_doc_text(doc, NULL);
    abg_pos pos, end;
    char val[64] = "", val_to[64] = "", num[32];
    char *surface = cli_flatten(text + f->off, f->len);
    char *sentence = cli_flatten(text + f->sent_off, f->sent_len);
    const char *type = abg_fact_type_name(f->type), *qual = abg_qualifier_name(f->qualifier);
    int rc = 0;

    abg_doc_span(doc, f->off, f->len, &pos, &end);
    if (!surface || !sentence) {
        rc = -1;
        goto done;
    }
    abg_fact_value_string(val, sizeof val, f, 0);
    abg_fact_value_string(val_to, sizeof val_to, f, 1);
    if (run->o->format == FORMAT_TEXT) {
        bool c = run->color;
        fprintf(out, "%s:%lu:%lu  %s%s%s  %s%s%s%s%s%s%s  %s  \"%s\"\n", abg_doc_id(doc),
                (unsigned long)pos.line, (unsigned long)pos.col, cli_sgr(c, CLI_STYLE_CYAN), type,
                cli_sgr_end(c), cli_sgr(c, CLI_STYLE_BOLD), val, *val_to ? ".." : "", val_to,
                f->unit ? " " : "", f->unit ? f->unit : "", cli_sgr_end(c), qual, surface);
    } else if (run->o->format == FORMAT_CSV) {
        csv_field(out, abg_doc_id(doc), false);
        csv_field(out, abg_doc_source(doc), false);
        csv_field(out, type, false);
        csv_field(out, surface, false);
        if (f->type == ABG_FACT_DATE) {
            csv_field(out, val, false);
            csv_field(out, val_to, false);
        } else {
            csv_number(out, val);
            csv_number(out, val_to);
        }
        csv_field(out, f->unit ? f->unit : "", false);
        csv_field(out, qual, false);
        snprintf(num, sizeof num, "%lu", (unsigned long)pos.line);
        csv_number(out, num);
        snprintf(num, sizeof num, "%lu", (unsigned long)pos.col);
        csv_number(out, num);
        snprintf(num, sizeof num, "%llu", (unsigned long long)pos.offset);
        csv_number(out, num);
        snprintf(num, sizeof num, "%llu", (unsigned long long)(end.offset - pos.offset));
        csv_number(out, num);
        csv_field(out, sentence, false);
        csv_field(out, f->rule, false);
        csv_field(out, ab && ab->subject ? ab->subject : "", false);
        csv_field(out, ab && ab->object ? ab->object : "", false);
        csv_field(out, ab && ab->measure ? ab->measure : "", false);
        csv_field(out, ab ? abg_role_name(ab->role) : "", false);
        csv_field(out, ab && ab->time ? ab->time : "", false);
        {
            char *attr = join_attribute(ab);
            csv_field(out, attr ? attr : "", false);
            free(attr);
        }
        csv_field(out, ab && ab->skip ? ab->skip : "", true);
    } else {
        json_t *o = json_object();
        json_object_set_new(o, "doc", json_string(abg_doc_id(doc)));
        json_object_set_new(o, "source", json_string(abg_doc_source(doc)));
        json_object_set_new(o, "type", json_string(type));
        json_object_set_new(o, "text", json_string(surface));
        json_object_set_new(o, "value", json_value(f, 0));
        json_object_set_new(o, "value_to", json_value(f, 1));
        json_object_set_new(o, "unit", f->unit ? json_string(f->unit) : json_null());
        json_object_set_new(o, "qualifier", json_string(qual));
        json_object_set_new(o, "line", json_integer((json_int_t)pos.line));
        json_object_set_new(o, "col", json_integer((json_int_t)pos.col));
        json_object_set_new(o, "offset", json_integer((json_int_t)pos.offset));
        json_object_set_new(o, "length", json_integer((json_int_t)(end.offset - pos.offset)));
        json_object_set_new(o, "sentence", json_string(sentence));
        json_object_set_new(o, "rule", json_string(f->rule));
        cli_json_about(o, ab);
        if (run->o->format == FORMAT_JSON && !first)
            fputs(",\n", out);
        jsonout_write(o, out, JSON_COMPACT | JSON_REAL_PRECISION(15));
        json_decref(o);
        if (run->o->format == FORMAT_JSONL)
            fputc('\n', out);
    }
done:
    free(surface);
    free(sentence);
    return rc;
}

/* The document line of -f jsonl: what the story step of check needs. */
static int write_document(FILE *out, const abg_doc *doc, const cli_doc_claims *r)
{
    abg_check_doc d;
    json_t *o;
    int rc;

    cli_check_doc_of(&d, doc, r);
    if (!(o = cli_json_document(&d)))
        return -1;
    rc = jsonout_write(o, out, JSON_COMPACT);
    json_decref(o);
    fputc('\n', out);
    return rc;
}

/* What a worker leaves for the writer: the facts, and their output. */
typedef struct {
    cli_doc_claims *claims;
    char *text; /* the formatted facts of the document */
    size_t len;
    size_t count;   /* facts in text */
    bool doc_line;  /* text starts with the document line (jsonl) */
} facts_result;

/* In a worker: the facts of one document, formatted, so that the main
 * thread only has to write them out. */
static int work_doc(void **result, const abg_doc *doc, abg_ctx *ctx, void *payload)
{
    const facts_run *run = payload;
    facts_result *fr = calloc(1, sizeof *fr);
    cli_doc_claims *r;
    FILE *mem;
    size_t i;
    int err;

    *result = fr;
    if (!fr)
        return -1;
    err = cli_claims_work((void **)&fr->claims, doc, ctx, payload);
    if (err || !(r = fr->claims))
        return err ? err : -1;
    if (!(mem = open_memstream(&fr->text, &fr->len)))
        return -1;
    if (run->o->format == FORMAT_JSONL) {
        err = write_document(mem, doc, r);
        fr->doc_line = true;
    }
    for (i = 0; i < r->n && !err; i++)
        if (run->type_mask & (1u << r->facts[i].type))
            err = write_fact(run, mem, fr->count++ == 0, doc, &r->facts[i],
                             r->about ? &r->about[i] : NULL);
    if (fclose(mem) != 0 || err)
        return -1;
    return 0;
}

/* In the main thread, in input order: warnings, then the facts. */
static int emit_doc(const abg_doc *doc, void *result, int discard, void *payload)
{
    facts_run *run = payload;
    facts_result *fr = result;
    cli_doc_claims *r = fr ? fr->claims : NULL;
    size_t i;

    run->doc = doc;
    for (i = 0; !discard && r && i < r->nlimited; i++)
        warn(r->limited[i], "hit its match limit", run);
    if (!discard && fr && (fr->count || fr->doc_line)) {
        if (run->o->format == FORMAT_JSON)
            fputs(run->nfacts ? ",\n" : "[\n", run->out);
        fwrite(fr->text, 1, fr->len, run->out);
        run->nfacts += fr->count;
        cli_progress_count("facts", fr->count);
    }
    if (fr) {
        cli_doc_claims_free(fr->claims);
        free(fr->text);
        free(fr);
    }
    return 0;
}

static int parse_types(unsigned *mask, const char *list)
{
    const char *p = list;

    *mask = 0;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char name[16];
        abg_fact_type t;
        if (n == 0 || n >= sizeof name)
            return -1;
        memcpy(name, p, n);
        name[n] = '\0';
        if (!(t = abg_fact_type_from_name(name)))
            return -1;
        *mask |= 1u << t;
        p += n + (e ? 1 : 0);
        if (e && !*p)
            return -1;
    }
    return *mask ? 0 : -1;
}

int cmd_facts(int argc, char **argv)
{
    facts_opts o = {FORMAT_TEXT, NULL, NULL, {NULL, false, NULL, NULL}, CLI_READ_OPTS_INIT,
                     CLI_COLOR_AUTO};
    const cli_opt table[] = {
        {"format", 'f', OPT_CHOICE, &o.format, "FORMAT", "text (default), json, jsonl or csv",
         formats},
        CLI_OPT_OUTPUT(o.output),
        {"type", 't', OPT_STRING, &o.types, "LIST",
         "only these types: money,percent,date,quantity", NULL},
        CLI_CLAIMS_OPTIONS(o.claims),
        CLI_COLOR_OPTION(o.color),
        CLI_JOBS_OPTION(o.read),
        CLI_READ_OPTIONS(o.read),
        CLI_OPT_END,
    };
    const cli_command spec = {
        "facts", "[options] PATH...",
        "Print every fact (money, percent, date, quantity) of the documents, in\n"
        "document order. Text: DOC:LINE:COL  TYPE  VALUE UNIT  QUALIFIER  \"TEXT\",\n"
        "a range as FROM..TO; jsonl: one object a line (doc, source, type, text,\n"
        "value, value_to, unit, qualifier, line, col, offset, length, sentence,\n"
        "rule, subject, object, measure, role, running, match, time, skip,\n"
        "confidence, attribute), each document's facts after a line of type\n"
        "\"document\" (its signature, for check --facts); json: an array of the\n"
        "facts; csv: RFC 4180 with a header row. LINE:COL\n"
        "and OFFSET are places in the file for plain text; for HTML and feeds\n"
        "OFFSET and LENGTH count bytes of the decoded body text. A rule file with\n"
        "an error is refused (FILE:LINE: message).",
        table, NULL};
    cli_status status = {0};
    cli_output out = {0};
    facts_run run;
    abg_ctx *ctx = NULL;
    char **paths = NULL;
    int npaths, rc;

    memset(&run, 0, sizeof run);
    if ((rc = cli_parse(&spec, argc, argv, &paths, &npaths)) != 0)
        return rc < 0 ? CLI_OK : rc;
    run.type_mask = ~0u;
    if (npaths == 0) {
        rc = cli_usage("facts", "no PATH given (use - for standard input)");
        goto done;
    }
    if (o.types && parse_types(&run.type_mask, o.types) < 0) {
        rc = cli_usage("facts", "--type takes a list of money, percent, date, quantity");
        goto done;
    }
    if (abg_ctx_new(&ctx) < 0) {
        rc = cli_error("out of memory");
        goto done;
    }
    /* text does not print what the facts are about */
    if ((rc = cli_claims_open(&run.claims, ctx, &o.claims, "facts", o.format != FORMAT_TEXT)) !=
        0)
        goto done;
    run.claims.signature = o.format == FORMAT_JSONL;
    if ((rc = cli_output_open(&out, o.output)) != 0)
        goto done;
    run.o = &o;
    run.out = out.fp;
    run.ctx = ctx;
    run.color = o.format == FORMAT_TEXT && cli_color(o.color, out.fp);
    if (o.format == FORMAT_CSV)
        fputs("doc,source,type,text,value,value_to,unit,qualifier,line,col,offset,length,"
              "sentence,rule,subject,object,measure,role,time,attribute,skip\r\n",
              out.fp);
    cli_progress_count("facts", 0);
    if ((rc = cli_each_doc_jobs(ctx, &o.read, paths, npaths, work_doc, emit_doc, &run,
                                &status)) != 0)
        goto done;
    if (o.format == FORMAT_JSON)
        fputs(run.nfacts ? "\n]\n" : "[]\n", out.fp);
    rc = cli_finish(&out, &status);
done:
    cli_output_close(&out, false); /* after an error: nothing is moved into place */
    free(run.warned);
    cli_claims_close(&run.claims);
    abg_ctx_free(ctx);
    free(paths);
    return rc;
}
