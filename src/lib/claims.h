/*
 * claims.h: the lexicon behind claims (internal), shared by lexicon.c,
 * which reads it, and claims.c, which uses it.
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

struct abg_lexicon {
    abg_strset names;     /* exact, single and multi-word ("OpenAI Foundation") */
    abg_strset alias;     /* variant (exact) -> name (values) */
    abg_strset notnames;  /* exact */
    abg_dict dict;        /* folded dictionary words */
    abg_strset same;      /* stem -> stem of the first word of its `same` line */
    abg_strset ignore;    /* stems */
    abg_strset timewords; /* folded */
    abg_strset timepreps; /* folded */
    abg_strset events;    /* stems */
    size_t max_name_words;
    const abg_lang *lang;
};

/* Is the folded word a German word by the dictionary: in it, or a
 * compound of words in it (with the linking s, es, n, en)? */
bool abg_lexicon_german(const abg_lexicon *lex, const char *folded, size_t len);

#endif
