/* Loading grammar sets: the built-in English files, or a directory. */
#include "grammars.h"
#include "builtin.h"
#include "../read/read.h"
#include "../event/event.h"
#include "../timex/timex.h"
#include "../util/err.h"
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *annals_version(void) { return ANNALS_VERSION; }

static int starts_ends(const char *name, const char *pre, const char *suf)
{
    size_t n = strlen(name), p = strlen(pre), s = strlen(suf);
    return n >= p + s && strncmp(name, pre, p) == 0 && strcmp(name + n - s, suf) == 0;
}

static annals_grammars *new_set(annals_error *err)
{
    annals_grammars *g = calloc(1, sizeof *g);
    if (!g) {
        er_set(err, ANNALS_ERR_NOMEM, "out of memory");
        return NULL;
    }
    gm_init(&g->dates);
    gm_init(&g->events);
    gz_init(&g->gaz);
    g->dct = rd_dct_rules_new();
    if (!g->dct) {
        er_set(err, ANNALS_ERR_GRAMMAR, "built-in dateline patterns failed to compile");
        annals_grammars_free(g);
        return NULL;
    }
    return g;
}

/* Parses one file into the grammar it belongs to (by its name). */
static int add_file(annals_grammars *g, const char *path, const char *base,
                    const char *data, size_t len, annals_error *err)
{
    if (starts_ends(base, "dates", ".gram")) return gm_parse(&g->dates, path, data, len, err);
    if (starts_ends(base, "events", ".gram")) return gm_parse(&g->events, path, data, len, err);
    if (starts_ends(base, "", ".tsv")) return gz_load(&g->gaz, path, base, data, len, err);
    return 0; /* other files belong to later stages */
}

/* Compiles and checks what only the date stage can know: types and the
 * normalisation functions that rules name. */
static int finish(annals_grammars *g, annals_error *err)
{
    if (gm_compile(&g->dates, err)) return -1;
    static const char *const types[] = {"DATE", "TIME", "DURATION", "SET"};
    for (size_t i = 0; i < g->dates.nrules; i++) {
        const gm_rule *r = &g->dates.rules[i];
        if (r->kind != GM_RULE) continue;
        int ok = 0;
        for (int k = 0; k < 4; k++) ok |= strcmp(r->type, types[k]) == 0;
        if (!ok)
            return er_set(err, ANNALS_ERR_GRAMMAR,
                          "%s:%d:1: rule %s: type %s is not DATE, TIME, DURATION or SET",
                          r->file, r->line, r->name, r->type);
        if (!tx_function_known(r->func))
            return er_set(err, ANNALS_ERR_GRAMMAR, "%s:%d:%d: rule %s: unknown function %s()",
                          r->file, r->value_line, r->value_col, r->name, r->func);
    }
    if (gm_compile(&g->events, err)) return -1;
    for (size_t i = 0; i < g->events.nrules; i++) {
        const gm_rule *r = &g->events.rules[i];
        if (r->kind != GM_RULE) continue;
        if (!ev_type_find(r->type))
            return er_set(err, ANNALS_ERR_GRAMMAR,
                          "%s:%d:1: rule %s: %s is not one of the 18 event types", r->file,
                          r->line, r->name, r->type);
        if (!ev_function_known(r->func))
            return er_set(err, ANNALS_ERR_GRAMMAR, "%s:%d:%d: rule %s: unknown function %s()",
                          r->file, r->value_line, r->value_col, r->name, r->func);
    }
    return 0;
}

/* The built-in files go to two halves that share nothing: the grammars,
 * and the gazetteers (as long to load as both grammars to compile). Each
 * half adds its files in order and stops at the first that fails (bad:
 * its index); the grammars' half then compiles. */
typedef struct half {
    annals_grammars *g;
    int gaz;      /* which half */
    size_t bad;   /* the failing file, or SIZE_MAX */
    int compiled; /* 0, or -1: compilation failed */
    annals_error err;
} half;

static void *run_half(void *p)
{
    half *h = p;
    h->bad = SIZE_MAX;
    h->compiled = 0;
    for (size_t i = 0; lb_builtin_files[i].name; i++) {
        const lb_file *f = &lb_builtin_files[i];
        if (starts_ends(f->name, "", ".tsv") != h->gaz) continue;
        char path[300];
        snprintf(path, sizeof path, "<built-in>/%s", f->name);
        if (add_file(h->g, path, f->name, f->data, f->len, &h->err)) {
            h->bad = i;
            return NULL;
        }
    }
    if (!h->gaz) h->compiled = finish(h->g, &h->err);
    return NULL;
}

/* Start-up is most of the time of a short run: the halves load on two
 * threads (when no thread starts, one after the other here). The error
 * is the one a run in file order gives: the first failing file, else
 * the compilation's. */
annals_grammars *annals_grammars_builtin(annals_error *err)
{
    annals_grammars *g = new_set(err);
    if (!g) return NULL;
    half gr = {.g = g, .gaz = 0}, gz = {.g = g, .gaz = 1};
    pthread_t t;
    int threaded = pthread_create(&t, NULL, run_half, &gz) == 0;
    run_half(&gr);
    if (threaded) pthread_join(t, NULL);
    else run_half(&gz);
    const half *failed = gr.bad < gz.bad ? &gr : gz.bad < gr.bad ? &gz : gr.compiled ? &gr : NULL;
    if (!failed) return g;
    if (err) *err = failed->err;
    annals_grammars_free(g);
    return NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

annals_grammars *annals_grammars_load(const char *dir, annals_error *err)
{
    DIR *d = opendir(dir);
    if (!d) {
        if (errno == ENOTDIR)
            er_set(err, ANNALS_ERR_IO,
                   "%s: not a directory: give the directory that holds the *.gram and *.tsv files", dir);
        else
            er_set(err, ANNALS_ERR_IO, "%s: %s", dir, strerror(errno));
        return NULL;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!starts_ends(de->d_name, "", ".gram") && !starts_ends(de->d_name, "", ".tsv")) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(names, cap * sizeof *names);
            if (!nn) break;
            names = nn;
        }
        if (!(names[n] = strdup(de->d_name))) break;
        n++;
    }
    closedir(d);
    annals_grammars *g = NULL;
    if (n == 0) {
        er_set(err, ANNALS_ERR_GRAMMAR, "%s: no grammar files (*.gram, *.tsv) here", dir);
        goto out;
    }
    qsort(names, n, sizeof *names, cmp_str);
    g = new_set(err);
    for (size_t i = 0; g && i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "rb");
        char *data;
        size_t len;
        if (!f) {
            er_set(err, ANNALS_ERR_IO, "%s: %s", path, strerror(errno));
            annals_grammars_free(g);
            g = NULL;
            break;
        }
        int rc = rd_slurp(f, path, &data, &len, err);
        fclose(f);
        if (rc == 0) {
            rc = add_file(g, path, names[i], data, len, err);
            free(data);
        }
        if (rc) {
            annals_grammars_free(g);
            g = NULL;
        }
    }
    if (g && finish(g, err)) {
        annals_grammars_free(g);
        g = NULL;
    }
out:
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return g;
}

size_t annals_grammars_rules(const annals_grammars *g)
{
    return g ? g->dates.nrules + g->events.nrules : 0;
}

void annals_grammars_free(annals_grammars *g)
{
    if (!g) return;
    rd_dct_rules_free(g->dct);
    gm_free(&g->dates);
    gm_free(&g->events);
    gz_free(&g->gaz);
    free(g);
}

const char *annals_grammars_warning(const annals_grammars *g, size_t i, char *buf, size_t cap)
{
    if (!g || !buf || !cap) return NULL;
    const gm_grammar *gs[2] = {&g->dates, &g->events};
    for (int k = 0; k < 2; k++)
        for (size_t j = 0; j < gs[k]->nrules; j++) {
            const gm_rule *r = &gs[k]->rules[j];
            if (!r->anchor_unseen || i--) continue;
            snprintf(buf, cap,
                     "%s:%d: rule %s: none of its anchor words (%s) is written in its pattern; "
                     "the rule is tried only where one of them is",
                     r->file, r->anchor_line, r->name, r->anchor);
            return buf;
        }
    return NULL;
}
