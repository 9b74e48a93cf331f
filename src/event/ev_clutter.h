/* ev_clutter: web-page clutter run into an article's text, which reports
 * no event of the article. */
#ifndef EV_CLUTTER_H
#define EV_CLUTTER_H
#include <stdint.h>
#include "../doc/doc.h"

/* 1 if byte at of d lies in an inline "related stories" block: a name
 * glued to the headlines of other stories, closed by "MORE" ("President
 * Trump Donald John TrumpGOP senators balk at ... MORE said on
 * Wednesday"). */
int ev_clutter(const dc_doc *d, uint32_t at);
#endif
