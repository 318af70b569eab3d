/* Linux -> FreeBSD errno numbers and the FreeBSD names and texts
 * (abi/freebsd/errno.c), for any int: the result is a FreeBSD errno that
 * has a name, 0 only for 0, and the sign of the input does not matter. */
#include "abi/freebsd/errno.h"
#include "tests/fuzz/fuzz_util.h"
#include <limits.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    while (f.n) {
        int e = fz_int(&f);
        int r = fbsd_errno_from_linux(e);
        FZ_CHECK(r >= 0 && r <= FBSD_ELAST, "errno %d -> %d", e, r);
        FZ_CHECK((r == 0) == (e == 0), "errno %d -> %d", e, r);
        if (e != INT_MIN)
            FZ_CHECK(fbsd_errno_from_linux(-e) == r, "sign changes errno %d", e);
        if (r) {
            FZ_CHECK(fbsd_errno_name(r) != NULL, "FreeBSD errno %d has no name", r);
            FZ_CHECK(fbsd_errno_desc(r) != NULL, "FreeBSD errno %d has no text", r);
        }
        /* Any number may be asked for by name (tracer, reports). */
        const char *name = fbsd_errno_name(e), *desc = fbsd_errno_desc(e);
        FZ_CHECK(!name || name[0] == 'E', "name of %d: %s", e, name);
        FZ_CHECK(!desc || desc[0], "empty text for %d", e);
    }
    return 0;
}
