/* The gazetteers: loading TSV, finding names by longest match. */
#include "testutil.h"
#include "lib/grammars.h"

TU_GRAMMARS

/* The names gazetteer g finds in text, joined by '|': as "name/CTRY/class"
 * or, with shape, as "name/tokens" (and /sur for a surname alone); a
 * possessive adds "/poss". */
static const char *found_as(const gz_gazetteer *g, const char *text, int shape)
{
    static char out[2048];
    ar_arena a;
    ar_init(&a, 8192);
    dc_doc d;
    assert_int_equal(dc_build(&d, &a, text, strlen(text)), 0);
    gz_mention *m;
    size_t n;
    assert_int_equal(gz_find(g, &d, &a, &m, &n), 0);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        char one[200];
        if (shape)
            snprintf(one, sizeof one, "%s%s/%u%s%s", i ? "|" : "", m[i].e->name, m[i].ntok,
                     m[i].poss ? "/poss" : "", m[i].by_surname ? "/sur" : "");
        else
            snprintf(one, sizeof one, "%s%s/%s/%d%s", i ? "|" : "", m[i].e->name,
                     m[i].e->country, m[i].e->cls, m[i].poss ? "/poss" : "");
        strncat(out, one, sizeof out - strlen(out) - 1);
    }
    ar_free(&a);
    return out;
}

static const char *names(const char *text) { return found_as(&G->gaz, text, 0); }

/* The text of a document is not NUL-terminated: a surname near its very
 * end must not be compared past it (fuzz_extract found a read of 3 bytes
 * after "Putin a"; the sanitizer build catches a regression). */
static void test_text_end(void **s)
{
    (void)s;
    const char *src = "Trump and Putin a";
    size_t n = strlen(src);
    char *text = malloc(n); /* exactly the text: no terminator */
    assert_non_null(text);
    memcpy(text, src, n);
    ar_arena a;
    ar_init(&a, 8192);
    dc_doc d;
    assert_int_equal(dc_build(&d, &a, text, n), 0);
    gz_mention *m;
    size_t nm;
    assert_int_equal(gz_find(&G->gaz, &d, &a, &m, &nm), 0);
    assert_true(nm >= 2);
    ar_free(&a);
    free(text);
}

static void test_builtin_loaded(void **s)
{
    (void)s;
    assert_true(G->gaz.n > 3000);
    const gz_entry *usa = gz_country(&G->gaz, "USA");
    assert_non_null(usa);
    assert_string_equal(usa->name, "United States");
    assert_null(gz_country(&G->gaz, "ZZZ"));
}

static void test_longest_match(void **s)
{
    (void)s;
    /* classes: 1 person, 2 org, 3 country, 4 capital, 5 demonym, 6 place, 7 title */
    assert_string_equal(names("Russian President Vladimir Putin met Joe Biden in Geneva, Switzerland."),
                        "Russia/RUS/5|President//7|Vladimir Putin/RUS/1|Joe Biden/USA/1|Geneva/CHE/6|Switzerland/CHE/3");
    assert_string_equal(names("The Kremlin and the White House spoke."),
                        "Kremlin/RUS/2|White House/USA/2");
    assert_string_equal(names("Taliban fighters seized Spin Boldak."),
                        "Taliban/AFG/2|Spin Boldak/AFG/6");
    assert_string_equal(names("Russia's offer to the U.S. was noted."),
                        "Russia/RUS/3/poss|United States/USA/3");
}

/* A surname followed by another capitalised word is a first name: "Graham
 * Brady" is not Lindsey Graham. */
static void test_first_names(void **s)
{
    (void)s;
    assert_string_equal(names("May met Graham Brady on Friday."), "");
    assert_string_equal(names("Lindsey Graham spoke. Later Graham left."),
                        "Lindsey Graham/USA/1|Lindsey Graham/USA/1");
}

/* gz_lookup: a name or alias to its entry, as event rules name parties. */
static void test_lookup(void **s)
{
    (void)s;
    const gz_entry *e = gz_lookup(&G->gaz, "Britain");
    assert_non_null(e);
    assert_string_equal(e->name, "United Kingdom");
    e = gz_lookup(&G->gaz, "european union");
    assert_non_null(e);
    assert_string_equal(e->name, "European Union");
    /* acronyms resolve to the full canonical name, as reports spell it out */
    e = gz_lookup(&G->gaz, "G7");
    assert_non_null(e);
    assert_string_equal(e->name, "Group of 7");
    e = gz_lookup(&G->gaz, "G-20");
    assert_non_null(e);
    assert_string_equal(e->name, "Group of 20");
    e = gz_lookup(&G->gaz, "AQAP");
    assert_non_null(e);
    assert_string_equal(e->name, "al-Qaeda in the Arabian Peninsula");
    assert_null(gz_lookup(&G->gaz, "Atlantis"));
    assert_null(gz_lookup(&G->gaz, ""));
}

static void test_case_and_surnames(void **s)
{
    (void)s;
    /* "us" the pronoun is not the United States; "US" is */
    assert_string_equal(names("Tell us about US policy."), "United States/USA/3");
    /* a surname after the full name is the same person */
    assert_string_equal(names("Vladimir Putin spoke. Later Putin left."),
                        "Vladimir Putin/RUS/1|Vladimir Putin/RUS/1");
    /* al-Qaeda is written in lower case */
    assert_string_equal(names("Fighters of al-Qaeda attacked."), "al-Qaeda//2");
}

static void test_load_errors(void **s)
{
    (void)s;
    gz_gazetteer g;
    annals_error err;
    gz_init(&g);
    const char bad[] = "# iso3\tname\taliases\tdemonyms\tcapital\nRUS\tRussia\n";
    assert_int_equal(gz_load(&g, "x/countries.tsv", "countries.tsv", bad, sizeof bad - 1, &err), -1);
    assert_string_equal(err.message, "x/countries.tsv:2: 2 columns, expected 5");
    const char code[] = "RUSSIA\tRussia\t\t\t\n";
    assert_int_equal(gz_load(&g, "c.tsv", "countries.tsv", code, sizeof code - 1, &err), -1);
    assert_non_null(strstr(err.message, "c.tsv:1: 'RUSSIA' is not an ISO alpha-3 code"));
    assert_int_equal(gz_load(&g, "notes.tsv", "notes.tsv", "anything", 8, &err), 0);
    gz_free(&g);
}


/* Names are keyed by their tokens, plain ones (letters, digits, single
 * spaces) without the tokenizer: both kinds must key as the text's tokens
 * do, first words and name lengths included. Invented places. */
static void test_name_keys(void **s)
{
    (void)s;
    gz_gazetteer g;
    annals_error err;
    gz_init(&g);
    const char tsv[] = "Varno Keld\tXVK\tcity\tVK9|Keld  Varno\n"
                       "St. Orrin-by-Sea\tXSO\ttown\tOrrin's Bay\n"
                       "7th Harl District\tXHD\tdistrict\tHarl 7\n"
                       "Lume\tXLU\tcity\t\n";
    assert_int_equal(gz_load(&g, "t/places.tsv", "places.tsv", tsv, sizeof tsv - 1, &err), 0);
    const char *hits[][2] = {{"varno keld", "Varno Keld"}, {"VARNO   KELD", "Varno Keld"},
                             {"vk9", "Varno Keld"}, {"Keld Varno", "Varno Keld"},
                             {"st. orrin-by-sea", "St. Orrin-by-Sea"},
                             {"Orrin's Bay", "St. Orrin-by-Sea"},
                             {"7TH harl district", "7th Harl District"},
                             {"harl 7", "7th Harl District"}, {"Lume", "Lume"}};
    for (size_t i = 0; i < sizeof hits / sizeof *hits; i++) {
        const gz_entry *e = gz_lookup(&g, hits[i][0]);
        assert_non_null(e);
        assert_string_equal(e->name, hits[i][1]);
    }
    assert_null(gz_lookup(&g, "Varno"));
    assert_null(gz_lookup(&g, "Keld Varno Keld"));
    assert_int_equal(g.maxtok, 3); /* "St", ".", "Orrin-by-Sea"; "7th", "Harl", "District" */
    /* in a text: the longest name at each word */
    ar_arena a;
    ar_init(&a, 8192);
    dc_doc d;
    const char *text = "Troops left Varno Keld for 7th Harl District and Lume.";
    assert_int_equal(dc_build(&d, &a, text, strlen(text)), 0);
    gz_mention *m;
    size_t n;
    assert_int_equal(gz_find(&g, &d, &a, &m, &n), 0);
    assert_int_equal(n, 3);
    assert_string_equal(m[0].e->name, "Varno Keld");
    assert_int_equal(m[0].ntok, 2);
    assert_string_equal(m[1].e->name, "7th Harl District");
    assert_int_equal(m[1].ntok, 3);
    assert_string_equal(m[2].e->name, "Lume");
    ar_free(&a);
    gz_free(&g);
}

/* The names of a text found from one key per word: a shorter name is a
 * prefix of the longest that may start there. Surnames: one person's,
 * two people's. Invented names. */
static const char *found(const gz_gazetteer *g, const char *text) { return found_as(g, text, 1); }

static void test_prefix_names(void **s)
{
    (void)s;
    gz_gazetteer g;
    annals_error err;
    gz_init(&g);
    const char orgs[] = "Varno Keld\t\tcity\tXVK\n"
                        "Varno Keld River Authority\tVKRA\tagency\tXVK\n"
                        "al-Dumar Front\tDumar Front\tarmed_group\tXVK\n";
    const char people[] = "Tamsin Orrowby\t\tXVK\tMayor\n"
                          "Ivo Brannick\t\tXVK\tJudge\n"
                          "Lena Brannick\t\tXVK\tMinister\n";
    assert_int_equal(gz_load(&g, "t/orgs.tsv", "orgs.tsv", orgs, sizeof orgs - 1, &err), 0);
    assert_int_equal(gz_load(&g, "t/people.tsv", "people.tsv", people, sizeof people - 1, &err), 0);
    assert_string_equal(found(&g, "The Varno Keld River flooded."), "Varno Keld/2");
    assert_string_equal(found(&g, "The Varno Keld River Authority's chief left."),
                        "Varno Keld River Authority/4/poss");
    assert_string_equal(found(&g, "Varno  Keld River Authority met."), ""); /* two spaces */
    assert_string_equal(found(&g, "Varno Keld's VKRA met."), "Varno Keld/2/poss|Varno Keld River Authority/1");
    /* a lower-case word starts only a name written so */
    assert_string_equal(found(&g, "Fighters of al-Dumar Front left varno keld."),
                        "al-Dumar Front/2");
    assert_string_equal(found(&g, "The dumar front left Al-Dumar Front."), "al-Dumar Front/2");
    /* a surname alone: the one person's, or of two a person in full first */
    assert_string_equal(found(&g, "Tamsin Orrowby spoke. Later Orrowby left."),
                        "Tamsin Orrowby/2|Tamsin Orrowby/1/sur");
    assert_string_equal(found(&g, "Lena Brannick spoke. Later Brannick left."),
                        "Lena Brannick/2|Lena Brannick/1/sur");
    assert_string_equal(found(&g, "Later Brannick left."), "Brannick/1/sur");
    gz_free(&g);
}

/* A surname several people bear, none named in full: a person of that
 * name, of their country when all share one (an al- before it counts as
 * the same name). Invented names. */
static void test_surname_country(void **s)
{
    (void)s;
    gz_gazetteer g;
    annals_error err;
    gz_init(&g);
    const char people[] = "Ivo Brannick\t\tXVK\tJudge\n"
                          "Lena Brannick\t\tXVK\tMinister\n"
                          "Omar al-Saddiq\t\tXVK\tGeneral\n"
                          "Rana Saddiq\t\tXQQ\tMinister\n"
                          "Dara el-Munif\t\tXQQ\tJudge\n"
                          "Sami Munif\t\tXQQ\tMayor\n"
                          "Tor Veliq\tTor Halvane\tXVK\tMayor\n"
                          "Ana Halvane\t\tXQQ\tMayor\n";
    assert_int_equal(gz_load(&g, "t/people.tsv", "people.tsv", people, sizeof people - 1, &err), 0);
    assert_string_equal(found_as(&g, "Later BRANNICK left.", 0), "BRANNICK/XVK/1");
    assert_string_equal(found_as(&g, "Later Saddiq left.", 0), "Saddiq//1");
    assert_string_equal(found_as(&g, "Later Munif left.", 0), "Munif/XQQ/1");
    /* an alias makes a surname shared; only canonical names give the country */
    assert_string_equal(found_as(&g, "Later Halvane left.", 0), "Halvane/XQQ/1");
    gz_free(&g);
}

/* A word in lower case that no name may start still names who leads
 * ("al-Varesh-led"), as a capitalised one does. Invented names. */
static void test_led_lower(void **s)
{
    (void)s;
    gz_gazetteer g;
    annals_error err;
    gz_init(&g);
    const char orgs[] = "al-Varesh\t\tarmed_group\tXVK\n"
                        "Tolm Guard\t\tagency\tXVK\n";
    assert_int_equal(gz_load(&g, "t/orgs.tsv", "orgs.tsv", orgs, sizeof orgs - 1, &err), 0);
    assert_string_equal(found(&g, "The al-Varesh-led fighters left."), "al-Varesh/1");
    assert_string_equal(found(&g, "The al-VARESH-LED fighters left."), "al-Varesh/1");
    assert_string_equal(found(&g, "Fighters of al-Varesh left."), "al-Varesh/1");
    assert_string_equal(found(&g, "The tolm-led guard left."), ""); /* no name "tolm" */
    gz_free(&g);
}

/* gz_first_at: where the names at or after a token begin */
static void test_first_at(void **s)
{
    (void)s;
    gz_mention m[4];
    memset(m, 0, sizeof m);
    const uint32_t at[4] = {2, 5, 6, 11};
    for (int i = 0; i < 4; i++) {
        m[i].tok0 = at[i];
        m[i].ntok = 1;
    }
    assert_int_equal(gz_first_at(m, 4, 0), 0);
    assert_int_equal(gz_first_at(m, 4, 2), 0);
    assert_int_equal(gz_first_at(m, 4, 3), 1);
    assert_int_equal(gz_first_at(m, 4, 6), 2);
    assert_int_equal(gz_first_at(m, 4, 11), 3);
    assert_int_equal(gz_first_at(m, 4, 12), 4);
    assert_int_equal(gz_first_at(m, 0, 3), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_loaded), cmocka_unit_test(test_longest_match),
        cmocka_unit_test(test_case_and_surnames), cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_first_names), cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_text_end), cmocka_unit_test(test_name_keys),
        cmocka_unit_test(test_prefix_names), cmocka_unit_test(test_surname_country), cmocka_unit_test(test_first_at), cmocka_unit_test(test_led_lower)};
    return cmocka_run_group_tests_name("gazetteer", tests, tu_setup, tu_teardown);
}
