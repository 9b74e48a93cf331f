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

static const char *str_field(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* One line as a record: the object, or NULL with why ("" for a blank
 * line, which is no record). The line is repaired in place first (a
 * byte-order mark skipped, half surrogate pairs made U+FFFD: jsonfix.c);
 * *fixed counts the repairs. */
static json_t *parse_record(char *line, size_t n, char *why, size_t whylen, size_t *fixed)
{
    size_t k = rd_skip_bom(line, n); /* a file saved by a Windows editor */
    line += k;
    n -= k;
    k = 0;
    *fixed = 0;
    while (k < n && (line[k] == ' ' || line[k] == '\t')) k++;
    why[0] = '\0';
    if (k == n) return NULL; /* blank lines are not records */
    *fixed = rd_fix_surrogates(line, n);
    json_error_t je;
    json_t *o = json_loadb(line, n, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
    if (!o) {
        snprintf(why, whylen, "invalid JSON at column %d: %s", je.column, je.text);
        return NULL;
    }
    if (!json_is_object(o) || !json_is_string(json_object_get(o, "text"))) {
        snprintf(why, whylen, "%s", json_is_object(o) ? "no string \"text\" field" : "not a JSON object");
        json_decref(o);
        return NULL;
    }
    return o;
}

/* A record's id: its "id", else the file's base name and the line number
 * (in fallback, of RD_ID_MAX bytes). */
#define RD_ID_MAX (64 + 32)
static const char *record_id(json_t *o, const char *base, size_t lineno, char *fallback)
{
    const char *id = str_field(o, "id");
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
    json_t *o = parse_record(copy, n, why, whylen, &fixed);
    if (o && id) {
        char *base = rd_base_id(name), fallback[RD_ID_MAX];
        *id = base ? strdup(record_id(o, base, lineno, fallback)) : NULL;
        free(base);
    }
    json_decref(o);
    free(copy);
    return o ? 1 : why[0] ? -1 : 0;
}

/* One record line (n bytes, no newline), line `lineno` of `name`. */
static int record(rd_reader *r, char *line, size_t n, const char *name, const char *base,
                  size_t lineno, const char *given_id)
{
    char why[300];
    size_t fixed;
    json_t *o = parse_record(line, n, why, sizeof why, &fixed);
    if (fixed && r->on_warn) {
        char msg[700];
        snprintf(msg, sizeof msg, "%s:%zu: %zu broken \\u escape%s (half a surrogate pair) read as U+FFFD",
                 name, lineno, fixed, fixed == 1 ? "" : "s");
        r->on_warn(r->ctx, msg);
    }
    if (!o) {
        if (why[0]) warn_line(r, name, lineno, why);
        return 0;
    }
    json_t *text = json_object_get(o, "text");
    char fallback[RD_ID_MAX]; /* no "id": the base name, made unique by line number */
    const char *id = given_id ? given_id : record_id(o, base, lineno, fallback);
    char where[600];
    snprintf(where, sizeof where, "%s:%zu", name, lineno);
    json_t *pub = json_object_get(o, "published");
    if (pub && !json_is_null(pub) && !json_is_string(pub)) {
        char msg[700];
        snprintf(msg, sizeof msg, "%s: \"published\" is not a string; ignored", where);
        if (r->on_warn) r->on_warn(r->ctx, msg);
    }
    const char *source = str_field(o, "source");
    annals_article a = {.id = id,
                        .text = json_string_value(text),
                        .text_len = json_string_length(text),
                        .published = str_field(o, "published"),
                        .title = str_field(o, "title"),
                        .url = str_field(o, "url"),
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
    char *line = NULL;
    size_t cap = 0, lineno = 0, phys = 0; /* lineno: of `cur`; phys: of this file */
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
        rc = record(r, line, n, cur, base, lineno, given);
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
    free(base);
    free(from);
    free(given);
    return rc;
}
