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

#endif
