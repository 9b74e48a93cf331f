/* "The president, who has threatened", "until the prince is ousted": an
 * office named with "the" and no state is, in news, the holder the story
 * has named (the president of the story, not a president in general). */
#include "ev_party.h"
#include <string.h>
#include <strings.h>

/* The last person before token t whose role ends in the office's name
 * ("Crown Prince" holds "prince"), or NULL. */
static const gz_entry *holder(const gz_mention *m, size_t nm, uint32_t t, const gz_entry *office)
{
    size_t ol = strlen(office->name);
    const gz_entry *who = NULL;
    for (size_t i = 0; i < nm && m[i].tok0 < t; i++) {
        const gz_entry *p = m[i].e;
        if (p->cls != GZ_PERSON || !p->role) continue;
        size_t rl = strlen(p->role);
        if (rl >= ol && strcasecmp(p->role + rl - ol, office->name) == 0 &&
            (rl == ol || p->role[rl - ol - 1] == ' '))
            who = p;
    }
    return who;
}

size_t ev_parties_add_offices(const gz_gazetteer *gz, const dc_doc *d, const dc_sent *s,
                              const gz_mention *m, size_t nm, party *ps, size_t n, size_t cap)
{
    uint32_t end = s->tok0 + s->ntok;
    for (uint32_t t = s->tok0 + 1; t < end && n < cap; t++) {
        if (!ev_tok_eq(d, t - 1, "the")) continue;
        uint32_t len = 0;
        const gz_entry *office = ev_lower_office(gz, d, t, end, &len);
        /* "the president of France" names its state: not this rule's */
        if (!office || (t + len < end && ev_tok_eq(d, t + len, "of"))) continue;
        int taken = 0;
        for (size_t i = 0; i < n && !taken; i++) taken = ps[i].t0 < t + len && t < ps[i].t1;
        const gz_entry *who = taken ? NULL : holder(m, nm, t, office);
        if (!who) continue;
        size_t at = n;
        while (at > 0 && ps[at - 1].t0 > t) at--;
        memmove(&ps[at + 1], &ps[at], (n - at) * sizeof *ps);
        char pn[128];
        ev_set_party(&ps[at], t, t + len, ev_written_name(d, m, nm, who, pn, sizeof pn),
                     who->country, "person");
        ps[at].cls = GZ_PERSON;
        n++;
        t += len;
    }
    for (size_t i = 0; i < n; i++) ps[i].p.name = ps[i].name;
    return n;
}
