/* anchor: the date of each event -- the temporal expression that governs
 * its trigger: its own ("the 2006 election"), in its own clause, then in
 * its sentence, at most to the day; never the day of a report about it
 * (but for what is done by announcing it), nor a date across "after" or
 * "since" -- but counted across one ("two days after the vote").
 * An undated plain past told in the sentence right after one
 * dated to the day, in the same paragraph, takes that day, as does a
 * "meanwhile" clause the last day named; what a report quoted "at the
 * time" counts ("next month") is counted from that time. Any other
 * stays undated: a wrong date is worse than none. */
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
