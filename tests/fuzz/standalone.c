/*
 * standalone.c: runs a fuzz target's LLVMFuzzerTestOneInput over files, so
 * that the seeds are regression tests without libFuzzer. Each argument is a
 * file or a folder of files (read in sorted order). A crash fails the test;
 * an unreadable argument too.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    size_t len = 0, cap = 0, got;

    if (!f) {
        perror(path);
        return -1;
    }
    do {
        if (len == cap) {
            unsigned char *p;
            cap = cap ? cap * 2 : 4096;
            if (!(p = realloc(data, cap))) {
                free(data);
                fclose(f);
                return -1;
            }
            data = p;
        }
        got = fread(data + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    fclose(f);
    LLVMFuzzerTestOneInput(data, len);
    free(data);
    return 0;
}

static int cmp(const void *a, const void *b)
{
    const struct dirent *x = *(const struct dirent *const *)a;
    const struct dirent *y = *(const struct dirent *const *)b;
    return strcmp(x->d_name, y->d_name);
}

int main(int argc, char **argv)
{
    size_t runs = 0;
    int i, failed = 0;

    for (i = 1; i < argc; i++) {
        struct stat st;
        struct dirent **ents;
        int n, k;
        if (stat(argv[i], &st) < 0) {
            perror(argv[i]);
            return 1;
        }
        if (!S_ISDIR(st.st_mode)) {
            failed |= run_file(argv[i]) < 0;
            runs++;
            continue;
        }
        n = scandir(argv[i], &ents, NULL, NULL);
        if (n < 0) {
            perror(argv[i]);
            return 1;
        }
        qsort(ents, (size_t)n, sizeof *ents, cmp);
        for (k = 0; k < n; k++) {
            if (ents[k]->d_name[0] != '.') {
                size_t len = strlen(argv[i]) + strlen(ents[k]->d_name) + 2;
                char *path = malloc(len);
                if (path) {
                    snprintf(path, len, "%s/%s", argv[i], ents[k]->d_name);
                    failed |= run_file(path) < 0;
                    runs++;
                    free(path);
                }
            }
            free(ents[k]);
        }
        free(ents);
    }
    printf("%zu inputs replayed\n", runs);
    return failed || runs == 0;
}
