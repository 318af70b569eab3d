/* Calls that name files: access, chdir/getcwd, mkdir/rmdir, link/unlink,
 * rename, symlinks, permissions, owners and timestamps.
 *
 * Every path argument goes through the filesystem view (syscalls/vfs.h);
 * every path shown back to the guest comes out through vfs_path_to_guest.
 * Access modes (F_OK 0, X_OK 1, W_OK 2, R_OK 4; sys/sys/unistd.h), mode
 * bits and uid/gid -1 meaning "unchanged" are the same on both systems. */
#include "personality/bsd/at_path.h"
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452       /* Linux 6.6 */
#endif

/* ---- access ---- */

static long do_faccessat(struct sysctx *c, int dirfd, uint64_t upath, int mode,
                         int fbsd_flags)
{
    char path[BSD_PATH_MAX];
    long fl = bsd_at_path(c, dirfd, upath, fbsd_flags, FBSD_AT_EACCESS | FBSD_AT_RESOLVE_BENEATH |
                            FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_EMPTY_PATH, path);
    if (fl < 0)
        return fl;
    /* faccessat2 (Linux 5.8): the plain faccessat has no flags argument. */
    return HOST4(SYS_faccessat2, dirfd, path, mode, fl);
}

long bsd_sys_access(struct sysctx *c)
{
    return do_faccessat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_INT(c, 1), 0);
}

/* eaccess(2): access() with the effective ids. */
long bsd_sys_eaccess(struct sysctx *c)
{
    return do_faccessat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_INT(c, 1), FBSD_AT_EACCESS);
}

long bsd_sys_faccessat(struct sysctx *c)
{
    return do_faccessat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2), ARG_INT(c, 3));
}

/* ---- current directory ---- */

long bsd_sys_chdir(struct sysctx *c)
{
    char path[BSD_PATH_MAX];
    long r = GUEST_PATH(c, 0, path);
    return r < 0 ? r : HOST1(SYS_chdir, path);
}

long bsd_sys_fchdir(struct sysctx *c)
{
    return HOST1(SYS_fchdir, ARG_INT(c, 0));
}

/* The current directory as the guest names it (through the view), NUL
 * included in `cap`: its length, -ERANGE when it does not fit. */
long bsd_guest_cwd(struct sysctx *c, char *guest, size_t cap)
{
    char host[4096];
    long r = HOST2(SYS_getcwd, host, sizeof host);
    if (r == -ENAMETOOLONG)
        r = -ERANGE;
    if (r < 0)
        return r;
    r = vfs_path_to_guest(c, host, guest, cap);
    if (r < 0 || (size_t)r + 1 > cap)
        return -ERANGE;
    return r;
}

/* ---- directories, links, names ---- */

long bsd_sys_mkdir(struct sysctx *c)
{
    char path[BSD_PATH_MAX];
    long r = GUEST_PATH(c, 0, path);
    return r < 0 ? r : HOST3(SYS_mkdirat, AT_FDCWD, path, ARG_UINT(c, 1) & 07777);
}

long bsd_sys_mkdirat(struct sysctx *c)
{
    char path[BSD_PATH_MAX];
    long r = GUEST_PATH(c, 1, path);
    return r < 0 ? r : HOST3(SYS_mkdirat, ARG_INT(c, 0), path, ARG_UINT(c, 2) & 07777);
}

long bsd_sys_rmdir(struct sysctx *c)
{
    char path[BSD_PATH_MAX];
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
    long fl = bsd_at_flags(fbsd_flags, FBSD_AT_REMOVEDIR | FBSD_AT_RESOLVE_BENEATH, &beneath);
    if (fl < 0)
        return fl;
    char path[BSD_PATH_MAX];
    long r = vfs_path_from_guest(c, upath, path, sizeof path);
    if (r < 0)
        return r;
    if (beneath && (r = bsd_check_beneath(dirfd, path, false)) < 0)
        return r;
    r = HOST3(SYS_unlinkat, dirfd, path, fl);
    return r == -EISDIR ? -EPERM : r;
}

long bsd_sys_unlinkat(struct sysctx *c)
{
    return do_unlinkat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2));
}

long bsd_sys_renameat(struct sysctx *c)
{
    return bsd_renameat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2), ARG_PTR(c, 3));
}

/* linkat(fd1, path1, fd2, path2, flag): AT_SYMLINK_FOLLOW,
 * AT_RESOLVE_BENEATH, AT_EMPTY_PATH. */
static long do_linkat(struct sysctx *c, int ofd, uint64_t uold, int nfd, uint64_t unew,
                      int fbsd_flags)
{
    bool beneath;
    long fl = bsd_at_flags(fbsd_flags, FBSD_AT_SYMLINK_FOLLOW | FBSD_AT_RESOLVE_BENEATH |
                            FBSD_AT_EMPTY_PATH, &beneath);
    if (fl < 0)
        return fl;
    char from[BSD_PATH_MAX], to[BSD_PATH_MAX];
    long r = vfs_path_from_guest_flags(c, uold, from, sizeof from, BSD_AT_ALLOW_EMPTY(fl));
    if (r < 0)
        return r;
    r = vfs_path_from_guest(c, unew, to, sizeof to);
    if (r < 0)
        return r;
    if (beneath) {
        if ((r = bsd_check_beneath(ofd, from, fl & AT_SYMLINK_FOLLOW)) < 0 ||
            (r = bsd_check_beneath(nfd, to, false)) < 0)
            return r;
    }
    return HOST5(SYS_linkat, ofd, from, nfd, to, fl);
}

/* FreeBSD's link() follows a symbolic link in path1 (sys/kern/vfs_syscalls.c
 * sys_link passes FOLLOW); Linux's link() does not. */
long bsd_sys_link(struct sysctx *c)
{
    return do_linkat(c, AT_FDCWD, ARG_PTR(c, 0), AT_FDCWD, ARG_PTR(c, 1),
                     FBSD_AT_SYMLINK_FOLLOW);
}

long bsd_sys_linkat(struct sysctx *c)
{
    return do_linkat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2), ARG_PTR(c, 3),
                     ARG_INT(c, 4));
}

/* The target of a symlink is stored verbatim, not looked up now: it is
 * copied and length-checked but not rewritten by the view. */
static long do_symlinkat(struct sysctx *c, uint64_t utarget, int dirfd, uint64_t ulink)
{
    char target[BSD_PATH_MAX], link[BSD_PATH_MAX];
    long r = vfs_path_from_guest_flags(c, utarget, target, sizeof target, VFS_VERBATIM);
    if (r < 0)
        return r;
    r = vfs_path_from_guest(c, ulink, link, sizeof link);
    return r < 0 ? r : HOST3(SYS_symlinkat, target, dirfd, link);
}

long bsd_sys_symlink(struct sysctx *c)
{
    return do_symlinkat(c, ARG_PTR(c, 0), AT_FDCWD, ARG_PTR(c, 1));
}

long bsd_sys_symlinkat(struct sysctx *c)
{
    return do_symlinkat(c, ARG_PTR(c, 0), ARG_INT(c, 1), ARG_PTR(c, 2));
}

/* readlinkat(fd, path, buf, bufsize) returns the byte count, not
 * NUL-terminated, truncated to bufsize (readlink(2)). */
static long do_readlinkat(struct sysctx *c, int dirfd, uint64_t upath, uint64_t ubuf,
                          size_t bufsize)
{
    char path[BSD_PATH_MAX], host[4096], guest[4096];
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

long bsd_sys_readlink(struct sysctx *c)
{
    return do_readlinkat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2));
}

long bsd_sys_readlinkat(struct sysctx *c)
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
    char path[BSD_PATH_MAX];
    long fl = bsd_at_path(c, dirfd, upath, fbsd_flags, FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH |
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

long bsd_sys_chmod(struct sysctx *c)
{
    return do_fchmodat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_UINT(c, 1), 0);
}

long bsd_sys_lchmod(struct sysctx *c)
{
    return do_fchmodat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_UINT(c, 1), FBSD_AT_SYMLINK_NOFOLLOW);
}

long bsd_sys_fchmodat(struct sysctx *c)
{
    return do_fchmodat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_UINT(c, 2), ARG_INT(c, 3));
}

long bsd_sys_fchmod(struct sysctx *c)
{
    return HOST2(SYS_fchmod, ARG_INT(c, 0), ARG_UINT(c, 1) & 07777);
}

/* ---- owners ---- */

static long do_fchownat(struct sysctx *c, int dirfd, uint64_t upath, int uid, int gid,
                        int fbsd_flags)
{
    char path[BSD_PATH_MAX];
    long fl = bsd_at_path(c, dirfd, upath, fbsd_flags, FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH |
                            FBSD_AT_EMPTY_PATH, path);
    if (fl < 0)
        return fl;
    return HOST5(SYS_fchownat, dirfd, path, uid, gid, fl);
}

long bsd_sys_chown(struct sysctx *c)
{
    return do_fchownat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_INT(c, 1), ARG_INT(c, 2), 0);
}

long bsd_sys_lchown(struct sysctx *c)
{
    return do_fchownat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_INT(c, 1), ARG_INT(c, 2),
                       FBSD_AT_SYMLINK_NOFOLLOW);
}

long bsd_sys_fchownat(struct sysctx *c)
{
    return do_fchownat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2), ARG_INT(c, 3),
                       ARG_INT(c, 4));
}

long bsd_sys_fchown(struct sysctx *c)
{
    return HOST3(SYS_fchown, ARG_INT(c, 0), ARG_INT(c, 1), ARG_INT(c, 2));
}

/* ---- timestamps ---- */

/* utimes(path, const struct timeval tv[2]): struct timeval is the same on
 * both; NULL means "now"; both reject tv_usec outside [0, 1000000). */
long bsd_sys_utimes(struct sysctx *c)
{
    char path[BSD_PATH_MAX];
    long r = GUEST_PATH(c, 0, path);
    return r < 0 ? r : HOST2(SYS_utimes, path, ARG_PTR(c, 1));
}

/* ---- special files ---- */

/* mknodat on a guest path with a Linux device number (each BSD encodes
 * dev_t its own way; the caller converts).  S_IF* type bits are the same. */
long bsd_mknodat(struct sysctx *c, int dirfd, uint64_t upath, unsigned mode, unsigned long dev)
{
    char path[BSD_PATH_MAX];
    long r = vfs_path_from_guest(c, upath, path, sizeof path);
    if (r < 0)
        return r;
    return HOST4(SYS_mknodat, dirfd, path, mode & (S_IFMT | 07777), dev);
}

long bsd_sys_mkfifoat(struct sysctx *c)
{
    return bsd_mknodat(c, ARG_INT(c, 0), ARG_PTR(c, 1), S_IFIFO | (ARG_UINT(c, 2) & 07777), 0);
}

long bsd_sys_mkfifo(struct sysctx *c)
{
    return bsd_mknodat(c, AT_FDCWD, ARG_PTR(c, 0), S_IFIFO | (ARG_UINT(c, 1) & 07777), 0);
}
