/* err: filling an annals_error. */
#ifndef ER_ERR_H
#define ER_ERR_H
#include "annals/annals.h"

/* Sets e (if not NULL) to code and a printf-formatted message; returns -1
 * so that callers can write `return er_set(...)`. */
int er_set(annals_error *e, annals_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void er_clear(annals_error *e);
#endif
