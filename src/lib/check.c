/*
 * check.c: cross-checking claims: groups and verdicts.
 *
 * In:  claims (abg_check_add) and documents with their signatures
 *      (abg_check_add_doc), from texts or from facts JSONL shards.
 * Out: groups with a verdict, a cause, a majority value, the deviating and
 *      inconsistent claims, a confidence and a stable fingerprint.
 *
 * The questions of the claim model are answered before: story.c links
 * documents into stories and finds copies; each claim carries its subject,
 * object, measure, role and time scope (claims.c and its modules). This
 * file only groups and judges:
 *
 *   - Claims and documents are sorted first, so that the result does not
 *     depend on the order they came in.
 *   - A claim is grouped only when it is one (no dateline, no converted
 *     amount) and has a measure; without a subject, only when its measure
 *     is sure (claim confidence 0.45 or more).
 *   - Its key: story, type, unit family, measure, role; then subject,
 *     object and the time scope when that is explicit (a date, a week),
 *     each settled within the claims of one key and story: a claim whose
 *     subject is only inferred takes the one subject the others name; a
 *     claim without an object takes the one object there is; a claim with
 *     no explicit time ("now", "before:EVENT", unknown) joins the one
 *     explicit time there is. Claims with different explicit times are a
 *     series, never one group; "earlier" (the A of "von A auf B") stays
 *     apart.
 *   - Then the same figure: groups of one document that state one figure
 *     join the others of their story that state it (samefigure.c).
 *   - Grouping sorts the claims by key, then by story and figure:
 *     O(n log n).
 *
 * Values are compared as intervals: an exact value spans the precision it
 * was stated with (27 is 26.5..27.5; 134,8 is 134.75..134.85), an
 * approximation adds the tolerance, a bound is open on one side, a range
 * spans both ends; dates span their days. Two claims agree when their
 * intervals meet. Money in different currencies, and percent against
 * percentage points, are never compared as numbers. Claims of one
 * document are not compared with each other: a document whose claims of
 * one key do not meet (at the same time scope) is inconsistent in itself,
 * and is left out of the verdict. A copy is compared with nobody and
 * counts as no source of its own.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"
#include "ctx.h"
#include "names.h"
#include "story.h"
#include "strset.h"

/* Unique value signatures of a group compared pairwise, at most. */
#define MAX_COMPARED 4096
/* Documents of a group whose story similarity is averaged, at most. */
#define MAX_SIMILAR 16
/* Distinct subjects of one key and story compared pairwise for names of
 * one party, at most (a run with more keeps its names as they are: the
 * comparison is quadratic). */
#define NAMES_MAX 512
/* ... and so are the figures of one match, race or round this many days
 * apart (lexicon flag match). */
#define MATCH_DAYS 1
/* ... and so are running counts (the dead of a disaster, the hostages
 * freed so far) this many days apart. */
#define RUNNING_DAYS 1
/* A claim without a subject is grouped only with a measure this sure. */
#define SUBJECTLESS_CONFIDENCE 0.45


const char *abg_verdict_name(abg_verdict v)
{
    switch (v) {
    case ABG_VERDICT_CONFLICT: return "conflict";
    case ABG_VERDICT_AGREE: return "agree";
    case ABG_VERDICT_SINGLE: return "single";
    }
    return "?";
}

const char *abg_cause_name(abg_cause c)
{
    switch (c) {
    case ABG_CAUSE_TIME: return "time";
    case ABG_CAUSE_SCALE: return "scale";
    case ABG_CAUSE_UNIT: return "unit";
    case ABG_CAUSE_CURRENCY: return "currency";
    case ABG_CAUSE_NONE: break;
    }
    return NULL;
}

int abg_check_new(abg_check **out, abg_ctx *ctx, const abg_check_options *opts)
{
    abg_check *chk = calloc(1, sizeof *chk);

    *out = NULL;
    if (!chk)
        return abg_error_oom(ctx);
    chk->opts = opts ? *opts : (abg_check_options)ABG_CHECK_OPTIONS_INIT;
    if (!(chk->opts.tolerance >= 0) || chk->opts.tolerance > 1) {
        free(chk);
        return abg_error(ctx, ABG_EUSAGE, "tolerance must lie between 0 and 1");
    }
    if (!(chk->opts.window >= 0) || !(chk->opts.min_confidence >= 0) ||
        chk->opts.min_confidence > 1) {
        free(chk);
        return abg_error(ctx, ABG_EUSAGE, "window and minimum confidence out of range");
    }
    *out = chk;
    return 0;
}

void abg_check_free(abg_check *chk)
{
    size_t i;

    if (!chk)
        return;
    for (i = 0; i < chk->ntexts; i++)
        free(chk->texts[i]);
    free(chk->texts);
    for (i = 0; i < chk->n; i++)
        free((void *)chk->items[i].c.attribute);
    free(chk->items);
    for (i = 0; i < chk->ndocs; i++)
        if (chk->docs[i].has_sig) {
            free(chk->docs[i].sig.stems);
            free(chk->docs[i].sig.counts);
        }
    free(chk->docs);
    abg_stories_free(chk->stories);
    free(chk->groups);
    free(chk->claim_ptrs);
    free(chk->flags);
    free(chk->copies);
    abg_strset_dispose(&chk->strings);
    free(chk);
}

static const char *intern(abg_check *chk, const char *s)
{
    return s ? abg_strset_intern(&chk->strings, s, strlen(s)) : NULL;
}

static const char *own(abg_check *chk, const char *s)
{
    char *copy;

    if (!s)
        return NULL;
    if (chk->ntexts == chk->captexts) {
        size_t c = chk->captexts ? chk->captexts * 2 : 256;
        char **p = realloc(chk->texts, c * sizeof *p);
        if (!p)
            return NULL;
        chk->texts = p;
        chk->captexts = c;
    }
    if (!(copy = abg_strdup(s)))
        return NULL;
    return chk->texts[chk->ntexts++] = copy;
}

/* ---- values as intervals ---- */

/* Half the unit of the last digit the text states, in units of the value
 * ("135 Milliarden": 0.5e9; "32,5": 0.05). Texts without digits (number
 * words) count as stated to the largest power of 1000 dividing the value. */
static double precision(const char *text, double value)
{
    const char *p = text;
    double num = 0, scale = 1;
    int decimals = -1, digits = 0;

    while (*p && !(*p >= '0' && *p <= '9'))
        p++;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            num = num * 10 + (*p - '0');
            digits++;
            if (decimals >= 0)
                decimals++;
        } else if (*p == ',' && decimals < 0 && p[1] >= '0' && p[1] <= '9') {
            decimals = 0;
        } else if (!(*p == '.' && p[1] >= '0' && p[1] <= '9' && decimals < 0)) {
            break;
        }
    }
    value = fabs(value);
    if (digits == 0) {
        while (value >= 1000 && fmod(value, scale * 1000) == 0 && scale < 1e15)
            scale *= 1000;
        return value > 0 ? 0.5 * scale : 0;
    }
    if (decimals > 0)
        num /= pow(10, decimals);
    if (num == 0)
        return 0.5 * pow(10, decimals > 0 ? -decimals : 0);
    return 0.5 * pow(10, decimals > 0 ? -decimals : 0) * (value / num);
}

/* Quantities of one dimension share a family and a base unit. */
static const struct {
    const char *unit, *family;
    double factor;
} units[] = {
    {"W", "W", 1},        {"kW", "W", 1e3},      {"MW", "W", 1e6},     {"GW", "W", 1e9},
    {"TW", "W", 1e12},    {"Wh", "Wh", 1},       {"kWh", "Wh", 1e3},   {"MWh", "Wh", 1e6},
    {"GWh", "Wh", 1e9},   {"TWh", "Wh", 1e12},   {"g", "g", 1},        {"kg", "g", 1e3},
    {"t", "g", 1e6},      {"m", "m", 1},         {"km", "m", 1e3},     {"m²", "m²", 1},
    {"ha", "m²", 1e4},    {"km²", "m²", 1e6},    {"l", "l", 1},        {"hl", "l", 100},
    {"cm", "m", 1e-2},    {"mm", "m", 1e-3},     {"°C", "°C", 1},      {"km/h", "km/h", 1},
    {"PS", "PS", 1},      {"Barrel", "Barrel", 1},
    /* durations, in seconds (a month is a twelfth of a Julian year) */
    {"Sekunden", "s", 1},  {"Minuten", "s", 60},      {"Stunden", "s", 3600},
    {"Tage", "s", 86400},  {"Wochen", "s", 604800},   {"Monate", "s", 2629800},
    {"Jahre", "s", 31557600}, {"Jahrzehnte", "s", 315576000}, {"Jahrhunderte", "s", 3155760000},
};

static void family_of(const abg_claim *c, const char **family, const char **cmpunit,
                      double *factor)
{
    size_t i;

    *factor = 1;
    *cmpunit = c->unit;
    switch (c->type) {
    case ABG_FACT_MONEY: *family = "money"; return;
    case ABG_FACT_PERCENT: *family = "percent"; return;
    case ABG_FACT_DATE:
        *cmpunit = NULL;
        *family = c->qualifier == ABG_QUAL_LOWER   ? "date-start"
                  : c->qualifier == ABG_QUAL_UPPER ? "date-end"
                                                   : "date";
        return;
    case ABG_FACT_QUANTITY:
        for (i = 0; c->unit && i < sizeof units / sizeof units[0]; i++)
            if (!strcmp(units[i].unit, c->unit)) {
                *family = *cmpunit = units[i].family;
                *factor = units[i].factor;
                return;
            }
        /* a unit per something (g/km, Barrel/Tag) with its like only */
        if (c->unit && strchr(c->unit, '/')) {
            *family = *cmpunit = c->unit;
            return;
        }
        /* a counted noun: the measure says what is counted, and Mitarbeiter
         * and Beschäftigte are compared as numbers */
        *family = *cmpunit = "count";
        return;
    }
    *family = "";
}

static void interval(item *it, double tol)
{
    const abg_claim *c = &it->c;
    const char *family, *cmpunit;
    double f, v, to, h, lo, hi;

    family_of(c, &family, &cmpunit, &f);
    if (c->type == ABG_FACT_DATE) {
        double a0, a1, b0, b1; /* [first, end) in days */
        if (abg_date_days(c->date, &a0, &a1) < 0) {
            it->lo = it->hi = NAN;
            return;
        }
        if (!*c->date_to || abg_date_days(c->date_to, &b0, &b1) < 0)
            b1 = a1;
        it->lo = a0;
        it->hi = b1 - 1; /* the last day */
        it->mag = a0;
        return;
    }
    v = c->value * f;
    to = (c->has_value_to ? c->value_to : c->value) * f;
    h = precision(c->text, c->value) * f * (1 - 1e-9);
    lo = v - h;
    hi = to + h;
    switch (c->qualifier) {
    case ABG_QUAL_APPROX:
        lo -= tol * fabs(v);
        hi += tol * fabs(v);
        break;
    case ABG_QUAL_LOWER:
        lo = v;
        hi = INFINITY;
        break;
    case ABG_QUAL_UPPER:
        lo = -INFINITY;
        hi = v;
        break;
    default:
        break;
    }
    it->lo = lo;
    it->hi = hi;
    it->mag = v;
}

/* ---- adding ---- */

/* The time key of a scope: explicit dates and weeks as they are, "earlier"
 * apart, everything else (now, before, unknown) "". */
static const char *time_key(const char *time)
{
    if (!time)
        return "";
    if (!strcmp(time, "earlier"))
        return time;
    if (time[0] >= '0' && time[0] <= '9')
        return time;
    return "";
}

int abg_check_add(abg_check *chk, abg_ctx *ctx, const abg_claim *claim)
{
    item *it;
    const char **attr = NULL;
    const char *cmpunit, *family;
    double factor;
    size_t i;

    if (chk->ran)
        return abg_error(ctx, ABG_EUSAGE, "claims added after the check ran");
    if (chk->n == chk->cap) {
        size_t c = chk->cap ? chk->cap * 2 : 1024;
        item *p = realloc(chk->items, c * sizeof *p);
        if (!p)
            return abg_error_oom(ctx);
        chk->items = p;
        chk->cap = c;
    }
    it = &chk->items[chk->n];
    memset(it, 0, sizeof *it);
    it->c = *claim;
    if (claim->nattribute && !(attr = calloc(claim->nattribute, sizeof *attr)))
        return abg_error_oom(ctx);
    for (i = 0; i < claim->nattribute; i++)
        if (!(attr[i] = intern(chk, claim->attribute[i])))
            goto oom;
    it->c.attribute = attr;
    if ((claim->doc && !(it->c.doc = intern(chk, claim->doc))) ||
        (claim->source && !(it->c.source = intern(chk, claim->source))) ||
        (claim->rule && !(it->c.rule = intern(chk, claim->rule))) ||
        (claim->unit && !(it->c.unit = intern(chk, claim->unit))) ||
        (claim->subject && !(it->c.subject = intern(chk, claim->subject))) ||
        (claim->object && !(it->c.object = intern(chk, claim->object))) ||
        (claim->measure && !(it->c.measure = intern(chk, claim->measure))) ||
        (claim->time && !(it->c.time = intern(chk, claim->time))) ||
        (claim->skip && !(it->c.skip = intern(chk, claim->skip))) ||
        (claim->text && !(it->c.text = own(chk, claim->text))) ||
        (claim->sentence && !(it->c.sentence = intern(chk, claim->sentence))))
        goto oom;
    if (!it->c.text)
        it->c.text = "";
    if (!it->c.doc)
        it->c.doc = "";
    if (!(it->c.confidence >= 0) || it->c.confidence > 1)
        it->c.confidence = 0;
    family_of(&it->c, &family, &cmpunit, &factor);
    if (!(it->family = intern(chk, family)) ||
        (cmpunit && !(it->cmpunit = intern(chk, cmpunit))) ||
        !(it->tkey = intern(chk, time_key(it->c.time))) ||
        !(it->okey = intern(chk, it->c.object ? it->c.object : "")) ||
        !(it->skey = intern(chk, it->c.subject ? it->c.subject : "")))
        goto oom;
    if (!it->c.skip && it->c.measure) {
        char key[1024];
        snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%s", abg_fact_type_name(it->c.type),
                 it->family, it->c.measure, abg_role_name(it->c.role));
        if (!(it->key = intern(chk, key)))
            goto oom;
    }
    interval(it, chk->opts.tolerance);
    chk->n++;
    return 0;
oom:
    free(attr);
    return abg_error_oom(ctx);
}

static int cmp_docrec(const void *a, const void *b)
{
    return strcmp(((const docrec *)a)->id, ((const docrec *)b)->id);
}

static double day_of(const char *published)
{
    int y, m, d;

    return abg_published_day(published, &y, &m, &d) == 0 ? abg_day_number(y, m, d) : NAN;
}

static docrec *add_docrec(abg_check *chk, const char *id)
{
    docrec *d;

    if (chk->ndocs == chk->capdocs) {
        size_t c = chk->capdocs ? chk->capdocs * 2 : 256;
        docrec *p = realloc(chk->docs, c * sizeof *p);
        if (!p)
            return NULL;
        chk->docs = p;
        chk->capdocs = c;
    }
    d = &chk->docs[chk->ndocs];
    memset(d, 0, sizeof *d);
    if (!(d->id = intern(chk, id)))
        return NULL;
    d->day = NAN;
    d->copy_of = SIZE_MAX;
    chk->ndocs++;
    return d;
}

int abg_check_add_doc(abg_check *chk, abg_ctx *ctx, const abg_check_doc *doc)
{
    docrec *d;
    size_t i;

    if (chk->ran)
        return abg_error(ctx, ABG_EUSAGE, "documents added after the check ran");
    if (!doc->doc)
        return abg_error(ctx, ABG_EUSAGE, "a document needs its id");
    if (!(d = add_docrec(chk, doc->doc)) ||
        (doc->source && !(d->source = intern(chk, doc->source))) ||
        (doc->title && !(d->title = intern(chk, doc->title))))
        return abg_error_oom(ctx);
    d->day = day_of(doc->published);
    if (doc->signature) {
        const abg_signature *s = doc->signature;
        d->sig = *s;
        d->sig.stems = NULL;
        d->sig.counts = NULL;
        d->sig.n = 0;
        if (s->n && (!(d->sig.stems = malloc(s->n * sizeof *d->sig.stems)) ||
                     !(d->sig.counts = malloc(s->n * sizeof *d->sig.counts)))) {
            free(d->sig.stems);
            chk->ndocs--;
            return abg_error_oom(ctx);
        }
        for (i = 0; i < s->n; i++) {
            if (!(d->sig.stems[i] = (char *)intern(chk, s->stems[i]))) {
                free(d->sig.stems);
                free(d->sig.counts);
                chk->ndocs--;
                return abg_error_oom(ctx);
            }
            d->sig.counts[i] = s->counts[i];
        }
        d->sig.n = s->n;
        d->has_sig = true;
    }
    chk->ndocs_added++;
    return 0;
}

size_t abg_check_claim_count(const abg_check *chk)
{
    return chk->n;
}

size_t abg_check_doc_count(const abg_check *chk)
{
    return chk->ndocs_added;
}

/* ---- documents and stories ---- */

static size_t find_doc(const abg_check *chk, const char *id)
{
    size_t lo = 0, hi = chk->ndocs;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = strcmp(chk->docs[mid].id, id);
        if (r == 0)
            return mid;
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return SIZE_MAX;
}

static int cmp_item(const void *a, const void *b)
{
    const item *x = a, *y = b;
    int r = strcmp(x->c.doc, y->c.doc);

    if (r)
        return r;
    if (x->c.offset != y->c.offset)
        return x->c.offset < y->c.offset ? -1 : 1;
    if (x->c.type != y->c.type)
        return x->c.type < y->c.type ? -1 : 1;
    return strcmp(x->c.text, y->c.text);
}

/* A document without a publication day is dated, for the story window
 * only, by the latest full date it states ("am 13. Juli 2005"; months and
 * years are too coarse, history and plans would date it): news are
 * written days, not years, after what they report, so two undated reports
 * of elections years apart are not one story. */
static void estimate_days(abg_check *chk)
{
    size_t i;

    for (i = 0; i < chk->n; i++) {
        const item *it = &chk->items[i];
        docrec *d = &chk->docs[it->doc];
        if (it->c.type != ABG_FACT_DATE || it->c.qualifier != ABG_QUAL_EXACT ||
            isnan(it->lo) || it->hi - it->lo >= 1 || (!isnan(d->day) && !d->estimated))
            continue;
        if (isnan(d->day) || it->lo > d->day) {
            d->day = it->lo;
            d->estimated = true;
        }
    }
}


/* Sort the documents, add one for every claim whose document was not
 * added, and find the stories and copies. */
static int stories(abg_check *chk, abg_ctx *ctx)
{
    abg_background *bg = NULL;
    abg_story_doc *sd = NULL;
    abg_story_options so;
    size_t i, k, next;
    int err = 0;

    if (chk->ndocs > 1)
        qsort(chk->docs, chk->ndocs, sizeof *chk->docs, cmp_docrec);
    for (i = 1; i < chk->ndocs; i++)
        if (chk->docs[i].id == chk->docs[i - 1].id)
            return abg_error(ctx, ABG_EUSAGE, "%s: the document was given twice",
                             chk->docs[i].id);
    /* claims of documents never added: the items are sorted by document */
    for (i = 0; i < chk->n; i++) {
        if (i > 0 && chk->items[i].c.doc == chk->items[i - 1].c.doc)
            continue;
        if (find_doc(chk, chk->items[i].c.doc) == SIZE_MAX &&
            !add_docrec(chk, chk->items[i].c.doc))
            return abg_error_oom(ctx);
    }
    if (chk->ndocs > 1)
        qsort(chk->docs, chk->ndocs, sizeof *chk->docs, cmp_docrec);
    for (i = 0; i < chk->n; i++)
        chk->items[i].doc = find_doc(chk, chk->items[i].c.doc);
    /* the story step over the documents with a signature */
    if (!(sd = calloc(chk->ndocs + 1, sizeof *sd)))
        return abg_error_oom(ctx);
    estimate_days(chk);
    for (i = k = 0; i < chk->ndocs; i++)
        if (chk->docs[i].has_sig) {
            sd[k].doc = chk->docs[i].id;
            sd[k].day = chk->docs[i].day;
            sd[k].estimated = chk->docs[i].estimated;
            sd[k].sig = &chk->docs[i].sig;
            k++;
        }
    if (chk->opts.background && (err = abg_background_load(&bg, ctx, chk->opts.background)) < 0)
        goto done;
    so.threshold = ABG_STORY_THRESHOLD;
    so.window = chk->opts.window;
    so.copy = ABG_STORY_COPY;
    so.all = chk->opts.scope == ABG_SCOPE_ALL;
    if ((err = abg_stories_new(&chk->stories, ctx, sd, k, bg, &so)) < 0)
        goto done;
    next = abg_stories_count(chk->stories);
    for (i = k = 0; i < chk->ndocs; i++) {
        docrec *d = &chk->docs[i];
        if (d->has_sig) {
            d->sig_index = k;
            d->story = abg_stories_story(chk->stories, k);
            d->copy_of = abg_stories_copy_of(chk->stories, k);
            k++;
        } else {
            /* no signature: a story of its own, unless all is one */
            d->story = chk->opts.scope == ABG_SCOPE_ALL ? 0 : next++;
        }
    }
    /* copy_of is an index among the documents with a signature: map it */
    {
        size_t *map = malloc((k + 1) * sizeof *map);
        if (!map) {
            err = abg_error_oom(ctx);
            goto done;
        }
        for (i = k = 0; i < chk->ndocs; i++)
            if (chk->docs[i].has_sig)
                map[k++] = i;
        for (i = 0; i < chk->ndocs; i++)
            if (chk->docs[i].copy_of != SIZE_MAX)
                chk->docs[i].copy_of = map[chk->docs[i].copy_of];
        free(map);
    }
    chk->nstories = next;
done:
    abg_background_free(bg);
    free(sd);
    return err;
}

/* ---- grouping ---- */

/* ---- verdicts ---- */

static bool meet(const item *a, const item *b)
{
    if (isnan(a->lo) || isnan(b->lo))
        return true; /* nothing to compare */
    return a->lo <= b->hi && b->lo <= a->hi;
}

static bool scale_slip(const item *a, const item *b)
{
    double x = fabs(a->mag), y = fabs(b->mag), r;
    static const double factors[] = {1e3, 1e6, 1e9};
    size_t k;

    if (x == 0 || y == 0)
        return false;
    r = x > y ? x / y : y / x;
    for (k = 0; k < sizeof factors / sizeof factors[0]; k++)
        if (fabs(r / factors[k] - 1) <= 0.05)
            return true;
    return false;
}

/* The scope class of a claim: 'b' before an event, 'x' explicit, 'n' now
 * or unknown. */
static char scope_class(const item *a)
{
    const char *t = a->c.time;

    if (!t)
        return 'n';
    if (!strncmp(t, "before", 6))
        return 'b';
    if (t[0] >= '0' && t[0] <= '9')
        return 'x';
    return 'n';
}

/* Why two claims disagree; -1 when they do not. */
static int pair_cause(const item *a, const item *b)
{
    if (a->c.type == ABG_FACT_MONEY && a->cmpunit != b->cmpunit)
        return ABG_CAUSE_CURRENCY;
    if (a->c.type != ABG_FACT_DATE && a->cmpunit != b->cmpunit)
        return ABG_CAUSE_UNIT;
    if (meet(a, b))
        return -1;
    if (a->c.type != ABG_FACT_DATE && scale_slip(a, b))
        return ABG_CAUSE_SCALE;
    if (scope_class(a) != scope_class(b) || (a->c.running && b->c.running))
        return ABG_CAUSE_TIME;
    return ABG_CAUSE_NONE;
}

/* Can two claims of one document stand side by side? They can when they
 * meet, or when their time scopes differ (an old value beside a new one). */
static bool consistent(const item *a, const item *b)
{
    if (scope_class(a) != scope_class(b) || a->cmpunit != b->cmpunit)
        return true;
    return meet(a, b);
}

typedef struct {
    abg_check *chk;
    item **m;      /* the members, by doc then offset */
    size_t n;
    abg_group *g;
    bool *copy, *dev, *inc; /* per member */
    const item **uniq;
    size_t *origin; /* per member: its document, or the one it copies */
} judging;

/* The document a member speaks for: its own, or the original it copies
 * when that original is in the group too. */
static void origins(judging *J)
{
    size_t i, j;

    for (i = 0; i < J->n; i++) {
        size_t d = J->m[i]->doc, o = J->chk->docs[d].copy_of;
        J->origin[i] = d;
        J->copy[i] = false;
        if (o == SIZE_MAX)
            continue;
        for (j = 0; j < J->n; j++)
            if (J->m[j]->doc == o) {
                J->origin[i] = o;
                J->copy[i] = true;
                break;
            }
    }
}

/* Mark the documents that contradict themselves within the group. */
static bool inconsistencies(judging *J)
{
    size_t i, j, a, b;
    bool any = false;

    for (i = 0; i < J->n; i = j) {
        bool bad = false;
        for (j = i + 1; j < J->n && J->m[j]->doc == J->m[i]->doc; j++)
            ;
        for (a = i; a < j && !bad; a++)
            for (b = a + 1; b < j && !bad; b++)
                bad = !consistent(J->m[a], J->m[b]);
        for (a = i; a < j; a++)
            J->inc[a] = bad;
        any |= bad;
    }
    return any;
}

/* Independent sources among members whose flag `use` is set: distinct
 * outlets (source names) of distinct original documents. */
static size_t count_sources(const judging *J, const bool *use)
{
    size_t i, j, n = 0;

    for (i = 0; i < J->n; i++) {
        if ((use && !use[i]) || J->copy[i] || J->inc[i])
            continue;
        for (j = 0; j < i; j++)
            if ((!use || use[j]) && !J->copy[j] && !J->inc[j] &&
                (J->origin[j] == J->origin[i] ||
                 (J->m[j]->c.source && J->m[j]->c.source == J->m[i]->c.source)))
                break;
        n += j == i;
    }
    return n;
}

static bool same_signature(const item *a, const item *b)
{
    return a->doc == b->doc && a->cmpunit == b->cmpunit && a->c.time == b->c.time &&
           ((a->lo == b->lo && a->hi == b->hi) || (isnan(a->lo) && isnan(b->lo))) &&
           a->mag == b->mag;
}

static void judge(judging *J)
{
    abg_group *g = J->g;
    size_t i, j, nu = 0, docs = 0, best = 0, bestn = 0;
    int cause = -2; /* none seen yet */
    bool conflict = false, *use = J->dev; /* scratch first */

    origins(J);
    inconsistencies(J);
    for (i = 0; i < J->n; i++) {
        bool seen = false;
        for (j = 0; j < i && !seen; j++)
            seen = J->origin[j] == J->origin[i];
        docs += !seen;
    }
    g->sources = count_sources(J, NULL);
    g->majority = 0;
    g->majority_sources = g->sources;
    if (docs < 2) {
        g->verdict = ABG_VERDICT_SINGLE;
        g->cause = ABG_CAUSE_NONE;
        memset(J->dev, 0, J->n * sizeof *J->dev);
        return;
    }
    /* pairwise, over the distinct statements of consistent originals */
    for (i = 0; i < J->n; i++) {
        if (J->copy[i] || J->inc[i])
            continue;
        for (j = 0; j < nu && !same_signature(J->uniq[j], J->m[i]); j++)
            ;
        if (j == nu && nu < MAX_COMPARED)
            J->uniq[nu++] = J->m[i];
    }
    for (i = 0; i < nu; i++)
        for (j = i + 1; j < nu; j++) {
            int c;
            if (J->uniq[i]->doc == J->uniq[j]->doc)
                continue;
            if ((c = pair_cause(J->uniq[i], J->uniq[j])) < 0)
                continue;
            conflict = true;
            cause = cause == -2 || cause == c ? c : ABG_CAUSE_NONE;
        }
    /* with fewer than two consistent documents nothing was compared: the
     * group agrees when a value of one document meets one of another's
     * (the one consistent report meets one of the two a document gives),
     * else it says nothing */
    if (!conflict) {
        bool met = false;
        for (i = 1; i < nu && J->uniq[i]->doc == J->uniq[0]->doc; i++)
            ;
        for (j = 0; i >= nu && !met && j < J->n; j++) {
            size_t k;
            for (k = j + 1; k < J->n && !met; k++)
                met = !J->copy[j] && !J->copy[k] && J->origin[j] != J->origin[k] &&
                      consistent(J->m[j], J->m[k]) &&
                      scope_class(J->m[j]) == scope_class(J->m[k]) &&
                      J->m[j]->cmpunit == J->m[k]->cmpunit;
        }
        if (i >= nu && !met) {
            g->verdict = ABG_VERDICT_SINGLE;
            g->cause = ABG_CAUSE_NONE;
            memset(J->dev, 0, J->n * sizeof *J->dev);
            return;
        }
    }
    g->verdict = conflict ? ABG_VERDICT_CONFLICT : ABG_VERDICT_AGREE;
    g->cause = conflict ? (abg_cause)cause : ABG_CAUSE_NONE;
    /* the majority: the statement most independent sources meet */
    for (i = 0; i < J->n; i++) {
        size_t n;
        if (J->copy[i] || J->inc[i])
            continue;
        for (j = 0; j < J->n; j++)
            use[j] = pair_cause(J->m[i], J->m[j]) < 0;
        n = count_sources(J, use);
        if (n > bestn) {
            bestn = n;
            best = i;
        }
    }
    /* a value as many sources hold as the best, that the best's holders
     * do not: a tie, no majority and nobody deviates */
    for (i = 0; conflict && i < J->n; i++) {
        if (J->copy[i] || J->inc[i] || pair_cause(J->m[best], J->m[i]) < 0)
            continue;
        for (j = 0; j < J->n; j++)
            use[j] = pair_cause(J->m[i], J->m[j]) < 0;
        if (count_sources(J, use) == bestn) {
            g->majority = ABG_NO_MAJORITY;
            g->majority_sources = 0;
            memset(J->dev, 0, J->n * sizeof *J->dev);
            return;
        }
    }
    g->majority = best;
    g->majority_sources = bestn;
    for (j = 0; j < J->n; j++)
        J->dev[j] = conflict && !J->inc[j] && pair_cause(J->m[best], J->m[j]) >= 0;
}

/* ---- confidence and fingerprints ---- */

/* How sure the grouping is: the mean confidence of its claims (subject
 * and measure), times how alike its documents are: STORY_BASE plus their
 * mean cosine, at most 1 (1 with --scope all). Documents of one story
 * have a cosine of 0.15 or more (0.3 when undated). */
#define STORY_BASE 0.7

static double confidence(const abg_check *chk, item *const *m, size_t n)
{
    double c = 0, sum = 0;
    size_t i, j, docs[MAX_SIMILAR], nd = 0, pairs = 0;

    for (i = 0; i < n; i++)
        c += m[i]->c.confidence;
    c /= (double)(n ? n : 1);
    if (chk->opts.scope == ABG_SCOPE_ALL || !chk->stories)
        return c;
    for (i = 0; i < n && nd < MAX_SIMILAR; i++) {
        const docrec *d = &chk->docs[m[i]->doc];
        if (!d->has_sig || (nd && docs[nd - 1] == m[i]->doc))
            continue;
        docs[nd++] = m[i]->doc;
    }
    if (nd < 2)
        return c;
    /* similarity: the documents' signatures were numbered in doc order */
    for (i = 0; i < nd; i++)
        for (j = i + 1; j < nd; j++) {
            sum += abg_stories_similarity(chk->stories, chk->docs[docs[i]].sig_index,
                                          chk->docs[docs[j]].sig_index);
            pairs++;
        }
    sum /= (double)pairs;
    return c * (sum + STORY_BASE > 1 ? 1 : sum + STORY_BASE);
}

static void fingerprint(char id[17], const item *first, bool grouped, const char *extra)
{
    char key[2048];
    int n;

    if (grouped)
        n = snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%s%s%s", first->key, first->skey,
                     first->okey, first->tkey, extra ? "\x1f" : "", extra ? extra : "");
    else /* a claim alone: its place names it */
        n = snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%s\x1f%llu\x1f%s",
                     abg_fact_type_name(first->c.type), first->family,
                     first->c.subject ? first->c.subject : "", first->c.doc,
                     (unsigned long long)first->c.offset, first->c.text);
    snprintf(id, 17, "%016llx",
             (unsigned long long)abg_hash(key, n < 0 ? 0 : (size_t)n < sizeof key ? (size_t)n
                                                                               : sizeof key - 1));
}

static int cmp_group(const void *a, const void *b)
{
    const abg_group *x = a, *y = b;
    int r;

    if (x->verdict != y->verdict)
        return x->verdict < y->verdict ? -1 : 1;
    if ((r = strcmp(x->claims[0]->doc, y->claims[0]->doc)))
        return r;
    if (x->claims[0]->offset != y->claims[0]->offset)
        return x->claims[0]->offset < y->claims[0]->offset ? -1 : 1;
    return strcmp(x->id, y->id);
}

static int cmp_id(const void *a, const void *b)
{
    const abg_group *x = *(abg_group *const *)a, *y = *(abg_group *const *)b;
    int r = strcmp(x->id, y->id);

    if (r)
        return r;
    /* a group of several documents keeps the plain id before a single */
    if ((x->verdict == ABG_VERDICT_SINGLE) != (y->verdict == ABG_VERDICT_SINGLE))
        return x->verdict == ABG_VERDICT_SINGLE ? 1 : -1;
    if ((r = strcmp(x->claims[0]->doc, y->claims[0]->doc)))
        return r;
    return x->claims[0]->offset < y->claims[0]->offset ? -1 : 1;
}

/* The order claims are grouped in: key, story, time key, then document
 * order (items are sorted by document already). */
typedef struct {
    const char *key, *skey, *okey, *tkey;
    size_t story, seg, i;
    double day; /* the publication day of the claim's document, or NAN */
} sortkey;

static int cmp_grouping(const void *a, const void *b)
{
    const sortkey *x = a, *y = b;
    int r;

    if (x->key != y->key && (r = strcmp(x->key, y->key)))
        return r;
    if (x->story != y->story)
        return x->story < y->story ? -1 : 1;
    if (x->skey != y->skey && (r = strcmp(x->skey, y->skey)))
        return r;
    if (x->okey != y->okey && (r = strcmp(x->okey, y->okey)))
        return r;
    if (x->tkey != y->tkey && (r = strcmp(x->tkey, y->tkey)))
        return r;
    if (x->seg != y->seg)
        return x->seg < y->seg ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* The subjects of a run (sorted by subject) that name one party become
 * one (abg_names_canon: "Trump" is "Donald Trump", "Kirks" is "Kirk");
 * out of memory, or with more than NAMES_MAX names, nothing is merged. */
static void same_names(abg_check *chk, sortkey *o, size_t n)
{
    const char **names = NULL, **canon = NULL;
    size_t nn = 0, k, j;

    for (k = 0; k < n; k++)
        nn += *o[k].skey && (k == 0 || o[k].skey != o[k - 1].skey);
    if (nn < 2 || nn > NAMES_MAX)
        return;
    if (!(names = malloc(nn * sizeof *names)) || !(canon = malloc(nn * sizeof *canon)))
        goto done;
    for (k = 0, nn = 0; k < n; k++)
        if (*o[k].skey && (k == 0 || o[k].skey != o[k - 1].skey))
            names[nn++] = o[k].skey;
    if (abg_names_canon(names, nn, canon) < 0)
        goto done;
    for (k = 0, j = 0; k < n; k++) {
        if (!*o[k].skey)
            continue;
        while (names[j] != o[k].skey)
            j++;
        chk->items[o[k].i].skey = o[k].skey = canon[j];
    }
done:
    free(names);
    free(canon);
}

/* Claims of one key and story whose subject is inferred (not named in
 * their sentence) take the one subject the others name; when none names
 * one, they share the subject most of them infer. Claims without a
 * subject whose measure is sure take it too. */
static void resolve_subjects(abg_check *chk, sortkey *o, size_t n)
{
    const char *strong = NULL, *best = NULL;
    size_t k, j, nstrong = 0, bestn = 0;

    same_names(chk, o, n);

    for (k = 0; k < n; k++) {
        const item *it = &chk->items[o[k].i];
        if (!it->c.inferred && *o[k].skey && o[k].skey != strong) {
            if (!strong || strcmp(o[k].skey, strong))
                nstrong++;
            strong = o[k].skey;
        }
    }
    if (nstrong > 1)
        return;
    if (nstrong == 0) {
        for (k = 0; k < n; k++) {
            size_t c = 0;
            if (!*o[k].skey)
                continue;
            for (j = 0; j < n; j++)
                c += o[j].skey == o[k].skey;
            if (c > bestn || (c == bestn && strcmp(o[k].skey, best) < 0)) {
                best = o[k].skey;
                bestn = c;
            }
        }
        strong = best;
    }
    if (!strong)
        return;
    /* and so do claims that name nobody, when their measure is sure */
    for (k = 0; k < n; k++) {
        const item *it = &chk->items[o[k].i];
        if (*o[k].skey ? it->c.inferred : it->c.confidence >= SUBJECTLESS_CONFIDENCE)
            chk->items[o[k].i].skey = o[k].skey = strong;
    }
}

/* Claims of one key, story and subject: objects that name one party
 * (abg_same_party: "Elbkai" and "Hafenlogistiker Elbkai") become the shortest
 * of them; when one party is left, claims with no object take it, with two
 * a claim with no object stays apart. Then, per object, claims with no
 * explicit time join the one explicit time there is. The run is sorted
 * again after each step. */
static void resolve_objects_times(abg_check *chk, sortkey *o, size_t n)
{
    const char *canon = NULL;
    size_t k, j, a, b;
    bool one = true;

    /* each object becomes the shortest object that names its party */
    for (k = 0; k < n; k++) {
        const char *ob = o[k].okey, *best = ob;
        if (!*ob)
            continue;
        for (j = 0; j < n; j++) {
            const char *x = o[j].okey;
            if (*x && x != best && abg_same_party(ob, x) &&
                (strlen(x) < strlen(best) || (strlen(x) == strlen(best) && strcmp(x, best) < 0)))
                best = x;
        }
        chk->items[o[k].i].okey = o[k].okey = best;
    }
    /* one party: the claims that name none take it */
    for (k = 0; k < n && one; k++) {
        if (!*o[k].okey)
            continue;
        if (!canon)
            canon = o[k].okey;
        else if (o[k].okey != canon && strcmp(o[k].okey, canon))
            one = false;
    }
    if (canon && one)
        for (k = 0; k < n; k++)
            chk->items[o[k].i].okey = o[k].okey = canon;
    qsort(o, n, sizeof *o, cmp_grouping);
    for (a = 0; a < n; a = b) {
        size_t nexp = 0;
        const char *only = NULL;
        for (b = a; b < n && o[b].okey == o[a].okey; b++) {
            const char *t = o[b].tkey;
            if (*t && strcmp(t, "earlier") && t != only) {
                nexp++;
                only = t;
            }
        }
        if (nexp == 1) {
            /* a day joins only claims of documents published near it: a
             * report of a week before speaks of its own day; a claim of
             * the current state ("jetzt", "nun") is of no time that had
             * ended before its document or begins after it, and a claim
             * with no time of none that had ended longer before it than
             * half its length
             * ("Bardot ist mit 91 Jahren gestorben" is not of 1956; the
             * results of 2024 are still reported in March 2025, but the
             * inflation of a day in late May is not April's) */
            double first, end;
            bool known = abg_date_days(only, &first, &end) == 0, day = known && end - first == 1;
            for (k = a; k < b; k++) {
                const char *t = chk->items[o[k].i].c.time;
                if (*o[k].tkey)
                    continue;
                if (day && !isnan(o[k].day) && fabs(o[k].day - first) > CLAIM_DAYS)
                    continue;
                if (known && !isnan(o[k].day) &&
                    end + (t && !strcmp(t, "now") ? CLAIM_DAYS : fmax(CLAIM_DAYS, (end - first) / 2)) <
                        o[k].day)
                    continue;
                /* ... nor of a time that begins after its document
                 * ("Derzeit kostet es 58 Euro" is not the price of next
                 * year) */
                if (known && !isnan(o[k].day) && t && !strcmp(t, "now") &&
                    first > o[k].day + CLAIM_DAYS)
                    continue;
                chk->items[o[k].i].tkey = o[k].tkey = only;
            }
        } else if (nexp > 1) {
            /* several times: a claim with no time is of its document's
             * publication day, and so of the shortest of them that holds
             * that day ("45.000 Haushalte sind ohne Strom" in an item of
             * Tuesday; a rate of January beside December's in a report of
             * 30 January) */
            for (k = a; k < b; k++) {
                const docrec *d = &chk->docs[chk->items[o[k].i].doc];
                const char *best = NULL;
                double bestlen = INFINITY;
                size_t x;
                if (*o[k].tkey || isnan(d->day) || d->estimated)
                    continue;
                for (x = a; x < b; x++) {
                    double first, end;
                    if (*o[x].tkey && strcmp(o[x].tkey, "earlier") &&
                        abg_date_days(o[x].tkey, &first, &end) == 0 && first <= d->day &&
                        d->day < end && end - first < bestlen) {
                        best = o[x].tkey;
                        bestlen = end - first;
                    }
                }
                if (best)
                    chk->items[o[k].i].tkey = o[k].tkey = best;
            }
        } else {
            continue;
        }
        qsort(o + a, b - a, sizeof *o, cmp_grouping);
    }
}

static int cmp_day(const void *a, const void *b)
{
    const sortkey *x = a, *y = b;

    if (isnan(x->day) != isnan(y->day))
        return isnan(x->day) ? -1 : 1;
    if (!isnan(x->day) && x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* Claims of one key, story, subject, object and no explicit time speak of
 * the days their documents were published: those more than CLAIM_DAYS
 * apart are of different times (the rockets of two attacks a week apart,
 * the households without power on two days of an outage) and go into
 * different groups. Undated documents join the first. Running counts and
 * moving prices are of one time only within RUNNING_DAYS, counted back
 * from the latest report (the current count; older reports are an earlier
 * state). The figures of one match, race or round (Tore,
 * Zuschauer) are of one event only within MATCH_DAYS, and those of an
 * undated document are of its own event. */
static void split_days(abg_check *chk, sortkey *o, size_t n)
{
    const abg_claim *c0 = &chk->items[o[0].i].c;
    double days = c0->match ? MATCH_DAYS : c0->running ? RUNNING_DAYS : CLAIM_DAYS;
    double first = NAN;
    size_t k, seg = 0;

    if (n < 2 || *o[0].tkey)
        return;
    qsort(o, n, sizeof *o, cmp_day);
    if (c0->running) {
        /* the latest reports are the current count; those more than
         * RUNNING_DAYS before them are an earlier state, and so on back */
        for (k = n; k-- > 0;) {
            double day = o[k].day;
            if (!isnan(day)) {
                if (isnan(first))
                    first = day;
                else if (first - day > days) {
                    seg++;
                    first = day;
                }
            }
            o[k].seg = seg; /* undated: with the earliest */
        }
        qsort(o, n, sizeof *o, cmp_grouping);
        return;
    }
    for (k = 0; k < n; k++) {
        double day = o[k].day;
        if (isnan(day)) {
            /* undated: sorted first, by document */
            if (c0->match && k > 0 &&
                chk->items[o[k].i].doc != chk->items[o[k - 1].i].doc)
                seg++;
            o[k].seg = seg;
            continue;
        }
        if (isnan(first)) {
            first = day;
            if (c0->match && k > 0)
                seg++;
        } else if (day - first > days) {
            seg++;
            first = day;
        }
        o[k].seg = seg;
    }
    qsort(o, n, sizeof *o, cmp_grouping);
}

static void resolve_run(abg_check *chk, sortkey *o, size_t n)
{
    size_t a, b;

    resolve_subjects(chk, o, n);
    qsort(o, n, sizeof *o, cmp_grouping);
    for (a = 0; a < n; a = b) {
        for (b = a; b < n && o[b].skey == o[a].skey; b++)
            ;
        resolve_objects_times(chk, o + a, b - a);
    }
    for (a = 0; a < n; a = b) {
        for (b = a; b < n && o[b].skey == o[a].skey && o[b].okey == o[a].okey &&
                    o[b].tkey == o[a].tkey;
             b++)
            ;
        split_days(chk, o + a, b - a);
    }
}

int abg_check_run(abg_check *chk, abg_ctx *ctx)
{
    size_t i, k, ng = 0, pos, nkeyed = 0;
    sortkey *order = NULL;
    size_t *start = NULL, *origin = NULL;
    item **members = NULL;
    const item **uniq = NULL;
    abg_group **byid = NULL;
    bool *matched = NULL;
    int err;

    if (chk->ran)
        return 0;
    chk->ran = true;
    if (chk->n > 1)
        qsort(chk->items, chk->n, sizeof *chk->items, cmp_item);
    if ((err = stories(chk, ctx)) < 0)
        return err;
    err = ABG_ENOMEM;
    if (!(order = malloc((chk->n + 1) * sizeof *order)))
        goto done;
    /* the grouped claims in key order; the others are groups of one */
    for (i = 0; i < chk->n; i++)
        if (chk->items[i].key) {
            sortkey *o = &order[nkeyed++];
            o->key = chk->items[i].key;
            o->skey = chk->items[i].skey;
            o->okey = chk->items[i].okey;
            o->tkey = chk->items[i].tkey;
            o->story = chk->docs[chk->items[i].doc].story;
            o->seg = 0;
            o->i = i;
            o->day = chk->docs[chk->items[i].doc].estimated ? NAN
                                                             : chk->docs[chk->items[i].doc].day;
        }
    if (nkeyed > 1)
        qsort(order, nkeyed, sizeof *order, cmp_grouping);
    /* within one key and story: one object, one time where the claims allow */
    for (i = 0; i < nkeyed;) {
        size_t j = i;
        while (j < nkeyed && order[j].key == order[i].key && order[j].story == order[i].story)
            j++;
        resolve_run(chk, order + i, j - i);
        i = j;
    }
    /* number the groups */
    for (i = 0; i < chk->n; i++)
        chk->items[i].group = SIZE_MAX;
    for (i = 0, k = SIZE_MAX; i < nkeyed; i++) {
        const item *it = &chk->items[order[i].i];
        const sortkey *p = k == SIZE_MAX ? NULL : &order[k];
        if (!*it->skey && it->c.confidence < SUBJECTLESS_CONFIDENCE)
            continue; /* no subject, and an unsure measure: alone */
        if (!p || order[i].key != p->key || order[i].story != p->story ||
            order[i].skey != p->skey || order[i].okey != p->okey || order[i].tkey != p->tkey ||
            order[i].seg != p->seg)
            ng++;
        chk->items[order[i].i].group = ng - 1;
        k = i;
    }
    for (i = 0; i < chk->n; i++)
        if (chk->items[i].group == SIZE_MAX)
            chk->items[i].group = ng++;
    if (!(matched = calloc(ng + 1, sizeof *matched)) || abg_check_value_groups(chk, &ng, matched) < 0)
        goto done;
    if (!(start = calloc(ng + 2, sizeof *start)) ||
        !(members = malloc((chk->n + 1) * sizeof *members)) ||
        !(uniq = malloc((chk->n + 1) * sizeof *uniq)) ||
        !(origin = malloc((chk->n + 1) * sizeof *origin)) ||
        !(chk->groups = calloc(ng + 1, sizeof *chk->groups)) ||
        !(chk->claim_ptrs = malloc((chk->n + 1) * sizeof *chk->claim_ptrs)) ||
        !(chk->flags = calloc(3 * chk->n + 1, sizeof *chk->flags)))
        goto done;
    for (i = 0; i < chk->n; i++)
        start[chk->items[i].group + 1]++;
    for (k = 0; k < ng; k++)
        start[k + 1] += start[k];
    {
        size_t *fill = calloc(ng + 1, sizeof *fill);
        if (!fill)
            goto done;
        /* items are in document order, so members are too */
        for (i = 0; i < chk->n; i++) {
            size_t g = chk->items[i].group;
            members[start[g] + fill[g]++] = &chk->items[i];
        }
        free(fill);
    }
    pos = 0;
    for (k = 0; k < ng; k++) {
        abg_group *g = &chk->groups[pos];
        item **m = members + start[k];
        size_t n = start[k + 1] - start[k], j;
        judging J;
        memset(g, 0, sizeof *g);
        for (j = 0; j < n; j++)
            chk->claim_ptrs[start[k] + j] = &m[j]->c;
        g->type = m[0]->c.type;
        g->subject = m[0]->key && *m[0]->skey ? m[0]->skey : m[0]->c.subject;
        g->object = m[0]->key && *m[0]->okey ? m[0]->okey : NULL;
        g->measure = m[0]->c.measure;
        g->role = m[0]->c.role;
        g->time = m[0]->key && *m[0]->tkey ? m[0]->tkey : NULL;
        g->story = chk->docs[m[0]->doc].story;
        g->claims = chk->claim_ptrs + start[k];
        g->nclaims = n;
        g->copy = chk->flags + start[k];
        g->deviates = chk->flags + chk->n + start[k];
        g->inconsistent = chk->flags + 2 * chk->n + start[k];
        J.chk = chk;
        J.m = m;
        J.n = n;
        J.g = g;
        J.copy = (bool *)g->copy;
        J.dev = (bool *)g->deviates;
        J.inc = (bool *)g->inconsistent;
        J.uniq = uniq;
        J.origin = origin;
        judge(&J);
        g->confidence = confidence(chk, m, n);
        if (matched[k]) {
            /* named by what its first claims name */
            for (j = 0; j < n && !g->measure; j++)
                g->measure = m[j]->c.measure;
            for (j = 0; j < n && !g->subject; j++)
                g->subject = m[j]->c.subject;
            g->confidence *= ABG_VALUE_MATCH;
            fingerprint(g->id, m[0], false, NULL);
        } else
            fingerprint(g->id, m[0], m[0]->key != NULL, NULL);
        if (g->confidence < chk->opts.min_confidence && g->verdict == ABG_VERDICT_CONFLICT) {
            chk->nhidden++;
            continue;
        }
        pos++;
    }
    chk->ngroups = pos;
    /* two groups with one fingerprint (one key in two stories): the later
     * ones name their first document too */
    if (pos > 1) {
        if (!(byid = malloc(pos * sizeof *byid)))
            goto done;
        for (i = 0; i < pos; i++)
            byid[i] = &chk->groups[i];
        qsort(byid, pos, sizeof *byid, cmp_id);
        for (i = pos - 1; i > 0; i--) /* from the end: a run keeps its first */
            if (!strcmp(byid[i]->id, byid[i - 1]->id)) {
                const abg_claim *c = byid[i]->claims[0];
                const item *it = (const item *)((const char *)c - offsetof(item, c));
                char place[1024];
                snprintf(place, sizeof place, "%s\x1f%llu", c->doc, (unsigned long long)c->offset);
                fingerprint(byid[i]->id, it, it->key != NULL, place);
            }
    }
    if (pos > 1)
        qsort(chk->groups, pos, sizeof *chk->groups, cmp_group);
    /* the copies */
    for (i = 0; i < chk->ndocs; i++)
        chk->ncopies += chk->docs[i].copy_of != SIZE_MAX;
    if (chk->ncopies && !(chk->copies = malloc(chk->ncopies * sizeof *chk->copies)))
        goto done;
    for (i = k = 0; i < chk->ndocs; i++)
        if (chk->docs[i].copy_of != SIZE_MAX)
            chk->copies[k++] = i;
    err = 0;
done:
    free(matched);
    free(byid);
    free(order);
    free(start);
    free(members);
    free(uniq);
    free(origin);
    return err < 0 ? abg_error_oom(ctx) : 0;
}

size_t abg_check_group_count(const abg_check *chk)
{
    return chk->ngroups;
}

const abg_group *abg_check_group(const abg_check *chk, size_t i)
{
    return i < chk->ngroups ? &chk->groups[i] : NULL;
}

size_t abg_check_hidden_count(const abg_check *chk)
{
    return chk->nhidden;
}

size_t abg_check_story_count(const abg_check *chk)
{
    size_t i, n = 0, *sizes;

    if (!chk->nstories || !(sizes = calloc(chk->nstories, sizeof *sizes)))
        return 0;
    for (i = 0; i < chk->ndocs; i++)
        if (chk->docs[i].story < chk->nstories)
            sizes[chk->docs[i].story]++;
    for (i = 0; i < chk->nstories; i++)
        n += sizes[i] > 1;
    free(sizes);
    return n;
}

size_t abg_check_copy_count(const abg_check *chk)
{
    return chk->ncopies;
}

void abg_check_copy(const abg_check *chk, size_t i, const char **doc, const char **original)
{
    const docrec *d = &chk->docs[chk->copies[i]];

    *doc = d->id;
    *original = chk->docs[d->copy_of].id;
}
