/* Event rules added for issue #4: triggers the grammar used to miss and
 * senses it must not take. Our own invented sentences. */
#include "testutil.h"
#include "annals/annals.h"
#include "event/event.h"
#include "timeline/timeline.h"

TU_GRAMMARS
#include "tu_extract.h"

/* text holds an event of type whose trigger is trig and who has a
 * participant (actor or target) named who (NULL: any) */
static void expect(const char *text, const char *type, const char *trig, const char *who)
{
    annals_timeline *tl = tu_run(text);
    const tl_event *e = tu_first(tl, type);
    if (!e) fprintf(stderr, "no %s in: %s\n", type, text);
    assert_non_null(e);
    if (trig) assert_string_equal(e->mentions[0].trigger, trig);
    if (who && !tu_has_name(e->actors, e->nactors, who) && !tu_has_name(e->targets, e->ntargets, who)) {
        fprintf(stderr, "no %s in the %s of: %s\n", who, type, text);
        fail();
    }
    annals_timeline_free(tl);
}

static void expect_none(const char *text, const char *type)
{
    annals_timeline *tl = tu_run(text);
    if (tu_first(tl, type)) fprintf(stderr, "a %s in: %s\n", type, text);
    assert_null(tu_first(tl, type));
    annals_timeline_free(tl);
}

/* an attempted bombing is an attack, made on the day of the attempt and
 * by whom the appositive describes; "blow up the deal" is none */
static void test_attempted_bombing(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("On March 3, 2019, Jorvan Palmqvist, known as the \"garage "
                                 "bomber,\" tried to detonate a device aboard a ferry.");
    const tl_event *e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_string_equal(e->modality, "asserted");
    assert_true(e->has_date);
    assert_string_equal(e->date.value, "2019-03-03");
    assert_true(tu_has_name(e->actors, e->nactors, "Jorvan Palmqvist"));
    annals_timeline_free(tl);
    tl = tu_run("The courier never tried to bomb the station.");
    e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_string_equal(e->modality, "negated");
    annals_timeline_free(tl);
    expect("In 2015, the cell was suspected of trying to pack explosives into toner cartridges.",
           "attack", "trying to pack explosives", NULL);
    expect("A student attempted to blow up a bus outside Lyon.", "attack", "attempted to blow up",
           NULL);
    expect_none("The senators tried to blow up the budget deal.", "attack");
}

/* "blow up" takes a thing: a listed word whole ("car", not "career") or a
 * name that heads no deal ("the Oslo peace accord" is a figure) */
static void test_blow_up_target(void **s)
{
    (void)s;
    expect_none("Democrats tried to blow up the Peru trade deal on Friday.", "attack");
    expect_none("The pundit tried to blow up his career with one post.", "attack");
    expect_none("His rivals attempted to blow up his business last year.", "attack");
    expect_none("They tried to blow up the Oslo peace accord in 1996.", "attack");
    expect("Two men tried to blow up the Tarvik airport on Friday.", "attack", "tried to blow up",
           NULL);
    expect("A courier tried to blow up a car near the stadium.", "attack", "tried to blow up",
           NULL);
}

/* "blew up" as "tried to blow up": a thing, not a career or a deal */
static void test_blew_up_target(void **s)
{
    (void)s;
    expect_none("The pundit blew up his career with one post.", "attack");
    expect_none("The leak blew up the Peru trade deal on Friday.", "attack");
    expect("Two men blew up a car near the Tarvik stadium.", "attack", "blew up", NULL);
    expect("The device was set off by a suicide bomber near the port.", "attack", "set off", NULL);
}

/* the plural is an anchor as the singular is */
static void test_attempt_plural(void **s)
{
    (void)s;
    expect("A teenager tried to plant bombs at a Lagos bus depot.", "attack",
           "tried to plant bombs", NULL);
    expect("Two brothers tried to smuggle bombs onto a ferry.", "attack",
           "tried to smuggle bombs", NULL);
}

static void test_new_triggers(void **s)
{
    (void)s;
    expect("Last spring Iran deported a British journalist.", "release", "deported", "Iran");
    expect("Canada boycotted the council for two years.", "withdrawal", "boycotted", "Canada");
    expect("Poland invited the Ukrainian president to visit Warsaw.", "offer", "invited", "Poland");
    expect("The premier will step aside as party leader in June.", "leadership_change",
           "step aside", NULL);
    expect("It was the final summit of outgoing Chancellor Angela Merkel.", "leadership_change",
           "outgoing", "Angela Merkel");
    expect("Special counsel Robert Mueller raised the possibility of a subpoena for Trump.",
           "threat", "subpoena", "Donald Trump");
    expect("Senators asked whether France should arm the rebels.", "aid", "arm", "France");
    expect("Two aid workers held in Mali have been freed, officials said.", "release", "freed",
           NULL);
    expect("The reporter was released from custody after three weeks.", "release", "released",
           NULL);
    expect("Markets fear Greece's exit from the EU.", "withdrawal", "exit", "European Union");
    expect("Chile will hold a vote on the new constitution in October.", "election", "vote",
           NULL);
    expect("The failed attempt to rescue the hostages cost two lives.", "attack", "rescue", NULL);
    expect("Reporters asked about Viktor Orban's conversations with Vladimir Putin.", "meeting",
           "conversations", "Vladimir Putin");
    expect("Hungary's refusal to allow Ukrainian trucks to cross angered Kyiv.", "offer", "refusal",
           "Hungary");
    expect("Trump rejected calls to block a $4 billion arms sale to Qatar.", "sanctions", "block",
           "Donald Trump");
    expect("Those hopes faded after the Arab Spring in 2011.", "protest", "Spring", NULL);
    expect("Polls tightened in the presidential race last week.", "election", "race", NULL);
    expect("Inspectors confirmed chemical weapons use near the airport.", "attack", "use", NULL);
    expect("Boris Johnson is among the frontrunners to replace Theresa May.", "leadership_change",
           "replace", "Theresa May");
    expect("He met Jorge Salas in jail, where Salas was serving time for fraud.", "arrest",
           "serving", NULL);
    expect("Two explosions hit the market in Kabul on Monday.", "attack", "explosions", NULL);
    expect("Islamists have taken to the streets of Tunis.", "protest", "taken to the streets",
           "Islamists");
    expect("About 300 protesters were detained and later released.", "release", "released",
           "protesters");
    expect("Russia is massing troops near the border.", "deployment", "massing", "Russia");
    expect("The campaign to destroy al-Shabab will take years.", "attack", "campaign", NULL);
    expect("After the raid, Kurdish fighters departed with three detainees.", "arrest",
           "detainees", "Kurdish fighters");
    expect("Hezbollah fighters are pouring into the town.", "deployment", "pouring", "Hezbollah");
    expect("He met her again at the United Nations General Assembly in New York.", "meeting",
           "General Assembly", "United Nations General Assembly");
    expect("Talks should lead to the departure of Venezuelan leader Nicolas Maduro.",
           "leadership_change", "departure", "Nicolas Maduro");
    expect("Rebel MPs are ready to trigger a vote of no confidence in the premier.", "threat",
           "trigger", NULL);
    expect("The 1922 Committee is ready to trigger a new vote of no confidence.", "threat",
           "trigger", "1922 Committee");
}

/* a rule that names its trigger in two alternatives takes the one that
 * matched, not the whole match */
static void test_trigger_alternatives(void **s)
{
    (void)s;
    expect("Heavy shelling followed the fierce fighting near the dam.", "attack", NULL, NULL);
    expect("The envoy raised the threat of a subpoena.", "threat", "subpoena", NULL);
    expect("The two presidents spoke by phone on Monday.", "meeting", "spoke by phone", NULL);
    expect("He never enforced his red line on Syria.", "threat", "red line", NULL);
}

/* "Mueller" when two known people share the name: the one named in full */
static void test_shared_surname(void **s)
{
    (void)s;
    expect("Robert Mueller spoke to the press. Later Mueller met Rod Rosenstein.", "meeting",
           NULL, "Robert Mueller");
}

static void test_not_events(void **s)
{
    (void)s;
    expect_none("Parliament voted for the bill on Tuesday.", "election");
    expect_none("He declined the invitation to comment.", "offer");
    expect_none("The bank said it was the last policy meeting of the year.", "meeting");
    expect_none("The prisoners may make phone calls to their relatives.", "meeting");
    expect_none("The senator offers no way forward on Yemen.", "offer");
    expect_none("The premier proposed the constitutional changes in May.", "offer");
    expect_none("She was a primary coordinator for the shipments.", "election");
    expect_none("Our way of life is \"not threatened\" by the group.", "threat");
    expect_none("The two leaders threatened each other with nuclear strikes.", "attack");
    expect("The two leaders threatened each other with nuclear strikes.", "threat", "threatened",
           NULL);
    expect_none("No civilians were at the targeted location, officials said.", "attack");
    expect_none("The senator plans to attack the governor's energy plans on Monday.", "attack");
    expect_none("The outgoing administration of Jimmy Carter left in 1981.", "leadership_change");
    expect_none("The team won the race to the summit.", "election");
    expect_none("He would never have agreed to cooperate with prosecutors.", "agreement");
    expect_none("The campaign has steered its plan of attack towards the senator.", "attack");
    expect_none("The program aims to lessen the threat of missile attacks on Japan.", "attack");
    expect_none("They reviewed threats to civil aviation.", "threat");
    expect_none("Countries that sell weapons to Belarus will face penalties.", "aid");
    expect_none("The UN General Assembly resolution passed easily.", "meeting");
    expect_none("The departure of the delegation was delayed.", "leadership_change");
    expect_none("Refugees are pouring into the camps.", "deployment");
    expect_none("Her campaign against the new tax gathered pace.", "attack");
    expect_none("The teacher was deported to Honduras in February.", "release");
    expect_none("Spies monitor the communications of foreign agents.", "meeting");
    expect_none("The Speaker refused to allow a vote on the reforms.", "offer");
    expect_none("He campaigns on a Track and Deport Plan.", "release");
    expect_none("Conversations with more than a dozen people in the town show worry.", "meeting");
    expect_none("It poisons the national conversation in America.", "meeting");
    expect_none("A letter, purportedly from the minister, released by the campaign.", "release");
    expect_none("The figures were released from the ministry's archive on Monday.", "release");
    expect("Iran freed the British sailors on Monday.", "release", "freed", "British sailors");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_triggers), cmocka_unit_test(test_trigger_alternatives),
        cmocka_unit_test(test_shared_surname), cmocka_unit_test(test_not_events),
        cmocka_unit_test(test_attempted_bombing), cmocka_unit_test(test_blow_up_target),
        cmocka_unit_test(test_attempt_plural), cmocka_unit_test(test_blew_up_target)};
    return cmocka_run_group_tests_name("event_rules", tests, tu_setup, tu_teardown);
}
