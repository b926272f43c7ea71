/*
 * escape.c: names (paths, document ids) that are safe to print.
 *
 * A file name may hold any byte but '/' and NUL: control characters that
 * move a terminal's cursor or retitle it, and bytes that are not UTF-8 (a
 * Latin-1 name from an old share). Every name abgleich reports passes
 * through abg_name_escape, so that text, JSON, SARIF and HTML stay clean
 * and valid UTF-8; abg_name_unescape gives the exact bytes back (SARIF
 * percent-encodes those in its URIs).
 */
#include <stdlib.h>
#include <string.h>

#include "abgleich.h"
#include "ascii.h"
#include "buf.h"
#include "utf8.h"

static int put_hex(abg_buf *b, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    char e[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};

    return abg_buf_put(b, e, 4);
}

char *abg_name_escape(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s), i = 0, k;
    abg_buf b = ABG_BUF_INIT;
    int err = 0;

    while (i < n && !err) {
        if (u[i] == '\\') {
            err = abg_buf_put(&b, "\\\\", 2);
            i++;
        } else if (u[i] < 0x20 || u[i] == 0x7F) {
            err = put_hex(&b, u[i++]);
        } else if (u[i] < 0x80) {
            err = abg_buf_putc(&b, (char)u[i++]);
        } else if (!(k = abg_utf8_seqlen(u + i, n - i))) {
            err = put_hex(&b, u[i++]); /* not UTF-8 */
        } else if (k == 2 && u[i] == 0xC2 && u[i + 1] < 0xA0) {
            /* U+0080..U+009F: C1 controls (CSI is U+009B) */
            if (!(err = put_hex(&b, u[i])))
                err = put_hex(&b, u[i + 1]);
            i += 2;
        } else {
            err = abg_buf_put(&b, s + i, k);
            i += k;
        }
    }
    if (err < 0) {
        abg_buf_dispose(&b);
        return NULL;
    }
    return abg_buf_detach(&b);
}

char *abg_name_unescape(const char *s, size_t *len)
{
    size_t n = strlen(s), i, o = 0;
    char *out = malloc(n + 1);

    if (!out)
        return NULL;
    for (i = 0; i < n; i++) {
        int h, l;
        if (s[i] == '\\' && i + 1 < n && s[i + 1] == '\\') {
            out[o++] = '\\';
            i++;
        } else if (s[i] == '\\' && i + 3 < n && s[i + 1] == 'x' &&
                   (h = abg_ascii_hex_value((unsigned char)s[i + 2])) >= 0 &&
                   (l = abg_ascii_hex_value((unsigned char)s[i + 3])) >= 0) {
            out[o++] = (char)(h << 4 | l);
            i += 3;
        } else
            out[o++] = s[i];
    }
    out[o] = '\0';
    if (len)
        *len = o;
    return out;
}
