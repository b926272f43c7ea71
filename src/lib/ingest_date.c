/*
 * ingest_date.c: dates from article metadata to ISO 8601.
 *
 * In:  a date string from a page or feed ("2025-10-28T08:30:00+01:00",
 *      "Tue, 28 Oct 2025 17:45:00 +0100").
 * Out: a new string "2025-10-28" or "2025-10-28T17:45:00+01:00" (free()),
 *      or NULL when the string is not a date. Own parsing, no locale.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "ctx.h"
#include "ingest.h"

typedef struct {
    int year, month, day, hour, minute, second;
    bool has_time;
    char zone[16]; /* "", "Z" or "+hh:mm" */
} date_parts;

/* Read exactly `width` digits at s[*i] into *out, advancing *i. */
static bool digits(const char *s, size_t n, size_t *i, int width, int *out)
{
    size_t k, end = *i + (size_t)width;

    if (end > n)
        return false;
    for (*out = 0, k = *i; k < end; k++) {
        if (s[k] < '0' || s[k] > '9')
            return false;
        *out = *out * 10 + (s[k] - '0');
    }
    *i = end;
    return true;
}

/* Skip the character c at s[*i]; false when it is not there. */
static bool skip(const char *s, size_t n, size_t *i, char c)
{
    if (*i >= n || s[*i] != c)
        return false;
    (*i)++;
    return true;
}

/* A numeric zone "+hh:mm" or "+hhmm" at s[*i], stored as "+hh:mm". */
static bool numeric_zone(const char *s, size_t n, size_t *i, char zone[16])
{
    int h, m;
    char sign = s[(*i)++];

    if (!digits(s, n, i, 2, &h))
        return false;
    skip(s, n, i, ':');
    if (!digits(s, n, i, 2, &m) || h > 23 || m > 59)
        return false;
    zone[0] = sign;
    zone[1] = (char)('0' + h / 10);
    zone[2] = (char)('0' + h % 10);
    zone[3] = ':';
    zone[4] = (char)('0' + m / 10);
    zone[5] = (char)('0' + m % 10);
    zone[6] = '\0';
    return true;
}

/* hh:mm[:ss] at s[*i]; a one-digit hour when `loose` (RFC 822 in the wild). */
static bool clock_time(const char *s, size_t n, size_t *i, date_parts *d, bool loose)
{
    if (!digits(s, n, i, 2, &d->hour) && !(loose && digits(s, n, i, 1, &d->hour)))
        return false;
    if (!skip(s, n, i, ':') || !digits(s, n, i, 2, &d->minute))
        return false;
    d->has_time = true;
    return !skip(s, n, i, ':') || digits(s, n, i, 2, &d->second);
}

/* YYYY-MM-DD[(T|t| )hh:mm[:ss[(.|,)digits]][Z|+hh:mm|+hhmm]] */
static bool parse_iso(const char *s, size_t n, date_parts *d)
{
    size_t i = 0, start;

    if (!digits(s, n, &i, 4, &d->year) || !skip(s, n, &i, '-') ||
        !digits(s, n, &i, 2, &d->month) || !skip(s, n, &i, '-') ||
        !digits(s, n, &i, 2, &d->day))
        return false;
    if (i == n)
        return true;
    if (s[i] != 'T' && s[i] != 't' && s[i] != ' ')
        return false;
    i++;
    if (!clock_time(s, n, &i, d, false))
        return false;
    if (skip(s, n, &i, '.') || skip(s, n, &i, ',')) {
        for (start = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            ;
        if (i == start)
            return false;
    }
    if (i < n && (s[i] == 'Z' || s[i] == 'z')) {
        d->zone[0] = 'Z';
        i++;
    } else if (i < n && (s[i] == '+' || s[i] == '-') && !numeric_zone(s, n, &i, d->zone)) {
        return false;
    }
    return i == n;
}

/* Index in names of the English name at s[*i] (in full or its first three
 * letters, any case), advancing *i past it; -1 when none. */
static int english_name(const char *s, size_t n, size_t *i, const char *const *names, int count)
{
    size_t start = *i, len;
    int k;

    while (*i < n && abg_ascii_lower((unsigned char)s[*i]) >= 'a' && abg_ascii_lower((unsigned char)s[*i]) <= 'z')
        (*i)++;
    len = *i - start;
    for (k = 0; k < count; k++)
        if ((len == 3 || len == strlen(names[k])) && abg_ascii_ieq_n(s + start, len, names[k], true))
            return k;
    return -1;
}

static void skip_blanks(const char *s, size_t n, size_t *i)
{
    while (*i < n && (s[*i] == ' ' || s[*i] == '\t'))
        (*i)++;
}

/* [Day,] D[D] Mon YY[YY] h[h]:mm[:ss] [ZONE] (RFC 822 / RFC 2822, 3.3).
 * Beside the RFC's zones, CET/CEST (MEZ/MESZ) are known: German feeds use
 * them. A missing zone leaves a local time. */
static bool parse_rfc822(const char *s, size_t n, date_parts *d)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    static const char *const months[] = {"january", "february", "march", "april",
                                         "may", "june", "july", "august", "september",
                                         "october", "november", "december"};
    static const char *const zones[][2] = {
        {"gmt", "Z"}, {"ut", "Z"}, {"utc", "Z"}, {"z", "Z"}, {"est", "-05:00"},
        {"edt", "-04:00"}, {"cst", "-06:00"}, {"cdt", "-05:00"}, {"mst", "-07:00"},
        {"mdt", "-06:00"}, {"pst", "-08:00"}, {"pdt", "-07:00"}, {"cet", "+01:00"},
        {"cest", "+02:00"}, {"mez", "+01:00"}, {"mesz", "+02:00"}};
    size_t i = 0, k;

    if (n > 0 && abg_ascii_lower((unsigned char)s[0]) >= 'a' && abg_ascii_lower((unsigned char)s[0]) <= 'z') {
        if (english_name(s, n, &i, days, 7) < 0)
            return false;
        skip(s, n, &i, ',');
        skip_blanks(s, n, &i);
    }
    if (!digits(s, n, &i, 2, &d->day) && !digits(s, n, &i, 1, &d->day))
        return false;
    skip_blanks(s, n, &i);
    if ((d->month = english_name(s, n, &i, months, 12) + 1) == 0)
        return false;
    skip_blanks(s, n, &i);
    if (!digits(s, n, &i, 4, &d->year)) {
        if (!digits(s, n, &i, 2, &d->year))
            return false;
        d->year += d->year < 50 ? 2000 : 1900;
    }
    skip_blanks(s, n, &i);
    if (!clock_time(s, n, &i, d, true))
        return false;
    skip_blanks(s, n, &i);
    if (i < n && (s[i] == '+' || s[i] == '-'))
        return numeric_zone(s, n, &i, d->zone) && i == n;
    for (k = 0; k < sizeof zones / sizeof zones[0] && i < n; k++)
        if (abg_ascii_ieq_n(s + i, n - i, zones[k][0], false))
            return snprintf(d->zone, sizeof d->zone, "%s", zones[k][1]) > 0;
    return i == n;
}

static bool valid_parts(const date_parts *d)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (d->year % 4 == 0 && d->year % 100 != 0) || d->year % 400 == 0;

    if (d->year < 1 || d->month < 1 || d->month > 12 || d->day < 1 ||
        d->day > mdays[d->month - 1] || (d->month == 2 && d->day == 29 && !leap))
        return false;
    return !d->has_time || (d->hour <= 23 && d->minute <= 59 && d->second <= 60);
}

char *abg_ingest_date_iso(const char *s, size_t n)
{
    date_parts d;
    char out[96];
    int k;

    for (; n > 0 && abg_ascii_blank((unsigned char)*s); n--)
        s++;
    while (n > 0 && abg_ascii_blank((unsigned char)s[n - 1]))
        n--;
    memset(&d, 0, sizeof d);
    if (!parse_iso(s, n, &d)) {
        memset(&d, 0, sizeof d);
        if (!parse_rfc822(s, n, &d))
            return NULL;
    }
    if (!valid_parts(&d))
        return NULL;
    if (d.has_time)
        k = snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d%s", d.year, d.month, d.day,
                     d.hour, d.minute, d.second, d.zone);
    else
        k = snprintf(out, sizeof out, "%04d-%02d-%02d", d.year, d.month, d.day);
    return k > 0 ? abg_strndup(out, (size_t)k) : NULL;
}
