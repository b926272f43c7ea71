/*
 * strset.c: a set of byte strings for word lists (abbreviations,
 * stopwords). The set owns copies of its strings.
 */
#include "strset.h"

#include <stdlib.h>
#include <string.h>

#include "abgleich.h"
#include "ctx.h"

uint64_t abg_hash(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ull;
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* The slot holding s, or the empty slot where it would go. */
static size_t find(const abg_strset *set, const char *s, size_t n)
{
    size_t i, mask = set->cap - 1;

    uint64_t h = abg_hash(s, n);

    /* FNV's low bits cluster for words that share their ends: mix first */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    for (i = (size_t)h & mask; set->slots[i]; i = (i + 1) & mask)
        if (set->lens[i] == n && !memcmp(set->slots[i], s, n))
            break;
    return i;
}

static int grow(abg_strset *set)
{
    abg_strset bigger = ABG_STRSET_INIT;
    size_t k, i;

    bigger.cap = set->cap ? set->cap * 2 : 256;
    bigger.slots = calloc(bigger.cap, sizeof *bigger.slots);
    bigger.lens = calloc(bigger.cap, sizeof *bigger.lens);
    if (set->values)
        bigger.values = calloc(bigger.cap, sizeof *bigger.values);
    if (!bigger.slots || !bigger.lens || (set->values && !bigger.values)) {
        free(bigger.slots);
        free(bigger.lens);
        free(bigger.values);
        return ABG_ENOMEM;
    }
    for (k = 0; k < set->cap; k++) {
        if (!set->slots[k])
            continue;
        i = find(&bigger, set->slots[k], set->lens[k]);
        bigger.slots[i] = set->slots[k];
        bigger.lens[i] = set->lens[k];
        if (set->values)
            bigger.values[i] = set->values[k];
    }
    bigger.count = set->count;
    free(set->slots);
    free(set->lens);
    free(set->values);
    *set = bigger;
    return 0;
}

int abg_strset_add(abg_strset *set, const char *s, size_t n)
{
    size_t i;

    if ((set->count + 1) * 2 > set->cap && grow(set) < 0)
        return ABG_ENOMEM;
    i = find(set, s, n);
    if (set->slots[i])
        return 0;
    if (!(set->slots[i] = abg_strndup(s, n)))
        return ABG_ENOMEM;
    set->lens[i] = n;
    set->count++;
    return 0;
}

const char *abg_strset_intern(abg_strset *set, const char *s, size_t n)
{
    size_t i;

    if ((set->count + 1) * 2 > set->cap && grow(set) < 0)
        return NULL;
    i = find(set, s, n);
    if (!set->slots[i]) {
        if (!(set->slots[i] = abg_strndup(s, n)))
            return NULL;
        set->lens[i] = n;
        set->count++;
    }
    return set->slots[i];
}

int abg_strset_put(abg_strset *set, const char *key, size_t n, const char *value)
{
    size_t i;
    char *v;

    if (!set->values) {
        if (set->cap == 0 && grow(set) < 0)
            return ABG_ENOMEM;
        if (!(set->values = calloc(set->cap, sizeof *set->values)))
            return ABG_ENOMEM;
    }
    if (!abg_strset_intern(set, key, n) || !(v = abg_strdup(value)))
        return ABG_ENOMEM;
    i = find(set, key, n);
    free(set->values[i]); /* a later value wins */
    set->values[i] = v;
    return 0;
}

const char *abg_strset_get(const abg_strset *set, const char *key, size_t n)
{
    return set && set->values ? set->values[find(set, key, n)] : NULL;
}

bool abg_strset_has(const abg_strset *set, const char *s, size_t n)
{
    return set && set->cap && set->slots[find(set, s, n)] != NULL;
}

void abg_strset_dispose(abg_strset *set)
{
    size_t i;

    for (i = 0; i < set->cap; i++) {
        free(set->slots[i]);
        if (set->values)
            free(set->values[i]);
    }
    free(set->slots);
    free(set->lens);
    free(set->values);
    *set = (abg_strset)ABG_STRSET_INIT;
}
