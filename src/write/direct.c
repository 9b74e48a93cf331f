/* The JSON of timexes, documents and events written straight into a
 * buffer, byte for byte as json_dumps(wr_timex(...), JSON_REAL_PRECISION(4))
 * and its kin write it: building a jansson tree for each item and dumping
 * it cost a sixth of `annals dates`. The rules are jansson's: keys in
 * insertion order, ", " and ": " between; strings checked as UTF-8 and
 * escaped as jansson escapes them; a real as "%.4g" with a ".0" or a
 * short exponent. Where jansson fails a string (not UTF-8, NULL), the
 * jansson-built item fails too (timexes, documents: -1), or loses that
 * key (events: wr_event ignores the failure); so does this. */
#include "write.h"
#include "../util/utf8.h"
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int wr_buf_grow(wr_buf *b, size_t more)
{
    if (b->bad) return -1;
    if (b->cap - b->n > more) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->n <= more) cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->bad = 1;
        return -1;
    }
    b->s = s;
    b->cap = cap;
    return 0;
}

static void put(wr_buf *b, const char *s, size_t n)
{
    if (wr_buf_grow(b, n)) return;
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

#define PUT(b, lit) put((b), lit, sizeof lit - 1)

/* Whether json_string(s) would make a string of s: well-formed UTF-8. */
static int json_ok(const char *s)
{
    if (!s) return 0;
    const char *p = s;
    while ((unsigned char)*p - 1u < 0x7F) p++; /* ASCII, most of it (char may be unsigned) */
    return !*p || u8_valid(p, strlen(p));
}

/* Bytes a JSON string holds as they are: not a control character, a
 * quote or a backslash (nor NUL, which ends the string). */
#define PLAIN(c) (unsigned char)((c) >= 0x20 && (c) != '"' && (c) != '\\')
#define PLAIN4(c) PLAIN(c), PLAIN((c) + 1), PLAIN((c) + 2), PLAIN((c) + 3)
#define PLAIN16(c) PLAIN4(c), PLAIN4((c) + 4), PLAIN4((c) + 8), PLAIN4((c) + 12)
#define PLAIN64(c) PLAIN16(c), PLAIN16((c) + 16), PLAIN16((c) + 32), PLAIN16((c) + 48)
static const unsigned char plain[256] = {PLAIN64(0), PLAIN64(64), PLAIN64(128), PLAIN64(192)};

/* s as a JSON string; s must be json_ok. Runs of plain bytes are copied
 * whole: sentences are most of what is written. */
static void put_str(wr_buf *b, const char *s)
{
    size_t n = strlen(s);
    if (wr_buf_grow(b, 6 * n + 2)) return; /* at worst every byte a \u00XX */
    char *o = b->s + b->n;
    *o++ = '"';
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        const unsigned char *q = p;
        while (plain[*q]) q++;
        memcpy(o, p, (size_t)(q - p));
        o += q - p;
        p = q;
        if (!*p) break;
        unsigned char c = *p;
        *o++ = '\\';
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\b': *o++ = 'b'; break;
        case '\f': *o++ = 'f'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        default:
            *o++ = 'u';
            *o++ = '0';
            *o++ = '0';
            *o++ = "0123456789ABCDEF"[c >> 4];
            *o++ = "0123456789ABCDEF"[c & 15];
        }
    }
    *o++ = '"';
    *o = '\0';
    b->n = (size_t)(o - b->s);
}

/* An object being written: `first` until its first key. */
typedef struct obj {
    wr_buf *b;
    int first;
} obj;

static obj open_obj(wr_buf *b)
{
    PUT(b, "{");
    return (obj){b, 1};
}

static void close_obj(obj *o)
{
    PUT(o->b, "}");
}

static void key(obj *o, const char *k)
{
    if (!o->first) PUT(o->b, ", ");
    o->first = 0;
    PUT(o->b, "\"");
    put(o->b, k, strlen(k));
    PUT(o->b, "\": ");
}

/* json_string(s): the key with s, or no key at all when jansson would
 * make no string of s. Returns 0, or -1 for such a key left out. */
static int str(obj *o, const char *k, const char *s)
{
    if (!json_ok(s)) return -1;
    key(o, k);
    put_str(o->b, s);
    return 0;
}

/* str_or_null(s) of json.c */
static int str_or_null(obj *o, const char *k, const char *s)
{
    if (s) return str(o, k, s);
    key(o, k);
    PUT(o->b, "null");
    return 0;
}

/* "%lld" without printf: counts and offsets, several an event */
static void integer(obj *o, const char *k, long long v)
{
    char num[24];
    size_t at = sizeof num;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        num[--at] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) num[--at] = '-';
    key(o, k);
    put(o->b, num + at, sizeof num - at);
}

/* json_real(v) dumped with JSON_REAL_PRECISION(4); no key for NaN or an
 * infinity, which json_real refuses. */
static void real4(obj *o, const char *k, double v)
{
    if (!isfinite(v)) return;
    char num[64];
    int n = snprintf(num, sizeof num, "%.4g", v);
    if (n < 0 || n >= (int)sizeof num - 3) return;
    /* a library caller may have set a locale with a decimal comma; JSON
     * wants the point, as jansson writes it */
    const char *dp = localeconv()->decimal_point;
    if (dp && dp[0] && strcmp(dp, ".") != 0) {
        char *at = strstr(num, dp);
        if (at) {
            size_t dl = strlen(dp);
            *at = '.';
            memmove(at + 1, at + dl, strlen(at + dl) + 1);
            n = (int)strlen(num);
        }
    }
    if (!strchr(num, '.') && !strchr(num, 'e')) {
        memcpy(num + n, ".0", 3);
        n += 2;
    }
    char *e = strchr(num, 'e');
    if (e) { /* "1e-05" -> "1e-5", "1e+05" -> "1e5", as jansson writes them */
        char *from = e + 1, *to = e + 1;
        if (*from == '-') from = to = e + 2;
        else if (*from == '+') from++;
        while (*from == '0') from++;
        memmove(to, from, strlen(from) + 1);
        n = (int)strlen(num);
    }
    key(o, k);
    put(o->b, num, (size_t)n);
}

int wr_direct_timex(wr_buf *b, const annals_timeline *tl, const tl_timex *t)
{
    size_t at = b->n;
    obj o = open_obj(b);
    int bad = str(&o, "doc", tl->docs[t->doc].id);
    integer(&o, "start", t->start);
    integer(&o, "end", t->end);
    bad |= str(&o, "text", t->text);
    bad |= str(&o, "type", t->type);
    bad |= str(&o, "value", t->value);
    close_obj(&o);
    if (bad) b->n = at;
    return bad || b->bad ? -1 : 0;
}

int wr_direct_document(wr_buf *b, const tl_document *d)
{
    size_t at = b->n;
    obj o = open_obj(b);
    int bad = str(&o, "id", d->id);
    bad |= str_or_null(&o, "source", d->source);
    bad |= str_or_null(&o, "title", d->title);
    bad |= str_or_null(&o, "url", d->url);
    bad |= str_or_null(&o, "dct", d->dct[0] ? d->dct : NULL);
    bad |= str(&o, "dct_from", tl_dct_from_name(d->dct_from));
    close_obj(&o);
    if (bad) b->n = at;
    return bad || b->bad ? -1 : 0;
}

static void parties(obj *o, const char *k, const tl_party *p, size_t n)
{
    key(o, k);
    PUT(o->b, "[");
    for (size_t i = 0; i < n; i++) {
        if (i) PUT(o->b, ", ");
        obj q = open_obj(o->b);
        str(&q, "name", p[i].name);
        str_or_null(&q, "country", p[i].country[0] ? p[i].country : NULL);
        str(&q, "kind", p[i].kind ? p[i].kind : "other");
        close_obj(&q);
    }
    PUT(o->b, "]");
}

int wr_direct_event(wr_buf *b, const annals_timeline *tl, const tl_event *e)
{
    obj o = open_obj(b);
    str(&o, "id", e->id);
    str(&o, "type", e->type);
    str_or_null(&o, "cameo", e->cameo);
    str_or_null(&o, "plover", e->plover);
    str(&o, "modality", e->modality);
    key(&o, "date");
    if (e->has_date) {
        obj d = open_obj(b);
        str(&d, "value", e->date.value);
        str(&d, "precision", e->date.precision);
        str(&d, "start", e->date.start);
        str(&d, "end", e->date.end);
        close_obj(&d);
    } else {
        PUT(b, "null");
    }
    parties(&o, "actors", e->actors, e->nactors);
    parties(&o, "targets", e->targets, e->ntargets);
    key(&o, "location");
    if (e->has_location) {
        obj l = open_obj(b);
        str(&l, "name", e->loc_name);
        str_or_null(&l, "country", e->loc_country[0] ? e->loc_country : NULL);
        close_obj(&l);
    } else {
        PUT(b, "null");
    }
    str_or_null(&o, "summary", e->summary);
    real4(&o, "confidence", e->confidence);
    key(&o, "mentions");
    PUT(b, "[");
    for (size_t i = 0; i < e->nmentions; i++) {
        const tl_mention *m = &e->mentions[i];
        if (i) PUT(b, ", ");
        obj q = open_obj(b);
        str(&q, "doc", tl->docs[m->doc].id);
        integer(&q, "start", m->start);
        integer(&q, "end", m->end);
        str_or_null(&q, "sentence", m->sentence);
        str_or_null(&q, "trigger", m->trigger);
        str_or_null(&q, "date_text", m->date_text);
        close_obj(&q);
    }
    PUT(b, "]");
    close_obj(&o);
    return b->bad ? -1 : 0;
}
