/* The grammar language: parsing, errors as file:line:col, macros, tables,
 * suppression, overlap resolution; and loading a grammar directory. */
#include "testutil.h"
#include "grammar/gram.h"

static int load(gm_grammar *g, const char *src, annals_error *err)
{
    gm_init(g);
    if (gm_parse(g, "t.gram", src, strlen(src), err)) return -1;
    return gm_compile(g, err);
}

static void expect_error(const char *src, const char *want)
{
    gm_grammar g;
    annals_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(load(&g, src, &err), -1);
    assert_int_equal(err.code, ANNALS_ERR_GRAMMAR);
    if (strncmp(err.message, want, strlen(want)) != 0) {
        fprintf(stderr, "got: %s\nwant: %s\n", err.message, want);
        fail();
    }
    gm_free(&g);
}

static void test_errors(void **s)
{
    (void)s;
    expect_error("rule x\n  pattern a\n  type DATE\n", "t.gram:1:1: rule x has no 'value'");
    expect_error("rule x\n  type DATE\n  value f()\n", "t.gram:1:1: x has no 'pattern'");
    expect_error("rules x\n", "t.gram:1:1: expected 'define', 'table', 'rule' or 'suppress'");
    expect_error("  pattern a\n", "t.gram:1:3: indented line outside a rule or table");
    expect_error("rule x\n  pattern a\n  type DATE\n  value f(a b)\n", "t.gram:4:13: expected ',' or ')'");
    expect_error("rule x\n  pattern a\n  type DATE\n  value f(\"open)\n", "t.gram:4:11: unterminated string");
    expect_error("rule x\n  colour red\n", "t.gram:2:3: unknown attribute 'colour'");
    expect_error("rule x\n  pattern a\n  priority high\n", "t.gram:3:12: priority must be a number");
    expect_error("define lower a\n", "t.gram:1:8: a macro name is upper case");
    expect_error("define A x\ndefine A y\n", "t.gram:2:8: macro A is defined twice");
    expect_error("rule x\n  pattern {NOPE}\n  type DATE\n  value f()\n", "t.gram:2:11: rule x: undefined macro {NOPE}");
    expect_error("define A {B}\ndefine B {A}\nrule x\n  pattern {A}\n  type DATE\n  value f()\n",
                 "t.gram:4:11: rule x: macros nest too deep");
    expect_error("rule x\n  pattern (unclosed\n  type DATE\n  value f()\n", "t.gram:2:11: rule x: bad pattern");
    expect_error("rule x\n  pattern (?<a>a)\n  type DATE\n  value f(b)\n",
                 "t.gram:4:9: rule x: value uses (?<b>...)");
    expect_error("table\n", "t.gram:1:7: 'table' needs a name");
    expect_error("table t\n  lonely\n", "t.gram:2:3: a table row needs a key and a value");
    gm_grammar g;
    annals_error err;
    gm_init(&g);
    const char nul[] = "rule x\n  pattern a\0b\n";
    assert_int_equal(gm_parse(&g, "t.gram", nul, sizeof nul - 1, &err), -1);
    assert_string_equal(err.message, "t.gram:2:12: NUL byte in grammar file");
    gm_free(&g);
}

static void test_tables_and_args(void **s)
{
    (void)s;
    gm_grammar g;
    annals_error err;
    const char *src =
        "# comment\n"
        "table month\n"
        "  January 1\n"
        "  twenty one 21\n"
        "define M (?<m>January|Feb)\n"
        "rule d\n"
        "  pattern {M}\\s+(?<d>[0-9]+)\n"
        "  pattern (?<d>[0-9]+)\\s+{M}\n"
        "  type DATE\n"
        "  value date(\"\", m, d, -3, \"x y\")\n"
        "  priority 7\n";
    assert_int_equal(load(&g, src, &err), 0);
    assert_string_equal(gm_lookup(&g, "month", "JANUARY", 7), "1");
    assert_string_equal(gm_lookup(&g, "month", "twenty one", 10), "21");
    assert_null(gm_lookup(&g, "month", "march", 5));
    assert_null(gm_lookup(&g, "nosuch", "x", 1));
    assert_int_equal(g.nrules, 1);
    const gm_rule *r = &g.rules[0];
    assert_int_equal(r->priority, 7);
    assert_int_equal(r->nargs, 5);
    assert_int_equal(r->args[3].kind, GM_ARG_NUMBER);
    assert_int_equal(r->args[3].num, -3);
    assert_string_equal(r->args[4].text, "x y");
    assert_int_equal(r->args[2].ngroups, 2); /* d in both alternatives */

    const char *text = "On january 16 and 17 Feb, not Januaryx 5.";
    ar_arena a;
    ar_init(&a, 4096);
    gm_match *m;
    size_t n;
    assert_int_equal(gm_run(&g, text, strlen(text), &a, &m, &n), 0);
    assert_int_equal(n, 2);
    const char *v;
    size_t vn;
    assert_int_equal(m[0].start, 3);
    assert_true(gm_arg_text(&m[0], text, 2, &v, &vn));
    assert_memory_equal(v, "16", 2);
    assert_true(gm_arg_text(&m[1], text, 2, &v, &vn)); /* the second alternative */
    assert_memory_equal(v, "17", 2);
    assert_true(gm_arg_text(&m[1], text, 1, &v, &vn));
    assert_memory_equal(v, "Feb", 3);
    assert_true(gm_arg_text(&m[1], text, 0, &v, &vn)); /* "" literal */
    assert_int_equal(vn, 0);
    ar_free(&a);
    gm_free(&g);
}

static void test_overlap_and_suppress(void **s)
{
    (void)s;
    gm_grammar g;
    annals_error err;
    const char *src =
        "rule short\n  pattern June\n  type DATE\n  value f()\n  priority 9\n"
        "rule long\n  pattern June\\s+16\n  type DATE\n  value f()\n"
        "rule a\n  pattern alpha\n  type DATE\n  value f()\n  priority 1\n"
        "rule b\n  pattern alpha\n  type DATE\n  value f()\n  priority 2\n"
        "suppress no_times\n  pattern Sunday\\s+Times\n"
        "rule day\n  pattern Sunday\n  type DATE\n  value f()\n";
    assert_int_equal(load(&g, src, &err), 0);
    const char *text = "June 16 alpha Sunday Times Sunday";
    ar_arena a;
    ar_init(&a, 4096);
    gm_match *m;
    size_t n;
    assert_int_equal(gm_run(&g, text, strlen(text), &a, &m, &n), 0);
    assert_int_equal(n, 3);
    assert_string_equal(m[0].rule->name, "long");  /* longest wins over priority */
    assert_string_equal(m[1].rule->name, "b");     /* same span: priority */
    assert_string_equal(m[2].rule->name, "day");   /* the suppressed one is gone */
    assert_int_equal(m[2].start, 27);
    ar_free(&a);
    gm_free(&g);
}

/* Backtracking bait: every match runs under PCRE2's limits. */
static void test_adversarial(void **s)
{
    (void)s;
    gm_grammar g;
    annals_error err;
    const char *src = "rule evil\n  pattern (?:a+)+b\n  type DATE\n  value f()\n";
    assert_int_equal(load(&g, src, &err), 0);
    size_t len = 100000;
    char *text = malloc(len);
    memset(text, 'a', len);
    ar_arena a;
    ar_init(&a, 4096);
    gm_match *m;
    size_t n;
    assert_int_equal(gm_run(&g, text, len, &a, &m, &n), 0);
    assert_int_equal(n, 0);
    ar_free(&a);
    free(text);
    gm_free(&g);
}

/* The first pass: a rule keyed to anchors runs only where one is. */
static void test_anchors(void **s)
{
    (void)s;
    gm_grammar g;
    annals_error err;
    const char *src =
        "table month\n  june 6\n  sept 9\n"
        "rule keyed\n  pattern xyz\n  type DATE\n  value f()\n  anchor foo\n"
        "rule by_table\n  pattern abc\n  type DATE\n  value f()\n  anchor table:month\n"
        "rule by_digit\n  pattern def\n  type DATE\n  value f()\n  anchor DIGIT\n"
        "rule by_prefix\n  pattern ghi\n  type DATE\n  value f()\n  anchor withdr*\n"
        "rule free\n  pattern jkl\n  type DATE\n  value f()\n"
        "rule quoted\n  pattern (?<=\"|\\x{201C}|``|'')mno\n  type DATE\n  value f()\n  anchor QUOTE\n  reach 1\n"
        "rule one_letter\n  pattern x\\s+marks\n  type DATE\n  value f()\n  anchor x\n"
        "rule long_word\n  pattern stu\\s+[a-z]+\n  type DATE\n  value f()\n"
        "  anchor abcdefghijklmnopqrstuvwxyzabcdefghij\n"
        "rule before_quote\n  pattern pqr\n  type DATE\n  value f()\n  anchor QUOTE\n  reach 8\n";
    assert_int_equal(load(&g, src, &err), 0);
    struct { const char *text; size_t want; } cases[] = {
        {"xyz abc def ghi jkl", 1}, /* only the rule without anchors (jkl) */
        {"xyz FOO\nxyz", 1},        /* keyed: on the line that holds foo only */
        {"abc Sept", 1},            /* a table key (a match starts at or before its anchor) */
        {"abc def in 2021", 1},     /* a number wakes by_digit; no month for abc */
        {"ghi: they WITHDREW", 1},  /* a prefix, any case */
        {"ghi withdr", 1},          /* the prefix itself is a word that starts so */
        {"Sept abc", 0},            /* after its only anchor word: not looked for */
        {"abc\xE2\x80\x94Sept", 1},  /* a dash above ASCII separates words */
        {"abc Sept\xF0\x9F\x98\x80", 1}, /* so does an emoji glued to the word */
        {"xyz foo\xEF\xB8\x8F\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8", 1}, /* a variation selector, flags */
        {"the \"mno\" show", 1},          /* QUOTE: a straight double quote */
        {"the \xE2\x80\x9Cmno\xE2\x80\x9D show", 1}, /* a curly one */
        {"the ``mno'' show, the ''mno''", 2}, /* backticks and doubled apostrophes */
        {"the rally\"mno\" and 5``mno''", 2}, /* a mark glued to a word before it */
        {"pqr \"x\"", 1},                  /* a QUOTE wakes a rule that does not spell one */
        {"pqr 'x'", 0},                    /* a single quote is no QUOTE */
        {"pqr ``x''", 1},
        {"pqr", 0},
        {"X marks the spot", 1},           /* a one-letter anchor word */
        {"x-marks: x marks", 1},
        {"xx marks", 0},                   /* a longer word is not it */
        /* words are looked up by their first 32 bytes */
        {"stu abcdefghijklmnopqrstuvwxyzabcdefghij", 1},
        {"stu abcdefghijklmnopqrstuvwxyzabcdefXYZ", 1},
        {"stu abcdefghijklmnopqrstuvwxyzabcde", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ar_arena a;
        ar_init(&a, 4096);
        gm_match *m;
        size_t n;
        assert_int_equal(gm_run(&g, cases[i].text, strlen(cases[i].text), &a, &m, &n), 0);
        if (n != cases[i].want) fprintf(stderr, "case %zu: %zu matches\n", i, n);
        assert_int_equal(n, cases[i].want);
        ar_free(&a);
    }
    gm_free(&g);
    expect_error("rule x\n  pattern a\n  type DATE\n  value f()\n  anchor table:nosuch\n",
                 "t.gram:5: rule x: anchor names table nosuch, which no file defines");
    expect_error("rule x\n  pattern a\n  type DATE\n  value f()\n  anchor w*\n",
                 "t.gram:5: rule x: an anchor prefix has 2 to 32 letters");
    /* the first pass never sees a word with a hyphen in it */
    expect_error("rule x\n  pattern shoot-out\n  type DATE\n  value f()\n  anchor shoot-out*\n",
                 "t.gram:5: rule x: anchor shoot-out* can never match");
}

/* An anchored rule is tried from its reach (GM_REACH bytes, or `reach N`)
 * before each anchor word up to the word: a match that starts farther
 * back, or after the last anchor word, is not looked for. */
static void test_anchor_reach(void **s)
{
    (void)s;
    gm_grammar g;
    annals_error err;
    const char *src =
        "rule near\n  pattern xyz\\s+[a-z ]*foo\n  type DATE\n  value f()\n  anchor foo\n"
        "rule far\n  pattern abc\\s+[a-z ]*bar\n  type DATE\n  value f()\n  anchor bar\n  reach 200\n"
        "rule num\n  pattern FY\\d{4}\n  type DATE\n  value f()\n  anchor DIGIT\n";
    assert_int_equal(load(&g, src, &err), 0);
    char pad[121];
    memset(pad, 'q', sizeof pad - 1);
    for (size_t i = 9; i < sizeof pad - 1; i += 10) pad[i] = ' ';
    pad[sizeof pad - 1] = '\0';
    char text[512];
    struct { const char *fmt; size_t want; } cases[] = {
        {"xyz then foo", 1},        /* within the default reach */
        {"xyz %s foo", 0},          /* 120 bytes back: beyond GM_REACH (64) */
        {"abc %s bar", 1},          /* the same distance, within reach 200 */
        {"foo xyz", 0},             /* starts after the only anchor word */
        {"paid in FY2015 alone", 1},/* a number inside a word is a number */
        {"xyz a foo. xyz b foo", 2}, /* windows that touch, tried as one */
        {"xyz a foo. %s xyz b foo", 2}, /* windows apart */
        {"foo xyz %s foo", 0},      /* between two windows: not looked for */
    };
    assert_true(GM_REACH < 120);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        snprintf(text, sizeof text, cases[i].fmt, pad);
        ar_arena a;
        ar_init(&a, 4096);
        gm_match *m;
        size_t n;
        assert_int_equal(gm_run(&g, text, strlen(text), &a, &m, &n), 0);
        if (n != cases[i].want) fprintf(stderr, "reach case %zu: %zu matches\n", i, n);
        assert_int_equal(n, cases[i].want);
        ar_free(&a);
    }
    gm_free(&g);
    expect_error("rule x\n  pattern a\n  type DATE\n  value f()\n  reach 0\n",
                 "t.gram:5:9: reach must be a number of bytes from 1 to 4096, not '0'");
    expect_error("rule x\n  pattern a\n  type DATE\n  value f()\n  reach far\n",
                 "t.gram:5:9: reach must be a number of bytes from 1 to 4096, not 'far'");
}

/* Without the JIT (ANNALS_NO_JIT), PCRE2's interpreter gives the same
 * matches: a window that reach would start inside a character (the last
 * byte of a curly quote) starts at the next one, where the JIT starts. */
static void test_interpreter_windows(void **s)
{
    (void)s;
    setenv("ANNALS_NO_JIT", "1", 1); /* read when a rule is first used */
    gm_grammar g;
    annals_error err;
    const char *src =
        "rule quoted\n  pattern (?<=\"|\\x{201C})[A-Z][a-z]+\n  type DATE\n  value f()\n"
        "  anchor QUOTE\n  reach 1\n"
        "rule after_dash\n  pattern (?<=\\x{2014})abc\n  type DATE\n  value f()\n  anchor abc\n  reach 2\n";
    assert_int_equal(load(&g, src, &err), 0);
    const char *texts[] = {"ABC\xE2\x80\x99s \xE2\x80\x9CThis Week\xE2\x80\x9D on Sunday",
                           "ABC's \"This Week\" on Sunday", "one\xE2\x80\x94" "abc"};
    for (size_t i = 0; i < 3; i++) {
        ar_arena a;
        ar_init(&a, 4096);
        gm_match *m;
        size_t n;
        assert_int_equal(gm_run(&g, texts[i], strlen(texts[i]), &a, &m, &n), 0);
        if (n != 1) fprintf(stderr, "interpreter case %zu: %zu matches\n", i, n);
        assert_int_equal(n, 1);
        ar_free(&a);
    }
    gm_free(&g);
    unsetenv("ANNALS_NO_JIT");
}

/* Appends whole pieces, in turn from *k, to text[at, until): the new end. */
static size_t fill(char *text, size_t at, size_t until, size_t *k)
{
    static const char *const bits[] = {"June 16 ", "FY2021 ", "\"Spring\" ", "withdrew ",
                                       "\xC3\xA9t\xC3\xA9 ", "``Noon'' ", "\n", "Jun. 3 ", "x"};
    for (;;) {
        const char *b = bits[*k % (sizeof bits / sizeof *bits)];
        size_t n = strlen(b);
        if (at + n > until) return at;
        memcpy(text + at, b, n);
        at += n;
        ++*k;
    }
}

/* The words of a whole text found once (gm_words_build) and shared give
 * the matches that each run's own first pass gives: also where a line of
 * more than GM_CHUNK bytes without a space is cut inside a word. */
static void test_shared_words(void **s)
{
    (void)s;
    gm_grammar g;
    annals_error err;
    const char *src =
        "table month\n  june 6\n"
        "rule md\n  pattern (?:June|Jun\\.)\\s+[0-9]{1,2}\n  type DATE\n  value f()\n  anchor table:month\n"
        "rule fy\n  pattern FY[0-9]{4}\n  type DATE\n  value f()\n  anchor DIGIT\n"
        "rule q\n  pattern (?<=\"|``)[A-Z][a-z]+\n  type DATE\n  value f()\n  anchor QUOTE\n  reach 1\n"
        "rule wd\n  pattern withdr[a-z]*\n  type DATE\n  value f()\n  anchor withdr*\n";
    assert_int_equal(load(&g, src, &err), 0);
    size_t len = 3 * GM_CHUNK + 700;
    char *text = malloc(len + 1);
    assert_non_null(text);
    size_t k = 0, at = fill(text, 0, GM_CHUNK, &k); /* lines of words */
    text[at++] = '\n';
    while (at < 2 * GM_CHUNK + 300) text[at++] = 'q'; /* a line with no space at all */
    memcpy(text + at - 9, "June 16 ", 8);
    at = fill(text, at, len, &k); /* and words again */
    text[at] = '\0';
    ar_arena a;
    ar_init(&a, 4096);
    gm_words words;
    assert_int_equal(gm_words_build(text, at, &a, &words), 0);
    assert_true(words.n > 1000);
    gm_match *m1, *m2;
    size_t n1, n2;
    assert_int_equal(gm_run(&g, text, at, &a, &m1, &n1), 0);
    assert_int_equal(gm_run_words(&g, text, at, &words, &a, &m2, &n2), 0);
    assert_true(n1 > 400); /* every kind of anchor matched */
    assert_int_equal(n1, n2);
    for (size_t i = 0; i < n1; i++) {
        assert_int_equal(m1[i].start, m2[i].start);
        assert_int_equal(m1[i].end, m2[i].end);
        assert_ptr_equal(m1[i].rule, m2[i].rule);
    }
    size_t kinds[4] = {0};
    for (size_t i = 0; i < n1; i++) kinds[m1[i].rule - g.rules]++;
    for (size_t r = 0; r < 4; r++) assert_true(kinds[r] > 0);
    /* an empty text has no words */
    assert_int_equal(gm_words_build(text, 0, &a, &words), 0);
    assert_int_equal(words.n, 0);
    ar_free(&a);
    free(text);
    gm_free(&g);
}

static void test_load_dir(void **s)
{
    (void)s;
    char dir[] = "/tmp/annals-gram-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[512];
    snprintf(p, sizeof p, "%s/dates.gram", dir);
    FILE *f = fopen(p, "w");
    fputs("table weekday\n  friday 5\nrule wd\n  pattern (?<day>Friday)\n  type DATE\n"
          "  value weekday(day)\n", f);
    fclose(f);
    annals_error err;
    annals_grammars *g = annals_grammars_load(dir, &err);
    assert_non_null(g);
    assert_int_equal(annals_grammars_rules(g), 1);
    annals_timeline *tl = annals_timeline_new();
    annals_options o;
    annals_options_init(&o);
    o.want_timexes = 1;
    o.dct = "2021-07-18"; /* a Sunday: last Friday was the 16th */
    annals_article art = {.id = "x", .text = "They met on Friday.", .text_len = 19};
    assert_int_equal(annals_extract(g, &art, &o, tl, &err), 0);
    assert_int_equal(annals_timeline_timexes(tl), 1);
    annals_timeline_free(tl);
    annals_grammars_free(g);

    /* an unknown function and a wrong type are grammar errors */
    f = fopen(p, "w");
    fputs("rule wd\n  pattern Friday\n  type DATE\n  value nosuch()\n", f);
    fclose(f);
    assert_null(annals_grammars_load(dir, &err));
    assert_non_null(strstr(err.message, "dates.gram:4:9: rule wd: unknown function nosuch()"));
    f = fopen(p, "w");
    fputs("rule wd\n  pattern Friday\n  type WHEN\n  value literal(\"x\")\n", f);
    fclose(f);
    assert_null(annals_grammars_load(dir, &err));
    assert_non_null(strstr(err.message, "type WHEN is not DATE"));
    /* the lint: an anchor its pattern never spells is a warning, one
     * spelled through regex syntax (Labou?r) is not */
    f = fopen(p, "w");
    fputs("rule wrong\n  anchor saturday\n  pattern Friday\n  type DATE\n  value literal(\"x\")\n"
          "rule right\n  anchor labor labour\n  pattern Labou?r\\s+Day\n  type DATE\n  value literal(\"x\")\n"
          "rule digits\n  anchor DIGIT\n  pattern \\d+\n  type DATE\n  value literal(\"x\")\n", f);
    fclose(f);
    g = annals_grammars_load(dir, &err);
    assert_non_null(g);
    char w[512];
    assert_non_null(annals_grammars_warning(g, 0, w, sizeof w));
    assert_non_null(strstr(w, "dates.gram:2: rule wrong: none of its anchor words (saturday)"));
    assert_null(annals_grammars_warning(g, 1, w, sizeof w));
    annals_grammars_free(g);
    g = annals_grammars_builtin(&err);
    assert_null(annals_grammars_warning(g, 0, w, sizeof w)); /* our own grammars are clean */
    annals_grammars_free(g);
    unlink(p);
    assert_null(annals_grammars_load(dir, &err));
    assert_non_null(strstr(err.message, "no grammar files"));
    rmdir(dir);
    assert_null(annals_grammars_load("/nonexistent/dir", &err));
    assert_int_equal(err.code, ANNALS_ERR_IO);
    assert_null(annals_grammars_load("/etc/hostname", &err)); /* a file, not a directory */
    assert_non_null(strstr(err.message, "/etc/hostname: not a directory: give the directory"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_errors), cmocka_unit_test(test_tables_and_args),
        cmocka_unit_test(test_overlap_and_suppress), cmocka_unit_test(test_adversarial),
        cmocka_unit_test(test_anchors),
        cmocka_unit_test(test_anchor_reach),
        cmocka_unit_test(test_shared_words),
        cmocka_unit_test(test_interpreter_windows),
        cmocka_unit_test(test_load_dir)};
    return cmocka_run_group_tests_name("gram", tests, NULL, NULL);
}
