/* Unit tests of doc.c: building text, dropping lines, mapping positions. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "doc.h"

static abg_doc *new_doc(abg_map_mode mode)
{
    abg_doc *doc = NULL;
    assert_int_equal(abg_doc_new(&doc, "d.txt", "d.txt", "text", mode), 0);
    return doc;
}

/* Append the lines of `text` as a plain-text reader would: one segment per
 * line, source offsets running on with one byte per line end. */
static void put_lines(abg_doc *doc, const char *text)
{
    uint32_t line = 1;
    uint64_t off = 0;

    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t len = nl ? (size_t)(nl - text) : strlen(text);
        assert_int_equal(abg_doc_append(doc, text, len, line, 1, off), 0);
        assert_int_equal(abg_doc_newline(doc), 0);
        off += len + 1;
        line++;
        text += nl ? len + 1 : len;
    }
}

static bool drop_teile(const char *line, size_t len, const void *payload)
{
    (void)payload;
    return len == strlen("Teile das") && !memcmp(line, "Teile das", len);
}

static void positions_count_characters_not_bytes(void **state)
{
    abg_doc *doc = new_doc(ABG_MAP_FILE);
    abg_pos p;
    (void)state;

    put_lines(doc, "Größe: 27 %\nzweite Zeile");
    /* "Größe: " is 7 characters and 9 bytes */
    p = abg_doc_position(doc, strlen("Größe: "));
    assert_int_equal(p.line, 1);
    assert_int_equal(p.col, 8);
    assert_int_equal(p.offset, 9);
    p = abg_doc_position(doc, strlen("Größe: 27 %\nzweite "));
    assert_int_equal(p.line, 2);
    assert_int_equal(p.col, 8);
    assert_int_equal(p.offset, strlen("Größe: 27 %\nzweite "));
    abg_doc_free(doc);
}

static void finish_drops_filtered_lines_and_keeps_positions(void **state)
{
    abg_doc *doc = new_doc(ABG_MAP_FILE);
    const char *t;
    abg_pos p;
    (void)state;

    put_lines(doc, "\n\nErste Zeile\nTeile das\n\n\n\nDritte Zeile\n\n");
    assert_int_equal(abg_doc_finish(doc, drop_teile, NULL), 0);
    t = abg_doc_text(doc, NULL);
    assert_string_equal(t, "Erste Zeile\n\nDritte Zeile\n");
    p = abg_doc_position(doc, strlen("Erste Zeile\n\n"));
    assert_int_equal(p.line, 8);
    assert_int_equal(p.col, 1);
    assert_int_equal(p.offset, strlen("\n\nErste Zeile\nTeile das\n\n\n\n"));
    abg_doc_free(doc);
}

static void finish_of_only_dropped_lines_is_empty(void **state)
{
    abg_doc *doc = new_doc(ABG_MAP_FILE);
    size_t len;
    (void)state;

    put_lines(doc, "Teile das\n  \nTeile das\n");
    assert_int_equal(abg_doc_finish(doc, drop_teile, NULL), 0);
    assert_string_equal(abg_doc_text(doc, &len), "");
    assert_int_equal(len, 0);
    assert_int_equal(abg_doc_position(doc, 0).line, 1);
    abg_doc_free(doc);
}

static void break_collapses_and_trims(void **state)
{
    abg_doc *doc = new_doc(ABG_MAP_TEXTLINE);
    (void)state;

    assert_int_equal(abg_doc_break(doc, true), 0); /* nothing yet: no break */
    assert_int_equal(abg_doc_append(doc, "Titel  ", 7, 3, 0, 0), 0);
    assert_int_equal(abg_doc_break(doc, true), 0);
    assert_int_equal(abg_doc_break(doc, true), 0);
    assert_int_equal(abg_doc_append(doc, "Absatz", 6, 5, 0, 0), 0);
    assert_int_equal(abg_doc_break(doc, false), 0);
    assert_int_equal(abg_doc_append(doc, "nach br", 7, 6, 0, 0), 0);
    assert_int_equal(abg_doc_finish(doc, NULL, NULL), 0);
    assert_string_equal(abg_doc_text(doc, NULL), "Titel\n\nAbsatz\nnach br\n");
    abg_doc_free(doc);
}

static void textline_columns_count_within_the_text_line(void **state)
{
    abg_doc *doc = new_doc(ABG_MAP_TEXTLINE);
    abg_pos p;
    (void)state;

    assert_int_equal(abg_doc_append(doc, "Über ", 6, 10, 0, 0), 0);
    assert_int_equal(abg_doc_append(doc, "13 Mrd.", 7, 11, 0, 0), 0);
    assert_int_equal(abg_doc_finish(doc, NULL, NULL), 0);
    p = abg_doc_position(doc, strlen("Über "));
    assert_int_equal(p.line, 11);
    assert_int_equal(p.col, 6);
    assert_int_equal(p.offset, strlen("Über "));
    p = abg_doc_position(doc, 1);
    assert_int_equal(p.line, 10);
    assert_int_equal(p.col, 2);
    abg_doc_free(doc);
}

static void utf16_source_offsets(void **state)
{
    abg_doc *doc = new_doc(ABG_MAP_FILE);
    abg_pos p;
    (void)state;

    doc->width = ABG_WIDTH_UTF16;
    /* "ä😀x" after a 2-byte BOM: ä is 2 bytes, the emoji 4 in UTF-16 */
    assert_int_equal(abg_doc_append(doc, "ä😀x", strlen("ä😀x"), 1, 1, 2), 0);
    p = abg_doc_position(doc, strlen("ä😀"));
    assert_int_equal(p.col, 3);
    assert_int_equal(p.offset, 2 + 2 + 4);
    abg_doc_free(doc);
}

static void field_collapses_white_space_and_refuses_bad_utf8(void **state)
{
    char *f = NULL;
    (void)state;

    assert_int_equal(abg_doc_set_field(&f, "  Der\t Titel \n", 14), 0);
    assert_string_equal(f, "Der Titel");
    assert_int_equal(abg_doc_set_field(&f, "   ", 3), 0);
    assert_null(f);
    assert_int_equal(abg_doc_set_field(&f, "\xC3(", 2), ABG_EPARSE);
}

/* The span of every start and length in documents of each map mode and
 * source width is what two abg_doc_position calls give. */
static void spans_match_positions(void **state)
{
    static const abg_map_mode modes[] = {ABG_MAP_FILE, ABG_MAP_TEXTLINE};
    size_t m, w, a, len, n;
    (void)state;

    for (m = 0; m < 2; m++)
        for (w = 0; w < 3; w++) {
            abg_doc *doc = new_doc(modes[m]);
            const char *t;
            doc->width = w == 0 ? ABG_WIDTH_UTF8 : w == 1 ? ABG_WIDTH_BYTE : ABG_WIDTH_UTF16;
            if (modes[m] == ABG_MAP_FILE) {
                put_lines(doc, "Größe: 27 %\nÄrger über 1.250 € 😀\n\ndritte Zeile");
            } else {
                assert_int_equal(abg_doc_append(doc, "Über ", 6, 10, 0, 0), 0);
                assert_int_equal(abg_doc_append(doc, "13 Mrd. € ", 12, 11, 0, 0), 0);
                assert_int_equal(abg_doc_append(doc, "Zeile", 5, 12, 0, 0), 0);
                assert_int_equal(abg_doc_finish(doc, NULL, NULL), 0);
            }
            t = abg_doc_text(doc, &n);
            (void)t;
            for (a = 0; a <= n; a++)
                for (len = 0; a + len <= n + 1; len++) {
                    abg_pos s0, e0, s1 = abg_doc_position(doc, a),
                                    e1 = abg_doc_position(doc, a + len);
                    abg_doc_span(doc, a, len, &s0, &e0);
                    assert_int_equal(s0.line, s1.line);
                    assert_int_equal(s0.col, s1.col);
                    assert_int_equal(s0.offset, s1.offset);
                    assert_int_equal(e0.line, e1.line);
                    assert_int_equal(e0.col, e1.col);
                    assert_int_equal(e0.offset, e1.offset);
                }
            abg_doc_free(doc);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(positions_count_characters_not_bytes),
        cmocka_unit_test(finish_drops_filtered_lines_and_keeps_positions),
        cmocka_unit_test(finish_of_only_dropped_lines_is_empty),
        cmocka_unit_test(break_collapses_and_trims),
        cmocka_unit_test(textline_columns_count_within_the_text_line),
        cmocka_unit_test(utf16_source_offsets),
        cmocka_unit_test(field_collapses_white_space_and_refuses_bad_utf8),
        cmocka_unit_test(spans_match_positions),
    };
    return cmocka_run_group_tests_name("doc", tests, NULL, NULL);
}
