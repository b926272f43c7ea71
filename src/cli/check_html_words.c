/*
 * check_html_words.c: the German words and number formats of the HTML
 * report: labels of verdicts, causes, types, qualifiers and units, numbers
 * with decimal comma and scale words, dates the German way. Locale-free.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "check_html.h"

const char *verdict_label(abg_verdict v)
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

const char *cause_label(abg_cause c)
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

const char *cause_note(abg_cause c)
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

const char *type_label(abg_fact_type t)
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

const char *qualifier_label(const abg_claim *c)
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

const char *unit_label(const char *unit)
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
void fmt_plain(char *buf, size_t size, double x)
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
void fmt_number(char *buf, size_t size, double x)
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

const char *const months[] = {"Januar",    "Februar", "März",     "April",
                                     "Mai",       "Juni",    "Juli",     "August",
                                     "September", "Oktober", "November", "Dezember"};
const char *const months_short[] = {"Jan.", "Feb.", "März", "Apr.", "Mai",  "Juni",
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
void claim_value(char *buf, size_t size, const abg_claim *c)
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
void claim_value_short(char *buf, size_t size, const abg_claim *c)
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
