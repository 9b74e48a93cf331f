/* shard: the shard file format, the split, and reading a shard as the
 * records it carries (read/shard.h, read/jsonl.c, read/read.c). */
#include "testutil.h"
#include "read/read.h"
#include "read/shard.h"

static void test_header(void **s)
{
    (void)s;
    assert_true(rd_shard_is_header("#annals-shard/1 0 8\n", 20));
    assert_true(rd_shard_is_header("#annals-shard/1\n", 16));
    assert_false(rd_shard_is_header("#annals-shard/10 0 8\n", 21));
    assert_false(rd_shard_is_header("#annals-shard/1", 15)); /* nothing after it */
    assert_false(rd_shard_is_header("{\"id\": 1}\n", 10));
}

static int parse(const char *line, rd_directive *d) { return rd_shard_parse(line, strlen(line), d); }

static void test_parse(void **s)
{
    (void)s;
    rd_directive d;
    assert_int_equal(parse("#from \"corpus.jsonl\" 1234\n", &d), RD_DIRECTIVE_FROM);
    assert_string_equal(d.name, "corpus.jsonl");
    assert_int_equal(d.num, 1234);
    free(d.name);
    assert_int_equal(parse("#text \"a \\\"b\\\"\\nc.txt\" 0\r\n", &d), RD_DIRECTIVE_TEXT);
    assert_string_equal(d.name, "a \"b\"\nc.txt");
    assert_int_equal(d.num, 0);
    free(d.name);
    assert_int_equal(parse("#verbatim\n", &d), RD_DIRECTIVE_VERBATIM);
    assert_null(d.name);
    assert_int_equal(parse("#id \"abc-2\"\n", &d), RD_DIRECTIVE_ID);
    assert_string_equal(d.name, "abc-2");
    free(d.name);
    const char *bad[] = {"#from \"x\" 0", "#from \"x\"", "#from x 3", "#from \"x\" 3a", "#from \"\" 3",
                         "#from", "#fromage \"x\" 1", "#text \"x\" -1", "#verbatim please", "# a comment",
                         "#from \"x\\u0000y\" 1", "#from \"x 1", "{\"from\": 1}",
                         "#text \"x\" 99999999999999999999999", "#id", "#id abc", "#id \"abc\" 2",
                         "#id \"\"", "#identity \"x\""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(parse(bad[i], &d), RD_DIRECTIVE_BAD);
        assert_null(d.name);
    }
}

static void test_write(void **s)
{
    (void)s;
    char *buf;
    size_t n;
    FILE *m = open_memstream(&buf, &n);
    assert_int_equal(rd_shard_write_header(m, 3, 8), 0);
    assert_int_equal(rd_shard_write_from(m, "dir/\"odd\"\tname.jsonl", 12), 0);
    assert_int_equal(rd_shard_write_text(m, "é.txt", 5321), 0);
    assert_int_equal(rd_shard_write_id(m, "a\"b-2"), 0);
    fclose(m);
    assert_string_equal(buf, "#annals-shard/1 3 8\n"
                             "#from \"dir/\\\"odd\\\"\\tname.jsonl\" 12\n"
                             "#text \"é.txt\" 5321\n"
                             "#id \"a\\\"b-2\"\n");
    /* what is written parses back */
    char *l2 = strchr(buf, '\n') + 1, *l3 = strchr(l2, '\n') + 1, *l4 = strchr(l3, '\n') + 1;
    rd_directive d;
    assert_int_equal(rd_shard_parse(l2, (size_t)(l3 - l2), &d), RD_DIRECTIVE_FROM);
    assert_string_equal(d.name, "dir/\"odd\"\tname.jsonl");
    free(d.name);
    assert_int_equal(rd_shard_parse(l3, (size_t)(l4 - l3), &d), RD_DIRECTIVE_TEXT);
    assert_string_equal(d.name, "é.txt");
    assert_int_equal(d.num, 5321);
    free(d.name);
    assert_int_equal(rd_shard_parse(l4, strlen(l4), &d), RD_DIRECTIVE_ID);
    assert_string_equal(d.name, "a\"b-2");
    free(d.name);
    free(buf);
}

static void test_shard_of(void **s)
{
    (void)s;
    assert_int_equal(rd_shard_of(0, 100, 4), 0);
    assert_int_equal(rd_shard_of(24, 100, 4), 0);
    assert_int_equal(rd_shard_of(25, 100, 4), 1);
    assert_int_equal(rd_shard_of(99, 100, 4), 3);
    assert_int_equal(rd_shard_of(100, 100, 4), 3); /* a file that grew */
    assert_int_equal(rd_shard_of(5000, 100, 4), 3);
    assert_int_equal(rd_shard_of(0, 0, 4), 3);
    assert_int_equal(rd_shard_of(7, 100, 1), 0);
    /* every shard gets its share: a byte at a time over 10 shards */
    size_t count[10] = {0};
    for (uint64_t o = 0; o < 1000; o++) count[rd_shard_of(o, 1000, 10)]++;
    for (int k = 0; k < 10; k++) assert_int_equal(count[k], 100);
    /* petabytes do not overflow */
    uint64_t pb = (uint64_t)1 << 50;
    assert_int_equal(rd_shard_of(pb / 2, pb, 100000), 50000);
    assert_int_equal(rd_shard_of(UINT64_MAX - 1, UINT64_MAX, 100000), 99999);
}

typedef struct seen {
    char ids[8][64], where[8][128], source[8][128], text[8][64];
    size_t n;
    char warns[8][300];
    size_t nw;
} seen;

static int on_art(void *ctx, const annals_article *a, const char *where)
{
    seen *sn = ctx;
    if (sn->n < 8) {
        snprintf(sn->ids[sn->n], 64, "%s", a->id);
        snprintf(sn->where[sn->n], 128, "%s", where);
        snprintf(sn->source[sn->n], 128, "%s", a->source ? a->source : "-");
        snprintf(sn->text[sn->n], 64, "%.*s", (int)a->text_len, a->text);
        sn->n++;
    }
    return 0;
}

static void on_warn(void *ctx, const char *msg)
{
    seen *sn = ctx;
    if (sn->nw < 8) snprintf(sn->warns[sn->nw++], 300, "%s", msg);
}

/* A shard is read as its records would be in their own files. */
static void test_read_shard(void **s)
{
    (void)s;
    const char data[] =
        "#annals-shard/1 1 4\n"
        "#from \"news/a.jsonl\" 41\n"
        "{\"id\": \"x1\", \"text\": \"One.\"}\n"
        "\n"
        "{\"text\": \"No id, no source.\"}\n"
        "not json\n"
        "#verbatim\n"
        "#not json either\n"
        "#id \"story-2\"\n"
        "#text \"notes/story.txt\" 12\n"
        "Line 1\nLine2\n"
        "#bogus\n"
        "#from \"b.jsonl\" 1\n"
        "#id \"x1-2\"\n"
        "\n"
        "{\"id\": \"x1\", \"text\": \"Two.\"}\n";
    char *path = tu_tmpfile(".jsonl", data, sizeof data - 1);
    seen sn;
    memset(&sn, 0, sizeof sn);
    rd_reader r = {.format = RD_AUTO, .on_article = on_art, .on_warn = on_warn, .ctx = &sn};
    annals_error err;
    char *paths[] = {path};
    assert_int_equal(rd_read_paths(&r, paths, 1, &err), 0);
    assert_int_equal(sn.n, 4);
    assert_string_equal(sn.ids[0], "x1");
    assert_string_equal(sn.where[0], "news/a.jsonl:41");
    assert_string_equal(sn.ids[1], "a-43"); /* the original base name and line */
    assert_string_equal(sn.source[1], "news/a.jsonl:43");
    assert_string_equal(sn.ids[2], "story-2"); /* as #id says */
    assert_string_equal(sn.where[2], "notes/story.txt");
    assert_string_equal(sn.text[2], "Line 1\nLine2");
    assert_string_equal(sn.ids[3], "x1-2"); /* past a blank line */
    assert_string_equal(sn.where[3], "b.jsonl:2");
    assert_int_equal(r.skipped, 3);
    assert_string_equal(sn.warns[0], "news/a.jsonl:44: invalid JSON at column 3: '[' or '{' expected near 'not'; skipped");
    assert_memory_equal(sn.warns[1], "news/a.jsonl:45: invalid JSON ", 30);
    char want[400];
    snprintf(want, sizeof want, "%s:13: not a shard directive (#from, #text, #verbatim or #id); skipped", path);
    assert_string_equal(sn.warns[2], want);
    unlink(path);
    free(path);
    /* without the header, # lines are just bad records */
    const char plain[] = "#from \"x.jsonl\" 5\n{\"id\": \"z\", \"text\": \"Z.\"}\n";
    path = tu_tmpfile(".jsonl", plain, sizeof plain - 1);
    memset(&sn, 0, sizeof sn);
    rd_reader r2 = {.format = RD_AUTO, .on_article = on_art, .on_warn = on_warn, .ctx = &sn};
    paths[0] = path;
    assert_int_equal(rd_read_paths(&r2, paths, 1, &err), 0);
    assert_int_equal(sn.n, 1);
    snprintf(want, sizeof want, "%s:2", path);
    assert_string_equal(sn.where[0], want);
    assert_int_equal(r2.skipped, 1);
    unlink(path);
    free(path);
}

static int count_file(rd_reader *r, const char *path, annals_error *err)
{
    (void)err;
    seen *sn = r->ctx;
    if (sn->n < 8) snprintf(sn->where[sn->n++], 128, "%s:%d", strrchr(path, '/') + 1, rd_is_jsonl(r, path));
    return 0;
}

static void test_walk(void **s)
{
    (void)s;
    char dir[] = "/tmp/annals-walk-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[512];
    snprintf(p, sizeof p, "%s/sub", dir);
    assert_int_equal(mkdir(p, 0755), 0);
    const char *files[] = {"b.txt", "a.jsonl", "skip.md", ".hidden.txt", "sub/c.txt"};
    for (int i = 0; i < 5; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        FILE *f = fopen(p, "w");
        fputs("x", f);
        fclose(f);
    }
    seen sn;
    memset(&sn, 0, sizeof sn);
    rd_reader r = {.format = RD_AUTO, .ctx = &sn};
    annals_error err;
    char *paths[] = {dir};
    assert_int_equal(rd_walk_paths(&r, paths, 1, count_file, &err), 0);
    assert_int_equal(sn.n, 3);
    assert_string_equal(sn.where[0], "a.jsonl:1");
    assert_string_equal(sn.where[1], "b.txt:0");
    assert_string_equal(sn.where[2], "c.txt:0");
    r.format = RD_JSONL;
    assert_true(rd_is_jsonl(&r, "x.txt"));
    r.format = RD_TEXT;
    assert_false(rd_is_jsonl(&r, "x.jsonl"));
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_text_article(void **s)
{
    (void)s;
    seen sn;
    memset(&sn, 0, sizeof sn);
    rd_reader r = {.on_article = on_art, .ctx = &sn};
    annals_error err;
    const char t[] = "Headline here\n\nBody of the story.";
    assert_int_equal(rd_text_article(&r, t, sizeof t - 1, "dir/story.txt", NULL, &err), 0);
    assert_int_equal(rd_text_article(&r, "x", 1, "-", NULL, &err), 0);
    assert_int_equal(rd_text_article(&r, "y", 1, "dir/story.txt", "story-2", &err), 0);
    assert_int_equal(r.articles, 3);
    assert_string_equal(sn.ids[2], "story-2");
    assert_string_equal(sn.source[2], "dir/story.txt");
    assert_string_equal(sn.ids[0], "story");
    assert_string_equal(sn.source[0], "dir/story.txt");
    assert_string_equal(sn.ids[1], "stdin");
    assert_string_equal(sn.source[1], "stdin");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header), cmocka_unit_test(test_parse), cmocka_unit_test(test_write),
        cmocka_unit_test(test_shard_of), cmocka_unit_test(test_read_shard), cmocka_unit_test(test_walk),
        cmocka_unit_test(test_text_article)};
    return cmocka_run_group_tests_name("shard", tests, NULL, NULL);
}
