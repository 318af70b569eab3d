/* The FreeBSD-only parts of the path calls: __getcwd's answer, utimensat/futimens with
 * FreeBSD's UTIME_NOW/UTIME_OMIT, and mknodat with FreeBSD's dev_t.  The
 * rest of the path calls is shared with NetBSD (personality/bsd/path_calls.c). */
#include "personality/freebsd/fbsd_fs.h"
#include "abi/freebsd/stat.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>

/* sys/sys/stat.h: FreeBSD's special tv_nsec values differ from Linux's
 * ((1l << 30) - 1 and (1l << 30) - 2). */
#define FBSD_UTIME_NOW  (-1L)
#define FBSD_UTIME_OMIT (-2L)

/* Copy in and translate a FreeBSD struct timespec[2] (NULL: now, now).
 * *out_ptr is what to pass to Linux utimensat. */
static long times_from_guest(uint64_t utimes, struct timespec ts[2], struct timespec **out_ptr)
{
    *out_ptr = NULL;
    if (!utimes)
        return 0;
    if (copy_from_guest(ts, utimes, 2 * sizeof ts[0]))
        return -EFAULT;
    for (int i = 0; i < 2; i++) {
        if (ts[i].tv_nsec == FBSD_UTIME_NOW)
            ts[i].tv_nsec = UTIME_NOW;
        else if (ts[i].tv_nsec == FBSD_UTIME_OMIT)
            ts[i].tv_nsec = UTIME_OMIT;
        else if (ts[i].tv_nsec < 0 || ts[i].tv_nsec >= 1000000000L)
            return -EINVAL;   /* else Linux would read its own UTIME_* here */
    }
    *out_ptr = ts;
    return 0;
}

/* utimensat(fd, path, times, flag): AT_SYMLINK_NOFOLLOW,
 * AT_RESOLVE_BENEATH, AT_EMPTY_PATH. */
long fbsd_sys_utimensat(struct sysctx *c)
{
    int dirfd = ARG_INT(c, 0);
    bool beneath;
    long fl = bsd_at_flags(ARG_INT(c, 3), FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH |
                            FBSD_AT_EMPTY_PATH, &beneath);
    if (fl < 0)
        return fl;
    char path[BSD_PATH_MAX];
    long r = GUEST_PATH_FLAGS(c, 1, path, BSD_AT_ALLOW_EMPTY(fl));
    if (r < 0)
        return r;
    struct timespec ts[2], *tsp;
    if ((r = times_from_guest(ARG_PTR(c, 2), ts, &tsp)) < 0)
        return r;
    if (beneath && (r = bsd_check_beneath(dirfd, path, !(fl & AT_SYMLINK_NOFOLLOW))) < 0)
        return r;
    return HOST4(SYS_utimensat, dirfd, path, tsp, fl);
}

/* futimens(fd, times): Linux's utimensat with a NULL path. */
long fbsd_sys_futimens(struct sysctx *c)
{
    struct timespec ts[2], *tsp;
    long r = times_from_guest(ARG_PTR(c, 1), ts, &tsp);
    if (r < 0)
        return r;
    return HOST4(SYS_utimensat, ARG_INT(c, 0), NULL, tsp, 0);
}

/* mknodat(fd, path, mode, dev): FreeBSD dev_t is 64-bit with its own
 * major/minor encoding (sys/sys/types.h). */
long fbsd_sys_mknodat(struct sysctx *c)
{
    uint64_t fdev = ARG_PTR(c, 3);
    return bsd_mknodat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_UINT(c, 2),
                       makedev(fbsd_major(fdev), fbsd_minor(fdev)));
}

/*
 * __getcwd(char *buf, size_t buflen) returns 0, not a length
 * (sys/kern/vfs_cache.c sys___getcwd): EINVAL when buflen < 2; buflen is
 * clamped to MAXPATHLEN; a path that does not fit is ENOMEM -- the
 * kernel's own answer, which libc's getcwd(3) turns into ERANGE after its
 * fallback walk.  The NUL is copied out too.
 */
long fbsd_sys___getcwd(struct sysctx *c)
{
    uint64_t buf = ARG_PTR(c, 0);
    size_t buflen = ARG_PTR(c, 1);
    if (buflen < 2)
        return -EINVAL;
    if (buflen > FBSD_PATH_MAX)
        buflen = FBSD_PATH_MAX;
    char guest[FBSD_PATH_MAX];
    long r = bsd_guest_cwd(c, guest, sizeof guest);
    if (r == -ERANGE || (r >= 0 && (size_t)r + 1 > buflen))
        return -ENOMEM;
    if (r < 0)
        return r;
    return copy_to_guest(buf, guest, (size_t)r + 1);
}
