/* cal: the proleptic Gregorian calendar, in days since 1970-01-01. */
#ifndef CA_CAL_H
#define CA_CAL_H
#include <stddef.h>

int ca_leap(int y);
int ca_days_in_month(int y, int m);
/* 1 if y-m-d is a real date with 1 <= y <= 9999. */
int ca_valid(int y, int m, int d);
long ca_to_days(int y, int m, int d);
void ca_from_days(long days, int *y, int *m, int *d);
/* 0 = Monday .. 6 = Sunday. */
int ca_weekday(int y, int m, int d);
/* Strict "YYYY-MM-DD" (exactly that, nothing after): 1 and the parts, or 0. */
int ca_parse_ymd(const char *s, size_t n, int *y, int *m, int *d);
/* An ISO 8601 date or date-time ("2021-07-18", "2021-07-18T10:14:00Z"):
 * the date part if it is a valid date, else 0. */
int ca_parse_iso_prefix(const char *s, size_t n, int *y, int *m, int *d);
/* "January", "Jan", "Jan.", "Sept", any case: 1..12, else 0. */
int ca_month_from_name(const char *s, size_t n);
/* Writes "YYYY-MM-DD" and a NUL into out[11]. */
void ca_format_ymd(char out[11], int y, int m, int d);
#endif
