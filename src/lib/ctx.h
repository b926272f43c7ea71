/*
 * ctx.h: recording errors in an abg_ctx (internal).
 */
#ifndef ABG_CTX_H
#define ABG_CTX_H

#include "abgleich.h"

/* Record `code` with a printf-style message in ctx (which may be NULL) and
 * return `code`, so that a failure is one statement:
 *     return abg_error(ctx, ABG_EPARSE, "binary file (NUL bytes)");  */
int abg_error(abg_ctx *ctx, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Record ABG_ENOMEM with the standard message; returns ABG_ENOMEM. */
int abg_error_oom(abg_ctx *ctx);

/* Like strdup; NULL for NULL. */
char *abg_strdup(const char *s);
char *abg_strndup(const char *s, size_t n);

#endif
