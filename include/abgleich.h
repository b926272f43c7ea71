/*
 * abgleich.h: the public API of libabgleich.
 *
 * libabgleich reads German news articles (plain text, HTML, RSS and Atom),
 * turns each into a document of UTF-8 text that maps back to the original
 * file, and (in later stages) extracts and cross-checks the facts in them.
 *
 * Ownership, once for the whole API:
 *   A result returned through an `out` parameter belongs to the caller and is
 *   released with its type's _free function. A pointer returned as the return
 *   value is borrowed and lives only as long as the object it came from.
 *
 * Errors: a function that can fail returns int, 0 on success or a negative
 * ABG_E* code. The details (message, path) are kept in the abg_ctx passed
 * to it. The library never prints, never exits and never reads the
 * environment or the locale.
 */
#ifndef ABGLEICH_H
#define ABGLEICH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define ABG_EXPORT __attribute__((visibility("default")))
#else
#define ABG_EXPORT
#endif

/* Return codes. */
enum {
    ABG_OK = 0,
    ABG_ERROR = -1,  /* anything not covered below */
    ABG_ENOMEM = -2, /* out of memory */
    ABG_EIO = -3,    /* a file could not be opened, read or written */
    ABG_EPARSE = -4, /* input that cannot be used: binary, undecodable, malformed */
    ABG_ELIMIT = -5, /* input beyond a configured limit (size, depth) */
    ABG_EUSAGE = -6  /* misuse: bad option value, bad rule file */
};

/* The library's version, "X.Y.Z". Borrowed, static. */
ABG_EXPORT const char *abg_version(void);

/* ------------------------------------------------------------------ */
/* Context: holds the details of the last error.                       */

typedef struct abg_ctx abg_ctx;

/* A new context in *out. Free with abg_ctx_free. ABG_ENOMEM on failure. */
ABG_EXPORT int abg_ctx_new(abg_ctx **out);
ABG_EXPORT void abg_ctx_free(abg_ctx *ctx);

/* The message of the last error recorded in ctx ("" when none): one line,
 * lower case, without the program name. Borrowed until the next call that
 * takes ctx. */
ABG_EXPORT const char *abg_ctx_message(const abg_ctx *ctx);

/* The code of the last error recorded in ctx (0 when none). */
ABG_EXPORT int abg_ctx_code(const abg_ctx *ctx);

/* Forget the last error. */
ABG_EXPORT void abg_ctx_clear(abg_ctx *ctx);

/* ------------------------------------------------------------------ */
/* Walking the inputs.                                                 */

typedef struct abg_inputs abg_inputs;

/* What a walk reports about a path it did not take. */
typedef enum {
    ABG_WALK_ERROR = 1, /* counts as a failed input (exit code 2) */
    ABG_WALK_NOTE = 2   /* informational, the run is not affected */
} abg_walk_severity;

/* Called for every path the walk skips or cannot read; `path` is the path
 * as the user will recognise it, `message` one line. Both borrowed. */
typedef void (*abg_walk_fn)(abg_walk_severity severity, const char *path, const char *message,
                            void *payload);

/* Expand `paths` (files, folders, "-" for stdin) into the list of inputs to
 * read, in a deterministic order: each argument in the order given, folders
 * recursively with entries sorted by byte value. Hidden entries (names
 * starting with '.') inside folders are skipped; so are files whose
 * extension is not one abgleich reads. Symlinks are followed; a folder is
 * visited once, a symlink loop is reported. FIFOs, sockets and devices
 * inside folders are reported and skipped. Problems go to `report`; they do
 * not fail the walk. *out is freed with abg_inputs_free. Returns 0 or
 * ABG_ENOMEM. */
ABG_EXPORT int abg_walk(abg_inputs **out, abg_ctx *ctx, const char *const *paths, size_t npaths,
                        abg_walk_fn report, void *payload);
ABG_EXPORT void abg_inputs_free(abg_inputs *inputs);
ABG_EXPORT size_t abg_inputs_count(const abg_inputs *inputs);
/* The display path of input i ("<stdin>" for standard input). Borrowed. */
ABG_EXPORT const char *abg_inputs_path(const abg_inputs *inputs, size_t i);

/* ------------------------------------------------------------------ */
/* Ingestion: one input file to one or more documents.                 */

typedef struct abg_ingest abg_ingest;
typedef struct abg_doc abg_doc;
typedef struct abg_doclist abg_doclist;

#define ABG_DEFAULT_MAX_FILE_SIZE ((size_t)64 << 20) /* 64 MiB */

typedef struct {
    unsigned version;
    /* Files larger than this many bytes are skipped; 0 means the default. */
    size_t max_file_size;
    /* The boilerplate rule file, or NULL for none. */
    const char *boilerplate_path;
} abg_ingest_options;

#define ABG_INGEST_OPTIONS_VERSION 1
#define ABG_INGEST_OPTIONS_INIT {ABG_INGEST_OPTIONS_VERSION, 0, NULL}

/* A reader configured by `opts` (which is copied; NULL for defaults). Loads
 * and compiles the boilerplate rules: a bad rule file fails with ABG_EUSAGE
 * and "FILE:LINE: message" in ctx. The reader is read-only afterwards and
 * may be shared by threads. Free with abg_ingest_free. */
ABG_EXPORT int abg_ingest_new(abg_ingest **out, abg_ctx *ctx, const abg_ingest_options *opts);
ABG_EXPORT void abg_ingest_free(abg_ingest *ing);

/* Read input i of `inputs` into *out, a list of one document (text, HTML)
 * or one per item (RSS, Atom; possibly none). On failure *out is NULL and
 * ctx says why (one line, e.g. "binary file (NUL bytes), skipped"). The
 * list and its documents are freed with abg_doclist_free. */
ABG_EXPORT int abg_ingest_input(abg_doclist **out, abg_ctx *ctx, const abg_ingest *ing,
                                const abg_inputs *inputs, size_t i);

/* Parse `len` bytes of `data` as if read from a file named `path` (the
 * extension picks the format; "-" or an unknown extension means sniffing).
 * Same results as abg_ingest_input. `data` is borrowed for the call. */
ABG_EXPORT int abg_ingest_buffer(abg_doclist **out, abg_ctx *ctx, const abg_ingest *ing,
                                 const char *path, const char *data, size_t len);

ABG_EXPORT void abg_doclist_free(abg_doclist *list);
ABG_EXPORT size_t abg_doclist_count(const abg_doclist *list);
/* Document i of the list. Borrowed from the list. */
ABG_EXPORT abg_doc *abg_doclist_get(const abg_doclist *list, size_t i);

/* ------------------------------------------------------------------ */
/* Documents.                                                          */

/* Where a byte of a document's text came from. */
typedef struct {
    uint32_t line;   /* 1-based line in the original file */
    uint32_t col;    /* 1-based column in characters (see abg_doc_position) */
    uint64_t offset; /* byte offset: in the original file for plain text, in
                        the decoded body text for HTML and feeds */
} abg_pos;

/* A name (a path, a document id) safe to print: a backslash becomes
 * "\\", a control byte (U+0000..U+001F, U+007F, and the two bytes of
 * U+0080..U+009F) and each byte that is not UTF-8 "\xhh" (two lower-case
 * hex digits); the rest stays. The result is valid UTF-8 without control
 * characters. abg_name_unescape reverses it (*len gets the byte count; the
 * bytes may hold NUL only if the escaped form said "\x00"). Both malloc;
 * NULL when out of memory. Document ids and sources are escaped so. */
ABG_EXPORT char *abg_name_escape(const char *s);
ABG_EXPORT char *abg_name_unescape(const char *s, size_t *len);

/* Every string below is borrowed from the document; NULL when unknown. */

/* "corpus/a.txt", or "corpus/feed.xml#2" for the second item of a feed. */
ABG_EXPORT const char *abg_doc_id(const abg_doc *doc);
/* The path of the file the document came from, as walked. */
ABG_EXPORT const char *abg_doc_path(const abg_doc *doc);
/* The outlet: og:site_name, meta publisher, feed title, front matter
 * `source`, else the file name without its extension. Never NULL. */
ABG_EXPORT const char *abg_doc_source(const abg_doc *doc);
ABG_EXPORT const char *abg_doc_title(const abg_doc *doc);
/* ISO 8601 date or date-time, or NULL. */
ABG_EXPORT const char *abg_doc_published(const abg_doc *doc);
/* "text", "html", "rss" or "atom". */
ABG_EXPORT const char *abg_doc_format(const abg_doc *doc);
/* The encoding the file was decoded from: "utf-8", "utf-16le",
 * "utf-16be", "windows-1252", or for markup the encoding libxml2 used. */
ABG_EXPORT const char *abg_doc_encoding(const abg_doc *doc);

/* The body text: valid UTF-8, lines ended by "\n", paragraphs separated by
 * an empty line. NUL-terminated; *len (when not NULL) gets its length. */
ABG_EXPORT const char *abg_doc_text(const abg_doc *doc, size_t *len);

/* The origin of the byte at `text_offset` of the body text (an offset at or
 * past the end maps to the end of the last line). For plain text the line,
 * column and byte offset are exact positions in the original file. For HTML
 * and feeds `line` is the source line the text came from, `col` counts
 * characters within the body text's line, and `offset` is the offset in the
 * body text. */
ABG_EXPORT abg_pos abg_doc_position(const abg_doc *doc, size_t text_offset);

/* The positions of text[off] and text[off + len] (abg_doc_position of
 * both), counting the characters before the start once. */
ABG_EXPORT void abg_doc_span(const abg_doc *doc, size_t off, size_t len, abg_pos *start,
                             abg_pos *end);

/* ------------------------------------------------------------------ */
/* Stems.                                                              */

/* A Snowball German stemmer with a cache of recent words. Not shared
 * between threads: make one per thread. Free with abg_stemmer_free. */
typedef struct abg_stemmer abg_stemmer;

ABG_EXPORT int abg_stemmer_new(abg_stemmer **out);
ABG_EXPORT void abg_stemmer_free(abg_stemmer *stemmer);

/* The stem of word[0..len) (valid UTF-8): the word is case-folded and
 * normalised first, then stemmed by Snowball's German stemmer. *out is
 * borrowed from the stemmer until its next call; *out_len gets its length.
 * A word longer than 256 bytes after folding is returned folded but not
 * stemmed (the stemmer's time grows with the square of the length).
 * Returns 0, ABG_ENOMEM, or ABG_EPARSE for invalid UTF-8. */
ABG_EXPORT int abg_stem(const char **out, size_t *out_len, abg_stemmer *stemmer,
                        const char *word, size_t len);

/* ------------------------------------------------------------------ */
/* Language resources and word statistics.                             */

/* What the text layer reads from data files: abbreviations (for sentence
 * and token boundaries) and stopwords (for word statistics). Read-only
 * after creation; may be shared by threads. Free with abg_lang_free. */
typedef struct abg_lang abg_lang;

typedef struct {
    unsigned version;
    const char *abbreviations_path; /* rules/abbreviations.de */
    const char *stopwords_path;     /* stopwords/german.txt */
} abg_lang_options;

#define ABG_LANG_OPTIONS_VERSION 1
#define ABG_LANG_OPTIONS_INIT {ABG_LANG_OPTIONS_VERSION, NULL, NULL}

/* Load the files named in opts (both required). A file that cannot be
 * read or parsed fails with ABG_EUSAGE and "FILE[:LINE]: message". */
ABG_EXPORT int abg_lang_new(abg_lang **out, abg_ctx *ctx, const abg_lang_options *opts);
ABG_EXPORT void abg_lang_free(abg_lang *lang);

/* One place a word occurs: the span of the matching token (or of the
 * matching part of a hyphenated compound) in the document's text. */
typedef struct {
    size_t off, len;
} abg_kwic_hit;

/* The words of doc whose stem equals stem[0..stem_len), in text order:
 * a word matches when its own stem does, or the stem of one of the parts
 * of a hyphenated compound. Numbers and punctuation never match. *out is
 * allocated with malloc (free() it; NULL when there are none). */
ABG_EXPORT int abg_kwic_find(abg_kwic_hit **out, size_t *n, abg_ctx *ctx, const abg_lang *lang,
                             abg_stemmer *stemmer, const abg_doc *doc, const char *stem,
                             size_t stem_len);

/* Stem frequencies of a corpus, counted per group (a document, or a
 * source); with two or more groups, the keyness of each group against
 * the rest. Free with abg_terms_free. */
typedef struct abg_terms abg_terms;

typedef struct {
    const char *stem; /* borrowed from the abg_terms */
    const char *form; /* the most frequent surface form (ties: the first seen) */
    uint64_t count;   /* occurrences in the group */
    uint64_t docs;    /* documents of the group it occurs in */
    uint64_t rest;    /* occurrences outside the group */
    double g2;        /* log-likelihood against the rest (0 with one group) */
    double log_ratio; /* log2 of the relative frequencies, group / rest */
} abg_term;

ABG_EXPORT int abg_terms_new(abg_terms **out, const abg_lang *lang);
ABG_EXPORT void abg_terms_free(abg_terms *terms);

/* Count the words of doc into `group` (created on first use). Stopwords,
 * numbers, abbreviations and punctuation are not counted. */
ABG_EXPORT int abg_terms_add(abg_terms *terms, abg_ctx *ctx, abg_stemmer *stemmer,
                             const abg_doc *doc, const char *group);

/* Groups in byte order of their names. */
ABG_EXPORT size_t abg_terms_group_count(const abg_terms *terms);
ABG_EXPORT const char *abg_terms_group_name(const abg_terms *terms, size_t g);
/* Counted words (tokens) and documents of group g. */
ABG_EXPORT uint64_t abg_terms_group_tokens(const abg_terms *terms, size_t g);
ABG_EXPORT uint64_t abg_terms_group_docs(const abg_terms *terms, size_t g);

/* The stems of group g with their figures, in *out (malloc'd; free()),
 * sorted by G² (descending) when there are two or more groups, else by
 * count; ties by stem. With `over_only`, only stems the group uses more
 * often than the rest. */
ABG_EXPORT int abg_terms_rows(abg_term **out, size_t *n, abg_ctx *ctx, const abg_terms *terms,
                              size_t g, int over_only);

/* G² (log-likelihood) for a word seen a times in c words of a group and b
 * times in d words of the rest; exposed for tests. */
ABG_EXPORT double abg_terms_g2(double a, double b, double c, double d);
/* log2 of (a/c)/(b/d), with 0.5 added to a zero count. */
ABG_EXPORT double abg_terms_log_ratio(double a, double b, double c, double d);


/* ------------------------------------------------------------------ */
/* Facts.                                                              */

/* The extraction rules: one or more rule files (rules/de.rules and what
 * --rules adds), parsed and compiled once. Read-only after loading; may be
 * shared by threads. Free with abg_rules_free. */
typedef struct abg_rules abg_rules;

/* Load the rule files paths[0..n), in order: a rule whose id was seen in
 * an earlier file replaces that rule; maps and defines add up. A file that
 * cannot be read, or a bad line or pattern, fails with ABG_EUSAGE and
 * "FILE:LINE: message" in ctx. */
ABG_EXPORT int abg_rules_load(abg_rules **out, abg_ctx *ctx, const char *const *paths,
                              size_t n);
ABG_EXPORT void abg_rules_free(abg_rules *rules);
ABG_EXPORT size_t abg_rules_count(const abg_rules *rules);

typedef enum {
    ABG_FACT_MONEY = 1,
    ABG_FACT_PERCENT,
    ABG_FACT_DATE,
    ABG_FACT_QUANTITY
} abg_fact_type;

typedef enum {
    ABG_QUAL_EXACT = 0,
    ABG_QUAL_APPROX, /* rund, etwa, circa, knapp, fast, gut */
    ABG_QUAL_LOWER,  /* über, mehr als, mindestens; dates: seit, ab */
    ABG_QUAL_UPPER,  /* bis zu, höchstens, unter, weniger als; dates: bis */
    ABG_QUAL_RANGE   /* 2 bis 4 Prozent, zwischen 10 und 12 Milliarden */
} abg_qualifier;

/* One fact. Strings are borrowed from the abg_rules (or static). */
typedef struct {
    abg_fact_type type;
    abg_qualifier qualifier;
    const char *rule;     /* the id of the rule that found it */
    const char *unit;     /* ISO 4217 code, "%", "pp", a unit symbol or
                             counted noun; NULL for dates and when unknown */
    size_t off, len;      /* the surface text, bytes of the doc's text */
    size_t sent_off, sent_len; /* the sentence it stands in, likewise */
    double value;         /* money, percent, quantity (not dates) */
    double value_to;      /* the end of a range when has_value_to */
    int has_value_to;
    char date[16];        /* dates: "2025-10-28", "2025-10", "2025", "2024-Q4",
                             "2025-H1"; else "" */
    char date_to[16];     /* dates: the end of a range, else "" */
} abg_fact;

/* "money", "percent", "date", "quantity"; "exact", "approx", ... */
ABG_EXPORT const char *abg_fact_type_name(abg_fact_type type);
ABG_EXPORT const char *abg_qualifier_name(abg_qualifier q);
/* The type named `name`, or 0 when there is none. */
ABG_EXPORT abg_fact_type abg_fact_type_from_name(const char *name);

/* Told, at most once per rule and call, that a rule hit a match limit on
 * this document (the rule is skipped for the rest of that paragraph). */
typedef void (*abg_extract_warn_fn)(const char *rule, const char *message, void *payload);

/* The facts of doc, in document order, without overlaps (the longest
 * match wins, the earlier one on a tie). *out is allocated with malloc
 * (free() it; NULL when none). Thread-safe for distinct out/ctx. */
ABG_EXPORT int abg_extract(abg_fact **out, size_t *n, abg_ctx *ctx, const abg_rules *rules,
                           const abg_lang *lang, const abg_doc *doc);
/* The same, with a function told about rules that hit a limit. */
ABG_EXPORT int abg_extract_warn(abg_fact **out, size_t *n, abg_ctx *ctx,
                                const abg_rules *rules, const abg_lang *lang,
                                const abg_doc *doc, abg_extract_warn_fn warn, void *payload);

/* Write the value (to_end = 0) or value_to (1) of f into buf minimally:
 * 135000000000, 0.99, 32.5, -3.2; dates as their ISO string. Returns the
 * length (like snprintf), 0 when there is no such value. */
ABG_EXPORT int abg_fact_value_string(char *buf, size_t size, const abg_fact *f, int to_end);

/* The date value of a fact ("2025-10-28", "2025-10", "2025", "2024-Q4",
 * "2025-H1") in parts: month and day 0 when not given; for a quarter or
 * half, part is 'Q' or 'H' and month its number. 0, or -1 for any other
 * string. */
typedef struct {
    int year, month, day;
    char part;
} abg_date;

ABG_EXPORT int abg_date_parse(abg_date *out, const char *iso);
/* The days such a date covers, [*first, *end), counted from 1970-01-01
 * (proleptic Gregorian). 0, or -1 when iso is not a date value. */
ABG_EXPORT int abg_date_days(const char *iso, double *first, double *end);
/* Days from 1970-01-01 to year-month-day. */
ABG_EXPORT double abg_day_number(int year, int month, int day);
/* The day a publication date ("YYYY-MM-DD", anything may follow: a time)
 * starts with, in *y, *m, *d: 0, or -1 when it starts with no such day
 * (published NULL included). */
ABG_EXPORT int abg_published_day(const char *published, int *y, int *m, int *d);
/* Of the year of the day `day_number` and the years before and after it,
 * the one in which month-day lies nearest that day; *dist gets the
 * distance in days ("3. Januar" near 2025-12-28 is 2026-01-03, 6 days). */
ABG_EXPORT int abg_nearest_year(double day_number, int month, int day, double *dist);

/* ------------------------------------------------------------------ */
/* Claims: what a fact is about.                                       */

/* What claims are made of: known names and their variants, words that
 * are never names, the German dictionary (a word in it needs more
 * evidence to be a name), the measure lexicon, the words of roles and time
 * scopes (rules/claims.de, measures.de, roles.de, time.de and the user's
 * files). Read-only after loading; may be shared by threads. Free with
 * abg_lexicon_free. */
typedef struct abg_lexicon abg_lexicon;

typedef struct {
    unsigned version;
    const char *const *paths;   /* lexicon files, in order */
    size_t npaths;
    const char *dictionary;     /* a word list, one word a line; NULL: none */
    const abg_lang *lang;       /* stopwords (required) */
} abg_lexicon_options;

#define ABG_LEXICON_OPTIONS_VERSION 1
#define ABG_LEXICON_OPTIONS_INIT {ABG_LEXICON_OPTIONS_VERSION, NULL, 0, NULL, NULL}

/* Load the files of opts. A file that cannot be read, or a bad line,
 * fails with ABG_EUSAGE and "FILE[:LINE]: message" in ctx. */
ABG_EXPORT int abg_lexicon_new(abg_lexicon **out, abg_ctx *ctx, const abg_lexicon_options *opts);
ABG_EXPORT void abg_lexicon_free(abg_lexicon *lex);

/* The role of a figure: a level ("auf 8,4 Prozent", "liegt bei") or a
 * change ("um 1,2 Punkte", "ein Plus von"). */
typedef enum { ABG_ROLE_LEVEL = 0, ABG_ROLE_CHANGE } abg_role;

/* "level", "change". */
ABG_EXPORT const char *abg_role_name(abg_role role);

/* What one fact is about. Strings are owned by the array (abg_about_free)
 * except `skip`, which is static. */
typedef struct {
    char *subject;      /* the organisation, person or place, or NULL */
    bool inferred;      /* the subject is not named in the figure's sentence
                           (it comes from the sentence before, or there is
                           none): grouping may give it the story's one */
    char *object;       /* the other party of the measure ("Anteil an
                           OpenAI": OpenAI), or NULL */
    char *measure;      /* what is measured, canonical and lower case
                           ("anteil"), or NULL */
    abg_role role;
    bool running;       /* the measure is a running count (Tote, Verletzte) */
    bool match;         /* the measure is a figure of one match, race or round
                           (Tore, Zuschauer): figures of reports days apart,
                           or of undated reports, are of different events */
    char *time;         /* the time scope: a date value ("2024", "2024-Q3",
                           "2025-10-28"), a week ("2025-W31"), "earlier" (the
                           A of "von A auf B"), "before" or "before:EVENT",
                           "now", or NULL when unknown */
    char **attribute;   /* stems of the clause's content words, sorted (for
                           people; grouping does not use them) */
    size_t nattribute;
    const char *skip;   /* not a claim: "dateline" (a dateline or byline),
                           "conversion" (an amount converted in parentheses);
                           NULL for a claim */
    double confidence;  /* how sure subject and measure are, 0..1 */
} abg_about;

/* For facts[0..n) of doc (as abg_extract returned them), what each is
 * about: out[i] belongs to facts[i]. The document's publication day
 * (abg_doc_published) resolves relative times; when it is unknown, a
 * dateline of the document gives it. `day` (11 bytes; may be NULL) gets
 * the day used, "YYYY-MM-DD", or "" when there is none. */
ABG_EXPORT int abg_about_facts(abg_about **out, char *day, abg_ctx *ctx, const abg_lexicon *lex,
                               const abg_lang *lang, abg_stemmer *stemmer, const abg_doc *doc,
                               const abg_fact *facts, size_t n);
ABG_EXPORT void abg_about_free(abg_about *about, size_t n);

/* ------------------------------------------------------------------ */
/* Cross-checking.                                                     */

/* ------------------------------------------------------------------ */
/* Document signatures: what a document is about, for linking documents */
/* into stories, and a sketch of its text, for finding copies.          */

#define ABG_SIG_TERMS 48   /* stems kept per document */
#define ABG_SIG_MINHASH 32 /* MinHash values per document */

/* A document's signature. abg_signature_make fills one; a signature read
 * back from elsewhere (a facts JSONL line) may be filled by hand, with
 * stems and counts allocated as abg_signature_dispose expects (see
 * there) or never disposed. */
typedef struct {
    char **stems;     /* n stems (Snowball, folded), sorted in byte order */
    uint32_t *counts; /* how often each occurs in the document */
    size_t n;
    uint32_t words;   /* content words counted in all */
    uint32_t minhash[ABG_SIG_MINHASH];
    uint32_t shingles; /* word 4-grams hashed; 0: no sketch */
} abg_signature;

/* The signature of doc in *out (overwritten; dispose it with
 * abg_signature_dispose, also after a failure).
 *
 * Stems: the word tokens of the body text and of the title (when there is
 * one; a plain-text title that is also the body's first line so counts
 * twice), folded, without stopwords and words shorter than 3 bytes,
 * stemmed; stems shorter than 3 bytes are dropped. The ABG_SIG_TERMS most
 * frequent stems are kept (ties: byte order), sorted in byte order; `words`
 * counts every content word. MinHash: every 4 consecutive word or number
 * tokens of the body (folded, stopwords included) form a shingle; value k
 * is the least, over the shingles' 64-bit hashes h, of the top 32 bits of
 * (h ^ seed_k) * mult_k, with fixed seeds and odd multipliers. Fewer than 4 such tokens: shingles = 0 and all values 0.
 * The share of equal values of two signatures estimates the Jaccard
 * similarity of their shingle sets.
 *
 * Returns 0 or ABG_ENOMEM. `stemmer` belongs to the calling thread. */
ABG_EXPORT int abg_signature_make(abg_signature *out, abg_ctx *ctx, const abg_lang *lang,
                                  abg_stemmer *stemmer, const abg_doc *doc);
/* Free sig->stems (one malloc'd block holding the pointers and the
 * strings), sig->counts, and zero *sig. NULL does nothing. */
ABG_EXPORT void abg_signature_dispose(abg_signature *sig);
/* The MinHash values as 8 small hex digits each into buf (of at least
 * ABG_SIG_MINHASH * 8 + 1 bytes, NUL-terminated), and back: parse sets
 * sig->minhash from exactly ABG_SIG_MINHASH * 8 hex digits (either case)
 * and returns 0, or -1 (sig unchanged) for any other string. The shingle
 * count is not part of the string. */
ABG_EXPORT void abg_signature_minhash_hex(char *buf, const abg_signature *sig);
ABG_EXPORT int abg_signature_minhash_parse(abg_signature *sig, const char *hex);

/* A claim as the check sees it: a fact with its place and what it is
 * about. abg_check_add copies every string. */
typedef struct {
    const char *doc, *source, *text, *sentence, *rule;
    const char *unit;                /* NULL for dates */
    const char *subject, *object;    /* NULL when none */
    bool inferred;                   /* the subject is inferred (abg_about) */
    const char *measure;             /* NULL when none: never grouped */
    const char *time;                /* the normalised time scope, or NULL */
    const char *skip;                /* not a claim (abg_about.skip): never grouped */
    const char *const *attribute;
    size_t nattribute;
    abg_fact_type type;
    abg_qualifier qualifier;
    abg_role role;
    bool running;
    bool match;                      /* abg_about.match */
    double confidence;               /* of subject and measure, 0..1 */
    double value, value_to;          /* not dates */
    int has_value_to;
    char date[16], date_to[16];      /* dates */
    uint64_t line, col, offset, length;
} abg_claim;

/* A document as the check sees it: what the story step needs. */
typedef struct {
    const char *doc, *source, *title;
    const char *published;           /* "YYYY-MM-DD…", or NULL */
    const abg_signature *signature;  /* NULL: no signature */
} abg_check_doc;

typedef enum {
    ABG_VERDICT_CONFLICT = 1,
    ABG_VERDICT_AGREE,
    ABG_VERDICT_SINGLE
} abg_verdict;

typedef enum {
    ABG_CAUSE_NONE = 0,
    ABG_CAUSE_TIME,
    ABG_CAUSE_SCALE,
    ABG_CAUSE_UNIT,
    ABG_CAUSE_CURRENCY
} abg_cause;

typedef struct {
    char id[17];                     /* 16 hex digits, stable across runs */
    abg_fact_type type;
    const char *subject, *object;    /* NULL when none */
    const char *measure;
    abg_role role;
    const char *time;                /* the group's explicit time scope, or NULL */
    abg_verdict verdict;
    abg_cause cause;
    double confidence;               /* 0..1: how sure the grouping is */
    size_t story;                    /* the story of its documents */
    const abg_claim *const *claims;  /* ordered by doc, then offset */
    size_t nclaims;
    /* Per claim, flags: */
    const bool *copy;                /* its document is a copy of another
                                        document of the group */
    const bool *deviates;            /* conflicts: its value is not the
                                        majority's */
    const bool *inconsistent;        /* its document states two incompatible
                                        values for this key */
    /* The claim whose value most independent sources hold (an index into
     * claims; ABG_NO_MAJORITY when two values tie), and how many
     * independent sources the group has. */
    size_t majority;
    size_t sources, majority_sources;
} abg_group;

#define ABG_NO_MAJORITY ((size_t)-1)

typedef struct abg_check abg_check;

typedef enum { ABG_SCOPE_STORY = 0, ABG_SCOPE_ALL } abg_scope;

typedef struct {
    unsigned version;
    double tolerance;                /* relative, for approximations: 0.05 */
    abg_scope scope;                 /* compare within stories, or all */
    double window;                   /* days a story spans; 0: no limit */
    double min_confidence;           /* conflicts below are hidden */
    const char *background;          /* document frequencies for the story
                                        step (rules/background.de); NULL: none */
} abg_check_options;

#define ABG_CHECK_OPTIONS_VERSION 2
#define ABG_CHECK_OPTIONS_INIT {ABG_CHECK_OPTIONS_VERSION, 0.05, ABG_SCOPE_STORY, 7, 0.4, NULL}

ABG_EXPORT int abg_check_new(abg_check **out, abg_ctx *ctx, const abg_check_options *opts);
ABG_EXPORT void abg_check_free(abg_check *chk);
ABG_EXPORT int abg_check_add(abg_check *chk, abg_ctx *ctx, const abg_claim *claim);
/* A document and its signature. The claims of a document never added are
 * compared as if it were a story of its own (with ABG_SCOPE_ALL: with all).
 * The same id twice fails with ABG_EUSAGE. */
ABG_EXPORT int abg_check_add_doc(abg_check *chk, abg_ctx *ctx, const abg_check_doc *doc);
/* Group the claims added so far and judge each group. The result does
 * not depend on the order the claims and documents were added in. */
ABG_EXPORT int abg_check_run(abg_check *chk, abg_ctx *ctx);
/* Groups: conflicts first, then agreements, then singles; within each,
 * by their first claim. Conflicts below the minimum confidence are left
 * out and counted by abg_check_hidden_count. */
ABG_EXPORT size_t abg_check_group_count(const abg_check *chk);
ABG_EXPORT const abg_group *abg_check_group(const abg_check *chk, size_t i);
ABG_EXPORT size_t abg_check_hidden_count(const abg_check *chk);
ABG_EXPORT size_t abg_check_claim_count(const abg_check *chk);
/* Documents added with abg_check_add_doc; stories with more than one
 * document; documents that are copies of another (the i-th of them with
 * the document it copies). */
ABG_EXPORT size_t abg_check_doc_count(const abg_check *chk);
ABG_EXPORT size_t abg_check_story_count(const abg_check *chk);
ABG_EXPORT size_t abg_check_copy_count(const abg_check *chk);
ABG_EXPORT void abg_check_copy(const abg_check *chk, size_t i, const char **doc,
                               const char **original);
ABG_EXPORT const char *abg_verdict_name(abg_verdict v);
/* "time", "scale", "unit", "currency"; NULL for ABG_CAUSE_NONE. */
ABG_EXPORT const char *abg_cause_name(abg_cause c);

#ifdef __cplusplus
}
#endif

#endif /* ABGLEICH_H */
