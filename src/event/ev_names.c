/* Proper names no gazetteer knows: "Graham Brady", "Kayla Mueller",
 * "Kent Police". News names far more people and bodies than any list
 * holds; a run of two or three capitalised words that no list claims is
 * most often a person, or an organisation when its last word says so. */
#include "ev_names.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int is_cap_word(const dc_doc *d, uint32_t t)
{
    return d->tok[t].kind == DC_WORD && (d->tok[t].flags & DC_CAP);
}

/* Compares without a possessive 's: "Thursday's" is still a weekday. */
static int word_is(const dc_doc *d, uint32_t t, const char *const *ws)
{
    const char *w = d->text + d->tok[t].start;
    size_t n = d->tok[t].end - d->tok[t].start;
    if (n > 2 && w[n - 1] == 's' && w[n - 2] == '\'') n -= 2;
    else if (n > 4 && w[n - 1] == 's' && memcmp(w + n - 4, "\xE2\x80\x99", 3) == 0) n -= 4;
    for (size_t i = 0; ws[i]; i++)
        if (strlen(ws[i]) == n && strncasecmp(w, ws[i], n) == 0) return 1;
    return 0;
}

static const char *const not_name[] = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "After", "Before",
    "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "His", "Her",
    "Their", "Our", "Its", "For", "As", "With", "By", "From", "To", "Of", "While", "Since",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Mr", "Mrs", "Ms", "Dr", "St", "New", "North", "South", "East", "West",
    "Northern", "Southern", "Eastern", "Western", "Central", "Day", "Week", "Year",
    /* heads of places, laws and occasions, which take no part */
    "Province", "Region", "County", "City", "Valley", "Square", "Street", "Road", "Arena",
    "Airport", "Green", "Park", "Act", "Bill", "Law", "Treaty", "Accord", "Festival", "Games",
    "Cup", "Marathon", "Spring", NULL};

int ev_not_name(const dc_doc *d, uint32_t t) { return word_is(d, t, not_name); }

static const char *const org_heads[] = {
    "Police", "Committee", "Council", "Court", "Party", "Ministry", "Department", "Agency",
    "Army", "Bank", "University", "Corps", "Forces", "Union", "Front", "Brigade", "Brigades",
    "Commission", "Office", "Service", "Services", "Guard", "Guards", "Assembly", "Parliament",
    "Group", "Movement", "Organisation", "Organization", "Institute", "Company", "Times",
    "Post", "News", "Journal", "Network", "Board", "Authority", "District", "Hospital",
    "Center", "Centre", "Foundation", "Fund", "Federation", "League", NULL};

/* Is token t inside a gazetteer mention? The mentions come in token
 * order and do not overlap (gz_find), so the last one starting at or
 * before t is the only candidate: a binary search, not a scan -- this is
 * asked for every capitalised word of every earlier sentence. */
static int covered(const gz_mention *m, size_t nm, uint32_t t)
{
    size_t lo = 0, hi = nm;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m[mid].tok0 <= t) lo = mid + 1;
        else hi = mid;
    }
    return lo > 0 && t < m[lo - 1].tok0 + m[lo - 1].ntok;
}

/* Does sentence p hold a word spelled w (any case)? A cheap test before
 * looking for name runs in it. */
static int has_word(const dc_doc *d, const dc_sent *p, const char *w, size_t wl)
{
    for (uint32_t k = p->tok0; k < p->tok0 + p->ntok; k++)
        if (d->tok[k].end - d->tok[k].start == wl && strncasecmp(d->text + d->tok[k].start, w, wl) == 0)
            return 1;
    return 0;
}

/* "Nasr al-Ansi": a lower-case al- or el- particle inside a name. */
static int particle(const dc_doc *d, uint32_t t)
{
    const char *w = d->text + d->tok[t].start;
    size_t n = d->tok[t].end - d->tok[t].start;
    return d->tok[t].kind == DC_WORD && n > 4 &&
           (strncmp(w, "al-", 3) == 0 || strncmp(w, "el-", 3) == 0) && isupper((unsigned char)w[3]);
}

/* The runs of two or three capitalised words of sentence s. */
static size_t runs(const dc_doc *d, const dc_sent *s, const gz_mention *m, size_t nm,
                   ev_group *out, size_t cap)
{
    size_t n = 0;
    uint32_t end = s->tok0 + s->ntok;
    for (uint32_t t = s->tok0; t < end && n < cap; t++) {
        if (!is_cap_word(d, t) || covered(m, nm, t)) continue;
        uint32_t e = t;
        while (e < end && (is_cap_word(d, e) || (e > t && particle(d, e))) && !covered(m, nm, e) &&
               (e == t || d->tok[e].start == d->tok[e - 1].end + 1))
            e++;
        uint32_t len = e - t, from = t;
        t = e - 1;
        /* a longer run is a headline or a title, not a name */
        if (len < 2 || len > 3) continue;
        if (from > s->tok0 && is_cap_word(d, from - 1)) continue;
        if (e < end && is_cap_word(d, e)) continue;
        int bad = 0;
        for (uint32_t k = from; k < e && !bad; k++) bad = ev_not_name(d, k);
        if (bad) continue;
        ev_group *o = &out[n++];
        o->t0 = from;
        o->t1 = e;
        size_t a = d->tok[from].start, b = d->tok[e - 1].end;
        /* a possessive 's stays out of the name */
        if (b - a > 2 && d->text[b - 1] == 's' && d->text[b - 2] == '\'') b -= 2;
        if (b - a > 4 && d->text[b - 1] == 's' && memcmp(d->text + b - 4, "\xE2\x80\x99", 3) == 0)
            b -= 4;
        snprintf(o->name, sizeof o->name, "%.*s", (int)(b - a), d->text + a);
        o->country[0] = '\0';
        o->kind = word_is(d, e - 1, org_heads) ? "organisation" : "person";
    }
    return n;
}

/* Is the token before t (in sentence p) a word or a comma, not a quote? */
static int is_word_before(const dc_doc *d, const dc_sent *p, uint32_t t)
{
    if (t <= p->tok0) return 0;
    const dc_token *b = &d->tok[t - 1];
    return b->kind == DC_WORD || b->kind == DC_NUM ||
           (b->end - b->start == 1 && d->text[b->start] == ',');
}

/* The person an earlier sentence named in full whose last word is token t
 * ("Al-Ansi" after "Nasr al-Ansi"), into o; 0 when none, or when some name
 * of the document starts with that word. */
static int named_before(const dc_doc *d, const dc_sent *s, const gz_mention *m, size_t nm,
                        uint32_t t, ev_group *o)
{
    size_t wl = d->tok[t].end - d->tok[t].start;
    const char *w = d->text + d->tok[t].start;
    int found = 0;
    for (size_t i = 0; i < nm; i++) {
        const dc_token *f = &d->tok[m[i].tok0];
        if (m[i].ntok > 1 && f->end - f->start == wl && strncasecmp(d->text + f->start, w, wl) == 0)
            return 0;
    }
    for (const dc_sent *p = d->sent; p < s; p++) {
        if (!has_word(d, p, w, wl)) continue; /* no run there can end with it */
        ev_group g[32];
        size_t ng = runs(d, p, m, nm, g, 32);
        for (size_t i = 0; i < ng; i++) {
            /* "Kim" after "Kim Dong-chul" and "Tony Kim": a family name
             * written first elsewhere says nothing */
            const dc_token *f = &d->tok[g[i].t0];
            if (f->end - f->start == wl && strncasecmp(d->text + f->start, w, wl) == 0) return 0;
            const dc_token *l = &d->tok[g[i].t1 - 1];
            /* a sentence's first words are capitalised anyway ("Get Brexit
             * done"): only a name inside a sentence is sure enough */
            if (g[i].t0 == p->tok0 || !is_word_before(d, p, g[i].t0)) continue;
            if (strcmp(g[i].kind, "person") != 0 || l->end - l->start != wl ||
                strncasecmp(d->text + l->start, w, wl) != 0)
                continue;
            *o = g[i];
            found = 1;
        }
    }
    if (found) {
        o->t0 = t;
        o->t1 = t + 1;
    }
    return found;
}

size_t ev_names(const dc_doc *d, const dc_sent *s, const gz_mention *m, size_t nm,
                ev_group *out, size_t cap)
{
    size_t n = runs(d, s, m, nm, out, cap);
    /* then single words that repeat an unlisted name given in full before */
    uint32_t end = s->tok0 + s->ntok;
    for (uint32_t t = s->tok0; t < end && n < cap; t++) {
        if (!is_cap_word(d, t) || covered(m, nm, t) || ev_not_name(d, t)) continue;
        if ((t > s->tok0 && is_cap_word(d, t - 1)) || (t + 1 < end && is_cap_word(d, t + 1)))
            continue;
        int inside = 0;
        for (size_t i = 0; i < n && !inside; i++) inside = out[i].t0 <= t && t < out[i].t1;
        ev_group o;
        if (inside || !named_before(d, s, m, nm, t, &o)) continue;
        size_t at = n;
        while (at > 0 && out[at - 1].t0 > t) at--;
        memmove(&out[at + 1], &out[at], (n - at) * sizeof *out);
        out[at] = o;
        n++;
    }
    return n;
}
