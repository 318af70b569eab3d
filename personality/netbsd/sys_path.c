/* NetBSD's entry points to the path and directory calls: stat with
 * NetBSD's struct stat, __getdents30, __getcwd's answer, truncate's PAD, and
 * the *at calls' flags.  The calls themselves are the BSD ones
 * (personality/bsd/path_calls.c, dirents.c). */
#include "personality/netbsd/nbsd.h"
#include "personality/bsd/at_path.h"
#include "abi/netbsd/dirent.h"
#include "abi/netbsd/stat.h"
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

/*
 * The AT_* bits NetBSD's kernel looks at, per call (sys/kern/vfs_syscalls.c:
 * do_sys_statat, do_sys_unlinkat, do_sys_accessat, do_sys_linkat,
 * do_sys_chmodat, do_sys_chownat); it ignores the others.  The shared
 * handlers speak FreeBSD's flags, whose common values are NetBSD's
 * (at_path.h), so a NetBSD call passes on only its own bits: FreeBSD's
 * AT_RESOLVE_BENEATH (0x2000) and AT_EMPTY_PATH (0x4000) mean nothing here.
 */
#define NBSD_AT_EACCESS          0x100
#define NBSD_AT_SYMLINK_NOFOLLOW 0x200
#define NBSD_AT_SYMLINK_FOLLOW   0x400
#define NBSD_AT_REMOVEDIR        0x800
_Static_assert(NBSD_AT_EACCESS == FBSD_AT_EACCESS && NBSD_AT_SYMLINK_NOFOLLOW == FBSD_AT_SYMLINK_NOFOLLOW &&
               NBSD_AT_SYMLINK_FOLLOW == FBSD_AT_SYMLINK_FOLLOW && NBSD_AT_REMOVEDIR == FBSD_AT_REMOVEDIR,
               "NetBSD's AT_* values are FreeBSD's");

static void keep_at_bits(struct sysctx *c, int i, unsigned bits)
{
    c->a[i] = ARG_UINT(c, i) & bits;
}

long nbsd_sys_faccessat(struct sysctx *c)
{
    keep_at_bits(c, 3, NBSD_AT_EACCESS | NBSD_AT_SYMLINK_NOFOLLOW);
    return bsd_sys_faccessat(c);
}

long nbsd_sys_unlinkat(struct sysctx *c)
{
    keep_at_bits(c, 2, NBSD_AT_REMOVEDIR);
    return bsd_sys_unlinkat(c);
}

long nbsd_sys_linkat(struct sysctx *c)
{
    keep_at_bits(c, 4, NBSD_AT_SYMLINK_FOLLOW);
    return bsd_sys_linkat(c);
}

long nbsd_sys_fchmodat(struct sysctx *c)
{
    keep_at_bits(c, 3, NBSD_AT_SYMLINK_NOFOLLOW);
    return bsd_sys_fchmodat(c);
}

long nbsd_sys_fchownat(struct sysctx *c)
{
    keep_at_bits(c, 4, NBSD_AT_SYMLINK_NOFOLLOW);
    return bsd_sys_fchownat(c);
}

/* ---- stat ---- */

static long put_stat(uint64_t ub, const struct stat *st)
{
    struct nbsd_stat ns;
    nbsd_stat_from_linux(&ns, st);
    return copy_to_guest(ub, &ns, sizeof ns) ? -EFAULT : 0;
}

static long statat(struct sysctx *c, int dirfd, uint64_t upath, unsigned nflags, uint64_t ub)
{
    char path[BSD_PATH_MAX];
    long fl = bsd_at_path(c, dirfd, upath, (int)(nflags & NBSD_AT_SYMLINK_NOFOLLOW),
                          FBSD_AT_SYMLINK_NOFOLLOW, path);
    if (fl < 0)
        return fl;
    struct stat st;
    long r = HOST4(SYS_newfstatat, dirfd, path, &st, fl);
    return r < 0 ? r : put_stat(ub, &st);
}

long nbsd_sys___stat50(struct sysctx *c)
{
    return statat(c, AT_FDCWD, ARG_PTR(c, 0), 0, ARG_PTR(c, 1));
}

long nbsd_sys___lstat50(struct sysctx *c)
{
    return statat(c, AT_FDCWD, ARG_PTR(c, 0), NBSD_AT_SYMLINK_NOFOLLOW, ARG_PTR(c, 1));
}

/* fstatat(fd, path, buf, flag) */
long nbsd_sys_fstatat(struct sysctx *c)
{
    return statat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_UINT(c, 3), ARG_PTR(c, 2));
}

/* ---- directories ---- */

/* __getdents30(fd, buf, count): NetBSD's struct dirent records, no base
 * pointer. */
long nbsd_sys___getdents30(struct sysctx *c)
{
    return bsd_read_dirents(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2), 0,
                            nbsd_dirents_from_linux, 0);
}

/*
 * __getcwd(buf, length) returns the bytes copied out, the NUL included;
 * ERANGE when length < 2 or the path does not fit; length is clamped to
 * 4 * MAXPATHLEN (sys/kern/vfs_getcwd.c sys___getcwd).
 */
long nbsd_sys___getcwd(struct sysctx *c)
{
    size_t len = ARG_PTR(c, 1);
    if (len < 2)
        return -ERANGE;
    if (len > 4 * NBSD_PATH_MAX)
        len = 4 * NBSD_PATH_MAX;
    char guest[4 * NBSD_PATH_MAX];
    long r = bsd_guest_cwd(c, guest, sizeof guest);
    if (r < 0)
        return r;
    if ((size_t)r + 1 > len)
        return -ERANGE;
    if (copy_to_guest(ARG_PTR(c, 0), guest, (size_t)r + 1))
        return -EFAULT;
    return r + 1;
}

/* truncate(path, PAD, length): the length after a padding argument
 * (syscalls.master #200), like ftruncate's. */
long nbsd_sys_truncate(struct sysctx *c)
{
    char path[BSD_PATH_MAX];
    long r = GUEST_PATH(c, 0, path);
    return r < 0 ? r : HOST2(SYS_truncate, path, ARG_LONG(c, 2));
}

/* ---- timestamps ---- */

/* utimensat(fd, path, times, flag): NetBSD's UTIME_NOW and UTIME_OMIT are
 * Linux's values ((1 << 30) - 1, (1 << 30) - 2: NetBSD sys/sys/stat.h) and
 * struct timespec is the same, so the times go to Linux as they are; the
 * kernel checks them and answers EFAULT/EINVAL as NetBSD does. */
long nbsd_sys_utimensat(struct sysctx *c)
{
    char path[BSD_PATH_MAX];
    int dirfd = ARG_INT(c, 0);
    long fl = bsd_at_path(c, dirfd, ARG_PTR(c, 1), (int)(ARG_UINT(c, 3) & NBSD_AT_SYMLINK_NOFOLLOW),
                          FBSD_AT_SYMLINK_NOFOLLOW, path);
    if (fl < 0)
        return fl;
    return HOST4(SYS_utimensat, dirfd, path, ARG_PTR(c, 2), fl);
}

/* futimens(fd, times): utimensat on the descriptor itself. */
long nbsd_sys_futimens(struct sysctx *c)
{
    return HOST4(SYS_utimensat, ARG_INT(c, 0), NULL, ARG_PTR(c, 1), 0);
}

/* __futimes50(fd, const struct timeval tv[2]): Linux futimesat with no
 * path works on the descriptor. */
long nbsd_sys___futimes50(struct sysctx *c)
{
    return HOST3(SYS_futimesat, ARG_INT(c, 0), NULL, ARG_PTR(c, 1));
}
