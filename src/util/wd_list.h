/* wd_list: a word list (as wd_in takes it) with a filter of the first
 * letters, lengths and second letters its words have. A scan of a list of dozens of words
 * costs a test per word; most words of a text start with a letter that,
 * at their length, no word of the list has, and the filter says so with
 * one bit. Made on first use (lists are static data, and the threads
 * that race to make a filter store the same bits, atomically). */
#ifndef WD_LIST_H
#define WD_LIST_H
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include "word.h"

typedef struct wd_list {
    const char *const *w;        /* NULL-terminated */
    _Atomic uint32_t lens[26];   /* bit n of [c]: a word of n < 32 bytes starts with letter c */
    _Atomic uint32_t second[26]; /* bit b of [c]: a word starts with c and then letter b
                                    (b 26: no letter after c) */
    _Atomic uint64_t other[4];   /* bit x: a word starts with a byte that is no letter and
                                    whose x = byte | 0x20 (wd_in's first-byte test) */
    _Atomic int made;
} wd_list;

/* The letter after the first of s[0, n) (0-25), or 26 for none. */
static inline unsigned wdl_second(const char *s, size_t n)
{
    unsigned b = n > 1 ? (unsigned)wd_fold((unsigned char)s[1]) - 'a' : 26u;
    return b < 26 ? b : 26u;
}

static inline void wdl_make(wd_list *l)
{
    uint32_t lens[26] = {0}, second[26] = {0};
    uint64_t other[4] = {0};
    for (size_t i = 0; l->w[i]; i++) {
        unsigned c = (unsigned)wd_fold((unsigned char)l->w[i][0]) - 'a';
        size_t n = 0;
        while (l->w[i][n]) n++;
        if (c >= 26) {
            unsigned x = (unsigned char)l->w[i][0] | 0x20u;
            other[x / 64] |= (uint64_t)1 << (x % 64);
            continue;
        }
        if (n < 32) lens[c] |= (uint32_t)1 << n;
        second[c] |= (uint32_t)1 << wdl_second(l->w[i], n);
    }
    for (int c = 0; c < 26; c++) {
        atomic_store_explicit(&l->lens[c], lens[c], memory_order_relaxed);
        atomic_store_explicit(&l->second[c], second[c], memory_order_relaxed);
    }
    for (int k = 0; k < 4; k++) atomic_store_explicit(&l->other[k], other[k], memory_order_relaxed);
    atomic_store_explicit(&l->made, 1, memory_order_release);
}

/* wd_in(s, n, l->w), most often answered by the filter. */
static inline int wdl_in(wd_list *l, const char *s, size_t n)
{
    if (!atomic_load_explicit(&l->made, memory_order_acquire)) wdl_make(l);
    unsigned c = n ? (unsigned)wd_fold((unsigned char)s[0]) - 'a' : 26u;
    /* a word of the list that s is starts with its letter, has its length
     * and its second letter (or none, as s) */
    if (c < 26 && n < 32 && !(atomic_load_explicit(&l->lens[c], memory_order_relaxed) >> n & 1))
        return 0;
    if (c < 26 && !(atomic_load_explicit(&l->second[c], memory_order_relaxed) >> wdl_second(s, n) & 1))
        return 0;
    /* a comma or a number: a word of the list that starts so, or none */
    unsigned x = (n ? (unsigned char)s[0] : 0u) | 0x20u;
    if (c >= 26 && !(atomic_load_explicit(&l->other[x / 64], memory_order_relaxed) >> (x % 64) & 1))
        return 0;
    return wd_in(s, n, l->w);
}
#endif
