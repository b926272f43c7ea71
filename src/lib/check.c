/*
 * check.c: cross-checking claims: groups and verdicts.
 *
 * In:  claims (abg_check_add), from texts or from facts JSONL shards.
 * Out: groups with a verdict, a cause and a stable fingerprint.
 *
 * Claims are first sorted (document, offset, text), so that the result
 * does not depend on the order they came in. A claim's bucket is its type,
 * unit family and subject; within a bucket, claims that share an
 * attribute stem are joined (union-find over a table of (bucket, stem) ->
 * first claim), so grouping costs O(n log n) for the sort and about
 * O(n * stems) for the rest. A claim without a subject stays alone.
 *
 * Values are compared as intervals: an exact value spans the precision it
 * was stated with (27 is 26.5..27.5; 134,8 is 134.75..134.85), an
 * approximation adds the tolerance, a bound is open on one side, a range
 * spans both ends; dates span their days. Two claims agree when their
 * intervals meet. Money in different currencies, and percent against
 * percentage points, are never compared as numbers. Only claims of
 * different documents are compared: a figure restated in one article
 * never conflicts with itself.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "strset.h"

/* Unique value signatures of a group compared pairwise, at most. */
#define MAX_COMPARED 4096

typedef struct {
    abg_claim c;
    const char *bucket; /* interned "type\x1f family\x1f subject" */
    const char *family;
    const char *cmpunit; /* currency, "%"/"pp", base unit; NULL for dates */
    double lo, hi;       /* the interval, in cmpunit (dates: day numbers) */
    double mag;          /* the value, in cmpunit, for scale slips */
    size_t parent;       /* union-find */
    size_t group;
} item;

struct abg_check {
    abg_check_options opts;
    abg_strset strings; /* every short string, interned */
    char **texts;       /* sentences and texts (owned) */
    size_t ntexts, captexts;
    item *items;
    size_t n, cap;
    abg_group *groups;
    size_t ngroups;
    const abg_claim **claim_ptrs; /* the groups' claim lists, one array */
    const char **attr_ptrs;       /* the groups' attributes, one array */
    bool ran;
};

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
    free(chk->groups);
    free(chk->claim_ptrs);
    free(chk->attr_ptrs);
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
        *family = c->unit ? c->unit : "";
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

int abg_check_add(abg_check *chk, abg_ctx *ctx, const abg_claim *claim)
{
    item *it;
    const char **attr = NULL;
    const char *cmpunit;
    double factor;
    char key[512];
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
        (claim->time && !(it->c.time = intern(chk, claim->time))) ||
        (claim->text && !(it->c.text = own(chk, claim->text))) ||
        (claim->sentence && !(it->c.sentence = intern(chk, claim->sentence))))
        goto oom;
    if (!it->c.text)
        it->c.text = "";
    family_of(&it->c, &it->family, &cmpunit, &factor);
    it->cmpunit = cmpunit ? intern(chk, cmpunit) : NULL;
    if (cmpunit && !it->cmpunit)
        goto oom;
    if (it->c.subject) {
        snprintf(key, sizeof key, "%s\x1f%s\x1f%s", abg_fact_type_name(it->c.type), it->family,
                 it->c.subject);
        if (!(it->bucket = intern(chk, key)))
            goto oom;
    }
    interval(it, chk->opts.tolerance);
    chk->n++;
    return 0;
oom:
    free(attr);
    return abg_error_oom(ctx);
}

size_t abg_check_claim_count(const abg_check *chk)
{
    return chk->n;
}

/* ---- grouping ---- */

static int cmp_item(const void *a, const void *b)
{
    const item *x = a, *y = b;
    int r = strcmp(x->c.doc ? x->c.doc : "", y->c.doc ? y->c.doc : "");

    if (r)
        return r;
    if (x->c.offset != y->c.offset)
        return x->c.offset < y->c.offset ? -1 : 1;
    if (x->c.type != y->c.type)
        return x->c.type < y->c.type ? -1 : 1;
    return strcmp(x->c.text, y->c.text);
}

static size_t find_root(item *items, size_t i)
{
    while (items[i].parent != i) {
        items[i].parent = items[items[i].parent].parent;
        i = items[i].parent;
    }
    return i;
}

static void unite(item *items, size_t a, size_t b)
{
    a = find_root(items, a);
    b = find_root(items, b);
    if (a < b)
        items[b].parent = a;
    else if (b < a)
        items[a].parent = b;
}

/* (bucket, stem) -> the first claim with both; both strings interned, so
 * they are compared by pointer. */
typedef struct {
    const char *bucket, *stem;
    size_t first;
} slot;

static uint64_t mix(const void *a, const void *b)
{
    uint64_t h = (uint64_t)(uintptr_t)a * 0x9E3779B97F4A7C15ull;
    h ^= (uint64_t)(uintptr_t)b + 0x7F4A7C159E3779B9ull + (h << 6) + (h >> 2);
    h ^= h >> 29;
    return h * 0xBF58476D1CE4E5B9ull;
}

static int join_by_stems(abg_check *chk)
{
    size_t total = 0, cap = 16, i, k;
    slot *tab;

    for (i = 0; i < chk->n; i++)
        total += chk->items[i].bucket ? chk->items[i].c.nattribute : 0;
    while (cap < total * 2)
        cap *= 2;
    if (!(tab = calloc(cap, sizeof *tab)))
        return ABG_ENOMEM;
    for (i = 0; i < chk->n; i++) {
        item *it = &chk->items[i];
        if (!it->bucket)
            continue;
        for (k = 0; k < it->c.nattribute; k++) {
            const char *stem = it->c.attribute[k];
            size_t j = mix(it->bucket, stem) & (cap - 1);
            while (tab[j].bucket && !(tab[j].bucket == it->bucket && tab[j].stem == stem))
                j = (j + 1) & (cap - 1);
            if (tab[j].bucket) {
                unite(chk->items, tab[j].first, i);
            } else {
                tab[j].bucket = it->bucket;
                tab[j].stem = stem;
                tab[j].first = i;
            }
        }
    }
    free(tab);
    return 0;
}

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

static bool same_time(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return a == b || !strcmp(a, b);
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
    if (!same_time(a->c.time, b->c.time))
        return ABG_CAUSE_TIME;
    return ABG_CAUSE_NONE;
}

/* Two members are the same for the verdict when they say the same in the
 * same document. */
static bool same_signature(const item *a, const item *b)
{
    return a->c.doc == b->c.doc && a->cmpunit == b->cmpunit && a->c.time == b->c.time &&
           ((a->lo == b->lo && a->hi == b->hi) || (isnan(a->lo) && isnan(b->lo))) &&
           a->mag == b->mag;
}

static void judge(abg_group *g, item *const *members, size_t n, const item **uniq)
{
    size_t i, j, nu = 0;
    int cause = -2; /* none seen yet */
    bool conflict = false;
    const char *doc0 = members[0]->c.doc;

    for (i = 1; i < n && members[i]->c.doc == doc0; i++)
        ;
    if (i == n) {
        g->verdict = ABG_VERDICT_SINGLE;
        g->cause = ABG_CAUSE_NONE;
        return;
    }
    for (i = 0; i < n; i++) {
        for (j = 0; j < nu && !same_signature(uniq[j], members[i]); j++)
            ;
        if (j == nu && nu < MAX_COMPARED)
            uniq[nu++] = members[i];
    }
    for (i = 0; i < nu; i++)
        for (j = i + 1; j < nu; j++) {
            int c;
            if (uniq[i]->c.doc == uniq[j]->c.doc)
                continue;
            if ((c = pair_cause(uniq[i], uniq[j])) < 0)
                continue;
            conflict = true;
            cause = cause == -2 || cause == c ? c : ABG_CAUSE_NONE;
        }
    g->verdict = conflict ? ABG_VERDICT_CONFLICT : ABG_VERDICT_AGREE;
    g->cause = conflict ? (abg_cause)cause : ABG_CAUSE_NONE;
}

/* ---- fingerprints and attributes ---- */

typedef struct {
    const char *stem;
    size_t count;
} stem_count;

static int cmp_count(const void *a, const void *b)
{
    const stem_count *x = a, *y = b;

    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->stem, y->stem);
}

static void fingerprint(char id[17], const item *first, const char *anchor)
{
    char key[1024];
    int n;

    if (first->c.subject && anchor)
        n = snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%s", abg_fact_type_name(first->c.type),
                     first->family, first->c.subject, anchor);
    else /* a claim alone: its place names it */
        n = snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%s\x1f%llu\x1f%s",
                     abg_fact_type_name(first->c.type), first->family,
                     first->c.subject ? first->c.subject : "", first->c.doc ? first->c.doc : "",
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
    if ((r = strcmp(x->claims[0]->doc ? x->claims[0]->doc : "",
                    y->claims[0]->doc ? y->claims[0]->doc : "")))
        return r;
    if (x->claims[0]->offset != y->claims[0]->offset)
        return x->claims[0]->offset < y->claims[0]->offset ? -1 : 1;
    return strcmp(x->id, y->id);
}

int abg_check_run(abg_check *chk, abg_ctx *ctx)
{
    size_t i, k, ng = 0, nattr = 0, pos, apos;
    size_t *start = NULL, *fill = NULL;
    item **members = NULL;
    const item **uniq = NULL;
    stem_count *counts = NULL;
    int err = ABG_ENOMEM;

    if (chk->ran)
        return 0;
    chk->ran = true;
    if (chk->n > 1)
        qsort(chk->items, chk->n, sizeof *chk->items, cmp_item);
    for (i = 0; i < chk->n; i++)
        chk->items[i].parent = i;
    if (join_by_stems(chk) < 0)
        goto done;
    /* number the groups by their first claim, count their members */
    for (i = 0; i < chk->n; i++) {
        size_t r = find_root(chk->items, i);
        chk->items[i].group = r == i ? ng++ : chk->items[r].group;
        nattr += chk->items[i].c.nattribute;
    }
    if (!(start = calloc(ng + 1, sizeof *start)) || !(fill = calloc(ng + 1, sizeof *fill)) ||
        !(members = malloc((chk->n + 1) * sizeof *members)) ||
        !(uniq = malloc((chk->n + 1) * sizeof *uniq)) ||
        !(counts = malloc((nattr + 1) * sizeof *counts)) ||
        !(chk->groups = calloc(ng + 1, sizeof *chk->groups)) ||
        !(chk->claim_ptrs = malloc((chk->n + 1) * sizeof *chk->claim_ptrs)) ||
        !(chk->attr_ptrs = malloc((nattr + 1) * sizeof *chk->attr_ptrs)))
        goto done;
    for (i = 0; i < chk->n; i++)
        start[chk->items[i].group + 1]++;
    for (k = 0; k < ng; k++)
        start[k + 1] += start[k];
    for (i = 0; i < chk->n; i++) {
        size_t g = chk->items[i].group;
        members[start[g] + fill[g]++] = &chk->items[i];
    }
    apos = 0;
    for (k = 0; k < ng; k++) {
        abg_group *g = &chk->groups[k];
        item **m = members + start[k];
        size_t n = start[k + 1] - start[k], nc = 0, j;
        for (pos = 0; pos < n; pos++) {
            chk->claim_ptrs[start[k] + pos] = &m[pos]->c;
            for (j = 0; j < m[pos]->c.nattribute; j++) {
                const char *s = m[pos]->c.attribute[j];
                size_t c;
                for (c = 0; c < nc && counts[c].stem != s; c++)
                    ;
                if (c == nc) {
                    counts[nc].stem = s;
                    counts[nc++].count = 0;
                }
                counts[c].count++;
            }
        }
        if (nc > 1)
            qsort(counts, nc, sizeof *counts, cmp_count);
        g->type = m[0]->c.type;
        g->subject = m[0]->c.subject;
        g->claims = chk->claim_ptrs + start[k];
        g->nclaims = n;
        g->attribute = chk->attr_ptrs + apos;
        for (j = 0; j < nc && (j == 0 || counts[j].count * 2 >= n) && j < 8; j++)
            chk->attr_ptrs[apos + g->nattribute++] = counts[j].stem;
        apos += g->nattribute;
        fingerprint(g->id, m[0], nc ? counts[0].stem : NULL);
        judge(g, m, n, uniq);
    }
    chk->ngroups = ng;
    if (ng > 1)
        qsort(chk->groups, ng, sizeof *chk->groups, cmp_group);
    err = 0;
done:
    free(start);
    free(fill);
    free(members);
    free(uniq);
    free(counts);
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
