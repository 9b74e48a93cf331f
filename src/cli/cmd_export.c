/* annals export: a timeline as iCalendar, HTML, CSV or TimelineJS. */
#include "cli.h"

int cl_export(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cl_not_built("export", "iCalendar, HTML and CSV exports come with the export stage");
}
