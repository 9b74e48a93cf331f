#include "testutil.h"
#include "doc/doc.h"

/* Splits text and returns the sentences as a '|'-joined string. */
static char *sents(const char *text, size_t len)
{
    static char out[4096];
    ar_arena a;
    ar_init(&a, 4096);
    dc_doc d;
    assert_int_equal(dc_build(&d, &a, text, len), 0);
    out[0] = '\0';
    for (size_t i = 0; i < d.nsent; i++) {
        if (i) strcat(out, "|");
        strncat(out, text + d.sent[i].start, d.sent[i].end - d.sent[i].start);
    }
    ar_free(&a);
    return out;
}
#define S(t) sents(t, strlen(t))

static void test_basic_split(void **s)
{
    (void)s;
    assert_string_equal(S("Troops left. Talks began! Why? Nobody knows."),
                        "Troops left.|Talks began!|Why?|Nobody knows.");
    assert_string_equal(S("He said: \"We will go.\" Then he left."),
                        "He said: \"We will go.\"|Then he left.");
}

static void test_abbreviations(void **s)
{
    (void)s;
    assert_string_equal(S("Gen. Mark Milley met Lt. Col. Smith on Jan. 5 in St. Louis."),
                        "Gen. Mark Milley met Lt. Col. Smith on Jan. 5 in St. Louis.");
    assert_string_equal(S("The U.S. and the U.N. agreed. Mr. Biden spoke."),
                        "The U.S. and the U.N. agreed.|Mr. Biden spoke.");
    assert_string_equal(S("Forces left the U.S. The war ended."),
                        "Forces left the U.S.|The war ended.");
    assert_string_equal(S("George W. Bush and J. K. Rowling met."),
                        "George W. Bush and J. K. Rowling met.");
    assert_string_equal(S("Inflation hit 3.5 percent. Prices rose."),
                        "Inflation hit 3.5 percent.|Prices rose.");
    assert_string_equal(S("It ended at 4 p.m. on Monday."), "It ended at 4 p.m. on Monday.");
    /* US states as wire copy abbreviates them */
    assert_string_equal(S("A bomb in Athens, Ga., and Mobile, Ala., hurt no one."),
                        "A bomb in Athens, Ga., and Mobile, Ala., hurt no one.");
    assert_string_equal(S("The court heard U.S. v. Ohio on Monday."),
                        "The court heard U.S. v. Ohio on Monday.");
}

static void test_lines(void **s)
{
    (void)s;
    /* headline and byline lines end without a full stop */
    assert_string_equal(S("Taliban seize border crossing\nBy Jane Doe | July 18, 2021\n\nFighters took it."),
                        "Taliban seize border crossing|By Jane Doe | July 18, 2021|Fighters took it.");
    /* a wrapped line inside a paragraph does not end a sentence */
    assert_string_equal(S("The ministers met in Geneva on\nTuesday and agreed."),
                        "The ministers met in Geneva on\nTuesday and agreed.");
    /* CR-only line ends */
    assert_string_equal(S("One.\r\rTwo"), "One.|Two");
}

static void test_tokens(void **s)
{
    (void)s;
    const char *t = "U.S.-led forces' 16th raid, 1,000 troops; Al-Qaeda's F-16 at 10:30.";
    ar_arena a;
    ar_init(&a, 4096);
    dc_doc d;
    assert_int_equal(dc_build(&d, &a, t, strlen(t)), 0);
    const char *want[] = {"U.S.", "-", "led", "forces", "'", "16th", "raid", ",", "1,000",
                          "troops", ";", "Al-Qaeda's", "F-16", "at", "10:30", "."};
    assert_int_equal(d.ntok, sizeof want / sizeof *want);
    for (size_t i = 0; i < d.ntok; i++) {
        assert_int_equal(d.tok[i].end - d.tok[i].start, strlen(want[i]));
        assert_memory_equal(t + d.tok[i].start, want[i], strlen(want[i]));
    }
    assert_int_equal(d.tok[0].kind, DC_WORD);
    assert_true(d.tok[0].flags & DC_CAP);
    assert_int_equal(d.tok[5].kind, DC_NUM);
    assert_int_equal(d.tok[7].kind, DC_PUNCT);
    assert_int_equal(dc_sentence_at(&d, 3), 0);
    assert_int_equal(dc_sentence_at(&d, 9999), -1);
    ar_free(&a);
}

/* Hostile bytes: nothing crashes, every token lies inside the text, and
 * offsets are in order (nothing shifted or skipped backwards). */
static void test_hostile_bytes(void **s)
{
    (void)s;
    const char t[] = "\xEF\xBB\xBFHello\0world\xFF\xFE caf\xC3\xA9 \xC0\xAF\xE2\x80 end.\rNext";
    size_t n = sizeof t - 1;
    ar_arena a;
    ar_init(&a, 4096);
    dc_doc d;
    assert_int_equal(dc_build(&d, &a, t, n), 0);
    uint32_t last = 0;
    for (size_t i = 0; i < d.ntok; i++) {
        assert_true(d.tok[i].start >= last);
        assert_true(d.tok[i].end > d.tok[i].start);
        assert_true(d.tok[i].end <= n);
        last = d.tok[i].end;
    }
    assert_int_equal(d.tok[0].start, 3); /* the BOM is white space */
    assert_memory_equal(t + d.tok[0].start, "Hello", 5);
    assert_true(d.nsent >= 2);

    unsigned seed = 12345;
    char buf[4096];
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (char)(seed >> 16);
        }
        ar_reset(&a);
        assert_int_equal(dc_build(&d, &a, buf, sizeof buf), 0);
        for (size_t i = 0; i < d.nsent; i++) assert_true(d.sent[i].end <= sizeof buf);
    }
    assert_int_equal(dc_build(&d, &a, "", 0), 0);
    assert_int_equal(d.ntok, 0);
    assert_int_equal(d.nsent, 0);
    ar_free(&a);
}

/* No sentence outgrows DC_MAX_SENT: text without marks is cut at its last
 * line break, else at a token; nothing is lost between the pieces. */
static void test_endless_sentence(void **s)
{
    (void)s;
    static char t[20000];
    size_t n = 0;
    for (int line = 0; line < 40; line++) { /* 40 lines of 300 bytes, no final mark */
        for (int w = 0; w < 50; w++) n += (size_t)snprintf(t + n, sizeof t - n, "word%d ", w % 10);
        t[n - 1] = '\n';
    }
    for (int w = 0; w < 1000; w++) n += (size_t)snprintf(t + n, sizeof t - n, "more%d ", w % 10); /* one 6 KB line */
    ar_arena a;
    ar_init(&a, 4096);
    dc_doc d;
    assert_int_equal(dc_build(&d, &a, t, n), 0);
    assert_true(d.nsent > 1);
    size_t ntok = 0;
    for (size_t i = 0; i < d.nsent; i++) {
        const dc_sent *x = &d.sent[i];
        assert_true(x->end - x->start <= DC_MAX_SENT);
        if (i && x->start < 12000) assert_true(t[x->start - 1] == '\n'); /* cut at a line break */
        assert_int_equal(x->tok0, ntok); /* every token in one sentence, in order */
        ntok += x->ntok;
    }
    assert_int_equal(ntok, d.ntok);
    ar_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic_split), cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_lines), cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_hostile_bytes), cmocka_unit_test(test_endless_sentence)};
    return cmocka_run_group_tests_name("doc", tests, NULL, NULL);
}
