/* write: the annals/1 JSON of docs/output-format, streamed item by item
 * so that a large timeline never becomes one big tree in memory. */
#ifndef WR_WRITE_H
#define WR_WRITE_H
#include <jansson.h>
#include "../timeline/timeline.h"

/* One document / timex as a JSON object (new reference, NULL on OOM). */
json_t *wr_document(const tl_document *d);
json_t *wr_timex(const annals_timeline *tl, const tl_timex *t);
json_t *wr_event(const annals_timeline *tl, const tl_event *e);
/* Writes every event of tl, one a line after indent, with a comma after
 * all but the last when comma is set (events.c). -1 on error. */
int wr_dump_events(const annals_timeline *tl, FILE *out, const char *indent, int comma);
/* Adds a merged event's sources, date_reports and reports to o (merged.c). */
int wr_merged(json_t *o, const annals_timeline *tl, const tl_event *e);

/* A growing string (s[0..n), NUL after it); bad after a failed
 * allocation, when everything after is dropped. */
typedef struct wr_buf {
    char *s;
    size_t n, cap;
    int bad;
} wr_buf;
/* Room for more bytes (and a NUL) after b->n: 0, or -1 (b->bad). */
int wr_buf_grow(wr_buf *b, size_t more);

/* Appends one item's JSON to b, byte for byte as json_dumps of wr_timex,
 * wr_document or wr_event (an event not merged) with
 * JSON_REAL_PRECISION(4) (direct.c). Returns 0, or -1 where that item
 * would be NULL (b unchanged) or memory ran out. */
int wr_direct_timex(wr_buf *b, const annals_timeline *tl, const tl_timex *t);
int wr_direct_document(wr_buf *b, const tl_document *d);
int wr_direct_event(wr_buf *b, const annals_timeline *tl, const tl_event *e);

/* The timeline as text, one line an event (text.c). */
int wr_text(const annals_timeline *tl, FILE *out);

#endif
