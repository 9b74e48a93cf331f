/* Anchoring and within-article coreference: which date an event takes
 * (its own clause, its sentence, the narrative's current date, none) and
 * which mentions make one event. Sentences of our own, through the public
 * extract call with the built-in grammars. */
#include "testutil.h"
#include "annals/annals.h"
#include "timeline/timeline.h"
#include "anchor/anchor.h"

TU_GRAMMARS
#include "tu_extract.h"
static annals_timeline *TL;

/* Extracts text as published on dct into TL (a fresh timeline). */
static void run(const char *dct, const char *text)
{
    if (TL) annals_timeline_free(TL);
    TL = annals_timeline_new();
    assert_non_null(TL);
    tu_extract(TL, dct, text);
}

/* The event of TL with a mention whose trigger is trig; fails if none. */
static const tl_event *ev(const char *trig) { return tu_by_trigger(TL, trig); }

/* The date value of the event of trigger trig, "-" when undated. */
static const char *date_of(const char *trig)
{
    const tl_event *e = ev(trig);
    return e->has_date ? e->date.value : "-";
}

#define D "2021-07-15" /* a Thursday */

static void test_own_clause_first(void **s)
{
    (void)s;
    /* each verb takes the date of its own clause, not the nearer one */
    run(D, "Rebels seized the town of Kunduz on Tuesday after the army withdrew on Sunday.");
    assert_string_equal(date_of("seized"), "2021-07-13");
    assert_string_equal(date_of("withdrew"), "2021-07-11");
}

static void test_report_date(void **s)
{
    (void)s;
    /* the day something was said does not date what the quotation tells */
    run(D, "\"When the two presidents spoke by phone, they agreed to meet,\" an aide told "
           "reporters on Monday.");
    assert_string_equal(date_of("spoke by phone"), "-");
    /* the report's date gives way to the plan's own date */
    run(D, "Officials said on Wednesday that the summit is set for July 20.");
    assert_string_equal(date_of("summit"), "2021-07-20");
}

static void test_planned_future(void **s)
{
    (void)s;
    run(D, "The foreign minister said on Monday that talks with Iran will resume on July 28.");
    assert_string_equal(date_of("talks"), "2021-07-28");
    run(D, "The army said last month it plans to withdraw from the border by September.");
    const tl_event *e = ev("withdraw");
    assert_string_equal(e->modality, "planned");
    assert_string_equal(e->date.value, "2021-09");
}

static void test_carry_forward(void **s)
{
    (void)s;
    /* the narrative's current date: the day the sentence before named */
    run(D, "The ministers arrived in Geneva on Monday. Rebels shelled the airport.");
    assert_string_equal(date_of("shelled"), "2021-07-12");
    /* with no date anywhere, none: a wrong date is worse */
    run(D, "Rebels shelled the airport.");
    assert_string_equal(date_of("shelled"), "-");
    /* nor from the day a statement was made */
    run(D, "The ministry said on Monday it was worried. Rebels shelled the airport.");
    assert_string_equal(date_of("shelled"), "-");
}

static void test_coref_merge(void **s)
{
    (void)s;
    /* a lead and a later "the meeting": one event, every mention, the
     * date of the one that names it */
    run(D, "Biden met Putin in Geneva. The meeting took place on June 16, aides said.");
    const tl_event *e = ev("met");
    assert_ptr_equal(e, ev("meeting"));
    assert_int_equal(e->nmentions, 2);
    assert_string_equal(e->date.value, "2021-06-16");
    /* a verb in -s is no plural: "meets" and "his June 16 meeting" are one */
    run(D, "Putin meets Biden in Geneva on June 16. Officials expect little. Putin raised bases "
           "during his June 16 meeting with Biden.");
    assert_ptr_equal(ev("meets"), ev("meeting"));
    /* a date carried over from the sentence before yields to the own date
     * of the occurrence taken up again */
    run(D, "Protesters held a rally in the capital on Sunday. Parliament passed the law on "
           "July 6. Thousands took part in the rally.");
    e = ev("rally");
    assert_int_equal(e->nmentions, 2);
    assert_string_equal(e->date.value, "2021-07-11");
    /* "the summit" with no day of its own is the article's summit, told
     * most often, not the one named last */
    run(D, "Biden met Putin at a summit in Geneva on June 16. The summit lasted four hours. "
           "NATO leaders will hold a summit in Brussels in December. Traders said the outcome "
           "of the summit was priced in.");
    for (size_t i = 0; i < TL->nev; i++)
        if (TL->ev[i].has_date && strcmp(TL->ev[i].date.value, "2021-12") == 0)
            assert_int_equal(TL->ev[i].nmentions, 1);
    assert_int_equal(ev("summit")->nmentions, 3);
}

/* a named occurrence is one however the text frames it along the way */
static void test_coref_named(void **s)
{
    (void)s;
    run(D, "The minister asked whether Brexit could still be walked back. Officials said Brexit "
           "is going ahead.");
    assert_int_equal(TL->nev, 1);
    assert_int_equal(TL->ev[0].nmentions, 2);
    /* once named, the word opening a sentence is the name too */
    run(D, "The minister asked whether Brexit could still be walked back.\n\nBrexit is going "
           "ahead, officials said.");
    assert_int_equal(TL->nev, 1);
    /* a capital that opens a sentence is no name */
    run(D, "Rebels might attack the town. Attack helicopters were seen. Rebels attacked the "
           "town on Monday.");
    assert_ptr_not_equal(ev("attack"), ev("attacked"));
}

static void test_coref_no_merge(void **s)
{
    (void)s;
    /* a phone call is not the meeting of another day */
    run(D, "Putin and Biden met in Geneva on June 16. Trade fell sharply. Putin and Biden "
           "spoke by phone.");
    assert_ptr_not_equal(ev("met"), ev("spoke by phone"));
    assert_string_equal(date_of("spoke by phone"), "-");
    assert_string_equal(date_of("met"), "2021-06-16");
    /* attacks of a whole year are not the attack of Monday */
    run(D, "Rebels launched attacks across the region this year. Rebels attacked the airport "
           "on Monday.");
    assert_ptr_not_equal(ev("attacks"), ev("attacked"));
    assert_string_equal(date_of("attacked"), "2021-07-12");
    /* an event of the past named with its year is not the undated news
     * told in other words */
    run(D, "Rebels attacked the airport in 1998. Rebels shelled the city.");
    assert_ptr_not_equal(ev("attacked"), ev("shelled"));
    assert_string_equal(date_of("shelled"), "-");
    run(D, "Rebels attacked the airport last month. Rebels shelled the city.");
    assert_ptr_equal(ev("attacked"), ev("shelled"));
    /* other participants, another meeting */
    run(D, "Biden met Putin in Geneva on June 16. Weeks later Macron met Erdogan in Paris.");
    assert_int_equal(TL->nev, 2);
    /* a referendum is not the elections held the same week */
    run(D, "Voters went to the polls in the regional elections on Thursday. Critics said the "
           "referendum on the treaty divided the country.");
    assert_ptr_not_equal(ev("elections"), ev("referendum"));
    assert_string_equal(date_of("referendum"), "-");
}

static void test_span(void **s)
{
    (void)s;
    tl_date t;
    assert_int_equal(an_span("2021-07-14T09:00", &t), 0);
    assert_string_equal(t.value, "2021-07-14");
    assert_string_equal(t.precision, "day");
    assert_int_equal(an_span("2019-W43-WE", &t), 0);
    assert_string_equal(t.start, "2019-10-26");
    assert_string_equal(t.end, "2019-10-27");
    /* no calendar span: an event takes no date from these */
    assert_int_equal(an_span("XXXX", &t), -1);
    assert_int_equal(an_span("PAST_REF", &t), -1);
    assert_int_equal(an_span("P3Y", &t), -1);
}

static int teardown(void **s)
{
    if (TL) annals_timeline_free(TL);
    return tu_teardown(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_own_clause_first), cmocka_unit_test(test_report_date),
        cmocka_unit_test(test_planned_future),   cmocka_unit_test(test_carry_forward),
        cmocka_unit_test(test_coref_merge),      cmocka_unit_test(test_coref_no_merge),
        cmocka_unit_test(test_coref_named),
        cmocka_unit_test(test_span)};
    return cmocka_run_group_tests_name("anchor", tests, tu_setup, teardown);
}
