/*
 * ctx.c: the error context and a few small helpers every module uses.
 */
#include "ctx.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regex.h"
#include "version.h"

#define MESSAGE_MAX 512

struct abg_ctx {
    int code;
    char message[MESSAGE_MAX];
    /* pattern-matching scratch (its JIT stack is a mapping of its own),
     * made once and kept: a context belongs to one thread at a time */
    abg_regex_scratch *scratch;
    bool scratch_busy;
};

const char *abg_version(void)
{
    return ABGLEICH_VERSION;
}

int abg_ctx_new(abg_ctx **out)
{
    *out = calloc(1, sizeof(abg_ctx));
    return *out ? 0 : ABG_ENOMEM;
}

void abg_ctx_free(abg_ctx *ctx)
{
    if (ctx)
        abg_regex_scratch_free(ctx->scratch);
    free(ctx);
}

int abg_ctx_scratch(abg_ctx *ctx, abg_regex_scratch **out)
{
    if (!ctx || ctx->scratch_busy)
        return abg_regex_scratch_new(out);
    if (!ctx->scratch && abg_regex_scratch_new(&ctx->scratch) < 0)
        return ABG_ENOMEM;
    ctx->scratch_busy = true;
    *out = ctx->scratch;
    return 0;
}

void abg_ctx_scratch_done(abg_ctx *ctx, abg_regex_scratch *scratch)
{
    if (ctx && scratch && scratch == ctx->scratch)
        ctx->scratch_busy = false;
    else
        abg_regex_scratch_free(scratch);
}

const char *abg_ctx_message(const abg_ctx *ctx)
{
    return ctx ? ctx->message : "";
}

int abg_ctx_code(const abg_ctx *ctx)
{
    return ctx ? ctx->code : 0;
}

void abg_ctx_clear(abg_ctx *ctx)
{
    if (ctx) {
        ctx->code = 0;
        ctx->message[0] = '\0';
    }
}

int abg_error(abg_ctx *ctx, int code, const char *fmt, ...)
{
    char msg[MESSAGE_MAX];
    va_list ap;

    if (!ctx)
        return code;
    /* format first: the arguments may include the old message */
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ctx->code = code;
    memcpy(ctx->message, msg, sizeof msg);
    return code;
}

int abg_error_oom(abg_ctx *ctx)
{
    return abg_error(ctx, ABG_ENOMEM, "out of memory");
}

char *abg_strndup(const char *s, size_t n)
{
    char *p;

    if (!s)
        return NULL;
    p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *abg_strdup(const char *s)
{
    return s ? abg_strndup(s, strlen(s)) : NULL;
}
