#include "doc.h"
#include <stdint.h>

int dc_build(dc_doc *d, ar_arena *a, const char *text, size_t len)
{
    d->text = text;
    d->len = len;
    d->tok = NULL;
    d->sent = NULL;
    d->ntok = d->nsent = 0;
    d->words = NULL;
    if (len >= UINT32_MAX) return -1; /* offsets are 32-bit */
    if (dc_tokenize(d, a)) return -1;
    return dc_split(d, a);
}

long dc_sentence_at(const dc_doc *d, size_t off)
{
    size_t lo = 0, hi = d->nsent;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->sent[mid].end <= off) lo = mid + 1;
        else hi = mid;
    }
    if (lo < d->nsent && d->sent[lo].start <= off) return (long)lo;
    return -1;
}
