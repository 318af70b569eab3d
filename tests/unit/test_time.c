/* Unit tests for abi/freebsd/time.{h,c}.  FreeBSD numbers written out from
 * sys/sys/_clock_id.h and sys/sys/resource.h. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <stddef.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>

#include "abi/freebsd/time.h"

struct pair { int fbsd, lnx; };

static const struct pair clocks[] = {
	{ 0, CLOCK_REALTIME },             /* CLOCK_REALTIME */
	{ 1, CLOCK_PROCESS_CPUTIME_ID },   /* CLOCK_VIRTUAL (approximate) */
	{ 2, CLOCK_PROCESS_CPUTIME_ID },   /* CLOCK_PROF */
	{ 4, CLOCK_MONOTONIC },            /* CLOCK_MONOTONIC */
	{ 5, CLOCK_MONOTONIC },            /* CLOCK_UPTIME */
	{ 7, CLOCK_MONOTONIC },            /* CLOCK_UPTIME_PRECISE */
	{ 8, CLOCK_MONOTONIC_COARSE },     /* CLOCK_UPTIME_FAST */
	{ 9, CLOCK_REALTIME },             /* CLOCK_REALTIME_PRECISE */
	{ 10, CLOCK_REALTIME_COARSE },     /* CLOCK_REALTIME_FAST */
	{ 11, CLOCK_MONOTONIC },           /* CLOCK_MONOTONIC_PRECISE */
	{ 12, CLOCK_MONOTONIC_COARSE },    /* CLOCK_MONOTONIC_FAST */
	{ 13, CLOCK_REALTIME_COARSE },     /* CLOCK_SECOND */
	{ 14, CLOCK_THREAD_CPUTIME_ID },   /* CLOCK_THREAD_CPUTIME_ID */
	{ 15, CLOCK_PROCESS_CPUTIME_ID },  /* CLOCK_PROCESS_CPUTIME_ID */
};

Test(time, clock_ids)
{
	for (size_t i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++)
		cr_assert_eq(fbsd_clockid_to_linux(clocks[i].fbsd), clocks[i].lnx,
		             "fbsd clock %d", clocks[i].fbsd);
	cr_assert_eq(fbsd_clockid_to_linux(3), -1);
	cr_assert_eq(fbsd_clockid_to_linux(6), -1);
	cr_assert_eq(fbsd_clockid_to_linux(16), -1);
	cr_assert_eq(fbsd_clockid_to_linux(-1), -1);
}

Test(time, clock_constants)
{
	cr_assert_eq(FBSD_CLOCK_MONOTONIC, 4);
	cr_assert_eq(FBSD_CLOCK_UPTIME_PRECISE, 7);
	cr_assert_eq(FBSD_CLOCK_SECOND, 13);
	cr_assert_eq(FBSD_CLOCK_PROCESS_CPUTIME_ID, 15);
}

static const struct pair rlimits[] = {
	{ 0, RLIMIT_CPU }, { 1, RLIMIT_FSIZE }, { 2, RLIMIT_DATA },
	{ 3, RLIMIT_STACK }, { 4, RLIMIT_CORE }, { 5, RLIMIT_RSS },
	{ 6, RLIMIT_MEMLOCK }, { 7, RLIMIT_NPROC }, { 8, RLIMIT_NOFILE },
	{ 10, RLIMIT_AS },
	/* FreeBSD-only: SBSIZE 9, NPTS 11, SWAP 12, KQUEUES 13, UMTXP 14 */
	{ 9, -1 }, { 11, -1 }, { 12, -1 }, { 13, -1 }, { 14, -1 }, { 15, -1 },
	{ -1, -1 },
};

Test(time, rlimit_resources)
{
	for (size_t i = 0; i < sizeof(rlimits) / sizeof(rlimits[0]); i++)
		cr_assert_eq(fbsd_rlimit_resource_to_linux(rlimits[i].fbsd),
		             rlimits[i].lnx, "fbsd resource %d", rlimits[i].fbsd);
}

Test(time, rlimit_infinity)
{
	/* sys/sys/resource.h: RLIM_INFINITY = 2^63 - 1 */
	cr_assert_eq(FBSD_RLIM_INFINITY, 0x7fffffffffffffffULL);
	cr_assert_eq(fbsd_rlim_from_linux(RLIM_INFINITY), 0x7fffffffffffffffULL);
	cr_assert_eq(fbsd_rlim_from_linux(~0ULL), 0x7fffffffffffffffULL);
	cr_assert_eq(fbsd_rlim_from_linux(0x8000000000000000ULL), 0x7fffffffffffffffULL);
	cr_assert_eq(fbsd_rlim_from_linux(1024), 1024);
	cr_assert_eq(fbsd_rlim_from_linux(0), 0);
	cr_assert_eq(fbsd_rlim_to_linux(0x7fffffffffffffffULL), (uint64_t)RLIM_INFINITY);
	cr_assert_eq(fbsd_rlim_to_linux(0xffffffffffffffffULL), (uint64_t)RLIM_INFINITY,
	             "negative FreeBSD values mean infinity");
	cr_assert_eq(fbsd_rlim_to_linux(8 << 20), 8 << 20);
	cr_assert_eq(fbsd_rlim_to_linux(0x7ffffffffffffffeULL), 0x7ffffffffffffffeULL);
}

Test(time, itimer_and_rusage)
{
	cr_assert_eq(FBSD_ITIMER_REAL, ITIMER_REAL);
	cr_assert_eq(FBSD_ITIMER_VIRTUAL, ITIMER_VIRTUAL);
	cr_assert_eq(FBSD_ITIMER_PROF, ITIMER_PROF);
	cr_assert_eq(sizeof(struct fbsd_rusage), 144);
	cr_assert_eq(offsetof(struct fbsd_rusage, ru_maxrss), 32);
	cr_assert_eq(offsetof(struct fbsd_rusage, ru_nivcsw), 136);
	cr_assert_eq(sizeof(struct rusage), 144);
	cr_assert_eq(offsetof(struct rusage, ru_nivcsw), 136);
}
