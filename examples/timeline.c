/* timeline: the smallest program on libannals -- read one article, print
 * its timeline, one line per event.
 *
 *   cc timeline.c $(pkg-config --cflags --libs annals) -o timeline
 *   ./timeline article.txt [YYYY-MM-DD]
 */
#include <annals/annals.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: timeline ARTICLE [PUBLICATION-DATE]\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text, f);
    fclose(f);

    annals_error err;
    annals_grammars *g = annals_grammars_builtin(&err);
    if (!g) {
        fprintf(stderr, "timeline: %s\n", err.message);
        return 2;
    }
    annals_options opt;
    annals_options_init(&opt);
    opt.dct = argc == 3 ? argv[2] : NULL;
    annals_timeline *tl = annals_timeline_new();
    annals_article a = {.id = "article", .text = text, .text_len = len, .source = argv[1]};
    int rc = annals_extract(g, &a, &opt, tl, &err);
    if (rc == 0) {
        annals_timeline_sort(tl);
        rc = annals_write(tl, ANNALS_FORMAT_TEXT, 0, stdout, &err);
    }
    if (rc) fprintf(stderr, "timeline: %s\n", err.message);
    printf("%zu events, library %s\n", annals_timeline_events(tl), annals_version());
    annals_timeline_free(tl);
    annals_grammars_free(g);
    return rc ? 2 : 0;
}
