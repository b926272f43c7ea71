/*
 * story_eval.c: measure signatures and stories on real text (not a test).
 *
 * Build (from the repository root, after building build/):
 *   cc -O2 -Iinclude -Isrc/lib -Ibuild/generated bench/realnews/story_eval.c \
 *      build/src/libabgleich.a $(pkg-config --libs libxml-2.0 libpcre2-8 jansson \
 *      libutf8proc) -lstemmer -lm -o build/story_eval
 *
 * usage: story_eval [options] PATH...        (run in the repository root)
 *   --loop none|sign   read (and sign) every document, print the seconds: the
 *                      cost of abg_signature_make is the difference
 *   --loop print       print every signature
 *   --threshold X --window D --copy C --no-background   story options
 *   --dump FILE        every document: story, copy-of, id, title (by story)
 *   --sample K SEED    K random stories of two or more documents, with titles
 *   --near K SEED      K random pairs of documents in different stories whose
 *                      similarity is within 0.05 below the threshold
 *   --synthetic N      time abg_stories_new on N made-up signatures
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "abgleich.h"
#include "story.h"

typedef struct {
    char *id, *title, *lead;
    double day;
    abg_signature sig;
} item;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t rng_state = 1;
static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static char *lead_of(const abg_doc *doc)
{
    size_t len, n = 0, chars = 0;
    const char *t = abg_doc_text(doc, &len);
    char *s;
    while (n < len && chars < 240) {
        n++;
        while (n < len && ((unsigned char)t[n] & 0xC0) == 0x80)
            n++;
        chars++;
    }
    s = malloc(n + 1);
    memcpy(s, t, n);
    s[n] = 0;
    for (len = 0; len < n; len++)
        if (s[len] == '\n')
            s[len] = ' ';
    return s;
}

static double day_of(const abg_doc *doc)
{
    const char *p = abg_doc_published(doc);
    char d[11];
    abg_date dt;
    if (!p || strlen(p) < 10)
        return NAN;
    memcpy(d, p, 10);
    d[10] = 0;
    if (abg_date_parse(&dt, d) < 0 || !dt.day)
        return NAN;
    return abg_day_number(dt.year, dt.month, dt.day);
}

static void synthetic(size_t n)
{
    /* topics of 30 stems from a vocabulary of 500 000, plus Zipf-ish generic
     * stems; 10 documents a topic on average, a day per 1000 documents */
    abg_story_doc *docs = calloc(n, sizeof *docs);
    abg_signature *sigs = calloc(n, sizeof *sigs);
    char **ids = calloc(n, sizeof *ids);
    abg_stories *st = NULL;
    abg_ctx *ctx = NULL;
    double t0;
    size_t i, k;
    abg_ctx_new(&ctx);
    for (i = 0; i < n; i++) {
        uint64_t topic = rnd() % (n / 10 + 1);
        char buf[32];
        sigs[i].n = 40;
        sigs[i].stems = calloc(40, sizeof(char *));
        sigs[i].counts = calloc(40, sizeof(uint32_t));
        for (k = 0; k < 40; k++) {
            uint64_t s = k < 20 ? 1000 + (topic * 30 + rnd() % 30) % 500000
                                : (uint64_t)(1.0 / ((rnd() % 1000000) / 1e6 + 1e-3));
            snprintf(buf, sizeof buf, "s%llu", (unsigned long long)s);
            sigs[i].stems[k] = strdup(buf);
            sigs[i].counts[k] = 1 + (uint32_t)(rnd() % 3);
        }
        /* sorted and unique are not needed by abg_stories_new */
        for (k = 0; k < ABG_SIG_MINHASH; k++)
            sigs[i].minhash[k] = (uint32_t)rnd();
        sigs[i].shingles = 100;
        snprintf(buf, sizeof buf, "doc%08zu", i);
        ids[i] = strdup(buf);
        docs[i].doc = ids[i];
        docs[i].day = (double)(i / 1000);
        docs[i].sig = &sigs[i];
    }
    t0 = now();
    if (abg_stories_new(&st, ctx, docs, n, NULL, NULL) < 0) {
        fprintf(stderr, "story_eval: %s\n", abg_ctx_message(ctx));
        exit(2);
    }
    printf("synthetic: %zu documents, %zu stories, %.3f s\n", n, abg_stories_count(st),
           now() - t0);
    abg_stories_free(st);
}

int main(int argc, char **argv)
{
    abg_story_options so = ABG_STORY_OPTIONS_INIT;
    abg_ctx *ctx = NULL;
    abg_lang *lang = NULL;
    abg_lang_options lo = ABG_LANG_OPTIONS_INIT;
    abg_ingest *ing = NULL;
    abg_ingest_options io = ABG_INGEST_OPTIONS_INIT;
    abg_inputs *inputs = NULL;
    abg_stemmer *stemmer = NULL;
    abg_background *bg = NULL;
    abg_stories *st = NULL;
    const char *loop = NULL, *dump = NULL;
    int use_bg = 1, sample = 0, near = 0, a;
    uint64_t seed = 1;
    item *items = NULL;
    size_t nitems = 0, cap = 0, i, j;
    double t_sign = 0, t0, t_all;
    abg_story_doc *docs;

    for (a = 1; a < argc && argv[a][0] == '-' && argv[a][1]; a++) {
        if (!strcmp(argv[a], "--loop"))
            loop = argv[++a];
        else if (!strcmp(argv[a], "--threshold"))
            so.threshold = strtod(argv[++a], NULL);
        else if (!strcmp(argv[a], "--window"))
            so.window = strtod(argv[++a], NULL);
        else if (!strcmp(argv[a], "--copy"))
            so.copy = strtod(argv[++a], NULL);
        else if (!strcmp(argv[a], "--no-background"))
            use_bg = 0;
        else if (!strcmp(argv[a], "--dump"))
            dump = argv[++a];
        else if (!strcmp(argv[a], "--sample")) {
            sample = atoi(argv[++a]);
            seed = strtoull(argv[++a], NULL, 10);
        } else if (!strcmp(argv[a], "--near")) {
            near = atoi(argv[++a]);
            seed = strtoull(argv[++a], NULL, 10);
        } else if (!strcmp(argv[a], "--synthetic")) {
            synthetic(strtoull(argv[++a], NULL, 10));
            return 0;
        } else {
            fprintf(stderr, "story_eval: unknown option %s\n", argv[a]);
            return 2;
        }
    }
    rng_state = seed;
    lo.abbreviations_path = "rules/abbreviations.de";
    lo.stopwords_path = "stopwords/german.txt";
    io.boilerplate_path = "rules/boilerplate.de";
    if (abg_ctx_new(&ctx) < 0 || abg_lang_new(&lang, ctx, &lo) < 0 ||
        abg_ingest_new(&ing, ctx, &io) < 0 || abg_stemmer_new(&stemmer) < 0 ||
        (use_bg && abg_background_load(&bg, ctx, "rules/background.de") < 0) ||
        abg_walk(&inputs, ctx, (const char *const *)argv + a, (size_t)(argc - a), NULL, NULL) <
            0) {
        fprintf(stderr, "story_eval: %s\n", abg_ctx_message(ctx));
        return 2;
    }
    t_all = now();
    for (i = 0; i < abg_inputs_count(inputs); i++) {
        abg_doclist *list = NULL;
        if (abg_ingest_input(&list, ctx, ing, inputs, i) < 0)
            continue;
        for (j = 0; j < abg_doclist_count(list); j++) {
            abg_doc *doc = abg_doclist_get(list, j);
            abg_signature sig;
            if (loop && !strcmp(loop, "none"))
                continue;
            t0 = now();
            if (abg_signature_make(&sig, ctx, lang, stemmer, doc) < 0) {
                fprintf(stderr, "story_eval: %s\n", abg_ctx_message(ctx));
                return 2;
            }
            t_sign += now() - t0;
            if (loop && !strcmp(loop, "print")) {
                size_t k;
                char hex[ABG_SIG_MINHASH * 8 + 1];
                abg_signature_minhash_hex(hex, &sig);
                printf("%s words=%u shingles=%u %s\n", abg_doc_id(doc), sig.words, sig.shingles,
                       hex);
                for (k = 0; k < sig.n; k++)
                    printf(" %s:%u", sig.stems[k], sig.counts[k]);
                printf("\n");
            }
            if (loop) {
                abg_signature_dispose(&sig);
                continue;
            }
            if (nitems == cap) {
                cap = cap ? cap * 2 : 1024;
                items = realloc(items, cap * sizeof *items);
            }
            items[nitems].id = strdup(abg_doc_id(doc));
            items[nitems].title = strdup(abg_doc_title(doc) ? abg_doc_title(doc) : "-");
            items[nitems].lead = lead_of(doc);
            items[nitems].day = day_of(doc);
            items[nitems++].sig = sig;
        }
        abg_doclist_free(list);
    }
    if (loop) {
        printf("%s %.4f s (signatures %.4f s)\n", loop, now() - t_all, t_sign);
        return 0;
    }
    docs = calloc(nitems + 1, sizeof *docs);
    for (i = 0; i < nitems; i++) {
        docs[i].doc = items[i].id;
        docs[i].day = items[i].day;
        docs[i].sig = &items[i].sig;
    }
    t0 = now();
    if (abg_stories_new(&st, ctx, docs, nitems, bg, &so) < 0) {
        fprintf(stderr, "story_eval: %s\n", abg_ctx_message(ctx));
        return 2;
    }
    {
        size_t ns = abg_stories_count(st), *size = calloc(ns + 1, sizeof *size), copies = 0;
        size_t hist[7] = {0}, multi_docs = 0, largest = 0;
        static const char *const bins[] = {"1", "2", "3-5", "6-10", "11-20", "21-50", ">50"};
        for (i = 0; i < nitems; i++) {
            size[abg_stories_story(st, i)]++;
            copies += abg_stories_copy_of(st, i) != SIZE_MAX;
        }
        for (i = 0; i < ns; i++) {
            size_t s = size[i];
            hist[s == 1    ? 0
                 : s == 2  ? 1
                 : s <= 5  ? 2
                 : s <= 10 ? 3
                 : s <= 20 ? 4
                 : s <= 50 ? 5
                           : 6]++;
            if (s > 1)
                multi_docs += s;
            if (s > largest)
                largest = s;
        }
        printf("documents %zu, signatures %.3f s, stories %zu (%.3f s), copies %zu\n", nitems,
               t_sign, ns, now() - t0, copies);
        printf("documents in stories of 2+: %zu; largest story: %zu\nsizes:", multi_docs, largest);
        for (i = 0; i < 7; i++)
            printf(" %s:%zu", bins[i], hist[i]);
        printf("\n");
        if (dump) {
            FILE *f = fopen(dump, "w");
            size_t s;
            for (s = 0; s < ns; s++)
                for (i = 0; i < nitems; i++)
                    if (abg_stories_story(st, i) == s) {
                        size_t c = abg_stories_copy_of(st, i);
                        fprintf(f, "%zu\t%s\t%s\t%s\n", s, c == SIZE_MAX ? "-" : items[c].id,
                                items[i].id, items[i].title);
                    }
            fclose(f);
        }
        if (sample) {
            size_t *multi = malloc(ns * sizeof *multi), nm = 0, k;
            for (i = 0; i < ns; i++)
                if (size[i] > 1)
                    multi[nm++] = i;
            for (k = 0; k < (size_t)sample && nm; k++) {
                size_t pick = rnd() % nm, s = multi[pick];
                multi[pick] = multi[--nm];
                printf("\n== story %zu (%zu documents)\n", s, size[s]);
                for (i = 0; i < nitems; i++)
                    if (abg_stories_story(st, i) == s)
                        printf("  %s%s | %s\n     %.200s\n", items[i].id,
                               abg_stories_copy_of(st, i) != SIZE_MAX ? " (copy)" : "",
                               items[i].title, items[i].lead);
            }
        }
        if (near) {
            size_t np = 0, pcap = 1024, k;
            size_t(*pairs)[2] = malloc(pcap * sizeof *pairs);
            for (i = 0; i < nitems; i++)
                for (j = i + 1; j < nitems; j++) {
                    double x;
                    if (abg_stories_story(st, i) == abg_stories_story(st, j))
                        continue;
                    x = abg_stories_similarity(st, i, j);
                    if (x < so.threshold && x >= so.threshold - 0.05) {
                        if (np == pcap)
                            pairs = realloc(pairs, (pcap *= 2) * sizeof *pairs);
                        pairs[np][0] = i;
                        pairs[np++][1] = j;
                    }
                }
            printf("\npairs in different stories within 0.05 below the threshold: %zu\n", np);
            for (k = 0; k < (size_t)near && np; k++) {
                size_t pick = rnd() % np, x = pairs[pick][0], y = pairs[pick][1];
                pairs[pick][0] = pairs[np - 1][0];
                pairs[pick][1] = pairs[--np][1];
                printf("\n-- %.3f\n  %s | %s\n     %.200s\n  %s | %s\n     %.200s\n",
                       abg_stories_similarity(st, x, y), items[x].id, items[x].title,
                       items[x].lead, items[y].id, items[y].title, items[y].lead);
            }
        }
    }
    return 0;
}
