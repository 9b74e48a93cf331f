#include "anchor.h"
#include "../util/cal.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return 1;
}

static void set(tl_date *o, const char *prec, int y0, int m0, int d0, int y1, int m1, int d1)
{
    o->precision = prec;
    ca_format_ymd(o->start, y0, m0, d0);
    ca_format_ymd(o->end, y1, m1, d1);
}

int an_span(const char *v, tl_date *o)
{
    size_t n = strlen(v);
    if (n >= sizeof o->value) return -1;
    snprintf(o->value, sizeof o->value, "%s", v);
    if (n >= 4 && v[0] == 'F' && v[1] == 'Y' && digits(v + 2, 4)) { /* FY2020: its calendar year */
        int y = atoi(v + 2);
        set(o, "year", y, 1, 1, y, 12, 31);
        return 0;
    }
    if (n == 3 && digits(v, 3)) { /* a decade */
        int y = atoi(v) * 10;
        if (y < 1) return -1;
        set(o, "decade", y, 1, 1, y + 9, 12, 31);
        return 0;
    }
    if (n < 4 || !digits(v, 4)) return -1;
    int y = atoi(v);
    if (y < 1) return -1;
    if (n == 4) { set(o, "year", y, 1, 1, y, 12, 31); return 0; }
    if (v[4] != '-') return -1;
    const char *r = v + 5;
    if (digits(r, 2) && (r[2] == '\0' || r[2] == '-')) {
        int m = atoi(r);
        if (m < 1 || m > 12) return -1;
        if (r[2] == '\0') {
            set(o, "month", y, m, 1, y, m, ca_days_in_month(y, m));
            return 0;
        }
        if (!digits(r + 3, 2)) return -1;
        int d = atoi(r + 3);
        if (!ca_valid(y, m, d)) return -1;
        if (r[5] != '\0' && r[5] != 'T') return -1;
        set(o, "day", y, m, d, y, m, d);
        o->value[10] = '\0'; /* a date-time ("Tuesday morning") dates an event by its day */
        return 0;
    }
    if (r[0] == 'W' && digits(r + 1, 2)) { /* ISO week, Monday to Sunday */
        int w = atoi(r + 1);
        long jan4 = ca_to_days(y, 1, 4);
        int wd = ca_weekday(y, 1, 4);
        long mon = jan4 - wd + (long)(w - 1) * 7;
        long from = mon, to = mon + 6;
        if (strcmp(r + 3, "-WE") == 0) from = mon + 5;
        else if (r[3] != '\0') return -1;
        int a, b, c, d2, e2, f2;
        ca_from_days(from, &a, &b, &c);
        ca_from_days(to, &d2, &e2, &f2);
        set(o, "week", a, b, c, d2, e2, f2);
        return 0;
    }
    if (r[0] == 'Q' && r[1] >= '1' && r[1] <= '4' && r[2] == '\0') {
        int q = r[1] - '0';
        set(o, "quarter", y, 3 * q - 2, 1, y, 3 * q, ca_days_in_month(y, 3 * q));
        return 0;
    }
    if (r[0] == 'H' && (r[1] == '1' || r[1] == '2') && r[2] == '\0') {
        int h = r[1] - '0';
        set(o, "quarter", y, h == 1 ? 1 : 7, 1, y, h == 1 ? 6 : 12, h == 1 ? 30 : 31);
        return 0;
    }
    /* seasons, meteorological: spring is March to May */
    if (strcmp(r, "SP") == 0) { set(o, "season", y, 3, 1, y, 5, 31); return 0; }
    if (strcmp(r, "SU") == 0) { set(o, "season", y, 6, 1, y, 8, 31); return 0; }
    if (strcmp(r, "FA") == 0) { set(o, "season", y, 9, 1, y, 11, 30); return 0; }
    if (strcmp(r, "WI") == 0) {
        if (y >= 9999) return -1;
        set(o, "season", y, 12, 1, y + 1, 2, ca_days_in_month(y + 1, 2));
        return 0;
    }
    return -1;
}

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
        /* the trigger's offset: the mention spans its sentence */
        const char *tr = m->trigger ? strstr(m->sentence, m->trigger) : NULL;
        uint32_t at = tr ? s->start + (uint32_t)(tr - m->sentence) : s->start;
        long best = -1;
        uint32_t best_dist = UINT32_MAX;
        int best_clause = 0;
        for (size_t k = 0; k < ntx; k++) {
            if (tx[k].start < s->start || tx[k].end > s->end) continue;
            if (strcmp(tx[k].type, "DATE") != 0 && strcmp(tx[k].type, "TIME") != 0) continue;
            tl_date tmp;
            if (an_span(tx[k].value, &tmp) || name_as_month(d, &tx[k])) continue;
            uint32_t a = tx[k].end <= at ? tx[k].end : at, b = tx[k].end <= at ? at : tx[k].start;
            uint32_t dist = b > a ? b - a : 0;
            int same_clause = !crosses_clause(d, s, a, b);
            /* the own clause first, then the nearest in the sentence */
            if (best < 0 || same_clause > best_clause ||
                (same_clause == best_clause && dist < best_dist)) {
                best = (long)k;
                best_dist = dist;
                best_clause = same_clause;
            }
        }
        if (best < 0) {
            /* an undated event told right after a dated one, in the same
             * paragraph, most often belongs to it ("Insurgents fired on
             * the aircraft" after "the raid on Saturday") */
            if (prev && strcmp(e->modality, "asserted") == 0 && si - prev_si <= 1 &&
                !para_between(d, prev_si, si) && !background(d, s, at)) {
                e->date = prev->date;
                e->has_date = 1;
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
