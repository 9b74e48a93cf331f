/* an_clause: what the words around a trigger and a temporal expression
 * tell about whether the one dates the other -- clause boundaries,
 * reports, quotations, and the grammatical forms that take no date of
 * their sentence. Cheap token tests, no parse. Private to anchor. */
#ifndef AN_CLAUSE_H
#define AN_CLAUSE_H
#include <stdint.h>
#include "../doc/doc.h"
#include "../timeline/timeline.h"
#include "../timex/timex.h"
#include "../util/word.h"
#include "../util/wd_list.h"

/* an_any_word over a filtered list (wd_list.h): for the long lists asked
 * of every token of a clause. */
static inline int an_list_word(const dc_doc *d, uint32_t t, wd_list *l)
{
    return wdl_in(l, d->text + d->tok[t].start, d->tok[t].end - d->tok[t].start);
}

/* Is token t the word w (case aside)? Inline: it is asked for every word
 * list over every token between a date and a trigger. */
static inline int an_word(const dc_doc *d, uint32_t t, const char *w)
{
    return wd_is(d->text + d->tok[t].start, d->tok[t].end - d->tok[t].start, w);
}

/* Is token t a word of four bytes or more ending in -ed ("seized"), the
 * shape of a past tense or participle? */
int an_ed(const dc_doc *d, uint32_t t);

/* Is token t one of words (a NULL-terminated list)? Inline too: reports
 * and background clauses ask it of every token before a trigger. */
static inline int an_any_word(const dc_doc *d, uint32_t t, const char *const *words)
{
    return wd_in(d->text + d->tok[t].start, d->tok[t].end - d->tok[t].start, words);
}

/* The first token of sentence s that starts at or after byte at. */
uint32_t an_tok_at(const dc_doc *d, const dc_sent *s, uint32_t at);

/* Is there a clause boundary between byte offsets a < b? */
int an_crosses_clause(const dc_doc *d, const dc_sent *s, uint32_t a, uint32_t b);

/* Does a temporal link ("after", "before", "since", "until")
 * set the timex [ts, te) apart from the trigger at byte at: the date on
 * the other side of it, or inside its phrase, belongs to the other
 * event. coarse: the timex is a month or longer. */
int an_time_link(const dc_doc *d, const dc_sent *s, uint32_t ts, uint32_t te, uint32_t at, int coarse);

/* Does a quotation begin or end between byte offsets a < b, one inside
 * it and the other out? Marks around a few words (a term in quotation
 * marks) open none. */
int an_crosses_quote(const dc_doc *d, const dc_sent *s, uint32_t a, uint32_t b);

/* Is the timex [ts, te) the date of a report about an event at byte at:
 * a verb of saying among the five words before it ("said in a statement
 * Monday", the event not between them), or between it and the event ("On
 * Monday, the paper reported that")? */
int an_report_date(const dc_doc *d, const dc_sent *s, uint32_t ts, uint32_t te, uint32_t at);

/* Is the trigger at byte at in the present perfect ("have been freed",
 * "has just resigned", not "had fled"): done by the time of a report, and
 * news then? */
int an_present_perfect(const dc_doc *d, const dc_sent *s, uint32_t at);

/* Is token t a verb of saying ("said", "reported", "announced")? */
int an_say(const dc_doc *d, uint32_t t);

/* Is the trigger at byte at where something was said ("Mr. Obama said
 * at a joint news conference")? */
int an_said_at(const dc_doc *d, const dc_sent *s, uint32_t at);

/* Is the trigger at byte at reported speech: a verb of saying or a
 * quotation mark before it in its sentence? */
int an_reported(const dc_doc *d, const dc_sent *s, uint32_t at);

/* Does the timex [ts, te) date no event: a count "as of Thursday", a
 * state lasting "for the past year", a modifier of another noun
 * ("Thursday's elections", unless the event at byte at is that noun)? */
int an_no_event_date(const dc_doc *d, const dc_sent *s, uint32_t ts, uint32_t te, uint32_t at);

/* Is the timex [ts, te) between a determiner and a noun ("the Sept. 11
 * attacks", "his June 16 meeting")? Then [*from, *to) is where that noun
 * may be (the next four words): the date is its. */
int an_premodifier(const dc_doc *d, const dc_sent *s, uint32_t ts, uint32_t te, uint32_t *from,
                   uint32_t *to);

/* Does the timex [ts, te) modify the trigger at byte at, a few words on
 * ("the 2006 election", "last November's midterm elections")? Then it
 * is the event's own date, whatever else the sentence says. */
int an_modifier(const dc_doc *d, const dc_sent *s, uint32_t ts, uint32_t te, uint32_t at);

/* Is the timex starting at ts told of the trigger at byte at by a verb
 * that only says when it was ("the shooting ... took place in February
 * 2014", "the raid began at 1 a.m.")? Then it is the event's own date. */
int an_light_verb(const dc_doc *d, const dc_sent *s, uint32_t ts, uint32_t at);

/* Is the trigger at byte at in a "when" clause that follows the timex
 * ending at te ("since last week, when Floyd was killed")? The clause
 * tells what happened at that date: it is the event's own. */
int an_when_clause(const dc_doc *d, const dc_sent *s, uint32_t te, uint32_t at);

/* A count of days across "after" or "before" (an_shift.c): "came a day
 * after the EU lifted", "died three days after the April 15 attack". */
typedef struct an_shift {
    int days;          /* add to the date across the link */
    int inside;        /* 1: the trigger is in the link's phrase */
    uint32_t from, to; /* bytes of the count and the link ("a day after") */
} an_shift;

/* Does a count of days link the trigger at byte at to the other side of
 * its sentence? Then *out says how. */
int an_day_shift(const dc_doc *d, const dc_sent *s, uint32_t at, an_shift *out);

/* Which timexes may date an event at all (not "May's promise", nor a
 * yearless day long before the DCT): fn(ctx, k) for tx[k]. */
typedef struct an_usable {
    int (*fn)(const void *ctx, size_t k);
    const void *ctx;
} an_usable;

/* The date of the trigger counted across the link shift an_day_shift
 * found, from the day of the other side (a usable one): a day of the
 * link's phrase, or of the main clause (in that clause: not across ", and"
 * or ";"), else the DCT for "comes", news_day ("" if none) for "came".
 * Never the day the sentence before named: that is mostly the linked
 * event's own ("signed on Jan. 5. Fighting resumed three days after the
 * ceasefire collapsed"). 1 and *out set. */
int an_shift_date(const dc_doc *d, const dc_sent *s, const tx_timex *tx, size_t ntx,
                  const an_usable *ok, const an_shift *shift, const char *dct,
                  const char *news_day, tl_date *out);

/* The narrative's day (an_narrative.c). */

/* Does a paragraph start between sentences a < b? */
int an_para_between(const dc_doc *d, long a, long b);

/* The timex of the last day the sentence before si named, in its
 * paragraph, not the day of a report; -1 if none. */
long an_narrative_day(const dc_doc *d, const tx_timex *tx, size_t ntx, long si);

/* For the trigger at byte at, the verb of a "meanwhile" clause of
 * sentence si: the timex of the last day named before it, as long as no
 * other time was named since; -1 if none. */
long an_meanwhile_day(const dc_doc *d, const tx_timex *tx, size_t ntx, long si, uint32_t at);

/* dct if one of the first two sentences names it (the story leads with
 * the day of writing), else "". */
const char *an_news_day(const dc_doc *d, const tx_timex *tx, size_t ntx, const char *dct);

/* The date of event i from timex x of its sentence s when x is counted
 * from the day of writing ("next month") but told in a report quoted
 * "at the time": counted instead from the own date of what the three
 * sentences before were about (an_then.c). 1 and *out set. */
int an_then(const dc_doc *d, const dc_sent *s, const tx_timex *x, const char *dct,
            const annals_timeline *tl, size_t first, size_t i, tl_date *out);

/* The forms of a trigger (an_form.c). */

/* Is the trigger at byte at a participle used as an adjective ("three
 * detained Americans"): a state, whatever day its sentence names? */
int an_attributive(const dc_doc *d, const dc_sent *s, uint32_t at);

/* Is the trigger at byte at a participle after its noun ("deported a
 * missionary detained for preaching")? Like an infinitive, it is dated
 * only by what follows it ("soldiers killed in the attack on Monday"). */
int an_reduced_relative(const dc_doc *d, const dc_sent *s, uint32_t at);

/* Is the trigger at byte at a to-infinitive ("agreed on Monday to
 * withdraw"), dated only by what follows it? "began to" is no such. */
int an_infinitive(const dc_doc *d, const dc_sent *s, uint32_t at);

/* Is the trigger at byte at told in the perfect ("has taken out", "had
 * been arrested"), before the narrative's current day? */
int an_perfect(const dc_doc *d, const dc_sent *s, uint32_t at);

#endif
