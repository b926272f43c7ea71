/*
 * text.h: the German text layer (internal): normalisation, abbreviations,
 * sentences, tokens, stopwords and stems.
 *
 * Everything here works on a document's body text (valid UTF-8, see
 * abg_doc_text) and returns spans into it, so that every sentence and
 * token maps back to the original file through abg_doc_position.
 *
 *   normalize.c  NFC, typographic variants unified, case folding (utf8proc)
 *   abbrev.c     the abbreviation list (rules/abbreviations.de)
 *   sentence.c   sentence boundaries
 *   tokenize.c   tokens: words, numbers, abbreviations, URLs, e-mail
 *   stopwords.c  the stopword set (stopwords/german.txt)
 *   stem.c       Snowball German stems (the only user of libstemmer)
 */
#ifndef ABG_TEXT_H
#define ABG_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abgleich.h"
#include "buf.h"

/* A run of bytes of the text a function was given. Borrowed: never freed. */
typedef struct {
    size_t off, len;
} abg_span;

/* ---- normalize.c ------------------------------------------------------ */

/* The text for matching: Unicode NFC; quotes („“”«»‚‘’ and " ') unified to
 * '"' and '\'', dashes and minus (– — ‑ ‒ −) to '-', no-break, narrow and
 * thin spaces to ' ', soft hyphen and zero-width characters removed. Case
 * is kept. abg_norm_src maps each byte of s back to the input. The text is
 * shorter than ABG_BUF_MAX (2 GiB), so offsets fit in 32 bits. Released
 * with abg_norm_dispose. */
typedef struct {
    uint32_t out, src;
} abg_norm_run;

typedef struct {
    char *s;
    size_t len;
    size_t src_len; /* the length of the input */
    /* The map back to the input, as runs: from byte runs[k].out of s to
     * the next run, a character starting at out + d comes from input
     * offset runs[k].src + d. A new run starts only where the text was
     * changed, so unchanged text costs nothing. */
    abg_norm_run *runs;
    size_t nruns;
} abg_norm;

int abg_norm_init(abg_norm *out, const char *text, size_t len);
void abg_norm_dispose(abg_norm *norm);

/* The offset in the input of the character that produced byte i of
 * norm->s (i <= norm->len; norm->len maps to the input's length). */
size_t abg_norm_src(const abg_norm *norm, size_t i);

/* Append to `out` the comparison form of one word: normalised as above,
 * then case-folded (utf8proc; ß stays ß, capitals become small). The input
 * must be valid UTF-8. Returns 0 or ABG_ENOMEM / ABG_ELIMIT. */
int abg_fold(abg_buf *out, const char *word, size_t len);

/* Append to `out` the comparison form of a name: marks stripped and case
 * folded, so that "İmamoğlu" and "Imamoglu" are one ("ß" becomes "ss").
 * Returns 0, ABG_ENOMEM, or ABG_EPARSE when the name is not UTF-8. */
int abg_name_key(abg_buf *out, const char *name, size_t len);

/* ---- abbrev.c ---------------------------------------------------------- */

/* Words that end with a dot without ending a sentence ("z. B.", "Mio.",
 * "Dr."), read from a file: one abbreviation a line with its dots and
 * inner spaces as written ("z. B.", "u. a.", "Mrd."), '#' comments. */
typedef struct abg_abbrevs abg_abbrevs;

int abg_abbrevs_load(abg_abbrevs **out, abg_ctx *ctx, const char *path);
void abg_abbrevs_free(abg_abbrevs *abbrevs);

/* The length of the abbreviation that ends exactly at text[end-1] (which
 * is a '.'), looking back from there; 0 when none does. A match must start
 * at the beginning of a word (not after a letter or digit). Matching
 * ignores case for the first letter only ("Ca." = "ca."), and treats any
 * run of spaces inside a multi-part abbreviation ("z. B.", "z.B.",
 * "z.\u00a0B.") as the same. */
size_t abg_abbrev_before(const abg_abbrevs *abbrevs, const char *text, size_t end);

/* ---- sentence.c -------------------------------------------------------- */

/* Split text into sentences, in order, each span trimmed of surrounding
 * white space; empty sentences are not returned. *out is allocated with
 * malloc (free() it); *n gets the count. */
int abg_sentences_split(abg_span **out, size_t *n, const abg_abbrevs *abbrevs, const char *text,
                        size_t len);

/* The sentences of abg_sentences_split(text, len) that start in
 * text[from, to), where `from` and `to` are each the start or end of the
 * text or a paragraph start (a line break before it and at it): the same
 * spans, at a cost of that part of the text. Written from index 0 into
 * *spans, an array of *cap spans that grows with realloc (the caller frees
 * it); *n gets the count. ABG_EUSAGE when from or to is not such a place. */
int abg_sentences_split_range(abg_span **spans, size_t *n, size_t *cap,
                              const abg_abbrevs *abbrevs, const char *text, size_t len,
                              size_t from, size_t to);

/* ---- tokenize.c -------------------------------------------------------- */

typedef enum {
    ABG_TOK_WORD = 1, /* letters, with inner hyphens or apostrophes */
    ABG_TOK_NUMBER,   /* 32,5  1.000.000  −3,2  2024/25 */
    ABG_TOK_ABBREV,   /* an abbreviation with its dots: "Mrd.", "z. B." */
    ABG_TOK_URL,
    ABG_TOK_EMAIL,
    ABG_TOK_PUNCT, /* one punctuation character: . , ; : ! ? ( ) " - … */
    ABG_TOK_SYMBOL /* any other character: € $ % § & … */
} abg_tok_kind;

enum {
    ABG_TOKF_COMPOUND = 1u << 0,   /* word with inner hyphens: Azure-Verpflichtung */
    ABG_TOKF_POSSESSIVE = 1u << 1, /* base_len < len: OpenAI’s, OpenAIs (not Microsofts:
                                      a plain capitalised word + s is left to later stages) */
    ABG_TOKF_CAPITAL = 1u << 2,    /* starts with a capital letter */
    ABG_TOKF_INNERCAP = 1u << 3,   /* a capital after the first letter: OpenAI */
    ABG_TOKF_ALLCAPS = 1u << 4     /* two or more letters, all capitals: AGI */
};

typedef struct {
    size_t off;        /* in the text */
    uint32_t len;      /* bytes */
    uint32_t base_len; /* without a possessive s / 's (= len otherwise) */
    uint16_t kind;     /* abg_tok_kind */
    uint16_t flags;    /* ABG_TOKF_* */
} abg_token;

/* Tokenize text[0..len) (valid UTF-8). White space separates tokens and is
 * not returned. *out is allocated with malloc (free() it). */
int abg_tokenize(abg_token **out, size_t *n, const abg_abbrevs *abbrevs, const char *text,
                 size_t len);

/* The parts of a compound token between its hyphens, at most `max`;
 * returns how many there are (which may exceed max). */
size_t abg_token_parts(abg_span *parts, size_t max, const char *text, const abg_token *tok);

/* ---- stopwords.c ------------------------------------------------------- */

typedef struct abg_stopwords abg_stopwords;

/* One word a line, UTF-8; '#' or '|' starts a comment; words are folded
 * (abg_fold) when loaded. Bad UTF-8 is refused with "FILE:LINE: ...". */
int abg_stopwords_load(abg_stopwords **out, abg_ctx *ctx, const char *path);
void abg_stopwords_free(abg_stopwords *sw);
/* Is the folded word a stopword? */
bool abg_stopwords_has(const abg_stopwords *sw, const char *folded, size_t len);

/* ---- stem.c (besides the public abg_stem) ----------------------------- */

/* The folded form of the word the last abg_stem call on `stemmer` was
 * given (abg_fold of it): borrowed until the next call. Lets a caller that
 * stems a word and also needs its folded form (for stopwords) fold once. */
const char *abg_stemmer_folded(const abg_stemmer *stemmer, size_t *len);

/* ---- lang.c ------------------------------------------------------------ */

/* The resources behind the public abg_lang handle. */
struct abg_lang {
    abg_abbrevs *abbrevs;
    abg_stopwords *stopwords;
};

#endif
