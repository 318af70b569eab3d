/* Process identity and limits. */
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/time.h"
#include "syscalls/fdreserve.h"
#include "syscalls/signals.h"
#include "syscalls/process.h"
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

/* RLIMIT_NOFILE is the guest's own (syscalls/fdreserve.h): the host's
 * limit also covers persona's private descriptors. */

/* getdtablesize(2): min(RLIMIT_NOFILE soft limit, maxfilesperproc). */
long fbsd_sys_getdtablesize(struct sysctx *c)
{
    uint64_t cur, max;
    fd_guest_getrlimit(&cur, &max);
    return (long)(cur > INT32_MAX ? INT32_MAX : cur);
}

/* The limits themselves: personality/bsd/sys_proc.c, with FreeBSD's
 * resource numbers (abi/freebsd/time.h). */
long fbsd_sys_getrlimit(struct sysctx *c)
{
    return bsd_getrlimit(c, fbsd_rlimit_resource_to_linux);
}

long fbsd_sys_setrlimit(struct sysctx *c)
{
    return bsd_setrlimit(c, fbsd_rlimit_resource_to_linux);
}

/* FreeBSD's NGROUPS_MAX is 1023 (sys/sys/syslimits.h); Linux allows more. */
long fbsd_sys_setgroups(struct sysctx *c)
{
    return bsd_setgroups(c, 1023);
}
