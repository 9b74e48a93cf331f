#include "rx.h"
#include <stdlib.h>

pcre2_code *rx_compile(const char *pattern, uint32_t extra_opts, int lazy, char *msg,
                       size_t msgsize, size_t *erroff)
{
    int ec;
    PCRE2_SIZE eo;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | extra_opts;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts,
                                   &ec, &eo, NULL);
    if (!re) {
        if (msg && msgsize) pcre2_get_error_message(ec, (PCRE2_UCHAR *)msg, msgsize);
        if (erroff) *erroff = eo;
        return NULL;
    }
    if (!lazy) rx_jit(re);
    return re;
}

void rx_jit(pcre2_code *re)
{
    const char *nojit = getenv("ANNALS_NO_JIT");
    if (!nojit || !*nojit) pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* else interpreted */
}

pcre2_match_context *rx_match_context(void)
{
    pcre2_match_context *m = pcre2_match_context_create(NULL);
    if (!m) return NULL;
    pcre2_set_match_limit(m, RX_MATCH_LIMIT);
    pcre2_set_depth_limit(m, RX_DEPTH_LIMIT);
    return m;
}
