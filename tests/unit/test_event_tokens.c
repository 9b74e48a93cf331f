/* The event stage's token tests (word, word list, clause break, not a
 * name), which its fast paths must answer as a plain case-insensitive
 * comparison would. Our own invented sentences. */
#include "testutil.h"
#include "doc/doc.h"
#include "event/ev_party.h"
#include "event/ev_names.h"

static dc_doc D;
static ar_arena A;

static void build(const char *text)
{
    ar_init(&A, 4096);
    assert_int_equal(dc_build(&D, &A, text, strlen(text)), 0);
}

/* The index of the first token spelled w (exactly), or fail. */
static uint32_t at(const char *w)
{
    for (uint32_t t = 0; t < D.ntok; t++)
        if (D.tok[t].end - D.tok[t].start == strlen(w) &&
            memcmp(D.text + D.tok[t].start, w, strlen(w)) == 0)
            return t;
    fail_msg("no token %s", w);
    return 0;
}

static void test_tok_eq(void **s)
{
    (void)s;
    build("BUT the Envoys met Thebes officials.");
    assert_true(ev_tok_eq(&D, at("BUT"), "but"));
    assert_true(ev_tok_eq(&D, at("Envoys"), "envoys"));
    assert_false(ev_tok_eq(&D, at("Envoys"), "envoy"));   /* a prefix of the token */
    assert_false(ev_tok_eq(&D, at("Envoys"), "envoyss")); /* the token a prefix */
    assert_false(ev_tok_eq(&D, at("the"), "Thebes"));
    assert_false(ev_tok_eq(&D, at("met"), ""));
    ar_free(&A);
}

static void test_tok_in(void **s)
{
    (void)s;
    static const char *const w[] = {"thebes", "then", "THE", "met", NULL};
    static const char *const none[] = {NULL};
    build("The envoy Met them at dawn.");
    assert_true(ev_tok_in(&D, at("The"), w));
    assert_true(ev_tok_in(&D, at("Met"), w));
    assert_false(ev_tok_in(&D, at("them"), w)); /* same first letter, other words */
    assert_false(ev_tok_in(&D, at("dawn"), w));
    assert_false(ev_tok_in(&D, at("The"), none));
    ar_free(&A);
}

static void test_clause_break(void **s)
{
    (void)s;
    build("Troops left; WHEN envoys came (briefly) -- Unless told -- x-ray, after, Butter.");
    const char *yes[] = {";", "WHEN", "(", ")", "Unless", "after"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(ev_clause_break(&D, at(yes[i])));
    const char *no[] = {"Troops", "envoys", "came", "told", "Butter", ","};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(ev_clause_break(&D, at(no[i])));
    /* the dash between spaces breaks; the hyphen inside x-ray does not */
    uint32_t dash = at("Unless") - 1;
    assert_true(ev_clause_break(&D, dash));
    ar_free(&A);
    build("Envoys \xE2\x80\x94 and troops \xE2\x80\x9C left\xE2\x80\x9D.");
    assert_true(ev_clause_break(&D, at("\xE2\x80\x94")));
    assert_true(ev_clause_break(&D, at("\xE2\x80\x9C")));
    assert_true(ev_clause_break(&D, at("\xE2\x80\x9D")));
    assert_false(ev_clause_break(&D, at("and")));
    ar_free(&A);
}

static void test_not_name(void **s)
{
    (void)s;
    build("On Thursday's march North Tulsa Council met Marcy Nortbrook.");
    assert_true(ev_not_name(&D, at("On")));
    assert_true(ev_not_name(&D, at("Thursday's"))); /* the possessive stays out */
    assert_true(ev_not_name(&D, at("North")));
    assert_false(ev_not_name(&D, at("Tulsa")));
    assert_false(ev_not_name(&D, at("Marcy")));     /* starts like March */
    assert_false(ev_not_name(&D, at("Nortbrook"))); /* starts like North */
    ar_free(&A);
}

/* a party's name and country are copied, cut to fit as snprintf cut them */
static void test_set_party(void **s)
{
    (void)s;
    party p;
    char longname[300];
    memset(longname, 'w', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    ev_set_party(&p, 2, 4, longname, NULL, "person");
    assert_int_equal(strlen(p.name), sizeof p.name - 1);
    assert_ptr_equal(p.p.name, p.name);
    assert_string_equal(p.p.country, "");
    ev_set_party(&p, 2, 4, "Orla Vant", "XQZW", "person");
    assert_string_equal(p.name, "Orla Vant");
    assert_string_equal(p.p.country, "XQZ");
    assert_int_equal(p.t0, 2);
    assert_int_equal(p.t1, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tok_eq), cmocka_unit_test(test_tok_in),
        cmocka_unit_test(test_clause_break), cmocka_unit_test(test_not_name),
        cmocka_unit_test(test_set_party),
    };
    return cmocka_run_group_tests_name("event_tokens", tests, NULL, NULL);
}
