/* Some sites run a box of related headlines into the text after a name:
 * "Mark EsperMark Thomas EsperEsper scorches Trump MORE said Wednesday".
 * The headlines ("Fired watchdog says ...", "senator calls for Barr to
 * resign") are other stories, and the annotators take no event from them.
 * The box starts where a word runs into a capital ("EsperMark",
 * "TrumpGOP") and ends at the capitalised word "MORE"; both lie on the
 * trigger's line, within a few hundred bytes, with no sentence end
 * between. */
#include "ev_clutter.h"
#include <ctype.h>
#include <string.h>

#define REACH 400 /* bytes either side of the trigger */

/* Is "MORE" at p a word, not "READ MORE", "LEARN MORE"? */
static int more_at(const dc_doc *d, uint32_t p)
{
    if (p + 4 > d->len || memcmp(d->text + p, "MORE", 4) != 0) return 0;
    if (p + 4 < d->len && isalnum((unsigned char)d->text[p + 4])) return 0;
    if (p == 0 || d->text[p - 1] != ' ') return 0;
    uint32_t w = p - 1;
    while (w > 0 && isupper((unsigned char)d->text[w - 1])) w--;
    return w == p - 1; /* the word before is not in capitals */
}

/* Does a word end at p - 1 with three lower-case letters, run into the
 * capital at p - 1 ... that is, "TrumpGOP", "EsperMark" (not "McKenzie",
 * "DeSantis", "MacArthur")? */
static int glue_at(const char *t, uint32_t p)
{
    return p >= 4 && isupper((unsigned char)t[p - 1]) && islower((unsigned char)t[p - 2]) &&
           islower((unsigned char)t[p - 3]) && islower((unsigned char)t[p - 4]);
}

int ev_clutter(const dc_doc *d, uint32_t at)
{
    const char *t = d->text;
    int closed = 0;
    /* most triggers have no "MORE" within reach: one memmem, not a test
     * at every byte */
    if (at >= d->len) return 0;
    size_t span = d->len - at < REACH + 3 ? d->len - at : REACH + 3;
    if (!memmem(t + at, span, "MORE", 4)) return 0;
    /* a "MORE" ahead, before any sentence end or the start of a box */
    for (uint32_t p = at; p < d->len && p < at + REACH && t[p] != '\n'; p++) {
        if (t[p] == '.' && p + 1 < d->len && t[p + 1] == ' ') break;
        if (p > at + 1 && glue_at(t, p)) break;
        if (more_at(d, p)) { closed = 1; break; }
    }
    if (!closed) return 0;
    /* and the start of the box behind, with no sentence end nor the
     * "MORE" of an earlier box between */
    for (uint32_t p = at; p > 0 && p + REACH > at && t[p - 1] != '\n'; p--) {
        if (t[p - 1] == '.' && t[p] == ' ') return 0;
        if (more_at(d, p)) return 0;
        if (glue_at(t, p)) return 1;
    }
    return 0;
}
