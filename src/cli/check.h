/*
 * check.h: what the reports of `abgleich check` share. cmd_check.c runs
 * the check and fills a check_report; check_report.c writes text and
 * JSON, the other check_*.c files one format each.
 */
#ifndef ABG_CLI_CHECK_H
#define ABG_CLI_CHECK_H

#include <stdbool.h>
#include <stdio.h>

#include "abgleich.h"

typedef struct {
    const abg_check *chk;
    size_t documents; /* documents read (--facts: documents with facts) */
    size_t facts;     /* claims checked */
    size_t errors;    /* inputs that could not be read */
    const bool *accepted; /* per group (abg_check_group index): a conflict the
                             baseline accepts; NULL when there is no baseline */
    size_t accepted_count; /* conflicts accepted by the baseline */
    size_t stale_count;    /* baseline entries that match no conflict now */
    bool verbose;          /* text: list the singles too */
    bool color;            /* text: SGR colours */
    double tolerance;      /* html: the band of rund/etwa, relative (0.05) */
    const struct check_baseline *baseline; /* --baseline, for its stale entries;
                                              NULL when there is none */
} check_report;

/* Is group i a conflict that is reported (not accepted by a baseline)? */
bool check_reported(const check_report *r, size_t i);

/* The value of a claim for people: "27 %", "135000000000 USD",
 * "2..4 %", "2024-Q4". */
void check_claim_value(char *buf, size_t size, const abg_claim *c);

void check_write_text(FILE *out, const check_report *r);
void check_write_json(FILE *out, const check_report *r);
/* A self-contained HTML page for people (check_html.c), written with
 * libxml2's writer so that article text is always escaped. Returns 0, or
 * -1 when out of memory (a write error is left to ferror(out)). */
int check_write_html(FILE *out, const check_report *r);

/* SARIF 2.1.0 (check_sarif.c): one result per reported conflict. Returns
 * 0, or -1 when out of memory (nothing written then). */
int check_write_sarif(FILE *out, const check_report *r);

/* ---- baselines (baseline.c) ----
 * A baseline is a JSON file of accepted conflicts: {"version": 1, "tool":
 * "abgleich", "conflicts": [{"id", "type", "subject", "attribute", "cause",
 * "values"}]}. Only "id" (the group fingerprint) decides; the rest is there
 * for the people who review the file. */

typedef struct {
    char id[17];
    char *type, *subject; /* as the file says, for messages; NULL if absent */
    bool matched;         /* a conflict of this run has this id */
} check_baseline_entry;

typedef struct check_baseline {
    check_baseline_entry *entries; /* distinct ids, in file order */
    size_t n;
} check_baseline;

/* Read the baseline at path into *out. Returns 0, or CLI_TROUBLE after
 * printing why (unreadable, not JSON, not a baseline). */
int check_baseline_read(check_baseline *out, const char *path);
void check_baseline_dispose(check_baseline *b);

/* Mark the conflicts of r->chk that b lists: *accepted gets one flag per
 * group (free() it), r->accepted, accepted_count, stale_count and baseline
 * are set, and the entries' `matched`. Returns 0, or -1 when out of memory. */
int check_baseline_apply(check_report *r, check_baseline *b, bool **accepted);

/* Write every conflict of r->chk (accepted ones too) as a baseline to
 * path, atomically. Returns 0 or CLI_TROUBLE after printing why. */
int check_baseline_write(const check_report *r, const char *path);

#endif
