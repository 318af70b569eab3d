/* Clocks, sleeps and interval timers.  struct timespec, timeval and
 * itimerval have the same layout on FreeBSD/amd64 and Linux/x86-64. */
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/time.h"
#include "abi/freebsd/errno.h"
#include <time.h>
#include <sys/time.h>

/* FreeBSD's CLOCK_SECOND reports whole seconds (sys/kern/kern_time.c). */
static long clock_read(int fbsd_clock, struct timespec *ts, bool res)
{
    int clk = fbsd_clockid_to_linux(fbsd_clock);
    if (clk < 0)
        return -EINVAL;
    long r = res ? clock_getres(clk, ts) : clock_gettime(clk, ts);
    if (r != 0)
        return -errno;
    if (fbsd_clock == FBSD_CLOCK_SECOND) {
        if (res) {
            ts->tv_sec = 1;
            ts->tv_nsec = 0;
        } else {
            ts->tv_nsec = 0;
        }
    }
    return 0;
}

long fbsd_sys_clock_gettime(struct sysctx *c)
{
    struct timespec ts;
    long r = clock_read(ARG_INT(c, 0), &ts, false);
    return r ? r : copy_to_guest(ARG_PTR(c, 1), &ts, sizeof ts);
}

long fbsd_sys_clock_getres(struct sysctx *c)
{
    /* Without a result pointer FreeBSD checks nothing, not even the clock
     * (sys/kern/kern_time.c sys_clock_getres). */
    if (!ARG_PTR(c, 1))
        return 0;
    struct timespec ts;
    long r = clock_read(ARG_INT(c, 0), &ts, true);
    if (r || !ARG_PTR(c, 1))
        return r;
    return copy_to_guest(ARG_PTR(c, 1), &ts, sizeof ts);
}

/* FreeBSD checks that the remainder is writable before it sleeps
 * (user_clock_nanosleep: useracc); reading and writing back the same bytes
 * is the fault-safe equivalent here. */
static bool guest_writable(uint64_t p, size_t n)
{
    char tmp[16];
    return n <= sizeof tmp && copy_from_guest(tmp, p, n) == 0 && copy_to_guest(p, tmp, n) == 0;
}

/* nanosleep and clock_nanosleep as sys/kern/kern_time.c orders them: copy
 * the request in, check the remainder, the request and the clock, return
 * at once for a zero or negative time; only then sleep on the host.
 * Only a signal the guest takes ends the sleep early: a host signal that
 * brings it nothing (one this thread's guest mask blocks, or one persona
 * passed on to another thread) still cuts the host call short with EINTR,
 * and then the sleep goes on for what is left.  Go's runtime relies on it:
 * usleep in a SIGQUIT handler, all signals blocked, paces its crash dump.
 * Returns 0 or -errno (Linux numbering, as handlers return it). */
static long fbsd_sleep(struct sysctx *c, int fbsd_clock, int flags, uint64_t rqtp, uint64_t rmtp)
{
    struct timespec rq;
    if (copy_from_guest(&rq, rqtp, sizeof rq))
        return -EFAULT;
    if (rmtp && !(flags & FBSD_TIMER_ABSTIME) && !guest_writable(rmtp, sizeof rq))
        return -EFAULT;
    int e = fbsd_nanosleep_check(fbsd_clock, flags, rq.tv_nsec);
    if (e)
        return e == FBSD_ENOTSUP ? -EOPNOTSUPP : -EINVAL;
    if (fbsd_nanosleep_is_immediate(flags, rq.tv_sec, rq.tv_nsec))
        return 0;
    c->no_restart = true;
    bool abs = flags & FBSD_TIMER_ABSTIME;
    struct timespec rem;
    long r;
    while ((r = HOST4(SYS_clock_nanosleep, fbsd_clockid_to_linux(fbsd_clock), abs ? TIMER_ABSTIME : 0,
                      &rq, &rem)) == -EINTR && !c->t->interrupt)
        if (!abs)
            rq = rem;
    if (r == -EINTR && rmtp && !abs && copy_to_guest(rmtp, &rem, sizeof rem))
        return -EFAULT;
    return r;
}

long fbsd_sys_nanosleep(struct sysctx *c)
{
    return fbsd_sleep(c, FBSD_CLOCK_REALTIME, FBSD_TIMER_RELTIME, ARG_PTR(c, 0), ARG_PTR(c, 1));
}

long fbsd_sys_clock_nanosleep(struct sysctx *c)
{
    /* Unlike nanosleep, clock_nanosleep returns the error number itself
     * (sys/kern/kern_time.c sys_clock_nanosleep, POSIX). */
    long r = fbsd_sleep(c, ARG_INT(c, 0), ARG_INT(c, 1), ARG_PTR(c, 2), ARG_PTR(c, 3));
    return r < 0 ? (long)fbsd_errno_from_linux((int)-r) : 0;
}

