/* The merge's own audit (issue: nothing the user gave is lost): the
 * distinct mentions that go into a merge are exactly those that come out.
 * A merge only regroups reports, so a difference is a bug; it is caught on
 * every run, at the cost of one sort of the mentions. */
#include "merge.h"
#include "../util/err.h"
#include <stdlib.h>
#include <string.h>

int mg_mkey_cmp(const void *x, const void *y)
{
    const mg_mkey *a = x, *b = y;
    if (a->doc != b->doc) return a->doc < b->doc ? -1 : 1;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    if (a->end != b->end) return a->end < b->end ? -1 : 1;
    int c = strcmp(a->type, b->type);
    if (c) return c;
    if (!a->trigger || !b->trigger) return (a->trigger != NULL) - (b->trigger != NULL);
    return strcmp(a->trigger, b->trigger);
}

int mg_tally_take(const annals_timeline *tl, mg_tally *t)
{
    size_t total = 0;
    for (size_t i = 0; i < tl->nev; i++) total += tl->ev[i].nmentions;
    t->k = malloc((total ? total : 1) * sizeof *t->k);
    t->n = 0;
    if (!t->k) return -1;
    for (size_t i = 0; i < tl->nev; i++) {
        const tl_event *e = &tl->ev[i];
        for (size_t j = 0; j < e->nmentions; j++)
            t->k[t->n++] = (mg_mkey){e->mentions[j].doc, e->mentions[j].start, e->mentions[j].end,
                                     e->type ? e->type : "", e->mentions[j].trigger, i};
    }
    qsort(t->k, t->n, sizeof *t->k, mg_mkey_cmp);
    size_t u = 0;
    for (size_t i = 0; i < t->n; i++)
        if (!u || mg_mkey_cmp(&t->k[u - 1], &t->k[i])) t->k[u++] = t->k[i];
    t->n = u;
    return 0;
}

int mg_tally_check(const annals_timeline *tl, const mg_tally *t, annals_error *err)
{
    mg_tally after;
    if (mg_tally_take(tl, &after)) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    size_t lost = 0, found = 0, i = 0, j = 0;
    while (i < t->n || j < after.n) { /* both sorted: one walk */
        int c = i == t->n ? 1 : j == after.n ? -1 : mg_mkey_cmp(&t->k[i], &after.k[j]);
        if (c < 0) lost++, i++;
        else if (c > 0) found++, j++;
        else i++, j++;
    }
    mg_tally_free(&after);
    if (!lost && !found) return 0;
    return er_set(err, ANNALS_ERR_INPUT,
                  "merge check failed: %zu mentions in, %zu lost and %zu not in the input "
                  "(a bug: please report it with the input); nothing written",
                  t->n, lost, found);
}

void mg_tally_free(mg_tally *t)
{
    free(t->k);
    t->k = NULL;
    t->n = 0;
}
