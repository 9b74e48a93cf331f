/* timex: temporal expressions found by the date grammar and normalised to
 * TIMEX3 values, resolved against the publication date (DCT) and, for
 * anaphora ("two days later"), against the last date the text named. */
#ifndef TX_TIMEX_H
#define TX_TIMEX_H
#include <stddef.h>
#include <stdint.h>
#include "annals/annals.h"
#include "../doc/doc.h"
#include "../grammar/gram.h"

typedef struct tx_timex {
    uint32_t start, end;
    const char *type;  /* DATE, TIME, DURATION, SET */
    char value[40];
    const char *rule;  /* the rule that found it (for debugging) */
} tx_timex;

/* What resolution knows at a point of the text. */
typedef struct tx_ctx {
    int has_dct, dy, dm, dd;      /* the publication date */
    int has_last, ly, lm, ld;     /* the last full date named, for anaphora */
    int last_quarter;             /* the last quarter named: year * 4 + q - 1, or 0 */
    int quarter_over;             /* ... named in the past tense ("reported a
                                   * decline in fourth-quarter net"): it has
                                   * ended, whatever the calendar says (a
                                   * fiscal quarter) */
    int last_year;                /* the last year named at any grain, or 0 */
    int last_month;               /* y * 12 + m - 1 of a month named after the
                                   * last full date ("In March"), or 0 */
    int in_period;                /* a span of months ("the nine months") was
                                   * named earlier in the sentence */
    int *future;                  /* the sentence speaks of the future: 1, 0,
                                   * or -1 not yet asked; read with tx_future,
                                   * which asks only when a rule needs it */
    const dc_doc *doc;            /* the text, and the sentence of the */
    const dc_sent *sent;          /* ... expression (NULL: none) */
    int near_future;              /* a future word just before the expression */
    int strong_future;            /* ... and that word is "will" or "shall" */
    int past_after;               /* the verb right after it is past: "In
                                   * March the talks collapsed" */
    int near_past;                /* a past word just before it: "since", "ended" */
    int past_verb;                /* a verb in the past tense close by */
    int past_on;                  /* ... and "on" or "in" just before the
                                   * expression: "announced sanctions on
                                   * December 29" is a past day, not a
                                   * deadline ahead */
    int near_either;              /* a plan told in the past tense ("were
                                   * planned for Sunday"): it may have
                                   * happened or not yet; the nearest day */
    int plan_ahead;               /* ... a plan: on a near tie, the day ahead
                                   * ("meetings scheduled for Thursday") */
    annals_date_order order;
    const gm_grammar *g;          /* its tables: month, weekday, number... */
} tx_ctx;

/* Does the expression's sentence speak of the future ("will", "set to")?
 * Asked of the sentence on first need, kept in *c->future. */
int tx_future(const tx_ctx *c);

/* Computes the value of match m (its rule's function applied to its
 * arguments) into out[40]. Returns 0, or -1 when the match is not a real
 * temporal expression after all (February 30, a month 13). */
int tx_normalise(const tx_ctx *c, const gm_match *m, const char *text, char out[40]);

/* 1 if name is a normalisation function that tx_normalise knows. */
int tx_function_known(const char *name);

/* Finds, normalises and resolves every temporal expression of d. dct is
 * "YYYY-MM-DD" or NULL. The list is allocated from a. */
int tx_find(const gm_grammar *g, const dc_doc *d, const char *dct,
            annals_date_order order, ar_arena *a, tx_timex **out, size_t *n);
#endif
