/* Who takes part: the gazetteer names of a sentence made participants
 * ("Russian President Vladimir Putin" is one person), then the groups and
 * unlisted names the gazetteers do not hold. */
#include "ev_party.h"
#include "ev_group.h"
#include "ev_names.h"
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "../util/word.h"


/* Tokens that end a clause for the purpose of finding participants.
 * Asked of every token between a party and its trigger: the first byte
 * picks the few words to compare. */
int ev_clause_break(const dc_doc *d, uint32_t t)
{
    static const char *const b[] = {";", ":", "\xE2\x80\x94", "\xE2\x80\x93", "(", ")", "\"",
                                    "\xE2\x80\x9C", "\xE2\x80\x9D", NULL};
    static const char *const ab[] = {"although", "after", NULL};
    static const char *const bb[] = {"but", "because", "before", NULL};
    static const char *const wb[] = {"while", "whereas", "when", NULL};
    static const char *const ib[] = {"if", NULL};
    static const char *const ub[] = {"unless", NULL};
    const dc_token *k = &d->tok[t];
    if (k->end == k->start) return 0;
    switch (wd_fold((unsigned char)d->text[k->start])) {
    case ';': case ':': case 0xE2: case '(': case ')': case '"': return ev_tok_in(d, t, b);
    case 'a': return ev_tok_in(d, t, ab);
    case 'b': return ev_tok_in(d, t, bb);
    case 'w': return ev_tok_in(d, t, wb);
    case 'i': return ev_tok_in(d, t, ib);
    case 'u': return ev_tok_in(d, t, ub);
    case '-': break;
    default: return 0;
    }
    /* "--" and a hyphen between spaces are dashes ("march -- arguably") */
    if (!ev_tok_eq(d, t, "-")) return 0;
    int spaced = k->start > 0 && k->end < d->len && d->text[k->start - 1] == ' ' &&
                 d->text[k->end] == ' ';
    int twin = (t + 1 < d->ntok && ev_tok_eq(d, t + 1, "-") && d->tok[t + 1].start == k->end) ||
               (t > 0 && ev_tok_eq(d, t - 1, "-") && d->tok[t - 1].end == k->start);
    return spaced || twin;
}

/* snprintf(dst, cap, "%.*s", n, src) without printf: at most n bytes of
 * src, up to its NUL, cut to fit. Parties are set for every name of every
 * sentence with an event. */
static void copy_in(char *dst, size_t cap, const char *src, size_t n)
{
    n = strnlen(src, n < cap - 1 ? n : cap - 1);
    memmove(dst, src, n);
    dst[n] = '\0';
}

void ev_set_party(party *p, uint32_t t0, uint32_t t1, const char *name, const char *country,
                  const char *kind)
{
    p->t0 = t0;
    p->t1 = t1;
    copy_in(p->name, sizeof p->name, name, SIZE_MAX);
    p->p.name = p->name;
    copy_in(p->p.country, sizeof p->p.country, country ? country : "", SIZE_MAX);
    p->p.kind = kind;
    p->poss = 0;
    p->cls = 0;
}

static size_t words(const char *s, size_t n)
{
    size_t w = 1;
    for (size_t i = 0; i < n; i++) w += s[i] == ' ';
    return w;
}

/* The name a person or body goes by in this document: the spelling it
 * writes ("Mohammed Morsi" where the gazetteer says "Mohamed Morsi"), as readers
 * and annotators use the article's form. Only spellings of as many words
 * that keep the canonical last name (so that surname matching across
 * documents still joins them) -- for a body also a longer form that keeps
 * its last word ("United Nations Human Rights Council") -- and only when
 * the canonical form is not written itself. Into buf; e->name when none. */
const char *ev_written_name(const dc_doc *d, const gz_mention *m, size_t nm, const gz_entry *e,
                           char *buf, size_t cap)
{
    const char *last = strrchr(e->name, ' ');
    last = last ? last + 1 : e->name;
    size_t ll = strlen(last), best = 0;
    const gz_mention *b = NULL;
    for (size_t i = 0; i < nm; i++) {
        if (m[i].e != e || m[i].by_surname || m[i].ntok < 2) continue;
        size_t n = m[i].end - m[i].start;
        const char *t = d->text + m[i].start;
        int lower = 0;
        for (size_t k = 0; k < n; k++) lower |= islower((unsigned char)t[k]) != 0;
        if (!lower || n <= ll || n >= cap || strncasecmp(t + n - ll, last, ll) != 0 ||
            t[n - ll - 1] != ' ')
            continue;
        /* the canonical form written out wins ("Donald Trump" over the
         * "Donald J. Trump" of a signature) */
        if (n == strlen(e->name) && strncmp(t, e->name, n) == 0) return e->name;
        /* a spelling, not a longer name: "Donald J. Trump" in a
         * signature is still "Donald Trump" */
        if (words(t, n) != words(e->name, strlen(e->name)) &&
            !(e->cls == GZ_ORG && n > strlen(e->name)))
            continue;
        if (n > best) { best = n; b = &m[i]; }
    }
    if (!b) return e->name;
    snprintf(buf, cap, "%.*s", (int)best, d->text + b->start);
    return buf;
}

/* Capitalised words after a title that no gazetteer knows: a new person
 * ("Afghan President Ashraf Ghani"). Returns how many tokens. */
static uint32_t unknown_name(const dc_doc *d, uint32_t t, uint32_t end)
{
    uint32_t k = 0;
    while (t + k < end && k < 3 && d->tok[t + k].kind == DC_WORD && (d->tok[t + k].flags & DC_CAP) &&
           !(k && d->tok[t + k].start > d->tok[t + k - 1].end + 1))
        k++;
    return k;
}

/* "the Syrian leader", "the Russian president": the last person named
 * before mention i who holds that office for that state, or NULL. A
 * "leader" holds any office. */
static const gz_entry *office_holder(const gz_mention *m, size_t i, const char *country,
                                     const gz_entry *title)
{
    size_t tl = strlen(title->name);
    int any = strcasecmp(title->name, "leader") == 0;
    while (i-- > 0) {
        const gz_entry *p = m[i].e;
        if (p->cls != GZ_PERSON || strcmp(p->country, country) != 0 || !p->role) continue;
        size_t rl = strlen(p->role);
        if (any || (rl >= tl && strcasecmp(p->role + rl - tl, title->name) == 0)) return p;
    }
    return NULL;
}

/* "the Syrian leader", "the Russian foreign minister": an office written in
 * lower case after a demonym ending at t, the longest of one or two words;
 * its entry and token count into *len, or NULL. */
const gz_entry *ev_lower_office(const gz_gazetteer *gz, const dc_doc *d, uint32_t t,
                                    uint32_t end, uint32_t *len)
{
    for (uint32_t k = 2; k >= 1; k--) {
        if (t + k > end) continue;
        char name[64];
        size_t a = d->tok[t].start, b = d->tok[t + k - 1].end;
        int ok = b - a < sizeof name;
        for (uint32_t x = t; ok && x < t + k; x++)
            ok = d->tok[x].kind == DC_WORD && !(d->tok[x].flags & DC_CAP);
        if (!ok) continue;
        copy_in(name, sizeof name, d->text + a, b - a);
        const gz_entry *e = gz_lookup(gz, name);
        if (e && e->cls == GZ_TITLE && e->kind && strcmp(e->kind, "office") == 0) {
            *len = k;
            return e;
        }
    }
    return NULL;
}

static const char *const loc_preps[] = {"in", "at", "near", "outside", "inside", "across", "into",
                                         "around", "throughout", NULL};

/* Turns the names of one sentence into participants: a demonym or state
 * and a title before a person make one person ("Russian President
 * Vladimir Putin"); a title before an unknown name makes a person. */
size_t ev_parties_of(const gz_gazetteer *gz, const dc_doc *d, const dc_sent *s,
                     const gz_mention *m, size_t nm, party *out, size_t cap)
{
    size_t n = 0;
    uint32_t end = s->tok0 + s->ntok;
    for (size_t i = gz_first_at(m, nm, s->tok0); i < nm && n < cap; i++) {
        const gz_entry *e = m[i].e;
        if (m[i].tok0 >= end) break;
        uint32_t t0 = m[i].tok0, t1 = m[i].tok0 + m[i].ntok;
        const char *country = e->country;
        /* modifiers: a state or demonym, then a title */
        size_t j = i;
        int has_title = 0;
        while (j < nm && j - i < 3) {
            const gz_entry *f = m[j].e;
            int adjacent = j == i || m[j].tok0 == m[j - 1].tok0 + m[j - 1].ntok;
            if (!adjacent) break;
            if (f->cls == GZ_TITLE) { has_title = 1; j++; continue; }
            if ((f->cls == GZ_DEMONYM || f->cls == GZ_COUNTRY || f->cls == GZ_ORG) && j == i &&
                j + 1 < nm && m[j + 1].e->cls == GZ_TITLE && m[j + 1].tok0 == t1) {
                country = f->country;
                j++;
                continue;
            }
            break;
        }
        if (j > i && has_title) {
            /* the person after the modifiers */
            uint32_t after = m[j - 1].tok0 + m[j - 1].ntok;
            if (j < nm && m[j].tok0 == after && m[j].e->cls == GZ_PERSON) {
                const gz_entry *pe = m[j].e;
                char pn[128];
                ev_set_party(&out[n], t0, m[j].tok0 + m[j].ntok,
                             ev_written_name(d, m, nm, pe, pn, sizeof pn),
                          pe->country[0] ? pe->country : country, "person");
                out[n++].poss = m[j].poss;
                i = j;
                continue;
            }
            uint32_t k = unknown_name(d, after, end);
            if (k) {
                char name[128];
                size_t a = d->tok[after].start, b = d->tok[after + k - 1].end;
                copy_in(name, sizeof name, d->text + a, b - a);
                size_t nl = strlen(name);
                if (nl > 2 && name[nl - 1] == 's' && name[nl - 2] == '\'') name[nl - 2] = '\0';
                ev_set_party(&out[n++], t0, after + k, name, country, "person");
                i = j - 1;
                continue;
            }
            /* "the Syrian leader" after Bashar al-Assad was named is he */
            const gz_entry *who = country && country[0] && e->cls != GZ_TITLE
                                      ? office_holder(m, i, country, m[j - 1].e) : NULL;
            if (who) {
                char pn[128];
                ev_set_party(&out[n], t0, after, ev_written_name(d, m, nm, who, pn, sizeof pn),
                             who->country, "person");
                out[n++].cls = GZ_PERSON;
                i = j - 1;
                continue;
            }
            /* "the Russian president", no one named yet: the state acts */
            if (country && country[0] && e->cls != GZ_TITLE) {
                ev_set_party(&out[n++], t0, after, e->name, country, "state");
                i = j - 1;
                continue;
            }
        }
        /* "Egypt's Morsi", "Russia's Putin": the state only says whose
         * leader; the person acts */
        if ((e->cls == GZ_COUNTRY || e->cls == GZ_CAPITAL || e->cls == GZ_DEMONYM) && m[i].poss &&
            i + 1 < nm && m[i + 1].tok0 == t1 && m[i + 1].e->cls == GZ_PERSON)
            continue;
        switch (e->cls) {
        case GZ_PERSON: {
            char pn[128];
            ev_set_party(&out[n], t0, t1, ev_written_name(d, m, nm, e, pn, sizeof pn), e->country,
                         "person");
            break;
        }
        case GZ_ORG: {
            /* an organisation too keeps the article's spelling ("Al-Qaida");
             * a state body needs none, its country speaks for it */
            char on[128];
            const char *written = e->kind && strcmp(e->kind, "state") == 0
                                  ? e->name : ev_written_name(d, m, nm, e, on, sizeof on);
            ev_set_party(&out[n], t0, t1, written, e->country, e->kind ? e->kind : "organisation");
            break;
        }
        case GZ_CAPITAL:
            /* "in Paris", "from Moscow": the city as a place, not its state */
            if (t0 > s->tok0 && ev_tok_in(d, t0 - 1, loc_preps)) {
                ev_set_party(&out[n], t0, t1, e->role ? e->role : e->name, e->country, "place");
                out[n].cls = GZ_PLACE;
                out[n++].poss = m[i].poss;
                continue;
            }
            ev_set_party(&out[n], t0, t1, e->name, e->country, "state");
            break;
        case GZ_COUNTRY:
        case GZ_DEMONYM: {
            /* "the Syrian leader", "the U.S. president", named before:
             * that person */
            uint32_t ol = 0;
            const gz_entry *office = m[i].poss ? NULL : ev_lower_office(gz, d, t1, end, &ol);
            const gz_entry *who = office ? office_holder(m, i, e->country, office) : NULL;
            /* "Syrian leader Bashar al-Assad": the person the office names */
            if (office && i + 1 < nm && m[i + 1].tok0 == t1 + ol && m[i + 1].e->cls == GZ_PERSON) {
                char pn[128];
                const gz_entry *pe = m[i + 1].e;
                ev_set_party(&out[n], t0, m[i + 1].tok0 + m[i + 1].ntok,
                             ev_written_name(d, m, nm, pe, pn, sizeof pn),
                             pe->country[0] ? pe->country : e->country, "person");
                out[n].cls = GZ_PERSON;
                out[n++].poss = m[i + 1].poss;
                i++;
                continue;
            }
            if (who) {
                char pn[128];
                ev_set_party(&out[n], t0, t1 + ol, ev_written_name(d, m, nm, who, pn, sizeof pn),
                             who->country, "person");
                out[n++].cls = GZ_PERSON;
                continue;
            }
            /* no one named: the state acts, the office words with it (so
             * that "the U.S. president and the North Korean leader" is a
             * list of two) */
            if (office || e->cls == GZ_COUNTRY) {
                ev_set_party(&out[n], t0, t1 + ol, e->name, e->country, "state");
                break;
            }
            /* "Afghans", "Americans": people of a country, not its state */
            const dc_token *lt = &d->tok[t1 - 1];
            size_t ln = lt->end - lt->start;
            if (ln > 3 && d->text[lt->end - 1] == 's' && !m[i].poss) {
                char name[64];
                snprintf(name, sizeof name, "%.*s", (int)(ln < 63 ? ln : 63), d->text + lt->start);
                ev_set_party(&out[n], t0, t1, name, e->country, "group");
            } else {
                ev_set_party(&out[n], t0, t1, e->name, e->country, "state");
            }
            break;
        }
        case GZ_PLACE:
            /* kept to stop the slots: "the Spin Boldak district was
             * captured" has no participant before the verb */
            ev_set_party(&out[n], t0, t1, e->name, e->country, "place");
            break;
        default: continue; /* lone titles are not participants */
        }
        out[n].cls = e->cls;
        out[n++].poss = m[i].poss;
    }
    return n;
}

/* Adds the common-noun groups of the sentence to its named parties (a
 * group takes the place of the state or demonym inside it: "Indian
 * police" rather than "India"), then the names no gazetteer lists; all
 * stay in token order. */
size_t ev_parties_add_groups(const gm_grammar *g, const dc_doc *d, const dc_sent *s,
                             const gz_mention *m, size_t nm, struct ev_namebook *book, party *ps, size_t n,
                             size_t cap)
{
    ev_group gr[32];
    size_t ng = ev_groups(g, d, s, m, nm, gr, 32);
    for (size_t k = 0; k < ng; k++) {
        size_t w = 0;
        for (size_t i = 0; i < n; i++)
            if (!(ps[i].t0 >= gr[k].t0 && ps[i].t1 <= gr[k].t1)) ps[w++] = ps[i];
        n = w;
        if (n >= cap) break;
        size_t at = n;
        while (at > 0 && ps[at - 1].t0 > gr[k].t0) at--;
        memmove(&ps[at + 1], &ps[at], (n - at) * sizeof *ps);
        ev_set_party(&ps[at], gr[k].t0, gr[k].t1, gr[k].name, gr[k].country, gr[k].kind);
        n++;
    }
    /* then the unlisted proper names no party covers */
    ng = ev_names(d, s, m, nm, book, gr, 32);
    for (size_t k = 0; k < ng && n < cap; k++) {
        int taken = 0;
        for (size_t i = 0; i < n && !taken; i++) taken = ps[i].t0 < gr[k].t1 && gr[k].t0 < ps[i].t1;
        if (taken) continue;
        size_t at = n;
        while (at > 0 && ps[at - 1].t0 > gr[k].t0) at--;
        memmove(&ps[at + 1], &ps[at], (n - at) * sizeof *ps);
        ev_set_party(&ps[at], gr[k].t0, gr[k].t1, gr[k].name, gr[k].country, gr[k].kind);
        n++;
    }
    /* set_party's name pointers follow the moved structs */
    for (size_t i = 0; i < n; i++) ps[i].p.name = ps[i].name;
    return n;
}
