/*
 * regex.h: the PCRE2 wrapper (internal). regex.c is the only file that
 * includes pcre2.h.
 *
 * Every pattern is compiled with UTF and Unicode properties and JIT-compiled
 * when JIT is available. Matching is bounded: a match limit, a depth limit
 * and a heap limit, and a maximum subject length per call, each a named
 * constant below. A compiled regex is read-only and may be shared by
 * threads; each thread brings its own abg_regex_scratch.
 */
#ifndef ABG_REGEX_H
#define ABG_REGEX_H

#include <stddef.h>

#include "abgleich.h"

typedef struct abg_regex abg_regex;
typedef struct abg_regex_scratch abg_regex_scratch;

#define ABG_REGEX_MATCH_LIMIT 1000000u
#define ABG_REGEX_DEPTH_LIMIT 10000u
#define ABG_REGEX_HEAP_LIMIT_KIB 20480u
#define ABG_REGEX_MAX_SUBJECT ((size_t)1 << 20)
#define ABG_REGEX_MAX_GROUPS 64 /* capture groups a pattern may have, plus one */

enum {
    ABG_RE_CASELESS = 1u << 0,
    ABG_RE_ANCHORED = 1u << 1, /* match at the start only */
    ABG_RE_FULL = 1u << 2      /* match the whole subject */
};

/* Compile `pattern` (UTF-8, NUL-terminated). On a bad pattern returns
 * ABG_EUSAGE with "column N: PCRE2's message" in ctx. Free with
 * abg_regex_free. */
int abg_regex_new(abg_regex **out, abg_ctx *ctx, const char *pattern, unsigned flags);
void abg_regex_free(abg_regex *re);

/* Per-thread matching state (match data, JIT stack). */
int abg_regex_scratch_new(abg_regex_scratch **out);
void abg_regex_scratch_free(abg_regex_scratch *scratch);

typedef struct {
    size_t start, end; /* the whole match, bytes into the subject */
} abg_regex_match;

/* Search subject[start..len) (the whole subject is seen for lookbehind).
 * Returns 1 with *m set on a match, 0 when there is none, ABG_ELIMIT when a
 * limit was hit (ctx says which) and ABG_ERROR for any other failure. */
int abg_regex_search(abg_regex_match *m, abg_ctx *ctx, const abg_regex *re,
                     abg_regex_scratch *scratch, const char *subject, size_t len, size_t start);

/* The numbers of the groups named `name` in re (names may repeat in
 * alternatives): up to `max` of them in nums; returns how many (0: none). */
int abg_regex_group_numbers(const abg_regex *re, const char *name, int *nums, int max);

/* The span of group `number` in the last match made with `scratch` (its
 * subject offsets). Returns 1 with *start and *end set when the group took
 * part in the match, else 0. */
int abg_regex_group(const abg_regex_scratch *scratch, int number, size_t *start, size_t *end);

#endif
