/* The date pass over one document: grammar matches in text order, each
 * resolved with the tense of its sentence and the last date named. */
#include "timex.h"
#include "tx_tense.h"
#include "../util/cal.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int parse_full(const char *v, int *y, int *m, int *d)
{
    return strlen(v) >= 10 && ca_parse_iso_prefix(v, strlen(v), y, m, d);
}

/* "at 3 p.m. on Friday", "5 a.m. yesterday": a clock time followed by the
 * day it falls on belongs to that day, not to the last date named. m is
 * the time's match, next the following one; day the value next resolved
 * to (in its own context). */
static void time_on_day(const gm_match *m, const gm_match *next, const char *text,
                        const char *dayval, char value[40])
{
    if (strcmp(m->rule->func, "time") != 0 || strlen(value) < 11 || value[10] != 'T') return;
    const char *p = text + m->end, *e = text + next->start;
    while (p < e && (*p == ' ' || *p == ','))
        p++;
    if (e - p >= 2 && strncasecmp(p, "on", 2) == 0 && (p + 2 == e || p[2] == ' ')) p += 2;
    while (p < e && *p == ' ')
        p++;
    if (p != e || next->start - m->end > 8) return;
    char day[40], clock[40];
    int y, mo, dd;
    snprintf(day, sizeof day, "%s", dayval);
    char *part = strchr(day, 'T');
    if (part) *part = '\0'; /* "Friday night": the day alone */
    /* a day: 2021-07-16, or one whose place is unknown (XXXX-WXX-5) */
    int unknown_day = (strlen(day) == 10 && strncmp(day, "XXXX-", 5) == 0) ||
                      (strlen(day) == 10 && strncmp(day, "XXXX-WXX-", 9) == 0);
    if (!unknown_day && !(strlen(day) == 10 && parse_full(day, &y, &mo, &dd))) return;
    strcpy(clock, value + 10); /* "T15:00" */
    snprintf(value, 40, "%.10s%.29s", day, clock); /* the day is 10 bytes here */
}

int tx_future(const tx_ctx *c)
{
    if (*c->future < 0) *c->future = c->sent ? tx_sentence_future(c->doc, c->sent) : 0;
    return *c->future;
}

int tx_find(const gm_grammar *g, const dc_doc *d, const char *dct,
            annals_date_order order, ar_arena *a, tx_timex **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    gm_match *ms;
    size_t nm;
    if (gm_run_words(g, d->text, d->len, d->words, a, &ms, &nm)) return -1;
    if (!nm) return 0;
    tx_timex *res = ar_alloc(a, nm * sizeof *res);
    const gm_match **src = ar_alloc(a, nm * sizeof *src); /* the match of each result */
    if (!res || !src) return -1;
    tx_ctx c;
    memset(&c, 0, sizeof c);
    c.g = g;
    c.order = order;
    if (dct) c.has_dct = ca_parse_ymd(dct, strlen(dct), &c.dy, &c.dm, &c.dd);
    long cached_sent = -2, period_sent = -2;
    int cached_future = -1; /* of cached_sent; -1 not yet asked */
    c.future = &cached_future;
    c.doc = d;
    for (size_t i = 0; i < nm; i++) {
        const gm_match *m = &ms[i];
        long si = dc_sentence_at(d, m->start);
        if (si >= 0 && d->sent[si].end < m->end) continue; /* runs across a sentence end */
        if (si != cached_sent) {
            cached_future = -1; /* most expressions resolve without it */
            cached_sent = si;
        }
        c.sent = si >= 0 ? &d->sent[si] : NULL;
        c.in_period = si == period_sent;
        int dir = si >= 0 ? tx_direction(d, &d->sent[si], m->start, m->end) : 0;
        /* "will testify about the September 11 massacre": a date that
         * names a known event does not follow a future verb */
        if ((dir == 1 || dir == 3 || dir == 5) && strcmp(m->rule->func, "weekday") != 0 &&
            si >= 0 && tx_names_event(d, &d->sent[si], m->start, m->end))
            dir = 0;
        c.near_future = dir == 1 || dir == 3 || dir == 4;
        c.strong_future = dir == 3;
        c.past_after = dir == -4;
        c.near_either = dir == 2 || dir == 4 || dir == 5;
        c.plan_ahead = dir == 5;
        c.near_past = dir == -1;
        c.past_verb = dir <= -2;
        c.past_on = dir == -3 && !tx_future(&c); /* "will redeem preferred shares on Oct. 31" */
        tx_timex *t = &res[*n];
        if (tx_normalise(&c, m, d->text, t->value)) continue;
        src[*n] = m;
        t->start = m->start;
        t->end = m->end;
        t->type = m->rule->type;
        t->rule = m->rule->name;
        (*n)++;
        int y, mo, dd;
        /* "For the nine months, net rose from $5 million a year earlier":
         * the comparison is with the same months, not the quarter */
        if (strcmp(t->type, "DURATION") == 0 && t->value[0] == 'P' &&
            (mo = atoi(t->value + 1)) >= 4 && mo <= 11 && t->value[strlen(t->value) - 1] == 'M')
            period_sent = si;
        /* what anaphora need: the last year, full date and quarter named */
        if (strcmp(t->type, "DATE") == 0 && strlen(t->value) >= 4 && t->value[0] >= '1' &&
            t->value[0] <= '2' && (t->value[4] == '\0' || t->value[4] == '-') &&
            (y = atoi(t->value)) >= 1000 && y < 3000)
            c.last_year = y;
        if (strcmp(t->type, "DATE") == 0 && strlen(t->value) == 7 && t->value[4] == '-' &&
            t->value[5] >= '0' && t->value[5] <= '1' && (y = atoi(t->value)) >= 1000 &&
            (mo = atoi(t->value + 5)) >= 1 && mo <= 12)
            c.last_month = y * 12 + mo - 1; /* "In March": "the following month" counts from it */
        if (strcmp(t->type, "DATE") == 0 && parse_full(t->value, &y, &mo, &dd)) {
            c.has_last = 1;
            c.ly = y, c.lm = mo, c.ld = dd;
            c.last_month = 0;
        } else if (strcmp(t->type, "DATE") == 0 && strcmp(m->rule->func, "quarter") == 0 &&
                   /* not quarter("", year): "the 1988 period" is the
                    * comparison, not a new subject */
                   !(m->rule->nargs > 0 && m->rule->args[0].kind == GM_ARG_STRING &&
                     !m->rule->args[0].text[0]) &&
                   strlen(t->value) == 7 && t->value[4] == '-' &&
                   t->value[5] == 'Q' && t->value[6] >= '1' && t->value[6] <= '4' &&
                   (y = atoi(t->value)) > 0) {
            /* a quarter named: later "a year earlier" and "the quarter"
             * keep its grain */
            c.last_quarter = y * 4 + (t->value[6] - '1');
            c.quarter_over = c.past_verb;
        }
    }
    /* a clock time takes the day named right after it, as that day was
     * resolved in its own words ("would greet them at 2 a.m. Thursday") */
    for (size_t k = 0; k + 1 < *n; k++)
        time_on_day(src[k], src[k + 1], d->text, res[k + 1].value, res[k].value);
    *out = res;
    return 0;
}
