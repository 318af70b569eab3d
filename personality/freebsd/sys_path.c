/* Calls that name files: access, chdir/getcwd, mkdir/rmdir, link/unlink,
 * rename, symlinks, permissions, owners and timestamps.
 *
 * Every path argument goes through the filesystem view (syscalls/vfs.h);
 * every path shown back to the guest comes out through vfs_path_to_guest.
 * Access modes (F_OK 0, X_OK 1, W_OK 2, R_OK 4; sys/sys/unistd.h), mode
 * bits and uid/gid -1 meaning "unchanged" are the same on both systems. */
#include "personality/freebsd/fbsd_fs.h"
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "abi/freebsd/stat.h"
#include <sys/time.h>

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452       /* Linux 6.6 */
#endif

/* ---- access ---- */

static long do_faccessat(struct sysctx *c, int dirfd, uint64_t upath, int mode,
                         int fbsd_flags)
{
    char path[FBSD_PATH_MAX];
    long fl = fbsd_at_path(c, dirfd, upath, fbsd_flags, FBSD_AT_EACCESS | FBSD_AT_RESOLVE_BENEATH |
                            FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_EMPTY_PATH, path);
    if (fl < 0)
        return fl;
    /* faccessat2 (Linux 5.8): the plain faccessat has no flags argument. */
    return HOST4(SYS_faccessat2, dirfd, path, mode, fl);
}

long fbsd_sys_access(struct sysctx *c)
{
    return do_faccessat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_INT(c, 1), 0);
}

/* eaccess(2): access() with the effective ids. */
long fbsd_sys_eaccess(struct sysctx *c)
{
    return do_faccessat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_INT(c, 1), FBSD_AT_EACCESS);
}

long fbsd_sys_faccessat(struct sysctx *c)
{
    return do_faccessat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2), ARG_INT(c, 3));
}

/* ---- current directory ---- */

long fbsd_sys_chdir(struct sysctx *c)
{
    char path[FBSD_PATH_MAX];
    long r = GUEST_PATH(c, 0, path);
    return r < 0 ? r : HOST1(SYS_chdir, path);
}

long fbsd_sys_fchdir(struct sysctx *c)
{
    return HOST1(SYS_fchdir, ARG_INT(c, 0));
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
    char host[4096], guest[FBSD_PATH_MAX];
    long r = HOST2(SYS_getcwd, host, sizeof host);
    if (r == -ERANGE || r == -ENAMETOOLONG)
        return -ENOMEM;
    if (r < 0)
        return r;
    r = vfs_path_to_guest(c, host, guest, sizeof guest);
    if (r < 0 || (size_t)r + 1 > buflen)
        return -ENOMEM;
    return copy_to_guest(buf, guest, (size_t)r + 1);
}

/* ---- directories, links, names ---- */

long fbsd_sys_mkdir(struct sysctx *c)
{
    char path[FBSD_PATH_MAX];
    long r = GUEST_PATH(c, 0, path);
    return r < 0 ? r : HOST3(SYS_mkdirat, AT_FDCWD, path, ARG_UINT(c, 1) & 07777);
}

long fbsd_sys_mkdirat(struct sysctx *c)
{
    char path[FBSD_PATH_MAX];
    long r = GUEST_PATH(c, 1, path);
    return r < 0 ? r : HOST3(SYS_mkdirat, ARG_INT(c, 0), path, ARG_UINT(c, 2) & 07777);
}

long fbsd_sys_rmdir(struct sysctx *c)
{
    char path[FBSD_PATH_MAX];
    long r = GUEST_PATH(c, 0, path);
    return r < 0 ? r : HOST3(SYS_unlinkat, AT_FDCWD, path, AT_REMOVEDIR);
}

/* unlinkat(fd, path, flag): AT_REMOVEDIR and AT_RESOLVE_BENEATH.
 * Unlinking a directory is EPERM on FreeBSD (unlink(2), "the named file is
 * a directory"); Linux says EISDIR.  unlink(2) itself is shared with NetBSD
 * (personality/bsd/sys_path.c). */
static long do_unlinkat(struct sysctx *c, int dirfd, uint64_t upath, int fbsd_flags)
{
    bool beneath;
    long fl = fbsd_at_flags(fbsd_flags, FBSD_AT_REMOVEDIR | FBSD_AT_RESOLVE_BENEATH, &beneath);
    if (fl < 0)
        return fl;
    char path[FBSD_PATH_MAX];
    long r = vfs_path_from_guest(c, upath, path, sizeof path);
    if (r < 0)
        return r;
    if (beneath && (r = fbsd_check_beneath(dirfd, path, false)) < 0)
        return r;
    r = HOST3(SYS_unlinkat, dirfd, path, fl);
    return r == -EISDIR ? -EPERM : r;
}

long fbsd_sys_unlinkat(struct sysctx *c)
{
    return do_unlinkat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2));
}

long fbsd_sys_renameat(struct sysctx *c)
{
    return bsd_renameat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2), ARG_PTR(c, 3));
}

/* linkat(fd1, path1, fd2, path2, flag): AT_SYMLINK_FOLLOW,
 * AT_RESOLVE_BENEATH, AT_EMPTY_PATH. */
static long do_linkat(struct sysctx *c, int ofd, uint64_t uold, int nfd, uint64_t unew,
                      int fbsd_flags)
{
    bool beneath;
    long fl = fbsd_at_flags(fbsd_flags, FBSD_AT_SYMLINK_FOLLOW | FBSD_AT_RESOLVE_BENEATH |
                            FBSD_AT_EMPTY_PATH, &beneath);
    if (fl < 0)
        return fl;
    char from[FBSD_PATH_MAX], to[FBSD_PATH_MAX];
    long r = vfs_path_from_guest_flags(c, uold, from, sizeof from, FBSD_AT_ALLOW_EMPTY(fl));
    if (r < 0)
        return r;
    r = vfs_path_from_guest(c, unew, to, sizeof to);
    if (r < 0)
        return r;
    if (beneath) {
        if ((r = fbsd_check_beneath(ofd, from, fl & AT_SYMLINK_FOLLOW)) < 0 ||
            (r = fbsd_check_beneath(nfd, to, false)) < 0)
            return r;
    }
    return HOST5(SYS_linkat, ofd, from, nfd, to, fl);
}

/* FreeBSD's link() follows a symbolic link in path1 (sys/kern/vfs_syscalls.c
 * sys_link passes FOLLOW); Linux's link() does not. */
long fbsd_sys_link(struct sysctx *c)
{
    return do_linkat(c, AT_FDCWD, ARG_PTR(c, 0), AT_FDCWD, ARG_PTR(c, 1),
                     FBSD_AT_SYMLINK_FOLLOW);
}

long fbsd_sys_linkat(struct sysctx *c)
{
    return do_linkat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2), ARG_PTR(c, 3),
                     ARG_INT(c, 4));
}

/* The target of a symlink is stored verbatim, not looked up now: it is
 * copied and length-checked but not rewritten by the view. */
static long do_symlinkat(struct sysctx *c, uint64_t utarget, int dirfd, uint64_t ulink)
{
    char target[FBSD_PATH_MAX], link[FBSD_PATH_MAX];
    long r = vfs_path_from_guest_flags(c, utarget, target, sizeof target, VFS_VERBATIM);
    if (r < 0)
        return r;
    r = vfs_path_from_guest(c, ulink, link, sizeof link);
    return r < 0 ? r : HOST3(SYS_symlinkat, target, dirfd, link);
}

long fbsd_sys_symlink(struct sysctx *c)
{
    return do_symlinkat(c, ARG_PTR(c, 0), AT_FDCWD, ARG_PTR(c, 1));
}

long fbsd_sys_symlinkat(struct sysctx *c)
{
    return do_symlinkat(c, ARG_PTR(c, 0), ARG_INT(c, 1), ARG_PTR(c, 2));
}

/* readlinkat(fd, path, buf, bufsize) returns the byte count, not
 * NUL-terminated, truncated to bufsize (readlink(2)). */
static long do_readlinkat(struct sysctx *c, int dirfd, uint64_t upath, uint64_t ubuf,
                          size_t bufsize)
{
    char path[FBSD_PATH_MAX], host[4096], guest[4096];
    long r = vfs_path_from_guest(c, upath, path, sizeof path);
    if (r < 0)
        return r;
    r = HOST4(SYS_readlinkat, dirfd, path, host, sizeof host - 1);
    if (r < 0)
        return r;
    host[r] = '\0';
    r = vfs_path_to_guest(c, host, guest, sizeof guest);
    if (r < 0)
        return r;
    size_t n = (size_t)r < bufsize ? (size_t)r : bufsize;
    if (copy_to_guest(ubuf, guest, n))
        return -EFAULT;
    return (long)n;
}

long fbsd_sys_readlink(struct sysctx *c)
{
    return do_readlinkat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2));
}

long fbsd_sys_readlinkat(struct sysctx *c)
{
    return do_readlinkat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2), ARG_PTR(c, 3));
}

/* ---- permissions ---- */

/*
 * chmod without following a final symlink.  Linux's fchmodat() has no
 * flags; fchmodat2 (Linux 6.6) has AT_SYMLINK_NOFOLLOW.  Either way Linux
 * cannot change a symlink's own mode: EOPNOTSUPP, where FreeBSD (lchmod(2))
 * would succeed.  On older kernels: open the file O_PATH|O_NOFOLLOW and
 * chmod it through /proc/self/fd, as glibc's fchmodat does.
 */
static long chmod_nofollow(int dirfd, const char *path, unsigned mode, int lflags)
{
    long r = HOST4(SYS_fchmodat2, dirfd, path, mode, lflags | AT_SYMLINK_NOFOLLOW);
    if (r != -ENOSYS)
        return r;
    long fd = path[0] ? HOST4(SYS_openat, dirfd, path, O_PATH | O_NOFOLLOW | O_CLOEXEC, 0)
                      : HOST3(SYS_fcntl, dirfd, F_DUPFD_CLOEXEC, 0);   /* AT_EMPTY_PATH */
    if (fd < 0)
        return fd;
    struct stat st;
    r = HOST4(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH);
    if (r == 0 && S_ISLNK(st.st_mode))
        r = -EOPNOTSUPP;
    if (r == 0) {
        char proc[48];
        snprintf(proc, sizeof proc, "/proc/self/fd/%ld", fd);
        r = HOST3(SYS_fchmodat, AT_FDCWD, proc, mode);
    }
    HOST1(SYS_close, fd);
    return r;
}

/* fchmodat(fd, path, mode, flag): AT_SYMLINK_NOFOLLOW, AT_RESOLVE_BENEATH,
 * AT_EMPTY_PATH. */
static long do_fchmodat(struct sysctx *c, int dirfd, uint64_t upath, unsigned mode,
                        int fbsd_flags)
{
    char path[FBSD_PATH_MAX];
    long fl = fbsd_at_path(c, dirfd, upath, fbsd_flags, FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH |
                            FBSD_AT_EMPTY_PATH, path);
    if (fl < 0)
        return fl;
    mode &= 07777;
    if (fl & AT_SYMLINK_NOFOLLOW)
        return chmod_nofollow(dirfd, path, mode, fl & AT_EMPTY_PATH);
    if (path[0] == '\0') {
        /* AT_EMPTY_PATH: the dirfd itself (it may be an O_PATH fd). */
        char proc[48];
        snprintf(proc, sizeof proc, "/proc/self/fd/%d", dirfd);
        return HOST3(SYS_fchmodat, AT_FDCWD, proc, mode);
    }
    return HOST3(SYS_fchmodat, dirfd, path, mode);
}

long fbsd_sys_chmod(struct sysctx *c)
{
    return do_fchmodat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_UINT(c, 1), 0);
}

long fbsd_sys_lchmod(struct sysctx *c)
{
    return do_fchmodat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_UINT(c, 1), FBSD_AT_SYMLINK_NOFOLLOW);
}

long fbsd_sys_fchmodat(struct sysctx *c)
{
    return do_fchmodat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_UINT(c, 2), ARG_INT(c, 3));
}

long fbsd_sys_fchmod(struct sysctx *c)
{
    return HOST2(SYS_fchmod, ARG_INT(c, 0), ARG_UINT(c, 1) & 07777);
}

/* ---- owners ---- */

static long do_fchownat(struct sysctx *c, int dirfd, uint64_t upath, int uid, int gid,
                        int fbsd_flags)
{
    char path[FBSD_PATH_MAX];
    long fl = fbsd_at_path(c, dirfd, upath, fbsd_flags, FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH |
                            FBSD_AT_EMPTY_PATH, path);
    if (fl < 0)
        return fl;
    return HOST5(SYS_fchownat, dirfd, path, uid, gid, fl);
}

long fbsd_sys_chown(struct sysctx *c)
{
    return do_fchownat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_INT(c, 1), ARG_INT(c, 2), 0);
}

long fbsd_sys_lchown(struct sysctx *c)
{
    return do_fchownat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_INT(c, 1), ARG_INT(c, 2),
                       FBSD_AT_SYMLINK_NOFOLLOW);
}

long fbsd_sys_fchownat(struct sysctx *c)
{
    return do_fchownat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2), ARG_INT(c, 3),
                       ARG_INT(c, 4));
}

long fbsd_sys_fchown(struct sysctx *c)
{
    return HOST3(SYS_fchown, ARG_INT(c, 0), ARG_INT(c, 1), ARG_INT(c, 2));
}

/* ---- timestamps ---- */

/* utimes(path, const struct timeval tv[2]): struct timeval is the same on
 * both; NULL means "now"; both reject tv_usec outside [0, 1000000). */
long fbsd_sys_utimes(struct sysctx *c)
{
    char path[FBSD_PATH_MAX];
    long r = GUEST_PATH(c, 0, path);
    return r < 0 ? r : HOST2(SYS_utimes, path, ARG_PTR(c, 1));
}

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
    long fl = fbsd_at_flags(ARG_INT(c, 3), FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH |
                            FBSD_AT_EMPTY_PATH, &beneath);
    if (fl < 0)
        return fl;
    char path[FBSD_PATH_MAX];
    long r = GUEST_PATH_FLAGS(c, 1, path, FBSD_AT_ALLOW_EMPTY(fl));
    if (r < 0)
        return r;
    struct timespec ts[2], *tsp;
    if ((r = times_from_guest(ARG_PTR(c, 2), ts, &tsp)) < 0)
        return r;
    if (beneath && (r = fbsd_check_beneath(dirfd, path, !(fl & AT_SYMLINK_NOFOLLOW))) < 0)
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

/* ---- special files ---- */

/* mknodat(fd, path, mode, dev): FreeBSD dev_t is 64-bit with its own
 * major/minor encoding (sys/sys/types.h); S_IF* type bits are the same. */
static long do_mknodat(struct sysctx *c, int dirfd, uint64_t upath, unsigned mode, uint64_t fdev)
{
    char path[FBSD_PATH_MAX];
    long r = vfs_path_from_guest(c, upath, path, sizeof path);
    if (r < 0)
        return r;
    unsigned long dev = makedev(fbsd_major(fdev), fbsd_minor(fdev));
    return HOST4(SYS_mknodat, dirfd, path, mode & (S_IFMT | 07777), dev);
}

long fbsd_sys_mknodat(struct sysctx *c)
{
    return do_mknodat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_UINT(c, 2), ARG_PTR(c, 3));
}

long fbsd_sys_mkfifoat(struct sysctx *c)
{
    return do_mknodat(c, ARG_INT(c, 0), ARG_PTR(c, 1), S_IFIFO | (ARG_UINT(c, 2) & 07777), 0);
}

long fbsd_sys_mkfifo(struct sysctx *c)
{
    return do_mknodat(c, AT_FDCWD, ARG_PTR(c, 0), S_IFIFO | (ARG_UINT(c, 1) & 07777), 0);
}
