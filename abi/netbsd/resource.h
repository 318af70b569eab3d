/* NetBSD/amd64 resource limits (sys/sys/resource.h): the RLIMIT_* numbers;
 * rlim_t is int64 with RLIM_INFINITY INT64_MAX, as FreeBSD's. */
#ifndef PERSONA_ABI_NETBSD_RESOURCE_H
#define PERSONA_ABI_NETBSD_RESOURCE_H

#define NBSD_RLIMIT_CPU     0
#define NBSD_RLIMIT_FSIZE   1
#define NBSD_RLIMIT_DATA    2
#define NBSD_RLIMIT_STACK   3
#define NBSD_RLIMIT_CORE    4
#define NBSD_RLIMIT_RSS     5
#define NBSD_RLIMIT_MEMLOCK 6
#define NBSD_RLIMIT_NPROC   7
#define NBSD_RLIMIT_NOFILE  8
#define NBSD_RLIMIT_SBSIZE  9     /* socket buffers: no Linux limit */
#define NBSD_RLIMIT_AS      10    /* RLIMIT_VMEM is the same number */
#define NBSD_RLIMIT_NTHR    11    /* LWPs per user: no Linux limit */

/* NetBSD resource -> Linux resource; -1 for SBSIZE, NTHR and unknown
 * values. */
int nbsd_rlimit_resource_to_linux(int nbsd_resource);

#endif
