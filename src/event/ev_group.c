/* Participants that no gazetteer names: "Indian police", "government
 * forces", "protesters", "an Australian missionary". News reports most
 * arrests, clashes and protests through such common-noun groups, so the
 * event grammar's `group` table lists the head nouns (with the kind they
 * give) and `groupmod` the words that may stand between a state and its
 * head ("security", "riot"). */
#include "ev_group.h"
#include "ev_names.h"
#include <stdio.h>
#include <string.h>

static const char *word_in(const gm_grammar *g, const char *table, const dc_doc *d, uint32_t t)
{
    if (d->tok[t].kind != DC_WORD) return NULL;
    return gm_lookup(g, table, d->text + d->tok[t].start, d->tok[t].end - d->tok[t].start);
}

/* The mention that ends right before token t, or NULL. The mentions are
 * in token order and disjoint (gz_find): only the last one starting
 * before t may, and a binary search finds it. */
static const gz_mention *mention_ending(const gz_mention *m, size_t nm, uint32_t t)
{
    size_t i = gz_first_at(m, nm, t);
    return i > 0 && m[i - 1].tok0 + m[i - 1].ntok == t ? &m[i - 1] : NULL;
}

/* Is token t inside a mention: the last one starting at or before it? */
static int inside_mention(const gz_mention *m, size_t nm, uint32_t t)
{
    size_t i = gz_first_at(m, nm, t + 1);
    return i > 0 && t < m[i - 1].tok0 + m[i - 1].ntok;
}

size_t ev_groups(const gm_grammar *g, const dc_doc *d, const dc_sent *s, const gz_mention *m,
                 size_t nm, ev_group *out, size_t cap)
{
    size_t n = 0;
    uint32_t end = s->tok0 + s->ntok;
    for (uint32_t t = s->tok0; t < end && n < cap; t++) {
        const char *kind = word_in(g, "group", d, t);
        if (!kind || inside_mention(m, nm, t)) continue;
        /* the head is the last group word of a run: "government forces" */
        while (t + 1 < end && word_in(g, "group", d, t + 1) && !inside_mention(m, nm, t + 1))
            kind = word_in(g, "group", d, ++t);
        uint32_t t0 = t;
        while (t0 > s->tok0 && !inside_mention(m, nm, t0 - 1) &&
               (word_in(g, "group", d, t0 - 1) || word_in(g, "groupmod", d, t0 - 1)))
            t0--;
        const gz_mention *mod = t0 > s->tok0 ? mention_ending(m, nm, t0) : NULL;
        /* "Kent police", "Minneapolis police": a body of a place keeps
         * the place in its name */
        uint32_t own = t0;
        if (mod && mod->e->cls == GZ_PLACE) own = mod->tok0;
        else if (!mod && t0 > s->tok0 + 1 && d->tok[t0 - 1].kind == DC_WORD &&
                 (d->tok[t0 - 1].flags & DC_CAP) && !inside_mention(m, nm, t0 - 1) &&
                 !ev_not_name(d, t0 - 1) &&
                 !(t0 - 2 >= s->tok0 && d->tok[t0 - 2].kind == DC_WORD &&
                   (d->tok[t0 - 2].flags & DC_CAP)))
            own = t0 - 1;
        /* "Taliban fighters", "Putin's government": the named party acts */
        if (mod && (mod->e->cls == GZ_ORG || mod->e->cls == GZ_PERSON)) continue;
        /* "groups" and "forces" alone say too little to be anyone */
        int state = mod && (mod->e->cls == GZ_DEMONYM || mod->e->cls == GZ_COUNTRY ||
                            (mod->e->cls == GZ_CAPITAL && !mod->poss));
        int one = strcmp(kind, "one") == 0;
        if (!state && own == t && (one || strcmp(kind, "vague") == 0)) continue;
        ev_group *o = &out[n++];
        o->t0 = state ? mod->tok0 : own;
        o->t1 = t + 1;
        size_t a = d->tok[o->t0].start, b = d->tok[t].end;
        snprintf(o->name, sizeof o->name, "%.*s", (int)(b - a), d->text + a);
        snprintf(o->country, sizeof o->country, "%s", mod ? mod->e->country : "");
        if (strcmp(kind, "vague") == 0) kind = "state";
        /* an organ of a known state acts for it (the kind orgs.tsv uses) */
        o->kind = one ? "person"
                  : strcmp(kind, "state") == 0 ? (state ? "state" : "organisation")
                  : strcmp(kind, "armed") == 0 ? "armed_group"
                  : "group";
    }
    return n;
}

/* "Deadly protests across India" names no one, yet someone protests: the
 * country's people, named as reports name them ("Indian protesters"). */
int ev_crowd(const gz_gazetteer *gz, const char *iso3, const char *head, party *lit)
{
    const gz_entry *c = gz_country(gz, iso3);
    if (!c || !c->adj) return 0;
    char name[128];
    snprintf(name, sizeof name, "%s %s", c->adj, head);
    ev_set_party(lit, 0, 0, name, iso3, "group");
    return 1;
}
