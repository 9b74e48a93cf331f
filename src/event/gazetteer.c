#include "gazetteer.h"
#include "../util/err.h"
#include "../util/str.h"
#include "../util/word.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Map values carry the entry index and how the name must be written. */
#define GZ_LOWER_OK ((size_t)1 << 40) /* may start lower case: al-Qaeda */
#define GZ_EXACT ((size_t)1 << 41)    /* must match case: US, UN, IS */
#define GZ_IDX(v) ((v) & (((size_t)1 << 40) - 1))
#define GZ_SHARED SIZE_MAX
#define GZ_MIXED ((size_t)1 << 62) /* lasts: the people differ in country */

void gz_init(gz_gazetteer *g)
{
    memset(g, 0, sizeof *g);
    ar_init(&g->mem, 64 * 1024);
    sm_init(&g->names);
    sm_init(&g->firsts);
    sm_init(&g->lfirsts);
    sm_init(&g->surnames);
    sm_init(&g->lasts);
    sm_init(&g->countries);
    /* asked about every word of every text, and most are no name; without
     * a filter (out of memory) lookups are only slower */
    (void)sm_filter(&g->names); /* tried at each length of name a word may start */
    (void)sm_filter(&g->firsts);
    (void)sm_filter(&g->lfirsts);
    (void)sm_filter(&g->surnames);
}

void gz_free(gz_gazetteer *g)
{
    free(g->e);
    sm_free(&g->names);
    sm_free(&g->firsts);
    sm_free(&g->lfirsts);
    sm_free(&g->surnames);
    sm_free(&g->lasts);
    sm_free(&g->countries);
    ar_free(&g->mem);
    memset(g, 0, sizeof *g);
}

static size_t name_key_tokens(const char *name, char *key, size_t cap, size_t *ntok,
                              size_t *first_len);

/* A name as the key its tokens give: lower case, one space between. */
static size_t name_key(const char *name, char *key, size_t cap, size_t *ntok, size_t *first_len)
{
    /* Most names are ASCII letters, digits and single spaces: their
     * tokens are the runs between the spaces ("G20", "1922 Committee"),
     * cut with no tokenizer and no allocation (some ten thousand names at
     * start-up). Anything else goes to the tokenizer. */
    size_t len = strlen(name);
    if (len + 2 < cap) {
        size_t k = 0, nt = 0, fl = 0, i;
        for (i = 0; i < len; i++) {
            unsigned char c = (unsigned char)name[i];
            if (c == ' ') continue;
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) break;
            if (i == 0 || name[i - 1] == ' ') {
                if (nt == 1) fl = k;
                if (nt) key[k++] = ' ';
                nt++;
            }
            key[k++] = (char)wd_fold(c);
        }
        if (i == len) {
            if (nt == 1) fl = k;
            key[k] = '\0';
            *ntok = nt;
            *first_len = fl;
            return k;
        }
    }
    return name_key_tokens(name, key, cap, ntok, first_len);
}

/* name_key for any name: its tokens as the document tokenizer cuts them. */
static size_t name_key_tokens(const char *name, char *key, size_t cap, size_t *ntok,
                              size_t *first_len)
{
    ar_arena a;
    ar_init(&a, 4096);
    dc_doc d = {.text = name, .len = strlen(name)};
    size_t k = 0;
    *ntok = 0;
    *first_len = 0;
    if (dc_tokenize(&d, &a) == 0) {
        for (size_t i = 0; i < d.ntok; i++) {
            size_t n = d.tok[i].end - d.tok[i].start;
            if (k + n + 2 >= cap) { k = 0; break; }
            if (i) key[k++] = ' ';
            for (size_t j = 0; j < n; j++) key[k++] = (char)tolower((unsigned char)name[d.tok[i].start + j]);
            if (i == 0) *first_len = k;
        }
        *ntok = d.ntok;
    }
    ar_free(&a);
    key[k] = '\0';
    return k;
}

static int add_name(gz_gazetteer *g, const char *name, size_t idx)
{
    char key[256];
    size_t ntok, flen;
    size_t n = name_key(name, key, sizeof key, &ntok, &flen);
    if (!n) return 0;
    size_t v = idx;
    if (islower((unsigned char)name[0])) v |= GZ_LOWER_OK;
    size_t len = strlen(name), upper = 0;
    for (size_t i = 0; i < len; i++) upper += isupper((unsigned char)name[i]) != 0;
    if (len <= 4 && upper == len) v |= GZ_EXACT;
    size_t *old = sm_get(&g->names, key, n);
    if (old && g->e[GZ_IDX(*old)].cls <= g->e[idx].cls) return 0; /* the better class stays */
    /* firsts: a name's first word -> bit ntok set for each length of name
     * that starts with it, so a text's word is tried only at those */
    size_t *f = sm_get(&g->firsts, key, flen);
    size_t lens = (f ? *f : 0) | (ntok < 64 ? (size_t)1 << ntok : SIZE_MAX);
    if (sm_put(&g->names, key, n, v) || sm_put(&g->firsts, key, flen, lens)) return -1;
    /* lfirsts: the same for names a lower-case word may start (a name
     * later given a better class may leave its bit: one more try) */
    if (v & GZ_LOWER_OK) {
        f = sm_get(&g->lfirsts, key, flen);
        lens = (f ? *f : 0) | (ntok < 64 ? (size_t)1 << ntok : SIZE_MAX);
        if (sm_put(&g->lfirsts, key, flen, lens)) return -1;
        g->lfirst_lens[(unsigned char)key[0]] |= (uint64_t)1 << (flen < 63 ? flen : 63);
    }
    if (ntok > g->maxtok) g->maxtok = ntok;
    if (g->e[idx].cls == GZ_PERSON && ntok > 1) {
        const char *sp = strrchr(key, ' ');
        size_t sl = strlen(sp + 1);
        size_t *s = sm_get(&g->surnames, sp + 1, sl);
        if (sm_put(&g->surnames, sp + 1, sl, s && *s != idx ? GZ_SHARED : idx)) return -1;
        /* "Assad" for "Bashar al-Assad": the name without its particle */
        if (sl > 4 && (strncmp(sp + 1, "al-", 3) == 0 || strncmp(sp + 1, "el-", 3) == 0)) {
            s = sm_get(&g->surnames, sp + 4, sl - 3);
            if (sm_put(&g->surnames, sp + 4, sl - 3, s && *s != idx ? GZ_SHARED : idx)) return -1;
        }
    }
    return 0;
}

static int add_list(gz_gazetteer *g, char *list, size_t idx)
{
    char *save = NULL;
    for (char *t = strtok_r(list, "|", &save); t; t = strtok_r(NULL, "|", &save))
        if (*t && add_name(g, t, idx)) return -1;
    return 0;
}

/* ASCII lower case, as tolower in the C locale, without a call per byte:
 * every word of every text goes through here. */
static void lower_into(char *dst, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        dst[i] = (char)wd_fold(c);
    }
}

/* lasts gets person idx: what surname_only would learn by a pass over
 * every person for each shared surname, kept once at load. */
static int note_last(gz_gazetteer *g, size_t idx)
{
    const gz_entry *p = &g->e[idx];
    const char *last = p->name + p->last;
    size_t ll = p->last_len;
    if (strncasecmp(last, "al-", 3) == 0 || strncasecmp(last, "el-", 3) == 0) {
        last += 3;
        ll -= 3;
    }
    char key[128];
    if (!ll || ll >= sizeof key) return 0; /* no word of a text is sought so */
    lower_into(key, last, ll);
    size_t *v = sm_get(&g->lasts, key, ll);
    if (!v) return sm_put(&g->lasts, key, ll, idx);
    if (!(*v & GZ_MIXED) && strcmp(g->e[*v].country, p->country) != 0) *v |= GZ_MIXED;
    return 0;
}

static long new_entry(gz_gazetteer *g, const char *name, const char *country, gz_class cls,
                      const char *kind, const char *role)
{
    if (g->n == g->cap) {
        size_t nc = g->cap ? g->cap * 2 : 1024;
        gz_entry *p = realloc(g->e, nc * sizeof *p);
        if (!p) return -1;
        g->e = p;
        g->cap = nc;
    }
    gz_entry *e = &g->e[g->n];
    e->name = ar_strndup(&g->mem, name, strlen(name));
    /* "%.3s" without snprintf, a tenth of the start-up's loading */
    e->country[0] = '\0';
    if (country) st_put(e->country, sizeof e->country, 0, country, strnlen(country, 3));
    e->cls = (uint8_t)cls;
    e->kind = kind ? ar_strndup(&g->mem, kind, strlen(kind)) : NULL;
    e->role = role && *role ? ar_strndup(&g->mem, role, strlen(role)) : NULL;
    e->adj = NULL;
    if (!e->name) return -1;
    /* surnames are compared with every person named so far: kept, not sought */
    const char *sp = strrchr(e->name, ' ');
    size_t nl = strlen(e->name);
    e->last = (uint16_t)(sp && nl < 65536 ? sp + 1 - e->name : 0);
    e->last_len = (uint16_t)(nl < 65536 ? nl - e->last : 0);
    if (cls == GZ_PERSON && note_last(g, g->n)) return -1;
    return (long)g->n++;
}

/* Splits line at TABs into at most max fields (in place). */
static int split(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max + 1; p++)
        if (*p == '\t') {
            *p = '\0';
            if (n < max) f[n] = p + 1;
            n++;
        }
    return n;
}

int gz_load(gz_gazetteer *g, const char *path, const char *base, const char *data,
            size_t len, annals_error *err)
{
    int which = strcmp(base, "countries.tsv") == 0 ? 0 : strcmp(base, "places.tsv") == 0 ? 1
              : strcmp(base, "orgs.tsv") == 0 ? 2 : strcmp(base, "people.tsv") == 0 ? 3
              : strcmp(base, "titles.tsv") == 0 ? 4 : -1;
    if (which < 0) return 0; /* other TSV files belong to other stages */
    static const int cols[] = {5, 4, 4, 4, 2};
    size_t pos = 0;
    int lineno = 0;
    char line[4096];
    while (pos < len) {
        size_t e = pos;
        while (e < len && data[e] != '\n') e++;
        lineno++;
        size_t n = e - pos;
        if (n && data[pos + n - 1] == '\r') n--;
        if (n >= sizeof line)
            return er_set(err, ANNALS_ERR_GRAMMAR, "%s:%d: line too long", path, lineno);
        memcpy(line, data + pos, n);
        line[n] = '\0';
        pos = e + 1;
        if (n == 0 || line[0] == '#') continue;
        char *f[6] = {0};
        int nf = split(line, f, 5);
        if (nf != cols[which])
            return er_set(err, ANNALS_ERR_GRAMMAR, "%s:%d: %d columns, expected %d", path,
                          lineno, nf, cols[which]);
        long idx;
        int bad = 0;
        switch (which) {
        case 0: /* iso3 name aliases demonyms capital */
            if (strlen(f[0]) != 3)
                return er_set(err, ANNALS_ERR_GRAMMAR, "%s:%d: '%s' is not an ISO alpha-3 code",
                              path, lineno, f[0]);
            idx = new_entry(g, f[1], f[0], GZ_COUNTRY, "state", NULL);
            bad = idx < 0 || sm_put(&g->countries, f[0], 3, (size_t)idx) || add_name(g, f[1], (size_t)idx) ||
                  add_list(g, f[2], (size_t)idx);
            if (!bad && *f[3]) {
                /* the first demonym names the country's people: "Indian protesters" */
                size_t al = strcspn(f[3], "|");
                g->e[idx].adj = ar_strndup(&g->mem, f[3], al);
                long d = new_entry(g, f[1], f[0], GZ_DEMONYM, "state", NULL);
                bad = d < 0 || add_list(g, f[3], (size_t)d);
            }
            if (!bad && *f[4]) {
                long c = new_entry(g, f[1], f[0], GZ_CAPITAL, "state", f[4]);
                bad = c < 0 || add_name(g, f[4], (size_t)c);
            }
            break;
        case 1: /* name iso3 kind aliases */
            idx = new_entry(g, f[0], f[1], GZ_PLACE, f[2], NULL);
            bad = idx < 0 || add_name(g, f[0], (size_t)idx) || add_list(g, f[3], (size_t)idx);
            break;
        case 2: /* name aliases kind country */
            idx = new_entry(g, f[0], f[3], GZ_ORG, f[2], NULL);
            bad = idx < 0 || add_name(g, f[0], (size_t)idx) || add_list(g, f[1], (size_t)idx);
            break;
        case 3: /* name aliases country role */
            idx = new_entry(g, f[0], f[2], GZ_PERSON, "person", f[3]);
            bad = idx < 0 || add_name(g, f[0], (size_t)idx) || add_list(g, f[1], (size_t)idx);
            break;
        default: /* title kind */
            idx = new_entry(g, f[0], NULL, GZ_TITLE, f[1], NULL);
            bad = idx < 0 || add_name(g, f[0], (size_t)idx);
        }
        if (bad) return er_set(err, ANNALS_ERR_NOMEM, "out of memory");
    }
    return 0;
}

const gz_entry *gz_country(const gz_gazetteer *g, const char *iso3)
{
    size_t *v = iso3 && *iso3 ? sm_get(&g->countries, iso3, strlen(iso3)) : NULL;
    return v ? &g->e[*v] : NULL;
}

const gz_entry *gz_lookup(const gz_gazetteer *g, const char *name)
{
    char key[256];
    size_t ntok, first;
    size_t k = name_key(name, key, sizeof key, &ntok, &first);
    size_t *v = k ? sm_get(&g->names, key, k) : NULL;
    return v ? &g->e[GZ_IDX(*v)] : NULL;
}

const gz_entry *gz_lookup_surname(const gz_gazetteer *g, const char *word, size_t len)
{
    char key[64];
    if (!len || len >= sizeof key) return NULL;
    for (size_t i = 0; i < len; i++) key[i] = (char)tolower((unsigned char)word[i]);
    size_t *v = sm_get(&g->surnames, key, len);
    return v && *v != GZ_SHARED ? &g->e[*v] : NULL;
}

/* The most tokens a key of 512 bytes can hold (one byte and a space each). */
#define GZ_MAXKEYTOK 256

/* Length of a token without a possessive 's (0 if it has none). */
static size_t strip_poss(const char *s, size_t n)
{
    if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'') return n - 2;
    if (n > 4 && s[n - 1] == 's' && memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0) return n - 4;
    return 0;
}


/* lower_into, extending hash h by the bytes it writes. */
static uint64_t lower_hash_on(char *dst, const char *s, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        c = wd_fold(c);
        dst[i] = (char)c;
        h = sm_hash_step(h, c);
    }
    return h;
}

/* lower_into, hashing as it goes (sm_hash of dst[0, n)); *hp gets the
 * hash of dst[0, p), the word less its possessive. Every word of a text
 * is looked up so: one pass over it, not three. */
static uint64_t lower_hash(char *dst, const char *s, size_t n, size_t p, uint64_t *hp)
{
    *hp = lower_hash_on(dst, s, p, SM_HASH_SEED);
    return lower_hash_on(dst + p, s + p, n - p, *hp);
}

/* May a lower-case word s of tl bytes (tp without its possessive, or 0)
 * start a name? Most words of a text may not: few names start lower case,
 * with few first letters and lengths. No means no lfirsts key is the word. */
static int lfirst_may(const gz_gazetteer *g, const char *s, size_t tl, size_t tp)
{
    uint64_t m = g->lfirst_lens[wd_fold((unsigned char)s[0])];
    return (m >> (tl < 63 ? tl : 63) & 1) || (tp && (m >> (tp < 63 ? tp : 63) & 1));
}

/* Does the text's spelling satisfy the name's case rule? */
static int case_ok(const dc_doc *d, const dc_token *t, size_t v, size_t keylen_first)
{
    if ((v & GZ_EXACT)) { /* all capitals in the text too */
        for (uint32_t i = t->start; i < t->start + keylen_first && i < t->end; i++)
            if (islower((unsigned char)d->text[i])) return 0;
        return 1;
    }
    /* "1922 Committee", "G20": digits have no case */
    return (t->flags & DC_CAP) || (v & GZ_LOWER_OK) || t->kind == DC_NUM;
}

/* "Egypt's Morsi To Compromise Or Step Down": in a headline's title case a
 * capitalised function word after a surname is no part of a name. */
static int headline_word(const dc_doc *d, uint32_t t)
{
    static const char *const w[] = {"to", "or", "and", "in", "on", "of", "for", "at", "as", "by",
                                    "with", "from", "after", "over", "says", "said", "is", "was",
                                    "will", "won't", "has", "had", "meets", "met", "visits", NULL};
    size_t n = d->tok[t].end - d->tok[t].start;
    for (size_t i = 0; w[i]; i++)
        if (strlen(w[i]) == n && strncasecmp(d->text + d->tok[t].start, w[i], n) == 0) return 1;
    return 0;
}

/* The last person named in full among res[0, n) whose last name is the
 * lower-case word w (n bytes), or NULL. */
static const gz_entry *named_before(const gz_mention *res, size_t n, const char *w, size_t wl)
{
    while (n-- > 0) {
        const gz_entry *e = res[n].e;
        if (e->cls != GZ_PERSON || res[n].by_surname) continue;
        if (e->last && e->last_len == wl && strncasecmp(e->name + e->last, w, wl) == 0) return e;
    }
    return NULL;
}

/* "Assad" when several known people bear the name and the document names
 * none of them in full: a person of that name (w as written, low in lower
 * case), of their country when they share one. Allocated from a; NULL on
 * failure. */
static const gz_entry *surname_only(const gz_gazetteer *g, ar_arena *a, const char *w,
                                    const char *low, size_t wl)
{
    gz_entry *e = ar_alloc(a, sizeof *e);
    char *name = e ? ar_strndup(a, w, wl) : NULL;
    if (!name) return NULL;
    memset(e, 0, sizeof *e);
    e->name = name;
    e->last_len = (uint16_t)(wl < 65536 ? wl : 0);
    e->cls = GZ_PERSON;
    e->kind = "person";
    const size_t *v = sm_get(&g->lasts, low, wl);
    if (v && !(*v & GZ_MIXED)) memcpy(e->country, g->e[*v].country, sizeof e->country);
    return e;
}

int gz_find(const gz_gazetteer *g, const dc_doc *d, ar_arena *a, gz_mention **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!d->ntok || !g->n) return 0;
    gz_mention *res = ar_alloc(a, d->ntok * sizeof *res);
    if (!res) return -1;
    sm_map seen; /* people named in full so far */
    sm_init(&seen);
    char key[512];
    size_t kend[GZ_MAXKEYTOK];
    uint64_t khash[GZ_MAXKEYTOK]; /* sm_hash of key[0, kend[j]) */
    for (size_t s = 0; s < d->nsent; s++) {
        uint32_t t0 = d->sent[s].tok0, tend = t0 + d->sent[s].ntok;
        for (uint32_t i = t0; i < tend; i++) {
            const dc_token *t = &d->tok[i];
            if (t->kind != DC_WORD && t->kind != DC_NUM) continue;
            size_t tl = t->end - t->start, tp = strip_poss(d->text + t->start, tl);
            if (tl >= 128) continue;
            /* a lower-case word starts only a name that may be written so
             * (case_ok): most words of a text, asked of a small map -- and
             * most of them not even that, without a key (keyed: key and
             * hashes made) */
            const sm_map *fm = t->kind == DC_WORD && !(t->flags & DC_CAP) ? &g->lfirsts : &g->firsts;
            uint64_t hp = 0, hw = 0;
            int keyed = fm != &g->lfirsts || lfirst_may(g, d->text + t->start, tl, tp);
            if (!keyed) goto surname;
            hw = lower_hash(key, d->text + t->start, tl, tp, &hp);
            const size_t *fw = sm_get_h(fm, key, tl, hw), *fp = tp ? sm_get_h(fm, key, tp, hp) : NULL;
            if (!fw && !fp) goto surname;
            size_t lens = (fw ? *fw : 0) | (fp ? *fp : 0);
            size_t maxl = g->maxtok < tend - i ? g->maxtok : tend - i;
            /* the key of the longest name that may start here, built once:
             * a shorter one is its prefix (kend: where each token ends;
             * khash: its hash, so that no length tried hashes it again) */
            uint64_t h = SM_HASH_SEED;
            size_t want = maxl, fit = 0, k = 0;
            if (!(lens >> 63)) /* no name of 63+ tokens starts so: the longest one's */
                while (want > 0 && !(lens >> want & 1)) want--;
            for (size_t j = 0; j < want && j < GZ_MAXKEYTOK; j++) {
                const dc_token *u = &d->tok[i + j];
                size_t ul = u->end - u->start;
                /* names are written with single spaces, or none (St.John) */
                if (j && u->start - d->tok[i + j - 1].end > 1) break;
                if (k + ul + 2 >= sizeof key) break;
                if (j) {
                    key[k++] = ' ';
                    h = sm_hash_step(h, ' ');
                }
                h = lower_hash_on(key + k, d->text + u->start, ul, h);
                k += ul;
                kend[j] = k;
                khash[j] = h;
                fit = j + 1;
            }
            for (size_t len = maxl; len >= 1; len--) {
                if (len < 64 && !(lens >> len & 1)) continue; /* no name this long starts so */
                if (len > fit) continue;
                k = kend[len - 1];
                const dc_token *last = &d->tok[i + len - 1];
                size_t lp = strip_poss(d->text + last->start, last->end - last->start);
                size_t *v = sm_get_h(&g->names, key, k, khash[len - 1]);
                int poss = 0;
                if (!v && lp) {
                    v = sm_get(&g->names, key, k - (last->end - last->start - lp));
                    poss = v != NULL;
                }
                /* "NATO's": the possessive 's is no part of the capitals */
                if (!v || !case_ok(d, t, *v, tp ? tp : tl)) continue;
                const gz_entry *e = &g->e[GZ_IDX(*v)];
                gz_mention *m = &res[(*n)++];
                m->tok0 = i;
                m->ntok = (uint32_t)len;
                m->start = t->start;
                m->end = poss ? last->start + (uint32_t)lp : last->end;
                m->e = e;
                m->poss = (uint8_t)poss;
                m->by_surname = 0;
                if (e->cls == GZ_PERSON && sm_put(&seen, e->name, strlen(e->name), 1)) {
                    sm_free(&seen);
                    return -1;
                }
                i += (uint32_t)len - 1;
                goto next;
            }
        surname:
            /* "Saudi-led forces": the one who leads is named inside the word */
            if (t->kind == DC_WORD && tl > 5 && d->text[t->end - 4] == '-' &&
                wd_is(d->text + t->end - 4, 4, "-led")) {
                if (!keyed) lower_into(key, d->text + t->start, tl);
                size_t *v = sm_get(&g->names, key, tl - 4);
                const gz_entry *e = v && case_ok(d, t, *v, tl - 4) ? &g->e[GZ_IDX(*v)] : NULL;
                if (e && (e->cls == GZ_COUNTRY || e->cls == GZ_DEMONYM || e->cls == GZ_ORG ||
                          e->cls == GZ_CAPITAL)) {
                    gz_mention *m = &res[(*n)++];
                    m->tok0 = i;
                    m->ntok = 1;
                    m->start = t->start;
                    m->end = t->end - 4;
                    m->e = e;
                    m->poss = 0;
                    m->by_surname = 0;
                    goto next;
                }
            }
            if (t->kind == DC_WORD && (t->flags & DC_CAP)) {
                size_t sl = tp ? tp : tl;
                size_t *v = sm_get_h(&g->surnames, key, sl, tp ? hp : hw);
                /* "Mueller" when two known people have the name: the one
                 * this document has named in full */
                const gz_entry *shared = v && *v == GZ_SHARED ? named_before(res, *n, key, sl) : NULL;
                /* none named in full: the surname alone, a person still */
                if (v && *v == GZ_SHARED && !shared)
                    shared = surname_only(g, a, d->text + t->start, key, sl);
                if (v && (*v != GZ_SHARED || shared)) {
                    const gz_entry *e = shared ? shared : &g->e[*v];
                    int titled = *n && res[*n - 1].e->cls == GZ_TITLE && res[*n - 1].tok0 + res[*n - 1].ntok == i;
                    int known = sm_get(&seen, e->name, strlen(e->name)) != NULL;
                    /* "Graham Brady": a capitalised word after it makes it a first name */
                    /* the text is not NUL-terminated: compare within the token */
                    const char *nx = i + 1 < tend ? d->text + d->tok[i + 1].start : "";
                    size_t nxl = i + 1 < tend ? d->tok[i + 1].end - d->tok[i + 1].start : 0;
                    int particle = nxl >= 3 && (memcmp(nx, "al-", 3) == 0 || memcmp(nx, "el-", 3) == 0);
                    int first_name = !tp && i + 1 < tend && d->tok[i + 1].kind == DC_WORD &&
                                     ((d->tok[i + 1].flags & DC_CAP) || particle) &&
                                     d->tok[i + 1].start == t->end + 1 &&
                                     !headline_word(d, i + 1);
                    if ((known || titled || sl >= 5) && !first_name) {
                        gz_mention *m = &res[(*n)++];
                        m->tok0 = i;
                        m->ntok = 1;
                        m->start = t->start;
                        m->end = t->start + (uint32_t)sl;
                        m->e = e;
                        m->poss = tp != 0;
                        m->by_surname = 1;
                    }
                }
            }
        next:;
        }
    }
    sm_free(&seen);
    *out = res;
    return 0;
}

size_t gz_first_at(const gz_mention *m, size_t n, uint32_t t)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m[mid].tok0 < t) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}
