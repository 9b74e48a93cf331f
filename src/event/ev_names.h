/* ev_names: participants from proper names that no gazetteer lists
 * ("Graham Brady", "Kent Police"). */
#ifndef EV_NAMES_H
#define EV_NAMES_H
#include "ev_group.h"

/* The unlisted names of sentence s (two or three capitalised words), in
 * token order; m are its gazetteer names. */
size_t ev_names(const dc_doc *d, const dc_sent *s, const gz_mention *m, size_t nm,
                ev_group *out, size_t cap);
/* 1 if token t is a capitalised word that never starts a name: "The",
 * months, weekdays, "North". */
int ev_not_name(const dc_doc *d, uint32_t t);
#endif
