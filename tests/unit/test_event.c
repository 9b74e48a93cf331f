/* The event stage: triggers, voice, participants from the trigger's own
 * clause, location, modality, suppression, summary, ids. */
#include "testutil.h"
#include "annals/annals.h"
#include "event/event.h"
#include "timeline/timeline.h"

TU_GRAMMARS
#include "tu_extract.h"

static int has_party(const tl_party *p, size_t n, const char *name, const char *country)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(p[i].name, name) == 0 && strcmp(p[i].country, country) == 0) return 1;
    return 0;
}

static void test_types_table(void **s)
{
    (void)s;
    const char *names[] = {"meeting", "talks", "agreement", "ceasefire", "offer", "withdrawal",
                           "seizure", "attack", "sanctions", "evacuation", "deployment", "arrest",
                           "release", "threat", "protest", "election", "leadership_change", "aid"};
    for (int i = 0; i < 18; i++) assert_non_null(ev_type_find(names[i]));
    assert_null(ev_type_find("picnic"));
    assert_string_equal(ev_type_find("meeting")->cameo, "040");
    assert_string_equal(ev_type_find("sanctions")->plover, "SANCTION");
    assert_null(ev_type_find("election")->cameo);
    assert_true(ev_function_known("event"));
    assert_false(ev_function_known("date"));
}

static void test_active_and_participants(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Russian President Vladimir Putin met U.S. counterpart Joe Biden in Geneva, Switzerland, on June 16.");
    const tl_event *e = tu_first(tl, "meeting");
    assert_non_null(e);
    assert_true(has_party(e->actors, e->nactors, "Vladimir Putin", "RUS"));
    assert_true(has_party(e->targets, e->ntargets, "Joe Biden", "USA"));
    assert_string_equal(e->actors[0].kind, "person");
    assert_true(e->has_location);
    assert_string_equal(e->loc_name, "Geneva");
    assert_string_equal(e->loc_country, "CHE");
    assert_string_equal(e->summary, "Vladimir Putin meets Joe Biden in Geneva");
    assert_string_equal(e->modality, "asserted");
    assert_string_equal(e->cameo, "040");
    assert_int_equal(e->nmentions, 1);
    assert_string_equal(e->mentions[0].trigger, "met");
    assert_true(e->confidence > 0 && e->confidence <= 1);
    assert_memory_equal(e->id, "ev-", 3);
    assert_int_equal(strlen(e->id), 19);
    annals_timeline_free(tl);
}

static void test_passive_and_lists(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("The district was captured by the Taliban. Officials held talks with Kazakhstan, Tajikistan, and Uzbekistan.");
    const tl_event *e = tu_first(tl, "seizure");
    assert_non_null(e);
    assert_true(has_party(e->actors, e->nactors, "Taliban", "AFG"));
    e = tu_first(tl, "talks");
    assert_non_null(e);
    assert_int_equal(e->ntargets, 3);
    assert_true(has_party(e->targets, e->ntargets, "Uzbekistan", "UZB"));
    annals_timeline_free(tl);
}

static void test_modality(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Russia did not withdraw its troops.");
    assert_string_equal(tu_first(tl, "withdrawal")->modality, "negated");
    annals_timeline_free(tl);
    tl = tu_run("Preparations are underway to evacuate up to 50,000 Afghans.");
    assert_string_equal(tu_first(tl, "evacuation")->modality, "planned");
    annals_timeline_free(tl);
    tl = tu_run("Washington could impose sanctions on Iran.");
    assert_string_equal(tu_first(tl, "sanctions")->modality, "hypothetical");
    annals_timeline_free(tl);
    tl = tu_run("The summit ended with no deal.");
    assert_string_equal(tu_first(tl, "agreement")->modality, "negated");
    annals_timeline_free(tl);
    tl = tu_run("Turkey will deploy troops to Libya.");
    assert_string_equal(tu_first(tl, "deployment")->modality, "planned");
    annals_timeline_free(tl);
}

static void test_suppressions(void **s)
{
    (void)s;
    const char *not_events[] = {
        "The senator withdrew from the race.",
        "Critics attacked the policy.",
        "The results did not meet expectations.",
        "The ministry released a statement.",
        "He suffered a heart attack.",
        "The governor is inching closer to seizing president-for-life status.",
        "Rebels seized the initiative in the north.",
        "The mayor's campaign on Monday launched a pre-emptive strike ahead of the debate."};
    for (int i = 0; i < 8; i++) {
        annals_timeline *tl = tu_run(not_events[i]);
        if (tl->nev) fprintf(stderr, "unexpected %s in: %s\n", tl->ev[0].type, not_events[i]);
        assert_int_equal(tl->nev, 0);
        annals_timeline_free(tl);
    }
}

static void test_no_events_option(void **s)
{
    (void)s;
    annals_timeline *tl = annals_timeline_new();
    annals_options o;
    annals_options_init(&o);
    o.no_events = 1;
    o.want_timexes = 1;
    annals_error err;
    const char *t = "On July 14, Taliban fighters seized the crossing.";
    annals_article a = {.id = "t", .text = t, .text_len = strlen(t)};
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), 0);
    assert_int_equal(tl->nev, 0);
    assert_int_equal(tl->ntx, 1);
    annals_timeline_free(tl);
}

static void test_stable_ids_and_sort(void **s)
{
    (void)s;
    annals_timeline *a = tu_run("Taliban fighters seized the crossing. Russia offered bases.");
    annals_timeline *b = tu_run("Taliban fighters seized the crossing. Russia offered bases.");
    assert_int_equal(a->nev, 2);
    assert_int_equal(b->nev, 2);
    assert_string_equal(a->ev[0].id, b->ev[0].id);
    assert_string_not_equal(a->ev[0].id, a->ev[1].id);
    /* undated events keep their order of mention */
    annals_timeline_sort(a);
    assert_string_equal(a->ev[0].type, "seizure");
    assert_string_equal(a->ev[1].type, "offer");
    annals_timeline_free(a);
    annals_timeline_free(b);
}

static int has_kind(const tl_party *p, size_t n, const char *name, const char *kind)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(p[i].name, name) == 0 && strcmp(p[i].kind, kind) == 0) return 1;
    return 0;
}

/* Common-noun participants: a state organ with its state, bare groups,
 * armed parts of a named group stay that group. */
static void test_group_participants(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Indian police arrested hundreds of protesters in Delhi.");
    const tl_event *e = tu_first(tl, "arrest");
    assert_non_null(e);
    assert_true(has_party(e->actors, e->nactors, "Indian police", "IND"));
    assert_true(has_kind(e->actors, e->nactors, "Indian police", "state"));
    assert_true(has_kind(e->targets, e->ntargets, "protesters", "group"));
    annals_timeline_free(tl);
    tl = tu_run("Government forces retook the town of Kunduz on Monday.");
    e = tu_first(tl, "seizure");
    assert_non_null(e);
    assert_true(has_kind(e->actors, e->nactors, "Government forces", "organisation"));
    annals_timeline_free(tl);
    tl = tu_run("Taliban fighters captured Spin Boldak.");
    e = tu_first(tl, "seizure");
    assert_non_null(e);
    assert_string_equal(e->actors[0].name, "Taliban");
    annals_timeline_free(tl);
    /* "forces" alone is nobody */
    tl = tu_run("Forces attacked the village.");
    e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_int_equal(e->nactors, 0);
    annals_timeline_free(tl);
}

/* A place behind "across" is where it happened, not whom; a capital
 * before a noun trigger is a place, not an actor. */
static void test_places_are_not_parties(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("More than 1,500 people have been arrested across India.");
    const tl_event *e = tu_first(tl, "arrest");
    assert_non_null(e);
    assert_false(has_party(e->targets, e->ntargets, "India", "IND"));
    annals_timeline_free(tl);
    tl = tu_run("Gunmen in Paris attacked the offices of a magazine.");
    e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_false(has_party(e->actors, e->nactors, "France", "FRA"));
    assert_true(e->has_location);
    assert_string_equal(e->loc_name, "Paris");
    annals_timeline_free(tl);
    /* the party before a protest noun is most often its target */
    tl = tu_run("The president threatened to send troops to quash protests in the capital.");
    e = tu_first(tl, "protest");
    assert_non_null(e);
    assert_int_equal(e->nactors, 0);
    annals_timeline_free(tl);
    tl = tu_run("Leaders joined the Paris rally on Sunday.");
    e = tu_first(tl, "protest");
    assert_non_null(e);
    assert_false(has_party(e->actors, e->nactors, "France", "FRA"));
    annals_timeline_free(tl);
}

/* Trigger classes beyond the plain verbs. */
static void test_more_triggers(void **s)
{
    (void)s;
    struct { const char *text, *type; } c[] = {
        {"Protesters clashed with police in Kolkata.", "attack"},
        {"Russia annexed Crimea in 2014.", "seizure"},
        {"Three Americans imprisoned in North Korea were freed.", "arrest"},
        {"Iran vowed to retaliate against the United States.", "threat"},
        {"Rex Tillerson issued an ultimatum to Russia.", "threat"},
        {"Bill Clinton made trips to Pyongyang.", "meeting"},
        {"Arlene Foster said she had spoken to Theresa May.", "meeting"},
        {"Two ministers submitted resignations on Monday.", "leadership_change"},
        {"Britain and the EU reached a trade deal.", "agreement"},
        {"Jordan and Britain have agreed to undertake joint military exercises.", "agreement"},
        {"Japan said it had halted economic aid to Serbia.", "sanctions"},
        {"Israel and Lebanon renewed negotiations today.", "talks"},
        {"Israeli tanks fired four shells at targets in Jericho.", "attack"},
        {"Donald Trump fired FBI Director James Comey.", "leadership_change"},
        {"Nigeria will withdraw its force from Chad unless a ceasefire is arranged.", "threat"},
        {"Demonstrators in Baghdad blocked a road on Monday.", "protest"},
        {"Warren Christopher telephoned Andrei Kozyrev on Tuesday.", "meeting"},
        {"The vital town could still fall to the Islamic State.", "seizure"},
        {"Voters go to the polls in the state's primary next week.", "election"},
        {"Trump pardoned Paul Manafort.", "release"},
        {"The U.S. designated Baghdadi a terrorist in 2011.", "sanctions"},
        {"Army units have been sent to the capital region.", "deployment"},
        {"Governors activated their National Guards.", "deployment"},
        {"Bush launched the humanitarian intervention in Somalia.", "deployment"},
        {"When the presidents spoke on the phone, they discussed a summit.", "meeting"},
        {"Obama said at a joint news conference that talks would go on.", "meeting"},
        {"It is Rex Tillerson's first trip here as secretary of state.", "meeting"},
        {"The United States continued to send arms to Pakistan last year.", "aid"},
        {"Israel and the Palestinians reached a consensus on water.", "agreement"},
        {"Syrian officers today ended mediation efforts between rival militias.", "talks"},
        {"Oskar Fischer will visit Albania in June.", "meeting"},
        {"Eighty UN peacekeepers were shipped out of Gorazde on Friday.", "withdrawal"},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        annals_timeline *tl = tu_run(c[i].text);
        if (!tu_first(tl, c[i].type)) fail_msg("no %s in: %s", c[i].type, c[i].text);
        annals_timeline_free(tl);
    }
    /* and their non-event senses */
    const char *none[] = {"The injuries were not life-threatening.",
                          "Footage released by the Pentagon shows the compound.",
                          "The Journal captures the big fear of observers.",
                          "The proposed changes would extend his term.",
                          "An American aid worker died in Syria.",
                          "Unemployment fell to 5 percent in May."};
    /* weapons fired are an attack, never a dismissal */
    annals_timeline *fired = tu_run("Troops fired tear gas at the crowd in Delhi.");
    assert_non_null(tu_first(fired, "attack"));
    assert_null(tu_first(fired, "leadership_change"));
    annals_timeline_free(fired);
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        annals_timeline *tl = tu_run(none[i]);
        if (tl->nev) fail_msg("%s found in: %s", tl->ev[0].type, none[i]);
        annals_timeline_free(tl);
    }
}

/* Subjects: the head of "X in Y", the first subject of coordinated verbs,
 * the sufferer of a passive, and no one when the subject is a place. */
static void test_subjects(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("U.S. Forces in Afghanistan struck a tunnel complex of the Islamic State.");
    const tl_event *e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_true(has_party(e->actors, e->nactors, "U.S. Forces", "USA"));
    assert_false(has_party(e->actors, e->nactors, "Afghanistan", "AFG"));
    annals_timeline_free(tl);
    tl = tu_run("Officials said government forces had pushed the Taliban back and finally regained control of the district.");
    e = tu_first(tl, "seizure");
    assert_non_null(e);
    assert_true(has_kind(e->actors, e->nactors, "government forces", "organisation"));
    assert_false(has_party(e->actors, e->nactors, "Taliban", ""));
    annals_timeline_free(tl);
    tl = tu_run("Three Americans have been detained by North Korea.");
    e = tu_first(tl, "arrest");
    assert_non_null(e);
    assert_true(has_party(e->actors, e->nactors, "North Korea", "PRK"));
    assert_true(has_kind(e->targets, e->ntargets, "Americans", "group"));
    annals_timeline_free(tl);
    tl = tu_run("After years of war, the Spin Boldak district was captured by the Taliban.");
    e = tu_first(tl, "seizure");
    assert_non_null(e);
    assert_int_equal(e->ntargets, 0);
    assert_true(e->has_location);
    annals_timeline_free(tl);
}

/* Names no gazetteer lists become persons or organisations; a surname
 * followed by another capitalised word is a first name ("Graham Brady"). */
static void test_unlisted_names(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Theresa May resigned after a meeting with Graham Brady on Friday.");
    const tl_event *e = tu_first(tl, "meeting");
    assert_non_null(e);
    assert_true(has_kind(e->targets, e->ntargets, "Graham Brady", "person"));
    assert_false(has_party(e->targets, e->ntargets, "Lindsey Graham", "USA"));
    annals_timeline_free(tl);
    tl = tu_run("The leader of the house, Andrea Leadsom, resigned on Wednesday.");
    e = tu_first(tl, "leadership_change");
    assert_non_null(e);
    assert_true(has_kind(e->actors, e->nactors, "Andrea Leadsom", "person"));
    annals_timeline_free(tl);
    tl = tu_run("A man was arrested by Kent Police in the port of Dover.");
    e = tu_first(tl, "arrest");
    assert_non_null(e);
    assert_true(has_kind(e->actors, e->nactors, "Kent Police", "organisation"));
    annals_timeline_free(tl);
    tl = tu_run("He said that Kent police arrested a man.");
    e = tu_first(tl, "arrest");
    assert_non_null(e);
    assert_true(has_kind(e->actors, e->nactors, "Kent police", "organisation"));
    annals_timeline_free(tl);
    /* a weekday is no part of a name */
    tl = tu_run("He said Tuesday police arrested a man.");
    e = tu_first(tl, "arrest");
    assert_non_null(e);
    assert_true(has_kind(e->actors, e->nactors, "police", "organisation"));
    annals_timeline_free(tl);
    /* talking to the press is no meeting */
    tl = tu_run("The commander spoke to The New York Times on Monday.");
    assert_null(tu_first(tl, "meeting"));
    annals_timeline_free(tl);
}

/* Triggers that name their parties: "Brexit" is Britain leaving the EU,
 * but not in "Brexit deal". */
static void test_named_parties(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("She said she could not deliver Brexit.");
    const tl_event *e = tu_first(tl, "withdrawal");
    assert_non_null(e);
    assert_true(has_party(e->actors, e->nactors, "United Kingdom", "GBR"));
    assert_string_equal(e->targets[0].name, "European Union");
    annals_timeline_free(tl);
    tl = tu_run("Parliament rejected the Brexit deal again.");
    assert_null(tu_first(tl, "withdrawal"));
    annals_timeline_free(tl);
}

/* "he" stands for the person just named; "Cameron's EU summit" is
 * Cameron's; "met at the White House with" names whom he met. */
static void test_pronouns_and_owners(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Donald Trump criticised the agencies. He takes office next month.");
    const tl_event *e = tu_first(tl, "leadership_change");
    assert_non_null(e);
    assert_true(has_party(e->actors, e->nactors, "Donald Trump", "USA"));
    annals_timeline_free(tl);
    tl = tu_run("Markets fell after David Cameron's final EU summit in Brussels.");
    e = tu_first(tl, "meeting");
    assert_non_null(e);
    assert_true(has_party(e->actors, e->nactors, "David Cameron", "GBR"));
    assert_true(has_party(e->actors, e->nactors, "European Union", ""));
    annals_timeline_free(tl);
    tl = tu_run("Donald Trump met at the White House with Sergei Lavrov.");
    e = tu_first(tl, "meeting");
    assert_non_null(e);
    assert_true(has_party(e->targets, e->ntargets, "Sergei Lavrov", "RUS"));
    annals_timeline_free(tl);
    /* "who" takes the subject just before it, or none */
    tl = tu_run("Mark Esper broke with the president, who has threatened to deploy troops.");
    e = tu_first(tl, "threat");
    assert_non_null(e);
    assert_false(has_party(e->actors, e->nactors, "Mark Esper", "USA"));
    annals_timeline_free(tl);
    tl = tu_run("It was Vladimir Putin, who met Joe Biden in Geneva.");
    e = tu_first(tl, "meeting");
    assert_non_null(e);
    assert_true(has_party(e->actors, e->nactors, "Vladimir Putin", "RUS"));
    annals_timeline_free(tl);
    /* talks between leaders in person are a meeting; with states, talks */
    tl = tu_run("John Kerry held talks with Vladimir Putin in Moscow.");
    assert_non_null(tu_first(tl, "meeting"));
    assert_null(tu_first(tl, "talks"));
    annals_timeline_free(tl);
    tl = tu_run("Joe Biden held talks with Kazakhstan and Uzbekistan.");
    assert_non_null(tu_first(tl, "talks"));
    annals_timeline_free(tl);
    /* plural groups take a plural verb in summaries */
    tl = tu_run("Government forces retook the district of Kunduz.");
    e = tu_first(tl, "seizure");
    assert_non_null(e);
    assert_string_equal(e->summary, "Government forces seize in Kunduz");
    annals_timeline_free(tl);
}

/* An undated event told right after a dated one takes its date; not
 * across a paragraph, and not when hypothetical. */
static void test_date_inheritance(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("U.S. commandos raided the compound on July 3. They arrested two men.");
    const tl_event *e = tu_first(tl, "arrest");
    assert_non_null(e);
    assert_true(e->has_date);
    assert_string_equal(e->date.value, "2021-07-03");
    annals_timeline_free(tl);
    tl = tu_run("U.S. commandos raided the compound on July 3.\n\nThey arrested two men.");
    e = tu_first(tl, "arrest");
    assert_non_null(e);
    assert_false(e->has_date);
    annals_timeline_free(tl);
    /* a background clause tells no news of that day */
    tl = tu_run("Taliban fighters seized Spin Boldak on July 14. It was their biggest gain while U.S. forces withdrew.");
    e = tu_first(tl, "withdrawal");
    assert_non_null(e);
    assert_false(e->has_date);
    annals_timeline_free(tl);
    /* "May's promise" is Theresa May's, not a month */
    tl = tu_run("Theresa May's promise of a second referendum was rejected.");
    e = tu_first(tl, "election");
    assert_non_null(e);
    assert_false(e->has_date);
    annals_timeline_free(tl);
}

/* A run of sentences, each of which must hold an event of a type whose
 * first actor (NULL: none) and first target (NULL: any) are as given. */
struct expect { const char *text, *type, *actor, *target, *modality; };

static void check(const struct expect *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        annals_timeline *tl = tu_run(c[i].text);
        const tl_event *e = tu_first(tl, c[i].type);
        if (!e) fail_msg("no %s in: %s", c[i].type, c[i].text);
        if (c[i].actor && !has_party(e->actors, e->nactors, c[i].actor, e->nactors ? e->actors[0].country : ""))
            fail_msg("actor %s not in: %s", c[i].actor, c[i].text);
        if (!c[i].actor && e->nactors) fail_msg("actor %s in: %s", e->actors[0].name, c[i].text);
        if (c[i].target && !has_party(e->targets, e->ntargets, c[i].target, e->ntargets ? e->targets[0].country : ""))
            fail_msg("target %s not in: %s", c[i].target, c[i].text);
        if (c[i].modality && strcmp(e->modality, c[i].modality) != 0)
            fail_msg("%s, not %s, in: %s", e->modality, c[i].modality, c[i].text);
        annals_timeline_free(tl);
    }
}

/* Participants named as reports name them: the country's people for a
 * protest that names no one, a person's opponents for an "anti-" protest,
 * the person behind a possessive state, the subject before an aside, the
 * full name behind an acronym. */
static void test_participant_names(void **s)
{
    (void)s;
    static const struct expect c[] = {
        {"Deadly protests spread across India against a new law.", "protest",
         "Indian protesters", NULL, NULL},
        {"More anti-Morsi protests are expected in Cairo today.", "protest", "Morsi opponents",
         "Mohamed Morsi", NULL},
        {"Pressure builds on Egypt's Morsi to step down.", "leadership_change", "Mohamed Morsi",
         NULL, NULL},
        {"Several top Russian officials \xE2\x80\x94 including Prime Minister Dmitry Medvedev "
         "\xE2\x80\x94 submitted resignations on Monday.", "leadership_change", "Russia", NULL, NULL},
        {"Leaders gathered for the G20 summit last July.", "meeting", "Group of 20", NULL, NULL},
        /* "if" opens a clause of its own: Israel is not the one toppling */
        {"Rebels may turn toward Israel if they topple Assad.", "leadership_change", NULL, NULL,
         NULL},
        /* "Saudi-led": the leader is named inside the word */
        {"Saudi-led forces bombed a port on Monday.", "attack", "Saudi-led forces", NULL, NULL},
        {"The NATO-led mission withdrew from Kabul.", "withdrawal", "NATO", NULL, NULL},
        /* an acronym keeps its capitals before a possessive */
        {"Russia attacked ISIL's bases near Raqqa.", "attack", "Russia", "Islamic State", NULL},
        /* "it" is the clause's first subject, not the nearest name */
        {"Ankara blamed forces backed by Moscow, and on Sunday it announced a military "
         "operation against them.", "attack", "Turkey", NULL, NULL},
        /* an office after a demonym is the person named before who holds it */
        {"Sergei Lavrov arrived on Monday. The Russian foreign minister met Antony Blinken.",
         "meeting", "Sergei Lavrov", "Antony Blinken", NULL},
        {"Bashar al-Assad spoke. Officials said the Syrian leader was about to be overthrown.",
         "leadership_change", NULL, "Bashar al-Assad", NULL},
        /* "his" stands for the last person named when he owns the act */
        {"Barack Obama spoke on Tuesday. His red line on Syria was crossed.", "threat",
         "Barack Obama", NULL, NULL},
    };
    check(c, sizeof c / sizeof c[0]);
    annals_timeline *tl = tu_run("Several top Russian officials \xE2\x80\x94 including Prime Minister "
                              "Dmitry Medvedev \xE2\x80\x94 submitted resignations on Monday.");
    const tl_event *e = tu_first(tl, "leadership_change");
    assert_true(has_party(e->actors, e->nactors, "Dmitry Medvedev", "RUS"));
    annals_timeline_free(tl);
    /* "Thursday's" is a day, not a name; the owner of "his capture" suffers it */
    tl = tu_run("Voters head to Thursday\xE2\x80\x99s European elections.");
    e = tu_first(tl, "election");
    assert_non_null(e);
    assert_int_equal(e->nactors, 0);
    annals_timeline_free(tl);
    /* a state does not act on itself; with no one named, the state acts */
    tl = tu_run("Iraqi soldiers on Friday attacked north from Baghdad to Beiji.");
    e = tu_first(tl, "attack");
    assert_non_null(e);
    assert_int_equal(e->ntargets, 0);
    annals_timeline_free(tl);
    tl = tu_run("The Russian president met Joe Biden.");
    e = tu_first(tl, "meeting");
    assert_true(has_party(e->actors, e->nactors, "Russia", "RUS"));
    annals_timeline_free(tl);
    tl = tu_run("Vladimir Putin spoke. A reward led to his capture.");
    e = tu_first(tl, "seizure");
    if (e) assert_false(has_party(e->actors, e->nactors, "Vladimir Putin", "RUS"));
    annals_timeline_free(tl);
}

/* Talks, agreements and threats in the idioms news uses for them, and the
 * senses that are none. */
static void test_idioms(void **s)
{
    (void)s;
    static const struct expect c[] = {
        {"Bashar al-Assad must come to the negotiating table.", "talks", "Bashar al-Assad", NULL,
         NULL},
        {"Britain is negotiating its divorce from the European Union.", "talks", "United Kingdom",
         "European Union", NULL},
        {"The opposition is refusing to talk to the Egyptian army.", "talks", "opposition", NULL,
         "negated"},
        {"Argentina did not come to an agreement with Britain.", "agreement", "Argentina",
         "United Kingdom", "negated"},
        {"Schools closed after a bomb threat on Tuesday.", "threat", NULL, NULL, NULL},
        {"Donald Trump said he would totally destroy the economy of Turkey.", "threat",
         "Donald Trump", NULL, "asserted"},
        {"Donald Trump said he would \"totally destroy\" the economy of Turkey.", "threat",
         "Donald Trump", NULL, "asserted"},
        {"Kenneth Bae has been held since November 2012.", "arrest", NULL, "Kenneth Bae", NULL},
        /* the name an appositive describes, not the appositive */
        {"Kenneth Bae, a Korean-American missionary, has been held since 2012.", "arrest", NULL,
         "Kenneth Bae", NULL},
        {"Russia and China urged Iran to open talks on a new deal.", "talks", "Iran", NULL, NULL},
        {"Fierce fighting raged in Kobani on Friday.", "attack", NULL, NULL, NULL},
        {"Turkey began military operations against the Kurdish militia.", "attack", "Turkey",
         NULL, NULL},
    };
    check(c, sizeof c / sizeof c[0]);
    const char *none[] = {"He faces what they see as a threatened takeover.",
                          "The meeting was held in Geneva since it was neutral.",
                          "Russia offered election help to Serbia."};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        annals_timeline *tl = tu_run(none[i]);
        for (size_t k = 0; k < tl->nev; k++)
            if (!strcmp(tl->ev[k].type, "threat") || !strcmp(tl->ev[k].type, "election") ||
                !strcmp(tl->ev[k].type, "arrest"))
                fail_msg("%s found in: %s", tl->ev[k].type, none[i]);
        annals_timeline_free(tl);
    }
}

/* "the U.S. president and the North Korean leader": a list of two, the
 * states acting when no one holding the office was named. */
static void test_coordinated_offices(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("The U.S. president and the North Korean leader shook hands on Tuesday.");
    const tl_event *e = tu_first(tl, "meeting");
    assert_non_null(e);
    assert_true(has_party(e->actors, e->nactors, "United States", "USA"));
    assert_true(has_party(e->actors, e->nactors, "North Korea", "PRK"));
    annals_timeline_free(tl);
}

/* A state leaving a treaty is a withdrawal (event-types.md). */
static void test_leaving_a_treaty(void **s)
{
    (void)s;
    const char *texts[] = {"Washington walked out of the nuclear accord on May 8.",
                           "Trump pulled the United States out of the 2015 nuclear deal on Tuesday.",
                           "Washington's departure from the accord came in May."};
    for (int i = 0; i < 3; i++) {
        annals_timeline *tl = tu_run(texts[i]);
        const tl_event *e = tu_first(tl, "withdrawal");
        if (!e) fprintf(stderr, "no withdrawal in: %s\n", texts[i]);
        assert_non_null(e);
        assert_true(e->nactors >= 1);
        assert_string_equal(e->actors[0].country, "USA");
        annals_timeline_free(tl);
    }
}


/* a box of other stories' headlines run into the text after a name, up
 * to "MORE", tells no event; the sentence around it still does */
static void test_headline_box(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Senator Jane Doughty Jane Alice DoughtyRebels seize airport in the north "
                              "Minister threatens to resign MORE said on Monday that troops "
                              "were deployed to the port.");
    assert_null(tu_first(tl, "seizure"));
    assert_null(tu_first(tl, "leadership_change"));
    assert_non_null(tu_first(tl, "deployment"));
    annals_timeline_free(tl);
    /* a name like McKenzie, and "READ MORE", open and close no box */
    tl = tu_run("Gen. McKenzie said rebels seized the airport READ MORE about it.");
    assert_non_null(tu_first(tl, "seizure"));
    annals_timeline_free(tl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_types_table), cmocka_unit_test(test_active_and_participants),
        cmocka_unit_test(test_passive_and_lists), cmocka_unit_test(test_modality),
        cmocka_unit_test(test_suppressions), cmocka_unit_test(test_stable_ids_and_sort),
        cmocka_unit_test(test_no_events_option), cmocka_unit_test(test_coordinated_offices),
        cmocka_unit_test(test_leaving_a_treaty), cmocka_unit_test(test_group_participants),
        cmocka_unit_test(test_places_are_not_parties), cmocka_unit_test(test_more_triggers),
        cmocka_unit_test(test_subjects), cmocka_unit_test(test_unlisted_names),
        cmocka_unit_test(test_named_parties), cmocka_unit_test(test_pronouns_and_owners),
        cmocka_unit_test(test_date_inheritance), cmocka_unit_test(test_participant_names),
        cmocka_unit_test(test_idioms), cmocka_unit_test(test_headline_box)};
    return cmocka_run_group_tests_name("event", tests, tu_setup, tu_teardown);
}
