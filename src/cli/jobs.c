#include "jobs.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One article in flight: its own copy of the input and its result. */
typedef struct job {
    char *id, *text, *published, *title, *url, *source;
    size_t len;
    annals_timeline *tl;
    char *out; /* what render made of tl */
    size_t outlen;
    annals_error err;
    int state; /* 0 free, 1 queued, 2 running, 3 done */
    int rc;
} job;

struct cl_pool {
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    pthread_t *threads;
    int nthreads;
    job *ring;          /* window of jobs, indexed by sequence % size */
    size_t size;
    size_t next_submit, next_run, next_take;
    int stopping;
    const annals_grammars *g;
    annals_options opt;
    annals_timeline *dst;
    cl_pool_render render;
    cl_pool_sink sink;
    void *ctx;
};

int cl_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static void job_clear(job *j)
{
    free(j->id);
    free(j->text);
    free(j->published);
    free(j->title);
    free(j->url);
    free(j->source);
    free(j->out);
    annals_timeline_free(j->tl);
    memset(j, 0, sizeof *j);
}

/* Extracts one article and renders it, filling j's result. */
static void run_job(cl_pool *p, const annals_article *a, job *j)
{
    j->tl = annals_timeline_new();
    j->rc = j->tl ? annals_extract(p->g, a, &p->opt, j->tl, &j->err) : -1;
    if (!j->tl) strcpy(j->err.message, "out of memory");
    if (j->rc == 0 && p->render && p->render(p->ctx, j->tl, &j->out, &j->outlen)) {
        j->rc = -1;
        snprintf(j->err.message, sizeof j->err.message, "%s: cannot write its output (out of memory)",
                 a->id);
    }
}

/* Hands a finished job's result on: to the sink, or appended to dst. */
static int deliver(cl_pool *p, job *j, annals_error *err)
{
    int rc;
    if (j->rc) {
        *err = j->err;
        rc = -1;
    } else if (p->sink) {
        rc = p->sink(p->ctx, j->tl, j->out, j->outlen);
        if (rc) snprintf(err->message, sizeof err->message, "output failed");
    } else {
        rc = annals_timeline_append(p->dst, j->tl, err);
    }
    return rc;
}

static void *worker(void *arg)
{
    cl_pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stopping && p->next_run == p->next_submit) pthread_cond_wait(&p->work, &p->mu);
        if (p->stopping && p->next_run == p->next_submit) break;
        job *j = &p->ring[p->next_run++ % p->size];
        j->state = 2;
        pthread_mutex_unlock(&p->mu);
        annals_article a = {.id = j->id, .text = j->text, .text_len = j->len,
                            .published = j->published, .title = j->title, .url = j->url,
                            .source = j->source};
        run_job(p, &a, j);
        pthread_mutex_lock(&p->mu);
        j->state = 3;
        /* the caller waits only for the oldest job: wake it for no other */
        if (j == &p->ring[p->next_take % p->size]) pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

cl_pool *cl_pool_new(int n, const annals_grammars *g, const annals_options *o,
                     annals_timeline *dst, cl_pool_render render, cl_pool_sink sink, void *ctx)
{
    cl_pool *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    if (n == 1) n = 0; /* one job at a time: run on the caller's thread, no hand-off */
    p->size = n ? (size_t)n * 8 : 1; /* enough in flight to keep every worker busy */
    p->ring = calloc(p->size, sizeof *p->ring);
    p->threads = calloc(n ? (size_t)n : 1, sizeof *p->threads); /* calloc(0) may be NULL */
    if (!p->ring || !p->threads) {
        free(p->ring);
        free(p->threads);
        free(p);
        return NULL;
    }
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    p->g = g;
    p->opt = *o;
    p->dst = dst;
    p->render = render;
    p->sink = sink;
    p->ctx = ctx;
    for (int i = 0; i < n; i++) {
        if (pthread_create(&p->threads[i], NULL, worker, p) != 0) break;
        p->nthreads++;
    }
    if (n && !p->nthreads) {
        cl_pool_free(p);
        return NULL;
    }
    return p;
}

/* Takes back finished jobs in order; with wait, at least the oldest. */
static int take(cl_pool *p, int wait, annals_error *err)
{
    int rc = 0;
    pthread_mutex_lock(&p->mu);
    while (rc == 0 && p->next_take < p->next_submit) {
        job *j = &p->ring[p->next_take % p->size];
        if (j->state != 3) {
            if (!wait) break;
            pthread_cond_wait(&p->done, &p->mu);
            continue;
        }
        p->next_take++;
        pthread_mutex_unlock(&p->mu);
        rc = deliver(p, j, err);
        job_clear(j);
        wait = 0; /* the oldest is back; take the rest only if ready */
        pthread_mutex_lock(&p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    return rc;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

int cl_pool_submit(cl_pool *p, const annals_article *a, annals_error *err)
{
    if (take(p, p->next_submit - p->next_take >= p->size, err)) return -1;
    const char *id = annals_timeline_claim_id(p->dst, a->id);
    if (!p->nthreads && id) { /* inline: the caller's article is used as it is */
        job one = {0};
        annals_article own = *a;
        own.id = id;
        run_job(p, &own, &one);
        int rc = deliver(p, &one, err);
        free(one.out);
        annals_timeline_free(one.tl);
        return rc;
    }
    job *j = &p->ring[p->next_submit % p->size];
    j->id = dup_or_null(id);
    j->text = malloc(a->text_len + 1);
    j->published = dup_or_null(a->published);
    j->title = dup_or_null(a->title);
    j->url = dup_or_null(a->url);
    j->source = dup_or_null(a->source);
    if (!id || !j->id || !j->text) {
        job_clear(j);
        snprintf(err->message, sizeof err->message, "out of memory");
        err->code = ANNALS_ERR_NOMEM;
        return -1;
    }
    if (a->text_len) memcpy(j->text, a->text, a->text_len);
    j->text[a->text_len] = '\0';
    j->len = a->text_len;
    pthread_mutex_lock(&p->mu);
    j->state = 1;
    p->next_submit++;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
    return 0;
}

int cl_pool_finish(cl_pool *p, annals_error *err)
{
    while (p->next_take < p->next_submit)
        if (take(p, 1, err)) return -1;
    return 0;
}

void cl_pool_free(cl_pool *p)
{
    if (!p) return;
    pthread_mutex_lock(&p->mu);
    p->stopping = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->nthreads; i++) pthread_join(p->threads[i], NULL);
    for (size_t i = 0; i < p->size; i++) job_clear(&p->ring[i]);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    free(p->ring);
    free(p->threads);
    free(p);
}
