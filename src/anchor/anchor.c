/* an_anchor: the date of each event from the temporal expressions around
 * its trigger (anchor.h): its own clause, its sentence, the day the
 * sentence before named; a report's date and a date that does not fit the
 * tense go last. */
#include "anchor.h"
#include "../util/cal.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int tok_is(const dc_doc *d, uint32_t t, const char *w)
{
    size_t n = strlen(w);
    return d->tok[t].end - d->tok[t].start == n && strncasecmp(d->text + d->tok[t].start, w, n) == 0;
}

/* Is there a clause boundary between byte offsets a < b? */
static int crosses_clause(const dc_doc *d, const dc_sent *s, uint32_t a, uint32_t b)
{
    for (uint32_t t = s->tok0; t < s->tok0 + s->ntok; t++) {
        if (d->tok[t].start < a) continue;
        if (d->tok[t].start >= b) break;
        if (tok_is(d, t, ";") || tok_is(d, t, ":") || tok_is(d, t, "but") || tok_is(d, t, "while") ||
            tok_is(d, t, "after") || tok_is(d, t, "before") || tok_is(d, t, "since") ||
            tok_is(d, t, "when") || tok_is(d, t, "\xE2\x80\x94"))
            return 1;
    }
    return 0;
}

/* A quotation mark: what is said inside and the saying outside are two
 * clauses ("\u201cWhen our presidents spoke ...,\u201d he told reporters on
 * Monday"). */
static int is_quote(const dc_doc *d, uint32_t t)
{
    return tok_is(d, t, "\"") || tok_is(d, t, "\xE2\x80\x9C") || tok_is(d, t, "\xE2\x80\x9D");
}

/* Verbs of saying: a date right after one ("said on Monday", "told
 * reporters Monday") is the day of the report, not of what it reports. */
static int is_report_verb(const dc_doc *d, uint32_t t)
{
    static const char *const words[] = {"said", "says", "told", "announced", "reported",
                                        "added", "stated", "tweeted", "wrote", "confirmed",
                                        "revealed", "acknowledged", NULL};
    for (size_t i = 0; words[i]; i++)
        if (tok_is(d, t, words[i])) return 1;
    return 0;
}

/* Is the timex at byte at the date of a report: a verb of saying among
 * the three words before it? */
static int report_date(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    uint32_t t = s->tok0;
    while (t < s->tok0 + s->ntok && d->tok[t].start < at) t++;
    for (uint32_t k = 0; k < 3 && t > s->tok0; k++)
        if (is_report_verb(d, --t)) return 1;
    return 0;
}

/* Is there a quotation mark between byte offsets a < b? */
static int crosses_quote(const dc_doc *d, const dc_sent *s, uint32_t a, uint32_t b)
{
    for (uint32_t t = s->tok0; t < s->tok0 + s->ntok && d->tok[t].start < b; t++)
        if (d->tok[t].start >= a && is_quote(d, t)) return 1;
    return 0;
}

/* Does a date span fit an event of this modality, told on the DCT? A plan
 * is for the DCT or later ("said on Monday that the summit is set for
 * June 12"). Only a preference, and only for plans: what the grammar
 * calls asserted is too often a plan it missed ("the state's primary next
 * week"). dct "" knows no time of writing: every span fits. */
static int tense_fits(const char *modality, const tl_date *t, const char *dct)
{
    if (!dct[0] || strcmp(modality, "planned") != 0) return 1;
    return strcmp(t->end, dct) >= 0;
}

/* "May's promise": a name read as a month is no date of the event. */
static int name_as_month(const dc_doc *d, const tx_timex *x)
{
    const char *after = d->text + x->end;
    /* "Thursday's vote", "last month's election" are dates */
    if (strlen(x->value) != 7) return 0;
    for (uint32_t i = x->start; i < x->end; i++)
        if (isdigit((unsigned char)d->text[i]) || d->text[i] == ' ') return 0;
    return (x->end + 2 <= d->len && strncmp(after, "'s", 2) == 0) ||
           (x->end + 4 <= d->len && strncmp(after, "\xE2\x80\x99s", 4) == 0);
}

/* Is the trigger at byte at in a background clause ("while U.S. forces
 * withdrew", "amid protests"), which tells no news of its own? */
static int background(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    for (uint32_t t = s->tok0; t < s->tok0 + s->ntok && d->tok[t].start < at; t++)
        if (tok_is(d, t, "while") || tok_is(d, t, "as") || tok_is(d, t, "amid") ||
            tok_is(d, t, "since") || tok_is(d, t, "whereas"))
            return 1;
    return 0;
}

/* Does a paragraph start between sentences a < b? */
static int para_between(const dc_doc *d, long a, long b)
{
    for (long k = a + 1; k <= b; k++)
        if (d->tok[d->sent[k].tok0].flags & DC_PARA) return 1;
    return 0;
}

/* The narrative's current date before sentence si: the last day the
 * sentence before it named (not the day of a report), as "Later that
 * day" or a bare "Insurgents fired on the aircraft" continue it. -1 if
 * it named none. */
static long narrative_day(const dc_doc *d, const tx_timex *tx, size_t ntx, long si)
{
    if (si < 1 || para_between(d, si - 1, si)) return -1; /* a new paragraph, a new scene */
    const dc_sent *p = &d->sent[si - 1];
    long found = -1;
    for (size_t k = 0; k < ntx; k++) {
        if (tx[k].start < p->start || tx[k].end > p->end) continue;
        tl_date t;
        if (an_span(tx[k].value, &t) || strcmp(t.precision, "day") != 0) continue;
        if (report_date(d, p, tx[k].start)) continue;
        found = (long)k;
    }
    return found;
}

void an_anchor(const dc_doc *d, const tx_timex *tx, size_t ntx, annals_timeline *tl, size_t first)
{
    const tl_event *prev = NULL; /* the last event dated from its own words */
    long prev_si = -1;
    for (size_t i = first; i < tl->nev; i++) {
        tl_event *e = &tl->ev[i];
        if (!e->nmentions) continue;
        tl_mention *m = &e->mentions[0];
        long si = dc_sentence_at(d, m->start);
        if (si < 0) continue;
        if (i > first && tl->ev[i - 1].has_date && tl->ev[i - 1].nmentions &&
            tl->ev[i - 1].mentions[0].date_text) {
            prev = &tl->ev[i - 1];
            prev_si = dc_sentence_at(d, prev->mentions[0].start);
        }
        const dc_sent *s = &d->sent[si];
        const char *dct = m->doc < tl->ndocs ? tl->docs[m->doc].dct : "";
        /* the trigger's offset: the mention spans its sentence */
        const char *tr = m->trigger ? strstr(m->sentence, m->trigger) : NULL;
        uint32_t at = tr ? s->start + (uint32_t)(tr - m->sentence) : s->start;
        long best = -1;
        uint32_t best_dist = UINT32_MAX;
        int best_rank = 0, best_fits = 0;
        for (size_t k = 0; k < ntx; k++) {
            if (tx[k].start < s->start || tx[k].end > s->end) continue;
            if (strcmp(tx[k].type, "DATE") != 0 && strcmp(tx[k].type, "TIME") != 0) continue;
            tl_date tmp;
            if (an_span(tx[k].value, &tmp) || name_as_month(d, &tx[k])) continue;
            uint32_t a = tx[k].end <= at ? tx[k].end : at, b = tx[k].end <= at ? at : tx[k].start;
            uint32_t dist = b > a ? b - a : 0;
            int report = report_date(d, s, tx[k].start);
            /* the day a quotation was given is not the day of what it tells */
            if (report && crosses_quote(d, s, a, b)) continue;
            /* a report's date dates what is reported only when nothing
             * nearer does */
            int same_clause = !report && !crosses_clause(d, s, a, b);
            int fits = tense_fits(e->modality, &tmp, dct);
            /* a date after the DCT far from an asserted trigger most often
             * belongs to another verb ("the election early next year will
             * be the first test since the mass demonstrations seen after
             * ..."): any other date of the sentence goes first. Right by
             * the trigger, the modality is what is wrong ("the primary
             * next week"). */
            int far_future = dct[0] && strcmp(e->modality, "asserted") == 0 &&
                             strcmp(tmp.start, dct) > 0 && dist > 40;
            int rank = !far_future * 2 + same_clause;
            /* the own clause first, then a date that fits the tense, then
             * the nearest */
            if (best < 0 || rank > best_rank || (rank == best_rank && fits > best_fits) ||
                (rank == best_rank && fits == best_fits && dist < best_dist)) {
                best_rank = rank;
                best_fits = fits;
                best = (long)k;
                best_dist = dist;
            }
        }
        /* what only might happen has no day but one its own clause gives
         * ("the town could still fall", said on Friday) */
        if (best >= 0 && strcmp(e->modality, "hypothetical") == 0 && !(best_rank & 1)) continue;
        if (best < 0) {
            /* an undated event told right after a dated one, in the same
             * paragraph, most often belongs to it ("Insurgents fired on
             * the aircraft" after "the raid on Saturday") */
            if (prev && strcmp(e->modality, "asserted") == 0 && si - prev_si <= 1 &&
                !para_between(d, prev_si, si) && !background(d, s, at)) {
                e->date = prev->date;
                e->has_date = 1;
            } else if (strcmp(e->modality, "asserted") == 0 && !background(d, s, at)) {
                long k = narrative_day(d, tx, ntx, si);
                if (k >= 0 && an_span(tx[k].value, &e->date) == 0) e->has_date = 1;
            }
            continue;
        }
        if (an_span(tx[best].value, &e->date) == 0) {
            e->has_date = 1;
            /* date_text lives in the timeline's arena, like the rest */
            m->date_text = tl_strdup(tl, d->text + tx[best].start, tx[best].end - tx[best].start);
        }
    }
}
