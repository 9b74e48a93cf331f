/* The public API: grammars, options, extract, timeline, write. */
#include "testutil.h"
#include <jansson.h>
#include "annals/annals.h"
#include "timeline/timeline.h"
#include "write/write.h"

TU_GRAMMARS

static void test_version_and_options(void **s)
{
    (void)s;
    assert_string_equal(annals_version(), "0.1.0");
    annals_options o;
    memset(&o, 0x55, sizeof o);
    annals_options_init(&o);
    assert_null(o.dct);
    assert_int_equal(o.date_order, ANNALS_DATE_MDY);
    assert_int_equal(o.want_timexes, 0);
    assert_int_equal(o.no_events, 0);
    assert_true(annals_date_valid("2024-02-29"));
    assert_false(annals_date_valid("2021-02-30"));
    assert_false(annals_date_valid("yesterday"));
    assert_false(annals_date_valid(NULL));
    int y, m, d;
    assert_true(annals_published_date("2021-07-18T10:00:00Z", &y, &m, &d));
    assert_int_equal(y * 10000 + m * 100 + d, 20210718);
    assert_false(annals_published_date("0001-11-30", &y, &m, &d)); /* a placeholder */
    assert_false(annals_published_date("2021-13-01", &y, &m, &d));
    assert_false(annals_published_date(NULL, NULL, NULL, NULL));
    assert_int_equal(annals_format_parse("json"), ANNALS_FORMAT_JSON);
    assert_int_equal(annals_format_parse("jsonl"), ANNALS_FORMAT_JSONL);
    assert_int_equal(annals_format_parse("xml"), -1);
    assert_int_equal(annals_format_parse(NULL), -1);
}

static void test_dct_precedence(void **s)
{
    (void)s;
    const char *text = "Headline\n\nBy Jane Doe | July 18, 2021\n\nBody text.";
    annals_timeline *tl = annals_timeline_new();
    annals_options o;
    annals_options_init(&o);
    annals_error err;
    annals_article a = {.id = "x", .text = text, .text_len = strlen(text)};
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), 0);      /* text */
    a.published = "2021-07-19T08:00:00Z";
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), 0);      /* metadata */
    o.dct = "2021-07-20";
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), 0);      /* option */
    a.text = "no date here";
    a.text_len = 12;
    a.published = "not a date";
    o.dct = NULL;
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), 0);      /* none */
    assert_int_equal(annals_timeline_documents(tl), 4);
    const char *from, *want[4][2] = {{"2021-07-18", "text"}, {"2021-07-19", "metadata"},
                                     {"2021-07-20", "option"}, {NULL, "none"}};
    const char *ids[4] = {"x", "x-2", "x-3", "x-4"};
    for (size_t i = 0; i < 4; i++) {
        const char *d = annals_timeline_document_dct(tl, i, &from);
        if (want[i][0]) assert_string_equal(d, want[i][0]);
        else assert_null(d);
        assert_string_equal(from, want[i][1]);
        assert_string_equal(annals_timeline_document_id(tl, i), ids[i]);
    }
    assert_null(annals_timeline_document_id(tl, 4));
    assert_null(annals_timeline_document_dct(tl, 4, &from));
    assert_int_equal(annals_timeline_events(tl), 0);
    o.dct = "2021-02-30";
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), -1);
    assert_int_equal(err.code, ANNALS_ERR_USAGE);
    assert_non_null(strstr(err.message, "2021-02-30"));
    assert_int_equal(annals_extract(G, NULL, &o, tl, &err), -1);
    annals_timeline_free(tl);
    annals_timeline_free(NULL);
    annals_grammars_free(NULL);
}

/* Writes tl to a memory buffer and parses it back. */
static json_t *round_trip(annals_timeline *tl, annals_format f, int flags, char **raw)
{
    size_t n;
    FILE *m = open_memstream(raw, &n);
    annals_error err;
    assert_int_equal(annals_write(tl, f, flags, m, &err), 0);
    fclose(m);
    if (f == ANNALS_FORMAT_JSONL) return NULL;
    json_error_t je;
    json_t *j = json_loads(*raw, 0, &je);
    assert_non_null(j);
    return j;
}

static void test_write_json(void **s)
{
    (void)s;
    annals_timeline *tl = annals_timeline_new();
    annals_options o;
    annals_options_init(&o);
    annals_error err;
    /* invalid UTF-8 in a title must still give valid JSON */
    annals_article a = {.id = "d\xff", .text = "t", .text_len = 1, .title = "Caf\xe9 news",
                        .url = "https://example.org/a", .published = "2020-01-02"};
    assert_int_equal(annals_extract(G, &a, &o, tl, &err), 0);
    char *raw;
    json_t *j = round_trip(tl, ANNALS_FORMAT_JSON, 0, &raw);
    assert_string_equal(json_string_value(json_object_get(j, "format")), "annals/1");
    assert_string_equal(json_string_value(json_object_get(j, "generator")), "annals 0.1.0");
    json_t *doc = json_array_get(json_object_get(j, "documents"), 0);
    assert_string_equal(json_string_value(json_object_get(doc, "id")), "d\xEF\xBF\xBD");
    assert_string_equal(json_string_value(json_object_get(doc, "title")), "Caf\xEF\xBF\xBD news");
    assert_string_equal(json_string_value(json_object_get(doc, "url")), "https://example.org/a");
    assert_true(json_is_null(json_object_get(doc, "source")));
    assert_string_equal(json_string_value(json_object_get(doc, "dct")), "2020-01-02");
    assert_string_equal(json_string_value(json_object_get(doc, "dct_from")), "metadata");
    assert_true(json_is_array(json_object_get(j, "events")));
    assert_null(json_object_get(j, "timexes"));
    json_decref(j);
    free(raw);

    /* timexes: in JSON with the flag, and alone in JSON Lines for `dates` */
    const char *text = "On June 16 they met.";
    assert_int_equal(tl_add_timex(tl, 0, text, 3, 10, "DATE", "2020-06-16"), 0);
    assert_int_equal(annals_timeline_timexes(tl), 1);
    j = round_trip(tl, ANNALS_FORMAT_JSON, ANNALS_WRITE_TIMEXES, &raw);
    json_t *tx = json_array_get(json_object_get(j, "timexes"), 0);
    assert_string_equal(json_string_value(json_object_get(tx, "text")), "June 16");
    assert_int_equal(json_integer_value(json_object_get(tx, "start")), 3);
    assert_int_equal(json_integer_value(json_object_get(tx, "end")), 10);
    assert_string_equal(json_string_value(json_object_get(tx, "value")), "2020-06-16");
    json_decref(j);
    free(raw);
    j = round_trip(tl, ANNALS_FORMAT_JSON, ANNALS_WRITE_TIMEXES_ONLY, &raw);
    assert_null(json_object_get(j, "events"));
    assert_int_equal(json_array_size(json_object_get(j, "timexes")), 1);
    json_decref(j);
    free(raw);
    round_trip(tl, ANNALS_FORMAT_JSONL, ANNALS_WRITE_TIMEXES_ONLY, &raw);
    assert_non_null(strstr(raw, "\"value\": \"2020-06-16\"}\n"));
    assert_null(strchr(strchr(raw, '\n') + 1, '\n')); /* one line */
    free(raw);
    round_trip(tl, ANNALS_FORMAT_JSONL, 0, &raw); /* no events: nothing */
    assert_string_equal(raw, "");
    free(raw);

    FILE *m = fopen("/dev/null", "w");
    assert_int_equal(annals_write(tl, (annals_format)9, 0, m, &err), -1);
    assert_int_equal(err.code, ANNALS_ERR_USAGE);
    fclose(m);
    annals_timeline_free(tl);
}

static void test_many_ids(void **s)
{
    (void)s;
    annals_timeline *tl = annals_timeline_new();
    for (int i = 0; i < 1000; i++) assert_true(tl_add_document(tl, "same", NULL, NULL, NULL) >= 0);
    assert_string_equal(annals_timeline_document_id(tl, 999), "same-1000");
    assert_int_equal(tl_add_document(tl, "same-5", NULL, NULL, NULL), 1000);
    assert_string_equal(annals_timeline_document_id(tl, 1000), "same-5-2");
    assert_int_equal(tl_add_document(tl, NULL, NULL, NULL, NULL), 1001);
    assert_string_equal(annals_timeline_document_id(tl, 1001), "doc");
    annals_timeline_free(tl);
}

/* Claimed ids and appending: what the threads of --jobs rely on. */
static void test_claim_and_append(void **s)
{
    (void)s;
    annals_timeline *dst = annals_timeline_new();
    annals_error err;
    assert_int_equal(tl_add_document(dst, "a", NULL, NULL, NULL), 0);
    const char *c1 = annals_timeline_claim_id(dst, "a");   /* taken: a-2 */
    const char *c2 = annals_timeline_claim_id(dst, "b");
    const char *c3 = annals_timeline_claim_id(dst, "a");   /* a-2 is claimed: a-3 */
    assert_string_equal(c1, "a-2");
    assert_string_equal(c2, "b");
    assert_string_equal(c3, "a-3");
    annals_options o;
    annals_options_init(&o);
    o.want_timexes = 1;
    const char *ids[] = {c2, c1};
    for (int i = 0; i < 2; i++) {
        annals_timeline *one = annals_timeline_new();
        const char *t = "On June 16, 2021, Vladimir Putin met Joe Biden in Geneva.";
        annals_article a = {.id = ids[i], .text = t, .text_len = strlen(t), .published = "2021-07-18"};
        assert_int_equal(annals_extract(G, &a, &o, one, &err), 0);
        assert_int_equal(annals_timeline_append(dst, one, &err), 0);
        annals_timeline_free(one);
    }
    assert_int_equal(annals_timeline_documents(dst), 3);
    assert_string_equal(annals_timeline_document_id(dst, 1), "b");   /* kept their claims */
    assert_string_equal(annals_timeline_document_id(dst, 2), "a-2");
    const char *from;
    assert_string_equal(annals_timeline_document_dct(dst, 2, &from), "2021-07-18");
    assert_string_equal(from, "metadata");
    assert_true(annals_timeline_events(dst) >= 2);
    assert_true(annals_timeline_timexes(dst) >= 2);
    /* every event's mentions point at the documents they came from */
    for (size_t i = 0; i < dst->nev; i++)
        assert_true(dst->ev[i].mentions[0].doc == 1 || dst->ev[i].mentions[0].doc == 2);
    /* an unclaimed id that collides is made unique as usual */
    annals_timeline *one = annals_timeline_new();
    annals_article a = {.id = "b", .text = "x", .text_len = 1};
    assert_int_equal(annals_extract(G, &a, &o, one, &err), 0);
    assert_int_equal(annals_timeline_append(dst, one, &err), 0);
    assert_string_equal(annals_timeline_document_id(dst, 3), "b-2");
    annals_timeline_free(one);
    annals_timeline_free(dst);
}

/* Two triggers of one event in one sentence are one mention. */
static void test_dedup_mentions(void **s)
{
    (void)s;
    annals_timeline *tl = annals_timeline_new();
    tl_mention m[3] = {{0, 0, 10, "S", "strike", NULL}, {0, 0, 10, "S", "strike", NULL},
                       {0, 0, 10, "S", "raid", NULL}};
    tl_event e;
    memset(&e, 0, sizeof e);
    strcpy(e.id, "ev-1");
    e.type = "attack";
    e.modality = "asserted";
    e.mentions = m;
    e.nmentions = 3;
    assert_int_equal(tl_add_document(tl, "d", NULL, NULL, NULL), 0);
    assert_int_equal(tl_add_event(tl, &e), 0);
    tl_dedup_mentions(tl, 0);
    assert_int_equal(tl->ev[0].nmentions, 2);
    assert_string_equal(tl->ev[0].mentions[1].trigger, "raid");
    annals_timeline_free(tl);
}


int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version_and_options), cmocka_unit_test(test_dct_precedence),
        cmocka_unit_test(test_write_json), cmocka_unit_test(test_many_ids),
        cmocka_unit_test(test_claim_and_append), cmocka_unit_test(test_dedup_mentions)};
    return cmocka_run_group_tests_name("api", tests, tu_setup, tu_teardown);
}
