/* The grammar file parser: one line at a time, every error reported as
 * file:line:col. The format is described in docs/grammar.md. */
#include "gram.h"
#include "../util/word.h"
#include "../util/err.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void gm_init(gm_grammar *g)
{
    memset(g, 0, sizeof *g);
    ar_init(&g->mem, 64 * 1024);
    sm_init(&g->macros);
    sm_init(&g->anchors);
    (void)sm_filter(&g->anchors); /* every word of a text is looked up: most miss */
    pthread_mutex_init(&g->jit_lock, NULL);
}

void gm_free(gm_grammar *g)
{
    for (size_t i = 0; i < g->nrules; i++) pcre2_code_free(g->rules[i].re);
    for (size_t i = 0; i < g->ntables; i++) {
        sm_free(&g->tables[i].map);
        free(g->tables[i].values);
    }
    free(g->rules);
    free(g->tables);
    free(g->macro_src);
    free(g->macro_where);
    sm_free(&g->macros);
    sm_free(&g->anchors);
    free(g->always);
    free(g->digit);
    free(g->quote);
    free(g->sets);
    pcre2_match_context_free(g->mctx);
    pthread_mutex_destroy(&g->jit_lock);
    ar_free(&g->mem);
    memset(g, 0, sizeof *g);
}

static int grow(void **arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap) return 0;
    size_t nc = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, nc * elem);
    if (!p) return -1;
    *arr = p;
    *cap = nc;
    return 0;
}

typedef struct parser {
    gm_grammar *g;
    const char *file;
    int line;
    annals_error *err;
    enum { IN_NONE, IN_TABLE, IN_RULE } block;
    gm_rule *rule;     /* the rule being read (index into g->rules) */
    size_t rule_idx;
    gm_table *table;
    char *pattern;     /* patterns of the current rule, joined by | */
    size_t pattern_len;
} parser;

static int fail(parser *p, size_t col, const char *fmt, const char *arg)
{
    char what[400];
    snprintf(what, sizeof what, fmt, arg);
    return er_set(p->err, ANNALS_ERR_GRAMMAR, "%s:%d:%zu: %s", p->file, p->line, col, what);
}

static int is_ident(const char *s, size_t n, int upper)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int ok = c == '_' || (upper ? (isupper(c) || (i && isdigit(c)))
                                    : (isalnum(c) || c == '-' || c == '.'));
        if (!ok) return 0;
    }
    return 1;
}

static char *dup(parser *p, const char *s, size_t n) { return ar_strndup(&p->g->mem, s, n); }

/* Ends the current block, checking that a rule has what it needs. */
static int close_block(parser *p)
{
    if (p->block == IN_RULE) {
        gm_rule *r = &p->g->rules[p->rule_idx];
        int saved = p->line;
        p->line = r->line;
        if (!p->pattern) {
            p->block = IN_NONE;
            return fail(p, 1, "%s has no 'pattern'", r->name);
        }
        if (r->kind == GM_RULE && !r->has_value) {
            p->block = IN_NONE;
            return fail(p, 1, "rule %s has no 'value'", r->name);
        }
        if (r->kind == GM_RULE && !r->type) {
            p->block = IN_NONE;
            return fail(p, 1, "rule %s has no 'type'", r->name);
        }
        p->line = saved;
        r->pattern = dup(p, p->pattern, p->pattern_len);
        free(p->pattern);
        p->pattern = NULL;
        p->pattern_len = 0;
        if (!r->pattern) return er_set(p->err, ANNALS_ERR_NOMEM, "out of memory");
    }
    p->block = IN_NONE;
    return 0;
}

/* value FUNC(arg, "literal", -1) */
static int parse_value(parser *p, gm_rule *r, const char *s, size_t n, size_t col)
{
    size_t i = 0;
    while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_')) i++;
    if (i == 0) return fail(p, col, "expected a function name after 'value'%s", "");
    r->func = dup(p, s, i);
    while (i < n && s[i] == ' ') i++;
    if (i >= n || s[i] != '(') return fail(p, col + i, "expected '(' after %s", r->func);
    i++;
    r->nargs = 0;
    for (;;) {
        while (i < n && s[i] == ' ') i++;
        if (i < n && s[i] == ')' && r->nargs == 0) { i++; break; }
        if (r->nargs == GM_MAX_ARGS) return fail(p, col + i, "too many arguments (at most 8)%s", "");
        gm_arg *a = &r->args[r->nargs];
        memset(a, 0, sizeof *a);
        if (i < n && s[i] == '"') {
            size_t j = i + 1;
            while (j < n && s[j] != '"') j++;
            if (j >= n) return fail(p, col + i, "unterminated string%s", "");
            a->kind = GM_ARG_STRING;
            a->text = dup(p, s + i + 1, j - i - 1);
            i = j + 1;
        } else if (i < n && (isdigit((unsigned char)s[i]) || s[i] == '-' || s[i] == '+')) {
            char *end;
            a->kind = GM_ARG_NUMBER;
            a->num = strtol(s + i, &end, 10);
            if (end == s + i || (size_t)(end - s) > n) return fail(p, col + i, "bad number%s", "");
            a->text = dup(p, s + i, (size_t)(end - (s + i)));
            i = (size_t)(end - s);
        } else {
            size_t j = i;
            while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '_')) j++;
            if (j == i) return fail(p, col + i, "expected a capture name, a \"string\" or a number%s", "");
            a->kind = GM_ARG_CAPTURE;
            a->text = dup(p, s + i, j - i);
            i = j;
        }
        r->nargs++;
        while (i < n && s[i] == ' ') i++;
        if (i < n && s[i] == ',') { i++; continue; }
        if (i < n && s[i] == ')') { i++; break; }
        return fail(p, col + i, "expected ',' or ')'%s", "");
    }
    while (i < n && s[i] == ' ') i++;
    if (i != n) return fail(p, col + i, "unexpected text after ')'%s", "");
    r->has_value = 1;
    return 0;
}

/* A whole number from lo to hi, into *out; else "what, not 'val'". */
static int int_attr(parser *p, const char *val, size_t vn, size_t vcol, long lo, long hi,
                    const char *what, int *out)
{
    char buf[32], fmt[160];
    char *end;
    snprintf(fmt, sizeof fmt, "%s, not '%%s'", what);
    if (vn >= sizeof buf) return fail(p, vcol, fmt, "(too long)");
    memcpy(buf, val, vn);
    buf[vn] = '\0';
    long v = strtol(buf, &end, 10);
    if (!vn || *end || v < lo || v > hi) return fail(p, vcol, fmt, buf);
    *out = (int)v;
    return 0;
}

static int rule_attr(parser *p, const char *key, size_t kn, const char *val, size_t vn,
                     size_t kcol, size_t vcol)
{
    gm_rule *r = &p->g->rules[p->rule_idx];
    if (kn == 7 && memcmp(key, "pattern", 7) == 0) {
        if (!vn) return fail(p, vcol, "empty pattern%s", "");
        /* Several pattern lines are alternatives. */
        size_t add = vn + 8;
        char *np = realloc(p->pattern, p->pattern_len + add + 1);
        if (!np) return er_set(p->err, ANNALS_ERR_NOMEM, "out of memory");
        p->pattern = np;
        p->pattern_len += (size_t)sprintf(np + p->pattern_len, "%s(?:%.*s)",
                                          p->pattern_len ? "|" : "", (int)vn, val);
        if (!r->pattern_line) {
            r->pattern_line = p->line;
            r->pattern_col = (int)vcol;
        }
        return 0;
    }
    if (kn == 4 && memcmp(key, "type", 4) == 0) {
        if (!is_ident(val, vn, 0)) return fail(p, vcol, "bad type '%s'", dup(p, val, vn));
        r->type = dup(p, val, vn);
        return 0;
    }
    if (kn == 5 && memcmp(key, "value", 5) == 0) {
        if (r->kind == GM_SUPPRESS) return fail(p, kcol, "a suppression has no value%s", "");
        r->value_line = p->line;
        r->value_col = (int)vcol;
        return parse_value(p, r, val, vn, vcol);
    }
    if (kn == 6 && memcmp(key, "anchor", 6) == 0) {
        if (!vn) return fail(p, vcol, "anchor needs words, prefix*, table:NAME, DIGIT or QUOTE%s", "");
        /* several anchor lines add up */
        size_t old = r->anchor ? strlen(r->anchor) : 0;
        char *a = ar_alloc(&p->g->mem, old + vn + 2);
        if (!a) return er_set(p->err, ANNALS_ERR_NOMEM, "out of memory");
        if (old) memcpy(a, r->anchor, old), a[old++] = ' ';
        memcpy(a + old, val, vn);
        a[old + vn] = '\0';
        r->anchor = a;
        r->anchor_line = p->line;
        return 0;
    }
    if (kn == 8 && memcmp(key, "priority", 8) == 0)
        return int_attr(p, val, vn, vcol, -1000, 1000, "priority must be a number from -1000 to 1000",
                        &r->priority);
    if (kn == 5 && memcmp(key, "reach", 5) == 0)
        return int_attr(p, val, vn, vcol, 1, GM_CHUNK,
                        "reach must be a number of bytes from 1 to 4096", &r->reach);
    return fail(p, kcol, "unknown attribute '%s' (pattern, type, value, priority, anchor, reach)",
                dup(p, key, kn));
}

static int table_row(parser *p, const char *s, size_t n, size_t col)
{
    size_t k = n;
    while (k > 0 && s[k - 1] != ' ' && s[k - 1] != '\t') k--;
    size_t kend = k;
    while (kend > 0 && (s[kend - 1] == ' ' || s[kend - 1] == '\t')) kend--;
    if (kend == 0) return fail(p, col, "a table row needs a key and a value%s", "");
    gm_table *t = p->table;
    char key[256];
    if (kend >= sizeof key) return fail(p, col, "key too long%s", "");
    for (size_t i = 0; i < kend; i++) /* ASCII, as gm_lookup folds: no locale */
        key[i] = (char)wd_fold((unsigned char)s[i]);
    if (grow((void **)&t->values, &t->cap, t->n, sizeof *t->values))
        return er_set(p->err, ANNALS_ERR_NOMEM, "out of memory");
    t->values[t->n] = dup(p, s + k, n - k);
    if (sm_put(&t->map, key, kend, t->n)) return er_set(p->err, ANNALS_ERR_NOMEM, "out of memory");
    t->n++;
    return 0;
}

static gm_table *find_table(const gm_grammar *g, const char *name)
{
    for (size_t i = 0; i < g->ntables; i++)
        if (strcmp(g->tables[i].name, name) == 0) return &g->tables[i];
    return NULL;
}

static int header(parser *p, const char *s, size_t n)
{
    size_t w = 0;
    while (w < n && s[w] != ' ' && s[w] != '\t') w++;
    size_t a = w;
    while (a < n && (s[a] == ' ' || s[a] == '\t')) a++;
    size_t b = a;
    while (b < n && s[b] != ' ' && s[b] != '\t') b++;
    const char *name = s + a;
    size_t nn = b - a;
    size_t rest = b;
    while (rest < n && (s[rest] == ' ' || s[rest] == '\t')) rest++;
    if (close_block(p)) return -1;

    if (w == 6 && memcmp(s, "define", 6) == 0) {
        if (!is_ident(name, nn, 1))
            return fail(p, a + 1, "a macro name is upper case: A-Z, 0-9, _ ('%s')", dup(p, name, nn));
        if (rest >= n) return fail(p, n + 1, "macro %s has no pattern", dup(p, name, nn));
        gm_grammar *g = p->g;
        if (sm_get(&g->macros, name, nn))
            return fail(p, a + 1, "macro %s is defined twice", dup(p, name, nn));
        if (grow((void **)&g->macro_src, &g->capmacros, g->nmacros, sizeof *g->macro_src))
            return er_set(p->err, ANNALS_ERR_NOMEM, "out of memory");
        size_t cap2 = g->capmacros;
        void *mw = realloc(g->macro_where, cap2 * sizeof *g->macro_where);
        if (!mw) return er_set(p->err, ANNALS_ERR_NOMEM, "out of memory");
        g->macro_where = mw;
        char where[300];
        snprintf(where, sizeof where, "%s:%d:%zu", p->file, p->line, rest + 1);
        g->macro_src[g->nmacros] = dup(p, s + rest, n - rest);
        g->macro_where[g->nmacros] = dup(p, where, strlen(where));
        if (sm_put(&g->macros, name, nn, g->nmacros)) return er_set(p->err, ANNALS_ERR_NOMEM, "out of memory");
        g->nmacros++;
        return 0;
    }
    if (!nn) return fail(p, w + 2, "'%s' needs a name", dup(p, s, w));
    if (rest < n) return fail(p, rest + 1, "unexpected text after the name%s", "");
    if (w == 5 && memcmp(s, "table", 5) == 0) {
        if (!is_ident(name, nn, 0)) return fail(p, a + 1, "bad table name '%s'", dup(p, name, nn));
        char *tn = dup(p, name, nn);
        gm_table *t = find_table(p->g, tn);
        if (!t) { /* a table may be continued in another file */
            if (grow((void **)&p->g->tables, &p->g->captables, p->g->ntables, sizeof *t))
                return er_set(p->err, ANNALS_ERR_NOMEM, "out of memory");
            t = &p->g->tables[p->g->ntables++];
            memset(t, 0, sizeof *t);
            t->name = tn;
            sm_init(&t->map);
            /* most words asked of a table are not in it; without the
             * filter (out of memory) lookups are only slower */
            (void)sm_filter(&t->map);
        }
        p->table = t;
        p->block = IN_TABLE;
        return 0;
    }
    int is_rule = w == 4 && memcmp(s, "rule", 4) == 0;
    int is_sup = w == 8 && memcmp(s, "suppress", 8) == 0;
    if (!is_rule && !is_sup)
        return fail(p, 1, "expected 'define', 'table', 'rule' or 'suppress', not '%s'", dup(p, s, w));
    if (!is_ident(name, nn, 0)) return fail(p, a + 1, "bad rule name '%s'", dup(p, name, nn));
    gm_grammar *g = p->g;
    if (grow((void **)&g->rules, &g->caprules, g->nrules, sizeof *g->rules))
        return er_set(p->err, ANNALS_ERR_NOMEM, "out of memory");
    gm_rule *r = &g->rules[g->nrules];
    memset(r, 0, sizeof *r);
    r->kind = is_rule ? GM_RULE : GM_SUPPRESS;
    r->name = dup(p, name, nn);
    r->file = dup(p, p->file, strlen(p->file));
    r->line = p->line;
    p->rule_idx = g->nrules++;
    p->block = IN_RULE;
    return 0;
}

int gm_parse(gm_grammar *g, const char *name, const char *text, size_t len, annals_error *err)
{
    parser p = {.g = g, .file = name, .err = err};
    size_t pos = 0;
    int rc = 0;
    while (pos < len && rc == 0) {
        size_t e = pos;
        while (e < len && text[e] != '\n') e++;
        p.line++;
        const char *s = text + pos;
        size_t n = e - pos;
        if (n && s[n - 1] == '\r') n--;
        pos = e + 1;
        if (memchr(s, '\0', n)) { rc = fail(&p, (size_t)((const char *)memchr(s, '\0', n) - s) + 1, "NUL byte in grammar file%s", ""); break; }
        size_t ind = 0;
        while (ind < n && (s[ind] == ' ' || s[ind] == '\t')) ind++;
        while (n > ind && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
        if (ind == n || s[ind] == '#') continue;
        if (ind == 0) { rc = header(&p, s, n); continue; }
        const char *body = s + ind;
        size_t bn = n - ind;
        if (p.block == IN_TABLE) { rc = table_row(&p, body, bn, ind + 1); continue; }
        if (p.block != IN_RULE) { rc = fail(&p, ind + 1, "indented line outside a rule or table%s", ""); continue; }
        size_t k = 0;
        while (k < bn && body[k] != ' ' && body[k] != '\t') k++;
        size_t v = k;
        while (v < bn && (body[v] == ' ' || body[v] == '\t')) v++;
        rc = rule_attr(&p, body, k, body + v, bn - v, ind + 1, ind + v + 1);
    }
    if (rc == 0) rc = close_block(&p);
    free(p.pattern);
    return rc;
}

const char *gm_lookup(const gm_grammar *g, const char *table, const char *key, size_t n)
{
    gm_table *t = find_table(g, table);
    if (!t || n >= 256) return NULL;
    /* lower-cased (ASCII, as the keys) and hashed in one pass: asked of
     * every word of a sentence by the event groups */
    char low[256];
    uint64_t h = SM_HASH_SEED;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)key[i];
        c = wd_fold(c);
        low[i] = (char)c;
        h = sm_hash_step(h, c);
    }
    size_t *v = sm_get_h(&t->map, low, n, h);
    return v ? t->values[*v] : NULL;
}
