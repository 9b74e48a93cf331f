/* shard: the file format of `annals shard`. A shard is a JSON Lines
 * corpus that carries its records verbatim, with directive lines that say
 * where they came from, so that extract reads a shard exactly as it would
 * have read those records in the original files: same ids, same sources,
 * same file:line in every message.
 *
 *   #annals-shard/1 3 8           the first line: shard 3 of 8 (from 0)
 *   #from "corpus.jsonl" 1234     the next line is line 1234 of that file
 *   {"id": ...}                   records, verbatim, one a line
 *   #verbatim                     the next line is a record though it starts with #
 *   #id "abc-2"                   the next record's id, as a run over the whole
 *                                 corpus names it (shard --check: a repeated id)
 *   #text "notes/a.txt" 5321      the next 5321 bytes, then a newline, are
 *                                 the plain-text article notes/a.txt
 *
 * Names are JSON strings, so any file name fits on one line. */
#ifndef RD_SHARD_H
#define RD_SHARD_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define RD_SHARD_MAGIC "#annals-shard/1"

typedef enum rd_directive_kind {
    RD_DIRECTIVE_BAD = 0, /* starts with # but is none of these */
    RD_DIRECTIVE_FROM,
    RD_DIRECTIVE_TEXT,
    RD_DIRECTIVE_VERBATIM,
    RD_DIRECTIVE_ID
} rd_directive_kind;

typedef struct rd_directive {
    rd_directive_kind kind;
    char *name; /* FROM, TEXT, ID: malloc'd, the caller frees it */
    uint64_t num; /* FROM: the line number (from 1); TEXT: the byte count */
} rd_directive;

/* Whether a line (n bytes, newline or not) is a shard's first line. */
int rd_shard_is_header(const char *line, size_t n);

/* Parses a directive line (n bytes, which start with '#'; a trailing
 * newline is ignored) into d. Returns d->kind; RD_DIRECTIVE_BAD for a
 * line that is no directive, or -1 when out of memory. */
int rd_shard_parse(const char *line, size_t n, rd_directive *d);

/* Write the lines above to f; 0, or -1 on a write error. */
int rd_shard_write_header(FILE *f, size_t k, size_t n);
int rd_shard_write_from(FILE *f, const char *name, uint64_t line);
int rd_shard_write_text(FILE *f, const char *name, uint64_t len);
int rd_shard_write_id(FILE *f, const char *id);

/* The shard, of n, that a record starting at byte `offset` of an input of
 * `total` bytes goes to: contiguous runs of records of about total/n
 * bytes each, in input order. Never n or more. */
size_t rd_shard_of(uint64_t offset, uint64_t total, size_t n);
#endif
