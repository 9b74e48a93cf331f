/* annals: the command-line tool. */
#include "cli.h"
#include <stdarg.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Each document's arena and the grammars' scratch, a few hundred KB, are
 * freed when it is done. glibc would hand the top of the heap back to the
 * kernel every time and fault it in again for the next document (2% of
 * extract): it keeps up to 64 MB instead. Peak memory is unchanged. */
static void keep_heap(void)
{
#ifdef __GLIBC__
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_TOP_PAD, 1 << 20);
#endif
}

const char *cl_prog = "annals";

void cl_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", cl_prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static const char usage[] =
    "Usage: annals COMMAND [OPTIONS] [INPUT...]\n"
    "\n"
    "Turns news articles into dated timelines of geopolitical events.\n"
    "\n"
    "Commands:\n"
    "  extract        read articles, write their timeline (annals/1 JSON)\n"
    "  dates          read articles, write the temporal expressions found\n"
    "  merge          merge the timelines of many articles into one\n"
    "  export         write a timeline as iCalendar, HTML, CSV or TimelineJS\n"
    "  shard          split a corpus into N shards to extract on many machines\n"
    "  grammar-check  check a directory of grammar files\n"
    "\n"
    "Inputs are text files, directories (their *.txt and *.jsonl files,\n"
    "recursively), JSON Lines corpora (*.jsonl, one article per line) or - for\n"
    "standard input.\n"
    "\n"
    "Examples:\n"
    "  annals extract article.txt\n"
    "  annals extract --dct 2021-07-18 -o timeline.json article.txt\n"
    "  annals extract --format jsonl corpus.jsonl > events.jsonl\n"
    "  curl -s https://example.org/story.txt | annals extract -\n"
    "\n"
    "Run 'annals COMMAND --help' for a command's options.\n"
    "Exit status: 0 all input read, 1 some input skipped (each reported on\n"
    "stderr as file:line: why), 2 usage or fatal error.\n";

int cl_not_built(const char *cmd, const char *what)
{
    cl_error("'%s' is not built yet in this version (%s)", cmd, what);
    return CL_FATAL;
}

int main(int argc, char **argv)
{
    keep_heap();
    if (argc < 2) {
        fputs(usage, stderr);
        return CL_FATAL;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return CL_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("annals %s\n", annals_version());
        return CL_OK;
    }
    if (strcmp(cmd, "extract") == 0) return cl_extract(argc - 1, argv + 1);
    if (strcmp(cmd, "dates") == 0) return cl_dates(argc - 1, argv + 1);
    if (strcmp(cmd, "merge") == 0) return cl_merge(argc - 1, argv + 1);
    if (strcmp(cmd, "export") == 0) return cl_export(argc - 1, argv + 1);
    if (strcmp(cmd, "shard") == 0) return cl_shard(argc - 1, argv + 1);
    if (strcmp(cmd, "grammar-check") == 0) return cl_grammar_check(argc - 1, argv + 1);
    cl_error("unknown command '%s' (try 'annals --help')", cmd);
    return CL_FATAL;
}
