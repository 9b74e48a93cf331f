/* Helpers of the tests that run sentences of our own through the public
 * extract call (events, anchoring, dating). Include after TU_GRAMMARS,
 * which defines G. */
#ifndef TU_EXTRACT_H
#define TU_EXTRACT_H
#include "timeline/timeline.h"

/* Extracts text as published on dct (NULL: none) into tl. */
static inline void tu_extract(annals_timeline *tl, const char *dct, const char *text)
{
    annals_options o;
    annals_options_init(&o);
    o.dct = dct;
    annals_error err;
    annals_article a = {.id = "t", .text = text, .text_len = strlen(text)};
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), 0);
}

/* A new timeline of text as published on 2021-07-18. */
static inline annals_timeline *tu_run(const char *text)
{
    annals_timeline *tl = annals_timeline_new();
    assert_non_null(tl);
    tu_extract(tl, "2021-07-18", text);
    return tl;
}

/* The first event of the given type, or NULL. */
static inline const tl_event *tu_first(const annals_timeline *tl, const char *type)
{
    for (size_t i = 0; i < tl->nev; i++)
        if (strcmp(tl->ev[i].type, type) == 0) return &tl->ev[i];
    return NULL;
}

/* Is a party of p[0..n) named name? */
static inline int tu_has_name(const tl_party *p, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(p[i].name, name) == 0) return 1;
    return 0;
}

/* The event of tl with a mention whose trigger is trig; fails if none. */
static inline const tl_event *tu_by_trigger(const annals_timeline *tl, const char *trig)
{
    for (size_t i = 0; i < tl->nev; i++)
        for (size_t j = 0; j < tl->ev[i].nmentions; j++)
            if (tl->ev[i].mentions[j].trigger && strcmp(tl->ev[i].mentions[j].trigger, trig) == 0)
                return &tl->ev[i];
    fail_msg("no event with trigger '%s'", trig);
    return NULL;
}
#endif
