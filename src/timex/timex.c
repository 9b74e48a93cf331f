/* The date pass over one document: grammar matches in text order, each
 * resolved with the tense of its sentence and the last date named. */
#include "timex.h"
#include "../util/cal.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Words that put a sentence in the future. */
static const char *const future_words[] = {
    "will", "shall", "won't", "'ll", "\xE2\x80\x99ll", "scheduled", "upcoming",
    "planned", "plans", "plan", "expected", "set", "due", "going", "next", NULL};

static int is_future(const dc_doc *d, const dc_sent *s)
{
    for (uint32_t t = s->tok0; t < s->tok0 + s->ntok; t++) {
        const dc_token *k = &d->tok[t];
        size_t n = k->end - k->start;
        const char *w = d->text + k->start;
        for (size_t i = 0; future_words[i]; i++) {
            size_t fn = strlen(future_words[i]);
            if (n == fn && strncasecmp(w, future_words[i], n) == 0) {
                /* "set", "due", "going" count only before "to" */
                if ((fn == 3 && w[0] != 'w' && w[0] != 'W' && strncasecmp(w, "'ll", 3)) ||
                    strncasecmp(w, "going", 5) == 0 || strncasecmp(w, "due", 3) == 0) {
                    if (t + 1 >= s->tok0 + s->ntok) continue;
                    const dc_token *nx = &d->tok[t + 1];
                    if (!(nx->end - nx->start == 2 && strncasecmp(d->text + nx->start, "to", 2) == 0))
                        continue;
                }
                return 1;
            }
        }
        /* 'll glued to its subject: "we'll" */
        if (n > 3 && (strncasecmp(w + n - 3, "'ll", 3) == 0)) return 1;
    }
    return 0;
}

/* Words just before an expression that point it forward: "will meet
 * Friday", "is scheduled to close Monday", "as soon as Tuesday". A weekday
 * looks forward only with one of these close by (c.future bit 1); the
 * tense of the whole sentence (bit 0) is too weak a sign for it. */
static const char *const near_future_words[] = {
    "will", "shall", "won't", "'ll", "scheduled", "planned", "plans", "plan",
    "expected", "expects", "next", "until", "soon", "planning", "postponed", "deadline", NULL};

static int is_near_future(const dc_doc *d, const dc_sent *s, uint32_t start)
{
    uint32_t first = s->tok0, t = first;
    while (t < s->tok0 + s->ntok && d->tok[t].start < start) t++;
    for (int k = 0; k < 6 && t > first; k++) {
        t--;
        const dc_token *tk = &d->tok[t];
        size_t n = tk->end - tk->start;
        const char *w = d->text + tk->start;
        if (n == 4 && strncasecmp(w, "said", 4) == 0) return 0;
        for (size_t i = 0; near_future_words[i]; i++)
            if (n == strlen(near_future_words[i]) && strncasecmp(w, near_future_words[i], n) == 0)
                return 1;
        if (n > 3 && strncasecmp(w + n - 3, "'ll", 3) == 0) return 1;
    }
    return 0;
}

static int parse_full(const char *v, int *y, int *m, int *d)
{
    return strlen(v) >= 10 && ca_parse_iso_prefix(v, strlen(v), y, m, d);
}

int tx_find(const gm_grammar *g, const dc_doc *d, const char *dct,
            annals_date_order order, ar_arena *a, tx_timex **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    gm_match *ms;
    size_t nm;
    if (gm_run(g, d->text, d->len, a, &ms, &nm)) return -1;
    if (!nm) return 0;
    tx_timex *res = ar_alloc(a, nm * sizeof *res);
    if (!res) return -1;
    tx_ctx c;
    memset(&c, 0, sizeof c);
    c.g = g;
    c.order = order;
    if (dct) c.has_dct = ca_parse_ymd(dct, strlen(dct), &c.dy, &c.dm, &c.dd);
    long cached_sent = -2;
    int cached_future = 0;
    for (size_t i = 0; i < nm; i++) {
        const gm_match *m = &ms[i];
        long si = dc_sentence_at(d, m->start);
        if (si >= 0 && d->sent[si].end < m->end) continue; /* runs across a sentence end */
        if (si != cached_sent) {
            cached_future = si >= 0 ? is_future(d, &d->sent[si]) : 0;
            cached_sent = si;
        }
        c.future = cached_future;
        c.near_future = si >= 0 && is_near_future(d, &d->sent[si], m->start);
        tx_timex *t = &res[*n];
        if (tx_normalise(&c, m, d->text, t->value)) continue;
        t->start = m->start;
        t->end = m->end;
        t->type = m->rule->type;
        t->rule = m->rule->name;
        (*n)++;
        int y, mo, dd;
        /* what anaphora need: the last year, full date and quarter named */
        if (strcmp(t->type, "DATE") == 0 && strlen(t->value) >= 4 && t->value[0] >= '1' &&
            t->value[0] <= '2' && (t->value[4] == '\0' || t->value[4] == '-') &&
            (y = atoi(t->value)) >= 1000 && y < 3000)
            c.last_year = y;
        if (strcmp(t->type, "DATE") == 0 && parse_full(t->value, &y, &mo, &dd)) {
            c.has_last = 1;
            c.ly = y, c.lm = mo, c.ld = dd;
        } else if (strcmp(t->type, "DATE") == 0 && strcmp(m->rule->func, "quarter") == 0 &&
                   strlen(t->value) == 7 && t->value[4] == '-' &&
                   t->value[5] == 'Q' && t->value[6] >= '1' && t->value[6] <= '4' &&
                   (y = atoi(t->value)) > 0) {
            /* a quarter named: later "a year earlier" and "the quarter"
             * keep its grain */
            c.last_quarter = y * 4 + (t->value[6] - '1');
        }
    }
    *out = res;
    return 0;
}
