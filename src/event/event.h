/* event: event phrases found by the event grammar (events*.gram), with
 * actors and targets from the trigger's own clause, a location, a
 * modality, a summary and a confidence. */
#ifndef EV_EVENT_H
#define EV_EVENT_H
#include <stddef.h>
#include <stdint.h>
#include "../doc/doc.h"
#include "../grammar/gram.h"
#include "../timeline/timeline.h"
#include "gazetteer.h"

/* One of the 18 types of event-types.md. */
typedef struct ev_type {
    const char *name, *cameo, *plover;
    const char *verb;  /* for summaries: "meets", "seizes" */
    const char *prep;  /* before targets: "" or "with", "on"... */
} ev_type;

/* The type called name, or NULL. */
const ev_type *ev_type_find(const char *name);

/* 1 if a value function name is one the event stage knows. */
int ev_function_known(const char *name);

/* Finds the events of document doc (d) and adds them to tl. */
int ev_find(const gm_grammar *g, const gz_gazetteer *gz, const dc_doc *d, size_t doc,
            const char *doc_id, annals_timeline *tl, ar_arena *a);
#endif
