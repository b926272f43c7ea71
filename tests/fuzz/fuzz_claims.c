/*
 * Fuzz target: claims and the cross-check over a plain-text article, with
 * the shipped lexicons (names, measures, roles, time words). The input is
 * read as two documents (its halves), so that groups can span documents
 * (--scope all: without signatures each would be a story of its own). Checks the contracts: every fact gets an about (subject NULL
 * or non-empty, attribute stems sorted and unique); every claim lands in
 * exactly one group; a group is single exactly when one document holds
 * all its claims; only conflicts have a cause; ids have 16 hex digits.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abgleich.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void add_half(abg_check *chk, abg_ctx *ctx, abg_ingest *ing, const abg_rules *rules,
                     const abg_lang *lang, const abg_lexicon *lex, abg_stemmer *st,
                     const char *name, const uint8_t *data, size_t size, size_t *nclaims)
{
    abg_doclist *docs = NULL;
    abg_fact *facts = NULL;
    abg_about *about = NULL;
    const abg_doc *doc;
    size_t n = 0, i, k, len;

    if (abg_ingest_buffer(&docs, ctx, ing, name, (const char *)data, size) < 0)
        return;
    doc = abg_doclist_get(docs, 0);
    abg_doc_text(doc, &len);
    if (abg_extract(&facts, &n, ctx, rules, lang, doc) == 0 && n > 0 &&
        abg_about_facts(&about, NULL, ctx, lex, lang, st, doc, facts, n) == 0) {
        const char *text = abg_doc_text(doc, NULL);
        for (i = 0; i < n; i++) {
            abg_claim c;
            char *t = malloc(facts[i].len + 1);
            if (!t)
                __builtin_trap();
            if (about[i].subject && !*about[i].subject)
                __builtin_trap();
            for (k = 1; k < about[i].nattribute; k++)
                if (strcmp(about[i].attribute[k - 1], about[i].attribute[k]) >= 0)
                    __builtin_trap(); /* unsorted or repeated */
            memcpy(t, text + facts[i].off, facts[i].len);
            t[facts[i].len] = '\0';
            memset(&c, 0, sizeof c);
            c.doc = name;
            c.text = t;
            c.type = facts[i].type;
            c.qualifier = facts[i].qualifier;
            c.unit = facts[i].unit;
            c.value = facts[i].value;
            c.value_to = facts[i].value_to;
            c.has_value_to = facts[i].has_value_to;
            memcpy(c.date, facts[i].date, sizeof c.date);
            memcpy(c.date_to, facts[i].date_to, sizeof c.date_to);
            c.offset = facts[i].off;
            c.subject = about[i].subject;
            c.inferred = about[i].inferred;
            c.object = about[i].object;
            c.measure = about[i].measure;
            c.role = about[i].role;
            c.running = about[i].running;
            c.skip = about[i].skip;
            c.confidence = about[i].confidence;
            c.time = about[i].time;
            c.attribute = (const char *const *)about[i].attribute;
            c.nattribute = about[i].nattribute;
            if (abg_check_add(chk, ctx, &c) < 0)
                __builtin_trap();
            (*nclaims)++;
            free(t);
        }
    }
    abg_about_free(about, n);
    free(facts);
    abg_doclist_free(docs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static abg_ctx *ctx;
    static abg_ingest *ing;
    static abg_rules *rules;
    static abg_lang *lang;
    static abg_lexicon *lex;
    static abg_stemmer *st;
    abg_check *chk = NULL;
    size_t nclaims = 0, seen = 0, i, k;

    if (!ctx) {
        const char *files[] = {ABG_FUZZ_DATADIR "/rules/de.rules"};
        const char *lexfiles[] = {ABG_FUZZ_DATADIR "/rules/claims.de",
                                  ABG_FUZZ_DATADIR "/rules/measures.de",
                                  ABG_FUZZ_DATADIR "/rules/roles.de",
                                  ABG_FUZZ_DATADIR "/rules/time.de"};
        abg_lang_options lo = ABG_LANG_OPTIONS_INIT;
        abg_lexicon_options xo = ABG_LEXICON_OPTIONS_INIT;
        lo.abbreviations_path = ABG_FUZZ_DATADIR "/rules/abbreviations.de";
        lo.stopwords_path = ABG_FUZZ_DATADIR "/stopwords/german.txt";
        if (abg_ctx_new(&ctx) < 0 || abg_ingest_new(&ing, ctx, NULL) < 0 ||
            abg_rules_load(&rules, ctx, files, 1) < 0 || abg_lang_new(&lang, ctx, &lo) < 0 ||
            abg_stemmer_new(&st) < 0)
            __builtin_trap();
        xo.paths = lexfiles;
        xo.npaths = 4;
        xo.lang = lang;
        if (abg_lexicon_new(&lex, ctx, &xo) < 0)
            __builtin_trap();
    }
    {
        abg_check_options co = ABG_CHECK_OPTIONS_INIT;
        co.scope = ABG_SCOPE_ALL;
        if (abg_check_new(&chk, ctx, &co) < 0)
            __builtin_trap();
    }
    add_half(chk, ctx, ing, rules, lang, lex, st, "a.txt", data, size / 2, &nclaims);
    add_half(chk, ctx, ing, rules, lang, lex, st, "b.txt", data + size / 2, size - size / 2,
             &nclaims);
    if (abg_check_run(chk, ctx) < 0)
        __builtin_trap();
    for (i = 0; i < abg_check_group_count(chk); i++) {
        const abg_group *g = abg_check_group(chk, i);
        bool one_doc = true;
        if (g->nclaims == 0 || strlen(g->id) != 16)
            __builtin_trap();
        for (k = 1; k < g->nclaims; k++)
            if (strcmp(g->claims[k]->doc, g->claims[0]->doc))
                one_doc = false;
        if (one_doc != (g->verdict == ABG_VERDICT_SINGLE))
            __builtin_trap();
        if (g->cause != ABG_CAUSE_NONE && g->verdict != ABG_VERDICT_CONFLICT)
            __builtin_trap();
        seen += g->nclaims;
    }
    if (seen != nclaims || abg_check_claim_count(chk) != nclaims)
        __builtin_trap(); /* every claim in exactly one group */
    abg_check_free(chk);
    return 0;
}
