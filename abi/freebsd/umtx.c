/*
 * The pure decisions of FreeBSD's _umtx_op(2) (sys/kern/kern_umtx.c), as
 * persona's futex-based implementation (personality/freebsd/sys_umtx.c)
 * makes them.  Facts: see umtx.h.
 */
#include "abi/freebsd/umtx.h"
#include "abi/freebsd/time.h"

enum fbsd_umutex_kind fbsd_umutex_kind(uint32_t m_flags)
{
	switch (m_flags & (FBSD_UMUTEX_PRIO_INHERIT | FBSD_UMUTEX_PRIO_PROTECT)) {
	case 0:
		return (m_flags & FBSD_UMUTEX_ROBUST) ? FBSD_UMUTEX_KIND_ROBUST
		                                      : FBSD_UMUTEX_KIND_NORMAL;
	case FBSD_UMUTEX_PRIO_INHERIT:
		return FBSD_UMUTEX_KIND_PI;
	case FBSD_UMUTEX_PRIO_PROTECT:
		return FBSD_UMUTEX_KIND_PP;
	default:
		return FBSD_UMUTEX_KIND_INVALID;
	}
}

bool fbsd_umutex_available(uint32_t owner)
{
	return (owner & ~FBSD_UMUTEX_CONTESTED) == 0 ||
	       owner == FBSD_UMUTEX_RB_OWNERDEAD || owner == FBSD_UMUTEX_RB_NOTRECOV;
}

uint32_t fbsd_umutex_unlock_word(uint32_t m_flags, unsigned waiters)
{
	uint32_t w = (m_flags & FBSD_UMUTEX_NONCONSISTENT) ? FBSD_UMUTEX_RB_NOTRECOV
	                                                   : FBSD_UMUTEX_UNOWNED;
	if (waiters > 1)
		w |= FBSD_UMUTEX_CONTESTED;
	return w;
}

uint32_t fbsd_umutex_wake2_word(uint32_t owner, unsigned waiters)
{
	/* Only repaired while someone sleeps: with more than one sleeper the
	 * next unlock must come to the kernel whoever holds the lock; with one,
	 * only if the lock was taken meanwhile (the sleeper is woken otherwise). */
	if (owner & FBSD_UMUTEX_CONTESTED)
		return owner;
	if (waiters > 1 || (waiters == 1 && (owner & ~FBSD_UMUTEX_CONTESTED) != 0))
		return owner | FBSD_UMUTEX_CONTESTED;
	return owner;
}

bool fbsd_umutex_wake2_wakes(uint32_t owner, unsigned waiters)
{
	return waiters != 0 && fbsd_umutex_available(owner);
}

uint32_t fbsd_ucond_next_seq(uint32_t w)
{
	return w + 1 == 0 ? 1 : w + 1;
}

bool fbsd_cvwait_clock_ok(uint32_t clockid)
{
	return clockid < FBSD_CLOCK_THREAD_CPUTIME_ID;
}

bool fbsd_umtx_timespec_valid(const struct fbsd_umtx_timespec *t)
{
	return t->tv_sec >= 0 && t->tv_nsec >= 0 && t->tv_nsec < 1000000000;
}

bool fbsd_umtx_sem2_has_remain(uint64_t size)
{
	return size >= sizeof(struct fbsd_umtx_time) + sizeof(struct fbsd_umtx_timespec);
}

struct timespec fbsd_umtx_ts_add(struct timespec a, struct timespec b)
{
	struct timespec r;
	if (__builtin_add_overflow(a.tv_sec, b.tv_sec, &r.tv_sec))
		return (struct timespec){ .tv_sec = INT64_MAX, .tv_nsec = 999999999 };
	r.tv_nsec = a.tv_nsec + b.tv_nsec;
	if (r.tv_nsec >= 1000000000) {
		r.tv_nsec -= 1000000000;
		if (r.tv_sec == INT64_MAX)
			return (struct timespec){ .tv_sec = INT64_MAX, .tv_nsec = 999999999 };
		r.tv_sec++;
	}
	return r;
}

struct timespec fbsd_umtx_ts_sub_clamp(struct timespec a, struct timespec b)
{
	if (a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec <= b.tv_nsec))
		return (struct timespec){ 0, 0 };
	struct timespec r = { a.tv_sec - b.tv_sec, a.tv_nsec - b.tv_nsec };
	if (r.tv_nsec < 0) {
		r.tv_nsec += 1000000000;
		r.tv_sec--;
	}
	return r;
}
