/* libFuzzer: the timeline reader (merge and export input) on arbitrary
 * JSON, strict or lenient by the first byte; what it accepts must write
 * and read back the same, and merge (whose own audit must not fire). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "annals/annals.h"

static void ignore(void *ctx, const char *msg)
{
    (void)ctx;
    if (!msg || !*msg) abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    FILE *in = fmemopen((void *)data, size ? size : 1, "r");
    if (!in) return 0;
    annals_timeline *tl = annals_timeline_new();
    annals_error err;
    int rc = -1;
    if (size && (data[0] & 1))
        rc = annals_timeline_read_lenient(tl, in, "fuzz.json", ignore, NULL, &err) < 0 ? -1 : 0;
    else if (size)
        rc = annals_timeline_read(tl, in, "fuzz.json", &err);
    fclose(in);
    if (rc == 0) {
        char *buf = NULL;
        size_t n = 0;
        FILE *out = open_memstream(&buf, &n);
        if (annals_write(tl, ANNALS_FORMAT_JSON, 0, out, &err)) abort();
        fclose(out);
        /* what we wrote, we read */
        annals_timeline *back = annals_timeline_new();
        FILE *again = fmemopen(buf, n, "r");
        if (annals_timeline_read(back, again, "again.json", &err)) abort();
        fclose(again);
        if (annals_timeline_events(back) != annals_timeline_events(tl)) abort();
        annals_timeline_free(back);
        free(buf);
        size_t before = annals_timeline_events(tl);
        if (annals_timeline_merge(tl, &err)) abort(); /* the audit fired, or out of memory */
        if (annals_timeline_events(tl) > before) abort();
    }
    annals_timeline_free(tl);
    return 0;
}
