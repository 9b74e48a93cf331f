/* export: the entry point of the exports and what they share. */
#include "annals/annals.h"
#include "export.h"
#include "../util/err.h"
#include <stdlib.h>
#include <string.h>

int wr_export_parse(const char *name)
{
    if (strcmp(name, "ics") == 0) return ANNALS_FORMAT_ICS;
    if (strcmp(name, "html") == 0) return ANNALS_FORMAT_HTML;
    if (strcmp(name, "csv") == 0) return ANNALS_FORMAT_CSV;
    if (strcmp(name, "timelinejs") == 0) return ANNALS_FORMAT_TIMELINEJS;
    return -1;
}

void annals_export_init(annals_export *x)
{
    memset(x, 0, sizeof *x);
    x->now = -1;
}

int wr_fate(const tl_event *e, int flags)
{
    if (!e->has_date) return WR_UNDATED;
    if (!(flags & ANNALS_WRITE_ALL) && e->modality &&
        (strcmp(e->modality, "negated") == 0 || strcmp(e->modality, "hypothetical") == 0))
        return WR_UNASSERTED;
    return WR_KEEP;
}

size_t *wr_sources(const annals_timeline *tl, const tl_event *e, size_t *n)
{
    *n = 0;
    if (!e->nmentions) return NULL;
    size_t *d = malloc(e->nmentions * sizeof *d);
    if (!d) return NULL;
    for (size_t i = 0; i < e->nmentions; i++) {
        size_t doc = e->mentions[i].doc, j = 0;
        if (doc >= tl->ndocs) continue;
        while (j < *n && d[j] != doc) j++;
        if (j == *n) d[(*n)++] = doc;
    }
    return d;
}

const char *wr_doc_name(const tl_document *d)
{
    if (d->title && *d->title) return d->title;
    if (d->source && *d->source) return d->source;
    return d->id;
}

int wr_url_ok(const char *s)
{
    if (!s) return 0;
    if (strncmp(s, "http://", 7) != 0 && strncmp(s, "https://", 8) != 0) return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
            return 0;
    return 1;
}

const char *wr_summary(const tl_event *e)
{
    return e->summary && *e->summary ? e->summary : e->type;
}

int annals_export_write(const annals_timeline *tl, annals_format f, annals_export *x,
                        FILE *out, annals_error *err)
{
    annals_export defaults;
    if (!x) {
        annals_export_init(&defaults);
        x = &defaults;
    }
    x->written = x->undated = x->unasserted = 0;
    int rc;
    switch (f) {
    case ANNALS_FORMAT_ICS: rc = wr_ics(tl, x, out); break;
    case ANNALS_FORMAT_HTML: rc = wr_html(tl, x, out); break;
    case ANNALS_FORMAT_CSV: rc = wr_csv(tl, x, out); break;
    case ANNALS_FORMAT_TIMELINEJS: rc = wr_timelinejs(tl, x, out); break;
    default: return annals_write(tl, f, x->flags, out, err);
    }
    if (rc == -2) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    if (rc || ferror(out)) return er_set(err, ANNALS_ERR_IO, "write error");
    return 0;
}
