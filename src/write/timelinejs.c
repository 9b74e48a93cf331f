/* timelinejs: the JSON that TimelineJS (Knight Lab) reads. Its dates
 * are partial by design -- a year, a year and month, or a full day -- so
 * every precision maps to one without a guess. */
#include "export.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* {"year", "month", "day"} from "YYYY-MM-DD", down to the given depth
 * (1 year, 2 month, 3 day). */
static json_t *tjs_date(const char *ymd, int depth)
{
    json_t *o = json_object();
    if (!o) return NULL;
    json_object_set_new(o, "year", json_integer(atoi(ymd)));
    if (depth >= 2) json_object_set_new(o, "month", json_integer(atoi(ymd + 5)));
    if (depth >= 3) json_object_set_new(o, "day", json_integer(atoi(ymd + 8)));
    return o;
}

static int depth_of(const char *precision)
{
    if (strcmp(precision, "day") == 0 || strcmp(precision, "week") == 0) return 3;
    if (strcmp(precision, "month") == 0 || strcmp(precision, "quarter") == 0 ||
        strcmp(precision, "season") == 0)
        return 2;
    return 1;
}

/* The slide's text: the sentence, the modality when not asserted, the sources. */
static char *slide_text(const annals_timeline *tl, const tl_event *e)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    if (!m) return NULL;
    if (strcmp(e->modality, "asserted") != 0) {
        fputs("<p><em>", m);
        wr_html_escape(m, e->modality);
        fputs("</em></p>", m);
    }
    if (e->nmentions && e->mentions[0].sentence) {
        fputs("<p>", m);
        wr_html_escape(m, e->mentions[0].sentence);
        fputs("</p>", m);
    }
    size_t ns;
    size_t *src = wr_sources(tl, e, &ns);
    if (ns) fputs("<p>Sources:</p><ul>", m);
    for (size_t i = 0; i < ns; i++) {
        const tl_document *d = &tl->docs[src[i]];
        fputs("<li>", m);
        if (wr_url_ok(d->url)) {
            fputs("<a href=\"", m);
            wr_html_escape(m, d->url);
            fputs("\">", m);
        }
        wr_html_escape(m, wr_doc_name(d));
        if (wr_url_ok(d->url)) fputs("</a>", m);
        fputs("</li>", m);
    }
    if (ns) fputs("</ul>", m);
    free(src);
    if (fclose(m) != 0) { free(buf); return NULL; }
    return buf;
}

/* TimelineJS puts headlines and dates into the page as HTML: escaped. */
static json_t *html_string(const char *s)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    if (!m) return NULL;
    wr_html_escape(m, s);
    json_t *j = fclose(m) == 0 ? json_string(buf) : NULL;
    free(buf);
    return j;
}

static json_t *slide(const annals_timeline *tl, const tl_event *e)
{
    json_t *o = json_object();
    char *text = slide_text(tl, e);
    if (!o || !text) { json_decref(o); free(text); return NULL; }
    int depth = depth_of(e->date.precision);
    json_object_set_new(o, "start_date", tjs_date(e->date.start, depth));
    if (strcmp(e->date.start, e->date.end) != 0 && strcmp(e->date.precision, "day") != 0 &&
        strcmp(e->date.precision, "month") != 0 && strcmp(e->date.precision, "year") != 0)
        json_object_set_new(o, "end_date", tjs_date(e->date.end, depth));
    char label[64];
    wr_date_label(&e->date, label, sizeof label);
    json_object_set_new(o, "display_date", html_string(label));
    json_t *t = json_object();
    json_object_set_new(t, "headline", html_string(wr_summary(e)));
    json_object_set_new(t, "text", json_string(text));
    free(text);
    json_object_set_new(o, "text", t);
    json_object_set_new(o, "group", json_string(e->type));
    json_object_set_new(o, "unique_id", json_string(e->id));
    return o;
}

int wr_timelinejs(const annals_timeline *tl, annals_export *x, FILE *out)
{
    json_t *root = json_object(), *events = json_array(), *title = json_object(),
           *tt = json_object();
    if (!root || !events || !title || !tt) {
        json_decref(root); json_decref(events); json_decref(title); json_decref(tt);
        return -2;
    }
    json_object_set_new(tt, "headline", html_string(x->title ? x->title : "annals timeline"));
    char sub[96];
    snprintf(sub, sizeof sub, "%zu event%s from %zu document%s", tl->nev, tl->nev == 1 ? "" : "s",
             tl->ndocs, tl->ndocs == 1 ? "" : "s");
    json_object_set_new(tt, "text", json_string(sub));
    json_object_set_new(title, "text", tt);
    json_object_set_new(root, "title", title);
    for (size_t i = 0; i < tl->nev; i++) {
        const tl_event *e = &tl->ev[i];
        int fate = wr_fate(e, x->flags);
        if (fate == WR_UNDATED) { x->undated++; continue; }
        if (fate == WR_UNASSERTED) { x->unasserted++; continue; }
        json_t *s = slide(tl, e);
        if (!s || json_array_append_new(events, s)) { json_decref(events); json_decref(root); return -2; }
        x->written++;
    }
    json_object_set_new(root, "events", events);
    int rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER) != 0 || fputc('\n', out) == EOF;
    json_decref(root);
    return rc ? -1 : 0;
}
