/* strmap: an open-addressing hash map from byte strings to size_t. Keys
 * are copied into the map's own arena. */
#ifndef SM_STRMAP_H
#define SM_STRMAP_H
#include <stddef.h>
#include <stdint.h>
#include "arena.h"

typedef struct sm_slot {
    const char *key;
    size_t len;
    uint64_t hash;
    size_t value;
} sm_slot;

typedef struct sm_map {
    sm_slot *slots;
    size_t cap, count;
    ar_arena keys;
    uint64_t *filter; /* see sm_filter; NULL: none */
} sm_map;

void sm_init(sm_map *m);
void sm_free(sm_map *m);
/* FNV-1a; sm_hash_step extends a hash by one byte, so the hashes of a
 * word's prefixes come one byte at a time. */
uint64_t sm_hash(const char *s, size_t n);
#define SM_HASH_SEED 1469598103934665603ULL
static inline uint64_t sm_hash_step(uint64_t h, unsigned char c)
{
    return (h ^ c) * 1099511628211ULL;
}
/* The value stored for key, or NULL. */
size_t *sm_get(const sm_map *m, const char *key, size_t n);
/* The same, with h = sm_hash(key, n) already known. */
size_t *sm_get_h(const sm_map *m, const char *key, size_t n, uint64_t h);
/* Keeps a filter of the keys (a bit per hash, 8 KB, in cache) that the
 * lookups check first: a map most lookups miss -- a gazetteer asked about
 * every word of a text -- then costs no probe of its slots for most
 * words. Call on an empty or full map; -1 on out of memory. */
int sm_filter(sm_map *m);
/* Sets key to value (inserting or replacing). -1 on out of memory. */
int sm_put(sm_map *m, const char *key, size_t n, size_t value);
#endif
