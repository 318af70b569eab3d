/* open/at flags and struct flock (abi/freebsd/fcntl.c).  Promises checked:
 * F_GETFL answers only FreeBSD FMASK bits; a FreeBSD status flag set with
 * no unknown bits survives FreeBSD -> Linux -> FreeBSD; AT_* unknown bits
 * are exactly the undefined ones; flock round-trips for valid lock types. */
#include "abi/freebsd/fcntl.h"
#include "tests/fuzz/fuzz_util.h"
#include <fcntl.h>

#define FBSD_AT_KNOWN (FBSD_AT_EACCESS | FBSD_AT_SYMLINK_NOFOLLOW | \
	FBSD_AT_SYMLINK_FOLLOW | FBSD_AT_REMOVEDIR | FBSD_AT_EMPTY_PATH)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    int fl = fz_int(&f), lfl = fz_int(&f), at = fz_int(&f);

    int unknown = 0x5a5a5a5a;
    int lnx = fbsd_open_flags_to_linux(fl, &unknown);
    FZ_CHECK(fbsd_open_flags_to_linux(fl, NULL) == lnx, "result depends on unknown_bits");
    FZ_CHECK((fbsd_open_flags_from_linux(lfl) & ~FBSD_O_FMASK) == 0,
             "F_GETFL of %#x reports non-FMASK bits", lfl);
    /* Status bits only (no O_EXEC/O_PATH, which change the access mode). */
    int status = fl & FBSD_O_FMASK & ~(FBSD_O_EXEC | FBSD_O_PATH);
    if (!unknown && status == (fl & ~(FBSD_O_EXEC | FBSD_O_PATH)) && !(fl & (FBSD_O_EXEC | FBSD_O_PATH)))
        FZ_CHECK(fbsd_open_flags_from_linux(lnx) == status,
                 "open flags %#x -> Linux %#x -> %#x", fl, lnx, fbsd_open_flags_from_linux(lnx));

    int at_unknown;
    int lat = fbsd_at_flags_to_linux(at, &at_unknown);
    FZ_CHECK(at_unknown == (at & ~FBSD_AT_KNOWN), "AT unknown bits %#x of %#x", at_unknown, at);
    FZ_CHECK(fbsd_at_flags_to_linux(at, NULL) == lat, "AT result depends on unknown_bits");

    struct fbsd_flock in, back;
    struct flock l;
    fz_take(&f, &in, sizeof in);
    fbsd_flock_to_linux(&l, &in);
    if (fbsd_lock_type_to_linux(in.l_type) >= 0) {
        fbsd_flock_from_linux(&back, &l);
        in.l_sysid = 0;         /* Linux has no remote locks */
        FZ_CHECK(memcmp(&in, &back, sizeof in) == 0, "flock round trip");
    } else {
        FZ_CHECK(l.l_type == -1, "unknown l_type %d not refused", in.l_type);
    }
    for (int t = -1; t < 4; t++) {
        int ft = fbsd_lock_type_from_linux(t);
        FZ_CHECK(ft == -1 || fbsd_lock_type_to_linux(ft) == t, "lock type %d", t);
    }
    return 0;
}
