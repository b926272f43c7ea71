/*
 * extractor.h: the extractor as the shipped files set it up, for the test
 * programs that run it over gold sets (test_gold, test_values). Run from
 * the source tree (CTest's working directory).
 */
#ifndef ABG_TEST_EXTRACTOR_H
#define ABG_TEST_EXTRACTOR_H

#include <stdio.h>

#include "abgleich.h"

typedef struct {
    abg_ctx *ctx;
    abg_rules *rules;
    abg_lang *lang;
    abg_ingest *ing;
} extractor;

/* Loads rules/de.rules, the abbreviations and the stopwords; 0, or -1
 * after printing why. */
static inline int extractor_open(extractor *x)
{
    const char *rule_files[] = {"rules/de.rules"};
    abg_lang_options lo = ABG_LANG_OPTIONS_INIT;

    lo.abbreviations_path = "rules/abbreviations.de";
    lo.stopwords_path = "stopwords/german.txt";
    x->rules = NULL;
    x->lang = NULL;
    x->ing = NULL;
    if (abg_ctx_new(&x->ctx) < 0 || abg_rules_load(&x->rules, x->ctx, rule_files, 1) < 0 ||
        abg_lang_new(&x->lang, x->ctx, &lo) < 0 || abg_ingest_new(&x->ing, x->ctx, NULL) < 0) {
        printf("set-up failed: %s\n", x->ctx ? abg_ctx_message(x->ctx) : "out of memory");
        return -1;
    }
    return 0;
}

static inline void extractor_close(extractor *x)
{
    abg_ingest_free(x->ing);
    abg_lang_free(x->lang);
    abg_rules_free(x->rules);
    abg_ctx_free(x->ctx);
}

#endif
