/* gen_events: generated annals/1 JSON Lines of events for `make bench`:
 * N events (default 1,000,000) of 18 types, among 2,000 actors, over ten
 * years (2015-2024), a third of them second reports of another event by
 * another document (a surname for a full name, a month for a day, a day
 * off, a plan for a happening). Each summary names its occurrence
 * ("occurrence 17"), so a merge can be scored. Deterministic: the same N, the same file.
 *   gen_events [N] > events.jsonl */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static const char *const types[18] = {
    "meeting", "talks", "agreement", "ceasefire", "offer", "withdrawal", "seizure", "attack", "sanctions",
    "evacuation", "deployment", "arrest", "release", "threat", "protest", "election", "leadership_change", "aid"};

typedef struct occ { long id; int type, day, actor, target, loc, planned; } occ;

static void date_of(int day, int month_only, char *value, char *prec, char *start, char *end)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 2015, m = 0;
    for (;;) {
        int leap = (y % 4 == 0 && y % 100) || y % 400 == 0, len = 365 + leap;
        if (day < len) break;
        day -= len;
        y++;
    }
    int leap = (y % 4 == 0 && y % 100) || y % 400 == 0;
    for (;; m++) {
        int md = mdays[m] + (m == 1 && leap);
        if (day < md) break;
        day -= md;
    }
    if (month_only) {
        int md = mdays[m] + (m == 1 && leap);
        snprintf(value, 32, "%04d-%02d", y, m + 1);
        strcpy(prec, "month");
        snprintf(start, 32, "%04d-%02d-01", y, m + 1);
        snprintf(end, 32, "%04d-%02d-%02d", y, m + 1, md);
    } else {
        snprintf(value, 32, "%04d-%02d-%02d", y, m + 1, day + 1);
        strcpy(prec, "day");
        strcpy(start, value);
        strcpy(end, value);
    }
}

/* Actor i: every third a person ("Given17 Family17", or "Family17" as a
 * second report may call them), else a state or an organisation; 200
 * countries. */
static void party(int i, int surname, char *out)
{
    char cc[4] = {(char)('A' + i % 200 / 26 % 26), (char)('A' + i % 200 % 26), 'X', 0};
    if (i % 3 == 0)
        sprintf(out, "{\"name\": \"%sFamily%d\", \"country\": \"%s\", \"kind\": \"person\"}",
                surname ? "" : "Given ", i, cc);
    else
        sprintf(out, "{\"name\": \"%s %d\", \"country\": \"%s\", \"kind\": \"%s\"}", i % 3 == 1 ? "State" : "Agency", i,
                cc, i % 3 == 1 ? "state" : "organisation");
}

static void emit(const occ *o, long n, int dup)
{
    char value[32], prec[8], start[32], end[32], a[160], t[160];
    int month = dup && rnd(6) == 0, off = dup && !month && rnd(10) == 0;
    date_of(o->day + off, month, value, prec, start, end);
    party(o->actor, dup && rnd(2), a);
    if (o->target >= 0) party(o->target, 0, t);
    long doc = dup ? (long)rnd(100000) : n / 10;
    /* a second report sits past the first ones of its document */
    long at = dup ? 100000000L + n * 200 : n % 10 * 200;
    const char *mod = o->planned && !dup ? "planned" : "asserted";
    printf("{\"id\": \"ev-%016lx\", \"type\": \"%s\", \"modality\": \"%s\", \"date\": {\"value\": \"%s\", "
           "\"precision\": \"%s\", \"start\": \"%s\", \"end\": \"%s\"}, \"actors\": [%s], \"targets\": [%s], "
           "\"location\": ",
           (unsigned long)n, types[o->type], mod, value, prec, start, end, a, o->target >= 0 ? t : "");
    if (o->loc >= 0) printf("{\"name\": \"Place %d\", \"country\": null}", o->loc);
    else fputs("null", stdout);
    printf(", \"summary\": \"occurrence %ld\", \"confidence\": 0.5, \"mentions\": [{\"doc\": \"g%06ld\", "
           "\"start\": %ld, \"end\": %ld, \"sentence\": \"A generated sentence about event %ld.\", "
           "\"trigger\": \"%s\", \"date_text\": null}]}\n",
           o->id, doc, at, at + 120, n, types[o->type]);
}

int main(int argc, char **argv)
{
    long total = argc > 1 ? atol(argv[1]) : 1000000;
    long uniq = total - total / 3, n = 0;
    occ *o = malloc((size_t)uniq * sizeof *o);
    if (!o) return 1;
    for (long i = 0; i < uniq; i++) {
        o[i].id = i;
        o[i].type = (int)rnd(18);
        o[i].day = (int)rnd(3650);
        o[i].actor = (int)rnd(2000);
        o[i].target = rnd(10) < 7 ? (int)rnd(2000) : -1;
        o[i].loc = rnd(2) ? (int)rnd(500) : -1;
        o[i].planned = rnd(10) == 0;
        emit(&o[i], n++, 0);
    }
    for (; n < total; n++) emit(&o[rnd((unsigned)uniq)], n, 1);
    free(o);
    return 0;
}
