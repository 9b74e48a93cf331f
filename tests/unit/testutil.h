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
#endif
