/* wd_list: the filtered word list answers as wd_in over the same words,
 * whatever the case, length or first byte of the word asked. */
#include "testutil.h"
#include "util/wd_list.h"

static const char *const words[] = {"said", "Told", "as", "amid", "x", "\xE2\x80\x9C", "a-b",
                                    "-led", "abcdefghijklmnopqrstuvwxyzabcdefgh", NULL};

static void same(wd_list *l, const char *s)
{
    size_t n = strlen(s);
    assert_int_equal(wdl_in(l, s, n), wd_in(s, n, words));
}

static void test_wd_list(void **st)
{
    (void)st;
    static wd_list l = {.w = words};
    const char *ask[] = {"said", "SAID", "Said", "sai", "saids", "told", "TOLD", "tol", "as",
                         "As", "a", "amid", "AMID", "ami", "x", "X", "y", "", "\xE2\x80\x9C",
                         "\xE2\x80\x9D", "-led", "-LED", "led", "1", "@s", "[s",
                         "abcdefghijklmnopqrstuvwxyzabcdefgh", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGH",
                         "abcdefghijklmnopqrstuvwxyzabcdefg", "ax", "aS", "a-", "x-", "xa", "s1", "-LED",
                         "-lex", "\xE2\x80", "a-b", "A-B", "a-c", "tOLD", "tx", NULL};
    for (size_t i = 0; ask[i]; i++) same(&l, ask[i]);
    assert_true(wdl_in(&l, "SAID", 4));
    assert_true(wdl_in(&l, "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGH", 34)); /* past the filter's 31 */
    assert_false(wdl_in(&l, "sai", 3));
    assert_false(wdl_in(&l, "saidx", 4 + 1));
    assert_true(wdl_in(&l, "saidx", 4)); /* n bytes, not the NUL */
    /* a word of a text is not NUL-terminated: only n bytes count */
    assert_false(wdl_in(&l, "as", 1));
    /* words that start with no letter: only those the list has such a
     * first byte for (or one equal but for the case bit) are looked for */
    static const char *const odd[] = {"'ll", "", "@home", "9/11", NULL};
    static wd_list o = {.w = odd};
    const char *ask2[] = {"'ll", "'LL", "'ld", "", ",", "`home", "@HOME", "9/11", "8/11", "9", "ll", NULL};
    for (size_t i = 0; ask2[i]; i++) {
        size_t n = strlen(ask2[i]);
        assert_int_equal(wdl_in(&o, ask2[i], n), wd_in(ask2[i], n, odd));
    }
    assert_true(wdl_in(&o, "", 0));
    assert_true(wdl_in(&o, "@HOME", 5));
    assert_false(wdl_in(&o, ",", 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_wd_list)};
    return cmocka_run_group_tests_name("wd_list", tests, NULL, NULL);
}
