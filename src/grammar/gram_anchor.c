/* The first pass of DESIGN.md: a rule may be keyed to anchor words, and
 * runs only on the chunks of text that hold one. A chunk's words are
 * looked up in a hash -- far cheaper than running every pattern over it.
 *
 *   anchor january february table:month DIGIT withdr*
 *
 * `word` matches that word (any case), `prefix*` any word that starts so,
 * `table:NAME` every key of a table (its first word), `DIGIT` any number,
 * `QUOTE` a double quotation mark (" \u201C ` or '').
 * A rule with no anchor runs everywhere. */
#include "gram.h"
#include "../util/err.h"
#include "../util/utf8.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAXW 32 /* longer words are looked up by their first MAXW bytes */

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
    char key[MAXW + 2] = {0};
    if (n > MAXW) n = MAXW;
    for (size_t i = 0; i < n; i++) key[i] = (char)tolower((unsigned char)w[i]);
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
                if (n - 1 < 2 || n - 1 > MAXW)
                    return er_set(err, ANNALS_ERR_GRAMMAR, "%s:%d: rule %s: an anchor prefix has 2 to %d letters: %.*s",
                                  rule->file, rule->anchor_line, rule->name, MAXW, (int)n, s);
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

size_t gm_anchor_scan(const gm_grammar *g, const char *text, size_t n, uint64_t *out,
                      gm_hit *hits)
{
    size_t nh = 0;
    pthread_once(&ascii_once, ascii_init);
    memcpy(out, g->always, g->setwords * sizeof *out);
    int digits = 0, quotes = 0;
    char key[MAXW + 2];
    key[0] = '*'; /* prefixes are keyed "*" + prefix (see add_key) */
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80 && !ascii_word[c]) { /* spaces and punctuation, quickly */
            if (c == '"' || c == '`' || (c == '\'' && i + 1 < n && text[i + 1] == '\'')) {
                quotes = 1;
                hit(hits, &nh, i, GM_HIT_QUOTE);
            }
            i++;
            continue;
        }
        if (c == 0xE2 && i + 2 < n && (unsigned char)text[i + 1] == 0x80 && (unsigned char)text[i + 2] == 0x9C) {
            quotes = 1; /* \u201C, the opening double quotation mark */
            hit(hits, &nh, i, GM_HIT_QUOTE);
            i += 3;
            continue;
        }
        /* One pass to the end of the word: its first MAXW bytes lower-cased
         * into key, their hash, and whether they hold a digit ("FY2015":
         * a number inside a word is a number). */
        size_t j = i, w = 0;
        uint64_t hw = SM_HASH_SEED;
        int digit_in = 0;
        while (j < n) {
            unsigned char d = (unsigned char)text[j];
            if (d < 0x80) {
                if (!ascii_word[d]) break;
                j++;
                if (w < MAXW) {
                    unsigned char l = ascii_lower[d];
                    digit_in |= d <= '9';
                    key[++w] = (char)l;
                    hw = sm_hash_step(hw, l);
                }
                continue;
            }
            size_t at = j;
            if (!word_char(text, n, &j)) {
                j = at;
                break;
            }
            for (; at < j && w < MAXW; at++, w++) {
                unsigned char l = lower((unsigned char)text[at]);
                digit_in |= l >= '0' && l <= '9';
                key[w + 1] = (char)l;
                hw = sm_hash_step(hw, l);
            }
        }
        if (j == i) { /* a character that is no letter: skip it */
            word_char(text, n, &j);
            i = j;
            continue;
        }
        if (c >= '0' && c <= '9') {
            digits = 1;
            hit(hits, &nh, i, GM_HIT_DIGIT);
            i = j;
            continue;
        }
        /* the prefixes the filter says some anchor may have */
        uint64_t lens = w >= 2 ? g->plens[GM_PAIR(key[1], key[2])] : 0;
        size_t *v;
        if (lens) {
            uint64_t hp = sm_hash_step(SM_HASH_SEED, '*');
            for (size_t k = 0; k < w; k++) {
                hp = sm_hash_step(hp, (unsigned char)key[k + 1]);
                if ((lens >> (k + 1) & 1) && (v = sm_get_h(&g->anchors, key, k + 2, hp))) {
                    or_into(out, g->sets + *v * g->setwords, g->setwords);
                    hit(hits, &nh, i, (uint32_t)*v);
                }
            }
        }
        if ((g->wlens[GM_PAIR(key[1], w >= 2 ? key[2] : 0)] >> w & 1) &&
            (v = sm_get_h(&g->anchors, key + 1, w, hw))) {
            or_into(out, g->sets + *v * g->setwords, g->setwords);
            hit(hits, &nh, i, (uint32_t)*v);
        }
        if (digit_in) {
            digits = 1;
            hit(hits, &nh, i, GM_HIT_DIGIT);
        }
        i = j;
    }
    if (digits) or_into(out, g->digit, g->setwords);
    if (quotes) or_into(out, g->quote, g->setwords);
    return nh;
}
