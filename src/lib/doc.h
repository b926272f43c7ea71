/*
 * doc.h: documents and how ingestion builds them (internal).
 *
 * A reader appends the text of a document piece by piece, each piece with
 * the place in the original file its first character came from; the
 * document keeps a table of these segments, so that any byte of the final
 * text maps back to line, column and offset of the source (abg_doc_position).
 * abg_doc_finish then drops boilerplate lines and extra blank lines, moving
 * the segments with the text.
 */
#ifndef ABG_DOC_H
#define ABG_DOC_H

#include <stdbool.h>
#include <stdint.h>

#include "abgleich.h"
#include "buf.h"

/* How positions inside a segment are derived. */
typedef enum {
    /* Plain text: columns and byte offsets run on from the segment start,
     * exactly as in the source file. */
    ABG_MAP_FILE,
    /* Markup: the segment names the source line; the column counts
     * characters within the body text's line; the offset is the offset in
     * the body text. */
    ABG_MAP_TEXTLINE
} abg_map_mode;

/* Bytes a character takes in the source file, for ABG_MAP_FILE. */
typedef enum {
    ABG_WIDTH_UTF8,  /* as in the text */
    ABG_WIDTH_BYTE,  /* one byte per character (Windows-1252) */
    ABG_WIDTH_UTF16  /* two bytes, four outside the BMP */
} abg_src_width;

typedef struct {
    size_t text_off;  /* first byte of the segment in the text */
    uint32_t line;    /* source line of that byte */
    uint32_t col;     /* source column of that byte (ABG_MAP_FILE) */
    uint64_t src_off; /* source byte offset of that byte (ABG_MAP_FILE) */
} abg_seg;

struct abg_doc {
    char *id;
    char *path;
    char *source;
    char *title;
    char *published;
    char *encoding;
    const char *format; /* static */
    abg_buf text;
    abg_seg *segs;
    size_t nsegs, segcap;
    abg_map_mode mode;
    abg_src_width width;
};

struct abg_doclist {
    abg_doc **docs;
    size_t count, cap;
};

/* A new, empty document. `format` must be a static string. */
int abg_doc_new(abg_doc **out, const char *id, const char *path, const char *format,
                abg_map_mode mode);
void abg_doc_free(abg_doc *doc);

/* Set a metadata field (source, title, ...) from s[0..n): invalid UTF-8 is
 * refused (returns ABG_EPARSE), runs of white space become one space, the
 * ends are trimmed; an empty result leaves the field NULL. Replaces the
 * old value. */
int abg_doc_set_field(char **field, const char *s, size_t n);

/* Append s[0..n), well-formed UTF-8, whose first character comes from
 * `line`, `col` and `src_off` of the source (the latter two are ignored in
 * ABG_MAP_TEXTLINE mode). The caller keeps "\n" out of s in markup mode
 * and uses abg_doc_break instead. */
int abg_doc_append(abg_doc *doc, const char *s, size_t n, uint32_t line, uint32_t col,
                   uint64_t src_off);

/* Append one "\n" unconditionally (plain text keeps its empty lines). */
int abg_doc_newline(abg_doc *doc);

/* End the current line in markup: trailing blanks are trimmed and "\n"
 * added unless the text is empty or already ends a line; with `paragraph`
 * an empty line follows. Never more than one empty line in a row. */
int abg_doc_break(abg_doc *doc, bool paragraph);

/* Decides whether a whole line (trimmed, UTF-8, not NUL-terminated) is
 * boilerplate to drop. */
typedef bool (*abg_line_filter)(const char *line, size_t len, const void *payload);

/* Finish the text: drop the lines `filter` (may be NULL) rejects, collapse
 * runs of empty (or blank) lines into one, remove leading and trailing
 * empty lines, end the last line with "\n". */
int abg_doc_finish(abg_doc *doc, abg_line_filter filter, const void *payload);

/* Add a document to a list, which takes it over (also on failure). */
int abg_doclist_add(abg_doclist *list, abg_doc *doc);
int abg_doclist_new(abg_doclist **out);

#endif
