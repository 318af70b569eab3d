/* dup3(from, to, flags): dup2 with flags (sys/kern/sys_descrip.c
 * sys_dup3), what Go's fork+exec moves descriptors with. */
#include "personality/netbsd/nbsd.h"
#include "abi/netbsd/fcntl.h"
#include "syscalls/fdtable.h"
#include <fcntl.h>

long nbsd_sys_dup3(struct sysctx *c)
{
    unsigned from = ARG_UINT(c, 0), to = ARG_UINT(c, 1);
    int flags = ARG_INT(c, 2);
    /* O_CLOEXEC is the only flag Linux's dup3 takes; O_NONBLOCK and
     * O_NOSIGPIPE (also accepted by NetBSD) are refused. */
    if (flags & ~NBSD_O_CLOEXEC)
        return -EINVAL;
    if (to != from)
        fdt_closing((int)to, (int)to);
    return HOST3(SYS_dup3, from, to, (flags & NBSD_O_CLOEXEC) ? O_CLOEXEC : 0);
}
