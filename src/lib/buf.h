/*
 * buf.h: a growable byte buffer with a hard size limit.
 *
 * An abg_buf owns its bytes; release them with abg_buf_dispose. The data is
 * always NUL-terminated once anything was added, so it can be used as a C
 * string when it holds no NUL bytes of its own.
 */
#ifndef ABG_BUF_H
#define ABG_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "abgleich.h"

typedef struct {
    char *data;
    size_t len;
    size_t cap;
} abg_buf;

#define ABG_BUF_INIT {NULL, 0, 0}

/* No buffer grows beyond this: larger inputs are refused before. */
#define ABG_BUF_MAX ((size_t)1 << 31)

/* Make room for `extra` more bytes (plus the terminating NUL). Returns 0,
 * ABG_ENOMEM, or ABG_ELIMIT when the buffer would pass ABG_BUF_MAX. */
int abg_buf_grow(abg_buf *b, size_t extra);
int abg_buf_put(abg_buf *b, const void *data, size_t len);
int abg_buf_puts(abg_buf *b, const char *s);
int abg_buf_putc(abg_buf *b, int c);
int abg_buf_printf(abg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int abg_buf_vprintf(abg_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void abg_buf_truncate(abg_buf *b, size_t len);
/* Hand the bytes to the caller (free with free()); the buffer is empty after.
 * Returns "" duplicated when nothing was added, NULL when out of memory. */
char *abg_buf_detach(abg_buf *b);
void abg_buf_dispose(abg_buf *b);

/* A size for messages, into out[0..n): "3 MiB", "12 KiB", "700 bytes"
 * (whole units, rounded down). */
void abg_size_text(char *out, size_t n, size_t bytes);

/* Append the whole file at path (NUL-terminated); a file larger than max
 * bytes fails with ABG_ELIMIT. Errors name the path in ctx. */
int abg_buf_read_file(abg_buf *b, abg_ctx *ctx, const char *path, size_t max);

#endif
