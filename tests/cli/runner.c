/*
 * runner.c - golden-test runner for the abgleich command-line tool.
 *
 * Test file format (tests/cli/NAME.t), plain UTF-8 text. Lines end at LF;
 * everything before the LF (trailing spaces, a CR) is content. The first
 * character(s) of a line say what it is:
 *
 *   # text          comment; ignored anywhere. Lines starting with "####" are
 *                   comments too (banners).
 *   ### Title       starts a new case. Everything after "### " is the title.
 *   % COMMAND       set-up step, run as /bin/sh -c COMMAND with cwd = root,
 *                   empty stdin; any number, run in file order before the
 *                   command. A non-zero exit fails the case ("setup failed").
 *   ? COMMAND       precondition, run like a set-up step before them: when
 *                   it exits non-zero the case is skipped, not failed ("a
 *                   pseudo-terminal can be created").
 *   $ ARGS          the command, exactly one per case (see "Arguments").
 *   < TEXT          TEXT plus "\n" is appended to the command's stdin.
 *   <@ PATH         the command's stdin is the content of file PATH.
 *   > TEXT          one expected stdout line; expected stdout is the
 *                   concatenation of all ">" lines, each followed by "\n".
 *   >@ PATH         expected stdout is exactly the content of file PATH
 *                   (use this for output that does not end in "\n").
 *   ! TEXT, !@ PATH the same for stderr.
 *   = N             expected exit status, 0..255 (default 0).
 *
 * A prefix is followed by exactly one space, then the content, verbatim to
 * the end of the line. A line that is exactly "<", ">" or "!" stands for an
 * empty line. Lines that are empty or contain only spaces/tabs are ignored.
 * Directives of a case may come in any order. Without ">"/">@" lines stdout
 * must be empty; without "!"/"!@" lines stderr must be empty; without "<"/"<@"
 * lines stdin is empty. Mixing "X" and "X@" lines in one case is an error.
 * PATHs are relative to the source root (or absolute).
 *
 * Each case runs in a fresh temporary directory (under $TMPDIR or /tmp,
 * symlinks resolved), removed afterwards. Its path is in the environment
 * variable ABG_TMP, and the literal text {tmp} is replaced by it in the
 * arguments of the "$" line, in "<", ">" and "!" lines and in "<@", ">@" and
 * "!@" paths (not in "%" lines, which use "$ABG_TMP", nor in file contents).
 * "<@"/">@"/"!@" files are read after the set-up steps ran, so a set-up step
 * may create them in {tmp}. The environment of set-up steps and the command
 * is the runner's plus LC_ALL=C, NO_COLOR=1, TZ=UTC, ABG_TMP and ABG_BIN (the
 * absolute --bin path, for commands that run the program through sh -c).
 *
 * Arguments: the "$" line is split without a shell, on spaces and tabs.
 * '...' keeps everything literally; "..." keeps spaces and understands the
 * escapes \" and \\ (any other backslash is literal); outside quotes a
 * backslash is an ordinary character. Adjacent quoted and unquoted parts
 * form one argument; '' or "" alone is an empty argument. {tmp} is replaced
 * after splitting, so a directory path with spaces stays one argument. A
 * first argument "abgleich" is replaced by the --bin path; any other is
 * looked up in PATH. The command runs with cwd = root.
 *
 * Invocation:
 *   runner --bin PATH --root DIR [--timeout S] [--verbose] FILE.t [CASE]
 * CASE is a 1-based case number (if it is all digits) or else a substring of
 * the titles to run. The timeout (default 60 s) covers a case's set-up steps
 * and command together. Output: one "FILE:LINE: reason (title)" line per
 * failure (LINE is the "###" line, or the offending line for parse errors),
 * diffs for differing output, and a last line "N passed, N failed". Text
 * before the first case and a file without cases each count as one failure.
 * Exit status: 0 all passed, 1 something failed, 77 nothing failed but a
 * case was skipped, 2 usage error (including a CASE that selects nothing).
 */

#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

enum {
    IO_CHUNK = 65536,        /* bytes per read()/write() on the pipes */
    DIFF_MAX_LINES = 200,    /* diff lines shown per differing stream */
    SETUP_MAX_LINES = 50,    /* output lines shown for a failed set-up step */
    DEFAULT_TIMEOUT = 60,    /* seconds per case */
};

/* Captured output beyond this is dropped (and the comparison fails), so a
 * runaway command cannot exhaust memory before its timeout. */
#define CAPTURE_MAX ((size_t)256 * 1024 * 1024)

/* Process group of the child currently running, for the signal handler. */
static volatile sig_atomic_t g_child_pid;

/* SIGINT/SIGTERM/SIGHUP received: no new process is started, the current
 * case is cleaned up, then the runner dies of this signal. */
static volatile sig_atomic_t g_interrupted;

/* ------------------------------------------------------------------ memory */

static void die_oom(void)
{
    fputs("runner: out of memory\n", stderr);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die_oom();
    return q;
}

static char *xstrndup(const char *s, size_t n)
{
    char *p = xrealloc(NULL, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Returns a newly allocated formatted string; never NULL. */
static char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        die_oom();
    char *s = xrealloc(NULL, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* Growable byte buffer. Once anything was appended, data is NUL-terminated
 * (the NUL is not counted in len), so text buffers can be used as strings. */
struct buf {
    char *data;
    size_t len;
    size_t cap;
};

static void buf_append(struct buf *b, const void *p, size_t n)
{
    if (n > SIZE_MAX - b->len - 1)
        die_oom();
    size_t need = b->len + n + 1;
    if (need > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < need)
            cap = cap > SIZE_MAX / 2 ? need : cap * 2;
        b->data = xrealloc(b->data, cap);
        b->cap = cap;
    }
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_free(struct buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* Growable array of owned strings. */
struct strvec {
    char **v;
    size_t n;
    size_t cap;
};

static void strvec_push(struct strvec *sv, char *s)
{
    if (sv->n == sv->cap) {
        sv->cap = sv->cap ? sv->cap * 2 : 4;
        sv->v = xrealloc(sv->v, sv->cap * sizeof *sv->v);
    }
    sv->v[sv->n++] = s;
}

static void strvec_free(struct strvec *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = sv->cap = 0;
}

/* --------------------------------------------------------------- the model */

/* Where the stdin or an expected output stream of a case comes from. */
struct stream_spec {
    struct buf text;    /* "<"/">"/"!" lines, each plus "\n"; {tmp} not yet
                           replaced */
    bool has_lines;
    char *path;         /* from "<@"/">@"/"!@", or NULL */
};

struct tcase {
    char *title;
    size_t line;            /* line number of the "###" line */
    char *error;            /* first parse error, or NULL */
    size_t error_line;
    struct strvec setup;    /* "%" commands in file order */
    struct strvec require;  /* "?" commands in file order */
    bool has_command;
    struct strvec args;     /* the split "$" line; {tmp} not yet replaced */
    struct stream_spec in, out, err;
    bool has_exit;
    int exit_code;
};

struct tfile {
    struct tcase *cases;
    size_t n;
    size_t cap;
    char *error;            /* first error outside any case, or NULL */
    size_t error_line;
};

static void tcase_free(struct tcase *tc)
{
    free(tc->title);
    free(tc->error);
    strvec_free(&tc->setup);
    strvec_free(&tc->require);
    strvec_free(&tc->args);
    struct stream_spec *ss[] = {&tc->in, &tc->out, &tc->err};
    for (size_t i = 0; i < 3; i++) {
        buf_free(&ss[i]->text);
        free(ss[i]->path);
    }
}

/* ----------------------------------------------------------------- parsing */

static void case_error(struct tcase *tc, size_t line, const char *fmt, ...)
    PRINTF_LIKE(3, 4);

/* Records a parse error for the case; only the first one is kept. */
static void case_error(struct tcase *tc, size_t line, const char *fmt, ...)
{
    if (tc->error)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        die_oom();
    tc->error = xrealloc(NULL, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(tc->error, (size_t)n + 1, fmt, ap);
    va_end(ap);
    tc->error_line = line;
}

/* Splits the content of a "$" line into arguments (rules in the file
 * comment), appending them to out. Returns NULL on success, otherwise a
 * static error message (out may then hold some arguments). */
static const char *split_args(const char *s, size_t n, struct strvec *out)
{
    size_t i = 0;
    for (;;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= n)
            return NULL;
        struct buf arg = {0};
        buf_append(&arg, "", 0);    /* so that '' yields "" and not NULL */
        while (i < n && s[i] != ' ' && s[i] != '\t') {
            if (s[i] == '\'') {
                const char *end = memchr(s + i + 1, '\'', n - i - 1);
                if (!end) {
                    buf_free(&arg);
                    return "unterminated single quote";
                }
                buf_append(&arg, s + i + 1, (size_t)(end - (s + i + 1)));
                i = (size_t)(end - s) + 1;
            } else if (s[i] == '"') {
                i++;
                for (;;) {
                    if (i >= n) {
                        buf_free(&arg);
                        return "unterminated double quote";
                    }
                    if (s[i] == '"') {
                        i++;
                        break;
                    }
                    if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '"' || s[i + 1] == '\\'))
                        i++;
                    buf_append(&arg, s + i, 1);
                    i++;
                }
            } else {
                buf_append(&arg, s + i, 1);
                i++;
            }
        }
        strvec_push(out, arg.data);
    }
}

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

static struct tcase *new_case(struct tfile *tf, size_t line)
{
    if (tf->n == tf->cap) {
        tf->cap = tf->cap ? tf->cap * 2 : 16;
        tf->cases = xrealloc(tf->cases, tf->cap * sizeof *tf->cases);
    }
    struct tcase *tc = &tf->cases[tf->n++];
    memset(tc, 0, sizeof *tc);
    tc->line = line;
    return tc;
}

/* Handles a directive line (one of % $ < <@ > >@ ! !@ =) of case tc. */
static void parse_directive(struct tcase *tc, const char *s, size_t n, size_t lineno)
{
    char c = s[0];
    bool known = c == '%' || c == '?' || c == '$' || c == '<' || c == '>' || c == '!' ||
                 c == '=';
    bool at = n >= 2 && s[1] == '@' && (c == '<' || c == '>' || c == '!');
    size_t plen = at ? 2 : 1;
    if (!known) {
        case_error(tc, lineno, "unknown line prefix in \"%.*s\"", (int)(n > 20 ? 20 : n), s);
        return;
    }
    if (n > plen && s[plen] != ' ') {
        case_error(tc, lineno, "missing space after \"%.*s\"", (int)plen, s);
        return;
    }
    const char *content = n > plen ? s + plen + 1 : s + n;
    size_t clen = n > plen ? n - plen - 1 : 0;

    struct stream_spec *ss = c == '<' ? &tc->in : c == '>' ? &tc->out : &tc->err;
    switch (c) {
    case '<':
    case '>':
    case '!':
        if (at) {
            if (clen == 0)
                case_error(tc, lineno, "missing file name after \"%c@\"", c);
            else if (ss->path)
                case_error(tc, lineno, "more than one \"%c@\" line", c);
            else if (ss->has_lines)
                case_error(tc, lineno, "\"%c\" and \"%c@\" lines in one case", c, c);
            else
                ss->path = xstrndup(content, clen);
        } else if (ss->path) {
            case_error(tc, lineno, "\"%c\" and \"%c@\" lines in one case", c, c);
        } else {
            ss->has_lines = true;
            buf_append(&ss->text, content, clen);
            buf_append(&ss->text, "\n", 1);
        }
        break;
    case '%':
    case '?':
        if (is_blank(content, clen))
            case_error(tc, lineno, "empty set-up command");
        else
            strvec_push(c == '%' ? &tc->setup : &tc->require, xstrndup(content, clen));
        break;
    case '$': {
        if (tc->has_command) {
            case_error(tc, lineno, "more than one \"$\" line");
            break;
        }
        tc->has_command = true;
        const char *msg = split_args(content, clen, &tc->args);
        if (msg)
            case_error(tc, lineno, "%s", msg);
        else if (tc->args.n == 0)
            case_error(tc, lineno, "empty command");
        break;
    }
    case '=': {
        if (tc->has_exit) {
            case_error(tc, lineno, "more than one \"=\" line");
            break;
        }
        tc->has_exit = true;
        int v = 0;
        bool ok = clen >= 1 && clen <= 3;
        for (size_t i = 0; ok && i < clen; i++) {
            if (content[i] < '0' || content[i] > '9')
                ok = false;
            else
                v = v * 10 + (content[i] - '0');
        }
        if (!ok || v > 255)
            case_error(tc, lineno, "exit code must be a number from 0 to 255");
        else
            tc->exit_code = v;
        break;
    }
    default:
        break;
    }
}

/* Parses a whole .t file into tf. Never fails: problems are recorded as
 * parse errors of the case (or of the file, outside any case). */
static void parse_file(const char *text, size_t len, struct tfile *tf)
{
    struct tcase *tc = NULL;
    size_t pos = 0;
    size_t lineno = 0;
    while (pos < len) {
        const char *s = text + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        pos += n + (nl ? 1 : 0);
        lineno++;

        if (is_blank(s, n))
            continue;
        bool has_nul = memchr(s, '\0', n) != NULL;
        if (n >= 3 && memcmp(s, "###", 3) == 0 && (n == 3 || s[3] != '#')) {
            tc = new_case(tf, lineno);
            if (n > 3 && s[3] != ' ') {
                tc->title = xstrndup(s + 3, n - 3);
                case_error(tc, lineno, "missing space after \"###\"");
            } else {
                tc->title = xstrndup(s + (n > 3 ? 4 : 3), n > 3 ? n - 4 : 0);
                if (tc->title[0] == '\0')
                    case_error(tc, lineno, "missing case title");
            }
            if (has_nul)
                case_error(tc, lineno, "NUL byte in line");
            continue;
        }
        if (s[0] == '#')
            continue;
        if (!tc) {
            if (!tf->error) {
                tf->error = xasprintf("%s", "text before the first \"###\" case");
                tf->error_line = lineno;
            }
            continue;
        }
        if (has_nul)
            case_error(tc, lineno, "NUL byte in line");
        if (tc->error)
            continue;   /* the case has failed already; skip the rest */
        parse_directive(tc, s, n, lineno);
    }
}

/* ------------------------------------------------------------------ helpers */

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Appends s[0..n) to out with every "{tmp}" replaced by tmp. */
static void subst_tmp(struct buf *out, const char *s, size_t n, const char *tmp)
{
    static const char key[] = "{tmp}";
    const size_t klen = sizeof key - 1;
    size_t i = 0;
    buf_append(out, "", 0);
    while (i < n) {
        const char *brace = memchr(s + i, '{', n - i);
        size_t upto = brace ? (size_t)(brace - s) : n;
        buf_append(out, s + i, upto - i);
        i = upto;
        if (i >= n)
            break;
        if (n - i >= klen && memcmp(s + i, key, klen) == 0) {
            buf_append(out, tmp, strlen(tmp));
            i += klen;
        } else {
            buf_append(out, s + i, 1);
            i++;
        }
    }
}

/* Reads the whole file at path into out. Returns 0 or an errno value. */
static int read_whole_file(const char *path, struct buf *out)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    buf_append(out, "", 0);
    char chunk[IO_CHUNK];
    for (;;) {
        ssize_t r = read(fd, chunk, sizeof chunk);
        if (r > 0) {
            buf_append(out, chunk, (size_t)r);
        } else if (r == 0) {
            break;
        } else if (errno != EINTR) {
            int e = errno;
            close(fd);
            return e;
        }
    }
    close(fd);
    return 0;
}

/* Creates (or truncates) path and writes data to it. Returns 0 or errno. */
static int write_whole_file(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno;
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            int e = errno;
            close(fd);
            return e;
        }
        off += (size_t)w;
    }
    if (close(fd) != 0)
        return errno;
    return 0;
}

/* Prints at most max_lines lines of data to stdout, each after indent, then
 * how many lines were left out. An unterminated last line gets a "\n". */
static void print_capped(const char *data, size_t len, size_t max_lines, const char *indent)
{
    size_t pos = 0;
    size_t shown = 0;
    size_t total = 0;
    while (pos < len) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (data + pos)) : len - pos;
        if (shown < max_lines) {
            fputs(indent, stdout);
            fwrite(data + pos, 1, n, stdout);
            putchar('\n');
            shown++;
        }
        total++;
        pos += n + (nl ? 1 : 0);
    }
    if (total > shown)
        printf("%s... (%zu more lines not shown)\n", indent, total - shown);
}

/* ---------------------------------------------------------- temporary dirs */

static bool g_unlocked;

/* nftw callback: makes directories accessible to us so they can be emptied
 * (a test may have chmod-ed them). Sets g_unlocked when an unreadable
 * directory was opened up, whose contents need another pass. */
static int unlock_cb(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)ftw;
    if ((type == FTW_D || type == FTW_DNR) && (sb->st_mode & 0700) != 0700) {
        if (chmod(path, 0700) == 0 && type == FTW_DNR)
            g_unlocked = true;
    }
    return 0;
}

/* nftw callback (depth-first): removes each entry; errors are detected by
 * the caller checking that the top directory is gone. */
static int remove_cb(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    if (type == FTW_DP)
        rmdir(path);
    else
        unlink(path);
    return 0;
}

/* Removes the directory tree at dir, without following symlinks. Returns
 * true when it is gone. */
static bool remove_tree(const char *dir)
{
    for (int pass = 0; pass < 64; pass++) {
        g_unlocked = false;
        nftw(dir, unlock_cb, 16, FTW_PHYS);
        if (!g_unlocked)
            break;
    }
    nftw(dir, remove_cb, 16, FTW_PHYS | FTW_DEPTH);
    struct stat st;
    return lstat(dir, &st) != 0 && errno == ENOENT;
}

/* Creates a fresh directory under $TMPDIR (or /tmp) and returns its
 * canonical absolute path (malloc-ed), or NULL with errno set. */
static char *make_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    char *tmpl = xasprintf("%s/abgleich-test-XXXXXX", base);
    if (!mkdtemp(tmpl)) {
        int e = errno;
        free(tmpl);
        errno = e;
        return NULL;
    }
    char *real = realpath(tmpl, NULL);
    if (!real) {
        int e = errno;
        rmdir(tmpl);
        free(tmpl);
        errno = e;
        return NULL;
    }
    free(tmpl);
    return real;
}

/* ------------------------------------------------------- running processes */

struct proc_result {
    struct buf out;
    struct buf err;
    bool out_truncated;     /* more than CAPTURE_MAX bytes were written */
    bool err_truncated;
    bool timed_out;         /* killed by us at the deadline */
    int status;             /* waitpid status (valid unless timed_out) */
};

static void proc_result_free(struct proc_result *r)
{
    buf_free(&r->out);
    buf_free(&r->err);
}

static void kill_child_group(pid_t pid)
{
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
}

/* Gives up on an unexpected system error; the child dies with us. */
static void fatal_errno(const char *what)
{
    int e = errno;
    pid_t pid = (pid_t)g_child_pid;
    if (pid > 0)
        kill_child_group(pid);
    fflush(stdout);
    fprintf(stderr, "runner: %s: %s\n", what, strerror(e));
    exit(2);
}

static int make_pipe(int fds[2])
{
    if (pipe(fds) != 0)
        return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
}

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

static void capture(struct buf *b, bool *truncated, const char *p, size_t n)
{
    if (b->len + n > CAPTURE_MAX) {
        *truncated = true;
        n = CAPTURE_MAX - b->len;
    }
    buf_append(b, p, n);
}

/* Reads what is available on *fd after poll() reported revents; closes the
 * fd (setting it to -1) at end of file or on error. */
static void drain_fd(int *fd, short revents, struct buf *b, bool *truncated, char *chunk)
{
    if (*fd < 0 || revents == 0)
        return;
    ssize_t r = read(*fd, chunk, IO_CHUNK);
    if (r > 0)
        capture(b, truncated, chunk, (size_t)r);
    else if (r == 0 || (errno != EINTR && errno != EAGAIN))
        close_fd(fd);
}

/* Runs argv (argv[0] looked up in PATH) in the current directory, in its own
 * process group, writing in[0..in_len) to its stdin (then closing it) while
 * capturing stdout and stderr, until both are closed and the child exited.
 * If the deadline (now_ms() time) passes first, the process group is killed
 * with SIGKILL and res->timed_out is set; any processes left in the group
 * after the child exited are killed too. Returns 0 when the child was started
 * (res is filled and must be freed with proc_result_free), otherwise an
 * errno value (EINTR after an interrupt). A failing exec shows up as exit
 * status 127 plus a message on the captured stderr. */
static int run_process(const char *const argv[], const char *in, size_t in_len,
                       long long deadline, struct proc_result *res)
{
    int pin[2] = {-1, -1}, pout[2] = {-1, -1}, perr[2] = {-1, -1};
    memset(res, 0, sizeof *res);
    if (g_interrupted)
        return EINTR;
    buf_append(&res->out, "", 0);
    buf_append(&res->err, "", 0);
    if (make_pipe(pin) != 0 || make_pipe(pout) != 0 || make_pipe(perr) != 0) {
        int e = errno;
        int *all[] = {&pin[0], &pin[1], &pout[0], &pout[1], &perr[0], &perr[1]};
        for (size_t i = 0; i < 6; i++)
            close_fd(all[i]);
        proc_result_free(res);
        return e;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        int *all[] = {&pin[0], &pin[1], &pout[0], &pout[1], &perr[0], &perr[1]};
        for (size_t i = 0; i < 6; i++)
            close_fd(all[i]);
        proc_result_free(res);
        return e;
    }
    if (pid == 0) {
        /* Own process group, so that a timeout can kill grandchildren too.
         * SIGPIPE is ignored in the runner and would stay ignored across
         * exec; the command must see the default. */
        setpgid(0, 0);
        signal(SIGPIPE, SIG_DFL);
        if (dup2(pin[0], 0) < 0 || dup2(pout[1], 1) < 0 || dup2(perr[1], 2) < 0)
            _exit(127);
        execvp(argv[0], (char *const *)argv);
        dprintf(2, "runner: cannot execute %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    g_child_pid = pid;
    setpgid(pid, pid);  /* also here, so the group exists before any kill */
    close_fd(&pin[0]);
    close_fd(&pout[1]);
    close_fd(&perr[1]);
    int in_fd = pin[1], out_fd = pout[0], err_fd = perr[0];
    int fl = fcntl(in_fd, F_GETFL);
    if (fl >= 0)
        fcntl(in_fd, F_SETFL, fl | O_NONBLOCK);
    if (in_len == 0)
        close_fd(&in_fd);

    size_t in_off = 0;
    char chunk[IO_CHUNK];
    while (in_fd >= 0 || out_fd >= 0 || err_fd >= 0) {
        if (g_interrupted)
            kill_child_group(pid);  /* the signal may predate g_child_pid */
        long long left = deadline - now_ms();
        if (left <= 0) {
            res->timed_out = true;
            break;
        }
        struct pollfd pfd[3] = {
            {.fd = in_fd, .events = POLLOUT},
            {.fd = out_fd, .events = POLLIN},
            {.fd = err_fd, .events = POLLIN},
        };
        int rc = poll(pfd, 3, left > INT_MAX ? INT_MAX : (int)left);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc < 0)
            fatal_errno("poll");
        if (in_fd >= 0 && pfd[0].revents != 0) {
            if (pfd[0].revents & POLLOUT) {
                size_t want = in_len - in_off;
                if (want > IO_CHUNK)
                    want = IO_CHUNK;
                ssize_t w = write(in_fd, in + in_off, want);
                if (w > 0)
                    in_off += (size_t)w;
                else if (w < 0 && errno != EAGAIN && errno != EINTR)
                    in_off = in_len;    /* EPIPE: the child closed its stdin */
            } else {
                in_off = in_len;        /* POLLERR/POLLHUP: reader is gone */
            }
            if (in_off >= in_len)
                close_fd(&in_fd);
        }
        drain_fd(&out_fd, pfd[1].revents, &res->out, &res->out_truncated, chunk);
        drain_fd(&err_fd, pfd[2].revents, &res->err, &res->err_truncated, chunk);
    }

    /* The pipes are closed; the child may still be running (it can close
     * them early), so wait for it, still within the deadline. */
    int nap = 1;
    while (!res->timed_out) {
        if (g_interrupted)
            kill_child_group(pid);
        pid_t w = waitpid(pid, &res->status, WNOHANG);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR)
            fatal_errno("waitpid");
        long long left = deadline - now_ms();
        if (left <= 0) {
            res->timed_out = true;
            break;
        }
        poll(NULL, 0, left < nap ? (int)left : nap);
        nap = nap < 50 ? nap * 2 : 50;
    }
    if (res->timed_out) {
        kill_child_group(pid);
        close_fd(&in_fd);
        close_fd(&out_fd);
        close_fd(&err_fd);
        while (waitpid(pid, &res->status, 0) < 0 && errno == EINTR) {
        }
    }
    kill(-pid, SIGKILL);    /* leftovers in the group, e.g. "cmd &" */
    g_child_pid = 0;
    return 0;
}

/* -------------------------------------------------------------- test cases */

struct options {
    const char *bin;        /* absolute path of the abgleich binary */
    const char *file;       /* the .t file as given, for messages */
    long timeout;           /* seconds per case */
    bool verbose;
};

static void report(const struct options *o, size_t line, const char *title,
                   const char *fmt, ...) PRINTF_LIKE(4, 5);

/* Prints one failure line: "FILE:LINE: reason (title)". */
static void report(const struct options *o, size_t line, const char *title,
                   const char *fmt, ...)
{
    va_list ap;
    printf("%s:%zu: ", o->file, line);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    if (title && *title)
        printf(" (%s)", title);
    putchar('\n');
}

/* Shows a unified diff of expected vs actual (at most DIFF_MAX_LINES lines),
 * using files named after what ("stdout"/"stderr") in tmpdir. */
static void show_diff(const struct options *o, const char *tmpdir, const char *what,
                      const struct buf *expected, const struct buf *actual)
{
    char *exp_path = xasprintf("%s/.runner-expected-%s", tmpdir, what);
    char *act_path = xasprintf("%s/.runner-actual-%s", tmpdir, what);
    int e = write_whole_file(exp_path, expected->data ? expected->data : "", expected->len);
    if (e == 0)
        e = write_whole_file(act_path, actual->data ? actual->data : "", actual->len);
    if (e != 0) {
        printf("  (cannot write files for diff: %s)\n", strerror(e));
        goto out;
    }
    const char *argv[] = {"diff", "-u", "--label", "expected", "--label", "actual",
                          exp_path, act_path, NULL};
    struct proc_result r;
    e = run_process(argv, NULL, 0, now_ms() + o->timeout * 1000LL, &r);
    if (e != 0) {
        printf("  (cannot run diff: %s)\n", strerror(e));
        goto out;
    }
    print_capped(r.out.data, r.out.len, DIFF_MAX_LINES, "");
    if (r.timed_out || !WIFEXITED(r.status) || WEXITSTATUS(r.status) > 1)
        print_capped(r.err.data, r.err.len, DIFF_MAX_LINES, "");
    proc_result_free(&r);
out:
    free(exp_path);
    free(act_path);
}

/* Fills out with the content a stream spec describes, {tmp} replaced in its
 * lines or path. Returns NULL or a malloc-ed error message. */
static char *load_stream(const struct stream_spec *ss, const char *tmp, struct buf *out)
{
    buf_append(out, "", 0);
    if (!ss->path) {
        subst_tmp(out, ss->text.data ? ss->text.data : "", ss->text.len, tmp);
        return NULL;
    }
    struct buf path = {0};
    subst_tmp(&path, ss->path, strlen(ss->path), tmp);
    int e = read_whole_file(path.data, out);
    char *msg = e ? xasprintf("cannot read %s: %s", path.data, strerror(e)) : NULL;
    buf_free(&path);
    return msg;
}

/* Describes how a process ended, for "setup failed (...)". */
static char *describe_end(const struct options *o, const struct proc_result *r)
{
    if (r->timed_out)
        return xasprintf("timed out after %ld s", o->timeout);
    if (WIFSIGNALED(r->status))
        return xasprintf("killed by signal %d", WTERMSIG(r->status));
    return xasprintf("exit %d", WEXITSTATUS(r->status));
}

/* Runs the preconditions of tc: true when each exits 0. */
static bool met(const struct tcase *tc, long long deadline)
{
    for (size_t i = 0; i < tc->require.n; i++) {
        const char *argv[] = {"/bin/sh", "-c", tc->require.v[i], NULL};
        struct proc_result r;
        bool ok;
        if (run_process(argv, NULL, 0, deadline, &r) != 0)
            return false;
        ok = !r.timed_out && WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0;
        proc_result_free(&r);
        if (!ok)
            return false;
    }
    return true;
}

/* Runs the set-up steps of tc. Returns true when all succeeded; otherwise
 * reports the failure with the step's output. */
static bool run_setup(const struct options *o, const struct tcase *tc, long long deadline)
{
    for (size_t i = 0; i < tc->setup.n; i++) {
        const char *argv[] = {"/bin/sh", "-c", tc->setup.v[i], NULL};
        struct proc_result r;
        int e = run_process(argv, NULL, 0, deadline, &r);
        if (e != 0) {
            report(o, tc->line, tc->title, "setup failed (cannot start /bin/sh: %s)",
                   strerror(e));
            return false;
        }
        if (r.timed_out || !WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0) {
            char *why = describe_end(o, &r);
            report(o, tc->line, tc->title, "setup failed (%s)", why);
            free(why);
            printf("  %% %s\n", tc->setup.v[i]);
            print_capped(r.err.data, r.err.len, SETUP_MAX_LINES, "  ");
            print_capped(r.out.data, r.out.len, SETUP_MAX_LINES, "  ");
            proc_result_free(&r);
            return false;
        }
        proc_result_free(&r);
    }
    return true;
}

/* Compares one output stream, reporting and diffing a difference. */
static bool check_stream(const struct options *o, const struct tcase *tc, const char *tmp,
                         const char *what, const struct buf *expected,
                         const struct buf *actual, bool truncated)
{
    if (!truncated && expected->len == actual->len
        && (actual->len == 0 || memcmp(expected->data, actual->data, actual->len) == 0))
        return true;
    report(o, tc->line, tc->title, "%s differs", what);
    if (truncated)
        printf("  (actual %s truncated after %zu bytes)\n", what, CAPTURE_MAX);
    show_diff(o, tmp, what, expected, actual);
    return false;
}

/* Runs the command of tc in tmp and checks its results. */
static bool run_command(const struct options *o, const struct tcase *tc, const char *tmp,
                        long long deadline)
{
    bool ok = false;
    struct buf in = {0}, exp_out = {0}, exp_err = {0};
    struct strvec args = {0};
    struct proc_result r;
    char *msg = load_stream(&tc->in, tmp, &in);
    if (!msg)
        msg = load_stream(&tc->out, tmp, &exp_out);
    if (!msg)
        msg = load_stream(&tc->err, tmp, &exp_err);
    if (msg) {
        report(o, tc->line, tc->title, "%s", msg);
        free(msg);
        goto out;
    }

    for (size_t i = 0; i < tc->args.n; i++) {
        struct buf arg = {0};
        if (i == 0 && strcmp(tc->args.v[0], "abgleich") == 0)
            buf_append(&arg, o->bin, strlen(o->bin));
        else
            subst_tmp(&arg, tc->args.v[i], strlen(tc->args.v[i]), tmp);
        strvec_push(&args, arg.data);
    }
    strvec_push(&args, NULL);

    int e = run_process((const char *const *)args.v, in.data, in.len, deadline, &r);
    if (e != 0) {
        report(o, tc->line, tc->title, "cannot start command: %s", strerror(e));
        goto out;
    }
    if (r.timed_out) {
        report(o, tc->line, tc->title, "timed out after %ld s", o->timeout);
        proc_result_free(&r);
        goto out;
    }
    ok = check_stream(o, tc, tmp, "stdout", &exp_out, &r.out, r.out_truncated);
    ok &= check_stream(o, tc, tmp, "stderr", &exp_err, &r.err, r.err_truncated);
    if (WIFSIGNALED(r.status)) {
        report(o, tc->line, tc->title, "killed by signal %d", WTERMSIG(r.status));
        ok = false;
    } else if (WEXITSTATUS(r.status) != tc->exit_code) {
        report(o, tc->line, tc->title, "exit code %d, expected %d", WEXITSTATUS(r.status),
               tc->exit_code);
        ok = false;
    }
    proc_result_free(&r);
out:
    buf_free(&in);
    buf_free(&exp_out);
    buf_free(&exp_err);
    strvec_free(&args);
    return ok;
}

/* Runs one case: parse errors, fresh tmp dir, set-up, command, checks. */
/* 1 passed, 0 failed, -1 skipped (a precondition not met). */
static int run_case(const struct options *o, const struct tcase *tc)
{
    if (tc->error) {
        report(o, tc->error_line, tc->title, "parse error: %s", tc->error);
        return false;
    }
    if (!tc->has_command) {
        report(o, tc->line, tc->title, "no command");
        return false;
    }
    char *tmp = make_tmpdir();
    if (!tmp) {
        report(o, tc->line, tc->title, "cannot create temporary directory: %s",
               strerror(errno));
        return false;
    }
    if (setenv("ABG_TMP", tmp, 1) != 0)
        fatal_errno("setenv");
    long long deadline = now_ms() + o->timeout * 1000LL;
    int ok = !met(tc, deadline) ? -1
             : run_setup(o, tc, deadline) && run_command(o, tc, tmp, deadline) ? 1
                                                                             : 0;
    if (!remove_tree(tmp))
        fprintf(stderr, "runner: warning: cannot remove %s\n", tmp);
    free(tmp);
    return ok;
}

/* -------------------------------------------------------------------- main */

/* Kills the running child so the runner can clean up its temporary
 * directory and then die of the signal (see g_interrupted). A second signal
 * ends the runner at once. */
static void on_fatal_signal(int sig)
{
    pid_t pid = (pid_t)g_child_pid;
    if (pid > 0) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
    }
    if (g_interrupted) {
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    g_interrupted = sig;
}

/* Dies of the signal recorded by on_fatal_signal, if any. */
static void die_if_interrupted(void)
{
    int sig = (int)g_interrupted;
    if (sig == 0)
        return;
    fflush(stdout);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void setup_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);
    /* Do not leave a running command or a temporary directory behind when
     * we are interrupted. */
    sa.sa_handler = on_fatal_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

/* Makes sure fds 0-2 are open, so that pipes never land on them (dup2 onto
 * the same fd would keep FD_CLOEXEC). */
static void ensure_std_fds(void)
{
    for (int fd = 0; fd < 3; fd++) {
        if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            if (open("/dev/null", O_RDWR) != fd)
                exit(2);
        }
    }
}

static void usage_error(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Prints "runner: MESSAGE" and the usage to stderr and exits with 2. */
static void usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("runner: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nusage: runner --bin PATH --root DIR [--timeout S] [--verbose] FILE.t [CASE]\n",
          stderr);
    exit(2);
}

/* Parses a non-empty string of decimal digits; returns false on overflow or
 * any other character. */
static bool parse_count(const char *s, unsigned long *out)
{
    if (!*s)
        return false;
    for (const char *p = s; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    errno = 0;
    char *end;
    *out = strtoul(s, &end, 10);
    return errno == 0 && *end == '\0';
}

int main(int argc, char **argv)
{
    ensure_std_fds();
    struct options o = {.timeout = DEFAULT_TIMEOUT};
    const char *bin = NULL, *root = NULL, *selector = NULL;
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && a[0] == '-' && a[1] != '\0') {
            if (strcmp(a, "--") == 0) {
                options_done = true;
            } else if (strcmp(a, "--verbose") == 0) {
                o.verbose = true;
            } else if (strcmp(a, "--bin") == 0 || strcmp(a, "--root") == 0
                       || strcmp(a, "--timeout") == 0) {
                if (i + 1 >= argc)
                    usage_error("option %s needs an argument", a);
                const char *v = argv[++i];
                if (a[2] == 'b') {
                    bin = v;
                } else if (a[2] == 'r') {
                    root = v;
                } else {
                    unsigned long t;
                    if (!parse_count(v, &t) || t == 0 || t > 86400UL * 7)
                        usage_error("bad --timeout value '%s'", v);
                    o.timeout = (long)t;
                }
            } else {
                usage_error("unknown option %s", a);
            }
        } else if (!o.file) {
            o.file = a;
        } else if (!selector) {
            selector = a;
        } else {
            usage_error("unexpected argument '%s'", a);
        }
    }
    if (!bin)
        usage_error("%s", "missing --bin");
    if (!root)
        usage_error("%s", "missing --root");
    if (!o.file)
        usage_error("%s", "missing test file");

    setup_signals();
    char *bin_abs = realpath(bin, NULL);
    if (!bin_abs) {
        fprintf(stderr, "runner: cannot resolve --bin %s: %s\n", bin, strerror(errno));
        return 2;
    }
    o.bin = bin_abs;
    if (chdir(root) != 0) {
        fprintf(stderr, "runner: cannot enter --root %s: %s\n", root, strerror(errno));
        return 2;
    }
    struct buf text = {0};
    int e = read_whole_file(o.file, &text);
    if (e != 0) {
        fprintf(stderr, "runner: cannot read %s: %s\n", o.file, strerror(e));
        return 2;
    }
    if (setenv("LC_ALL", "C", 1) != 0 || setenv("NO_COLOR", "1", 1) != 0
        || setenv("TZ", "UTC", 1) != 0 || setenv("ABG_BIN", o.bin, 1) != 0)
        fatal_errno("setenv");

    die_if_interrupted();
    struct tfile tf = {0};
    parse_file(text.data, text.len, &tf);
    buf_free(&text);

    /* Which cases to run: all, one by number, or those whose title
     * contains the selector. */
    unsigned long number = 0;
    bool by_number = selector && parse_count(selector, &number);
    if (selector && tf.n > 0) {
        bool any = false;
        for (size_t i = 0; i < tf.n; i++)
            any |= by_number ? number == i + 1 : strstr(tf.cases[i].title, selector) != NULL;
        if (!any) {
            fprintf(stderr, "runner: %s: no case %s%s\n", o.file,
                    by_number ? "number " : "matches ", selector);
            return 2;
        }
    }

    size_t passed = 0, failed = 0, skipped = 0;
    if (tf.error) {
        printf("%s:%zu: parse error: %s\n", o.file, tf.error_line, tf.error);
        failed++;
    }
    if (tf.n == 0) {
        printf("%s: no cases\n", o.file);
        failed++;
    }
    for (size_t i = 0; i < tf.n; i++) {
        const struct tcase *tc = &tf.cases[i];
        if (selector && !(by_number ? number == i + 1 : strstr(tc->title, selector) != NULL))
            continue;
        int r = run_case(&o, tc);
        if (r > 0) {
            passed++;
            if (o.verbose)
                printf("ok %zu - %s\n", i + 1, tc->title);
        } else if (r < 0) {
            skipped++;
            printf("%s:%zu: skipped, a precondition is not met (%s)\n", o.file, tc->line,
                   tc->title);
        } else {
            failed++;
        }
        fflush(stdout);
        die_if_interrupted();
    }
    if (skipped)
        printf("%zu passed, %zu failed, %zu skipped\n", passed, failed, skipped);
    else
        printf("%zu passed, %zu failed\n", passed, failed);

    for (size_t i = 0; i < tf.n; i++)
        tcase_free(&tf.cases[i]);
    free(tf.cases);
    free(tf.error);
    free(bin_abs);
    if (failed == 0 && skipped > 0)
        return 77;
    return failed == 0 && passed > 0 ? 0 : 1;
}
