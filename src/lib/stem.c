/*
 * stem.c: Snowball German stems. The only file that includes libstemmer.h.
 *
 * In:  one word, valid UTF-8, in any case and any Unicode form.
 * Out: its stem, borrowed from the abg_stemmer until the next abg_stem call.
 *      The stemmer (abg_stemmer_new, freed with abg_stemmer_free) belongs
 *      to one thread.
 *
 * The word is folded (abg_fold: NFC, typographic variants, small letters,
 * ß kept, as Snowball expects) and given to Snowball's own German stemmer;
 * the algorithm is never re-implemented here. A folded word longer than
 * STEM_WORD_MAX bytes is its own stem (see there).
 *
 * Stemming is the hot spot of the pipeline, so the stems of recent words
 * are kept in a direct-mapped cache keyed by the folded word: a new word
 * overwrites whatever was in its slot.
 */
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "abgleich.h"
#include "buf.h"
#include "text.h"
#include "utf8.h"

/* Folded words longer than this many bytes are returned as they are, not
 * stemmed: Snowball's German stemmer takes time quadratic in the length of
 * a word full of umlauts (each one it rewrites moves the rest of the word),
 * about 4 s for one word of 1 MiB. German compounds stay far below it. */
#define STEM_WORD_MAX 256

#define CACHE_SLOTS 16384 /* a power of two */
/* A slot holds the folded word and its stem (NUL-terminated), one after the
 * other; pairs that do not fit (words longer than about 30 bytes) are not
 * cached. */
#define SLOT_BYTES 62

typedef struct {
    unsigned char klen, slen; /* klen == 0: empty */
    char bytes[SLOT_BYTES];   /* key, then stem and a NUL */
} cache_slot;

struct abg_stemmer {
    struct sb_stemmer *sb;
    abg_buf fold;
    cache_slot *cache;
};

int abg_stemmer_new(abg_stemmer **out)
{
    abg_stemmer *st = calloc(1, sizeof *st);
    int err = ABG_ENOMEM;

    *out = NULL;
    if (!st)
        return ABG_ENOMEM;
    if (!(st->cache = calloc(CACHE_SLOTS, sizeof *st->cache)))
        goto done;
    /* fails only when out of memory: "german" and "UTF_8" are built in */
    if (!(st->sb = sb_stemmer_new("german", "UTF_8")))
        goto done;
    if ((err = abg_buf_grow(&st->fold, 64)) < 0)
        goto done;
    *out = st;
    st = NULL;
done:
    abg_stemmer_free(st);
    return err;
}

void abg_stemmer_free(abg_stemmer *stemmer)
{
    if (!stemmer)
        return;
    if (stemmer->sb)
        sb_stemmer_delete(stemmer->sb);
    abg_buf_dispose(&stemmer->fold);
    free(stemmer->cache);
    free(stemmer);
}

static size_t slot_of(const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return (h ^ (h >> 15)) & (CACHE_SLOTS - 1);
}

int abg_stem(const char **out, size_t *out_len, abg_stemmer *stemmer, const char *word,
             size_t len)
{
    const sb_symbol *stem;
    cache_slot *slot;
    size_t klen, slen;
    int err;

    *out = "";
    *out_len = 0;
    if (abg_utf8_check(word, len) != len)
        return ABG_EPARSE;
    abg_buf_truncate(&stemmer->fold, 0);
    if ((err = abg_fold(&stemmer->fold, word, len)) < 0)
        return err;
    klen = stemmer->fold.len;
    slot = &stemmer->cache[slot_of(stemmer->fold.data, klen)];
    if (slot->klen == klen && klen && !memcmp(slot->bytes, stemmer->fold.data, klen)) {
        *out = slot->bytes + klen;
        *out_len = slot->slen;
        return 0;
    }
    if (klen > STEM_WORD_MAX) {
        *out = stemmer->fold.data;
        *out_len = klen;
        return 0;
    }
    stem = sb_stemmer_stem(stemmer->sb, (const sb_symbol *)stemmer->fold.data, (int)klen);
    if (!stem)
        return ABG_ENOMEM;
    slen = (size_t)sb_stemmer_length(stemmer->sb);
    if (klen && klen + slen < SLOT_BYTES) {
        memcpy(slot->bytes, stemmer->fold.data, klen);
        memcpy(slot->bytes + klen, stem, slen);
        slot->bytes[klen + slen] = '\0';
        slot->klen = (unsigned char)klen;
        slot->slen = (unsigned char)slen;
        *out = slot->bytes + klen;
    } else {
        *out = (const char *)stem;
    }
    *out_len = slen;
    return 0;
}

const char *abg_stemmer_folded(const abg_stemmer *stemmer, size_t *len)
{
    *len = stemmer->fold.len;
    return stemmer->fold.data ? stemmer->fold.data : "";
}
