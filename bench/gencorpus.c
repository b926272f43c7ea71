/*
 * gencorpus.c: writes a large German news corpus for benchmarks.
 *
 * usage: gencorpus OUTDIR MEGABYTES FILE...
 *
 * The paragraphs of the given plain-text articles are shuffled into new
 * articles of 2-8 KB with a fixed pseudo-random sequence (the same output
 * on every run), and every digit is replaced by another, so that figures
 * vary the way they do across real articles. Files go to OUTDIR/NNN/NNNNN.txt,
 * 1000 to a folder, until MEGABYTES are written.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    char *text;
    size_t len;
} para;

static uint64_t state = 0x9E3779B97F4A7C15ull;

static uint32_t next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return (uint32_t)(state >> 11);
}

static int add_paras(para **ps, size_t *n, size_t *cap, const char *path)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL, *p, *end;
    size_t len = 0, got;
    long size;

    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (size <= 0 || !(data = malloc((size_t)size + 1))) {
        fclose(f);
        return -1;
    }
    while ((got = fread(data + len, 1, (size_t)size - len, f)) > 0)
        len += got;
    fclose(f);
    data[len] = '\0';
    for (p = data; p < data + len; p = end) {
        char *blank = strstr(p, "\n\n");
        end = blank ? blank + 2 : data + len;
        if (end - p > 40) { /* skip headings and short lines */
            if (*n == *cap) {
                *cap = *cap ? *cap * 2 : 256;
                *ps = realloc(*ps, *cap * sizeof **ps);
                if (!*ps)
                    return -1;
            }
            (*ps)[*n].text = p;
            (*ps)[(*n)++].len = (size_t)(end - p);
        }
    }
    return 0; /* data stays referenced by the paragraphs */
}

int main(int argc, char **argv)
{
    para *ps = NULL;
    size_t n = 0, cap = 0, written = 0, target, file = 0;
    char path[4096];
    int i;

    if (argc < 4) {
        fputs("usage: gencorpus OUTDIR MEGABYTES FILE...\n", stderr);
        return 2;
    }
    target = (size_t)strtoul(argv[2], NULL, 10) << 20;
    for (i = 3; i < argc; i++)
        if (add_paras(&ps, &n, &cap, argv[i]) < 0) {
            fprintf(stderr, "gencorpus: %s: cannot read\n", argv[i]);
            return 2;
        }
    if (!n || (mkdir(argv[1], 0755) < 0 && errno != EEXIST)) {
        fputs("gencorpus: no paragraphs, or cannot create OUTDIR\n", stderr);
        return 2;
    }
    while (written < target) {
        size_t size = 2048 + next() % 6144, k;
        FILE *out;
        if (file % 1000 == 0) {
            snprintf(path, sizeof path, "%s/%03zu", argv[1], file / 1000);
            if (mkdir(path, 0755) < 0 && errno != EEXIST)
                return 2;
        }
        snprintf(path, sizeof path, "%s/%03zu/%05zu.txt", argv[1], file / 1000, file);
        if (!(out = fopen(path, "wb")))
            return 2;
        for (k = 0; k < size;) {
            const para *p = &ps[next() % n];
            size_t j;
            for (j = 0; j < p->len; j++) {
                char c = p->text[j];
                if (c >= '0' && c <= '9')
                    c = (char)('0' + next() % 10);
                fputc(c, out);
            }
            k += p->len;
        }
        written += k;
        fclose(out);
        file++;
    }
    printf("%zu files, %zu bytes\n", file, written);
    return 0;
}
