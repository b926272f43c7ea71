/*
 * genclaims: synthetic facts for the check benchmark, as the facts JSONL
 * that `abgleich facts -f jsonl` writes: a document line (publication day,
 * stems with counts, MinHash) before each document's claims (subject,
 * measure, role, confidence).
 *
 * Usage: genclaims N [SEED] > claims.jsonl
 *
 * N claims in N/8 documents. Documents come in stories of about ten, each
 * story about four subjects on two days close together, its documents
 * sharing twelve story stems among their forty; days spread over four
 * years. Each claim picks a subject of its story, one of 40 measures and a
 * type; its value comes from a small set per (subject, measure), one claim
 * in 25 deviates by a factor. So stories, groups (about five claims) and
 * conflicts are realistic in size.
 */
#include <stdio.h>
#include <stdlib.h>

static unsigned long long state = 88172645463325252ull;

static unsigned long long next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static const char *const stems[] = {
    "anteil",  "umsatz",  "gewinn",   "investition", "bewertung", "schulden", "auftrag",
    "kosten",  "nutzer",  "beschäftigte", "dividende", "verlust", "rendite", "preis",
    "kredit",  "budget",  "forderung", "export",     "import",  "steuer",   "subvention",
    "rücklage", "kapital", "spende",  "beitrag",     "lohn",    "miete",    "zins",
    "emission", "absatz", "marge",    "quote",       "wachstum", "inflation", "etat",
    "fonds",   "bilanz",  "vermögen", "haushalt",    "prognose"};
#define NSTEMS (sizeof stems / sizeof stems[0])

#define STORY_DOCS 10
#define VOCAB 50000

/* A stem of the synthetic vocabulary: "w" and a number, rarer ones later. */
static unsigned word(void)
{
    unsigned long long r = next() % VOCAB;
    return (unsigned)(r * r / VOCAB); /* skewed towards common stems */
}

static void document(long doc, long story)
{
    int day = (int)(story * 1461 / 1000 % 1461), k;
    unsigned long long save = state;

    /* the story's twelve stems, the same for all its documents */
    state = 0x9E3779B97F4A7C15ull * (unsigned long long)(story + 1);
    printf("{\"type\":\"document\",\"doc\":\"gen/doc%06ld.txt\",\"source\":\"Quelle %ld\","
           "\"title\":null,\"published\":\"%04d-%02d-%02d\",\"words\":400,\"terms\":[",
           doc, doc % 50, 2021 + day / 366, day % 366 / 31 + 1, day % 31 % 28 + 1 + (int)(doc % 2));
    for (k = 0; k < 12; k++)
        printf("%s[\"s%u\",%d]", k ? "," : "", 1000000 + (unsigned)(next() % 1000000),
               6 - k / 2);
    state = save;
    for (k = 0; k < 28; k++) /* stems of its own (repeats do no harm) */
        printf(",[\"w%u\",%d]", word(), 1 + (int)(next() % 3));
    printf("],\"shingles\":390,\"minhash\":\"");
    for (k = 0; k < 32; k++)
        printf("%08x", (unsigned)(next() >> 32));
    printf("\"}\n");
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 0, i;
    long ndocs;

    if (n <= 0) {
        fprintf(stderr, "usage: genclaims N [SEED]\n");
        return 2;
    }
    if (argc > 2)
        state ^= strtoull(argv[2], NULL, 10) * 0x9E3779B97F4A7C15ull;
    ndocs = n / 8 + 1;
    for (i = 0; i < n; i++) {
        long doc = i * ndocs / n, story = doc / STORY_DOCS;
        long subj = story * 4 + (long)(next() % 4);
        unsigned a = (unsigned)(next() % NSTEMS);
        int pct = (int)(next() % 3) == 0;
        double base = (double)((subj * 31 + a * 7) % 900 + 10);
        double v = pct ? (double)((subj + a) % 60 + 1) : base * 1e6;
        const char *qual = "exact";
        if (i == 0 || doc != (i - 1) * ndocs / n)
            document(doc, story);
        if (next() % 25 == 0)
            v *= pct ? 1.5 : 1000; /* a deviation or a scale slip */
        else if (next() % 4 == 0)
            qual = "approx";
        printf("{\"doc\":\"gen/doc%06ld.txt\",\"source\":\"Quelle %ld\",\"type\":\"%s\","
               "\"text\":\"%.15g %s\",\"value\":%.15g,\"value_to\":null,\"unit\":\"%s\","
               "\"qualifier\":\"%s\",\"line\":%ld,\"col\":1,\"offset\":%ld,\"length\":10,"
               "\"sentence\":\"Firma %ld meldet %.15g.\",\"rule\":\"gen\","
               "\"subject\":\"Firma %ld\",\"subject_inferred\":false,\"object\":null,"
               "\"measure\":\"%s\",\"role\":\"level\",\"running\":false,\"time\":null,"
               "\"skip\":null,\"confidence\":0.9}\n",
               doc, doc % 50, pct ? "percent" : "money", v, pct ? "%" : "Euro", v,
               pct ? "%" : "EUR", qual, i % 100 + 1, (i % 100) * 80, subj, v, subj, stems[a]);
    }
    return 0;
}
