/*
 * date.c: the date values of facts ("2025-10-28", "2025-10", "2025",
 * "2024-Q4", "2025-H1") taken apart, and the days they cover. One parser
 * for the check (which compares spans of days) and the reports (which
 * write dates the German way and place them on a time axis).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "abgleich.h"

int abg_date_parse(abg_date *out, const char *s)
{
    int y = 0, n = 0;

    memset(out, 0, sizeof *out);
    while (*s >= '0' && *s <= '9' && n < 6)
        y = y * 10 + (*s++ - '0'), n++;
    if (n == 0)
        return -1;
    out->year = y;
    if (!*s)
        return 0;
    if (*s++ != '-')
        return -1;
    if ((*s == 'Q' || *s == 'H') && s[1] >= '1' && s[1] <= (*s == 'Q' ? '4' : '2') && !s[2]) {
        out->part = *s;
        out->month = s[1] - '0';
        return 0;
    }
    if (!(s[0] >= '0' && s[0] <= '1' && s[1] >= '0' && s[1] <= '9'))
        return -1;
    out->month = (s[0] - '0') * 10 + (s[1] - '0');
    if (out->month < 1 || out->month > 12)
        return -1;
    s += 2;
    if (!*s)
        return 0;
    if (*s++ != '-' || !(s[0] >= '0' && s[0] <= '3' && s[1] >= '0' && s[1] <= '9') || s[2])
        return -1;
    out->day = (s[0] - '0') * 10 + (s[1] - '0');
    return out->day >= 1 && out->day <= 31 ? 0 : -1;
}

double abg_day_number(int y, int m, int d)
{
    long era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (double)(era * 146097 + doe - 719468);
}

int abg_date_days(const char *iso, double *first, double *end)
{
    abg_date d;
    int m0, m1;

    if (abg_date_parse(&d, iso) < 0)
        return -1;
    if (d.part) {
        int len = d.part == 'Q' ? 3 : 6;
        m0 = (d.month - 1) * len + 1;
        m1 = m0 + len;
    } else if (d.month) {
        m0 = d.month;
        m1 = d.month + 1;
    } else {
        m0 = 1;
        m1 = 13;
    }
    *first = abg_day_number(d.year, m0, d.day ? d.day : 1);
    if (d.day)
        *end = *first + 1;
    else
        *end = m1 > 12 ? abg_day_number(d.year + 1, m1 - 12, 1) : abg_day_number(d.year, m1, 1);
    return 0;
}

int abg_nearest_year(double day_number, int month, int day, double *dist)
{
    int y0, y, best_y = 0;
    double best = -1;

    /* the year of day_number: the last one whose 1 January is not after it */
    for (y0 = 1970 + (int)(day_number / 365.2425) + 1; abg_day_number(y0, 1, 1) > day_number; y0--)
        ;
    for (y = y0 - 1; y <= y0 + 1; y++) {
        double dd = fabs(abg_day_number(y, month, day) - day_number);
        if (best < 0 || dd < best) {
            best = dd;
            best_y = y;
        }
    }
    *dist = best;
    return best_y;
}

int abg_published_day(const char *published, int *y, int *m, int *d)
{
    return published && sscanf(published, "%4d-%2d-%2d", y, m, d) == 3 && *m >= 1 && *m <= 12 &&
                   *d >= 1 && *d <= 31
               ? 0
               : -1;
}
