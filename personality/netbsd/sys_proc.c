/* Process identity. */
#include "personality/netbsd/nbsd.h"

/* getpid_with_ppid: NetBSD returns the parent's pid in %rdx as well
 * (syscalls.master #20, COMPAT_43). */
long nbsd_sys_getpid(struct sysctx *c)
{
    c->rv[1] = HOST0(SYS_getppid);
    return HOST0(SYS_getpid);
}
