/* poll(2) and select(2), both BSDs, on Linux ppoll/pselect6.
 *
 * Both return EINTR when a signal arrives, whatever SA_RESTART says
 * (FreeBSD and NetBSD sys/kern/sys_generic.c / sys_select.c turn ERESTART
 * into EINTR for them), so both set c->no_restart. */
#include "personality/bsd/poll.h"
#include "syscalls/door.h"
#include "syscalls/fdreserve.h"
#include "syscalls/signals.h"
#include "syscalls/uaccess.h"
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>

/* sys/sys/poll.h, FreeBSD 14 and NetBSD: struct pollfd { int fd; short
 * events, revents; } is the same as Linux's, and so are these bits but
 * POLLWRBAND.  FreeBSD adds POLLINIGNEOF 0x2000 and POLLRDHUP 0x4000
 * (Linux's POLLRDHUP is 0x2000): struct bsd_pollbits. */
#define BSD_POLLIN     0x0001
#define BSD_POLLPRI    0x0002
#define BSD_POLLOUT    0x0004   /* == POLLWRNORM */
#define BSD_POLLERR    0x0008
#define BSD_POLLHUP    0x0010
#define BSD_POLLNVAL   0x0020
#define BSD_POLLRDNORM 0x0040
#define BSD_POLLRDBAND 0x0080
#define BSD_POLLWRBAND 0x0100   /* Linux: 0x200 (0x100 is its POLLWRNORM) */

static const struct { short bsd, lnx; } poll_bits[] = {
    { BSD_POLLIN, POLLIN },         { BSD_POLLPRI, POLLPRI },
    { BSD_POLLOUT, POLLOUT },       { BSD_POLLERR, POLLERR },
    { BSD_POLLHUP, POLLHUP },       { BSD_POLLNVAL, POLLNVAL },
    { BSD_POLLRDNORM, POLLRDNORM }, { BSD_POLLRDBAND, POLLRDBAND },
    { BSD_POLLWRBAND, POLLWRBAND },
};
#define NBITS (sizeof poll_bits / sizeof poll_bits[0])

/* POLLINIGNEOF has no Linux twin: it is asked as POLLIN, and reported when
 * Linux reports POLLIN (so, unlike FreeBSD, also at end of file). */
static short events_to_linux(short ev, const struct bsd_pollbits *pb)
{
    short out = 0;
    for (unsigned i = 0; i < NBITS; i++)
        if (ev & poll_bits[i].bsd)
            out |= poll_bits[i].lnx;
    if (pb->rdhup && (ev & pb->rdhup))
        out |= POLLRDHUP;
    if (pb->inigneof && (ev & pb->inigneof))
        out |= POLLIN;
    return out;
}

static short revents_from_linux(short rev, short asked, const struct bsd_pollbits *pb)
{
    short out = 0;
    for (unsigned i = 0; i < NBITS; i++)
        if (rev & poll_bits[i].lnx)
            out |= poll_bits[i].bsd;
    if (rev & POLLWRNORM)
        out |= BSD_POLLOUT;
    if (pb->rdhup && (rev & POLLRDHUP))
        out |= pb->rdhup;
    if (pb->inigneof && (asked & pb->inigneof) && (rev & POLLIN)) {
        out |= pb->inigneof;
        if (!(asked & BSD_POLLIN))
            out &= ~BSD_POLLIN;
    }
    return out;
}

long bsd_poll(struct sysctx *c, uint64_t ufds, unsigned nfds, const struct timespec *ts,
              const struct bsd_pollbits *pb)
{
    c->no_restart = true;
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
    /* ppoll writes back the time left: the host gets a copy. */
    struct timespec t, *tp = NULL;
    if (ts) {
        t = *ts;
        tp = &t;
    }
    long r = copy_from_guest(g, ufds, bytes);
    if (r == 0) {
        int base = fd_reserved_base();
        for (unsigned i = 0; i < nfds; i++) {
            /* persona's own descriptors are not open for the guest: a
             * number past any table gets POLLNVAL from the host. */
            l[i].fd = g[i].fd < base ? g[i].fd : INT_MAX;
            l[i].events = events_to_linux(g[i].events, pb);
            l[i].revents = 0;
        }
        r = HOST5(SYS_ppoll, l, nfds, tp, NULL, 8);
        if (r >= 0) {
            for (unsigned i = 0; i < nfds; i++)
                g[i].revents = revents_from_linux(l[i].revents, g[i].events, pb);
            if (copy_to_guest(ufds, g, bytes))
                r = -EFAULT;
        }
    }
    if (map)
        HOST2(SYS_munmap, map, 2 * bytes);
    return r;
}

/* fd_set is the same bitmap of unsigned longs on the BSDs and Linux, and
 * all clamp nd to the size of the descriptor table.  The BSDs leave the
 * timeout alone where Linux writes back the time left, so the host gets a
 * copy. */
long bsd_select(struct sysctx *c, int nd, uint64_t in, uint64_t ou, uint64_t ex,
                const struct timespec *ts)
{
    c->no_restart = true;
    if (nd < 0)
        return -EINVAL;
    /* The guest's table ends where persona's descriptors begin. */
    if (nd > fd_reserved_base())
        nd = fd_reserved_base();
    struct timespec t, *tp = NULL;
    if (ts) {
        t = *ts;
        tp = &t;
    }
    return HOST6(SYS_pselect6, nd, in, ou, ex, tp, NULL);
}

long bsd_ppoll(struct sysctx *c, uint64_t ufds, unsigned nfds, const struct timespec *ts,
               const uint64_t *mask, const struct bsd_pollbits *pb)
{
    if (mask)
        signals_call_mask_begin(c->t, *mask);
    long r = bsd_poll(c, ufds, nfds, ts, pb);
    if (mask)
        signals_call_mask_end(c->t, r == -EINTR);
    return r;
}

long bsd_pselect(struct sysctx *c, int nd, uint64_t in, uint64_t ou, uint64_t ex,
                 const struct timespec *ts, const uint64_t *mask)
{
    if (mask)
        signals_call_mask_begin(c->t, *mask);
    long r = bsd_select(c, nd, in, ou, ex, ts);
    if (mask)
        signals_call_mask_end(c->t, r == -EINTR);
    return r;
}
