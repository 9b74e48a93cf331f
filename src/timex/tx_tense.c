/* Tense cues: which way the words around a temporal expression point --
 * ahead, back, or either -- so that a weekday or a month without a year
 * can be placed on the right side of the publication date. Only words
 * close to the expression count, and only those of its own clause. */
#include "tx_tense.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../util/wd_list.h"
#include "../util/word.h"

/* "we'll", "they'll": 'll glued to its subject, with a straight or a
 * curly apostrophe (U+2019). */
static int is_ll(const char *w, size_t n)
{
    return (n > 3 && w[n - 3] == '\'' && strncasecmp(w + n - 2, "ll", 2) == 0) ||
           (n > 5 && memcmp(w + n - 5, "\xE2\x80\x99", 3) == 0 && strncasecmp(w + n - 2, "ll", 2) == 0);
}

static int tok_is(const dc_doc *d, uint32_t t, const char *w)
{
    const dc_token *k = &d->tok[t];
    return wd_is(d->text + k->start, k->end - k->start, w);
}

/* Words that put a sentence in the future. */
static const char *const future_words[] = {
    "will", "shall", "won't", "'ll", "\xE2\x80\x99ll", "scheduled", "upcoming",
    "planned", "plans", "plan", "expected", "set", "due", "going", "next", NULL};

int tx_sentence_future(const dc_doc *d, const dc_sent *s)
{
    static wd_list fut = {.w = future_words}; /* asked of every word */
    static const char *const before_to[] = {"set", "due", "going", NULL};
    for (uint32_t t = s->tok0; t < s->tok0 + s->ntok; t++) {
        const dc_token *k = &d->tok[t];
        size_t n = k->end - k->start;
        const char *w = d->text + k->start;
        if (wdl_in(&fut, w, n)) {
            /* "set", "due", "going" count only before "to" */
            if (!wd_in(w, n, before_to)) return 1;
            if (t + 1 < s->tok0 + s->ntok && tok_is(d, t + 1, "to")) return 1;
        }
        /* 'll glued to its subject: "we'll" */
        if (is_ll(w, n)) return 1;
    }
    return 0;
}

/* Words just before an expression that point it forward: "will meet
 * Friday", "is scheduled to close Monday", "as soon as Tuesday". A weekday
 * looks forward only with one of these close by (c.near_future); the
 * tense of the whole sentence (c.future) is too weak a sign for it. */
static const char *const near_future_words[] = {
    "will", "shall", "won't", "'ll", "scheduled", "planned", "plans", "plan",
    "expected", "expects", "next", "until", "soon", "planning", "postponed", "deadline",
    "resume", "resumes", "payable", "supposed", NULL};
/* asked of every word near an expression: filtered (wd_list.h) */
static wd_list near_future_list = {.w = near_future_words};

/* The present of a timetable: "the leaders meet Monday", "Albright visits
 * Kenya Tuesday" -- ahead, when written in lower case (NBC's "Meet the
 * Press" Sunday is a title). */
static const char *const timetable_verbs[] = {"meet", "meets", "visits", "travels", "arrives",
                                              "departs", "convenes", "reconvenes", NULL};
static wd_list timetable_list = {.w = timetable_verbs};

/* Future words that leave no doubt: "will meet in March". */
static const char *const strong_future_words[] = {"will", "shall", "won't", NULL};

/* Plans told with a participle: "scheduled for Friday" may lie on either
 * side of the DCT unless "is" or "will be" puts it ahead. */
static const char *const plan_participles[] = {"planned", "scheduled", "expected",
                                               "postponed", NULL};

/* Words after an expression that make it a plan ahead: "On Tuesday the
 * league plans to ..."; nouns such as "deadline" say nothing there. */
static const char *const after_future_words[] = {
    "will", "shall", "won't", "'ll", "plans", "plan", "expects", "intends", NULL};
static wd_list after_future_list = {.w = after_future_words};

/* Verbs that report: what follows "state that" is their content, and
 * what comes before "that" is not the content's tense. */
static const char *const report_verbs[] = {
    "say", "says", "said", "state", "states", "stated", "announce", "announced", "believe",
    "believes", "believed", "expect", "expects", "hope", "hopes", "think", "thinks", "know",
    "knows", "argue", "argues", "argued", "claim", "claims", "claimed", "insist", "insists",
    "warn", "warns", "warned", "tell", "told", "show", "shows", "showed", "note", "notes",
    "noted", "add", "adds", "added", "acknowledge", "acknowledged", "testify", "testified", NULL};
static wd_list report_list = {.w = report_verbs};

/* Words that make what follows them present or future, not past:
 * "will be held", "is expected", "to be paid". */
static const char *const be_words[] = {"be", "is", "are", "am", "being", NULL};

/* Words just before an expression that pin it to the past: "since March",
 * "the year ended Jan. 31". */
static const char *const near_past_words[] = {"since", "ended", NULL};

/* Past forms of verbs that news reports events with; any other word in
 * -ed counts too ("collapsed", "signed"). */
static const char *const past_words[] = {
    "was", "were", "met", "took", "began", "fell", "left", "held", "won", "lost", "struck",
    "fought", "led", "sent", "told", "came", "went", "made", "saw", "gave", "got", "rose",
    "broke", "ran", "spoke", "shot", "hit", "seized", "brought", "bought", "thought",
    "sold", "paid", "became", "built", "found", "kept", "spent", "sought", "stood", "wrote",
    "chose", "flew", "grew", "knew", "threw", "fled", "drew", "caught", "felt",
    NULL};


/* A verb in the past: a news report of something that happened. Asked of
 * most words near every expression, so the lists are filtered (wd_list.h)
 * and the cheap "-ed" test comes before the scan for a dash. */
static int is_past_form(const char *w, size_t n)
{
    static const char *const not_past[] = {"need", "speed", "feed", "seed", "proceed",
                                           "succeed", "exceed", "indeed", "embed", "united",
                                           "limited", "red", "bed", "hundred", NULL};
    static wd_list past = {.w = past_words}, notp = {.w = not_past};
    if (wdl_in(&past, w, n)) return 1;
    return n > 4 && wd_fold((unsigned char)w[n - 2]) == 'e' &&
           wd_fold((unsigned char)w[n - 1]) == 'd' &&
           !memchr(w, '-', n) && /* "long-awaited", "earlier-than-expected": adjectives */
           !wdl_in(&notp, w, n) && !wdl_in(&near_future_list, w, n);
}


/* Is the word just before start "on" or "in" ("signed it on May 3")? */
static int prep_before(const dc_doc *d, const dc_sent *s, uint32_t start)
{
    uint32_t t = s->tok0;
    while (t < s->tok0 + s->ntok && d->tok[t].start < start) t++;
    return t > s->tok0 && (tok_is(d, t - 1, "on") || tok_is(d, t - 1, "in"));
}

/* Is token t a verb in the past, not a participle after "be"? */
static int past_at(const dc_doc *d, uint32_t first, uint32_t t)
{
    const dc_token *tk = &d->tok[t];
    size_t n = tk->end - tk->start;
    const char *w = d->text + tk->start;
    if (!is_past_form(w, n)) return 0;
    /* "a still unspecified date", "the armed men": an adjective */
    static const char *const before_adjective[] = {
        "a", "an", "the", "its", "his", "her", "their", "our", "this", "these", "those", "still",
        "very", "most", "more", "less", "newly", NULL};
    if (t > first && (wd_in(d->text + d->tok[t - 1].start,
                              d->tok[t - 1].end - d->tok[t - 1].start, be_words) ||
                      wd_in(d->text + d->tok[t - 1].start,
                              d->tok[t - 1].end - d->tok[t - 1].start, before_adjective)))
        return 0;
    /* "could be further reduced", "are traditionally held": a participle
     * after "be" and an adverb */
    const dc_token *p = t > first ? &d->tok[t - 1] : NULL;
    size_t pn = p ? p->end - p->start : 0;
    static const char *const adverbs[] = {"further", "still", "also", "not", "never", "then",
                                          "later", "soon", "already", "just", NULL};
    int adverb = p && ((pn > 3 && strncasecmp(d->text + p->start + pn - 2, "ly", 2) == 0) ||
                       wd_in(d->text + p->start, pn, adverbs));
    return !(adverb && t > first + 1 &&
             wd_in(d->text + d->tok[t - 2].start, d->tok[t - 2].end - d->tok[t - 2].start,
                     be_words));
}

/* Is the expression between "the" (and perhaps an adjective) and a noun:
 * "the deadly Sept. 11 attack", "the March 4 raid"? */
int tx_names_event(const dc_doc *d, const dc_sent *s, uint32_t start, uint32_t end_byte)
{
    static const char *const not_nouns[] = {
        "and", "or", "to", "of", "in", "on", "at", "for", "by", "with", "from", "that", "which",
        "when", "as", "is", "are", "was", "were", "will", "would", "has", "have", "had", "but",
        "until", "through", "after", "before", "last", "next", "this", "morning", "afternoon",
        "evening", "night",
        /* events set in advance: "the November election" may lie ahead */
        "deadline", "deadlines", "election", "elections", "vote", "ballot", "runoff",
        "referendum", "summit", "primary", "primaries", "poll", "polls", "congressional",
        "general", "presidential", "midterm", "midterms", NULL};
#define TOKW(i) d->text + d->tok[i].start, d->tok[i].end - d->tok[i].start
    uint32_t first = s->tok0, end = s->tok0 + s->ntok, at = first, after;
    while (at < end && d->tok[at].start < start) at++;
    after = at;
    while (after < end && d->tok[after].start < end_byte) after++;
    if (after >= end || !islower((unsigned char)d->text[d->tok[after].start]) ||
        wd_in(TOKW(after), not_nouns) || is_past_form(TOKW(after)))
        return 0;
    if (at > first && tok_is(d, at - 1, "the")) return 1;
    return at > first + 1 && tok_is(d, at - 2, "the") &&
           islower((unsigned char)d->text[d->tok[at - 1].start]) && !wd_in(TOKW(at - 1), not_nouns);
#undef TOKW
}

/* Does the expression open its sentence as an adverbial, so that the
 * sentence's main verb is its own: "In January, ... the rebels seized",
 * "On Friday the cabinet planned", "Last March, ..."? (Not "The Aug. 30
 * date ensures ...", where it sits in the subject.) */
static int leads_sentence(const dc_doc *d, uint32_t first, uint32_t end, uint32_t at, uint32_t after)
{
    static const char *const preps[] = {"in", "on", "by", "during", "throughout", "since",
                                        "until", "from", "early", "late", "last", NULL};
    if (at == first + 1) {
        const dc_token *p = &d->tok[first];
        return wd_in(d->text + p->start, p->end - p->start, preps);
    }
    /* "Friday, the rebels ...": alone before a comma */
    return at == first && after < end && d->tok[after].end - d->tok[after].start == 1 &&
           d->text[d->tok[after].start] == ',';
}

/* Is there an infinitive ("to sell", not "to a calendar year" or "to
 * March") among tokens [from, to)? */
static int infinitive_between(const dc_doc *d, uint32_t from, uint32_t to)
{
    static const char *const not_verbs[] = {
        "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that",
        "these", "those", "some", "any", "each", "every", "all", "no", "about", "around",
        "nearly", "more", "less",
        /* "went back to court", "came to power": nouns after "to" */
        "date", "court", "power", "office", "prison", "jail", "trial", "school", "work", "war",
        "bed", "market", "town", "church", "hospital", "home", "sea", "press", "camp", "mind",
        "light", "death", "justice", "safety", "life", "court's", NULL};
    for (uint32_t u = from; u + 1 < to; u++) {
        if (!tok_is(d, u, "to")) continue;
        const dc_token *n = &d->tok[u + 1];
        const char *w = d->text + n->start;
        size_t len = n->end - n->start;
        if (islower((unsigned char)w[0]) && !wd_in(w, len, not_verbs) &&
            !is_past_form(w, len) && !isdigit((unsigned char)w[0]))
            return 1;
    }
    return 0;
}

/* Is token t a past participle ("signed", "taken", "been")? */
static int participle(const dc_doc *d, uint32_t t)
{
    const char *w = d->text + d->tok[t].start;
    size_t n = d->tok[t].end - d->tok[t].start;
    return is_past_form(w, n) || (n > 3 && strncasecmp(w + n - 2, "en", 2) == 0);
}

/* Small lists of tx_direction, named: a compound literal in a loop is
 * built anew on the stack each time round. */
static const char *const deadline_words[] = {"deadline", "deadlines", NULL};
static const char *const was_were_had[] = {"was", "were", "had", NULL};
static const char *const was_were_had_that[] = {"was", "were", "had", "that", NULL};
static const char *const plan_words[] = {"plan", "plans", NULL};
static const char *const plan_nouns_after[] = {"the", "a", "his", "her", "its", "their", "our",
                                               "new", "peace", "this", "that", NULL};
static const char *const said_told[] = {"said", "told", NULL};
static const char *const not_after_was[] = {"next", "until", "soon", NULL};

/* The direction the words around start point to: 1 forward, -1 back
 * ("since"), -2 a verb in the past tense, -3 the same with "on" or "in"
 * just before start, -4 a past verb after it when it leads the sentence,
 * 3 "will" or "shall", 2 either way, the nearest ("was scheduled for",
 * "would leave"), 4 ahead for a month, the nearest for a weekday
 * ("effective", "a Friday deadline"), 5 the nearest, leaning ahead (a
 * plan: "scheduled for Thursday"), 0 no cue. The nearest cue wins; "said" ends the search
 * (what comes before it is the report, not the event). */
int tx_direction(const dc_doc *d, const dc_sent *s, uint32_t start, uint32_t end_byte)
{
    uint32_t first = s->tok0, end = s->tok0 + s->ntok, t = first;
    while (t < end && d->tok[t].start < start) t++;
    uint32_t at = t; /* the first token of the expression */
    uint32_t after = t; /* the first token after it */
    while (after < end && d->tok[after].start < end_byte) after++;
    /* "a Saturday deadline", "June 30 is the current deadline": a limit,
     * most often ahead; the nearest such day */
    for (uint32_t u = after; u < end && u < after + 4; u++) {
        if (d->tok[u].kind == DC_PUNCT) break; /* "Saturday, when the deadline landed" */
        if (wd_in(d->text + d->tok[u].start, d->tok[u].end - d->tok[u].start,
                    deadline_words))
            return 4;
    }
    /* a past verb right after it is its own: "the UK, which Wednesday
     * offered ...", "Trump Monday signed" */
    if (after < end && after > at && past_at(d, first, after) &&
        !wd_in(d->text + d->tok[after].start, d->tok[after].end - d->tok[after].start,
                 was_were_had)) /* "Saturday was called off" */
        return leads_sentence(d, first, end, at, after) ? -4 : -2;
    /* a past perfect close by turns plans into past ones: "had been due
     * to expire Friday", "until Thursday they had not" */
    int had_perfect = 0, had_before = 0, bracket = 0;
    for (uint32_t u = t >= first + 8 ? t - 8 : first; u < end && u < t + 8; u++)
        if (d->tok[u].end - d->tok[u].start == 3 && tok_is(d, u, "had")) /* lengths first: 16 words */
            had_perfect = 1, had_before |= u < t;
    for (int k = 0; k < 10 && t > first; k++) {
        t--;
        const dc_token *tk = &d->tok[t];
        size_t n = tk->end - tk->start;
        const char *w = d->text + tk->start;
        int near_future = wdl_in(&near_future_list, w, n); /* asked up to three times below */
        /* a cue does not reach into a bracket: "(thanks to the order on
         * Monday)"; but a bracket that only restates the time is no
         * clause: "will leave at 4 (4 a.m. Thursday)" */
        if (n == 1 && (w[0] == '(' || w[0] == ')')) {
            if (k == 0) continue;
            bracket = 1;
            break;
        }
        /* "said Thursday that ...": the day of the saying */
        if (n == 4 && strncasecmp(w, "said", 4) == 0)
            return k == 0 || (k == 1 && tok_is(d, at - 1, "on")) ? -2 : 0;
        /* "plan" and "plans" look ahead as verbs ("plans to meet", "plans
         * on Thursday to release"), not as nouns ("announced the plan
         * Aug. 21") */
        if (wd_in(w, n, plan_words) && t > first &&
            wd_in(d->text + d->tok[t - 1].start, d->tok[t - 1].end - d->tok[t - 1].start,
                  plan_nouns_after))
            continue;
        /* "next to the embassy" is a place */
        if (n == 4 && strncasecmp(w, "next", 4) == 0 && t + 1 < end && tok_is(d, t + 1, "to"))
            continue;
        if (wdl_in(&timetable_list, w, n)) {
            if (k < 8 && !isupper((unsigned char)w[0])) return 1;
            continue;
        }
        if (wd_in(w, n, near_past_words)) return -1;
        if (n == 5 && strncasecmp(w, "until", 5) == 0 && had_perfect) return -1;
        if (had_before) continue;
        /* "would leave Monday": a plan seen from the past, either side */
        if (n == 5 && strncasecmp(w, "would", 5) == 0) return 2;
        /* "will state that after the Feb. 14 meeting ...": what comes
         * before "that" is the matrix clause */
        if (n == 4 && strncasecmp(w, "that", 4) == 0 && k > 0 && t > first &&
            wdl_in(&report_list, d->text + d->tok[t - 1].start,
                   d->tok[t - 1].end - d->tok[t - 1].start))
            return 0;
        if (wd_in(w, n, strong_future_words)) return 3;
        /* "effective June 1" lies ahead as a rule; "effective Friday" is
         * the nearest Friday (a rule may have just come into force) */
        if (n == 9 && strncasecmp(w, "effective", 9) == 0) return 4;
        /* "the 12-month period ending Sept. 30": the end of a period that
         * runs now, most often ahead */
        if (k == 0 && n == 6 && strncasecmp(w, "ending", 6) == 0) return 4;
        /* "was supposed to have taken effect on Sunday": a plan now past */
        if (near_future && t + 3 < end && tok_is(d, t + 1, "to") &&
            tok_is(d, t + 2, "have") && participle(d, t + 3))
            return -2;
        /* weaker words ("until", "next") only close by */
        /* plan words and "until" count only within 8 words; "will" and
         * "would" and past verbs a little further */
        if (k >= 8 && near_future) {
            if (wd_in(w, n, plan_participles) && t > first &&
                (tok_is(d, t - 1, "was") || tok_is(d, t - 1, "were")))
                return 2; /* "was scheduled to have a nomination hearing ... Thursday" */
            continue;
        }
        if (near_future) {
            /* "were planned for Sunday", "a service planned for
             * Saturday": the writer may stand before or after the day;
             * "is scheduled", "will be expected" look ahead */
            if (wd_in(w, n, plan_participles) &&
                !(t > first && wd_in(d->text + d->tok[t - 1].start,
                                     d->tok[t - 1].end - d->tok[t - 1].start, be_words)))
                return 5; /* not after "be" */
            if (t > first && (tok_is(d, t - 1, "was") || tok_is(d, t - 1, "were")) &&
                !wd_in(w, n, not_after_was))
                return 2;
            return 1;
        }
        if (is_ll(w, n)) return 3;
        /* "as early as Tuesday"; "is to resume", "are to meet" */
        if (n == 5 && strncasecmp(w, "early", 5) == 0 && t > first && tok_is(d, t - 1, "as")) return 1;
        if (n == 2 && strncasecmp(w, "to", 2) == 0 && t > first &&
            (tok_is(d, t - 1, "is") || tok_is(d, t - 1, "are") || tok_is(d, t - 1, "set") ||
             tok_is(d, t - 1, "due")))
            return 1;
        /* a participle after "be" is no past: "will be held in April",
         * "to be published in November"; look further back */
        if (past_at(d, first, t)) {
            /* "agreed to sell it in March": the time is the infinitive's,
             * ahead of the agreeing */
            if (infinitive_between(d, t + 1, at)) return 0;
            return prep_before(d, s, start) ? -3 : -2;
        }
    }
    if (had_before) return -2; /* "had been due to expire Friday" */
    /* further back, only a "will" that no past verb or report stands
     * between: "will be named commander of the shuttle for a mission in
     * December" */
    for (int k = 10; k < 20 && t > first && !had_before && !bracket; k++) {
        t--;
        const dc_token *tk = &d->tok[t];
        size_t n = tk->end - tk->start;
        const char *w = d->text + tk->start;
        if (wd_in(w, n, strong_future_words) || is_ll(w, n))
            return 3;
        if (n == 5 && strncasecmp(w, "would", 5) == 0) return 2; /* "would greet them at 2 a.m. Thursday" */
        if ((n == 4 && strncasecmp(w, "said", 4) == 0) || past_at(d, first, t) ||
            wd_in(w, n, was_were_had_that))
            break;
        /* nor across a bracket, a colon, a dash or a quote: another clause */
        if (strchr("();:\"", w[0]) || (n == 3 && (unsigned char)w[0] == 0xE2) ||
            (n == 2 && w[0] == '-' && w[1] == '-'))
            break;
    }
    /* no cue before it: the verb after it ("In March the talks collapsed",
     * "On Tuesday the league plans to ..."); far ahead only when the
     * expression leads the sentence, else the verb belongs to another
     * clause */
    int lead = leads_sentence(d, first, end, at, after);
    for (uint32_t u = after, k = 0; k < (lead ? 32u : 6u) && u < end; k++, u++) {
        const dc_token *tk = &d->tok[u];
        size_t n = tk->end - tk->start;
        const char *w = d->text + tk->start;
        int after_be = u > first && wd_in(d->text + d->tok[u - 1].start,
                                            d->tok[u - 1].end - d->tok[u - 1].start, be_words);
        if (wdl_in(&after_future_list, w, n) &&
            !(wd_in(w, n, plan_words) &&
              !(u + 1 < end && tok_is(d, u + 1, "to"))))
            return 1;
        if (is_ll(w, n)) return 1;
        if (after_be && wd_in(w, n, plan_participles)) return 1; /* "is expected to" */
        if (after_be) continue;
        /* "On Friday the government planned to pay"; not "a decision
         * expected in June" */
        if (wd_in(w, n, plan_participles) && !(u + 1 < end && tok_is(d, u + 1, "to"))) {
            if (k <= 3) return 5; /* "Thursday's expected vote": a plan */
            continue;
        }
        if (wd_in(w, n, plan_participles)) return lead ? -4 : -2;
        /* "On Friday, officials said": the report is the event; but in
         * "X, who leaves in September, said" it is another clause's */
        if (lead && wd_in(w, n, said_told)) return -4;
        if (past_at(d, first, u)) return lead ? -4 : -2;
    }
    return 0;
}

