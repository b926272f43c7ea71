/*
 * lang.c: the language resources (abbreviations, stopwords) and the
 * concordance look-up behind `abgleich kwic`.
 *
 * In:  data files; documents and a stem.
 * Out: an abg_lang (freed with abg_lang_free); spans of matching words.
 */
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "doc.h"
#include "text.h"

int abg_lang_new(abg_lang **out, abg_ctx *ctx, const abg_lang_options *opts)
{
    abg_lang *lang;
    int err;

    *out = NULL;
    if (!opts || !opts->abbreviations_path || !opts->stopwords_path)
        return abg_error(ctx, ABG_EUSAGE, "abbreviation and stopword files are required");
    if (!(lang = calloc(1, sizeof *lang)))
        return abg_error_oom(ctx);
    if ((err = abg_abbrevs_load(&lang->abbrevs, ctx, opts->abbreviations_path)) < 0 ||
        (err = abg_stopwords_load(&lang->stopwords, ctx, opts->stopwords_path)) < 0) {
        abg_lang_free(lang);
        return err;
    }
    *out = lang;
    return 0;
}

void abg_lang_free(abg_lang *lang)
{
    if (!lang)
        return;
    abg_abbrevs_free(lang->abbrevs);
    abg_stopwords_free(lang->stopwords);
    free(lang);
}

static int push_hit(abg_kwic_hit **hits, size_t *n, size_t *cap, size_t off, size_t len)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        abg_kwic_hit *p = realloc(*hits, c * sizeof *p);
        if (!p)
            return ABG_ENOMEM;
        *hits = p;
        *cap = c;
    }
    (*hits)[*n].off = off;
    (*hits)[*n].len = len;
    (*n)++;
    return 0;
}

static bool stem_is(abg_stemmer *st, const char *word, size_t len, const char *stem,
                    size_t stem_len)
{
    const char *s;
    size_t n;

    return abg_stem(&s, &n, st, word, len) == 0 && n == stem_len && !memcmp(s, stem, n);
}

#define MAX_PARTS 16

int abg_kwic_find(abg_kwic_hit **out, size_t *n, abg_ctx *ctx, const abg_lang *lang,
                  abg_stemmer *stemmer, const abg_doc *doc, const char *stem, size_t stem_len)
{
    abg_token *toks = NULL;
    abg_kwic_hit *hits = NULL;
    size_t ntoks = 0, nhits = 0, cap = 0, i, len;
    const char *text = abg_doc_text(doc, &len);
    int err;

    *out = NULL;
    *n = 0;
    if ((err = abg_tokenize(&toks, &ntoks, lang->abbrevs, text, len)) < 0)
        return abg_error(ctx, err, "out of memory");
    for (i = 0; i < ntoks && !err; i++) {
        const abg_token *t = &toks[i];
        abg_span parts[MAX_PARTS];
        size_t np, k;

        if (t->kind != ABG_TOK_WORD)
            continue;
        if (stem_is(stemmer, text + t->off, t->len, stem, stem_len)) {
            err = push_hit(&hits, &nhits, &cap, t->off, t->len);
            continue;
        }
        if (!(t->flags & ABG_TOKF_COMPOUND))
            continue;
        np = abg_token_parts(parts, MAX_PARTS, text, t);
        for (k = 0; k < np && k < MAX_PARTS && !err; k++)
            if (stem_is(stemmer, text + parts[k].off, parts[k].len, stem, stem_len))
                err = push_hit(&hits, &nhits, &cap, parts[k].off, parts[k].len);
    }
    free(toks);
    if (err < 0) {
        free(hits);
        return abg_error_oom(ctx);
    }
    *out = hits;
    *n = nhits;
    return 0;
}
