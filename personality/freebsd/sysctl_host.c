/* Host counters and limits behind FreeBSD sysctls: kern.domainname,
 * kern.cp_time(s), vm.stats.vm.v_*_count, net.inet.ip.portrange.*.
 * Facts: sys/kern/kern_mib.c (kern.domainname), sys/kern/kern_clock.c
 * (kern.cp_time: CPUSTATES longs per CPU in stathz ticks; kern.cp_times:
 * the same per CPU, cpu 0 first), sys/sys/resource.h (CP_USER, CP_NICE,
 * CP_SYS, CP_INTR, CP_IDLE), sys/vm/vm_meter.c (u_int page counts),
 * sys/netinet/in_pcb.c and sys/netinet/in.h (the port ranges). */
#include "personality/freebsd/sysctl_getters.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#define CPUSTATES 5
#define MAXCPUS   1024    /* kern.smp.maxcpus */

size_t fbsd_get_domainname(const int *m, unsigned n, void *b, size_t cap)
{
    struct utsname u;
    const char *d = "";
    if (uname(&u) == 0 && strcmp(u.domainname, "(none)") != 0)
        d = u.domainname;
    return sysctl_put(b, cap, d, strlen(d) + 1);
}

/* /proc/stat's "cpu" lines in USER_HZ ticks, as FreeBSD's five states in
 * stathz ticks: interrupts are irq + softirq, idle takes iowait, and
 * steal counts as system time.  Returns the number of CPUs read (the
 * total line when `percpu` is false). */
static int read_cp_time(bool percpu, long *out, int max)
{
    FILE *f = fopen("/proc/stat", "re");
    if (!f)
        return 0;
    long hz = sysconf(_SC_CLK_TCK);
    if (hz <= 0)
        hz = 100;
    char line[512];
    int ncpu = 0;
    while (ncpu < max && fgets(line, sizeof line, f)) {
        if (strncmp(line, "cpu", 3) != 0)
            break;
        bool total = line[3] == ' ';
        if (total == percpu)
            continue;
        unsigned long long v[8] = { 0 };
        char *p = strchr(line, ' ');
        for (int i = 0; i < 8 && p; i++)
            v[i] = strtoull(p, &p, 10);
        /* user nice system idle iowait irq softirq steal */
        unsigned long long st[CPUSTATES] = { v[0], v[1], v[2] + v[7], v[5] + v[6], v[3] + v[4] };
        for (int i = 0; i < CPUSTATES; i++)
            out[ncpu * CPUSTATES + i] = (long)(st[i] * FBSD_STATHZ / (unsigned long long)hz);
        ncpu++;
    }
    fclose(f);
    return ncpu;
}

size_t fbsd_get_cp_time(const int *m, unsigned n, void *b, size_t cap)
{
    long cp[CPUSTATES] = { 0 };
    read_cp_time(false, cp, 1);
    return sysctl_put(b, cap, cp, sizeof cp);
}

size_t fbsd_get_cp_times(const int *m, unsigned n, void *b, size_t cap)
{
    long *cp = calloc(MAXCPUS, CPUSTATES * sizeof(long));
    if (!cp)
        return (size_t)-ENOMEM;
    int ncpu = read_cp_time(true, cp, MAXCPUS);
    size_t len = sysctl_put(b, cap, cp, ncpu * CPUSTATES * sizeof(long));
    free(cp);
    return len;
}

/* A /proc/meminfo line in pages of 4 KiB (hw.pagesize). */
static unsigned meminfo_pages(const char *key)
{
    FILE *f = fopen("/proc/meminfo", "re");
    if (!f)
        return 0;
    char line[256];
    size_t kl = strlen(key);
    unsigned long long kb = 0;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, kl) == 0 && line[kl] == ':') {
            kb = strtoull(line + kl + 1, NULL, 10);
            break;
        }
    fclose(f);
    return (unsigned)(kb / 4);
}
static size_t put_uint(void *b, size_t cap, unsigned v) { return sysctl_put(b, cap, &v, sizeof v); }

size_t fbsd_get_vm_page_count(const int *m, unsigned n, void *b, size_t cap)
{
    return put_uint(b, cap, meminfo_pages("MemTotal"));
}
size_t fbsd_get_vm_free_count(const int *m, unsigned n, void *b, size_t cap)
{
    return put_uint(b, cap, meminfo_pages("MemFree"));
}
size_t fbsd_get_vm_active_count(const int *m, unsigned n, void *b, size_t cap)
{
    return put_uint(b, cap, meminfo_pages("Active"));
}
size_t fbsd_get_vm_inactive_count(const int *m, unsigned n, void *b, size_t cap)
{
    return put_uint(b, cap, meminfo_pages("Inactive"));
}
/* Wired: pages that cannot be paged out.  Linux's nearest count is
 * Unevictable (mlocked and ramfs pages); kernel allocations, which
 * FreeBSD also counts as wired, are not in it. */
size_t fbsd_get_vm_wire_count(const int *m, unsigned n, void *b, size_t cap)
{
    return put_uint(b, cap, meminfo_pages("Unevictable"));
}

/* Linux has one ephemeral range; FreeBSD's default (first/last) and high
 * (hifirst/hilast) ranges both answer it.  Without /proc: FreeBSD's own
 * IPPORT_EPHEMERALFIRST/LAST. */
static void port_range(int *first, int *last)
{
    *first = 10000;
    *last = 65535;
    FILE *f = fopen("/proc/sys/net/ipv4/ip_local_port_range", "re");
    if (!f)
        return;
    int a, z;
    if (fscanf(f, "%d %d", &a, &z) == 2) {
        *first = a;
        *last = z;
    }
    fclose(f);
}
size_t fbsd_get_port_first(const int *m, unsigned n, void *b, size_t cap)
{
    int first, last;
    port_range(&first, &last);
    return sysctl_put(b, cap, &first, sizeof first);
}
size_t fbsd_get_port_last(const int *m, unsigned n, void *b, size_t cap)
{
    int first, last;
    port_range(&first, &last);
    return sysctl_put(b, cap, &last, sizeof last);
}
