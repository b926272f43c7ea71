/*
 * measure.c: what a figure measures.
 *
 * In:  a fact, the analysed sentence it stands in (about.h), the measure
 *      lexicon (rules/measures.de and the user's lexicon files).
 * Out: an abg_measure_hit: a canonical measure ("anteil"), its flags and
 *      how sure the finding is. The name is borrowed from the lexicon, or
 *      owned by the hit (`own`) when it is a stem of the text.
 *
 * The measure comes from local syntax around the figure, strongest first:
 *
 *   1. the counted noun of a quantity ("800 Millionen Nutzer");
 *   2. a compound the figure is part of ("250-Milliarden-Verpflichtung");
 *   3. the noun the figure belongs to: right after it ("27 % Anteil",
 *      "27 % der Stimmen") or before "von"/"über" ("Anteil von 27 %"); a
 *      bare change noun before "um" ("die Senkung um 0,25 Punkte") changes
 *      what the figure before measured;
 *   4. a cue of the lexicon in the figure's clause, the nearest one: a noun
 *      (by its stem, or the end of a compound), a verb form or a phrase
 *      ("hält", "ums Leben");
 *   5. such a cue in another clause of the sentence, the nearest first;
 *   6. a weak cue in the clause ("im Wert von": a value, unless something
 *      better says of what);
 *   7. the nearest noun of the clause that names no person, place or
 *      vague thing: its stem is the measure;
 *   8. the measure of the sentence before, when the clause names no noun
 *      at all ("Der Konzern kommt auf rund ein Drittel.").
 *
 * A valuation in a clause that speaks of the stock market ("ist an der
 * Börse 4 Billionen Dollar wert") is the market value.
 *
 * A noun whose stem ends in a change word ("Umsatzplus") measures what its
 * front names ("Umsatz"); role.c makes it a change.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "about.h"
#include "ctx.h"

/* A figure takes the measure of the last one at most this many bytes
 * before it (a sentence or two). */
#define INHERIT_SPAN 400

/* Bytes of a stem that a compound's listed end must keep before it. */
#define MIN_FRONT 2

typedef struct {
    const abg_measure_def *def; /* a lexicon measure, or NULL */
    char *stem;                 /* else the noun's own stem (owned) */
    bool skip;                  /* a noun that names no measure */
    bool counted;               /* ... one that, counted, is what is
                                   measured (lexicon `counted`: Länder) */
} noun_reading;

/* The stem of text[0..len) in a new string (NULL when out of memory or
 * when it cannot be stemmed: *bad is set then). */
static char *stem_dup(abg_about_state *st, const char *w, size_t len, bool *bad)
{
    const char *stem;
    size_t sl;
    int err = abg_stem(&stem, &sl, st->stemmer, w, len);

    *bad = err < 0 && err != ABG_ENOMEM;
    return err < 0 ? NULL : abg_strndup(stem, sl);
}

/* A change word at the end of stem[0..n) ("umsatzplus"): the length of
 * the front, else n. */
static size_t strip_change(const abg_lexicon *lex, const char *stem, size_t n)
{
    static const char *const ends[] = {"plus", "minus", "ruckgang", "anstieg", "zuwachs",
                                       "sprung", "einbruch", "steiger"};
    size_t k;

    (void)lex;
    for (k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        size_t l = strlen(ends[k]);
        if (n >= l + 4 && !memcmp(stem + n - l, ends[k], l))
            return n - l;
    }
    return n;
}

/* The measure a noun stem names for facts of `type`: the stem itself or
 * its longest listed end; NULL when there is none, or when a longer end
 * is a `notmeasure` word (Todeszahl ends in Zahl). */
static const abg_measure_def *stem_measure(const abg_lexicon *lex, const char *stem, size_t n,
                                           abg_fact_type type)
{
    size_t k;

    for (k = 0; k + 3 <= n; k++) {
        const char *v;
        if (k && k < MIN_FRONT)
            continue;
        if (((unsigned char)stem[k] & 0xC0) == 0x80)
            continue; /* inside a character */
        if ((v = abg_strset_get(&lex->mnouns, stem + k, n - k))) {
            const abg_measure_def *d = abg_lexicon_measure(lex, v, type);
            if (d)
                return d;
        }
        if (abg_strset_has(&lex->notmeasure, stem + k, n - k))
            return NULL;
    }
    return NULL;
}

/* Does a `notmeasure` word end the stem, before any measure does? */
static bool vague(const abg_lexicon *lex, const char *stem, size_t n)
{
    size_t k;

    for (k = 0; k + 3 <= n; k++) {
        if ((k && k < MIN_FRONT) || ((unsigned char)stem[k] & 0xC0) == 0x80)
            continue;
        if (abg_strset_has(&lex->mnouns, stem + k, n - k))
            return false;
        if (abg_strset_has(&lex->notmeasure, stem + k, n - k))
            return true;
    }
    return false;
}

/* Does a `counted` word end the stem (Bundesländer, Mitgliedsstaaten),
 * before any measure does? */
static bool counted(const abg_lexicon *lex, const char *stem, size_t n)
{
    size_t k;

    for (k = 0; k + 3 <= n; k++) {
        if ((k && k < 3) || ((unsigned char)stem[k] & 0xC0) == 0x80)
            continue; /* a front of three bytes at least: Beamte is no Amt */
        if (abg_strset_has(&lex->mnouns, stem + k, n - k))
            return false;
        if (abg_strset_has(&lex->counted, stem + k, n - k))
            return true;
        /* a whole word listed notmeasure only (Ausländer) */
        if (k == 0 && abg_strset_has(&lex->notmeasure, stem, n))
            return false;
    }
    return false;
}

/* Snowball stems a long compound as one word and may cut an end its last
 * part keeps alone (Teuerung: teuerung, Jahresteuerung: jahresteuer), and
 * a stem's end may be a vague word (jahre|steuer). The measure of the
 * longest last part that is a noun cue as the lexicon writes it. */
static const abg_measure_def *tail_measure(abg_about_state *st, const char *w, size_t len,
                                           abg_fact_type type)
{
    const char *f, *v;
    size_t k, n;

    abg_buf_truncate(&st->fold, 0);
    if (abg_fold(&st->fold, w, len) < 0)
        return NULL;
    f = st->fold.data;
    n = st->fold.len;
    for (k = MIN_FRONT + 1; k + 5 <= n; k++) {
        if (((unsigned char)f[k] & 0xC0) == 0x80)
            continue;
        if ((v = abg_strset_get(&st->lex->msurface, f + k, n - k)))
            return abg_lexicon_measure(st->lex, v, type);
    }
    return NULL;
}

/* What the noun w[0..len) names for facts of `type` (for a hyphenated
 * compound: its last part). */
static int read_noun(noun_reading *out, abg_about_state *st, const char *w, size_t len,
                     abg_fact_type type)
{
    const abg_lexicon *lex = st->lex;
    const char *dash;
    char *stem;
    size_t n, front;
    bool bad;

    memset(out, 0, sizeof *out);
    /* the last part of a hyphenated compound: Azure-Verpflichtung */
    while ((dash = memchr(w, '-', len)) && (size_t)(dash - w) + 1 < len) {
        len -= (size_t)(dash - w) + 1;
        w = dash + 1;
    }
    if (!(stem = stem_dup(st, w, len, &bad))) {
        out->skip = true;
        return bad ? 0 : ABG_ENOMEM;
    }
    n = strlen(stem);
    front = strip_change(lex, stem, n);
    if (front < n) /* Umsatzplus: the measure is the front */
        stem[n = front] = '\0';
    if ((out->def = stem_measure(lex, stem, n, type)) ||
        (len >= 10 && (out->def = tail_measure(st, w, len, type)))) {
        free(stem);
        return 0;
    }
    if (n < 3 || vague(lex, stem, n) ||
        abg_strset_has(&lex->mweak, stem, n) || abg_strset_has(&lex->events, stem, n) ||
        abg_strset_has(&lex->mnouns, stem, n)) {
        /* vague, or a cue of a measure for other types */
        out->counted = n >= 3 && counted(lex, stem, n);
        free(stem);
        out->skip = true;
        return 0;
    }
    {
        const char *to = abg_strset_get(&lex->same, stem, n);
        if (to) {
            free(stem);
            if (!(stem = abg_strdup(to)))
                return ABG_ENOMEM;
        }
    }
    out->stem = stem;
    return 0;
}

static void hit_def(abg_measure_hit *out, const abg_measure_def *d, double evidence, size_t cue)
{
    out->name = d->name;
    out->flags = d->flags;
    out->evidence = evidence;
    out->cue = cue;
}

static void hit_stem(abg_measure_hit *out, char *stem, double evidence, size_t cue)
{
    out->own = stem;
    out->name = stem;
    out->flags = 0;
    out->evidence = evidence;
    out->cue = cue;
}

/* Token i as a noun of the fact's type: 1 a lexicon measure, 2 a stem of
 * its own (in r), 0 nothing. */
static int noun_at(noun_reading *r, abg_about_state *st, const abg_sent *s, size_t i,
                   abg_fact_type type)
{
    int err;

    memset(r, 0, sizeof *r);
    if (i >= s->ntok || !abg_sent_noun(st, s, i) || abg_sent_word_in(st, s, i, &st->lex->change))
        return 0;
    if ((err = read_noun(r, st, abg_sent_text(st, s, i), s->toks[i].len, type)) < 0)
        return err;
    return r->def ? 1 : r->stem ? 2 : 0;
}

/* A cue of the lexicon at token i (not in the figure, not a name): the
 * measure, or NULL. `weak`: look up the weak cues instead. */
static const abg_measure_def *cue_at(abg_about_state *st, const abg_sent *s, size_t i,
                                     abg_fact_type type, bool weak)
{
    const abg_lexicon *lex = st->lex;
    const char *v = NULL;

    if (s->toks[i].kind != ABG_TOK_WORD || abg_sent_name_at(s, i))
        return NULL;
    /* word cues are verbs and adjectives: "wert", not the noun "Wert" */
    if ((!(s->toks[i].flags & ABG_TOKF_CAPITAL) || i == 0) &&
        abg_sent_phrase(st, s, i, weak ? &lex->mweak : &lex->mwords,
                        weak ? 4 : lex->max_mwords, &v) &&
        v) {
        const abg_measure_def *d = abg_lexicon_measure(lex, v, type);
        if (d)
            return d;
    }
    if (!weak && lex->nsplits && s->toks[i].kind == ABG_TOK_WORD) {
        /* a separable verb: "setzte … um", the particle later in the clause */
        size_t k, j, n;
        const char *f = abg_sent_fold(st, s, i, &n);
        for (k = 0; f && k < lex->nsplits; k++) {
            const abg_split_cue *sc = &lex->splits[k];
            const abg_measure_def *d;
            if (strlen(sc->verb) != n || memcmp(sc->verb, f, n))
                continue;
            for (j = i + 1; j < s->ntok && s->clause[j] == s->clause[i]; j++) {
                const char *const particle[] = {sc->particle, NULL};
                if (abg_sent_word_is(st, s, j, particle) &&
                    (d = abg_lexicon_measure(lex, sc->index, type)))
                    return d;
            }
            f = abg_sent_fold(st, s, i, &n); /* the loop used the buffer */
        }
    }
    if (!weak && !(s->toks[i].flags & ABG_TOKF_CAPITAL) && lex->mverbs.count) {
        const char *stem;
        size_t sl;
        if (abg_stem(&stem, &sl, st->stemmer, abg_sent_text(st, s, i), s->toks[i].len) == 0 &&
            (v = abg_strset_get(&lex->mverbs, stem, sl)))
            return abg_lexicon_measure(lex, v, type);
        return NULL;
    }
    if (s->toks[i].flags & ABG_TOKF_CAPITAL) {
        const char *stem;
        size_t sl;
        if (abg_stem(&stem, &sl, st->stemmer, abg_sent_text(st, s, i), s->toks[i].len) < 0)
            return NULL;
        if (weak)
            return (v = abg_strset_get(&lex->mweak, stem, sl)) ? abg_lexicon_measure(lex, v, type)
                                                              : NULL;
        sl = strip_change(lex, stem, sl);
        {
            const abg_measure_def *d = stem_measure(lex, stem, sl, type);
            if (!d && s->toks[i].len >= 10)
                d = tail_measure(st, abg_sent_text(st, s, i), s->toks[i].len, type);
            return d;
        }
    }
    return NULL;
}

/* The nearest cue in clause c (tokens outside [t0, t1)) of a measure with
 * all the flags `need` and none of `avoid`; a cue before the figure wins a
 * tie. SIZE_MAX when
 * there is none. */
/* Is the word at token i a verb that acts on an object, with the
 * figure's tokens [t0, t1) as its subject: after the figure with an
 * article after it ("drei Kampfjets verletzten den Luftraum", "zwei Männer
 * erschossen einen Polizisten"), or before it with an object article
 * right after the figure ("Nun verletzten drei Kampfjets den Luftraum")?
 * Then what the verb says happened to the object, not to what the figure
 * counts. */
static bool acts_on_object(abg_about_state *st, const abg_sent *s, size_t i, size_t t0,
                           size_t t1)
{
    static const char *const after[] = {"den", "die", "das", "dem", "der", "einen", "eine",
                                        "einem", "einer", "ein", NULL};
    static const char *const object[] = {"den", "dem", "einen", "einem", NULL};

    if (s->toks[i].kind != ABG_TOK_WORD || (s->toks[i].flags & ABG_TOKF_CAPITAL))
        return false;
    if (i >= t1)
        return i + 1 < s->ntok && abg_sent_word_is(st, s, i + 1, after);
    return i + 1 == t0 && t1 < s->ntok && abg_sent_word_is(st, s, t1, object);
}

static size_t nearest_cue(const abg_measure_def **def, abg_about_state *st, const abg_sent *s,
                          unsigned c, size_t t0, size_t t1, abg_fact_type type, bool weak,
                          unsigned need, unsigned avoid)
{
    size_t i, best = SIZE_MAX, bestd = SIZE_MAX;

    *def = NULL;
    for (i = 0; i < s->ntok; i++) {
        const abg_measure_def *d;
        size_t dist;
        if (s->clause[i] != c || (i >= t0 && i < t1))
            continue;
        dist = i < t0 ? t0 - i : i - t1 + 1;
        if (dist >= bestd)
            continue;
        if ((d = cue_at(st, s, i, type, weak)) && (d->flags & need) == need && !(d->flags & avoid) &&
            !(type == ABG_FACT_QUANTITY && (d->flags & ABG_MEASURE_RUNNING) &&
              acts_on_object(st, s, i, t0, t1))) {
            /* a noun in a prepositional phrase ("nach der Finanzierungsrunde")
             * says less than the head of the clause */
            if ((s->toks[i].flags & ABG_TOKF_CAPITAL) && abg_sent_attachment(st, s, i) == 1) {
                dist += 8;
                if (dist >= bestd)
                    continue;
            }
            *def = d;
            best = i;
            bestd = dist;
        }
    }
    return best;
}

bool abg_measure_cue_of(abg_about_state *st, const abg_sent *s, size_t i, abg_fact_type type,
                        const char *name)
{
    const abg_measure_def *d = cue_at(st, s, i, type, false);

    return d && !strcmp(d->name, name);
}

/* Does clause c (tokens outside [t0, t1)) hold a cue of a measure with all
 * of `flags`, for a percentage, an amount or a count? */
static bool clause_has_flag(abg_about_state *st, const abg_sent *s, unsigned c, size_t t0,
                            size_t t1, unsigned flags)
{
    static const abg_fact_type types[] = {ABG_FACT_PERCENT, ABG_FACT_MONEY, ABG_FACT_QUANTITY};
    const abg_measure_def *d;
    size_t k;

    for (k = 0; k < sizeof types / sizeof *types; k++)
        if (nearest_cue(&d, st, s, c, t0, t1, types[k], false, flags, 0) != SIZE_MAX)
            return true;
    return false;
}

bool abg_measure_flag_in(abg_about_state *st, const abg_sent *s, unsigned flags)
{
    size_t i;

    for (i = 0; i < s->ntok; i++) /* each clause once, at its first token */
        if ((i == 0 || s->clause[i] != s->clause[i - 1]) &&
            clause_has_flag(st, s, s->clause[i], s->ntok, s->ntok, flags))
            return true;
    return false;
}

bool abg_measure_period_near(abg_about_state *st, const abg_sent *s, size_t t0, size_t t1)
{
    return t0 < s->ntok && clause_has_flag(st, s, s->clause[t0], t0, t1, ABG_MEASURE_PERIOD);
}

/* A noun right beside the figure: its measure (sure) or its own stem. 1
 * when it names one (in out), 0 when not, or an error. */
static int noun_hit(abg_measure_hit *out, abg_about_state *st, const abg_sent *s, size_t i,
                    abg_fact_type type)
{
    noun_reading r;
    int k = noun_at(&r, st, s, i, type);

    if (k == 1)
        hit_def(out, r.def, 1, i);
    else if (k == 2)
        hit_stem(out, r.stem, 0.85, i);
    return k < 0 ? k : k > 0;
}

/* "X liegt bei N": X is the figure's measure when the lexicon knows it.
 * The verb stands up to five words before "bei"; X is the article's noun
 * right after it ("Im Sommer lag die Durchschnittstemperatur in Deutschland
 * bei 18,6 Grad") or the nearest known noun of the five words before it
 * ("Der Marktanteil von Apple bei Smartphones liegt bei 27 Prozent"). */
static int lies_at(abg_measure_hit *out, abg_about_state *st, const abg_sent *s, size_t t0,
                   abg_fact_type type)
{
    static const char *const lie[] = {"liegt", "lag", "lagen", "liegen", NULL};
    static const char *const articles[] = {"der", "die", "das", NULL};
    size_t j, i, bei = t0 - 1;
    noun_reading r;
    int k, pass;

    for (j = bei; j-- > 0 && j + 6 > bei && s->clause[j] == s->clause[bei];)
        if (abg_sent_word_is(st, s, j, lie))
            break;
    if (j == (size_t)-1 || j + 6 <= bei || s->clause[j] != s->clause[bei] ||
        !abg_sent_word_is(st, s, j, lie))
        return 0;
    if (j + 2 < bei && abg_sent_word_is(st, s, j + 1, articles)) {
        if ((k = noun_at(&r, st, s, j + 2, type)) < 0)
            return k;
        free(r.stem);
        if (k == 1) {
            hit_def(out, r.def, 1, j + 2);
            return 1;
        }
    }
    /* the head of the subject first: "Die Schwelle für ein Pflichtangebot
     * an alle Aktionäre liegt bei 30 Prozent" is a threshold, not a stake */
    for (pass = 0; pass < 2; pass++)
        for (i = j; i-- > 0 && i + 8 > j && s->clause[i] == s->clause[j];) {
            if (pass == 0 && abg_sent_attachment(st, s, i) == 1)
                continue;
            if ((k = noun_at(&r, st, s, i, type)) < 0)
                return k;
            free(r.stem);
            if (k == 1) {
                hit_def(out, r.def, 1, i);
                return 1;
            }
        }
    return 0;
}

/* 3: the noun the figure belongs to. 1 found, 0 not, < 0 an error. */
static int adjacent(abg_measure_hit *out, abg_about_state *st, const abg_sent *s, size_t t0,
                    size_t t1, abg_fact_type type)
{
    static const char *const articles[] = {"der", "des", "aller", "seiner", "seines",
                                           "ihrer", "ihres", "dieser", "dieses", NULL};
    static const char *const preps[] = {"von", "über", "der", "des", NULL};
    size_t i = t1;
    int k;

    /* after: "27 % Anteil", "27 % der Stimmen", "27 % der gesamten Ausgaben" */
    if (i < s->ntok && abg_sent_word_is(st, s, i, articles)) {
        i++;
        for (k = 0; k < 2 && i + 1 < s->ntok && s->toks[i].kind == ABG_TOK_WORD &&
                    !(s->toks[i].flags & ABG_TOKF_CAPITAL);
             k++)
            i++; /* adjectives */
    }
    if (i < s->ntok && s->clause[i] == s->clause[t1 < s->ntok ? t1 : 0] &&
        (k = noun_hit(out, st, s, i, type)) != 0)
        return k;
    if (t0 >= 3 && abg_sent_word(st, s, t0 - 1, "bei") && (k = lies_at(out, st, s, t0, type)) != 0)
        return k;
    /* before: "Anteil von 27 %", "Auftrag über 2 Mrd.", "in Höhe von", "der
     * Tod der 32 Menschen" */
    if (t0 >= 2 && abg_sent_word_is(st, s, t0 - 1, preps)) {
        i = t0 - 2;
        if (i >= 2 && abg_sent_word(st, s, t0 - 1, "von") && abg_sent_word(st, s, i, "höhe") &&
            abg_sent_word(st, s, i - 1, "in"))
            i -= 2;
        if (i > 0 && abg_sent_word(st, s, t0 - 1, "von") && abg_sent_word(st, s, i, "höhe"))
            i -= 1;
        return noun_hit(out, st, s, i, type);
    }
    return 0;
}

/* Does clause c hold a noun outside [t0, t1)? */
static bool clause_has_noun(abg_about_state *st, const abg_sent *s, unsigned c, size_t t0,
                            size_t t1)
{
    size_t i;

    for (i = 0; i < s->ntok; i++) {
        noun_reading r;
        int k;
        if (s->clause[i] != c || (i >= t0 && i < t1))
            continue;
        k = noun_at(&r, st, s, i, ABG_FACT_QUANTITY);
        free(r.stem);
        if (k > 0)
            return true;
    }
    return false;
}

/* Is token i a verb or participle that is no stopword ("getötet", not
 * "ohne")? */
static bool casualty_word(abg_about_state *st, const abg_sent *s, size_t i)
{
    size_t n;
    const char *f;

    return s->toks[i].kind == ABG_TOK_WORD && !(s->toks[i].flags & ABG_TOKF_CAPITAL) &&
           (f = abg_sent_fold(st, s, i, &n)) && !abg_stopwords_has(st->lang->stopwords, f, n);
}

/* Does the quantity count a noun ("48 Insassen"), not a unit (GW, km)? A
 * count says what it counts in its own clause, never in the sentence
 * before. */
static bool counted_noun(const abg_fact *f)
{
    const char *u = f->unit;

    if (f->type != ABG_FACT_QUANTITY || !u)
        return false;
    if (*u >= '0' && *u <= '9') { /* "zwei 18-Jährige": the noun after the dash */
        while (*u >= '0' && *u <= '9')
            u++;
        if (*u++ != '-')
            return false;
    }
    return (unsigned char)u[0] >= 'A' &&
           ((unsigned char)u[0] > 'Z' || strlen(u) > 3 ||
            ((unsigned char)u[1] >= 'a' && (unsigned char)u[1] <= 'z'));
}

static bool unit_in(const char *unit, const char *const *units)
{
    size_t i;

    for (i = 0; unit && units[i]; i++)
        if (!strcmp(unit, units[i]))
            return true;
    return false;
}

/* Units whose figure names its measure right beside it or not at all:
 * durations, ages (in Jahre, Tage ...) and temperatures. */
static const char *const local_units[] = {"Sekunden", "Minuten",    "Stunden",
                                          "Tage",     "Wochen",     "Monate",
                                          "Jahre",    "Jahrzehnte", "Jahrhunderte",
                                          "°C",       NULL};

static const char *const power_units[] = {"W", "kW", "MW", "GW", "TW", NULL};

/* Is a figure in years somebody's age by the words around it: "89 Jahre
 * alt", "sein 24 Jahre alter Sohn", "mit 91 Jahren gestorben" (no noun
 * after it: "mit zwei Jahren Verspätung" is a delay)? "im Alter von 89
 * Jahren" is found by the lexicon's cues. */
static bool age_words(abg_about_state *st, const abg_sent *s, size_t t0, size_t t1,
                      const abg_fact *f)
{
    static const char *const old[] = {"alt", "alte", "alter", "altes", "alten", "alters", NULL};

    if (!f->unit || strcmp(f->unit, "Jahre"))
        return false;
    if (t1 < s->ntok && s->clause[t1] == s->clause[t0] && abg_sent_word_is(st, s, t1, old))
        return true;
    return t0 > 0 && abg_sent_word(st, s, t0 - 1, "mit") &&
           (t1 >= s->ntok || s->toks[t1].kind != ABG_TOK_WORD ||
            !(s->toks[t1].flags & ABG_TOKF_CAPITAL));
}

/* The lexicon's measure of that name (lower case), or NULL. */
static const abg_measure_def *measure_named(const abg_lexicon *lex, const char *name)
{
    size_t i;

    for (i = 0; i < lex->nmeasures; i++)
        if (!strcmp(lex->measures[i].name, name))
            return &lex->measures[i];
    return NULL;
}

/* The last cue of the sentence before s (right before it, and analysed)
 * for facts of `type`, or NULL. */
static const abg_measure_def *last_cue_before(abg_about_state *st, const abg_sent *s,
                                              abg_fact_type type)
{
    const abg_measure_def *d;
    size_t i;

    if (!st->prev.ntok || st->prev.off + st->prev.len > s->off)
        return NULL;
    for (i = st->prev.ntok; i-- > 0;)
        if ((d = cue_at(st, &st->prev, i, type, false)))
            return d;
    return NULL;
}

/* The last cue of the sentence right before s, when clause c opens with a
 * personal pronoun ("Es", "Er", "Sie"; "Das" is mostly an article). */
static bool prev_cue_for_pronoun(const abg_measure_def **def, abg_about_state *st,
                                 const abg_sent *s, unsigned c, const abg_fact *f)
{
    static const char *const pronouns[] = {"es", "er", "sie", NULL};
    size_t i;

    *def = NULL;
    for (i = 0; i < s->ntok && s->clause[i] != c; i++)
        ;
    if (i >= s->ntok || !abg_sent_word_is(st, s, i, pronouns) || counted_noun(f))
        return false;
    return (*def = last_cue_before(st, s, f->type)) != NULL;
}

/* "Die Quote betrug 6,4 Prozent" after a count of the jobless: the rate of
 * the measure before, when the lexicon has one (Arbeitslose:
 * Arbeitslosenquote), and clause c says "Quote" or "Rate". */
static const abg_measure_def *rate_of(abg_about_state *st, const abg_sent *s, unsigned c,
                                      const char *measure)
{
    static const char *const words[] = {"quote", "rate", NULL};
    static const char *const joins[] = {"quote", "nquote", "squote", "rate", "nrate", NULL};
    char name[96];
    size_t i, k;

    for (i = 0; i < s->ntok && !(s->clause[i] == c && abg_sent_word_is(st, s, i, words)); i++)
        ;
    if (i >= s->ntok)
        return NULL;
    for (k = 0; joins[k]; k++) {
        const abg_measure_def *d;
        if ((size_t)snprintf(name, sizeof name, "%s%s", measure, joins[k]) < sizeof name &&
            (d = measure_named(st->lex, name)))
            return d;
    }
    return NULL;
}

static int find(abg_measure_hit *out, abg_about_state *st, const abg_sent *s, size_t t0,
                size_t t1, const abg_fact *f)
{
    const abg_measure_def *d;
    noun_reading r;
    unsigned c = t0 < s->ntok ? s->clause[t0] : 0;
    size_t i, best = SIZE_MAX, bestd = SIZE_MAX;
    unsigned avoid;
    int k;

    memset(out, 0, sizeof *out);
    out->cue = SIZE_MAX;
    if (s->ntok == 0)
        return 0;
    /* a duration, an age or a temperature says what it measures right
     * beside it ("neun Jahre Haft") or not at all: the clause's other nouns
     * are what lasts or who is that old, not what is measured, and an age
     * ("75-Jährige") is no compound that names a measure */
    if (f->type == ABG_FACT_QUANTITY && unit_in(f->unit, local_units)) {
        if (abg_fact_is_age(f) || age_words(st, s, t0, t1, f)) {
            /* an age is the measure Alter, if the lexicon has it */
            if ((d = measure_named(st->lex, "alter")))
                hit_def(out, d, 0.9, SIZE_MAX);
            return 0;
        }
        if ((k = adjacent(out, st, s, t0, t1, f->type)) < 0 || (k > 0 && !out->own))
            return k < 0 ? k : 0;
        /* a verb or phrase of the clause that names what a duration
         * measures: "zu elf Jahren im Straflager verurteilt", "soll zwei
         * Jahre ins Gefängnis"; it beats a noun of the text's own ("Jahren
         * Haft") that the lexicon does not know */
        if ((i = nearest_cue(&d, st, s, c, t0, t1, f->type, false, ABG_MEASURE_DURATION, 0)) !=
            SIZE_MAX) {
            free(out->own);
            memset(out, 0, sizeof *out);
            hit_def(out, d, 0.85, i);
        }
        return 0;
    }
    /* a count is no duration: what lasts (Waffenruhe, Haftstrafe) names a
     * count only right beside it ("300.000 Menschen" after "Nach
     * Inkrafttreten der Waffenruhe" are people) */
    avoid = f->type == ABG_FACT_QUANTITY ? ABG_MEASURE_DURATION : 0;
    /* 1: the counted noun of a quantity */
    if (counted_noun(f)) {
        if ((k = read_noun(&r, st, f->unit, strlen(f->unit), f->type)) < 0)
            return k;
        /* places, organisations, documents counted ("acht Länder", "zwei
         * weitere Bundesländer") are what is measured, whatever else the
         * clause names: not the Soldaten or Passagiere beside them */
        if (r.counted) {
            const char *w = f->unit, *dash;
            size_t len = strlen(w);
            bool bad;
            char *stem;
            while ((dash = memchr(w, '-', len)) && (size_t)(dash - w) + 1 < len) {
                len -= (size_t)(dash - w) + 1;
                w = dash + 1;
            }
            if ((stem = stem_dup(st, w, len, &bad))) {
                const char *to = abg_strset_get(&st->lex->same, stem, strlen(stem));
                if (to) { /* Staaten: land */
                    free(stem);
                    if (!(stem = abg_strdup(to)))
                        return ABG_ENOMEM;
                }
                hit_stem(out, stem, 0.5, SIZE_MAX);
                return 0;
            }
            if (!bad)
                return ABG_ENOMEM;
        }
        /* people counted by what they are, in a clause whose verb says
         * what happened to them: "zwei Soldaten wurden getötet" counts the
         * dead ("45.000 Haushalte sind ohne Strom" stays a count of
         * households: no verb says it) */
        if ((r.def || r.stem) && !(r.def && (r.def->flags & ABG_MEASURE_RUNNING))) {
            /* an adjective of the figure ("3.400 getöteten Demonstranten"),
             * else the nearest cue of the clause */
            d = NULL;
            for (i = t0; i < t1 && i < s->ntok && !(d && (d->flags & ABG_MEASURE_RUNNING)); i++)
                d = s->toks[i].kind == ABG_TOK_WORD && !(s->toks[i].flags & ABG_TOKF_CAPITAL)
                        ? cue_at(st, s, i, f->type, false)
                        : NULL;
            /* a verb, or for a noun the lexicon does not know also a
             * phrase ("zwei 18-Jährige kamen ums Leben"; "45.000
             * Haushalte sind ohne Strom" stays a count of households) */
            if (!(d && (d->flags & ABG_MEASURE_RUNNING)) &&
                ((i = nearest_cue(&d, st, s, c, t0, t1, f->type, false,
                                  ABG_MEASURE_RUNNING, 0)) == SIZE_MAX ||
                 !(casualty_word(st, s, i) ||
                   (!r.def && !(s->toks[i].flags & ABG_TOKF_CAPITAL)))))
                d = NULL;
            if (d && (d->flags & ABG_MEASURE_RUNNING)) {
                free(r.stem);
                hit_def(out, d, 0.9, i);
                return 0;
            }
        }
        if (r.def && (r.def->flags & ABG_MEASURE_RUNNING)) {
            /* a running count of a group with the state of some of them
             * before it: "28 toten Geiseln" are not "20 noch lebenden
             * Geiseln" (measure "tote geiseln") */
            for (i = t0; i < t1 && i < s->ntok; i++) {
                char *name;
                size_t la, lb;
                if (s->toks[i].kind != ABG_TOK_WORD || (s->toks[i].flags & ABG_TOKF_CAPITAL) ||
                    !(d = cue_at(st, s, i, f->type, false)) || d == r.def ||
                    !(d->flags & ABG_MEASURE_RUNNING))
                    continue;
                la = strlen(d->name);
                lb = strlen(r.def->name);
                if (!(name = malloc(la + lb + 2)))
                    return ABG_ENOMEM;
                memcpy(name, d->name, la);
                name[la] = ' ';
                memcpy(name + la + 1, r.def->name, lb + 1);
                hit_stem(out, name, 1, i);
                out->flags = r.def->flags;
                return 0;
            }
        }
        if (r.def) {
            hit_def(out, r.def, 1, SIZE_MAX);
            return 0;
        }
        if (r.stem) {
            hit_stem(out, r.stem, 0.9, SIZE_MAX);
            return 0;
        }
    }
    /* 2: a compound the figure is part of */
    for (i = t0; i < t1 && i < s->ntok; i++) {
        if (s->toks[i].kind != ABG_TOK_WORD || !(s->toks[i].flags & ABG_TOKF_COMPOUND))
            continue;
        if ((k = read_noun(&r, st, abg_sent_text(st, s, i), s->toks[i].len, f->type)) < 0)
            return k;
        if (r.def) {
            hit_def(out, r.def, 1, i);
            return 0;
        }
        if (r.stem) {
            hit_stem(out, r.stem, 0.85, i);
            return 0;
        }
    }
    /* 3: the noun the figure belongs to */
    if ((k = adjacent(out, st, s, t0, t1, f->type)) != 0)
        return k < 0 ? k : 0;
    /* 3': a bare change noun right before "um" ("Mit der Senkung um 0,25
     * Prozentpunkte reagiert die Notenbank auf die Teuerung") changes what
     * the figure before measured, not a cue later in the clause */
    if (t0 >= 2 && abg_sent_word(st, s, t0 - 1, "um") &&
        abg_sent_word_in(st, s, t0 - 2, &st->lex->change) &&
        (s->toks[t0 - 2].flags & ABG_TOKF_CAPITAL) && st->last_measure &&
        st->last_type == f->type && f->off - st->last_end < INHERIT_SPAN) {
        if (!(out->own = abg_strdup(st->last_measure)))
            return ABG_ENOMEM;
        out->name = out->own;
        out->evidence = 0.7;
        out->cue = t0 - 2;
        if ((d = measure_named(st->lex, out->name)))
            out->flags = d->flags;
        return 0;
    }
    /* 4: the nearest cue of the clause */
    if ((i = nearest_cue(&d, st, s, c, t0, t1, f->type, false, 0, avoid)) != SIZE_MAX) {
        hit_def(out, d, 0.9, i);
        return 0;
    }
    /* 5: a cue of the other clauses of the sentence, the nearer first
     * (before before after): "Die Rechenzentren, die OpenAI plant, kommen
     * auf 30 GW." */
    {
        unsigned last = s->clause[s->ntok - 1], dist;
        for (dist = 1; dist <= last; dist++) {
            double ev = dist == 1 ? 0.75 : 0.65;
            if (dist <= c &&
                (i = nearest_cue(&d, st, s, c - dist, t0, t1, f->type, false, 0, avoid)) != SIZE_MAX) {
                hit_def(out, d, ev, i);
                return 0;
            }
            if (c + dist <= last &&
                (i = nearest_cue(&d, st, s, c + dist, t0, t1, f->type, false, 0, avoid)) != SIZE_MAX) {
                hit_def(out, d, ev - 0.05, i);
                return 0;
            }
        }
    }
    /* 6': a power says what it measures by its unit: Leistung (1,2 GW of
     * a wind farm is its capacity whatever the clause's nouns) */
    if (f->type == ABG_FACT_QUANTITY && unit_in(f->unit, power_units) &&
        (d = measure_named(st->lex, "leistung"))) {
        hit_def(out, d, 0.8, SIZE_MAX);
        return 0;
    }
    /* 5': a clause opening with a pronoun speaks of what the sentence
     * before named ("Das Deutschlandticket wird teurer. Es soll 63 Euro
     * kosten."): its last cue beats a weak one here */
    if (prev_cue_for_pronoun(&d, st, s, c, f)) {
        hit_def(out, d, 0.6, SIZE_MAX);
        return 0;
    }
    /* 6: a weak cue of the clause */
    if ((i = nearest_cue(&d, st, s, c, t0, t1, f->type, true, 0, avoid)) != SIZE_MAX) {
        hit_def(out, d, 0.75, i);
        return 0;
    }
    /* an amount "für" which something is built, bought or done, or in a
     * clause that opens with what it is for, is its cost, when nothing
     * above said more ("Für rund 240 Millionen Euro soll eine Brücke
     * entstehen", "Für die Sanierung sind 58 Millionen Euro eingeplant") */
    if (f->type == ABG_FACT_MONEY && (d = measure_named(st->lex, "kosten"))) {
        for (i = 0; i < t0 && s->clause[i] != c; i++)
            ;
        if (t0 > 0 && abg_sent_word(st, s, t0 - 1, "für")) {
            hit_def(out, d, 0.7, t0 - 1);
            return 0;
        }
        if (i < t0 && abg_sent_word(st, s, i, "für")) {
            hit_def(out, d, 0.65, i);
            return 0;
        }
    }
    /* 7: the nearest noun of the clause that heads its phrase, before the
     * figure first; then any noun */
    for (i = 0; i < s->ntok; i++) {
        size_t dist;
        if (s->clause[i] != c || (i >= t0 && i < t1))
            continue;
        dist = i < t0 ? t0 - i : 1000 + i - t1;
        if (s->toks[i].kind != ABG_TOK_WORD || !(s->toks[i].flags & ABG_TOKF_CAPITAL))
            continue;
        if (i > 0 && i + 1 == t0 && abg_sent_name_at(s, i - 1))
            continue; /* the rest of a name right before it ("Ron Paul 6,2 Prozent") */
        if (abg_sent_attachment(st, s, i) != 0)
            dist += 10000;
        if (dist >= bestd)
            continue;
        if ((k = noun_at(&r, st, s, i, f->type)) < 0)
            return k;
        if (k == 2) {
            free(out->own);
            hit_stem(out, r.stem, 0.6, i);
            best = i;
            bestd = dist;
        } else {
            free(r.stem);
        }
    }
    /* 8: the sentence before (or the last figure a sentence or two back),
     * when this clause names nothing */
    /* a percentage may take the measure of an amount before it ("Umsatz
     * von 2,38 Milliarden Euro. Das entspricht einem Plus von 4 Prozent."),
     * percentage points never: they are points of a rate */
    if (best == SIZE_MAX && st->last_measure &&
        (st->last_type == f->type ||
         (f->type == ABG_FACT_PERCENT && st->last_type != ABG_FACT_DATE &&
          !(f->unit && !strcmp(f->unit, "pp")))) &&
        f->off - st->last_end < INHERIT_SPAN && !clause_has_noun(st, s, c, t0, t1)) {
        if (f->type == ABG_FACT_PERCENT && (d = rate_of(st, s, c, st->last_measure))) {
            hit_def(out, d, 0.6, SIZE_MAX);
            return 0;
        }
        if (!(out->own = abg_strdup(st->last_measure)))
            return ABG_ENOMEM;
        out->name = out->own;
        out->evidence = 0.6;
        if ((d = measure_named(st->lex, out->name)))
            out->flags = d->flags;
        return 0;
    }
    /* 9: the last cue of the sentence before, when this one names none
     * ("... hat ihre Beteiligung aufgestockt. Die Mailänder kommen
     * inzwischen auf 29,9 Prozent."); it beats a noun of this clause the
     * lexicon does not know (step 7), which other outlets rarely share */
    if (!counted_noun(f) && (d = last_cue_before(st, s, f->type))) {
        free(out->own);
        out->own = NULL;
        hit_def(out, d, 0.55, SIZE_MAX);
    }
    return 0;
}

/* Is the value of a company in clause c its stock market value ("Nvidia
 * ist an der Börse 4 Billionen Dollar wert")? */
static bool on_the_market(abg_about_state *st, const abg_sent *s, unsigned c)
{
    size_t i, n;
    const char *w;

    for (i = 0; i < s->ntok; i++) {
        const char *stem;
        size_t sl;
        if (s->clause[i] != c || s->toks[i].kind != ABG_TOK_WORD || !(w = abg_sent_text(st, s, i)) ||
            abg_stem(&stem, &sl, st->stemmer, w, s->toks[i].len) < 0)
            continue;
        n = sl;
        /* Börse, Börsen; börsennotiert (stems fold the umlaut) */
        if ((n == 4 && !memcmp(stem, "bors", 4)) || (n >= 8 && !memcmp(stem, "borsenno", 8)))
            return true;
    }
    return false;
}

int abg_measure_find(abg_measure_hit *out, abg_about_state *st, const abg_sent *s, size_t t0,
                     size_t t1, const abg_fact *f)
{
    const abg_measure_def *d;
    int err = find(out, st, s, t0, t1, f);

    /* a valuation made by the market is the market value */
    if (err >= 0 && out->name && !out->own && !strcmp(out->name, "bewertung") &&
        t0 < s->ntok && on_the_market(st, s, s->clause[t0]) &&
        (d = measure_named(st->lex, "marktwert")))
        out->name = d->name, out->flags = d->flags;
    return err;
}
