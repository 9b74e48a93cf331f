/* Whether two reports tell of one occurrence. Only same-type, dated
 * reports reach here (mg_cluster blocks on type and date). */
#include "merge.h"

/* Containment across precisions is allowed up to a quarter: "in June"
 * may be the June 12 summit, "in 2018" says too little to join two. */
#define MG_WIDE_DAYS 92

int mg_weak(const mg_atom *a)
{
    return a->nparties == 0 && a->loc == 0;
}

int mg_dates_compatible(const mg_atom *a, const mg_atom *b)
{
    if (a->day && b->day) {
        int32_t d = a->start - b->start;
        return d >= -1 && d <= 1;
    }
    if (a->start == b->start && a->end == b->end) return 1;
    const mg_atom *w = a, *n = b; /* the wider and the narrower */
    if (b->end - b->start > a->end - a->start) { w = b; n = a; }
    return w->end - w->start < MG_WIDE_DAYS && w->start <= n->start && n->end <= w->end;
}

static int modality_ok(int a, int b)
{
    /* a plan and its happening are one event; a denial or a maybe is not
     * the event itself */
    return a == b || (a < 2 && b < 2);
}

/* How p takes part in b: 2 by name, 1 by country, 0 not at all. */
static int in_parties(const mg_party *p, const mg_atom *b)
{
    int best = 0;
    for (uint16_t j = 0; j < b->nparties && best < 2; j++) {
        int s = mg_party_same(p, &b->parties[j]);
        if (s > best) best = s;
    }
    return best;
}

static int resolved(const mg_party *p, uint16_t n)
{
    for (uint16_t i = 0; i < n; i++)
        if (p[i].resolved) return 1;
    return 0;
}

/* Both name who acted: each side's actor must take part in the other's
 * report (so "U.S. strikes Iran" and "Israel strikes Iran" stay apart,
 * while a reversed "Quds Force ... the United States" still joins). Only
 * parties with a country or a person's name can tell two events apart:
 * "the insurgents" may be anyone. */
static int actors_agree(const mg_atom *a, const mg_atom *b)
{
    if (!resolved(a->parties, a->nactors) || !resolved(b->parties, b->nactors)) return 1;
    int ab = 0, ba = 0;
    for (uint16_t i = 0; i < a->nactors && !ab; i++) ab = a->parties[i].resolved && in_parties(&a->parties[i], b);
    for (uint16_t i = 0; i < b->nactors && !ba; i++) ba = b->parties[i].resolved && in_parties(&b->parties[i], a);
    return ab && ba;
}

/* Shared participants: how many, and how many of them by name. */
static int shared_parties(const mg_atom *a, const mg_atom *b, int *by_name)
{
    int n = 0;
    *by_name = 0;
    for (uint16_t i = 0; i < a->nparties; i++) {
        int s = in_parties(&a->parties[i], b);
        n += s > 0;
        *by_name += s == 2;
    }
    return n;
}

int mg_match(const mg_atom *a, const mg_atom *b)
{
    if (a->type != b->type || !a->dated || !b->dated) return 0;
    if (!modality_ok(a->mod, b->mod) || !mg_dates_compatible(a, b)) return 0;
    int score = 0, same_place = 0, by_name;
    if (a->loc && b->loc) {
        if (a->loc == b->loc) score += 2, same_place = 1;
        else if (a->loc_country && b->loc_country && a->loc_country != b->loc_country) return 0;
    }
    if (a->nactors && b->nactors && !actors_agree(a, b)) return 0;
    int s = shared_parties(a, b, &by_name);
    if (!s && resolved(a->parties, a->nparties) && resolved(b->parties, b->nparties)) return 0;
    score += 2 * s;
    /* days that differ need more than a country in common: a name or the
     * place ("U.S." on Thursday night and "U.S." on Friday in Baghdad) */
    if (a->day && b->day && a->start != b->start && !by_name && !same_place) return 0;
    /* no evidence beyond type and date: only a report that names nobody
     * and nowhere may join on those alone */
    if (!score && !mg_weak(a) && !mg_weak(b)) return 0;
    return score + (a->start == b->start && a->end == b->end) + 1;
}
