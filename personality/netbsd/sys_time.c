/* Clocks and sleeps.  struct timespec is the same on NetBSD/amd64 (time_t
 * 64-bit since the *50 calls, sys/sys/timespec.h) and Linux/x86-64. */
#include "personality/netbsd/nbsd.h"
#include <time.h>

_Static_assert(sizeof(struct timespec) == 16, "NetBSD struct timespec: 2 x int64");

/* sys/sys/time.h: CLOCK_REALTIME 0, CLOCK_VIRTUAL 1, CLOCK_PROF 2,
 * CLOCK_MONOTONIC 3, CLOCK_THREAD_CPUTIME_ID 0x20000000,
 * CLOCK_PROCESS_CPUTIME_ID 0x40000000. */
int nbsd_clockid_to_linux(int nclock)
{
    switch (nclock) {
    case 0: return CLOCK_REALTIME;
    case 3: return CLOCK_MONOTONIC;
    case 0x20000000: return CLOCK_THREAD_CPUTIME_ID;
    case 0x40000000: return CLOCK_PROCESS_CPUTIME_ID;
    default: return -1;
    }
}

/* Exactly the vDSO's answer for REALTIME and MONOTONIC: the fast path. */
int nbsd_fast_clock_host_id(int nclock)
{
    return nclock == 0 ? CLOCK_REALTIME : nclock == 3 ? CLOCK_MONOTONIC : -1;
}

long nbsd_sys___clock_gettime50(struct sysctx *c)
{
    int clk = nbsd_clockid_to_linux(ARG_INT(c, 0));
    if (clk < 0)
        return -EINVAL;
    struct timespec ts;
    if (clock_gettime(clk, &ts) != 0)
        return -errno;
    return copy_to_guest(ARG_PTR(c, 1), &ts, sizeof ts);
}

long nbsd_sys___clock_getres50(struct sysctx *c)
{
    int clk = nbsd_clockid_to_linux(ARG_INT(c, 0));
    if (clk < 0)
        return -EINVAL;
    struct timespec ts;
    if (clock_getres(clk, &ts) != 0)
        return -errno;
    return ARG_PTR(c, 1) ? copy_to_guest(ARG_PTR(c, 1), &ts, sizeof ts) : 0;
}

/* nanosleep (sys/kern/kern_time.c nanosleep1): EINVAL for a bad nsec;
 * only a signal the guest takes ends the sleep early (a host signal that
 * brings it nothing restarts the rest), as on FreeBSD. */
long nbsd_sys___nanosleep50(struct sysctx *c)
{
    struct timespec rq, rem;
    if (copy_from_guest(&rq, ARG_PTR(c, 0), sizeof rq))
        return -EFAULT;
    if (rq.tv_nsec < 0 || rq.tv_nsec >= 1000000000L)
        return -EINVAL;
    if (rq.tv_sec < 0 || (rq.tv_sec == 0 && rq.tv_nsec == 0))
        return 0;
    c->no_restart = true;
    long r;
    while ((r = HOST4(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &rq, &rem)) == -EINTR && !c->t->interrupt)
        rq = rem;
    if (r == -EINTR && ARG_PTR(c, 1) && copy_to_guest(ARG_PTR(c, 1), &rem, sizeof rem))
        return -EFAULT;
    return r;
}
