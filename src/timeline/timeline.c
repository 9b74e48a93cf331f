#include "timeline.h"
#include "../util/err.h"
#include "../util/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *tl_dct_from_name(tl_dct_from f)
{
    switch (f) {
    case TL_DCT_OPTION: return "option";
    case TL_DCT_METADATA: return "metadata";
    case TL_DCT_TEXT: return "text";
    default: return "none";
    }
}

annals_timeline *annals_timeline_new(void)
{
    annals_timeline *tl = calloc(1, sizeof *tl);
    if (!tl) return NULL;
    ar_init(&tl->mem, 256 * 1024);
    sm_init(&tl->ids);
    return tl;
}

void annals_timeline_free(annals_timeline *tl)
{
    if (!tl) return;
    free(tl->docs);
    free(tl->tx);
    free(tl->ev);
    sm_free(&tl->ids);
    ar_free(&tl->mem);
    free(tl);
}

size_t annals_timeline_documents(const annals_timeline *tl) { return tl->ndocs; }
size_t annals_timeline_events(const annals_timeline *tl) { return tl->nev; }
size_t annals_timeline_timexes(const annals_timeline *tl) { return tl->ntx; }

const char *annals_timeline_document_id(const annals_timeline *tl, size_t i)
{
    return i < tl->ndocs ? tl->docs[i].id : NULL;
}

const char *annals_timeline_document_dct(const annals_timeline *tl, size_t i,
                                         const char **dct_from)
{
    if (i >= tl->ndocs) return NULL;
    const tl_document *d = &tl->docs[i];
    if (dct_from) *dct_from = tl_dct_from_name(d->dct_from);
    return d->dct[0] ? d->dct : NULL;
}

char *tl_strdup(annals_timeline *tl, const char *s, size_t n)
{
    /* every string of every event comes here (u8_valid steps over ASCII
     * eight bytes at a time) */
    if (u8_valid(s, n)) return ar_strndup(&tl->mem, s, n);
    size_t m;
    char *clean = u8_sanitize(s, n, &m);
    if (!clean) return NULL;
    char *r = ar_strndup(&tl->mem, clean, m);
    free(clean);
    return r;
}

static char *dup_opt(annals_timeline *tl, const char *s)
{
    return s ? tl_strdup(tl, s, strlen(s)) : NULL;
}

/* Grows *arr (of elem-size items) to hold one more. */
static int reserve(void **arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap) return 0;
    size_t nc = *cap ? *cap * 2 : 64;
    void *p = realloc(*arr, nc * elem);
    if (!p) return -1;
    *arr = p;
    *cap = nc;
    return 0;
}

/* The id a new document called id gets: itself, or "abc-2", "abc-3"...
 * when taken. Allocated in tl's arena. */
static char *unique_id(annals_timeline *tl, const char *id)
{
    if (!id || !*id) id = "doc";
    char *uid = tl_strdup(tl, id, strlen(id));
    if (!uid || !sm_get(&tl->ids, uid, strlen(uid))) return uid;
    size_t n = strlen(uid) + 24;
    char *buf = ar_alloc(&tl->mem, n);
    if (!buf) return NULL;
    for (unsigned k = 2;; k++) {
        snprintf(buf, n, "%s-%u", uid, k);
        if (!sm_get(&tl->ids, buf, strlen(buf))) break;
    }
    return buf;
}

/* Adds a document under an id already made unique (or claimed). */
static long add_as(annals_timeline *tl, char *uid, const char *source, const char *title,
                   const char *url)
{
    if (reserve((void **)&tl->docs, &tl->capdocs, tl->ndocs, sizeof *tl->docs)) return -1;
    if (sm_put(&tl->ids, uid, strlen(uid), tl->ndocs)) return -1;
    tl_document *d = &tl->docs[tl->ndocs];
    memset(d, 0, sizeof *d);
    d->id = uid;
    d->source = dup_opt(tl, source);
    d->title = dup_opt(tl, title);
    d->url = dup_opt(tl, url);
    if ((source && !d->source) || (title && !d->title) || (url && !d->url))
        return -1;
    return (long)tl->ndocs++;
}

long tl_add_document(annals_timeline *tl, const char *id, const char *source,
                     const char *title, const char *url)
{
    /* Unique within a run: the second "abc" becomes "abc-2", and so on. */
    char *uid = unique_id(tl, id);
    return uid ? add_as(tl, uid, source, title, url) : -1;
}

const char *annals_timeline_claim_id(annals_timeline *tl, const char *id)
{
    char *uid = unique_id(tl, id);
    if (!uid || sm_put(&tl->ids, uid, strlen(uid), TL_CLAIMED)) return NULL;
    return uid;
}

int annals_timeline_append(annals_timeline *dst, annals_timeline *src, annals_error *err)
{
    size_t base = dst->ndocs;
    for (size_t i = 0; i < src->ndocs; i++) {
        const tl_document *s = &src->docs[i];
        size_t *v = sm_get(&dst->ids, s->id, strlen(s->id));
        long k;
        if (v && *v == TL_CLAIMED) { /* claimed for this document: it keeps its id */
            char *uid = tl_strdup(dst, s->id, strlen(s->id));
            k = uid ? add_as(dst, uid, s->source, s->title, s->url) : -1;
        } else {
            k = tl_add_document(dst, s->id, s->source, s->title, s->url);
        }
        if (k < 0) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
        memcpy(dst->docs[k].dct, s->dct, sizeof s->dct);
        dst->docs[k].dct_from = s->dct_from;
    }
    for (size_t i = 0; i < src->ntx; i++) {
        const tl_timex *t = &src->tx[i];
        if (reserve((void **)&dst->tx, &dst->captx, dst->ntx, sizeof *dst->tx))
            return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
        tl_timex *c = &dst->tx[dst->ntx];
        *c = *t;
        c->doc = base + t->doc;
        c->text = tl_strdup(dst, t->text, strlen(t->text));
        c->value = tl_strdup(dst, t->value, strlen(t->value));
        if (!c->text || !c->value) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
        dst->ntx++;
    }
    for (size_t i = 0; i < src->nev; i++) {
        tl_event *e = &src->ev[i];
        for (size_t m = 0; m < e->nmentions; m++) e->mentions[m].doc += base; /* src is spent */
        if (tl_add_event(dst, e)) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    }
    return 0;
}

int tl_add_timex(annals_timeline *tl, size_t doc, const char *text,
                 uint32_t start, uint32_t end, const char *type,
                 const char *value)
{
    if (reserve((void **)&tl->tx, &tl->captx, tl->ntx, sizeof *tl->tx)) return -1;
    tl_timex *t = &tl->tx[tl->ntx];
    t->doc = doc;
    t->start = start;
    t->end = end;
    t->type = type;
    t->text = tl_strdup(tl, text + start, end - start);
    t->value = tl_strdup(tl, value, strlen(value));
    if (!t->text || !t->value) return -1;
    tl->ntx++;
    return 0;
}

static int copy_parties(annals_timeline *tl, tl_party **dst, const tl_party *src, size_t n)
{
    *dst = NULL;
    if (!n) return 0;
    tl_party *p = ar_alloc(&tl->mem, n * sizeof *p);
    if (!p) return -1;
    for (size_t i = 0; i < n; i++) {
        p[i] = src[i];
        if (!(p[i].name = tl_strdup(tl, src[i].name, strlen(src[i].name)))) return -1;
    }
    *dst = p;
    return 0;
}

static char *dup_or_null(annals_timeline *tl, const char *s, int *bad)
{
    if (!s) return NULL;
    char *r = tl_strdup(tl, s, strlen(s));
    if (!r) *bad = 1;
    return r;
}

static int copy_body(annals_timeline *tl, tl_event *c, const tl_event *e);

/* A merged event's reports and date reports, deep-copied. */
static int copy_merged(annals_timeline *tl, tl_event *c, const tl_event *e)
{
    if (e->nreports) {
        if (!(c->reports = ar_alloc(&tl->mem, e->nreports * sizeof *c->reports))) return -1;
        for (size_t i = 0; i < e->nreports; i++) {
            c->reports[i] = e->reports[i];
            c->reports[i].reports = NULL;
            c->reports[i].nreports = 0;
            c->reports[i].date_reports = NULL;
            c->reports[i].ndate_reports = 0;
            if (copy_body(tl, &c->reports[i], &e->reports[i])) return -1;
        }
    }
    if (e->ndate_reports) {
        c->date_reports = ar_alloc(&tl->mem, e->ndate_reports * sizeof *c->date_reports);
        if (!c->date_reports) return -1;
        for (size_t i = 0; i < e->ndate_reports; i++) {
            c->date_reports[i] = e->date_reports[i];
            size_t n = e->date_reports[i].ndocs;
            c->date_reports[i].docs = n ? ar_alloc(&tl->mem, n * sizeof(size_t)) : NULL;
            if (n && !c->date_reports[i].docs) return -1;
            if (n) memcpy(c->date_reports[i].docs, e->date_reports[i].docs, n * sizeof(size_t));
        }
    }
    return 0;
}

int tl_add_event(annals_timeline *tl, const tl_event *e)
{
    if (reserve((void **)&tl->ev, &tl->capev, tl->nev, sizeof *tl->ev)) return -1;
    tl_event *c = &tl->ev[tl->nev];
    *c = *e;
    if (copy_body(tl, c, e) || copy_merged(tl, c, e)) return -1;
    tl->nev++;
    return 0;
}

/* c (a shallow copy of e) gets its own strings, parties and mentions. */
static int copy_body(annals_timeline *tl, tl_event *c, const tl_event *e)
{
    int bad = 0;
    c->loc_name = dup_or_null(tl, e->loc_name, &bad);
    c->summary = dup_or_null(tl, e->summary, &bad);
    if (bad || copy_parties(tl, &c->actors, e->actors, e->nactors) ||
        copy_parties(tl, &c->targets, e->targets, e->ntargets))
        return -1;
    c->mentions = e->nmentions ? ar_alloc(&tl->mem, e->nmentions * sizeof *c->mentions) : NULL;
    if (e->nmentions && !c->mentions) return -1;
    for (size_t i = 0; i < e->nmentions; i++) {
        c->mentions[i] = e->mentions[i];
        c->mentions[i].sentence = dup_or_null(tl, e->mentions[i].sentence, &bad);
        c->mentions[i].trigger = dup_or_null(tl, e->mentions[i].trigger, &bad);
        c->mentions[i].date_text = dup_or_null(tl, e->mentions[i].date_text, &bad);
    }
    return bad ? -1 : 0;
}

static int by_date_then_mention(const void *a, const void *b)
{
    const tl_event *x = a, *y = b;
    if (x->has_date != y->has_date) return x->has_date ? -1 : 1;
    if (x->has_date) {
        int c = strcmp(x->date.start, y->date.start);
        if (c) return c;
    }
    const tl_mention *mx = x->nmentions ? &x->mentions[0] : NULL;
    const tl_mention *my = y->nmentions ? &y->mentions[0] : NULL;
    if (mx && my) {
        if (mx->doc != my->doc) return mx->doc < my->doc ? -1 : 1;
        if (mx->start != my->start) return mx->start < my->start ? -1 : 1;
    }
    return strcmp(x->id, y->id);
}

void tl_sort_events(annals_timeline *tl)
{
    if (tl->nev > 1) qsort(tl->ev, tl->nev, sizeof *tl->ev, by_date_then_mention);
}

/* Two triggers of one event in one sentence give two mentions that say
 * the same (same document, span and trigger word): one is kept, so that
 * every mention a timeline holds is a distinct one. */
void tl_dedup_mentions(annals_timeline *tl, size_t first)
{
    for (size_t i = first; i < tl->nev; i++) {
        tl_event *e = &tl->ev[i];
        size_t u = 0;
        for (size_t k = 0; k < e->nmentions; k++) {
            const tl_mention *m = &e->mentions[k];
            int dup = 0;
            for (size_t j = 0; j < u && !dup; j++) {
                const tl_mention *o = &e->mentions[j];
                dup = o->doc == m->doc && o->start == m->start && o->end == m->end &&
                      ((!o->trigger && !m->trigger) ||
                       (o->trigger && m->trigger && strcmp(o->trigger, m->trigger) == 0));
            }
            if (!dup) e->mentions[u++] = *m;
        }
        e->nmentions = u;
    }
}
