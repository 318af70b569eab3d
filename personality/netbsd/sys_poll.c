/* NetBSD's poll(2), pollts(2), select(2) and pselect(2): their timeout
 * arguments, then the handlers both BSDs share (personality/bsd/poll.c).
 * NetBSD's poll bits are the shared ones (sys/sys/poll.h). */
#include "personality/netbsd/nbsd.h"
#include "personality/bsd/poll.h"
#include "abi/netbsd/signal.h"
#include "syscalls/report.h"
#include <stdio.h>
#include <sys/time.h>

#define NBSD_INFTIM (-1)        /* sys/sys/poll.h */

static const struct bsd_pollbits nbsd_pollbits = { 0, 0 };

/* sys/kern/subr_time.c itimespecfix(): what a timeout must be. */
static long timespec_arg(struct sysctx *c, uint64_t uts, struct timespec *ts)
{
    if (copy_from_guest(ts, uts, sizeof *ts))
        return -EFAULT;
    if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L)
        return -EINVAL;
    return 0;
}

/* The sigmask argument of pollts/pselect, in host numbering; *has is
 * false when there is none. */
static long mask_arg(uint64_t umask, uint64_t *mask, bool *has)
{
    nbsd_sigset_t set;
    *has = umask != 0;
    if (!umask)
        return 0;
    if (copy_from_guest(&set, umask, sizeof set))
        return -EFAULT;
    *mask = nbsd_sigset_to_linux(&set);
    return 0;
}

/* poll(struct pollfd *fds, u_int nfds, int timeout) */
long nbsd_sys_poll(struct sysctx *c)
{
    int timeout = ARG_INT(c, 2);
    /* sys_poll: any timeout but INFTIM becomes a timespec, and a negative
     * one fails itimespecfix (EINVAL). */
    if (timeout < 0 && timeout != NBSD_INFTIM) {
        c->no_restart = true;
        return -EINVAL;
    }
    struct timespec ts = { timeout / 1000, (timeout % 1000) * 1000000L };
    return bsd_poll(c, ARG_PTR(c, 0), ARG_UINT(c, 1), timeout < 0 ? NULL : &ts, &nbsd_pollbits);
}

/* __pollts50(struct pollfd *fds, u_int nfds, const struct timespec *ts,
 *            const sigset_t *mask) */
long nbsd_sys___pollts50(struct sysctx *c)
{
    struct timespec ts;
    c->no_restart = true;
    if (ARG_PTR(c, 2)) {
        long r = timespec_arg(c, ARG_PTR(c, 2), &ts);
        if (r < 0)
            return r;
    }
    uint64_t mask;
    bool has_mask;
    long r = mask_arg(ARG_PTR(c, 3), &mask, &has_mask);
    if (r < 0)
        return r;
    return bsd_ppoll(c, ARG_PTR(c, 0), ARG_UINT(c, 1), ARG_PTR(c, 2) ? &ts : NULL,
                     has_mask ? &mask : NULL, &nbsd_pollbits);
}

/* __select50(int nd, fd_set *in, fd_set *ou, fd_set *ex, struct timeval *tv) */
long nbsd_sys___select50(struct sysctx *c)
{
    struct timespec ts, *tsp = NULL;
    c->no_restart = true;
    if (ARG_INT(c, 0) < 0)
        return -EINVAL;
    if (ARG_PTR(c, 4)) {
        struct timeval tv;
        if (copy_from_guest(&tv, ARG_PTR(c, 4), sizeof tv))
            return -EFAULT;
        /* sys/kern/sys_select.c: itimerfix() */
        if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
            return -EINVAL;
        ts.tv_sec = tv.tv_sec;
        ts.tv_nsec = tv.tv_usec * 1000;
        tsp = &ts;
    }
    return bsd_select(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2), ARG_PTR(c, 3), tsp);
}

/* __pselect50(int nd, fd_set *in, fd_set *ou, fd_set *ex,
 *             const struct timespec *ts, const sigset_t *mask) */
long nbsd_sys___pselect50(struct sysctx *c)
{
    struct timespec ts;
    c->no_restart = true;
    if (ARG_INT(c, 0) < 0)
        return -EINVAL;
    if (ARG_PTR(c, 4)) {
        long r = timespec_arg(c, ARG_PTR(c, 4), &ts);
        if (r < 0)
            return r;
    }
    uint64_t mask;
    bool has_mask;
    long r = mask_arg(ARG_PTR(c, 5), &mask, &has_mask);
    if (r < 0)
        return r;
    return bsd_pselect(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2), ARG_PTR(c, 3),
                       ARG_PTR(c, 4) ? &ts : NULL, has_mask ? &mask : NULL);
}
