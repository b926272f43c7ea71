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
 * subjects, stems) goes through libxml2's xmlTextWriter (html.h), which
 * escapes it: article text can never become markup. Raw output is used
 * only for the doctype and for CSS built from constants and numbers. The
 * plots are in check_html_plot.c, the German words and number formats in
 * check_html_words.c.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_html.h"
#include "html.h"
#include "version.h"

/* ---- sources: every outlet named by a claim, sorted, numbered ---- */

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

const char *source_label(const char *name)
{
    return *name ? name : "(ohne Quelle)";
}

/* ---- one group ---- */

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
            html_text(h, s);
            html_text(h, " ");
        }
        html_el(h, "mark", NULL, c->text);
        return;
    }
    html_text_n(h, s, (size_t)(at - s));
    html_el(h, "mark", NULL, c->text);
    html_text(h, at + strlen(c->text));
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

    html_open(h, "div");
    html_attr(h, "class", "angabe");
    claim_value(val, sizeof val, c);
    html_open(h, "p");
    html_attr(h, "class", "wert");
    html_text(h, val);
    html_text(h, " ");
    html_el(h, "span", "qual", qualifier_label(c));
    html_close(h);
    html_open(h, "p");
    html_attr(h, "class", c->time ? "zeit" : "zeit keine");
    if (c->time) {
        html_text(h, "Zeitangabe: ");
        html_el(h, "strong", NULL, c->time);
    } else {
        html_text(h, "ohne Zeitangabe");
    }
    html_close(h);
    html_open(h, "blockquote");
    marked_sentence(h, c);
    html_close(h);
    html_open(h, "p");
    html_attr(h, "class", "ort");
    html_open(h, "code");
    html_textf(h, "%s:%llu:%llu", c->doc ? c->doc : "-", (unsigned long long)c->line,
          (unsigned long long)c->col);
    html_close(h);
    html_close(h);
    html_close(h);
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
    html_el(h, "span", "subjekt", g->subject ? g->subject : "(ohne Subjekt)");
    html_text(h, " · ");
    html_text(h, type_label(g->type));
    if (g->measure) {
        html_text(h, " · ");
        html_el(h, "span", "stamm", g->measure);
        if (g->object) {
            html_text(h, " an ");
            html_el(h, "span", "subjekt", g->object);
        }
    }
    if (g->role == ABG_ROLE_CHANGE)
        html_text(h, " (Veränderung)");
    if (g->time) {
        html_text(h, " · ");
        html_text(h, g->time);
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
    html_open(h, "section");
    html_attr(h, "class", cls);
    html_attr(h, "id", anchor);
    html_attr(h, "data-verdict", abg_verdict_name(g->verdict));
    html_attr(h, "data-type", abg_fact_type_name(g->type));
    html_attr(h, "data-subject", g->subject ? g->subject : "");
    html_attr(h, "data-cause", abg_cause_name(g->cause) ? abg_cause_name(g->cause) : "");
    if (accepted)
        html_attr(h, "data-accepted", "true");

    html_open(h, "h3");
    html_open(h, "span");
    html_attrf(h, "class", "marke %s", vcls);
    html_text(h, verdict_label(g->verdict));
    if (accepted)
        html_text(h, " (akzeptiert)");
    html_close(h);
    html_text(h, " ");
    group_title(h, g);
    html_close(h);

    html_open(h, "p");
    html_attr(h, "class", "kopfzeile");
    if (g->verdict == ABG_VERDICT_CONFLICT) {
        html_open(h, "span");
        html_attr(h, "class", "ursache");
        html_text(h, "Ursache: ");
        html_el(h, "strong", NULL, cause_label(g->cause));
        html_close(h);
        html_text(h, " – ");
        html_text(h, cause_note(g->cause));
        if (accepted)
            html_text(h, " Die Baseline führt diesen Widerspruch als bekannt und akzeptiert.");
        html_text(h, " ");
    }
    for (k = 0; k < g->nclaims; k++)
        if (k == 0 || rows[k].source != rows[k - 1].source)
            nsources++;
    html_textf(h, "%zu %s aus %zu %s. ", g->nclaims, g->nclaims == 1 ? "Angabe" : "Angaben", nsources,
          nsources == 1 ? "Quelle" : "Quellen");
    html_el(h, "span", "kennung", g->id);
    html_close(h);

    check_html_plot(h, s, rows, g->nclaims, tol);

    html_open(h, "div");
    html_attr(h, "class", "spalten");
    for (k = 0; k < g->nclaims; k++) {
        if (k == 0 || rows[k].source != rows[k - 1].source) {
            if (k)
                html_close(h);
            html_open(h, "div");
            html_attrf(h, "class", "spalte q-%zu", rows[k].source);
            html_el(h, "h4", NULL, source_label(s->names[rows[k].source]));
        }
        claim_card(h, rows[k].c);
    }
    if (g->nclaims)
        html_close(h);
    html_close(h);
    html_close(h);
    html_newline(h);
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
    html_open(h, "tr");
    html_attr(h, "class", cls);
    html_attr(h, "id", anchor);
    html_attr(h, "data-verdict", abg_verdict_name(g->verdict));
    html_attr(h, "data-type", abg_fact_type_name(g->type));
    html_attr(h, "data-subject", g->subject ? g->subject : "");
    html_open(h, "td");
    group_title(h, g);
    html_close(h);
    html_open(h, "td");
    html_attr(h, "class", "wert");
    for (k = 0; k < g->nclaims; k++) {
        claim_value_short(val, sizeof val, rows[k].c);
        if (k)
            html_text(h, "; ");
        html_text(h, val);
    }
    html_close(h);
    html_open(h, "td");
    html_text(h, g->nclaims ? source_label(s->names[rows[0].source]) : "");
    html_close(h);
    html_open(h, "td");
    for (k = 0; k < g->nclaims; k++) {
        const abg_claim *c = rows[k].c;
        html_open(h, "blockquote");
        marked_sentence(h, c);
        html_close(h);
        html_open(h, "p");
        html_attr(h, "class", "ort");
        html_open(h, "code");
        html_textf(h, "%s:%llu:%llu", c->doc ? c->doc : "-", (unsigned long long)c->line,
              (unsigned long long)c->col);
        html_close(h);
        if (c->time) {
            html_text(h, " · Zeitangabe: ");
            html_text(h, c->time);
        }
        html_close(h);
    }
    html_close(h);
    html_close(h);
    html_newline(h);
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
        html_raw(h, buf);
    }
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void head(html *h, const check_report *r, const source_list *s, size_t conflicts)
{
    size_t i;

    html_open(h, "head");
    html_open(h, "meta");
    html_attr(h, "charset", "utf-8");
    html_close_void(h);
    html_open(h, "meta");
    html_attr(h, "http-equiv", "Content-Security-Policy");
    html_attr(h, "content",
         "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
         "base-uri 'none'; form-action 'none'");
    html_close_void(h);
    html_open(h, "meta");
    html_attr(h, "name", "viewport");
    html_attr(h, "content", "width=device-width, initial-scale=1");
    html_close_void(h);
    html_open(h, "meta");
    html_attr(h, "name", "generator");
    html_attr(h, "content", "abgleich " ABGLEICH_VERSION);
    html_close_void(h);
    html_open(h, "title");
    html_textf(h, "Abgleich: %zu %s in %zu %s", conflicts,
          plural(conflicts, "Widerspruch", "Widersprüche"), r->documents,
          plural(r->documents, "Dokument", "Dokumenten"));
    html_close(h);
    html_open(h, "style");
    for (i = 0; css[i]; i++)
        html_raw(h, css[i]);
    source_css(h, s->n);
    html_close(h);
    html_close(h);
    html_newline(h);
}

static void summary_item(html *h, const char *cls, const char *label, size_t n)
{
    html_open(h, "div");
    if (cls)
        html_attr(h, "class", cls);
    html_el(h, "dt", NULL, label);
    html_open(h, "dd");
    html_textf(h, "%zu", n);
    html_close(h);
    html_close(h);
}

typedef struct {
    size_t conflicts, accepted, agree, single;
} tally;

static void summary(html *h, const check_report *r, const source_list *s, const tally *t)
{
    html_open(h, "section");
    html_attr(h, "id", "uebersicht");
    html_attr(h, "class", "uebersicht");
    html_el(h, "h2", NULL, "Übersicht");
    html_open(h, "dl");
    html_attr(h, "class", "zahlen");
    summary_item(h, NULL, "Dokumente", r->documents);
    summary_item(h, NULL, "Quellen", s->n);
    summary_item(h, NULL, "Angaben", r->facts);
    summary_item(h, "v-widerspruch", "Widersprüche", t->conflicts);
    if (r->accepted)
        summary_item(h, "v-akzeptiert", "akzeptiert (Baseline)", t->accepted);
    summary_item(h, "v-uebereinstimmung", "Übereinstimmungen", t->agree);
    summary_item(h, "v-einzel", "Einzelangaben", t->single);
    summary_item(h, r->errors ? "v-widerspruch" : NULL, "Dateien mit Fehlern", r->errors);
    html_close(h);
    if (r->accepted && r->stale_count) {
        html_open(h, "p");
        html_textf(h, "Die Baseline enthält %zu %s, die zu keinem Widerspruch mehr passen.",
              r->stale_count, plural(r->stale_count, "Eintrag", "Einträge"));
        html_close(h);
    }
    html_close(h);
    html_newline(h);
}

static void filter_link(html *h, const char *target, const char *label, size_t n)
{
    html_open(h, "li");
    html_open(h, "a");
    html_attrf(h, "href", "#%s", target);
    html_text(h, label);
    html_close(h);
    html_textf(h, " ");
    html_open(h, "span");
    html_attr(h, "class", "anzahl");
    html_textf(h, "(%zu)", n);
    html_close(h);
    html_close(h);
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
    html_open(h, "li");
    html_attr(h, "class", cls);
    html_open(h, "a");
    html_attrf(h, "href", "#%s", anchor);
    group_title(h, g);
    if (g->verdict == ABG_VERDICT_CONFLICT) {
        html_text(h, " (");
        html_text(h, cause_label(g->cause));
        html_text(h, ")");
    }
    html_close(h);
    html_close(h);
done:
    free(cls);
    free(rows);
}

static void nav(html *h, const check_report *r, const source_list *s, const tally *t,
                const bool *dup, const size_t *per_source)
{
    size_t i, n = abg_check_group_count(r->chk);

    html_open(h, "nav");
    html_attr(h, "class", "inhalt");
    html_attr(h, "aria-label", "Filter und Inhalt");
    html_el(h, "h2", NULL, "Nach Urteil");
    html_open(h, "ul");
    html_open(h, "li");
    html_open(h, "a");
    html_attr(h, "href", "#");
    html_text(h, "alle zeigen");
    html_close(h);
    html_close(h);
    filter_link(h, "f-widerspruch", "Widersprüche", t->conflicts);
    if (r->accepted)
        filter_link(h, "f-akzeptiert", "akzeptierte Widersprüche", t->accepted);
    filter_link(h, "f-uebereinstimmung", "Übereinstimmungen", t->agree);
    filter_link(h, "f-einzel", "Einzelangaben", t->single);
    html_close(h);
    html_el(h, "h2", NULL, "Nach Quelle");
    html_open(h, "ul");
    for (i = 0; i < s->n; i++) {
        char target[32];
        snprintf(target, sizeof target, "f-q-%zu", i);
        filter_link(h, target, source_label(s->names[i]), per_source[i]);
    }
    html_close(h);
    html_el(h, "h2", NULL, "Inhalt");
    html_open(h, "ol");
    html_attr(h, "class", "toc");
    for (i = 0; i < n; i++)
        if (abg_check_group(r->chk, i)->verdict != ABG_VERDICT_SINGLE)
            toc_entry(h, r, s, i, dup[i]);
    if (t->single) {
        html_open(h, "li");
        html_attr(h, "class", "gruppe v-einzel");
        html_open(h, "a");
        html_attr(h, "href", "#einzelangaben");
        html_textf(h, "Einzelangaben (%zu)", t->single);
        html_close(h);
        html_close(h);
    }
    html_close(h);
    html_close(h);
    html_newline(h);
}

/* A section of groups whose verdict class is vcls. */
static void groups_section(html *h, const check_report *r, const source_list *s, const bool *dup,
                           const char *id, const char *vcls, const char *title, size_t count,
                           const char *intro, double tol)
{
    size_t i, n = abg_check_group_count(r->chk);

    html_open(h, "section");
    html_attr(h, "id", id);
    html_attrf(h, "class", "abschnitt a-%s", vcls + 2);
    html_open(h, "h2");
    html_textf(h, "%s (%zu)", title, count);
    html_close(h);
    if (intro)
        html_el(h, "p", NULL, intro);
    if (!count)
        html_el(h, "p", "leer", "Keine.");
    for (i = 0; i < n; i++)
        if (abg_check_group(r->chk, i)->verdict != ABG_VERDICT_SINGLE &&
            !strcmp(verdict_class(r, i), vcls))
            group_section(h, r, s, i, dup[i], tol);
    html_close(h);
    html_newline(h);
}

static void singles_section(html *h, const check_report *r, const source_list *s, const bool *dup,
                            size_t count)
{
    size_t i, n = abg_check_group_count(r->chk);

    html_open(h, "section");
    html_attr(h, "id", "einzelangaben");
    html_attr(h, "class", "abschnitt a-einzel");
    html_open(h, "h2");
    html_textf(h, "Einzelangaben (%zu)", count);
    html_close(h);
    html_open(h, "details");
    html_attr(h, "class", "einzeln");
    html_open(h, "summary");
    html_textf(h, "%zu %s, die nur ein Dokument nennt – aufklappen", count,
          plural(count, "Angabe", "Angaben"));
    html_close(h);
    html_open(h, "table");
    html_attr(h, "class", "einzel");
    html_open(h, "thead");
    html_open(h, "tr");
    html_el(h, "th", NULL, "Worum es geht");
    html_el(h, "th", NULL, "Wert");
    html_el(h, "th", NULL, "Quelle");
    html_el(h, "th", NULL, "Satz und Fundstelle");
    html_close(h);
    html_close(h);
    html_open(h, "tbody");
    for (i = 0; i < n; i++)
        if (abg_check_group(r->chk, i)->verdict == ABG_VERDICT_SINGLE)
            single_row(h, r, s, i, dup[i]);
    html_close(h);
    html_close(h);
    html_close(h);
    html_close(h);
    html_newline(h);
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
    html_raw(&h, "<!DOCTYPE html>\n");
    html_open(&h, "html");
    html_attr(&h, "lang", "de");
    html_newline(&h);
    head(&h, r, &s, t.conflicts);
    html_open(&h, "body");
    html_newline(&h);

    html_open(&h, "header");
    html_attr(&h, "class", "kopf");
    html_open(&h, "h1");
    html_textf(&h, "Abgleich: %zu %s", t.conflicts, plural(t.conflicts, "Widerspruch", "Widersprüche"));
    if (t.accepted)
        html_textf(&h, " (%zu akzeptiert)", t.accepted);
    html_textf(&h, " in %zu %s", r->documents, plural(r->documents, "Dokument", "Dokumenten"));
    html_close(&h);
    html_el(&h, "p", NULL,
            "Zahlen, Beträge und Daten, die mehrere Quellen über dasselbe nennen, "
            "nebeneinander: Widersprüche zuerst, dann Übereinstimmungen.");
    html_close(&h);
    html_newline(&h);

    html_open(&h, "div");
    html_attr(&h, "class", "seite");
    /* the targets of the filter links; the CSS hides what they exclude */
    {
        static const char *const targets[] = {"f-widerspruch", "f-akzeptiert",
                                              "f-uebereinstimmung", "f-einzel"};
        size_t k;
        for (k = 0; k < 4; k++) {
            html_open(&h, "span");
            html_attr(&h, "id", targets[k]);
            html_attr(&h, "class", "ziel");
            html_close(&h);
        }
        for (k = 0; k < s.n; k++) {
            html_open(&h, "span");
            html_attrf(&h, "id", "f-q-%zu", k);
            html_attr(&h, "class", "ziel");
            html_close(&h);
        }
    }
    html_newline(&h);
    nav(&h, r, &s, &t, dup, per_source);

    html_open(&h, "main");
    html_open(&h, "p");
    html_attr(&h, "class", "hinweis");
    html_text(&h, "Ein Filter ist aktiv; nicht jede Gruppe wird gezeigt. ");
    html_open(&h, "a");
    html_attr(&h, "href", "#");
    html_text(&h, "Alle zeigen");
    html_close(&h);
    html_close(&h);
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
    html_close(&h); /* main */
    html_close(&h); /* .seite */
    html_newline(&h);
    html_open(&h, "footer");
    html_text(&h, "Erstellt mit abgleich " ABGLEICH_VERSION ". Fundstellen als Datei:Zeile:Spalte.");
    html_close(&h);
    html_newline(&h);
    html_close(&h); /* body */
    html_close(&h); /* html */
    html_newline(&h);
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
