/* Clustering reports into occurrences, in three passes that each depend
 * only on the set of reports, never on their order:
 *  1. precise reports (one day, with participants or a place) join when
 *     they match: the connected components of the match graph;
 *  2. a vague report (a month, or nobody and nowhere named) joins the one
 *     group it matches best, and none when two groups tie: "in June"
 *     must not bridge two June meetings;
 *  3. vague reports left alone join each other when they match.
 * Blocking: reports are sorted by type and date and only neighbours
 * within the date window are compared, never all pairs. */
#include "merge.h"
#include <stdlib.h>

size_t mg_find(size_t *up, size_t i)
{
    while (up[i] != i) {
        up[i] = up[up[i]]; /* path halving */
        i = up[i];
    }
    return i;
}

void mg_join(size_t *up, size_t i, size_t j)
{
    i = mg_find(up, i);
    j = mg_find(up, j);
    /* the smaller index is the root: labels do not depend on join order */
    if (i < j) up[j] = i;
    else if (j < i) up[i] = j;
}

/* qsort_r (glibc, _GNU_SOURCE): no global state, so two timelines may
 * be merged at once in two threads. */
static int by_type_date(const void *x, const void *y, void *ctx)
{
    const mg_atom *atoms = ctx;
    const mg_atom *a = &atoms[*(const size_t *)x], *b = &atoms[*(const size_t *)y];
    if (a->type != b->type) return a->type < b->type ? -1 : 1;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    if (a->end != b->end) return a->end < b->end ? -1 : 1;
    return *(const size_t *)x < *(const size_t *)y ? -1 : 1;
}

static int precise(const mg_atom *a)
{
    return a->dated && a->day && !mg_weak(a);
}

static int pair_ok(const mg_atom *a, const mg_atom *b)
{
    return a->doc != b->doc && mg_match(a, b) > 0;
}

/* Pass 2 for one vague report: the root of the group it matches best,
 * or (size_t)-1 for none or a tie. p[0..np) are the precise reports. */
static size_t best_group(const mg_atom *a, size_t *up, const size_t *p, size_t np, const mg_atom *v)
{
    if (v->end - v->start >= 92 && !v->day) return (size_t)-1;
    size_t lo = 0, hi = np;
    while (lo < hi) { /* first precise report of v's type from v->start - 1 */
        size_t mid = (lo + hi) / 2;
        const mg_atom *m = &a[p[mid]];
        if (m->type < v->type || (m->type == v->type && m->start < v->start - 1)) lo = mid + 1;
        else hi = mid;
    }
    size_t best = (size_t)-1;
    int best_score = 0, tie = 0;
    for (size_t k = lo; k < np && a[p[k]].type == v->type && a[p[k]].start <= v->end + 1; k++) {
        if (a[p[k]].doc == v->doc) continue;
        int s = mg_match(v, &a[p[k]]);
        if (!s) continue;
        size_t r = mg_find(up, p[k]);
        if (s > best_score) { best = r; best_score = s; tie = 0; }
        else if (s == best_score && r != best) tie = 1;
    }
    /* a later, weaker match to another group still makes it ambiguous */
    if (best != (size_t)-1) {
        for (size_t k = lo; k < np && a[p[k]].type == v->type && a[p[k]].start <= v->end + 1; k++)
            if (a[p[k]].doc != v->doc && mg_find(up, p[k]) != best && mg_match(v, &a[p[k]]) == best_score)
                tie = 1;
    }
    return tie ? (size_t)-1 : best;
}

int mg_cluster(mg_atom *a, size_t n, size_t *up)
{
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    size_t *p = malloc((n ? n : 1) * sizeof *p);
    size_t *attach = malloc((n ? n : 1) * sizeof *attach);
    unsigned char *has_precise = calloc(n ? n : 1, 1);
    if (!idx || !p || !attach || !has_precise) {
        free(idx); free(p); free(attach); free(has_precise);
        return -1;
    }
    size_t nd = 0, np = 0;
    for (size_t i = 0; i < n; i++)
        if (a[i].dated) idx[nd++] = i;
    qsort_r(idx, nd, sizeof *idx, by_type_date, a);

    /* 1: precise reports, within a day of each other */
    for (size_t k = 0; k < nd; k++) {
        const mg_atom *x = &a[idx[k]];
        if (!precise(x)) continue;
        p[np++] = idx[k];
        for (size_t j = k + 1; j < nd && a[idx[j]].type == x->type && a[idx[j]].start <= x->start + 1; j++)
            if (precise(&a[idx[j]]) && pair_ok(x, &a[idx[j]])) mg_join(up, idx[k], idx[j]);
    }
    for (size_t k = 0; k < np; k++) has_precise[mg_find(up, p[k])] = 1;

    /* 2: vague reports, each to its one best group; joined after all are
     * decided, so no decision sees another's effect */
    for (size_t k = 0; k < nd; k++) {
        size_t i = idx[k];
        attach[i] = (size_t)-1;
        if (!precise(&a[i]) && !has_precise[mg_find(up, i)]) attach[i] = best_group(a, up, p, np, &a[i]);
    }
    for (size_t k = 0; k < nd; k++) {
        size_t i = idx[k];
        if (attach[i] != (size_t)-1) mg_join(up, i, attach[i]);
    }
    for (size_t k = 0; k < nd; k++)
        if (has_precise[idx[k]] || attach[idx[k]] != (size_t)-1) has_precise[mg_find(up, idx[k])] = 1;

    /* 3: vague reports no group took: among themselves. A wide date only
     * matches the same date, which sorts next to it. */
    for (size_t k = 0; k < nd; k++) {
        const mg_atom *x = &a[idx[k]];
        if (precise(x) || has_precise[mg_find(up, idx[k])]) continue;
        int wide = x->end - x->start >= 92;
        for (size_t j = k + 1; j < nd && a[idx[j]].type == x->type &&
                               (wide ? a[idx[j]].start == x->start : a[idx[j]].start <= x->end + 1);
             j++) {
            const mg_atom *y = &a[idx[j]];
            if (!precise(y) && !has_precise[mg_find(up, idx[j])] && pair_ok(x, y)) mg_join(up, idx[k], idx[j]);
        }
    }
    for (size_t i = 0; i < n; i++) up[i] = mg_find(up, i);
    free(idx); free(p); free(attach); free(has_precise);
    return 0;
}
