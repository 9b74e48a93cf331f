/* annals merge: many timelines into one. */
#include "cli.h"

int cl_merge(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cl_not_built("merge", "merging timelines comes with the merge stage");
}
