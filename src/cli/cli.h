/* cli: the annals command line. One file per subcommand. */
#ifndef CL_CLI_H
#define CL_CLI_H
#include <stdio.h>
#include "annals/annals.h"

/* Exit statuses (documented in annals(1)). */
enum { CL_OK = 0, CL_SKIPPED = 1, CL_FATAL = 2 };

extern const char *cl_prog; /* "annals" */

/* Prints "annals: <msg>" on stderr. */
void cl_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Output to stdout, or to a file written atomically: a temporary file in
 * the same directory, renamed over the target only when all went well. */
typedef struct cl_out {
    FILE *f;
    const char *path; /* NULL: stdout */
    char *tmp;
} cl_out;

int cl_out_open(cl_out *o, const char *path);
/* Flushes and renames into place (or just flushes stdout); -1 on error. */
int cl_out_commit(cl_out *o);
/* Removes the temporary file: nothing half-written is left behind. */
void cl_out_abort(cl_out *o);

/* Writes tl in any format (annals/1, JSON Lines, text or an export, with
 * title naming a calendar or page) to outpath or stdout, atomically,
 * reporting problems; 0 or -1. */
int cl_write_timeline(const annals_timeline *tl, int format, int flags, const char *title,
                      const char *outpath, int quiet);

int cl_extract(int argc, char **argv);
int cl_dates(int argc, char **argv);
int cl_grammar_check(int argc, char **argv);
int cl_merge(int argc, char **argv);
int cl_export(int argc, char **argv);
int cl_shard(int argc, char **argv);
/* Writes tl as an export to out and reports on stderr (unless quiet)
 * what it left out; -1 (reported) on error. For extract and merge too. */
int cl_export_write(const annals_timeline *tl, annals_format f, annals_export *x, cl_out *out,
                    int quiet);
/* Takes DTSTAMP from $SOURCE_DATE_EPOCH when set; -1 (reported) if bad. */
int cl_export_stamp(annals_export *x);
int cl_not_built(const char *cmd, const char *what);
#endif
