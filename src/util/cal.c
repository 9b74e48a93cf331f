#include "cal.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int ca_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int ca_days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && ca_leap(y) ? 29 : dm[m - 1];
}

int ca_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= ca_days_in_month(y, m);
}

/* Days from civil date: count in 400-year eras starting in March, so the
 * leap day falls at the end of each shifted year. */
long ca_to_days(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long mp = (m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void ca_from_days(long days, int *y, int *m, int *d)
{
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    long doe = days - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int ca_weekday(int y, int m, int d)
{
    long days = ca_to_days(y, m, d); /* 1970-01-01 was a Thursday (3) */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return 1;
}

static int parse_date_at(const char *s, size_t n, int *y, int *m, int *d)
{
    if (n < 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
        s[7] != '-' || !digits(s + 8, 2))
        return 0;
    int yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int mm = (s[5] - '0') * 10 + (s[6] - '0');
    int dd = (s[8] - '0') * 10 + (s[9] - '0');
    if (!ca_valid(yy, mm, dd)) return 0;
    *y = yy, *m = mm, *d = dd;
    return 1;
}

int ca_parse_ymd(const char *s, size_t n, int *y, int *m, int *d)
{
    return n == 10 && parse_date_at(s, n, y, m, d);
}

int ca_parse_iso_prefix(const char *s, size_t n, int *y, int *m, int *d)
{
    if (!parse_date_at(s, n, y, m, d)) return 0;
    /* After the date: nothing, or a time part introduced by T or a space. */
    return n == 10 || s[10] == 'T' || s[10] == 't' || s[10] == ' ';
}

int ca_month_from_name(const char *s, size_t n)
{
    static const char *names[12] = {"january", "february", "march", "april",
                                    "may", "june", "july", "august",
                                    "september", "october", "november", "december"};
    if (n && s[n - 1] == '.') n--;
    if (n < 3) return 0;
    for (int i = 0; i < 12; i++) {
        size_t full = strlen(names[i]);
        if (n > full) continue;
        if (strncasecmp(s, names[i], n) != 0) continue;
        /* Full name, the three-letter form, or "Sept". */
        if (n == full || n == 3 || (i == 8 && n == 4)) return i + 1;
    }
    return 0;
}

void ca_format_ymd(char out[11], int y, int m, int d)
{
    /* Written digit by digit: the callers pass valid dates only. */
    unsigned uy = (unsigned)y % 10000, um = (unsigned)m % 100, ud = (unsigned)d % 100;
    out[0] = (char)('0' + uy / 1000);
    out[1] = (char)('0' + uy / 100 % 10);
    out[2] = (char)('0' + uy / 10 % 10);
    out[3] = (char)('0' + uy % 10);
    out[4] = '-';
    out[5] = (char)('0' + um / 10);
    out[6] = (char)('0' + um % 10);
    out[7] = '-';
    out[8] = (char)('0' + ud / 10);
    out[9] = (char)('0' + ud % 10);
    out[10] = '\0';
}
