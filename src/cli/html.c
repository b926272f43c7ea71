/*
 * html.c: a small HTML writer on libxml2's xmlTextWriter (see html.h).
 * Every call checks and remembers the first error, so that callers write
 * a whole page and look at h->err once.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

static const xmlChar *X(const char *s)
{
    return (const xmlChar *)s;
}

void html_raw(html *h, const char *s)
{
    if (!h->err && xmlTextWriterWriteRaw(h->w, X(s)) < 0)
        h->err = 1;
}

void html_open(html *h, const char *name)
{
    if (!h->err && xmlTextWriterStartElement(h->w, X(name)) < 0)
        h->err = 1;
}

/* Close an element with an end tag: `<div/>` would not end a div in HTML. */
void html_close(html *h)
{
    if (!h->err && xmlTextWriterFullEndElement(h->w) < 0)
        h->err = 1;
}

/* Close a void element (meta) or an SVG shape: `<meta .../>`. */
void html_close_void(html *h)
{
    if (!h->err && xmlTextWriterEndElement(h->w) < 0)
        h->err = 1;
}

void html_attr(html *h, const char *name, const char *value)
{
    if (!h->err && xmlTextWriterWriteAttribute(h->w, X(name), X(value)) < 0)
        h->err = 1;
}

void html_attrf(html *h, const char *name, const char *fmt, ...)
{
    char buf[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    html_attr(h, name, buf);
}

void html_text(html *h, const char *s)
{
    if (!h->err && *s && xmlTextWriterWriteString(h->w, X(s)) < 0)
        h->err = 1;
}

/* The first n bytes of s as text. */
void html_text_n(html *h, const char *s, size_t n)
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
    html_text(h, copy);
    free(copy);
}

void html_textf(html *h, const char *fmt, ...)
{
    char buf[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    html_text(h, buf);
}

/* <name class="cls">s</name>; cls may be NULL. */
void html_el(html *h, const char *name, const char *cls, const char *s)
{
    html_open(h, name);
    if (cls)
        html_attr(h, "class", cls);
    html_text(h, s);
    html_close(h);
}

void html_newline(html *h)
{
    html_text(h, "\n");
}
