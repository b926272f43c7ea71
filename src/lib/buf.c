/*
 * buf.c: growable byte buffers (see buf.h).
 */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abgleich.h"
#include "ctx.h"

int abg_buf_grow(abg_buf *b, size_t extra)
{
    size_t need, cap;
    char *p;

    if (extra > ABG_BUF_MAX || b->len > ABG_BUF_MAX - extra - 1)
        return ABG_ELIMIT;
    need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap += cap / 2 + 8;
    if (cap > ABG_BUF_MAX)
        cap = ABG_BUF_MAX;
    p = realloc(b->data, cap);
    if (!p)
        return ABG_ENOMEM;
    b->data = p;
    b->cap = cap;
    return 0;
}

int abg_buf_put(abg_buf *b, const void *data, size_t len)
{
    int err;

    if ((err = abg_buf_grow(b, len)) < 0)
        return err;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

int abg_buf_puts(abg_buf *b, const char *s)
{
    return abg_buf_put(b, s, strlen(s));
}

int abg_buf_putc(abg_buf *b, int c)
{
    char ch = (char)c;
    return abg_buf_put(b, &ch, 1);
}

int abg_buf_vprintf(abg_buf *b, const char *fmt, va_list ap)
{
    va_list copy;
    int n, err;

    va_copy(copy, ap);
    n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return ABG_ERROR;
    if ((err = abg_buf_grow(b, (size_t)n)) < 0)
        return err;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return 0;
}

int abg_buf_printf(abg_buf *b, const char *fmt, ...)
{
    va_list ap;
    int err;

    va_start(ap, fmt);
    err = abg_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return err;
}

void abg_buf_truncate(abg_buf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->data[len] = '\0';
    }
}

char *abg_buf_detach(abg_buf *b)
{
    char *p = b->data;

    if (!p)
        p = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void abg_buf_dispose(abg_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int abg_buf_read_file(abg_buf *b, abg_ctx *ctx, const char *path, size_t max)
{
    FILE *fp = fopen(path, "rb");
    int err = 0;

    if (!fp)
        return abg_error(ctx, ABG_EIO, "%s: cannot open", path);
    for (;;) {
        size_t n;
        if ((err = abg_buf_grow(b, 65536)) < 0) {
            err = err == ABG_ENOMEM ? abg_error_oom(ctx)
                                    : abg_error(ctx, err, "%s: file too large", path);
            break;
        }
        n = fread(b->data + b->len, 1, 65536, fp);
        b->len += n;
        b->data[b->len] = '\0';
        if (b->len > max) {
            err = abg_error(ctx, ABG_ELIMIT, "%s: file too large (limit %zu MiB)", path,
                            max >> 20);
            break;
        }
        if (n < 65536) {
            if (ferror(fp))
                err = abg_error(ctx, ABG_EIO, "%s: read error", path);
            break;
        }
    }
    fclose(fp);
    return err;
}

void abg_size_text(char *out, size_t n, size_t bytes)
{
    if (bytes >= ((size_t)1 << 20))
        snprintf(out, n, "%zu MiB", bytes >> 20);
    else if (bytes >= 1024)
        snprintf(out, n, "%zu KiB", bytes >> 10);
    else
        snprintf(out, n, "%zu bytes", bytes);
}
