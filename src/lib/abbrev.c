/*
 * abbrev.c: the abbreviation list that tells a dot inside a sentence from
 * the one that ends it.
 *
 * In:  a file of abbreviations as written ("z. B.", "Mrd.", "Dr.").
 * Out: an abg_abbrevs set (freed with abg_abbrevs_free) and a look-up that
 *      finds the abbreviation ending at a given dot.
 *
 * Entries are kept in a canonical form, spaces removed and an ASCII first
 * letter lowered ("Z. B." -> "z.B."), so that "z. B.", "z.B." and "Z. B."
 * are one entry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "strset.h"
#include "text.h"
#include "utf8.h"

/* Longer runs of letters, dots and spaces are not looked up. */
#define ABBREV_MAX 40

struct abg_abbrevs {
    abg_strset set; /* canonical forms */
};

/* Width of the space character at s (space, no-break, narrow no-break,
 * thin), or 0. */
static size_t space_at(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;

    if (n >= 1 && u[0] == ' ')
        return 1;
    if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xAF || u[2] == 0x89))
        return 3;
    return 0;
}

/* Canonical form of s[0..n) into out (at most ABBREV_MAX bytes): spaces
 * dropped, an ASCII first letter lowered. Returns its length, 0 if too long. */
static size_t canonical(char *out, const char *s, size_t n)
{
    size_t i = 0, o = 0, w;

    while (i < n) {
        if ((w = space_at(s + i, n - i)) > 0) {
            i += w;
            continue;
        }
        if (o == ABBREV_MAX)
            return 0;
        out[o++] = s[i++];
    }
    if (o && out[0] >= 'A' && out[0] <= 'Z')
        out[0] = (char)(out[0] + ('a' - 'A'));
    return o;
}

int abg_abbrevs_load(abg_abbrevs **out, abg_ctx *ctx, const char *path)
{
    abg_abbrevs *a = calloc(1, sizeof *a);
    char line[256], canon[ABBREV_MAX];
    unsigned lineno = 0;
    FILE *fp = NULL;
    int err = 0;

    *out = NULL;
    if (!a)
        return abg_error_oom(ctx);
    if (!(fp = fopen(path, "rb"))) {
        err = abg_error(ctx, ABG_EUSAGE, "%s: cannot open", path);
        goto done;
    }
    while (fgets(line, sizeof line, fp)) {
        size_t n = strlen(line), k;
        lineno++;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        if (!n || line[0] == '#')
            continue;
        if (abg_utf8_check(line, n) != n || line[n - 1] != '.' ||
            !(k = canonical(canon, line, n))) {
            err = abg_error(ctx, ABG_EUSAGE, "%s:%u: not an abbreviation ending in '.'", path,
                            lineno);
            goto done;
        }
        if ((err = abg_strset_add(&a->set, canon, k)) < 0) {
            err = abg_error_oom(ctx);
            goto done;
        }
    }
    *out = a;
    a = NULL;
done:
    if (fp)
        fclose(fp);
    abg_abbrevs_free(a);
    return err;
}

void abg_abbrevs_free(abg_abbrevs *a)
{
    if (!a)
        return;
    abg_strset_dispose(&a->set);
    free(a);
}

/* Letters and digits, roughly: enough to tell where a word starts. */
static bool is_wordchar(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7) || c >= 0x2070;
}

static bool is_space(uint32_t c)
{
    return c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009;
}

/* Start of the character that ends at text[pos-1]. */
static size_t prev_char(const char *text, size_t pos)
{
    size_t p = pos - 1;

    while (p > 0 && ((unsigned char)text[p] & 0xC0) == 0x80 && pos - p < 4)
        p--;
    return p;
}

size_t abg_abbrev_before(const abg_abbrevs *a, const char *text, size_t end)
{
    char canon[ABBREV_MAX];
    size_t cur, best = 0;

    if (!a || end == 0 || text[end - 1] != '.')
        return 0;
    cur = end - 1;
    while (cur > 0 && end - cur <= ABBREV_MAX * 2) {
        size_t p = prev_char(text, cur), w;
        uint32_t c = abg_utf8_decode(text + p, cur - p, &w);
        if (c == '.' || is_wordchar(c)) {
            cur = p;
        } else if (is_space(c) && p > 0 && text[p - 1] == '.') {
            cur = p; /* a space inside "z. B." */
            continue;
        } else {
            break;
        }
        if (c != '.' && (cur == 0 || !is_wordchar(abg_utf8_decode(
                                        text + prev_char(text, cur),
                                        cur - prev_char(text, cur), &w)))) {
            size_t k = canonical(canon, text + cur, end - cur);
            if (k && abg_strset_has(&a->set, canon, k))
                best = end - cur;
        }
    }
    return best;
}
