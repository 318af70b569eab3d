/* Go build-info decoding (loader/goinfo.c) on bytes in memory: the header
 * search of a region, the pointer format resolving through segments, the
 * modinfo parser and the sentinel scan.  Input: a selector byte, then the
 * bytes, split into two segments (one writable) at a fuzzed point.  The
 * results must be NUL-terminated, printable (goinfo.h promises terminal-
 * and JSON-safe strings) and "found" must mean a version. */
#include "loader/goinfo.h"
#include "tests/fuzz/fuzz_util.h"

static void check_clean(const char *s, size_t cap, const char *what)
{
    const char *end = memchr(s, 0, cap);
    FZ_CHECK(end != NULL, "%s not NUL-terminated", what);
    for (const char *c = s; c < end; c++)
        FZ_CHECK(*c >= 0x20 && *c < 0x7f, "%s has byte %#x", what, (unsigned char)*c);
}

static void check_info(const struct go_info *gi, bool found)
{
    check_clean(gi->version, sizeof gi->version, "version");
    check_clean(gi->path, sizeof gi->path, "path");
    check_clean(gi->mod_path, sizeof gi->mod_path, "mod_path");
    check_clean(gi->mod_version, sizeof gi->mod_version, "mod_version");
    if (found)
        FZ_CHECK(gi->found && gi->source != GO_SRC_NONE, "found without a source");
    FZ_CHECK(go_info_source_name(gi->source) != NULL, "source has no name");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    uint8_t sel = fz_u8(&f);
    uint32_t split = fz_u32(&f);
    uint64_t vaddr0 = fz_u64(&f) & 0xffffffffffffULL;
    uint64_t vaddr1 = fz_u64(&f) & 0xffffffffffffULL;
    size_t len;
    uint8_t *buf = fz_rest(&f, &len);
    size_t cut = len ? split % (len + 1) : 0;

    /* Two exact-size pieces, so a read past either is an ASan report. */
    uint8_t *a = malloc(cut ? cut : 1), *b = malloc(len - cut ? len - cut : 1);
    memcpy(a, buf, cut);
    memcpy(b, buf + cut, len - cut);
    struct go_segment segs[2] = {
        { .vaddr = vaddr0, .data = a, .size = cut, .writable = false },
        { .vaddr = vaddr1, .data = b, .size = len - cut, .writable = true },
    };

    struct go_info gi;
    memset(&gi, 0, sizeof gi);
    bool found;
    switch (sel % 4) {
    case 0:
        found = go_info_from_region(b, len - cut, segs, 2, &gi);
        break;
    case 1:
        found = go_info_decode_header(b, len - cut, segs, 2, &gi);
        break;
    case 2:
        go_info_parse_modinfo((const char *)b, len - cut, &gi);
        found = false;
        break;
    default:
        found = go_info_scan(segs, 2, &gi);
        break;
    }
    check_info(&gi, found);
    if (found && gi.source != GO_SRC_SCAN)
        FZ_CHECK(gi.version[0] != 0, "found with an empty version");
    free(a);
    free(b);
    free(buf);
    return 0;
}
