/*
 * FreeBSD kqueue/kevent ABI (amd64): the FreeBSD 12+ struct kevent, the
 * FreeBSD 11 struct freebsd11_kevent still used by the compat kevent call
 * (Go <= 1.20 binaries), filters, flags and NOTE_* values.
 *
 * Sources: sys/sys/event.h; values cross-checked with x/sys/unix
 * zerrors_freebsd_amd64.go (EVFILT_*, EV_*, NOTE_*) and
 * ztypes_freebsd_amd64.go (Kevent_t: 64 bytes with ext[4]); Go's
 * runtime/defs_freebsd_amd64.go keventt is the 32-byte FreeBSD 11 layout.
 */
#ifndef PERSONA_ABI_FREEBSD_EVENT_H
#define PERSONA_ABI_FREEBSD_EVENT_H

#include <stddef.h>
#include <stdint.h>

/* ---- filters ----------------------------------------------------------- */
#define FBSD_EVFILT_READ      (-1)
#define FBSD_EVFILT_WRITE     (-2)
#define FBSD_EVFILT_AIO       (-3)
#define FBSD_EVFILT_VNODE     (-4)
#define FBSD_EVFILT_PROC      (-5)
#define FBSD_EVFILT_SIGNAL    (-6)
#define FBSD_EVFILT_TIMER     (-7)
#define FBSD_EVFILT_PROCDESC  (-8)
#define FBSD_EVFILT_FS        (-9)
#define FBSD_EVFILT_LIO       (-10)
#define FBSD_EVFILT_USER      (-11)
#define FBSD_EVFILT_SENDFILE  (-12)
#define FBSD_EVFILT_EMPTY     (-13)
#define FBSD_EVFILT_SYSCOUNT  13

/* ---- flags (actions, modifiers, returned) ------------------------------ */
#define FBSD_EV_ADD           0x0001
#define FBSD_EV_DELETE        0x0002
#define FBSD_EV_ENABLE        0x0004
#define FBSD_EV_DISABLE       0x0008
#define FBSD_EV_FORCEONESHOT  0x0100
/* EV_KEEPUDATA (FreeBSD 12+, keep the old udata on modify): value from
 * sys/sys/event.h as recalled, not present in the Debian Go tables. */
#define FBSD_EV_KEEPUDATA     0x0200
#define FBSD_EV_ONESHOT       0x0010
#define FBSD_EV_CLEAR         0x0020
#define FBSD_EV_RECEIPT       0x0040
#define FBSD_EV_DISPATCH      0x0080
#define FBSD_EV_SYSFLAGS      0xF000
#define FBSD_EV_DROP          0x1000
#define FBSD_EV_FLAG1         0x2000   /* filter-specific */
#define FBSD_EV_FLAG2         0x4000   /* filter-specific */
#define FBSD_EV_EOF           0x8000   /* returned */
#define FBSD_EV_ERROR         0x4000   /* returned; data = errno */

/* ---- NOTE_* (fflags) ---------------------------------------------------- */
/* EVFILT_USER */
#define FBSD_NOTE_FFNOP       0x00000000u
#define FBSD_NOTE_FFAND       0x40000000u
#define FBSD_NOTE_FFOR        0x80000000u
#define FBSD_NOTE_FFCOPY      0xc0000000u
#define FBSD_NOTE_FFCTRLMASK  0xc0000000u
#define FBSD_NOTE_FFLAGSMASK  0x00ffffffu
#define FBSD_NOTE_TRIGGER     0x01000000u
/* EVFILT_READ / EVFILT_WRITE */
#define FBSD_NOTE_LOWAT       0x0001
#define FBSD_NOTE_FILE_POLL   0x0002
/* EVFILT_VNODE */
#define FBSD_NOTE_DELETE      0x0001
#define FBSD_NOTE_WRITE       0x0002
#define FBSD_NOTE_EXTEND      0x0004
#define FBSD_NOTE_ATTRIB      0x0008
#define FBSD_NOTE_LINK        0x0010
#define FBSD_NOTE_RENAME      0x0020
#define FBSD_NOTE_REVOKE      0x0040
#define FBSD_NOTE_OPEN        0x0080
#define FBSD_NOTE_CLOSE       0x0100
#define FBSD_NOTE_CLOSE_WRITE 0x0200
#define FBSD_NOTE_READ        0x0400
/* EVFILT_PROC / EVFILT_PROCDESC */
#define FBSD_NOTE_EXIT        0x80000000u
#define FBSD_NOTE_FORK        0x40000000u
#define FBSD_NOTE_EXEC        0x20000000u
#define FBSD_NOTE_PCTRLMASK   0xf0000000u
#define FBSD_NOTE_PDATAMASK   0x000fffffu
#define FBSD_NOTE_TRACK       0x00000001
#define FBSD_NOTE_TRACKERR    0x00000002
#define FBSD_NOTE_CHILD       0x00000004
/* EVFILT_TIMER: unit of data; with none set it is milliseconds (kevent(2)) */
#define FBSD_NOTE_SECONDS     0x0001
#define FBSD_NOTE_MSECONDS    0x0002
#define FBSD_NOTE_USECONDS    0x0004
#define FBSD_NOTE_NSECONDS    0x0008
#define FBSD_NOTE_ABSTIME     0x0010

/* ---- struct kevent (FreeBSD 12+) --------------------------------------- */
struct fbsd_kevent {
	uint64_t ident;     /*  0: uintptr_t */
	int16_t filter;     /*  8 */
	uint16_t flags;     /* 10 */
	uint32_t fflags;    /* 12 */
	int64_t data;       /* 16: __int64_t */
	uint64_t udata;     /* 24: void * (guest value, opaque) */
	uint64_t ext[4];    /* 32 */
};
_Static_assert(sizeof(struct fbsd_kevent) == 64, "kevent size");
_Static_assert(offsetof(struct fbsd_kevent, filter) == 8, "filter");
_Static_assert(offsetof(struct fbsd_kevent, flags) == 10, "flags");
_Static_assert(offsetof(struct fbsd_kevent, fflags) == 12, "fflags");
_Static_assert(offsetof(struct fbsd_kevent, data) == 16, "data");
_Static_assert(offsetof(struct fbsd_kevent, udata) == 24, "udata");
_Static_assert(offsetof(struct fbsd_kevent, ext) == 32, "ext");

/* ---- struct freebsd11_kevent ------------------------------------------- */
struct fbsd11_kevent {
	uint64_t ident;     /*  0 */
	int16_t filter;     /*  8 */
	uint16_t flags;     /* 10 */
	uint32_t fflags;    /* 12 */
	int64_t data;       /* 16: intptr_t (64-bit on amd64) */
	uint64_t udata;     /* 24 */
};
_Static_assert(sizeof(struct fbsd11_kevent) == 32, "freebsd11_kevent size");
_Static_assert(offsetof(struct fbsd11_kevent, data) == 16, "data");
_Static_assert(offsetof(struct fbsd11_kevent, udata) == 24, "udata");

/* 11 -> 12: every field copied, ext[] zeroed. */
void fbsd_kevent_from11(struct fbsd_kevent *out, const struct fbsd11_kevent *in);
/* 12 -> 11: every field copied, ext[] dropped (data fits: intptr_t is
 * 64 bits on amd64). */
void fbsd_kevent_to11(struct fbsd11_kevent *out, const struct fbsd_kevent *in);

#endif /* PERSONA_ABI_FREEBSD_EVENT_H */
