/*
 * test_extract_counts.c: the quantities of rules/de.rules beyond fixed
 * units: open-class counts (quantity.count), number words that count,
 * ages (quantity.age), durations and temperatures (quantity.unit). Each
 * text's expected facts were worked out by hand from DESIGN.md ("Facts"),
 * one a line: "text|value|unit|qualifier" (quantities only; other facts of
 * the text are left out), in document order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "abgleich.h"

static abg_rules *rules;
static abg_lang *lang;
static abg_ingest *ing;
static abg_ctx *ctx;

static int setup(void **state)
{
    const char *rule_files[] = {"rules/de.rules"};
    abg_lang_options lo = ABG_LANG_OPTIONS_INIT;

    (void)state;
    lo.abbreviations_path = "rules/abbreviations.de";
    lo.stopwords_path = "stopwords/german.txt";
    if (abg_ctx_new(&ctx) < 0 || abg_rules_load(&rules, ctx, rule_files, 1) < 0 ||
        abg_lang_new(&lang, ctx, &lo) < 0 || abg_ingest_new(&ing, ctx, NULL) < 0)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    abg_ingest_free(ing);
    abg_lang_free(lang);
    abg_rules_free(rules);
    abg_ctx_free(ctx);
    return 0;
}

/* The quantities of text as "text|value|unit|qualifier" lines, each ended
 * by "\n", in out (cap bytes). */
static void facts_of(const char *text, char *out, size_t cap, int all)
{
    abg_doclist *docs = NULL;
    abg_fact *facts = NULL;
    size_t n = 0, i, used = 0;
    const char *dt;

    out[0] = '\0';
    assert_int_equal(abg_ingest_buffer(&docs, ctx, ing, "case.txt", text, strlen(text)), 0);
    assert_int_equal(abg_doclist_count(docs), 1);
    assert_int_equal(abg_extract(&facts, &n, ctx, rules, lang, abg_doclist_get(docs, 0)), 0);
    dt = abg_doc_text(abg_doclist_get(docs, 0), NULL);
    for (i = 0; i < n; i++) {
        char value[64];
        int w;
        if (facts[i].type != ABG_FACT_QUANTITY && !all)
            continue;
        if (!abg_fact_value_string(value, sizeof value, &facts[i], 0))
            snprintf(value, sizeof value, "-");
        if (facts[i].qualifier == ABG_QUAL_RANGE) { /* value..value_to */
            size_t k = strlen(value);
            if (k + 3 < sizeof value) {
                memcpy(value + k, "..", 3);
                if (!abg_fact_value_string(value + k + 2, sizeof value - k - 2, &facts[i], 1))
                    snprintf(value + k + 2, sizeof value - k - 2, "-");
            }
        }
        w = snprintf(out + used, cap - used, "%s%s%.*s|%s|%s|%s\n",
                     all ? abg_fact_type_name(facts[i].type) : "", all ? ":" : "",
                     (int)facts[i].len,
                     dt + facts[i].off, value, facts[i].unit ? facts[i].unit : "-",
                     abg_qualifier_name(facts[i].qualifier));
        assert_true(w > 0 && (size_t)w < cap - used);
        used += (size_t)w;
    }
    free(facts);
    abg_doclist_free(docs);
}

/* The quantities of text; with all, every fact, its type first ("money:") */
static void quantities(const char *text, char *out, size_t cap)
{
    facts_of(text, out, cap, 0);
}

static void expect_all(const char *text, const char *want)
{
    char got[4096];

    facts_of(text, got, sizeof got, 1);
    if (strcmp(got, want) != 0)
        print_error("text: %s\nwant:\n%sgot:\n%s", text, want, got);
    assert_string_equal(got, want);
}

static void expect(const char *text, const char *want)
{
    char got[4096];

    quantities(text, got, sizeof got);
    if (strcmp(got, want) != 0)
        print_error("text: %s\nwant:\n%sgot:\n%s", text, want, got);
    assert_string_equal(got, want);
}

/* ---- open-class counts ---- */

static void test_count_digits(void **state)
{
    (void)state;
    expect("Russland übergab 62 Kriegsgefangene an die Ukraine.",
           "62 Kriegsgefangene|62|Kriegsgefangene|exact\n");
    expect("Die Armee meldete 310 Kampfdrohnen in der Nacht.",
           "310 Kampfdrohnen|310|Kampfdrohnen|exact\n");
    expect("Bei dem Unglück gab es mindestens 9 Tote und 23 Verletzte.",
           "mindestens 9 Tote|9|Tote|lower\n23 Verletzte|23|Verletzte|exact\n");
    expect("Es kamen mehr als 40.000 Demonstranten in die Innenstadt.",
           "mehr als 40.000 Demonstranten|40000|Demonstranten|lower\n");
    expect("Der Konzern streicht rund 1.300 Stellen.", "rund 1.300 Stellen|1300|Stellen|approx\n");
    expect("Das Regime hält 123 politische Gefangene fest.",
           "123 politische Gefangene|123|Gefangene|exact\n");
    expect("In dem Bus saßen 48 Insassen, es gab 14 Todesopfer.",
           "48 Insassen|48|Insassen|exact\n14 Todesopfer|14|Todesopfer|exact\n");
}

static void test_count_dative(void **state)
{
    (void)state;
    /* a dative -n goes when the rest is a known noun; else kept */
    expect("Die Polizei sprach von 25 Verletzten.", "25 Verletzten|25|Verletzte|exact\n");
    expect("Das Team führt mit 59 Punkten.", "59 Punkten|59|Punkte|exact\n");
    expect("Sie gewann vor 300 Gästen.", "300 Gästen|300|Gästen|exact\n");
    /* a plural in -er or -el with the dative -n is that plural; one in -n
     * throughout keeps it, alone or at the end of a compound */
    expect("Die Polizei kontrollierte 37 Ausländern die Papiere.",
           "37 Ausländern|37|Ausländer|exact\n");
    expect("Sie wuchs mit sechs Geschwistern auf.", "sechs Geschwistern|6|Geschwister|exact\n");
    expect("Er sprach mit 12 Enkeln.", "12 Enkeln|12|Enkel|exact\n");
    expect("Sie hat drei Schwestern.", "drei Schwestern|3|Schwestern|exact\n");
    expect("Es fehlen 20 Krankenschwestern.", "20 Krankenschwestern|20|Krankenschwestern|exact\n");
    expect("Es gelten vier Regeln und sieben Geiseln kamen frei.",
           "vier Regeln|4|Regeln|exact\nsieben Geiseln|7|Geiseln|exact\n");
    expect("Mit zwei Dritteln der Stimmen.", "");
    /* an adjective or participle as a noun: its plural in -e; not a noun
     * that only looks like one (Kaninchen, Menschen) */
    expect("Die 12 Geschworenen zogen sich zurück.", "12 Geschworenen|12|Geschworene|exact\n");
    expect("Es sprach mit 200 Delegierten und 35 Jugendlichen.",
           "200 Delegierten|200|Delegierte|exact\n35 Jugendlichen|35|Jugendliche|exact\n");
    expect("Bei 24,5 Millionen Arbeitslosen.",
           "24,5 Millionen Arbeitslosen|24500000|Arbeitslose|exact\n");
    /* a capitalised adjective before a capitalised noun is no noun */
    expect("Er erhielt 49 Goldene Schallplatten.",
           "49 Goldene Schallplatten|49|Schallplatten|exact\n");
    expect("Die Stadt baut 120 Wiener Ampeln um, es gab vier Dringliche Anfragen.",
           "120 Wiener Ampeln|120|Ampeln|exact\nvier Dringliche Anfragen|4|Anfragen|exact\n");
    expect("Sie gaben 300 Menschen Zuflucht und 20 Deutsche kamen.",
           "300 Menschen|300|Menschen|exact\n20 Deutsche|20|Deutsche|exact\n");
    expect("Er fütterte 12 Kaninchen und sah 40 Menschen.",
           "12 Kaninchen|12|Kaninchen|exact\n40 Menschen|40|Menschen|exact\n");
}

static void test_count_words(void **state)
{
    (void)state;
    /* nouns whose plural is their singular */
    expect("Auf der Autobahn standen 17 Lkw und 27 Pkw.", "17 Lkw|17|Lkw|exact\n27 Pkw|27|Pkw|exact\n");
    expect("Die Einheit rückte mit 50 Mann aus.", "50 Mann|50|Mann|exact\n");
    expect("Bei dem Anschlag starben drei Tote? Nein: zehn Personen wurden verletzt.",
           "drei Tote|3|Tote|exact\nzehn Personen|10|Personen|exact\n");
    expect("Der Betrieb entließ sieben Angestellten.",
           "sieben Angestellten|7|Angestellte|exact\n");
    expect("Zwei Millionen Menschen sind auf der Flucht.",
           "Zwei Millionen Menschen|2000000|Menschen|exact\n");
    /* no digit, currency or scale word in the paragraph */
    expect("Die Firma hat nur fünf Mitarbeitern gekündigt.",
           "fünf Mitarbeitern|5|Mitarbeiter|exact\n");
    expect("Mehr als zwanzig Organisationen riefen zur Demo auf.",
           "Mehr als zwanzig Organisationen|20|Organisationen|lower\n");
    /* the genitive of zwei and drei; a Dreier or Zweier as a noun is none */
    expect("Nach der Festnahme dreier mutmaßlicher Schleuser begann der Prozess.",
           "dreier mutmaßlicher Schleuser|3|Schleuser|exact\n");
    expect("Der Tod zweier Kinder erschütterte das Dorf.", "zweier Kinder|2|Kinder|exact\n");
    expect("Er warf in der letzten Sekunde einen Dreier.", "");
    expect("Der Zweier ohne Steuermann gewann Gold.", "");
}

/* Every number word, worked out by hand: the value of "N Mitarbeiter". */
static void test_number_words(void **state)
{
    static const struct {
        const char *word;
        const char *value;
    } words[] = {{"zwei", "2"},          {"drei", "3"},          {"vier", "4"},
                 {"fünf", "5"},          {"sechs", "6"},         {"sieben", "7"},
                 {"acht", "8"},          {"neun", "9"},          {"zehn", "10"},
                 {"elf", "11"},          {"zwölf", "12"},        {"dreizehn", "13"},
                 {"sechzehn", "16"},     {"siebzehn", "17"},     {"zwanzig", "20"},
                 {"einundzwanzig", "21"}, {"dreißig", "30"},     {"vierzig", "40"},
                 {"fünfzig", "50"},      {"sechzig", "60"},      {"siebzig", "70"},
                 {"achtzig", "80"},      {"neunzig", "90"},      {"hundert", "100"},
                 {"zweihundert", "200"}, {"dreitausend", "3000"}};
    char text[128], want[128];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof words / sizeof words[0]; i++) {
        snprintf(text, sizeof text, "Die Firma hat %s Mitarbeiter.", words[i].word);
        snprintf(want, sizeof want, "%s Mitarbeiter|%s|Mitarbeiter|exact\n", words[i].word,
                 words[i].value);
        expect(text, want);
    }
}

/* Every qualifier word of the rules' map qual, before an amount of
 * money: the qualifier it gives, worked out from DESIGN.md's list. */
static void test_qualifier_words(void **state)
{
    static const struct {
        const char *words, *qual;
    } q[] = {{"rund", "approx"},      {"etwa", "approx"},      {"circa", "approx"},
             {"ca.", "approx"},       {"zirka", "approx"},     {"knapp", "approx"},
             {"fast", "approx"},      {"gut", "approx"},       {"ungefähr", "approx"},
             {"annähernd", "approx"}, {"nahezu", "approx"},    {"mehr als", "lower"},
             {"mindestens", "lower"}, {"über", "lower"},       {"bis zu", "upper"},
             {"höchstens", "upper"},  {"maximal", "upper"},    {"unter", "upper"},
             {"weniger als", "upper"}};
    char text[128], want[128];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof q / sizeof q[0]; i++) {
        snprintf(text, sizeof text, "Der Umbau kostet %s 40 Millionen Euro.", q[i].words);
        snprintf(want, sizeof want, "money:%s 40 Millionen Euro|40000000|EUR|%s\n",
                 q[i].words, q[i].qual);
        expect_all(text, want);
    }
    /* dates: spätestens is an end, seit and ab a start */
    expect_all("Das Werk soll spätestens 2030 fertig sein.", "date:spätestens 2030|2030|-|upper\n");
    expect_all("Er ist seit 2019 im Amt.", "date:seit 2019|2019|-|lower\n");
}

static void test_count_harm(void **state)
{
    (void)state;
    /* a number right before a participle of harm counts people */
    expect("Es wurden 40 Menschen getötet und 115 verletzt.",
           "40 Menschen|40|Menschen|exact\n115 verletzt|115|Verletzte|exact\n");
    expect("Dabei wurden mehr als 300 verletzt.", "mehr als 300 verletzt|300|Verletzte|lower\n");
    expect("Zwei wurden festgenommen, drei getötet.", "drei getötet|3|Tote|exact\n");
    /* not a year, not a number with another word between */
    expect("2019 verletzt sich der Spieler.", "");
    expect("Er hat sich 3 Mal verletzt.", "");
}

static void test_count_not(void **state)
{
    (void)state;
    /* vague amounts, articles */
    expect("Dutzende Menschen und Hunderte Polizisten, Tausende Demonstranten.", "");
    expect("Ein Mann und eine Frau wurden festgenommen.", "");
    /* dates, years, ordinals, times */
    expect("Am 3. Juni 2024 Tote zu beklagen, das war neu.", "");
    expect("Er wurde 4. Platz, um 17 Uhr war Schluss.", "");
    expect("2024 stieg die Zahl der Toten.", "");
    /* law, pages, versions, ranks, scores, streets */
    expect("Nach Artikel 5 Absatz 3 und Paragraf 218 Strafgesetzbuch.", "");
    expect("Siehe § 3 Satz 2 und Seite 12 Zeile 4.", "");
    expect("Windows 11 Nutzer, GPT-4 Modelle und iPhone 16 Besitzer.", "");
    /* a month before digits is a date, before a number word it is none */
    expect("Am Juni 12 Tote.", "");
    expect("Sie flogen im September vier Angriffe.", "vier Angriffe|4|Angriffe|exact\n");
    expect("Die Mannschaft steht auf Platz 4 Punkte hinter dem Ersten, das Spiel endete 3:1.",
           "");
    expect("Die Hauptstraße 8 Anwohner wurde gesperrt.", "");
    /* units, scales, percent, time words, Mal */
    expect("Das sind 5 Prozent mehr, 3 Mal so viel wie 2 Drittel.", "");
    /* a singular after a number other than one */
    expect("Die 12 Sieger und 7 Teilnehmerzahl.", "12 Sieger|12|Sieger|exact\n");
    /* a phone number and a postal code */
    expect("Es gab 0221 Anrufer, in 10117 Berlin.", "");
}

/* ---- ages and durations ---- */

static void test_age(void **state)
{
    (void)state;
    expect("Ein 31-Jähriger wurde festgenommen.", "31-Jähriger|31|Jahre|exact\n");
    /* an age limit; the second age of "14- bis 29-Jährige" is none */
    expect("Die Quote unter 25-Jährigen sank.", "unter 25-Jährigen|25|Jahre|upper\n");
    expect("Gefragt wurden über 60-Jährige.", "über 60-Jährige|60|Jahre|lower\n");
    expect("Bei den 14- bis 29-Jährigen war es so.", "29-Jährigen|29|Jahre|exact\n");
    expect("Die 67-jährige Frau blieb unverletzt.", "67-jährige|67|Jahre|exact\n");
    expect("Der 45 Jahre alte Mann floh.", "45 Jahre|45|Jahre|exact\n");
    expect("Es gilt eine dreitägige Waffenruhe.", "dreitägige|3|Tage|exact\n");
    /* not the maturity of bonds; not without a number */
    expect("Die Rendite zehnjähriger Bundesanleihen stieg.", "");
    expect("Die langjährige Partnerin und der Jährige.", "");
}

static void test_duration(void **state)
{
    (void)state;
    expect("Er wurde zu neun Jahren Haft verurteilt.", "neun Jahren|9|Jahre|exact\n");
    expect("Das Fest dauerte drei Tage lang.", "drei Tage|3|Tage|exact\n");
    expect("Nach 412 Tagen kam er frei.", "412 Tagen|412|Tage|exact\n");
    expect("Die Sitzung dauerte knapp zwölf Minuten.", "knapp zwölf Minuten|12|Minuten|approx\n");
    /* written like a clock, in the next smaller unit */
    expect("Sie lief die Strecke in 2:46 Stunden.", "2:46 Stunden|166|Minuten|exact\n");
    expect("Das Rennen dauerte 1:01 Minuten.", "1:01 Minuten|61|Sekunden|exact\n");
    expect("Um 9:30 Uhr stand es 4:2, nach 3:75 Minuten.", "");
    /* a date and a time of day are no durations */
    expect("Im Jahr 2019 Tage der offenen Tür.", "");
    expect("Ab 8 Uhr und am Tag 3 danach.", "");
}

/* ---- bounds and ranges ---- */

static void test_bounds_ranges(void **state)
{
    (void)state;
    /* "bis" alone before an amount is its upper bound */
    expect("Die Boote dürfen bis 500 kg laden.", "bis 500 kg|500|kg|upper\n");
    expect("Erlaubt sind Tiere bis 53 Kilogramm.", "bis 53 Kilogramm|53|kg|upper\n");
    expect("Gefördert werden Anlagen bis zu 30 Kilowatt.", "bis zu 30 Kilowatt|30|kW|upper\n");
    /* ranges with number words at either end */
    expect("Die Kinder sind zwischen fünf und zwölf Jahren alt.",
           "zwischen fünf und zwölf Jahren|5..12|Jahre|range\n");
    expect("Ihm drohen zehn bis 20 Jahre Haft.", "zehn bis 20 Jahre|10..20|Jahre|range\n");
    expect("Die Strafen reichen von ein bis sechs Jahren.", "ein bis sechs Jahren|1..6|Jahre|range\n");
    expect("Die Sanierung dauert 3 bis 4 Wochen.", "3 bis 4 Wochen|3..4|Wochen|range\n");
    /* ranges of counted nouns */
    expect("Das Amt zählt 300 bis 450 Asylanträge am Tag.",
           "300 bis 450 Asylanträge|300..450|Asylanträge|range\n");
    expect("Es nehmen fünf bis 20 Flüchtlinge die Route.",
           "fünf bis 20 Flüchtlinge|5..20|Flüchtlinge|range\n");
    expect("Im Versteck lebten zwischen 10 und 15 Männern.",
           "zwischen 10 und 15 Männern|10..15|Männer|range\n");
    expect("Es kamen 1,5 bis 2 Millionen Flüchtlinge.",
           "1,5 bis 2 Millionen Flüchtlinge|1500000..2000000|Flüchtlinge|range\n");
    /* negative twins: a range is not its end with "bis"; "bis" before a
     * time of day, a date or a count word is no bound of a quantity */
    expect("Der Lkw wiegt von 300 bis 500 kg.", "300 bis 500 kg|300..500|kg|range\n");
    expect("Geöffnet ist bis 18 Uhr, bis Ende Mai.", "");
    expect("Er zählte eins bis zwei und hörte auf.", "");
    /* the end of a range the rules do not read is no bound */
    expect("Nur ein bis zwei Pflegekräfte sind da.", "zwei Pflegekräfte|2|Pflegekräfte|exact\n");
}

/* ---- units per something ---- */

static void test_per_unit(void **state)
{
    (void)state;
    expect("Der Wagen stößt 130 Gramm je Kilometer aus.", "130 Gramm je Kilometer|130|g/km|exact\n");
    expect("Es sind 0,015 MW/km².", "0,015 MW/km²|0.015|MW/km²|exact\n");
    expect("Das Feld fördert 1,2 Millionen Barrel pro Tag.",
           "1,2 Millionen Barrel pro Tag|1200000|Barrel/Tag|exact\n");
    /* counted things per span are counts, a per-word no unit */
    expect("Orakel hat 300 Millionen Nutzer pro Woche.",
           "300 Millionen Nutzer|300000000|Nutzer|exact\n");
    expect("Er lief 10 Kilometer pro Woche.", "10 Kilometer|10|km|exact\n");
}

static void test_temperature(void **state)
{
    (void)state;
    expect("Es wurden 39 Grad gemessen.", "39 Grad|39|°C|exact\n");
    expect("Nachts sinkt es auf minus 5 Grad.", "minus 5 Grad|-5|°C|exact\n");
    expect("Rekord: 41,7 Grad Celsius.", "41,7 Grad Celsius|41.7|°C|exact\n");
    /* a dash between words is no sign */
    expect("Wien - 20 Grad im Schatten.", "20 Grad|20|°C|exact\n");
    expect("Der Grad der Erschöpfung war hoch.", "");
    expect("Es hatte 1,85 Kelvin.", "1,85 Kelvin|1.85|K|exact\n");
    expect("Das Flugzeug verlor 3.000 Höhenmeter.", "3.000 Höhenmeter|3000|m|exact\n");
    expect("Lord Kelvin zeigte das Höhenmeterprofil.", "");
}

/* Numbers that name a road, line or aircraft, and the end of a range
 * whose start does. */
static void test_labels(void **state)
{
    (void)state;
    expect("Um 0:55 Uhr hatte ein Unfall auf der A 2 weitreichende Folgen.", "");
    expect("Auf der B 27 gab es vier Tote.", "vier Tote|4|Tote|exact\n");
    expect("Auf der B 27 vier Tote.", "vier Tote|4|Tote|exact\n");
    expect("Die Ermittler erheben nach der Landung eines A 340 schwere Vorwürfe.", "");
    expect("Die Brennweite des EF-M 15-45mm reicht.", "");
    /* an initial is no road; a range without a label stays whole */
    expect("Die Person Maja T. acht Jahre in Haft.", "acht Jahre|8|Jahre|exact\n");
    expect("Die Objektive haben 15-45mm Brennweite.", "15-45mm|15..45|mm|range\n");
    /* a paragraph, an article, a page: labels, not counts */
    expect("Nach § 5 Absätze gelten die Regeln.", "");
    expect("Laut Artikel 3 Mitgliedstaaten müssen zahlen.", "");
    expect("Siehe Seite 12 Grafiken und Tabellen.", "");
}

/* The article "ein" before a duration counts one, as eine and einen do;
 * m is a metre */
static void test_one_and_metre(void **state)
{
    (void)state;
    expect("Fast ein Jahr, nachdem er ging.", "Fast ein Jahr|1|Jahre|approx\n");
    expect("Es dauerte ein Jahrzehnt.", "ein Jahrzehnt|1|Jahrzehnte|exact\n");
    expect("Ein Kunde kam ein Mal.", "");
    expect("Die Bahn fährt auf den 1881 m hohen Berg.", "1881 m|1881|m|exact\n");
    expect("Er sprang 8,43 m weit.", "8,43 m|8.43|m|exact\n");
    expect("Typ 3 mit 2 mm Spiel.", "2 mm|2|mm|exact\n");
}

/* A fact whose words before its number reach back over the end of the
 * window around an earlier figure keeps them, wherever that end falls: a
 * qualifier ("rund") and the start of a range ("zwischen") */
static void test_window_ends(void **state)
{
    char text[1024], want[256];
    size_t pad;

    (void)state;
    for (pad = 180; pad <= 320; pad++) {
        size_t k = (size_t)snprintf(text, sizeof text, "Es kostete 110 Euro.");
        for (; k < 20 + pad; k++)
            text[k] = (k % 4 == 3) ? ' ' : 'a';
        snprintf(text + k, sizeof text - k, " rund 150 Meter und zwischen 3 und 5 Kilometer.");
        snprintf(want, sizeof want, "rund 150 Meter|150|m|approx\n"
                                    "zwischen 3 und 5 Kilometer|3..5|km|range\n");
        expect(text, want);
    }
}

/* A list that names its unit once, at its end: each number a fact with
 * that unit (and scale); a range stays one fact */
static void test_lists(void **state)
{
    (void)state;
    expect("Drei Männer im Alter von 58, 60 und 65 Jahren.",
           "Drei Männer|3|Männer|exact\n58|58|Jahre|exact\n60|60|Jahre|exact\n"
           "65 Jahren|65|Jahre|exact\n");
    expect("Die Kinder sind zehn, acht und drei Jahre alt.",
           "zehn|10|Jahre|exact\nacht|8|Jahre|exact\ndrei Jahre|3|Jahre|exact\n");
    expect("Sprünge von 94,5 und 85,5 Metern.", "94,5|94.5|m|exact\n85,5 Metern|85.5|m|exact\n");
    expect("Es waren 16 oder 17 Tage.", "16|16|Tage|exact\n17 Tage|17|Tage|exact\n");
    /* not a list */
    expect("Die Strecke misst zwischen 3 und 5 Kilometer.",
           "zwischen 3 und 5 Kilometer|3..5|km|range\n");
    expect("Die Strecke misst 3 bis 5 Kilometer.", "3 bis 5 Kilometer|3..5|km|range\n");
    expect("Die Meerestiefe von vier und fünftausend Metern.",
           "fünftausend Metern|5000|m|exact\n");
    expect("Am 3. und 4. Mai fuhr er 5 Kilometer.", "5 Kilometer|5|km|exact\n");
    /* von ... auf ...: the first number takes the unit and scale of the second */
    expect("Die Fahrt dauert statt von bisher über zwanzig nun auf etwa acht Stunden.",
           "etwa acht Stunden|8|Stunden|approx\n");
    expect("Die Fahrt verkürzt sich von bisher über zwanzig auf etwa acht Stunden.",
           "über zwanzig|20|Stunden|lower\netwa acht Stunden|8|Stunden|approx\n");
    expect("Die Zahl stieg von 1,2 auf 1,5 Millionen Einwohner.",
           "1,2|1200000|Einwohner|exact\n1,5 Millionen Einwohner|1500000|Einwohner|exact\n");
    expect("Er kam von 3 auf 4 Uhr und von Platz 3 auf 4.", "");
    expect_all("Sie erhielten 30, 25 und 10 Prozent.",
               "percent:30|30|%|exact\npercent:25|25|%|exact\npercent:10 Prozent|10|%|exact\n");
    expect_all("Es sank um 1 oder 2 Prozentpunkte.",
               "percent:1|1|pp|exact\npercent:2 Prozentpunkte|2|pp|exact\n");
    expect_all("Entschädigungen von 250, 400 und 600 Euro.",
               "money:250|250|EUR|exact\nmoney:400|400|EUR|exact\nmoney:600 Euro|600|EUR|exact\n");
    expect_all("Es kostet 2 oder 5 Milliarden Euro.",
               "money:2|2000000000|EUR|exact\nmoney:5 Milliarden Euro|5000000000|EUR|exact\n");
    expect_all("Strafen zwischen 55 und 550 Euro.",
               "money:zwischen 55 und 550 Euro|55..550|EUR|range\n");
    expect_all("Der Anteil lag 2019 und 2020 bei 5 Prozent.",
               "date:2019|2019|-|exact\ndate:2020|2020|-|exact\npercent:5 Prozent|5|%|exact\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_digits), cmocka_unit_test(test_count_dative),
        cmocka_unit_test(test_count_words),  cmocka_unit_test(test_count_not),
        cmocka_unit_test(test_number_words), cmocka_unit_test(test_qualifier_words),
        cmocka_unit_test(test_age),          cmocka_unit_test(test_duration),
        cmocka_unit_test(test_temperature), cmocka_unit_test(test_bounds_ranges),
        cmocka_unit_test(test_per_unit),     cmocka_unit_test(test_count_harm),
        cmocka_unit_test(test_labels),       cmocka_unit_test(test_one_and_metre),
        cmocka_unit_test(test_window_ends),  cmocka_unit_test(test_lists),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
