/* rx: compiling and guarding PCRE2 patterns in one place. Every pattern
 * is JIT-compiled once; every match runs under match and depth limits so
 * that no input can make a rule backtrack for long. */
#ifndef RX_RX_H
#define RX_RX_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Compiles pattern (NUL-terminated) for UTF-8 text that may be invalid.
 * On failure returns NULL and writes PCRE2's message and the offset of
 * the error into msg/erroff. JIT is skipped when the environment sets
 * ANNALS_NO_JIT (valgrind cannot follow JIT code). */
pcre2_code *rx_compile(const char *pattern, uint32_t extra_opts, char *msg,
                       size_t msgsize, size_t *erroff);

/* A match context with the limits every match uses. */
pcre2_match_context *rx_match_context(void);

#define RX_MATCH_LIMIT 200000
#define RX_DEPTH_LIMIT 2000
#endif
