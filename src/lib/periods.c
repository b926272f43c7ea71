/*
 * periods.c: the reporting period of a figure that names none.
 *
 * In:  the facts of one document with what they are about (abg_about),
 *      its analysed sentences (about.h).
 * Out: time scopes for figures of period measures (lexicon flag `period`:
 *      jobless rates, inflation, revenue) whose sentence names no time:
 *      the one period the sentence before names for such a figure, else
 *      the document's reference period; dates that only name that period
 *      are skipped as "time" (no claims of their own).
 */
#include <stdlib.h>
#include <string.h>

#include "about.h"
#include "ctx.h"

/* Is t a period a figure can be of: a year, a month, a quarter or a half
 * ("2012", "2012-02", "2014-Q2", "2014-H1"), not a day, week or range? */
bool abg_period_value(const char *t)
{
    size_t i;

    for (i = 0; i < 4; i++)
        if (t[i] < '0' || t[i] > '9')
            return false;
    if (!t[4])
        return true;
    if (t[4] != '-' || strlen(t) != 7)
        return false;
    return (t[5] >= '0' && t[5] <= '1' && t[6] >= '0' && t[6] <= '9') ||
           ((t[5] == 'Q' || t[5] == 'H') && t[6] >= '1' && t[6] <= '4');
}

/* Words before a date that make it a start or an end, not a period. */
static const char *const bounds[] = {"seit", "ab", "bis", "vor", "nach", "zum", "zur", NULL};

bool abg_period_date(abg_about_state *st, const abg_sent *s, size_t t0, size_t t1,
                     const abg_fact *f)
{
    return abg_period_value(f->date) && !f->date_to[0] &&
           (f->qualifier == ABG_QUAL_EXACT || f->qualifier == ABG_QUAL_APPROX) &&
           !(t0 > 0 && abg_sent_word_is(st, s, t0 - 1, bounds)) &&
           abg_measure_period_near(st, s, t0, t1);
}

int abg_period_before(char **out, abg_about_state *st, const abg_sent *s, const abg_fact *facts,
                      size_t nfacts, const bool *skipped)
{
    char *first = NULL, *last = NULL;
    size_t n = st->prev.ntok;
    int err;

    /* of two periods ("von 6,1 Prozent im Dezember auf 6,4 Prozent im
     * Januar") the sentence cannot say which: the one named first and the
     * one named last must be the same */
    if (!st->prev.toks || st->prev.off + st->prev.len > s->off ||
        !abg_measure_flag_in(st, &st->prev, ABG_MEASURE_PERIOD))
        return 0;
    if ((err = abg_timescope_find(&first, st, &st->prev, 0, 1, facts, nfacts, SIZE_MAX, skipped,
                                  false)) < 0 ||
        (err = abg_timescope_find(&last, st, &st->prev, n - 1, n, facts, nfacts, SIZE_MAX,
                                  skipped, false)) < 0) {
        free(first);
        return err;
    }
    if (first && last && !strcmp(first, last) && abg_period_value(first)) {
        *out = first;
        first = NULL;
    }
    free(first);
    free(last);
    return 0;
}

/* A figure of a reporting period (a month's jobless rate, a quarter's
 * revenue) whose sentence names no time is of the document's reference
 * period: the first date of a month, quarter or year that stands in a
 * clause naming such a measure ("Die Zahl der Arbeitslosen hatte im
 * Februar 2012 ... Spanien mit 23,6 Prozent"), or the first such period a
 * level of such a measure names ("Im Januar waren 3,01 Millionen
 * arbeitslos. Die Quote betrug 6,4 Prozent"). Leads name the period a
 * report is about; later periods are mostly comparisons, which name their
 * own. Such a date is the time of the report's figures, no claim. */
int abg_reference_period(abg_about *ab, const abg_fact *facts, const unsigned char *period,
                         size_t n)
{
    const char *ref = NULL;
    size_t i, from = 0;

    for (i = 0; i < n; i++) {
        if ((period[i] & ABG_PERIOD_REF) && (!ab[i].skip || !strcmp(ab[i].skip, "time"))) {
            ab[i].skip = "time";
            if (!ref) {
                ref = facts[i].date;
                from = 0;
            }
        } else if (!ref && (period[i] & ABG_PERIOD_NAMES) && !ab[i].skip && ab[i].time &&
                   abg_period_value(ab[i].time)) {
            /* a level may be a comparison ("Im Vorjahresmonat hatte sie
             * bei 6,2 Prozent gelegen"): it dates only the figures after
             * it, not the one before that it is compared with */
            ref = ab[i].time;
            from = i + 1;
        }
    }
    for (i = from; ref && i < n; i++)
        if ((period[i] & ABG_PERIOD_MEASURE) && !ab[i].skip && !ab[i].time &&
            !(ab[i].time = abg_strdup(ref)))
            return ABG_ENOMEM;
    return 0;
}
