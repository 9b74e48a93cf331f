/* The event pass over one document: event-grammar matches, each given
 * participants from its own clause (never from elsewhere in the story), a
 * location, a modality, a summary and a confidence. */
#include "event.h"
#include "ev_clutter.h"
#include "ev_group.h"
#include "ev_party.h"
#include "ev_names.h"
#include "../util/str.h"
#include "../util/utf8.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int ev_function_known(const char *name) { return strcmp(name, "event") == 0; }

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
    if (!(n > 3 && strncasecmp(w + n - 2, "ed", 2) == 0) && !ev_tok_in(d, t0, irregular)) return 0;
    uint32_t k = t0;
    while (k > s0) {
        k--;
        const dc_token *p = &d->tok[k];
        size_t pn = p->end - p->start;
        if (pn > 3 && strncasecmp(d->text + p->start + pn - 2, "ly", 2) == 0) continue;
        if (ev_tok_eq(d, k, "not") || ev_tok_eq(d, k, "never") || ev_tok_eq(d, k, "reportedly")) continue;
        return ev_tok_in(d, k, be);
    }
    return 0;
}

/* Does "his" or "her" own the noun trigger at t0, with at most two
 * modifiers or a quote between ("his contacts", "his \u201cred line\u201d")?
 * The token after the pronoun, or 0. */
static uint32_t owner_before(const dc_doc *d, uint32_t s0, uint32_t t0)
{
    static const char *const own[] = {"his", "her", NULL};
    static const char *const quote[] = {"\"", "\xE2\x80\x9C", "'", "\xE2\x80\x98", NULL};
    for (uint32_t k = t0, n = 0; k > s0 && n < 3; n++) {
        k--;
        if (ev_tok_in(d, k, own)) return k + 1;
        if (ev_tok_in(d, k, quote)) continue;
        /* "his response to the assaults": the owner of another noun */
        static const char *const stop[] = {"the", "a", "an", "to", "of", "for", "on", "in", "with",
                                           "and", "or", NULL};
        if (d->tok[k].kind != DC_WORD || (d->tok[k].flags & DC_CAP) || ev_tok_in(d, k, stop))
            return 0;
    }
    return 0;
}

/* The (?<trigger>) group that took part in match m, or 0. A pattern may
 * name one in each alternative ("spoke by phone|phone calls"), and PCRE2
 * then has no single number for the name: scan them all. */
static int trigger_group(const gm_match *m)
{
    PCRE2_SPTR first, last;
    int size = pcre2_substring_nametable_scan(m->rule->re, (PCRE2_SPTR) "trigger", &first, &last);
    if (size <= 0) return 0;
    for (PCRE2_SPTR e = first; e <= last; e += size) {
        int gi = (e[0] << 8) | e[1];
        if (gi > 0 && gi < 24 && m->ov[2 * gi] != UINT32_MAX) return gi;
    }
    return 0;
}

/* "will face US sanctions": a "face" right before token t. */
static int faces(const dc_doc *d, uint32_t s0, uint32_t t)
{
    static const char *const face[] = {"face", "faces", "faced", "facing", NULL};
    if (t > s0 && ev_tok_eq(d, t - 1, "the")) t--;
    return t > s0 && ev_tok_in(d, t - 1, face);
}

/* Does token t name an owner ("Iraqi", "Russia's", "its", "their")? */
static int is_owner(const dc_doc *d, uint32_t t)
{
    static const char *const own[] = {"its", "their", "his", "her", "our", NULL};
    const dc_token *k = &d->tok[t];
    return ev_tok_in(d, t, own) || (k->flags & DC_CAP) ||
           (k->end - k->start > 2 && d->text[k->end - 1] == 's' && d->text[k->end - 2] == '\'');
}

/* spec without the slot w, into out ("by|subj" less "subj": "by"). */
static void drop_slot(const char *spec, const char *w, char *out, size_t cap)
{
    char buf[64];
    st_copy(buf, sizeof buf, spec);
    out[0] = '\0';
    size_t l = 0;
    char *save = NULL;
    for (char *t = strtok_r(buf, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
        if (strcmp(t, w) == 0) continue;
        if (l) l = st_cat(out, cap, l, "|");
        l = st_cat(out, cap, l, t);
    }
}

/* The place where it happened: a place after in/at/near in the clause. */
static const gz_mention *location(const dc_doc *d, const gz_mention *m, size_t nm, uint32_t s0,
                                  uint32_t end, uint32_t t1)
{
    static const char *const preps[] = {"in", "at", "near", "outside", "inside", "across", "into", NULL};
    const gz_mention *best = NULL;
    for (size_t i = gz_first_at(m, nm, s0); i < nm; i++) {
        const gz_entry *e = m[i].e;
        if (m[i].tok0 >= end) break;
        if (e->cls != GZ_PLACE && e->cls != GZ_COUNTRY && e->cls != GZ_CAPITAL) continue;
        uint32_t k = m[i].tok0;
        if (k > s0 && ev_tok_eq(d, k - 1, "the")) k--;
        if (k <= s0 || !ev_tok_in(d, k - 1, preps)) continue;
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
    for (size_t i = gz_first_at(m, nm, s0); i < nm && m[i].tok0 < end; i++) {
        if (m[i].e->cls != GZ_PLACE) continue;
        if (m[i].tok0 >= t1 && m[i].tok0 - t1 <= 8) return &m[i];
        if (m[i].tok0 < t0 && t0 - m[i].tok0 <= 8) before = &m[i];
    }
    return before;
}

/* Text as an event keeps it, in one pass over mostly ASCII bytes: valid
 * UTF-8 (an invalid byte becomes U+FFFD, as u8_sanitize makes it) and,
 * with flat, on one line (line breaks and tabs become spaces). malloc'd,
 * NUL-terminated; NULL when out of memory. */
static char *event_text(const char *s, size_t n, int flat)
{
    char *out = malloc(n * 3 + 1); /* every byte may become U+FFFD */
    if (!out) return NULL;
    size_t i = 0, o = 0;
    while (i < n) {
        if (n - i >= 8) {
            /* eight bytes at a time while all are printable ASCII: none
             * has its high bit, none is below 0x20 (the borrow trick finds
             * such a byte when no high bit is set) */
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!((w | ((w - 0x2020202020202020ULL) & ~w)) & 0x8080808080808080ULL)) {
                memcpy(out + o, s + i, 8);
                o += 8;
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* printable ASCII first: one test for most bytes */
            int brk = c < 0x20 && flat && (c == '\n' || c == '\r' || c == '\t');
            out[o++] = brk ? ' ' : (char)c;
            i++;
            continue;
        }
        o += u8_copy_one(s, n, &i, out + o);
    }
    out[o] = '\0';
    return out;
}

/* Extends FNV-1a hash *h by s, within a budget of *left bytes. */
static void hash_in(uint64_t *h, size_t *left, const char *s)
{
    for (; *s && *left; s++, (*left)--) *h = sm_hash_step(*h, (unsigned char)*s);
}

/* "ev-" and the hash of "DOC:START:TYPE" (its first 599 bytes, as the
 * buffer of 600 it was once printed into), without printf: one per event. */
static void hex_id(char out[20], const char *doc_id, uint32_t start, const char *type)
{
    char num[16];
    size_t k = sizeof num;
    num[--k] = '\0';
    do num[--k] = (char)('0' + start % 10); while ((start /= 10) > 0);
    uint64_t h = SM_HASH_SEED;
    size_t left = 599;
    hash_in(&h, &left, doc_id);
    hash_in(&h, &left, ":");
    hash_in(&h, &left, num + k);
    hash_in(&h, &left, ":");
    hash_in(&h, &left, type);
    static const char hex[] = "0123456789abcdef";
    memcpy(out, "ev-", 3);
    for (int i = 0; i < 16; i++) out[3 + i] = hex[(h >> (60 - 4 * i)) & 15];
    out[19] = '\0';
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
    out[0] = '\0';
    st_cat(out, cap, st_put(out, cap, 0, verb, keep), verb + n);
}

static void join_names(char *out, size_t cap, tl_party *p, size_t n)
{
    out[0] = '\0';
    size_t l = 0;
    for (size_t i = 0; i < n; i++) {
        l = st_cat(out, cap, l, i == 0 ? "" : i + 1 == n ? " and " : ", ");
        l = st_cat(out, cap, l, p[i].name);
    }
}

static int all_persons(const tl_party *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(p[i].kind, "person") != 0) return 0;
    return 1;
}

#define MAXP 8

static int find_in(const gm_grammar *g, const gz_gazetteer *gz, const dc_doc *d, size_t doc,
                   const char *doc_id, annals_timeline *tl, const gm_match *ms, size_t nm,
                   const gz_mention *gm, size_t ng, ev_namebook *book);

int ev_find(const gm_grammar *g, const gz_gazetteer *gz, const dc_doc *d, size_t doc,
            const char *doc_id, annals_timeline *tl, ar_arena *a)
{
    gm_match *ms;
    size_t nm;
    if (gm_run_words(g, d->text, d->len, d->words, a, &ms, &nm)) return -1;
    if (!nm) return 0;
    gz_mention *gm;
    size_t ng;
    if (gz_find(gz, d, a, &gm, &ng)) return -1;
    ev_namebook book;
    ev_namebook_init(&book);
    int rc = find_in(g, gz, d, doc, doc_id, tl, ms, nm, gm, ng, &book);
    ev_namebook_free(&book);
    return rc;
}

/* ev_find's body, once the matches and the gazetteer's names are known. */
static int find_in(const gm_grammar *g, const gz_gazetteer *gz, const dc_doc *d, size_t doc,
                   const char *doc_id, annals_timeline *tl, const gm_match *ms, size_t nm,
                   const gz_mention *gm, size_t ng, ev_namebook *book)
{
    party ps[64];
    char home[4] = "";
    if (!ev_home_country(gm, ng, home)) home[0] = '\0';
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
            np = ev_parties_of(gz, d, s, gm, ng, ps, 64);
            np = ev_parties_add_groups(g, d, s, gm, ng, book, ps, np, 64);
            np = ev_parties_add_offices(gz, d, s, gm, ng, ps, np, 64);
            if (home[0])
                for (size_t k = 0; k < np; k++) ev_localise(gz, home, &ps[k]);
            np = ev_parties_add_home(gz, d, si, gm, ng, home, ps, np, 64);
            cur = si;
        }
        /* the trigger: the (?<trigger>) capture, else the whole match */
        uint32_t ts = m->start, te = m->end;
        int gi = trigger_group(m);
        if (gi > 0) {
            ts = m->ov[2 * gi];
            te = m->ov[2 * gi + 1];
        }
        if (ev_clutter(d, ts)) continue; /* another story's headline */
        uint32_t t0 = s->tok0, t1;
        while (t0 < end && d->tok[t0].end <= ts) t0++;
        t1 = t0;
        while (t1 < end && d->tok[t1].start < te) t1++;
        const char *aspec = "subj", *tspec = "obj", *mod = NULL;
        size_t sl;
        if (m->rule->nargs > 0) gm_arg_text(m, d->text, 0, &aspec, &sl);
        if (m->rule->nargs > 1) gm_arg_text(m, d->text, 1, &tspec, &sl);
        if (m->rule->nargs > 2) gm_arg_text(m, d->text, 2, &mod, &sl);
        /* "18 people had been arrested (by police)", "Goto was abducted":
         * the subject suffers; a passive keeps a rule's other actor slots
         * ("by|in") but never takes its subject as actor */
        char pspec[64];
        if (strncmp(aspec, "subj", 4) == 0 && passive(d, s->tok0, t0)) {
            aspec = "by";
            tspec = "subj";
        } else if (strstr(aspec, "subj") && strstr(tspec, "subj") && passive(d, s->tok0, t0)) {
            drop_slot(aspec, "subj", pspec, sizeof pspec);
            aspec = pspec[0] ? pspec : "none";
            tspec = "subj";
        }
        const party *act[MAXP], *tgt[MAXP];
        party lit[4];
        size_t na = 0;
        /* "his contacts with Russia": the owner acts, not a name further back */
        uint32_t ob = strstr(aspec, "poss") && !strstr(aspec, "from") ? owner_before(d, s->tok0, t0) : 0;
        if (ob && ev_pronoun_subject(d, gm, ng, si, ob, 1, &lit[0])) {
            act[0] = &lit[0];
            na = 1;
        }
        if (!na) na = ev_fill(d, gz, aspec, ps, np, s->tok0, end, t0, t1, &lit[0], act, MAXP);
        if (!na && strstr(aspec, "subj") && ev_body_subject(d, gm, ng, si, t0, &lit[0])) {
            act[0] = &lit[0];
            na = 1;
        }
        size_t nt = ev_fill(d, gz, tspec, ps, np, s->tok0, end, t0, t1, &lit[1], tgt, MAXP);
        if (ev_pronoun_object(d, gm, ng, si, t1, tspec, &lit[1])) {
            tgt[0] = &lit[1];
            nt = 1;
        }
        /* "he", or a pronoun nearer the trigger than the name found: the
         * person it stands for ("protesters ... giving him until Wednesday
         * to agree") */
        if (!ob && (strstr(aspec, "subj") || strstr(aspec, "poss"))) {
            party pl;
            if (ev_pronoun_subject(d, gm, ng, si, t0, 0, &pl) &&
                (!na || (act[0] != &lit[0] && act[0]->t1 <= pl.t0 && strstr(aspec, "subj")))) {
                lit[0] = pl;
                lit[0].p.name = lit[0].name; /* the copy's own buffer */
                act[0] = &lit[0];
                na = 1;
            }
        }
        /* "a threatened military coup" in a story about Egypt: the
         * Egyptian military acts, whoever stands before */
        if (home[0] && t0 > s->tok0 && ev_home_only(gm, ng, s, home) &&
            (ev_tok_eq(d, t0 - 1, "military") || ev_tok_eq(d, t0 - 1, "army")) &&
            !(d->tok[t0 - 1].flags & DC_CAP) && !(t0 - 1 > s->tok0 && is_owner(d, t0 - 2)) &&
            ev_body(gz, home, d, t0 - 1, &lit[0])) {
            act[0] = &lit[0];
            na = 1;
        }
        /* "EU keeps Russia sanctions in place": a state named right before
         * the noun (not "Russia's"), with no "on X" after it, is who they
         * hit; the subject before it imposes them ("U.S. sanctions on
         * Pyongyang", "will face US sanctions" keep their imposer) */
        if (strcmp(ty->name, "sanctions") == 0 && na == 1 && nt == 0 && act[0] != &lit[0] &&
            act[0]->t1 == t0 && !act[0]->poss && act[0]->p.kind &&
            strcmp(act[0]->p.kind, "state") == 0 && !faces(d, s->tok0, act[0]->t0)) {
            tgt[nt++] = act[0];
            na = ev_fill(d, gz, "subj", ps, np, s->tok0, end, act[0]->t0, act[0]->t1, &lit[0], act,
                         MAXP);
        }
        if (strcmp(ty->name, "protest") == 0) {
            int k = ev_anti(gz, d, s->tok0, t0, &lit[2], &lit[3]);
            if (k && !nt) tgt[nt++] = &lit[2];
            if (k == 2 && !na) act[na++] = &lit[3];
        }
        const gz_mention *loc = location(d, gm, ng, s->tok0, end, t1);
        /* protests across a country, or in a story about one, with no one
         * named: that country's protesters */
        if (!na && strcmp(ty->name, "protest") == 0 && strcmp(aspec, "none") != 0 &&
            ((loc && loc->e->cls == GZ_COUNTRY &&
              ev_crowd(gz, loc->e->country, "protesters", &lit[0])) ||
             (!loc && home[0] && ev_home_only(gm, ng, s, home) && ev_home_near(d, gm, ng, si, home) &&
              ev_crowd(gz, home, "protesters", &lit[0])))) {
            act[0] = &lit[0];
            na = 1;
        }
        tl_party actors[MAXP], targets[MAXP];
        size_t nat = 0, ntt = 0;
        for (size_t k = 0; k < na; k++) actors[nat++] = act[k]->p;
        for (size_t k = 0; k < nt; k++) {
            int dup = 0;
            /* nor does a state act on itself ("Iraqi soldiers ... from
             * Baghdad"); its people may ("Indian protesters" against India) */
            for (size_t j = 0; j < nat; j++)
                dup |= strcmp(actors[j].name, tgt[k]->p.name) == 0 ||
                       (tgt[k]->p.kind && strcmp(tgt[k]->p.kind, "state") == 0 &&
                        tgt[k]->p.country[0] && strcmp(actors[j].country, tgt[k]->p.country) == 0 &&
                        actors[j].kind && strcmp(actors[j].kind, "state") == 0);
            if (!dup) targets[ntt++] = tgt[k]->p;
        }
        /* "talks with Putin": leaders who talk in person meet (CONSULT) */
        if (strcmp(ty->name, "talks") == 0 && ntt && all_persons(targets, ntt) &&
            (!nat || all_persons(actors, nat)))
            ty = ev_type_find("meeting");
        if (!loc && strcmp(ty->name, "seizure") == 0)
            loc = place_taken(gm, ng, s->tok0, t0, t1, end);
        tl_event e;
        memset(&e, 0, sizeof e);
        hex_id(e.id, doc_id, ts, ty->name);
        e.type = ty->name;
        e.cameo = ty->cameo;
        e.plover = ty->plover;
        e.modality = mod && *mod ? mod : ev_modality(d, s->tok0, t0);
        e.actors = actors;
        e.nactors = nat;
        e.targets = targets;
        e.ntargets = ntt;
        char locname[128] = "";
        if (loc) {
            e.has_location = 1;
            st_copy(locname, sizeof locname, loc->e->cls == GZ_CAPITAL ? loc->e->role : loc->e->name);
            e.loc_name = locname;
            st_copy(e.loc_country, sizeof e.loc_country, loc->e->country);
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
        else st_copy(verb, sizeof verb, ty->verb);
        /* "Taliban fighters seize Spin Boldak in Afghanistan" */
        summary[0] = '\0';
        size_t slen = 0;
        if (nat) slen = st_cat(summary, sizeof summary, st_cat(summary, sizeof summary, 0, an), " ");
        slen = st_cat(summary, sizeof summary, slen, nat ? verb : ty->name);
        if (ntt && *ty->prep) slen = st_cat(summary, sizeof summary, slen, " ");
        if (ntt) slen = st_cat(summary, sizeof summary, st_cat(summary, sizeof summary, slen, ty->prep), " ");
        slen = st_cat(summary, sizeof summary, slen, tn);
        if (loc) st_cat(summary, sizeof summary, st_cat(summary, sizeof summary, slen, " in "), locname);
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
        char *sent = event_text(d->text + s->start, s->end - s->start, 1);
        char *trig = event_text(d->text + ts, te - ts, 0);
        int rc = sent && trig ? 0 : -1;
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
