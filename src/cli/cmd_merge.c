/* annals merge: many timelines into one. */
#include "cli.h"
#include <errno.h>
#include <getopt.h>
#include <string.h>

static const char help[] =
    "Usage: annals merge [OPTIONS] TIMELINE...\n"
    "\n"
    "Merges annals/1 timelines -- JSON documents and JSON Lines (of events,\n"
    "and of documents with --documents), in any mix -- into one: the same\n"
    "real-world event reported by several articles becomes one event with\n"
    "every mention, the date most sources\n"
    "support, the union of participants, a \"sources\" count, and every date\n"
    "reported when the sources disagree (\"date_reports\"). Two events are\n"
    "one when they have the same type, compatible dates (one contains the\n"
    "other, or days at most one apart), the same participants or place, and\n"
    "compatible modality (a plan and its happening are one). The result does\n"
    "not depend on the order of the inputs, and merging it again changes\n"
    "nothing. See docs/merging.md.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT   json (default): one annals/1 document;\n"
    "                     ics, html, csv, timelinejs: as 'annals export'\n"
    "                     writes them; text: one line per event;\n"
    "                     jsonl: one event per line, for streaming\n"
    "      --documents    with -f jsonl: first a {\"document\": {...}} line for\n"
    "                     each document, so that the documents and their\n"
    "                     metadata survive another merge of JSON Lines\n"
    "  -o, --output FILE  write to FILE atomically (a failed run leaves no\n"
    "                     half-written file) instead of stdout\n"
    "  -k, --keep-going   skip what is invalid, report it, merge the rest\n"
    "                     (exit status 1): a bad line of JSON Lines costs\n"
    "                     that line, a bad JSON document that document;\n"
    "                     without it nothing is written (exit status 2)\n"
    "  -q, --quiet        do not print what was skipped\n"
    "  -h, --help         show this help\n"
    "\n"
    "Examples:\n"
    "  annals extract -o monday.json monday/\n"
    "  annals extract --format jsonl tuesday.jsonl > tuesday.jsonl\n"
    "  annals merge monday.json tuesday.jsonl -o week.json\n"
    "  annals merge week.json more.json > all.json   (merging again is safe)\n"
    "  cat *.jsonl | annals merge --format jsonl - > merged.jsonl\n"
    "  annals extract --merge corpus.jsonl           (extract and merge at once)\n"
    "\n"
    "Exit status: 0 all read, 1 some input skipped (with --keep-going;\n"
    "reported as file:line: why), 2 usage or fatal error.\n";

static void skip_loudly(void *ctx, const char *msg)
{
    (void)ctx;
    cl_error("%s; skipped", msg);
}

static void skip_quietly(void *ctx, const char *msg)
{
    (void)ctx;
    (void)msg;
}

int cl_merge(int argc, char **argv)
{
    static const struct option longs[] = {
        {"format", required_argument, 0, 'f'}, {"output", required_argument, 0, 'o'},
        {"keep-going", no_argument, 0, 'k'},   {"quiet", no_argument, 0, 'q'},
        {"documents", no_argument, 0, 'd'},
        {"help", no_argument, 0, 'h'},         {0, 0, 0, 0}};
    const char *outpath = NULL;
    int format = ANNALS_FORMAT_JSON, keep_going = 0, quiet = 0, flags = 0, c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:o:kqh", longs, NULL)) != -1) {
        switch (c) {
        case 'f':
            format = annals_format_parse(optarg);
            if (format < 0) {
                cl_error("merge: unknown format '%s' (json, jsonl, text, ics, html, csv or timelinejs)",
                         optarg);
                return CL_FATAL;
            }
            break;
        case 'o': outpath = optarg; break;
        case 'k': keep_going = 1; break;
        case 'q': quiet = 1; break;
        case 'd': flags |= ANNALS_WRITE_DOCUMENTS; break;
        case 'h': fputs(help, stdout); return CL_OK;
        case ':': cl_error("merge: option '%s' needs a value", argv[optind - 1]); return CL_FATAL;
        default:
            cl_error("merge: unknown option '%s' (try 'annals merge --help')", argv[optind - 1]);
            return CL_FATAL;
        }
    }
    if (optind >= argc) {
        cl_error("merge: no timelines given (try 'annals merge --help')");
        return CL_FATAL;
    }
    annals_timeline *tl = annals_timeline_new();
    if (!tl) { cl_error("out of memory"); return CL_FATAL; }
    int status = CL_FATAL, skipped = 0;
    annals_error err;
    for (int i = optind; i < argc; i++) {
        const char *path = argv[i];
        int std = strcmp(path, "-") == 0;
        FILE *f = std ? stdin : fopen(path, "r");
        if (!f) {
            cl_error("%s: cannot open: %s", path, strerror(errno));
            if (!keep_going) goto done;
            skipped = 1;
            continue;
        }
        /* --keep-going: a bad line of JSON Lines costs that line only */
        long rc = keep_going ? annals_timeline_read_lenient(tl, f, std ? "standard input" : path,
                                                            quiet ? skip_quietly : skip_loudly, NULL, &err)
                             : annals_timeline_read(tl, f, std ? "standard input" : path, &err);
        if (!std) fclose(f);
        if (rc > 0) skipped = 1;
        if (rc < 0) {
            if (!keep_going || err.code == ANNALS_ERR_NOMEM) {
                cl_error("%s%s", err.message, err.code == ANNALS_ERR_NOMEM ? "" : "; nothing written");
                goto done;
            }
            if (!quiet) cl_error("%s; the rest of %s skipped", err.message, std ? "standard input" : path);
            skipped = 1;
        }
    }
    if (annals_timeline_merge(tl, &err)) {
        cl_error("merge: %s", err.message);
        goto done;
    }
    annals_timeline_sort(tl);
    if (cl_write_timeline(tl, format, flags, NULL, outpath, quiet)) goto done;
    status = skipped ? CL_SKIPPED : CL_OK;
done:
    annals_timeline_free(tl);
    return status;
}
