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
#endif
