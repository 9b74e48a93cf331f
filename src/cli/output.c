/* -o: output goes to a temporary file beside the target and is renamed
 * over it only when complete, so the target is never partial; a signal
 * that stops annals removes the temporary file too. */
#include "cli.h"
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary file being written, for the signal handler. One output
 * is open at a time. */
static char *volatile live_tmp;

static void on_signal(int sig)
{
    char *t = live_tmp;
    if (t) unlink(t); /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

static void catch_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction sa, old;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        /* a signal the caller ignores (nohup) stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        sigaction(sigs[i], &sa, NULL);
    }
}

int cl_out_open(cl_out *o, const char *path)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        return 0;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        cl_error("%s: cannot write: it is a directory", path);
        return -1;
    }
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* a device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) is
         * written to as it is: renaming a file over it would replace
         * the device itself */
        o->f = fopen(path, "w");
        if (!o->f) {
            cl_error("%s: cannot write: %s", path, strerror(errno));
            return -1;
        }
        o->path = path;
        return 0;
    }
    size_t n = strlen(path) + 16;
    o->tmp = malloc(n);
    if (!o->tmp) { cl_error("out of memory"); return -1; }
    snprintf(o->tmp, n, "%s.tmpXXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        cl_error("%s: cannot write: %s", path, strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        return -1;
    }
    /* mkstemp makes the file private (0600); the output gets the mode a
     * shell redirect would give it: the old file's, or 0666 less umask */
    mode_t mode;
    if (stat(path, &st) == 0) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    (void)fchmod(fd, mode); /* a failure leaves it private: no data lost */
    catch_signals();
    live_tmp = o->tmp;
    o->f = fdopen(fd, "w");
    if (!o->f) {
        live_tmp = NULL;
        cl_error("%s: %s", path, strerror(errno));
        close(fd);
        unlink(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
        return -1;
    }
    o->path = path;
    return 0;
}

int cl_out_commit(cl_out *o)
{
    if (!o->path) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            cl_error("standard output: write error: %s", strerror(errno));
            return -1;
        }
        return 0;
    }
    if (!o->tmp) { /* a device or a pipe, written directly */
        int bad = fflush(o->f) != 0 || ferror(o->f);
        int e = errno;
        bad |= fclose(o->f) != 0;
        o->f = NULL;
        if (bad) cl_error("%s: write failed: %s", o->path, strerror(e ? e : errno));
        return bad ? -1 : 0;
    }
    int bad = fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0;
    live_tmp = NULL; /* from here the file is renamed or removed below */
    int e = errno;
    bad |= fclose(o->f) != 0;
    o->f = NULL;
    if (bad || rename(o->tmp, o->path) != 0) {
        cl_error("%s: write failed: %s", o->path, strerror(bad ? e : errno));
        unlink(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
        return -1;
    }
    free(o->tmp);
    o->tmp = NULL;
    return 0;
}

void cl_out_abort(cl_out *o)
{
    live_tmp = NULL;
    if (o->path && o->f) fclose(o->f);
    if (o->tmp) unlink(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
    o->f = NULL;
}

int cl_write_timeline(const annals_timeline *tl, int format, int flags, const char *title,
                      const char *outpath, int quiet)
{
    cl_out out;
    if (cl_out_open(&out, outpath)) return -1;
    int bad;
    if (format >= ANNALS_FORMAT_ICS) { /* the exports say what they left out */
        annals_export x;
        annals_export_init(&x);
        x.flags |= flags & ANNALS_WRITE_ALL;
        x.title = title;
        bad = cl_export_stamp(&x) || cl_export_write(tl, (annals_format)format, &x, &out, quiet);
    } else {
        annals_error err;
        bad = annals_write(tl, (annals_format)format, flags, out.f, &err) != 0;
        if (bad) cl_error("%s: %s", outpath ? outpath : "standard output", err.message);
    }
    if (bad) {
        cl_out_abort(&out);
        return -1;
    }
    return cl_out_commit(&out);
}
