/* The shard file format (shard.h): writing and parsing its directives. */
#include "shard.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

int rd_shard_is_header(const char *line, size_t n)
{
    size_t k = strlen(RD_SHARD_MAGIC);
    return n > k && memcmp(line, RD_SHARD_MAGIC, k) == 0 &&
           (line[k] == ' ' || line[k] == '\n' || line[k] == '\r');
}

/* "WORD" at the start of s (n bytes) followed by a space or the end. */
static int word(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && memcmp(s, w, k) == 0 && (n == k || s[k] == ' ');
}

/* A JSON string, a space, a decimal number, the end: `"name" 123`; or,
 * with number NULL, the string alone. Returns 0, 1 when it is not that,
 * or -1 when out of memory. */
static int name_and_number(const char *s, size_t n, rd_directive *d, int number)
{
    if (n < 2 || s[0] != '"') return 1;
    size_t i = 1;
    while (i < n && s[i] != '"') i += s[i] == '\\' ? 2 : 1;
    if (i >= n) return 1;
    size_t qend = i + 1;
    if (number ? qend >= n || s[qend] != ' ' || qend + 1 >= n : qend != n) return 1;
    uint64_t v = 0;
    for (size_t j = qend + 1; j < n; j++) {
        if (s[j] < '0' || s[j] > '9' || v > (UINT64_MAX - 9) / 10) return 1;
        v = v * 10 + (uint64_t)(s[j] - '0');
    }
    json_error_t je;
    json_t *str = json_loadb(s, qend, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
    if (!json_is_string(str) || strlen(json_string_value(str)) != json_string_length(str) ||
        json_string_length(str) == 0) {
        json_decref(str);
        return 1;
    }
    d->name = strdup(json_string_value(str));
    json_decref(str);
    if (!d->name) return -1;
    d->num = v;
    return 0;
}

int rd_shard_parse(const char *line, size_t n, rd_directive *d)
{
    memset(d, 0, sizeof *d);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
    if (n == 0 || line[0] != '#') return RD_DIRECTIVE_BAD;
    line++, n--;
    if (n == strlen("verbatim") && word(line, n, "verbatim")) return d->kind = RD_DIRECTIVE_VERBATIM;
    if (word(line, n, "id") && n > 3) {
        int rc = name_and_number(line + 3, n - 3, d, 0);
        return rc ? (rc < 0 ? -1 : RD_DIRECTIVE_BAD) : (int)(d->kind = RD_DIRECTIVE_ID);
    }
    rd_directive_kind kind = word(line, n, "from") ? RD_DIRECTIVE_FROM
                           : word(line, n, "text") ? RD_DIRECTIVE_TEXT : RD_DIRECTIVE_BAD;
    if (kind == RD_DIRECTIVE_BAD || n < 6) return RD_DIRECTIVE_BAD;
    int rc = name_and_number(line + 5, n - 5, d, 1);
    if (rc) return rc < 0 ? -1 : RD_DIRECTIVE_BAD;
    if (kind == RD_DIRECTIVE_FROM && d->num == 0) {
        free(d->name);
        d->name = NULL;
        return RD_DIRECTIVE_BAD;
    }
    return d->kind = kind;
}

int rd_shard_write_header(FILE *f, size_t k, size_t n)
{
    return fprintf(f, "%s %zu %zu\n", RD_SHARD_MAGIC, k, n) < 0 ? -1 : 0;
}

static int write_named(FILE *f, const char *what, const char *name, uint64_t num)
{
    json_t *s = json_string_nocheck(name);
    char *q = s ? json_dumps(s, JSON_ENCODE_ANY) : NULL;
    json_decref(s);
    int rc = !q || (num == UINT64_MAX ? fprintf(f, "#%s %s\n", what, q)
                                      : fprintf(f, "#%s %s %llu\n", what, q, (unsigned long long)num)) < 0;
    free(q);
    return rc ? -1 : 0;
}

int rd_shard_write_from(FILE *f, const char *name, uint64_t line)
{
    return write_named(f, "from", name, line);
}

int rd_shard_write_text(FILE *f, const char *name, uint64_t len)
{
    return write_named(f, "text", name, len);
}

int rd_shard_write_id(FILE *f, const char *id)
{
    return write_named(f, "id", id, UINT64_MAX);
}

size_t rd_shard_of(uint64_t offset, uint64_t total, size_t n)
{
    if (n <= 1 || total == 0 || offset >= total) return n ? n - 1 : 0;
    uint64_t k = offset <= UINT64_MAX / n ? offset * n / total
                                          : (uint64_t)((double)offset / (double)total * (double)n);
    return k < n ? (size_t)k : n - 1;
}
