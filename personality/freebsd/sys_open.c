/* open/openat, fcntl and ioctl: the calls whose flags and structures differ
 * most between the two systems (abi/freebsd/fcntl.h, termios.h). */
#include "personality/freebsd/fbsd_fs.h"
#include "syscalls/report.h"
#include "syscalls/fdreserve.h"
#include "syscalls/fdtable.h"
#include "abi/freebsd/errno.h"
#include "abi/freebsd/termios.h"
#include "personality/bsd/ioctl.h"
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <linux/openat2.h>

/* ---- open ---- */

/* What Linux keeps of the flags of an O_PATH open; openat2 rejects any
 * other bit next to O_PATH. */
#define LNX_O_PATH_FLAGS (O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)

/*
 * FreeBSD open flags with no Linux open flag (fbsd_open_flags_to_linux
 * hands them back in `unknown`):
 *  - O_SHLOCK/O_EXLOCK: flock(2) the new file before returning it, blocking
 *    unless O_NONBLOCK (then EWOULDBLOCK); O_EXLOCK wins if both are given,
 *    and O_TRUNC waits until the lock is held, as in FreeBSD's
 *    vn_open_vnode()/kern_openat().
 *  - O_RESOLVE_BENEATH: openat2(RESOLVE_BENEATH); an escape is ENOTCAPABLE.
 *  - O_EMPTY_PATH with path "": reopen the file `fd` refers to with the new
 *    flags, through its /proc/self/fd magic link (Linux's own way to
 *    reopen; needs /proc).  With a non-empty path the flag does nothing.
 *  - O_VERIFY (ask mac_veriexec to check the file): ignored.
 *  - O_TTY_INIT and undefined bits: ignored, as FreeBSD ignores them.
 * FreeBSD never makes a tty the controlling terminal on open (only
 * TIOCSCTTY does), so O_NOCTTY is always added.
 */
static long do_openat(struct sysctx *c, int dirfd, uint64_t upath, int fflags, unsigned mode)
{
    int unknown;
    int lflags = fbsd_open_flags_to_linux(fflags, &unknown);
    if (fflags & FBSD_O_VERIFY)
        report_unimplemented(REPORT_FLAGS, "open O_VERIFY", -1, "ignored", c->regs);

    /* sys/kern/vfs_syscalls.c kern_openat: with O_PATH the access mode and
     * O_CREAT are dropped; O_EXEC excludes any access mode; mode 3 is
     * invalid (Linux would take it as "ioctl only"). */
    if (fflags & FBSD_O_PATH)
        lflags &= ~(O_CREAT | O_ACCMODE);
    else if (fflags & FBSD_O_EXEC) {
        if (fflags & FBSD_O_ACCMODE)
            return -EINVAL;
    } else if ((fflags & FBSD_O_ACCMODE) == FBSD_O_ACCMODE)
        return -EINVAL;
    if (lflags & O_PATH)
        lflags &= LNX_O_PATH_FLAGS;
    else
        lflags |= O_NOCTTY;
    if (!(lflags & O_CREAT))
        mode = 0;               /* openat2 insists; openat ignores it */
    mode &= 07777;

    bool empty_reopen = false;
    char path[FBSD_PATH_MAX];
    long r = vfs_path_from_guest_flags(c, upath, path, sizeof path,
                                       (fflags & FBSD_O_EMPTY_PATH) ? VFS_EMPTY_OK : 0);
    if (r < 0)
        return r;
    if (r == 0) {
        empty_reopen = true;    /* O_EMPTY_PATH and "" */
        if (dirfd == AT_FDCWD)
            snprintf(path, sizeof path, "/proc/self/cwd");
        else
            snprintf(path, sizeof path, "/proc/self/fd/%d", dirfd);
        dirfd = AT_FDCWD;
    }

    int lock = 0;
    bool trunc_after_lock = false;
    if (fflags & (FBSD_O_EXLOCK | FBSD_O_SHLOCK)) {
        lock = (fflags & FBSD_O_EXLOCK) ? LOCK_EX : LOCK_SH;
        if (fflags & FBSD_O_NONBLOCK)
            lock |= LOCK_NB;
        if ((lflags & O_TRUNC) && (lflags & O_ACCMODE) != O_RDONLY) {
            lflags &= ~O_TRUNC;
            trunc_after_lock = true;
        }
    }

    long fd;
    if ((fflags & FBSD_O_RESOLVE_BENEATH) && !empty_reopen) {
        struct open_how how = { .flags = (uint64_t)(unsigned)lflags, .mode = mode,
                                .resolve = RESOLVE_BENEATH };
        fd = HOST4(SYS_openat2, dirfd, path, &how, sizeof how);
        if (fd == -EXDEV)
            return GUEST_ERRNO(FBSD_ENOTCAPABLE);
    } else {
        fd = HOST4(SYS_openat, dirfd, path, lflags, mode);
    }

    if (fd < 0) {
        struct stat st;
        /* open(2): O_NOFOLLOW on a symlink is EMLINK on FreeBSD (ELOOP on
         * Linux, which FreeBSD keeps for symlink loops). */
        if (fd == -ELOOP && (lflags & O_NOFOLLOW) &&
            HOST4(SYS_newfstatat, dirfd, path, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISLNK(st.st_mode))
            return -EMLINK;
        /* Opening a socket is EOPNOTSUPP on FreeBSD, ENXIO on Linux. */
        if (fd == -ENXIO && HOST4(SYS_newfstatat, dirfd, path, &st, 0) == 0 &&
            S_ISSOCK(st.st_mode))
            return -EOPNOTSUPP;
        return fd;
    }

    if (lock) {
        r = HOST2(SYS_flock, fd, lock);
        if (r == 0 && trunc_after_lock)
            r = HOST2(SYS_ftruncate, fd, 0);
        if (r < 0) {
            HOST1(SYS_close, fd);
            return r;
        }
    }
    return fd;
}

long fbsd_sys_open(struct sysctx *c)
{
    return do_openat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_INT(c, 1), ARG_UINT(c, 2));
}

long fbsd_sys_openat(struct sysctx *c)
{
    return do_openat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2), ARG_UINT(c, 3));
}

/* ---- fcntl ---- */

/* sys/sys/fcntl.h FCNTLFLAGS: the status flags F_SETFL may change. */
#define FBSD_SETFL_MASK (FBSD_O_APPEND | FBSD_O_ASYNC | FBSD_O_FSYNC | \
                         FBSD_O_NONBLOCK | FBSD_O_DIRECT)

static long fcntl_lock(int fd, int lcmd, uint64_t uarg)
{
    struct fbsd_flock ffl;
    struct flock lfl;
    if (copy_from_guest(&ffl, uarg, sizeof ffl))
        return -EFAULT;
    /* l_sysid names a remote system (NFS lock manager); local locks have
     * 0 and there is nothing to do with it here. */
    fbsd_flock_to_linux(&lfl, &ffl);
    long r = HOST3(SYS_fcntl, fd, lcmd, &lfl);
    if (r < 0 || lcmd != F_GETLK)
        return r;
    /* l_pid is a host pid (the PID view does not map it yet). */
    fbsd_flock_from_linux(&ffl, &lfl);
    return copy_to_guest(uarg, &ffl, sizeof ffl);
}

/* fcntl(int fd, int cmd, long arg) -- sys/kern/kern_descrip.c kern_fcntl. */
long fbsd_sys_fcntl(struct sysctx *c)
{
    int fd = ARG_INT(c, 0), cmd = ARG_INT(c, 1);
    long arg = ARG_LONG(c, 2);
    long r;

    switch (cmd) {
    /* The host soft limit (the guest's) bounds these targets; the checks
     * also hold while persona lifts it to make a descriptor of its own. */
    case FBSD_F_DUPFD:
        if (fd_is_reserved((int)arg))
            return -EINVAL;
        return HOST3(SYS_fcntl, fd, F_DUPFD, (int)arg);
    case FBSD_F_DUPFD_CLOEXEC:
        if (fd_is_reserved((int)arg))
            return -EINVAL;
        return HOST3(SYS_fcntl, fd, F_DUPFD_CLOEXEC, (int)arg);
    case FBSD_F_DUP2FD:
        if (fd_is_reserved((int)arg))
            return -EBADF;
        if ((int)arg != fd)
            fdt_closing((int)arg, (int)arg);
        return HOST2(SYS_dup2, fd, (int)arg);
    case FBSD_F_DUP2FD_CLOEXEC:
        /* dup3(), except that FreeBSD allows fd == arg: then it only sets
         * close-on-exec (kern_dup, FDDUP_FIXED). */
        if (fd == (int)arg) {
            r = HOST2(SYS_fcntl, fd, F_GETFD);
            if (r < 0)
                return r;
            r = HOST3(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);
            return r < 0 ? r : fd;
        }
        if (fd_is_reserved((int)arg))
            return -EBADF;
        fdt_closing((int)arg, (int)arg);
        return HOST3(SYS_dup3, fd, (int)arg, O_CLOEXEC);
    case FBSD_F_GETFD:
        return HOST2(SYS_fcntl, fd, F_GETFD);
    case FBSD_F_SETFD:
        /* FD_CLOEXEC is 1 on both. */
        return HOST3(SYS_fcntl, fd, F_SETFD, arg & FD_CLOEXEC);
    case FBSD_F_GETFL:
        r = HOST2(SYS_fcntl, fd, F_GETFL);
        return r < 0 ? r : fbsd_open_flags_from_linux((int)r);
    case FBSD_F_SETFL:
        return HOST3(SYS_fcntl, fd, F_SETFL,
                     fbsd_open_flags_to_linux((int)arg & FBSD_SETFL_MASK, NULL));
    case FBSD_F_GETLK:
        return fcntl_lock(fd, F_GETLK, (uint64_t)arg);
    case FBSD_F_SETLK:
        return fcntl_lock(fd, F_SETLK, (uint64_t)arg);
    case FBSD_F_SETLKW:
        return fcntl_lock(fd, F_SETLKW, (uint64_t)arg);
    case FBSD_F_GETOWN: {
        /* A process group owner is reported as -pgid on both systems, a
         * negative success value that would read as an errno. */
        struct f_owner_ex own;
        r = HOST3(SYS_fcntl, fd, F_GETOWN_EX, &own);
        if (r < 0)
            return r;
        long v = own.type == F_OWNER_PGRP ? -(long)own.pid : own.pid;
        if (v >= 0)
            return v;
        c->rv[0] = (uint64_t)v;
        return -SYSRET_VALUES;
    }
    case FBSD_F_SETOWN:
        return HOST3(SYS_fcntl, fd, F_SETOWN, (int)arg);
    case FBSD_F_READAHEAD:
    case FBSD_F_RDAHEAD:
        /* Read-ahead hints: accepted, no effect (Linux tunes it itself). */
        r = HOST2(SYS_fcntl, fd, F_GETFD);
        return r < 0 ? r : 0;
    case FBSD_F_ADD_SEALS:
        /* F_SEAL_* bits are the same (abi/freebsd/fcntl.h). */
        return HOST3(SYS_fcntl, fd, F_ADD_SEALS, (int)arg);
    case FBSD_F_GET_SEALS:
        return HOST2(SYS_fcntl, fd, F_GET_SEALS);
    default:
        /* F_OGETLK/F_OSETLK/F_OSETLKW (pre-FreeBSD 9 binaries),
         * F_SETLK_REMOTE (root only, NFS server), F_ISUNIONSTACK, F_KINFO. */
        {
            char what[48];
            snprintf(what, sizeof what, "fcntl command %d", cmd);
            report_unimplemented(REPORT_OTHER, what, cmd, "EINVAL", c->regs);
        }
        return -EINVAL;
    }
}

/* ---- ioctl ---- */

/* ioctl(int fd, u_long com, caddr_t data): the BSDs' shared handler
 * (personality/bsd/ioctl.c) with FreeBSD's termios. */
long fbsd_sys_ioctl(struct sysctx *c)
{
    static const struct bsd_termios_ops fbsd_termios = {
        fbsd_termios_from_linux, fbsd_termios_to_linux,
    };
    return bsd_ioctl(c, &fbsd_termios);
}
