/* Unit tests of terms.c: keyness figures and counting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "abgleich.h"

/* a = 10 of c = 100 words in the group, b = 5 of d = 200 in the rest:
 * E1 = 100 * 15 / 300 = 5, E2 = 200 * 15 / 300 = 10,
 * G2 = 2 (10 ln 2 + 5 ln 0.5) = 10 ln 2 = 6.9315,
 * log ratio = log2(0.1 / 0.025) = 2. */
static void g2_and_log_ratio_by_hand(void **state)
{
    (void)state;
    assert_true(fabs(abg_terms_g2(10, 5, 100, 200) - 10 * log(2.0)) < 1e-9);
    assert_true(fabs(abg_terms_log_ratio(10, 5, 100, 200) - 2.0) < 1e-12);
    /* a word the rest never uses: 0.5 stands in for the zero */
    assert_true(fabs(abg_terms_log_ratio(2, 0, 3, 3) - 2.0) < 1e-12);
    /* the same rate in both: no keyness */
    assert_true(fabs(abg_terms_g2(10, 20, 100, 200)) < 1e-12);
    assert_true(fabs(abg_terms_log_ratio(10, 20, 100, 200)) < 1e-12);
}

static abg_doc *first_doc(abg_doclist **keep, abg_ingest *ing, abg_ctx *ctx, const char *text)
{
    assert_int_equal(abg_ingest_buffer(keep, ctx, ing, "x.txt", text, strlen(text)), 0);
    return abg_doclist_get(*keep, 0);
}

static void counts_stems_forms_and_documents(void **state)
{
    abg_lang_options lo = ABG_LANG_OPTIONS_INIT;
    abg_ingest *ing = NULL;
    abg_stemmer *st = NULL;
    abg_terms *terms = NULL;
    abg_lang *lang = NULL;
    abg_ctx *ctx = NULL;
    abg_doclist *d1 = NULL, *d2 = NULL, *d3 = NULL;
    abg_term *rows = NULL;
    size_t n = 0;
    (void)state;

    lo.abbreviations_path = "rules/abbreviations.de";
    lo.stopwords_path = "stopwords/german.txt";
    assert_int_equal(abg_ctx_new(&ctx), 0);
    assert_int_equal(abg_ingest_new(&ing, ctx, NULL), 0);
    assert_int_equal(abg_lang_new(&lang, ctx, &lo), 0);
    assert_int_equal(abg_stemmer_new(&st), 0);
    assert_int_equal(abg_terms_new(&terms, lang), 0);
    assert_int_equal(abg_terms_add(terms, ctx, st, first_doc(&d1, ing, ctx,
                     "Die Anteile und der Anteil, 27 Prozent."), "B"), 0);
    assert_int_equal(abg_terms_add(terms, ctx, st, first_doc(&d2, ing, ctx,
                     "Anteile über Anteile."), "B"), 0);
    assert_int_equal(abg_terms_add(terms, ctx, st, first_doc(&d3, ing, ctx,
                     "Bewertung."), "A"), 0);

    assert_int_equal(abg_terms_group_count(terms), 2);
    assert_string_equal(abg_terms_group_name(terms, 0), "A"); /* by name */
    assert_int_equal(abg_terms_group_docs(terms, 1), 2);
    /* die, und, der, über are stopwords; 27 is a number */
    assert_int_equal(abg_terms_group_tokens(terms, 1), 5);
    assert_int_equal(abg_terms_rows(&rows, &n, ctx, terms, 1, 0), 0);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].stem, "anteil");
    assert_string_equal(rows[0].form, "Anteile"); /* 3 times, Anteil once */
    assert_int_equal(rows[0].count, 4);
    assert_int_equal(rows[0].docs, 2);
    assert_int_equal(rows[0].rest, 0);
    assert_string_equal(rows[1].stem, "prozent");
    free(rows);

    abg_terms_free(terms);
    abg_stemmer_free(st);
    abg_lang_free(lang);
    abg_ingest_free(ing);
    abg_doclist_free(d1);
    abg_doclist_free(d2);
    abg_doclist_free(d3);
    abg_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(g2_and_log_ratio_by_hand),
        cmocka_unit_test(counts_stems_forms_and_documents),
    };
    return cmocka_run_group_tests_name("terms", tests, NULL, NULL);
}
