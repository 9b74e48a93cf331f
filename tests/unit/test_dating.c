/* Which day of its sentence an event takes, and when it takes none: the
 * day of a report, a date across "after" or "since", dates that date no
 * event, participles and infinitives, what the narrative's day does
 * not reach, and days counted across "a day after". Sentences of our own, through the public extract call. */
#include "testutil.h"
#include "annals/annals.h"
#include "timeline/timeline.h"
#include "anchor/an_clause.h"
#include "doc/doc.h"

TU_GRAMMARS
#include "tu_extract.h"
static annals_timeline *TL;

static void run(const char *dct, const char *text)
{
    if (TL) annals_timeline_free(TL);
    TL = annals_timeline_new();
    assert_non_null(TL);
    tu_extract(TL, dct, text);
}

/* The date value of the event with a mention of trigger trig, "-" when
 * undated; fails if there is none. */
static const char *date_of(const char *trig)
{
    const tl_event *e = tu_by_trigger(TL, trig);
    return e->has_date ? e->date.value : "-";
}

#define D "2021-07-15" /* a Thursday */

/* an_attributive on the first occurrence of word in a one-sentence text. */
static int attributive(const char *text, const char *word)
{
    ar_arena mem;
    ar_init(&mem, 4096);
    dc_doc d;
    assert_int_equal(dc_build(&d, &mem, text, strlen(text)), 0);
    int r = an_attributive(&d, &d.sent[0], (uint32_t)(strstr(text, word) - text));
    ar_free(&mem);
    return r;
}

/* an_ed: the -ed shape of a past tense or participle, four bytes or more */
static void test_ed(void **s)
{
    (void)s;
    ar_arena mem;
    ar_init(&mem, 4096);
    dc_doc d;
    const char *text = "Rebels seized a red bed and fled, then voted.";
    assert_int_equal(dc_build(&d, &mem, text, strlen(text)), 0);
    int want[] = {0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0}; /* Rebels seized a red bed and fled , then voted . */
    assert_int_equal(d.ntok, sizeof want / sizeof *want);
    for (uint32_t t = 0; t < d.ntok; t++) assert_int_equal(an_ed(&d, t), want[t]);
    ar_free(&mem);
}

static void test_report_day(void **s)
{
    (void)s;
    /* the day it was reported is not the day it happened */
    run(D, "On Monday, the newspaper reported that rebels had seized the airport.");
    assert_string_equal(date_of("seized"), "-");
    run(D, "Rebels seized the airport near the border, the army said on Monday.");
    assert_string_equal(date_of("seized"), "-");
    /* but sanctions are imposed by announcing them */
    run(D, "On Monday, the ministry announced new sanctions against Iran.");
    assert_string_equal(date_of("sanctions"), "2021-07-12");
    /* nor are sanctions spoken of in a quotation imposed that day */
    run(D, "\"We support tougher sanctions on Russia,\" the minister told reporters on Monday.");
    assert_string_equal(date_of("sanctions"), "-");
    /* a verb that only says when it was gives the event's own date */
    run(D, "Settled by the ministry in 2017, the shooting of a border guard took place near the "
           "river in February 2014.");
    assert_string_equal(date_of("shooting"), "2014-02");
    /* "said in a statement Monday" is a report's day too */
    run(D, "Rebels seized the airport, the army said in a statement Monday.");
    assert_string_equal(date_of("seized"), "-");
    /* but a day that modifies the event's own noun is its own */
    run(D, "An academic report released Wednesday studied the 2006 election in Ohio.");
    assert_string_equal(date_of("election"), "2006");
    /* a date inside what is said, before the event, is the event's ... */
    run(D, "Officials said Iraqi soldiers on Friday attacked the town of Beiji.");
    assert_string_equal(date_of("attacked"), "2021-07-09");
    run(D, "Officials said late on Monday that rebels seized the airport.");
    assert_string_equal(date_of("seized"), "-");
    /* ... but after a verb that takes an object, the date is the verb's */
    run(D, "The FBI released photos on July 12 of two men suspected in the bombing.");
    assert_string_equal(date_of("bombing"), "-");
    /* saying at a rally is no report of the rally */
    run(D, "On Saturday, the senator said at a rally in Ohio that taxes would fall.");
    assert_string_equal(date_of("rally"), "2021-07-10");
    /* a term in quotation marks opens no quotation */
    run(D, "Rebels carried out what they called a \"revenge attack\" on Monday.");
    assert_string_equal(date_of("attack"), "2021-07-12");
}

static void test_time_links(void **s)
{
    (void)s;
    /* a day across "after" is the other event's */
    run(D, "Rebels attacked the airport two days after the army withdrew on Sunday.");
    assert_string_equal(date_of("attacked"), "-");
    assert_string_equal(date_of("withdrew"), "2021-07-11");
    /* "since <date>, when ...": the date is the when-clause's */
    run(D, "Protests have spread across the country since last week, when a student was killed "
           "by police in the capital.");
    assert_string_equal(date_of("Protests"), "-");
    run(D, "Rebels have not launched a missile since May 2019 when a rocket hit the port.");
    assert_string_equal(date_of("launched"), "-");
    /* a month covers what led to what it dates */
    run(D, "In June, the government closed the border after rebels attacked a convoy.");
    assert_string_equal(date_of("attacked"), "2021-06");
    /* the trigger inside the phrase of a link, the day past its comma */
    run(D, "Following weeks of protests, the president met Putin on Sunday.");
    assert_string_equal(date_of("protests"), "-");
    assert_string_equal(date_of("met"), "2021-07-11");
    /* but a link inside the sentence opens no such phrase */
    run(D, "Dozens were wounded after an explosion went off in the capital's subway, Friday, "
           "setting a train on fire.");
    assert_string_equal(date_of("explosion"), "2021-07-09");
    /* what is still to come is not covered by the month or year of
     * what prepares it */
    run(D, "Pompeo made his second visit to Pyongyang this year in preparation for the summit "
           "with Kim.");
    assert_string_equal(date_of("summit"), "-");
    run(D, "Mubarak ruled from 1981 until the revolution, when he was deposed and jailed.");
    assert_string_equal(date_of("jailed"), "-");
    /* "those that": other occurrences, with their own date */
    run(D, "Protests against the government this week have rivaled in size those that were "
           "held in early 2011.");
    assert_string_equal(date_of("Protests"), "2021-W28");
    run(D, "Protests against the government have rivaled in size those that were held in 2011.");
    assert_string_equal(date_of("Protests"), "-");
    /* a "when" clause after a date tells what happened then */
    run(D, "Protests have spread since last week, when police killed a man in custody.");
    assert_string_equal(date_of("killed"), "2021-W27");
    /* hours apart, one day */
    run(D, "Putin and Erdogan agreed on Thursday to a truce in Idlib, after more than six hours "
           "of talks in the Kremlin.");
    assert_string_equal(date_of("talks"), "2021-07-15");
}

static void test_no_event_date(void **s)
{
    (void)s;
    /* a count as of a day */
    run(D, "As of Tuesday, the coalition had launched 300 airstrikes in the region.");
    assert_string_equal(date_of("airstrikes"), "-");
    /* "Thursday's" dates its own noun */
    run(D, "The opposition held protests in the capital ahead of Thursday's election.");
    assert_string_equal(date_of("protests"), "-");
    assert_string_equal(date_of("election"), "2021-07-15");
    /* "the 2001 attacks" dates those attacks, not the bombing before */
    run(D, "As the leader spoke, video of the bombing in Paris and of the 2001 attacks on New "
           "York played behind him.");
    assert_string_equal(date_of("bombing"), "-");
    assert_string_equal(date_of("attacks"), "2001");
    /* unless it sets the scene of the clause */
    run(D, "In Tuesday's raid, soldiers arrested the rebel commander.");
    assert_string_equal(date_of("arrested"), "2021-07-13");
    /* a year after the DCT's far from a past event is another's */
    run(D, "Rebels attacked the airport, according to a draft of the 2023 budget of the ministry.");
    assert_string_equal(date_of("attacked"), "-");
    /* a clock time alone names no day ("Video 2:01") */
    run(D, "Video 2:01 Rebels attacked the airport near the border.");
    assert_string_equal(date_of("attacked"), "-");
    /* "6 a.m." is the day of the narrative, unless the sentence names
     * one: then that is the day, the clock's is only a guess */
    run(D, "Rebels attacked the airport at 6 a.m. local time.");
    assert_string_equal(date_of("attacked"), "2021-07-15");
    run(D, "Rebels attacked the airport at 6 a.m. local time on December 12.");
    assert_string_equal(date_of("attacked"), "-");
    /* a day without its year long before the DCT: the text never says
     * which year (the DCT's is July 2021: December 12 of 2020?) */
    run(D, "Rebels attacked the airport on December 12.");
    assert_string_equal(date_of("attacked"), "-");
    run(D, "Rebels attacked the airport on March 2.");
    assert_string_equal(date_of("attacked"), "2021-03-02");
    run(D, "Rebels attacked the airport on December 12, 2020.");
    assert_string_equal(date_of("attacked"), "2020-12-12");
}

static void test_far_date(void **s)
{
    (void)s;
    /* a date some sixty words on, in a sentence that never ends, is
     * another verb's (and is not even looked at: no quadratic scans) */
    char text[4096] = "Rebels attacked the airport";
    for (int i = 0; i < 70; i++) strcat(text, " and the people of the town");
    strcat(text, " on Monday.");
    run(D, text);
    assert_string_equal(date_of("attacked"), "-");
}

static void test_forms(void **s)
{
    (void)s;
    /* a participle as an adjective is a state */
    run(D, "On Monday, the consul visited three detained journalists in the capital.");
    assert_string_equal(date_of("detained"), "-");
    /* so is "outgoing" before a title (the word test itself: the
     * built-in grammar may not take "outgoing" as a trigger) */
    assert_true(attributive("the last meeting of outgoing President Mario Draghi", "outgoing"));
    assert_false(attributive("Bolivia joined Venezuela in offering Snowden asylum", "offering"));
    /* an infinitive takes only the date that follows it */
    run(D, "On Monday, Iran agreed to release the sailors.");
    assert_string_equal(date_of("release"), "-");
    run(D, "Iran agreed to release the sailors on July 20.");
    assert_string_equal(date_of("release"), "2021-07-20");
    /* so does a participle after its noun ... */
    run(D, "In March, North Korea deported a missionary detained for preaching.");
    assert_string_equal(date_of("detained"), "-");
    run(D, "Two soldiers killed in the attack on Monday were buried in Kabul.");
    assert_string_equal(date_of("killed"), "2021-07-12");
    /* ... unless it is what the sentence tells */
    run(D, "In March, a teenager was among three people killed in a shooting near the border.");
    assert_string_equal(date_of("killed"), "2021-03");
    /* what is attempted, is attempted that day */
    run(D, "On Monday, gunmen attempted to attack the embassy.");
    assert_string_equal(date_of("attack"), "2021-07-12");
    /* what begins, begins that day */
    run(D, "On Monday, the rebels began to withdraw from the city.");
    assert_string_equal(date_of("withdraw"), "2021-07-12");
}

static void test_carry_limits(void **s)
{
    (void)s;
    /* the narrative's day reaches a plain past, not the perfect ... */
    run(D, "The ministers arrived in Geneva on Monday. Rebels have shelled the airport.");
    assert_string_equal(date_of("shelled"), "-");
    /* ... but where it was said is no part of what was said */
    run(D, "Rebels seized the town of Kunduz on Monday. The governor said at a rally in the "
           "capital that the army would return.");
    assert_string_equal(date_of("rally"), "2021-07-12");
    /* ... and it is a day: a year named in passing is no narrative's */
    run(D, "Veterans remembered the massacre of 1944 in the village. Rebels shelled the airport.");
    assert_string_equal(date_of("shelled"), "-");
    /* ... nor what someone says */
    run(D, "The ministers arrived in Geneva on Monday. The army said rebels shelled the airport.");
    assert_string_equal(date_of("shelled"), "-");
    /* ... nor what a link sets before or after the clause's time */
    run(D, "The ministers arrived in Geneva on Monday. Rebels shelled the airport after the army "
           "attacked the port.");
    assert_string_equal(date_of("shelled"), "2021-07-12");
    assert_string_equal(date_of("attacked"), "-");
}

/* the main clause names its day: the phrase's event is that day less
 * the count, or more for "before" */
static void test_count_from_clause(void **s)
{
    (void)s;
    run(D, "The minister resigned on Friday, two days after rebels attacked the port.");
    assert_string_equal(date_of("attacked"), "2021-07-07");
    assert_string_equal(date_of("resigned"), "2021-07-09");
    run(D, "The envoy arrived on Monday, three days before the talks with the rebels.");
    assert_string_equal(date_of("talks"), "2021-07-15");
}

/* the phrase names its day: the main clause's event is counted from it */
static void test_count_from_phrase(void **s)
{
    (void)s;
    run(D, "The colonel died in a shootout with police three days after the July 3 bombing of "
           "the ministry.");
    assert_string_equal(date_of("shootout"), "2021-07-06");
    assert_string_equal(date_of("bombing"), "2021-07-03");
}

/* no day in the sentence: "comes" is of the day of writing; "came", of
 * the day the story leads with when that is the day of writing */
static void test_count_from_news_day(void **s)
{
    (void)s;
    run(D, "The vote comes two days after an airstrike killed the general.");
    assert_string_equal(date_of("airstrike"), "2021-07-13");
    run(D, "The foreign minister on Thursday warned the rebels. His statement came a day after "
           "the council's decision to lift an arms embargo on the rebels.");
    assert_string_equal(date_of("embargo"), "2021-07-14");
    /* a lead of another day gives "came" nothing to count from */
    run(D, "The foreign minister on Monday warned the rebels.\n\nHis statement came a day after "
           "the council's decision to lift an arms embargo on the rebels.");
    assert_string_equal(date_of("embargo"), "-");
}

/* only the head of the phrase is dated by the count */
static void test_phrase_head_only(void **s)
{
    (void)s;
    /* the object of another verb: the cancelling was that day */
    run(D, "The aide said on Tuesday he was hopeful, a day after the president canceled the "
           "summit with Kim Jong Un.");
    assert_string_equal(date_of("summit"), "-");
    /* the complement of another noun */
    run(D, "The summit comes two days before the anniversary of the bombing of the embassy.");
    assert_string_equal(date_of("bombing"), "-");
    /* a participle's phrase dates its noun, not a clause */
    run(D, "The senator on Wednesday quoted a memo dated the day after the attack on the "
           "consulate.");
    assert_string_equal(date_of("attack"), "-");
    /* what is said is counted from no day of saying */
    run(D, "The paper reported on Monday that officials knew the day after the attack on the "
           "consulate who was behind it.");
    assert_string_equal(date_of("attack"), "-");
    /* "the day before" with nothing after it links nothing */
    run(D, "Crowds defied the curfew on Friday by taking to the streets the day before to mark "
           "the holiday.");
    assert_string_not_equal(date_of("taking to the streets"), "2021-07-08");
}

/* a count set off between dashes or commas leaves the date to the main
 * clause that follows */
static void test_aside(void **s)
{
    (void)s;
    run(D, "On Tuesday -- two days before the king's arrival -- police arrested a senior rebel "
           "commander.");
    assert_string_equal(date_of("arrested"), "2021-07-13");
}

/* a "meanwhile" clause happened while the narrative's last named day
 * held, however many paragraphs back; a later year named in between, or
 * a noun told in the clause, takes no such day */
static void test_meanwhile(void **s)
{
    (void)s;
    run(D, "The president said on Tuesday he would leave the treaty. The move drew sharp "
           "criticism in Europe.\n\nIran vowed, meanwhile, to retaliate against any strike on "
           "its ships.");
    assert_string_equal(date_of("vowed"), "2021-07-13");
    assert_string_equal(date_of("strike"), "-");
    run(D, "The president said on Tuesday he would leave the treaty.\n\nMeanwhile, rebels seized "
           "two towns near the border.");
    assert_string_equal(date_of("seized"), "2021-07-13");
    run(D, "The president said on Tuesday he would leave the treaty. The move drew criticism in "
           "2019.\n\nMeanwhile, rebels seized two towns near the border.");
    assert_string_equal(date_of("seized"), "-");
}

/* where the news was said, with no day of its own: the day the story
 * leads with, when that is the day of writing */
static void test_said_at(void **s)
{
    (void)s;
    run(D, "The two presidents showed their differences on Thursday in Paris.\n\nThe alliance, "
           "Mr. Biden said at a joint news conference with Macron, remains strong.");
    assert_string_equal(date_of("joint news conference"), D);
    run(D, "The two presidents showed their differences on Monday in Paris.\n\nThe alliance, "
           "Mr. Biden said at a joint news conference with Macron, remains strong.");
    assert_string_equal(date_of("joint news conference"), "-");
}

/* a report quoted "at the time" counts "next month" from that time: the
 * own date of what the sentences before were about */
static void test_at_the_time(void **s)
{
    (void)s;
    run(D, "The government announced sanctions on the militia on March 3, 2019. The sanctions "
           "were not welcomed by the army. As a newspaper reported at the time, the general "
           "would have to decide whether to lift the sanctions when he takes office next month.");
    assert_string_equal(date_of("takes office"), "2019-04");
    /* "at the time of" names another time: the DCT counts */
    run(D, "The government announced sanctions on the militia on March 3, 2019. The sanctions "
           "were not welcomed by the army. At the time of the vote, the general said he takes "
           "office next month.");
    assert_string_equal(date_of("takes office"), "2021-08");
    /* a clause's own "at the time" quotes no report: the DCT counts */
    run(D, "Rebels seized the town on March 3, 2019. The mayor, who was governor at the time, "
           "said she will resign next month.");
    assert_string_equal(date_of("resign"), "2021-08");
}

/* a count of days is not taken from the sentence before, whose day is
 * mostly the linked event's own, nor from another clause */
static void test_count_own_clause(void **s)
{
    (void)s;
    run(D, "Rebels attacked the base on Monday. Troops withdrew from the city three days before "
           "the attack.");
    assert_string_equal(date_of("attack"), "2021-07-12");
    run(D, "The ceasefire was signed on July 5. Fighting resumed three days after the ceasefire "
           "collapsed.");
    for (size_t i = 0; i < TL->nev; i++) /* not three days before the signing */
        assert_false(TL->ev[i].has_date && strcmp(TL->ev[i].date.value, "2021-07-02") == 0);
    run(D, "Police arrested the suspect on Monday, and the embassy was attacked a day after the "
           "election.");
    assert_string_equal(date_of("election"), "-");
    /* a count whose other side gives no day: no day carried either, it
     * would be one side's ("a day after the vote" is not Sunday) */
    run(D, "The election was held on Sunday. Protests erupted a day after the vote.");
    assert_string_equal(date_of("election"), "2021-07-11");
    assert_string_equal(date_of("Protests"), "-");
}

static int teardown(void **s)
{
    if (TL) annals_timeline_free(TL);
    return tu_teardown(s);
}

/* a meeting, call or vote named by its own day carries it, and a later
 * mention of a call joins the call whatever places the two sentences name */
static void test_own_day_nouns(void **s)
{
    (void)s;
    run(D, "The minister met foreign envoys in a closed meeting last week.");
    assert_string_equal(date_of("meeting"), "2021-W27");
    run(D, "When the two presidents spoke on the phone, they agreed to meet in Oslo.\n\n"
           "Neither side has talked since the June 30 call in which the leaders raised the "
           "blockade of the port in Riga.");
    assert_string_equal(date_of("spoke on the phone"), "2021-06-30");
    assert_string_equal(date_of("call"), "2021-06-30");
    run("2018-05-09", "The two leaders will hold a summit. The meeting is expected to take "
                      "place in May or early June.");
    assert_string_equal(date_of("meeting"), "2018-Q2");
    assert_string_equal(date_of("summit"), "2018-Q2");
    run(D, "Officials asked whether Tuesday's vote could be overturned by a second referendum.");
    assert_string_equal(date_of("vote"), "2021-07-13");
    /* a call for something, a press call, a chamber's vote, a cabinet
     * meeting: no meeting with another party, no ballot */
    run(D, "Monday's call for calm went unheeded. Tuesday's vote on the budget failed. The "
           "senator praised Wednesday's vote. The minister described the harbour in a July 2 "
           "call with reporters. The cabinet meeting last week was short.");
    for (size_t i = 0; i < TL->nev; i++)
        assert_string_not_equal(TL->ev[i].type, "election");
    for (size_t i = 0; i < TL->nev; i++)
        assert_string_not_equal(TL->ev[i].type, "meeting");
}

/* a day and month far before the DCT, without its year, is dated only
 * when the text itself names that year */
static void test_year_named(void **s)
{
    (void)s;
    run("2017-12-05", "In December 2016, the envoy was weeks from taking office. The cabinet "
                      "imposed sanctions on Norway on December 29.");
    assert_string_equal(date_of("sanctions"), "2016-12-29");
    run("2021-05-09", "Lawmakers pressed for answers on the deadly Sept. 11 attack.");
    assert_string_equal(date_of("attack"), "-");
    run("2021-05-09", "In 2019, the envoy left. Lawmakers pressed for answers on the deadly "
                      "Sept. 11 attack.");
    assert_string_equal(date_of("attack"), "-");
}

/* a threat issued in the news present is made on the day of writing;
 * not one issued in a "when" clause, nor the present of a plain verb */
static void test_issued_now(void **s)
{
    (void)s;
    run(D, "In the video, the group's leader also issues a warning to the West.");
    assert_string_equal(date_of("warning"), D);
    run(D, "When a president issues an ultimatum to a rival, he must be ready to act.");
    assert_string_equal(date_of("ultimatum"), "-");
    run(D, "Mixing the two trade issues threatens to disrupt both economies.");
    assert_string_equal(date_of("threatens"), "-");
}

/* an operation told as starting is the raid it names, dated by its start */
static void test_operation_began(void **s)
{
    (void)s;
    run(D, "Commandos raided the compound near the border over the weekend. The operation began "
           "about 6 a.m. ET Saturday, the general said.");
    assert_string_equal(date_of("operation"), "2021-07-10");
    assert_string_equal(date_of("raided"), "2021-07-10");
}

/* what its own words date after the time of writing is a plan, not
 * something that happened */
static void test_future_is_planned(void **s)
{
    (void)s;
    run(D, "Talks between the two ministers will resume Aug. 3 in Geneva.");
    assert_string_equal(tu_by_trigger(TL, "Talks")->modality, "planned");
    run(D, "The two ministers met on July 12 in Geneva.");
    assert_string_equal(tu_by_trigger(TL, "met")->modality, "asserted");
}

/* what a report of some day tells as done by now ("have been freed") is
 * that day's news; not what was done before ("had been freed") */
static void test_report_of_perfect(void **s)
{
    (void)s;
    run(D, "Officials said on Monday two hostages have been freed.");
    assert_string_equal(date_of("freed"), "2021-07-12");
    run(D, "Officials said on Monday the two hostages had been freed.");
    assert_string_equal(date_of("freed"), "-");
    run(D, "Officials said on Monday the hostages were found to have been freed.");
    assert_string_equal(date_of("freed"), "-");
}

/* a report in the present of what has been done tells the news of the
 * day of writing; one in the past tells of its own day, not named here */
static void test_reported_now(void **s)
{
    (void)s;
    run(D, "As the network reports, protesters have taken to the streets of the capital.");
    assert_string_equal(date_of("taken to the streets"), D);
    run(D, "The network reported that protesters had taken to the streets of the capital.");
    assert_string_equal(date_of("taken to the streets"), "-");
}

/* what has not happened yet is the occurrence still planned, and takes
 * its date; a refusal is no such */
static void test_not_yet_is_the_plan(void **s)
{
    (void)s;
    run(D, "The premier said she has not been able to deliver Brexit. The deadline of Oct. 31 "
           "for Britain's departure from the EU is near.");
    assert_ptr_equal(tu_by_trigger(TL, "Brexit"), tu_by_trigger(TL, "departure"));
    assert_string_equal(date_of("Brexit"), "2021-10-31");
    assert_string_equal(tu_by_trigger(TL, "Brexit")->modality, "planned");
    run(D, "The premier said she refused to deliver Brexit. The deadline of Oct. 31 for Britain's "
           "departure from the EU is near.");
    assert_ptr_not_equal(tu_by_trigger(TL, "Brexit"), tu_by_trigger(TL, "departure"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_day), cmocka_unit_test(test_time_links),
        cmocka_unit_test(test_no_event_date), cmocka_unit_test(test_far_date),
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_carry_limits), cmocka_unit_test(test_own_day_nouns),
        cmocka_unit_test(test_year_named),
        cmocka_unit_test(test_operation_began), cmocka_unit_test(test_issued_now),
        cmocka_unit_test(test_count_from_clause), cmocka_unit_test(test_count_from_phrase),
        cmocka_unit_test(test_count_from_news_day), cmocka_unit_test(test_phrase_head_only),
        cmocka_unit_test(test_aside), cmocka_unit_test(test_meanwhile),
        cmocka_unit_test(test_said_at), cmocka_unit_test(test_at_the_time), cmocka_unit_test(test_ed),
        cmocka_unit_test(test_count_own_clause),
        cmocka_unit_test(test_future_is_planned), cmocka_unit_test(test_report_of_perfect),
        cmocka_unit_test(test_reported_now), cmocka_unit_test(test_not_yet_is_the_plan)};
    return cmocka_run_group_tests_name("dating", tests, tu_setup, teardown);
}
