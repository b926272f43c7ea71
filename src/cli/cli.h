/*
 * cli.h: what the commands of the abgleich program share.
 *
 * The program only translates: it parses options (from tables, so that
 * --help cannot drift from the parser), calls libabgleich, writes results
 * to stdout or -o FILE, messages to stderr, and picks the exit code.
 */
#ifndef ABG_CLI_H
#define ABG_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "abgleich.h"

/* Exit codes (documented in --help and the man page). */
enum {
    CLI_OK = 0,       /* done; check: no conflicts beyond the baseline */
    CLI_FOUND = 1,    /* check found conflicts */
    CLI_TROUBLE = 2   /* usage error, unreadable input, output not written */
};

/* ---- options ---- */

typedef enum {
    OPT_TRUE,   /* bool *: set to true */
    OPT_FALSE,  /* bool *: set to false (--no-...) */
    OPT_STRING, /* const char **: the argument */
    OPT_SIZE,   /* size_t *: bytes, with an optional k, M or G suffix */
    OPT_UINT,   /* unsigned *: a decimal number */
    OPT_CHOICE  /* int *: index of the argument in `choices` */
} cli_opt_kind;

typedef struct {
    const char *name; /* long name, without "--" */
    char shrt;        /* short letter, or 0 */
    cli_opt_kind kind;
    void *target;
    const char *arg;  /* the argument's name in the help, e.g. "FILE" */
    const char *help; /* one line */
    const char *const *choices; /* OPT_CHOICE: NULL-terminated */
} cli_opt;

typedef struct {
    const char *name;        /* the command */
    const char *synopsis;    /* after "abgleich NAME ", e.g. "[options] PATH..." */
    const char *description; /* a few lines shown by --help */
    const cli_opt *opts;     /* ends with a {NULL} entry */
    const char *exit_status; /* for --help; NULL: the common text */
} cli_command;

/* Parse argv[1..argc) against cmd's table. Operands (and everything after
 * "--") are collected in *operands (free() the array, not its strings).
 * Returns 0; CLI_TROUBLE after printing a usage error; or -1 when --help
 * was printed (the caller exits 0). */
int cli_parse(const cli_command *cmd, int argc, char **argv, char ***operands,
              int *noperands);

/* Print the help of cmd to `out`. */
void cli_help(FILE *out, const cli_command *cmd);

/* ---- messages ---- */

/* "abgleich: MESSAGE" on stderr; returns CLI_TROUBLE. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error with the "Try 'abgleich help CMD'" line; returns CLI_TROUBLE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "abgleich: PATH: MESSAGE" on stderr. */
void cli_file_error(const char *path, const char *message);

/* ---- data files ---- */

/* The path of a data file (e.g. "rules/boilerplate.de"): under
 * $ABGLEICH_DATADIR when set, under the source tree when the program runs
 * from its build tree, else under the installed data folder. New string
 * (free()), NULL when out of memory. */
char *cli_data_path(const char *relative);

/* ---- output ---- */

/* Results go to stdout or, with -o FILE, to a temporary file beside FILE
 * that is renamed into place on success (a symlink is resolved first; a
 * device or FIFO is written directly). */
typedef struct {
    FILE *fp;
    char *path;     /* the final path, NULL for stdout */
    char *tmp_path; /* the temporary file, NULL when writing directly */
} cli_output;

/* Returns 0 or CLI_TROUBLE after printing why. */
int cli_output_open(cli_output *out, const char *path);
/* Flush and close; with `commit`, move the temporary file into place,
 * else remove it. Returns 0 or CLI_TROUBLE after printing why. */
int cli_output_close(cli_output *out, bool commit);

/* ---- reading inputs ---- */

/* Counts what went wrong while walking and reading. */
typedef struct {
    size_t failed; /* inputs that could not be read */
} cli_status;

/* An abg_walk_fn that prints problems as "abgleich: PATH: message" and
 * counts the errors in the cli_status given as payload. */
void cli_walk_report(abg_walk_severity severity, const char *path, const char *message,
                     void *payload);

/* Options every command that reads articles has. */
typedef struct {
    size_t max_file_size;
    const char *boilerplate;
    bool no_boilerplate;
    bool quiet;
    unsigned jobs; /* threads for cli_each_doc_jobs; 0: one per core */
    bool progress;    /* --progress: show the progress line anyway */
    bool no_progress; /* --no-progress (and -q): never show it */
} cli_read_opts;

#define CLI_READ_OPTS_INIT {ABG_DEFAULT_MAX_FILE_SIZE, NULL, false, false, 0, false, false}

/* --stopwords for the commands that count words. */
#define CLI_STOPWORDS_OPTION(target)                                                          \
    {"stopwords", 0, OPT_STRING, &(target), "FILE",                                           \
     "stopword list (default: stopwords/german.txt)", NULL}

/* -j/--jobs for the commands that work in parallel. */
#define CLI_JOBS_OPTION(o)                                                                    \
    {"jobs", 'j', OPT_UINT, &(o).jobs, "N",                                                   \
     "read and work with N threads (default: one per core)", NULL}

/* The option table entries for cli_read_opts `o`. */
#define CLI_READ_OPTIONS(o)                                                                  \
    {"max-file-size", 0, OPT_SIZE, &(o).max_file_size, "SIZE",                               \
     "skip files larger than SIZE (default 64M)", NULL},                                     \
    {"boilerplate", 0, OPT_STRING, &(o).boilerplate, "FILE",                                 \
     "drop the lines FILE's patterns match (default: rules/boilerplate.de)", NULL},          \
    {"no-boilerplate", 0, OPT_TRUE, &(o).no_boilerplate, NULL,                               \
     "keep every line", NULL},                                                               \
    {"quiet", 'q', OPT_TRUE, &(o).quiet, NULL, "no progress or notes on stderr", NULL},        \
    {"progress", 0, OPT_TRUE, &(o).progress, NULL,                                           \
     "show the progress line, also when not on a terminal", NULL},                           \
    {"no-progress", 0, OPT_TRUE, &(o).no_progress, NULL, "never show the progress line",     \
     NULL}

/* The -o option every command has, and the end of an option table. */
#define CLI_OPT_OUTPUT(target)                                                                \
    {"output", 'o', OPT_STRING, &(target), "FILE", "write to FILE instead of stdout", NULL}
#define CLI_OPT_END {NULL, 0, OPT_TRUE, NULL, NULL, NULL, NULL}

/* Open the reader for `o`. Returns 0 or CLI_TROUBLE after printing why. */
int cli_ingest_open(abg_ingest **out, abg_ctx *ctx, const cli_read_opts *o);

/* Called for each document, in input order; a non-zero return stops the
 * run and is returned by cli_each_doc. */
typedef int (*cli_doc_fn)(const abg_doc *doc, void *payload);

/* Walk `paths`, read every input and call fn for each document. Problems
 * with single inputs are printed and counted in *status; the run goes on.
 * Returns 0, fn's non-zero result, or CLI_TROUBLE when nothing could be
 * read at all (bad rules, out of memory). */
int cli_each_doc(abg_ctx *ctx, const cli_read_opts *o, char **paths, int npaths, cli_doc_fn fn,
                 void *payload, cli_status *status);

/* Work on one document, in a worker thread: *result is handed to the
 * emit function later (NULL is allowed). ctx is the worker's. Returns 0 or
 * a negative code with a message in ctx (the input counts as failed). */
typedef int (*cli_work_fn)(void **result, const abg_doc *doc, abg_ctx *ctx, void *payload);

/* Write the result of one document, in the main thread, in input order,
 * and free the result; with `discard` only free it. A non-zero return
 * stops the run and is returned by cli_each_doc_jobs. */
typedef int (*cli_emit_fn)(const abg_doc *doc, void *result, int discard, void *payload);

/* Like cli_each_doc, with o->jobs threads reading and working on documents
 * (0: one per core; 1: none); the output is the same for any number of jobs. */
int cli_each_doc_jobs(abg_ctx *ctx, const cli_read_opts *o, char **paths, int npaths,
                      cli_work_fn work, cli_emit_fn emit, void *payload, cli_status *status);

/* The language resources: rules/abbreviations.de and the stopwords
 * (`stopwords` or stopwords/german.txt). 0 or CLI_TROUBLE after printing. */
int cli_lang_open(abg_lang **out, abg_ctx *ctx, const char *stopwords);

/* Write s as one CSV field that a spreadsheet shows as text (RFC 4180:
 * quoted when it holds a comma, a semicolon, a tab, a quote or a line end,
 * quotes doubled; a field starting with '=', '+', '-', '@', a tab or a
 * carriage return gets a single quote in front, so that it cannot run as a
 * formula). NULL writes nothing. Numbers: cli_csv_number (term.h). */
void cli_csv_field(FILE *out, const char *s);

/* Close the output (moving it into place) and pick the exit code: the
 * close's trouble, else CLI_TROUBLE when an input failed, else CLI_OK. */
int cli_finish(cli_output *out, const cli_status *status);

/* ---- claims: what facts and check share ---- */

typedef struct {
    const char *rules;      /* --rules FILE */
    bool rules_only;        /* --rules-only */
    const char *lexicon;    /* --lexicon FILE, read after the shipped lexicon files */
    const char *dictionary; /* --dictionary FILE; "" for none; NULL: the default */
} cli_claims_opts;

#define CLI_CLAIMS_OPTIONS(o)                                                                 \
    {"rules", 0, OPT_STRING, &(o).rules, "FILE",                                              \
     "read FILE after rules/de.rules (its rules add or replace)", NULL},                      \
    {"rules-only", 0, OPT_TRUE, &(o).rules_only, NULL,                                        \
     "use only the --rules FILE, not rules/de.rules", NULL},                                  \
    {"lexicon", 0, OPT_STRING, &(o).lexicon, "FILE",                                          \
     "read FILE after the shipped lexicon (names, measures, roles, time words)", NULL},      \
    {"dictionary", 0, OPT_STRING, &(o).dictionary, "FILE",                                    \
     "German word list, evidence against names (default /usr/share/dict/ngerman)", NULL}

typedef struct {
    abg_rules *rules;
    abg_lang *lang;
    abg_lexicon *lexicon;
    bool about;     /* cli_claims_work also finds what the facts are about */
    bool signature; /* ... and the document's signature for the story step */
} cli_claims;

/* Load rules, language and lexicon; with `about`, cli_claims_work also
 * finds what each fact is about (and the default dictionary is read).
 * Set c->signature after opening to have it make signatures too.
 * 0 or CLI_TROUBLE after printing why. */
int cli_claims_open(cli_claims *c, abg_ctx *ctx, const cli_claims_opts *o, const char *cmd,
                    bool about);
void cli_claims_close(cli_claims *c);

/* The result of cli_claims_work for one document (about is NULL when
 * the cli_claims says not to find it). */
typedef struct {
    abg_fact *facts;
    abg_about *about; /* one per fact; NULL when there are no facts */
    size_t n;
    const char *limited[8]; /* rules that hit a limit (ids borrowed from the rules) */
    size_t nlimited;
    char day[11];           /* the publication day used ("" unknown) */
    abg_signature sig;      /* when the cli_claims asks for it */
    bool has_sig;
} cli_doc_claims;

/* A cli_work_fn (payload: the cli_claims): facts and what they are about. */
int cli_claims_work(void **result, const abg_doc *doc, abg_ctx *ctx, void *payload);
void cli_doc_claims_free(cli_doc_claims *r);

/* A copy of s[0..n) with line ends and tabs made spaces (malloc). */
char *cli_flatten(const char *s, size_t n);

/* What a fact is about, as the JSON fields of facts (subject, object,
 * measure, role, running, time, skip, confidence, attribute), set on o. */
struct json_t;
void cli_json_about(struct json_t *o, const abg_about *ab);
/* The document line of facts -f jsonl ({"type":"document", ...}); NULL
 * when out of memory. */
struct json_t *cli_json_document(const abg_check_doc *d);

/* The document record of doc for the check (its signature borrowed from r). */
void cli_check_doc_of(abg_check_doc *out, const abg_doc *doc, const cli_doc_claims *r);

/* The claim of fact f of doc; *text and *sentence get flattened copies
 * (free() both) that the claim points to. 0, or -1 when out of memory. */
int cli_claim_of(abg_claim *out, char **text, char **sentence, const abg_doc *doc,
                 const abg_fact *f, const abg_about *about);

/* A fact's value (or range end) as JSON: dates as their ISO string,
 * amounts as an integer when they are one, else a real; null when absent. */
struct json_t *cli_json_value(abg_fact_type type, double v, bool present, const char *date);

/* ---- commands ---- */

int cmd_text(int argc, char **argv);
int cmd_facts(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_terms(int argc, char **argv);
int cmd_kwic(int argc, char **argv);
int cmd_stem(int argc, char **argv);

#endif
