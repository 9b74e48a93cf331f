/* The event stage: triggers, voice, participants from the trigger's own
 * clause, location, modality, suppression, summary, ids. */
#include "testutil.h"
#include "annals/annals.h"
#include "event/event.h"
#include "timeline/timeline.h"

static annals_grammars *G;

static annals_timeline *run(const char *text)
{
    annals_timeline *tl = annals_timeline_new();
    annals_options o;
    annals_options_init(&o);
    o.dct = "2021-07-18";
    annals_error err;
    annals_article a = {.id = "t", .text = text, .text_len = strlen(text)};
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), 0);
    return tl;
}

/* The first event of the given type, or NULL. */
static const tl_event *first(const annals_timeline *tl, const char *type)
{
    for (size_t i = 0; i < tl->nev; i++)
        if (strcmp(tl->ev[i].type, type) == 0) return &tl->ev[i];
    return NULL;
}

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
    annals_timeline *tl = run("Russian President Vladimir Putin met U.S. counterpart Joe Biden in Geneva, Switzerland, on June 16.");
    const tl_event *e = first(tl, "meeting");
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
    annals_timeline *tl = run("The district was captured by the Taliban. Officials held talks with Kazakhstan, Tajikistan, and Uzbekistan.");
    const tl_event *e = first(tl, "seizure");
    assert_non_null(e);
    assert_true(has_party(e->actors, e->nactors, "Taliban", "AFG"));
    e = first(tl, "talks");
    assert_non_null(e);
    assert_int_equal(e->ntargets, 3);
    assert_true(has_party(e->targets, e->ntargets, "Uzbekistan", "UZB"));
    annals_timeline_free(tl);
}

static void test_modality(void **s)
{
    (void)s;
    annals_timeline *tl = run("Russia did not withdraw its troops.");
    assert_string_equal(first(tl, "withdrawal")->modality, "negated");
    annals_timeline_free(tl);
    tl = run("Preparations are underway to evacuate up to 50,000 Afghans.");
    assert_string_equal(first(tl, "evacuation")->modality, "planned");
    annals_timeline_free(tl);
    tl = run("Washington could impose sanctions on Iran.");
    assert_string_equal(first(tl, "sanctions")->modality, "hypothetical");
    annals_timeline_free(tl);
    tl = run("The summit ended with no deal.");
    assert_string_equal(first(tl, "agreement")->modality, "negated");
    annals_timeline_free(tl);
    tl = run("Turkey will deploy troops to Libya.");
    assert_string_equal(first(tl, "deployment")->modality, "planned");
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
        "He suffered a heart attack."};
    for (int i = 0; i < 5; i++) {
        annals_timeline *tl = run(not_events[i]);
        if (tl->nev) fprintf(stderr, "unexpected %s in: %s\n", tl->ev[0].type, not_events[i]);
        assert_int_equal(tl->nev, 0);
        annals_timeline_free(tl);
    }
}

static void test_stable_ids_and_sort(void **s)
{
    (void)s;
    annals_timeline *a = run("Taliban fighters seized the crossing. Russia offered bases.");
    annals_timeline *b = run("Taliban fighters seized the crossing. Russia offered bases.");
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
        cmocka_unit_test(test_types_table), cmocka_unit_test(test_active_and_participants),
        cmocka_unit_test(test_passive_and_lists), cmocka_unit_test(test_modality),
        cmocka_unit_test(test_suppressions), cmocka_unit_test(test_stable_ids_and_sort)};
    return cmocka_run_group_tests_name("event", tests, setup, teardown);
}
