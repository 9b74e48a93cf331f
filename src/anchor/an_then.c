/* an_then: a report quoted "at the time" ("As the paper reported at the
 * time, he will decide when he takes office next month") counts its
 * relative dates from that time, not from the day of writing
 * (an_clause.h). The time is the one the sentences before were about. */
#include "an_clause.h"
#include "anchor.h"
#include "../util/cal.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Is timex x counted from the day of writing ("next month", "two years
 * ago", "yesterday")? */
static int relative(const dc_doc *d, const dc_sent *s, const tx_timex *x)
{
    static const char *const w[] = {"next", "last", "this", "coming", "previous", "past", "ago",
                                    "yesterday", "tomorrow", "today", "tonight", NULL};
    for (uint32_t t = an_tok_at(d, s, x->start); t < s->tok0 + s->ntok && d->tok[t].start < x->end; t++)
        if (an_any_word(d, t, w)) return 1;
    return 0;
}

/* Does a report "at the time" ("reported at the time", "told reporters
 * at the time"; not "at the time of", "at the time when") stand before
 * byte before in sentence s? Without a verb of saying right before it,
 * "at the time" is a clause's own ("Jones, who was governor at the time,
 * said she will resign next month"): what follows counts from today. */
static int at_the_time(const dc_doc *d, const dc_sent *s, uint32_t before)
{
    uint32_t end = s->tok0 + s->ntok;
    for (uint32_t t = s->tok0; t + 2 < end && d->tok[t + 2].end <= before; t++) {
        if (!an_word(d, t, "at") || !an_word(d, t + 1, "the") || !an_word(d, t + 2, "time") ||
            (t + 3 < end && (an_word(d, t + 3, "of") || an_word(d, t + 3, "when"))))
            continue;
        for (uint32_t k = t; k > s->tok0 && k + 3 > t; k--)
            if (an_say(d, k - 1)) return 1;
    }
    return 0;
}

/* The own date of an event before event i whose first mention is in one
 * of the three sentences before si: its words', or those of an earlier
 * event told with the same trigger ("Obama's sanctions" after "announced
 * sanctions on December 29"). NULL if none. */
static const tl_date *then_date(const dc_doc *d, const annals_timeline *tl, size_t first, size_t i,
                                long si)
{
    for (size_t j = i; j-- > first;) {
        const tl_event *e = &tl->ev[j];
        if (!e->nmentions) continue;
        long sj = dc_sentence_at(d, e->mentions[0].start);
        if (sj >= si) continue;
        if (sj < si - 3) break;
        if (e->has_date && e->mentions[0].date_text) return &e->date;
        const char *w = e->mentions[0].trigger;
        for (size_t k = j; w && k-- > first;) {
            const tl_event *o = &tl->ev[k];
            if (o->nmentions && o->has_date && o->mentions[0].date_text && o->mentions[0].trigger &&
                strcasecmp(o->mentions[0].trigger, w) == 0)
                return &o->date;
        }
    }
    return NULL;
}

/* The rank of a precision: 0 day, 1 month, 2 year; -1 for the others. */
static int rank(const char *p)
{
    return strcmp(p, "day") == 0 ? 0 : strcmp(p, "month") == 0 ? 1 : strcmp(p, "year") == 0 ? 2 : -1;
}

int an_then(const dc_doc *d, const dc_sent *s, const tx_timex *x, const char *dct,
            const annals_timeline *tl, size_t first, size_t i, tl_date *out)
{
    tl_date v, now;
    int y, m, dd, cy, cm, cd, ty, tm, td;
    if (!dct[0] || !relative(d, s, x) || !at_the_time(d, s, x->start) || an_span(x->value, &v) ||
        an_span(dct, &now) || rank(v.precision) < 0)
        return 0;
    const tl_date *then = then_date(d, tl, first, i, (long)(s - d->sent));
    if (!then || rank(then->precision) < 0 || rank(then->precision) > rank(v.precision) ||
        !ca_parse_ymd(v.start, 10, &y, &m, &dd) || !ca_parse_ymd(now.start, 10, &cy, &cm, &cd) ||
        !ca_parse_ymd(then->start, 10, &ty, &tm, &td))
        return 0;
    char val[11];
    if (rank(v.precision) == 0) { /* days */
        ca_from_days(ca_to_days(ty, tm, td) + ca_to_days(y, m, dd) - ca_to_days(cy, cm, cd), &ty, &tm,
                     &td);
        ca_format_ymd(val, ty, tm, td);
    } else if (rank(v.precision) == 1) { /* months */
        int n = ty * 12 + tm - 1 + (y * 12 + m) - (cy * 12 + cm);
        snprintf(val, sizeof val, "%04d-%02d", n / 12 % 10000, n % 12 + 1);
    } else { /* years */
        snprintf(val, sizeof val, "%04d", (ty + y - cy) % 10000);
    }
    return an_span(val, out) == 0;
}
