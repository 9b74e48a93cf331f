/* The English date grammar with resolution, against reference dates. */
#include "testutil.h"
#include "annals/annals.h"
#include "timeline/timeline.h"

static annals_grammars *G;

/* The value of the timex whose text contains needle, found in text with
 * publication date dct (NULL: none); "-" when there is none. */
static const char *val(const char *dct, const char *text, const char *needle)
{
    static char out[64];
    annals_timeline *tl = annals_timeline_new();
    annals_options o;
    annals_options_init(&o);
    o.want_timexes = 1;
    o.dct = dct;
    annals_error err;
    annals_article a = {.id = "t", .text = text, .text_len = strlen(text)};
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), 0);
    strcpy(out, "-");
    for (size_t i = 0; i < tl->ntx; i++)
        if (strstr(tl->tx[i].text, needle)) {
            snprintf(out, sizeof out, "%s", tl->tx[i].value);
            break;
        }
    annals_timeline_free(tl);
    return out;
}

#define V(dct, text, needle, want) assert_string_equal(val(dct, text, needle), want)
#define D "2021-07-18" /* a Sunday */

static void test_full_dates(void **s)
{
    (void)s;
    V(D, "They met on June 16, 2021 in Geneva.", "June 16", "2021-06-16");
    V(D, "They met on 16 June 2021 in Geneva.", "16 June", "2021-06-16");
    V(D, "They met on Wednesday, June 16, 2021.", "June 16", "2021-06-16");
    V(D, "They met on Jun. 16 in Geneva.", "Jun. 16", "2021-06-16");
    V(D, "Filed 2021-06-16 at noon.", "2021-06-16", "2021-06-16");
    V(D, "Signed on 6/16/2021 by both.", "6/16/2021", "2021-06-16");
    V(D, "It fell in June 2021.", "June 2021", "2021-06");
    V(D, "It happened in 2019.", "2019", "2019");
    V(D, "Not a date: February 30, 2021.", "February", "-");
}

static void test_dmy_option(void **s)
{
    (void)s;
    annals_timeline *tl = annals_timeline_new();
    annals_options o;
    annals_options_init(&o);
    o.want_timexes = 1;
    o.dct = D;
    o.date_order = ANNALS_DATE_DMY;
    annals_error err;
    const char *t = "Signed on 6/7/2021.";
    annals_article a = {.id = "t", .text = t, .text_len = strlen(t)};
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), 0);
    assert_int_equal(tl->ntx, 1);
    assert_string_equal(tl->tx[0].value, "2021-07-06");
    annals_timeline_free(tl);
}

static void test_months_and_tense(void **s)
{
    (void)s;
    /* a month without a year: nearest in the direction of the tense */
    V(D, "The talks collapsed in March.", "March", "2021-03");
    V(D, "The talks will resume in March.", "March", "2022-03");
    V("2021-12-20", "The summit will be held in January.", "January", "2022-01");
    V("2021-01-05", "The offensive began in December.", "December", "2020-12");
    V(D, "Fighting flared on July 14.", "July 14", "2021-07-14");
    V(D, "Early July saw heavy fighting.", "July", "2021-07");
    V(D, "Moscow was ready back in June.", "June", "2021-06");
    V(NULL, "Fighting flared on July 14.", "July 14", "XXXX-07-14");
    V("2020-03-01", "On Feb. 29 the deal was signed.", "Feb. 29", "2020-02-29");
}

static void test_weekdays_and_days(void **s)
{
    (void)s;
    V(D, "Turkey launched an offensive on Wednesday.", "Wednesday", "2021-07-14");
    V(D, "The ministers will meet on Wednesday.", "Wednesday", "2021-07-21");
    V(D, "Talks collapsed last Friday.", "Friday", "2021-07-16");
    V(D, "Talks resume next Tuesday.", "Tuesday", "2021-07-20");
    V(D, "The raid came on Monday night.", "Monday", "2021-07-12TNI");
    V(D, "Officials said today.", "today", "2021-07-18");
    V(D, "Officials said yesterday.", "yesterday", "2021-07-17");
    V(D, "Officials will decide tomorrow.", "tomorrow", "2021-07-19");
    V(D, "It began the day before yesterday.", "before yesterday", "2021-07-16");
    V(NULL, "They met on Friday.", "Friday", "XXXX-WXX-5");
}

static void test_relative_units(void **s)
{
    (void)s;
    V(D, "Prices rose last week.", "week", "2021-W27");
    V(D, "Prices rose this month.", "month", "2021-07");
    V(D, "Elections are due next year.", "year", "2022");
    V(D, "Profits fell last quarter.", "quarter", "2021-Q2");
    V("2021-01-03", "Prices rose this week.", "week", "2020-W53"); /* ISO week */
    V(D, "The deal was signed three days ago.", "ago", "2021-07-15");
    V(D, "It ended two years ago.", "ago", "2019");
    V(D, "It ends a month from now.", "from now", "2021-08");
    V(D, "On July 14 they met. Two days later, talks resumed.", "later", "2021-07-16");
    V(D, "On July 14 they met. The following day talks resumed.", "following day", "2021-07-15");
}

static void test_parts_of_years(void **s)
{
    (void)s;
    V(D, "It happened in the summer of 2019.", "summer", "2019-SU");
    V(D, "Growth slowed in the third quarter of 2020.", "quarter", "2020-Q3");
    V(D, "Spending rose in fiscal 2020.", "fiscal", "FY2020");
    V(D, "It happened in the first half of 2020.", "half", "2020-H1");
    V(D, "Tensions grew in the 1990s.", "1990s", "199");
    V(D, "Tensions grew in the seventies.", "seventies", "197");
    V(D, "Tensions grew in the '90s.", "90s", "199");
}

static void test_durations_sets_refs(void **s)
{
    (void)s;
    V(D, "After 20 years of war the troops left.", "20 years", "P20Y");
    V(D, "After two decades of war the troops left.", "two decades", "P2DE");
    V(D, "A 72-hour truce began.", "72-hour", "PT72H");
    V(D, "Prices rose over the past several months.", "months", "PXM");
    V(D, "The council meets every week.", "every week", "P1W");
    V(D, "The report is published annually.", "annually", "P1Y");
    V(D, "The talks are now in their third week.", "now", "PRESENT_REF");
    V(D, "He said at 4:56 p.m. ET that it was over.", "4:56", "2021-07-18T16:56");
}

static void test_false_positives(void **s)
{
    (void)s;
    V(D, "The deal may be signed soon.", "May", "-");
    V(D, "Inflation hit 2020 percent.", "2020", "-");
    V(D, "It cost $2021 million.", "2021", "-");
    V(D, "She wrote for the Sunday Times.", "Sunday", "-");
    V(D, "Theresa May resigned.", "May", "-");
    V(D, "Call 555-202-1999 now.", "1999", "-");
}

/* Adversarial text: long digit runs, repeated month names, endless
 * commas. It must simply finish (make bench times it). */
static void test_adversarial(void **s)
{
    (void)s;
    size_t n = 1 << 20;
    char *t = malloc(n + 1);
    const char *pieces[] = {"1234567890", "May June July ", ",,,,,,,,", "the past the last the next ",
                            "12/12/12/12/12/", "January 1, January 2, "};
    size_t k = 0, p = 0;
    while (k < n) {
        const char *pc = pieces[(p++ / 500) % 6];
        size_t l = strlen(pc);
        if (k + l > n) l = n - k;
        memcpy(t + k, pc, l);
        k += l;
    }
    t[n] = '\0';
    annals_timeline *tl = annals_timeline_new();
    annals_options o;
    annals_options_init(&o);
    o.want_timexes = 1;
    o.dct = D;
    annals_error err;
    annals_article a = {.id = "t", .text = t, .text_len = n};
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), 0);
    for (size_t i = 0; i < tl->ntx; i++) assert_true(tl->tx[i].end <= n);
    annals_timeline_free(tl);
    free(t);
}

static int setup(void **s)
{
    (void)s;
    annals_error err;
    G = annals_grammars_builtin(&err);
    return G ? 0 : -1;
}
static int teardown(void **s) { (void)s; annals_grammars_free(G); return 0; }

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_dates), cmocka_unit_test(test_dmy_option),
        cmocka_unit_test(test_months_and_tense), cmocka_unit_test(test_weekdays_and_days),
        cmocka_unit_test(test_relative_units), cmocka_unit_test(test_parts_of_years),
        cmocka_unit_test(test_durations_sets_refs), cmocka_unit_test(test_false_positives),
        cmocka_unit_test(test_adversarial)};
    return cmocka_run_group_tests_name("timex", tests, setup, teardown);
}
