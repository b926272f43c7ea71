/*
 * jsonout.h: jansson values written as compact JSON, byte for byte as
 * json_dumps writes them, without its cost per piece (a callback and an
 * iteration over each character of every string). The output formats of
 * facts and check write a line per fact or group, which made jansson's
 * writer a seventh of a run.
 */
#ifndef ABG_CLI_JSONOUT_H
#define ABG_CLI_JSONOUT_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
    char *data;
    size_t len, cap;
} jsonout;

#define JSONOUT_INIT {NULL, 0, 0}

/* Append v to b as json_dumps(v, flags) would write it. flags may hold
 * JSON_COMPACT and JSON_REAL_PRECISION only. 0; -1 when out of memory;
 * -2 when this writer does not take v or flags (other flags, a string that
 * is not UTF-8, a real that is not finite): then b is as it was, and the
 * caller asks jansson. */
int jsonout_value(jsonout *b, const json_t *v, size_t flags);

void jsonout_dispose(jsonout *b);

/* Write o to out as json_dumpf(o, out, flags) does: made in memory by
 * jsonout_value, by jansson when that does not take o or flags. 0, or -1
 * when out of memory or the stream fails. */
int jsonout_write(const json_t *o, FILE *out, size_t flags);

#endif
