/*
 * check_html_plot.c: the SVG dot plots of the HTML report. One row per
 * claim on a shared linear axis per unit (a time axis for dates): a dot
 * for a value, a band for an approximation (the tolerance), a bar for a
 * range, an arrow for a bound; the value written beside each row.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_html.h"

enum {
    PLOT_W = 780,     /* the viewBox */
    PLOT_LABEL = 190, /* source names end here */
    PLOT_X0 = 204,    /* the axis runs from here */
    PLOT_X1 = 620,    /* to here; the value labels follow */
    PLOT_ROW = 26,
    PLOT_TOP = 10,
    PLOT_AXIS = 38 /* room for the axis below the rows */
};

/* The extent of one claim on its axis: [lo, hi]; for a date, its days. */
static int claim_extent(double *lo, double *hi, const abg_claim *c, double tol)
{
    if (c->type == ABG_FACT_DATE) {
        double a, b, x, y;
        if (abg_date_days(c->date, &a, &b) < 0)
            return -1;
        if (*c->date_to && abg_date_days(c->date_to, &x, &y) == 0 && y > b)
            b = y;
        *lo = a;
        *hi = b;
        return 0;
    }
    if (!isfinite(c->value) || (c->has_value_to && !isfinite(c->value_to)))
        return -1;
    *lo = *hi = c->value;
    if (c->has_value_to) {
        *lo = fmin(c->value, c->value_to);
        *hi = fmax(c->value, c->value_to);
    } else if (c->qualifier == ABG_QUAL_APPROX) {
        *lo = c->value - fabs(c->value) * tol;
        *hi = c->value + fabs(c->value) * tol;
    }
    return 0;
}

typedef struct {
    double min, max;
    bool date;
} axis;

static double ax_x(const axis *a, double v)
{
    double t = a->max > a->min ? (v - a->min) / (a->max - a->min) : 0.5;
    return PLOT_X0 + t * (PLOT_X1 - PLOT_X0);
}

static double nice_step(double range, int want)
{
    double raw = range / want, p = pow(10, floor(log10(raw))), f = raw / p;

    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

static void svg_line(html *h, double x1, double y1, double x2, double y2, const char *cls)
{
    html_open(h, "line");
    html_attrf(h, "x1", "%.1f", x1);
    html_attrf(h, "y1", "%.1f", y1);
    html_attrf(h, "x2", "%.1f", x2);
    html_attrf(h, "y2", "%.1f", y2);
    html_attr(h, "class", cls);
    html_close_void(h);
}

static void svg_text(html *h, double x, double y, const char *anchor, const char *cls,
                     const char *s)
{
    html_open(h, "text");
    html_attrf(h, "x", "%.1f", x);
    html_attrf(h, "y", "%.1f", y);
    if (anchor)
        html_attr(h, "text-anchor", anchor);
    html_attr(h, "class", cls);
    html_text(h, s);
    html_close(h);
}

static void svg_rect(html *h, double x, double y, double w, double hh, const char *cls)
{
    html_open(h, "rect");
    html_attrf(h, "x", "%.1f", x);
    html_attrf(h, "y", "%.1f", y);
    html_attrf(h, "width", "%.1f", w < 0.5 ? 0.5 : w);
    html_attrf(h, "height", "%.1f", hh);
    html_attr(h, "class", cls);
    html_close_void(h);
}

static void svg_dot(html *h, double x, double y)
{
    html_open(h, "circle");
    html_attrf(h, "cx", "%.1f", x);
    html_attrf(h, "cy", "%.1f", y);
    html_attr(h, "r", "5");
    html_attr(h, "class", "p-punkt");
    html_close_void(h);
}

/* A line from x to x_end with an arrow head at x_end. */
static void svg_arrow(html *h, double x, double x_end, double y)
{
    double d = x_end > x ? -7 : 7;

    svg_line(h, x, y, x_end + (x_end > x ? -2 : 2), y, "p-pfeil");
    html_open(h, "polygon");
    html_attrf(h, "points", "%.1f,%.1f %.1f,%.1f %.1f,%.1f", x_end, y, x_end + d, y - 4.5, x_end + d,
          y + 4.5);
    html_attr(h, "class", "p-spitze");
    html_close_void(h);
}

/* Up to n code points of s, with "…" when cut. */
static void cut_label(char *buf, size_t size, const char *s, size_t n)
{
    size_t i = 0, chars = 0;

    while (s[i] && !(chars == n && ((unsigned char)s[i] & 0xC0) != 0x80)) {
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            chars++;
        i++;
    }
    if (!s[i] || i + 4 > size)
        snprintf(buf, size, "%.*s", (int)(i < size ? i : size - 1), s);
    else
        snprintf(buf, size, "%.*s…", (int)(i - 1), s);
}

static void axis_ticks(html *h, const axis *a, double y)
{
    char label[64];

    svg_line(h, PLOT_X0, y, PLOT_X1, y, "p-achse");
    if (a->date) {
        /* years, or months when the axis spans less than three years */
        int y0, y1, step, m;
        double span = (a->max - a->min) / 365.25;
        y0 = (int)floor(a->min / 365.2425 + 1970) - 1;
        y1 = (int)ceil(a->max / 365.2425 + 1970) + 1;
        if (span >= 3) {
            step = (int)nice_step(span, 5);
            if (step < 1)
                step = 1;
            for (m = y0 - (y0 % step + step) % step; m <= y1; m += step) {
                double d = abg_day_number(m, 1, 1), x = ax_x(a, d);
                if (d < a->min || d > a->max)
                    continue;
                svg_line(h, x, PLOT_TOP, x, y + 4, "p-gitter");
                snprintf(label, sizeof label, "%d", m);
                svg_text(h, x, y + 17, "middle", "p-tick", label);
            }
        } else {
            int months_step = span * 12 > 24 ? 6 : span * 12 > 10 ? 3 : 1;
            for (m = y0 * 12; m <= y1 * 12 + 11; m += months_step) {
                double d = abg_day_number(m / 12, m % 12 + 1, 1), x = ax_x(a, d);
                if (d < a->min || d > a->max)
                    continue;
                svg_line(h, x, PLOT_TOP, x, y + 4, "p-gitter");
                if (m % 12 == 0)
                    snprintf(label, sizeof label, "%d", m / 12);
                else
                    snprintf(label, sizeof label, "%s %d", months_short[m % 12], m / 12);
                svg_text(h, x, y + 17, "middle", "p-tick", label);
            }
        }
        return;
    }
    {
        double step = nice_step(a->max - a->min, 5), v;
        int i;
        for (i = 0, v = ceil(a->min / step) * step; v <= a->max + step * 1e-9 && i < 20;
             i++, v = (ceil(a->min / step) + i) * step) {
            double x = ax_x(a, v);
            svg_line(h, x, PLOT_TOP, x, y + 4, "p-gitter");
            fmt_number(label, sizeof label, fabs(v) < step * 1e-9 ? 0 : v);
            svg_text(h, x, y + 17, "middle", "p-tick", label);
        }
    }
}

/* One SVG plot for the claims rows[idx[0..n)] that share a unit. */
static void plot_unit(html *h, const source_list *s, const row *rows, const size_t *idx, size_t n,
                      const char *unit, bool date, double tol)
{
    axis a = {INFINITY, -INFINITY, date};
    double height = PLOT_TOP + (double)n * PLOT_ROW + PLOT_AXIS, pad;
    char label[160], aria[256];
    size_t k;

    for (k = 0; k < n; k++) {
        double lo, hi;
        if (claim_extent(&lo, &hi, rows[idx[k]].c, tol) < 0)
            continue;
        a.min = fmin(a.min, lo);
        a.max = fmax(a.max, hi);
    }
    if (!(a.min <= a.max)) { /* nothing that can be drawn */
        a.min = 0;
        a.max = 1;
    }
    pad = (a.max - a.min) * 0.08;
    if (pad == 0)
        pad = date ? 365 : fabs(a.max) > 0 ? fabs(a.max) * 0.1 : 1;
    if (!date && a.min >= 0 && a.min - pad < 0)
        a.min = 0; /* no negative axis for values that cannot be negative */
    else
        a.min -= pad;
    a.max += pad;

    snprintf(aria, sizeof aria, "Punktdiagramm: %zu Angaben, %s", n,
             date ? "Zeitachse" : unit_label(unit));
    html_open(h, "svg");
    html_attr(h, "xmlns", "http://www.w3.org/2000/svg");
    html_attrf(h, "viewBox", "0 0 %d %.0f", PLOT_W, height);
    html_attrf(h, "width", "%d", PLOT_W);
    html_attrf(h, "height", "%.0f", height);
    html_attr(h, "role", "img");
    html_attr(h, "aria-label", aria);
    for (k = 0; k < n; k++) {
        const abg_claim *c = rows[idx[k]].c;
        double y = PLOT_TOP + (double)k * PLOT_ROW + PLOT_ROW / 2.0, lo, hi;
        html_open(h, "g");
        html_attr(h, "class", "p-zeile");
        html_open(h, "title");
        claim_value_short(label, sizeof label, c);
        html_textf(h, "%s: %s (%s)", source_label(s->names[rows[idx[k]].source]), label,
              qualifier_label(c));
        html_close(h);
        svg_line(h, PLOT_X0, y, PLOT_X1, y, "p-zeilenlinie");
        cut_label(label, sizeof label, source_label(s->names[rows[idx[k]].source]), 26);
        svg_text(h, PLOT_LABEL, y + 4, "end", "p-text", label);
        if (claim_extent(&lo, &hi, c, tol) == 0) {
            double xl = ax_x(&a, lo), xh = ax_x(&a, hi);
            if (date) {
                svg_rect(h, xl, y - 6, xh - xl < 3 ? 3 : xh - xl, 12, "p-balken");
                if (c->qualifier == ABG_QUAL_LOWER)
                    svg_arrow(h, xh, PLOT_X1, y);
                else if (c->qualifier == ABG_QUAL_UPPER)
                    svg_arrow(h, xl, PLOT_X0, y);
            } else if (c->has_value_to || c->qualifier == ABG_QUAL_RANGE) {
                svg_rect(h, xl, y - 4, xh - xl, 8, "p-balken");
                svg_line(h, xl, y - 7, xl, y + 7, "p-kappe");
                svg_line(h, xh, y - 7, xh, y + 7, "p-kappe");
            } else {
                double x = ax_x(&a, c->value);
                if (c->qualifier == ABG_QUAL_APPROX)
                    svg_rect(h, xl, y - 8, xh - xl, 16, "p-band");
                else if (c->qualifier == ABG_QUAL_LOWER)
                    svg_arrow(h, x, PLOT_X1, y);
                else if (c->qualifier == ABG_QUAL_UPPER)
                    svg_arrow(h, x, PLOT_X0, y);
                svg_dot(h, x, y);
            }
        }
        claim_value_short(label, sizeof label, c);
        svg_text(h, PLOT_X1 + 12, y + 4, NULL, "p-wert", label);
        html_close(h);
    }
    axis_ticks(h, &a, PLOT_TOP + (double)n * PLOT_ROW + 6);
    html_close(h);
}

/* What the shapes of this plot mean: only those that it shows. */
static void plot_caption(html *h, const row *rows, size_t n, bool date, size_t nunits,
                         const char *unit, double tol)
{
    bool seen[5] = {false, false, false, false, false};
    char pct[32];
    size_t k;

    for (k = 0; k < n; k++)
        seen[rows[k].c->has_value_to ? ABG_QUAL_RANGE : rows[k].c->qualifier] = true;
    if (date) {
        html_text(h, "Zeitachse; ein Balken deckt den genannten Zeitraum ab (Jahr, Quartal, Monat "
                "oder Tag).");
        if (seen[ABG_QUAL_LOWER])
            html_text(h, " Pfeil nach rechts: »seit«, »ab«.");
        if (seen[ABG_QUAL_UPPER])
            html_text(h, " Pfeil nach links: »bis«.");
        return;
    }
    if (nunits > 1)
        html_textf(h,
              "%zu Einheiten, je eine eigene Achse: Werte in verschiedenen Einheiten oder "
              "Währungen werden nicht auf einer Achse verglichen.",
              nunits);
    else
        html_textf(h, "Einheit: %s.", unit_label(unit));
    html_text(h, " Punkt: genannter Wert.");
    if (seen[ABG_QUAL_APPROX]) {
        fmt_plain(pct, sizeof pct, tol * 100);
        html_textf(h, " Heller Streifen: »rund«, »etwa« (± %s %%).", pct);
    }
    if (seen[ABG_QUAL_LOWER])
        html_text(h, " Pfeil nach rechts: Untergrenze (»über«, »mehr als«).");
    if (seen[ABG_QUAL_UPPER])
        html_text(h, " Pfeil nach links: Obergrenze (»bis zu«, »unter«).");
    if (seen[ABG_QUAL_RANGE])
        html_text(h, " Balken: Spanne.");
}

/* The plots of a group: one per unit (currency, % or points, counted
 * noun), one time axis for dates. */
void check_html_plot(html *h, const source_list *s, const row *rows, size_t n, double tol)
{
    size_t *idx = malloc((n ? n : 1) * sizeof *idx), k, j, m, nunits = 0;
    const char **units = malloc((n ? n : 1) * sizeof *units);
    bool date = n && rows[0].c->type == ABG_FACT_DATE;

    if (!idx || !units) {
        h->err = 1;
        goto done;
    }
    units[0] = ""; /* a group has claims; this only keeps units[0] defined */
    for (k = 0; k < n; k++) { /* the units in the order they appear */
        const char *u = date || !rows[k].c->unit ? "" : rows[k].c->unit;
        for (j = 0; j < nunits && strcmp(units[j], u); j++)
            ;
        if (j == nunits)
            units[nunits++] = u;
    }
    html_open(h, "figure");
    html_attr(h, "class", "plot");
    for (j = 0; j < nunits; j++) {
        for (k = m = 0; k < n; k++)
            if (date || !strcmp(units[j], rows[k].c->unit ? rows[k].c->unit : ""))
                idx[m++] = k;
        if (nunits > 1)
            html_el(h, "p", "einheit", unit_label(units[j]));
        plot_unit(h, s, rows, idx, m, units[j], date, tol);
    }
    html_open(h, "figcaption");
    plot_caption(h, rows, n, date, nunits, units[0], tol);
    html_close(h);
    html_close(h);
done:
    free(idx);
    free(units);
}
