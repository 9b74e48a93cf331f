/* JSON Lines corpora: one article a line. A bad line is reported as
 * file:line and skipped; the rest goes on. Lines are read whole with
 * getline, so a line of any length is fine. */
#include "read.h"
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

int rd_jsonl(rd_reader *r, FILE *f, const char *name, annals_error *err)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t got;
    int rc = 0;
    char *base = rd_base_id(name);
    if (!base) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    errno = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t n = (size_t)got;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        size_t k = rd_skip_bom(line, n); /* a BOM: a file saved by a Windows editor */
        char *rec = line + k;
        n -= k;
        k = 0;
        while (k < n && (rec[k] == ' ' || rec[k] == '\t')) k++;
        if (k == n) continue; /* blank lines are not records */
        size_t fixed = rd_fix_surrogates(rec, n);
        if (fixed && r->on_warn) {
            char msg[700];
            snprintf(msg, sizeof msg, "%s:%zu: %zu broken \\u escape%s (half a surrogate pair) read as U+FFFD",
                     name, lineno, fixed, fixed == 1 ? "" : "s");
            r->on_warn(r->ctx, msg);
        }
        json_error_t je;
        json_t *o = json_loadb(rec, n, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
        if (!o) {
            char why[300];
            snprintf(why, sizeof why, "invalid JSON at column %d: %s", je.column, je.text);
            warn_line(r, name, lineno, why);
            continue;
        }
        json_t *text = json_object_get(o, "text");
        if (!json_is_object(o) || !json_is_string(text)) {
            warn_line(r, name, lineno, json_is_object(o) ? "no string \"text\" field"
                                                         : "not a JSON object");
            json_decref(o);
            continue;
        }
        const char *id = str_field(o, "id");
        char fallback[64 + 32];
        if (!id) { /* the base name, made unique by line number */
            snprintf(fallback, sizeof fallback, "%.64s-%zu", base, lineno);
            id = fallback;
        }
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
        if (stop) {
            r->stopped = 1;
            rc = -1;
            break;
        }
        errno = 0;
    }
    if (rc == 0 && ferror(f)) {
        char why[300];
        snprintf(why, sizeof why, "read error: %s", strerror(errno));
        warn_line(r, name, lineno + 1, why);
    }
    free(line);
    free(base);
    return rc;
}
