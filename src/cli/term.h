/*
 * term.h: what the commands share about the people and programs that read
 * their output: colour on terminals (--color, NO_COLOR), the progress line
 * on stderr (--progress), and CSV cells a spreadsheet cannot run as
 * formulas.
 */
#ifndef ABG_CLI_TERM_H
#define ABG_CLI_TERM_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cli.h"

/* ---- colour ---- */

/* The values of --color, in the order of cli_color_choices. */
enum { CLI_COLOR_AUTO, CLI_COLOR_ALWAYS, CLI_COLOR_NEVER };
extern const char *const cli_color_choices[]; /* "auto", "always", "never", NULL */

/* The --color option for an int `target` that starts as CLI_COLOR_AUTO (0). */
#define CLI_COLOR_OPTION(target)                                                              \
    {"color", 0, OPT_CHOICE, &(target), "WHEN",                                               \
     "when to colour: auto (default), always or never", cli_color_choices}

/* Whether text written to `out` is coloured under --color `mode`: always;
 * never; auto: only when `out` is a terminal, NO_COLOR is unset or empty
 * and TERM is not "dumb". */
bool cli_color(int mode, FILE *out);

typedef enum {
    CLI_STYLE_BOLD,
    CLI_STYLE_DIM,
    CLI_STYLE_RED,
    CLI_STYLE_GREEN,
    CLI_STYLE_YELLOW,
    CLI_STYLE_BLUE,
    CLI_STYLE_MAGENTA,
    CLI_STYLE_CYAN
} cli_style;

/* The SGR escape sequence that starts `style`, and the one that ends any
 * style; both "" when `color` is false, so that they can be printed
 * unconditionally: printf("%s%s%s", cli_sgr(c, CLI_STYLE_RED), s, cli_sgr_end(c)). */
const char *cli_sgr(bool color, cli_style style);
const char *cli_sgr_end(bool color);

/* ---- progress ---- */

/* The progress line of the document loop (cli_each_doc_jobs), on stderr:
 * inputs done of the total, MB read, MB/s, the command's own counter and
 * the time left. Shown on a terminal when the run takes longer than about
 * a second (one line, rewritten in place and cleared at the end), never
 * with -q or --no-progress; --progress shows it anyway, and when stderr is
 * not a terminal it prints a plain line about once a second and a last one
 * at the end. Messages printed through cli_error, cli_usage and
 * cli_file_error clear the line first. */

/* Add `n` to the command's counter, shown as "N WHAT" ("42 facts"); the
 * first call names it (call it with 0 before the loop to show "0 facts"
 * from the start). Any thread. */
void cli_progress_count(const char *what, uint64_t n);

/* For the document loop (jobs.c): start with the options of the run
 * (decides whether a line is shown at all; false when not), learn the
 * number of inputs once the walk is done, count each input done with the
 * bytes read, and stop (clears the line, or prints the last one). */
bool cli_progress_begin(const cli_read_opts *o);
void cli_progress_total(uint64_t inputs);
void cli_progress_input_done(uint64_t bytes);
void cli_progress_end(void);

/* For the message functions: take the terminal (clearing the progress
 * line) and give it back. Not reentrant. */
void cli_progress_hold(void);
void cli_progress_release(void);

/* Async-signal-safe: clear the progress line (from a signal handler). */
void cli_progress_clear_on_signal(void);

/* Results written to stdout while stdout is a terminal (set by
 * cli_output_open): a progress line on the same screen would tear them
 * apart, so the automatic one is not shown. */
extern bool cli_results_on_terminal;

/* ---- spreadsheets ---- */

/* Write the number s (as formatted by the program: an optional '-',
 * digits, an optional fraction and exponent) unchanged, so that a negative
 * value stays a number; anything else is written by cli_csv_field. */
void cli_csv_number(FILE *out, const char *s);

/* ---- signals ---- */

/* Set up once: SIGPIPE ends the program quietly (a reader that went away,
 * as in `abgleich facts corpus/ | head -1`), even when the parent ignored
 * it; SIGINT, SIGTERM, SIGHUP and SIGPIPE remove the temporary -o file
 * and clear the progress line before the program dies of the signal. */
void cli_signals_init(void);

#endif
