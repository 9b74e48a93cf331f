/* merge: the timelines of many documents made one. The events merged are
 * "reports" (one document's reading of one occurrence); a merged event
 * keeps them all, so merging is a function of the set of reports alone:
 * order-independent, idempotent and associative. docs/merging.md. */
#ifndef MG_MERGE_H
#define MG_MERGE_H
#include <stdint.h>
#include "../timeline/timeline.h"

/* A participant reduced to what matching compares. */
typedef struct mg_party {
    uint32_t name;    /* interned normalised name */
    uint32_t country; /* interned ISO code, 0 if none */
    uint8_t person, gov; /* gov: a state, person or organisation */
    uint8_t resolved;    /* a country code or a person: can tell events apart */
    const char *norm; /* the normalised name ("kim jong un") */
} mg_party;

/* One report with its matching features. */
typedef struct mg_atom {
    const tl_event *ev;
    uint32_t type;             /* interned type name */
    int32_t start, end;        /* days since 1970; dated only */
    uint8_t dated, day, mod;   /* mod: 0 asserted, 1 planned, 2 negated, 3 hypothetical */
    uint16_t nparties, nactors; /* parties: actors first, then targets */
    mg_party *parties;
    uint32_t loc, loc_country; /* 0: no location */
    size_t doc;                /* its first mention's document */
} mg_atom;

/* Interned strings: equal strings get equal non-zero ids. */
typedef struct mg_names {
    sm_map map;
    uint32_t next;
} mg_names;

/* ---- mg_party.c ---- */
/* "The U.S." -> "us": lower case, no leading "the", no dots, one space
 * between words. Writes at most cap bytes with a NUL. */
void mg_normalise(const char *name, char *out, size_t cap);
/* The country an alias stands for when the source gave none ("us" -> USA). */
const char *mg_alias_country(const char *norm);
/* Fills *p from a tl_party; -1 on out of memory. */
int mg_party_make(mg_names *nm, ar_arena *mem, const tl_party *src, mg_party *p);
/* The same participant: the same name; one name's words within the
 * other's ("Trump", "Donald Trump"; "Taliban", "Taliban fighters"); or a
 * state and its leader or government by country code. Two people of one
 * country are two people; names of two countries are two parties.
 * 2: by name; 1: by country code only; 0: not the same. */
int mg_party_same(const mg_party *a, const mg_party *b);
uint32_t mg_intern(mg_names *nm, const char *s);

/* ---- mg_match.c ---- */
/* Dates compatible: one contains the other (the wider no longer than a
 * quarter), or two days at most one apart (time zones, "Thursday night"). */
int mg_dates_compatible(const mg_atom *a, const mg_atom *b);
/* How strongly a and b look like one occurrence: 0 none (they must stay
 * apart), else a positive score (shared participants, same place). */
int mg_match(const mg_atom *a, const mg_atom *b);
/* Neither participants nor a place: nothing but type and date to go on. */
int mg_weak(const mg_atom *a);

/* ---- mg_cluster.c ---- */
/* Union-find over up[]: the root of i's group; joining keeps the smaller
 * index as root, so labels never depend on the order of joins. */
size_t mg_find(size_t *up, size_t i);
void mg_join(size_t *up, size_t i, size_t j);
/* Groups atoms[0..n) that report one occurrence. up[] comes in as a
 * union-find forest (joins already made stay) and leaves with up[i] the
 * root of i's group. -1 on out of memory. */
int mg_cluster(mg_atom *atoms, size_t n, size_t *up);

/* A mention is its span (a sentence), its trigger word and its event's
 * type: one sentence can report several events. atom: whose it is. */
typedef struct mg_mkey {
    size_t doc;
    uint32_t start, end;
    const char *type, *trigger;
    size_t atom;
} mg_mkey;
/* Document, start, end, type, trigger (atom is not compared). */
int mg_mkey_cmp(const void *x, const void *y);

/* ---- mg_check.c ---- */
/* The distinct mentions of a timeline's events, sorted: taken before a
 * merge and checked after it, so a merge that lost or invented a mention
 * fails instead of writing a timeline. */
typedef struct mg_tally { mg_mkey *k; size_t n; } mg_tally;
int mg_tally_take(const annals_timeline *tl, mg_tally *t);
/* 0 if tl's events hold exactly the mentions of t; else an error that
 * says how many were lost and how many appeared. */
int mg_tally_check(const annals_timeline *tl, const mg_tally *t, annals_error *err);
void mg_tally_free(mg_tally *t);

/* ---- mg_event.c ---- */
/* Mentions in document, start, end order, then by their text: the order
 * of a merged event's mentions, which its reports cite by index. */
int mg_mention_cmp(const tl_mention *x, const tl_mention *y);
/* A total order on reports: first mention, then every field. */
int mg_report_cmp(const annals_timeline *tl, const tl_event *a, const tl_event *b);
/* Combines the distinct reports r[0..n) (sorted by mg_report_cmp) into
 * *out, allocating in tl's arena. -1 on out of memory. */
int mg_combine(annals_timeline *tl, const tl_event *const *r, size_t n, tl_event *out);
#endif
