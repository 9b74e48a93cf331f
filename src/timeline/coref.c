/* Within-article coreference: the headline, the lead and a later "the
 * meeting" that report one occurrence become one event, with every
 * mention, the most precise date and the union of participants. Two
 * events of one type are one unless something tells them apart: other
 * actors, dates that exclude each other, other places, or modalities that
 * cannot describe one occurrence. */
#include "timeline.h"
#include <string.h>

static int same_party(const tl_party *a, const tl_party *b)
{
    if (strcmp(a->name, b->name) == 0) return 1;
    /* "Russia" and "Vladimir Putin" both stand for RUS; but two people of
     * one country are two people */
    if (a->country[0] && strcmp(a->country, b->country) == 0)
        return strcmp(a->kind, "person") != 0 || strcmp(b->kind, "person") != 0;
    return 0;
}

static int share(const tl_party *a, size_t na, const tl_party *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (same_party(&a[i], &b[j])) return 1;
    return 0;
}

static int contains(const tl_date *a, const tl_date *b)
{
    return strcmp(a->start, b->start) <= 0 && strcmp(a->end, b->end) >= 0;
}

static int modality_ok(const char *a, const char *b)
{
    if (strcmp(a, b) == 0) return 1;
    /* a plan and its report: "the planned evacuation", "relocating" */
    return (strcmp(a, "planned") == 0 && strcmp(b, "asserted") == 0) ||
           (strcmp(a, "asserted") == 0 && strcmp(b, "planned") == 0);
}

static int compatible(const tl_event *a, const tl_event *b)
{
    if (strcmp(a->type, b->type) != 0 || !modality_ok(a->modality, b->modality)) return 0;
    if (a->nactors && b->nactors && !share(a->actors, a->nactors, b->actors, b->nactors)) return 0;
    if (a->ntargets && b->ntargets && !share(a->targets, a->ntargets, b->targets, b->ntargets) &&
        !share(a->actors, a->nactors, b->targets, b->ntargets))
        return 0;
    if (a->has_date && b->has_date && !contains(&a->date, &b->date) && !contains(&b->date, &a->date))
        return 0;
    if (a->has_location && b->has_location && strcmp(a->loc_name, b->loc_name) != 0 &&
        strcmp(a->loc_country, b->loc_country) != 0)
        return 0;
    return 1;
}

/* dst gets the parties of src it lacks. */
static int add_parties(annals_timeline *tl, tl_party **dst, size_t *nd, const tl_party *src, size_t ns)
{
    size_t extra = 0;
    for (size_t j = 0; j < ns; j++) {
        int have = 0;
        for (size_t i = 0; i < *nd && !have; i++) have = strcmp((*dst)[i].name, src[j].name) == 0;
        extra += !have;
    }
    if (!extra) return 0;
    tl_party *p = ar_alloc(&tl->mem, (*nd + extra) * sizeof *p);
    if (!p) return -1;
    if (*nd) memcpy(p, *dst, *nd * sizeof *p);
    size_t n = *nd;
    for (size_t j = 0; j < ns; j++) {
        int have = 0;
        for (size_t i = 0; i < n && !have; i++) have = strcmp(p[i].name, src[j].name) == 0;
        if (!have) p[n++] = src[j];
    }
    *dst = p;
    *nd = n;
    return 0;
}

static int merge_into(annals_timeline *tl, tl_event *a, const tl_event *b, int votes[4])
{
    tl_mention *m = ar_alloc(&tl->mem, (a->nmentions + b->nmentions) * sizeof *m);
    if (!m) return -1;
    memcpy(m, a->mentions, a->nmentions * sizeof *m);
    memcpy(m + a->nmentions, b->mentions, b->nmentions * sizeof *m);
    a->mentions = m;
    a->nmentions += b->nmentions;
    if (b->has_date && (!a->has_date || contains(&a->date, &b->date))) {
        a->date = b->date; /* the most precise date */
        a->has_date = 1;
    }
    if (!a->has_location && b->has_location) {
        a->has_location = 1;
        a->loc_name = b->loc_name;
        memcpy(a->loc_country, b->loc_country, sizeof a->loc_country);
    }
    if (b->confidence > a->confidence) a->confidence = b->confidence;
    int empty = !a->nactors;
    if (add_parties(tl, &a->actors, &a->nactors, b->actors, b->nactors) ||
        add_parties(tl, &a->targets, &a->ntargets, b->targets, b->ntargets))
        return -1;
    /* the fuller summary wins */
    if (empty && a->nactors && b->summary) a->summary = b->summary;
    votes[strcmp(b->modality, "planned") == 0] += 1;
    return 0;
}

int tl_coref(annals_timeline *tl, size_t first)
{
    size_t out = first;
    /* votes per kept event: [asserted, planned] */
    int votes[256][4];
    for (size_t i = first; i < tl->nev; i++) {
        tl_event *b = &tl->ev[i];
        long into = -1;
        for (size_t k = out; k-- > first;)
            if (compatible(&tl->ev[k], b)) { into = (long)k; break; }
        if (into >= 0 && into - (long)first < 256) {
            if (merge_into(tl, &tl->ev[into], b, votes[into - first])) return -1;
            continue;
        }
        if (out - first < 256) {
            memset(votes[out - first], 0, sizeof votes[0]);
            votes[out - first][strcmp(b->modality, "planned") == 0] = 1;
        }
        tl->ev[out++] = *b;
    }
    tl->nev = out;
    /* a plan reported more often than its happening stays a plan */
    for (size_t k = first; k < out && k - first < 256; k++) {
        tl_event *e = &tl->ev[k];
        int *v = votes[k - first];
        if (strcmp(e->modality, "planned") == 0 || strcmp(e->modality, "asserted") == 0)
            e->modality = v[1] >= v[0] ? "planned" : "asserted";
    }
    return 0;
}
