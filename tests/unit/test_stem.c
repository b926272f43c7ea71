/* Unit tests of stem.c and stopwords.c: Snowball stems, the stem cache,
 * invalid input, and the stopword set. */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "abgleich.h"
#include "text.h"

static int setup_stemmer(void **state)
{
    abg_stemmer *st = NULL;

    if (abg_stemmer_new(&st) < 0)
        return -1;
    *state = st;
    return 0;
}

static int teardown_stemmer(void **state)
{
    abg_stemmer_free(*state);
    return 0;
}

static void check_stem(abg_stemmer *st, const char *word, const char *want)
{
    const char *stem = NULL;
    size_t len = 0;

    assert_int_equal(abg_stem(&stem, &len, st, word, strlen(word)), 0);
    assert_non_null(stem);
    if (len != strlen(want) || memcmp(stem, want, len) != 0)
        fail_msg("stem of '%s' is '%.*s', expected '%s'", word, (int)len, stem, want);
}

/* Each expected stem was worked out by hand from the Snowball German
 * algorithm (R1/R2, steps 1-3, umlauts removed at the end) and checked
 * against libstemmer through tests/tools/stem_ref. */
static void stems_of_news_words(void **state)
{
    static const char *const table[][2] = {
        {"Anteil", "anteil"},
        {"Anteile", "anteil"},
        {"Anteils", "anteil"},
        {"Anteilen", "anteil"},
        {"Beteiligung", "beteil"}, /* -ung, then -ig in R2 */
        {"Microsofts", "microsoft"},
        {"Bewertung", "bewert"},
        {"Milliarden", "milliard"},
        {"investiert", "investiert"},
        {"Verpflichtung", "verpflicht"},
        {"Nutzer", "nutz"},
        {"Investitionen", "investition"},
        {"Unternehmens", "unternehm"},
        {"Prozent", "prozent"},
        {"Billionen", "billion"},
    };
    size_t i;

    for (i = 0; i < sizeof table / sizeof table[0]; i++)
        check_stem(*state, table[i][0], table[i][1]);
}

static void stems_of_umlauts_and_sharp_s(void **state)
{
    check_stem(*state, "Gr\xc3\xb6\xc3\x9f" "e", "gross");            /* Größe */
    check_stem(*state, "Stra\xc3\x9f" "e", "strass");                 /* Straße */
    check_stem(*state, "STRASSE", "strass");
    check_stem(*state, "\xc3\x84NDERUNGEN", "ander");                 /* ÄNDERUNGEN */
    check_stem(*state, "H\xc3\xa4user", "haus");                      /* Häuser */
    check_stem(*state, "\xc3\x96lpreis", "olpreis");                  /* Ölpreis */
}

static void stems_after_normalising(void **state)
{
    check_stem(*state, "A\xcc\x88nderungen", "ander");    /* decomposed Ä */
    check_stem(*state, "Betei\xc2\xadligung", "beteil");  /* soft hyphen */
    check_stem(*state, "OpenAI\xe2\x80\x99s", "openai's");
    check_stem(*state, "", "");
}

static void cache_hit_gives_the_same_stem(void **state)
{
    const char *a, *b;
    size_t alen, blen;
    char first[64];

    assert_int_equal(abg_stem(&a, &alen, *state, "Verpflichtungen", 15), 0);
    assert_true(alen < sizeof first);
    memcpy(first, a, alen);
    /* the same word, and the same word in other capitals, come from the cache */
    assert_int_equal(abg_stem(&b, &blen, *state, "Verpflichtungen", 15), 0);
    assert_int_equal(blen, alen);
    assert_memory_equal(b, first, alen);
    assert_int_equal(abg_stem(&b, &blen, *state, "VERPFLICHTUNGEN", 15), 0);
    assert_int_equal(blen, alen);
    assert_memory_equal(b, first, alen);
    assert_memory_equal(b, "verpflicht", 10);
}

static void many_words_through_the_cache_stay_right(void **state)
{
    /* far more words than cache slots, then the first ones again */
    char word[32];
    const char *stem;
    size_t len, i;

    for (i = 0; i < 40000; i++) {
        int n = snprintf(word, sizeof word, "Wort%zuen", i);
        assert_int_equal(abg_stem(&stem, &len, *state, word, (size_t)n), 0);
    }
    for (i = 0; i < 100; i++) {
        char want[32];
        int n = snprintf(word, sizeof word, "Wort%zuen", i);
        int wn = snprintf(want, sizeof want, "wort%zu", i);
        assert_int_equal(abg_stem(&stem, &len, *state, word, (size_t)n), 0);
        assert_int_equal(len, (size_t)wn);
        assert_memory_equal(stem, want, len);
    }
}

static void long_words_are_stemmed_without_the_cache(void **state)
{
    /* 70 bytes: too long for a cache slot */
    const char *w = "Donaudampfschifffahrtsgesellschaftskapitaensmuetzenabteilungsleitungen";
    check_stem(*state, w, "donaudampfschifffahrtsgesellschaftskapitaensmuetzenabteilungsleit");
    check_stem(*state, w, "donaudampfschifffahrtsgesellschaftskapitaensmuetzenabteilungsleit");
}

static void words_past_the_limit_are_only_folded(void **state)
{
    char word[300], want[300];
    const char *stem;
    size_t len;

    /* 253 "A" + "TEN" = 256 bytes: stemmed ("en" goes, it is in R1); the
     * same with 5 more "A" (261 bytes): folded only */
    memset(word, 'A', sizeof word);
    memcpy(word + 253, "TEN", 3);
    memset(want, 'a', sizeof want);
    want[253] = 't';
    assert_int_equal(abg_stem(&stem, &len, *state, word, 256), 0);
    assert_int_equal(len, 254);
    assert_memory_equal(stem, want, len);
    memset(word, 'A', sizeof word);
    memcpy(word + 258, "TEN", 3);
    memset(want, 'a', sizeof want);
    memcpy(want + 258, "ten", 3);
    assert_int_equal(abg_stem(&stem, &len, *state, word, 261), 0);
    assert_int_equal(len, 261);
    assert_memory_equal(stem, want, len);
}

static void invalid_utf8_is_a_parse_error(void **state)
{
    const char *stem = NULL;
    size_t len = 99;

    assert_int_equal(abg_stem(&stem, &len, *state, "Gr\xf6\xdf" "e", 5), ABG_EPARSE);
    assert_int_equal(abg_stem(&stem, &len, *state, "\xc3", 1), ABG_EPARSE);
    assert_int_equal(abg_stem(&stem, &len, *state, "\xed\xa0\x80", 3), ABG_EPARSE);
    assert_int_equal(len, 0);
    /* the stemmer still works afterwards */
    check_stem(*state, "Anteile", "anteil");
}

/* ---- stopwords ---- */

/* Write `content` to a new temporary file; returns its path (free()). */
static char *temp_file(const char *content)
{
    char *path = strdup("/tmp/abg_stopwords_XXXXXX");
    int fd;
    size_t n = strlen(content);

    assert_non_null(path);
    fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, content, n), (ssize_t)n);
    close(fd);
    return path;
}

static bool has(const abg_stopwords *sw, const char *folded)
{
    return abg_stopwords_has(sw, folded, strlen(folded));
}

static void stopwords_shipped_list(void **state)
{
    abg_stopwords *sw = NULL;
    abg_ctx *ctx = NULL;
    (void)state;

    assert_int_equal(abg_ctx_new(&ctx), 0);
    assert_int_equal(abg_stopwords_load(&sw, ctx, "stopwords/german.txt"), 0);
    assert_true(has(sw, "aber"));
    assert_true(has(sw, "zwischen"));
    assert_true(has(sw, "\xc3\xbc" "ber"));   /* über */
    assert_true(has(sw, "da\xc3\x9f"));       /* daß */
    assert_true(has(sw, "und"));
    assert_false(has(sw, "anteil"));
    assert_false(has(sw, "Aber"));            /* the caller folds */
    assert_false(has(sw, ""));
    abg_stopwords_free(sw);
    abg_ctx_free(ctx);
}

static void stopwords_comments_and_line_ends(void **state)
{
    char *path = temp_file("# a header\r\n"
                           "\r\n"
                           " | a Snowball comment line\n"
                           "aber           |  but\r\n"
                           "\xc3\x9c" "BER\t# folded when loaded\n"
                           "als also\n"
                           "  zwischen  \n"
                           "ohne-newline");
    abg_stopwords *sw = NULL;
    (void)state;

    assert_int_equal(abg_stopwords_load(&sw, NULL, path), 0);
    assert_true(has(sw, "aber"));
    assert_true(has(sw, "\xc3\xbc" "ber"));
    assert_true(has(sw, "als"));
    assert_true(has(sw, "also"));
    assert_true(has(sw, "zwischen"));
    assert_true(has(sw, "ohne-newline"));
    assert_false(has(sw, "but"));
    assert_false(has(sw, "a"));
    assert_false(has(sw, "header"));
    assert_false(has(sw, "folded"));
    abg_stopwords_free(sw);
    unlink(path);
    free(path);
}

static void stopwords_bad_utf8_names_file_and_line(void **state)
{
    char *path = temp_file("aber\n# fine\n\xfc" "ber\n");
    abg_stopwords *sw = (abg_stopwords *)&sw;
    abg_ctx *ctx = NULL;
    char want[128];
    (void)state;

    assert_int_equal(abg_ctx_new(&ctx), 0);
    assert_int_equal(abg_stopwords_load(&sw, ctx, path), ABG_EPARSE);
    assert_null(sw);
    snprintf(want, sizeof want, "%s:3: invalid utf-8", path);
    assert_string_equal(abg_ctx_message(ctx), want);
    unlink(path);
    free(path);
    abg_ctx_free(ctx);
}

static void stopwords_missing_file(void **state)
{
    abg_stopwords *sw = NULL;
    abg_ctx *ctx = NULL;
    (void)state;

    assert_int_equal(abg_ctx_new(&ctx), 0);
    assert_int_equal(abg_stopwords_load(&sw, ctx, "/nonexistent/stop.txt"), ABG_EIO);
    assert_null(sw);
    assert_string_equal(abg_ctx_message(ctx), "/nonexistent/stop.txt: cannot open");
    abg_ctx_free(ctx);
}

static void stopwords_empty_file_and_null_set(void **state)
{
    char *path = temp_file("# nothing\n");
    abg_stopwords *sw = NULL;
    (void)state;

    assert_int_equal(abg_stopwords_load(&sw, NULL, path), 0);
    assert_false(has(sw, "aber"));
    abg_stopwords_free(sw);
    assert_false(has(NULL, "aber"));
    abg_stopwords_free(NULL);
    unlink(path);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(stems_of_news_words, setup_stemmer, teardown_stemmer),
        cmocka_unit_test_setup_teardown(stems_of_umlauts_and_sharp_s, setup_stemmer,
                                        teardown_stemmer),
        cmocka_unit_test_setup_teardown(stems_after_normalising, setup_stemmer,
                                        teardown_stemmer),
        cmocka_unit_test_setup_teardown(cache_hit_gives_the_same_stem, setup_stemmer,
                                        teardown_stemmer),
        cmocka_unit_test_setup_teardown(many_words_through_the_cache_stay_right, setup_stemmer,
                                        teardown_stemmer),
        cmocka_unit_test_setup_teardown(long_words_are_stemmed_without_the_cache,
                                        setup_stemmer, teardown_stemmer),
        cmocka_unit_test_setup_teardown(words_past_the_limit_are_only_folded, setup_stemmer,
                                        teardown_stemmer),
        cmocka_unit_test_setup_teardown(invalid_utf8_is_a_parse_error, setup_stemmer,
                                        teardown_stemmer),
        cmocka_unit_test(stopwords_shipped_list),
        cmocka_unit_test(stopwords_comments_and_line_ends),
        cmocka_unit_test(stopwords_bad_utf8_names_file_and_line),
        cmocka_unit_test(stopwords_missing_file),
        cmocka_unit_test(stopwords_empty_file_and_null_set),
    };
    return cmocka_run_group_tests_name("stem", tests, NULL, NULL);
}
