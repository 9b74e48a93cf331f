/* Sentence splitter over tokens. A sentence ends at . ! ? (with closing
 * quotes and brackets) before a capital, a digit or an opening quote,
 * unless the dot belongs to an abbreviation; a blank line always ends one,
 * and a short line without final punctuation (a headline, a byline) too. */
#include "doc.h"
#include "../util/word.h"
#include <string.h>
#include <strings.h>

/* Abbreviations after which a dot never ends a sentence: titles, month
 * and weekday abbreviations, US states as wire copy writes them. */
static const char *const never_end[] = {
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Capt", "Cpt", "Adm",
    "Maj", "Cpl", "Pvt", "Cmdr", "Brig", "Sen", "Rep", "Reps", "Gov", "Pres",
    "St", "Rev", "Prof", "Fr", "Mt", "Ft", "Hon", "Insp", "Supt", "Det",
    "No", "Nos", "Vol", "vs", "v", "Messrs", "Gens", "Sens", "approx", "Ave",
    "Blvd", "Rd", "Sr", "Jr", "Amb", "Sec", "Atty", "Rt", "Pte",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
    "Sat", "Sun", "Inc", "Corp", "Co", "Ltd", "Bros", "etc", "al", "cf", "e.g",
    "i.e", "Calif", "Mass", "Ariz", "Colo", "Conn", "Fla", "Ill", "Ind", "Ala", "Ark",
    "Del", "Ga", "Mo", "Mont",
    "Kan", "Ky", "La", "Md", "Mich", "Minn", "Miss", "Neb", "Nev", "Okla",
    "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", NULL};

/* Words that open a sentence: after an acronym such as U.S. they mark a
 * real end ("troops left the U.S. The next day..."). */
static const char *const starters[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On",
    "But", "And", "This", "That", "These", "Those", "There", "His", "Her",
    "Their", "Its", "Our", "As", "At", "After", "Before", "When", "While",
    "If", "Some", "Many", "Most", "Meanwhile", "However", "Still", "Yet",
    "Officials", "According", "Last", "Earlier", "Later", NULL};

/* A line that ends in one of these words continues on the next line. */
static const char *const joiners[] = {
    "a", "an", "the", "of", "on", "in", "at", "to", "and", "or", "but", "for",
    "with", "from", "by", "as", "that", "than", "into", "over", "after",
    "before", "his", "her", "their", "its", "our", "is", "was", "were", "are",
    "be", "been", "has", "had", "have", "will", "would", "said", "says", NULL};

static int tok_is(const dc_doc *d, size_t t, const char *s)
{
    return wd_same(d->text + d->tok[t].start, d->tok[t].end - d->tok[t].start, s);
}

/* Token t is one byte of `set`, or the curly quote E2 80 u3a or E2 80
 * u3b (u3a 0: none). These run for every token: no strlen, no strchr. */
static inline int tok_one_of(const dc_doc *d, size_t t, const char *set, unsigned char u3a,
                             unsigned char u3b)
{
    const unsigned char *s = (const unsigned char *)d->text + d->tok[t].start;
    uint32_t n = d->tok[t].end - d->tok[t].start;
    if (n == 1) {
        for (const char *c = set; *c; c++)
            if (*s == (unsigned char)*c) return 1;
        return 0;
    }
    return n == 3 && u3a && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == u3a || s[2] == u3b);
}

static int is_final(const dc_doc *d, size_t t)
{
    return d->tok[t].kind == DC_PUNCT && tok_one_of(d, t, ".!?", 0, 0);
}

static int is_closer(const dc_doc *d, size_t t)
{
    return tok_one_of(d, t, "\"')]", 0x9D, 0x99); /* ” ’ */
}

static int is_opener(const dc_doc *d, size_t t)
{
    return tok_one_of(d, t, "\"'([", 0x9C, 0x98); /* “ ‘ */
}

static int ends_with_dot(const dc_doc *d, size_t t)
{
    return d->tok[t].end > d->tok[t].start && d->text[d->tok[t].end - 1] == '.';
}

/* Would a sentence end between token t-1 (a final mark at `mark`, after
 * the word `w`) and token t? */
static int dot_ends(const dc_doc *d, size_t w, size_t mark, size_t t)
{
    const dc_token *nx = &d->tok[t];
    int opens = (nx->flags & DC_CAP) || nx->kind == DC_NUM || is_opener(d, t);
    if (!opens) return 0;
    if (!tok_is(d, mark, ".")) return 1; /* ! and ? always end */
    if (mark != w + 1) return 1;        /* ". " after a quote or bracket */
    const dc_token *wt = &d->tok[w];
    size_t wl = wt->end - wt->start;
    const char *ws = d->text + wt->start;
    if (wt->kind != DC_WORD) return 1;
    /* An initial: "J. K. Rowling", "George W. Bush". */
    if (wl == 1 && (wt->flags & DC_CAP)) return 0;
    return !wd_among(ws, wl, never_end);
}

int dc_split(dc_doc *d, ar_arena *a)
{
    d->sent = NULL;
    d->nsent = 0;
    if (d->ntok == 0) return 0;
    /* At most one sentence per token. */
    d->sent = ar_alloc(a, d->ntok * sizeof *d->sent);
    if (!d->sent) return -1;
    size_t first = 0;
    for (size_t t = 1; t <= d->ntok; t++) {
        int cut = 0;
        if (t == d->ntok) {
            cut = 1;
        } else if (d->tok[t].flags & DC_PARA) {
            cut = 1;
        } else if (d->tok[t].flags & DC_NL) {
            /* A short line with no final mark: a headline or byline. */
            size_t line0 = first;
            for (size_t k = t; k-- > first;)
                if (d->tok[k].flags & DC_NL) { line0 = k; break; }
            size_t linelen = d->tok[t - 1].end - d->tok[line0].start;
            const dc_token *prev = &d->tok[t - 1];
            int open_end = prev->kind == DC_PUNCT && !is_final(d, t - 1) &&
                           !is_closer(d, t - 1);
            int joins = prev->kind == DC_WORD &&
                        wd_among(d->text + prev->start, prev->end - prev->start, joiners);
            if (linelen < 80 && !open_end && !joins && !is_final(d, t - 1) &&
                !ends_with_dot(d, t - 1) && (d->tok[t].flags & DC_CAP))
                cut = 1;
        }
        /* A quote or bracket glued to the mark before it closes it. */
        int glued = t < d->ntok && d->tok[t].start == d->tok[t - 1].end && is_closer(d, t);
        if (!cut && !glued) {
            /* Find a final mark just before t, past any closers. */
            size_t k = t;
            while (k > first + 1 && is_closer(d, k - 1)) k--;
            if (k > first && is_final(d, k - 1)) {
                size_t mark = k - 1, w = mark;
                while (w > first && is_final(d, w - 1)) w--; /* "...", "?!" */
                w = w > first ? w - 1 : w;
                cut = dot_ends(d, w, mark, t);
            } else if (k == t && ends_with_dot(d, t - 1) && d->tok[t - 1].kind == DC_WORD) {
                /* An acronym with its dot (U.S.) ends a sentence only
                 * before a word that typically opens one. */
                const dc_token *nx = &d->tok[t];
                cut = wd_among(d->text + nx->start, nx->end - nx->start, starters);
            }
        }
        if (!cut && t < d->ntok && d->tok[t].end - d->tok[first].start > DC_MAX_SENT) {
            /* An endless sentence (a list, a table, text without marks):
             * cut at its last line break, else here. The work on one
             * sentence grows faster than its length; bounded sentences
             * keep the whole linear. */
            size_t k = t;
            while (k > first + 1 && !(d->tok[k].flags & DC_NL)) k--;
            if (k > first + 1) {
                dc_sent *s = &d->sent[d->nsent++];
                s->tok0 = (uint32_t)first;
                s->ntok = (uint32_t)(k - first);
                s->start = d->tok[first].start;
                s->end = d->tok[k - 1].end;
                first = k;
            } else {
                cut = 1;
            }
        }
        if (cut) {
            dc_sent *s = &d->sent[d->nsent++];
            s->tok0 = (uint32_t)first;
            s->ntok = (uint32_t)(t - first);
            s->start = d->tok[first].start;
            s->end = d->tok[t - 1].end;
            first = t;
        }
    }
    return 0;
}
