/* an_clause: token tests for anchoring (an_clause.h): boundaries, links,
 * quotations, reports, dates that are no event's. */
#include "an_clause.h"
#include <string.h>
#include <strings.h>

uint32_t an_tok_at(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    uint32_t lo = s->tok0, hi = s->tok0 + s->ntok; /* tokens come in text order */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->tok[mid].start < at) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int an_ed(const dc_doc *d, uint32_t t)
{
    const dc_token *k = &d->tok[t];
    return k->end - k->start >= 4 && memcmp(d->text + k->end - 2, "ed", 2) == 0;
}

/* Does a token of words start in [a, b)? */
static int crosses(const dc_doc *d, const dc_sent *s, uint32_t a, uint32_t b, const char *const *words)
{
    for (uint32_t t = an_tok_at(d, s, a); t < s->tok0 + s->ntok && d->tok[t].start < b; t++)
        if (an_any_word(d, t, words)) return 1;
    return 0;
}

int an_crosses_clause(const dc_doc *d, const dc_sent *s, uint32_t a, uint32_t b)
{
    static const char *const w[] = {";", ":", "but", "while", "after", "before", "since", "when",
                                    "though", "although", "because", "\xE2\x80\x94", NULL};
    return crosses(d, s, a, b, w);
}

/* "when" is no such link: what happened when the town fell happened
 * that day */
static const char *const links[] = {"after", "before", "since", "until", "till", NULL};

/* Is token t a link: one of links, or "following" as a preposition
 * ("Following days of protests, Modi led a rally", not "the following
 * day")? */
static int is_link(const dc_doc *d, const dc_sent *s, uint32_t t)
{
    if (an_any_word(d, t, links)) return 1;
    /* "met on Monday ahead of the summit", "a trip this year in
     * preparation for the summit": the one before the other */
    uint32_t end = s->tok0 + s->ntok;
    if (t + 1 < end && ((an_word(d, t, "ahead") && an_word(d, t + 1, "of")) ||
                        ((an_word(d, t, "preparation") || an_word(d, t, "prepare")) &&
                         an_word(d, t + 1, "for"))))
        return 1;
    return an_word(d, t, "following") && (t == s->tok0 || !an_word(d, t - 1, "the"));
}

/* The first link word in [a, b), or the sentence's end. */
static uint32_t link_in(const dc_doc *d, const dc_sent *s, uint32_t a, uint32_t b)
{
    uint32_t t = an_tok_at(d, s, a), end = s->tok0 + s->ntok;
    for (; t < end && d->tok[t].start < b; t++)
        if (is_link(d, s, t)) return t;
    return end;
}

/* Does the link at token l set hours apart ("hours after", "after six
 * hours of talks")? Then both fall on one day. */
static int hours_apart(const dc_doc *d, const dc_sent *s, uint32_t l)
{
    static const char *const h[] = {"hour", "hours", "minutes", NULL};
    uint32_t end = s->tok0 + s->ntok;
    if (l > s->tok0 && an_any_word(d, l - 1, h)) return 1;
    for (uint32_t t = l + 1; t < end && t <= l + 4; t++)
        if (an_any_word(d, t, h)) return 1;
    return 0;
}

/* Is token t a comma or a dash (a hyphen stands between words: "U.S.-North")? */
static int dash_or_comma(const dc_doc *d, uint32_t t)
{
    static const char *const mark[] = {",", "-", "\xE2\x80\x94", "\xE2\x80\x93", NULL};
    if (!an_any_word(d, t, mark)) return 0;
    uint32_t a = d->tok[t].start;
    return an_word(d, t, ",") || a == 0 || d->text[a - 1] == ' ' || d->text[d->tok[t].end] == ' ';
}

/* Is the link at token l an aside set off right after the date ending
 * at te and closed before the trigger at token tt ("On Tuesday -- two
 * days before the king's arrival -- police arrested", "On Saturday, a
 * day after the coup, Turkey closed")? The date is then the main
 * clause's. */
static int aside(const dc_doc *d, const dc_sent *s, uint32_t te, uint32_t l, uint32_t tt)
{
    uint32_t t = an_tok_at(d, s, te);
    if (t >= l || !dash_or_comma(d, t)) return 0;
    while (t < l && dash_or_comma(d, t)) t++;
    /* a count before the link: "two days", "a day" (a bare "before he
     * left" is as often the whole clause's) */
    if (l - t != 2 || !(an_word(d, l - 1, "day") || an_word(d, l - 1, "days"))) return 0;
    /* closed right before the main clause: "-- his government arrested" */
    for (uint32_t k = l + 1; k < tt; k++)
        if (dash_or_comma(d, k)) return tt - k <= 4;
    return 0;
}

int an_time_link(const dc_doc *d, const dc_sent *s, uint32_t ts, uint32_t te, uint32_t at, int coarse)
{
    uint32_t end = s->tok0 + s->ntok, tx = an_tok_at(d, s, ts);
    if (at < ts) {
        /* "protests ... have rivaled in size those that were held in
         * early 2011": the date of other occurrences, named by a pronoun */
        static const char *const others[] = {"those", "ones", "others", NULL};
        static const char *const rel[] = {"that", "which", "who", NULL};
        for (uint32_t t = an_tok_at(d, s, at) + 1; t + 1 < tx; t++)
            if (an_any_word(d, t, others) && an_any_word(d, t + 1, rel)) return 1;
        /* "gains made since 2014": the date is the trigger's own, but
         * not far from it ("withdraw from posts they hold, several of
         * which have been encircled since January") */
        uint32_t l = link_in(d, s, at, ts), tt = an_tok_at(d, s, at);
        /* "protests have spread since last week, when Floyd was killed":
         * a "when" after the date names what it dates */
        uint32_t w = an_tok_at(d, s, te);
        if (w < end && d->tok[w].kind == DC_PUNCT && an_word(d, w, ",")) w++;
        if (l < end && w < end && an_word(d, w, "when")) return 1;
        if (l < end)
            return (l + 1 != tx || l > tt + 5) && !hours_apart(d, s, l);
        /* "Following days of protests, Modi led a rally on Sunday": the
         * trigger in the phrase of a link that opens the sentence, the
         * date past its comma (but "... after an explosion went off in
         * West London, Friday," is the explosion's) */
        static const char *const span[] = {"a", "an", "one", "two", "three", "four", "five", "few",
                                           "several", "days", "day", "hours", "hour", "weeks",
                                           "week", "months", "years", "minutes", "moments",
                                           "shortly", "just", "soon", "only", "long", NULL};
        for (uint32_t t = s->tok0; t < tt && t < s->tok0 + 4; t++) {
            if (is_link(d, s, t)) /* "After", "Five days after", "Following" */
                return tt - t <= 8 && crosses(d, s, at, ts, (const char *const[]){",", NULL});
            if (!(t == s->tok0 && d->tok[t].kind == DC_PUNCT) && d->tok[t].kind != DC_NUM &&
                !an_any_word(d, t, span))
                break; /* "Dozens were wounded after ..." */
        }
        return 0;
    }
    /* "lowest since the crisis ten years ago, as Europe prepares for
     * Brexit": the date is inside the phrase of a link, unless the
     * trigger is in that phrase too ("after the March 4 attack") */
    uint32_t tt = an_tok_at(d, s, at);
    for (uint32_t k = 0, t = tx; tt > tx + 4 && k < 8 && t > s->tok0; k++) {
        t--;
        if (d->tok[t].kind == DC_PUNCT) break;
        if (is_link(d, s, t)) return 1;
    }
    uint32_t l = link_in(d, s, te, at);
    if (l >= end || hours_apart(d, s, l) || aside(d, s, te, l, tt)) return 0;
    /* "In November, Pakistan shut the route after a U.S. airstrike": a
     * month or a year covers what led to what it dates; a day does not,
     * nor what is still to come ("this year in preparation for the
     * summit"), nor a time compared with another ("two years ago was
     * before") */
    static const char *const be[] = {"was", "is", "were", "are", "be", "been", NULL};
    int led_to = an_word(d, l, "after") || an_word(d, l, "following");
    return !coarse || !led_to || (l > s->tok0 && an_any_word(d, l - 1, be));
}

static int is_quote(const dc_doc *d, uint32_t t)
{
    static const char *const w[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", NULL};
    return an_any_word(d, t, w);
}

int an_crosses_quote(const dc_doc *d, const dc_sent *s, uint32_t a, uint32_t b)
{
    /* marks taken in pairs; a pair around a few words is a term
     * ("a \u201cno-deal Brexit\u201d"), not somebody's words: it
     * opens no other clause. An odd number of the others stand between
     * a and b when one is inside a quotation and the other outside. */
    static const char *const q[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", NULL};
    if (!crosses(d, s, a, b, q)) return 0; /* most often: no pairing needed */
    uint32_t end = s->tok0 + s->ntok, open = 0;
    int have_open = 0, n = 0;
    for (uint32_t t = s->tok0; t < end; t++) {
        if (!is_quote(d, t)) continue;
        if (!have_open) {
            open = t;
            have_open = 1;
            continue;
        }
        have_open = 0;
        if (t - open <= 6) continue;
        n += d->tok[open].start >= a && d->tok[open].start < b;
        n += d->tok[t].start >= a && d->tok[t].start < b;
    }
    if (have_open) n += d->tok[open].start >= a && d->tok[open].start < b;
    return n % 2;
}

/* Verbs of saying: the day one of them names is the day of the report. */
static const char *const say_words[] = {
    "said", "says", "told", "announced", "announcing", "announces", "reported", "reports",
    "added", "stated", "tweeted", "tweeting", "wrote", "confirmed", "confirming", "revealed",
    "acknowledged", "claimed", "claims", "disclosed", "released", "briefed", "testified",
    "argued", "insisted", "noted", "warned", "cautioned", "explained", "saying", NULL};
/* asked of every token before a trigger: filtered (wd_list.h) */
static wd_list say = {.w = say_words};

int an_say(const dc_doc *d, uint32_t t)
{
    return an_list_word(d, t, &say);
}

int an_present_perfect(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    static const char *const adv[] = {"just", "now", "already", "finally", "also", NULL};
    uint32_t t = an_tok_at(d, s, at);
    if (t > s->tok0 && an_word(d, t - 1, "been")) t--;
    if (t > s->tok0 && an_any_word(d, t - 1, adv)) t--;
    if (t <= s->tok0 || !(an_word(d, t - 1, "has") || an_word(d, t - 1, "have"))) return 0;
    /* "found to have been captured", "could have been killed" */
    static const char *const modal[] = {"to", "could", "would", "should", "may", "might", "must",
                                        "will", NULL};
    return t - 1 == s->tok0 || !an_any_word(d, t - 2, modal);
}

int an_report_date(const dc_doc *d, const dc_sent *s, uint32_t ts, uint32_t te, uint32_t at)
{
    static const char *const prep[] = {"at", "in", "during", "on", "after", "before", NULL};
    /* a verb of saying shortly before the date ("said on Monday", "said
     * in a statement Monday"), the event not between them ("said rebels
     * attacked Monday" dates the attack) */
    /* after a verb that takes what is said with no "that" ("said Iraqi
     * soldiers on Friday attacked"), a word other than these begins what
     * is said, and a date in it before the event is the event's: "said
     * late on Monday", "said in a statement Monday", "said independently
     * Saturday" are reports. Other verbs take an object first ("told CNN
     * Monday", "released photos on April 18") */
    static const char *const between[] = {"on", "in", "at", "late", "early", "back", "a", "an",
                                          "the", "its", "his", "her", "their", "statement",
                                          "interview", "briefing", "news", "conference", "speech",
                                          NULL};
    static const char *const clause[] = {"said", "says", "saying", "claimed", "claims", "added",
                                         "insisted", "argued", "noted", "stated", NULL};
    uint32_t t = an_tok_at(d, s, ts), tx = t;
    for (uint32_t k = 0; k < 5 && t > s->tok0; k++) {
        t--;
        if (d->tok[t].kind == DC_PUNCT || (d->tok[t].start <= at && at < d->tok[t].end)) break;
        if (an_list_word(d, t, &say)) {
            if (!an_any_word(d, t, clause) || at < te) return 1;
            for (uint32_t w = t + 1; w < tx; w++) {
                const dc_token *k2 = &d->tok[w];
                int adverb = k2->end - k2->start > 3 && strncmp(d->text + k2->end - 2, "ly", 2) == 0;
                if (!adverb && !an_any_word(d, w, between)) return 0;
            }
            return 1;
        }
    }
    if (at < te) return 0;
    /* a verb of saying between the date and the event, the event in
     * what is said -- not "said at an Iowa rally" */
    uint32_t end = s->tok0 + s->ntok, tr = an_tok_at(d, s, at);
    for (t = an_tok_at(d, s, te); t < tr; t++) {
        if (!an_list_word(d, t, &say)) continue;
        if (t + 1 >= end || !an_any_word(d, t + 1, prep)) return 1;
        for (uint32_t k = t + 1; k < tr; k++)
            if (an_word(d, k, "that") || an_word(d, k, ",")) return 1;
    }
    return 0;
}

int an_modifier(const dc_doc *d, const dc_sent *s, uint32_t ts, uint32_t te, uint32_t at)
{
    static const char *const det[] = {"the", "a", "an", "his", "her", "their", "its", "our", NULL};
    if (at < te) return 0;
    uint32_t t0 = an_tok_at(d, s, ts), t = an_tok_at(d, s, te), tr = an_tok_at(d, s, at);
    if (t0 >= s->tok0 + s->ntok) return 0;
    const char *p = d->text + te;
    int poss = (te + 2 <= d->len && strncmp(p, "'s", 2) == 0) ||
               (te + 4 <= d->len && strncmp(p, "\xE2\x80\x99s", 4) == 0);
    /* "the 2006 election", "the March 4 nerve-agent attack", "last
     * November's midterm elections"; not "said Monday coalition
     * airstrikes" */
    if (!poss && !(t0 > s->tok0 && an_any_word(d, t0 - 1, det)) && !an_any_word(d, t0, det)) return 0;
    if (tr - t > 3) return 0;
    for (; t < tr; t++)
        if (d->tok[t].kind == DC_PUNCT && !an_word(d, t, "'") && !an_word(d, t, "\xE2\x80\x99") &&
            !an_word(d, t, "-"))
            return 0;
    return 1;
}

int an_light_verb(const dc_doc *d, const dc_sent *s, uint32_t ts, uint32_t at)
{
    static const char *const light[] = {"place", "occurred", "occurs", "happened", "happens",
                                        "began", "begins", "started", "starts", "ended", NULL};
    if (ts <= at) return 0;
    uint32_t tr = an_tok_at(d, s, at), tx = an_tok_at(d, s, ts);
    for (uint32_t t = tr + 1; t < tx; t++) {
        if (an_word(d, t, ",") || an_word(d, t, ";") || an_word(d, t, ":") || is_link(d, s, t))
            return 0;
        if (an_any_word(d, t, light)) {
            /* "took place", "take place": not "in place" */
            if (an_word(d, t, "place"))
                return t > tr + 1 && (an_word(d, t - 1, "took") || an_word(d, t - 1, "take") ||
                                      an_word(d, t - 1, "takes") || an_word(d, t - 1, "taking"));
            return 1;
        }
    }
    return 0;
}

int an_when_clause(const dc_doc *d, const dc_sent *s, uint32_t te, uint32_t at)
{
    uint32_t end = s->tok0 + s->ntok, t = an_tok_at(d, s, te), tr = an_tok_at(d, s, at);
    if (at < te) return 0;
    if (t < end && an_word(d, t, ",")) t++;
    if (t >= end || !an_word(d, t, "when") || tr <= t || tr - t > 12) return 0;
    for (uint32_t k = t + 1; k < tr; k++)
        if (an_word(d, k, ",") || an_word(d, k, ";") || an_word(d, k, ":")) return 0;
    return 1;
}

/* Do the words from token t on read w1 w2 (w2 NULL: w1 alone)? */
static int reads(const dc_doc *d, const dc_sent *s, uint32_t t, const char *w1, const char *w2)
{
    uint32_t end = s->tok0 + s->ntok;
    return t < end && an_word(d, t, w1) && (!w2 || (t + 1 < end && an_word(d, t + 1, w2)));
}

int an_no_event_date(const dc_doc *d, const dc_sent *s, uint32_t ts, uint32_t te, uint32_t at)
{
    uint32_t t = an_tok_at(d, s, ts);
    /* "as of Thursday the U.S. had launched 300 airstrikes": a count */
    if (t >= s->tok0 + 2 && reads(d, s, t - 2, "as", "of")) return 1;
    /* "for the past year, the debate has been vague": a state */
    if (t > s->tok0 && an_word(d, t - 1, "for") &&
        (reads(d, s, t, "the", "past") || reads(d, s, t, "the", "last") || reads(d, s, t, "past", NULL)))
        return 1;
    /* "Thursday's elections", "last month's vote": the date of that noun */
    const char *p = d->text + te;
    int poss = (te + 2 <= d->len && strncmp(p, "'s", 2) == 0) ||
               (te + 4 <= d->len && strncmp(p, "\xE2\x80\x99s", 4) == 0);
    /* "In Tuesday's test, a missile was launched": the setting of the
     * clause that follows (but "his victory in last month's election") */
    static const char *const setting[] = {"in", "during", "at", NULL};
    if (poss && t > s->tok0 && an_any_word(d, t - 1, setting) &&
        (t - 1 == s->tok0 || d->tok[t - 2].kind == DC_PUNCT))
        return 0;
    if (poss) {
        uint32_t n = an_tok_at(d, s, te + 1), end = s->tok0 + s->ntok;
        for (uint32_t k = 0; k < 4 && n + k < end; k++)
            if (d->tok[n + k].start <= at && at < d->tok[n + k].end) return 0;
        return 1;
    }
    return 0;
}

int an_premodifier(const dc_doc *d, const dc_sent *s, uint32_t ts, uint32_t te, uint32_t *from,
                   uint32_t *to)
{
    static const char *const det[] = {"the", "a", "an", "his", "her", "their", "its", "our", NULL};
    uint32_t t = an_tok_at(d, s, ts), n = an_tok_at(d, s, te), end = s->tok0 + s->ntok;
    if (t <= s->tok0 || !an_any_word(d, t - 1, det) || n >= end || d->tok[n].kind != DC_WORD ||
        d->tok[n].start != te + 1)
        return 0;
    uint32_t last = n + 3 < end ? n + 3 : end - 1;
    *from = d->tok[n].start;
    *to = d->tok[last].end;
    return 1;
}

int an_said_at(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    static const char *const prep[] = {"at", "in", "during", NULL};
    uint32_t tr = an_tok_at(d, s, at);
    for (uint32_t t = s->tok0; t + 1 < tr; t++)
        if (an_list_word(d, t, &say) && an_any_word(d, t + 1, prep) && tr <= t + 5) return 1;
    return 0;
}

int an_reported(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    static const char *const q[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", NULL};
    static const char *const prep[] = {"at", "in", "during", NULL};
    if (crosses(d, s, s->start, at, q)) return 1;
    /* a verb of saying before the trigger, unless the trigger is where
     * it was said ("Mr. Obama said at a joint news conference") */
    uint32_t tr = an_tok_at(d, s, at), end = s->tok0 + s->ntok;
    for (uint32_t t = s->tok0; t < tr; t++) {
        if (!an_list_word(d, t, &say)) continue;
        if (t + 1 >= end || !an_any_word(d, t + 1, prep) || tr > t + 5) return 1;
    }
    return 0;
}
