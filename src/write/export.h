/* export: the timeline for people and other tools -- iCalendar, HTML,
 * CSV, TimelineJS (docs/exports.md). Every format reads the same model;
 * what they share (which events, their sources, date labels) is here. */
#ifndef WR_EXPORT_H
#define WR_EXPORT_H
#include <stdio.h>
#include "../timeline/timeline.h"

/* "ics", "html", "csv", "timelinejs": the annals_format, else -1. */
int wr_export_parse(const char *name);

/* What a calendar-like export (ics, timelinejs) does with an event. */
enum { WR_KEEP = 0, WR_UNDATED, WR_UNASSERTED };
int wr_fate(const tl_event *e, int flags);

/* The documents whose mentions report e, each once, in order of first
 * mention: a malloc'd list of indexes into tl->docs (NULL when e has no
 * mention or memory runs out), its length in *n. */
size_t *wr_sources(const annals_timeline *tl, const tl_event *e, size_t *n);

/* How a document is named to a reader: its title, else its source, else its id. */
const char *wr_doc_name(const tl_document *d);

/* 1 if s is a URL that is safe to link to: http or https, no space,
 * control or quote character. */
int wr_url_ok(const char *s);

/* A date as people write it: "16 June 2021", "week of 12 July 2021",
 * "June 2021", "Q3 2021", "summer 2021", "2021", "the 2020s". */
void wr_date_label(const tl_date *d, char *buf, size_t n);

/* The summary of e, or its type when it has none. */
const char *wr_summary(const tl_event *e);

/* Writes s with &, <, >, " and ' as HTML entities. */
void wr_html_escape(FILE *out, const char *s);

/* The writers; x->written and the left-out counts are filled in. */
int wr_ics(const annals_timeline *tl, annals_export *x, FILE *out);
int wr_csv(const annals_timeline *tl, annals_export *x, FILE *out);
int wr_html(const annals_timeline *tl, annals_export *x, FILE *out);
int wr_timelinejs(const annals_timeline *tl, annals_export *x, FILE *out);

/* iCalendar lines: s holds whole content lines (CRLF or LF ends, maybe
 * folded, as libical writes them); each is unfolded and written again
 * with CRLF ends, folded at 75 octets and never inside a UTF-8 character. */
int wr_ics_put(FILE *out, const char *s);
#endif
