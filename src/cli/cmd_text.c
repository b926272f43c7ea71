/*
 * cmd_text.c: `abgleich text`, each document as the pipeline read it.
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
    bool positions;
    cli_read_opts read;
    int color; /* --color */
} text_opts;

static const char *or_dash(const char *s)
{
    return s ? s : "-";
}

/* The header line, then the body; with `positions` every line of the body
 * starts with LINE:COL:OFFSET: of its first character in the source. */
static void write_text(FILE *out, const abg_doc *doc, bool positions, bool first, bool color)
{
    size_t len, pos = 0;
    const char *t = abg_doc_text(doc, &len);

    if (!first)
        fputc('\n', out);
    fprintf(out, "%s==> %s | source: %s | title: %s | published: %s | encoding: %s%s\n",
            cli_sgr(color, CLI_STYLE_BOLD), abg_doc_id(doc), or_dash(abg_doc_source(doc)),
            or_dash(abg_doc_title(doc)), or_dash(abg_doc_published(doc)),
            or_dash(abg_doc_encoding(doc)), cli_sgr_end(color));
    if (!positions) {
        fwrite(t, 1, len, out);
        return;
    }
    while (pos < len) {
        const char *nl = memchr(t + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - t) : len;
        if (end > pos) {
            abg_pos p = abg_doc_position(doc, pos);
            fprintf(out, "%lu:%lu:%llu: ", (unsigned long)p.line, (unsigned long)p.col,
                    (unsigned long long)p.offset);
        }
        fwrite(t + pos, 1, end - pos, out);
        fputc('\n', out);
        pos = nl ? end + 1 : len;
    }
}

static int write_json(FILE *out, const abg_doc *doc, bool first);

typedef struct {
    const text_opts *o;
    FILE *out;
    size_t ndocs;
    bool color; /* text output in colour */
} text_run;

static int write_doc(const abg_doc *doc, void *payload)
{
    text_run *run = payload;

    if (run->o->format == FORMAT_JSON)
        write_json(run->out, doc, run->ndocs == 0);
    else
        write_text(run->out, doc, run->o->positions, run->ndocs == 0, run->color);
    run->ndocs++;
    return 0;
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static int write_json(FILE *out, const abg_doc *doc, bool first)
{
    json_t *o = json_object();
    int rc;

    if (!o)
        return -1;
    json_object_set_new(o, "doc", json_string(abg_doc_id(doc)));
    json_object_set_new(o, "path", json_string(abg_doc_path(doc)));
    json_object_set_new(o, "format", json_string(abg_doc_format(doc)));
    json_object_set_new(o, "encoding", str_or_null(abg_doc_encoding(doc)));
    json_object_set_new(o, "source", str_or_null(abg_doc_source(doc)));
    json_object_set_new(o, "title", str_or_null(abg_doc_title(doc)));
    json_object_set_new(o, "published", str_or_null(abg_doc_published(doc)));
    json_object_set_new(o, "text", json_string(abg_doc_text(doc, NULL)));
    fputs(first ? "[\n" : ",\n", out);
    rc = jsonout_write(o, out, JSON_COMPACT);
    json_decref(o);
    return rc;
}

int cmd_text(int argc, char **argv)
{
    text_opts o = {FORMAT_TEXT, NULL, false, CLI_READ_OPTS_INIT, CLI_COLOR_AUTO};
    const cli_opt table[] = {
        {"format", 'f', OPT_CHOICE, &o.format, "FORMAT", "text (default) or json", formats},
        CLI_OPT_OUTPUT(o.output),
        {"positions", 0, OPT_TRUE, &o.positions, NULL,
         "start each line with LINE:COL:OFFSET: of its source", NULL},
        CLI_COLOR_OPTION(o.color),
        CLI_READ_OPTIONS(o.read),
        CLI_OPT_END,
    };
    const cli_command spec = {
        "text", "[options] PATH...",
        "Print each document as abgleich reads it: a header line with the document,\n"
        "its source, title, publication date and the encoding it was decoded from,\n"
        "then its body text after boilerplate removal. With --positions, LINE and\n"
        "COL (in characters) are exact places in the file for plain text, and OFFSET\n"
        "its byte offset; for HTML and feeds LINE is the source line of the text,\n"
        "COL counts characters in the printed line and OFFSET is the offset in the\n"
        "printed body text.",
        table, NULL};
    cli_status status = {0};
    cli_output out = {0};
    text_run run = {&o, NULL, 0, false};
    abg_ctx *ctx = NULL;
    char **paths = NULL;
    int npaths, rc;

    if ((rc = cli_parse(&spec, argc, argv, &paths, &npaths)) != 0)
        return rc < 0 ? CLI_OK : rc;
    if (npaths == 0) {
        rc = cli_usage("text", "no PATH given (use - for standard input)");
        goto done;
    }
    if (abg_ctx_new(&ctx) < 0) {
        rc = cli_error("out of memory");
        goto done;
    }
    if ((rc = cli_output_open(&out, o.output)) != 0)
        goto done;
    run.out = out.fp;
    run.color = cli_color(o.color, out.fp);
    if ((rc = cli_each_doc(ctx, &o.read, paths, npaths, write_doc, &run, &status)) != 0)
        goto done;
    if (o.format == FORMAT_JSON)
        fputs(run.ndocs ? "\n]\n" : "[]\n", out.fp);
    rc = cli_finish(&out, &status);
done:
    cli_output_close(&out, false); /* after an error: nothing is moved into place */
    abg_ctx_free(ctx);
    free(paths);
    return rc;
}
