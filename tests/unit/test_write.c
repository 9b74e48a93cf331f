/* write: the JSON that direct.c writes is, byte for byte, what jansson
 * dumps of the same item -- escapes, UTF-8 checks, nulls, reals. */
#include "testutil.h"
#include <locale.h>
#include <math.h>
#include "annals/annals.h"
#include "timeline/timeline.h"
#include "write/write.h"

/* Strings that need every kind of care: quotes, backslashes, control
 * characters, DEL, two- to four-byte UTF-8; and two that are not UTF-8. */
static const char *const TEXTS[] = {
    "plain", "", "a \"quoted\" \\ word", "tab\there\nnew\rline\b\f", "\x01\x1F\x7F end",
    "Zo\xC3\xAB in Z\xC3\xBCrich \xE2\x82\xAC" "5 \xF0\x9F\x8C\x8D", "bad \xC3", "bad \xED\xA0\x80 half",
};
#define NTEXTS (sizeof TEXTS / sizeof *TEXTS)

/* jansson's dump of o, or NULL when o is NULL. */
static char *jansson(json_t *o)
{
    char *s = o ? json_dumps(o, JSON_REAL_PRECISION(4)) : NULL;
    json_decref(o);
    return s;
}

static void same(int rc, wr_buf *b, char *want)
{
    if (!want) {
        assert_int_equal(rc, -1);
        assert_int_equal(b->n, 0);
    } else {
        assert_int_equal(rc, 0);
        assert_string_equal(b->s, want);
    }
    free(want);
    b->n = 0;
}

static void test_timexes_and_documents(void **s)
{
    (void)s;
    annals_timeline *tl = annals_timeline_new();
    assert_non_null(tl);
    wr_buf b = {0};
    for (size_t i = 0; i < NTEXTS; i++) {
        long d = tl_add_document(tl, TEXTS[i], i % 2 ? NULL : TEXTS[(i + 1) % NTEXTS], TEXTS[i],
                                 i % 3 ? TEXTS[(i + 2) % NTEXTS] : NULL);
        assert_true(d >= 0);
        if (i % 2) memcpy(tl->docs[d].dct, "2021-06-16", 11);
        tl_timex t = {.doc = (size_t)d, .start = (uint32_t)i, .end = 4000000000u,
                      .text = (char *)TEXTS[(i + 3) % NTEXTS], .type = "DATE", .value = (char *)TEXTS[i]};
        same(wr_direct_timex(&b, tl, &t), &b, jansson(wr_timex(tl, &t)));
        same(wr_direct_document(&b, &tl->docs[d]), &b, jansson(wr_document(&tl->docs[d])));
    }
    free(b.s);
    annals_timeline_free(tl);
}

/* Every event of a mixed set written both ways; the same bytes. */
static void events_like_jansson(void)
{
    annals_timeline *tl = annals_timeline_new();
    assert_non_null(tl);
    assert_true(tl_add_document(tl, "doc-1", NULL, NULL, NULL) >= 0);
    const double conf[] = {0.85, 1, 0, 0.00001234, 123456789, -2.5e-300, 1e21, 0.1 + 0.2, NAN, INFINITY};
    wr_buf b = {0};
    for (size_t i = 0; i < NTEXTS * 2; i++) {
        const char *t = TEXTS[i % NTEXTS], *u = TEXTS[(i + 1) % NTEXTS];
        tl_party who[2] = {{(char *)t, "FRA", "person"}, {(char *)u, "", NULL}};
        tl_mention m[2] = {{0, 1, 9, (char *)t, (char *)u, NULL}, {0, 2, 3, NULL, NULL, (char *)t}};
        tl_event e = {.type = t, .cameo = i % 2 ? NULL : u, .plover = u, .modality = "asserted",
                      .has_date = (int)(i % 2), .actors = who, .nactors = i % 3, .targets = who + 1,
                      .ntargets = 1, .has_location = (int)(i % 3 == 0), .loc_name = (char *)u,
                      .summary = i % 4 ? (char *)t : NULL, .confidence = conf[i % (sizeof conf / sizeof *conf)],
                      .mentions = m, .nmentions = i % 3};
        snprintf(e.id, sizeof e.id, "ev-%016zx", i);
        snprintf(e.date.value, sizeof e.date.value, "%s", i % 4 ? "2021-06" : "bad \xC3");
        e.date.precision = "month";
        memcpy(e.date.start, "2021-06-01", 11);
        memcpy(e.date.end, "2021-06-30", 11);
        snprintf(e.loc_country, sizeof e.loc_country, "%s", i % 2 ? "USA" : "");
        same(wr_direct_event(&b, tl, &e), &b, jansson(wr_event(tl, &e)));
    }
    free(b.s);
    annals_timeline_free(tl);
}

static void test_events(void **s)
{
    (void)s;
    events_like_jansson();
}

/* A program that links the library may set a locale whose decimal mark
 * is a comma (a GTK or Qt application does); the JSON must still say
 * 0.85. The locale is built here, as few machines have it installed. */
static void test_events_decimal_comma(void **s)
{
    (void)s;
    char dir[] = "/tmp/annals-locale.XXXXXX", cmd[256];
    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "localedef -i de_DE -f UTF-8 %s/de_DE.UTF-8 >/dev/null 2>&1", dir);
    int built = system(cmd) == 0;
    setenv("LOCPATH", dir, 1);
    int set = built && setlocale(LC_NUMERIC, "de_DE.UTF-8") != NULL;
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    if (!set) {
        unsetenv("LOCPATH");
        skip(); /* no localedef or no de_DE source: .ci/run installs them */
    }
    assert_string_equal(localeconv()->decimal_point, ",");
    events_like_jansson();
    setlocale(LC_NUMERIC, "C");
    unsetenv("LOCPATH");
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_timexes_and_documents),
                                       cmocka_unit_test(test_events),
                                       cmocka_unit_test(test_events_decimal_comma)};
    return cmocka_run_group_tests_name("write", tests, NULL, NULL);
}
