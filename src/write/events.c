/* Writing the events of a timeline, two at a time: making the JSON of a
 * million-event merge is most of the cost of writing it, and one event's
 * text never depends on another's. Chunks are written by two threads
 * into buffers, then to the stream in order, so the output is the same
 * byte for byte as a one-thread loop's. */
#include "write.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define WR_CHUNK 4096

typedef struct job {
    const annals_timeline *tl;
    size_t from, to;
    const char *indent;
    int comma;
    wr_buf out; /* events from..to, each after indent and with its line end */
    int failed; /* an event could not be written: out ends before it */
} job;

/* One event's JSON: direct.c's, or jansson's for a merged event. */
static int event_json(wr_buf *b, const annals_timeline *tl, const tl_event *e)
{
    if (!e->merged) return wr_direct_event(b, tl, e);
    json_t *o = wr_event(tl, e);
    char *s = o ? json_dumps(o, JSON_REAL_PRECISION(4)) : NULL;
    json_decref(o);
    if (!s) return -1;
    size_t n = strlen(s);
    if (!wr_buf_grow(b, n)) {
        memcpy(b->s + b->n, s, n + 1);
        b->n += n;
    }
    free(s);
    return b->bad ? -1 : 0;
}

static void append(wr_buf *b, const char *s)
{
    size_t n = strlen(s);
    if (wr_buf_grow(b, n)) return;
    memcpy(b->s + b->n, s, n + 1);
    b->n += n;
}

static void *dump_range(void *arg)
{
    job *j = arg;
    for (size_t i = j->from; i < j->to && !j->failed; i++) {
        size_t at = j->out.n;
        append(&j->out, j->indent);
        if (event_json(&j->out, j->tl, &j->tl->ev[i])) {
            j->failed = 1;
            if (!j->out.bad) j->out.n = at;
            break;
        }
        append(&j->out, j->comma && i + 1 < j->tl->nev ? ",\n" : "\n");
        j->failed = j->out.bad;
    }
    return NULL;
}

int wr_dump_events(const annals_timeline *tl, FILE *out, const char *indent, int comma)
{
    int rc = 0;
    /* jansson seeds its hash on first use: do that before any thread */
    json_decref(json_object());
    for (size_t base = 0; base < tl->nev && !rc; base += WR_CHUNK) {
        size_t end = base + WR_CHUNK < tl->nev ? base + WR_CHUNK : tl->nev, mid = base + (end - base) / 2;
        job a = {tl, base, mid, indent, comma, {0}, 0}, b = {tl, mid, end, indent, comma, {0}, 0};
        pthread_t t;
        int threaded = end - base > 64 && pthread_create(&t, NULL, dump_range, &b) == 0;
        dump_range(&a);
        if (threaded) pthread_join(t, NULL);
        else if (!a.failed) dump_range(&b);
        job *parts[] = {&a, &b};
        for (int k = 0; k < 2 && !rc; k++) {
            job *j = parts[k];
            if (j->out.bad) rc = 1;
            else rc = (j->out.n && fwrite(j->out.s, 1, j->out.n, out) != j->out.n) || j->failed;
        }
        free(a.out.s);
        free(b.out.s);
    }
    return rc ? -1 : 0;
}
