/* Proper names no gazetteer knows: "Graham Brady", "Kayla Mueller",
 * "Kent Police". News names far more people and bodies than any list
 * holds; a run of two or three capitalised words that no list claims is
 * most often a person, or an organisation when its last word says so. */
#include "ev_names.h"
#include "../util/str.h"
#include "../util/wd_list.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is_cap_word(const dc_doc *d, uint32_t t)
{
    return d->tok[t].kind == DC_WORD && (d->tok[t].flags & DC_CAP);
}

/* Compares without a possessive 's: "Thursday's" is still a weekday.
 * Asked of every capitalised word against a hundred: a filtered list
 * (wd_list.h) answers most with one bit. */
static int word_is(const dc_doc *d, uint32_t t, wd_list *ws)
{
    const char *w = d->text + d->tok[t].start;
    size_t n = d->tok[t].end - d->tok[t].start;
    if (n > 2 && w[n - 1] == 's' && w[n - 2] == '\'') n -= 2;
    else if (n > 4 && w[n - 1] == 's' && memcmp(w + n - 4, "\xE2\x80\x99", 3) == 0) n -= 4;
    return wdl_in(ws, w, n);
}

static const char *const not_name_w[] = {
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

static wd_list not_name = {.w = not_name_w};

int ev_not_name(const dc_doc *d, uint32_t t) { return word_is(d, t, &not_name); }

static const char *const org_heads_w[] = {
    "Police", "Committee", "Council", "Court", "Party", "Ministry", "Department", "Agency",
    "Army", "Bank", "University", "Corps", "Forces", "Union", "Front", "Brigade", "Brigades",
    "Commission", "Office", "Service", "Services", "Guard", "Guards", "Assembly", "Parliament",
    "Group", "Movement", "Organisation", "Organization", "Institute", "Company", "Times",
    "Post", "News", "Journal", "Network", "Board", "Authority", "District", "Hospital",
    "Center", "Centre", "Foundation", "Fund", "Federation", "League", NULL};
static wd_list org_heads = {.w = org_heads_w};

/* Which tokens of a sentence lie inside a gazetteer mention, asked in
 * token order. The mentions come in token order and do not overlap
 * (gz_find), so the last one starting at or before t is the only
 * candidate: found once by a binary search at the sentence start, then by
 * stepping on -- this is asked for every capitalised word of every
 * sentence the names book reads. */
typedef struct cover {
    const gz_mention *m;
    size_t nm, at; /* at: how many mentions start at or before the last token asked */
} cover;

static void cover_init(cover *c, const gz_mention *m, size_t nm, uint32_t t0)
{
    c->m = m;
    c->nm = nm;
    c->at = gz_first_at(m, nm, t0);
}

/* Is token t (no earlier than the last asked of c) inside a mention? */
static int covered(cover *c, uint32_t t)
{
    while (c->at < c->nm && c->m[c->at].tok0 <= t) c->at++;
    return c->at > 0 && t < c->m[c->at - 1].tok0 + c->m[c->at - 1].ntok;
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
    cover c; /* t and e only go forward */
    cover_init(&c, m, nm, s->tok0);
    for (uint32_t t = s->tok0; t < end && n < cap; t++) {
        if (!is_cap_word(d, t) || covered(&c, t)) continue;
        uint32_t e = t;
        while (e < end && (is_cap_word(d, e) || (e > t && particle(d, e))) && !covered(&c, e) &&
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
        st_put(o->name, sizeof o->name, 0, d->text + a, strnlen(d->text + a, b - a));
        o->country[0] = '\0';
        o->kind = word_is(d, e - 1, &org_heads) ? "organisation" : "person";
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

void ev_namebook_init(ev_namebook *b) { memset(b, 0, sizeof *b); }

void ev_namebook_free(ev_namebook *b)
{
    free(b->g);
    free(b->sent);
    free(b->inside);
    memset(b, 0, sizeof *b);
}

/* Reads sentences into the book up to (not including) sentence si. */
static int book_read(ev_namebook *b, const dc_doc *d, size_t si, const gz_mention *m, size_t nm)
{
    for (; b->upto < si; b->upto++) {
        const dc_sent *p = &d->sent[b->upto];
        ev_group g[32];
        size_t ng = runs(d, p, m, nm, g, 32);
        if (b->n + ng > b->cap) {
            size_t nc = (b->n + ng) * 2;
            ev_group *ng2 = realloc(b->g, nc * sizeof *ng2);
            if (ng2) b->g = ng2;
            uint32_t *ns = realloc(b->sent, nc * sizeof *ns);
            if (ns) b->sent = ns;
            uint8_t *ni = realloc(b->inside, nc);
            if (ni) b->inside = ni;
            if (!ng2 || !ns || !ni) return -1;
            b->cap = nc;
        }
        for (size_t i = 0; i < ng; i++) {
            b->g[b->n] = g[i];
            b->sent[b->n] = (uint32_t)b->upto;
            /* a sentence's first words are capitalised anyway ("Get Brexit
             * done"): only a name inside a sentence is sure enough */
            b->inside[b->n] = g[i].t0 != p->tok0 && is_word_before(d, p, g[i].t0);
            b->n++;
        }
    }
    return 0;
}

/* The person an earlier sentence named in full whose last word is token t
 * ("Al-Ansi" after "Nasr al-Ansi"), into o; 0 when none, or when some name
 * of the document starts with that word. */
static int named_before(const dc_doc *d, const dc_sent *s, const gz_mention *m, size_t nm,
                        ev_namebook *book, uint32_t t, ev_group *o)
{
    size_t wl = d->tok[t].end - d->tok[t].start;
    const char *w = d->text + d->tok[t].start;
    for (size_t i = 0; i < nm; i++) {
        const dc_token *f = &d->tok[m[i].tok0];
        if (m[i].ntok > 1 && f->end - f->start == wl && strncasecmp(d->text + f->start, w, wl) == 0)
            return 0;
    }
    size_t si = (size_t)(s - d->sent);
    if (book_read(book, d, si, m, nm)) return 0;
    int found = 0;
    for (size_t i = 0; i < book->n && book->sent[i] < si; i++) {
        const ev_group *g = &book->g[i];
        /* "Kim" after "Kim Dong-chul" and "Tony Kim": a family name
         * written first elsewhere says nothing */
        const dc_token *f = &d->tok[g->t0];
        if (f->end - f->start == wl && strncasecmp(d->text + f->start, w, wl) == 0) return 0;
        const dc_token *l = &d->tok[g->t1 - 1];
        if (!book->inside[i] || strcmp(g->kind, "person") != 0 || l->end - l->start != wl ||
            strncasecmp(d->text + l->start, w, wl) != 0)
            continue;
        *o = *g;
        found = 1;
    }
    if (found) {
        o->t0 = t;
        o->t1 = t + 1;
    }
    return found;
}

size_t ev_names(const dc_doc *d, const dc_sent *s, const gz_mention *m, size_t nm,
                ev_namebook *book, ev_group *out, size_t cap)
{
    size_t n = runs(d, s, m, nm, out, cap);
    /* then single words that repeat an unlisted name given in full before */
    uint32_t end = s->tok0 + s->ntok;
    cover c;
    cover_init(&c, m, nm, s->tok0);
    for (uint32_t t = s->tok0; t < end && n < cap; t++) {
        /* a lone capitalised word: the neighbours first, the list of a
         * hundred not-names last */
        if (!is_cap_word(d, t) || covered(&c, t)) continue;
        if ((t > s->tok0 && is_cap_word(d, t - 1)) || (t + 1 < end && is_cap_word(d, t + 1)))
            continue;
        if (ev_not_name(d, t)) continue;
        int inside = 0;
        for (size_t i = 0; i < n && !inside; i++) inside = out[i].t0 <= t && t < out[i].t1;
        ev_group o;
        if (inside || !named_before(d, s, m, nm, book, t, &o)) continue;
        size_t at = n;
        while (at > 0 && out[at - 1].t0 > t) at--;
        memmove(&out[at + 1], &out[at], (n - at) * sizeof *out);
        out[at] = o;
        n++;
    }
    return n;
}
