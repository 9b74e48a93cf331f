/* utf8: decoding that never fails and never moves an offset. Input text
 * is kept byte for byte; only what we print is made valid UTF-8. */
#ifndef U8_UTF8_H
#define U8_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decodes the character at s[*i] (i < n) and advances *i past it. An
 * invalid, overlong, surrogate or truncated sequence yields -1 and
 * advances one byte, so a caller walking bytes never skips a valid one. */
int32_t u8_next(const char *s, size_t n, size_t *i);

/* 1 if s[0..n) is valid UTF-8 (NUL bytes allowed). */
int u8_valid(const char *s, size_t n);

/* A malloc'd copy of s[0..n) where every invalid byte is U+FFFD, with a
 * terminating NUL; its length (NULs inside allowed) goes to *out_n. */
char *u8_sanitize(const char *s, size_t n, size_t *out_n);

/* Copies the character at s[*i] (of n bytes) to out, or U+FFFD for an
 * invalid byte, and moves *i past it: the bytes written (1 to 4). */
size_t u8_copy_one(const char *s, size_t n, size_t *i, char *out);
#endif
