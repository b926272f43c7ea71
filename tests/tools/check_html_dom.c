/*
 * check_html_dom: checks the DOM of the HTML report of `abgleich check`
 * as a browser built it (chromium --dump-dom), read back with libxml2's
 * HTML parser.
 *
 * Always checked: <html lang="de">; a Content-Security-Policy meta tag
 * with default-src 'none'; no script, img, iframe, object, embed or link
 * element and no on* attribute anywhere; every link an anchor (#...).
 *
 *   check_html_dom DOM.html [CHECK...]
 *   --conflicts N      exactly N groups with data-verdict="conflict"
 *   --group VERDICT TYPE SUBJECT CAUSE LABEL MARK... --end
 *                      a group element with these data-verdict, data-type,
 *                      data-subject and data-cause ("-": none) whose text
 *                      holds LABEL (the German verdict and cause) and a
 *                      <mark> element with each MARK as its text; it has an
 *                      SVG plot with one row per claim
 *   --quoted TEXT      a <blockquote> (a sentence) holds TEXT as text
 *
 * Prints one line per failed check; exit 0 when all pass, 1 when one
 * fails, 2 on usage errors.
 */
#include <libxml/HTMLparser.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void fail(const char *fmt, ...)
{
    va_list ap;

    fputs("check_html_dom: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    failures++;
}

static int is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static char *prop(const xmlNode *n, const char *name)
{
    return (char *)xmlGetProp((xmlNodePtr)n, (const xmlChar *)name);
}

static int prop_is(const xmlNode *n, const char *name, const char *value)
{
    char *v = prop(n, name);
    int r = v && !strcmp(v, value);

    xmlFree(v);
    return r;
}

static int has_class(const xmlNode *n, const char *cls)
{
    char *v = prop(n, "class");
    size_t len = strlen(cls);
    const char *p;
    int r = 0;

    for (p = v; p && (p = strstr(p, cls)); p += len)
        if ((p == v || p[-1] == ' ') && (p[len] == '\0' || p[len] == ' ')) {
            r = 1;
            break;
        }
    xmlFree(v);
    return r;
}

static int text_has(const xmlNode *n, const char *s)
{
    char *t = (char *)xmlNodeGetContent((xmlNodePtr)n);
    int r = t && strstr(t, s) != NULL;

    xmlFree(t);
    return r;
}

static int text_is(const xmlNode *n, const char *s)
{
    char *t = (char *)xmlNodeGetContent((xmlNodePtr)n);
    int r = t && !strcmp(t, s);

    xmlFree(t);
    return r;
}

/* Depth-first walk: calls fn on every element below `root`. */
typedef int (*visit_fn)(const xmlNode *n, void *payload);

static int walk(const xmlNode *root, visit_fn fn, void *payload)
{
    const xmlNode *n;

    for (n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (fn(n, payload) || walk(n, fn, payload))
            return 1; /* stop */
    }
    return 0;
}

/* ---- the checks every report passes ---- */

static int safety(const xmlNode *n, void *payload)
{
    static const char *const banned[] = {"script", "img",  "iframe", "object",
                                         "embed",  "link", "frame",  "base"};
    const xmlAttr *a;
    size_t i;

    (void)payload;
    for (i = 0; i < sizeof banned / sizeof banned[0]; i++)
        if (is(n, banned[i]))
            fail("a <%s> element in the page", banned[i]);
    for (a = n->properties; a; a = a->next)
        if (!strncmp((const char *)a->name, "on", 2))
            fail("an event handler attribute %s in the page", (const char *)a->name);
    if (is(n, "a")) {
        char *href = prop(n, "href");
        if (href && href[0] != '#')
            fail("a link that leaves the page: %s", href);
        xmlFree(href);
    }
    return 0;
}

static int find_csp(const xmlNode *n, void *payload)
{
    if (is(n, "meta") && prop_is(n, "http-equiv", "Content-Security-Policy")) {
        char *c = prop(n, "content");
        if (c && strstr(c, "default-src 'none'"))
            *(int *)payload = 1;
        xmlFree(c);
    }
    return 0;
}

/* ---- groups ---- */

typedef struct {
    const char *verdict, *type, *subject, *cause, *label;
    char **marks;
    int nmarks;
    int found;     /* a group with these attributes */
    int complete;  /* ... that passes every check */
    char why[256]; /* why the last candidate failed */
} group_spec;

typedef struct {
    const char *text;
    int found;
} mark_find;

static int find_mark(const xmlNode *n, void *payload)
{
    mark_find *m = payload;

    if (is(n, "mark") && text_is(n, m->text)) {
        m->found = 1;
        return 1;
    }
    return 0;
}

typedef struct {
    int svg, rows, claims;
} shape_count;

static int count_shapes(const xmlNode *n, void *payload)
{
    shape_count *c = payload;

    if (is(n, "svg"))
        c->svg++;
    if (is(n, "g") && has_class(n, "p-zeile"))
        c->rows++;
    if (has_class(n, "angabe"))
        c->claims++;
    return 0;
}

static int match_group(const xmlNode *n, void *payload)
{
    group_spec *g = payload;
    shape_count shapes = {0, 0, 0};
    int i;

    if (!prop_is(n, "data-verdict", g->verdict) || !prop_is(n, "data-type", g->type) ||
        !prop_is(n, "data-subject", g->subject) ||
        !prop_is(n, "data-cause", strcmp(g->cause, "-") ? g->cause : ""))
        return 0;
    g->found = 1;
    if (!text_has(n, g->label)) {
        snprintf(g->why, sizeof g->why, "its text lacks '%s'", g->label);
        return 0;
    }
    for (i = 0; i < g->nmarks; i++) {
        mark_find m = {g->marks[i], 0};
        walk(n, find_mark, &m);
        if (!m.found) {
            snprintf(g->why, sizeof g->why, "no <mark> with the text '%s'", g->marks[i]);
            return 0;
        }
    }
    walk(n, count_shapes, &shapes);
    if (shapes.svg < 1 || shapes.claims < 2 || shapes.rows != shapes.claims) {
        snprintf(g->why, sizeof g->why, "%d plots with %d rows for %d claims", shapes.svg,
                 shapes.rows, shapes.claims);
        return 0;
    }
    g->complete = 1;
    return 1;
}

static int count_conflicts(const xmlNode *n, void *payload)
{
    if (prop_is(n, "data-verdict", "conflict") && has_class(n, "gruppe") && is(n, "section"))
        (*(int *)payload)++;
    return 0;
}

typedef struct {
    const char *text;
    int found;
} quote_find;

static int find_quote(const xmlNode *n, void *payload)
{
    quote_find *q = payload;

    if (is(n, "blockquote") && text_has(n, q->text)) {
        q->found = 1;
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    htmlDocPtr doc;
    xmlNodePtr root;
    int i, csp = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: check_html_dom DOM.html [--conflicts N] [--group VERDICT TYPE "
                        "SUBJECT CAUSE LABEL MARK... --end] [--quoted TEXT]\n");
        return 2;
    }
    doc = htmlReadFile(argv[1], "UTF-8",
                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET);
    if (!doc || !(root = xmlDocGetRootElement(doc))) {
        fprintf(stderr, "check_html_dom: %s: cannot read the DOM\n", argv[1]);
        return 1;
    }
    if (!is(root, "html") || !prop_is(root, "lang", "de"))
        fail("the root is not <html lang=\"de\">");
    walk((xmlNode *)doc, safety, NULL);
    walk(root, find_csp, &csp);
    if (!csp)
        fail("no Content-Security-Policy meta tag with default-src 'none'");

    for (i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--conflicts") && i + 1 < argc) {
            int n = 0;
            walk(root, count_conflicts, &n);
            if (n != (int)strtol(argv[i + 1], NULL, 10))
                fail("%d conflict groups, expected %s", n, argv[i + 1]);
            i++;
        } else if (!strcmp(argv[i], "--group") && i + 6 < argc) {
            group_spec g;
            int j;
            memset(&g, 0, sizeof g);
            g.verdict = argv[i + 1];
            g.type = argv[i + 2];
            g.subject = argv[i + 3];
            g.cause = argv[i + 4];
            g.label = argv[i + 5];
            g.marks = argv + i + 6;
            for (j = i + 6; j < argc && strcmp(argv[j], "--end"); j++)
                g.nmarks++;
            if (j == argc) {
                fprintf(stderr, "check_html_dom: --group without --end\n");
                return 2;
            }
            walk(root, match_group, &g);
            if (!g.found)
                fail("no group %s %s %s (cause %s)", g.verdict, g.type, g.subject, g.cause);
            else if (!g.complete)
                fail("group %s %s %s: %s", g.verdict, g.type, g.subject, g.why);
            i = j;
        } else if (!strcmp(argv[i], "--quoted") && i + 1 < argc) {
            quote_find q = {argv[i + 1], 0};
            walk(root, find_quote, &q);
            if (!q.found)
                fail("no sentence shows '%s' as text", argv[i + 1]);
            i++;
        } else {
            fprintf(stderr, "check_html_dom: unknown check '%s'\n", argv[i]);
            return 2;
        }
    }
    xmlFreeDoc(doc);
    if (failures)
        return 1;
    printf("check_html_dom: %s: all checks passed\n", argv[1]);
    return 0;
}
