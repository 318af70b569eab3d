/* Process identity and limits. */
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/time.h"
#include "syscalls/fdreserve.h"
#include "syscalls/signals.h"
#include "syscalls/process.h"
#include <stdatomic.h>
#include <sys/resource.h>
#include <unistd.h>

long fbsd_sys_getpid(struct sysctx *c)
{
    /* FreeBSD returns the parent's pid in %rdx too only for a.out programs
     * (sys/kern/kern_prot.c, sys_getpid: COMPAT_43 and SV_AOUT); an ELF
     * program gets %rdx back as it was. */
    return HOST0(SYS_getpid);
}

/* getresuid/getresgid: FreeBSD skips a NULL pointer and tries every copy
 * before reporting the first that failed (sys/kern/kern_prot.c); Linux
 * faults on NULL. */
static long copy_three_ids(struct sysctx *c, const uint32_t ids[3])
{
    long err = 0;
    for (int i = 0; i < 3; i++)
        if (ARG_PTR(c, i) && copy_to_guest(ARG_PTR(c, i), &ids[i], sizeof ids[i]) && !err)
            err = -EFAULT;
    return err;
}
long fbsd_sys_getresuid(struct sysctx *c)
{
    uint32_t ids[3];
    long r = HOST3(SYS_getresuid, &ids[0], &ids[1], &ids[2]);
    return r < 0 ? r : copy_three_ids(c, ids);
}
long fbsd_sys_getresgid(struct sysctx *c)
{
    uint32_t ids[3];
    long r = HOST3(SYS_getresgid, &ids[0], &ids[1], &ids[2]);
    return r < 0 ? r : copy_three_ids(c, ids);
}

/* persona never runs set-id binaries with elevated rights. */

long fbsd_sys_getpgrp(struct sysctx *c) { return HOST0(SYS_getpgrp); }
long fbsd_sys_getpgid(struct sysctx *c) { return HOST1(SYS_getpgid, ARG_INT(c, 0)); }
long fbsd_sys_getsid(struct sysctx *c) { return HOST1(SYS_getsid, ARG_INT(c, 0)); }
long fbsd_sys_setsid(struct sysctx *c) { return HOST0(SYS_setsid); }
/* FreeBSD keeps the set-id and sticky bits of a umask too (ALLPERMS,
 * sys/kern/vfs_syscalls.c sys_umask) and hands them back; Linux keeps only
 * 0777, so persona remembers the rest. */
static _Atomic unsigned umask_special_bits;
long fbsd_sys_umask(struct sysctx *c)
{
    unsigned mask = ARG_UINT(c, 0) & 07777;
    long old = HOST1(SYS_umask, mask & 0777);
    return old | atomic_exchange(&umask_special_bits, mask & 07000);
}

/* RLIMIT_NOFILE is the guest's own (syscalls/fdreserve.h): the host's
 * limit also covers persona's private descriptors. */

/* getdtablesize(2): min(RLIMIT_NOFILE soft limit, maxfilesperproc). */
long fbsd_sys_getdtablesize(struct sysctx *c)
{
    uint64_t cur, max;
    fd_guest_getrlimit(&cur, &max);
    return (long)(cur > INT32_MAX ? INT32_MAX : cur);
}

long fbsd_sys_getrlimit(struct sysctx *c)
{
    int res = fbsd_rlimit_resource_to_linux(ARG_INT(c, 0));
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
    uint64_t out[2] = { fbsd_rlim_from_linux(rl.rlim_cur), fbsd_rlim_from_linux(rl.rlim_max) };
    return copy_to_guest(ARG_PTR(c, 1), out, sizeof out);
}

long fbsd_sys_setrlimit(struct sysctx *c)
{
    int res = fbsd_rlimit_resource_to_linux(ARG_INT(c, 0));
    if (res < 0)
        return -EINVAL;
    uint64_t in[2];
    if (copy_from_guest(in, ARG_PTR(c, 1), sizeof in))
        return -EFAULT;
    struct rlimit rl = { fbsd_rlim_to_linux(in[0]), fbsd_rlim_to_linux(in[1]) };
    if (res == RLIMIT_NOFILE)
        return fd_guest_setrlimit(rl.rlim_cur, rl.rlim_max);
    return HOST2(SYS_setrlimit, res, &rl);
}

long fbsd_sys_getrusage(struct sysctx *c)
{
    /* struct rusage has the same layout on both (abi/freebsd/time.h);
     * RUSAGE_SELF 0, RUSAGE_CHILDREN -1, RUSAGE_THREAD 1 likewise. */
    return HOST2(SYS_getrusage, ARG_INT(c, 0), ARG_PTR(c, 1));
}

/* gid_t is 32 bits on both; FreeBSD's NGROUPS_MAX is 1023 (kern.ngroups). */
long fbsd_sys_getgroups(struct sysctx *c)
{
    return HOST2(SYS_getgroups, ARG_INT(c, 0), ARG_PTR(c, 1));
}
