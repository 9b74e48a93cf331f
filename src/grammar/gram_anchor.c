/* The first pass of DESIGN.md: a rule may be keyed to anchor words, and
 * runs only on the chunks of text that hold one. A chunk's words are
 * looked up in a hash -- far cheaper than running every pattern over it.
 *
 *   anchor january february table:month DIGIT withdr*
 *
 * `word` matches that word (any case), `prefix*` any word that starts so,
 * `table:NAME` every key of a table (its first word), `DIGIT` any number,
 * `QUOTE` just after a double quotation mark (" \u201C ` or '').
 * A rule with no anchor runs everywhere. */
#include "gram.h"
#include "../util/err.h"
#include "../util/utf8.h"
#include "../util/word.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>


static void set_bit(uint64_t *s, size_t i) { s[i / 64] |= (uint64_t)1 << (i % 64); }

/* The rule set of an anchor key, created if new. */
static uint64_t *set_of(gm_grammar *g, const char *key, size_t n)
{
    size_t *v = sm_get(&g->anchors, key, n);
    if (v) return g->sets + *v * g->setwords;
    uint64_t *ns = realloc(g->sets, (g->nsets + 1) * g->setwords * sizeof *ns);
    if (!ns) return NULL;
    g->sets = ns;
    memset(g->sets + g->nsets * g->setwords, 0, g->setwords * sizeof *ns);
    if (sm_put(&g->anchors, key, n, g->nsets)) return NULL;
    return g->sets + g->nsets++ * g->setwords;
}

static int add_key(gm_grammar *g, const char *w, size_t n, int prefix, size_t rule)
{
    char key[GM_MAXW + 2] = {0};
    if (n > GM_MAXW) n = GM_MAXW;
    for (size_t i = 0; i < n; i++) /* ASCII, as the scan folds: no locale */
        key[i] = (char)wd_fold((unsigned char)w[i]);
    /* prefixes live under "*" + prefix, so "with*" and "with" differ */
    size_t k = n;
    if (prefix) {
        memmove(key + 1, key, n);
        key[0] = '*';
        k = n + 1;
        g->plens[GM_PAIR(key[1], key[2])] |= (uint64_t)1 << n;
    } else {
        g->wlens[GM_PAIR(key[0], n >= 2 ? key[1] : 0)] |= (uint64_t)1 << n;
    }
    uint64_t *s = set_of(g, key, k);
    if (!s) return -1;
    set_bit(s, rule);
    return 0;
}

/* Letters and digits only (bytes above ASCII count as letters). */
static int word_like(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && !isalnum(c)) return 0;
    }
    return n > 0;
}

int gm_anchor_build(gm_grammar *g, annals_error *err)
{
    g->setwords = g->nrules / 64 + 1;
    memset(g->plens, 0, sizeof g->plens);
    memset(g->wlens, 0, sizeof g->wlens);
    free(g->always);
    free(g->digit);
    free(g->quote);
    g->always = calloc(g->setwords, sizeof *g->always);
    g->digit = calloc(g->setwords, sizeof *g->digit);
    g->quote = calloc(g->setwords, sizeof *g->quote);
    if (!g->always || !g->digit || !g->quote) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    for (size_t r = 0; r < g->nrules; r++) {
        const gm_rule *rule = &g->rules[r];
        if (!rule->anchor) {
            set_bit(g->always, r);
            continue;
        }
        const char *s = rule->anchor;
        while (*s) {
            while (*s == ' ' || *s == '\t') s++;
            const char *e = s;
            while (*e && *e != ' ' && *e != '\t') e++;
            size_t n = (size_t)(e - s);
            if (!n) break;
            if (n == 5 && memcmp(s, "DIGIT", 5) == 0) {
                set_bit(g->digit, r);
            } else if (n == 5 && memcmp(s, "QUOTE", 5) == 0) {
                set_bit(g->quote, r);
            } else if (n > 6 && memcmp(s, "table:", 6) == 0) {
                const gm_table *t = NULL;
                for (size_t i = 0; i < g->ntables; i++)
                    if (strlen(g->tables[i].name) == n - 6 && memcmp(g->tables[i].name, s + 6, n - 6) == 0)
                        t = &g->tables[i];
                if (!t)
                    return er_set(err, ANNALS_ERR_GRAMMAR, "%s:%d: rule %s: anchor names table %.*s, which no file defines",
                                  rule->file, rule->anchor_line, rule->name, (int)(n - 6), s + 6);
                for (size_t i = 0; i < t->map.cap; i++) {
                    const sm_slot *sl = &t->map.slots[i];
                    if (!sl->key) continue;
                    size_t w = 0;
                    while (w < sl->len && sl->key[w] != ' ') w++;
                    if (isdigit((unsigned char)sl->key[0])) set_bit(g->digit, r);
                    else if (add_key(g, sl->key, w, 0, r)) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
                }
            } else if (!word_like(s, s[n - 1] == '*' ? n - 1 : n)) {
                /* the scan's words are runs of letters and digits: this could never be one */
                return er_set(err, ANNALS_ERR_GRAMMAR,
                              "%s:%d: rule %s: anchor %.*s can never match: the first pass splits words at "
                              "anything but letters and digits (anchor on a part, such as the word before a hyphen)",
                              rule->file, rule->anchor_line, rule->name, (int)n, s);
            } else if (s[n - 1] == '*') {
                if (n - 1 < 2 || n - 1 > GM_MAXW)
                    return er_set(err, ANNALS_ERR_GRAMMAR, "%s:%d: rule %s: an anchor prefix has 2 to %d letters: %.*s",
                                  rule->file, rule->anchor_line, rule->name, GM_MAXW, (int)n, s);
                if (add_key(g, s, n - 1, 1, r)) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
            } else if (add_key(g, s, n, 0, r)) {
                return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
            }
            s = e;
        }
    }
    return 0;
}

static void or_into(uint64_t *out, const uint64_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++) out[i] |= s[i];
}

/* ASCII bytes: 1 for letters and digits (part of a word), and their
 * lower case. A table, not ctype: no locale call per byte. */
static unsigned char ascii_word[128], ascii_lower[128];

static void ascii_init(void)
{
    for (int c = 0; c < 128; c++) {
        ascii_word[c] = (unsigned char)((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                                        (c >= 'A' && c <= 'Z'));
        ascii_lower[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
}

static pthread_once_t ascii_once = PTHREAD_ONCE_INIT;

/* Is the character at text[*i] part of a word? Advances *i past it.
 * Dashes, quotes and other punctuation above ASCII separate words
 * ("Saturday\u2014shutting" is two), and so do emoji, flags, variation
 * selectors and tags, which news on the web glues to words ("morning\u2600"):
 * none is a letter to PCRE2's \b either. */
static inline int word_char(const char *text, size_t n, size_t *i)
{
    unsigned char c = (unsigned char)text[*i];
    if (c < 0x80) {
        (*i)++;
        return ascii_word[c];
    }
    int32_t cp = u8_next(text, n, i);
    return cp >= 0xC0 && !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
           !(cp >= 0xFE00 && cp <= 0xFE0F) && !(cp >= 0x1F000 && cp <= 0x1FBFF) &&
           !(cp >= 0xE0000 && cp <= 0xE007F) && cp != 0xFEFF && cp != 0xFFFD;
}

static inline unsigned char lower(unsigned char c)
{
    return c < 0x80 ? ascii_lower[c] : c;
}

/* Records a hit if there is room (GM_MAXHITS bounds what a chunk gives). */
static inline void hit(gm_hit *hits, size_t *nh, size_t at, uint32_t set)
{
    if (hits && *nh < GM_MAXHITS) hits[(*nh)++] = (gm_hit){(uint32_t)at, set};
}

size_t gm_words_scan(const char *text, size_t n, size_t base, gm_word *words)
{
    pthread_once(&ascii_once, ascii_init);
    size_t nw = 0, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80 && !ascii_word[c]) { /* spaces and punctuation, quickly */
            if (c == '"' || c == '`')
                words[nw++] = (gm_word){(uint32_t)(base + i), 1, GM_WORD_QUOTE, 0, 0};
            else if (c == '\'' && i + 1 < n && text[i + 1] == '\'')
                words[nw++] = (gm_word){(uint32_t)(base + i), 2, GM_WORD_QUOTE, 0, 0};
            i++;
            continue;
        }
        if (c == 0xE2 && i + 2 < n && (unsigned char)text[i + 1] == 0x80 && (unsigned char)text[i + 2] == 0x9C) {
            /* \u201C, the opening double quotation mark */
            words[nw++] = (gm_word){(uint32_t)(base + i), 3, GM_WORD_QUOTE, 0, 0};
            i += 3;
            continue;
        }
        /* One pass to the end of the word: its first GM_MAXW bytes' hash,
         * lower-cased, and whether they hold a digit ("FY2015": a number
         * inside a word is a number). */
        size_t j = i, w = 0;
        uint64_t hw = SM_HASH_SEED;
        int digit_in = 0;
        while (j < n) {
            unsigned char d = (unsigned char)text[j];
            if (d < 0x80) {
                if (!ascii_word[d]) break;
                j++;
                if (w < GM_MAXW) {
                    digit_in |= d <= '9';
                    hw = sm_hash_step(hw, ascii_lower[d]);
                    w++;
                }
                continue;
            }
            size_t at = j;
            if (!word_char(text, n, &j)) {
                j = at;
                break;
            }
            for (; at < j && w < GM_MAXW; at++, w++) hw = sm_hash_step(hw, (unsigned char)text[at]);
        }
        if (j == i) { /* a character that is no letter: skip it */
            word_char(text, n, &j);
            i = j;
            continue;
        }
        uint8_t kind = c >= '0' && c <= '9' ? GM_WORD_NUMBER : GM_WORD_LETTER;
        if (digit_in) kind |= GM_WORD_DIGIT_IN;
        unsigned pair = GM_PAIR(lower(c), w >= 2 ? lower((unsigned char)text[i + 1]) : 0);
        words[nw++] = (gm_word){(uint32_t)(base + i), (uint8_t)w, kind, (uint16_t)pair, hw};
        i = j;
    }
    return nw;
}

size_t gm_anchor_find(const gm_grammar *g, const char *text, size_t base, const gm_word *words,
                      size_t nw, uint64_t *out, gm_hit *hits)
{
    size_t nh = 0;
    memcpy(out, g->always, g->setwords * sizeof *out);
    int digits = 0, quotes = 0;
    char key[GM_MAXW + 2];
    key[0] = '*'; /* prefixes are keyed "*" + prefix (see add_key) */
    for (size_t k = 0; k < nw; k++) {
        const gm_word *wd = &words[k];
        size_t at = wd->start - base, w = wd->w;
        if (wd->kind == GM_WORD_QUOTE) { /* the hit: where the quoted words begin */
            quotes = 1;
            hit(hits, &nh, at + w, GM_HIT_QUOTE);
            continue;
        }
        if ((wd->kind & GM_WORD_KIND) == GM_WORD_NUMBER) {
            digits = 1;
            hit(hits, &nh, at, GM_HIT_DIGIT);
            continue;
        }
        const char *s = text + at;
        /* the prefixes the filter says some anchor may have */
        uint64_t lens = w >= 2 ? g->plens[wd->pair] : 0;
        size_t *v;
        if (lens) {
            uint64_t hp = sm_hash_step(SM_HASH_SEED, '*');
            for (size_t p = 0; p < w; p++) {
                key[p + 1] = (char)lower((unsigned char)s[p]);
                hp = sm_hash_step(hp, (unsigned char)key[p + 1]);
                if ((lens >> (p + 1) & 1) && (v = sm_get_h(&g->anchors, key, p + 2, hp))) {
                    or_into(out, g->sets + *v * g->setwords, g->setwords);
                    hit(hits, &nh, at, (uint32_t)*v);
                }
            }
        }
        if (g->wlens[wd->pair] >> w & 1) { /* some anchor word may be this one */
            if (!lens)
                for (size_t p = 0; p < w; p++) key[p + 1] = (char)lower((unsigned char)s[p]);
            if ((v = sm_get_h(&g->anchors, key + 1, w, wd->hw))) {
                or_into(out, g->sets + *v * g->setwords, g->setwords);
                hit(hits, &nh, at, (uint32_t)*v);
            }
        }
        if (wd->kind & GM_WORD_DIGIT_IN) {
            digits = 1;
            hit(hits, &nh, at, GM_HIT_DIGIT);
        }
    }
    if (digits) or_into(out, g->digit, g->setwords);
    if (quotes) or_into(out, g->quote, g->setwords);
    return nh;
}

int gm_words_build(const char *text, size_t len, ar_arena *a, gm_words *out)
{
    out->w = NULL;
    out->n = 0;
    /* news has a word in about six bytes; a chunk has at most a word a
     * byte, and the array doubles when one might not fit */
    size_t n = 0, cap = len / 4 + 16, cs = 0;
    gm_word *w = ar_alloc(a, cap * sizeof *w);
    if (!w) return -1;
    while (cs < len) {
        size_t ce = gm_chunk_end(text, len, cs);
        if (n + (ce - cs) > cap) {
            size_t nc = cap * 2 > n + (ce - cs) ? cap * 2 : n + (ce - cs);
            gm_word *nw = ar_alloc(a, nc * sizeof *nw);
            if (!nw) return -1;
            memcpy(nw, w, n * sizeof *w);
            w = nw;
            cap = nc;
        }
        if (ce > cs) n += gm_words_scan(text + cs, ce - cs, cs, w + n);
        cs = gm_chunk_next(text, len, ce);
    }
    out->w = w;
    out->n = n;
    return 0;
}
