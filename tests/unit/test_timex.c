/* The English date grammar with resolution, against reference dates. */
#include "testutil.h"
#include "annals/annals.h"
#include "timeline/timeline.h"

TU_GRAMMARS

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
    /* the tense of the verb: a past verb puts a month behind the DCT, but a
     * deadline a few weeks ahead stays ahead */
    V("2021-12-01", "The talks collapsed in March.", "March", "2021-03");
    /* a month not yet begun cannot hold what a past verb with "in" tells;
     * an infinitive's time lies ahead of the verb; "be" and an adverb
     * make a participle no past */
    V("2021-10-27", "The firm changed to a calendar year in December.", "December", "2020-12");
    V("2021-10-27", "The firm agreed to change its fiscal year in December.", "December", "2021-12");
    V("2021-10-27", "The tariff could be further reduced at a hearing in December.", "December",
      "2021-12");
    V("2021-10-27", "The union went back to court in December.", "December", "2020-12");
    V("2021-12-01", "In March the talks collapsed.", "March", "2021-03");
    V("2021-12-01", "They will meet again in March.", "March", "2022-03");
    V("2021-11-20", "The offer was extended to Dec. 15.", "Dec. 15", "2021-12-15");
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
    /* a part of the day under discussion; a clock with one */
    V(D, "On Friday, dealers sold in the morning.", "morning", "2021-07-16TMO");
    V(D, "The plane will leave at 4 in the morning.", "morning", "2021-07-18T04:00");
    V(D, "The show aired at 10 o'clock at night.", "night", "2021-07-18T22:00");
    V(D, "They landed at 2 a.m. in the morning.", "a.m.", "2021-07-18T02:00");
    V(D, "They landed at 2 a.m. in the morning.", "the morning", "-");
    V(D, "Troops moved in on the morning of July 3.", "morning", "-");
    /* the present of a timetable looks ahead; a title's capital does not */
    V(D, "The two leaders meet separately Tuesday with the envoy.", "Tuesday", "2021-07-20");
    V(D, "The envoy visits Lagos Friday.", "Friday", "2021-07-23");
    V(D, "He told NBC's Meet the Press on Friday that he would run.", "Friday", "2021-07-16");
    V(D, "The leaders met separately Tuesday with the envoy.", "Tuesday", "2021-07-13");
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
    V(D, "Spending rose in fiscal 2020.", "fiscal", "2020"); /* TIMEX3 has no FY form */
    V(D, "It happened in the first half of 2020.", "half", "2020-H1");
    V(D, "Tensions grew in the 1990s.", "1990s", "199");
    V(D, "Tensions grew in the seventies.", "seventies", "197");
    V(D, "Tensions grew in the '90s.", "90s", "199");
}

static void test_durations_sets_refs(void **s)
{
    (void)s;
    V(D, "After 20 years of war the troops left.", "20 years", "P20Y");
    /* ISO 8601 has no decade unit: decades and centuries count in years */
    V(D, "After two decades of war the troops left.", "two decades", "P20Y");
    V(D, "A century of rule ended.", "century", "P100Y");
    V(D, "The bridge stood for two hundred years.", "years", "P200Y");
    V(D, "The secret was kept for more than two thousand years.", "years", "P2000Y");
    V(D, "The four-decade feud ended.", "four-decade", "P40Y");
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

/* Tense cues just before the expression, not the sentence's. */
static void test_near_cues(void **s)
{
    (void)s;
    /* a future word far off in the sentence does not move a past month */
    V("2021-08-13", "In March the firm hired a new chief, who will expand it.", "March", "2021-03");
    /* "since", "ended": past even when the future one is nearer */
    V("2021-10-31", "In the fiscal year ended Jan. 31, sales rose.", "Jan. 31", "2021-01-31");
    V("2021-10-31", "Sales have grown since January.", "January", "2021-01");
    /* weekdays: "set to", "is to", "as early as", "resume" look forward */
    V(D, "Talks are set to resume Monday in Belfast.", "Monday", "2021-07-19");
    V(D, "The boy could leave as early as Tuesday.", "Tuesday", "2021-07-20");
    V(D, "The stock is to resume trading in Paris Tuesday.", "Tuesday", "2021-07-20");
    V(D, "Rebels were planning to drive around the capital on Monday.", "Monday", "2021-07-19");
    /* ... unless a past perfect makes the plan a past one */
    V(D, "The offer had been due to expire Friday evening.", "Friday", "2021-07-16TEV");
    V(D, "Until Thursday, police had not named a suspect.", "Thursday", "2021-07-15");
}

static void test_anaphora_and_periods(void **s)
{
    (void)s;
    V(D, "On May 22, 1995, he was promoted, and the following year he retired.", "following year", "1996");
    V(D, "In March, the firm got an offer. The following month, it agreed.", "following month", "2021-04");
    V(D, "On July 14 they met. The previous Friday, talks failed.", "previous Friday", "2021-07-09");
    V(D, "On July 6 they met. The following Monday, talks resumed.", "following Monday", "2021-07-12");
    /* earnings: the period under discussion, a year back or in the year given */
    V(D, "Net fell in the third quarter of 2020 from the corresponding period last year.",
      "corresponding", "2019-Q3");
    V(D, "Net fell in the third quarter of 2020, against last year's quarter.", "last year's", "2019-Q3");
    V(D, "Net fell in the third quarter of 2020, against a loss in the 2019 period.", "2019 period", "2019-Q3");
    V(D, "Net fell in the third quarter of 2020, against the 2019 quarter; the quarter was hard.",
      "the quarter", "2020-Q3"); /* "the 2019 quarter" is not a new subject */
    V(D, "Sales rose 5% in the 2019 period.", "2019 period", "2019"); /* no quarter named */
    V(D, "Net rose in the third quarter of 2020. In the first nine months, net was $9 million, "
         "against $4 million in the 2019 period.", "2019 period", "2019"); /* the same months */
    V(D, "Net rose in the third quarter of 2020 from $5 million a year earlier.", "earlier", "2019-Q3");
    V(D, "Net rose in the third quarter of 2020. For the nine months, net rose from "
         "$5 million a year earlier.", "earlier", "2019"); /* the same months, not the quarter */
    /* a quarter said to have ended on a day not yet reached this year
     * ended last year (a fiscal quarter); the anaphor keeps it */
    V("2021-10-20", "The chain lost money in the second quarter ended Oct. 31. Results for "
      "that quarter included a charge.", "second quarter", "2020-Q2");
    V("2021-10-20", "The chain lost money in the second quarter ended Oct. 31. Results for "
      "that quarter included a charge.", "that quarter", "2020-Q2");
    V("2021-10-20", "The chain earned more in the third quarter ended Sept. 30.", "third quarter", "2021-Q3");
    V("2022-03-01", "The retailer lost money in the fourth quarter ended Jan. 31.", "fourth quarter",
      "2021-Q4"); /* a fiscal year named after the year it starts in */
    V(D, "The group sold $2 billion in the latest fiscal year.", "latest fiscal year", "2020");
    /* a quarter reported on in the past tense is over: "the latest
     * period" is that (fiscal) quarter, not the last calendar one */
    V("2021-11-02", "The firm reported a decline in fourth-quarter earnings. Sales in the "
      "latest period rose.", "latest period", "2021-Q4");
    V("2021-11-02", "The firm sees a rise in fourth-quarter earnings. Sales in the "
      "latest period fell.", "latest period", "2021-Q3");
    V("2021-10-20", "The chain expects to earn more in the fourth quarter.", "fourth quarter", "2021-Q4");
    V(D, "Sales fell in the last half of 2020.", "half", "2020-H2");
    V(D, "Sales fell in the first two quarters of 2020.", "quarters", "2020-H1");
    V(D, "She is a 20th century democrat.", "century", "19");
    V(D, "The eleventh-century temple stands.", "century", "10");
    /* holidays on the n-th weekday of a month */
    V(D, "Turkeys sold out last Thanksgiving.", "Thanksgiving", "2020-11-26");
    V("2000-01-06", "Families gathered on Thanksgiving Day.", "Thanksgiving", "1999-11-25");
    V("1998-10-26", "Voters will go to the polls on Election Day.", "Election", "1998-11-03");
    /* the Easter cycle (Easter 2021 fell on April 4, 2022 on April 17) */
    V(D, "Pilgrims gathered on Easter Sunday.", "Easter", "2021-04-04");
    V(D, "Shops were shut on Good Friday.", "Good Friday", "2021-04-02");
    V(D, "The talks will be held after Easter.", "Easter", "2022-04-17");
    V(D, "Riots broke out on Easter Monday 2016.", "Easter", "2016-03-28");
    V("2000-04-17", "Protesters prayed as Easter week began.", "Easter week", "2000-W16");
    V(NULL, "Pilgrims gathered on Easter Sunday.", "Easter", "XXXX-XX-XX");
    V(D, "The plan would breach the Good Friday Agreement.", "Friday", "-");
    V(D, "He cited the Easter Rising and Easter Island.", "Easter", "-");
    /* Christmas of a year named, and things named after Christmas */
    V(D, "A courier tried to bomb the ferry on Christmas Day 2009.", "Christmas", "2009-12-25");
    V(D, "The depot was bombed on Christmas 2010.", "Christmas", "2010-12-25");
    V(D, "On Christmas 2010 the depot was bombed.", "Christmas", "2010-12-25");
    V(D, "By Christmas 2000 refugees had arrived.", "Christmas", "2020-12-25");
    V(D, "A bomb was found near the Christmas tree lighting.", "Christmas", "-");
    V(D, "Parades were held on Memorial Day.", "Memorial", "2021-05-31");
    V(D, "The strike will end by Labor Day.", "Labor", "2021-09-06");
    /* the n-th weekday of a month, written out */
    V("2021-06-29", "The term begins the first Monday in October.", "first Monday", "2021-10-04");
    V(D, "Talks were held on the second Tuesday of March.", "second Tuesday", "2021-03-09");
    V("2021-12-20", "The vote will fall on the last Friday of January.", "last Friday", "2022-01-28");
    V("2024-01-10", "Rallies were held on the fifth Thursday of February.", "fifth Thursday",
      "2024-02-29"); /* a leap year's fifth Thursday */
}

static void test_vague_and_half_durations(void **s)
{
    (void)s;
    V(D, "Crime has fallen in recent years.", "recent years", "PXY");
    V(D, "Prices will rise in the coming months.", "coming months", "PXM");
    V(D, "Prices rose in past years.", "past years", "PAST_REF");
    V(D, "The region has been troubled for years.", "years", "PXY");
    V(D, "He was ruled from Moscow for centuries.", "centuries", "PXC"); /* TimeBank's letter for a century */
    V(D, "The war lasted 2 1/2 years.", "years", "P2Y6M");
    V(D, "The flight took five and a half hours.", "hours", "PT5H30M");
    V(D, "It lasted a minute and a half.", "minute", "PT1M30S");
}

static void test_sets_and_weeks(void **s)
{
    (void)s;
    V(D, "A third flight departs each Thursday.", "Thursday", "XXXX-WXX-4");
    V(D, "Flights leave on Tuesday nights.", "Tuesday", "XXXX-WXX-2TNI");
    V(D, "They march every Sunday.", "Sunday", "XXXX-WXX-7");
    V(D, "Violence flares each July.", "July", "XXXX-07");
    V(D, "The council meets every other week.", "other week", "P2W");
    V(D, "Elections are held every four years.", "four years", "P4Y");
    V(D, "The census is taken every two decades.", "two decades", "P20Y"); /* anchor decade* */
    V(D, "Herders move south every winter.", "winter", "XXXX-WI");
    V(D, "Each morning, troops patrol the road.", "morning", "XXXX-XX-XXTMO");
    V(D, "The crossing closes on weekends.", "weekends", "XXXX-WXX-WE");
    V(NULL, "The crossing closes every weekend.", "weekend", "XXXX-WXX-WE");
    V(D, "The trial will open the week of March 6.", "week of", "2022-W09");
    V(NULL, "The trial opens the week of March 6.", "week of", "XXXX-WXX");
    V(D, "Stocks fell for eight trading days.", "trading days", "P8D");
    V(D, "The strike lasted 1 1/2 weeks.", "weeks", "P10DT12H");
    V(D, "The lease runs for at least 20 more years.", "years", "P20Y");
    V(D, "He was given an additional year.", "year", "P1Y");
    V(D, "A day-long strike began.", "day-long", "P1D");
    V(D, "They ended a decades-long embargo.", "decades", "PXE");
    V(D, "On July 14 they met. At 10 p.m. talks ended.", "10 p.m.", "2021-07-14T22:00");
}

static void test_not_dates(void **s)
{
    (void)s;
    V(D, "The index closed at 2082.1 points.", "2082", "-");
    V(D, "He spoke on ABC's \"This Week\" program.", "Week", "-");
    V(D, "He told CBS's ``60 Minutes.''", "Minutes", "-");
    V(D, "He told the network's ''60 Minutes.''", "Minutes", "-");
    V(D, "They marched in the ``Spring of Hope'' rallies of 2019.", "Spring", "-");
    V(D, "They marched in the spring of 2019.", "spring", "2019-SP");
    V(D, "The case is a lesson for today's youth.", "today", "-");
    V(D, "This is VOA Today.", "Today", "-");
    V(D, "Sales should rise 8.5% annually.", "annually", "-");
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

/* The resolution fixes of issue 5, each with a sentence of our own. */
static void test_narrative_resolution(void **s)
{
    (void)s;
    /* a past verb and "on": the day the story is told in, not a deadline
     * ahead -- once an earlier year set the scene */
    V("2017-12-05", "In December 2016 things moved fast. The outgoing cabinet imposed "
      "tariffs on December 29.", "December 29", "2016-12-29");
    /* with no earlier year named, a date just ahead stays a deadline */
    V("2019-05-24", "Nominations closed on 10 June.", "10 June", "2019-06-10");
    V("1989-10-20", "The bank will redeem preferred shares on Oct. 31.", "Oct. 31", "1989-10-31");
    V("1989-10-20", "Guidelines to be published in early November matter.", "early November",
      "1989-11");
    /* a plan told in the past: the nearest such day, either side */
    V("2019-12-23", "Marches were planned for Sunday in the capital.", "Sunday", "2019-12-22");
    V("2019-12-23", "A vote was scheduled for Tuesday in the senate.", "Tuesday", "2019-12-24");
    /* "later" from a date the text never named lands past the DCT in a
     * past sentence: no value rather than a wrong one */
    V("2019-05-24", "Calling a snap poll a year later cost her the majority.", "a year later",
      "XXXX");
    V("2019-05-24", "The treaty was signed in 2010. A year later it collapsed.", "A year later",
      "2011");
    V("2019-05-24", "The ballot will be held on June 1 and a runoff two weeks later.",
      "two weeks later", "2019-W24");
}

/* Tense cues of issue 3: passives, "would", a verb after a leading
 * expression, plans told with a participle, "said Thursday". */
static void test_tense_cues(void **s)
{
    (void)s;
    /* a participle after "be" is no past: the "will" before it counts */
    V("2021-02-10", "A ceremony will be held at the summit on April 24.", "April 24", "2021-04-24");
    V("2021-03-04", "She will be named envoy to the region for a mission in December.",
      "December", "2021-12");
    /* "would": the nearest, on either side */
    V("2021-10-26", "The bonus would be paid on a date in January.", "January", "2022-01");
    V("2021-07-14", "He said he would fly to Oslo Thursday with his aides.", "Thursday", "2021-07-15");
    /* the verb after an expression that leads the sentence */
    V("2021-11-08", "In January, the firm bought a rival.", "January", "2021-01");
    V("2022-01-05", "In December, the rebels seized the town.", "December", "2021-12");
    V("2021-07-21", "On Friday, the cabinet planned to cut taxes.", "Friday", "2021-07-16");
    /* ... even after a long phrase between them */
    V("2021-10-25", "In January, a week after the anniversary of the landmark ruling of the "
      "high court in the capital, a car bomb in Mobile, Ala., killed a guard.", "January", "2021-01");
    V("2021-07-19", "On Tuesday, the alliance of the three northern provinces plans to hold a rally.",
      "Tuesday", "2021-07-20");
    /* a plan told with a bare participle: the nearest such day */
    V(D, "A rally planned in the capital for Saturday was called off.", "Saturday", "2021-07-17");
    /* nouns are no cues: "the plan", "the deadline", "next to" */
    V("2021-10-27", "The agency announced the plan Aug. 21.", "Aug. 21", "2021-08-21");
    V("2021-07-17", "The ministry set Friday as the deadline for a reply.", "Friday", "2021-07-16");
    V(D, "Dozens died in a blast next to the embassy on Friday.", "Friday", "2021-07-16");
    /* "said Thursday": the day of the saying, whatever it says */
    V("2021-07-16", "The ministry said Thursday that the troops will stay.", "Thursday", "2021-07-15");
    /* "payable", "supposed to": ahead, across the year's end */
    V("2021-11-02", "The grant is payable Jan. 2 to all members.", "Jan. 2", "2022-01-02");
    V("2021-12-10", "The talks are supposed to conclude by January.", "January", "2022-01");
    /* the same cues across the year's end */
    V("2021-01-03", "Rebels seized the town on Friday.", "Friday", "2021-01-01");
    V("2021-01-01", "The ministry said Thursday that troops will stay.", "Thursday", "2020-12-31");
    V("2020-12-30", "He said he would fly to Oslo Thursday.", "Thursday", "2020-12-31");
    V("2021-01-01", "A march planned for Saturday was called off.", "Saturday", "2021-01-02");
    V("2021-01-04", "A march planned for Saturday was called off.", "Saturday", "2021-01-02");
    V("2020-12-28", "Talks will be held on Jan. 4.", "Jan. 4", "2021-01-04");
    /* a leap day ahead: the one year that has it */
    V("2023-11-01", "The accord will be signed on Feb. 29.", "Feb. 29", "2024-02-29");
}

/* Ages, "one day" ahead, decades ago. */
static void test_ages_and_vague_days(void **s)
{
    (void)s;
    V(D, "A six-year-old boy was rescued.", "year", "-");
    V(D, "Their 6-month-old son slept.", "month", "-");
    V(D, "A 6-year-old girl was found.", "year", "-");
    V(D, "The deal was a ten-year-old pledge.", "year", "-");
    V(D, "The truce held for six months.", "six months", "P6M");
    V(D, "Peace will one day come.", "one day", "FUTURE_REF");
    V(D, "Rebels might one day return.", "one day", "FUTURE_REF");
    V(D, "The strike lasted one day.", "one day", "P1D");
    /* a decade ago: the year ten years back, across a leap day */
    V(D, "The border closed a decade ago.", "decade ago", "2011");
    V("2020-02-29", "The pact lapsed a decade ago.", "decade ago", "2010");
    V(NULL, "The pact lapsed a decade ago.", "decade ago", "PAST_REF");
}

/* Parts of the day and ends of units told by reference. */
static void test_that_night_and_ends(void **s)
{
    (void)s;
    V(D, "On June 3, 2019, the pact was signed. That night it collapsed.", "That night",
      "2019-06-03TNI");
    V(D, "On Dec. 31, 2020, troops crossed. The same evening they withdrew.", "same evening",
      "2020-12-31TEV");
    V(D, "The strike will end by the end of the month.", "end of the month", "2021-07");
    V("2021-12-30", "The strike will end by the end of the month.", "end of the month", "2021-12");
    /* no date to refer to: unresolved, never today */
    V(NULL, "He spoke that night.", "that night", "XXXX-XX-XXTNI");
    V(NULL, "They met. The following day talks resumed.", "following day", "XXXX-XX-XX");
    V(NULL, "Sales rose in the quarter.", "quarter", "XXXX-QX");
}

/* Vague references ahead; ages that look like decades. */
static void test_vague_refs_and_age_decades(void **s)
{
    (void)s;
    V(D, "Prices will ease in the near term.", "near term", "FUTURE_REF");
    V(D, "The vote was put off to a later date.", "later date", "FUTURE_REF");
    V(D, "It could in the long term lead to a split.", "long term", "FUTURE_REF");
    V(D, "The car sat in the long-term lot for a week.", "long-term", "-"); /* an adjective */
    V(D, "He would not travel at this crucial moment.", "moment", "PRESENT_REF");
    V(D, "The short-term plan failed.", "short", "-"); /* an adjective, not a time */
    V(D, "Tension will rise in the weeks ahead.", "weeks ahead", "PXW");
    V(D, "The envoy stayed for a while.", "while", "PXX");
    V(D, "While talks went on, troops left.", "While", "-");
    V(D, "He was in his 30s when he fled.", "30s", "-");
    V(D, "She is in her early forties.", "forties", "-");
    V(D, "The war of the 1930s.", "1930s", "193");
    V(NULL, "Prices will ease in the near term.", "near term", "FUTURE_REF");
}

/* A clock time takes the day named right after it. */
static void test_time_on_day(void **s)
{
    (void)s;
    V(D, "He spoke at 3 p.m. on Friday.", "3 p.m.", "2021-07-16T15:00");
    V(D, "The raid began at 5 a.m. yesterday.", "5 a.m.", "2021-07-17T05:00");
    V("2021-12-31", "Voting ends at 8 p.m. tomorrow.", "8 p.m.", "2022-01-01T20:00");
    V(D, "The truce expires at midnight on Nov. 6.", "midnight", "2021-11-06T24:00");
    V("2024-03-01", "The vote closed at 6 p.m. on Feb. 29.", "6 p.m.", "2024-02-29T18:00");
    V(D, "The curfew starts at midnight.", "midnight", "2021-07-18T24:00");
    /* a weekday with its date: the clock takes the date, not the weekday alone */
    V("2026-03-04", "The truce takes effect at midnight on Thursday, March 5.", "midnight",
      "2026-03-05T24:00");
    V("2026-03-04", "They meet at noon on Friday, March 6.", "noon", "2026-03-06T12:00");
    /* another clause's day is not its day */
    V(D, "It began at 6 a.m., and on Friday troops left.", "6 a.m.", "2021-07-18T06:00");
    V(NULL, "He spoke at 3 p.m. on Friday.", "3 p.m.", "XXXX-WXX-5T15:00");
    /* the day as resolved in its own words */
    V("2021-07-14", "He said he would greet the three men at the air base outside the capital at 2 "
      "a.m. Thursday morning.", "2 a.m.", "2021-07-15T02:00");
    /* a weekday named with the day picks the year they agree in */
    V("2016-03-17", "A mosque was damaged in the city on Sunday, May 31.", "May 31", "2015-05-31");
    V("2021-12-30", "They will meet on Monday, Jan. 3.", "Jan. 3", "2022-01-03");
    V("2021-07-18", "They met on Wed., July 14.", "July 14", "2021-07-14");
}

/* "Now," at the head of a sentence turns the argument. */
static void test_now_discourse(void **s)
{
    (void)s;
    V(D, "Now, he says, the West is to blame.", "Now", "-");
    V(D, "Talks stalled. \"Now, we wait,\" he said.", "Now", "-");
    V(D, "For now, talks go on.", "now", "PRESENT_REF");
    V(D, "Now the talks go on.", "Now", "PRESENT_REF");
    V(D, "Prices are now, by most counts, lower.", "now", "PRESENT_REF");
}

/* Ranges of lengths: a length not known exactly. */
static void test_duration_ranges(void **s)
{
    (void)s;
    V(D, "He died within weeks or months of his capture.", "weeks or months", "PXW");
    V(D, "Repairs take two to three weeks.", "two to three weeks", "PXW");
    V(D, "Over the next 12 to 18 months, prices rise.", "12 to 18 months", "PXM");
    V(D, "The vote was 5 to 4 in favour.", "5 to 4", "-");
    V(D, "On July 14 they met. One or two days later, talks resumed.", "later", "2021-07-16");
}

/* Anaphora counted from the last date named, at its grain. */
static void test_narrative_anaphora(void **s)
{
    (void)s;
    /* two months of one quarter offered as a choice are the quarter */
    V("2018-05-09", "The summit should take place in May or early June.", "May or", "2018-Q2");
    V(D, "Talks could resume in October or November.", "October", "2021-Q4");
    V(D, "The accord was signed in March 2019. A month later it collapsed.", "month later",
      "2019-04");
    V(D, "The accord was signed in January 2019. Two months earlier, rebels struck.",
      "months earlier", "2018-11");
    V(D, "The accord was signed on March 1, 2020. The day before, rebels struck.", "day before",
      "2020-02-29");
    V(D, "The accord was signed on Dec. 31, 2019. The day after, it collapsed.", "day after",
      "2020-01-01");
    V(D, "Troops left the day after the vote.", "day after", "-"); /* from an event */
    V(D, "Sales fell in the third quarter of 2019. The next quarter they rose.", "next quarter",
      "2019-Q4");
    V(D, "Sales fell in the fourth quarter of 2019. The following quarter they rose.",
      "following quarter", "2020-Q1");
    /* "earlier in the week": the week of the story's last day named, else
     * the DCT's; "later in the year" the DCT's year */
    V("2021-07-19", "On Friday the mayor resigned. Earlier in the week, crowds marched.",
      "Earlier in the", "2021-W28");
    V(D, "Crowds will march later in the week.", "later in the", "2021-W28");
    V(D, "The accord was signed on March 3, 2020. Later in the month, it collapsed.",
      "Later in the", "2020-03");
    V(D, "Rebels struck earlier in the year.", "earlier in the", "2021");
    /* "the Sept. 11 attacks" are those of 2001, not the last Sept. 11 --
     * but not the ones on a consulate, nor a Sept. 11 of a plain attack */
    V(D, "Airport checks grew after the Sept. 11 attacks.", "Sept. 11", "2001-09-11");
    V(D, "The 9/11 terrorist attacks changed the city.", "9/11", "2001-09-11");
    V("2012-11-14", "The Sept. 11 attacks on the consulate in Benghazi were planned.",
      "Sept. 11", "2012-09-11");
    V("2012-11-14", "The Sept. 11 attack on the embassy was planned.", "Sept. 11",
      "2012-09-11");
}

/* Cues that belong to another clause, or to no verb at all. */
static void test_cues_of_other_clauses(void **s)
{
    (void)s;
    /* a date inside the subject: the verb after it says nothing */
    V("2021-07-11", "The Aug. 30 date ensures the fight lasts.", "Aug. 30", "2021-08-30");
    /* a known event named by its date does not follow a future verb... */
    V("2013-01-04", "She will testify about the September 11 massacre.", "September 11",
      "2012-09-11");
    V("2021-05-09", "Lawmakers will press for answers on the deadly Sept. 11 attack.", "Sept. 11",
      "2020-09-11");
    V("2021-07-06", "Voters will judge them in the November election.", "November", "2021-11");
    /* ... but the clause's tense holds otherwise for a date before a noun */
    V("2021-05-09", "The top two will face off in a December runoff.", "December", "2021-12");
    V("2021-12-28", "Attacks rose 47 percent during the April-June period.", "April", "2021-04");
    V("2021-07-20", "Thursday's expected vote would be the first test.", "Thursday", "2021-07-22");
    V("2021-01-26", "June 30 is the current deadline for an accord.", "June 30", "2021-06-30");
    V("2021-06-13", "The envoy, who is stepping down in September, said talks go on.", "September",
      "2021-09");
    V("2021-02-18", "A truce was officially supposed to have taken effect on Sunday.", "Sunday",
      "2021-02-14");
    V("2021-06-07", "He will also state that after the Feb. 14 meeting he asked for help.", "Feb. 14",
      "2021-02-14");
    V("2021-02-11", "Senators vowed to stall the nomination until more papers are released, "
      "the White House late Wednesday said.", "Wednesday", "2021-02-10");
    V("2021-11-16", "Allen was scheduled to have a nomination hearing for that position Thursday.",
      "Thursday", "2021-11-18");
    /* a plan word far back says little ("what are expected to be dire results") */
    V("2021-05-21", "The leader will remain in office for now, to shoulder the blame for what are "
      "expected to be dire results for her party from Thursday's elections.", "Thursday",
      "2021-05-20");
    V("2021-04-12", "The minister plans on Thursday morning to release the report.", "Thursday",
      "2021-04-15TMO");
    V("2021-07-13", "Aides expected him to wait until closer to Saturday, when the deadline "
      "landed.", "Saturday", "2021-07-17");
    /* an -ed word after an article is an adjective, not a past verb */
    V("2021-10-26", "The split would be paid on a still unspecified date in January.", "January",
      "2022-01");
    V("2021-11-14", "The committee said he will appear at an unscheduled hearing on Friday.",
      "Friday", "2021-11-19");
    /* the end of a period that runs now */
    V("2021-07-15", "The government capped admissions at 50,000 for the 12-month period "
      "ending Sept. 30.", "Sept. 30", "2021-09-30");
    /* the verb right after it is its own */
    V("2021-07-19", "Britain, which Wednesday offered a path to citizenship, would act too.",
      "Wednesday", "2021-07-14");
    /* ... and a verb far after it is another clause's */
    V("2021-07-20", "Their efforts, besides the pledge Monday to focus on rural prosperity, will "
      "give them hope.", "Monday", "2021-07-19");
    /* deadlines and rules in force: the nearest such day */
    V("2021-07-15", "Lawmakers raced a Friday deadline.", "Friday", "2021-07-16");
    V("2021-07-17", "The rule, effective Friday, bans exports.", "Friday", "2021-07-16");
    V("2021-10-26", "Costs rose under a new pact effective June 1.", "June 1", "2022-06-01");
    /* no "will" across a bracket; "a decision expected in June" is no verb */
    V("2021-07-15", "Travelers will be allowed to enter (thanks to the court's order to the "
      "government on Monday) with papers.", "Monday", "2021-07-12");
    V("2021-07-14", "He will leave at dawn (4 a.m. Thursday), aides said.", "4 a.m.",
      "2021-07-15T04:00");
    V("2021-04-17", "The court will hear the case, U.S. v. Ohio, on Monday, with a decision "
      "expected in June.", "Monday", "2021-04-19");
    /* a "will" further back, with a curly apostrophe */
    V("2021-07-11", "Members realise they\xE2\x80\x99ll have to drop their plans and join the "
      "exchanges in January.", "January", "2022-01");
    /* a report closes the sentence: no past for the day in the quote */
    V("2021-12-20", "\"He\xE2\x80\x99s celebrating Christmas,\" he said.", "Christmas", "2021-12-25");
    /* plans: a near tie goes ahead */
    V(D, "The meetings, scheduled for Wednesday and Thursday, are the first.", "Thursday",
      "2021-07-22");
    V("2021-07-15", "Lawmakers planned a Friday morning meeting.", "Friday", "2021-07-16TMO");
}

/* Words that only look like dates. */
static void test_names_not_dates(void **s)
{
    (void)s;
    V("2019-05-24", "May said she would stay.", "May", "-");
    V("2019-05-24", "Critics rejected May's plan.", "May", "-");
    V("2019-05-24", "The prime minister and May met.", "May", "-");
    V("2019-05-24", "Talks began in May.", "May", "2019-05");
    V("2019-05-24", "Talks stalled by mid-May.", "mid-May", "2019-05");
    V("2019-05-24", "They will meet next May.", "May", "2020-05");
    V("2019-05-24", "The 1922 Committee met again.", "1922", "-");
    V("2019-05-24", "The party was founded in 1922.", "1922", "1922");
    V("2019-05-24", "The Liberal daily Morgenpost ran the story.", "daily", "-");
    V("2019-05-24", "He told the Daily Courier so.", "Daily", "-");
    V("2019-05-24", "The daily Cabinet briefing was cut.", "daily", "P1D");
    V("2019-05-24", "Ferries now sail daily.", "daily", "P1D");
    V("2019-05-24", "Trains ran to Kyiv daily Monday through Friday.", "Monday", "2019-05-20");
    V("2019-05-24", "Protests spread in the Tunisian Spring uprisings.", "Spring", "-");
    V("2019-05-24", "Skaters trained for the Winter Olympics.", "Winter", "-");
    V("2019-05-24", "The 1996 Summer Games opened in heat.", "Summer", "-");
    V("2019-05-24", "Operation Cedar Spring was halted.", "Spring", "-");
    V("2019-05-24", "This Spring the vote was held.", "Spring", "2019-SP");
    V("2019-05-24", "Talks resumed in the spring.", "spring", "2019-SP");
    V("2019-05-24", "Fighting Eased Over Winter", "Winter", "2019-WI");
}

/* The day in words, as broadcasts are transcribed. */
static void test_day_in_words(void **s)
{
    (void)s;
    V("2019-05-24", "The vote is this coming Tuesday, May twenty-eighth.", "twenty", "2019-05-28");
    V("2019-05-24", "Polls closed on March eighth.", "eighth", "2019-03-08");
    V("2019-05-24", "He was sworn in on the first of February, 2017.", "first", "2017-02-01");
    V("2019-12-30", "The law takes effect on the first of January.", "first", "2020-01-01");
    V("2019-05-24", "Theresa May first said no.", "May", "-");
    V("2019-05-24", "In April second-quarter orders fell.", "April", "2019-04");
    V("2019-05-24", "In March first place went to Ohio.", "March", "2019-03");
    /* an ordinal that qualifies a noun, and a verb "march" */
    V("2019-05-24", "In March first lady Jill Rowe visited Ohio.", "March", "2019-03");
    V("2019-05-24", "In November first responders struck.", "November", "2018-11");
    V("2019-05-24", "The veterans will march first.", "march", "-");
    V("2019-05-24", "The second of march went well.", "march", "-");
    V("2019-05-24", "The first of may be the hardest.", "may", "-");
    V("2019-05-24", "March eighth was chosen for the vote.", "eighth", "2019-03-08");
    V("2019-05-24", "Polls opened on March eighth at dawn.", "eighth", "2019-03-08");
    V("2019-05-24", "Crowds will line the July Fourth parade route.", "July", "2019-07-04");
}


int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_dates), cmocka_unit_test(test_dmy_option),
        cmocka_unit_test(test_months_and_tense), cmocka_unit_test(test_weekdays_and_days),
        cmocka_unit_test(test_relative_units), cmocka_unit_test(test_parts_of_years),
        cmocka_unit_test(test_durations_sets_refs), cmocka_unit_test(test_false_positives),
        cmocka_unit_test(test_near_cues), cmocka_unit_test(test_anaphora_and_periods),
        cmocka_unit_test(test_vague_and_half_durations), cmocka_unit_test(test_not_dates),
        cmocka_unit_test(test_sets_and_weeks),
        cmocka_unit_test(test_adversarial), cmocka_unit_test(test_narrative_resolution),
        cmocka_unit_test(test_names_not_dates), cmocka_unit_test(test_day_in_words),
        cmocka_unit_test(test_tense_cues),
        cmocka_unit_test(test_ages_and_vague_days), cmocka_unit_test(test_that_night_and_ends),
        cmocka_unit_test(test_vague_refs_and_age_decades), cmocka_unit_test(test_time_on_day),
        cmocka_unit_test(test_now_discourse), cmocka_unit_test(test_duration_ranges),
        cmocka_unit_test(test_narrative_anaphora), cmocka_unit_test(test_cues_of_other_clauses)};
    return cmocka_run_group_tests_name("timex", tests, tu_setup, tu_teardown);
}
