/* libFuzzer: the JSON Lines corpus reader on arbitrary bytes, shard files
 * above all (their #from, #text and #verbatim directives), and the
 * directive parser alone. Nothing may crash or leak; every article handed
 * on must have the length it claims. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "annals/annals.h"
#include "read/read.h"
#include "read/shard.h"

static int on_article(void *ctx, const annals_article *a, const char *where)
{
    size_t *n = ctx;
    if (!a->id || !where || (a->text_len && !a->text)) abort();
    for (size_t i = 0; i < a->text_len; i++) *n += (unsigned char)a->text[i]; /* touch it all */
    *n += strlen(a->id) + strlen(where);
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!size) return 0;
    rd_directive d;
    if (rd_shard_parse((const char *)data, size, &d) > 0) free(d.name);
    /* as a shard: the header first, then the bytes */
    static const char head[] = RD_SHARD_MAGIC " 0 1\n";
    char *buf = malloc(sizeof head - 1 + size);
    if (!buf) return 0;
    memcpy(buf, head, sizeof head - 1);
    memcpy(buf + sizeof head - 1, data, size);
    for (int shard = 0; shard < 2; shard++) {
        FILE *f = shard ? fmemopen(buf, sizeof head - 1 + size, "r") : fmemopen((void *)data, size, "r");
        if (!f) break;
        size_t n = 0;
        rd_reader r = {.format = RD_JSONL, .on_article = on_article, .ctx = &n};
        annals_error err;
        rd_jsonl(&r, f, "fuzz.jsonl", &err);
        fclose(f);
    }
    free(buf);
    return 0;
}
