/* rx: compiling and guarding PCRE2 patterns in one place. Every pattern
 * is JIT-compiled once; every match runs under match and depth limits so
 * that no input can make a rule backtrack for long. */
#ifndef RX_RX_H
#define RX_RX_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Compiles pattern (NUL-terminated) for UTF-8 text that may be invalid.
 * On failure returns NULL and writes PCRE2's message and the offset of
 * the error into msg/erroff. With lazy, the JIT compilation is left to
 * rx_jit, for a pattern that may never run (start-up stays short). JIT is
 * skipped when the environment sets ANNALS_NO_JIT (valgrind cannot
 * follow JIT code). */
pcre2_code *rx_compile(const char *pattern, uint32_t extra_opts, int lazy, char *msg,
                       size_t msgsize, size_t *erroff);

/* JIT-compiles re, unless ANNALS_NO_JIT is set. Not thread-safe for one
 * re: the caller makes sure no one matches with it meanwhile. */
void rx_jit(pcre2_code *re);

/* A match context with the limits every match uses. */
pcre2_match_context *rx_match_context(void);

#define RX_MATCH_LIMIT 200000
#define RX_DEPTH_LIMIT 2000
#endif
