/*
 * story.c: stories and copies from document signatures.
 *
 * In:  documents (id, publication day, signature), an optional background
 *      of document frequencies (rules/background.de), options.
 * Out: an abg_stories (abg_stories_free): each document's story, the
 *      document it is a copy of, and the similarity of any two.
 *
 * Everything is done in one canonical order of the documents (day, undated
 * last; then id in byte order), stems are numbered in that order too, and
 * every sum runs in it, so the result does not depend on the input order.
 *
 * Copies: MinHash sketches are cut into LSH_BANDS bands of LSH_ROWS
 * values; documents with an equal band are candidates, and a candidate
 * pair is a copy when the shorter text shares at least opts.copy of its
 * 4-grams with the other (estimated from the share of equal values and the
 * shingle counts; see is_copy), so that an agency text with a headline of
 * its own and an added sentence is still a copy. Within
 * one band bucket each document is compared with the bucket's first
 * document and its LSH_NEAR predecessors, so a bucket of a thousand
 * identical wire texts costs a thousand comparisons, not half a million.
 * Copies are joined by union-find into clusters whose root is the earliest
 * member: the original.
 *
 * Stories: single-pass clustering, as topic detection and tracking systems
 * do it. Each document in canonical order is compared with the stories it
 * shares one of its QUERY_TERMS highest-weighted stems with (an inverted
 * index from each story's top stems to the stories; each posting list is
 * read only for its POSTING_MAX latest stories, so the cost per document is
 * bounded), best CANDIDATES_MAX first; the score of a story is the larger
 * of the cosine to its centroid (the sum of its members' vectors, cut to
 * its CENTROID_TERMS heaviest stems) and the cosine to its RECENT latest
 * members, so that a story can drift as it develops; a member published
 * within a day of the document counts its cosine SAME_DAY_BOOST times
 * (two outlets' reports of one day). The document joins the
 * best story at or above the threshold whose latest dated document is
 * within the window (undated documents and stories ignore the window), else
 * it starts a story. A copy joins its original's story without changing
 * the centroid. Cost: O(n log n) for the sorts, O(n) for the rest; memory
 * O(n) (a one-document story shares its document's vector).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ctx.h"
#include "story.h"
#include "strset.h"
#include "utf8.h"

/* A background file larger than this is refused. */
#define BACKGROUND_MAX_SIZE ((size_t)64 << 20)

#define LSH_BANDS 16
#define LSH_ROWS 2 /* LSH_BANDS * LSH_ROWS == ABG_SIG_MINHASH */
/* The least estimated Jaccard similarity of a copy, whatever the share of
 * the shorter text the longer one holds: a teaser inside a long article
 * shares too few 4-grams for 32 values to tell. */
#define COPY_MIN_JACCARD 0.4
#define LSH_NEAR 4
#define COPY_MIN_SHINGLES 8

#define QUERY_TERMS 12
#define INDEX_TERMS 12
#define POSTED_MAX 48
#define POSTING_MAX 64
#define CANDIDATES_MAX 32
#define CENTROID_TERMS 64
#define RECENT 3

/* ---- a table of stems: open addressing over borrowed or pooled bytes ---- */

typedef struct {
    const char *s; /* NULL: empty */
    uint32_t len;
    uint32_t value;
} stem_slot;

typedef struct {
    stem_slot *slots;
    size_t cap, count;
} stem_table;

static stem_slot *stem_find(const stem_table *t, const char *s, size_t len)
{
    size_t i = (size_t)abg_mix64(abg_hash(s, len)) & (t->cap - 1);

    while (t->slots[i].s && (t->slots[i].len != len || memcmp(t->slots[i].s, s, len) != 0))
        i = (i + 1) & (t->cap - 1);
    return &t->slots[i];
}

/* Room for `more` new stems at most half full. */
static int stem_reserve(stem_table *t, size_t more)
{
    size_t cap = 64, i;
    stem_table bigger;

    if (2 * (t->count + more) < t->cap)
        return 0;
    while (cap <= 2 * (t->count + more))
        cap *= 2;
    if (!(bigger.slots = calloc(cap, sizeof *bigger.slots)))
        return ABG_ENOMEM;
    bigger.cap = cap;
    bigger.count = t->count;
    for (i = 0; i < t->cap; i++)
        if (t->slots[i].s)
            *stem_find(&bigger, t->slots[i].s, t->slots[i].len) = t->slots[i];
    free(t->slots);
    *t = bigger;
    return 0;
}

/* ---- background ---------------------------------------------------------- */

struct abg_background {
    uint64_t documents;
    char *bytes;      /* the file, with a NUL after each stem */
    stem_table stems; /* value: the count */
};

uint64_t abg_background_documents(const abg_background *bg)
{
    return bg ? bg->documents : 0;
}

double abg_background_share(const abg_background *bg, const char *stem, size_t len)
{
    const stem_slot *sl;

    if (!bg || !bg->stems.cap)
        return 0.0;
    sl = stem_find(&bg->stems, stem, len);
    return sl->s ? (double)sl->value / (double)bg->documents : 0.0;
}

void abg_background_free(abg_background *bg)
{
    if (!bg)
        return;
    free(bg->bytes);
    free(bg->stems.slots);
    free(bg);
}

/* A decimal number s[0..n) without sign; false when there is none or it
 * exceeds max. */
static bool parse_count(uint64_t *out, const char *s, size_t n, uint64_t max)
{
    uint64_t v = 0;
    size_t i;

    if (!n)
        return false;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        if (v > (max - (uint64_t)(s[i] - '0')) / 10)
            return false;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    *out = v;
    return true;
}

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* The fields of line s[0..n): at most 3 (the third means too many). */
static size_t split_fields(const char **f, size_t *flen, char *s, size_t n)
{
    size_t i = 0, k = 0;

    while (k < 3) {
        size_t start;
        while (i < n && blank(s[i]))
            i++;
        if (i == n)
            break;
        start = i;
        while (i < n && !blank(s[i]))
            i++;
        f[k] = s + start;
        flen[k++] = i - start;
        if (i < n)
            s[i++] = '\0'; /* a stem is used as a C string for nothing, but cheap */
    }
    return k;
}

int abg_background_load(abg_background **out, abg_ctx *ctx, const char *path)
{
    abg_background *bg = calloc(1, sizeof *bg);
    abg_buf raw = ABG_BUF_INIT;
    const char *prev = NULL;
    size_t prev_len = 0, lines = 0, off, i;
    unsigned lineno = 0;
    int err;

    *out = NULL;
    if (!bg)
        return abg_error_oom(ctx);
    if ((err = abg_buf_read_file(&raw, ctx, path, BACKGROUND_MAX_SIZE)) < 0) {
        if (err != ABG_ENOMEM)
            err = abg_error(ctx, ABG_EUSAGE, "%s", abg_ctx_message(ctx));
        goto done;
    }
    for (i = 0; i < raw.len; i++)
        lines += raw.data[i] == '\n';
    if ((err = stem_reserve(&bg->stems, lines + 1)) < 0) {
        err = abg_error_oom(ctx);
        goto done;
    }
    bg->bytes = abg_buf_detach(&raw);
    if (!bg->bytes) {
        err = abg_error_oom(ctx);
        goto done;
    }
    for (off = 0; bg->bytes[off];) {
        char *line = bg->bytes + off;
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line), nf;
        const char *f[3];
        size_t flen[3];
        uint64_t count;
        stem_slot *sl;

        off += n + (nl ? 1 : 0);
        lineno++;
        if (nl)
            *nl = '\0';
        if (abg_utf8_check(line, n) != n) {
            err = abg_error(ctx, ABG_EUSAGE, "%s:%u: invalid UTF-8", path, lineno);
            goto done;
        }
        for (i = 0; i < n && blank(line[i]); i++)
            ;
        if (i == n || line[i] == '#')
            continue;
        nf = split_fields(f, flen, line, n);
        if (nf == 2 && flen[0] == 9 && !memcmp(f[0], "documents", 9)) {
            if (bg->documents) {
                err = abg_error(ctx, ABG_EUSAGE, "%s:%u: second 'documents' line", path, lineno);
                goto done;
            }
            if (!parse_count(&bg->documents, f[1], flen[1], UINT32_MAX) || !bg->documents) {
                err = abg_error(ctx, ABG_EUSAGE, "%s:%u: bad document count '%.*s'", path, lineno,
                                (int)flen[1], f[1]);
                goto done;
            }
            continue;
        }
        if (nf != 2) {
            err = abg_error(ctx, ABG_EUSAGE, "%s:%u: expected 'STEM COUNT'", path, lineno);
            goto done;
        }
        if (!bg->documents) {
            err = abg_error(ctx, ABG_EUSAGE, "%s:%u: stem before the 'documents' line", path,
                            lineno);
            goto done;
        }
        if (!parse_count(&count, f[1], flen[1], bg->documents) || !count) {
            err = abg_error(ctx, ABG_EUSAGE,
                            "%s:%u: count '%.*s' is not between 1 and the %llu documents", path,
                            lineno, (int)flen[1], f[1], (unsigned long long)bg->documents);
            goto done;
        }
        if (prev) {
            size_t m = prev_len < flen[0] ? prev_len : flen[0];
            int c = memcmp(prev, f[0], m);
            if (c > 0 || (c == 0 && prev_len >= flen[0])) {
                err = abg_error(ctx, ABG_EUSAGE, "%s:%u: stem '%.*s' out of byte order", path,
                                lineno, (int)flen[0], f[0]);
                goto done;
            }
        }
        prev = f[0];
        prev_len = flen[0];
        sl = stem_find(&bg->stems, f[0], flen[0]);
        sl->s = f[0];
        sl->len = (uint32_t)flen[0];
        sl->value = (uint32_t)count;
        bg->stems.count++;
    }
    if (!bg->documents) {
        err = abg_error(ctx, ABG_EUSAGE, "%s: no 'documents' line", path);
        goto done;
    }
    *out = bg;
    bg = NULL;
    err = 0;
done:
    abg_buf_dispose(&raw);
    abg_background_free(bg);
    return err;
}

/* ---- stories ------------------------------------------------------------- */

typedef struct {
    uint32_t id; /* stem number */
    float w;
} term;

typedef struct {
    term *cent; /* the centroid sum, by stem number; owned when owned */
    uint32_t ncent;
    bool owned;
    double norm;           /* L2 norm of cent */
    size_t recent[RECENT]; /* input indices of the latest members, a ring */
    uint32_t nrecent;
    double latest;               /* the latest dated member's day, or NAN */
    bool published;              /* a member has a publication day */
    double earliest;             /* the earliest, or NAN */
    uint32_t posted[POSTED_MAX]; /* stems it is in the index under */
    uint32_t nposted;
} story;

typedef struct {
    uint32_t *ids; /* story numbers, oldest first */
    uint32_t n, cap;
} posting;

struct abg_stories {
    size_t n, nstories;
    size_t *story;   /* by input index */
    size_t *copy_of; /* by input index */
    term *terms;     /* the documents' vectors, one after the other */
    size_t *voff;    /* by input index, n + 1 */
};

void abg_stories_free(abg_stories *st)
{
    if (!st)
        return;
    free(st->story);
    free(st->copy_of);
    free(st->terms);
    free(st->voff);
    free(st);
}

size_t abg_stories_count(const abg_stories *st)
{
    return st->nstories;
}

size_t abg_stories_story(const abg_stories *st, size_t i)
{
    return st->story[i];
}

size_t abg_stories_copy_of(const abg_stories *st, size_t i)
{
    return st->copy_of[i];
}

/* When a document is matched against a story, the largest single stem's
 * share of the cosine counts half: one shared name (the company of two
 * unrelated stories) does not link two documents on its own. */
#define ONE_STEM_SHARE 0.5

/* A document or story without a date needs this many times the threshold:
 * without the time window, two reports of one kind of event (two emergency
 * landings, two primaries) are as alike as two reports of one event. */
#define UNDATED_FACTOR 2.0

/* Two reports published within SAME_DAYS of each other are compared with
 * their similarity raised by this factor: on one day, two outlets that
 * share a few rare stems report one event far more often than two. */
#define SAME_DAYS 1.0
#define SAME_DAY_BOOST 1.5

/* The cosine of two unit vectors, and in *top the largest single
 * product. */
static double dot(const term *a, size_t na, const term *b, size_t nb, double *top_out)
{
    size_t i = 0, j = 0;
    double s = 0, top = 0;

    while (i < na && j < nb) {
        if (a[i].id < b[j].id)
            i++;
        else if (a[i].id > b[j].id)
            j++;
        else {
            double x = (double)a[i++].w * (double)b[j++].w;
            s += x;
            if (x > top)
                top = x;
        }
    }
    *top_out = top;
    return s;
}

static double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

double abg_stories_similarity(const abg_stories *st, size_t i, size_t j)
{
    double top;

    return clamp01(dot(st->terms + st->voff[i], st->voff[i + 1] - st->voff[i],
                       st->terms + st->voff[j], st->voff[j + 1] - st->voff[j], &top));
}

/* A document's place in the canonical order: dated documents by day, then
 * undated ones; within that by id in byte order; the input index only for
 * equal ids. */
typedef struct {
    double day;
    const char *id;
    size_t i;
} canon;

static int cmp_canonical(const void *pa, const void *pb)
{
    const canon *x = pa, *y = pb;
    bool xd = !isnan(x->day), yd = !isnan(y->day);
    int c;

    if (xd != yd)
        return xd ? -1 : 1;
    if (xd && x->day != y->day)
        return x->day < y->day ? -1 : 1;
    if ((c = strcmp(x->id, y->id)) != 0)
        return c;
    return (x->i > y->i) - (x->i < y->i);
}

static int cmp_term_id(const void *pa, const void *pb)
{
    const term *a = pa, *b = pb;

    return (a->id > b->id) - (a->id < b->id);
}

static int cmp_term_weight(const void *pa, const void *pb)
{
    const term *a = pa, *b = pb;

    if (a->w != b->w)
        return a->w > b->w ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

typedef struct {
    abg_stories *st;
    const abg_story_doc *docs;
    const abg_story_options *o;
    size_t *order; /* canonical position -> input index */
    size_t nstems;
    story *stories;
    posting *postings; /* by stem number */
    float *dense;      /* the current document's weights, by stem number */
    uint32_t *stamp;   /* by story: the document (position + 1) that saw it */
    float *acc;        /* by story: shared query weight */
    uint32_t *cands;
    size_t built; /* stories made (before refine numbers them again) */
} run;

/* ---- vectors ---- */

static int make_vectors(run *r, const abg_background *bg)
{
    abg_stories *st = r->st;
    stem_table stems = {NULL, 0, 0};
    uint32_t *df = NULL;
    double *idf = NULL;
    size_t total = 0, i, k, p;
    int err = ABG_ENOMEM;

    for (i = 0; i < st->n; i++)
        total += r->docs[i].sig ? r->docs[i].sig->n : 0;
    if (stem_reserve(&stems, total) < 0 || !(df = calloc(total + 1, sizeof *df)) ||
        !(st->terms = malloc((total + 1) * sizeof *st->terms)) ||
        !(st->voff = malloc((st->n + 1) * sizeof *st->voff)))
        goto done;
    /* number the stems in canonical order */
    for (p = 0; p < st->n; p++) {
        const abg_signature *sig = r->docs[r->order[p]].sig;
        for (k = 0; sig && k < sig->n; k++) {
            const char *s = sig->stems[k];
            stem_slot *sl = stem_find(&stems, s, strlen(s));
            if (!sl->s) {
                sl->s = s;
                sl->len = (uint32_t)strlen(s);
                sl->value = (uint32_t)stems.count++;
            }
            df[sl->value]++; /* a stem listed twice counts twice; harmless */
        }
    }
    r->nstems = stems.count;
    if (!(idf = malloc((stems.count + 1) * sizeof *idf)))
        goto done;
    for (k = 0; k < stems.cap; k++) {
        const stem_slot *sl = &stems.slots[k];
        double x;
        if (!sl->s)
            continue;
        x = log(((double)st->n + ABG_BACKGROUND_WEIGHT) /
                ((double)df[sl->value] +
                 ABG_BACKGROUND_WEIGHT * abg_background_share(bg, sl->s, sl->len) + 0.5));
        idf[sl->value] = x > 0 ? x : 0;
    }
    /* each document's vector, by input index */
    total = 0;
    for (i = 0; i < st->n; i++) {
        const abg_signature *sig = r->docs[i].sig;
        term *v = st->terms + total;
        size_t m = 0;
        double norm = 0;
        st->voff[i] = total;
        for (k = 0; sig && k < sig->n; k++) {
            const char *s = sig->stems[k];
            const stem_slot *sl = stem_find(&stems, s, strlen(s));
            double c = sig->counts[k] ? (double)sig->counts[k] : 1.0;
            v[m].id = sl->value;
            v[m++].w = (float)((1.0 + log(c)) * idf[sl->value]);
        }
        if (m > 1)
            qsort(v, m, sizeof *v, cmp_term_id);
        /* merge a stem listed twice; drop zero weights */
        for (k = 0, p = 0; k < m; k++) {
            if (p && v[p - 1].id == v[k].id)
                v[p - 1].w += v[k].w;
            else
                v[p++] = v[k];
        }
        for (k = 0, m = 0; k < p; k++)
            if (v[k].w > 0)
                v[m++] = v[k];
        for (k = 0; k < m; k++)
            norm += (double)v[k].w * v[k].w;
        norm = sqrt(norm);
        for (k = 0; k < m; k++)
            v[k].w = (float)(v[k].w / norm);
        total += m;
    }
    st->voff[st->n] = total;
    err = 0;
done:
    free(stems.slots);
    free(df);
    free(idf);
    return err;
}

/* ---- copies ---- */

static size_t find_root(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

typedef struct {
    uint64_t key;
    size_t pos; /* canonical position */
} band_key;

static int cmp_band(const void *pa, const void *pb)
{
    const band_key *a = pa, *b = pb;

    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return (a->pos > b->pos) - (a->pos < b->pos);
}

/* A copy: the shorter text's share of 4-grams found in the other
 * (containment, estimated from the Jaccard estimate J and the shingle
 * counts: |A and B| = J (|A| + |B|) / (1 + J)) reaches `copy`. An agency
 * text with another headline and an added sentence is still a copy. */
static bool is_copy(const abg_signature *a, const abg_signature *b, double copy)
{
    unsigned equal = 0, k;
    double j, both, shorter;

    for (k = 0; k < ABG_SIG_MINHASH; k++)
        equal += a->minhash[k] == b->minhash[k];
    j = (double)equal / ABG_SIG_MINHASH;
    if (j < COPY_MIN_JACCARD - 1e-9)
        return false;
    both = j * ((double)a->shingles + b->shingles) / (1 + j);
    shorter = a->shingles < b->shingles ? a->shingles : b->shingles;
    return both >= copy * shorter - 1e-9;
}

static bool sketched(const abg_signature *sig)
{
    return sig && sig->shingles >= COPY_MIN_SHINGLES;
}

static int find_copies(run *r)
{
    abg_stories *st = r->st;
    band_key *keys = NULL;
    size_t *parent = NULL, nk = 0, p, i, b, k;

    for (i = 0; i < st->n; i++)
        st->copy_of[i] = SIZE_MAX;
    if (st->n < 2)
        return 0;
    if (!(keys = malloc(st->n * LSH_BANDS * sizeof *keys)) ||
        !(parent = malloc(st->n * sizeof *parent))) {
        free(keys);
        return ABG_ENOMEM;
    }
    for (p = 0; p < st->n; p++) {
        const abg_signature *sig = r->docs[r->order[p]].sig;
        parent[p] = p;
        if (!sketched(sig))
            continue;
        for (b = 0; b < LSH_BANDS; b++) {
            uint64_t h = abg_mix64(b + 1);
            for (k = 0; k < LSH_ROWS; k++)
                h = abg_mix64(h ^ sig->minhash[b * LSH_ROWS + k]);
            keys[nk].key = h;
            keys[nk++].pos = p;
        }
    }
    qsort(keys, nk, sizeof *keys, cmp_band);
    for (i = 0; i < nk;) {
        size_t end = i + 1, j;
        while (end < nk && keys[end].key == keys[i].key)
            end++;
        for (j = i + 1; j < end; j++) {
            const abg_signature *sj = r->docs[r->order[keys[j].pos]].sig;
            size_t back;
            /* the bucket's first, then the nearest predecessors */
            for (back = 0; back <= LSH_NEAR && back < j - i; back++) {
                size_t q = back ? j - back : i;
                size_t a, c;
                if (back && q == i)
                    break;
                a = find_root(parent, keys[q].pos);
                c = find_root(parent, keys[j].pos);
                if (a == c)
                    continue;
                if (is_copy(r->docs[r->order[keys[q].pos]].sig, sj, r->o->copy)) {
                    if (a < c)
                        parent[c] = a;
                    else
                        parent[a] = c;
                }
            }
        }
        i = end;
    }
    for (p = 0; p < st->n; p++) {
        size_t root = find_root(parent, p);
        if (root != p)
            st->copy_of[r->order[p]] = r->order[root];
    }
    free(keys);
    free(parent);
    return 0;
}

/* ---- single-pass clustering ---- */

static const term *vec(const run *r, size_t i, size_t *n)
{
    *n = r->st->voff[i + 1] - r->st->voff[i];
    return r->st->terms + r->st->voff[i];
}

/* The dot product of the current document (r->dense) with v, its
 * largest term counted half (see dot). */
static double dense_dot(const run *r, const term *v, size_t n)
{
    double s = 0, top = 0;
    size_t k;

    for (k = 0; k < n; k++) {
        double x = (double)r->dense[v[k].id] * v[k].w;
        s += x;
        if (x > top)
            top = x;
    }
    return s - ONE_STEM_SHARE * top;
}

static int post(run *r, uint32_t stem, uint32_t sid)
{
    posting *pl = &r->postings[stem];

    if (pl->n == pl->cap) {
        if (pl->n >= 2 * POSTING_MAX) {
            /* only the latest POSTING_MAX are ever read */
            memmove(pl->ids, pl->ids + pl->n - POSTING_MAX, POSTING_MAX * sizeof *pl->ids);
            pl->n = POSTING_MAX;
        } else {
            uint32_t cap = pl->cap ? pl->cap * 2 : 4;
            uint32_t *p = realloc(pl->ids, cap * sizeof *p);
            if (!p)
                return ABG_ENOMEM;
            pl->ids = p;
            pl->cap = cap;
        }
    }
    pl->ids[pl->n++] = sid;
    return 0;
}

/* Put story sid into the index under its INDEX_TERMS heaviest stems. */
static int index_story(run *r, uint32_t sid)
{
    story *s = &r->stories[sid];
    term top[CENTROID_TERMS];
    size_t n = s->ncent, k, j;
    int err;

    memcpy(top, s->cent, n * sizeof *top);
    qsort(top, n, sizeof *top, cmp_term_weight);
    for (k = 0; k < n && k < INDEX_TERMS && s->nposted < POSTED_MAX; k++) {
        for (j = 0; j < s->nposted && s->posted[j] != top[k].id; j++)
            ;
        if (j < s->nposted)
            continue;
        s->posted[s->nposted++] = top[k].id;
        if ((err = post(r, top[k].id, sid)) < 0)
            return err;
    }
    return 0;
}

/* Add document i's vector to story s's centroid and cut it to its
 * CENTROID_TERMS heaviest stems. */
static int grow_centroid(story *s, const term *v, size_t nv)
{
    term merged[CENTROID_TERMS + ABG_SIG_TERMS * 2];
    term *cent = s->cent;
    size_t a = 0, b = 0, m = 0, k;
    double norm = 0;

    if (nv > ABG_SIG_TERMS * 2)
        nv = ABG_SIG_TERMS * 2; /* hand-built signatures may be longer */
    while (a < s->ncent || b < nv) {
        if (b == nv || (a < s->ncent && cent[a].id < v[b].id))
            merged[m++] = cent[a++];
        else if (a == s->ncent || v[b].id < cent[a].id)
            merged[m++] = v[b++];
        else {
            merged[m] = cent[a++];
            merged[m++].w += v[b++].w;
        }
    }
    if (m > CENTROID_TERMS) {
        qsort(merged, m, sizeof *merged, cmp_term_weight);
        m = CENTROID_TERMS;
        qsort(merged, m, sizeof *merged, cmp_term_id);
    }
    if (!s->owned) {
        if (!(cent = malloc(CENTROID_TERMS * sizeof *cent)))
            return ABG_ENOMEM;
        s->cent = cent;
        s->owned = true;
    }
    memcpy(s->cent, merged, m * sizeof *merged);
    s->ncent = (uint32_t)m;
    for (k = 0; k < m; k++)
        norm += (double)merged[k].w * merged[k].w;
    s->norm = sqrt(norm);
    return 0;
}

static int new_story(run *r, size_t i, uint32_t *sid)
{
    story *s = &r->stories[r->st->nstories];
    size_t n;

    memset(s, 0, sizeof *s);
    s->cent = (term *)vec(r, i, &n);
    s->ncent = (uint32_t)(n > CENTROID_TERMS ? CENTROID_TERMS : n);
    if (n > CENTROID_TERMS) {
        /* only a hand-built signature is that long: cut it like a sum */
        s->cent = NULL;
        s->ncent = 0;
        if (grow_centroid(s, vec(r, i, &n), n) < 0)
            return ABG_ENOMEM;
    }
    s->norm = 1.0;
    s->recent[0] = i;
    s->nrecent = 1;
    s->latest = s->earliest = r->docs[i].day;
    s->published = !isnan(r->docs[i].day) && !r->docs[i].estimated;
    *sid = (uint32_t)r->st->nstories++;
    r->st->story[i] = *sid;
    return index_story(r, *sid);
}

/* The best story for document i (input index) at position p, or -1;
 * never story `skip` (or pass a value above every story). */
static long best_story(run *r, size_t i, size_t p, uint32_t skip)
{
    const abg_story_options *o = r->o;
    double day = r->docs[i].day, best = -1;
    term query[ABG_SIG_TERMS * 2];
    size_t nq, n, k, c, ncands = 0;
    const term *v = vec(r, i, &n);
    long choice = -1;

    nq = n < ABG_SIG_TERMS * 2 ? n : ABG_SIG_TERMS * 2;
    memcpy(query, v, nq * sizeof *query);
    qsort(query, nq, sizeof *query, cmp_term_weight);
    if (nq > QUERY_TERMS)
        nq = QUERY_TERMS;
    for (k = 0; k < nq; k++) {
        const posting *pl = &r->postings[query[k].id];
        uint32_t from = pl->n > POSTING_MAX ? pl->n - POSTING_MAX : 0, j;
        for (j = pl->n; j-- > from;) {
            uint32_t sid = pl->ids[j];
            if (r->stamp[sid] != p + 1) {
                r->stamp[sid] = (uint32_t)(p + 1);
                r->acc[sid] = 0;
                r->cands[ncands++] = sid;
            }
            r->acc[sid] += query[k].w;
        }
    }
    if (!ncands)
        return -1;
    /* best CANDIDATES_MAX by shared query weight (ties: older story) */
    for (c = 0; c < ncands && c < CANDIDATES_MAX; c++) {
        size_t m = c, j;
        uint32_t t;
        for (j = c + 1; j < ncands; j++)
            if (r->acc[r->cands[j]] > r->acc[r->cands[m]] ||
                (r->acc[r->cands[j]] == r->acc[r->cands[m]] && r->cands[j] < r->cands[m]))
                m = j;
        t = r->cands[c];
        r->cands[c] = r->cands[m];
        r->cands[m] = t;
    }
    if (ncands > CANDIDATES_MAX)
        ncands = CANDIDATES_MAX;
    for (k = 0; k < n; k++)
        r->dense[v[k].id] = v[k].w;
    for (c = 0; c < ncands; c++) {
        uint32_t sid = r->cands[c];
        const story *s = &r->stories[sid];
        double score, need;
        uint32_t m;
        if (sid == skip)
            continue;
        if (o->window > 0 && !isnan(day) && !isnan(s->latest) &&
            (day - s->latest > o->window || s->earliest - day > o->window))
            continue;
        score = s->norm > 0 ? dense_dot(r, s->cent, s->ncent) / s->norm : 0;
        for (m = 0; m < s->nrecent && m < RECENT; m++) {
            size_t nm;
            const term *mv = vec(r, s->recent[m], &nm);
            double x = dense_dot(r, mv, nm), md = r->docs[s->recent[m]].day;
            if (!isnan(day) && !isnan(md) && !r->docs[i].estimated &&
                !r->docs[s->recent[m]].estimated && fabs(day - md) <= SAME_DAYS)
                x *= SAME_DAY_BOOST;
            if (x > score)
                score = x;
        }
        /* without a date on either side, similar words are all there is
         * to go by: they must be twice as similar */
        need = isnan(day) || r->docs[i].estimated || !s->published
                   ? UNDATED_FACTOR * o->threshold
                   : o->threshold;
        if (score >= need && (score > best || (score == best && (long)sid < choice))) {
            best = score;
            choice = (long)sid;
        }
    }
    for (k = 0; k < n; k++)
        r->dense[v[k].id] = 0;
    return choice;
}

static int join_story(run *r, size_t i, uint32_t sid)
{
    story *s = &r->stories[sid];
    double day = r->docs[i].day;
    size_t n;
    const term *v = vec(r, i, &n);
    int err;

    r->st->story[i] = sid;
    s->published = s->published || (!isnan(day) && !r->docs[i].estimated);
    if (!isnan(day) && (isnan(s->latest) || day > s->latest))
        s->latest = day;
    if (!isnan(day) && (isnan(s->earliest) || day < s->earliest))
        s->earliest = day;
    if ((err = grow_centroid(s, v, n)) < 0)
        return err;
    s->recent[s->nrecent++ % RECENT] = i;
    return index_story(r, sid);
}

/* A second look at the documents left alone: the first of a story is
 * compared only with what came before it, so a document that opened a
 * story of its own may fit a story that grew after it. It joins the best
 * one now, and the stories are numbered again by their first documents. */
static int refine(run *r)
{
    abg_stories *st = r->st;
    uint32_t *size = NULL, *renum = NULL, next = 0;
    size_t p, i;
    int err = 0;

    if (!(size = calloc(st->nstories + 1, sizeof *size)) ||
        !(renum = malloc((st->nstories + 1) * sizeof *renum))) {
        free(size);
        return ABG_ENOMEM;
    }
    for (i = 0; i < st->n; i++)
        size[st->story[i]]++;
    for (p = 0; p < st->n && !err; p++) {
        long best;
        i = r->order[p];
        if (size[st->story[i]] != 1 || st->copy_of[i] != SIZE_MAX)
            continue;
        if ((best = best_story(r, i, st->n + p, (uint32_t)st->story[i])) < 0)
            continue;
        size[st->story[i]]--;
        size[best]++;
        err = join_story(r, i, (uint32_t)best);
    }
    r->built = st->nstories;
    for (i = 0; i <= st->nstories; i++)
        renum[i] = UINT32_MAX;
    for (p = 0; p < st->n; p++) {
        i = r->order[p];
        if (renum[st->story[i]] == UINT32_MAX)
            renum[st->story[i]] = next++;
        st->story[i] = renum[st->story[i]];
    }
    st->nstories = next;
    free(size);
    free(renum);
    return err;
}

static int cluster(run *r)
{
    abg_stories *st = r->st;
    size_t p;
    int err;

    if (!(r->stories = calloc(st->n, sizeof *r->stories)) ||
        !(r->postings = calloc(r->nstems + 1, sizeof *r->postings)) ||
        !(r->dense = calloc(r->nstems + 1, sizeof *r->dense)) ||
        !(r->stamp = calloc(st->n, sizeof *r->stamp)) ||
        !(r->acc = calloc(st->n, sizeof *r->acc)) ||
        !(r->cands = malloc((size_t)QUERY_TERMS * POSTING_MAX * sizeof *r->cands)))
        return ABG_ENOMEM;
    for (p = 0; p < st->n; p++) {
        size_t i = r->order[p], orig = st->copy_of[i];
        long best;
        uint32_t sid;
        if (orig != SIZE_MAX) {
            /* a copy: its original came earlier and has its story */
            story *s = &r->stories[st->story[orig]];
            double day = r->docs[i].day;
            st->story[i] = st->story[orig];
            s->published = s->published || (!isnan(day) && !r->docs[i].estimated);
            if (!isnan(day) && (isnan(s->latest) || day > s->latest))
                s->latest = day;
            if (!isnan(day) && (isnan(s->earliest) || day < s->earliest))
                s->earliest = day;
            continue;
        }
        best = best_story(r, i, p, UINT32_MAX);
        if (best >= 0)
            err = join_story(r, i, (uint32_t)best);
        else
            err = new_story(r, i, &sid);
        if (err < 0)
            return err;
    }
    return refine(r);
}

static void run_dispose(run *r)
{
    size_t k;

    if (r->stories)
        for (k = 0; k < (r->built ? r->built : r->st->nstories); k++)
            if (r->stories[k].owned)
                free(r->stories[k].cent);
    if (r->postings)
        for (k = 0; k < r->nstems + 1; k++)
            free(r->postings[k].ids);
    free(r->stories);
    free(r->postings);
    free(r->dense);
    free(r->stamp);
    free(r->acc);
    free(r->cands);
    free(r->order);
}

int abg_stories_new(abg_stories **out, abg_ctx *ctx, const abg_story_doc *docs, size_t n,
                    const abg_background *bg, const abg_story_options *opts)
{
    abg_story_options o = opts ? *opts : (abg_story_options)ABG_STORY_OPTIONS_INIT;
    abg_stories *st = NULL;
    canon *keys = NULL;
    run r;
    size_t i;
    int err = ABG_ENOMEM;

    *out = NULL;
    memset(&r, 0, sizeof r);
    if (!(o.threshold >= 0 && o.threshold <= 1))
        return abg_error(ctx, ABG_EUSAGE, "story threshold must lie between 0 and 1");
    if (!(o.window >= 0) || isinf(o.window))
        return abg_error(ctx, ABG_EUSAGE, "story window must be a number of days, 0 or more");
    if (!(o.copy > 0 && o.copy <= 1))
        return abg_error(ctx, ABG_EUSAGE, "copy similarity must lie above 0, at most 1");
    if (n >= UINT32_MAX)
        return abg_error(ctx, ABG_ELIMIT, "too many documents for one run of stories");
    if (!(st = calloc(1, sizeof *st)))
        return abg_error_oom(ctx);
    st->n = n;
    r.st = st;
    r.docs = docs;
    r.o = &o;
    if (!(st->story = calloc(n + 1, sizeof *st->story)) ||
        !(st->copy_of = calloc(n + 1, sizeof *st->copy_of)) ||
        !(r.order = malloc((n + 1) * sizeof *r.order)) || !(keys = malloc((n + 1) * sizeof *keys)))
        goto done;
    for (i = 0; i < n; i++) {
        keys[i].day = docs[i].day;
        keys[i].id = docs[i].doc ? docs[i].doc : "";
        keys[i].i = i;
    }
    qsort(keys, n, sizeof *keys, cmp_canonical);
    for (i = 0; i < n; i++)
        r.order[i] = keys[i].i;
    if ((err = make_vectors(&r, bg)) < 0 || (err = find_copies(&r)) < 0)
        goto done;
    if (o.all) {
        for (i = 0; i < n; i++)
            st->story[i] = 0;
        st->nstories = n ? 1 : 0;
    } else if ((err = cluster(&r)) < 0) {
        goto done;
    }
    *out = st;
    st = NULL;
    err = 0;
done:
    free(keys);
    run_dispose(&r);
    abg_stories_free(st);
    return err == ABG_ENOMEM ? abg_error_oom(ctx) : err;
}
