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
    /* Linux O_SYNC includes the O_DSYNC bit, so FSYNC|DSYNC reads back as
     * FSYNC alone. */
    if (status & FBSD_O_FSYNC)
        status &= ~FBSD_O_DSYNC;
    if (!unknown && (fl & ~FBSD_O_FMASK) == 0 && !(fl & (FBSD_O_EXEC | FBSD_O_PATH)))
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
        FZ_CHECK(back.l_start == in.l_start && back.l_len == in.l_len &&
                 back.l_pid == in.l_pid && back.l_type == in.l_type &&
                 back.l_whence == in.l_whence, "flock round trip");
        FZ_CHECK(back.l_sysid == 0, "l_sysid from Linux");   /* no remote locks */
        static const struct fbsd_flock zero;
        FZ_CHECK(memcmp((char *)&back + offsetof(struct fbsd_flock, l_sysid) + 4,
                        (const char *)&zero + offsetof(struct fbsd_flock, l_sysid) + 4,
                        sizeof back - offsetof(struct fbsd_flock, l_sysid) - 4) == 0,
                 "tail padding reaches the guest uncleared");
    } else {
        FZ_CHECK(l.l_type == -1, "unknown l_type %d not refused", in.l_type);
    }
    for (int t = -1; t < 4; t++) {
        int ft = fbsd_lock_type_from_linux(t);
        FZ_CHECK(ft == -1 || fbsd_lock_type_to_linux(ft) == t, "lock type %d", t);
    }
    return 0;
}
