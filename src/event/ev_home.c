/* The story's own country. Reports call the local police just "police"
 * ("clashes with police", "police detained 4,000 people"): in a story
 * about India those are the Indian police, as readers and annotators take
 * them. The country the document names most, when it clearly leads. */
#include "ev_group.h"
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <strings.h>

int ev_home_country(const gz_mention *m, size_t nm, char iso3[4])
{
    const char *best = NULL, *second = NULL;
    size_t nb = 0, ns = 0;
    /* few distinct countries per story: count by scanning */
    for (size_t i = 0; i < nm; i++) {
        const gz_entry *e = m[i].e;
        if ((e->cls != GZ_COUNTRY && e->cls != GZ_DEMONYM && e->cls != GZ_CAPITAL) || !e->country[0])
            continue;
        int seen = 0;
        for (size_t k = 0; k < i && !seen; k++)
            seen = (m[k].e->cls == GZ_COUNTRY || m[k].e->cls == GZ_DEMONYM ||
                    m[k].e->cls == GZ_CAPITAL) && strcmp(m[k].e->country, e->country) == 0;
        if (seen) continue;
        size_t c = 0;
        for (size_t k = i; k < nm; k++)
            c += (m[k].e->cls == GZ_COUNTRY || m[k].e->cls == GZ_DEMONYM ||
                  m[k].e->cls == GZ_CAPITAL) && strcmp(m[k].e->country, e->country) == 0;
        if (c > nb) { second = best; ns = nb; best = e->country; nb = c; }
        else if (c > ns) { second = e->country; ns = c; }
    }
    (void)second;
    /* it must lead clearly: three mentions and twice the next */
    if (!best || nb < 3 || nb < 2 * ns) return 0;
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
