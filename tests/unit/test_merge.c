/* Merging timelines: the matching rules on hand-made cases, and the
 * properties (order independence byte for byte, idempotence,
 * associativity, every mention kept once) on generated timelines. */
#include "testutil.h"
#include "annals/annals.h"
#include "timeline/timeline.h"
#include "event/event.h"
#include "merge/merge.h"
#include "util/cal.h"

/* ---- building timelines ------------------------------------------------ */

typedef struct spec {
    int doc;
    uint32_t start;
    const char *type, *mod, *date; /* date: "YYYY-MM-DD", "YYYY-MM" or NULL */
    const char *a, *acc, *akind;   /* one actor (NULL: none) */
    const char *t, *tcc, *tkind;   /* one target */
    const char *loc, *loccc;
} spec;

static void set_date(tl_event *e, const char *v)
{
    int y, m, d;
    e->has_date = 1;
    snprintf(e->date.value, sizeof e->date.value, "%s", v);
    if (strlen(v) == 10) {
        assert_true(ca_parse_ymd(v, 10, &y, &m, &d));
        e->date.precision = "day";
        memcpy(e->date.start, v, 11);
        memcpy(e->date.end, v, 11);
    } else {
        assert_int_equal(sscanf(v, "%d-%d", &y, &m), 2);
        e->date.precision = "month";
        ca_format_ymd(e->date.start, y, m, 1);
        ca_format_ymd(e->date.end, y, m, ca_days_in_month(y, m));
    }
}

static void add(annals_timeline *tl, const size_t *docmap, const spec *s)
{
    tl_event e;
    memset(&e, 0, sizeof e);
    const ev_type *ty = ev_type_find(s->type);
    assert_non_null(ty);
    e.type = ty->name;
    e.cameo = ty->cameo;
    e.plover = ty->plover;
    e.modality = s->mod;
    snprintf(e.id, sizeof e.id, "ev-%08x%08x", (unsigned)s->doc, (unsigned)s->start);
    if (s->date) set_date(&e, s->date);
    tl_party a = {(char *)s->a, "", s->akind ? s->akind : "state"}, t = {(char *)s->t, "", s->tkind ? s->tkind : "state"};
    if (s->acc) snprintf(a.country, 4, "%s", s->acc);
    if (s->tcc) snprintf(t.country, 4, "%s", s->tcc);
    e.actors = s->a ? &a : NULL;
    e.nactors = s->a != NULL;
    e.targets = s->t ? &t : NULL;
    e.ntargets = s->t != NULL;
    if (s->loc) {
        e.has_location = 1;
        e.loc_name = (char *)s->loc;
        if (s->loccc) snprintf(e.loc_country, 4, "%s", s->loccc);
    }
    e.summary = "a summary";
    e.confidence = 0.5;
    tl_mention m = {docmap[s->doc], s->start, s->start + 40, "A sentence.", "met", NULL};
    e.mentions = &m;
    e.nmentions = 1;
    assert_int_equal(tl_add_event(tl, &e), 0);
}

/* A timeline of ndocs documents ("d00".."dNN", added in doc_order) and the
 * specs (in ev_order; NULL: as given). */
static annals_timeline *build(const spec *s, size_t n, int ndocs, const int *doc_order, const size_t *ev_order)
{
    annals_timeline *tl = annals_timeline_new();
    size_t docmap[64];
    for (int i = 0; i < ndocs; i++) {
        int d = doc_order ? doc_order[i] : i;
        char id[16];
        snprintf(id, sizeof id, "d%02d", d);
        long k = tl_add_document(tl, id, NULL, NULL, NULL);
        assert_true(k >= 0);
        docmap[d] = (size_t)k;
    }
    for (size_t i = 0; i < n; i++) add(tl, docmap, &s[ev_order ? ev_order[i] : i]);
    return tl;
}

static char *write_str(const annals_timeline *tl)
{
    char *buf;
    size_t n;
    FILE *m = open_memstream(&buf, &n);
    annals_error err;
    assert_int_equal(annals_write(tl, ANNALS_FORMAT_JSON, 0, m, &err), 0);
    fclose(m);
    return buf;
}

static annals_timeline *read_str(const char *s)
{
    annals_timeline *tl = annals_timeline_new();
    FILE *f = fmemopen((void *)s, strlen(s), "r");
    annals_error err;
    int rc = annals_timeline_read(tl, f, "t.json", &err);
    fclose(f);
    if (rc) fail_msg("%s", err.message);
    return tl;
}

static annals_timeline *merged(const spec *s, size_t n, int ndocs)
{
    annals_timeline *tl = build(s, n, ndocs, NULL, NULL);
    annals_error err;
    assert_int_equal(annals_timeline_merge(tl, &err), 0);
    return tl;
}

/* The merged event whose mentions include document doc at start. */
static const tl_event *event_of(const annals_timeline *tl, const char *doc, uint32_t start)
{
    for (size_t i = 0; i < tl->nev; i++)
        for (size_t j = 0; j < tl->ev[i].nmentions; j++) {
            const tl_mention *m = &tl->ev[i].mentions[j];
            if (m->start == start && strcmp(tl->docs[m->doc].id, doc) == 0) return &tl->ev[i];
        }
    fail_msg("no event with a mention at %s:%u", doc, start);
    return NULL;
}

/* ---- the matching rules -------------------------------------------------- */

static void test_planned_then_asserted(void **st)
{
    (void)st;
    const spec s[] = {
        {0, 100, "meeting", "planned", "2018-06-12", "Donald Trump", "USA", "person", "Kim Jong Un", "PRK", "person", "Singapore", "SGP"},
        {1, 200, "meeting", "asserted", "2018-06-12", "Trump", "USA", "person", "Kim", "PRK", "person", "Singapore", "SGP"},
        {2, 300, "meeting", "asserted", "2018-06-12", "Washington", NULL, "state", "Pyongyang", NULL, "state", NULL, NULL},
        /* the Hanoi summit: same leaders, months later: its own event */
        {3, 400, "meeting", "asserted", "2019-02-28", "Donald Trump", "USA", "person", "Kim Jong Un", "PRK", "person", "Hanoi", "VNM"},
    };
    annals_timeline *tl = merged(s, 4, 4);
    assert_int_equal(tl->nev, 2);
    const tl_event *e = event_of(tl, "d00", 100);
    assert_ptr_equal(e, event_of(tl, "d01", 200));
    assert_ptr_equal(e, event_of(tl, "d02", 300));
    assert_string_equal(e->modality, "asserted");
    assert_int_equal(e->sources, 3);
    assert_int_equal(e->nreports, 3);
    assert_string_equal(e->date.value, "2018-06-12");
    assert_int_equal(e->ndate_reports, 0); /* they agree */
    assert_ptr_not_equal(e, event_of(tl, "d03", 400));
    annals_timeline_free(tl);
}

static void test_date_containment(void **st)
{
    (void)st;
    const spec s[] = {
        {0, 10, "seizure", "asserted", "2021-07", NULL, NULL, NULL, NULL, NULL, NULL, "Spin Boldak", "AFG"},
        {1, 20, "seizure", "asserted", "2021-07-14", "Taliban", "AFG", "armed_group", NULL, NULL, NULL, "Spin Boldak", "AFG"},
        {2, 30, "seizure", "asserted", "2021-07-14", "Taliban", "AFG", "armed_group", NULL, NULL, NULL, NULL, NULL},
        /* not contained: August */
        {3, 40, "seizure", "asserted", "2021-08", NULL, NULL, NULL, NULL, NULL, NULL, "Spin Boldak", "AFG"},
    };
    annals_timeline *tl = merged(s, 4, 4);
    assert_int_equal(tl->nev, 2);
    const tl_event *e = event_of(tl, "d00", 10);
    assert_ptr_equal(e, event_of(tl, "d01", 20));
    assert_ptr_equal(e, event_of(tl, "d02", 30));
    assert_string_equal(e->date.value, "2021-07-14"); /* July supports July 14 */
    assert_int_equal(e->ndate_reports, 2);
    assert_string_equal(e->date_reports[0].date.value, "2021-07");
    assert_int_equal(e->date_reports[1].ndocs, 2);
    annals_timeline_free(tl);
}

static void test_types_never_merge(void **st)
{
    (void)st;
    const spec s[] = {
        {0, 10, "attack", "asserted", "2020-01-03", "United States", "USA", "state", "Iran", "IRN", "state", "Baghdad", "IRQ"},
        {1, 10, "threat", "asserted", "2020-01-03", "United States", "USA", "state", "Iran", "IRN", "state", "Baghdad", "IRQ"},
        {2, 10, "sanctions", "asserted", "2020-01-03", "United States", "USA", "state", "Iran", "IRN", "state", "Baghdad", "IRQ"},
    };
    annals_timeline *tl = merged(s, 3, 3);
    assert_int_equal(tl->nev, 3);
    for (size_t i = 0; i < 3; i++) assert_int_equal(tl->ev[i].sources, 1);
    annals_timeline_free(tl);
    /* one sentence that reports two events: the same span, two types */
    const spec one[] = {
        {0, 10, "withdrawal", "asserted", "2018-05-08", "United States", "USA", "state", NULL, NULL, NULL, NULL, NULL},
        {0, 10, "agreement", "asserted", "2018-05-08", "Iran", "IRN", "state", NULL, NULL, NULL, NULL, NULL},
    };
    tl = merged(one, 2, 1);
    assert_int_equal(tl->nev, 2);
    assert_string_not_equal(tl->ev[0].type, tl->ev[1].type);
    annals_timeline_free(tl);
}

static void test_date_reports_on_conflict(void **st)
{
    (void)st;
    const spec s[] = {
        {0, 10, "attack", "asserted", "2020-01-03", "Washington", NULL, "state", "Iran", "IRN", "state", "Baghdad", "IRQ"},
        {1, 20, "attack", "asserted", "2020-01-02", "U.S. forces", "USA", "organisation", "Qassem Soleimani", "IRN", "person", "Baghdad", "IRQ"},
        {2, 30, "attack", "asserted", "2020-01-03", "the U.S.", NULL, "state", "Qassem Soleimani", "IRN", "person", NULL, NULL},
        /* five days later, Iran strikes back: not the same attack */
        {3, 40, "attack", "asserted", "2020-01-08", "Iran", "IRN", "state", "United States", "USA", "state", "Erbil", "IRQ"},
    };
    annals_timeline *tl = merged(s, 4, 4);
    assert_int_equal(tl->nev, 2);
    const tl_event *e = event_of(tl, "d00", 10);
    assert_ptr_equal(e, event_of(tl, "d01", 20));
    assert_ptr_equal(e, event_of(tl, "d02", 30));
    assert_string_equal(e->date.value, "2020-01-03"); /* two sources against one */
    assert_int_equal(e->ndate_reports, 2);
    assert_string_equal(e->date_reports[0].date.value, "2020-01-02");
    assert_int_equal(e->date_reports[0].ndocs, 1);
    assert_string_equal(tl->docs[e->date_reports[0].docs[0]].id, "d01");
    assert_int_equal(e->date_reports[1].ndocs, 2);
    char *out = write_str(tl);
    assert_non_null(strstr(out, "\"date_reports\": [{\"value\": \"2020-01-02\""));
    assert_non_null(strstr(out, "\"docs\": [\"d00\", \"d02\"]"));
    free(out);
    annals_timeline_free(tl);
}

static void test_actors_must_agree(void **st)
{
    (void)st;
    const spec s[] = {
        {0, 10, "attack", "asserted", "2024-04-01", "United States", "USA", "state", "Iran", "IRN", "state", NULL, NULL},
        {1, 10, "attack", "asserted", "2024-04-01", "Israel", "ISR", "state", "Iran", "IRN", "state", NULL, NULL},
        /* a planned one and a denied one are not the same happening */
        {2, 10, "attack", "negated", "2024-04-01", "United States", "USA", "state", "Iran", "IRN", "state", NULL, NULL},
        /* two people of one country are two people */
        {3, 10, "meeting", "asserted", "2021-06-16", "Joe Biden", "USA", "person", NULL, NULL, NULL, "Geneva", "CHE"},
        {4, 10, "meeting", "asserted", "2021-06-16", "Donald Trump", "USA", "person", NULL, NULL, NULL, "Geneva", "CHE"},
    };
    annals_timeline *tl = merged(s, 5, 5);
    assert_int_equal(tl->nev, 5);
    annals_timeline_free(tl);
}

static void test_next_day_needs_a_name_or_place(void **st)
{
    (void)st;
    const spec s[] = {
        /* a day apart, only a country in common: two events */
        {0, 10, "attack", "asserted", "2020-01-02", "Pentagon", "USA", "organisation", NULL, NULL, NULL, NULL, NULL},
        {1, 10, "attack", "asserted", "2020-01-03", "United States", "USA", "state", NULL, NULL, NULL, NULL, NULL},
        /* the same, with one place: one event */
        {2, 10, "seizure", "asserted", "2020-01-02", "Pentagon", "USA", "organisation", NULL, NULL, NULL, "Baghdad", "IRQ"},
        {3, 10, "seizure", "asserted", "2020-01-03", "United States", "USA", "state", NULL, NULL, NULL, "Baghdad", "IRQ"},
        /* the same day, a country in common is enough */
        {4, 10, "arrest", "asserted", "2020-01-02", "Pentagon", "USA", "organisation", NULL, NULL, NULL, NULL, NULL},
        {5, 10, "arrest", "asserted", "2020-01-02", "United States", "USA", "state", NULL, NULL, NULL, NULL, NULL},
    };
    annals_timeline *tl = merged(s, 6, 6);
    assert_int_equal(tl->nev, 4);
    assert_ptr_not_equal(event_of(tl, "d00", 10), event_of(tl, "d01", 10));
    assert_ptr_equal(event_of(tl, "d02", 10), event_of(tl, "d03", 10));
    assert_ptr_equal(event_of(tl, "d04", 10), event_of(tl, "d05", 10));
    annals_timeline_free(tl);
}

static void test_vague_report_ambiguous(void **st)
{
    (void)st;
    /* "in June" matches two June meetings: it joins neither */
    const spec s[] = {
        {0, 10, "meeting", "asserted", "2018-06-12", "Donald Trump", "USA", "person", "Kim Jong Un", "PRK", "person", NULL, NULL},
        {1, 10, "meeting", "asserted", "2018-06-20", "Donald Trump", "USA", "person", "Kim Jong Un", "PRK", "person", NULL, NULL},
        {2, 10, "meeting", "asserted", "2018-06", "Trump", "USA", "person", "Kim", "PRK", "person", NULL, NULL},
        /* a quarter-wide date is too vague to join a day */
        {3, 10, "meeting", "asserted", "2018", "Trump", "USA", "person", "Kim", "PRK", "person", NULL, NULL},
    };
    annals_timeline *tl = annals_timeline_new();
    size_t docmap[4] = {0, 1, 2, 3};
    for (int i = 0; i < 4; i++) {
        char id[16];
        snprintf(id, sizeof id, "d%02d", i);
        tl_add_document(tl, id, NULL, NULL, NULL);
    }
    for (int i = 0; i < 3; i++) add(tl, docmap, &s[i]);
    spec y = s[3];
    y.date = "2018-06-12";
    add(tl, docmap, &y);
    tl_event *ye = &tl->ev[3]; /* make it a year */
    snprintf(ye->date.value, sizeof ye->date.value, "2018");
    ye->date.precision = "year";
    memcpy(ye->date.start, "2018-01-01", 11);
    memcpy(ye->date.end, "2018-12-31", 11);
    annals_error err;
    assert_int_equal(annals_timeline_merge(tl, &err), 0);
    assert_int_equal(tl->nev, 4);
    annals_timeline_free(tl);
}

static void test_party_names(void **st)
{
    (void)st;
    char buf[64];
    mg_normalise("  The U.S. ", buf, sizeof buf);
    assert_string_equal(buf, "us");
    mg_normalise("Kim  Jong-Un", buf, sizeof buf);
    assert_string_equal(buf, "kim jong un");
    assert_string_equal(mg_alias_country("washington"), "USA");
    assert_string_equal(mg_alias_country("united states"), "USA");
    assert_null(mg_alias_country("atlantis"));
    mg_names nm;
    sm_init(&nm.map);
    nm.next = 0;
    ar_arena mem;
    ar_init(&mem, 4096);
    tl_party src[] = {{"the U.S.", "", "state"},   {"Washington", "", "state"}, {"United States", "USA", "state"},
                      {"Donald Trump", "USA", "person"}, {"Trump", "", "person"},  {"Joe Biden", "USA", "person"},
                      {"Taliban", "AFG", "armed_group"}, {"Afghanistan", "AFG", "state"}};
    mg_party p[8];
    for (int i = 0; i < 8; i++) assert_int_equal(mg_party_make(&nm, &mem, &src[i], &p[i]), 0);
    assert_true(mg_party_same(&p[0], &p[1]));
    assert_true(mg_party_same(&p[1], &p[2]));
    assert_int_equal(mg_party_same(&p[2], &p[3]), 1); /* a state and its leader: by country */
    assert_int_equal(mg_party_same(&p[3], &p[4]), 2); /* a surname: by name */
    assert_false(mg_party_same(&p[3], &p[5])); /* two people */
    assert_false(mg_party_same(&p[6], &p[7])); /* an armed group is not its state */
    assert_int_equal(mg_intern(&nm, "us"), p[0].name);
    sm_free(&nm.map);
    ar_free(&mem);
}

static void test_dates_compatible(void **st)
{
    (void)st;
    mg_atom a = {.dated = 1, .day = 1, .start = 100, .end = 100}, b = a, m = {.dated = 1, .start = 90, .end = 119};
    b.start = b.end = 101;
    assert_true(mg_dates_compatible(&a, &b)); /* a day apart */
    b.start = b.end = 102;
    assert_false(mg_dates_compatible(&a, &b));
    assert_true(mg_dates_compatible(&a, &m)); /* the month contains it */
    assert_true(mg_dates_compatible(&m, &b));
    a.start = a.end = 120;
    assert_false(mg_dates_compatible(&a, &m));
    mg_atom y = {.dated = 1, .start = 0, .end = 364};
    assert_false(mg_dates_compatible(&y, &m)); /* a year is too wide */
    assert_true(mg_dates_compatible(&y, &y));
    assert_int_equal(mg_weak(&y), 1);
}

static void test_shared_mention_and_reports_round_trip(void **st)
{
    (void)st;
    const spec s[] = {
        {0, 10, "ceasefire", "asserted", "2020-03-05", "Vladimir Putin", "RUS", "person", "Tayyip Erdogan", "TUR", "person", "Idlib", "SYR"},
        {1, 10, "ceasefire", "asserted", "2020-03-05", NULL, NULL, NULL, NULL, NULL, NULL, "Idlib", "SYR"},
        {2, 10, "ceasefire", "asserted", "2020-03", "Moscow", "RUS", "state", "Ankara", "TUR", "state", NULL, NULL},
    };
    annals_timeline *tl = merged(s, 3, 3);
    assert_int_equal(tl->nev, 1);
    char *a = write_str(tl);
    annals_timeline *back = read_str(a);
    assert_int_equal(back->nev, 1);
    assert_int_equal(back->ev[0].nreports, 3);
    assert_int_equal(back->ev[0].sources, 3);
    char *b = write_str(back);
    assert_string_equal(a, b); /* reading and writing loses nothing */
    annals_error err;
    assert_int_equal(annals_timeline_merge(back, &err), 0);
    char *c = write_str(back);
    assert_string_equal(a, c);
    free(a); free(b); free(c);
    annals_timeline_free(back);
    annals_timeline_free(tl);
}

static void test_bad_reports(void **st)
{
    (void)st;
    const char *bad =
        "{\"id\":\"ev-1\",\"type\":\"meeting\",\"modality\":\"asserted\",\"date\":null,\"actors\":[],"
        "\"targets\":[],\"location\":null,\"mentions\":[{\"doc\":\"a\",\"start\":0,\"end\":4}],"
        "\"sources\":1,\"reports\":[{\"id\":\"ev-2\",\"modality\":\"asserted\",\"mentions\":[3]}]}\n";
    annals_timeline *tl = annals_timeline_new();
    FILE *f = fmemopen((void *)bad, strlen(bad), "r");
    annals_error err;
    assert_int_equal(annals_timeline_read(tl, f, "bad.jsonl", &err), -1);
    fclose(f);
    assert_int_equal(err.code, ANNALS_ERR_INPUT);
    assert_non_null(strstr(err.message, "bad.jsonl:1: reports[0]"));
    annals_timeline_free(tl);
    assert_int_equal(annals_timeline_merge(NULL, &err), -1);
    assert_int_equal(err.code, ANNALS_ERR_USAGE);
}

/* ---- properties on generated timelines ---------------------------------- */

static uint64_t rng = 88172645463325252ULL;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

#define NDOCS 24
#define MAXS 400
static spec gen[MAXS];
static char datebuf[MAXS][24];
static size_t ngen;

/* Occurrences over two months, each reported by one to four documents,
 * with name variants, month-precision and off-by-one dates, plans. */
static void generate(uint64_t seed)
{
    static const char *types[] = {"meeting", "attack", "seizure"};
    static const char *names[][4] = {{"Donald Trump", "USA", "person", "Washington"}, {"Kim Jong Un", "PRK", "person", "Kim"},
                                     {"Iran", "IRN", "state", "Tehran"}, {"Taliban", "AFG", "armed_group", "Taliban fighters"},
                                     {"Vladimir Putin", "RUS", "person", "Moscow"}, {"Turkey", "TUR", "state", "Ankara"}};
    static const char *locs[][2] = {{"Singapore", "SGP"}, {"Baghdad", "IRQ"}, {"Spin Boldak", "AFG"}, {"Idlib", "SYR"}};
    rng = seed;
    ngen = 0;
    uint32_t next[NDOCS] = {0};
    for (int occ = 0; occ < 60 && ngen + 4 < MAXS; occ++) {
        const char *type = types[rnd(3)];
        int day = (int)rnd(60), a = (int)rnd(6), t = (int)rnd(6), l = (int)rnd(5);
        int reports = 1 + (int)rnd(4);
        for (int r = 0; r < reports; r++) {
            spec *s = &gen[ngen];
            memset(s, 0, sizeof *s);
            s->doc = (int)rnd(NDOCS);
            s->start = next[s->doc] += 100;
            s->type = type;
            s->mod = rnd(6) == 0 ? "planned" : rnd(10) == 0 ? "negated" : "asserted";
            int d = day + (rnd(8) == 0 ? 1 : 0);
            if (rnd(5) == 0) snprintf(datebuf[ngen], sizeof datebuf[ngen], "2020-%02d", 1 + d / 31);
            else ca_format_ymd(datebuf[ngen], 2020, 1 + d / 31, 1 + d % 28);
            s->date = rnd(15) == 0 ? NULL : datebuf[ngen];
            int alias = (int)rnd(2);
            if (rnd(6)) { s->a = names[a][alias ? 3 : 0]; s->acc = alias ? NULL : names[a][1]; s->akind = names[a][2]; }
            if (t != a && rnd(2)) { s->t = names[t][0]; s->tcc = names[t][1]; s->tkind = names[t][2]; }
            if (l < 4 && rnd(3)) { s->loc = locs[l][0]; s->loccc = locs[l][1]; }
            ngen++;
        }
    }
}

static void shuffle(size_t *v, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = rnd((unsigned)i), t = v[i - 1];
        v[i - 1] = v[j];
        v[j] = t;
    }
}

static char *merge_write(annals_timeline *tl)
{
    annals_error err;
    assert_int_equal(annals_timeline_merge(tl, &err), 0);
    return write_str(tl);
}

static void test_order_independent(void **st)
{
    (void)st;
    for (uint64_t seed = 1; seed <= 20; seed++) {
        generate(seed * 7919);
        annals_timeline *a = build(gen, ngen, NDOCS, NULL, NULL);
        size_t ev[MAXS], dv[NDOCS];
        int docs[NDOCS];
        for (size_t i = 0; i < ngen; i++) ev[i] = ngen - 1 - i;
        for (size_t i = 0; i < NDOCS; i++) dv[i] = i;
        shuffle(ev, ngen);
        shuffle(dv, NDOCS);
        for (size_t i = 0; i < NDOCS; i++) docs[i] = (int)dv[i];
        annals_timeline *b = build(gen, ngen, NDOCS, docs, ev);
        char *x = merge_write(a), *y = merge_write(b);
        assert_string_equal(x, y);
        assert_true(a->nev < ngen); /* something did merge */
        free(x); free(y);
        annals_timeline_free(a);
        annals_timeline_free(b);
    }
}

static void test_idempotent(void **st)
{
    (void)st;
    for (uint64_t seed = 1; seed <= 20; seed++) {
        generate(seed * 104729);
        annals_timeline *a = build(gen, ngen, NDOCS, NULL, NULL);
        char *once = merge_write(a);
        annals_timeline *again = read_str(once);
        char *twice = merge_write(again);
        assert_string_equal(once, twice); /* merge(merge(A)) = merge(A) */
        annals_error err;
        assert_int_equal(annals_merge(again, a, &err), 0); /* merge(A, A) = A */
        char *self = write_str(again);
        assert_string_equal(once, self);
        assert_int_equal(annals_merge(again, again, &err), 0);
        free(self);
        self = write_str(again);
        assert_string_equal(once, self);
        free(once); free(twice); free(self);
        annals_timeline_free(a);
        annals_timeline_free(again);
    }
}

static void test_associative(void **st)
{
    (void)st;
    for (uint64_t seed = 1; seed <= 20; seed++) {
        generate(seed * 1299709);
        size_t part[3][MAXS], np[3] = {0, 0, 0};
        for (size_t i = 0; i < ngen; i++) {
            int k = (int)rnd(3);
            part[k][np[k]++] = i;
        }
        annals_timeline *p[3];
        for (int k = 0; k < 3; k++) p[k] = build(gen, np[k], NDOCS, NULL, part[k]);
        annals_error err;
        /* (A + B) + C, with A + B through its JSON form */
        annals_timeline *ab = annals_timeline_new();
        assert_int_equal(annals_merge(ab, p[0], &err), 0);
        assert_int_equal(annals_merge(ab, p[1], &err), 0);
        char *abs = write_str(ab);
        annals_timeline *left = read_str(abs);
        assert_int_equal(annals_merge(left, p[2], &err), 0);
        /* A + (B + C) */
        annals_timeline *bc = annals_timeline_new();
        assert_int_equal(annals_merge(bc, p[1], &err), 0);
        assert_int_equal(annals_merge(bc, p[2], &err), 0);
        annals_timeline *right = annals_timeline_new();
        assert_int_equal(annals_merge(right, p[0], &err), 0);
        assert_int_equal(annals_merge(right, bc, &err), 0);
        /* and all at once */
        annals_timeline *all = build(gen, ngen, NDOCS, NULL, NULL);
        char *l = write_str(left), *r = write_str(right), *w = merge_write(all);
        assert_string_equal(l, r);
        assert_string_equal(l, w);
        free(abs); free(l); free(r); free(w);
        for (int k = 0; k < 3; k++) annals_timeline_free(p[k]);
        annals_timeline_free(ab);
        annals_timeline_free(left);
        annals_timeline_free(bc);
        annals_timeline_free(right);
        annals_timeline_free(all);
    }
}

static void test_mentions_conserved(void **st)
{
    (void)st;
    for (uint64_t seed = 1; seed <= 20; seed++) {
        generate(seed * 15485863);
        annals_timeline *tl = build(gen, ngen, NDOCS, NULL, NULL);
        annals_error err;
        assert_int_equal(annals_timeline_merge(tl, &err), 0);
        for (size_t i = 0; i < ngen; i++) {
            char id[16];
            snprintf(id, sizeof id, "d%02d", gen[i].doc);
            int found = 0;
            for (size_t e = 0; e < tl->nev; e++)
                for (size_t m = 0; m < tl->ev[e].nmentions; m++) {
                    const tl_mention *x = &tl->ev[e].mentions[m];
                    found += x->start == gen[i].start && strcmp(tl->docs[x->doc].id, id) == 0;
                }
            assert_int_equal(found, 1);
        }
        size_t total = 0, sources = 0;
        for (size_t e = 0; e < tl->nev; e++) {
            total += tl->ev[e].nmentions;
            sources += tl->ev[e].sources;
            assert_true(tl->ev[e].sources >= 1);
        }
        assert_int_equal(total, ngen); /* nothing added */
        assert_true(sources <= ngen);
        annals_timeline_free(tl);
    }
}

/* The audit every merge runs: a timeline that lost a mention, or gained
 * one, against the tally taken before fails with counts in the message. */
static void test_tally_catches_loss(void **st)
{
    (void)st;
    generate(7919);
    annals_timeline *tl = build(gen, ngen, NDOCS, NULL, NULL);
    mg_tally t;
    assert_int_equal(mg_tally_take(tl, &t), 0);
    assert_int_equal(t.n, ngen);
    annals_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(mg_tally_check(tl, &t, &err), 0);
    size_t keep = tl->ev[0].nmentions;
    tl->ev[0].nmentions = 0; /* lost */
    assert_int_not_equal(mg_tally_check(tl, &t, &err), 0);
    assert_non_null(strstr(err.message, "lost"));
    char want[64];
    snprintf(want, sizeof want, "%zu lost and 0 not in the input", keep);
    assert_non_null(strstr(err.message, want));
    tl->ev[0].nmentions = keep;
    tl->ev[0].mentions[0].start += 100000; /* changed: one lost, one new */
    assert_non_null(strstr(mg_tally_check(tl, &t, &err) ? err.message : "", "1 lost and 1 not in the input"));
    mg_tally_free(&t);
    annals_timeline_free(tl);
}

/* JSON Lines read in parallel batches (over 2,048 lines) give what the
 * JSON document gives, and a bad line deep in the file is named. */
static void test_jsonl_batches(void **st)
{
    (void)st;
    generate(4242);
    annals_timeline *a = build(gen, ngen, NDOCS, NULL, NULL);
    char *once = merge_write(a), *lines;
    size_t n;
    FILE *m = open_memstream(&lines, &n);
    annals_error err;
    for (int copy = 0; copy < 60; copy++) assert_int_equal(annals_write(a, ANNALS_FORMAT_JSONL, 0, m, &err), 0);
    fclose(m);
    size_t nlines = 60 * a->nev;
    assert_true(nlines > 2 * 2048);
    annals_timeline *b = annals_timeline_new();
    FILE *f = fmemopen(lines, n, "r");
    assert_int_equal(annals_timeline_read(b, f, "t.jsonl", &err), 0);
    fclose(f);
    assert_int_equal(b->nev, nlines);
    char *again = merge_write(b);
    /* JSON Lines carry no document records: compare from "events" on */
    assert_string_equal(strstr(once, "\"events\""), strstr(again, "\"events\""));
    /* break line 3000: the error names it, the lines before it are read */
    char *p = lines;
    for (int k = 1; k < 3000; k++) p = strchr(p, '\n') + 1;
    p[1] = '!';
    annals_timeline *c = annals_timeline_new();
    f = fmemopen(lines, n, "r");
    assert_int_equal(annals_timeline_read(c, f, "t.jsonl", &err), -1);
    fclose(f);
    assert_non_null(strstr(err.message, "t.jsonl:3000: invalid JSON"));
    assert_int_equal(c->nev, 2999);
    free(once); free(lines); free(again);
    annals_timeline_free(a);
    annals_timeline_free(b);
    annals_timeline_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_planned_then_asserted), cmocka_unit_test(test_date_containment),
        cmocka_unit_test(test_types_never_merge),     cmocka_unit_test(test_date_reports_on_conflict),
        cmocka_unit_test(test_actors_must_agree),     cmocka_unit_test(test_vague_report_ambiguous),
        cmocka_unit_test(test_next_day_needs_a_name_or_place),
        cmocka_unit_test(test_party_names),           cmocka_unit_test(test_dates_compatible),
        cmocka_unit_test(test_shared_mention_and_reports_round_trip),
        cmocka_unit_test(test_bad_reports),           cmocka_unit_test(test_order_independent),
        cmocka_unit_test(test_idempotent),            cmocka_unit_test(test_associative),
        cmocka_unit_test(test_mentions_conserved),    cmocka_unit_test(test_jsonl_batches),
        cmocka_unit_test(test_tally_catches_loss),
    };
    return cmocka_run_group_tests_name("merge", tests, NULL, NULL);
}
