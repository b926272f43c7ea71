/*
 * fuzz_common.h: the body shared by the ingestion fuzz targets: read the
 * input as a file of the given name, then touch every byte of every
 * document's text and map positions back, as the later stages will.
 */
#ifndef ABG_FUZZ_COMMON_H
#define ABG_FUZZ_COMMON_H

#include <stdint.h>
#include <string.h>

#include "abgleich.h"

static void fuzz_ingest(const char *name, const uint8_t *data, size_t size)
{
    static abg_ctx *ctx;
    static abg_ingest *ing;
    abg_doclist *docs = NULL;
    size_t i;

    if (!ing) {
        abg_ingest_options opts = ABG_INGEST_OPTIONS_INIT;
        opts.boilerplate_path = ABG_FUZZ_DATADIR "/rules/boilerplate.de";
        opts.max_file_size = (size_t)1 << 20;
        if (abg_ctx_new(&ctx) < 0 || abg_ingest_new(&ing, ctx, &opts) < 0)
            __builtin_trap();
    }
    if (abg_ingest_buffer(&docs, ctx, ing, name, (const char *)data, size) < 0)
        return;
    for (i = 0; i < abg_doclist_count(docs); i++) {
        const abg_doc *doc = abg_doclist_get(docs, i);
        size_t len, off;
        const char *t = abg_doc_text(doc, &len);

        if (strlen(t) != len || !abg_doc_source(doc))
            __builtin_trap(); /* text must be NUL-free, a source always set */
        for (off = 0; off < len; off++) {
            abg_pos p = abg_doc_position(doc, off);
            if (p.line == 0 || p.col == 0)
                __builtin_trap();
        }
    }
    abg_doclist_free(docs);
}

#endif
