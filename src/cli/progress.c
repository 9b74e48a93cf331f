/* A progress line on stderr for long runs: documents, MB, MB/s and time
 * left -- only when stderr is a terminal and --quiet is not given, so that
 * logs and pipes never see it. */
#include "progress.h"
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void cl_progress_init(cl_progress *p, char *const *paths, size_t n, int quiet)
{
    memset(p, 0, sizeof p[0]);
    p->on = !quiet && isatty(STDERR_FILENO);
    p->start = p->last = now();
    /* the total is known when every input is a plain file */
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) != 0 || !S_ISREG(st.st_mode)) {
            p->total = 0;
            return;
        }
        p->total += (double)st.st_size;
    }
}

void cl_progress_add(cl_progress *p, size_t bytes)
{
    p->docs++;
    p->bytes += (double)bytes;
    if (!p->on) return;
    double t = now();
    if (t - p->last < 0.5) return;
    p->last = t;
    double rate = p->bytes / (t - p->start) / 1e6;
    fprintf(stderr, "\rannals: %zu documents, %.1f MB, %.1f MB/s", p->docs, p->bytes / 1e6, rate);
    if (p->total > p->bytes && rate > 0) {
        /* input bytes include JSON around the text: an estimate */
        double left = (p->total - p->bytes) / 1e6 / rate;
        fprintf(stderr, ", about %d:%02d left", (int)left / 60, (int)left % 60);
    }
    fputs("   ", stderr);
    p->shown = 1;
}

void cl_progress_done(cl_progress *p)
{
    if (p->shown) fputs("\r\033[K", stderr);
    p->shown = 0;
}
