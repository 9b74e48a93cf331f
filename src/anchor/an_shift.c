/* an_shift: "a day after", "two days before" -- a count of days that
 * links two times of one sentence (an_clause.h). The date across the
 * link is the other event's; this counts from it. */
#include "an_clause.h"
#include "anchor.h"
#include "../util/cal.h"
#include <stdlib.h>
#include <string.h>

/* The number of token t as a count of days: "a", "one" ... "ten",
 * digits; 0 if none. */
static int count_of(const dc_doc *d, uint32_t t)
{
    static const char *const words[] = {"a", "one", "two", "three", "four", "five",
                                        "six", "seven", "eight", "nine", "ten", NULL};
    if (an_word(d, t, "an") || an_word(d, t, "the")) return 1;
    for (int i = 0; words[i]; i++)
        if (an_word(d, t, words[i])) return i ? i : 1;
    if (d->tok[t].kind != DC_NUM || d->tok[t].end - d->tok[t].start > 2) return 0;
    return atoi(d->text + d->tok[t].start);
}

/* Does token t end a clause or a phrase? */
static int stop(const dc_doc *d, uint32_t t)
{
    static const char *const w[] = {",", ";", ":", "\xE2\x80\x94", "-", "(", ")", "and",
                                    "but", "while", "when", NULL};
    return an_any_word(d, t, w);
}

/* Is token t a verb in the past ("canceled", "said"): the head of a
 * clause of its own? */
static int past_verb(const dc_doc *d, uint32_t t)
{
    const dc_token *k = &d->tok[t];
    return an_say(d, t) || (k->kind == DC_WORD && an_ed(d, t));
}

/* Does token t of a link's phrase make what follows the complement of
 * another word ("the anniversary of the attacks", "a report by experts
 * monitoring sanctions")? Only the phrase's head is dated by the count;
 * the start of a thing is that thing ("the start of a summit"). */
static int governed(const dc_doc *d, const dc_sent *s, uint32_t t, uint32_t link)
{
    static const char *const prep[] = {"by", "on", "in", "at", "against", "with", "for", "over",
                                       "from", "about", "into", NULL};
    static const char *const onset[] = {"start", "beginning", "commencement", "launch", "outbreak",
                                        "opening", "resumption", "series", "wave", "round", NULL};
    const dc_token *k = &d->tok[t];
    if (an_any_word(d, t, prep)) return 1;
    if (an_word(d, t, "of")) return !(t > s->tok0 && an_any_word(d, t - 1, onset));
    /* "after launching airstrikes" is the launching; "experts monitoring" is not */
    return t > link + 1 && k->kind == DC_WORD && k->end - k->start > 5 &&
           strncmp(d->text + k->end - 3, "ing", 3) == 0;
}

/* Is the count at token num the phrase of a participle after its noun
 * ("an e-mail dated the day after the attack", "a memo sent two days
 * before")? It dates that noun, not a clause. */
static int modifies_noun(const dc_doc *d, const dc_sent *s, uint32_t num)
{
    static const char *const verb[] = {"was", "were", "is", "are", "be", "been", "being", "has",
                                       "have", "had", "he", "she", "it", "they", "we", "i", "you",
                                       "who", "which", "that", NULL};
    if (num < s->tok0 + 2) return 0;
    const dc_token *p = &d->tok[num - 1], *q = &d->tok[num - 2];
    return p->kind == DC_WORD && an_ed(d, num - 1) &&
           q->kind == DC_WORD && !(q->flags & DC_CAP) && !an_any_word(d, num - 2, verb);
}

int an_day_shift(const dc_doc *d, const dc_sent *s, uint32_t at, an_shift *out)
{
    uint32_t end = s->tok0 + s->ntok, tr = an_tok_at(d, s, at);
    if (tr >= end) return 0;
    for (uint32_t u = s->tok0 + 1; u + 1 < end; u++) {
        int after = an_word(d, u + 1, "after");
        if (!after && !an_word(d, u + 1, "before")) continue;
        int days = an_word(d, u, "days"), n = 0;
        if (!days && !an_word(d, u, "day")) continue;
        n = count_of(d, u - 1);
        /* "a day after", "two days before", "the day after"; not "the
         * days after" (a stretch) nor "few days" (no count) */
        if (n < 1 || (days && n == 1) || (!days && n != 1)) continue;
        uint32_t link = u + 1, num = u - 1;
        /* "the day before, to mark ...": an adverb, linking nothing */
        if (modifies_noun(d, s, num) || link + 1 >= end || d->tok[link + 1].kind == DC_PUNCT ||
            an_word(d, link + 1, "to"))
            continue;
        if (tr > link) {
            /* the trigger heads the link's phrase: its date is the main
             * clause's less the count ("came a day after the EU lifted");
             * not the object of another verb there ("a day after he
             * canceled the summit", "after the army said it had bombed") */
            if (tr - link > 12) continue;
            uint32_t t = link + 1;
            while (t < tr && !stop(d, t) && !past_verb(d, t) && !governed(d, s, t, link)) t++;
            if (t < tr) continue;
            out->days = after ? -n : n;
            out->inside = 1;
        } else if (tr < num) {
            /* the trigger in the main clause: the phrase's date plus the
             * count ("died three days after the April 15 attack") */
            if (num - tr > 12) continue;
            uint32_t t = tr + 1;
            while (t < num && !stop(d, t)) t++;
            if (t < num) continue;
            out->days = after ? n : -n;
            out->inside = 0;
        } else {
            continue;
        }
        out->from = d->tok[num].start;
        out->to = d->tok[link].end;
        return 1;
    }
    return 0;
}

/* The day timex of the link's phrase ("after the April 15 attack"):
 * within a few words of the link, no comma between. -1 if none. */
static long phrase_day(const dc_doc *d, const dc_sent *s, const tx_timex *tx, size_t ntx,
                       uint32_t to, const an_usable *ok)
{
    uint32_t t = an_tok_at(d, s, to);
    for (size_t k = 0; k < ntx; k++) {
        if (tx[k].start < to || tx[k].end > s->end || !ok->fn(ok->ctx, k)) continue;
        /* its object's first words: "after the April 15 attack" */
        uint32_t x = an_tok_at(d, s, tx[k].start);
        return x - t <= 2 && !memchr(d->text + to, ',', tx[k].start - to) ? (long)k : -1;
    }
    return -1;
}

/* Does a new clause begin between bytes a < b ("on Monday, and the
 * embassy was attacked a day after")? */
static int clause_between(const dc_doc *d, const dc_sent *s, uint32_t a, uint32_t b)
{
    static const char *const conj[] = {"and", "but", "while", "whereas", NULL};
    uint32_t end = s->tok0 + s->ntok;
    for (uint32_t t = an_tok_at(d, s, a); t < end && d->tok[t].start < b; t++)
        if (an_word(d, t, ";") || (an_word(d, t, ",") && t + 1 < end && an_any_word(d, t + 1, conj)))
            return 1;
    return 0;
}

/* Does the sentence name a date outside the link's phrase: the nearest
 * before the count into *k (-1: only after it)? */
static int clause_day(const tx_timex *tx, size_t ntx, const dc_sent *s, const an_shift *sh,
                      const an_usable *ok, long *k)
{
    int any = 0;
    *k = -1;
    for (size_t i = 0; i < ntx; i++) {
        if (tx[i].start < s->start || tx[i].end > s->end || strcmp(tx[i].type, "DURATION") == 0 ||
            strcmp(tx[i].type, "SET") == 0 || (tx[i].start >= sh->to && tx[i].start - sh->to <= 40))
            continue;
        any = 1;
        if (tx[i].end <= sh->from && ok->fn(ok->ctx, i)) *k = (long)i;
    }
    return any;
}

/* Does what is said begin between bytes a < b ("reported Oct. 3 that
 * ... the day after")? The count is then of what is said, not of the
 * day of saying. */
static int reported_between(const dc_doc *d, const dc_sent *s, uint32_t a, uint32_t b)
{
    for (uint32_t t = an_tok_at(d, s, a); t < s->tok0 + s->ntok && d->tok[t].start < b; t++)
        if (an_word(d, t, "that") || an_say(d, t)) return 1;
    return 0;
}

/* The verb right before the count ("came just a day after"): 2 for a
 * present ("comes"), 1 for "came", 0 for any other. */
static int came(const dc_doc *d, const dc_sent *s, uint32_t from)
{
    static const char *const skip[] = {"just", "only", "barely", "exactly", "nearly", "almost",
                                       "about", NULL};
    uint32_t t = an_tok_at(d, s, from);
    for (int k = 0; k < 3 && t > s->tok0; k++) {
        t--;
        if (an_word(d, t, "comes") || an_word(d, t, "come") || an_word(d, t, "coming")) return 2;
        if (an_word(d, t, "came")) return 1;
        if (!an_any_word(d, t, skip)) return 0;
    }
    return 0;
}

int an_shift_date(const dc_doc *d, const dc_sent *s, const tx_timex *tx, size_t ntx,
                  const an_usable *ok, const an_shift *shift, const char *dct,
                  const char *news_day, tl_date *out)
{
    an_shift sh = *shift;
    tl_date base;
    long k = -1;
    if (!sh.inside) {
        k = phrase_day(d, s, tx, ntx, sh.to, ok);
        if (k < 0 || an_span(tx[k].value, &base)) return 0;
    } else if (clause_day(tx, ntx, s, &sh, ok, &k)) {
        /* the main clause's own day ("said on Thursday, a day after");
         * a date after the phrase is too often another clause's */
        if (k < 0 || an_span(tx[k].value, &base) || reported_between(d, s, tx[k].end, sh.from) ||
            clause_between(d, s, tx[k].end, sh.from))
            return 0;
    } else {
        /* "The leaders' remarks come a day after": the news of the day
         * of writing; "came": of the day the story leads with, when that
         * is the day of writing */
        int v = came(d, s, sh.from);
        const char *day = v == 2 ? dct : v == 1 ? news_day : "";
        if (!day || !day[0] || an_span(day, &base)) return 0;
    }
    int y, m, dd;
    if (strcmp(base.precision, "day") != 0 || !ca_parse_ymd(base.start, 10, &y, &m, &dd)) return 0;
    ca_from_days(ca_to_days(y, m, dd) + sh.days, &y, &m, &dd);
    char v[11];
    ca_format_ymd(v, y, m, dd);
    return an_span(v, out) == 0;
}
