/* Writing the events of a timeline, two at a time: building and dumping
 * jansson objects is most of the cost of writing a million-event merge,
 * and one event's text never depends on another's. Chunks are dumped by
 * two threads into strings, then written in order, so the output is the
 * same byte for byte as a one-thread loop's. */
#include "write.h"
#include <pthread.h>
#include <stdlib.h>

#define WR_CHUNK 4096

typedef struct job {
    const annals_timeline *tl;
    size_t from, to;
    char **out; /* out[i - from]: event i dumped, or NULL on failure */
} job;

static void *dump_range(void *arg)
{
    job *j = arg;
    for (size_t i = j->from; i < j->to; i++) {
        json_t *o = wr_event(j->tl, &j->tl->ev[i]);
        j->out[i - j->from] = o ? json_dumps(o, JSON_REAL_PRECISION(4)) : NULL;
        json_decref(o);
    }
    return NULL;
}

int wr_dump_events(const annals_timeline *tl, FILE *out, const char *indent, int comma)
{
    char **s = malloc(WR_CHUNK * sizeof *s);
    if (!s) return -1;
    int rc = 0;
    /* jansson seeds its hash on first use: do that before any thread */
    json_decref(json_object());
    for (size_t base = 0; base < tl->nev && !rc; base += WR_CHUNK) {
        size_t end = base + WR_CHUNK < tl->nev ? base + WR_CHUNK : tl->nev, mid = base + (end - base) / 2;
        job a = {tl, base, mid, s}, b = {tl, mid, end, s + (mid - base)};
        pthread_t t;
        int threaded = end - base > 64 && pthread_create(&t, NULL, dump_range, &b) == 0;
        dump_range(&a);
        if (threaded) pthread_join(t, NULL);
        else dump_range(&b);
        for (size_t i = base; i < end; i++) {
            char *x = s[i - base];
            if (!rc) rc = !x || fputs(indent, out) < 0 || fputs(x, out) < 0 ||
                          fputs(comma && i + 1 < tl->nev ? ",\n" : "\n", out) < 0;
            free(x);
        }
    }
    free(s);
    return rc ? -1 : 0;
}
