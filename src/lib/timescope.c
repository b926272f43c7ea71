/*
 * timescope.c: when a figure holds, as a normalised time scope.
 *
 * In:  a fact, the analysed sentence it stands in (about.h), the other
 *      facts of the document, the publication day, the time words of the
 *      lexicon (rules/time.de).
 * Out: a new string, or NULL when the time is unknown:
 *
 *   "before:EVENT"  a `before` preposition with an event noun ("vor der
 *                   jüngsten Kapitalrunde": before:Kapitalrunde)
 *   "now"           an `after` preposition with an event noun ("nach der
 *                   Einigung"), or a `now` word ("künftig", "inzwischen")
 *   a date value    a date of the clause, or a year the clause writes as a
 *                   bare number ("Für 2026 rechnen ..."), else an exact date
 *                   of the sentence ("2024", "2024-Q3", "2025-10-28"; a range
 *                   "2024..2025"); a date with "seit" or "ab" starts a period
 *                   and is no scope
 *   a resolved day  a relative expression ("gestern": the day before the
 *                   publication day; "am Sonntag": the last Sunday on or
 *                   before it; "vergangene Woche": "2025-W30"; "im
 *                   Vorjahr": "2024"), only when the publication day is known;
 *                   without it, a past year or week is "earlier"
 *   "before"        a `formerly` word ("zuvor", "ursprünglich"); for a
 *                   running count the current state ("now") instead
 *
 * in this order. Dates themselves get no scope (abg_about_facts does not
 * ask for one).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "about.h"
#include "ctx.h"

#define MAX_FILLER 3 /* words between a time preposition and its event noun */

/* An event noun at token j: its stem, or a compound ending in one. */
static bool event_noun(abg_about_state *st, const abg_sent *s, size_t j)
{
    const char *stem;
    size_t sl, k;

    if (s->toks[j].kind != ABG_TOK_WORD || !(s->toks[j].flags & ABG_TOKF_CAPITAL))
        return false;
    if (abg_stem(&stem, &sl, st->stemmer, abg_sent_text(st, s, j), s->toks[j].len) < 0)
        return false;
    for (k = 0; k + 4 <= sl; k++)
        if (abg_strset_has(&st->lex->events, stem + k, sl - k))
            return true;
    return false;
}

/* A time preposition of `set` at token i with an event noun after it in
 * the clause: the noun's index, or SIZE_MAX. */
static size_t event_after(abg_about_state *st, const abg_sent *s, size_t i, const abg_strset *set)
{
    size_t j;

    if (!abg_sent_word_in(st, s, i, set))
        return SIZE_MAX;
    for (j = i + 1; j < s->ntok && j <= i + 1 + MAX_FILLER; j++) {
        if (s->toks[j].kind != ABG_TOK_WORD || s->clause[j] != s->clause[i])
            return SIZE_MAX;
        if (!(s->toks[j].flags & ABG_TOKF_CAPITAL))
            continue; /* der, zur, jüngsten */
        return event_noun(st, s, j) ? j : SIZE_MAX;
    }
    return SIZE_MAX;
}

/* Copy the token's text as it is written, after a prefix. */
static char *with_token(abg_about_state *st, const char *prefix, const abg_sent *s, size_t j)
{
    size_t pl = strlen(prefix), n = s->toks[j].len;
    char *out = malloc(pl + n + 1);

    if (!out)
        return NULL;
    memcpy(out, prefix, pl);
    memcpy(out + pl, abg_sent_text(st, s, j), n);
    out[pl + n] = '\0';
    return out;
}

/* The date value of fact d, with its range end: "2024", "2024..2025". */
static char *date_scope(const abg_fact *d)
{
    char buf[40];

    if (d->date_to[0] && strcmp(d->date, d->date_to))
        snprintf(buf, sizeof buf, "%s..%s", d->date, d->date_to);
    else
        snprintf(buf, sizeof buf, "%s", d->date);
    return abg_strdup(buf);
}

/* The token at byte offset `off` of the document, or s->ntok. */
static size_t token_at(const abg_sent *s, size_t off)
{
    size_t t, rel = off - s->off;

    for (t = 0; t < s->ntok && s->toks[t].off + s->toks[t].len <= rel; t++)
        ;
    return t;
}

/* Clauses that hold the earlier level of another figure ("..., nach 3,0
 * Prozent im Mai", "gegenüber 2,9 Prozent im Vorjahr"): their time is that
 * figure's, not the sentence's. At most EARLIER_MAX of them. */
#define EARLIER_MAX 8

typedef struct {
    unsigned c[EARLIER_MAX];
    size_t n;
} clause_set;

static void earlier_clauses(clause_set *out, abg_about_state *st, const abg_sent *s, size_t self)
{
    static const char *const preps[] = {"nach", "gegenüber", NULL};
    size_t i, lo = abg_facts_from(st, s->off); /* the sentence's first fact */

    out->n = 0;
    for (i = 0; i + 1 < s->ntok && out->n < EARLIER_MAX; i++) {
        size_t off = s->off + s->toks[i + 1].off, f;
        if (!abg_sent_word_is(st, s, i, preps))
            continue;
        for (f = lo; f < st->nfacts && st->facts[f].off <= off; f++)
            if (f != self && st->facts[f].off == off && st->facts[f].type != ABG_FACT_DATE)
                out->c[out->n++] = s->clause[i];
    }
}

static bool in_clauses(const clause_set *set, unsigned c)
{
    size_t i;

    for (i = 0; set && i < set->n; i++)
        if (set->c[i] == c)
            return true;
    return false;
}

/* The nearest date of the sentence (c >= 0: of clause c) that can scope
 * a figure: not the fact itself, no dateline, not the start of a period. */
static const abg_fact *nearest_date(const clause_set *skip, const abg_sent *s, long c, size_t t0,
                                    const abg_fact *facts, size_t nfacts, size_t self,
                                    const bool *ignore)
{
    const abg_fact *best = NULL;
    size_t i, bestd = (size_t)-1;

    for (i = 0; i < nfacts; i++) {
        const abg_fact *d = &facts[i];
        size_t t, dist;
        if (i == self || d->type != ABG_FACT_DATE || (ignore && ignore[i]) || !d->date[0] ||
            d->qualifier == ABG_QUAL_LOWER || d->off < s->off || d->off >= s->off + s->len ||
            (c < 0 && d->qualifier != ABG_QUAL_EXACT))
            continue;
        t = token_at(s, d->off);
        if (t >= s->ntok || (c >= 0 && s->clause[t] != (unsigned)c) ||
            in_clauses(skip, s->clause[t]))
            continue;
        dist = t < t0 ? t0 - t : t - t0;
        if (dist < bestd) {
            best = d;
            bestd = dist;
        }
    }
    return best;
}

/* A year written as a bare number in clause c ("Für 2025 erwarten ...",
 * "2024 hatte sie ..."), nearest to token t0: not inside a fact, not after
 * "seit" or "ab", not before a noun it counts ("2024 Mitarbeiter"). A new
 * string, or NULL. */
static char *bare_year(abg_about_state *st, const abg_sent *s, unsigned c, size_t t0)
{
    static const char *const since[] = {"seit", "ab", NULL};
    size_t i, best = SIZE_MAX, bestd = SIZE_MAX, k;

    for (i = 0; i < s->ntok; i++) {
        const char *t = abg_sent_text(st, s, i);
        size_t off = s->off + s->toks[i].off, dist, f;
        bool in = false;
        int y = 0;
        if (s->clause[i] != c || s->toks[i].kind != ABG_TOK_NUMBER || s->toks[i].len != 4)
            continue;
        for (k = 0; k < 4 && t[k] >= '0' && t[k] <= '9'; k++)
            y = y * 10 + (t[k] - '0');
        if (k < 4 || y < 1950 || y > 2099)
            continue;
        for (f = 0; f < st->nfacts && !in; f++)
            in = off >= st->facts[f].off && off < st->facts[f].off + st->facts[f].len;
        if (in || (i > 0 && abg_sent_word_is(st, s, i - 1, since)))
            continue;
        if (i + 1 < s->ntok && s->toks[i + 1].kind == ABG_TOK_WORD &&
            (s->toks[i + 1].flags & ABG_TOKF_CAPITAL) && s->clause[i + 1] == c)
            continue;
        dist = i < t0 ? t0 - i : i - t0;
        if (dist < bestd) {
            best = i;
            bestd = dist;
        }
    }
    return best == SIZE_MAX ? NULL : abg_strndup(abg_sent_text(st, s, best), 4);
}

/* ---- relative expressions ---- */

static void from_days(double days, int *y, int *m, int *d)
{
    /* civil from days since 1970-01-01 (proleptic Gregorian) */
    long z = (long)days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;

    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ISO 8601 weekday of a day number: 1 Monday .. 7 Sunday. */
static int weekday(double days)
{
    long w = ((long)days + 3) % 7; /* 1970-01-01 was a Thursday */
    return (int)(w < 0 ? w + 7 : w) + 1;
}

/* "2025-W31": the ISO week of a day number. */
static void iso_week(char *buf, size_t size, double days)
{
    double thursday = days - weekday(days) + 4;
    int y, m, d;

    from_days(thursday, &y, &m, &d);
    snprintf(buf, size, "%04d-W%02d", y,
             (int)((thursday - abg_day_number(y, 1, 1)) / 7) + 1);
}

/* The year of month m (a quarter: q 1..4, m 0): the one that puts its
 * middle nearest the publication day; without that day, the one year the
 * document's dates of that month (of any quarter) name ("im April" beside
 * "April 2014", "im zweiten Quartal" beside "im dritten Quartal 2024");
 * else 0. */
static int month_year(abg_about_state *st, int m, int q, const abg_fact *facts, size_t nfacts)
{
    int y = 0, fy, fm;
    size_t k;

    if (st->pub_year) {
        double dist;
        return abg_nearest_year(abg_day_number(st->pub_year, st->pub_month, st->pub_day),
                                m ? m : 3 * q - 1, 15, &dist);
    }
    for (k = 0; k < nfacts; k++) {
        const abg_fact *f = &facts[k];
        if (f->type != ABG_FACT_DATE)
            continue;
        if (m ? sscanf(f->date, "%4d-%2d", &fy, &fm) != 2 || fm != m
              : sscanf(f->date, "%4d-Q%1d", &fy, &fm) != 2)
            continue;
        if (y && fy != y)
            return 0;
        y = fy;
    }
    return y;
}

/* A relative expression at token i resolved against the publication day
 * (a month also against the document's dates): a new string, or NULL
 * (none, or nothing to resolve it against). */
static char *relative_at(abg_about_state *st, const abg_sent *s, size_t i, size_t *len,
                         const abg_fact *facts, size_t nfacts)
{
    const char *v = NULL;
    double pub, day;
    int unit, n, y, m, d;
    char buf[32];

    *len = 0;
    if (!(*len = abg_sent_phrase(st, s, i, &st->lex->relative, st->lex->max_relwords, &v)) ||
        !v || sscanf(v, "%d %d", &unit, &n) != 2)
        return NULL;
    if (unit == ABG_REL_MONTH || unit == ABG_REL_QUARTER) {
        bool month = unit == ABG_REL_MONTH;
        if (!(y = month_year(st, month ? n : 0, month ? 0 : n, facts, nfacts)))
            return NULL;
        snprintf(buf, sizeof buf, month ? "%04d-%02d" : "%04d-Q%d", y, n);
        return abg_strdup(buf);
    }
    if (!st->pub_year) /* "im Vorjahr" of an undated text: some earlier year */
        return (unit == ABG_REL_YEAR || unit == ABG_REL_WEEK) && n < 0 ? abg_strdup("earlier")
                                                                       : NULL;
    pub = abg_day_number(st->pub_year, st->pub_month, st->pub_day);
    switch (unit) {
    case ABG_REL_DAY:
        from_days(pub + n, &y, &m, &d);
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        break;
    case ABG_REL_WEEK:
        iso_week(buf, sizeof buf, pub + 7.0 * n);
        break;
    case ABG_REL_YEAR:
        snprintf(buf, sizeof buf, "%04d", st->pub_year + n);
        break;
    case ABG_REL_WEEKDAY:
        day = pub - ((weekday(pub) - n + 7) % 7);
        from_days(day, &y, &m, &d);
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        break;
    default:
        return NULL;
    }
    return abg_strdup(buf);
}

/* ---- the scope ---- */

/* Does another figure (no date) of the text stand between byte offsets a
 * and b? Then a time word beyond the figure's clause is that one's ("...
 * und neue Schulden von 180 Milliarden Euro - so viel wie zuvor nur ..."). */
static bool figure_between(const abg_about_state *st, size_t self, size_t a, size_t b)
{
    size_t f;

    if (a > b) {
        size_t t = a;
        a = b;
        b = t;
    }
    for (f = abg_facts_from(st, a + 1); f < st->nfacts && st->facts[f].off < b; f++)
        if (f != self && st->facts[f].type != ABG_FACT_DATE)
            return true;
    return false;
}

/* One pass over clause c (c < 0: the whole sentence) for what `what`
 * asks: 0 event phrases, 1 relative expressions, 2 formerly/now words.
 * 1 found (*out set), 0 none, < 0 an error. */
static int scan(char **out, abg_about_state *st, const abg_sent *s, long c, int what,
                bool running, const abg_fact *facts, size_t nfacts, const clause_set *skip,
                size_t t0, size_t self)
{
    size_t i, j, len;

    if (what == 1) { /* the relative expression nearest the figure ("von 6,1
                      * Prozent im Dezember auf 6,4 Prozent im Januar") */
        size_t bestd = SIZE_MAX;
        for (i = 0; i < s->ntok; i++) {
            char *r;
            size_t d = i < t0 ? t0 - i : i - t0;
            if ((c >= 0 && s->clause[i] != (unsigned)c) || in_clauses(skip, s->clause[i]) ||
                d >= bestd || !(r = relative_at(st, s, i, &len, facts, nfacts)))
                continue;
            free(*out);
            *out = r;
            bestd = d;
        }
        return *out != NULL;
    }
    for (i = 0; i < s->ntok; i++) {
        if (c >= 0 && s->clause[i] != (unsigned)c)
            continue;
        if (in_clauses(skip, s->clause[i]))
            continue;
        if (c < 0 && t0 < s->ntok &&
            figure_between(st, self, s->off + s->toks[i].off, s->off + s->toks[t0].off))
            continue;
        switch (what) {
        case 0:
            if ((j = event_after(st, s, i, &st->lex->before)) != SIZE_MAX) {
                *out = running ? abg_strdup("now") : with_token(st, "before:", s, j);
                return *out ? 1 : ABG_ENOMEM;
            }
            if (event_after(st, s, i, &st->lex->after) != SIZE_MAX) {
                *out = abg_strdup("now");
                return *out ? 1 : ABG_ENOMEM;
            }
            break;
        default:
            if (abg_sent_word_in(st, s, i, &st->lex->formerly)) {
                *out = abg_strdup(running ? "now" : "before");
                return *out ? 1 : ABG_ENOMEM;
            }
            if (abg_sent_word_in(st, s, i, &st->lex->now)) {
                *out = abg_strdup("now");
                return *out ? 1 : ABG_ENOMEM;
            }
            break;
        }
    }
    return 0;
}

int abg_timescope_find(char **out, abg_about_state *st, const abg_sent *s, size_t t0, size_t t1,
                       const abg_fact *facts, size_t nfacts, size_t self, const bool *ignore,
                       bool running)
{
    long c = t0 < s->ntok ? (long)s->clause[t0] : 0, cc;
    const abg_fact *d;
    clause_set earlier;
    const clause_set *skip = NULL;
    int err;

    (void)t1;
    *out = NULL;
    for (cc = c; cc >= -1; cc = cc == c ? -1 : -2) { /* the clause, then the sentence */
        if (cc < 0) { /* beyond its clause, not the time of another figure */
            earlier_clauses(&earlier, st, s, self);
            skip = &earlier;
        }
        if ((err = scan(out, st, s, cc, 0, running, facts, nfacts, skip, t0, self)) != 0)
            return err < 0 ? err : 0;
        if ((d = nearest_date(skip, s, cc, t0, facts, nfacts, self, ignore)))
            return (*out = date_scope(d)) ? 0 : ABG_ENOMEM;
        if (cc >= 0 && (*out = bare_year(st, s, (unsigned)cc, t0)))
            return 0;
        if ((err = scan(out, st, s, cc, 1, running, facts, nfacts, skip, t0, self)) != 0)
            return err < 0 ? err : 0;
        if ((err = scan(out, st, s, cc, 2, running, facts, nfacts, skip, t0, self)) != 0)
            return err < 0 ? err : 0;
    }
    return 0;
}
