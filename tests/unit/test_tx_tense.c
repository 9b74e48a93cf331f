/* Tense cues of the date pass (tx_tense.h) on sentences of our own: the
 * word lists answer whatever the case of the word, "-ed" counts unless a
 * dash or an exception says otherwise, and the words that look ahead only
 * before "to" do so; the sentence's future is asked on need. Pins what
 * the filtered lists must keep answering. */
#include "testutil.h"
#include "doc/doc.h"
#include "timex/timex.h"
#include "timex/tx_tense.h"
#include "util/arena.h"

enum { DIR, FUTURE, NAMES };

/* The cue of kind k for the first needle in the one-sentence text. */
static int cue(const char *text, const char *needle, int k)
{
    ar_arena mem;
    ar_init(&mem, 4096);
    dc_doc d;
    assert_int_equal(dc_build(&d, &mem, text, strlen(text)), 0);
    const char *at = strstr(text, needle);
    assert_non_null(at);
    uint32_t st = (uint32_t)(at - text), en = st + (uint32_t)strlen(needle);
    long si = dc_sentence_at(&d, st);
    assert_true(si >= 0);
    const dc_sent *s = &d.sent[si];
    int r = k == DIR ? tx_direction(&d, s, st, en)
          : k == FUTURE ? tx_sentence_future(&d, s) : tx_names_event(&d, s, st, en);
    ar_free(&mem);
    return r;
}

#define DIR_IS(text, want) assert_int_equal(cue(text, "Friday", DIR), want)
#define FUT_IS(text, want) assert_int_equal(cue(text, "Friday", FUTURE), want)

static void test_past_forms(void **s)
{
    (void)s;
    DIR_IS("The rebels SEIZED the town Friday.", -2);   /* -ed, any case */
    DIR_IS("The rebels WON the town on Friday.", -3);   /* a listed form, "on" before */
    DIR_IS("The talks succeeded Friday.", -2);          /* not a past form: look further */
    DIR_IS("The town hundred Friday.", 0);              /* "hundred" is no verb */
    DIR_IS("A long-awaited report Friday.", 0);         /* a dash: an adjective */
    DIR_IS("The talks were postponed Friday.", 5);      /* a plan word, not a past */
    DIR_IS("The talks could be further reduced Friday.", 0); /* "be" and an adverb */
    DIR_IS("The talks are newly revived Friday.", 0);
    DIR_IS("On Friday the rebels SEIZED the town.", -4);
    DIR_IS("The unit, which Friday OFFERED help, left.", -2);
    DIR_IS("The rebels agreed to sell the town Friday.", 0);  /* the infinitive's time */
    DIR_IS("The rebels agreed to court the town Friday.", -2); /* "court": a noun */
    DIR_IS("It ended Friday.", -1);
    DIR_IS("Since Friday, nothing.", -1);
}

static void test_ahead(void **s)
{
    (void)s;
    DIR_IS("The leaders meet Friday.", 1);
    DIR_IS("The leaders MEET Friday.", 0); /* a title, not a timetable */
    DIR_IS("The vote WON'T come Friday.", 3);
    DIR_IS("They\xE2\x80\x99LL meet Friday.", 1);
    DIR_IS("He would leave Friday.", 2);
    DIR_IS("He was scheduled to leave Friday.", 5);
    DIR_IS("The deadline expires Friday.", 1);
    DIR_IS("Officials said the deal is effective Friday.", 4);
    DIR_IS("Net rose in the period ending Friday.", 4);
    DIR_IS("The talks, long scheduled, should go ahead as early as Friday.", 1);
    DIR_IS("On Friday the league plans to vote.", 1);
    DIR_IS("On Friday the league plans a vote.", 0);
    DIR_IS("The ministry announced the plan Friday.", -2);
    DIR_IS("The rebels had planned to leave Friday.", -2);
    DIR_IS("The vote, which is supposed to have taken place Friday, was delayed.", -2);
    DIR_IS("He said Friday that it was done.", -2);
    assert_int_equal(cue("He WILL be named commander of the new shuttle crew for a long "
                         "mission in December.", "December", DIR), 3);
    assert_int_equal(cue("The talks will state that after the Friday meeting nothing changed.",
                         "Friday", NAMES), 1);
}

static void test_sentence_future(void **s)
{
    (void)s;
    FUT_IS("The SUMMIT is SET TO open Friday.", 1);
    FUT_IS("The summit is set for Friday.", 0); /* "set" only before "to" */
    FUT_IS("The summit is DUE Friday.", 0);
    FUT_IS("They're GOING to meet Friday.", 1);
    FUT_IS("They'LL meet Friday.", 1);
    FUT_IS("They\xE2\x80\x99ll meet Friday.", 1);
    FUT_IS("The group has planned Friday.", 1);
    FUT_IS("The rebels SEIZED the town Friday.", 0);
    FUT_IS("The vote is planned. Rebels fled Friday.", 0); /* another sentence's */
}

/* tx_future asks the sentence once, on first need, and keeps the answer */
static void test_future_on_need(void **s)
{
    (void)s;
    ar_arena mem;
    ar_init(&mem, 4096);
    dc_doc d;
    const char *text = "The rebels fled. The summit will open Friday.";
    assert_int_equal(dc_build(&d, &mem, text, strlen(text)), 0);
    int future = -1;
    tx_ctx c = {.future = &future, .doc = &d, .sent = &d.sent[1]};
    assert_int_equal(tx_future(&c), 1);
    assert_int_equal(future, 1);
    c.sent = &d.sent[0]; /* kept: the caller resets it for another sentence */
    assert_int_equal(tx_future(&c), 1);
    future = -1;
    assert_int_equal(tx_future(&c), 0);
    c.sent = NULL, future = -1; /* no sentence: no future */
    assert_int_equal(tx_future(&c), 0);
    ar_free(&mem);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_past_forms),
        cmocka_unit_test(test_ahead),
        cmocka_unit_test(test_sentence_future),
        cmocka_unit_test(test_future_on_need),
    };
    return cmocka_run_group_tests_name("tx_tense", tests, NULL, NULL);
}
