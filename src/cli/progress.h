#ifndef CL_PROGRESS_H
#define CL_PROGRESS_H
#include <stddef.h>

typedef struct cl_progress {
    int on, shown;
    double start, last, bytes, total;
    size_t docs;
} cl_progress;

/* Shows progress only when stderr is a terminal and quiet is 0. */
void cl_progress_init(cl_progress *p, char *const *paths, size_t n, int quiet);
/* One more document of this many bytes read. */
void cl_progress_add(cl_progress *p, size_t bytes);
/* Clears the line. */
void cl_progress_done(cl_progress *p);
#endif
