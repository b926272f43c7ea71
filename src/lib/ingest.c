/*
 * ingest.c: from paths on the command line to documents.
 *
 * In:  paths (files, folders, "-"), read-only ingest settings.
 * Out: an abg_inputs list (abg_walk; freed with abg_inputs_free) and, per
 *      input, an abg_doclist of documents (freed with abg_doclist_free).
 *
 * Plain text is decoded here: UTF-8 (with or without BOM), UTF-16 with a
 * BOM, else Windows-1252; files with NUL bytes that are not UTF-16 are
 * binary and refused. Every line of the text keeps its exact source line,
 * column and byte offset. HTML and feeds go to ingest_markup.c.
 */
#define _POSIX_C_SOURCE 200809L
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ascii.h"
#include "ctx.h"
#include "gunzip.h"
#include "utf8.h"

/* Folders nested deeper than this are not entered. */
#define WALK_MAX_DEPTH 128
/* A folder's list of names to skip (see ignore_list), and its size cap. */
#define IGNORE_FILE ".abgleichignore"
#define IGNORE_FILE_MAX 65536
/* A front matter block must close within this many lines. */
#define FRONT_MATTER_MAX_LINES 50
/* A first line longer than this is not taken as the title. */
#define TITLE_MAX_BYTES 200

/* ------------------------------------------------------------------ */
/* Walking                                                             */

typedef enum { INPUT_FILE, INPUT_STDIN, INPUT_STREAM } input_kind;

typedef struct {
    char *path;
    input_kind kind;
} input;

typedef struct {
    dev_t dev;
    ino_t ino;
} dir_id;

struct abg_inputs {
    input *items;
    size_t count, cap;
};

typedef struct {
    abg_inputs *inputs;
    abg_walk_fn report;
    void *payload;
    dir_id *seen; /* every folder entered, to enter each once */
    size_t nseen, capseen;
    dir_id stack[WALK_MAX_DEPTH + 1]; /* the folders being read, to see loops */
    size_t depth;
} walker;

static const char *const text_exts[] = {"txt", "md", NULL};
static const char *const html_exts[] = {"html", "htm", NULL};
static const char *const feed_exts[] = {"xml", "rss", "atom", NULL};

/* The extension of the last path component, without the dot; "" if none.
 * A leading dot (".profile") does not start an extension. */
static const char *path_ext(const char *path)
{
    const char *base = strrchr(path, '/');
    const char *dot;

    base = base ? base + 1 : path;
    dot = strrchr(base, '.');
    return dot && dot != base ? dot + 1 : "";
}

static bool ext_in(const char *ext, const char *const *list)
{
    for (; *list; list++)
        if (abg_ascii_ieq_n(ext, strlen(ext), *list, false))
            return true;
    return false;
}

static bool readable_ext_of(const char *ext)
{
    return !*ext || ext_in(ext, text_exts) || ext_in(ext, html_exts) || ext_in(ext, feed_exts);
}

/* The extension of a path with its ".gz" taken off: "html" for
 * "a.html.gz", "" for "a.gz"; NULL when it does not end in ".gz". */
static const char *gz_inner_ext(const char *path, char *buf, size_t cap)
{
    const char *ext = path_ext(path);
    size_t n;

    if (!abg_ascii_ieq_n(ext, strlen(ext), "gz", false))
        return NULL;
    n = (size_t)(ext - path) - 1; /* the path without ".gz" */
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, path, n);
    buf[n] = '\0';
    return path_ext(buf);
}

static bool readable_ext(const char *path)
{
    char inner[4096];
    const char *gz = gz_inner_ext(path, inner, sizeof inner);

    return gz ? readable_ext_of(gz) : readable_ext_of(path_ext(path));
}

static int add_input(abg_inputs *in, const char *path, input_kind kind)
{
    if (in->count == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 16;
        input *p = realloc(in->items, cap * sizeof *p);
        if (!p)
            return ABG_ENOMEM;
        in->items = p;
        in->cap = cap;
    }
    in->items[in->count].path = abg_strdup(path);
    if (!in->items[in->count].path)
        return ABG_ENOMEM;
    in->items[in->count].kind = kind;
    in->count++;
    return 0;
}

static void report(walker *w, abg_walk_severity sev, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(walker *w, abg_walk_severity sev, const char *path, const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    if (!w->report)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    w->report(sev, path, msg, w->payload);
}

static const char *file_kind(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "fifo";
    if (S_ISSOCK(mode))
        return "socket";
    if (S_ISCHR(mode))
        return "character device";
    if (S_ISBLK(mode))
        return "block device";
    return "special file";
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool dir_in(const dir_id *ids, size_t n, const struct stat *st)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (ids[i].dev == st->st_dev && ids[i].ino == st->st_ino)
            return true;
    return false;
}

static int push_dir(dir_id **ids, size_t *n, size_t *cap, const struct stat *st)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        dir_id *p = realloc(*ids, c * sizeof *p);
        if (!p)
            return ABG_ENOMEM;
        *ids = p;
        *cap = c;
    }
    (*ids)[*n].dev = st->st_dev;
    (*ids)[*n].ino = st->st_ino;
    (*n)++;
    return 0;
}

static int walk_path(walker *w, const char *path, bool top);

static char *join_path(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    bool slash = dl > 0 && dir[dl - 1] == '/';
    char *p = malloc(dl + nl + 2);

    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    if (!slash)
        p[dl++] = '/';
    memcpy(p + dl, name, nl + 1);
    return p;
}

/* The patterns of the folder's IGNORE_FILE: one fnmatch(3) pattern a line
 * for names in this folder (not below it), '#' starts a comment. Returns a
 * NUL-separated list ending in an empty string, or NULL when there is no
 * such file (or it cannot be read: then nothing is skipped). */
static char *ignore_list(const char *dir)
{
    char *path = malloc(strlen(dir) + sizeof IGNORE_FILE + 1);
    char *data = NULL, *out;
    size_t len = 0, i, o = 0;
    FILE *fp;

    if (!path)
        return NULL;
    memcpy(path, dir, strlen(dir));
    path[strlen(dir)] = '/';
    memcpy(path + strlen(dir) + 1, IGNORE_FILE, sizeof IGNORE_FILE);
    fp = fopen(path, "rb");
    free(path);
    if (!fp)
        return NULL;
    data = malloc(IGNORE_FILE_MAX + 2);
    if (data)
        len = fread(data, 1, IGNORE_FILE_MAX, fp);
    fclose(fp);
    if (!data)
        return NULL;
    out = data; /* compacted in place: lines become NUL-terminated patterns */
    for (i = 0; i < len;) {
        size_t start = i, end;
        while (i < len && data[i] != '\n')
            i++;
        end = i++;
        while (end > start && (data[end - 1] == '\r' || data[end - 1] == ' '))
            end--;
        while (start < end && data[start] == ' ')
            start++;
        if (start == end || data[start] == '#')
            continue;
        memmove(out + o, data + start, end - start);
        o += end - start;
        out[o++] = '\0';
    }
    out[o] = '\0';
    return out;
}

static bool ignored(const char *list, const char *name)
{
    for (; list && *list; list += strlen(list) + 1)
        if (fnmatch(list, name, 0) == 0)
            return true;
    return false;
}

/* Read the folder's entries, sorted by byte value, and walk each. */
static int walk_dir(walker *w, const char *path, const struct stat *st)
{
    char **names = NULL, *skip = NULL;
    size_t n = 0, cap = 0, i;
    DIR *d = NULL;
    struct dirent *e;
    int err = 0;

    if (dir_in(w->stack, w->depth, st)) {
        report(w, ABG_WALK_ERROR, path, "symlink loop, skipped");
        return 0;
    }
    if (dir_in(w->seen, w->nseen, st))
        return 0; /* reached again through a symlink: read once */
    if (w->depth >= WALK_MAX_DEPTH) {
        report(w, ABG_WALK_ERROR, path, "folders nested deeper than %d, skipped",
               WALK_MAX_DEPTH);
        return 0;
    }
    if ((err = push_dir(&w->seen, &w->nseen, &w->capseen, st)) < 0)
        return err;
    d = opendir(path);
    if (!d) {
        report(w, ABG_WALK_ERROR, path, "%s", strerror(errno));
        return 0;
    }
    skip = ignore_list(path);
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || ignored(skip, e->d_name))
            continue; /* hidden (also "." and ".."), or listed in IGNORE_FILE */
        if (n == cap) {
            size_t c = cap ? cap * 2 : 32;
            char **p = realloc(names, c * sizeof *p);
            if (!p) {
                err = ABG_ENOMEM;
                goto done;
            }
            names = p;
            cap = c;
        }
        if (!(names[n] = abg_strdup(e->d_name))) {
            err = ABG_ENOMEM;
            goto done;
        }
        n++;
    }
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_names);
    w->stack[w->depth].dev = st->st_dev;
    w->stack[w->depth].ino = st->st_ino;
    w->depth++;
    for (i = 0; i < n && !err; i++) {
        char *child = join_path(path, names[i]);
        if (!child) {
            err = ABG_ENOMEM;
            break;
        }
        err = walk_path(w, child, false);
        free(child);
    }
    w->depth--;
done:
    for (i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(skip);
    closedir(d);
    return err;
}

/* `top`: named on the command line (any extension, streams allowed). */
static int walk_path(walker *w, const char *path, bool top)
{
    struct stat st;

    if (stat(path, &st) < 0) {
        if (errno == ELOOP)
            report(w, ABG_WALK_ERROR, path, "symlink loop, skipped");
        else
            report(w, ABG_WALK_ERROR, path, "%s", strerror(errno));
        return 0;
    }
    if (S_ISDIR(st.st_mode))
        return walk_dir(w, path, &st);
    if (S_ISREG(st.st_mode)) {
        if (!top && !readable_ext(path))
            return 0; /* not an article format */
        return add_input(w->inputs, path, INPUT_FILE);
    }
    if (top && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)))
        return add_input(w->inputs, path, INPUT_STREAM);
    report(w, ABG_WALK_ERROR, path, "not a regular file (%s), skipped", file_kind(st.st_mode));
    return 0;
}

int abg_walk(abg_inputs **out, abg_ctx *ctx, const char *const *paths, size_t npaths,
             abg_walk_fn report_fn, void *payload)
{
    walker w;
    size_t i;
    int err = 0;

    memset(&w, 0, sizeof w); /* about 2 KiB: the folder stack */
    *out = NULL;
    w.report = report_fn;
    w.payload = payload;
    w.inputs = calloc(1, sizeof *w.inputs);
    if (!w.inputs)
        return abg_error_oom(ctx);
    for (i = 0; i < npaths && !err; i++) {
        if (!strcmp(paths[i], "-"))
            err = add_input(w.inputs, "<stdin>", INPUT_STDIN);
        else
            err = walk_path(&w, paths[i], true);
    }
    free(w.seen);
    if (err < 0) {
        abg_inputs_free(w.inputs);
        return abg_error_oom(ctx);
    }
    *out = w.inputs;
    return 0;
}

void abg_inputs_free(abg_inputs *in)
{
    size_t i;

    if (!in)
        return;
    for (i = 0; i < in->count; i++)
        free(in->items[i].path);
    free(in->items);
    free(in);
}

size_t abg_inputs_count(const abg_inputs *in)
{
    return in ? in->count : 0;
}

const char *abg_inputs_path(const abg_inputs *in, size_t i)
{
    return in && i < in->count ? in->items[i].path : NULL;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static int too_large(abg_ctx *ctx, size_t size, size_t limit, bool at_least)
{
    char a[32], b[32];

    abg_size_text(a, sizeof a, size);
    abg_size_text(b, sizeof b, limit);
    return abg_error(ctx, ABG_ELIMIT, "file too large (%s%s, limit %s), skipped",
                     at_least ? "over " : "", a, b);
}

/* Read all of fd, at most `limit` bytes (one more means too large). */
static int read_fd(abg_buf *out, abg_ctx *ctx, int fd, size_t limit)
{
    int err;

    for (;;) {
        ssize_t got;
        if ((err = abg_buf_grow(out, 65536)) < 0)
            return err == ABG_ENOMEM ? abg_error_oom(ctx) : too_large(ctx, out->len, limit, 1);
        got = read(fd, out->data + out->len, 65536);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return abg_error(ctx, ABG_EIO, "%s", strerror(errno));
        }
        if (got == 0)
            break;
        out->len += (size_t)got;
        out->data[out->len] = '\0';
        if (out->len > limit)
            return too_large(ctx, out->len, limit, 1);
    }
    return 0;
}

static int read_input(abg_buf *out, abg_ctx *ctx, const abg_ingest *ing, const input *in)
{
    struct stat st;
    int fd, err = 0;

    if (in->kind == INPUT_STDIN)
        return read_fd(out, ctx, STDIN_FILENO, ing->max_file_size);
    fd = open(in->path, O_RDONLY | O_CLOEXEC | (in->kind == INPUT_FILE ? O_NONBLOCK : 0));
    if (fd < 0)
        return abg_error(ctx, ABG_EIO, "%s", strerror(errno));
    if (fstat(fd, &st) < 0) {
        err = abg_error(ctx, ABG_EIO, "%s", strerror(errno));
        goto done;
    }
    if (in->kind == INPUT_FILE) {
        /* it may have been swapped since the walk looked at it */
        if (!S_ISREG(st.st_mode)) {
            err = abg_error(ctx, ABG_EIO, "not a regular file (%s), skipped",
                            file_kind(st.st_mode));
            goto done;
        }
        if ((uint64_t)st.st_size > ing->max_file_size) {
            err = too_large(ctx, (size_t)st.st_size, ing->max_file_size, 0);
            goto done;
        }
    }
    err = read_fd(out, ctx, fd, ing->max_file_size);
done:
    close(fd);
    return err;
}

/* ------------------------------------------------------------------ */
/* Plain text                                                          */

typedef struct {
    abg_buf utf8;      /* the decoded text */
    const char *name;  /* encoding name */
    size_t bom;        /* bytes of byte order mark skipped */
    abg_src_width width;
} decoded;

static int iconv_to_utf8(abg_buf *out, abg_ctx *ctx, const char *from, const char *data,
                         size_t len, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", from);
    char *in = (char *)data;
    size_t inleft = len;
    int err = 0;

    if (cd == (iconv_t)-1)
        return abg_error(ctx, ABG_ERROR, "no converter from %s", from);
    while (inleft > 0) {
        char *o;
        size_t oleft, r;
        if ((err = abg_buf_grow(out, inleft * 2 + 16)) < 0) {
            err = err == ABG_ENOMEM ? abg_error_oom(ctx)
                                    : abg_error(ctx, ABG_ELIMIT, "file too large to decode");
            break;
        }
        o = out->data + out->len;
        oleft = out->cap - out->len - 1;
        r = iconv(cd, &in, &inleft, &o, &oleft);
        out->len = (size_t)(o - out->data);
        out->data[out->len] = '\0';
        if (r == (size_t)-1 && errno != E2BIG) {
            *bad = len - inleft;
            err = ABG_EPARSE;
            break;
        }
    }
    iconv_close(cd);
    return err;
}

static int decode_text(decoded *d, abg_ctx *ctx, const char *data, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;
    size_t bad = 0, i;
    int err;

    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        bool le = u[0] == 0xFF;
        d->name = le ? "utf-16le" : "utf-16be";
        d->bom = 2;
        d->width = ABG_WIDTH_UTF16;
        err = iconv_to_utf8(&d->utf8, ctx, le ? "UTF-16LE" : "UTF-16BE", data + 2, len - 2,
                            &bad);
        if (err == ABG_EPARSE)
            return abg_error(ctx, ABG_EPARSE, "undecodable %s at byte %zu, skipped", d->name,
                             bad + 2);
        if (err < 0)
            return err;
        if (memchr(d->utf8.data, '\0', d->utf8.len))
            return abg_error(ctx, ABG_EPARSE, "binary file (NUL characters), skipped");
        return 0;
    }
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        d->bom = 3;
        if ((bad = abg_utf8_check(data + 3, len - 3)) != len - 3)
            return abg_error(ctx, ABG_EPARSE,
                             "invalid utf-8 at byte %zu after a utf-8 byte order mark, skipped",
                             bad + 3);
    }
    if (memchr(data, '\0', len))
        return abg_error(ctx, ABG_EPARSE, "binary file (NUL bytes), skipped");
    if (d->bom || abg_utf8_check(data, len) == len) {
        d->name = "utf-8";
        d->width = ABG_WIDTH_UTF8;
        err = abg_buf_put(&d->utf8, data + d->bom, len - d->bom);
        return err < 0 ? abg_error_oom(ctx) : 0;
    }
    d->name = "windows-1252";
    d->width = ABG_WIDTH_BYTE;
    err = iconv_to_utf8(&d->utf8, ctx, "WINDOWS-1252", data, len, &bad);
    if (err == ABG_EPARSE)
        return abg_error(ctx, ABG_EPARSE,
                         "undecodable: byte 0x%02X at offset %zu is neither utf-8 nor "
                         "windows-1252, skipped",
                         u[bad], bad);
    if (err < 0)
        return err;
    /* C0 controls other than tab and line ends become spaces, byte for byte */
    for (i = 0; i < d->utf8.len; i++) {
        unsigned char c = (unsigned char)d->utf8.data[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            d->utf8.data[i] = ' ';
    }
    return 0;
}

/* Source bytes of the character at s (UTF-8, well-formed). */
static size_t char_width(const decoded *d, const unsigned char *s, size_t *len)
{
    size_t k = abg_utf8_seqlen(s, 4);

    if (k == 0)
        k = 1;
    *len = k;
    switch (d->width) {
    case ABG_WIDTH_BYTE:
        return 1;
    case ABG_WIDTH_UTF16:
        return k == 4 ? 4 : 2;
    default:
        return k;
    }
}

/* Source bytes of the decoded text d[from, to), whole characters. */
static uint64_t source_width(const decoded *d, size_t from, size_t to)
{
    uint64_t w = 0;
    size_t i, k;

    if (d->width == ABG_WIDTH_UTF8)
        return to - from; /* a character is as long in the source */
    for (i = from; i < to; i += k)
        w += char_width(d, (const unsigned char *)d->utf8.data + i, &k);
    return w;
}

typedef struct {
    const char *s; /* start of line content */
    size_t len;    /* without the line end */
    size_t next;   /* offset of the next line in the decoded text */
} text_line;

/* The line starting at `pos` of the decoded text; line ends are "\n",
 * "\r\n" and a lone "\r". */
static text_line line_at(const abg_buf *t, size_t pos)
{
    text_line l;
    const char *nl = memchr(t->data + pos, '\n', t->len - pos);
    size_t i = nl ? (size_t)(nl - t->data) : t->len;
    const char *cr = memchr(t->data + pos, '\r', i - pos);

    if (cr)
        i = (size_t)(cr - t->data);
    l.s = t->data + pos;
    l.len = i - pos;
    if (i < t->len && t->data[i] == '\r' && i + 1 < t->len && t->data[i + 1] == '\n')
        i += 2;
    else if (i < t->len)
        i++;
    l.next = i;
    return l;
}

static bool line_is(const text_line *l, const char *s)
{
    size_t n = strlen(s), len = l->len;

    while (len > n && (l->s[len - 1] == ' ' || l->s[len - 1] == '\t'))
        len--;
    return len == n && !memcmp(l->s, s, n);
}

/* Set a front matter field from "key: value" (value maybe quoted). */
static int front_matter_field(abg_doc *doc, const text_line *l)
{
    const char *colon = memchr(l->s, ':', l->len);
    const char *v, *e;
    size_t klen;

    if (!colon)
        return 0;
    klen = (size_t)(colon - l->s);
    v = colon + 1;
    e = l->s + l->len;
    while (v < e && (*v == ' ' || *v == '\t'))
        v++;
    while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    if (e - v >= 2 && ((*v == '"' && e[-1] == '"') || (*v == '\'' && e[-1] == '\''))) {
        v++;
        e--;
    }
#define KEY(k) (klen == sizeof(k) - 1 && !memcmp(l->s, k, klen))
    if (KEY("title") || KEY("titel"))
        return abg_doc_set_field(&doc->title, v, (size_t)(e - v));
    if (KEY("source") || KEY("quelle") || KEY("publisher") || KEY("outlet"))
        return abg_doc_set_field(&doc->source, v, (size_t)(e - v));
    if (KEY("published") || KEY("date") || KEY("datum")) {
        char *iso = abg_ingest_date_iso(v, (size_t)(e - v));
        if (iso) {
            free(doc->published);
            doc->published = iso;
        }
    }
#undef KEY
    return 0;
}

/* A leading block "---" / "key: value" lines / "---" carries metadata.
 * Returns the offset where the body starts (0 when there is none). */
static size_t front_matter(abg_doc *doc, const abg_buf *t, uint32_t *lines)
{
    text_line l = line_at(t, 0);
    size_t pos;
    uint32_t n;

    if (!line_is(&l, "---"))
        return 0;
    for (n = 1, pos = l.next; pos < t->len && n < FRONT_MATTER_MAX_LINES; n++) {
        l = line_at(t, pos);
        if (line_is(&l, "---") || line_is(&l, "...")) {
            text_line m = line_at(t, 0);
            /* second pass: now that it is known to be front matter */
            for (pos = m.next; pos < (size_t)(l.s - t->data); pos = m.next) {
                m = line_at(t, pos);
                if (front_matter_field(doc, &m) < 0)
                    return 0;
            }
            *lines = n + 1;
            return l.next;
        }
        pos = l.next;
    }
    return 0;
}

/* Without metadata, a short first line that does not end like a sentence
 * is the headline. */
static int guess_title(abg_doc *doc)
{
    const char *t = doc->text.data, *nl;
    size_t len;

    if (!t || !*t)
        return 0;
    nl = strchr(t, '\n');
    len = nl ? (size_t)(nl - t) : strlen(t);
    if (len == 0 || len > TITLE_MAX_BYTES || strchr(".,;:", t[len - 1]))
        return 0;
    return abg_doc_set_field(&doc->title, t, len);
}

static int ingest_text(abg_doclist *list, abg_ctx *ctx, const abg_ingest *ing,
                       const char *path, const char *data, size_t len)
{
    decoded d = {ABG_BUF_INIT, NULL, 0, ABG_WIDTH_UTF8};
    abg_doc *doc = NULL;
    uint64_t src;
    uint32_t lineno = 1, skipped = 0;
    size_t pos, body;
    int err;

    if ((err = decode_text(&d, ctx, data, len)) < 0)
        goto done;
    if ((err = abg_doc_new(&doc, path, path, "text", ABG_MAP_FILE)) < 0) {
        err = abg_error_oom(ctx);
        goto done;
    }
    doc->width = d.width;
    if (!(doc->encoding = abg_strdup(d.name))) {
        err = abg_error_oom(ctx);
        goto done;
    }
    body = front_matter(doc, &d.utf8, &skipped);
    src = d.bom;
    /* source bytes of the skipped front matter */
    src += source_width(&d, 0, body);
    pos = body;
    lineno += skipped;
    while (pos < d.utf8.len) {
        text_line l = line_at(&d.utf8, pos);
        if ((err = abg_doc_append(doc, l.s, l.len, lineno, 1, src)) < 0 ||
            (err = abg_doc_newline(doc)) < 0) {
            err = abg_error(ctx, err, "text too large");
            goto done;
        }
        src += source_width(&d, pos, l.next);
        pos = l.next;
        lineno++;
    }
    if ((err = abg_ingest_finish_doc(doc, ctx, ing)) < 0)
        goto done;
    if (!doc->title && (err = guess_title(doc)) < 0)
        goto done;
    if (!doc->source && !(doc->source = abg_ingest_path_stem(path))) {
        err = abg_error_oom(ctx);
        goto done;
    }
    err = abg_doclist_add(list, doc);
    doc = NULL;
    if (err < 0)
        err = abg_error_oom(ctx);
done:
    abg_doc_free(doc);
    abg_buf_dispose(&d.utf8);
    return err;
}

/* ------------------------------------------------------------------ */
/* Formats and the entry points                                        */

typedef enum { FMT_TEXT, FMT_HTML, FMT_FEED } file_format;

static bool starts_ci(const char *s, size_t n, const char *prefix)
{
    size_t len = strlen(prefix);
    return len <= n && abg_ascii_ieq_n(s, len, prefix, false);
}

/* Guess the format of data without a telling extension. */
static file_format sniff(const char *data, size_t len)
{
    size_t i = 0, n;

    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i >= len || data[i] != '<')
        return FMT_TEXT;
    n = len - i < 1024 ? len - i : 1024;
    if (starts_ci(data + i, n, "<!doctype html") || starts_ci(data + i, n, "<html"))
        return FMT_HTML;
    for (; n > 5; i++, n--) {
        if (data[i] != '<')
            continue;
        if (starts_ci(data + i, n, "<rss") || starts_ci(data + i, n, "<feed") ||
            starts_ci(data + i, n, "<rdf:rdf"))
            return FMT_FEED;
        if (starts_ci(data + i, n, "<html") || starts_ci(data + i, n, "<head") ||
            starts_ci(data + i, n, "<body"))
            return FMT_HTML;
    }
    return FMT_TEXT;
}

static file_format format_of(const char *path, const char *data, size_t len)
{
    char inner[4096];
    const char *gz = gz_inner_ext(path, inner, sizeof inner);
    const char *ext = gz ? gz : path_ext(path);

    if (ext_in(ext, html_exts))
        return FMT_HTML;
    if (ext_in(ext, feed_exts))
        return FMT_FEED;
    if (ext_in(ext, text_exts))
        return FMT_TEXT;
    return sniff(data, len);
}

int abg_ingest_buffer(abg_doclist **out, abg_ctx *ctx, const abg_ingest *ing, const char *path,
                      const char *data, size_t len)
{
    abg_doclist *list = NULL;
    int err;

    *out = NULL;
    if (abg_doclist_new(&list) < 0)
        return abg_error_oom(ctx);
    switch (format_of(path, data, len)) {
    case FMT_HTML:
        err = abg_ingest_html(list, ctx, ing, path, data, len);
        break;
    case FMT_FEED:
        err = abg_ingest_feed(list, ctx, ing, path, data, len);
        break;
    default:
        err = ingest_text(list, ctx, ing, path, data, len);
        break;
    }
    if (err < 0) {
        abg_doclist_free(list);
        return err;
    }
    *out = list;
    return 0;
}

/* Bytes looked at to tell binary data from text. */
#define SNIFF_BYTES 65536

/* Refuse data that is no text in any encoding we read (an image, an
 * archive other than gzip, a program): NUL bytes without a UTF-16 byte
 * order mark, or more than one byte in 32 a control character other than
 * tab, line feed, vertical tab, form feed, carriage return and escape,
 * in its first SNIFF_BYTES. Windows-1252 text has neither. */
static int refuse_binary(abg_ctx *ctx, const char *data, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;
    size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES, i, ctl = 0;

    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return 0; /* UTF-16: decoded and checked as text */
    if (memchr(data, '\0', len))
        return abg_error(ctx, ABG_EPARSE, "binary file (NUL bytes), skipped");
    for (i = 0; i < n; i++)
        ctl += u[i] < 0x20 && !(u[i] >= '\t' && u[i] <= '\r') && u[i] != 0x1B;
    if (ctl * 32 > n)
        return abg_error(ctx, ABG_EPARSE, "binary file (control bytes), skipped");
    return 0;
}

int abg_ingest_input(abg_doclist **out, abg_ctx *ctx, const abg_ingest *ing,
                     const abg_inputs *inputs, size_t i)
{
    abg_buf raw = ABG_BUF_INIT;
    const input *in;
    int err;

    *out = NULL;
    if (!inputs || i >= inputs->count)
        return abg_error(ctx, ABG_EUSAGE, "no input %zu", i);
    in = &inputs->items[i];
    if ((err = read_input(&raw, ctx, ing, in)) < 0)
        goto done;
    /* gzip, by its magic bytes whatever the name: read what it holds */
    if (abg_is_gzip(raw.data, raw.len)) {
        abg_buf plain = ABG_BUF_INIT;
        if ((err = abg_gunzip(&plain, ctx, raw.data, raw.len, ing->max_file_size)) < 0) {
            abg_buf_dispose(&plain);
            goto done;
        }
        abg_buf_dispose(&raw);
        raw = plain;
    }
    if ((err = refuse_binary(ctx, raw.data, raw.len)) < 0)
        goto done;
    err = abg_ingest_buffer(out, ctx, ing, in->path, raw.data ? raw.data : "", raw.len);
done:
    abg_buf_dispose(&raw);
    return err;
}

/* ------------------------------------------------------------------ */
/* Boilerplate rules                                                   */

typedef struct {
    const abg_ingest *ing;
    abg_regex_scratch *scratch;
} filter_state;

/* A line is boilerplate when it is short, holds no digit (a line with a
 * figure may carry a fact) and a rule matches all of it. */
static bool is_boilerplate(const char *line, size_t len, const void *payload)
{
    const filter_state *fs = payload;
    size_t i;

    if (len > ABG_BOILERPLATE_MAX_LINE)
        return false;
    for (i = 0; i < len; i++)
        if (line[i] >= '0' && line[i] <= '9')
            return false;
    for (i = 0; i < fs->ing->nrules; i++) {
        abg_regex_match m;
        if (abg_regex_search(&m, NULL, fs->ing->rules[i], fs->scratch, line, len, 0) == 1)
            return true;
    }
    return false;
}

int abg_ingest_finish_doc(abg_doc *doc, abg_ctx *ctx, const abg_ingest *ing)
{
    filter_state fs = {ing, NULL};
    int err;

    if (ing->nrules && abg_ctx_scratch(ctx, &fs.scratch) < 0)
        return abg_error_oom(ctx);
    err = abg_doc_finish(doc, ing->nrules ? is_boilerplate : NULL, &fs);
    abg_ctx_scratch_done(ctx, fs.scratch);
    if (err < 0)
        return abg_error(ctx, err, "text too large");
    return 0;
}

static int add_rule(abg_ingest *ing, abg_regex *re)
{
    abg_regex **p = realloc(ing->rules, (ing->nrules + 1) * sizeof *p);

    if (!p)
        return ABG_ENOMEM;
    ing->rules = p;
    ing->rules[ing->nrules++] = re;
    return 0;
}

/* One pattern a line; '#' starts a comment line; blank lines are skipped.
 * Each pattern must match a whole (trimmed) line, ignoring case. */
static int load_rules(abg_ingest *ing, abg_ctx *ctx, const char *path)
{
    abg_buf raw = ABG_BUF_INIT;
    abg_regex *re = NULL;
    input in = {(char *)path, INPUT_FILE};
    size_t pos = 0;
    unsigned lineno = 0;
    int err;

    if ((err = read_input(&raw, ctx, ing, &in)) < 0) {
        err = abg_error(ctx, ABG_EUSAGE, "%s: %s", path, abg_ctx_message(ctx));
        goto done;
    }
    if (abg_utf8_check(raw.data ? raw.data : "", raw.len) != raw.len) {
        err = abg_error(ctx, ABG_EUSAGE, "%s: not valid utf-8", path);
        goto done;
    }
    while (pos < raw.len) {
        char *nl = memchr(raw.data + pos, '\n', raw.len - pos);
        size_t end = nl ? (size_t)(nl - raw.data) : raw.len;
        size_t a = pos, b = end;
        lineno++;
        pos = nl ? end + 1 : raw.len;
        while (a < b && (raw.data[a] == ' ' || raw.data[a] == '\t'))
            a++;
        while (b > a && (raw.data[b - 1] == ' ' || raw.data[b - 1] == '\t' ||
                         raw.data[b - 1] == '\r'))
            b--;
        if (a == b || raw.data[a] == '#')
            continue;
        raw.data[b] = '\0';
        if ((err = abg_regex_new(&re, ctx, raw.data + a, ABG_RE_FULL | ABG_RE_CASELESS)) < 0) {
            if (err != ABG_ENOMEM)
                err = abg_error(ctx, ABG_EUSAGE, "%s:%u: %s", path, lineno,
                                abg_ctx_message(ctx));
            goto done;
        }
        if ((err = add_rule(ing, re)) < 0) {
            abg_regex_free(re);
            err = abg_error_oom(ctx);
            goto done;
        }
    }
done:
    abg_buf_dispose(&raw);
    return err;
}

int abg_ingest_new(abg_ingest **out, abg_ctx *ctx, const abg_ingest_options *opts)
{
    abg_ingest *ing = calloc(1, sizeof *ing);
    int err = 0;

    *out = NULL;
    if (!ing)
        return abg_error_oom(ctx);
    ing->max_file_size = opts && opts->max_file_size ? opts->max_file_size
                                                      : ABG_DEFAULT_MAX_FILE_SIZE;
    if (opts && opts->boilerplate_path &&
        (err = load_rules(ing, ctx, opts->boilerplate_path)) < 0) {
        abg_ingest_free(ing);
        return err;
    }
    *out = ing;
    return 0;
}

void abg_ingest_free(abg_ingest *ing)
{
    size_t i;

    if (!ing)
        return;
    for (i = 0; i < ing->nrules; i++)
        abg_regex_free(ing->rules[i]);
    free(ing->rules);
    free(ing);
}

char *abg_ingest_path_stem(const char *path)
{
    const char *base = strrchr(path, '/');
    const char *dot;

    char *stem, *safe;

    base = base ? base + 1 : path;
    dot = strrchr(base, '.');
    if (!dot || dot == base)
        dot = base + strlen(base);
    if (!(stem = abg_strndup(base, (size_t)(dot - base))))
        return NULL;
    safe = abg_name_escape(stem);
    free(stem);
    return safe;
}
