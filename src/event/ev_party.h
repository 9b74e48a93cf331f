/* ev_party: the participants of one sentence (named, common-noun and
 * unlisted names, in token order) and the slots of an event rule that pick
 * among them (subj, obj, poss, a preposition, =NAME). */
#ifndef EV_PARTY_H
#define EV_PARTY_H
#include <stddef.h>
#include <stdint.h>
#include "../doc/doc.h"
#include "../grammar/gram.h"
#include "../timeline/timeline.h"
#include "gazetteer.h"
#include "../util/word.h"
#include "../util/wd_list.h"

/* A participant found in a sentence, over tokens [t0, t1). */
typedef struct party {
    uint32_t t0, t1;
    tl_party p;
    char name[128];
    int poss;
    int cls; /* the gazetteer class it came from, 0 for a group */
} party;

/* Token tests: one word (case-insensitive), one of a NULL-ended list, a
 * token that ends a clause for finding participants. The first two are
 * inline: the slots, modality and offices ask them of token after token,
 * and a call cost about as much as the test. */
static inline int ev_tok_eq(const dc_doc *d, uint32_t t, const char *w)
{
    const dc_token *k = &d->tok[t];
    return wd_is(d->text + k->start, k->end - k->start, w);
}

static inline int ev_tok_in(const dc_doc *d, uint32_t t, const char *const *ws)
{
    const dc_token *k = &d->tok[t];
    return wd_in(d->text + k->start, k->end - k->start, ws);
}

/* ev_tok_in over a filtered list (wd_list.h): for the long lists asked of
 * every token of a clause. */
static inline int ev_tok_list(const dc_doc *d, uint32_t t, wd_list *l)
{
    const dc_token *k = &d->tok[t];
    return wdl_in(l, d->text + k->start, k->end - k->start);
}

int ev_clause_break(const dc_doc *d, uint32_t t);

/* The article's own spelling of person or organisation e (into buf),
 * else e->name. */
const char *ev_written_name(const dc_doc *d, const gz_mention *m, size_t nm, const gz_entry *e,
                           char *buf, size_t cap);

void ev_set_party(party *p, uint32_t t0, uint32_t t1, const char *name, const char *country,
                  const char *kind);

/* The gazetteer names of sentence s as participants (at most cap). */
size_t ev_parties_of(const gz_gazetteer *gz, const dc_doc *d, const dc_sent *s,
                     const gz_mention *m, size_t nm, party *out, size_t cap);

struct ev_namebook; /* ev_names.h */
/* ps[0, n) plus the sentence's groups and unlisted names (book: the
 * document's, see ev_names.h); the new count. */
size_t ev_parties_add_groups(const gm_grammar *g, const dc_doc *d, const dc_sent *s,
                             const gz_mention *m, size_t nm, struct ev_namebook *book, party *ps, size_t n,
                             size_t cap);

/* "president", "foreign minister": a lower-case office of one or two
 * words at token t (its length into *len), or NULL. */
const gz_entry *ev_lower_office(const gz_gazetteer *gz, const dc_doc *d, uint32_t t, uint32_t end,
                                uint32_t *len);

/* ps[0, n) plus "the president", "the prince": the person of that office
 * the document named last; the new count. */
size_t ev_parties_add_offices(const gz_gazetteer *gz, const dc_doc *d, const dc_sent *s,
                              const gz_mention *m, size_t nm, party *ps, size_t n, size_t cap);

/* Fills out from the first slot of spec ("subj|poss") that yields, for a
 * trigger over tokens [t0, t1) of the clause [s0, end); lit holds a party
 * that a "=NAME" slot makes. Returns how many. */
size_t ev_fill(const dc_doc *d, const gz_gazetteer *gz, const char *spec, const party *ps,
               size_t np, uint32_t s0, uint32_t end, uint32_t t0, uint32_t t1, party *lit,
               const party **out, size_t cap);

/* The person "he" or "she" (with owner, also "his" or "her") before the
 * trigger stands for, into lit: 1 if one is found (sentence si, trigger
 * token t0). */
int ev_pronoun_subject(const dc_doc *d, const gz_mention *m, size_t nm, long si, uint32_t t0,
                       int owner, party *lit);

/* Can token k stand in a verb group between a subject and its trigger
 * ("had tried to", "has", "was later")? */
int ev_verb_group_word(const dc_doc *d, uint32_t k);

/* The armed group or organisation the subject "the group" or "the
 * organization" before the trigger at t0 stands for (the last named in
 * sentence si or the two before), into lit: 1 if one is found. */
int ev_body_subject(const dc_doc *d, const gz_mention *m, size_t nm, long si, uint32_t t0,
                    party *lit);

/* "refusing to talk to him": the person an object pronoun right after the
 * trigger at t1 (or after a preposition of spec) stands for, into lit: 1 if
 * one is found. */
int ev_pronoun_object(const dc_doc *d, const gz_mention *m, size_t nm, long si, uint32_t t1,
                      const char *spec, party *lit);

/* "asserted", "planned", "negated" or "hypothetical", read from the words
 * before the trigger at token t0 (its sentence from s0). */
const char *ev_modality(const dc_doc *d, uint32_t s0, uint32_t t0);

/* "anti-Morsi protests": the party after "anti-" in the token before the
 * trigger at t0 (sentence from s0) into target, and for a person "Morsi
 * opponents" into actor. Returns 0 (none), 1 (target) or 2 (both). */
int ev_anti(const gz_gazetteer *gz, const dc_doc *d, uint32_t s0, uint32_t t0, party *target,
            party *actor);
#endif
