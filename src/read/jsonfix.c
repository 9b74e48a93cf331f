/* Repairs for JSON Lines as scrapers write it, made before parsing so a
 * whole article is not lost to one bad character: a byte-order mark at
 * the start of a line, and \uD800-\uDFFF escapes that are not a proper
 * surrogate pair (text cut in the middle of an emoji). Strict parsers,
 * jansson among them, reject both. Each repair keeps the line's length,
 * so the columns of later errors stay true. */
#include "read.h"
#include <string.h>

int rd_hex4(const char *s, unsigned *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
                   : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                   : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16u;
        if (d > 15) return 0;
        *v = *v * 16 + d;
    }
    return 1;
}

size_t rd_fix_surrogates(char *s, size_t n)
{
    size_t fixed = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        const char *bs = memchr(s + i, '\\', n - 1 - i); /* most lines have few escapes */
        if (!bs) break;
        i = (size_t)(bs - s);
        if (s[i + 1] != 'u' || i + 6 > n) { i++; continue; } /* \" \\ \n ... */
        unsigned v, w;
        if (!rd_hex4(s + i + 2, &v)) { i++; continue; }
        if (v >= 0xD800 && v <= 0xDBFF && i + 12 <= n && s[i + 6] == '\\' && s[i + 7] == 'u' &&
            rd_hex4(s + i + 8, &w) && w >= 0xDC00 && w <= 0xDFFF) {
            i += 11; /* a proper pair */
            continue;
        }
        if (v >= 0xD800 && v <= 0xDFFF) {
            memcpy(s + i + 2, "FFFD", 4); /* U+FFFD REPLACEMENT CHARACTER */
            fixed++;
        }
        i += 5;
    }
    return fixed;
}

size_t rd_skip_bom(const char *s, size_t n)
{
    return n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}
