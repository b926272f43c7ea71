/*
 * Fuzz target: the tokenizer (abg_tokenize, abg_token_parts).
 *
 * The first byte is configuration: bit 0 tokenizes with the abbreviation
 * list (rules/abbreviations.de), bit 1 cuts the text at its first byte that
 * is not well-formed UTF-8 (as a document's text would be). The rest is the
 * text. Besides crashes, the target traps when a contract is broken:
 * tokens in order and inside the text, white space never in a token (but
 * inside a multi-part abbreviation), nothing but white space and invisible
 * characters between tokens, spans on character boundaries, base and parts
 * inside the token.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abgleich.h"
#include "text.h"
#include "utf8.h"

#define MAX_PARTS 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* 1 for white space, 2 for an invisible character (soft hyphen, zero
 * width, bidi controls, BOM), 0 otherwise: the tokenizer's documented
 * lists, written out again as an independent oracle. */
static int blank(uint32_t c)
{
    if (c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
        (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
        c == 0x3000)
        return 1;
    if (c == 0xAD || c == 0x180E || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
        (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || (c >= 0xE0000 && c <= 0xE007F))
        return 2;
    return 0;
}

/* The code point at s[0..n) and its width; an invalid byte is U+FFFD, 1. */
static uint32_t decode(const char *s, size_t n, size_t *w)
{
    return abg_utf8_decode(s, n, w);
}

static bool is_cont(const char *text, size_t len, size_t off)
{
    return off < len && ((unsigned char)text[off] & 0xC0) == 0x80;
}

static void check(const char *text, size_t len, const abg_token *tok, size_t n)
{
    size_t i, pos = 0, w, k;
    bool valid = abg_utf8_check(text, len) == len;

    for (i = 0; i < n; i++) {
        const abg_token *t = &tok[i];
        abg_span parts[MAX_PARTS];
        size_t np, end = t->off + t->len, at;
        if (t->len == 0 || t->base_len == 0 || t->base_len > t->len || t->off < pos || end > len ||
            t->kind < ABG_TOK_WORD || t->kind > ABG_TOK_SYMBOL)
            __builtin_trap();
        if (((t->flags & ABG_TOKF_POSSESSIVE) != 0) != (t->base_len < t->len))
            __builtin_trap();
        if (t->kind == ABG_TOK_NUMBER && t->flags)
            __builtin_trap();
        while (pos < t->off) { /* only blanks between tokens */
            uint32_t c = decode(text + pos, len - pos, &w);
            if (!blank(c) || (c == 0xFFFD && w == 1))
                __builtin_trap();
            pos += w;
        }
        if (pos != t->off || blank(decode(text + t->off, t->len, &w)) != 0)
            __builtin_trap();
        for (at = t->off; at < end; at += w) {
            uint32_t c = decode(text + at, end - at, &w);
            if (blank(c) == 1 && t->kind != ABG_TOK_ABBREV)
                __builtin_trap();
        }
        if (valid && (is_cont(text, len, t->off) || is_cont(text, len, end) ||
                      is_cont(text, len, t->off + t->base_len)))
            __builtin_trap();
        np = abg_token_parts(parts, MAX_PARTS, text, t);
        if (np == 0 || np != abg_token_parts(NULL, 0, text, t) ||
            (!(t->flags & ABG_TOKF_COMPOUND) && np != 1))
            __builtin_trap();
        for (k = 0; k < np && k < MAX_PARTS; k++) {
            if (parts[k].len == 0 || parts[k].off < t->off ||
                parts[k].off + parts[k].len > t->off + t->base_len ||
                (k > 0 && parts[k].off < parts[k - 1].off + parts[k - 1].len))
                __builtin_trap();
        }
        pos = end;
    }
    while (pos < len) {
        uint32_t c = decode(text + pos, len - pos, &w);
        if (!blank(c) || (c == 0xFFFD && w == 1))
            __builtin_trap();
        pos += w;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static abg_abbrevs *abbrevs;
    const char *text = (const char *)data + 1;
    abg_token *tok = NULL;
    size_t len, n = 0;
    int err;

    if (!abbrevs &&
        abg_abbrevs_load(&abbrevs, NULL, ABG_FUZZ_DATADIR "/rules/abbreviations.de") < 0)
        __builtin_trap();
    if (size < 1)
        return 0;
    len = size - 1;
    if (data[0] & 2)
        len = abg_utf8_check(text, len);
    err = abg_tokenize(&tok, &n, data[0] & 1 ? abbrevs : NULL, text, len);
    if (err == ABG_ENOMEM)
        return 0;
    if (err < 0 || !tok)
        __builtin_trap();
    check(text, len, tok, n);
    free(tok);
    return 0;
}
