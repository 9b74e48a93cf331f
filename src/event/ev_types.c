/* The event vocabulary of docs/event-types.md, with CAMEO and PLOVER codes
 * so that output joins with GDELT/ICEWS/POLECAT-style data. */
#include "event.h"
#include <string.h>

static const ev_type types[] = {
    {"meeting", "040", "CONSULT", "meets", ""},
    {"talks", "046", "CONSULT", "holds talks", "with"},
    {"agreement", "057", "AGREE", "reaches an agreement", "with"},
    {"ceasefire", "0871", "RETREAT", "agrees a ceasefire", "with"},
    {"offer", "030", "COOPERATE", "makes an offer", "to"},
    {"withdrawal", "087", "RETREAT", "withdraws", "from"},
    {"seizure", "192", "ASSAULT", "seizes", ""},
    {"attack", "190", "ASSAULT", "attacks", ""},
    {"sanctions", "163", "SANCTION", "imposes sanctions", "on"},
    {"evacuation", "0874", "AID", "evacuates", ""},
    {"deployment", "150", "MOBILIZE", "deploys", "to"},
    {"arrest", "173", "COERCE", "arrests", ""},
    {"release", "0841", "RETREAT", "releases", ""},
    {"threat", "130", "THREATEN", "threatens", ""},
    {"protest", "140", "PROTEST", "protests", "against"},
    {"election", NULL, NULL, "holds an election", ""},
    {"leadership_change", "0833", "RETREAT", "leadership changes", ""},
    {"aid", "070", "AID", "gives aid", "to"},
    {NULL, NULL, NULL, NULL, NULL}};

const ev_type *ev_type_find(const char *name)
{
    for (const ev_type *t = types; t->name; t++)
        if (strcmp(t->name, name) == 0) return t;
    return NULL;
}
