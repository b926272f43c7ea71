/*
 * Unit tests of sentence.c: the German test set in tests/data/sentences.txt
 * (format described at its top), span invariants on random and
 * pathological inputs, and bullets left out of their spans.
 *
 * Runs from the source root: it reads tests/data/sentences.txt and
 * rules/abbreviations.de relative to it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* after the headers it needs */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"
#include "utf8.h"

#define CASES_PATH "tests/data/sentences.txt"
#define ABBREVS_PATH "rules/abbreviations.de"
/* The test set must keep at least this many expected sentences. */
#define MIN_SENTENCES 250
/* Stands for a line break inside an expected sentence. */
#define NEWLINE_MARK "\xE2\x8F\x8E" /* U+23CE */
/* CPU seconds any pathological input may take (a linear pass needs ms). */
#define SLOW_SECONDS 5.0

static abg_abbrevs *abbrevs;

static int load_abbrevs(void **state)
{
    (void)state;
    return abg_abbrevs_load(&abbrevs, NULL, ABBREVS_PATH) < 0 ? -1 : 0;
}

static int free_abbrevs(void **state)
{
    (void)state;
    abg_abbrevs_free(abbrevs);
    abbrevs = NULL;
    return 0;
}

/* ---- invariants every result must keep ------------------------------ */

static bool space_at(const char *s, size_t len, size_t i)
{
    size_t w;
    uint32_t c;

    if ((unsigned char)s[i] < 0x80)
        return s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r');
    if (!(w = abg_utf8_seqlen((const unsigned char *)s + i, len - i)))
        return false;
    c = abg_utf8_decode(s + i, w, &w);
    return c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0xFEFF || c == 0x200B;
}

/* Spans in order, not overlapping, non-empty, trimmed, inside the text and
 * on character boundaries (when the text is valid UTF-8). */
static void check_spans(const abg_span *sp, size_t n, const char *text, size_t len, bool utf8)
{
    size_t i, prev_end = 0;

    for (i = 0; i < n; i++) {
        size_t a = sp[i].off, b = sp[i].off + sp[i].len;
        assert_true(sp[i].len > 0);
        assert_true(a >= prev_end);
        assert_true(b <= len);
        assert_false(space_at(text, len, a));
        if (utf8) {
            assert_true(((unsigned char)text[a] & 0xC0) != 0x80);
            assert_true(b == len || ((unsigned char)text[b] & 0xC0) != 0x80);
            assert_int_equal(abg_utf8_check(text + a, b - a), b - a);
        }
        prev_end = b;
    }
}

static void split(abg_span **sp, size_t *n, const char *text, size_t len, bool utf8)
{
    assert_int_equal(abg_sentences_split(sp, n, abbrevs, text, len), 0);
    check_spans(*sp, *n, text, len, utf8);
}

/* ---- the test set ------------------------------------------------------ */

typedef struct {
    char *title;
    unsigned line; /* of the "===" line */
    char *input;
    size_t input_len;
    char **expected;
    size_t nexpected;
} test_case;

static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *data = NULL;
    long size;

    if (!fp)
        return NULL;
    if (fseek(fp, 0, SEEK_END) == 0 && (size = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
        (data = malloc((size_t)size + 1)) != NULL) {
        *len = fread(data, 1, (size_t)size, fp);
        data[*len] = '\0';
    }
    fclose(fp);
    return data;
}

static char *dup_range(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    assert_non_null(d);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* An expected sentence with NEWLINE_MARK turned into '\n'. */
static char *unmark(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    size_t i = 0, o = 0, m = strlen(NEWLINE_MARK);

    assert_non_null(d);
    while (i < n) {
        if (n - i >= m && !memcmp(s + i, NEWLINE_MARK, m)) {
            d[o++] = '\n';
            i += m;
        } else {
            d[o++] = s[i++];
        }
    }
    d[o] = '\0';
    return d;
}

/* Parse the test set; returns the number of cases, fails the test on a
 * malformed file. */
static size_t parse_cases(test_case **out, char *data, size_t len)
{
    enum { PREAMBLE, INPUT, EXPECT } state = PREAMBLE;
    test_case *cases = NULL, *c = NULL;
    size_t ncases = 0, cap = 0, pos = 0, in_cap = 0;
    unsigned lineno = 0;

    while (pos < len) {
        const char *line = data + pos, *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        pos += n + (nl ? 1 : 0);
        lineno++;
        if (n >= 4 && !memcmp(line, "=== ", 4)) {
            if (state == INPUT)
                fail_msg("%s:%u: case '%s' has no '---' line", CASES_PATH, c->line, c->title);
            if (ncases == cap) {
                cap = cap ? cap * 2 : 64;
                cases = realloc(cases, cap * sizeof *cases);
                assert_non_null(cases);
            }
            c = &cases[ncases++];
            memset(c, 0, sizeof *c);
            c->title = dup_range(line + 4, n - 4);
            c->line = lineno;
            c->input = dup_range("", 0);
            in_cap = 0;
            state = INPUT;
        } else if (state == INPUT) {
            if (n == 3 && !memcmp(line, "---", 3)) {
                state = EXPECT;
                continue;
            }
            if (c->input_len + n + 2 > in_cap) {
                in_cap = (c->input_len + n + 2) * 2;
                c->input = realloc(c->input, in_cap);
                assert_non_null(c->input);
            }
            memcpy(c->input + c->input_len, line, n);
            c->input_len += n;
            c->input[c->input_len++] = '\n';
            c->input[c->input_len] = '\0';
        } else if (state == EXPECT && n > 0) {
            c->expected = realloc(c->expected, (c->nexpected + 1) * sizeof *c->expected);
            assert_non_null(c->expected);
            c->expected[c->nexpected++] = unmark(line, n);
        }
    }
    if (state == INPUT)
        fail_msg("%s:%u: case '%s' has no '---' line", CASES_PATH, c->line, c->title);
    *out = cases;
    return ncases;
}

static void free_cases(test_case *cases, size_t n)
{
    size_t i, k;

    for (i = 0; i < n; i++) {
        free(cases[i].title);
        free(cases[i].input);
        for (k = 0; k < cases[i].nexpected; k++)
            free(cases[i].expected[k]);
        free(cases[i].expected);
    }
    free(cases);
}

/* Print one sentence with its line breaks shown as NEWLINE_MARK. */
static void print_sentence(const char *tag, size_t i, const char *s, size_t n)
{
    char buf[1024];
    size_t k, o = 0, m = strlen(NEWLINE_MARK);

    for (k = 0; k < n && o + m + 4 < sizeof buf; k++) {
        if (s[k] == '\n') {
            memcpy(buf + o, NEWLINE_MARK, m);
            o += m;
        } else {
            buf[o++] = s[k];
        }
    }
    if (k < n) {
        memcpy(buf + o, "...", 3);
        o += 3;
    }
    buf[o] = '\0';
    print_error("    %s %2zu: [%s]\n", tag, i + 1, buf);
}

/* Run one case; returns true when the sentences are the expected ones. */
static bool run_case(const test_case *c)
{
    abg_span *sp = NULL;
    size_t n = 0, i;
    bool ok;

    split(&sp, &n, c->input, c->input_len, true);
    ok = n == c->nexpected;
    for (i = 0; ok && i < n; i++)
        ok = strlen(c->expected[i]) == sp[i].len &&
             !memcmp(c->expected[i], c->input + sp[i].off, sp[i].len);
    if (!ok) {
        print_error("%s:%u: case '%s' splits differently (expected %zu, got %zu)\n", CASES_PATH,
                    c->line, c->title, c->nexpected, n);
        for (i = 0; i < c->nexpected; i++)
            print_sentence("expected", i, c->expected[i], strlen(c->expected[i]));
        for (i = 0; i < n; i++)
            print_sentence("actual  ", i, c->input + sp[i].off, sp[i].len);
    }
    free(sp);
    return ok;
}

static void test_set_splits_as_expected(void **state)
{
    size_t len = 0, ncases, i, sentences = 0, failed = 0;
    char *data = read_file(CASES_PATH, &len);
    test_case *cases = NULL;

    (void)state;
    if (!data)
        fail_msg("cannot read %s (run from the source root)", CASES_PATH);
    ncases = parse_cases(&cases, data, len);
    for (i = 0; i < ncases; i++) {
        sentences += cases[i].nexpected;
        if (!run_case(&cases[i]))
            failed++;
    }
    print_message("%s: %zu cases, %zu expected sentences, %zu cases failed\n", CASES_PATH, ncases,
                  sentences, failed);
    free_cases(cases, ncases);
    free(data);
    assert_true(sentences >= MIN_SENTENCES);
    assert_int_equal(failed, 0);
}

/* ---- direct checks ---------------------------------------------------- */

static void bullet_is_left_out_of_the_span(void **state)
{
    const char *text = "Punkte:\n-  Erstens\n•\tZweitens.\n12. Drittens\n";
    abg_span *sp = NULL;
    size_t n = 0;

    (void)state;
    split(&sp, &n, text, strlen(text), true);
    assert_int_equal(n, 4);
    assert_int_equal(sp[1].off, strlen("Punkte:\n-  "));
    assert_int_equal(sp[1].len, strlen("Erstens"));
    assert_int_equal(sp[2].off, strlen("Punkte:\n-  Erstens\n•\t"));
    assert_int_equal(sp[3].off, strlen("Punkte:\n-  Erstens\n•\tZweitens.\n12. "));
    free(sp);
}

static void lone_bullet_is_kept_as_text(void **state)
{
    const char *text = "•\n* \nEnde";
    abg_span *sp = NULL;
    size_t n = 0;

    (void)state;
    split(&sp, &n, text, strlen(text), true);
    assert_int_equal(n, 3);
    assert_int_equal(sp[0].len, strlen("•"));
    assert_int_equal(sp[1].len, 1);
    free(sp);
}

static void empty_and_blank_text_give_no_sentences(void **state)
{
    abg_span *sp = NULL;
    size_t n = 7;

    (void)state;
    assert_int_equal(abg_sentences_split(&sp, &n, abbrevs, "", 0), 0);
    assert_int_equal(n, 0);
    free(sp);
    split(&sp, &n, " \n\t\n\xC2\xA0\n", 6, true);
    assert_int_equal(n, 0);
    free(sp);
}

static void works_without_an_abbreviation_list(void **state)
{
    const char *text = "Es kostet 4 Mio. Euro. Der Rat stimmt zu.";
    abg_span *sp = NULL;
    size_t n = 0;

    (void)state;
    assert_int_equal(abg_sentences_split(&sp, &n, NULL, text, strlen(text)), 0);
    check_spans(sp, n, text, strlen(text), true);
    assert_int_equal(n, 3);
    free(sp);
}

static void abbreviation_after_long_words_is_found(void **state)
{
    const char *text = "Die Donaudampfschifffahrtsgesellschaftskapitänsmütze bzw. ihre "
                       "Nachfolgerin kostet ca. 13,5\xC2\xA0Mrd. Dollar. "
                       "Donaudampfschifffahrtsgesellschaftskapitänsmützen. Ende";
    abg_span *sp = NULL;
    size_t n = 0;

    (void)state;
    split(&sp, &n, text, strlen(text), true);
    assert_int_equal(n, 3);
    assert_int_equal(sp[0].len, strlen(text) - strlen(" Donaudampfschifffahrtsgesellschafts"
                                                      "kapitänsmützen. Ende"));
    free(sp);
}

static void crlf_line_ends_are_line_breaks(void **state)
{
    const char *text = "Titel\r\nDer erste Satz.\r\n\r\nDer zweite Satz.\r\n";
    abg_span *sp = NULL;
    size_t n = 0;

    (void)state;
    split(&sp, &n, text, strlen(text), true);
    assert_int_equal(n, 3);
    assert_int_equal(sp[0].len, strlen("Titel"));
    assert_int_equal(sp[1].len, strlen("Der erste Satz."));
    free(sp);
}

/* ---- pathological inputs ---------------------------------------------- */

static char *repeat(const char *unit, size_t times, size_t *len)
{
    size_t k = strlen(unit), i;
    char *s = malloc(k * times + 1);

    assert_non_null(s);
    for (i = 0; i < times; i++)
        memcpy(s + i * k, unit, k);
    s[k * times] = '\0';
    *len = k * times;
    return s;
}

/* Split `times` copies of `unit` within SLOW_SECONDS; returns the count. */
static size_t split_repeated(const char *unit, size_t times)
{
    size_t len, n = 0;
    char *text = repeat(unit, times, &len);
    abg_span *sp = NULL;
    clock_t t0 = clock();
    double secs;

    split(&sp, &n, text, len, true);
    secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (secs > SLOW_SECONDS)
        fail_msg("'%s' x %zu took %.1f s", unit, times, secs);
    free(sp);
    free(text);
    return n;
}

static void huge_line_without_punctuation_is_one_sentence(void **state)
{
    (void)state;
    assert_int_equal(split_repeated("Wort ", 200000), 1); /* 1 MB */
    assert_int_equal(split_repeated("x", 1 << 20), 1);    /* one word */
    assert_int_equal(split_repeated("äöü😀", 100000), 1);  /* multibyte */
}

static void many_dots_stay_linear(void **state)
{
    (void)state;
    assert_int_equal(split_repeated(".", 100000), 1);
    assert_int_equal(split_repeated(". ", 100000), 1);
    assert_int_equal(split_repeated("a.", 100000), 1);
    assert_int_equal(split_repeated("…", 100000), 1);
    assert_int_equal(split_repeated("Ja. ", 100000), 100000);
    assert_int_equal(split_repeated("a. ", 100000), 1); /* no capital after: one */
    assert_int_equal(split_repeated("z. B. ", 50000), 1);
    assert_int_equal(split_repeated("1. ", 100000), 1);
    assert_int_equal(split_repeated("J. ", 100000), 1); /* initials */
    assert_int_equal(split_repeated("28. 10. ", 50000), 1); /* ordinals */
    assert_int_equal(split_repeated("?“ ", 100000), 1); /* no letter after */
    assert_int_equal(split_repeated("- a\n", 100000), 100000);
    assert_int_equal(split_repeated("\n", 100000), 0);
    assert_int_equal(split_repeated("Mrd.\n", 100000), 100000); /* a line each, as "- a" */
}

/* ---- random inputs ---------------------------------------------------- */

static uint32_t rng_state = 12345;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

static void random_utf8_keeps_invariants(void **state)
{
    /* clang-format off */
    static const char *const pieces[] = {
        ".", " ", "\n", "\n\n", "A", "a", "Ä", "ß", "1", "28", "„", "“", "”", "«", "»", "‚",
        "‘", "’", "\"", "'", "(", ")", "[", "]", "…", "...", "?", "!", ",", ":", ";", "-",
        "– ", "- ", "• ", "* ", "1. ", "2) ", "z. B.", "Mio.", "usw.", "Mai", "Quartal", "J.",
        "XIV", "und", "\xC2\xA0", "\t", "😀", "Der", "www.x.de", "\xE2\x80\xAF", "\r\n"};
    /* clang-format on */
    const size_t npieces = sizeof pieces / sizeof *pieces;
    char text[512];
    int round;

    (void)state;
    for (round = 0; round < 20000; round++) {
        size_t len = 0, n = 0;
        abg_span *sp = NULL;
        while (len < sizeof text - 16 && rnd() % 64) {
            const char *p = pieces[rnd() % npieces];
            size_t k = strlen(p);
            memcpy(text + len, p, k);
            len += k;
        }
        split(&sp, &n, text, len, true);
        free(sp);
    }
}

static void random_bytes_do_not_crash(void **state)
{
    /* stops, spaces and pieces of UTF-8 sequences, to hit the edge cases */
    static const char hot[] = ". \n?!\xE2\x80\xA6\xC3\xF0\x9F\x84-1A";
    char text[256];
    int round;

    (void)state;
    for (round = 0; round < 20000; round++) {
        size_t len = rnd() % sizeof text, i, n = 0;
        abg_span *sp = NULL;
        for (i = 0; i < len; i++) {
            uint32_t r = rnd();
            text[i] = (r & 1) ? hot[(r >> 1) % (sizeof hot - 1)] : (char)(r >> 8);
        }
        split(&sp, &n, text, len, false);
        free(sp);
    }
}

/* The spans of the whole text that start in [from, to) against those of
 * abg_sentences_split_range over the same part. */
static void range_matches_whole(const char *text, size_t len, const abg_span *all, size_t nall,
                                size_t from, size_t to)
{
    abg_span *sp = NULL;
    size_t n = 0, cap = 0, i, k = 0;

    assert_int_equal(abg_sentences_split_range(&sp, &n, &cap, abbrevs, text, len, from, to), 0);
    while (k < nall && all[k].off < from)
        k++;
    for (i = 0; i < n; i++, k++) {
        assert_true(k < nall);
        assert_int_equal(sp[i].off, all[k].off);
        assert_int_equal(sp[i].len, all[k].len);
    }
    assert_true(k == nall || all[k].off >= to);
    free(sp);
}

/* Paragraph by paragraph the splitter finds what it finds in one pass:
 * every cut between two line breaks, on random texts. */
static void paragraphs_split_as_the_whole(void **state)
{
    /* clang-format off */
    static const char *const pieces[] = {
        ".", " ", "\n", "\n\n", "\n\n\n", "A", "a", "Ä", "1", "28", "„", "“", "(", ")",
        "…", "?", "!", ",", "- ", "• ", "1. ", "z. B.", "Mio.", "usw.", "Mai", "J.", "und",
        "Der", "\t", " \n"};
    /* clang-format on */
    const size_t npieces = sizeof pieces / sizeof *pieces;
    char text[512];
    int round;

    (void)state;
    for (round = 0; round < 5000; round++) {
        size_t len = 0, n = 0, from = 0, p;
        abg_span *all = NULL;
        while (len < sizeof text - 16 && rnd() % 48) {
            const char *q = pieces[rnd() % npieces];
            size_t k = strlen(q);
            memcpy(text + len, q, k);
            len += k;
        }
        assert_int_equal(abg_sentences_split(&all, &n, abbrevs, text, len), 0);
        for (p = 1; p <= len; p++) {
            if (p < len && !(text[p - 1] == '\n' && text[p] == '\n'))
                continue;
            range_matches_whole(text, len, all, n, from, p);
            /* and from the start to here, and from here to the end */
            range_matches_whole(text, len, all, n, 0, p);
            range_matches_whole(text, len, all, n, from, len);
            from = p;
        }
        free(all);
    }
}

static void range_refuses_a_cut_inside_a_paragraph(void **state)
{
    static const char text[] = "Eins. Zwei.\n\nDrei.";
    abg_span *sp = NULL;
    size_t n = 0, cap = 0;

    (void)state;
    assert_int_equal(abg_sentences_split_range(&sp, &n, &cap, abbrevs, text, strlen(text), 3,
                                               strlen(text)),
                     ABG_EUSAGE);
    assert_int_equal(abg_sentences_split_range(&sp, &n, &cap, abbrevs, text, strlen(text), 12,
                                               strlen(text)),
                     0);
    assert_int_equal(n, 1);
    assert_int_equal(sp[0].off, 13);
    free(sp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_splits_as_expected),
        cmocka_unit_test(bullet_is_left_out_of_the_span),
        cmocka_unit_test(lone_bullet_is_kept_as_text),
        cmocka_unit_test(empty_and_blank_text_give_no_sentences),
        cmocka_unit_test(works_without_an_abbreviation_list),
        cmocka_unit_test(abbreviation_after_long_words_is_found),
        cmocka_unit_test(crlf_line_ends_are_line_breaks),
        cmocka_unit_test(huge_line_without_punctuation_is_one_sentence),
        cmocka_unit_test(many_dots_stay_linear),
        cmocka_unit_test(random_utf8_keeps_invariants),
        cmocka_unit_test(random_bytes_do_not_crash),
        cmocka_unit_test(paragraphs_split_as_the_whole),
        cmocka_unit_test(range_refuses_a_cut_inside_a_paragraph),
    };
    return cmocka_run_group_tests_name("sentence", tests, load_abbrevs, free_abbrevs);
}
