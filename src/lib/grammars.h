/* The compiled grammar set behind the public annals_grammars handle. */
#ifndef LB_GRAMMARS_H
#define LB_GRAMMARS_H
#include "annals/annals.h"
#include "../event/gazetteer.h"
#include "../grammar/gram.h"
#include "../read/dct.h"

struct annals_grammars {
    rd_dct_rules *dct; /* header lines that carry the publication date */
    gm_grammar dates;  /* dates*.gram: temporal expressions */
    gm_grammar events; /* events*.gram: event phrases */
    gz_gazetteer gaz;  /* *.tsv: countries, places, organisations, people */
};
#endif
