/* The fields a merged event adds to annals/1 (docs/merging.md): sources,
 * date_reports and reports. Written only on events that went through
 * merge, so extract's output does not change. */
#include "write.h"
#include "../merge/merge.h"
#include <string.h>

static json_t *date_obj(const tl_date *d)
{
    json_t *o = json_object();
    json_object_set_new(o, "value", json_string(d->value));
    json_object_set_new(o, "precision", json_string(d->precision));
    json_object_set_new(o, "start", json_string(d->start));
    json_object_set_new(o, "end", json_string(d->end));
    return o;
}

/* The index in e's mentions of a report's mention (reports' mentions are
 * always some of the merged event's). */
static json_t *mention_index(const tl_event *e, const tl_mention *m)
{
    size_t lo = 0, hi = e->nmentions;
    while (lo < hi) { /* mentions are in mg_mention_cmp order */
        size_t mid = (lo + hi) / 2;
        if (mg_mention_cmp(&e->mentions[mid], m) < 0) lo = mid + 1;
        else hi = mid;
    }
    return json_integer((json_int_t)lo);
}

static json_t *report(const annals_timeline *tl, const tl_event *e, const tl_event *r)
{
    tl_event bare = *r; /* its mentions are written below, by index */
    bare.nmentions = 0;
    json_t *o = wr_event(tl, &bare);
    if (!o) return NULL;
    /* the type is the merged event's; the mentions are given by index */
    json_object_del(o, "type");
    json_object_del(o, "cameo");
    json_object_del(o, "plover");
    json_t *ms = json_array();
    for (size_t i = 0; i < r->nmentions; i++) json_array_append_new(ms, mention_index(e, &r->mentions[i]));
    json_object_set_new(o, "mentions", ms);
    return o;
}

int wr_merged(json_t *o, const annals_timeline *tl, const tl_event *e)
{
    int bad = json_object_set_new(o, "sources", json_integer((json_int_t)e->sources));
    if (e->ndate_reports) {
        json_t *a = json_array();
        for (size_t i = 0; i < e->ndate_reports; i++) {
            const tl_date_report *d = &e->date_reports[i];
            json_t *r = date_obj(&d->date), *docs = json_array();
            for (size_t j = 0; j < d->ndocs; j++) json_array_append_new(docs, json_string(tl->docs[d->docs[j]].id));
            json_object_set_new(r, "docs", docs);
            json_array_append_new(a, r);
        }
        bad |= json_object_set_new(o, "date_reports", a);
    }
    if (e->nreports) {
        json_t *a = json_array();
        for (size_t i = 0; i < e->nreports; i++) json_array_append_new(a, report(tl, e, &e->reports[i]));
        bad |= json_object_set_new(o, "reports", a);
    }
    return bad ? -1 : 0;
}
