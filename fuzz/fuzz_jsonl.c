/* libFuzzer: a JSON Lines corpus on arbitrary bytes -- the repairs made
 * before parsing (byte-order marks, half surrogate pairs), the record
 * checks, and each article through extraction. Every line is either an
 * article or a warning: the counts must add up. And every line the fast
 * record reader (jsonrec.c) reads must read the same with jansson. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "annals/annals.h"
#include "read/read.h"
#include "fastrec_check.h"

static annals_grammars *G;

static int on_article(void *ctx, const annals_article *a, const char *where)
{
    (void)where;
    annals_timeline *tl = ctx;
    annals_options o;
    annals_options_init(&o);
    annals_error err;
    if (annals_extract(G, a, &o, tl, &err) && err.code != ANNALS_ERR_INPUT) abort();
    return 0;
}

static void on_warn(void *ctx, const char *msg)
{
    (void)ctx;
    if (!msg || !*msg) abort(); /* every warning says something */
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!G) {
        annals_error err;
        G = annals_grammars_builtin(&err);
        if (!G) abort();
    }
    for (size_t i = 0; i < size;) {
        const unsigned char *nl = memchr(data + i, '\n', size - i);
        size_t end = nl ? (size_t)(nl - data) : size;
        check_fast((const char *)data + i, end - i);
        i = end + 1;
    }
    FILE *in = fmemopen((void *)data, size ? size : 1, "r");
    if (!in) return 0;
    annals_timeline *tl = annals_timeline_new();
    rd_reader r = {.format = RD_JSONL, .on_article = on_article, .on_warn = on_warn, .ctx = tl};
    annals_error err;
    if (size && rd_jsonl(&r, in, "fuzz.jsonl", &err) == 0 && r.articles != annals_timeline_documents(tl))
        abort(); /* an article handed on but not kept */
    fclose(in);
    annals_timeline_free(tl);
    return 0;
}
