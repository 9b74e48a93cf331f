/* The event pass over one document: event-grammar matches, each given
 * participants from its own clause (never from elsewhere in the story), a
 * location, a modality, a summary and a confidence. */
#include "event.h"
#include "ev_group.h"
#include "ev_names.h"
#include "../util/utf8.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int ev_function_known(const char *name) { return strcmp(name, "event") == 0; }

/* A participant found in a sentence, over tokens [t0, t1). */
typedef struct party {
    uint32_t t0, t1;
    tl_party p;
    char name[128];
    int poss;
    int cls; /* the gazetteer class it came from, 0 for a group */
} party;

static int tok_eq(const dc_doc *d, uint32_t t, const char *w)
{
    size_t n = strlen(w);
    return d->tok[t].end - d->tok[t].start == n && strncasecmp(d->text + d->tok[t].start, w, n) == 0;
}

static int tok_in(const dc_doc *d, uint32_t t, const char *const *ws)
{
    for (size_t i = 0; ws[i]; i++)
        if (tok_eq(d, t, ws[i])) return 1;
    return 0;
}

/* Tokens that end a clause for the purpose of finding participants. */
static int clause_break(const dc_doc *d, uint32_t t)
{
    static const char *const b[] = {";", ":", "\xE2\x80\x94", "\xE2\x80\x93", "(", ")", "\"",
                                    "\xE2\x80\x9C", "\xE2\x80\x9D", "but", "while", "whereas",
                                    "although", "because", "after", "before", "when", NULL};
    return tok_in(d, t, b);
}

static void set_party(party *p, uint32_t t0, uint32_t t1, const char *name, const char *country,
                      const char *kind)
{
    p->t0 = t0;
    p->t1 = t1;
    snprintf(p->name, sizeof p->name, "%s", name);
    p->p.name = p->name;
    snprintf(p->p.country, sizeof p->p.country, "%s", country ? country : "");
    p->p.kind = kind;
    p->poss = 0;
    p->cls = 0;
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

static const char *const loc_preps[] = {"in", "at", "near", "outside", "inside", "across", "into",
                                         "around", "throughout", NULL};

/* Turns the names of one sentence into participants: a demonym or state
 * and a title before a person make one person ("Russian President
 * Vladimir Putin"); a title before an unknown name makes a person. */
static size_t parties_of(const dc_doc *d, const dc_sent *s, const gz_mention *m, size_t nm,
                         party *out, size_t cap)
{
    size_t n = 0;
    uint32_t end = s->tok0 + s->ntok;
    for (size_t i = 0; i < nm && n < cap; i++) {
        const gz_entry *e = m[i].e;
        if (m[i].tok0 < s->tok0 || m[i].tok0 >= end) continue;
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
                set_party(&out[n], t0, m[j].tok0 + m[j].ntok, pe->name,
                          pe->country[0] ? pe->country : country, "person");
                out[n++].poss = m[j].poss;
                i = j;
                continue;
            }
            uint32_t k = unknown_name(d, after, end);
            if (k) {
                char name[128];
                size_t a = d->tok[after].start, b = d->tok[after + k - 1].end;
                snprintf(name, sizeof name, "%.*s", (int)(b - a), d->text + a);
                size_t nl = strlen(name);
                if (nl > 2 && name[nl - 1] == 's' && name[nl - 2] == '\'') name[nl - 2] = '\0';
                set_party(&out[n++], t0, after + k, name, country, "person");
                i = j - 1;
                continue;
            }
            /* "the Russian president": the state acts */
            if (country && country[0] && e->cls != GZ_TITLE) {
                set_party(&out[n++], t0, after, e->name, country, "state");
                i = j - 1;
                continue;
            }
        }
        switch (e->cls) {
        case GZ_PERSON: set_party(&out[n], t0, t1, e->name, e->country, "person"); break;
        case GZ_ORG: set_party(&out[n], t0, t1, e->name, e->country, e->kind ? e->kind : "organisation"); break;
        case GZ_CAPITAL:
            /* "in Paris", "from Moscow": the city as a place, not its state */
            if (t0 > s->tok0 && tok_in(d, t0 - 1, loc_preps)) {
                set_party(&out[n], t0, t1, e->role ? e->role : e->name, e->country, "place");
                out[n].cls = GZ_PLACE;
                out[n++].poss = m[i].poss;
                continue;
            }
            set_party(&out[n], t0, t1, e->name, e->country, "state");
            break;
        case GZ_COUNTRY:
            set_party(&out[n], t0, t1, e->name, e->country, "state");
            break;
        case GZ_DEMONYM: {
            /* "Afghans", "Americans": people of a country, not its state */
            const dc_token *lt = &d->tok[t1 - 1];
            size_t ln = lt->end - lt->start;
            if (ln > 3 && d->text[lt->end - 1] == 's' && !m[i].poss) {
                char name[64];
                snprintf(name, sizeof name, "%.*s", (int)(ln < 63 ? ln : 63), d->text + lt->start);
                set_party(&out[n], t0, t1, name, e->country, "group");
            } else {
                set_party(&out[n], t0, t1, e->name, e->country, "state");
            }
            break;
        }
        case GZ_PLACE:
            /* kept to stop the slots: "the Spin Boldak district was
             * captured" has no participant before the verb */
            set_party(&out[n], t0, t1, e->name, e->country, "place");
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
static size_t add_groups(const gm_grammar *g, const dc_doc *d, const dc_sent *s,
                         const gz_mention *m, size_t nm, party *ps, size_t n, size_t cap)
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
        set_party(&ps[at], gr[k].t0, gr[k].t1, gr[k].name, gr[k].country, gr[k].kind);
        n++;
    }
    /* then the unlisted proper names no party covers */
    ng = ev_names(d, s, m, nm, gr, 32);
    for (size_t k = 0; k < ng && n < cap; k++) {
        int taken = 0;
        for (size_t i = 0; i < n && !taken; i++) taken = ps[i].t0 < gr[k].t1 && gr[k].t0 < ps[i].t1;
        if (taken) continue;
        size_t at = n;
        while (at > 0 && ps[at - 1].t0 > gr[k].t0) at--;
        memmove(&ps[at + 1], &ps[at], (n - at) * sizeof *ps);
        set_party(&ps[at], gr[k].t0, gr[k].t1, gr[k].name, gr[k].country, gr[k].kind);
        n++;
    }
    /* set_party's name pointers follow the moved structs */
    for (size_t i = 0; i < n; i++) ps[i].p.name = ps[i].name;
    return n;
}

static const char *const pp_preps[] = {"in", "of", "from", "at", "near", "for", NULL};

/* Is the trigger the second of two coordinated verbs ("... and finally
 * regained")? Adverbs may stand between. */
static int after_and(const dc_doc *d, uint32_t s0, uint32_t t)
{
    static const char *const adv[] = {"then", "later", "also", "finally", "soon", "eventually",
                                      "quickly", "subsequently", NULL};
    while (t > s0) {
        t--;
        size_t n = d->tok[t].end - d->tok[t].start;
        if (tok_in(d, t, adv) || (n > 4 && strncasecmp(d->text + d->tok[t].end - 2, "ly", 2) == 0))
            continue;
        return tok_eq(d, t, "and");
    }
    return 0;
}

/* Does a lower-case word (a verb, most likely) govern the party at t0,
 * making it an object rather than a subject? */
static int object_like(const dc_doc *d, uint32_t s0, uint32_t t0)
{
    static const char *const det[] = {"the", "a", "an", "its", "their", "his", "her", NULL};
    static const char *const intro[] = {"that", "said", "says", "confirmed", "reported", "and",
                                        "or", "as", "while", "when", "after", "before", NULL};
    uint32_t k = t0;
    while (k > s0 && tok_in(d, k - 1, det)) k--;
    if (k == s0) return 0;
    const dc_token *p = &d->tok[k - 1];
    return p->kind == DC_WORD && !(p->flags & DC_CAP) && !tok_in(d, k - 1, intro);
}

/* The party ending nearest before token t (within the clause), with
 * coordinated ones before it ("Russia and China agreed"). */
static size_t slot_subj(const dc_doc *d, const party *ps, size_t np, uint32_t s0, uint32_t t,
                        const party **out, size_t cap)
{
    long best = -1;
    for (size_t i = 0; i < np; i++) {
        if (ps[i].t1 > t) continue;
        int broken = 0;
        for (uint32_t k = ps[i].t1; k < t; k++)
            if (clause_break(d, k)) { broken = 1; break; }
        if (broken || t - ps[i].t1 > 14) continue;
        if (ps[i].t1 == t && ps[i].cls == GZ_CAPITAL && !ps[i].poss) continue; /* "Paris rally" */
        best = (long)i;
    }
    if (best < 0 || ps[best].cls == GZ_PLACE) return 0;
    if (after_and(d, s0, t)) /* "forces pushed the Taliban back and regained" */
        while (best > 0 && object_like(d, s0, ps[best].t0) && ps[best - 1].t1 <= ps[best].t0) {
            uint32_t k;
            for (k = ps[best - 1].t1; k < ps[best].t0 && !clause_break(d, k); k++) {}
            if (k < ps[best].t0) break;
            best--;
        }
    /* "U.S. Forces in Afghanistan struck": the head, not the place after it */
    while (best > 0) {
        uint32_t k = ps[best].t0;
        if (k > s0 && tok_eq(d, k - 1, "the")) k--;
        if (k <= s0 || !tok_in(d, k - 1, pp_preps) || ps[best - 1].t1 != k - 1) break;
        best--;
    }
    if (ps[best].cls == GZ_PLACE) return 0;
    size_t n = 0;
    out[n++] = &ps[best];
    for (long i = best - 1; i >= 0 && n < cap && ps[i].cls != GZ_PLACE; i--) { /* X, Y and Z */
        uint32_t gap0 = ps[i].t1, gap1 = out[n - 1]->t0;
        int joined = gap1 > gap0 && gap1 - gap0 <= 2;
        for (uint32_t k = gap0; joined && k < gap1; k++)
            joined = tok_eq(d, k, ",") || tok_eq(d, k, "and") || tok_eq(d, k, "&");
        if (!joined) break;
        out[n++] = &ps[i];
    }
    (void)s0;
    return n;
}

static const char *const obj_stops[] = {"across", "near", "outside", "inside", "throughout",
                                         "around", NULL};

/* The party starting nearest after token t, with coordinated ones after. */
static size_t slot_obj(const dc_doc *d, const party *ps, size_t np, uint32_t t, uint32_t end,
                       const party **out, size_t cap, uint32_t maxgap)
{
    for (size_t i = 0; i < np; i++) {
        if (ps[i].t0 < t) continue;
        if (ps[i].t0 - t > maxgap) return 0;
        /* "arrested across India": a party behind a preposition is a
         * place or a prepositional slot, not the object */
        for (uint32_t k = t; k < ps[i].t0; k++)
            if (clause_break(d, k) || tok_eq(d, k, ",") || tok_in(d, k, obj_stops)) return 0;
        if (ps[i].cls == GZ_PLACE) return 0; /* "seized Spin Boldak": a place */
        size_t n = 0;
        out[n++] = &ps[i];
        for (size_t j = i + 1; j < np && n < cap && ps[j].cls != GZ_PLACE; j++) {
            uint32_t gap0 = out[n - 1]->t1, gap1 = ps[j].t0;
            int joined = gap1 > gap0 && gap1 - gap0 <= 2;
            for (uint32_t k = gap0; joined && k < gap1; k++)
                joined = tok_eq(d, k, ",") || tok_eq(d, k, "and") || tok_eq(d, k, "&");
            if (!joined) break;
            out[n++] = &ps[j];
        }
        (void)end;
        return n;
    }
    return 0;
}

/* The party after a preposition that follows the trigger: "with Biden",
 * "by the Taliban", "from Afghanistan". */
static size_t slot_prep(const dc_doc *d, const party *ps, size_t np, uint32_t t, uint32_t end,
                        const char *prep, const party **out, size_t cap)
{
    for (uint32_t k = t; k < end && k < t + 10; k++) {
        if (clause_break(d, k)) break;
        if (tok_eq(d, k, prep)) return slot_obj(d, ps, np, k + 1, end, out, cap, 4);
    }
    return 0;
}

/* "Russia's offer", "U.S. withdrawal", "the United States's and NATO's
 * withdrawal": the party right before a noun trigger, and those
 * coordinated with it. */
static size_t slot_poss(const dc_doc *d, const party *ps, size_t np, uint32_t t,
                        const party **out, size_t cap)
{
    for (size_t i = np; i-- > 0;)
        if (ps[i].t1 <= t && t - ps[i].t1 <= 3) {
            /* "the Paris rally": a city before a noun is where, not who */
            if ((ps[i].cls == GZ_CAPITAL && !ps[i].poss) || ps[i].cls == GZ_PLACE) return 0;
            size_t n = 0;
            out[n++] = &ps[i];
            /* "Cameron's final EU summit": the owner before a modifier */
            if (!ps[i].poss && i > 0 && ps[i - 1].poss && ps[i].t0 - ps[i - 1].t1 <= 2 &&
                ps[i - 1].cls != GZ_PLACE) {
                out[n++] = &ps[i - 1];
                return n;
            }
            for (size_t j = i; j-- > 0 && n < cap && ps[j].cls != GZ_PLACE;) {
                uint32_t gap0 = ps[j].t1, gap1 = out[n - 1]->t0;
                int joined = gap1 > gap0 && gap1 - gap0 <= 2;
                for (uint32_t k = gap0; joined && k < gap1; k++)
                    joined = tok_eq(d, k, ",") || tok_eq(d, k, "and");
                if (!joined) break;
                out[n++] = &ps[j];
            }
            return n;
        }
    return 0;
}

/* "=European Union": a participant the trigger itself names ("Brexit"). */
static size_t slot_named(const gz_gazetteer *gz, const char *name, party *lit, const party **out)
{
    const gz_entry *e = gz_lookup(gz, name);
    if (!e) return 0;
    const char *kind = e->cls == GZ_PERSON ? "person"
                       : e->cls == GZ_COUNTRY || e->cls == GZ_CAPITAL ? "state"
                       : e->kind ? e->kind : "organisation";
    set_party(lit, 0, 0, e->name, e->country, kind);
    out[0] = lit;
    return 1;
}

/* "he met", "she resigned": the person a pronoun just before the trigger
 * stands for, the last person named in this or the two sentences before
 * (a gazetteer person; the story's protagonist most of the time). */
static int pronoun_subject(const dc_doc *d, const gz_mention *m, size_t nm, long si,
                           uint32_t t0, party *lit)
{
    static const char *const pro[] = {"he", "she", NULL};
    const dc_sent *s = &d->sent[si];
    uint32_t k = t0, p = UINT32_MAX;
    while (k > s->tok0 && t0 - k < 5) {
        k--;
        if (clause_break(d, k) || tok_eq(d, k, ",")) break;
        if (tok_in(d, k, pro)) { p = k; break; }
    }
    if (p == UINT32_MAX) return 0;
    uint32_t from = d->sent[si > 2 ? si - 2 : 0].tok0;
    const gz_entry *who = NULL;
    for (size_t i = 0; i < nm && m[i].tok0 < p; i++)
        if (m[i].tok0 >= from && m[i].e->cls == GZ_PERSON) who = m[i].e;
    if (!who) return 0;
    set_party(lit, p, p + 1, who->name, who->country, "person");
    return 1;
}

/* Fills out from the first slot of spec ("subj|poss") that yields. */
static size_t fill(const dc_doc *d, const gz_gazetteer *gz, const char *spec, const party *ps,
                   size_t np, uint32_t s0, uint32_t end, uint32_t t0, uint32_t t1, party *lit,
                   const party **out, size_t cap)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", spec);
    char *save = NULL;
    for (char *w = strtok_r(buf, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
        size_t n = 0;
        if (strcmp(w, "subj") == 0) n = slot_subj(d, ps, np, s0, t0, out, cap);
        else if (strcmp(w, "obj") == 0) n = slot_obj(d, ps, np, t1, end, out, cap, 5);
        else if (strcmp(w, "poss") == 0) n = slot_poss(d, ps, np, t0, out, cap);
        else if (strcmp(w, "none") == 0) return 0;
        else if (w[0] == '=') n = slot_named(gz, w + 1, lit, out);
        else n = slot_prep(d, ps, np, t1, end, w, out, cap);
        if (n) return n;
    }
    return 0;
}

/* A participle after a form of "be" (an adverb may stand between):
 * "was arrested", "have been freed", "is being detained". */
static int passive(const dc_doc *d, uint32_t s0, uint32_t t0)
{
    static const char *const be[] = {"was", "were", "been", "being", "is", "are", "be", "got",
                                     "get", "gets", "getting", NULL};
    static const char *const irregular[] = {"taken", "held", "freed", "shot", "struck", "overrun",
                                            "overthrown", "beaten", "hit", NULL};
    const dc_token *tk = &d->tok[t0];
    size_t n = tk->end - tk->start;
    const char *w = d->text + tk->start;
    if (!(n > 3 && strncasecmp(w + n - 2, "ed", 2) == 0) && !tok_in(d, t0, irregular)) return 0;
    uint32_t k = t0;
    while (k > s0) {
        k--;
        const dc_token *p = &d->tok[k];
        size_t pn = p->end - p->start;
        if (pn > 3 && strncasecmp(d->text + p->start + pn - 2, "ly", 2) == 0) continue;
        if (tok_eq(d, k, "not") || tok_eq(d, k, "never") || tok_eq(d, k, "reportedly")) continue;
        return tok_in(d, k, be);
    }
    return 0;
}

static const char *const neg_words[] = {"not", "no", "never", "without", "refused", "refuses",
                                        "denied", "denies", "rejected", "declined", "failed",
                                        "cancelled", "canceled", "nor", "neither", NULL};
static const char *const hyp_words[] = {"could", "may", "might", "should", "if", "would", "possible",
                                        "possibly", "proposed", "considering", "consider", "urged",
                                        "demanded", "demand", "calls", "called", "hopes", "hope",
                                        "wants", "seeks", "seek", "unless", "whether", NULL};
static const char *const plan_words[] = {"will", "shall", "plans", "plan", "planned", "planning",
                                         "scheduled", "set", "expected", "upcoming", "underway",
                                         "preparing", "prepares", "intends", "intend", "due",
                                         "agreed", "announced", "next", "to", NULL};

/* Negation, hypothesis or plan in the words just before the trigger. */
static const char *modality(const dc_doc *d, uint32_t s0, uint32_t t0)
{
    int neg = 0, hyp = 0, plan = 0;
    uint32_t from = t0 > s0 + 7 ? t0 - 7 : s0;
    static const char *const det[] = {"the", "this", "that", "these", "those", "its", "their",
                                      "his", "her", "our", NULL};
    for (uint32_t k = t0; k-- > from;) {
        if (clause_break(d, k) || tok_eq(d, k, ",")) break;
        /* "did not claim the attack": a definite noun phrase presupposes
         * its event; only words inside it ("the planned visit") count */
        if (tok_in(d, k, det)) break;
        const dc_token *tk = &d->tok[k];
        size_t n = tk->end - tk->start;
        const char *w = d->text + tk->start;
        if (tok_in(d, k, neg_words) || (n > 3 && strncasecmp(w + n - 3, "n't", 3) == 0) ||
            (n > 5 && strncmp(w + n - 5, "n\xE2\x80\x99t", 5) == 0))
            neg = 1;
        else if (tok_in(d, k, hyp_words)) hyp = 1;
        else if (tok_in(d, k, plan_words)) {
            /* "to" alone is a plan only right before the trigger ("to evacuate") */
            if (!tok_eq(d, k, "to") || k + 1 == t0) plan = 1;
        }
    }
    if (neg) return "negated";
    if (hyp) return "hypothetical";
    if (plan) return "planned";
    return "asserted";
}

/* The place where it happened: a place after in/at/near in the clause. */
static const gz_mention *location(const dc_doc *d, const gz_mention *m, size_t nm, uint32_t s0,
                                  uint32_t end, uint32_t t1)
{
    static const char *const preps[] = {"in", "at", "near", "outside", "inside", "across", "into", NULL};
    const gz_mention *best = NULL;
    for (size_t i = 0; i < nm; i++) {
        const gz_entry *e = m[i].e;
        if (m[i].tok0 < s0 || m[i].tok0 >= end) continue;
        if (e->cls != GZ_PLACE && e->cls != GZ_COUNTRY && e->cls != GZ_CAPITAL) continue;
        uint32_t k = m[i].tok0;
        if (k > s0 && tok_eq(d, k - 1, "the")) k--;
        if (k <= s0 || !tok_in(d, k - 1, preps)) continue;
        if (!best || (m[i].tok0 >= t1 && best->tok0 < t1)) best = &m[i];
        if (best->tok0 >= t1) break;
    }
    return best;
}

/* What a seizure took: the first place named after the trigger ("seized
 * Spin Boldak"), else the last one just before it ("the district of Spin
 * Boldak was captured"). */
static const gz_mention *place_taken(const gz_mention *m, size_t nm, uint32_t s0, uint32_t t0,
                                     uint32_t t1, uint32_t end)
{
    const gz_mention *before = NULL;
    for (size_t i = 0; i < nm; i++) {
        if (m[i].e->cls != GZ_PLACE || m[i].tok0 < s0 || m[i].tok0 >= end) continue;
        if (m[i].tok0 >= t1 && m[i].tok0 - t1 <= 8) return &m[i];
        if (m[i].tok0 < t0 && t0 - m[i].tok0 <= 8) before = &m[i];
    }
    return before;
}

static void hex_id(char out[20], const char *doc_id, uint32_t start, const char *type)
{
    char buf[600];
    snprintf(buf, sizeof buf, "%s:%u:%s", doc_id, start, type);
    uint64_t h = sm_hash(buf, strlen(buf));
    snprintf(out, 20, "ev-%016llx", (unsigned long long)h);
}

/* "meets" -> "meet" for several actors: the first word loses its -s. */
static void plural_verb(char *out, size_t cap, const char *verb)
{
    const char *sp = strchr(verb, ' ');
    size_t n = sp ? (size_t)(sp - verb) : strlen(verb);
    size_t keep = n;
    if (n > 4 && (strncmp(verb + n - 4, "ches", 4) == 0 || strncmp(verb + n - 4, "shes", 4) == 0 ||
                  strncmp(verb + n - 4, "sses", 4) == 0))
        keep = n - 2;
    else if (n > 1 && verb[n - 1] == 's')
        keep = n - 1;
    snprintf(out, cap, "%.*s%s", (int)keep, verb, verb + n);
}

static void join_names(char *out, size_t cap, tl_party *p, size_t n)
{
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(out);
        snprintf(out + l, cap - l, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", p[i].name);
    }
}

static int all_persons(const tl_party *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(p[i].kind, "person") != 0) return 0;
    return 1;
}

#define MAXP 8

int ev_find(const gm_grammar *g, const gz_gazetteer *gz, const dc_doc *d, size_t doc,
            const char *doc_id, annals_timeline *tl, ar_arena *a)
{
    gm_match *ms;
    size_t nm;
    if (gm_run(g, d->text, d->len, a, &ms, &nm)) return -1;
    if (!nm) return 0;
    gz_mention *gm;
    size_t ng;
    if (gz_find(gz, d, a, &gm, &ng)) return -1;
    party ps[64];
    long cur = -1;
    size_t np = 0;
    for (size_t i = 0; i < nm; i++) {
        const gm_match *m = &ms[i];
        const ev_type *ty = ev_type_find(m->rule->type);
        long si = dc_sentence_at(d, m->start);
        if (!ty || si < 0 || d->sent[si].end < m->end) continue;
        const dc_sent *s = &d->sent[si];
        uint32_t end = s->tok0 + s->ntok;
        if (si != cur) {
            np = parties_of(d, s, gm, ng, ps, 64);
            np = add_groups(g, d, s, gm, ng, ps, np, 64);
            cur = si;
        }
        /* the trigger: the (?<trigger>) capture, else the whole match */
        uint32_t ts = m->start, te = m->end;
        int gi = pcre2_substring_number_from_name(m->rule->re, (PCRE2_SPTR) "trigger");
        if (gi > 0 && gi < 24 && m->ov[2 * gi] != UINT32_MAX) {
            ts = m->ov[2 * gi];
            te = m->ov[2 * gi + 1];
        }
        uint32_t t0 = s->tok0, t1;
        while (t0 < end && d->tok[t0].end <= ts) t0++;
        t1 = t0;
        while (t1 < end && d->tok[t1].start < te) t1++;
        const char *aspec = "subj", *tspec = "obj", *mod = NULL;
        size_t sl;
        if (m->rule->nargs > 0) gm_arg_text(m, d->text, 0, &aspec, &sl);
        if (m->rule->nargs > 1) gm_arg_text(m, d->text, 1, &tspec, &sl);
        if (m->rule->nargs > 2) gm_arg_text(m, d->text, 2, &mod, &sl);
        /* "18 people had been arrested (by police)": the subject suffers */
        if (strncmp(aspec, "subj", 4) == 0 && passive(d, s->tok0, t0)) {
            aspec = "by";
            tspec = "subj";
        }
        const party *act[MAXP], *tgt[MAXP];
        party lit[2];
        size_t na = fill(d, gz, aspec, ps, np, s->tok0, end, t0, t1, &lit[0], act, MAXP);
        size_t nt = fill(d, gz, tspec, ps, np, s->tok0, end, t0, t1, &lit[1], tgt, MAXP);
        if (!na && strncmp(aspec, "subj", 4) == 0 && pronoun_subject(d, gm, ng, si, t0, &lit[0])) {
            act[0] = &lit[0];
            na = 1;
        }
        tl_party actors[MAXP], targets[MAXP];
        size_t nat = 0, ntt = 0;
        for (size_t k = 0; k < na; k++) actors[nat++] = act[k]->p;
        for (size_t k = 0; k < nt; k++) {
            int dup = 0;
            for (size_t j = 0; j < nat; j++) dup |= strcmp(actors[j].name, tgt[k]->p.name) == 0;
            if (!dup) targets[ntt++] = tgt[k]->p;
        }
        /* "talks with Putin": leaders who talk in person meet (CONSULT) */
        if (strcmp(ty->name, "talks") == 0 && ntt && all_persons(targets, ntt) &&
            (!nat || all_persons(actors, nat)))
            ty = ev_type_find("meeting");
        const gz_mention *loc = location(d, gm, ng, s->tok0, end, t1);
        if (!loc && strcmp(ty->name, "seizure") == 0) loc = place_taken(gm, ng, s->tok0, t0, t1, end);
        tl_event e;
        memset(&e, 0, sizeof e);
        hex_id(e.id, doc_id, ts, ty->name);
        e.type = ty->name;
        e.cameo = ty->cameo;
        e.plover = ty->plover;
        e.modality = mod && *mod ? mod : modality(d, s->tok0, t0);
        e.actors = actors;
        e.nactors = nat;
        e.targets = targets;
        e.ntargets = ntt;
        char locname[128] = "";
        if (loc) {
            e.has_location = 1;
            snprintf(locname, sizeof locname, "%s", loc->e->cls == GZ_CAPITAL ? loc->e->role : loc->e->name);
            e.loc_name = locname;
            snprintf(e.loc_country, sizeof e.loc_country, "%s", loc->e->country);
        }
        char an[400], tn[400], summary[1000];
        join_names(an, sizeof an, actors, nat);
        join_names(tn, sizeof tn, targets, ntt);
        char verb[64];
        /* "government forces seize", "Afghans protest" */
        size_t al = nat ? strlen(act[0]->name) : 0;
        int plural = nat > 1 || (nat == 1 && (act[0]->cls == 0 || act[0]->cls == GZ_DEMONYM) &&
                                 strcmp(act[0]->p.kind, "person") != 0 && al > 1 &&
                                 act[0]->name[al - 1] == 's');
        if (plural) plural_verb(verb, sizeof verb, ty->verb);
        else snprintf(verb, sizeof verb, "%s", ty->verb);
        snprintf(summary, sizeof summary, "%s%s%s%s%s%s%s%s", nat ? an : "", nat ? " " : "",
                 nat ? verb : ty->name, ntt && *ty->prep ? " " : "", ntt ? ty->prep : "",
                 ntt ? " " : "", tn, "");
        if (loc) {
            size_t l = strlen(summary);
            snprintf(summary + l, sizeof summary - l, " in %s", locname);
        }
        e.summary = summary;
        double c = 0.45 + (nat ? 0.25 : 0) + (ntt ? 0.1 : 0) + (loc ? 0.05 : 0) +
                   (m->rule->priority > 0 ? 0.05 : 0);
        if (strcmp(e.modality, "hypothetical") == 0) c -= 0.1;
        e.confidence = c > 0.95 ? 0.95 : c;
        tl_mention men;
        men.doc = doc;
        men.start = s->start;
        men.end = s->end;
        /* the sentence on one line, valid UTF-8 (tl_add_event copies it) */
        char *sent = u8_sanitize(d->text + s->start, s->end - s->start, NULL);
        char *trig = u8_sanitize(d->text + ts, te - ts, NULL);
        int rc = sent && trig ? 0 : -1;
        if (sent)
            for (char *p = sent; *p; p++) if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
        men.sentence = sent;
        men.trigger = trig;
        men.date_text = NULL;
        e.mentions = &men;
        e.nmentions = 1;
        if (rc == 0) rc = tl_add_event(tl, &e);
        free(sent);
        free(trig);
        if (rc) return -1;
    }
    return 0;
}
