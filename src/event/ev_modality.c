/* Modality from the words just before a trigger: "did not" negates,
 * "could", "if", "would" make it hypothetical, "will", "plans to" a plan;
 * a definite noun phrase ("the attack") presupposes its event, and a
 * reported future ("announced that troops would withdraw") is a plan. */
#include "ev_party.h"
#include <string.h>
#include <strings.h>

static const char *const neg_words_w[] = {"not", "no", "never", "without", "refused", "refuses",
                                        "denied", "denies", "rejected", "declined", "failed",
                                        "cancelled", "canceled", "nor", "neither", NULL};
static const char *const hyp_words_w[] = {"could", "may", "might", "should", "if", "would", "possible",
                                        "possibly", "proposed", "considering", "consider", "urged",
                                        "demanded", "demand", "calls", "called", "hopes", "hope",
                                        "wants", "seeks", "seek", "unless", "whether", NULL};
static const char *const plan_words_w[] = {"will", "shall", "plans", "plan", "planned", "planning",
                                         "scheduled", "set", "expected", "upcoming", "underway",
                                         "preparing", "prepares", "intends", "intend", "due",
                                         "agreed", "announced", "next", "to", NULL};

/* asked of each word before a trigger: filtered (wd_list.h) */
static wd_list neg_words = {.w = neg_words_w}, hyp_words = {.w = hyp_words_w},
               plan_words = {.w = plan_words_w};

/* Negation, hypothesis or plan in the words just before the trigger. */
const char *ev_modality(const dc_doc *d, uint32_t s0, uint32_t t0)
{
    int neg = 0, hyp = 0, plan = 0, would = 0, reported = 0;
    uint32_t from = t0 > s0 + 7 ? t0 - 7 : s0;
    static const char *const det_w[] = {"the", "this", "that", "these", "those", "its",
                                        "their", "his", "her", "our", NULL};
    /* "Trump announced that troops would withdraw": a reported future is a
     * plan, not a condition */
    static const char *const report_w[] = {"announced", "announces", "said", "says", "told",
                                           "promised", "pledged", "confirmed", "declared", NULL};
    static wd_list det = {.w = det_w}, report = {.w = report_w};
    for (uint32_t k = t0; k-- > from;) {
        if (ev_clause_break(d, k) || ev_tok_eq(d, k, ",")) break;
        if (ev_tok_list(d, k, &report)) reported = 1;
        /* "did not claim the attack": a definite noun phrase presupposes
         * its event; only words inside it ("the planned visit") count */
        if (ev_tok_list(d, k, &det)) {
            reported = ev_tok_eq(d, k, "that") && k > s0 && ev_tok_list(d, k - 1, &report);
            break;
        }
        if (ev_tok_eq(d, k, "would")) { would = 1; continue; }
        const dc_token *tk = &d->tok[k];
        size_t n = tk->end - tk->start;
        const char *w = d->text + tk->start;
        if (ev_tok_list(d, k, &neg_words) || (n > 3 && strncasecmp(w + n - 3, "n't", 3) == 0) ||
            (n > 5 && strncmp(w + n - 5, "n\xE2\x80\x99t", 5) == 0))
            neg = 1;
        /* "in May at Manchester Arena killed": the month, not the modal */
        else if (ev_tok_list(d, k, &hyp_words) &&
                 !(ev_tok_eq(d, k, "may") && (tk->flags & DC_CAP) && k > s0))
            hyp = 1;
        else if (ev_tok_list(d, k, &plan_words)) {
            /* "to" alone is a plan only right before the trigger ("to evacuate") */
            if (!ev_tok_eq(d, k, "to") || k + 1 == t0) plan = 1;
        }
    }
    if (would && reported) plan = 1;
    else if (would) hyp = 1;
    if (neg) return "negated";
    if (hyp) return "hypothetical";
    if (plan) return "planned";
    return "asserted";
}
