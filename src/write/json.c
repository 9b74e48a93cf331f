#include "write.h"
#include "export.h"
#include "../util/err.h"
#include <stdlib.h>
#include <string.h>

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *wr_document(const tl_document *d)
{
    json_t *o = json_object();
    if (!o) return NULL;
    int bad = 0;
    bad |= json_object_set_new(o, "id", json_string(d->id));
    bad |= json_object_set_new(o, "source", str_or_null(d->source));
    bad |= json_object_set_new(o, "title", str_or_null(d->title));
    bad |= json_object_set_new(o, "url", str_or_null(d->url));
    bad |= json_object_set_new(o, "dct", d->dct[0] ? json_string(d->dct) : json_null());
    bad |= json_object_set_new(o, "dct_from", json_string(tl_dct_from_name(d->dct_from)));
    if (bad) { json_decref(o); return NULL; }
    return o;
}

json_t *wr_timex(const annals_timeline *tl, const tl_timex *t)
{
    json_t *o = json_object();
    if (!o) return NULL;
    int bad = 0;
    bad |= json_object_set_new(o, "doc", json_string(tl->docs[t->doc].id));
    bad |= json_object_set_new(o, "start", json_integer(t->start));
    bad |= json_object_set_new(o, "end", json_integer(t->end));
    bad |= json_object_set_new(o, "text", json_string(t->text));
    bad |= json_object_set_new(o, "type", json_string(t->type));
    bad |= json_object_set_new(o, "value", json_string(t->value));
    if (bad) { json_decref(o); return NULL; }
    return o;
}

static json_t *parties(const tl_party *p, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "name", json_string(p[i].name));
        json_object_set_new(o, "country", p[i].country[0] ? json_string(p[i].country) : json_null());
        json_object_set_new(o, "kind", json_string(p[i].kind ? p[i].kind : "other"));
        json_array_append_new(a, o);
    }
    return a;
}

json_t *wr_event(const annals_timeline *tl, const tl_event *e)
{
    json_t *o = json_object();
    if (!o) return NULL;
    json_object_set_new(o, "id", json_string(e->id));
    json_object_set_new(o, "type", json_string(e->type));
    json_object_set_new(o, "cameo", str_or_null(e->cameo));
    json_object_set_new(o, "plover", str_or_null(e->plover));
    json_object_set_new(o, "modality", json_string(e->modality));
    if (e->has_date) {
        json_t *d = json_object();
        json_object_set_new(d, "value", json_string(e->date.value));
        json_object_set_new(d, "precision", json_string(e->date.precision));
        json_object_set_new(d, "start", json_string(e->date.start));
        json_object_set_new(d, "end", json_string(e->date.end));
        json_object_set_new(o, "date", d);
    } else {
        json_object_set_new(o, "date", json_null());
    }
    json_object_set_new(o, "actors", parties(e->actors, e->nactors));
    json_object_set_new(o, "targets", parties(e->targets, e->ntargets));
    if (e->has_location) {
        json_t *l = json_object();
        json_object_set_new(l, "name", json_string(e->loc_name));
        json_object_set_new(l, "country", e->loc_country[0] ? json_string(e->loc_country) : json_null());
        json_object_set_new(o, "location", l);
    } else {
        json_object_set_new(o, "location", json_null());
    }
    json_object_set_new(o, "summary", str_or_null(e->summary));
    json_object_set_new(o, "confidence", json_real(e->confidence));
    json_t *ms = json_array();
    for (size_t i = 0; i < e->nmentions; i++) {
        const tl_mention *m = &e->mentions[i];
        json_t *mo = json_object();
        json_object_set_new(mo, "doc", json_string(tl->docs[m->doc].id));
        json_object_set_new(mo, "start", json_integer(m->start));
        json_object_set_new(mo, "end", json_integer(m->end));
        json_object_set_new(mo, "sentence", str_or_null(m->sentence));
        json_object_set_new(mo, "trigger", str_or_null(m->trigger));
        json_object_set_new(mo, "date_text", str_or_null(m->date_text));
        json_array_append_new(ms, mo);
    }
    json_object_set_new(o, "mentions", ms);
    if (e->merged && wr_merged(o, tl, e)) { json_decref(o); return NULL; }
    return o;
}

/* Writes what b holds (one item, its line made by direct.c) after indent,
 * then its line end, and empties b. */
static int put_item(wr_buf *b, int made, FILE *out, const char *indent, int comma)
{
    int rc = made || fputs(indent, out) < 0 || fwrite(b->s, 1, b->n, out) != b->n ||
             fputs(comma ? ",\n" : "\n", out) < 0;
    b->n = 0;
    return rc ? -1 : 0;
}

int annals_format_parse(const char *name)
{
    if (!name) return -1;
    if (strcmp(name, "json") == 0) return ANNALS_FORMAT_JSON;
    if (strcmp(name, "jsonl") == 0) return ANNALS_FORMAT_JSONL;
    if (strcmp(name, "text") == 0) return ANNALS_FORMAT_TEXT;
    return wr_export_parse(name);
}

static int write_json(const annals_timeline *tl, int flags, FILE *out)
{
    int rc = 0;
    wr_buf b = {0};
    rc |= fprintf(out, "{\n  \"format\": \"%s\",\n  \"generator\": \"annals %s\",\n",
                  ANNALS_FORMAT_NAME, ANNALS_VERSION) < 0;
    rc |= fputs("  \"documents\": [\n", out) < 0;
    for (size_t i = 0; i < tl->ndocs && !rc; i++)
        rc |= put_item(&b, wr_direct_document(&b, &tl->docs[i]), out, "    ", i + 1 < tl->ndocs);
    int timexes = flags & (ANNALS_WRITE_TIMEXES | ANNALS_WRITE_TIMEXES_ONLY);
    rc |= fputs(timexes || !(flags & ANNALS_WRITE_TIMEXES_ONLY) ? "  ],\n" : "  ]\n", out) < 0;
    if (!(flags & ANNALS_WRITE_TIMEXES_ONLY)) {
        rc |= fputs("  \"events\": [\n", out) < 0;
        rc |= wr_dump_events(tl, out, "    ", 1);
        rc |= fputs(timexes ? "  ],\n" : "  ]\n", out) < 0;
    }
    if (timexes) {
        rc |= fputs("  \"timexes\": [\n", out) < 0;
        for (size_t i = 0; i < tl->ntx && !rc; i++)
            rc |= put_item(&b, wr_direct_timex(&b, tl, &tl->tx[i]), out, "    ", i + 1 < tl->ntx);
        rc |= fputs("  ]\n", out) < 0;
    }
    rc |= fputs("}\n", out) < 0;
    free(b.s);
    return rc ? -1 : 0;
}

static int write_jsonl(const annals_timeline *tl, int flags, FILE *out)
{
    /* JSON Lines carries events, one a line; `dates` carries timexes. */
    wr_buf b = {0};
    int rc = 0;
    if (flags & ANNALS_WRITE_TIMEXES_ONLY) {
        for (size_t i = 0; i < tl->ntx && !rc; i++)
            rc = put_item(&b, wr_direct_timex(&b, tl, &tl->tx[i]), out, "", 0);
    } else {
        for (size_t i = 0; i < tl->ndocs && (flags & ANNALS_WRITE_DOCUMENTS) && !rc; i++) {
            static const char head[] = "{\"document\": ";
            if (!wr_buf_grow(&b, sizeof head)) {
                memcpy(b.s, head, sizeof head);
                b.n = sizeof head - 1;
            }
            int made = wr_direct_document(&b, &tl->docs[i]);
            if (!made && !wr_buf_grow(&b, 1)) {
                b.s[b.n++] = '}';
                b.s[b.n] = '\0';
            }
            rc = put_item(&b, made || b.bad, out, "", 0);
        }
        if (!rc && wr_dump_events(tl, out, "", 0)) rc = -1;
    }
    free(b.s);
    return rc;
}

/* `annals dates --format text`: doc, span, type, value, text; tab-separated. */
static int write_timex_text(const annals_timeline *tl, FILE *out)
{
    for (size_t i = 0; i < tl->ntx; i++) {
        const tl_timex *t = &tl->tx[i];
        fprintf(out, "%s\t%u-%u\t%s\t%s\t", tl->docs[t->doc].id, t->start, t->end, t->type, t->value);
        for (const char *c = t->text; *c; c++) fputc(*c == '\n' || *c == '\t' || *c == '\r' ? ' ' : *c, out);
        if (fputc('\n', out) == EOF) return -1;
    }
    return 0;
}

int annals_write(const annals_timeline *tl, annals_format f, int flags, FILE *out,
                 annals_error *err)
{
    int rc;
    switch (f) {
    case ANNALS_FORMAT_JSON: rc = write_json(tl, flags, out); break;
    case ANNALS_FORMAT_JSONL: rc = write_jsonl(tl, flags, out); break;
    case ANNALS_FORMAT_TEXT:
        rc = flags & ANNALS_WRITE_TIMEXES_ONLY ? write_timex_text(tl, out) : wr_text(tl, out);
        break;
    case ANNALS_FORMAT_ICS:
    case ANNALS_FORMAT_HTML:
    case ANNALS_FORMAT_CSV:
    case ANNALS_FORMAT_TIMELINEJS: {
        annals_export x;
        annals_export_init(&x);
        x.flags = flags;
        return annals_export_write(tl, f, &x, out, err);
    }
    default: return er_set(err, ANNALS_ERR_USAGE, "unknown output format %d", (int)f);
    }
    if (rc || ferror(out)) return er_set(err, ANNALS_ERR_IO, "write error");
    return 0;
}
