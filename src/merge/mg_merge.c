/* The merge driver: documents in id order, events taken apart into their
 * reports, identical reports kept once, reports clustered, each cluster
 * combined. Everything is sorted first, so no input order shows through. */
#include "merge.h"
#include "../util/cal.h"
#include "../util/err.h"
#include <stdlib.h>
#include <string.h>

/* Sorts take their context through qsort_r (glibc, _GNU_SOURCE): no
 * global state, so two timelines may be merged at once in two threads. */
static int by_doc_id(const void *x, const void *y, void *ctx)
{
    const annals_timeline *tl = ctx;
    return strcmp(tl->docs[*(const size_t *)x].id, tl->docs[*(const size_t *)y].id);
}

static void remap_mentions(tl_mention *m, size_t n, const size_t *to)
{
    for (size_t i = 0; i < n; i++) m[i].doc = to[m[i].doc];
}

/* Documents in id order, every reference to them renumbered. */
static int sort_documents(annals_timeline *tl)
{
    size_t n = tl->ndocs;
    size_t *order = malloc((n ? n : 1) * sizeof *order), *to = malloc((n ? n : 1) * sizeof *to);
    tl_document *docs = malloc((n ? n : 1) * sizeof *docs);
    if (!order || !to || !docs) { free(order); free(to); free(docs); return -1; }
    for (size_t i = 0; i < n; i++) order[i] = i;
    qsort_r(order, n, sizeof *order, by_doc_id, tl);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        to[order[i]] = i;
        docs[i] = tl->docs[order[i]];
        rc |= sm_put(&tl->ids, docs[i].id, strlen(docs[i].id), i);
    }
    if (n) memcpy(tl->docs, docs, n * sizeof *docs);
    for (size_t i = 0; i < tl->nev; i++) {
        tl_event *e = &tl->ev[i];
        remap_mentions(e->mentions, e->nmentions, to);
        for (size_t r = 0; r < e->nreports; r++)
            remap_mentions(e->reports[r].mentions, e->reports[r].nmentions, to);
    }
    for (size_t i = 0; i < tl->ntx; i++) tl->tx[i].doc = to[tl->tx[i].doc];
    free(order); free(to); free(docs);
    return rc;
}

static int by_report(const void *x, const void *y, void *ctx)
{
    return mg_report_cmp(ctx, *(const tl_event *const *)x, *(const tl_event *const *)y);
}

static int32_t days(const char *ymd)
{
    int y, m, d;
    return ca_parse_ymd(ymd, 10, &y, &m, &d) ? (int32_t)ca_to_days(y, m, d) : 0;
}

static int make_atom(mg_names *nm, ar_arena *mem, const tl_event *e, mg_atom *a)
{
    static const char *const mods[] = {"asserted", "planned", "negated", "hypothetical"};
    memset(a, 0, sizeof *a);
    a->ev = e;
    a->type = mg_intern(nm, e->type);
    a->doc = e->mentions[0].doc;
    for (uint8_t k = 0; k < 4; k++)
        if (strcmp(e->modality, mods[k]) == 0) a->mod = k;
    if (e->has_date) {
        a->dated = 1;
        a->start = days(e->date.start);
        a->end = days(e->date.end);
        a->day = a->start == a->end;
    }
    size_t np = e->nactors + e->ntargets;
    if (np > 65535) np = 65535;
    a->parties = np ? ar_alloc(mem, np * sizeof *a->parties) : NULL;
    if (np && !a->parties) return -1;
    for (size_t i = 0; i < np; i++) {
        const tl_party *p = i < e->nactors ? &e->actors[i] : &e->targets[i - e->nactors];
        if (mg_party_make(nm, mem, p, &a->parties[i])) return -1;
    }
    a->nparties = (uint16_t)np;
    a->nactors = (uint16_t)(e->nactors < np ? e->nactors : np);
    if (e->has_location) {
        char buf[256];
        mg_normalise(e->loc_name, buf, sizeof buf);
        a->loc = mg_intern(nm, buf);
        a->loc_country = e->loc_country[0] ? mg_intern(nm, e->loc_country) : 0;
        if (!a->loc) return -1;
    }
    return a->type ? 0 : -1;
}

/* Reports that share a mention (the same sentence, trigger and type) are
 * one report of one event, however their readings differ: joined before
 * any matching. Events of different types are never joined. */
static int join_shared_mentions(const tl_event *const *r, size_t n, size_t *up)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) total += r[i]->nmentions;
    mg_mkey *k = malloc((total ? total : 1) * sizeof *k);
    if (!k) return -1;
    size_t t = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < r[i]->nmentions; j++)
            k[t++] = (mg_mkey){r[i]->mentions[j].doc, r[i]->mentions[j].start, r[i]->mentions[j].end,
                            r[i]->type, r[i]->mentions[j].trigger, i};
    qsort(k, total, sizeof *k, mg_mkey_cmp);
    for (size_t i = 1; i < total; i++)
        if (!mg_mkey_cmp(&k[i - 1], &k[i])) mg_join(up, k[i - 1].atom, k[i].atom);
    free(k);
    return 0;
}

static int by_group(const void *x, const void *y)
{
    const size_t *a = x, *b = y; /* pairs: root, index */
    if (a[0] != b[0]) return a[0] < b[0] ? -1 : 1;
    return a[1] < b[1] ? -1 : a[1] > b[1];
}

/* Every report of every event of tl, type filled in from its event. */
static const tl_event **collect_reports(annals_timeline *tl, size_t *n)
{
    size_t total = 0;
    for (size_t i = 0; i < tl->nev; i++) total += tl->ev[i].nreports ? tl->ev[i].nreports : 1;
    const tl_event **r = malloc((total ? total : 1) * sizeof *r);
    if (!r) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < tl->nev; i++) {
        tl_event *e = &tl->ev[i];
        if (!e->nreports) { r[k++] = e; continue; }
        for (size_t j = 0; j < e->nreports; j++) {
            e->reports[j].type = e->type;
            e->reports[j].cameo = e->cameo;
            e->reports[j].plover = e->plover;
            r[k++] = &e->reports[j];
        }
    }
    *n = total;
    return r;
}

static int merge_reports(annals_timeline *tl, const tl_event **r, size_t n, tl_event *out, size_t *nout)
{
    mg_names nm;
    sm_init(&nm.map);
    nm.next = 0;
    ar_arena mem;
    ar_init(&mem, 1 << 20);
    mg_atom *atoms = malloc((n ? n : 1) * sizeof *atoms);
    size_t *up = malloc((n ? n : 1) * sizeof *up), *pairs = malloc((n ? n : 1) * 2 * sizeof *pairs);
    int rc = !atoms || !up || !pairs ? -1 : 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        up[i] = i;
        rc = make_atom(&nm, &mem, r[i], &atoms[i]);
    }
    if (rc == 0) rc = join_shared_mentions(r, n, up);
    if (rc == 0) rc = mg_cluster(atoms, n, up);
    *nout = 0;
    if (rc == 0) {
        for (size_t i = 0; i < n; i++) { pairs[2 * i] = up[i]; pairs[2 * i + 1] = i; }
        qsort(pairs, n, 2 * sizeof *pairs, by_group);
        const tl_event **group = (const tl_event **)atoms; /* reuse: atoms are done */
        for (size_t i = 0; rc == 0 && i < n;) {
            size_t j = i;
            while (j < n && pairs[2 * j] == pairs[2 * i]) { group[j - i] = r[pairs[2 * j + 1]]; j++; }
            rc = mg_combine(tl, group, j - i, &out[(*nout)++]);
            i = j;
        }
    }
    free(atoms); free(up); free(pairs);
    sm_free(&nm.map);
    ar_free(&mem);
    return rc;
}

int annals_timeline_merge(annals_timeline *tl, annals_error *err)
{
    if (!tl) return er_set(err, ANNALS_ERR_USAGE, "annals_timeline_merge: NULL timeline");
    if (sort_documents(tl)) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    mg_tally before; /* what comes in must come out: checked on every run */
    if (mg_tally_take(tl, &before)) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    size_t n = 0;
    const tl_event **r = collect_reports(tl, &n);
    if (!r) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    qsort_r(r, n, sizeof *r, by_report, tl);
    size_t u = 0; /* the same report read twice is one report */
    for (size_t i = 0; i < n; i++)
        if (!u || mg_report_cmp(tl, r[u - 1], r[i])) r[u++] = r[i];
    tl_event *out = malloc((u ? u : 1) * sizeof *out);
    size_t nout = 0;
    int rc = out ? merge_reports(tl, r, u, out, &nout) : -1;
    free(r);
    if (rc) {
        free(out);
        mg_tally_free(&before);
        return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    }
    tl_event *in = tl->ev;
    size_t nin = tl->nev;
    tl->ev = out;
    tl->nev = nout;
    rc = mg_tally_check(tl, &before, err);
    mg_tally_free(&before);
    if (rc) { /* the input stays as it was: nothing is written from a bad merge */
        tl->ev = in;
        tl->nev = nin;
        free(out);
        return rc;
    }
    free(in);
    tl->capev = u ? u : 1;
    tl_sort_events(tl);
    return 0;
}

/* The document of src numbered i, found or added in dst by id. */
static long doc_in(annals_timeline *dst, const tl_document *d)
{
    size_t *have = sm_get(&dst->ids, d->id, strlen(d->id));
    if (have) {
        tl_document *h = &dst->docs[*have];
        /* a fuller record fills what the other lacked */
        if (!h->title && d->title) h->title = tl_strdup(dst, d->title, strlen(d->title));
        if (!h->url && d->url) h->url = tl_strdup(dst, d->url, strlen(d->url));
        if (!h->source && d->source) h->source = tl_strdup(dst, d->source, strlen(d->source));
        if (!h->dct[0] && d->dct[0]) { memcpy(h->dct, d->dct, 11); h->dct_from = d->dct_from; }
        return (long)*have;
    }
    long k = tl_add_document(dst, d->id, d->source, d->title, d->url);
    if (k >= 0) { memcpy(dst->docs[k].dct, d->dct, 11); dst->docs[k].dct_from = d->dct_from; }
    return k;
}

int annals_merge(annals_timeline *dst, const annals_timeline *src, annals_error *err)
{
    if (!dst || !src) return er_set(err, ANNALS_ERR_USAGE, "annals_merge: NULL timeline");
    if (dst == src) return annals_timeline_merge(dst, err); /* merge(A, A) = merge(A) */
    size_t *to = malloc((src->ndocs ? src->ndocs : 1) * sizeof *to);
    if (!to) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < src->ndocs; i++) {
        long k = doc_in(dst, &src->docs[i]);
        if (k < 0) { free(to); return er_set(err, ANNALS_ERR_NOMEM, "out of memory"); }
        to[i] = (size_t)k;
    }
    for (size_t i = 0; i < src->nev; i++) {
        if (tl_add_event(dst, &src->ev[i])) { free(to); return er_set(err, ANNALS_ERR_NOMEM, "out of memory"); }
        tl_event *e = &dst->ev[dst->nev - 1];
        remap_mentions(e->mentions, e->nmentions, to);
        for (size_t r = 0; r < e->nreports; r++) remap_mentions(e->reports[r].mentions, e->reports[r].nmentions, to);
        for (size_t d = 0; d < e->ndate_reports; d++)
            for (size_t j = 0; j < e->date_reports[d].ndocs; j++)
                e->date_reports[d].docs[j] = to[e->date_reports[d].docs[j]];
    }
    free(to);
    return annals_timeline_merge(dst, err);
}
