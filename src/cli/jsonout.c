/*
 * jsonout.c: compact JSON of jansson values, as json_dumps writes it
 * (see jsonout.h). What jansson does, and so this file: object members in
 * their order of insertion, "," and ":" without blanks; in strings " and \
 * escaped, the control characters below U+0020 as \b \f \n \r \t or
 * \u00XX (capital hex), everything else as it is (UTF-8); integers in
 * decimal; reals with %.Ng (N the flags' precision, else 17), a "." as the
 * decimal point, ".0" added when neither "." nor "e" is there, and the
 * exponent without "+" and leading zeros.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonout.h"

#define UNTAKEN (-2)

static int grow(jsonout *b, size_t more)
{
    size_t cap;
    char *d;

    if (b->len + more <= b->cap)
        return 0;
    cap = b->cap ? b->cap : 256;
    while (cap < b->len + more)
        cap *= 2;
    if (!(d = realloc(b->data, cap)))
        return -1;
    b->data = d;
    b->cap = cap;
    return 0;
}

static int put(jsonout *b, const char *s, size_t n)
{
    if (grow(b, n) < 0)
        return -1;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return 0;
}

/* Whether s[0..n) is well-formed UTF-8 (no overlong forms, surrogates or
 * code points beyond U+10FFFF), as jansson demands of a string it writes. */
static int utf8_ok(const unsigned char *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        unsigned char c = s[i];
        size_t k, len;
        unsigned long cp;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (i + len > n)
            return 0;
        for (k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        i += len;
    }
    return 1;
}

static int put_string(jsonout *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i, run = 0;

    if (!utf8_ok((const unsigned char *)s, n))
        return UNTAKEN;
    if (grow(b, n + 2) < 0)
        return -1;
    b->data[b->len++] = '"';
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[6];
        size_t el = 2;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        if (put(b, s + run, i - run) < 0)
            return -1;
        run = i + 1;
        esc[0] = '\\';
        switch (c) {
        case '"':
        case '\\':
            esc[1] = (char)c;
            break;
        case '\b':
            esc[1] = 'b';
            break;
        case '\f':
            esc[1] = 'f';
            break;
        case '\n':
            esc[1] = 'n';
            break;
        case '\r':
            esc[1] = 'r';
            break;
        case '\t':
            esc[1] = 't';
            break;
        default:
            memcpy(esc + 1, "u00", 3);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            el = 6;
        }
        if (put(b, esc, el) < 0)
            return -1;
    }
    if (put(b, s + run, n - run) < 0 || put(b, "\"", 1) < 0)
        return -1;
    return 0;
}

static int put_real(jsonout *b, double v, int precision)
{
    char buf[64], *e, *p, *z;
    int n;

    if (!isfinite(v))
        return UNTAKEN;
    n = snprintf(buf, sizeof buf - 3, "%.*g", precision ? precision : 17, v);
    if (n < 0 || (size_t)n >= sizeof buf - 3)
        return UNTAKEN;
    for (p = buf; *p; p++)
        if (*p == ',')
            *p = '.'; /* a locale's decimal comma */
    if (!strchr(buf, '.') && !strchr(buf, 'e'))
        memcpy(buf + n, ".0", 3);
    if ((e = strchr(buf, 'e'))) {
        p = e + 1;
        if (*p == '+')
            memmove(p, p + 1, strlen(p + 1) + 1);
        else if (*p == '-')
            p++;
        for (z = p; *z == '0' && z[1]; z++)
            ;
        if (z != p)
            memmove(p, z, strlen(z) + 1);
    }
    return put(b, buf, strlen(buf));
}

static int value(jsonout *b, const json_t *v, int precision)
{
    char buf[32];
    int err = 0;

    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *key;
        json_t *m;
        int first = 1;
        if (put(b, "{", 1) < 0)
            return -1;
        json_object_foreach((json_t *)v, key, m) {
            if ((!first && put(b, ",", 1) < 0) ||
                (err = put_string(b, key, strlen(key))) < 0 || put(b, ":", 1) < 0 ||
                (err = value(b, m, precision)) < 0)
                return err < 0 ? err : -1;
            first = 0;
        }
        return put(b, "}", 1);
    }
    case JSON_ARRAY: {
        size_t i, n = json_array_size(v);
        if (put(b, "[", 1) < 0)
            return -1;
        for (i = 0; i < n; i++)
            if ((i && put(b, ",", 1) < 0) || (err = value(b, json_array_get(v, i), precision)) < 0)
                return err < 0 ? err : -1;
        return put(b, "]", 1);
    }
    case JSON_STRING:
        return put_string(b, json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return put(b, buf, strlen(buf));
    case JSON_REAL:
        return put_real(b, json_real_value(v), precision);
    case JSON_TRUE:
        return put(b, "true", 4);
    case JSON_FALSE:
        return put(b, "false", 5);
    case JSON_NULL:
        return put(b, "null", 4);
    }
    return UNTAKEN;
}

int jsonout_value(jsonout *b, const json_t *v, size_t flags)
{
    size_t len = b->len;
    int err;

    if (flags & ~(size_t)(JSON_COMPACT | JSON_REAL_PRECISION(31)))
        return UNTAKEN;
    if (!v || (json_typeof(v) != JSON_OBJECT && json_typeof(v) != JSON_ARRAY))
        return UNTAKEN; /* json_dumps writes no bare value without JSON_ENCODE_ANY */
    if ((err = value(b, v, (int)((flags >> 11) & 0x1F))) < 0)
        b->len = len;
    return err;
}

void jsonout_dispose(jsonout *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int jsonout_write(const json_t *o, FILE *out, size_t flags)
{
    jsonout b = JSONOUT_INIT;
    int rc = jsonout_value(&b, o, flags);

    if (rc == 0) {
        rc = fwrite(b.data, 1, b.len, out) == b.len ? 0 : -1;
    } else if (rc != -1) { /* not this writer's: jansson's own */
        char *s = json_dumps(o, flags);
        rc = s && fputs(s, out) != EOF ? 0 : -1;
        free(s);
    }
    jsonout_dispose(&b);
    return rc;
}
