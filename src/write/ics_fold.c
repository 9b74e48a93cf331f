/* ics_fold: iCalendar content lines (RFC 5545 3.1). A line longer than
 * 75 octets is split with CRLF and one space, never inside a UTF-8
 * character, so that a reader that decodes line by line still can. */
#include "export.h"
#include <stdlib.h>
#include <string.h>

#define ICS_LINE 75

static int put_line(FILE *out, const char *s, size_t n)
{
    size_t pos = 0, room = ICS_LINE;
    do {
        size_t end = n - pos > room ? pos + room : n;
        /* do not start the next piece on a continuation byte */
        while (end < n && end > pos + 1 && ((unsigned char)s[end] & 0xC0) == 0x80) end--;
        if (pos > 0 && fputc(' ', out) == EOF) return -1;
        if (fwrite(s + pos, 1, end - pos, out) != end - pos) return -1;
        if (fputs("\r\n", out) < 0) return -1;
        pos = end;
        room = ICS_LINE - 1; /* the space counts */
    } while (pos < n);
    return 0;
}

int wr_ics_put(FILE *out, const char *s)
{
    char stack[1024], *line = stack;
    size_t cap = sizeof stack, n = 0;
    int rc = 0;
    for (const char *p = s; *p && !rc;) {
        if (*p == '\r' || *p == '\n') {
            const char *q = p + (p[0] == '\r' && p[1] == '\n' ? 2 : 1);
            if (*q == ' ' || *q == '\t') { p = q + 1; continue; } /* a fold */
            if (n) rc = put_line(out, line, n); /* no blank lines */
            n = 0;
            p = q;
            continue;
        }
        if (n + 1 >= cap) {
            char *bigger = line == stack ? malloc(cap * 2) : realloc(line, cap * 2);
            if (!bigger) { rc = -2; break; }
            if (line == stack) memcpy(bigger, stack, n);
            line = bigger;
            cap *= 2;
        }
        line[n++] = *p++;
    }
    if (!rc && n) rc = put_line(out, line, n);
    if (line != stack) free(line);
    return rc;
}
