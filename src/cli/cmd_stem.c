/*
 * cmd_stem.c: `abgleich stem`, the Snowball stems of words given as
 * arguments or read from standard input, one a line.
 */
#define _POSIX_C_SOURCE 200809L /* read */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* A line of standard input longer than this is refused. */
#define STEM_LINE_MAX ((size_t)1 << 20)
#define READ_CHUNK ((size_t)1 << 16)

static const char *const formats[] = {"text", "tsv", NULL};
enum { FORMAT_TEXT, FORMAT_TSV };

typedef struct {
    abg_stemmer *stemmer;
    int format;
    size_t failed; /* words that could not be stemmed */
} stem_run;

/* The word without surrounding spaces and tabs. */
static const char *trim(const char *s, size_t *len)
{
    size_t n = *len;

    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    *len = n;
    return s;
}

/* Stem one word and print it; `where` and `num` name it in messages
 * ("<stdin>:LINE" or "argument N"). Returns 0, or CLI_TROUBLE when out of
 * memory (which ends the run). */
static int stem_one(stem_run *r, const char *word, size_t len, const char *where,
                    unsigned long num)
{
    const char *stem = "";
    size_t slen = 0;
    int err;

    word = trim(word, &len);
    if (len && (err = abg_stem(&stem, &slen, r->stemmer, word, len)) < 0) {
        if (err == ABG_EPARSE) {
            fprintf(stderr, "abgleich: %s%lu: invalid utf-8\n", where, num);
            r->failed++;
            return 0;
        }
        return cli_error(err == ABG_ENOMEM ? "out of memory" : "word too long");
    }
    if (r->format == FORMAT_TSV) {
        fwrite(word, 1, len, stdout);
        putc('\t', stdout);
    }
    fwrite(stem, 1, slen, stdout);
    putc('\n', stdout);
    return 0;
}

/* One word a line from standard input. */
static int stem_stdin(stem_run *r)
{
    char *line = malloc(STEM_LINE_MAX + 1 + READ_CHUNK);
    size_t have = 0;          /* bytes of the current line in `line` */
    unsigned long lineno = 0;
    bool too_long = false;    /* skipping the rest of a long line */
    int rc = 0;

    if (!line)
        return cli_error("out of memory");
    for (;;) {
        /* read(), not fread(): a word typed on a terminal is answered at once */
        ssize_t got = read(STDIN_FILENO, line + have, READ_CHUNK);
        size_t pos = 0, end;
        const char *nl;

        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            rc = cli_error("<stdin>: read error");
            break;
        }
        if (got == 0)
            break;
        end = have + (size_t)got;

        while (!rc && (nl = memchr(line + pos, '\n', end - pos))) {
            size_t len = (size_t)(nl - line) - pos;
            lineno++;
            if (len && line[pos + len - 1] == '\r')
                len--;
            if (too_long) {
                too_long = false;
            } else if (len > STEM_LINE_MAX) {
                fprintf(stderr, "abgleich: <stdin>:%lu: line longer than 1 MiB\n", lineno);
                r->failed++;
            } else {
                rc = stem_one(r, line + pos, len, "<stdin>:", lineno);
            }
            pos += (size_t)(nl - (line + pos)) + 1;
        }
        if (rc)
            break;
        /* keep the unfinished line; drop it when it is already too long */
        have = end - pos;
        memmove(line, line + pos, have);
        if (have > STEM_LINE_MAX + 1) {
            if (!too_long) {
                fprintf(stderr, "abgleich: <stdin>:%lu: line longer than 1 MiB\n",
                        lineno + 1);
                r->failed++;
                too_long = true;
            }
            have = 0;
        }
        if (ferror(stdout))
            break; /* main reports it */
    }
    if (!rc && have && !too_long) {
        /* a last line without "\n" */
        lineno++;
        if (line[have - 1] == '\r')
            have--;
        rc = stem_one(r, line, have, "<stdin>:", lineno);
    }
    free(line);
    return rc;
}

int cmd_stem(int argc, char **argv)
{
    stem_run r = {NULL, FORMAT_TEXT, 0};
    const cli_opt table[] = {
        {"format", 'f', OPT_CHOICE, &r.format, "FORMAT",
         "text (default): the stem; tsv: word, tab, stem", formats},
        CLI_OPT_END,
    };
    const cli_command spec = {
        "stem", "[options] [WORD...]",
        "Print the Snowball German stem of each WORD, one a line, in order. Without\n"
        "a WORD (or for a WORD that is -), read standard input, one word a line, and\n"
        "print one stem a line: an empty line gives an empty line, surrounding spaces\n"
        "and tabs are ignored, lines may end in CRLF and may be up to 1 MiB long.\n"
        "Words are case-folded and normalised (NFC; typographic quotes and dashes\n"
        "unified) before Snowball's German stemmer, which also writes ß as ss and\n"
        "drops umlauts: Straße and STRASSE give strass. A word longer than 256\n"
        "bytes is printed folded but not stemmed. A word that is not valid UTF-8 is\n"
        "reported on stderr and skipped.",
        table,
        "Exit status: 0 done; 2 a usage error, a word that was not valid utf-8, a\n"
        "line too long, or output that could not be written."};
    char **words = NULL;
    int nwords, i, rc;

    if ((rc = cli_parse(&spec, argc, argv, &words, &nwords)) != 0)
        return rc < 0 ? CLI_OK : rc;
    if (abg_stemmer_new(&r.stemmer) < 0) {
        rc = cli_error("out of memory");
        goto done;
    }
    if (nwords == 0)
        rc = stem_stdin(&r);
    for (i = 0; i < nwords && !rc && !ferror(stdout); i++) {
        if (!strcmp(words[i], "-"))
            rc = stem_stdin(&r);
        else
            rc = stem_one(&r, words[i], strlen(words[i]), "argument ", (unsigned long)i + 1);
    }
    if (!rc && r.failed)
        rc = CLI_TROUBLE;
done:
    abg_stemmer_free(r.stemmer);
    free(words);
    return rc;
}
