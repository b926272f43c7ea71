/*
 * extract.h: fact extraction (internal): the loaded rules, word maps and
 * German number parsing.
 *
 *   rules.c    the rule-file parser and compiler (abg_rules)
 *   numbers.c  German numbers: digits with thousands dots and decimal
 *              comma, number words (dreizehn, zweieinhalb), folding of
 *              map keys
 *   extract.c  running the rules over a document, named groups to values
 */
#ifndef ABG_EXTRACT_H
#define ABG_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abgleich.h"
#include "regex.h"
#include "text.h"

/* The named groups the extractor understands. */
typedef enum {
    G_QUAL,
    G_SIGN,
    G_NUM,
    G_SCALE,
    G_CUR,
    G_SIGN_TO,
    G_NUM_TO,
    G_SCALE_TO,
    G_CUR_TO,
    G_UNIT,
    G_PP,
    G_DAY,
    G_MONTH,
    G_YEAR,
    G_QUARTER,
    G_HALF,
    G_DAY_TO,
    G_MONTH_TO,
    G_YEAR_TO,
    G_FROM,
    G_TO,
    G_NOUN,  /* the counted noun of an open-class count (unit: as written) */
    G_CENTS, /* hundredths after the currency: 3 Euro (und) 20 (Cent), 12 Dollar 99 */
    G_FACT,  /* the fact's text when the match holds more (the noun it counts before it) */
    G_PER,   /* the unit a quantity is per: 130 Gramm je (Kilometer), 15 kW/(km²) */
    G_CLOCK, /* the minutes or seconds of a clock-style duration: 2:(46) Stunden */
    G_COUNT
} abg_group_id;

extern const char *const abg_group_names[G_COUNT];

/* A number as mantissa · 10^exp, exactly as written. */
typedef struct {
    int64_t mant;
    int exp;
} abg_num;

/* One entry of a word map: a folded key and the value it stands for,
 * with an optional factor (Cent: EUR, 0.01). */
typedef struct {
    char *key;
    char *value;
    abg_num factor; /* mant 1, exp 0 when none */
} abg_map_entry;

typedef struct {
    char *kind; /* "cur", "scale", "unit", "qual", "month" ... */
    abg_map_entry *entries;
    size_t n, cap;
    /* the entries by folded key, built once loading is done: nslot slots
     * (a power of two, or 0), each 0 or an entry's index + 1 (the first
     * entry of a key) */
    size_t *slot, nslot;
    char *alt; /* its keys as a pattern (rules.c), made at the first use */
} abg_map;

enum {
    ABG_RULE_CONTEXT_CURRENCY = 1u << 0, /* no currency in the match: take the
                                            sentence's */
    ABG_RULE_REQUIRE_BEFORE = 1u << 1,   /* a match counts only with words its
                                            before pattern takes */
    ABG_RULE_CONTEXT_YEAR = 1u << 3,     /* a bare year: a date only as a time
                                            adverbial (2019 wuchs ...) */
    ABG_RULE_CONTEXT_RATE = 1u << 4,     /* bare points: percentage points only
                                            where a rate is spoken of */
    ABG_RULE_BEFORE_QUALS = 1u << 2      /* the before pattern is {QUALS}: it
                                            fits only after a word that ends a
                                            key of map qual */
};

#define ABG_RULE_MAX_DUPS 4

#define ABG_NEEDS_SPAN 64
#define ABG_NEEDS_MAX 16 /* words of one rule's needs */

typedef struct {
    char *id;
    abg_fact_type type;
    unsigned flags;
    char *file;
    unsigned line;
    char *pattern; /* expanded */
    abg_regex *re;
    int groups[G_COUNT][ABG_RULE_MAX_DUPS]; /* group numbers of each name */
    int ngroups[G_COUNT];
    /* Words that may stand right before a match and then belong to its
     * fact (the qualifiers of "rund 5 %"): matched anchored at both ends,
     * ending where the match starts; NULL when the rule has none.
     * Borrowed from the rules' befores, shared by rules with one pattern. */
    abg_regex *before;
    int before_qual[4]; /* its groups qual, the qualifier (the first set counts) */
    int nbefore_qual;
    /* The bytes a match may start with, as a bit set (bit b % 8 of byte
     * b / 8): first for the rule, leaving out the words of the gated
     * defines (ABG_GATE_*: the rule may start with one only where the
     * program finds that word; gates says which the rule uses);
     * before_first for `before`. */
    unsigned char first[32];
    unsigned char before_first[32];
    unsigned gates;
    /* Words a match holds within ABG_NEEDS_SPAN bytes of its start, one of
     * which it must: each ended by a NUL, the last by two; NULL when the
     * rule has none. The rule is not tried where none follows. */
    char *needs;
    /* the same words as indexes into the rules' need_words */
    unsigned short need_ids[ABG_NEEDS_MAX];
    unsigned nneed_ids;
} abg_rule;

/* Defines of a rule file whose words the program finds itself, so that a
 * rule is not tried at every word that might start one. */
enum {
    ABG_GATE_NUMWORD = 1u << 0, /* WORDNUM: a word abg_num_parse reads */
    ABG_GATE_MINUS = 1u << 1,   /* MINUS: - or minus before a number */
    ABG_GATE_ORDINAL = 1u << 2, /* ORD: erste(n) ... vierte(n), any case */
    ABG_GATE_MONTH = 1u << 3    /* MONTH: a word of map month */
};
#define ABG_GATE_COUNT 4

struct abg_rules {
    abg_rule *rules;
    size_t n, cap;
    abg_map *maps;
    size_t nmaps;
    abg_regex *cur_any; /* any currency key as a word, or NULL */
    /* The first ABG_RULES_MASKED rules as bit masks (bit i: rule i): by
     * the byte a match may start with, and by the gated word (ABG_GATE_*,
     * bit k of the gate: by_gate[k]) it may start with. */
    uint64_t by_byte[256];
    uint64_t by_gate[ABG_GATE_COUNT];
    const abg_map *months; /* map month, or NULL */
    /* the first two bytes of its words (the second folded), either case:
     * bit b1 % 8 of month_two[b0][b1 / 8] */
    unsigned char month_two[256][32];
    /* The counted nouns of open-class counts, interned (abg_rules_word):
     * the only part of the rules that changes after loading, behind a
     * lock, so that a fact's unit lives as long as the rules. */
    struct abg_words *words;
    /* The before patterns, each compiled once: rules with the same one
     * ({QUALS}) borrow it from here. */
    struct abg_before *befores;
    size_t nbefores;
    /* The distinct words of all rules' needs (borrowed from the rules),
     * so that each is looked for once where several rules need it. */
    const char **need_words;
    size_t *need_lens;
    size_t nneed_words;
};

#define ABG_RULES_MASKED 64

/* The string s[0..len) as kept by the rules until abg_rules_free (one copy
 * of each distinct string; safe to call from several threads). NULL when
 * memory runs out or the rules hold too many words already. */
const char *abg_rules_word(const abg_rules *rules, const char *s, size_t len);

/* regex.c: the bytes a match of `pattern` may start with, as found by PCRE2's
 * study of the pattern (compiled unanchored, without JIT): bit b % 8 of
 * bits[b / 8] is set for each byte b that may come first. All are set when
 * PCRE2 cannot tell (a pattern that may match the empty string, one that
 * starts with a Unicode property such as \d under UCP) or the pattern does
 * not compile. */
void abg_regex_first_bytes(const char *pattern, unsigned flags, unsigned char bits[32]);

/* The map of `kind` (NULL when none) and the entry for s[0..len) in it,
 * compared folded (NULL when none). */
const abg_map *abg_rules_map(const abg_rules *rules, const char *kind);
const abg_map_entry *abg_map_find(const abg_map *map, const char *s, size_t len);

/* ---- numbers.c ---- */

/* Append to `out` (size `cap`) the folded form of s[0..len): ASCII and
 * German capitals made small, runs of white space one space, the ends
 * trimmed. Returns the length, or -1 when it does not fit. */
int abg_fold_key(char *out, size_t cap, const char *s, size_t len);

/* Parse a German number: "1.000.000", "32,5", "−3,2" is not (the sign is
 * separate), or a number word ("dreizehn", "zweieinhalb", "eine").
 * Returns 0, or -1 when it is none or has more than 18 digits. */
int abg_num_parse(abg_num *out, const char *s, size_t len);

/* Parse a plain ASCII decimal of a rule file ("1000000000", "0.01"). */
int abg_num_parse_plain(abg_num *out, const char *s, size_t len);

/* a · b, or -1 on overflow. */
int abg_num_mul(abg_num *out, abg_num a, abg_num b);

/* The value as the closest double (for up to 15 significant digits). */
double abg_num_value(abg_num n);


/* ---- surround.c: what stands around a candidate (normalised text) ---- */

/* Whether the number at byte p is the tail of a number in groups: three
 * digits after a blank after a head of one to three digits ("48 300"). */
int abg_group_tail(const abg_norm *norm, size_t p);

/* Whether byte `at` lies in a web or mail address: its run of non-blank
 * bytes holds "://", starts with "www.", holds an '@' with a '.' after it,
 * or a percent escape ("%2F"). */
int abg_in_address(const abg_norm *norm, size_t at);

/* Whether the bare year at bytes a..b reads as a time adverbial ("2019
 * wuchs der Umsatz", "soll 2029 eröffnen", "für 2031 rechnet"), not a name
 * ("Windows 2000", "der Umsatz 2024"), a count ("2024 Mitarbeiter") or an
 * amount ("rund 2000", "(2019)"). Before it: the start of a clause, a word
 * in small letters that is no word of amounts, or a capitalised adverb or
 * preposition opening a sentence; after it: a word in small letters (no
 * short unit) or the end of a clause. */
int abg_year_adverbial(const abg_norm *norm, size_t a, size_t b);

/* Whether the points at bytes a..b ("2 Punkte") are points of a rate: the
 * sentence or the one before it in its paragraph speaks of percent or of
 * a share, quota, poll or interest rate (Prozent, %, Anteil, Quote, Umfrage, Sonntagsfrage,
 * Zins), and the sentence names no stock index (Dax, Leitindex, Dow, ATX). */
int abg_rate_context(const abg_norm *norm, size_t a, size_t b);

#endif
