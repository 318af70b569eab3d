/* FreeBSD's poll(2) and select(2): its timeout arguments, then the
 * handlers both BSDs share (personality/bsd/poll.c). */
#include "personality/freebsd/fbsd.h"
#include "personality/bsd/poll.h"
#include "abi/freebsd/signal.h"
#include <sys/time.h>

/* sys/sys/poll.h (FreeBSD 14): the bits NetBSD does not have. */
#define FBSD_POLLINIGNEOF 0x2000   /* like POLLIN, but EOF does not count */
#define FBSD_POLLRDHUP    0x4000   /* Linux: 0x2000 */
#define FBSD_INFTIM       (-1)

static const struct bsd_pollbits fbsd_pollbits = {
    .inigneof = FBSD_POLLINIGNEOF, .rdhup = FBSD_POLLRDHUP,
};

/* poll(struct pollfd fds[], u_int nfds, int timeout) */
long fbsd_sys_poll(struct sysctx *c)
{
    int timeout = ARG_INT(c, 2);
    /* FreeBSD: a negative timeout other than INFTIM is EINVAL; Linux
     * would wait forever. */
    if (timeout < 0 && timeout != FBSD_INFTIM) {
        c->no_restart = true;
        return -EINVAL;
    }
    struct timespec ts = { timeout / 1000, (timeout % 1000) * 1000000L };
    return bsd_poll(c, ARG_PTR(c, 0), ARG_UINT(c, 1), timeout < 0 ? NULL : &ts, &fbsd_pollbits);
}

/* select(int nd, fd_set *in, fd_set *ou, fd_set *ex, struct timeval *tv) */
long fbsd_sys_select(struct sysctx *c)
{
    struct timespec ts, *tsp = NULL;
    if (ARG_INT(c, 0) < 0) {
        c->no_restart = true;
        return -EINVAL;
    }
    if (ARG_PTR(c, 4)) {
        struct timeval tv;
        c->no_restart = true;
        if (copy_from_guest(&tv, ARG_PTR(c, 4), sizeof tv))
            return -EFAULT;
        /* sys/kern/sys_generic.c kern_select */
        if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
            return -EINVAL;
        ts.tv_sec = tv.tv_sec;
        ts.tv_nsec = tv.tv_usec * 1000;
        tsp = &ts;
    }
    return bsd_select(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2), ARG_PTR(c, 3), tsp);
}

static long mask_arg(uint64_t umask, uint64_t *mask, bool *has)
{
    fbsd_sigset_t set;
    *has = umask != 0;
    if (!umask)
        return 0;
    if (copy_from_guest(&set, umask, sizeof set))
        return -EFAULT;
    *mask = fbsd_sigset_to_linux(&set);
    return 0;
}

/* ppoll(struct pollfd fds[], u_int nfds, const struct timespec *ts,
 *       const sigset_t *set) (sys/kern/sys_generic.c sys_ppoll): both
 * arguments are copied in before kern_poll looks at the timeout. */
long fbsd_sys_ppoll(struct sysctx *c)
{
    struct timespec ts;
    uint64_t mask;
    bool has_mask;
    c->no_restart = true;
    if (ARG_PTR(c, 2) && copy_from_guest(&ts, ARG_PTR(c, 2), sizeof ts))
        return -EFAULT;
    long r = mask_arg(ARG_PTR(c, 3), &mask, &has_mask);
    if (r < 0)
        return r;
    if (ARG_PTR(c, 2) && (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L))
        return -EINVAL;
    return bsd_ppoll(c, ARG_PTR(c, 0), ARG_UINT(c, 1), ARG_PTR(c, 2) ? &ts : NULL,
                     has_mask ? &mask : NULL, &fbsd_pollbits);
}

/* pselect(int nd, fd_set *in, fd_set *ou, fd_set *ex,
 *         const struct timespec *ts, const sigset_t *sm) (sys_pselect):
 * the timeout and the mask are copied in first; the timeout becomes a
 * timeval (TIMESPEC_TO_TIMEVAL: nanoseconds / 1000) that kern_select
 * checks as select's. */
long fbsd_sys_pselect(struct sysctx *c)
{
    struct timespec ts;
    uint64_t mask;
    bool has_mask;
    c->no_restart = true;
    if (ARG_PTR(c, 4) && copy_from_guest(&ts, ARG_PTR(c, 4), sizeof ts))
        return -EFAULT;
    long r = mask_arg(ARG_PTR(c, 5), &mask, &has_mask);
    if (r < 0)
        return r;
    if (ARG_INT(c, 0) < 0)
        return -EINVAL;
    if (ARG_PTR(c, 4)) {
        long usec = ts.tv_nsec / 1000;
        if (ts.tv_sec < 0 || usec < 0 || usec >= 1000000)
            return -EINVAL;
        ts.tv_nsec = usec * 1000;
    }
    return bsd_pselect(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2), ARG_PTR(c, 3),
                       ARG_PTR(c, 4) ? &ts : NULL, has_mask ? &mask : NULL);
}
