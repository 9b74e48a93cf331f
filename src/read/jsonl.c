/* JSON Lines corpora: one article per line. A bad line is reported as
 * file:line and skipped; the rest goes on. Lines are read whole with
 * getline, so a line of any length is fine. A shard written by `annals
 * shard` (shard.h) is read as the records it carries would have been read
 * in their own files: its directives say which file and line each comes
 * from. */
#include "read.h"
#include "shard.h"
#include "../util/err.h"
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void warn_line(rd_reader *r, const char *name, size_t line, const char *why)
{
    char msg[1024];
    snprintf(msg, sizeof msg, "%s:%zu: %s; skipped", name, line, why);
    if (r->on_warn) r->on_warn(r->ctx, msg);
    r->skipped++;
}

static const char *str_field(const rd_value *v)
{
    return v->kind == RD_STRING ? v->s : NULL;
}

/* The fields of a record jansson read. */
static void fields_of(json_t *o, rd_fields *f)
{
    struct { const char *key; rd_value *v; } map[] = {
        {"text", &f->text}, {"id", &f->id}, {"published", &f->published},
        {"title", &f->title}, {"url", &f->url}, {"source", &f->source}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        json_t *v = json_object_get(o, map[i].key);
        rd_value *d = map[i].v;
        d->kind = !v ? RD_ABSENT : json_is_string(v) ? RD_STRING : json_is_null(v) ? RD_NULL : RD_OTHER;
        d->s = json_is_string(v) ? json_string_value(v) : NULL;
        d->n = json_is_string(v) ? json_string_length(v) : 0;
    }
}

/* One line as a record: 1 with its fields, or 0 with why ("" for a blank
 * line, which is no record). The line is repaired in place first (a
 * byte-order mark skipped, half surrogate pairs made U+FFFD: jsonfix.c);
 * *fixed counts the repairs. With buf (n + 1 bytes), the usual record is
 * read by rd_fast_record into it; otherwise, or when that gives up,
 * jansson reads it and *o holds what the fields point into (to be
 * released with json_decref). */
static int parse_record(char *line, size_t n, char *why, size_t whylen, size_t *fixed, char *buf,
                        rd_fields *f, json_t **o)
{
    size_t k = rd_skip_bom(line, n); /* a file saved by a Windows editor */
    line += k;
    n -= k;
    k = 0;
    *fixed = 0;
    *o = NULL;
    while (k < n && (line[k] == ' ' || line[k] == '\t')) k++;
    why[0] = '\0';
    if (k == n) return 0; /* blank lines are not records */
    *fixed = rd_fix_surrogates(line, n);
    if (buf && rd_fast_record(line, n, buf, f)) return 1;
    json_error_t je;
    *o = json_loadb(line, n, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
    if (!*o) {
        snprintf(why, whylen, "invalid JSON at column %d: %s", je.column, je.text);
        return 0;
    }
    if (!json_is_object(*o) || !json_is_string(json_object_get(*o, "text"))) {
        snprintf(why, whylen, "%s", json_is_object(*o) ? "no string \"text\" field" : "not a JSON object");
        json_decref(*o);
        *o = NULL;
        return 0;
    }
    fields_of(*o, f);
    return 1;
}

/* A record's id: its "id", else the file's base name and the line number
 * (in fallback, of RD_ID_MAX bytes). */
#define RD_ID_MAX (64 + 32)
static const char *record_id(const rd_fields *f, const char *base, size_t lineno, char *fallback)
{
    const char *id = str_field(&f->id);
    if (id) return id;
    snprintf(fallback, RD_ID_MAX, "%.64s-%zu", base, lineno);
    return fallback;
}

int rd_record_check(const char *line, size_t n, const char *name, size_t lineno, char **id, char *why,
                    size_t whylen)
{
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
    char *copy = malloc(n + 1); /* repairs work in place; the caller's line is carried verbatim */
    if (!copy) {
        snprintf(why, whylen, "out of memory");
        return -1;
    }
    if (n) memcpy(copy, line, n);
    size_t fixed;
    rd_fields f;
    json_t *o;
    int ok = parse_record(copy, n, why, whylen, &fixed, NULL, &f, &o);
    if (ok && id) {
        char *base = rd_base_id(name), fallback[RD_ID_MAX];
        *id = base ? strdup(record_id(&f, base, lineno, fallback)) : NULL;
        free(base);
    }
    json_decref(o);
    free(copy);
    return ok ? 1 : why[0] ? -1 : 0;
}

/* One record line (n bytes, no newline), line `lineno` of `name`; buf
 * has room for its strings (n + 1 bytes). */
static int record(rd_reader *r, char *line, size_t n, char *buf, const char *name, const char *base,
                  size_t lineno, const char *given_id)
{
    char why[300];
    size_t fixed;
    rd_fields f;
    json_t *o;
    int ok = parse_record(line, n, why, sizeof why, &fixed, buf, &f, &o);
    if (fixed && r->on_warn) {
        char msg[700];
        snprintf(msg, sizeof msg, "%s:%zu: %zu broken \\u escape%s (half a surrogate pair) read as U+FFFD",
                 name, lineno, fixed, fixed == 1 ? "" : "s");
        r->on_warn(r->ctx, msg);
    }
    if (!ok) {
        if (why[0]) warn_line(r, name, lineno, why);
        return 0;
    }
    char fallback[RD_ID_MAX]; /* no "id": the base name, made unique by line number */
    const char *id = given_id ? given_id : record_id(&f, base, lineno, fallback);
    char where[600];
    snprintf(where, sizeof where, "%s:%zu", name, lineno);
    if (f.published.kind == RD_OTHER) {
        char msg[700];
        snprintf(msg, sizeof msg, "%s: \"published\" is not a string; ignored", where);
        if (r->on_warn) r->on_warn(r->ctx, msg);
    }
    const char *source = str_field(&f.source);
    annals_article a = {.id = id,
                        .text = f.text.s,
                        .text_len = f.text.n,
                        .published = str_field(&f.published),
                        .title = str_field(&f.title),
                        .url = str_field(&f.url),
                        .source = source ? source : where};
    r->articles++;
    int stop = r->on_article(r->ctx, &a, where);
    json_decref(o);
    if (stop) r->stopped = 1;
    return stop ? -1 : 0;
}

/* A shard's "#text NAME LEN": the next len bytes of f, then a newline,
 * are the plain-text article NAME. */
static int shard_text(rd_reader *r, FILE *f, const char *shard, size_t *phys, const char *name,
                      uint64_t len, const char *id, annals_error *err)
{
    /* the buffer grows as the bytes come: a damaged length meets the end
     * of the file, not a huge allocation */
    size_t cap = len < 65536 ? (size_t)len : 65536, got = 0;
    char *buf = malloc(cap + 1);
    if (!buf) return er_set(err, ANNALS_ERR_NOMEM, "%s: out of memory", name);
    while (got < len) {
        if (got == cap) {
            size_t ncap = len - cap < cap ? (size_t)len : cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) { free(buf); return er_set(err, ANNALS_ERR_NOMEM, "%s: out of memory", name); }
            buf = nb;
            cap = ncap;
        }
        size_t k = fread(buf + got, 1, cap - got, f);
        if (k == 0) break;
        got += k;
    }
    int nl = got == len ? fgetc(f) : EOF;
    if (got != len || nl != '\n') {
        char why[300];
        snprintf(why, sizeof why, "the text of %.200s is cut short", name);
        warn_line(r, shard, *phys, why);
        free(buf);
        return 1; /* the rest of the shard cannot be trusted */
    }
    buf[len] = '\0';
    for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + len - p))); p++) ++*phys;
    ++*phys; /* the line end after the text */
    int rc = rd_text_article(r, buf, (size_t)len, name, id, err);
    free(buf);
    return rc;
}

int rd_jsonl(rd_reader *r, FILE *f, const char *name, annals_error *err)
{
    char *line = NULL, *buf = NULL; /* buf: the strings of a record, as decoded */
    size_t cap = 0, bufcap = 0, lineno = 0, phys = 0; /* lineno: of `cur`; phys: of this file */
    ssize_t got;
    int rc = 0, shard = 0, verbatim = 0;
    char *base = rd_base_id(name), *from = NULL, *given = NULL; /* given: a #id's */
    const char *cur = name; /* the file the next record comes from */
    if (!base) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    errno = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        phys++;
        size_t n = (size_t)got;
        if (phys == 1 && rd_shard_is_header(line, n)) {
            shard = 1;
            continue;
        }
        if (shard && !verbatim && n && line[0] == '#') {
            rd_directive d;
            int kind = rd_shard_parse(line, n, &d);
            if (kind == RD_DIRECTIVE_FROM) {
                char *nb = rd_base_id(d.name);
                if (!nb) { free(d.name); rc = er_set(err, ANNALS_ERR_NOMEM, "out of memory"); break; }
                free(base);
                free(from);
                base = nb;
                cur = from = d.name;
                lineno = (size_t)d.num - 1;
            } else if (kind == RD_DIRECTIVE_TEXT) {
                rc = shard_text(r, f, name, &phys, d.name, d.num, given, err);
                free(d.name);
                free(given);
                given = NULL;
                if (rc) { rc = rc < 0 ? -1 : 0; break; }
            } else if (kind == RD_DIRECTIVE_VERBATIM) {
                verbatim = 1;
            } else if (kind == RD_DIRECTIVE_ID) {
                free(given);
                given = d.name;
            } else if (kind < 0) {
                rc = er_set(err, ANNALS_ERR_NOMEM, "out of memory");
                break;
            } else {
                warn_line(r, name, phys, "not a shard directive (#from, #text, #verbatim or #id)");
            }
            errno = 0;
            continue;
        }
        verbatim = 0;
        lineno++;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        size_t k = 0;
        while (k < n && (line[k] == ' ' || line[k] == '\t')) k++;
        int blank = k == n;
        if (bufcap < n + 1) {
            char *nb = realloc(buf, n + 1);
            if (!nb) { rc = er_set(err, ANNALS_ERR_NOMEM, "out of memory"); break; }
            buf = nb;
            bufcap = n + 1;
        }
        rc = record(r, line, n, buf, cur, base, lineno, given);
        if (bufcap > ((size_t)1 << 22)) { /* one huge record is not kept for the rest */
            free(buf);
            buf = NULL;
            bufcap = 0;
        }
        if (!blank) { /* a #id is for the next record, not for a blank line */
            free(given);
            given = NULL;
        }
        if (rc) {
            rc = -1;
            break;
        }
        errno = 0;
    }
    if (rc == 0 && ferror(f)) {
        char why[300];
        snprintf(why, sizeof why, "read error: %s", strerror(errno));
        warn_line(r, name, phys + 1, why);
    }
    free(line);
    free(buf);
    free(base);
    free(from);
    free(given);
    return rc;
}
