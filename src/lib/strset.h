/*
 * strset.h: a set of byte strings (internal), and the hash it uses. A set
 * may also map its strings to values (abg_strset_put / abg_strset_get).
 */
#ifndef ABG_STRSET_H
#define ABG_STRSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* FNV-1a (64 bit, the standard offset basis) of s[0..n): fast, good
 * enough for the short words of a text; group fingerprints use it too. */
uint64_t abg_hash(const char *s, size_t n);

/* MurmurHash3's 64-bit finaliser: every input bit reaches every output
 * bit (for table slots and sketches made from FNV-1a values). */
static inline uint64_t abg_mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

typedef struct {
    char **slots;  /* open addressing, linear probing; NULL = empty */
    size_t *lens;  /* the length of each slot's string */
    char **values; /* per slot, once abg_strset_put was used; else NULL */
    size_t cap;    /* a power of two, at most half full */
    size_t count;
} abg_strset;

#define ABG_STRSET_INIT {NULL, NULL, NULL, 0, 0}

/* Add a copy of s[0..n) (nothing when it is there). 0 or ABG_ENOMEM. */
int abg_strset_add(abg_strset *set, const char *s, size_t n);
/* The set's copy of s[0..n) (added when missing): equal strings give the
 * same pointer. NULL when out of memory. */
const char *abg_strset_intern(abg_strset *set, const char *s, size_t n);
/* Map key[0..n) to a copy of value (replacing an earlier one); the key
 * joins the set. 0 or ABG_ENOMEM. */
int abg_strset_put(abg_strset *set, const char *key, size_t n, const char *value);
/* The value of key[0..n), or NULL. */
const char *abg_strset_get(const abg_strset *set, const char *key, size_t n);
bool abg_strset_has(const abg_strset *set, const char *s, size_t n);
void abg_strset_dispose(abg_strset *set);

#endif
