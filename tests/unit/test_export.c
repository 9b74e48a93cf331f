/* The exports: iCalendar by RFC 5545's rules (checked here, not by
 * libical's own restriction check), CSV by RFC 4180, HTML escaping and
 * self-containedness, TimelineJS dates. */
#include "testutil.h"
#include <jansson.h>
#include <libical/ical.h>
#include "annals/annals.h"
#include "timeline/timeline.h"
#include "write/export.h"

/* Six events: a day, a week (planned), a month, a year (hypothetical),
 * a negated day and an undated one; text that needs escaping and folding. */
static const char TIMELINE[] =
    "{\"format\": \"annals/1\", \"documents\": ["
    " {\"id\": \"d1\", \"title\": \"Talks; \\\"hopes\\\", and fears\", \"url\": \"https://example.org/a?b=1,2\","
    "  \"source\": \"Wire\", \"dct\": \"2021-07-18\", \"dct_from\": \"metadata\"},"
    " {\"id\": \"d2\", \"title\": \"<script>alert(2)</script>\", \"url\": \"javascript:alert(1)\"}],"
    "\"events\": ["
    " {\"id\": \"ev-0000000000000001\", \"type\": \"meeting\", \"modality\": \"asserted\","
    "  \"date\": {\"value\": \"2021-06-16\", \"precision\": \"day\", \"start\": \"2021-06-16\", \"end\": \"2021-06-16\"},"
    "  \"actors\": [{\"name\": \"Recep Tayyip Erdoğan\", \"country\": \"TUR\", \"kind\": \"person\"}],"
    "  \"targets\": [{\"name\": \"Joe Biden\", \"country\": \"USA\", \"kind\": \"person\"}],"
    "  \"location\": {\"name\": \"Brussels, Belgium\", \"country\": \"BEL\"},"
    "  \"summary\": \"Erdoğan meets Biden; \\\"cordial\\\", a\\\\b\","
    "  \"mentions\": [{\"doc\": \"d1\", \"start\": 0, \"end\": 10, \"sentence\":"
    "   \"Erdoğan — “ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ€€€€€€€€€€€€€€€€€€€€€€€€€€𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞” met Biden,\\nthen left;\\r\\nok\\u0001.\"},"
    "   {\"doc\": \"d2\", \"start\": 0, \"end\": 5, \"sentence\": \"again\"}]},"
    " {\"id\": \"ev-0000000000000002\", \"type\": \"evacuation\", \"modality\": \"planned\","
    "  \"date\": {\"value\": \"2021-W28\", \"precision\": \"week\", \"start\": \"2021-07-12\", \"end\": \"2021-07-18\"},"
    "  \"summary\": \"=HYPERLINK(evil)\", \"mentions\": [{\"doc\": \"d1\", \"start\": 20, \"end\": 30, \"sentence\": \"Evacuations next week.\"}]},"
    " {\"id\": \"ev-0000000000000003\", \"type\": \"attack\", \"modality\": \"asserted\","
    "  \"date\": {\"value\": \"2021-06\", \"precision\": \"month\", \"start\": \"2021-06-01\", \"end\": \"2021-06-30\"},"
    "  \"summary\": \"<script>alert(1)</script> & co\", \"mentions\": [{\"doc\": \"d2\", \"start\": 0, \"end\": 4, \"sentence\": \"x\"}]},"
    " {\"id\": \"ev-0000000000000004\", \"type\": \"talks\", \"modality\": \"hypothetical\","
    "  \"date\": {\"value\": \"2022\", \"precision\": \"year\", \"start\": \"2022-01-01\", \"end\": \"2022-12-31\"},"
    "  \"summary\": \"talks may resume\", \"mentions\": [{\"doc\": \"d1\", \"start\": 40, \"end\": 50, \"sentence\": \"y\"}]},"
    " {\"id\": \"ev-0000000000000005\", \"type\": \"agreement\", \"modality\": \"negated\","
    "  \"date\": {\"value\": \"2021-06-17\", \"precision\": \"day\", \"start\": \"2021-06-17\", \"end\": \"2021-06-17\"},"
    "  \"summary\": \"no deal\", \"mentions\": [{\"doc\": \"d1\", \"start\": 60, \"end\": 70, \"sentence\": \"z\"}]},"
    " {\"id\": \"ev-0000000000000006\", \"type\": \"protest\", \"modality\": \"asserted\", \"date\": null,"
    "  \"summary\": \"crowds, rally\", \"mentions\": [{\"doc\": \"d1\", \"start\": 80, \"end\": 90, \"sentence\": \"w\"}]}"
    "]}";

static annals_timeline *load(void)
{
    annals_timeline *tl = annals_timeline_new();
    FILE *f = fmemopen((void *)TIMELINE, strlen(TIMELINE), "r");
    annals_error err;
    int rc = annals_timeline_read(tl, f, "t.json", &err);
    fclose(f);
    if (rc) fail_msg("%s", err.message);
    assert_int_equal(tl->nev, 6);
    annals_timeline_sort(tl); /* month (June 1), day, negated day, week, year, undated */
    return tl;
}

static char *export(const annals_timeline *tl, annals_format f, annals_export *x)
{
    char *buf;
    size_t n;
    FILE *m = open_memstream(&buf, &n);
    annals_error err;
    assert_int_equal(annals_export_write(tl, f, x, m, &err), 0);
    fclose(m);
    return buf;
}

static char *ics(const annals_timeline *tl, int flags, long long now, annals_export *out)
{
    annals_export x;
    annals_export_init(&x);
    x.flags = flags;
    x.now = now;
    x.title = "Ankara, \"2021\"; news";
    char *s = export(tl, ANNALS_FORMAT_ICS, &x);
    if (out) *out = x;
    return s;
}

/* ---- an RFC 5545 checker of our own ---------------------------------------- */

/* Checks the physical lines: CRLF only, at most 75 octets, each valid
 * UTF-8 by itself (no character cut by a fold), no empty line. */
static void check_lines(const char *s)
{
    const char *p = s;
    while (*p) {
        const char *e = strstr(p, "\r\n");
        assert_non_null(e);
        size_t n = (size_t)(e - p);
        assert_true(n > 0);
        assert_true(n <= 75);
        assert_null(memchr(p, '\n', n));
        assert_null(memchr(p, '\r', n));
        /* a line on its own decodes: no lead byte without its continuation */
        for (size_t i = 0; i < n;) {
            unsigned char c = (unsigned char)p[i];
            size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
            assert_true(len > 0);
            assert_true(i + len <= n);
            for (size_t k = 1; k < len; k++) assert_int_equal((unsigned char)p[i + k] & 0xC0, 0x80);
            i += len;
        }
        p = e + 2;
    }
}

/* Unfolds s into logical lines (a malloc'd array, NULL-terminated). */
static char **unfold(const char *s)
{
    size_t cap = 64, n = 0;
    char **lines = calloc(cap, sizeof *lines);
    const char *p = s;
    while (*p) {
        char *buf = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&buf, &len);
        for (;;) {
            const char *e = strstr(p, "\r\n");
            fwrite(p, 1, (size_t)(e - p), m);
            p = e + 2;
            if (*p != ' ') break;
            p++;
        }
        fclose(m);
        if (n + 2 > cap) lines = realloc(lines, (cap *= 2) * sizeof *lines);
        lines[n++] = buf;
        lines[n] = NULL;
    }
    return lines;
}

static void free_lines(char **l)
{
    for (size_t i = 0; l[i]; i++) free(l[i]);
    free(l);
}

static size_t count_prefix(char **l, const char *prefix)
{
    size_t n = 0;
    for (size_t i = 0; l[i]; i++) n += strncmp(l[i], prefix, strlen(prefix)) == 0;
    return n;
}

/* The value of property name (with parameters) in the VEVENT with uid. */
static const char *prop(char **l, const char *uid, const char *name)
{
    size_t i = 0, n = strlen(name);
    for (; l[i]; i++)
        if (strncmp(l[i], "UID:", 4) == 0 && strcmp(l[i] + 4, uid) == 0) break;
    if (!l[i]) return NULL;
    while (i > 0 && strcmp(l[i], "BEGIN:VEVENT") != 0) i--;
    for (; l[i] && strcmp(l[i], "END:VEVENT") != 0; i++)
        if (strncmp(l[i], name, n) == 0 && (l[i][n] == ':' || l[i][n] == ';')) return l[i] + n;
    return NULL;
}

/* What RFC 5545 asks of a calendar and of each VEVENT (3.6, 3.6.1, 3.8). */
static void check_calendar(char **l, size_t events)
{
    size_t n = 0;
    while (l[n]) n++;
    assert_true(n > 4);
    assert_string_equal(l[0], "BEGIN:VCALENDAR");
    assert_string_equal(l[n - 1], "END:VCALENDAR");
    assert_int_equal(count_prefix(l, "PRODID:"), 1);
    assert_int_equal(count_prefix(l, "VERSION:2.0"), 1);
    assert_int_equal(count_prefix(l, "NAME:"), 1);
    assert_int_equal(count_prefix(l, "X-WR-CALNAME:"), 1);
    assert_int_equal(count_prefix(l, "METHOD"), 0);
    assert_int_equal(count_prefix(l, "BEGIN:VEVENT"), events);
    assert_int_equal(count_prefix(l, "END:VEVENT"), events);
    for (size_t i = 0; l[i]; i++) {
        if (strcmp(l[i], "BEGIN:VEVENT") != 0) continue;
        int uid = 0, stamp = 0, start = 0, end = 0;
        char ds[16] = "", de[16] = "";
        for (i++; strcmp(l[i], "END:VEVENT") != 0; i++) {
            assert_true(strchr(l[i], ':') != NULL);
            if (strncmp(l[i], "UID:", 4) == 0) uid++;
            if (strncmp(l[i], "DTSTAMP:", 8) == 0) {
                stamp++;
                assert_int_equal(strlen(l[i]), 8 + 16); /* 20231114T221320Z: UTC */
                assert_int_equal(l[i][strlen(l[i]) - 1], 'Z');
            }
            if (sscanf(l[i], "DTSTART;VALUE=DATE:%8s", ds) == 1) start++;
            if (sscanf(l[i], "DTEND;VALUE=DATE:%8s", de) == 1) end++;
            assert_int_equal(strncmp(l[i], "DURATION", 8) == 0, 0);
        }
        assert_int_equal(uid, 1);
        assert_int_equal(stamp, 1);
        assert_int_equal(start, 1);
        assert_int_equal(end, 1);
        assert_true(strcmp(de, ds) > 0); /* DTEND exclusive: after DTSTART */
    }
}

/* ---- iCalendar ------------------------------------------------------------ */

static void test_format_parse(void **s)
{
    (void)s;
    assert_int_equal(annals_format_parse("ics"), ANNALS_FORMAT_ICS);
    assert_int_equal(annals_format_parse("html"), ANNALS_FORMAT_HTML);
    assert_int_equal(annals_format_parse("csv"), ANNALS_FORMAT_CSV);
    assert_int_equal(annals_format_parse("timelinejs"), ANNALS_FORMAT_TIMELINEJS);
    assert_int_equal(annals_format_parse("ical"), -1);
    annals_export x;
    memset(&x, 0x55, sizeof x);
    annals_export_init(&x);
    assert_int_equal(x.flags, 0);
    assert_null(x.title);
    assert_int_equal(x.now, -1);
    assert_int_equal(x.written + x.undated + x.unasserted, 0);
}

static void test_ics_rfc5545(void **s)
{
    (void)s;
    annals_timeline *tl = load();
    annals_export x;
    char *out = ics(tl, 0, 1700000000, &x);
    check_lines(out);
    char **l = unfold(out);
    check_calendar(l, 3);
    /* what was left out, and counted */
    assert_int_equal(x.written, 3);
    assert_int_equal(x.undated, 1);
    assert_int_equal(x.unasserted, 2);
    assert_null(prop(l, "ev-0000000000000004@annals", "UID"));
    assert_null(prop(l, "ev-0000000000000005@annals", "UID"));
    /* the calendar's name, TEXT-escaped in both properties */
    assert_int_equal(count_prefix(l, "NAME:Ankara\\, \"2021\"\\; news"), 1);
    assert_int_equal(count_prefix(l, "X-WR-CALNAME:Ankara\\, \"2021\"\\; news"), 1);

    const char *u1 = "ev-0000000000000001@annals";
    assert_string_equal(prop(l, u1, "DTSTAMP"), ":20231114T221320Z");
    assert_string_equal(prop(l, u1, "DTSTART"), ";VALUE=DATE:20210616");
    assert_string_equal(prop(l, u1, "DTEND"), ";VALUE=DATE:20210617");
    assert_string_equal(prop(l, u1, "SUMMARY"), ":Erdoğan meets Biden\\; \"cordial\"\\, a\\\\b");
    assert_string_equal(prop(l, u1, "LOCATION"), ":Brussels\\, Belgium");
    assert_string_equal(prop(l, u1, "CATEGORIES"), ":meeting");
    assert_string_equal(prop(l, u1, "STATUS"), ":CONFIRMED");
    assert_string_equal(prop(l, u1, "URL"), ":https://example.org/a?b=1,2");
    const char *d = prop(l, u1, "DESCRIPTION");
    assert_non_null(d);
    assert_non_null(strstr(d, "met Biden\\,\\nthen left\\;\\nok ."));  /* CRLF -> \n, ^A -> space */
    assert_non_null(strstr(d, "https://example.org/a?b=1\\,2"));      /* every source, with its URL */
    assert_non_null(strstr(d, "<script>alert(2)</script>"));          /* the second source */
    /* a week: its seven days; planned: TENTATIVE */
    const char *u2 = "ev-0000000000000002@annals";
    assert_string_equal(prop(l, u2, "DTSTART"), ";VALUE=DATE:20210712");
    assert_string_equal(prop(l, u2, "DTEND"), ";VALUE=DATE:20210719");
    assert_string_equal(prop(l, u2, "STATUS"), ":TENTATIVE");
    /* a month: its first day, the month named in the summary */
    const char *u3 = "ev-0000000000000003@annals";
    assert_string_equal(prop(l, u3, "DTSTART"), ";VALUE=DATE:20210601");
    assert_string_equal(prop(l, u3, "DTEND"), ";VALUE=DATE:20210602");
    assert_string_equal(prop(l, u3, "SUMMARY"), ":[June 2021] <script>alert(1)</script> & co");
    assert_null(prop(l, u3, "URL")); /* javascript: is no URL to give a calendar */
    free_lines(l);
    free(out);
    annals_timeline_free(tl);
}

static void test_ics_all_and_stable(void **s)
{
    (void)s;
    annals_timeline *tl = load();
    annals_export x;
    char *a = ics(tl, ANNALS_WRITE_ALL, 1700000000, &x);
    assert_int_equal(x.written, 5);
    assert_int_equal(x.unasserted, 0);
    check_lines(a);
    char **l = unfold(a);
    check_calendar(l, 5);
    assert_string_equal(prop(l, "ev-0000000000000005@annals", "STATUS"), ":CANCELLED");
    assert_string_equal(prop(l, "ev-0000000000000005@annals", "SUMMARY"), ":[negated] no deal");
    assert_string_equal(prop(l, "ev-0000000000000004@annals", "STATUS"), ":TENTATIVE");
    assert_string_equal(prop(l, "ev-0000000000000004@annals", "SUMMARY"),
                        ":[hypothetical] [2022] talks may resume");
    free_lines(l);
    /* the same timeline later: only DTSTAMP differs, so UIDs stay */
    char *b = ics(tl, ANNALS_WRITE_ALL, 1800000000, NULL);
    assert_string_not_equal(a, b);
    char *p = a, *q = b;
    while ((p = strstr(p, "DTSTAMP:")) != NULL) {
        q = strstr(q, "DTSTAMP:");
        memcpy(p, q, 24);
        p += 8;
        q += 8;
    }
    assert_string_equal(a, b);
    /* annals_write: the same export with its flags */
    char *buf;
    size_t n;
    FILE *m = open_memstream(&buf, &n);
    annals_error err;
    assert_int_equal(annals_write(tl, ANNALS_FORMAT_ICS, ANNALS_WRITE_ALL, m, &err), 0);
    fclose(m);
    l = unfold(buf);
    check_calendar(l, 5);
    free_lines(l);
    free(buf);
    free(a);
    free(b);
    annals_timeline_free(tl);
}

/* Nothing to export: a calendar still, with no event; a page that says so. */
static void test_empty(void **s)
{
    (void)s;
    annals_timeline *tl = annals_timeline_new();
    annals_export x;
    char *out = ics(tl, 0, 0, &x);
    assert_string_equal(strstr(out, "X-WR-CALNAME"), "X-WR-CALNAME:Ankara\\, \"2021\"\\; news\r\nEND:VCALENDAR\r\n");
    assert_int_equal(x.written + x.undated + x.unasserted, 0);
    free(out);
    annals_export_init(&x);
    out = export(tl, ANNALS_FORMAT_HTML, &x);
    assert_non_null(strstr(out, "<p>No events.</p>"));
    free(out);
    annals_timeline_free(tl);
}

/* libical reads back exactly the text we gave: the escaping is right. */
static void test_ics_libical_reads_back(void **s)
{
    (void)s;
    annals_timeline *tl = load();
    char *out = ics(tl, 0, 1700000000, NULL);
    icalcomponent *cal = icalparser_parse_string(out);
    assert_non_null(cal);
    size_t seen = 0;
    for (icalcomponent *v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); v;
         v = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        seen++;
        if (strcmp(icalcomponent_get_uid(v), "ev-0000000000000001@annals") != 0) continue;
        assert_string_equal(icalcomponent_get_summary(v), "Erdoğan meets Biden; \"cordial\", a\\b");
        const char *d = icalcomponent_get_description(v);
        assert_non_null(strstr(d, "ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ€€€€€€€€€€€€€€€€€€€€€€€€€€𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞"));
        assert_non_null(strstr(d, "met Biden,\nthen left;\nok ."));
        struct icaltimetype st = icalcomponent_get_dtstart(v);
        assert_true(st.is_date);
        assert_int_equal(st.year * 10000 + st.month * 100 + st.day, 20210616);
    }
    assert_int_equal(seen, 3);
    icalcomponent_free(cal);
    free(out);
    annals_timeline_free(tl);
}

/* Folding alone: 75 octets, never inside a character, and it unfolds back. */
static void test_ics_fold(void **s)
{
    (void)s;
    const char *pieces[] = {"a", "é", "€", "𝄞"};
    for (size_t k = 0; k < 4; k++) {
        for (size_t lead = 0; lead < 5; lead++) {
            char line[1200] = "SUMMARY:";
            for (size_t i = 0; i < lead; i++) strcat(line, "x");
            for (int i = 0; i < 60; i++) strcat(line, pieces[k]);
            char in[1300];
            snprintf(in, sizeof in, "%s\nEND:X\n", line); /* LF ends, as a careless writer */
            char *buf;
            size_t n;
            FILE *m = open_memstream(&buf, &n);
            assert_int_equal(wr_ics_put(m, in), 0);
            fclose(m);
            check_lines(buf);
            char **l = unfold(buf);
            assert_string_equal(l[0], line);
            assert_string_equal(l[1], "END:X");
            assert_null(l[2]);
            free_lines(l);
            free(buf);
        }
    }
    /* a line that libical already folded is unfolded first, not folded twice */
    char *buf;
    size_t n;
    FILE *m = open_memstream(&buf, &n);
    assert_int_equal(wr_ics_put(m, "A:1\r\n 2\r\n\t3\r\n"), 0);
    fclose(m);
    assert_string_equal(buf, "A:123\r\n");
    free(buf);
}

/* ---- CSV ------------------------------------------------------------------ */

/* An RFC 4180 reader: rows of fields, NULL-terminated; CRLF row ends. */
static char ***csv_parse(const char *s, size_t *rows)
{
    char ***r = calloc(64, sizeof *r);
    *rows = 0;
    while (*s) {
        char **f = calloc(32, sizeof *f);
        size_t nf = 0;
        for (;;) {
            char *buf;
            size_t n;
            FILE *m = open_memstream(&buf, &n);
            if (*s == '"') {
                for (s++;; s++) {
                    if (*s == '"' && s[1] == '"') { fputc('"', m); s++; }
                    else if (*s == '"') { s++; break; }
                    else { assert_true(*s != '\0'); fputc(*s, m); }
                }
            } else {
                while (*s && *s != ',' && *s != '\r') {
                    assert_true(*s != '"' && *s != '\n');
                    fputc(*s++, m);
                }
            }
            fclose(m);
            f[nf++] = buf;
            if (*s == ',') { s++; continue; }
            assert_true(s[0] == '\r' && s[1] == '\n');
            s += 2;
            break;
        }
        r[(*rows)++] = f;
    }
    return r;
}

static void test_csv(void **s)
{
    (void)s;
    annals_timeline *tl = load();
    annals_export x;
    annals_export_init(&x);
    char *out = export(tl, ANNALS_FORMAT_CSV, &x);
    assert_int_equal(x.written, 6); /* every event, dated or not */
    /* no options: the defaults, the same file */
    char *buf;
    size_t bn;
    FILE *m = open_memstream(&buf, &bn);
    annals_error err;
    assert_int_equal(annals_export_write(tl, ANNALS_FORMAT_CSV, NULL, m, &err), 0);
    fclose(m);
    assert_string_equal(buf, out);
    free(buf);
    size_t rows;
    char ***r = csv_parse(out, &rows);
    assert_int_equal(rows, 7);
    const char *cols[] = {"id", "date", "date_end", "precision", "type", "cameo", "plover", "actors",
                          "actor_countries", "targets", "target_countries", "location", "country",
                          "modality", "summary", "sentence", "sources", "urls"};
    for (size_t i = 0; i < 18; i++) assert_string_equal(r[0][i], cols[i]);
    for (size_t i = 0; i < rows; i++) {
        size_t n = 0;
        while (r[i][n]) n++;
        assert_int_equal(n, 18);
    }
    assert_string_equal(r[1][0], "ev-0000000000000003");
    assert_string_equal(r[1][2], "2021-06-30");
    assert_string_equal(r[1][3], "month");
    assert_string_equal(r[2][0], "ev-0000000000000001");
    assert_string_equal(r[2][1], "2021-06-16");
    assert_string_equal(r[2][7], "Recep Tayyip Erdoğan");
    assert_string_equal(r[2][8], "TUR");
    assert_string_equal(r[2][11], "Brussels, Belgium");
    assert_string_equal(r[2][12], "BEL");
    assert_string_equal(r[2][14], "Erdoğan meets Biden; \"cordial\", a\\b");
    assert_non_null(strstr(r[2][15], "met Biden,\nthen left;"));
    assert_string_equal(r[2][16], "Wire; d2");
    assert_string_equal(r[2][17], "https://example.org/a?b=1,2; javascript:alert(1)");
    assert_string_equal(r[3][13], "negated");
    /* a formula is not run by a spreadsheet */
    assert_string_equal(r[4][14], "'=HYPERLINK(evil)");
    assert_string_equal(r[6][1], "");
    assert_string_equal(r[6][13], "asserted");
    for (size_t i = 0; i < rows; i++) {
        for (size_t j = 0; r[i][j]; j++) free(r[i][j]);
        free(r[i]);
    }
    free(r);
    free(out);
    annals_timeline_free(tl);
}

/* ---- HTML ----------------------------------------------------------------- */

static void test_html(void **s)
{
    (void)s;
    annals_timeline *tl = load();
    annals_export x;
    annals_export_init(&x);
    x.title = "A & B <1>";
    char *out = export(tl, ANNALS_FORMAT_HTML, &x);
    assert_int_equal(x.written, 6);
    /* every event, by its id */
    for (int i = 1; i <= 6; i++) {
        char id[40];
        snprintf(id, sizeof id, "id=\"ev-000000000000000%d\"", i);
        assert_non_null(strstr(out, id));
    }
    /* escaped: no markup from the input */
    assert_null(strstr(out, "<script>alert"));
    assert_non_null(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    assert_non_null(strstr(out, "<title>A &amp; B &lt;1&gt;</title>"));
    assert_null(strstr(out, "javascript:"));
    assert_non_null(strstr(out, "<a href=\"https://example.org/a?b=1,2\""));
    /* self-contained: loads nothing, and says so to the browser */
    assert_non_null(strstr(out, "Content-Security-Policy\" content=\"default-src 'none'"));
    assert_null(strstr(out, "<link"));
    assert_null(strstr(out, " src="));
    assert_null(strstr(out, "url("));
    assert_null(strstr(out, "@import"));
    /* grouped by month, coarse periods and the undated apart; modality shown */
    const char *g[] = {"<h2>June 2021</h2>", "<h2>July 2021</h2>", "<h2>2022</h2>", "<h2>Undated</h2>"};
    const char *prev = out;
    for (size_t i = 0; i < 4; i++) {
        const char *h = strstr(out, g[i]);
        assert_non_null(h);
        assert_true(h > prev);
        prev = h;
    }
    assert_non_null(strstr(out, "<span class=\"badge mod\">planned</span>"));
    assert_non_null(strstr(out, "month precision, 2021-06-01 to 2021-06-30"));
    assert_non_null(strstr(out, "data-actors=\"Recep Tayyip Erdoğan|Joe Biden\""));
    assert_non_null(strstr(out, "<option value=\"Joe Biden\">Joe Biden (1)</option>"));
    free(out);
    annals_timeline_free(tl);
}

/* ---- TimelineJS and labels ---------------------------------------------- */

static void test_timelinejs(void **s)
{
    (void)s;
    annals_timeline *tl = load();
    annals_export x;
    annals_export_init(&x);
    char *out = export(tl, ANNALS_FORMAT_TIMELINEJS, &x);
    assert_int_equal(x.written, 3);
    assert_int_equal(x.undated, 1);
    assert_int_equal(x.unasserted, 2);
    json_error_t je;
    json_t *root = json_loads(out, 0, &je);
    assert_non_null(root);
    json_t *ev = json_object_get(root, "events");
    assert_int_equal(json_array_size(ev), 3);
    json_t *month = json_array_get(ev, 0), *day = json_array_get(ev, 1), *week = json_array_get(ev, 2);
    assert_string_equal(json_string_value(json_object_get(day, "unique_id")), "ev-0000000000000001");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(day, "start_date"), "day")), 16);
    assert_null(json_object_get(json_object_get(month, "start_date"), "day"));
    assert_int_equal(json_integer_value(json_object_get(json_object_get(month, "start_date"), "month")), 6);
    assert_null(json_object_get(month, "end_date"));
    assert_int_equal(json_integer_value(json_object_get(json_object_get(week, "end_date"), "day")), 18);
    const char *text = json_string_value(json_object_get(json_object_get(month, "text"), "headline"));
    /* TimelineJS takes headlines and slide text as HTML */
    assert_string_equal(text, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
    const char *body = json_string_value(json_object_get(json_object_get(day, "text"), "text"));
    assert_non_null(strstr(body, "&lt;script&gt;alert(2)"));
    assert_null(strstr(out, "<script"));
    json_decref(root);
    free(out);
    annals_timeline_free(tl);
}

static void test_date_label(void **s)
{
    (void)s;
    struct { const char *value, *precision, *start, *end, *want; } c[] = {
        {"2021-06-16", "day", "2021-06-16", "2021-06-16", "16 June 2021"},
        {"2021-W28", "week", "2021-07-12", "2021-07-18", "week of 12 July 2021"},
        {"2021-06", "month", "2021-06-01", "2021-06-30", "June 2021"},
        {"2021-Q3", "quarter", "2021-07-01", "2021-09-30", "Q3 2021"},
        {"2021-SU", "season", "2021-06-01", "2021-08-31", "summer 2021"},
        {"2021", "year", "2021-01-01", "2021-12-31", "2021"},
        {"202", "decade", "2020-01-01", "2029-12-31", "the 2020s"},
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        tl_date d = {.precision = c[i].precision};
        snprintf(d.value, sizeof d.value, "%s", c[i].value);
        memcpy(d.start, c[i].start, 11);
        memcpy(d.end, c[i].end, 11);
        char buf[64];
        wr_date_label(&d, buf, sizeof buf);
        assert_string_equal(buf, c[i].want);
    }
    assert_true(wr_url_ok("https://example.org/x?a=1"));
    assert_false(wr_url_ok("javascript:alert(1)"));
    assert_false(wr_url_ok("https://a b"));
    assert_false(wr_url_ok(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_parse),
        cmocka_unit_test(test_ics_rfc5545),
        cmocka_unit_test(test_ics_all_and_stable),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_ics_libical_reads_back),
        cmocka_unit_test(test_ics_fold),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_timelinejs),
        cmocka_unit_test(test_date_label),
    };
    return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
