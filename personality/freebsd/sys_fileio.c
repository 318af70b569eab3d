/* Reading, writing and managing file descriptors.
 *
 * Most of these are the same call on both systems: struct iovec, off_t
 * (64-bit), the SEEK_* values (sys/sys/unistd.h: SET 0, CUR 1, END 2,
 * DATA 3, HOLE 4) and IOV_MAX (1024) agree, and buffers go straight to the
 * host kernel, which validates them. */
#include "personality/freebsd/fbsd_fs.h"
#include "syscalls/fdreserve.h"
#include "syscalls/fdtable.h"
#include <fcntl.h>
#include <linux/close_range.h>

/* pread(fd, buf, nbyte, off_t offset): since FreeBSD 7 the offset is the
 * fourth register, with no padding argument (syscalls.master #475). */
long fbsd_sys_pread(struct sysctx *c)
{
    return HOST4(SYS_pread64, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2), ARG_LONG(c, 3));
}

long fbsd_sys_pwrite(struct sysctx *c)
{
    return HOST4(SYS_pwrite64, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2), ARG_LONG(c, 3));
}

/* Linux preadv/pwritev split the offset into low and high words; on
 * x86-64 the low word holds all 64 bits and the high word is 0. */
long fbsd_sys_preadv(struct sysctx *c)
{
    return HOST5(SYS_preadv, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2), ARG_LONG(c, 3), 0);
}

long fbsd_sys_pwritev(struct sysctx *c)
{
    return HOST5(SYS_pwritev, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2), ARG_LONG(c, 3), 0);
}

long fbsd_sys_lseek(struct sysctx *c)
{
    return HOST3(SYS_lseek, ARG_INT(c, 0), ARG_LONG(c, 1), ARG_INT(c, 2));
}

/* Descriptors named by the guest are checked against persona's own range
 * before any handler runs (fd_guard.c); targets of dup2 and F_DUPFD are
 * bounded by the host soft limit, which is the guest's (fdreserve.h).
 * Whatever closes or replaces a descriptor runs the descriptor table's
 * close hooks first (fdtable.h): FreeBSD drops a descriptor's knotes when
 * it is closed, and SO_NOSIGPIPE goes with the socket. */

/* sys/sys/unistd.h (FreeBSD 13+): CLOSE_RANGE_CLOEXEC (1<<2) -- the same bit
 * as Linux's.  CLOSE_RANGE_CLOFORK (1<<3) is FreeBSD 15 and unknown to the
 * 14.1 persona reports, so it fails like any other unknown flag. */
#define FBSD_CLOSE_RANGE_CLOEXEC (1 << 2)

/* close_range(u_int lowfd, u_int highfd, int flags): closefrom(2). */
long fbsd_sys_close_range(struct sysctx *c)
{
    unsigned low = ARG_UINT(c, 0), high = ARG_UINT(c, 1);
    int flags = ARG_INT(c, 2);
    if (flags & ~FBSD_CLOSE_RANGE_CLOEXEC)
        return -EINVAL;
    if (high < low)
        return -EINVAL;
    unsigned lflags = (flags & FBSD_CLOSE_RANGE_CLOEXEC) ? CLOSE_RANGE_CLOEXEC : 0;
    unsigned base = (unsigned)fd_reserved_base();
    if (low >= base)
        return 0;
    if (high >= base)
        high = base - 1;    /* persona's own descriptors stay */
    if (!lflags)
        fdt_closing((int)low, (int)high);
    /* "Any errors encountered while closing file descriptors are ignored." */
    long r = HOST3(SYS_close_range, low, high, lflags);
    return r == -EINVAL ? r : 0;
}

/* closefrom(int lowfd) returns nothing; FreeBSD treats a negative lowfd
 * as 0 (sys/kern/kern_descrip.c sys_closefrom). */
long fbsd_sys_closefrom(struct sysctx *c)
{
    int low = ARG_INT(c, 0);
    if (low < 0)
        low = 0;
    int base = fd_reserved_base();
    if (low >= base)
        return 0;
    fdt_closing(low, base - 1);
    HOST3(SYS_close_range, low, base - 1, 0);
    return 0;
}

/* An fd not open for writing is EINVAL on both (ftruncate(2)). */
long fbsd_sys_ftruncate(struct sysctx *c)
{
    return HOST2(SYS_ftruncate, ARG_INT(c, 0), ARG_LONG(c, 1));
}

long fbsd_sys_truncate(struct sysctx *c)
{
    char path[FBSD_PATH_MAX];
    long r = GUEST_PATH(c, 0, path);
    if (r < 0)
        return r;
    return HOST2(SYS_truncate, path, ARG_LONG(c, 1));
}

/*
 * pipe2(int fildes[2], int flags): flags may hold O_CLOEXEC and O_NONBLOCK
 * (FreeBSD values), anything else is EINVAL (sys/kern/sys_pipe.c).  The
 * host kernel fills the guest's array itself.
 *
 * Known difference, not emulated: FreeBSD pipes are bidirectional (both
 * ends can read and write, pipe(2)); Linux pipes are one-way, so a guest
 * writing into fildes[0] gets EBADF.
 */
long fbsd_sys_pipe2(struct sysctx *c)
{
    int flags = ARG_INT(c, 1);
    if (flags & ~(FBSD_O_CLOEXEC | FBSD_O_NONBLOCK))
        return -EINVAL;
    int lflags = fbsd_open_flags_to_linux(flags, NULL);
    return HOST2(SYS_pipe2, ARG_PTR(c, 0), lflags);
}
