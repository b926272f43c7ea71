/*
 * html.h: a small HTML writer for the reports. Text and attribute values
 * go through libxml2's xmlTextWriter, which escapes them, so that article
 * text can never become markup; html_raw is for constant markup only.
 * Every call does nothing after the first error, which stays in err.
 */
#ifndef ABG_CLI_HTML_H
#define ABG_CLI_HTML_H

#include <libxml/xmlwriter.h>
#include <stddef.h>

typedef struct {
    xmlTextWriterPtr w;
    int err;
} html;

/* s unescaped: the doctype, CSS built from constants and numbers. */
void html_raw(html *h, const char *s);
void html_open(html *h, const char *name);
/* Close an element with an end tag: `<div/>` would not end a div in HTML. */
void html_close(html *h);
/* Close a void element (meta) or an SVG shape: `<meta .../>`. */
void html_close_void(html *h);
void html_attr(html *h, const char *name, const char *value);
void html_attrf(html *h, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void html_text(html *h, const char *s);
/* The first n bytes of s as text. */
void html_text_n(html *h, const char *s, size_t n);
void html_textf(html *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* <name class="cls">s</name>; cls may be NULL. */
void html_el(html *h, const char *name, const char *cls, const char *s);
void html_newline(html *h);

#endif
