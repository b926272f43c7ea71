/*
 * stopwords.c: the stopword set used by the word statistics.
 *
 * In:  a word list (stopwords/german.txt or --stopwords FILE): one word a
 *      line, UTF-8, '#' or '|' starts a comment (Snowball's own lists use
 *      '|'), blank lines and CRLF line ends allowed. Several words on one
 *      line separated by spaces or tabs are each taken.
 * Out: an abg_stopwords set of the folded words (abg_fold), freed with
 *      abg_stopwords_free.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "strset.h"
#include "text.h"
#include "utf8.h"

/* A stopword file larger than this is refused. */
#define STOPWORDS_MAX_SIZE ((size_t)16 << 20)

struct abg_stopwords {
    abg_strset words; /* folded */
};

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Add the words of one line (comments already cut off). */
static int add_line(abg_stopwords *sw, abg_buf *fold, abg_ctx *ctx, const char *path,
                    unsigned lineno, const char *s, size_t n)
{
    size_t i = 0;
    int err;

    while (i < n) {
        size_t start;
        while (i < n && blank(s[i]))
            i++;
        start = i;
        while (i < n && !blank(s[i]))
            i++;
        if (i == start)
            continue;
        abg_buf_truncate(fold, 0);
        if ((err = abg_fold(fold, s + start, i - start)) < 0 ||
            (fold->len && (err = abg_strset_add(&sw->words, fold->data, fold->len)) < 0))
            return err == ABG_ENOMEM ? abg_error_oom(ctx)
                                     : abg_error(ctx, err, "%s:%u: word too long", path,
                                                 lineno);
    }
    return 0;
}

int abg_stopwords_load(abg_stopwords **out, abg_ctx *ctx, const char *path)
{
    abg_stopwords *sw = calloc(1, sizeof *sw);
    abg_buf raw = ABG_BUF_INIT, fold = ABG_BUF_INIT;
    unsigned lineno = 0;
    size_t pos = 0;
    int err;

    *out = NULL;
    if (!sw)
        return abg_error_oom(ctx);
    if ((err = abg_buf_read_file(&raw, ctx, path, STOPWORDS_MAX_SIZE)) < 0)
        goto done;
    while (pos < raw.len) {
        const char *line = raw.data + pos;
        const char *nl = memchr(line, '\n', raw.len - pos);
        size_t n = nl ? (size_t)(nl - line) : raw.len - pos, k;

        pos += nl ? n + 1 : n;
        lineno++;
        if (abg_utf8_check(line, n) != n) {
            err = abg_error(ctx, ABG_EPARSE, "%s:%u: invalid utf-8", path, lineno);
            goto done;
        }
        for (k = 0; k < n && line[k] != '#' && line[k] != '|'; k++)
            ;
        if ((err = add_line(sw, &fold, ctx, path, lineno, line, k)) < 0)
            goto done;
    }
    *out = sw;
    sw = NULL;
done:
    abg_stopwords_free(sw);
    abg_buf_dispose(&fold);
    abg_buf_dispose(&raw);
    return err;
}

void abg_stopwords_free(abg_stopwords *sw)
{
    if (!sw)
        return;
    abg_strset_dispose(&sw->words);
    free(sw);
}

bool abg_stopwords_has(const abg_stopwords *sw, const char *folded, size_t len)
{
    return sw && len && abg_strset_has(&sw->words, folded, len);
}
