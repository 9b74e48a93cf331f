/* Compiling rules (macro expansion, PCRE2 with JIT) and running them:
 * every match of every rule, suppressions applied, overlaps resolved. */
#include "gram.h"
#include "../util/err.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct sbuf { char *s; size_t n, cap; } sbuf;

static int sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t nc = (b->n + n + 1) * 2;
        char *p = realloc(b->s, nc);
        if (!p) return -1;
        b->s = p;
        b->cap = nc;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
    return 0;
}

/* Expands {NAME} macros in src into b; other braces ({2,4}) stay. */
static int expand(const gm_grammar *g, const char *src, sbuf *b, int depth,
                  const gm_rule *r, annals_error *err)
{
    if (depth > 16)
        return er_set(err, ANNALS_ERR_GRAMMAR, "%s:%d:%d: rule %s: macros nest too deep (a cycle?)",
                      r->file, r->pattern_line, r->pattern_col, r->name);
    size_t i = 0, n = strlen(src);
    while (i < n) {
        if (src[i] == '\\' && i + 1 < n) { /* an escaped brace is literal */
            if (sb_add(b, src + i, 2)) goto oom;
            i += 2;
            continue;
        }
        if (src[i] == '{' && i + 1 < n && (isupper((unsigned char)src[i + 1]) || src[i + 1] == '_')) {
            size_t j = i + 1;
            while (j < n && (isupper((unsigned char)src[j]) || isdigit((unsigned char)src[j]) || src[j] == '_')) j++;
            if (j < n && src[j] == '}') {
                size_t *m = sm_get(&g->macros, src + i + 1, j - i - 1);
                if (!m)
                    return er_set(err, ANNALS_ERR_GRAMMAR,
                                  "%s:%d:%d: rule %s: undefined macro {%.*s}", r->file,
                                  r->pattern_line, r->pattern_col, r->name, (int)(j - i - 1),
                                  src + i + 1);
                if (sb_add(b, "(?:", 3)) goto oom;
                if (expand(g, g->macro_src[*m], b, depth + 1, r, err)) return -1;
                if (sb_add(b, ")", 1)) goto oom;
                i = j + 1;
                continue;
            }
        }
        if (sb_add(b, src + i, 1)) goto oom;
        i++;
    }
    return 0;
oom:
    return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
}

/* The group numbers that carry a capture name (one per alternative). */
static int resolve_arg(const gm_rule *r, gm_arg *a)
{
    uint32_t count, size;
    PCRE2_SPTR table;
    pcre2_pattern_info(r->re, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(r->re, PCRE2_INFO_NAMEENTRYSIZE, &size);
    pcre2_pattern_info(r->re, PCRE2_INFO_NAMETABLE, &table);
    a->ngroups = 0;
    for (uint32_t i = 0; i < count; i++) {
        PCRE2_SPTR e = table + i * size;
        uint32_t num = ((uint32_t)e[0] << 8) | e[1];
        if (strcmp((const char *)e + 2, a->text) == 0 && a->ngroups < GM_MAX_GROUPS && num < 24)
            a->groups[a->ngroups++] = num;
    }
    return a->ngroups ? 0 : -1;
}

/* A lint for grammar-check: a rule keyed only to words (no table, no
 * DIGIT, no QUOTE) none of which its expanded pattern spells is most likely keyed
 * wrong -- a new word added to the pattern and not to the anchor -- and
 * would not run where the pattern matches. Patterns spell words in many
 * ways, so the test is loose: an anchor word (letters only) found in the
 * pattern's letters, in any case, clears the rule. Long patterns are
 * checked on their first 8 KB. */
static int anchor_unseen(const char *anchor, const char *pattern)
{
    if (!anchor) return 0;
    /* the pattern's letters alone: "Labou?r" spells labour */
    char letters[8192];
    size_t pn = 0;
    for (const char *p = pattern; *p && pn + 1 < sizeof letters; p++)
        if (isalpha((unsigned char)*p)) letters[pn++] = *p;
    letters[pn] = '\0';
    pattern = letters;
    const char *s = anchor;
    while (*s) {
        while (*s == ' ' || *s == '\t') s++;
        const char *e = s;
        while (*e && *e != ' ' && *e != '\t') e++;
        size_t n = (size_t)(e - s);
        if (n && s[n - 1] == '*') n--;
        if ((size_t)(e - s) >= 5 && (strncmp(s, "DIGIT", 5) == 0 || strncmp(s, "QUOTE", 5) == 0 ||
                                     strncmp(s, "table:", 6) == 0))
            return 0;
        for (size_t i = 0; n && i + n <= pn; i++)
            if (strncasecmp(pattern + i, s, n) == 0) return 0;
        s = e;
    }
    return 1;
}

int gm_compile(gm_grammar *g, annals_error *err)
{
    if (!g->mctx && !(g->mctx = rx_match_context()))
        return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < g->nrules; i++) {
        gm_rule *r = &g->rules[i];
        if (r->re) continue;
        sbuf b = {0};
        /* Rules match whole words: never inside a longer word or number. */
        if (sb_add(&b, "(?<![\\p{L}\\p{N}])(?:", 20)) { free(b.s); return er_set(err, ANNALS_ERR_NOMEM, "out of memory"); }
        if (expand(g, r->pattern, &b, 0, r, err)) { free(b.s); return -1; }
        if (sb_add(&b, ")(?![\\p{L}\\p{N}])", 17)) { free(b.s); return er_set(err, ANNALS_ERR_NOMEM, "out of memory"); }
        char msg[256];
        size_t off = 0;
        /* USE_OFFSET_LIMIT: an anchored rule is tried only where a match
         * could hold its anchor (gm_run) */
        r->re = rx_compile(b.s, PCRE2_CASELESS | PCRE2_DUPNAMES | PCRE2_USE_OFFSET_LIMIT, 1, msg,
                           sizeof msg, &off);
        if (!r->re) {
            int rc = er_set(err, ANNALS_ERR_GRAMMAR,
                            "%s:%d:%d: rule %s: bad pattern: %s (near \"%.30s\")", r->file,
                            r->pattern_line, r->pattern_col, r->name, msg,
                            b.s + (off < b.n ? off : b.n));
            free(b.s);
            return rc;
        }
        r->anchor_unseen = anchor_unseen(r->anchor, b.s);
        free(b.s);
        for (int k = 0; k < r->nargs; k++)
            if (r->args[k].kind == GM_ARG_CAPTURE && resolve_arg(r, &r->args[k]))
                return er_set(err, ANNALS_ERR_GRAMMAR,
                              "%s:%d:%d: rule %s: value uses (?<%s>...), which the pattern does not define",
                              r->file, r->value_line, r->value_col, r->name, r->args[k].text);
    }
    return gm_anchor_build(g, err);
}

int gm_arg_text(const gm_match *m, const char *text, int arg, const char **s, size_t *n)
{
    const gm_arg *a = &m->rule->args[arg];
    if (a->kind != GM_ARG_CAPTURE) {
        *s = a->text;
        *n = strlen(a->text);
        return 1;
    }
    for (int k = 0; k < a->ngroups; k++) {
        uint32_t gi = a->groups[k];
        if (gi >= m->novector) continue;
        uint32_t b = m->ov[2 * gi], e = m->ov[2 * gi + 1];
        if (b == UINT32_MAX || e < b) continue;
        *s = text + b;
        *n = e - b;
        return 1;
    }
    return 0;
}

/* JIT-compiles a rule the first time any thread needs it: most runs use
 * a fraction of the rules, and compiling all at start-up cost most of the
 * start-up time. The flag is read without the lock; it is set, with
 * release order, only after the compilation, so no thread matches with
 * a rule while it is being compiled. */
void gm_ready(const gm_grammar *g, const gm_rule *r)
{
    if (atomic_load_explicit(&r->jitted, memory_order_acquire)) return;
    gm_grammar *mg = (gm_grammar *)g; /* the lock and the flag change, the rules do not */
    gm_rule *mr = (gm_rule *)r;
    pthread_mutex_lock(&mg->jit_lock);
    if (!atomic_load_explicit(&mr->jitted, memory_order_relaxed)) {
        rx_jit(mr->re);
        size_t js = 0; /* the fast path only where the JIT compiled it */
        mr->jit_ok = pcre2_pattern_info(mr->re, PCRE2_INFO_JITSIZE, &js) == 0 && js > 0;
        atomic_store_explicit(&mr->jitted, 1, memory_order_release);
    }
    pthread_mutex_unlock(&mg->jit_lock);
}

typedef struct vec { gm_match *m; size_t n, cap; } vec;

static int vpush(vec *v, const gm_match *m)
{
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 64;
        gm_match *p = realloc(v->m, nc * sizeof *p);
        if (!p) return -1;
        v->m = p;
        v->cap = nc;
    }
    v->m[v->n++] = *m;
    return 0;
}

static int by_strength(const void *a, const void *b)
{
    const gm_match *x = a, *y = b;
    uint32_t lx = x->end - x->start, ly = y->end - y->start;
    if (lx != ly) return lx > ly ? -1 : 1;
    if (x->rule->priority != y->rule->priority) return x->rule->priority > y->rule->priority ? -1 : 1;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return x->rule < y->rule ? -1 : (x->rule > y->rule);
}

static int by_start(const void *a, const void *b)
{
    const gm_match *x = a, *y = b;
    return x->start < y->start ? -1 : (x->start > y->start);
}

/* Byte bitmaps: which bytes a suppression covers, which a kept match
 * takes. Checking a span costs its length, so selection stays linear in
 * the total length of the candidates. */
static int any_set(const uint8_t *bm, uint32_t s, uint32_t e)
{
    for (uint32_t i = s; i < e; i++)
        if (bm[i >> 3] & (1u << (i & 7))) return 1;
    return 0;
}

static void set_span(uint8_t *bm, uint32_t s, uint32_t e)
{
    for (uint32_t i = s; i < e; i++) bm[i >> 3] |= (uint8_t)(1u << (i & 7));
}

/* Every match of r in the chunk text[cs..ce) that starts at chunk offset
 * from or later (up to the context's offset limit), into cand or sup.
 * *done, if given, is set past the last match. 0, or -1 out of memory. */
static int match_from(const gm_rule *r, const char *text, size_t cs, size_t ce, size_t from,
                      pcre2_match_data *md, pcre2_match_context *mctx, vec *cand, vec *sup,
                      size_t *done)
{
    size_t at = from, clen = ce - cs;
    while (at < clen) {
        int got = r->jit_ok ? pcre2_jit_match(r->re, (PCRE2_SPTR)(text + cs), clen, at, 0, md, mctx)
                            : pcre2_match(r->re, (PCRE2_SPTR)(text + cs), clen, at, 0, md, mctx);
        if (got < 0) break; /* no match, or a limit: next rule */
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        gm_match m;
        m.start = (uint32_t)(cs + ov[0]);
        m.end = (uint32_t)(cs + ov[1]);
        m.rule = r;
        m.novector = (uint32_t)(got > 0 ? got : 24);
        for (uint32_t k = 0; k < 24; k++) {
            int set = k < m.novector && ov[2 * k] != PCRE2_UNSET;
            m.ov[2 * k] = set ? (uint32_t)(cs + ov[2 * k]) : UINT32_MAX;
            m.ov[2 * k + 1] = set ? (uint32_t)(cs + ov[2 * k + 1]) : UINT32_MAX;
        }
        if (m.end > m.start && vpush(r->kind == GM_RULE ? cand : sup, &m)) return -1;
        at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        if (done) *done = at;
    }
    return 0;
}

/* Overlap resolution within one chunk, text[cs..ce): the candidates that
 * survive suppression, longest first, appended to kept in text order.
 * Matches never cross a chunk, so chunk by chunk is the same as all at
 * once, and memory holds one chunk's candidates, not a document's. */
static int select_chunk(vec *cand, vec *sup, size_t cs, size_t ce, vec *kept)
{
    if (!cand->n) {
        sup->n = 0;
        return 0;
    }
    size_t bytes = (ce - cs) / 8 + 1;
    uint8_t *supp = calloc(bytes, 1), *taken = calloc(bytes, 1);
    int rc = supp && taken ? 0 : -1;
    qsort(cand->m, cand->n, sizeof *cand->m, by_strength);
    for (size_t k = 0; rc == 0 && k < sup->n; k++)
        set_span(supp, sup->m[k].start - (uint32_t)cs, sup->m[k].end - (uint32_t)cs);
    size_t first = kept->n;
    for (size_t i = 0; rc == 0 && i < cand->n; i++) {
        gm_match *m = &cand->m[i];
        uint32_t s = m->start - (uint32_t)cs, e = m->end - (uint32_t)cs;
        if (any_set(supp, s, e) || any_set(taken, s, e)) continue;
        set_span(taken, s, e);
        rc = vpush(kept, m);
    }
    if (rc == 0 && kept->n > first) qsort(kept->m + first, kept->n - first, sizeof *kept->m, by_start);
    free(supp);
    free(taken);
    cand->n = sup->n = 0;
    return rc;
}

/* The rules a chunk wakes, and their hits rule by rule: rule act[k]'s
 * hits are hit[first[act[k]] .. first[act[k]] + count[act[k]]), in text
 * order. Each rule then walks its own hits, not every hit of the chunk,
 * and only the rules woken are visited. first and count are kept for the
 * woken rules only. */
typedef struct rule_hits {
    uint32_t *act;   /* the woken rules, in rule order */
    size_t nact;
    uint32_t *first; /* nrules */
    uint32_t *count; /* nrules */
    uint32_t *hit;
    size_t cap;
} rule_hits;

static int by_rule(const gm_grammar *g, const uint64_t *active, const gm_hit *hits, size_t nhits,
                   rule_hits *rl)
{
    if (!rl->first) {
        rl->act = malloc(g->nrules * sizeof *rl->act);
        rl->first = malloc(g->nrules * sizeof *rl->first);
        rl->count = malloc(g->nrules * sizeof *rl->count);
        if (!rl->act || !rl->first || !rl->count) return -1;
    }
    rl->nact = 0;
    for (size_t w = 0; w < g->setwords; w++)
        for (uint64_t b = active[w]; b; b &= b - 1) {
            uint32_t i = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(b));
            rl->act[rl->nact++] = i;
            rl->count[i] = 0;
        }
    size_t total = 0;
    for (size_t h = 0; h < nhits; h++) { /* every rule with a hit is woken */
        const uint64_t *s = gm_hit_set(g, &hits[h]);
        for (size_t w = 0; w < g->setwords; w++)
            for (uint64_t b = s[w]; b; b &= b - 1) {
                rl->count[w * 64 + (size_t)__builtin_ctzll(b)]++;
                total++;
            }
    }
    if (total > rl->cap) {
        uint32_t *nh = realloc(rl->hit, total * sizeof *nh);
        if (!nh) return -1;
        rl->hit = nh;
        rl->cap = total;
    }
    uint32_t at = 0;
    for (size_t k = 0; k < rl->nact; k++) {
        uint32_t i = rl->act[k];
        rl->first[i] = at;
        at += rl->count[i];
        rl->count[i] = 0; /* counted again as the hits are filled in */
    }
    for (size_t h = 0; h < nhits; h++) {
        const uint64_t *s = gm_hit_set(g, &hits[h]);
        for (size_t w = 0; w < g->setwords; w++)
            for (uint64_t b = s[w]; b; b &= b - 1) {
                size_t i = w * 64 + (size_t)__builtin_ctzll(b);
                rl->hit[rl->first[i] + rl->count[i]++] = (uint32_t)h;
            }
    }
    return 0;
}

int gm_run(const gm_grammar *g, const char *text, size_t len, ar_arena *a,
           gm_match **out, size_t *nout)
{
    return gm_run_words(g, text, len, NULL, a, out, nout);
}

int gm_run_words(const gm_grammar *g, const char *text, size_t len, const gm_words *words,
                 ar_arena *a, gm_match **out, size_t *nout)
{
    rule_hits rl = {0};
    *out = NULL;
    *nout = 0;
    vec cand = {0}, sup = {0}, kept = {0};
    pcre2_match_data *md = pcre2_match_data_create(24, NULL);
    uint64_t *active = calloc(g->setwords ? g->setwords : 1, sizeof *active);
    gm_hit *hits = malloc(GM_MAXHITS * sizeof *hits);
    /* a chunk's words, when the text's are not given */
    gm_word *own = words ? NULL : malloc(GM_CHUNK * sizeof *own);
    /* a copy: the offset limit changes per call, the grammar is shared */
    pcre2_match_context *mctx = pcre2_match_context_copy(g->mctx);
    if (!md || !active || !hits || (!words && !own) || !mctx) {
        pcre2_match_data_free(md);
        pcre2_match_context_free(mctx);
        free(active);
        free(hits);
        free(own);
        return -1;
    }
    int rc = 0;
    /* Rules run over chunks (gm_chunk_end): lines, cut at white space into
     * pieces of at most GM_CHUNK bytes. PCRE2's limits count a whole pcre2_match call,
     * so a bounded chunk bounds the work one rule can do, and a rule that
     * hits a limit gives up on that chunk only. */
    size_t cs = 0, wi = 0; /* wi: the first word of the chunk in words */
    while (cs < len && rc == 0) {
        size_t ce = gm_chunk_end(text, len, cs);
        const gm_word *cw = own;
        size_t ncw = 0;
        if (words) { /* the chunk's words: those that start in it */
            cw = words->w + wi;
            while (wi < words->n && words->w[wi].start < ce) wi++;
            ncw = (size_t)(words->w + wi - cw);
        } else if (ce > cs) {
            ncw = gm_words_scan(text + cs, ce - cs, cs, own);
        }
        size_t nhits = ce > cs ? gm_anchor_find(g, text + cs, cs, cw, ncw, active, hits) : 0;
        if (ce > cs && by_rule(g, active, hits, nhits, &rl)) rc = -1;
        for (size_t k = 0; ce > cs && rc == 0 && k < rl.nact; k++) {
            uint32_t i = rl.act[k]; /* a rule with an anchor here, or none */
            const gm_rule *r = &g->rules[i];
            gm_ready(g, r);
            if (!r->anchor) { /* runs over the whole chunk */
                pcre2_set_offset_limit(mctx, PCRE2_UNSET);
                rc = match_from(r, text, cs, ce, 0, md, mctx, &cand, &sup, NULL);
                continue;
            }
            /* Tried only from its reach before each of its anchor words
             * up to the word: every match holds an anchor word. Windows
             * that touch are tried as one, in one call: the same matches
             * (a match's start does not depend on the limit), with no
             * byte scanned twice. */
            size_t done = 0, lo = SIZE_MAX, hi = 0; /* chunk offsets; [lo, hi]: windows to try */
            size_t reach = r->reach ? (size_t)r->reach : GM_REACH;
            const uint32_t *mine = rl.count[i] ? rl.hit + rl.first[i] : NULL;
            size_t nmine = rl.count[i];
            for (size_t h = 0; h <= nmine && rc == 0; h++) {
                size_t at = h < nmine ? hits[mine[h]].start : SIZE_MAX, from = at > reach ? at - reach : 0;
                if (lo != SIZE_MAX && from <= hi + 1) { /* touches [lo, hi] */
                    if (at > hi) hi = at;
                    continue;
                }
                if (lo != SIZE_MAX) {
                    if (lo < done) lo = done;
                    /* a window starts at a character, not inside one (reach
                     * counts bytes): no match can start inside one, and
                     * PCRE2's interpreter, unlike its JIT, misses some
                     * look-behinds from a start inside a character */
                    while (lo < hi && ((unsigned char)text[cs + lo] & 0xC0) == 0x80) lo++;
                    if (lo <= hi) {
                        pcre2_set_offset_limit(mctx, hi);
                        rc = match_from(r, text, cs, ce, lo, md, mctx, &cand, &sup, &done);
                    }
                }
                lo = from;
                hi = at;
            }
        }
        if (rc == 0) rc = select_chunk(&cand, &sup, cs, ce, &kept);
        cs = gm_chunk_next(text, len, ce);
    }
    pcre2_match_data_free(md);
    pcre2_match_context_free(mctx);
    free(active);
    free(hits);
    free(own);
    free(rl.act);
    free(rl.first);
    free(rl.count);
    free(rl.hit);
    if (rc == 0 && kept.n) {
        gm_match *sel = ar_alloc(a, kept.n * sizeof *sel);
        if (!sel) {
            rc = -1;
        } else {
            memcpy(sel, kept.m, kept.n * sizeof *sel);
            *out = sel;
            *nout = kept.n;
        }
    }
    free(kept.m);
    free(cand.m);
    free(sup.m);
    return rc;
}
