/* __sysctl(2): the few read-only nodes Go's runtime and os package ask for
 * (runtime/os_netbsd.go: hw.ncpuonline, hw.ncpu, hw.pagesize, kern.osrev;
 * os.Hostname: kern.hostname, found by name through CTL_QUERY) and the
 * listing of their names; the routing sysctl net.route.rtable's interface
 * list, asked for by number (personality/netbsd/sysctl_route.c).
 * Numbers: sys/sys/sysctl.h.  Any other name is ENOENT and reported
 * (--report-missing). */
#include "personality/netbsd/nbsd.h"
#include "personality/netbsd/sysctl_route.h"
#include "abi/netbsd/route.h"
#include "syscalls/report.h"
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

/* NetBSD sys/sys/sysctl.h: the top-level and second-level numbers. */
#define NBSD_CTL_KERN       1
#define NBSD_KERN_OSTYPE    1
#define NBSD_KERN_OSRELEASE 2
#define NBSD_KERN_OSREV     3
#define NBSD_KERN_HOSTNAME 10
#define NBSD_CTL_HW         6
#define NBSD_HW_MACHINE     1
#define NBSD_HW_NCPU        3
#define NBSD_HW_PAGESIZE    7
#define NBSD_HW_NCPUONLINE 16
#define NBSD_CTL_NET        4
#define NBSD_CTL_MAXNAME   12
/* CTL_QUERY as the last name component lists a node's children
 * (sys/kern/kern_sysctl.c sysctl_query); Go's nametomib walks names so. */
#define NBSD_CTL_QUERY     (-2)

/* __NetBSD_Version__ of the release persona reports: NetBSD 10.0. */
#define NBSD_OSREV 1000000000

/* sys/sys/sysctl.h struct sysctlnode (SYSCTL_VERS_1), 96 bytes on amd64;
 * Go's syscall/ztypes_netbsd_amd64.go Sysctlnode.  Only the fields a query
 * answer needs are filled: flags (type | version), number, name. */
struct nbsd_sysctlnode {
    uint32_t sysctl_flags;
    int32_t sysctl_num;
    char sysctl_name[32];
    uint32_t sysctl_ver;
    uint32_t rsvd;
    unsigned char un[16];
    uint64_t size, func, parent, desc;
};
_Static_assert(sizeof(struct nbsd_sysctlnode) == 96, "struct sysctlnode");
#define NBSD_SYSCTL_VERS_1  0x01000000
#define NBSD_CTLTYPE_NODE   1
#define NBSD_CTLTYPE_INT    2
#define NBSD_CTLTYPE_STRING 3

/* The nodes persona answers: {parent, number, name, type}; parent 0 is
 * the root. */
static const struct node { int parent, num; const char *name; int type; } nodes[] = {
    { 0, NBSD_CTL_KERN, "kern", NBSD_CTLTYPE_NODE },
    { 0, NBSD_CTL_HW, "hw", NBSD_CTLTYPE_NODE },
    { NBSD_CTL_KERN, NBSD_KERN_OSTYPE, "ostype", NBSD_CTLTYPE_STRING },
    { NBSD_CTL_KERN, NBSD_KERN_OSRELEASE, "osrelease", NBSD_CTLTYPE_STRING },
    { NBSD_CTL_KERN, NBSD_KERN_OSREV, "osrevision", NBSD_CTLTYPE_INT },
    { NBSD_CTL_KERN, NBSD_KERN_HOSTNAME, "hostname", NBSD_CTLTYPE_STRING },
    { NBSD_CTL_HW, NBSD_HW_MACHINE, "machine", NBSD_CTLTYPE_STRING },
    { NBSD_CTL_HW, NBSD_HW_NCPU, "ncpu", NBSD_CTLTYPE_INT },
    { NBSD_CTL_HW, NBSD_HW_PAGESIZE, "pagesize", NBSD_CTLTYPE_INT },
    { NBSD_CTL_HW, NBSD_HW_NCPUONLINE, "ncpuonline", NBSD_CTLTYPE_INT },
};
#define NNODES (sizeof nodes / sizeof nodes[0])

static int ncpu(void)
{
    cpu_set_t set;
    return sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
}

/* The value of a two-level leaf into buf (an int, or a NUL-terminated
 * string); its length, or -1 if persona has no such node. */
static long leaf_value(const int mib[2], char *buf, size_t cap)
{
    int v;
    struct utsname u;
    const char *str = NULL;
    if (mib[0] == NBSD_CTL_HW && (mib[1] == NBSD_HW_NCPU || mib[1] == NBSD_HW_NCPUONLINE))
        v = ncpu();
    else if (mib[0] == NBSD_CTL_HW && mib[1] == NBSD_HW_PAGESIZE)
        v = 4096;
    else if (mib[0] == NBSD_CTL_KERN && mib[1] == NBSD_KERN_OSREV)
        v = NBSD_OSREV;
    else if (mib[0] == NBSD_CTL_KERN && mib[1] == NBSD_KERN_OSTYPE)
        str = "NetBSD";
    else if (mib[0] == NBSD_CTL_KERN && mib[1] == NBSD_KERN_OSRELEASE)
        str = "10.0";
    else if (mib[0] == NBSD_CTL_HW && mib[1] == NBSD_HW_MACHINE)
        str = "amd64";
    else if (mib[0] == NBSD_CTL_KERN && mib[1] == NBSD_KERN_HOSTNAME)
        str = uname(&u) == 0 ? u.nodename : "";
    else
        return -1;
    if (str) {
        size_t n = strlen(str) + 1;
        if (n > cap)
            n = cap;
        memcpy(buf, str, n);
        return (long)n;
    }
    memcpy(buf, &v, sizeof v);
    return sizeof v;
}

/* The children of the node named by mib[0..miblen) as struct sysctlnode
 * records; their bytes, or -1 when the node is none of persona's. */
static long query_children(const int *mib, unsigned miblen, char *buf, size_t cap)
{
    if (miblen > 1)
        return -1;
    int parent = miblen ? mib[0] : 0;
    if (miblen && parent != NBSD_CTL_KERN && parent != NBSD_CTL_HW)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < NNODES; i++) {
        if (nodes[i].parent != parent || n + sizeof(struct nbsd_sysctlnode) > cap)
            continue;
        struct nbsd_sysctlnode sn = {
            .sysctl_flags = NBSD_SYSCTL_VERS_1 | (uint32_t)nodes[i].type,
            .sysctl_num = nodes[i].num,
        };
        strncpy(sn.sysctl_name, nodes[i].name, sizeof sn.sysctl_name - 1);
        memcpy(buf + n, &sn, sizeof sn);
        n += sizeof sn;
    }
    return (long)n;
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
    bool query = mib[miblen - 1] == NBSD_CTL_QUERY;
    if (miblen >= 2 && mib[0] == NBSD_CTL_NET && mib[1] == NBSD_PF_ROUTE && !query)
        return nbsd_sysctl_route(c, mib, miblen, ARG_PTR(c, 2), ARG_PTR(c, 3), ARG_PTR(c, 4));
    char value[1024];
    long vlen = -1;
    if (query)
        vlen = query_children(mib, miblen - 1, value, sizeof value);
    else if (miblen == 2)
        vlen = leaf_value(mib, value, sizeof value);
    if (vlen < 0) {
        char what[64];
        int n = snprintf(what, sizeof what, "sysctl");
        for (unsigned i = 0; i < miblen && n < (int)sizeof what; i++)
            n += snprintf(what + n, sizeof what - n, "%s%d", i ? "." : " ", mib[i]);
        report_unimplemented(REPORT_SYSCTL, what, -1, "ENOENT", c->regs);
        return -ENOENT;
    }
    /* A query's new value is the version probe (struct sysctlnode); the
     * leaves are read-only. */
    if (ARG_PTR(c, 4) && !query)
        return -EPERM;
    uint64_t old = ARG_PTR(c, 2), oldlenp = ARG_PTR(c, 3);
    if (!oldlenp)
        return 0;
    uint64_t len;
    if (copy_from_guest(&len, oldlenp, sizeof len))
        return -EFAULT;
    uint64_t want = (uint64_t)vlen;
    long r = 0;
    if (old) {
        uint64_t n = len < want ? len : want;
        if (n && copy_to_guest(old, value, n))
            return -EFAULT;
        if (len < want)
            r = -ENOMEM;
    }
    if (copy_to_guest(oldlenp, &want, sizeof want))
        return -EFAULT;
    return r;
}
