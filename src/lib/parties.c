/*
 * parties.c: who a figure is about beyond its sentence's subject.
 *
 * In:  the analysed sentence of a figure (about.h) and its document.
 * Out: the buyer and the target of a purchase, however the sentence turns
 *      them (abg_deal_parties), the place a document names its election
 *      for (abg_election_place) and the forecaster of a forecast
 *      (abg_forecaster): claims.c makes them the subject and object of a
 *      price (measure flag `deal`), the object of an election result (flag
 *      `election`) and of a forecast of a period figure (flag `period`).
 */
#include <stdlib.h>
#include <string.h>

#include "about.h"
#include "ctx.h"

/* ---- the forecaster of a forecast ---- */

/* Who forecasts a figure: the noun or name right before a verb of
 * expectation that comes before the figure in its clause ("Die
 * EU-Kommission erwartet ...", "Die Wirtschaftsweisen rechnen mit ..."),
 * unless it is the figure's subject. *out stays NULL when there is none;
 * 0 or ABG_ENOMEM. */
int abg_forecaster(char **out, abg_about_state *st, const abg_sent *s, size_t t0,
                   const char *subject)
{
    static const char *const expect[] = {"erwartet", "erwarten",      "erwartete",
                                         "erwarteten", "rechnet",     "rechnen",
                                         "rechnete", "rechneten",     "prognostiziert",
                                         "prognostizieren", "prognostizierte", NULL};
    unsigned c = t0 < s->ntok ? s->clause[t0] : 0;
    const abg_name_hit *h;
    const abg_token *t;
    const char *w, *f;
    size_t v, n, fn;

    for (v = 1; v < t0 && !(s->clause[v] == c && abg_sent_word_is(st, s, v, expect)); v++)
        ;
    if (v >= t0 || s->clause[v - 1] != c)
        return 0;
    /* right before the verb: its subject ("Die EU-Kommission erwartet");
     * not a pronoun ("Sie rechnen mit"), not a noun after a preposition
     * or in the genitive ("ein Plus des Bruttoinlandsprodukts erwartet") */
    t = &s->toks[v - 1];
    if (t->kind != ABG_TOK_WORD || !(t->flags & ABG_TOKF_CAPITAL) ||
        abg_inside_fact(st, s->off + t->off) || !(f = abg_sent_fold(st, s, v - 1, &fn)) ||
        abg_stopwords_has(st->lang->stopwords, f, fn) || abg_sent_attachment(st, s, v - 1) != 0)
        return 0;
    h = abg_sent_name_at(s, v - 1);
    w = h ? h->name : abg_sent_text(st, s, v - 1);
    n = h ? strlen(h->name) : t->base_len;
    if (subject && strlen(subject) == n && !memcmp(subject, w, n))
        return 0;
    return (*out = abg_strndup(w, n)) ? 0 : ABG_ENOMEM;
}

/* ---- the parties of a deal ---- */

/* The name before token t, with at most two determiners and one noun in
 * apposition between, follows one of words[]? */
static bool name_after(abg_about_state *st, const abg_sent *s, size_t t, const char *const *words)
{
    size_t n;

    for (n = 0; n < 2 && t > 0 && abg_sent_word_is(st, s, t - 1, abg_determiners); n++)
        t--;
    if (t > 0 && !abg_sent_word_is(st, s, t - 1, words) && s->toks[t - 1].kind == ABG_TOK_WORD &&
        (s->toks[t - 1].flags & ABG_TOKF_CAPITAL) && !abg_sent_name_at(s, t - 1))
        t--; /* "an die Gruppe Helvetor" */
    for (n = 0; n < 2 && t > 0 && abg_sent_word_is(st, s, t - 1, abg_determiners); n++)
        t--;
    return t > 0 && abg_sent_word_is(st, s, t - 1, words);
}

/* The buyer and the target of a purchase in sentence s: the buyer is the
 * name after "durch" ("Übernahme durch Helios") or after "an" with a form
 * of "gehen" ("geht Cobalt an Helios"), or after "von" in a passive clause ("wird von Helios
 * übernommen"), else the first name that follows no preposition ("Helios
 * kauft Cobalt", "Helios zahlt für Cobalt"); the target is the first
 * other name. Sources are neither. */
void abg_deal_parties(abg_about_state *st, const abg_sent *s, const char **buyer,
                      const char **target)
{
    static const char *const to[] = {"an", NULL};
    static const char *const through[] = {"durch", NULL};
    static const char *const goes[] = {"geht", "ging", "gehen", "gingen", "gegangen", NULL};
    static const char *const by[] = {"von", "vom", NULL};
    static const char *const passive[] = {"übernommen", "gekauft", "erworben", "geschluckt",
                                          "verkauft", "veräußert", NULL};
    size_t i, k;

    *buyer = *target = NULL;
    for (i = 0; i < s->nnames && !*buyer; i++) {
        const abg_name_hit *h = &s->names[i];
        if (h->source)
            continue;
        if (name_after(st, s, h->tok0, through)) {
            *buyer = h->name;
        } else if (name_after(st, s, h->tok0, to)) {
            for (k = 0; k < s->ntok && !*buyer; k++)
                if (s->clause[k] == s->clause[h->tok0] && abg_sent_word_is(st, s, k, goes))
                    *buyer = h->name;
        } else if (name_after(st, s, h->tok0, by)) {
            for (k = h->tok1; k < s->ntok && s->clause[k] == s->clause[h->tok0] && !*buyer; k++)
                if (abg_sent_word_is(st, s, k, passive))
                    *buyer = h->name;
        }
    }
    for (i = 0; i < s->nnames && !*buyer; i++)
        if (!s->names[i].source && !s->names[i].object)
            *buyer = s->names[i].name;
    for (i = 0; i < s->nnames && !*target; i++)
        if (!s->names[i].source && (!*buyer || strcmp(s->names[i].name, *buyer)))
            *target = s->names[i].name;
}

/* ---- the place of a document's election ---- */

/* Bytes of the text's start (after the title) searched for it. */
#define ELECTION_LEAD 600

/* Is the folded word an election ("Vorwahl", "Landtagswahlen", "Caucus")? */
static bool election_word(const char *f, size_t n)
{
    static const char *const words[] = {"primary", "primaries", "caucus", "caucuses", NULL};
    size_t k;

    for (k = 0; words[k]; k++)
        if (strlen(words[k]) == n && !memcmp(words[k], f, n))
            return true;
    if (n >= 7 && !memcmp(f, "auswahl", 7))
        return false;
    return (n >= 4 && !memcmp(f + n - 4, "wahl", 4)) || (n >= 6 && !memcmp(f + n - 6, "wahlen", 6));
}

/* Is the NUL-ended word one of words[] (NULL-ended)? */
static bool in_list(const char *w, const char *const *words)
{
    for (; *words; words++)
        if (!strcmp(*words, w))
            return true;
    return false;
}

/* Words after "in" that name a time or a state, not a place. */
static const char *const not_places[] = {
    "januar", "jänner", "februar", "feber", "märz", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "dezember", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "frühjahr", "frühling", "sommer", "herbst",
    "winter", "jahr", "vorjahr", "zukunft", "kraft", "gefahr", "folge", "runde", NULL};

/* Nouns a place's name follows ("im US-Bundesstaat Louisiana"). */
static bool place_noun(const char *f, size_t n)
{
    static const char *const ends[] = {"staat", "land", "stadt", "bezirk", "provinz", "region",
                                       "kanton", "gemeinde", "kreis", NULL};

    return abg_word_ends_with(f, n, ends);
}

/* The place after "in"/"im" within a few words after an election word of
 * text[0..len) ("Mitt Romney gewinnt Vorwahl in Illinois", "US-Vorwahlen:
 * Santorum setzt sich in Louisiana durch"): a new string, NULL when there
 * is none, or an error. */
static int place_in(char **out, abg_about_state *st, const char *text, size_t len)
{
    static const char *const in[] = {"in", "im", NULL};
    abg_token *t = NULL;
    size_t n = 0, i, j, k;
    int err;

    *out = NULL;
    if ((err = abg_tokenize(&t, &n, st->lang->abbrevs, text, len)) < 0)
        return err;
    for (i = 0; i < n && !*out; i++) {
        bool seen = false;
        if (t[i].kind != ABG_TOK_WORD || !(t[i].flags & ABG_TOKF_CAPITAL))
            continue;
        abg_buf_truncate(&st->fold, 0);
        if (abg_fold(&st->fold, text + t[i].off, t[i].len) < 0 ||
            !election_word(st->fold.data, st->fold.len))
            continue;
        for (j = i + 1; j < n && j < i + 12 && !seen; j++) {
            if (t[j].kind == ABG_TOK_PUNCT && strchr(".!?", text[t[j].off]))
                break;
            abg_buf_truncate(&st->fold, 0);
            if (t[j].kind != ABG_TOK_WORD || abg_fold(&st->fold, text + t[j].off, t[j].len) < 0)
                continue;
            for (k = 0; in[k] && strcmp(in[k], st->fold.data); k++)
                ;
            seen = in[k] != NULL;
        }
        if (!seen)
            continue;
        for (k = 0; j < n && k < 2; k++, j++) { /* a determiner, a noun of places */
            abg_buf_truncate(&st->fold, 0);
            if (t[j].kind != ABG_TOK_WORD || abg_fold(&st->fold, text + t[j].off, t[j].len) < 0)
                break;
            if (abg_stopwords_has(st->lang->stopwords, st->fold.data, st->fold.len))
                continue;
            if (!(place_noun(st->fold.data, st->fold.len) && j + 1 < n &&
                  t[j + 1].kind == ABG_TOK_WORD && (t[j + 1].flags & ABG_TOKF_CAPITAL)))
                break;
        }
        for (k = j; k < n && k < j + 3 && t[k].kind == ABG_TOK_WORD &&
                    (t[k].flags & ABG_TOKF_CAPITAL);
             k++) {
            abg_buf_truncate(&st->fold, 0);
            if (abg_fold(&st->fold, text + t[k].off, t[k].len) < 0 ||
                abg_stopwords_has(st->lang->stopwords, st->fold.data, st->fold.len))
                break;
            if (k == j && in_list(st->fold.data, not_places))
                break;
        }
        if (k > j && !(*out = abg_strndup(text + t[j].off, t[k - 1].off + t[k - 1].len - t[j].off)))
            err = ABG_ENOMEM;
    }
    free(t);
    return err;
}

/* Where the document's election is held: named in its title, else in its
 * first ELECTION_LEAD bytes. Looked for once. */
int abg_election_place(const char **out, abg_about_state *st)
{
    int err = 0;

    if (!st->election_looked) {
        size_t len = strlen(st->text);
        st->election_looked = true;
        if (st->title && *st->title)
            err = place_in(&st->election_place, st, st->title, strlen(st->title));
        if (!err && !st->election_place) {
            if (len > ELECTION_LEAD) { /* cut at a character's start */
                len = ELECTION_LEAD;
                while (len > 0 && ((unsigned char)st->text[len] & 0xC0) == 0x80)
                    len--;
            }
            err = place_in(&st->election_place, st, st->text, len);
        }
    }
    *out = st->election_place;
    return err;
}
