/*
 * FreeBSD clock ids, interval timers, resource limits and struct rusage.
 *
 * Sources: sys/sys/_clock_id.h (CLOCK_*, TIMER_ABSTIME), sys/sys/time.h
 * (ITIMER_*), sys/sys/resource.h (RLIMIT_*, RLIM_INFINITY, RUSAGE_*,
 * struct rusage); cross-checked against
 * golang.org/x/sys/unix/zerrors_freebsd_amd64.go and ztypes_freebsd_amd64.go.
 */
#ifndef PERSONA_ABI_FREEBSD_TIME_H
#define PERSONA_ABI_FREEBSD_TIME_H

#include <stdint.h>

/* sys/sys/_clock_id.h.  3 and 6 are unused.  The dynamic per-thread CPU
 * clock ids (CPUCLOCK_BIT) are deliberately not handled here. */
#define FBSD_CLOCK_REALTIME            0
#define FBSD_CLOCK_VIRTUAL             1   /* process user CPU time */
#define FBSD_CLOCK_PROF                2   /* process user+system CPU time */
#define FBSD_CLOCK_MONOTONIC           4
#define FBSD_CLOCK_UPTIME              5
#define FBSD_CLOCK_UPTIME_PRECISE      7
#define FBSD_CLOCK_UPTIME_FAST         8
#define FBSD_CLOCK_REALTIME_PRECISE    9
#define FBSD_CLOCK_REALTIME_FAST      10
#define FBSD_CLOCK_MONOTONIC_PRECISE  11
#define FBSD_CLOCK_MONOTONIC_FAST     12
#define FBSD_CLOCK_SECOND             13   /* whole seconds */
#define FBSD_CLOCK_THREAD_CPUTIME_ID  14
#define FBSD_CLOCK_PROCESS_CPUTIME_ID 15

#define FBSD_TIMER_RELTIME 0x0
#define FBSD_TIMER_ABSTIME 0x1   /* same as Linux */

/*
 * FreeBSD clock id -> Linux clock id; -1 if unknown.
 *   *_PRECISE and plain ids -> the plain Linux clock.
 *   *_FAST -> CLOCK_*_COARSE (both read the last tick's value).
 *   UPTIME* -> CLOCK_MONOTONIC (FreeBSD's uptime clock stops during suspend,
 *     like Linux MONOTONIC; BOOTTIME would count the suspend).
 *   SECOND -> CLOCK_REALTIME_COARSE; the caller zeroes tv_nsec (FreeBSD
 *     returns the whole second) and reports a 1 s resolution.
 *   PROF -> CLOCK_PROCESS_CPUTIME_ID (user+system time, exact).
 *   VIRTUAL -> CLOCK_PROCESS_CPUTIME_ID: approximate, Linux has no
 *     user-time-only clock (getrusage() ru_utime is the exact value).
 */
int fbsd_clockid_to_linux(int fbsd_clock);

/*
 * The checks FreeBSD's kern_clock_nanosleep (sys/kern/kern_time.c) makes
 * before sleeping, in its order: 0, or the FreeBSD errno:
 *   tv_nsec outside [0, 1e9) -> EINVAL; flags other than TIMER_ABSTIME ->
 *   EINVAL; VIRTUAL, PROF, PROCESS_CPUTIME_ID -> ENOTSUP (no sleeping on
 *   CPU-time clocks); THREAD_CPUTIME_ID and unknown ids -> EINVAL.
 */
int fbsd_nanosleep_check(int fbsd_clock, int flags, int64_t tv_nsec);

/* True when FreeBSD returns 0 without sleeping: a relative time of zero or
 * any negative number of seconds (kern_clock_nanosleep; Linux would refuse
 * the negative ones with EINVAL). */
int fbsd_nanosleep_is_immediate(int flags, int64_t tv_sec, int64_t tv_nsec);

/* sys/sys/time.h: identical to Linux (asserted in time.c). */
#define FBSD_ITIMER_REAL    0
#define FBSD_ITIMER_VIRTUAL 1
#define FBSD_ITIMER_PROF    2

/* sys/sys/resource.h: getrusage() who; identical to Linux. */
#define FBSD_RUSAGE_SELF      0
#define FBSD_RUSAGE_CHILDREN (-1)
#define FBSD_RUSAGE_THREAD    1

/* sys/sys/resource.h */
#define FBSD_RLIMIT_CPU      0
#define FBSD_RLIMIT_FSIZE    1
#define FBSD_RLIMIT_DATA     2
#define FBSD_RLIMIT_STACK    3
#define FBSD_RLIMIT_CORE     4
#define FBSD_RLIMIT_RSS      5
#define FBSD_RLIMIT_MEMLOCK  6   /* Linux 8 */
#define FBSD_RLIMIT_NPROC    7   /* Linux 6 */
#define FBSD_RLIMIT_NOFILE   8   /* Linux 7 */
#define FBSD_RLIMIT_SBSIZE   9   /* socket buffer space: no Linux twin */
#define FBSD_RLIMIT_VMEM    10
#define FBSD_RLIMIT_AS      FBSD_RLIMIT_VMEM   /* Linux 9 */
#define FBSD_RLIMIT_NPTS    11
#define FBSD_RLIMIT_SWAP    12
#define FBSD_RLIMIT_KQUEUES 13
#define FBSD_RLIMIT_UMTXP   14
#define FBSD_RLIM_NLIMITS   15   /* as of FreeBSD 13 */

/* FreeBSD rlim_t is signed: infinity is INT64_MAX.  Linux uses ~0. */
#define FBSD_RLIM_INFINITY  0x7fffffffffffffffULL

/* FreeBSD resource -> Linux resource; -1 for the FreeBSD-only ones
 * (SBSIZE, NPTS, SWAP, KQUEUES, UMTXP) and unknown values. */
int fbsd_rlimit_resource_to_linux(int fbsd_resource);

/* Limit values.  Linux RLIM_INFINITY (and anything past INT64_MAX) ->
 * FreeBSD RLIM_INFINITY.  Going the other way FreeBSD treats every value
 * with the sign bit set as infinity (kern_proc_setrlimit), so do we. */
uint64_t fbsd_rlim_from_linux(uint64_t v);
uint64_t fbsd_rlim_to_linux(uint64_t v);

/* sys/sys/_timespec.h: amd64 time_t and long are 64-bit; 16 bytes, the
 * same layout as Linux x86-64 struct timespec. */
struct fbsd_timespec {
	int64_t tv_sec;
	long    tv_nsec;
};

/* sys/sys/_timeval.h: amd64 time_t and suseconds_t are 64-bit. */
struct fbsd_timeval {
	int64_t tv_sec;
	long    tv_usec;
};

struct fbsd_rlimit {
	uint64_t rlim_cur;
	uint64_t rlim_max;
};

/* sys/sys/resource.h: struct rusage, 144 bytes -- byte-identical to Linux
 * x86-64, so getrusage()/wait4() results are copied as they are. */
struct fbsd_rusage {
	struct fbsd_timeval ru_utime;
	struct fbsd_timeval ru_stime;
	long ru_maxrss;
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
};

#endif /* PERSONA_ABI_FREEBSD_TIME_H */
