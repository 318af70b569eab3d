/*
 * FreeBSD _umtx_op(2) ABI: operation numbers, flags and the user-space
 * synchronisation objects it works on (amd64 layouts).
 *
 * Sources: sys/sys/umtx.h (ops, flags, lock-word values), sys/sys/_umtx.h
 * (struct layouts), the _umtx_op(2) manual page (op modifier flags,
 * GET/SET_MIN_TIMEOUT, added in FreeBSD 13.3/14.0); Go's
 * runtime/defs_freebsd_amd64.go for WAIT_UINT(_PRIVATE)/WAKE(_PRIVATE) and
 * the 24-byte struct _umtx_time.
 *
 * Prototype: int _umtx_op(void *obj, int op, u_long val, void *uaddr,
 *                         void *uaddr2);
 */
#ifndef PERSONA_ABI_FREEBSD_UMTX_H
#define PERSONA_ABI_FREEBSD_UMTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* ---- operations (sys/sys/umtx.h) --------------------------------------- */
#define FBSD_UMTX_OP_LOCK               0   /* now UMTX_OP_RESERVED0 (gone) */
#define FBSD_UMTX_OP_RESERVED0          0
#define FBSD_UMTX_OP_UNLOCK             1   /* now UMTX_OP_RESERVED1 (gone) */
#define FBSD_UMTX_OP_RESERVED1          1
#define FBSD_UMTX_OP_WAIT               2   /* wait on a long */
#define FBSD_UMTX_OP_WAKE               3
#define FBSD_UMTX_OP_MUTEX_TRYLOCK      4
#define FBSD_UMTX_OP_MUTEX_LOCK         5
#define FBSD_UMTX_OP_MUTEX_UNLOCK       6
#define FBSD_UMTX_OP_SET_CEILING        7
#define FBSD_UMTX_OP_CV_WAIT            8
#define FBSD_UMTX_OP_CV_SIGNAL          9
#define FBSD_UMTX_OP_CV_BROADCAST       10
#define FBSD_UMTX_OP_WAIT_UINT          11  /* wait on a u_int */
#define FBSD_UMTX_OP_RW_RDLOCK          12
#define FBSD_UMTX_OP_RW_WRLOCK          13
#define FBSD_UMTX_OP_RW_UNLOCK          14
#define FBSD_UMTX_OP_WAIT_UINT_PRIVATE  15
#define FBSD_UMTX_OP_WAKE_PRIVATE       16
#define FBSD_UMTX_OP_MUTEX_WAIT         17
#define FBSD_UMTX_OP_MUTEX_WAKE         18  /* deprecated */
#define FBSD_UMTX_OP_SEM_WAIT           19  /* deprecated */
#define FBSD_UMTX_OP_SEM_WAKE           20  /* deprecated */
#define FBSD_UMTX_OP_NWAKE_PRIVATE      21
#define FBSD_UMTX_OP_MUTEX_WAKE2        22
#define FBSD_UMTX_OP_SEM2_WAIT          23
#define FBSD_UMTX_OP_SEM2_WAKE          24
#define FBSD_UMTX_OP_SHM                25
#define FBSD_UMTX_OP_ROBUST_LISTS       26
#define FBSD_UMTX_OP_GET_MIN_TIMEOUT    27  /* 13.3+ */
#define FBSD_UMTX_OP_SET_MIN_TIMEOUT    28  /* 13.3+ */
#define FBSD_UMTX_OP_MAX                29

/* Modifier bits ORed into op (_umtx_op(2); "double-underbar" flags):
 * compat ABIs for 32-bit callers.  A native amd64 guest never sets them. */
#define FBSD_UMTX_OP__I386              0x40000000
#define FBSD_UMTX_OP__32BIT             0x80000000u
#define FBSD_UMTX_OP_MASK               0x3fffffff

/* ---- flags -------------------------------------------------------------- */
#define FBSD_USYNC_PROCESS_SHARED   0x0001  /* in every object's flags word */

/* umutex m_flags */
#define FBSD_UMUTEX_PRIO_INHERIT    0x0004
#define FBSD_UMUTEX_PRIO_PROTECT    0x0008
#define FBSD_UMUTEX_ROBUST          0x0010
#define FBSD_UMUTEX_NONCONSISTENT   0x0020

/* umutex m_owner: owner TID, high bit = contested.  TIDs run from
 * PID_MAX + 2 up to INT32_MAX, so 1..PID_MAX are free as markers. */
#define FBSD_UMUTEX_UNOWNED         0x0u
#define FBSD_UMUTEX_CONTESTED       0x80000000u
#define FBSD_UMUTEX_RB_OWNERDEAD    (FBSD_UMUTEX_CONTESTED | 0x10)
#define FBSD_UMUTEX_RB_NOTRECOV     (FBSD_UMUTEX_CONTESTED | 0x11)

/* urwlock rw_flags / rw_state */
#define FBSD_URWLOCK_PREFER_READER  0x0002
#define FBSD_URWLOCK_WRITE_OWNER    0x80000000u
#define FBSD_URWLOCK_WRITE_WAITERS  0x40000000u
#define FBSD_URWLOCK_READ_WAITERS   0x20000000u
#define FBSD_URWLOCK_MAX_READERS    0x1fffffffu
#define FBSD_URWLOCK_READER_COUNT(c) ((c) & FBSD_URWLOCK_MAX_READERS)

/* _usem _flags */
#define FBSD_SEM_NAMED              0x0002

/* _usem2 _count: waiters flag in the high bit */
#define FBSD_USEM_HAS_WAITERS       0x80000000u
#define FBSD_USEM_MAX_COUNT         0x7fffffffu
#define FBSD_USEM_COUNT(c)          ((c) & FBSD_USEM_MAX_COUNT)

/* UMTX_OP_CV_WAIT flags (passed in val) */
#define FBSD_CVWAIT_CHECK_UNPARKING 0x01
#define FBSD_CVWAIT_ABSTIME         0x02
#define FBSD_CVWAIT_CLOCKID         0x04

/* struct _umtx_time _flags */
#define FBSD_UMTX_ABSTIME           0x01
#define FBSD_UMTX_CHECK_UNPARKING   FBSD_CVWAIT_CHECK_UNPARKING

/* UMTX_OP_SHM sub-requests (passed in val) */
#define FBSD_UMTX_SHM_CREAT         0x0001
#define FBSD_UMTX_SHM_LOOKUP        0x0002
#define FBSD_UMTX_SHM_DESTROY       0x0004
#define FBSD_UMTX_SHM_ALIVE         0x0008

/* ---- objects (sys/sys/_umtx.h, LP64) ----------------------------------- */

/* struct timespec on amd64: time_t tv_sec, long tv_nsec. */
struct fbsd_umtx_timespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};

/* struct _umtx_time: optional timeout argument at uaddr2.  _umtx_op(2):
 * uaddr2 may point to a bare struct timespec (relative) or to this extended
 * form; uaddr carries the size of the object at uaddr2, which tells the two
 * apart.  Exception: UMTX_OP_CV_WAIT always takes a bare timespec, with
 * CVWAIT_ABSTIME / CVWAIT_CLOCKID (clock from ucond.c_clockid) in val. */
struct fbsd_umtx_time {
	struct fbsd_umtx_timespec _timeout;
	uint32_t _flags;          /* FBSD_UMTX_ABSTIME */
	uint32_t _clockid;        /* CLOCK_* in FreeBSD numbering */
};
_Static_assert(sizeof(struct fbsd_umtx_time) == 24, "_umtx_time size");
_Static_assert(offsetof(struct fbsd_umtx_time, _flags) == 16, "_flags");
_Static_assert(offsetof(struct fbsd_umtx_time, _clockid) == 20, "_clockid");

struct fbsd_umutex {
	volatile uint32_t m_owner;    /* lwpid_t owner | UMUTEX_CONTESTED */
	uint32_t m_flags;
	uint32_t m_ceilings[2];
	uint64_t m_rb_lnk;            /* uintptr_t: robust-list link */
	uint32_t m_spare[2];
};
_Static_assert(sizeof(struct fbsd_umutex) == 32, "umutex size");
_Static_assert(offsetof(struct fbsd_umutex, m_flags) == 4, "m_flags");
_Static_assert(offsetof(struct fbsd_umutex, m_ceilings) == 8, "m_ceilings");
_Static_assert(offsetof(struct fbsd_umutex, m_rb_lnk) == 16, "m_rb_lnk");
_Static_assert(offsetof(struct fbsd_umutex, m_spare) == 24, "m_spare");

struct fbsd_ucond {
	volatile uint32_t c_has_waiters;
	uint32_t c_flags;
	uint32_t c_clockid;
	uint32_t c_spare[1];
};
_Static_assert(sizeof(struct fbsd_ucond) == 16, "ucond size");
_Static_assert(offsetof(struct fbsd_ucond, c_clockid) == 8, "c_clockid");

struct fbsd_urwlock {
	volatile int32_t rw_state;
	uint32_t rw_flags;
	uint32_t rw_blocked_readers;
	uint32_t rw_blocked_writers;
	uint32_t rw_spare[4];
};
_Static_assert(sizeof(struct fbsd_urwlock) == 32, "urwlock size");
_Static_assert(offsetof(struct fbsd_urwlock, rw_blocked_writers) == 12, "rw_bw");

/* Old semaphore (SEM_WAIT/SEM_WAKE, deprecated). */
struct fbsd_usem {
	volatile uint32_t _has_waiters;
	volatile uint32_t _count;
	uint32_t _flags;
};
_Static_assert(sizeof(struct fbsd_usem) == 12, "_usem size");

/* Current semaphore (SEM2_WAIT/SEM2_WAKE). */
struct fbsd_usem2 {
	volatile uint32_t _count;     /* USEM_HAS_WAITERS | count */
	uint32_t _flags;
};
_Static_assert(sizeof(struct fbsd_usem2) == 8, "_usem2 size");
_Static_assert(offsetof(struct fbsd_usem2, _flags) == 4, "_usem2 _flags");

/* UMTX_OP_ROBUST_LISTS argument (val = its size). */
struct fbsd_umtx_robust_lists_params {
	uint64_t robust_list_offset;
	uint64_t robust_priv_list_offset;
	uint64_t robust_inact_offset;
};
_Static_assert(sizeof(struct fbsd_umtx_robust_lists_params) == 24, "robust params");

/* ---- pure helpers (umtx.c): the decisions of sys/kern/kern_umtx.c ------ */

/* How the kernel treats an umutex, from its m_flags (do_lock_umutex,
 * do_wake2_umutex).  ROBUST alone is a normal mutex with owner-death
 * handling; PI and PP may also carry ROBUST; PI together with PP is
 * invalid. */
enum fbsd_umutex_kind {
	FBSD_UMUTEX_KIND_NORMAL,
	FBSD_UMUTEX_KIND_ROBUST,
	FBSD_UMUTEX_KIND_PI,
	FBSD_UMUTEX_KIND_PP,
	FBSD_UMUTEX_KIND_INVALID,
};
enum fbsd_umutex_kind fbsd_umutex_kind(uint32_t m_flags);

/* "Too many to count": the waiter estimate used when sleepers may be in
 * other processes.  Every decision below treats it as "more than one". */
#define FBSD_UMTX_WAITERS_MANY 2u

/* The lock may be taken now (MUTEX_WAIT returns at once): no owner, with
 * or without the contested bit, or a robust mutex whose owner died. */
bool fbsd_umutex_available(uint32_t owner);

/* The value an unlock stores (umtx_unlock_val): UNOWNED, or RB_NOTRECOV for
 * a robust mutex marked UMUTEX_NONCONSISTENT; with CONTESTED kept when more
 * than one thread may still sleep on the mutex (do_unlock_normal). */
uint32_t fbsd_umutex_unlock_word(uint32_t m_flags, unsigned waiters);

/* MUTEX_WAKE2 (do_wake2_umutex) repairs the contested bit after a userland
 * unlock: the owner word it wants, given the word and the number of
 * sleepers; unchanged when no repair is needed. */
uint32_t fbsd_umutex_wake2_word(uint32_t owner, unsigned waiters);
/* ... and whether it then wakes one sleeper (the lock is free). */
bool fbsd_umutex_wake2_wakes(uint32_t owner, unsigned waiters);

/* c_has_waiters as persona uses it: nonzero while threads may wait, and
 * changed by every wait registration and every signal so that a futex
 * sleeper never misses one.  The next value after `w` (never 0). */
uint32_t fbsd_ucond_next_seq(uint32_t w);

/* CVWAIT_CLOCKID accepts the clocks the kernel can time a sleep on:
 * CLOCK_REALTIME (0) up to, not including, CLOCK_THREAD_CPUTIME_ID (14). */
bool fbsd_cvwait_clock_ok(uint32_t clockid);

/* timespecvalid_interval(): 0 <= tv_nsec < 1e9 and tv_sec >= 0. */
bool fbsd_umtx_timespec_valid(const struct fbsd_umtx_timespec *t);

/* SEM2_WAIT with a relative timeout interrupted by a signal writes the time
 * left as a struct timespec right after the struct _umtx_time, when the size
 * passed in uaddr1 leaves room for it (__umtx_op_sem2_wait). */
#define FBSD_UMTX_SEM2_REMAIN_OFFSET sizeof(struct fbsd_umtx_time)
bool fbsd_umtx_sem2_has_remain(uint64_t size);

/* Host timespec arithmetic for deadlines: a + b (tv_sec saturates), and
 * a - b clamped at zero. */
struct timespec fbsd_umtx_ts_add(struct timespec a, struct timespec b);
struct timespec fbsd_umtx_ts_sub_clamp(struct timespec a, struct timespec b);

#endif /* PERSONA_ABI_FREEBSD_UMTX_H */
