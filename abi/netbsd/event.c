/* NetBSD <-> FreeBSD struct kevent (abi/netbsd/event.h). */
#include "abi/netbsd/event.h"
#include <string.h>

_Static_assert(FBSD_EV_ADD == 0x1 && FBSD_EV_DELETE == 0x2 && FBSD_EV_ENABLE == 0x4 &&
               FBSD_EV_DISABLE == 0x8 && FBSD_EV_ONESHOT == 0x10 && FBSD_EV_CLEAR == 0x20 &&
               FBSD_EV_RECEIPT == 0x40 && FBSD_EV_DISPATCH == 0x80 && FBSD_EV_EOF == 0x8000 &&
               FBSD_EV_ERROR == 0x4000, "EV_* are the same bits on both BSDs");

static const int16_t to_fbsd[] = {
    [NBSD_EVFILT_READ] = FBSD_EVFILT_READ,     [NBSD_EVFILT_WRITE] = FBSD_EVFILT_WRITE,
    [NBSD_EVFILT_AIO] = FBSD_EVFILT_AIO,       [NBSD_EVFILT_VNODE] = FBSD_EVFILT_VNODE,
    [NBSD_EVFILT_PROC] = FBSD_EVFILT_PROC,     [NBSD_EVFILT_SIGNAL] = FBSD_EVFILT_SIGNAL,
    [NBSD_EVFILT_TIMER] = FBSD_EVFILT_TIMER,   [NBSD_EVFILT_FS] = FBSD_EVFILT_FS,
    [NBSD_EVFILT_USER] = FBSD_EVFILT_USER,     [NBSD_EVFILT_EMPTY] = FBSD_EVFILT_EMPTY,
};
#define NFILT (sizeof to_fbsd / sizeof to_fbsd[0])

void nbsd_kevent_to_fbsd(struct fbsd_kevent *out, const struct nbsd_kevent *in)
{
    memset(out, 0, sizeof *out);
    out->ident = in->ident;
    out->filter = in->filter < NFILT ? to_fbsd[in->filter] : NBSD_EVFILT_UNKNOWN_AS_FBSD;
    out->flags = (uint16_t)(in->flags & NBSD_EV_KNOWN);
    out->fflags = in->fflags;
    out->data = in->data;
    out->udata = in->udata;
}

void nbsd_kevent_from_fbsd(struct nbsd_kevent *out, const struct fbsd_kevent *in)
{
    memset(out, 0, sizeof *out);
    out->ident = in->ident;
    out->filter = (uint32_t)-1;
    for (unsigned i = 0; i < NFILT; i++)
        if (to_fbsd[i] == in->filter)
            out->filter = i;
    out->flags = in->flags;
    out->fflags = in->fflags;
    out->data = in->data;
    out->udata = in->udata;
}
