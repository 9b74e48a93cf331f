/* Shared by the unit tests: cmocka and a temporary-file helper. */
#ifndef TESTUTIL_H
#define TESTUTIL_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>

/* Writes n bytes to a new temporary file whose name ends in suffix;
 * returns its malloc'd path. */
static inline char *tu_tmpfile(const char *suffix, const char *data, size_t n)
{
    char *path = malloc(256);
    assert_non_null(path);
    snprintf(path, 256, "/tmp/annals-test-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, n), (ssize_t)n);
    close(fd);
    return path;
}
/* The built-in grammars as G, loaded once for a test file: put
 * TU_GRAMMARS near the top, then pass tu_setup / tu_teardown to
 * cmocka_run_group_tests_name. */
#define TU_GRAMMARS                                                        \
    static annals_grammars *G;                                             \
    static int tu_setup(void **s)                                          \
    {                                                                      \
        (void)s;                                                           \
        annals_error err;                                                  \
        G = annals_grammars_builtin(&err);                                 \
        if (!G) fprintf(stderr, "grammars: %s\n", err.message);            \
        return G ? 0 : -1;                                                 \
    }                                                                      \
    static int tu_teardown(void **s)                                       \
    {                                                                      \
        (void)s;                                                           \
        annals_grammars_free(G);                                           \
        return 0;                                                          \
    }
#endif
