/* Unit tests of check.c: value intervals, verdicts, causes, grouping and
 * fingerprints. Every expectation below is worked out by hand from
 * DESIGN.md's rules (stated precision, 5 % for approximations, bounds,
 * ranges, dates as spans). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abgleich.h"


static abg_claim claim(const char *doc, abg_fact_type type, const char *text, double value,
                       const char *unit, abg_qualifier q)
{
    abg_claim c;

    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.source = doc;
    c.text = text;
    c.sentence = text;
    c.type = type;
    c.value = value;
    c.unit = unit;
    c.qualifier = q;
    c.subject = "Microsoft";
    c.measure = "anteil";
    c.confidence = 1;
    return c;
}

/* The group of the first claim of the last run (a copy of its fields). */
static abg_group last;
static bool last_dev[8], last_inc[8];
static char last_time[32], last_object[64], last_subject[64], last_id[17];
static double last_majority;

/* Run a check over claims[0..n), all one story, and return the verdict
 * of the group of the first claim; *cause gets its cause, *ngroups the
 * group count. */
static abg_verdict run(const abg_claim *claims, size_t n, abg_cause *cause, size_t *ngroups,
                       double tolerance)
{
    abg_check_options o = ABG_CHECK_OPTIONS_INIT;
    abg_check *chk = NULL;
    abg_ctx *ctx = NULL;
    abg_verdict v = 0;
    size_t i, k;

    o.tolerance = tolerance;
    o.scope = ABG_SCOPE_ALL;
    memset(&last, 0, sizeof last);
    assert_int_equal(abg_ctx_new(&ctx), 0);
    assert_int_equal(abg_check_new(&chk, ctx, &o), 0);
    for (i = 0; i < n; i++)
        assert_int_equal(abg_check_add(chk, ctx, &claims[i]), 0);
    assert_int_equal(abg_check_run(chk, ctx), 0);
    *ngroups = abg_check_group_count(chk);
    for (i = 0; i < *ngroups; i++) {
        const abg_group *g = abg_check_group(chk, i);
        for (k = 0; k < g->nclaims; k++)
            if (!strcmp(g->claims[k]->text, claims[0].text) &&
                !strcmp(g->claims[k]->doc, claims[0].doc)) {
                size_t j;
                v = g->verdict;
                *cause = g->cause;
                last = *g;
                snprintf(last_time, sizeof last_time, "%s", g->time ? g->time : "(null)");
                snprintf(last_object, sizeof last_object, "%s",
                         g->object ? g->object : "(null)");
                snprintf(last_subject, sizeof last_subject, "%s",
                         g->subject ? g->subject : "(null)");
                snprintf(last_id, sizeof last_id, "%s", g->id);
                last_majority = g->majority == ABG_NO_MAJORITY ? -1 : g->claims[g->majority]->value;
                /* flags in the order of the claims given */
                for (j = 0; j < g->nclaims && j < 8; j++) {
                    size_t at;
                    for (at = 0; at < n && strcmp(claims[at].text, g->claims[j]->text); at++)
                        ;
                    if (at < 8) {
                        last_dev[at] = g->deviates[j];
                        last_inc[at] = g->inconsistent[j];
                    }
                }
            }
    }
    abg_check_free(chk);
    abg_ctx_free(ctx);
    return v;
}

#define PCT ABG_FACT_PERCENT
#define MONEY ABG_FACT_MONEY
#define QTY ABG_FACT_QUANTITY

static void precision_as_stated(void **state)
{
    abg_claim c[2];
    abg_cause cause;
    size_t ng;

    (void)state;
    /* 27 spans 26.5..27.5, so 27,3 (27.25..27.35) agrees */
    c[0] = claim("a", PCT, "27 %", 27, "%", ABG_QUAL_EXACT);
    c[1] = claim("b", PCT, "27,3 %", 27.3, "%", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    assert_int_equal(ng, 1);
    /* 27 and 28 only touch at 27.5: a conflict, no cause */
    c[1] = claim("b", PCT, "28 %", 28, "%", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_NONE);
    /* 135 Milliarden spans 134.5e9..135.5e9: 134,8 Milliarden agrees */
    c[0] = claim("a", MONEY, "135 Milliarden US-Dollar", 135e9, "USD", ABG_QUAL_EXACT);
    c[1] = claim("b", MONEY, "134,8 Milliarden Dollar", 134.8e9, "USD", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
}

static void approximation_and_tolerance(void **state)
{
    abg_claim c[2];
    abg_cause cause;
    size_t ng;

    (void)state;
    /* rund 100 with 5 %: 94.5..105.5; 105 agrees, 107 does not */
    c[0] = claim("a", MONEY, "rund 100 Millionen Euro", 100e6, "EUR", ABG_QUAL_APPROX);
    c[1] = claim("b", MONEY, "105 Millionen Euro", 105e6, "EUR", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    c[1] = claim("b", MONEY, "107 Millionen Euro", 107e6, "EUR", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    /* with 10 %: 89.5..110.5, so 107 agrees */
    assert_int_equal(run(c, 2, &cause, &ng, 0.10), ABG_VERDICT_AGREE);
    /* and below: 95 agrees with 5 %, 93 does not (94.5 is the floor) */
    c[1] = claim("b", MONEY, "95 Millionen Euro", 95e6, "EUR", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    c[1] = claim("b", MONEY, "93 Millionen Euro", 93e6, "EUR", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
}

static void bounds_and_ranges(void **state)
{
    abg_claim c[2];
    abg_cause cause;
    size_t ng;

    (void)state;
    c[0] = claim("a", MONEY, "über 13 Milliarden Dollar", 13e9, "USD", ABG_QUAL_LOWER);
    c[1] = claim("b", MONEY, "13,5 Milliarden Dollar", 13.5e9, "USD", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    /* 12 spans 11.5..12.5, below 13 */
    c[1] = claim("b", MONEY, "12 Milliarden Dollar", 12e9, "USD", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    /* bis zu 10 against 9 agrees */
    c[0] = claim("a", MONEY, "bis zu 10 Millionen Euro", 10e6, "EUR", ABG_QUAL_UPPER);
    c[1] = claim("b", MONEY, "9 Millionen Euro", 9e6, "EUR", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    /* 2 bis 4 Prozent (1.5..4.5) against 3 and against 6 */
    c[0] = claim("a", PCT, "2 bis 4 Prozent", 2, "%", ABG_QUAL_RANGE);
    c[0].value_to = 4;
    c[0].has_value_to = 1;
    c[1] = claim("b", PCT, "3 Prozent", 3, "%", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    c[1] = claim("b", PCT, "6 Prozent", 6, "%", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
}

static void causes(void **state)
{
    abg_claim c[2];
    abg_cause cause;
    size_t ng;

    (void)state;
    /* Milliarden against Billionen: a factor of 1000 */
    c[0] = claim("a", MONEY, "250 Milliarden US-Dollar", 250e9, "USD", ABG_QUAL_EXACT);
    c[1] = claim("b", MONEY, "250 Billionen US-Dollar", 250e12, "USD", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_SCALE);
    /* ... a million: Millionen against Billionen; a billion: 250 against
     * 250 Milliarden; not a factor of 10,000 (no slip of a scale word) */
    c[0] = claim("a", MONEY, "250 Millionen US-Dollar", 250e6, "USD", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_SCALE);
    c[0] = claim("a", MONEY, "250 US-Dollar", 250, "USD", ABG_QUAL_EXACT);
    c[1] = claim("b", MONEY, "250 Milliarden US-Dollar", 250e9, "USD", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_SCALE);
    c[0] = claim("a", MONEY, "250 Millionen US-Dollar", 250e6, "USD", ABG_QUAL_EXACT);
    c[1] = claim("b", MONEY, "2,5 Billionen US-Dollar", 2.5e12, "USD", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_NONE);
    c[0] = claim("a", MONEY, "250 Milliarden US-Dollar", 250e9, "USD", ABG_QUAL_EXACT);
    c[1] = claim("b", MONEY, "250 Billionen US-Dollar", 250e12, "USD", ABG_QUAL_EXACT);
    /* euros and dollars are never compared as numbers, even when equal */
    c[1] = claim("b", MONEY, "250 Milliarden Euro", 250e9, "EUR", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_CURRENCY);
    /* percent against percentage points */
    c[0] = claim("a", PCT, "3 Prozent", 3, "%", ABG_QUAL_EXACT);
    c[1] = claim("b", PCT, "3 Prozentpunkte", 3, "pp", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_UNIT);
    /* before an event against the current state */
    c[0] = claim("a", PCT, "32,5 %", 32.5, "%", ABG_QUAL_EXACT);
    c[0].time = "before:Kapitalrunde";
    c[1] = claim("b", PCT, "27 %", 27, "%", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_TIME);
    c[1].time = "now";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_TIME);
    /* two words for the new state are one scope: no time cause */
    c[0].time = "now";
    c[1].time = NULL;
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_NONE);
    /* a running count that differs was updated: cause time */
    c[0] = claim("a", ABG_FACT_QUANTITY, "mindestens 9 Tote", 9, "Tote", ABG_QUAL_EXACT);
    c[1] = claim("b", ABG_FACT_QUANTITY, "23 Tote", 23, "Tote", ABG_QUAL_EXACT);
    c[0].measure = c[1].measure = "tote";
    c[0].running = c[1].running = true;
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_TIME);
    c[0].running = c[1].running = false;
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_NONE);
    /* durations are compared in seconds: zwölf Monate are ein Jahr (which
     * as written means half a year to one and a half), 24 Monate are not;
     * months are no count of people */
    c[0] = claim("a", ABG_FACT_QUANTITY, "zwölf Monate", 12, "Monate", ABG_QUAL_EXACT);
    c[1] = claim("b", ABG_FACT_QUANTITY, "ein Jahr", 1, "Jahre", ABG_QUAL_EXACT);
    c[0].measure = c[1].measure = "haft";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    c[0].value = 24;
    c[0].text = "24 Monate";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_NONE);
    c[1] = claim("b", ABG_FACT_QUANTITY, "24 Menschen", 24, "Menschen", ABG_QUAL_EXACT);
    c[1].measure = "haft";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 2);
    /* a unit per something is compared with its like only */
    c[0] = claim("a", ABG_FACT_QUANTITY, "130 Gramm je Kilometer", 130, "g/km", ABG_QUAL_EXACT);
    c[1] = claim("b", ABG_FACT_QUANTITY, "130 g/km", 130, "g/km", ABG_QUAL_EXACT);
    c[0].measure = c[1].measure = "ausstoss";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    c[1] = claim("b", ABG_FACT_QUANTITY, "130 Fahrzeuge", 130, "Fahrzeuge", ABG_QUAL_EXACT);
    c[1].measure = "ausstoss";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 2);
}

static void dates_are_spans_and_end_points(void **state)
{
    abg_claim c[2];
    abg_cause cause;
    size_t ng;

    (void)state;
    c[0] = claim("a", ABG_FACT_DATE, "bis 2032", 0, NULL, ABG_QUAL_UPPER);
    strcpy(c[0].date, "2032");
    c[1] = claim("b", ABG_FACT_DATE, "bis 2030", 0, NULL, ABG_QUAL_UPPER);
    strcpy(c[1].date, "2030");
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    /* a month lies inside its year, a quarter holds its months */
    strcpy(c[1].date, "2032-05");
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    strcpy(c[0].date, "2024-Q4");
    strcpy(c[1].date, "2024-11-03");
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    strcpy(c[1].date, "2024-09");
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    /* seit and bis are different end points: never one group */
    c[1] = claim("b", ABG_FACT_DATE, "seit 2024", 0, NULL, ABG_QUAL_LOWER);
    strcpy(c[1].date, "2024");
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 2);
}

/* Days covered by date values: counted by hand from the calendar. */
static void date_values(void **state)
{
    abg_date d;
    double a, b;

    (void)state;
    assert_int_equal(abg_date_days("1970-01", &a, &b), 0);
    assert_true(a == 0 && b == 31);
    assert_int_equal(abg_date_days("1970-03-01", &a, &b), 0);
    assert_true(a == 59 && b == 60); /* 31 + 28 days before it */
    assert_int_equal(abg_date_days("2024-Q4", &a, &b), 0);
    assert_true(b - a == 92); /* October 31 + November 30 + December 31 */
    assert_int_equal(abg_date_days("2024-H1", &a, &b), 0);
    assert_true(b - a == 182); /* a leap year: 31 + 29 + 31 + 30 + 31 + 30 */
    assert_int_equal(abg_date_days("2023", &a, &b), 0);
    assert_true(b - a == 365);
    assert_int_equal(abg_date_parse(&d, "2025-H2"), 0);
    assert_true(d.year == 2025 && d.part == 'H' && d.month == 2 && d.day == 0);
    assert_int_equal(abg_date_parse(&d, "2025-10-28"), 0);
    assert_true(d.year == 2025 && d.month == 10 && d.day == 28 && d.part == 0);
    assert_int_equal(abg_date_parse(&d, "2025-13"), -1);
    assert_int_equal(abg_date_parse(&d, "2025-Q5"), -1);
    assert_int_equal(abg_date_parse(&d, "Mai 2025"), -1);
}

static void grouping(void **state)
{
    abg_claim c[4];
    abg_cause cause;
    size_t ng;

    (void)state;
    /* one document stating two values is not a conflict with itself */
    c[0] = claim("a", PCT, "27 %", 27, "%", ABG_QUAL_EXACT);
    c[1] = claim("a", PCT, "32,5 %", 32.5, "%", ABG_QUAL_EXACT);
    c[1].offset = 100;
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    /* other subjects, measures and roles stay apart */
    c[1] = claim("b", PCT, "26 %", 26, "%", ABG_QUAL_EXACT);
    c[1].subject = "OpenAI Foundation";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 2);
    c[1] = claim("b", PCT, "26 %", 26, "%", ABG_QUAL_EXACT);
    c[1].measure = "marktanteil";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 2);
    c[1] = claim("b", PCT, "26 %", 26, "%", ABG_QUAL_EXACT);
    c[1].role = ABG_ROLE_CHANGE;
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 2);
    /* no measure, or not a claim (a dateline): never grouped */
    c[1] = claim("b", PCT, "27 %", 27, "%", ABG_QUAL_EXACT);
    c[1].measure = NULL;
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 2);
    c[1] = claim("b", PCT, "27 %", 27, "%", ABG_QUAL_EXACT);
    c[1].skip = "conversion";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 2);
    /* no subject: grouped only when the measure is sure (29 % would be a
     * conflict; the same figure joins by value, see same_figure) */
    c[1] = claim("b", PCT, "29 %", 29, "%", ABG_QUAL_EXACT);
    c[0].subject = c[1].subject = NULL;
    c[0].confidence = c[1].confidence = 0.4;
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 2);
    c[1] = claim("b", PCT, "27 %", 27, "%", ABG_QUAL_EXACT);
    c[1].subject = NULL;
    c[0].confidence = c[1].confidence = 0.8;
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    assert_int_equal(ng, 1);
    c[0] = claim("a", PCT, "27 %", 27, "%", ABG_QUAL_EXACT);
    /* explicit times apart are a series; no time joins the one there is */
    c[0].time = "2023";
    c[1] = claim("b", PCT, "29 %", 29, "%", ABG_QUAL_EXACT);
    c[1].time = "2024";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 2);
    c[1].time = NULL;
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(ng, 1);
    assert_string_equal(last_time, "2023");
    c[2] = claim("c", PCT, "31 %", 31, "%", ABG_QUAL_EXACT);
    c[2].time = "2025";
    assert_int_equal(run(c, 3, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 3);
    /* objects: none joins the one there is, and OpenAI joins OpenAI Group PBC;
     * two parties stay apart, and so does a claim without one */
    c[0] = claim("a", PCT, "27 %", 27, "%", ABG_QUAL_EXACT);
    c[0].object = "OpenAI Group PBC";
    c[1] = claim("b", PCT, "27 Prozent", 27, "%", ABG_QUAL_EXACT);
    c[1].object = "OpenAI";
    c[2] = claim("c", PCT, "rund 27 %", 27, "%", ABG_QUAL_APPROX);
    assert_int_equal(run(c, 3, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    assert_int_equal(ng, 1);
    assert_string_equal(last_object, "OpenAI");
    c[1].object = "Inflection";
    assert_int_equal(run(c, 3, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 3);
    /* three agree, one deviates: one group, a conflict */
    c[1] = claim("b", PCT, "27 %", 27, "%", ABG_QUAL_EXACT);
    c[2] = claim("c", PCT, "rund 27 %", 27, "%", ABG_QUAL_APPROX);
    c[3] = claim("d", PCT, "32,5 %", 32.5, "%", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 4, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(ng, 1);
    /* the majority: 27 in three sources; d deviates */
    assert_int_equal(last.sources, 4);
    assert_int_equal(last.majority_sources, 3);
    assert_true(last_majority == 27);
    assert_false(last_dev[0] || last_dev[1] || last_dev[2]);
    assert_true(last_dev[3]);
    /* two outlets of one source name count once */
    c[1].source = "a";
    assert_int_equal(run(c, 4, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(last.sources, 3);
    assert_int_equal(last.majority_sources, 2);
    /* one against one: a tie, nobody is the majority, nobody deviates */
    assert_int_equal(run(c + 2, 2, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(last.sources, 2);
    assert_true(last.majority == ABG_NO_MAJORITY);
    assert_true(last_majority == -1);
    assert_false(last_dev[0] || last_dev[1]);
}

/* Names of one party written differently are one subject: a last name
 * and the full name, marks ("İmamoğlu", "Imamoglu"), a genitive s
 * ("Kirks"); other names stay apart, also with two such variants beside
 * them. */
static void name_variants(void **state)
{
    abg_claim c[3];
    abg_cause cause;
    size_t ng;

    (void)state;
    c[0] = claim("a", PCT, "27 %", 27, "%", ABG_QUAL_EXACT);
    c[1] = claim("b", PCT, "27 Prozent", 27, "%", ABG_QUAL_EXACT);
    c[0].subject = "Ekrem İmamoğlu";
    c[1].subject = "Imamoglu";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    assert_string_equal(last_subject, "Ekrem İmamoğlu");
    c[0].subject = "Kirk";
    c[1].subject = "Kirks";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    assert_string_equal(last_subject, "Kirk");
    c[2] = claim("c", PCT, "27,0 %", 27, "%", ABG_QUAL_EXACT);
    c[2].subject = "Charlie Kirk";
    assert_int_equal(run(c, 3, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    assert_int_equal(ng, 1);
    assert_string_equal(last_subject, "Charlie Kirk");
    /* not one party: another last name, a name that only starts alike
     * (29 %: one group would be a conflict) */
    c[1] = claim("b", PCT, "29 Prozent", 29, "%", ABG_QUAL_EXACT);
    c[1].subject = "Kirkland";
    assert_int_equal(run(c, 3, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    assert_int_equal(ng, 2);
    c[0].subject = "Mars";
    c[1].subject = "Marsa";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 2);
}

/* A check run over claims[0..n) whose documents (each added once) were
 * published on days[0..n) (NULL: undated), all one story; *ctx gets its
 * context. */
static abg_check *checked(abg_ctx **ctx, const abg_claim *claims, const char *const *days,
                          size_t n)
{
    abg_check_options o = ABG_CHECK_OPTIONS_INIT;
    abg_check *chk = NULL;
    size_t i, k;

    o.scope = ABG_SCOPE_ALL;
    assert_int_equal(abg_ctx_new(ctx), 0);
    assert_int_equal(abg_check_new(&chk, *ctx, &o), 0);
    for (i = 0; i < n; i++) {
        abg_check_doc d;
        memset(&d, 0, sizeof d);
        d.doc = claims[i].doc;
        d.source = claims[i].doc;
        d.published = days[i];
        for (k = 0; k < i && strcmp(claims[k].doc, d.doc); k++)
            ;
        if (k == i)
            assert_int_equal(abg_check_add_doc(chk, *ctx, &d), 0);
        assert_int_equal(abg_check_add(chk, *ctx, &claims[i]), 0);
    }
    assert_int_equal(abg_check_run(chk, *ctx), 0);
    return chk;
}

/* The number of groups of such a check; of them conflicts, when asked. */
static size_t groups_and_conflicts(const abg_claim *claims, const char *const *days, size_t n,
                                   size_t *conflicts)
{
    abg_ctx *ctx = NULL;
    abg_check *chk = checked(&ctx, claims, days, n);
    size_t i, ng = abg_check_group_count(chk);

    if (conflicts)
        for (i = 0, *conflicts = 0; i < ng; i++)
            *conflicts += abg_check_group(chk, i)->verdict == ABG_VERDICT_CONFLICT;
    abg_check_free(chk);
    abg_ctx_free(ctx);
    return ng;
}

static size_t groups_by_day(const abg_claim *claims, const char *const *days, size_t n)
{
    return groups_and_conflicts(claims, days, n, NULL);
}

/* Claims with no time word speak of their documents' days: more than
 * three days apart they are of different times; running counts are of one
 * time within a day, counted back from the latest report;
 * the figures of one match are one event only within a day, and those of
 * undated documents never; a claim with no time joins an explicit day
 * only when its document is of a day near it, and no time that ended
 * longer before its document than half its length. */
static void days_apart(void **state)
{
    abg_claim c[2];
    const char *near[] = {"2026-03-02", "2026-03-05"}, *far[] = {"2026-03-02", "2026-03-07"};
    const char *next[] = {"2026-03-02", "2026-03-03"}, *none[] = {NULL, NULL};
    const char *late[] = {"2026-03-05", "2026-03-07"};

    (void)state;
    c[0] = claim("a", ABG_FACT_QUANTITY, "40 Raketen", 40, "Raketen", ABG_QUAL_EXACT);
    c[1] = claim("b", ABG_FACT_QUANTITY, "45 Raketen", 45, "Raketen", ABG_QUAL_EXACT);
    c[0].measure = c[1].measure = "raketen";
    assert_int_equal(groups_by_day(c, near, 2), 1);
    assert_int_equal(groups_by_day(c, far, 2), 2);
    assert_int_equal(groups_by_day(c, none, 2), 1);
    c[0].running = c[1].running = true;
    assert_int_equal(groups_by_day(c, far, 2), 2);
    assert_int_equal(groups_by_day(c, near, 2), 2);
    assert_int_equal(groups_by_day(c, next, 2), 1);
    assert_int_equal(groups_by_day(c, none, 2), 1);
    c[0].running = c[1].running = false;
    {
        /* 9 dead on Monday, 23 on Tuesday and Wednesday: the latest two
         * agree, Monday's count is an earlier state (counted forward from
         * Monday, 9 and 23 would be one group in conflict) */
        abg_claim r[3];
        const char *three[] = {"2026-03-02", "2026-03-03", "2026-03-04"};
        size_t nc = 9;
        r[0] = claim("a", ABG_FACT_QUANTITY, "9 Tote", 9, "Tote", ABG_QUAL_EXACT);
        r[1] = claim("b", ABG_FACT_QUANTITY, "23 Tote", 23, "Tote", ABG_QUAL_EXACT);
        r[2] = claim("c", ABG_FACT_QUANTITY, "23 Tote", 23, "Tote", ABG_QUAL_EXACT);
        r[0].measure = r[1].measure = r[2].measure = "tote";
        r[0].running = r[1].running = r[2].running = true;
        assert_int_equal(groups_and_conflicts(r, three, 3, &nc), 2);
        assert_int_equal(nc, 0);
    }
    c[0].measure = c[1].measure = "zuschauer";
    c[0].match = c[1].match = true;
    assert_int_equal(groups_by_day(c, next, 2), 1);
    assert_int_equal(groups_by_day(c, near, 2), 2);
    assert_int_equal(groups_by_day(c, none, 2), 2);
    /* an explicit time decides alone */
    c[0].time = c[1].time = "2026-03-01";
    assert_int_equal(groups_by_day(c, none, 2), 1);
    /* a claim with no time joins an explicit day only near its own */
    c[0].match = c[1].match = false;
    c[0].time = NULL;
    c[1].time = "2026-03-07";
    assert_int_equal(groups_by_day(c, far, 2), 2);
    assert_int_equal(groups_by_day(c, late, 2), 1);
    c[1].time = "2026";
    assert_int_equal(groups_by_day(c, far, 2), 1);
    /* ... a year that ended before it only for a claim with no time, and
     * only within a year ("the results of 2025", reported in March 2026);
     * "now" or 1956 never */
    c[1].time = "2025";
    assert_int_equal(groups_by_day(c, far, 2), 1);
    c[0].time = "now";
    assert_int_equal(groups_by_day(c, far, 2), 2);
    c[0].time = NULL;
    c[1].time = "1956";
    assert_int_equal(groups_by_day(c, far, 2), 2);
    assert_int_equal(groups_by_day(c, none, 2), 1);
    /* a month within half a month after it, not later */
    c[1].time = "2026-02";
    assert_int_equal(groups_by_day(c, far, 2), 1);
    c[1].time = "2026-01";
    assert_int_equal(groups_by_day(c, far, 2), 2);
    /* the current state is of no time that begins after its document (the
     * price of next year); a claim with no time may be (a forecast) */
    c[1].time = "2027";
    assert_int_equal(groups_by_day(c, far, 2), 1);
    c[0].time = "now";
    assert_int_equal(groups_by_day(c, far, 2), 2);
    c[1].time = "2026";
    assert_int_equal(groups_by_day(c, far, 2), 1);
}

/* With several explicit times, a claim with no time is of the shortest of
 * them that holds its document's day: a rate of January beside one of
 * December, in a report of 30 January. */
static void time_of_publication_day(void **state)
{
    abg_claim c[3];
    const char *days[] = {"2026-01-30", "2026-01-30", "2026-01-30"};
    const char *feb[] = {"2026-01-30", "2026-01-30", "2026-02-20"};

    (void)state;
    c[0] = claim("a", PCT, "6,1 Prozent", 6.1, "%", ABG_QUAL_EXACT);
    c[1] = claim("b", PCT, "6,4 Prozent", 6.4, "%", ABG_QUAL_EXACT);
    c[2] = claim("c", PCT, "6,4 Prozent", 6.4, "%", ABG_QUAL_EXACT);
    c[0].measure = c[1].measure = c[2].measure = "arbeitslosenquote";
    c[0].time = "2025-12";
    c[1].time = "2026-01";
    assert_int_equal(groups_by_day(c, days, 3), 2);
    /* a report of 20 February holds neither month */
    assert_int_equal(groups_by_day(c, feb, 3), 3);
}

/* A document that states two values for one key is inconsistent in
 * itself; it is left out of the verdict. The group agrees when the other
 * report meets one of its values, else it is single. */
static void inconsistent_documents(void **state)
{
    abg_claim c[3];
    abg_cause cause;
    size_t ng;

    (void)state;
    c[0] = claim("a", PCT, "27 %", 27, "%", ABG_QUAL_EXACT);
    c[1] = claim("a", PCT, "32 %", 32, "%", ABG_QUAL_EXACT);
    c[1].offset = 100;
    c[2] = claim("b", PCT, "27 Prozent", 27, "%", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 3, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    assert_int_equal(ng, 1);
    assert_true(last_inc[0] && last_inc[1]);
    assert_false(last_inc[2]);
    /* ... and when the one consistent report meets none of its values,
     * nothing agrees (and nothing is set against the inconsistent one) */
    c[2] = claim("b", PCT, "40 Prozent", 40, "%", ABG_QUAL_EXACT);
    assert_int_equal(run(c, 3, &cause, &ng, 0.05), ABG_VERDICT_SINGLE);
    assert_int_equal(ng, 1);
    assert_true(last_inc[0] && last_inc[1]);
    c[2] = claim("b", PCT, "27 Prozent", 27, "%", ABG_QUAL_EXACT);
    /* an old value beside the new one is no inconsistency */
    c[1].time = "before:Kapitalrunde";
    assert_int_equal(run(c, 3, &cause, &ng, 0.05), ABG_VERDICT_CONFLICT);
    assert_int_equal(cause, ABG_CAUSE_TIME);
    assert_false(last_inc[0] || last_inc[1]);
}

/* The groups of such a check, none of them a conflict; *conf gets the
 * confidence of the group of the first claim. */
static size_t figure_groups(const abg_claim *claims, const char *const *days, size_t n,
                            double *conf)
{
    abg_ctx *ctx = NULL;
    abg_check *chk = checked(&ctx, claims, days, n);
    size_t i, k, ng;

    ng = abg_check_group_count(chk);
    for (i = 0; i < ng; i++) {
        const abg_group *g = abg_check_group(chk, i);
        assert_int_not_equal(g->verdict, ABG_VERDICT_CONFLICT);
        for (k = 0; k < g->nclaims; k++)
            if (g->claims[k]->offset == claims[0].offset && !strcmp(g->claims[k]->doc, claims[0].doc))
                *conf = g->confidence;
    }
    abg_check_free(chk);
    abg_ctx_free(ctx);
    return ng;
}

/* Claims that their keys keep apart (other measure words, other or no
 * subjects) are one group when documents of one story, a few days apart,
 * state the same figure: type, unit, value and role; such a group only
 * agrees and is less sure (0.8 of the claims' confidence). Not so with
 * another value or unit, bounds of both directions, two explicit times,
 * days apart, a dateline, undated documents whose measures differ, two
 * objects (stakes in two firms), or a document that gives the figure to
 * two parties. Counts of other nouns match when both name one measure or
 * the nouns are one word in two forms. A group of several documents whose
 * values all meet takes in a claim of one of its figures. */
static void same_figure(void **state)
{
    abg_claim c[5];
    const char *near[] = {"2026-03-02", "2026-03-03", "2026-03-03", "2026-03-04", "2026-03-04"};
    const char *far[] = {"2026-03-02", "2026-03-09"};
    const char *none[] = {NULL, NULL};
    double conf = 0;

    (void)state;
    c[0] = claim("a", QTY, "123 politische Gefangene", 123, "Gefangene", ABG_QUAL_EXACT);
    c[0].measure = "freilassungen";
    c[0].subject = "Deutschland";
    c[1] = claim("b", QTY, "123 politische Gefangene", 123, "Gefangene", ABG_QUAL_EXACT);
    c[1].measure = "gefang";
    c[1].subject = "Belarus";
    assert_int_equal(figure_groups(c, near, 2, &conf), 1);
    assert_true(conf > 0.79 && conf < 0.81);
    c[1].measure = NULL; /* no measure at all */
    c[1].subject = NULL;
    assert_int_equal(figure_groups(c, near, 2, &conf), 1);
    assert_int_equal(figure_groups(c, far, 2, &conf), 2);
    assert_int_equal(figure_groups(c, none, 2, &conf), 2);
    c[1].measure = "freilassungen"; /* undated, one measure */
    c[1].subject = "Belarus";
    assert_int_equal(figure_groups(c, none, 2, &conf), 1);
    c[1].measure = "gefang";
    c[1].value = 124;
    assert_int_equal(figure_groups(c, near, 2, &conf), 2);
    c[1].value = 123;
    c[1].unit = "Häftlinge";
    assert_int_equal(figure_groups(c, near, 2, &conf), 2);
    c[1].unit = "Gefangene";
    c[1].role = ABG_ROLE_CHANGE;
    assert_int_equal(figure_groups(c, near, 2, &conf), 2);
    c[1].role = ABG_ROLE_LEVEL;
    c[0].qualifier = ABG_QUAL_LOWER; /* mehr als 123 */
    assert_int_equal(figure_groups(c, near, 2, &conf), 1);
    c[1].qualifier = ABG_QUAL_UPPER; /* weniger als 123 */
    assert_int_equal(figure_groups(c, near, 2, &conf), 2);
    c[0].qualifier = c[1].qualifier = ABG_QUAL_EXACT;
    c[0].time = "2024";
    assert_int_equal(figure_groups(c, near, 2, &conf), 1);
    c[1].time = "2025";
    assert_int_equal(figure_groups(c, near, 2, &conf), 2);
    c[0].time = c[1].time = NULL;
    c[0].object = "OpenAI";
    assert_int_equal(figure_groups(c, near, 2, &conf), 1);
    c[1].object = "Inflection";
    assert_int_equal(figure_groups(c, near, 2, &conf), 2);
    c[0].object = c[1].object = NULL;
    c[1].skip = "dateline";
    assert_int_equal(figure_groups(c, near, 2, &conf), 2);
    c[1].skip = NULL;
    /* one document alone stating it twice: nothing to match */
    c[1].doc = c[1].source = "a";
    c[1].offset = 100;
    c[1].subject = NULL;
    assert_int_equal(figure_groups(c, near, 2, &conf), 2);
    c[1].doc = c[1].source = "b";
    c[1].subject = "Belarus";
    /* a count needs its noun */
    c[0].unit = c[1].unit = NULL;
    assert_int_equal(figure_groups(c, near, 2, &conf), 2);
    /* a count of another noun: the same when both name one measure, or
     * the nouns are one word in two forms; not two nouns that differ */
    c[0] = claim("a", QTY, "40 Menschen", 40, "Menschen", ABG_QUAL_EXACT);
    c[0].measure = "tote";
    c[0].subject = "Schweiz";
    c[1] = claim("b", QTY, "40 Todesopfer", 40, "Todesopfer", ABG_QUAL_EXACT);
    c[1].measure = "tote";
    c[1].subject = "Italien";
    assert_int_equal(figure_groups(c, near, 2, &conf), 1);
    c[1].measure = "opfer";
    assert_int_equal(figure_groups(c, near, 2, &conf), 2);
    c[0] = claim("a", QTY, "5.000 US-Soldaten", 5000, "US-Soldaten", ABG_QUAL_EXACT);
    c[0].measure = "abzug";
    c[1] = claim("b", QTY, "5.000 Soldaten", 5000, "Soldaten", ABG_QUAL_EXACT);
    c[1].measure = "soldaten";
    assert_int_equal(figure_groups(c, near, 2, &conf), 1);
    c[0].unit = "Misstrauensvoten";
    c[1].unit = "Misstrauensvota";
    assert_int_equal(figure_groups(c, near, 2, &conf), 1);
    c[0].unit = "Polizisten";
    c[1].unit = "Töchter";
    assert_int_equal(figure_groups(c, near, 2, &conf), 2);
    c[0].unit = "Kampfjets";
    c[1].unit = "Kampfdrohnen";
    assert_int_equal(figure_groups(c, near, 2, &conf), 2);
    /* a document counting two nouns with the figure: nothing joins it */
    c[0].unit = "Richter";
    c[1].unit = "Richterposten";
    c[2] = c[1];
    c[2].doc = c[2].source = "a";
    c[2].offset = 100;
    c[2].measure = "abzug";
    assert_int_equal(figure_groups(c, near, 3, &conf), 2);
    /* a figure two outlets agree on takes a third that names it
     * otherwise; with two such groups of one figure, it joins neither */
    c[0] = claim("a", PCT, "25 Prozent", 25, "%", ABG_QUAL_EXACT);
    c[1] = claim("b", PCT, "25 %", 25, "%", ABG_QUAL_EXACT);
    c[2] = claim("c", PCT, "25 Prozent", 25, "%", ABG_QUAL_EXACT);
    c[2].measure = "zoll";
    c[2].subject = NULL;
    assert_int_equal(figure_groups(c, near, 3, &conf), 1);
    c[2].subject = "EU";
    c[3] = c[2];
    c[3].doc = c[3].source = "d";
    c[4] = claim("e", PCT, "25 Prozent", 25, "%", ABG_QUAL_EXACT);
    c[4].measure = "marktanteil";
    c[4].subject = NULL;
    assert_int_equal(figure_groups(c, near, 5, &conf), 3);
    /* a group of several outlets whose values all meet takes a claim of
     * one of its figures that meets them all ("knapp 135" beside 134,8,
     * "rund 135" and "über 130"); not one whose document gives the group
     * another figure, nor one whose figure the group does not state */
    c[0] = claim("a", MONEY, "134,8 Milliarden Euro", 134.8e9, "EUR", ABG_QUAL_EXACT);
    c[1] = claim("b", MONEY, "rund 135 Milliarden Euro", 135e9, "EUR", ABG_QUAL_APPROX);
    c[2] = claim("c", MONEY, "über 130 Milliarden Euro", 130e9, "EUR", ABG_QUAL_LOWER);
    c[3] = claim("d", MONEY, "knapp 135 Milliarden Euro", 135e9, "EUR", ABG_QUAL_APPROX);
    c[0].measure = c[1].measure = c[2].measure = "etat";
    c[3].measure = "haushalt";
    c[3].subject = NULL;
    assert_int_equal(figure_groups(c, near, 4, &conf), 1);
    c[3].doc = c[3].source = "a";
    c[3].offset = 100;
    assert_int_equal(figure_groups(c, near, 4, &conf), 2);
    c[3].doc = c[3].source = "d";
    c[3].text = "mehr als 135 Milliarden Euro";
    c[3].qualifier = ABG_QUAL_LOWER;
    assert_int_equal(figure_groups(c, near, 4, &conf), 2);
    c[3].text = "knapp 135 Milliarden Euro";
    c[3].qualifier = ABG_QUAL_APPROX;
    c[1] = claim("b", MONEY, "134,8 Milliarden Euro", 134.8e9, "EUR", ABG_QUAL_EXACT);
    c[1].measure = "etat";
    assert_int_equal(figure_groups(c, near, 4, &conf), 2);
    /* one document gives 25 % to two parties: a list, nothing joins */
    c[0] = claim("a", PCT, "25 Prozent", 25, "%", ABG_QUAL_EXACT);
    c[0].subject = "SPD";
    c[0].measure = "stimmenanteil";
    c[1] = c[0];
    c[1].subject = "CDU";
    c[1].offset = 100;
    c[2] = claim("c", PCT, "25 Prozent", 25, "%", ABG_QUAL_EXACT);
    c[2].subject = "SPD";
    c[2].measure = "wahlergebnis";
    assert_int_equal(figure_groups(c, near, 3, &conf), 3);
    c[1].subject = "SPD";
    assert_int_equal(figure_groups(c, near, 3, &conf), 1);
}

/* Group ids: FNV-1a 64 (offset basis 14695981039346656037, prime
 * 1099511628211) of type, family, measure, role, subject, object and time
 * joined by U+001F, written here independently of the library. */
static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull; /* 14695981039346656037 */
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static void fingerprints(void **state)
{
    static const char key[] = "percent\x1f"
                              "percent\x1f"
                              "anteil\x1f"
                              "level\x1f"
                              "Microsoft\x1f"
                              "OpenAI\x1f"
                              "2025";
    abg_claim c[2];
    abg_cause cause;
    size_t ng;
    char want[17];

    (void)state;
    /* the FNV-1a test vector: "a" is af63dc4c8601ec8c */
    assert_true(fnv("a", 1) == 0xaf63dc4c8601ec8cull);
    c[0] = claim("a", PCT, "27 %", 27, "%", ABG_QUAL_EXACT);
    c[1] = claim("b", PCT, "27 Prozent", 27, "%", ABG_QUAL_EXACT);
    c[0].object = c[1].object = "OpenAI";
    c[0].time = "2025";
    assert_int_equal(run(c, 2, &cause, &ng, 0.05), ABG_VERDICT_AGREE);
    snprintf(want, sizeof want, "%016llx", (unsigned long long)fnv(key, sizeof key - 1));
    assert_string_equal(last_id, want);
}

/* The same claims in another order give the same groups and ids. */
static void order_does_not_matter(void **state)
{
    abg_claim c[3];
    abg_check *x = NULL, *y = NULL;
    abg_ctx *ctx = NULL;
    size_t i;

    (void)state;
    c[0] = claim("a", PCT, "27 %", 27, "%", ABG_QUAL_EXACT);
    c[1] = claim("b", PCT, "32,5 %", 32.5, "%", ABG_QUAL_EXACT);
    c[2] = claim("c", MONEY, "135 Mrd. $", 135e9, "USD", ABG_QUAL_EXACT);
    assert_int_equal(abg_ctx_new(&ctx), 0);
    {
        abg_check_options o = ABG_CHECK_OPTIONS_INIT;
        o.scope = ABG_SCOPE_ALL;
        assert_int_equal(abg_check_new(&x, ctx, &o), 0);
        assert_int_equal(abg_check_new(&y, ctx, &o), 0);
    }
    for (i = 0; i < 3; i++) {
        assert_int_equal(abg_check_add(x, ctx, &c[i]), 0);
        assert_int_equal(abg_check_add(y, ctx, &c[2 - i]), 0);
    }
    assert_int_equal(abg_check_run(x, ctx), 0);
    assert_int_equal(abg_check_run(y, ctx), 0);
    assert_int_equal(abg_check_group_count(x), abg_check_group_count(y));
    for (i = 0; i < abg_check_group_count(x); i++)
        assert_string_equal(abg_check_group(x, i)->id, abg_check_group(y, i)->id);
    /* conflicts come first */
    assert_int_equal(abg_check_group(x, 0)->verdict, ABG_VERDICT_CONFLICT);
    assert_int_equal(strlen(abg_check_group(x, 0)->id), 16);
    abg_check_free(x);
    abg_check_free(y);
    abg_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(precision_as_stated),
        cmocka_unit_test(approximation_and_tolerance),
        cmocka_unit_test(bounds_and_ranges),
        cmocka_unit_test(causes),
        cmocka_unit_test(dates_are_spans_and_end_points),
        cmocka_unit_test(date_values),
        cmocka_unit_test(grouping),
        cmocka_unit_test(name_variants),
        cmocka_unit_test(same_figure),
        cmocka_unit_test(days_apart),
        cmocka_unit_test(time_of_publication_day),
        cmocka_unit_test(inconsistent_documents),
        cmocka_unit_test(fingerprints),
        cmocka_unit_test(order_does_not_matter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
