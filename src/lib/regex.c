/*
 * regex.c: compiling and running PCRE2 patterns with bounds.
 *
 * In:  UTF-8 patterns and subjects.
 * Out: abg_regex handles (freed with abg_regex_free) and match spans.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "regex.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "extract.h"

struct abg_regex {
    pcre2_code *code;
    unsigned flags;
    int jit;
};

/* The match context lives here, not in abg_regex, because assigning a JIT
 * stack writes to it. */
struct abg_regex_scratch {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *stack;
};

void abg_regex_free(abg_regex *re)
{
    if (!re)
        return;
    pcre2_code_free(re->code);
    free(re);
}

int abg_regex_new(abg_regex **out, abg_ctx *ctx, const char *pattern, unsigned flags)
{
    abg_regex *re = NULL;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C | PCRE2_DUPNAMES;
    int errcode, err = 0;
    PCRE2_SIZE erroff;

    *out = NULL;
    if (flags & ABG_RE_CASELESS)
        opts |= PCRE2_CASELESS;
    if (flags & (ABG_RE_ANCHORED | ABG_RE_FULL))
        opts |= PCRE2_ANCHORED;
    if (flags & ABG_RE_FULL)
        opts |= PCRE2_ENDANCHORED;
    re = calloc(1, sizeof *re);
    if (!re)
        return abg_error_oom(ctx);
    re->flags = flags;
    re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &errcode,
                             &erroff, NULL);
    if (!re->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        err = abg_error(ctx, ABG_EUSAGE, "column %zu: %s", (size_t)erroff + 1, (char *)msg);
        goto done;
    }
    {
        uint32_t ncap = 0;
        pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &ncap);
        if (ncap >= ABG_REGEX_MAX_GROUPS) {
            err = abg_error(ctx, ABG_EUSAGE, "more than %u capture groups",
                            (unsigned)ABG_REGEX_MAX_GROUPS - 1);
            goto done;
        }
    }
    re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
    *out = re;
    re = NULL;
done:
    abg_regex_free(re);
    return err;
}

void abg_regex_first_bytes(const char *pattern, unsigned flags, unsigned char bits[32])
{
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C | PCRE2_DUPNAMES;
    uint32_t type = 0, unit = 0;
    const uint8_t *map = NULL;
    pcre2_code *code;
    int errcode, b;
    PCRE2_SIZE erroff;

    memset(bits, 0xFF, 32);
    if (flags & ABG_RE_CASELESS)
        opts |= PCRE2_CASELESS;
    code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &errcode, &erroff,
                         NULL);
    if (!code)
        return;
    if (pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &type) == 0 && type == 1 &&
        pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0 && unit < 0x80) {
        /* one first byte; its other case too, in case it was caseless */
        memset(bits, 0, 32);
        bits[unit / 8] |= (unsigned char)(1u << (unit % 8));
        if ((unit | 0x20) >= 'a' && (unit | 0x20) <= 'z') {
            unit ^= 0x20;
            bits[unit / 8] |= (unsigned char)(1u << (unit % 8));
        }
    } else if (type == 0 && pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &map) == 0 &&
               map) {
        for (b = 0; b < 32; b++)
            bits[b] = map[b];
    }
    pcre2_code_free(code);
}

int abg_regex_scratch_new(abg_regex_scratch **out)
{
    abg_regex_scratch *s = calloc(1, sizeof *s);

    *out = NULL;
    if (!s)
        return ABG_ENOMEM;
    s->md = pcre2_match_data_create(ABG_REGEX_MAX_GROUPS, NULL);
    s->mctx = pcre2_match_context_create(NULL);
    s->stack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
    if (!s->md || !s->mctx || !s->stack) {
        abg_regex_scratch_free(s);
        return ABG_ENOMEM;
    }
    pcre2_set_match_limit(s->mctx, ABG_REGEX_MATCH_LIMIT);
    pcre2_set_depth_limit(s->mctx, ABG_REGEX_DEPTH_LIMIT);
    pcre2_set_heap_limit(s->mctx, ABG_REGEX_HEAP_LIMIT_KIB);
    pcre2_jit_stack_assign(s->mctx, NULL, s->stack);
    *out = s;
    return 0;
}

void abg_regex_scratch_free(abg_regex_scratch *s)
{
    if (!s)
        return;
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mctx);
    pcre2_jit_stack_free(s->stack);
    free(s);
}

int abg_regex_search(abg_regex_match *m, abg_ctx *ctx, const abg_regex *re,
                     abg_regex_scratch *scratch, const char *subject, size_t len, size_t start)
{
    PCRE2_SIZE *ov;
    int rc;

    if (len > ABG_REGEX_MAX_SUBJECT)
        return abg_error(ctx, ABG_ELIMIT, "text of %zu bytes is longer than a pattern may scan",
                         len);
    /* pcre2_jit_match is pcre2_match without its checks of the arguments,
     * which cost as much as a failed match does (subjects are valid UTF-8) */
    if (re->jit)
        rc = pcre2_jit_match(re->code, (PCRE2_SPTR)subject, len, start, 0, scratch->md,
                             scratch->mctx);
    else
        rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start, PCRE2_NO_UTF_CHECK,
                         scratch->md, scratch->mctx);
    if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL)
        return 0;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
        return abg_error(ctx, ABG_ELIMIT, "pattern hit its match limit");
    if (rc == 0)
        return abg_error(ctx, ABG_ERROR, "pattern has too many groups");
    if (rc < 0) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(rc, msg, sizeof msg);
        return abg_error(ctx, ABG_ERROR, "pattern failed: %s", (char *)msg);
    }
    ov = pcre2_get_ovector_pointer(scratch->md);
    m->start = ov[0];
    m->end = ov[1];
    return 1;
}

int abg_regex_group_numbers(const abg_regex *re, const char *name, int *nums, int max)
{
    PCRE2_SPTR first, last;
    int size = pcre2_substring_nametable_scan(re->code, (PCRE2_SPTR)name, &first, &last);
    int n = 0;

    if (size <= 0)
        return 0;
    for (; first <= last && n < max; first += size)
        nums[n++] = (first[0] << 8) | first[1];
    return n;
}

int abg_regex_group(const abg_regex_scratch *scratch, int number, size_t *start, size_t *end)
{
    PCRE2_SIZE *ov;

    if (number <= 0 || (uint32_t)number >= pcre2_get_ovector_count(scratch->md))
        return 0;
    ov = pcre2_get_ovector_pointer(scratch->md);
    if (ov[2 * number] == PCRE2_UNSET || ov[2 * number + 1] < ov[2 * number])
        return 0;
    *start = ov[2 * number];
    *end = ov[2 * number + 1];
    return 1;
}
