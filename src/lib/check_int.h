/*
 * check_int.h: what check.c and samefigure.c share (internal): the claims
 * and documents of a check as they are grouped.
 */
#ifndef ABG_CHECK_INT_H
#define ABG_CHECK_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "abgleich.h"
#include "story.h"
#include "strset.h"

/* Claims with no explicit time from documents published more than this
 * many days apart are of different times. */
#define CLAIM_DAYS 3

/* A group joined by the same figure is this much less sure (samefigure.c). */
#define ABG_VALUE_MATCH 0.8

typedef struct {
    const char *id, *source, *title;
    double day; /* publication day number, or NAN */
    bool estimated; /* day is the latest full date the text states */
    abg_signature sig;
    bool has_sig;
    size_t story, copy_of; /* after the run; copy_of SIZE_MAX when none */
    size_t sig_index;      /* among the documents with a signature */
} docrec;

typedef struct {
    abg_claim c;
    size_t doc;          /* into chk->docs */
    const char *family;  /* interned */
    const char *cmpunit; /* currency, "%"/"pp", base unit; NULL for dates */
    double lo, hi;       /* the interval, in cmpunit (dates: day numbers) */
    double mag;          /* the value, in cmpunit, for scale slips */
    const char *key;     /* interned: type, family, measure, role; NULL: not grouped */
    const char *skey;    /* interned: the subject, or "" */
    const char *okey;    /* interned: the object, or "" */
    const char *tkey;    /* interned: the explicit time, "earlier" or "" */
    size_t group;
} item;

struct abg_check {
    abg_check_options opts;
    abg_strset strings; /* every short string, interned */
    char **texts;       /* sentences and texts (owned) */
    size_t ntexts, captexts;
    item *items;
    size_t n, cap;
    docrec *docs;
    size_t ndocs, capdocs, ndocs_added;
    abg_stories *stories;
    abg_group *groups;
    size_t ngroups, nhidden, nstories;
    const abg_claim **claim_ptrs; /* the groups' claim lists, one array */
    bool *flags;                  /* copy, deviates, inconsistent: 3 * n */
    size_t *copies;               /* docs that are copies */
    size_t ncopies;
    bool ran;
};

/* The same figure: claims in groups of one document (ng groups numbered in
 * items[].group) join the others of their story and figure (samefigure.c);
 * the groups are numbered again without gaps, *ng updated, merged[] (ng
 * entries, zeroed) marks those that took claims. 0 or ABG_ENOMEM. */
int abg_check_value_groups(abg_check *chk, size_t *ng, bool *merged);

#endif
