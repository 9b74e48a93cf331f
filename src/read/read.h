/* read: turns the inputs named on the command line (files, directories,
 * "-" for stdin, JSON Lines corpora) into a stream of articles. */
#ifndef RD_READ_H
#define RD_READ_H
#include <stddef.h>
#include "annals/annals.h"

typedef enum rd_format {
    RD_AUTO = 0, /* by extension: .jsonl is JSON Lines, anything else text */
    RD_TEXT,
    RD_JSONL
} rd_format;

/* Called once per article, in input order. `where` names the input
 * ("file" or "file:line"). Return non-zero to stop reading. */
typedef int (*rd_article_fn)(void *ctx, const annals_article *a, const char *where);

/* Called for each problem: a message "file:line: why". */
typedef void (*rd_warn_fn)(void *ctx, const char *msg);

typedef struct rd_reader {
    rd_format format;
    rd_article_fn on_article;
    rd_warn_fn on_warn;
    void *ctx;
    size_t skipped;  /* records or files skipped, with a warning each */
    size_t articles; /* articles handed on */
    int stopped;     /* on_article asked to stop */
} rd_reader;

/* Checks that every path exists and can be read, before any output is
 * made. Returns 0, or -1 with err naming the first bad path. */
int rd_check_paths(char *const *paths, size_t n, annals_error *err);

/* Reads every path in turn (directories recursively, their *.txt and
 * *.jsonl files in name order). Returns 0, or -1 with err on a fatal
 * error (out of memory, a stop). Problems with single records are
 * warnings, counted in r->skipped. */
int rd_read_paths(rd_reader *r, char *const *paths, size_t n, annals_error *err);

/* Called for each file that rd_walk_paths finds. Returns 0, or -1 (with
 * err) to stop. */
typedef int (*rd_file_fn)(rd_reader *r, const char *path, annals_error *err);

/* Walks the paths as rd_read_paths reads them -- a directory's *.txt and
 * *.jsonl files recursively, in name order; other paths as given -- and
 * calls fn for each file. Unreadable directories are warnings, counted in
 * r->skipped. Returns 0, or the first non-zero fn returned. */
int rd_walk_paths(rd_reader *r, char *const *paths, size_t n, rd_file_fn fn, annals_error *err);

/* Whether path is read as JSON Lines (r->format, else its extension). */
int rd_is_jsonl(const rd_reader *r, const char *path);

/* Hands one plain-text article on as the file `name` ("-": stdin) would
 * be: its id the base name (or id, when not NULL), its title guessed.
 * Returns 0, or -1 with err (out of memory, or on_article asked to stop). */
int rd_text_article(rd_reader *r, const char *text, size_t len, const char *name, const char *id,
                    annals_error *err);

/* Reads one whole stream (a file or stdin) into a malloc'd buffer with a
 * NUL after it. Returns 0, or -1 with err. */
int rd_slurp(FILE *f, const char *name, char **buf, size_t *len, annals_error *err);

/* jsonfix.c: replaces \uD800-\uDFFF escapes that are not a surrogate pair
 * in the JSON text s[0..n) by \uFFFD, in place; returns how many. */
size_t rd_fix_surrogates(char *s, size_t n);
/* The four hex digits at s as *v: 1, or 0 when they are not. */
int rd_hex4(const char *s, unsigned *v);
/* The length of a UTF-8 byte-order mark at s (3), or 0. */
size_t rd_skip_bom(const char *s, size_t n);

/* A field of a corpus record as read: absent, a string (s[0..n), with a
 * NUL after it), null, or anything else. */
typedef enum rd_kind { RD_ABSENT = 0, RD_STRING, RD_NULL, RD_OTHER } rd_kind;
typedef struct rd_value {
    rd_kind kind;
    const char *s;
    size_t n;
} rd_value;
typedef struct rd_fields {
    rd_value text, id, published, title, url, source;
} rd_fields;

/* jsonrec.c: reads the JSON object line[0..n) as jansson would, decoding
 * its strings into buf (n + 1 bytes), when it is of the plain kind most
 * records are and has a string "text". Returns 1, or 0 when jansson must
 * say what it is. */
int rd_fast_record(const char *line, size_t n, char *buf, rd_fields *f);

/* Reads JSON Lines from f, one article a line. */
int rd_jsonl(rd_reader *r, FILE *f, const char *name, annals_error *err);

/* Checks one line of a JSON Lines corpus (n bytes; a line end is ignored)
 * as rd_jsonl reads it: 1 a record, 0 a blank line, -1 a line rd_jsonl
 * skips, with why (as its warning says it) in why[0..whylen). For a
 * record, and id not NULL, *id is the id rd_jsonl gives it, as line
 * `lineno` of file `name` (malloc'd; NULL when out of memory). */
int rd_record_check(const char *line, size_t n, const char *name, size_t lineno, char **id, char *why,
                    size_t whylen);

/* The headline of a plain-text article: the first short line near the top
 * that is not a byline, dateline or caption. Returns 1 and its span. */
int rd_guess_title(const char *text, size_t len, size_t *start, size_t *n);

/* The base name of path without its extension ("texts/abc.txt" -> "abc"),
 * malloc'd. */
char *rd_base_id(const char *path);
#endif
