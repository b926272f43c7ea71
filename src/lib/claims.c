/*
 * claims.c: what each fact is about: the driver of the claim model.
 *
 * In:  a document, its facts (abg_extract), the lexicon and language.
 * Out: one abg_about per fact (abg_about_facts), freed with abg_about_free.
 *
 * Only the sentences that hold facts (and the sentence before each) are
 * looked at; about.h describes the analysis they share. This file picks
 * each figure's subject and object from the names sentnames.c finds, and
 * marks what is not a claim; measure.c, role.c and timescope.c answer the
 * other questions.
 *
 *   subject    a name right next to the figure in a list ("SPD 45,6
 *              Prozent, CDU 32,8 Prozent"; "52,9 Prozent Post, 31,5
 *              Prozent OMV"); else the nearest name before the figure in
 *              its clause that is not the object of a preposition ("an
 *              OpenAI"); else the first such name after it in the clause;
 *              else the nearest before it in the sentence; else the subject
 *              of the sentence before; else a name after a preposition
 *              ("Für Porsche ist ..."), here or before.
 *   object     for measures relative to another party (Anteil an OpenAI):
 *              the name after "an" in the clause.
 *   skip       a date in a dateline or byline ("(APA, 23.8.2015)", "Stand:
 *              12. März"): metadata, and the publication day when none is
 *              known; an amount converted in parentheses right after
 *              another amount ("1,5 Mrd. Dollar (1,24 Mrd. Euro)"); a bare
 *              year in the sentence of an amount, which is its time.
 *   attribute  the stems of the clause's content words, for people.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "about.h"
#include "buf.h"
#include "claims.h"
#include "ctx.h"
#include "text.h"

/* ---- the sentence helpers of about.h ---- */

const char *abg_sent_text(const abg_about_state *st, const abg_sent *s, size_t i)
{
    return st->text + s->off + s->toks[i].off;
}

const char *abg_sent_fold(abg_about_state *st, const abg_sent *s, size_t i, size_t *n)
{
    if (s->folds && i < s->ntok) {
        *n = s->fold_off[i + 1] - s->fold_off[i] - 1;
        return s->folds + s->fold_off[i];
    }
    abg_buf_truncate(&st->fold, 0);
    if (abg_fold(&st->fold, abg_sent_text(st, s, i), s->toks[i].len) < 0)
        return NULL;
    *n = st->fold.len;
    return st->fold.data;
}

bool abg_sent_word_in(abg_about_state *st, const abg_sent *s, size_t i, const abg_strset *set)
{
    size_t n;
    const char *f;

    if (i >= s->ntok || s->toks[i].kind != ABG_TOK_WORD || set->count == 0 ||
        !(f = abg_sent_fold(st, s, i, &n)))
        return false;
    return abg_strset_has(set, f, n);
}

bool abg_sent_word_is(abg_about_state *st, const abg_sent *s, size_t i,
                      const char *const *words)
{
    size_t n, k;
    const char *f;

    if (i >= s->ntok || s->toks[i].kind != ABG_TOK_WORD || !(f = abg_sent_fold(st, s, i, &n)))
        return false;
    for (k = 0; words[k]; k++)
        if (strlen(words[k]) == n && !memcmp(words[k], f, n))
            return true;
    return false;
}

bool abg_word_ends_with(const char *f, size_t n, const char *const *ends)
{
    size_t k;

    for (k = 0; ends[k]; k++) {
        size_t l = strlen(ends[k]);
        if (n >= l && !memcmp(f + n - l, ends[k], l))
            return true;
    }
    return false;
}

size_t abg_sent_phrase(abg_about_state *st, const abg_sent *s, size_t i, const abg_strset *set,
                       size_t maxwords, const char **value)
{
    size_t k, j, best = 0;
    struct abg_phrase_memo *pm = NULL;
    const char *found = NULL;

    if (set->count == 0 || i >= s->ntok || s->toks[i].kind != ABG_TOK_WORD)
        return 0;
    if (s->phrases) {
        pm = &s->phrases[i * ABG_PHRASE_SETS];
        for (k = 0; k < ABG_PHRASE_SETS && pm[k].set; k++)
            if (pm[k].set == set && pm[k].maxwords == maxwords) {
                if (value && pm[k].len)
                    *value = pm[k].value;
                return pm[k].len;
            }
        pm = k < ABG_PHRASE_SETS ? &pm[k] : NULL;
    }
    abg_buf_truncate(&st->tmp, 0);
    for (k = 0; k < maxwords && i + k < s->ntok; k++) {
        const char *f;
        size_t n;
        j = i + k;
        if (s->toks[j].kind != ABG_TOK_WORD || s->clause[j] != s->clause[i] ||
            !(f = abg_sent_fold(st, s, j, &n)))
            break;
        if ((k && abg_buf_putc(&st->tmp, ' ') < 0) || abg_buf_put(&st->tmp, f, n) < 0)
            break;
        if ((f = abg_strset_get(set, st->tmp.data, st->tmp.len)) ||
            abg_strset_has(set, st->tmp.data, st->tmp.len)) {
            best = k + 1;
            found = f;
        }
    }
    if (value && best)
        *value = found;
    if (pm) {
        pm->set = set;
        pm->maxwords = maxwords;
        pm->len = best;
        pm->value = found;
    }
    return best;
}

const abg_name_hit *abg_sent_name_at(const abg_sent *s, size_t t)
{
    size_t i;

    for (i = 0; i < s->nnames; i++)
        if (t >= s->names[i].tok0 && t < s->names[i].tok1)
            return &s->names[i];
    return NULL;
}

bool abg_sent_clause_break(const abg_about_state *st, const abg_sent *s, size_t i)
{
    const char *t = abg_sent_text(st, s, i);

    if (s->toks[i].kind != ABG_TOK_PUNCT)
        return false;
    return strchr(",;:()", *t) || *t == '-' || !memcmp(t, "\xe2\x80\x93", 3) ||
           !memcmp(t, "\xe2\x80\x94", 3);
}

bool abg_sent_noun(abg_about_state *st, const abg_sent *s, size_t i)
{
    const abg_token *t = &s->toks[i];
    size_t n;
    const char *f;

    if (t->kind != ABG_TOK_WORD || !(t->flags & ABG_TOKF_CAPITAL) || abg_sent_name_at(s, i))
        return false;
    if (!(f = abg_sent_fold(st, s, i, &n)) || n < 3 ||
        abg_stopwords_has(st->lang->stopwords, f, n))
        return false;
    if (i > 0 && !(s->toks[i - 1].kind == ABG_TOK_PUNCT && !abg_sent_clause_break(st, s, i - 1)))
        return true;
    /* the first word of a sentence is capitalised anyway: a noun only when
     * it is a measure cue */
    {
        const char *stem;
        size_t sl, k;
        if (abg_stem(&stem, &sl, st->stemmer, abg_sent_text(st, s, i), t->len) < 0)
            return false;
        for (k = 0; k + st->lex->min_mnoun <= sl && st->lex->min_mnoun; k++)
            if (abg_strset_has(&st->lex->mnouns, stem + k, sl - k))
                return true;
        return false;
    }
}

static const char *const prepositions[] = {
    "für",  "von",  "vom",  "mit",   "bei", "beim", "in",  "im",    "an",   "am",
    "auf",  "aus",  "nach", "zu",    "zum", "zur",  "über", "unter", "durch", "gegen",
    "ohne", "um",   "seit", "wegen", "laut", "pro", "je",  "vor",   "hinter", "neben",
    "zwischen", "ins", "ans", "aufs", "bis", NULL};

static const char *const conjunctions[] = {"und", "oder", "sowie", NULL};

static const char *const np_determiners[] = {
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen", "eines",
    "sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem", "ihren",
    "ihrer", "ihres", "dessen", "deren", "dieser", "diese", "dieses", "diesem", "diesen", NULL};

int abg_sent_attachment(abg_about_state *st, const abg_sent *s, size_t i)
{
    size_t j = i, skipped = 0;

    while (j > 0 && skipped < 3) {
        const abg_token *t = &s->toks[j - 1];
        const char *w = abg_sent_text(st, s, j - 1);
        /* a name in the genitive stands like a determiner: "OpenAIs Modelle" */
        bool genitive = (t->flags & ABG_TOKF_POSSESSIVE) ||
                        (abg_sent_name_at(s, j - 1) && t->len > 2 && w[t->len - 1] == 's');
        if (t->kind != ABG_TOK_WORD || ((t->flags & ABG_TOKF_CAPITAL) && !genitive) ||
            abg_sent_word_is(st, s, j - 1, prepositions) ||
            abg_sent_word_is(st, s, j - 1, conjunctions))
            break;
        j--; /* a determiner or an adjective */
        skipped++;
    }
    if (j == 0)
        return 0;
    if (abg_sent_word_is(st, s, j - 1, prepositions))
        return 1;
    /* "an Modellen und Produkten": a conjunct attaches as the one before */
    if (j >= 2 && abg_sent_word_is(st, s, j - 1, conjunctions) &&
        s->toks[j - 2].kind == ABG_TOK_WORD && (s->toks[j - 2].flags & ABG_TOKF_CAPITAL))
        return abg_sent_attachment(st, s, j - 2);
    if (skipped && abg_sent_word_is(st, s, j, np_determiners) && s->toks[j - 1].kind == ABG_TOK_WORD &&
        (s->toks[j - 1].flags & ABG_TOKF_CAPITAL) && !abg_sent_name_at(s, j - 1))
        return 2;
    return 0;
}

size_t abg_facts_from(const abg_about_state *st, size_t off)
{
    size_t lo = 0, hi = st->nfacts;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->facts[mid].off < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Does the byte at `off` of the text lie in a fact ("650 MW" holds no name)? */
bool abg_inside_fact(const abg_about_state *st, size_t off)
{
    size_t f = abg_facts_from(st, off + 1); /* the first fact starting after off */

    return f > 0 && off < st->facts[f - 1].off + st->facts[f - 1].len;
}

const char *const abg_determiners[] = {
    "der",  "die",  "das",   "dem",   "den",  "des",   "ein",   "eine",  "einer", "einem",
    "einen", "eines", "sein", "seine", "seinem", "seinen", "ihr", "ihre", "ihrem", "ihren",
    "dessen", "deren", NULL};

/* ---- sentences ---- */

static void sentence_dispose(abg_sent *s)
{
    size_t i;

    for (i = 0; i < s->nnames; i++)
        free(s->names[i].name);
    free(s->names);
    free(s->toks);
    free(s->clause);
    free(s->isname);
    free(s->folds);
    free(s->fold_off);
    free(s->phrases);
    free(s->subject);
    free(s->measure);
    memset(s, 0, sizeof *s);
}

/* The folded text of every token, once: the lexicon and the stopwords are
 * looked up by it many times per figure. */
static int fold_tokens(abg_sent *s, const char *text)
{
    abg_buf b = ABG_BUF_INIT;
    size_t i;
    int err = 0;

    if (!s->ntok)
        return 0;
    if (!(s->fold_off = malloc((s->ntok + 1) * sizeof *s->fold_off)))
        return ABG_ENOMEM;
    for (i = 0; i < s->ntok && !err; i++) {
        s->fold_off[i] = b.len;
        if ((err = abg_fold(&b, text + s->off + s->toks[i].off, s->toks[i].len)) >= 0)
            err = abg_buf_putc(&b, '\0');
    }
    if (err < 0) {
        abg_buf_dispose(&b);
        return err;
    }
    s->fold_off[s->ntok] = b.len;
    s->folds = abg_buf_detach(&b);
    return 0;
}

static int analyse(abg_about_state *st, abg_sent *s, size_t off, size_t len)
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
        if (abg_sent_clause_break(st, s, i))
            c++;
        s->clause[i] = c;
    }
    if ((err = fold_tokens(s, st->text)) < 0)
        return err;
    if (s->ntok && !(s->phrases = calloc(s->ntok * ABG_PHRASE_SETS, sizeof *s->phrases)))
        return ABG_ENOMEM;
    return abg_sent_find_names(st, s);
}

/* ---- subject and object ---- */

/* Does token i separate the items of a list: a comma, semicolon, colon,
 * bracket, "und", "sowie", or the edge of the sentence? */
static bool list_edge(abg_about_state *st, const abg_sent *s, size_t i)
{
    static const char *const ands[] = {"und", "sowie", "oder", NULL};

    if (i >= s->ntok)
        return true;
    if (s->toks[i].kind == ABG_TOK_PUNCT)
        return strchr(",;:()", *abg_sent_text(st, s, i)) != NULL;
    return abg_sent_word_is(st, s, i, ands);
}

/* A figure that is an item of a list names its own subject: "SPD 45,6
 * Prozent," or "52,9 Prozent Post,". Then the name (or capitalised
 * words) right before or after it, in *out (NULL when none). */
static int list_subject(char **out, abg_about_state *st, const abg_sent *s, size_t t0,
                        size_t t1)
{
    const abg_name_hit *h;
    size_t a, b;

    *out = NULL;
    /* after: FIG Name[ Name] followed by an edge */
    for (b = t1; b < s->ntok && b < t1 + 3 && s->toks[b].kind == ABG_TOK_WORD &&
                 (s->toks[b].flags & (ABG_TOKF_CAPITAL | ABG_TOKF_ALLCAPS | ABG_TOKF_INNERCAP));
         b++)
        ;
    if (b > t1 && list_edge(st, s, b) && (t0 == 0 || list_edge(st, s, t0 - 1))) {
        if ((h = abg_sent_name_at(s, t1)) && h->tok1 <= b)
            return (*out = abg_strdup(h->name)) ? 0 : ABG_ENOMEM;
        if (b - t1 == 1 && !abg_sent_noun(st, s, t1))
            return 0;
        abg_buf_truncate(&st->tmp, 0);
        for (a = t1; a < b; a++)
            if ((a > t1 && abg_buf_putc(&st->tmp, ' ') < 0) ||
                abg_buf_put(&st->tmp, abg_sent_text(st, s, a), s->toks[a].base_len) < 0)
                return ABG_ENOMEM;
        return (*out = abg_strndup(st->tmp.data, st->tmp.len)) ? 0 : ABG_ENOMEM;
    }
    /* before: edge Name FIG followed by an edge; also what falls "auf" a
     * name ("auf Anna Reinholz 56,3 Prozent") */
    if (t0 > 0 && (h = abg_sent_name_at(s, t0 - 1)) && h->tok1 == t0 &&
        (((h->tok0 == 0 || list_edge(st, s, h->tok0 - 1)) && list_edge(st, s, t1) &&
          (h->tok0 > 0 || t1 < s->ntok)) ||
         (h->tok0 > 0 && abg_sent_word(st, s, h->tok0 - 1, "auf"))))
        return (*out = abg_strdup(h->name)) ? 0 : ABG_ENOMEM;
    return 0;
}

/* The subject's evidence, for the claim's confidence. */
static const char *pick_subject(const abg_sent *s, const abg_sent *prev, size_t t0, size_t t1,
                                double *evidence)
{
    const abg_name_hit *best = NULL;
    unsigned c = t0 < s->ntok ? s->clause[t0] : 0;
    size_t i;

    *evidence = 1;
    for (i = 0; i < s->nnames; i++) /* 1: before it in the clause */
        if (!s->names[i].object && s->names[i].tok1 <= t0 && s->clause[s->names[i].tok0] == c)
            best = &s->names[i];
    if (best)
        return best->name;
    for (i = 0; i < s->nnames; i++) /* 2: after it in the clause */
        if (!s->names[i].object && s->names[i].tok0 >= t1 && s->clause[s->names[i].tok0] == c)
            return s->names[i].name;
    *evidence = 0.9;
    for (i = 0; i < s->nnames; i++) /* 3: before it in the sentence */
        if (!s->names[i].object && s->names[i].tok1 <= t0)
            best = &s->names[i];
    if (best)
        return best->name;
    *evidence = 0.8;
    if (prev && prev->toks) {
        if (prev->subject) /* 4: the sentence before */
            return prev->subject;
        for (i = 0; i < prev->nnames; i++)
            if (!prev->names[i].object)
                return prev->names[i].name;
    }
    *evidence = 0.7;
    for (i = 0; i < s->nnames; i++) /* 5: a name after a preposition ("Für Porsche") */
        if (s->names[i].tok1 <= t0 && !s->names[i].source)
            best = &s->names[i];
    if (best)
        return best->name;
    for (i = 0; i < s->nnames; i++)
        if (!s->names[i].source)
            return s->names[i].name;
    for (i = 0; prev && i < prev->nnames; i++)
        if (!prev->names[i].source)
            return prev->names[i].name;
    /* 6: who reports it, when nobody else is named ("Der Gewinn stieg um 5
     * Prozent, wie Siemens mitteilte"); an agency never, but the place a
     * statistics office reports for ("wie die Statistik Austria mitteilte":
     * Österreich) */
    for (i = 0; i < s->nnames; i++)
        if (!s->names[i].agency)
            return s->names[i].name;
    for (i = 0; i < s->nnames; i++)
        if (s->names[i].place)
            return s->names[i].place;
    return NULL;
}

/* The object of a measure relative to another party: the first name after
 * "an" (or "am") in the figure's clause. */
/* Is token i a noun the measure lexicon knows, as a cue or as a vague
 * word ("an Hilfen" is no party)? */
static bool measure_noun(abg_about_state *st, const abg_sent *s, size_t i)
{
    const char *stem;
    size_t sl;

    return abg_stem(&stem, &sl, st->stemmer, abg_sent_text(st, s, i), s->toks[i].len) == 0 &&
           (abg_strset_has(&st->lex->mnouns, stem, sl) ||
            abg_strset_has(&st->lex->notmeasure, stem, sl));
}

static const char *pick_object(abg_about_state *st, const abg_sent *s, size_t t0)
{
    static const char *const an[] = {"an", "am", NULL};
    unsigned c = t0 < s->ntok ? s->clause[t0] : 0;
    size_t i, k;

    for (i = 0; i < s->nnames; i++) {
        const abg_name_hit *h = &s->names[i];
        if (!h->object || s->clause[h->tok0] != c)
            continue;
        for (k = h->tok0; k > 0 && k + 2 >= h->tok0 && !abg_sent_word_is(st, s, k - 1, an); k--)
            ;
        if (k > 0 && k + 2 >= h->tok0 && abg_sent_word_is(st, s, k - 1, an))
            return h->name;
    }
    /* "an" right before a capitalised word, with no article: a proper
     * noun though a German word ("Anteil an Nordstern", not "an der
     * Firma") */
    for (i = 0; i + 1 < s->ntok; i++) {
        static const char *const only_an[] = {"an", NULL};
        size_t n;
        const char *f;
        if (s->clause[i] != c || !abg_sent_word_is(st, s, i, only_an))
            continue;
        for (k = i + 1; k < s->ntok && k < i + 4 && s->toks[k].kind == ABG_TOK_WORD &&
                        (s->toks[k].flags & ABG_TOKF_CAPITAL) &&
                        !abg_inside_fact(st, s->off + s->toks[k].off) &&
                        (f = abg_sent_fold(st, s, k, &n)) &&
                        !abg_stopwords_has(st->lang->stopwords, f, n);
             k++)
            ;
        if (k > i + 1 && !measure_noun(st, s, i + 1) && abg_sent_join(st, s, i + 1, k - i - 1, true))
            return st->tmp.data;
    }
    return NULL;
}

/* ---- what is not a claim ---- */

/* Is text[a..b) only blanks? */
static bool blank(const char *t, size_t a, size_t b)
{
    for (; a < b; a++)
        if (t[a] != ' ' && t[a] != '\t' && t[a] != '\n' && t[a] != '\r')
            return false;
    return true;
}

/* A date in a dateline or byline: "(APA, 23.8.2015)", "(Katharina
 * Mittelstaedt, 26.4.2016)", "Stand: 12. März 2025", "Timo Rehberg |
 * 29. Oktober 2025" on a line of its own. */
static bool dateline(const char *t, size_t len, const abg_fact *f)
{
    size_t a = f->off, e = f->off + f->len, i, words = 0;

    if (f->type != ABG_FACT_DATE)
        return false;
    while (e < len && (t[e] == ' ' || t[e] == '\t'))
        e++;
    /* "(AGENCY, DATE)": a short run of words between "(" and the date */
    if (e < len && t[e] == ')') {
        for (i = a; i > 0 && a - i < 80; i--) {
            char c = t[i - 1];
            if (c == '(')
                return words >= 1 && words <= 8;
            if (c == ')' || c == '.' || c == '\n' || (c >= '0' && c <= '9'))
                return false;
            if (c == ',' || c == ';' || c == '/')
                words += words == 0;
            if (c == ' ')
                words++;
        }
        return false;
    }
    /* "Stand: DATE", "Stand DATE" */
    for (i = a; i > 0 && (t[i - 1] == ' ' || t[i - 1] == ':'); i--)
        ;
    if (i >= 5 && !memcmp(t + i - 5, "Stand", 5) && (i == 5 || t[i - 6] == ' ' ||
                                                    t[i - 6] == '(' || t[i - 6] == '\n'))
        return true;
    /* a byline: "NAME | DATE" or "von NAME, DATE" ending its line */
    if (e < len && t[e] != '\n')
        return false;
    for (i = a; i > 0 && t[i - 1] != '\n'; i--)
        if (t[i - 1] == '|')
            return a - i < 80;
    return false;
}

/* An amount converted in parentheses right after another one, in another
 * currency: "1,5 Milliarden Dollar (1,24 Milliarden Euro)", also with
 * "umgerechnet", "rund", "etwa" in front. */
static bool conversion(const char *t, const abg_fact *facts, size_t k)
{
    static const char *const lead[] = {"umgerechnet", "rund", "etwa", "circa", "ca.", "knapp",
                                       "gut", "derzeit", "aktuell", NULL};
    const abg_fact *f = &facts[k], *p;
    size_t a, b, j;

    if (f->type != ABG_FACT_MONEY || k == 0)
        return false;
    p = &facts[k - 1];
    if (p->type != ABG_FACT_MONEY || !p->unit || !f->unit || !strcmp(p->unit, f->unit))
        return false;
    a = p->off + p->len;
    b = f->off;
    if (b < a || b - a > 40)
        return false;
    while (a < b && (t[a] == ' ' || t[a] == '\t'))
        a++;
    if (a < b && (t[a] == '(' || t[a] == ',' || t[a] == '-' || t[a] == '/'))
        a++;
    else if (!(b - a >= 3 && !memcmp(t + a, "\xe2\x80\x93", 3)))
        return false;
    else
        a += 3;
    while (a < b) {
        while (a < b && (t[a] == ' ' || t[a] == '\t'))
            a++;
        for (j = 0; lead[j]; j++) {
            size_t l = strlen(lead[j]);
            if (b - a >= l && !memcmp(t + a, lead[j], l) &&
                (a + l == b || t[a + l] == ' ' || t[a + l] == ':')) {
                a += l + (a + l < b && t[a + l] == ':');
                break;
            }
        }
        if (!lead[j])
            break;
    }
    return blank(t, a, b);
}

/* The publication day from a dateline, when the document gives none. */
static void day_of_date(abg_about_state *st, const abg_fact *f)
{
    abg_date d;

    if (abg_date_parse(&d, f->date) == 0 && !d.part && d.day && d.year >= 1900) {
        st->pub_year = d.year;
        st->pub_month = d.month;
        st->pub_day = d.day;
    }
}

static void parse_published(abg_about_state *st, const char *p)
{
    int y, m, d;

    if (abg_published_day(p, &y, &m, &d) == 0 && y >= 1900) {
        st->pub_year = y;
        st->pub_month = m;
        st->pub_day = d;
    }
}

/* ---- attributes (for people) ---- */

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

static int add_word(stems *a, abg_about_state *st, const abg_sent *s, size_t i)
{
    const abg_token *t = &s->toks[i];
    const char *stem, *f;
    size_t sl, n;
    int err;

    if (t->kind != ABG_TOK_WORD || !(f = abg_sent_fold(st, s, i, &n)))
        return 0;
    if (abg_stopwords_has(st->lang->stopwords, f, n) || abg_strset_has(&st->lex->now, f, n) ||
        abg_strset_has(&st->lex->formerly, f, n))
        return 0;
    if ((err = abg_stem(&stem, &sl, st->stemmer, abg_sent_text(st, s, i), t->len)) < 0)
        return err == ABG_EPARSE ? 0 : err;
    if ((err = stems_add_min(a, st->lex, stem, sl, 3)) < 0)
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
            if ((err = stems_add_min(a, st->lex, stem, sl, 3)) < 0)
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
static bool in_fact(const abg_sent *s, size_t t, const abg_fact *facts, size_t nfacts)
{
    size_t off = s->off + s->toks[t].off, i;

    for (i = 0; i < nfacts; i++)
        if (off >= facts[i].off && off < facts[i].off + facts[i].len)
            return true;
    return false;
}

static int attribute(stems *a, abg_about_state *st, const abg_sent *s, size_t t0, size_t t1,
                     const abg_fact *facts, size_t nfacts)
{
    long c = t0 < s->ntok ? (long)s->clause[t0] : 0, lo = c, hi = c;
    size_t i;
    int err, round;

    for (round = 0; round < 2; round++) {
        for (i = 0; i < s->ntok; i++) {
            long ci = (long)s->clause[i];
            if (ci < lo || ci > hi || (round == 1 && ci == c))
                continue;
            if ((i >= t0 && i < t1) || abg_sent_name_at(s, i) || in_fact(s, i, facts, nfacts))
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

/* ---- one fact ---- */

/* How many facts like f (its type and unit: a list of percentages, of
 * amounts in one currency, of counts of one noun) sentence s holds. */
static size_t nsfacts_like(const abg_fact *facts, size_t nfacts, const abg_sent *s,
                           const abg_fact *f)
{
    size_t i, n = 0;

    for (i = 0; i < nfacts; i++)
        n += facts[i].type == f->type && facts[i].off >= s->off &&
             facts[i].off < s->off + s->len &&
             (facts[i].unit == f->unit ||
              (facts[i].unit && f->unit && !strcmp(facts[i].unit, f->unit)));
    return n;
}

/* A personal pronoun among the three words before token t0 ("Auf ihn
 * entfielen 43,7 Prozent"): the figure is of the one named before. */
static bool pronoun_before(abg_about_state *st, const abg_sent *s, size_t t0)
{
    static const char *const pronouns[] = {"er", "ihn", "ihm", "sie", "ihr", "ihnen", NULL};
    size_t i;

    for (i = t0; i > 0 && i + 3 >= t0; i--)
        if (abg_sent_word_is(st, s, i - 1, pronouns))
            return true;
    return false;
}

/* Does the sentence open with "Er" or "Sie", the person of the sentence
 * before ("Er starb im Alter von 89 Jahren.")? */
/* Does s open with "Der" or "Die" and a capitalised word or an age ("Der
 * US-Star", "Die 47-Jährige")? */
static bool opens_definite(abg_about_state *st, const abg_sent *s)
{
    static const char *const the[] = {"der", "die", NULL};

    const char *w;

    if (s->ntok <= 2 || !abg_sent_word_is(st, s, 0, the))
        return false;
    w = abg_sent_text(st, s, 1);
    return (s->toks[1].flags & ABG_TOKF_CAPITAL) || (*w >= '0' && *w <= '9');
}

static bool starts_with_he_she(abg_about_state *st, const abg_sent *s)
{
    static const char *const he_she[] = {"er", "sie", NULL};

    return s->ntok > 1 && abg_sent_word_is(st, s, 0, he_she);
}

/* How many facts like facts[k] sentence s holds with the same time scope
 * as ab's (in *n, counting facts[k]), and how many of the current state
 * (now or no time; in *cur). */
static int nsfacts_like_now(size_t *n, size_t *cur, abg_about_state *st, const abg_fact *facts,
                            size_t nfacts, const abg_sent *s, size_t k, const bool *skipped,
                            const abg_about *ab, bool grows)
{
    const abg_fact *f = &facts[k];
    size_t i, t0, t1;
    int err;

    *n = *cur = 0;
    if (nsfacts_like(facts, nfacts, s, f) < 2)
        return 0;
    for (i = 0; i < nfacts; i++) {
        const abg_fact *g = &facts[i];
        char *tg = NULL;
        size_t rel;
        bool earlier = false;
        if (g->type != f->type || g->off < s->off || g->off >= s->off + s->len ||
            !(g->unit == f->unit || (g->unit && f->unit && !strcmp(g->unit, f->unit))))
            continue;
        if (i == k) {
            (*n)++;
            continue;
        }
        rel = g->off - s->off;
        for (t0 = 0; t0 < s->ntok && s->toks[t0].off + s->toks[t0].len <= rel; t0++)
            ;
        for (t1 = t0; t1 < s->ntok && s->toks[t1].off < rel + g->len; t1++)
            ;
        if (abg_role_find(st, s, t0, t1, g, &earlier) != ab->role)
            continue; /* a level and a change are no list ("18,6 Grad, 1,7 Grad mehr") */
        if (earlier)
            tg = abg_strdup("earlier");
        else if (g->type != ABG_FACT_DATE &&
                 (err = abg_timescope_find(&tg, st, s, t0, t1, facts, nfacts, i, skipped,
                                           grows)) < 0)
            return err;
        if ((!tg && !ab->time) || (tg && ab->time && !strcmp(tg, ab->time)))
            (*n)++;
        *cur += !tg || !strcmp(tg, "now");
        free(tg);
    }
    return 0;
}

/* The name of a place right after the noun at token i, when that noun is
 * no part of a prepositional phrase: "in" or "im", at most one
 * determiner, then the name ("Inflation in der Eurozone"). */
static const char *place_after(abg_about_state *st, const abg_sent *s, size_t i)
{
    static const char *const in[] = {"in", "im", NULL};
    const abg_name_hit *h;
    size_t j = i + 1;

    if (j >= s->ntok || !(s->toks[i].flags & ABG_TOKF_CAPITAL) ||
        !abg_sent_word_is(st, s, j, in) || abg_sent_attachment(st, s, i) == 1)
        return NULL; /* not a noun in a prepositional phrase ("mit den Protestierenden im Iran") */
    j++;
    if (j < s->ntok && abg_sent_word_is(st, s, j, abg_determiners))
        j++;
    h = j < s->ntok ? abg_sent_name_at(s, j) : NULL;
    return h && h->tok0 == j && !h->source ? h->name : NULL;
}

static int about_one(abg_about *ab, abg_about_state *st, const abg_fact *facts, size_t nfacts,
                     size_t k, const bool *skipped)
{
    const abg_fact *f = &facts[k];
    abg_sent *s = &st->cur;
    abg_measure_hit m;
    stems a = {NULL, 0, 0};
    size_t rel = f->off - s->off, t0, t1;
    const char *subj;
    const abg_fact *sfacts = facts;
    size_t nsfacts = 0;
    double sev;
    bool earlier = false, grows = false, anonymous;
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
    if ((err = list_subject(&ab->subject, st, s, t0, t1)) < 0)
        return err;
    sev = 1;
    if (!ab->subject && (subj = pick_subject(s, &st->prev, t0, t1, &sev)) &&
        !(ab->subject = abg_strdup(subj)))
        return ABG_ENOMEM;
    ab->inferred = !ab->subject || sev < 0.9;
    if ((err = abg_measure_find(&m, st, s, t0, t1, f)) < 0)
        return err;
    /* "die Inflation in der Eurozone", "die Arbeitslosenquote in Spanien":
     * the place right after the measure's noun is whose figure it is */
    if (ab->inferred && f->type != ABG_FACT_DATE && m.name && m.cue != SIZE_MAX &&
        (subj = place_after(st, s, m.cue))) {
        free(ab->subject);
        if (!(ab->subject = abg_strdup(subj)))
            return ABG_ENOMEM;
        sev = 1;
        ab->inferred = false;
    }
    /* ... and so is the place right after that noun in the sentence
     * before, which the subject came from ("Die Teuerungsrate in
     * Deutschland ist gesunken. Laut Bundesamt liegt sie bei 2,6 Prozent") */
    if (ab->inferred && ab->subject && f->type != ABG_FACT_DATE && m.name &&
        st->prev.toks && st->prev.off + st->prev.len <= s->off) {
        size_t i;
        for (i = 0; i < st->prev.ntok; i++)
            if (abg_measure_cue_of(st, &st->prev, i, f->type, m.name) &&
                (subj = place_after(st, &st->prev, i)) && !strcmp(subj, ab->subject)) {
                sev = 0.9;
                ab->inferred = false;
                break;
            }
    }
    /* a period of a report on a period figure, in a clause of its own
     * ("Die Arbeitslosenquote ist im April 2014 gesunken"); not the start
     * or end of something ("seit 1999", "bis 2030") */
    if (f->type == ABG_FACT_DATE && abg_period_date(st, s, t0, t1, f))
        st->period[k] = ABG_PERIOD_REF;
    /* an age belongs to the person the sentence names ("der 43-jährige
     * Streeting", "Bardot ist mit 91 Jahren gestorben") or, after "Er" or
     * "Sie", the one before ("Er starb im Alter von 89 Jahren"), and so
     * does one of a sentence opening with "Der" or "Die" and a noun when
     * the sentence before names a person in full ("Nun ist Robert Redford
     * gestorben. Der US-Star starb im Alter von 89 Jahren"); "der
     * 75-Jährige" or "die jüngsten waren 14 Jahre alt" alone may be
     * anybody */
    anonymous = (abg_fact_is_age(f) || (m.name && !strcmp(m.name, "alter"))) &&
                (!ab->subject ||
                 (sev < 0.9 && !(sev >= 0.8 && (starts_with_he_she(st, s) ||
                                                (opens_definite(st, s) && strchr(ab->subject, ' '))))));
    if (anonymous && opens_definite(st, s) && st->prev.toks) {
        /* "Die bisherige Ministerin Nina Warken soll ... Die 47-Jährige
         * soll auf Thorsten Frei folgen": the person the sentence before
         * names in full, not one after a preposition here */
        size_t i;
        for (i = 0; i < st->prev.nnames; i++) {
            const abg_name_hit *h = &st->prev.names[i];
            if (!h->object && !h->source && strchr(h->name, ' ')) {
                free(ab->subject);
                if (!(ab->subject = abg_strdup(h->name)))
                    return ABG_ENOMEM;
                sev = 0.8;
                ab->inferred = true;
                anonymous = false;
                break;
            }
        }
    }
    if (anonymous && ab->subject) {
        free(ab->subject);
        ab->subject = NULL;
        ab->inferred = false;
    }
    if (m.name) {
        if (!(ab->measure = m.own ? m.own : abg_strdup(m.name)))
            return ABG_ENOMEM;
        m.own = NULL;
        /* running counts and moving prices: values of different days
         * differ in time; only a count reads "bislang" as its current state */
        ab->running = (m.flags & (ABG_MEASURE_RUNNING | ABG_MEASURE_MOVING)) != 0;
        ab->match = (m.flags & ABG_MEASURE_MATCH) != 0;
        grows = (m.flags & ABG_MEASURE_RUNNING) != 0;
        if (m.flags & ABG_MEASURE_DEAL) {
            /* the buyer is the subject, the target the object; from the
             * sentence before when this one names nobody and that one
             * speaks of a purchase ("Der Kaufpreis beträgt 1,5 Milliarden
             * Dollar" after "Helios kauft Cobalt") */
            const abg_sent *d = s;
            const char *buyer, *target;
            size_t i;
            for (i = 0; i < s->nnames && s->names[i].source; i++)
                ;
            if (i == s->nnames)
                d = st->prev.toks && abg_measure_flag_in(st, &st->prev, ABG_MEASURE_DEAL)
                        ? &st->prev
                        : NULL;
            buyer = target = NULL;
            if (d)
                abg_deal_parties(st, d, &buyer, &target);
            if (buyer && (!ab->subject || strcmp(buyer, ab->subject))) {
                free(ab->subject);
                if (!(ab->subject = abg_strdup(buyer)))
                    return ABG_ENOMEM;
            }
            if (target && (!ab->subject || strcmp(target, ab->subject)) &&
                !(ab->object = abg_strdup(target)))
                return ABG_ENOMEM;
        } else if (m.flags & ABG_MEASURE_OBJECT) {
            const char *o = pick_object(st, s, t0);
            if (o && (!ab->subject || strcmp(o, ab->subject)) && !(ab->object = abg_strdup(o)))
                return ABG_ENOMEM;
        }
        if ((m.flags & ABG_MEASURE_ELECTION) && !ab->object) {
            const char *o;
            if ((err = abg_election_place(&o, st)) < 0)
                return err;
            if (o && (!ab->subject || strcmp(o, ab->subject)) && !(ab->object = abg_strdup(o)))
                return ABG_ENOMEM;
        }
        /* a forecast of a period figure is its forecaster's: "Die
         * EU-Kommission erwartet 0,6 Prozent Wachstum" and "Die
         * Wirtschaftsweisen erwarten 0,5 Prozent" are two forecasts */
        if ((m.flags & ABG_MEASURE_PERIOD) && !ab->object && f->type != ABG_FACT_DATE &&
            (err = abg_forecaster(&ab->object, st, s, t0, ab->subject)) < 0)
            return err;
    }
    /* no subject at all: the measure alone decides, a little less sure */
    ab->confidence = anonymous ? 0 : (ab->subject ? sev : 0.8) * (m.name ? m.evidence : 0);
    /* in hundredths, as facts -f jsonl writes it: a check over shards of
     * facts gives what a check over the texts gives */
    ab->confidence = floor(ab->confidence * 100 + 0.5) / 100;
    ab->role = abg_role_find(st, s, t0, t1, f, &earlier);
    if (f->type != ABG_FACT_DATE &&
        (err = abg_timescope_find(&ab->time, st, s, t0, t1, facts, nfacts, k, skipped, grows)) <
            0)
        return err;
    /* a figure of a reporting period whose sentence names no time is of
     * the one period the sentence right before names for such a figure */
    if (f->type != ABG_FACT_DATE && !ab->time && m.name && (m.flags & ABG_MEASURE_PERIOD) &&
        (err = abg_period_before(&ab->time, st, s, facts, nfacts, skipped)) < 0)
        return err;
    /* a figure of a period measure takes the document's reference period
     * when it has no time */
    if (f->type != ABG_FACT_DATE && m.name && (m.flags & ABG_MEASURE_PERIOD))
        st->period[k] =
            ABG_PERIOD_MEASURE | (earlier || ab->role != ABG_ROLE_LEVEL ? 0 : ABG_PERIOD_NAMES);
    /* the earlier level is of its own time when it names one ("nach 2,9
     * Prozent im April"), else just earlier */
    if (earlier && !(ab->time && ab->time[0] >= '0' && ab->time[0] <= '9')) {
        free(ab->time);
        if (!(ab->time = abg_strdup("earlier")))
            return ABG_ENOMEM;
    }
    /* a figure of a list of figures ("die Grünen mit 27,9 Prozent vor den
     * Schwarzen mit 26,3 Prozent") whose sentence names nobody: each belongs
     * to somebody else, and the subject of the sentence before is none of
     * theirs; such a figure is not compared. Figures of different times
     * ("3,1 Prozent heuer, nach 2,9 Prozent im Vorjahr") are a series of
     * one subject, not a list. */
    {
        size_t like = 0, cur = 0;
        if ((err = nsfacts_like_now(&like, &cur, st, facts, nfacts, s, k, skipped, ab, grows)) < 0)
            return err;
        /* the old value beside the new one in one sentence ("künftig 49,9
         * Prozent, bislang 30 Prozent") is the A of "von A auf B" */
        if (cur && ab->time && !strncmp(ab->time, "before", 6)) {
            free(ab->time);
            if (!(ab->time = abg_strdup("earlier")))
                return ABG_ENOMEM;
        }
        /* an age "damals" is an age of another time, not a rival of
         * today's ("die damals 22-jährige Bardot") */
        if (ab->measure && !strcmp(ab->measure, "alter") && ab->time &&
            !strncmp(ab->time, "before", 6)) {
            free(ab->time);
            if (!(ab->time = abg_strdup("earlier")))
                return ABG_ENOMEM;
        }
        if (ab->subject && sev <= 0.8 && like > 1 && !pronoun_before(st, s, t0)) {
            free(ab->subject);
            ab->subject = NULL;
            ab->inferred = false;
            ab->confidence = 0;
        }
    }
    err = attribute(&a, st, s, t0, t1, sfacts, nsfacts);
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
    if (ab->subject && !s->subject)
        return ABG_ENOMEM;
    if (ab->measure) {
        free(s->measure);
        free(st->last_measure);
        if (!(s->measure = abg_strdup(ab->measure)) ||
            !(st->last_measure = abg_strdup(ab->measure)))
            return ABG_ENOMEM;
        s->measure_type = st->last_type = f->type;
        st->last_end = f->off + f->len;
    }
    return 0;
}

/* The sentence before the one at `off`: the last sentence of the up to
 * PREV_WINDOW bytes before it (splitting only there keeps the cost with
 * the facts, not with the document; a longer sentence is cut to its end).
 * 0 when there is none, 1 when there is. */
#define PREV_WINDOW 640

static int sentence_before(abg_span *out, const abg_about_state *st, size_t off)
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
    return blank(s, 0, n);
}

const char *abg_role_name(abg_role role)
{
    return role == ABG_ROLE_CHANGE ? "change" : "level";
}

int abg_about_facts(abg_about **out, char *day, abg_ctx *ctx, const abg_lexicon *lex,
                    const abg_lang *lang, abg_stemmer *stemmer, const abg_doc *doc,
                    const abg_fact *facts, size_t n)
{
    abg_about_state st;
    abg_about *ab = NULL;
    bool *skipped = NULL;
    size_t len, i;
    int err = 0;

    *out = NULL;
    memset(&st, 0, sizeof st);
    st.text = abg_doc_text(doc, &len);
    st.title = abg_doc_title(doc);
    parse_published(&st, abg_doc_published(doc));
    if (n && (!(ab = calloc(n, sizeof *ab)) || !(skipped = calloc(n, sizeof *skipped)) ||
              !(st.period = calloc(n, sizeof *st.period)))) {
        err = ABG_ENOMEM;
        goto done;
    }
    /* what is not a claim; a dateline dates the document when nothing else does */
    for (i = 0; i < n; i++) {
        if (dateline(st.text, len, &facts[i])) {
            ab[i].skip = "dateline";
            if (!st.pub_year)
                day_of_date(&st, &facts[i]);
        } else if (conversion(st.text, facts, i)) {
            ab[i].skip = "conversion";
        }
        skipped[i] = ab[i].skip != NULL;
    }
    /* a bare year beside an amount is that amount's time ("2024 stieg der
     * Umsatz auf 4,8 Mrd. Euro"), no claim of its own; it still dates the
     * amount (skipped[] stays false). "bis 2032" is a claim: a deadline. */
    for (i = 0; i < n; i++) {
        size_t j;
        if (ab[i].skip || facts[i].type != ABG_FACT_DATE || strlen(facts[i].date) != 4 ||
            facts[i].date_to[0] || facts[i].qualifier != ABG_QUAL_EXACT)
            continue;
        for (j = i; j > 0 && facts[j - 1].sent_off == facts[i].sent_off; j--)
            ;
        for (; j < n && facts[j].sent_off == facts[i].sent_off; j++)
            if (facts[j].type != ABG_FACT_DATE && !skipped[j]) {
                ab[i].skip = "time";
                break;
            }
    }
    if (day) {
        if (st.pub_year)
            snprintf(day, 11, "%04u-%02u-%02u", (unsigned)st.pub_year % 10000u,
                     (unsigned)st.pub_month % 100u, (unsigned)st.pub_day % 100u);
        else
            *day = '\0';
    }
    if (n == 0)
        goto done;
    st.ctx = ctx;
    st.lex = lex;
    st.lang = lang;
    st.stemmer = stemmer;
    st.facts = facts;
    st.nfacts = n;
    if ((err = abg_headline_name(&st, abg_doc_title(doc), st.text)) < 0)
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
        err = about_one(&ab[i], &st, facts, n, i, skipped);
    }
    if (!err)
        err = abg_reference_period(ab, facts, st.period, n);
done:
    free(skipped);
    free(st.period);
    free(st.election_place);
    if (err == ABG_ENOMEM || (n && !ab))
        err = abg_error_oom(ctx);
    else if (err < 0)
        err = abg_error(ctx, err, "%s: cannot analyse the sentences of the facts",
                        abg_doc_id(doc));
    sentence_dispose(&st.cur);
    sentence_dispose(&st.prev);
    for (i = 0; i < st.nmulti; i++)
        free(st.multi[i]);
    free(st.multi);
    free(st.last_measure);
    abg_buf_dispose(&st.fold);
    abg_buf_dispose(&st.tmp);
    abg_strset_dispose(&st.docnames);
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
        free(about[i].object);
        free(about[i].measure);
        free(about[i].time);
        for (k = 0; k < about[i].nattribute; k++)
            free(about[i].attribute[k]);
        free(about[i].attribute);
    }
    free(about);
}
