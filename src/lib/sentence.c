/*
 * sentence.c: sentence boundaries in a document's body text.
 *
 * In:  body text as ingestion produces it (UTF-8, lines end in '\n',
 *      paragraphs separated by an empty line, headings and list items on
 *      lines of their own) and the abbreviation list (abbrev.c).
 * Out: sentence spans into that text, in order, trimmed of white space,
 *      never empty, in an array the caller releases with free().
 *
 * One pass from left to right; every look-back and look-ahead is bounded,
 * so the time is linear in the length of the text. Boundaries only fall on
 * character starts. Bytes that are not well-formed UTF-8 are taken as
 * one-byte characters of no class, so any input is safe.
 *
 * Where a sentence ends:
 *  - at an empty line (always), and at the end of the text;
 *  - at a line break when the next line starts a list item, or starts with
 *    anything but a small letter or trailing punctuation and the line does
 *    not end in a way that continues (comma, hyphen or dash, opening quote,
 *    "und", "oder", an article ...): headings and bylines end there;
 *  - after . ! ? … or "..." (with closing quotes and brackets right after
 *    them, which belong to the sentence) when white space follows and the
 *    stop is not one of the exceptions below.
 * A stop followed by anything but white space (32.5, 28.10.2025, heise.de,
 * „Nein!“, sagte er) never ends a sentence. Exceptions after white space:
 *  - an abbreviation (abg_abbrev_before): the sentence goes on, unless a
 *    line break and a sentence start follow, or it is an ender like "usw."
 *    or "etc." followed by a capital letter or an opening quote;
 *  - an ordinal or date: "28. Oktober", "3. Quartal", "am 1. und", "28. 10.",
 *    "der 2. Bürgermeister", "28.10. 2025" (a numeric date before a capital
 *    word ends the sentence only when that word often starts sentences:
 *    "Danach", "Die"); a number after anything else ends it ("bis 2032.");
 *  - an initial: one capital letter before a capitalised name ("J. Trump");
 *  - one small letter ("d. h." when not in the list) and letter chains;
 *  - "?", "!" and "…" followed by a small letter ("… und dann");
 *  - "[…]" and "(...)", which mark left-out words.
 * A dot after a plain word followed by a small letter is malformed text and
 * still ends the sentence ("um 18 Uhr. dann").
 *
 * List items: a line starting with a bullet ("- ", "* ", "• ", "– ", "1. ",
 * "2) ") starts a new sentence, and the bullet with the spaces after it is
 * left out of the span.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "utf8.h"

#define NONE SIZE_MAX

/* Bounds on look-back and look-ahead (bytes); they keep the pass linear. */
#define TOKEN_MAX 64   /* the word before a dot */
#define WORD_MAX 48    /* the word after a stop, or at the end of a line */
#define DIGITS_MAX 3   /* an ordinal or a list number has at most this many */
#define ABBREV_VIEW 32 /* longer than any abbreviation, spaces included */

/* ---- characters ------------------------------------------------------- */

/* The code point at text[i] and its length in *w; a byte that does not
 * start well-formed UTF-8 is returned as U+FFFD with length 1. */
static uint32_t char_at(const char *text, size_t len, size_t i, size_t *w)
{
    const unsigned char *u = (const unsigned char *)text + i;

    if (u[0] < 0x80) {
        *w = 1;
        return u[0];
    }
    if (!(*w = abg_utf8_seqlen(u, len - i))) {
        *w = 1;
        return 0xFFFD;
    }
    return abg_utf8_decode(text + i, *w, w);
}

/* The start of the character that ends at text[i-1]; assumes i > 0. */
static size_t char_before(const char *text, size_t i)
{
    size_t p = i - 1;

    while (p > 0 && i - p < 4 && ((unsigned char)text[p] & 0xC0) == 0x80)
        p--;
    if (abg_utf8_seqlen((const unsigned char *)text + p, i - p) != i - p)
        return i - 1;
    return p;
}

static bool is_space(uint32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* A space that does not end a line. */
static bool is_blank(uint32_t c)
{
    return c != '\n' && is_space(c);
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Capital and small letters: ASCII, Latin-1, Latin Extended-A, Greek and
 * Cyrillic; other letters have no case here. */
static bool is_upper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE)
        return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F) {
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return c & 1;
        if (c == 0x138 || c == 0x149 || c == 0x17F)
            return false;
        return c == 0x178 || !(c & 1);
    }
    return (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F) || c == 0x1E9E;
}

static bool is_lower(uint32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    if (c >= 0xDF && c <= 0xFF)
        return c != 0xF7;
    if (c >= 0x100 && c <= 0x17F)
        return !is_upper(c);
    return (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x45F);
}

/* Letters for word look-ups: cased letters and the rest of the Latin,
 * Greek and Cyrillic blocks. */
static bool is_letter(uint32_t c)
{
    return is_upper(c) || is_lower(c) || (c >= 0x180 && c < 0x2000);
}

static bool is_stop(uint32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203C ||
           (c >= 0x2047 && c <= 0x2049);
}

/* Quotes and brackets that may close a sentence after its stop. Any quote
 * counts: German „…“ closes with “, Swiss «…» with », English with ”. */
static bool is_closer(uint32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == 0xAB || c == 0xBB ||
           c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2039 || c == 0x203A;
}

/* Characters that begin a list item when a space follows them. */
static bool is_bullet(uint32_t c)
{
    return c == '-' || c == '*' || c == '+' || c == 0xB7 || c == 0x2012 || c == 0x2013 ||
           c == 0x2014 || c == 0x2022 || c == 0x2023 || c == 0x2043 || c == 0x25AA ||
           c == 0x25AB || c == 0x25BA || c == 0x25B8 || c == 0x25CF || c == 0x25E6;
}

/* What the first character after a stop and its white space says. */
typedef enum {
    NEXT_LOWER, /* a small letter: the sentence may go on */
    NEXT_CONT,  /* punctuation that cannot start a sentence: , ; : ) % . */
    NEXT_START  /* capital, digit, quote, bracket, dash, other symbol */
} next_class;

static next_class classify(uint32_t c)
{
    if (is_lower(c))
        return NEXT_LOWER;
    if (c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '}' || c == '%' ||
        c == 0x2030 || is_stop(c))
        return NEXT_CONT;
    return NEXT_START;
}

/* ---- words -------------------------------------------------------------- */

/* Length of the run of letters at text[p], at most WORD_MAX bytes; 0 when
 * the run is longer (no listed word is that long). */
static size_t word_at(const char *text, size_t len, size_t p)
{
    size_t q = p, w;

    while (q < len && is_letter(char_at(text, len, q, &w))) {
        q += w;
        if (q - p > WORD_MAX)
            return 0;
    }
    return q - p;
}

static bool word_in(const char *const *list, const char *s, size_t n)
{
    size_t i;

    for (i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !memcmp(list[i], s, n))
            return true;
    return false;
}

/* Is s[0..n) one of the stems with an inflection ending ("Quartals")? With
 * `compound`, also a word ending in the stem ("Tabellenplatz"). */
static bool stem_in(const char *const *stems, const char *s, size_t n, bool compound)
{
    static const char *const endings[] = {"", "s", "es", "e", "en", "n", NULL};
    size_t i, k;

    for (i = 0; stems[i]; i++) {
        size_t m = strlen(stems[i]);
        for (k = 0; endings[k]; k++) {
            size_t el = strlen(endings[k]), at;
            if (m + el > n || memcmp(s + n - el, endings[k], el))
                continue;
            at = n - el - m;
            if (at == 0 && !memcmp(s, stems[i], m))
                return true;
            /* in a compound the stem starts with a small letter */
            if (compound && at > 0 && stems[i][0] >= 'A' && stems[i][0] <= 'Z' &&
                s[at] == stems[i][0] + ('a' - 'A') && !memcmp(s + at + 1, stems[i] + 1, m - 1))
                return true;
        }
    }
    return false;
}

/* German word lists the rules use (data, not code). */
/* clang-format off */

static const char *const months[] = {
    "Januar", "Jänner", "Februar", "Feber", "März", "Maerz", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember", NULL};

/* Month abbreviations; also matched without their dot ("3. Okt 2025"). */
static const char *const month_abbrevs[] = {"Jan", "Feb", "Febr", "Mär", "Mrz", "Apr",
                                            "Jun", "Jul", "Aug", "Sep", "Sept", "Okt",
                                            "Nov", "Dez", NULL};

/* Nouns that follow an ordinal number: "im 3. Quartal", "der 2. Platz";
 * the first list also as the end of a compound ("4. Tabellenplatz"). */
static const char *const ordinal_heads[] = {
    "Quartal", "Halbjahr", "Jahrhundert", "Jahr", "Platz", "Rang", "Tag", "Woche", "Runde",
    "Liga", "Klasse", "Abschnitt", "Stufe", "Etappe", "Stock", NULL};

static const char *const ordinal_nouns[] = {
    "Jahrtausend", "Jahrzehnt", "Jahrgang", "Mal", "Stockwerk", "Etage", "Monat",
    "Lebensjahr", "Stelle", "Auflage", "Kapitel", "Semester", "Weltkrieg", "Sitzung",
    "Hälfte", "Amtszeit", "Minute", "Stunde", "Satz", "Advent", "Bezirk",
    "Legislaturperiode", "Welle", "Generation", "Instanz", "Lesung", "Wahlgang",
    "Durchgang", "Versuch", "Teil", "Band", "Folge", "Staffel", "Ausgabe", "Preis",
    "Sinfonie", "Symphonie", "Kongress", "Jh", "Jhd", "Jhdt",
    "FC", "FSV", "FFC", NULL}; /* "der 1. FC Köln" */

/* Words that very often open a sentence; after a numeric date ("am
 * 28.10. Danach") or an initial ("Plan B. Die") they make the dot a stop. */
static const char *const openers[] = {
    "Der", "Die", "Das", "Dem", "Den", "Des", "Ein", "Eine", "Er", "Sie", "Es", "Wir",
    "Ich", "Ihr", "Man", "Dies", "Diese", "Dieser", "Dieses", "Damit", "Danach", "Dann",
    "Doch", "Dabei", "Daher", "Deshalb", "Denn", "Aber", "Auch", "Am", "Im", "In", "Bis",
    "Seit", "Ab", "Zuvor", "Zudem", "Außerdem", "Trotzdem", "Nun", "Jetzt", "Heute",
    "Bereits", "Schon", "So", "Wie", "Was", "Wer", "Wann", "Warum", "Noch", "Nach", "Vor",
    "Bei", "Mit", "Für", "Als", "Wenn", "Ob", "Zum", "Zur", "Zunächst", "Inzwischen",
    "Allerdings", "Gleichzeitig", "Zugleich", "Laut", "Nur", "Unter", "Über", "Von",
    "Anschließend", "Später", "Dort", "Hier", NULL};

/* Articles and the like before a number make it an ordinal, whatever
 * follows: "der 2. Bürgermeister", "ihren 70. Geburtstag". Small letters;
 * a capital first letter matches too ("Der 2. Versuch"). */
static const char *const determiners[] = {
    "der", "die", "das", "den", "dem", "des", "am", "im", "zum", "zur", "vom", "beim",
    "jeder", "jede", "jedes", "jedem", "jeden", "ihr", "ihre", "ihrem", "ihren", "ihrer",
    "ihres", "sein", "seine", "seinem", "seinen", "seiner", "seines", "unser", "unsere",
    "unserem", "unseren", "unserer", NULL};

/* Words that cannot end a line that ends a sentence or heading. */
static const char *const joiners[] = {"und", "oder", "sowie", "sondern", "bzw", "dass",
                                      "weil", "als", "des", "eines", "zum", "zur",
                                      "vom", "beim", "im", "am", "ins", "von", "für",
                                      NULL};

/* Abbreviations that often end a sentence, in abbrev.c's canonical form
 * (no spaces, first letter small): split after them before a capital. */
static const char *const enders[] = {"usw.", "etc.", "usf.", "u.a.m.", "u.v.m.", "u.Ä.",
                                     "o.Ä.", "u.ä.", "o.ä.", "ff.", "ebd.", "a.a.O.",
                                     NULL};
/* clang-format on */

static bool is_ender(const char *s, size_t n)
{
    char canon[16];
    size_t i = 0, o = 0, w;

    while (i < n) {
        uint32_t c = char_at(s, n, i, &w);
        if (!is_space(c)) {
            if (o + w > sizeof canon)
                return false;
            memcpy(canon + o, s + i, w);
            o += w;
        }
        i += w;
    }
    if (o && canon[0] >= 'A' && canon[0] <= 'Z')
        canon[0] = (char)(canon[0] + ('a' - 'A'));
    return word_in(enders, canon, o);
}

/* ---- the word before a dot ------------------------------------------- */

typedef enum {
    TOK_OTHER,
    TOK_NUMBER,  /* digits, maybe grouped by dots: 3  2025  1.000  28.10 */
    TOK_LETTER,  /* one letter */
    TOK_INITIALS /* letters and dots, one letter each: J.R.R */
} tok_kind;

typedef struct {
    tok_kind kind;
    size_t off, len;        /* in the text, without leading brackets or quotes */
    size_t groups;          /* TOK_NUMBER: groups of digits */
    size_t last_digits;     /* TOK_NUMBER: digits in the last group */
    unsigned first, second; /* TOK_NUMBER: values of the first two groups */
    bool upper;             /* TOK_LETTER: a capital */
} token;

/* The token that ends at text[end-1], back to white space, skipping an
 * opening bracket or quote in front. Tokens past TOKEN_MAX bytes are
 * TOK_OTHER. */
static token token_before(const char *text, size_t len, size_t end)
{
    token t = {TOK_OTHER, end, 0, 0, 0, 0, 0, false};
    size_t p = end, w, i, digits = 0, letters = 0, dots = 0;
    bool prev_dot = true, shape_num = true, shape_init = true;
    uint32_t c;

    while (p > 0 && end - p <= TOKEN_MAX) {
        size_t q = char_before(text, p);
        if (is_space(char_at(text, len, q, &w)))
            break;
        p = q;
    }
    if (p > 0 && end - p > TOKEN_MAX)
        return t;
    while (p < end) {
        c = char_at(text, len, p, &w);
        if (!(c == '(' || c == '[' || c == 0x201E || c == 0x201A || is_closer(c)))
            break;
        p += w;
    }
    t.off = p;
    t.len = end - p;
    if (!t.len)
        return t;
    for (i = p; i < end; i += w) {
        c = char_at(text, len, i, &w);
        if (is_digit(c)) {
            digits++;
            if (t.groups == 0)
                t.groups = 1;
            if (digits <= 4) {
                if (t.groups == 1)
                    t.first = t.first * 10 + (c - '0');
                else if (t.groups == 2)
                    t.second = t.second * 10 + (c - '0');
            }
            shape_init = false;
            prev_dot = false;
        } else if (c == '.') {
            if (prev_dot)
                shape_num = shape_init = false;
            if (digits) {
                t.groups++;
                digits = 0;
            }
            dots++;
            prev_dot = true;
        } else if (is_letter(c)) {
            shape_num = false;
            if (!prev_dot)
                shape_init = false;
            letters++;
            t.upper = is_upper(c);
            prev_dot = false;
        } else {
            shape_num = shape_init = false;
        }
    }
    if (shape_num && !prev_dot && t.groups) {
        t.kind = TOK_NUMBER;
        t.last_digits = digits;
        if (t.groups == 1)
            t.second = 0;
    } else if (shape_init && !prev_dot && letters == 1 && !dots) {
        t.kind = TOK_LETTER;
    } else if (shape_init && !prev_dot && letters > 1) {
        t.kind = TOK_INITIALS;
    }
    return t;
}

static bool is_roman(const char *s, size_t n)
{
    size_t i;

    if (n < 2 || n > 8)
        return false;
    for (i = 0; i < n; i++)
        if (!strchr("IVXLCDM", s[i]))
            return false;
    return true;
}

/* ---- ordinals and dates --------------------------------------------- */

/* Digits at text[p]: how many (up to 5), and whether a dot follows. */
static size_t digits_at(const char *text, size_t len, size_t p, bool *dot_after)
{
    size_t q = p;

    while (q < len && q - p < 5 && is_digit((unsigned char)text[q]))
        q++;
    *dot_after = q < len && text[q] == '.';
    return q - p;
}

/* Is the word before the token t (across a few spaces) a determiner? */
static bool determiner_before(const char *text, size_t len, const token *t)
{
    char word[16];
    size_t p = t->off, end, w;

    while (p > 0 && t->off - p < 4 && (text[p - 1] == ' ' || text[p - 1] == '\t'))
        p--;
    if (p == t->off)
        return false;
    end = p;
    while (p > 0 && end - p < sizeof word) {
        size_t q = char_before(text, p);
        if (!is_letter(char_at(text, len, q, &w)))
            break;
        p = q;
    }
    if (p == end || end - p >= sizeof word ||
        (p > 0 && is_letter(char_at(text, len, char_before(text, p), &w))))
        return false;
    memcpy(word, text + p, end - p);
    if (word[0] >= 'A' && word[0] <= 'Z')
        word[0] = (char)(word[0] + ('a' - 'A'));
    return word_in(determiners, word, end - p);
}

/* Is the number token t (ending right before a dot) followed by white space
 * and then text[nx] the ordinal part of a date or a counted noun, so that
 * the dot does not end the sentence? */
static bool ordinal_binds(const char *text, size_t len, const token *t, size_t nx)
{
    size_t w, wl, nd;
    uint32_t c = char_at(text, len, nx, &w);
    bool dot_after;

    if (t->groups == 2 && t->first >= 1 && t->first <= 31 && t->second >= 1 && t->second <= 12 &&
        t->len <= 5) {
        /* "28.10." */
        if (!is_upper(c))
            return true;
        wl = word_at(text, len, nx);
        return !(wl && word_in(openers, text + nx, wl));
    }
    if (t->groups != 1 || t->last_digits > DIGITS_MAX)
        return false;
    if (is_lower(c))
        return true; /* "am 1. und 2. Mai", "der 3. große Wurf" */
    if (is_upper(c) && determiner_before(text, len, t))
        return true; /* "die 1. Vorsitzende" */
    if (is_digit(c)) {
        nd = digits_at(text, len, nx, &dot_after);
        if (t->last_digits > 2 || t->first < 1 || t->first > 31)
            return false;
        if (nd <= 2 && dot_after)
            return true; /* "28. 10." */
        if (nd == 4 || nd == 2) {
            /* "28. 10. 2025": this token is the month after a day */
            size_t p = t->off;
            while (p > 0 && t->off - p < 4 && (text[p - 1] == ' ' || text[p - 1] == '\t'))
                p--;
            if (p > 0 && text[p - 1] == '.' && p >= 2 && is_digit((unsigned char)text[p - 2]))
                return t->first <= 12;
        }
        return false;
    }
    if (!is_upper(c) || !(wl = word_at(text, len, nx)))
        return false;
    if (t->last_digits <= 2 &&
        (word_in(months, text + nx, wl) || word_in(month_abbrevs, text + nx, wl)))
        return true;
    return stem_in(ordinal_heads, text + nx, wl, true) ||
           stem_in(ordinal_nouns, text + nx, wl, false);
}

/* ---- list items ------------------------------------------------------- */

/* When a list item starts at text[p] (the first non-space character of a
 * line), the length of its bullet and the spaces after it; else 0. A bullet
 * needs a space after it and text after that on the same line. */
static size_t bullet_len(const char *text, size_t len, size_t p)
{
    size_t q = p, w, nd = 0;
    uint32_t c = char_at(text, len, p, &w);
    bool dot = false;

    if (is_bullet(c)) {
        q += w;
    } else if (is_digit(c)) {
        while (q < len && is_digit((unsigned char)text[q]) && nd <= DIGITS_MAX) {
            q++;
            nd++;
        }
        if (nd > DIGITS_MAX || q >= len || (text[q] != '.' && text[q] != ')'))
            return 0;
        dot = text[q] == '.';
        q++;
    } else {
        return 0;
    }
    if (q >= len || !is_blank(char_at(text, len, q, &w)))
        return 0;
    while (q < len && is_blank(char_at(text, len, q, &w)))
        q += w;
    if (q >= len || text[q] == '\n')
        return 0;
    if (dot) {
        token t = token_before(text, len, p + nd);
        if (ordinal_binds(text, len, &t, q))
            return 0; /* "1. Mai", "3. Quartal" open a sentence */
    }
    return q - p;
}

/* ---- the splitter ----------------------------------------------------- */

typedef struct {
    const abg_abbrevs *abbrevs;
    const char *text;
    size_t len;
    size_t start;    /* first byte of the open sentence, or NONE */
    size_t end;      /* end of its last non-space character */
    bool line_start; /* only white space since the last line break */
    abg_span *spans;
    size_t n, cap;
} splitter;

/* Close the open sentence, if any, at s->end. */
static int emit(splitter *s)
{
    if (s->start == NONE)
        return 0;
    if (s->end > s->start) {
        if (s->n == s->cap) {
            size_t cap = s->cap ? s->cap * 2 : 64;
            abg_span *spans;
            if (cap > SIZE_MAX / sizeof *spans)
                return ABG_ENOMEM;
            if (!(spans = realloc(s->spans, cap * sizeof *spans)))
                return ABG_ENOMEM;
            s->spans = spans;
            s->cap = cap;
        }
        s->spans[s->n].off = s->start;
        s->spans[s->n].len = s->end - s->start;
        s->n++;
    }
    s->start = NONE;
    return 0;
}

/* The white space from text[p]: where it ends (*next) and how many line
 * breaks it holds; two mean an empty line. */
static size_t skip_space(const splitter *s, size_t p, size_t *next)
{
    size_t breaks = 0, w;
    uint32_t c;

    while (p < s->len && is_space(c = char_at(s->text, s->len, p, &w))) {
        if (c == '\n')
            breaks++;
        p += w;
    }
    *next = p;
    return breaks;
}

/* Does the line whose last non-space character ends at text[end-1] go on
 * in the next line (comma, hyphen, opening quote, "und" ...)? */
static bool line_continues(const splitter *s, size_t end)
{
    const char *text = s->text;
    size_t p, w, q;
    uint32_t c;

    if (end == 0)
        return false;
    p = char_before(text, end);
    c = char_at(text, s->len, p, &w);
    if (c == ',' || c == ';' || c == '-' || c == '&' || c == '/' || c == '(' || c == '[' ||
        c == '{' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014 || c == 0x201E ||
        c == 0x201A)
        return true;
    if (is_closer(c) && c != ')' && c != ']' && c != '}')
        return p == 0 || is_space(char_at(text, s->len, char_before(text, p), &w));
    if (!is_letter(c))
        return false;
    q = p;
    while (q > 0 && end - q <= WORD_MAX) {
        size_t r = char_before(text, q);
        if (!is_letter(char_at(text, s->len, r, &w)))
            break;
        q = r;
    }
    return end - q <= WORD_MAX && word_in(joiners, text + q, end - q);
}

/* At a line break (text[p] == '\n'): end the open sentence there if the
 * line rules say so. Returns where scanning goes on. */
static int at_line_break(splitter *s, size_t p, size_t *resume)
{
    size_t nx, breaks = skip_space(s, p, &nx), w;
    int err = 0;

    *resume = nx;
    s->line_start = true;
    if (s->start == NONE)
        return 0;
    if (nx == s->len || breaks >= 2 || bullet_len(s->text, s->len, nx) > 0)
        return emit(s);
    if (line_continues(s, s->end))
        return 0;
    if (classify(char_at(s->text, s->len, nx, &w)) == NEXT_START)
        err = emit(s);
    return err;
}

typedef enum { STOP_KEEP, STOP_SPLIT } stop_verdict;

/* The length of the abbreviation that ends with the dot at text[dot], or 0.
 * Every entry has a letter before its dot, so other dots are not looked up.
 * The look-up sees only the last ABBREV_VIEW bytes, from just after a
 * space (so a match at the start of the view starts a word): it walks
 * back up to 80 bytes, which makes "Ja. Ja. Ja. ..." slow otherwise. */
static size_t abbrev_at(const splitter *s, size_t dot)
{
    const char *text = s->text;
    size_t end = dot + 1, view = 0, p, w;

    if (dot == 0 || !is_letter(char_at(text, s->len, char_before(text, dot), &w)))
        return 0;
    if (end > ABBREV_VIEW) {
        for (p = end - ABBREV_VIEW; p < dot; p++)
            if (text[p] == ' ' || text[p] == '\t' || text[p] == '\n')
                break;
        if (p == dot)
            return 0; /* a word longer than any abbreviation */
        view = p + 1;
    }
    return abg_abbrev_before(s->abbrevs, text + view, end - view);
}

/* Decide about a single dot at text[dot] followed by white space, the next
 * sentence candidate at nx (class nc), `breaks` line breaks between. */
static stop_verdict judge_dot(const splitter *s, size_t dot, size_t nx, next_class nc,
                              size_t breaks)
{
    const char *text = s->text;
    size_t ab = abbrev_at(s, dot), w;
    uint32_t c = char_at(text, s->len, nx, &w);
    token t;

    if (ab > 0) {
        if (is_ender(text + dot + 1 - ab, ab))
            return nc == NEXT_START && !is_digit(c) ? STOP_SPLIT : STOP_KEEP;
        return breaks && nc == NEXT_START ? STOP_SPLIT : STOP_KEEP;
    }
    t = token_before(text, s->len, dot);
    switch (t.kind) {
    case TOK_NUMBER:
        return ordinal_binds(text, s->len, &t, nx) ? STOP_KEEP : STOP_SPLIT;
    case TOK_LETTER:
        if (breaks && nc == NEXT_START)
            return STOP_SPLIT;
        if (!t.upper || nc == NEXT_LOWER)
            return STOP_KEEP; /* "d. h.", "Ludwig I. war" */
        if (is_upper(c)) {
            size_t wl = word_at(text, s->len, nx);
            /* a letter chain goes on ("G. m. b. H."); else an initial unless
             * a usual sentence opener follows ("Plan B. Die") */
            if (nx + 1 < s->len && text[nx + 1] == '.')
                return STOP_KEEP;
            return wl && word_in(openers, text + nx, wl) ? STOP_SPLIT : STOP_KEEP;
        }
        return STOP_SPLIT;
    case TOK_INITIALS:
        if (!breaks && is_upper(c))
            return STOP_KEEP; /* "J.R.R. Tolkien" */
        return STOP_SPLIT;
    default:
        if (nc == NEXT_LOWER && is_roman(text + t.off, t.len))
            return STOP_KEEP; /* "Papst Leo XIV. sagte" */
        return STOP_SPLIT;
    }
}

/* At a stop character (text[p]) inside an open sentence: read the stop with
 * the closing quotes and brackets after it, and end the sentence after them
 * if the rules say so. Returns where scanning goes on. */
static int at_stop(splitter *s, size_t p, size_t *resume)
{
    const char *text = s->text;
    size_t len = s->len, q = p, w, nx, breaks, dots = 0;
    bool question = false, ellipsis = false, closer = false, late_stop = false;
    bool content_before = s->start < p;
    stop_verdict v;
    next_class nc;
    uint32_t c;

    while (q < len) {
        c = char_at(text, len, q, &w);
        if (is_stop(c)) {
            late_stop = late_stop || closer;
            if (c == '.')
                dots++;
            else if (c == 0x2026)
                ellipsis = true;
            else
                question = true;
        } else if (is_closer(c)) {
            closer = true;
        } else {
            break;
        }
        q += w;
    }
    s->end = q;
    *resume = q;
    if (q < len && !is_space(char_at(text, len, q, &w)))
        return 0; /* 32.5, heise.de, „Nein!“, sagte er */
    breaks = skip_space(s, q, &nx);
    if (nx == len || breaks >= 2 || (breaks && bullet_len(text, len, nx) > 0)) {
        *resume = nx;
        s->line_start = breaks > 0;
        return emit(s);
    }
    if (!content_before)
        return 0; /* a stop that opens a sentence ends nothing */
    nc = classify(char_at(text, len, nx, &w));
    if (nc == NEXT_CONT)
        return 0;
    ellipsis = !question && (ellipsis || dots > 1);
    if (late_stop) {
        v = STOP_SPLIT; /* „Wie weiter?“. */
    } else if (question) {
        v = nc == NEXT_LOWER ? STOP_KEEP : STOP_SPLIT;
    } else if (ellipsis) {
        c = p > 0 ? char_at(text, len, char_before(text, p), &w) : 0;
        if (c == '(' || c == '[')
            return 0; /* "[…]" marks left-out words */
        v = nc == NEXT_LOWER ? STOP_KEEP : STOP_SPLIT;
    } else if (closer) {
        /* „Nein.“ closes its sentence; "(vgl. S. 3 ff.) und" and "(12.) und"
         * do not */
        v = STOP_SPLIT;
        if (nc == NEXT_LOWER) {
            token t = token_before(text, len, p);
            if (abbrev_at(s, p) ||
                (t.kind == TOK_NUMBER && t.groups == 1 && t.last_digits <= DIGITS_MAX))
                v = STOP_KEEP;
        }
    } else {
        v = judge_dot(s, p, nx, nc, breaks);
    }
    *resume = nx;
    s->line_start = breaks > 0;
    if (v == STOP_SPLIT)
        return emit(s);
    return 0;
}

/* Whether text[p] starts a character that is neither white space nor a
 * stop: printable ASCII but . ! ?, or a Latin-1 letter (U+00C0..U+00FF,
 * two bytes). Such a character inside a sentence only moves its end. */
static inline bool plain_at(const char *text, size_t len, size_t p)
{
    /* bits of the printable ASCII characters but ! . ? (0x21..0x3F, then
     * 0x40..0x7E) */
    static const uint64_t lo = (~0ULL << 33) & ~(1ULL << '!') & ~(1ULL << '.') & ~(1ULL << '?');
    static const uint64_t hi = ~0ULL >> 1;
    unsigned char b = (unsigned char)text[p];

    if (b < 0x40)
        return (lo >> b) & 1;
    if (b < 0x80)
        return (hi >> (b - 0x40)) & 1;
    return b == 0xC3 && p + 1 < len && ((unsigned char)text[p + 1] & 0xC0) == 0x80;
}

/* The pass from `from` on: every sentence that starts before `to`, and
 * the one open at `to` to its end. */
static int split(splitter *s, size_t from, size_t to)
{
    const char *text = s->text;
    size_t len = s->len, p = from, w, m;
    int err;
    uint32_t c;

    while (p < len && (p < to || s->start != NONE)) {
        if (s->start != NONE && plain_at(text, len, p)) {
            /* inside a sentence, letters and most punctuation only extend
             * it, and single blanks between them change nothing */
            do {
                p += (unsigned char)text[p] < 0x80 ? 1 : 2;
                s->end = p;
                if (p + 1 < len && text[p] == ' ' && plain_at(text, len, p + 1))
                    p++;
            } while (p < len && plain_at(text, len, p));
            continue;
        }
        c = char_at(text, len, p, &w);
        if (c == '\n') {
            if ((err = at_line_break(s, p, &p)) < 0)
                return err;
            continue;
        }
        if (is_space(c)) {
            p += w;
            continue;
        }
        if (s->start == NONE) {
            if (s->line_start && (m = bullet_len(text, len, p)) > 0) {
                p += m;
                c = char_at(text, len, p, &w);
            }
            s->start = p;
        }
        s->line_start = false;
        if (is_stop(c)) {
            if ((err = at_stop(s, p, &p)) < 0)
                return err;
            continue;
        }
        p += w;
        s->end = p;
    }
    return emit(s);
}

int abg_sentences_split(abg_span **out, size_t *n, const abg_abbrevs *abbrevs, const char *text,
                        size_t len)
{
    splitter s = {abbrevs, text, len, NONE, 0, true, NULL, 0, 0};
    int err;

    *out = NULL;
    *n = 0;
    if (!text)
        return 0;
    if ((err = split(&s, 0, len)) < 0) {
        free(s.spans);
        return err;
    }
    *out = s.spans;
    *n = s.n;
    return 0;
}

/* An empty line ends every sentence and leaves the pass as it starts, so
 * the pass may start at a paragraph as well as at the text's start. */
static bool paragraph_start(const char *text, size_t len, size_t p)
{
    return p == 0 || p >= len || (text[p - 1] == '\n' && text[p] == '\n');
}

int abg_sentences_split_range(abg_span **spans, size_t *n, size_t *cap,
                              const abg_abbrevs *abbrevs, const char *text, size_t len,
                              size_t from, size_t to)
{
    splitter s = {abbrevs, text, len, NONE, 0, true, *spans, 0, *cap};
    int err;

    *n = 0;
    if (!text || from >= to)
        return 0;
    if (!paragraph_start(text, len, from) || !paragraph_start(text, len, to))
        return ABG_EUSAGE;
    err = split(&s, from, to);
    *spans = s.spans;
    *cap = s.cap;
    *n = s.n;
    return err;
}
