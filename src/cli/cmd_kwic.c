/*
 * cmd_kwic.c: `abgleich kwic`, every occurrence of a word, matched by its
 * stem, with its context.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jsonout.h"
#include "term.h"

static const char *const formats[] = {"text", "json", NULL};
enum { FORMAT_TEXT, FORMAT_JSON };

typedef struct {
    int format;
    const char *output;
    unsigned width;
    const char *stopwords;
    cli_read_opts read;
    int color; /* --color */
} kwic_opts;

/* One line of the concordance, kept until all widths are known. */
typedef struct {
    char *loc;   /* doc:line:col */
    char *left;  /* context, white space made single spaces */
    char *match;
    char *right;
    char *doc, *source;
    unsigned long line, col;
} hit;

typedef struct {
    const kwic_opts *o;
    const abg_lang *lang;
    abg_stemmer *stemmer;
    abg_ctx *ctx;
    const char *stem;
    size_t stem_len;
    hit *hits;
    size_t n, cap;
} kwic_run;

/* Copy text[a..b) with every white space character (including line ends)
 * made one space. */
static char *flatten(const char *text, size_t a, size_t b)
{
    char *out = malloc(b - a + 1), *p = out;
    size_t i;

    if (!out)
        return NULL;
    for (i = a; i < b; i++) {
        char c = text[i];
        *p++ = (c == '\n' || c == '\t' || c == '\r') ? ' ' : c;
    }
    *p = '\0';
    return out;
}

/* Offset `chars` characters before `off` (never inside a character). */
static size_t back_chars(const char *text, size_t off, unsigned chars)
{
    while (off > 0 && chars > 0) {
        off--;
        while (off > 0 && ((unsigned char)text[off] & 0xC0) == 0x80)
            off--;
        chars--;
    }
    return off;
}

static size_t forward_chars(const char *text, size_t len, size_t off, unsigned chars)
{
    while (off < len && chars > 0) {
        off++;
        while (off < len && ((unsigned char)text[off] & 0xC0) == 0x80)
            off++;
        chars--;
    }
    return off;
}

static int add_hits(const abg_doc *doc, void *payload)
{
    kwic_run *run = payload;
    abg_kwic_hit *found = NULL;
    size_t nfound = 0, i, len;
    const char *text = abg_doc_text(doc, &len);

    if (abg_kwic_find(&found, &nfound, run->ctx, run->lang, run->stemmer, doc, run->stem,
                      run->stem_len) < 0)
        return cli_error("%s: %s", abg_doc_id(doc), abg_ctx_message(run->ctx));
    for (i = 0; i < nfound; i++) {
        abg_pos pos = abg_doc_position(doc, found[i].off);
        size_t end = found[i].off + found[i].len;
        size_t a = back_chars(text, found[i].off, run->o->width);
        size_t b = forward_chars(text, len, end, run->o->width);
        hit *h;
        int n;

        if (run->n == run->cap) {
            size_t c = run->cap ? run->cap * 2 : 64;
            hit *p = realloc(run->hits, c * sizeof *p);
            if (!p) {
                free(found);
                return cli_error("out of memory");
            }
            run->hits = p;
            run->cap = c;
        }
        h = &run->hits[run->n];
        memset(h, 0, sizeof *h);
        run->n++;
        h->line = pos.line;
        h->col = pos.col;
        n = snprintf(NULL, 0, "%s:%lu:%lu", abg_doc_id(doc), h->line, h->col);
        if (n > 0 && (h->loc = malloc((size_t)n + 1)))
            snprintf(h->loc, (size_t)n + 1, "%s:%lu:%lu", abg_doc_id(doc), h->line, h->col);
        h->left = flatten(text, a, found[i].off);
        h->match = flatten(text, found[i].off, end);
        h->right = flatten(text, end, b);
        h->doc = flatten(abg_doc_id(doc), 0, strlen(abg_doc_id(doc)));
        h->source = flatten(abg_doc_source(doc), 0, strlen(abg_doc_source(doc)));
        if (!h->loc || !h->left || !h->match || !h->right || !h->doc || !h->source) {
            free(found);
            return cli_error("out of memory");
        }
    }
    free(found);
    return 0;
}

static size_t chars_of(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static void write_text(FILE *out, const kwic_run *run)
{
    size_t i, locw = 0;
    bool c = cli_color(run->o->color, out);

    for (i = 0; i < run->n; i++)
        if (chars_of(run->hits[i].loc) > locw)
            locw = chars_of(run->hits[i].loc);
    for (i = 0; i < run->n; i++) {
        const hit *h = &run->hits[i];
        size_t pad = locw - chars_of(h->loc) + 2 + (run->o->width - chars_of(h->left));
        fputs(h->loc, out);
        while (pad--)
            fputc(' ', out);
        fprintf(out, "%s  %s%s%s%s  %s\n", h->left, cli_sgr(c, CLI_STYLE_BOLD),
                cli_sgr(c, CLI_STYLE_RED), h->match, cli_sgr_end(c), h->right);
    }
}

static void write_json(FILE *out, const kwic_run *run)
{
    size_t i;

    fputs(run->n ? "[\n" : "[]\n", out);
    for (i = 0; i < run->n; i++) {
        const hit *h = &run->hits[i];
        json_t *o = json_object();
        json_object_set_new(o, "doc", json_string(h->doc));
        json_object_set_new(o, "source", json_string(h->source));
        json_object_set_new(o, "line", json_integer((json_int_t)h->line));
        json_object_set_new(o, "col", json_integer((json_int_t)h->col));
        json_object_set_new(o, "left", json_string(h->left));
        json_object_set_new(o, "match", json_string(h->match));
        json_object_set_new(o, "right", json_string(h->right));
        jsonout_write(o, out, JSON_COMPACT);
        json_decref(o);
        fputs(i + 1 < run->n ? ",\n" : "\n]\n", out);
    }
}

static void free_hits(kwic_run *run)
{
    size_t i;

    for (i = 0; i < run->n; i++) {
        free(run->hits[i].loc);
        free(run->hits[i].left);
        free(run->hits[i].match);
        free(run->hits[i].right);
        free(run->hits[i].doc);
        free(run->hits[i].source);
    }
    free(run->hits);
}

int cmd_kwic(int argc, char **argv)
{
    kwic_opts o = {FORMAT_TEXT, NULL, 40, NULL, CLI_READ_OPTS_INIT, CLI_COLOR_AUTO};
    const cli_opt table[] = {
        {"format", 'f', OPT_CHOICE, &o.format, "FORMAT", "text (default) or json", formats},
        CLI_OPT_OUTPUT(o.output),
        {"width", 'w', OPT_UINT, &o.width, "N", "characters of context on each side (40)",
         NULL},
        CLI_STOPWORDS_OPTION(o.stopwords),
        CLI_COLOR_OPTION(o.color),
        CLI_READ_OPTIONS(o.read),
        CLI_OPT_END,
    };
    const cli_command spec = {
        "kwic", "[options] WORD PATH...",
        "List every occurrence of a word whose Snowball stem equals WORD's stem\n"
        "(Anteil finds Anteil, Anteile, Anteils; a part of a hyphenated compound\n"
        "counts too), in corpus order, as DOC:LINE:COL with WIDTH characters of\n"
        "context on each side; line breaks in the context are shown as spaces.",
        table, NULL};
    cli_status status = {0};
    cli_output out = {0};
    kwic_run run;
    abg_lang *lang = NULL;
    abg_ctx *ctx = NULL;
    char **args = NULL;
    const char *stem;
    char *stem_copy = NULL;
    int nargs, rc;

    memset(&run, 0, sizeof run);
    if ((rc = cli_parse(&spec, argc, argv, &args, &nargs)) != 0)
        return rc < 0 ? CLI_OK : rc;
    if (nargs < 2) {
        rc = cli_usage("kwic", nargs ? "no PATH given (use - for standard input)"
                                     : "no WORD given");
        goto done;
    }
    if (o.width > 1000) {
        rc = cli_usage("kwic", "--width must be at most 1000");
        goto done;
    }
    if (abg_ctx_new(&ctx) < 0 || abg_stemmer_new(&run.stemmer) < 0) {
        rc = cli_error("out of memory");
        goto done;
    }
    if ((rc = cli_lang_open(&lang, ctx, o.stopwords)) != 0)
        goto done;
    if (abg_stem(&stem, &run.stem_len, run.stemmer, args[0], strlen(args[0])) < 0) {
        rc = cli_usage("kwic", "WORD is not valid utf-8");
        goto done;
    }
    if (!(stem_copy = malloc(run.stem_len + 1))) {
        rc = cli_error("out of memory");
        goto done;
    }
    memcpy(stem_copy, stem, run.stem_len);
    stem_copy[run.stem_len] = '\0';
    run.stem = stem_copy;
    run.o = &o;
    run.lang = lang;
    run.ctx = ctx;
    if ((rc = cli_each_doc(ctx, &o.read, args + 1, nargs - 1, add_hits, &run, &status)) != 0)
        goto done;
    if ((rc = cli_output_open(&out, o.output)) != 0)
        goto done;
    if (o.format == FORMAT_JSON)
        write_json(out.fp, &run);
    else
        write_text(out.fp, &run);
    rc = cli_finish(&out, &status);
done:
    cli_output_close(&out, false); /* after an error: nothing is moved into place */
    free_hits(&run);
    free(stem_copy);
    abg_stemmer_free(run.stemmer);
    abg_lang_free(lang);
    abg_ctx_free(ctx);
    free(args);
    return rc;
}
