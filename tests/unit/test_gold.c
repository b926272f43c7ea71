/*
 * test_gold.c: scores the fact extractor against the gold set
 * tests/data/facts_gold.txt (or the file named as the first argument).
 *
 * Each case is "=== ID TITLE", its text lines, "---", then the expected
 * facts, one a line, six TAB-separated fields: type, text, value, value_to
 * ("-" for null), unit ("-" for null), qualifier. A predicted fact counts
 * when all six fields equal those of an expected fact not yet matched.
 *
 * Prints precision, recall and F1 per type and every mismatch; fails when
 * money, percent or date (with --all-types also quantity) fall below
 * precision 0.97 or recall 0.95 (the bar of the gold sets), when the file
 * cannot be read, holds no case, or an expected line is malformed or names
 * an unknown type. With --known FILE (the mismatches known today, one
 * printed line each, all types), any other mismatch fails, and so does a
 * known one that no longer occurs (strike it from FILE): the list may only
 * shrink.
 *
 * usage: test_gold [GOLD] [--all-types] [--known FILE]; with no argument,
 * tests/data/facts_gold.txt with tests/data/facts_gold.known.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abgleich.h"
#include "extractor.h"

#define MAX_FACTS 64

typedef struct {
    char f[6][256];
    int used;
} row;

typedef struct {
    unsigned long tp[5], fp[5], fn[5];
} score;

static extractor ex;

/* The known mismatches (--known): lines, and whether each was seen. */
static char **known;
static bool *seen;
static size_t nknown;
static bool use_known, unknown_mismatch, bad_gold;

/* Print a mismatch; with --known, mark it seen or note it as new. */
static void mismatch(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void mismatch(const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    size_t i;

    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    for (i = 0; i < nknown; i++)
        if (!seen[i] && strcmp(known[i], line) == 0) {
            seen[i] = true;
            printf("%s\n", line);
            return;
        }
    printf("%s%s\n", line, use_known ? "   <- new" : "");
    unknown_mismatch = true;
}

/* Read FILE's lines (not empty, not starting with '#') as known mismatches. */
static int read_known(const char *path)
{
    FILE *fp = fopen(path, "rb");
    char line[2048];

    if (!fp) {
        printf("cannot open %s\n", path);
        return -1;
    }
    while (fgets(line, sizeof line, fp)) {
        size_t n = strlen(line);
        char **k;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        if (!(k = realloc(known, (nknown + 1) * sizeof *known)))
            break;
        known = k;
        if (!(known[nknown] = malloc(n + 1)))
            break;
        memcpy(known[nknown], line, n + 1);
        nknown++;
    }
    fclose(fp);
    seen = calloc(nknown + 1, sizeof *seen);
    return seen ? 0 : -1;
}

static void put_field(char *dst, const char *s, size_t n)
{
    size_t i;

    if (n > 255)
        n = 255;
    for (i = 0; i < n; i++)
        dst[i] = (s[i] == '\n' || s[i] == '\t') ? ' ' : s[i];
    dst[n] = '\0';
}

static int split_row(row *r, char *line)
{
    int i;
    char *p = line;

    memset(r, 0, sizeof *r);
    for (i = 0; i < 6; i++) {
        char *tab = strchr(p, '\t');
        size_t n = tab ? (size_t)(tab - p) : strlen(p);
        if (i < 5 && !tab)
            return -1;
        put_field(r->f[i], p, n);
        p = tab ? tab + 1 : p + n;
    }
    return 0;
}

static int type_index(const char *name)
{
    abg_fact_type t = abg_fact_type_from_name(name);

    return t ? (int)t : 0;
}

static void run_case(score *sc, const char *id, const char *text, size_t len, row *exp,
                     size_t nexp)
{
    abg_doclist *docs = NULL;
    abg_fact *facts = NULL;
    size_t n = 0, i, j;

    if (abg_ingest_buffer(&docs, ex.ctx, ex.ing, "case.txt", text, len) < 0 ||
        abg_doclist_count(docs) != 1) {
        printf("%s: cannot read the case: %s\n", id, abg_ctx_message(ex.ctx));
        abg_doclist_free(docs);
        for (j = 0; j < nexp; j++)
            sc->fn[type_index(exp[j].f[0])]++;
        return;
    }
    if (abg_extract(&facts, &n, ex.ctx, ex.rules, ex.lang, abg_doclist_get(docs, 0)) < 0) {
        printf("%s: extract failed: %s\n", id, abg_ctx_message(ex.ctx));
        n = 0;
    }
    for (i = 0; i < n; i++) {
        const char *dt = abg_doc_text(abg_doclist_get(docs, 0), NULL);
        row p;
        memset(&p, 0, sizeof p);
        snprintf(p.f[0], sizeof p.f[0], "%s", abg_fact_type_name(facts[i].type));
        put_field(p.f[1], dt + facts[i].off, facts[i].len);
        if (!abg_fact_value_string(p.f[2], sizeof p.f[2], &facts[i], 0))
            snprintf(p.f[2], sizeof p.f[2], "-");
        if (!abg_fact_value_string(p.f[3], sizeof p.f[3], &facts[i], 1))
            snprintf(p.f[3], sizeof p.f[3], "-");
        snprintf(p.f[4], sizeof p.f[4], "%s", facts[i].unit ? facts[i].unit : "-");
        snprintf(p.f[5], sizeof p.f[5], "%s", abg_qualifier_name(facts[i].qualifier));
        for (j = 0; j < nexp; j++) {
            int k, same = !exp[j].used;
            for (k = 0; k < 6 && same; k++)
                same = strcmp(p.f[k], exp[j].f[k]) == 0;
            if (same)
                break;
        }
        if (j < nexp) {
            exp[j].used = 1;
            sc->tp[facts[i].type]++;
        } else {
            sc->fp[facts[i].type]++;
            mismatch("%s: unexpected  %s\t%s\t%s\t%s\t%s\t%s", id, p.f[0], p.f[1], p.f[2],
                     p.f[3], p.f[4], p.f[5]);
        }
    }
    for (j = 0; j < nexp; j++)
        if (!exp[j].used) {
            sc->fn[type_index(exp[j].f[0])]++;
            mismatch("%s: missed      %s\t%s\t%s\t%s\t%s\t%s", id, exp[j].f[0], exp[j].f[1],
                     exp[j].f[2], exp[j].f[3], exp[j].f[4], exp[j].f[5]);
        }
    free(facts);
    abg_doclist_free(docs);
}

static int score_file(score *sc, const char *path)
{
    FILE *fp = fopen(path, "rb");
    char line[8192], id[256] = "";
    char *text = NULL;
    size_t tlen = 0, nexp = 0;
    row exp[MAX_FACTS];
    int state = 0; /* 0 before a case, 1 text, 2 expected facts */
    size_t ncases = 0;

    if (!fp) {
        printf("cannot open %s\n", path);
        return -1;
    }
    for (;;) {
        char *got = fgets(line, sizeof line, fp);
        size_t n = got ? strlen(line) : 0;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (!got || strncmp(line, "=== ", 4) == 0) {
            if (state == 2 || state == 1) {
                run_case(sc, id, text ? text : "", tlen, exp, nexp);
                ncases++;
            }
            if (!got)
                break;
            put_field(id, line + 4, strcspn(line + 4, " "));
            free(text);
            text = NULL;
            tlen = 0;
            nexp = 0;
            state = 1;
        } else if (state == 1 && strcmp(line, "---") == 0) {
            state = 2;
        } else if (state == 1) {
            char *x = realloc(text, tlen + n + 2);
            if (!x)
                break;
            text = x;
            memcpy(text + tlen, line, n);
            tlen += n;
            text[tlen++] = '\n';
            text[tlen] = '\0';
        } else if (state == 2 && n > 0 && line[0] != '#') {
            if (nexp == MAX_FACTS) {
                printf("%s: more than %d expected facts\n", id, MAX_FACTS);
                bad_gold = true;
            } else if (split_row(&exp[nexp], line) == 0 && type_index(exp[nexp].f[0]))
                nexp++;
            else {
                printf("%s: bad expected line (six fields, a known type): %s\n", id, line);
                bad_gold = true;
            }
        }
    }
    free(text);
    fclose(fp);
    printf("%zu cases\n", ncases);
    if (ncases == 0) {
        printf("%s holds no case\n", path);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *path = "tests/data/facts_gold.txt", *known_path = NULL;
    int all_types = 0, i;
    score sc;
    int t, failed = 0;
    size_t k;

    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--all-types"))
            all_types = 1;
        else if (!strcmp(argv[i], "--known") && i + 1 < argc)
            known_path = argv[++i];
        else if (argv[i][0] != '-')
            path = argv[i];
        else {
            printf("usage: test_gold [GOLD] [--all-types] [--known FILE]\n");
            return 2;
        }
    }
    if (argc == 1) /* as CTest runs it: the default set with its ledger */
        known_path = "tests/data/facts_gold.known";
    memset(&sc, 0, sizeof sc);
    if (known_path) {
        use_known = true;
        if (read_known(known_path) < 0)
            return 1;
    }
    if (extractor_open(&ex) < 0)
        return 1;
    if (score_file(&sc, path) < 0 || bad_gold)
        failed = 1;
    if (use_known) {
        for (k = 0; k < nknown; k++)
            if (!seen[k]) {
                printf("fixed, strike it from %s: %s\n", known_path, known[k]);
                failed = 1;
            }
        if (unknown_mismatch) {
            printf("new mismatches (marked <- new) against %s\n", known_path);
            failed = 1;
        }
    }
    printf("%-9s %6s %6s %6s %6s %6s %6s\n", "type", "tp", "fp", "fn", "P", "R", "F1");
    for (t = ABG_FACT_MONEY; t <= ABG_FACT_QUANTITY; t++) {
        double tp = (double)sc.tp[t], p, r, f1;
        p = tp + (double)sc.fp[t] > 0 ? tp / (tp + (double)sc.fp[t]) : 1.0;
        r = tp + (double)sc.fn[t] > 0 ? tp / (tp + (double)sc.fn[t]) : 1.0;
        f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
        printf("%-9s %6lu %6lu %6lu %6.3f %6.3f %6.3f\n", abg_fact_type_name((abg_fact_type)t),
               sc.tp[t], sc.fp[t], sc.fn[t], p, r, f1);
        if ((all_types || t != ABG_FACT_QUANTITY) && (p < 0.97 || r < 0.95))
            failed = 1;
    }
    extractor_close(&ex);
    printf(failed ? "below the bar: precision 0.97, recall 0.95\n" : "bar reached\n");
    return failed;
}
