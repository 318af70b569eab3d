/* The FreeBSD sysctl tree persona answers: __sysctl(2) by number (MIB) and
 * __sysctlbyname(2) by name, plus the {0,3} name-to-MIB lookup libc and Go
 * use.  OID numbers: FreeBSD sys/sys/sysctl.h; names without a fixed
 * number (kern.smp.*, hw.pagesizes, ...) get numbers from 0x1000 up, the
 * way FreeBSD hands out dynamic OIDs from CTL_AUTO_START (0x100). */
#include "personality/freebsd/fbsd.h"
#include "personality/freebsd/sysctl.h"
#include "personality/freebsd/sysctl_getters.h"
#include "personality/freebsd/sysctl_route.h"
#include "syscalls/fdreserve.h"
#include "syscalls/report.h"
#include "abi/freebsd/sysctl.h"
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

struct fbsd_exec_facts fbsd_exec_facts;

#define DYN 0x1000   /* first number persona uses for dynamic OIDs */


struct sysctl_node {
    const char *name;
    int mib[6];
    unsigned miblen;
    unsigned type;          /* FBSD_CTLTYPE_* */
    const char *fmt;        /* format string reported by OIDFMT */
    sysctl_get_t get;
    long ival;              /* for plain integers */
    const char *sval;       /* for plain strings */
    bool takes_args;        /* MIB continues with arguments (kern.proc.*) */
};

static size_t put(void *buf, size_t cap, const void *v, size_t len)
{
    memcpy(buf, v, len < cap ? len : cap);
    return len;
}
static size_t put_int(void *buf, size_t cap, int v) { return put(buf, cap, &v, sizeof v); }
static size_t put_ulong(void *buf, size_t cap, unsigned long v) { return put(buf, cap, &v, sizeof v); }
static size_t put_str(void *buf, size_t cap, const char *s) { return put(buf, cap, s, strlen(s) + 1); }

static size_t get_hostname(const int *m, unsigned n, void *b, size_t cap)
{
    struct utsname u;
    uname(&u);
    return put_str(b, cap, u.nodename);
}
static size_t get_version(const int *m, unsigned n, void *b, size_t cap)
{
    return put_str(b, cap, "FreeBSD " FBSD_OSRELEASE " (persona on Linux)\n");
}
static size_t get_ncpu(const int *m, unsigned n, void *b, size_t cap)
{
    cpu_set_t set;
    int ncpu = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set)
                                                           : (int)sysconf(_SC_NPROCESSORS_ONLN);
    return put_int(b, cap, ncpu);
}
static size_t get_physmem(const int *m, unsigned n, void *b, size_t cap)
{
    struct sysinfo si;
    sysinfo(&si);
    return put_ulong(b, cap, (unsigned long)si.totalram * si.mem_unit);
}
static size_t get_usermem(const int *m, unsigned n, void *b, size_t cap)
{
    struct sysinfo si;
    sysinfo(&si);
    return put_ulong(b, cap, (unsigned long)si.freeram * si.mem_unit);
}
static size_t get_pagesizes(const int *m, unsigned n, void *b, size_t cap)
{
    /* MAXPAGESIZES = 3 on amd64 (sys/amd64/include/param.h). */
    unsigned long sizes[3] = { 4096, 2UL << 20, 1UL << 30 };
    return put(b, cap, sizes, sizeof sizes);
}
static size_t get_boottime(const int *m, unsigned n, void *b, size_t cap)
{
    struct timespec now, up;
    clock_gettime(CLOCK_REALTIME, &now);
    clock_gettime(CLOCK_BOOTTIME, &up);
    struct { long sec, usec; } tv;
    long long ns = (now.tv_sec - up.tv_sec) * 1000000000LL + (now.tv_nsec - up.tv_nsec);
    tv.sec = ns / 1000000000LL;
    tv.usec = (ns % 1000000000LL) / 1000;
    return put(b, cap, &tv, sizeof tv);
}
static size_t get_clockrate(const int *m, unsigned n, void *b, size_t cap)
{
    /* struct clockinfo (sys/sys/time.h): hz, tick, spare, stathz, profhz. */
    int ci[5] = { 1000, 1000, 0, FBSD_STATHZ, 8128 };
    return put(b, cap, ci, sizeof ci);
}
static size_t get_arandom(const int *m, unsigned n, void *b, size_t cap)
{
    /* kern.arandom hands out at most 256 bytes per call (sys/kern/kern_mib.c). */
    size_t len = cap < 256 ? cap : 256;
    if (getrandom(b, len, 0) != (ssize_t)len)
        return 0;
    return len;
}
static size_t get_usrstack(const int *m, unsigned n, void *b, size_t cap)
{
    return put_ulong(b, cap, fbsd_exec_facts.usrstack);
}
static size_t get_ps_strings(const int *m, unsigned n, void *b, size_t cap)
{
    return put_ulong(b, cap, fbsd_exec_facts.ps_strings);
}
static size_t get_hostuuid(const int *m, unsigned n, void *b, size_t cap)
{
    char uuid[64] = "00000000-0000-0000-0000-000000000000";
    FILE *f = fopen("/proc/sys/kernel/random/boot_id", "re");
    if (f) {
        if (!fgets(uuid, sizeof uuid, f))
            uuid[0] = 0;
        fclose(f);
        uuid[strcspn(uuid, "\n")] = 0;
    }
    return put_str(b, cap, uuid);
}
static size_t get_model(const int *m, unsigned n, void *b, size_t cap)
{
    char line[256], model[256] = "x86-64 CPU";
    FILE *f = fopen("/proc/cpuinfo", "re");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "model name", 10) == 0) {
            char *p = strchr(line, ':');
            if (p) {
                snprintf(model, sizeof model, "%s", p + 2);
                model[strcspn(model, "\n")] = 0;
            }
            break;
        }
    if (f)
        fclose(f);
    return put_str(b, cap, model);
}
/* kern.proc.pathname.<pid>: only this process (pid -1 or its own). */
static size_t get_proc_pathname(const int *m, unsigned n, void *b, size_t cap)
{
    if (n >= 4 && m[3] != -1 && m[3] != getpid())
        return (size_t)-ESRCH;
    return put_str(b, cap, fbsd_exec_facts.execpath);
}

/* The ceiling of the guest's RLIMIT_NOFILE: where persona's own
 * descriptors begin (syscalls/fdreserve.h). */
static size_t get_maxfilesperproc(const int *m, unsigned n, void *b, size_t cap)
{
    return put_int(b, cap, fd_guest_maxfiles());
}

#define T_INT    FBSD_CTLTYPE_INT
#define T_STR    FBSD_CTLTYPE_STRING
#define T_ULONG  FBSD_CTLTYPE_ULONG
#define T_OPAQUE FBSD_CTLTYPE_OPAQUE
#define T_NODE   FBSD_CTLTYPE_NODE
#define T_UINT   FBSD_CTLTYPE_UINT
#define T_LONG   FBSD_CTLTYPE_LONG

static const struct sysctl_node nodes[] = {
    { "kern",               { 1 }, 1, T_NODE, "N" },
    { "kern.ostype",        { 1, 1 }, 2, T_STR, "A", .sval = "FreeBSD" },
    { "kern.osrelease",     { 1, 2 }, 2, T_STR, "A", .sval = FBSD_OSRELEASE },
    { "kern.osrevision",    { 1, 3 }, 2, T_INT, "I", .ival = 199506 },
    { "kern.version",       { 1, 4 }, 2, T_STR, "A", get_version },
    { "kern.maxproc",       { 1, 6 }, 2, T_INT, "I", .ival = 32768 },
    { "kern.maxfiles",      { 1, 7 }, 2, T_INT, "I", .ival = 1048576 },
    { "kern.maxfilesperproc", { 1, 27 }, 2, T_INT, "I", get_maxfilesperproc },
    { "kern.argmax",        { 1, 8 }, 2, T_INT, "I", .ival = 524288 },
    { "kern.securelevel",   { 1, 9 }, 2, T_INT, "I", .ival = -1 },
    { "kern.hostname",      { 1, 10 }, 2, T_STR, "A", get_hostname },
    { "kern.clockrate",     { 1, 12 }, 2, T_OPAQUE, "S,clockinfo", get_clockrate },
    { "kern.proc",          { 1, 14 }, 2, T_NODE, "N" },
    { "kern.proc.pathname", { 1, 14, 12 }, 3, T_STR, "A", get_proc_pathname, .takes_args = true },
    /* Nodes with a handler, as in sys/kern/kern_proc.c: the pid follows. */
    { "kern.proc.pid",      { 1, 14, 1 }, 3, T_NODE, "N", fbsd_get_proc_pid, .takes_args = true },
    { "kern.proc.args",     { 1, 14, 7 }, 3, T_NODE, "N", fbsd_get_proc_args, .takes_args = true },
    { "kern.domainname",    { 1, 22 }, 2, T_STR, "A", fbsd_get_domainname },
    { "kern.cp_time",       { 1, DYN + 6 }, 2, T_LONG, "LU", fbsd_get_cp_time },
    { "kern.cp_times",      { 1, DYN + 7 }, 2, T_LONG, "LU", fbsd_get_cp_times },
    { "kern.sched",         { 1, DYN + 8 }, 2, T_NODE, "N" },
    { "kern.sched.name",    { 1, DYN + 8, 1 }, 3, T_STR, "A", .sval = "ULE" },
    /* GENERIC carries its own config (options INCLUDE_CONFIG_FILE); Go's
     * syscall package reads the "machine" line to size routing messages. */
    { "kern.conftxt",       { 1, DYN + 5 }, 2, T_STR, "A",
      .sval = "options\tCONFIG_AUTOGENERATED\nident\tGENERIC\nmachine\tamd64\ncpu\tHAMMER\n" },
    { "kern.ngroups",       { 1, 18 }, 2, T_INT, "I", .ival = 1023 },
    { "kern.boottime",      { 1, 21 }, 2, T_OPAQUE, "S,timeval", get_boottime },
    { "kern.osreldate",     { 1, 24 }, 2, T_INT, "I", .ival = FBSD_OSRELDATE },
    { "kern.ps_strings",    { 1, 32 }, 2, T_ULONG, "LU", get_ps_strings },
    { "kern.usrstack",      { 1, 33 }, 2, T_ULONG, "LU", get_usrstack },
    { "kern.iov_max",       { 1, 35 }, 2, T_INT, "I", .ival = 1024 },
    { "kern.hostuuid",      { 1, 36 }, 2, T_STR, "A", get_hostuuid },
    { "kern.arandom",       { 1, 37 }, 2, T_OPAQUE, "", get_arandom },
    { "kern.smp",           { 1, DYN }, 2, T_NODE, "N" },
    /* MAXCPU is 1024 on FreeBSD 14 amd64 (sys/amd64/include/param.h). */
    { "kern.smp.maxcpus",   { 1, DYN, 1 }, 3, T_INT, "I", .ival = 1024 },
    { "kern.smp.cpus",      { 1, DYN, 2 }, 3, T_INT, "I", get_ncpu },
    { "kern.ipc",           { 1, 30 }, 2, T_NODE, "N" },
    { "kern.ipc.somaxconn", { 1, 30, DYN + 1 }, 3, T_INT, "I", .ival = 128 },
    /* The newer name of the same limit (FreeBSD 10+); Go's net asks it first. */
    { "kern.ipc.soacceptqueue", { 1, 30, DYN + 4 }, 3, T_INT, "I", .ival = 128 },
    { "kern.ipc.maxsockbuf",{ 1, 30, 1 }, 3, T_ULONG, "LU", .ival = 2097152 },
    { "vm",                 { 2 }, 1, T_NODE, "N" },
    { "vm.overcommit",      { 2, DYN + 2 }, 2, T_INT, "I", .ival = 0 },
    /* sys/vm/vm_meter.c: u_int page counts */
    { "vm.stats",           { 2, DYN + 9 }, 2, T_NODE, "N" },
    { "vm.stats.vm",        { 2, DYN + 9, 1 }, 3, T_NODE, "N" },
    { "vm.stats.vm.v_page_count",     { 2, DYN + 9, 1, 1 }, 4, T_UINT, "IU", fbsd_get_vm_page_count },
    { "vm.stats.vm.v_free_count",     { 2, DYN + 9, 1, 2 }, 4, T_UINT, "IU", fbsd_get_vm_free_count },
    { "vm.stats.vm.v_active_count",   { 2, DYN + 9, 1, 3 }, 4, T_UINT, "IU", fbsd_get_vm_active_count },
    { "vm.stats.vm.v_inactive_count", { 2, DYN + 9, 1, 4 }, 4, T_UINT, "IU", fbsd_get_vm_inactive_count },
    { "vm.stats.vm.v_wire_count",     { 2, DYN + 9, 1, 5 }, 4, T_UINT, "IU", fbsd_get_vm_wire_count },
    { "vm.stats.vm.v_laundry_count",  { 2, DYN + 9, 1, 6 }, 4, T_UINT, "IU", .ival = 0 },
    /* net.inet.ip.portrange (sys/netinet/in_pcb.c): inet is PF_INET, ip
     * and portrange are IPPROTO_IP; the low range keeps FreeBSD's
     * defaults (sys/netinet/in.h IPPORT_RESERVED - 1, IPPORT_RESERVEDSTART) */
    { "net",                { 4 }, 1, T_NODE, "N" },
    { "net.inet",           { 4, 2 }, 2, T_NODE, "N" },
    { "net.inet.ip",        { 4, 2, 0 }, 3, T_NODE, "N" },
    { "net.inet.ip.portrange",          { 4, 2, 0, 0 }, 4, T_NODE, "N" },
    { "net.inet.ip.portrange.lowfirst", { 4, 2, 0, 0, DYN + 10 }, 5, T_INT, "I", .ival = 1023 },
    { "net.inet.ip.portrange.lowlast",  { 4, 2, 0, 0, DYN + 11 }, 5, T_INT, "I", .ival = 600 },
    { "net.inet.ip.portrange.first",    { 4, 2, 0, 0, DYN + 12 }, 5, T_INT, "I", fbsd_get_port_first },
    { "net.inet.ip.portrange.last",     { 4, 2, 0, 0, DYN + 13 }, 5, T_INT, "I", fbsd_get_port_last },
    { "net.inet.ip.portrange.hifirst",  { 4, 2, 0, 0, DYN + 14 }, 5, T_INT, "I", fbsd_get_port_first },
    { "net.inet.ip.portrange.hilast",   { 4, 2, 0, 0, DYN + 15 }, 5, T_INT, "I", fbsd_get_port_last },
    /* sys/kern/kern_jail.c: never in a jail */
    { "security",           { DYN + 16 }, 1, T_NODE, "N" },
    { "security.jail",      { DYN + 16, DYN + 17 }, 2, T_NODE, "N" },
    { "security.jail.jailed", { DYN + 16, DYN + 17, DYN + 18 }, 3, T_INT, "I", .ival = 0 },
    { "hw",                 { 6 }, 1, T_NODE, "N" },
    { "hw.machine",         { 6, 1 }, 2, T_STR, "A", .sval = "amd64" },
    { "hw.model",           { 6, 2 }, 2, T_STR, "A", get_model },
    { "hw.ncpu",            { 6, 3 }, 2, T_INT, "I", get_ncpu },
    { "hw.byteorder",       { 6, 4 }, 2, T_INT, "I", .ival = 1234 },
    { "hw.physmem",         { 6, 5 }, 2, T_ULONG, "LU", get_physmem },
    { "hw.usermem",         { 6, 6 }, 2, T_ULONG, "LU", get_usermem },
    { "hw.pagesize",        { 6, 7 }, 2, T_INT, "I", .ival = 4096 },
    { "hw.machine_arch",    { 6, 11 }, 2, T_STR, "A", .sval = "amd64" },
    { "hw.realmem",         { 6, 12 }, 2, T_ULONG, "LU", get_physmem },
    { "hw.pagesizes",       { 6, DYN + 3 }, 2, T_ULONG, "LU", get_pagesizes },
};
#define NNODES (sizeof nodes / sizeof nodes[0])

const char *fbsd_sysctl_name(unsigned i) { return i < NNODES ? nodes[i].name : NULL; }

static const struct sysctl_node *by_mib(const int *mib, unsigned len)
{
    for (unsigned i = 0; i < NNODES; i++) {
        const struct sysctl_node *n = &nodes[i];
        if (len < n->miblen || (len > n->miblen && !n->takes_args))
            continue;
        if (memcmp(n->mib, mib, n->miblen * sizeof(int)) == 0)
            return n;
    }
    return NULL;
}

static const struct sysctl_node *by_name(const char *name)
{
    for (unsigned i = 0; i < NNODES; i++)
        if (strcmp(nodes[i].name, name) == 0)
            return &nodes[i];
    return NULL;
}

/* MIB order: by component, a prefix before what continues it. */
static int mib_cmp(const int *a, unsigned alen, const int *b, unsigned blen)
{
    for (unsigned i = 0; i < alen && i < blen; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return alen < blen ? -1 : alen > blen;
}

/* {0,2} NEXT: the first leaf after `mib` in MIB order (kern_sysctl.c
 * sysctl_sysctl_next: leaves, and nodes with a handler of their own).
 * The net.route subtree (sysctl_route.c) is not listed. */
static const struct sysctl_node *next_leaf(const int *mib, unsigned len)
{
    const struct sysctl_node *best = NULL;
    for (unsigned i = 0; i < NNODES; i++) {
        const struct sysctl_node *n = &nodes[i];
        if (n->type == T_NODE && !n->get)
            continue;
        if (mib_cmp(n->mib, n->miblen, mib, len) <= 0)
            continue;
        if (!best || mib_cmp(n->mib, n->miblen, best->mib, best->miblen) < 0)
            best = n;
    }
    return best;
}

/* Copy a value out under sysctl's old/oldlen rules: with no buffer, report
 * the size; a short buffer gets what fits and ENOMEM (kern_sysctl.c
 * sysctl_old_user). */
static long answer(uint64_t old, uint64_t oldlenp, const void *val, size_t len)
{
    uint64_t have = 0;
    if (oldlenp && copy_from_guest(&have, oldlenp, 8))
        return -EFAULT;
    if (!old) {
        return oldlenp ? copy_to_guest(oldlenp, &len, 8) : 0;
    }
    size_t n = len < have ? len : have;
    if (copy_to_guest(old, val, n))
        return -EFAULT;
    if (copy_to_guest(oldlenp, &n, 8))
        return -EFAULT;
    return n < len ? -ENOMEM : 0;
}

static long read_node(const struct sysctl_node *n, const int *mib, unsigned miblen,
                      uint64_t old, uint64_t oldlenp, uint64_t newp)
{
    if (n->type == T_NODE && !n->get)
        return -EISDIR;     /* FreeBSD: reading a node without a handler */
    if (newp)
        return -EPERM;      /* persona's tree is read-only */
    uint8_t buf[1024];
    size_t cap = sizeof buf;
    if (n->get == get_arandom) {
        uint64_t want = 0;
        if (oldlenp && copy_from_guest(&want, oldlenp, 8))
            return -EFAULT;
        cap = want < cap ? want : cap;
    }
    size_t len;
    if (n->get)
        len = n->get(mib, miblen, buf, cap);
    else if (n->sval)
        len = put_str(buf, cap, n->sval);
    else if (n->type == T_ULONG)
        len = put_ulong(buf, cap, (unsigned long)n->ival);
    else
        len = put_int(buf, cap, (int)n->ival);
    if ((ssize_t)len < 0)
        return (long)len;
    if (len > cap && n->get && cap == sizeof buf) {
        /* larger than the stack buffer (kern.proc.*): once more, whole */
        uint8_t *big = malloc(len);
        if (!big)
            return -ENOMEM;
        size_t again = n->get(mib, miblen, big, len);
        long r = (ssize_t)again < 0 ? (long)again
                                    : answer(old, oldlenp, big, again < len ? again : len);
        free(big);
        return r;
    }
    return answer(old, oldlenp, buf, len);
}

static long unknown_name(struct sysctx *c, const char *what)
{
    report_unimplemented(REPORT_SYSCTL, what, -1, "ENOENT", c->regs);
    return -ENOENT;
}

long fbsd_sys___sysctl(struct sysctx *c)
{
    unsigned miblen = ARG_UINT(c, 1);
    if (miblen < 2 || miblen > FBSD_CTL_MAXNAME)
        return -EINVAL;
    int mib[FBSD_CTL_MAXNAME];
    if (copy_from_guest(mib, ARG_PTR(c, 0), miblen * sizeof(int)))
        return -EFAULT;
    uint64_t old = ARG_PTR(c, 2), oldlenp = ARG_PTR(c, 3);
    uint64_t newp = ARG_PTR(c, 4), newlen = ARG_PTR(c, 5);

    if (mib[0] == FBSD_CTL_SYSCTL) {
        switch (mib[1]) {
        case FBSD_CTL_SYSCTL_NAME2OID: {
            char name[256];
            if (newlen == 0 || newlen >= sizeof name)
                return -ENOENT;
            if (copy_from_guest(name, newp, newlen))
                return -EFAULT;
            name[newlen] = 0;
            const struct sysctl_node *n = by_name(name);
            if (!n)
                return unknown_name(c, name);
            return answer(old, oldlenp, n->mib, n->miblen * sizeof(int));
        }
        case FBSD_CTL_SYSCTL_OIDFMT: {
            const struct sysctl_node *n = by_mib(mib + 2, miblen - 2);
            if (!n)
                return -ENOENT;
            uint8_t buf[64];
            uint32_t kind = n->type | 0x80000000u; /* CTLFLAG_RD */
            memcpy(buf, &kind, 4);
            size_t l = strlen(n->fmt) + 1;
            memcpy(buf + 4, n->fmt, l);
            return answer(old, oldlenp, buf, 4 + l);
        }
        case FBSD_CTL_SYSCTL_NEXT:
        case FBSD_CTL_SYSCTL_NEXTNOSKIP: {
            const struct sysctl_node *n = next_leaf(mib + 2, miblen - 2);
            if (!n)
                return -ENOENT;
            return answer(old, oldlenp, n->mib, n->miblen * sizeof(int));
        }
        case FBSD_CTL_SYSCTL_NAME: {
            const struct sysctl_node *n = by_mib(mib + 2, miblen - 2);
            if (!n)
                return -ENOENT;
            return answer(old, oldlenp, n->name, strlen(n->name) + 1);
        }
        default:
            return -ENOENT;
        }
    }
    if (mib[0] == FBSD_CTL_NET && mib[1] == 17 /* PF_ROUTE */)
        return fbsd_sysctl_route(c, mib, miblen, old, oldlenp, newp);
    const struct sysctl_node *n = by_mib(mib, miblen);
    if (!n) {
        char what[128];
        int l = snprintf(what, sizeof what, "{");
        for (unsigned i = 0; i < miblen && l < 100; i++)
            l += snprintf(what + l, sizeof what - l, "%s%d", i ? "." : "", mib[i]);
        snprintf(what + l, sizeof what - l, "}");
        return unknown_name(c, what);
    }
    return read_node(n, mib, miblen, old, oldlenp, newp);
}

long fbsd_sys___sysctlbyname(struct sysctx *c)
{
    char name[256];
    uint64_t len = ARG_PTR(c, 1);
    if (len == 0 || len > 1024)
        return -EINVAL;     /* kern_sysctl.c kern___sysctlbyname: 0 or > MAXPATHLEN */
    if (len >= sizeof name)
        return -ENOENT;     /* longer than any name persona knows */
    if (copy_from_guest(name, ARG_PTR(c, 0), len))
        return -EFAULT;
    name[len] = 0;
    const struct sysctl_node *n = by_name(name);
    if (!n)
        return unknown_name(c, name);
    return read_node(n, n->mib, n->miblen, ARG_PTR(c, 2), ARG_PTR(c, 3), ARG_PTR(c, 4));
}
