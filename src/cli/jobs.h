/* jobs: extraction on worker threads, results taken back in input order,
 * so that the output of --jobs N is the output of --jobs 1. */
#ifndef CL_JOBS_H
#define CL_JOBS_H
#include "annals/annals.h"

typedef struct cl_pool cl_pool;

/* Called on the worker thread, right after an article's extraction: turns
 * its timeline into output (malloc'd *out of *n bytes), so that writing
 * runs in parallel too. Returns 0, or -1 on failure. */
typedef int (*cl_pool_render)(void *ctx, annals_timeline *one, char **out, size_t *n);

/* Called in input order with each article's own timeline and what render
 * made of it (NULL, 0 without render), for streaming output; return
 * non-zero to stop. When NULL, results are appended to dst instead. */
typedef int (*cl_pool_sink)(void *ctx, annals_timeline *one, const char *rendered, size_t n);

/* n worker threads extracting with g and o. Articles' ids are claimed in
 * dst (in input order, as one thread would give them). render may be
 * NULL. With n == 1 no thread is started: each article is extracted on
 * the caller's thread as it is submitted, with no copy and no hand-off. */
cl_pool *cl_pool_new(int n, const annals_grammars *g, const annals_options *o,
                     annals_timeline *dst, cl_pool_render render, cl_pool_sink sink, void *ctx);

/* Queues a copy of a; blocks while the window of work in flight is full.
 * Returns 0, or -1 with err set (the pool stops). */
int cl_pool_submit(cl_pool *p, const annals_article *a, annals_error *err);

/* Waits for every queued article and takes back the rest. */
int cl_pool_finish(cl_pool *p, annals_error *err);

/* Stops the workers and frees everything. */
void cl_pool_free(cl_pool *p);

/* The number of cores online (at least 1). */
int cl_cores(void);
#endif
