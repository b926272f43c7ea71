/*
 * doc.c: the document type, its text builder and the position map.
 *
 * In:  pieces of UTF-8 text with their source positions, from ingest.
 * Out: an abg_doc owning its text, metadata and segment table; freed with
 *      abg_doc_free (or with the abg_doclist that holds it).
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "utf8.h"

int abg_doc_new(abg_doc **out, const char *id, const char *path, const char *format,
                abg_map_mode mode)
{
    abg_doc *doc = calloc(1, sizeof *doc);

    *out = NULL;
    if (!doc)
        return ABG_ENOMEM;
    /* names as printed: control bytes and bytes that are not UTF-8
     * escaped (abg_name_escape) */
    doc->id = abg_name_escape(id);
    doc->path = abg_name_escape(path);
    doc->format = format;
    doc->mode = mode;
    doc->width = ABG_WIDTH_UTF8;
    if (!doc->id || !doc->path) {
        abg_doc_free(doc);
        return ABG_ENOMEM;
    }
    *out = doc;
    return 0;
}

void abg_doc_free(abg_doc *doc)
{
    if (!doc)
        return;
    free(doc->id);
    free(doc->path);
    free(doc->source);
    free(doc->title);
    free(doc->published);
    free(doc->encoding);
    abg_buf_dispose(&doc->text);
    free(doc->segs);
    free(doc);
}

static bool is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int abg_doc_set_field(char **field, const char *s, size_t n)
{
    abg_buf b = ABG_BUF_INIT;
    size_t i;
    bool space = false;
    int err = 0;

    if (abg_utf8_check(s, n) != n)
        return ABG_EPARSE;
    for (i = 0; i < n && !err; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_blank(c)) {
            space = b.len > 0;
            continue;
        }
        /* U+00A0 (no-break space) counts as a blank in metadata too */
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            space = b.len > 0;
            i++;
            continue;
        }
        if (space && (err = abg_buf_putc(&b, ' ')) < 0)
            break;
        space = false;
        err = abg_buf_putc(&b, (char)c);
    }
    if (err < 0) {
        abg_buf_dispose(&b);
        return err;
    }
    free(*field);
    *field = b.len ? abg_buf_detach(&b) : NULL;
    abg_buf_dispose(&b);
    return 0;
}

static int push_seg(abg_doc *doc, uint32_t line, uint32_t col, uint64_t src_off)
{
    abg_seg *seg;

    if (doc->nsegs == doc->segcap) {
        size_t cap = doc->segcap ? doc->segcap * 2 : 16;
        abg_seg *p = realloc(doc->segs, cap * sizeof *p);
        if (!p)
            return ABG_ENOMEM;
        doc->segs = p;
        doc->segcap = cap;
    }
    seg = &doc->segs[doc->nsegs++];
    seg->text_off = doc->text.len;
    seg->line = line;
    seg->col = col;
    seg->src_off = src_off;
    return 0;
}

int abg_doc_append(abg_doc *doc, const char *s, size_t n, uint32_t line, uint32_t col,
                   uint64_t src_off)
{
    int err;

    if (n == 0)
        return 0;
    if ((err = push_seg(doc, line, col, src_off)) < 0)
        return err;
    return abg_buf_put(&doc->text, s, n);
}

int abg_doc_newline(abg_doc *doc)
{
    return abg_buf_putc(&doc->text, '\n');
}

/* Remove trailing spaces and tabs of the text, with any segment that
 * started inside them. */
static void trim_end(abg_doc *doc)
{
    size_t len = doc->text.len;

    while (len > 0 && (doc->text.data[len - 1] == ' ' || doc->text.data[len - 1] == '\t'))
        len--;
    abg_buf_truncate(&doc->text, len);
    while (doc->nsegs > 0 && doc->segs[doc->nsegs - 1].text_off >= len)
        doc->nsegs--;
}

int abg_doc_break(abg_doc *doc, bool paragraph)
{
    size_t len;
    int err;

    trim_end(doc);
    len = doc->text.len;
    if (len == 0)
        return 0;
    if (doc->text.data[len - 1] != '\n' && (err = abg_buf_putc(&doc->text, '\n')) < 0)
        return err;
    len = doc->text.len;
    if (paragraph && !(len >= 2 && doc->text.data[len - 2] == '\n'))
        return abg_buf_putc(&doc->text, '\n');
    return 0;
}

static bool line_is_blank(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

int abg_doc_finish(abg_doc *doc, abg_line_filter filter, const void *payload)
{
    abg_buf out = ABG_BUF_INIT;
    const char *t = doc->text.data;
    size_t len = doc->text.len, pos = 0, si = 0, nseg = 0;
    bool last_blank = true; /* drops leading blank lines */
    int err = 0;

    if (!t)
        return 0;
    while (pos < len) {
        const char *nl = memchr(t + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - t) : len;
        size_t next = nl ? end + 1 : len;
        bool blank = line_is_blank(t + pos, end - pos);
        bool keep;

        if (blank) {
            keep = !last_blank;
        } else {
            size_t a = pos, b = end;
            while (a < b && (t[a] == ' ' || t[a] == '\t'))
                a++;
            while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t'))
                b--;
            keep = !filter || !filter(t + a, b - a, payload);
        }
        /* segments that start before this line were kept or dropped with
         * their own line; those inside it follow the line */
        while (si < doc->nsegs && doc->segs[si].text_off < pos)
            si++;
        if (keep) {
            size_t base = out.len;
            if (blank) {
                err = abg_buf_putc(&out, '\n');
            } else {
                err = abg_buf_put(&out, t + pos, end - pos);
                if (!err)
                    err = abg_buf_putc(&out, '\n');
            }
            if (err < 0)
                break;
            for (; si < doc->nsegs && doc->segs[si].text_off < next; si++) {
                if (blank)
                    continue;
                doc->segs[nseg] = doc->segs[si];
                doc->segs[nseg].text_off = doc->segs[si].text_off - pos + base;
                nseg++;
            }
            last_blank = blank;
        } else {
            while (si < doc->nsegs && doc->segs[si].text_off < next)
                si++;
        }
        pos = next;
    }
    if (err < 0) {
        abg_buf_dispose(&out);
        return err;
    }
    /* drop a trailing empty line */
    if (out.len >= 2 && out.data[out.len - 1] == '\n' && out.data[out.len - 2] == '\n')
        abg_buf_truncate(&out, out.len - 1);
    if (out.len == 1 && out.data[0] == '\n')
        abg_buf_truncate(&out, 0);
    while (nseg > 0 && doc->segs[nseg - 1].text_off >= out.len)
        nseg--;
    doc->nsegs = nseg;
    abg_buf_dispose(&doc->text);
    doc->text = out;
    if (!doc->text.data && (err = abg_buf_put(&doc->text, "", 0)) < 0)
        return err;
    return 0;
}

/* Source bytes taken by the characters of text[a..b). */
static uint64_t source_bytes(const abg_doc *doc, size_t a, size_t b)
{
    const unsigned char *t = (const unsigned char *)doc->text.data;
    uint64_t n = 0;
    size_t i;

    switch (doc->width) {
    case ABG_WIDTH_UTF8:
        return b - a;
    case ABG_WIDTH_BYTE:
        return abg_utf8_count(doc->text.data + a, b - a);
    case ABG_WIDTH_UTF16:
        for (i = a; i < b; i++) {
            if ((t[i] & 0xC0) == 0x80)
                continue;
            n += t[i] >= 0xF0 ? 4 : 2;
        }
        return n;
    }
    return b - a;
}

/* The last segment starting at or before off (the first when none does);
 * doc has segments. */
static size_t seg_at(const abg_doc *doc, size_t off)
{
    size_t lo = 0, hi = doc->nsegs;

    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->segs[mid].text_off <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

abg_pos abg_doc_position(const abg_doc *doc, size_t off)
{
    abg_pos pos = {1, 1, 0};
    const abg_seg *seg;
    size_t start;

    if (off > doc->text.len)
        off = doc->text.len;
    if (doc->nsegs == 0)
        return pos;
    seg = &doc->segs[seg_at(doc, off)];
    if (seg->text_off > off)
        off = seg->text_off;
    pos.line = seg->line;
    if (doc->mode == ABG_MAP_FILE) {
        pos.col = seg->col + (uint32_t)abg_utf8_count(doc->text.data + seg->text_off,
                                                      off - seg->text_off);
        pos.offset = seg->src_off + source_bytes(doc, seg->text_off, off);
    } else {
        start = off;
        while (start > 0 && doc->text.data[start - 1] != '\n')
            start--;
        pos.col = 1 + (uint32_t)abg_utf8_count(doc->text.data + start, off - start);
        pos.offset = off;
    }
    return pos;
}

void abg_doc_span(const abg_doc *doc, size_t off, size_t len, abg_pos *start, abg_pos *end)
{
    size_t to, i;

    *start = abg_doc_position(doc, off);
    if (off > doc->text.len)
        off = doc->text.len;
    to = off + len > doc->text.len ? doc->text.len : off + len;
    /* within one segment and one line the end is the start plus the
     * characters between (facts hold no line break as a rule) */
    if (doc->nsegs > 0 && memchr(doc->text.data + off, '\n', to - off) == NULL) {
        size_t lo = seg_at(doc, off);
        if (doc->segs[lo].text_off <= off &&
            (lo + 1 >= doc->nsegs || doc->segs[lo + 1].text_off > to)) {
            *end = *start;
            i = to - off;
            end->col += (uint32_t)abg_utf8_count(doc->text.data + off, i);
            end->offset += doc->mode == ABG_MAP_FILE ? source_bytes(doc, off, to) : i;
            return;
        }
    }
    *end = abg_doc_position(doc, to);
}

int abg_doclist_new(abg_doclist **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? 0 : ABG_ENOMEM;
}

int abg_doclist_add(abg_doclist *list, abg_doc *doc)
{
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 4;
        abg_doc **p = realloc(list->docs, cap * sizeof *p);
        if (!p) {
            abg_doc_free(doc);
            return ABG_ENOMEM;
        }
        list->docs = p;
        list->cap = cap;
    }
    list->docs[list->count++] = doc;
    return 0;
}

void abg_doclist_free(abg_doclist *list)
{
    size_t i;

    if (!list)
        return;
    for (i = 0; i < list->count; i++)
        abg_doc_free(list->docs[i]);
    free(list->docs);
    free(list);
}

size_t abg_doclist_count(const abg_doclist *list)
{
    return list ? list->count : 0;
}

abg_doc *abg_doclist_get(const abg_doclist *list, size_t i)
{
    return list && i < list->count ? list->docs[i] : NULL;
}

const char *abg_doc_id(const abg_doc *doc) { return doc->id; }
const char *abg_doc_path(const abg_doc *doc) { return doc->path; }
const char *abg_doc_source(const abg_doc *doc) { return doc->source; }
const char *abg_doc_title(const abg_doc *doc) { return doc->title; }
const char *abg_doc_published(const abg_doc *doc) { return doc->published; }
const char *abg_doc_format(const abg_doc *doc) { return doc->format; }
const char *abg_doc_encoding(const abg_doc *doc) { return doc->encoding; }

const char *abg_doc_text(const abg_doc *doc, size_t *len)
{
    if (len)
        *len = doc->text.len;
    return doc->text.data ? doc->text.data : "";
}
