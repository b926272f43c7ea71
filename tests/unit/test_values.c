/*
 * test_values.c: no invented values. Runs the extractor over every case of
 * the gold sets and over every file of corpus/, and checks two properties
 * of every fact against the numbers written in the text:
 *
 *  1. A fact's span never starts or ends inside a larger number as written:
 *     "48 300 Euro" may give 48300 EUR, never "300 Euro". A number as
 *     written is a digit run; a run of one to three digits goes on with
 *     groups of three digits behind one separator used throughout (dot,
 *     space, apostrophe, U+00A0, U+2009, U+202F, U+2019), then a decimal
 *     comma and digits; digits joined by colons (2:46, a time or a score)
 *     are one written number too.
 *  2. A fact's value is the number its text states: a money, percent or
 *     quantity fact whose text holds exactly one number in digits has that
 *     number as its value times a scale (1, 10^3, 10^6, 10^9, 10^12) or
 *     a hundredth (Cent, Rappen), or, for a range with one end in words
 *     ("zehn bis 20 Jahre"), as its value_to; with exactly two numbers (a
 *     range) the same holds for value and value_to. A date's year is one of the
 *     four-digit numbers its text holds, when it holds any.
 *
 * Usage: test_values [FILE|DIR ...]; without arguments the gold sets in
 * tests/data and the folder corpus/. A file whose first line starts with
 * "#" or "=== " is read as a gold set (only its case texts); any other file
 * is one document. Exit status 1 on any violation.
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "abgleich.h"
#include "extractor.h"

typedef struct {
    size_t a, b;  /* byte span in the text */
    double value; /* the number it states */
    int digits;   /* digits before a decimal comma */
    int glued;    /* joined to a word by a hyphen */
} written;

static extractor ex;
static unsigned long nfacts, nbad;

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* The length of a group separator at t[i], or 0. */
static size_t sep_at(const unsigned char *t, size_t i, size_t n)
{
    if (t[i] == '.' || t[i] == ' ' || t[i] == '\'')
        return 1;
    if (t[i] == 0xC2 && i + 1 < n && t[i + 1] == 0xA0)
        return 2;
    if (t[i] == 0xE2 && i + 2 < n && t[i + 1] == 0x80 &&
        (t[i + 2] == 0x89 || t[i + 2] == 0xAF || t[i + 2] == 0x99))
        return 3;
    return 0;
}

static int three_digits(const unsigned char *t, size_t i, size_t n)
{
    return i + 3 <= n && is_digit(t[i]) && is_digit(t[i + 1]) && is_digit(t[i + 2]) &&
           (i + 3 == n || !is_digit(t[i + 3]));
}

/* The numbers as written in t[0..n), at most `cap` of them. */
static size_t scan_numbers(const unsigned char *t, size_t n, written *out, size_t cap)
{
    size_t i = 0, k = 0;

    while (i < n && k < cap) {
        size_t j = i, s, sl = 0;
        double v = 0;
        int clock;
        if (!is_digit(t[i]) || (i > 0 && is_digit(t[i - 1]))) {
            i++;
            continue;
        }
        while (j < n && is_digit(t[j]))
            v = v * 10 + (t[j++] - '0');
        out[k].digits = (int)(j - i);
        if (j - i <= 3 && j < n && (sl = sep_at(t, j, n)) > 0 && three_digits(t, j + sl, n)) {
            s = j;
            while (j < n && sep_at(t, j, n) == sl && memcmp(t + j, t + s, sl) == 0 &&
                   three_digits(t, j + sl, n)) {
                v = v * 1000 + (t[j + sl] - '0') * 100 + (t[j + sl + 1] - '0') * 10 +
                    (t[j + sl + 2] - '0');
                out[k].digits += 3;
                j += sl + 3;
            }
        }
        /* a time, score or duration: 2:46, 1:01:30 is one written number
         * (no year, and no plain value to check) */
        clock = 0;
        while (j + 1 < n && t[j] == ':' && is_digit(t[j + 1])) {
            clock = 1;
            out[k].digits = 0;
            for (j++; j < n && is_digit(t[j]); j++)
                ;
        }
        if (j + 1 < n && t[j] == ',' && is_digit(t[j + 1])) {
            double f = 0.1;
            for (j++; j < n && is_digit(t[j]); j++, f /= 10)
                v += (t[j] - '0') * f;
        }
        /* a number glued to a word by a hyphen names something (F-16,
         * 18-Jährige, 250-Milliarden-Paket): its value is not checked */
        out[k].glued = clock || (i >= 2 && t[i - 1] == '-' && t[i - 2] > ' ') ||
                       (j + 1 < n && t[j] == '-' && t[j + 1] > '9');
        out[k].a = i;
        out[k].b = j;
        out[k].value = v;
        k++;
        i = j;
    }
    return k;
}

static int scaled(double value, double number)
{
    static const double factors[] = {1, 1e3, 1e6, 1e9, 1e12, 0.01};
    size_t i;

    value = fabs(value);
    for (i = 0; i < sizeof factors / sizeof factors[0]; i++)
        if (fabs(value - number * factors[i]) <= 1e-9 * fmax(1.0, value))
            return 1;
    return 0;
}

static void bad(const char *where, const char *text, const abg_fact *f, const char *why)
{
    nbad++;
    printf("%s: %s fact \"%.*s\": %s\n", where, abg_fact_type_name(f->type), (int)f->len,
           text + f->off, why);
}

static void check_fact(const char *where, const char *text, const written *w, size_t nw,
                       const abg_fact *f)
{
    char v[64], vt[64];
    size_t i, inside[4], nin = 0;
    size_t a = f->off, b = f->off + f->len;

    nfacts++;
    for (i = 0; i < nw; i++) {
        if (w[i].b <= a || w[i].a >= b)
            continue;
        if (w[i].a < a || w[i].b > b) {
            bad(where, text, f, "its span cuts a number as written");
            return;
        }
        if (w[i].glued)
            continue;
        if (nin < 4)
            inside[nin] = i;
        nin++;
    }
    if (!abg_fact_value_string(v, sizeof v, f, 0))
        return;
    if (!abg_fact_value_string(vt, sizeof vt, f, 1))
        vt[0] = '\0';
    if (f->type == ABG_FACT_DATE) {
        int any = 0, hit = 0;
        for (i = 0; i < nin && i < 4; i++)
            if (w[inside[i]].digits == 4) {
                any = 1;
                hit |= strncmp(v, text + w[inside[i]].a, 4) == 0 ||
                       (vt[0] && strncmp(vt, text + w[inside[i]].a, 4) == 0);
            }
        if (any && !hit)
            bad(where, text, f, "its year is none of the years it states");
        return;
    }
    /* a range with one end in words ("zehn bis 20 Jahre") states the
     * other end in digits */
    if (nin == 1 && !scaled(strtod(v, NULL), w[inside[0]].value) &&
        !(vt[0] && scaled(strtod(vt, NULL), w[inside[0]].value)))
        bad(where, text, f, "its value is not the number it states");
    if (nin == 2 && vt[0] &&
        (!scaled(strtod(v, NULL), w[inside[0]].value) ||
         !scaled(strtod(vt, NULL), w[inside[1]].value)))
        bad(where, text, f, "its range is not the two numbers it states");
}

static void run_text(const char *where, const char *buf, size_t len)
{
    abg_doclist *docs = NULL;
    abg_fact *facts = NULL;
    size_t n = 0, i, nw, tlen = 0;
    written *w;
    const char *text;

    if (abg_ingest_buffer(&docs, ex.ctx, ex.ing, "case.txt", buf, len) < 0 ||
        abg_doclist_count(docs) != 1) {
        abg_doclist_free(docs);
        return;
    }
    text = abg_doc_text(abg_doclist_get(docs, 0), &tlen);
    if (abg_extract(&facts, &n, ex.ctx, ex.rules, ex.lang, abg_doclist_get(docs, 0)) < 0) {
        printf("%s: extract failed: %s\n", where, abg_ctx_message(ex.ctx));
        nbad++;
        abg_doclist_free(docs);
        return;
    }
    w = malloc((tlen / 2 + 1) * sizeof *w);
    if (!w) {
        nbad++;
        free(facts);
        abg_doclist_free(docs);
        return;
    }
    nw = scan_numbers((const unsigned char *)text, tlen, w, tlen / 2 + 1);
    for (i = 0; i < n; i++)
        check_fact(where, text, w, nw, &facts[i]);
    free(w);
    free(facts);
    abg_doclist_free(docs);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (!fp)
        return NULL;
    if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)n + 1)) && fread(buf, 1, (size_t)n, fp) == (size_t)n) {
        buf[n] = '\0';
        *len = (size_t)n;
    } else {
        free(buf);
        buf = NULL;
    }
    fclose(fp);
    return buf;
}

/* The case texts of a gold set: after "=== ID", up to "---". */
static void run_gold(const char *path, char *buf)
{
    char *p = buf, where[512];

    while ((p = strstr(p, "=== ")) != NULL) {
        char *id = p + 4, *text = strchr(p, '\n'), *end;
        if (!text || (p != buf && p[-1] != '\n')) {
            p += 4;
            continue;
        }
        text++;
        end = strstr(text, "\n---\n");
        if (!end)
            break;
        snprintf(where, sizeof where, "%s: %.*s", path, (int)strcspn(id, " \n"), id);
        run_text(where, text, (size_t)(end - text) + 1);
        p = end + 5;
    }
}

static void run_path(const char *path)
{
    struct stat st;
    size_t len = 0;
    char *buf;

    if (stat(path, &st) < 0) {
        printf("%s: cannot read\n", path);
        nbad++;
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        char sub[4096];
        while (d && (e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            run_path(sub);
        }
        if (d)
            closedir(d);
        return;
    }
    if (!(buf = slurp(path, &len))) {
        printf("%s: cannot read\n", path);
        nbad++;
        return;
    }
    if (buf[0] == '#' || strncmp(buf, "=== ", 4) == 0)
        run_gold(path, buf);
    else
        run_text(path, buf, len);
    free(buf);
}

int main(int argc, char **argv)
{
    static const char *defaults[] = {"tests/data/facts_gold.txt", "tests/data/forms.txt",
                                     "tests/data/wikinews_gold.txt", "corpus"};
    int i;

    if (extractor_open(&ex) < 0)
        return 1;
    if (argc > 1) {
        for (i = 1; i < argc; i++)
            run_path(argv[i]);
    } else {
        for (i = 0; i < (int)(sizeof defaults / sizeof defaults[0]); i++)
            run_path(defaults[i]);
    }
    extractor_close(&ex);
    printf("%lu facts checked, %lu violations\n", nfacts, nbad);
    return nbad > 0 || nfacts == 0;
}
