/* Opening and inspecting files: open(2) with NetBSD's flags
 * (abi/netbsd/fcntl.h) and __fstat50 with NetBSD's struct stat
 * (abi/netbsd/stat.h). */
#include "personality/netbsd/nbsd.h"
#include "abi/netbsd/fcntl.h"
#include "abi/netbsd/stat.h"
#include "abi/netbsd/termios.h"
#include "personality/bsd/ioctl.h"
#include "syscalls/report.h"
#include "syscalls/vfs.h"
#include "syscalls/fdreserve.h"
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

/* NetBSD makes a tty the controlling terminal only through TIOCSCTTY, so
 * O_NOCTTY is always added.  Flags with no Linux open flag are refused
 * rather than silently dropped: the file would be opened without the lock
 * or the SIGPIPE behaviour asked for. */
static long do_openat(struct sysctx *c, int dirfd, uint64_t upath, int nflags, unsigned mode)
{
    int unknown;
    int lflags = nbsd_open_flags_to_linux(nflags, &unknown);
    if (unknown) {
        char what[64];
        snprintf(what, sizeof what, "open flags %#x", unknown);
        report_unimplemented(REPORT_FLAGS, what, -1, "EINVAL", c->regs);
        return -EINVAL;
    }
    if ((nflags & NBSD_O_ACCMODE) == NBSD_O_ACCMODE)
        return -EINVAL;
    lflags |= O_NOCTTY;
    if (!(lflags & O_CREAT))
        mode = 0;
    char path[NBSD_PATH_MAX];
    long r = vfs_path_from_guest(c, upath, path, sizeof path);
    if (r < 0)
        return r;
    return HOST4(SYS_openat, dirfd, path, lflags, mode & 07777);
}

long nbsd_sys_open(struct sysctx *c)
{
    return do_openat(c, AT_FDCWD, ARG_PTR(c, 0), ARG_INT(c, 1), ARG_UINT(c, 2));
}

long nbsd_sys___fstat50(struct sysctx *c)
{
    struct stat st;
    long r = HOST2(SYS_fstat, ARG_INT(c, 0), &st);
    if (r < 0)
        return r;
    struct nbsd_stat ns;
    nbsd_stat_from_linux(&ns, &st);
    return copy_to_guest(ARG_PTR(c, 1), &ns, sizeof ns) ? -EFAULT : 0;
}

long nbsd_sys_openat(struct sysctx *c)
{
    /* AT_FDCWD is -100 on NetBSD and Linux alike. */
    return do_openat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2), ARG_UINT(c, 3));
}

/* pipe2(fildes, flags) (sys/kern/sys_pipe.c via sys_descrip.c): O_CLOEXEC
 * and O_NONBLOCK; O_NOSIGPIPE (no Linux per-descriptor twin) and anything
 * else is EINVAL. */
long nbsd_sys_pipe2(struct sysctx *c)
{
    int flags = ARG_INT(c, 1);
    if (flags & ~(NBSD_O_CLOEXEC | NBSD_O_NONBLOCK))
        return -EINVAL;
    int unknown;
    return HOST2(SYS_pipe2, ARG_PTR(c, 0), nbsd_open_flags_to_linux(flags, &unknown));
}

/* fcntl (sys/kern/sys_descrip.c sys_fcntl): sys/sys/fcntl.h F_DUPFD 0,
 * F_GETFD 1, F_SETFD 2, F_GETFL 3, F_SETFL 4, F_DUPFD_CLOEXEC 12; FD_CLOEXEC
 * is 1 on both.  Other commands are EINVAL and reported. */
#define NBSD_F_DUPFD         0
#define NBSD_F_GETFD         1
#define NBSD_F_SETFD         2
#define NBSD_F_GETFL         3
#define NBSD_F_SETFL         4
#define NBSD_F_DUPFD_CLOEXEC 12
#define NBSD_F_GETLK         7
#define NBSD_F_SETLK         8
#define NBSD_F_SETLKW        9

/* F_GETLK/F_SETLK/F_SETLKW with NetBSD's struct flock (abi/netbsd/fcntl.h).
 * l_pid is a host pid (no PID view yet). */
static long fcntl_lock(int fd, int lcmd, uint64_t uarg)
{
    struct nbsd_flock nfl;
    struct flock lfl;
    if (copy_from_guest(&nfl, uarg, sizeof nfl))
        return -EFAULT;
    nbsd_flock_to_linux(&lfl, &nfl);
    if (lfl.l_type < 0)
        return -EINVAL;
    long r = HOST3(SYS_fcntl, fd, lcmd, &lfl);
    if (r < 0 || lcmd != F_GETLK)
        return r;
    nbsd_flock_from_linux(&nfl, &lfl);
    return copy_to_guest(uarg, &nfl, sizeof nfl) ? -EFAULT : 0;
}

long nbsd_sys_fcntl(struct sysctx *c)
{
    int fd = ARG_INT(c, 0), cmd = ARG_INT(c, 1);
    long arg = ARG_LONG(c, 2), r;
    switch (cmd) {
    case NBSD_F_DUPFD:
    case NBSD_F_DUPFD_CLOEXEC:
        if (fd_is_reserved((int)arg))
            return -EINVAL;
        return HOST3(SYS_fcntl, fd, cmd == NBSD_F_DUPFD ? F_DUPFD : F_DUPFD_CLOEXEC, (int)arg);
    case NBSD_F_GETLK:
        return fcntl_lock(fd, F_GETLK, (uint64_t)arg);
    case NBSD_F_SETLK:
        return fcntl_lock(fd, F_SETLK, (uint64_t)arg);
    case NBSD_F_SETLKW:
        return fcntl_lock(fd, F_SETLKW, (uint64_t)arg);
    case NBSD_F_GETFD:
        return HOST2(SYS_fcntl, fd, F_GETFD);
    case NBSD_F_SETFD:
        return HOST3(SYS_fcntl, fd, F_SETFD, arg & FD_CLOEXEC);
    case NBSD_F_GETFL:
        r = HOST2(SYS_fcntl, fd, F_GETFL);
        if (r < 0)
            return r;
        return (r & O_ACCMODE) | ((r & O_NONBLOCK) ? NBSD_O_NONBLOCK : 0) |
               ((r & O_APPEND) ? NBSD_O_APPEND : 0);
    case NBSD_F_SETFL:
        return HOST3(SYS_fcntl, fd, F_SETFL, ((arg & NBSD_O_NONBLOCK) ? O_NONBLOCK : 0) |
                                             ((arg & NBSD_O_APPEND) ? O_APPEND : 0));
    default: {
        char what[48];
        snprintf(what, sizeof what, "fcntl command %d", cmd);
        report_unimplemented(REPORT_FLAGS, what, -1, "EINVAL", c->regs);
        return -EINVAL;
    }
    }
}

/* ioctl(int fd, u_long com, void *data): the BSDs' shared handler
 * (personality/bsd/ioctl.c) with NetBSD's termios (abi/netbsd/termios.h). */
long nbsd_sys_ioctl(struct sysctx *c)
{
    static const struct bsd_termios_ops nbsd_termios = {
        nbsd_termios_from_linux, nbsd_termios_to_linux,
    };
    return bsd_ioctl(c, &nbsd_termios);
}
