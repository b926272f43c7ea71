/*
 * ascii.h: locale-free ASCII character helpers (internal).
 */
#ifndef ABG_ASCII_H
#define ABG_ASCII_H

#include <stdbool.h>
#include <stddef.h>

static inline bool abg_ascii_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static inline bool abg_ascii_is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static inline bool abg_ascii_is_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

static inline bool abg_ascii_is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static inline bool abg_ascii_is_alpha(unsigned char c)
{
    return abg_ascii_is_upper(c) || abg_ascii_is_lower(c);
}

static inline bool abg_ascii_is_alnum(unsigned char c)
{
    return abg_ascii_is_alpha(c) || abg_ascii_is_digit(c);
}

/* The value of a hex digit (either case), or -1. */
static inline int abg_ascii_hex_value(unsigned char c)
{
    if (abg_ascii_is_digit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static inline unsigned char abg_ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Whether s[0..n) is the lower-case word w (whole, or its start when
 * `prefix`), ignoring ASCII case. */
static inline bool abg_ascii_ieq_n(const char *s, size_t n, const char *w, bool prefix)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (w[i] == '\0' || abg_ascii_lower((unsigned char)s[i]) != (unsigned char)w[i])
            return false;
    return prefix || w[n] == '\0';
}

#endif
