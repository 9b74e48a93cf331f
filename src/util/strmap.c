#include "strmap.h"
#include <stdlib.h>
#include <string.h>

#define SM_FILTER_BITS 65536

static size_t filter_bit(uint64_t h)
{
    return (size_t)(h >> 40) & (SM_FILTER_BITS - 1); /* not the bits that pick a slot */
}

void sm_init(sm_map *m)
{
    m->filter = NULL;
    m->slots = NULL;
    m->cap = m->count = 0;
    ar_init(&m->keys, 16 * 1024);
}

void sm_free(sm_map *m)
{
    free(m->filter);
    m->filter = NULL;
    free(m->slots);
    ar_free(&m->keys);
    m->slots = NULL;
    m->cap = m->count = 0;
}

/* FNV-1a: simple, and good enough for words and ids. */
uint64_t sm_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static sm_slot *find(const sm_map *m, const char *key, size_t n, uint64_t h)
{
    size_t mask = m->cap - 1, i = (size_t)h & mask;
    for (;;) {
        sm_slot *s = &m->slots[i];
        if (!s->key) return s;
        if (s->hash == h && s->len == n && memcmp(s->key, key, n) == 0) return s;
        i = (i + 1) & mask;
    }
}

size_t *sm_get(const sm_map *m, const char *key, size_t n)
{
    return sm_get_h(m, key, n, sm_hash(key, n));
}

size_t *sm_get_h(const sm_map *m, const char *key, size_t n, uint64_t h)
{
    if (!m->cap) return NULL;
    if (m->filter && !(m->filter[filter_bit(h) / 64] >> (filter_bit(h) % 64) & 1)) return NULL;
    sm_slot *s = find(m, key, n, h);
    return s->key ? &s->value : NULL;
}

static int grow(sm_map *m)
{
    size_t nc = m->cap ? m->cap * 2 : 64;
    sm_slot *old = m->slots;
    size_t oldcap = m->cap;
    m->slots = calloc(nc, sizeof *m->slots);
    if (!m->slots) { m->slots = old; return -1; }
    m->cap = nc;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].key) *find(m, old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
    return 0;
}

int sm_put(sm_map *m, const char *key, size_t n, size_t value)
{
    /* at most half full: most lookups (a text's words in a gazetteer)
     * miss, and a miss probes to the next empty slot */
    if ((m->count + 1) * 2 > m->cap && grow(m)) return -1;
    uint64_t h = sm_hash(key, n);
    sm_slot *s = find(m, key, n, h);
    if (!s->key) {
        char *k = ar_strndup(&m->keys, key, n);
        if (!k) return -1;
        s->key = k;
        s->len = n;
        s->hash = h;
        m->count++;
        if (m->filter) m->filter[filter_bit(h) / 64] |= (uint64_t)1 << (filter_bit(h) % 64);
    }
    s->value = value;
    return 0;
}

int sm_filter(sm_map *m)
{
    if (m->filter) return 0;
    m->filter = calloc(SM_FILTER_BITS / 64, sizeof *m->filter);
    if (!m->filter) return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            m->filter[filter_bit(m->slots[i].hash) / 64] |= (uint64_t)1 << (filter_bit(m->slots[i].hash) % 64);
    return 0;
}
