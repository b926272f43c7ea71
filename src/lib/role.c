/*
 * role.c: is a figure a level or a change?
 *
 * In:  a fact, the analysed sentence it stands in (about.h), the change
 *      words of the lexicon (rules/roles.de).
 * Out: ABG_ROLE_LEVEL or ABG_ROLE_CHANGE, and whether the figure is the
 *      earlier level of "von A auf B".
 *
 * The words right around the figure decide (see rules/roles.de):
 * "um 3 Prozent" and "ein Plus von 3 Prozent" are changes, "auf 3 Prozent"
 * and "bei 3 Prozent" levels; a verb of change ("verlor vier Prozent")
 * makes a change unless "auf" or "bei" says otherwise; percentage points
 * are a change unless they stand after "auf" or "bei". The A of "von A auf
 * B" and of "auf B, nach A" (or "bei B") is the earlier level.
 */
#include <string.h>

#include "about.h"

/* A noun whose stem ends in a change word: "Umsatzplus", "Gewinnrückgang". */
static bool change_compound(abg_about_state *st, const abg_sent *s, size_t i)
{
    static const char *const ends[] = {"plus", "minus", "ruckgang", "anstieg", "zuwachs",
                                       "sprung", "einbruch", "steiger"};
    const char *stem;
    size_t sl, k;

    if (i >= s->ntok || s->toks[i].kind != ABG_TOK_WORD || !(s->toks[i].flags & ABG_TOKF_CAPITAL))
        return false;
    if (abg_stem(&stem, &sl, st->stemmer, abg_sent_text(st, s, i), s->toks[i].len) < 0)
        return false;
    for (k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        size_t l = strlen(ends[k]);
        if (sl >= l && !memcmp(stem + sl - l, ends[k], l))
            return true;
    }
    return false;
}

static bool change_word(abg_about_state *st, const abg_sent *s, size_t i)
{
    return i < s->ntok &&
           (abg_sent_word_in(st, s, i, &st->lex->change) || change_compound(st, s, i));
}

abg_role abg_role_find(abg_about_state *st, const abg_sent *s, size_t t0, size_t t1,
                       const abg_fact *f, bool *earlier)
{
    unsigned c = t0 < s->ntok ? s->clause[t0] : 0;
    size_t i;
    bool pp = f->unit && !strcmp(f->unit, "pp");

    *earlier = false;
    if (t0 > 0 && abg_sent_word(st, s, t0 - 1, "von")) {
        /* "von A auf B": A is the earlier level */
        for (i = t1; i < s->ntok && i < t1 + 3 && s->clause[i] == c; i++)
            if (abg_sent_word(st, s, i, "auf")) {
                *earlier = true;
                return ABG_ROLE_LEVEL;
            }
        /* "ein Plus von 3 Prozent" */
        if (t0 >= 2 && change_word(st, s, t0 - 2))
            return ABG_ROLE_CHANGE;
    }
    /* "auf 2,6 Prozent, nach 2,9 Prozent im April" (also "um", "bei"):
     * the earlier level after the new one */
    if (t0 > 0 && abg_sent_word(st, s, t0 - 1, "nach") && f->type != ABG_FACT_DATE &&
        f->type != ABG_FACT_QUANTITY)
        for (i = 0; i + 1 < t0; i++)
            if ((abg_sent_word(st, s, i, "auf") || abg_sent_word(st, s, i, "um") ||
                 abg_sent_word(st, s, i, "bei")) &&
                i + 1 < s->ntok &&
                s->toks[i + 1].kind == ABG_TOK_NUMBER) {
                *earlier = true;
                return ABG_ROLE_LEVEL;
            }
    if (t0 > 0 && abg_sent_word(st, s, t0 - 1, "um"))
        return ABG_ROLE_CHANGE;
    /* "ein Umsatzplus zwischen 2 und 4 Prozent": a change word right before */
    if (t0 > 0 && s->clause[t0 - 1] == c && change_word(st, s, t0 - 1) &&
        (s->toks[t0 - 1].flags & ABG_TOKF_CAPITAL))
        return ABG_ROLE_CHANGE;
    if (t0 > 0 && (abg_sent_word(st, s, t0 - 1, "auf") || abg_sent_word(st, s, t0 - 1, "bei") ||
                   abg_sent_word(st, s, t0 - 1, "mit")))
        return ABG_ROLE_LEVEL; /* "fiel mit 69 Millionen Euro geringer aus" */
    /* "3 Prozent Plus", "3 Prozent mehr" */
    if (t1 < s->ntok && s->clause[t1] == c && change_word(st, s, t1))
        return ABG_ROLE_CHANGE;
    if (pp)
        return ABG_ROLE_CHANGE;
    if (f->type == ABG_FACT_DATE)
        return ABG_ROLE_LEVEL;
    /* a verb of change in the clause governs a bare figure: "verlor vier
     * Prozent", "legte 3 Prozent zu" */
    for (i = 0; i < s->ntok; i++)
        if (s->clause[i] == c && (i < t0 || i >= t1) &&
            abg_sent_word_in(st, s, i, &st->lex->changeverb))
            return ABG_ROLE_CHANGE;
    return ABG_ROLE_LEVEL;
}
