/*
 * tokenize.c: tokens of German news text, as spans into it.
 *
 * In:  UTF-8 text (a document's body) and, optionally, the abbreviation
 *      list (abbrev.c).
 * Out: an array of abg_token, malloc'ed, owned by the caller (free() it;
 *      never NULL on success, even without tokens). Tokens are in text
 *      order, never overlap, and copy nothing: each is an offset and a
 *      length into the text.
 *
 * One pass, left to right, no recursion. Every look-ahead is either bounded
 * by a constant or remembered (the e-mail and domain checks), so the time
 * is linear in the length of the text, whatever it holds.
 *
 * Characters are classified here with small exact checks, not with the C
 * locale or Unicode tables: ASCII letters, U+00C0-U+02FF except U+00D7 and
 * U+00F7, the micro sign, and any code point from U+0370 up that is not
 * in a punctuation, space or symbol block (U+2000-U+2BFF, U+2E00-U+2E7F,
 * U+3000-U+303F, private use, specials, emoji) are letters; only ASCII
 * digits are digits. Capitals: A-Z, U+00C0-U+00DE except U+00D7, Latin
 * Extended-A by its alternating pattern, the capitals of Latin Extended-B
 * U+0200-U+0233, of Latin Extended Additional (with capital sharp s U+1E9E),
 * Greek and basic Cyrillic. Sharp s is small.
 *
 * Decisions the later stages rely on:
 *  - White space (ASCII, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028,
 *    U+2029, U+202F, U+205F, U+3000) separates tokens. Invisible characters
 *    (soft hyphen, U+200B-U+200F, U+202A-U+202E, U+2060-U+206F, U+FEFF)
 *    between two characters of a word belong to the word; elsewhere they are
 *    skipped like white space. Combining marks belong to the character
 *    before them.
 *  - Words may join parts with "-", U+2010 or U+2011 into one COMPOUND
 *    token: after a part with letters any part may follow (GPT-5,
 *    COVID-19-Pandemie); after a number a part with letters ("250-Milliarden-
 *    Verpflichtung"), never a number: "2024-2025" is NUMBER PUNCT NUMBER.
 *    Truncated compounds keep their hyphen and are COMPOUND: "Inferenz-"
 *    when followed by ",", "/", the end, or white space and a linking word
 *    (und, oder, bzw., sowie, bis, ...); "-bedingungen" when the hyphen
 *    follows white space or an opening bracket and precedes a small letter.
 *  - A plain digit run followed directly by a letter is a word: "5G",
 *    "1990er", "3D-Druck". A number with separators is not: "13,5Mrd" is
 *    NUMBER WORD.
 *  - CAPITAL: the first letter or digit of the token is a capital letter.
 *    INNERCAP: a capital letter that is not the first letter of its part
 *    (parts are split by hyphens, and in abbreviations by dots and spaces),
 *    so "OpenAI" and also "AGI" have it, "Azure-Verpflichtung" has not.
 *    ALLCAPS: two or more letters, all capitals. All three are computed
 *    on the base (without a possessive ending), so "SAPs" is ALLCAPS.
 *  - POSSESSIVE (base_len < len) is set only where the spelling shows it:
 *    a capitalised word with "'s" / "’s" ("OpenAI’s"; base without the
 *    apostrophe and s; small "geht’s" is a contraction and not flagged, but
 *    "Geht’s" at the start of a sentence is), a capitalised word with a
 *    trailing apostrophe ("Altman’", "Hans’"; base without the apostrophe;
 *    small "hab’" keeps it in its base), and a word whose
 *    last part ends in a capital and a small "s" after at least two letters
 *    ("OpenAIs", "SAPs"; also the plural "APIs", whose base "API" is right
 *    too). "Microsofts" is NOT flagged: spelling cannot tell it from a word
 *    that ends in s; later stages that know the name "Microsoft" decide.
 *    A trailing apostrophe is a closing quote instead (PUNCT) while a single
 *    quote opened earlier in the same line is still open: 'Deal'.
 *  - Numbers: digits with ".", ",", ":" or "/" between digits ("1.000.000,50",
 *    "28.10.2025", "2024/25", "14:30", "3.5"), and an apostrophe before
 *    exactly three digits (Swiss "1’000"). A "-", "+" or U+2212 directly
 *    before a digit is part of the number after white space, the start, an
 *    opening bracket or quote. The dot of an ordinal ("28. Oktober") is
 *    never part of the number: the sentence splitter decides what it is.
 *  - Abbreviations: a word followed by "." that abg_abbrev_before finds, the
 *    longest match over up to four further short parts ("z. B.", "i. d. R.",
 *    inner spaces included), is one ABBREV token. Not with abbrevs NULL,
 *    and not before "..": "usw..." is WORD PUNCT.
 *  - URLs: http://, https://, www., and bare host names whose last label is
 *    a common top-level domain in small letters ("heise.de", "openai.com",
 *    with a path after "/"). E-mail: local@domain.tld. A trailing . , ; : ! ?
 *    … is not part of a URL, nor a ")" or "]" without its opening one;
 *    white space, quotes and < > end it.
 *  - Punctuation is one PUNCT token per character, except runs of two or
 *    more "." (an ellipsis) or "-" (a dash), which are one token each.
 *  - Everything else is a SYMBOL of one character with any combining marks
 *    after it. Invalid UTF-8 is a caller bug; each bad byte becomes a
 *    SYMBOL token of length 1 (cheap, and keeps the rest usable).
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "utf8.h"

#define CP_END 0x110000u /* past the end of the text */
#define CP_BAD 0x110001u /* a byte that is not well-formed UTF-8 */

/* How far the abbreviation look-ahead goes: parts after the first ("i. d.
 * R." has two), letters per part, spaces before a part. */
#define ABBREV_MORE_PARTS 4
#define ABBREV_PART_LETTERS 8
#define ABBREV_SPACES 3

/* White space skipped when looking for the linking word after a truncated
 * compound ("Inferenz- und"). */
#define TRUNC_SPACES 8

enum { CL_SPACE, CL_IGNORE, CL_MARK, CL_LETTER, CL_DIGIT, CL_OTHER };

typedef struct {
    const unsigned char *s;
    size_t len;
    const abg_abbrevs *abbrevs;
    abg_token *tok;
    size_t n, cap;
    size_t email_miss;  /* no e-mail address starts before this offset */
    size_t domain_miss; /* no bare host name starts before this offset */
    bool boundary;      /* before the cursor: start, white space, opening bracket */
    bool squote;        /* a single quote is open on this line */
} tokenizer;

static int cls(uint32_t c)
{
    if (c < 0x80) {
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            return CL_LETTER;
        if (c >= '0' && c <= '9')
            return CL_DIGIT;
        if (c == ' ' || (c >= 0x09 && c <= 0x0D))
            return CL_SPACE;
        return CL_OTHER;
    }
    if (c < 0xC0) {
        if (c == 0x85 || c == 0xA0)
            return CL_SPACE;
        if (c == 0xAD)
            return CL_IGNORE;
        return c == 0xB5 ? CL_LETTER : CL_OTHER;
    }
    if (c < 0x300)
        return c == 0xD7 || c == 0xF7 ? CL_OTHER : CL_LETTER;
    if (c < 0x370)
        return CL_MARK;
    if (c < 0x2000) {
        if (c == 0x37E || c == 0x387)
            return CL_OTHER; /* Greek question mark, ano teleia */
        if (c == 0x1680)
            return CL_SPACE;
        if (c == 0x180E)
            return CL_IGNORE;
        if ((c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF))
            return CL_MARK;
        return CL_LETTER;
    }
    if (c < 0x2C00) {
        if (c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F)
            return CL_SPACE;
        if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
            (c >= 0x2060 && c <= 0x206F))
            return CL_IGNORE;
        return CL_OTHER;
    }
    if (c >= 0x2E00 && c <= 0x2E7F)
        return CL_OTHER;
    if (c >= 0x3000 && c <= 0x303F)
        return c == 0x3000 ? CL_SPACE : CL_OTHER;
    if (c >= 0xE000 && c <= 0xF8FF)
        return CL_OTHER;
    if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F))
        return CL_MARK;
    if (c >= 0xFE10 && c <= 0xFE6F)
        return CL_OTHER;
    if (c == 0xFEFF)
        return CL_IGNORE;
    if ((c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
        (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
        (c >= 0xFFF0 && c <= 0xFFFF))
        return CL_OTHER; /* fullwidth punctuation, specials */
    if (c >= 0x1F000 && c <= 0x1FAFF)
        return CL_OTHER;
    if (c >= 0xE0000 && c <= 0xE007F)
        return CL_IGNORE;
    if (c >= 0xE0100 && c <= 0xE01EF)
        return CL_MARK;
    if (c >= 0xF0000)
        return CL_OTHER; /* private use planes, CP_END, CP_BAD */
    return CL_LETTER;
}

static bool is_upper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    if (c < 0x100)
        return c >= 0xC0 && c <= 0xDE && c != 0xD7;
    if (c < 0x180) {
        if (c <= 0x137 || (c >= 0x14A && c <= 0x177))
            return !(c & 1);
        if (c >= 0x139 && c <= 0x148)
            return c & 1;
        return c == 0x178 || c == 0x179 || c == 0x17B || c == 0x17D;
    }
    if (c >= 0x200 && c <= 0x233)
        return !(c & 1);
    if (c >= 0x386 && c <= 0x3AB)
        return c != 0x387 && c != 0x38B && c != 0x38D && c != 0x390 && c != 0x3A2;
    if (c >= 0x400 && c <= 0x42F)
        return true;
    if (c >= 0x1E00 && c <= 0x1EFF)
        return c <= 0x1E95 || c >= 0x1EA0 ? !(c & 1) : c == 0x1E9E;
    return false;
}

/* "-", U+2010 hyphen, U+2011 non-breaking hyphen: the joiners of compounds. */
static bool is_hyphen(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

static bool is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019;
}

static bool is_alnum_cls(int k)
{
    return k == CL_LETTER || k == CL_DIGIT;
}

static bool is_ascii_alnum(unsigned char b)
{
    return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

static bool is_digit_at(const tokenizer *t, size_t i)
{
    return i < t->len && t->s[i] >= '0' && t->s[i] <= '9';
}

static bool is_punct(uint32_t c)
{
    /* clang-format off */
    switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?':
    case '(': case ')': case '[': case ']': case '{': case '}':
    case '"': case '\'': case '-': case '/':
    case 0xA1: case 0xAB: case 0xBB: case 0xBF:           /* ¡ « » ¿ */
    case 0x2010: case 0x2011: case 0x2012: case 0x2013:   /* hyphens, dashes */
    case 0x2014: case 0x2015:
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:   /* single quotes */
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:   /* double quotes */
    case 0x2026: case 0x2039: case 0x203A:                /* … ‹ › */
        return true;
    default:
        return false;
    }
    /* clang-format on */
}

/* After these a sign belongs to the number and an apostrophe opens a quote. */
static bool is_opening(uint32_t c)
{
    return c == '(' || c == '[' || c == '{' || c == 0x201E || c == 0x201A || c == 0xAB ||
           c == 0xBB || c == 0x2039 || c == 0x203A;
}

/* The code point at s[i], its byte length in *w: CP_END (w = 0) at the end,
 * CP_BAD (w = 1) for a byte that does not start well-formed UTF-8. */
static uint32_t cp_at(const tokenizer *t, size_t i, size_t *w)
{
    const unsigned char *s = t->s + i;
    size_t k;

    if (i >= t->len) {
        *w = 0;
        return CP_END;
    }
    if (s[0] < 0x80) {
        *w = 1;
        return s[0];
    }
    k = abg_utf8_seqlen(s, t->len - i);
    *w = k ? k : 1;
    switch (k) {
    case 2:
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3Fu);
    case 3:
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3Fu);
    case 4:
        return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
               ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3Fu);
    default:
        return CP_BAD;
    }
}

static int cls_at(const tokenizer *t, size_t i, size_t *w)
{
    return cls(cp_at(t, i, w));
}

/* The spaces abbrev.c allows inside "z. B.": space, no-break, narrow
 * no-break and thin space. Returns the width at s[i], or 0. */
static size_t abbrev_space_at(const tokenizer *t, size_t i)
{
    size_t w;
    uint32_t c = cp_at(t, i, &w);

    return c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009 ? w : 0;
}

static int push(tokenizer *t, size_t off, size_t end, size_t base_end, int kind, unsigned flags)
{
    abg_token *tok;

    if (end - off > UINT32_MAX)
        return ABG_ELIMIT;
    if (t->n == t->cap) {
        size_t cap = t->cap * 2;
        abg_token *p;
        if (cap > SIZE_MAX / sizeof *p)
            return ABG_ENOMEM;
        if (!(p = realloc(t->tok, cap * sizeof *p)))
            return ABG_ENOMEM;
        t->tok = p;
        t->cap = cap;
    }
    tok = &t->tok[t->n++];
    tok->off = off;
    tok->len = (uint32_t)(end - off);
    tok->base_len = (uint32_t)(base_end - off);
    tok->kind = (uint16_t)kind;
    tok->flags = (uint16_t)flags;
    return 0;
}

/* ---- numbers and words ------------------------------------------------- */

static size_t skip_digits(const tokenizer *t, size_t i)
{
    while (is_digit_at(t, i))
        i++;
    return i;
}

/* The end of the number that starts with the digit at i. *plain says
 * whether it is digits only. */
static size_t scan_number(const tokenizer *t, size_t i, bool *plain)
{
    const unsigned char *s = t->s;
    size_t w;

    *plain = true;
    i = skip_digits(t, i);
    for (;;) {
        if (i < t->len && (s[i] == '.' || s[i] == ',' || s[i] == ':' || s[i] == '/') &&
            is_digit_at(t, i + 1)) {
            i = skip_digits(t, i + 1);
            *plain = false;
        } else if (is_apostrophe(cp_at(t, i, &w)) && is_digit_at(t, i + w) &&
                   is_digit_at(t, i + w + 1) && is_digit_at(t, i + w + 2) &&
                   !is_digit_at(t, i + w + 3)) {
            i += w + 3; /* Swiss thousands: 1’000 */
            *plain = false;
        } else {
            return i;
        }
    }
}

/* The end of a run of letters and digits from i (which holds one), with
 * combining marks, invisible characters between two of them, and
 * apostrophes between a letter or digit and a letter (O’Brien, OpenAI’s). */
static size_t scan_alnum(const tokenizer *t, size_t i)
{
    size_t w, w2, j;

    for (;;) {
        uint32_t c;
        int k;
        while (i < t->len && is_ascii_alnum(t->s[i]))
            i++;
        c = cp_at(t, i, &w);
        k = cls(c);
        if (k == CL_LETTER || k == CL_DIGIT || k == CL_MARK) {
            i += w;
        } else if (k == CL_IGNORE) {
            for (j = i + w; cls_at(t, j, &w2) == CL_IGNORE; j += w2)
                ;
            k = cls_at(t, j, &w2);
            if (!is_alnum_cls(k) && k != CL_MARK)
                return i; /* trailing: skipped as white space */
            i = j;
        } else if (is_apostrophe(c) && cls_at(t, i + w, &w2) == CL_LETTER) {
            i += w;
        } else {
            return i;
        }
    }
}

/* Is the hyphen that ends just before j the end of a truncated compound:
 * "Inferenz- und", "Hard-, Soft- und", "Ein-/Ausgang"? */
static bool truncated_at(const tokenizer *t, size_t j)
{
    /* clang-format off */
    static const char *const links[] = {
        "und", "oder", "bzw", "sowie", "bis", "als", "wie", "noch", "u", "od", "&",
        "respektive", "beziehungsweise", "versus", "vs", "statt", "anstatt", "sowohl"};
    /* clang-format on */
    size_t w, k, spaces = 0;
    uint32_t c = cp_at(t, j, &w);

    if (c == CP_END || c == ',' || c == '/')
        return true;
    while (cls(c) == CL_SPACE && spaces < TRUNC_SPACES) {
        j += w;
        spaces++;
        c = cp_at(t, j, &w);
    }
    if (!spaces)
        return false;
    for (k = 0; k < sizeof links / sizeof *links; k++) {
        size_t n = strlen(links[k]);
        if (t->len - j >= n && !memcmp(t->s + j, links[k], n) &&
            !is_alnum_cls(cls_at(t, j + n, &w)))
            return true;
    }
    return false;
}

/* Is text[start..end) an abbreviation of the list? Only that slice is
 * passed, so that the look-back of abg_abbrev_before stays as short as the
 * candidate ("a.a.a.a..." would otherwise cost 80 bytes a dot, five times). */
static bool abbrev_covers(const tokenizer *t, size_t start, size_t end)
{
    return abg_abbrev_before(t->abbrevs, (const char *)t->s + start, end - start) == end - start;
}

/* The end of the longest abbreviation that starts with the word at `start`
 * and whose first dot is at `dot`, or 0. */
static size_t abbrev_end(const tokenizer *t, size_t start, size_t dot)
{
    size_t e = dot + 1, best = 0, k, w;

    if (abbrev_covers(t, start, e))
        best = e;
    for (k = 0; k < ABBREV_MORE_PARTS; k++) {
        size_t j = e, spaces = 0, letters = 0;
        while (spaces < ABBREV_SPACES && (w = abbrev_space_at(t, j)) > 0) {
            j += w;
            spaces++;
        }
        while (letters < ABBREV_PART_LETTERS && cls_at(t, j, &w) == CL_LETTER) {
            j += w;
            letters++;
        }
        if (!letters || j >= t->len || t->s[j] != '.' || (j + 1 < t->len && t->s[j + 1] == '.'))
            break;
        e = j + 1;
        if (abbrev_covers(t, start, e))
            best = e;
    }
    return best;
}

/* CAPITAL, INNERCAP and ALLCAPS of text[i..end) (see the file comment). */
static unsigned case_flags(const tokenizer *t, size_t i, size_t end)
{
    bool first = true, part_start = true;
    size_t letters = 0, capitals = 0, w;
    unsigned flags = 0;

    while (i < end) {
        uint32_t c;
        int k;
        unsigned char b = t->s[i];
        if (b < 0x80) { /* the common case, without decoding */
            c = b;
            i++;
            k = (b | 0x20) >= 'a' && (b | 0x20) <= 'z' ? CL_LETTER
                : b >= '0' && b <= '9'                 ? CL_DIGIT
                                                       : CL_OTHER;
        } else {
            c = cp_at(t, i, &w);
            k = cls(c);
            i += w;
        }
        if (k == CL_LETTER) {
            bool up = is_upper(c);
            if (first && up)
                flags |= ABG_TOKF_CAPITAL;
            if (!part_start && up)
                flags |= ABG_TOKF_INNERCAP;
            letters++;
            capitals += up;
            first = part_start = false;
        } else if (k == CL_DIGIT) {
            first = false;
        } else if (k != CL_MARK && k != CL_IGNORE && !is_apostrophe(c)) {
            part_start = true;
        }
    }
    if (letters >= 2 && capitals == letters)
        flags |= ABG_TOKF_ALLCAPS;
    return flags;
}

/* Does the part text[part..end) end in a capital and a small "s" with at
 * least two letters before the s ("OpenAIs", "SAPs")? */
static bool caps_plus_s(const tokenizer *t, size_t part, size_t end)
{
    size_t letters = 0, i, w;

    if (end - part < 3 || t->s[end - 1] != 's' || t->s[end - 2] < 'A' || t->s[end - 2] > 'Z')
        return false;
    for (i = part; i < end - 1 && letters < 2; i += w)
        letters += cls_at(t, i, &w) == CL_LETTER;
    return letters >= 2;
}

/* Scan the word or number at i (a letter, a digit, or a hyphen before a
 * small letter) and push it, as WORD, NUMBER or ABBREV. Returns the end or
 * a negative error. */
static int word(tokenizer *t, size_t i, size_t *end_out)
{
    const unsigned char *s = t->s;
    size_t start = i, part, end, base, w, w2;
    bool compound = false, letters = false, part_letters, trunc = false, apos_end = false;
    unsigned flags = 0;
    int kind, err;
    uint32_t c;

    if (is_hyphen(cp_at(t, i, &w))) {
        i += w; /* "-bedingungen": the caller checked what follows */
        compound = true;
    }
    for (;;) {
        part = i;
        part_letters = cls_at(t, i, &w) == CL_LETTER;
        if (part_letters) {
            i = scan_alnum(t, i);
        } else {
            bool plain;
            i = scan_number(t, i, &plain);
            if (plain && cls_at(t, i, &w) == CL_LETTER) {
                i = scan_alnum(t, i); /* 5G, 1990er */
                part_letters = true;
            }
        }
        letters |= part_letters;
        if (!is_hyphen(cp_at(t, i, &w)))
            break;
        c = cp_at(t, i + w, &w2);
        if (cls(c) == CL_LETTER || (cls(c) == CL_DIGIT && part_letters)) {
            compound = true;
            i += w;
            continue;
        }
        if (part_letters && truncated_at(t, i + w)) {
            compound = trunc = true;
            i += w;
        }
        break;
    }
    end = base = i;
    if (part_letters && !trunc) {
        bool cap = is_upper(cp_at(t, start, &w));
        if (is_apostrophe(cp_at(t, i, &w)) && !t->squote) {
            base = end = i + w; /* Altman’, Hans’, hab’ */
            apos_end = true;
            if (cap) {
                base = i;
                flags |= ABG_TOKF_POSSESSIVE;
            }
        } else if (end - part >= 3 && s[end - 1] == 's' &&
                   (s[end - 2] == '\'' || (end - part >= 5 && s[end - 4] == 0xE2 &&
                                           s[end - 3] == 0x80 && s[end - 2] == 0x99))) {
            if (cap) {
                base = end - (s[end - 2] == '\'' ? 2 : 4); /* OpenAI’s */
                flags |= ABG_TOKF_POSSESSIVE;
            }
        } else if (caps_plus_s(t, part, end)) {
            base = end - 1; /* OpenAIs, SAPs */
            flags |= ABG_TOKF_POSSESSIVE;
        }
    }
    kind = letters ? ABG_TOK_WORD : ABG_TOK_NUMBER;
    if (letters && !trunc && !apos_end && t->abbrevs && end < t->len && s[end] == '.' &&
        !(end + 1 < t->len && s[end + 1] == '.')) {
        size_t e = abbrev_end(t, start, end);
        if (e) {
            end = base = e;
            kind = ABG_TOK_ABBREV;
            flags = 0;
            compound = false;
        }
    }
    if (kind != ABG_TOK_NUMBER)
        flags |= case_flags(t, start, base);
    if (compound)
        flags |= ABG_TOKF_COMPOUND;
    if ((err = push(t, start, end, base, kind, flags)) < 0)
        return err;
    *end_out = end;
    return 0;
}

/* ---- URLs, e-mail ------------------------------------------------------ */

/* Length of the ASCII prefix p (small letters) at i, ignoring case; or 0. */
static size_t prefix_at(const tokenizer *t, size_t i, const char *p)
{
    size_t n = strlen(p), k;

    if (t->len - i < n)
        return 0;
    for (k = 0; k < n; k++) {
        unsigned char b = t->s[i + k];
        if (b >= 'A' && b <= 'Z')
            b = (unsigned char)(b | 0x20);
        if (b != (unsigned char)p[k])
            return 0;
    }
    return n;
}

static bool url_stop(uint32_t c)
{
    int k = cls(c);

    return c == CP_END || c == CP_BAD || k == CL_SPACE || k == CL_IGNORE || c < 0x20 ||
           c == 0x7F || c == '<' || c == '>' || c == '"' || c == '`' || c == '\'' ||
           (c >= 0x2018 && c <= 0x201F) || c == 0xAB || c == 0xBB || c == 0x2039 || c == 0x203A;
}

/* The end of a URL whose path continues at i, without trailing punctuation;
 * `start` is where the URL starts. */
static size_t url_rest(const tokenizer *t, size_t start, size_t i)
{
    const unsigned char *s = t->s;
    size_t parens = 0, closes = 0, brackets = 0, bcloses = 0, w;
    uint32_t c;

    while (!url_stop(c = cp_at(t, i, &w))) {
        parens += c == '(';
        closes += c == ')';
        brackets += c == '[';
        bcloses += c == ']';
        i += w;
    }
    while (i > start) {
        unsigned char b = s[i - 1];
        if (b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?') {
            i--;
        } else if (b == ')' && closes > parens) {
            closes--;
            i--;
        } else if (b == ']' && bcloses > brackets) {
            bcloses--;
            i--;
        } else if (i - start >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 && b == 0xA6) {
            i -= 3; /* … */
        } else {
            break;
        }
    }
    return i;
}

/* The end of the URL with a scheme or "www." at i, or 0. */
static size_t url_at(const tokenizer *t, size_t i)
{
    size_t p, w;

    if (!(p = prefix_at(t, i, "https://")) && !(p = prefix_at(t, i, "http://")) &&
        !(p = prefix_at(t, i, "www.")))
        return 0;
    if (!is_alnum_cls(cls_at(t, i + p, &w)))
        return 0;
    return url_rest(t, i, i + p);
}

/* Is s[a..b) one of the top-level domains a bare host name may end in? */
static bool is_tld(const tokenizer *t, size_t a, size_t b)
{
    /* clang-format off */
    static const char *const tlds[] = {
        "de", "at", "ch", "li", "lu", "eu", "com", "org", "net", "info", "io", "ai",
        "gov", "edu", "fr", "it", "nl", "uk", "us", "es", "be", "dk", "se", "pl",
        "cz", "news", "online", "app", "dev", "tv"};
    /* clang-format on */
    size_t k;

    for (k = 0; k < sizeof tlds / sizeof *tlds; k++)
        if (strlen(tlds[k]) == b - a && !memcmp(t->s + a, tlds[k], b - a))
            return true;
    return false;
}

/* The end of a bare host name at i ("heise.de", "t-online.de/news"), or 0.
 * Remembers how far the failure reaches: any later start inside the same run
 * ends at the same place and fails too. */
static size_t domain_at(tokenizer *t, size_t i)
{
    const unsigned char *s = t->s;
    size_t j = i, labels = 0, label = i, prev = i, w;
    int k;

    for (;;) {
        prev = label;
        label = j;
        while (j < t->len && (is_ascii_alnum(s[j]) || s[j] == '-'))
            j++;
        labels++;
        if (j + 1 < t->len && s[j] == '.' && is_ascii_alnum(s[j + 1])) {
            j++;
            continue;
        }
        break;
    }
    k = cls_at(t, j, &w);
    if (labels < 2 || label - prev < 3 || !is_tld(t, label, j) || is_alnum_cls(k) ||
        k == CL_MARK || (j < t->len && (s[j] == '@' || s[j] == '-' || s[j] == '_'))) {
        t->domain_miss = j;
        return 0;
    }
    return j < t->len && s[j] == '/' ? url_rest(t, i, j) : j;
}

static bool email_local(unsigned char b)
{
    return is_ascii_alnum(b) || b == '.' || b == '_' || b == '%' || b == '+' || b == '-';
}

/* The end of the e-mail address at i, or 0 (remembering the failure as
 * domain_at does). */
static size_t email_at(tokenizer *t, size_t i)
{
    const unsigned char *s = t->s;
    size_t j = i, at, labels = 0, label = 0, w;
    bool alpha = false;

    while (j < t->len && email_local(s[j]))
        j++;
    if (j >= t->len || s[j] != '@') {
        t->email_miss = j;
        return 0;
    }
    at = j++;
    for (;;) {
        int k;
        label = j;
        alpha = true;
        while ((k = cls_at(t, j, &w)) == CL_LETTER || k == CL_DIGIT ||
               (j < t->len && s[j] == '-')) {
            alpha &= k == CL_LETTER;
            j += w;
        }
        if (j == label)
            break;
        labels++;
        if (j + 1 < t->len && s[j] == '.' && is_alnum_cls(cls_at(t, j + 1, &w))) {
            j++;
            continue;
        }
        break;
    }
    if (labels < 2 || j - label < 2 || !alpha) {
        t->email_miss = at;
        return 0;
    }
    return j;
}

/* ---- the tokenizer ----------------------------------------------------- */

static int emit(tokenizer *t, size_t i, size_t e, int kind, size_t *end)
{
    *end = e;
    return push(t, i, e, e, kind, 0);
}

/* Push the token at i (not white space); store its end in *end. */
static int next_token(tokenizer *t, size_t i, size_t *end)
{
    const unsigned char *s = t->s;
    size_t w, w2, e;
    uint32_t c = cp_at(t, i, &w), d;
    int k = cls(c);
    bool plain;

    if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && (e = url_at(t, i)) > 0)
        return emit(t, i, e, ABG_TOK_URL, end);
    if (c < 0x80 && is_ascii_alnum((unsigned char)c)) {
        /* Both need more than letters and digits: skip the plain words. */
        for (e = i + 1; e < t->len && is_ascii_alnum(s[e]); e++)
            ;
        if (e == t->len || (s[e] != '@' && s[e] != '.' && s[e] != '-' && s[e] != '_' &&
                            s[e] != '%' && s[e] != '+'))
            return word(t, i, end);
        if (i >= t->email_miss && (e = email_at(t, i)) > 0)
            return emit(t, i, e, ABG_TOK_EMAIL, end);
        if (i >= t->domain_miss && (e = domain_at(t, i)) > 0)
            return emit(t, i, e, ABG_TOK_URL, end);
    }
    if (is_alnum_cls(k))
        return word(t, i, end);
    d = cp_at(t, i + w, &w2);
    if ((c == '-' || c == '+' || c == 0x2212) && t->boundary && cls(d) == CL_DIGIT)
        return emit(t, i, scan_number(t, i + w, &plain), ABG_TOK_NUMBER, end);
    if (is_hyphen(c) && t->boundary && cls(d) == CL_LETTER && !is_upper(d))
        return word(t, i, end); /* -bedingungen */
    if ((c == '.' || c == '-') && d == c) {
        for (e = i; e < t->len && s[e] == c; e++)
            ;
        return emit(t, i, e, ABG_TOK_PUNCT, end); /* ... or -- */
    }
    if (is_punct(c))
        return emit(t, i, i + w, ABG_TOK_PUNCT, end);
    for (e = i + w; cls_at(t, e, &w2) == CL_MARK; e += w2)
        ;
    return emit(t, i, e, ABG_TOK_SYMBOL, end);
}

int abg_tokenize(abg_token **out, size_t *n, const abg_abbrevs *abbrevs, const char *text,
                 size_t len)
{
    tokenizer t;
    size_t i = 0, w, end;
    int err = 0;

    *out = NULL;
    *n = 0;
    memset(&t, 0, sizeof t);
    t.s = (const unsigned char *)text;
    t.len = len;
    t.abbrevs = abbrevs;
    t.boundary = true;
    t.cap = len / 6 + 16; /* German news runs about one token per 6-7 bytes */
    if (t.cap > SIZE_MAX / sizeof *t.tok)
        return ABG_ENOMEM;
    if (!(t.tok = malloc(t.cap * sizeof *t.tok)))
        return ABG_ENOMEM;
    while (i < len) {
        uint32_t c;
        int k;
        if (t.s[i] == ' ') {
            t.boundary = true;
            i++;
            continue;
        }
        c = cp_at(&t, i, &w);
        k = cls(c);
        if (k == CL_SPACE) {
            if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
                c == 0x2029)
                t.squote = false;
            t.boundary = true;
            i += w;
            continue;
        }
        if (k == CL_IGNORE) {
            i += w;
            continue;
        }
        if ((err = next_token(&t, i, &end)) < 0)
            goto done;
        {
            const abg_token *tok = &t.tok[t.n - 1];
            bool was = t.boundary;
            t.boundary = false;
            if (tok->kind == ABG_TOK_PUNCT) {
                if (is_opening(c))
                    t.boundary = true;
                else if (c == '"' || c == 0x201C || c == 0x201D || is_apostrophe(c) || c == 0x2018)
                    t.boundary = was; /* an opening quote opens, a closing one closes */
                if (c == 0x201A || ((is_apostrophe(c) || c == 0x2018) && was))
                    t.squote = true;
                else if (is_apostrophe(c) || c == 0x2018)
                    t.squote = false;
            }
        }
        i = end;
    }
done:
    if (err < 0) {
        free(t.tok);
        return err;
    }
    *out = t.tok;
    *n = t.n;
    return 0;
}

size_t abg_token_parts(abg_span *parts, size_t max, const char *text, const abg_token *tok)
{
    const unsigned char *s = (const unsigned char *)text + tok->off;
    size_t len = tok->base_len, i = 0, start = 0, count = 0;

    if (!(tok->flags & ABG_TOKF_COMPOUND)) {
        if (max > 0) {
            parts[0].off = tok->off;
            parts[0].len = len;
        }
        return 1;
    }
    while (i <= len) {
        size_t w = 0;
        if (i < len && s[i] == '-')
            w = 1;
        else if (i + 3 <= len && s[i] == 0xE2 && s[i + 1] == 0x80 &&
                 (s[i + 2] == 0x90 || s[i + 2] == 0x91))
            w = 3; /* U+2010, U+2011 */
        if (i == len || w) {
            if (i > start) {
                if (count < max) {
                    parts[count].off = tok->off + start;
                    parts[count].len = i - start;
                }
                count++;
            }
            if (i == len)
                break;
            i += w;
            start = i;
        } else {
            i++;
        }
    }
    return count;
}
