/* JSON Lines of events, parsed two lines at a time: parsing is most of
 * the cost of reading a million events, and lines parse independently.
 * Lines are read in batches, parsed by two threads, then added in order,
 * so the timeline and the first error reported are those of a one-thread
 * loop; memory holds one batch of lines, never the file. */
#include "tlread.h"
#include "../util/err.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define RD_BATCH 2048

typedef struct rd_line {
    char *s;
    size_t n, lineno;
    json_t *o;
    json_error_t je;
} rd_line;

typedef struct rd_part { rd_line *from, *to; } rd_part;

static void *parse_part(void *arg)
{
    rd_part *p = arg;
    for (rd_line *l = p->from; l < p->to; l++) l->o = json_loadb(l->s, l->n, JSON_REJECT_DUPLICATES, &l->je);
    return NULL;
}

/* Reads up to RD_BATCH non-blank lines into b; how many. */
static size_t read_batch(FILE *f, rd_line *b, size_t *lineno, char **line, size_t *cap)
{
    size_t k = 0;
    ssize_t got;
    while (k < RD_BATCH && (got = getline(line, cap, f)) >= 0) {
        ++*lineno;
        size_t n = (size_t)got, i = 0;
        while (i < n && ((*line)[i] == ' ' || (*line)[i] == '\t' || (*line)[i] == '\n' || (*line)[i] == '\r')) i++;
        if (i == n) continue;
        b[k].s = malloc(n);
        if (!b[k].s) break; /* reported as out of memory below */
        memcpy(b[k].s, *line, n);
        b[k].n = n;
        b[k].lineno = *lineno;
        k++;
    }
    return k;
}

int rd_jsonl_rest(annals_timeline *tl, FILE *f, const char *name, size_t lineno, rd_leniency *l,
                  annals_error *err)
{
    rd_line *b = calloc(RD_BATCH, sizeof *b);
    if (!b) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    char *line = NULL;
    size_t cap = 0, k;
    int rc = 0;
    while (rc == 0 && (k = read_batch(f, b, &lineno, &line, &cap)) > 0) {
        rd_part lo = {b, b + k / 2}, hi = {b + k / 2, b + k};
        pthread_t t;
        int threaded = k > 64 && pthread_create(&t, NULL, parse_part, &hi) == 0;
        parse_part(&lo);
        if (threaded) pthread_join(t, NULL);
        else parse_part(&hi);
        for (size_t i = 0; i < k; i++) {
            char where[600];
            snprintf(where, sizeof where, "%s:%zu", name, b[i].lineno);
            if (rc == 0 && !b[i].o)
                rc = rd_bad_line(l, er_set(err, ANNALS_ERR_INPUT, "%s: invalid JSON at column %d: %s", where,
                                           b[i].je.column, b[i].je.text), err);
            else if (rc == 0)
                rc = rd_bad_line(l, rd_line_json(tl, b[i].o, where, err), err);
            json_decref(b[i].o);
            free(b[i].s);
            b[i].o = NULL;
        }
        if (k < RD_BATCH && !feof(f) && !ferror(f) && rc == 0) rc = er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    }
    free(line);
    free(b);
    return rc;
}
