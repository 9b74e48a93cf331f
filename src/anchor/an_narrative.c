/* an_narrative: the narrative's current day -- what a sentence with no
 * date of its own may take from the sentences before it (an_clause.h). */
#include "an_clause.h"
#include "anchor.h"
#include <string.h>

/* Does a paragraph start between sentences a < b? */
int an_para_between(const dc_doc *d, long a, long b)
{
    for (long k = a + 1; k <= b; k++)
        if (d->tok[d->sent[k].tok0].flags & DC_PARA) return 1;
    return 0;
}

/* The narrative's current date before sentence si: the last day the
 * sentence before it named (not the day of a report), as "Later that
 * day" or a bare "Insurgents fired on the aircraft" continue it. -1 if
 * it named none. */
long an_narrative_day(const dc_doc *d, const tx_timex *tx, size_t ntx, long si)
{
    if (si < 1 || an_para_between(d, si - 1, si)) return -1; /* a new paragraph, a new scene */
    const dc_sent *p = &d->sent[si - 1];
    long found = -1;
    for (size_t k = 0; k < ntx; k++) {
        if (tx[k].start < p->start || tx[k].end > p->end) continue;
        tl_date t;
        if (an_span(tx[k].value, &t) || strcmp(t.precision, "day") != 0) continue;
        if (an_report_date(d, p, tx[k].start, tx[k].end, tx[k].start)) continue;
        found = (long)k;
    }
    return found;
}

/* Is token t a verb in the simple past: "-ed", or one of the irregular
 * verbs news tells events with? */
static int simple_past(const dc_doc *d, uint32_t t)
{
    static const char *const irregular[] = {"met", "spoke", "held", "took", "struck", "fought",
                                            "shot", "won", "began", "sent", "led", "seized",
                                            "broke", "drove", "flew", "went", "made", "gave",
                                            "threw", "overran", "overthrew", "rose", NULL};
    const dc_token *k = &d->tok[t];
    if (k->kind != DC_WORD) return 0;
    return an_ed(d, t) || an_any_word(d, t, irregular);
}

/* Is the trigger at byte at the verb of a clause told as "meanwhile"
 * ("Iran vowed, meanwhile, to retaliate", "Meanwhile, troops recaptured
 * two towns"): a simple past right before the word or the first after
 * it? */
static int meanwhile_verb(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    uint32_t end = s->tok0 + s->ntok, tr = an_tok_at(d, s, at);
    if (tr >= end || d->tok[tr].start != at || !simple_past(d, tr)) return 0;
    if (tr + 2 < end && an_word(d, tr + 1, ",") && an_word(d, tr + 2, "meanwhile")) return 1;
    for (uint32_t t = tr; t > s->tok0 && tr - t < 8;) {
        t--;
        if (an_word(d, t, "meanwhile")) return 1;
        if (simple_past(d, t)) return 0;
    }
    return 0;
}

/* The day a "meanwhile" clause refers to: what it tells happened while
 * the narrative's last named time held ("Trump said Friday he would
 * decertify the deal ... Iran vowed, meanwhile, to retaliate"). The walk
 * back from sentence si stops at the first sentence that names a time (a
 * date modifying a noun, "the 2015 deal", names none); only a day
 * carries. -1 if none. */
long an_meanwhile_day(const dc_doc *d, const tx_timex *tx, size_t ntx, long si, uint32_t at)
{
    if (!meanwhile_verb(d, &d->sent[si], at)) return -1;
    for (long pi = si - 1; pi >= 0 && si - pi <= 8; pi--) {
        const dc_sent *p = &d->sent[pi];
        long found = -2;
        for (size_t k = 0; k < ntx; k++) {
            uint32_t from, to;
            tl_date t;
            if (tx[k].start < p->start || tx[k].end > p->end || strcmp(tx[k].type, "DATE") != 0 ||
                an_span(tx[k].value, &t) || an_premodifier(d, p, tx[k].start, tx[k].end, &from, &to))
                continue;
            found = strcmp(t.precision, "day") == 0 ? (long)k : -1;
        }
        if (found != -2) return found;
    }
    return -1;
}

/* The day a story leads with, when it is the day of writing: dct if
 * one of the first two sentences names it ("Israel's defense minister
 * on Tuesday signaled"), else "". */
const char *an_news_day(const dc_doc *d, const tx_timex *tx, size_t ntx, const char *dct)
{
    if (!dct[0] || !d->nsent) return "";
    uint32_t end = d->sent[d->nsent > 1 ? 1 : 0].end;
    for (size_t k = 0; k < ntx && tx[k].start < end; k++)
        if (strcmp(tx[k].type, "DATE") == 0 && strcmp(tx[k].value, dct) == 0) return dct;
    return "";
}

