/* libFuzzer: the fast record reader (read/jsonrec.c) against jansson on
 * arbitrary bytes. Whatever the fast reader reads, jansson must read the
 * same: the same six fields, of the same kinds, with the same bytes. */
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

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char *line = malloc(size + 1), *buf = malloc(size + 1);
    if (!line || !buf) abort();
    if (size) memcpy(line, data, size);
    line[size] = '\0';
    rd_fields f;
    if (rd_fast_record(line, size, buf, &f)) {
        json_error_t je;
        json_t *o = json_loadb(line, size, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
        if (!json_is_object(o)) abort();
        same_value(&f.text, o, "text");
        same_value(&f.id, o, "id");
        same_value(&f.published, o, "published");
        same_value(&f.title, o, "title");
        same_value(&f.url, o, "url");
        same_value(&f.source, o, "source");
        json_decref(o);
    }
    free(line);
    free(buf);
    return 0;
}
