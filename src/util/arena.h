/* arena: a bump allocator for everything that lives as long as one
 * document. Freed in one step; no per-token malloc. */
#ifndef AR_ARENA_H
#define AR_ARENA_H
#include <stddef.h>

typedef struct ar_block ar_block;
typedef struct ar_arena {
    ar_block *head;
    size_t block_size;
} ar_arena;

void ar_init(ar_arena *a, size_t block_size);
/* Aligned to max_align_t; NULL only when memory runs out. */
void *ar_alloc(ar_arena *a, size_t n);
/* A copy of s[0..n) with a NUL after it. */
char *ar_strndup(ar_arena *a, const char *s, size_t n);
/* Keeps the first block, forgets the rest: reuse for the next document. */
void ar_reset(ar_arena *a);
void ar_free(ar_arena *a);
#endif
