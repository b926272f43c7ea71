/*
 * convert.h: a rule's match made into a fact (internal to extract.c and
 * convert.c).
 */
#ifndef ABG_CONVERT_H
#define ABG_CONVERT_H

#include "extract.h"
#include "text.h"

typedef struct {
    abg_fact f;
    size_t a, b; /* in the normalised text */
    size_t rule;
} cand;

typedef struct {
    cand *v;
    size_t n, cap;
} cands;

typedef struct {
    const abg_rules *rules;
    const abg_rule *rule;
    abg_regex_scratch *scratch;
    int qual_set;        /* the qualifier is sub[qual_a..qual_b) (from before) */
    size_t qual_a, qual_b;
    abg_ctx *ctx;
    const abg_norm *norm;
    const abg_span *sents;
    size_t nsents;
    const char *sub; /* the chunk */
    size_t sub_off;  /* its offset in the normalised text */
    long pub_y, pub_m, pub_d; /* the publication day, pub_y -1 when unknown */
} conv;

/* Group g of the current match: 1 and its span sub[a..b) when it took
 * part, else 0. */
int abg_conv_grp(const conv *cv, abg_group_id g, size_t *a, size_t *b);
/* The sentence of the normalised text that holds byte `at` of the chunk,
 * or NULL. */
const abg_span *abg_conv_sentence_at(const conv *cv, size_t at);
/* The candidate fact sub[a..b) of rule ri (part: 0 a single fact, 1 the
 * first of a pair, 2 the second), pushed onto out when the match reads as
 * one; < 0 an error. */
int abg_conv_make(const conv *cv, cands *out, size_t ri, size_t a, size_t b, int part);
/* The candidates of match m of rule ri (one, or two for from/to); < 0 an
 * error. */
int abg_conv_convert(const conv *cv, cands *out, size_t ri, const abg_regex_match *m);

#endif
