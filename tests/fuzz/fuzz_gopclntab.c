/* .gopclntab parsing (loader/gopclntab.c) and the function bounds taken
 * from it (loader/code_map.c), on raw section bytes: the first 8 input
 * bytes are the .text address, the rest the section image.  A lookup
 * must stay inside the section and name a NUL-terminated string in it; the
 * bounds must be sorted, non-empty and non-overlapping, as code_map.h
 * promises. */
#include "loader/code_map.h"
#include "loader/gopclntab.h"
#include "tests/fuzz/fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    uint64_t text_addr = fz_u64(&f);
    uint64_t probe = fz_u64(&f);
    size_t len;
    uint8_t *sec = fz_rest(&f, &len);

    struct gopclntab t;
    if (gopclntab_parse(&t, sec, len, text_addr) == 0) {
        FZ_CHECK(t.data == sec && t.size == len, "parse kept another buffer");
        /* Probe around every entry the table claims, and one wild pc. */
        uint64_t pcs[] = { probe, t.text_start, t.text_start + (probe & 0xffff) };
        for (size_t i = 0; i < sizeof pcs / sizeof pcs[0]; i++) {
            uint64_t off = ~0ULL;
            const char *name = gopclntab_lookup(&t, pcs[i], &off);
            if (!name)
                continue;
            FZ_CHECK((const uint8_t *)name >= sec && (const uint8_t *)name < sec + len,
                     "name outside the section");
            FZ_CHECK(memchr(name, 0, (size_t)(sec + len - (const uint8_t *)name)) != NULL,
                     "name runs off the section");
            FZ_CHECK(off <= pcs[i] - t.text_start, "offset %llu past pc",
                     (unsigned long long)off);
        }
    }

    struct code_range *r;
    size_t n = code_map_from_gopclntab(sec, len, text_addr, &r);
    for (size_t i = 0; i < n; i++) {
        FZ_CHECK(r[i].start < r[i].end, "range %zu empty or inverted", i);
        FZ_CHECK(i == 0 || r[i - 1].end <= r[i].start, "ranges %zu and %zu overlap", i - 1, i);
    }
    free(r);
    free(sec);
    return 0;
}
