/*
 * convert.c: a rule's match made into a fact: its value (number, scale,
 * sign, currency factor), unit (currency, unit symbol, counted noun, unit
 * per something, clock-style durations), qualifier, and for dates the ISO
 * value (a day or month without a year takes the year nearest the
 * publication day). A match that does not read as a fact (a label's
 * number, a noun that is no counted noun, a value out of range) gives no
 * candidate. Called by extract.c for every match; all state is per call.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "convert.h"
#include "ctx.h"
#include "doc.h"

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

int abg_conv_grp(const conv *cv, abg_group_id g, size_t *a, size_t *b)
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

    if (!abg_conv_grp(cv, g, &a, &b) || a == b)
        return NULL;
    return abg_map_find(abg_rules_map(cv->rules, kind), cv->sub + a, b - a);
}

static int has_grp(const conv *cv, abg_group_id g)
{
    size_t a, b;

    return abg_conv_grp(cv, g, &a, &b) && b > a;
}

/* A small decimal integer from group g; -1 when absent or not digits. */
static long grp_int(const conv *cv, abg_group_id g, size_t *ndigits)
{
    size_t a, b, i;
    long v = 0;

    if (!abg_conv_grp(cv, g, &a, &b) || a == b || b - a > 4)
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
const abg_span *abg_conv_sentence_at(const conv *cv, size_t at)
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
    const abg_span *s = abg_conv_sentence_at(cv, at);
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

    if (!abg_conv_grp(cv, g, &a, &b))
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

    if (!abg_conv_grp(cv, gnum, &a, &b) || abg_group_tail(cv->norm, cv->sub_off + a) ||
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

    if (!abg_conv_grp(cv, G_QUAL, &a, &b) || a == b)
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

    if (!abg_conv_grp(cv, G_NOUN, &a, &b) || b <= a || b - a >= sizeof w)
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
    /* an adjective or participle as a noun ends in -en after a number in
     * the dative or after an article; its plural ends in -e ("zwölf
     * Geschworenen": Geschworene; map adjnoun: the endings only such words
     * have) */
    if (n > 6 && w[n - 1] == 'n' && w[n - 2] == 'e' && ends_in_map(cv, "adjnoun", w, n))
        return abg_rules_word(cv->rules, w, n - 1);
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
 * off: Abs., Nr.), ends like a street (map labelend, as written), is one
 * capital letter with a blank after it (a road or line: A 2, B 27) or is
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
    if (e - b == 1 && u[b] >= 'A' && u[b] <= 'Z' && (u[e] == ' ' || u[e] == '\t') &&
        u[p] >= '0' && u[p] <= '9')
        return 1; /* a road or line: A 2, B 27, S 1 (not an initial: "Maja T. acht") */
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
        if (abg_conv_grp(cv, G_NUM, &a, &b) &&
            label_before(cv, a, has_grp(cv, G_NOUN) && cv->sub[a] >= '0' && cv->sub[a] <= '9'))
            return -1;
        /* the end of a range whose start is no quantity ("EF-M 15-45mm":
         * the start is a label's) is none either */
        if (!range && a >= 2 && cv->sub[a - 1] == '-' && cv->sub[a - 2] >= '0' &&
            cv->sub[a - 2] <= '9')
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
    if (!abg_conv_grp(cv, g, &a, &b) || (n = abg_fold_key(buf, sizeof buf, cv->sub + a, b - a)) < 0)
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

int abg_conv_make(const conv *cv, cands *out, size_t ri, size_t a, size_t b, int part)
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
int abg_conv_convert(const conv *cv, cands *out, size_t ri, const abg_regex_match *m)
{
    size_t a, b, a2, b2;
    int err;

    if (abg_conv_grp(cv, G_FROM, &a, &b) && abg_conv_grp(cv, G_TO, &a2, &b2)) {
        if ((err = abg_conv_make(cv, out, ri, a, b, 1)) < 0)
            return err;
        return abg_conv_make(cv, out, ri, a2, b2, 2);
    }
    if (abg_conv_grp(cv, G_FACT, &a, &b))
        return abg_conv_make(cv, out, ri, a, b, 0);
    return abg_conv_make(cv, out, ri, m->start, m->end, 0);
}
