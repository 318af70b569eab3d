/* Opening and inspecting files: open(2) with NetBSD's flags
 * (abi/netbsd/fcntl.h) and __fstat50 with NetBSD's struct stat
 * (abi/netbsd/stat.h). */
#include "personality/netbsd/nbsd.h"
#include "abi/netbsd/fcntl.h"
#include "abi/netbsd/stat.h"
#include "syscalls/report.h"
#include "syscalls/vfs.h"
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
