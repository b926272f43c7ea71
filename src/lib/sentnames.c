/*
 * sentnames.c: the names of a sentence (internal; see about.h).
 *
 * In:  an analysed sentence (tokens, clauses), the lexicon's names,
 *      aliases, agencies, first names and legal forms, the dictionary.
 * Out: abg_sent.names: each name with the tokens it spans and what it may
 *      be to a figure (the object of a preposition, a source, an agency);
 *      the document's own names (docnames, multi-word names).
 *
 * A capitalised word is a name when the lexicon lists it, when it has an
 * inner capital or is an acronym, or when it is no German word (not in the
 * dictionary, no compound of its words, no typical noun suffix). Adjacent
 * names join; a first name takes the word after it; an apposition noun
 * ("der Sportartikelhersteller Brenner Sport") and a legal form (GmbH)
 * make a name of German words. Who reports a figure (after "laut", "nach
 * Angaben", in "wie ... mitteilte", before "zufolge"), where a reporter
 * sits and the seat of a court are marked, so that claims.c does not take
 * them for the subject.
 */
#include <stdlib.h>
#include <string.h>

#include "about.h"
#include "ctx.h"
#include "text.h"

static const char *const object_preps[] = {
    "an",  "am",  "bei",  "beim", "in",  "im",  "mit",  "für",  "gegenüber", "zu",  "zur",
    "zum", "gegen", "über", "aus", "durch", "laut", "unter", "um", "nach", "ins", "vom",
    "zwischen", "auf", NULL};

static bool name_evidence(abg_about_state *st, const abg_sent *s, size_t i)
{
    const abg_token *t = &s->toks[i];
    const char *w = abg_sent_text(st, s, i), *f;
    size_t n = t->base_len, fn;

    if (t->kind != ABG_TOK_WORD)
        return false;
    if (abg_strset_has(&st->lex->names, w, n) || abg_strset_get(&st->lex->alias, w, n))
        return true;
    if (n > 3 && w[n - 1] == 's' && abg_strset_has(&st->lex->names, w, n - 1))
        return true; /* Nvidias Anteil */
    if (abg_strset_has(&st->lex->notnames, w, n) || (t->flags & ABG_TOKF_COMPOUND))
        return false;
    if ((t->flags & ABG_TOKF_INNERCAP) && !(t->flags & ABG_TOKF_ALLCAPS)) {
        /* two words run together in scraped text ("JournalistenIn der",
         * "TruppenTürkei"), or a Binnen-I ("JournalistInnen"): a German
         * word before the inner capital; not OpenAI, BioNTech, PayPal */
        size_t p;
        for (p = 1; p < n && !(w[p] >= 'A' && w[p] <= 'Z') &&
                    !((unsigned char)w[p] == 0xC3 && p + 1 < n &&
                      (unsigned char)w[p + 1] >= 0x80 && (unsigned char)w[p + 1] <= 0x9E);
             p++)
            ;
        if (p >= 5 && p < n && st->lex->dict.count) {
            abg_buf_truncate(&st->fold, 0);
            if (abg_fold(&st->fold, w, p) == 0 &&
                abg_lexicon_german(st->lex, st->fold.data, st->fold.len))
                return false;
        }
        return true;
    }
    if (t->flags & (ABG_TOKF_INNERCAP | ABG_TOKF_ALLCAPS)) {
        /* a Roman numeral ("Nordlicht III") is no name of its own */
        return n >= 2 && strspn(w, "IVX") < n;
    }
    if (!(t->flags & ABG_TOKF_CAPITAL) || n < 3 || st->lex->dict.count == 0)
        return false;
    abg_buf_truncate(&st->fold, 0);
    if (abg_fold(&st->fold, w, n) < 0)
        return false;
    f = st->fold.data;
    fn = st->fold.len;
    if (abg_stopwords_has(st->lang->stopwords, f, fn))
        return false;
    /* a place as an adjective before a noun: "der Schweinfurter Autozulieferer" */
    if (fn > 4 && !memcmp(f + fn - 2, "er", 2) && i + 1 < s->ntok &&
        s->toks[i + 1].kind == ABG_TOK_WORD && (s->toks[i + 1].flags & ABG_TOKF_CAPITAL) &&
        !(s->toks[i + 1].flags & (ABG_TOKF_INNERCAP | ABG_TOKF_ALLCAPS)) && i > 0 &&
        s->toks[i - 1].kind == ABG_TOK_WORD &&
        (!(s->toks[i - 1].flags & ABG_TOKF_CAPITAL) || abg_sent_word_is(st, s, i - 1, abg_determiners)))
        return false;
    if (abg_lexicon_german(st->lex, f, fn))
        return false;
    /* a noun the measure lexicon knows is no name, dictionary or not
     * ("Leitzins", "Inflationsrate") */
    {
        const char *stem;
        size_t sl;
        if (st->stemmer && abg_stem(&stem, &sl, st->stemmer, f, fn) == 0 &&
            (abg_strset_has(&st->lex->mnouns, stem, sl) ||
             abg_strset_has(&st->lex->notmeasure, stem, sl)))
            return false;
    }
    return true;
}

/* name_evidence, asked once per token of a sentence. */
static bool is_name_token(abg_about_state *st, const abg_sent *s, size_t i)
{
    if (s->isname[i] < 0)
        s->isname[i] = name_evidence(st, s, i);
    return s->isname[i] > 0;
}

/* Tokens i..i+k-1 joined by single spaces into st->tmp, when all are words. */
bool abg_sent_join(abg_about_state *st, const abg_sent *s, size_t i, size_t k, bool base)
{
    size_t j;

    abg_buf_truncate(&st->tmp, 0);
    for (j = i; j < i + k; j++) {
        const abg_token *t = &s->toks[j];
        if (j >= s->ntok || t->kind != ABG_TOK_WORD)
            return false;
        if ((j > i && abg_buf_putc(&st->tmp, ' ') < 0) ||
            abg_buf_put(&st->tmp, abg_sent_text(st, s, j),
                        base && j == i + k - 1 ? t->base_len : t->len) < 0)
            return false;
    }
    return true;
}

/* Is tmp a known name (or variant)? Then leave the name in tmp. */
static bool known(abg_about_state *st)
{
    const char *a = abg_strset_get(&st->lex->alias, st->tmp.data, st->tmp.len);

    if (a) {
        abg_buf_truncate(&st->tmp, 0);
        return abg_buf_puts(&st->tmp, a) == 0;
    }
    return abg_strset_has(&st->lex->names, st->tmp.data, st->tmp.len) ||
           abg_strset_has(&st->docnames, st->tmp.data, st->tmp.len);
}

/* Does the folded word end with a noun a name may follow in apposition
 * ("Sportartikelhersteller", "Konzernchef")? */
static bool apposition_head(abg_about_state *st, const abg_sent *s, size_t i)
{
    size_t n, k;
    const char *f;

    if (!st->lex->appositions.count || s->toks[i].kind != ABG_TOK_WORD ||
        !(s->toks[i].flags & ABG_TOKF_CAPITAL) || !(f = abg_sent_fold(st, s, i, &n)))
        return false;
    for (k = 0; k + 2 < n; k++)
        if ((k == 0 || ((unsigned char)f[k] & 0xC0) != 0x80) &&
            abg_strset_has(&st->lex->appositions, f + k, n - k))
            return true;
    return false;
}

/* After an apposition head, the capitalised words that follow (at most
 * three; not stopwords, not in a fact) are a name: "der Autozulieferer
 * Kessler Antriebstechnik baut ...". Their count, 0 when none. */
static size_t apposition_name(abg_about_state *st, const abg_sent *s, size_t i)
{
    size_t k, n;
    const char *f;

    if (i == 0 || !apposition_head(st, s, i - 1) || is_name_token(st, s, i - 1))
        return 0;
    for (k = 0; k < 3 && i + k < s->ntok; k++) {
        const abg_token *t = &s->toks[i + k];
        if (t->kind != ABG_TOK_WORD || !(t->flags & (ABG_TOKF_CAPITAL | ABG_TOKF_ALLCAPS)) ||
            abg_inside_fact(st, s->off + t->off) || !(f = abg_sent_fold(st, s, i + k, &n)) ||
            abg_stopwords_has(st->lang->stopwords, f, n))
            break;
    }
    return k;
}

/* One to three capitalised words and a legal form are a company's name
 * ("die Nordhafen Wilhelmshaven GmbH", "Kessler Antriebstechnik AG"),
 * German words or not; the name is written without the form. Its number
 * of words with the form, 0 when none. */
static size_t legal_name(abg_about_state *st, const abg_sent *s, size_t i)
{
    size_t k, n;
    const char *f;

    if (!st->lex->legalforms.count)
        return 0;
    for (k = 0; k < 4 && i + k < s->ntok; k++) {
        const abg_token *t = &s->toks[i + k];
        if (t->kind != ABG_TOK_WORD || abg_inside_fact(st, s->off + t->off))
            return 0;
        if (k > 0 && abg_strset_has(&st->lex->legalforms, st->text + s->off + t->off, t->len))
            return k + 1;
        if (k == 3 || !(t->flags & (ABG_TOKF_CAPITAL | ABG_TOKF_ALLCAPS | ABG_TOKF_INNERCAP)) ||
            !(f = abg_sent_fold(st, s, i + k, &n)) ||
            abg_stopwords_has(st->lang->stopwords, f, n))
            return 0;
    }
    return 0;
}

/* A first name the lexicon knows and the capitalised word after it are a
 * person ("Anna Reinholz", "Markus Treber"), German words or not. 2, or 0. */
static size_t person_name(abg_about_state *st, const abg_sent *s, size_t i)
{
    const abg_token *a = &s->toks[i], *b;
    size_t n;
    const char *f;

    if (!st->lex->firstnames.count || i + 1 >= s->ntok || a->kind != ABG_TOK_WORD ||
        !(a->flags & ABG_TOKF_CAPITAL) ||
        !abg_strset_has(&st->lex->firstnames, st->text + s->off + a->off, a->len))
        return 0;
    b = &s->toks[i + 1];
    if (b->kind != ABG_TOK_WORD || !(b->flags & ABG_TOKF_CAPITAL) ||
        (b->flags & ABG_TOKF_ALLCAPS) || abg_inside_fact(st, s->off + b->off) ||
        !(f = abg_sent_fold(st, s, i + 1, &n)) || abg_stopwords_has(st->lang->stopwords, f, n))
        return 0;
    return 2;
}

/* Remember name[0..n) of `words` words as a name of this document. */
static int add_docname(abg_about_state *st, const char *name, size_t n, size_t words)
{
    if (abg_strset_add(&st->docnames, name, n) < 0)
        return ABG_ENOMEM;
    if (words > st->max_docname_words)
        st->max_docname_words = words;
    return 0;
}

static int remember_multi(abg_about_state *st, const char *name)
{
    char **p;
    size_t i;

    for (i = 0; i < st->nmulti; i++)
        if (!strcmp(st->multi[i], name))
            return 0;
    if (!(p = realloc(st->multi, (st->nmulti + 1) * sizeof *p)))
        return ABG_ENOMEM;
    st->multi = p;
    if (!(st->multi[st->nmulti] = abg_strdup(name)))
        return ABG_ENOMEM;
    st->nmulti++;
    return 0;
}

/* The name as claims write it: known variants mapped, a genitive s
 * dropped ("Teslas Anteil"), a last word standing for the multi-word name
 * seen before ("die Foundation" after "die OpenAI Foundation"). */
static int canonical(abg_about_state *st, const abg_sent *s, size_t i, size_t k)
{
    size_t n, m;

    if (k > 1)
        return remember_multi(st, st->tmp.data);
    n = st->tmp.len;
    if (!abg_strset_has(&st->lex->names, st->tmp.data, n) && n >= 4 &&
        st->tmp.data[n - 1] == 's' && i + 1 < s->ntok &&
        (s->toks[i + 1].flags & ABG_TOKF_CAPITAL) && !is_name_token(st, s, i + 1)) {
        abg_buf_truncate(&st->tmp, n - 1);
        known(st);
    }
    for (m = st->nmulti; m-- > 0;) {
        const char *sp = strrchr(st->multi[m], ' ');
        if (sp && !strcmp(sp + 1, st->tmp.data)) {
            abg_buf_truncate(&st->tmp, 0);
            return abg_buf_puts(&st->tmp, st->multi[m]);
        }
    }
    return 0;
}

/* Is tmp the last word of a multi-word name seen before in the document? */
static bool last_word_of_multi(const abg_about_state *st)
{
    size_t m;

    for (m = 0; m < st->nmulti; m++) {
        const char *sp = strrchr(st->multi[m], ' ');
        if (sp && !strcmp(sp + 1, st->tmp.data))
            return true;
    }
    return false;
}

static bool after_preposition(abg_about_state *st, const abg_sent *s, size_t i)
{
    static const char *const saint[] = {"sankt", NULL};
    size_t back = 0;

    /* "in St. Pölten": the place's prefix stands between */
    if (i > 0 && ((s->toks[i - 1].len == 3 &&
                   !memcmp(st->text + s->off + s->toks[i - 1].off, "St.", 3)) ||
                  abg_sent_word_is(st, s, i - 1, saint)))
        i--;
    while (i > 0 && back < 2 && abg_sent_word_is(st, s, i - 1, abg_determiners)) {
        i--;
        back++;
    }
    if (i > 0 && abg_sent_word_is(st, s, i - 1, object_preps))
        return true;
    /* an apposition in a prepositional phrase or a genitive: "an der
     * Plattform Azure", "Leistungen der Plattform Azure"; not the head of
     * the clause ("das Berliner KI-Unternehmen Lumenaire erreicht ...") */
    return back == 0 && i > 1 && s->toks[i - 1].kind == ABG_TOK_WORD &&
           (s->toks[i - 1].flags & ABG_TOKF_CAPITAL) && !is_name_token(st, s, i - 1) &&
           abg_sent_attachment(st, s, i - 1) != 0;
}

/* Nouns of a report and verbs of saying: a name after the one ("nach
 * Angaben der Menschenrechtsorganisation HRANA", "laut Schnellschätzung
 * der Statistik Austria"), between "wie" and the other ("wie die Statistik
 * Austria mitteilte") or before "zufolge" is where a figure comes from,
 * not whom it is about. */
static const char *const report_nouns[] = {
    "angaben",    "schätzung",  "schnellschätzung", "schätzungen", "daten",     "zahlen",
    "mitteilung", "berechnung", "berechnungen",     "bericht",     "erhebung",  "auswertung",
    "prognose",   "statistik",  "hochrechnung",     "zählung",     "umfrage",   "studie",
    "informationen", NULL};
static const char *const saying[] = {
    "mitteilte", "mitteilten", "meldete",  "meldeten",  "berichtete", "berichteten",
    "erklärte",  "bekanntgab", "angab",    "angaben",   "schätzt",    "schätzte",
    "sagte",     "bestätigte", "errechnete", "ermittelte", NULL};

static bool source_name(abg_about_state *st, const abg_sent *s, size_t i, size_t k)
{
    static const char *const wie[] = {"wie", NULL};
    static const char *const zufolge[] = {"zufolge", NULL};
    static const char *const from[] = {"aus", "von", "vom", NULL};
    size_t j = i, n;


    if (i + k < s->ntok && abg_sent_word_is(st, s, i + k, zufolge))
        return true;
    /* back over an apposition noun and the determiners */
    if (j > 0 && s->toks[j - 1].kind == ABG_TOK_WORD && (s->toks[j - 1].flags & ABG_TOKF_CAPITAL) &&
        !is_name_token(st, s, j - 1) && !abg_sent_word_is(st, s, j - 1, report_nouns))
        j--;
    for (n = 0; n < 2 && j > 0 && abg_sent_word_is(st, s, j - 1, abg_determiners); n++)
        j--;
    /* "nach Angaben aus Tallinn", "Zahlen von Eurostat" */
    if (j > 1 && abg_sent_word_is(st, s, j - 1, from) &&
        abg_sent_word_is(st, s, j - 2, report_nouns))
        return true;
    if (j > 0 && abg_sent_word_is(st, s, j - 1, report_nouns))
        return true;
    if (j > 0 && abg_sent_word_is(st, s, j - 1, wie) && s->clause[j - 1] == s->clause[i])
        for (n = i + k; n < s->ntok && n < i + k + 4 && s->clause[n] == s->clause[i]; n++)
            if (abg_sent_word_is(st, s, n, saying))
                return true;
    return false;
}

/* Is the name at token i the seat of a court or a prosecutor's office
 * ("das Oberlandesgericht Dresden", "die Staatsanwaltschaft Köln"), which
 * judges and charges but is not what a figure is about? */
static bool court_seat(abg_about_state *st, const abg_sent *s, size_t i)
{
    static const char *const ends[] = {"gericht", "gerichtshof", "staatsanwaltschaft", NULL};
    const char *f;
    size_t n;

    return i > 0 && s->toks[i - 1].kind == ABG_TOK_WORD &&
           (f = abg_sent_fold(st, s, i - 1, &n)) && abg_word_ends_with(f, n, ends);
}

static int add_name(abg_about_state *st, abg_sent *s, size_t i, size_t k)
{
    static const char *const based[] = {"ansässige",  "ansässigen",  "ansässiger",
                                        "beheimatete", "beheimateten", "beheimateter", NULL};
    abg_name_hit *p = realloc(s->names, (s->nnames + 1) * sizeof *p);

    if (!p)
        return ABG_ENOMEM;
    s->names = p;
    p += s->nnames;
    p->tok0 = i;
    p->tok1 = i + k;
    /* a listed agency, where one sits ("die in den USA ansässige
     * Organisation HRANA") or a court's seat: never a subject */
    p->agency = abg_strset_has(&st->lex->agencies, st->tmp.data, st->tmp.len) ||
                (i + k < s->ntok && abg_sent_word_is(st, s, i + k, based)) ||
                court_seat(st, s, i);
    p->place = abg_strset_get(&st->lex->agency_place, st->tmp.data, st->tmp.len);
    p->source = p->agency || source_name(st, s, i, k);
    p->object = p->source || after_preposition(st, s, i);
    if (!(p->name = abg_strndup(st->tmp.data, st->tmp.len)))
        return ABG_ENOMEM;
    p->known = abg_strset_has(&st->lex->names, p->name, st->tmp.len);
    s->nnames++;
    return 0;
}

/* A compound of a name and a noun a name goes with ("Helvetor-Gruppe",
 * "VW-Konzern"): true with the name in st->tmp. The name is listed, or an
 * acronym, or no German word. */
static bool group_prefix(abg_about_state *st, const abg_sent *s, size_t i)
{
    const abg_token *t = &s->toks[i];
    const char *w = abg_sent_text(st, s, i), *dash;
    size_t n;

    if (t->kind != ABG_TOK_WORD || !(t->flags & ABG_TOKF_COMPOUND) ||
        !(t->flags & ABG_TOKF_CAPITAL) || !(dash = memchr(w, '-', t->base_len)))
        return false;
    n = (size_t)(dash - w);
    if (n < 2 || memchr(dash + 1, '-', t->base_len - n - 1))
        return false; /* one hyphen only */
    abg_buf_truncate(&st->fold, 0);
    if (abg_fold(&st->fold, dash + 1, t->base_len - n - 1) < 0 ||
        !abg_strset_has(&st->lex->appositions, st->fold.data, st->fold.len))
        return false;
    if (abg_strset_has(&st->lex->notnames, w, n) ||
        (i + 1 < s->ntok && s->toks[i + 1].kind == ABG_TOK_WORD &&
         (s->toks[i + 1].flags & ABG_TOKF_CAPITAL)))
        return false; /* "GdP-Chef Andreas Roßkopf": a noun before a name */
    if (!abg_strset_has(&st->lex->names, w, n)) {
        size_t caps = 0, j;
        for (j = 0; j < n; j++)
            caps += w[j] >= 'A' && w[j] <= 'Z';
        abg_buf_truncate(&st->fold, 0);
        if (caps < n && (abg_fold(&st->fold, w, n) < 0 ||
                         abg_stopwords_has(st->lang->stopwords, st->fold.data, st->fold.len) ||
                         abg_lexicon_german(st->lex, st->fold.data, st->fold.len)))
            return false;
    }
    abg_buf_truncate(&st->tmp, 0);
    return abg_buf_put(&st->tmp, w, n) == 0;
}

int abg_sent_find_names(abg_about_state *st, abg_sent *s)
{
    size_t i = 0, k;
    int err;

    while (i < s->ntok) {
        if (abg_inside_fact(st, s->off + s->toks[i].off)) {
            i++;
            continue;
        }
        bool found = false;
        size_t maxk = st->lex->max_name_words > st->max_docname_words
                          ? st->lex->max_name_words
                          : st->max_docname_words;
        /* the lexicon's multi-word names all start with a capital */
        for (k = maxk;
             k >= 2 && !found && (s->toks[i].flags & (ABG_TOKF_CAPITAL | ABG_TOKF_INNERCAP));
             k--)
            found = abg_sent_join(st, s, i, k, true) && known(st);
        if (found) {
            k++; /* the loop went one past */
        } else if ((k = person_name(st, s, i)) > 0) {
            if (!abg_sent_join(st, s, i, k, true))
                return ABG_ENOMEM;
            if ((err = add_docname(st, st->tmp.data, st->tmp.len, k)) < 0)
                return err;
        } else if ((k = legal_name(st, s, i)) > 0) {
            /* the name without its form: "Zylonix AG" is Zylonix */
            if (!abg_sent_join(st, s, i, k - 1, true))
                return ABG_ENOMEM;
            if ((err = add_docname(st, st->tmp.data, st->tmp.len, k)) < 0)
                return err;
        } else if ((k = apposition_name(st, s, i)) > 0) {
            if (!abg_sent_join(st, s, i, k, true))
                return ABG_ENOMEM;
            if ((err = add_docname(st, st->tmp.data, st->tmp.len, k)) < 0)
                return err;
        } else if (st->nmulti && s->toks[i].kind == ABG_TOK_WORD &&
                   (s->toks[i].flags & ABG_TOKF_CAPITAL) && abg_sent_join(st, s, i, 1, true) &&
                   last_word_of_multi(st)) {
            k = 1;
        } else if (group_prefix(st, s, i)) {
            k = 1; /* "an die Helvetor-Gruppe": Helvetor, in st->tmp */
        } else if (is_name_token(st, s, i)) {
            /* a common noun the lexicon does not know, standing before a
             * name in apposition, is not part of it ("beim Onlinehändler
             * Zalando") */
            if (i + 1 < s->ntok && apposition_head(st, s, i) && is_name_token(st, s, i + 1)) {
                i++;
                continue;
            }
            for (k = 1; k < 4 && i + k < s->ntok && is_name_token(st, s, i + k); k++)
                ;
            if (!abg_sent_join(st, s, i, k, true))
                return ABG_ENOMEM;
            known(st);
        } else {
            i++;
            continue;
        }
        if ((err = canonical(st, s, i, k)) < 0 || (err = add_name(st, s, i, k)) < 0)
            return err;
        i += k;
    }
    return 0;
}

/* The subject a headline opens with, when it is two or three capitalised
 * words (the last may be an acronym) the body repeats, followed by a colon
 * or a verb: "Brenner Sport: Erlöse steigen", "Kessler Antriebstechnik
 * kündigt Sparprogramm an", "Sportwelt TV zeigt Handball". A single word
 * needs no help (abg_lexicon_german decides it). */
int abg_headline_name(abg_about_state *st, const char *title, const char *body)
{
    static const char *const after[] = {"für", "von", "vom", "mit", "in", "im", "auf", "an",
                                        "am", "aus", "bei", "nach", "über", "und", "oder", "der",
                                        "die", "das", "des", "den", "dem", "zu", "zum", "zur",
                                        NULL};
    abg_sent h;
    size_t k, n;
    const char *f;
    int err = 0;

    if (!title || !*title)
        return 0;
    memset(&h, 0, sizeof h);
    if ((err = abg_tokenize(&h.toks, &h.ntok, st->lang->abbrevs, title, strlen(title))) < 0)
        return err;
    for (k = 0; k < 3 && k < h.ntok; k++) {
        const abg_token *t = &h.toks[k];
        /* an acronym after a word ends such a name ("Sportwelt TV") */
        if (k > 0 && t->kind == ABG_TOK_WORD && (t->flags & ABG_TOKF_ALLCAPS) &&
            !(t->flags & ABG_TOKF_COMPOUND)) {
            k++;
            break;
        }
        if (t->kind != ABG_TOK_WORD || !(t->flags & ABG_TOKF_CAPITAL) ||
            (t->flags & (ABG_TOKF_COMPOUND | ABG_TOKF_INNERCAP | ABG_TOKF_ALLCAPS)))
            break;
        abg_buf_truncate(&st->fold, 0);
        if (abg_fold(&st->fold, title + t->off, t->len) < 0 ||
            abg_stopwords_has(st->lang->stopwords, st->fold.data, st->fold.len) ||
            !abg_lexicon_german(st->lex, st->fold.data, st->fold.len))
            break; /* a word that is a name by itself needs no help */
    }
    if (k >= 2 && k < h.ntok) {
        const abg_token *t = &h.toks[k];
        bool colon = t->kind == ABG_TOK_PUNCT && title[t->off] == ':';
        bool verb = false;
        if (t->kind == ABG_TOK_WORD && !(t->flags & ABG_TOKF_CAPITAL)) {
            abg_buf_truncate(&st->fold, 0);
            verb = abg_fold(&st->fold, title + t->off, t->len) == 0 &&
                   !abg_stopwords_has(st->lang->stopwords, st->fold.data, st->fold.len);
            for (n = 0; verb && after[n]; n++)
                verb = strcmp(after[n], st->fold.data) != 0;
        }
        n = h.toks[k - 1].off + h.toks[k - 1].len;
        f = title;
        if ((colon || verb) && body) {
            char *name = abg_strndup(f, n);
            if (!name)
                err = ABG_ENOMEM;
            else if (strstr(body, name))
                err = add_docname(st, name, n, k);
            free(name);
        }
    }
    free(h.toks);
    return err;
}
