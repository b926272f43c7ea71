/*
 * jobs.c: reading and working on documents with several threads, while
 * the results are still written in input order (cli_each_doc_jobs).
 *
 * Workers take the inputs in order, read each into documents and run the
 * command's work function on every document; the main thread waits for
 * input i, hands its documents and results to the emit function, frees
 * them and moves on. Workers stay at most JOBS_AHEAD inputs ahead of the
 * writer, so memory does not grow with the corpus. The progress line
 * (progress.c) counts the inputs as they are written.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "term.h"

#define JOBS_AHEAD 64

typedef struct {
    abg_doclist *docs;
    void **results; /* one per document */
    char *error;    /* reading or working failed: the message */
    uint64_t bytes; /* read, for the progress line */
    int done;
} slot;

typedef struct {
    const abg_inputs *inputs;
    const abg_ingest *ing;
    cli_work_fn work;
    void *payload;
    slot *slots;
    size_t n, next, emitted;
    int stop;
    int measure; /* count the bytes of each input */
    pthread_mutex_t lock;
    pthread_cond_t cond;
} pool;

/* The size of input i: the file's, else (standard input, a FIFO) the
 * text of its documents. */
static uint64_t input_bytes(const pool *p, size_t i, const abg_doclist *docs)
{
    const char *path = abg_inputs_path(p->inputs, i);
    struct stat st;
    uint64_t n = 0;
    size_t k, len;

    if (strcmp(path, "<stdin>") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode))
        return (uint64_t)st.st_size;
    for (k = 0; docs && k < abg_doclist_count(docs); k++) {
        abg_doc_text(abg_doclist_get(docs, k), &len);
        n += len;
    }
    return n;
}

/* Read input i and run the work on each of its documents. */
static void process(pool *p, abg_ctx *ctx, size_t i)
{
    slot *s = &p->slots[i];
    size_t k, nd;

    if (abg_ingest_input(&s->docs, ctx, p->ing, p->inputs, i) < 0) {
        s->error = strdup(abg_ctx_message(ctx));
        return;
    }
    if (p->measure)
        s->bytes = input_bytes(p, i, s->docs);
    nd = abg_doclist_count(s->docs);
    if (nd && !(s->results = calloc(nd, sizeof *s->results))) {
        s->error = strdup("out of memory");
        return;
    }
    for (k = 0; k < nd; k++) {
        if (p->work(&s->results[k], abg_doclist_get(s->docs, k), ctx, p->payload) < 0) {
            s->error = strdup(abg_ctx_message(ctx));
            return;
        }
    }
}

static void *worker(void *arg)
{
    pool *p = arg;
    abg_ctx *ctx = NULL;

    if (abg_ctx_new(&ctx) < 0)
        return NULL;
    for (;;) {
        size_t i;
        pthread_mutex_lock(&p->lock);
        while (!p->stop && p->next < p->n && p->next >= p->emitted + JOBS_AHEAD)
            pthread_cond_wait(&p->cond, &p->lock);
        if (p->stop || p->next >= p->n) {
            pthread_mutex_unlock(&p->lock);
            break;
        }
        i = p->next++;
        pthread_mutex_unlock(&p->lock);
        process(p, ctx, i);
        pthread_mutex_lock(&p->lock);
        p->slots[i].done = 1;
        pthread_cond_broadcast(&p->cond);
        pthread_mutex_unlock(&p->lock);
    }
    abg_ctx_free(ctx);
    return NULL;
}

/* Free a slot; results not handed to emit yet are discarded through it. */
static void release(slot *s, cli_emit_fn emit, void *payload)
{
    size_t k, nd = abg_doclist_count(s->docs);

    for (k = 0; s->results && k < nd; k++)
        if (s->results[k])
            emit(abg_doclist_get(s->docs, k), s->results[k], 1, payload);
    free(s->results);
    free(s->error);
    abg_doclist_free(s->docs);
    memset(s, 0, sizeof *s);
}

int cli_each_doc_jobs(abg_ctx *ctx, const cli_read_opts *o, char **paths, int npaths,
                      cli_work_fn work, cli_emit_fn emit, void *payload, cli_status *status)
{
    unsigned jobs = o->jobs;
    pool p;
    pthread_t *threads = NULL;
    abg_inputs *inputs = NULL;
    abg_ingest *ing = NULL;
    size_t i, k, started = 0;
    int rc;

    memset(&p, 0, sizeof p);
    if ((rc = cli_ingest_open(&ing, ctx, o)) != 0)
        return rc;
    p.measure = cli_progress_begin(o);
    if (abg_walk(&inputs, ctx, (const char *const *)paths, (size_t)npaths, cli_walk_report,
                 status) < 0) {
        rc = cli_error("%s", abg_ctx_message(ctx));
        goto done;
    }
    p.inputs = inputs;
    p.ing = ing;
    p.work = work;
    p.payload = payload;
    p.n = abg_inputs_count(inputs);
    cli_progress_total(p.n);
    if (p.n && !(p.slots = calloc(p.n, sizeof *p.slots))) {
        rc = cli_error("out of memory");
        goto done;
    }
    if (jobs == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cores > 0 && cores < 256 ? (unsigned)cores : 1;
    }
    if (jobs > p.n)
        jobs = p.n ? (unsigned)p.n : 1;
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.cond, NULL);
    if (jobs > 1 && !(threads = calloc(jobs, sizeof *threads))) {
        rc = cli_error("out of memory");
        goto destroy;
    }
    for (k = 0; jobs > 1 && k < jobs; k++)
        if (pthread_create(&threads[k], NULL, worker, &p) == 0)
            started++;
    for (i = 0; i < p.n; i++) {
        slot *s = &p.slots[i];
        size_t nd;
        if (started == 0) {
            process(&p, ctx, i); /* one job: no threads at all */
        } else {
            pthread_mutex_lock(&p.lock);
            while (!s->done)
                pthread_cond_wait(&p.cond, &p.lock);
            pthread_mutex_unlock(&p.lock);
        }
        cli_progress_input_done(s->bytes);
        if (s->error) {
            cli_file_error(abg_inputs_path(inputs, i), s->error);
            status->failed++;
            release(s, emit, payload);
        } else {
            nd = abg_doclist_count(s->docs);
            for (k = 0; k < nd && !rc; k++) {
                rc = emit(abg_doclist_get(s->docs, k), s->results[k], 0, payload);
                s->results[k] = NULL; /* emit owns it now */
            }
            release(s, emit, payload);
        }
        pthread_mutex_lock(&p.lock);
        p.emitted = i + 1;
        if (rc)
            p.stop = 1;
        pthread_cond_broadcast(&p.cond);
        pthread_mutex_unlock(&p.lock);
        if (rc)
            break;
    }
    for (k = 0; k < started; k++)
        pthread_join(threads[k], NULL);
    for (; i < p.n; i++) /* left over after a stop */
        release(&p.slots[i], emit, payload);
destroy:
    pthread_cond_destroy(&p.cond);
    pthread_mutex_destroy(&p.lock);
done:
    cli_progress_end();
    free(threads);
    free(p.slots);
    abg_inputs_free(inputs);
    abg_ingest_free(ing);
    return rc;
}
