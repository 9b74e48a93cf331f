/* anchor: the date of each event -- the temporal expression that governs
 * its trigger, in its own clause first, then in its sentence, at most to
 * the day. An undated event told in the sentence right after a dated one,
 * in the same paragraph, takes its date; any other stays undated: a wrong
 * date is worse than none. */
#ifndef AN_ANCHOR_H
#define AN_ANCHOR_H
#include <stddef.h>
#include "../doc/doc.h"
#include "../timeline/timeline.h"
#include "../timex/timex.h"

/* The calendar span of a TIMEX3 value: precision and first and last day.
 * Returns 0, or -1 for values that are no calendar span (P3Y, PAST_REF,
 * XXXX-07-14). */
int an_span(const char *value, tl_date *out);

/* Dates the events [first, tl->nev) of document d from its timexes. */
void an_anchor(const dc_doc *d, const tx_timex *tx, size_t ntx, annals_timeline *tl,
               size_t first);
#endif
