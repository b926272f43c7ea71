/*
 * lexicon.c: the lexicon behind claims: rules/claims.de (and the user's
 * files), and the German dictionary used as evidence against names.
 *
 * In:  lexicon files (format in rules/claims.de), a word list.
 * Out: an abg_lexicon, freed with abg_lexicon_free.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "claims.h"
#include "ctx.h"
#include "text.h"
#include "utf8.h"

#define LEXICON_MAX_SIZE ((size_t)16 << 20)
#define DICTIONARY_MAX_SIZE ((size_t)64 << 20)
#define MAX_NAME_WORDS 6

/* ---- the dictionary ---- */

static size_t dict_slot(const abg_dict *d, const char *s, size_t n)
{
    uint64_t h = abg_hash(s, n);
    size_t i, mask = d->cap - 1;

    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    for (i = (size_t)h & mask; d->slots[i]; i = (i + 1) & mask) {
        const char *w = d->words + d->slots[i] - 1;
        if (!memcmp(w, s, n) && w[n] == '\0')
            break;
    }
    return i;
}

static bool dict_has(const abg_lexicon *lex, const char *s, size_t n)
{
    return lex->dict.count && lex->dict.slots[dict_slot(&lex->dict, s, n)] != 0;
}

/* s[0..n) is a dictionary word or a compound of them; `depth` bounds the
 * parts. Parts have at least three bytes, and a word of six bytes is no
 * compound of two three-byte words: Uniper is no Uni + per. */
static bool compound(const abg_lexicon *lex, const char *s, size_t n, int depth)
{
    size_t i;

    if (dict_has(lex, s, n))
        return true;
    if (depth == 0 || n < 7)
        return false;
    for (i = 3; i + 3 <= n; i++) {
        static const char *const links[] = {"", "s", "es", "n", "en", "e"};
        size_t k;
        if (((unsigned char)s[i] & 0xC0) == 0x80)
            continue; /* inside a character */
        if (!dict_has(lex, s, i))
            continue;
        for (k = 0; k < sizeof links / sizeof links[0]; k++) {
            size_t l = strlen(links[k]);
            if (i + l + 3 > n || memcmp(s + i, links[k], l))
                continue;
            if (compound(lex, s + i + l, n - i - l, depth - 1))
                return true;
        }
    }
    return false;
}

bool abg_lexicon_german(const abg_lexicon *lex, const char *folded, size_t len)
{
    static const char *const suffixes[] = {"ung",  "ungen", "heit",  "keit", "schaft",
                                           "enz",  "ion",   "ionen", "tät",  "ismus",
                                           "nis",  "tum",   "ling",  "ment", "ität"};
    size_t k;

    if (lex->dict.count == 0)
        return false;
    if (compound(lex, folded, len, 3))
        return true;
    if (len > 1 && folded[len - 1] == 's' && compound(lex, folded, len - 1, 3))
        return true; /* genitive */
    for (k = 0; len >= 6 && k < sizeof suffixes / sizeof suffixes[0]; k++) {
        size_t l = strlen(suffixes[k]);
        if (len > l + 2 && !memcmp(folded + len - l, suffixes[k], l))
            return true;
    }
    return false;
}

/* ---- the lexicon file ---- */

typedef struct {
    abg_lexicon *lex;
    abg_ctx *ctx;
    abg_stemmer *stemmer;
    abg_buf fold;
    const char *path;
    unsigned lineno;
    size_t measure; /* the measure of the current `measure` line */
    bool weak;      /* its cues are weak */
} loader;

static int bad(loader *ld, const char *what)
{
    return abg_error(ld->ctx, ABG_EUSAGE, "%s:%u: %s", ld->path, ld->lineno, what);
}

static int oom(loader *ld)
{
    return abg_error_oom(ld->ctx);
}

/* Trim s[0..*n) of blanks in place; returns the new start. */
static const char *trim(const char *s, size_t *n)
{
    while (*n && (*s == ' ' || *s == '\t')) {
        s++;
        (*n)--;
    }
    while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r'))
        (*n)--;
    return s;
}

/* The stem of one word into a new string. */
static char *stem_of(loader *ld, const char *w, size_t n)
{
    const char *st;
    size_t sl;

    if (abg_stem(&st, &sl, ld->stemmer, w, n) < 0)
        return NULL;
    return abg_strndup(st, sl);
}

/* The stem a noun has as the end of a long compound, when it differs from
 * its own stem (and is 3 bytes or more); "" otherwise. The word is stemmed
 * behind a made-up front long enough that every suffix rule applies. */
static char *compound_stem(loader *ld, const char *w, size_t n)
{
    static const char front[] = "babababa";
    char *buf = malloc(sizeof front + n), *all, *own;
    size_t fl = sizeof front - 1;

    if (!buf)
        return NULL;
    memcpy(buf, front, fl);
    abg_buf_truncate(&ld->fold, 0);
    if (abg_fold(&ld->fold, w, n) < 0) {
        free(buf);
        return abg_strdup("");
    }
    memcpy(buf + fl, ld->fold.data, ld->fold.len);
    all = stem_of(ld, buf, fl + ld->fold.len);
    own = stem_of(ld, w, n);
    free(buf);
    if (!all || !own) {
        free(all);
        free(own);
        return NULL;
    }
    if (strncmp(all, front, fl) || strlen(all + fl) < 3 || !strcmp(all + fl, own)) {
        free(all);
        free(own);
        return abg_strdup("");
    }
    memmove(all, all + fl, strlen(all + fl) + 1);
    free(own);
    return all;
}

/* The folded form of one word, in ld->fold. */
static int fold_word(loader *ld, const char *w, size_t n)
{
    abg_buf_truncate(&ld->fold, 0);
    return abg_fold(&ld->fold, w, n) < 0 ? -1 : 0;
}

typedef enum {
    K_NAME,
    K_ALIAS,
    K_NOTNAME,
    K_SAME,
    K_IGNORE,
    K_EVENT,
    K_MEASURE,
    K_NOTMEASURE,
    K_COUNTED,
    K_CHANGE,
    K_CHANGEVERB,
    K_NOW,
    K_FORMERLY,
    K_BEFORE,
    K_AFTER,
    K_RELATIVE,
    K_APPOSITION,
    K_LEGALFORM,
    K_FIRSTNAME,
    K_AGENCY
} kind;

/* Does w start with a capital letter (A-Z, Ä, Ö, Ü)? */
static bool utf8_is_upper_start(const char *w, size_t n)
{
    const unsigned char *u = (const unsigned char *)w;

    if (n && u[0] >= 'A' && u[0] <= 'Z')
        return true;
    return n > 1 && u[0] == 0xC3 && (u[1] == 0x84 || u[1] == 0x96 || u[1] == 0x9C);
}

/* The folded words of w[0..n), joined by single spaces, in ld->fold.
 * Returns the number of words, 0 for bad UTF-8. */
static size_t fold_phrase(loader *ld, const char *w, size_t n)
{
    abg_buf one = ABG_BUF_INIT;
    size_t i = 0, words = 0;

    abg_buf_truncate(&ld->fold, 0);
    while (i < n) {
        size_t j = i;
        while (j < n && w[j] != ' ' && w[j] != '\t')
            j++;
        if (j > i) {
            abg_buf_truncate(&one, 0);
            if (abg_fold(&one, w + i, j - i) < 0 ||
                (words && abg_buf_putc(&ld->fold, ' ') < 0) ||
                abg_buf_put(&ld->fold, one.data, one.len) < 0) {
                abg_buf_dispose(&one);
                return 0;
            }
            words++;
        }
        i = j + 1;
    }
    abg_buf_dispose(&one);
    return words;
}

/* Add `index` to the comma-separated list of indices key maps to. */
static int add_index(abg_strset *set, const char *key, size_t n, size_t index)
{
    const char *old = abg_strset_get(set, key, n);
    char *v = malloc((old ? strlen(old) : 0) + 24);
    int err;

    if (!v)
        return ABG_ENOMEM;
    if (old)
        snprintf(v, strlen(old) + 24, "%s,%zu", old, index);
    else
        snprintf(v, 24, "%zu", index);
    err = abg_strset_put(set, key, n, v);
    free(v);
    return err;
}

/* A measure cue: a capitalised word is a noun (by its stem), anything else
 * a word form or phrase (folded). */
/* "VERB … PARTICLE" (or "VERB ... PARTICLE"): where the verb ends and the
 * particle starts. */
static bool split_at(const char *w, size_t n, size_t *cut, size_t *rest)
{
    size_t i;

    for (i = 0; i + 3 <= n; i++) {
        size_t l = !memcmp(w + i, "\xe2\x80\xa6", 3) ? 3 : !memcmp(w + i, "...", 3) ? 3 : 0;
        if (!l)
            continue;
        *cut = i;
        while (*cut && w[*cut - 1] == ' ')
            (*cut)--;
        for (*rest = i + l; *rest < n && w[*rest] == ' '; (*rest)++)
            ;
        return *cut > 0 && *rest < n;
    }
    return false;
}

static int add_cue(loader *ld, const char *w, size_t n, size_t index)
{
    abg_lexicon *lex = ld->lex;
    size_t words, cut, rest, plain;
    char *st;
    int err;

    if (!memchr(w, ' ', n) && utf8_is_upper_start(w, n)) {
        if (!(st = stem_of(ld, w, n)))
            return oom(ld);
        if (strlen(st) < 3) {
            free(st);
            return bad(ld, "a noun cue needs a stem of three letters or more");
        }
        if (!lex->min_mnoun || strlen(st) < lex->min_mnoun)
            lex->min_mnoun = strlen(st);
        plain = strlen(st);
        err = add_index(ld->weak ? &lex->mweak : &lex->mnouns, st, strlen(st), index);
        free(st);
        if (err < 0)
            return oom(ld);
        if (!ld->weak && (fold_word(ld, w, n) < 0 ||
                          add_index(&lex->msurface, ld->fold.data, ld->fold.len, index) < 0))
            return oom(ld);
        /* as the end of a compound the word may stem shorter (Snowball
         * strips more in long words: Gesamtleistung, gesamtleist), but
         * not by a whole suffix more: Pünktlichkeit would stem to punkt,
         * the stem of Punkte */
        if (!(st = compound_stem(ld, w, n)))
            return oom(ld);
        err = *st && strlen(st) + 3 >= plain
                  ? add_index(ld->weak ? &lex->mweak : &lex->mnouns, st, strlen(st), index)
                  : 0;
        free(st);
        return err < 0 ? oom(ld) : 0;
    }
    if (split_at(w, n, &cut, &rest)) {
        /* "setzte … um": the verb, and its particle later in the clause */
        abg_split_cue *p = realloc(lex->splits, (lex->nsplits + 1) * sizeof *p);
        if (!p)
            return oom(ld);
        lex->splits = p;
        p += lex->nsplits;
        memset(p, 0, sizeof *p);
        if (fold_phrase(ld, w, cut) != 1 || !(p->verb = abg_strndup(ld->fold.data, ld->fold.len)))
            return p->verb ? oom(ld) : bad(ld, "a separable verb is VERB … PARTICLE");
        if (fold_phrase(ld, w + rest, n - rest) != 1 ||
            !(p->particle = abg_strndup(ld->fold.data, ld->fold.len))) {
            free(p->verb);
            return bad(ld, "a separable verb is VERB … PARTICLE");
        }
        snprintf(p->index, sizeof p->index, "%zu", index);
        lex->nsplits++;
        return 0;
    }
    if (!(words = fold_phrase(ld, w, n)))
        return bad(ld, "bad word");
    if (words > lex->max_mwords)
        lex->max_mwords = words;
    if (words == 1 && !ld->weak) {
        if (!(st = stem_of(ld, w, n)))
            return oom(ld);
        err = strlen(st) >= 3 ? add_index(&lex->mverbs, st, strlen(st), index) : 0;
        free(st);
        if (err < 0)
            return oom(ld);
        if (fold_phrase(ld, w, n) != 1) /* stem_of used the buffer */
            return bad(ld, "bad word");
    }
    return add_index(ld->weak ? &lex->mweak : &lex->mwords, ld->fold.data, ld->fold.len,
                     index) < 0
               ? oom(ld)
               : 0;
}

/* "day -1": the unit as a digit, then the number. */
static int add_relative(loader *ld, const char *w, size_t n, const char *head, size_t hn)
{
    static const char *const units[] = {"day", "week", "year", "weekday", "month", "quarter"};
    char value[32], unit[16];
    size_t words, k;
    long num;
    char *end;

    if (sscanf(head, "%15s", unit) != 1 || strlen(unit) >= hn)
        return bad(ld, "relative WORDS = UNIT N (UNIT: day, week, year, weekday, month, quarter)");
    for (k = 0; k < 6 && strcmp(units[k], unit); k++)
        ;
    if (k == 6)
        return bad(ld, "unknown unit (day, week, year, weekday, month, quarter)");
    num = strtol(head + strlen(unit), &end, 10);
    while (end < head + hn && (*end == ' ' || *end == '\t'))
        end++;
    if (end != head + hn || num < -400 || num > 400 || (k == 3 && (num < 1 || num > 7)) ||
        (k == 4 && (num < 1 || num > 12)) || (k == 5 && (num < 1 || num > 4)))
        return bad(ld, "relative WORDS = UNIT N: N is a small number (1-7 for weekday, 1-12 "
                       "for month, 1-4 for quarter)");
    if (!(words = fold_phrase(ld, w, n)))
        return bad(ld, "bad word");
    if (words > ld->lex->max_relwords)
        ld->lex->max_relwords = words;
    snprintf(value, sizeof value, "%zu %ld", k + 1, num);
    return abg_strset_put(&ld->lex->relative, ld->fold.data, ld->fold.len, value) < 0 ? oom(ld)
                                                                                      : 0;
}

/* One item of a list line. `head` is the left side of alias/same. */
static int add_item(loader *ld, kind k, const char *w, size_t n, const char *head, size_t hn)
{
    abg_lexicon *lex = ld->lex;
    size_t words = 1, i;
    char *st = NULL;
    int err = 0;

    for (i = 0; i < n; i++)
        words += w[i] == ' ';
    switch (k) {
    case K_NAME:
        if (words > MAX_NAME_WORDS)
            return bad(ld, "a name has at most 6 words");
        if (words > lex->max_name_words)
            lex->max_name_words = words;
        err = abg_strset_add(&lex->names, w, n);
        break;
    case K_ALIAS: {
        char *name = abg_strndup(head, hn);
        if (!name)
            return oom(ld);
        err = abg_strset_put(&lex->alias, w, n, name);
        free(name);
        if (!err && words > lex->max_name_words)
            lex->max_name_words = words;
        break;
    }
    case K_NOTNAME:
        err = abg_strset_add(&lex->notnames, w, n);
        break;
    case K_LEGALFORM:
        err = abg_strset_add(&lex->legalforms, w, n);
        break;
    case K_FIRSTNAME:
        err = abg_strset_add(&lex->firstnames, w, n);
        break;
    case K_AGENCY:
        if (words > MAX_NAME_WORDS)
            return bad(ld, "a name has at most 6 words");
        if (words > lex->max_name_words)
            lex->max_name_words = words;
        if (!(err = abg_strset_add(&lex->names, w, n)))
            err = abg_strset_add(&lex->agencies, w, n);
        if (!err && head) {
            char *place = abg_strndup(head, hn);
            if (!place)
                return oom(ld);
            err = abg_strset_put(&lex->agency_place, w, n, place);
            free(place);
        }
        break;
    case K_APPOSITION:
        if (fold_word(ld, w, n) < 0)
            return bad(ld, "bad word");
        err = abg_strset_add(&lex->appositions, ld->fold.data, ld->fold.len);
        break;
    case K_SAME: {
        char *to = stem_of(ld, head, hn);
        if (!to || !(st = stem_of(ld, w, n))) {
            free(to);
            return oom(ld);
        }
        err = abg_strset_put(&lex->same, st, strlen(st), to);
        free(to);
        break;
    }
    case K_IGNORE:
    case K_EVENT:
    case K_NOTMEASURE:
    case K_COUNTED: {
        abg_strset *set = k == K_IGNORE ? &lex->ignore : k == K_EVENT ? &lex->events
                                                                      : &lex->notmeasure;
        if (!(st = stem_of(ld, w, n)))
            return oom(ld);
        err = abg_strset_add(set, st, strlen(st));
        if (!err && k == K_COUNTED)
            err = abg_strset_add(&lex->counted, st, strlen(st));
        if (!err && k != K_IGNORE) {
            free(st);
            if (!(st = compound_stem(ld, w, n)))
                return oom(ld);
            err = *st ? abg_strset_add(set, st, strlen(st)) : 0;
            if (!err && *st && k == K_COUNTED)
                err = abg_strset_add(&lex->counted, st, strlen(st));
        }
        break;
    }
    case K_MEASURE:
        return add_cue(ld, w, n, ld->measure);
    case K_RELATIVE:
        return add_relative(ld, w, n, head, hn);
    case K_CHANGE:
    case K_CHANGEVERB:
    case K_NOW:
    case K_FORMERLY:
    case K_BEFORE:
    case K_AFTER: {
        abg_strset *set = k == K_CHANGE       ? &lex->change
                          : k == K_CHANGEVERB ? &lex->changeverb
                          : k == K_NOW        ? &lex->now
                          : k == K_FORMERLY   ? &lex->formerly
                          : k == K_BEFORE     ? &lex->before
                                              : &lex->after;
        if (fold_word(ld, w, n) < 0)
            return bad(ld, "bad word");
        err = abg_strset_add(set, ld->fold.data, ld->fold.len);
        break;
    }
    }
    free(st);
    return err < 0 ? oom(ld) : 0;
}

/* "NAME [TYPE...] [FLAG...]" of a measure line: a new measure, or the one
 * of that name (its cues add up; types and flags must agree). */
/* The flag of a `measure` line's word, or 0. */
static unsigned measure_flag(const char *word)
{
    static const struct {
        const char *word;
        unsigned flag;
    } flags[] = {{"object", ABG_MEASURE_OBJECT},     {"running", ABG_MEASURE_RUNNING},
                 {"moving", ABG_MEASURE_MOVING},     {"duration", ABG_MEASURE_DURATION},
                 {"match", ABG_MEASURE_MATCH},       {"period", ABG_MEASURE_PERIOD},
                 {"election", ABG_MEASURE_ELECTION}, {"deal", ABG_MEASURE_DEAL}};
    size_t i;

    for (i = 0; i < sizeof flags / sizeof *flags; i++)
        if (!strcmp(flags[i].word, word))
            return flags[i].flag;
    return 0;
}

static int add_measure(loader *ld, const char *s, size_t n)
{
    static const char *const types[] = {"money", "percent", "date", "quantity"};
    abg_lexicon *lex = ld->lex;
    abg_measure_def def = {NULL, 0, 0};
    char word[64];
    size_t i = 0, k, m;
    unsigned f;
    bool first = true;

    ld->weak = false;
    while (i < n) {
        size_t j;
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        for (j = i; j < n && s[j] != ' ' && s[j] != '\t'; j++)
            ;
        if (j == i)
            break;
        if (j - i >= sizeof word) {
            free(def.name);
            return bad(ld, "word too long");
        }
        memcpy(word, s + i, j - i);
        word[j - i] = '\0';
        i = j;
        if (first) {
            abg_buf_truncate(&ld->fold, 0);
            if (abg_fold(&ld->fold, word, strlen(word)) < 0 ||
                !(def.name = abg_strndup(ld->fold.data, ld->fold.len)))
                return oom(ld);
            first = false;
            continue;
        }
        for (k = 0; k < 4 && strcmp(types[k], word); k++)
            ;
        if (k < 4)
            def.types |= 1u << (k + ABG_FACT_MONEY);
        else if ((f = measure_flag(word)))
            def.flags |= f;
        else if (!strcmp(word, "weak"))
            ld->weak = true;
        else {
            free(def.name);
            return bad(ld, "unknown measure type or flag (money, percent, date, quantity, "
                           "object, running, moving, duration, match, period, election, deal, weak)");
        }
    }
    if (!def.name)
        return bad(ld, "measure without a name");
    for (m = 0; m < lex->nmeasures; m++) {
        const abg_measure_def *d = &lex->measures[m];
        if (strcmp(d->name, def.name) || d->types != def.types)
            continue;
        free(def.name);
        if (d->flags != def.flags)
            return bad(ld, "the flags differ from an earlier line of this measure");
        ld->measure = m; /* the cues of this line add to it */
        return 0;
    }
    if (lex->nmeasures == lex->capmeasures) {
        size_t c = lex->capmeasures ? lex->capmeasures * 2 : 64;
        abg_measure_def *p = realloc(lex->measures, c * sizeof *p);
        if (!p) {
            free(def.name);
            return oom(ld);
        }
        lex->measures = p;
        lex->capmeasures = c;
    }
    ld->measure = lex->nmeasures;
    lex->measures[lex->nmeasures++] = def;
    return 0;
}

static int parse_line(loader *ld, const char *s, size_t n)
{
    static const struct {
        const char *word;
        kind k;
    } keys[] = {{"name", K_NAME},
                {"alias", K_ALIAS},
                {"notname", K_NOTNAME},
                {"same", K_SAME},
                {"ignore", K_IGNORE},
                {"event", K_EVENT},
                {"measure", K_MEASURE},
                {"notmeasure", K_NOTMEASURE},
                {"counted", K_COUNTED},
                {"change", K_CHANGE},
                {"changeverb", K_CHANGEVERB},
                {"now", K_NOW},
                {"formerly", K_FORMERLY},
                {"before", K_BEFORE},
                {"after", K_AFTER},
                {"relative", K_RELATIVE},
                {"apposition", K_APPOSITION},
                {"legalform", K_LEGALFORM},
                {"firstname", K_FIRSTNAME},
                {"agency", K_AGENCY}};
    const char *head = NULL, *p, *end = s + n;
    size_t kl = 0, hn = 0, i;
    int k = -1, err;

    while (kl < n && s[kl] != ' ' && s[kl] != '\t')
        kl++;
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strlen(keys[i].word) == kl && !memcmp(keys[i].word, s, kl))
            k = (int)keys[i].k;
    if (k < 0)
        return bad(ld, "unknown keyword (name, alias, notname, apposition, legalform, "
                       "firstname, agency, same, ignore, measure, notmeasure, counted, change, changeverb, "
                       "now, "
                       "formerly, before, after, event, relative)");
    p = s + kl;
    if (k == K_MEASURE) {
        const char *eq = memchr(p, '=', (size_t)(end - p));
        if (!eq)
            return bad(ld, "missing '=' (measure NAME [TYPE...] [FLAG...] = CUE, ...)");
        if ((err = add_measure(ld, p, (size_t)(eq - p))) < 0)
            return err;
        p = eq + 1;
    } else if (k == K_RELATIVE) {
        /* relative WORDS = UNIT N, WORDS = UNIT N, ... */
        while (p < end) {
            const char *comma = memchr(p, ',', (size_t)(end - p));
            const char *stop = comma ? comma : end;
            const char *eq = memchr(p, '=', (size_t)(stop - p));
            size_t wn, un;
            const char *w, *u;
            if (!eq)
                return bad(ld, "missing '=' (relative WORDS = UNIT N, ...)");
            wn = (size_t)(eq - p);
            w = trim(p, &wn);
            un = (size_t)(stop - eq - 1);
            u = trim(eq + 1, &un);
            if (!wn || !un)
                return bad(ld, "empty item");
            if ((err = add_item(ld, K_RELATIVE, w, wn, u, un)) < 0)
                return err;
            p = comma ? comma + 1 : end;
        }
        return 0;
    }
    if (k == K_AGENCY && memchr(p, '=', (size_t)(end - p))) {
        /* agency PLACE = NAME, ...: agencies that report for a place */
        const char *eq = memchr(p, '=', (size_t)(end - p));
        hn = (size_t)(eq - p);
        head = trim(p, &hn);
        if (!hn)
            return bad(ld, "nothing before '='");
        p = eq + 1;
    } else if (k == K_ALIAS || k == K_SAME) {
        const char *eq = memchr(p, '=', (size_t)(end - p));
        if (!eq)
            return bad(ld, "missing '=' (alias NAME = VARIANT, ...)");
        hn = (size_t)(eq - p);
        head = trim(p, &hn);
        if (!hn)
            return bad(ld, "nothing before '='");
        p = eq + 1;
    }
    while (p < end) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        size_t wn = (size_t)((comma ? comma : end) - p);
        const char *w = trim(p, &wn);
        if (!wn)
            return bad(ld, "empty item");
        if ((err = add_item(ld, (kind)k, w, wn, head, hn)) < 0)
            return err;
        p = comma ? comma + 1 : end;
    }
    return 0;
}

static int load_file(loader *ld, const char *path)
{
    abg_buf raw = ABG_BUF_INIT;
    size_t pos = 0;
    int err;

    ld->path = path;
    ld->lineno = 0;
    if ((err = abg_buf_read_file(&raw, ld->ctx, path, LEXICON_MAX_SIZE)) < 0) {
        abg_buf_dispose(&raw);
        return err == ABG_ENOMEM ? err : abg_error(ld->ctx, ABG_EUSAGE, "%s",
                                                    abg_ctx_message(ld->ctx));
    }
    while (pos < raw.len && !err) {
        const char *line = raw.data + pos, *hash;
        const char *nl = memchr(line, '\n', raw.len - pos);
        size_t n = nl ? (size_t)(nl - line) : raw.len - pos;
        pos += nl ? n + 1 : n;
        ld->lineno++;
        if (abg_utf8_check(line, n) != n) {
            err = bad(ld, "invalid utf-8");
            break;
        }
        if ((hash = memchr(line, '#', n)))
            n = (size_t)(hash - line);
        line = trim(line, &n);
        if (n)
            err = parse_line(ld, line, n);
    }
    abg_buf_dispose(&raw);
    return err;
}

/* The folded form of a word made of ASCII letters and German umlauts, as
 * abg_fold would give it, without its Unicode tables (a word list has
 * hundreds of thousands of words); false for any other word. */
static bool quick_fold(abg_buf *out, const char *w, size_t n)
{
    size_t i;

    abg_buf_truncate(out, 0);
    if (abg_buf_grow(out, n) < 0)
        return false;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c < 0x80) {
            out->data[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)w[i + 1];
            if (d == 0x84 || d == 0x96 || d == 0x9C) /* Ä Ö Ü */
                d += 0x20;
            else if (d != 0xA4 && d != 0xB6 && d != 0xBC && d != 0x9F) /* ä ö ü ß */
                return false;
            out->data[i] = (char)c;
            out->data[++i] = (char)d;
        } else {
            return false;
        }
    }
    out->len = n;
    out->data[n] = '\0';
    return true;
}

static int load_dictionary(loader *ld, const char *path)
{
    abg_dict *d = &ld->lex->dict;
    abg_buf raw = ABG_BUF_INIT, all = ABG_BUF_INIT;
    size_t pos = 0, lines = 1, k;
    int err;

    if ((err = abg_buf_read_file(&raw, ld->ctx, path, DICTIONARY_MAX_SIZE)) < 0) {
        abg_buf_dispose(&raw);
        return err == ABG_ENOMEM ? err : abg_error(ld->ctx, ABG_EUSAGE, "%s",
                                                    abg_ctx_message(ld->ctx));
    }
    for (k = 0; k < raw.len; k++)
        lines += raw.data[k] == '\n';
    for (d->cap = 1024; d->cap < lines * 2; d->cap *= 2)
        ;
    if (!(d->slots = calloc(d->cap, sizeof *d->slots)) || abg_buf_grow(&all, raw.len + 1) < 0)
        err = abg_error_oom(ld->ctx);
    while (pos < raw.len && !err) {
        const char *line = raw.data + pos;
        const char *nl = memchr(line, '\n', raw.len - pos);
        size_t n = nl ? (size_t)(nl - line) : raw.len - pos, i;
        pos += nl ? n + 1 : n;
        line = trim(line, &n);
        if (!n || abg_utf8_check(line, n) != n)
            continue; /* a word list in another encoding adds nothing */
        if (!quick_fold(&ld->fold, line, n) && fold_word(ld, line, n) < 0)
            continue;
        d->words = all.data; /* the slot search reads the words so far */
        i = dict_slot(d, ld->fold.data, ld->fold.len);
        if (d->slots[i])
            continue;
        if (all.len >= UINT32_MAX - ld->fold.len - 2) {
            err = abg_error(ld->ctx, ABG_ELIMIT, "%s: word list too large", path);
            break;
        }
        d->slots[i] = (uint32_t)all.len + 1;
        if (abg_buf_put(&all, ld->fold.data, ld->fold.len) < 0 || abg_buf_putc(&all, '\0') < 0)
            err = abg_error_oom(ld->ctx);
        d->count++;
    }
    abg_buf_dispose(&raw);
    d->words = all.data;
    d->size = all.len;
    return err;
}

int abg_lexicon_new(abg_lexicon **out, abg_ctx *ctx, const abg_lexicon_options *opts)
{
    loader ld;
    size_t i;
    int err = 0;

    *out = NULL;
    if (!opts || !opts->lang)
        return abg_error(ctx, ABG_EUSAGE, "the lexicon needs the language resources");
    memset(&ld, 0, sizeof ld);
    ld.ctx = ctx;
    if (!(ld.lex = calloc(1, sizeof *ld.lex)) || abg_stemmer_new(&ld.stemmer) < 0) {
        free(ld.lex);
        return abg_error_oom(ctx);
    }
    ld.lex->lang = opts->lang;
    ld.lex->max_name_words = 1;
    for (i = 0; i < opts->npaths && !err; i++)
        err = load_file(&ld, opts->paths[i]);
    if (!err && opts->dictionary)
        err = load_dictionary(&ld, opts->dictionary);
    abg_stemmer_free(ld.stemmer);
    abg_buf_dispose(&ld.fold);
    if (err) {
        abg_lexicon_free(ld.lex);
        return err;
    }
    *out = ld.lex;
    return 0;
}

void abg_lexicon_free(abg_lexicon *lex)
{
    if (!lex)
        return;
    abg_strset_dispose(&lex->names);
    abg_strset_dispose(&lex->alias);
    abg_strset_dispose(&lex->notnames);
    abg_strset_dispose(&lex->appositions);
    abg_strset_dispose(&lex->legalforms);
    abg_strset_dispose(&lex->firstnames);
    abg_strset_dispose(&lex->agencies);
    abg_strset_dispose(&lex->agency_place);
    free(lex->dict.words);
    free(lex->dict.slots);
    abg_strset_dispose(&lex->same);
    abg_strset_dispose(&lex->ignore);
    abg_strset_dispose(&lex->events);
    for (size_t i = 0; i < lex->nmeasures; i++)
        free(lex->measures[i].name);
    free(lex->measures);
    abg_strset_dispose(&lex->mnouns);
    abg_strset_dispose(&lex->msurface);
    abg_strset_dispose(&lex->mwords);
    abg_strset_dispose(&lex->mweak);
    abg_strset_dispose(&lex->mverbs);
    for (size_t i = 0; i < lex->nsplits; i++) {
        free(lex->splits[i].verb);
        free(lex->splits[i].particle);
    }
    free(lex->splits);
    abg_strset_dispose(&lex->notmeasure);
    abg_strset_dispose(&lex->counted);
    abg_strset_dispose(&lex->change);
    abg_strset_dispose(&lex->changeverb);
    abg_strset_dispose(&lex->now);
    abg_strset_dispose(&lex->formerly);
    abg_strset_dispose(&lex->before);
    abg_strset_dispose(&lex->after);
    abg_strset_dispose(&lex->relative);
    free(lex);
}

const abg_measure_def *abg_lexicon_measure(const abg_lexicon *lex, const char *indices,
                                           abg_fact_type type)
{
    const char *p = indices;

    while (p && *p) {
        char *end;
        unsigned long i = strtoul(p, &end, 10);
        if (end == p)
            break;
        if (i < lex->nmeasures &&
            (!lex->measures[i].types || (lex->measures[i].types & (1u << type))))
            return &lex->measures[i];
        p = *end == ',' ? end + 1 : NULL;
    }
    return NULL;
}
