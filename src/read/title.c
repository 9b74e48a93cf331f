/* A plain-text article has no title field; its headline is usually the
 * first short line that does not end like a sentence. */
#include "read.h"
#include <string.h>
#include <strings.h>

static int starts_with_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && strncasecmp(s, w, k) == 0;
}

int rd_guess_title(const char *text, size_t len, size_t *start, size_t *n)
{
    size_t pos = 0;
    int lines = 0;
    while (pos < len && lines < 8) {
        size_t e = pos;
        while (e < len && text[e] != '\n' && text[e] != '\r') e++;
        size_t a = pos, b = e;
        while (a < b && (text[a] == ' ' || text[a] == '\t')) a++;
        while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t')) b--;
        if (b > a) {
            lines++;
            const char *s = text + a;
            size_t m = b - a;
            char last = s[m - 1];
            int prose = last == '.' || last == ':' || last == ',' || last == ';';
            int meta = starts_with_ci(s, m, "by ") || memchr(s, '|', m) != NULL ||
                       starts_with_ci(s, m, "published") || starts_with_ci(s, m, "updated") ||
                       starts_with_ci(s, m, "posted") || starts_with_ci(s, m, "photo") ||
                       starts_with_ci(s, m, "image") || starts_with_ci(s, m, "(");
            if (m >= 8 && m <= 160 && !prose && !meta && memchr(s, '\0', m) == NULL) {
                *start = a;
                *n = m;
                return 1;
            }
        }
        pos = e + 1;
    }
    return 0;
}

char *rd_base_id(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t n = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base) n = (size_t)(dot - base);
    return strndup(base, n);
}
