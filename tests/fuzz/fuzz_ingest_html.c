/* Fuzz target: ingestion of a .html file. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_ingest("fuzz.html", data, size);
    return 0;
}
