/*
 * What a fact is about (abg_about_facts): subject, object, measure, role,
 * time scope and skip, one sentence each, with the shipped lexicons (run
 * from the repository root). Every expectation is worked out from the
 * sentence and the lexicons' rules, not copied from a run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "abgleich.h"

static abg_ctx *ctx;
static abg_ingest *ing;
static abg_rules *rules;
static abg_lang *lang;
static abg_lexicon *lex;
static abg_stemmer *stemmer;

static int setup(void **state)
{
    const char *files[] = {"rules/de.rules"};
    const char *lexfiles[] = {"rules/claims.de", "rules/measures.de", "rules/roles.de",
                              "rules/time.de"};
    abg_lang_options lo = ABG_LANG_OPTIONS_INIT;
    abg_lexicon_options xo = ABG_LEXICON_OPTIONS_INIT;

    (void)state;
    lo.abbreviations_path = "rules/abbreviations.de";
    lo.stopwords_path = "stopwords/german.txt";
    if (abg_ctx_new(&ctx) < 0 || abg_ingest_new(&ing, ctx, NULL) < 0 ||
        abg_rules_load(&rules, ctx, files, 1) < 0 || abg_lang_new(&lang, ctx, &lo) < 0 ||
        abg_stemmer_new(&stemmer) < 0)
        return -1;
    xo.paths = lexfiles;
    xo.npaths = 4;
    xo.lang = lang;
    /* names need evidence against the German dictionary */
    xo.dictionary = access("/usr/share/dict/ngerman", R_OK) == 0 ? "/usr/share/dict/ngerman"
                                                                  : NULL;
    return abg_lexicon_new(&lex, ctx, &xo) < 0 ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    abg_lexicon_free(lex);
    abg_stemmer_free(stemmer);
    abg_lang_free(lang);
    abg_rules_free(rules);
    abg_ingest_free(ing);
    abg_ctx_free(ctx);
    return 0;
}

/* What we expect of the fact whose text is `figure`. NULL for subject,
 * object, measure, time or skip: none. */
typedef struct {
    const char *subject, *object, *measure;
    abg_role role;
    const char *time, *skip;
} want;

static void same(const char *what, const char *got, const char *expected, const char *figure)
{
    if ((got == NULL) != (expected == NULL) || (got && strcmp(got, expected))) {
        print_error("%s of \"%s\": got %s%s%s, expected %s%s%s\n", what, figure,
                    got ? "\"" : "", got ? got : "NULL", got ? "\"" : "",
                    expected ? "\"" : "", expected ? expected : "NULL", expected ? "\"" : "");
        fail();
    }
}

/* The about of `figure` in `text` (a .txt document, front matter allowed). */
static void check_about(const char *text, const char *figure, const want *w)
{
    abg_doclist *docs = NULL;
    abg_fact *facts = NULL;
    abg_about *about = NULL;
    const abg_doc *doc;
    const char *body;
    size_t n = 0, i, len;
    bool found = false;

    assert_int_equal(abg_ingest_buffer(&docs, ctx, ing, "t.txt", text, strlen(text)), 0);
    doc = abg_doclist_get(docs, 0);
    body = abg_doc_text(doc, &len);
    assert_int_equal(abg_extract(&facts, &n, ctx, rules, lang, doc), 0);
    assert_int_equal(abg_about_facts(&about, NULL, ctx, lex, lang, stemmer, doc, facts, n), 0);
    for (i = 0; i < n && !found; i++) {
        if (facts[i].len != strlen(figure) || memcmp(body + facts[i].off, figure, facts[i].len))
            continue;
        found = true;
        same("subject", about[i].subject, w->subject, figure);
        same("object", about[i].object, w->object, figure);
        same("measure", about[i].measure, w->measure, figure);
        same("time", about[i].time, w->time, figure);
        same("skip", about[i].skip, w->skip, figure);
        if (about[i].role != w->role) {
            print_error("role of \"%s\": got %s, expected %s\n", figure,
                        abg_role_name(about[i].role), abg_role_name(w->role));
            fail();
        }
    }
    if (!found) {
        print_error("no fact \"%s\" in: %s\n", figure, text);
        fail();
    }
    abg_about_free(about, n);
    free(facts);
    abg_doclist_free(docs);
}

#define LEVEL ABG_ROLE_LEVEL
#define CHANGE ABG_ROLE_CHANGE

/* Subject, object and measure named in the sentence. */
static void stake(void **state)
{
    const char *t = "Siemens hält einen Anteil von 27 Prozent an der Firma Brekta.\n";
    want w = {"Siemens", "Brekta", "anteil", LEVEL, NULL, NULL};

    (void)state;
    check_about(t, "27 Prozent", &w);
}

/* A legal form ends a company's name and is not part of it. */
static void legal_form(void **state)
{
    const char *t = "Die Zylonix AG hält 45 Prozent an der Brekta GmbH.\n";
    want w = {"Zylonix", "Brekta", "anteil", LEVEL, NULL, NULL};

    (void)state;
    check_about(t, "45 Prozent", &w);
}

/* "um" makes a change, "auf" a level; "von A auf B": A is earlier. */
static void level_and_change(void **state)
{
    const char *t = "Der Umsatz von Kessler stieg um 4 Prozent auf 2,1 Milliarden Euro.\n";
    const char *u = "Bei Kessler sank die Arbeitslosenquote von 6,1 Prozent auf 5,8 Prozent.\n";
    want change = {"Kessler", NULL, "umsatz", CHANGE, NULL, NULL};
    want level = {"Kessler", NULL, "umsatz", LEVEL, NULL, NULL};
    want from = {"Kessler", NULL, "arbeitslosenquote", LEVEL, "earlier", NULL};
    want to = {"Kessler", NULL, "arbeitslosenquote", LEVEL, NULL, NULL};

    (void)state;
    check_about(t, "4 Prozent", &change);
    check_about(t, "2,1 Milliarden Euro", &level);
    check_about(u, "6,1 Prozent", &from);
    check_about(u, "5,8 Prozent", &to);
}

/* The old value beside the new one in one sentence is the A of "von A auf
 * B"; a formerly word alone makes "before", a now word "now". */
static void before_and_now(void **state)
{
    const char *t = "Künftig hält Niedersachsen 49,9 Prozent an der Nordhafen GmbH, bislang "
                    "waren es 30 Prozent.\n";
    const char *u = "Siemens hielt ursprünglich 14 Prozent an der Firma Brekta.\n";
    want now = {"Niedersachsen", "Nordhafen", "anteil", LEVEL, "now", NULL};
    want old = {"Niedersachsen", NULL, "anteil", LEVEL, "earlier", NULL};
    want before = {"Siemens", "Brekta", "anteil", LEVEL, "before", NULL};

    (void)state;
    check_about(t, "49,9 Prozent", &now);
    check_about(t, "30 Prozent", &old);
    check_about(u, "14 Prozent", &before);
}

/* A relative day is resolved against the publication day: the Monday
 * before Wednesday 5 March 2025 is 3 March. */
static void relative_day(void **state)
{
    const char *t = "---\npublished: 2025-03-05\n---\n"
                    "Am Montag meldete Kessler einen Umsatz von 3 Millionen Euro.\n";
    want w = {"Kessler", NULL, "umsatz", LEVEL, "2025-03-03", NULL};

    (void)state;
    check_about(t, "3 Millionen Euro", &w);
}

/* A converted amount in parentheses is no claim of its own; a dateline's
 * date is no claim either. */
static void not_claims(void **state)
{
    const char *t = "Kessler zahlt für die Übernahme 1,5 Milliarden Dollar (1,24 Milliarden "
                    "Euro).\n";
    const char *u = "Wien (APA, 23.8.2015) - Kessler meldet einen Umsatz von 3 Millionen "
                    "Euro.\n";
    want conv = {"Kessler", NULL, "kaufpreis", LEVEL, NULL, "conversion"};

    (void)state;
    check_about(t, "1,24 Milliarden Euro", &conv);
    {
        abg_doclist *docs = NULL;
        abg_fact *facts = NULL;
        abg_about *about = NULL;
        size_t n = 0, i, dated = 0;
        const abg_doc *doc;
        assert_int_equal(abg_ingest_buffer(&docs, ctx, ing, "u.txt", u, strlen(u)), 0);
        doc = abg_doclist_get(docs, 0);
        assert_int_equal(abg_extract(&facts, &n, ctx, rules, lang, doc), 0);
        assert_int_equal(abg_about_facts(&about, NULL, ctx, lex, lang, stemmer, doc, facts, n),
                         0);
        for (i = 0; i < n; i++)
            if (facts[i].type == ABG_FACT_DATE) {
                dated++;
                assert_non_null(about[i].skip);
                assert_string_equal(about[i].skip, "dateline");
            }
        assert_int_equal(dated, 1);
        abg_about_free(about, n);
        free(facts);
        abg_doclist_free(docs);
    }
}

/* A compound whose stem hides its last part (Jahresteuerung stems to
 * "jahresteuer", whose end "steuer" is a vague word) is read by that
 * part as the lexicon writes it: Teuerung, measure Inflation. A place is
 * a subject. */
static void compound_tail_and_place(void **state)
{
    const char *t = "In Österreich betrug die Jahresteuerung zuletzt 3,3 Prozent.\n";
    want w = {"Österreich", NULL, "inflation", LEVEL, "now", NULL};

    (void)state;
    check_about(t, "3,3 Prozent", &w);
}

/* Two words run together in scraped text are no name ("JournalistenIn");
 * OpenAI is one. */
static void run_together_words(void **state)
{
    const char *t = "Unter den Toten sind fünf JournalistenIn der Klinik starben 19 Menschen.\n";
    const char *u = "OpenAI kommt auf 800 Millionen Nutzer.\n";
    want dead = {NULL, NULL, "tote", LEVEL, NULL, NULL};
    want users = {"OpenAI", NULL, "nutzer", LEVEL, NULL, NULL};

    (void)state;
    check_about(t, "19 Menschen", &dead);
    check_about(u, "800 Millionen Nutzer", &users);
}

/* Percentage points never take the measure of an amount before them. */
static void points_keep_their_own(void **state)
{
    const char *t = "Der Kaufpreis für Brekta beträgt 3 Milliarden Euro. Die Partei verlor "
                    "2,3 Prozentpunkte.\n";
    abg_doclist *docs = NULL;
    abg_fact *facts = NULL;
    abg_about *about = NULL;
    size_t n = 0, i, seen = 0;
    const abg_doc *doc;

    (void)state;
    assert_int_equal(abg_ingest_buffer(&docs, ctx, ing, "t.txt", t, strlen(t)), 0);
    doc = abg_doclist_get(docs, 0);
    assert_int_equal(abg_extract(&facts, &n, ctx, rules, lang, doc), 0);
    assert_int_equal(abg_about_facts(&about, NULL, ctx, lex, lang, stemmer, doc, facts, n), 0);
    for (i = 0; i < n; i++)
        if (facts[i].type == ABG_FACT_PERCENT) {
            seen++;
            assert_true(!about[i].measure || strcmp(about[i].measure, "kaufpreis"));
        } else {
            assert_string_equal(about[i].measure, "kaufpreis");
        }
    assert_int_equal(seen, 1);
    abg_about_free(about, n);
    free(facts);
    abg_doclist_free(docs);
}

/* A death toll grows and a price moves: both are "running" (their values
 * of different days differ in time); a stake is not. */
static void running_figures(void **state)
{
    const char *t = "Bei dem Unglück starben 14 Menschen. Ein Liter Diesel kostete am Mittag "
                    "2,30 Euro. Siemens hält 27 Prozent an Brekta.\n";
    abg_doclist *docs = NULL;
    abg_fact *facts = NULL;
    abg_about *about = NULL;
    size_t n = 0;
    const abg_doc *doc;

    (void)state;
    assert_int_equal(abg_ingest_buffer(&docs, ctx, ing, "t.txt", t, strlen(t)), 0);
    doc = abg_doclist_get(docs, 0);
    assert_int_equal(abg_extract(&facts, &n, ctx, rules, lang, doc), 0);
    assert_int_equal(abg_about_facts(&about, NULL, ctx, lex, lang, stemmer, doc, facts, n), 0);
    assert_int_equal(n, 3);
    assert_string_equal(about[0].measure, "tote");
    assert_true(about[0].running);
    assert_string_equal(about[1].measure, "dieselpreis");
    assert_true(about[1].running);
    assert_string_equal(about[2].measure, "anteil");
    assert_false(about[2].running);
    abg_about_free(about, n);
    free(facts);
    abg_doclist_free(docs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stake),
        cmocka_unit_test(legal_form),
        cmocka_unit_test(level_and_change),
        cmocka_unit_test(before_and_now),
        cmocka_unit_test(relative_day),
        cmocka_unit_test(not_claims),
        cmocka_unit_test(compound_tail_and_place),
        cmocka_unit_test(run_together_words),
        cmocka_unit_test(points_keep_their_own),
        cmocka_unit_test(running_figures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
