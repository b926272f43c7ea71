/*
 * claims.c: what each fact is about: its subject, attribute and time.
 *
 * In:  a document, its facts (abg_extract), the lexicon and language.
 * Out: one abg_about per fact (abg_about_facts), freed with abg_about_free.
 *
 * Only the sentences that hold facts (and the sentence before each) are
 * looked at. A sentence is cut into clauses at , ; : ( ) and dashes.
 *
 *   subject    the nearest name before the fact in its clause that is not
 *              the object of a preposition ("an OpenAI"); else the first
 *              such name after it in the clause; else the nearest before
 *              it in the sentence; else the subject of the sentence before
 *              (of its last fact, or its first name); else a name after a
 *              preposition ("Für Porsche ist ..."), here or before.
 *   attribute  the stems of the clause's content words: no stopwords,
 *              names, numbers, time words or ignored words; compounds
 *              also give the stems of their parts; `same` maps stems onto
 *              one. A clause without any takes its neighbours'.
 *   time       a time preposition with an event noun ("vor der jüngsten
 *              Kapitalrunde"), else another date fact, else a time word
 *              ("bislang"); from the clause, else from the sentence.
 *              Dates themselves get none.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "claims.h"
#include "ctx.h"
#include "text.h"

#define MAX_FILLER 3 /* words between a time preposition and its event noun */

typedef struct {
    size_t tok0, tok1; /* tokens [tok0, tok1) */
    char *name;        /* as it is written in claims */
    bool object;       /* after a preposition (an OpenAI) or a noun (Plattform Azure) */
} name_hit;

typedef struct {
    size_t off, len; /* in the document's text */
    abg_token *toks;
    size_t ntok;
    unsigned *clause; /* per token */
    signed char *isname; /* per token: is_name_token, -1 until asked */
    name_hit *names;
    size_t nnames;
    char *subject; /* of its last fact, for the sentence after it */
} sentence;

typedef struct {
    abg_ctx *ctx;
    const abg_lexicon *lex;
    const abg_lang *lang;
    abg_stemmer *stemmer;
    const char *text;
    abg_buf fold, tmp;
    char **multi; /* multi-word names seen in the document, for "Foundation" */
    size_t nmulti;
    sentence cur, prev;
} state;

/* ---- small helpers ---- */

static const char *tok_text(const state *st, const sentence *s, size_t i)
{
    return st->text + s->off + s->toks[i].off;
}

/* The folded form of token i in st->fold; NULL when it cannot be folded. */
static const char *tok_fold(state *st, const sentence *s, size_t i, size_t *n)
{
    abg_buf_truncate(&st->fold, 0);
    if (abg_fold(&st->fold, tok_text(st, s, i), s->toks[i].len) < 0)
        return NULL;
    *n = st->fold.len;
    return st->fold.data;
}

static bool tok_is(state *st, const sentence *s, size_t i, const char *const *words)
{
    size_t n, k;
    const char *f;

    if (s->toks[i].kind != ABG_TOK_WORD || !(f = tok_fold(st, s, i, &n)))
        return false;
    for (k = 0; words[k]; k++)
        if (strlen(words[k]) == n && !memcmp(words[k], f, n))
            return true;
    return false;
}

static const char *const determiners[] = {
    "der",  "die",  "das",   "dem",   "den",  "des",   "ein",   "eine",  "einer", "einem",
    "einen", "eines", "sein", "seine", "seinem", "seinen", "ihr", "ihre", "ihrem", "ihren",
    "dessen", "deren", NULL};

static const char *const object_preps[] = {
    "an",  "am",  "bei",  "beim", "in",  "im",  "mit",  "für",  "gegenüber", "zu",  "zur",
    "zum", "gegen", "über", "aus", "durch", "laut", "unter", "um", "nach", "ins", "vom",
    "zwischen", NULL};

/* ---- names ---- */

static bool name_evidence(state *st, const sentence *s, size_t i)
{
    const abg_token *t = &s->toks[i];
    const char *w = tok_text(st, s, i), *f;
    size_t n = t->base_len, fn;

    if (t->kind != ABG_TOK_WORD)
        return false;
    if (abg_strset_has(&st->lex->names, w, n) || abg_strset_get(&st->lex->alias, w, n))
        return true;
    if (n > 3 && w[n - 1] == 's' && abg_strset_has(&st->lex->names, w, n - 1))
        return true; /* Nvidias Anteil */
    if (abg_strset_has(&st->lex->notnames, w, n) || (t->flags & ABG_TOKF_COMPOUND))
        return false;
    if (t->flags & (ABG_TOKF_INNERCAP | ABG_TOKF_ALLCAPS))
        return n >= 2;
    if (!(t->flags & ABG_TOKF_CAPITAL) || n < 3 || st->lex->dict.count == 0)
        return false;
    abg_buf_truncate(&st->fold, 0);
    if (abg_fold(&st->fold, w, n) < 0)
        return false;
    f = st->fold.data;
    fn = st->fold.len;
    if (abg_stopwords_has(st->lang->stopwords, f, fn))
        return false;
    return !abg_lexicon_german(st->lex, f, fn);
}

/* name_evidence, asked once per token of a sentence. */
static bool is_name_token(state *st, const sentence *s, size_t i)
{
    if (s->isname[i] < 0)
        s->isname[i] = name_evidence(st, s, i);
    return s->isname[i] > 0;
}

/* Tokens i..i+k-1 joined by single spaces into st->tmp, when all are words. */
static bool join(state *st, const sentence *s, size_t i, size_t k, bool base)
{
    size_t j;

    abg_buf_truncate(&st->tmp, 0);
    for (j = i; j < i + k; j++) {
        const abg_token *t = &s->toks[j];
        if (j >= s->ntok || t->kind != ABG_TOK_WORD)
            return false;
        if ((j > i && abg_buf_putc(&st->tmp, ' ') < 0) ||
            abg_buf_put(&st->tmp, tok_text(st, s, j),
                        base && j == i + k - 1 ? t->base_len : t->len) < 0)
            return false;
    }
    return true;
}

/* Is tmp a known name (or variant)? Then leave the name in tmp. */
static bool known(state *st)
{
    const char *a = abg_strset_get(&st->lex->alias, st->tmp.data, st->tmp.len);

    if (a) {
        abg_buf_truncate(&st->tmp, 0);
        return abg_buf_puts(&st->tmp, a) == 0;
    }
    return abg_strset_has(&st->lex->names, st->tmp.data, st->tmp.len);
}

static int remember_multi(state *st, const char *name)
{
    char **p;
    size_t i;

    for (i = 0; i < st->nmulti; i++)
        if (!strcmp(st->multi[i], name))
            return 0;
    if (!(p = realloc(st->multi, (st->nmulti + 1) * sizeof *p)))
        return ABG_ENOMEM;
    st->multi = p;
    if (!(st->multi[st->nmulti] = abg_strdup(name)))
        return ABG_ENOMEM;
    st->nmulti++;
    return 0;
}

/* The name as claims write it: known variants mapped, a genitive s
 * dropped ("Teslas Anteil"), a last word standing for the multi-word name
 * seen before ("die Foundation" after "die OpenAI Foundation"). */
static int canonical(state *st, const sentence *s, size_t i, size_t k)
{
    size_t n, m;

    if (k > 1)
        return remember_multi(st, st->tmp.data);
    n = st->tmp.len;
    if (!abg_strset_has(&st->lex->names, st->tmp.data, n) && n >= 4 &&
        st->tmp.data[n - 1] == 's' && i + 1 < s->ntok &&
        (s->toks[i + 1].flags & ABG_TOKF_CAPITAL) && !is_name_token(st, s, i + 1)) {
        abg_buf_truncate(&st->tmp, n - 1);
        known(st);
    }
    for (m = st->nmulti; m-- > 0;) {
        const char *sp = strrchr(st->multi[m], ' ');
        if (sp && !strcmp(sp + 1, st->tmp.data)) {
            abg_buf_truncate(&st->tmp, 0);
            return abg_buf_puts(&st->tmp, st->multi[m]);
        }
    }
    return 0;
}

/* Is tmp the last word of a multi-word name seen before in the document? */
static bool last_word_of_multi(const state *st)
{
    size_t m;

    for (m = 0; m < st->nmulti; m++) {
        const char *sp = strrchr(st->multi[m], ' ');
        if (sp && !strcmp(sp + 1, st->tmp.data))
            return true;
    }
    return false;
}

static bool after_preposition(state *st, const sentence *s, size_t i)
{
    size_t back = 0;

    while (i > 0 && back < 2 && tok_is(st, s, i - 1, determiners)) {
        i--;
        back++;
    }
    if (i > 0 && tok_is(st, s, i - 1, object_preps))
        return true;
    /* an apposition: "der Plattform Azure", "die Microsoft-Cloud Azure" */
    return back == 0 && i > 1 && s->toks[i - 1].kind == ABG_TOK_WORD &&
           (s->toks[i - 1].flags & ABG_TOKF_CAPITAL) && !is_name_token(st, s, i - 1);
}

static int add_name(state *st, sentence *s, size_t i, size_t k)
{
    name_hit *p = realloc(s->names, (s->nnames + 1) * sizeof *p);

    if (!p)
        return ABG_ENOMEM;
    s->names = p;
    p += s->nnames;
    p->tok0 = i;
    p->tok1 = i + k;
    p->object = after_preposition(st, s, i);
    if (!(p->name = abg_strndup(st->tmp.data, st->tmp.len)))
        return ABG_ENOMEM;
    s->nnames++;
    return 0;
}

static int find_names(state *st, sentence *s)
{
    size_t i = 0, k;
    int err;

    while (i < s->ntok) {
        bool found = false;
        /* the lexicon's multi-word names all start with a capital */
        for (k = st->lex->max_name_words;
             k >= 2 && !found && (s->toks[i].flags & (ABG_TOKF_CAPITAL | ABG_TOKF_INNERCAP));
             k--)
            found = join(st, s, i, k, true) && known(st);
        if (found) {
            k++; /* the loop went one past */
        } else if (st->nmulti && s->toks[i].kind == ABG_TOK_WORD &&
                   (s->toks[i].flags & ABG_TOKF_CAPITAL) && join(st, s, i, 1, true) &&
                   last_word_of_multi(st)) {
            k = 1;
        } else if (is_name_token(st, s, i)) {
            for (k = 1; k < 4 && i + k < s->ntok && is_name_token(st, s, i + k); k++)
                ;
            if (!join(st, s, i, k, true))
                return ABG_ENOMEM;
            known(st);
        } else {
            i++;
            continue;
        }
        if ((err = canonical(st, s, i, k)) < 0 || (err = add_name(st, s, i, k)) < 0)
            return err;
        i += k;
    }
    return 0;
}

/* ---- sentences ---- */

static void sentence_dispose(sentence *s)
{
    size_t i;

    for (i = 0; i < s->nnames; i++)
        free(s->names[i].name);
    free(s->names);
    free(s->toks);
    free(s->clause);
    free(s->isname);
    free(s->subject);
    memset(s, 0, sizeof *s);
}

static bool clause_break(state *st, const sentence *s, size_t i)
{
    const char *t = tok_text(st, s, i);

    if (s->toks[i].kind != ABG_TOK_PUNCT)
        return false;
    return strchr(",;:()", *t) || *t == '-' || !memcmp(t, "\xe2\x80\x93", 3) ||
           !memcmp(t, "\xe2\x80\x94", 3);
}

static int analyse(state *st, sentence *s, size_t off, size_t len)
{
    size_t i;
    unsigned c = 0;
    int err;

    sentence_dispose(s);
    s->off = off;
    s->len = len;
    if ((err = abg_tokenize(&s->toks, &s->ntok, st->lang->abbrevs, st->text + off, len)) < 0)
        return err;
    if (s->ntok && (!(s->clause = malloc(s->ntok * sizeof *s->clause)) ||
                    !(s->isname = malloc(s->ntok))))
        return ABG_ENOMEM;
    if (s->ntok)
        memset(s->isname, -1, s->ntok);
    for (i = 0; i < s->ntok; i++) {
        if (clause_break(st, s, i))
            c++;
        s->clause[i] = c;
    }
    return find_names(st, s);
}

/* ---- one fact ---- */

static const char *pick_subject(const sentence *s, const sentence *prev, size_t t0, size_t t1)
{
    const name_hit *best = NULL;
    unsigned c = t0 < s->ntok ? s->clause[t0] : 0;
    size_t i;

    for (i = 0; i < s->nnames; i++) /* 1: before it in the clause */
        if (!s->names[i].object && s->names[i].tok1 <= t0 && s->clause[s->names[i].tok0] == c)
            best = &s->names[i];
    if (best)
        return best->name;
    for (i = 0; i < s->nnames; i++) /* 2: after it in the clause */
        if (!s->names[i].object && s->names[i].tok0 >= t1 && s->clause[s->names[i].tok0] == c)
            return s->names[i].name;
    for (i = 0; i < s->nnames; i++) /* 3: before it in the sentence */
        if (!s->names[i].object && s->names[i].tok1 <= t0)
            best = &s->names[i];
    if (best)
        return best->name;
    if (prev && prev->toks) {
        if (prev->subject) /* 4: the sentence before */
            return prev->subject;
        for (i = 0; i < prev->nnames; i++)
            if (!prev->names[i].object)
                return prev->names[i].name;
    }
    for (i = 0; i < s->nnames; i++) /* 5: a name after a preposition ("Für Porsche") */
        if (s->names[i].tok1 <= t0)
            best = &s->names[i];
    if (best)
        return best->name;
    if (s->nnames)
        return s->names[0].name;
    return prev && prev->nnames ? prev->names[0].name : NULL;
}

static bool in_name(const sentence *s, size_t t)
{
    size_t i;

    for (i = 0; i < s->nnames; i++)
        if (t >= s->names[i].tok0 && t < s->names[i].tok1)
            return true;
    return false;
}

/* A time phrase starting at token i: "vor der jüngsten Kapitalrunde".
 * Returns the index one past its event noun, or 0. */
static size_t time_phrase(state *st, const sentence *s, size_t i)
{
    size_t n, j, k;
    const char *f;

    if (s->toks[i].kind != ABG_TOK_WORD || !(f = tok_fold(st, s, i, &n)) ||
        !abg_strset_has(&st->lex->timepreps, f, n))
        return 0;
    for (j = i + 1; j < s->ntok && j <= i + 1 + MAX_FILLER; j++) {
        const abg_token *t = &s->toks[j];
        const char *stem;
        size_t sl;
        if (t->kind != ABG_TOK_WORD || s->clause[j] != s->clause[i])
            return 0;
        if (!(t->flags & ABG_TOKF_CAPITAL))
            continue; /* der, zur, jüngsten */
        if (abg_stem(&stem, &sl, st->stemmer, tok_text(st, s, j), t->len) < 0)
            return 0;
        for (k = 0; k + 4 <= sl; k++) /* the stem, or a compound ending in an event */
            if (abg_strset_has(&st->lex->events, stem + k, sl - k))
                return j + 1;
        return 0;
    }
    return 0;
}

/* Copy text[off..off+len) with runs of white space made one space. */
static char *squeeze(const char *t, size_t len)
{
    char *out = malloc(len + 1), *o = out;
    size_t i;

    if (!out)
        return NULL;
    for (i = 0; i < len; i++) {
        bool sp = t[i] == ' ' || t[i] == '\n' || t[i] == '\t' || t[i] == '\r';
        if (sp && (o == out || o[-1] == ' '))
            continue;
        *o++ = sp ? ' ' : t[i];
    }
    while (o > out && o[-1] == ' ')
        o--;
    *o = '\0';
    return out;
}

typedef struct {
    size_t t0, t1; /* tokens of the time phrase or word, to leave out of attributes */
    char *text;
} time_hit;

/* The time of a fact in clause c (c < 0: the whole sentence). */
static int find_time(time_hit *out, state *st, const sentence *s, long c, const abg_fact *facts,
                     size_t nfacts, size_t self)
{
    size_t i, e, n;
    const char *f;

    for (i = 0; i < s->ntok; i++) { /* a preposition with an event */
        if (c >= 0 && s->clause[i] != (unsigned)c)
            continue;
        if ((e = time_phrase(st, s, i))) {
            const char *a = tok_text(st, s, i);
            out->t0 = i;
            out->t1 = e;
            out->text = squeeze(a, (size_t)(tok_text(st, s, e - 1) + s->toks[e - 1].len - a));
            return out->text ? 1 : ABG_ENOMEM;
        }
    }
    for (i = 0; i < nfacts; i++) { /* another date in the same sentence */
        const abg_fact *d = &facts[i];
        size_t rel, t;
        if (i == self || d->type != ABG_FACT_DATE || d->off < s->off ||
            d->off >= s->off + s->len)
            continue;
        rel = d->off - s->off;
        for (t = 0; t < s->ntok && s->toks[t].off + s->toks[t].len <= rel; t++)
            ;
        if (t < s->ntok && (c < 0 || s->clause[t] == (unsigned)c)) {
            out->t0 = out->t1 = 0;
            out->text = squeeze(st->text + d->off, d->len);
            return out->text ? 1 : ABG_ENOMEM;
        }
    }
    for (i = 0; i < s->ntok; i++) { /* a time word */
        if ((c >= 0 && s->clause[i] != (unsigned)c) || s->toks[i].kind != ABG_TOK_WORD)
            continue;
        if ((f = tok_fold(st, s, i, &n)) && abg_strset_has(&st->lex->timewords, f, n)) {
            out->t0 = i;
            out->t1 = i + 1;
            out->text = abg_strndup(f, n);
            return out->text ? 1 : ABG_ENOMEM;
        }
    }
    return 0;
}

/* ---- attributes ---- */

typedef struct {
    char **v;
    size_t n, cap;
} stems;

static int stems_add_min(stems *a, const abg_lexicon *lex, const char *s, size_t n, size_t min)
{
    const char *to = abg_strset_get(&lex->same, s, n);
    size_t i;

    if (to) {
        s = to;
        n = strlen(to);
    }
    if (n < min || abg_strset_has(&lex->ignore, s, n))
        return 0;
    for (i = 0; i < a->n; i++)
        if (strlen(a->v[i]) == n && !memcmp(a->v[i], s, n))
            return 0;
    if (a->n == a->cap) {
        size_t c = a->cap ? a->cap * 2 : 8;
        char **p = realloc(a->v, c * sizeof *p);
        if (!p)
            return ABG_ENOMEM;
        a->v = p;
        a->cap = c;
    }
    if (!(a->v[a->n] = abg_strndup(s, n)))
        return ABG_ENOMEM;
    a->n++;
    return 0;
}

static int stems_add(stems *a, const abg_lexicon *lex, const char *s, size_t n)
{
    return stems_add_min(a, lex, s, n, 3);
}

static int add_word(stems *a, state *st, const sentence *s, size_t i)
{
    const abg_token *t = &s->toks[i];
    const char *stem, *f;
    size_t sl, n;
    int err;

    if (t->kind != ABG_TOK_WORD || !(f = tok_fold(st, s, i, &n)))
        return 0;
    if (abg_stopwords_has(st->lang->stopwords, f, n) ||
        abg_strset_has(&st->lex->timewords, f, n))
        return 0;
    if ((err = abg_stem(&stem, &sl, st->stemmer, tok_text(st, s, i), t->len)) < 0)
        return err == ABG_EPARSE ? 0 : err;
    if ((err = stems_add(a, st->lex, stem, sl)) < 0)
        return err;
    if (t->flags & ABG_TOKF_COMPOUND) {
        abg_span parts[8];
        size_t np = abg_token_parts(parts, 8, st->text + s->off, t), k;
        for (k = 0; k < np && k < 8; k++) {
            if (parts[k].len < 3)
                continue;
            if ((err = abg_stem(&stem, &sl, st->stemmer, st->text + s->off + parts[k].off,
                                parts[k].len)) < 0)
                return err == ABG_EPARSE ? 0 : err;
            if ((err = stems_add(a, st->lex, stem, sl)) < 0)
                return err;
        }
    }
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Does token t of s lie in one of the facts? */
static bool in_fact(const sentence *s, size_t t, const abg_fact *facts, size_t nfacts)
{
    size_t off = s->off + s->toks[t].off, i;

    for (i = 0; i < nfacts; i++)
        if (off >= facts[i].off && off < facts[i].off + facts[i].len)
            return true;
    return false;
}

static int attribute(stems *a, state *st, const sentence *s, size_t t0, size_t t1,
                     const time_hit *tm, const abg_fact *facts, size_t nfacts)
{
    long c = t0 < s->ntok ? (long)s->clause[t0] : 0, lo = c, hi = c;
    size_t i;
    int err, round;

    for (round = 0; round < 2; round++) {
        for (i = 0; i < s->ntok; i++) {
            long ci = (long)s->clause[i];
            if (ci < lo || ci > hi || (round == 1 && ci == c))
                continue;
            if ((i >= t0 && i < t1) || in_name(s, i) || (i >= tm->t0 && i < tm->t1) ||
                in_fact(s, i, facts, nfacts))
                continue;
            if ((err = add_word(a, st, s, i)) < 0)
                return err;
        }
        if (a->n >= 1)
            break;
        lo = c - 1;
        hi = c + 1;
    }
    if (a->n > 1)
        qsort(a->v, a->n, sizeof *a->v, cmp_str);
    return 0;
}

/* ---- the document ---- */

static int about_one(abg_about *ab, state *st, const abg_fact *facts, size_t nfacts, size_t k)
{
    const abg_fact *f = &facts[k];
    sentence *s = &st->cur;
    time_hit tm = {0, 0, NULL};
    stems a = {NULL, 0, 0};
    size_t rel = f->off - s->off, t0, t1;
    const char *subj;
    const abg_fact *sfacts = facts;
    size_t nsfacts = 0;
    int err = 0;

    /* the facts of this sentence (facts are in document order) */
    while (sfacts < facts + nfacts && sfacts->off < s->off)
        sfacts++;
    while (sfacts + nsfacts < facts + nfacts && sfacts[nsfacts].off < s->off + s->len)
        nsfacts++;

    for (t0 = 0; t0 < s->ntok && s->toks[t0].off + s->toks[t0].len <= rel; t0++)
        ;
    for (t1 = t0; t1 < s->ntok && s->toks[t1].off < rel + f->len; t1++)
        ;
    subj = pick_subject(s, &st->prev, t0, t1);
    if (subj && !(ab->subject = abg_strdup(subj)))
        return ABG_ENOMEM;
    if (f->type != ABG_FACT_DATE) {
        long c = t0 < s->ntok ? (long)s->clause[t0] : 0;
        if ((err = find_time(&tm, st, s, c, facts, nfacts, k)) == 0)
            err = find_time(&tm, st, s, -1, facts, nfacts, k);
        if (err < 0)
            return err;
        ab->time = tm.text;
    }
    err = attribute(&a, st, s, t0, t1, &tm, sfacts, nsfacts);
    if (!err && f->type == ABG_FACT_QUANTITY && f->unit) {
        /* the counted noun or unit says what is counted */
        const char *stem;
        size_t sl;
        if (abg_stem(&stem, &sl, st->stemmer, f->unit, strlen(f->unit)) == 0 &&
            (err = stems_add_min(&a, st->lex, stem, sl, 1)) == 0 && a.n > 1)
            qsort(a.v, a.n, sizeof *a.v, cmp_str);
    }
    ab->attribute = a.v;
    ab->nattribute = a.n;
    if (err < 0)
        return err;
    free(s->subject);
    s->subject = ab->subject ? abg_strdup(ab->subject) : NULL;
    return ab->subject && !s->subject ? ABG_ENOMEM : 0;
}

/* The sentence before the one at `off`: the last sentence of the up to
 * PREV_WINDOW bytes before it (splitting only there keeps the cost with
 * the facts, not with the document; a longer sentence is cut to its end).
 * 0 when there is none, 1 when there is. */
#define PREV_WINDOW 640

static int sentence_before(abg_span *out, const state *st, size_t off)
{
    abg_span *spans = NULL;
    size_t n = 0, start = off > PREV_WINDOW ? off - PREV_WINDOW : 0;
    int err;

    while (start < off && ((unsigned char)st->text[start] & 0xC0) == 0x80)
        start++; /* not inside a character */
    if ((err = abg_sentences_split(&spans, &n, st->lang->abbrevs, st->text + start,
                                   off - start)) < 0)
        return err;
    if (n == 0) {
        free(spans);
        return 0;
    }
    out->off = start + spans[n - 1].off;
    out->len = spans[n - 1].len;
    free(spans);
    return 1;
}

static bool only_space(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

int abg_about_facts(abg_about **out, abg_ctx *ctx, const abg_lexicon *lex, const abg_lang *lang,
                    abg_stemmer *stemmer, const abg_doc *doc, const abg_fact *facts, size_t n)
{
    state st;
    abg_about *ab = NULL;
    size_t len, i;
    int err = 0;

    *out = NULL;
    if (n == 0)
        return 0;
    memset(&st, 0, sizeof st);
    st.ctx = ctx;
    st.lex = lex;
    st.lang = lang;
    st.stemmer = stemmer;
    st.text = abg_doc_text(doc, &len);
    (void)len;
    if (!(ab = calloc(n, sizeof *ab)))
        goto done;
    st.prev.off = st.cur.off = (size_t)-1;
    for (i = 0; i < n && !err; i++) {
        const abg_fact *f = &facts[i];
        if (f->sent_off != st.cur.off || !st.cur.toks) {
            abg_span span;
            const abg_span *p = NULL;
            if (st.cur.toks && st.cur.off + st.cur.len <= f->sent_off &&
                only_space(st.text + st.cur.off + st.cur.len,
                           f->sent_off - st.cur.off - st.cur.len)) {
                span.off = st.cur.off; /* the last fact's sentence comes right before */
                span.len = st.cur.len;
                p = &span;
            } else if ((err = sentence_before(&span, &st, f->sent_off)) < 0) {
                break;
            } else if (err == 1) {
                p = &span;
            }
            err = 0;
            if (st.cur.toks && p && p->off == st.cur.off) {
                sentence_dispose(&st.prev); /* the current one becomes the previous */
                st.prev = st.cur;
                memset(&st.cur, 0, sizeof st.cur);
            } else if (p && p->off != st.prev.off) {
                if ((err = analyse(&st, &st.prev, p->off, p->len)) < 0)
                    break;
            } else if (!p) {
                sentence_dispose(&st.prev);
            }
            if ((err = analyse(&st, &st.cur, f->sent_off, f->sent_len)) < 0)
                break;
        }
        err = about_one(&ab[i], &st, facts, n, i);
    }
done:
    if (!ab || err == ABG_ENOMEM)
        err = abg_error_oom(ctx);
    else if (err < 0)
        err = abg_error(ctx, err, "%s: cannot analyse the sentences of the facts",
                        abg_doc_id(doc));
    sentence_dispose(&st.cur);
    sentence_dispose(&st.prev);
    for (i = 0; i < st.nmulti; i++)
        free(st.multi[i]);
    free(st.multi);
    abg_buf_dispose(&st.fold);
    abg_buf_dispose(&st.tmp);
    if (err < 0) {
        abg_about_free(ab, n);
        return err;
    }
    *out = ab;
    return 0;
}

void abg_about_free(abg_about *about, size_t n)
{
    size_t i, k;

    if (!about)
        return;
    for (i = 0; i < n; i++) {
        free(about[i].subject);
        free(about[i].time);
        for (k = 0; k < about[i].nattribute; k++)
            free(about[i].attribute[k]);
        free(about[i].attribute);
    }
    free(about);
}
