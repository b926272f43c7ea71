/*
 * claims.c: what `facts` and `check` share: the rules, the language, the
 * lexicon, and the work on one document (facts plus what each is about).
 */
#define _POSIX_C_SOURCE 200809L

#include <jansson.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define DEFAULT_DICTIONARY "/usr/share/dict/ngerman"

/* One stemmer per thread, made on first use: a stemmer holds a 1 MB cache,
 * too much to make per document. Worker threads free theirs when they
 * end; the main thread's goes in cli_claims_close. */
static pthread_key_t stemmer_key;
static pthread_once_t stemmer_once = PTHREAD_ONCE_INIT;

static void free_stemmer(void *p)
{
    abg_stemmer_free(p);
}

static void make_key(void)
{
    if (pthread_key_create(&stemmer_key, free_stemmer) != 0)
        abort();
}

static abg_stemmer *thread_stemmer(void)
{
    abg_stemmer *st;

    pthread_once(&stemmer_once, make_key);
    if ((st = pthread_getspecific(stemmer_key)))
        return st;
    if (abg_stemmer_new(&st) < 0)
        return NULL;
    if (pthread_setspecific(stemmer_key, st) != 0) {
        abg_stemmer_free(st);
        return NULL;
    }
    return st;
}

int cli_claims_open(cli_claims *c, abg_ctx *ctx, const cli_claims_opts *o, const char *cmd,
                    bool about)
{
    abg_lexicon_options lo = ABG_LEXICON_OPTIONS_INIT;
    static const char *const shipped[] = {"rules/claims.de", "rules/measures.de",
                                          "rules/roles.de", "rules/time.de"};
    const char *files[2], *lexfiles[5];
    char *rules = NULL, *lexicon[4] = {NULL, NULL, NULL, NULL};
    size_t nfiles = 0, nlex = 0, k;
    int rc = 0;

    memset(c, 0, sizeof *c);
    if (o->rules_only && !o->rules)
        return cli_usage(cmd, "--rules-only needs --rules FILE");
    if (!(rules = cli_data_path("rules/de.rules"))) {
        rc = cli_error("out of memory");
        goto done;
    }
    for (k = 0; k < 4; k++)
        if (!(lexicon[k] = cli_data_path(shipped[k]))) {
            rc = cli_error("out of memory");
            goto done;
        }
    if (!o->rules_only)
        files[nfiles++] = rules;
    if (o->rules)
        files[nfiles++] = o->rules;
    if (abg_rules_load(&c->rules, ctx, files, nfiles) < 0) {
        rc = cli_error("%s", abg_ctx_message(ctx));
        goto done;
    }
    if ((rc = cli_lang_open(&c->lang, ctx, NULL)) != 0)
        goto done;
    for (k = 0; k < 4; k++)
        lexfiles[nlex++] = lexicon[k];
    if (o->lexicon)
        lexfiles[nlex++] = o->lexicon;
    lo.paths = lexfiles;
    lo.npaths = nlex;
    lo.lang = c->lang;
    if (o->dictionary)
        lo.dictionary = *o->dictionary ? o->dictionary : NULL; /* "": none */
    else if (about && access(DEFAULT_DICTIONARY, R_OK) == 0)
        lo.dictionary = DEFAULT_DICTIONARY; /* read only when it is used */
    if (abg_lexicon_new(&c->lexicon, ctx, &lo) < 0)
        rc = cli_error("%s", abg_ctx_message(ctx));
    c->about = about;
done:
    free(rules);
    for (k = 0; k < 4; k++)
        free(lexicon[k]);
    if (rc)
        cli_claims_close(c);
    return rc;
}

void cli_claims_close(cli_claims *c)
{
    pthread_once(&stemmer_once, make_key);
    free_stemmer(pthread_getspecific(stemmer_key));
    pthread_setspecific(stemmer_key, NULL);
    abg_lexicon_free(c->lexicon);
    abg_lang_free(c->lang);
    abg_rules_free(c->rules);
    memset(c, 0, sizeof *c);
}

static void note_limit(const char *rule, const char *message, void *payload)
{
    cli_doc_claims *r = payload;

    (void)message;
    if (r->nlimited < sizeof r->limited / sizeof r->limited[0])
        r->limited[r->nlimited++] = rule;
}

int cli_claims_work(void **result, const abg_doc *doc, abg_ctx *ctx, void *payload)
{
    const cli_claims *c = payload;
    cli_doc_claims *r = calloc(1, sizeof *r);
    abg_stemmer *stemmer = NULL;
    int err;

    *result = r;
    if (!r)
        return -1;
    if ((err = abg_extract_warn(&r->facts, &r->n, ctx, c->rules, c->lang, doc, note_limit, r)) <
        0)
        return err;
    if (!c->about && !c->signature)
        return 0;
    if (!(stemmer = thread_stemmer()))
        return -1;
    if (c->signature) {
        if ((err = abg_signature_make(&r->sig, ctx, c->lang, stemmer, doc)) < 0)
            return err;
        r->has_sig = true;
    }
    if (!c->about)
        return 0;
    return abg_about_facts(&r->about, r->day, ctx, c->lexicon, c->lang, stemmer, doc, r->facts,
                           r->n);
}

void cli_check_doc_of(abg_check_doc *out, const abg_doc *doc, const cli_doc_claims *r)
{
    memset(out, 0, sizeof *out);
    out->doc = abg_doc_id(doc);
    out->source = abg_doc_source(doc);
    out->title = abg_doc_title(doc);
    out->published = r->day[0] ? r->day : abg_doc_published(doc);
    out->signature = r->has_sig ? &r->sig : NULL;
}

void cli_doc_claims_free(cli_doc_claims *r)
{
    if (!r)
        return;
    abg_about_free(r->about, r->n);
    if (r->has_sig)
        abg_signature_dispose(&r->sig);
    free(r->facts);
    free(r);
}

char *cli_flatten(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    size_t i;

    if (!out)
        return NULL;
    for (i = 0; i < n; i++)
        out[i] = (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') ? ' ' : s[i];
    out[n] = '\0';
    return out;
}

int cli_claim_of(abg_claim *out, char **text, char **sentence, const abg_doc *doc,
                 const abg_fact *f, const abg_about *about)
{
    const char *body = abg_doc_text(doc, NULL);
    abg_pos pos, end;

    abg_doc_span(doc, f->off, f->len, &pos, &end);
    memset(out, 0, sizeof *out);
    *text = cli_flatten(body + f->off, f->len);
    *sentence = cli_flatten(body + f->sent_off, f->sent_len);
    if (!*text || !*sentence) {
        free(*text);
        free(*sentence);
        *text = *sentence = NULL;
        return -1;
    }
    out->doc = abg_doc_id(doc);
    out->source = abg_doc_source(doc);
    out->text = *text;
    out->sentence = *sentence;
    out->rule = f->rule;
    out->unit = f->unit;
    out->type = f->type;
    out->qualifier = f->qualifier;
    out->value = f->value;
    out->value_to = f->value_to;
    out->has_value_to = f->has_value_to;
    memcpy(out->date, f->date, sizeof out->date);
    memcpy(out->date_to, f->date_to, sizeof out->date_to);
    out->line = pos.line;
    out->col = pos.col;
    out->offset = pos.offset;
    out->length = end.offset - pos.offset;
    if (about) {
        out->subject = about->subject;
        out->inferred = about->inferred;
        out->object = about->object;
        out->measure = about->measure;
        out->role = about->role;
        out->running = about->running;
        out->match = about->match;
        out->time = about->time;
        out->skip = about->skip;
        out->confidence = about->confidence;
        out->attribute = (const char *const *)about->attribute;
        out->nattribute = about->nattribute;
    }
    return 0;
}

json_t *cli_json_value(abg_fact_type type, double v, bool present, const char *date)
{
    if (type == ABG_FACT_DATE)
        return date && *date ? json_string(date) : json_null();
    if (!present)
        return json_null();
    if (v == floor(v) && fabs(v) < 9007199254740992.0) /* 2^53: exact as an integer */
        return json_integer((json_int_t)v);
    return json_real(v);
}

void cli_json_about(json_t *o, const abg_about *ab)
{
    json_t *a = json_array();
    size_t k;

    json_object_set_new(o, "subject", ab && ab->subject ? json_string(ab->subject) : json_null());
    json_object_set_new(o, "subject_inferred", json_boolean(ab && ab->subject && ab->inferred));
    json_object_set_new(o, "object", ab && ab->object ? json_string(ab->object) : json_null());
    json_object_set_new(o, "measure", ab && ab->measure ? json_string(ab->measure) : json_null());
    json_object_set_new(o, "role", json_string(abg_role_name(ab ? ab->role : ABG_ROLE_LEVEL)));
    json_object_set_new(o, "running", json_boolean(ab && ab->running));
    json_object_set_new(o, "match", json_boolean(ab && ab->match));
    json_object_set_new(o, "time", ab && ab->time ? json_string(ab->time) : json_null());
    json_object_set_new(o, "skip", ab && ab->skip ? json_string(ab->skip) : json_null());
    /* two decimals: enough to read, and stable across machines */
    json_object_set_new(o, "confidence",
                        json_real(ab ? floor(ab->confidence * 100 + 0.5) / 100 : 0));
    for (k = 0; ab && k < ab->nattribute; k++)
        json_array_append_new(a, json_string(ab->attribute[k]));
    json_object_set_new(o, "attribute", a);
}

json_t *cli_json_document(const abg_check_doc *d)
{
    json_t *o = json_object(), *terms = json_array();
    char hex[ABG_SIG_MINHASH * 8 + 1];
    size_t k;

    if (!o || !terms) {
        json_decref(o);
        json_decref(terms);
        return NULL;
    }
    json_object_set_new(o, "type", json_string("document"));
    json_object_set_new(o, "doc", json_string(d->doc));
    json_object_set_new(o, "source", d->source ? json_string(d->source) : json_null());
    json_object_set_new(o, "title", d->title ? json_string(d->title) : json_null());
    json_object_set_new(o, "published", d->published ? json_string(d->published) : json_null());
    for (k = 0; d->signature && k < d->signature->n; k++) {
        json_t *pair = json_array();
        json_array_append_new(pair, json_string(d->signature->stems[k]));
        json_array_append_new(pair, json_integer(d->signature->counts[k]));
        json_array_append_new(terms, pair);
    }
    json_object_set_new(o, "words", json_integer(d->signature ? d->signature->words : 0));
    json_object_set_new(o, "terms", terms);
    json_object_set_new(o, "shingles", json_integer(d->signature ? d->signature->shingles : 0));
    hex[0] = '\0';
    if (d->signature)
        abg_signature_minhash_hex(hex, d->signature);
    json_object_set_new(o, "minhash", json_string(hex));
    return o;
}
