/* gram: the grammar language of docs/grammar.md -- macros, tables, rules
 * and suppressions in plain text files, compiled once to PCRE2 with JIT.
 * One engine serves the date grammar and the event grammar. */
#ifndef GM_GRAM_H
#define GM_GRAM_H
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "annals/annals.h"
#include "../util/arena.h"
#include "../util/rx.h"
#include "../util/strmap.h"

#define GM_MAX_ARGS 8
#define GM_MAX_GROUPS 4 /* groups that share one name (alternatives) */
#define GM_CHUNK 4096   /* the most text one pattern match call sees */
#define GM_PAIRS 1024   /* buckets of the two-letter prefix filter */
/* The bucket of a word's first two bytes (lower-cased); a collision only
 * costs a lookup. */
#define GM_PAIR(a, b) ((((unsigned)(a) & 31u) << 5) | ((unsigned)(b) & 31u))

typedef enum gm_arg_kind { GM_ARG_CAPTURE, GM_ARG_STRING, GM_ARG_NUMBER } gm_arg_kind;

/* One argument of a rule's value: a named capture, "text" or a number. */
typedef struct gm_arg {
    gm_arg_kind kind;
    const char *text;              /* the capture's name, or the literal */
    long num;
    int ngroups;
    uint32_t groups[GM_MAX_GROUPS]; /* group numbers of a capture name */
} gm_arg;

typedef enum gm_rule_kind { GM_RULE, GM_SUPPRESS } gm_rule_kind;

typedef struct gm_rule {
    gm_rule_kind kind;
    const char *name;
    const char *file;
    int line;              /* where the rule starts, for messages */
    int pattern_line, pattern_col; /* the first pattern line */
    int value_line, value_col;
    const char *pattern;   /* as written, macros not expanded */
    pcre2_code *re;
    const char *type;      /* DATE, TIME, DURATION, SET, or an event type */
    const char *func;      /* the value's function name */
    gm_arg args[GM_MAX_ARGS];
    int nargs;
    int priority;
    int has_value;
    const char *anchor;    /* the `anchor` attribute as written, or NULL */
    atomic_int jitted;     /* JIT-compiled yet (see gm_ready) */
    int jit_ok;            /* ...and the JIT took it: pcre2_jit_match may run it */
    int anchor_line;
    int reach;             /* `reach`: bytes a match may begin before its anchor; 0 = GM_REACH */
    int anchor_unseen;     /* none of its anchor words is written in its pattern (a lint) */
} gm_rule;

typedef struct gm_table {
    const char *name;
    sm_map map;           /* lower-cased key -> index into values */
    const char **values;
    size_t n, cap;
} gm_table;

typedef struct gm_grammar {
    ar_arena mem;
    gm_rule *rules;
    size_t nrules, caprules;
    gm_table *tables;
    size_t ntables, captables;
    sm_map macros;        /* name -> index into macro_src */
    const char **macro_src;
    const char **macro_where; /* "file:line" */
    size_t nmacros, capmacros;
    pcre2_match_context *mctx;
    pthread_mutex_t jit_lock; /* one JIT compilation at a time */
    /* The first pass: rules keyed to anchor words run only on chunks that
     * hold one of them (see gram_anchor.c). */
    size_t setwords;       /* uint64_t words in one rule set */
    uint64_t *always;      /* rules without anchors */
    uint64_t *digit;       /* rules anchored on a number */
    uint64_t *quote;       /* rules anchored on QUOTE (see gm_words_scan) */
    sm_map anchors;        /* word or prefix -> index of its rule set */
    uint64_t *sets;        /* the rule sets, setwords each */
    size_t nsets;
    /* bit L of plens[pair(first two letters)]: some prefix anchor of
     * length L (L <= 32) starts with those letters. Most words start with
     * a pair no prefix has, and cost no prefix lookup at all. */
    uint64_t plens[GM_PAIRS];
    /* The same for whole-word anchors of length L (a one-letter word
     * pairs with 0): a word no anchor can be costs no lookup. */
    uint64_t wlens[GM_PAIRS];
} gm_grammar;

void gm_init(gm_grammar *g);
void gm_free(gm_grammar *g);

/* Parses one grammar file's text (name is used in messages). Returns 0,
 * or -1 with err = "file:line:col: what is wrong". */
int gm_parse(gm_grammar *g, const char *name, const char *text, size_t len,
             annals_error *err);

/* Expands macros and compiles every rule; resolves capture names. */
int gm_compile(gm_grammar *g, annals_error *err);

/* Builds the anchor index of the compiled rules (called by gm_compile). */
int gm_anchor_build(gm_grammar *g, annals_error *err);

/* JIT-compiles rule r on its first use (thread-safe). */
void gm_ready(const gm_grammar *g, const gm_rule *r);

/* Where an anchor word stands in a chunk, and whose anchor it is: set is
 * an index into sets, GM_HIT_DIGIT for a number or GM_HIT_QUOTE for a
 * quotation mark. */
typedef struct gm_hit { uint32_t start; uint32_t set; } gm_hit;
#define GM_HIT_DIGIT UINT32_MAX
#define GM_HIT_QUOTE (UINT32_MAX - 1)
/* A match begins at most GM_REACH bytes before the first anchor word it
 * holds, unless its rule says `reach N`: a rule keyed to anchors is tried
 * only from there (docs/grammar.md). */
#define GM_REACH 64
/* The most hits one chunk of GM_CHUNK bytes can give: a word of w bytes
 * gives at most w prefix hits, one whole-word hit and one number hit; a
 * quotation mark, one hit. */
#define GM_MAXHITS (3 * GM_CHUNK + 3)

/* A word of the first pass: where it starts, the length and hash of its
 * first GM_MAXW bytes lower-cased (ASCII), and what it is. A quotation
 * mark is kept as a word of its own (GM_WORD_QUOTE, w its length in
 * bytes); its hit stands just after it, where the quoted words begin, so
 * that a rule on them keeps its own start and its whole-word test. */
#define GM_MAXW 32 /* longer words are looked up by their first GM_MAXW bytes */
typedef struct gm_word {
    uint32_t start;
    uint8_t w;
    uint8_t kind;
    uint16_t pair; /* GM_PAIR of its first two bytes lower-cased (one: with 0) */
    uint64_t hw;
} gm_word;
#define GM_WORD_LETTER 0   /* starts with a letter */
#define GM_WORD_NUMBER 1   /* starts with a digit */
#define GM_WORD_QUOTE 2    /* " \u201C ` or '' */
#define GM_WORD_KIND 3     /* the bits of kind above */
#define GM_WORD_DIGIT_IN 4 /* flag: a digit among its first GM_MAXW bytes */

/* The words of text[0..n), at most n of them, into words; their starts
 * count from base. Returns the count. */
size_t gm_words_scan(const char *text, size_t n, size_t base, gm_word *words);

/* The first pass over the words of a chunk that starts at byte base: the
 * rules worth running (a bit set of setwords words), and the anchor words
 * in text order (at most GM_MAXHITS; hits may be NULL), their starts
 * counted from base. Returns the number of hits. */
size_t gm_anchor_find(const gm_grammar *g, const char *text, size_t base, const gm_word *words,
                      size_t nw, uint64_t *out, gm_hit *hits);

/* The words of a whole text, chunk by chunk as gm_run cuts it: built once
 * when two grammars run over one text (dates, then events). */
typedef struct gm_words {
    gm_word *w;
    size_t n;
} gm_words;

/* Builds the words of text[0..len) from a. Returns 0, or -1 out of memory. */
int gm_words_build(const char *text, size_t len, ar_arena *a, gm_words *out);

/* The chunk gm_run tries rules on that starts at cs: up to a line's end,
 * at most GM_CHUNK bytes, cut at a space where it can be. */
static inline size_t gm_chunk_end(const char *text, size_t len, size_t cs)
{
    size_t lim = len - cs < GM_CHUNK ? len : cs + GM_CHUNK;
    const char *nl = memchr(text + cs, '\n', lim - cs);
    size_t ce = nl ? (size_t)(nl - text) : lim;
    if (ce < len && text[ce] != '\n') { /* cut at the last space */
        size_t sp = ce;
        while (sp > cs + GM_CHUNK / 2 && text[sp - 1] != ' ') sp--;
        if (sp > cs + GM_CHUNK / 2) ce = sp;
    }
    return ce;
}

/* Where the chunk after the one that ends at ce starts. */
static inline size_t gm_chunk_next(const char *text, size_t len, size_t ce)
{
    return ce < len && (text[ce] == '\n' || text[ce] == ' ') ? ce + 1 : ce;
}

/* The rule set of hit h. */
static inline const uint64_t *gm_hit_set(const gm_grammar *g, const gm_hit *h)
{
    return h->set == GM_HIT_DIGIT ? g->digit
           : h->set == GM_HIT_QUOTE ? g->quote
                                    : g->sets + (size_t)h->set * g->setwords;
}

/* Is rule i in the rule set of hit h? */
static inline int gm_hit_has(const gm_grammar *g, const gm_hit *h, size_t i)
{
    return (int)(gm_hit_set(g, h)[i / 64] >> (i % 64) & 1);
}

/* A table's value for key (case-insensitive), or NULL. */
const char *gm_lookup(const gm_grammar *g, const char *table, const char *key, size_t n);

/* A match of one rule. */
typedef struct gm_match {
    uint32_t start, end;
    const gm_rule *rule;
    uint32_t ov[2 * 24];  /* the first 24 groups' offsets; unset = UINT32_MAX */
    uint32_t novector;
} gm_match;

/* The text of the argument of m (a capture that matched, or a literal):
 * sets *s and *n, returns 1; 0 if it is an unset capture. */
int gm_arg_text(const gm_match *m, const char *text, int arg, const char **s, size_t *n);

/* Runs every rule over text[0..len): the matches that survive
 * suppression and overlap resolution (longest first, then priority, then
 * earliest), in text order. *out is allocated from a. */
int gm_run(const gm_grammar *g, const char *text, size_t len, ar_arena *a,
           gm_match **out, size_t *nout);

/* gm_run with the text's words already found (gm_words_build on the same
 * text); words NULL: found here. The same matches either way. */
int gm_run_words(const gm_grammar *g, const char *text, size_t len, const gm_words *words,
                 ar_arena *a, gm_match **out, size_t *nout);
#endif
