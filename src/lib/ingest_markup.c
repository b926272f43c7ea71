/*
 * ingest_markup.c: HTML pages and RSS/Atom feeds to documents, with libxml2.
 *
 * In:  the bytes of one file (borrowed for the call) and its display path.
 * Out: documents appended to the caller's abg_doclist, which owns them from
 *      then on (also when a later step fails: the caller frees the list).
 *      Every libxml2 object is created and freed in this file.
 *
 * Untrusted input: parsing never loads DTDs or external entities, never
 * substitutes entities, never uses the network; text comes only from text
 * and CDATA nodes, and an entity reference left unexpanded is written as
 * "&name;"; trees are walked iteratively, never deeper than
 * ABG_MARKUP_MAX_DEPTH. When libxml2's own limits (nesting, entity
 * expansion, size of one text node) stop the parser, the file fails with
 * ABG_ELIMIT.
 *
 * Line numbers (ABG_MAP_TEXTLINE: each piece of text carries the source line
 * of its first character):
 *   HTML: libxml2 stamps a text node with the line the parser had reached
 *   when it delivered the node's first chunk, which may be lines past where
 *   the text starts. The SAX text callbacks are therefore wrapped to stamp
 *   each new text or CDATA node with the line of its first character (the
 *   delivery line minus the newlines in the chunk); inside a node, each
 *   newline of its content moves on one line.
 *   Feeds: RSS description / content:encoded and Atom html content hold
 *   HTML, which is parsed again; its line L is line base + L - 1 of the file,
 *   where base is the line of the first text or CDATA child of the element
 *   holding it (lines hidden between children, in a comment say, are padded
 *   back as newlines). Atom xhtml and text content map as HTML text does.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "ascii.h"
#include "ctx.h"
#include "ingest.h"
#include "utf8.h"

/* Recover from broken markup, stay silent and offline, and let the encoding
 * chosen here (decode_input) win over what the document says. */
#define HTML_OPTIONS                                                                     \
    (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
     HTML_PARSE_IGNORE_ENC)
#define XML_OPTIONS                                                                  \
    (XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
     XML_PARSE_IGNORE_ENC)

#define SNIFF_MAX 65536 /* bytes of a page searched for its charset */
#define LABEL_MAX 48    /* longest encoding label taken */

/* ------------------------------------------------------------------ */
/* Small helpers.                                                      */

static bool ieq(const char *s, const char *w)
{
    return s && abg_ascii_ieq_n(s, strlen(s), w, false);
}

static bool streq(const xmlChar *a, const char *b)
{
    return a && strcmp((const char *)a, b) == 0;
}

/* Record a failure of a buffer or the document builder. */
static int build_error(abg_ctx *ctx, int err)
{
    if (err == ABG_ENOMEM)
        return abg_error_oom(ctx);
    return abg_error(ctx, err, "document text beyond the size limit");
}

/* Append the UTF-8 of code point c. */
static int put_cp(abg_buf *b, uint32_t c)
{
    char tmp[4];

    return abg_buf_put(b, tmp, abg_utf8_encode(tmp, c));
}

/* ------------------------------------------------------------------ */
/* Silencing libxml2 and noticing where it gave up.                    */

/* While a guard is set, libxml2 reports to the calling thread's structured
 * handler: a per-context handler is not enough, since libxml2 2.9 ignores
 * it for HTML and raises encoding errors without a context. The handlers
 * are thread-local, so other threads are unaffected; guard_end puts the
 * previous ones back. */
typedef struct {
    xmlStructuredErrorFunc old_serror;
    void *old_sctx;
    xmlGenericErrorFunc old_generic;
    void *old_gctx;
    bool set, too_deep, entity_loop, huge, nomem;
} guard;

static void guard_error(void *data, xmlErrorPtr e)
{
    guard *g = data;
    const char *msg = e && e->message ? e->message : "";

    if (!e)
        return;
    if (e->code == XML_ERR_ENTITY_LOOP)
        g->entity_loop = true;
    else if (e->code == XML_ERR_INTERNAL_ERROR && strstr(msg, "depth"))
        g->too_deep = true;
    else if (e->code == XML_ERR_NO_MEMORY && strstr(msg, "huge"))
        g->huge = true;
    else if (e->code == XML_ERR_NO_MEMORY)
        g->nomem = true;
}

static void guard_generic(void *data, const char *msg, ...)
{
    (void)data;
    (void)msg;
}

static once_flag init_flag = ONCE_FLAG_INIT;

static void init_libxml(void)
{
    xmlInitParser();
}

static void guard_begin(guard *g)
{
    call_once(&init_flag, init_libxml);
    memset(g, 0, sizeof *g);
    g->old_serror = xmlStructuredError;
    g->old_sctx = xmlStructuredErrorContext;
    g->old_generic = xmlGenericError;
    g->old_gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(g, guard_error);
    xmlSetGenericErrorFunc(NULL, guard_generic);
    g->set = true;
}

static void guard_end(guard *g)
{
    if (!g->set)
        return;
    xmlSetStructuredErrorFunc(g->old_sctx, g->old_serror);
    xmlSetGenericErrorFunc(g->old_gctx, g->old_generic);
    g->set = false;
}

/* A parser limit hit since guard_begin, as an error in ctx; else 0. */
static int guard_check(const guard *g, abg_ctx *ctx)
{
    if (g->too_deep)
        return abg_error(ctx, ABG_ELIMIT, "element nesting deeper than %d",
                         ABG_MARKUP_MAX_DEPTH);
    if (g->entity_loop)
        return abg_error(ctx, ABG_ELIMIT, "entity references nested or expanding too much");
    if (g->huge)
        return abg_error(ctx, ABG_ELIMIT, "text node beyond the parser's size limit");
    return g->nomem ? abg_error_oom(ctx) : 0;
}

/* ------------------------------------------------------------------ */
/* Line numbers of text nodes (see the top of the file).               */

/* Store a line as libxml2 does with XML_PARSE_BIG_LINES: up to 65534 in
 * node->line, beyond that 65535 there and the number in node->psvi. */
static void stamp_line(xmlNode *node, long line)
{
    line = line < 1 ? 1 : line;
    node->line = (unsigned short)(line < 65535 ? line : 65535);
    if (line >= 65535)
        node->psvi = (void *)(uintptr_t)line;
}

/* The source line of a text or CDATA node, 0 when unknown. */
static long node_line(const xmlNode *node)
{
    if (node->line == 65535 && node->psvi)
        return (long)(uintptr_t)node->psvi;
    return node->line;
}

/* After a SAX call added ch[0..len) under `parent`: stamp the node it
 * created, if it created one rather than extending the last. */
static void stamp_new(xmlParserCtxtPtr p, xmlNode *parent, xmlNode *before, const xmlChar *ch,
                      int len)
{
    xmlNode *node = parent ? parent->last : NULL;
    long line;
    int i;

    if (!node || node == before || !p->input ||
        (node->type != XML_TEXT_NODE && node->type != XML_CDATA_SECTION_NODE))
        return;
    line = p->input->line;
    for (i = 0; i < len; i++)
        line -= ch[i] == '\n';
    stamp_line(node, line);
}

static void on_characters(void *data, const xmlChar *ch, int len)
{
    xmlParserCtxtPtr p = data;
    xmlNode *parent = p->node, *before = parent ? parent->last : NULL;

    xmlSAX2Characters(data, ch, len);
    stamp_new(p, parent, before, ch, len);
}

static void on_cdata(void *data, const xmlChar *ch, int len)
{
    xmlParserCtxtPtr p = data;
    xmlNode *parent = p->node, *before = parent ? parent->last : NULL;

    xmlSAX2CDataBlock(data, ch, len);
    stamp_new(p, parent, before, ch, len);
}

/* The XML parser hands white space between elements to ignorableWhitespace,
 * which builds text nodes too; the HTML one drops it there (left as is). */
static void hook_lines(xmlParserCtxtPtr p)
{
    p->sax->characters = on_characters;
    p->sax->cdataBlock = on_cdata;
    if (p->sax->ignorableWhitespace == xmlSAX2Characters)
        p->sax->ignorableWhitespace = on_characters;
}

/* ------------------------------------------------------------------ */
/* Choosing the encoding.                                              */

typedef struct {
    const char *data;       /* the bytes for the parser: the input or conv */
    size_t len;
    const char *parser_enc; /* the encoding named to libxml2 */
    char name[LABEL_MAX];   /* the encoding recorded, lower case */
    abg_buf conv;           /* the input decoded here, when it was */
} source_text;

/* A page that can declare a charset in ASCII is not UTF-16 (WHATWG). */
static const char *const utf8_labels[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "utf-16",
                                          "utf-16le", "utf-16be", NULL};
/* As in browsers (WHATWG Encoding Standard), Latin-1 and ASCII labels mean
 * Windows-1252: pages that say iso-8859-1 use its quotes and euro sign. */
static const char *const cp1252_labels[] = {
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
    "l1", "iso88591", "iso-ir-100", "cp819", "ibm819", "csisolatin1", "us-ascii", "ascii",
    "ansi_x3.4-1968", NULL};

/* Windows-1252 bytes 0x80..0x9F; the five undefined ones stay C1 controls. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static bool in_list(const char *label, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(label, *list) == 0)
            return true;
    return false;
}

static bool is_label_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.' || c == ':' || c == '+';
}

/* Find `key` in s[0..n) (any case) followed by "=" and an encoding label,
 * perhaps quoted; store the label in lower case in out. */
static bool label_after(char out[LABEL_MAX], const char *s, size_t n, const char *key)
{
    size_t k = strlen(key), i, j;

    for (i = 0; i + k <= n; i++) {
        if (!abg_ascii_ieq_n(s + i, k, key, false))
            continue;
        for (j = i + k; j < n && abg_ascii_blank((unsigned char)s[j]); j++)
            ;
        if (j >= n || s[j++] != '=')
            continue;
        while (j < n && (abg_ascii_blank((unsigned char)s[j]) || s[j] == '"' || s[j] == '\''))
            j++;
        for (k = 0; j < n && k + 1 < LABEL_MAX && is_label_char((unsigned char)s[j]); j++)
            out[k++] = (char)abg_ascii_lower((unsigned char)s[j]);
        out[k] = '\0';
        return k > 0;
    }
    return false;
}

/* The encoding named by an XML declaration at the start of s. */
static bool sniff_xml_decl(char out[LABEL_MAX], const char *s, size_t n)
{
    size_t i;

    if (n < 5 || memcmp(s, "<?xml", 5) != 0)
        return false;
    for (i = 5; i + 1 < n && i < 1024; i++)
        if (s[i] == '?' && s[i + 1] == '>')
            return label_after(out, s, i, "encoding");
    return false;
}

/* The charset a page declares in its first SNIFF_MAX bytes outside
 * comments, in <meta charset> or <meta http-equiv content="...charset=">,
 * else in an XML declaration: a simplified HTML prescan. */
static bool sniff_html_charset(char out[LABEL_MAX], const char *s, size_t n)
{
    size_t end = n < SNIFF_MAX ? n : SNIFF_MAX, i = 0, stop;
    const char *lt, *gt;

    while (i < end && (lt = memchr(s + i, '<', end - i)) != NULL) {
        i = (size_t)(lt - s);
        if (end - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            for (i += 4; i + 2 < end && memcmp(s + i, "-->", 3) != 0; i++)
                ;
            i += 3;
            continue;
        }
        if (++i + 5 > end || !abg_ascii_ieq_n(s + i, 4, "meta", false) ||
            !(abg_ascii_blank((unsigned char)s[i + 4]) || s[i + 4] == '/'))
            continue;
        gt = memchr(s + i, '>', end - i);
        stop = gt ? (size_t)(gt - s) : end;
        if (label_after(out, s + i, stop - i, "charset"))
            return true;
        i = stop;
    }
    return sniff_xml_decl(out, s, n);
}

/* Decode s[0..n) to UTF-8 in b: as Windows-1252 when `cp1252`, else as
 * UTF-8 with each ill-formed byte replaced by U+FFFD (as browsers do).
 * NUL bytes become spaces: libxml2 takes one between tags for the end. */
static int to_utf8(abg_buf *b, const char *s, size_t n, bool cp1252)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run;
    int err = abg_buf_grow(b, n + n / 8);

    while (i < n && err == 0) {
        if (!cp1252) {
            run = abg_utf8_check(s + i, n - i);
            err = abg_buf_put(b, s + i, run);
            if ((i += run) < n && err == 0)
                err = put_cp(b, 0xFFFD);
        } else if (u[i] < 0x80) {
            err = abg_buf_putc(b, u[i]);
        } else {
            err = put_cp(b, u[i] < 0xA0 ? cp1252_high[u[i] - 0x80] : u[i]);
        }
        i++;
    }
    for (i = 0; i < b->len && err == 0; i++)
        if (b->data[i] == '\0')
            b->data[i] = ' ';
    return err;
}

static void set_name(source_text *t, const char *name)
{
    size_t i;

    for (i = 0; name[i] && i + 1 < sizeof t->name; i++)
        t->name[i] = (char)abg_ascii_lower((unsigned char)name[i]);
    t->name[i] = '\0';
}

/* Decide how to decode data[0..len) with the declared label ("" for none).
 * A byte order mark (or UTF-16 "<") wins; a UTF-8 or Windows-1252 label is
 * decoded here (ill-formed UTF-8 becoming U+FFFD); another label libxml2
 * knows is left to libxml2; with no usable label the bytes are UTF-8 when
 * well-formed, else Windows-1252. Fills t; free t->conv with
 * abg_buf_dispose. */
static int decode_input(source_text *t, abg_ctx *ctx, const char *data, size_t len,
                        const char *label)
{
    const unsigned char *u = (const unsigned char *)data;
    xmlCharEncodingHandlerPtr handler;
    bool le = len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == '<' && u[1] == 0));
    bool be = len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0 && u[1] == '<'));
    bool cp1252 = false, utf8 = false, valid;
    int err;

    t->data = data;
    t->len = len;
    t->parser_enc = "UTF-8";
    set_name(t, "utf-8");
    if (le || be) {
        bool bom = u[0] >= 0xFE;
        t->data += bom ? 2 : 0;
        t->len -= bom ? 2 : 0;
        t->parser_enc = le ? "UTF-16LE" : "UTF-16BE";
        set_name(t, le ? "utf-16le" : "utf-16be");
        goto check;
    }
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        t->data += 3;
        t->len -= 3;
        utf8 = true;
    } else if (in_list(label, utf8_labels)) {
        utf8 = true;
    } else if (in_list(label, cp1252_labels)) {
        cp1252 = true;
    } else if (label[0] && (handler = xmlFindCharEncodingHandler(label)) != NULL) {
        xmlCharEncCloseFunc(handler);
        set_name(t, label);
        t->parser_enc = t->name;
        goto check;
    }
    valid = abg_utf8_check(t->data, t->len) == t->len;
    cp1252 = cp1252 || (!utf8 && !valid);
    if (cp1252)
        set_name(t, "windows-1252");
    else if (valid && !memchr(t->data, '\0', t->len))
        goto check;
    if ((err = to_utf8(&t->conv, t->data, t->len, cp1252)) < 0)
        return build_error(ctx, err);
    t->data = t->conv.data ? t->conv.data : "";
    t->len = t->conv.len;
check:
    if (t->len > INT_MAX)
        return abg_error(ctx, ABG_ELIMIT, "file too large for the markup parser");
    return 0;
}

/* ------------------------------------------------------------------ */
/* Walking trees.                                                      */

/* Called before (enter) and after the children of each node. Returns < 0
 * to stop the walk with that code, 1 to skip the children, else 0. */
typedef int (*visit_fn)(void *state, xmlNode *node, bool enter);

/* Never entity references: their children are the entity's content. */
static bool may_descend(const xmlNode *node)
{
    return node->type == XML_ELEMENT_NODE || node->type == XML_DOCUMENT_NODE ||
           node->type == XML_HTML_DOCUMENT_NODE || node->type == XML_DOCUMENT_FRAG_NODE;
}

/* Visit root and everything below it in document order, without recursion.
 * Nesting beyond ABG_MARKUP_MAX_DEPTH (counted from the document) fails. */
static int walk_tree(xmlNode *root, visit_fn fn, void *state, abg_ctx *ctx)
{
    xmlNode *node = root;
    const xmlNode *p;
    size_t depth = 0;
    int r;

    for (p = root->parent; p; p = p->parent)
        depth++;
    for (;;) {
        if ((r = fn(state, node, true)) < 0)
            return r;
        if (r == 0 && node->children && may_descend(node)) {
            if (++depth > ABG_MARKUP_MAX_DEPTH)
                return abg_error(ctx, ABG_ELIMIT, "element nesting deeper than %d",
                                 ABG_MARKUP_MAX_DEPTH);
            node = node->children;
            continue;
        }
        for (;;) {
            if ((r = fn(state, node, false)) < 0 || node == root)
                return r < 0 ? r : 0;
            if (node->next) {
                node = node->next;
                break;
            }
            node = node->parent;
            depth--;
        }
    }
}

/* Append to b the text of the node list starting at `first` (text, CDATA,
 * "&name;" for an entity reference). With `line`, *line gets the source
 * line of the first text (else `fallback`'s) and newlines are added where
 * lines lie hidden between nodes: line *line + k is line k + 1 of b. */
static int list_text(abg_buf *b, long *line, const xmlNode *first, const xmlNode *fallback)
{
    const xmlNode *c;
    const char *s;
    long at = 0;
    int err = 0;

    for (c = first; c && !err; c = c->next) {
        if (c->type == XML_ENTITY_REF_NODE) {
            err = abg_buf_printf(b, "&%s;", (const char *)c->name);
            continue;
        }
        if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || !c->content)
            continue;
        if (line && at == 0)
            at = *line = node_line(c) > 0 ? node_line(c) : xmlGetLineNo(fallback);
        for (; line && at > 0 && at < node_line(c) && !err; at++)
            err = abg_buf_putc(b, '\n');
        for (s = (const char *)c->content; line && (s = strchr(s, '\n')) != NULL; s++)
            at++;
        if (!err)
            err = abg_buf_puts(b, (const char *)c->content);
    }
    return err;
}

/* The value of attribute `name` of node in *out (free()), NULL when absent;
 * read from the attribute's children, so never expanding an entity. */
static int get_attr(char **out, const xmlNode *node, const char *name)
{
    const xmlAttr *a;
    abg_buf b = ABG_BUF_INIT;
    int err;

    *out = NULL;
    for (a = node->properties; a && !streq(a->name, name); a = a->next)
        ;
    if (!a)
        return 0;
    if ((err = list_text(&b, NULL, a->children, NULL)) == 0 && !(*out = abg_buf_detach(&b)))
        err = ABG_ENOMEM;
    abg_buf_dispose(&b);
    return err;
}

/* ------------------------------------------------------------------ */
/* Text of elements, shared by pages and feeds.                        */

typedef enum { EL_INLINE, EL_SKIP, EL_BLOCK, EL_PRE, EL_LINE, EL_BR, EL_CELL } el_kind;

typedef struct {
    const char *name;
    el_kind kind;
} el_rule;

/* Sorted by name. Skipped: code, page chrome and widgets. header, footer,
 * nav and aside are dropped everywhere, inside <article> too (where a
 * header may hold the headline, which the title keeps anyway): simple and
 * predictable. Figures and their captions are kept. */
static const el_rule el_rules[] = {
    {"address", EL_BLOCK},  {"applet", EL_SKIP},     {"article", EL_BLOCK},
    {"aside", EL_SKIP},     {"audio", EL_SKIP},      {"blockquote", EL_BLOCK},
    {"body", EL_BLOCK},     {"br", EL_BR},           {"button", EL_SKIP},
    {"canvas", EL_SKIP},    {"caption", EL_BLOCK},   {"center", EL_BLOCK},
    {"dd", EL_BLOCK},       {"details", EL_BLOCK},   {"dialog", EL_BLOCK},
    {"dir", EL_BLOCK},      {"div", EL_BLOCK},       {"dl", EL_BLOCK},
    {"dt", EL_BLOCK},       {"embed", EL_SKIP},      {"fieldset", EL_BLOCK},
    {"figcaption", EL_BLOCK}, {"figure", EL_BLOCK},  {"footer", EL_SKIP},
    {"form", EL_SKIP},      {"frameset", EL_SKIP},   {"h1", EL_BLOCK},
    {"h2", EL_BLOCK},       {"h3", EL_BLOCK},        {"h4", EL_BLOCK},
    {"h5", EL_BLOCK},       {"h6", EL_BLOCK},        {"head", EL_SKIP},
    {"header", EL_SKIP},    {"hgroup", EL_BLOCK},    {"hr", EL_BLOCK},
    {"html", EL_BLOCK},     {"iframe", EL_SKIP},     {"legend", EL_BLOCK},
    {"li", EL_LINE},        {"listing", EL_PRE},     {"main", EL_BLOCK},
    {"menu", EL_BLOCK},     {"nav", EL_SKIP},        {"noscript", EL_SKIP},
    {"object", EL_SKIP},    {"ol", EL_BLOCK},        {"p", EL_BLOCK},
    {"plaintext", EL_PRE},  {"pre", EL_PRE},         {"script", EL_SKIP},
    {"search", EL_BLOCK},   {"section", EL_BLOCK},   {"select", EL_SKIP},
    {"style", EL_SKIP},     {"summary", EL_BLOCK},   {"svg", EL_SKIP},
    {"table", EL_BLOCK},    {"tbody", EL_BLOCK},     {"td", EL_CELL},
    {"template", EL_SKIP},  {"textarea", EL_SKIP},   {"tfoot", EL_BLOCK},
    {"th", EL_CELL},        {"thead", EL_BLOCK},     {"title", EL_SKIP},
    {"tr", EL_BLOCK},       {"ul", EL_BLOCK},        {"video", EL_SKIP},
    {"xmp", EL_PRE},
};

static int cmp_rule(const void *key, const void *rule)
{
    return strcmp(key, ((const el_rule *)rule)->name);
}

static el_kind element_kind(const xmlChar *name)
{
    const el_rule *r = name ? bsearch(name, el_rules, sizeof el_rules / sizeof el_rules[0],
                                      sizeof el_rules[0], cmp_rule)
                            : NULL;

    return r ? r->kind : EL_INLINE;
}

/* The text builder: appends the text below a node to doc. */
typedef struct {
    abg_doc *doc;
    abg_ctx *ctx;
    abg_buf piece;       /* collapsed text of one source line, not yet added */
    const xmlNode *root; /* where the walk started: never skipped, no break */
    long line_base;      /* added to node lines (HTML inside a feed) */
    long line;           /* line of the last text, for nodes without one */
    unsigned pre;        /* open <pre> elements: white space is kept */
    unsigned nl;         /* newlines in the current run of white space */
    bool space;          /* a collapsed blank is pending */
    bool plain;          /* plain text: blank lines are paragraph breaks */
} walker;

static void walker_init(walker *w, abg_doc *doc, abg_ctx *ctx)
{
    memset(w, 0, sizeof *w);
    w->doc = doc;
    w->ctx = ctx;
    w->line = 1;
}

static bool line_open(const abg_doc *doc)
{
    return doc->text.len > 0 && doc->text.data[doc->text.len - 1] != '\n';
}

static int brk(walker *w, bool paragraph)
{
    int err = abg_doc_break(w->doc, paragraph);

    w->space = false;
    w->nl = 0;
    return err < 0 ? build_error(w->ctx, err) : 0;
}

static int flush_piece(walker *w, long line)
{
    int err;

    if (w->piece.len == 0)
        return 0;
    w->line = line;
    err = abg_doc_append(w->doc, w->piece.data, w->piece.len,
                         (uint32_t)(line < (long)UINT32_MAX ? line : (long)UINT32_MAX), 0, 0);
    abg_buf_truncate(&w->piece, 0);
    return err < 0 ? build_error(w->ctx, err) : 0;
}

/* Append s[0..n), whose first character is on source line `line` (0: the
 * line of the last text): runs of ASCII white space and control characters
 * collapse to one space, except inside <pre>, where newlines are line
 * breaks; each source line becomes its own piece. Ill-formed UTF-8 (not
 * expected from libxml2) becomes U+FFFD. */
static int emit_text(walker *w, const unsigned char *s, size_t n, long line)
{
    size_t i = 0, len;
    int err = 0;

    line = line < 1 ? w->line : line;
    while (i < n && !err) {
        if (s[i] == '\n') {
            if ((err = flush_piece(w, line++)) < 0)
                break;
            if (w->pre)
                err = brk(w, !line_open(w->doc));
            w->nl += !w->pre;
            w->space = !w->pre;
            i++;
        } else if (s[i] <= ' ') {
            if (w->pre && (s[i] == ' ' || s[i] == '\t'))
                err = abg_buf_putc(&w->piece, s[i]);
            w->space = !w->pre;
            i++;
        } else {
            if (w->plain && w->nl >= 2 && (err = brk(w, true)) < 0)
                break;
            if (w->space && (w->piece.len > 0 || line_open(w->doc)))
                err = abg_buf_putc(&w->piece, ' ');
            w->space = false;
            w->nl = 0;
            len = abg_utf8_seqlen(s + i, n - i);
            if (!err)
                err = len ? abg_buf_put(&w->piece, s + i, len) : put_cp(&w->piece, 0xFFFD);
            i += len ? len : 1;
        }
    }
    return err < 0 ? build_error(w->ctx, err) : flush_piece(w, line);
}

/* visit_fn of the text builder: text, CDATA and unexpanded entities give
 * text; elements breaks by el_rules; comments and the like nothing. */
static int text_visit(void *state, xmlNode *node, bool enter)
{
    walker *w = state;
    abg_buf ref = ABG_BUF_INIT;
    int err;

    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (!enter || !node->content)
            return 0;
        return emit_text(w, node->content, strlen((const char *)node->content),
                         node_line(node) > 0 ? w->line_base + node_line(node) : 0);
    }
    if (node->type == XML_ENTITY_REF_NODE) {
        if (enter && (err = abg_buf_printf(&ref, "&%s;", (const char *)node->name)) == 0)
            err = emit_text(w, (const unsigned char *)ref.data, ref.len, 0);
        abg_buf_dispose(&ref);
        return enter && err < 0 ? build_error(w->ctx, err) : 0;
    }
    if (node->type != XML_ELEMENT_NODE || node == w->root)
        return may_descend(node) ? 0 : 1;
    switch (element_kind(node->name)) {
    case EL_SKIP:
        return 1;
    case EL_PRE:
        w->pre = enter ? w->pre + 1 : w->pre - (w->pre > 0);
        return brk(w, true);
    case EL_BLOCK:
        return brk(w, true);
    case EL_LINE:
        return brk(w, false);
    case EL_BR:
        return enter ? brk(w, false) : 0;
    case EL_CELL:
        w->space = true;
        return 0;
    case EL_INLINE:
        break;
    }
    return 0;
}

/* Append the text below root to w->doc, HTML line L counting as source line
 * line_base + L. root itself is neither skipped nor a block: a feed's
 * <title> or an Atom <summary> holds the text to take. */
static int walk_text(walker *w, xmlNode *root, long line_base)
{
    int err;

    w->root = root;
    w->line_base = line_base;
    err = walk_tree(root, text_visit, w, w->ctx);
    w->root = NULL;
    w->line_base = 0;
    return err;
}

/* Set the unset metadata *field from s[0..n) with white space collapsed;
 * text that is not UTF-8 is ignored. */
static int set_field(char **field, abg_ctx *ctx, const char *s, size_t n)
{
    int err;

    if (*field || !s || (err = abg_doc_set_field(field, s, n)) == ABG_EPARSE)
        return 0;
    return err < 0 ? build_error(ctx, err) : 0;
}

/* Set the unset *field to the date s, normalised, when s is one. */
static void set_date(char **field, const char *s)
{
    if (!*field && s)
        *field = abg_ingest_date_iso(s, strlen(s));
}

/* ------------------------------------------------------------------ */
/* HTML pages.                                                         */

enum { M_OG_TITLE, M_SITE_NAME, M_PUBLISHER, M_PUBLISHED, M_DATE, M_ITEMPROP, M_KEYS };
enum { S_ARTICLE, S_MAIN, S_BODY, S_SCOPES };

static const char *const meta_attrs[] = {"property", "name", "itemprop"};

/* Which <meta> attribute (index in meta_attrs) and value give which field. */
static const struct {
    int attr;
    const char *value;
    int key;
} meta_rules[] = {
    {0, "og:title", M_OG_TITLE},      {1, "og:title", M_OG_TITLE},
    {0, "og:site_name", M_SITE_NAME}, {1, "og:site_name", M_SITE_NAME},
    {1, "publisher", M_PUBLISHER},    {0, "article:published_time", M_PUBLISHED},
    {1, "article:published_time", M_PUBLISHED}, {1, "date", M_DATE},
    {2, "datepublished", M_ITEMPROP},
};

/* What the metadata pass finds in a page. */
typedef struct {
    abg_ctx *ctx;
    xmlNode *scope[S_SCOPES]; /* first <article> and <main> outside skipped
                                 elements, first <body> */
    bool inside[S_SCOPES];
    xmlNode *title;           /* first <title> outside <svg> */
    char *meta[M_KEYS];       /* content of the first <meta> of each kind */
    char *time[S_SCOPES];     /* first <time datetime> date in each scope */
    char *ldjson;             /* first JSON-LD datePublished, normalised */
    unsigned skipped, svg;    /* open skipped elements, open <svg> */
} page_meta;

/* The first "datePublished": "DATE" in JSON-LD s[0..n) that is a date,
 * normalised; NULL when none. A key scan, not a JSON parser. */
static char *ldjson_date(const char *s, size_t n)
{
    static const char key[] = "\"datePublished\"";
    size_t k = sizeof key - 1, i, j, start;
    char *date;

    for (i = 0; i + k <= n; i++) {
        if (memcmp(s + i, key, k) != 0)
            continue;
        for (j = i + k; j < n && abg_ascii_blank((unsigned char)s[j]); j++)
            ;
        if (j >= n || s[j++] != ':')
            continue;
        while (j < n && abg_ascii_blank((unsigned char)s[j]))
            j++;
        if (j >= n || s[j++] != '"')
            continue;
        for (start = j; j < n && s[j] != '"' && s[j] != '\\'; j++)
            ;
        if (j < n && s[j] == '"' && (date = abg_ingest_date_iso(s + start, j - start)))
            return date;
    }
    return NULL;
}

static int meta_element(page_meta *m, const xmlNode *node)
{
    char *content = NULL, *value[3] = {NULL, NULL, NULL};
    size_t i;
    int err, a;

    if ((err = get_attr(&content, node, "content")) < 0 || !content)
        return err;
    for (a = 0; a < 3 && err == 0; a++)
        err = get_attr(&value[a], node, meta_attrs[a]);
    for (i = 0; i < sizeof meta_rules / sizeof meta_rules[0] && err == 0 && content; i++) {
        if (!m->meta[meta_rules[i].key] && ieq(value[meta_rules[i].attr], meta_rules[i].value)) {
            m->meta[meta_rules[i].key] = content;
            content = NULL;
        }
    }
    for (a = 0; a < 3; a++)
        free(value[a]);
    free(content);
    return err;
}

/* A date from a <script type="application/ld+json">. */
static int script_element(page_meta *m, const xmlNode *node)
{
    char *type = NULL;
    const xmlNode *c;
    const char *t;
    size_t n;
    int err;

    if (m->ldjson)
        return 0;
    if ((err = get_attr(&type, node, "type")) < 0 || !type)
        return err;
    for (t = type; abg_ascii_blank((unsigned char)*t); t++)
        ;
    for (n = strlen(t); n > 0 && abg_ascii_blank((unsigned char)t[n - 1]); n--)
        ;
    for (c = node->children; abg_ascii_ieq_n(t, n, "application/ld+json", false) && c && !m->ldjson;
         c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            m->ldjson = ldjson_date((const char *)c->content, strlen((const char *)c->content));
    free(type);
    return 0;
}

static int time_element(page_meta *m, const xmlNode *node)
{
    char *value = NULL;
    int s, err;

    if ((err = get_attr(&value, node, "datetime")) < 0 || !value)
        return err;
    for (s = 0; s < S_SCOPES; s++)
        if (m->inside[s])
            set_date(&m->time[s], value);
    free(value);
    return 0;
}

/* visit_fn of the metadata pass over the whole page. */
static int meta_visit(void *state, xmlNode *node, bool enter)
{
    static const char *const scope_names[S_SCOPES] = {"article", "main", "body"};
    page_meta *m = state;
    bool skip, svg;
    int s, err = 0;

    if (node->type != XML_ELEMENT_NODE)
        return may_descend(node) ? 0 : 1;
    skip = element_kind(node->name) == EL_SKIP;
    svg = streq(node->name, "svg");
    if (!enter) {
        for (s = 0; s < S_SCOPES; s++)
            m->inside[s] = m->inside[s] && node != m->scope[s];
        m->skipped -= skip && m->skipped > 0;
        m->svg -= svg && m->svg > 0;
        return 0;
    }
    for (s = 0; s < S_SCOPES; s++) {
        if (!m->scope[s] && streq(node->name, scope_names[s]) && (s == S_BODY || !m->skipped)) {
            m->scope[s] = node;
            m->inside[s] = true;
        }
    }
    if (streq(node->name, "title") && !m->title && !m->svg)
        m->title = node;
    else if (streq(node->name, "meta"))
        err = meta_element(m, node);
    else if (streq(node->name, "script"))
        err = script_element(m, node);
    else if (streq(node->name, "time"))
        err = time_element(m, node);
    m->skipped += skip;
    m->svg += svg;
    return err < 0 ? build_error(m->ctx, err) : 0;
}

static void page_meta_dispose(page_meta *m)
{
    int i;

    for (i = 0; i < M_KEYS; i++)
        free(m->meta[i]);
    for (i = 0; i < S_SCOPES; i++)
        free(m->time[i]);
    free(m->ldjson);
}

/* Fill source, title and published of doc from what the pass found: each
 * takes the first candidate that gives a value. */
static int page_fields(abg_doc *doc, abg_ctx *ctx, const page_meta *m, const char *path)
{
    abg_buf t = ABG_BUF_INIT;
    const char *s;
    int err = 0;

    if (((s = m->meta[M_SITE_NAME]) && (err = set_field(&doc->source, ctx, s, strlen(s))) < 0) ||
        ((s = m->meta[M_PUBLISHER]) && (err = set_field(&doc->source, ctx, s, strlen(s))) < 0) ||
        ((s = m->meta[M_OG_TITLE]) && (err = set_field(&doc->title, ctx, s, strlen(s))) < 0))
        return err;
    if (!doc->source && !(doc->source = abg_ingest_path_stem(path)))
        return abg_error_oom(ctx);
    if (!doc->title && m->title) {
        if ((err = list_text(&t, NULL, m->title->children, NULL)) < 0)
            err = build_error(ctx, err);
        else if (t.len)
            err = set_field(&doc->title, ctx, t.data, t.len);
        abg_buf_dispose(&t);
        if (err < 0)
            return err;
    }
    set_date(&doc->published, m->meta[M_PUBLISHED]);
    set_date(&doc->published, m->meta[M_DATE]);
    set_date(&doc->published, m->meta[M_ITEMPROP]);
    set_date(&doc->published, m->time[m->scope[S_ARTICLE] ? S_ARTICLE : S_MAIN]);
    set_date(&doc->published, m->time[S_BODY]);
    set_date(&doc->published, m->ldjson);
    return 0;
}

int abg_ingest_html(abg_doclist *list, abg_ctx *ctx, const abg_ingest *ing, const char *path,
                    const char *data, size_t len)
{
    char label[LABEL_MAX] = "";
    source_text src = {0};
    page_meta m = {0};
    htmlParserCtxtPtr hctxt = NULL;
    htmlDocPtr hdoc = NULL;
    abg_doc *doc = NULL;
    xmlNode *root;
    walker w;
    guard g;
    int err;

    m.ctx = ctx;
    guard_begin(&g);
    sniff_html_charset(label, data, len);
    if ((err = decode_input(&src, ctx, data, len, label)) < 0)
        goto done;
    if (!(hctxt = htmlNewParserCtxt())) {
        err = abg_error_oom(ctx);
        goto done;
    }
    hook_lines(hctxt);
    hdoc = htmlCtxtReadMemory(hctxt, src.data, (int)src.len, NULL, src.parser_enc, HTML_OPTIONS);
    if ((err = guard_check(&g, ctx)) < 0)
        goto done;
    if (!hdoc) {
        err = abg_error(ctx, ABG_EPARSE, "not parsable as html");
        goto done;
    }
    if ((err = walk_tree((xmlNode *)hdoc, meta_visit, &m, ctx)) < 0)
        goto done;
    if (abg_doc_new(&doc, path, path, "html", ABG_MAP_TEXTLINE) < 0 ||
        !(doc->encoding = abg_strdup(src.name))) {
        err = abg_error_oom(ctx);
        goto done;
    }
    if ((err = page_fields(doc, ctx, &m, path)) < 0)
        goto done;
    root = m.scope[S_ARTICLE] ? m.scope[S_ARTICLE] : m.scope[S_MAIN];
    root = root ? root : m.scope[S_BODY] ? m.scope[S_BODY] : (xmlNode *)hdoc;
    walker_init(&w, doc, ctx);
    err = walk_text(&w, root, 0);
    abg_buf_dispose(&w.piece);
    if (err < 0 || (err = abg_ingest_finish_doc(doc, ctx, ing)) < 0)
        goto done;
    err = abg_doclist_add(list, doc);
    doc = NULL;
    if (err < 0)
        err = abg_error_oom(ctx);
done:
    guard_end(&g);
    abg_doc_free(doc);
    page_meta_dispose(&m);
    xmlFreeDoc(hdoc);
    if (hctxt)
        htmlFreeParserCtxt(hctxt);
    abg_buf_dispose(&src.conv);
    return err;
}

/* ------------------------------------------------------------------ */
/* Feeds.                                                              */

static const char NS_ATOM[] = "http://www.w3.org/2005/Atom";
static const char NS_RSS1[] = "http://purl.org/rss/1.0/";
static const char NS_RDF[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
static const char NS_CONTENT[] = "http://purl.org/rss/1.0/modules/content/";
static const char NS_DC[] = "http://purl.org/dc/elements/1.1/";

typedef enum { C_NONE, C_TEXT, C_HTML, C_XHTML } content_kind;

/* One feed being read. */
typedef struct {
    abg_ctx *ctx;
    const abg_ingest *ing;
    const char *path;
    const char *format;      /* "rss" or "atom" */
    const char *encoding;
    char *source;
    htmlParserCtxtPtr hctxt; /* for the HTML inside items, made when needed */
    guard *g;
} feed;

/* Whether node is element `name` in namespace ns; with ns NULL, in no
 * namespace or in that of RSS 1.0 or Atom (feeds are read leniently). */
static bool is_el(const xmlNode *node, const char *ns, const char *name)
{
    const char *href;

    if (!node || node->type != XML_ELEMENT_NODE || !streq(node->name, name))
        return false;
    href = node->ns && node->ns->href ? (const char *)node->ns->href : NULL;
    if (ns)
        return href && strcmp(href, ns) == 0;
    return !href || strcmp(href, NS_RSS1) == 0 || strcmp(href, NS_ATOM) == 0;
}

static xmlNode *child_el(const xmlNode *parent, const char *ns, const char *name)
{
    xmlNode *c;

    for (c = parent ? parent->children : NULL; c && !is_el(c, ns, name); c = c->next)
        ;
    return c;
}

/* How an Atom text construct holds its text (RFC 4287, 3.1 and 4.1.3):
 * out-of-line (src) and binary content give none. */
static int atom_kind(content_kind *out, const xmlNode *el)
{
    char *type = NULL, *src = NULL;
    int err;

    *out = C_NONE;
    if ((err = get_attr(&src, el, "src")) == 0 && !src &&
        (err = get_attr(&type, el, "type")) == 0) {
        if (ieq(type, "html") || ieq(type, "text/html"))
            *out = C_HTML;
        else if (ieq(type, "xhtml") || ieq(type, "application/xhtml+xml"))
            *out = C_XHTML;
        else if (!type || ieq(type, "text") || abg_ascii_ieq_n(type, 5, "text/", true))
            *out = C_TEXT;
    }
    free(type);
    free(src);
    return err;
}

/* Parse s, UTF-8 HTML whose first line is source line `base`, and append
 * its body text to w->doc. */
static int html_fragment(feed *f, walker *w, const abg_buf *s, long base)
{
    htmlDocPtr hdoc;
    xmlNode *html, *c;
    int err;

    if (s->len == 0)
        return 0;
    if (s->len > INT_MAX)
        return abg_error(f->ctx, ABG_ELIMIT, "item text too large for the markup parser");
    if (!f->hctxt && !(f->hctxt = htmlNewParserCtxt()))
        return abg_error_oom(f->ctx);
    hook_lines(f->hctxt);
    hdoc = htmlCtxtReadMemory(f->hctxt, s->data, (int)s->len, NULL, "UTF-8", HTML_OPTIONS);
    if ((err = guard_check(f->g, f->ctx)) == 0 && hdoc) {
        html = xmlDocGetRootElement(hdoc);
        for (c = html ? html->children : NULL; c && !streq(c->name, "body"); c = c->next)
            ;
        err = walk_text(w, c ? c : (xmlNode *)hdoc, base - 1);
    }
    xmlFreeDoc(hdoc);
    return err;
}

/* Append the text of el, read as `kind`, to w->doc. */
static int content_text(feed *f, walker *w, xmlNode *el, content_kind kind)
{
    abg_buf s = ABG_BUF_INIT;
    long base = 0;
    int err = 0;

    if (kind == C_TEXT || kind == C_XHTML) {
        w->plain = kind == C_TEXT;
        err = walk_text(w, el, 0);
        w->plain = false;
    } else if (kind == C_HTML) {
        if ((err = list_text(&s, &base, el->children, el)) < 0)
            err = build_error(f->ctx, err);
        else
            err = html_fragment(f, w, &s, base);
        abg_buf_dispose(&s);
    }
    return err;
}

/* Set the unset *field to the text of el (an RSS title is plain text, an
 * Atom one says what it is). */
static int text_field(feed *f, char **field, xmlNode *el, bool atom)
{
    abg_doc *tmp = NULL;
    content_kind kind = C_TEXT;
    walker w;
    int err;

    if (!el)
        return 0;
    if ((atom && atom_kind(&kind, el) < 0) ||
        abg_doc_new(&tmp, "", "", "text", ABG_MAP_TEXTLINE) < 0)
        return abg_error_oom(f->ctx);
    walker_init(&w, tmp, f->ctx);
    err = content_text(f, &w, el, kind);
    abg_buf_dispose(&w.piece);
    if (err == 0 && tmp->text.len)
        err = set_field(field, f->ctx, tmp->text.data, tmp->text.len);
    abg_doc_free(tmp);
    return err;
}

/* Set the unset *field to the date in el's text, when it is one. */
static int date_field(feed *f, char **field, const xmlNode *el)
{
    abg_buf b = ABG_BUF_INIT;
    int err = 0;

    if (el && !*field && (err = list_text(&b, NULL, el->children, NULL)) == 0 && b.len)
        *field = abg_ingest_date_iso(b.data, b.len);
    abg_buf_dispose(&b);
    return err < 0 ? build_error(f->ctx, err) : 0;
}

/* Read item or entry number n (1-based) into a new document of the list:
 * title; published from pubDate or dc:date (Atom: published or updated);
 * text from content:encoded or description (Atom: content or summary),
 * the second when the first gives none. */
static int feed_item(feed *f, abg_doclist *list, xmlNode *item, size_t n)
{
    bool atom = f->format[0] == 'a';
    xmlNode *body[2], *date_el[2];
    content_kind kind[2] = {C_HTML, C_HTML};
    abg_buf id = ABG_BUF_INIT;
    abg_doc *doc = NULL;
    walker w;
    int i, err;

    if (abg_buf_printf(&id, "%s#%zu", f->path, n) < 0 ||
        abg_doc_new(&doc, id.data, f->path, f->format, ABG_MAP_TEXTLINE) < 0 ||
        !(doc->encoding = abg_strdup(f->encoding)) || !(doc->source = abg_strdup(f->source))) {
        err = abg_error_oom(f->ctx);
        goto done;
    }
    if ((err = text_field(f, &doc->title, child_el(item, NULL, "title"), atom)) < 0)
        goto done;
    date_el[0] = child_el(item, NULL, atom ? "published" : "pubDate");
    date_el[1] = atom ? child_el(item, NULL, "updated") : child_el(item, NS_DC, "date");
    body[0] = atom ? child_el(item, NS_ATOM, "content") : child_el(item, NS_CONTENT, "encoded");
    body[1] = child_el(item, NULL, atom ? "summary" : "description");
    for (i = 0; i < 2; i++) {
        if ((err = date_field(f, &doc->published, date_el[i])) < 0)
            goto done;
        if (atom && body[i] && atom_kind(&kind[i], body[i]) < 0) {
            err = abg_error_oom(f->ctx);
            goto done;
        }
    }
    walker_init(&w, doc, f->ctx);
    for (i = 0; i < 2 && doc->text.len == 0 && err == 0; i++)
        if (body[i])
            err = content_text(f, &w, body[i], kind[i]);
    abg_buf_dispose(&w.piece);
    if (err < 0 || (err = abg_ingest_finish_doc(doc, f->ctx, f->ing)) < 0)
        goto done;
    err = abg_doclist_add(list, doc);
    doc = NULL;
    if (err < 0)
        err = abg_error_oom(f->ctx);
done:
    abg_doc_free(doc);
    abg_buf_dispose(&id);
    return err;
}

/* What kind of feed xdoc is: sets f->format, the element holding the
 * items, their name, and the element whose title names the source. */
static int feed_shape(feed *f, xmlNode **items, const char **item_name, xmlNode **head,
                      xmlDocPtr xdoc)
{
    xmlNode *root = xmlDocGetRootElement(xdoc);

    f->format = "rss";
    *item_name = "item";
    if (is_el(root, NULL, "rss") && (*head = child_el(root, NULL, "channel"))) {
        *items = *head;
    } else if (is_el(root, NS_RDF, "RDF")) {
        *head = child_el(root, NULL, "channel");
        *items = root;
    } else if (is_el(root, NULL, "feed")) {
        f->format = "atom";
        *item_name = "entry";
        *head = *items = root;
    } else {
        return abg_error(f->ctx, ABG_EPARSE, "not an rss or atom feed");
    }
    return 0;
}

int abg_ingest_feed(abg_doclist *list, abg_ctx *ctx, const abg_ingest *ing, const char *path,
                    const char *data, size_t len)
{
    char label[LABEL_MAX] = "";
    source_text src = {0};
    xmlParserCtxtPtr xctxt = NULL;
    xmlDocPtr xdoc = NULL;
    xmlNode *items = NULL, *head = NULL, *c;
    const char *item_name = "";
    feed f = {0};
    guard g;
    size_t n = 0;
    int err;

    f.ctx = ctx;
    f.ing = ing;
    f.path = path;
    f.g = &g;
    guard_begin(&g);
    sniff_xml_decl(label, data, len);
    if ((err = decode_input(&src, ctx, data, len, label)) < 0)
        goto done;
    f.encoding = src.name;
    if (!(xctxt = xmlNewParserCtxt())) {
        err = abg_error_oom(ctx);
        goto done;
    }
    hook_lines(xctxt);
    xdoc = xmlCtxtReadMemory(xctxt, src.data, (int)src.len, NULL, src.parser_enc, XML_OPTIONS);
    if ((err = guard_check(&g, ctx)) < 0)
        goto done;
    if (!xdoc) {
        err = abg_error(ctx, ABG_EPARSE, "not parsable as xml");
        goto done;
    }
    if ((err = feed_shape(&f, &items, &item_name, &head, xdoc)) < 0 ||
        (err = text_field(&f, &f.source, child_el(head, NULL, "title"), f.format[0] == 'a')) < 0)
        goto done;
    if (!f.source && !(f.source = abg_ingest_path_stem(path))) {
        err = abg_error_oom(ctx);
        goto done;
    }
    for (c = items->children; c && err == 0; c = c->next) {
        if (!is_el(c, NULL, item_name))
            continue;
        if (++n > ABG_MARKUP_MAX_ITEMS)
            err = abg_error(ctx, ABG_ELIMIT, "more than %d items in the feed",
                            ABG_MARKUP_MAX_ITEMS);
        else
            err = feed_item(&f, list, c, n);
    }
done:
    guard_end(&g);
    free(f.source);
    if (f.hctxt)
        htmlFreeParserCtxt(f.hctxt);
    xmlFreeDoc(xdoc);
    if (xctxt)
        xmlFreeParserCtxt(xctxt);
    abg_buf_dispose(&src.conv);
    return err;
}
