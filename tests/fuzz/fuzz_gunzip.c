/* Fuzz target: gzip-compressed input (any bytes; the seeds are gzip files),
 * decompressed with the limits ingestion uses, then read as HTML. */
#include "buf.h"
#include "ctx.h"
#include "fuzz_common.h"
#include "gunzip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static abg_ctx *ctx;
    const size_t limit = (size_t)1 << 20;
    abg_buf out = ABG_BUF_INIT;

    if (!ctx && abg_ctx_new(&ctx) < 0)
        __builtin_trap();
    if (!abg_is_gzip((const char *)data, size))
        return 0;
    if (abg_gunzip(&out, ctx, (const char *)data, size, limit) == 0) {
        if (out.len > limit + 65536 || (out.data && out.data[out.len] != '\0'))
            __builtin_trap(); /* over the limit by more than one step, or no NUL */
        fuzz_ingest("fuzz.html", (const uint8_t *)(out.data ? out.data : ""), out.len);
    } else if (out.len != 0)
        __builtin_trap(); /* a failure leaves nothing behind */
    abg_buf_dispose(&out);
    return 0;
}
