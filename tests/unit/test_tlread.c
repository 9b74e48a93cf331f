/* Reading timelines back: round trips and errors. */
#include "testutil.h"
#include "annals/annals.h"
#include "timeline/timeline.h"

TU_GRAMMARS

static char *write_str(annals_timeline *tl, annals_format f)
{
    char *buf;
    size_t n;
    FILE *m = open_memstream(&buf, &n);
    annals_error err;
    assert_int_equal(annals_write(tl, f, 0, m, &err), 0);
    fclose(m);
    return buf;
}

static annals_timeline *read_str(const char *s, annals_error *err, int *rc)
{
    annals_timeline *tl = annals_timeline_new();
    FILE *f = fmemopen((void *)s, strlen(s), "r");
    *rc = annals_timeline_read(tl, f, "t.json", err);
    fclose(f);
    return tl;
}

static void test_round_trip(void **s)
{
    (void)s;
    const char *text = "GENEVA, June 16, 2021 (Wire) - Russian President Vladimir Putin met "
                       "Joe Biden in Geneva on Wednesday. Taliban fighters seized Spin Boldak.";
    annals_timeline *tl = annals_timeline_new();
    annals_options o;
    annals_options_init(&o);
    annals_error err;
    annals_article a = {.id = "g1", .text = text, .text_len = strlen(text), .url = "https://example.org/g1"};
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), 0);
    annals_timeline_sort(tl);
    assert_true(tl->nev >= 2);
    for (int f = 0; f < 2; f++) {
        char *one = write_str(tl, (annals_format)f);
        int rc;
        annals_timeline *back = read_str(one, &err, &rc);
        assert_int_equal(rc, 0);
        assert_int_equal(back->nev, tl->nev);
        char *two = write_str(back, (annals_format)f);
        if (f == ANNALS_FORMAT_JSON) assert_string_equal(one, two); /* byte for byte */
        else assert_string_equal(one, two);
        free(one);
        free(two);
        annals_timeline_free(back);
    }
    annals_timeline_free(tl);
}

static void test_errors(void **s)
{
    (void)s;
    annals_error err;
    int rc;
    struct { const char *in, *want; } cases[] = {
        {"{\"format\": \"other/2\", \"documents\": [], \"events\": []}", "t.json: not an annals/1 timeline"},
        {"{\"format\": \"annals/1\", \"documents\": [], \"events\": [{\"id\": \"ev-1\", \"type\": \"picnic\"}]}",
         "t.json: events[0]: \"type\" is \"picnic\", not one of the 18 event types"},
        {"{\"format\": \"annals/1\",\n \"documents\": [}", "t.json:2:"},
        {"{\"id\": \"ev-1\", \"type\": \"meeting\", \"modality\": \"asserted\", \"mentions\": []}\n",
         "t.json:1: an event needs a non-empty \"mentions\" list"},
        {"{\"id\":\"ev-1\",\"type\":\"meeting\",\"modality\":\"asserted\",\"mentions\":[{\"doc\":\"a\",\"start\":1,\"end\":2}]}\nnot json\n",
         "t.json:2: invalid JSON"},
        {"{\"id\":\"ev-1\",\"type\":\"meeting\",\"modality\":\"sure\",\"mentions\":[{\"doc\":\"a\",\"start\":1,\"end\":2}]}\n",
         "t.json:1: \"modality\" is not"},
        {"{\"id\":\"ev-1\",\"type\":\"meeting\",\"modality\":\"asserted\",\"date\":{\"value\":\"2021-02-30\",\"precision\":\"day\",\"start\":\"2021-02-30\",\"end\":\"2021-02-30\"},\"mentions\":[{\"doc\":\"a\",\"start\":1,\"end\":2}]}\n",
         "t.json:1: \"date\" needs value, precision and valid start <= end"},
        {"{\"id\":\"ev-1\",\"type\":\"meeting\",\"modality\":\"asserted\",\"mentions\":[{\"doc\":\"a\",\"start\":5,\"end\":2}]}\n",
         "t.json:1: mentions[0] needs \"doc\" and 0 <= start <= end"},
        /* what could not be kept is an error, never dropped */
        {"{\"format\": \"annals/1\", \"documents\": [{\"id\": \"a\", \"dct\": \"99999-01-01\"}], \"events\": []}",
         "t.json: documents[0]: \"dct\" is not a date YYYY-MM-DD from 1800 to 2200"},
        {"{\"format\": \"annals/1\", \"documents\": [{\"id\": \"a\", \"dct\": \"2021-02-30\"}], \"events\": []}",
         "t.json: documents[0]: \"dct\" is not a date"},
        {"{\"format\": \"annals/1\", \"documents\": [{\"id\": \"a\", \"dct_from\": \"oracle\"}], \"events\": []}",
         "t.json: documents[0]: \"dct_from\" is not option, metadata, text or none"},
        {"{\"id\":\"ev-1\",\"type\":\"meeting\",\"modality\":\"asserted\",\"actors\":[{\"name\":\"X\",\"kind\":\"emperor\"}],\"mentions\":[{\"doc\":\"a\",\"start\":1,\"end\":2}]}\n",
         "t.json:1: actors[0]: \"kind\" is not person, state"},
        {"{\"id\":\"ev-1\",\"type\":\"meeting\",\"modality\":\"asserted\",\"targets\":[{\"name\":\"X\",\"country\":\"Ruritania\"}],\"mentions\":[{\"doc\":\"a\",\"start\":1,\"end\":2}]}\n",
         "t.json:1: targets[0]: \"country\" is not a three-letter code"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        annals_timeline *tl = read_str(cases[i].in, &err, &rc);
        assert_int_equal(rc, -1);
        if (strncmp(err.message, cases[i].want, strlen(cases[i].want)) != 0) {
            fprintf(stderr, "case %zu: got %s\n", i, err.message);
            fail();
        }
        annals_timeline_free(tl);
    }
}

static void test_jsonl_documents_by_id(void **s)
{
    (void)s;
    const char *in =
        "{\"id\":\"ev-1\",\"type\":\"meeting\",\"modality\":\"asserted\",\"mentions\":[{\"doc\":\"a\",\"start\":1,\"end\":2}]}\n"
        "\n"
        "{\"id\":\"ev-2\",\"type\":\"attack\",\"modality\":\"planned\",\"mentions\":[{\"doc\":\"a\",\"start\":3,\"end\":9},{\"doc\":\"b\",\"start\":0,\"end\":1}]}\n";
    annals_error err;
    int rc;
    annals_timeline *tl = read_str(in, &err, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(annals_timeline_events(tl), 2);
    assert_int_equal(annals_timeline_documents(tl), 2); /* a and b, once each */
    assert_string_equal(annals_timeline_document_id(tl, 1), "b");
    annals_timeline_free(tl);
}

/* ANNALS_WRITE_DOCUMENTS: JSON Lines that carry the documents, whole,
 * and the documents without events; read back, written as JSON, they
 * give the document the JSON form gives. */
static void test_jsonl_document_lines(void **s)
{
    (void)s;
    annals_error err;
    annals_timeline *tl = annals_timeline_new();
    const char *a = "GENEVA, June 16, 2021 (Reuters) - Vladimir Putin met Joe Biden in Geneva on Wednesday.";
    annals_options opt;
    annals_options_init(&opt);
    annals_article art = {.id = "geneva", .text = a, .text_len = strlen(a), .title = "Summit", .url = "http://x"};
    assert_int_equal(annals_extract(G, &art, &opt, tl, &err), 0);
    annals_article empty = {.id = "quiet", .text = "Nothing happened.", .text_len = 17, .published = "2021-06-17"};
    assert_int_equal(annals_extract(G, &empty, &opt, tl, &err), 0);
    annals_timeline_sort(tl);
    char *buf;
    size_t n;
    FILE *m = open_memstream(&buf, &n);
    assert_int_equal(annals_write(tl, ANNALS_FORMAT_JSONL, ANNALS_WRITE_DOCUMENTS, m, &err), 0);
    fclose(m);
    assert_memory_equal(buf, "{\"document\": {\"id\": \"geneva\", ", 30);
    assert_non_null(strstr(buf, "\n{\"document\": {\"id\": \"quiet\", \"source\": null, \"title\": null, \"url\": null, "
                                "\"dct\": \"2021-06-17\", \"dct_from\": \"metadata\"}}\n"));
    int rc;
    annals_timeline *back = read_str(buf, &err, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(annals_timeline_documents(back), 2);
    char *j1 = write_str(tl, ANNALS_FORMAT_JSON), *j2 = write_str(back, ANNALS_FORMAT_JSON);
    assert_string_equal(j1, j2);
    /* without the flag: events alone, as before */
    free(buf);
    buf = write_str(tl, ANNALS_FORMAT_JSONL);
    assert_null(strstr(buf, "\"document\""));
    /* a document line after its events fills in what they lacked */
    free(j2);
    annals_timeline_free(back);
    const char *late = "{\"id\":\"ev-1\",\"type\":\"meeting\",\"modality\":\"asserted\",\"mentions\":[{\"doc\":\"a\",\"start\":1,\"end\":2}]}\n"
                       "{\"document\": {\"id\": \"a\", \"title\": \"T\", \"dct\": \"2020-01-03\", \"dct_from\": \"text\"}}\n";
    back = read_str(late, &err, &rc);
    assert_int_equal(rc, 0);
    j2 = write_str(back, ANNALS_FORMAT_JSON);
    assert_non_null(strstr(j2, "{\"id\": \"a\", \"source\": null, \"title\": \"T\", \"url\": null, \"dct\": \"2020-01-03\", \"dct_from\": \"text\"}"));
    annals_timeline_free(back);
    /* a document line without an id is an error named by line */
    back = read_str("{\"document\": {\"title\": \"T\"}}\n", &err, &rc);
    assert_int_equal(rc, -1);
    assert_string_equal(err.message, "t.json:1: a \"document\" needs a string \"id\"");
    annals_timeline_free(back);
    free(j1);
    free(j2);
    free(buf);
    annals_timeline_free(tl);
}

/* However many participants an event has, all are read (a merged event
 * gathers many). */
static void test_many_parties(void **s)
{
    (void)s;
    char *in = malloc(20000);
    strcpy(in, "{\"id\":\"ev-1\",\"type\":\"meeting\",\"modality\":\"asserted\",\"actors\":[");
    for (int i = 0; i < 100; i++)
        sprintf(in + strlen(in), "%s{\"name\":\"P%d\",\"country\":null,\"kind\":\"person\"}", i ? "," : "", i);
    strcat(in, "],\"mentions\":[{\"doc\":\"a\",\"start\":1,\"end\":2}]}\n");
    annals_error err;
    int rc;
    annals_timeline *tl = read_str(in, &err, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(tl->ev[0].nactors, 100);
    assert_string_equal(tl->ev[0].actors[99].name, "P99");
    annals_timeline_free(tl);
    free(in);
}


/* Lenient reading: each bad line reported and skipped, the rest read; a
 * broken first line is a bad record, not a broken document. */
static char warned[4][300];
static int nwarned;
static void collect(void *ctx, const char *msg)
{
    (void)ctx;
    if (nwarned < 4) snprintf(warned[nwarned], sizeof warned[0], "%s", msg);
    nwarned++;
}

static void test_lenient(void **s)
{
    (void)s;
    const char *ev = "{\"id\":\"ev-%d\",\"type\":\"meeting\",\"modality\":\"asserted\",\"mentions\":[{\"doc\":\"a\",\"start\":%d,\"end\":%d}]}\n";
    char in[2048];
    int k = 0;
    k += snprintf(in + k, sizeof in - k, "{\"id\": broken}\n");
    k += snprintf(in + k, sizeof in - k, ev, 1, 10, 20);
    k += snprintf(in + k, sizeof in - k, "{\"id\":\"ev-9\",\"type\":\"picnic\",\"modality\":\"asserted\",\"mentions\":[]}\n");
    k += snprintf(in + k, sizeof in - k, ev, 2, 30, 40);
    annals_error err;
    annals_timeline *tl = annals_timeline_new();
    FILE *f = fmemopen(in, strlen(in), "r");
    nwarned = 0;
    assert_int_equal(annals_timeline_read_lenient(tl, f, "t.jsonl", collect, NULL, &err), 2);
    fclose(f);
    assert_int_equal(annals_timeline_events(tl), 2);
    assert_int_equal(nwarned, 2);
    assert_non_null(strstr(warned[0], "t.jsonl:1: invalid JSON"));
    assert_non_null(strstr(warned[1], "t.jsonl:3:"));
    annals_timeline_free(tl);
    /* the strict reader stops at the first */
    int rc;
    tl = read_str(in, &err, &rc);
    assert_int_equal(rc, -1);
    annals_timeline_free(tl);
    /* a broken document is still one error */
    tl = annals_timeline_new();
    const char *doc = "{\"format\": \"annals/1\",\n \"documents\": [}\n";
    f = fmemopen((void *)doc, strlen(doc), "r");
    nwarned = 0;
    assert_int_equal(annals_timeline_read_lenient(tl, f, "t.json", collect, NULL, &err), -1);
    assert_non_null(strstr(err.message, "t.json:2:"));
    assert_int_equal(nwarned, 0);
    fclose(f);
    /* no warn function: a usage error */
    assert_int_equal(annals_timeline_read_lenient(tl, stdin, "x", NULL, NULL, &err), -1);
    assert_int_equal(err.code, ANNALS_ERR_USAGE);
    annals_timeline_free(tl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_round_trip), cmocka_unit_test(test_errors),
                                       cmocka_unit_test(test_jsonl_documents_by_id),
                                       cmocka_unit_test(test_jsonl_document_lines),
                                       cmocka_unit_test(test_many_parties),
                                       cmocka_unit_test(test_lenient)};
    return cmocka_run_group_tests_name("tlread", tests, tu_setup, tu_teardown);
}
