/* Unit tests of ingest.c: decoding plain text, metadata, rules, walking. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abgleich.h"

typedef struct {
    abg_ctx *ctx;
    abg_ingest *ing;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    abg_ingest_options opts = ABG_INGEST_OPTIONS_INIT;

    opts.boilerplate_path = "rules/boilerplate.de"; /* tests run in the source root */
    if (!f || abg_ctx_new(&f->ctx) < 0 || abg_ingest_new(&f->ing, f->ctx, &opts) < 0)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    abg_ingest_free(f->ing);
    abg_ctx_free(f->ctx);
    free(f);
    return 0;
}

/* Ingest `len` bytes as file `name`; returns the one document. */
static abg_doclist *read_one(fixture *f, const char *name, const char *data, size_t len)
{
    abg_doclist *docs = NULL;
    int err = abg_ingest_buffer(&docs, f->ctx, f->ing, name, data, len);
    if (err < 0)
        fail_msg("ingest failed: %s", abg_ctx_message(f->ctx));
    assert_int_equal(abg_doclist_count(docs), 1);
    return docs;
}

static int read_fails(fixture *f, const char *name, const char *data, size_t len)
{
    abg_doclist *docs = NULL;
    int err = abg_ingest_buffer(&docs, f->ctx, f->ing, name, data, len);
    assert_null(docs);
    return err;
}

static void utf8_with_bom_drops_bom_and_keeps_offsets(void **state)
{
    fixture *f = *state;
    const char data[] = "\xEF\xBB\xBFÜber 13 Mrd.\n";
    abg_doclist *docs = read_one(f, "a.txt", data, sizeof data - 1);
    abg_doc *doc = abg_doclist_get(docs, 0);
    abg_pos p = abg_doc_position(doc, strlen("Über "));

    assert_string_equal(abg_doc_text(doc, NULL), "Über 13 Mrd.\n");
    assert_string_equal(abg_doc_encoding(doc), "utf-8");
    assert_int_equal(p.col, 6);
    assert_int_equal(p.offset, 3 + strlen("Über "));
    abg_doclist_free(docs);
}

static void windows1252_is_the_fallback(void **state)
{
    fixture *f = *state;
    /* "Gebühr: 5 €" in Windows-1252: ü = 0xFC, € = 0x80 */
    const char data[] = "Geb\xFChr: 5 \x80 f\xFCr alle\r\n";
    abg_doclist *docs = read_one(f, "a.txt", data, sizeof data - 1);
    abg_doc *doc = abg_doclist_get(docs, 0);
    abg_pos p = abg_doc_position(doc, strlen("Gebühr: 5 € "));

    assert_string_equal(abg_doc_text(doc, NULL), "Gebühr: 5 € für alle\n");
    assert_string_equal(abg_doc_encoding(doc), "windows-1252");
    assert_int_equal(p.col, 13);
    assert_int_equal(p.offset, 12); /* one byte per character in the file */
    abg_doclist_free(docs);
}

static void utf16le_with_bom(void **state)
{
    fixture *f = *state;
    const char data[] = "\xFF\xFE" "2\0" "7\0" " \0" "\xAC\x20" "\n\0" "\xE4\0";
    abg_doclist *docs = read_one(f, "a.txt", data, sizeof data - 1);
    abg_doc *doc = abg_doclist_get(docs, 0);
    abg_pos p = abg_doc_position(doc, strlen("27 €\n"));

    assert_string_equal(abg_doc_text(doc, NULL), "27 €\nä\n");
    assert_string_equal(abg_doc_encoding(doc), "utf-16le");
    assert_int_equal(p.line, 2);
    assert_int_equal(p.col, 1);
    assert_int_equal(p.offset, 12);
    abg_doclist_free(docs);
}

static void utf16be_with_odd_length_is_undecodable(void **state)
{
    fixture *f = *state;
    const char data[] = "\xFE\xFF\0A\0";

    assert_int_equal(read_fails(f, "a.txt", data, sizeof data - 1), ABG_EPARSE);
    assert_non_null(strstr(abg_ctx_message(f->ctx), "undecodable utf-16be"));
}

static void nul_bytes_make_a_binary_file(void **state)
{
    fixture *f = *state;
    const char data[] = "PK\x03\x04\0\0\x14\0";

    assert_int_equal(read_fails(f, "a.txt", data, sizeof data - 1), ABG_EPARSE);
    assert_string_equal(abg_ctx_message(f->ctx), "binary file (NUL bytes), skipped");
}

static void bytes_undefined_in_windows1252_are_undecodable(void **state)
{
    fixture *f = *state;
    const char data[] = "Preis \x81\x8D\n";

    assert_int_equal(read_fails(f, "a.txt", data, sizeof data - 1), ABG_EPARSE);
    assert_non_null(strstr(abg_ctx_message(f->ctx), "0x81 at offset 6"));
}

static void cr_and_crlf_end_lines(void **state)
{
    fixture *f = *state;
    const char data[] = "eins\r\nzwei\rdrei\n";
    abg_doclist *docs = read_one(f, "a.txt", data, sizeof data - 1);
    abg_doc *doc = abg_doclist_get(docs, 0);
    abg_pos p = abg_doc_position(doc, strlen("eins\nzwei\n"));

    assert_string_equal(abg_doc_text(doc, NULL), "eins\nzwei\ndrei\n");
    assert_int_equal(p.line, 3);
    assert_int_equal(p.col, 1);
    assert_int_equal(p.offset, strlen("eins\r\nzwei\r"));
    abg_doclist_free(docs);
}

static void front_matter_sets_metadata_and_lines_stay_exact(void **state)
{
    fixture *f = *state;
    const char data[] = "---\ntitle: \"Der Titel\"\nsource: Tagesblatt\n"
                        "published: 2025-10-28\nfoo: bar\n---\nText ab Zeile sieben.\n";
    abg_doclist *docs = read_one(f, "x/y.txt", data, sizeof data - 1);
    abg_doc *doc = abg_doclist_get(docs, 0);
    abg_pos p = abg_doc_position(doc, 0);

    assert_string_equal(abg_doc_title(doc), "Der Titel");
    assert_string_equal(abg_doc_source(doc), "Tagesblatt");
    assert_string_equal(abg_doc_published(doc), "2025-10-28");
    assert_string_equal(abg_doc_text(doc, NULL), "Text ab Zeile sieben.\n");
    assert_int_equal(p.line, 7);
    assert_int_equal(p.offset, strlen(data) - strlen("Text ab Zeile sieben.\n"));
    abg_doclist_free(docs);
}

static void unclosed_front_matter_is_text(void **state)
{
    fixture *f = *state;
    const char data[] = "---\ntitle: nie geschlossen\n";
    abg_doclist *docs = read_one(f, "x/y.txt", data, sizeof data - 1);
    abg_doc *doc = abg_doclist_get(docs, 0);

    assert_string_equal(abg_doc_text(doc, NULL), "---\ntitle: nie geschlossen\n");
    assert_string_equal(abg_doc_source(doc), "y");
    abg_doclist_free(docs);
}

static void source_falls_back_to_file_name_and_title_to_first_line(void **state)
{
    fixture *f = *state;
    const char data[] = "Kurze Schlagzeile\n\nDer erste Absatz endet hier.\n";
    abg_doclist *docs = read_one(f, "corpus/netz.blatt.md", data, sizeof data - 1);
    abg_doc *doc = abg_doclist_get(docs, 0);

    assert_string_equal(abg_doc_source(doc), "netz.blatt");
    assert_string_equal(abg_doc_title(doc), "Kurze Schlagzeile");
    assert_string_equal(abg_doc_id(doc), "corpus/netz.blatt.md");
    abg_doclist_free(docs);
}

static void boilerplate_lines_go_but_lines_with_digits_stay(void **state)
{
    fixture *f = *state;
    const char data[] = "Microsoft hält 27 %.\nTeile diesen Beitrag\nSchreibe einen Kommentar\n"
                        "English (US) ·\nKommentare (12)\nTeile diesen Beitrag mit 2 Freunden\n";
    abg_doclist *docs = read_one(f, "a.txt", data, sizeof data - 1);

    assert_string_equal(abg_doc_text(abg_doclist_get(docs, 0), NULL),
                        "Microsoft hält 27 %.\nKommentare (12)\n"
                        "Teile diesen Beitrag mit 2 Freunden\n");
    abg_doclist_free(docs);
}

static void bad_rule_file_names_file_and_line(void **state)
{
    abg_ingest_options opts = ABG_INGEST_OPTIONS_INIT;
    abg_ingest *ing = NULL;
    abg_ctx *ctx = NULL;
    char path[] = "/tmp/abg-rules-XXXXXX";
    FILE *fp;
    int fd = mkstemp(path);
    (void)state;

    assert_true(fd >= 0);
    fp = fdopen(fd, "w");
    fputs("# comment\nTeile das\n\nKaputt (\n", fp);
    fclose(fp);
    opts.boilerplate_path = path;
    assert_int_equal(abg_ctx_new(&ctx), 0);
    assert_int_equal(abg_ingest_new(&ing, ctx, &opts), ABG_EUSAGE);
    assert_null(ing);
    remove(path);
    if (!strstr(abg_ctx_message(ctx), ":4: column 9: missing closing parenthesis"))
        fail_msg("message: %s", abg_ctx_message(ctx));
    abg_ctx_free(ctx);
}

static void sniffing_without_extension(void **state)
{
    fixture *f = *state;
    const char page[] = "<!DOCTYPE html><html><body><p>Hallo</p></body></html>";
    abg_doclist *docs = read_one(f, "-", page, sizeof page - 1);

    assert_string_equal(abg_doc_format(abg_doclist_get(docs, 0)), "html");
    abg_doclist_free(docs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_with_bom_drops_bom_and_keeps_offsets),
        cmocka_unit_test(windows1252_is_the_fallback),
        cmocka_unit_test(utf16le_with_bom),
        cmocka_unit_test(utf16be_with_odd_length_is_undecodable),
        cmocka_unit_test(nul_bytes_make_a_binary_file),
        cmocka_unit_test(bytes_undefined_in_windows1252_are_undecodable),
        cmocka_unit_test(cr_and_crlf_end_lines),
        cmocka_unit_test(front_matter_sets_metadata_and_lines_stay_exact),
        cmocka_unit_test(unclosed_front_matter_is_text),
        cmocka_unit_test(source_falls_back_to_file_name_and_title_to_first_line),
        cmocka_unit_test(boilerplate_lines_go_but_lines_with_digits_stay),
        cmocka_unit_test(bad_rule_file_names_file_and_line),
        cmocka_unit_test(sniffing_without_extension),
    };
    return cmocka_run_group_tests_name("ingest", tests, setup, teardown);
}
