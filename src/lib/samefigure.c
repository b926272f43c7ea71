/*
 * samefigure.c: the same figure in the same story.
 *
 * In:  the claims of a check, grouped by their keys (check.c).
 * Out: claims that the keys left alone (different measures or subjects,
 *      or none) joined by their figure: documents of one story that state
 *      the same type, unit, value and role say the same thing ("123
 *      politische Gefangene" freigelassen / sind frei), as careful readers
 *      match claims across outlets by the figure first. Such a group can
 *      only agree and is less sure (ABG_VALUE_MATCH).
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"


typedef struct {
    const item *it;
    const char *unit; /* interned: the unit, or for a count "" (loose) */
    size_t i;         /* into chk->items */
    size_t story;
    double day;  /* NAN when unknown or estimated */
    bool anchor; /* its group holds claims of several documents */
} vcand;

/* A group of more claims than this takes no claim by its figure (each
 * that would join is compared with all of its claims). */
#define ANCHOR_MAX 1024

/* What the passes of value_groups share. */
typedef struct {
    abg_check *chk;
    bool loose;      /* counts of any noun are one figure */
    bool *merged;    /* per group: it took claims */
    double *lo, *hi; /* per group of several documents: the values all its
                      * claims allow (NAN: none or not a figure) */
    size_t *gstart;  /* per group (ng + 1): its first in gmem */
    size_t *gmem;    /* the claims (into chk->items) by group */
    const vcand **m; /* scratch, chk->n entries */
    size_t *up;      /* scratch, chk->n entries */
} vjoin;

/* The unit a figure is matched by: its own, or in a loose pass, for
 * every count the same (the counted noun said in other words). */
static const char *figure_unit(const item *it, bool loose)
{
    static const char any_count[] = "";

    return loose && it->cmpunit && !strcmp(it->family, "count") ? any_count : it->c.unit;
}

static int cmp_value(const item *x, const char *xu, const item *y, const char *yu)
{
    int r;

    if (x->c.type != y->c.type)
        return x->c.type < y->c.type ? -1 : 1;
    if (x->c.role != y->c.role)
        return x->c.role < y->c.role ? -1 : 1;
    if (xu != yu) /* interned: order by text */
        return !xu ? -1 : !yu ? 1 : strcmp(xu, yu);
    if (x->c.type == ABG_FACT_DATE) {
        if ((r = strcmp(x->c.date, y->c.date)))
            return r;
        return strcmp(x->c.date_to, y->c.date_to);
    }
    if (x->c.value != y->c.value)
        return x->c.value < y->c.value ? -1 : 1;
    if (x->c.has_value_to != y->c.has_value_to)
        return x->c.has_value_to ? 1 : -1;
    if (x->c.has_value_to && x->c.value_to != y->c.value_to)
        return x->c.value_to < y->c.value_to ? -1 : 1;
    return 0;
}

static int cmp_vcand(const void *a, const void *b)
{
    const vcand *x = a, *y = b;
    int r;

    if (x->story != y->story)
        return x->story < y->story ? -1 : 1;
    if ((r = cmp_value(x->it, x->unit, y->it, y->unit)))
        return r;
    if (isnan(x->day) != isnan(y->day))
        return isnan(x->day) ? -1 : 1;
    if (!isnan(x->day) && x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* May a claim join others of its figure? Not a dateline or a converted
 * amount, not an earlier value, not a figure of a match (of its own
 * event), and a count needs its noun. */
static bool value_candidate(const item *it)
{
    return !it->c.skip && !it->c.match && strcmp(it->tkey, "earlier") &&
           !(it->c.type == ABG_FACT_QUANTITY && (!it->c.unit || !*it->c.unit));
}

/* Do two counts of other nouns count the same? When both name one
 * measure (40 Menschen starben, 40 Todesopfer), or the nouns are one word
 * in two forms: one starts or ends the other (Richter, Richterposten;
 * Soldaten, US-Soldaten) or they share their first 8 bytes
 * (Misstrauensvoten, Misstrauensvota); letters compared in ASCII case. */
static bool same_counted(const item *x, const item *y)
{
    const char *a = x->c.unit, *b = y->c.unit;
    size_t la, lb, k;

    if (x->c.measure && y->c.measure && !strcmp(x->c.measure, y->c.measure))
        return true;
    if (!a || !b)
        return false;
    la = strlen(a);
    lb = strlen(b);
    for (k = 0; k < la && k < lb && tolower((unsigned char)a[k]) == tolower((unsigned char)b[k]); k++)
        ;
    if (k == la || k == lb || k >= 8)
        return true;
    for (k = 0; k < la && k < lb &&
                tolower((unsigned char)a[la - 1 - k]) == tolower((unsigned char)b[lb - 1 - k]);
         k++)
        ;
    return k == la || k == lb;
}

/* Claims m[0..n) of one figure (in their sorted order, so that the
 * claims of a document are next to each other) become one group when
 * they come from two documents or more, with bounds all of one direction,
 * at most one explicit time and one object, (undated: one measure they
 * all name), no document giving the figure to two named parties, and
 * (loose) every count's noun matched by another document's: the one
 * group of several documents among them (an anchor) when there is one,
 * else the group of the first; with two anchors nothing joins.
 * merged[that group] is set. */
static void value_join(vjoin *J, const vcand *const *m, size_t n)
{
    abg_check *chk = J->chk;
    bool loose = J->loose;
    size_t k, j, target, anchor = SIZE_MAX;
    bool lower = false, upper = false, docs = false, two = false;
    const char *time = NULL, *object = NULL, *measure = n ? m[0]->it->c.measure : NULL;
    const char *named = NULL;
    const item *docfirst = NULL;

    for (k = 0; k < n; k++) {
        const item *it = m[k]->it;
        docs |= it->doc != m[0]->it->doc;
        lower |= it->c.qualifier == ABG_QUAL_LOWER;
        upper |= it->c.qualifier == ABG_QUAL_UPPER;
        if (*it->tkey && time && time != it->tkey)
            two = true; /* two explicit times: a series */
        if (*it->tkey)
            time = it->tkey;
        if (m[k]->anchor && anchor != SIZE_MAX && anchor != it->group)
            two = true;
        if (m[k]->anchor)
            anchor = it->group;
        if (isnan(m[k]->day) && (!measure || !it->c.measure || strcmp(measure, it->c.measure)))
            two = true; /* undated: nothing says it is one time */
        if (*it->okey && object && object != it->okey)
            two = true; /* of two parties: stakes in two firms */
        if (*it->okey)
            object = it->okey;
        /* one document names two parties with this figure (25 % each): a
         * list, not one fact; or (loose) counts two nouns with it. A
         * document's claims are next to each other: each is compared
         * with the first of its document and the first it names */
        if (k == 0 || it->doc != m[k - 1]->it->doc) {
            docfirst = it;
            named = NULL;
        }
        if (*it->skey && !it->c.inferred) {
            two |= named && named != it->skey;
            named = it->skey;
        }
        two |= loose && it->c.unit != docfirst->c.unit;
    }
    if (!docs || (lower && upper) || two)
        return;
    /* the anchor's claims need not state this figure alone, but every
     * claim that joins must meet them all, and come from a document that
     * gives the anchor no other figure (29,9 % for the stake beside a
     * threshold of 30 %) */
    for (k = 0; anchor != SIZE_MAX && k < n; k++) {
        const item *it = m[k]->it;
        if (m[k]->anchor)
            continue;
        if (isnan(J->lo[anchor]) || isnan(it->lo) || it->lo > J->hi[anchor] ||
            it->hi < J->lo[anchor])
            return;
        for (j = J->gstart[anchor]; j < J->gstart[anchor + 1]; j++) {
            const item *o = &chk->items[J->gmem[j]];
            if (o->doc == it->doc && cmp_value(o, o->c.unit, it, it->c.unit))
                return;
        }
    }
    /* counts of other nouns: only those whose noun another document's
     * matches (same_counted) */
    for (k = 0; loose && k < n; k++) {
        for (j = 0; j < n; j++)
            if (m[j]->it->doc != m[k]->it->doc && same_counted(m[k]->it, m[j]->it))
                break;
        if (j == n)
            return;
    }
    target = anchor != SIZE_MAX ? anchor : m[0]->it->group;
    for (k = 0; k < n; k++)
        if (m[k]->it->group != target) {
            chk->items[m[k]->i].group = target;
            J->merged[target] = true;
        }
}

/* A run of claims of one story and figure, sorted by day (undated
 * first), in segments: the undated claims, then the dated ones within
 * CLAIM_DAYS of the segment's first; each segment is joined. */
static void value_run(vjoin *J, const vcand *v, size_t n)
{
    size_t a, b, k;

    for (a = 0; a < n; a = b) {
        if (isnan(v[a].day))
            for (b = a; b < n && isnan(v[b].day); b++)
                ;
        else
            for (b = a; b < n && v[b].day - v[a].day <= CLAIM_DAYS; b++)
                ;
        for (k = a; k < b; k++)
            J->m[k - a] = &v[k];
        value_join(J, J->m, b - a);
    }
}

/* Across stories: a figure written so that two documents rarely state it
 * by chance (an amount, a percentage, a count, a full date; not a
 * duration or a year), stated in documents of other stories published
 * within CROSS_DAYS whose signatures are alike (cosine CROSS_SIMILARITY
 * or more, below what makes one story), is one figure too: short reports
 * of one event that share few words. A figure that CROSS_MAX claims or
 * more state within those days links nothing. */
#define CROSS_DAYS 1
#define CROSS_SIMILARITY 0.05
#define CROSS_MAX 64

static bool cross_candidate(const item *it)
{
    switch (it->c.type) {
    case ABG_FACT_DATE: return strlen(it->c.date) == 10;
    case ABG_FACT_QUANTITY: return strcmp(it->family, "s") != 0;
    default: return true;
    }
}

static size_t uf_find(size_t *up, size_t k)
{
    while (up[k] != k)
        k = up[k] = up[up[k]];
    return k;
}

/* A run of claims of one figure (all stories), sorted by day: per
 * segment of CROSS_DAYS, the claims linked by alike documents of other
 * stories are joined, each linked set in the run's order. */
static void value_cross(vjoin *J, const vcand *v, size_t n)
{
    abg_check *chk = J->chk;
    size_t *up = J->up, a, b, k, j, r, nm;

    for (a = 0; a < n; a = b) {
        for (b = a; b < n && v[b].day - v[a].day <= CROSS_DAYS; b++)
            ;
        if (b - a < 2 || b - a >= CROSS_MAX || !chk->stories)
            continue;
        for (k = a; k < b; k++)
            up[k - a] = k - a;
        for (k = a; k < b; k++)
            for (j = k + 1; j < b; j++) {
                const docrec *x = &chk->docs[v[k].it->doc], *y = &chk->docs[v[j].it->doc];
                if (x->story == y->story || !x->has_sig || !y->has_sig ||
                    abg_stories_similarity(chk->stories, x->sig_index, y->sig_index) <
                        CROSS_SIMILARITY)
                    continue;
                up[uf_find(up, k - a)] = uf_find(up, j - a);
            }
        for (k = a; k < b; k++) {
            if ((r = uf_find(up, k - a)) == SIZE_MAX || r != k - a)
                continue; /* each set once, from its root */
            for (nm = 0, j = a; j < b; j++)
                if (uf_find(up, j - a) == r)
                    J->m[nm++] = &v[j];
            if (nm > 1)
                value_join(J, J->m, nm);
        }
    }
}

/* The passes of value_groups: figures of one unit or counted noun, then
 * counts of other nouns, then across stories. */
enum { PASS_STRICT, PASS_LOOSE, PASS_CROSS };

/* One pass of value_groups: the groups of one document that state one
 * figure, and the groups of several documents whose values all meet
 * (anchors, with each of their figures), by story and figure
 * (PASS_CROSS: by figure). */
static void value_pass(vjoin *J, size_t ng, int pass, vcand *v, size_t *gdoc, const item **first,
                       bool *uniform)
{
    abg_check *chk = J->chk;
    size_t i, a, b, nv = 0;

    J->loose = pass == PASS_LOOSE;
    memset(first, 0, ng * sizeof *first);
    /* per group: its one document (SIZE_MAX: several), whether all its
     * claims may join and state one figure, and the values they all
     * allow */
    for (i = 0; i < chk->n; i++) {
        const item *it = &chk->items[i];
        size_t g = it->group;
        if (!first[g]) {
            first[g] = it;
            gdoc[g] = it->doc;
            uniform[g] = true;
            J->lo[g] = -INFINITY;
            J->hi[g] = INFINITY;
        } else if (gdoc[g] != it->doc)
            gdoc[g] = SIZE_MAX;
        if (!value_candidate(it)) {
            uniform[g] = false;
            J->lo[g] = NAN;
        }
        uniform[g] = uniform[g] && !cmp_value(first[g], figure_unit(first[g], J->loose), it,
                                              figure_unit(it, J->loose));
        if (isnan(it->lo) || isnan(J->lo[g]))
            J->lo[g] = NAN;
        else {
            J->lo[g] = fmax(J->lo[g], it->lo);
            J->hi[g] = fmin(J->hi[g], it->hi);
        }
    }
    /* the claims by group */
    memset(J->gstart, 0, (ng + 1) * sizeof *J->gstart);
    for (i = 0; i < chk->n; i++)
        J->gstart[chk->items[i].group + 1]++;
    for (i = 0; i < ng; i++)
        J->gstart[i + 1] += J->gstart[i];
    for (i = 0; i < chk->n; i++)
        J->gmem[J->gstart[chk->items[i].group]++] = i;
    for (i = ng; i > 0; i--) /* back to the starts */
        J->gstart[i] = J->gstart[i - 1];
    J->gstart[0] = 0;
    for (i = 0; i < chk->n; i++) {
        const item *it = &chk->items[i];
        const docrec *d = &chk->docs[it->doc];
        size_t g = it->group;
        bool anchor = gdoc[g] == SIZE_MAX;
        if (anchor ? isnan(J->lo[g]) || J->lo[g] > J->hi[g] ||
                         J->gstart[g + 1] - J->gstart[g] > ANCHOR_MAX
                   : !uniform[g])
            continue;
        v[nv].it = it;
        v[nv].unit = figure_unit(it, J->loose);
        v[nv].i = i;
        v[nv].story = d->story;
        v[nv].day = d->estimated ? NAN : d->day;
        v[nv].anchor = anchor;
        if (pass == PASS_CROSS) {
            if (isnan(v[nv].day) || !cross_candidate(it))
                continue;
            v[nv].story = 0;
        }
        nv++;
    }
    if (nv > 1)
        qsort(v, nv, sizeof *v, cmp_vcand);
    for (a = 0; a < nv; a = b) {
        for (b = a + 1; b < nv && v[b].story == v[a].story &&
                        !cmp_value(v[a].it, v[a].unit, v[b].it, v[b].unit);
             b++)
            ;
        if (b - a < 2)
            continue;
        if (pass == PASS_CROSS)
            value_cross(J, v + a, b - a);
        else
            value_run(J, v + a, b - a);
    }
}

/* Claims in groups of one document (ng groups numbered in items[].group)
 * join the others of their story and figure, as one group or into the
 * one group of several documents whose values all meet theirs: first by
 * figures of one unit or counted noun, then counts of other nouns
 * ("drei Immunforscher", "drei Wissenschaftler"), then across stories.
 * The groups are numbered again without gaps, *ng updated. `merged` (ng
 * entries, zeroed) marks the groups that took claims so, by their new
 * numbers. Returns 0 or ABG_ENOMEM. */
int abg_check_value_groups(abg_check *chk, size_t *ng, bool *merged)
{
    size_t *size = NULL, *renum = NULL, *gdoc = NULL, i, n2 = 0;
    const item **first = NULL;
    vcand *v = NULL;
    bool *uniform = NULL;
    vjoin J;
    int err = ABG_ENOMEM;

    memset(&J, 0, sizeof J);
    J.chk = chk;
    if (!(size = calloc(*ng + 1, sizeof *size)) || !(renum = malloc((*ng + 1) * sizeof *renum)) ||
        !(gdoc = malloc((*ng + 1) * sizeof *gdoc)) ||
        !(first = calloc(*ng + 1, sizeof *first)) || !(v = malloc((chk->n + 1) * sizeof *v)) ||
        !(J.merged = calloc(*ng + 1, sizeof *J.merged)) ||
        !(uniform = malloc((*ng + 1) * sizeof *uniform)) ||
        !(J.lo = malloc((*ng + 1) * sizeof *J.lo)) || !(J.hi = malloc((*ng + 1) * sizeof *J.hi)) ||
        !(J.m = malloc((chk->n + 1) * sizeof *J.m)) ||
        !(J.gstart = malloc((*ng + 2) * sizeof *J.gstart)) ||
        !(J.gmem = malloc((chk->n + 1) * sizeof *J.gmem)) ||
        !(J.up = malloc((chk->n + 1) * sizeof *J.up)))
        goto done;
    value_pass(&J, *ng, PASS_STRICT, v, gdoc, first, uniform);
    value_pass(&J, *ng, PASS_LOOSE, v, gdoc, first, uniform);
    if (chk->opts.scope != ABG_SCOPE_ALL)
        value_pass(&J, *ng, PASS_CROSS, v, gdoc, first, uniform);
    /* number again: a group that lost its claims is gone */
    for (i = 0; i < chk->n; i++)
        size[chk->items[i].group]++;
    for (i = 0; i < *ng; i++) {
        renum[i] = n2;
        if (size[i]) {
            merged[n2] = J.merged[i];
            n2++;
        }
    }
    for (i = 0; i < chk->n; i++)
        chk->items[i].group = renum[chk->items[i].group];
    *ng = n2;
    err = 0;
done:
    free(size);
    free(renum);
    free(gdoc);
    free(first);
    free(v);
    free(uniform);
    free(J.merged);
    free(J.lo);
    free(J.hi);
    free(J.m);
    free(J.up);
    free(J.gstart);
    free(J.gmem);
    return err;
}
