/* The human-readable timeline: a comment line a document (its publication
 * date and where it came from), then one line an event -- its date at its
 * precision, type, summary, modality where not asserted, documents. The
 * default of `annals extract` on a terminal. */
#include "write.h"
#include <string.h>

int wr_text(const annals_timeline *tl, FILE *out)
{
    /* first the documents, as comment lines: where each publication date
     * came from is what a reader checks first */
    for (size_t i = 0; i < tl->ndocs; i++) {
        const tl_document *d = &tl->docs[i];
        fprintf(out, "# %s  published %s (%s)%s%s\n", d->id, d->dct[0] ? d->dct : "unknown",
                tl_dct_from_name(d->dct_from), d->title ? "  " : "", d->title ? d->title : "");
    }
    for (size_t i = 0; i < tl->nev; i++) {
        const tl_event *e = &tl->ev[i];
        fprintf(out, "%-10s  %-17s  %s", e->has_date ? e->date.value : "undated", e->type,
                e->summary ? e->summary : e->type);
        if (strcmp(e->modality, "asserted") != 0) fprintf(out, " (%s)", e->modality);
        /* the documents, each once, at most three named */
        fputs("  [", out);
        size_t shown = 0, docs = 0;
        for (size_t m = 0; m < e->nmentions; m++) {
            size_t d = e->mentions[m].doc;
            int seen = 0;
            for (size_t k = 0; k < m && !seen; k++) seen = e->mentions[k].doc == d;
            if (seen) continue;
            docs++;
            if (shown < 3) fprintf(out, "%s%s", shown ? ", " : "", tl->docs[d].id), shown++;
        }
        if (docs > shown) fprintf(out, " +%zu", docs - shown);
        if (fputs("]\n", out) == EOF) return -1;
    }
    return 0;
}
