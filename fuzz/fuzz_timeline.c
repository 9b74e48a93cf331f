/* libFuzzer: the timeline reader (merge and export input) on arbitrary
 * JSON; what it accepts must write and read back the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "annals/annals.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    FILE *in = fmemopen((void *)data, size ? size : 1, "r");
    if (!in) return 0;
    annals_timeline *tl = annals_timeline_new();
    annals_error err;
    int rc = size ? annals_timeline_read(tl, in, "fuzz.json", &err) : -1;
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
    }
    annals_timeline_free(tl);
    return 0;
}
