/* annals shard: a corpus split into N shards of about equal size, for
 * extracting on many machines (shard.h gives the file format). Streams:
 * one line, or one plain-text article, in memory at a time. */
#include "cli.h"
#include "../read/read.h"
#include "../read/shard.h"
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char help[] =
    "Usage: annals shard -n N -o DIR [OPTIONS] INPUT...\n"
    "\n"
    "Splits a corpus -- JSON Lines files, plain-text files, directories, as\n"
    "'annals extract' reads them -- into N shards of about equal size in\n"
    "bytes: DIR/shard-0000.jsonl to DIR/shard-NNNN.jsonl, each a run of\n"
    "consecutive records in input order, then DIR/manifest.tsv (shard,\n"
    "records, bytes, first record). The same input and N give the same\n"
    "shards on every machine. Records are carried verbatim, bad ones too,\n"
    "with lines that say where they came from, so 'annals extract' reads a\n"
    "shard as it would have read those records in their own files: the same\n"
    "ids and sources, and problems reported as the original file:line.\n"
    "Concatenating the shards' timelines and merging them gives what\n"
    "'annals extract --merge' gives on the whole corpus.\n"
    "\n"
    "Options:\n"
    "  -n, --shards N          how many shards (1 to 100000)\n"
    "  -o, --output DIR        where to write them (made if missing; not inside\n"
    "                          an input directory, which would read them); each\n"
    "                          shard and the manifest are written atomically,\n"
    "                          the manifest last; shards of an earlier run\n"
    "                          numbered N or more are removed\n"
    "  -i, --input-format FMT  auto (default: .jsonl is JSON Lines, anything\n"
    "                          else text), text or jsonl\n"
    "  -c, --check             also check every JSON Lines record as extract\n"
    "                          will, and report those it will skip as\n"
    "                          file:line: why (exit status 1); they are still\n"
    "                          carried. And give a repeated id the name one\n"
    "                          run over the whole corpus gives it (abc-2),\n"
    "                          which shards cannot do alone. Several times\n"
    "                          slower; memory grows with the number of ids\n"
    "  -q, --quiet             do not print warnings\n"
    "  -h, --help              show this help\n"
    "\n"
    "Inputs must be files or directories (not standard input): their sizes\n"
    "decide where the shards split. Memory stays flat however large they are.\n"
    "\n"
    "Examples:\n"
    "  annals shard -n 8 -o shards corpus.jsonl\n"
    "  annals extract --format jsonl --documents -o out/shard-0003.jsonl shards/shard-0003.jsonl\n"
    "  annals merge -o timeline.json out/*.jsonl\n"
    "  contrib/slurm/annals-slurm.sh -n 64 -o run corpus/   (on a Slurm cluster)\n"
    "\n"
    "Exit status: 0 all input sharded, 1 some file skipped (unreadable;\n"
    "reported) or, with --check, some record bad, 2 usage or fatal error.\n";

typedef struct shard_stat {
    uint64_t records, bytes;
    char *first; /* "file:line" or "file" of its first record */
} shard_stat;

typedef struct sharder {
    const char *dir;
    size_t n, width;
    uint64_t total, offset; /* input bytes: all, and before the current record */
    size_t cur;             /* the shard open in out, or n when none is */
    size_t next;            /* the next shard to open */
    cl_out out;
    char *path;             /* of the open shard */
    shard_stat *st;
    const char *from;       /* the file whose #from line the open shard last got */
    int quiet, check;
    uint64_t bad;           /* with --check: records extract will skip */
    annals_timeline *ids;   /* with --check: the ids given so far, as extract gives them */
    rd_reader rd;
} sharder;

static void on_warn(void *ctx, const char *msg)
{
    sharder *s = ctx;
    if (!s->quiet) cl_error("%s", msg);
}

static char *shard_path(const sharder *s, size_t k, const char *name)
{
    size_t len = strlen(s->dir) + 32;
    char *p = malloc(len);
    if (p) {
        if (name) snprintf(p, len, "%s/%s", s->dir, name);
        else snprintf(p, len, "%s/shard-%0*zu.jsonl", s->dir, (int)s->width, k);
    }
    return p;
}

static int write_error(sharder *s)
{
    cl_error("%s: write error: %s", s->path, strerror(errno));
    return -1;
}

/* Closes the open shard, putting it in place. */
static int close_shard(sharder *s)
{
    if (s->cur == s->n) return 0;
    s->cur = s->n;
    int rc = cl_out_commit(&s->out);
    free(s->path);
    s->path = NULL;
    return rc;
}

/* Makes shard k (and any empty ones before it) the open one; shards
 * only ever go forward. */
static int open_shard(sharder *s, size_t k)
{
    if (s->cur != s->n && k <= s->cur) return 0;
    if (close_shard(s)) return -1;
    for (size_t j = s->next; j <= k; j++) {
        s->path = shard_path(s, j, NULL);
        if (!s->path) { cl_error("out of memory"); return -1; }
        if (cl_out_open(&s->out, s->path)) {
            free(s->path);
            s->path = NULL;
            return -1;
        }
        s->cur = j;
        s->next = j + 1;
        s->from = NULL;
        if (rd_shard_write_header(s->out.f, j, s->n)) return write_error(s);
        if (j < k && close_shard(s)) return -1;
    }
    return 0;
}

static int note_first(sharder *s, const char *name, uint64_t line)
{
    shard_stat *t = &s->st[s->cur];
    t->records++;
    if (t->first) return 0;
    size_t len = strlen(name) + 24;
    t->first = malloc(len);
    if (!t->first) { cl_error("out of memory"); return -1; }
    if (line) snprintf(t->first, len, "%s:%llu", name, (unsigned long long)line);
    else snprintf(t->first, len, "%s", name);
    return 0;
}

/* Sizes first: they decide the split. */
static int add_size(rd_reader *r, const char *path, annals_error *err)
{
    sharder *s = r->ctx;
    struct stat st;
    if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        cl_error("shard: %s: not a regular file (shard reads files and directories, whose sizes "
                 "decide the split)", path);
        return -1;
    }
    s->total += (uint64_t)st.st_size;
    return 0;
}

/* With --check: the id a run over the whole corpus gives a record whose
 * own id is `own` (a second "abc" is "abc-2"), written as a #id line
 * before it when that is not its own: shards do not see each other. */
static int claim_id(sharder *s, const char *own)
{
    if (!own) { cl_error("out of memory"); return -1; }
    const char *uid = annals_timeline_claim_id(s->ids, own);
    if (!uid) { cl_error("out of memory"); return -1; }
    if (strcmp(uid, own) != 0 && rd_shard_write_id(s->out.f, uid)) return write_error(s);
    return 0;
}

static int shard_jsonl(sharder *s, FILE *f, const char *path)
{
    char *line = NULL;
    size_t cap = 0;
    uint64_t lineno = 0;
    ssize_t got;
    int rc = 0;
    s->from = NULL; /* a new file: the next record needs its #from */
    while ((got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t n = (size_t)got, k = 0;
        if ((rc = open_shard(s, rd_shard_of(s->offset, s->total, s->n)))) break;
        s->offset += n;
        FILE *o = s->out.f;
        if (s->from != path) {
            if (rd_shard_write_from(o, path, lineno)) { rc = write_error(s); break; }
            s->from = path;
        }
        while (k < n && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r' || line[k] == '\n')) k++;
        if (k < n && note_first(s, path, lineno)) { rc = -1; break; }
        char why[300], *own = NULL;
        int is = s->check ? rd_record_check(line, n, path, lineno, &own, why, sizeof why) : 0;
        if (is < 0) {
            s->bad++;
            if (!s->quiet)
                cl_error("%s:%llu: %s; carried into %s, where extract will skip it", path,
                         (unsigned long long)lineno, why, s->path);
        }
        rc = is > 0 ? claim_id(s, own) : 0;
        free(own);
        if (rc) break;
        s->st[s->cur].bytes += n;
        if ((line[0] == '#' && fputs("#verbatim\n", o) < 0) || fwrite(line, 1, n, o) != n ||
            (line[n - 1] != '\n' && fputc('\n', o) == EOF)) {
            rc = write_error(s);
            break;
        }
    }
    if (rc == 0 && ferror(f)) {
        cl_error("%s:%llu: read error: %s", path, (unsigned long long)lineno + 1, strerror(errno));
        rc = -1;
    }
    free(line);
    return rc;
}

static int shard_text(sharder *s, FILE *f, const char *path)
{
    char *text;
    size_t len;
    annals_error err;
    if (rd_slurp(f, path, &text, &len, &err)) {
        cl_error("%s", err.message);
        return -1;
    }
    int rc = open_shard(s, rd_shard_of(s->offset, s->total, s->n));
    s->offset += len;
    if (rc == 0) rc = note_first(s, path, 0);
    if (rc == 0 && s->check) {
        char *own = rd_base_id(path);
        rc = claim_id(s, own);
        free(own);
    }
    if (rc == 0) {
        FILE *o = s->out.f;
        s->st[s->cur].bytes += len;
        s->from = NULL; /* a JSON Lines record after this needs its #from */
        if (rd_shard_write_text(o, path, len) || fwrite(text, 1, len, o) != len || fputc('\n', o) == EOF)
            rc = write_error(s);
    }
    free(text);
    return rc;
}

static int shard_file(rd_reader *r, const char *path, annals_error *err)
{
    sharder *s = r->ctx;
    FILE *f = fopen(path, "rb");
    if (!f) { /* as extract does: reported, skipped, exit status 1 */
        if (!s->quiet) cl_error("%s: %s", path, strerror(errno));
        r->skipped++;
        return 0;
    }
    int rc = rd_is_jsonl(r, path) ? shard_jsonl(s, f, path) : shard_text(s, f, path);
    fclose(f);
    return rc;
}

static int write_manifest(sharder *s)
{
    char *path = shard_path(s, 0, "manifest.tsv");
    if (!path) { cl_error("out of memory"); return -1; }
    cl_out out;
    int rc = cl_out_open(&out, path);
    if (rc == 0) {
        int bad = fputs("shard\trecords\tbytes\tfirst\n", out.f) < 0;
        for (size_t k = 0; k < s->n && !bad; k++)
            bad = fprintf(out.f, "shard-%0*zu.jsonl\t%llu\t%llu\t%s\n", (int)s->width, k,
                          (unsigned long long)s->st[k].records, (unsigned long long)s->st[k].bytes,
                          s->st[k].first ? s->st[k].first : "-") < 0;
        if (bad) {
            cl_error("%s: write error: %s", path, strerror(errno));
            cl_out_abort(&out);
            rc = -1;
        } else {
            rc = cl_out_commit(&out);
        }
    }
    free(path);
    return rc;
}

/* Shards of an earlier run with more of them would be read with these. */
static void remove_stale(sharder *s)
{
    for (size_t k = s->n;; k++) {
        char *p = shard_path(s, k, NULL);
        if (!p) return;
        int gone = unlink(p) != 0;
        free(p);
        if (gone) return;
    }
}

/* The shards must not be written where the walk would read them back. */
static int inside_an_input(const char *dir, char **paths, size_t n)
{
    char *d = realpath(dir, NULL);
    if (!d) {
        cl_error("shard: %s: %s", dir, strerror(errno));
        return 1;
    }
    int bad = 0;
    for (size_t i = 0; i < n && !bad; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        char *p = realpath(paths[i], NULL);
        size_t k = p ? strlen(p) : 0;
        if (p && strncmp(d, p, k) == 0 && (d[k] == '\0' || d[k] == '/' || (k == 1 && p[0] == '/'))) {
            cl_error("shard: the output directory %s is inside the input %s, which would read the "
                     "shards back; write them elsewhere", dir, paths[i]);
            bad = 1;
        }
        free(p);
    }
    free(d);
    return bad;
}

int cl_shard(int argc, char **argv)
{
    static const struct option longs[] = {
        {"shards", required_argument, 0, 'n'}, {"output", required_argument, 0, 'o'},
        {"input-format", required_argument, 0, 'i'}, {"quiet", no_argument, 0, 'q'},
        {"check", no_argument, 0, 'c'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    sharder s;
    memset(&s, 0, sizeof s);
    s.rd.format = RD_AUTO;
    int c;
    long n = 0;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":n:o:i:cqh", longs, NULL)) != -1) {
        switch (c) {
        case 'n': {
            char *end;
            n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 100000) {
                cl_error("shard: --shards takes a number from 1 to 100000, not '%s'", optarg);
                return CL_FATAL;
            }
            break;
        }
        case 'o': s.dir = optarg; break;
        case 'i':
            if (strcmp(optarg, "auto") == 0) s.rd.format = RD_AUTO;
            else if (strcmp(optarg, "text") == 0) s.rd.format = RD_TEXT;
            else if (strcmp(optarg, "jsonl") == 0) s.rd.format = RD_JSONL;
            else {
                cl_error("shard: unknown input format '%s' (auto, text or jsonl)", optarg);
                return CL_FATAL;
            }
            break;
        case 'q': s.quiet = 1; break;
        case 'c': s.check = 1; break;
        case 'h': fputs(help, stdout); return CL_OK;
        case ':': cl_error("shard: option '%s' needs a value", argv[optind - 1]); return CL_FATAL;
        default:
            cl_error("shard: unknown option '%s' (try 'annals shard --help')", argv[optind - 1]);
            return CL_FATAL;
        }
    }
    if (!n || !s.dir || !*s.dir) {
        cl_error("shard: -n N and -o DIR are needed (try 'annals shard --help')");
        return CL_FATAL;
    }
    if (optind >= argc) {
        cl_error("shard: no inputs given (try 'annals shard --help')");
        return CL_FATAL;
    }
    char **paths = argv + optind;
    size_t npaths = (size_t)(argc - optind);
    annals_error err = {ANNALS_OK, ""};
    if (rd_check_paths(paths, npaths, &err)) {
        cl_error("%s", err.message);
        return CL_FATAL;
    }
    struct stat st;
    int made = mkdir(s.dir, 0777) == 0;
    if (!made && (errno != EEXIST || stat(s.dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
        cl_error("shard: %s: cannot make the directory: %s", s.dir,
                 errno == EEXIST ? "a file is in the way" : strerror(errno));
        return CL_FATAL;
    }
    if (inside_an_input(s.dir, paths, npaths)) {
        if (made) rmdir(s.dir);
        return CL_FATAL;
    }
    s.n = (size_t)n;
    s.cur = s.n;
    for (s.width = 4; n - 1 >= 10000 && s.width < 6; n /= 10) s.width++;
    s.st = calloc(s.n, sizeof *s.st);
    if (!s.st) { cl_error("out of memory"); return CL_FATAL; }
    s.rd.ctx = &s;
    if (s.check && !(s.ids = annals_timeline_new())) {
        cl_error("out of memory");
        free(s.st);
        return CL_FATAL;
    }
    int status = CL_FATAL;
    s.rd.on_warn = NULL; /* an unreadable directory is reported by the second walk */
    if (rd_walk_paths(&s.rd, paths, npaths, add_size, &err)) goto done;
    s.rd.on_warn = on_warn;
    s.rd.skipped = 0;
    if (rd_walk_paths(&s.rd, paths, npaths, shard_file, &err) || open_shard(&s, s.n - 1) ||
        close_shard(&s))
        goto done;
    remove_stale(&s);
    if (write_manifest(&s)) goto done;
    status = s.rd.skipped || s.bad ? CL_SKIPPED : CL_OK;
done:
    if (s.cur != s.n) cl_out_abort(&s.out);
    free(s.path);
    for (size_t k = 0; k < s.n; k++) free(s.st[k].first);
    free(s.st);
    annals_timeline_free(s.ids);
    return status;
}
