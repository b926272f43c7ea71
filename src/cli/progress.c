/*
 * progress.c: colour on terminals, and the progress line on stderr (see
 * term.h).
 *
 * The document loop feeds counters (inputs done, bytes read, the command's
 * own counter); a small thread wakes a few times a second and draws them,
 * so the line moves even while one big file is read and while the folders
 * are still being walked. Everything the thread reads is under one lock,
 * which the message functions take too: a message clears the line and the
 * next tick draws it again below the message.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "term.h"

/* ---- colour ---- */

const char *const cli_color_choices[] = {"auto", "always", "never", NULL};

bool cli_color(int mode, FILE *out)
{
    const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");

    if (mode == CLI_COLOR_ALWAYS)
        return true;
    if (mode == CLI_COLOR_NEVER || (no_color && *no_color))
        return false;
    if (term && !strcmp(term, "dumb"))
        return false;
    return isatty(fileno(out)) == 1;
}

const char *cli_sgr(bool color, cli_style style)
{
    static const char *const sgr[] = {
        [CLI_STYLE_BOLD] = "\033[1m",    [CLI_STYLE_DIM] = "\033[2m",
        [CLI_STYLE_RED] = "\033[31m",    [CLI_STYLE_GREEN] = "\033[32m",
        [CLI_STYLE_YELLOW] = "\033[33m", [CLI_STYLE_BLUE] = "\033[34m",
        [CLI_STYLE_MAGENTA] = "\033[35m", [CLI_STYLE_CYAN] = "\033[36m",
    };

    if (!color || (unsigned)style >= sizeof sgr / sizeof sgr[0])
        return "";
    return sgr[style];
}

const char *cli_sgr_end(bool color)
{
    return color ? "\033[0m" : "";
}

/* ---- progress ---- */

#define PROGRESS_DELAY 1.0      /* seconds before the automatic line appears */
#define PROGRESS_TICK_TTY 0.25  /* seconds between redraws on a terminal */
#define PROGRESS_TICK_LINES 1.0 /* seconds between plain lines */
#define PROGRESS_LINE_MAX 256

enum { MODE_OFF, MODE_TTY, MODE_LINES };

bool cli_results_on_terminal;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static volatile sig_atomic_t line_shown; /* a terminal line is on the screen */

static struct {
    int mode;
    bool forced;
    bool dumb;       /* TERM=dumb: no "clear to end of line", pad with spaces */
    size_t shown_len;
    bool running, stop;
    pthread_t thread;
    pthread_cond_t cond;
    struct timespec start;
    double last_line; /* MODE_LINES: when the last line was printed */
    uint64_t done, total, bytes;
    bool total_known;
} P;

/* The command's counter; named before the loop starts or by its first count. */
static const char *count_what;
static uint64_t count;

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

/* "1:05" or "1:02:05" */
static void format_duration(char *buf, size_t size, double s)
{
    unsigned long t = s > 0 && s < 360000.0 ? (unsigned long)(s + 0.5) : 0;

    if (t >= 3600)
        snprintf(buf, size, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
    else
        snprintf(buf, size, "%lu:%02lu", t / 60, t % 60);
}

/* The text of the line, without line end. */
static void compose(char *buf, size_t size, double elapsed, bool final)
{
    double mb = (double)P.bytes / 1e6;
    size_t n;
    char dur[32];

    if (!P.total_known && P.done == 0) {
        snprintf(buf, size, "abgleich: looking for files");
        return;
    }
    if (P.total_known)
        n = (size_t)snprintf(buf, size, "abgleich: %llu of %llu files",
                             (unsigned long long)P.done, (unsigned long long)P.total);
    else
        n = (size_t)snprintf(buf, size, "abgleich: %llu files", (unsigned long long)P.done);
    if (n < size)
        n += (size_t)snprintf(buf + n, size - n, ", %.1f MB, %.1f MB/s", mb,
                              elapsed > 0.001 ? mb / elapsed : 0.0);
    if (count_what && n < size)
        n += (size_t)snprintf(buf + n, size - n, ", %llu %s", (unsigned long long)count,
                              count_what);
    if (final && n < size) {
        if (elapsed < 60)
            snprintf(dur, sizeof dur, "%.1f s", elapsed);
        else
            format_duration(dur, sizeof dur, elapsed);
        snprintf(buf + n, size - n, ", done in %s", dur);
    } else if (P.total_known && P.done > 0 && P.done < P.total && n < size) {
        format_duration(dur, sizeof dur,
                        elapsed * (double)(P.total - P.done) / (double)P.done);
        snprintf(buf + n, size - n, ", %s left", dur);
    }
}

static size_t terminal_width(void)
{
    struct winsize ws;

    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1)
        return ws.ws_col;
    return 80;
}

static void write_all(const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(STDERR_FILENO, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

/* Clear the terminal line; the lock is held. */
static void clear_line(void)
{
    char buf[PROGRESS_LINE_MAX + 4];
    size_t n = 0;

    if (!line_shown)
        return;
    buf[n++] = '\r';
    if (P.dumb) {
        memset(buf + n, ' ', P.shown_len);
        n += P.shown_len;
        buf[n++] = '\r';
    } else {
        memcpy(buf + n, "\033[K", 3);
        n += 3;
    }
    write_all(buf, n);
    line_shown = 0;
}

/* Draw the line; the lock is held. */
static void draw(bool final)
{
    char text[PROGRESS_LINE_MAX], buf[PROGRESS_LINE_MAX * 2];
    double elapsed = seconds_since(&P.start);
    size_t len, n = 0, width;

    compose(text, sizeof text, elapsed, final);
    len = strlen(text);
    if (P.mode == MODE_LINES) {
        text[len] = '\n';
        write_all(text, len + 1);
        P.last_line = elapsed;
        return;
    }
    width = terminal_width() - 1; /* never the last column: no wrap */
    if (len > width)
        len = width;
    buf[n++] = '\r';
    memcpy(buf + n, text, len);
    n += len;
    if (P.dumb) {
        size_t pad = P.shown_len > len ? P.shown_len - len : 0;
        memset(buf + n, ' ', pad);
        n += pad;
    } else {
        memcpy(buf + n, "\033[K", 3);
        n += 3;
    }
    write_all(buf, n);
    P.shown_len = len;
    line_shown = 1;
}

static void *ticker(void *arg)
{
    double tick = P.mode == MODE_TTY ? PROGRESS_TICK_TTY : PROGRESS_TICK_LINES;

    (void)arg;
    pthread_mutex_lock(&lock);
    while (!P.stop) {
        struct timespec until;
        double elapsed;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += (long)(tick * 1e9);
        until.tv_sec += until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        while (!P.stop && pthread_cond_timedwait(&P.cond, &lock, &until) != ETIMEDOUT) {
        }
        if (P.stop)
            break;
        elapsed = seconds_since(&P.start);
        if (P.mode == MODE_TTY && (P.forced || elapsed >= PROGRESS_DELAY))
            draw(false);
        else if (P.mode == MODE_LINES && elapsed - P.last_line >= PROGRESS_TICK_LINES - 0.01)
            draw(false);
    }
    pthread_mutex_unlock(&lock);
    return NULL;
}

bool cli_progress_begin(const cli_read_opts *o)
{
    const char *term = getenv("TERM");
    bool tty = isatty(STDERR_FILENO) == 1;
    pthread_condattr_t attr;
    int mode;

    if (o->quiet || o->no_progress)
        mode = MODE_OFF;
    else if (o->progress)
        mode = tty ? MODE_TTY : MODE_LINES;
    else
        mode = tty && !cli_results_on_terminal ? MODE_TTY : MODE_OFF;
    if (mode == MODE_OFF)
        return false;
    cli_signals_init();
    pthread_mutex_lock(&lock);
    memset(&P, 0, sizeof P);
    P.mode = mode;
    P.forced = o->progress;
    P.dumb = term && !strcmp(term, "dumb");
    clock_gettime(CLOCK_MONOTONIC, &P.start);
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&P.cond, &attr);
    pthread_condattr_destroy(&attr);
    P.running = pthread_create(&P.thread, NULL, ticker, NULL) == 0;
    if (!P.running) {
        /* no thread, no line: the run itself is not affected */
        pthread_cond_destroy(&P.cond);
        P.mode = MODE_OFF;
    }
    pthread_mutex_unlock(&lock);
    return P.running;
}

void cli_progress_total(uint64_t inputs)
{
    pthread_mutex_lock(&lock);
    P.total = inputs;
    P.total_known = true;
    pthread_mutex_unlock(&lock);
}

void cli_progress_input_done(uint64_t bytes)
{
    pthread_mutex_lock(&lock);
    P.done++;
    P.bytes += bytes;
    pthread_mutex_unlock(&lock);
}

void cli_progress_count(const char *what, uint64_t n)
{
    pthread_mutex_lock(&lock);
    if (!count_what)
        count_what = what;
    count += n;
    pthread_mutex_unlock(&lock);
}

void cli_progress_end(void)
{
    pthread_mutex_lock(&lock);
    if (!P.running) {
        pthread_mutex_unlock(&lock);
        return;
    }
    P.stop = true;
    pthread_cond_signal(&P.cond);
    pthread_mutex_unlock(&lock);
    pthread_join(P.thread, NULL);
    pthread_mutex_lock(&lock);
    if (P.mode == MODE_TTY)
        clear_line();
    else
        draw(true);
    pthread_cond_destroy(&P.cond);
    memset(&P, 0, sizeof P);
    pthread_mutex_unlock(&lock);
}

void cli_progress_hold(void)
{
    pthread_mutex_lock(&lock);
    clear_line();
}

void cli_progress_release(void)
{
    pthread_mutex_unlock(&lock);
}

void cli_progress_clear_on_signal(void)
{
    if (line_shown)
        write_all("\r\033[K", 4);
    line_shown = 0;
}
