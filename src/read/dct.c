#include "dct.h"
#include "../util/cal.h"
#include "../util/rx.h"
#include <stdlib.h>
#include <string.h>

#define MONTH "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|" \
              "Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?"

/* The three ways a full date is printed in a header line; each captures
 * year, month, day in a known group order. */
enum { P_ISO, P_MDY, P_DMY, P_KEYWORD, P_BYLINE, P_DATELINE, P_ONLY, P_N };

static const char *const patterns[P_N] = {
    /* 2021-07-18 */
    "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b",
    /* July 18, 2021 / Jul. 18 2021 / July 18th, 2021 */
    "\\b" MONTH "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
    /* 18 July 2021 */
    "\\b(\\d{1,2})\\s+" MONTH ",?\\s+(\\d{4})\\b",
    /* Published: / Updated / Posted / Last updated ... */
    "^\\W*(?:published|updated|posted|last\\s+updated|first\\s+published|"
    "last\\s+modified|date|dated)\\b",
    /* a byline: By Name, or a | separated header */
    "(?:^|\\|)\\s*by\\s+\\p{Lu}|\\|",
    /* GENEVA, June 16 (Reuters) -   /   KABUL, Afghanistan, July 14 - */
    "^\\W*\\p{Lu}[\\p{Lu}\\p{Ll} .'-]{1,40}(?:,\\s*[\\p{L} .'-]{2,30})?,\\s+" MONTH
    "\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?\\s*(?:\\(|-|\\x{2013}|\\x{2014}|/)",
    /* a line that is only a date, perhaps with a weekday and a time */
    "^\\W*(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\\.?,?\\s+)?"
    "(?:" MONTH "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+" MONTH
    ",?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})"
    "(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?\\W*$",
};

struct rd_dct_rules {
    pcre2_code *re[P_N];
    pcre2_match_context *mctx;
};

void rd_dct_rules_free(rd_dct_rules *r)
{
    if (!r) return;
    for (int i = 0; i < P_N; i++) pcre2_code_free(r->re[i]);
    pcre2_match_context_free(r->mctx);
    free(r);
}

rd_dct_rules *rd_dct_rules_new(void)
{
    rd_dct_rules *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    for (int i = 0; i < P_N; i++) {
        uint32_t opts = (i == P_KEYWORD || i == P_BYLINE) ? PCRE2_CASELESS : 0;
        r->re[i] = rx_compile(patterns[i], opts, 0, NULL, 0, NULL);
        if (!r->re[i]) { rd_dct_rules_free(r); return NULL; }
    }
    r->mctx = rx_match_context();
    if (!r->mctx) { rd_dct_rules_free(r); return NULL; }
    return r;
}

static int num(const char *s, size_t a, size_t b)
{
    int v = 0;
    for (size_t i = a; i < b && i - a < 6; i++) v = v * 10 + (s[i] - '0');
    return v;
}

/* Runs pattern p over line[0..n); fills ov with the match. */
static int match(const rd_dct_rules *r, int p, const char *line, size_t n,
                 pcre2_match_data *md)
{
    return pcre2_match(r->re[p], (PCRE2_SPTR)line, n, 0, 0, md, r->mctx) > 0;
}

/* The first full date in line: 1 and y, m, d; else 0. */
static int full_date(const rd_dct_rules *r, const char *line, size_t n,
                     pcre2_match_data *md, int *y, int *m, int *d)
{
    size_t best = (size_t)-1;
    for (int p = P_ISO; p <= P_DMY; p++) {
        if (!match(r, p, line, n, md)) continue;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        if (ov[0] >= best) continue;
        int yy, mm, dd;
        if (p == P_ISO) {
            yy = num(line, ov[2], ov[3]); mm = num(line, ov[4], ov[5]); dd = num(line, ov[6], ov[7]);
        } else if (p == P_MDY) {
            mm = ca_month_from_name(line + ov[2], ov[3] - ov[2]);
            dd = num(line, ov[4], ov[5]); yy = num(line, ov[6], ov[7]);
        } else {
            dd = num(line, ov[2], ov[3]);
            mm = ca_month_from_name(line + ov[4], ov[5] - ov[4]);
            yy = num(line, ov[6], ov[7]);
        }
        if (!ca_valid(yy, mm, dd)) continue;
        best = ov[0];
        *y = yy, *m = mm, *d = dd;
    }
    return best != (size_t)-1;
}

int rd_dct_find(const rd_dct_rules *r, const char *text, size_t len, char out[11])
{
    if (!r) return 0;
    size_t zone = len < RD_DCT_ZONE ? len : RD_DCT_ZONE;
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    if (!md) return 0;
    int found = 0, dl_m = 0, dl_d = 0, any_y = 0;
    size_t pos = 0;
    while (pos < zone && !found) {
        size_t e = pos;
        while (e < len && text[e] != '\n' && text[e] != '\r') e++;
        const char *line = text + pos;
        size_t n = e - pos;
        int y, m, d;
        if (n > 0 && n <= 200 && full_date(r, line, n, md, &y, &m, &d)) {
            if (!any_y) any_y = y;
            /* A dated line counts when it is a header line, not prose. */
            if (match(r, P_KEYWORD, line, n, md) || match(r, P_ONLY, line, n, md) ||
                (n <= 160 && match(r, P_BYLINE, line, n, md)) ||
                match(r, P_DATELINE, line, n, md)) {
                ca_format_ymd(out, y, m, d);
                found = 1;
            }
        } else if (n > 0 && !dl_m && match(r, P_DATELINE, line, n, md)) {
            /* A dateline without its year: keep month and day, and look
             * for the year on another header line. */
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            dl_m = ca_month_from_name(line + ov[2], ov[3] - ov[2]);
            dl_d = num(line, ov[4], ov[5]);
        }
        pos = e + 1;
        if (e + 1 < len && text[e] == '\r' && text[e + 1] == '\n') pos++;
    }
    if (!found && dl_m && any_y && ca_valid(any_y, dl_m, dl_d)) {
        ca_format_ymd(out, any_y, dl_m, dl_d);
        found = 1;
    }
    pcre2_match_data_free(md);
    return found;
}
