/* flock(2): whole-file advisory locks, owned by the open file description
 * on both systems (a dup or a fork child shares the lock; the last close
 * releases it), so Linux's flock is the lock itself.  What differs is which
 * descriptors and operations FreeBSD accepts (sys_flock in
 * sys/kern/kern_descrip.c):
 *   - only vnodes and FIFOs: a socket, a pipe, a kqueue, an O_PATH
 *     descriptor give EOPNOTSUPP (Linux locks any file);
 *   - LOCK_UN wins over the other bits; without LOCK_UN, LOCK_EX or
 *     LOCK_SH the call is EBADF (Linux: EINVAL);
 *   - a conflict with LOCK_NB is EWOULDBLOCK (EAGAIN), as on Linux.
 * A blocking lock waits in the host call, interruptible like any other. */
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/errno.h"
#include "abi/freebsd/fcntl.h"
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

_Static_assert(FBSD_LOCK_SH == LOCK_SH && FBSD_LOCK_EX == LOCK_EX &&
               FBSD_LOCK_NB == LOCK_NB && FBSD_LOCK_UN == LOCK_UN, "flock operations");

/* A descriptor FreeBSD's flock takes: a file of a file system (vnode) or a
 * FIFO; not a socket, a pipe, an anonymous inode (kqueue's epoll, eventfd)
 * or an O_PATH descriptor. */
static bool lockable(int fd, long *err)
{
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err = -errno;
        return false;
    }
    int fl = fcntl(fd, F_GETFL);
    if (S_ISSOCK(st.st_mode) || (fl >= 0 && (fl & O_PATH))) {
        *err = GUEST_ERRNO(FBSD_EOPNOTSUPP);
        return false;
    }
    char link[64], target[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n > 0) {
        target[n] = 0;
        if (!strncmp(target, "pipe:", 5) || !strncmp(target, "anon_inode:", 11) ||
            !strncmp(target, "socket:", 7)) {
            *err = GUEST_ERRNO(FBSD_EOPNOTSUPP);
            return false;
        }
    }
    return true;
}

long fbsd_sys_flock(struct sysctx *c)
{
    int fd = ARG_INT(c, 0), how = ARG_INT(c, 1);
    long err;
    if (!lockable(fd, &err))
        return err;
    int op;
    if (how & FBSD_LOCK_UN)
        op = LOCK_UN;
    else if (how & FBSD_LOCK_EX)
        op = LOCK_EX;
    else if (how & FBSD_LOCK_SH)
        op = LOCK_SH;
    else
        return GUEST_ERRNO(FBSD_EBADF);
    if (how & FBSD_LOCK_NB)
        op |= LOCK_NB;
    return HOST2(SYS_flock, fd, op);
}
