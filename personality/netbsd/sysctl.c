/* __sysctl(2): the few read-only integer nodes Go's runtime asks for at
 * start (runtime/os_netbsd.go: hw.ncpuonline, hw.ncpu, hw.pagesize,
 * kern.osrev).  Numbers: sys/sys/sysctl.h, as os_netbsd.go names them.
 * Any other name is ENOENT and reported (--report-missing). */
#include "personality/netbsd/nbsd.h"
#include "syscalls/report.h"
#include <sched.h>
#include <stdio.h>

#define NBSD_CTL_KERN       1
#define NBSD_KERN_OSREV     3
#define NBSD_CTL_HW         6
#define NBSD_HW_NCPU        3
#define NBSD_HW_PAGESIZE    7
#define NBSD_HW_NCPUONLINE 16
#define NBSD_CTL_MAXNAME   12

/* __NetBSD_Version__ of the release persona reports: NetBSD 10.0. */
#define NBSD_OSREV 1000000000

static int ncpu(void)
{
    cpu_set_t set;
    return sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
}

/* The value of a two-level integer node; false if persona has none. */
static bool int_node(const int mib[2], int *value)
{
    if (mib[0] == NBSD_CTL_HW && (mib[1] == NBSD_HW_NCPU || mib[1] == NBSD_HW_NCPUONLINE))
        *value = ncpu();
    else if (mib[0] == NBSD_CTL_HW && mib[1] == NBSD_HW_PAGESIZE)
        *value = 4096;
    else if (mib[0] == NBSD_CTL_KERN && mib[1] == NBSD_KERN_OSREV)
        *value = NBSD_OSREV;
    else
        return false;
    return true;
}

/* __sysctl(name, namelen, oldp, oldlenp, newp, newlen): with oldp NULL only
 * the size is stored; a short buffer gets what fits and ENOMEM
 * (sys/kern/kern_sysctl.c sysctl_copyout); these nodes are read-only, so
 * a new value is EPERM. */
long nbsd_sys___sysctl(struct sysctx *c)
{
    unsigned miblen = ARG_UINT(c, 1);
    if (miblen < 1 || miblen > NBSD_CTL_MAXNAME)
        return -EINVAL;
    int mib[NBSD_CTL_MAXNAME];
    if (copy_from_guest(mib, ARG_PTR(c, 0), miblen * sizeof(int)))
        return -EFAULT;
    int value;
    if (miblen != 2 || !int_node(mib, &value)) {
        char what[64];
        int n = snprintf(what, sizeof what, "sysctl");
        for (unsigned i = 0; i < miblen && n < (int)sizeof what; i++)
            n += snprintf(what + n, sizeof what - n, "%s%d", i ? "." : " ", mib[i]);
        report_unimplemented(REPORT_SYSCTL, what, -1, "ENOENT", c->regs);
        return -ENOENT;
    }
    if (ARG_PTR(c, 4))
        return -EPERM;
    uint64_t old = ARG_PTR(c, 2), oldlenp = ARG_PTR(c, 3);
    if (!oldlenp)
        return 0;
    uint64_t len;
    if (copy_from_guest(&len, oldlenp, sizeof len))
        return -EFAULT;
    uint64_t want = sizeof value;
    long r = 0;
    if (old) {
        uint64_t n = len < want ? len : want;
        if (n && copy_to_guest(old, &value, n))
            return -EFAULT;
        if (len < want)
            r = -ENOMEM;
    }
    if (copy_to_guest(oldlenp, &want, sizeof want))
        return -EFAULT;
    return r;
}
