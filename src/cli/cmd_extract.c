/* annals extract and annals dates: articles in, one annals/1 timeline
 * (or its temporal expressions alone) out. */
#include "cli.h"
#include "../read/read.h"
#include "jobs.h"
#include "progress.h"
#include "../util/cal.h"
#include <getopt.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

static const char dates_help[] =
    "Usage: annals dates [OPTIONS] [INPUT...]\n"
    "\n"
    "Finds every temporal expression (dates, times, durations, sets) in news\n"
    "articles and writes it with its TIMEX3 type and value, resolved against\n"
    "the publication date: \"on Tuesday\" in an article of Thursday\n"
    "2021-06-17 is 2021-06-15. Inputs as for 'annals extract'.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT        text (default on a terminal): doc, span, type,\n"
    "                          value, text, tab-separated; json (default\n"
    "                          otherwise): annals/1 with documents and timexes;\n"
    "                          jsonl: one expression per line\n"
    "  -o, --output FILE       write to FILE atomically\n"
    "      --dct DATE          publication date (YYYY-MM-DD) for every input\n"
    "  -i, --input-format FMT  auto (default), text or jsonl\n"
    "      --date-order ORDER  mdy (default: 6/16/2021) or dmy (16/6/2021)\n"
    "      --grammars DIR      use the grammar files of DIR\n"
    "  -j, --jobs N            worker threads (default: the number of cores)\n"
    "  -q, --quiet             do not print warnings or the progress line\n"
    "  -h, --help              show this help\n"
    "\n"
    "Without a publication date, relative expressions stay unresolved\n"
    "(XXXX-07-14, PRESENT_REF): annals never guesses today's date.\n"
    "\n"
    "Examples:\n"
    "  annals dates article.txt\n"
    "  echo 'Talks resume next Tuesday.' | annals dates --dct 2021-06-17 -\n"
    "  annals dates --format jsonl corpus.jsonl > timexes.jsonl\n"
    "\n"
    "Exit status: 0 all read, 1 some input skipped, 2 usage or fatal error.\n";

static const char help[] =
    "Usage: annals extract [OPTIONS] [INPUT...]\n"
    "\n"
    "Reads news articles and writes their timeline as annals/1 JSON: every\n"
    "document with its publication date (DCT), and the events found.\n"
    "With no INPUT, reads standard input.\n"
    "\n"
    "Inputs:\n"
    "  FILE.txt       one article (its id: the file name without extension)\n"
    "  CORPUS.jsonl   one article per line: {\"id\", \"published\", \"title\",\n"
    "                 \"url\", \"source\", \"text\"}; only \"text\" is required\n"
    "  DIR            every *.txt and *.jsonl below it, in name order\n"
    "  -              standard input (text, or JSON Lines with -i jsonl)\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT        json (default when not writing to a terminal):\n"
    "                          one annals/1 document; jsonl: one event a\n"
    "                          line, for streaming; text (default on a\n"
    "                          terminal): a # line per document (its date),\n"
    "                          then one line per event -- date, type,\n"
    "                          summary, modality, documents; ics, html, csv,\n"
    "                          timelinejs: as 'annals export' writes them\n"
    "  -o, --output FILE       write to FILE (atomically: a failed run leaves\n"
    "                          no half-written file) instead of stdout\n"
    "      --dct DATE          publication date (YYYY-MM-DD) for every input,\n"
    "                          overriding metadata and datelines\n"
    "  -i, --input-format FMT  auto (default: .jsonl is JSON Lines, anything\n"
    "                          else text), text or jsonl\n"
    "      --date-order ORDER  mdy (default: 6/16/2021) or dmy (16/6/2021)\n"
    "      --timexes           also list every temporal expression found\n"
    "      --documents         with -f jsonl: first a {\"document\": {...}} line\n"
    "                          for each article (its id, source, title, url,\n"
    "                          dct), so that 'annals merge' of JSON Lines\n"
    "                          keeps them all (the form for sharded runs)\n"
    "      --merge             merge the articles' timelines: one event per\n"
    "                          real-world event, citing every article that\n"
    "                          reports it (as 'annals merge'; docs/merging.md)\n"
    "  -q, --quiet             do not print warnings or the progress line\n"
    "                          (shown on a terminal only); the exit status\n"
    "                          still says that something was skipped\n"
    "      --grammars DIR      use the grammar files of DIR instead of the\n"
    "                          built-in English ones\n"
    "  -j, --jobs N            worker threads (default: the number of cores);\n"
    "                          the output is the same for every N\n"
    "  -h, --help              show this help\n"
    "\n"
    "The publication date comes from --dct, else the record's \"published\",\n"
    "else a dateline or byline near the top of the text (\"By Jane Doe |\n"
    "July 18, 2021\", \"Published: 2020-03-05\", \"GENEVA, June 16, 2021\n"
    "(Reuters) -\"; a dateline without a year takes the year of another\n"
    "header line), else none, with a note on stderr: give that article\n"
    "its own --dct. \"dct_from\" in the output says which.\n"
    "\n"
    "Examples:\n"
    "  annals extract article.txt\n"
    "  annals extract --dct 2021-07-18 article.txt\n"
    "  annals extract -o timeline.json articles/\n"
    "  annals extract --format jsonl corpus.jsonl > events.jsonl\n"
    "  annals extract --merge -o timeline.json corpus.jsonl\n"
    "  cat corpus.jsonl | annals extract -i jsonl -\n"
    "\n"
    "Exit status: 0 all read, 1 some input skipped (reported as file:line:\n"
    "why), 2 usage or fatal error.\n";

typedef struct run {
    const annals_grammars *g;
    annals_options opt;
    annals_timeline *tl;
    cl_pool *pool;
    FILE *stream;      /* JSON Lines written as articles come back */
    int write_flags;
    cl_progress progress;
    int quiet;
    int failed;
    size_t docs, undated; /* documents out, and those with no publication date */
    annals_error err;
} run;

/* Counts the documents of tl that have no publication date. */
static void count_undated(run *r, const annals_timeline *tl)
{
    size_t n = annals_timeline_documents(tl);
    r->docs += n;
    for (size_t i = 0; i < n; i++) r->undated += annals_timeline_document_dct(tl, i, NULL) == NULL;
}

/* Without a publication date, "Monday" and "last week" cannot be placed
 * and the article's events mostly stay undated: worth a word, once. */
static void note_undated(const run *r)
{
    if (r->quiet || r->opt.dct || !r->undated) return;
    if (r->docs == 1)
        cl_error("note: no publication date found (no \"published\" field, dateline or byline "
                 "with a year): relative dates stay unresolved; give one with --dct YYYY-MM-DD");
    else
        cl_error("note: %zu of %zu documents have no publication date (no \"published\" field, "
                 "dateline or byline with a year): their relative dates stay unresolved", r->undated,
                 r->docs);
}

static void on_warn(void *ctx, const char *msg)
{
    run *r = ctx;
    if (r->quiet) return;
    cl_progress_done(&r->progress); /* a warning on a line of its own */
    cl_error("%s", msg);
}

static int on_article(void *ctx, const annals_article *a, const char *where)
{
    run *r = ctx;
    int y, m, d;
    if (a->published && !r->opt.dct &&
        !annals_published_date(a->published, &y, &m, &d) && !r->quiet)
        cl_error("%s: \"published\" is not an ISO 8601 date from 1800 to 2200: %.40s; ignored", where,
                 a->published);
    cl_progress_add(&r->progress, a->text_len);
    if (cl_pool_submit(r->pool, a, &r->err)) {
        r->failed = 1;
        return 1;
    }
    return 0;
}

/* An article's JSON Lines, made on its worker thread: the writing runs
 * in parallel with the rest. */
static int render_one(void *ctx, annals_timeline *one, char **out, size_t *n)
{
    const run *r = ctx;
    annals_error err;
    annals_timeline_sort(one);
    *out = NULL;
    *n = 0;
    FILE *m = open_memstream(out, n);
    if (!m) return -1;
    int rc = annals_write(one, ANNALS_FORMAT_JSONL, r->write_flags, m, &err);
    if (fclose(m) != 0) rc = -1;
    return rc;
}

/* JSON Lines out as each article's timeline comes back, in input order:
 * memory stays flat however large the corpus. */
static int stream_one(void *ctx, annals_timeline *one, const char *rendered, size_t n)
{
    run *r = ctx;
    count_undated(r, one);
    return n && fwrite(rendered, 1, n, r->stream) != n ? -1 : 0;
}

static int run_cmd(int argc, char **argv, int dates)
{
    const char *cmd = dates ? "dates" : "extract";
    static const struct option longs[] = {
        {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'},
        {"dct", required_argument, 0, 'D'},
        {"input-format", required_argument, 0, 'i'},
        {"date-order", required_argument, 0, 'O'},
        {"timexes", no_argument, 0, 'T'},
        {"merge", no_argument, 0, 'M'},
        {"documents", no_argument, 0, 'd'},
        {"quiet", no_argument, 0, 'q'},
        {"grammars", required_argument, 0, 'G'},
        {"jobs", required_argument, 0, 'j'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    run r;
    memset(&r, 0, sizeof r);
    annals_options_init(&r.opt);
    const char *outpath = NULL, *gdir = NULL;
    /* people at a terminal get the readable form; pipes and files JSON */
    int format = isatty(STDOUT_FILENO) ? ANNALS_FORMAT_TEXT : ANNALS_FORMAT_JSON;
    if (dates) r.opt.want_timexes = r.opt.no_events = 1;
    rd_format infmt = RD_AUTO;
    int c, merge = 0, documents = 0, jobs = cl_cores();
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:o:i:j:qh", longs, NULL)) != -1) {
        switch (c) {
        case 'f':
            format = annals_format_parse(optarg);
            if (format < 0 || (dates && format > ANNALS_FORMAT_TEXT)) {
                cl_error("%s: unknown format '%s' (%s)", cmd, optarg,
                         dates ? "text, json or jsonl"
                               : "json, jsonl, text, ics, html, csv or timelinejs");
                return CL_FATAL;
            }
            break;
        case 'o': outpath = optarg; break;
        case 'D':
            if (!annals_date_valid(optarg)) {
                cl_error("%s: --dct '%s' is not a valid date (YYYY-MM-DD)", cmd, optarg);
                return CL_FATAL;
            }
            r.opt.dct = optarg;
            break;
        case 'i':
            if (strcmp(optarg, "auto") == 0) infmt = RD_AUTO;
            else if (strcmp(optarg, "text") == 0) infmt = RD_TEXT;
            else if (strcmp(optarg, "jsonl") == 0) infmt = RD_JSONL;
            else {
                cl_error("%s: unknown input format '%s' (auto, text or jsonl)", cmd, optarg);
                return CL_FATAL;
            }
            break;
        case 'O':
            if (strcmp(optarg, "mdy") == 0) r.opt.date_order = ANNALS_DATE_MDY;
            else if (strcmp(optarg, "dmy") == 0) r.opt.date_order = ANNALS_DATE_DMY;
            else {
                cl_error("%s: unknown date order '%s' (mdy or dmy)", cmd, optarg);
                return CL_FATAL;
            }
            break;
        case 'T': r.opt.want_timexes = 1; break;
        case 'M': merge = 1; break;
        case 'd': documents = 1; break;
        case 'q': r.quiet = 1; break;
        case 'G': gdir = optarg; break;
        case 'j': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > 256) {
                cl_error("%s: --jobs takes a number from 1 to 256, not '%s'", cmd, optarg);
                return CL_FATAL;
            }
            jobs = (int)v;
            break;
        }
        case 'h': fputs(dates ? dates_help : help, stdout); return CL_OK;
        case ':':
            cl_error("%s: option '%s' needs a value", cmd, argv[optind - 1]);
            return CL_FATAL;
        default:
            cl_error("%s: unknown option '%s' (try 'annals %s --help')", cmd,
                     argv[optind - 1], cmd);
            return CL_FATAL;
        }
    }
    char *stdin_only[] = {"-"};
    char **paths = optind < argc ? argv + optind : stdin_only;
    size_t npaths = optind < argc ? (size_t)(argc - optind) : 1;

    annals_error err = {ANNALS_OK, ""};
    if (rd_check_paths(paths, npaths, &err)) {
        cl_error("%s", err.message);
        return CL_FATAL;
    }
    annals_grammars *g = gdir ? annals_grammars_load(gdir, &err) : annals_grammars_builtin(&err);
    if (!g) {
        cl_error("%s", err.message);
        return CL_FATAL;
    }
    r.g = g;
    r.tl = annals_timeline_new();
    cl_out out;
    int status = CL_FATAL;
    if (!r.tl) {
        cl_error("out of memory");
        goto done;
    }
    r.write_flags = dates ? ANNALS_WRITE_TIMEXES_ONLY : r.opt.want_timexes ? ANNALS_WRITE_TIMEXES : 0;
    if (documents && !dates) r.write_flags |= ANNALS_WRITE_DOCUMENTS;
    int streaming = format == ANNALS_FORMAT_JSONL && !merge;
    if (streaming) {
        if (cl_out_open(&out, outpath)) goto done;
        r.stream = out.f;
    }
    r.pool = cl_pool_new(jobs, g, &r.opt, r.tl, streaming ? render_one : NULL,
                         streaming ? stream_one : NULL, &r);
    if (!r.pool) {
        cl_error("cannot start worker threads");
        if (streaming) cl_out_abort(&out);
        goto done;
    }
    rd_reader rd = {.format = infmt, .on_article = on_article, .on_warn = on_warn, .ctx = &r};
    cl_progress_init(&r.progress, paths, npaths, r.quiet);
    int read_rc = rd_read_paths(&rd, paths, npaths, &err);
    cl_progress_done(&r.progress);
    if (read_rc || cl_pool_finish(r.pool, &r.err)) {
        cl_error("%s", r.failed || !err.message[0] ? r.err.message : err.message);
        if (streaming) cl_out_abort(&out);
        goto done;
    }
    if (streaming) {
        if (cl_out_commit(&out)) goto done;
        note_undated(&r);
        status = rd.skipped ? CL_SKIPPED : CL_OK;
        goto done;
    }
    if (merge && !dates && annals_timeline_merge(r.tl, &err)) {
        cl_error("%s: %s", cmd, err.message);
        goto done;
    }
    annals_timeline_sort(r.tl);
    if (cl_write_timeline(r.tl, format, r.write_flags, NULL, outpath, r.quiet)) goto done;
    count_undated(&r, r.tl);
    note_undated(&r);
    status = rd.skipped ? CL_SKIPPED : CL_OK;
done:
    cl_pool_free(r.pool);
    annals_timeline_free(r.tl);
    annals_grammars_free(g);
    return status;
}

int cl_extract(int argc, char **argv) { return run_cmd(argc, argv, 0); }
int cl_dates(int argc, char **argv) { return run_cmd(argc, argv, 1); }
