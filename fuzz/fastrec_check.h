/* For the fuzzers: the fast record reader (read/jsonrec.c) against
 * jansson. Whatever the fast reader reads, jansson must read the same:
 * the same six fields, of the same kinds, with the same bytes. */
#ifndef FUZZ_FASTREC_CHECK_H
#define FUZZ_FASTREC_CHECK_H
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "read/read.h"

static void same_value(const rd_value *v, json_t *o, const char *key)
{
    json_t *j = json_object_get(o, key);
    rd_kind k = !j ? RD_ABSENT : json_is_string(j) ? RD_STRING : json_is_null(j) ? RD_NULL : RD_OTHER;
    if (v->kind != k) abort();
    if (k == RD_STRING && (v->n != json_string_length(j) || memcmp(v->s, json_string_value(j), v->n) ||
                           v->s[v->n] != '\0'))
        abort();
}

/* One line of n bytes: the fast reader either gives up or agrees. */
static void check_fast(const char *line, size_t n)
{
    char *buf = malloc(n + 1);
    rd_fields f;
    if (buf && rd_fast_record(line, n, buf, &f)) {
        json_error_t je;
        json_t *o = json_loadb(line, n, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
        if (!json_is_object(o)) abort();
        same_value(&f.text, o, "text");
        same_value(&f.id, o, "id");
        same_value(&f.published, o, "published");
        same_value(&f.title, o, "title");
        same_value(&f.url, o, "url");
        same_value(&f.source, o, "source");
        json_decref(o);
    }
    free(buf);
}
#endif
