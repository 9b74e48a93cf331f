/* The date pass over one document: grammar matches in text order, each
 * resolved with the tense of its sentence and the last date named. */
#include "timex.h"
#include "../util/cal.h"
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
        tx_timex *t = &res[*n];
        if (tx_normalise(&c, m, d->text, t->value)) continue;
        t->start = m->start;
        t->end = m->end;
        t->type = m->rule->type;
        t->rule = m->rule->name;
        (*n)++;
        int y, mo, dd;
        if (strcmp(t->type, "DATE") == 0 && parse_full(t->value, &y, &mo, &dd)) {
            c.has_last = 1;
            c.ly = y, c.lm = mo, c.ld = dd;
        }
    }
    *out = res;
    return 0;
}
