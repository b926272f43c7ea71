/*
 * cmd_terms.c: `abgleich terms`, stem frequencies per document or source,
 * and which stems each group over-uses compared with the rest.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "term.h"

static const char *const formats[] = {"text", "json", "csv", NULL};
enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV };
static const char *const groupings[] = {"source", "doc", NULL};
enum { BY_SOURCE, BY_DOC };

typedef struct {
    int format;
    const char *output;
    int by;
    unsigned top;
    unsigned min_count;
    const char *stopwords;
    cli_read_opts read;
    int color; /* --color */
} terms_opts;

typedef struct {
    const terms_opts *o;
    abg_terms *terms;
    abg_stemmer *stemmer;
    abg_ctx *ctx;
} terms_run;

static int count_doc(const abg_doc *doc, void *payload)
{
    terms_run *run = payload;
    const char *group = run->o->by == BY_DOC ? abg_doc_id(doc) : abg_doc_source(doc);

    if (abg_terms_add(run->terms, run->ctx, run->stemmer, doc, group) < 0)
        return cli_error("%s: %s", abg_doc_id(doc), abg_ctx_message(run->ctx));
    return 0;
}

/* The rows of group g that pass --min-count, at most --top of them. */
static int select_rows(abg_term **rows, size_t *n, const terms_run *run, size_t g)
{
    size_t i, k = 0;

    if (abg_terms_rows(rows, n, run->ctx, run->terms, g, 1) < 0)
        return cli_error("%s", abg_ctx_message(run->ctx));
    for (i = 0; i < *n; i++)
        if ((*rows)[i].count >= run->o->min_count && (!run->o->top || k < run->o->top))
            (*rows)[k++] = (*rows)[i];
    *n = k;
    return 0;
}

/* Print s left-aligned in `width` characters (not bytes: umlauts). */
static void pad(FILE *out, const char *s, size_t width)
{
    size_t chars = 0;
    const char *p;

    for (p = s; *p; p++)
        if (((unsigned char)*p & 0xC0) != 0x80)
            chars++;
    fputs(s, out);
    for (; chars < width; chars++)
        fputc(' ', out);
}

static int write_all(FILE *out, const terms_run *run)
{
    size_t ng = abg_terms_group_count(run->terms), g, i;
    bool keyness = ng > 1;
    bool c = run->o->format == FORMAT_TEXT && cli_color(run->o->color, out);
    json_t *groups = NULL;

    if (run->o->format == FORMAT_JSON)
        groups = json_array();
    if (run->o->format == FORMAT_CSV)
        fputs("group,stem,form,count,docs,rest,g2,log_ratio\r\n", out);
    for (g = 0; g < ng; g++) {
        const char *name = abg_terms_group_name(run->terms, g);
        abg_term *rows = NULL;
        size_t n = 0;
        json_t *list = NULL;

        if (select_rows(&rows, &n, run, g) != 0) {
            json_decref(groups);
            return CLI_TROUBLE;
        }
        if (run->o->format == FORMAT_TEXT) {
            uint64_t docs = abg_terms_group_docs(run->terms, g);
            fprintf(out, "%s%s== %s (%llu document%s, %llu words counted)%s\n", g ? "\n" : "",
                    cli_sgr(c, CLI_STYLE_BOLD), name, (unsigned long long)docs,
                    docs == 1 ? "" : "s",
                    (unsigned long long)abg_terms_group_tokens(run->terms, g), cli_sgr_end(c));
            if (keyness)
                fprintf(out, "%-20s %-24s %6s %5s %6s %9s %9s\n", "stem", "form", "count",
                        "docs", "rest", "G2", "logratio");
            else
                fprintf(out, "%-20s %-24s %6s %5s\n", "stem", "form", "count", "docs");
        } else if (run->o->format == FORMAT_JSON) {
            list = json_array();
        }
        for (i = 0; i < n; i++) {
            const abg_term *r = &rows[i];
            if (run->o->format == FORMAT_TEXT) {
                pad(out, r->stem, 21);
                pad(out, r->form, 25);
                fprintf(out, "%6llu %5llu", (unsigned long long)r->count,
                        (unsigned long long)r->docs);
                if (keyness)
                    fprintf(out, " %6llu %9.2f %9.2f", (unsigned long long)r->rest, r->g2,
                            r->log_ratio);
                fputc('\n', out);
            } else if (run->o->format == FORMAT_CSV) {
                cli_csv_field(out, name);
                fputc(',', out);
                cli_csv_field(out, r->stem);
                fputc(',', out);
                cli_csv_field(out, r->form);
                fprintf(out, ",%llu,%llu,%llu,%.4f,%.4f\r\n", (unsigned long long)r->count,
                        (unsigned long long)r->docs, (unsigned long long)r->rest, r->g2,
                        r->log_ratio);
            } else {
                json_t *row = json_object();
                json_object_set_new(row, "stem", json_string(r->stem));
                json_object_set_new(row, "form", json_string(r->form));
                json_object_set_new(row, "count", json_integer((json_int_t)r->count));
                json_object_set_new(row, "docs", json_integer((json_int_t)r->docs));
                json_object_set_new(row, "rest", json_integer((json_int_t)r->rest));
                json_object_set_new(row, "g2", keyness ? json_real(r->g2) : json_null());
                json_object_set_new(row, "log_ratio",
                                    keyness ? json_real(r->log_ratio) : json_null());
                json_array_append_new(list, row);
            }
        }
        if (list) {
            json_t *go = json_object();
            json_object_set_new(go, "group", json_string(name));
            json_object_set_new(go, "documents",
                                json_integer((json_int_t)abg_terms_group_docs(run->terms, g)));
            json_object_set_new(go, "words",
                                json_integer((json_int_t)abg_terms_group_tokens(run->terms, g)));
            json_object_set_new(go, "terms", list);
            json_array_append_new(groups, go);
        }
        free(rows);
    }
    if (groups) {
        json_t *top = json_object();
        json_object_set_new(top, "by", json_string(groupings[run->o->by]));
        json_object_set_new(top, "groups", groups);
        json_dumpf(top, out, JSON_INDENT(1) | JSON_REAL_PRECISION(6));
        fputc('\n', out);
        json_decref(top);
    }
    return 0;
}

int cmd_terms(int argc, char **argv)
{
    terms_opts o = {FORMAT_TEXT, NULL, BY_SOURCE, 20, 1, NULL, CLI_READ_OPTS_INIT,
                    CLI_COLOR_AUTO};
    const cli_opt table[] = {
        {"format", 'f', OPT_CHOICE, &o.format, "FORMAT", "text (default), json or csv",
         formats},
        CLI_OPT_OUTPUT(o.output),
        {"by", 0, OPT_CHOICE, &o.by, "GROUP", "source (default) or doc", groupings},
        {"top", 'n', OPT_UINT, &o.top, "N", "at most N stems per group (20; 0: all)", NULL},
        {"min-count", 0, OPT_UINT, &o.min_count, "N", "only stems seen N times in the group",
         NULL},
        CLI_STOPWORDS_OPTION(o.stopwords),
        CLI_COLOR_OPTION(o.color),
        CLI_READ_OPTIONS(o.read),
        CLI_OPT_END,
    };
    const cli_command spec = {
        "terms", "[options] PATH...",
        "Count the Snowball stems of the words in each group (a source, or a\n"
        "document with --by doc): occurrences, documents, and the most frequent\n"
        "surface form. Stopwords, numbers, abbreviations and punctuation are left\n"
        "out. With two or more groups, each group's stems are compared with the\n"
        "rest of the corpus and listed by log-likelihood (G2), with the log ratio\n"
        "of relative frequencies as effect size (1 = twice as frequent); only\n"
        "stems a group uses more often than the rest are shown.",
        table, NULL};
    cli_status status = {0};
    cli_output out = {0};
    terms_run run = {&o, NULL, NULL, NULL};
    abg_lang *lang = NULL;
    char **paths = NULL;
    int npaths, rc;

    if ((rc = cli_parse(&spec, argc, argv, &paths, &npaths)) != 0)
        return rc < 0 ? CLI_OK : rc;
    if (npaths == 0) {
        rc = cli_usage("terms", "no PATH given (use - for standard input)");
        goto done;
    }
    if (abg_ctx_new(&run.ctx) < 0 || abg_stemmer_new(&run.stemmer) < 0) {
        rc = cli_error("out of memory");
        goto done;
    }
    if ((rc = cli_lang_open(&lang, run.ctx, o.stopwords)) != 0)
        goto done;
    if (abg_terms_new(&run.terms, lang) < 0) {
        rc = cli_error("out of memory");
        goto done;
    }
    if ((rc = cli_each_doc(run.ctx, &o.read, paths, npaths, count_doc, &run, &status)) != 0)
        goto done;
    if ((rc = cli_output_open(&out, o.output)) != 0)
        goto done;
    if ((rc = write_all(out.fp, &run)) != 0)
        goto done;
    rc = cli_finish(&out, &status);
done:
    cli_output_close(&out, false); /* after an error: nothing is moved into place */
    abg_terms_free(run.terms);
    abg_stemmer_free(run.stemmer);
    abg_lang_free(lang);
    abg_ctx_free(run.ctx);
    free(paths);
    return rc;
}
