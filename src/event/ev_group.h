/* ev_group: common-noun participants ("Indian police", "government
 * forces", "protesters") from the event grammar's group tables. */
#ifndef EV_GROUP_H
#define EV_GROUP_H
#include <stddef.h>
#include <stdint.h>
#include "../doc/doc.h"
#include "../grammar/gram.h"
#include "ev_party.h"
#include "gazetteer.h"

typedef struct ev_group {
    uint32_t t0, t1;  /* tokens, a state modifier included */
    char name[128];   /* the words as written: "Indian police" */
    char country[4];  /* of the state modifier, or "" */
    const char *kind; /* state (an organ of a known state), organisation,
                         armed_group or group */
} ev_group;

/* The groups of sentence s, in token order; m are its gazetteer names. */
size_t ev_groups(const gm_grammar *g, const dc_doc *d, const dc_sent *s, const gz_mention *m,
                 size_t nm, ev_group *out, size_t cap);

/* The people of a country as one group, "<demonym> <head>" ("Indian
 * protesters"), into lit: 1 if the country has a demonym. */
int ev_crowd(const gz_gazetteer *gz, const char *iso3, const char *head, party *lit);

/* The country a story is about: the one it names most, when it names it
 * three times and three times as often as any other. 1 and iso3 set,
 * else 0. */
int ev_home_country(const gz_mention *m, size_t nm, char iso3[4]);

/* A bare "police", "authorities" or "ministers" of a story about country iso3 becomes
 * that country's ("Indian police"). */
void ev_localise(const gz_gazetteer *gz, const char *iso3, party *p);

/* The home country's body named by the common noun at token t ("military"
 * -> "Egyptian military"), an organisation, into lit: 1 if made. */
int ev_body(const gz_gazetteer *gz, const char *iso3, const dc_doc *d, uint32_t t, party *lit);

/* 1 when sentence s names no country or place other than iso3's. */
int ev_home_only(const gz_mention *m, size_t nm, const dc_sent *s, const char *iso3);

/* 1 when sentence si or the one before names a place of iso3: the story
 * is there at that point. */
int ev_home_near(const dc_doc *d, const gz_mention *m, size_t nm, long si, const char *iso3);

/* ps[0, n) plus "the country", "the nation" of sentence si: the country
 * named last in it or the sentence before, else the home country iso3
 * ("" for none); the new count. */
size_t ev_parties_add_home(const gz_gazetteer *gz, const dc_doc *d, long si,
                           const gz_mention *m, size_t nm, const char *iso3, party *ps, size_t n,
                           size_t cap);
#endif
