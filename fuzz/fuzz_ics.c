/* libFuzzer: the exporters (ics first) on arbitrary events. The bytes are
 * read as a timeline; what the reader accepts must export without a
 * crash, and the ics must keep its line rules (CRLF, 75 octets). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "annals/annals.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!size) return 0;
    FILE *in = fmemopen((void *)data, size, "r");
    if (!in) return 0;
    annals_timeline *tl = annals_timeline_new();
    annals_error err;
    int rc = annals_timeline_read(tl, in, "fuzz.json", &err);
    fclose(in);
    if (rc == 0) {
        annals_export x;
        annals_export_init(&x);
        x.now = 0;
        x.flags = ANNALS_WRITE_ALL;
        for (int f = ANNALS_FORMAT_ICS; f <= ANNALS_FORMAT_TIMELINEJS; f++) {
            char *buf = NULL;
            size_t n = 0;
            FILE *out = open_memstream(&buf, &n);
            if (annals_export_write(tl, (annals_format)f, &x, out, &err)) abort();
            fclose(out);
            if (f == ANNALS_FORMAT_ICS) { /* every line ends CRLF and fits 75 octets */
                size_t line = 0;
                for (size_t i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        if (i == 0 || buf[i - 1] != '\r' || line > 76) abort();
                        line = 0;
                    } else {
                        line++;
                    }
                }
            }
            free(buf);
        }
    }
    annals_timeline_free(tl);
    return 0;
}
