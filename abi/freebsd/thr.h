/*
 * FreeBSD thread-creation ABI (thr_new(2) and friends), amd64.
 *
 * Sources: sys/sys/thr.h (struct thr_param, THR_* flags), sys/sys/rtprio.h
 * (struct rtprio), sys/sys/proc.h (PID_MAX, NO_PID), sys/kern/kern_thread.c
 * threadinit() (TID allocator range), sys/sys/umtx.h (TID range comment);
 * Go's runtime/defs_freebsd_amd64.go thrparam (same 104-byte layout, with
 * 4 bytes of padding after flags).
 */
#ifndef PERSONA_ABI_FREEBSD_THR_H
#define PERSONA_ABI_FREEBSD_THR_H

#include <stddef.h>
#include <stdint.h>

/* thr_new flags */
#define FBSD_THR_SUSPENDED     0x0001   /* create suspended */
#define FBSD_THR_SYSTEM_SCOPE  0x0002

/* struct rtprio (sys/sys/rtprio.h): u_short type, prio */
struct fbsd_rtprio {
	uint16_t type;
	uint16_t prio;
};
_Static_assert(sizeof(struct fbsd_rtprio) == 4, "rtprio size");

/* struct thr_param; all pointers are guest addresses. */
struct fbsd_thr_param {
	uint64_t start_func;  /*  0: void (*)(void *) */
	uint64_t arg;         /*  8 */
	uint64_t stack_base;  /* 16: char * (lowest address of the stack) */
	uint64_t stack_size;  /* 24 */
	uint64_t tls_base;    /* 32: becomes the new thread's %fs base */
	uint64_t tls_size;    /* 40 */
	uint64_t child_tid;   /* 48: long *, new TID stored here (child side) */
	uint64_t parent_tid;  /* 56: long *, new TID stored here (parent side) */
	int32_t flags;        /* 64: THR_* */
	int32_t _pad;
	uint64_t rtp;         /* 72: struct rtprio *, may be 0 */
	uint64_t spare[3];    /* 80 */
};
_Static_assert(sizeof(struct fbsd_thr_param) == 104, "thr_param size");
_Static_assert(offsetof(struct fbsd_thr_param, stack_base) == 16, "stack_base");
_Static_assert(offsetof(struct fbsd_thr_param, tls_base) == 32, "tls_base");
_Static_assert(offsetof(struct fbsd_thr_param, child_tid) == 48, "child_tid");
_Static_assert(offsetof(struct fbsd_thr_param, parent_tid) == 56, "parent_tid");
_Static_assert(offsetof(struct fbsd_thr_param, flags) == 64, "flags");
_Static_assert(offsetof(struct fbsd_thr_param, rtp) == 72, "rtp");
_Static_assert(offsetof(struct fbsd_thr_param, spare) == 80, "spare");

/*
 * Thread IDs.  Process IDs are <= PID_MAX (99999); NO_PID is 100000
 * (sys/sys/proc.h).  kern_thread.c threadinit() allocates TIDs from
 * [PID_MAX + 2, INT_MAX], keeping PID_MAX + 1 (= 100000) for thread0 of
 * proc0; sys/sys/umtx.h relies on this ("TIDs values start with PID_MAX + 2
 * and end by INT32_MAX"), so 1..PID_MAX stay usable as lock-word markers.
 * A guest TID must therefore be >= FBSD_TID_MIN; a TID below that would be
 * taken for a marker by libthr's umutex code.
 */
#define FBSD_PID_MAX      99999
#define FBSD_NO_PID       100000
#define FBSD_THREAD0_TID  (FBSD_PID_MAX + 1)
#define FBSD_TID_MIN      (FBSD_PID_MAX + 2)
#define FBSD_TID_MAX      INT32_MAX

#endif /* PERSONA_ABI_FREEBSD_THR_H */
