/*
 * numbers.c: German numbers for the extractor, parsed without the locale.
 *
 * In:  spans of normalised text ("1.000.000", "32,5", "dreizehn").
 * Out: abg_num values (mantissa · 10^exp); folded map keys.
 */
#include <string.h>

#include "extract.h"

int abg_fold_key(char *out, size_t cap, const char *s, size_t len)
{
    size_t i = 0, o = 0;
    int space = 0;

    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
        i++;
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = 1;
            continue;
        }
        if (space) {
            if (o + 1 >= cap)
                return -1;
            out[o++] = ' ';
            space = 0;
        }
        if (o + 2 >= cap)
            return -1;
        if (c >= 'A' && c <= 'Z') {
            out[o++] = (char)(c + 32);
        } else if (c == 0xC3 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
                   (unsigned char)s[i + 1] <= 0x9E && (unsigned char)s[i + 1] != 0x97) {
            /* À..Þ (not ×) to à..þ */
            out[o++] = (char)c;
            out[o++] = (char)((unsigned char)s[i + 1] + 0x20);
            i++;
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = '\0';
    return (int)o;
}

static int digit_count_ok(int64_t mant)
{
    return mant <= INT64_MAX / 10;
}

/* Whether s[i] separates groups of a German number in the normalised text:
 * '.', a space (no-break and narrow spaces are spaces there) or the Swiss
 * apostrophe (U+2019 is ' there). */
static int group_sep(char c)
{
    return c == '.' || c == ' ' || c == '\'';
}

/* Digits with an optional decimal mark `dec` and, when `group` is set,
 * group separators between digits (German: group, dec ','; plain: no
 * group, dec '.'). */
static int parse_decimal(abg_num *out, const char *s, size_t len, int group, char dec)
{
    int64_t mant = 0;
    int exp = 0, frac = 0, any = 0;
    size_t i;

    for (i = 0; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (!digit_count_ok(mant))
                return -1;
            mant = mant * 10 + (c - '0');
            exp -= frac;
            any = 1;
        } else if (group && any && !frac && group_sep(c) && i + 1 < len && s[i + 1] >= '0' &&
                   s[i + 1] <= '9') {
            size_t d = i + 1;
            while (d < len && s[d] >= '0' && s[d] <= '9')
                d++;
            /* a dot before other than three digits, with no comma, is no
             * group separator but a decimal point: "CHF 12.50" */
            if (c == '.' && d - (i + 1) != 3 && !memchr(s, ',', len))
                frac = 1;
        } else if (c == dec && !frac && (!group || (any && i + 1 < len))) {
            frac = 1;
        } else {
            return -1;
        }
    }
    if (!any)
        return -1;
    out->mant = mant;
    out->exp = exp;
    return 0;
}

/* Number words, longest first where one is the prefix of another
 * (zweier and dreier: the genitive, "die Festnahme dreier Verdächtiger").
 * Values in halves. */
typedef struct {
    const char *w;
    int halves;
    char kind; /* 'n' number, 'h' hundert, 't' tausend, 'u' und, 'x' einhalb */
} numword;

static const numword words[] = {
    {"eineinhalb", 3, 'n'}, {"anderthalb", 3, 'n'}, {"einhalb", 1, 'x'},
    {"halbem", 1, 'n'},     {"halben", 1, 'n'},     {"halber", 1, 'n'},
    {"halbes", 1, 'n'},     {"halbe", 1, 'n'},
    {"einem", 2, 'n'},      {"einen", 2, 'n'},      {"einer", 2, 'n'},
    {"eines", 2, 'n'},      {"eins", 2, 'n'},       {"eine", 2, 'n'},
    {"ein", 2, 'n'},        {"zweier", 4, 'n'},     {"zwei", 4, 'n'},
    {"dreißig", 60, 'n'},   {"dreier", 6, 'n'},     {"drei", 6, 'n'},       {"vierzig", 80, 'n'},   {"vier", 8, 'n'},
    {"fünfzig", 100, 'n'},  {"fünf", 10, 'n'},      {"sechzehn", 32, 'n'},
    {"sechzig", 120, 'n'},  {"sechs", 12, 'n'},     {"siebzehn", 34, 'n'},
    {"siebzig", 140, 'n'},  {"sieben", 14, 'n'},    {"achtzig", 160, 'n'},
    {"acht", 16, 'n'},      {"neunzig", 180, 'n'},  {"neun", 18, 'n'},
    {"zehn", 20, 'n'},      {"elf", 22, 'n'},       {"zwölf", 24, 'n'},
    {"zwanzig", 40, 'n'},   {"hundert", 200, 'h'},  {"tausend", 2000, 't'},
    {"und", 0, 'u'},
};

static int parse_words(abg_num *out, const char *s, size_t len)
{
    char buf[128];
    int n = abg_fold_key(buf, sizeof buf, s, len);
    int64_t total = 0, cur = 0;
    size_t i = 0, k;
    int count = 0, last = 0;

    if (n <= 0)
        return -1;
    while (i < (size_t)n) {
        const numword *w = NULL;
        size_t wl = 0;
        for (k = 0; k < sizeof words / sizeof words[0]; k++) {
            if (words[k].w[0] != buf[i])
                continue; /* the common case, before the length */
            wl = strlen(words[k].w);
            if (wl <= (size_t)n - i && memcmp(buf + i, words[k].w, wl) == 0) {
                w = &words[k];
                break;
            }
        }
        if (!w)
            return -1;
        i += wl;
        switch (w->kind) {
        case 'n':
            cur += w->halves;
            break;
        case 'x':
            if (!count)
                return -1;
            cur += w->halves;
            break;
        case 'h':
            cur = (cur ? cur : 2) * 100;
            break;
        case 't':
            total += (cur ? cur : 2) * 1000;
            cur = 0;
            break;
        case 'u':
            if (!count || i >= (size_t)n)
                return -1;
            break;
        }
        last = w->kind;
        count++;
    }
    if (last == 'u')
        return -1;
    /* "Tausend Euro", "Hundert Nutzer" alone are nouns of a vague amount */
    if (count == 1 && (last == 'h' || last == 't') && (s[0] == 'T' || s[0] == 'H'))
        return -1;
    total += cur;
    if (total % 2) {
        out->mant = total * 5;
        out->exp = -1;
    } else {
        out->mant = total / 2;
        out->exp = 0;
    }
    return 0;
}

int abg_num_parse(abg_num *out, const char *s, size_t len)
{
    if (len == 0)
        return -1;
    if (s[0] >= '0' && s[0] <= '9')
        return parse_decimal(out, s, len, 1, ',');
    return parse_words(out, s, len);
}

int abg_num_parse_plain(abg_num *out, const char *s, size_t len)
{
    return parse_decimal(out, s, len, 0, '.');
}

static abg_num trim(abg_num a)
{
    while (a.mant != 0 && a.mant % 10 == 0) {
        a.mant /= 10;
        a.exp++;
    }
    return a;
}

int abg_num_mul(abg_num *out, abg_num a, abg_num b)
{
    a = trim(a);
    b = trim(b);
    if (a.mant != 0 && b.mant != 0) {
        int64_t x = a.mant < 0 ? -a.mant : a.mant, y = b.mant < 0 ? -b.mant : b.mant;
        if (x > INT64_MAX / y)
            return -1;
    }
    if (a.exp > 1000 || a.exp < -1000 || b.exp > 1000 || b.exp < -1000)
        return -1;
    out->mant = a.mant * b.mant;
    out->exp = a.exp + b.exp;
    return 0;
}

static const double pow10s[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static double pow10_of(int e)
{
    double r = 1.0;

    if (e <= 22)
        return pow10s[e];
    while (e > 22) {
        r *= 1e22;
        e -= 22;
    }
    return r * pow10s[e];
}

double abg_num_value(abg_num n)
{
    n = trim(n);
    if (n.exp >= 0)
        return (double)n.mant * pow10_of(n.exp);
    return (double)n.mant / pow10_of(-n.exp);
}
