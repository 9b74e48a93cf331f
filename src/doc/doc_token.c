/* Tokeniser: one pass over the bytes, classifying code points. */
#include "doc.h"
#include "../util/utf8.h"
#include <string.h>

static inline int is_space(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF ||
           c == 0x2028 || c == 0x2029 || c == 0x85;
}

/* Letters: ASCII letters and, above Latin-1's symbols, whatever is not a
 * known punctuation or symbol block. Good enough for names in news. */
static inline int is_letter(int32_t c)
{
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (c < 0xC0) return 0;                       /* Latin-1 symbols */
    if (c == 0xD7 || c == 0xF7) return 0;         /* x and division signs */
    if (c >= 0x2000 && c <= 0x2BFF) return 0;     /* punctuation, symbols */
    if (c >= 0x3000 && c <= 0x303F) return 0;     /* CJK punctuation */
    if (c >= 0xFE00 && c <= 0xFE6F) return 0;
    if (c >= 0xFF00 && c <= 0xFF20) return 0;
    if (c == 0xFFFD || c == 0xFEFF) return 0;
    if (c >= 0x1F000) return 0;                   /* emoji and the like */
    return 1;
}

/* ASCII letters 1, digits 2, every other byte 0: one load a byte in the
 * tokeniser's inner loop. */
#define CLS(b) (unsigned char)((((b) | 0x20) >= 'a' && ((b) | 0x20) <= 'z') ? 1 : ((b) >= '0' && (b) <= '9') ? 2 : 0)
#define CLS4(b) CLS(b), CLS((b) + 1), CLS((b) + 2), CLS((b) + 3)
#define CLS16(b) CLS4(b), CLS4((b) + 4), CLS4((b) + 8), CLS4((b) + 12)
#define CLS64(b) CLS16(b), CLS16((b) + 16), CLS16((b) + 32), CLS16((b) + 48)
static const unsigned char ascii_class[256] = {CLS64(0), CLS64(64)};

static int is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static int is_upper(int32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}
static int is_apos(int32_t c) { return c == '\'' || c == 0x2019; }

static inline int32_t peek(const char *s, size_t n, size_t i, size_t *next)
{
    size_t j = i;
    if (i >= n) { *next = i; return -2; }
    if ((unsigned char)s[i] < 0x80) { /* most text: no decoding */
        *next = i + 1;
        return (unsigned char)s[i];
    }
    int32_t c = u8_next(s, n, &j);
    *next = j;
    return c;
}

/* Grows the token array (kept in the arena) by doubling. */
static int push(dc_doc *d, ar_arena *a, size_t *cap, dc_token t)
{
    if (d->ntok == *cap) {
        size_t nc = *cap ? *cap * 2 : 256;
        dc_token *nt = ar_alloc(a, nc * sizeof *nt);
        if (!nt) return -1;
        if (d->ntok) memcpy(nt, d->tok, d->ntok * sizeof *nt);
        d->tok = nt;
        *cap = nc;
    }
    d->tok[d->ntok++] = t;
    return 0;
}

int dc_tokenize(dc_doc *d, ar_arena *a)
{
    const char *s = d->text;
    size_t n = d->len, i = 0, cap = 0;
    int newlines = 0;
    d->tok = NULL;
    d->ntok = 0;
    while (i < n) {
        size_t j;
        int32_t c = peek(s, n, i, &j);
        if (c >= 0 && is_space(c)) {
            /* CR, LF, CRLF, U+2028 all count as one line end each. */
            if (c == '\n' || c == 0x2028 || c == 0x2029 ||
                (c == '\r' && !(j < n && s[j] == '\n')))
                newlines++;
            i = j;
            continue;
        }
        dc_token t = {(uint32_t)i, 0, DC_OTHER, 0};
        if (newlines) t.flags |= DC_NL;
        if (newlines > 1) t.flags |= DC_PARA;
        newlines = 0;
        if (c >= 0 && is_letter(c)) {
            t.kind = DC_WORD;
            if (is_upper(c)) t.flags |= DC_CAP;
            size_t seg = 1; /* letters in the current dot-separated segment */
            int dotted = 0;
            i = j;
            for (;;) {
                size_t k, k2;
                for (unsigned k0; i < n && (k0 = ascii_class[(unsigned char)s[i]]) != 0; i++)
                    seg += k0 & 1; /* ASCII letters and digits, quickly */
                int32_t x = peek(s, n, i, &k);
                if (x >= 0 && is_letter(x)) { i = k; seg++; continue; }
                if (x >= 0 && is_digit(x)) { i = k; continue; } /* G7, F-16 */
                int32_t y = peek(s, n, k, &k2);
                if ((is_apos(x) || x == '-') && y >= 0 && (is_letter(y) || is_digit(y))) {
                    i = k2; seg = 1; continue;
                }
                /* Acronym dots: U.S., U.N., a.m. -- single-letter segments. */
                if (x == '.' && seg == 1) {
                    if (y >= 0 && is_letter(y)) {
                        size_t k3;
                        int32_t z = peek(s, n, k2, &k3);
                        if (z < 0 || !is_letter(z)) { i = k2; dotted = 1; continue; }
                    } else if (dotted) {
                        i = k; /* the final dot of U.S. belongs to it */
                    }
                }
                break;
            }
        } else if (c >= 0 && is_digit(c)) {
            t.kind = DC_NUM;
            i = j;
            for (;;) {
                size_t k, k2;
                int32_t x = peek(s, n, i, &k);
                if (x >= 0 && (is_digit(x) || is_letter(x))) { i = k; continue; }
                int32_t y = peek(s, n, k, &k2);
                if ((x == '.' || x == ',' || x == ':' || x == '/') && y >= 0 && is_digit(y)) {
                    i = k2; continue;
                }
                break;
            }
        } else {
            t.kind = c < 0 ? DC_OTHER : DC_PUNCT;
            i = j;
        }
        t.end = (uint32_t)i;
        if (push(d, a, &cap, t)) return -1;
    }
    return 0;
}
