/*
 * story.h: stories and copies (internal): which documents report the same
 * story, and which are copies of another (one wire text in several
 * outlets), from their signatures (abg_signature, see abgleich.h).
 *
 *   story.c      background frequencies, document vectors, copies, stories
 *   signature.c  the signatures themselves (public API)
 */
#ifndef ABG_STORY_H
#define ABG_STORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abgleich.h"

/* ---- background document frequencies (rules/background.de) ------------ */

/* How many documents of a large collection hold each stem, so that a run
 * of a few documents can still tell a rare stem from a common one. */
typedef struct abg_background abg_background;

/* The background's weight in idf, in documents (B): see abg_stories_new. */
#define ABG_BACKGROUND_WEIGHT 1000.0

/* Read a background file: '#' comment lines and blank lines anywhere, one
 * line `documents N` (N > 0) before the first stem, then `STEM COUNT` lines
 * (COUNT documents of N hold STEM, 1 <= COUNT <= N) in strictly increasing
 * byte order of the stem. A file that cannot be read, or a bad line, fails
 * with ABG_EUSAGE and "FILE[:LINE]: message" in ctx. Free *out with
 * abg_background_free. */
int abg_background_load(abg_background **out, abg_ctx *ctx, const char *path);
void abg_background_free(abg_background *bg);
/* N of the file; 0 for NULL. */
uint64_t abg_background_documents(const abg_background *bg);
/* p(s): the share of the background's documents that hold stem[0..len);
 * 0 when it is not listed or bg is NULL. */
double abg_background_share(const abg_background *bg, const char *stem, size_t len);

/* ---- stories ------------------------------------------------------------ */

typedef struct {
    const char *doc;          /* the document id, for a stable order */
    double day;               /* publication day (abg_day_number), or NAN */
    bool estimated;           /* day is estimated from the text's dates: the
                                 window holds, the threshold stays the one
                                 for undated documents */
    const abg_signature *sig; /* borrowed for the call of abg_stories_new */
} abg_story_doc;

typedef struct {
    double threshold; /* cosine needed to join a story */
    double window;    /* days; a document joins a story only when within this
                         many days of the story's latest dated document;
                         0: no window */
    double copy;      /* the share of the shorter text's 4-grams the other
                         holds, for a copy (estimated from the MinHash
                         values and the shingle counts) */
    bool all;         /* --scope all: every document in story 0 */
} abg_story_options;

/* Defaults, checked on real news (bench/realnews/story_eval.c). Joining
 * uses a discounted score (the stem that weighs most counts half: one
 * shared name makes no story), which sits below the plain cosine of true
 * pairs; 0.15 on it keeps what 0.2 on the plain cosine gave: at 0.2,
 * 15 of 20 random multi-document stories of 4,303 dated tagesschau.de and
 * ZEIT ONLINE items were one story (the misses: live-blog rubrics such as
 * "Fußball-WM:" and "Bundesliga:" that share their boilerplate), and none
 * of 20 random pairs just below 0.2 was; 0.3 did not make undated stories
 * better. A week is how long a news story keeps developing in those items
 * (Greenland, Venezuela: two to three weeks of daily items that still link,
 * since the window runs from the story's latest document). */
#define ABG_STORY_THRESHOLD 0.15
#define ABG_STORY_WINDOW 7.0
#define ABG_STORY_COPY 0.8
#define ABG_STORY_OPTIONS_INIT                                                                    \
    {                                                                                             \
        ABG_STORY_THRESHOLD, ABG_STORY_WINDOW, ABG_STORY_COPY, false                              \
    }

typedef struct abg_stories abg_stories;

/* Link docs[0..n) into stories and find the copies among them (opts NULL
 * for the defaults; bg may be NULL for no background). Term weights are
 * (1 + ln count) * idf, idf(s) = ln((N + B) / (df(s) + B p(s) + 0.5)) with
 * N = n, df(s) the documents whose signature holds s, B =
 * ABG_BACKGROUND_WEIGHT and p(s) = abg_background_share; each document's
 * vector is L2-normalised. The result depends only on the set of documents,
 * not on their order in docs. Nothing of docs is kept. A bad option fails
 * with ABG_EUSAGE; else 0 or ABG_ENOMEM. Free *out with abg_stories_free. */
int abg_stories_new(abg_stories **out, abg_ctx *ctx, const abg_story_doc *docs, size_t n,
                    const abg_background *bg, const abg_story_options *opts);
void abg_stories_free(abg_stories *st);
/* The number of stories; they are numbered 0.. by their first document in
 * the canonical order (day, undated last; then doc id in byte order). */
size_t abg_stories_count(const abg_stories *st);
/* The story of docs[i]. */
size_t abg_stories_story(const abg_stories *st, size_t i);
/* The index of the document docs[i] is a copy of, or SIZE_MAX. */
size_t abg_stories_copy_of(const abg_stories *st, size_t i);
/* Cosine of the weighted vectors of docs[i] and docs[j], 0..1. */
double abg_stories_similarity(const abg_stories *st, size_t i, size_t j);

#endif
