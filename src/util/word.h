/* word: is a word of the text (bytes s[0, n), not NUL-terminated) one of
 * ours? ASCII case folding, as strncasecmp in the C locale. These are
 * asked for every token of a clause against lists of dozens of words, so
 * they stop at the first byte that differs (most often the first) and
 * never call strlen. */
#ifndef WD_WORD_H
#define WD_WORD_H
#include <stddef.h>

static inline unsigned char wd_fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Is s[0, n) the word w? */
static inline int wd_is(const char *s, size_t n, const char *w)
{
    const unsigned char *a = (const unsigned char *)s, *u = (const unsigned char *)w;
    for (size_t i = 0; i < n; i++)
        if (!u[i] || wd_fold(a[i]) != wd_fold(u[i])) return 0;
    return u[n] == '\0';
}

/* Is s[0, n) one of ws (a NULL-terminated list)? First bytes first,
 * equal but for the case bit: a cheap superset that wd_is decides. */
static inline int wd_in(const char *s, size_t n, const char *const *ws)
{
    unsigned c0 = (n ? (unsigned char)s[0] : 0u) | 0x20u;
    for (size_t i = 0; ws[i]; i++)
        if (((unsigned char)ws[i][0] | 0x20u) == c0 && wd_is(s, n, ws[i])) return 1;
    return 0;
}
/* Is s[0, n) the word w, byte for byte (case counts)? */
static inline int wd_same(const char *s, size_t n, const char *w)
{
    for (size_t i = 0; i < n; i++)
        if (!w[i] || s[i] != w[i]) return 0;
    return w[n] == '\0';
}

/* Is s[0, n) one of ws, byte for byte? */
static inline int wd_among(const char *s, size_t n, const char *const *ws)
{
    char c0 = n ? s[0] : '\0';
    for (size_t i = 0; ws[i]; i++)
        if (ws[i][0] == c0 && wd_same(s, n, ws[i])) return 1;
    return 0;
}
#endif
