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
/* One line of the JSON Lines form: an event, or a {"document": {...}}
 * line (ANNALS_WRITE_DOCUMENTS), whose document is added, or filled in
 * where known by id. */
int rd_line_json(annals_timeline *tl, json_t *o, const char *where, annals_error *err);
/* Reads the rest of a JSON Lines file of events from f (lineno lines
 * read so far) into tl (tlpar.c). Stops at the first bad line. */
int rd_jsonl_rest(annals_timeline *tl, FILE *f, const char *name, size_t lineno, annals_error *err);
#endif
