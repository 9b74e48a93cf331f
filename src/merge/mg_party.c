/* Participants as matching sees them: normalised names, country codes,
 * and the rules that make "Trump", "Donald Trump", "the U.S. president"
 * and "Washington" one side of a story. */
#include "merge.h"
#include <ctype.h>
#include <string.h>

void mg_normalise(const char *name, char *out, size_t cap)
{
    size_t n = 0;
    int space = 1; /* drop leading spaces and collapse runs */
    for (const char *s = name; *s && n + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '.') continue;
        if (c == ' ' || c == '\t' || c == '\n' || c == '-') {
            if (!space) out[n++] = ' ';
            space = 1;
            continue;
        }
        out[n++] = (char)tolower(c);
        space = 0;
    }
    while (n && out[n - 1] == ' ') n--;
    out[n] = '\0';
    if (strncmp(out, "the ", 4) == 0) memmove(out, out + 4, n - 3);
}

/* Names that stand for a state when a source gives no country code. The
 * extractor's gazetteer fills codes itself; this serves timelines from
 * other tools. Short on purpose: the common metonyms of world news. */
static const char *const aliases[][2] = {
    {"us", "USA"}, {"usa", "USA"}, {"united states", "USA"}, {"america", "USA"},
    {"washington", "USA"}, {"white house", "USA"}, {"pentagon", "USA"},
    {"uk", "GBR"}, {"britain", "GBR"}, {"united kingdom", "GBR"}, {"london", "GBR"},
    {"russia", "RUS"}, {"moscow", "RUS"}, {"kremlin", "RUS"},
    {"china", "CHN"}, {"beijing", "CHN"}, {"iran", "IRN"}, {"tehran", "IRN"},
    {"north korea", "PRK"}, {"pyongyang", "PRK"}, {"turkey", "TUR"}, {"ankara", "TUR"},
    {"france", "FRA"}, {"paris", "FRA"}, {"germany", "DEU"}, {"berlin", "DEU"},
    {"ukraine", "UKR"}, {"kyiv", "UKR"}, {"israel", "ISR"}, {"syria", "SYR"},
    {"damascus", "SYR"}, {"iraq", "IRQ"}, {"baghdad", "IRQ"}, {"afghanistan", "AFG"},
    {"kabul", "AFG"}, {"japan", "JPN"}, {"tokyo", "JPN"}, {"india", "IND"},
    {"new delhi", "IND"}, {"pakistan", "PAK"}, {"islamabad", "PAK"},
};

const char *mg_alias_country(const char *norm)
{
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(norm, aliases[i][0]) == 0) return aliases[i][1];
    return NULL;
}

uint32_t mg_intern(mg_names *nm, const char *s)
{
    size_t n = strlen(s);
    size_t *v = sm_get(&nm->map, s, n);
    if (v) return (uint32_t)*v;
    if (sm_put(&nm->map, s, n, ++nm->next)) return 0;
    return nm->next;
}

int mg_party_make(mg_names *nm, ar_arena *mem, const tl_party *src, mg_party *p)
{
    char buf[256];
    mg_normalise(src->name, buf, sizeof buf);
    const char *cc = src->country[0] ? src->country : mg_alias_country(buf);
    p->name = mg_intern(nm, buf);
    p->country = cc ? mg_intern(nm, cc) : 0;
    p->norm = ar_strndup(mem, buf, strlen(buf));
    const char *k = src->kind ? src->kind : "other";
    p->person = strcmp(k, "person") == 0;
    p->gov = p->person || strcmp(k, "state") == 0 || strcmp(k, "organisation") == 0 ||
             (!src->country[0] && cc); /* an alias is a state */
    p->resolved = p->country || p->person;
    return p->name && p->norm && (!cc || p->country) ? 0 : -1;
}

/* Every word of the shorter name is a word of the longer one. */
static int words_within(const char *a, const char *b)
{
    if (strlen(a) > strlen(b)) { const char *t = a; a = b; b = t; }
    size_t blen = strlen(b);
    while (*a) {
        size_t w = strcspn(a, " ");
        int found = 0;
        for (const char *s = b; s < b + blen && !found; s += strcspn(s, " "), s += *s == ' ') {
            size_t v = strcspn(s, " ");
            found = v == w && memcmp(s, a, w) == 0;
        }
        if (!found) return 0;
        a += w;
        a += *a == ' ';
    }
    return 1;
}

int mg_party_same(const mg_party *a, const mg_party *b)
{
    if (a->name == b->name) return 2;
    if (a->country && b->country && a->country != b->country) return 0;
    if (a->person && b->person) return words_within(a->norm, b->norm) ? 2 : 0;
    if (a->country && a->country == b->country && a->gov && b->gov) return 1;
    return !a->person && !b->person && words_within(a->norm, b->norm) ? 2 : 0;
}
