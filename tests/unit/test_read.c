/* read: dct lines, titles, ids, JSON Lines, paths */
#include "testutil.h"
#include "read/dct.h"
#include "read/read.h"

static rd_dct_rules *R;

static const char *dct(const char *text)
{
    static char out[11];
    if (!rd_dct_find(R, text, strlen(text), out)) return "none";
    return out;
}

static void test_dct_lines(void **s)
{
    (void)s;
    assert_string_equal(dct("Headline\n\nTHE BL | By Dawn Barlowe | July 18, 2021\n\nBody."), "2021-07-18");
    assert_string_equal(dct("GENEVA, June 16, 2021 (Reuters) - Leaders met."), "2021-06-16");
    assert_string_equal(dct("Title\nPublished: 2020-03-05 10:14 GMT\nText"), "2020-03-05");
    assert_string_equal(dct("Title\r\nUpdated 4:56 PM ET, Mon July 16, 2018\r\nText"), "2018-07-16");
    assert_string_equal(dct("Title\n\nMarch 5, 2020\n\nText"), "2020-03-05");
    assert_string_equal(dct("Title\n\n5 March 2020\n\nText"), "2020-03-05");
    /* a dateline without its year borrows the year of another header line */
    assert_string_equal(dct("SINGAPORE, June 12 (Wire) - Text.\nPosted 2018-06-13\n"), "2018-06-13");
    assert_string_equal(dct("Story\nKABUL, Afghanistan, July 14 (Wire) - Fighters...\nFiled 2021\n"
                            "copyright July 20, 2021 is in prose, not a header, so only the year is taken."),
                        "2021-07-14");
    /* dates in prose are not publication dates */
    assert_string_equal(dct("On July 14, 2021, fighters seized the crossing, officials said."), "none");
    assert_string_equal(dct("GENEVA, June 16 (Reuters) - no year anywhere"), "none");
    /* impossible dates are not taken */
    assert_string_equal(dct("Published: 2021-02-30\n"), "none");
    assert_string_equal(dct(""), "none");
}

static void test_dct_zone(void **s)
{
    (void)s;
    /* only the top of the text is looked at */
    size_t n = RD_DCT_ZONE + 100;
    char *t = malloc(n + 64);
    memset(t, 'x', n);
    strcpy(t + n, "\nPublished: 2020-03-05\n");
    assert_string_equal(dct(t), "none");
    free(t);
}

static void test_title_and_id(void **s)
{
    (void)s;
    size_t a, n;
    const char *t = "Photo (above): leaders meet in Geneva.\n\nRussia offers bases\n\nBy X | July 1, 2021\n";
    assert_true(rd_guess_title(t, strlen(t), &a, &n));
    assert_int_equal(n, strlen("Russia offers bases"));
    assert_memory_equal(t + a, "Russia offers bases", n);
    assert_false(rd_guess_title("Just one sentence of prose.", 27, &a, &n));
    char *id = rd_base_id("texts/abc.txt");
    assert_string_equal(id, "abc");
    free(id);
    id = rd_base_id("noext");
    assert_string_equal(id, "noext");
    free(id);
    id = rd_base_id("dir.d/.hidden");
    assert_string_equal(id, ".hidden");
    free(id);
}

typedef struct seen {
    char ids[8][64];
    char pub[8][32];
    size_t n;
    char warns[8][256];
    size_t nw;
} seen;

static int on_art(void *ctx, const annals_article *a, const char *where)
{
    seen *sn = ctx;
    (void)where;
    if (sn->n < 8) {
        snprintf(sn->ids[sn->n], 64, "%s", a->id);
        snprintf(sn->pub[sn->n], 32, "%s", a->published ? a->published : "-");
        sn->n++;
    }
    return 0;
}

static void on_warn(void *ctx, const char *msg)
{
    seen *sn = ctx;
    if (sn->nw < 8) snprintf(sn->warns[sn->nw++], 256, "%s", msg);
}

static void test_jsonl(void **s)
{
    (void)s;
    const char data[] =
        "{\"id\": \"a1\", \"published\": \"2021-07-18\", \"text\": \"Hello.\"}\n"
        "not json at all\n"
        "\n"
        "{\"id\": \"a2\", \"text\": 42}\n"
        "{\"text\": \"no id here\", \"published\": null}\r\n"
        "[1, 2]\n"
        "{\"id\": \"a3\", \"text\": \"nul \\u0000 inside\"}";
    char *path = tu_tmpfile(".jsonl", data, sizeof data - 1);
    seen sn;
    memset(&sn, 0, sizeof sn);
    rd_reader r = {.format = RD_AUTO, .on_article = on_art, .on_warn = on_warn, .ctx = &sn};
    annals_error err;
    char *paths[] = {path};
    assert_int_equal(rd_read_paths(&r, paths, 1, &err), 0);
    assert_int_equal(sn.n, 3);
    assert_string_equal(sn.ids[0], "a1");
    assert_string_equal(sn.pub[0], "2021-07-18");
    assert_non_null(strstr(sn.ids[1], "-5")); /* base name + line number */
    assert_string_equal(sn.ids[2], "a3");
    assert_int_equal(r.skipped, 3);
    assert_int_equal(sn.nw, 3);
    char want[300];
    snprintf(want, sizeof want, "%s:2: invalid JSON", path);
    assert_memory_equal(sn.warns[0], want, strlen(want));
    snprintf(want, sizeof want, "%s:4: no string \"text\" field; skipped", path);
    assert_string_equal(sn.warns[1], want);
    snprintf(want, sizeof want, "%s:6: not a JSON object; skipped", path);
    assert_string_equal(sn.warns[2], want);
    unlink(path);
    free(path);
}

static int rd_record_check_(const char *line, size_t n, char *why, size_t whylen)
{
    return rd_record_check(line, n, "x.jsonl", 1, NULL, why, whylen);
}

/* rd_record_check says what rd_jsonl will do with a line */
static void test_record_check(void **s)
{
    (void)s;
    char why[300], *id;
    assert_int_equal(rd_record_check("{\"id\": \"a\", \"text\": \"x\"}\n", 25, "d/x.jsonl", 7, &id, why, sizeof why), 1);
    assert_string_equal(id, "a");
    free(id);
    assert_int_equal(rd_record_check("{\"text\": \"x\"}\n", 14, "d/x.jsonl", 7, &id, why, sizeof why), 1);
    assert_string_equal(id, "x-7"); /* as rd_jsonl names it */
    free(id);
    assert_int_equal(rd_record_check_("{\"text\": \"x\"}\r\n", 15, why, sizeof why), 1);
    assert_int_equal(rd_record_check_(" \t\n", 3, why, sizeof why), 0);
    assert_int_equal(rd_record_check_("\n", 1, why, sizeof why), 0);
    assert_int_equal(rd_record_check_("nope\n", 5, why, sizeof why), -1);
    assert_string_equal(why, "invalid JSON at column 4: '[' or '{' expected near 'nope'");
    assert_int_equal(rd_record_check_("{\"text\": 1}", 11, why, sizeof why), -1);
    assert_string_equal(why, "no string \"text\" field");
    assert_int_equal(rd_record_check_("[1]", 3, why, sizeof why), -1);
    assert_string_equal(why, "not a JSON object");
    assert_int_equal(rd_record_check_("{\"text\": \"a\", \"text\": \"b\"}", 26, why, sizeof why), -1);
}

static void test_text_and_dirs(void **s)
{
    (void)s;
    char dir[] = "/tmp/annals-dir-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[512];
    snprintf(p, sizeof p, "%s/sub", dir);
    assert_int_equal(mkdir(p, 0755), 0);
    const char *files[][2] = {{"b.txt", "Second."}, {"a.txt", "First."}, {"skip.md", "x"},
                              {"sub/c.jsonl", "{\"id\":\"c\",\"text\":\"Third.\"}\n"}};
    for (int i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i][0]);
        FILE *f = fopen(p, "w");
        fputs(files[i][1], f);
        fclose(f);
    }
    seen sn;
    memset(&sn, 0, sizeof sn);
    rd_reader r = {.format = RD_AUTO, .on_article = on_art, .on_warn = on_warn, .ctx = &sn};
    annals_error err;
    char *paths[] = {dir};
    assert_int_equal(rd_check_paths(paths, 1, &err), 0);
    assert_int_equal(rd_read_paths(&r, paths, 1, &err), 0);
    assert_int_equal(sn.n, 3);
    assert_string_equal(sn.ids[0], "a"); /* name order */
    assert_string_equal(sn.ids[1], "b");
    assert_string_equal(sn.ids[2], "c");
    char *missing[] = {"/nonexistent/file.txt"};
    assert_int_equal(rd_check_paths(missing, 1, &err), -1);
    assert_int_equal(err.code, ANNALS_ERR_IO);
    assert_string_equal(err.message, "/nonexistent/file.txt: No such file or directory");
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_slurp(void **s)
{
    (void)s;
    const char data[] = "a\0b\xff";
    char *path = tu_tmpfile(".txt", data, 4);
    FILE *f = fopen(path, "rb");
    char *buf;
    size_t n;
    annals_error err;
    assert_int_equal(rd_slurp(f, path, &buf, &n, &err), 0);
    assert_int_equal(n, 4);
    assert_memory_equal(buf, data, 4);
    assert_int_equal(buf[4], '\0');
    free(buf);
    fclose(f);
    unlink(path);
    free(path);
}

/* Scraped JSON Lines: half a surrogate pair becomes U+FFFD, a proper pair
 * and escaped backslashes stay; the line keeps its length. */
static void test_jsonfix(void **s)
{
    (void)s;
    struct { const char *in, *out; size_t fixed; } cases[] = {
        {"{\"t\":\"a\\ud800b\"}", "{\"t\":\"a\\uFFFDb\"}", 1},
        {"{\"t\":\"\\udc00\"}", "{\"t\":\"\\uFFFD\"}", 1},
        {"{\"t\":\"\\ud83d\\ude00\"}", "{\"t\":\"\\ud83d\\ude00\"}", 0},  /* a pair */
        {"{\"t\":\"\\ud83d\\u0041\"}", "{\"t\":\"\\uFFFD\\u0041\"}", 1},  /* high, then no low */
        {"{\"t\":\"\\\\ud800\"}", "{\"t\":\"\\\\ud800\"}", 0},          /* an escaped backslash */
        {"{\"t\":\"\\ud8\"}", "{\"t\":\"\\ud8\"}", 0},                  /* too short: jansson says so */
        {"{\"t\":\"end\\ud800", "{\"t\":\"end\\uFFFD", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[64];
        size_t n = strlen(cases[i].in);
        memcpy(buf, cases[i].in, n + 1);
        assert_int_equal(rd_fix_surrogates(buf, n), cases[i].fixed);
        assert_string_equal(buf, cases[i].out);
    }
    assert_int_equal(rd_skip_bom("\xEF\xBB\xBF{}", 5), 3);
    assert_int_equal(rd_skip_bom("{}", 2), 0);
    assert_int_equal(rd_skip_bom("\xEF\xBB", 2), 0);
}

/* The fast record reader: what it reads it reads as jansson does, and
 * anything unusual is left to jansson (0). */
static void test_fast_record(void **s)
{
    (void)s;
    struct { const char *in; int ok; const char *text, *id; rd_kind pub; } cases[] = {
        {"{\"id\": \"k1\", \"published\": null, \"text\": \"Rain in May.\"}", 1, "Rain in May.", "k1", RD_NULL},
        {" {\"text\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"}\t", 1, "a\"b\\c/d\b\f\n\r\t", NULL, RD_ABSENT},
        {"{\"text\": \"caf\\u00e9 \\u20AC \\ud83d\\ude00\", \"published\": 7}", 1,
         "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", NULL, RD_OTHER},
        {"{\"n\": -0.5e+12, \"a\": [1, [true, false], \"x\", []], \"text\": \"ok\", \"published\": \"2020-01-02\"}",
         1, "ok", NULL, RD_STRING},
        {"{\"text\": \"h\xC3\xA9llo \xF0\x9F\x98\x80\"}", 1, "h\xC3\xA9llo \xF0\x9F\x98\x80", NULL, RD_ABSENT},
        {"{\"text\": \"a\", \"text\": \"b\"}", 0, NULL, NULL, RD_ABSENT},      /* a duplicate */
        {"{\"text\": \"a\", \"meta\": {\"x\": 1}}", 0, NULL, NULL, RD_ABSENT}, /* an object inside */
        {"{\"te\\u0078t\": \"a\"}", 0, NULL, NULL, RD_ABSENT},               /* an escape in a key */
        {"{\"text\": \"\xC0\xAF\"}", 0, NULL, NULL, RD_ABSENT},               /* overlong UTF-8 */
        {"{\"text\": \"\xED\xA0\x80\"}", 0, NULL, NULL, RD_ABSENT},           /* a surrogate in UTF-8 */
        {"{\"text\": \"\\ud800\"}", 0, NULL, NULL, RD_ABSENT},                /* half a pair */
        {"{\"text\": \"a\tb\"}", 0, NULL, NULL, RD_ABSENT},                   /* a raw control character */
        {"{\"text\": \"a\"} x", 0, NULL, NULL, RD_ABSENT},                    /* something after */
        {"{\"text\": \"a\", \"n\": 1234567890123456789}", 0, NULL, NULL, RD_ABSENT}, /* may overflow */
        {"{\"text\": \"a\", \"n\": 012}", 0, NULL, NULL, RD_ABSENT},
        {"{\"text\": 5}", 0, NULL, NULL, RD_ABSENT},
        {"{}", 0, NULL, NULL, RD_ABSENT},
        {"{\"text\": \"a\",}", 0, NULL, NULL, RD_ABSENT},
        {"{\"text\": \"a\"", 0, NULL, NULL, RD_ABSENT},
        {"{\"text\": nul}", 0, NULL, NULL, RD_ABSENT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = strlen(cases[i].in);
        char buf[256];
        rd_fields f;
        int ok = rd_fast_record(cases[i].in, n, buf, &f);
        assert_int_equal(ok, cases[i].ok);
        if (!ok) continue;
        assert_int_equal(f.text.kind, RD_STRING);
        assert_int_equal(f.text.n, strlen(cases[i].text));
        assert_string_equal(f.text.s, cases[i].text);
        assert_int_equal(f.id.kind, cases[i].id ? RD_STRING : RD_ABSENT);
        if (cases[i].id) assert_string_equal(f.id.s, cases[i].id);
        assert_int_equal(f.published.kind, cases[i].pub);
    }
    /* a quote, a control character or UTF-8 at every place of a long
     * text: the reader's eight-byte steps never step over one */
    for (size_t at = 0; at < 20; at++) {
        char line[128], want[64], buf2[128];
        rd_fields g;
        memset(want, 'w', 24);
        want[24] = '\0';
        snprintf(line, sizeof line, "{\"text\": \"%.*s\\\"%s\"}", (int)at, want, want + at);
        assert_int_equal(rd_fast_record(line, strlen(line), buf2, &g), 1);
        assert_int_equal(g.text.n, 25);
        assert_int_equal(g.text.s[at], '"');
        snprintf(line, sizeof line, "{\"text\": \"%.*s\x01%s\"}", (int)at, want, want + at);
        assert_int_equal(rd_fast_record(line, strlen(line), buf2, &g), 0);
        snprintf(line, sizeof line, "{\"text\": \"%.*s\xC3\xA9%s\"}", (int)at, want, want + at);
        assert_int_equal(rd_fast_record(line, strlen(line), buf2, &g), 1);
        assert_memory_equal(g.text.s + at, "\xC3\xA9w", 3);
        assert_int_equal(g.text.n, 26);
    }
    /* a NUL inside the text is part of it */
    const char nul[] = "{\"text\": \"a\\u0000b\"}";
    char buf[64];
    rd_fields f;
    assert_int_equal(rd_fast_record(nul, sizeof nul - 1, buf, &f), 1);
    assert_int_equal(f.text.n, 3);
    assert_memory_equal(f.text.s, "a\0b", 4);
}

static int setup(void **s) { (void)s; R = rd_dct_rules_new(); return R ? 0 : -1; }
static int teardown(void **s) { (void)s; rd_dct_rules_free(R); return 0; }

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dct_lines), cmocka_unit_test(test_dct_zone),
        cmocka_unit_test(test_title_and_id), cmocka_unit_test(test_jsonl), cmocka_unit_test(test_record_check),
        cmocka_unit_test(test_text_and_dirs), cmocka_unit_test(test_slurp),
        cmocka_unit_test(test_jsonfix), cmocka_unit_test(test_fast_record)};
    return cmocka_run_group_tests_name("read", tests, setup, teardown);
}
