/*
 * loop.c: the baseline for `abgleich facts`: a bare C loop that reads each
 * file and runs the same compiled patterns of rules/de.rules over it, in
 * the same 64 KiB pieces, without anything else (no decoding, no
 * normalisation, no sentences, no values, no output).
 *
 * usage: loop RULES FILE...   prints files, bytes and matches
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>

#include "abgleich.h"
#include "extract.h"
#include "regex.h"

#define PIECE ((size_t)64 << 10)

int main(int argc, char **argv)
{
    const char *files[1];
    abg_rules *rules = NULL;
    abg_regex_scratch *scratch = NULL;
    abg_ctx *ctx = NULL;
    unsigned long long bytes = 0, matches = 0;
    char *buf = malloc((size_t)64 << 20);
    int i;

    if (argc < 3 || !buf) {
        fputs("usage: loop RULES FILE...\n", stderr);
        return 2;
    }
    files[0] = argv[1];
    if (abg_ctx_new(&ctx) < 0 || abg_rules_load(&rules, ctx, files, 1) < 0 ||
        abg_regex_scratch_new(&scratch) < 0) {
        fprintf(stderr, "loop: %s\n", abg_ctx_message(ctx));
        return 2;
    }
    for (i = 2; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        size_t len, off, ri;
        if (!f)
            continue;
        len = fread(buf, 1, ((size_t)64 << 20) - 1, f);
        fclose(f);
        bytes += len;
        for (off = 0; off < len;) {
            size_t n = len - off < PIECE ? len - off : PIECE;
            while (off + n < len && n > 0 && ((unsigned char)buf[off + n] & 0xC0) == 0x80)
                n--; /* never cut a character */
            for (ri = 0; ri < rules->n; ri++) {
                abg_regex_match m;
                size_t start = 0;
                while (start < n && abg_regex_search(&m, NULL, rules->rules[ri].re, scratch,
                                                     buf + off, n, start) == 1) {
                    matches++;
                    start = m.end > m.start ? m.end : m.start + 1;
                    while (start < n && ((unsigned char)buf[off + start] & 0xC0) == 0x80)
                        start++;
                }
            }
            off += n ? n : 1;
        }
    }
    printf("%d files, %llu bytes, %llu matches\n", argc - 2, bytes, matches);
    abg_regex_scratch_free(scratch);
    abg_rules_free(rules);
    abg_ctx_free(ctx);
    free(buf);
    return 0;
}
