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

/* A map of strings to strings (both owned), open addressing. */
typedef struct {
    char **keys, **values;
    size_t *klens;
    size_t cap, count;
} abg_strmap;

int abg_strmap_put(abg_strmap *map, const char *key, size_t klen, const char *value);
/* The value of key, or NULL. */
const char *abg_strmap_get(const abg_strmap *map, const char *key, size_t klen);
void abg_strmap_dispose(abg_strmap *map);

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
    abg_strmap alias;     /* variant (exact) -> name */
    abg_strset notnames;  /* exact */
    abg_dict dict;        /* folded dictionary words */
    abg_strmap same;      /* stem -> stem of the first word of its `same` line */
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
