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

/* Scratch for abg_regex_search: the context's own, made once and kept
 * (NULL ctx, or one already in use: a new one). Give it back with
 * abg_ctx_scratch_done, which frees only one that is not the context's. */
struct abg_regex_scratch;
int abg_ctx_scratch(abg_ctx *ctx, struct abg_regex_scratch **out);
void abg_ctx_scratch_done(abg_ctx *ctx, struct abg_regex_scratch *scratch);

/* Like strdup; NULL for NULL. */
char *abg_strdup(const char *s);
char *abg_strndup(const char *s, size_t n);

#endif
