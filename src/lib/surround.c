/*
 * surround.c: what stands around a candidate figure decides whether it is
 * one (internal to extract.c).
 *
 *   abg_group_tail      "48 300": the 300 is the tail of a number in groups
 *   abg_in_address      a figure inside a web or mail address
 *   abg_year_adverbial  a bare year that reads as a time adverbial
 *   abg_rate_context    bare points that are points of a rate
 *
 * All work on the normalised text (abg_norm) with byte offsets, look only
 * at the bytes next to the candidate and allocate nothing.
 */
#include <string.h>

#include "ascii.h"
#include "extract.h"
#include "text.h"

/* Whether c is one of the bytes of `set` (never the NUL). */
static bool in_set(unsigned char c, const char *set)
{
    return c != '\0' && strchr(set, c) != NULL;
}

static bool is_blank(unsigned char c)
{
    return c == ' ' || c == '\t';
}

int abg_group_tail(const abg_norm *norm, size_t p)
{
    const unsigned char *s = (const unsigned char *)norm->s;
    size_t k = 0;

    if (p < 2 || s[p - 1] != ' ' || !abg_ascii_is_digit(s[p - 2]))
        return 0;
    if (p + 3 > norm->len || !abg_ascii_is_digit(s[p]) || !abg_ascii_is_digit(s[p + 1]) ||
        !abg_ascii_is_digit(s[p + 2]) || (p + 3 < norm->len && abg_ascii_is_digit(s[p + 3])))
        return 0;
    while (k < 4 && p - 1 - k > 0 && abg_ascii_is_digit(s[p - 2 - k]))
        k++;
    return k <= 3 && (p - 1 - k == 0 || !abg_ascii_is_alnum(s[p - 2 - k]));
}

static bool hex_digit(unsigned char c)
{
    return abg_ascii_is_digit(c) || (abg_ascii_lower(c) >= 'a' && abg_ascii_lower(c) <= 'f');
}

int abg_in_address(const abg_norm *norm, size_t at)
{
    enum { REACH = 512 };
    const unsigned char *s = (const unsigned char *)norm->s;
    size_t a = at, b = at, i;
    bool at_sign = false;

    while (a > 0 && at - a < REACH && s[a - 1] > ' ')
        a--;
    while (b < norm->len && b - at < REACH && s[b] > ' ')
        b++;
    if (b - a >= 4 && memcmp(s + a, "www.", 4) == 0)
        return 1;
    for (i = a; i < b; i++) {
        if (s[i] == ':' && i + 2 < b && s[i + 1] == '/' && s[i + 2] == '/')
            return 1;
        if (s[i] == '%' && i + 2 < b && hex_digit(s[i + 1]) && hex_digit(s[i + 2]))
            return 1;
        if (s[i] == '@')
            at_sign = true;
        else if (at_sign && s[i] == '.' && i + 1 < b && s[i + 1] > ' ')
            return 1;
    }
    return 0;
}

/* Whether w[0..n) is one of the folded words of a NULL-ended list. */
static bool word_in(const unsigned char *w, size_t n, const char *const *list)
{
    char buf[32];
    int k = n < sizeof buf ? abg_fold_key(buf, sizeof buf, (const char *)w, n) : -1;

    for (; k > 0 && *list; list++)
        if ((size_t)k == strlen(*list) && memcmp(buf, *list, (size_t)k) == 0)
            return true;
    return false;
}

/* Words of amounts before a number: "rund 2000", "mit 2000". */
static const char *const amount_words[] = {
    "auf",   "um",      "rund",     "etwa",   "ca.",    "circa",      "zirka",  "knapp",
    "fast",  "gut",     "über",     "unter",  "mindestens", "höchstens", "nur",  "insgesamt",
    "genau", "exakt",   "mehr",     "weniger", "als",   "mit",        "von",    "bis",
    "zu",    "je",      "jeweils",  "pro",    "nummer", "nr.",        "diese",  "dieser",
    "alle",  "sind",    "waren",    "sich",   "sogar",  "noch",       "zusammen", "weitere",
    "ganze", "stolze",  "x",        "gegen",  "zwischen", NULL};

/* "von" after a noun: the noun's year, not an amount ("Gesetz von 2015"). */
static const char *const of_words[] = {"von", NULL};

/* Capitalised words that may open a sentence before a year: "Bereits 2015". */
static const char *const opening_words[] = {
    "auch",   "bereits", "schon",      "erst",       "noch",     "und",     "aber",
    "doch",   "denn",    "dann",       "danach",     "zuletzt",  "zuvor",   "damals",
    "allein", "nur",     "für",        "in",         "nach",     "vor",     "spätestens",
    "frühestens", "ebenfalls", "so",   "wie",        "als",      "seit",    "ab",
    "bis",    "anno",    "sogar",      "gerade",     "zudem",    "außerdem", "letztmals",
    "zuerst", "zunächst", NULL};

/* Short words in small letters that may follow a year ("2008 kam er");
 * other short ones are units ("2000 km", "1500 m"). Longer words pass. */
static const char *const short_clause_words[] = {
    "ist", "war", "hat", "in",  "im",  "am",  "an",  "auf", "aus", "bei", "vor", "nach", "ab",
    "für", "um",  "mit", "und", "die", "der", "das", "den", "dem", "des", "ein", "sei", "gab",
    "kam", "lag", "sah", "tat", "zog", "bot", "es",  "er",  "sie", "man", "wir", "ihr",
    "von", "vom", "zum", "zur", "zu",  "bis", "als", "wie", NULL};

/* Whether the word ending at p (after blanks) allows a year after it. */
static bool year_may_follow(const unsigned char *s, size_t p)
{
    size_t w;

    if (p == 0 || s[p - 1] == '\n' || in_set(s[p - 1], "!?:;,"))
        return true;
    if (s[p - 1] == '.')
        return !(p >= 2 && abg_ascii_is_digit(s[p - 2])); /* not "3. 2019" */
    if (s[p - 1] < 0x80 && !abg_ascii_is_alpha(s[p - 1]))
        return false; /* "(2019)", "-2019", "#2019" */
    for (w = p; w > 0 && (s[w - 1] >= 0x80 || abg_ascii_is_alnum(s[w - 1]) || s[w - 1] == '-' ||
                          s[w - 1] == '.');
         w--)
        ;
    if (p - w > 24)
        return false;
    if (abg_ascii_is_upper(s[w]) ||
        (s[w] == 0xC3 && w + 1 < p && s[w + 1] >= 0x80 && s[w + 1] <= 0x9E)) {
        /* a capital word: only an adverb or preposition opening a sentence */
        size_t q = w;
        while (q > 0 && is_blank(s[q - 1]))
            q--;
        return (q == 0 || in_set(s[q - 1], ".!?:\n\"")) && word_in(s + w, p - w, opening_words);
    }
    if (word_in(s + w, p - w, of_words)) {
        /* "der Fund von 1987", "ein Gesetz von 2015": a noun's year */
        size_t q = w, e;
        while (q > 0 && is_blank(s[q - 1]))
            q--;
        for (e = q; q > 0 && (s[q - 1] >= 0x80 || abg_ascii_is_alpha(s[q - 1]) || s[q - 1] == '-');
             q--)
            ;
        return e > q && abg_ascii_is_upper(s[q]);
    }
    return !abg_ascii_is_digit(s[w]) && !word_in(s + w, p - w, amount_words);
}

int abg_year_adverbial(const abg_norm *norm, size_t a, size_t b)
{
    const unsigned char *s = (const unsigned char *)norm->s;
    size_t p = a, w;

    while (p > 0 && is_blank(s[p - 1]))
        p--;
    if (!year_may_follow(s, p))
        return 0;
    p = b;
    while (p < norm->len && is_blank(s[p]))
        p++;
    if (p >= norm->len || s[p] == '\n' || in_set(s[p], ".,;:!?"))
        return 1;
    if (!abg_ascii_is_lower(s[p]))
        return 0; /* a noun, a name, a digit, a bracket, a sign */
    for (w = p; w < norm->len && (s[w] >= 0x80 || abg_ascii_is_alpha(s[w])); w++)
        ;
    return w - p > 3 || word_in(s + p, w - p, short_clause_words);
}

/* Does s[a..b) hold one of the words (ASCII, matched in any case, as the
 * start of a word or anywhere for `inner`)? */
static bool holds_word(const unsigned char *s, size_t a, size_t b, const char *const *words,
                       bool inner)
{
    size_t i, k;

    for (i = a; i < b; i++) {
        if (!inner && i > a && (abg_ascii_is_alpha(s[i - 1]) || s[i - 1] >= 0x80))
            continue;
        for (k = 0; words[k]; k++) {
            size_t n = strlen(words[k]), j;
            if (n > b - i)
                continue;
            for (j = 0; j < n && abg_ascii_lower(s[i + j]) == (unsigned char)words[k][j]; j++)
                ;
            if (j == n)
                return true;
        }
    }
    return false;
}

/* The start of the sentence that holds byte p: after the last ". ", "! ",
 * "? " or line break before it. */
static size_t sentence_start(const unsigned char *s, size_t p)
{
    while (p > 0 && s[p - 1] != '\n' &&
           !(p >= 2 && is_blank(s[p - 1]) && in_set(s[p - 2], ".!?") &&
             !(p >= 3 && abg_ascii_is_digit(s[p - 3]))))
        p--;
    return p;
}

int abg_rate_context(const abg_norm *norm, size_t a, size_t b)
{
    static const char *const rate[] = {"prozent", "%", "anteil", "quote", "umfrage",
                                       "sonntagsfrage", "zins", NULL};
    static const char *const index_part[] = {"index", "dax", NULL}; /* Leitindex, MDax */
    static const char *const index[] = {"dow", "nikkei", "nasdaq", "stoxx", "atx", "smi",
                                        "ftse", "s&p", "cac", NULL};
    const unsigned char *s = (const unsigned char *)norm->s;
    size_t start = sentence_start(s, a), prev = start, end = b;

    while (end < norm->len && s[end] != '\n' &&
           !(in_set(s[end], ".!?") && (end + 1 >= norm->len || is_blank(s[end + 1]) ||
                                       s[end + 1] == '\n')))
        end++;
    if (holds_word(s, start, end, index_part, true) || holds_word(s, start, end, index, false))
        return 0;
    if (prev > 0 && s[prev - 1] != '\n') /* the sentence before, in one paragraph */
        prev = sentence_start(s, prev - 1);
    return holds_word(s, prev, a, rate, true) || holds_word(s, b, end, rate, true);
}

