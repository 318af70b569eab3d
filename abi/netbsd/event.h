/* NetBSD struct kevent (__kevent50) and its filters.
 *
 * Source: NetBSD sys/sys/event.h (uintptr_t ident; uint32_t filter, flags,
 * fflags; int64_t data; void *udata: 40 bytes on amd64; NetBSD 11's
 * __kevent100 adds ext[4]), checked against Go's
 * syscall/zerrors_netbsd_amd64.go (EVFILT_READ 0 ... EVFILT_TIMER 6) and
 * runtime/defs1_netbsd_amd64.go (keventt).  The EV_* flag bits are
 * FreeBSD's (both from the same 4.4BSD-Lite/kqueue code), FreeBSD's
 * EV_FORCEONESHOT and EV_KEEPUDATA aside. */
#ifndef PERSONA_ABI_NETBSD_EVENT_H
#define PERSONA_ABI_NETBSD_EVENT_H
#include <stddef.h>
#include <stdint.h>
#include "abi/freebsd/event.h"

#define NBSD_EVFILT_READ   0
#define NBSD_EVFILT_WRITE  1
#define NBSD_EVFILT_AIO    2
#define NBSD_EVFILT_VNODE  3
#define NBSD_EVFILT_PROC   4
#define NBSD_EVFILT_SIGNAL 5
#define NBSD_EVFILT_TIMER  6
#define NBSD_EVFILT_FS     7
#define NBSD_EVFILT_USER   8
#define NBSD_EVFILT_EMPTY  9

/* The EV_* bits NetBSD defines (ADD..DISPATCH, FLAG1, EOF, ERROR). */
#define NBSD_EV_KNOWN 0xe0ffu

struct nbsd_kevent {
    uint64_t ident;
    uint32_t filter;
    uint32_t flags;
    uint32_t fflags;
    uint32_t pad;
    int64_t data;
    uint64_t udata;
};
_Static_assert(sizeof(struct nbsd_kevent) == 40, "NetBSD struct kevent: 40 bytes");
_Static_assert(offsetof(struct nbsd_kevent, filter) == 8, "filter");
_Static_assert(offsetof(struct nbsd_kevent, flags) == 12, "flags");
_Static_assert(offsetof(struct nbsd_kevent, fflags) == 16, "fflags");
_Static_assert(offsetof(struct nbsd_kevent, data) == 24, "data");
_Static_assert(offsetof(struct nbsd_kevent, udata) == 32, "udata");

/* An unknown NetBSD filter becomes this FreeBSD one, which the emulation
 * refuses with EINVAL as both kernels do. */
#define NBSD_EVFILT_UNKNOWN_AS_FBSD (-100)

/* NetBSD -> the FreeBSD form (filter renumbered, flags' NetBSD-only upper
 * bits dropped, ext zeroed) and back. */
void nbsd_kevent_to_fbsd(struct fbsd_kevent *out, const struct nbsd_kevent *in);
void nbsd_kevent_from_fbsd(struct nbsd_kevent *out, const struct fbsd_kevent *in);

#endif
