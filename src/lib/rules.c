/*
 * rules.c: the fact rule files (rules/de.rules), parsed and compiled.
 *
 * In:  rule files, UTF-8, one statement a line ('#' starts a comment line):
 *        define NAME PATTERN         a sub-pattern, used as {NAME}
 *        map KIND VALUE [FACTOR] = KEY, KEY, ...
 *                                    words and what they stand for; {@KIND}
 *                                    in a pattern matches the longest key
 *                                    of KIND (written as a trie)
 *        rule ID                     starts a rule; its lines follow:
 *          type     money|percent|date|quantity
 *          desc     free text
 *          pattern  PCRE2 pattern (several lines are joined)
 *          context  currency         take a missing currency from the sentence
 *          context  year             a bare year: only where it reads as a time
 *                                    adverbial (see extract.c, year_adverbial)
 *          before   PATTERN          words that may stand right before a match
 *                                    and then belong to its fact (qualifiers)
 *          require  before           a match counts only with such words
 * Out: an abg_rules (abg_rules_free), read-only afterwards.
 *
 * Each rule also gets the set of bytes a match may start with (PCRE2's
 * study of the pattern, with \d read as any digit or non-ASCII character
 * so that PCRE2 can tell), so that extract.c tries a rule only where it
 * may match. The gated defines (gated_defines) are left out of that set:
 * a match may start with a number word (WORDNUM) only where the program
 * reads a number word (abg_num_parse), with MINUS only at a "-" or the
 * word minus before a digit or a number word,
 * with ORD only at an ordinal (erste ... vierte) and with MONTH only at a
 * word of map month, which saves trying the rules at nearly every word.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ctx.h"
#include "extract.h"
#include "strset.h"

#define RULES_MAX_FILE ((size_t)4 << 20)
#define RULES_MAX_DEPTH 16
/* The gated defines (see the head of this file and ABG_GATE_*). */
static const struct {
    const char *name;
    unsigned gate;
} gated_defines[] = {{"WORDNUM", ABG_GATE_NUMWORD},
                     {"MINUS", ABG_GATE_MINUS},
                     {"ORD", ABG_GATE_ORDINAL},
                     {"MONTH", ABG_GATE_MONTH}};

const char *const abg_group_names[G_COUNT] = {
    "qual",   "sign",    "num",     "scale",  "cur",      "sign_to",  "num_to",
    "scale_to", "cur_to", "unit",   "pp",     "day",      "month",    "year",
    "quarter", "half",   "day_to",  "month_to", "year_to", "from",    "to",     "noun",
    "cents",  "fact",    "per",    "clock"};

typedef struct {
    char *name;
    char *pattern;
} define;

typedef struct {
    abg_rules *rules;
    define *defs;
    size_t ndefs, defcap;
    char **raw; /* the unexpanded pattern of each rule */
    char **raw_before; /* the unexpanded before pattern of each rule, or NULL */
    char **keys_raw; /* per map entry: the key as written (parallel to maps) */
} loader;

/* The interned counted nouns (abg_rules_word): an open-addressing hash set
 * of strings, grown under its lock. At most WORDS_MAX words of at most
 * WORDS_MAX_LEN bytes: the distinct nouns of any corpus are far fewer. */
#define WORDS_MAX ((size_t)1 << 20)
#define WORDS_MAX_LEN 255

struct abg_words {
    pthread_mutex_t lock;
    char **slot;
    size_t cap, n;
};

static struct abg_words *words_new(void)
{
    struct abg_words *w = calloc(1, sizeof *w);

    if (!w)
        return NULL;
    if (pthread_mutex_init(&w->lock, NULL) != 0) {
        free(w);
        return NULL;
    }
    return w;
}

static void words_free(struct abg_words *w)
{
    size_t i;

    if (!w)
        return;
    for (i = 0; i < w->cap; i++)
        free(w->slot[i]);
    free(w->slot);
    pthread_mutex_destroy(&w->lock);
    free(w);
}

static size_t words_hash(const char *s, size_t len)
{
    return (size_t)abg_hash(s, len);
}

/* The slot of s[0..len) in a table of cap slots (a power of two): where it
 * is, or the empty slot where it belongs. */
static size_t words_find(char **slot, size_t cap, const char *s, size_t len)
{
    size_t i = words_hash(s, len) & (cap - 1);

    while (slot[i] && !(strncmp(slot[i], s, len) == 0 && slot[i][len] == '\0'))
        i = (i + 1) & (cap - 1);
    return i;
}

static int words_grow(struct abg_words *w)
{
    size_t cap = w->cap ? w->cap * 2 : 1024, i;
    char **slot = calloc(cap, sizeof *slot);

    if (!slot)
        return -1;
    for (i = 0; i < w->cap; i++)
        if (w->slot[i])
            slot[words_find(slot, cap, w->slot[i], strlen(w->slot[i]))] = w->slot[i];
    free(w->slot);
    w->slot = slot;
    w->cap = cap;
    return 0;
}

const char *abg_rules_word(const abg_rules *rules, const char *s, size_t len)
{
    struct abg_words *w = rules->words;
    const char *out = NULL;
    size_t i;

    if (!w || len == 0 || len > WORDS_MAX_LEN || memchr(s, '\0', len))
        return NULL;
    pthread_mutex_lock(&w->lock);
    if (w->cap) {
        i = words_find(w->slot, w->cap, s, len);
        if (w->slot[i]) {
            out = w->slot[i];
            goto done;
        }
    }
    if (w->n >= WORDS_MAX || ((w->n + 1) * 2 > w->cap && words_grow(w) < 0))
        goto done;
    i = words_find(w->slot, w->cap, s, len);
    if ((w->slot[i] = abg_strndup(s, len))) {
        out = w->slot[i];
        w->n++;
    }
done:
    pthread_mutex_unlock(&w->lock);
    return out;
}

/* A compiled before pattern, shared by the rules that use it. */
struct abg_before {
    char *pattern; /* expanded */
    abg_regex *re;
    int qual[4];
    int nqual;
    unsigned char first[32];
};

static void rule_dispose(abg_rule *r)
{
    free(r->id);
    free(r->file);
    free(r->pattern);
    free(r->needs);
    abg_regex_free(r->re); /* r->before is the rules' */
}

void abg_rules_free(abg_rules *rules)
{
    size_t i, j;

    if (!rules)
        return;
    for (i = 0; i < rules->n; i++)
        rule_dispose(&rules->rules[i]);
    free(rules->rules);
    for (i = 0; i < rules->nmaps; i++) {
        for (j = 0; j < rules->maps[i].n; j++) {
            free(rules->maps[i].entries[j].key);
            free(rules->maps[i].entries[j].value);
        }
        free(rules->maps[i].entries);
        free(rules->maps[i].slot);
        free(rules->maps[i].alt);
        free(rules->maps[i].kind);
    }
    free(rules->maps);
    abg_regex_free(rules->cur_any);
    words_free(rules->words);
    for (i = 0; i < rules->nbefores; i++) {
        free(rules->befores[i].pattern);
        abg_regex_free(rules->befores[i].re);
    }
    free(rules->befores);
    free(rules->need_words);
    free(rules->need_lens);
    free(rules);
}

size_t abg_rules_count(const abg_rules *rules)
{
    return rules ? rules->n : 0;
}

const abg_map *abg_rules_map(const abg_rules *rules, const char *kind)
{
    size_t i;

    for (i = 0; i < rules->nmaps; i++)
        if (strcmp(rules->maps[i].kind, kind) == 0)
            return &rules->maps[i];
    return NULL;
}

static size_t key_hash(const char *s, size_t len)
{
    uint64_t h = abg_hash(s, len);

    return (size_t)(h ^ (h >> 29));
}

/* The hash index of a map (abg_map.slot); -1 when memory runs out. */
static int map_index(abg_map *map)
{
    size_t cap = 16, i, j;

    while (cap < map->n * 2 + 2)
        cap *= 2;
    free(map->slot);
    if (!(map->slot = calloc(cap, sizeof *map->slot))) {
        map->nslot = 0;
        return -1;
    }
    map->nslot = cap;
    for (i = 0; i < map->n; i++) {
        const char *k = map->entries[i].key;
        for (j = key_hash(k, strlen(k)) & (cap - 1); map->slot[j]; j = (j + 1) & (cap - 1))
            if (strcmp(map->entries[map->slot[j] - 1].key, k) == 0)
                break;
        if (!map->slot[j])
            map->slot[j] = i + 1;
    }
    return 0;
}

const abg_map_entry *abg_map_find(const abg_map *map, const char *s, size_t len)
{
    char key[256];
    int n;
    size_t i;

    if (!map)
        return NULL;
    n = abg_fold_key(key, sizeof key, s, len);
    if (n < 0)
        return NULL;
    if (map->nslot) {
        size_t klen = strlen(key);
        for (i = key_hash(key, klen) & (map->nslot - 1); map->slot[i];
             i = (i + 1) & (map->nslot - 1))
            if (strcmp(map->entries[map->slot[i] - 1].key, key) == 0)
                return &map->entries[map->slot[i] - 1];
        return NULL;
    }
    /* a key written with a trailing dot ("ca.") also matches without */
    for (i = 0; i < map->n; i++)
        if (strcmp(map->entries[i].key, key) == 0)
            return &map->entries[i];
    return NULL;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* The next word of *p (advanced past it and the blanks after it). */
static size_t next_word(const char **p, const char **word)
{
    const char *s = *p;
    size_t n = 0;

    while (is_space(*s))
        s++;
    *word = s;
    while (s[n] && !is_space(s[n]))
        n++;
    s += n;
    while (is_space(*s))
        s++;
    *p = s;
    return n;
}

static abg_map *map_get(abg_rules *rules, const char *kind, size_t klen)
{
    size_t i;
    abg_map *m;

    for (i = 0; i < rules->nmaps; i++)
        if (strlen(rules->maps[i].kind) == klen && memcmp(rules->maps[i].kind, kind, klen) == 0)
            return &rules->maps[i];
    m = realloc(rules->maps, (rules->nmaps + 1) * sizeof *m);
    if (!m)
        return NULL;
    rules->maps = m;
    m = &rules->maps[rules->nmaps];
    memset(m, 0, sizeof *m);
    if (!(m->kind = abg_strndup(kind, klen)))
        return NULL;
    rules->nmaps++;
    return m;
}

/* map KIND VALUE [FACTOR] = KEY, KEY ... */
static int parse_map(abg_rules *rules, abg_ctx *ctx, const char *where, const char *rest)
{
    const char *kind, *value, *w, *eq = strchr(rest, '=');
    size_t kl, vl, wl;
    abg_num factor = {1, 0};
    abg_map *map;
    const char *p = rest;

    if (!eq)
        return abg_error(ctx, ABG_EUSAGE, "%s: map needs '=' before its words", where);
    kl = next_word(&p, &kind);
    vl = next_word(&p, &value);
    if (!kl || !vl || kind + kl > eq || value + vl > eq)
        return abg_error(ctx, ABG_EUSAGE, "%s: map needs a kind and a value", where);
    if (p < eq) {
        wl = next_word(&p, &w);
        if (p != eq || abg_num_parse_plain(&factor, w, wl) < 0)
            return abg_error(ctx, ABG_EUSAGE, "%s: bad map factor", where);
    }
    if (!(map = map_get(rules, kind, kl)))
        return abg_error_oom(ctx);
    p = eq + 1;
    while (*p) {
        const char *end = strchr(p, ',');
        abg_map_entry *e;
        char key[256];
        int n;

        if (!end)
            end = p + strlen(p);
        n = abg_fold_key(key, sizeof key, p, (size_t)(end - p));
        if (n < 0)
            return abg_error(ctx, ABG_EUSAGE, "%s: map word too long", where);
        if (n > 0) {
            if (map->n == map->cap) {
                size_t c = map->cap ? map->cap * 2 : 16;
                abg_map_entry *x = realloc(map->entries, c * sizeof *x);
                if (!x)
                    return abg_error_oom(ctx);
                map->entries = x;
                map->cap = c;
            }
            e = &map->entries[map->n];
            memset(e, 0, sizeof *e);
            /* the key as written (trimmed) is kept after the folded one */
            {
                const char *a = p, *b = end;
                size_t fl = (size_t)n;
                while (a < b && is_space(*a))
                    a++;
                while (b > a && is_space(b[-1]))
                    b--;
                e->key = malloc(fl + 1 + (size_t)(b - a) + 1);
                if (!e->key)
                    return abg_error_oom(ctx);
                memcpy(e->key, key, fl + 1);
                memcpy(e->key + fl + 1, a, (size_t)(b - a));
                e->key[fl + 1 + (size_t)(b - a)] = '\0';
            }
            if (!(e->value = abg_strndup(value, vl)))
                return abg_error_oom(ctx);
            e->factor = factor;
            map->n++;
        }
        p = *end ? end + 1 : end;
    }
    return 0;
}

/* The key as written, stored after the folded key. */
static const char *key_raw(const abg_map_entry *e)
{
    return e->key + strlen(e->key) + 1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The length of the character at s (a space stands for white space). */
static size_t char_len(const char *s)
{
    unsigned char c = (unsigned char)*s;

    if (c < 0x80)
        return 1;
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

static int put_char(abg_buf *out, const char *s, size_t n)
{
    if (n == 1 && *s == ' ')
        return abg_buf_puts(out, "\\s+");
    if (n == 1 && strchr("\\^$.|?*+()[]{}-/#", *s)) {
        int err = abg_buf_putc(out, '\\');
        return err ? err : abg_buf_putc(out, *s);
    }
    return abg_buf_put(out, s, n);
}

/* The first of keys[g..n) whose character at byte d differs from keys[g]'s. */
static size_t next_branch(const char **keys, size_t n, size_t g, size_t d)
{
    size_t cl = char_len(keys[g] + d), h = g + 1;

    while (h < n && strncmp(keys[h] + d, keys[g] + d, cl) == 0)
        h++;
    return h;
}

/* The sorted keys[0..n), all alike in their first d bytes, as a pattern
 * that branches on one character at a time (a trie): PCRE2 then looks at
 * each character once instead of trying every key. At each branch the
 * longer keys come first and a key that ends there last, so the longest
 * key that fits wins, as in an alternation of all keys longest first. */
static int put_trie(abg_buf *out, const char **keys, size_t n, size_t d)
{
    size_t i = 0, branches = 0, g;
    int ends = 0, err = 0;

    if (n > 0 && keys[0][d] == '\0') {
        ends = 1; /* sorted: the key that ends here comes first */
        i = 1;
    }
    for (g = i; g < n; g = next_branch(keys, n, g, d))
        branches++;
    if (branches == 0)
        return 0;
    if (branches > 1 || ends)
        err = abg_buf_puts(out, "(?:");
    for (g = i; g < n && !err;) {
        size_t cl = char_len(keys[g] + d), h = next_branch(keys, n, g, d);
        if (g > i)
            err = abg_buf_putc(out, '|');
        if (!err)
            err = put_char(out, keys[g] + d, cl);
        if (!err)
            err = put_trie(out, keys + g, h - g, d + cl);
        g = h;
    }
    if (!err && ends)
        err = abg_buf_putc(out, '|');
    if (!err && (branches > 1 || ends))
        err = abg_buf_putc(out, ')');
    return err;
}

/* The keys of a map as one alternation, a trie of their characters
 * (PCRE2 then fails on the first character that no key has); made once
 * per map, as many rules use the same map. */
static int put_alternation(abg_buf *out, abg_map *map)
{
    abg_buf alt = ABG_BUF_INIT;
    const char **keys;
    size_t i, k = 0;
    int err = 0;

    if (map->alt)
        return abg_buf_puts(out, map->alt);
    if (!(keys = malloc((map->n + 1) * sizeof *keys)))
        return ABG_ENOMEM;
    for (i = 0; i < map->n; i++)
        keys[k++] = key_raw(&map->entries[i]);
    qsort(keys, k, sizeof *keys, cmp_str);
    for (i = 1; i < k;) { /* drop duplicates */
        if (strcmp(keys[i], keys[i - 1]) == 0)
            memmove(keys + i, keys + i + 1, (--k - i) * sizeof *keys);
        else
            i++;
    }
    err = abg_buf_puts(&alt, "(?:");
    if (!err)
        err = put_trie(&alt, keys, k, 0);
    if (!err)
        err = abg_buf_putc(&alt, ')');
    if (!err)
        err = abg_buf_putc(&alt, '\0');
    free(keys);
    if (err) {
        abg_buf_dispose(&alt);
        return err;
    }
    map->alt = alt.data;
    return abg_buf_puts(out, map->alt);
}

/* How expand() treats the gated defines: `probe` writes them as a NUL
 * (for the set of first bytes, where they are left out); `gates` gets
 * those that were used. */
typedef struct {
    int probe;
    unsigned gates;
    unsigned keep; /* gated defines the probe keeps */
} expand_opts;

static int expand(abg_buf *out, abg_ctx *ctx, const loader *ld, const char *where,
                  const char *pat, int depth, expand_opts *eo)
{
    const char *p = pat;
    int err = 0;

    if (depth > RULES_MAX_DEPTH)
        return abg_error(ctx, ABG_EUSAGE, "%s: defines nested too deeply", where);
    while (*p && !err) {
        if (*p == '\\' && p[1]) {
            /* an escape, with its braces: \p{L}, \x{20AC} */
            size_t n = 2;
            if (p[2] == '{' && strchr("pPxoNgk", p[1]) && strchr(p + 2, '}'))
                n = (size_t)(strchr(p + 2, '}') - p) + 1;
            err = abg_buf_put(out, p, n);
            p += n;
            continue;
        }
        if (*p == '{' && (p[1] == '@' || (p[1] >= 'A' && p[1] <= 'Z') || p[1] == '_')) {
            const char *name = p + 1 + (p[1] == '@'), *q = name;
            size_t i, nl;
            while ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') ||
                   (*q >= '0' && *q <= '9') || *q == '_')
                q++;
            if (*q != '}') {
                err = abg_buf_putc(out, *p++);
                continue;
            }
            nl = (size_t)(q - name);
            if (p[1] == '@') {
                abg_map *m = NULL;
                for (i = 0; i < ld->rules->nmaps; i++)
                    if (strlen(ld->rules->maps[i].kind) == nl &&
                        memcmp(ld->rules->maps[i].kind, name, nl) == 0)
                        m = &ld->rules->maps[i];
                if (!m)
                    return abg_error(ctx, ABG_EUSAGE, "%s: no map named '%.*s'", where,
                                     (int)nl, name);
                err = put_alternation(out, m);
            } else {
                const define *d = NULL;
                for (i = ld->ndefs; i-- > 0;)
                    if (strlen(ld->defs[i].name) == nl && memcmp(ld->defs[i].name, name, nl) == 0) {
                        d = &ld->defs[i];
                        break;
                    }
                if (!d)
                    return abg_error(ctx, ABG_EUSAGE, "%s: no define named '%.*s'", where,
                                     (int)nl, name);
                for (i = 0; i < sizeof gated_defines / sizeof gated_defines[0]; i++)
                    if (strcmp(d->name, gated_defines[i].name) == 0)
                        break;
                if (i < sizeof gated_defines / sizeof gated_defines[0]) {
                    eo->gates |= gated_defines[i].gate;
                    if (eo->probe && !(eo->keep & gated_defines[i].gate)) {
                        err = abg_buf_puts(out, "(?:\\x00)");
                        p = q + 1;
                        continue;
                    }
                }
                err = abg_buf_puts(out, "(?:");
                if (!err)
                    err = expand(out, ctx, ld, where, d->pattern, depth + 1, eo);
                if (!err)
                    err = abg_buf_putc(out, ')');
            }
            p = q + 1;
            continue;
        }
        err = abg_buf_putc(out, *p++);
    }
    if (err == ABG_ENOMEM)
        return abg_error_oom(ctx);
    return err;
}

static abg_fact_type type_of(const char *s, size_t n)
{
    static const char *const names[] = {"money", "percent", "date", "quantity"};
    size_t i;

    for (i = 0; i < 4; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
            return (abg_fact_type)(i + 1);
    return 0;
}

static int add_rule(loader *ld, abg_ctx *ctx, const char *where, const char *id, size_t idl,
                    const char *file, unsigned line, abg_rule **cur)
{
    abg_rules *rules = ld->rules;
    size_t i;
    abg_rule *r;

    if (!idl)
        return abg_error(ctx, ABG_EUSAGE, "%s: rule needs an id", where);
    for (i = 0; i < rules->n; i++)
        if (strlen(rules->rules[i].id) == idl && memcmp(rules->rules[i].id, id, idl) == 0)
            break;
    if (i == rules->n) {
        if (rules->n == rules->cap) {
            size_t c = rules->cap ? rules->cap * 2 : 32;
            abg_rule *x = realloc(rules->rules, c * sizeof *x);
            char **y = realloc(ld->raw, c * sizeof *y);
            char **z = realloc(ld->raw_before, c * sizeof *z);
            if (y)
                ld->raw = y;
            if (z)
                ld->raw_before = z;
            if (!x || !y || !z) {
                if (x)
                    rules->rules = x;
                return abg_error_oom(ctx);
            }
            rules->rules = x;
            rules->cap = c;
        }
        memset(&rules->rules[i], 0, sizeof rules->rules[i]);
        ld->raw[i] = NULL;
        ld->raw_before[i] = NULL;
        rules->n++;
        if (!(rules->rules[i].id = abg_strndup(id, idl)))
            return abg_error_oom(ctx);
    }
    r = &rules->rules[i];
    free(r->file);
    free(ld->raw[i]);
    ld->raw[i] = NULL;
    free(ld->raw_before[i]);
    ld->raw_before[i] = NULL;
    r->type = 0;
    r->flags = 0;
    r->line = line;
    free(r->needs);
    r->needs = NULL;
    if (!(r->file = abg_strdup(file)))
        return abg_error_oom(ctx);
    *cur = r;
    return 0;
}

/* The words of r's needs as indexes into rules->need_words, each word
 * added there when it is new. */
static int intern_needs(abg_rules *rules, abg_rule *r, abg_ctx *ctx)
{
    const char *w;
    size_t k;

    r->nneed_ids = 0;
    for (w = r->needs; w && *w; w += strlen(w) + 1) {
        for (k = 0; k < rules->nneed_words && strcmp(rules->need_words[k], w); k++)
            ;
        if (k == rules->nneed_words) {
            const char **x = realloc(rules->need_words, (k + 1) * sizeof *x);
            size_t *l;
            if (x)
                rules->need_words = x;
            if (!x || !(l = realloc(rules->need_lens, (k + 1) * sizeof *l)))
                return abg_error_oom(ctx);
            rules->need_lens = l;
            rules->need_words[k] = w;
            rules->need_lens[k] = strlen(w);
            rules->nneed_words++;
        }
        r->need_ids[r->nneed_ids++] = (unsigned short)k;
    }
    return 0;
}

/* A rule's `needs WORD, WORD, ...`: the words, each ended by a NUL, the
 * list by two. */
static int parse_needs(abg_rule *r, abg_ctx *ctx, const char *where, const char *p)
{
    size_t n = strlen(p), k = 0, i;
    char *w = malloc(n + 2);
    int words = 0;

    if (!w)
        return abg_error_oom(ctx);
    for (i = 0; i <= n; i++) {
        const char *e = p + i;
        size_t a = i;
        while (i < n && p[i] != ',')
            i++;
        e = p + i;
        while (a < i && is_space(p[a]))
            a++;
        while (e > p + a && is_space(e[-1]))
            e--;
        if (e == p + a || (size_t)(e - (p + a)) > ABG_NEEDS_SPAN) {
            free(w);
            return abg_error(ctx, ABG_EUSAGE, "%s: needs: a word is empty or too long", where);
        }
        if (++words > ABG_NEEDS_MAX) {
            free(w);
            return abg_error(ctx, ABG_EUSAGE, "%s: needs: more than %d words", where,
                             ABG_NEEDS_MAX);
        }
        memcpy(w + k, p + a, (size_t)(e - (p + a)));
        k += (size_t)(e - (p + a));
        w[k++] = '\0';
    }
    w[k] = '\0';
    free(r->needs);
    r->needs = w;
    return 0;
}

static int load_file(loader *ld, abg_ctx *ctx, const char *path)
{
    FILE *fp = fopen(path, "rb");
    abg_buf data = ABG_BUF_INIT;
    char chunk[8192], where[512];
    size_t got;
    unsigned lineno = 0;
    char *line, *next;
    abg_rule *cur = NULL;
    int err = 0;

    if (!fp)
        return abg_error(ctx, ABG_EUSAGE, "%s: cannot read rule file", path);
    while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (data.len + got > RULES_MAX_FILE) {
            err = abg_error(ctx, ABG_EUSAGE, "%s: rule file too large", path);
            goto done;
        }
        if (abg_buf_put(&data, chunk, got) < 0) {
            err = abg_error_oom(ctx);
            goto done;
        }
    }
    if (ferror(fp)) {
        err = abg_error(ctx, ABG_EUSAGE, "%s: cannot read rule file", path);
        goto done;
    }
    if (abg_buf_putc(&data, '\0') < 0) {
        err = abg_error_oom(ctx);
        goto done;
    }
    for (line = data.data; line && !err; line = next) {
        const char *p, *kw;
        size_t kl, n;

        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        n = strlen(line);
        while (n > 0 && (line[n - 1] == '\r' || is_space(line[n - 1])))
            line[--n] = '\0';
        if (memchr(line, '\0', n) || n != strlen(line))
            continue;
        p = line;
        while (is_space(*p))
            p++;
        if (!*p || *p == '#')
            continue;
        snprintf(where, sizeof where, "%s:%u", path, lineno);
        kl = next_word(&p, &kw);
        if (kl == 6 && memcmp(kw, "define", 6) == 0) {
            const char *name;
            size_t nl = next_word(&p, &name);
            define *d;
            if (!nl || !*p) {
                err = abg_error(ctx, ABG_EUSAGE, "%s: define needs a name and a pattern", where);
                break;
            }
            if (ld->ndefs == ld->defcap) {
                size_t c = ld->defcap ? ld->defcap * 2 : 32;
                define *x = realloc(ld->defs, c * sizeof *x);
                if (!x) {
                    err = abg_error_oom(ctx);
                    break;
                }
                ld->defs = x;
                ld->defcap = c;
            }
            d = &ld->defs[ld->ndefs];
            d->name = abg_strndup(name, nl);
            d->pattern = abg_strdup(p);
            ld->ndefs++;
            if (!d->name || !d->pattern)
                err = abg_error_oom(ctx);
            cur = NULL;
        } else if (kl == 3 && memcmp(kw, "map", 3) == 0) {
            err = parse_map(ld->rules, ctx, where, p);
            cur = NULL;
        } else if (kl == 4 && memcmp(kw, "rule", 4) == 0) {
            const char *id;
            size_t il = next_word(&p, &id);
            if (*p) {
                err = abg_error(ctx, ABG_EUSAGE, "%s: rule id must be one word", where);
                break;
            }
            err = add_rule(ld, ctx, where, id, il, path, lineno, &cur);
        } else if (!cur) {
            err = abg_error(ctx, ABG_EUSAGE, "%s: unknown statement '%.*s'", where, (int)kl,
                            kw);
        } else if (kl == 4 && memcmp(kw, "type", 4) == 0) {
            if (!(cur->type = type_of(p, strlen(p))))
                err = abg_error(ctx, ABG_EUSAGE,
                                "%s: type must be money, percent, date or quantity", where);
        } else if (kl == 4 && memcmp(kw, "desc", 4) == 0) {
            continue;
        } else if (kl == 7 && memcmp(kw, "context", 7) == 0) {
            if (strcmp(p, "currency") == 0)
                cur->flags |= ABG_RULE_CONTEXT_CURRENCY;
            else if (strcmp(p, "year") == 0)
                cur->flags |= ABG_RULE_CONTEXT_YEAR;
            else if (strcmp(p, "rate") == 0)
                cur->flags |= ABG_RULE_CONTEXT_RATE;
            else
                err = abg_error(ctx, ABG_EUSAGE,
                                "%s: context must be 'currency', 'year' or 'rate'", where);
        } else if (kl == 5 && memcmp(kw, "needs", 5) == 0) {
            err = parse_needs(cur, ctx, where, p);
        } else if (kl == 7 && memcmp(kw, "require", 7) == 0) {
            if (strcmp(p, "before") != 0)
                err = abg_error(ctx, ABG_EUSAGE, "%s: require must be 'before'", where);
            cur->flags |= ABG_RULE_REQUIRE_BEFORE;
        } else if ((kl == 7 && memcmp(kw, "pattern", 7) == 0) ||
                   (kl == 6 && memcmp(kw, "before", 6) == 0)) {
            size_t i = (size_t)(cur - ld->rules->rules);
            char **slot = kl == 7 ? &ld->raw[i] : &ld->raw_before[i];
            char *old = *slot;
            size_t ol = old ? strlen(old) : 0, pl = strlen(p);
            char *x = realloc(old, ol + pl + 1);
            if (!x) {
                err = abg_error_oom(ctx);
                break;
            }
            memcpy(x + ol, p, pl + 1);
            *slot = x;
            if (!old && kl == 7)
                cur->line = lineno;
        } else {
            err = abg_error(ctx, ABG_EUSAGE, "%s: unknown rule field '%.*s'", where, (int)kl,
                            kw);
        }
    }
done:
    fclose(fp);
    abg_buf_dispose(&data);
    return err;
}

/* The probe of an expanded pattern for its first bytes: each \d (any
 * Unicode digit under UCP, which PCRE2's study cannot follow) becomes the
 * ASCII digits and every character from U+0660 on (the first digits after
 * ASCII's are Arabic-Indic ones), so the set PCRE2 finds still holds every
 * byte a match may start with. */
static int probe_digits(abg_buf *out, const char *pat)
{
    static const char any_digit[] = "0-9\\x{660}-\\x{10ffff}";
    int in_class = 0, err = 0;
    const char *p = pat;

    while (*p && !err) {
        if (*p == '\\' && p[1] == 'Q') {
            /* quoted to \E: copied as it is */
            const char *e = strstr(p + 2, "\\E");
            size_t n = e ? (size_t)(e + 2 - p) : strlen(p);
            err = abg_buf_put(out, p, n);
            p += n;
        } else if (*p == '\\' && p[1] == 'd') {
            if (!in_class)
                err = abg_buf_putc(out, '[');
            if (!err)
                err = abg_buf_puts(out, any_digit);
            if (!err && !in_class)
                err = abg_buf_putc(out, ']');
            p += 2;
        } else if (*p == '\\' && p[1]) {
            err = abg_buf_put(out, p, 2);
            p += 2;
        } else if (!in_class && *p == '[') {
            /* a class: "]" right after "[" or "[^" is a member */
            size_t n = 1;
            if (p[n] == '^')
                n++;
            if (p[n] == ']')
                n++;
            err = abg_buf_put(out, p, n);
            p += n;
            in_class = 1;
        } else if (in_class && *p == '[' && p[1] == ':' && strstr(p + 2, ":]")) {
            /* a POSIX class such as [:alpha:] */
            size_t n = (size_t)(strstr(p + 2, ":]") + 2 - p);
            err = abg_buf_put(out, p, n);
            p += n;
        } else {
            if (in_class && *p == ']')
                in_class = 0;
            err = abg_buf_putc(out, *p++);
        }
    }
    if (!err)
        err = abg_buf_putc(out, '\0');
    return err;
}

/* The first bytes of the pattern `raw` with the gated defines in `keep`
 * expanded and the others left out (see the head of this file); *used
 * gets the gated defines it uses. */
static int probe_first(unsigned char bits[32], unsigned *used, unsigned keep, abg_ctx *ctx,
                       const loader *ld, const char *where, const char *raw)
{
    abg_buf pat = ABG_BUF_INIT, probe = ABG_BUF_INIT;
    expand_opts eo = {1, 0, keep};
    int err;

    if ((err = expand(&pat, ctx, ld, where, raw, 0, &eo)) < 0)
        goto done;
    if (abg_buf_putc(&pat, '\0') < 0 || probe_digits(&probe, pat.data) < 0) {
        err = abg_error_oom(ctx);
        goto done;
    }
    abg_regex_first_bytes(probe.data, 0, bits);
    if (used)
        *used = eo.gates;
done:
    abg_buf_dispose(&pat);
    abg_buf_dispose(&probe);
    return err;
}

/* The bytes a match of the pattern `raw` may start with, leaving out the
 * gated defines; *gates gets those a match may start with (the first
 * bytes grow when one of them is put back). */
static int first_bytes(unsigned char bits[32], unsigned *gates, abg_ctx *ctx, const loader *ld,
                       const char *where, const char *raw)
{
    unsigned char with[32];
    unsigned used = 0, k;
    int err, b;

    if ((err = probe_first(bits, &used, 0, ctx, ld, where, raw)) < 0)
        return err;
    if (gates)
        *gates = 0;
    for (k = 0; gates && k < ABG_GATE_COUNT; k++) {
        if (!(used & (1u << k)))
            continue;
        if ((err = probe_first(with, NULL, 1u << k, ctx, ld, where, raw)) < 0)
            return err;
        for (b = 0; b < 32; b++)
            if (with[b] & ~bits[b])
                *gates |= 1u << k;
    }
    return 0;
}

/* The rule's before pattern, compiled to match from where it is tried to
 * the end of the subject it is given (the start of the rule's match). */
static int compile_before(abg_rule *r, abg_ctx *ctx, const loader *ld, const char *where,
                          const char *raw)
{
    abg_rules *rules = ld->rules;
    abg_buf pat = ABG_BUF_INIT;
    expand_opts eo = {0, 0, 0};
    char msg[512];
    size_t i;
    int err, n;

    if ((err = expand(&pat, ctx, ld, where, raw, 0, &eo)) < 0)
        goto done;
    if (abg_buf_putc(&pat, '\0') < 0) {
        err = abg_error_oom(ctx);
        goto done;
    }
    for (i = 0; i < rules->nbefores && strcmp(rules->befores[i].pattern, pat.data); i++)
        ;
    if (i == rules->nbefores) { /* a pattern not seen before: compile it */
        struct abg_before *b = realloc(rules->befores, (i + 1) * sizeof *b);
        if (!b) {
            err = abg_error_oom(ctx);
            goto done;
        }
        rules->befores = b;
        b += i;
        memset(b, 0, sizeof *b);
        if ((err = abg_regex_new(&b->re, ctx, pat.data, ABG_RE_FULL)) < 0) {
            snprintf(msg, sizeof msg, "%s", abg_ctx_message(ctx));
            err = abg_error(ctx, ABG_EUSAGE, "%s: rule %s: before: %s", where, r->id, msg);
            goto done;
        }
        if ((err = first_bytes(b->first, NULL, ctx, ld, where, raw)) < 0 ||
            !(b->pattern = abg_strdup(pat.data))) {
            abg_regex_free(b->re);
            err = err < 0 ? err : abg_error_oom(ctx);
            goto done;
        }
        n = abg_regex_group_numbers(b->re, abg_group_names[G_QUAL], b->qual, 4);
        b->nqual = n < 0 ? 0 : n > 4 ? 4 : n;
        rules->nbefores++;
    }
    r->before = rules->befores[i].re;
    memcpy(r->before_qual, rules->befores[i].qual, sizeof r->before_qual);
    r->nbefore_qual = rules->befores[i].nqual;
    memcpy(r->before_first, rules->befores[i].first, sizeof r->before_first);
done:
    abg_buf_dispose(&pat);
    return err;
}

static int compile_rule(abg_rule *r, abg_ctx *ctx, const loader *ld, const char *raw,
                        const char *raw_before)
{
    abg_buf pat = ABG_BUF_INIT;
    char where[512], msg[512];
    expand_opts eo = {0, 0, 0};
    int err, g;

    snprintf(where, sizeof where, "%s:%u", r->file, r->line);
    if (!r->type)
        return abg_error(ctx, ABG_EUSAGE, "%s: rule %s has no type", where, r->id);
    if (!raw)
        return abg_error(ctx, ABG_EUSAGE, "%s: rule %s has no pattern", where, r->id);
    r->before = NULL;
    if ((err = expand(&pat, ctx, ld, where, raw, 0, &eo)) < 0)
        goto done;
    if (abg_buf_putc(&pat, '\0') < 0) {
        err = abg_error_oom(ctx);
        goto done;
    }
    /* anchored: extract.c tries each rule at each place a fact may start */
    if ((err = abg_regex_new(&r->re, ctx, pat.data, ABG_RE_ANCHORED)) < 0) {
        snprintf(msg, sizeof msg, "%s", abg_ctx_message(ctx));
        err = abg_error(ctx, ABG_EUSAGE, "%s: rule %s: %s", where, r->id, msg);
        goto done;
    }
    for (g = 0; g < G_COUNT; g++)
        r->ngroups[g] = abg_regex_group_numbers(r->re, abg_group_names[g], r->groups[g],
                                                ABG_RULE_MAX_DUPS);
    if (!r->ngroups[G_NUM] && !r->ngroups[G_YEAR] && !r->ngroups[G_YEAR_TO] &&
        !(r->type == ABG_FACT_DATE && r->ngroups[G_DAY])) {
        err = abg_error(ctx, ABG_EUSAGE, "%s: rule %s has no num, year or (for a date) day group",
                        where, r->id);
        goto done;
    }
    if ((err = first_bytes(r->first, &r->gates, ctx, ld, where, raw)) < 0)
        goto done;
    if (raw_before && (err = compile_before(r, ctx, ld, where, raw_before)) < 0)
        goto done;
    if (raw_before) {
        size_t k = strspn(raw_before, " \t"), e = strlen(raw_before);
        while (e > k && (raw_before[e - 1] == ' ' || raw_before[e - 1] == '\t'))
            e--;
        if (e - k == 7 && memcmp(raw_before + k, "{QUALS}", 7) == 0)
            r->flags |= ABG_RULE_BEFORE_QUALS;
    }
    if ((r->flags & ABG_RULE_REQUIRE_BEFORE) && !raw_before) {
        err = abg_error(ctx, ABG_EUSAGE, "%s: rule %s requires a before pattern it lacks",
                        where, r->id);
        goto done;
    }
    r->pattern = abg_buf_detach(&pat);
done:
    abg_buf_dispose(&pat);
    return err;
}

static int compile_helper(abg_regex **out, abg_ctx *ctx, abg_map *m, const char *pre,
                          const char *post)
{
    abg_buf pat = ABG_BUF_INIT;
    int err = abg_buf_puts(&pat, pre);

    if (!err)
        err = put_alternation(&pat, m);
    if (!err)
        err = abg_buf_puts(&pat, post);
    if (!err)
        err = abg_buf_putc(&pat, '\0');
    if (err)
        err = abg_error_oom(ctx);
    else
        err = abg_regex_new(out, ctx, pat.data, 0);
    abg_buf_dispose(&pat);
    return err;
}

int abg_rules_load(abg_rules **out, abg_ctx *ctx, const char *const *paths, size_t n)
{
    loader ld;
    size_t i;
    int err = 0;
    const abg_map *m;

    *out = NULL;
    memset(&ld, 0, sizeof ld);
    if (!(ld.rules = calloc(1, sizeof *ld.rules)))
        return abg_error_oom(ctx);
    for (i = 0; i < n && !err; i++)
        err = load_file(&ld, ctx, paths[i]);
    for (i = 0; i < ld.rules->n && !err; i++)
        err = compile_rule(&ld.rules->rules[i], ctx, &ld, ld.raw[i], ld.raw_before[i]);
    for (i = 0; i < ld.rules->n && !err; i++)
        err = intern_needs(ld.rules, &ld.rules->rules[i], ctx);
    for (i = 0; i < ld.rules->n && i < ABG_RULES_MASKED && !err; i++) {
        const abg_rule *r = &ld.rules->rules[i];
        unsigned b, k;
        for (b = 0; b < 256; b++)
            if (r->first[b / 8] & (1u << (b % 8)))
                ld.rules->by_byte[b] |= (uint64_t)1 << i;
        for (k = 0; k < ABG_GATE_COUNT; k++)
            if (r->gates & (1u << k))
                ld.rules->by_gate[k] |= (uint64_t)1 << i;
    }
    if (!err && (m = abg_rules_map(ld.rules, "month"))) {
        ld.rules->months = m;
        for (i = 0; i < m->n; i++) {
            const unsigned char *k = (const unsigned char *)m->entries[i].key;
            unsigned c = k[0], d = k[0] ? k[1] : 0, up = c;
            if (c >= 'a' && c <= 'z')
                up = c - ('a' - 'A');
            if (!d) { /* a word of one letter: any second byte */
                memset(ld.rules->month_two[c], 0xFF, 32);
                memset(ld.rules->month_two[up], 0xFF, 32);
            }
            ld.rules->month_two[c][d / 8] |= (unsigned char)(1u << (d % 8));
            ld.rules->month_two[up][d / 8] |= (unsigned char)(1u << (d % 8));
        }
    }
    if (!err && (m = abg_rules_map(ld.rules, "cur")) && m->n)
        err = compile_helper(&ld.rules->cur_any, ctx, &ld.rules->maps[m - ld.rules->maps],
                             "(?<![\\p{L}\\p{N}])",
                             "(?![\\p{L}\\p{N}])");
    for (i = 0; i < ld.rules->nmaps && !err; i++)
        if (map_index(&ld.rules->maps[i]) < 0)
            err = abg_error_oom(ctx);
    if (!err && !(ld.rules->words = words_new()))
        err = abg_error_oom(ctx);
    if (!err) {
        *out = ld.rules;
        ld.rules = NULL;
    }
    for (i = 0; i < ld.ndefs; i++) {
        free(ld.defs[i].name);
        free(ld.defs[i].pattern);
    }
    free(ld.defs);
    if (ld.rules)
        for (i = 0; i < ld.rules->n; i++) {
            free(ld.raw[i]);
            free(ld.raw_before[i]);
        }
    else
        for (i = 0; i < (*out)->n; i++) {
            free(ld.raw[i]);
            free(ld.raw_before[i]);
        }
    free(ld.raw);
    free(ld.raw_before);
    abg_rules_free(ld.rules);
    return err;
}
