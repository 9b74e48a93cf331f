#include "err.h"
#include <stdarg.h>
#include <stdio.h>

int er_set(annals_error *e, annals_status code, const char *fmt, ...)
{
    if (!e) return -1;
    e->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    return -1;
}

void er_clear(annals_error *e)
{
    if (!e) return;
    e->code = ANNALS_OK;
    e->message[0] = '\0';
}
