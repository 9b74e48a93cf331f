/* libFuzzer: extraction on arbitrary bytes, the whole flow through to the
 * JSON writer. Any crash, leak, hang or sanitizer report is a finding. */
#include <stdio.h>
#include <stdlib.h>
#include "annals/annals.h"

static annals_grammars *G;

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!G) {
        annals_error err;
        G = annals_grammars_builtin(&err);
        if (!G) abort();
    }
    annals_timeline *tl = annals_timeline_new();
    annals_options o;
    annals_options_init(&o);
    o.want_timexes = 1;
    /* half the inputs with a publication date, half without */
    if (size && (data[0] & 1)) o.dct = "2021-07-18";
    annals_error err;
    annals_article a = {.id = "fuzz", .text = (const char *)data, .text_len = size};
    if (annals_extract(G, &a, &o, tl, &err) == 0) {
        annals_timeline_sort(tl);
        FILE *out = fopen("/dev/null", "w");
        if (annals_write(tl, ANNALS_FORMAT_JSON, ANNALS_WRITE_TIMEXES, out, &err)) abort();
        fclose(out);
    }
    annals_timeline_free(tl);
    return 0;
}
