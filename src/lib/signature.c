/*
 * signature.c: a document's signature (abg_signature_make).
 *
 * In:  one document, the language resources (abbreviations for the
 *      tokenizer, stopwords) and the calling thread's stemmer.
 * Out: an abg_signature owned by the caller (abg_signature_dispose): the
 *      ABG_SIG_TERMS most frequent content stems with their counts, and a
 *      MinHash sketch of the word 4-grams of the body text.
 *
 * The stems say what a document is about (stories link documents by them,
 * see story.c); the sketch says how much of its wording it shares with
 * another document (copies). Both come from one pass over the tokens: each
 * word is folded and stemmed once (abg_stem, whose cache holds the stems of
 * recent words), and the folded form feeds the shingles too. Each
 * distinct token of a document is folded, hashed and stemmed once (a memo
 * keyed by its bytes), which roughly halves the calls into the stemmer.
 *
 * MinHash: each token is hashed (FNV-1a, then a 64-bit finaliser), four
 * consecutive token hashes are rotated by position, combined and mixed
 * into the shingle's hash h, and value k is the least top 32 bits of
 * (h ^ seed_k) * mult_k over all shingles (multiply-shift with an odd
 * multiplier per seed: h is already well mixed, and one multiplication a
 * value instead of a full finaliser halves the sketch's cost). The share of
 * equal values of two sketches estimates the Jaccard similarity of their
 * shingle sets with a standard error of at most 0.5 / sqrt(32) = 0.09.
 */
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "ctx.h"
#include "strset.h"
#include "text.h"

/* A content stem of the document being signed: where its bytes are in the
 * pool, and its count. */
typedef struct {
    uint32_t off, len;
    uint32_t count;
} stem_entry;

/* A distinct token of the document (its bytes as they stand in the text):
 * the hash of its folded form, for the shingles, and the stem slot it
 * counts into (NO_STEM: a number, a stopword, a short word or stem). Each
 * distinct token is folded and stemmed once per document. */
/* A hyphenated compound counts its first and last parts too
 * ("Gaza-Krieg" is also about Gaza and a Krieg, as "Krieg in Gaza" is). */
#define PARTS_MAX 2

typedef struct {
    const char *w; /* NULL: empty */
    uint32_t len;
    uint32_t stem;
    uint32_t part[PARTS_MAX]; /* NO_STEM when none */
    uint64_t hash;
} memo;

#define NO_STEM UINT32_MAX

typedef struct {
    stem_entry *stems; /* in order of first sight; memo.stem indexes it */
    size_t n;
    uint32_t *slots; /* open addressing by stem: index + 1; 0: empty */
    size_t cap;
    memo *seen; /* open addressing by token bytes */
    size_t scap, sn;
    abg_buf pool; /* the stems, each followed by a NUL */
    abg_buf fold; /* scratch: a folded token */
    uint32_t words;
    /* the last four token hashes, a ring, for the shingles */
    uint64_t ring[4];
    uint32_t ntok;
    uint32_t shingles;
    uint64_t seeds[ABG_SIG_MINHASH];
    uint64_t mults[ABG_SIG_MINHASH]; /* odd */
    uint32_t minhash[ABG_SIG_MINHASH];
} signer;

static size_t probe_stem(const signer *s, const uint32_t *slots, size_t cap, const char *stem,
                         size_t len)
{
    size_t i = (size_t)abg_mix64(abg_hash(stem, len)) & (cap - 1);
    const stem_entry *e;

    while (slots[i] && ((e = &s->stems[slots[i] - 1])->len != len ||
                        memcmp(s->pool.data + e->off, stem, len) != 0))
        i = (i + 1) & (cap - 1);
    return i;
}

static size_t probe_seen(const memo *m, size_t cap, uint64_t h, const char *w, size_t len)
{
    size_t i = (size_t)h & (cap - 1);

    while (m[i].w && (m[i].len != len || memcmp(m[i].w, w, len) != 0))
        i = (i + 1) & (cap - 1);
    return i;
}

/* Room for PARTS_MAX + 1 more stems and one more token, each table at most
 * half full. */
static int reserve(signer *s)
{
    size_t cap, j;

    if (2 * (s->n + 1 + PARTS_MAX) > s->cap) {
        uint32_t *p;
        stem_entry *e;
        cap = s->cap ? 2 * s->cap : 256;
        if (!(e = realloc(s->stems, cap / 2 * sizeof *e)))
            return ABG_ENOMEM;
        s->stems = e;
        if (!(p = calloc(cap, sizeof *p)))
            return ABG_ENOMEM;
        for (j = 0; j < s->n; j++)
            p[probe_stem(s, p, cap, s->pool.data + e[j].off, e[j].len)] = (uint32_t)j + 1;
        free(s->slots);
        s->slots = p;
        s->cap = cap;
    }
    if (2 * (s->sn + 1) > s->scap) {
        memo *m;
        cap = s->scap ? 2 * s->scap : 512;
        if (!(m = calloc(cap, sizeof *m)))
            return ABG_ENOMEM;
        for (j = 0; j < s->scap; j++) {
            const memo *o = &s->seen[j];
            if (o->w)
                m[probe_seen(m, cap, abg_mix64(abg_hash(o->w, o->len)), o->w, o->len)] = *o;
        }
        free(s->seen);
        s->seen = m;
        s->scap = cap;
    }
    return 0;
}

/* The index of a content stem in s->stems, added with count 0 when new. */
static int stem_index(signer *s, uint32_t *out, const char *stem, size_t len)
{
    size_t i = probe_stem(s, s->slots, s->cap, stem, len);
    stem_entry *e;
    int err;

    if (!s->slots[i]) {
        if (s->pool.len + len + 1 > UINT32_MAX)
            return ABG_ELIMIT;
        e = &s->stems[s->n];
        e->off = (uint32_t)s->pool.len;
        e->len = (uint32_t)len;
        e->count = 0;
        if ((err = abg_buf_put(&s->pool, stem, len)) < 0 || (err = abg_buf_putc(&s->pool, 0)) < 0)
            return err;
        s->slots[i] = (uint32_t)++s->n;
    }
    *out = s->slots[i] - 1;
    return 0;
}

/* The first and last parts of a hyphenated word w[0..len) as content
 * stems of their own, when they are (three letters or more, no
 * stopword) and differ from the whole. */
static int compound_parts(signer *s, memo *m, const abg_lang *lang, abg_stemmer *stemmer,
                          const char *w, size_t len)
{
    const char *first = memchr(w, '-', len), *last = w + len;
    size_t k;
    int err;

    if (!first)
        return 0;
    while (last[-1] != '-') /* after the last hyphen */
        last--;
    for (k = 0; k < PARTS_MAX; k++) {
        const char *p = k == 0 ? w : last, *stem, *f;
        size_t n = k == 0 ? (size_t)(first - w) : (size_t)(w + len - last), sl, fl;
        if (n < 3)
            continue;
        if ((err = abg_stem(&stem, &sl, stemmer, p, n)) < 0)
            return err;
        f = abg_stemmer_folded(stemmer, &fl);
        if (fl < 3 || sl < 3 || abg_stopwords_has(lang->stopwords, f, fl))
            continue;
        if ((err = stem_index(s, &m->part[k], stem, sl)) < 0)
            return err;
        if (m->part[k] == m->stem || (k == 1 && m->part[1] == m->part[0]))
            m->part[k] = NO_STEM;
    }
    return 0;
}

/* The memo of token w[0..len) (a word when `word`), made on first sight:
 * fold it, hash it, and for a content word find its stem slot. */
static int see(signer *s, const memo **out, const abg_lang *lang, abg_stemmer *stemmer,
               const char *w, size_t len, bool word)
{
    uint64_t h = abg_mix64(abg_hash(w, len));
    size_t i;
    memo *m;
    int err;

    if ((err = reserve(s)) < 0)
        return err;
    i = probe_seen(s->seen, s->scap, h, w, len);
    m = &s->seen[i];
    if (!m->w) {
        const char *f, *stem = NULL;
        size_t flen, stem_len = 0;
        if (word) {
            /* the stemmer folds the word and keeps the folded form */
            if ((err = abg_stem(&stem, &stem_len, stemmer, w, len)) < 0)
                return err;
            f = abg_stemmer_folded(stemmer, &flen);
        } else {
            abg_buf_truncate(&s->fold, 0);
            if ((err = abg_fold(&s->fold, w, len)) < 0)
                return err;
            f = s->fold.data ? s->fold.data : "";
            flen = s->fold.len;
        }
        m->hash = abg_mix64(abg_hash(f, flen));
        m->stem = m->part[0] = m->part[1] = NO_STEM;
        if (word && flen >= 3 && stem_len >= 3 && !abg_stopwords_has(lang->stopwords, f, flen) &&
            (err = stem_index(s, &m->stem, stem, stem_len)) < 0)
            return err;
        if (word && m->stem != NO_STEM && (err = compound_parts(s, m, lang, stemmer, w, len)) < 0)
            return err;
        m->w = w;
        m->len = (uint32_t)len;
        s->sn++;
    }
    *out = m;
    return 0;
}

static uint64_t rotl(uint64_t x, unsigned r)
{
    return x << r | x >> (64 - r);
}

/* One word or number token of the body (its folded form's hash), for the
 * shingles. */
static void shingle_token(signer *s, uint64_t token_hash)
{
    const uint64_t *r = s->ring;
    uint64_t h;
    size_t k;
    unsigned t;

    s->ring[s->ntok++ & 3] = token_hash;
    if (s->ntok < 4)
        return;
    /* the four token hashes in text order (rotated by position), mixed */
    t = s->ntok;
    h = abg_mix64(r[t & 3] ^ rotl(r[(t + 1) & 3], 16) ^ rotl(r[(t + 2) & 3], 32) ^
            rotl(r[(t + 3) & 3], 48));
    if (s->shingles < UINT32_MAX)
        s->shingles++;
    /* value k: a multiply-shift hash of h ^ seed_k with an odd multiplier of
     * its own; h is already well mixed, so one multiplication is enough */
    for (k = 0; k < ABG_SIG_MINHASH; k++) {
        uint32_t v = (uint32_t)(((h ^ s->seeds[k]) * s->mults[k]) >> 32);
        if (v < s->minhash[k])
            s->minhash[k] = v;
    }
}

/* The words (and, for the body, numbers) of text[0..len), which lives
 * until the signature is made. */
static int sign_text(signer *s, const abg_lang *lang, abg_stemmer *stemmer, const char *text,
                     size_t len, bool body)
{
    abg_token *toks = NULL;
    size_t ntoks = 0, i;
    int err;

    if ((err = abg_tokenize(&toks, &ntoks, lang->abbrevs, text, len)) < 0)
        return err;
    for (i = 0; i < ntoks; i++) {
        const abg_token *tok = &toks[i];
        bool word = tok->kind == ABG_TOK_WORD;
        const memo *m;

        if (!word && (tok->kind != ABG_TOK_NUMBER || !body))
            continue;
        if ((err = see(s, &m, lang, stemmer, text + tok->off, tok->len, word)) < 0)
            break;
        if (body)
            shingle_token(s, m->hash);
        if (m->stem != NO_STEM) {
            size_t k;
            s->stems[m->stem].count++;
            for (k = 0; k < PARTS_MAX; k++)
                if (m->part[k] != NO_STEM)
                    s->stems[m->part[k]].count++;
            if (s->words < UINT32_MAX)
                s->words++;
        }
    }
    free(toks);
    return err;
}

typedef struct {
    const char *stem;
    uint32_t len, count;
} ranked;

static int cmp_stem(const ranked *a, const ranked *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->stem, b->stem, n);

    return c ? c : (a->len > b->len) - (a->len < b->len);
}

static int cmp_by_count(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;

    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return cmp_stem(a, b);
}

static int cmp_by_stem(const void *pa, const void *pb)
{
    return cmp_stem(pa, pb);
}

/* Counts at or above this share one bucket when finding the cut. */
#define COUNT_BUCKETS 64

/* The ABG_SIG_TERMS most frequent stems of s (ties: byte order) into out,
 * sorted by stem: one block for the pointers and the bytes. Most stems of
 * a document occur once or twice, so the cut count is found from a
 * histogram, and only the stems at the cut are sorted to break the tie. */
static int keep_top(abg_signature *out, const signer *s)
{
    size_t hist[COUNT_BUCKETS] = {0}, i, k = 0, n, bytes = 0, above = 0, cut;
    ranked *all = NULL;
    char *p;

    if (!s->n)
        return 0;
    if (!(all = malloc(s->n * sizeof *all)))
        return ABG_ENOMEM;
    for (i = 0; i < s->n; i++)
        hist[s->stems[i].count < COUNT_BUCKETS ? s->stems[i].count : COUNT_BUCKETS - 1]++;
    for (cut = COUNT_BUCKETS - 1; cut > 0 && above + hist[cut] < ABG_SIG_TERMS; cut--)
        above += hist[cut];
    if (cut == COUNT_BUCKETS - 1 || s->n <= ABG_SIG_TERMS)
        cut = 0; /* all of them, or too many frequent ones: sort them all */
    /* first every stem above the cut, then those at the cut */
    for (i = 0; i < s->n; i++)
        if (s->stems[i].count > cut)
            all[k++] =
                (ranked){s->pool.data + s->stems[i].off, s->stems[i].len, s->stems[i].count};
    above = k;
    for (i = 0; i < s->n; i++)
        if (s->stems[i].count == cut)
            all[k++] =
                (ranked){s->pool.data + s->stems[i].off, s->stems[i].len, s->stems[i].count};
    if (!cut)
        qsort(all, k, sizeof *all, cmp_by_count);
    else if (above < ABG_SIG_TERMS)
        qsort(all + above, k - above, sizeof *all, cmp_by_stem);
    n = k < ABG_SIG_TERMS ? k : ABG_SIG_TERMS;
    qsort(all, n, sizeof *all, cmp_by_stem);
    for (i = 0; i < n; i++)
        bytes += all[i].len + 1;
    out->stems = malloc(n * sizeof *out->stems + bytes);
    out->counts = malloc(n * sizeof *out->counts);
    if (!out->stems || !out->counts) {
        free(all);
        return ABG_ENOMEM;
    }
    p = (char *)(out->stems + n);
    for (i = 0; i < n; i++) {
        memcpy(p, all[i].stem, all[i].len);
        p[all[i].len] = '\0';
        out->stems[i] = p;
        out->counts[i] = all[i].count;
        p += all[i].len + 1;
    }
    out->n = n;
    free(all);
    return 0;
}

int abg_signature_make(abg_signature *out, abg_ctx *ctx, const abg_lang *lang,
                       abg_stemmer *stemmer, const abg_doc *doc)
{
    signer s;
    const char *title = abg_doc_title(doc), *text;
    size_t len, k, head;
    int err;

    memset(out, 0, sizeof *out);
    memset(&s, 0, sizeof s);
    for (k = 0; k < ABG_SIG_MINHASH; k++) {
        s.seeds[k] = abg_mix64((k + 1) * 0x9e3779b97f4a7c15ull);
        s.mults[k] = abg_mix64(s.seeds[k]) | 1;
        s.minhash[k] = UINT32_MAX;
    }
    text = abg_doc_text(doc, &len);
    /* a headline repeated as the body's first line counts for the stems
     * but not for the shingles: copies of one agency text often carry
     * headlines of their own */
    head = title ? strlen(title) : 0;
    if (head && head < len && !memcmp(text, title, head) && text[head] == '\n') {
        if ((err = sign_text(&s, lang, stemmer, text, head, false)) < 0)
            goto done;
    } else {
        head = 0;
    }
    if ((err = sign_text(&s, lang, stemmer, text + head, len - head, true)) < 0)
        goto done;
    if (title && (err = sign_text(&s, lang, stemmer, title, strlen(title), false)) < 0)
        goto done;
    if ((err = keep_top(out, &s)) < 0)
        goto done;
    out->words = s.words;
    out->shingles = s.shingles;
    if (s.shingles)
        memcpy(out->minhash, s.minhash, sizeof out->minhash);
done:
    free(s.stems);
    free(s.slots);
    free(s.seen);
    abg_buf_dispose(&s.pool);
    abg_buf_dispose(&s.fold);
    if (err < 0) {
        abg_signature_dispose(out);
        return err == ABG_ENOMEM ? abg_error_oom(ctx)
                                 : abg_error(ctx, err, "%s: text too large or not UTF-8",
                                             abg_doc_id(doc) ? abg_doc_id(doc) : "-");
    }
    return 0;
}

void abg_signature_dispose(abg_signature *sig)
{
    if (!sig)
        return;
    free(sig->stems);
    free(sig->counts);
    memset(sig, 0, sizeof *sig);
}

void abg_signature_minhash_hex(char *buf, const abg_signature *sig)
{
    static const char digits[] = "0123456789abcdef";
    size_t k, d;

    for (k = 0; k < ABG_SIG_MINHASH; k++)
        for (d = 0; d < 8; d++)
            *buf++ = digits[(sig->minhash[k] >> (28 - 4 * d)) & 15];
    *buf = '\0';
}

int abg_signature_minhash_parse(abg_signature *sig, const char *hex)
{
    uint32_t v[ABG_SIG_MINHASH];
    size_t k, d;

    if (!hex)
        return -1;
    for (k = 0; k < ABG_SIG_MINHASH; k++) {
        v[k] = 0;
        for (d = 0; d < 8; d++) {
            int x = abg_ascii_hex_value((unsigned char)*hex++);
            if (x < 0)
                return -1; /* also the end of a short string */
            v[k] = v[k] << 4 | (uint32_t)x;
        }
    }
    if (*hex)
        return -1;
    memcpy(sig->minhash, v, sizeof v);
    return 0;
}
