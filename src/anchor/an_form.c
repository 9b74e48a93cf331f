/* an_form: the grammatical forms of a trigger that take no date of their
 * sentence, or only one that follows them (an_clause.h). */
#include "an_clause.h"
#include <string.h>

int an_attributive(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    static const char *const det[] = {"the", "a", "an", "two", "three", "four", "five", "six",
                                      "several", "many", "his", "her", "their", "its", "our",
                                      "those", "these", "other", NULL};
    static const char *const prep[] = {"by", "in", "on", "at", "for", "from", "to", "with",
                                       "after", "before", "and", "or", "as", "since", NULL};
    uint32_t t = an_tok_at(d, s, at), end = s->tok0 + s->ntok;
    if (t <= s->tok0 || t + 1 >= end || d->tok[t].start != at) return 0;
    /* "outgoing President Mario Draghi", "incoming Prime Minister": said
     * of a title or a name, what someone is (but "meeting Tuesday",
     * "offering Snowden asylum" are events) */
    static const char *const role[] = {"outgoing", "incoming", "departing", "retiring", NULL};
    if (an_any_word(d, t, role) && d->tok[t + 1].kind == DC_WORD && (d->tok[t + 1].flags & DC_CAP))
        return 1;
    if (!an_ed(d, t)) return 0;
    const dc_token *p = &d->tok[t - 1];
    int det_before = an_any_word(d, t - 1, det) || p->kind == DC_NUM ||
                     (p->end - p->start > 2 && strncmp(d->text + p->end - 2, "'s", 2) == 0);
    return det_before && d->tok[t + 1].kind == DC_WORD && !an_any_word(d, t + 1, prep);
}

int an_reduced_relative(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    static const char *const not_noun[] = {
        "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "got", "get",
        "gets", "who", "which", "that", "they", "he", "she", "we", "i", "you", "it", "not",
        "also", "then", "reportedly", "allegedly", "and", "or", "but", NULL};
    static const char *const prep[] = {"for", "in", "on", "at", "since", "over", "after", "during",
                                       "by", "near", NULL};
    uint32_t t = an_tok_at(d, s, at), end = s->tok0 + s->ntok;
    if (t <= s->tok0 || t + 1 >= end || d->tok[t].start != at) return 0;
    const dc_token *p = &d->tok[t - 1];
    if (!an_ed(d, t)) return 0;
    /* "a missionary detained for", not "Police detained" nor "who
     * detained" */
    if (p->kind != DC_WORD || (p->flags & DC_CAP) || an_any_word(d, t - 1, not_noun)) return 0;
    if (p->end - p->start > 2 && strncmp(d->text + p->end - 2, "ly", 2) == 0) return 0;
    if (!an_any_word(d, t + 1, prep)) return 0;
    /* "was among three people killed in a crash": the participle is
     * what the sentence tells, its date the sentence's */
    static const char *const be[] = {"was", "were", "is", "are", "been", NULL};
    for (uint32_t n = 0; n < 8 && t > s->tok0; n++)
        if (an_any_word(d, --t, be)) return 0;
    return 1;
}

int an_infinitive(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    /* the aspect verbs: what begins, goes on or is attempted ("tried to
     * detonate a bomb") is told at their date */
    static const char *const aspect[] = {"began", "begun", "begin", "begins", "beginning",
                                         "started", "start", "starts", "starting", "continued",
                                         "continue", "continues", "continuing", "tried", "tries",
                                         "try", "trying", "attempted", "attempting", NULL};
    uint32_t t = an_tok_at(d, s, at);
    if (t >= s->tok0 + s->ntok || t <= s->tok0 || !an_word(d, t - 1, "to")) return 0;
    const dc_token *k = &d->tok[t];
    /* "returned to talks", "to Sunday's rally": a noun, not a verb */
    if (d->text[k->end - 1] == 's' || (k->flags & DC_CAP)) return 0;
    return !(t >= s->tok0 + 2 && an_any_word(d, t - 2, aspect));
}

int an_perfect(const dc_doc *d, const dc_sent *s, uint32_t at)
{
    static const char *const aux[] = {"has", "have", "had", "'ve", "having", NULL};
    static const char *const skip[] = {"been", "already", "not", "never", "also", "just",
                                       "since", "recently", "reportedly", NULL};
    uint32_t t = an_tok_at(d, s, at);
    for (uint32_t k = 0; k < 3 && t > s->tok0; k++) {
        t--;
        if (an_any_word(d, t, aux)) return 1;
        if (!an_any_word(d, t, skip)) return 0;
    }
    return 0;
}

