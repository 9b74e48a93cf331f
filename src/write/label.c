/* label: dates as a reader writes them, whatever their precision. */
#include "export.h"
#include <stdlib.h>
#include <string.h>

static const char *const months[] = {"January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"};

/* "16 June 2021" from "2021-06-16" (anything else: as it is). */
static void day_label(const char *ymd, char *buf, size_t n)
{
    int m = atoi(ymd + 5);
    if (strlen(ymd) == 10 && m >= 1 && m <= 12)
        snprintf(buf, n, "%d %s %.4s", atoi(ymd + 8), months[m - 1], ymd);
    else
        snprintf(buf, n, "%s", ymd);
}

void wr_date_label(const tl_date *d, char *buf, size_t n)
{
    const char *p = d->precision ? d->precision : "";
    char day[40];
    if (strcmp(p, "day") == 0) {
        day_label(d->start, buf, n);
    } else if (strcmp(p, "week") == 0) {
        day_label(d->start, day, sizeof day);
        snprintf(buf, n, "week of %s", day);
    } else if (strcmp(p, "month") == 0) {
        int m = atoi(d->start + 5);
        if (m >= 1 && m <= 12) snprintf(buf, n, "%s %.4s", months[m - 1], d->start);
        else snprintf(buf, n, "%s", d->value);
    } else if (strcmp(p, "quarter") == 0) {
        snprintf(buf, n, "Q%d %.4s", (atoi(d->start + 5) + 2) / 3, d->start);
    } else if (strcmp(p, "season") == 0) {
        const char *v = strchr(d->value, '-');
        const char *s = !v ? "season" : strcmp(v, "-SP") == 0 ? "spring" : strcmp(v, "-SU") == 0 ? "summer"
                      : strcmp(v, "-FA") == 0 ? "autumn" : strcmp(v, "-WI") == 0 ? "winter" : "season";
        snprintf(buf, n, "%s %.4s", s, d->value);
    } else if (strcmp(p, "year") == 0) {
        snprintf(buf, n, "%.4s", d->start);
    } else if (strcmp(p, "decade") == 0) {
        snprintf(buf, n, "the %.4ss", d->start);
    } else {
        snprintf(buf, n, "%s", d->value);
    }
}
