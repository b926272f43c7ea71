/*
 * about.h: the analysis of one document's fact sentences (internal),
 * shared by the modules that say what a fact is about:
 *
 *   claims.c     the driver: sentences, subject and object, and what is not
 *                a claim (datelines, converted amounts)
 *   sentnames.c  the names of a sentence
 *   measure.c    what the figure measures
 *   role.c       level or change
 *   timescope.c  when it holds
 *
 * A sentence is tokenized once; its clauses are cut at , ; : ( ) and
 * dashes. Token indices below are into abg_sent.toks.
 */
#ifndef ABG_ABOUT_H
#define ABG_ABOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "claims.h"
#include "text.h"

typedef struct {
    size_t tok0, tok1; /* tokens [tok0, tok1) */
    char *name;        /* as it is written in claims */
    bool object;       /* after a preposition (an OpenAI) or a noun (Plattform Azure) */
    bool source;       /* where a figure comes from (laut, nach Angaben der, or a
                          listed agency): a subject only when nobody else is */
    bool agency;       /* a listed agency (Eurostat, Reuters) or its seat: never a subject */
    const char *place; /* the place a listed agency reports for (Statistik
                          Austria: Österreich), borrowed from the lexicon */
    bool known;        /* listed in the lexicon (or an alias) */
} abg_name_hit;

#define ABG_PHRASE_SETS 4
struct abg_phrase_memo {
    const void *set; /* NULL: an empty slot */
    size_t maxwords, len;
    const char *value;
};

typedef struct {
    size_t off, len; /* in the document's text */
    abg_token *toks;
    size_t ntok;
    unsigned *clause;    /* per token */
    signed char *isname; /* per token: name evidence, -1 until asked */
    /* per token: its folded text (abg_fold), NUL-terminated, at folds +
     * fold_off[i]; fold_off[ntok] is the end */
    char *folds;
    size_t *fold_off;
    /* per token, ABG_PHRASE_SETS answers of abg_sent_phrase (by set and
     * maxwords), asked once per sentence instead of once per figure */
    struct abg_phrase_memo *phrases;
    abg_name_hit *names;
    size_t nnames;
    char *subject; /* of its last fact, for the sentence after it */
    char *measure; /* of its last fact with a measure, likewise */
    abg_fact_type measure_type;
} abg_sent;

typedef struct {
    abg_ctx *ctx;
    const abg_lexicon *lex;
    const abg_lang *lang;
    abg_stemmer *stemmer;
    const char *text;
    const char *title; /* the document's, or NULL */
    abg_buf fold, tmp;
    char **multi; /* multi-word names seen in the document, for "Foundation" */
    size_t nmulti;
    abg_strset docnames; /* names the document introduces ("der Sportartikel-
                            hersteller Brenner Sport", a headline's subject) */
    size_t max_docname_words;
    abg_sent cur, prev;
    int pub_year, pub_month, pub_day; /* the publication day; 0 when unknown */
    const abg_fact *facts; /* the document's facts, in document order */
    size_t nfacts;
    char *last_measure; /* of the last fact with a measure, ending at */
    abg_fact_type last_type;
    size_t last_end;
    unsigned char *period; /* per fact: PERIOD_* of claims.c */
    char *election_place;  /* where the document's election is held, or NULL */
    bool election_looked;  /* election_place has been looked for */
} abg_about_state;

/* Token i of s as written, and its folded form (in st->fold, valid until
 * the next call; NULL when it cannot be folded). */
const char *abg_sent_text(const abg_about_state *st, const abg_sent *s, size_t i);
const char *abg_sent_fold(abg_about_state *st, const abg_sent *s, size_t i, size_t *n);
/* Is token i a word whose folded form is in `set`? */
bool abg_sent_word_in(abg_about_state *st, const abg_sent *s, size_t i, const abg_strset *set);
/* Is token i a word whose folded form is one of words[] (NULL-ended)? */
bool abg_sent_word_is(abg_about_state *st, const abg_sent *s, size_t i,
                      const char *const *words);
/* Does the folded word f[0..n) end with one of ends[] (NULL-ended)? */
bool abg_word_ends_with(const char *f, size_t n, const char *const *ends);
/* Is token i the one word w (folded)? */
static inline bool abg_sent_word(abg_about_state *st, const abg_sent *s, size_t i, const char *w)
{
    const char *const words[] = {w, NULL};
    return abg_sent_word_is(st, s, i, words);
}
/* The longest phrase of `set` (folded words joined by one space, at most
 * `maxwords` words) starting at token i: its length in tokens (0: none)
 * and, through *value, the set's value for it. Only tokens of one clause. */
size_t abg_sent_phrase(abg_about_state *st, const abg_sent *s, size_t i, const abg_strset *set,
                       size_t maxwords, const char **value);
/* Does token t lie in one of the sentence's names? */
const abg_name_hit *abg_sent_name_at(const abg_sent *s, size_t t);
/* Is token i a noun: a capitalised word that is no name, no stopword (and,
 * as the sentence's first word, a measure cue)? */
bool abg_sent_noun(abg_about_state *st, const abg_sent *s, size_t i);
/* How the noun at token i attaches: 0 the head of a noun phrase, 1 in a
 * prepositional phrase ("für den Umbau"), 2 a genitive after a noun ("der
 * Modellpalette"). */
int abg_sent_attachment(abg_about_state *st, const abg_sent *s, size_t i);
/* The clause separators: , ; : ( ) and dashes. */
bool abg_sent_clause_break(const abg_about_state *st, const abg_sent *s, size_t i);

/* ---- sentnames.c ---- */

/* Find the names of sentence s (s->names); < 0 an error. */
int abg_sent_find_names(abg_about_state *st, abg_sent *s);
/* Tokens i..i+k-1 joined by single spaces into st->tmp (the last one's
 * base form when `base`), when all are words. */
bool abg_sent_join(abg_about_state *st, const abg_sent *s, size_t i, size_t k, bool base);
/* The name a headline opens with, added to the document's names when its
 * body repeats it ("Brenner Sport: Erlöse steigen"); < 0 an error. */
int abg_headline_name(abg_about_state *st, const char *title, const char *body);

/* ---- measure.c ---- */

typedef struct {
    const char *name;  /* borrowed from the lexicon or st->tmp-free storage */
    char *own;         /* when the name is a stem of the text: owned */
    unsigned flags;    /* ABG_MEASURE_* */
    double evidence;   /* 1 the figure's own noun, ... 0.6 inherited */
    size_t cue;        /* the token of the cue, or SIZE_MAX */
} abg_measure_hit;

/* An age ("der 43-jährige Streeting"): found by the rule quantity.age, in
 * years (a "zehntägige Waffenruhe" is a duration). */
static inline bool abg_fact_is_age(const abg_fact *f)
{
    return f->rule && !strcmp(f->rule, "quantity.age") && f->unit && !strcmp(f->unit, "Jahre");
}

/* What the fact over tokens [t0, t1) of s measures; out->name NULL when
 * nothing does. `prev_measure` is the measure of the sentence before. */
int abg_measure_find(abg_measure_hit *out, abg_about_state *st, const abg_sent *s, size_t t0,
                     size_t t1, const abg_fact *f);

/* Does the clause of tokens [t0, t1) name a measure of a reporting period
 * ("Die Arbeitslosenquote ist im April 2014 gesunken")? */
bool abg_measure_period_near(abg_about_state *st, const abg_sent *s, size_t t0, size_t t1);

/* Is token i of s a cue of the measure `name` for facts of `type`? */
bool abg_measure_cue_of(abg_about_state *st, const abg_sent *s, size_t i, abg_fact_type type,
                        const char *name);
/* Does any clause of s name a measure with all of `flags` ("Helios kauft
 * Cobalt" for ABG_MEASURE_DEAL)? */
bool abg_measure_flag_in(abg_about_state *st, const abg_sent *s, unsigned flags);

/* ---- claims.c ---- */

/* The first of the document's facts (in text order) that starts at `off`
 * or after it; nfacts when none does. */
size_t abg_facts_from(const abg_about_state *st, size_t off);
/* Does the byte at `off` of the text stand inside one of the facts? */
bool abg_inside_fact(const abg_about_state *st, size_t off);

/* ---- parties.c ---- */

/* Articles and possessives before a noun or a name (claims.c). */
extern const char *const abg_determiners[];

/* The buyer and the target of a purchase named in s (either NULL when it
 * names none): the buyer after "durch", after "an" with a form of "gehen",
 * after "von" in a passive clause, else the first name that follows no
 * preposition; the target the first other name. */
void abg_deal_parties(abg_about_state *st, const abg_sent *s, const char **buyer,
                      const char **target);
/* The place the document names its election for ("Vorwahl in Illinois"),
 * in its title, else in its first bytes; looked for once, kept in st.
 * *out NULL when there is none; 0 or an error. */
int abg_election_place(const char **out, abg_about_state *st);
/* The forecaster of a figure: the noun or name right before a verb of
 * expectation ("erwartet", "rechnet mit") before the figure in its clause,
 * unless it is `subject`; *out a new string, or left NULL. 0 or
 * ABG_ENOMEM. */
int abg_forecaster(char **out, abg_about_state *st, const abg_sent *s, size_t t0,
                   const char *subject);

/* ---- periods.c ---- */

/* st->period[] per fact: a figure of a period measure; a date that names
 * the document's reference period; a figure whose own time may name it (a
 * level, not the earlier one). */
enum { ABG_PERIOD_MEASURE = 1, ABG_PERIOD_REF = 2, ABG_PERIOD_NAMES = 4 };

/* Is t a period a figure can be of: a year, a month, a quarter or a half
 * ("2012", "2012-02", "2014-Q2"), not a day, week or range? */
bool abg_period_value(const char *t);
/* Does the date f (tokens [t0, t1) of s) name the period of a report on a
 * period figure ("Die Arbeitslosenquote ist im April 2014 gesunken"), not
 * the start or end of something ("seit 1999", "bis 2030")? */
bool abg_period_date(abg_about_state *st, const abg_sent *s, size_t t0, size_t t1,
                     const abg_fact *f);
/* The one period the sentence right before s names for a period figure
 * ("Die Inflation hat im Juni angezogen."), as a new string in *out, or
 * *out left NULL. 0 or an error. */
int abg_period_before(char **out, abg_about_state *st, const abg_sent *s, const abg_fact *facts,
                      size_t nfacts, const bool *skipped);
/* After all facts of a document: figures of period measures with no time
 * take its reference period, and the dates that name it are skipped as
 * "time". 0 or ABG_ENOMEM. */
int abg_reference_period(abg_about *ab, const abg_fact *facts, const unsigned char *period,
                         size_t n);

/* ---- role.c ---- */

/* Level or change of the fact over tokens [t0, t1); *earlier is set for
 * the A of "von A auf B". */
abg_role abg_role_find(abg_about_state *st, const abg_sent *s, size_t t0, size_t t1,
                       const abg_fact *f, bool *earlier);

/* ---- timescope.c ---- */

/* The time scope of facts[self] (tokens [t0, t1) of s), normalised, in a
 * new string (NULL when unknown): a date value ("2024", "2024-Q3",
 * "2025-10-28"), a week ("2025-W31"), "before" or "before:EVENT", "now".
 * `ignore` marks facts that are no claims (datelines), not to be taken
 * as scopes. `running`: the measure is a running count ("bislang" is its
 * current state, not an old one). */
int abg_timescope_find(char **out, abg_about_state *st, const abg_sent *s, size_t t0, size_t t1,
                       const abg_fact *facts, size_t nfacts, size_t self, const bool *ignore,
                       bool running);

#endif
