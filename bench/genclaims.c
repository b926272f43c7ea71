/*
 * genclaims: synthetic claims for the check benchmark, as the facts JSONL
 * that `abgleich facts -f jsonl` writes (with subject, attribute, time).
 *
 * Usage: genclaims N [SEED] > claims.jsonl
 *
 * N claims in N/8 documents about N/40 subjects; each claim picks a
 * subject, one of 40 attributes (one to three stems, one shared by all
 * claims of that attribute) and a type; its value comes from a small set
 * per (subject, attribute), one claim in 25 deviates by a factor. So the
 * groups are realistic in size (about 5 claims) and some conflict.
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
    "anteil",  "umsatz",  "gewinn",   "investition", "bewert",  "schuld",   "auftrag",
    "kosten",  "nutz",    "mitarbeit", "dividend",   "verlust", "rendit",   "preis",
    "kredit",  "budget",  "forder",   "export",      "import",  "steuer",   "subvention",
    "rucklag", "kapital", "spend",    "beitrag",     "lohn",    "miet",     "zins",
    "emission", "absatz", "marg",     "quot",        "wachstum", "inflation", "etat",
    "fond",    "bilanz",  "vermog",   "haushalt",    "prognos"};
#define NSTEMS (sizeof stems / sizeof stems[0])

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 0, i;
    long ndocs, nsubj;

    if (n <= 0) {
        fprintf(stderr, "usage: genclaims N [SEED]\n");
        return 2;
    }
    if (argc > 2)
        state ^= strtoull(argv[2], NULL, 10) * 0x9E3779B97F4A7C15ull;
    ndocs = n / 8 + 1;
    nsubj = n / 40 + 1;
    for (i = 0; i < n; i++) {
        long doc = i * ndocs / n, subj = (long)(next() % (unsigned long long)nsubj);
        unsigned a = (unsigned)(next() % NSTEMS), b = (unsigned)(next() % NSTEMS);
        int pct = (int)(next() % 3) == 0;
        double base = (double)((subj * 31 + a * 7) % 900 + 10);
        double v = pct ? (double)((subj + a) % 60 + 1) : base * 1e6;
        const char *qual = "exact";
        if (next() % 25 == 0)
            v *= pct ? 1.5 : 1000; /* a deviation or a scale slip */
        else if (next() % 4 == 0)
            qual = "approx";
        printf("{\"doc\":\"gen/doc%06ld.txt\",\"source\":\"Quelle %ld\",\"type\":\"%s\","
               "\"text\":\"%.15g %s\",\"value\":%.15g,\"value_to\":null,\"unit\":\"%s\","
               "\"qualifier\":\"%s\",\"line\":%ld,\"col\":1,\"offset\":%ld,\"length\":10,"
               "\"sentence\":\"Firma %ld meldet %.15g.\",\"rule\":\"gen\","
               "\"subject\":\"Firma %ld\",\"attribute\":[\"%s\",\"%s\"],\"time\":null}\n",
               doc, doc % 50, pct ? "percent" : "money", v, pct ? "%" : "Euro", v,
               pct ? "%" : "EUR", qual, i % 100 + 1, (i % 100) * 80, subj, v, subj, stems[a],
               stems[b]);
    }
    return 0;
}
