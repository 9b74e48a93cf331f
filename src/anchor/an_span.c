/* an_span: the calendar span of a TIMEX3 value (anchor.h). */
#include "anchor.h"
#include "../util/cal.h"
#include "../util/str.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return 1;
}

static void set(tl_date *o, const char *prec, int y0, int m0, int d0, int y1, int m1, int d1)
{
    o->precision = prec;
    ca_format_ymd(o->start, y0, m0, d0);
    ca_format_ymd(o->end, y1, m1, d1);
}

int an_span(const char *v, tl_date *o)
{
    size_t n = strlen(v);
    if (n >= sizeof o->value) return -1;
    st_copy(o->value, sizeof o->value, v);
    if (n >= 4 && v[0] == 'F' && v[1] == 'Y' && digits(v + 2, 4)) { /* FY2020: its calendar year */
        int y = atoi(v + 2);
        set(o, "year", y, 1, 1, y, 12, 31);
        return 0;
    }
    if (n == 3 && digits(v, 3)) { /* a decade */
        int y = atoi(v) * 10;
        if (y < 1) return -1;
        set(o, "decade", y, 1, 1, y + 9, 12, 31);
        return 0;
    }
    if (n < 4 || !digits(v, 4)) return -1;
    int y = atoi(v);
    if (y < 1) return -1;
    if (n == 4) { set(o, "year", y, 1, 1, y, 12, 31); return 0; }
    if (v[4] != '-') return -1;
    const char *r = v + 5;
    if (digits(r, 2) && (r[2] == '\0' || r[2] == '-')) {
        int m = atoi(r);
        if (m < 1 || m > 12) return -1;
        if (r[2] == '\0') {
            set(o, "month", y, m, 1, y, m, ca_days_in_month(y, m));
            return 0;
        }
        if (!digits(r + 3, 2)) return -1;
        int d = atoi(r + 3);
        if (!ca_valid(y, m, d)) return -1;
        if (r[5] != '\0' && r[5] != 'T') return -1;
        set(o, "day", y, m, d, y, m, d);
        o->value[10] = '\0'; /* a date-time ("Tuesday morning") dates an event by its day */
        return 0;
    }
    if (r[0] == 'W' && digits(r + 1, 2)) { /* ISO week, Monday to Sunday */
        int w = atoi(r + 1);
        long jan4 = ca_to_days(y, 1, 4);
        int wd = ca_weekday(y, 1, 4);
        long mon = jan4 - wd + (long)(w - 1) * 7;
        long from = mon, to = mon + 6;
        if (strcmp(r + 3, "-WE") == 0) from = mon + 5;
        else if (r[3] != '\0') return -1;
        int a, b, c, d2, e2, f2;
        ca_from_days(from, &a, &b, &c);
        ca_from_days(to, &d2, &e2, &f2);
        set(o, "week", a, b, c, d2, e2, f2);
        return 0;
    }
    if (r[0] == 'Q' && r[1] >= '1' && r[1] <= '4' && r[2] == '\0') {
        int q = r[1] - '0';
        set(o, "quarter", y, 3 * q - 2, 1, y, 3 * q, ca_days_in_month(y, 3 * q));
        return 0;
    }
    if (r[0] == 'H' && (r[1] == '1' || r[1] == '2') && r[2] == '\0') {
        int h = r[1] - '0';
        set(o, "quarter", y, h == 1 ? 1 : 7, 1, y, h == 1 ? 6 : 12, h == 1 ? 30 : 31);
        return 0;
    }
    /* seasons, meteorological: spring is March to May */
    if (strcmp(r, "SP") == 0) { set(o, "season", y, 3, 1, y, 5, 31); return 0; }
    if (strcmp(r, "SU") == 0) { set(o, "season", y, 6, 1, y, 8, 31); return 0; }
    if (strcmp(r, "FA") == 0) { set(o, "season", y, 9, 1, y, 11, 30); return 0; }
    if (strcmp(r, "WI") == 0) {
        if (y >= 9999) return -1;
        set(o, "season", y, 12, 1, y + 1, 2, ca_days_in_month(y + 1, 2));
        return 0;
    }
    return -1;
}
