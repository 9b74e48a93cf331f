/* Within-article coreference: the headline, the lead and a later "the
 * meeting" that report one occurrence become one event, with every
 * mention, the most precise date and the union of participants. Two
 * events of one type are one unless something tells them apart: other
 * actors, dates that exclude each other, other places, or modalities that
 * cannot describe one occurrence. */
#include "timeline.h"
#include "../util/cal.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int same_party(const tl_party *a, const tl_party *b)
{
    if (strcmp(a->name, b->name) == 0) return 1;
    /* "Russia" and "Vladimir Putin" both stand for RUS; but two people of
     * one country are two people */
    if (a->country[0] && strcmp(a->country, b->country) == 0)
        return strcmp(a->kind, "person") != 0 || strcmp(b->kind, "person") != 0;
    return 0;
}

static int share(const tl_party *a, size_t na, const tl_party *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (same_party(&a[i], &b[j])) return 1;
    return 0;
}

static int contains(const tl_date *a, const tl_date *b)
{
    return strcmp(a->start, b->start) <= 0 && strcmp(a->end, b->end) >= 0;
}

static int modality_ok(const char *a, const char *b)
{
    if (strcmp(a, b) == 0) return 1;
    /* a plan and its report: "the planned evacuation", "relocating" */
    return (strcmp(a, "planned") == 0 && strcmp(b, "asserted") == 0) ||
           (strcmp(a, "asserted") == 0 && strcmp(b, "planned") == 0);
}

/* Does word w (n bytes) occur in s as a whole word? */
static int has_word(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = s; (p = strstr(p, w)) != NULL; p++) {
        int before = p == s || p[-1] == ' ' || p[-1] == '-';
        int after = p[n] == '\0' || p[n] == ' ' || p[n] == 's';
        if (before && after) return 1;
    }
    return 0;
}

/* A meeting by telephone: a call is never the summit it prepares, nor
 * the talks held in person a month before ("spoke by phone", "a phone
 * call", "the call"). */
static int by_phone(const tl_event *e)
{
    if (strcmp(e->type, "meeting") != 0) return 0;
    for (size_t i = 0; i < e->nmentions; i++) {
        const char *t = e->mentions[i].trigger;
        if (t && (has_word(t, "phone") || has_word(t, "call") || has_word(t, "telephone") ||
                  has_word(t, "videoconference")))
            return 1;
    }
    return 0;
}

/* What kind of ballot an election event names: 1 a referendum, 2 an
 * election of people (an election, a primary, a leadership contest), 0
 * both or neither ("the vote"). A referendum is never the European
 * elections held the same week, nor the general election before it. */
static int ballot_kind(const tl_event *e)
{
    static const char *const people[] = {"election", "primar", "caucus", "contest", "race",
                                         "runoff", "run-off", "polls", "elected", NULL};
    if (strcmp(e->type, "election") != 0) return 0;
    int ref = 0, elec = 0;
    for (size_t i = 0; i < e->nmentions; i++) {
        const char *t = e->mentions[i].trigger;
        if (!t) continue;
        if (strcasestr(t, "referend") || strcasestr(t, "plebiscite")) ref = 1;
        for (size_t k = 0; people[k]; k++)
            if (strcasestr(t, people[k])) elec = 1;
    }
    return ref == elec ? 0 : ref ? 1 : 2;
}

/* Is the trigger t, as its sentence s uses it, a plural noun? It ends in
 * -s and what follows is no object of a verb ("attacks on", "strikes
 * this year", "attacks." -- but "meets Biden", "attacks the town"). */
static int plural_use(const char *sent, const char *t)
{
    static const char *const after[] = {"on", "in", "against", "across", "by", "that", "which",
                                        "were", "have", "had", "already", "this", "last",
                                        "over", "at", "since", "during", NULL};
    size_t n = strlen(t);
    if (n < 4 || t[n - 1] != 's' || strchr("sui", t[n - 2])) return 0; /* "press", "bus", "crisis" */
    const char *p = sent ? strstr(sent, t) : NULL;
    if (!p) return 0;
    p += n;
    if (*p != ' ') return 1; /* punctuation or the end: no object follows */
    p++;
    for (size_t i = 0; after[i]; i++) {
        size_t k = strlen(after[i]);
        if (strncmp(p, after[i], k) == 0 && (p[k] == ' ' || p[k] == ',' || p[k] == '.' || !p[k]))
            return 1;
    }
    return 0;
}

/* A plural noun of a countable occurrence ("attacks", "strikes",
 * "meetings"): several occurrences, not the one a singular tells of. The
 * types whose triggers are plural by nature (talks, sanctions, protests)
 * are left alone. */
static int plural_count(const tl_event *e)
{
    if (strcmp(e->type, "attack") != 0 && strcmp(e->type, "meeting") != 0) return 0;
    for (size_t i = 0; i < e->nmentions; i++)
        if (!e->mentions[i].trigger || !plural_use(e->mentions[i].sentence, e->mentions[i].trigger))
            return 0;
    return e->nmentions > 0;
}

/* Was e dated by words of its own mentions? A date carried over from the
 * sentence before (anchor.c) is a guess that another mention's own date
 * overrides: "took part in Modi's rally" after a sentence on Dec. 11 is
 * still the rally of Sunday. */
static int own_date(const tl_event *e)
{
    if (!e->has_date) return 0;
    for (size_t i = 0; i < e->nmentions; i++)
        if (e->mentions[i].date_text) return 1;
    return 0;
}

/* Is mention m's trigger a name ("Brexit"): a capital that does not
 * open its sentence? */
static int named(const tl_mention *m)
{
    /* "Brexit", not a heading's "SANCTIONS" */
    if (!m->trigger || !m->sentence || !isupper((unsigned char)m->trigger[0]) ||
        !islower((unsigned char)m->trigger[1]))
        return 0;
    const char *p = strstr(m->sentence, m->trigger);
    return p && p > m->sentence && p[-1] == ' ' && p[-2] != '.' && p[-2] != ':';
}

/* Does e tell of itself with word w in other case ("arrest" beside a
 * heading's "Arrest")? Then w is a common word, no name. */
static int lower_use(const tl_event *e, const char *w)
{
    for (size_t i = 0; i < e->nmentions; i++) {
        const char *t = e->mentions[i].trigger;
        if (t && strcasecmp(t, w) == 0 && strcmp(t, w) != 0) return 1;
    }
    return 0;
}

/* Do a and b share a trigger that is a name? A named occurrence is one
 * however the text frames it along the way ("if Brexit could be walked
 * back", "the UK voted for Brexit"). One use of the word as a name is
 * enough: the same word, capital and all, opening a sentence is that
 * name too ("Brexit is likely to dominate the race"). */
static int same_name(const tl_event *a, const tl_event *b)
{
    for (size_t i = 0; i < a->nmentions; i++)
        for (size_t j = 0; j < b->nmentions; j++)
            if ((named(&a->mentions[i]) || named(&b->mentions[j])) && a->mentions[i].trigger &&
                b->mentions[j].trigger &&
                strcmp(a->mentions[i].trigger, b->mentions[j].trigger) == 0)
                return !lower_use(a, a->mentions[i].trigger) && !lower_use(b, a->mentions[i].trigger);
    return 0;
}

/* Is e negated as not done yet, in the present perfect ("I have not been
 * able to deliver Brexit", "has not yet signed")? What has not happened
 * so far is the occurrence still planned. The first mention is the one
 * that gave e its modality. */
static int not_yet(const tl_event *e)
{
    static const char *const cues[] = {"has not", "have not", "hasn't", "haven't",
                                       "hasn\xE2\x80\x99t", "haven\xE2\x80\x99t", "not yet", NULL};
    if (strcmp(e->modality, "negated") != 0 || !e->nmentions) return 0;
    const tl_mention *m = &e->mentions[0];
    const char *t = m->sentence && m->trigger ? strstr(m->sentence, m->trigger) : NULL;
    if (!t) return 0;
    const char *from = t - m->sentence > 40 ? t - 40 : m->sentence;
    for (size_t k = 0; cues[k]; k++) {
        const char *p = strstr(from, cues[k]);
        if (p && p < t) return 1;
    }
    return 0;
}

static int compatible(const tl_event *a, const tl_event *b)
{
    if (strcmp(a->type, b->type) != 0) return 0;
    int plan_pending = (strcmp(a->modality, "planned") == 0 && not_yet(b)) ||
                       (strcmp(b->modality, "planned") == 0 && not_yet(a));
    if (!modality_ok(a->modality, b->modality) && !same_name(a, b) && !plan_pending) return 0;
    if (by_phone(a) != by_phone(b)) return 0;
    int ka = ballot_kind(a), kb = ballot_kind(b);
    if (ka && kb && ka != kb) return 0;
    if (plural_count(a) != plural_count(b)) return 0;
    if (a->nactors && b->nactors && !share(a->actors, a->nactors, b->actors, b->nactors)) return 0;
    if (a->ntargets && b->ntargets && !share(a->targets, a->ntargets, b->targets, b->ntargets) &&
        !share(a->actors, a->nactors, b->targets, b->ntargets))
        return 0;
    if (own_date(a) && own_date(b) && !contains(&a->date, &b->date) && !contains(&b->date, &a->date))
        return 0;
    /* a call joins two places: the place either mention names tells no
     * call from another ("spoke from Washington", "the call ... in England") */
    if (!by_phone(a) && a->has_location && b->has_location && strcmp(a->loc_name, b->loc_name) != 0 &&
        strcmp(a->loc_country, b->loc_country) != 0)
        return 0;
    return 1;
}

/* The day number of a "YYYY-MM-DD" into *out; 0 if it is none. */
static int day_of(const char *ymd, long *out)
{
    int y, m, d;
    if (!ymd[0] || !ca_parse_ymd(ymd, strlen(ymd), &y, &m, &d)) return 0;
    *out = ca_to_days(y, m, d);
    return 1;
}

/* Is one of a and b dated by its own words to over a year before the DCT
 * and the other not dated by its own words? A past event named in passing
 * ("the 1944 massacre", "the 2011 raid") is not the article's undated
 * news told in other words ("three days after the strike"). dct: its day
 * number, or NULL. */
static int history_and_news(const tl_event *a, const tl_event *b, const long *dct)
{
    long end;
    if (!dct || own_date(a) == own_date(b)) return 0;
    const tl_event *dated = own_date(a) ? a : b;
    return day_of(dated->date.end, &end) && end < *dct - 365;
}

/* Do a and b share a trigger word (case aside)? */
static int same_word(const tl_event *a, const tl_event *b)
{
    for (size_t i = 0; i < a->nmentions; i++)
        for (size_t j = 0; j < b->nmentions; j++) {
            const char *x = a->mentions[i].trigger, *y = b->mentions[j].trigger;
            if (x && y && strcasecmp(x, y) == 0) return 1;
        }
    return 0;
}

/* dst gets the parties of src it lacks. */
static int add_parties(annals_timeline *tl, tl_party **dst, size_t *nd, const tl_party *src, size_t ns)
{
    size_t extra = 0;
    for (size_t j = 0; j < ns; j++) {
        int have = 0;
        for (size_t i = 0; i < *nd && !have; i++) have = strcmp((*dst)[i].name, src[j].name) == 0;
        extra += !have;
    }
    if (!extra) return 0;
    tl_party *p = ar_alloc(&tl->mem, (*nd + extra) * sizeof *p);
    if (!p) return -1;
    if (*nd) memcpy(p, *dst, *nd * sizeof *p);
    size_t n = *nd;
    for (size_t j = 0; j < ns; j++) {
        int have = 0;
        for (size_t i = 0; i < n && !have; i++) have = strcmp(p[i].name, src[j].name) == 0;
        if (!have) p[n++] = src[j];
    }
    *dst = p;
    *nd = n;
    return 0;
}

/* *cap: how many mentions a's array has room for (0: exactly its own).
 * It grows by doubling: an event that takes up a mention at a time must
 * not copy its whole list each time (the arena keeps every copy). */
static int merge_into(annals_timeline *tl, tl_event *a, const tl_event *b, int votes[4], size_t *cap)
{
    int a_own = own_date(a), b_own = own_date(b); /* before the mentions join */
    size_t need = a->nmentions + b->nmentions;
    if (need > *cap) {
        size_t nc = *cap * 2 > need ? *cap * 2 : need < 4 ? 4 : need;
        tl_mention *m = ar_alloc(&tl->mem, nc * sizeof *m);
        if (!m) return -1;
        memcpy(m, a->mentions, a->nmentions * sizeof *m);
        a->mentions = m;
        *cap = nc;
    }
    memcpy(a->mentions + a->nmentions, b->mentions, b->nmentions * sizeof *b->mentions);
    a->nmentions = need;
    if (b->has_date && (!a->has_date || (b_own && !a_own) ||
                        (b_own == a_own && contains(&a->date, &b->date)))) {
        a->date = b->date; /* the most precise date */
        a->has_date = 1;
    }
    if (!a->has_location && b->has_location) {
        a->has_location = 1;
        a->loc_name = b->loc_name;
        memcpy(a->loc_country, b->loc_country, sizeof a->loc_country);
    }
    if (b->confidence > a->confidence) a->confidence = b->confidence;
    int empty = !a->nactors;
    if (add_parties(tl, &a->actors, &a->nactors, b->actors, b->nactors) ||
        add_parties(tl, &a->targets, &a->ntargets, b->targets, b->ntargets))
        return -1;
    /* the fuller summary wins */
    if (empty && a->nactors && b->summary) a->summary = b->summary;
    /* not done yet, and planned: a plan */
    if (strcmp(b->modality, "planned") == 0 && not_yet(a)) a->modality = "planned";
    /* what did not happen votes for neither */
    if (strcmp(b->modality, "asserted") == 0 || strcmp(b->modality, "planned") == 0)
        votes[strcmp(b->modality, "planned") == 0] += 1;
    return 0;
}

int tl_coref(annals_timeline *tl, size_t first)
{
    size_t out = first;
    /* votes per kept event: [asserted, planned] */
    int votes[256][4];
    size_t cap[256]; /* room in each kept event's mention list (merge_into) */
    long dct_day;
    const long *dct = NULL;
    if (first < tl->nev && tl->ev[first].nmentions && tl->ev[first].mentions[0].doc < tl->ndocs &&
        day_of(tl->docs[tl->ev[first].mentions[0].doc].dct, &dct_day))
        dct = &dct_day;
    for (size_t i = first; i < tl->nev; i++) {
        tl_event *b = &tl->ev[i];
        /* the nearest event told with one of the same words ("the
         * rally" takes up the rally, not the nearer protests), else the
         * nearest that fits */
        long into = -1;
        /* among those told with the same word, the one told most often:
         * "the summit" of a later sentence is the article's summit, not
         * the next year's one named last */
        for (size_t k = out; k-- > first;)
            if (same_word(&tl->ev[k], b) && compatible(&tl->ev[k], b) &&
                (into < 0 || tl->ev[k].nmentions > tl->ev[into].nmentions))
                into = (long)k;
        for (size_t k = out; k-- > first && into < 0;)
            if (compatible(&tl->ev[k], b) && !history_and_news(&tl->ev[k], b, dct)) into = (long)k;
        if (into >= 0 && into - (long)first < 256) {
            if (merge_into(tl, &tl->ev[into], b, votes[into - first], &cap[into - first])) return -1;
            continue;
        }
        if (out - first < 256) {
            memset(votes[out - first], 0, sizeof votes[0]);
            cap[out - first] = 0;
            votes[out - first][strcmp(b->modality, "planned") == 0] = 1;
        }
        tl->ev[out++] = *b;
    }
    tl->nev = out;
    /* a plan reported more often than its happening stays a plan */
    for (size_t k = first; k < out && k - first < 256; k++) {
        tl_event *e = &tl->ev[k];
        int *v = votes[k - first];
        if (strcmp(e->modality, "planned") == 0 || strcmp(e->modality, "asserted") == 0)
            e->modality = v[1] >= v[0] ? "planned" : "asserted";
    }
    return 0;
}
