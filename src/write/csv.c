/* csv: one row an event (RFC 4180), with columns in the manner of the
 * GDELT and ACLED event tables, for spreadsheets and data frames.
 * Lists inside a cell are joined with "; ". */
#include "export.h"
#include <stdlib.h>
#include <string.h>

static const char header[] =
    "id,date,date_end,precision,type,cameo,plover,actors,actor_countries,targets,"
    "target_countries,location,country,modality,summary,sentence,sources,urls\r\n";

/* A field, quoted when it holds a comma, quote, CR or LF (doubling the
 * quotes) -- exactly when Python's csv module would quote it. One that
 * starts with a character a spreadsheet would take for a formula gets a
 * leading apostrophe (docs/exports.md). */
static void field(FILE *out, const char *s, int last)
{
    if (!s) s = "";
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    int formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@';
    if (quote) fputc('"', out);
    if (formula) fputc('\'', out);
    for (const char *p = s; *p; p++) {
        if (*p == '"') fputc('"', out);
        fputc(*p, out);
    }
    if (quote) fputc('"', out);
    fputs(last ? "\r\n" : ",", out);
}

/* A list cell from a memstream; "" when empty. */
typedef struct cell {
    char *buf;
    size_t n;
    FILE *f;
    int items;
} cell;

static int cell_open(cell *c)
{
    memset(c, 0, sizeof *c);
    c->f = open_memstream(&c->buf, &c->n);
    return c->f ? 0 : -2;
}

static void cell_add(cell *c, const char *s)
{
    if (c->items++) fputs("; ", c->f);
    fputs(s, c->f);
}

/* Closes the stream, writes the field, frees it. */
static int cell_put(FILE *out, cell *c, int last)
{
    int bad = fclose(c->f) != 0;
    if (!bad) field(out, c->buf, last);
    free(c->buf);
    return bad ? -2 : 0;
}

static int parties(FILE *out, const tl_party *p, size_t n)
{
    cell names, countries;
    if (cell_open(&names)) return -2;
    if (cell_open(&countries)) { cell_put(out, &names, 0); return -2; }
    for (size_t i = 0; i < n; i++) {
        cell_add(&names, p[i].name);
        /* each country once: a set, not a column aligned with the names */
        size_t j = 0;
        while (j < i && strcmp(p[j].country, p[i].country) != 0) j++;
        if (p[i].country[0] && j == i) cell_add(&countries, p[i].country);
    }
    int rc = cell_put(out, &names, 0);
    rc |= cell_put(out, &countries, 0);
    return rc ? -2 : 0;
}

static int row(FILE *out, const annals_timeline *tl, const tl_event *e)
{
    field(out, e->id, 0);
    field(out, e->has_date ? e->date.start : "", 0);
    field(out, e->has_date ? e->date.end : "", 0);
    field(out, e->has_date ? e->date.precision : "", 0);
    field(out, e->type, 0);
    field(out, e->cameo, 0);
    field(out, e->plover, 0);
    if (parties(out, e->actors, e->nactors) || parties(out, e->targets, e->ntargets)) return -2;
    field(out, e->has_location ? e->loc_name : "", 0);
    field(out, e->has_location ? e->loc_country : "", 0);
    field(out, e->modality, 0);
    field(out, wr_summary(e), 0);
    field(out, e->nmentions ? e->mentions[0].sentence : "", 0);
    size_t ns;
    size_t *src = wr_sources(tl, e, &ns);
    if (!src && e->nmentions) return -2;
    cell names, urls;
    int rc = cell_open(&names);
    if (!rc && (rc = cell_open(&urls)) != 0) cell_put(out, &names, 0);
    for (size_t i = 0; i < ns && !rc; i++) {
        const tl_document *d = &tl->docs[src[i]];
        cell_add(&names, d->source && *d->source ? d->source : d->id);
        if (d->url) cell_add(&urls, d->url);
    }
    if (!rc) {
        rc = cell_put(out, &names, 0);
        rc |= cell_put(out, &urls, 1);
    }
    free(src);
    return rc ? -2 : 0;
}

int wr_csv(const annals_timeline *tl, annals_export *x, FILE *out)
{
    if (fputs(header, out) < 0) return -1;
    for (size_t i = 0; i < tl->nev; i++) {
        int rc = row(out, tl, &tl->ev[i]);
        if (rc) return rc;
        x->written++;
    }
    return 0;
}
