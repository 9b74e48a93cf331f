/* Normalisation functions: the C side of a date rule's `value`. Each
 * takes the rule's arguments (captures or literals), reads word tables
 * (month, weekday, number, unit, ...) from the grammar, and writes a TIMEX3
 * value. The functions are listed in docs/grammar.md. */
#include "timex.h"
#include "../util/cal.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct args {
    const tx_ctx *c;
    const gm_match *m;
    const char *text;
} args;

/* The text of argument i, or NULL/0 if absent. */
static int arg(const args *a, int i, const char **s, size_t *n)
{
    if (i >= a->m->rule->nargs) return 0;
    /* An empty literal ("") stands for a part the rule does not give. */
    return gm_arg_text(a->m, a->text, i, s, n) && *n > 0;
}

/* Looks an argument up in a table, trimming spaces and a final dot. */
static const char *arg_table(const args *a, int i, const char *table)
{
    const char *s;
    size_t n;
    if (!arg(a, i, &s, &n)) return NULL;
    while (n && (s[n - 1] == '.' || s[n - 1] == ' ')) n--;
    char buf[64];
    size_t k = 0;
    /* fold runs of white space and hyphens to one space */
    for (size_t j = 0; j < n && k + 1 < sizeof buf; j++) {
        char ch = s[j] == '-' || s[j] == '\n' || s[j] == '\t' ? ' ' : s[j];
        if (ch == ' ' && (k == 0 || buf[k - 1] == ' ')) continue;
        buf[k++] = ch;
    }
    return gm_lookup(a->c->g, table, buf, k);
}

/* A number from digits ("16", "16th", "1,000") or the number table
 * ("sixteen", "a"). -1 when it is neither (several, few). */
static long arg_num(const args *a, int i)
{
    const char *s;
    size_t n;
    if (!arg(a, i, &s, &n)) return -1;
    if (n && isdigit((unsigned char)s[0])) {
        long v = 0;
        for (size_t j = 0; j < n && v < 100000000; j++) {
            if (isdigit((unsigned char)s[j])) v = v * 10 + (s[j] - '0');
            else if (s[j] != ',') break;
        }
        return v;
    }
    if (a->m->rule->args[i].kind == GM_ARG_NUMBER) return a->m->rule->args[i].num;
    const char *v = arg_table(a, i, "number");
    if (v) return strtol(v, NULL, 10);
    /* "two hundred", "three thousand": a number word times the last */
    size_t k = n;
    while (k && s[k - 1] != ' ' && s[k - 1] != '-') k--;
    long mult = n - k == 7 && strncasecmp(s + k, "hundred", 7) == 0    ? 100
                : n - k == 8 && strncasecmp(s + k, "thousand", 8) == 0 ? 1000
                                                                        : 0;
    const char *h = mult && k > 1 ? gm_lookup(a->c->g, "number", s, k - 1) : NULL;
    return h ? strtol(h, NULL, 10) * mult : -1;
}

/* A signed shift: a number literal, or the rel table (last -1, next 1). */
static int arg_shift(const args *a, int i, long *out)
{
    if (i >= a->m->rule->nargs) return 0;
    if (a->m->rule->args[i].kind == GM_ARG_NUMBER) { *out = a->m->rule->args[i].num; return 1; }
    const char *v = arg_table(a, i, "rel");
    if (!v) return 0;
    *out = strtol(v, NULL, 10);
    return 1;
}

static int month_of(const args *a, int i)
{
    const char *s;
    size_t n;
    if (!arg(a, i, &s, &n)) return 0;
    if (n && isdigit((unsigned char)s[0])) {
        long v = arg_num(a, i);
        return v >= 1 && v <= 12 ? (int)v : -1;
    }
    const char *v = arg_table(a, i, "month");
    return v ? atoi(v) : -1;
}

/* A year from "2021", "'98" or "98". Two digits: the century that puts
 * it nearest the publication date. */
/* A year in words: "nineteen ninety-six" (19 96), "two thousand",
 * "two thousand and one". Each word comes from the number table. */
static int spoken_year(const args *a, const char *s, size_t n)
{
    long parts[8];
    int np = 0, thousand = 0;
    size_t j = 0;
    while (j < n && np < 8) {
        while (j < n && (s[j] == ' ' || s[j] == '-' || s[j] == '\n' || s[j] == '\t')) j++;
        size_t k = j;
        while (k < n && isalpha((unsigned char)s[k])) k++;
        if (k == j) break;
        if (k - j == 8 && strncasecmp(s + j, "thousand", 8) == 0) thousand = np ? (int)parts[--np] : 1;
        else if (!(k - j == 3 && strncasecmp(s + j, "and", 3) == 0)) {
            const char *v = gm_lookup(a->c->g, "number", s + j, k - j);
            if (!v) return -1;
            parts[np++] = strtol(v, NULL, 10);
        }
        j = k;
    }
    long rest = 0;
    if (thousand) {
        for (int q = 0; q < np; q++) rest += parts[q];
        return (int)(thousand * 1000 + rest);
    }
    /* century words, then the two last digits */
    if (np < 2 || parts[0] < 10 || parts[0] > 20) return -1;
    for (int q = 1; q < np; q++) rest += parts[q];
    if (rest > 99) return -1;
    return (int)(parts[0] * 100 + rest);
}

static int year_of(const args *a, int i)
{
    const char *s;
    size_t n;
    if (!arg(a, i, &s, &n)) return 0;
    if (n && isalpha((unsigned char)s[0])) return spoken_year(a, s, n);
    if (n && (s[0] == '\'' || (unsigned char)s[0] == 0xE2)) { /* ' or ’ */
        while (n && !isdigit((unsigned char)*s)) s++, n--;
    }
    long v = 0;
    size_t digits = 0;
    for (size_t j = 0; j < n && isdigit((unsigned char)s[j]); j++, digits++) v = v * 10 + (s[j] - '0');
    if (digits == 2) {
        int base = a->c->has_dct ? a->c->dy : 2000;
        long c1 = (base / 100) * 100 + v;
        if (c1 > base + 10) c1 -= 100;
        v = c1;
    } else if (digits != 4) {
        return -1;
    }
    return v >= 1 && v <= 9999 ? (int)v : -1;
}

static int has_last_day(const tx_ctx *c) { return c->has_last; }
/* Does the expression look forward: its sentence, or a word just before? */
static int futurish(const tx_ctx *c) { return c->near_future || tx_future(c); }
/* Does a weekday look forward: a word just before it? (The sentence's
 * tense alone is too weak a sign for a weekday.) */
static int forward(const tx_ctx *c) { return c->near_future; }
static long last_quarter_days(const tx_ctx *c)
{
    int qi = c->last_quarter;
    return qi ? ca_to_days(qi / 4, (qi % 4) * 3 + 1, 1) : -1;
}
/* The quarter anaphora refer to: the last one named, unless that one has
 * not ended by the DCT and the sentence is not in the future -- then "the
 * latest quarter", "a year ago" speak of the last complete one. -1 if no
 * quarter was named. */
static long ref_quarter_days(const tx_ctx *c)
{
    long q = last_quarter_days(c);
    if (q < 0 || !c->has_dct || futurish(c) || c->quarter_over) return q;
    long dct = ca_to_days(c->dy, c->dm, c->dd);
    int y, m, d;
    ca_from_days(q, &y, &m, &d);
    m += 3;
    if (m > 12) m -= 12, y++;
    if (ca_to_days(y, m, 1) <= dct + 1) return q; /* ended */
    ca_from_days(dct, &y, &m, &d);
    m = ((m - 1) / 3) * 3 + 1 - 3; /* the quarter before the DCT's */
    if (m < 1) m += 12, y--;
    return ca_to_days(y, m, 1);
}

/* The last year named at any grain ("in 1988"), or 0. */
static int last_year(const tx_ctx *c) { return c->last_year; }
/* A base day for anaphora at year grain: the last full date, or the 1st
 * of January of the last year named when that came later. */
static long last_base_for_year(const tx_ctx *c)
{
    int y = last_year(c);
    if (has_last_day(c) && (!y || c->ly == y)) return ca_to_days(c->ly, c->lm, c->ld);
    if (y) return ca_to_days(y, 1, 1);
    return -1;
}

static long dct_days(const tx_ctx *c) { return ca_to_days(c->dy, c->dm, c->dd); }

static void fmt_day(char out[40], long days)
{
    int y, m, d;
    ca_from_days(days, &y, &m, &d);
    if (y < 1 || y > 9999) { strcpy(out, "XXXX-XX-XX"); return; }
    ca_format_ymd(out, y, m, d);
}

/* ISO week of a day: year and week number. */
static void iso_week(long days, int *wy, int *wn)
{
    int y, m, d;
    ca_from_days(days, &y, &m, &d);
    long thursday = days - ca_weekday(y, m, d) + 3; /* the Thursday of its week */
    int ty, tm, td;
    ca_from_days(thursday, &ty, &tm, &td);
    *wy = ty;
    *wn = (int)((thursday - ca_to_days(ty, 1, 1)) / 7 + 1);
}

/* How far a span [a, b] of days lies from the DCT, weighted by tense:
 * looking forward after a future word, back after a past one, and
 * otherwise a little back (news reports more of the past). */
static long tense_dist(const tx_ctx *c, long a, long b)
{
    long ref = dct_days(c);
    long dist = ref < a ? a - ref : ref > b ? ref - b : 0;
    /* Only a future word close before counts: a "will" elsewhere in a
     * long news sentence says little about "in January" ("In January
     * the company brought in a new chief, who plans to ...") */
    if (c->near_either && !c->near_future) return dist; /* "would be paid in January": the nearest */
    /* "will" before it: a month over for more than a month is unlikely
     * ("will ... after the Thanksgiving holiday" may be the one just past) */
    if (c->strong_future && b < ref - 31) dist += 400;
    else if (c->near_future && b < ref) dist += 120; /* "until", "next", a month just over */
    if (!c->near_future && a > ref) dist = dist * 2 + 30;
    /* "In January the firm hired": the past, even a month just ahead */
    if (c->past_after && a > ref) dist += 400;
    if (c->near_past && a > ref) dist += 400; /* since March, ended Jan. 31 */
    /* the direction of the tense: "the talks collapsed in March" is a past
     * March; but a date within two months ahead in a past sentence is
     * usually a deadline ("extended to Nov. 20", "payable Jan. 2") */
    if (c->past_verb && a > ref + 60) dist += 400;
    /* ... but not when the story is told in an earlier year: "announced
     * sanctions on December 29" after "in December 2016" */
    if (c->past_on && a > ref && c->last_year && c->last_year < c->dy) dist += 400;
    /* "changed to a calendar year in December": a whole month that has
     * not begun cannot hold what a past verb with "in" tells */
    if (c->past_on && a > ref && b - a >= 27) dist += 400;
    return dist;
}

/* A month without a year: the year that puts it nearest the DCT, looking
 * forward after a future word, back after a past one. Within about two
 * months either side the nearest wins whatever the tense: news reports of
 * both. */
static int year_for_wd(const tx_ctx *c, int m, int d, int wd);
static int year_for(const tx_ctx *c, int m, int d) { return year_for_wd(c, m, d, -1); }

/* The same, for a day named with its weekday ("Sunday, May 31", wd 0 =
 * Monday): only a year in which the day falls on that weekday, if one of
 * the three does; in a caption of 2016 "Sunday, May 31" is 2015's. */
static int year_for_wd(const tx_ctx *c, int m, int d, int wd)
{
    if (!c->has_dct) return 0;
    int best = c->dy, some = 0;
    long bestdist = -1;
    for (int y = c->dy - 1; wd >= 0 && d && y <= c->dy + 1; y++)
        some |= ca_valid(y, m, d) && ca_weekday(y, m, d) == wd;
    for (int y = c->dy - 1; y <= c->dy + 1; y++) {
        int first = d ? d : 1, last = d ? d : ca_days_in_month(y, m);
        if (!ca_valid(y, m, first)) continue;
        if (some && ca_weekday(y, m, d) != wd) continue;
        long dist = tense_dist(c, ca_to_days(y, m, first), ca_to_days(y, m, last));
        if (bestdist < 0 || dist < bestdist) { bestdist = dist; best = y; }
    }
    return best;
}

/* A month moved by rel: last April (the one before the DCT's month), this
 * April (the DCT's year), next April (the one after). */
static int year_rel(const tx_ctx *c, int m, long shift)
{
    if (shift < 0) return m < c->dm ? c->dy : c->dy - 1;
    if (shift > 0) return m > c->dm ? c->dy : c->dy + 1;
    return c->dy;
}

static int clock_of(const args *a, int i, char out[8]);
static void add_part(char out[40], const char *part);

/* The weekday a match opens with ("Sunday, May 31"), 0 = Monday, or -1. */
static int lead_weekday(const args *a)
{
    const char *w = a->text + a->m->start;
    size_t n = 0;
    while (a->m->start + n < a->m->end && isalpha((unsigned char)w[n])) n++;
    if (n && n < a->m->end - a->m->start && w[n] == '.') n++; /* "Sun." */
    const char *v = n ? gm_lookup(a->c->g, "weekday", w, n) : NULL;
    if (!v && n && w[n - 1] == '.') v = gm_lookup(a->c->g, "weekday", w, n - 1);
    return v ? atoi(v) - 1 : -1;
}

/* date(year, month, day): any part may be missing. */
static int f_date(const args *a, char out[40])
{
    int y = year_of(a, 0), m = month_of(a, 1);
    const char *ds;
    size_t dn;
    int has_d = a->m->rule->nargs > 2 && arg(a, 2, &ds, &dn);
    long d = has_d ? arg_num(a, 2) : 0;
    if (d == -1) { /* "eighth": the day in words */
        const char *o = arg_table(a, 2, "dayord");
        if (o) d = strtol(o, NULL, 10);
    }
    if (y < 0 || m < 0 || (has_d && d == -1 && m)) return -1;
    if (d < 0) d = 0;
    if (!m) {
        if (!y) return -1;
        snprintf(out, 40, "%04d", y);
        return 0;
    }
    if (d && (d > 31 || (y && !ca_valid(y, m, (int)d)))) return -1;
    long shift;
    if (!y && a->c->has_dct && a->m->rule->nargs > 4 && arg_shift(a, 4, &shift)) y = a->c->dy + (int)shift; /* June last year */
    if (!y && a->c->has_dct && a->m->rule->nargs > 3 && arg_shift(a, 3, &shift)) y = year_rel(a->c, m, shift);
    if (!y) y = year_for_wd(a->c, m, (int)d, lead_weekday(a));
    if (!y) { /* no DCT: the year stays unknown */
        if (d) snprintf(out, 40, "XXXX-%02d-%02d", m, (int)d);
        else snprintf(out, 40, "XXXX-%02d", m);
        return 0;
    }
    if (d && !ca_valid(y, m, (int)d)) return -1;
    if (d) snprintf(out, 40, "%04d-%02d-%02d", y, m, (int)d);
    else snprintf(out, 40, "%04d-%02d", y, m);
    if (d && a->m->rule->nargs > 5) { /* date(..., hour, minute, ampm): 5 p.m. Nov. 9 */
        char hm[8];
        if (clock_of(a, 5, hm)) return -1;
        add_part(out, hm);
    }
    return 0;
}

/* numdate(first, second, year): 6/16/2021 in the configured order. */
static int f_numdate(const args *a, char out[40])
{
    long p = arg_num(a, 0), q = arg_num(a, 1);
    int y = year_of(a, 2);
    if (p < 1 || q < 1 || y < 0) return -1;
    long mo = a->c->order == ANNALS_DATE_DMY ? q : p, da = a->c->order == ANNALS_DATE_DMY ? p : q;
    if (mo > 12 && da <= 12) { long t = mo; mo = da; da = t; } /* 16/6 can only be D/M */
    if (!y) y = mo >= 1 && mo <= 12 ? year_for(a->c, (int)mo, (int)da) : 0;
    if (!y) {
        if (mo > 12 || da > 31) return -1;
        snprintf(out, 40, "XXXX-%02d-%02d", (int)mo, (int)da);
        return 0;
    }
    if (!ca_valid(y, (int)mo, (int)da)) return -1;
    snprintf(out, 40, "%04d-%02d-%02d", y, (int)mo, (int)da);
    return 0;
}

static int clock_of(const args *a, int i, char out[8]);

static const char *daypart(const args *a, int i)
{
    return i < a->m->rule->nargs ? arg_table(a, i, "daypart") : NULL;
}

static void add_part(char out[40], const char *part)
{
    if (part && strlen(out) + strlen(part) + 2 < 40) {
        strcat(out, "T");
        strcat(out, part);
    }
}

/* weekday(day, rel, part): news speaks of the past unless a word just before
 * points forward (timex.c); "last" and "next" force the direction. */
static int f_weekday(const args *a, char out[40])
{
    const char *w = arg_table(a, 0, "weekday");
    if (!w) return -1;
    int wd = atoi(w) - 1; /* 0 = Monday */
    long shift = 0;
    int has_rel = arg_shift(a, 1, &shift);
    if (!a->c->has_dct) {
        snprintf(out, 40, "XXXX-WXX-%d", wd + 1);
        add_part(out, daypart(a, 2));
        return 0;
    }
    long ref = dct_days(a->c);
    int cur = ca_weekday(a->c->dy, a->c->dm, a->c->dd);
    const char *rs;
    size_t rn;
    if (has_rel && has_last_day(a->c) && arg(a, 1, &rs, &rn) && rn >= 8 &&
        (strncasecmp(rs, "previous", 8) == 0 || strncasecmp(rs, "preceding", 9) == 0 ||
         strncasecmp(rs, "following", 9) == 0)) {
        /* "the previous Friday": counted from the last date named */
        ref = ca_to_days(a->c->ly, a->c->lm, a->c->ld);
        cur = ca_weekday(a->c->ly, a->c->lm, a->c->ld);
    }
    long day;
    if (!has_rel && a->c->near_either) { /* "were planned for Sunday": the nearest */
        long ahead = (wd - cur + 7) % 7, back = (cur - wd + 7) % 7;
        if (a->c->plan_ahead) back += 2; /* a plan lies ahead more often */
        day = ahead < back ? ref + ahead : ref - (cur - wd + 7) % 7;
    } else if ((has_rel && shift > 0) || (!has_rel && forward(a->c))) {
        long ahead = (wd - cur + 7) % 7;
        if (ahead == 0 && has_rel) ahead = 7;
        day = ref + ahead;
    } else if (has_rel && shift == 0) { /* this Friday: in the DCT's week */
        day = ref - cur + wd;
    } else {
        long back = (cur - wd + 7) % 7;
        if (back == 0 && has_rel) back = 7;
        day = ref - back;
    }
    fmt_day(out, day);
    add_part(out, daypart(a, 2));
    if (a->m->rule->nargs > 3) { /* weekday(day, rel, "", hour, minute, ampm): 10 p.m. Friday */
        char hm[8];
        if (clock_of(a, 3, hm)) return -1;
        add_part(out, hm);
    }
    return 0;
}

/* today(shift, part): today, yesterday, tomorrow, tonight. */
static int f_today(const args *a, char out[40])
{
    long shift = 0;
    arg_shift(a, 0, &shift);
    if (!a->c->has_dct) {
        if (shift == 0) strcpy(out, "PRESENT_REF");
        else strcpy(out, "XXXX-XX-XX");
        return 0;
    }
    fmt_day(out, dct_days(a->c) + shift);
    add_part(out, daypart(a, 1));
    return 0;
}

/* The value of the calendar unit that holds a day, at that unit's grain. */
static int unit_value(const char *unit, long days, char out[40])
{
    int y, m, d, wy, wn;
    ca_from_days(days, &y, &m, &d);
    if (y < 1 || y > 9999) return -1;
    switch (unit[0]) {
    case 'D': fmt_day(out, days); return 0;
    case 'W':
        iso_week(days, &wy, &wn);
        snprintf(out, 40, "%04d-W%02d", wy, wn);
        return 0;
    case 'E': /* weekend */
        iso_week(days, &wy, &wn);
        snprintf(out, 40, "%04d-W%02d-WE", wy, wn);
        return 0;
    case 'M': snprintf(out, 40, "%04d-%02d", y, m); return 0;
    case 'Q': snprintf(out, 40, "%04d-Q%d", y, (m - 1) / 3 + 1); return 0;
    case 'H': snprintf(out, 40, "%04d-H%d", y, m <= 6 ? 1 : 2); return 0;
    case 'Y': snprintf(out, 40, "%04d", y); return 0;
    case 'X': snprintf(out, 40, "%03d", y / 10); return 0;     /* decade */
    case 'C': snprintf(out, 40, "%02d", y / 100); return 0;    /* century */
    }
    return -1;
}

/* The value of a unit whose place is unknown: "that day" with no date
 * named and no DCT is XXXX-XX-XX. */
static void unknown_value(const char *unit, char out[40])
{
    switch (unit[0]) {
    case 'D': strcpy(out, "XXXX-XX-XX"); break;
    case 'W': case 'E': strcpy(out, "XXXX-WXX"); break;
    case 'M': strcpy(out, "XXXX-XX"); break;
    case 'Q': strcpy(out, "XXXX-QX"); break;
    case 'H': strcpy(out, "XXXX-HX"); break;
    case 'X': strcpy(out, "XXX"); break;
    case 'C': strcpy(out, "XX"); break;
    default: strcpy(out, "XXXX"); break;
    }
}

/* Moves a day by n units (months and years keep the day of month). */
static long shift_days(long days, const char *unit, long n)
{
    int y, m, d;
    switch (unit[0]) {
    case 'D': return days + n;
    case 'W': case 'E': return days + 7 * n;
    case 'M': case 'Q': case 'H': {
        long months = unit[0] == 'M' ? n : unit[0] == 'Q' ? 3 * n : 6 * n;
        ca_from_days(days, &y, &m, &d);
        long t = (long)y * 12 + (m - 1) + months;
        y = (int)(t / 12);
        m = (int)(t % 12) + 1;
        if (d > ca_days_in_month(y, m)) d = ca_days_in_month(y, m);
        return ca_to_days(y, m, d);
    }
    case 'Y': case 'X': case 'C': {
        long years = unit[0] == 'Y' ? n : unit[0] == 'X' ? 10 * n : 100 * n;
        ca_from_days(days, &y, &m, &d);
        y += (int)years;
        if (m == 2 && d == 29 && !ca_leap(y)) d = 28;
        return ca_to_days(y, m, d);
    }
    }
    return days;
}

/* rel(shift, unit): this week, last month, next year, the coming weekend. */
static int f_rel(const args *a, char out[40])
{
    long shift = 0;
    const char *unit = arg_table(a, 1, "unit");
    if (!unit || !arg_shift(a, 0, &shift)) return -1;
    if (!a->c->has_dct) {
        strcpy(out, shift < 0 ? "PAST_REF" : shift > 0 ? "FUTURE_REF" : "PRESENT_REF");
        return 0;
    }
    return unit_value(unit, shift_days(dct_days(a->c), unit, shift), out);
}

/* offset(n, unit, dir): three days ago (from the DCT), two weeks later
 * (from the last date named). The value has the unit's grain. */
static int f_offset(const args *a, char out[40])
{
    long n = arg_num(a, 0);
    const char *unit = arg_table(a, 1, "unit");
    const char *dir = arg_table(a, 2, "dir");
    if (!unit || !dir) return -1;
    long sign = dir[0] == '-' ? -1 : 1;
    int anaphoric = strchr(dir, 'a') != NULL; /* "later": from the last date */
    if (n < 0) { /* several days ago */
        strcpy(out, sign < 0 ? "PAST_REF" : "FUTURE_REF");
        return 0;
    }
    long base;
    if (unit[0] == 'Y' && ref_quarter_days(a->c) >= 0) /* a year before the quarter named */
        return unit_value(a->c->in_period ? "Y" : "Q", /* "for the nine months": its year */
                          shift_days(ref_quarter_days(a->c), unit, sign * n), out);
    if (anaphoric && strchr("YXC", unit[0]) && last_base_for_year(a->c) >= 0) base = last_base_for_year(a->c);
    else if (anaphoric && unit[0] == 'M' && a->c->last_month) /* "in March 2019 ... a month later" */
        base = ca_to_days(a->c->last_month / 12, a->c->last_month % 12 + 1, 1);
    else if (anaphoric && has_last_day(a->c)) base = ca_to_days(a->c->ly, a->c->lm, a->c->ld);
    else if (a->c->has_dct) base = dct_days(a->c);
    else { strcpy(out, sign < 0 ? "PAST_REF" : "FUTURE_REF"); return 0; }
    long day = shift_days(base, unit, sign * n);
    /* "an election a year later, which cut her majority": a later day
     * past the DCT in a sentence that does not speak of the future
     * counts from a date the text never named; better no value than a
     * wrong one */
    if (anaphoric && sign > 0 && a->c->has_dct && !futurish(a->c) && day > dct_days(a->c)) {
        strcpy(out, "XXXX");
        return 0;
    }
    /* "a decade ago" is the year ten years back, not the decade that
     * holds it (2011, not the 2010s) */
    return unit_value(strchr("XC", unit[0]) ? "Y" : unit, day, out);
}

/* anaphor(shift, unit, part): the following day, that week, the next
 * morning -- from the last date named, else the DCT. */
static int f_anaphor(const args *a, char out[40])
{
    long shift = 0;
    const char *unit = arg_table(a, 1, "unit");
    if (!unit || !arg_shift(a, 0, &shift)) return -1;
    long base;
    if (unit[0] == 'Q' && ref_quarter_days(a->c) >= 0) base = ref_quarter_days(a->c);
    else if (unit[0] == 'Q' && a->c->has_dct) {
        /* "the quarter" with none named: the one reported on, the last
         * complete one */
        base = dct_days(a->c);
        if (!futurish(a->c)) base = shift_days(base, unit, -1);
    } else if (strchr("YXC", unit[0]) && last_base_for_year(a->c) >= 0) base = last_base_for_year(a->c);
    else if (unit[0] == 'M' && a->c->last_month) /* the month named last */
        base = ca_to_days(a->c->last_month / 12, a->c->last_month % 12 + 1, 1);
    else if (has_last_day(a->c)) base = ca_to_days(a->c->ly, a->c->lm, a->c->ld);
    else if (a->c->has_dct) base = dct_days(a->c);
    else { /* no date to count from: the grain, its place unknown */
        unknown_value(unit, out);
        add_part(out, daypart(a, 2));
        return 0;
    }
    if (unit_value(unit, shift_days(base, unit, shift), out)) return -1;
    add_part(out, daypart(a, 2));
    return 0;
}

/* n and a half units: the half in the next smaller unit, as TimeML
 * writes it -- "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M. */
static int half_more(long n, const char *code, int time, char out[40])
{
    if (time) {
        if (code[0] == 'H') snprintf(out, 40, "PT%ldH30M", n);
        else if (code[0] == 'M') snprintf(out, 40, "PT%ldM30S", n);
        else snprintf(out, 40, "PT%ld.5S", n);
        return 0;
    }
    if (strcmp(code, "DE") == 0) snprintf(out, 40, "P%ldY", n * 10 + 5);
    else if (strcmp(code, "CE") == 0) snprintf(out, 40, "P%ldY", n * 100 + 50);
    else if (code[0] == 'Y') snprintf(out, 40, "P%ldY6M", n);
    else if (code[0] == 'Q') snprintf(out, 40, "P%ldM15D", n * 3 + 1);
    else if (code[0] == 'M') snprintf(out, 40, "P%ldM15D", n);
    else if (code[0] == 'W') snprintf(out, 40, "P%ldDT12H", n * 7 + 3); /* ISO mixes no W */
    else if (code[0] == 'D') snprintf(out, 40, "P%ldDT12H", n);
    else return -1;
    return 0;
}

/* duration(n, unit, half): P20Y, PT72H, PXC; a vague number is X; a
 * third argument present adds half a unit. */
static int f_duration(const args *a, char out[40])
{
    long n = arg_num(a, 0);
    const char *u = arg_table(a, 1, "dunit");
    if (!u) return -1;
    int time = u[0] == 'T';
    const char *code = time ? u + 1 : u;
    const char *hs;
    size_t hn;
    if (n >= 0 && n < 1000000 && a->m->rule->nargs > 2 && arg(a, 2, &hs, &hn))
        return half_more(n, code, time, out);
    /* a vague number of decades or centuries: TimeBank's letters for
     * them, E and C ("for centuries" PXC) */
    if (n < 0 && strcmp(code, "DE") == 0) strcpy(out, "PXE");
    else if (n < 0 && strcmp(code, "CE") == 0) strcpy(out, "PXC");
    else if (n < 0) snprintf(out, 40, "P%sX%s", time ? "T" : "", code);
    /* ISO 8601 has no decade or century unit: "two decades" is P20Y */
    else if (strcmp(code, "DE") == 0 && n < 100000) snprintf(out, 40, "P%ldY", n * 10);
    else if (strcmp(code, "CE") == 0 && n < 10000) snprintf(out, 40, "P%ldY", n * 100);
    else snprintf(out, 40, "P%s%ld%s", time ? "T" : "", n, code);
    return 0;
}

/* decade(digits, word): the 1990s -> 199; the '90s, the nineties. */
static int f_decade(const args *a, char out[40])
{
    const char *s;
    size_t n;
    if (arg(a, 0, &s, &n)) {
        long v = 0;
        size_t digits = 0;
        for (size_t j = 0; j < n; j++)
            if (isdigit((unsigned char)s[j])) v = v * 10 + (s[j] - '0'), digits++;
        if (digits == 4) { snprintf(out, 40, "%03ld", v / 10); return 0; }
        if (digits == 2) {
            int base = a->c->has_dct ? a->c->dy : 2000;
            long y = (base / 100) * 100 + v;
            if (y > base) y -= 100;
            snprintf(out, 40, "%03ld", y / 10);
            return 0;
        }
        return -1;
    }
    const char *w = arg_table(a, 1, "decade"); /* "nineties" -> 9 */
    if (!w) return -1;
    int base = a->c->has_dct ? a->c->dy : 2000;
    long y = (base / 100) * 100 + atoi(w) * 10;
    if (y > base) y -= 100;
    snprintf(out, 40, "%03ld", y / 10);
    return 0;
}

/* A year given, or the DCT's year moved by rel, for seasons and quarters. */
static int year_or_rel(const args *a, int yi, int ri)
{
    int y = year_of(a, yi);
    if (y) return y;
    if (!a->c->has_dct) return 0;
    long shift = 0;
    arg_shift(a, ri, &shift);
    return a->c->dy + (int)shift;
}

/* season(season, year, rel): 2021-SU */
static int f_season(const args *a, char out[40])
{
    const char *s = arg_table(a, 0, "season");
    if (!s) return -1;
    int y = year_or_rel(a, 1, 2);
    if (y < 0) return -1;
    long shift;
    if (!year_of(a, 1) && a->c->has_dct && arg_shift(a, 2, &shift) && shift) {
        /* last summer: the latest one over by the DCT; next summer: the
         * first one not yet begun. Winter starts in December. */
        int start = s[0] == 'S' ? (s[1] == 'P' ? 3 : 6) : s[0] == 'F' ? 9 : 12;
        int dm = a->c->dm, dy = a->c->dy;
        if (shift < 0) {
            y = dy;
            if (start + 2 >= dm + (start == 12 && dm <= 2 ? 12 : 0)) y--; /* not over yet */
            if (start == 12 && dm <= 2) y--;
        } else {
            y = dy;
            if (start <= dm) y++;
        }
    }
    if (y) snprintf(out, 40, "%04d-%s", y, s);
    else snprintf(out, 40, "XXXX-%s", s);
    return 0;
}

/* "the second quarter ended Oct. 31": a quarter said to have ended on a
 * day not yet reached this year ended the year before -- with a DCT of
 * 2021-10-20 on 2020-10-31 (a fiscal quarter: its number says nothing of
 * the calendar). 1 when the words after the match say so, else 0. */
static int ended_last_year(const args *a)
{
    if (!a->c->has_dct) return 0;
    const char *p = a->text + a->m->end, *e = a->text + a->c->doc->len;
    while (p < e && (*p == ' ' || *p == ',')) p++;
    if (e - p < 8 || strncasecmp(p, "ended ", 6) != 0) return 0;
    p += 6;
    while (p < e && *p == ' ') p++;
    size_t n = 0;
    while (p + n < e && isalpha((unsigned char)p[n])) n++;
    const char *mv = n ? gm_lookup(a->c->g, "month", p, n) : NULL;
    if (!mv) return 0;
    p += n;
    if (p < e && *p == '.') p++;
    while (p < e && *p == ' ') p++;
    int m = atoi(mv), d = 0;
    for (int k = 0; p < e && k < 2 && isdigit((unsigned char)*p); k++, p++) d = d * 10 + (*p - '0');
    if (d < 1 || d > 31) return 0;
    return m > a->c->dm || (m == a->c->dm && d > a->c->dd);
}

/* quarter(q, year, rel) and half(h, year, rel): 2021-Q3, 2021-H1 */
static int f_part(const args *a, char out[40], char letter, int max)
{
    const char *qs;
    size_t qn;
    if (letter == 'Q' && !arg(a, 0, &qs, &qn)) {
        /* quarter("", year): "the 1988 period" -- the quarter under
         * discussion (the last one named, or the last complete one), in
         * the year given */
        int y = year_of(a, 1), qy, qm, qd;
        long ref = ref_quarter_days(a->c);
        if (y <= 0) return -1;
        /* no quarter named, or "In the nine months, net rose from the
         * 1988 period": the same months of that year -- the year */
        if (ref < 0 || a->c->in_period) {
            snprintf(out, 40, "%04d", y);
            return 0;
        }
        ca_from_days(ref, &qy, &qm, &qd);
        snprintf(out, 40, "%04d-Q%d", y, (qm - 1) / 3 + 1);
        return 0;
    }
    long q = arg_num(a, 0);
    if (q < 0) {
        const char *o = arg_table(a, 0, "ordinal");
        q = o ? atol(o) : -1;
    }
    if (q < 1 || q > max) return -1;
    int y = year_or_rel(a, 1, 2);
    if (y < 0) return -1;
    long shift;
    if (y && !year_of(a, 1) && !arg_shift(a, 2, &shift) &&
        ((letter == 'Q' && ended_last_year(a)) ||
         (!futurish(a->c) && (q - 1) * (12 / max) + 1 > a->c->dm)))
        y--; /* the fourth quarter, in January: the one just ended */
    if (y) snprintf(out, 40, "%04d-%c%ld", y, letter, q);
    else snprintf(out, 40, "XXXX-%c%ld", letter, q);
    return 0;
}

/* fiscal(year): "fiscal 2021" is 2021. TIMEX3 values have no fiscal-year
 * form (FY2021 was TIMEX2's); TimeML writes the year the fiscal year is
 * named after, which is what a reader looks it up by. */
static int f_fiscal(const args *a, char out[40])
{
    int y = year_of(a, 0);
    if (y <= 0) return -1;
    snprintf(out, 40, "%04d", y);
    return 0;
}

/* The clock time of arguments i (hour), i+1 (minute), i+2 (am/pm) as
 * "HH:MM" into out[8]; 0, or -1 when it is not a time. */
static int clock_of(const args *a, int i, char out[8])
{
    long h = arg_num(a, i), mi = a->m->rule->nargs > i + 1 ? arg_num(a, i + 1) : 0;
    if (mi < 0) mi = 0;
    const char *s;
    size_t n;
    if (h < 0 || h > 24 || mi > 59) return -1;
    if (arg(a, i + 2, &s, &n) && n) {
        int pm = tolower((unsigned char)s[0]) == 'p';
        if (h > 12 || h == 0) return -1;
        if (pm && h < 12) h += 12;
        if (!pm && h == 12) h = 0;
    }
    snprintf(out, 8, "%02d:%02d", (int)h % 100, (int)mi % 100);
    return 0;
}

/* time(hour, minute, ampm): a clock time on the day under discussion. */
static int f_time(const args *a, char out[40])
{
    char hm[8];
    if (clock_of(a, 0, hm)) return -1;
    char day[40];
    /* a clock time alone belongs to the day under discussion: the last
     * date named ("Slepian was shot on Oct. 23 ... at 10 p.m."), else
     * the publication date */
    if (has_last_day(a->c)) fmt_day(day, ca_to_days(a->c->ly, a->c->lm, a->c->ld));
    else if (a->c->has_dct) fmt_day(day, dct_days(a->c));
    else strcpy(day, "XXXX-XX-XX");
    snprintf(out, 40, "%.12sT%s", day, hm);
    return 0;
}

/* literal("PRESENT_REF") and set("P1W"): the value as written. */
static int f_literal(const args *a, char out[40])
{
    const char *s;
    size_t n;
    if (!arg(a, 0, &s, &n) || n >= 40) return -1;
    memcpy(out, s, n);
    out[n] = '\0';
    return 0;
}

/* setunit(unit): every week -> P1W, daily -> P1D */
static int f_setunit(const args *a, char out[40])
{
    const char *u = arg_table(a, 0, "dunit");
    if (!u) return -1;
    if (u[0] == 'T') snprintf(out, 40, "PT1%s", u + 1);
    else snprintf(out, 40, "P1%s", u);
    return 0;
}

/* Of a yearly day's dates in the year before the DCT's, the DCT's and the
 * next (days[3], -1: none; each the last day of a span of len + 1 days),
 * the one meant: the latest before the DCT for rel < 0 ("last Easter"),
 * the first after for rel > 0, the DCT year's for "this", else the one
 * the tense puts nearest. -1 when none fits. */
static long yearly_pick(const tx_ctx *c, const long days[3], long len, int has_rel, long rel)
{
    long ref = dct_days(c), best = -1, bestdist = -1;
    for (int k = 0; k < 3; k++) {
        long day = days[k], dist;
        if (day < 0) continue;
        if (has_rel && rel < 0) dist = day < ref ? ref - day : -1;
        else if (has_rel && rel > 0) dist = day > ref ? day - ref : -1;
        else if (has_rel) dist = k == 1 ? 0 : -1;
        else dist = tense_dist(c, day - len, day);
        if (dist >= 0 && (bestdist < 0 || dist < bestdist)) { bestdist = dist; best = day; }
    }
    return best;
}

/* The n-th weekday wd (0 = Monday) of month m of year y, counting from
 * day `from`; n = -1 is the last one. */
static int nth_weekday(int y, int m, int wd, long n, int from)
{
    if (n < 0) {
        int last = ca_days_in_month(y, m);
        return last - (ca_weekday(y, m, last) - wd + 7) % 7;
    }
    return from + (wd - ca_weekday(y, m, from) + 7) % 7 + 7 * (int)(n - 1);
}

/* nthday(month, weekday, n, rel, from): holidays that fall on the n-th
 * weekday of a month -- Thanksgiving (the fourth Thursday of November),
 * Labor Day; n -1 is the last one (Memorial Day); from moves the count's
 * start (Election Day, the Tuesday after the first Monday, counts
 * Tuesdays from the 2nd). The year: as for a month alone, or forced by
 * rel ("last Thanksgiving"). */
static int f_nthday(const args *a, char out[40])
{
    int m = month_of(a, 0);
    const char *w = arg_table(a, 1, "weekday");
    long n = arg_num(a, 2), shift = 0, from = a->m->rule->nargs > 4 ? arg_num(a, 4) : 1;
    const char *ns;
    size_t nn;
    if (n < 0 && arg(a, 2, &ns, &nn) && isalpha((unsigned char)ns[0])) { /* "the first Monday" */
        const char *o = arg_table(a, 2, "ordinal");
        n = nn == 4 && strncasecmp(ns, "last", 4) == 0 ? -1 : o ? atol(o) : 0;
    }
    if (m < 1 || !w || n == 0 || n < -1 || n > 5) return -1;
    if (from < 1 || from > 28) from = 1;
    int wd = atoi(w) - 1, has_rel = arg_shift(a, 3, &shift);
    if (!a->c->has_dct) {
        snprintf(out, 40, "XXXX-%02d", m);
        return 0;
    }
    long days[3];
    for (int k = 0; k < 3; k++) {
        int y = a->c->dy - 1 + k, d = nth_weekday(y, m, wd, n, (int)from);
        days[k] = ca_valid(y, m, d) ? ca_to_days(y, m, d) : -1;
    }
    long best = yearly_pick(a->c, days, 0, has_rel, shift);
    if (best < 0) return -1;
    fmt_day(out, best);
    return 0;
}

/* Easter Sunday of year y (Gregorian; the anonymous algorithm of 1876). */
static long easter_days(int y)
{
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return ca_to_days(y, month, day);
}

/* easter(shift, unit, rel, year): a day of the Easter cycle, shift days
 * from Easter Sunday (Good Friday -2, Easter Monday 1), or with unit
 * "week" the ISO week that ends on Easter Sunday (Holy Week). The year:
 * given, forced by rel, or the one the tense puts nearest. */
static int f_easter(const args *a, char out[40])
{
    long shift = a->m->rule->nargs > 0 && a->m->rule->args[0].kind == GM_ARG_NUMBER
                     ? a->m->rule->args[0].num : 0, rel = 0;
    const char *us;
    size_t un;
    int week = arg(a, 1, &us, &un) && un >= 4 && strncasecmp(us, "week", 4) == 0;
    int has_rel = arg_shift(a, 2, &rel), y = year_of(a, 3);
    if (y < 0) return -1;
    long best;
    if (y) best = easter_days(y) + shift;
    else if (!a->c->has_dct) {
        strcpy(out, week ? "XXXX-WXX" : "XXXX-XX-XX");
        return 0;
    } else {
        long days[3];
        for (int k = 0; k < 3; k++) days[k] = easter_days(a->c->dy - 1 + k) + shift;
        if ((best = yearly_pick(a->c, days, week ? 6 : 0, has_rel, rel)) < 0) return -1;
    }
    return unit_value(week ? "W" : "D", best, out);
}

/* century(ordinal): "the 20th century" -> 19, "the eleventh century" -> 10 */
static int f_century(const args *a, char out[40])
{
    long n = arg_num(a, 0); /* "20th": its digits */
    const char *s;
    size_t len;
    if (arg(a, 0, &s, &len) && !isdigit((unsigned char)s[0])) {
        const char *o = arg_table(a, 0, "ordinal");
        n = o ? atol(o) : -1;
    }
    if (n < 1 || n > 99) return -1;
    snprintf(out, 40, "%02ld", n - 1);
    return 0;
}

/* dayset(day, part): "every Thursday" -> XXXX-WXX-4, "Tuesday nights"
 * -> XXXX-WXX-2TNI */
static int f_dayset(const args *a, char out[40])
{
    const char *w = arg_table(a, 0, "weekday");
    if (!w) return -1;
    snprintf(out, 40, "XXXX-WXX-%d", atoi(w));
    add_part(out, daypart(a, 1));
    return 0;
}

/* monthset(month): "each July" -> XXXX-07 */
static int f_monthset(const args *a, char out[40])
{
    int m = month_of(a, 0);
    if (m < 1) return -1;
    snprintf(out, 40, "XXXX-%02d", m);
    return 0;
}

/* seasonset(season): "every summer" -> XXXX-SU */
static int f_seasonset(const args *a, char out[40])
{
    const char *v = arg_table(a, 0, "season");
    if (!v) return -1;
    snprintf(out, 40, "XXXX-%s", v);
    return 0;
}

/* partset(part): "each morning" -> XXXX-XX-XXTMO */
static int f_partset(const args *a, char out[40])
{
    const char *v = daypart(a, 0);
    if (!v) return -1;
    snprintf(out, 40, "XXXX-XX-XXT%s", v);
    return 0;
}

/* weekof(year, month, day): "the week of March 6" -> the ISO week of
 * that day, its year found as for date() */
static int f_weekof(const args *a, char out[40])
{
    char day[40];
    int y, m, d, wy, wn;
    if (f_date(a, day)) return -1;
    if (day[0] == 'X') { strcpy(out, "XXXX-WXX"); return 0; } /* no DCT: the year is unknown */
    if (!ca_parse_iso_prefix(day, strlen(day), &y, &m, &d)) return -1;
    iso_week(ca_to_days(y, m, d), &wy, &wn);
    snprintf(out, 40, "%04d-W%02d", wy, wn);
    return 0;
}

typedef struct fn { const char *name; int (*f)(const args *, char *); } fn;

static int f_quarter(const args *a, char out[40]) { return f_part(a, out, 'Q', 4); }
static int f_half(const args *a, char out[40]) { return f_part(a, out, 'H', 2); }

static const fn fns[] = {
    {"date", f_date},       {"numdate", f_numdate}, {"weekday", f_weekday},
    {"today", f_today},     {"rel", f_rel},         {"offset", f_offset},
    {"anaphor", f_anaphor}, {"duration", f_duration}, {"decade", f_decade},
    {"season", f_season},   {"quarter", f_quarter}, {"half", f_half},
    {"fiscal", f_fiscal},   {"time", f_time},       {"literal", f_literal},
    {"setunit", f_setunit}, {"century", f_century},
    {"nthday", f_nthday},   {"dayset", f_dayset},   {"monthset", f_monthset},
    {"easter", f_easter},
    {"weekof", f_weekof},   {"seasonset", f_seasonset}, {"partset", f_partset},
    {NULL, NULL}};

int tx_function_known(const char *name)
{
    for (const fn *f = fns; f->name; f++)
        if (strcmp(f->name, name) == 0) return 1;
    return 0;
}

int tx_normalise(const tx_ctx *c, const gm_match *m, const char *text, char out[40])
{
    args a = {c, m, text};
    out[0] = '\0';
    for (const fn *f = fns; f->name; f++)
        if (strcmp(f->name, m->rule->func) == 0) return f->f(&a, out);
    return -1;
}
