/*
 * check_html.c: the HTML report of `abgleich check` (-f html).
 *
 * In: a check_report (the groups of the check and the run's counts).
 * Out: one self-contained page on `out`: inline CSS, no script, no
 * external resource, a strict Content-Security-Policy. A summary, filters
 * by verdict and by source (anchors and `:target`, no JavaScript), a table
 * of contents, then conflicts, accepted conflicts, agreements and the
 * singles (collapsed). Each group shows its claims side by side, one
 * column per source, each sentence with the figure in <mark>, and an SVG
 * dot plot of the values per claim, one plot per unit.
 *
 * Every string that comes from an article (sentences, sources, paths,
 * subjects, stems) goes through libxml2's xmlTextWriter, which escapes
 * it: article text can never become markup. Raw output is used only for
 * the doctype and for CSS built from constants and numbers.
 */
#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "version.h"

/* ---- the writer: every call checks and remembers the first error ---- */

typedef struct {
    xmlTextWriterPtr w;
    int err;
} html;

static const xmlChar *X(const char *s)
{
    return (const xmlChar *)s;
}

static void put_raw(html *h, const char *s)
{
    if (!h->err && xmlTextWriterWriteRaw(h->w, X(s)) < 0)
        h->err = 1;
}

static void open_el(html *h, const char *name)
{
    if (!h->err && xmlTextWriterStartElement(h->w, X(name)) < 0)
        h->err = 1;
}

/* Close an element with an end tag: `<div/>` would not end a div in HTML. */
static void close_el(html *h)
{
    if (!h->err && xmlTextWriterFullEndElement(h->w) < 0)
        h->err = 1;
}

/* Close a void element (meta) or an SVG shape: `<meta .../>`. */
static void close_void(html *h)
{
    if (!h->err && xmlTextWriterEndElement(h->w) < 0)
        h->err = 1;
}

static void attr(html *h, const char *name, const char *value)
{
    if (!h->err && xmlTextWriterWriteAttribute(h->w, X(name), X(value)) < 0)
        h->err = 1;
}

static void attrf(html *h, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void attrf(html *h, const char *name, const char *fmt, ...)
{
    char buf[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    attr(h, name, buf);
}

static void text(html *h, const char *s)
{
    if (!h->err && *s && xmlTextWriterWriteString(h->w, X(s)) < 0)
        h->err = 1;
}

/* The first n bytes of s as text. */
static void text_n(html *h, const char *s, size_t n)
{
    char *copy;

    if (h->err || n == 0)
        return;
    if (!(copy = malloc(n + 1))) {
        h->err = 1;
        return;
    }
    memcpy(copy, s, n);
    copy[n] = '\0';
    text(h, copy);
    free(copy);
}

static void textf(html *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void textf(html *h, const char *fmt, ...)
{
    char buf[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    text(h, buf);
}

/* <name class="cls">s</name>; cls may be NULL. */
static void el_text(html *h, const char *name, const char *cls, const char *s)
{
    open_el(h, name);
    if (cls)
        attr(h, "class", cls);
    text(h, s);
    close_el(h);
}

static void newline(html *h)
{
    text(h, "\n");
}

/* ---- German words for the values of the check ---- */

static const char *verdict_label(abg_verdict v)
{
    switch (v) {
    case ABG_VERDICT_CONFLICT:
        return "Widerspruch";
    case ABG_VERDICT_AGREE:
        return "Übereinstimmung";
    default:
        return "Einzelangabe";
    }
}

static const char *cause_label(abg_cause c)
{
    switch (c) {
    case ABG_CAUSE_TIME:
        return "Zeitpunkt";
    case ABG_CAUSE_SCALE:
        return "Größenordnung";
    case ABG_CAUSE_UNIT:
        return "Einheit";
    case ABG_CAUSE_CURRENCY:
        return "Währung";
    default:
        return "nicht eindeutig";
    }
}

static const char *cause_note(abg_cause c)
{
    switch (c) {
    case ABG_CAUSE_TIME:
        return "Die Angaben beziehen sich auf verschiedene Zeitpunkte.";
    case ABG_CAUSE_SCALE:
        return "Die Werte liegen um einen Faktor 1000 oder mehr auseinander "
               "(etwa Billionen statt Milliarden).";
    case ABG_CAUSE_UNIT:
        return "Prozent und Prozentpunkte stehen gegeneinander.";
    case ABG_CAUSE_CURRENCY:
        return "Die Angaben nennen verschiedene Währungen; sie werden nicht als Zahlen "
               "verglichen.";
    default:
        return "Mindestens zwei Werte verschiedener Dokumente sind unvereinbar; keine "
               "einzelne Ursache erklärt alle.";
    }
}

static const char *type_label(abg_fact_type t)
{
    switch (t) {
    case ABG_FACT_MONEY:
        return "Geldbetrag";
    case ABG_FACT_PERCENT:
        return "Prozentangabe";
    case ABG_FACT_DATE:
        return "Datum";
    default:
        return "Menge";
    }
}

static const char *qualifier_label(const abg_claim *c)
{
    bool date = c->type == ABG_FACT_DATE;

    switch (c->qualifier) {
    case ABG_QUAL_APPROX:
        return "ungefähr";
    case ABG_QUAL_LOWER:
        return date ? "Beginn (seit, ab)" : "Untergrenze";
    case ABG_QUAL_UPPER:
        return date ? "Ende (bis)" : "Obergrenze";
    case ABG_QUAL_RANGE:
        return "Spanne";
    default:
        return "genau";
    }
}

static const char *unit_label(const char *unit)
{
    static const struct {
        const char *code, *label;
    } units[] = {
        {"%", "Prozent"},      {"pp", "Prozentpunkte"},  {"USD", "US-Dollar (USD)"},
        {"EUR", "Euro (EUR)"}, {"CHF", "Franken (CHF)"}, {"GBP", "Pfund (GBP)"},
        {"JPY", "Yen (JPY)"},
    };
    size_t i;

    if (!unit || !*unit)
        return "ohne Einheit";
    for (i = 0; i < sizeof units / sizeof units[0]; i++)
        if (!strcmp(units[i].code, unit))
            return units[i].label;
    return unit;
}

/* ---- numbers and dates, formatted the German way, locale-free ---- */

/* x with up to three decimals, a decimal comma and thousands dots. */
static void fmt_plain(char *buf, size_t size, double x)
{
    char tmp[64], *dot;
    size_t len, i, o = 0, intlen, lead;

    if (!isfinite(x)) {
        snprintf(buf, size, "?");
        return;
    }
    if (x != 0 && fabs(x) < 0.001)
        snprintf(tmp, sizeof tmp, "%.3g", x);
    else
        snprintf(tmp, sizeof tmp, "%.3f", x);
    if (strchr(tmp, '.') && !strchr(tmp, 'e')) { /* trailing zeros */
        len = strlen(tmp);
        while (len && tmp[len - 1] == '0')
            tmp[--len] = '\0';
        if (len && tmp[len - 1] == '.')
            tmp[--len] = '\0';
    }
    if (!strcmp(tmp, "-0"))
        snprintf(tmp, sizeof tmp, "0");
    dot = strchr(tmp, '.');
    lead = tmp[0] == '-';
    intlen = (dot ? (size_t)(dot - tmp) : strlen(tmp)) - lead;
    if (strchr(tmp, 'e'))
        intlen = 0;
    for (i = 0; tmp[i] && o + 4 < size; i++) {
        if (tmp[i] == '.') {
            buf[o++] = ',';
            continue;
        }
        if (i > lead && i < lead + intlen && (lead + intlen - i) % 3 == 0 && intlen > 4)
            buf[o++] = '.';
        buf[o++] = tmp[i];
    }
    buf[o] = '\0';
}

/* x with a scale word: 135 Mrd., 4 Bio., 800 Mio., 13.500. */
static void fmt_number(char *buf, size_t size, double x)
{
    static const struct {
        double f;
        const char *w;
    } scales[] = {{1e12, " Bio."}, {1e9, " Mrd."}, {1e6, " Mio."}};
    char tmp[64];
    size_t i;

    for (i = 0; i < 3; i++)
        if (fabs(x) >= scales[i].f) {
            fmt_plain(tmp, sizeof tmp, x / scales[i].f);
            snprintf(buf, size, "%s%s", tmp, scales[i].w);
            return;
        }
    fmt_plain(buf, size, x);
}

static const char *const months[] = {"Januar",    "Februar", "März",     "April",
                                     "Mai",       "Juni",    "Juli",     "August",
                                     "September", "Oktober", "November", "Dezember"};
static const char *const months_short[] = {"Jan.", "Feb.", "März", "Apr.", "Mai",  "Juni",
                                           "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."};

static void fmt_date(char *buf, size_t size, const char *iso)
{
    abg_date d;

    if (abg_date_parse(&d, iso) < 0)
        snprintf(buf, size, "%s", iso);
    else if (d.part == 'Q')
        snprintf(buf, size, "%d. Quartal %d", d.month, d.year);
    else if (d.part == 'H')
        snprintf(buf, size, "%d. Halbjahr %d", d.month, d.year);
    else if (d.day)
        snprintf(buf, size, "%02d.%02d.%d", d.day, d.month, d.year);
    else if (d.month)
        snprintf(buf, size, "%s %d", months[d.month - 1], d.year);
    else
        snprintf(buf, size, "%d", d.year);
}

static const char *unit_suffix(const char *unit)
{
    return !unit ? "" : !strcmp(unit, "pp") ? " Prozentpunkte" : unit;
}

/* The value of a claim for people: "27 %", "135 Mrd. USD", "2–4 %",
 * "4. Quartal 2024". */
static void claim_value(char *buf, size_t size, const abg_claim *c)
{
    char a[64], b[64];
    const char *unit = unit_suffix(c->unit);
    const char *sep = *unit && strcmp(unit, " Prozentpunkte") ? " " : "";

    if (c->type == ABG_FACT_DATE) {
        fmt_date(a, sizeof a, c->date);
        if (*c->date_to) {
            fmt_date(b, sizeof b, c->date_to);
            snprintf(buf, size, "%s–%s", a, b);
        } else {
            snprintf(buf, size, "%s", a);
        }
        return;
    }
    fmt_number(a, sizeof a, c->value);
    if (c->has_value_to) {
        fmt_number(b, sizeof b, c->value_to);
        snprintf(buf, size, "%s–%s%s%s", a, b, sep, unit);
    } else {
        snprintf(buf, size, "%s%s%s", a, sep, unit);
    }
}

/* The value with its qualifier as a sign or word, for the plot. */
static void claim_value_short(char *buf, size_t size, const abg_claim *c)
{
    char v[128];
    const char *pre = "";
    bool date = c->type == ABG_FACT_DATE;

    claim_value(v, sizeof v, c);
    switch (c->qualifier) {
    case ABG_QUAL_APPROX:
        pre = "≈ ";
        break;
    case ABG_QUAL_LOWER:
        pre = date ? "seit " : "≥ ";
        break;
    case ABG_QUAL_UPPER:
        pre = date ? "bis " : "≤ ";
        break;
    default:
        break;
    }
    snprintf(buf, size, "%s%s", pre, v);
}

/* ---- sources: every outlet named by a claim, sorted, numbered ---- */

typedef struct {
    const char **names; /* sorted, distinct; "" for claims without one */
    size_t n;
} source_list;

static const char *source_of(const abg_claim *c)
{
    return c->source ? c->source : "";
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int sources_collect(source_list *s, const abg_check *chk)
{
    size_t i, k, n = 0, total = 0, groups = abg_check_group_count(chk);

    for (i = 0; i < groups; i++)
        total += abg_check_group(chk, i)->nclaims;
    s->n = 0;
    if (!(s->names = malloc((total ? total : 1) * sizeof *s->names)))
        return -1;
    for (i = 0; i < groups; i++) {
        const abg_group *g = abg_check_group(chk, i);
        for (k = 0; k < g->nclaims; k++)
            s->names[n++] = source_of(g->claims[k]);
    }
    qsort(s->names, n, sizeof *s->names, cmp_str);
    for (i = 0; i < n; i++)
        if (s->n == 0 || strcmp(s->names[s->n - 1], s->names[i]))
            s->names[s->n++] = s->names[i];
    return 0;
}

static size_t source_index(const source_list *s, const abg_claim *c)
{
    const char *name = source_of(c);
    const char **at = bsearch(&name, s->names, s->n, sizeof *s->names, cmp_str);

    return at ? (size_t)(at - s->names) : 0;
}

static const char *source_label(const char *name)
{
    return *name ? name : "(ohne Quelle)";
}

/* ---- one group ---- */

typedef struct {
    const abg_claim *c;
    size_t source; /* index in the source list */
    size_t order;  /* index in the group, for a stable sort */
} row;

static int cmp_row(const void *a, const void *b)
{
    const row *x = a, *y = b;

    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* The claims of g ordered by source, then as the group orders them.
 * NULL when out of memory. */
static row *group_rows(const source_list *s, const abg_group *g)
{
    row *rows = malloc((g->nclaims ? g->nclaims : 1) * sizeof *rows);
    size_t k;

    if (!rows)
        return NULL;
    for (k = 0; k < g->nclaims; k++) {
        rows[k].c = g->claims[k];
        rows[k].source = source_index(s, g->claims[k]);
        rows[k].order = k;
    }
    qsort(rows, g->nclaims, sizeof *rows, cmp_row);
    return rows;
}

/* The class list of a group: its verdict and every source it cites. */
static char *group_class(const char *base, const char *verdict, const row *rows, size_t n)
{
    size_t k, cap = strlen(base) + strlen(verdict) + 2 + n * 24, len;
    char *cls = malloc(cap);

    if (!cls)
        return NULL;
    len = (size_t)snprintf(cls, cap, "%s %s", base, verdict);
    for (k = 0; k < n; k++)
        if (k == 0 || rows[k].source != rows[k - 1].source)
            len += (size_t)snprintf(cls + len, cap - len, " q-%zu", rows[k].source);
    return cls;
}

/* The sentence with the figure in <mark>. */
static void marked_sentence(html *h, const abg_claim *c)
{
    const char *s = c->sentence;
    const char *at = s && *c->text ? strstr(s, c->text) : NULL;

    if (!at) {
        if (s && *s) {
            text(h, s);
            text(h, " ");
        }
        el_text(h, "mark", NULL, c->text);
        return;
    }
    text_n(h, s, (size_t)(at - s));
    el_text(h, "mark", NULL, c->text);
    text(h, at + strlen(c->text));
}

static const char *verdict_class(const check_report *r, size_t gi)
{
    const abg_group *g = abg_check_group(r->chk, gi);

    if (g->verdict == ABG_VERDICT_CONFLICT)
        return check_reported(r, gi) ? "v-widerspruch" : "v-akzeptiert";
    return g->verdict == ABG_VERDICT_AGREE ? "v-uebereinstimmung" : "v-einzel";
}

static void claim_card(html *h, const abg_claim *c)
{
    char val[160];

    open_el(h, "div");
    attr(h, "class", "angabe");
    claim_value(val, sizeof val, c);
    open_el(h, "p");
    attr(h, "class", "wert");
    text(h, val);
    text(h, " ");
    el_text(h, "span", "qual", qualifier_label(c));
    close_el(h);
    open_el(h, "p");
    attr(h, "class", c->time ? "zeit" : "zeit keine");
    if (c->time) {
        text(h, "Zeitangabe: ");
        el_text(h, "strong", NULL, c->time);
    } else {
        text(h, "ohne Zeitangabe");
    }
    close_el(h);
    open_el(h, "blockquote");
    marked_sentence(h, c);
    close_el(h);
    open_el(h, "p");
    attr(h, "class", "ort");
    open_el(h, "code");
    textf(h, "%s:%llu:%llu", c->doc ? c->doc : "-", (unsigned long long)c->line,
          (unsigned long long)c->col);
    close_el(h);
    close_el(h);
    close_el(h);
}

/* ---- the dot plot ---- */

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
    open_el(h, "line");
    attrf(h, "x1", "%.1f", x1);
    attrf(h, "y1", "%.1f", y1);
    attrf(h, "x2", "%.1f", x2);
    attrf(h, "y2", "%.1f", y2);
    attr(h, "class", cls);
    close_void(h);
}

static void svg_text(html *h, double x, double y, const char *anchor, const char *cls,
                     const char *s)
{
    open_el(h, "text");
    attrf(h, "x", "%.1f", x);
    attrf(h, "y", "%.1f", y);
    if (anchor)
        attr(h, "text-anchor", anchor);
    attr(h, "class", cls);
    text(h, s);
    close_el(h);
}

static void svg_rect(html *h, double x, double y, double w, double hh, const char *cls)
{
    open_el(h, "rect");
    attrf(h, "x", "%.1f", x);
    attrf(h, "y", "%.1f", y);
    attrf(h, "width", "%.1f", w < 0.5 ? 0.5 : w);
    attrf(h, "height", "%.1f", hh);
    attr(h, "class", cls);
    close_void(h);
}

static void svg_dot(html *h, double x, double y)
{
    open_el(h, "circle");
    attrf(h, "cx", "%.1f", x);
    attrf(h, "cy", "%.1f", y);
    attr(h, "r", "5");
    attr(h, "class", "p-punkt");
    close_void(h);
}

/* A line from x to x_end with an arrow head at x_end. */
static void svg_arrow(html *h, double x, double x_end, double y)
{
    double d = x_end > x ? -7 : 7;

    svg_line(h, x, y, x_end + (x_end > x ? -2 : 2), y, "p-pfeil");
    open_el(h, "polygon");
    attrf(h, "points", "%.1f,%.1f %.1f,%.1f %.1f,%.1f", x_end, y, x_end + d, y - 4.5, x_end + d,
          y + 4.5);
    attr(h, "class", "p-spitze");
    close_void(h);
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
    open_el(h, "svg");
    attr(h, "xmlns", "http://www.w3.org/2000/svg");
    attrf(h, "viewBox", "0 0 %d %.0f", PLOT_W, height);
    attrf(h, "width", "%d", PLOT_W);
    attrf(h, "height", "%.0f", height);
    attr(h, "role", "img");
    attr(h, "aria-label", aria);
    for (k = 0; k < n; k++) {
        const abg_claim *c = rows[idx[k]].c;
        double y = PLOT_TOP + (double)k * PLOT_ROW + PLOT_ROW / 2.0, lo, hi;
        open_el(h, "g");
        attr(h, "class", "p-zeile");
        open_el(h, "title");
        claim_value_short(label, sizeof label, c);
        textf(h, "%s: %s (%s)", source_label(s->names[rows[idx[k]].source]), label,
              qualifier_label(c));
        close_el(h);
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
        close_el(h);
    }
    axis_ticks(h, &a, PLOT_TOP + (double)n * PLOT_ROW + 6);
    close_el(h);
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
        text(h, "Zeitachse; ein Balken deckt den genannten Zeitraum ab (Jahr, Quartal, Monat "
                "oder Tag).");
        if (seen[ABG_QUAL_LOWER])
            text(h, " Pfeil nach rechts: »seit«, »ab«.");
        if (seen[ABG_QUAL_UPPER])
            text(h, " Pfeil nach links: »bis«.");
        return;
    }
    if (nunits > 1)
        textf(h,
              "%zu Einheiten, je eine eigene Achse: Werte in verschiedenen Einheiten oder "
              "Währungen werden nicht auf einer Achse verglichen.",
              nunits);
    else
        textf(h, "Einheit: %s.", unit_label(unit));
    text(h, " Punkt: genannter Wert.");
    if (seen[ABG_QUAL_APPROX]) {
        fmt_plain(pct, sizeof pct, tol * 100);
        textf(h, " Heller Streifen: »rund«, »etwa« (± %s %%).", pct);
    }
    if (seen[ABG_QUAL_LOWER])
        text(h, " Pfeil nach rechts: Untergrenze (»über«, »mehr als«).");
    if (seen[ABG_QUAL_UPPER])
        text(h, " Pfeil nach links: Obergrenze (»bis zu«, »unter«).");
    if (seen[ABG_QUAL_RANGE])
        text(h, " Balken: Spanne.");
}

/* The plots of a group: one per unit (currency, % or points, counted
 * noun), one time axis for dates. */
static void group_plot(html *h, const source_list *s, const row *rows, size_t n, double tol)
{
    size_t *idx = malloc((n ? n : 1) * sizeof *idx), k, j, m, nunits = 0;
    const char **units = malloc((n ? n : 1) * sizeof *units);
    bool date = n && rows[0].c->type == ABG_FACT_DATE;

    if (!idx || !units) {
        h->err = 1;
        goto done;
    }
    for (k = 0; k < n; k++) { /* the units in the order they appear */
        const char *u = date || !rows[k].c->unit ? "" : rows[k].c->unit;
        for (j = 0; j < nunits && strcmp(units[j], u); j++)
            ;
        if (j == nunits)
            units[nunits++] = u;
    }
    open_el(h, "figure");
    attr(h, "class", "plot");
    for (j = 0; j < nunits; j++) {
        for (k = m = 0; k < n; k++)
            if (date || !strcmp(units[j], rows[k].c->unit ? rows[k].c->unit : ""))
                idx[m++] = k;
        if (nunits > 1)
            el_text(h, "p", "einheit", unit_label(units[j]));
        plot_unit(h, s, rows, idx, m, units[j], date, tol);
    }
    open_el(h, "figcaption");
    plot_caption(h, rows, n, date, nunits, units[0], tol);
    close_el(h);
    close_el(h);
done:
    free(idx);
    free(units);
}

static void group_anchor(char *buf, size_t size, const abg_group *g, size_t gi, bool dup)
{
    if (dup)
        snprintf(buf, size, "g-%s-%zu", g->id, gi);
    else
        snprintf(buf, size, "g-%s", g->id);
}

static void group_title(html *h, const abg_group *g)
{
    size_t k;

    el_text(h, "span", "subjekt", g->subject ? g->subject : "(ohne Subjekt)");
    text(h, " · ");
    text(h, type_label(g->type));
    if (g->nattribute) {
        text(h, " · ");
        for (k = 0; k < g->nattribute; k++) {
            if (k)
                text(h, " ");
            el_text(h, "span", "stamm", g->attribute[k]);
        }
    }
}

static void group_section(html *h, const check_report *r, const source_list *s, size_t gi,
                          bool dup, double tol)
{
    const abg_group *g = abg_check_group(r->chk, gi);
    const char *vcls = verdict_class(r, gi);
    bool accepted = g->verdict == ABG_VERDICT_CONFLICT && !check_reported(r, gi);
    row *rows = group_rows(s, g);
    char *cls = rows ? group_class("gruppe", vcls, rows, g->nclaims) : NULL;
    char anchor[64];
    size_t k, nsources = 0;

    if (!cls) {
        h->err = 1;
        goto done;
    }
    group_anchor(anchor, sizeof anchor, g, gi, dup);
    open_el(h, "section");
    attr(h, "class", cls);
    attr(h, "id", anchor);
    attr(h, "data-verdict", abg_verdict_name(g->verdict));
    attr(h, "data-type", abg_fact_type_name(g->type));
    attr(h, "data-subject", g->subject ? g->subject : "");
    attr(h, "data-cause", abg_cause_name(g->cause) ? abg_cause_name(g->cause) : "");
    if (accepted)
        attr(h, "data-accepted", "true");

    open_el(h, "h3");
    open_el(h, "span");
    attrf(h, "class", "marke %s", vcls);
    text(h, verdict_label(g->verdict));
    if (accepted)
        text(h, " (akzeptiert)");
    close_el(h);
    text(h, " ");
    group_title(h, g);
    close_el(h);

    open_el(h, "p");
    attr(h, "class", "kopfzeile");
    if (g->verdict == ABG_VERDICT_CONFLICT) {
        open_el(h, "span");
        attr(h, "class", "ursache");
        text(h, "Ursache: ");
        el_text(h, "strong", NULL, cause_label(g->cause));
        close_el(h);
        text(h, " – ");
        text(h, cause_note(g->cause));
        if (accepted)
            text(h, " Die Baseline führt diesen Widerspruch als bekannt und akzeptiert.");
        text(h, " ");
    }
    for (k = 0; k < g->nclaims; k++)
        if (k == 0 || rows[k].source != rows[k - 1].source)
            nsources++;
    textf(h, "%zu %s aus %zu %s. ", g->nclaims, g->nclaims == 1 ? "Angabe" : "Angaben", nsources,
          nsources == 1 ? "Quelle" : "Quellen");
    el_text(h, "span", "kennung", g->id);
    close_el(h);

    group_plot(h, s, rows, g->nclaims, tol);

    open_el(h, "div");
    attr(h, "class", "spalten");
    for (k = 0; k < g->nclaims; k++) {
        if (k == 0 || rows[k].source != rows[k - 1].source) {
            if (k)
                close_el(h);
            open_el(h, "div");
            attrf(h, "class", "spalte q-%zu", rows[k].source);
            el_text(h, "h4", NULL, source_label(s->names[rows[k].source]));
        }
        claim_card(h, rows[k].c);
    }
    if (g->nclaims)
        close_el(h);
    close_el(h);
    close_el(h);
    newline(h);
done:
    free(cls);
    free(rows);
}

/* The singles: a table, one row per group, in a collapsed <details>. */
static void single_row(html *h, const check_report *r, const source_list *s, size_t gi, bool dup)
{
    const abg_group *g = abg_check_group(r->chk, gi);
    row *rows = group_rows(s, g);
    char *cls = rows ? group_class("gruppe", "v-einzel", rows, g->nclaims) : NULL;
    char anchor[64], val[160];
    size_t k;

    if (!cls) {
        h->err = 1;
        goto done;
    }
    group_anchor(anchor, sizeof anchor, g, gi, dup);
    open_el(h, "tr");
    attr(h, "class", cls);
    attr(h, "id", anchor);
    attr(h, "data-verdict", abg_verdict_name(g->verdict));
    attr(h, "data-type", abg_fact_type_name(g->type));
    attr(h, "data-subject", g->subject ? g->subject : "");
    open_el(h, "td");
    group_title(h, g);
    close_el(h);
    open_el(h, "td");
    attr(h, "class", "wert");
    for (k = 0; k < g->nclaims; k++) {
        claim_value_short(val, sizeof val, rows[k].c);
        if (k)
            text(h, "; ");
        text(h, val);
    }
    close_el(h);
    open_el(h, "td");
    text(h, g->nclaims ? source_label(s->names[rows[0].source]) : "");
    close_el(h);
    open_el(h, "td");
    for (k = 0; k < g->nclaims; k++) {
        const abg_claim *c = rows[k].c;
        open_el(h, "blockquote");
        marked_sentence(h, c);
        close_el(h);
        open_el(h, "p");
        attr(h, "class", "ort");
        open_el(h, "code");
        textf(h, "%s:%llu:%llu", c->doc ? c->doc : "-", (unsigned long long)c->line,
              (unsigned long long)c->col);
        close_el(h);
        if (c->time) {
            text(h, " · Zeitangabe: ");
            text(h, c->time);
        }
        close_el(h);
    }
    close_el(h);
    close_el(h);
    newline(h);
done:
    free(cls);
    free(rows);
}

/* ---- the page ---- */

static const char *const css[] = {
    ":root{--rot:#b42318;--gruen:#1a7f37;--grau:#6e7781;--gelb:#9a6700;--blau:#1f4e79;"
    "--rand:#d0d7de}\n",
    "*{box-sizing:border-box}\n",
    "body{margin:0;background:#f5f6f8;color:#1f2328;font:15px/1.5 system-ui,-apple-system,"
    "\"Segoe UI\",Roboto,\"Noto Sans\",\"DejaVu Sans\",sans-serif}\n",
    "header.kopf{background:#1f2a44;color:#fff;padding:16px 28px}\n",
    "header.kopf h1{margin:0;font-size:1.45rem;font-weight:650}\n",
    "header.kopf p{margin:2px 0 0;color:#c9d1e3;font-size:.9rem}\n",
    ".seite{display:grid;grid-template-columns:16.5rem minmax(0,1fr);gap:28px;"
    "padding:22px 28px;align-items:start}\n",
    ".ziel{display:none}\n",
    "nav.inhalt{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto;"
    "font-size:.88rem;background:#fff;border:1px solid var(--rand);border-radius:8px;"
    "padding:10px 14px}\n",
    "nav h2{font-size:.78rem;text-transform:uppercase;letter-spacing:.06em;color:#57606a;"
    "margin:12px 0 4px}\n",
    "nav ul,nav ol{list-style:none;margin:0;padding:0}\n",
    "nav li{margin:2px 0}\n",
    "nav a{color:#0b57a4;text-decoration:none}\n",
    "nav a:hover{text-decoration:underline}\n",
    ".anzahl{color:#6e7781}\n",
    ".toc a{display:block;border-left:3px solid var(--c);padding:1px 0 1px 7px}\n",
    ".gruppe,.marke{--c:var(--grau)}\n",
    ".v-widerspruch{--c:var(--rot)}.v-akzeptiert{--c:var(--gelb)}"
    ".v-uebereinstimmung{--c:var(--gruen)}.v-einzel{--c:var(--grau)}\n",
    "main h2{font-size:1.15rem;margin:24px 0 10px}\n",
    "main>section:first-of-type h2{margin-top:0}\n",
    ".zahlen{display:flex;flex-wrap:wrap;gap:10px;margin:0}\n",
    ".zahlen div{background:#fff;border:1px solid var(--rand);border-radius:8px;"
    "padding:6px 14px;min-width:8rem}\n",
    ".zahlen dt{font-size:.8rem;color:#57606a}\n",
    ".zahlen dd{margin:0;font-size:1.45rem;font-weight:700}\n",
    ".zahlen .v-widerspruch dd{color:var(--rot)}\n",
    ".zahlen .v-akzeptiert dd{color:var(--gelb)}\n",
    ".zahlen .v-uebereinstimmung dd{color:var(--gruen)}\n",
    "section.gruppe{background:#fff;border:1px solid var(--rand);border-left:6px solid var(--c);"
    "border-radius:8px;padding:12px 18px 16px;margin:0 0 20px}\n",
    "section.gruppe h3{margin:0 0 4px;font-size:1.12rem}\n",
    ".marke{display:inline-block;background:var(--c);color:#fff;border-radius:4px;"
    "padding:1px 8px;font-size:.8rem;font-weight:600;vertical-align:2px;margin-right:4px}\n",
    ".subjekt{font-weight:700}\n",
    ".stamm{font-family:ui-monospace,\"DejaVu Sans Mono\",monospace;font-size:.85em;"
    "background:#eef1f4;border-radius:3px;padding:0 4px}\n",
    ".kopfzeile{margin:0 0 8px;color:#3d444d;font-size:.92rem}\n",
    ".kennung{font-family:ui-monospace,monospace;color:#8c959f;font-size:.78rem}\n",
    "figure.plot{margin:6px 0 12px}\n",
    "figure.plot svg{display:block;width:100%;max-width:780px;height:auto}\n",
    "figcaption{font-size:.8rem;color:#57606a;max-width:780px}\n",
    "p.einheit{margin:6px 0 0;font-weight:600;font-size:.85rem}\n",
    ".p-text{font-size:13px;fill:#1f2328}\n",
    ".p-wert{font-size:13px;fill:#1f2328;font-weight:600}\n",
    ".p-tick{font-size:11px;fill:#57606a}\n",
    ".p-achse{stroke:#57606a;stroke-width:1}\n",
    ".p-gitter{stroke:#e3e7eb;stroke-width:1}\n",
    ".p-zeilenlinie{stroke:#f0f2f4;stroke-width:1}\n",
    ".p-punkt{fill:var(--blau);stroke:#fff;stroke-width:1.5}\n",
    ".p-band{fill:var(--blau);fill-opacity:.18}\n",
    ".p-balken{fill:var(--blau);fill-opacity:.55}\n",
    ".p-kappe,.p-pfeil{stroke:var(--blau);stroke-width:2}\n",
    ".p-spitze{fill:var(--blau)}\n",
    ".spalten{display:grid;grid-template-columns:repeat(auto-fill,minmax(15.5rem,1fr));"
    "gap:12px}\n",
    ".spalte{background:#fafbfc;border:1px solid #e1e4e8;border-radius:6px;padding:8px 12px}\n",
    ".spalte h4{margin:0 0 6px;font-size:.95rem}\n",
    ".angabe+.angabe{border-top:1px dashed var(--rand);margin-top:8px;padding-top:8px}\n",
    ".angabe p{margin:0}\n",
    ".wert{font-weight:700}\n",
    "p.wert{font-size:1.1rem}\n",
    ".qual{font-weight:400;font-size:.78rem;color:#57606a;background:#eef1f4;"
    "border-radius:3px;padding:0 5px;margin-left:4px;vertical-align:2px}\n",
    ".zeit{font-size:.85rem;color:#3d444d}\n",
    ".zeit.keine{color:#8c959f}\n",
    "blockquote{margin:6px 0;padding:0 0 0 10px;border-left:3px solid #d8dee4;"
    "font-size:.93rem}\n",
    "mark{background:#ffe066;color:inherit;padding:0 2px;border-radius:2px;font-weight:600}\n",
    ".ort{font-size:.78rem;color:#57606a}\n",
    ".ort code{word-break:break-all}\n",
    "details.einzeln{background:#fff;border:1px solid var(--rand);border-radius:8px;"
    "padding:10px 14px}\n",
    "details.einzeln summary{cursor:pointer;font-weight:600}\n",
    "table.einzel{border-collapse:collapse;width:100%;font-size:.88rem;margin-top:10px}\n",
    "table.einzel th,table.einzel td{border-top:1px solid #e1e4e8;padding:6px 8px;"
    "text-align:left;vertical-align:top}\n",
    "table.einzel blockquote{margin:0 0 2px}\n",
    ".hinweis{display:none;background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;"
    "padding:6px 12px;margin:0 0 14px}\n",
    ".ziel:target~main .hinweis{display:block}\n",
    ".leer{color:#57606a}\n",
    "footer{color:#6e7781;font-size:.8rem;padding:0 28px 24px}\n",
    "#f-widerspruch:target~* .gruppe:not(.v-widerspruch),"
    "#f-akzeptiert:target~* .gruppe:not(.v-akzeptiert),"
    "#f-uebereinstimmung:target~* .gruppe:not(.v-uebereinstimmung),"
    "#f-einzel:target~* .gruppe:not(.v-einzel),"
    "#f-widerspruch:target~main .abschnitt:not(.a-widerspruch),"
    "#f-akzeptiert:target~main .abschnitt:not(.a-akzeptiert),"
    "#f-uebereinstimmung:target~main .abschnitt:not(.a-uebereinstimmung),"
    "#f-einzel:target~main .abschnitt:not(.a-einzel){display:none}\n",
    "#f-widerspruch:target~nav a[href=\"#f-widerspruch\"],"
    "#f-akzeptiert:target~nav a[href=\"#f-akzeptiert\"],"
    "#f-uebereinstimmung:target~nav a[href=\"#f-uebereinstimmung\"],"
    "#f-einzel:target~nav a[href=\"#f-einzel\"]{font-weight:700;color:#1f2328}\n",
    "@media (max-width:900px){.seite{grid-template-columns:1fr}"
    "nav.inhalt{position:static;max-height:none}}\n",
    "@media print{nav.inhalt,.ziel{display:none}.seite{display:block}}\n",
    NULL};

/* The CSS rules of the source filters: built from numbers only. */
static void source_css(html *h, size_t n)
{
    char buf[400];
    size_t i;

    for (i = 0; i < n; i++) {
        snprintf(buf, sizeof buf,
                 "#f-q-%zu:target~* .gruppe:not(.q-%zu){display:none}"
                 "#f-q-%zu:target~main .spalte.q-%zu{background:#fff8c5;border-color:#d4a72c}"
                 "#f-q-%zu:target~nav a[href=\"#f-q-%zu\"]{font-weight:700;color:#1f2328}\n",
                 i, i, i, i, i, i);
        put_raw(h, buf);
    }
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void head(html *h, const check_report *r, const source_list *s, size_t conflicts)
{
    size_t i;

    open_el(h, "head");
    open_el(h, "meta");
    attr(h, "charset", "utf-8");
    close_void(h);
    open_el(h, "meta");
    attr(h, "http-equiv", "Content-Security-Policy");
    attr(h, "content",
         "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
         "base-uri 'none'; form-action 'none'");
    close_void(h);
    open_el(h, "meta");
    attr(h, "name", "viewport");
    attr(h, "content", "width=device-width, initial-scale=1");
    close_void(h);
    open_el(h, "meta");
    attr(h, "name", "generator");
    attr(h, "content", "abgleich " ABGLEICH_VERSION);
    close_void(h);
    open_el(h, "title");
    textf(h, "Abgleich: %zu %s in %zu %s", conflicts,
          plural(conflicts, "Widerspruch", "Widersprüche"), r->documents,
          plural(r->documents, "Dokument", "Dokumenten"));
    close_el(h);
    open_el(h, "style");
    for (i = 0; css[i]; i++)
        put_raw(h, css[i]);
    source_css(h, s->n);
    close_el(h);
    close_el(h);
    newline(h);
}

static void summary_item(html *h, const char *cls, const char *label, size_t n)
{
    open_el(h, "div");
    if (cls)
        attr(h, "class", cls);
    el_text(h, "dt", NULL, label);
    open_el(h, "dd");
    textf(h, "%zu", n);
    close_el(h);
    close_el(h);
}

typedef struct {
    size_t conflicts, accepted, agree, single;
} tally;

static void summary(html *h, const check_report *r, const source_list *s, const tally *t)
{
    open_el(h, "section");
    attr(h, "id", "uebersicht");
    attr(h, "class", "uebersicht");
    el_text(h, "h2", NULL, "Übersicht");
    open_el(h, "dl");
    attr(h, "class", "zahlen");
    summary_item(h, NULL, "Dokumente", r->documents);
    summary_item(h, NULL, "Quellen", s->n);
    summary_item(h, NULL, "Angaben", r->facts);
    summary_item(h, "v-widerspruch", "Widersprüche", t->conflicts);
    if (r->accepted)
        summary_item(h, "v-akzeptiert", "akzeptiert (Baseline)", t->accepted);
    summary_item(h, "v-uebereinstimmung", "Übereinstimmungen", t->agree);
    summary_item(h, "v-einzel", "Einzelangaben", t->single);
    summary_item(h, r->errors ? "v-widerspruch" : NULL, "Dateien mit Fehlern", r->errors);
    close_el(h);
    if (r->accepted && r->stale_count) {
        open_el(h, "p");
        textf(h, "Die Baseline enthält %zu %s, die zu keinem Widerspruch mehr passen.",
              r->stale_count, plural(r->stale_count, "Eintrag", "Einträge"));
        close_el(h);
    }
    close_el(h);
    newline(h);
}

static void filter_link(html *h, const char *target, const char *label, size_t n)
{
    open_el(h, "li");
    open_el(h, "a");
    attrf(h, "href", "#%s", target);
    text(h, label);
    close_el(h);
    textf(h, " ");
    open_el(h, "span");
    attr(h, "class", "anzahl");
    textf(h, "(%zu)", n);
    close_el(h);
    close_el(h);
}

static void toc_entry(html *h, const check_report *r, const source_list *s, size_t gi, bool dup)
{
    const abg_group *g = abg_check_group(r->chk, gi);
    const char *vcls = verdict_class(r, gi);
    row *rows = group_rows(s, g);
    char *cls = rows ? group_class("gruppe", vcls, rows, g->nclaims) : NULL;
    char anchor[64];

    if (!cls) {
        h->err = 1;
        goto done;
    }
    group_anchor(anchor, sizeof anchor, g, gi, dup);
    open_el(h, "li");
    attr(h, "class", cls);
    open_el(h, "a");
    attrf(h, "href", "#%s", anchor);
    group_title(h, g);
    if (g->verdict == ABG_VERDICT_CONFLICT) {
        text(h, " (");
        text(h, cause_label(g->cause));
        text(h, ")");
    }
    close_el(h);
    close_el(h);
done:
    free(cls);
    free(rows);
}

static void nav(html *h, const check_report *r, const source_list *s, const tally *t,
                const bool *dup, const size_t *per_source)
{
    size_t i, n = abg_check_group_count(r->chk);

    open_el(h, "nav");
    attr(h, "class", "inhalt");
    attr(h, "aria-label", "Filter und Inhalt");
    el_text(h, "h2", NULL, "Nach Urteil");
    open_el(h, "ul");
    open_el(h, "li");
    open_el(h, "a");
    attr(h, "href", "#");
    text(h, "alle zeigen");
    close_el(h);
    close_el(h);
    filter_link(h, "f-widerspruch", "Widersprüche", t->conflicts);
    if (r->accepted)
        filter_link(h, "f-akzeptiert", "akzeptierte Widersprüche", t->accepted);
    filter_link(h, "f-uebereinstimmung", "Übereinstimmungen", t->agree);
    filter_link(h, "f-einzel", "Einzelangaben", t->single);
    close_el(h);
    el_text(h, "h2", NULL, "Nach Quelle");
    open_el(h, "ul");
    for (i = 0; i < s->n; i++) {
        char target[32];
        snprintf(target, sizeof target, "f-q-%zu", i);
        filter_link(h, target, source_label(s->names[i]), per_source[i]);
    }
    close_el(h);
    el_text(h, "h2", NULL, "Inhalt");
    open_el(h, "ol");
    attr(h, "class", "toc");
    for (i = 0; i < n; i++)
        if (abg_check_group(r->chk, i)->verdict != ABG_VERDICT_SINGLE)
            toc_entry(h, r, s, i, dup[i]);
    if (t->single) {
        open_el(h, "li");
        attr(h, "class", "gruppe v-einzel");
        open_el(h, "a");
        attr(h, "href", "#einzelangaben");
        textf(h, "Einzelangaben (%zu)", t->single);
        close_el(h);
        close_el(h);
    }
    close_el(h);
    close_el(h);
    newline(h);
}

/* A section of groups whose verdict class is vcls. */
static void groups_section(html *h, const check_report *r, const source_list *s, const bool *dup,
                           const char *id, const char *vcls, const char *title, size_t count,
                           const char *intro, double tol)
{
    size_t i, n = abg_check_group_count(r->chk);

    open_el(h, "section");
    attr(h, "id", id);
    attrf(h, "class", "abschnitt a-%s", vcls + 2);
    open_el(h, "h2");
    textf(h, "%s (%zu)", title, count);
    close_el(h);
    if (intro)
        el_text(h, "p", NULL, intro);
    if (!count)
        el_text(h, "p", "leer", "Keine.");
    for (i = 0; i < n; i++)
        if (abg_check_group(r->chk, i)->verdict != ABG_VERDICT_SINGLE &&
            !strcmp(verdict_class(r, i), vcls))
            group_section(h, r, s, i, dup[i], tol);
    close_el(h);
    newline(h);
}

static void singles_section(html *h, const check_report *r, const source_list *s, const bool *dup,
                            size_t count)
{
    size_t i, n = abg_check_group_count(r->chk);

    open_el(h, "section");
    attr(h, "id", "einzelangaben");
    attr(h, "class", "abschnitt a-einzel");
    open_el(h, "h2");
    textf(h, "Einzelangaben (%zu)", count);
    close_el(h);
    open_el(h, "details");
    attr(h, "class", "einzeln");
    open_el(h, "summary");
    textf(h, "%zu %s, die nur ein Dokument nennt – aufklappen", count,
          plural(count, "Angabe", "Angaben"));
    close_el(h);
    open_el(h, "table");
    attr(h, "class", "einzel");
    open_el(h, "thead");
    open_el(h, "tr");
    el_text(h, "th", NULL, "Worum es geht");
    el_text(h, "th", NULL, "Wert");
    el_text(h, "th", NULL, "Quelle");
    el_text(h, "th", NULL, "Satz und Fundstelle");
    close_el(h);
    close_el(h);
    open_el(h, "tbody");
    for (i = 0; i < n; i++)
        if (abg_check_group(r->chk, i)->verdict == ABG_VERDICT_SINGLE)
            single_row(h, r, s, i, dup[i]);
    close_el(h);
    close_el(h);
    close_el(h);
    close_el(h);
    newline(h);
}

typedef struct {
    const char *id;
    size_t index;
} group_key;

static int cmp_group_key(const void *a, const void *b)
{
    const group_key *x = a, *y = b;
    int c = strcmp(x->id, y->id);

    return c ? c : x->index < y->index ? -1 : x->index > y->index;
}

/* dup[i]: group i shares its fingerprint with an earlier group, so its
 * anchor gets its index too. NULL when out of memory. */
static bool *duplicate_ids(const abg_check *chk)
{
    size_t i, n = abg_check_group_count(chk);
    group_key *keys = malloc((n ? n : 1) * sizeof *keys);
    bool *dup = calloc(n ? n : 1, sizeof *dup);

    if (!keys || !dup) {
        free(keys);
        free(dup);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        keys[i].id = abg_check_group(chk, i)->id;
        keys[i].index = i;
    }
    qsort(keys, n, sizeof *keys, cmp_group_key);
    for (i = 1; i < n; i++)
        if (!strcmp(keys[i].id, keys[i - 1].id))
            dup[keys[i].index] = true;
    free(keys);
    return dup;
}

/* How many groups cite each source. NULL when out of memory. */
static size_t *groups_per_source(const check_report *r, const source_list *s)
{
    size_t i, k, n = abg_check_group_count(r->chk);
    size_t *per = calloc(s->n ? s->n : 1, sizeof *per);

    for (i = 0; per && i < n; i++) {
        const abg_group *g = abg_check_group(r->chk, i);
        row *rows = group_rows(s, g);
        if (!rows) {
            free(per);
            return NULL;
        }
        for (k = 0; k < g->nclaims; k++)
            if (k == 0 || rows[k].source != rows[k - 1].source)
                per[rows[k].source]++;
        free(rows);
    }
    return per;
}

int check_write_html(FILE *out, const check_report *r)
{
    xmlOutputBufferPtr ob = NULL;
    html h = {NULL, 0};
    source_list s = {NULL, 0};
    bool *dup = NULL;
    size_t *per_source = NULL, i, n = abg_check_group_count(r->chk);
    tally t = {0, 0, 0, 0};
    double tol = r->tolerance;
    int rc = -1;

    for (i = 0; i < n; i++) {
        const abg_group *g = abg_check_group(r->chk, i);
        if (g->verdict == ABG_VERDICT_CONFLICT && check_reported(r, i))
            t.conflicts++;
        else if (g->verdict == ABG_VERDICT_CONFLICT)
            t.accepted++;
        else if (g->verdict == ABG_VERDICT_AGREE)
            t.agree++;
        else
            t.single++;
    }
    if (sources_collect(&s, r->chk) < 0 || !(dup = duplicate_ids(r->chk)) ||
        !(per_source = groups_per_source(r, &s)))
        goto done;
    if (!(ob = xmlOutputBufferCreateFile(out, NULL)))
        goto done;
    if (!(h.w = xmlNewTextWriter(ob))) {
        xmlOutputBufferClose(ob);
        goto done;
    }
    put_raw(&h, "<!DOCTYPE html>\n");
    open_el(&h, "html");
    attr(&h, "lang", "de");
    newline(&h);
    head(&h, r, &s, t.conflicts);
    open_el(&h, "body");
    newline(&h);

    open_el(&h, "header");
    attr(&h, "class", "kopf");
    open_el(&h, "h1");
    textf(&h, "Abgleich: %zu %s", t.conflicts, plural(t.conflicts, "Widerspruch", "Widersprüche"));
    if (t.accepted)
        textf(&h, " (%zu akzeptiert)", t.accepted);
    textf(&h, " in %zu %s", r->documents, plural(r->documents, "Dokument", "Dokumenten"));
    close_el(&h);
    el_text(&h, "p", NULL,
            "Zahlen, Beträge und Daten, die mehrere Quellen über dasselbe nennen, "
            "nebeneinander: Widersprüche zuerst, dann Übereinstimmungen.");
    close_el(&h);
    newline(&h);

    open_el(&h, "div");
    attr(&h, "class", "seite");
    /* the targets of the filter links; the CSS hides what they exclude */
    {
        static const char *const targets[] = {"f-widerspruch", "f-akzeptiert",
                                              "f-uebereinstimmung", "f-einzel"};
        size_t k;
        for (k = 0; k < 4; k++) {
            open_el(&h, "span");
            attr(&h, "id", targets[k]);
            attr(&h, "class", "ziel");
            close_el(&h);
        }
        for (k = 0; k < s.n; k++) {
            open_el(&h, "span");
            attrf(&h, "id", "f-q-%zu", k);
            attr(&h, "class", "ziel");
            close_el(&h);
        }
    }
    newline(&h);
    nav(&h, r, &s, &t, dup, per_source);

    open_el(&h, "main");
    open_el(&h, "p");
    attr(&h, "class", "hinweis");
    text(&h, "Ein Filter ist aktiv; nicht jede Gruppe wird gezeigt. ");
    open_el(&h, "a");
    attr(&h, "href", "#");
    text(&h, "Alle zeigen");
    close_el(&h);
    close_el(&h);
    summary(&h, r, &s, &t);
    groups_section(&h, r, &s, dup, "widersprueche", "v-widerspruch", "Widersprüche", t.conflicts,
                   "Mindestens zwei Dokumente nennen unvereinbare Werte. Jede Spalte ist eine "
                   "Quelle; die Zahl im Satz ist markiert.",
                   tol);
    if (r->accepted)
        groups_section(&h, r, &s, dup, "akzeptiert", "v-akzeptiert", "Akzeptierte Widersprüche",
                       t.accepted,
                       "Diese Widersprüche führt die Baseline als bekannt; sie zählen nicht "
                       "für den Exit-Status.",
                       tol);
    groups_section(&h, r, &s, dup, "uebereinstimmungen", "v-uebereinstimmung", "Übereinstimmungen",
                   t.agree,
                   "Alle Werte sind miteinander vereinbar: gleich, innerhalb der genannten "
                   "Genauigkeit, einer Näherung (»rund«) oder einer Grenze (»über«).",
                   tol);
    singles_section(&h, r, &s, dup, t.single);
    close_el(&h); /* main */
    close_el(&h); /* .seite */
    newline(&h);
    open_el(&h, "footer");
    text(&h, "Erstellt mit abgleich " ABGLEICH_VERSION ". Fundstellen als Datei:Zeile:Spalte.");
    close_el(&h);
    newline(&h);
    close_el(&h); /* body */
    close_el(&h); /* html */
    newline(&h);
    if (!h.err && xmlTextWriterFlush(h.w) < 0)
        h.err = 1;
    rc = h.err ? -1 : 0;
done:
    if (h.w)
        xmlFreeTextWriter(h.w);
    free(per_source);
    free(dup);
    free(s.names);
    /* a failed write is for the caller's ferror() to report */
    return rc < 0 && ferror(out) ? 0 : rc;
}
