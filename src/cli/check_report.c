/*
 * check_report.c: the text and JSON reports of `abgleich check`.
 *
 * JSON (DESIGN.md): {"documents", "facts", "errors", "stories", "hidden",
 * "copies": [{"doc", "original"}], "groups": [{"id", "type", "subject",
 * "object", "measure", "role", "time", "verdict", "cause", "confidence",
 * "story", "sources", "majority": {"value", "value_to", "unit", "sources"} or null,
 * "deviating": [doc], "inconsistent": [doc], "claims": [{"doc", "source",
 * "value", "value_to", "unit", "qualifier", "text", "sentence", "line",
 * "col", "time", "copy", "deviates"}]}]}, one group a line. Text:
 * conflicts, then agreements (singles with -v): a head line (verdict,
 * cause, type, subject, measure, role, time, confidence, id), for a
 * conflict the value most sources hold and the deviating documents, then
 * each claim as DOC:LINE:COL, its value, qualifier, source and time, and
 * its sentence with the figure marked.
 *
 * With a baseline (check_report.baseline): text leaves the accepted
 * conflicts out, lists the stale entries and ends with a line counting
 * both; JSON keeps every group, marks accepted ones "accepted": true and
 * adds "accepted" and "stale" counts after "errors".
 */
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "cli.h"
#include "jsonout.h"
#include "term.h"

bool check_reported(const check_report *r, size_t i)
{
    const abg_group *g = abg_check_group(r->chk, i);

    return g && g->verdict == ABG_VERDICT_CONFLICT && !(r->accepted && r->accepted[i]);
}

static json_t *json_claim_value(const abg_claim *c, int to_end)
{
    return to_end ? cli_json_value(c->type, c->value_to, c->has_value_to, c->date_to)
                  : cli_json_value(c->type, c->value, true, c->date);
}

static const char *str_or(const char *s, const char *alt)
{
    return s ? s : alt;
}

/* The deviating (or inconsistent) documents of g, each once, by flag. */
static json_t *docs_flagged(const abg_group *g, const bool *flag)
{
    json_t *list = json_array();
    size_t i, j;

    for (i = 0; flag && i < g->nclaims; i++) {
        if (!flag[i])
            continue;
        for (j = 0; j < i && !(flag[j] && !strcmp(g->claims[j]->doc, g->claims[i]->doc)); j++)
            ;
        if (j == i)
            json_array_append_new(list, json_string(g->claims[i]->doc));
    }
    return list;
}

static json_t *group_json(const abg_group *g, bool accepted)
{
    json_t *o = json_object(), *claims = json_array();
    const char *cause = abg_cause_name(g->cause);
    size_t i;

    json_object_set_new(o, "id", json_string(g->id));
    json_object_set_new(o, "type", json_string(abg_fact_type_name(g->type)));
    json_object_set_new(o, "subject", g->subject ? json_string(g->subject) : json_null());
    json_object_set_new(o, "object", g->object ? json_string(g->object) : json_null());
    json_object_set_new(o, "measure", g->measure ? json_string(g->measure) : json_null());
    json_object_set_new(o, "role", json_string(abg_role_name(g->role)));
    json_object_set_new(o, "time", g->time ? json_string(g->time) : json_null());
    json_object_set_new(o, "verdict", json_string(abg_verdict_name(g->verdict)));
    json_object_set_new(o, "cause", cause ? json_string(cause) : json_null());
    json_object_set_new(o, "confidence", json_real(floor(g->confidence * 100 + 0.5) / 100));
    json_object_set_new(o, "story", json_integer((json_int_t)g->story));
    json_object_set_new(o, "sources", json_integer((json_int_t)g->sources));
    if (g->verdict == ABG_VERDICT_CONFLICT && g->majority != ABG_NO_MAJORITY) {
        const abg_claim *m = g->claims[g->majority];
        json_t *maj = json_object();
        json_object_set_new(maj, "value", json_claim_value(m, 0));
        json_object_set_new(maj, "value_to", json_claim_value(m, 1));
        json_object_set_new(maj, "unit", m->unit ? json_string(m->unit) : json_null());
        json_object_set_new(maj, "sources", json_integer((json_int_t)g->majority_sources));
        json_object_set_new(o, "majority", maj);
        json_object_set_new(o, "deviating", docs_flagged(g, g->deviates));
    } else {
        json_object_set_new(o, "majority", json_null());
        json_object_set_new(o, "deviating", json_array());
    }
    json_object_set_new(o, "inconsistent", docs_flagged(g, g->inconsistent));
    if (accepted)
        json_object_set_new(o, "accepted", json_true());
    for (i = 0; i < g->nclaims; i++) {
        const abg_claim *c = g->claims[i];
        json_t *j = json_object();
        json_object_set_new(j, "doc", json_string(str_or(c->doc, "")));
        json_object_set_new(j, "source", c->source ? json_string(c->source) : json_null());
        json_object_set_new(j, "value", json_claim_value(c, 0));
        json_object_set_new(j, "value_to", json_claim_value(c, 1));
        json_object_set_new(j, "unit", c->unit ? json_string(c->unit) : json_null());
        json_object_set_new(j, "qualifier", json_string(abg_qualifier_name(c->qualifier)));
        json_object_set_new(j, "text", json_string(c->text));
        json_object_set_new(j, "sentence", c->sentence ? json_string(c->sentence) : json_null());
        json_object_set_new(j, "line", json_integer((json_int_t)c->line));
        json_object_set_new(j, "col", json_integer((json_int_t)c->col));
        json_object_set_new(j, "time", c->time ? json_string(c->time) : json_null());
        json_object_set_new(j, "copy", json_boolean(g->copy && g->copy[i]));
        json_object_set_new(j, "deviates", json_boolean(g->deviates && g->deviates[i]));
        json_array_append_new(claims, j);
    }
    json_object_set_new(o, "claims", claims);
    return o;
}

void check_write_json(FILE *out, const check_report *r)
{
    size_t i, n = abg_check_group_count(r->chk), nc = abg_check_copy_count(r->chk);

    fprintf(out, "{\"documents\":%zu,\"facts\":%zu,\"errors\":%zu,", r->documents, r->facts,
            r->errors);
    if (r->baseline)
        fprintf(out, "\"accepted\":%zu,\"stale\":%zu,", r->accepted_count, r->stale_count);
    fprintf(out, "\"stories\":%zu,\"hidden\":%zu,\n \"copies\":[", abg_check_story_count(r->chk),
            abg_check_hidden_count(r->chk));
    for (i = 0; i < nc; i++) {
        const char *doc, *orig;
        json_t *c = json_object();
        abg_check_copy(r->chk, i, &doc, &orig);
        json_object_set_new(c, "doc", json_string(doc));
        json_object_set_new(c, "original", json_string(orig));
        fputs(i ? "," : "", out);
        jsonout_write(c, out, JSON_COMPACT);
        json_decref(c);
    }
    fputs("],\n \"groups\":[", out);
    for (i = 0; i < n; i++) {
        json_t *g = group_json(abg_check_group(r->chk, i), r->accepted && r->accepted[i]);
        fputs(i ? ",\n  " : "\n  ", out);
        jsonout_write(g, out, JSON_COMPACT | JSON_REAL_PRECISION(15));
        json_decref(g);
    }
    fputs(n ? "\n ]}\n" : "]}\n", out);
}

void check_claim_value(char *buf, size_t size, const abg_claim *c)
{
    if (c->type == ABG_FACT_DATE) {
        snprintf(buf, size, "%s%s%s", c->date, *c->date_to ? ".." : "", c->date_to);
        return;
    }
    if (c->has_value_to)
        snprintf(buf, size, "%.15g..%.15g%s%s", c->value, c->value_to, c->unit ? " " : "",
                 c->unit ? c->unit : "");
    else
        snprintf(buf, size, "%.15g%s%s", c->value == 0 ? 0 : c->value, c->unit ? " " : "",
                 c->unit ? c->unit : "");
}

/* The sentence with the figure marked: [[text]], bold on a terminal. */
static void marked_sentence(FILE *out, const abg_claim *c, bool color)
{
    const char *s = c->sentence ? c->sentence : c->text;
    const char *at = strstr(s, c->text);

    if (!at) {
        fputs(s, out);
        return;
    }
    fwrite(s, 1, (size_t)(at - s), out);
    fprintf(out, "%s[[%s]]%s%s", cli_sgr(color, CLI_STYLE_BOLD), c->text, cli_sgr_end(color),
            at + strlen(c->text));
}

void check_write_text(FILE *out, const check_report *r)
{
    size_t i, k, n = abg_check_group_count(r->chk), counts[4] = {0, 0, 0, 0};
    bool verbose = r->verbose, color = r->color;

    for (i = 0; i < n; i++) {
        const abg_group *g = abg_check_group(r->chk, i);
        const char *cause = abg_cause_name(g->cause);
        if (r->accepted && r->accepted[i])
            continue; /* counted in r->accepted_count */
        counts[g->verdict]++;
        if (g->verdict == ABG_VERDICT_SINGLE && !verbose)
            continue;
        fprintf(out, "%s%s%s%s%s%s  %s  %s  %s%s%s (%s%s%s)  %.2f  %s\n",
                cli_sgr(color, g->verdict == ABG_VERDICT_CONFLICT ? CLI_STYLE_RED
                                                                   : CLI_STYLE_GREEN),
                abg_verdict_name(g->verdict), cause ? " (" : "", cause ? cause : "",
                cause ? ")" : "", cli_sgr_end(color), abg_fact_type_name(g->type),
                str_or(g->subject, "-"), str_or(g->measure, "-"), g->object ? " an " : "",
                g->object ? g->object : "", abg_role_name(g->role), g->time ? ", " : "",
                g->time ? g->time : "", g->confidence, g->id);
        if (g->verdict == ABG_VERDICT_CONFLICT && g->majority == ABG_NO_MAJORITY) {
            fprintf(out, "  no majority among %zu sources\n", g->sources);
        } else if (g->verdict == ABG_VERDICT_CONFLICT) {
            char val[128];
            check_claim_value(val, sizeof val, g->claims[g->majority]);
            fprintf(out, "  most sources: %s (%zu of %zu); deviating:", val, g->majority_sources,
                    g->sources);
            for (k = 0; k < g->nclaims; k++) {
                size_t j;
                if (!g->deviates[k])
                    continue;
                for (j = 0; j < k && !(g->deviates[j] && !strcmp(g->claims[j]->doc,
                                                                  g->claims[k]->doc));
                     j++)
                    ;
                if (j == k)
                    fprintf(out, " %s", g->claims[k]->doc);
            }
            fputc('\n', out);
        }
        for (k = 0; k < g->nclaims; k++) {
            const abg_claim *c = g->claims[k];
            char val[128];
            check_claim_value(val, sizeof val, c);
            fprintf(out, "  %s:%llu:%llu  %s  %s  %s%s%s%s%s%s\n", str_or(c->doc, "-"),
                    (unsigned long long)c->line, (unsigned long long)c->col, val,
                    abg_qualifier_name(c->qualifier), str_or(c->source, "-"),
                    c->time ? "  time: " : "", c->time ? c->time : "",
                    g->deviates[k] ? "  deviates" : "", g->copy[k] ? "  copy" : "",
                    g->inconsistent[k] ? "  inconsistent in itself" : "");
            fputs("      ", out);
            marked_sentence(out, c, color);
            fputc('\n', out);
        }
        fputc('\n', out);
    }
    for (k = 0; r->baseline && k < r->baseline->n; k++) {
        const check_baseline_entry *e = &r->baseline->entries[k];
        if (!e->matched)
            fprintf(out, "stale baseline entry %s (%s, %s): no longer found\n", e->id,
                    str_or(e->subject, "-"), str_or(e->type, "-"));
    }
    if (r->stale_count)
        fputc('\n', out);
    for (k = 0; k < abg_check_copy_count(r->chk); k++) {
        const char *doc, *orig;
        abg_check_copy(r->chk, k, &doc, &orig);
        fprintf(out, "copy: %s is a copy of %s\n", doc, orig);
    }
    fprintf(out, "%zu documents, %zu facts, %zu errors: %zu conflicts, %zu agree, %zu single\n",
            r->documents, r->facts, r->errors, counts[ABG_VERDICT_CONFLICT],
            counts[ABG_VERDICT_AGREE], counts[ABG_VERDICT_SINGLE]);
    if (abg_check_hidden_count(r->chk))
        fprintf(out, "%zu groups below the minimum confidence not shown\n",
                abg_check_hidden_count(r->chk));
    if (r->baseline)
        fprintf(out, "%zu conflicts accepted by the baseline, %zu stale entries\n",
                r->accepted_count, r->stale_count);
}

