/* ics: the timeline as an iCalendar file (RFC 5545) for calendar apps.
 *
 * libical builds and escapes every property; its text goes through
 * wr_ics_put (ics_fold.c), which owns the line rules: CRLF, 75 octets,
 * no UTF-8 character cut. The choices (which events, how a month or a
 * year becomes a calendar entry) are in docs/exports.md. */
#include "export.h"
#include "../util/cal.h"
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Adds p to c; a NULL p (libical refused the value) is skipped. */
static void add(icalcomponent *c, icalproperty *p)
{
    if (p) icalcomponent_add_property(c, p);
}

/* Serialises c with the _r form (its buffer is ours to free) and writes it. */
static int put_component(FILE *out, icalcomponent *c)
{
    char *s = icalcomponent_as_ical_string_r(c);
    if (!s) return -2;
    int rc = wr_ics_put(out, s);
    icalmemory_free_buffer(s);
    return rc;
}

static int put_property(FILE *out, icalproperty *p)
{
    if (!p) return -2;
    char *s = icalproperty_as_ical_string_r(p);
    int rc = s ? wr_ics_put(out, s) : -2;
    icalmemory_free_buffer(s);
    icalproperty_free(p);
    return rc;
}

/* TEXT may not hold control characters other than tab (RFC 5545 3.3.11):
 * they become spaces; CR LF and lone CR become LF, which libical escapes. */
static char *clean(const char *s)
{
    size_t n = strlen(s);
    char *o = malloc(n + 1), *w = o;
    if (!o) return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\r') {
            *w++ = '\n';
            if (s[i + 1] == '\n') i++;
        } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            *w++ = ' ';
        } else {
            *w++ = (char)c;
        }
    }
    *w = '\0';
    return o;
}

/* A TEXT property made from s (cleaned first). */
static icalproperty *text_prop(icalproperty *(*make)(const char *), const char *s)
{
    char *c = clean(s);
    if (!c) return NULL;
    icalproperty *p = make(c);
    free(c);
    return p;
}

static icaltimetype ical_date(long days)
{
    int y, m, d;
    ca_from_days(days, &y, &m, &d);
    icaltimetype t = icaltime_null_date();
    t.year = y;
    t.month = m;
    t.day = d;
    return t;
}

/* Day and week: the days they cover. Month and coarser: their first day
 * alone (a year-long bar would cover every day of a calendar), with the
 * period named in the summary. DTEND is exclusive: the day after. */
static int whole_span(const tl_event *e)
{
    return strcmp(e->date.precision, "day") == 0 || strcmp(e->date.precision, "week") == 0;
}

/* Days since 1970 (negative before it); 0 if ymd is no date. */
static int parse_days(const char *ymd, long *days)
{
    int y, m, d;
    if (!ca_parse_ymd(ymd, strlen(ymd), &y, &m, &d)) return 0;
    *days = ca_to_days(y, m, d);
    return 1;
}

/* The description: the sentence, the date when it is not a day, then
 * every source with its URL. */
static char *description(const annals_timeline *tl, const tl_event *e)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    if (!m) return NULL;
    if (e->nmentions && e->mentions[0].sentence) fprintf(m, "%s\n\n", e->mentions[0].sentence);
    if (!whole_span(e) || strcmp(e->date.precision, "week") == 0) {
        char label[64];
        wr_date_label(&e->date, label, sizeof label);
        fprintf(m, "When: %s (%s %s to %s)\n", label, e->date.precision, e->date.start, e->date.end);
    }
    fprintf(m, "Type: %s; %s\n", e->type, e->modality);
    size_t ns;
    size_t *src = wr_sources(tl, e, &ns);
    if (ns) fputs("Sources:\n", m);
    for (size_t i = 0; i < ns; i++) {
        const tl_document *d = &tl->docs[src[i]];
        fprintf(m, "- %s", wr_doc_name(d));
        if (d->dct[0]) fprintf(m, " (%s)", d->dct);
        if (d->url) fprintf(m, " %s", d->url);
        else if (d->source && d->source != wr_doc_name(d)) fprintf(m, " (%s)", d->source);
        if (i + 1 < ns) fputc('\n', m);
    }
    free(src);
    if (fclose(m) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

static const char *first_url(const annals_timeline *tl, const tl_event *e)
{
    for (size_t i = 0; i < e->nmentions; i++) {
        size_t d = e->mentions[i].doc;
        if (d < tl->ndocs && wr_url_ok(tl->docs[d].url)) return tl->docs[d].url;
    }
    return NULL;
}

/* The report a calendar knows the event by: the one from the earliest
 * published document (then the smallest document id, then report id).
 * An event's id changes as sources join it; this report does not, as
 * long as later coverage is what joins -- the common case of a daily
 * feed -- so a calendar updates the event instead of adding a copy. */
static const char *calendar_id(const annals_timeline *tl, const tl_event *e)
{
    const tl_event *best = NULL;
    const tl_document *bd = NULL;
    for (size_t i = 0; i < e->nreports; i++) {
        const tl_event *r = &e->reports[i];
        if (!r->nmentions || r->mentions[0].doc >= tl->ndocs) continue;
        const tl_document *d = &tl->docs[r->mentions[0].doc];
        int c = 0;
        if (best) {
            /* documents without a date come last */
            c = !d->dct[0] != !bd->dct[0] ? (d->dct[0] ? -1 : 1) : strcmp(d->dct, bd->dct);
            if (!c) c = strcmp(d->id, bd->id);
            if (!c) c = strcmp(r->id, best->id);
        }
        if (!best || c < 0) {
            best = r;
            bd = d;
        }
    }
    return best ? best->id : e->id;
}

static icalcomponent *vevent(const annals_timeline *tl, const tl_event *e, long start, long end,
                             icaltimetype stamp)
{
    if (!whole_span(e)) end = start;
    icalcomponent *v = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    if (!v) return NULL;
    char buf[64];
    snprintf(buf, sizeof buf, "%s@annals", calendar_id(tl, e));
    add(v, icalproperty_new_uid(buf));
    add(v, icalproperty_new_dtstamp(stamp));
    add(v, icalproperty_new_dtstart(ical_date(start)));
    add(v, icalproperty_new_dtend(ical_date(end + 1)));

    /* the summary says what the calendar cannot: a coarse date, a
     * negation, a hypothesis */
    char *sum = NULL;
    size_t sn = 0;
    FILE *m = open_memstream(&sum, &sn);
    if (!m) { icalcomponent_free(v); return NULL; }
    if (strcmp(e->modality, "negated") == 0 || strcmp(e->modality, "hypothetical") == 0)
        fprintf(m, "[%s] ", e->modality);
    if (!whole_span(e)) {
        wr_date_label(&e->date, buf, sizeof buf);
        fprintf(m, "[%s] ", buf);
    }
    fputs(wr_summary(e), m);
    if (fclose(m) != 0) { free(sum); icalcomponent_free(v); return NULL; }
    add(v, text_prop(icalproperty_new_summary, sum));
    free(sum);

    char *desc = description(tl, e);
    if (!desc) { icalcomponent_free(v); return NULL; }
    add(v, text_prop(icalproperty_new_description, desc));
    free(desc);
    if (e->has_location && e->loc_name) add(v, text_prop(icalproperty_new_location, e->loc_name));
    add(v, text_prop(icalproperty_new_categories, e->type));
    const char *url = first_url(tl, e);
    if (url) add(v, icalproperty_new_url(url));
    icalproperty_status st = ICAL_STATUS_CONFIRMED;
    if (strcmp(e->modality, "negated") == 0) st = ICAL_STATUS_CANCELLED;
    else if (strcmp(e->modality, "asserted") != 0) st = ICAL_STATUS_TENTATIVE;
    add(v, icalproperty_new_status(st));
    /* news events take no one's time */
    add(v, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    /* an x-property is written raw: only a plain TIMEX3 value goes there */
    icalproperty *x = strspn(e->date.value, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-") ==
                          strlen(e->date.value) ? icalproperty_new_x(e->date.value) : NULL;
    if (x) {
        icalproperty_set_x_name(x, "X-ANNALS-DATE");
        icalcomponent_add_property(v, x);
    }
    return v;
}

/* The calendar's name twice: NAME (RFC 7986) and X-WR-CALNAME, which
 * older clients read. Both are TEXT: libical escapes NAME, and the same
 * escaped value serves for the other. */
static int put_names(FILE *out, const char *title)
{
    char *c = clean(title);
    if (!c) return -2;
    icalproperty *p = icalproperty_new_name(c);
    free(c);
    if (!p) return -2;
    char *s = icalproperty_as_ical_string_r(p);
    icalproperty_free(p);
    if (!s) return -2;
    int rc = wr_ics_put(out, s);
    if (!rc && strncmp(s, "NAME", 4) == 0) {
        size_t n = strlen(s);
        char *x = malloc(n + 9);
        if (!x) rc = -2;
        else {
            memcpy(x, "X-WR-CAL", 8);
            memcpy(x + 8, s, n + 1);
            rc = wr_ics_put(out, x);
            free(x);
        }
    }
    icalmemory_free_buffer(s);
    return rc;
}

int wr_ics(const annals_timeline *tl, annals_export *x, FILE *out)
{
    time_t now = x->now >= 0 ? (time_t)x->now : time(NULL);
    icaltimetype stamp = icaltime_from_timet_with_zone(now, 0, icaltimezone_get_utc_timezone());
    int rc = fputs("BEGIN:VCALENDAR\r\n", out) < 0 ? -1 : 0;
    if (!rc) rc = put_property(out, icalproperty_new_version("2.0"));
    if (!rc) rc = put_property(out, icalproperty_new_prodid("-//annals//annals " ANNALS_VERSION "//EN"));
    if (!rc) rc = put_property(out, icalproperty_new_calscale("GREGORIAN"));
    if (!rc) rc = put_names(out, x->title ? x->title : "annals timeline");
    for (size_t i = 0; i < tl->nev && !rc; i++) {
        const tl_event *e = &tl->ev[i];
        int fate = wr_fate(e, x->flags);
        long start = 0, end = 0;
        /* the reader checks dates; one made by hand that is none counts as undated */
        if (fate == WR_KEEP && (!parse_days(e->date.start, &start) ||
                                !parse_days(e->date.end, &end) || end < start))
            fate = WR_UNDATED;
        if (fate == WR_UNDATED) { x->undated++; continue; }
        if (fate == WR_UNASSERTED) { x->unasserted++; continue; }
        icalcomponent *v = vevent(tl, e, start, end, stamp);
        if (!v) { rc = -2; break; }
        rc = put_component(out, v);
        icalcomponent_free(v);
        x->written++;
    }
    if (!rc && fputs("END:VCALENDAR\r\n", out) < 0) rc = -1;
    return rc;
}
