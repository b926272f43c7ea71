/*
 * Fuzz target: fact extraction over a plain-text article. Checks the
 * contracts of abg_extract: facts in order, without overlaps, inside the
 * text and inside their sentence, with a value string for every fact.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abgleich.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static abg_ctx *ctx;
    static abg_ingest *ing;
    static abg_rules *rules;
    static abg_lang *lang;
    abg_doclist *docs = NULL;
    abg_fact *facts = NULL;
    size_t n = 0, i, len;
    const abg_doc *doc;

    if (!ctx) {
        const char *files[] = {ABG_FUZZ_DATADIR "/rules/de.rules"};
        abg_lang_options lo = ABG_LANG_OPTIONS_INIT;
        lo.abbreviations_path = ABG_FUZZ_DATADIR "/rules/abbreviations.de";
        lo.stopwords_path = ABG_FUZZ_DATADIR "/stopwords/german.txt";
        if (abg_ctx_new(&ctx) < 0 || abg_ingest_new(&ing, ctx, NULL) < 0 ||
            abg_rules_load(&rules, ctx, files, 1) < 0 || abg_lang_new(&lang, ctx, &lo) < 0)
            __builtin_trap();
    }
    if (abg_ingest_buffer(&docs, ctx, ing, "fuzz.txt", (const char *)data, size) < 0)
        return 0;
    doc = abg_doclist_get(docs, 0);
    abg_doc_text(doc, &len);
    if (abg_extract(&facts, &n, ctx, rules, lang, doc) == 0) {
        for (i = 0; i < n; i++) {
            char buf[64];
            const abg_fact *f = &facts[i];
            if (f->len == 0 || f->off + f->len > len)
                __builtin_trap();
            if (i > 0 && facts[i - 1].off + facts[i - 1].len > f->off)
                __builtin_trap(); /* out of order or overlapping */
            if (f->sent_len && (f->off < f->sent_off ||
                                f->off + f->len > f->sent_off + f->sent_len))
                __builtin_trap(); /* outside its sentence */
            if (abg_fact_value_string(buf, sizeof buf, f, 0) <= 0)
                __builtin_trap();
        }
    }
    free(facts);
    abg_doclist_free(docs);
    return 0;
}
