/*
 * term.h: what the commands share about the people and programs that read
 * their output: CSV cells a spreadsheet cannot run as formulas.
 */
#ifndef ABG_CLI_TERM_H
#define ABG_CLI_TERM_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cli.h"

/* ---- spreadsheets ---- */

/* Write the number s (as formatted by the program: an optional '-',
 * digits, an optional fraction and exponent) unchanged, so that a negative
 * value stays a number; anything else is written by cli_csv_field. */
void cli_csv_number(FILE *out, const char *s);

#endif
