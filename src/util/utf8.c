#include "utf8.h"
#include <stdlib.h>
#include <string.h>

int32_t u8_next(const char *s, size_t n, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t left = n - *i;
    unsigned c = p[0];
    int len;
    uint32_t cp, min;
    if (c < 0x80) { *i += 1; return (int32_t)c; }
    else if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else { *i += 1; return -1; }
    if ((size_t)len > left) { *i += 1; return -1; }
    for (int k = 1; k < len; k++) {
        if ((p[k] & 0xC0) != 0x80) { *i += 1; return -1; }
        cp = (cp << 6) | (p[k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *i += 1;
        return -1;
    }
    *i += (size_t)len;
    return (int32_t)cp;
}

/* Are the 8 bytes at s all ASCII? */
static inline int ascii8(const char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return !(w & 0x8080808080808080ULL);
}

int u8_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* news text is mostly ASCII: eight bytes at a time, then a byte */
        while (i + 8 <= n && ascii8(s + i)) i += 8;
        while (i < n && (unsigned char)s[i] < 0x80) i++;
        if (i < n && u8_next(s, n, &i) < 0) return 0;
    }
    return 1;
}

char *u8_sanitize(const char *s, size_t n, size_t *out_n)
{
    /* Worst case: every byte becomes the three bytes of U+FFFD. */
    char *out = malloc(n * 3 + 1);
    if (!out) return NULL;
    size_t i = 0, o = 0;
    while (i < n) o += u8_copy_one(s, n, &i, out + o);
    out[o] = '\0';
    if (out_n) *out_n = o;
    return out;
}

size_t u8_copy_one(const char *s, size_t n, size_t *i, char *out)
{
    size_t at = *i;
    if (u8_next(s, n, i) < 0) {
        memcpy(out, "\xEF\xBF\xBD", 3);
        return 3;
    }
    memcpy(out, s + at, *i - at);
    return *i - at;
}
