/* Unit tests of normalize.c: NFC, typographic variants, invisible
 * characters, the byte map back to the input, and folding. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "utf8.h"

/* Normalise `in` and check the result and its whole map (n + 1 entries,
 * through abg_norm_src). */
static void check_norm(const char *in, const char *want, const size_t *map)
{
    abg_norm n;
    size_t i;

    assert_int_equal(abg_norm_init(&n, in, strlen(in)), 0);
    assert_non_null(n.s);
    assert_string_equal(n.s, want);
    assert_int_equal(n.len, strlen(want));
    if (map)
        for (i = 0; i <= n.len; i++)
            assert_int_equal(abg_norm_src(&n, i), map[i]);
    assert_int_equal(abg_norm_src(&n, n.len), strlen(in));
    abg_norm_dispose(&n);
}

static void check_fold(const char *in, const char *want)
{
    abg_buf b = ABG_BUF_INIT;

    assert_int_equal(abg_fold(&b, in, strlen(in)), 0);
    assert_non_null(b.data);
    assert_string_equal(b.data, want);
    assert_int_equal(b.len, strlen(want));
    abg_buf_dispose(&b);
}

static void ascii_is_copied_with_identity_map(void **state)
{
    const size_t map[] = {0, 1, 2, 3, 4, 5, 6};
    (void)state;
    check_norm("Anteil", "Anteil", map);
}

static void empty_text_gives_empty_string(void **state)
{
    const size_t map[] = {0};
    (void)state;
    check_norm("", "", map);
}

static void nfc_composes_and_maps_to_the_first_character(void **state)
{
    /* "A" U+0308 "r" -> "Är": both bytes of Ä come from the "A" */
    const size_t map[] = {0, 0, 3, 4};
    (void)state;
    check_norm("A\xcc\x88r", "\xc3\x84r", map);
}

static void nfc_keeps_composed_text_and_maps_each_character(void **state)
{
    /* "Größe" is NFC already: each byte maps to its own character */
    const size_t map[] = {0, 1, 2, 2, 4, 4, 6, 7};
    (void)state;
    check_norm("Gr\xc3\xb6\xc3\x9f" "e", "Gr\xc3\xb6\xc3\x9f" "e", map);
}

static void nfc_composes_in_the_middle_and_at_the_end(void **state)
{
    /* "Mu" U+0308 "ller u" U+0308 */
    (void)state;
    check_norm("Mu\xcc\x88ller u\xcc\x88", "M\xc3\xbcller \xc3\xbc", NULL);
}

static void nfc_replaces_singletons(void **state)
{
    /* U+212B ANGSTROM SIGN -> U+00C5, U+2126 OHM SIGN -> U+03A9 */
    const size_t map[] = {0, 0, 3, 3, 6};
    (void)state;
    check_norm("\xe2\x84\xab\xe2\x84\xa6", "\xc3\x85\xce\xa9", map);
}

static void nfc_reorders_marks_without_going_backwards(void **state)
{
    /* "q" U+0308 U+0323 -> "q" U+0323 U+0308 (dot below first; no
     * precomposed q has either mark) */
    const size_t map[] = {0, 3, 3, 3, 3, 5};
    (void)state;
    check_norm("q\xcc\x88\xcc\xa3", "q\xcc\xa3\xcc\x88", map);
}

static void nfc_reorders_then_composes_past_a_mark(void **state)
{
    /* "x" U+0308 U+0323 -> U+1E8D (x with diaeresis) U+0323: the composed
     * character maps to the "x", the mark to itself */
    const size_t map[] = {0, 0, 0, 3, 3, 5};
    (void)state;
    check_norm("x\xcc\x88\xcc\xa3", "\xe1\xba\x8d\xcc\xa3", map);
}

static void nfc_composes_hangul(void **state)
{
    /* U+1100 U+1161 -> U+AC00 */
    const size_t map[] = {0, 0, 0, 6};
    (void)state;
    check_norm("\xe1\x84\x80\xe1\x85\xa1", "\xea\xb0\x80", map);
}

static void double_quotes_become_ascii(void **state)
{
    static const char *const variants[] = {
        "\xe2\x80\x9e", /* „ */
        "\xe2\x80\x9c", /* “ */
        "\xe2\x80\x9d", /* ” */
        "\xe2\x80\x9f", /* ‟ */
        "\xc2\xab",     /* « */
        "\xc2\xbb",     /* » */
        "\"",
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof variants / sizeof variants[0]; i++)
        check_norm(variants[i], "\"", NULL);
}

static void single_quotes_become_ascii(void **state)
{
    static const char *const variants[] = {
        "\xe2\x80\x9a", /* ‚ */
        "\xe2\x80\x98", /* ‘ */
        "\xe2\x80\x99", /* ’ */
        "\xe2\x80\x9b", /* ‛ */
        "\xe2\x80\xb9", /* ‹ */
        "\xe2\x80\xba", /* › */
        "'",
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof variants / sizeof variants[0]; i++)
        check_norm(variants[i], "'", NULL);
}

static void dashes_and_minus_become_hyphen_minus(void **state)
{
    static const char *const variants[] = {
        "\xe2\x80\x93", /* – en dash */
        "\xe2\x80\x94", /* — em dash */
        "\xe2\x80\x91", /* ‑ non-breaking hyphen */
        "\xe2\x80\x92", /* ‒ figure dash */
        "\xe2\x88\x92", /* − minus sign */
        "\xe2\x80\x90", /* ‐ hyphen */
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof variants / sizeof variants[0]; i++)
        check_norm(variants[i], "-", NULL);
}

static void special_spaces_become_space(void **state)
{
    static const char *const variants[] = {
        "\xc2\xa0",     /* no-break space */
        "\xe2\x80\xaf", /* narrow no-break space */
        "\xe2\x80\x89", /* thin space */
        "\xe2\x80\x87", /* figure space */
        "\xe2\x80\x8a", /* hair space */
        "\xe3\x80\x80", /* ideographic space */
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof variants / sizeof variants[0]; i++)
        check_norm(variants[i], " ", NULL);
}

static void typographic_text_maps_to_each_source_character(void **state)
{
    /* „27 %“ with a narrow no-break space: 3+2+3+1+3 bytes in, 5 out */
    const size_t map[] = {0, 3, 4, 5, 8, 9, 12};
    (void)state;
    check_norm("\xe2\x80\x9e" "27\xe2\x80\xaf%\xe2\x80\x9c", "\"27 %\"", map);
}

static void unchanged_characters_between_changed_ones_map_to_their_start(void **state)
{
    /* ä „ b “ space ö: each byte of ä and ö maps to where its character
     * starts, before and after the quotes that shrink from 3 bytes to 1 */
    const size_t map[] = {0, 0, 2, 5, 6, 9, 10, 10, 12};
    (void)state;
    check_norm("\xc3\xa4\xe2\x80\x9e" "b\xe2\x80\x9c \xc3\xb6", "\xc3\xa4\"b\" \xc3\xb6", map);
}

static void many_changes_keep_the_map_exact(void **state)
{
    /* 1000 times „x: each quote shrinks by two bytes */
    size_t n = 1000, i;
    char *in = malloc(4 * n + 1);
    abg_norm out;
    (void)state;

    assert_non_null(in);
    for (i = 0; i < n; i++)
        memcpy(in + 4 * i, "\xe2\x80\x9ex", 4);
    in[4 * n] = '\0';
    assert_int_equal(abg_norm_init(&out, in, 4 * n), 0);
    assert_int_equal(out.len, 2 * n);
    for (i = 0; i < n; i++) {
        assert_int_equal(abg_norm_src(&out, 2 * i), 4 * i);
        assert_int_equal(abg_norm_src(&out, 2 * i + 1), 4 * i + 3);
    }
    assert_int_equal(abg_norm_src(&out, out.len), 4 * n);
    abg_norm_dispose(&out);
    free(in);
}

static void soft_hyphen_is_removed(void **state)
{
    /* "Ver" SHY "trag": "t" comes from offset 5 */
    const size_t map[] = {0, 1, 2, 5, 6, 7, 8, 9};
    (void)state;
    check_norm("Ver\xc2\xadtrag", "Vertrag", map);
}

static void zero_width_characters_are_removed(void **state)
{
    (void)state;
    check_norm("a\xe2\x80\x8b" "b", "ab", NULL);         /* zero width space */
    check_norm("a\xe2\x80\x8c" "b", "ab", NULL);         /* zero width non-joiner */
    check_norm("a\xe2\x80\x8d" "b", "ab", NULL);         /* zero width joiner */
    check_norm("a\xe2\x81\xa0" "b", "ab", NULL);         /* word joiner */
    check_norm("\xef\xbb\xbf" "ab", "ab", NULL);         /* byte order mark */
}

static void removal_lets_marks_compose(void **state)
{
    /* "a" ZWNJ U+0308: the mark joins the "a" once the ZWNJ is gone */
    const size_t map[] = {0, 0, 6};
    (void)state;
    check_norm("a\xe2\x80\x8c\xcc\x88", "\xc3\xa4", map);
}

static void map_is_exact_at_the_end(void **state)
{
    /* removed characters at the end: the end still maps to the end */
    const size_t map[] = {0, 1, 7};
    (void)state;
    check_norm("ab\xc2\xad\xe2\x80\x8b", "ab", map);
    /* only removed characters */
    {
        const size_t map2[] = {2};
        check_norm("\xc2\xad", "", map2);
    }
}

static void crlf_and_newlines_are_kept(void **state)
{
    const size_t map[] = {0, 1, 2, 3, 4};
    (void)state;
    check_norm("a\r\nb", "a\r\nb", map);
}

static void case_is_kept(void **state)
{
    (void)state;
    check_norm("STRASSE Stra\xc3\x9f" "e", "STRASSE Stra\xc3\x9f" "e", NULL);
}

static void invalid_utf8_is_refused(void **state)
{
    abg_norm n;
    (void)state;

    assert_int_equal(abg_norm_init(&n, "ab\xff", 3), ABG_EPARSE);
    assert_null(n.s);
    assert_null(n.runs);
    assert_int_equal(abg_norm_init(&n, "\xc3", 1), ABG_EPARSE);
    abg_norm_dispose(&n); /* harmless after a failure */
}

static void long_run_of_marks_ends(void **state)
{
    /* "a" and 100 000 combining diaereses: bounded work, nothing lost */
    size_t n = 100000, i, len = 1 + 2 * n;
    char *in = malloc(len + 1);
    abg_norm out;
    (void)state;

    assert_non_null(in);
    in[0] = 'a';
    for (i = 0; i < n; i++)
        memcpy(in + 1 + 2 * i, "\xcc\x88", 2);
    in[len] = '\0';
    assert_int_equal(abg_norm_init(&out, in, len), 0);
    /* "ä" and n - 1 marks */
    assert_int_equal(out.len, 2 + 2 * (n - 1));
    assert_memory_equal(out.s, "\xc3\xa4", 2);
    for (i = 1; i <= out.len; i++)
        assert_true(abg_norm_src(&out, i) >= abg_norm_src(&out, i - 1));
    abg_norm_dispose(&out);
    free(in);
}

static void fold_makes_small_letters(void **state)
{
    (void)state;
    check_fold("STRASSE", "strasse");
    check_fold("Anteil", "anteil");
    check_fold("\xc3\x96L", "\xc3\xb6l");                       /* ÖL -> öl */
    check_fold("\xc3\x84NDERUNGEN", "\xc3\xa4nderungen");       /* ÄNDERUNGEN */
    check_fold("\xc3\x89" "COLE", "\xc3\xa9" "cole");           /* ÉCOLE */
    check_fold("", "");
}

static void fold_keeps_sharp_s(void **state)
{
    (void)state;
    check_fold("Stra\xc3\x9f" "e", "stra\xc3\x9f" "e");         /* Straße */
    check_fold("GR\xc3\x96\xc3\x9f" "E", "gr\xc3\xb6\xc3\x9f" "e"); /* GRÖßE */
    check_fold("\xe1\xba\x9e", "\xc3\x9f");                     /* capital ẞ -> ß */
}

static void fold_normalises_first(void **state)
{
    (void)state;
    check_fold("OpenAI\xe2\x80\x99s", "openai's");              /* OpenAI’s */
    check_fold("A\xcc\x88rger", "\xc3\xa4rger");                /* A U+0308 rger */
    check_fold("Ver\xc2\xadtrag", "vertrag");                   /* soft hyphen */
    check_fold("Azure\xe2\x80\x91Vertrag", "azure-vertrag");    /* non-breaking hyphen */
}

static void fold_appends(void **state)
{
    abg_buf b = ABG_BUF_INIT;
    (void)state;

    assert_int_equal(abg_fold(&b, "Der ", 4), 0);
    assert_int_equal(abg_fold(&b, "\xc3\x9c" "BER", 5), 0);     /* ÜBER */
    assert_string_equal(b.data, "der \xc3\xbc" "ber");
    assert_int_equal(b.len, 9);
    abg_buf_dispose(&b);
}

static void fold_refuses_invalid_utf8(void **state)
{
    abg_buf b = ABG_BUF_INIT;
    (void)state;

    assert_int_equal(abg_buf_puts(&b, "x"), 0);
    assert_int_equal(abg_fold(&b, "\xc3\xa4\xff", 3), ABG_EPARSE);
    assert_string_equal(b.data, "x"); /* nothing appended */
    abg_buf_dispose(&b);
}

/* Characters counted eight bytes at a time equal those counted one by one,
 * at every start and length (mixed one- to four-byte characters). */
static void utf8_count_by_words(void **state)
{
    const char *t = "Ärger über 1.250 € im Jänner: 𝄞 ½ Preis – naïve Straße, "
                    "Übergröße 3,5 %, 中文 und ASCII-Text ohne Sonderzeichen.";
    size_t n = strlen(t), a, b, i, naive;

    (void)state;
    for (a = 0; a < n; a++)
        for (b = a; b <= n; b++) {
            for (naive = 0, i = a; i < b; i++)
                naive += ((unsigned char)t[i] & 0xC0) != 0x80;
            assert_int_equal(abg_utf8_count(t + a, b - a), naive);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ascii_is_copied_with_identity_map),
        cmocka_unit_test(empty_text_gives_empty_string),
        cmocka_unit_test(nfc_composes_and_maps_to_the_first_character),
        cmocka_unit_test(nfc_keeps_composed_text_and_maps_each_character),
        cmocka_unit_test(nfc_composes_in_the_middle_and_at_the_end),
        cmocka_unit_test(nfc_replaces_singletons),
        cmocka_unit_test(nfc_reorders_marks_without_going_backwards),
        cmocka_unit_test(nfc_reorders_then_composes_past_a_mark),
        cmocka_unit_test(nfc_composes_hangul),
        cmocka_unit_test(double_quotes_become_ascii),
        cmocka_unit_test(single_quotes_become_ascii),
        cmocka_unit_test(dashes_and_minus_become_hyphen_minus),
        cmocka_unit_test(special_spaces_become_space),
        cmocka_unit_test(typographic_text_maps_to_each_source_character),
        cmocka_unit_test(unchanged_characters_between_changed_ones_map_to_their_start),
        cmocka_unit_test(many_changes_keep_the_map_exact),
        cmocka_unit_test(soft_hyphen_is_removed),
        cmocka_unit_test(zero_width_characters_are_removed),
        cmocka_unit_test(removal_lets_marks_compose),
        cmocka_unit_test(map_is_exact_at_the_end),
        cmocka_unit_test(crlf_and_newlines_are_kept),
        cmocka_unit_test(case_is_kept),
        cmocka_unit_test(invalid_utf8_is_refused),
        cmocka_unit_test(long_run_of_marks_ends),
        cmocka_unit_test(fold_makes_small_letters),
        cmocka_unit_test(fold_keeps_sharp_s),
        cmocka_unit_test(fold_normalises_first),
        cmocka_unit_test(fold_appends),
        cmocka_unit_test(fold_refuses_invalid_utf8),
        cmocka_unit_test(utf8_count_by_words),
    };
    return cmocka_run_group_tests_name("normalize", tests, NULL, NULL);
}
