/* Reading timelines: the annals/1 JSON document and its JSON Lines form. */
#include "tlread.h"
#include "../util/err.h"
#include "../event/event.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *str(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A document's "dct" and "dct_from" from its JSON object. */
static void set_dct(tl_document *d, json_t *meta)
{
    const char *dct = str(meta, "dct");
    const char *from = str(meta, "dct_from");
    if (dct && annals_date_valid(dct)) memcpy(d->dct, dct, 11);
    tl_dct_from f = TL_DCT_NONE;
    if (from && strcmp(from, "option") == 0) f = TL_DCT_OPTION;
    else if (from && strcmp(from, "metadata") == 0) f = TL_DCT_METADATA;
    else if (from && strcmp(from, "text") == 0) f = TL_DCT_TEXT;
    d->dct_from = d->dct[0] ? f : TL_DCT_NONE;
}

/* A document record's dct and dct_from: what could not be kept is an
 * error, not a silent loss. */
static int check_meta(json_t *v, const char *where, annals_error *err)
{
    json_t *dct = json_object_get(v, "dct"), *from = json_object_get(v, "dct_from");
    if (dct && !json_is_null(dct) && !(json_is_string(dct) && annals_date_valid(json_string_value(dct))))
        return er_set(err, ANNALS_ERR_INPUT, "%s: \"dct\" is not a date YYYY-MM-DD from 1800 to 2200 (or null)",
                      where);
    const char *f = str(v, "dct_from");
    if (from && !json_is_null(from) &&
        !(f && (strcmp(f, "option") == 0 || strcmp(f, "metadata") == 0 || strcmp(f, "text") == 0 ||
                strcmp(f, "none") == 0)))
        return er_set(err, ANNALS_ERR_INPUT, "%s: \"dct_from\" is not option, metadata, text or none", where);
    return 0;
}

/* The document with this id, added (with what is known of it) if new. */
static long doc_index(annals_timeline *tl, const char *id, json_t *meta)
{
    size_t *i = sm_get(&tl->ids, id, strlen(id));
    if (i) {
        tl_document *d = &tl->docs[*i];
        /* a later, fuller record fills what an earlier one lacked */
        if (meta) {
            if (!d->title && str(meta, "title")) d->title = tl_strdup(tl, str(meta, "title"), strlen(str(meta, "title")));
            if (!d->url && str(meta, "url")) d->url = tl_strdup(tl, str(meta, "url"), strlen(str(meta, "url")));
            if (!d->source && str(meta, "source")) d->source = tl_strdup(tl, str(meta, "source"), strlen(str(meta, "source")));
            if (!d->dct[0]) set_dct(d, meta);
        }
        return (long)*i;
    }
    long k = tl_add_document(tl, id, meta ? str(meta, "source") : NULL, meta ? str(meta, "title") : NULL,
                             meta ? str(meta, "url") : NULL);
    if (k < 0) return -1;
    if (meta) set_dct(&tl->docs[k], meta);
    return k;
}

/* A list of participants, however long (nothing read is dropped), into
 * storage from mem. */
static int parties(json_t *a, ar_arena *mem, tl_party **outp, size_t *n, const char *where,
                   const char *field, annals_error *err)
{
    *n = 0;
    *outp = NULL;
    if (!a || json_is_null(a)) return 0;
    if (!json_is_array(a)) return er_set(err, ANNALS_ERR_INPUT, "%s: \"%s\" is not a list", where, field);
    tl_party *out = json_array_size(a) ? ar_alloc(mem, json_array_size(a) * sizeof *out) : NULL;
    if (json_array_size(a) && !out) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    *outp = out;
    size_t i;
    json_t *p;
    json_array_foreach(a, i, p) {
        const char *name = str(p, "name");
        if (!name) return er_set(err, ANNALS_ERR_INPUT, "%s: %s[%zu] has no \"name\"", where, field, i);
        tl_party *t = &out[(*n)++];
        t->name = (char *)name;
        const char *c = str(p, "country");
        json_t *cv = json_object_get(p, "country");
        if (cv && !json_is_null(cv) && !(c && strlen(c) == 3))
            return er_set(err, ANNALS_ERR_INPUT, "%s: %s[%zu]: \"country\" is not a three-letter code (or null)",
                          where, field, i);
        snprintf(t->country, sizeof t->country, "%s", c ? c : "");
        const char *k = str(p, "kind");
        static const char *const kinds[] = {"person", "state", "organisation", "armed_group", "group", "other"};
        t->kind = NULL;
        for (int j = 0; k && j < 6; j++)
            if (strcmp(k, kinds[j]) == 0) t->kind = kinds[j];
        if (!t->kind && json_object_get(p, "kind"))
            return er_set(err, ANNALS_ERR_INPUT,
                          "%s: %s[%zu]: \"kind\" is not person, state, organisation, armed_group, group or other",
                          where, field, i);
        if (!t->kind) t->kind = "other";
    }
    return 0;
}

/* A "date" object into *d; -1 with err set when malformed. */
static int read_date(json_t *date, tl_date *d, const char *where, annals_error *err)
{
    const char *v = str(date, "value"), *p = str(date, "precision"), *s = str(date, "start"),
               *en = str(date, "end");
    if (!v || !p || !s || !en || !annals_date_valid(s) || !annals_date_valid(en) || strcmp(s, en) > 0 ||
        strlen(v) >= sizeof d->value)
        return er_set(err, ANNALS_ERR_INPUT, "%s: \"date\" needs value, precision and valid start <= end", where);
    static const char *const precs[] = {"day", "week", "month", "quarter", "season", "year", "decade"};
    d->precision = NULL;
    for (int j = 0; j < 7; j++)
        if (strcmp(p, precs[j]) == 0) d->precision = precs[j];
    if (!d->precision) return er_set(err, ANNALS_ERR_INPUT, "%s: unknown date precision \"%s\"", where, p);
    snprintf(d->value, sizeof d->value, "%s", v);
    memcpy(d->start, s, 11);
    memcpy(d->end, en, 11);
    return 0;
}

/* What an event and each of a merged event's reports have: id, modality,
 * date, participants (stored in mem), location, summary, confidence.
 * Strings point into o. */
static int read_fields(json_t *o, tl_event *e, ar_arena *mem, const char *where,
                       annals_error *err)
{
    const char *id = str(o, "id");
    if (!id || strlen(id) >= sizeof e->id) return er_set(err, ANNALS_ERR_INPUT, "%s: no valid \"id\"", where);
    memcpy(e->id, id, strlen(id) + 1);
    const char *mod = str(o, "modality");
    static const char *const mods[] = {"asserted", "planned", "negated", "hypothetical"};
    e->modality = NULL;
    for (int j = 0; mod && j < 4; j++)
        if (strcmp(mod, mods[j]) == 0) e->modality = mods[j];
    if (!e->modality) return er_set(err, ANNALS_ERR_INPUT, "%s: \"modality\" is not asserted, planned, negated or hypothetical", where);
    json_t *date = json_object_get(o, "date");
    if (date && !json_is_null(date)) {
        if (read_date(date, &e->date, where, err)) return -1;
        e->has_date = 1;
    }
    if (parties(json_object_get(o, "actors"), mem, &e->actors, &e->nactors, where, "actors", err) ||
        parties(json_object_get(o, "targets"), mem, &e->targets, &e->ntargets, where, "targets", err))
        return -1;
    json_t *loc = json_object_get(o, "location");
    if (loc && !json_is_null(loc)) {
        if (!str(loc, "name")) return er_set(err, ANNALS_ERR_INPUT, "%s: \"location\" has no \"name\"", where);
        e->has_location = 1;
        e->loc_name = (char *)str(loc, "name");
        const char *c = str(loc, "country");
        snprintf(e->loc_country, sizeof e->loc_country, "%s", c && strlen(c) == 3 ? c : "");
    }
    e->summary = (char *)str(o, "summary");
    json_t *conf = json_object_get(o, "confidence");
    e->confidence = json_is_number(conf) ? json_number_value(conf) : 0;
    return 0;
}

/* A merged event's "reports" (mentions given as indices into men[0..nm))
 * and "date_reports"; see docs/merging.md. Storage is malloc'd into
 * *keep for the caller to free once tl_add_event has copied it all. */
static int read_merged(annals_timeline *tl, json_t *o, tl_event *e, tl_mention *men, size_t nm,
                       void **keep, ar_arena *pmem, const char *where, annals_error *err)
{
    json_t *src = json_object_get(o, "sources");
    json_t *reps = json_object_get(o, "reports"), *drs = json_object_get(o, "date_reports");
    if (!src && !reps && !drs) return 0;
    e->merged = 1;
    e->sources = json_is_integer(src) && json_integer_value(src) > 0 ? (size_t)json_integer_value(src) : 0;
    size_t nr = json_is_array(reps) ? json_array_size(reps) : 0;
    size_t nd = json_is_array(drs) ? json_array_size(drs) : 0;
    if ((reps && !json_is_array(reps)) || (drs && !json_is_array(drs)))
        return er_set(err, ANNALS_ERR_INPUT, "%s: \"reports\" and \"date_reports\" must be lists", where);
    size_t per = sizeof(tl_event) + nm * sizeof(tl_mention);
    char *mem = calloc(1, nr * per + nd * (sizeof(tl_date_report) + nm * sizeof(size_t) + 1) + 1);
    if (!mem) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    *keep = mem;
    tl_event *r = (tl_event *)(void *)mem;
    tl_mention *mm = (tl_mention *)(void *)(r + nr);
    tl_date_report *dr = (tl_date_report *)(void *)(mm + nm * nr);
    size_t *dd = (size_t *)(void *)(dr + nd);
    for (size_t i = 0; i < nr; i++) {
        json_t *ro = json_array_get(reps, i);
        char w[700];
        snprintf(w, sizeof w, "%s: reports[%zu]", where, i);
        if (!json_is_object(ro)) return er_set(err, ANNALS_ERR_INPUT, "%s: not an object", w);
        r[i].type = e->type;
        r[i].cameo = e->cameo;
        r[i].plover = e->plover;
        if (read_fields(ro, &r[i], pmem, w, err)) return -1;
        json_t *ix = json_object_get(ro, "mentions");
        if (!json_is_array(ix) || !json_array_size(ix) || json_array_size(ix) > nm)
            return er_set(err, ANNALS_ERR_INPUT, "%s: \"mentions\" must list indices of the event's mentions", w);
        r[i].mentions = mm + nm * i;
        for (size_t j = 0; j < json_array_size(ix); j++) {
            json_t *k = json_array_get(ix, j);
            if (!json_is_integer(k) || json_integer_value(k) < 0 || (size_t)json_integer_value(k) >= nm)
                return er_set(err, ANNALS_ERR_INPUT, "%s: mentions[%zu] is not an index below %zu", w, j, nm);
            r[i].mentions[r[i].nmentions++] = men[json_integer_value(k)];
        }
    }
    for (size_t i = 0; i < nd; i++) {
        json_t *d = json_array_get(drs, i), *docs = json_object_get(d, "docs");
        char w[700];
        snprintf(w, sizeof w, "%s: date_reports[%zu]", where, i);
        if (!json_is_object(d) || read_date(d, &dr[i].date, w, err)) return json_is_object(d) ? -1 : er_set(err, ANNALS_ERR_INPUT, "%s: not an object", w);
        if (!json_is_array(docs) || json_array_size(docs) > nm)
            return er_set(err, ANNALS_ERR_INPUT, "%s: \"docs\" must list document ids", w);
        dr[i].docs = dd + nm * i;
        for (size_t j = 0; j < json_array_size(docs); j++) {
            const char *id = json_string_value(json_array_get(docs, j));
            if (!id) return er_set(err, ANNALS_ERR_INPUT, "%s: docs[%zu] is not a string", w, j);
            long di = doc_index(tl, id, NULL);
            if (di < 0) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
            dr[i].docs[dr[i].ndocs++] = (size_t)di;
        }
    }
    e->reports = nr ? r : NULL;
    e->nreports = nr;
    e->date_reports = nd ? dr : NULL;
    e->ndate_reports = nd;
    return 0;
}

int rd_event_json(annals_timeline *tl, json_t *o, const char *where, annals_error *err)
{
    if (!json_is_object(o)) return er_set(err, ANNALS_ERR_INPUT, "%s: an event is not a JSON object", where);
    const char *type = str(o, "type");
    const ev_type *ty = type ? ev_type_find(type) : NULL;
    if (!ty) return er_set(err, ANNALS_ERR_INPUT, "%s: \"type\" is %s%s%s, not one of the 18 event types",
                           where, type ? "\"" : "", type ? type : "missing", type ? "\"" : "");
    tl_event e;
    memset(&e, 0, sizeof e);
    e.type = ty->name;
    e.cameo = ty->cameo;
    e.plover = ty->plover;
    ar_arena pmem; /* participants, until tl_add_event has copied them */
    ar_init(&pmem, 4096);
    if (read_fields(o, &e, &pmem, where, err)) {
        ar_free(&pmem);
        return -1;
    }
    json_t *ms = json_object_get(o, "mentions");
    if (!json_is_array(ms) || json_array_size(ms) == 0) {
        ar_free(&pmem);
        return er_set(err, ANNALS_ERR_INPUT, "%s: an event needs a non-empty \"mentions\" list", where);
    }
    size_t nm = json_array_size(ms);
    tl_mention *men = calloc(nm, sizeof *men);
    if (!men) {
        ar_free(&pmem);
        return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    }
    int rc = 0;
    for (size_t i = 0; i < nm && rc == 0; i++) {
        json_t *m = json_array_get(ms, i);
        const char *doc = str(m, "doc");
        json_t *s = json_object_get(m, "start"), *en = json_object_get(m, "end");
        if (!doc || !json_is_integer(s) || !json_is_integer(en) || json_integer_value(s) < 0 ||
            json_integer_value(en) < json_integer_value(s) || json_integer_value(en) > UINT32_MAX) {
            rc = er_set(err, ANNALS_ERR_INPUT, "%s: mentions[%zu] needs \"doc\" and 0 <= start <= end", where, i);
            break;
        }
        long di = doc_index(tl, doc, NULL);
        if (di < 0) { rc = er_set(err, ANNALS_ERR_NOMEM, "out of memory"); break; }
        men[i].doc = (size_t)di;
        men[i].start = (uint32_t)json_integer_value(s);
        men[i].end = (uint32_t)json_integer_value(en);
        men[i].sentence = (char *)str(m, "sentence");
        men[i].trigger = (char *)str(m, "trigger");
        men[i].date_text = (char *)str(m, "date_text");
    }
    e.mentions = men;
    e.nmentions = nm;
    void *keep = NULL;
    if (rc == 0) rc = read_merged(tl, o, &e, men, nm, &keep, &pmem, where, err);
    if (rc == 0 && tl_add_event(tl, &e)) rc = er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    free(keep);
    ar_free(&pmem);
    free(men);
    return rc;
}

int rd_line_json(annals_timeline *tl, json_t *o, const char *where, annals_error *err)
{
    json_t *d = json_object_get(o, "document");
    if (!d || json_object_get(o, "type")) return rd_event_json(tl, o, where, err);
    const char *id = str(d, "id");
    if (!id) return er_set(err, ANNALS_ERR_INPUT, "%s: a \"document\" needs a string \"id\"", where);
    if (check_meta(d, where, err)) return -1;
    return doc_index(tl, id, d) < 0 ? er_set(err, ANNALS_ERR_NOMEM, "out of memory") : 0;
}

/* One annals/1 document: its documents, then its events. */
static int read_document(annals_timeline *tl, json_t *root, const char *name, annals_error *err)
{
    const char *fmt = str(root, "format");
    if (!fmt || strcmp(fmt, ANNALS_FORMAT_NAME) != 0)
        return er_set(err, ANNALS_ERR_INPUT, "%s: not an annals/1 timeline (\"format\" is %s)", name,
                      fmt ? fmt : "missing");
    json_t *docs = json_object_get(root, "documents"), *evs = json_object_get(root, "events");
    if (!json_is_array(docs) || !json_is_array(evs))
        return er_set(err, ANNALS_ERR_INPUT, "%s: \"documents\" and \"events\" must be lists", name);
    size_t i;
    json_t *v;
    json_array_foreach(docs, i, v) {
        const char *id = str(v, "id");
        if (!id) return er_set(err, ANNALS_ERR_INPUT, "%s: documents[%zu] has no \"id\"", name, i);
        char where[600];
        snprintf(where, sizeof where, "%s: documents[%zu]", name, i);
        if (check_meta(v, where, err)) return -1;
        if (doc_index(tl, id, v) < 0) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    }
    json_array_foreach(evs, i, v) {
        char where[600];
        snprintf(where, sizeof where, "%s: events[%zu]", name, i);
        if (rd_event_json(tl, v, where, err)) return -1;
    }
    return 0;
}

int rd_bad_line(rd_leniency *l, int rc, annals_error *err)
{
    if (rc == 0 || !l || !l->warn || err->code == ANNALS_ERR_NOMEM || err->code == ANNALS_ERR_IO)
        return rc;
    l->warn(l->ctx, err->message);
    l->skipped++;
    er_clear(err);
    return 0;
}

/* Is this line (a bad one) a record of JSON Lines rather than the start
 * of a document written over many lines? A record is one object on one
 * line: it opens and closes there. */
static int one_line_object(const char *s, size_t n)
{
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    size_t k = 0;
    while (k < n && (s[k] == ' ' || s[k] == '\t')) k++;
    return n > k + 1 && s[k] == '{' && s[n - 1] == '}';
}

static int read_timeline(annals_timeline *tl, FILE *f, const char *name, rd_leniency *l,
                         annals_error *err)
{
    /* A document starts with {"format"...; JSON Lines has an event a line.
     * Read the first value to tell them apart. */
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t got;
    int rc = 0, first = 1;
    while ((got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t n = (size_t)got, k = 0;
        while (k < n && (line[k] == ' ' || line[k] == '\t' || line[k] == '\n' || line[k] == '\r')) k++;
        if (k == n) continue;
        json_error_t je;
        json_t *o = first ? json_loadb(line, n, 0, &je) : NULL;
        if (first && !o && l && l->warn && one_line_object(line, n)) {
            /* a broken first record of JSON Lines: skipped, like any other */
            char where[600];
            snprintf(where, sizeof where, "%s:%zu", name, lineno);
            rc = rd_bad_line(l, er_set(err, ANNALS_ERR_INPUT, "%s: invalid JSON at column %d: %s", where,
                                       je.column, je.text), err);
            if (rc == 0) rc = rd_jsonl_rest(tl, f, name, lineno, l, err);
            break;
        }
        if (first && (!o || json_object_get(o, "format"))) {
            /* a whole document (possibly over many lines): read it all */
            json_decref(o);
            size_t blen = n, bcap = n + 4096;
            char *buf = malloc(bcap);
            if (!buf) { rc = er_set(err, ANNALS_ERR_NOMEM, "out of memory"); break; }
            memcpy(buf, line, n);
            while ((got = getline(&line, &cap, f)) >= 0) {
                if (blen + (size_t)got > bcap) {
                    bcap = (blen + (size_t)got) * 2;
                    char *nb = realloc(buf, bcap);
                    if (!nb) { free(buf); free(line); return er_set(err, ANNALS_ERR_NOMEM, "out of memory"); }
                    buf = nb;
                }
                memcpy(buf + blen, line, (size_t)got);
                blen += (size_t)got;
            }
            json_t *root = json_loadb(buf, blen, JSON_REJECT_DUPLICATES, &je);
            free(buf);
            if (!root) {
                rc = er_set(err, ANNALS_ERR_INPUT, "%s:%d:%d: invalid JSON: %s", name,
                            je.line + (int)lineno - 1, je.column, je.text);
            } else {
                rc = read_document(tl, root, name, err);
                json_decref(root);
            }
            break;
        }
        first = 0;
        if (!o) o = json_loadb(line, n, JSON_REJECT_DUPLICATES, &je);
        char where[600];
        snprintf(where, sizeof where, "%s:%zu", name, lineno);
        if (!o) {
            rc = rd_bad_line(l, er_set(err, ANNALS_ERR_INPUT, "%s: invalid JSON at column %d: %s", where,
                                       je.column, je.text), err);
        } else {
            rc = rd_bad_line(l, rd_line_json(tl, o, where, err), err);
            json_decref(o);
        }
        /* JSON Lines, then: the rest in parallel batches (tlpar.c) */
        if (rc == 0) rc = rd_jsonl_rest(tl, f, name, lineno, l, err);
        break;
    }
    if (rc == 0 && ferror(f)) rc = er_set(err, ANNALS_ERR_IO, "%s: read error: %s", name, strerror(errno));
    free(line);
    return rc;
}

int annals_timeline_read(annals_timeline *tl, FILE *f, const char *name, annals_error *err)
{
    return read_timeline(tl, f, name, NULL, err);
}

long annals_timeline_read_lenient(annals_timeline *tl, FILE *f, const char *name,
                                  void (*warn)(void *ctx, const char *msg), void *ctx,
                                  annals_error *err)
{
    if (!warn) return er_set(err, ANNALS_ERR_USAGE, "annals_timeline_read_lenient: no warn function");
    rd_leniency l = {warn, ctx, 0};
    return read_timeline(tl, f, name, &l, err) ? -1 : l.skipped;
}
