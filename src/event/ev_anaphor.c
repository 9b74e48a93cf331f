/* "the organization was suspected of trying to pack explosives": a body
 * named again by its common noun. The subject "the organization" or "the
 * group" stands for the armed group or organisation the story named last,
 * as "he" stands for its last person (ev_pronoun_subject). */
#include "ev_party.h"
#include <string.h>

int ev_body_subject(const dc_doc *d, const gz_mention *m, size_t nm, long si, uint32_t t0,
                    party *lit)
{
    static const char *const noun[] = {"organization", "organisation", "group", NULL};
    const dc_sent *s = &d->sent[si];
    uint32_t p = UINT32_MAX;
    /* only a verb group between: "the group then kidnapped", "the
     * organization was suspected of trying to", not "the group had said
     * an air raid" */
    for (uint32_t k = t0; k > s->tok0 + 1 && t0 - k < 6;) {
        k--;
        if (ev_tok_in(d, k, noun) && ev_tok_eq(d, k - 1, "the")) {
            p = k - 1;
            break;
        }
        if (!ev_verb_group_word(d, k) && !ev_tok_eq(d, k, "of")) return 0;
    }
    /* a subject opens its clause: "In 2010, the group", not "attacks by
     * the group" */
    if (p == UINT32_MAX ||
        (p > s->tok0 && !ev_tok_eq(d, p - 1, ",") && !ev_tok_eq(d, p - 1, "and") &&
         !ev_tok_eq(d, p - 1, "that")))
        return 0;
    /* "the group" is an armed one; "the organization" any body */
    int any = !ev_tok_eq(d, p + 1, "group");
    uint32_t from = d->sent[si > 2 ? si - 2 : 0].tok0;
    const gz_entry *who = NULL;
    size_t wi = 0;
    for (size_t i = 0; i < nm && m[i].tok0 < p; i++) {
        const gz_entry *e = m[i].e;
        if (m[i].tok0 < from || e->cls != GZ_ORG || !e->kind) continue;
        if (strcmp(e->kind, "armed_group") == 0 || (any && strcmp(e->kind, "organisation") == 0))
            who = e, wi = i;
    }
    if (!who) return 0;
    /* another body named since ("according to Human Rights Watch", "a
     * group of settlers") may be the one meant: no guess */
    for (size_t i = wi + 1; i < nm && m[i].tok0 < p; i++)
        if (m[i].e->cls == GZ_ORG && m[i].e != who) return 0;
    for (uint32_t k = m[wi].tok0 + m[wi].ntok; k + 1 < p; k++)
        if (ev_tok_eq(d, k, "a") && ev_tok_eq(d, k + 1, "group")) return 0;
    char name[128];
    ev_set_party(lit, p, p + 2, ev_written_name(d, m, nm, who, name, sizeof name), who->country,
                 who->kind);
    lit->cls = who->cls; /* a body: "Hamas attacks", not "Hamas attack" */
    return 1;
}
