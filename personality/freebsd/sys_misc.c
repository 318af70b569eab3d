/* Odds and ends: sysarch(2), cpuset_getaffinity(2), getrandom(2),
 * sched_yield(2). */
#include "personality/freebsd/fbsd.h"
#include <asm/prctl.h>
#include <stdio.h>
#include <string.h>
#include "syscalls/report.h"

/* sysarch operations (sys/x86/include/sysarch.h). */
#define FBSD_AMD64_GET_FSBASE 128
#define FBSD_AMD64_SET_FSBASE 129
#define FBSD_AMD64_GET_GSBASE 130
#define FBSD_AMD64_SET_GSBASE 131

long fbsd_sys_sysarch(struct sysctx *c)
{
    uint64_t base;
    switch (ARG_INT(c, 0)) {
    case FBSD_AMD64_GET_FSBASE:
        return copy_to_guest(ARG_PTR(c, 1), &c->t->guest_fsbase, 8);
    case FBSD_AMD64_SET_FSBASE:
        if (copy_from_guest(&base, ARG_PTR(c, 1), 8))
            return -EFAULT;
        if (base >= 0x800000000000ULL)
            return -EINVAL;
        c->t->guest_fsbase = base;      /* loaded by the exit door */
        return 0;
    case FBSD_AMD64_GET_GSBASE:
        return copy_to_guest(ARG_PTR(c, 1), &c->t->guest_gsbase, 8);
    case FBSD_AMD64_SET_GSBASE:
        /* %gs is persona's own (rewritten syscall sites find their thread
         * through it): the guest's value is kept, not loaded.  Go and
         * FreeBSD's libc never use %gs on amd64. */
        if (copy_from_guest(&base, ARG_PTR(c, 1), 8))
            return -EFAULT;
        if (base >= 0x800000000000ULL)
            return -EINVAL;
        if (base)
            report_unimplemented(REPORT_OTHER, "sysarch AMD64_SET_GSBASE (the guest's %gs is not loaded)",
                                 base, "kept", c->regs);
        c->t->guest_gsbase = base;
        return 0;
    default:
        char what[48];
        snprintf(what, sizeof what, "sysarch operation %d", ARG_INT(c, 0));
        report_unimplemented(REPORT_OTHER, what, ARG_INT(c, 0), "EINVAL", c->regs);
        return -EINVAL;
    }
}

/* cpuset levels and "which" (sys/sys/cpuset.h). */
#define FBSD_CPU_LEVEL_ROOT   1
#define FBSD_CPU_LEVEL_CPUSET 2
#define FBSD_CPU_LEVEL_WHICH  3
#define FBSD_CPU_WHICH_TID    1
#define FBSD_CPU_WHICH_PID    2

long fbsd_sys_cpuset_getaffinity(struct sysctx *c)
{
    int level = ARG_INT(c, 0), which = ARG_INT(c, 1);
    long id = ARG_LONG(c, 2);
    uint64_t size = ARG_PTR(c, 3);
    if (size == 0 || size > 4096 || (size & 7))
        return GUEST_ERRNO(34);    /* ERANGE, as FreeBSD for odd sizes */
    int host_id;
    if (which == FBSD_CPU_WHICH_PID) {
        host_id = 0;
        if (id != -1 && id != (long)HOST0(SYS_getpid))
            return -ESRCH;
    } else if (which == FBSD_CPU_WHICH_TID) {
        host_id = id == -1 ? 0 : -1;
        if (id == c->t->guest_tid)
            host_id = 0;
        if (host_id < 0)
            return -ESRCH;
    } else {
        return -EINVAL;
    }
    /* ROOT/CPUSET/WHICH all answer with the process's CPUs; any other level
     * is EINVAL, checked after which and id (sys/kern/kern_cpuset.c). */
    if (level < 1 || level > 3)
        return -EINVAL;
    uint8_t mask[4096];
    memset(mask, 0, size);
    long r = HOST3(SYS_sched_getaffinity, host_id, size < 128 ? 128 : size, mask);
    if (r < 0)
        return r == -EINVAL ? GUEST_ERRNO(34) : r;
    return copy_to_guest(ARG_PTR(c, 4), mask, size);
}

long fbsd_sys_getrandom(struct sysctx *c)
{
    /* GRND_NONBLOCK 1 and GRND_RANDOM 2 match Linux (sys/sys/random.h);
     * FreeBSD also takes GRND_INSECURE 4, as Linux 5.6+ does. */
    if (ARG_UINT(c, 2) & ~7u)
        return -EINVAL;     /* sys/kern/sys_getrandom.c: other bits are EINVAL */
    return HOST3(SYS_getrandom, ARG_PTR(c, 0), ARG_PTR(c, 1), ARG_UINT(c, 2));
}

