/* A fast reader for corpus records: one JSON object a line whose values
 * are strings, numbers, true, false, null and arrays of those. Parsing
 * every line with jansson cost more than a sixth of `annals dates`; this
 * reads the usual record in one pass, with no allocation. It is strict:
 * whatever it is not sure of -- an error, an escape in a key, a nested
 * object, a huge number -- makes it give up, and the caller asks jansson,
 * so that what is read, and every error message, stays jansson's. */
#include "read.h"
#include "../util/utf8.h"
#include <stdint.h>
#include <string.h>

#define FAST_KEYS 32   /* more keys than this: left to jansson */
#define FAST_DEPTH 16  /* arrays nested deeper: left to jansson */

typedef struct cursor {
    const unsigned char *p, *end;
    char *out; /* decoded strings go here, each with a NUL after it */
} cursor;

static void skip_ws(cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')) c->p++;
}

static char *put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | cp >> 6);
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | cp >> 12);
        *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | cp >> 18);
        *o++ = (char)(0x80 | (cp >> 12 & 0x3F));
        *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

/* Whether any of the eight bytes in x is one a string cannot copy as it
 * is: a quote, a backslash, a control character or a non-ASCII byte. */
static inline int special8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
    uint64_t zero_q = (q - ones) & ~q, zero_b = (b - ones) & ~b, low = (x - ones * 0x20) & ~x;
    return ((zero_q | zero_b | low) & highs) != 0 || (x & highs) != 0;
}

/* A string at c->p (its opening quote): decoded to c->out. */
static int string(cursor *c, rd_value *v)
{
    const unsigned char *p = c->p + 1, *end = c->end;
    char *o = c->out, *start = o;
    for (;;) {
        /* eight plain bytes at a time: most of a text is plain ASCII.
         * Decoding never lengthens, so o + 8 stays inside the buffer. */
        while (end - p >= 8) {
            uint64_t x;
            memcpy(&x, p, 8);
            if (special8(x)) break;
            memcpy(o, &x, 8);
            o += 8;
            p += 8;
        }
        while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\') *o++ = (char)*p++;
        if (p >= end || *p < 0x20) return 0;
        if (*p == '"') break;
        if (*p >= 0x80) {
            size_t k = 0; /* well-formed, as jansson wants it */
            if (u8_next((const char *)p, (size_t)(end - p), &k) < 0) return 0;
            memcpy(o, p, k);
            o += k;
            p += k;
            continue;
        }
        /* a backslash */
        if (end - p < 2) return 0;
        unsigned char e = p[1];
        p += 2;
        switch (e) {
        case '"': *o++ = '"'; continue;
        case '\\': *o++ = '\\'; continue;
        case '/': *o++ = '/'; continue;
        case 'b': *o++ = '\b'; continue;
        case 'f': *o++ = '\f'; continue;
        case 'n': *o++ = '\n'; continue;
        case 'r': *o++ = '\r'; continue;
        case 't': *o++ = '\t'; continue;
        case 'u': break;
        default: return 0;
        }
        unsigned cp, lo;
        if (end - p < 4 || !rd_hex4((const char *)p, &cp)) return 0;
        p += 4;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return 0;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !rd_hex4((const char *)p + 2, &lo) ||
                lo < 0xDC00 || lo > 0xDFFF)
                return 0;
            p += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        o = put_utf8(o, cp);
    }
    *o = '\0';
    v->kind = RD_STRING;
    v->s = start;
    v->n = (size_t)(o - start);
    c->out = o + 1;
    c->p = p + 1;
    return 1;
}

static int digits(cursor *c)
{
    const unsigned char *from = c->p;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9') c->p++;
    return (int)(c->p - from);
}

/* A number as JSON writes it, small enough that jansson reads it without
 * overflow: at most 18 digits before the point, 2 in the exponent. */
static int number(cursor *c)
{
    if (*c->p == '-') c->p++;
    if (c->p < c->end && *c->p == '0') c->p++;
    else {
        int k = digits(c);
        if (k == 0 || k > 18) return 0;
    }
    if (c->p < c->end && *c->p == '.') {
        c->p++;
        if (digits(c) == 0) return 0;
    }
    if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
        c->p++;
        if (c->p < c->end && (*c->p == '+' || *c->p == '-')) c->p++;
        int k = digits(c);
        if (k == 0 || k > 2) return 0;
    }
    return 1;
}

static int literal(cursor *c, const char *w, size_t n)
{
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, w, n) != 0) return 0;
    c->p += n;
    return 1;
}

/* One value at c->p; v (may be NULL) says what it is. */
static int value(cursor *c, rd_value *v, int depth)
{
    rd_value tmp;
    if (!v) v = &tmp;
    v->kind = RD_OTHER;
    v->s = NULL;
    v->n = 0;
    if (c->p >= c->end) return 0;
    switch (*c->p) {
    case '"': return string(c, v);
    case 'n':
        v->kind = RD_NULL;
        return literal(c, "null", 4);
    case 't': return literal(c, "true", 4);
    case 'f': return literal(c, "false", 5);
    case '[':
        if (depth >= FAST_DEPTH) return 0;
        c->p++;
        skip_ws(c);
        if (c->p < c->end && *c->p == ']') {
            c->p++;
            return 1;
        }
        for (;;) {
            skip_ws(c);
            if (!value(c, NULL, depth + 1)) return 0;
            skip_ws(c);
            if (c->p >= c->end) return 0;
            if (*c->p++ == ']') return 1;
            if (c->p[-1] != ',') return 0;
        }
    default:
        if (*c->p == '-' || (*c->p >= '0' && *c->p <= '9')) return number(c);
        return 0; /* an object, or not JSON */
    }
}

static rd_value *field(rd_fields *f, const unsigned char *k, size_t n)
{
#define FIELD(name)                                                          \
    if (n == sizeof #name - 1 && memcmp(k, #name, n) == 0) return &f->name;
    FIELD(text) FIELD(id) FIELD(published) FIELD(title) FIELD(url) FIELD(source)
#undef FIELD
    return NULL;
}

int rd_fast_record(const char *line, size_t n, char *buf, rd_fields *f)
{
    memset(f, 0, sizeof *f);
    cursor c = {(const unsigned char *)line, (const unsigned char *)line + n, buf};
    const unsigned char *key[FAST_KEYS];
    size_t keylen[FAST_KEYS], nkeys = 0;
    skip_ws(&c);
    if (c.p >= c.end || *c.p++ != '{') return 0;
    for (;;) {
        skip_ws(&c);
        if (c.p >= c.end || *c.p != '"' || nkeys == FAST_KEYS) return 0;
        const unsigned char *k = ++c.p;
        while (c.p < c.end && *c.p >= 0x20 && *c.p < 0x80 && *c.p != '"' && *c.p != '\\') c.p++;
        if (c.p >= c.end || *c.p != '"') return 0; /* escapes, UTF-8: jansson's */
        size_t kn = (size_t)(c.p++ - k);
        for (size_t i = 0; i < nkeys; i++)
            if (keylen[i] == kn && memcmp(key[i], k, kn) == 0) return 0; /* a duplicate */
        key[nkeys] = k;
        keylen[nkeys++] = kn;
        skip_ws(&c);
        if (c.p >= c.end || *c.p++ != ':') return 0;
        skip_ws(&c);
        if (!value(&c, field(f, k, kn), 0)) return 0;
        skip_ws(&c);
        if (c.p >= c.end) return 0;
        if (*c.p == '}') break;
        if (*c.p++ != ',') return 0;
    }
    c.p++;
    skip_ws(&c);
    return c.p == c.end && f->text.kind == RD_STRING;
}
