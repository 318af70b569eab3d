/* The ELF-file side of the Go readers: go_info_read_fd() (what `persona
 * info` prints as the Go version and module) and code_map_load() (the
 * function bounds the syscall-site finder walks), on an in-memory file.
 * Besides the sanitizers, the bounds must be sorted and non-overlapping
 * (code_map.h) and the build info clean strings. */
#include "loader/code_map.h"
#include "loader/goinfo.h"
#include "tests/fuzz/fuzz_memfd.h"
#include "tests/fuzz/fuzz_util.h"

static void check_clean(const char *s, size_t cap, const char *what)
{
    const char *end = memchr(s, 0, cap);
    FZ_CHECK(end != NULL, "%s not NUL-terminated", what);
    for (const char *c = s; c < end; c++)
        FZ_CHECK(*c >= 0x20 && *c < 0x7f, "%s has byte %#x", what, (unsigned char)*c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = fz_memfd(data, size);

    struct go_info gi;
    bool found = go_info_read_fd(fd, &gi);
    FZ_CHECK(found == gi.found, "return value and found disagree");
    check_clean(gi.version, sizeof gi.version, "version");
    check_clean(gi.path, sizeof gi.path, "path");
    check_clean(gi.mod_path, sizeof gi.mod_path, "mod_path");
    check_clean(gi.mod_version, sizeof gi.mod_version, "mod_version");

    struct code_map m;
    if (code_map_load(fd, 0x1000, &m) == 0) {
        FZ_CHECK(m.nfuncs == 0 || m.source != CODE_MAP_NONE, "functions without a source");
        for (size_t i = 0; i < m.nfuncs; i++) {
            FZ_CHECK(m.funcs[i].start < m.funcs[i].end, "function %zu empty or inverted", i);
            FZ_CHECK(i == 0 || m.funcs[i - 1].end <= m.funcs[i].start,
                     "functions %zu and %zu overlap", i - 1, i);
        }
        code_map_free(&m);
    }
    return 0;
}
