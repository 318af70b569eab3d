/* FreeBSD's poll(2) and select(2): its timeout arguments, then the
 * handlers both BSDs share (personality/bsd/poll.c). */
#include "personality/freebsd/fbsd.h"
#include "personality/bsd/poll.h"
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
