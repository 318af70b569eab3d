/*
 * FreeBSD clock ids and resource limits -> Linux.  Facts: see time.h.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "abi/freebsd/time.h"
#include "abi/freebsd/errno.h"

#include <stddef.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>

_Static_assert(FBSD_ITIMER_REAL == ITIMER_REAL &&
	FBSD_ITIMER_VIRTUAL == ITIMER_VIRTUAL && FBSD_ITIMER_PROF == ITIMER_PROF,
	"ITIMER_* match Linux");
_Static_assert(FBSD_RUSAGE_SELF == RUSAGE_SELF &&
	FBSD_RUSAGE_CHILDREN == RUSAGE_CHILDREN &&
	FBSD_RUSAGE_THREAD == RUSAGE_THREAD, "RUSAGE_* match Linux");
_Static_assert(FBSD_TIMER_ABSTIME == TIMER_ABSTIME, "TIMER_ABSTIME");

/* ztypes_freebsd_amd64.go Rusage: 16-byte timevals then 14 int64s. */
_Static_assert(sizeof(struct fbsd_timeval) == 16, "timeval");
_Static_assert(sizeof(struct fbsd_timespec) == 16 &&
	sizeof(struct timespec) == sizeof(struct fbsd_timespec) &&
	offsetof(struct timespec, tv_nsec) == offsetof(struct fbsd_timespec, tv_nsec),
	"timespec matches Linux");
_Static_assert(sizeof(struct fbsd_rlimit) == 16, "rlimit");
_Static_assert(sizeof(struct fbsd_rusage) == 144, "fbsd_rusage size");
_Static_assert(offsetof(struct fbsd_rusage, ru_stime) == 16, "ru_stime");
_Static_assert(offsetof(struct fbsd_rusage, ru_maxrss) == 32, "ru_maxrss");
_Static_assert(offsetof(struct fbsd_rusage, ru_nivcsw) == 136, "ru_nivcsw");
/* ... and Linux's struct rusage is the same bytes. */
_Static_assert(sizeof(struct rusage) == sizeof(struct fbsd_rusage), "rusage");
_Static_assert(offsetof(struct rusage, ru_stime) == offsetof(struct fbsd_rusage, ru_stime) &&
	offsetof(struct rusage, ru_maxrss) == offsetof(struct fbsd_rusage, ru_maxrss) &&
	offsetof(struct rusage, ru_minflt) == offsetof(struct fbsd_rusage, ru_minflt) &&
	offsetof(struct rusage, ru_inblock) == offsetof(struct fbsd_rusage, ru_inblock) &&
	offsetof(struct rusage, ru_nvcsw) == offsetof(struct fbsd_rusage, ru_nvcsw) &&
	offsetof(struct rusage, ru_nivcsw) == offsetof(struct fbsd_rusage, ru_nivcsw),
	"rusage field offsets match Linux");
_Static_assert(sizeof(struct timeval) == sizeof(struct fbsd_timeval), "timeval");

int fbsd_clockid_to_linux(int c)
{
	switch (c) {
	case FBSD_CLOCK_REALTIME:
	case FBSD_CLOCK_REALTIME_PRECISE:
		return CLOCK_REALTIME;
	case FBSD_CLOCK_REALTIME_FAST:
	case FBSD_CLOCK_SECOND:
		return CLOCK_REALTIME_COARSE;
	case FBSD_CLOCK_MONOTONIC:
	case FBSD_CLOCK_MONOTONIC_PRECISE:
	case FBSD_CLOCK_UPTIME:
	case FBSD_CLOCK_UPTIME_PRECISE:
		return CLOCK_MONOTONIC;
	case FBSD_CLOCK_MONOTONIC_FAST:
	case FBSD_CLOCK_UPTIME_FAST:
		return CLOCK_MONOTONIC_COARSE;
	case FBSD_CLOCK_VIRTUAL:
	case FBSD_CLOCK_PROF:
	case FBSD_CLOCK_PROCESS_CPUTIME_ID:
		return CLOCK_PROCESS_CPUTIME_ID;
	case FBSD_CLOCK_THREAD_CPUTIME_ID:
		return CLOCK_THREAD_CPUTIME_ID;
	}
	return -1;
}

int fbsd_nanosleep_check(int fbsd_clock, int flags, int64_t tv_nsec)
{
	if (tv_nsec < 0 || tv_nsec >= 1000000000)
		return FBSD_EINVAL;
	if (flags & ~FBSD_TIMER_ABSTIME)
		return FBSD_EINVAL;
	switch (fbsd_clock) {
	case FBSD_CLOCK_REALTIME:
	case FBSD_CLOCK_REALTIME_PRECISE:
	case FBSD_CLOCK_REALTIME_FAST:
	case FBSD_CLOCK_SECOND:
	case FBSD_CLOCK_MONOTONIC:
	case FBSD_CLOCK_MONOTONIC_PRECISE:
	case FBSD_CLOCK_MONOTONIC_FAST:
	case FBSD_CLOCK_UPTIME:
	case FBSD_CLOCK_UPTIME_PRECISE:
	case FBSD_CLOCK_UPTIME_FAST:
		return 0;
	case FBSD_CLOCK_VIRTUAL:
	case FBSD_CLOCK_PROF:
	case FBSD_CLOCK_PROCESS_CPUTIME_ID:
		return FBSD_ENOTSUP;
	}
	return FBSD_EINVAL;
}

int fbsd_nanosleep_is_immediate(int flags, int64_t tv_sec, int64_t tv_nsec)
{
	if (tv_sec < 0)
		return 1;
	return !(flags & FBSD_TIMER_ABSTIME) && tv_sec == 0 && tv_nsec == 0;
}

int fbsd_rlimit_resource_to_linux(int r)
{
	switch (r) {
	case FBSD_RLIMIT_CPU:     return RLIMIT_CPU;
	case FBSD_RLIMIT_FSIZE:   return RLIMIT_FSIZE;
	case FBSD_RLIMIT_DATA:    return RLIMIT_DATA;
	case FBSD_RLIMIT_STACK:   return RLIMIT_STACK;
	case FBSD_RLIMIT_CORE:    return RLIMIT_CORE;
	case FBSD_RLIMIT_RSS:     return RLIMIT_RSS;
	case FBSD_RLIMIT_MEMLOCK: return RLIMIT_MEMLOCK;
	case FBSD_RLIMIT_NPROC:   return RLIMIT_NPROC;
	case FBSD_RLIMIT_NOFILE:  return RLIMIT_NOFILE;
	case FBSD_RLIMIT_AS:      return RLIMIT_AS;
	}
	return -1;
}

uint64_t fbsd_rlim_from_linux(uint64_t v)
{
	return v >= FBSD_RLIM_INFINITY ? FBSD_RLIM_INFINITY : v;
}

uint64_t fbsd_rlim_to_linux(uint64_t v)
{
	return v >= FBSD_RLIM_INFINITY ? (uint64_t)RLIM_INFINITY : v;
}
