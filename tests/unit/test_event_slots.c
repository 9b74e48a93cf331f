/* Participant slots on sentences that used to go wrong: headline title
 * case, appositives with numbers, an owner pronoun, a country that only
 * says where, the state that imprisons. Our own invented sentences. */
#include "testutil.h"
#include "annals/annals.h"
#include "event/event.h"
#include "timeline/timeline.h"

TU_GRAMMARS
#include "tu_extract.h"

/* "Egypt's Morsi To Quit": "To" is no first name after a surname */
static void test_headline_surname(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Calls Grow For Egypt's Morsi To Step Down");
    const tl_event *e = tu_first(tl, "leadership_change");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Mohamed Morsi"));
    annals_timeline_free(tl);
}

static void test_appositive_subject(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Jonas Peterlund, a 52-year-old Swedish-born engineer, has been "
                              "held since March.");
    const tl_event *e = tu_first(tl, "arrest");
    assert_non_null(e);
    assert_true(tu_has_name(e->targets, e->ntargets, "Jonas Peterlund"));
    annals_timeline_free(tl);
    tl = tu_run("Corporal Ann Kettleby, a Royal Marines soldier who was killed on Tuesday, was buried.");
    e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_true(tu_has_name(e->targets, e->ntargets, "Ann Kettleby"));
    annals_timeline_free(tl);
}

/* The first event of type in text has actor who; with who NULL, none. */
static void expect_actor(const char *text, const char *type, const char *who)
{
    annals_timeline *tl = tu_run(text);
    const tl_event *e = tu_first(tl, type);
    if (!e) fprintf(stderr, "no %s in: %s\n", type, text);
    assert_non_null(e);
    if (who) assert_true(tu_has_name(e->actors, e->nactors, who));
    else assert_int_equal(e->nactors, 0);
    annals_timeline_free(tl);
}

/* 'X, known as the "quiet one," bombed': the subject before an aside
 * whose quotes break the clause; never past "said the" or "whose" */
static void test_quoted_appositive(void **s)
{
    (void)s;
    expect_actor("Halvard Ostby, known to neighbours as the \"quiet one,\" bombed the depot on "
                 "Friday.", "attack", "Halvard Ostby");
    expect_actor("Ola Brekke, dubbed \"the negotiator\" by reporters, resigned on Monday.",
                 "leadership_change", "Ola Brekke");
    expect_actor("Ilse Varga, a \"senior\" aide, said the bombing was planned.", "attack", NULL);
    expect_actor("Pieter Lund, a \"hard\" man, whose brother was bombed, left.", "attack", NULL);
    /* the party before the aside opens its clause, after a time phrase or
     * not; "Norway struck Hamas" makes Hamas an object */
    expect_actor("Last week Hamas, the \"armed wing,\" bombed a depot in Gaza.", "attack", "Hamas");
    expect_actor("In 2019 Hezbollah, the \"party of God,\" bombed a depot.", "attack", "Hezbollah");
    expect_actor("Radio Oslo reported that Jens Holt, the \"red baron,\" bombed a depot.", "attack",
                 "Jens Holt");
    annals_timeline *tl = tu_run("On Friday Norway struck Hamas, the \"armed wing,\" then "
                                 "bombed Hezbollah in Lebanon.");
    size_t attacks = 0;
    for (size_t i = 0; i < tl->nev; i++) {
        if (strcmp(tl->ev[i].type, "attack") != 0) continue;
        attacks++;
        assert_false(tu_has_name(tl->ev[i].actors, tl->ev[i].nactors, "Hamas"));
    }
    assert_int_not_equal(attacks, 0);
    annals_timeline_free(tl);
}

/* who claims an event happened reports it; who claims responsibility,
 * or claims to have done it, did it */
static void test_claims(void **s)
{
    (void)s;
    expect_actor("Hezbollah is claiming the explosion at the depot was an accident.", "attack",
                 NULL);
    /* "say", as "says" and "said" */
    expect_actor("Hezbollah and Israel say the attack on the depot was a mistake.", "attack", NULL);
    expect_actor("Hezbollah claims responsibility for the bombing at the depot.", "attack",
                 "Hezbollah");
    expect_actor("Hezbollah claims to have bombed the depot.", "attack", "Hezbollah");
    /* the deed as the claim's object is claimed, in either tense */
    expect_actor("Hezbollah claims the deadly bombing of a depot near Tyre on Monday.", "attack",
                 "Hezbollah");
    expect_actor("Hezbollah claimed the attack on the depot, officials said.", "attack",
                 "Hezbollah");
    expect_actor("Hezbollah claimed responsibility for the bombing at the depot.", "attack",
                 "Hezbollah");
    expect_actor("Hezbollah claimed the bombing at the depot was staged.", "attack", NULL);
}

/* "the group" and "the organization" as subjects stand for the armed
 * group or the body named last; not when they only report */
static void test_body_subject(void **s)
{
    (void)s;
    expect_actor("Hamas has grown stronger in the south. The group then bombed a depot near the "
                 "border.", "attack", "Hamas");
    expect_actor("Hamas has grown stronger in the south. The group had said an air raid hit a "
                 "depot near the border.", "attack", NULL);
    /* "the group" is an armed one */
    expect_actor("Amnesty International opened an office in the city. The group then bombed a "
                 "depot near the border.", "attack", NULL);
    expect_actor("Amnesty International opened an office in the city. The organization later met "
                 "Vladimir Putin in Moscow.", "meeting", "Amnesty International");
    /* another body named since may be the one meant: no guess */
    expect_actor("Hezbollah fighters took the ridge on Friday, according to Amnesty International. "
                 "The group met Egyptian officials in Cairo on Saturday.", "meeting", NULL);
    expect_actor("Hamas has grown stronger in the south. Later a group of farmers gathered near "
                 "the wall, and the group then bombed a depot.", "attack", NULL);
    /* a body takes a singular verb: "Hamas attacks" */
    annals_timeline *tl = tu_run("Hamas has grown stronger in the south. The group then bombed a "
                                 "depot near the border.");
    const tl_event *e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_non_null(strstr(e->summary, "Hamas attacks"));
    annals_timeline_free(tl);
}

/* "his contacts with Russia": the owner meets, not a name before */
static void test_owner_pronoun(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Vladimir Putin spoke on Monday. Reporters asked officials at the "
                              "White House about his visit to Hungary.");
    const tl_event *e = tu_first(tl, "meeting");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Vladimir Putin"));
    assert_false(tu_has_name(e->actors, e->nactors, "White House"));
    annals_timeline_free(tl);
}

/* "in England ... and arrested": the country says where */
static void test_locative_country(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Officers searched a warehouse in Portugal on Monday and arrested "
                              "the owner.");
    const tl_event *e = tu_first(tl, "arrest");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Portugal"));
    assert_false(tu_has_name(e->targets, e->ntargets, "Portugal"));
    annals_timeline_free(tl);
    tl = tu_run("The aid worker was kidnapped in Mali last year.");
    e = tu_first(tl, "arrest");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Mali"));
    assert_false(tu_has_name(e->targets, e->ntargets, "Mali"));
    annals_timeline_free(tl);
}

/* "Takes Responsibility For Paris Attack": the city names the place */
static void test_capital_as_place(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Group Takes Responsibility For Madrid Attack");
    const tl_event *e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Spain"));
    annals_timeline_free(tl);
}

/* "Goto was abducted": the subject of a passive is taken, not taking */
static void test_passive_captive(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Officials named the nurse Ana Pires. Pires was abducted after entering "
                              "the valley.");
    const tl_event *e = tu_first(tl, "arrest");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Ana Pires"));
    assert_true(tu_has_name(e->targets, e->ntargets, "Ana Pires"));
    annals_timeline_free(tl);
}

/* "two Canadians imprisoned in China": the state imprisons */
static void test_imprisoning_state(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Two Canadians imprisoned in China returned home.");
    const tl_event *e = tu_first(tl, "arrest");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "China"));
    annals_timeline_free(tl);
}

/* the article's spelling of a known person, not a longer signature */
static void test_person_spelling(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("President Mohammed Morsi met Hosni Mubarak on Monday.");
    const tl_event *e = tu_first(tl, "meeting");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Mohammed Morsi"));
    annals_timeline_free(tl);
    tl = tu_run("Donald Trump met the Pope. \"Great visit!\" -- Donald J. Trump. Trump later met "
             "Emmanuel Macron.");
    for (size_t i = 0; i < tl->nev; i++)
        for (size_t k = 0; k < tl->ev[i].nactors; k++)
            assert_string_not_equal(tl->ev[i].actors[k].name, "Donald J. Trump");
    annals_timeline_free(tl);
}

/* an unlisted name given in full, then by its last word alone */
static void test_unlisted_surname(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("A video shows Yusuf al-Qadiri, a militia spokesman. Al-Qadiri "
                              "issued a warning to the government.");
    const tl_event *e = tu_first(tl, "threat");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Yusuf al-Qadiri"));
    annals_timeline_free(tl);
    /* the capitals that start a sentence make no name to refer back to */
    tl = tu_run("Get Ready Now was the slogan. Voters backing Ready rallied in the capital.");
    e = tu_first(tl, "protest");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Get Ready"));
    annals_timeline_free(tl);
    /* a family name written first elsewhere stays unresolved */
    tl = tu_run("Lee Sang-min and Daniel Lee were freed. Lee met Joe Biden.");
    e = tu_first(tl, "meeting");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Daniel Lee"));
    annals_timeline_free(tl);
}

/* "the president" is the president the story has named */
static void test_office_holder(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("President Joe Biden spoke on Monday. Senators broke with the "
                              "president, who has threatened to veto the bill.");
    const tl_event *e = tu_first(tl, "threat");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Joe Biden"));
    annals_timeline_free(tl);
    /* "the president of Chile" names its own state */
    tl = tu_run("President Joe Biden spoke. The president of Chile threatened to leave the talks.");
    e = tu_first(tl, "threat");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Joe Biden"));
    annals_timeline_free(tl);
}

/* "the general said the raid ...": the speaker did not raid */
static void test_reporter_not_actor(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("General Mark Milley said the raid killed four militants.");
    const tl_event *e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Mark Milley"));
    annals_timeline_free(tl);
    /* "X characterized the attack as ...", "X acknowledged the strike was" */
    tl = tu_run("On Friday, David Petraeus characterized the attack as spontaneous.");
    e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "David Petraeus"));
    annals_timeline_free(tl);
    /* "Russia said it seized": the pronoun takes the subject back */
    tl = tu_run("Russia said on Monday that it seized two villages.");
    e = tu_first(tl, "seizure");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Russia"));
    annals_timeline_free(tl);
}

/* a pronoun nearer the trigger than any name, across a quote */
static void test_near_pronoun(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Prime Minister Imran Khan is under pressure. He must \"reach a "
                              "compromise\" with the opposition.");
    const tl_event *e = tu_first(tl, "agreement");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Imran Khan"));
    annals_timeline_free(tl);
    tl = tu_run("President Imran Khan spoke. Generals backed by thousands of protesters gave him "
             "until Friday to agree to a compromise.");
    e = tu_first(tl, "agreement");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Imran Khan"));
    annals_timeline_free(tl);
    /* "his response to the assaults": the responder did not assault */
    tl = tu_run("Critics mocked Mitt Romney's response to the assaults on the consulate.");
    e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Mitt Romney"));
    annals_timeline_free(tl);
    /* "the agency, which is charged with monitoring the deal": no party */
    tl = tu_run("The agency, which is charged with monitoring the nuclear deal, met on Monday.");
    e = tu_first(tl, "agreement");
    if (e) assert_int_equal(e->nactors, 0);
    annals_timeline_free(tl);
    /* "he's using chlorine gas" */
    tl = tu_run("Bashar al-Assad kept his arsenal. Now he's using chlorine gas against rebels.");
    e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Bashar al-Assad"));
    annals_timeline_free(tl);
    /* "X, the chair of the Y Committee, which was prepared": Y acts */
    tl = tu_run("She met Tom Hale, the chair of the 1922 Committee, which was ready to trigger a "
             "vote of no confidence.");
    e = tu_first(tl, "threat");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "1922 Committee"));
    annals_timeline_free(tl);
    /* the event as a topic: "his talk with the envoy regarding the sanctions" */
    tl = tu_run("Flynn lied about his conversation with Sergey Kislyak regarding the sanctions.");
    for (size_t i = 0; i < tl->nev; i++)
        if (strcmp(tl->ev[i].type, "sanctions") == 0)
            assert_false(tu_has_name(tl->ev[i].actors, tl->ev[i].nactors, "Sergey Kislyak"));
    annals_timeline_free(tl);
    /* "about to be overthrown" is no topic */
    tl = tu_run("Many believed Nicolas Maduro was about to be overthrown.");
    e = tu_first(tl, "leadership_change");
    assert_non_null(e);
    assert_true(tu_has_name(e->targets, e->ntargets, "Nicolas Maduro"));
    annals_timeline_free(tl);
    /* "he will warn that the attacks": no actor from the warner */
    tl = tu_run("Mitt Romney spoke. He will warn that the attacks on the embassy were planned.");
    e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Mitt Romney"));
    annals_timeline_free(tl);
}

/* a story about one country: its bare "police" and its unnamed protesters */
static void test_home_country(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Kenya's parliament passed the bill. Kenyan officials defended it. "
                              "Critics in Kenya say it hurts the poor. In the capital, "
                              "police fired tear gas at the crowd on Tuesday.");
    const tl_event *e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Kenyan police") ||
                tu_has_name(e->targets, e->ntargets, "Kenyan police"));
    annals_timeline_free(tl);
    tl = tu_run("Kenya's parliament passed the bill. Kenyan officials defended it. Critics in Kenya "
             "say it hurts the poor. The demonstrations grew on Friday.");
    e = tu_first(tl, "protest");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Kenyan protesters"));
    annals_timeline_free(tl);
    /* "the country" is the story's country */
    tl = tu_run("Kenya's parliament passed the bill. Kenyan officials defended it. Critics in Kenya "
             "say it hurts the poor. Some lenders never came to an agreement with the country.");
    e = tu_first(tl, "agreement");
    assert_non_null(e);
    assert_true(tu_has_name(e->targets, e->ntargets, "Kenya"));
    annals_timeline_free(tl);
    /* the home country far from this sentence, another one in it: no
     * home crowd ("protests in Cairo" of a US story) */
    tl = tu_run("Kenya's parliament passed the bill. Kenyan officials defended it. Critics in Kenya "
             "say it hurts the poor. The vote was close. Officials recalled protests that "
             "swept Uganda last year.");
    e = tu_first(tl, "protest");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Kenyan protesters"));
    annals_timeline_free(tl);
    /* "a military coup" in a story about Kenya: the Kenyan military */
    tl = tu_run("Kenya's parliament passed the bill. Kenyan officials defended it. Critics in Kenya "
             "say it hurts the poor. Crowds in Nairobi feared a military coup.");
    e = tu_first(tl, "leadership_change");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Kenyan military"));
    annals_timeline_free(tl);
    /* places count for the home country: a story of Nairobi and Mombasa */
    tl = tu_run("Unrest spread from Nairobi to Mombasa and Kisumu. In Nairobi, police fired "
             "tear gas at the crowd on Tuesday.");
    e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Kenyan police"));
    annals_timeline_free(tl);
    /* "the nation" right after another country is named: that one */
    tl = tu_run("Kenya's parliament passed the bill. Kenyan officials defended it. Critics in Kenya "
             "say it hurts the poor. Lenders once froze loans to Zambia. They later reached a "
             "deal with the nation.");
    e = tu_first(tl, "agreement");
    assert_non_null(e);
    assert_true(tu_has_name(e->targets, e->ntargets, "Zambia"));
    annals_timeline_free(tl);
    /* no country leads: police stay police */
    tl = tu_run("Kenya and Uganda signed the deal. Police fired tear gas at the crowd.");
    e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Kenyan police"));
    annals_timeline_free(tl);
}

/* "The government, Mr. Kagame said at a joint news conference": one
 * speaker at the event, no list; a list needs its "and" */
static void test_lists_and_speakers(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("The plan, Paul Kagame said at a joint news conference with "
                              "Emmanuel Macron, is working.");
    const tl_event *e = tu_first(tl, "meeting");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Paul Kagame"));
    annals_timeline_free(tl);
    tl = tu_run("Officials held talks with Kazakhstan, Tajikistan, and Uzbekistan.");
    e = tu_first(tl, "talks");
    assert_non_null(e);
    assert_int_equal(e->ntargets, 3);
    annals_timeline_free(tl);
}

/* an organisation keeps the article's spelling of its name */
static void test_org_spelling(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Al-Qaida in the Arabian Peninsula attacked the base on Monday.");
    const tl_event *e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Al-Qaida in the Arabian Peninsula"));
    annals_timeline_free(tl);
}

/* "--" ends a clause; "of" belongs to the trigger only right after it */
static void test_dashes_and_of(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Canada sent no one to the march -- one of the largest "
                              "demonstrations in years -- except by Ambassador Tom Reilly.");
    const tl_event *e = tu_first(tl, "protest");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Tom Reilly"));
    annals_timeline_free(tl);
    tl = tu_run("Police braced for protests surrounding the death of Ana Lucia Vargas.");
    e = tu_first(tl, "protest");
    assert_non_null(e);
    assert_false(tu_has_name(e->actors, e->nactors, "Ana Lucia Vargas"));
    annals_timeline_free(tl);
}

/* "refusing to talk to him": the object pronoun's person; and the
 * opposition a modifier names */
static void test_object_pronoun(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("President Nicolas Maduro looked isolated, with the liberal "
                              "opposition refusing to talk to him and the army.");
    const tl_event *e = tu_first(tl, "talks");
    assert_non_null(e);
    assert_true(tu_has_name(e->targets, e->ntargets, "Nicolas Maduro"));
    assert_true(tu_has_name(e->actors, e->nactors, "liberal opposition"));
    annals_timeline_free(tl);
    /* "her government" is an owner, not an object */
    tl = tu_run("Prime Minister Theresa May spoke. Rebels want talks with her government.");
    e = tu_first(tl, "talks");
    if (e) assert_false(tu_has_name(e->targets, e->ntargets, "Theresa May"));
    annals_timeline_free(tl);
}

/* "Assad" when several known Assads exist and none is named in full */
static void test_shared_surname_alone(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Rebels said they could topple Assad within a year.");
    const tl_event *e = tu_first(tl, "leadership_change");
    assert_non_null(e);
    assert_true(tu_has_name(e->targets, e->ntargets, "Assad"));
    assert_string_equal(e->targets[0].country, "SYR");
    annals_timeline_free(tl);
}

/* "X, also known as Y, was killed": X; a name with an al- particle */
static void test_aliases_and_particles(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("The deputy, Karim al-Tamimi, was named. Al-Tamimi, also known as "
                              "Abu Yusuf, was killed in Raqqa.");
    const tl_event *e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_true(tu_has_name(e->targets, e->ntargets, "Karim al-Tamimi"));
    annals_timeline_free(tl);
}

/* an aside that names the parties */
static void test_aside_and_commands(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("The move pressures the other signatories \xE2\x80\x94 Britain, "
                              "France and Germany \xE2\x80\x94 to open talks on a new deal.");
    const tl_event *e = tu_first(tl, "talks");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "France"));
    annals_timeline_free(tl);
    /* "X announced that troops would withdraw": X decided it */
    tl = tu_run("In March, Joe Biden announced that U.S. troops would withdraw from Somalia.");
    e = tu_first(tl, "withdrawal");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Joe Biden"));
    assert_true(tu_has_name(e->actors, e->nactors, "U.S. troops"));
    annals_timeline_free(tl);
    /* the Arab Spring has no home-country crowd */
    tl = tu_run("Russia's envoy spoke in Moscow. Russia and Russian officials recalled the Arab "
             "Spring with Russian unease.");
    e = tu_first(tl, "protest");
    assert_non_null(e);
    assert_int_equal(e->nactors, 0);
    annals_timeline_free(tl);
}

/* "Iran sanctions" hit Iran; "Russia's sanctions" are Russia's */
static void test_sanctions_modifier(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("The Treasury eased Iran sanctions on Friday.");
    const tl_event *e = tu_first(tl, "sanctions");
    assert_non_null(e);
    assert_true(tu_has_name(e->targets, e->ntargets, "Iran"));
    assert_false(tu_has_name(e->actors, e->nactors, "Iran"));
    annals_timeline_free(tl);
    tl = tu_run("Firms that trade with Cuba will face US sanctions.");
    e = tu_first(tl, "sanctions");
    assert_non_null(e);
    assert_false(tu_has_name(e->targets, e->ntargets, "United States"));
    annals_timeline_free(tl);
    tl = tu_run("The bloc keeps Iran sanctions in place, Germany said.");
    e = tu_first(tl, "sanctions");
    assert_non_null(e);
    assert_true(tu_has_name(e->targets, e->ntargets, "Iran"));
    annals_timeline_free(tl);
    tl = tu_run("Russia's sanctions on Turkish tomatoes ended.");
    e = tu_first(tl, "sanctions");
    assert_non_null(e);
    assert_true(tu_has_name(e->actors, e->nactors, "Russia"));
    annals_timeline_free(tl);
}

/* "announced that troops would withdraw": a reported future is a plan;
 * "would" alone is a condition */
static void test_reported_future(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Joe Biden announced that U.S. troops would withdraw from Somalia.");
    const tl_event *e = tu_first(tl, "withdrawal");
    assert_non_null(e);
    assert_string_equal(e->modality, "planned");
    annals_timeline_free(tl);
    /* "in May" is the month */
    tl = tu_run("A bomb attack in May at the stadium killed 22 people.");
    for (size_t i = 0; i < tl->nev; i++) assert_string_not_equal(tl->ev[i].modality, "hypothetical");
    annals_timeline_free(tl);
    tl = tu_run("Critics fear U.S. troops would withdraw from Somalia.");
    e = tu_first(tl, "withdrawal");
    assert_non_null(e);
    assert_string_equal(e->modality, "hypothetical");
    annals_timeline_free(tl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headline_surname), cmocka_unit_test(test_appositive_subject),
        cmocka_unit_test(test_owner_pronoun), cmocka_unit_test(test_locative_country),
        cmocka_unit_test(test_imprisoning_state), cmocka_unit_test(test_passive_captive),
        cmocka_unit_test(test_capital_as_place), cmocka_unit_test(test_person_spelling),
        cmocka_unit_test(test_unlisted_surname), cmocka_unit_test(test_office_holder),
        cmocka_unit_test(test_reporter_not_actor), cmocka_unit_test(test_near_pronoun),
        cmocka_unit_test(test_home_country), cmocka_unit_test(test_lists_and_speakers),
        cmocka_unit_test(test_org_spelling), cmocka_unit_test(test_dashes_and_of),
        cmocka_unit_test(test_object_pronoun), cmocka_unit_test(test_shared_surname_alone),
        cmocka_unit_test(test_aliases_and_particles), cmocka_unit_test(test_aside_and_commands),
        cmocka_unit_test(test_sanctions_modifier), cmocka_unit_test(test_reported_future),
        cmocka_unit_test(test_quoted_appositive), cmocka_unit_test(test_claims),
        cmocka_unit_test(test_body_subject)};
    return cmocka_run_group_tests_name("event_slots", tests, tu_setup, tu_teardown);
}
