/*
 * normalize.c: the text form used for matching, and the comparison form of
 * a word. The only file that includes utf8proc.h.
 *
 * In:  valid UTF-8 (a document's body text, or one word).
 * Out: abg_norm_init: a new string (NFC, typographic variants unified,
 *      invisible characters removed) with a map back to the input (runs
 *      of unchanged text, see text.h), owned by the caller's abg_norm and
 *      released with abg_norm_dispose.
 *      abg_fold: the same plus small letters, appended to the caller's buf.
 *
 * Soft hyphens and zero-width characters are dropped first, so that marks
 * on either side of them still compose. The rest is done per character
 * cluster (an extended grapheme cluster, cut before every ASCII character
 * and after CLUSTER_MAX code points): each cluster is put into NFC on its
 * own, which is what NFC of the whole text gives, since canonical
 * composition and reordering never reach across such a boundary. Then
 * quotes, dashes and spaces are made plain. An unchanged cluster maps every
 * output character to its own input character; in a changed one, a
 * character that is also in the input maps to it and a composed character
 * maps to the first input character not yet used ("a" + U+0308 -> "ä"
 * maps to the "a"). The map never goes backwards. Plain ASCII, most of a
 * German text, is copied in runs.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"
#include "utf8.h"

/* A cluster longer than this many code points (a letter followed by
 * hundreds of combining marks) is cut, so that hostile input cannot make
 * the canonical reordering quadratic in its length. Unicode's stream-safe
 * format allows 30 non-starters in a row. */
#define CLUSTER_MAX 64
/* Canonical decompositions are at most 4 code points long. */
#define DECOMP_MAX (CLUSTER_MAX * 4)

typedef struct {
    abg_buf *s;          /* the output */
    bool want_map;       /* build the map back to the input (runs) */
    abg_norm_run *runs;
    size_t nruns, runcap;
    size_t base;         /* s->len when the run started (abg_fold appends) */
    int32_t cp[CLUSTER_MAX];
    size_t off[CLUSTER_MAX];
    size_t n;            /* code points in the pending cluster */
    int32_t dec[DECOMP_MAX];
} norm_state;

/* Characters that are removed: soft hyphen and the zero-width ones. */
static bool invisible(int32_t c)
{
    switch (c) {
    case 0x00AD: /* soft hyphen */
    case 0x200B: /* zero width space */
    case 0x200C: /* zero width non-joiner */
    case 0x200D: /* zero width joiner */
    case 0x2060: /* word joiner */
    case 0xFEFF: /* zero width no-break space, byte order mark */
        return true;
    default:
        return false;
    }
}

/* The typographic variant's plain form, or c itself. */
static int32_t plain(int32_t c)
{
    if (c < 0xA0)
        return c;
    switch (c) {
    case 0x00AB: /* « */
    case 0x00BB: /* » */
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x201E: /* „ */
    case 0x201F: /* ‟ */
        return '"';
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201A: /* ‚ */
    case 0x201B: /* ‛ */
    case 0x2039: /* ‹ */
    case 0x203A: /* › */
        return '\'';
    case 0x2010: /* hyphen */
    case 0x2011: /* non-breaking hyphen */
    case 0x2012: /* figure dash */
    case 0x2013: /* en dash */
    case 0x2014: /* em dash */
    case 0x2212: /* minus sign */
        return '-';
    default:
        break;
    }
    /* every space separator: no-break, narrow no-break, thin, figure, em... */
    if (c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
        c == 0x205F || c == 0x3000)
        return ' ';
    return c;
}

/* Map the character that starts at byte `at` of the output to input
 * offset `src`: a new run unless the last one already says so. */
static int map_char(norm_state *st, size_t at, size_t src)
{
    abg_norm_run *r;

    if (st->nruns) {
        r = &st->runs[st->nruns - 1];
        if ((size_t)r->src + (at - r->out) == src)
            return 0;
    }
    if (st->nruns == st->runcap) {
        size_t cap = st->runcap ? st->runcap * 2 : 16;
        if (!(r = realloc(st->runs, cap * sizeof *r)))
            return ABG_ENOMEM;
        st->runs = r;
        st->runcap = cap;
    }
    st->runs[st->nruns].out = (uint32_t)at;
    st->runs[st->nruns].src = (uint32_t)src;
    st->nruns++;
    return 0;
}

/* Append code point c, made plain, with its source offset. */
static int emit(norm_state *st, int32_t c, size_t src)
{
    char enc[4];
    size_t n, at = st->s->len - st->base;
    int err;

    c = plain(c);
    n = abg_utf8_encode(enc, (uint32_t)c);
    if (st->want_map && (err = map_char(st, at, src)) < 0)
        return err;
    return abg_buf_put(st->s, enc, n);
}

/* Append the ASCII run s[0..n), which starts at offset src of the input;
 * with `lower`, in small letters. ASCII needs no other change. */
static int emit_ascii(norm_state *st, const char *s, size_t n, size_t src, bool lower)
{
    size_t k, at = st->s->len - st->base;
    char *d;
    int err;

    if (st->want_map && n && (err = map_char(st, at, src)) < 0)
        return err;
    if ((err = abg_buf_grow(st->s, n)) < 0)
        return err;
    d = st->s->data + st->s->len;
    if (lower)
        for (k = 0; k < n; k++)
            d[k] = (s[k] >= 'A' && s[k] <= 'Z') ? (char)(s[k] + ('a' - 'A')) : s[k];
    else
        memcpy(d, s, n);
    st->s->len += n;
    st->s->data[st->s->len] = '\0';
    return 0;
}

/* Put the pending cluster into NFC and emit it. */
static int flush(norm_state *st)
{
    size_t i, m = 0, used = 0, last;
    utf8proc_ssize_t r;
    int err = 0;

    if (st->n == 0)
        return 0;
    /* a lone character without a canonical decomposition is NFC on its own
     * (all of them below U+0300 are) */
    if (st->n == 1) {
        const utf8proc_property_t *p;
        if (st->cp[0] < 0x300 || (p = utf8proc_get_property(st->cp[0]))->decomp_type != 0 ||
            p->decomp_seqindex == UINT16_MAX) {
            err = emit(st, st->cp[0], st->off[0]);
            st->n = 0;
            return err;
        }
    }
    for (i = 0; i < st->n; i++) {
        r = utf8proc_decompose_char(st->cp[i], st->dec + m, (utf8proc_ssize_t)(DECOMP_MAX - m),
                                    UTF8PROC_DECOMPOSE, NULL);
        if (r < 0 || (size_t)r > DECOMP_MAX - m)
            goto unchanged;
        m += (size_t)r;
    }
    /* canonical ordering: a stable sort of each run of non-starters by
     * combining class (the same exchange sort utf8proc uses) */
    for (i = 0; i + 1 < m;) {
        int c1 = utf8proc_get_property(st->dec[i])->combining_class;
        int c2 = utf8proc_get_property(st->dec[i + 1])->combining_class;
        if (c1 > c2 && c2 > 0) {
            int32_t t = st->dec[i];
            st->dec[i] = st->dec[i + 1];
            st->dec[i + 1] = t;
            i = i ? i - 1 : i + 1;
        } else {
            i++;
        }
    }
    r = utf8proc_normalize_utf32(st->dec, (utf8proc_ssize_t)m,
                                 UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (r < 0)
        goto unchanged;
    m = (size_t)r;
    if (m == st->n && !memcmp(st->dec, st->cp, m * sizeof st->dec[0]))
        goto unchanged;
    last = st->off[0];
    for (i = 0; i < m && !err; i++) {
        size_t k;
        for (k = used; k < st->n && st->cp[k] != st->dec[i]; k++)
            ;
        if (k < st->n) {
            last = st->off[k];
            used = k + 1;
        } else if (used < st->n) {
            last = st->off[used];
        }
        err = emit(st, st->dec[i], last);
    }
    st->n = 0;
    return err;
unchanged:
    for (i = 0; i < st->n && !err; i++)
        err = emit(st, st->cp[i], st->off[i]);
    st->n = 0;
    return err;
}

/* Normalise text[0..len) onto st->s; with `lower`, small letters. */
static int run(norm_state *st, const char *text, size_t len, bool lower)
{
    const unsigned char *u = (const unsigned char *)text;
    int32_t prev = -1, gstate = 0;
    size_t i = 0;
    int err;

    while (i < len) {
        int32_t c;
        size_t k, j;
        bool brk;

        if (u[i] < 0x80) {
            /* A run of ASCII: a cluster boundary comes before each of its
             * characters as far as NFC is concerned (none of them combines
             * with what precedes it), so all but the last are final; the
             * last waits for combining marks that may follow. */
            for (j = i + 1; j < len && u[j] < 0x80; j++)
                ;
            if ((err = flush(st)) < 0)
                return err;
            if (j - i > 1 && (err = emit_ascii(st, text + i, j - 1 - i, i, lower)) < 0)
                return err;
            c = u[j - 1];
            if (lower && c >= 'A' && c <= 'Z')
                c += 'a' - 'A';
            st->cp[0] = c;
            st->off[0] = j - 1;
            st->n = 1;
            prev = c;
            gstate = 0;
            i = j;
            continue;
        }
        if (!(k = abg_utf8_seqlen(u + i, len - i)))
            return ABG_EPARSE;
        c = (int32_t)abg_utf8_decode(text + i, len - i, &k);
        if (invisible(c)) {
            i += k;
            continue;
        }
        if (lower)
            c = utf8proc_tolower(c);
        if (st->n == 0)
            brk = false;
        else if (st->n == CLUSTER_MAX)
            brk = true;
        else
            brk = utf8proc_grapheme_break_stateful(prev, c, &gstate);
        if (brk && (err = flush(st)) < 0)
            return err;
        st->cp[st->n] = c;
        st->off[st->n] = i;
        st->n++;
        prev = c;
        i += k;
    }
    return flush(st);
}

int abg_norm_init(abg_norm *out, const char *text, size_t len)
{
    abg_buf s = ABG_BUF_INIT;
    norm_state st;
    int err;

    memset(out, 0, sizeof *out);
    /* offsets in runs are 32 bits; the output never passes ABG_BUF_MAX */
    if (len >= ABG_BUF_MAX)
        return ABG_ELIMIT;
    st.s = &s;
    st.base = 0;
    st.n = 0;
    st.want_map = true;
    st.runs = NULL;
    st.nruns = st.runcap = 0;
    if ((err = abg_buf_grow(&s, len)) < 0)
        goto done;
    s.data[0] = '\0';
    if ((err = run(&st, text, len, false)) < 0)
        goto done;
    out->s = s.data;
    out->len = s.len;
    out->src_len = len;
    out->runs = st.runs;
    out->nruns = st.nruns;
    s.data = NULL;
    st.runs = NULL;
done:
    free(st.runs);
    abg_buf_dispose(&s);
    return err;
}

void abg_norm_dispose(abg_norm *norm)
{
    if (!norm)
        return;
    free(norm->s);
    free(norm->runs);
    memset(norm, 0, sizeof *norm);
}

size_t abg_norm_src(const abg_norm *norm, size_t i)
{
    size_t lo = 0, hi = norm->nruns, c = i;
    const abg_norm_run *r;

    if (i >= norm->len || !norm->nruns)
        return norm->src_len;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (norm->runs[mid].out <= i)
            lo = mid;
        else
            hi = mid;
    }
    r = &norm->runs[lo];
    /* the bytes of a character map where its first byte does */
    while (c > r->out && ((unsigned char)norm->s[c] & 0xC0) == 0x80)
        c--;
    return (size_t)r->src + (c - r->out);
}

int abg_fold(abg_buf *out, const char *word, size_t len)
{
    norm_state st;
    size_t i, start = out->len;
    int err;

    /* plain ASCII: small letters are all there is to do */
    for (i = 0; i < len && (unsigned char)word[i] < 0x80; i++)
        ;
    if (i == len) {
        if ((err = abg_buf_grow(out, len)) < 0)
            return err;
        for (i = 0; i < len; i++) {
            char c = word[i];
            out->data[start + i] = (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
        }
        out->len = start + len;
        out->data[out->len] = '\0';
        return 0;
    }
    st.s = out;
    st.want_map = false;
    st.runs = NULL;
    st.nruns = st.runcap = 0;
    st.base = start;
    st.n = 0;
    if ((err = run(&st, word, len, true)) < 0)
        abg_buf_truncate(out, start);
    return err;
}

int abg_name_key(abg_buf *out, const char *name, size_t len)
{
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t n;
    int err;

    n = utf8proc_map((const utf8proc_uint8_t *)name, (utf8proc_ssize_t)len, &m,
                     UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                         UTF8PROC_CASEFOLD);
    if (n < 0)
        return n == UTF8PROC_ERROR_NOMEM ? ABG_ENOMEM : ABG_EPARSE;
    err = abg_buf_put(out, (const char *)m, (size_t)n);
    free(m);
    return err;
}
