/* One merged event from its reports: every mention once, the date most
 * sources support, the union of participants, every date reported. */
#include "merge.h"
#include "../util/cal.h"
#include <stdlib.h>
#include <string.h>

static int cmp_str(const char *a, const char *b)
{
    if (!a || !b) return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static int cmp_mention(const tl_mention *x, const tl_mention *y)
{
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->end != y->end) return x->end < y->end ? -1 : 1;
    return 0;
}

static int cmp_parties(const tl_party *a, size_t na, const tl_party *b, size_t nb)
{
    if (na != nb) return na < nb ? -1 : 1;
    for (size_t i = 0; i < na; i++) {
        int c = strcmp(a[i].name, b[i].name);
        if (!c) c = strcmp(a[i].country, b[i].country);
        if (!c) c = cmp_str(a[i].kind, b[i].kind);
        if (c) return c;
    }
    return 0;
}

int mg_report_cmp(const annals_timeline *tl, const tl_event *a, const tl_event *b)
{
    (void)tl; /* documents are already in id order: indices compare as ids */
    int c = cmp_mention(&a->mentions[0], &b->mentions[0]);
    if (!c) c = strcmp(a->id, b->id);
    if (!c) c = strcmp(a->modality, b->modality);
    if (!c) c = a->has_date - b->has_date;
    if (!c && a->has_date) c = strcmp(a->date.value, b->date.value);
    if (!c && a->has_date) c = strcmp(a->date.start, b->date.start);
    if (!c && a->has_date) c = strcmp(a->date.end, b->date.end);
    if (!c) c = cmp_parties(a->actors, a->nactors, b->actors, b->nactors);
    if (!c) c = cmp_parties(a->targets, a->ntargets, b->targets, b->ntargets);
    if (!c) c = a->has_location - b->has_location;
    if (!c && a->has_location) c = strcmp(a->loc_name, b->loc_name);
    if (!c && a->has_location) c = strcmp(a->loc_country, b->loc_country);
    if (!c) c = cmp_str(a->summary, b->summary);
    if (!c && a->confidence != b->confidence) c = a->confidence < b->confidence ? -1 : 1;
    if (!c && a->nmentions != b->nmentions) c = a->nmentions < b->nmentions ? -1 : 1;
    for (size_t i = 0; !c && i < a->nmentions; i++) c = mg_mention_cmp(&a->mentions[i], &b->mentions[i]);
    return c;
}

int mg_mention_cmp(const tl_mention *x, const tl_mention *y)
{
    int c = cmp_mention(x, y);
    if (!c) c = cmp_str(x->sentence, y->sentence);
    if (!c) c = cmp_str(x->trigger, y->trigger);
    return c ? c : cmp_str(x->date_text, y->date_text);
}

static int by_mention(const void *x, const void *y) { return mg_mention_cmp(x, y); }

/* Every mention once, in document and offset order. */
static int union_mentions(annals_timeline *tl, const tl_event *const *r, size_t n, tl_event *out)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) total += r[i]->nmentions;
    tl_mention *m = ar_alloc(&tl->mem, total * sizeof *m);
    if (!m) return -1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < r[i]->nmentions; j++) m[k++] = r[i]->mentions[j];
    qsort(m, total, sizeof *m, by_mention);
    size_t u = 0;
    /* the same span may be two mentions (two triggers): both kept */
    for (size_t i = 0; i < total; i++)
        if (!u || mg_mention_cmp(&m[u - 1], &m[i])) m[u++] = m[i];
    out->mentions = m;
    out->nmentions = u;
    size_t docs = 0;
    for (size_t i = 0; i < u; i++) docs += !i || m[i].doc != m[i - 1].doc;
    out->sources = docs;
    return 0;
}

static int by_party(const void *x, const void *y)
{
    const tl_party *a = x, *b = y;
    int c = strcmp(a->name, b->name);
    if (!c) c = strcmp(a->country, b->country);
    return c ? c : cmp_str(a->kind, b->kind);
}

/* The union of one role's participants, one entry a name, by name. */
static int union_parties(annals_timeline *tl, const tl_event *const *r, size_t n, int targets,
                         tl_party **out, size_t *nout)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) total += targets ? r[i]->ntargets : r[i]->nactors;
    *out = NULL;
    *nout = 0;
    if (!total) return 0;
    tl_party *p = ar_alloc(&tl->mem, total * sizeof *p);
    if (!p) return -1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const tl_party *s = targets ? r[i]->targets : r[i]->actors;
        size_t ns = targets ? r[i]->ntargets : r[i]->nactors;
        for (size_t j = 0; j < ns; j++) p[k++] = s[j];
    }
    qsort(p, total, sizeof *p, by_party);
    size_t u = 0;
    for (size_t i = 0; i < total; i++)
        if (!u || strcmp(p[u - 1].name, p[i].name)) p[u++] = p[i];
    *out = p;
    *nout = u;
    return 0;
}

static long day_of(const char *ymd)
{
    int y, m, d;
    return ca_parse_ymd(ymd, 10, &y, &m, &d) ? ca_to_days(y, m, d) : 0;
}

static int contains(const tl_date *w, const tl_date *n)
{
    return strcmp(w->start, n->start) <= 0 && strcmp(n->end, w->end) <= 0;
}

static int cmp_date(const tl_date *a, const tl_date *b)
{
    int c = strcmp(a->start, b->start);
    if (!c) c = strcmp(a->end, b->end);
    return c ? c : strcmp(a->value, b->value);
}

/* Distinct documents among reports whose date satisfies keep(). */
static size_t count_docs(const tl_event *const *r, size_t n, const tl_date *d, int within)
{
    size_t docs = 0;
    for (size_t i = 0; i < n; i++) {
        if (!r[i]->has_date) continue;
        int ok = within ? contains(&r[i]->date, d) : cmp_date(&r[i]->date, d) == 0;
        if (!ok) continue;
        int seen = 0; /* a document counted once, whatever its reports */
        for (size_t j = 0; j < i && !seen; j++)
            seen = r[j]->has_date && r[j]->mentions[0].doc == r[i]->mentions[0].doc &&
                   (within ? contains(&r[j]->date, d) : cmp_date(&r[j]->date, d) == 0);
        docs += !seen;
    }
    return docs;
}

/* The date most sources support: a source supports every date its own
 * contains ("in June" supports June 12); then the narrower; then the
 * earlier. Every distinct date goes to date_reports when they differ. */
static int pick_date(annals_timeline *tl, const tl_event *const *r, size_t n, tl_event *out)
{
    const tl_date *best = NULL;
    size_t best_n = 0, distinct = 0;
    for (size_t i = 0; i < n; i++) {
        if (!r[i]->has_date) continue;
        int dup = 0;
        for (size_t j = 0; j < i && !dup; j++) dup = r[j]->has_date && cmp_date(&r[j]->date, &r[i]->date) == 0;
        if (dup) continue;
        distinct++;
        size_t s = count_docs(r, n, &r[i]->date, 1);
        long span = day_of(r[i]->date.end) - day_of(r[i]->date.start);
        long bspan = best ? day_of(best->end) - day_of(best->start) : 0;
        if (!best || s > best_n || (s == best_n && (span < bspan || (span == bspan && cmp_date(&r[i]->date, best) < 0)))) {
            best = &r[i]->date;
            best_n = s;
        }
    }
    out->has_date = best != NULL;
    if (best) out->date = *best;
    out->date_reports = NULL;
    out->ndate_reports = 0;
    if (distinct < 2) return 0;
    tl_date_report *dr = ar_alloc(&tl->mem, distinct * sizeof *dr);
    if (!dr) return -1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!r[i]->has_date) continue;
        int dup = 0;
        for (size_t j = 0; j < k && !dup; j++) dup = cmp_date(&dr[j].date, &r[i]->date) == 0;
        if (dup) continue;
        dr[k].date = r[i]->date;
        size_t nd = count_docs(r, n, &r[i]->date, 0);
        if (!(dr[k].docs = ar_alloc(&tl->mem, nd * sizeof(size_t)))) return -1;
        dr[k].ndocs = 0;
        for (size_t j = 0; j < n; j++) {
            if (!r[j]->has_date || cmp_date(&r[j]->date, &r[i]->date)) continue;
            size_t d = r[j]->mentions[0].doc, at = 0;
            while (at < dr[k].ndocs && dr[k].docs[at] < d) at++;
            if (at < dr[k].ndocs && dr[k].docs[at] == d) continue;
            memmove(dr[k].docs + at + 1, dr[k].docs + at, (dr[k].ndocs - at) * sizeof(size_t));
            dr[k].docs[at] = d;
            dr[k].ndocs++;
        }
        k++;
    }
    /* in date order */
    for (size_t i = 1; i < k; i++)
        for (size_t j = i; j > 0 && cmp_date(&dr[j - 1].date, &dr[j].date) > 0; j--) {
            tl_date_report t = dr[j];
            dr[j] = dr[j - 1];
            dr[j - 1] = t;
        }
    out->date_reports = dr;
    out->ndate_reports = k;
    return 0;
}

/* The place most sources name; ties to the one with a country, then by name. */
static void pick_location(const tl_event *const *r, size_t n, tl_event *out)
{
    const tl_event *best = NULL;
    size_t best_n = 0;
    for (size_t i = 0; i < n; i++) {
        if (!r[i]->has_location) continue;
        size_t c = 0;
        for (size_t j = 0; j < n; j++)
            c += r[j]->has_location && strcmp(r[j]->loc_name, r[i]->loc_name) == 0 &&
                 strcmp(r[j]->loc_country, r[i]->loc_country) == 0;
        int better = !best || c > best_n;
        if (!better && c == best_n) {
            int d = (r[i]->loc_country[0] != 0) - (best->loc_country[0] != 0);
            better = d > 0 || (d == 0 && strcmp(r[i]->loc_name, best->loc_name) < 0);
        }
        if (better) { best = r[i]; best_n = c; }
    }
    out->has_location = best != NULL;
    out->loc_name = best ? best->loc_name : NULL;
    memcpy(out->loc_country, best ? best->loc_country : "", best ? 4 : 1);
}

/* "ev-" and 16 hex digits of a hash of the mention set: the same reports
 * merged from any inputs in any order get the same id. */
static void merged_id(const annals_timeline *tl, const tl_event *e, char out[20])
{
    uint64_t h = 1469598103934665603ULL;
    char buf[64];
    for (size_t i = 0; i < e->nmentions; i++) {
        const tl_mention *m = &e->mentions[i];
        const char *id = tl->docs[m->doc].id;
        h = (h ^ sm_hash(id, strlen(id))) * 1099511628211ULL;
        int k = snprintf(buf, sizeof buf, ":%u:%u", m->start, m->end);
        h = (h ^ sm_hash(buf, (size_t)k)) * 1099511628211ULL;
    }
    snprintf(out, 20, "ev-%016llx", (unsigned long long)h);
}

int mg_combine(annals_timeline *tl, const tl_event *const *r, size_t n, tl_event *out)
{
    if (n == 1) { /* one report: itself, with its source count */
        *out = *r[0];
        out->reports = NULL;
        out->nreports = 0;
        out->date_reports = NULL;
        out->ndate_reports = 0;
        out->merged = 1;
        size_t docs = 0;
        for (size_t i = 0; i < out->nmentions; i++) {
            int seen = 0;
            for (size_t j = 0; j < i && !seen; j++) seen = out->mentions[j].doc == out->mentions[i].doc;
            docs += !seen;
        }
        out->sources = docs;
        return 0;
    }
    memset(out, 0, sizeof *out);
    out->type = r[0]->type;
    out->cameo = r[0]->cameo;
    out->plover = r[0]->plover;
    out->merged = 1;
    /* one source saw it happen: it happened; else the plan, the denial, the maybe */
    static const char *const order[] = {"asserted", "planned", "negated", "hypothetical"};
    out->modality = NULL;
    for (int k = 0; k < 4 && !out->modality; k++)
        for (size_t i = 0; i < n && !out->modality; i++)
            if (strcmp(r[i]->modality, order[k]) == 0) out->modality = order[k];
    if (!out->modality) out->modality = r[0]->modality;
    if (union_mentions(tl, r, n, out) || pick_date(tl, r, n, out) ||
        union_parties(tl, r, n, 0, &out->actors, &out->nactors) ||
        union_parties(tl, r, n, 1, &out->targets, &out->ntargets))
        return -1;
    pick_location(r, n, out);
    /* the summary of the report naming the most participants */
    const tl_event *s = r[0];
    out->confidence = 0;
    for (size_t i = 0; i < n; i++) {
        if (r[i]->nactors + r[i]->ntargets > s->nactors + s->ntargets) s = r[i];
        if (r[i]->confidence > out->confidence) out->confidence = r[i]->confidence;
    }
    out->summary = s->summary;
    merged_id(tl, out, out->id);
    tl_event *copy = ar_alloc(&tl->mem, n * sizeof *copy);
    if (!copy) return -1;
    for (size_t i = 0; i < n; i++) {
        copy[i] = *r[i];
        copy[i].merged = 0;
        copy[i].reports = NULL;
        copy[i].nreports = 0;
        copy[i].date_reports = NULL;
        copy[i].ndate_reports = 0;
    }
    out->reports = copy;
    out->nreports = n;
    return 0;
}
