/*
 * gunzip.h: gzip-compressed input, decompressed with limits.
 */
#ifndef ABG_GUNZIP_H
#define ABG_GUNZIP_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "ctx.h"

/* Output at most this many times the compressed size (past the first
 * GUNZIP_RATIO_FLOOR bytes): more is a decompression bomb. Text and HTML
 * compress 3 to 20 times. */
#define GUNZIP_MAX_RATIO 100
#define GUNZIP_RATIO_FLOOR ((size_t)1 << 20)

/* Does data start like a gzip member (bytes 1F 8B, method 8)? */
bool abg_is_gzip(const char *data, size_t len);

/* Decompress data[0..len), one gzip member or several in a row, into out
 * (appended, NUL-terminated). At most `limit` bytes of output and
 * GUNZIP_MAX_RATIO times len: beyond either, ABG_ELIMIT with a message
 * that says which. A damaged or truncated stream is ABG_EPARSE; out of
 * memory ABG_ENOMEM. */
int abg_gunzip(abg_buf *out, abg_ctx *ctx, const char *data, size_t len, size_t limit);

#endif
