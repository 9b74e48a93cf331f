/* The story's own country. Reports call the local police just "police"
 * ("clashes with police", "police detained 4,000 people") and the state
 * "the country": in a story about India those are the Indian police and
 * India, as readers and annotators take them. The country the document
 * names most, when it clearly leads. */
#include "ev_group.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <strings.h>

/* Does mention m name a country's territory or state (places count:
 * "Minneapolis", "Fort Bragg" place a story in the United States)? */
static int of_country(const gz_mention *m)
{
    const gz_entry *e = m->e;
    return (e->cls == GZ_COUNTRY || e->cls == GZ_DEMONYM || e->cls == GZ_CAPITAL ||
            e->cls == GZ_PLACE) && e->country[0];
}

/* The countries in order of first mention, one count each. */
typedef struct tally { const char *code; size_t n; } tally;

int ev_home_country(const gz_mention *m, size_t nm, char iso3[4])
{
    /* one pass over the mentions, a short list of the few distinct
     * countries of a story (on the heap only for a story of very many) */
    tally local[64], *t = local;
    size_t nc = 0, cap = 64;
    for (size_t i = 0; i < nm; i++) {
        if (!of_country(&m[i])) continue;
        const char *c0 = m[i].e->country;
        size_t k = 0;
        while (k < nc && strcmp(t[k].code, c0) != 0) k++;
        if (k == nc) {
            if (nc == cap) {
                tally *nt = malloc(2 * cap * sizeof *nt);
                if (!nt) break; /* out of memory: the countries so far */
                memcpy(nt, t, nc * sizeof *nt);
                if (t != local) free(t);
                t = nt;
                cap *= 2;
            }
            t[nc++] = (tally){c0, 0};
        }
        t[k].n++;
    }
    const char *best = NULL;
    size_t nb = 0, ns = 0;
    for (size_t k = 0; k < nc; k++) {
        if (t[k].n > nb) { ns = nb; best = t[k].code; nb = t[k].n; }
        else if (t[k].n > ns) ns = t[k].n;
    }
    if (t != local) free(t);
    /* it must lead clearly: three mentions and three times the next */
    if (!best || nb < 3 || nb < 3 * ns) return 0;
    snprintf(iso3, 4, "%s", best);
    return 1;
}

void ev_localise(const gz_gazetteer *gz, const char *iso3, party *p)
{
    static const char *const local[] = {"police", "policemen", "authorities", "ministers", NULL};
    if (p->p.country[0] || !p->p.kind ||
        (strcmp(p->p.kind, "organisation") != 0 && strcmp(p->p.kind, "group") != 0))
        return;
    int hit = 0;
    for (size_t i = 0; local[i] && !hit; i++) hit = strcasecmp(p->name, local[i]) == 0;
    const gz_entry *c = hit ? gz_country(gz, iso3) : NULL;
    if (!c || !c->adj) return;
    size_t al = strlen(c->adj), nl = strlen(p->name);
    if (al + 1 + nl >= sizeof p->name) return;
    memmove(p->name + al + 1, p->name, nl + 1);
    memcpy(p->name, c->adj, al);
    p->name[al] = ' ';
    p->name[al + 1] = (char)tolower((unsigned char)p->name[al + 1]);
    p->p.name = p->name;
    snprintf(p->p.country, sizeof p->p.country, "%s", iso3);
}

/* The country a "the country" at token t stands for: the last one named in
 * its sentence or the one before, else the home country iso3 ("" none). */
static const gz_entry *country_before(const gz_gazetteer *gz, const dc_doc *d,
                                      const gz_mention *m, size_t nm, long si, uint32_t t,
                                      const char *iso3)
{
    uint32_t from = d->sent[si > 0 ? si - 1 : 0].tok0;
    const gz_entry *c = NULL;
    for (size_t i = 0; i < nm && m[i].tok0 < t; i++)
        if (m[i].tok0 >= from && m[i].e->country[0] &&
            (m[i].e->cls == GZ_COUNTRY || m[i].e->cls == GZ_DEMONYM || m[i].e->cls == GZ_CAPITAL))
            c = m[i].e;
    if (c) return gz_country(gz, c->country);
    return iso3[0] ? gz_country(gz, iso3) : NULL;
}

size_t ev_parties_add_home(const gz_gazetteer *gz, const dc_doc *d, long si,
                           const gz_mention *m, size_t nm, const char *iso3, party *ps, size_t n,
                           size_t cap)
{
    const dc_sent *s = &d->sent[si];
    uint32_t end = s->tok0 + s->ntok;
    for (uint32_t t = s->tok0 + 1; t < end && n < cap; t++) {
        if (!ev_tok_eq(d, t - 1, "the") || !(ev_tok_eq(d, t, "country") || ev_tok_eq(d, t, "nation")))
            continue;
        int taken = 0;
        for (size_t i = 0; i < n && !taken; i++) taken = ps[i].t0 <= t && t < ps[i].t1;
        const gz_entry *c = taken ? NULL : country_before(gz, d, m, nm, si, t - 1, iso3);
        if (!c) continue;
        size_t at = n;
        while (at > 0 && ps[at - 1].t0 > t) at--;
        memmove(&ps[at + 1], &ps[at], (n - at) * sizeof *ps);
        ev_set_party(&ps[at], t - 1, t + 1, c->name, c->country, "state");
        ps[at].cls = GZ_COUNTRY;
        n++;
    }
    for (size_t i = 0; i < n; i++) ps[i].p.name = ps[i].name;
    return n;
}

int ev_home_only(const gz_mention *m, size_t nm, const dc_sent *s, const char *iso3)
{
    for (size_t i = gz_first_at(m, nm, s->tok0); i < nm; i++) {
        const gz_entry *e = m[i].e;
        if (m[i].tok0 >= s->tok0 + s->ntok) break;
        if ((e->cls == GZ_COUNTRY || e->cls == GZ_DEMONYM || e->cls == GZ_CAPITAL ||
             e->cls == GZ_PLACE) && e->country[0] && strcmp(e->country, iso3) != 0)
            return 0;
    }
    return 1;
}

int ev_home_near(const dc_doc *d, const gz_mention *m, size_t nm, long si, const char *iso3)
{
    uint32_t from = d->sent[si > 0 ? si - 1 : 0].tok0, end = d->sent[si].tok0 + d->sent[si].ntok;
    for (size_t i = gz_first_at(m, nm, from); i < nm && m[i].tok0 < end; i++)
        if (strcmp(m[i].e->country, iso3) == 0 &&
            (m[i].e->cls == GZ_COUNTRY || m[i].e->cls == GZ_DEMONYM || m[i].e->cls == GZ_CAPITAL ||
             m[i].e->cls == GZ_PLACE))
            return 1;
    return 0;
}

int ev_body(const gz_gazetteer *gz, const char *iso3, const dc_doc *d, uint32_t t, party *lit)
{
    const gz_entry *c = gz_country(gz, iso3);
    if (!c || !c->adj) return 0;
    char name[128];
    snprintf(name, sizeof name, "%s %.*s", c->adj, (int)(d->tok[t].end - d->tok[t].start),
             d->text + d->tok[t].start);
    ev_set_party(lit, t, t + 1, name, iso3, "organisation");
    return 1;
}
