/* Unit tests of signature.c and story.c: signatures, background, stories
 * and copies. */
/* cmocka.h needs these before it, in this order */
/* clang-format off */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
/* clang-format on */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abgleich.h"
#include "story.h"

/* ---- hand-built signatures ---- */

#define MAX_STEMS 16

typedef struct {
    const char *id;
    double day;
    const char *stems[MAX_STEMS]; /* NULL-terminated, any order */
} spec;

typedef struct {
    abg_signature sig[32];
    abg_story_doc docs[32];
    char *stems[32][MAX_STEMS];
    uint32_t counts[32][MAX_STEMS];
    size_t n;
} corpus;

/* Signatures from specs; each stem counts once, no MinHash sketch. */
static void build(corpus *c, const spec *s, size_t n)
{
    size_t i, k;

    memset(c, 0, sizeof *c);
    for (i = 0; i < n; i++) {
        for (k = 0; s[i].stems[k]; k++) {
            c->stems[i][k] = (char *)s[i].stems[k];
            c->counts[i][k] = 1;
        }
        c->sig[i].stems = c->stems[i];
        c->sig[i].counts = c->counts[i];
        c->sig[i].n = k;
        c->sig[i].words = (uint32_t)k;
        c->docs[i].doc = s[i].id;
        c->docs[i].day = s[i].day;
        c->docs[i].sig = &c->sig[i];
    }
    c->n = n;
}

static abg_stories *run(const corpus *c, const abg_background *bg, const abg_story_options *o)
{
    abg_stories *st = NULL;
    abg_ctx *ctx = NULL;

    assert_int_equal(abg_ctx_new(&ctx), 0);
    assert_int_equal(abg_stories_new(&st, ctx, c->docs, c->n, bg, o), 0);
    abg_ctx_free(ctx);
    return st;
}

static const char *write_file(const char *name, const char *text)
{
    static char path[256];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", name);
    assert_non_null(f = fopen(path, "w"));
    fputs(text, f);
    fclose(f);
    return path;
}

/* A background in which jahr, prozent and unternehm are everywhere. */
static abg_background *generic_background(void)
{
    abg_background *bg = NULL;
    abg_ctx *ctx = NULL;
    const char *path = write_file("abg_test_story_bg.de", "# test\n"
                                                          "documents 100\n"
                                                          "jahr 60\n"
                                                          "prozent 40\n"
                                                          "unternehm 30\n");

    assert_int_equal(abg_ctx_new(&ctx), 0);
    assert_int_equal(abg_background_load(&bg, ctx, path), 0);
    abg_ctx_free(ctx);
    remove(path);
    return bg;
}

static void rare_stems_join_generic_ones_do_not(void **state)
{
    static const spec s[] = {
        {"a", 100, {"guam", "fahrwerk", "boeing", "jahr", "prozent", NULL}},
        {"b", 101, {"guam", "fahrwerk", "notland", "jahr", NULL}},
        {"c", 101, {"jahr", "prozent", "unternehm", "umsatz", "siemens", NULL}},
        {"d", 102, {"jahr", "prozent", "unternehm", "gewinn", "bayer", NULL}},
    };
    abg_background *bg = generic_background();
    corpus c;
    abg_stories *st;

    (void)state;
    build(&c, s, 4);
    st = run(&c, bg, NULL);
    assert_int_equal(abg_stories_story(st, 0), abg_stories_story(st, 1));
    assert_int_not_equal(abg_stories_story(st, 2), abg_stories_story(st, 3));
    assert_int_not_equal(abg_stories_story(st, 0), abg_stories_story(st, 2));
    assert_int_equal(abg_stories_count(st), 3);
    /* numbered by first document: a and b are story 0, c 1, d 2 */
    assert_int_equal(abg_stories_story(st, 2), 1);
    assert_int_equal(abg_stories_story(st, 3), 2);
    /* c and d share three of five stems: without the background those
     * look rare in a run of four, so they join; the background keeps them
     * apart. idf with it (N = 4, B = 1000): jahr ln(1004 / (4 + 600 + 0.5)),
     * prozent ln(1004 / 403.5), unternehm ln(1004 / 302.5), the unique
     * stems ln(1004 / 1.5): cos(c, d) = 2.53 / 87.2 = 0.029 */
    {
        double j = log(1004 / 604.5), p = log(1004 / 403.5), u = log(1004 / 302.5);
        double x = log(1004 / 1.5), sq = j * j + p * p + u * u;
        assert_true(fabs(abg_stories_similarity(st, 2, 3) - sq / (sq + 2 * x * x)) < 1e-6);
    }
    abg_stories_free(st);
    st = run(&c, NULL, NULL);
    assert_int_equal(abg_stories_story(st, 2), abg_stories_story(st, 3));
    assert_true(abg_stories_similarity(st, 2, 3) > 0.2);
    abg_stories_free(st);
    abg_background_free(bg);
}

static const spec window_specs[] = {
    {"e", 0, {"lawine", "tirol", "bergrett", NULL}},
    {"f", 10, {"lawine", "tirol", "bergrett", "verschutt", NULL}},
};

static void window_splits_a_story(void **state)
{
    abg_story_options o = ABG_STORY_OPTIONS_INIT;
    corpus c;
    abg_stories *st;

    (void)state;
    build(&c, window_specs, 2);
    o.window = 7;
    st = run(&c, NULL, &o);
    assert_int_not_equal(abg_stories_story(st, 0), abg_stories_story(st, 1));
    abg_stories_free(st);
    o.window = 10; /* exactly within */
    st = run(&c, NULL, &o);
    assert_int_equal(abg_stories_story(st, 0), abg_stories_story(st, 1));
    abg_stories_free(st);
    o.window = 0; /* no window */
    st = run(&c, NULL, &o);
    assert_int_equal(abg_stories_story(st, 0), abg_stories_story(st, 1));
    abg_stories_free(st);
}

/* Two reports of one day (or of the day before) need less similarity
 * than two reports days apart: with a threshold a little above their
 * similarity (half of their stems shared; the heaviest shared stem counts
 * half), they join on the same day and the next, not three days apart. */
static void same_day_reports_join_more_easily(void **state)
{
    spec s[] = {
        {"g", 50, {"lawine", "tirol", "bergrett", "ischgl", "hubschraub", "skigebiet",
                   "pist", "lift", NULL}},
        {"h", 50, {"lawine", "tirol", "bergrett", "ischgl", "verschutt", "wetterdien",
                   "warnstuf", "neuschne", NULL}},
    };
    abg_story_options o = ABG_STORY_OPTIONS_INIT;
    corpus c;
    abg_stories *st;
    double sim;

    (void)state;
    build(&c, s, 2);
    o.threshold = 0.99;
    st = run(&c, NULL, &o);
    sim = abg_stories_similarity(st, 0, 1);
    assert_int_not_equal(abg_stories_story(st, 0), abg_stories_story(st, 1));
    abg_stories_free(st);
    assert_true(sim > 0.05 && sim < 0.5);
    o.threshold = sim * 1.1;
    st = run(&c, NULL, &o);
    assert_int_equal(abg_stories_story(st, 0), abg_stories_story(st, 1));
    abg_stories_free(st);
    s[1].day = 51;
    build(&c, s, 2);
    st = run(&c, NULL, &o);
    assert_int_equal(abg_stories_story(st, 0), abg_stories_story(st, 1));
    abg_stories_free(st);
    s[1].day = 53;
    build(&c, s, 2);
    st = run(&c, NULL, &o);
    assert_int_not_equal(abg_stories_story(st, 0), abg_stories_story(st, 1));
    abg_stories_free(st);
}

static void undated_documents_ignore_the_window(void **state)
{
    spec s[3];
    abg_story_options o = ABG_STORY_OPTIONS_INIT;
    corpus c;
    abg_stories *st;

    (void)state;
    memcpy(s, window_specs, sizeof window_specs);
    s[2] = (spec){"g", NAN, {"lawine", "tirol", "bergrett", NULL}};
    build(&c, s, 3);
    o.window = 7;
    st = run(&c, NULL, &o);
    /* e and f are split by the window; g, undated, joins one of them */
    assert_int_not_equal(abg_stories_story(st, 0), abg_stories_story(st, 1));
    assert_true(abg_stories_story(st, 2) == abg_stories_story(st, 0) ||
                abg_stories_story(st, 2) == abg_stories_story(st, 1));
    assert_int_equal(abg_stories_count(st), 2);
    abg_stories_free(st);
    /* undated documents join a dated story whatever its day */
    s[0].day = NAN;
    s[2].day = NAN;
    build(&c, s, 3);
    st = run(&c, NULL, &o);
    assert_int_equal(abg_stories_count(st), 1);
    abg_stories_free(st);
}

static const spec mixed_specs[] = {
    {"w1", 5, {"wahl", "kanzl", "merz", "koalition", "union", NULL}},
    {"w2", 6, {"wahl", "merz", "koalition", "spd", "klingbeil", NULL}},
    {"w3", NAN, {"koalition", "spd", "klingbeil", "vertrag", NULL}},
    {"s1", 6, {"siemens", "umsatz", "quartal", "prozent", NULL}},
    {"s2", 7, {"siemens", "umsatz", "quartal", "busch", NULL}},
    {"x1", 3, {"lawine", "tirol", "bergrett", NULL}},
    {"x2", 30, {"lawine", "tirol", "bergrett", "hubschraub", NULL}},
    {"u1", NAN, {"vulkan", "island", "asche", NULL}},
    {"a0", 6, {"vulkan", "island", "flug", NULL}},
};

static void same_result_for_every_order(void **state)
{
    enum { N = sizeof mixed_specs / sizeof *mixed_specs };
    spec s[N];
    size_t story[N], ref[N], perm[N], i, j, trial;
    uint64_t rng = 12345;
    double sim01;
    corpus c;
    abg_stories *st;

    (void)state;
    build(&c, mixed_specs, N);
    st = run(&c, NULL, NULL);
    for (i = 0; i < N; i++)
        ref[i] = abg_stories_story(st, i);
    sim01 = abg_stories_similarity(st, 0, 1);
    abg_stories_free(st);
    /* the clustering is not trivial: some joined, some not */
    assert_int_equal(ref[0], ref[1]);
    assert_int_equal(ref[3], ref[4]);
    assert_int_not_equal(ref[0], ref[3]);
    for (trial = 0; trial < 300; trial++) {
        for (i = 0; i < N; i++)
            perm[i] = i;
        for (i = N - 1; i > 0; i--) {
            size_t t;
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            j = (size_t)(rng >> 33) % (i + 1);
            t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        for (i = 0; i < N; i++)
            s[i] = mixed_specs[perm[i]];
        build(&c, s, N);
        st = run(&c, NULL, NULL);
        for (i = 0; i < N; i++)
            story[perm[i]] = abg_stories_story(st, i);
        for (i = 0; i < N; i++)
            assert_int_equal(story[i], ref[i]);
        for (i = 0; i < N && perm[i] != 0; i++)
            ;
        for (j = 0; j < N && perm[j] != 1; j++)
            ;
        assert_true(abg_stories_similarity(st, i, j) == sim01);
        abg_stories_free(st);
    }
}

static void scope_all_is_one_story(void **state)
{
    abg_story_options o = ABG_STORY_OPTIONS_INIT;
    corpus c;
    abg_stories *st;
    size_t i;

    (void)state;
    build(&c, mixed_specs, 9);
    o.all = true;
    st = run(&c, NULL, &o);
    assert_int_equal(abg_stories_count(st), 1);
    for (i = 0; i < 9; i++)
        assert_int_equal(abg_stories_story(st, i), 0);
    abg_stories_free(st);
    build(&c, mixed_specs, 0);
    st = run(&c, NULL, &o);
    assert_int_equal(abg_stories_count(st), 0);
    abg_stories_free(st);
}

static void similarity_is_symmetric_and_one_for_equal_vectors(void **state)
{
    static const spec s[] = {
        {"p", 1, {"guam", "fahrwerk", "boeing", NULL}},
        {"q", 1, {"boeing", "fahrwerk", "guam", NULL}}, /* the same stems */
        {"r", 1, {"guam", "taifun", NULL}},
        {"t", 1, {"kakao", "preis", NULL}},
    };
    corpus c;
    abg_stories *st;
    double pr, rp;

    (void)state;
    build(&c, s, 4);
    st = run(&c, NULL, NULL);
    assert_true(fabs(abg_stories_similarity(st, 0, 1) - 1.0) < 1e-6);
    assert_true(fabs(abg_stories_similarity(st, 2, 2) - 1.0) < 1e-6);
    pr = abg_stories_similarity(st, 0, 2);
    rp = abg_stories_similarity(st, 2, 0);
    assert_true(pr == rp);
    assert_true(pr > 0 && pr < 1);
    assert_true(abg_stories_similarity(st, 0, 3) == 0);
    /* by hand, N = 4, no background: idf(guam) = ln(1004 / 3.5),
     * idf(fahrwerk) = idf(boeing) = ln(1004 / 2.5), idf(taifun) =
     * ln(1004 / 1.5); cos(p, r) = g^2 / sqrt((g^2 + 2 f^2) (g^2 + t^2)) */
    {
        double g = log(1004 / 3.5), f = log(1004 / 2.5), t = log(1004 / 1.5);
        double want = g * g / sqrt((g * g + 2 * f * f) * (g * g + t * t));
        assert_true(fabs(pr - want) < 1e-6);
    }
    abg_stories_free(st);
}

/* ---- copies ---- */

/* A sketch of values base + k, with `add` added to values [from, to). */
static void set_sketch(abg_signature *sig, uint32_t base, unsigned from, unsigned to, uint32_t add)
{
    unsigned k;

    for (k = 0; k < ABG_SIG_MINHASH; k++)
        sig->minhash[k] = base + k + (k >= from && k < to ? add : 0u);
    sig->shingles = 100;
}

static void copies_by_share_of_equal_values(void **state)
{
    static const spec s[] = {
        {"z-late-original", 1, {"wahl", "merz", NULL}}, /* earliest: the original */
        {"a-copy", 2, {"wahl", "merz", NULL}},
        {"m-near", 3, {"wahl", "merz", NULL}},
        {"n-other", 3, {"wahl", "merz", NULL}},
    };
    corpus c;
    abg_stories *st;

    (void)state;
    build(&c, s, 4);
    /* 100 shingles each: a share J of equal values means J * 200 / (1 + J)
     * shingles in common, so a copy (80 % of the shorter text) needs
     * J >= 0.667, 22 of 32 values */
    set_sketch(&c.sig[0], 1, 0, 0, 0);
    set_sketch(&c.sig[1], 1, 0, 0, 0);      /* identical */
    set_sketch(&c.sig[2], 1, 0, 10, 1000);  /* 22 of 32 equal: 0.6875 -> 81 % */
    set_sketch(&c.sig[3], 1, 11, 32, 2000); /* 11 of 32: 0.34; 1 with m-near */
    st = run(&c, NULL, NULL);
    assert_int_equal(abg_stories_copy_of(st, 0), SIZE_MAX);
    assert_int_equal(abg_stories_copy_of(st, 1), 0);
    assert_int_equal(abg_stories_copy_of(st, 2), 0);
    assert_int_equal(abg_stories_copy_of(st, 3), SIZE_MAX);
    assert_int_equal(abg_stories_story(st, 1), abg_stories_story(st, 0));
    abg_stories_free(st);
    /* 21 of 32 (0.656): 79 % of the other, no copy */
    set_sketch(&c.sig[2], 1, 0, 11, 1000);
    st = run(&c, NULL, NULL);
    assert_int_equal(abg_stories_copy_of(st, 2), SIZE_MAX);
    abg_stories_free(st);
    /* a short text inside a longer one: 50 and 100 shingles, J = 0.5 (16 of
     * 32) gives 0.5 * 150 / 1.5 = 50 in common, all of the shorter one */
    set_sketch(&c.sig[2], 1, 0, 16, 1000);
    c.sig[2].shingles = 50;
    st = run(&c, NULL, NULL);
    assert_int_equal(abg_stories_copy_of(st, 2), 0);
    abg_stories_free(st);
    /* but below a Jaccard estimate of 0.4 never: 12 of 32 (0.375) with 20
     * and 100 shingles would be 0.375 * 120 / 1.375 = 33 > 20 */
    set_sketch(&c.sig[2], 1, 0, 20, 1000);
    c.sig[2].shingles = 20;
    st = run(&c, NULL, NULL);
    assert_int_equal(abg_stories_copy_of(st, 2), SIZE_MAX);
    abg_stories_free(st);
    set_sketch(&c.sig[2], 1, 0, 10, 1000);
    /* a sketch of fewer than 8 shingles is never a copy */
    c.sig[1].shingles = 7;
    st = run(&c, NULL, NULL);
    assert_int_equal(abg_stories_copy_of(st, 1), SIZE_MAX);
    abg_stories_free(st);
}

static void a_copy_stays_in_its_originals_story(void **state)
{
    static const spec s[] = {
        {"orig", 1, {"lawine", "tirol", NULL}},
        /* the same wording, other stems (hand-built): only the sketch says copy */
        {"copy", 40, {"kakao", "preis", NULL}},
    };
    abg_story_options o = ABG_STORY_OPTIONS_INIT;
    corpus c;
    abg_stories *st;

    (void)state;
    build(&c, s, 2);
    set_sketch(&c.sig[0], 9, 0, 0, 0);
    set_sketch(&c.sig[1], 9, 0, 0, 0);
    st = run(&c, NULL, &o);
    assert_int_equal(abg_stories_copy_of(st, 1), 0);
    assert_int_equal(abg_stories_story(st, 1), abg_stories_story(st, 0));
    assert_int_equal(abg_stories_count(st), 1);
    abg_stories_free(st);
    o.copy = 1.0; /* one value differing is no copy at 1.0 */
    c.sig[1].minhash[5]++;
    st = run(&c, NULL, &o);
    assert_int_equal(abg_stories_copy_of(st, 1), SIZE_MAX);
    assert_int_equal(abg_stories_count(st), 2);
    abg_stories_free(st);
}

/* ---- signatures of real text ---- */

typedef struct {
    abg_ctx *ctx;
    abg_lang *lang;
    abg_ingest *ing;
    abg_stemmer *st;
} kit;

static int kit_setup(void **state)
{
    abg_lang_options lo = ABG_LANG_OPTIONS_INIT;
    kit *k = calloc(1, sizeof *k);

    lo.abbreviations_path = "rules/abbreviations.de";
    lo.stopwords_path = "stopwords/german.txt";
    if (!k || abg_ctx_new(&k->ctx) < 0 || abg_lang_new(&k->lang, k->ctx, &lo) < 0 ||
        abg_ingest_new(&k->ing, k->ctx, NULL) < 0 || abg_stemmer_new(&k->st) < 0)
        return -1;
    *state = k;
    return 0;
}

static int kit_teardown(void **state)
{
    kit *k = *state;

    abg_stemmer_free(k->st);
    abg_ingest_free(k->ing);
    abg_lang_free(k->lang);
    abg_ctx_free(k->ctx);
    free(k);
    return 0;
}

static void sign(abg_signature *sig, kit *k, const char *text)
{
    abg_doclist *list = NULL;

    assert_int_equal(abg_ingest_buffer(&list, k->ctx, k->ing, "x.txt", text, strlen(text)), 0);
    assert_int_equal(abg_signature_make(sig, k->ctx, k->lang, k->st, abg_doclist_get(list, 0)), 0);
    abg_doclist_free(list);
}

static void signature_counts_by_hand(void **state)
{
    /* Content words: body "Hunde bellen laut. Der Hund bellt, die Katze
     * schläft: 3 Ei." -> hund bell laut (der: stopword) hund bellt (die)
     * katz schlaft (Ei: 2 bytes); title "Hunde im Zoo" -> hund (im) zoo.
     * So hund 3, the rest 1: 9 words, 7 stems. Shingles: the body's 11
     * word and number tokens (Hunde ... schläft 3 Ei) make 8. */
    static const char *const want[] = {"bell", "bellt", "hund", "katz", "laut", "schlaft", "zoo"};
    static const uint32_t count[] = {1, 1, 3, 1, 1, 1, 1};
    abg_signature sig;
    size_t i;

    sign(&sig, *state,
         "---\ntitle: Hunde im Zoo\n---\nHunde bellen laut.\n"
         "Der Hund bellt, die Katze schläft: 3 Ei.\n");
    assert_int_equal(sig.n, 7);
    for (i = 0; i < 7; i++) {
        assert_string_equal(sig.stems[i], want[i]);
        assert_int_equal(sig.counts[i], count[i]);
    }
    assert_int_equal(sig.words, 9);
    assert_int_equal(sig.shingles, 8);
    abg_signature_dispose(&sig);
    assert_null(sig.stems);
    assert_int_equal(sig.n, 0);
}

static void hyphenated_compounds_count_their_parts(void **state)
{
    /* "Gaza-Krieg" counts gaza-krieg, gaza and krieg; "Krieg in Gaza"
     * krieg and gaza (in: stopword): gaza 2, krieg 2, gaza-krieg 1. A part
     * of under three letters (US) or a stopword part counts nothing, and a
     * part equal to the whole is not counted twice (CDU-CDU). */
    static const char *const want[] = {"cdu", "cdu-cdu", "gaza", "gaza-krieg", "krieg",
                                       "prasident", "us-prasident"};
    static const uint32_t count[] = {1, 1, 2, 1, 2, 1, 1};
    abg_signature sig;
    size_t i;

    sign(&sig, *state, "Gaza-Krieg. Krieg in Gaza. US-Präsident. CDU-CDU.\n");
    assert_int_equal(sig.n, 7);
    for (i = 0; i < 7; i++) {
        assert_string_equal(sig.stems[i], want[i]);
        assert_int_equal(sig.counts[i], count[i]);
    }
    assert_int_equal(sig.words, 5);
    abg_signature_dispose(&sig);
}

static void signature_keeps_the_most_frequent_stems(void **state)
{
    /* "Kein Titel hier." (kein and hier: stopwords; no title: it ends with
     * a dot), 60 distinct words "Wort" + two consonants once (Snowball
     * leaves them whole), "Alpha" twice, "Zulu" three times. Kept: zulu
     * and alpha, then the 46 first stems of count 1 in byte order: titel
     * and 45 "wort.." words; sorted: alpha, titel, wortbb .. wortfk, zulu
     * (the 45th word is number 44: 44 / 13 = 3 -> 'f', 44 % 13 = 5 -> 'k'). */
    static const char letters[] = "bcdfgkmptvwxz";
    char text[4096] = "Kein Titel hier.\n";
    abg_signature sig;
    size_t i;

    for (i = 0; i < 60; i++) {
        char w[32];
        snprintf(w, sizeof w, "Wort%c%c ", letters[i / 13], letters[i % 13]);
        strcat(text, w);
    }
    strcat(text, "Alpha Alpha Zulu Zulu Zulu.\n");
    sign(&sig, *state, text);
    assert_int_equal(sig.n, ABG_SIG_TERMS);
    assert_int_equal(sig.words, 1 + 60 + 2 + 3);
    assert_string_equal(sig.stems[0], "alpha");
    assert_int_equal(sig.counts[0], 2);
    assert_string_equal(sig.stems[1], "titel");
    assert_int_equal(sig.counts[1], 1);
    assert_string_equal(sig.stems[2], "wortbb");
    assert_string_equal(sig.stems[ABG_SIG_TERMS - 2], "wortfk");
    assert_string_equal(sig.stems[ABG_SIG_TERMS - 1], "zulu");
    assert_int_equal(sig.counts[ABG_SIG_TERMS - 1], 3);
    for (i = 1; i < sig.n; i++)
        assert_true(strcmp(sig.stems[i - 1], sig.stems[i]) < 0);
    abg_signature_dispose(&sig);
}

static void minhash_sees_folded_words_and_needs_four_tokens(void **state)
{
    abg_signature a, b, c;
    size_t k;

    sign(&a, *state, "Der Hund bellt laut, die Katze schläft.\n");
    sign(&b, *state, "DER HUND BELLT LAUT; die katze SCHLÄFT.\n");
    sign(&c, *state, "Der Hund bellt leise, die Katze schläft.\n");
    assert_int_equal(a.shingles, 4); /* 7 words */
    assert_memory_equal(a.minhash, b.minhash, sizeof a.minhash);
    assert_memory_not_equal(a.minhash, c.minhash, sizeof a.minhash);
    abg_signature_dispose(&a);
    abg_signature_dispose(&b);
    abg_signature_dispose(&c);
    sign(&a, *state, "Nur drei Worte.\n");
    assert_int_equal(a.shingles, 0);
    for (k = 0; k < ABG_SIG_MINHASH; k++)
        assert_int_equal(a.minhash[k], 0);
    abg_signature_dispose(&a);
}

static const char *const sentences[] = {
    "Die Regierung in Wien hat am Montag ein neues Paket gegen die Teuerung beschlossen.",
    "Es soll Haushalte mit kleinen Einkommen um insgesamt zwei Milliarden Euro entlasten.",
    "Finanzminister Brunner sprach von einem notwendigen Schritt in schwierigen Zeiten.",
    "Die Opposition kritisierte das Paket als zu spät und zu wenig zielgenau.",
    "Ökonomen erwarten, dass die Inflation im Herbst wieder leicht sinken wird.",
    "Der Nationalrat soll das Gesetz noch vor dem Sommer verabschieden.",
    "Auch die Länder hatten zuvor zusätzliche Hilfen für Pendler gefordert.",
    "Die Gewerkschaften begrüßten die Maßnahmen, forderten aber höhere Löhne.",
    "Die Wirtschaftskammer warnte vor neuen Schulden des Bundes.",
    "Die Auszahlung soll ab September automatisch über das Finanzamt erfolgen.",
    "Wer bereits Beihilfen bezieht, muss keinen eigenen Antrag stellen.",
    "Die Kosten des Pakets sollen zum Teil durch höhere Steuern auf Gewinne gedeckt werden.",
    "Experten rechnen mit einer spürbaren Wirkung erst im kommenden Jahr.",
    "Die Regierung will im Herbst einen Bericht über die Wirkung vorlegen.",
    "Der Bundeskanzler sprach von einem fairen Ausgleich zwischen allen Gruppen.",
    "Kritik kam auch von den Sozialverbänden, die mehr Geld für Familien fordern.",
    "Die Debatte im Parlament ist für die kommende Woche angesetzt.",
    "Bis dahin wollen die Parteien noch über einzelne Punkte verhandeln.",
    "Ein Sprecher des Ministeriums bestätigte den Zeitplan am Abend.",
    "Details sollen in den nächsten Tagen auf der Website veröffentlicht werden.",
};

static void copies_of_real_text(void **state)
{
    kit *k = *state;
    char texts[3][4096];
    const char *ids[3] = {"b-agentur.txt", "a-zeitung.txt", "c-blatt.txt"};
    const double days[3] = {10, 11, 11};
    abg_signature sig[3];
    abg_story_doc docs[3];
    abg_stories *st = NULL;
    size_t i, s;

    for (i = 0; i < 3; i++) {
        strcpy(texts[i], "Ein Paket gegen die Teuerung.\n\n");
        for (s = 0; s < 20; s++) {
            /* text 1 is text 0 with sentence 7 changed; text 2 has half its own */
            const char *x = sentences[s];
            if (i == 1 && s == 7)
                x = "Die Gewerkschaften lehnten die Pläne dagegen rundweg ab.";
            if (i == 2 && s % 2)
                x = "Dazu gab es am Dienstag zunächst keine weitere Stellungnahme.";
            strcat(texts[i], x);
            strcat(texts[i], s % 4 == 3 ? "\n\n" : " ");
        }
        sign(&sig[i], k, texts[i]);
        docs[i].doc = ids[i];
        docs[i].day = days[i];
        docs[i].sig = &sig[i];
        docs[i].estimated = false;
    }
    assert_true(sig[0].shingles > 200);
    assert_int_equal(abg_stories_new(&st, k->ctx, docs, 3, NULL, NULL), 0);
    /* the earliest is the original, though its id sorts after the copy's */
    assert_int_equal(abg_stories_copy_of(st, 0), SIZE_MAX);
    assert_int_equal(abg_stories_copy_of(st, 1), 0);
    assert_int_equal(abg_stories_copy_of(st, 2), SIZE_MAX);
    assert_int_equal(abg_stories_story(st, 1), abg_stories_story(st, 0));
    /* the rewrite is no copy, but it is the same story */
    assert_int_equal(abg_stories_story(st, 2), abg_stories_story(st, 0));
    abg_stories_free(st);
    for (i = 0; i < 3; i++)
        abg_signature_dispose(&sig[i]);
}

/* ---- MinHash as text ---- */

static void minhash_hex_round_trip(void **state)
{
    abg_signature a, b;
    char hex[ABG_SIG_MINHASH * 8 + 1];
    size_t k;

    (void)state;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    for (k = 0; k < ABG_SIG_MINHASH; k++)
        a.minhash[k] = (uint32_t)(k * 0x10203041u + 0x0a0b0c0du);
    a.minhash[3] = 0xffffffffu;
    a.minhash[4] = 0;
    abg_signature_minhash_hex(hex, &a);
    assert_int_equal(strlen(hex), ABG_SIG_MINHASH * 8);
    assert_memory_equal(hex, "0a0b0c0d1a2b3c4e", 16); /* k = 1: 0x0a0b0c0d + 0x10203041 */
    assert_memory_equal(hex + 24, "ffffffff00000000", 16);
    assert_int_equal(abg_signature_minhash_parse(&b, hex), 0);
    assert_memory_equal(a.minhash, b.minhash, sizeof a.minhash);
    /* upper case digits too */
    hex[0] = 'A';
    assert_int_equal(abg_signature_minhash_parse(&b, hex), 0);
    assert_int_equal(b.minhash[0], 0xAa0b0c0du);
}

static void malformed_minhash_hex_is_refused(void **state)
{
    abg_signature b;
    char hex[ABG_SIG_MINHASH * 8 + 2];
    size_t k;

    (void)state;
    memset(&b, 0, sizeof b);
    for (k = 0; k < ABG_SIG_MINHASH; k++)
        b.minhash[k] = 7;
    memset(hex, '1', ABG_SIG_MINHASH * 8);
    hex[ABG_SIG_MINHASH * 8] = '\0';
    hex[100] = 'g';
    assert_int_equal(abg_signature_minhash_parse(&b, hex), -1);
    hex[100] = '1';
    hex[ABG_SIG_MINHASH * 8 - 1] = '\0'; /* one digit short */
    assert_int_equal(abg_signature_minhash_parse(&b, hex), -1);
    hex[ABG_SIG_MINHASH * 8 - 1] = '1';
    hex[ABG_SIG_MINHASH * 8] = '1'; /* one too many */
    hex[ABG_SIG_MINHASH * 8 + 1] = '\0';
    assert_int_equal(abg_signature_minhash_parse(&b, hex), -1);
    assert_int_equal(abg_signature_minhash_parse(&b, ""), -1);
    assert_int_equal(abg_signature_minhash_parse(&b, NULL), -1);
    for (k = 0; k < ABG_SIG_MINHASH; k++)
        assert_int_equal(b.minhash[k], 7); /* untouched */
    hex[ABG_SIG_MINHASH * 8] = '\0';
    assert_int_equal(abg_signature_minhash_parse(&b, hex), 0);
    assert_int_equal(b.minhash[0], 0x11111111u);
}

/* ---- background files ---- */

static void background_file_and_its_errors(void **state)
{
    static const struct {
        const char *text, *message;
    } bad[] = {
        {"jahr 3\n", ":1: stem before the 'documents' line"},
        {"documents 10\njahr 11\n", ":2: count '11' is not between 1 and the 10 documents"},
        {"documents 10\njahr 0\n", ":2: count '0' is not between"},
        {"documents 10\njahr 3 4\n", ":2: expected 'STEM COUNT'"},
        {"documents 10\njahr x\n", ":2: count 'x' is not between"},
        {"documents 10\njahr 3\nhaus 2\n", ":3: stem 'haus' out of byte order"},
        {"documents 10\njahr 3\njahr 2\n", ":3: stem 'jahr' out of byte order"},
        {"documents 0\n", ":1: bad document count '0'"},
        {"documents 10\ndocuments 10\n", ":2: second 'documents' line"},
        {"# nothing\n", ": no 'documents' line"},
        {"documents 10\nj\xc3 3\n", ":2: invalid UTF-8"},
    };
    abg_ctx *ctx = NULL;
    abg_background *bg = NULL;
    const char *path;
    char want[256];
    size_t i;

    (void)state;
    assert_int_equal(abg_ctx_new(&ctx), 0);
    for (i = 0; i < sizeof bad / sizeof *bad; i++) {
        path = write_file("abg_test_story_bad.de", bad[i].text);
        assert_int_equal(abg_background_load(&bg, ctx, path), ABG_EUSAGE);
        assert_null(bg);
        snprintf(want, sizeof want, "%s%s", path, bad[i].message);
        assert_true(strncmp(abg_ctx_message(ctx), want, strlen(want)) == 0);
        remove(path);
    }
    assert_int_equal(abg_background_load(&bg, ctx, "no/such/background.de"), ABG_EUSAGE);
    assert_non_null(strstr(abg_ctx_message(ctx), "no/such/background.de"));
    /* CRLF, blank lines and comments are fine */
    path = write_file("abg_test_story_ok.de", "# c\r\n\r\ndocuments 8\r\naaa 2\r\nab 8\n");
    assert_int_equal(abg_background_load(&bg, ctx, path), 0);
    assert_int_equal(abg_background_documents(bg), 8);
    assert_true(abg_background_share(bg, "aaa", 3) == 0.25);
    assert_true(abg_background_share(bg, "ab", 2) == 1.0);
    assert_true(abg_background_share(bg, "abc", 3) == 0.0);
    assert_true(abg_background_share(NULL, "ab", 2) == 0.0);
    abg_background_free(bg);
    remove(path);
    /* the shipped file */
    assert_int_equal(abg_background_load(&bg, ctx, "rules/background.de"), 0);
    assert_true(abg_background_documents(bg) >= 900);
    assert_true(abg_background_share(bg, "jahr", 4) > 0.2);
    assert_true(abg_background_share(bg, "guam", 4) == 0.0);
    abg_background_free(bg);
    abg_ctx_free(ctx);
}

static void bad_options_are_refused(void **state)
{
    abg_story_options o = ABG_STORY_OPTIONS_INIT;
    abg_stories *st = NULL;
    abg_ctx *ctx = NULL;
    corpus c;

    (void)state;
    build(&c, window_specs, 2);
    assert_int_equal(abg_ctx_new(&ctx), 0);
    o.threshold = 1.5;
    assert_int_equal(abg_stories_new(&st, ctx, c.docs, 2, NULL, &o), ABG_EUSAGE);
    o.threshold = NAN;
    assert_int_equal(abg_stories_new(&st, ctx, c.docs, 2, NULL, &o), ABG_EUSAGE);
    o = (abg_story_options)ABG_STORY_OPTIONS_INIT;
    o.window = -1;
    assert_int_equal(abg_stories_new(&st, ctx, c.docs, 2, NULL, &o), ABG_EUSAGE);
    o = (abg_story_options)ABG_STORY_OPTIONS_INIT;
    o.copy = 0;
    assert_int_equal(abg_stories_new(&st, ctx, c.docs, 2, NULL, &o), ABG_EUSAGE);
    assert_null(st);
    abg_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rare_stems_join_generic_ones_do_not),
        cmocka_unit_test(window_splits_a_story),
        cmocka_unit_test(same_day_reports_join_more_easily),
        cmocka_unit_test(undated_documents_ignore_the_window),
        cmocka_unit_test(same_result_for_every_order),
        cmocka_unit_test(scope_all_is_one_story),
        cmocka_unit_test(similarity_is_symmetric_and_one_for_equal_vectors),
        cmocka_unit_test(copies_by_share_of_equal_values),
        cmocka_unit_test(a_copy_stays_in_its_originals_story),
        cmocka_unit_test_setup_teardown(hyphenated_compounds_count_their_parts, kit_setup,
                                        kit_teardown),
        cmocka_unit_test_setup_teardown(signature_counts_by_hand, kit_setup, kit_teardown),
        cmocka_unit_test_setup_teardown(signature_keeps_the_most_frequent_stems, kit_setup,
                                        kit_teardown),
        cmocka_unit_test_setup_teardown(minhash_sees_folded_words_and_needs_four_tokens, kit_setup,
                                        kit_teardown),
        cmocka_unit_test_setup_teardown(copies_of_real_text, kit_setup, kit_teardown),
        cmocka_unit_test(minhash_hex_round_trip),
        cmocka_unit_test(malformed_minhash_hex_is_refused),
        cmocka_unit_test(background_file_and_its_errors),
        cmocka_unit_test(bad_options_are_refused),
    };
    return cmocka_run_group_tests_name("story", tests, NULL, NULL);
}
