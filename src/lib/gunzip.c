/*
 * gunzip.c: gzip-compressed input, decompressed with limits.
 *
 * In:  the bytes of a file that starts with the gzip magic.
 * Out: its decompressed bytes, or an error that says why not: a damaged
 *      stream, or more output than the size limit or the ratio allows
 *      (a decompression bomb stops as soon as it passes either, so it
 *      costs no more than that much work).
 */
#include "gunzip.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

/* Output is produced in steps of this many bytes. */
#define STEP 65536

bool abg_is_gzip(const char *data, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;

    return len >= 3 && u[0] == 0x1F && u[1] == 0x8B && u[2] == 8;
}

int abg_gunzip(abg_buf *out, abg_ctx *ctx, const char *data, size_t len, size_t limit)
{
    z_stream z;
    size_t start = out->len, ratio_cap, made;
    int zr, err = 0;
    char a[32], b[32];

    memset(&z, 0, sizeof z);
    /* 16 + MAX_WBITS: a gzip wrapper, not zlib's */
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return abg_error_oom(ctx);
    ratio_cap = len > (SIZE_MAX - GUNZIP_RATIO_FLOOR) / GUNZIP_MAX_RATIO
                    ? SIZE_MAX
                    : len * GUNZIP_MAX_RATIO + GUNZIP_RATIO_FLOOR;
    z.next_in = (Bytef *)(uintptr_t)data;
    for (;;) {
        size_t chunk = len - (size_t)((const char *)z.next_in - data);
        z.avail_in = chunk > UINT_MAX ? UINT_MAX : (uInt)chunk;
        if ((err = abg_buf_grow(out, STEP)) < 0) {
            err = err == ABG_ENOMEM ? abg_error_oom(ctx)
                                    : abg_error(ctx, ABG_ELIMIT, "decompressed file too large");
            break;
        }
        z.next_out = (Bytef *)out->data + out->len;
        z.avail_out = STEP;
        zr = inflate(&z, Z_NO_FLUSH);
        out->len += STEP - z.avail_out;
        out->data[out->len] = '\0';
        made = out->len - start;
        if (made > limit) {
            abg_size_text(a, sizeof a, limit);
            err = abg_error(ctx, ABG_ELIMIT,
                            "gzip file expands beyond the size limit (%s), skipped", a);
            break;
        }
        if (made > ratio_cap) {
            abg_size_text(a, sizeof a, len);
            abg_size_text(b, sizeof b, made);
            err = abg_error(ctx, ABG_ELIMIT,
                            "gzip file expands more than %d times (%s to over %s): a "
                            "decompression bomb, skipped",
                            GUNZIP_MAX_RATIO, a, b);
            break;
        }
        if (zr == Z_STREAM_END) {
            /* another member may follow (cat a.gz b.gz) */
            size_t rest = len - (size_t)((const char *)z.next_in - data);
            if (rest == 0)
                break;
            if (!abg_is_gzip((const char *)z.next_in, rest)) {
                err = abg_error(ctx, ABG_EPARSE,
                                "damaged gzip file (%zu bytes after the end of the stream), "
                                "skipped",
                                rest);
                break;
            }
            if (inflateReset(&z) != Z_OK) {
                err = abg_error(ctx, ABG_EPARSE, "damaged gzip file, skipped");
                break;
            }
            continue;
        }
        if (zr == Z_MEM_ERROR) {
            err = abg_error_oom(ctx);
            break;
        }
        if (zr != Z_OK && zr != Z_BUF_ERROR) {
            err = abg_error(ctx, ABG_EPARSE, "damaged gzip file (%s), skipped",
                            z.msg ? z.msg : "bad data");
            break;
        }
        if (zr == Z_BUF_ERROR && z.avail_in == 0 && z.avail_out != 0) {
            err = abg_error(ctx, ABG_EPARSE, "truncated gzip file, skipped");
            break;
        }
    }
    inflateEnd(&z);
    if (err < 0)
        abg_buf_truncate(out, start);
    return err;
}
