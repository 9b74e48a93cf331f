/* html: the timeline as one self-contained page -- a vertical timeline
 * grouped by month, coloured by type, with filters by type and actor.
 * No network: the style and script are inline and a Content-Security-
 * Policy forbids loading anything. Every event is shown, whatever its
 * modality or date; undated ones close the page. */
#include "export.h"
#include "html.h"
#include <stdlib.h>
#include <string.h>

void wr_html_escape(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*s, out);
        }
    }
}

/* ---- order and groups ----------------------------------------------------- */

/* Where an event goes: its group (a month for day, week and month
 * precision; the period itself for coarser ones), in date order, the
 * coarser period first when two start together. */
typedef struct slot {
    size_t ev;
    char start[11]; /* the group's first day; "" undated */
    int rank;       /* decade 0, year 1, quarter/season 2, finer 3 */
    char label[64];
} slot;

static int rank_of(const char *p)
{
    if (strcmp(p, "decade") == 0) return 0;
    if (strcmp(p, "year") == 0) return 1;
    if (strcmp(p, "quarter") == 0 || strcmp(p, "season") == 0) return 2;
    return 3;
}

static void place(const tl_event *e, size_t i, slot *s)
{
    s->ev = i;
    if (!e->has_date) {
        s->start[0] = '\0';
        s->rank = 4;
        snprintf(s->label, sizeof s->label, "Undated");
        return;
    }
    s->rank = rank_of(e->date.precision);
    if (s->rank == 3) {
        tl_date month = e->date;
        month.precision = "month";
        snprintf(s->start, sizeof s->start, "%.7s-01", e->date.start);
        wr_date_label(&month, s->label, sizeof s->label);
    } else {
        memcpy(s->start, e->date.start, sizeof s->start);
        wr_date_label(&e->date, s->label, sizeof s->label);
    }
}

static int slot_cmp(const void *a, const void *b)
{
    const slot *x = a, *y = b;
    if (!x->start[0] != !y->start[0]) return x->start[0] ? -1 : 1; /* undated last */
    int c = strcmp(x->start, y->start);
    if (!c) c = x->rank - y->rank;
    if (!c) c = strcmp(x->label, y->label);
    if (!c) c = x->ev < y->ev ? -1 : x->ev > y->ev;
    return c;
}

/* ---- the filters ---------------------------------------------------------- */

typedef struct tally {
    const char *name;
    size_t n;
} tally;

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int tally_cmp(const void *a, const void *b)
{
    const tally *x = a, *y = b;
    if (x->n != y->n) return x->n < y->n ? 1 : -1;
    return strcmp(x->name, y->name);
}

/* Every name among the actors and targets, counted, most frequent first. */
static tally *actors(const annals_timeline *tl, size_t *n)
{
    size_t all = 0;
    for (size_t i = 0; i < tl->nev; i++) all += tl->ev[i].nactors + tl->ev[i].ntargets;
    *n = 0;
    const char **names = malloc((all + 1) * sizeof *names);
    tally *t = malloc((all + 1) * sizeof *t);
    if (!names || !t) { free(names); free(t); return NULL; }
    size_t k = 0;
    for (size_t i = 0; i < tl->nev; i++) {
        const tl_event *e = &tl->ev[i];
        for (size_t j = 0; j < e->nactors; j++) names[k++] = e->actors[j].name;
        for (size_t j = 0; j < e->ntargets; j++) names[k++] = e->targets[j].name;
    }
    qsort(names, k, sizeof *names, name_cmp);
    for (size_t i = 0; i < k; i++) {
        if (*n && strcmp(t[*n - 1].name, names[i]) == 0) t[*n - 1].n++;
        else t[(*n)++] = (tally){names[i], 1};
    }
    free(names);
    qsort(t, *n, sizeof *t, tally_cmp);
    return t;
}

static int filters(FILE *out, const annals_timeline *tl)
{
    /* the types present, in the order of event-types.md */
    static const char *const types[] = {"meeting", "talks", "agreement", "ceasefire", "offer",
        "withdrawal", "seizure", "attack", "sanctions", "evacuation", "deployment", "arrest",
        "release", "threat", "protest", "election", "leadership_change", "aid"};
    fputs("<nav id=\"filters\" class=\"filters\" hidden>\n<fieldset><legend>Types</legend>\n", out);
    for (size_t t = 0; t < sizeof types / sizeof *types; t++) {
        size_t n = 0;
        for (size_t i = 0; i < tl->nev; i++) n += strcmp(tl->ev[i].type, types[t]) == 0;
        if (n)
            fprintf(out, "<label class=\"chip t-%s\"><input type=\"checkbox\" value=\"%s\" checked> "
                         "%s (%zu)</label>\n", types[t], types[t], types[t], n);
    }
    fputs("</fieldset>\n<label>Actor or target: <select id=\"actor\"><option value=\"\">all</option>\n", out);
    size_t na;
    tally *a = actors(tl, &na);
    if (!a) return -2;
    for (size_t i = 0; i < na; i++) {
        fputs("<option value=\"", out);
        wr_html_escape(out, a[i].name);
        fputs("\">", out);
        wr_html_escape(out, a[i].name);
        fprintf(out, " (%zu)</option>\n", a[i].n);
    }
    free(a);
    fputs("</select></label>\n<p id=\"shown\"></p>\n</nav>\n", out);
    return 0;
}

/* ---- one event ------------------------------------------------------------ */

static void parties(FILE *out, const tl_party *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i) fputs(", ", out);
        wr_html_escape(out, p[i].name);
        if (p[i].country[0]) fprintf(out, " (%s)", p[i].country);
    }
}

static int event(FILE *out, const annals_timeline *tl, const tl_event *e)
{
    fprintf(out, "<li class=\"ev t-%s m-%s\" id=\"", e->type, e->modality);
    wr_html_escape(out, e->id);
    fprintf(out, "\" data-type=\"%s\" data-actors=\"", e->type);
    for (size_t i = 0; i < e->nactors + e->ntargets; i++) {
        const tl_party *p = i < e->nactors ? &e->actors[i] : &e->targets[i - e->nactors];
        if (i) fputc('|', out);
        wr_html_escape(out, p->name);
    }
    fputs("\">\n<div class=\"when\">", out);
    if (e->has_date) {
        char label[64];
        wr_date_label(&e->date, label, sizeof label);
        fprintf(out, "<time datetime=\"%s\">", e->date.start);
        wr_html_escape(out, label);
        fprintf(out, "</time> <span class=\"prec\">%s precision", e->date.precision);
        if (strcmp(e->date.start, e->date.end) != 0)
            fprintf(out, ", %s to %s", e->date.start, e->date.end);
        fputs("</span>", out);
    } else {
        fputs("undated <span class=\"prec\">the text gives no date</span>", out);
    }
    fprintf(out, "</div>\n<div class=\"card\">\n<span class=\"badge type\">%s</span>", e->type);
    if (strcmp(e->modality, "asserted") != 0)
        fprintf(out, "<span class=\"badge mod\">%s</span>", e->modality);
    fputs("\n<h3>", out);
    wr_html_escape(out, wr_summary(e));
    fputs("</h3>\n", out);
    if (e->nactors || e->ntargets || e->has_location) {
        fputs("<p class=\"who\">", out);
        parties(out, e->actors, e->nactors);
        if (e->ntargets) {
            fputs(e->nactors ? " &rarr; " : "&rarr; ", out);
            parties(out, e->targets, e->ntargets);
        }
        if (e->has_location) {
            fputs(e->nactors || e->ntargets ? " &middot; in " : "in ", out);
            wr_html_escape(out, e->loc_name);
            if (e->loc_country[0]) fprintf(out, " (%s)", e->loc_country);
        }
        fputs("</p>\n", out);
    }
    if (e->nmentions && e->mentions[0].sentence) {
        fputs("<blockquote>", out);
        wr_html_escape(out, e->mentions[0].sentence);
        fputs("</blockquote>\n", out);
    }
    size_t ns;
    size_t *src = wr_sources(tl, e, &ns);
    if (!src && e->nmentions) return -2;
    if (ns) fputs("<ul class=\"src\">\n", out);
    for (size_t i = 0; i < ns; i++) {
        const tl_document *d = &tl->docs[src[i]];
        int link = wr_url_ok(d->url);
        fputs("<li>", out);
        if (link) {
            fputs("<a href=\"", out);
            wr_html_escape(out, d->url);
            fputs("\" rel=\"noreferrer\">", out);
        }
        wr_html_escape(out, wr_doc_name(d));
        if (link) fputs("</a>", out);
        if (d->dct[0]) fprintf(out, " &middot; %s", d->dct);
        fputs("</li>\n", out);
    }
    if (ns) fputs("</ul>\n", out);
    free(src);
    fputs("</div>\n</li>\n", out);
    return 0;
}

/* ---- the page ------------------------------------------------------------- */

int wr_html(const annals_timeline *tl, annals_export *x, FILE *out)
{
    const char *title = x->title ? x->title : "annals timeline";
    slot *s = malloc((tl->nev + 1) * sizeof *s);
    if (!s) return -2;
    for (size_t i = 0; i < tl->nev; i++) place(&tl->ev[i], i, &s[i]);
    qsort(s, tl->nev, sizeof *s, slot_cmp);

    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
          "<meta name=\"generator\" content=\"annals " ANNALS_VERSION "\">\n<title>", out);
    wr_html_escape(out, title);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", wr_html_css);
    wr_html_escape(out, title);
    fprintf(out, "</h1>\n<p class=\"meta\">%zu events from %zu document%s</p>\n", tl->nev, tl->ndocs,
            tl->ndocs == 1 ? "" : "s");
    int rc = filters(out, tl);
    fputs("</header>\n<main>\n", out);
    for (size_t i = 0; i < tl->nev && !rc; i++) {
        if (i == 0 || strcmp(s[i].label, s[i - 1].label) != 0 ||
            strcmp(s[i].start, s[i - 1].start) != 0) {
            if (i) fputs("</ol>\n</section>\n", out);
            fputs("<section class=\"group\">\n<h2>", out);
            wr_html_escape(out, s[i].label);
            fputs("</h2>\n<ol class=\"events\">\n", out);
        }
        rc = event(out, tl, &tl->ev[s[i].ev]);
        x->written++;
    }
    if (tl->nev) fputs("</ol>\n</section>\n", out);
    if (!tl->nev) fputs("<p>No events.</p>\n", out);
    fprintf(out, "</main>\n<footer>Made by annals %s from annals/1 timeline data.</footer>\n"
                 "<script>\n%s</script>\n</body>\n</html>\n", ANNALS_VERSION, wr_html_js);
    free(s);
    return rc;
}
