/* arena, strmap, utf8, err, word, str */
#include "testutil.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/str.h"
#include "util/word.h"

static void test_arena(void **s)
{
    (void)s;
    ar_arena a;
    ar_init(&a, 128);
    char *p = ar_alloc(&a, 10);
    memset(p, 'x', 10);
    char *big = ar_alloc(&a, 10000); /* larger than a block */
    memset(big, 'y', 10000);
    char *q = ar_strndup(&a, "hello world", 5);
    assert_string_equal(q, "hello");
    assert_int_equal(((uintptr_t)ar_alloc(&a, 3)) % _Alignof(max_align_t), 0);
    assert_int_equal(p[9], 'x');
    ar_reset(&a);
    assert_non_null(ar_alloc(&a, 50));
    ar_free(&a);
}

static void test_strmap(void **s)
{
    (void)s;
    sm_map m;
    sm_init(&m);
    char key[32];
    for (size_t i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "k%zu", i);
        assert_int_equal(sm_put(&m, key, strlen(key), i * 2), 0);
    }
    assert_int_equal(m.count, 5000);
    assert_int_equal(*sm_get(&m, "k4321", 5), 8642);
    assert_null(sm_get(&m, "k5000", 5));
    sm_put(&m, "k1", 2, 7);
    assert_int_equal(*sm_get(&m, "k1", 2), 7);
    assert_int_equal(m.count, 5000);
    assert_int_not_equal(sm_hash("a", 1), sm_hash("b", 1));
    /* the hash one byte at a time is the hash (the anchor pass relies on it) */
    uint64_t h = SM_HASH_SEED;
    for (const char *c = "k4321"; *c; c++) h = sm_hash_step(h, (unsigned char)*c);
    assert_true(h == sm_hash("k4321", 5));
    assert_int_equal(*sm_get_h(&m, "k4321", 5, h), 8642);
    assert_null(sm_get_h(&m, "k5001", 5, sm_hash("k5001", 5)));
    /* never more than half full: misses stay short */
    assert_true(m.count * 2 <= m.cap);
    sm_free(&m);
}

static void test_utf8(void **s)
{
    (void)s;
    size_t i = 0;
    const char *ok = "\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80";
    assert_int_equal(u8_next(ok, 9, &i), 0xE9);
    assert_int_equal(u8_next(ok, 9, &i), 0x201C);
    assert_int_equal(u8_next(ok, 9, &i), 0x1F600);
    assert_int_equal(i, 9);
    assert_true(u8_valid(ok, 9));
    /* overlong, surrogate, truncated, stray continuation: one byte each */
    const char *bad[] = {"\xC0\xAF", "\xED\xA0\x80", "\xE2\x80", "\x80"};
    for (int k = 0; k < 4; k++) {
        i = 0;
        assert_int_equal(u8_next(bad[k], strlen(bad[k]), &i), -1);
        assert_int_equal(i, 1);
        assert_false(u8_valid(bad[k], strlen(bad[k])));
    }
    /* a bad byte or a good sequence at every place around the eight-byte
     * ASCII steps, and n that cuts a sequence short */
    char buf[40];
    for (size_t at = 0; at + 3 <= sizeof buf; at++) {
        memset(buf, 'a', sizeof buf);
        buf[at] = (char)0xFF;
        assert_false(u8_valid(buf, sizeof buf));
        assert_true(u8_valid(buf, at)); /* what stands before it */
        memcpy(buf + at, "\xE2\x80\x9C", 3);
        assert_true(u8_valid(buf, sizeof buf));
        if (at + 3 < sizeof buf) assert_false(u8_valid(buf, at + 2));
    }
    char one[4];
    i = 1;
    assert_int_equal(u8_copy_one("a\xE2\x80\x9C", 4, &i, one), 3); /* a whole sequence */
    assert_memory_equal(one, "\xE2\x80\x9C", 3);
    assert_int_equal(i, 4);
    i = 0;
    assert_int_equal(u8_copy_one("\xE2\x80", 2, &i, one), 3); /* cut short: U+FFFD */
    assert_memory_equal(one, "\xEF\xBF\xBD", 3);
    assert_int_equal(i, 1);
    size_t n;
    char *clean = u8_sanitize("a\xFF" "b\0c", 5, &n);
    assert_int_equal(n, 7);
    assert_memory_equal(clean, "a\xEF\xBF\xBD" "b\0c", 7);
    free(clean);
}

/* wd_is out of line: inlined with a constant word shorter than n, gcc
 * warns of a read past it that the loop never reaches. */
static int (*volatile is_word)(const char *, size_t, const char *);
static int wd_is_call(const char *s, size_t n, const char *w) { return wd_is(s, n, w); }

/* Words of a text, which is not NUL-terminated, against ours. */
static void test_word(void **s)
{
    (void)s;
    is_word = wd_is_call;
    const char *text = "Troops WITHDREW yesterday";
    assert_true(is_word(text, 6, "troops"));      /* case aside */
    assert_true(is_word(text + 7, 8, "withdrew"));
    assert_false(is_word(text, 6, "troop"));      /* the whole word, not a prefix */
    assert_false(is_word(text, 5, "troops"));     /* nor a longer word */
    assert_false(is_word(text, 6, "troopz"));
    assert_true(is_word(text, 0, ""));
    assert_false(is_word("ÃtÃ©", 5, "Ã©tÃ©")); /* ASCII folding only */
    assert_int_equal(wd_fold('Q'), 'q');
    assert_int_equal(wd_fold('@'), '@');
    assert_int_equal(wd_fold('['), '[');
    static const char *const verbs[] = {"seized", "withdrew", "met", NULL};
    static const char *const signs[] = {"`", "@", NULL};
    static const char *const none[] = {NULL};
    assert_true(wd_in(text + 7, 8, verbs));
    assert_false(wd_in(text, 6, verbs));
    assert_false(wd_in(text + 7, 8, none));
    /* '@' and '`' differ only in the case bit: the first-byte filter lets
     * both through, the comparison tells them apart */
    assert_true(wd_in("`", 1, signs));
    assert_true(wd_in("@", 1, signs));
    assert_false(wd_in("`x", 2, signs));
    static const char *const empty[] = {"a", "", NULL};
    assert_true(wd_in(text, 0, empty));
    assert_false(wd_in(text, 0, verbs));
    /* byte for byte: case counts */
    static const char *const starters[] = {"Officials", "The", NULL};
    assert_true(wd_among("The", 3, starters));
    assert_false(wd_among("the", 3, starters));
    assert_false(wd_among("Th", 2, starters));
    assert_false(wd_among("Then", 4, starters));
    assert_true(wd_same("Officials say", 9, "Officials"));
    assert_false(wd_same("Officials say", 9, "officials"));
    assert_true(wd_among(text, 0, empty));
}

/* Strings built in fixed buffers cut where snprintf would. */
static void test_str(void **s)
{
    (void)s;
    char buf[12];
    size_t n = st_copy(buf, sizeof buf, "Kabul");
    assert_int_equal(n, 5);
    n = st_cat(buf, sizeof buf, n, " falls");
    assert_string_equal(buf, "Kabul falls");
    assert_int_equal(n, 11);
    n = st_cat(buf, sizeof buf, n, " today"); /* full: nothing more fits */
    assert_string_equal(buf, "Kabul falls");
    assert_int_equal(n, 11);
    n = st_put(buf, sizeof buf, 0, "Spin Boldak seized", 4);
    assert_string_equal(buf, "Spin");
    n = st_cat(buf, sizeof buf, n, " Boldak seized"); /* cut at the end of the buffer */
    assert_string_equal(buf, "Spin Boldak"); /* 11 bytes and the NUL */
    assert_int_equal(n, 11);
    char one[1];
    assert_int_equal(st_copy(one, sizeof one, "x"), 0); /* room for the NUL alone */
    assert_int_equal(one[0], '\0');
}

static void test_err(void **s)
{
    (void)s;
    annals_error e;
    assert_int_equal(er_set(&e, ANNALS_ERR_IO, "%s:%d: bad", "f.txt", 3), -1);
    assert_int_equal(e.code, ANNALS_ERR_IO);
    assert_string_equal(e.message, "f.txt:3: bad");
    er_clear(&e);
    assert_int_equal(e.code, ANNALS_OK);
    assert_string_equal(e.message, "");
    assert_int_equal(er_set(NULL, ANNALS_ERR_IO, "x"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_arena), cmocka_unit_test(test_strmap),
                                       cmocka_unit_test(test_utf8), cmocka_unit_test(test_err),
                                       cmocka_unit_test(test_word), cmocka_unit_test(test_str)};
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
