/*
 * utf8.h: locale-free UTF-8 helpers (internal).
 */
#ifndef ABG_UTF8_H
#define ABG_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length of the well-formed UTF-8 sequence at s[0..n) (1-4), or 0 when the
 * bytes there are not well-formed UTF-8 (overlong forms, surrogates and
 * code points past U+10FFFF are not). Assumes n > 0. */
size_t abg_utf8_seqlen(const unsigned char *s, size_t n);

/* Offset of the first byte that is not part of well-formed UTF-8 in s,
 * or n when all of s is well-formed. */
size_t abg_utf8_check(const char *s, size_t n);

/* Number of code points in the well-formed UTF-8 s[0..n). */
size_t abg_utf8_count(const char *s, size_t n);

/* Write the UTF-8 form of code point c (<= 0x10FFFF, no surrogate) to
 * out[0..4); returns its length. */
size_t abg_utf8_encode(char *out, uint32_t c);

/* Decode the code point at s[0..n) (assumed well-formed), store its byte
 * length in *len. */
uint32_t abg_utf8_decode(const char *s, size_t n, size_t *len);

#endif
