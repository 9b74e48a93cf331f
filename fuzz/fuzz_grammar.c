/* libFuzzer: the grammar loader on arbitrary grammar files. A bad file
 * must give an error naming file:line, never a crash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "annals/annals.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static char dir[64];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/annals-fuzz-gram-%d", (int)getpid());
        mkdir(dir, 0700);
    }
    char path[128];
    /* the first byte picks which kind of file this is */
    const char *names[] = {"dates.gram", "events.gram", "countries.tsv", "people.tsv", "titles.tsv",
                           "places.tsv", "orgs.tsv"};
    const char *name = names[size ? data[0] % 7 : 0];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (size > 1) fwrite(data + 1, 1, size - 1, f);
    fclose(f);
    annals_error err;
    annals_grammars *g = annals_grammars_load(dir, &err);
    if (g) {
        annals_timeline *tl = annals_timeline_new();
        annals_options o;
        annals_options_init(&o);
        o.want_timexes = 1;
        const char *t = "On June 16, 2021, Vladimir Putin met Joe Biden in Geneva. Talks resume next week.";
        annals_article a = {.id = "x", .text = t, .text_len = strlen(t)};
        annals_extract(g, &a, &o, tl, &err);
        annals_timeline_free(tl);
        annals_grammars_free(g);
    } else if (!strstr(err.message, dir) && !strstr(err.message, "memory")) {
        abort(); /* every grammar error names the file */
    }
    unlink(path);
    return 0;
}
