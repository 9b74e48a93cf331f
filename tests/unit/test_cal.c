#include "testutil.h"
#include "util/cal.h"

static void test_leap_and_month_lengths(void **s)
{
    (void)s;
    assert_true(ca_leap(2020));
    assert_false(ca_leap(1900));
    assert_true(ca_leap(2000));
    assert_int_equal(ca_days_in_month(2021, 2), 28);
    assert_int_equal(ca_days_in_month(2024, 2), 29);
    assert_int_equal(ca_days_in_month(2021, 13), 0);
}

static void test_valid(void **s)
{
    (void)s;
    assert_true(ca_valid(2021, 7, 18));
    assert_false(ca_valid(2021, 2, 30));
    assert_false(ca_valid(0, 1, 1));
    assert_false(ca_valid(10000, 1, 1));
    assert_true(ca_valid(2024, 2, 29));
}

static void test_days_round_trip(void **s)
{
    (void)s;
    assert_int_equal(ca_to_days(1970, 1, 1), 0);
    assert_int_equal(ca_to_days(2000, 3, 1), 11017);
    for (long d = -800000; d < 3000000; d += 997) {
        int y, m, dd;
        ca_from_days(d, &y, &m, &dd);
        assert_int_equal(ca_to_days(y, m, dd), d);
    }
}

static void test_weekday(void **s)
{
    (void)s;
    assert_int_equal(ca_weekday(2021, 6, 16), 2);  /* a Wednesday */
    assert_int_equal(ca_weekday(1970, 1, 1), 3);   /* a Thursday */
    assert_int_equal(ca_weekday(2018, 7, 16), 0);  /* a Monday */
}

static void test_parse(void **s)
{
    (void)s;
    int y, m, d;
    assert_true(ca_parse_ymd("2021-07-18", 10, &y, &m, &d));
    assert_int_equal(y * 10000 + m * 100 + d, 20210718);
    assert_false(ca_parse_ymd("2021-02-30", 10, &y, &m, &d));
    assert_false(ca_parse_ymd("2021-7-18", 9, &y, &m, &d));
    assert_false(ca_parse_ymd("2021-07-18x", 11, &y, &m, &d));
    assert_true(ca_parse_iso_prefix("2020-03-05T10:14:00Z", 20, &y, &m, &d));
    assert_int_equal(d, 5);
    assert_true(ca_parse_iso_prefix("2020-03-05 10:14", 16, &y, &m, &d));
    assert_false(ca_parse_iso_prefix("2020-03-05x", 11, &y, &m, &d));
    assert_false(ca_parse_iso_prefix("March 5", 7, &y, &m, &d));
}

static void test_month_names(void **s)
{
    (void)s;
    assert_int_equal(ca_month_from_name("January", 7), 1);
    assert_int_equal(ca_month_from_name("jan.", 4), 1);
    assert_int_equal(ca_month_from_name("Sept", 4), 9);
    assert_int_equal(ca_month_from_name("SEP", 3), 9);
    assert_int_equal(ca_month_from_name("May", 3), 5);
    assert_int_equal(ca_month_from_name("Ju", 2), 0);
    assert_int_equal(ca_month_from_name("Juni", 4), 0);
    assert_int_equal(ca_month_from_name("Decembers", 9), 0);
}

static void test_format(void **s)
{
    (void)s;
    char out[11];
    ca_format_ymd(out, 987, 3, 5);
    assert_string_equal(out, "0987-03-05");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_leap_and_month_lengths), cmocka_unit_test(test_valid),
        cmocka_unit_test(test_days_round_trip), cmocka_unit_test(test_weekday),
        cmocka_unit_test(test_parse), cmocka_unit_test(test_month_names),
        cmocka_unit_test(test_format)};
    return cmocka_run_group_tests_name("cal", tests, NULL, NULL);
}
