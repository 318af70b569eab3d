/* Getters of the FreeBSD sysctl tree (personality/freebsd/sysctl.c) that
 * live in files of their own: the host's counters and limits
 * (sysctl_host.c) and the kern.proc.* process records (sysctl_proc.c).
 * A getter fills `buf` (cap bytes) with as much of the value as fits and
 * returns the value's full size, or a negated errno cast to size_t. */
#ifndef PERSONA_PERSONALITY_FREEBSD_SYSCTL_GETTERS_H
#define PERSONA_PERSONALITY_FREEBSD_SYSCTL_GETTERS_H
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* The statistics clock FreeBSD amd64 runs at (kern.clockrate's stathz):
 * kern.cp_time counts in its ticks. */
#define FBSD_STATHZ 127

typedef size_t (*sysctl_get_t)(const int *mib, unsigned miblen, void *buf, size_t cap);

static inline size_t sysctl_put(void *buf, size_t cap, const void *v, size_t len)
{
    memcpy(buf, v, len < cap ? len : cap);
    return len;
}

/* sysctl_host.c */
size_t fbsd_get_domainname(const int *m, unsigned n, void *b, size_t cap);
size_t fbsd_get_cp_time(const int *m, unsigned n, void *b, size_t cap);
size_t fbsd_get_cp_times(const int *m, unsigned n, void *b, size_t cap);
size_t fbsd_get_vm_page_count(const int *m, unsigned n, void *b, size_t cap);
size_t fbsd_get_vm_free_count(const int *m, unsigned n, void *b, size_t cap);
size_t fbsd_get_vm_active_count(const int *m, unsigned n, void *b, size_t cap);
size_t fbsd_get_vm_inactive_count(const int *m, unsigned n, void *b, size_t cap);
size_t fbsd_get_vm_wire_count(const int *m, unsigned n, void *b, size_t cap);
size_t fbsd_get_port_first(const int *m, unsigned n, void *b, size_t cap);
size_t fbsd_get_port_last(const int *m, unsigned n, void *b, size_t cap);

/* sysctl_proc.c: kern.proc.pid.<pid> and kern.proc.args.<pid> */
size_t fbsd_get_proc_pid(const int *m, unsigned n, void *b, size_t cap);
size_t fbsd_get_proc_args(const int *m, unsigned n, void *b, size_t cap);

#endif
