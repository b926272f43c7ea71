/*
 * extract.c: facts from a document by the rules of an abg_rules.
 *
 * In:  a document (its text is normalised here: NFC, dashes, quotes and
 *      spaces unified), the loaded rules, the language (abbreviations for
 *      sentence boundaries).
 * Out: a malloc'd array of abg_fact, spans in the document's own text
 *      (the caller frees it). All state is per call, so calls on distinct
 *      documents may run in parallel with the same rules.
 *
 * Every fact holds an anchor: a digit, a currency sign, or a word for a
 * scale, percent or currency (the number words of "zehn Prozent" or "eine
 * Milliarde" come with one). So the rules are searched only in windows
 * around anchors (ANCHOR_BEFORE bytes before, ANCHOR_AFTER after, merged
 * where they meet) of each paragraph (at most CHUNK_MAX bytes at a time),
 * from every position where a match may start, so that a longer match of
 * another rule always competes; then the longest candidate wins, the
 * earlier one on a tie, then the earlier rule; overlapping candidates are
 * dropped. Paragraphs without figures cost one scan for anchors.
 *
 * A rule is tried at a position only when the byte there may start it
 * (abg_rule.first), or when a word of its gated defines starts there (a
 * number word, minus); so most words of a text cost a look-up, not a
 * match.
 * Words before a match that the rule's `before` pattern takes (the
 * qualifiers: "rund", "mehr als") are found by trying that pattern at the
 * word starts shortly before the match, anchored to end where the match
 * starts: each fit is a candidate of its own, beside the bare match.
 * What a match reads as (value, unit, qualifier, date) is convert.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "ctx.h"
#include "convert.h"
#include "doc.h"
#include "text.h"

#define CHUNK_MAX ((size_t)64 << 10)
/* A fact starts at most this many bytes before its anchor ("nicht mehr
 * als zweieinhalb Milliarden") and ends at most this many after it. */
#define ANCHOR_BEFORE 96
#define ANCHOR_AFTER 256
/* The window of a number word that counts (zwei, dreitägige): the
 * qualifiers before it, a count or duration after it. */
#define WORD_ANCHOR_BEFORE 48
#define WORD_ANCHOR_AFTER 128

/* Whether u[i..n) starts with the small ASCII word w, ignoring case. */
static int word_at(const unsigned char *u, size_t i, size_t n, const char *w)
{
    size_t j;

    for (j = 0; w[j] && i + j < n && abg_ascii_lower(u[i + j]) == (unsigned char)w[j]; j++)
        ;
    return !w[j];
}

/* Whether an anchor word starts at u[i], an ASCII letter at the start of
 * a word (after a byte that is not an ASCII letter). The anchor words are
 * compared by prefix, ignoring ASCII case: Prozent, Million(en),
 * Milliarde(n), Billion(en), Tausend, Hundert, Mio., Mrd., Bio., Tsd.,
 * and the currencies. A new word needs its first two letters in
 * may_anchor too. */
static int anchor_word_at(const unsigned char *u, size_t i, size_t n)
{
    switch (u[i] | 0x20) {
    case 'b':
        return word_at(u, i, n, "billion") || word_at(u, i, n, "bio");
    case 'c':
        return word_at(u, i, n, "cent") || word_at(u, i, n, "chf") || word_at(u, i, n, "cny");
    case 'd':
        return word_at(u, i, n, "dollar");
    case 'e':
        return word_at(u, i, n, "eur"); /* Euro too */
    case 'f':
        return word_at(u, i, n, "franken");
    case 'g':
        return word_at(u, i, n, "gbp");
    case 'h':
        return word_at(u, i, n, "hundert");
    case 'j':
        return word_at(u, i, n, "jpy");
    case 'm':
        return word_at(u, i, n, "million") || word_at(u, i, n, "milliard") ||
               word_at(u, i, n, "mio") || word_at(u, i, n, "mrd");
    case 'p':
        return word_at(u, i, n, "prozent") || word_at(u, i, n, "pfund");
    case 'r':
        return word_at(u, i, n, "renminbi");
    case 's':
        return word_at(u, i, n, "sfr");
    case 't':
        return word_at(u, i, n, "tausend") || word_at(u, i, n, "tsd");
    case 'u':
        return word_at(u, i, n, "us-dollar") || word_at(u, i, n, "usd");
    case 'y':
        return word_at(u, i, n, "yen") || word_at(u, i, n, "yuan");
    default:
        return 0;
    }
}

/* The end of the word at u[p]: ASCII and Latin-1 letters (À..ÿ but × and
 * ÷); *other is set when a character beyond them comes first. */
static size_t word_end(const unsigned char *u, size_t p, size_t n, int *other)
{
    size_t q = p;

    *other = 0;
    while (q < n) {
        if (abg_ascii_is_alpha(u[q])) {
            q++;
        } else if (u[q] == 0xC3 && q + 1 < n && u[q + 1] >= 0x80 && u[q + 1] <= 0xBF &&
                   u[q + 1] != 0x97 && u[q + 1] != 0xB7) {
            q += 2;
        } else {
            *other = u[q] >= 0x80;
            break;
        }
    }
    return q;
}

/* The suffixes of durations and ages written as one word with their
 * number (dreitägige, Zweijähriger): the length of the number word before
 * one of them in u[p..q), or 0. */
static size_t duration_compound(const unsigned char *u, size_t p, size_t q)
{
    static const char *const stems[] = {"j\xc3\xa4hrig", "t\xc3\xa4gig", "w\xc3\xb6" "chig",
                                        "monatig", "st\xc3\xbc" "ndig", "min\xc3\xbc" "tig"};
    size_t r, k, j;
    abg_num num;

    /* the stem ends in "ig", then nothing, e, or e and one of m n r s */
    for (r = 0; r <= 2; r++) {
        size_t i;
        if (q < p + r + 2 || u[q - r - 1] != 'g' || u[q - r - 2] != 'i')
            continue;
        if (r >= 1 && u[q - r] != 'e')
            continue;
        if (r == 2 && !strchr("mnrs", u[q - 1]))
            continue;
        for (k = 0; k < sizeof stems / sizeof stems[0]; k++) {
            size_t sl = strlen(stems[k]);
            int same = 1;
            if (q < p + 3 + r + sl)
                continue;
            i = q - r - sl;
            for (j = 0; j < sl && same; j++)
                same = (j == 0 ? abg_ascii_lower(u[i]) : u[i + j]) == (unsigned char)stems[k][j];
            if (same && abg_num_parse(&num, (const char *)u + p, i - p) == 0)
                return i - p;
        }
    }
    return 0;
}

/* Whether the article ending at u[q] counts one measure or duration
 * (rule quantity.one: "eine Stunde", "einem Kilogramm", "eine halbe
 * Stunde"), so that its word anchors a window. */
static int one_measure_at(const unsigned char *u, size_t q, size_t n)
{
    static const char *const units[] = {"Stunde", "Minute",    "Sekunde", "Tag",   "Woche",
                                        "Monat",  "Jahr",      "Jahrzehnt", "Kilogramm",
                                        "Kilo",   "Tonne",     "Meter",   "Kilometer", "Liter",
                                        "halbe",  "halben",    "halbem",  "halber", "halbes"};
    size_t k, e;
    int other;

    while (q < n && (u[q] == ' ' || u[q] == '\n' || u[q] == '\t'))
        q++;
    if (q >= n)
        return 0;
    e = word_end(u, q, n, &other);
    for (k = 0; k < sizeof units / sizeof units[0]; k++)
        if (strlen(units[k]) == e - q && memcmp(u + q, units[k], e - q) == 0)
            return 1;
    return 0;
}

/* Whether a number word that counts starts at s[p] (at the start of a
 * word): zwei ... zwölf, zwanzig, hundert, tausend and their compounds,
 * eineinhalb, anderthalb, and these before a duration (dreitägige); not
 * the articles ein, eine, einen ..., which are read as one only before a
 * measure or duration (one_measure_at). An anchor for counts without
 * digits ("fünf Mitarbeitern"), so it first looks at four letters; a new
 * head needs its first two letters in may_anchor too. */
static int count_word_at(const char *s, size_t p, size_t n)
{
    static const char *const heads[] = {"zwei", "zehn", "zwan", "drei", "vier", "sech", "sieb",
                                        "acht", "neun", "hund", "taus", "ande"};
    const unsigned char *u = (const unsigned char *)s;
    char h[4];
    size_t q, k;
    int other, head = 0;
    abg_num num;

    if (p + 3 >= n)
        return 0;
    for (k = 0; k < 4; k++)
        h[k] = (char)abg_ascii_lower(u[p + k]);
    if ((h[0] == 'e' && h[1] == 'l' && h[2] == 'f') || (h[0] == 'e' && h[1] == 'i' && h[2] == 'n'))
        head = 1; /* elf; ein, which eine, einen ... share */
    else if (h[0] == 'z' && h[1] == 'w' && u[p + 2] == 0xC3 && u[p + 3] == 0xB6)
        head = 1; /* zwölf */
    else if (h[0] == 'f' && u[p + 1] == 0xC3 && u[p + 2] == 0xBC && h[3] == 'n')
        head = 1; /* fünf */
    for (k = 0; !head && k < sizeof heads / sizeof heads[0]; k++)
        head = memcmp(h, heads[k], 4) == 0;
    if (!head)
        return 0;
    q = word_end(u, p, n, &other);
    if (other || (q < n && ((u[q] >= '0' && u[q] <= '9') || u[q] == '_')))
        return 0;
    if (h[0] == 'e' && h[1] == 'i' && q - p < 7)
        return one_measure_at(u, q, n); /* ein, eine ...: a number before a measure only */
    return abg_num_parse(&num, s + p, q - p) == 0 || duration_compound(u, p, q) > 0;
}

/* Whether u[i] is a currency sign: $ € £ ¥. */
static int currency_sign_at(const unsigned char *u, size_t i, size_t n)
{
    return u[i] == '$' || (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x82 && u[i + 2] == 0xAC) ||
           (u[i] == 0xC2 && i + 1 < n && (u[i + 1] == 0xA3 || u[i + 1] == 0xA5));
}

/* Whether a fact may start at s[p]: a character that is not white space,
 * at the start of the text or after a character that is not a letter or
 * digit (facts start at a word, a number, a sign or a currency sign). */
static int may_start(const char *s, size_t p)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t q;
    uint32_t c;

    if (u[p] == ' ' || u[p] == '\n' || u[p] == '\t')
        return 0;
    if (p == 0)
        return 1;
    q = p - 1;
    if (u[q] < 0x80)
        return !((u[q] >= 'a' && u[q] <= 'z') || (u[q] >= 'A' && u[q] <= 'Z') ||
                 (u[q] >= '0' && u[q] <= '9'));
    while (q > 0 && (u[q] & 0xC0) == 0x80 && p - q < 4)
        q--;
    c = u[q] >= 0xF0 ? 0x10000 : u[q] >= 0xE0 ? (uint32_t)((u[q] & 0x0F) << 12 |
                                                        (u[q + 1] & 0x3F) << 6 |
                                                        (u[q + 2] & 0x3F))
                                            : (uint32_t)((u[q] & 0x1F) << 6 | (u[q + 1] & 0x3F));
    /* letters: Latin-1 and beyond up to the general punctuation block, and
     * the scripts after the symbol blocks */
    return !((c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7) || c >= 0x2C00);
}

/* Whether the first two bytes of a word may begin an anchor word or a
 * number word that counts (anchor_word_at, count_word_at): a bit per
 * second letter for each first letter, so that most words cost one look-up
 * and none of the comparisons. */
#define L2(c) (1u << ((c) - 'a'))
static int may_anchor(const unsigned char *u, size_t i, size_t n)
{
    static const uint32_t second[26] = {
        ['a' - 'a'] = L2('c') | L2('n'),
        ['b' - 'a'] = L2('i'),
        ['c' - 'a'] = L2('e') | L2('h') | L2('n'),
        ['d' - 'a'] = L2('o') | L2('r'),
        ['e' - 'a'] = L2('u') | L2('i') | L2('l'),
        ['f' - 'a'] = L2('r'),
        ['g' - 'a'] = L2('b'),
        ['h' - 'a'] = L2('u'),
        ['j' - 'a'] = L2('p'),
        ['m' - 'a'] = L2('i') | L2('r'),
        ['n' - 'a'] = L2('e'),
        ['p' - 'a'] = L2('r') | L2('f'),
        ['r' - 'a'] = L2('e'),
        ['s' - 'a'] = L2('f') | L2('e') | L2('i'),
        ['t' - 'a'] = L2('a') | L2('s'),
        ['u' - 'a'] = L2('s'),
        ['v' - 'a'] = L2('i'),
        ['y' - 'a'] = L2('e') | L2('u'),
        ['z' - 'a'] = L2('w') | L2('e'),
    };
    unsigned c0 = abg_ascii_lower(u[i]), c1;

    if (i + 1 >= n)
        return 0;
    c1 = abg_ascii_lower(u[i + 1]);
    if (c1 == 0xC3)
        return c0 == 'f'; /* fünf */
    return c1 >= 'a' && c1 <= 'z' && (second[c0 - 'a'] & L2(c1));
}
#undef L2

/* The next window [*ws, *we) of s[from..n) around anchors (a digit, a
 * currency sign, or an anchor word at the start of a word), merged where
 * windows meet or overlap (a fact that starts before an anchor may span
 * the end of the window before it); 0 when there is none. Windows start
 * and end on character boundaries. */
static int next_window(const char *s, size_t n, size_t from, size_t *ws, size_t *we)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i, a, e = 0, before, after;
    int found = 0;

    for (i = from; i < n;) {
        if (found && i >= e + ANCHOR_BEFORE)
            break; /* no anchor from here on reaches back into the window */
        before = ANCHOR_BEFORE;
        after = ANCHOR_AFTER;
        if (abg_ascii_is_alpha(u[i])) {
            /* a word: only its start may be an anchor */
            size_t j = i + 1;
            int start = !(i > 0 && (abg_ascii_is_alpha(u[i - 1]) || u[i - 1] >= 0x80)) &&
                        may_anchor(u, i, n);
            int anchor = start && anchor_word_at(u, i, n);
            if (!anchor && start && count_word_at(s, i, n)) {
                anchor = 1;
                before = WORD_ANCHOR_BEFORE;
                after = WORD_ANCHOR_AFTER;
            }
            if (!anchor) {
                while (j < n && abg_ascii_is_alpha(u[j]))
                    j++;
                i = j;
                continue;
            }
        } else if (!(u[i] >= '0' && u[i] <= '9') && !currency_sign_at(u, i, n)) {
            i++;
            continue;
        }
        a = i > before ? i - before : 0;
        if (found && a >= e)
            break; /* the next window's */
        if (!found) {
            *ws = a < from ? from : a;
            found = 1;
        }
        if (i + after > e)
            e = i + after < n ? i + after : n;
        i++;
    }
    if (!found)
        return 0;
    while (*ws > 0 && ((unsigned char)s[*ws] & 0xC0) == 0x80)
        (*ws)--;
    while (e < n && ((unsigned char)s[e] & 0xC0) == 0x80)
        e++;
    *we = e;
    return 1;
}


const char *abg_fact_type_name(abg_fact_type type)
{
    switch (type) {
    case ABG_FACT_MONEY:
        return "money";
    case ABG_FACT_PERCENT:
        return "percent";
    case ABG_FACT_DATE:
        return "date";
    case ABG_FACT_QUANTITY:
        return "quantity";
    }
    return "unknown";
}

abg_fact_type abg_fact_type_from_name(const char *name)
{
    int t;

    for (t = ABG_FACT_MONEY; t <= ABG_FACT_QUANTITY; t++)
        if (strcmp(name, abg_fact_type_name((abg_fact_type)t)) == 0)
            return (abg_fact_type)t;
    return 0;
}

const char *abg_qualifier_name(abg_qualifier q)
{
    static const char *const names[] = {"exact", "approx", "lower", "upper", "range"};

    return (unsigned)q < 5 ? names[q] : "exact";
}

int abg_fact_value_string(char *buf, size_t size, const abg_fact *f, int to_end)
{
    double v;

    if (f->type == ABG_FACT_DATE) {
        const char *d = to_end ? f->date_to : f->date;
        if (!*d)
            return 0;
        return snprintf(buf, size, "%s", d);
    }
    if (to_end && !f->has_value_to)
        return 0;
    v = to_end ? f->value_to : f->value;
    if (v == 0)
        v = 0; /* no "-0" */
    return snprintf(buf, size, "%.15g", v);
}


/* The words before match m (of the rule cv->rule, made on sub[0..len))
 * that the rule's before pattern takes, each fit a candidate of its own:
 * tried at every place a word may start from `from` (the window's start,
 * at most ANCHOR_BEFORE bytes back) to the match, anchored to end at its
 * start. The fits are collected first, then the match is made again for
 * its groups. */
static int extend_before(conv *cv, cands *out, size_t ri, const abg_regex_match *m, size_t len,
                         size_t from, unsigned char *warned, abg_extract_warn_fn warn,
                         void *payload)
{
    enum { MAX_FITS = 8 };
    const abg_rule *r = cv->rule;
    size_t w, a, b, fit[MAX_FITS][3], nfit = 0, i;
    int qn;
    abg_regex_match again;
    int rc, err;

    if (abg_conv_grp(cv, G_FROM, &a, &b) && abg_conv_grp(cv, G_TO, &a, &b))
        return 0; /* two facts: no words before them */
    if (m->start > ANCHOR_BEFORE && from < m->start - ANCHOR_BEFORE)
        from = m->start - ANCHOR_BEFORE;
    for (w = from; w < m->start || nfit > 0; w++) {
        abg_regex_match q;
        unsigned char c;
        if (w >= m->start || nfit == MAX_FITS) {
            /* the groups of the match again, then the candidates */
            rc = abg_regex_search(&again, cv->ctx, r->re, cv->scratch, cv->sub, len, m->start);
            if (rc < 0)
                return rc;
            for (i = 0; rc == 1 && i < nfit; i++) {
                cv->qual_set = 1;
                cv->qual_a = fit[i][1];
                cv->qual_b = fit[i][2];
                err = abg_conv_make(cv, out, ri, fit[i][0], m->end, 0);
                cv->qual_set = 0;
                if (err < 0)
                    return err;
            }
            nfit = 0;
            if (w >= m->start)
                break;
        }
        c = (unsigned char)cv->sub[w];
        if (!(r->before_first[c / 8] & (1u << (c % 8))) || (c & 0xC0) == 0x80 ||
            !may_start(cv->sub, w))
            continue;
        rc = abg_regex_search(&q, cv->ctx, r->before, cv->scratch, cv->sub, m->start, w);
        if (rc == 0)
            continue;
        if (rc < 0) {
            if (rc != ABG_ELIMIT)
                return rc;
            if (!warned[ri] && warn)
                warn(r->id, "hit its match limit", payload);
            warned[ri] = 1;
            abg_ctx_clear(cv->ctx);
            continue;
        }
        for (qn = 0; qn < r->nbefore_qual; qn++)
            if (abg_regex_group(cv->scratch, r->before_qual[qn], &a, &b))
                break;
        if (qn == r->nbefore_qual)
            a = b = w; /* no qualifier */
        fit[nfit][0] = w;
        fit[nfit][1] = a;
        fit[nfit][2] = b;
        nfit++;
    }
    return 0;
}

/* Whether the word right before sub[p], after blanks, ends a key of map
 * qual ("rund", "als" of "mehr als", "ca."): else a before pattern of
 * qualifiers ({QUALS}, whose words set the qualifier through that map)
 * cannot fit there, and extend_before need not try it. */
static int qual_word_before(const conv *cv, size_t p)
{
    const unsigned char *u = (const unsigned char *)cv->sub;
    const abg_map *m = abg_rules_map(cv->rules, "qual");
    char key[64];
    size_t e = p, b, i, kl;
    int n;

    while (e > 0 && (u[e - 1] == ' ' || u[e - 1] == '\t' || u[e - 1] == '\n'))
        e--;
    if (e == p || !m)
        return !m;
    for (b = e; b > 0 && (abg_ascii_is_alpha(u[b - 1]) || u[b - 1] >= 0x80 || u[b - 1] == '.'); b--)
        ;
    if (b == e || e - b >= sizeof key || (n = abg_fold_key(key, sizeof key, cv->sub + b, e - b)) <= 0)
        return 0;
    kl = strlen(key);
    for (i = 0; i < m->n; i++) {
        const char *k = m->entries[i].key;
        size_t l = strlen(k);
        if (l >= kl && memcmp(k + l - kl, key, kl) == 0 && (l == kl || k[l - kl - 1] == ' '))
            return 1;
    }
    return 0;
}

/* Whether a rule's number word (WORDNUM, matched as a whole word) may
 * start at s[p]: the word there reads as a number (abg_num_parse, the
 * test its value must pass anyway). Answers yes when the word's end is
 * not plain (a character outside ASCII and Latin-1 letters), so as not
 * to misread where the pattern would see it end. */
static int number_word_at(const char *s, size_t p, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t q = p;
    abg_num num;
    int second;

    if (p + 1 >= n)
        return 0;
    /* the first two letters of every number word (numbers.c), folded:
     * ei an zw ze dr vi fü se si ac ne el hu ta */
    second = abg_ascii_lower(u[p + 1]);
    switch (abg_ascii_lower(u[p])) {
    case 'e':
        if (second != 'i' && second != 'l')
            return 0;
        break;
    case 'z':
        if (second != 'w' && second != 'e')
            return 0;
        break;
    case 'a':
        if (second != 'n' && second != 'c')
            return 0;
        break;
    case 's':
        if (second != 'e' && second != 'i')
            return 0;
        break;
    case 'd':
        if (second != 'r')
            return 0;
        break;
    case 'v':
        if (second != 'i')
            return 0;
        break;
    case 'f':
        if (second != 0xC3) /* ü, Ü */
            return 0;
        break;
    case 'n':
        if (second != 'e')
            return 0;
        break;
    case 'h':
        if (second != 'u')
            return 0;
        break;
    case 't':
        if (second != 'a')
            return 0;
        break;
    default:
        return 0;
    }
    while (q < n) {
        if (abg_ascii_is_alpha(u[q])) {
            q++;
        } else if (u[q] == 0xC3 && q + 1 < n && u[q + 1] >= 0x80 && u[q + 1] <= 0xBF &&
                   u[q + 1] != 0x97 && u[q + 1] != 0xB7) {
            q += 2; /* À..ÿ but × and ÷ */
        } else if (u[q] >= 0x80) {
            return 1;
        } else {
            break;
        }
    }
    if (q < n && ((u[q] >= '0' && u[q] <= '9') || u[q] == '_'))
        return 0; /* a word with digits is no number word */
    return abg_num_parse(&num, s + p, q - p) == 0 ||
           duration_compound(u, p, q) > 0; /* dreitägige: the number word starts it */
}

/* The first rule at or after i to try: the next bit of mask among the
 * first ABG_RULES_MASKED rules, then every rule after them (n: none). */
static size_t next_rule(uint64_t mask, size_t i, size_t n)
{
    if (i < ABG_RULES_MASKED) {
        mask >>= i;
        if (mask) {
#if defined(__GNUC__)
            i += (size_t)__builtin_ctzll(mask);
#else
            while (!(mask & 1)) {
                mask >>= 1;
                i++;
            }
#endif
            return i < n ? i : n;
        }
        i = ABG_RULES_MASKED;
    }
    return i < n ? i : n;
}

static int is_ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Whether a sign (MINUS: "-" and at most one space, or the word minus
 * or Minus and spaces) starts at u[p] before a digit or a number word.
 * Yes as well where a character outside ASCII comes after it (a space or
 * a digit beyond ASCII). */
static int minus_at(const unsigned char *u, size_t p, size_t n)
{
    size_t q;

    if (u[p] == '-') {
        q = p + 1;
        if (q < n && u[q] >= 0x80)
            return 1;
        if (q < n && is_ascii_space(u[q]))
            q++;
    } else if ((u[p] | 0x20) == 'm' && p + 5 <= n && memcmp(u + p + 1, "inus", 4) == 0) {
        q = p + 5;
        if (q < n && u[q] >= 0x80)
            return 1;
        if (q >= n || !is_ascii_space(u[q]))
            return 0;
        while (q < n && is_ascii_space(u[q]))
            q++;
    } else {
        return 0;
    }
    if (q >= n)
        return 0;
    if ((u[q] >= '0' && u[q] <= '9') || u[q] >= 0x80)
        return 1;
    return number_word_at((const char *)u, q, n);
}

/* Whether u[p..n) starts with the folded word w[0..len) (abg_fold_key:
 * ASCII and Latin-1 capitals made small); also when a character outside
 * ASCII comes first, since caseless matching has more forms ("ſ" is "s")
 * than folding does. */
static int folded_prefix_at(const unsigned char *u, size_t p, size_t n, const char *w,
                            size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        unsigned t;
        if (p + i >= n)
            return 0;
        t = u[p + i];
        if (t >= 0x80 && (unsigned char)w[i] != t) {
            if (i > 0 && u[p + i - 1] == 0xC3 && t >= 0x80 && t <= 0x9E && t != 0x97 &&
                (unsigned char)w[i] == t + 0x20)
                continue; /* À..Þ as à..þ */
            return 1;
        }
        if (abg_ascii_lower((unsigned char)t) != (unsigned char)w[i])
            return 0;
    }
    return 1;
}

/* Whether a word of map month may start at u[p]: the folded text there
 * starts with the first word of one of them. */
static int month_word_at(const abg_rules *rules, const unsigned char *u, size_t p, size_t n)
{
    const abg_map *m = rules->months;
    unsigned d = p + 1 < n ? (unsigned)abg_ascii_lower(u[p + 1]) : 0;
    size_t i;

    if (!m || (u[p] < 0x80 && d < 0x80 && !(rules->month_two[u[p]][d / 8] & (1u << (d % 8)))))
        return 0;
    for (i = 0; i < m->n; i++) {
        const char *k = m->entries[i].key, *sp;
        if ((unsigned char)k[0] != abg_ascii_lower(u[p]) && u[p] < 0x80)
            continue;
        sp = strchr(k, ' ');
        if (folded_prefix_at(u, p, n, k, sp ? (size_t)(sp - k) : strlen(k)))
            return 1;
    }
    return 0;
}

/* Of the gated words (ABG_GATE_*) in `want`, those that may start at
 * s[p]. */
static unsigned gates_at(const abg_rules *rules, unsigned want, const char *s, size_t p,
                         size_t n)
{
    static const char *const ordinals[] = {"erste", "zweite", "dritte", "vierte"};
    const unsigned char *u = (const unsigned char *)s;
    unsigned g = 0;
    int c = abg_ascii_lower(u[p]), i;

    if ((want & ABG_GATE_NUMWORD) && number_word_at(s, p, n))
        g |= ABG_GATE_NUMWORD;
    if ((want & ABG_GATE_MINUS) && (c == '-' || c == 'm') && minus_at(u, p, n))
        g |= ABG_GATE_MINUS;
    if ((want & ABG_GATE_ORDINAL) && (c == 'e' || c == 'z' || c == 'd' || c == 'v'))
        for (i = 0; i < 4; i++)
            if (ordinals[i][0] == c &&
                folded_prefix_at(u, p, n, ordinals[i], strlen(ordinals[i])))
                g |= ABG_GATE_ORDINAL;
    if ((want & ABG_GATE_MONTH) && month_word_at(rules, u, p, n))
        g |= ABG_GATE_MONTH;
    return g;
}

/* Where the next occurrence of each word of the rules' needs starts, at
 * or after the last position it was looked for from (need_at[k] for
 * rules->need_words[k]): UNKNOWN before the first look in a window, ABSENT
 * when the rest of the window has none. Positions only grow within a
 * window, so each word is looked for about once per occurrence, however
 * many rules need it. */
#define UNKNOWN ((size_t)-1)
#define ABSENT ((size_t)-2)

/* Whether one of the words of rule r's needs stands in
 * s[p, min(we, p + ABG_NEEDS_SPAN)). */
static int needs_near(const abg_rules *rules, const abg_rule *r, size_t *need_at, const char *s,
                      size_t p, size_t we)
{
    size_t lim = we - p < ABG_NEEDS_SPAN ? we : p + ABG_NEEDS_SPAN;
    unsigned i;

    for (i = 0; i < r->nneed_ids; i++) {
        const char *w = rules->need_words[r->need_ids[i]];
        size_t *at = &need_at[r->need_ids[i]], n = rules->need_lens[r->need_ids[i]];
        if (*at == UNKNOWN || (*at != ABSENT && *at < p)) {
            const char *q = NULL;
            size_t j;
            *at = ABSENT;
            for (j = p; j + n <= we && (q = memchr(s + j, w[0], we - n + 1 - j));
                 j = (size_t)(q - s) + 1)
                if (memcmp(q, w, n) == 0) {
                    *at = (size_t)(q - s);
                    break;
                }
        }
        if (*at != ABSENT && *at + n <= lim)
            return 1;
    }
    return 0;
}

static int cmp_cand(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    size_t la = a->b - a->a, lb = b->b - b->a;

    if (la != lb)
        return la > lb ? -1 : 1;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    if (a->rule != b->rule)
        return a->rule < b->rule ? -1 : 1;
    return 0;
}

static int cmp_start(const void *x, const void *y)
{
    const cand *a = x, *b = y;

    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return 0;
}

/* Keep the longest candidates that do not overlap; in text order. All
 * candidates lie in the chunk [base, base + len); `taken` (len bytes,
 * zeroed) marks what kept ones cover, so the cost is linear in the total
 * length of the candidates, not quadratic in their number. */
static size_t resolve(cands *c, unsigned char *taken, size_t base)
{
    size_t i, k, kept = 0;

    if (c->n == 0)
        return 0;
    qsort(c->v, c->n, sizeof *c->v, cmp_cand);
    for (i = 0; i < c->n; i++) {
        int clash = 0;
        for (k = c->v[i].a; k < c->v[i].b && !clash; k++)
            clash = taken[k - base];
        if (clash)
            continue;
        memset(taken + (c->v[i].a - base), 1, c->v[i].b - c->v[i].a);
        c->v[kept++] = c->v[i];
    }
    qsort(c->v, kept, sizeof *c->v, cmp_start);
    return kept;
}

static size_t utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The end of the chunk that starts at `off`: a paragraph, at most CHUNK_MAX. */
static size_t chunk_end(const abg_norm *norm, size_t off)
{
    size_t lim = off + CHUNK_MAX, i;

    for (i = off; i + 1 < norm->len && i < lim; i++) {
        const char *nl = memchr(norm->s + i, '\n', norm->len - 1 - i);
        if (!nl)
            break;
        i = (size_t)(nl - norm->s);
        if (i < lim && norm->s[i + 1] == '\n')
            return i + 1;
    }
    if (lim >= norm->len)
        return norm->len;
    for (i = lim; i > off + CHUNK_MAX / 2; i--)
        if (norm->s[i] == '\n')
            return i + 1;
    while (lim > off && ((unsigned char)norm->s[lim] & 0xC0) == 0x80)
        lim--;
    return lim;
}

/* The sentences of the chunk norm[off, end) in *sents, for cv: split only
 * where a chunk has figures, as paragraphs are split alike alone or in
 * their text. A chunk cut inside a long paragraph takes the whole text's
 * sentences, once (*whole). */
static int chunk_sentences(conv *cv, abg_span **sents, size_t *nsents, size_t *cap,
                           const abg_lang *lang, int *whole, size_t off, size_t end)
{
    const abg_abbrevs *abbrevs = lang ? lang->abbrevs : NULL;
    int err = abg_sentences_split_range(sents, nsents, cap, abbrevs, cv->norm->s, cv->norm->len,
                                        off, end);

    if (err == ABG_EUSAGE) {
        err = abg_sentences_split_range(sents, nsents, cap, abbrevs, cv->norm->s, cv->norm->len,
                                        0, cv->norm->len);
        *whole = 1;
    }
    if (err < 0)
        return err == ABG_ENOMEM ? abg_error_oom(cv->ctx) : err;
    cv->sents = *sents;
    cv->nsents = *nsents;
    return 0;
}

int abg_extract_warn(abg_fact **out, size_t *nout, abg_ctx *ctx, const abg_rules *rules,
                     const abg_lang *lang, const abg_doc *doc, abg_extract_warn_fn warn,
                     void *payload)
{
    abg_norm norm = {0};
    abg_span *sents = NULL;
    size_t nsents = 0, capsents = 0, len, off, ri, i, nres = 0, capres = 0;
    abg_regex_scratch *scratch = NULL;
    abg_fact *res = NULL;
    unsigned char *warned = NULL, *taken = NULL, *limited = NULL;
    int whole = 0; /* sents holds the whole text's sentences */
    size_t *need_at = NULL;
    cands c = {0};
    uint64_t gated = 0; /* the rules with gated words */
    const char *text = abg_doc_text(doc, &len);
    conv cv;
    int err = 0;

    *out = NULL;
    *nout = 0;
    if ((err = abg_norm_init(&norm, text, len)) < 0) {
        err = err == ABG_ENOMEM ? abg_error_oom(ctx) : abg_error(ctx, err, "cannot normalise");
        goto done;
    }
    if ((err = abg_ctx_scratch(ctx, &scratch)) < 0 ||
        !(warned = calloc(rules->n + 1, 1)) || !(limited = calloc(rules->n + 1, 1)) ||
        !(need_at = malloc((rules->nneed_words + 1) * sizeof *need_at)) ||
        !(taken = malloc(CHUNK_MAX + 1))) {
        err = abg_error_oom(ctx);
        goto done;
    }
    for (ri = 0; ri < rules->n && ri < ABG_RULES_MASKED; ri++)
        if (rules->rules[ri].gates)
            gated |= (uint64_t)1 << ri;
    memset(&cv, 0, sizeof cv);
    cv.pub_y = -1;
    {
        const char *pub = abg_doc_published(doc);
        int y, m, d;
        if (abg_published_day(pub, &y, &m, &d) == 0 && y >= 1000 && y <= 2999) {
            cv.pub_y = y;
            cv.pub_m = m;
            cv.pub_d = d;
        }
    }
    cv.rules = rules;
    cv.scratch = scratch;
    cv.ctx = ctx;
    cv.norm = &norm;
    for (off = 0; off < norm.len;) {
        size_t end = chunk_end(&norm, off), kept, wfrom, ws = 0, we = 0;
        cv.sub = norm.s + off;
        cv.sub_off = off;
        c.n = 0;
        memset(limited, 0, rules->n);
        for (wfrom = 0; next_window(cv.sub, end - off, wfrom, &ws, &we); wfrom = we) {
            size_t p, next;
            if (wfrom == 0 && !whole &&
                (err = chunk_sentences(&cv, &sents, &nsents, &capsents, lang, &whole, off,
                                       end)) < 0)
                goto done;
            for (i = 0; i < rules->nneed_words; i++)
                need_at[i] = UNKNOWN;
            for (p = ws; p < we; p = next) {
                unsigned char byte = (unsigned char)cv.sub[p];
                unsigned gates = 0;
                int gates_known = 0;
                uint64_t mask;
                next = p + utf8_len(byte);
                if (abg_ascii_is_alpha(byte) || (byte >= '0' && byte <= '9')) {
                    /* no match starts inside a run of letters and digits */
                    while (next < we && (abg_ascii_is_alpha((unsigned char)cv.sub[next]) ||
                                         (cv.sub[next] >= '0' && cv.sub[next] <= '9')))
                        next++;
                }
                if (!may_start(cv.sub, p))
                    continue;
                mask = rules->by_byte[byte];
                if (gated & ~mask) {
                    unsigned k, want = 0;
                    for (k = 0; k < ABG_GATE_COUNT; k++)
                        if (rules->by_gate[k] & ~mask)
                            want |= 1u << k;
                    gates = gates_at(rules, want, cv.sub, p, we);
                    for (k = 0; k < ABG_GATE_COUNT; k++)
                        if (gates & (1u << k))
                            mask |= rules->by_gate[k];
                }
                for (ri = next_rule(mask, 0, rules->n); ri < rules->n;
                     ri = next_rule(mask, ri + 1, rules->n)) {
                    abg_regex_match m;
                    size_t had;
                    int rc;
                    if (limited[ri])
                        continue;
                    cv.rule = &rules->rules[ri];
                    if (ri >= ABG_RULES_MASKED &&
                        !(cv.rule->first[byte / 8] & (1u << (byte % 8)))) {
                        if (!cv.rule->gates)
                            continue;
                        if (!gates_known) {
                            gates = gates_at(rules, ~0u, cv.sub, p, we);
                            gates_known = 1;
                        }
                        if (!(gates & cv.rule->gates))
                            continue;
                    }
                    if (cv.rule->needs && !needs_near(rules, cv.rule, need_at, cv.sub, p, we))
                        continue;
                    /* the rules are compiled anchored: a match starts at p */
                    rc = abg_regex_search(&m, ctx, cv.rule->re, scratch, cv.sub, we, p);
                    if (rc == 0)
                        continue;
                    if (rc == ABG_ELIMIT) {
                        if (!warned[ri] && warn)
                            warn(cv.rule->id, "hit its match limit", payload);
                        warned[ri] = limited[ri] = 1;
                        abg_ctx_clear(ctx);
                        continue;
                    }
                    if (rc < 0) {
                        err = rc;
                        goto done;
                    }
                    had = c.n;
                    if ((!(cv.rule->flags & ABG_RULE_REQUIRE_BEFORE) &&
                         (err = abg_conv_convert(&cv, &c, ri, &m)) < 0) ||
                        /* a quantity the words before cannot save (its
                         * value and unit do not depend on them) */
                        (cv.rule->before &&
                         !(cv.rule->type == ABG_FACT_QUANTITY && c.n == had &&
                           !(cv.rule->flags & ABG_RULE_REQUIRE_BEFORE)) &&
                         !((cv.rule->flags & ABG_RULE_BEFORE_QUALS) &&
                           !qual_word_before(&cv, m.start)) &&
                         (err = extend_before(&cv, &c, ri, &m, we, ws, warned, warn,
                                              payload)) < 0)) {
                        if (err == ABG_ENOMEM)
                            err = abg_error_oom(ctx);
                        goto done;
                    }
                }
            }
        }
        memset(taken, 0, end - off);
        kept = resolve(&c, taken, off);
        if (nres + kept > capres) {
            size_t cap = (nres + kept) * 2 + 16;
            abg_fact *x = realloc(res, cap * sizeof *x);
            if (!x) {
                err = abg_error_oom(ctx);
                goto done;
            }
            res = x;
            capres = cap;
        }
        for (i = 0; i < kept; i++) {
            abg_fact *f = &res[nres++];
            const abg_span *s;
            size_t last;
            *f = c.v[i].f;
            f->off = abg_norm_src(&norm, c.v[i].a);
            last = abg_norm_src(&norm, c.v[i].b - 1);
            f->len = last + utf8_len((unsigned char)text[last]) - f->off;
            cv.sub_off = 0;
            s = abg_conv_sentence_at(&cv, c.v[i].a);
            if (s) {
                /* a fact the splitter cut ("28." then "Oktober 2025") gets
                 * the sentences it spans */
                const abg_span *s2 = abg_conv_sentence_at(&cv, c.v[i].b - 1);
                size_t send = s->off + s->len;
                if (s2 && s2->off + s2->len > send)
                    send = s2->off + s2->len;
                if (send < c.v[i].b)
                    send = c.v[i].b;
                f->sent_off = abg_norm_src(&norm, s->off);
                f->sent_len = abg_norm_src(&norm, send) - f->sent_off;
            }
        }
        off = end;
    }
    *out = res;
    *nout = nres;
    res = NULL;
done:
    free(res);
    free(c.v);
    free(taken);
    free(limited);
    free(need_at);
    free(warned);
    free(sents);
    abg_ctx_scratch_done(ctx, scratch);
    abg_norm_dispose(&norm);
    return err;
}

int abg_extract(abg_fact **out, size_t *n, abg_ctx *ctx, const abg_rules *rules,
                const abg_lang *lang, const abg_doc *doc)
{
    return abg_extract_warn(out, n, ctx, rules, lang, doc, NULL, NULL);
}
