/* "Anti-Morsi protests": the word before a protest names whom it is
 * against. The hyphenated token hides the name from the gazetteer scan, so
 * the part after "anti-" is looked up here: a name or alias ("anti-American"),
 * else the last name of one known person ("anti-Morsi"). */
#include "ev_party.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>

int ev_anti(const gz_gazetteer *gz, const dc_doc *d, uint32_t s0, uint32_t t0, party *target,
            party *actor)
{
    if (t0 <= s0) return 0;
    const dc_token *t = &d->tok[t0 - 1];
    const char *w = d->text + t->start;
    size_t n = t->end - t->start;
    if (t->kind != DC_WORD || n < 7 || strncasecmp(w, "anti-", 5) != 0) return 0;
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(n - 5 < 63 ? n - 5 : 63), w + 5);
    const gz_entry *e = gz_lookup(gz, name);
    if (!e) e = gz_lookup_surname(gz, name, strlen(name));
    if (!e || e->cls == GZ_TITLE || e->cls == GZ_PLACE) return 0;
    const char *kind = e->cls == GZ_PERSON ? "person"
                       : e->cls == GZ_ORG ? (e->kind ? e->kind : "organisation")
                       : "state";
    ev_set_party(target, t0 - 1, t0, e->name, e->country, kind);
    /* a person's opponents are a group of their own; a state's are not */
    if (e->cls != GZ_PERSON) return 1;
    char who[128];
    snprintf(who, sizeof who, "%s opponents", name);
    ev_set_party(actor, t0 - 1, t0, who, e->country, "group");
    return 2;
}
