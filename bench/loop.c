/*
 * loop.c: the baseline for `abgleich facts`: a bare C loop that reads each
 * file and tries the same compiled (anchored) patterns of rules/de.rules at
 * every place a word may start (after a byte that is not an ASCII letter or
 * digit) where the byte there may start the pattern (abg_rule.first; a rule
 * that may start with a gated word, such as a number word, at every letter
 * and '-'), in 64 KiB pieces, without anything else (no decoding, no
 * normalisation, no windows around figures, no check of the gated words,
 * no before patterns, no sentences, no values).
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
    uint64_t gated = 0;
    int i, k;

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
    for (k = 0; k < ABG_GATE_COUNT; k++)
        gated |= rules->by_gate[k];
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
            size_t p;
            for (p = 0; p < n; p++) {
                unsigned char c = (unsigned char)buf[off + p], b;
                uint64_t mask;
                if (c == ' ' || c == '\n' || (c & 0xC0) == 0x80)
                    continue;
                b = p ? (unsigned char)buf[off + p - 1] : ' ';
                if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9'))
                    continue;
                mask = rules->by_byte[c];
                if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '-')
                    mask |= gated;
                for (ri = 0; ri < rules->n; ri++) {
                    abg_regex_match m;
                    if (ri < ABG_RULES_MASKED && !(mask & ((uint64_t)1 << ri)))
                        continue;
                    if (abg_regex_search(&m, NULL, rules->rules[ri].re, scratch, buf + off, n,
                                         p) == 1)
                        matches++;
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
