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
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "ctx.h"
#include "doc.h"
#include "extract.h"
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
 * and the currencies. */
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

/* Whether a number word that counts starts at s[p] (at the start of a
 * word): zwei ... zwölf, zwanzig, hundert, tausend and their compounds,
 * eineinhalb, anderthalb, and these before a duration (dreitägige); not
 * the articles ein, eine, einen ..., which are read as one elsewhere only
 * with a scale word. An anchor for counts without digits ("fünf
 * Mitarbeitern"), so it first looks at four letters. */
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

static int count_word_at(const char *s, size_t p, size_t n)
{
    static const char *const heads[] = {"zwei", "zehn", "zwan", "drei", "vier", "sech", "sieb",
                                        "acht", "neun", "hund", "taus", "ande", "einh", "eint",
                                        "einu", "eine"};
    const unsigned char *u = (const unsigned char *)s;
    char h[4];
    size_t q, k;
    int other, head = 0;
    abg_num num;

    if (p + 3 >= n)
        return 0;
    for (k = 0; k < 4; k++)
        h[k] = (char)abg_ascii_lower(u[p + k]);
    if (h[0] == 'e' && h[1] == 'l' && h[2] == 'f')
        head = 1;
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

/* The next window [*ws, *we) of s[from..n) around anchors (a digit, a
 * currency sign, or an anchor word at the start of a word), merged where
 * windows meet; 0 when there is none. Windows start and end on character
 * boundaries. */
static int next_window(const char *s, size_t n, size_t from, size_t *ws, size_t *we)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i, a, e = 0, before, after;
    int found = 0;

    for (i = from; i < n;) {
        if (found && i >= e)
            break;
        before = ANCHOR_BEFORE;
        after = ANCHOR_AFTER;
        if (abg_ascii_is_alpha(u[i])) {
            /* a word: only its start may be an anchor */
            size_t j = i + 1;
            int start = !(i > 0 && (abg_ascii_is_alpha(u[i - 1]) || u[i - 1] >= 0x80));
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

static int push(cands *c, const cand *x)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        cand *v = realloc(c->v, cap * sizeof *v);
        if (!v)
            return ABG_ENOMEM;
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = *x;
    return 0;
}

static int grp(const conv *cv, abg_group_id g, size_t *a, size_t *b)
{
    int i;

    if (g == G_QUAL && cv->qual_set) {
        *a = cv->qual_a;
        *b = cv->qual_b;
        return 1;
    }
    for (i = 0; i < cv->rule->ngroups[g]; i++)
        if (abg_regex_group(cv->scratch, cv->rule->groups[g][i], a, b))
            return 1;
    return 0;
}

/* The map entry of kind for group g (NULL when the group is absent or the
 * word is not in the map). */
static const abg_map_entry *grp_map(const conv *cv, abg_group_id g, const char *kind)
{
    size_t a, b;

    if (!grp(cv, g, &a, &b) || a == b)
        return NULL;
    return abg_map_find(abg_rules_map(cv->rules, kind), cv->sub + a, b - a);
}

static int has_grp(const conv *cv, abg_group_id g)
{
    size_t a, b;

    return grp(cv, g, &a, &b) && b > a;
}

/* A small decimal integer from group g; -1 when absent or not digits. */
static long grp_int(const conv *cv, abg_group_id g, size_t *ndigits)
{
    size_t a, b, i;
    long v = 0;

    if (!grp(cv, g, &a, &b) || a == b || b - a > 4)
        return -1;
    for (i = a; i < b; i++) {
        if (cv->sub[i] < '0' || cv->sub[i] > '9')
            return -1;
        v = v * 10 + (cv->sub[i] - '0');
    }
    if (ndigits)
        *ndigits = b - a;
    return v;
}

static abg_qualifier qual_of(const char *s)
{
    static const char *const names[] = {"exact", "approx", "lower", "upper", "range"};
    int i;

    for (i = 0; i < 5; i++)
        if (strcmp(s, names[i]) == 0)
            return (abg_qualifier)i;
    return ABG_QUAL_EXACT;
}

/* The sentence that holds normalised offset `at`. */
static const abg_span *sentence_at(const conv *cv, size_t at)
{
    size_t lo = 0, hi = cv->nsents;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cv->sents[mid].off <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? &cv->sents[lo - 1] : NULL;
}

/* A currency word in the sentence of normalised offset `at`. */
static const abg_map_entry *context_currency(const conv *cv, size_t at)
{
    const abg_span *s = sentence_at(cv, at);
    abg_regex_match m;

    if (!s || !cv->rules->cur_any)
        return NULL;
    if (abg_regex_search(&m, NULL, cv->rules->cur_any, cv->scratch, cv->norm->s + s->off,
                         s->len, 0) != 1)
        return NULL;
    return abg_map_find(abg_rules_map(cv->rules, "cur"), cv->norm->s + s->off + m.start,
                        m.end - m.start);
}

static int negative(const conv *cv, abg_group_id g)
{
    size_t a, b, i;

    if (!grp(cv, g, &a, &b))
        return 0;
    for (i = a; i < b; i++)
        if (cv->sub[i] == '-' || cv->sub[i] == 'm' || cv->sub[i] == 'M')
            return 1;
    return 0;
}

/* A number with its sign and scale (scale_alt when it has none). */
static int amount(const conv *cv, abg_num *out, abg_group_id gnum, abg_group_id gsign,
                  abg_group_id gscale, abg_group_id gscale_alt)
{
    size_t a, b;
    const abg_map_entry *sc;
    abg_num n, f;

    if (!grp(cv, gnum, &a, &b) || abg_group_tail(cv->norm, cv->sub_off + a) ||
        abg_num_parse(&n, cv->sub + a, b - a) < 0)
        return -1;
    if (negative(cv, gsign))
        n.mant = -n.mant;
    sc = grp_map(cv, gscale, "scale");
    if (!sc && !has_grp(cv, gscale))
        sc = grp_map(cv, gscale_alt, "scale");
    if (sc) {
        if (abg_num_parse_plain(&f, sc->value, strlen(sc->value)) < 0 ||
            abg_num_mul(&n, n, f) < 0)
            return -1;
    } else if (has_grp(cv, gscale)) {
        return -1;
    }
    *out = n;
    return 0;
}

static int finite_value(double v)
{
    return isfinite(v) && fabs(v) < 1e300;
}

/* Whether the folded or written word w[0..len) is in map kind. */
/* The qualifier of the match: its words as a whole ("mehr als"), else the
 * last of two ("gut über" is a bound: lower; "knapp unter": upper). */
static const abg_map_entry *qual_map(const conv *cv)
{
    const abg_map *m = abg_rules_map(cv->rules, "qual");
    const abg_map_entry *e;
    size_t a, b, p;

    if (!grp(cv, G_QUAL, &a, &b) || a == b)
        return NULL;
    while (b > a && (cv->sub[b - 1] == ' ' || cv->sub[b - 1] == '\n' || cv->sub[b - 1] == '\t'))
        b--;
    if ((e = abg_map_find(m, cv->sub + a, b - a)))
        return e;
    /* of two qualifiers the last counts: the longest key that ends the
     * words ("etwas mehr als": "mehr als"; "gut über": "über") */
    for (p = a + 1; p < b; p++)
        if ((cv->sub[p - 1] == ' ' || cv->sub[p - 1] == '\n' || cv->sub[p - 1] == '\t') &&
            (e = abg_map_find(m, cv->sub + p, b - p)))
            return e;
    return NULL;
}

static const abg_map_entry *in_map(const conv *cv, const char *kind, const char *w, size_t len)
{
    return len ? abg_map_find(abg_rules_map(cv->rules, kind), w, len) : NULL;
}

/* Whether w[0..len), folded, ends with a word of map `kind`: the word or
 * the last part of a compound ("Krankenschwestern" ends in Schwestern). */
static int ends_in_map(const conv *cv, const char *kind, const char *w, size_t len)
{
    const abg_map *m = abg_rules_map(cv->rules, kind);
    char f[128];
    size_t i, fl;

    if (!m || abg_fold_key(f, sizeof f, w, len) <= 0)
        return 0;
    fl = strlen(f);
    for (i = 0; i < m->n; i++) {
        const char *k = m->entries[i].key;
        size_t kl = strlen(k);
        if (kl <= fl && memcmp(f + fl - kl, k, kl) == 0)
            return 1;
    }
    return 0;
}

/* Whether w[0..len) is a word no count counts (map notcount, a currency,
 * a scale or a month). */
static int not_counted(const conv *cv, const char *w, size_t len)
{
    return in_map(cv, "notcount", w, len) || in_map(cv, "cur", w, len) ||
           in_map(cv, "scale", w, len) || in_map(cv, "month", w, len);
}

/* Whether w[0..len) ends like a German plural: -e, -en, -rn, -ln, -er, -el
 * (Mittel), -s, -a (Visa), -i (Tempi); not -ss, -us, -eis, -nis, -sis, nor
 * a singular in -n, -r, -l such as Mann, Tor, Zahl. */
static int plural_ending(const char *w, size_t len)
{
    int c = len >= 2 ? abg_ascii_lower((unsigned char)w[len - 1]) : 0, d;

    if (!c || !strchr("enrslai", c))
        return 0;
    d = abg_ascii_lower((unsigned char)w[len - 2]);
    if (c == 'n')
        return d == 'e' || d == 'r' || d == 'l';
    if (c == 'r' || c == 'l')
        return d == 'e';
    if (c != 's')
        return 1;
    /* not a singular in -s: Prozess, Status, Gefängnis, Hinweis, Basis */
    if (d == 's' || d == 'u')
        return 0;
    return !(d == 'i' && len >= 3 && strchr("ens", abg_ascii_lower((unsigned char)w[len - 3])));
}

/* The unit of an open-class count, its noun (group noun): a word of map
 * unit or noun stands for its value, and so does one of them with a dative
 * -n; a plural in -er or -el drops its dative -n; else the noun as written,
 * without quotes ("Shahed"-Drohnen), kept by the rules. NULL when the noun is no counted noun: not_counted, for the
 * whole word or the last part of a compound, or not a plural after a
 * number other than 1. */
static const char *count_noun(const conv *cv, double value)
{
    const abg_map_entry *e;
    char w[128];
    size_t a, b, i, n = 0, tail;

    if (!grp(cv, G_NOUN, &a, &b) || b <= a || b - a >= sizeof w)
        return NULL;
    for (i = a; i < b; i++)
        if (cv->sub[i] != '"' && cv->sub[i] != '\'')
            w[n++] = cv->sub[i];
    w[n] = '\0';
    for (tail = n; tail > 0 && w[tail - 1] != '-'; tail--)
        ;
    if (n == 0 || not_counted(cv, w, n) || (tail > 0 && not_counted(cv, w + tail, n - tail)))
        return NULL;
    if ((e = in_map(cv, "unit", w, n)) || (e = in_map(cv, "noun", w, n)))
        return e->value;
    if (value != 1 && !plural_ending(w, n))
        return NULL;
    if (w[n - 1] == 'n' && ((e = in_map(cv, "unit", w, n - 1)) || (e = in_map(cv, "noun", w, n - 1))))
        return e->value;
    /* a plural in -er or -el with the dative -n ("37 Ausländern", "sechs
     * Geschwistern") is that plural; not one that ends in -n throughout
     * (map nplural: Schwestern, Regeln) */
    if (n > 5 && w[n - 1] == 'n' && w[n - 3] == 'e' && (w[n - 2] == 'r' || w[n - 2] == 'l') &&
        !ends_in_map(cv, "nplural", w, n))
        return abg_rules_word(cv->rules, w, n - 1);
    return abg_rules_word(cv->rules, w, n);
}

/* Whether the number of a quantity at sub[p] is a label's (Artikel 5,
 * Seite 12, Windows 11, § 3, Hauptstraße 8): the word right before it,
 * after at most one blank, is a word of map label (a trailing dot left
 * off: Abs., Nr.), ends like a street (map labelend, as written), or is
 * "§"; with months too (map month: "Juni 12" is part of a date). */
static int label_before(const conv *cv, size_t p, int months)
{
    const unsigned char *u = (const unsigned char *)cv->sub;
    const abg_map *m;
    size_t e = p, b, i;

    if (e > 0 && (u[e - 1] == ' ' || u[e - 1] == '\t' || u[e - 1] == '\n'))
        e--;
    if (e >= 2 && u[e - 2] == 0xC2 && u[e - 1] == 0xA7)
        return 1; /* § */
    if (e > 0 && u[e - 1] == '.')
        e--;
    for (b = e; b > 0 && (abg_ascii_is_alpha(u[b - 1]) || u[b - 1] >= 0x80); b--)
        ;
    if (b == e || e - b > 64)
        return 0;
    if (in_map(cv, "label", cv->sub + b, e - b) ||
        (months && abg_map_find(cv->rules->months, cv->sub + b, e - b)))
        return 1;
    if ((m = abg_rules_map(cv->rules, "labelend")))
        for (i = 0; i < m->n; i++) {
            size_t k = strlen(m->entries[i].value);
            if (k <= e - b && memcmp(cv->sub + e - k, m->entries[i].value, k) == 0)
                return 1;
        }
    return 0;
}

/* A duration written like a clock ("2:46 Stunden", "1:01 Minuten"): in
 * the next smaller unit, the whole part times 60 plus the part after the
 * colon, which must be two digits below 60. */
static int clock_duration(const conv *cv, abg_fact *f, abg_num *n)
{
    size_t nd = 0;
    long sub = grp_int(cv, G_CLOCK, &nd);
    double whole = abg_num_value(*n);

    if (sub < 0 || sub >= 60 || nd != 2 || whole != floor(whole) || whole < 0 || whole > 1e6)
        return -1;
    if (!strcmp(f->unit, "Stunden"))
        f->unit = "Minuten";
    else if (!strcmp(f->unit, "Minuten"))
        f->unit = "Sekunden";
    else
        return -1;
    n->mant = (int64_t)whole * 60 + sub;
    n->exp = 0;
    return 0;
}

/* The unit "UNIT/PER" of a quantity per something ("130 Gramm je
 * Kilometer": g/km), kept by the rules; NULL when the unit is a counted
 * thing (Nutzer pro Woche is no unit of its own) or PER no map perunit. */
static const char *per_unit(const conv *cv, const char *unit)
{
    const abg_map_entry *per = grp_map(cv, G_PER, "perunit");
    unsigned char c = (unsigned char)unit[0];
    char buf[64];
    int n;

    /* a symbol (kg, GW, °C, m²) or a barrel, not a word for things */
    if (!per || !(strlen(unit) <= 3 || (c >= 'a' && c <= 'z') || c >= 0x80 ||
                  strcmp(unit, "Barrel") == 0))
        return NULL;
    n = snprintf(buf, sizeof buf, "%s/%s", unit, per->value);
    return n > 0 && (size_t)n < sizeof buf ? abg_rules_word(cv->rules, buf, (size_t)n) : NULL;
}

/* part: 0 a single fact, 1 the first of a pair (from), 2 the second (to) */
static int convert_amount(const conv *cv, abg_fact *f, size_t at, int part)
{
    abg_num n, n2;
    const abg_map_entry *cur = NULL;
    int second = part == 2, range = part == 0 && has_grp(cv, G_NUM_TO);

    if (second) {
        if (amount(cv, &n, G_NUM_TO, G_SIGN_TO, G_SCALE_TO, G_SCALE_TO) < 0)
            return -1;
    } else if (amount(cv, &n, G_NUM, G_SIGN, G_SCALE, G_SCALE_TO) < 0) {
        return -1;
    }
    if (range && amount(cv, &n2, G_NUM_TO, G_SIGN_TO, G_SCALE_TO, G_SCALE) < 0)
        return -1;
    if (f->type == ABG_FACT_QUANTITY && !second) {
        size_t a, b;
        /* a month before digits makes a date ("Juni 12"), not before a
         * number word ("im September vier Angriffe") */
        if (grp(cv, G_NUM, &a, &b) &&
            label_before(cv, a, has_grp(cv, G_NOUN) && cv->sub[a] >= '0' && cv->sub[a] <= '9'))
            return -1;
    }
    if (f->type == ABG_FACT_MONEY) {
        size_t ndig = 0;
        long cents = has_grp(cv, G_CENTS) ? grp_int(cv, G_CENTS, &ndig) : -1;
        if (cents >= 0) {
            /* "3 Euro und 20 Cent": the hundredths join a whole amount */
            if (n.exp < 0 || ndig < 1 || ndig > 2 || n.mant > (INT64_MAX - 99) / 100)
                return -1;
            n.mant = n.mant * 100;
            while (n.exp > 0) {
                if (n.mant > INT64_MAX / 10)
                    return -1;
                n.mant *= 10;
                n.exp--;
            }
            n.mant += cents;
            n.exp = -2;
        }
        if (!second)
            cur = grp_map(cv, G_CUR, "cur");
        if (!cur)
            cur = grp_map(cv, G_CUR_TO, "cur");
        if (!cur && second)
            cur = grp_map(cv, G_CUR, "cur");
        if (!cur && (cv->rule->flags & ABG_RULE_CONTEXT_CURRENCY))
            cur = context_currency(cv, at);
        if (cur) {
            f->unit = cur->value;
            if (abg_num_mul(&n, n, cur->factor) < 0 ||
                (range && abg_num_mul(&n2, n2, cur->factor) < 0))
                return -1;
        }
    } else if (f->type == ABG_FACT_PERCENT) {
        f->unit = has_grp(cv, G_PP) ? "pp" : "%";
    } else if (has_grp(cv, G_UNIT)) {
        const abg_map_entry *u = grp_map(cv, G_UNIT, "unit");
        if (!u)
            return -1;
        f->unit = u->value;
        if (has_grp(cv, G_PER) && !(f->unit = per_unit(cv, u->value)))
            return -1;
        if (has_grp(cv, G_CLOCK) && clock_duration(cv, f, &n) < 0)
            return -1;
    } else {
        double v = abg_num_value(n);
        /* an open-class count: a whole number of things */
        if (v != floor(v) || v < 1 || !(f->unit = count_noun(cv, v)))
            return -1;
    }
    f->value = abg_num_value(n);
    if (!finite_value(f->value))
        return -1;
    if (range) {
        f->value_to = abg_num_value(n2);
        f->has_value_to = 1;
        if (!finite_value(f->value_to))
            return -1;
        f->qualifier = ABG_QUAL_RANGE;
    }
    return 0;
}

/* 1..4 for a quarter or 1..2 for a half: a digit or an ordinal word. */
static long ordinal(const conv *cv, abg_group_id g)
{
    /* Auftaktquartal is the first, Schlussquartal the last */
    static const char *const words[] = {"erst", "zweit", "dritt", "viert", "auftakt", "schluss"};
    static const long values[] = {1, 2, 3, 4, 1, 4};
    size_t a, b;
    char buf[32];
    long v = grp_int(cv, g, NULL);
    int i, n;

    if (v >= 0)
        return v;
    if (!grp(cv, g, &a, &b) || (n = abg_fold_key(buf, sizeof buf, cv->sub + a, b - a)) < 0)
        return -1;
    for (i = 0; i < 6; i++)
        if (strncmp(buf, words[i], strlen(words[i])) == 0)
            return g == G_HALF && values[i] > 2 ? -1 : values[i];
    return -1;
}

static long year_of(const conv *cv, abg_group_id g, long base)
{
    size_t nd = 0;
    long y = grp_int(cv, g, &nd);

    if (y < 0)
        return -1;
    if (nd == 2) /* 03.04.98 is 1998, 02.09.19 2019; an end takes its start's century */
        y += base > 0 ? base / 100 * 100 : y >= 50 ? 1900 : 2000;
    else if (nd != 4)
        return -1;
    return (y >= 1000 && y <= 2999) ? y : -1;
}

static long month_of(const conv *cv, abg_group_id g)
{
    long m = grp_int(cv, g, NULL);
    const abg_map_entry *e;

    if (m < 0 && (e = grp_map(cv, g, "month")))
        m = (long)strtol(e->value, NULL, 10);
    return (m >= 1 && m <= 12) ? m : -1;
}

static int date_string(char *dst, long y, long m, long d, long q, long h)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    char out[64];

    if (y < 0 || y > 9999 || m > 12 || d > 31 || q > 9 || h > 9)
        return -1;
    if (q > 0) {
        if (q > 4)
            return -1;
        snprintf(out, sizeof out, "%04ld-Q%ld", y, q);
    } else if (h > 0) {
        if (h > 2)
            return -1;
        snprintf(out, sizeof out, "%04ld-H%ld", y, h);
    } else if (d > 0) {
        if (m < 1 || d > mdays[m - 1])
            return -1;
        snprintf(out, sizeof out, "%04ld-%02ld-%02ld", y, m, d);
    } else if (m > 0) {
        snprintf(out, sizeof out, "%04ld-%02ld", y, m);
    } else {
        snprintf(out, sizeof out, "%04ld", y);
    }
    if (strlen(out) >= 16)
        return -1;
    memcpy(dst, out, strlen(out) + 1);
    return 0;
}

/* A day without a year farther than this from the publication day is
 * too uncertain to date: it is then no longer much nearer than the same
 * day a year the other way ("Am 20. Dezember tötete er ...", written in
 * August, is the December before, not the one after). */
#define NOYEAR_MAX_DAYS 100

/* The year in which month m, day d lies nearest the publication day (of
 * the year before, the same and the one after), or -1 when that day is
 * unknown or the nearest is more than NOYEAR_MAX_DAYS away. */
static long nearest_year(const conv *cv, long m, long d)
{
    double dist;
    int y;

    if (cv->pub_y < 0)
        return -1;
    y = abg_nearest_year(abg_day_number((int)cv->pub_y, (int)cv->pub_m, (int)cv->pub_d),
                         (int)m, (int)d, &dist);
    return dist > NOYEAR_MAX_DAYS ? -1 : y;
}

/* part: 0 a date or date range; 1 and 2 the two years of a list ("in den
 * Jahren 2019 und 2021": year and year_to, each a fact of its own). */
static int convert_date(const conv *cv, abg_fact *f, int part)
{
    long y = year_of(cv, G_YEAR, 0), y2, m = -1, m2 = -1, d = -1, d2 = -1, q = -1, h = -1;
    int has_to = has_grp(cv, G_DAY_TO) || has_grp(cv, G_MONTH_TO) || has_grp(cv, G_YEAR_TO);

    if (part) {
        long one = part == 2 ? year_of(cv, G_YEAR_TO, y) : y;
        return one < 0 ? -1 : date_string(f->date, one, -1, -1, -1, -1) < 0 ? -1 : 0;
    }

    y2 = year_of(cv, G_YEAR_TO, y);
    if (has_grp(cv, G_YEAR_TO) && y2 < 0)
        return -1;
    if (has_grp(cv, G_MONTH) && (m = month_of(cv, G_MONTH)) < 0)
        return -1;
    if (has_grp(cv, G_MONTH_TO) && (m2 = month_of(cv, G_MONTH_TO)) < 0)
        return -1;
    if (has_grp(cv, G_DAY) && ((d = grp_int(cv, G_DAY, NULL)) < 1 || d > 31))
        return -1;
    if (has_grp(cv, G_DAY_TO) && ((d2 = grp_int(cv, G_DAY_TO, NULL)) < 1 || d2 > 31))
        return -1;
    if (has_grp(cv, G_QUARTER) && (q = ordinal(cv, G_QUARTER)) < 1)
        return -1;
    if (has_grp(cv, G_HALF) && (h = ordinal(cv, G_HALF)) < 1)
        return -1;
    /* the start takes what it lacks from the end, and the end from the start */
    if (y < 0)
        y = y2;
    if (m < 0 && d > 0)
        m = m2;
    if (y < 0 && !has_grp(cv, G_YEAR) && !has_grp(cv, G_YEAR_TO) && m > 0) {
        /* a day without a year ("am 3. Juni"): the year that puts it
         * nearest the publication day; without that day, no fact */
        if ((y = nearest_year(cv, m, d > 0 ? d : 15)) < 0)
            return -1;
        if (has_to && m2 > 0 && m2 < m)
            y2 = y + 1; /* 28. Dezember bis 3. Januar */
    }
    if (has_to) {
        if (y2 < 0)
            y2 = y;
        if (m2 < 0 && d2 > 0)
            m2 = m;
        if (m2 < 0 && d2 < 0 && !has_grp(cv, G_YEAR_TO))
            return -1;
    }
    if (d > 0 && m < 0)
        return -1;
    if (date_string(f->date, y, m, d, q, h) < 0)
        return -1;
    if (has_to) {
        if (date_string(f->date_to, y2, m2, d2, -1, -1) < 0)
            return -1;
        if (strcmp(f->date_to, f->date) <= 0)
            return -1;
        f->qualifier = ABG_QUAL_RANGE;
    }
    return 0;
}

/* Trim white space at either end of sub[*a..*b). */
static void trim_span(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && (s[*a] == ' ' || s[*a] == '\n' || s[*a] == '\t'))
        (*a)++;
    while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '\n' || s[*b - 1] == '\t'))
        (*b)--;
}

static int make(const conv *cv, cands *out, size_t ri, size_t a, size_t b, int part)
{
    cand c;
    const abg_map_entry *q;

    memset(&c, 0, sizeof c);
    trim_span(cv->sub, &a, &b);
    if (a >= b || abg_in_address(cv->norm, cv->sub_off + a))
        return 0;
    if ((cv->rule->flags & ABG_RULE_CONTEXT_YEAR) &&
        !abg_year_adverbial(cv->norm, cv->sub_off + a, cv->sub_off + b))
        return 0;
    if ((cv->rule->flags & ABG_RULE_CONTEXT_RATE) &&
        !abg_rate_context(cv->norm, cv->sub_off + a, cv->sub_off + b))
        return 0;
    c.f.type = cv->rule->type;
    c.f.rule = cv->rule->id;
    c.rule = ri;
    c.a = cv->sub_off + a;
    c.b = cv->sub_off + b;
    if (part != 2 && (q = qual_map(cv)))
        c.f.qualifier = qual_of(q->value);
    if (c.f.type == ABG_FACT_DATE) {
        if (convert_date(cv, &c.f, part) < 0)
            return 0;
        c.f.value = 0;
    } else if (convert_amount(cv, &c.f, c.a, part) < 0) {
        return 0;
    }
    return push(out, &c);
}

/* The candidates of a match: one fact, or two (from, to). */
static int convert(const conv *cv, cands *out, size_t ri, const abg_regex_match *m)
{
    size_t a, b, a2, b2;
    int err;

    if (grp(cv, G_FROM, &a, &b) && grp(cv, G_TO, &a2, &b2)) {
        if ((err = make(cv, out, ri, a, b, 1)) < 0)
            return err;
        return make(cv, out, ri, a2, b2, 2);
    }
    if (grp(cv, G_FACT, &a, &b))
        return make(cv, out, ri, a, b, 0);
    return make(cv, out, ri, m->start, m->end, 0);
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

    if (grp(cv, G_FROM, &a, &b) && grp(cv, G_TO, &a, &b))
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
                err = make(cv, out, ri, fit[i][0], m->end, 0);
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

/* Whether one of the words `needs` (abg_rule.needs) stands in
 * s[p, min(end, p + ABG_NEEDS_SPAN)). */
static int needs_near(const char *needs, const char *s, size_t p, size_t end)
{
    size_t lim = end - p < ABG_NEEDS_SPAN ? end - p : ABG_NEEDS_SPAN;

    for (; *needs; needs += strlen(needs) + 1) {
        size_t n = strlen(needs), i;
        const char *q;
        for (i = 0; i + n <= lim && (q = memchr(s + p + i, needs[0], lim - n + 1 - i));
             i = (size_t)(q - (s + p)) + 1)
            if (memcmp(q, needs, n) == 0)
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

    for (i = off; i + 1 < norm->len && i < lim; i++)
        if (norm->s[i] == '\n' && norm->s[i + 1] == '\n')
            return i + 1;
    if (lim >= norm->len)
        return norm->len;
    for (i = lim; i > off + CHUNK_MAX / 2; i--)
        if (norm->s[i] == '\n')
            return i + 1;
    while (lim > off && ((unsigned char)norm->s[lim] & 0xC0) == 0x80)
        lim--;
    return lim;
}

int abg_extract_warn(abg_fact **out, size_t *nout, abg_ctx *ctx, const abg_rules *rules,
                     const abg_lang *lang, const abg_doc *doc, abg_extract_warn_fn warn,
                     void *payload)
{
    abg_norm norm = {0};
    abg_span *sents = NULL;
    size_t nsents = 0, len, off, ri, i, nres = 0, capres = 0;
    abg_regex_scratch *scratch = NULL;
    abg_fact *res = NULL;
    unsigned char *warned = NULL, *taken = NULL, *limited = NULL;
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
    if ((err = abg_sentences_split(&sents, &nsents, lang ? lang->abbrevs : NULL, norm.s,
                                   norm.len)) < 0 ||
        (err = abg_ctx_scratch(ctx, &scratch)) < 0 ||
        !(warned = calloc(rules->n + 1, 1)) || !(limited = calloc(rules->n + 1, 1)) ||
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
    cv.sents = sents;
    cv.nsents = nsents;
    for (off = 0; off < norm.len;) {
        size_t end = chunk_end(&norm, off), kept, wfrom, ws = 0, we = 0;
        cv.sub = norm.s + off;
        cv.sub_off = off;
        c.n = 0;
        memset(limited, 0, rules->n);
        for (wfrom = 0; next_window(cv.sub, end - off, wfrom, &ws, &we); wfrom = we) {
            size_t p, next;
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
                    if (cv.rule->needs && !needs_near(cv.rule->needs, cv.sub, p, we))
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
                         (err = convert(&cv, &c, ri, &m)) < 0) ||
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
            s = sentence_at(&cv, c.v[i].a);
            if (s) {
                /* a fact the splitter cut ("28." then "Oktober 2025") gets
                 * the sentences it spans */
                const abg_span *s2 = sentence_at(&cv, c.v[i].b - 1);
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
