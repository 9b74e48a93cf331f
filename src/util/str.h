/* str: building short strings in fixed buffers without printf. Each call
 * appends to the NUL-terminated string of len bytes in buf[0, cap) and
 * returns the new length, cutting what does not fit as snprintf does.
 * Event summaries and slot specs are built this way for every event;
 * snprintf's format parsing cost more than the rest of the summary. */
#ifndef ST_STR_H
#define ST_STR_H
#include <stddef.h>
#include <string.h>

/* Appends s[0, n). cap must be at least 1. */
static inline size_t st_put(char *buf, size_t cap, size_t len, const char *s, size_t n)
{
    if (len + 1 >= cap) return len;
    if (n > cap - 1 - len) n = cap - 1 - len;
    memcpy(buf + len, s, n);
    buf[len + n] = '\0';
    return len + n;
}

/* Appends the string s. */
static inline size_t st_cat(char *buf, size_t cap, size_t len, const char *s)
{
    return st_put(buf, cap, len, s, strlen(s));
}

/* buf = s (as snprintf(buf, cap, "%s", s)). */
static inline size_t st_copy(char *buf, size_t cap, const char *s)
{
    buf[0] = '\0';
    return st_cat(buf, cap, 0, s);
}
#endif
