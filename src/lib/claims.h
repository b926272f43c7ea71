/*
 * claims.h: the lexicon behind claims (internal), shared by lexicon.c,
 * which reads it, and the modules that use it: claims.c (subject, object,
 * what is not a claim), measure.c (what a figure measures), role.c (level
 * or change) and timescope.c (when it holds).
 */
#ifndef ABG_CLAIMS_H
#define ABG_CLAIMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abgleich.h"
#include "strset.h"


/* The dictionary: folded words in one buffer, each ended by '\0', and an
 * open-addressing table of their offsets (+1; 0 is empty). One block
 * instead of a string per word: loading 350,000 words stays cheap. */
typedef struct {
    char *words;
    size_t size;
    uint32_t *slots;
    size_t cap, count;
} abg_dict;

/* A measure of rules/measures.de. */
enum {
    ABG_MEASURE_OBJECT = 1u << 0, /* the party after "an"/"von" belongs to the key */
    ABG_MEASURE_RUNNING = 1u << 1, /* a count that grows while a story unfolds */
    ABG_MEASURE_WEAK = 1u << 2,    /* a line flag: its cues are weak */
    ABG_MEASURE_MOVING = 1u << 3,  /* a market figure that moves day by day */
    ABG_MEASURE_DURATION = 1u << 4, /* its cues name what a duration measures */
    ABG_MEASURE_MATCH = 1u << 5,    /* a figure of one match, race or round */
    ABG_MEASURE_PERIOD = 1u << 6,   /* a figure of a reporting period (a month's rate) */
    ABG_MEASURE_ELECTION = 1u << 7, /* a result of one election: its place is the object */
    ABG_MEASURE_DEAL = 1u << 8      /* a purchase price: buyer the subject, target the object */
};

typedef struct {
    char *name;     /* lower case, as printed */
    unsigned types; /* 1u << abg_fact_type for each type it applies to; 0: all */
    unsigned flags; /* ABG_MEASURE_* */
} abg_measure_def;

/* A cue of a separable verb: "setzte … um" (the verb, then its particle
 * later in the clause). */
typedef struct {
    char *verb, *particle; /* folded */
    char index[24];        /* the measure, as abg_lexicon_measure takes it */
} abg_split_cue;

/* A relative time expression: UNIT N (rules/time.de). */
typedef enum {
    ABG_REL_DAY = 1,
    ABG_REL_WEEK,
    ABG_REL_YEAR,
    ABG_REL_WEEKDAY,
    ABG_REL_MONTH,  /* a month without its year: N 1 January .. 12 December */
    ABG_REL_QUARTER /* a quarter without its year: N 1 .. 4 */
} abg_rel_unit;

struct abg_lexicon {
    abg_strset names;     /* exact, single and multi-word ("OpenAI Foundation") */
    abg_strset alias;     /* variant (exact) -> name (values) */
    abg_strset notnames;  /* exact */
    abg_strset appositions; /* folded ends of nouns a name follows ("hersteller") */
    abg_strset legalforms;  /* legal forms that end a company name (GmbH, AG) */
    abg_strset firstnames;  /* first names: with the capitalised word after, a person */
    abg_strset agencies;    /* names that report figures: never a subject */
    abg_strset agency_place; /* agency -> the place it reports for (values) */
    abg_dict dict;        /* folded dictionary words */
    abg_strset same;      /* stem -> stem of the first word of its `same` line */
    abg_strset ignore;    /* stems */
    /* measures: cues map to the indices of their measures, "3,17" */
    abg_measure_def *measures;
    size_t nmeasures, capmeasures;
    abg_strset mnouns;     /* noun stem -> indices */
    abg_strset msurface;   /* noun cue as written, folded -> indices */
    abg_strset mwords;     /* folded word or phrase ("ums leben") -> indices */
    abg_split_cue *splits; /* separable verbs */
    size_t nsplits;
    abg_strset mverbs;     /* the stem of a one-word cue in lower case -> indices
                              ("steckte" finds "steckt", "steckten") */
    abg_strset mweak;      /* weak cues, by stem or folded phrase -> indices:
                              taken only when no other cue is near */
    size_t max_mwords;     /* words of the longest phrase */
    size_t min_mnoun;      /* bytes of the shortest noun stem */
    abg_strset notmeasure; /* stems */
    abg_strset counted;    /* stems: notmeasure nouns that, counted, are
                              what is measured (Länder, Firmen) */
    /* roles */
    abg_strset change;     /* folded */
    abg_strset changeverb; /* folded */
    /* time scopes */
    abg_strset now, formerly, before, after; /* folded */
    abg_strset events;                       /* stems */
    abg_strset relative;   /* folded phrase -> "UNIT N" (unit as a digit) */
    size_t max_relwords;
    size_t max_name_words;
    const abg_lang *lang;
};

/* The measures the cue value `indices` ("3,17") names: the first that
 * applies to facts of `type`, or NULL. */
const abg_measure_def *abg_lexicon_measure(const abg_lexicon *lex, const char *indices,
                                           abg_fact_type type);

/* Is the folded word a German word by the dictionary: in it, or a
 * compound of words in it (with the linking s, es, n, en)? */
bool abg_lexicon_german(const abg_lexicon *lex, const char *folded, size_t len);

#endif
