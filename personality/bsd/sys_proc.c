/* Process groups, sessions, umask, resource limits and usage, groups:
 * the handlers FreeBSD and NetBSD share, and the limit calls with the
 * personality's resource numbering as a parameter. */
#include "personality/bsd/bsd.h"
#include "syscalls/door.h"
#include "syscalls/creds.h"
#include "syscalls/fdreserve.h"
#include "syscalls/uaccess.h"
#include <errno.h>
#include <stdatomic.h>
#include <sys/resource.h>
#include <sys/syscall.h>

long bsd_sys_setpgid(struct sysctx *c) { return HOST2(SYS_setpgid, ARG_INT(c, 0), ARG_INT(c, 1)); }
long bsd_sys_getpgrp(struct sysctx *c) { return HOST0(SYS_getpgrp); }
long bsd_sys_getpgid(struct sysctx *c) { return HOST1(SYS_getpgid, ARG_INT(c, 0)); }
long bsd_sys_getsid(struct sysctx *c) { return HOST1(SYS_getsid, ARG_INT(c, 0)); }
long bsd_sys_setsid(struct sysctx *c) { return HOST0(SYS_setsid); }

/* Both BSDs keep the set-id and sticky bits of a umask too (ALLPERMS:
 * FreeBSD sys/kern/vfs_syscalls.c sys_umask, NetBSD
 * sys/kern/vfs_syscalls.c sys_umask) and hand them back; Linux keeps only
 * 0777, so persona remembers the rest. */
static _Atomic unsigned umask_special_bits;
long bsd_sys_umask(struct sysctx *c)
{
    unsigned mask = ARG_UINT(c, 0) & 07777;
    long old = HOST1(SYS_umask, mask & 0777);
    return old | atomic_exchange(&umask_special_bits, mask & 07000);
}

/* rlim_t is signed on both: RLIM_INFINITY is INT64_MAX (FreeBSD and NetBSD
 * sys/sys/resource.h), and a value with the sign bit set counts as
 * infinity going in.  Linux uses ~0. */
#define BSD_RLIM_INFINITY 0x7fffffffffffffffULL
static uint64_t rlim_from_linux(uint64_t v) { return v >= BSD_RLIM_INFINITY ? BSD_RLIM_INFINITY : v; }
static uint64_t rlim_to_linux(uint64_t v) { return v >= BSD_RLIM_INFINITY ? (uint64_t)RLIM_INFINITY : v; }

/* RLIMIT_NOFILE is the guest's own (syscalls/fdreserve.h): the host's
 * limit also covers persona's private descriptors. */
long bsd_getrlimit(struct sysctx *c, int (*resource_to_linux)(int))
{
    int res = resource_to_linux(ARG_INT(c, 0));
    if (res < 0)
        return -EINVAL;
    struct rlimit rl;
    if (res == RLIMIT_NOFILE) {
        uint64_t cur, max;
        fd_guest_getrlimit(&cur, &max);
        rl.rlim_cur = cur;
        rl.rlim_max = max;
    } else {
        long r = HOST2(SYS_getrlimit, res, &rl);
        if (r < 0)
            return r;
    }
    uint64_t out[2] = { rlim_from_linux(rl.rlim_cur), rlim_from_linux(rl.rlim_max) };
    return copy_to_guest(ARG_PTR(c, 1), out, sizeof out);
}

long bsd_setrlimit(struct sysctx *c, int (*resource_to_linux)(int))
{
    int res = resource_to_linux(ARG_INT(c, 0));
    if (res < 0)
        return -EINVAL;
    uint64_t in[2];
    if (copy_from_guest(in, ARG_PTR(c, 1), sizeof in))
        return -EFAULT;
    struct rlimit rl = { rlim_to_linux(in[0]), rlim_to_linux(in[1]) };
    if (res == RLIMIT_NOFILE)
        return fd_guest_setrlimit(rl.rlim_cur, rl.rlim_max);
    return HOST2(SYS_setrlimit, res, &rl);
}

/* struct rusage: two timevals (64-bit seconds) and fourteen longs on both
 * (FreeBSD abi/freebsd/time.h; NetBSD sys/sys/resource.h, whose int
 * suseconds_t is padded to 8 bytes), as on Linux; RUSAGE_SELF 0 and
 * RUSAGE_CHILDREN -1 likewise. */
long bsd_sys_getrusage(struct sysctx *c)
{
    return HOST2(SYS_getrusage, ARG_INT(c, 0), ARG_PTR(c, 1));
}

/* gid_t is 32 bits on all three. */
long bsd_sys_getgroups(struct sysctx *c)
{
    return HOST2(SYS_getgroups, ARG_INT(c, 0), ARG_PTR(c, 1));
}

long bsd_setgroups(struct sysctx *c, int ngroups_max)
{
    int n = ARG_INT(c, 0);
    if (n < 0 || n > ngroups_max)
        return -EINVAL;
    return creds_set(SYS_setgroups, n, (long)ARG_PTR(c, 1), 0);
}
