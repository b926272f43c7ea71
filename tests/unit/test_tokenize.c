/* Unit tests of tokenize.c: words, compounds, numbers, abbreviations, URLs,
 * punctuation, flags, parts, and hostile input. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define WORD ABG_TOK_WORD
#define NUM ABG_TOK_NUMBER
#define ABBR ABG_TOK_ABBREV
#define URL ABG_TOK_URL
#define MAIL ABG_TOK_EMAIL
#define PUNCT ABG_TOK_PUNCT
#define SYM ABG_TOK_SYMBOL

#define COMPOUND ABG_TOKF_COMPOUND
#define POSS ABG_TOKF_POSSESSIVE
#define CAP ABG_TOKF_CAPITAL
#define INNER ABG_TOKF_INNERCAP
#define ALLCAPS ABG_TOKF_ALLCAPS

/* The expected token: its text and kind. */
typedef struct {
    const char *text;
    int kind;
} want;

/* A word's expected flags and base ("" = the whole token). */
typedef struct {
    const char *text;
    unsigned flags;
    const char *base;
} want_flags;

static abg_abbrevs *abbrevs; /* rules/abbreviations.de: tests run in the source root */

static int load_abbrevs(void **state)
{
    (void)state;
    return abg_abbrevs_load(&abbrevs, NULL, "rules/abbreviations.de") < 0 ? -1 : 0;
}

static int free_abbrevs(void **state)
{
    (void)state;
    abg_abbrevs_free(abbrevs);
    return 0;
}

static const char *kind_name(int kind)
{
    static const char *const names[] = {"?",   "WORD",  "NUMBER", "ABBREV",
                                        "URL", "EMAIL", "PUNCT",  "SYMBOL"};
    return kind >= 1 && kind <= 7 ? names[kind] : "?";
}

static abg_token *tokenize(size_t *n, const abg_abbrevs *ab, const char *text)
{
    abg_token *tok = NULL;
    assert_int_equal(abg_tokenize(&tok, n, ab, text, strlen(text)), 0);
    assert_non_null(tok);
    return tok;
}

/* Tokenize `text` and compare with want[0..n); on a difference, print both
 * lists so that the failure explains itself. */
static void expect_tokens(const abg_abbrevs *ab, const char *text, const want *w, size_t n,
                          const char *file, int line)
{
    size_t got, i;
    abg_token *tok = tokenize(&got, ab, text);
    bool same = got == n;

    for (i = 0; same && i < n; i++)
        same = tok[i].kind == w[i].kind && tok[i].len == strlen(w[i].text) &&
               !memcmp(text + tok[i].off, w[i].text, tok[i].len);
    if (!same) {
        print_error("tokens of \"%s\":\n", text);
        for (i = 0; i < got || i < n; i++)
            print_error("  got %-7s %-30.*s want %-7s %s\n",
                        i < got ? kind_name(tok[i].kind) : "-", i < got ? (int)tok[i].len : 0,
                        i < got ? text + tok[i].off : "", i < n ? kind_name(w[i].kind) : "-",
                        i < n ? w[i].text : "");
    }
    free(tok);
    if (!same)
        _fail(file, line);
}

#define EXPECT(ab, text, ...)                                                                     \
    do {                                                                                          \
        static const want w_[] = {__VA_ARGS__};                                                   \
        expect_tokens(ab, text, w_, sizeof w_ / sizeof *w_, __FILE__, __LINE__);                  \
    } while (0)

/* The first token of `text` must be the whole of want->text, with its flags
 * and base. */
static void expect_flags(const want_flags *w, size_t n)
{
    size_t i, got;

    for (i = 0; i < n; i++) {
        abg_token *tok = tokenize(&got, abbrevs, w[i].text);
        size_t base = *w[i].base ? strlen(w[i].base) : strlen(w[i].text);
        if (got < 1 || tok[0].len != strlen(w[i].text) || tok[0].flags != w[i].flags ||
            tok[0].base_len != base) {
            print_error("\"%s\": %zu tokens, first %u bytes, flags 0x%x (want 0x%x), "
                        "base %u bytes (want %zu)\n",
                        w[i].text, got, got ? tok[0].len : 0, got ? tok[0].flags : 0,
                        w[i].flags, got ? tok[0].base_len : 0, base);
            free(tok);
            fail();
        }
        free(tok);
    }
}

/* ---- the whole picture --------------------------------------------------- */

static void corpus_sentence_splits_as_expected(void **state)
{
    (void)state;
    EXPECT(abbrevs,
           "Microsofts Anteil von 32,5 % an OpenAI’s neuer PBC – rund 135 Mrd. US-Dollar – "
           "wurde am 28.10.2025 bekannt, z. B. laut heise.de oder https://openai.com/index/x.",
           {"Microsofts", WORD}, {"Anteil", WORD}, {"von", WORD}, {"32,5", NUM}, {"%", SYM},
           {"an", WORD}, {"OpenAI’s", WORD}, {"neuer", WORD}, {"PBC", WORD}, {"–", PUNCT},
           {"rund", WORD}, {"135", NUM}, {"Mrd.", ABBR}, {"US-Dollar", WORD}, {"–", PUNCT},
           {"wurde", WORD}, {"am", WORD}, {"28.10.2025", NUM}, {"bekannt", WORD}, {",", PUNCT},
           {"z. B.", ABBR}, {"laut", WORD}, {"heise.de", URL}, {"oder", WORD},
           {"https://openai.com/index/x", URL}, {".", PUNCT});
}

static void spans_point_into_the_text(void **state)
{
    const char *text = "Das Paket ist 130 Milliarden US-Dollar wert.";
    size_t n, i;
    abg_token *tok = tokenize(&n, abbrevs, text);
    (void)state;

    assert_int_equal(n, 8);
    assert_int_equal(tok[0].off, 0);
    assert_int_equal(tok[3].off, strlen("Das Paket ist "));
    assert_int_equal(tok[3].len, 3);
    for (i = 1; i < n; i++)
        assert_true(tok[i].off >= tok[i - 1].off + tok[i - 1].len);
    for (i = 0; i < n; i++)
        assert_int_equal(tok[i].base_len, tok[i].len);
    free(tok);
}

/* ---- white space and invisible characters ---------------------------------- */

static void white_space_separates_and_is_not_returned(void **state)
{
    (void)state;
    /* tab, newline, CR, no-break, narrow no-break, thin, em space, ideographic */
    EXPECT(abbrevs, " \t27\xc2\xa0%\nund\r\n13,5\xe2\x80\xafMrd.\xe2\x80\x89" "Dollar\xe2\x80\x83"
           "Wert\xe3\x80\x80 ",
           {"27", NUM}, {"%", SYM}, {"und", WORD}, {"13,5", NUM}, {"Mrd.", ABBR},
           {"Dollar", WORD}, {"Wert", WORD});
}

static void empty_and_blank_text_give_no_tokens(void **state)
{
    size_t n = 99;
    abg_token *tok = NULL;
    (void)state;

    assert_int_equal(abg_tokenize(&tok, &n, abbrevs, "", 0), 0);
    assert_int_equal(n, 0);
    free(tok);
    tok = tokenize(&n, abbrevs, " \n\t\xc2\xa0\xe2\x80\x8b\xc2\xad ");
    assert_int_equal(n, 0);
    free(tok);
}

static void soft_hyphen_and_zero_width_inside_a_word_do_not_split_it(void **state)
{
    (void)state;
    EXPECT(abbrevs,
           "Ver\xc2\xadpflich\xe2\x80\x8btung Part\xe2\x80\x8cner\xe2\x81\xa0schaft "
           "Open\xef\xbb\xbf" "AI",
           {"Ver\xc2\xadpflich\xe2\x80\x8btung", WORD},
           {"Part\xe2\x80\x8cner\xe2\x81\xa0schaft", WORD}, {"Open\xef\xbb\xbf" "AI", WORD});
}

static void invisible_characters_at_word_edges_are_skipped(void **state)
{
    (void)state;
    EXPECT(abbrevs, "\xef\xbb\xbf" "Anteil\xc2\xad \xe2\x80\x8b" "27\xe2\x80\x8d",
           {"Anteil", WORD}, {"27", NUM});
}

static void combining_marks_stay_with_their_letter(void **state)
{
    (void)state;
    /* "über" decomposed: u + U+0308 */
    EXPECT(abbrevs, "u\xcc\x88" "ber Gro\xcc\x88\xc3\x9f" "e",
           {"u\xcc\x88" "ber", WORD}, {"Gro\xcc\x88\xc3\x9f" "e", WORD});
}

/* ---- words and compounds ------------------------------------------------ */

static void letters_beyond_ascii_make_words(void **state)
{
    (void)state;
    EXPECT(abbrevs, "Größe Übersee Łódź Ελληνικά Путин µm ×",
           {"Größe", WORD}, {"Übersee", WORD}, {"Łódź", WORD}, {"Ελληνικά", WORD},
           {"Путин", WORD}, {"µm", WORD}, {"×", SYM});
}

static void hyphen_compounds_are_one_token(void **state)
{
    static const char *const words[] = {
        "Azure-Verpflichtung", "US-Dollar", "250-Milliarden-Verpflichtung",
        "Microsoft-OpenAI-Partnerschaft", "KI-Entwicklung", "GPT-5", "Nicht-API-Produkte",
        "COVID-19-Pandemie", "E-Mail-Adresse", "2,5-fach",
        "GPT\xe2\x80\x91" "5",                  /* non-breaking hyphen U+2011 */
        "Cloud\xe2\x80\x90" "Anbieter"};        /* hyphen U+2010 */
    size_t k, n;
    (void)state;

    for (k = 0; k < sizeof words / sizeof *words; k++) {
        abg_token *tok = tokenize(&n, abbrevs, words[k]);
        if (n != 1 || tok[0].kind != WORD || !(tok[0].flags & COMPOUND) ||
            tok[0].len != strlen(words[k])) {
            print_error("\"%s\": %zu tokens, kind %d, flags 0x%x\n", words[k], n, tok[0].kind,
                        tok[0].flags);
            free(tok);
            fail();
        }
        free(tok);
    }
}

static void number_range_is_not_a_compound(void **state)
{
    (void)state;
    EXPECT(abbrevs, "2024-2025 10-12 Milliarden",
           {"2024", NUM}, {"-", PUNCT}, {"2025", NUM}, {"10", NUM}, {"-", PUNCT}, {"12", NUM},
           {"Milliarden", WORD});
}

static void truncated_compound_keeps_its_hyphen(void **state)
{
    (void)state;
    EXPECT(abbrevs,
           "Inferenz- und Finetuning-Code, Hard-, Soft- und Firmware, Ein-/Ausgang, "
           "Landes- sowie Bundesrecht, Vertragslaufzeit und -bedingungen",
           {"Inferenz-", WORD}, {"und", WORD}, {"Finetuning-Code", WORD}, {",", PUNCT},
           {"Hard-", WORD}, {",", PUNCT}, {"Soft-", WORD}, {"und", WORD}, {"Firmware", WORD},
           {",", PUNCT}, {"Ein-", WORD}, {"/", PUNCT}, {"Ausgang", WORD}, {",", PUNCT},
           {"Landes-", WORD}, {"sowie", WORD}, {"Bundesrecht", WORD}, {",", PUNCT},
           {"Vertragslaufzeit", WORD}, {"und", WORD}, {"-bedingungen", WORD});
}

static void dash_between_spaces_is_punctuation(void **state)
{
    (void)state;
    EXPECT(abbrevs,
           "Anteil – rund 27 Prozent — sagt Microsoft - und OpenAI- sie Text--Text -- Ende",
           {"Anteil", WORD}, {"–", PUNCT}, {"rund", WORD}, {"27", NUM}, {"Prozent", WORD},
           {"—", PUNCT}, {"sagt", WORD}, {"Microsoft", WORD}, {"-", PUNCT}, {"und", WORD},
           {"OpenAI", WORD}, {"-", PUNCT}, {"sie", WORD}, {"Text", WORD}, {"--", PUNCT},
           {"Text", WORD}, {"--", PUNCT}, {"Ende", WORD});
}

static void en_dash_without_spaces_splits(void **state)
{
    (void)state;
    EXPECT(abbrevs, "Berlin–Hamburg 2020–2025",
           {"Berlin", WORD}, {"–", PUNCT}, {"Hamburg", WORD}, {"2020", NUM}, {"–", PUNCT},
           {"2025", NUM});
}

static void digits_then_letters_make_a_word(void **state)
{
    (void)state;
    EXPECT(abbrevs, "5G 1990er 3D-Druck GPT4o Q3/2025 13,5Mrd",
           {"5G", WORD}, {"1990er", WORD}, {"3D-Druck", WORD}, {"GPT4o", WORD}, {"Q3", WORD},
           {"/", PUNCT}, {"2025", NUM}, {"13,5", NUM}, {"Mrd", WORD});
}

static void inner_apostrophe_joins_a_word(void **state)
{
    (void)state;
    EXPECT(abbrevs, "O’Brien geht’s Rock'n'Roll",
           {"O’Brien", WORD}, {"geht’s", WORD}, {"Rock'n'Roll", WORD});
}

/* ---- possessives ---------------------------------------------------------- */

static void possessive_apostrophe_forms_are_flagged(void **state)
{
    static const want_flags w[] = {
        {"OpenAI’s", POSS | CAP | INNER, "OpenAI"},
        {"OpenAI's", POSS | CAP | INNER, "OpenAI"},
        {"Altman’", POSS | CAP, "Altman"},
        {"Hans'", POSS | CAP, "Hans"},
        {"Microsoft-Chef’s", POSS | CAP | COMPOUND, "Microsoft-Chef"},
        {"geht’s", 0, ""}, /* lower case: a contraction, not a name */
        {"hab’", 0, ""},
    };
    (void)state;
    expect_flags(w, sizeof w / sizeof *w);
}

static void possessive_s_after_capitals_is_flagged(void **state)
{
    static const want_flags w[] = {
        {"OpenAIs", POSS | CAP | INNER, "OpenAI"},
        {"SAPs", POSS | CAP | INNER | ALLCAPS, "SAP"},
        {"APIs", POSS | CAP | INNER | ALLCAPS, "API"}, /* plural: the base is still right */
        {"KI-APIs", POSS | CAP | INNER | ALLCAPS | COMPOUND, "KI-API"},
        {"Microsofts", CAP, ""}, /* left to later stages */
        {"Xs", CAP, ""},
        {"iOS", INNER, ""},
    };
    (void)state;
    expect_flags(w, sizeof w / sizeof *w);
}

static void open_single_quote_makes_apostrophe_a_closing_quote(void **state)
{
    (void)state;
    EXPECT(abbrevs, "'Deal' ‚Deal’ ‘Deal’ Hans’ Auto",
           {"'", PUNCT}, {"Deal", WORD}, {"'", PUNCT}, {"‚", PUNCT}, {"Deal", WORD},
           {"’", PUNCT}, {"‘", PUNCT}, {"Deal", WORD}, {"’", PUNCT}, {"Hans’", WORD},
           {"Auto", WORD});
}

static void open_single_quote_ends_with_the_line(void **state)
{
    (void)state;
    EXPECT(abbrevs, "‚Zitat\nHans’ Auto",
           {"‚", PUNCT}, {"Zitat", WORD}, {"Hans’", WORD}, {"Auto", WORD});
}

/* ---- case flags ------------------------------------------------------------ */

static void case_flags_follow_the_letters(void **state)
{
    static const want_flags w[] = {
        {"Microsoft", CAP, ""},
        {"OpenAI", CAP | INNER, ""},
        {"AGI", CAP | INNER | ALLCAPS, ""},
        {"ärger", 0, ""},
        {"Österreich", CAP, ""},
        {"ÄRGER", CAP | INNER | ALLCAPS, ""},
        {"Straße", CAP, ""},
        {"GROẞ", CAP | INNER | ALLCAPS, ""}, /* capital sharp s U+1E9E */
        {"Łódź", CAP, ""},
        {"ŁÓDŹ", CAP | INNER | ALLCAPS, ""},
        {"Путин", CAP, ""},
        {"Azure-Verpflichtung", CAP | COMPOUND, ""},
        {"KI-Entwicklung", CAP | INNER | COMPOUND, ""},
        {"GPT-5", CAP | INNER | ALLCAPS | COMPOUND, ""},
        {"250-Milliarden-Verpflichtung", COMPOUND, ""},
        {"eBay", INNER, ""},
        {"A", CAP, ""},
        {"Mrd.", CAP, ""},
        {"z. B.", 0, ""},
        {"i. d. R.", 0, ""},
    };
    (void)state;
    expect_flags(w, sizeof w / sizeof *w);
}

static void numbers_have_no_flags(void **state)
{
    static const want_flags w[] = {{"2024", 0, ""}, {"−3,2", 0, ""}, {"1.000.000,50", 0, ""}};
    (void)state;
    expect_flags(w, sizeof w / sizeof *w);
}

/* ---- numbers ------------------------------------------------------------- */

static void german_numbers_are_one_token(void **state)
{
    static const char *const numbers[] = {
        "32,5", "1.000.000", "1.000.000,50", "0,99", "2024", "28.10.2025", "2024/25",
        "3.5",  "14:30",     "−3,2",         "-3,2", "+2,1", "1’000’000",  "1'000"};
    size_t k, n;
    (void)state;

    for (k = 0; k < sizeof numbers / sizeof *numbers; k++) {
        abg_token *tok = tokenize(&n, abbrevs, numbers[k]);
        if (n != 1 || tok[0].kind != NUM || tok[0].len != strlen(numbers[k])) {
            print_error("\"%s\": %zu tokens, first kind %d, %u bytes\n", numbers[k], n,
                        tok[0].kind, tok[0].len);
            free(tok);
            fail();
        }
        free(tok);
    }
}

static void sign_belongs_to_number_only_after_a_boundary(void **state)
{
    (void)state;
    EXPECT(abbrevs, "bei −3,2 Prozent (-1,5) „+2“ 5-3 5−3 +49 30 1234567",
           {"bei", WORD}, {"−3,2", NUM}, {"Prozent", WORD}, {"(", PUNCT}, {"-1,5", NUM},
           {")", PUNCT}, {"„", PUNCT}, {"+2", NUM}, {"“", PUNCT}, {"5", NUM}, {"-", PUNCT},
           {"3", NUM}, {"5", NUM}, {"−", SYM}, {"3", NUM}, {"+49", NUM}, {"30", NUM},
           {"1234567", NUM});
}

static void ordinal_dot_is_not_part_of_the_number(void **state)
{
    (void)state;
    EXPECT(abbrevs, "Am 28. Oktober 2025 auf Platz 3. Seit 28.10. gilt",
           {"Am", WORD}, {"28", NUM}, {".", PUNCT}, {"Oktober", WORD}, {"2025", NUM},
           {"auf", WORD}, {"Platz", WORD}, {"3", NUM}, {".", PUNCT}, {"Seit", WORD},
           {"28.10", NUM}, {".", PUNCT}, {"gilt", WORD});
}

static void separator_without_digit_after_ends_the_number(void **state)
{
    (void)state;
    EXPECT(abbrevs, "2, 3 und 4: 5/ 2019.Danach",
           {"2", NUM}, {",", PUNCT}, {"3", NUM}, {"und", WORD}, {"4", NUM}, {":", PUNCT},
           {"5", NUM}, {"/", PUNCT}, {"2019", NUM}, {".", PUNCT}, {"Danach", WORD});
}

/* ---- abbreviations ------------------------------------------------------- */

static void listed_abbreviation_takes_its_dot(void **state)
{
    (void)state;
    EXPECT(abbrevs, "rund 135 Mrd. Dollar, ca. 5 Mio. Euro, Nr. 3, Dr. Lindner, usw.",
           {"rund", WORD}, {"135", NUM}, {"Mrd.", ABBR}, {"Dollar", WORD}, {",", PUNCT},
           {"ca.", ABBR}, {"5", NUM}, {"Mio.", ABBR}, {"Euro", WORD}, {",", PUNCT},
           {"Nr.", ABBR}, {"3", NUM}, {",", PUNCT}, {"Dr.", ABBR}, {"Lindner", WORD},
           {",", PUNCT}, {"usw.", ABBR});
}

static void multi_part_abbreviation_is_one_token(void **state)
{
    (void)state;
    EXPECT(abbrevs,
           "z. B. Azure, u. a. Google, i. d. R. nicht, z.B. so, u. a. m. und z.\xc2\xa0"
           "B. dort",
           {"z. B.", ABBR}, {"Azure", WORD}, {",", PUNCT}, {"u. a.", ABBR}, {"Google", WORD},
           {",", PUNCT}, {"i. d. R.", ABBR}, {"nicht", WORD}, {",", PUNCT}, {"z.B.", ABBR},
           {"so", WORD}, {",", PUNCT}, {"u. a. m.", ABBR}, {"und", WORD},
           {"z.\xc2\xa0" "B.", ABBR}, {"dort", WORD});
}

static void unlisted_word_before_dot_is_a_word(void **state)
{
    (void)state;
    EXPECT(abbrevs, "in US-Dollar. Rathenow.Wenn Plan B. Ende",
           {"in", WORD}, {"US-Dollar", WORD}, {".", PUNCT}, {"Rathenow", WORD}, {".", PUNCT},
           {"Wenn", WORD}, {"Plan", WORD}, {"B", WORD}, {".", PUNCT}, {"Ende", WORD});
}

static void no_abbreviations_without_a_list(void **state)
{
    (void)state;
    EXPECT(NULL, "135 Mrd. z. B.",
           {"135", NUM}, {"Mrd", WORD}, {".", PUNCT}, {"z", WORD}, {".", PUNCT}, {"B", WORD},
           {".", PUNCT});
}

static void abbreviation_before_ellipsis_is_a_word(void **state)
{
    (void)state;
    EXPECT(abbrevs, "usw... etc.",
           {"usw", WORD}, {"...", PUNCT}, {"etc.", ABBR});
}

/* ---- URLs and e-mail ----------------------------------------------------- */

static void urls_are_one_token_without_trailing_punctuation(void **state)
{
    (void)state;
    EXPECT(abbrevs,
           "Quelle: https://openai.com/index/x. Mehr unter www.heise.de/news/1, "
           "http://example.org/a?b=1&c=2! (siehe https://de.wikipedia.org/wiki/KI_(Begriff)) "
           "„https://kompass.example/ki“",
           {"Quelle", WORD}, {":", PUNCT}, {"https://openai.com/index/x", URL}, {".", PUNCT},
           {"Mehr", WORD}, {"unter", WORD}, {"www.heise.de/news/1", URL}, {",", PUNCT},
           {"http://example.org/a?b=1&c=2", URL}, {"!", PUNCT}, {"(", PUNCT}, {"siehe", WORD},
           {"https://de.wikipedia.org/wiki/KI_(Begriff)", URL}, {")", PUNCT}, {"„", PUNCT},
           {"https://kompass.example/ki", URL}, {"“", PUNCT});
}

static void bare_host_names_with_known_tld_are_urls(void **state)
{
    (void)state;
    EXPECT(abbrevs, "laut heise.de, t-online.de/digital und openai.com. Aber Ende.Der x.de",
           {"laut", WORD}, {"heise.de", URL}, {",", PUNCT}, {"t-online.de/digital", URL},
           {"und", WORD}, {"openai.com", URL}, {".", PUNCT}, {"Aber", WORD}, {"Ende", WORD},
           {".", PUNCT}, {"Der", WORD}, {"x", WORD}, {".", PUNCT}, {"de", WORD});
}

static void scheme_alone_is_not_a_url(void **state)
{
    (void)state;
    EXPECT(abbrevs, "https:// www.",
           {"https", WORD}, {":", PUNCT}, {"/", PUNCT}, {"/", PUNCT}, {"www", WORD},
           {".", PUNCT});
}

static void email_addresses_are_one_token(void **state)
{
    (void)state;
    EXPECT(abbrevs,
           "per E-Mail an leserservice@maerkischer-landbote.example. Oder an "
           "vorname.nachname+ki@redaktion.de; nicht a@b oder x@y.z",
           {"per", WORD}, {"E-Mail", WORD}, {"an", WORD},
           {"leserservice@maerkischer-landbote.example", MAIL}, {".", PUNCT}, {"Oder", WORD},
           {"an", WORD}, {"vorname.nachname+ki@redaktion.de", MAIL}, {";", PUNCT},
           {"nicht", WORD}, {"a", WORD}, {"@", SYM}, {"b", WORD}, {"oder", WORD}, {"x", WORD},
           {"@", SYM}, {"y", WORD}, {".", PUNCT}, {"z", WORD});
}

/* ---- punctuation and symbols --------------------------------------------- */

static void each_punctuation_mark_is_its_own_token(void **state)
{
    static const char *const marks[] = {
        ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "\"", "„", "“", "”",
        "‚", "‘", "’", "«", "»", "‹", "›", "–", "—", "-", "…", "/", "'", "¿", "¡"};
    char text[256] = "";
    size_t k, n, len = 0;
    abg_token *tok;
    (void)state;

    for (k = 0; k < sizeof marks / sizeof *marks; k++) {
        size_t m = strlen(marks[k]);
        memcpy(text + len, marks[k], m);
        len += m;
    }
    text[len] = '\0';
    tok = tokenize(&n, abbrevs, text);
    assert_int_equal(n, sizeof marks / sizeof *marks);
    for (k = 0; k < n; k++) {
        assert_int_equal(tok[k].kind, PUNCT);
        assert_int_equal(tok[k].len, strlen(marks[k]));
        assert_memory_equal(text + tok[k].off, marks[k], tok[k].len);
    }
    free(tok);
}

static void ellipsis_and_dash_runs_are_one_token(void **state)
{
    (void)state;
    EXPECT(abbrevs, "Und dann... nichts…. Oder ---- so?!",
           {"Und", WORD}, {"dann", WORD}, {"...", PUNCT}, {"nichts", WORD}, {"…", PUNCT},
           {".", PUNCT}, {"Oder", WORD}, {"----", PUNCT}, {"so", WORD}, {"?", PUNCT},
           {"!", PUNCT});
}

static void other_characters_are_symbols(void **state)
{
    (void)state;
    EXPECT(abbrevs, "§ 15 AktG, 5€, $, &, °C, ©, #KI, @OpenAI, 100 %, ±1, 👍🏽, ❤\xef\xb8\x8f",
           {"§", SYM}, {"15", NUM}, {"AktG", WORD}, {",", PUNCT}, {"5", NUM}, {"€", SYM},
           {",", PUNCT}, {"$", SYM}, {",", PUNCT}, {"&", SYM}, {",", PUNCT}, {"°", SYM},
           {"C", WORD}, {",", PUNCT}, {"©", SYM}, {",", PUNCT}, {"#", SYM}, {"KI", WORD},
           {",", PUNCT}, {"@", SYM}, {"OpenAI", WORD}, {",", PUNCT}, {"100", NUM}, {"%", SYM},
           {",", PUNCT}, {"±", SYM}, {"1", NUM}, {",", PUNCT}, {"👍", SYM}, {"🏽", SYM},
           {",", PUNCT}, {"❤\xef\xb8\x8f", SYM});
}

static void invalid_utf8_bytes_become_symbols(void **state)
{
    (void)state;
    EXPECT(abbrevs, "ab\xff\xfe" "cd \xc3 x \xe2\x82 \xed\xa0\x80",
           {"ab", WORD}, {"\xff", SYM}, {"\xfe", SYM}, {"cd", WORD}, {"\xc3", SYM},
           {"x", WORD}, {"\xe2", SYM}, {"\x82", SYM}, {"\xed", SYM}, {"\xa0", SYM},
           {"\x80", SYM});
}

/* ---- parts ------------------------------------------------------------- */

static void compound_parts_lie_between_hyphens(void **state)
{
    const char *text = "Microsoft-OpenAI-Partnerschaft Inferenz-, -bedingungen GPT\xe2\x80\x91"
                       "5 KI-APIs Anteil OpenAI’s";
    abg_span parts[4];
    size_t n;
    abg_token *tok = tokenize(&n, abbrevs, text);
    (void)state;

    assert_int_equal(n, 8);
    assert_int_equal(abg_token_parts(parts, 4, text, &tok[0]), 3);
    assert_memory_equal(text + parts[0].off, "Microsoft", parts[0].len);
    assert_int_equal(parts[1].len, strlen("OpenAI"));
    assert_memory_equal(text + parts[1].off, "OpenAI", parts[1].len);
    assert_memory_equal(text + parts[2].off, "Partnerschaft", parts[2].len);
    /* the hyphen of a truncated compound is not a part */
    assert_int_equal(abg_token_parts(parts, 4, text, &tok[1]), 1);
    assert_int_equal(parts[0].len, strlen("Inferenz"));
    assert_int_equal(abg_token_parts(parts, 4, text, &tok[3]), 1);
    assert_int_equal(parts[0].off, tok[3].off + 1);
    assert_int_equal(parts[0].len, strlen("bedingungen"));
    assert_int_equal(abg_token_parts(parts, 4, text, &tok[4]), 2);
    assert_int_equal(parts[0].len, 3);
    assert_int_equal(parts[1].len, 1);
    /* a possessive compound: parts of the base */
    assert_int_equal(abg_token_parts(parts, 4, text, &tok[5]), 2);
    assert_int_equal(parts[1].len, strlen("API"));
    /* not a compound: the token, or its base */
    assert_int_equal(abg_token_parts(parts, 4, text, &tok[6]), 1);
    assert_int_equal(parts[0].off, tok[6].off);
    assert_int_equal(parts[0].len, strlen("Anteil"));
    assert_int_equal(abg_token_parts(parts, 4, text, &tok[7]), 1);
    assert_int_equal(parts[0].len, strlen("OpenAI"));
    free(tok);
}

static void parts_beyond_max_are_counted_not_written(void **state)
{
    const char *text = "A-B-C-D-E";
    abg_span parts[2] = {{99, 99}, {99, 99}};
    size_t n;
    abg_token *tok = tokenize(&n, abbrevs, text);
    (void)state;

    assert_int_equal(n, 1);
    assert_int_equal(abg_token_parts(NULL, 0, text, &tok[0]), 5);
    assert_int_equal(abg_token_parts(parts, 1, text, &tok[0]), 5);
    assert_int_equal(parts[0].off, 0);
    assert_int_equal(parts[0].len, 1);
    assert_int_equal(parts[1].off, 99); /* untouched */
    free(tok);
}

/* ---- hostile and large input --------------------------------------------- */

static char *repeat(const char *unit, size_t times, size_t *len)
{
    size_t m = strlen(unit), k;
    char *s = malloc(m * times + 1);

    assert_non_null(s);
    for (k = 0; k < times; k++)
        memcpy(s + k * m, unit, m);
    s[m * times] = '\0';
    *len = m * times;
    return s;
}

static void megabyte_word_is_one_token(void **state)
{
    size_t len, n;
    char *s = repeat("Ä", 1 << 19, &len); /* 1 MB */
    abg_token *tok = NULL;
    (void)state;

    assert_int_equal(abg_tokenize(&tok, &n, abbrevs, s, len), 0);
    assert_int_equal(n, 1);
    assert_int_equal(tok[0].len, len);
    assert_int_equal(tok[0].flags, CAP | INNER | ALLCAPS);
    free(tok);
    free(s);
}

static void hundred_thousand_hyphens_are_one_dash(void **state)
{
    size_t len, n;
    char *s = repeat("-", 100000, &len);
    abg_token *tok = NULL;
    (void)state;

    assert_int_equal(abg_tokenize(&tok, &n, abbrevs, s, len), 0);
    assert_int_equal(n, 1);
    assert_int_equal(tok[0].kind, PUNCT);
    assert_int_equal(tok[0].len, 100000);
    free(tok);
    free(s);
}

static void hundred_thousand_part_compound_is_one_token(void **state)
{
    size_t len, n;
    char *s = repeat("KI-", 100000, &len);
    abg_token *tok = NULL;
    (void)state;

    s[len - 1] = 'X'; /* KI-KI-...-KIX */
    assert_int_equal(abg_tokenize(&tok, &n, abbrevs, s, len), 0);
    assert_int_equal(n, 1);
    assert_int_equal(tok[0].flags & COMPOUND, COMPOUND);
    assert_int_equal(abg_token_parts(NULL, 0, s, &tok[0]), 100000);
    free(tok);
    free(s);
}

/* Inputs that would be quadratic with a naive look-ahead (e-mail and host
 * name checks, abbreviation look-back); they must finish, with the right
 * count. ctest's timeout catches a regression. */
static void pathological_runs_finish(void **state)
{
    static const struct {
        const char *unit;
        size_t tokens_per_unit;
    } runs[] = {{"a.", 2}, {"z. ", 1}, {"a@", 2}, {"1.", 0}, {"ab.", 2}, {"'a' ", 3},
                {"a\xe2\x80\x8b", 0}, {"(-1", 2}};
    size_t k, len, n;
    (void)state;

    for (k = 0; k < sizeof runs / sizeof *runs; k++) {
        char *s = repeat(runs[k].unit, 200000, &len);
        abg_token *tok = NULL;
        assert_int_equal(abg_tokenize(&tok, &n, abbrevs, s, len), 0);
        if (runs[k].tokens_per_unit)
            assert_int_equal(n, runs[k].tokens_per_unit * 200000);
        else /* "1.1.….1." is one number and the last stop; letters joined
              * by zero-width spaces (format characters) are one word */
            assert_int_equal(n, runs[k].unit[0] == '1' ? 2 : 1);
        free(tok);
        free(s);
    }
}

/* Width of the white space at s (ASCII, no-break, narrow no-break, thin), or 0. */
static size_t space_width(const char *s)
{
    static const char *const spaces[] = {" ", "\t", "\r", "\n", "\xc2\xa0", "\xe2\x80\xaf",
                                         "\xe2\x80\x89"};
    size_t k;

    for (k = 0; k < sizeof spaces / sizeof *spaces; k++)
        if (!strncmp(s, spaces[k], strlen(spaces[k])))
            return strlen(spaces[k]);
    return 0;
}

/* Every corpus text: tokens in order, inside the text, never starting or
 * ending with white space, and every byte outside them white space. */
static void corpus_texts_are_covered(void **state)
{
    static const char *const files[] = {"corpus/tagesblatt.txt", "corpus/landbote.txt",
                                        "corpus/netzspiegel-scraped.txt",
                                        "corpus/boersenbrief.md", "corpus/wirtschaftskurier.txt"};
    static char text[1 << 16];
    size_t f;
    (void)state;

    for (f = 0; f < sizeof files / sizeof *files; f++) {
        FILE *fp = fopen(files[f], "rb");
        size_t len, n, i, pos = 0, w;
        abg_token *tok;
        assert_non_null(fp);
        len = fread(text, 1, sizeof text - 1, fp);
        fclose(fp);
        text[len] = '\0';
        assert_int_equal(abg_tokenize(&tok, &n, abbrevs, text, len), 0);
        assert_true(n > 100);
        for (i = 0; i < n; i++) {
            const char *t = text + tok[i].off;
            assert_true(tok[i].off >= pos && tok[i].off + tok[i].len <= len);
            assert_true(tok[i].len > 0 && tok[i].base_len > 0 && tok[i].base_len <= tok[i].len);
            while (pos < tok[i].off) {
                assert_true((w = space_width(text + pos)) > 0);
                pos += w;
            }
            assert_int_equal(pos, tok[i].off);
            assert_int_equal(space_width(t), 0);
            assert_true(strchr(" \t\r\n", t[tok[i].len - 1]) == NULL);
            pos = tok[i].off + tok[i].len;
        }
        while (pos < len) {
            assert_true((w = space_width(text + pos)) > 0);
            pos += w;
        }
        free(tok);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(corpus_sentence_splits_as_expected),
        cmocka_unit_test(spans_point_into_the_text),
        cmocka_unit_test(white_space_separates_and_is_not_returned),
        cmocka_unit_test(empty_and_blank_text_give_no_tokens),
        cmocka_unit_test(soft_hyphen_and_zero_width_inside_a_word_do_not_split_it),
        cmocka_unit_test(invisible_characters_at_word_edges_are_skipped),
        cmocka_unit_test(combining_marks_stay_with_their_letter),
        cmocka_unit_test(letters_beyond_ascii_make_words),
        cmocka_unit_test(hyphen_compounds_are_one_token),
        cmocka_unit_test(number_range_is_not_a_compound),
        cmocka_unit_test(truncated_compound_keeps_its_hyphen),
        cmocka_unit_test(dash_between_spaces_is_punctuation),
        cmocka_unit_test(en_dash_without_spaces_splits),
        cmocka_unit_test(digits_then_letters_make_a_word),
        cmocka_unit_test(inner_apostrophe_joins_a_word),
        cmocka_unit_test(possessive_apostrophe_forms_are_flagged),
        cmocka_unit_test(possessive_s_after_capitals_is_flagged),
        cmocka_unit_test(open_single_quote_makes_apostrophe_a_closing_quote),
        cmocka_unit_test(open_single_quote_ends_with_the_line),
        cmocka_unit_test(case_flags_follow_the_letters),
        cmocka_unit_test(numbers_have_no_flags),
        cmocka_unit_test(german_numbers_are_one_token),
        cmocka_unit_test(sign_belongs_to_number_only_after_a_boundary),
        cmocka_unit_test(ordinal_dot_is_not_part_of_the_number),
        cmocka_unit_test(separator_without_digit_after_ends_the_number),
        cmocka_unit_test(listed_abbreviation_takes_its_dot),
        cmocka_unit_test(multi_part_abbreviation_is_one_token),
        cmocka_unit_test(unlisted_word_before_dot_is_a_word),
        cmocka_unit_test(no_abbreviations_without_a_list),
        cmocka_unit_test(abbreviation_before_ellipsis_is_a_word),
        cmocka_unit_test(urls_are_one_token_without_trailing_punctuation),
        cmocka_unit_test(bare_host_names_with_known_tld_are_urls),
        cmocka_unit_test(scheme_alone_is_not_a_url),
        cmocka_unit_test(email_addresses_are_one_token),
        cmocka_unit_test(each_punctuation_mark_is_its_own_token),
        cmocka_unit_test(ellipsis_and_dash_runs_are_one_token),
        cmocka_unit_test(other_characters_are_symbols),
        cmocka_unit_test(invalid_utf8_bytes_become_symbols),
        cmocka_unit_test(compound_parts_lie_between_hyphens),
        cmocka_unit_test(parts_beyond_max_are_counted_not_written),
        cmocka_unit_test(megabyte_word_is_one_token),
        cmocka_unit_test(hundred_thousand_hyphens_are_one_dash),
        cmocka_unit_test(hundred_thousand_part_compound_is_one_token),
        cmocka_unit_test(pathological_runs_finish),
        cmocka_unit_test(corpus_texts_are_covered),
    };
    return cmocka_run_group_tests_name("tokenize", tests, load_abbrevs, free_abbrevs);
}
