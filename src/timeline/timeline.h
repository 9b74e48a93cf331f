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

struct annals_timeline {
    ar_arena mem;
    tl_document *docs;
    size_t ndocs, capdocs;
    tl_timex *tx;
    size_t ntx, captx;
    sm_map ids; /* document ids in use */
};

/* Adds a document; its id is made unique ("abc", "abc-2", ...). NULL
 * fields stay NULL. Returns its index, or -1 when memory runs out. */
long tl_add_document(annals_timeline *tl, const char *id, const char *source,
                     const char *title, const char *url);

/* Adds a temporal expression of document doc over text[start..end). */
int tl_add_timex(annals_timeline *tl, size_t doc, const char *text,
                 uint32_t start, uint32_t end, const char *type,
                 const char *value);

/* A copy of s (any bytes) made valid UTF-8, in tl's arena. */
char *tl_strdup(annals_timeline *tl, const char *s, size_t n);
#endif
