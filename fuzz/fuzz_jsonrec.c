/* libFuzzer: the fast record reader (read/jsonrec.c) against jansson on
 * arbitrary bytes. Whatever the fast reader reads, jansson must read the
 * same: the same six fields, of the same kinds, with the same bytes. */
#include <stdlib.h>
#include <string.h>
#include "fastrec_check.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char *line = malloc(size + 1);
    if (!line) abort();
    if (size) memcpy(line, data, size);
    line[size] = '\0';
    check_fast(line, size);
    free(line);
    return 0;
}
