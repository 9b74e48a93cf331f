/* annals export: timelines as iCalendar, HTML, CSV or TimelineJS. */
#include "cli.h"
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: annals export --format FMT [OPTIONS] TIMELINE...\n"
    "\n"
    "Writes timelines (annals/1 JSON or JSON Lines, as written by 'annals\n"
    "extract' and 'annals merge'; - for standard input) in a form for\n"
    "people and their tools. Several timelines are merged into one first,\n"
    "as 'annals merge' does: an event that two of them report, or a\n"
    "timeline given twice, is one calendar event.\n"
    "\n"
    "Formats:\n"
    "  ics         iCalendar for calendar apps: one all-day event per dated\n"
    "              event; planned ones TENTATIVE. Undated events, and negated\n"
    "              or hypothetical ones (unless --all), are left out and\n"
    "              counted on stderr. UIDs come from each event's earliest-\n"
    "              published report: re-importing after later articles were\n"
    "              merged in updates the events instead of adding copies.\n"
    "  html        one self-contained page: a timeline by month, coloured by\n"
    "              type, with filters by type and actor; every event shown\n"
    "  csv         one row per event (RFC 4180), GDELT/ACLED-like columns\n"
    "  timelinejs  the JSON of Knight Lab's TimelineJS (dated events, as ics)\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT         ics, html, csv or timelinejs (default: from\n"
    "                           the -o file's extension: .ics .html .csv .json)\n"
    "  -o, --output FILE        write to FILE atomically instead of stdout\n"
    "  -a, --all                ics, timelinejs: keep negated (CANCELLED)\n"
    "                           and hypothetical (TENTATIVE) events too\n"
    "  -n, --calendar-name NAME the calendar's name, the page's title\n"
    "                           (default: \"annals timeline\")\n"
    "  -q, --quiet              do not report what was left out\n"
    "  -h, --help               show this help\n"
    "\n"
    "DTSTAMP is the time of the export, or $SOURCE_DATE_EPOCH when set.\n"
    "The choices (week, month and year in a calendar; CSV columns) are in\n"
    "docs/exports.md.\n"
    "\n"
    "Examples:\n"
    "  annals extract article.txt | annals export --format ics - > events.ics\n"
    "  annals export -o afghanistan.ics -n 'Afghanistan 2021' timeline.json\n"
    "  khal import --batch afghanistan.ics\n"
    "  annals export --format html -o timeline.html merged.json\n"
    "  annals export --format csv timeline.json > events.csv\n"
    "  annals extract --format ics -o seed.ics article.txt\n"
    "\n"
    "Exit status: 0 written, 1 some timeline could not be read (reported as\n"
    "file:line: why; the rest is written), 2 usage or fatal error.\n";

int cl_export_write(const annals_timeline *tl, annals_format f, annals_export *x, cl_out *out,
                    int quiet)
{
    annals_error err;
    if (annals_export_write(tl, f, x, out->f, &err)) {
        cl_error("%s: %s", out->path ? out->path : "standard output", err.message);
        return -1;
    }
    if (quiet) return 0;
    if (x->undated)
        cl_error("%zu undated event%s left out (a calendar needs a date)", x->undated,
                 x->undated == 1 ? "" : "s");
    if (x->unasserted)
        cl_error("%zu negated or hypothetical event%s left out (--all keeps them)", x->unasserted,
                 x->unasserted == 1 ? "" : "s");
    return 0;
}

int cl_export_stamp(annals_export *x)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s) return 0;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v < 0) {
        cl_error("SOURCE_DATE_EPOCH '%s' is not a number of seconds", s);
        return -1;
    }
    x->now = v;
    return 0;
}

/* The format that a file name's extension asks for, else -1. */
static int format_of(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot) return -1;
    if (strcmp(dot, ".ics") == 0) return ANNALS_FORMAT_ICS;
    if (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0) return ANNALS_FORMAT_HTML;
    if (strcmp(dot, ".csv") == 0) return ANNALS_FORMAT_CSV;
    if (strcmp(dot, ".json") == 0) return ANNALS_FORMAT_TIMELINEJS;
    return -1;
}

static void skip_line(void *ctx, const char *msg)
{
    (void)ctx;
    cl_error("%s; skipped", msg);
}

/* Reads one timeline into tl; 0, or 1 when it was not (all) read. */
static int read_one(annals_timeline *tl, const char *path)
{
    int std = strcmp(path, "-") == 0;
    FILE *f = std ? stdin : fopen(path, "r");
    if (!f) {
        cl_error("%s: cannot read: %s", path, strerror(errno));
        return 1;
    }
    annals_error err;
    /* a bad line of JSON Lines costs that line only */
    long rc = annals_timeline_read_lenient(tl, f, std ? "standard input" : path, skip_line, NULL, &err);
    if (!std) fclose(f);
    if (rc < 0) {
        cl_error("%s", err.message);
        return 1;
    }
    return rc > 0;
}

int cl_export(int argc, char **argv)
{
    static const struct option longs[] = {
        {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'},
        {"all", no_argument, 0, 'a'},
        {"calendar-name", required_argument, 0, 'n'},
        {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    annals_export x;
    annals_export_init(&x);
    const char *outpath = NULL;
    int format = -1, quiet = 0, c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:o:an:qh", longs, NULL)) != -1) {
        switch (c) {
        case 'f':
            format = annals_format_parse(optarg);
            if (format < ANNALS_FORMAT_ICS) {
                cl_error("export: unknown format '%s' (ics, html, csv or timelinejs)", optarg);
                return CL_FATAL;
            }
            break;
        case 'o': outpath = optarg; break;
        case 'a': x.flags |= ANNALS_WRITE_ALL; break;
        case 'n': x.title = optarg; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(help, stdout); return CL_OK;
        case ':':
            cl_error("export: option '%s' needs a value", argv[optind - 1]);
            return CL_FATAL;
        default:
            cl_error("export: unknown option '%s' (try 'annals export --help')", argv[optind - 1]);
            return CL_FATAL;
        }
    }
    if (format < 0) format = format_of(outpath);
    if (format < 0) {
        cl_error("export: which format? --format ics, html, csv or timelinejs "
                 "(try 'annals export --help')");
        return CL_FATAL;
    }
    if (optind >= argc) {
        cl_error("export: no timeline given (a file written by 'annals extract', or - for "
                 "standard input)");
        return CL_FATAL;
    }
    if (cl_export_stamp(&x)) return CL_FATAL;
    annals_timeline *tl = annals_timeline_new();
    if (!tl) {
        cl_error("out of memory");
        return CL_FATAL;
    }
    int skipped = 0;
    for (int i = optind; i < argc; i++) skipped |= read_one(tl, argv[i]);
    annals_error err;
    if (argc - optind > 1 && annals_timeline_merge(tl, &err)) {
        cl_error("export: %s", err.message);
        annals_timeline_free(tl);
        return CL_FATAL;
    }
    annals_timeline_sort(tl);
    int status = CL_FATAL;
    if (cl_write_timeline(tl, format, x.flags, x.title, outpath, quiet)) goto done;
    status = skipped ? CL_SKIPPED : CL_OK;
done:
    annals_timeline_free(tl);
    return status;
}
