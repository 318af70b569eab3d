/* Unit tests for the pure _umtx_op decisions in abi/freebsd/umtx.c: the
 * choices sys/kern/kern_umtx.c makes from an owner word and a count of
 * sleepers, written out case by case. */
#include <criterion/criterion.h>
#include <stdint.h>

#include "abi/freebsd/umtx.h"

#define C FBSD_UMUTEX_CONTESTED
#define TID 100005u

Test(umtx_helpers, kind)
{
	cr_assert_eq(fbsd_umutex_kind(0), FBSD_UMUTEX_KIND_NORMAL);
	cr_assert_eq(fbsd_umutex_kind(FBSD_USYNC_PROCESS_SHARED), FBSD_UMUTEX_KIND_NORMAL);
	cr_assert_eq(fbsd_umutex_kind(FBSD_UMUTEX_ROBUST), FBSD_UMUTEX_KIND_ROBUST);
	cr_assert_eq(fbsd_umutex_kind(FBSD_UMUTEX_ROBUST | FBSD_UMUTEX_NONCONSISTENT),
		     FBSD_UMUTEX_KIND_ROBUST);
	cr_assert_eq(fbsd_umutex_kind(FBSD_UMUTEX_PRIO_INHERIT), FBSD_UMUTEX_KIND_PI);
	cr_assert_eq(fbsd_umutex_kind(FBSD_UMUTEX_PRIO_INHERIT | FBSD_UMUTEX_ROBUST),
		     FBSD_UMUTEX_KIND_PI);
	cr_assert_eq(fbsd_umutex_kind(FBSD_UMUTEX_PRIO_PROTECT), FBSD_UMUTEX_KIND_PP);
	cr_assert_eq(fbsd_umutex_kind(FBSD_UMUTEX_PRIO_PROTECT | FBSD_USYNC_PROCESS_SHARED),
		     FBSD_UMUTEX_KIND_PP);
	cr_assert_eq(fbsd_umutex_kind(FBSD_UMUTEX_PRIO_INHERIT | FBSD_UMUTEX_PRIO_PROTECT),
		     FBSD_UMUTEX_KIND_INVALID);
}

Test(umtx_helpers, available)
{
	cr_assert(fbsd_umutex_available(FBSD_UMUTEX_UNOWNED));
	cr_assert(fbsd_umutex_available(C));
	cr_assert(fbsd_umutex_available(FBSD_UMUTEX_RB_OWNERDEAD));
	cr_assert(fbsd_umutex_available(FBSD_UMUTEX_RB_NOTRECOV));
	cr_assert_not(fbsd_umutex_available(TID));
	cr_assert_not(fbsd_umutex_available(TID | C));
	cr_assert_not(fbsd_umutex_available(0x10));   /* a marker below PID_MAX */
}

Test(umtx_helpers, unlock_word)
{
	/* do_unlock_normal: UNOWNED, contested only if more than one sleeps */
	cr_assert_eq(fbsd_umutex_unlock_word(0, 0), FBSD_UMUTEX_UNOWNED);
	cr_assert_eq(fbsd_umutex_unlock_word(0, 1), FBSD_UMUTEX_UNOWNED);
	cr_assert_eq(fbsd_umutex_unlock_word(0, 2), C);
	cr_assert_eq(fbsd_umutex_unlock_word(0, FBSD_UMTX_WAITERS_MANY), C);
	cr_assert_eq(fbsd_umutex_unlock_word(FBSD_UMUTEX_ROBUST | FBSD_UMUTEX_NONCONSISTENT, 0),
		     FBSD_UMUTEX_RB_NOTRECOV);
	cr_assert_eq(fbsd_umutex_unlock_word(FBSD_UMUTEX_ROBUST | FBSD_UMUTEX_NONCONSISTENT, 3),
		     FBSD_UMUTEX_RB_NOTRECOV);   /* already has the bit */
}

Test(umtx_helpers, wake2)
{
	/* No sleepers: nothing to repair, nobody to wake. */
	cr_assert_eq(fbsd_umutex_wake2_word(0, 0), 0);
	cr_assert_eq(fbsd_umutex_wake2_word(TID, 0), TID);
	cr_assert_not(fbsd_umutex_wake2_wakes(0, 0));
	/* One sleeper, lock free: wake it, no bit needed. */
	cr_assert_eq(fbsd_umutex_wake2_word(0, 1), 0);
	cr_assert(fbsd_umutex_wake2_wakes(0, 1));
	/* One sleeper, lock taken meanwhile: the new owner must come back. */
	cr_assert_eq(fbsd_umutex_wake2_word(TID, 1), TID | C);
	cr_assert_not(fbsd_umutex_wake2_wakes(TID | C, 1));
	/* Several sleepers: contested whoever holds it; wake one if free. */
	cr_assert_eq(fbsd_umutex_wake2_word(0, 2), C);
	cr_assert(fbsd_umutex_wake2_wakes(C, 2));
	cr_assert_eq(fbsd_umutex_wake2_word(TID, 5), TID | C);
	cr_assert_eq(fbsd_umutex_wake2_word(TID, FBSD_UMTX_WAITERS_MANY), TID | C);
	/* Already contested: left alone. */
	cr_assert_eq(fbsd_umutex_wake2_word(TID | C, 5), TID | C);
	cr_assert_eq(fbsd_umutex_wake2_word(C, 1), C);
	/* A dead owner's robust mutex: woken for recovery. */
	cr_assert(fbsd_umutex_wake2_wakes(FBSD_UMUTEX_RB_OWNERDEAD, 1));
}

Test(umtx_helpers, ucond_seq)
{
	cr_assert_eq(fbsd_ucond_next_seq(0), 1);
	cr_assert_eq(fbsd_ucond_next_seq(1), 2);
	cr_assert_eq(fbsd_ucond_next_seq(0xfffffffeu), 0xffffffffu);
	cr_assert_eq(fbsd_ucond_next_seq(0xffffffffu), 1);   /* never 0 */
}

Test(umtx_helpers, cv_clock)
{
	cr_assert(fbsd_cvwait_clock_ok(0));    /* CLOCK_REALTIME */
	cr_assert(fbsd_cvwait_clock_ok(4));    /* CLOCK_MONOTONIC */
	cr_assert(fbsd_cvwait_clock_ok(13));   /* CLOCK_SECOND */
	cr_assert_not(fbsd_cvwait_clock_ok(14));  /* CLOCK_THREAD_CPUTIME_ID */
	cr_assert_not(fbsd_cvwait_clock_ok(15));
	cr_assert_not(fbsd_cvwait_clock_ok(0xffffffffu));   /* (clockid_t)-1 */
}

Test(umtx_helpers, timespec_valid)
{
	struct fbsd_umtx_timespec t = { 0, 0 };
	cr_assert(fbsd_umtx_timespec_valid(&t));
	t.tv_nsec = 999999999;
	cr_assert(fbsd_umtx_timespec_valid(&t));
	t.tv_nsec = 1000000000;
	cr_assert_not(fbsd_umtx_timespec_valid(&t));
	t.tv_nsec = -1;
	cr_assert_not(fbsd_umtx_timespec_valid(&t));
	t.tv_nsec = 0;
	t.tv_sec = -1;
	cr_assert_not(fbsd_umtx_timespec_valid(&t));
}

Test(umtx_helpers, sem2_remain)
{
	/* libc's sem_clockwait_np passes a _umtx_time followed by a timespec */
	cr_assert_eq(FBSD_UMTX_SEM2_REMAIN_OFFSET, 24);
	cr_assert(fbsd_umtx_sem2_has_remain(40));
	cr_assert(fbsd_umtx_sem2_has_remain(48));
	cr_assert_not(fbsd_umtx_sem2_has_remain(39));
	cr_assert_not(fbsd_umtx_sem2_has_remain(24));
	cr_assert_not(fbsd_umtx_sem2_has_remain(16));
}

Test(umtx_helpers, timespec_math)
{
	struct timespec r;
	r = fbsd_umtx_ts_add((struct timespec){ 1, 600000000 }, (struct timespec){ 2, 500000000 });
	cr_assert(r.tv_sec == 4 && r.tv_nsec == 100000000);
	r = fbsd_umtx_ts_add((struct timespec){ INT64_MAX - 1, 0 }, (struct timespec){ 5, 0 });
	cr_assert(r.tv_sec == INT64_MAX && r.tv_nsec == 999999999);
	r = fbsd_umtx_ts_add((struct timespec){ INT64_MAX, 900000000 }, (struct timespec){ 0, 200000000 });
	cr_assert(r.tv_sec == INT64_MAX && r.tv_nsec == 999999999);
	r = fbsd_umtx_ts_sub_clamp((struct timespec){ 5, 100000000 }, (struct timespec){ 2, 300000000 });
	cr_assert(r.tv_sec == 2 && r.tv_nsec == 800000000);
	r = fbsd_umtx_ts_sub_clamp((struct timespec){ 2, 0 }, (struct timespec){ 2, 0 });
	cr_assert(r.tv_sec == 0 && r.tv_nsec == 0);
	r = fbsd_umtx_ts_sub_clamp((struct timespec){ 1, 0 }, (struct timespec){ 2, 0 });
	cr_assert(r.tv_sec == 0 && r.tv_nsec == 0);
}
