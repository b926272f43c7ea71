/*
 * names.c: whether two names name one party, for the subjects and objects
 * that check.c settles within a run of claims.
 *
 * Subjects are compared by their comparison form (abg_name_key: marks
 * stripped, case folded) with a genitive s allowed; objects by their first
 * word or their last plain word.
 */
#include <stdlib.h>
#include <string.h>

#include "abgleich.h"
#include "buf.h"
#include "names.h"
#include "text.h"

/* Do two names start with the same word ("OpenAI", "OpenAI Group PBC")? */
static bool same_first_word(const char *a, const char *b)
{
    size_t la = strcspn(a, " "), lb = strcspn(b, " ");
    return la == lb && !memcmp(a, b, la);
}

/* The last word of a name that is no legal form or acronym (GmbH, AG,
 * Inc): longer than three bytes, no capital after its first letter. */
static void last_plain_word(const char *a, const char **w, size_t *len)
{
    const char *end = a + strlen(a), *p;

    *w = NULL;
    *len = 0;
    while (end > a) {
        const char *st = end, *q;
        bool plain = true;
        while (st > a && st[-1] != ' ')
            st--;
        for (q = st + 1; q < end && plain; q++)
            plain = !(*q >= 'A' && *q <= 'Z');
        if (plain && end - st > 3) {
            *w = st;
            *len = (size_t)(end - st);
            return;
        }
        for (p = st; p > a && p[-1] == ' '; p--)
            ;
        end = p;
    }
}

/* Do two objects name one party? The same first word ("Nordhafen" and
 * "Nordhafen Wilhelmshaven GmbH") or the same last plain word ("Hafen
 * Wilhelmshaven" and "Nordhafen Wilhelmshaven GmbH"). */
bool abg_same_party(const char *a, const char *b)
{
    const char *wa, *wb;
    size_t la, lb;

    if (same_first_word(a, b))
        return true;
    last_plain_word(a, &wa, &la);
    last_plain_word(b, &wb, &lb);
    return wa && wb && la == lb && !memcmp(wa, wb, la);
}

/* Do two name keys name one party: equal, or one the genitive of the
 * other ("kirks", "kirk")? */
static bool same_key(const char *a, size_t la, const char *b, size_t lb)
{
    if (la == lb)
        return !memcmp(a, b, la);
    if (la > lb)
        return same_key(b, lb, a, la);
    return lb == la + 1 && la >= 3 && b[la] == 's' && !memcmp(a, b, la);
}

/* Is the one-word key a the other name b, or b's last word ("Trump",
 * "Donald Trump"; "Kirks", "Charlie Kirk"; "Imamoğlu", "Ekrem İmamoğlu")? */
static bool names_one(const char *a, const char *b)
{
    const char *sp = strrchr(b, ' ');

    if (same_key(a, strlen(a), b, strlen(b)))
        return true;
    return !strchr(a, ' ') && sp && same_key(a, strlen(a), sp + 1, strlen(sp + 1));
}

/* Of two names of one party, the one to keep: more words, then no
 * genitive s (the shorter), then the first in byte order. */
static bool better_name(const char *a, const char *b)
{
    size_t wa = 0, wb = 0;
    const char *p;

    for (p = a; (p = strchr(p, ' ')); p++)
        wa++;
    for (p = b; (p = strchr(p, ' ')); p++)
        wb++;
    if (wa != wb)
        return wa > wb;
    if (strlen(a) != strlen(b))
        return strlen(a) < strlen(b);
    return strcmp(a, b) < 0;
}

int abg_names_canon(const char *const *names, size_t n, const char **canon)
{
    size_t *keyoff = NULL, k, j;
    abg_buf keys = ABG_BUF_INIT;
    int err = 0;

    for (k = 0; k < n; k++)
        canon[k] = names[k];
    if (n < 2)
        return 0;
    if (!(keyoff = malloc(n * sizeof *keyoff))) {
        err = ABG_ENOMEM;
        goto done;
    }
    for (k = 0; k < n; k++) {
        keyoff[k] = keys.len;
        if ((err = abg_name_key(&keys, names[k], strlen(names[k]))) < 0 ||
            (err = abg_buf_putc(&keys, '\0')) < 0)
            goto done;
    }
    for (k = 0; k < n; k++)
        for (j = 0; j < n; j++)
            if (j != k && names_one(keys.data + keyoff[k], keys.data + keyoff[j]) &&
                better_name(names[j], canon[k]))
                canon[k] = names[j];
done:
    if (err < 0)
        for (k = 0; k < n; k++)
            canon[k] = names[k];
    free(keyoff);
    abg_buf_dispose(&keys);
    return err == ABG_ENOMEM ? err : 0; /* a name that is no UTF-8 merges with none */
}
