/* Where a rule's slots find participants: before the trigger (subj), after
 * it (obj), owning it (poss), after a preposition, or named by the rule. */
#include "ev_party.h"
#include "../util/str.h"
#include <string.h>
#include <strings.h>

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
        if (ev_tok_in(d, t, adv) || (n > 4 && strncasecmp(d->text + d->tok[t].end - 2, "ly", 2) == 0))
            continue;
        return ev_tok_eq(d, t, "and");
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
    while (k > s0 && ev_tok_in(d, k - 1, det)) k--;
    if (k == s0) return 0;
    const dc_token *p = &d->tok[k - 1];
    return p->kind == DC_WORD && !(p->flags & DC_CAP) && !ev_tok_in(d, k - 1, intro);
}

/* The party ending nearest before token t (within the clause), with
 * coordinated ones before it ("Russia and China agreed"). */
/* Do the tokens [gap0, gap1) join two participants into one list? ",",
 * "and", "&", and an article: "Kazakhstan, Tajikistan, and Uzbekistan",
 * "the U.S. president and the North Korean leader". */
static int coordinated(const dc_doc *d, uint32_t gap0, uint32_t gap1)
{
    if (gap1 <= gap0 || gap1 - gap0 > 3) return 0;
    int link = 0;
    for (uint32_t k = gap0; k < gap1; k++) {
        if (ev_tok_eq(d, k, ",") || ev_tok_eq(d, k, "and") || ev_tok_eq(d, k, "&")) link = 1;
        else if (!ev_tok_eq(d, k, "the")) return 0;
    }
    return link;
}

static int after_locative(const dc_doc *d, uint32_t s0, uint32_t t0)
{
    static const char *const loc[] = {"in", "across", "throughout", "around", "inside", "outside",
                                      "near", "at", NULL};
    uint32_t k = t0;
    if (k > s0 && ev_tok_eq(d, k - 1, "the")) k--;
    return k > s0 && ev_tok_in(d, k - 1, loc);
}

/* A list needs a conjunction: "Kazakhstan, Tajikistan, and Uzbekistan";
 * "The US government, Mr. Obama said" is a name and an aside. out holds n
 * parties, nearest the trigger first (reversed: in text order when
 * before is 0). How many of them to keep. */
static size_t a_list(const dc_doc *d, const party **out, size_t n, int before)
{
    for (size_t i = 0; i + 1 < n; i++) {
        uint32_t a = before ? out[i + 1]->t1 : out[i]->t1, b = before ? out[i]->t0 : out[i + 1]->t0;
        for (uint32_t k = a; k < b; k++)
            if (ev_tok_eq(d, k, "and") || ev_tok_eq(d, k, "&")) return n;
    }
    return n ? 1 : 0;
}

/* "McKenzie said the raid", "Trump responded to the attack": who
 * reports or answers an event is not who did it */
static const char *const speech_words[] = {"said", "says", "say", "told", "tells", "added", "noted",
                                     "reports",
                                     "described", "confirmed", "reported", "claimed", "claiming", "claims",
                                     "believe", "believes", "called",
                                     /* reactions to an event someone else did */
                                     "responded", "respond", "responds", "reacted",
                                     "condemned", "condemns", "condemn", "denounced",
                                     "mourned", "praised", "criticized", "criticised",
                                     "blamed", "blames", "accused", "investigating",
                                     "investigated", "survived", "witnessed", "recalled",
                                     "discussed", "insist", "insisted", "linked",
                                     "disclosed", "revealed", "response", "reaction",
                                     "responses", "monitoring", "monitor", "monitors",
                                     "overseeing", "oversee",
                                     /* the event as a topic: "his conversation with Kislyak
                                      * regarding the sanctions" */
                                     "regarding", "concerning", "about",
                                     "acknowledged", "characterized", "characterised",
                                     "downplayed", "learned", "briefed", "attributed",
                                     "explained", "defended", "questioned", NULL};
/* asked of every token between a name and its trigger: filtered */
static wd_list speech = {.w = speech_words};

/* "X claims the deadly bombing of a mosque": the trigger, a few words
 * after "claims" and the object of the claim, is the deed claimed, not a
 * report ("claiming the explosion at the depot was an accident"). */
static int claims_deed(const dc_doc *d, uint32_t k, uint32_t t)
{
    static const char *const fin[] = {"was", "were", "is", "are", "has", "had", "have", "will",
                                      "would", NULL};
    static const char *const det[] = {"the", "a", "an", "its", "their", "this", "these",
                                      "several", "many", NULL};
    /* "claimed the deadly bombing", "claims attacks"; not "claimed he had
     * met" */
    if (t <= k || t - k > 4 || (t > k + 1 && !ev_tok_in(d, k + 1, det))) return 0;
    for (uint32_t j = k + 2; j < t; j++)
        if (d->tok[j].kind != DC_WORD || (d->tok[j].flags & DC_CAP) || ev_tok_in(d, j, fin))
            return 0;
    /* a finite verb after it makes it a clause's subject; a relative
     * clause ("the attack that killed") is the deed's own */
    static const char *const rel[] = {".", ",", "that", "which", "who", NULL};
    for (uint32_t j = t + 1; j < d->ntok && j < t + 12; j++) {
        if (ev_tok_in(d, j, rel) || ev_clause_break(d, j)) break;
        const dc_token *tk = &d->tok[j];
        size_t n = tk->end - tk->start;
        if (ev_tok_in(d, j, fin) || (tk->kind == DC_WORD && n > 3 && !(tk->flags & DC_CAP) &&
                                     strncmp(d->text + tk->end - 2, "ed", 2) == 0))
            return 0;
    }
    return 1;
}

static size_t slot_subj(const dc_doc *d, const party *ps, size_t np, uint32_t s0, uint32_t t,
                        const party **out, size_t cap)
{
    long best = -1;
    /* a party is cut off from t by a clause break in [its t1, t): the last
     * break before t, found once, tells that for every party */
    uint32_t lo = t;
    for (size_t i = 0; i < np; i++)
        if (ps[i].t1 < lo) lo = ps[i].t1;
    uint32_t brk = t; /* t: none in [lo, t) */
    for (uint32_t k = t; k > lo;)
        if (ev_clause_break(d, --k)) { brk = k; break; }
    for (size_t i = 0; i < np; i++) {
        if (ps[i].t1 > t) continue;
        int broken = brk < t && brk >= ps[i].t1;
        if (broken || t - ps[i].t1 > 14) continue;
        /* "arrested across India", "in England on Wednesday and arrested":
         * a country after a locative preposition is where, not who */
        if (ps[i].cls == GZ_COUNTRY && after_locative(d, s0, ps[i].t0)) continue;
        /* "the Paris rally", "Responsibility For Paris Attack": a capital
         * after an article or a preposition, right before a noun trigger,
         * names the place; "Washington walked out" acts */
        static const char *const before_place[] = {"the", "a", "an", "this", "for", "after",
                                                   "since", "of", "over", "in", NULL};
        if (ps[i].t1 == t && ps[i].cls == GZ_CAPITAL && !ps[i].poss && ps[i].t0 > s0 &&
            ev_tok_in(d, ps[i].t0 - 1, before_place))
            continue;
        best = (long)i;
    }
    if (best < 0 || ps[best].cls == GZ_PLACE) return 0;
    /* "Ankara blamed forces backed by Moscow, and it announced": "it" and
     * "they" stand for the clause's first subject, not the nearest name */
    static const char *const pro[] = {"it", "they", "its", "their", NULL};
    int pronoun = 0, reported = 0;
    for (uint32_t k = ps[best].t1; k < t; k++) {
        if (ev_tok_in(d, k, pro)) {
            pronoun = 1;
            for (size_t i = 0; i < (size_t)best; i++)
                if (ps[i].t0 >= s0 && ps[i].cls != GZ_PLACE && !object_like(d, s0, ps[i].t0)) {
                    best = (long)i;
                    break;
                }
            break;
        }
        /* "Obama said at a joint news conference": the speaker is there */
        static const char *const at[] = {"at", "during", "in", "after", "before", "following",
                                         NULL};
        /* "is claiming the explosion was" reports; but who claims
         * responsibility did it (annotation guidelines), and "claims to
         * have launched" tells the deed */
        static const char *const claim[] = {"claiming", "claims", "claimed", NULL};
        static const char *const credit[] = {"responsibility", "credit", "to", NULL};
        if (ev_tok_in(d, k, claim) &&
            ((k + 1 < t && ev_tok_in(d, k + 1, credit)) ||
             (k + 2 < t && ev_tok_eq(d, k + 1, "of") && ev_tok_in(d, k + 2, credit)) ||
             claims_deed(d, k, t)))
            continue;
        if (ev_tok_list(d, k, &speech) && !(k + 1 < t && ev_tok_in(d, k + 1, at)) &&
            !(ev_tok_eq(d, k, "about") && k + 1 < t && ev_tok_eq(d, k + 1, "to")))
            reported = 1;
    }
    if (reported && !pronoun) return 0;
    /* "the president, who has threatened": the subject is what "who"
     * follows; when that is no participant, there is none */
    for (uint32_t k = ps[best].t1; k < t; k++)
        if (ev_tok_eq(d, k, "who") || ev_tok_eq(d, k, "which")) {
            uint32_t j = k;
            while (j > ps[best].t1 && ev_tok_eq(d, j - 1, ",")) j--;
            if (j != ps[best].t1) return 0;
            break;
        }
    /* "Kenneth Bae, a 46-year-old Korean-American missionary, has been
     * held", "De Alencar, a Special Forces soldier who was killed": the
     * name an appositive describes is the subject */
    static const char *const det[] = {"a", "an", "the", NULL};
    /* "Brady, the chair of the 1922 Committee, which was prepared": a
     * "which" clause belongs to the body named last */
    int which = ps[best].t1 + 1 < t && ev_tok_eq(d, ps[best].t1, ",") &&
                ev_tok_eq(d, ps[best].t1 + 1, "which");
    if (best > 0 && ps[best].t1 < t && !which &&
        (ev_tok_eq(d, ps[best].t1, ",") || ev_tok_eq(d, ps[best].t1, "who")) &&
        ps[best - 1].t1 + 2 <= ps[best].t0 && ev_tok_eq(d, ps[best - 1].t1, ",") &&
        ev_tok_in(d, ps[best - 1].t1 + 1, det)) {
        uint32_t k = ps[best - 1].t1 + 2;
        while (k < ps[best].t0 && !ev_clause_break(d, k) &&
               (d->tok[k].kind == DC_WORD || d->tok[k].kind == DC_NUM || ev_tok_eq(d, k, "-")))
            k++;
        if (k == ps[best].t0) best--;
    }
    /* "Al-Hayali, also known as Hajji Mutazz, was killed": the first name */
    if (best > 0 && ps[best - 1].t1 + 4 <= ps[best].t0 && ev_tok_eq(d, ps[best - 1].t1, ",") &&
        ev_tok_eq(d, ps[best].t0 - 2, "known") && ev_tok_eq(d, ps[best].t0 - 1, "as") &&
        ps[best].t1 < t && ev_tok_eq(d, ps[best].t1, ","))
        best--;
    if (after_and(d, s0, t)) /* "forces pushed the Taliban back and regained" */
        while (best > 0 && object_like(d, s0, ps[best].t0) && ps[best - 1].t1 <= ps[best].t0) {
            uint32_t k;
            for (k = ps[best - 1].t1; k < ps[best].t0 && !ev_clause_break(d, k); k++) {}
            if (k < ps[best].t0) break;
            best--;
        }
    /* "U.S. Forces in Afghanistan struck": the head, not the place after it */
    while (best > 0) {
        uint32_t k = ps[best].t0;
        if (k > s0 && ev_tok_eq(d, k - 1, "the")) k--;
        if (k <= s0 || !ev_tok_in(d, k - 1, pp_preps) || ps[best - 1].t1 != k - 1) break;
        best--;
    }
    if (ps[best].cls == GZ_PLACE) return 0;
    size_t n = 0;
    out[n++] = &ps[best];
    for (long i = best - 1; i >= 0 && n < cap && ps[i].cls != GZ_PLACE; i--) { /* X, Y and Z */
        if (!coordinated(d, ps[i].t1, out[n - 1]->t0)) break;
        out[n++] = &ps[i];
    }
    (void)s0;
    n = a_list(d, out, n, 1);
    /* "Trump announced that U.S. troops would withdraw": who decided acts
     * too */
    static const char *const decide[] = {"announced", "ordered", "decided", "declared", NULL};
    uint32_t k = out[n - 1]->t0;
    if (k > s0 && ev_tok_eq(d, k - 1, "the")) k--;
    if (k > s0 && ev_tok_eq(d, k - 1, "that")) k--;
    if (n < cap && k > s0 && ev_tok_in(d, k - 1, decide))
        for (long i = best - 1; i >= 0; i--)
            if (ps[i].t1 == k - 1 && ps[i].cls != GZ_PLACE) {
                out[n++] = &ps[i];
                break;
            }
    return n;
}

static const char *const obj_stops[] = {"across", "near", "outside", "inside", "throughout",
                                         "around", "in", "at", NULL};

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
            if (ev_clause_break(d, k) || ev_tok_eq(d, k, ",") || ev_tok_in(d, k, obj_stops)) return 0;
        if (ps[i].cls == GZ_PLACE) return 0; /* "seized Spin Boldak": a place */
        size_t n = 0;
        out[n++] = &ps[i];
        for (size_t j = i + 1; j < np && n < cap && ps[j].cls != GZ_PLACE; j++) {
            if (!coordinated(d, out[n - 1]->t1, ps[j].t0)) break;
            out[n++] = &ps[j];
        }
        (void)end;
        return a_list(d, out, n, 0);
    }
    return 0;
}

/* The party after a preposition that follows the trigger: "with Biden",
 * "by the Taliban", "from Afghanistan". */
static size_t slot_prep(const dc_doc *d, const party *ps, size_t np, uint32_t t, uint32_t end,
                        const char *prep, const party **out, size_t cap)
{
    /* "of" belongs to the trigger only right after it ("protests of
     * farmers"), not in "protests surrounding the death of Floyd" */
    uint32_t reach = strcmp(prep, "of") == 0 ? 1 : 10;
    for (uint32_t k = t; k < end && k < t + reach; k++) {
        if (ev_clause_break(d, k)) break;
        if (ev_tok_eq(d, k, prep)) return slot_obj(d, ps, np, k + 1, end, out, cap, 4);
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
            /* only modifiers stand between: "Russia's surprise offer", not
             * "troops to quash protests" */
            static const char *const gap_stop[] = {"to", "the", "a", "an", "and", "or", ",",
                                                   "of", "for", "in", "on", "with", "they",
                                                   "he", "she", "we", "it", "who", "which",
                                                   "that", NULL};
            /* nor a clause: "toward Israel if they topple" */
            for (uint32_t k = ps[i].t1; k < t; k++)
                if (ev_tok_in(d, k, gap_stop) || ev_clause_break(d, k)) return 0;
            size_t n = 0;
            out[n++] = &ps[i];
            /* "Cameron's final EU summit": the owner before a modifier */
            if (!ps[i].poss && i > 0 && ps[i - 1].poss && ps[i].t0 - ps[i - 1].t1 <= 2 &&
                ps[i - 1].cls != GZ_PLACE) {
                out[n++] = &ps[i - 1];
                return n;
            }
            for (size_t j = i; j-- > 0 && n < cap && ps[j].cls != GZ_PLACE;) {
                if (!coordinated(d, ps[j].t1, out[n - 1]->t0)) break;
                out[n++] = &ps[j];
            }
            return n;
        }
    return 0;
}

/* "=European Union": a participant the trigger itself names ("Brexit"). */
static size_t slot_named(const gz_gazetteer *gz, const char *name, const party *ps, size_t np,
                         party *lit, const party **out)
{
    const gz_entry *e = gz_lookup(gz, name);
    if (!e) return 0;
    /* named in the sentence too ("United Nations General Assembly"): as
     * written */
    for (size_t i = 0; i < np; i++)
        if (gz_lookup(gz, ps[i].name) == e) {
            out[0] = &ps[i];
            return 1;
        }
    const char *kind = e->cls == GZ_PERSON ? "person"
                       : e->cls == GZ_COUNTRY || e->cls == GZ_CAPITAL ? "state"
                       : e->kind ? e->kind : "organisation";
    ev_set_party(lit, 0, 0, e->name, e->country, kind);
    out[0] = lit;
    return 1;
}

/* The last person (a gazetteer person) named before token p in sentence si
 * or the two before it, into lit at p. */
static int person_before(const dc_doc *d, const gz_mention *m, size_t nm, long si, uint32_t p,
                         party *lit)
{
    uint32_t from = d->sent[si > 2 ? si - 2 : 0].tok0;
    const gz_entry *who = NULL;
    for (size_t i = 0; i < nm && m[i].tok0 < p; i++)
        if (m[i].tok0 >= from && m[i].e->cls == GZ_PERSON) who = m[i].e;
    if (!who) return 0;
    char pn[128];
    ev_set_party(lit, p, p + 1, ev_written_name(d, m, nm, who, pn, sizeof pn), who->country,
                 "person");
    return 1;
}

/* "he met", "she resigned", "his red line": the person a pronoun just
 * before the trigger stands for, the last person named in this or the two
 * sentences before (a gazetteer person; the story's protagonist most of
 * the time). "his" and "her" count only for an owner slot: the owner of
 * "his capture" or "her release" suffers it. */
int ev_pronoun_subject(const dc_doc *d, const gz_mention *m, size_t nm, long si, uint32_t t0,
                       int owner, party *lit)
{
    static const char *const pro_w[] = {"he", "she", "he's", "she's", "he\xE2\x80\x99s",
                                        "she\xE2\x80\x99s", NULL};
    static const char *const own[] = {"his", "her", NULL};
    static const char *const quote[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", NULL};
    static const char *const report_w[] = {"that", "said", "says", "told", "warn", "warned",
                                           "warns", "claimed", "believes", NULL};
    static wd_list pro = {.w = pro_w}, report = {.w = report_w}; /* asked of each word */
    const dc_sent *s = &d->sent[si];
    uint32_t k = t0, p = UINT32_MAX;
    int to = 0;
    while (k > s->tok0 && t0 - k < 6) {
        k--;
        /* 'He must "reach a compromise"': a quote inside the clause */
        if (ev_tok_in(d, k, quote)) continue;
        /* "he will warn that the attacks": he only reports them */
        if (ev_clause_break(d, k) || ev_tok_eq(d, k, ",") || ev_tok_list(d, k, &report)) break;
        to |= ev_tok_eq(d, k, "to");
        /* "giving him until Wednesday to agree": him does what follows "to" */
        if (ev_tok_list(d, k, &pro) || (owner && ev_tok_in(d, k, own)) ||
            (to && ev_tok_eq(d, k, "him"))) {
            p = k;
            break;
        }
    }
    if (p == UINT32_MAX) return 0;
    return person_before(d, m, nm, si, p, lit);
}

/* "refusing to talk to him", "met with her": the person an object pronoun
 * right after the trigger (or after one of spec's prepositions there)
 * stands for, into lit. */
int ev_pronoun_object(const dc_doc *d, const gz_mention *m, size_t nm, long si, uint32_t t1,
                      const char *spec, party *lit)
{
    static const char *const obj[] = {"him", "her", NULL};
    uint32_t end = d->sent[si].tok0 + d->sent[si].ntok;
    if (t1 >= end) return 0;
    uint32_t p = UINT32_MAX;
    if (strstr(spec, "obj") && ev_tok_in(d, t1, obj)) p = t1;
    char buf[128];
    st_copy(buf, sizeof buf, spec);
    char *save = NULL;
    for (char *w = strtok_r(buf, "|", &save); w && p == UINT32_MAX; w = strtok_r(NULL, "|", &save))
        if (strcmp(w, "subj") && strcmp(w, "obj") && strcmp(w, "poss") && w[0] != '=' &&
            t1 + 1 < end && ev_tok_eq(d, t1, w) && ev_tok_in(d, t1 + 1, obj))
            p = t1 + 1;
    /* "her" before a noun is an owner ("her government"), not an object */
    if (p == UINT32_MAX || (ev_tok_eq(d, p, "her") && p + 1 < end && d->tok[p + 1].kind == DC_WORD &&
                            !ev_clause_break(d, p + 1) && !ev_tok_eq(d, p + 1, "and")))
        return 0;
    return person_before(d, m, nm, si, p, lit);
}

static const char *const dash[] = {"\xE2\x80\x94", "\xE2\x80\x93", "--", NULL};

/* "Officials -- including the prime minister -- submitted resignations":
 * the subject stands before an aside between dashes. The closing dash of
 * an aside a few words before token t (into *close) and its opening dash;
 * t itself when there is none. */
static uint32_t before_aside(const dc_doc *d, uint32_t s0, uint32_t t, uint32_t *close)
{
    uint32_t c = t;
    for (uint32_t k = t; k > s0 && t - k < 4;) {
        k--;
        if (ev_tok_in(d, k, dash)) { c = k; break; }
        if (ev_clause_break(d, k) || d->tok[k].kind != DC_WORD) return t;
    }
    if (c == t) return t;
    for (uint32_t k = c; k-- > s0;)
        if (ev_tok_in(d, k, dash)) { *close = c; return k; }
    return t;
}

/* The subject before an aside, and those the aside includes ("--
 * including Prime Minister Dmitry Medvedev --"). */
static size_t subj_aside(const dc_doc *d, const party *ps, size_t np, uint32_t s0, uint32_t t,
                         const party **out, size_t cap)
{
    uint32_t close = t, open = before_aside(d, s0, t, &close);
    if (open == t) return 0;
    size_t n = slot_subj(d, ps, np, s0, open, out, cap);
    if (n < cap && open + 1 < close && ev_tok_eq(d, open + 1, "including"))
        n += slot_subj(d, ps, np, open + 1, close, out + n, cap - n);
    /* "other parties -- Britain, China and Russia -- to open talks": the
     * aside names them */
    else if (!n && open + 1 < close)
        n = slot_subj(d, ps, np, open + 1, close, out, cap);
    return n;
}

static const char *const quotes[] = {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
                                     "\xE2\x80\x99", NULL};

/* Does the aside after the comma at token k describe what stands before
 * it? "a 23-year-old student", "known as", "colloquially known as",
 * "dubbed", "who had trained abroad". */
static int apposition_start(const dc_doc *d, uint32_t k, uint32_t end)
{
    static const char *const start[] = {"a", "an", "the", "who", "whose", "known", "dubbed",
                                        "nicknamed", "himself", "herself", "formerly", NULL};
    if (k < end && ev_tok_in(d, k, quotes)) k++;
    if (k >= end) return 0;
    if (ev_tok_in(d, k, start) || d->tok[k].kind == DC_NUM) return 1;
    /* "also known as", "widely known as" */
    return k + 1 < end && d->tok[k].kind == DC_WORD && !(d->tok[k].flags & DC_CAP) &&
           ev_tok_eq(d, k + 1, "known");
}

/* Can token k stand in the verb group between a subject and its trigger
 * ("had tried to", "has", "was later")? Not "said the", "who had
 * complained of", "frequent". */
int ev_verb_group_word(const dc_doc *d, uint32_t k)
{
    static const char *const aux[] = {"to", "has", "had", "have", "was", "were", "is", "are",
                                      "be", "been", "will", "would", "could", "can", "may",
                                      "might", "should", "did", "does", "do", "then", "also",
                                      "later", "not", "never", "again", NULL};
    const dc_token *tk = &d->tok[k];
    size_t n = tk->end - tk->start;
    const char *w = d->text + tk->start;
    if (tk->kind != DC_WORD || (tk->flags & DC_CAP) || ev_tok_list(d, k, &speech)) return 0;
    /* an -ed verb ("tried", "attempted") or an -ly adverb */
    return ev_tok_in(d, k, aux) ||
           (n > 3 && (strncmp(w + n - 2, "ed", 2) == 0 || strncmp(w + n - 2, "ly", 2) == 0));
}

/* Does the party at t0 open its clause? It stands first in the sentence,
 * after a comma, "and" or "that", or after a leading time phrase ("On
 * Monday", "Last week", "In 2010"), with no verb before it: "On Monday
 * Israel struck Hamas" makes Hamas an object. */
static int opens_clause(const dc_doc *d, uint32_t s0, uint32_t t0)
{
    static const char *const open[] = {",", "and", "or", "but", "that", "said", "says", "while",
                                       "when", "after", "before", NULL};
    static const char *const lead[] = {"on", "in", "at", "by", "last", "this", "next", "early",
                                       "earlier", "late", "later", "of", "the", "week", "month",
                                       "year", "weekend", "morning", "afternoon", "evening",
                                       "night", NULL};
    uint32_t k = t0;
    while (k > s0 && ev_tok_eq(d, k - 1, "the")) k--;
    if (k == s0 || ev_tok_in(d, k - 1, open) || ev_tok_in(d, k - 1, quotes)) return 1;
    /* a time phrase opens the sentence: time words, names and numbers */
    for (uint32_t j = s0; j < k; j++) {
        const dc_token *tk = &d->tok[j];
        if (!(tk->kind == DC_NUM || (tk->kind == DC_WORD && (tk->flags & DC_CAP)) ||
              ev_tok_in(d, j, lead)))
            return 0;
    }
    return 1;
}

/* 'X, known as the "garage bomber," tried to detonate': the subject stands
 * before an aside between commas whose quotes break the clause. The
 * opening comma of such an aside closing a few lower-case words before
 * token t, right after a party; t itself when there is none. */
static uint32_t before_apposition(const dc_doc *d, const party *ps, size_t np, uint32_t s0,
                                  uint32_t t)
{
    uint32_t k = t;
    while (k > s0 && t - k < 4 && ev_verb_group_word(d, k - 1)) k--;
    if (k > s0 && ev_tok_in(d, k - 1, quotes)) k--;
    if (k <= s0 || !ev_tok_eq(d, k - 1, ",")) return t;
    uint32_t close = k - 1;
    for (uint32_t j = close; j > s0 && close - j < 14;) {
        j--;
        if (ev_tok_eq(d, j, ",")) {
            if (!apposition_start(d, j + 1, close)) return t;
            for (size_t i = 0; i < np; i++)
                if (ps[i].t1 == j && ps[i].cls != GZ_PLACE && opens_clause(d, s0, ps[i].t0))
                    return j;
            return t;
        }
        const dc_token *tk = &d->tok[j];
        if (!(tk->kind == DC_WORD || tk->kind == DC_NUM || ev_tok_eq(d, j, "-") ||
              ev_tok_in(d, j, quotes)))
            return t;
    }
    return t;
}

/* Fills out from the first slot of spec ("subj|poss") that yields. */
size_t ev_fill(const dc_doc *d, const gz_gazetteer *gz, const char *spec, const party *ps,
               size_t np, uint32_t s0, uint32_t end, uint32_t t0, uint32_t t1, party *lit,
               const party **out, size_t cap)
{
    char buf[128];
    st_copy(buf, sizeof buf, spec);
    char *save = NULL;
    for (char *w = strtok_r(buf, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
        size_t n = 0;
        if (strcmp(w, "subj") == 0) {
            n = slot_subj(d, ps, np, s0, t0, out, cap);
            if (!n) n = subj_aside(d, ps, np, s0, t0, out, cap);
            uint32_t open = n ? t0 : before_apposition(d, ps, np, s0, t0);
            if (open != t0) n = slot_subj(d, ps, np, s0, open, out, cap);
        }
        else if (strcmp(w, "obj") == 0) n = slot_obj(d, ps, np, t1, end, out, cap, 5);
        else if (strcmp(w, "poss") == 0) n = slot_poss(d, ps, np, t0, out, cap);
        else if (strcmp(w, "none") == 0) return 0;
        else if (w[0] == '=') n = slot_named(gz, w + 1, ps, np, lit, out);
        else n = slot_prep(d, ps, np, t1, end, w, out, cap);
        if (n) return n;
    }
    return 0;
}
