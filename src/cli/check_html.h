/*
 * check_html.h: what the parts of the HTML report share (internal):
 * check_html.c writes the page, check_html_plot.c the SVG dot plots.
 */
#ifndef ABG_CLI_CHECK_HTML_H
#define ABG_CLI_CHECK_HTML_H

#include <stddef.h>

#include "abgleich.h"
#include "html.h"

/* Every outlet named by a claim. */
typedef struct {
    const char **names; /* sorted, distinct; "" for claims without one */
    size_t n;
} source_list;

/* One claim of a group, in the order the report shows them. */
typedef struct {
    const abg_claim *c;
    size_t source; /* index in the source list */
    size_t order;  /* index in the group, for a stable sort */
} row;

/* German words and numbers (check_html_words.c). */
const char *verdict_label(abg_verdict v);
const char *cause_label(abg_cause c);
/* One sentence saying what the cause means. */
const char *cause_note(abg_cause c);
const char *type_label(abg_fact_type t);
extern const char *const months[];
/* The value of a claim for people: "27 %", "135 Mrd. USD", "2–4 %",
 * "4. Quartal 2024". */
void claim_value(char *buf, size_t size, const abg_claim *c);
const char *qualifier_label(const abg_claim *c);
const char *unit_label(const char *unit);
void fmt_plain(char *buf, size_t size, double x);
void fmt_number(char *buf, size_t size, double x);
extern const char *const months_short[];
/* The value with its qualifier as a sign or word: "≈ 27 %", "seit 2019". */
void claim_value_short(char *buf, size_t size, const abg_claim *c);
const char *source_label(const char *name);

/* The plots of a group's rows[0..n): one per unit, a time axis for dates;
 * tol is the relative tolerance of approximations (check_html_plot.c). */
void check_html_plot(html *h, const source_list *s, const row *rows, size_t n, double tol);

#endif
