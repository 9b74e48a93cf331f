#include "read.h"
#include "../util/err.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void warn(rd_reader *r, const char *fmt, const char *a, const char *b)
{
    char msg[1024];
    snprintf(msg, sizeof msg, fmt, a, b);
    if (r->on_warn) r->on_warn(r->ctx, msg);
}

int rd_check_paths(char *const *paths, size_t n, annals_error *err)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(paths[i], "-") == 0) continue;
        struct stat st;
        if (stat(paths[i], &st) != 0)
            return er_set(err, ANNALS_ERR_IO, "%s: %s", paths[i], strerror(errno));
        if (access(paths[i], R_OK) != 0)
            return er_set(err, ANNALS_ERR_IO, "%s: %s", paths[i], strerror(errno));
        if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) &&
            !S_ISCHR(st.st_mode))
            return er_set(err, ANNALS_ERR_IO, "%s: not a file or directory", paths[i]);
    }
    return 0;
}

int rd_slurp(FILE *f, const char *name, char **buf, size_t *len, annals_error *err)
{
    size_t cap = 64 * 1024, n = 0;
    char *b = malloc(cap + 1);
    if (!b) return er_set(err, ANNALS_ERR_NOMEM, "%s: out of memory", name);
    for (;;) {
        if (n == cap) {
            if (cap > ((size_t)1 << 40)) {
                free(b);
                return er_set(err, ANNALS_ERR_IO, "%s: too large", name);
            }
            char *nb = realloc(b, cap * 2 + 1);
            if (!nb) { free(b); return er_set(err, ANNALS_ERR_NOMEM, "%s: out of memory", name); }
            b = nb;
            cap *= 2;
        }
        size_t got = fread(b + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    if (ferror(f)) {
        int e = errno;
        free(b);
        return er_set(err, ANNALS_ERR_IO, "%s: read error: %s", name, strerror(e));
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return 0;
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && strcmp(s + n - k, suf) == 0;
}

int rd_text_article(rd_reader *r, const char *text, size_t len, const char *name, const char *given_id,
                    annals_error *err)
{
    int is_stdin = strcmp(name, "-") == 0;
    char *id = given_id ? strdup(given_id) : is_stdin ? strdup("stdin") : rd_base_id(name);
    char *title = NULL;
    size_t ts, tn;
    if (rd_guess_title(text, len, &ts, &tn)) title = strndup(text + ts, tn);
    annals_article a = {.id = id, .text = text, .text_len = len,
                        .title = title, .source = is_stdin ? "stdin" : name};
    int rc = 0;
    if (!id) rc = er_set(err, ANNALS_ERR_NOMEM, "%s: out of memory", name);
    else {
        r->articles++;
        if (r->on_article(r->ctx, &a, name)) {
            r->stopped = 1;
            rc = -1;
        }
    }
    free(title);
    free(id);
    return rc;
}

/* A whole plain-text article from f. */
static int read_text(rd_reader *r, FILE *f, const char *name, annals_error *err)
{
    char *text;
    size_t len;
    if (rd_slurp(f, name, &text, &len, err)) {
        /* An unreadable file is skipped with a warning, not fatal. */
        if (err && err->code == ANNALS_ERR_IO) {
            warn(r, "%s%s", err->message, "");
            r->skipped++;
            return 0;
        }
        return -1;
    }
    int rc = rd_text_article(r, text, len, name, NULL, err);
    free(text);
    return rc;
}

int rd_is_jsonl(const rd_reader *r, const char *path)
{
    return r->format == RD_JSONL || (r->format == RD_AUTO && ends_with(path, ".jsonl"));
}

static int read_file(rd_reader *r, const char *path, annals_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        warn(r, "%s: %s", path, strerror(errno));
        r->skipped++;
        return 0;
    }
    int rc = rd_is_jsonl(r, path) ? rd_jsonl(r, f, is_stdin ? "stdin" : path, err)
                   : read_text(r, f, path, err);
    if (!is_stdin) fclose(f);
    return rc;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Directories: *.txt and *.jsonl, recursively, in name order so that a
 * run is the same on every machine. */
static int read_dir(rd_reader *r, const char *path, int depth, rd_file_fn fn, annals_error *err)
{
    if (depth > 64) {
        warn(r, "%s: %s", path, "directories nested too deep; skipped");
        r->skipped++;
        return 0;
    }
    DIR *dir = opendir(path);
    if (!dir) {
        warn(r, "%s: %s", path, strerror(errno));
        r->skipped++;
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    int rc = 0;
    while ((de = readdir(dir))) {
        if (de->d_name[0] == '.') continue; /* ., .. and hidden files */
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *names);
            if (!nn) { rc = er_set(err, ANNALS_ERR_NOMEM, "out of memory"); break; }
            names = nn;
        }
        size_t len = strlen(path) + strlen(de->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) { rc = er_set(err, ANNALS_ERR_NOMEM, "out of memory"); break; }
        snprintf(names[n], len, "%s%s%s", path, ends_with(path, "/") ? "" : "/", de->d_name);
        n++;
    }
    closedir(dir);
    if (rc == 0 && n) qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n && rc == 0; i++) {
        struct stat st;
        if (stat(names[i], &st) != 0) continue;
        if (S_ISDIR(st.st_mode))
            rc = read_dir(r, names[i], depth + 1, fn, err);
        else if (S_ISREG(st.st_mode) && (ends_with(names[i], ".txt") || ends_with(names[i], ".jsonl")))
            rc = fn(r, names[i], err);
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return rc;
}

int rd_walk_paths(rd_reader *r, char *const *paths, size_t n, rd_file_fn fn, annals_error *err)
{
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        int rc;
        if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
            rc = read_dir(r, paths[i], 0, fn, err);
        else
            rc = fn(r, paths[i], err);
        if (rc) return rc;
    }
    return 0;
}

int rd_read_paths(rd_reader *r, char *const *paths, size_t n, annals_error *err)
{
    return rd_walk_paths(r, paths, n, read_file, err);
}
