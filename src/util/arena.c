#include "arena.h"
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ar_block {
    ar_block *next;
    size_t size, used;
    alignas(max_align_t) unsigned char data[];
};

void ar_init(ar_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
}

static ar_block *block_new(size_t size)
{
    ar_block *b = malloc(sizeof *b + size);
    if (!b) return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

void *ar_alloc(ar_arena *a, size_t n)
{
    const size_t al = alignof(max_align_t);
    if (n == 0) n = 1;
    if (n > SIZE_MAX - al) return NULL;
    n = (n + al - 1) & ~(al - 1);
    ar_block *b = a->head;
    if (!b || b->size - b->used < n) {
        /* Big requests get a block of their own, behind the current one,
         * so the current block's free space is not wasted. */
        size_t size = n > a->block_size ? n : a->block_size;
        ar_block *nb = block_new(size);
        if (!nb) return NULL;
        if (b && n > a->block_size) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

char *ar_strndup(ar_arena *a, const char *s, size_t n)
{
    char *p = ar_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void ar_reset(ar_arena *a)
{
    ar_block *keep = NULL, *b = a->head;
    while (b) {
        ar_block *next = b->next;
        if (!keep && b->size == a->block_size) {
            keep = b;
            keep->used = 0;
            keep->next = NULL;
        } else {
            free(b);
        }
        b = next;
    }
    a->head = keep;
}

void ar_free(ar_arena *a)
{
    ar_block *b = a->head;
    while (b) {
        ar_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
