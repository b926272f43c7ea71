/*
 * terms.c: stem frequencies per group and keyness (`abgleich terms`).
 *
 * In:  documents, each counted into a named group (its id or its source).
 * Out: an abg_terms table (freed with abg_terms_free) and, per group, rows
 *      of stem, most frequent surface form, counts, G² and log ratio.
 *
 * Keyness compares a group with the rest of the corpus by log-likelihood,
 * G² = 2 (a ln(a/E1) + b ln(b/E2)) with E1 = c(a+b)/(c+d) and
 * E2 = d(a+b)/(c+d), where a and b are the word's counts in the group and
 * the rest and c and d their word totals (the form used by corpus
 * linguists' keyword tools), with the effect size log2 of the ratio of
 * relative frequencies ("log ratio").
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "strset.h"
#include "doc.h"
#include "text.h"

typedef struct {
    char *form;
    uint64_t count;
    uint64_t first; /* order of first sight, for ties */
} form_count;

typedef struct {
    char *stem;
    form_count *forms;
    size_t nforms;
    uint64_t total;
} entry;

/* A stem's figures within one group. The counts live with the group, so
 * that memory grows with what each group uses, not groups x stems. */
typedef struct {
    entry *e;
    uint64_t count, docs, last_doc;
} gslot;

typedef struct {
    char *name;
    uint64_t tokens, docs;
    gslot *slots;
    size_t n, cap;
    size_t *index; /* open addressing by entry: slot number + 1, 0 = empty */
    size_t icap;
} group;

struct abg_terms {
    const abg_lang *lang;
    entry **slots; /* open addressing by stem */
    size_t cap, count;
    group *groups; /* in order of creation */
    size_t ngroups, gcap;
    size_t *gindex; /* open addressing by name: group number + 1, 0 = empty */
    size_t gicap;
    size_t *order; /* group indices sorted by name */
    uint64_t doc_serial, form_serial;
    uint64_t tokens; /* counted words of all groups */
};

int abg_terms_new(abg_terms **out, const abg_lang *lang)
{
    abg_terms *t = calloc(1, sizeof *t);

    *out = t;
    if (!t)
        return ABG_ENOMEM;
    t->lang = lang;
    return 0;
}

static void entry_free(entry *e)
{
    size_t i;

    if (!e)
        return;
    for (i = 0; i < e->nforms; i++)
        free(e->forms[i].form);
    free(e->forms);
    free(e->stem);
    free(e);
}

void abg_terms_free(abg_terms *t)
{
    size_t i;

    if (!t)
        return;
    for (i = 0; i < t->cap; i++)
        entry_free(t->slots[i]);
    for (i = 0; i < t->ngroups; i++) {
        free(t->groups[i].name);
        free(t->groups[i].slots);
        free(t->groups[i].index);
    }
    free(t->slots);
    free(t->groups);
    free(t->gindex);
    free(t->order);
    free(t);
}

static int grow(abg_terms *t)
{
    size_t cap = t->cap ? t->cap * 2 : 1024, i, j;
    entry **slots = calloc(cap, sizeof *slots);

    if (!slots)
        return ABG_ENOMEM;
    for (i = 0; i < t->cap; i++) {
        if (!t->slots[i])
            continue;
        for (j = abg_hash(t->slots[i]->stem, strlen(t->slots[i]->stem)) & (cap - 1); slots[j];
             j = (j + 1) & (cap - 1))
            ;
        slots[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return 0;
}

static entry *lookup(abg_terms *t, const char *stem, size_t n)
{
    size_t i;
    entry *e;

    if ((t->count + 1) * 2 > t->cap && grow(t) < 0)
        return NULL;
    for (i = abg_hash(stem, n) & (t->cap - 1); (e = t->slots[i]); i = (i + 1) & (t->cap - 1))
        if (strlen(e->stem) == n && !memcmp(e->stem, stem, n))
            return e;
    if (!(e = calloc(1, sizeof *e)) || !(e->stem = abg_strndup(stem, n))) {
        free(e);
        return NULL;
    }
    t->slots[i] = e;
    t->count++;
    return e;
}

static int add_form(abg_terms *t, entry *e, const char *form, size_t n)
{
    size_t i;
    form_count *p;

    for (i = 0; i < e->nforms; i++) {
        if (strlen(e->forms[i].form) == n && !memcmp(e->forms[i].form, form, n)) {
            e->forms[i].count++;
            return 0;
        }
    }
    if (!(p = realloc(e->forms, (e->nforms + 1) * sizeof *p)))
        return ABG_ENOMEM;
    e->forms = p;
    if (!(p[e->nforms].form = abg_strndup(form, n)))
        return ABG_ENOMEM;
    p[e->nforms].count = 1;
    p[e->nforms].first = t->form_serial++;
    e->nforms++;
    return 0;
}

static size_t ptr_hash(const void *p)
{
    return (size_t)(((uint64_t)(uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ull >> 17);
}

/* Rebuild a group's index at twice the size. */
static int regrow_index(group *gr)
{
    size_t cap = gr->icap ? gr->icap * 2 : 64, i, j;
    size_t *idx = calloc(cap, sizeof *idx);

    if (!idx)
        return ABG_ENOMEM;
    for (i = 0; i < gr->n; i++) {
        for (j = ptr_hash(gr->slots[i].e) & (cap - 1); idx[j]; j = (j + 1) & (cap - 1))
            ;
        idx[j] = i + 1;
    }
    free(gr->index);
    gr->index = idx;
    gr->icap = cap;
    return 0;
}

static int count_in(group *gr, entry *e, uint64_t doc)
{
    size_t j;
    gslot *sl;

    if ((gr->n + 1) * 2 > gr->icap && regrow_index(gr) < 0)
        return ABG_ENOMEM;
    for (j = ptr_hash(e) & (gr->icap - 1); gr->index[j]; j = (j + 1) & (gr->icap - 1))
        if (gr->slots[gr->index[j] - 1].e == e)
            break;
    if (!gr->index[j]) {
        if (gr->n == gr->cap) {
            size_t cap = gr->cap ? gr->cap * 2 : 64;
            gslot *p = realloc(gr->slots, cap * sizeof *p);
            if (!p)
                return ABG_ENOMEM;
            gr->slots = p;
            gr->cap = cap;
        }
        memset(&gr->slots[gr->n], 0, sizeof *gr->slots);
        gr->slots[gr->n].e = e;
        gr->index[j] = ++gr->n;
    }
    sl = &gr->slots[gr->index[j] - 1];
    sl->count++;
    e->total++;
    if (sl->last_doc != doc) {
        sl->last_doc = doc;
        sl->docs++;
    }
    return 0;
}

static int regrow_groups(abg_terms *t)
{
    size_t cap = t->gicap ? t->gicap * 2 : 64, i, j;
    size_t *idx = calloc(cap, sizeof *idx);

    if (!idx)
        return ABG_ENOMEM;
    for (i = 0; i < t->ngroups; i++) {
        const char *nm = t->groups[i].name;
        for (j = abg_hash(nm, strlen(nm)) & (cap - 1); idx[j]; j = (j + 1) & (cap - 1))
            ;
        idx[j] = i + 1;
    }
    free(t->gindex);
    t->gindex = idx;
    t->gicap = cap;
    return 0;
}

static int find_group(abg_terms *t, const char *name, size_t *out)
{
    size_t j;

    if ((t->ngroups + 1) * 2 > t->gicap && regrow_groups(t) < 0)
        return ABG_ENOMEM;
    for (j = abg_hash(name, strlen(name)) & (t->gicap - 1); t->gindex[j];
         j = (j + 1) & (t->gicap - 1)) {
        if (!strcmp(t->groups[t->gindex[j] - 1].name, name)) {
            *out = t->gindex[j] - 1;
            return 0;
        }
    }
    if (t->ngroups == t->gcap) {
        size_t cap = t->gcap ? t->gcap * 2 : 16;
        group *p = realloc(t->groups, cap * sizeof *p);
        if (!p)
            return ABG_ENOMEM;
        t->groups = p;
        t->gcap = cap;
    }
    memset(&t->groups[t->ngroups], 0, sizeof *t->groups);
    if (!(t->groups[t->ngroups].name = abg_strdup(name)))
        return ABG_ENOMEM;
    t->gindex[j] = t->ngroups + 1;
    *out = t->ngroups++;
    free(t->order);
    t->order = NULL; /* sorted again on demand */
    return 0;
}

int abg_terms_add(abg_terms *t, abg_ctx *ctx, abg_stemmer *st, const abg_doc *doc,
                  const char *group_name)
{
    abg_token *toks = NULL;
    size_t ntoks = 0, i, len, g;
    const char *text = abg_doc_text(doc, &len);
    uint64_t serial = ++t->doc_serial;
    int err;

    if ((err = find_group(t, group_name, &g)) < 0)
        return abg_error_oom(ctx);
    if ((err = abg_tokenize(&toks, &ntoks, t->lang->abbrevs, text, len)) < 0)
        return abg_error_oom(ctx);
    t->groups[g].docs++;
    for (i = 0; i < ntoks; i++) {
        const abg_token *tok = &toks[i];
        const char *stem, *folded;
        size_t stem_len, folded_len;
        entry *e;

        if (tok->kind != ABG_TOK_WORD)
            continue;
        /* stem first: the stemmer folds the word, and the stopwords are folded */
        if ((err = abg_stem(&stem, &stem_len, st, text + tok->off, tok->len)) < 0)
            break;
        folded = abg_stemmer_folded(st, &folded_len);
        if (abg_stopwords_has(t->lang->stopwords, folded, folded_len))
            continue;
        if (!stem_len)
            continue;
        if (!(e = lookup(t, stem, stem_len))) {
            err = ABG_ENOMEM;
            break;
        }
        if ((err = count_in(&t->groups[g], e, serial)) < 0 ||
            (err = add_form(t, e, text + tok->off, tok->len)) < 0)
            break;
        t->groups[g].tokens++;
        t->tokens++;
    }
    free(toks);
    if (err < 0)
        return abg_error(ctx, err, err == ABG_ENOMEM ? "out of memory" : "invalid text");
    return 0;
}

typedef struct {
    const char *name;
    size_t index;
} named;

static int cmp_named(const void *a, const void *b)
{
    return strcmp(((const named *)a)->name, ((const named *)b)->name);
}

/* Group indices by name, computed on first use after a group was added. */
static const size_t *order(const abg_terms *t)
{
    abg_terms *mut = (abg_terms *)t;
    named *tmp;
    size_t i;

    if (t->order || !t->ngroups)
        return t->order;
    if (!(tmp = malloc(t->ngroups * sizeof *tmp)) ||
        !(mut->order = malloc(t->ngroups * sizeof *mut->order))) {
        free(tmp);
        return NULL;
    }
    for (i = 0; i < t->ngroups; i++) {
        tmp[i].name = t->groups[i].name;
        tmp[i].index = i;
    }
    qsort(tmp, t->ngroups, sizeof *tmp, cmp_named);
    for (i = 0; i < t->ngroups; i++)
        mut->order[i] = tmp[i].index;
    free(tmp);
    return t->order;
}

size_t abg_terms_group_count(const abg_terms *t)
{
    return t->ngroups;
}

static const group *group_at(const abg_terms *t, size_t g)
{
    const size_t *o = order(t);
    return o && g < t->ngroups ? &t->groups[o[g]] : NULL;
}

const char *abg_terms_group_name(const abg_terms *t, size_t g)
{
    const group *gr = group_at(t, g);
    return gr ? gr->name : NULL;
}

uint64_t abg_terms_group_tokens(const abg_terms *t, size_t g)
{
    const group *gr = group_at(t, g);
    return gr ? gr->tokens : 0;
}

uint64_t abg_terms_group_docs(const abg_terms *t, size_t g)
{
    const group *gr = group_at(t, g);
    return gr ? gr->docs : 0;
}

static double xlnx(double o, double e)
{
    return o > 0 && e > 0 ? o * log(o / e) : 0.0;
}

double abg_terms_g2(double a, double b, double c, double d)
{
    double n = c + d, e1, e2;

    if (n <= 0)
        return 0.0;
    e1 = c * (a + b) / n;
    e2 = d * (a + b) / n;
    return 2.0 * (xlnx(a, e1) + xlnx(b, e2));
}

double abg_terms_log_ratio(double a, double b, double c, double d)
{
    if (c <= 0 || d <= 0)
        return 0.0;
    if (a == 0)
        a = 0.5;
    if (b == 0)
        b = 0.5;
    return log2((a / c) / (b / d));
}

static int cmp_by_count(const void *pa, const void *pb)
{
    const abg_term *a = pa, *b = pb;

    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->stem, b->stem);
}

static int cmp_by_g2(const void *pa, const void *pb)
{
    const abg_term *a = pa, *b = pb;

    if (a->g2 != b->g2)
        return a->g2 > b->g2 ? -1 : 1;
    return cmp_by_count(pa, pb);
}

static const char *best_form(const entry *e)
{
    const form_count *best = NULL;
    size_t i;

    for (i = 0; i < e->nforms; i++)
        if (!best || e->forms[i].count > best->count ||
            (e->forms[i].count == best->count && e->forms[i].first < best->first))
            best = &e->forms[i];
    return best ? best->form : e->stem;
}

int abg_terms_rows(abg_term **out, size_t *n, abg_ctx *ctx, const abg_terms *t, size_t g,
                   int over_only)
{
    const size_t *o = order(t);
    abg_term *rows = NULL;
    uint64_t c, d;
    size_t i, k = 0, gi;

    *out = NULL;
    *n = 0;
    if (!o || g >= t->ngroups)
        return t->ngroups ? abg_error_oom(ctx) : 0;
    gi = o[g];
    c = t->groups[gi].tokens;
    d = t->tokens - c;
    if (t->groups[gi].n && !(rows = malloc(t->groups[gi].n * sizeof *rows)))
        return abg_error_oom(ctx);
    for (i = 0; i < t->groups[gi].n; i++) {
        const gslot *sl = &t->groups[gi].slots[i];
        const entry *e = sl->e;
        abg_term *r = &rows[k];
        uint64_t a = sl->count;
        r->stem = e->stem;
        r->form = best_form(e);
        r->count = a;
        r->docs = sl->docs;
        r->rest = e->total - a;
        r->g2 = t->ngroups > 1 ? abg_terms_g2((double)a, (double)r->rest, (double)c, (double)d)
                               : 0.0;
        r->log_ratio = t->ngroups > 1 ? abg_terms_log_ratio((double)a, (double)r->rest,
                                                            (double)c, (double)d)
                                      : 0.0;
        if (over_only && t->ngroups > 1 && r->log_ratio <= 0)
            continue;
        k++;
    }
    if (k > 1)
        qsort(rows, k, sizeof *rows, t->ngroups > 1 ? cmp_by_g2 : cmp_by_count);
    *out = rows;
    *n = k;
    return 0;
}
