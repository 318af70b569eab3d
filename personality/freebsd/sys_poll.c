/* poll(2) and select(2).
 *
 * Both return EINTR when a signal arrives, whatever SA_RESTART says
 * (FreeBSD sys/kern/sys_generic.c turns ERESTART into EINTR for them), so
 * both set c->no_restart. */
#include "personality/freebsd/fbsd.h"
#include "syscalls/fdreserve.h"
#include <limits.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/time.h>

/* sys/sys/poll.h (FreeBSD 14).  struct pollfd { int fd; short events,
 * revents; } is the same on both. */
#define FBSD_POLLIN       0x0001
#define FBSD_POLLPRI      0x0002
#define FBSD_POLLOUT      0x0004   /* == POLLWRNORM */
#define FBSD_POLLERR      0x0008
#define FBSD_POLLHUP      0x0010
#define FBSD_POLLNVAL     0x0020
#define FBSD_POLLRDNORM   0x0040
#define FBSD_POLLRDBAND   0x0080
#define FBSD_POLLWRBAND   0x0100   /* Linux: 0x200 (0x100 is its POLLWRNORM) */
#define FBSD_POLLINIGNEOF 0x2000   /* like POLLIN, but EOF does not count */
#define FBSD_POLLRDHUP    0x4000   /* Linux: 0x2000 */
#define FBSD_INFTIM       (-1)

static const struct { short fbsd, lnx; } poll_bits[] = {
    { FBSD_POLLIN, POLLIN },         { FBSD_POLLPRI, POLLPRI },
    { FBSD_POLLOUT, POLLOUT },       { FBSD_POLLERR, POLLERR },
    { FBSD_POLLHUP, POLLHUP },       { FBSD_POLLNVAL, POLLNVAL },
    { FBSD_POLLRDNORM, POLLRDNORM }, { FBSD_POLLRDBAND, POLLRDBAND },
    { FBSD_POLLWRBAND, POLLWRBAND }, { FBSD_POLLRDHUP, POLLRDHUP },
};
#define NBITS (sizeof poll_bits / sizeof poll_bits[0])

/* POLLINIGNEOF has no Linux twin: it is asked as POLLIN, and reported when
 * Linux reports POLLIN (so, unlike FreeBSD, also at end of file). */
static short events_to_linux(short ev)
{
    short out = 0;
    for (unsigned i = 0; i < NBITS; i++)
        if (ev & poll_bits[i].fbsd)
            out |= poll_bits[i].lnx;
    if (ev & FBSD_POLLINIGNEOF)
        out |= POLLIN;
    return out;
}

static short revents_from_linux(short rev, short asked)
{
    short out = 0;
    for (unsigned i = 0; i < NBITS; i++)
        if (rev & poll_bits[i].lnx)
            out |= poll_bits[i].fbsd;
    if (rev & POLLWRNORM)
        out |= FBSD_POLLOUT;
    if ((asked & FBSD_POLLINIGNEOF) && (rev & POLLIN)) {
        out |= FBSD_POLLINIGNEOF;
        if (!(asked & FBSD_POLLIN))
            out &= ~FBSD_POLLIN;
    }
    return out;
}

/* poll(struct pollfd fds[], u_int nfds, int timeout) */
long fbsd_sys_poll(struct sysctx *c)
{
    c->no_restart = true;
    uint64_t ufds = ARG_PTR(c, 0);
    unsigned nfds = ARG_UINT(c, 1);
    int timeout = ARG_INT(c, 2);
    /* FreeBSD: a negative timeout other than INFTIM is EINVAL; Linux
     * would wait forever. */
    if (timeout < 0 && timeout != FBSD_INFTIM)
        return -EINVAL;
    /* The host checks nfds against RLIMIT_NOFILE (FreeBSD: against
     * maxfilesperproc); this only bounds persona's scratch space. */
    if (nfds > (1u << 20))
        return -EINVAL;

    /* Two arrays: the guest's as read (its `events` are needed again to
     * write the answer) and the host's.  Small sets live on the stack. */
    struct pollfd small[2][64], *g = small[0], *l = small[1];
    size_t bytes = (size_t)nfds * sizeof(struct pollfd);
    void *map = NULL;
    if (nfds > 64) {
        long m = HOST6(SYS_mmap, 0, 2 * bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m < 0 && m >= -4095)
            return -ENOMEM;
        map = (void *)m;
        g = map;
        l = g + nfds;
    }
    long r = copy_from_guest(g, ufds, bytes);
    if (r == 0) {
        int base = fd_reserved_base();
        for (unsigned i = 0; i < nfds; i++) {
            /* persona's own descriptors are not open for the guest: a
             * number past any table gets POLLNVAL from the host. */
            l[i].fd = g[i].fd < base ? g[i].fd : INT_MAX;
            l[i].events = events_to_linux(g[i].events);
            l[i].revents = 0;
        }
        r = HOST3(SYS_poll, l, nfds, timeout);
        if (r >= 0) {
            for (unsigned i = 0; i < nfds; i++)
                g[i].revents = revents_from_linux(l[i].revents, g[i].events);
            if (copy_to_guest(ufds, g, bytes))
                r = -EFAULT;
        }
    }
    if (map)
        HOST2(SYS_munmap, map, 2 * bytes);
    return r;
}

/* select(int nd, fd_set *in, fd_set *ou, fd_set *ex, struct timeval *tv).
 * fd_set is the same bitmap of unsigned longs on both, and both clamp nd
 * to the size of the descriptor table.  FreeBSD leaves *tv alone where
 * Linux writes back the time left, so the host gets a copy. */
long fbsd_sys_select(struct sysctx *c)
{
    c->no_restart = true;
    int nd = ARG_INT(c, 0);
    if (nd < 0)
        return -EINVAL;
    /* The guest's table ends where persona's descriptors begin. */
    if (nd > fd_reserved_base())
        nd = fd_reserved_base();
    struct timeval tv, *tvp = NULL;
    if (ARG_PTR(c, 4)) {
        if (copy_from_guest(&tv, ARG_PTR(c, 4), sizeof tv))
            return -EFAULT;
        /* sys/kern/sys_generic.c kern_select */
        if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
            return -EINVAL;
        tvp = &tv;
    }
    return HOST5(SYS_select, nd, ARG_PTR(c, 1), ARG_PTR(c, 2), ARG_PTR(c, 3), tvp);
}
