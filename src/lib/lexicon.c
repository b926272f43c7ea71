/*
 * lexicon.c: the lexicon behind claims: rules/claims.de (and the user's
 * files), and the German dictionary used as evidence against names.
 *
 * In:  lexicon files (format in rules/claims.de), a word list.
 * Out: an abg_lexicon, freed with abg_lexicon_free.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "claims.h"
#include "ctx.h"
#include "text.h"
#include "utf8.h"

#define LEXICON_MAX_SIZE ((size_t)16 << 20)
#define DICTIONARY_MAX_SIZE ((size_t)64 << 20)
#define MAX_NAME_WORDS 6

/* ---- the dictionary ---- */

static size_t dict_slot(const abg_dict *d, const char *s, size_t n)
{
    uint64_t h = abg_hash(s, n);
    size_t i, mask = d->cap - 1;

    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    for (i = (size_t)h & mask; d->slots[i]; i = (i + 1) & mask) {
        const char *w = d->words + d->slots[i] - 1;
        if (!memcmp(w, s, n) && w[n] == '\0')
            break;
    }
    return i;
}

static bool dict_has(const abg_lexicon *lex, const char *s, size_t n)
{
    return lex->dict.count && lex->dict.slots[dict_slot(&lex->dict, s, n)] != 0;
}

/* s[0..n) is a dictionary word or a compound of them; `depth` bounds the
 * parts. Parts have at least three bytes. */
static bool compound(const abg_lexicon *lex, const char *s, size_t n, int depth)
{
    size_t i;

    if (dict_has(lex, s, n))
        return true;
    if (depth == 0 || n < 6)
        return false;
    for (i = 3; i + 3 <= n; i++) {
        static const char *const links[] = {"", "s", "es", "n", "en", "e"};
        size_t k;
        if (((unsigned char)s[i] & 0xC0) == 0x80)
            continue; /* inside a character */
        if (!dict_has(lex, s, i))
            continue;
        for (k = 0; k < sizeof links / sizeof links[0]; k++) {
            size_t l = strlen(links[k]);
            if (i + l + 3 > n || memcmp(s + i, links[k], l))
                continue;
            if (compound(lex, s + i + l, n - i - l, depth - 1))
                return true;
        }
    }
    return false;
}

bool abg_lexicon_german(const abg_lexicon *lex, const char *folded, size_t len)
{
    static const char *const suffixes[] = {"ung",  "ungen", "heit",  "keit", "schaft",
                                           "enz",  "ion",   "ionen", "tät",  "ismus",
                                           "nis",  "tum",   "ling",  "ment", "ität"};
    size_t k;

    if (lex->dict.count == 0)
        return false;
    if (compound(lex, folded, len, 3))
        return true;
    if (len > 1 && folded[len - 1] == 's' && compound(lex, folded, len - 1, 3))
        return true; /* genitive */
    for (k = 0; len >= 6 && k < sizeof suffixes / sizeof suffixes[0]; k++) {
        size_t l = strlen(suffixes[k]);
        if (len > l + 2 && !memcmp(folded + len - l, suffixes[k], l))
            return true;
    }
    return false;
}

/* ---- the lexicon file ---- */

typedef struct {
    abg_lexicon *lex;
    abg_ctx *ctx;
    abg_stemmer *stemmer;
    abg_buf fold;
    const char *path;
    unsigned lineno;
} loader;

static int bad(loader *ld, const char *what)
{
    return abg_error(ld->ctx, ABG_EUSAGE, "%s:%u: %s", ld->path, ld->lineno, what);
}

static int oom(loader *ld)
{
    return abg_error_oom(ld->ctx);
}

/* Trim s[0..*n) of blanks in place; returns the new start. */
static const char *trim(const char *s, size_t *n)
{
    while (*n && (*s == ' ' || *s == '\t')) {
        s++;
        (*n)--;
    }
    while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r'))
        (*n)--;
    return s;
}

/* The stem of one word into a new string. */
static char *stem_of(loader *ld, const char *w, size_t n)
{
    const char *st;
    size_t sl;

    if (abg_stem(&st, &sl, ld->stemmer, w, n) < 0)
        return NULL;
    return abg_strndup(st, sl);
}

/* The folded form of one word, in ld->fold. */
static int fold_word(loader *ld, const char *w, size_t n)
{
    abg_buf_truncate(&ld->fold, 0);
    return abg_fold(&ld->fold, w, n) < 0 ? -1 : 0;
}

typedef enum { K_NAME, K_ALIAS, K_NOTNAME, K_SAME, K_IGNORE, K_TIMEWORD, K_TIMEPREP, K_EVENT } kind;

/* One item of a list line. `head` is the left side of alias/same. */
static int add_item(loader *ld, kind k, const char *w, size_t n, const char *head, size_t hn)
{
    abg_lexicon *lex = ld->lex;
    size_t words = 1, i;
    char *st = NULL;
    int err = 0;

    for (i = 0; i < n; i++)
        words += w[i] == ' ';
    switch (k) {
    case K_NAME:
        if (words > MAX_NAME_WORDS)
            return bad(ld, "a name has at most 6 words");
        if (words > lex->max_name_words)
            lex->max_name_words = words;
        err = abg_strset_add(&lex->names, w, n);
        break;
    case K_ALIAS: {
        char *name = abg_strndup(head, hn);
        if (!name)
            return oom(ld);
        err = abg_strset_put(&lex->alias, w, n, name);
        free(name);
        if (!err && words > lex->max_name_words)
            lex->max_name_words = words;
        break;
    }
    case K_NOTNAME:
        err = abg_strset_add(&lex->notnames, w, n);
        break;
    case K_SAME: {
        char *to = stem_of(ld, head, hn);
        if (!to || !(st = stem_of(ld, w, n))) {
            free(to);
            return oom(ld);
        }
        err = abg_strset_put(&lex->same, st, strlen(st), to);
        free(to);
        break;
    }
    case K_IGNORE:
    case K_EVENT:
        if (!(st = stem_of(ld, w, n)))
            return oom(ld);
        err = abg_strset_add(k == K_IGNORE ? &lex->ignore : &lex->events, st, strlen(st));
        break;
    case K_TIMEWORD:
    case K_TIMEPREP:
        if (fold_word(ld, w, n) < 0)
            return bad(ld, "bad word");
        err = abg_strset_add(k == K_TIMEWORD ? &lex->timewords : &lex->timepreps,
                             ld->fold.data, ld->fold.len);
        break;
    }
    free(st);
    return err < 0 ? oom(ld) : 0;
}

static int parse_line(loader *ld, const char *s, size_t n)
{
    static const struct {
        const char *word;
        kind k;
    } keys[] = {{"name", K_NAME},         {"alias", K_ALIAS},       {"notname", K_NOTNAME},
                {"same", K_SAME},         {"ignore", K_IGNORE},     {"timeword", K_TIMEWORD},
                {"timeprep", K_TIMEPREP}, {"event", K_EVENT}};
    const char *head = NULL, *p, *end = s + n;
    size_t kl = 0, hn = 0, i;
    int k = -1, err;

    while (kl < n && s[kl] != ' ' && s[kl] != '\t')
        kl++;
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strlen(keys[i].word) == kl && !memcmp(keys[i].word, s, kl))
            k = (int)keys[i].k;
    if (k < 0)
        return bad(ld, "unknown keyword (name, alias, notname, same, ignore, timeword, "
                       "timeprep, event)");
    p = s + kl;
    if (k == K_ALIAS || k == K_SAME) {
        const char *eq = memchr(p, '=', (size_t)(end - p));
        if (!eq)
            return bad(ld, "missing '=' (alias NAME = VARIANT, ...)");
        hn = (size_t)(eq - p);
        head = trim(p, &hn);
        if (!hn)
            return bad(ld, "nothing before '='");
        p = eq + 1;
    }
    while (p < end) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        size_t wn = (size_t)((comma ? comma : end) - p);
        const char *w = trim(p, &wn);
        if (!wn)
            return bad(ld, "empty item");
        if ((err = add_item(ld, (kind)k, w, wn, head, hn)) < 0)
            return err;
        p = comma ? comma + 1 : end;
    }
    return 0;
}

static int load_file(loader *ld, const char *path)
{
    abg_buf raw = ABG_BUF_INIT;
    size_t pos = 0;
    int err;

    ld->path = path;
    ld->lineno = 0;
    if ((err = abg_buf_read_file(&raw, ld->ctx, path, LEXICON_MAX_SIZE)) < 0) {
        abg_buf_dispose(&raw);
        return err == ABG_ENOMEM ? err : abg_error(ld->ctx, ABG_EUSAGE, "%s",
                                                    abg_ctx_message(ld->ctx));
    }
    while (pos < raw.len && !err) {
        const char *line = raw.data + pos, *hash;
        const char *nl = memchr(line, '\n', raw.len - pos);
        size_t n = nl ? (size_t)(nl - line) : raw.len - pos;
        pos += nl ? n + 1 : n;
        ld->lineno++;
        if (abg_utf8_check(line, n) != n) {
            err = bad(ld, "invalid utf-8");
            break;
        }
        if ((hash = memchr(line, '#', n)))
            n = (size_t)(hash - line);
        line = trim(line, &n);
        if (n)
            err = parse_line(ld, line, n);
    }
    abg_buf_dispose(&raw);
    return err;
}

/* The folded form of a word made of ASCII letters and German umlauts, as
 * abg_fold would give it, without its Unicode tables (a word list has
 * hundreds of thousands of words); false for any other word. */
static bool quick_fold(abg_buf *out, const char *w, size_t n)
{
    size_t i;

    abg_buf_truncate(out, 0);
    if (abg_buf_grow(out, n) < 0)
        return false;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c < 0x80) {
            out->data[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)w[i + 1];
            if (d == 0x84 || d == 0x96 || d == 0x9C) /* Ä Ö Ü */
                d += 0x20;
            else if (d != 0xA4 && d != 0xB6 && d != 0xBC && d != 0x9F) /* ä ö ü ß */
                return false;
            out->data[i] = (char)c;
            out->data[++i] = (char)d;
        } else {
            return false;
        }
    }
    out->len = n;
    out->data[n] = '\0';
    return true;
}

static int load_dictionary(loader *ld, const char *path)
{
    abg_dict *d = &ld->lex->dict;
    abg_buf raw = ABG_BUF_INIT, all = ABG_BUF_INIT;
    size_t pos = 0, lines = 1, k;
    int err;

    if ((err = abg_buf_read_file(&raw, ld->ctx, path, DICTIONARY_MAX_SIZE)) < 0) {
        abg_buf_dispose(&raw);
        return err == ABG_ENOMEM ? err : abg_error(ld->ctx, ABG_EUSAGE, "%s",
                                                    abg_ctx_message(ld->ctx));
    }
    for (k = 0; k < raw.len; k++)
        lines += raw.data[k] == '\n';
    for (d->cap = 1024; d->cap < lines * 2; d->cap *= 2)
        ;
    if (!(d->slots = calloc(d->cap, sizeof *d->slots)) || abg_buf_grow(&all, raw.len + 1) < 0)
        err = abg_error_oom(ld->ctx);
    while (pos < raw.len && !err) {
        const char *line = raw.data + pos;
        const char *nl = memchr(line, '\n', raw.len - pos);
        size_t n = nl ? (size_t)(nl - line) : raw.len - pos, i;
        pos += nl ? n + 1 : n;
        line = trim(line, &n);
        if (!n || abg_utf8_check(line, n) != n)
            continue; /* a word list in another encoding adds nothing */
        if (!quick_fold(&ld->fold, line, n) && fold_word(ld, line, n) < 0)
            continue;
        d->words = all.data; /* the slot search reads the words so far */
        i = dict_slot(d, ld->fold.data, ld->fold.len);
        if (d->slots[i])
            continue;
        if (all.len >= UINT32_MAX - ld->fold.len - 2) {
            err = abg_error(ld->ctx, ABG_ELIMIT, "%s: word list too large", path);
            break;
        }
        d->slots[i] = (uint32_t)all.len + 1;
        if (abg_buf_put(&all, ld->fold.data, ld->fold.len) < 0 || abg_buf_putc(&all, '\0') < 0)
            err = abg_error_oom(ld->ctx);
        d->count++;
    }
    abg_buf_dispose(&raw);
    d->words = all.data;
    d->size = all.len;
    return err;
}

int abg_lexicon_new(abg_lexicon **out, abg_ctx *ctx, const abg_lexicon_options *opts)
{
    loader ld;
    size_t i;
    int err = 0;

    *out = NULL;
    if (!opts || !opts->lang)
        return abg_error(ctx, ABG_EUSAGE, "the lexicon needs the language resources");
    memset(&ld, 0, sizeof ld);
    ld.ctx = ctx;
    if (!(ld.lex = calloc(1, sizeof *ld.lex)) || abg_stemmer_new(&ld.stemmer) < 0) {
        free(ld.lex);
        return abg_error_oom(ctx);
    }
    ld.lex->lang = opts->lang;
    ld.lex->max_name_words = 1;
    for (i = 0; i < opts->npaths && !err; i++)
        err = load_file(&ld, opts->paths[i]);
    if (!err && opts->dictionary)
        err = load_dictionary(&ld, opts->dictionary);
    abg_stemmer_free(ld.stemmer);
    abg_buf_dispose(&ld.fold);
    if (err) {
        abg_lexicon_free(ld.lex);
        return err;
    }
    *out = ld.lex;
    return 0;
}

void abg_lexicon_free(abg_lexicon *lex)
{
    if (!lex)
        return;
    abg_strset_dispose(&lex->names);
    abg_strset_dispose(&lex->alias);
    abg_strset_dispose(&lex->notnames);
    free(lex->dict.words);
    free(lex->dict.slots);
    abg_strset_dispose(&lex->same);
    abg_strset_dispose(&lex->ignore);
    abg_strset_dispose(&lex->timewords);
    abg_strset_dispose(&lex->timepreps);
    abg_strset_dispose(&lex->events);
    free(lex);
}
