/* doc: the text as read, cut into tokens and sentences. Offsets are byte
 * offsets into the text exactly as read; nothing is normalised in place,
 * so invalid UTF-8, NULs, BOMs and CR line ends never shift an offset. */
#ifndef DC_DOC_H
#define DC_DOC_H
#include <stddef.h>
#include <stdint.h>
#include "../util/arena.h"

typedef enum dc_kind {
    DC_WORD = 1, /* letters, with inner ' - and acronym dots (U.S.) */
    DC_NUM,      /* digits, with inner . , : / and a letter suffix (16th) */
    DC_PUNCT,    /* one punctuation character */
    DC_OTHER     /* a symbol or an invalid byte */
} dc_kind;

/* Token flags. */
#define DC_CAP 1     /* starts with an upper-case letter */
#define DC_NL 2      /* a line break stands before it */
#define DC_PARA 4    /* a blank line (paragraph break) stands before it */

typedef struct dc_token {
    uint32_t start, end;
    uint8_t kind, flags;
} dc_token;

/* The longest sentence, in bytes, before it is cut at a line break or a
 * token (real sentences are far shorter; text without marks is not). */
#define DC_MAX_SENT 2048

typedef struct dc_sent {
    uint32_t start, end;  /* from the first token's start to the last's end */
    uint32_t tok0, ntok;  /* its tokens */
} dc_sent;

struct gm_words;

typedef struct dc_doc {
    const char *text;
    size_t len;
    dc_token *tok;
    size_t ntok;
    dc_sent *sent;
    size_t nsent;
    /* the grammars' first pass over the words of text, when the date and
     * the event grammar share one (lib/extract.c); NULL: each makes its own */
    const struct gm_words *words;
} dc_doc;

/* Tokenises and splits text[0..len) (len < 4 GiB) into d, allocating from
 * a. Returns 0, or -1 when memory runs out or the text is too long. */
int dc_build(dc_doc *d, ar_arena *a, const char *text, size_t len);

/* Tokenising alone (used by dc_build). */
int dc_tokenize(dc_doc *d, ar_arena *a);
/* Sentence splitting over d's tokens (used by dc_build). */
int dc_split(dc_doc *d, ar_arena *a);

/* The sentence that holds byte offset off, or -1. */
long dc_sentence_at(const dc_doc *d, size_t off);
#endif
