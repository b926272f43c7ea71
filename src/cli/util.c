/*
 * util.c: messages, data file lookup, atomic output and CSV fields for the
 * commands.
 */
#define _DEFAULT_SOURCE /* realpath */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "term.h"
#include "version.h"

/* "abgleich: MESSAGE" on stderr (no line end), the progress line held. */
static void vmessage(const char *fmt, va_list ap)
{
    cli_progress_hold();
    fputs("abgleich: ", stderr);
    vfprintf(stderr, fmt, ap);
}

int cli_error(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    cli_progress_release();
    return CLI_TROUBLE;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
    if (cmd)
        fprintf(stderr, "\nTry 'abgleich help %s' for more information.\n", cmd);
    else
        fputs("\nTry 'abgleich help' for more information.\n", stderr);
    cli_progress_release();
    return CLI_TROUBLE;
}

void cli_file_error(const char *path, const char *message)
{
    char *safe = abg_name_escape(path); /* a hostile name stays text */

    cli_progress_hold();
    fprintf(stderr, "abgleich: %s: %s\n", safe ? safe : "(out of memory)", message);
    cli_progress_release();
    free(safe);
}

static char *concat(const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    char *p = malloc(la + lb + lc + 1);

    if (!p)
        return NULL;
    memcpy(p, a, la);
    memcpy(p + la, b, lb);
    memcpy(p + la + lb, c, lc + 1);
    return p;
}

/* True when this program is the one built in ABGLEICH_BUILD_DIR. */
static bool in_build_tree(void)
{
    char exe[PATH_MAX], build[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    size_t bl;

    if (n <= 0 || !realpath(ABGLEICH_BUILD_DIR, build))
        return false;
    exe[n] = '\0';
    bl = strlen(build);
    return !strncmp(exe, build, bl) && exe[bl] == '/';
}

char *cli_data_path(const char *relative)
{
    const char *dir = getenv("ABGLEICH_DATADIR");

    if (!dir || !*dir)
        dir = in_build_tree() ? ABGLEICH_SOURCE_DIR : ABGLEICH_INSTALL_DATADIR;
    return concat(dir, "/", relative);
}

/* Temporary -o files, removed when a signal ends the program. */
#define PENDING_MAX 4
static char *volatile pending[PENDING_MAX];

static void pending_set(char *tmp, char *was)
{
    size_t i;

    for (i = 0; i < PENDING_MAX; i++) {
        if (pending[i] == was) {
            pending[i] = tmp;
            return;
        }
    }
}

static void on_fatal_signal(int sig)
{
    int saved = errno;
    size_t i;

    for (i = 0; i < PENDING_MAX; i++)
        if (pending[i])
            unlink(pending[i]);
    cli_progress_clear_on_signal();
    signal(sig, SIG_DFL);
    raise(sig); /* delivered when the handler returns: the program dies of it */
    errno = saved;
}

void cli_signals_init(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
    static bool done;
    struct sigaction sa, old;
    sigset_t set;
    size_t i;

    if (done)
        return;
    done = true;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    sigemptyset(&set);
    for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        /* A signal the parent ignored stays ignored (nohup, background
         * jobs), except SIGPIPE: a reader that went away always ends the
         * run, at once and without a message, as it does for cat and grep. */
        if (sigs[i] != SIGPIPE && sigaction(sigs[i], NULL, &old) == 0 &&
            old.sa_handler == SIG_IGN)
            continue;
        sigaction(sigs[i], &sa, NULL);
        sigaddset(&set, sigs[i]);
    }
    sigprocmask(SIG_UNBLOCK, &set, NULL); /* before any thread: they inherit it */
}

/* The folder part of `path` ("." when it has none), into buf. */
static const char *folder_of(char *buf, size_t size, const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n;

    if (!slash)
        return ".";
    n = slash == path ? 1 : (size_t)(slash - path);
    if (n >= size)
        n = size - 1;
    memcpy(buf, path, n);
    buf[n] = '\0';
    return buf;
}

int cli_output_open(cli_output *out, const char *path)
{
    struct stat st;
    char *real = NULL, dir[PATH_MAX];
    int fd, err;

    memset(out, 0, sizeof *out);
    cli_signals_init();
    if (!path || !strcmp(path, "-")) {
        out->fp = stdout;
        cli_results_on_terminal = isatty(STDOUT_FILENO) == 1;
        return 0;
    }
    if (!*path)
        return cli_error("'' is not a file name");
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        real = realpath(path, NULL);
        if (!real && errno != ENOENT)
            return cli_error("%s: %s", path, strerror(errno));
    }
    out->path = real ? real : strdup(path);
    if (!out->path)
        return cli_error("out of memory");
    if (stat(out->path, &st) == 0 && S_ISDIR(st.st_mode)) {
        cli_error("%s: is a folder, not a file", path);
        goto fail;
    }
    if (stat(out->path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* a device or FIFO: no temporary file beside it */
        out->fp = fopen(out->path, "w");
        if (!out->fp) {
            cli_error("%s: %s", path, strerror(errno));
            goto fail;
        }
        return 0;
    }
    out->tmp_path = concat(out->path, ".tmpXXXXXX", "");
    if (!out->tmp_path) {
        cli_error("out of memory");
        goto fail;
    }
    fd = mkstemp(out->tmp_path);
    if (fd < 0) {
        err = errno;
        folder_of(dir, sizeof dir, out->path);
        if (err == ENOENT)
            cli_error("%s: folder '%s' does not exist", path, dir);
        else if (err == ENOTDIR)
            cli_error("%s: '%s' is not a folder", path, dir);
        else
            cli_error("%s: %s", path, strerror(err));
        goto fail;
    }
    pending_set(out->tmp_path, NULL);
    if (!(out->fp = fdopen(fd, "w"))) {
        cli_error("%s: %s", path, strerror(errno));
        close(fd);
        unlink(out->tmp_path);
        pending_set(NULL, out->tmp_path);
        goto fail;
    }
    {
        /* mkstemp creates 0600; give the file the mode fopen would */
        mode_t mask = umask(0);
        umask(mask);
        if (fchmod(fd, 0666 & ~mask) != 0) {
            /* not fatal: the report is still written */
        }
    }
    return 0;
fail:
    free(out->tmp_path);
    free(out->path);
    memset(out, 0, sizeof *out);
    return CLI_TROUBLE;
}

/* A write error; a reader that went away (EPIPE, when SIGPIPE could not
 * end the program) is not worth a message. */
static int write_error(const char *what, int err)
{
    if (err == EPIPE)
        return CLI_TROUBLE;
    if (err == 0) /* an earlier write failed; errno is gone */
        return cli_error("%s: write error", what);
    return cli_error("%s: %s", what, strerror(err));
}

int cli_output_close(cli_output *out, bool commit)
{
    int rc = 0;

    if (!out->fp)
        return 0;
    if (fflush(out->fp) != 0)
        rc = write_error(out->path ? out->path : "standard output", errno);
    else if (ferror(out->fp))
        rc = write_error(out->path ? out->path : "standard output", 0);
    if (out->fp == stdout && rc)
        clearerr(stdout); /* reported once, here */
    if (out->fp != stdout && fclose(out->fp) != 0 && !rc)
        rc = write_error(out->path, errno);
    if (out->tmp_path) {
        if (commit && !rc && rename(out->tmp_path, out->path) != 0)
            rc = cli_error("%s: %s", out->path, strerror(errno));
        if (rc || !commit)
            unlink(out->tmp_path);
        pending_set(NULL, out->tmp_path);
    }
    free(out->tmp_path);
    free(out->path);
    memset(out, 0, sizeof *out);
    return rc;
}

void cli_walk_report(abg_walk_severity severity, const char *path, const char *message,
                     void *payload)
{
    cli_status *st = payload;

    cli_file_error(path, message);
    if (severity == ABG_WALK_ERROR)
        st->failed++;
}

int cli_ingest_open(abg_ingest **out, abg_ctx *ctx, const cli_read_opts *o)
{
    abg_ingest_options opts = ABG_INGEST_OPTIONS_INIT;
    char *bp = NULL;
    int rc = 0;

    *out = NULL;
    opts.max_file_size = o->max_file_size;
    if (!o->no_boilerplate) {
        if (o->boilerplate)
            opts.boilerplate_path = o->boilerplate;
        else if (!(bp = cli_data_path("rules/boilerplate.de")))
            return cli_error("out of memory");
        else
            opts.boilerplate_path = bp;
    }
    if (abg_ingest_new(out, ctx, &opts) < 0) {
        rc = cli_error("%s", abg_ctx_message(ctx));
        if (!o->boilerplate && !o->no_boilerplate)
            fputs("abgleich: (set ABGLEICH_DATADIR to the folder holding rules/)\n", stderr);
    }
    free(bp);
    return rc;
}

typedef struct {
    cli_doc_fn fn;
    void *payload;
} one_by_one;

static int no_work(void **result, const abg_doc *doc, abg_ctx *ctx, void *payload)
{
    (void)doc;
    (void)ctx;
    (void)payload;
    *result = NULL;
    return 0;
}

static int call_fn(const abg_doc *doc, void *result, int discard, void *payload)
{
    const one_by_one *p = payload;

    (void)result;
    return discard ? 0 : p->fn(doc, p->payload);
}

int cli_each_doc(abg_ctx *ctx, const cli_read_opts *o, char **paths, int npaths, cli_doc_fn fn,
                 void *payload, cli_status *status)
{
    cli_read_opts one = *o;
    one_by_one p = {fn, payload};

    one.jobs = 1; /* fn does all the work, in the main thread */
    return cli_each_doc_jobs(ctx, &one, paths, npaths, no_work, call_fn, &p, status);
}

int cli_finish(cli_output *out, const cli_status *status)
{
    int rc = cli_output_close(out, true);

    return !rc && status->failed ? CLI_TROUBLE : rc;
}

int cli_lang_open(abg_lang **out, abg_ctx *ctx, const char *stopwords)
{
    abg_lang_options opts = ABG_LANG_OPTIONS_INIT;
    char *abbrevs = cli_data_path("rules/abbreviations.de");
    char *sw = stopwords ? NULL : cli_data_path("stopwords/german.txt");
    int rc = 0;

    *out = NULL;
    if (!abbrevs || (!stopwords && !sw)) {
        rc = cli_error("out of memory");
        goto done;
    }
    opts.abbreviations_path = abbrevs;
    opts.stopwords_path = stopwords ? stopwords : sw;
    if (abg_lang_new(out, ctx, &opts) < 0)
        rc = cli_error("%s", abg_ctx_message(ctx));
done:
    free(abbrevs);
    free(sw);
    return rc;
}

void cli_csv_field(FILE *out, const char *s)
{
    /* a spreadsheet runs a cell that starts with one of these as a formula */
    bool formula = s && *s && strchr("=+-@\t\r", *s);

    if (!s)
        return;
    /* ';' and tab too: spreadsheets in German and other locales split there */
    if (!strpbrk(s, ",;\"\t\r\n")) {
        if (formula)
            fputc('\'', out);
        fputs(s, out);
        return;
    }
    fputc('"', out);
    if (formula)
        fputc('\'', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* An optional '-', digits, an optional fraction and exponent. */
static bool is_number(const char *s)
{
    const char *p = s + (*s == '-');
    size_t digits = 0;

    for (; *p >= '0' && *p <= '9'; p++)
        digits++;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++)
            digits++;
    if (!digits)
        return false;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (*p < '0' || *p > '9')
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

void cli_csv_number(FILE *out, const char *s)
{
    if (s && is_number(s))
        fputs(s, out);
    else
        cli_csv_field(out, s);
}
