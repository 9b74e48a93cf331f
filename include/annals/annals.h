/*
 * annals: dated timelines of geopolitical events from news text.
 *
 * The one public header of libannals. Every handle is opaque; every
 * function that can fail takes an annals_error * (may be NULL) and fills
 * it with a code and a human-readable message naming the input at fault.
 *
 * The flow (see docs/): read -> doc -> timex -> event -> anchor ->
 * timeline -> merge -> write. The library exposes its two ends: give it
 * an article, get a timeline; give it timelines, get one; write it out.
 */
#ifndef ANNALS_H
#define ANNALS_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ANNALS_VERSION "0.1.0"
#define ANNALS_FORMAT_NAME "annals/1"

/* Error codes carried by annals_error.code. */
typedef enum annals_status {
    ANNALS_OK = 0,
    ANNALS_ERR_USAGE,   /* a bad argument or option value */
    ANNALS_ERR_IO,      /* a file could not be opened, read or written */
    ANNALS_ERR_INPUT,   /* an input record or document is malformed */
    ANNALS_ERR_GRAMMAR, /* a grammar file is malformed */
    ANNALS_ERR_NOMEM    /* out of memory */
} annals_status;

/* An error: a code and a one-line message ("file:line: what is wrong"). */
typedef struct annals_error {
    annals_status code;
    char message[512];
} annals_error;

/* The library's version string, "0.1.0". */
const char *annals_version(void);

/* ---- grammars ---------------------------------------------------------- */

/* A compiled set of grammars (dates, events, gazetteers). Immutable once
 * built: one set may be shared by any number of threads. */
typedef struct annals_grammars annals_grammars;

/* The English grammars built into the library. NULL on failure. */
annals_grammars *annals_grammars_builtin(annals_error *err);

/* Loads the grammar files of a directory instead: dates*.gram for
 * temporal expressions, events*.gram for events, countries.tsv, places.tsv, orgs.tsv, people.tsv
 * and titles.tsv for names. NULL on failure, with err saying
 * "file:line:col: what is wrong". */
annals_grammars *annals_grammars_load(const char *dir, annals_error *err);

/* How many rules (and suppressions) a set holds. */
size_t annals_grammars_rules(const annals_grammars *g);

/* The i-th warning about a set (i from 0), formatted into buf: a rule
 * whose anchor words its pattern never spells ("file:line: rule NAME:
 * ..."), most likely a word added to the pattern and not to the anchor.
 * Returns buf, or NULL when there is no i-th warning. */
const char *annals_grammars_warning(const annals_grammars *g, size_t i, char *buf, size_t cap);

/* Frees a grammar set; NULL is allowed. */
void annals_grammars_free(annals_grammars *g);

/* ---- articles and options ---------------------------------------------- */

/* One article to extract from. Only text is required; the other fields
 * may be NULL. The library copies what it keeps. */
typedef struct annals_article {
    const char *id;        /* document id; NULL: "doc" */
    const char *text;      /* the text as read (any bytes; offsets point here) */
    size_t text_len;
    const char *published; /* ISO 8601 date or date-time, or NULL */
    const char *title;
    const char *url;
    const char *source;    /* a file name or an outlet name */
} annals_article;

typedef enum annals_date_order {
    ANNALS_DATE_MDY = 0, /* 6/16/2021 is June 16 (US news) */
    ANNALS_DATE_DMY      /* 16/6/2021 is June 16 */
} annals_date_order;

typedef struct annals_options {
    const char *dct;              /* YYYY-MM-DD that overrides every other
                                     publication date, or NULL */
    annals_date_order date_order;
    int want_timexes;             /* keep every temporal expression found */
    int no_events;                /* dates only: skip the event stages */
} annals_options;

/* Fills o with the defaults: no forced DCT, MDY order, no timexes,
 * events found. */
void annals_options_init(annals_options *o);

/* Reads a record's "published" value: an ISO 8601 date or date-time whose
 * year is from 1800 to 2200 (placeholders such as 0001-11-30 are not
 * publication dates). 1 and the parts (which may be NULL) if usable. */
int annals_published_date(const char *s, int *y, int *m, int *d);

/* Checks a YYYY-MM-DD calendar date (2021-02-30 is not one). 1 if valid. */
int annals_date_valid(const char *ymd);

/* ---- timelines ---------------------------------------------------------- */

/* Documents, their events and (optionally) temporal expressions. */
typedef struct annals_timeline annals_timeline;

annals_timeline *annals_timeline_new(void);
void annals_timeline_free(annals_timeline *tl);
size_t annals_timeline_documents(const annals_timeline *tl);
size_t annals_timeline_events(const annals_timeline *tl);
size_t annals_timeline_timexes(const annals_timeline *tl);

/* The publication date a document ended with ("2021-07-18" or NULL) and
 * where it came from ("option", "metadata", "text", "none"); i is the
 * document's index in reading order. NULL when i is out of range. */
const char *annals_timeline_document_id(const annals_timeline *tl, size_t i);
const char *annals_timeline_document_dct(const annals_timeline *tl, size_t i,
                                         const char **dct_from);

/* Reads one article into tl: its document record (with the publication
 * date found), and its events and temporal expressions. Returns 0, or -1
 * with err set. The article's id is made unique within tl. */
int annals_extract(const annals_grammars *g, const annals_article *a,
                   const annals_options *o, annals_timeline *tl,
                   annals_error *err);

/* Reads a timeline written by annals -- one annals/1 JSON document or JSON
 * Lines of events -- from f into tl (name is used in messages: "file:line:
 * why"). Documents are matched by id: the same id is the same document.
 * Returns 0, or -1 with err set; on error, what was read before stays. */
int annals_timeline_read(annals_timeline *tl, FILE *f, const char *name, annals_error *err);

/* As annals_timeline_read, but a bad line of JSON Lines (invalid JSON, or
 * an event that breaks the format) is reported through warn(ctx, "file:
 * line: why") and skipped, and the reading goes on: one broken line of a
 * million costs that line only. A bad JSON document is still one error.
 * Returns the number of lines skipped (0 or more), or -1 with err set on
 * an error that stops the read (I/O, memory, a bad document). */
long annals_timeline_read_lenient(annals_timeline *tl, FILE *f, const char *name,
                                  void (*warn)(void *ctx, const char *msg), void *ctx,
                                  annals_error *err);

/* For extraction on several threads, in input order: claims the id the
 * next document called id would get in tl ("abc", else "abc-2"...), so
 * that a worker can extract it into a timeline of its own; the returned
 * string belongs to tl. NULL when memory runs out. */
const char *annals_timeline_claim_id(annals_timeline *tl, const char *id);

/* Moves what src holds (documents, events, timexes) to the end of dst;
 * documents keep the ids claimed for them in dst. src is left spent:
 * free it. Returns 0, or -1 with err set. */
int annals_timeline_append(annals_timeline *dst, annals_timeline *src, annals_error *err);

/* Orders the events by date (undated last), then by first mention: the
 * order the annals/1 format promises. Call it before annals_write. */
void annals_timeline_sort(annals_timeline *tl);

/* ---- merging ------------------------------------------------------------ */

/* Makes one event of the events of tl -- from any of its documents -- that
 * report one real-world occurrence (docs/merging.md): same type, compatible
 * dates, shared participants or place, compatible modality. A merged event
 * has every mention once, the date most sources support, the union of
 * participants, a source count, every reported date when they differ, and
 * the events it merged ("reports"), so merging again changes nothing. The
 * result depends only on the set of events: not on their order, not on
 * how they were grouped into inputs; documents end up in id order.
 * Returns 0, or -1 with err set (out of memory); tl then keeps its
 * events (its documents may be in id order already). */
int annals_timeline_merge(annals_timeline *tl, annals_error *err);

/* Adds src's documents (matched by id) and events to dst, then merges
 * dst as annals_timeline_merge does. src is not changed. */
int annals_merge(annals_timeline *dst, const annals_timeline *src, annals_error *err);

/* ---- writing ------------------------------------------------------------ */

typedef enum annals_format {
    ANNALS_FORMAT_JSON = 0, /* one annals/1 document */
    ANNALS_FORMAT_JSONL,    /* one event object a line */
    ANNALS_FORMAT_TEXT,     /* one line a record, for people */
    ANNALS_FORMAT_ICS,      /* iCalendar (RFC 5545): one VEVENT a dated event */
    ANNALS_FORMAT_HTML,     /* one self-contained page, a vertical timeline */
    ANNALS_FORMAT_CSV,      /* RFC 4180: one row an event */
    ANNALS_FORMAT_TIMELINEJS /* the JSON that TimelineJS reads */
} annals_format;

/* Parses "json" / "jsonl" / "text" / "ics" / "html" / "csv" /
 * "timelinejs"; -1 if unknown. */
int annals_format_parse(const char *name);

/* Writing flags. */
#define ANNALS_WRITE_TIMEXES 1      /* include the "timexes" list */
#define ANNALS_WRITE_TIMEXES_ONLY 2 /* the timexes alone (annals dates) */

#define ANNALS_WRITE_ALL 4 /* exports: keep negated and hypothetical events */
/* JSON Lines: first a {"document": {...}} line for each document (the
 * objects of "documents"), then the events, so that a merge of JSON Lines
 * keeps every document's metadata, and documents without events. */
#define ANNALS_WRITE_DOCUMENTS 8

/* Writes tl in the given format to out. Returns 0, or -1 with err set.
 * The exports (ics, html, csv, timelinejs) are written as by
 * annals_export_write with the defaults and these flags. */
int annals_write(const annals_timeline *tl, annals_format f, int flags,
                 FILE *out, annals_error *err);

/* ---- exports ------------------------------------------------------------ */

/* How an export is made, and what it left out (docs/exports.md). */
typedef struct annals_export {
    int flags;          /* ANNALS_WRITE_ALL */
    const char *title;  /* calendar name, page title; NULL: "annals timeline" */
    long long now;      /* DTSTAMP in seconds since 1970 (UTC); -1: the clock */
    size_t written;     /* out: events written */
    size_t undated;     /* out: left out for want of a date (ics, timelinejs) */
    size_t unasserted;  /* out: negated or hypothetical events left out
                           (ics, timelinejs, unless ANNALS_WRITE_ALL) */
} annals_export;

/* Fills x with the defaults: no flags, no title, the clock. */
void annals_export_init(annals_export *x);

/* Writes tl as f (any format; the counts are for the exports) to out;
 * x NULL: the defaults. Returns 0, or -1 with err set. */
int annals_export_write(const annals_timeline *tl, annals_format f, annals_export *x,
                        FILE *out, annals_error *err);

#ifdef __cplusplus
}
#endif
#endif
