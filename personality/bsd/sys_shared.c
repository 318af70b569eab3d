/* Handlers FreeBSD and NetBSD share as they are (personality/bsd/bsd.h).
 * struct iovec, IOV_MAX (1024) and the credential calls agree; buffers go
 * straight to the host kernel, which validates them. */
#include "personality/bsd/bsd.h"
#include "syscalls/door.h"
#include "syscalls/fdtable.h"
#include "syscalls/process.h"
#include <sys/syscall.h>

long bsd_sys_exit(struct sysctx *c)
{
    process_exit(ARG_INT(c, 0));
}

long bsd_sys_read(struct sysctx *c)
{
    return HOST3(SYS_read, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2));
}

long bsd_sys_write(struct sysctx *c)
{
    return HOST3(SYS_write, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2));
}

long bsd_sys_readv(struct sysctx *c)
{
    return HOST3(SYS_readv, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2));
}

long bsd_sys_writev(struct sysctx *c)
{
    return HOST3(SYS_writev, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 2));
}

/* Whatever closes a descriptor runs the descriptor table's close hooks
 * first (fdtable.h): a BSD drops a descriptor's knotes when it is closed. */
long bsd_sys_close(struct sysctx *c)
{
    int fd = ARG_INT(c, 0);
    fdt_closing(fd, fd);
    return HOST1(SYS_close, fd);
}

long bsd_sys_dup(struct sysctx *c)
{
    return HOST1(SYS_dup, ARG_UINT(c, 0));
}

long bsd_sys_getppid(struct sysctx *c) { return HOST0(SYS_getppid); }

/* getuid/getgid return the effective id in %rdx as well (COMPAT_43 on both:
 * FreeBSD sys/kern/kern_prot.c, NetBSD getuid_with_euid/getgid_with_egid). */
long bsd_sys_getuid(struct sysctx *c)
{
    c->rv[1] = HOST0(SYS_geteuid);
    return HOST0(SYS_getuid);
}
long bsd_sys_geteuid(struct sysctx *c) { return HOST0(SYS_geteuid); }
long bsd_sys_getgid(struct sysctx *c)
{
    c->rv[1] = HOST0(SYS_getegid);
    return HOST0(SYS_getgid);
}
long bsd_sys_getegid(struct sysctx *c) { return HOST0(SYS_getegid); }

/* persona never runs a guest set-id. */
long bsd_sys_issetugid(struct sysctx *c) { return 0; }

long bsd_sys_sched_yield(struct sysctx *c) { return HOST0(SYS_sched_yield); }

/* dup2(u_int from, u_int to).  Both return EBADF for an out-of-range `to`;
 * dup2(fd, fd) returns fd on both. */
long bsd_sys_dup2(struct sysctx *c)
{
    unsigned to = ARG_UINT(c, 1);
    if (to != ARG_UINT(c, 0))
        fdt_closing((int)to, (int)to);
    return HOST2(SYS_dup2, ARG_UINT(c, 0), to);
}

long bsd_sys_fsync(struct sysctx *c)
{
    return HOST1(SYS_fsync, ARG_INT(c, 0));
}

long bsd_sys_fdatasync(struct sysctx *c)
{
    return HOST1(SYS_fdatasync, ARG_INT(c, 0));
}
