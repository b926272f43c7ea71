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

/* Ingest `text` as one .txt document, extract its facts and what they
 * are about. */
typedef struct {
    abg_doclist *docs;
    abg_fact *facts;
    abg_about *about;
    size_t n;
    const char *body;
} run;

static void run_open(run *r, const char *text)
{
    const abg_doc *doc;
    size_t len;

    memset(r, 0, sizeof *r);
    assert_int_equal(abg_ingest_buffer(&r->docs, ctx, ing, "t.txt", text, strlen(text)), 0);
    doc = abg_doclist_get(r->docs, 0);
    r->body = abg_doc_text(doc, &len);
    assert_int_equal(abg_extract(&r->facts, &r->n, ctx, rules, lang, doc), 0);
    assert_int_equal(
        abg_about_facts(&r->about, NULL, ctx, lex, lang, stemmer, doc, r->facts, r->n), 0);
}

static void run_close(run *r)
{
    abg_about_free(r->about, r->n);
    free(r->facts);
    abg_doclist_free(r->docs);
}

/* The about of `figure` in `text` (a .txt document, front matter allowed). */
static void check_about(const char *text, const char *figure, const want *w)
{
    run r;
    size_t i;
    bool found = false;

    run_open(&r, text);
    for (i = 0; i < r.n && !found; i++) {
        const abg_about *a = &r.about[i];
        const abg_fact *f = &r.facts[i];
        if (f->len != strlen(figure) || memcmp(r.body + f->off, figure, f->len))
            continue;
        found = true;
        same("subject", a->subject, w->subject, figure);
        same("object", a->object, w->object, figure);
        same("measure", a->measure, w->measure, figure);
        same("time", a->time, w->time, figure);
        same("skip", a->skip, w->skip, figure);
        if (a->role != w->role) {
            print_error("role of \"%s\": got %s, expected %s\n", figure, abg_role_name(a->role),
                        abg_role_name(w->role));
            fail();
        }
    }
    if (!found) {
        print_error("no fact \"%s\" in: %s\n", figure, text);
        fail();
    }
    run_close(&r);
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
    /* beyond its clause a time word is the nearest figure's */
    check_about("Der Etat sieht Ausgaben von 525 Milliarden Euro vor und Kredite von 80 "
                "Milliarden Euro - so viel wie zuvor nur in der Krise.\n",
                "525 Milliarden Euro", &(want){NULL, NULL, "ausgaben", LEVEL, NULL, NULL});
}

/* A relative day is resolved against the publication day: the Monday
 * before Wednesday 5 March 2025 is 3 March; without one, a past year or
 * week is earlier. */
static void relative_day(void **state)
{
    const char *t = "---\npublished: 2025-03-05\n---\n"
                    "Am Montag meldete Kessler einen Umsatz von 3 Millionen Euro.\n";
    want w = {"Kessler", NULL, "umsatz", LEVEL, "2025-03-03", NULL};

    (void)state;
    check_about(t, "3 Millionen Euro", &w);
    /* gestern and vorgestern count back from the publication day; heute
     * is the day itself (also among the words of "now": a day wins) */
    check_about("---\npublished: 2025-03-05\n---\n"
                "Gestern meldete Kessler einen Umsatz von 3 Millionen Euro.\n",
                "3 Millionen Euro",
                &(want){"Kessler", NULL, "umsatz", LEVEL, "2025-03-04", NULL});
    check_about("---\npublished: 2025-03-05\n---\n"
                "Vorgestern meldete Kessler einen Umsatz von 3 Millionen Euro.\n",
                "3 Millionen Euro",
                &(want){"Kessler", NULL, "umsatz", LEVEL, "2025-03-03", NULL});
    check_about("---\npublished: 2025-03-05\n---\n"
                "Heute meldete Kessler einen Umsatz von 3 Millionen Euro.\n",
                "3 Millionen Euro",
                &(want){"Kessler", NULL, "umsatz", LEVEL, "2025-03-05", NULL});
    /* undated, a past year or week is some earlier time, never the
     * text's own; a weekday is no scope then */
    check_about("Im Vorjahr meldete Kessler einen Umsatz von 3 Millionen Euro.\n",
                "3 Millionen Euro", &(want){"Kessler", NULL, "umsatz", LEVEL, "earlier", NULL});
    check_about("Vergangene Woche meldete Kessler einen Umsatz von 3 Millionen Euro.\n",
                "3 Millionen Euro", &(want){"Kessler", NULL, "umsatz", LEVEL, "earlier", NULL});
    check_about("Am Montag meldete Kessler einen Umsatz von 3 Millionen Euro.\n",
                "3 Millionen Euro", &(want){"Kessler", NULL, "umsatz", LEVEL, NULL, NULL});
}

/* "im April": the April nearest the publication day (in January, the
 * December before); undated, the year the document's dates of April name;
 * with two such years, or none, unknown; "bis Ende Juni" is no scope.
 * "im zweiten Quartal" likewise. */
static void month_without_year(void **state)
{
    (void)state;
    check_about("---\npublished: 2026-01-10\n---\n"
                "Im Dezember lag die Inflation in Deutschland bei 2,4 Prozent.\n",
                "2,4 Prozent", &(want){"Deutschland", NULL, "inflation", LEVEL, "2025-12", NULL});
    check_about("Die Quote sank im April 2014 leicht. Im April waren in der EU 23,5 Millionen "
                "Menschen arbeitslos.\n",
                "23,5 Millionen Menschen", &(want){NULL, NULL, "arbeitslose", LEVEL, "2014-04", NULL});
    check_about("Im April 2014 und im April 2015 sank die Quote. Im April waren in der EU 23,5 "
                "Millionen Menschen arbeitslos.\n",
                "23,5 Millionen Menschen", &(want){NULL, NULL, "arbeitslose", LEVEL, NULL, NULL});
    /* the earlier level after the new one keeps a time it names, and
     * that time is its own, not the new level's */
    check_about("---\npublished: 2026-05-29\n---\n"
                "Die Inflation in Deutschland sank auf 2,6 Prozent, nach 2,9 Prozent im April.\n",
                "2,9 Prozent",
                &(want){"Deutschland", NULL, "inflation", LEVEL, "2026-04", NULL});
    check_about("---\npublished: 2026-05-29\n---\n"
                "Die Inflation in Deutschland sank auf 2,6 Prozent, nach 2,9 Prozent im April.\n",
                "2,6 Prozent",
                &(want){"Deutschland", NULL, "inflation", LEVEL, NULL, NULL});
    check_about("Die Inflation in Deutschland sank auf 2,6 Prozent, nach 2,9 Prozent.\n",
                "2,9 Prozent",
                &(want){"Deutschland", NULL, "inflation", LEVEL, "earlier", NULL});
    /* of two months in one clause, each figure has the one nearest it */
    check_about("---\npublished: 2026-01-30\n---\n"
                "Die Arbeitslosenquote in Deutschland kletterte von 6,1 Prozent im Dezember auf "
                "6,4 Prozent im Januar.\n",
                "6,4 Prozent",
                &(want){"Deutschland", NULL, "arbeitslosenquote", LEVEL, "2026-01", NULL});
    check_about("---\npublished: 2026-01-30\n---\n"
                "Die Arbeitslosenquote in Deutschland kletterte von 6,1 Prozent im Dezember auf "
                "6,4 Prozent im Januar.\n",
                "6,1 Prozent",
                &(want){"Deutschland", NULL, "arbeitslosenquote", LEVEL, "2025-12", NULL});
    /* a quarter likewise */
    check_about("Kessler setzte im dritten Quartal 2024 1,74 Milliarden Euro um, nach 1,62 "
                "Milliarden Euro im zweiten Quartal.\n",
                "1,62 Milliarden Euro", &(want){"Kessler", NULL, "umsatz", LEVEL, "2024-Q2", NULL});
    check_about("---\npublished: 2024-10-30\n---\n"
                "Der Umsatz von Kessler lag im dritten Quartal bei 1,47 Milliarden Euro.\n",
                "1,47 Milliarden Euro", &(want){"Kessler", NULL, "umsatz", LEVEL, "2024-Q3", NULL});
    check_about("---\npublished: 2026-01-10\n---\n"
                "Die Kette Lindner mit 2.600 Mitarbeitern schließt bis Ende Juni 40 Filialen.\n",
                "2.600 Mitarbeitern",
                &(want){"Lindner", NULL, "beschäftigte", LEVEL, NULL, NULL});
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
        run r;
        size_t i, dated = 0;
        run_open(&r, u);
        for (i = 0; i < r.n; i++)
            if (r.facts[i].type == ABG_FACT_DATE) {
                dated++;
                assert_non_null(r.about[i].skip);
                assert_string_equal(r.about[i].skip, "dateline");
            }
        assert_int_equal(dated, 1);
        run_close(&r);
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
    run r;
    size_t i, seen = 0;

    (void)state;
    run_open(&r, t);
    for (i = 0; i < r.n; i++)
        if (r.facts[i].type == ABG_FACT_PERCENT) {
            seen++;
            assert_true(!r.about[i].measure || strcmp(r.about[i].measure, "kaufpreis"));
        } else {
            assert_string_equal(r.about[i].measure, "kaufpreis");
        }
    assert_int_equal(seen, 1);
    run_close(&r);
}

/* A headline that opens with two words, the last an acronym, and a verb
 * names the subject its body repeats; "Sportwelt" alone is a German word. */
static void headline_name(void **state)
{
    const char *t = "---\ntitle: Sportwelt TV zeigt Handball\n---\n"
                    "Sportwelt TV zeigt Handball\n\n"
                    "Sportwelt TV hat die Rechte an der Handball-Bundesliga bis 2032 erworben.\n";
    const char *u = "Sportwelt TV hat die Rechte an der Handball-Bundesliga bis 2032 erworben.\n";
    want w = {"Sportwelt TV", NULL, "laufzeit", LEVEL, NULL, NULL};
    want none = {NULL, NULL, "laufzeit", LEVEL, NULL, NULL};

    (void)state;
    check_about(t, "bis 2032", &w);
    check_about(u, "bis 2032", &none);
}

/* People counted by what they are, in a clause that says they died, are
 * the dead; a duration or an age names its measure beside it or not at
 * all, and an age belongs only to a person its sentence names. */
static void counts_durations_ages(void **state)
{
    const char *t = "Dem Militär zufolge wurden zwei Soldaten getötet.\n";
    const char *u = "Der Flug der Raumfähre soll zwölf Tage dauern.\n";
    const char *v = "Das Gericht verurteilte Kessler zu fünf Jahren Haft.\n";
    const char *x = "Erwartet wird, dass der 43-jährige Streeting antritt. Der 75-Jährige "
                    "soll die Regierung beraten.\n";
    want dead = {NULL, NULL, "tote", LEVEL, NULL, NULL};
    want flight = {NULL, NULL, NULL, LEVEL, NULL, NULL};
    want age = {"Streeting", NULL, "alter", LEVEL, NULL, NULL};
    want anyone = {NULL, NULL, "alter", LEVEL, NULL, NULL};
    run r;
    size_t i;

    (void)state;
    check_about(t, "zwei Soldaten", &dead);
    check_about("Menschenrechtler sprechen von mindestens 3.400 getöteten Demonstranten.\n",
                "mindestens 3.400 getöteten Demonstranten", &dead);
    check_about(u, "zwölf Tage", &flight);
    check_about(x, "43-jährige", &age);
    check_about(x, "75-Jährige", &anyone);
    run_open(&r, x);
    for (i = 0; i < r.n; i++)
        if (r.about[i].subject == NULL)
            assert_true(r.about[i].confidence == 0); /* never grouped */
    run_close(&r);
    run_open(&r, v);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.about[0].measure, "haftstrafe"); /* verurteilt zu */
    assert_string_equal(r.about[0].subject, "Kessler");
    run_close(&r);
}

/* A count that a verb acting on an object follows or precedes is the
 * agent, not the victim; places and organisations counted (lexicon
 * `counted`) are what is measured, whatever else the clause names;
 * people counted keep the clause's cue; the verbs that end a term name a
 * date's Laufzeit. */
static void agents_and_counted_things(void **state)
{
    want jets = {NULL, NULL, "kampfjet", LEVEL, NULL, NULL};
    want dead = {NULL, NULL, "tote", LEVEL, NULL, NULL};
    want hurt = {NULL, NULL, "verletzte", LEVEL, NULL, NULL};
    run r;

    (void)state;
    check_about("Drei russische Kampfjets verletzten den Luftraum.\n",
                "Drei russische Kampfjets", &jets);
    check_about("Dort verletzten drei russische Kampfjets den Luftraum.\n",
                "drei russische Kampfjets", &jets);
    check_about("Bei dem Angriff verletzten die Täter drei Menschen.\n", "drei Menschen", &hurt);
    check_about("Bei dem Anschlag wurden zwei Soldaten getötet.\n", "zwei Soldaten", &dead);
    run_open(&r, "Wegen der Soldaten drohen acht europäischen Ländern Strafzölle.\n");
    assert_int_equal(r.n, 1);
    assert_string_equal(r.about[0].measure, "land");
    run_close(&r);
    run_open(&r, "Zwei weitere Bundesländer lockern das Fahrverbot für Passagiere.\n");
    assert_int_equal(r.n, 1);
    assert_string_equal(r.about[0].measure, "bundesland");
    run_close(&r);
    /* the end of a term: "läuft … aus", "bleibt … bei"; "läuft" alone is
     * no term ("es läuft besser") */
    run_open(&r, "Das Abkommen läuft am 18. Oktober 2025 aus.\n");
    assert_int_equal(r.n, 1);
    assert_string_equal(r.about[0].measure, "laufzeit");
    run_close(&r);
    run_open(&r, "Die Liga bleibt bis 2030 bei dem Sender.\n");
    assert_int_equal(r.n, 1);
    assert_string_equal(r.about[0].measure, "laufzeit");
    run_close(&r);
    run_open(&r, "Für den Fahrer läuft es 2015 besser als erwartet.\n");
    assert_int_equal(r.n, 1);
    assert_true(!r.about[0].measure || strcmp(r.about[0].measure, "laufzeit") != 0);
    run_close(&r);
    /* people: the cue of the clause */
    check_about("Bei dem Brand starben zwei Ausländer.\n", "zwei Ausländer", &dead);
}

/* People counted by what they are, whom a phrase of the clause says what
 * happened to; a verb of stealing names the loot; tariffs called
 * Aufschläge. */
static void phrases_and_verbs(void **state)
{
    (void)state;
    check_about("In Bielefeld kamen zwei 18-Jährige bei Unfällen ums Leben.\n",
                "zwei 18-Jährige", &(want){"Bielefeld", NULL, "tote", LEVEL, NULL, NULL});
    check_about("In Gelsenkirchen haben Diebe rund 30 Millionen Euro erbeutet.\n",
                "rund 30 Millionen Euro",
                &(want){"Gelsenkirchen", NULL, "beute", LEVEL, NULL, NULL});
    /* places of the lexicon: several words, other spellings */
    check_about("Die Polizei des Bundesstaats New South Wales meldete zwölf Tote.\n",
                "zwölf Tote", &(want){"New South Wales", NULL, "tote", LEVEL, NULL, NULL});
    check_about("In Kyjiw kamen sechs Menschen ums Leben.\n", "sechs Menschen",
                &(want){"Kiew", NULL, "tote", LEVEL, NULL, NULL});
    /* a place that is a common word is left out: "Essen" is a meal here */
    check_about("Beim Essen kamen drei Menschen ums Leben.\n", "drei Menschen",
                &(want){NULL, NULL, "tote", LEVEL, NULL, NULL});
    check_about("Die Aufschläge der USA von zehn Prozent sollen ab Februar gelten.\n",
                "zehn Prozent", &(want){"USA", NULL, "zoll", LEVEL, NULL, NULL});
    check_about("Der Händler verlangt einen Preisaufschlag von 5 Prozent.\n", "5 Prozent",
                &(want){NULL, NULL, "preis", LEVEL, NULL, NULL}); /* twin: a price */
    /* a running count of a group, with the state of some of them before
     * it, counts those */
    check_about("Die Hamas hat die 28 toten Geiseln noch nicht übergeben.\n", "28 toten Geiseln",
                &(want){NULL, NULL, "tote geiseln", LEVEL, NULL, NULL});
    check_about("Die Hamas hat die 20 noch lebenden Geiseln übergeben.\n",
                "20 noch lebenden Geiseln", &(want){NULL, NULL, "geiseln", LEVEL, NULL, NULL});
    /* arrests and releases by their verbs and phrases */
    check_about("Nach dem Einbruch hat die Polizei zwei Verdächtige geschnappt.\n",
                "zwei Verdächtige", &(want){NULL, NULL, "festnahmen", LEVEL, NULL, NULL});
    check_about("Am Samstag: 123 politische Gefangene kamen frei.\n",
                "123 politische Gefangene", &(want){NULL, NULL, "freilassungen", LEVEL, NULL, NULL});
    /* twins: resolutions are gefasst, seats are frei */
    check_about("Der Rat hat am Montag drei Beschlüsse gefasst.\n", "drei Beschlüsse",
                &(want){NULL, NULL, "beschluss", LEVEL, NULL, NULL});
    check_about("Im Saal sind noch drei Plätze frei.\n", "drei Plätze",
                &(want){NULL, NULL, "saal", LEVEL, NULL, NULL});
    /* a supposed election is a poll, the real one a result */
    check_about("Laut Deutschlandtrend käme die SPD bei einer Bundestagswahl auf 18 Prozent.\n",
                "18 Prozent", &(want){"SPD", NULL, "umfragewert", LEVEL, NULL, NULL});
    check_about("Bei der Bundestagswahl kam die SPD auf 16,4 Prozent der Stimmen.\n",
                "16,4 Prozent", &(want){"SPD", NULL, "stimmenanteil", LEVEL, NULL, NULL});
    /* a noun the lexicon knows stays what is counted */
    check_about("In Berlin sind rund 45.000 Haushalte ohne Strom.\n", "rund 45.000 Haushalte",
                &(want){"Berlin", NULL, "haushalte", LEVEL, NULL, NULL});
}

/* An amount "für" which something is built, or in a clause that opens
 * with what it is for, is its cost, when no cue of the clause says more;
 * a verb of buying does. */
static void amount_for_something(void **state)
{
    (void)state;
    check_about("Für rund 240 Millionen Euro soll bei Speyer eine neue Brücke entstehen.\n",
                "rund 240 Millionen Euro", &(want){"Speyer", NULL, "kosten", LEVEL, NULL, NULL});
    check_about("Für die Sanierung des Hallenbads Gaarden sind rund 58 Millionen Euro "
                "eingeplant.\n",
                "rund 58 Millionen Euro", &(want){"Gaarden", NULL, "kosten", LEVEL, NULL, NULL});
    check_about("Für 320 Millionen Franken kauft Helvetor die Manufaktur.\n",
                "320 Millionen Franken", &(want){"Helvetor", NULL, "kaufpreis", LEVEL, NULL, NULL});
}

/* What a duration measures, said by a verb or phrase of its clause (the
 * lexicon's `duration` measures), and ages in words ("89 Jahre alt", "mit
 * 91 Jahren gestorben"); their negative twins keep the duration's own
 * noun or none. */
static void durations_in_words(void **state)
{
    want prison = {"Gauder", NULL, "haftstrafe", LEVEL, NULL, NULL};
    want age = {"Ilse Brandner", NULL, "alter", LEVEL, NULL, NULL};
    want late = {"Ilse Brandner", NULL, "verspätung", LEVEL, NULL, NULL};
    want nothing = {NULL, NULL, NULL, LEVEL, NULL, NULL};

    (void)state;
    check_about("Lorenz Gauder ist zu elf Jahren im Straflager verurteilt worden.\n",
                "elf Jahren", &prison);
    check_about("Der Unternehmer Lorenz Gauder soll zwei Jahre ins Gefängnis.\n", "zwei Jahre",
                &prison);
    check_about("Die Schauspielerin Ilse Brandner ist mit 91 Jahren gestorben.\n", "91 Jahren",
                &age);
    check_about("Die Schauspielerin Ilse Brandner wurde 89 Jahre alt.\n", "89 Jahre", &age);
    check_about("Die Schauspielerin Ilse Brandner starb im Alter von 89 Jahren.\n", "89 Jahren",
                &age);
    /* "gestorben" names the dead, not what a duration measures */
    check_about("Die Schauspielerin Ilse Brandner ist nach drei Jahren Krankheit gestorben.\n",
                "drei Jahren", &(want){"Ilse Brandner", NULL, "krankheit", LEVEL, NULL, NULL});
    check_about("Ilse Brandner kam mit zwei Jahren Verspätung an.\n", "zwei Jahren", &late);
    check_about("Der Flug dauert zwölf Tage, sagte der Pilot.\n", "zwölf Tage", &nothing);
    /* a ten-day ceasefire is no age */
    check_about("Israel und der Libanon haben eine zehntägige Waffenruhe vereinbart.\n",
                "zehntägige", &(want){"Libanon", NULL, "waffenruhe", LEVEL, NULL, NULL});
}

/* A first name and the word after it are a person, German words or not;
 * a figure of a list that a pronoun gives to the one named before is his. */
static void persons(void **state)
{
    const char *t = "Markus Treber hat seine Niederlage eingeräumt. Auf ihn entfielen 43,7 "
                    "Prozent der Stimmen, auf Anna Reinholz 56,3 Prozent.\n";
    want him = {"Markus Treber", NULL, "stimmenanteil", LEVEL, NULL, NULL};
    want her = {"Anna Reinholz", NULL, "stimmenanteil", LEVEL, NULL, NULL};

    (void)state;
    check_about(t, "43,7 Prozent", &him);
    check_about(t, "56,3 Prozent", &her);
    /* a name after "auf" is no subject ("Auf Truth Social kündigte er
     * an"), unless a figure falls to it ("auf Anna Reinholz 56,3 Prozent",
     * above) */
    check_about("Auf Truth Social kündigte Kessler an, die Zölle auf 15 Prozent zu erhöhen.\n",
                "15 Prozent", &(want){"Kessler", NULL, "zoll", LEVEL, NULL, NULL});
    /* a place after "in" is no subject, with its "St." too */
    check_about("Die SPÖ kam bei der Wahl in St. Pölten auf 31,2 Prozent.\n", "31,2 Prozent",
                &(want){"SPÖ", NULL, "stimmenanteil", LEVEL, NULL, NULL});
}

/* "X lag bei N" names the measure when the lexicon knows X, also with the
 * verb first; a level and a change beside it are no list of figures. */
static void lies_at(void **state)
{
    const char *t = "Im Sommer lag die Durchschnittstemperatur in Deutschland bei 18,6 Grad, "
                    "das sind 1,7 Grad mehr als im Mittel.\n";
    const char *u = "Die Bewertung von Kessler liegt nach der Finanzierungsrunde bei 2,4 "
                    "Milliarden Euro.\n";
    want temp = {"Deutschland", NULL, "temperatur", LEVEL, NULL, NULL};
    want val = {"Kessler", NULL, "bewertung", LEVEL, "now", NULL}; /* nach + event */

    (void)state;
    check_about(t, "18,6 Grad", &temp);
    check_about(u, "2,4 Milliarden Euro", &val);
}

/* A power measures a capacity, whatever nouns its clause has; a Roman
 * numeral is no name. */
static void power_is_capacity(void **state)
{
    want w = {NULL, NULL, "leistung", LEVEL, NULL, NULL};

    (void)state;
    check_about("Nordwestlich von Helgoland entsteht der Windpark Nordlicht III. Die 80 "
                "Turbinen kommen zusammen auf 1.200 Megawatt.\n",
                "1.200 Megawatt", &w);
}

/* "Punkte" is no cue of Pünktlichkeit (whose stem in a long compound
 * would be punkt); the Union is a party. */
static void points_and_parties(void **state)
{
    run r;

    (void)state;
    run_open(&r, "Die Union büßt 2 Punkte ein und steht bei 25 Prozent.\n");
    assert_int_equal(r.n, 2);
    assert_string_equal(r.about[1].subject, "Union");
    assert_true(!r.about[1].measure || strcmp(r.about[1].measure, "pünktlichkeit"));
    run_close(&r);
    check_about("Die Pünktlichkeit der Bahn lag im Mai bei 62 Prozent.\n", "62 Prozent",
                &(want){NULL, NULL, "pünktlichkeit", LEVEL, NULL, NULL}); /* no year */
}

/* The negative twins of the name lines: a legal form with no name before
 * it names nobody; a first name before a word that is no name makes no
 * person; "Union" inside "Europäische Union" stays part of that name;
 * "kostet" alone still names the cost. */
static void name_lines_negative(void **state)
{
    run r;

    (void)state;
    run_open(&r, "Die AG zahlt eine Dividende von 3 Millionen Euro.\n");
    assert_int_equal(r.n, 1);
    assert_null(r.about[0].subject);
    run_close(&r);
    run_open(&r, "Anna und die Stadt zahlen 3 Millionen Euro.\n");
    assert_int_equal(r.n, 1);
    assert_true(!r.about[0].subject || !strchr(r.about[0].subject, ' '));
    run_close(&r);
    run_open(&r, "Die Europäische Union zahlt 3 Milliarden Euro an Hilfen.\n");
    assert_int_equal(r.n, 1);
    assert_string_equal(r.about[0].subject, "Europäische Union");
    assert_null(r.about[0].object); /* a bare plural after "an" is no party */
    run_close(&r);
    check_about("Die Brücke kostet 240 Millionen Euro.\n", "240 Millionen Euro",
                &(want){NULL, NULL, "kosten", LEVEL, NULL, NULL});
}

/* A death toll grows and a price moves: both are "running" (their values
 * of different days differ in time); a stake is not. */
static void running_figures(void **state)
{
    const char *t = "Bei dem Unglück starben 14 Menschen. Ein Liter Diesel kostete am Mittag "
                    "2,30 Euro. Siemens hält 27 Prozent an Brekta.\n";
    run r;

    (void)state;
    run_open(&r, t);
    assert_int_equal(r.n, 3);
    assert_string_equal(r.about[0].measure, "tote");
    assert_true(r.about[0].running);
    assert_string_equal(r.about[1].measure, "dieselpreis");
    assert_true(r.about[1].running);
    assert_string_equal(r.about[2].measure, "anteil");
    assert_false(r.about[2].running);
    run_close(&r);
}

/* Who reports a figure is not whom it is about: a listed agency never is
 * (but a statistics office names the place it reports for), nor where a
 * reporter sits ("die in den USA ansässige Organisation"), a name after
 * "nach Angaben" or in "wie ... mitteilte" only when nobody else is named
 * (a company reporting its own profit). */
static void sources(void **state)
{
    want reuters = {NULL, NULL, "tote", LEVEL, NULL, NULL};
    want austria = {"Österreich", NULL, "inflation", LEVEL, NULL, NULL};
    want hengaw = {"Iran", NULL, "tote", LEVEL, NULL, NULL};
    want siemens = {"Siemens", NULL, "gewinn", LEVEL, NULL, NULL};

    (void)state;
    check_about("Nach Angaben der Nachrichtenagentur Reuters starben 12 Menschen.\n",
                "12 Menschen", &reuters);
    check_about("Die Jahresteuerung betrug 3,3 Prozent, wie die Statistik Austria mitteilte.\n",
                "3,3 Prozent", &austria);
    check_about("Die Proteste im Iran gehen weiter. Nach Angaben der "
                "Menschenrechtsorganisation Hengaw wurden 40 Menschen getötet.\n",
                "40 Menschen", &hengaw);
    check_about("Die Proteste im Iran gehen weiter. Nach Angaben von Hengaw wurden 40 Menschen "
                "getötet.\n",
                "40 Menschen", &hengaw);
    check_about("Der Gewinn stieg auf 2 Milliarden Euro, wie Siemens mitteilte.\n",
                "2 Milliarden Euro", &siemens);
    /* where a reporter sits is not what it reports about */
    check_about("Die in den USA ansässige Organisation HRANA hatte erklärt, bei den Protesten "
                "seien 646 Menschen getötet worden.\n",
                "646 Menschen", &reuters);
    /* nor is the seat of a court */
    check_about("Das Oberlandesgericht Dresden verurteilte den Mann zu fünf Jahren Haft.\n",
                "fünf Jahren", &(want){NULL, NULL, "haftstrafe", LEVEL, NULL, NULL});
}

/* The about of `figure` in an open run, or fail. */
static const abg_about *about_of(const run *r, const char *figure)
{
    size_t i;

    for (i = 0; i < r->n; i++)
        if (r->facts[i].len == strlen(figure) &&
            !memcmp(r->body + r->facts[i].off, figure, r->facts[i].len))
            return &r->about[i];
    print_error("no fact \"%s\"\n", figure);
    fail();
    return NULL;
}

/* A figure of a reporting period with no time of its own is of the period
 * the report names in a clause about such a figure; that date is then no
 * claim. Not a date of something else, not a start ("seit"), and not a
 * measure that holds beyond a period (a stake). */
static void reference_period(void **state)
{
    const char *lead = "Die Arbeitslosenquote ist im März 2019 gesunken. Die höchste "
                       "Arbeitslosenquote hatte Ostrand mit 12,4 Prozent.\n";
    const char *other = "Die Firma Velmar wurde im März 2019 gegründet. Die "
                        "Arbeitslosenquote in Ostrand liegt bei 12,4 Prozent.\n";
    const char *since = "Die Arbeitslosenquote sinkt seit März 2019. Die höchste "
                        "Arbeitslosenquote hatte Ostrand mit 12,4 Prozent.\n";
    const char *stake = "Die Arbeitslosenquote ist im März 2019 gesunken. Siemens hält "
                        "27 Prozent an Brekta.\n";
    run r;

    (void)state;
    run_open(&r, lead);
    assert_string_equal(about_of(&r, "12,4 Prozent")->time, "2019-03");
    assert_string_equal(about_of(&r, "März 2019")->skip, "time");
    run_close(&r);

    run_open(&r, other);
    assert_null(about_of(&r, "12,4 Prozent")->time);
    assert_null(about_of(&r, "März 2019")->skip);
    run_close(&r);

    run_open(&r, since);
    assert_null(about_of(&r, "12,4 Prozent")->time);
    run_close(&r);

    run_open(&r, stake);
    assert_null(about_of(&r, "27 Prozent")->time);
    run_close(&r);

    /* the one period the sentence before names for such a figure, with
     * the place after its noun as a named subject; the earlier level keeps
     * its own month */
    run_open(&r, "---\npublished: 2025-07-01\n---\nDie Inflation in Österreich hat im Juni "
                 "wieder angezogen. Laut Schnellschätzung der Statistik Austria lag sie bei 3,3 "
                 "Prozent, nach 3,0 Prozent im Mai.\n");
    assert_string_equal(about_of(&r, "3,3 Prozent")->time, "2025-06");
    assert_string_equal(about_of(&r, "3,3 Prozent")->subject, "Österreich");
    assert_false(about_of(&r, "3,3 Prozent")->inferred);
    assert_string_equal(about_of(&r, "3,0 Prozent")->time, "2025-05");
    run_close(&r);

    /* a comparison after a figure does not date it; "im Vorjahresmonat"
     * is the year before */
    run_open(&r, "---\npublished: 2026-01-30\n---\nDie Arbeitslosenquote betrug 6,4 Prozent. "
                 "Im Vorjahresmonat hatte die Arbeitslosenquote bei 6,2 Prozent gelegen.\n");
    assert_null(about_of(&r, "6,4 Prozent")->time);
    assert_string_equal(about_of(&r, "6,2 Prozent")->time, "2025");
    run_close(&r);

    /* a level of such a figure names it too; "die Quote" after a count of
     * the jobless is their rate */
    run_open(&r, "---\npublished: 2026-01-30\n---\nIm Januar waren 3,01 Millionen Menschen "
                 "arbeitslos gemeldet. Die Quote betrug 6,4 Prozent.\n");
    assert_string_equal(about_of(&r, "6,4 Prozent")->measure, "arbeitslosenquote");
    assert_string_equal(about_of(&r, "6,4 Prozent")->time, "2026-01");
    run_close(&r);
}

/* The place right after the measure's noun is whose figure it is, named
 * (not inferred); not a place in a prepositional phrase after the figure. */
static void place_of_measure(void **state)
{
    run r;
    const abg_about *a;

    (void)state;
    run_open(&r, "Zuletzt stieg die Arbeitslosenquote in Spanien auf 25,1 Prozent.\n");
    a = about_of(&r, "25,1 Prozent");
    assert_string_equal(a->subject, "Spanien");
    assert_false(a->inferred);
    run_close(&r);
    run_open(&r, "In Berlin demonstrierten 5.000 Menschen aus Solidarität mit den "
                 "Protestierenden im Iran.\n");
    a = about_of(&r, "5.000 Menschen");
    assert_string_equal(a->subject, "Berlin");
    assert_true(a->inferred);
    run_close(&r);
}

/* An election result belongs to the place its document names the
 * election for (the title, else the lead); not to a month, and no other
 * measure gets a place. */
static void election_place(void **state)
{
    (void)state;
    check_about("---\ntitle: Romney gewinnt Vorwahl in Illinois\n---\n"
                "Rick Santorum erhielt 35,0 Prozent der Stimmen.\n",
                "35,0 Prozent",
                &(want){"Rick Santorum", "Illinois", "stimmenanteil", LEVEL, NULL, NULL});
    check_about("Bei der Vorwahl im US-Bundesstaat Louisiana setzte sich Santorum durch. "
                "Rick Santorum erhielt 49 Prozent der Stimmen.\n",
                "49 Prozent",
                &(want){"Rick Santorum", "Louisiana", "stimmenanteil", LEVEL, NULL, NULL});
    check_about("---\ntitle: Wahl im März: Santorum vorn\n---\n"
                "Rick Santorum erhielt 35,0 Prozent der Stimmen.\n",
                "35,0 Prozent",
                &(want){"Rick Santorum", NULL, "stimmenanteil", LEVEL, NULL, NULL});
    check_about("---\ntitle: Romney gewinnt Vorwahl in Illinois\n---\n"
                "Bayern hat eine Arbeitslosenquote von 4,1 Prozent.\n",
                "4,1 Prozent",
                &(want){"Bayern", NULL, "arbeitslosenquote", LEVEL, NULL, NULL});
}

/* A purchase price: the buyer is the subject and the target the object,
 * however the sentence turns them; from the sentence before only when that
 * one speaks of a purchase; "an" makes a buyer only with "gehen". A name
 * compounded with a noun names go with is that name (Helvetor-Gruppe). */
static void deal_parties(void **state)
{
    want deal = {"Zylonix", "Brekta", "kaufpreis", LEVEL, NULL, NULL};
    want fee = {"Zylonix", NULL, "kaufpreis", LEVEL, NULL, NULL};
    want group = {"Helvetor", "Vallorbe", "kaufpreis", LEVEL, NULL, NULL};

    (void)state;
    check_about("Die Zylonix AG übernimmt die Brekta GmbH für 1,5 Milliarden Euro.\n",
                "1,5 Milliarden Euro", &deal);
    check_about("Die Brekta GmbH wird für 1,5 Milliarden Euro von der Zylonix AG übernommen.\n",
                "1,5 Milliarden Euro", &deal);
    check_about("Für 1,5 Milliarden Euro geht die Brekta GmbH an die Zylonix AG.\n",
                "1,5 Milliarden Euro", &deal);
    check_about("Die Zylonix AG kauft die Brekta GmbH. Der Kaufpreis beträgt 1,5 Milliarden "
                "Euro.\n",
                "1,5 Milliarden Euro", &deal);
    check_about("Die Zylonix AG zahlt 1,5 Milliarden Euro an die Brekta GmbH.\n",
                "1,5 Milliarden Euro", &deal);
    check_about("Die Zylonix AG lädt zum Treffen. Wer teilnehmen will, soll 1.000 Euro zahlen.\n",
                "1.000 Euro", &fee);
    check_about("Für 320 Millionen Franken geht die Manufaktur Vallorbe an die "
                "Helvetor-Gruppe.\n",
                "320 Millionen Franken", &group);
}

/* The date of a meeting is one measure however the text names it: talks,
 * a summit, "sich treffen". */
static void meeting_dates(void **state)
{
    run r;

    (void)state;
    run_open(&r, "---\npublished: 2025-08-09\n---\nTrump wird am 15. August mit Putin über "
                 "einen Frieden verhandeln. Die Präsidenten wollen sich am 22. August treffen. "
                 "Der Gipfel ist für den 29. August geplant.\n");
    assert_string_equal(about_of(&r, "15. August")->measure, "treffen");
    assert_string_equal(about_of(&r, "22. August")->measure, "treffen");
    assert_string_equal(about_of(&r, "29. August")->measure, "treffen");
    run_close(&r);
}

/* A clause opening with a personal pronoun speaks of what the sentence
 * before named; "Das" before a noun is an article and does not. */
static void pronoun_measure(void **state)
{
    run r;

    (void)state;
    run_open(&r, "Das Deutschlandticket wird teurer. Es soll 63 Euro kosten.\n");
    assert_string_equal(about_of(&r, "63 Euro")->measure, "deutschlandticket");
    run_close(&r);
    run_open(&r, "Die Stadtwerke bauen ein Kraftwerk mit einem Umsatz von 50 Millionen Euro. "
                 "Das geplante Kraftwerk soll 240 Millionen Euro kosten.\n");
    assert_string_equal(about_of(&r, "240 Millionen Euro")->measure, "kosten");
    run_close(&r);
}

/* An age in a sentence opening with "Der"/"Die" and a noun or the age
 * itself belongs to the person the sentence before names in full; alone,
 * or after a sentence naming nobody in full, it may be anybody's. */
static void age_of_person_before(void **state)
{
    run r;

    (void)state;
    run_open(&r, "Nun ist Robert Redford gestorben. Der US-Star starb im Alter von 89 "
                 "Jahren.\n");
    assert_string_equal(about_of(&r, "89 Jahren")->subject, "Robert Redford");
    run_close(&r);
    run_open(&r, "Die Ministerin Nina Warken soll Kanzleramtschefin werden. Die 47-Jährige "
                 "soll auf Thorsten Frei folgen.\n");
    assert_string_equal(about_of(&r, "47-Jährige")->subject, "Nina Warken");
    run_close(&r);
    run_open(&r, "Auf der A7 kam es zu einem Unfall. Der 75-Jährige wurde leicht verletzt.\n");
    assert_null(about_of(&r, "75-Jährige")->subject);
    run_close(&r);
}

/* A bare change noun right before "um" changes what the figure before
 * measured; a compound says itself what changes. */
static void change_noun_inherits(void **state)
{
    run r;

    (void)state;
    run_open(&r, "Der Leitzins der EZB liegt nun bei 2,0 Prozent. Mit der Senkung um 0,25 "
                 "Prozentpunkte reagiert die Notenbank auf die gesunkene Teuerung.\n");
    assert_string_equal(about_of(&r, "0,25 Prozentpunkte")->measure, "leitzins");
    assert_int_equal(about_of(&r, "0,25 Prozentpunkte")->role, CHANGE);
    run_close(&r);
    run_open(&r, "Der Leitzins der EZB liegt nun bei 2,0 Prozent. Die Inflationsrate sank um "
                 "0,3 Prozentpunkte.\n");
    assert_string_equal(about_of(&r, "0,3 Prozentpunkte")->measure, "inflation");
    run_close(&r);
}

/* "liegt bei": the head of the subject names the measure, not a noun of a
 * prepositional phrase after it; "der Bund" is a party. */
static void lies_at_head(void **state)
{
    run r;

    (void)state;
    run_open(&r, "Die Schwelle für ein Pflichtangebot an alle Aktionäre liegt bei 30 Prozent. "
                 "Der Bund hält weiterhin 12 Prozent an dem Institut.\n");
    assert_string_equal(about_of(&r, "30 Prozent")->measure, "hürde");
    assert_string_equal(about_of(&r, "12 Prozent")->measure, "anteil");
    assert_string_equal(about_of(&r, "12 Prozent")->subject, "Bund");
    run_close(&r);
    run_open(&r, "Der Anteil von Siemens an der Brekta GmbH liegt bei 30 Prozent.\n");
    assert_string_equal(about_of(&r, "30 Prozent")->measure, "anteil");
    run_close(&r);
}

/* A value the stock market sets is the market value; a valuation or a
 * stake's worth stays a valuation. */
static void market_value(void **state)
{
    run r;

    (void)state;
    run_open(&r, "Nvidia ist an der Börse 4 Billionen Dollar wert. OpenAI wird mit 500 "
                 "Milliarden Dollar bewertet. Der Anteil von Microsoft ist 135 Milliarden "
                 "Dollar wert.\n");
    assert_string_equal(about_of(&r, "4 Billionen Dollar")->measure, "marktwert");
    assert_string_equal(about_of(&r, "500 Milliarden Dollar")->measure, "bewertung");
    assert_string_equal(about_of(&r, "135 Milliarden Dollar")->measure, "bewertung");
    run_close(&r);
}

/* What lasts names a duration anywhere in its clause, and a count only
 * right beside it. */
static void durations_not_counts(void **state)
{
    run r;

    (void)state;
    run_open(&r, "Die Waffenruhe soll 60 Tage dauern. Nach Inkrafttreten der Waffenruhe sind "
                 "mehr als 300.000 Menschen in ihre Dörfer zurückgekehrt.\n");
    assert_string_equal(about_of(&r, "60 Tage")->measure, "waffenruhe");
    assert_true(about_of(&r, "mehr als 300.000 Menschen")->measure == NULL ||
                strcmp(about_of(&r, "mehr als 300.000 Menschen")->measure, "waffenruhe") != 0);
    run_close(&r);
}

/* A forecast of a period figure is its forecaster's (the object): the noun
 * right before the verb of expectation; not a pronoun, not the subject. */
static void forecasters(void **state)
{
    run r;

    (void)state;
    run_open(&r, "Die EU-Kommission erwartet für Deutschland nur noch 0,6 Prozent Wachstum. "
                 "Die Wirtschaftsweisen erwarten ein Wachstum von 0,5 Prozent. Sie rechnen mit "
                 "einem Wachstum von 0,4 Prozent. Die Bundesregierung erwartet ein Wachstum "
                 "von 1,0 Prozent.\n");
    assert_string_equal(about_of(&r, "0,6 Prozent")->object, "EU-Kommission");
    assert_string_equal(about_of(&r, "0,5 Prozent")->object, "Wirtschaftsweisen");
    assert_null(about_of(&r, "0,4 Prozent")->object);
    assert_null(about_of(&r, "1,0 Prozent")->object);
    assert_string_equal(about_of(&r, "1,0 Prozent")->subject, "Bundesregierung");
    run_close(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stake),
        cmocka_unit_test(legal_form),
        cmocka_unit_test(level_and_change),
        cmocka_unit_test(before_and_now),
        cmocka_unit_test(relative_day),
        cmocka_unit_test(month_without_year),
        cmocka_unit_test(not_claims),
        cmocka_unit_test(compound_tail_and_place),
        cmocka_unit_test(run_together_words),
        cmocka_unit_test(points_keep_their_own),
        cmocka_unit_test(running_figures),
        cmocka_unit_test(headline_name),
        cmocka_unit_test(counts_durations_ages),
        cmocka_unit_test(agents_and_counted_things),
        cmocka_unit_test(durations_in_words),
        cmocka_unit_test(amount_for_something),
        cmocka_unit_test(phrases_and_verbs),
        cmocka_unit_test(persons),
        cmocka_unit_test(lies_at),
        cmocka_unit_test(power_is_capacity),
        cmocka_unit_test(points_and_parties),
        cmocka_unit_test(name_lines_negative),
        cmocka_unit_test(reference_period),
        cmocka_unit_test(sources),
        cmocka_unit_test(place_of_measure),
        cmocka_unit_test(election_place),
        cmocka_unit_test(deal_parties),
        cmocka_unit_test(meeting_dates),
        cmocka_unit_test(pronoun_measure),
        cmocka_unit_test(age_of_person_before),
        cmocka_unit_test(change_noun_inherits),
        cmocka_unit_test(lies_at_head),
        cmocka_unit_test(market_value),
        cmocka_unit_test(durations_not_counts),
        cmocka_unit_test(forecasters),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
