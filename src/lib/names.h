/*
 * names.h: do two names name one party? (internal to the claim model)
 */
#ifndef ABG_NAMES_H
#define ABG_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/* Do two objects name one party? The same first word ("Nordhafen" and
 * "Nordhafen Wilhelmshaven GmbH") or the same last word that is no legal
 * form or acronym ("Hafen Wilhelmshaven" and "Nordhafen Wilhelmshaven
 * GmbH"). */
bool abg_same_party(const char *a, const char *b);

/* For each of the subjects names[0..n), the name to write for its party
 * in canon[k] (names[k] itself when no other names it): a one-word name is
 * the longer name it ends ("Trump", "Donald Trump"), and names that
 * differ only in marks, case or a genitive s are one ("Kirks", "Kirk";
 * "İmamoğlu", "Imamoglu"); of such names the one with more words, then
 * without the genitive s, then the first in byte order is kept. Compared
 * pairwise: O(n^2). Returns 0, or ABG_ENOMEM with canon[k] = names[k];
 * a name that is not UTF-8 merges with none. */
int abg_names_canon(const char *const *names, size_t n, const char **canon);

#endif
