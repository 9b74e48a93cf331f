/* annals_extract: one article through the flow, into a timeline. */
#include "grammars.h"
#include "../doc/doc.h"
#include "../timeline/timeline.h"
#include "../timex/timex.h"
#include "../event/event.h"
#include "../anchor/anchor.h"
#include "../util/cal.h"
#include "../util/err.h"
#include <string.h>

#define EX_SHARED_WORDS (1u << 20)

void annals_options_init(annals_options *o)
{
    memset(o, 0, sizeof *o);
    o->date_order = ANNALS_DATE_MDY;
}

/* A record's "published": an ISO 8601 date or date-time of a plausible
 * year. Corpora carry placeholders such as 0001-01-01; a date like that
 * would resolve every relative date of the article wrongly. */
int annals_published_date(const char *s, int *y, int *m, int *d)
{
    int yy, mm, dd;
    if (!s || !ca_parse_iso_prefix(s, strlen(s), &yy, &mm, &dd)) return 0;
    if (yy < 1800 || yy > 2200) return 0;
    if (y) *y = yy, *m = mm, *d = dd;
    return 1;
}

int annals_date_valid(const char *ymd)
{
    int y, m, d;
    return ymd && ca_parse_ymd(ymd, strlen(ymd), &y, &m, &d);
}

/* The publication date: the option, else the record's metadata, else a
 * header line of the text, else none. */
static tl_dct_from find_dct(const annals_grammars *g, const annals_article *a,
                            const annals_options *o, char out[11])
{
    int y, m, d;
    if (o && o->dct) {
        memcpy(out, o->dct, 10);
        out[10] = '\0';
        return TL_DCT_OPTION;
    }
    if (a->published && annals_published_date(a->published, &y, &m, &d)) {
        ca_format_ymd(out, y, m, d);
        return TL_DCT_METADATA;
    }
    if (rd_dct_find(g->dct, a->text, a->text_len, out)) return TL_DCT_TEXT;
    out[0] = '\0';
    return TL_DCT_NONE;
}

int annals_extract(const annals_grammars *g, const annals_article *a,
                   const annals_options *o, annals_timeline *tl, annals_error *err)
{
    if (!g || !a || !tl)
        return er_set(err, ANNALS_ERR_USAGE, "annals_extract: NULL argument");
    if (!a->text && a->text_len)
        return er_set(err, ANNALS_ERR_USAGE, "annals_extract: no text");
    if (o && o->dct && !annals_date_valid(o->dct))
        return er_set(err, ANNALS_ERR_USAGE, "invalid date '%s' (want YYYY-MM-DD)", o->dct);
    const char *text = a->text ? a->text : "";
    annals_article art = *a;
    art.text = text;

    long di = tl_add_document(tl, a->id, a->source, a->title, a->url);
    if (di < 0) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    tl_document *doc = &tl->docs[di];
    doc->dct_from = find_dct(g, &art, o, doc->dct);

    ar_arena mem;
    ar_init(&mem, 64 * 1024);
    dc_doc d;
    int rc = 0;
    if (dc_build(&d, &mem, text, art.text_len))
        rc = er_set(err, ANNALS_ERR_INPUT, "%s: text too large or out of memory", doc->id);
    /* two grammars run over the text: their first pass finds its words
     * once. A word costs 16 bytes kept for the whole document, so a text
     * over EX_SHARED_WORDS bytes (no news article) is scanned by each
     * grammar chunk by chunk instead, in memory that does not grow. */
    int events = g->events.nrules && !(o && o->no_events);
    gm_words words;
    if (rc == 0 && events && g->dates.nrules && art.text_len <= EX_SHARED_WORDS) {
        if (gm_words_build(text, art.text_len, &mem, &words))
            rc = er_set(err, ANNALS_ERR_NOMEM, "%s: out of memory", doc->id);
        else
            d.words = &words;
    }
    tx_timex *tx = NULL;
    size_t ntx = 0;
    /* Dates are always found: events are dated from them. */
    if (rc == 0 && tx_find(&g->dates, &d, doc->dct[0] ? doc->dct : NULL,
                           o ? o->date_order : ANNALS_DATE_MDY, &mem, &tx, &ntx))
        rc = er_set(err, ANNALS_ERR_NOMEM, "%s: out of memory", doc->id);
    if (rc == 0 && o && o->want_timexes) {
        for (size_t i = 0; rc == 0 && i < ntx; i++)
            if (tl_add_timex(tl, (size_t)di, text, tx[i].start, tx[i].end, tx[i].type, tx[i].value))
                rc = er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    }
    size_t first = tl->nev;
    if (rc == 0 && events &&
        ev_find(&g->events, &g->gaz, &d, (size_t)di, doc->id, tl, &mem))
        rc = er_set(err, ANNALS_ERR_NOMEM, "%s: out of memory", doc->id);
    if (rc == 0) an_anchor(&d, tx, ntx, tl, first);
    if (rc == 0 && tl_coref(tl, first))
        rc = er_set(err, ANNALS_ERR_NOMEM, "%s: out of memory", doc->id);
    if (rc == 0) tl_dedup_mentions(tl, first);
    ar_free(&mem);
    return rc;
}

void annals_timeline_sort(annals_timeline *tl)
{
    if (tl) tl_sort_events(tl);
}
