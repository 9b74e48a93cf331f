/* tlread: reading annals/1 timelines back -- one JSON document, or JSON
 * Lines of events -- for merge and export. */
#ifndef RD_TLREAD_H
#define RD_TLREAD_H
#include <jansson.h>
#include "../timeline/timeline.h"

/* Adds one event object (as written by the annals/1 writer) to tl; its
 * mentions' documents are found by id or added. `where` names it in
 * messages ("file:line" or "file: events[3]"). */
int rd_event_json(annals_timeline *tl, json_t *o, const char *where, annals_error *err);
/* What to do with a bad line of JSON Lines: warn NULL stops at it (an
 * error); otherwise it is reported through warn and skipped, and counted. */
typedef struct rd_leniency {
    void (*warn)(void *ctx, const char *msg);
    void *ctx;
    long skipped;
} rd_leniency;
/* A bad line: an error when strict; reported and counted when lenient
 * (err is cleared). NOMEM and IO errors always stop. */
int rd_bad_line(rd_leniency *l, int rc, annals_error *err);
/* One line of the JSON Lines form: an event, or a {"document": {...}}
 * line (ANNALS_WRITE_DOCUMENTS), whose document is added, or filled in
 * where known by id. */
int rd_line_json(annals_timeline *tl, json_t *o, const char *where, annals_error *err);
/* Reads the rest of a JSON Lines file of events from f (lineno lines
 * read so far) into tl (tlpar.c). */
int rd_jsonl_rest(annals_timeline *tl, FILE *f, const char *name, size_t lineno, rd_leniency *l,
                  annals_error *err);
#endif
