#include "grammars.h"
#include "../util/err.h"
#include <stdlib.h>

const char *annals_version(void) { return ANNALS_VERSION; }

annals_grammars *annals_grammars_builtin(annals_error *err)
{
    annals_grammars *g = calloc(1, sizeof *g);
    if (!g) {
        er_set(err, ANNALS_ERR_NOMEM, "out of memory");
        return NULL;
    }
    g->dct = rd_dct_rules_new();
    if (!g->dct) {
        er_set(err, ANNALS_ERR_GRAMMAR, "built-in dateline patterns failed to compile");
        annals_grammars_free(g);
        return NULL;
    }
    return g;
}

void annals_grammars_free(annals_grammars *g)
{
    if (!g) return;
    rd_dct_rules_free(g->dct);
    free(g);
}
