/* The event pass's fast paths give what the plain ways gave: event ids
 * hashed without printf (long document ids too), sentences copied without
 * the UTF-8 check when ASCII, the home country counted in one pass (more
 * countries than its list on the stack too). Our own invented texts. */
#include "testutil.h"
#include "annals/annals.h"
#include "event/event.h"
#include "event/ev_group.h"
#include "timeline/timeline.h"
#include "util/strmap.h"

TU_GRAMMARS
#include "tu_extract.h"

/* The event ids of text extracted as document id. */
static annals_timeline *run_as(const char *id, const char *text)
{
    annals_timeline *tl = annals_timeline_new();
    assert_non_null(tl);
    annals_options o;
    annals_options_init(&o);
    o.dct = "2021-07-18";
    annals_error err;
    annals_article a = {.id = id, .text = text, .text_len = strlen(text)};
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), 0);
    return tl;
}

/* The id as it was printed: "%s:%u:%s" into 600 bytes, hashed, in hex. */
static void printed_id(char out[20], const char *doc, unsigned start, const char *type)
{
    char buf[600];
    snprintf(buf, sizeof buf, "%s:%u:%s", doc, start, type);
    snprintf(out, 20, "ev-%016llx", (unsigned long long)sm_hash(buf, strlen(buf)));
}

static void check_ids(const char *doc)
{
    const char *text = "Rebels attacked the town of Qarvel on Monday.";
    annals_timeline *tl = run_as(doc, text);
    const tl_event *e = tu_first(tl, "attack");
    assert_non_null(e);
    const char *trig = e->mentions[0].trigger;
    char want[20];
    printed_id(want, doc, (unsigned)(strstr(text, trig) - text), "attack");
    assert_string_equal(e->id, want);
    annals_timeline_free(tl);
}

static void test_event_ids(void **s)
{
    (void)s;
    check_ids("d1");
    check_ids("report-\xC3\xA9t\xC3\xA9");
    /* a document id longer than the 600 bytes the key was cut to */
    char longid[700];
    memset(longid, 'k', sizeof longid - 1);
    longid[sizeof longid - 1] = '\0';
    check_ids(longid);
    longid[596] = '\0'; /* the cut inside the offset */
    check_ids(longid);
}

/* ASCII sentences are copied as they are; others made valid UTF-8 */
static void test_mention_text(void **s)
{
    (void)s;
    annals_timeline *tl = tu_run("Rebels attacked Qarvel\tyesterday. "
                                 "Rebels attacked \xC3\x89lor \xFF town on Monday.");
    assert_int_equal(tl->nev >= 2, 1);
    const tl_event *a = tu_by_trigger(tl, "attacked");
    assert_non_null(a);
    int plain = 0, fixed = 0;
    for (size_t i = 0; i < tl->nev; i++) {
        const char *t = tl->ev[i].mentions[0].sentence;
        plain |= strcmp(t, "Rebels attacked Qarvel yesterday.") == 0;
        fixed |= strcmp(t, "Rebels attacked \xC3\x89lor \xEF\xBF\xBD town on Monday.") == 0;
    }
    assert_true(plain);
    assert_true(fixed);
    annals_timeline_free(tl);
}

/* tl_strdup skips the ASCII it begins with: what follows is still
 * checked, an invalid byte there made U+FFFD */
static void test_strdup_ascii_prefix(void **s)
{
    (void)s;
    annals_timeline *tl = annals_timeline_new();
    assert_non_null(tl);
    assert_string_equal(tl_strdup(tl, "plain words", 11), "plain words");
    assert_string_equal(tl_strdup(tl, "", 0), "");
    assert_string_equal(tl_strdup(tl, "caf\xC3\xA9 open", 10), "caf\xC3\xA9 open");
    assert_string_equal(tl_strdup(tl, "bad \xFF byte", 10), "bad \xEF\xBF\xBD byte");
    /* a sequence cut by n is invalid, though the bytes go on */
    assert_string_equal(tl_strdup(tl, "cut \xC3\xA9", 5), "cut \xEF\xBF\xBD");
    assert_string_equal(tl_strdup(tl, "\xE2\x80\x94 dash", 8), "\xE2\x80\x94 dash");
    /* past the eight bytes taken at a time */
    assert_string_equal(tl_strdup(tl, "sixteen bytes ok caf\xC3\xA9", 22), "sixteen bytes ok caf\xC3\xA9");
    assert_string_equal(tl_strdup(tl, "eight by\xFFtes", 13), "eight by\xEF\xBF\xBDtes");
    assert_string_equal(tl_strdup(tl, "nine byte\xFF", 10), "nine byte\xEF\xBF\xBD");
    annals_timeline_free(tl);
}

/* n mentions of country entries, codes given */
static void home_of(const char *const *codes, size_t n, char iso3[4], int *found)
{
    static gz_entry e[200];
    static gz_mention m[200];
    assert_true(n <= 200);
    for (size_t i = 0; i < n; i++) {
        memset(&e[i], 0, sizeof e[i]);
        e[i].name = "x";
        e[i].cls = GZ_COUNTRY;
        snprintf(e[i].country, sizeof e[i].country, "%s", codes[i]);
        memset(&m[i], 0, sizeof m[i]);
        m[i].tok0 = (uint32_t)i;
        m[i].ntok = 1;
        m[i].e = &e[i];
    }
    iso3[0] = '\0';
    *found = ev_home_country(m, n, iso3);
}

static void test_home_country(void **s)
{
    (void)s;
    char iso3[4];
    int found;
    const char *lead[] = {"QQA", "QQB", "QQA", "QQA"};
    home_of(lead, 4, iso3, &found);
    assert_true(found);
    assert_string_equal(iso3, "QQA");
    /* three times the next is needed: 3 against 2 is no lead */
    const char *close[] = {"QQB", "QQA", "QQB", "QQA", "QQA"};
    home_of(close, 5, iso3, &found);
    assert_false(found);
    /* 100 countries named once, then one named three times */
    static char codes[103][4];
    const char *many[103];
    for (int i = 0; i < 100; i++) {
        codes[i][0] = 'Q';
        codes[i][1] = (char)('0' + i / 10);
        codes[i][2] = (char)('0' + i % 10);
        codes[i][3] = '\0';
        many[i] = codes[i];
    }
    for (int i = 100; i < 103; i++) many[i] = "QZZ";
    home_of(many, 103, iso3, &found);
    assert_true(found);
    assert_string_equal(iso3, "QZZ");
    many[102] = "Q99"; /* two against two */
    home_of(many, 103, iso3, &found);
    assert_false(found);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_event_ids), cmocka_unit_test(test_mention_text),
        cmocka_unit_test(test_home_country), cmocka_unit_test(test_strdup_ascii_prefix),
    };
    return cmocka_run_group_tests_name("event_fast", tests, tu_setup, tu_teardown);
}
