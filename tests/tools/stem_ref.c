/*
 * stem_ref.c: the reference for `abgleich stem`, built on libstemmer and
 * utf8proc directly (not on libabgleich), for the word-list test.
 *
 * Reads one word a line from stdin (a final "\r" and surrounding spaces and
 * tabs dropped, as `abgleich stem` does), folds it the documented way (each
 * code point through utf8proc_tolower, then NFC) and prints the stem that
 * sb_stemmer_stem gives for it, one a line. A line that is not valid UTF-8
 * is reported on stderr and skipped. Exit status 0, or 2 on any trouble.
 * Unlike abg_stem it stems words of any length (abg_stem returns words of
 * more than 256 folded bytes unstemmed); the word list has none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <utf8proc.h>

#define LINE_MAX_BYTES ((size_t)1 << 20)

/* The folded form of s[0..n) (malloc'd, NUL-terminated), NULL when s is
 * not valid UTF-8 or memory ran out. */
static utf8proc_uint8_t *fold(const char *s, size_t n)
{
    utf8proc_uint8_t *lower = malloc(n + 1), *nfc = NULL;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0, o = 0;

    if (!lower)
        return NULL;
    while (i < n) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0 || (c >= 0xD800 && c <= 0xDFFF)) {
            free(lower);
            return NULL;
        }
        i += (size_t)k;
        /* a small letter is never longer in UTF-8 than its capital here;
         * make room anyway */
        {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(c), enc);
            utf8proc_uint8_t *grown;
            if (o + (size_t)m + 1 > n + 1) {
                if (!(grown = realloc(lower, o + (size_t)m + 1))) {
                    free(lower);
                    return NULL;
                }
                lower = grown;
            }
            memcpy(lower + o, enc, (size_t)m);
            o += (size_t)m;
        }
    }
    if (utf8proc_map(lower, (utf8proc_ssize_t)o, &nfc, UTF8PROC_COMPOSE | UTF8PROC_STABLE) < 0)
        nfc = NULL;
    free(lower);
    return nfc;
}

int main(void)
{
    struct sb_stemmer *sb = sb_stemmer_new("german", "UTF_8");
    char *line = malloc(LINE_MAX_BYTES + 2);
    unsigned long lineno = 0;
    int rc = 0;

    if (!sb || !line) {
        fputs("stem_ref: out of memory\n", stderr);
        return 2;
    }
    while (fgets(line, (int)LINE_MAX_BYTES + 2, stdin)) {
        size_t n = strlen(line), start = 0;
        utf8proc_uint8_t *f;
        const sb_symbol *stem;

        lineno++;
        if (n && line[n - 1] == '\n')
            line[--n] = '\0';
        else if (!feof(stdin)) {
            fprintf(stderr, "stem_ref: <stdin>:%lu: line too long\n", lineno);
            return 2;
        }
        if (n && line[n - 1] == '\r')
            n--;
        while (start < n && (line[start] == ' ' || line[start] == '\t'))
            start++;
        while (n > start && (line[n - 1] == ' ' || line[n - 1] == '\t'))
            n--;
        if (!(f = fold(line + start, n - start))) {
            fprintf(stderr, "stem_ref: <stdin>:%lu: invalid utf-8\n", lineno);
            rc = 2;
            continue;
        }
        stem = sb_stemmer_stem(sb, f, (int)strlen((const char *)f));
        if (!stem) {
            fputs("stem_ref: out of memory\n", stderr);
            return 2;
        }
        fwrite(stem, 1, (size_t)sb_stemmer_length(sb), stdout);
        putchar('\n');
        free(f);
    }
    if (ferror(stdin) || fflush(stdout) != 0 || ferror(stdout)) {
        fputs("stem_ref: i/o error\n", stderr);
        rc = 2;
    }
    sb_stemmer_delete(sb);
    free(line);
    return rc;
}
