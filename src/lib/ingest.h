/*
 * ingest.h: what the ingest files share (internal).
 *
 * ingest.c walks the inputs, reads files, decodes plain text and applies
 * the boilerplate rules; ingest_markup.c reads HTML pages and RSS/Atom
 * feeds with libxml2 (the only file that includes libxml2's headers).
 */
#ifndef ABG_INGEST_H
#define ABG_INGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "abgleich.h"
#include "doc.h"
#include "regex.h"

/* Limits of markup parsing, each reported as a per-file error when hit. */
#define ABG_MARKUP_MAX_DEPTH 256     /* element nesting */
#define ABG_MARKUP_MAX_ITEMS 100000  /* items or entries in one feed */
#define ABG_BOILERPLATE_MAX_LINE 200 /* longer lines are never boilerplate */

struct abg_ingest {
    size_t max_file_size;
    abg_regex **rules; /* boilerplate line patterns */
    size_t nrules;
};

/* Parse an HTML page into one document appended to `list`. `path` is the
 * display path (the document id). Returns 0, or a negative code with a
 * one-line reason in ctx. */
int abg_ingest_html(abg_doclist *list, abg_ctx *ctx, const abg_ingest *ing, const char *path,
                    const char *data, size_t len);

/* Parse an RSS 2.0 or Atom feed: one document per item or entry, with ids
 * "PATH#1", "PATH#2", ... Returns 0 (also for a feed without items), or a
 * negative code with a reason in ctx (not a feed, malformed, limits). */
int abg_ingest_feed(abg_doclist *list, abg_ctx *ctx, const abg_ingest *ing, const char *path,
                    const char *data, size_t len);

/* Normalise a date from metadata to ISO 8601: RFC 3339 / ISO dates are
 * kept (trimmed), RFC 822 dates ("Tue, 28 Oct 2025 17:45:00 +0100")
 * become "2025-10-28T17:45:00+01:00". Returns a new string (free()) or
 * NULL when `s` is not a date either way. */
char *abg_ingest_date_iso(const char *s, size_t n);

/* Finish a document built by a reader: drop boilerplate lines and extra
 * blank lines (abg_doc_finish with the reader's rules). */
int abg_ingest_finish_doc(abg_doc *doc, abg_ctx *ctx, const abg_ingest *ing);

/* The file name of `path` without folders and extension, as a fallback
 * source name ("corpus/tagesblatt.txt" -> "tagesblatt"). New string. */
char *abg_ingest_path_stem(const char *path);

#endif
