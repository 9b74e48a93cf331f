/* timeline: the documents read, their events and temporal expressions.
 * Everything a timeline holds lives in its own arena, freed with it. */
#ifndef TL_TIMELINE_H
#define TL_TIMELINE_H
#include <stddef.h>
#include <stdint.h>
#include "annals/annals.h"
#include "../util/arena.h"
#include "../util/strmap.h"

typedef enum tl_dct_from {
    TL_DCT_NONE = 0,
    TL_DCT_OPTION,   /* --dct */
    TL_DCT_METADATA, /* a JSONL record's "published" */
    TL_DCT_TEXT      /* a dateline or byline in the text */
} tl_dct_from;

const char *tl_dct_from_name(tl_dct_from f);

typedef struct tl_document {
    char *id, *source, *title, *url; /* title, url, source may be NULL */
    char dct[11];                    /* "YYYY-MM-DD" or "" */
    tl_dct_from dct_from;
} tl_document;

typedef struct tl_timex {
    size_t doc;
    uint32_t start, end;
    char *text;          /* valid UTF-8 rendering of the span */
    const char *type;    /* DATE, TIME, DURATION, SET */
    char *value;
} tl_timex;

/* A participant: who acts, or to or with whom. */
typedef struct tl_party {
    char *name;
    char country[4]; /* ISO alpha-3 or "" */
    const char *kind; /* person, state, organisation, armed_group, group, other */
} tl_party;

/* One place in one document that reports an event. */
typedef struct tl_mention {
    size_t doc;
    uint32_t start, end;  /* the span that reports it (its sentence) */
    char *sentence, *trigger, *date_text; /* date_text may be NULL */
} tl_mention;

typedef struct tl_date {
    char value[40];        /* TIMEX3 value */
    const char *precision; /* day, week, month, quarter, season, year, decade */
    char start[11], end[11];
} tl_date;

/* One date that some of a merged event's sources gave (see merging.md). */
typedef struct tl_date_report {
    tl_date date;
    size_t *docs; /* document indices, in document order */
    size_t ndocs;
} tl_date_report;

typedef struct tl_event {
    char id[20];            /* "ev-" and 16 hex digits */
    const char *type, *cameo, *plover, *modality;
    int has_date;
    tl_date date;
    tl_party *actors, *targets;
    size_t nactors, ntargets;
    int has_location;
    char *loc_name;
    char loc_country[4];
    char *summary;
    double confidence;
    tl_mention *mentions;
    size_t nmentions;
    /* Set by merge (src/merge/); written only when merged is set, so
     * extract's output is unchanged. reports are the events merged, each
     * as its source gave it (their mentions are copies of some of ours),
     * kept so that merging again gives the same result. */
    int merged;
    size_t sources; /* distinct documents that report it */
    tl_date_report *date_reports; /* every date reported, when they differ */
    size_t ndate_reports;
    struct tl_event *reports; /* NULL for an event of one report */
    size_t nreports;
} tl_event;

struct annals_timeline {
    ar_arena mem;
    tl_document *docs;
    size_t ndocs, capdocs;
    tl_timex *tx;
    size_t ntx, captx;
    tl_event *ev;
    size_t nev, capev;
    sm_map ids; /* document ids in use */
};

/* The value of an id claimed in ids but not yet holding a document
 * (annals_timeline_claim_id). */
#define TL_CLAIMED SIZE_MAX

/* Adds a document; its id is made unique ("abc", "abc-2", ...). NULL
 * fields stay NULL. Returns its index, or -1 when memory runs out. */
long tl_add_document(annals_timeline *tl, const char *id, const char *source,
                     const char *title, const char *url);

/* Adds a temporal expression of document doc over text[start..end). */
int tl_add_timex(annals_timeline *tl, size_t doc, const char *text,
                 uint32_t start, uint32_t end, const char *type,
                 const char *value);

/* Adds a copy of e (its strings and lists copied into tl's arena). */
int tl_add_event(annals_timeline *tl, const tl_event *e);

/* Makes one event of the mentions of one occurrence among the events
 * [first, nev) of one document (see coref.c). -1 on out of memory. */
int tl_coref(annals_timeline *tl, size_t first);

/* Keeps one of the mentions of an event that say the same (same document,
 * span and trigger), among the events [first, nev). */
void tl_dedup_mentions(annals_timeline *tl, size_t first);

/* Sorts events by date start (undated last), then first mention. */
void tl_sort_events(annals_timeline *tl);

/* A copy of s (any bytes) made valid UTF-8, in tl's arena. */
char *tl_strdup(annals_timeline *tl, const char *s, size_t n);
#endif
