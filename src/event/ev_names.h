/* ev_names: participants from proper names that no gazetteer lists
 * ("Graham Brady", "Kent Police"). */
#ifndef EV_NAMES_H
#define EV_NAMES_H
#include "ev_group.h"

/* The unlisted names a document gave in full, sentence by sentence, kept
 * so that each sentence's runs are found once per document, not once per
 * later word that might repeat them. Filled as far as it is asked. */
typedef struct ev_namebook {
    ev_group *g;      /* the runs, in text order */
    uint32_t *sent;   /* the sentence of each */
    uint8_t *inside;  /* inside its sentence, after a word: sure to be a name */
    size_t n, cap;
    size_t upto;      /* sentences read so far */
} ev_namebook;
void ev_namebook_init(ev_namebook *b);
void ev_namebook_free(ev_namebook *b);

/* The unlisted names of sentence s (two or three capitalised words), in
 * token order; m are its gazetteer names; book holds what earlier
 * sentences named (one book per document, sentences asked in order or
 * not). 0 names and no output when memory runs out. */
size_t ev_names(const dc_doc *d, const dc_sent *s, const gz_mention *m, size_t nm,
                ev_namebook *book, ev_group *out, size_t cap);
/* 1 if token t is a capitalised word that never starts a name: "The",
 * months, weekdays, "North". */
int ev_not_name(const dc_doc *d, uint32_t t);
#endif
