/* an_anchor: the date of each event from the temporal expressions around
 * its trigger (anchor.h): its own clause, its sentence, the day the
 * sentence before named. What the words say of each date -- a report's,
 * across "after", a count "as of" -- is an_clause.c's. */
#include "anchor.h"
#include "an_clause.h"
#include "../util/cal.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Is this type of event done by announcing it ("imposed sanctions on
 * Monday", "threatened on Friday", "offered talks")? Then the day it was
 * announced is its date; any other event a report tells of keeps the
 * date of its own words or none ("a resignation reported Tuesday"). */
static int announced(const char *type)
{
    return strcmp(type, "sanctions") == 0 || strcmp(type, "threat") == 0 ||
           strcmp(type, "offer") == 0;
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

/* A clock time with no day to it: 1 for "6 a.m. local time", 2 for
 * "12:30" or "2:01" (no word at all). Its day is the tagger's guess, the
 * DCT's or the last named; with no word it is as often a video's length
 * or a score as a time of day. */
static int bare_clock(const dc_doc *d, const tx_timex *x)
{
    static const char *const zones[] = {"local", "time", "GMT", "UTC", "EDT", "EST", "PDT", "PST",
                                        "CDT", "CST", "BST", "CET", "CEST", NULL};
    if (strcmp(x->type, "TIME") != 0 || !isdigit((unsigned char)d->text[x->start])) return 0;
    int words = 0;
    for (uint32_t i = x->start; i < x->end;) {
        if (!isalpha((unsigned char)d->text[i])) { i++; continue; }
        uint32_t j = i;
        while (j < x->end && isalpha((unsigned char)d->text[j])) j++;
        int zone = j - i < 3; /* "a.m.", "pm", "ET" */
        for (size_t k = 0; zones[k] && !zone; k++)
            zone = strlen(zones[k]) == j - i && strncasecmp(d->text + i, zones[k], j - i) == 0;
        if (!zone) return 0; /* "9 a.m. Saturday" names its day */
        words = 1;
        i = j;
    }
    return words ? 1 : 2;
}

/* Does sentence s name a date other than timex x? */
static int other_date(const tx_timex *tx, size_t ntx, const dc_sent *s, const tx_timex *x)
{
    for (size_t k = 0; k < ntx; k++)
        if (&tx[k] != x && tx[k].start >= s->start && tx[k].end <= s->end &&
            strcmp(tx[k].type, "DATE") == 0)
            return 1;
    return 0;
}

/* The months of 1900-2155 that the text names with their year in digits
 * ("In December 2016", "Dec. 5, 2016"): bit (y - 1900) * 12 + m - 1 of
 * named. */
#define AN_YEAR0 1900
#define AN_NMONTHS (256 * 12)
static void named_months(const dc_doc *d, const tx_timex *tx, size_t ntx, unsigned char *named)
{
    memset(named, 0, AN_NMONTHS / 8);
    for (size_t k = 0; k < ntx; k++) {
        int y, m, digits = 0, year4 = 0;
        const char *v = tx[k].value;
        if (strlen(v) < 7 || v[4] != '-' || sscanf(v, "%4d-%2d", &y, &m) != 2 || y < AN_YEAR0 ||
            y >= AN_YEAR0 + 256 || m < 1 || m > 12)
            continue;
        for (uint32_t i = tx[k].start; i < tx[k].end && i < d->len && !year4; i++) {
            digits = isdigit((unsigned char)d->text[i]) ? digits + 1 : 0;
            year4 = digits == 4;
        }
        if (!year4) continue;
        int bit = (y - AN_YEAR0) * 12 + m - 1;
        named[bit / 8] |= (unsigned char)(1u << (bit % 8));
    }
}

/* "since the original September 11th attacks", in an article of
 * September 10: a day named without its year that lies over 200 days
 * before the DCT, the year being the one the DCT gave it. The text
 * never says which year; the guidelines give no year from outside it.
 * But a text that names that month with its year ("In December 2016,
 * ... the sanctions on December 29") has said it. */
static int yearless_old(const dc_doc *d, const tx_timex *x, const tl_date *t, const char *dct,
                        const unsigned char *named)
{
    int y, m, dd, cy, cm, cd;
    if (strcmp(t->precision, "day") != 0 || !ca_parse_ymd(t->start, 10, &y, &m, &dd) ||
        !ca_parse_ymd(dct, strlen(dct), &cy, &cm, &cd))
        return 0;
    int digits = 0;
    for (uint32_t i = x->start; i < x->end; i++) {
        digits = isdigit((unsigned char)d->text[i]) ? digits + 1 : 0;
        if (digits == 4) return 0; /* "Sept. 11, 2001" */
    }
    if ((x->end - x->start >= 4 && strncasecmp(d->text + x->start, "last", 4) == 0) ||
        memmem(d->text + x->start, x->end - x->start, "year", 4))
        return 0; /* "last September", "a year ago" */
    /* only a day written with its number ("December 29"): "that day" or
     * "Election day" took its year from a guess, not from the text */
    int bit = (y - AN_YEAR0) * 12 + m - 1, numbered = 0;
    for (uint32_t i = x->start; i < x->end && !numbered; i++) numbered = isdigit((unsigned char)d->text[i]);
    if (numbered && y >= AN_YEAR0 && y < AN_YEAR0 + 256 && (named[bit / 8] & (1u << (bit % 8))))
        return 0;
    int nearest = (m < cm || (m == cm && dd <= cd)) ? cy : cy - 1;
    return y == nearest && ca_to_days(cy, cm, cd) - ca_to_days(y, m, dd) > 200;
}

/* Is the trigger at byte at in a background clause ("while U.S. forces
 * withdrew", "amid protests"), which tells no news of its own, or across
 * a link that sets its time apart from the clause's ("Following Trump's
 * election", "came just after Iran launched missiles")? */
static int background(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    static const char *const words[] = {"while", "as", "amid", "since", "whereas", "after",
                                        "before", "following", "until", NULL};
    static wd_list w = {.w = words};
    for (uint32_t t = s->tok0; t < s->tok0 + s->ntok && d->tok[t].start < at; t++)
        if (an_list_word(d, t, &w)) return 1;
    return 0;
}

/* May the trigger at byte at take the narrative's current date? Only a
 * plain past told as news: not a background clause, the perfect ("has
 * taken out"), what someone says, a participle ("detained Americans")
 * or an infinitive ("to negotiate"). */
static int carries(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    return !background(d, s, at) && !an_perfect(d, s, at) && !an_reported(d, s, at) &&
           !an_attributive(d, s, at) && !an_infinitive(d, s, at);
}

/* Is the act at byte at issued in the news present ("Al-Ansi also issues
 * a warning")? A threat, an offer or sanctions issued so are done by
 * being announced, on the day of writing. Only a light verb before the
 * noun: a present of the trigger itself is as often generic ("the deal
 * offers an opportunity", "threatens to depress growth"). */
static int news_present(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    static const char *const acts[] = {"issues", "delivers", "renews", "repeats", NULL};
    static const char *const det[] = {"a", "an", "the", "his", "her", "its", "their", "new",
                                      "fresh", "stark", "another", NULL};
    static const char *const cond[] = {"when", "whenever", "if", "unless", NULL};
    uint32_t t = an_tok_at(d, s, at);
    /* "When the president issues an ultimatum, ...": no act of the day */
    for (uint32_t k = s->tok0; k < t; k++)
        if (an_any_word(d, k, cond)) return 0;
    /* the verb, then at least one determiner ("issues a warning"): not the
     * noun "issues" of "mix the two issues threatens" */
    for (uint32_t k = 0; k < 3 && t > s->tok0; k++) {
        t--;
        if (k > 0 && an_any_word(d, t, acts)) return 1;
        if (!an_any_word(d, t, det)) return 0;
    }
    return 0;
}

/* Is the act at byte at news of the day of writing, told in the present
 * perfect by a report in the present ("As the paper reports, rebels have
 * taken the town")? */
static int reported_now(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    static const char *const now[] = {"reports", "says", "writes", "tells", "confirms", NULL};
    uint32_t t = an_tok_at(d, s, at);
    if (!an_present_perfect(d, s, at)) return 0;
    for (uint32_t k = s->tok0; k < t; k++)
        if (an_any_word(d, k, now)) return 1;
    return 0;
}

/* Does an event of the document other than e have a trigger starting in
 * bytes [from, to) of sentence s? */
static int other_trigger_in(const annals_timeline *tl, size_t first, const tl_event *e,
                            const dc_sent *s, uint32_t from, uint32_t to)
{
    for (size_t i = first; i < tl->nev; i++) {
        if (&tl->ev[i] == e) continue;
        for (size_t j = 0; j < tl->ev[i].nmentions; j++) {
            const tl_mention *m = &tl->ev[i].mentions[j];
            if (m->start != s->start || !m->trigger || !m->sentence) continue;
            const char *p = strstr(m->sentence, m->trigger);
            uint32_t at = p ? s->start + (uint32_t)(p - m->sentence) : 0;
            if (p && at >= from && at < to) return 1;
        }
    }
    return 0;
}

/* The first timex that starts at or after byte at (they come sorted). */
static size_t first_in(const tx_timex *tx, size_t ntx, uint32_t at)
{
    size_t lo = 0, hi = ntx;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tx[mid].start < at) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* What decides whether a timex may date an event of the document. */
typedef struct usable_ctx {
    const dc_doc *d;
    const tx_timex *tx;
    size_t ntx;
    const char *dct;
    const unsigned char *named;
    const dc_sent *s; /* the sentence of the event */
} usable_ctx;

/* May tx[k], in the event's sentence s, date it at all: a date or a time
 * of the calendar, not "May's promise", not a yearless day long before
 * the DCT, not a clock time with no day of its own? */
static int usable_in(const usable_ctx *c, const dc_sent *s, size_t k)
{
    const tx_timex *x = &c->tx[k];
    tl_date tmp;
    if (strcmp(x->type, "DATE") != 0 && strcmp(x->type, "TIME") != 0) return 0;
    if (an_span(x->value, &tmp) || name_as_month(c->d, x) ||
        (c->dct[0] && yearless_old(c->d, x, &tmp, c->dct, c->named)))
        return 0;
    /* "at 6 a.m. on Sept. 12": the day is the date's, not the clock's */
    int clock = bare_clock(c->d, x);
    return !(clock == 2 || (clock && other_date(c->tx, c->ntx, s, x)));
}

static int usable_fn(const void *ctx, size_t k)
{
    const usable_ctx *c = ctx;
    return usable_in(c, c->s, k);
}

void an_anchor(const dc_doc *d, const tx_timex *tx, size_t ntx, annals_timeline *tl, size_t first)
{
    const tl_event *prev = NULL; /* the last event dated from its own words */
    int sorted = 1; /* timexes in text order: each sentence's found by bisection */
    for (size_t k = 1; k < ntx && sorted; k++) sorted = tx[k].start >= tx[k - 1].start;
    long prev_si = -1;
    unsigned char named[AN_NMONTHS / 8];
    named_months(d, tx, ntx, named);
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
        usable_ctx uc = {d, tx, ntx, dct, named, s};
        an_usable ok = {usable_fn, &uc};
        /* the trigger's offset: the mention spans its sentence */
        const char *tr = m->trigger ? strstr(m->sentence, m->trigger) : NULL;
        uint32_t at = tr ? s->start + (uint32_t)(tr - m->sentence) : s->start;
        long best = -1;
        uint32_t best_dist = UINT32_MAX;
        int best_rank = 0, best_fits = 0, dated_sentence = 0;
        /* a participle used as an adjective names a state, not news of
         * its sentence's day; an infinitive or a participle after its
         * noun is dated only by what follows it */
        int attributive = an_attributive(d, s, at),
            after_only = an_infinitive(d, s, at) || an_reduced_relative(d, s, at);
        for (size_t k = sorted ? first_in(tx, ntx, s->start) : 0;
             k < ntx && (!sorted || tx[k].start < s->end) && !attributive; k++) {
            if (tx[k].start < s->start || tx[k].end > s->end) continue;
            tl_date tmp;
            if (!usable_in(&uc, s, k) || an_span(tx[k].value, &tmp)) continue;
            dated_sentence = 1;
            uint32_t a = tx[k].end <= at ? tx[k].end : at, b = tx[k].end <= at ? at : tx[k].start;
            uint32_t dist = b > a ? b - a : 0;
            /* a date some sixty words away governs another verb; and the
             * word tests below scan what lies between (a sentence with no
             * end must not make them quadratic) */
            if (dist > 400) continue;
            int own = an_modifier(d, s, tx[k].start, tx[k].end, at) ||
                      an_light_verb(d, s, tx[k].start, at) || an_when_clause(d, s, tx[k].end, at),
                report = 0;
            uint32_t from, to;
            if (!own) {
                if (an_no_event_date(d, s, tx[k].start, tx[k].end, at)) continue;
                /* "video of the attack in Paris and of the Sept. 11
                 * attacks": the date of another event, named right after */
                if (an_premodifier(d, s, tx[k].start, tx[k].end, &from, &to) &&
                    !(at >= from && at < to) && other_trigger_in(tl, first, e, s, from, to))
                    continue;
                /* "the attack came a day after talks failed on Monday" */
                int coarse = strcmp(tmp.precision, "day") != 0 && strcmp(tmp.precision, "week") != 0;
                if (an_time_link(d, s, tx[k].start, tx[k].end, at, coarse)) continue;
                /* "agreed on Monday to withdraw": the day of the agreeing */
                if (after_only && tx[k].end <= at) continue;
                /* the day of a report or of a quotation dates what it
                 * tells only when telling is doing it */
                report = an_report_date(d, s, tx[k].start, tx[k].end, at);
                /* "said on Wednesday three Americans have been freed":
                 * what is news in the report is done by its day */
                if (report && !announced(e->type) && !an_present_perfect(d, s, at)) continue;
                /* what is quoted is done that day only if it is a threat
                 * ("I say hit Turkey very hard", tweeted on Thursday) */
                if (an_crosses_quote(d, s, a, b)) {
                    if (strcmp(e->type, "threat") != 0) continue;
                    report = 1;
                }
            }
            int same_clause = !report && !an_crosses_clause(d, s, a, b);
            int fits = tense_fits(e->modality, &tmp, dct);
            /* a date after the DCT far from an asserted trigger most often
             * belongs to another verb ("the election early next year will
             * be the first test since the mass demonstrations seen after
             * ..."): any other date of the sentence goes first. Right by
             * the trigger, the modality is what is wrong ("the primary
             * next week"). */
            int far_future = dct[0] && strcmp(e->modality, "asserted") == 0 &&
                             strcmp(tmp.start, dct) > 0 && dist > 40;
            /* and a year after the DCT's is no date of news at all (a
             * "2020 Democrats" headline run into the sentence) */
            if (far_future && strncmp(tmp.start, dct, 4) > 0) continue;
            /* its own date first ("the 2006 election", "took place in
             * February 2014"), then one of its clause */
            int rank = own * 4 + !far_future * 2 + same_clause;
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
        an_shift sh;
        int counted = 0;
        if (best < 0 && (strcmp(e->modality, "asserted") == 0 || strcmp(e->modality, "planned") == 0) &&
            (!after_only || announced(e->type)) && (counted = an_day_shift(d, s, at, &sh))) {
            /* "a day after the EU lifted the embargo": counted from the
             * other side's day; "two days after a deadline to reach a
             * deal" is not the deal's, but a decision to lift an embargo
             * is the lifting */
            if (an_shift_date(d, s, tx, ntx, &ok, &sh, dct, an_news_day(d, tx, ntx, dct), &e->date)) {
                e->has_date = 1;
                m->date_text = tl_strdup(tl, d->text + sh.from, sh.to - sh.from);
                continue;
            }
        }
        /* a count of days links it to another time that gave no day: a
         * day carried from the narrative is one side's, so off by the count
         * ("The vote was on Sunday. Protests erupted a day after the vote") */
        if (best < 0 && counted) continue;
        if (best < 0) {
            /* an undated event told right after a dated one, in the same
             * paragraph, most often belongs to it ("Insurgents fired on
             * the aircraft" after "the raid on Saturday"); a sentence that
             * names days of its own, none of them this event's, has left
             * the narrative's day */
            int carry = strcmp(e->modality, "asserted") == 0 && !dated_sentence && carries(d, s, at);
            if (dct[0] && strcmp(e->modality, "asserted") == 0 && !dated_sentence &&
                reported_now(d, s, at) && an_span(dct, &e->date) == 0) {
                e->has_date = 1;
                continue;
            }
            if (carry && dct[0] && announced(e->type) && news_present(d, s, at) &&
                an_span(dct, &e->date) == 0) {
                e->has_date = 1;
                continue;
            }
            if (carry && prev && si - prev_si <= 1 && !an_para_between(d, prev_si, si) &&
                strcmp(prev->date.precision, "day") == 0) {
                e->date = prev->date;
                e->has_date = 1;
            } else if (carry) {
                long k = an_narrative_day(d, tx, ntx, si);
                if (k < 0) k = an_meanwhile_day(d, tx, ntx, si, at);
                if (k >= 0 && an_span(tx[k].value, &e->date) == 0) e->has_date = 1;
                /* "Mr. Obama said at a joint news conference": with no
                 * day of its own, the saying is the news of the day the
                 * story leads with */
                const char *nd = an_news_day(d, tx, ntx, dct);
                if (k < 0 && nd[0] && an_said_at(d, s, at) && an_span(nd, &e->date) == 0)
                    e->has_date = 1;
            }
            continue;
        }
        if (an_then(d, s, &tx[best], dct, tl, first, i, &e->date) ||
            an_span(tx[best].value, &e->date) == 0) {
            e->has_date = 1;
            /* date_text lives in the timeline's arena, like the rest */
            m->date_text = tl_strdup(tl, d->text + tx[best].start, tx[best].end - tx[best].start);
            /* what its own words date wholly after the time of writing
             * has not happened: a plan ("the deadline of 31 October for
             * Britain's departure") */
            if (dct[0] && strcmp(e->modality, "asserted") == 0 && strcmp(e->date.start, dct) > 0)
                e->modality = "planned";
        }
    }
}
