/* dct: the publication date printed near the top of an article -- a
 * "Published:" or "Updated" line, a byline with a date, a line that is
 * only a date, or a wire dateline ("GENEVA, June 16 (Reuters) -"). */
#ifndef RD_DCT_H
#define RD_DCT_H
#include <stddef.h>

typedef struct rd_dct_rules rd_dct_rules;

/* Compiles the patterns (once, with JIT). NULL on failure. */
rd_dct_rules *rd_dct_rules_new(void);
void rd_dct_rules_free(rd_dct_rules *r);

/* Looks at the first lines of text; on success writes "YYYY-MM-DD" to
 * out and returns 1, else 0. Never reads past len. */
int rd_dct_find(const rd_dct_rules *r, const char *text, size_t len, char out[11]);

/* How far into a text the header zone reaches (bytes). */
#define RD_DCT_ZONE 2500
#endif
