/* gazetteer: the names news uses for states, places, organisations,
 * armed groups, people and titles (the TSV files of grammars/en), found in a
 * document's tokens by longest match. */
#ifndef GZ_GAZETTEER_H
#define GZ_GAZETTEER_H
#include <stddef.h>
#include <stdint.h>
#include "annals/annals.h"
#include "../doc/doc.h"
#include "../util/arena.h"
#include "../util/strmap.h"

/* Classes, best first: when two files give one name, the better class
 * keeps it ("Georgia" the country over the US state). */
typedef enum gz_class {
    GZ_PERSON = 1,
    GZ_ORG,
    GZ_COUNTRY,
    GZ_CAPITAL,  /* "Washington" for the US government */
    GZ_DEMONYM,  /* "Russian", "Afghans" */
    GZ_PLACE,
    GZ_TITLE     /* "President", "Foreign Minister" */
} gz_class;

typedef struct gz_entry {
    const char *name;     /* canonical name: "Vladimir Putin", "Russia" */
    char country[4];      /* ISO alpha-3 or "" */
    uint8_t cls;          /* gz_class */
    const char *kind;     /* person, state, organisation, armed_group, group;
                             for places their kind (city, region...);
                             for titles office or honorific */
    const char *role;     /* people: "President"; else NULL */
    const char *adj;      /* countries: the first demonym ("Indian"); else NULL */
    uint16_t last, last_len; /* name + last: its last word ("Putin"); 0 when one word */
} gz_entry;

typedef struct gz_gazetteer {
    ar_arena mem;
    gz_entry *e;
    size_t n, cap;
    sm_map names;     /* lower-cased token key -> entry */
    sm_map firsts;    /* lower-cased first token of every name */
    sm_map lfirsts;   /* the same of the names that may start lower case */
    uint64_t lfirst_lens[256]; /* by an lfirsts key's first byte: bit n for
                                  its length n (63: 63 or more) */
    sm_map surnames;  /* a person's last name -> entry, or SIZE_MAX if shared */
    sm_map lasts;     /* the last word of a person's canonical name, lower
                         case, less an al-/el-: the first such person, a
                         high bit set when their countries differ */
    sm_map countries; /* iso3 -> its country entry */
    size_t maxtok;    /* the most tokens in a name */
} gz_gazetteer;

void gz_init(gz_gazetteer *g);
void gz_free(gz_gazetteer *g);

/* Loads one TSV file; its base name says what it holds (countries.tsv,
 * places.tsv, orgs.tsv, people.tsv, titles.tsv). Errors: file:line. */
int gz_load(gz_gazetteer *g, const char *path, const char *base, const char *data,
            size_t len, annals_error *err);

/* The country entry of an ISO code, or NULL. */
const gz_entry *gz_country(const gz_gazetteer *g, const char *iso3);

/* The entry a name or alias stands for ("Britain": United Kingdom), or NULL. */
const gz_entry *gz_lookup(const gz_gazetteer *g, const char *name);

/* The one known person with this last name ("Morsi"), or NULL when none
 * or several have it. */
const gz_entry *gz_lookup_surname(const gz_gazetteer *g, const char *word, size_t len);

/* A name found in a document. */
typedef struct gz_mention {
    uint32_t tok0, ntok;  /* its tokens */
    uint32_t start, end;  /* its bytes (without a possessive 's) */
    const gz_entry *e;
    uint8_t poss;         /* "Russia's" */
    uint8_t by_surname;   /* "Putin" after "Vladimir Putin" */
} gz_mention;

/* Finds the names of d in token order, longest first, never across a
 * sentence end. A bare surname counts after the full name, after a title,
 * or when only one known person has it. Allocated from a. */
int gz_find(const gz_gazetteer *g, const dc_doc *d, ar_arena *a, gz_mention **out,
            size_t *n);

/* The first of gz_find's mentions m[0, n) that starts at or after token t
 * (n if none): where a sentence's names begin, without a pass over the
 * document's. */
size_t gz_first_at(const gz_mention *m, size_t n, uint32_t t);
#endif
