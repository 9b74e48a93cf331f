/* annals grammar-check DIR: load and compile a grammar directory, report
 * the first problem as file:line:col, or what it holds. */
#include "cli.h"
#include <string.h>

static const char help[] =
    "Usage: annals grammar-check DIR\n"
    "\n"
    "Parses and compiles every grammar file (*.gram) of DIR exactly as\n"
    "'--grammars DIR' would, and reports the first problem as\n"
    "file:line:col: what is wrong (exit status 2), or the number of rules.\n"
    "It also warns (exit status 0) about a rule none of whose anchor words\n"
    "its pattern spells: such a rule runs only near words it cannot match.\n"
    "The grammar language is described in docs/grammar.md and annals-grammar(5).\n"
    "\n"
    "Examples:\n"
    "  cp -r grammars/en my-grammars && $EDITOR my-grammars/dates.gram\n"
    "  annals grammar-check my-grammars\n"
    "  annals dates --grammars my-grammars article.txt\n";

int cl_grammar_check(int argc, char **argv)
{
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(help, stdout);
        return CL_OK;
    }
    if (argc != 2 || argv[1][0] == '-') {
        cl_error("grammar-check: give one grammar directory (try 'annals grammar-check --help')");
        return CL_FATAL;
    }
    annals_error err;
    annals_grammars *g = annals_grammars_load(argv[1], &err);
    if (!g) {
        fprintf(stderr, "%s\n", err.message);
        return CL_FATAL;
    }
    char w[1024];
    size_t nw = 0;
    while (annals_grammars_warning(g, nw, w, sizeof w)) {
        fprintf(stderr, "warning: %s\n", w);
        nw++;
    }
    if (nw) printf("%s: ok, %zu rules, %zu warning%s\n", argv[1], annals_grammars_rules(g), nw, nw == 1 ? "" : "s");
    else printf("%s: ok, %zu rules\n", argv[1], annals_grammars_rules(g));
    annals_grammars_free(g);
    return CL_OK;
}
