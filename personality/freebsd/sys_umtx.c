/* _umtx_op(2), the FreeBSD wait/wake primitive, on Linux futexes, with the
 * semantics of sys/kern/kern_umtx.c.
 *
 *   Go's runtime:       WAIT_UINT_PRIVATE, WAKE_PRIVATE.
 *   libthr, libc:       MUTEX_WAIT/WAKE2 (+ TRYLOCK/LOCK/UNLOCK, the old
 *                       MUTEX_WAKE) on normal umutexes, CV_WAIT/SIGNAL/
 *                       BROADCAST, SEM2_WAIT/WAKE, ROBUST_LISTS, plus
 *                       WAIT(_UINT), WAKE, NWAKE_PRIVATE.
 *   Refused (EINVAL, reported): priority-inheritance, priority-protection
 *   and robust umutexes, SET_CEILING, RW_RDLOCK/WRLOCK/UNLOCK, SHM, the
 *   deprecated SEM_WAIT/WAKE, GET/SET_MIN_TIMEOUT.
 *
 * Counting sleepers.  The kernel keeps a sleep queue per object and several
 * operations decide from its length whether a "waiters" bit in the object
 * is set or cleared (UMUTEX_CONTESTED in m_owner, c_has_waiters, and
 * USEM_HAS_WAITERS in _count): the bit tells userland whether its unlock,
 * signal or post must enter the kernel.  A Linux futex cannot say how many
 * threads sleep on it, so persona keeps an estimate: counters in a table
 * hashed by object address, incremented before a thread can sleep on the
 * object and decremented after it wakes.  For a process-private object the
 * estimate never undercounts the sleepers (it may include threads of other
 * objects in the same bucket, or threads about to sleep or just woken), and
 * every decision taken from it is safe in that direction: a larger count
 * only leaves a waiters bit set, so userland enters the kernel once more
 * than needed, never once too few.  Where the kernel closes races with its
 * queue lock, the code below orders its steps so that a thread that starts
 * to sleep concurrently is either counted or has itself set the bit (see
 * each operation).  For process-shared objects (USYNC_PROCESS_SHARED) the
 * sleepers may be in other processes, which the table cannot see: their
 * count is taken as "more than one", so waiters bits, once set, stay set
 * (every unlock/post/signal enters the kernel): correct, a little slower.
 * Counts inherited by a fork child only ever overestimate.
 *
 * Futexes are private (FUTEX_PRIVATE_FLAG) unless the object's flags word
 * has USYNC_PROCESS_SHARED.  Blocking waits go through the guarded door
 * (HOST*), so a guest signal interrupts them. */
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/umtx.h"
#include "abi/freebsd/time.h"
#include <linux/futex.h>
#include <limits.h>
#include <stdio.h>
#include <time.h>
#include "syscalls/report.h"

/* ---- guest words -------------------------------------------------------- */

static long load32(uint64_t addr, uint32_t *v)
{
    long r = door_load32((const uint32_t *)(uintptr_t)addr);
    if (r < 0)
        return r;
    *v = (uint32_t)r;
    return 0;
}

/* Compare-and-swap: 0 with the value found in *found (== old on success),
 * or -EFAULT. */
static long cas32(uint64_t addr, uint32_t old, uint32_t new_value, uint32_t *found)
{
    long r = door_cas32((uint32_t *)(uintptr_t)addr, old, new_value);
    if (r < 0)
        return r;
    *found = (uint32_t)r;
    return 0;
}

/* Atomic store (suword32), as a CAS loop. */
static long store32(uint64_t addr, uint32_t v)
{
    uint32_t cur, found;
    if (load32(addr, &cur))
        return -EFAULT;
    for (;;) {
        if (cas32(addr, cur, v, &found))
            return -EFAULT;
        if (found == cur)
            return 0;
        cur = found;
    }
}

/* Objects are 32-bit words: a misaligned one could not be a futex, and a
 * locked instruction across a cache line may be fatal (split-lock
 * detection).  FreeBSD's own objects are always aligned. */
static bool misaligned(uint64_t addr)
{
    return (addr & 3) != 0;
}

/* ---- sleeper estimate (see the top of the file) ------------------------- */

#define WAITER_BUCKETS 256
static unsigned waiter_count[WAITER_BUCKETS];

static unsigned *waiter_bucket(uint64_t addr)
{
    uint32_t h = (uint32_t)(addr >> 2) * 2654435761u;
    return &waiter_count[h >> 24];
}

static void waiters_inc(uint64_t addr)
{
    __atomic_add_fetch(waiter_bucket(addr), 1, __ATOMIC_SEQ_CST);
}

static void waiters_dec(uint64_t addr)
{
    __atomic_sub_fetch(waiter_bucket(addr), 1, __ATOMIC_SEQ_CST);
}

static unsigned waiters(uint64_t addr, bool shared)
{
    if (shared)
        return FBSD_UMTX_WAITERS_MANY;
    return __atomic_load_n(waiter_bucket(addr), __ATOMIC_SEQ_CST);
}

/* ---- timeouts ----------------------------------------------------------- */

/* A deadline: an absolute time on CLOCK_MONOTONIC or, for deadlines the
 * guest gave on a realtime clock, CLOCK_REALTIME (so that setting the clock
 * moves it, as on FreeBSD).  Relative timeouts start now on CLOCK_MONOTONIC
 * (FreeBSD measures them on the given clock; for the clocks a sleep can be
 * timed on, the length is the same).  A loop that sleeps several times
 * keeps one deadline, as umtx_abs_timeout does. */
struct deadline {
    bool set;
    bool relative;          /* given as an interval */
    int futex_clock;        /* 0 or FUTEX_CLOCK_REALTIME */
    struct timespec at;
};

/* Beyond this an interval is "forever" (and cannot overflow). */
#define FAR_FUTURE_SEC (1LL << 40)

static long deadline_init(struct deadline *d, const struct fbsd_umtx_timespec *t,
                          int fbsd_clock, bool absolute)
{
    struct timespec ts = { t->tv_sec, t->tv_nsec }, now;
    d->set = true;
    d->relative = !absolute;
    d->futex_clock = 0;
    if (!absolute) {
        if (ts.tv_sec >= FAR_FUTURE_SEC) {
            d->set = false;
            return 0;
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        d->at = fbsd_umtx_ts_add(now, ts);
        return 0;
    }
    int clk = fbsd_clockid_to_linux(fbsd_clock);
    if (clk < 0)
        return -EINVAL;
    if (clk == CLOCK_REALTIME || clk == CLOCK_REALTIME_COARSE) {
        d->futex_clock = FUTEX_CLOCK_REALTIME;
        d->at = ts;
    } else if (clk == CLOCK_MONOTONIC || clk == CLOCK_MONOTONIC_COARSE) {
        d->at = ts;
    } else {
        /* A CPU-time clock: turn what is left into a CLOCK_MONOTONIC
         * deadline (approximate: CPU time does not pass while asleep). */
        clock_gettime(clk, &now);
        struct timespec left = fbsd_umtx_ts_sub_clamp(ts, now), mono;
        clock_gettime(CLOCK_MONOTONIC, &mono);
        d->at = fbsd_umtx_ts_add(mono, left);
    }
    return 0;
}

/* Time left before a relative deadline, never negative. */
static struct timespec deadline_left(const struct deadline *d)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return fbsd_umtx_ts_sub_clamp(d->at, now);
}

/* The optional timeout of WAIT*, MUTEX_LOCK/WAIT and SEM2_WAIT: uaddr2
 * points to it, and uaddr1 carries its size: a struct _umtx_time when larger
 * than a timespec, else a relative timespec (umtx_copyin_umtx_time). */
static long read_umtx_time(struct sysctx *c, struct deadline *d)
{
    uint64_t size = ARG_PTR(c, 3), addr = ARG_PTR(c, 4);
    d->set = false;
    d->relative = false;
    if (!addr)
        return 0;   /* no timeout */
    struct fbsd_umtx_time ut = { ._clockid = FBSD_CLOCK_REALTIME };
    if (size > sizeof(struct fbsd_umtx_timespec)) {
        if (copy_from_guest(&ut, addr, sizeof ut))
            return -EFAULT;
    } else if (copy_from_guest(&ut._timeout, addr, sizeof ut._timeout)) {
        return -EFAULT;
    }
    if (!fbsd_umtx_timespec_valid(&ut._timeout))
        return -EINVAL;
    return deadline_init(d, &ut._timeout, (int)ut._clockid,
                         (ut._flags & FBSD_UMTX_ABSTIME) != 0);
}

/* ---- futexes ------------------------------------------------------------ */

/* Sleep while *addr == val: 0 when woken or when the word had already
 * changed (FreeBSD's sleepers do not tell the two apart), -ETIMEDOUT,
 * -EINTR (a guest signal is pending), or another error. */
static long futex_wait(uint64_t addr, uint32_t val, bool shared, const struct deadline *d)
{
    int priv = shared ? 0 : FUTEX_PRIVATE_FLAG;
    long r;
    if (d && d->set)
        r = HOST6(SYS_futex, addr, FUTEX_WAIT_BITSET | priv | d->futex_clock, val,
                  &d->at, 0, FUTEX_BITSET_MATCH_ANY);
    else
        r = HOST4(SYS_futex, addr, FUTEX_WAIT | priv, val, NULL);
    return r == -EAGAIN ? 0 : r;
}

/* Wake up to `count` sleepers; returns how many woke, or -errno. */
static long futex_wake(uint64_t addr, long count, bool shared)
{
    if (count <= 0 || count > INT32_MAX)
        count = INT32_MAX;
    return HOST3(SYS_futex, addr, FUTEX_WAKE | (shared ? 0 : FUTEX_PRIVATE_FLAG), count);
}

/* ---- restarts ----------------------------------------------------------- */

/* kern_umtx.c turns an interrupted untimed MUTEX_LOCK into ERESTART
 * whatever SA_RESTART says: the call runs again after the handler.  Back up
 * the call is restarted whether or not the handler has SA_RESTART. */
static long restart_after_signal(struct sysctx *c)
{
    return -SYSRET_RESTART;
}

/* ---- reports ------------------------------------------------------------ */

static long refuse(struct sysctx *c, int op, const char *what_kind)
{
    char what[80];
    if (what_kind)
        snprintf(what, sizeof what, "_umtx_op operation %d on a %s umutex", op, what_kind);
    else
        snprintf(what, sizeof what, "_umtx_op operation %d", op);
    report_unimplemented(REPORT_OTHER, what, op, "EINVAL", c->regs);
    return -EINVAL;
}

/* 0 for a normal umutex; otherwise the refusal (PI/PP/robust: EINVAL and a
 * report; PI together with PP: EINVAL, as the kernel says). */
static long check_normal(struct sysctx *c, int op, uint32_t m_flags)
{
    switch (fbsd_umutex_kind(m_flags)) {
    case FBSD_UMUTEX_KIND_NORMAL:
        return 0;
    case FBSD_UMUTEX_KIND_ROBUST:
        return refuse(c, op, "robust");
    case FBSD_UMUTEX_KIND_PI:
        return refuse(c, op, "priority-inheritance");
    case FBSD_UMUTEX_KIND_PP:
        return refuse(c, op, "priority-protection");
    default:
        return -EINVAL;
    }
}

/* ---- WAIT, WAKE --------------------------------------------------------- */

/* do_wait: sleep while the word holds `val`.  An interrupted wait is never
 * restarted (kern_umtx.c: ERESTART -> EINTR). */
static long wait32(struct sysctx *c, uint64_t addr, uint32_t val, bool priv)
{
    struct deadline d;
    long r = read_umtx_time(c, &d);
    if (r < 0)
        return r;
    c->no_restart = true;
    return futex_wait(addr, val, !priv, &d);
}

/* kern_umtx_wake.  A non-private WAKE on FreeBSD finds the sleepers of the
 * word whichever way they waited (AUTO_SHARE keys private memory like a
 * private wait), so it wakes both kinds of Linux futex sleepers. */
static long wake(uint64_t addr, long count, bool priv)
{
    long r = futex_wake(addr, count, false);
    if (r < 0 || priv)
        return r < 0 ? r : 0;
    r = futex_wake(addr, count, true);
    return r < 0 ? r : 0;
}

/* ---- umutex ------------------------------------------------------------- */

#define M_OWNER(m) ((m) + offsetof(struct fbsd_umutex, m_owner))
#define M_FLAGS(m) ((m) + offsetof(struct fbsd_umutex, m_flags))

enum lock_mode { LOCK_FULL, LOCK_TRY, LOCK_WAIT };

/* do_lock_normal.  FULL/TRY take the lock (TRY fails with EBUSY); WAIT
 * only sleeps until the lock may be free and returns without taking it
 * (libthr then takes it in userland).  A sleeper marks the mutex contested
 * first, so that the unlock enters the kernel, and is counted before it
 * does: an unlock that reads the count after the word changed sees it. */
static long lock_normal(struct sysctx *c, uint64_t m, uint32_t flags,
                        const struct deadline *d, enum lock_mode mode)
{
    uint32_t id = (uint32_t)c->t->guest_tid;
    bool shared = flags & FBSD_USYNC_PROCESS_SHARED;
    long error = 0;
    for (;;) {
        uint32_t owner, found;
        if (load32(M_OWNER(m), &owner))
            return -EFAULT;
        if (mode == LOCK_WAIT) {
            if (fbsd_umutex_available(owner))
                return 0;
        } else {
            if (owner == FBSD_UMUTEX_RB_OWNERDEAD) {
                /* The owner of a robust mutex died: take it, and say so. */
                if (cas32(M_OWNER(m), owner, id | FBSD_UMUTEX_CONTESTED, &found))
                    return -EFAULT;
                if (found == owner)
                    return -EOWNERDEAD;
                continue;
            }
            if (owner == FBSD_UMUTEX_RB_NOTRECOV)
                return -ENOTRECOVERABLE;
            if (cas32(M_OWNER(m), FBSD_UMUTEX_UNOWNED, id, &found))
                return -EFAULT;
            if (found == FBSD_UMUTEX_UNOWNED)
                return 0;
            if (found == FBSD_UMUTEX_CONTESTED) {
                /* Free, but others may sleep: take it, keep the bit. */
                if (cas32(M_OWNER(m), found, id | FBSD_UMUTEX_CONTESTED, &found))
                    return -EFAULT;
                if (found == FBSD_UMUTEX_CONTESTED)
                    return 0;
                continue;
            }
            owner = found;
        }
        if (mode == LOCK_TRY)
            return -EBUSY;
        if (error)
            return error;   /* tried once more after the signal/timeout */

        waiters_inc(m);
        if (cas32(M_OWNER(m), owner, owner | FBSD_UMUTEX_CONTESTED, &found)) {
            waiters_dec(m);
            return -EFAULT;
        }
        if (found != owner) {   /* changed under us: look again */
            waiters_dec(m);
            continue;
        }
        long r = futex_wait(M_OWNER(m), owner | FBSD_UMUTEX_CONTESTED, shared, d);
        waiters_dec(m);
        if (r == -EINTR || r == -ETIMEDOUT)
            error = r;
        else if (r < 0)
            return r;
    }
}

/* do_unlock_normal.  An uncontested lock is just released.  A contested
 * one is released as "free, contested" first, which stops anyone from
 * starting to sleep on the old word; then, if at most one thread is
 * counted, the bit is dropped (unless the lock was taken meanwhile) and one
 * sleeper is woken, as the kernel does with its exact count. */
static long unlock_normal(struct sysctx *c, uint64_t m, uint32_t flags)
{
    uint32_t id = (uint32_t)c->t->guest_tid;
    bool shared = flags & FBSD_USYNC_PROCESS_SHARED;
    for (;;) {
        uint32_t owner, found;
        if (load32(M_OWNER(m), &owner))
            return -EFAULT;
        if ((owner & ~FBSD_UMUTEX_CONTESTED) != id)
            return -EPERM;
        uint32_t unowned = fbsd_umutex_unlock_word(flags, 0);
        if (!(owner & FBSD_UMUTEX_CONTESTED)) {
            if (cas32(M_OWNER(m), owner, unowned, &found))
                return -EFAULT;
            if (found == owner)
                return 0;
            continue;   /* someone marked it contested: take the long way */
        }
        uint32_t contested = fbsd_umutex_unlock_word(flags, FBSD_UMTX_WAITERS_MANY);
        if (cas32(M_OWNER(m), owner, contested, &found))
            return -EFAULT;
        if (found != owner)
            return -EINVAL;     /* the owner word changed: not ours to fix */
        long error = 0;
        if (waiters(m, shared) <= 1)
            error = cas32(M_OWNER(m), contested, unowned, &found);
        futex_wake(M_OWNER(m), 1, shared);
        return error;
    }
}

/* do_wake_umutex (MUTEX_WAKE, deprecated): if the lock is free, drop the
 * contested bit when at most one thread sleeps, and wake one. */
static long wake_umutex(uint64_t m)
{
    for (;;) {
        uint32_t owner, flags, found;
        if (load32(M_OWNER(m), &owner))
            return -EFAULT;
        if (!fbsd_umutex_available(owner))
            return 0;
        if (load32(M_FLAGS(m), &flags))
            return -EFAULT;
        bool shared = flags & FBSD_USYNC_PROCESS_SHARED;
        unsigned n = waiters(m, shared);
        if (n <= 1 && owner == FBSD_UMUTEX_CONTESTED) {
            /* Nobody sleeps on the word CONTESTED (it means "free"), so a
             * thread that starts to sleep after the count was read must
             * first take the lock, and the CAS then fails. */
            if (cas32(M_OWNER(m), owner, FBSD_UMUTEX_UNOWNED, &found))
                return -EFAULT;
            if (found != owner)
                continue;
        }
        if (n != 0)
            futex_wake(M_OWNER(m), 1, shared);
        return 0;
    }
}

/* do_wake2_umutex (MUTEX_WAKE2): called by libthr after it released a
 * contested lock in userland; `flags` is the mutex's m_flags.  Sets the
 * contested bit again when sleepers remain (never clears it), and wakes
 * one sleeper if the lock is free.  A thread counted after the count was
 * read sleeps only after setting the bit itself. */
static long wake2_umutex(struct sysctx *c, int op, uint64_t m, uint32_t flags)
{
    long r = check_normal(c, op, flags);
    if (r)
        return r;
    bool shared = flags & FBSD_USYNC_PROCESS_SHARED;
    unsigned n = waiters(m, shared);
    uint32_t owner = 0, found = 0;
    long error = load32(M_OWNER(m), &owner);
    while (!error) {
        uint32_t want = fbsd_umutex_wake2_word(owner, n);
        if (want == owner)
            break;
        error = cas32(M_OWNER(m), owner, want, &found);
        if (error)
            break;
        if (found == owner) {
            owner = want;
            break;
        }
        owner = found;
    }
    if (error)
        futex_wake(M_OWNER(m), INT32_MAX, shared);
    else if (fbsd_umutex_wake2_wakes(owner, n))
        futex_wake(M_OWNER(m), 1, shared);
    return error;
}

/* MUTEX_TRYLOCK, MUTEX_LOCK, MUTEX_WAIT (do_lock_umutex). */
static long op_lock(struct sysctx *c, int op, uint64_t m, enum lock_mode mode)
{
    struct deadline d = { .set = false };
    uint32_t flags;
    if (misaligned(m))
        return -EINVAL;
    if (mode != LOCK_TRY) {
        long r = read_umtx_time(c, &d);
        if (r < 0)
            return r;
    }
    if (load32(M_FLAGS(m), &flags))
        return -EFAULT;
    long r = check_normal(c, op, flags);
    if (r)
        return r;
    bool timed = ARG_PTR(c, 4) != 0;
    if (timed)
        c->no_restart = true;           /* timed locks are not restarted */
    r = lock_normal(c, m, flags, &d, mode);
    if (r == -EINTR && !timed && mode != LOCK_WAIT)
        return restart_after_signal(c);
    return r;
}

/* MUTEX_UNLOCK (do_unlock_umutex). */
static long op_unlock(struct sysctx *c, int op, uint64_t m)
{
    uint32_t flags;
    if (misaligned(m))
        return -EINVAL;
    if (load32(M_FLAGS(m), &flags))
        return -EFAULT;
    long r = check_normal(c, op, flags);
    return r ? r : unlock_normal(c, m, flags);
}

/* ---- condition variables ------------------------------------------------ */

#define CV_WORD(cv)    ((cv) + offsetof(struct fbsd_ucond, c_has_waiters))
#define CV_FLAGS(cv)   ((cv) + offsetof(struct fbsd_ucond, c_flags))
#define CV_CLOCKID(cv) ((cv) + offsetof(struct fbsd_ucond, c_clockid))

/* c_has_waiters is the futex word.  FreeBSD sets it to 1 while threads
 * wait; userland only tests it for zero.  persona keeps it nonzero while
 * threads may wait, and every wait registration and every signal moves it
 * to its next nonzero value: a sleeper snapshots the value it wrote, so
 * whatever happens between its mutex unlock and its futex sleep changes
 * the word under it and it does not sleep through a signal.  The word is
 * cleared only when no sleeper can remain: a broadcast clears it before
 * waking everyone; a signal that woke as many threads as were counted
 * after it moved the word clears it with a CAS from the value it wrote
 * (which fails if anyone registered since); a waiter that gives up (timeout,
 * signal) clears it the same way when it was the last counted one. */
static long cv_register(uint64_t cv, uint32_t *seq)
{
    uint32_t cur, found;
    if (load32(CV_WORD(cv), &cur))
        return -EFAULT;
    for (;;) {
        uint32_t next = fbsd_ucond_next_seq(cur);
        if (cas32(CV_WORD(cv), cur, next, &found))
            return -EFAULT;
        if (found == cur) {
            *seq = next;
            return 0;
        }
        cur = found;
    }
}

/* Clear c_has_waiters when no one else is counted (private cv only). */
static void cv_maybe_clear(uint64_t cv, bool shared)
{
    uint32_t cur, found;
    if (shared || load32(CV_WORD(cv), &cur) || cur == 0)
        return;
    if (waiters(cv, false) == 0)
        cas32(CV_WORD(cv), cur, 0, &found);
}

/* CV_WAIT (do_cv_wait): cv in obj, wait flags in val, the umutex in uaddr1,
 * an optional timespec in uaddr2 (relative unless CVWAIT_ABSTIME, on
 * c_clockid with CVWAIT_CLOCKID, else CLOCK_REALTIME).  Unlocks the mutex
 * as MUTEX_UNLOCK would, then sleeps; 0 when signalled (or spuriously,
 * which POSIX allows), ETIMEDOUT, EINTR (never restarted).  The caller
 * relocks the mutex. */
static long op_cv_wait(struct sysctx *c, uint64_t cv)
{
    unsigned long wflags = ARG_PTR(c, 2);
    uint64_t m = ARG_PTR(c, 3), tsaddr = ARG_PTR(c, 4);
    struct fbsd_umtx_timespec t;
    if (tsaddr) {
        if (copy_from_guest(&t, tsaddr, sizeof t))
            return -EFAULT;
        if (!fbsd_umtx_timespec_valid(&t))
            return -EINVAL;
    }
    c->no_restart = true;
    if (misaligned(cv) || misaligned(m))
        return -EINVAL;
    uint32_t cflags, clockid = FBSD_CLOCK_REALTIME, mflags;
    if (load32(CV_FLAGS(cv), &cflags))
        return -EFAULT;
    if (wflags & FBSD_CVWAIT_CLOCKID) {
        if (load32(CV_CLOCKID(cv), &clockid))
            return -EFAULT;
        if (!fbsd_cvwait_clock_ok(clockid))
            return -EINVAL;
    }
    bool shared = cflags & FBSD_USYNC_PROCESS_SHARED;

    /* The deadline is fixed before the mutex is released: from then on
     * nothing may fail but the sleep. */
    struct deadline d = { .set = false };
    if (tsaddr) {
        long r = deadline_init(&d, &t, (int)clockid, (wflags & FBSD_CVWAIT_ABSTIME) != 0);
        if (r)
            return r;
    }

    uint32_t seq;
    waiters_inc(cv);
    long error = cv_register(cv, &seq);
    if (!error)
        error = load32(M_FLAGS(m), &mflags);
    if (!error)
        error = check_normal(c, FBSD_UMTX_OP_CV_WAIT, mflags);
    if (!error)
        error = unlock_normal(c, m, mflags);
    if (!error)
        error = futex_wait(CV_WORD(cv), seq, shared, &d);
    waiters_dec(cv);
    if (error)
        cv_maybe_clear(cv, shared);
    return error;
}

/* CV_SIGNAL (do_cv_signal): wake one waiter. */
static long op_cv_signal(uint64_t cv)
{
    uint32_t cflags, cur, found;
    if (misaligned(cv))
        return -EINVAL;
    if (load32(CV_FLAGS(cv), &cflags))
        return -EFAULT;
    bool shared = cflags & FBSD_USYNC_PROCESS_SHARED;
    if (load32(CV_WORD(cv), &cur))
        return -EFAULT;
    for (;;) {
        if (cur == 0)
            return 0;   /* nobody can be asleep */
        uint32_t next = fbsd_ucond_next_seq(cur);
        if (cas32(CV_WORD(cv), cur, next, &found))
            return -EFAULT;
        if (found == cur) {
            cur = next;
            break;
        }
        cur = found;
    }
    /* Everyone asleep now went to sleep before the word moved, so was
     * counted before this read. */
    unsigned n = waiters(cv, shared);
    long woke = futex_wake(CV_WORD(cv), 1, shared);
    if (woke >= 0 && n <= (unsigned long)woke && !shared)
        cas32(CV_WORD(cv), cur, 0, &found);
    return woke < 0 ? woke : 0;
}

/* CV_BROADCAST (do_cv_broadcast): clear c_has_waiters, wake everyone. */
static long op_cv_broadcast(uint64_t cv)
{
    uint32_t cflags;
    if (misaligned(cv))
        return -EINVAL;
    if (load32(CV_FLAGS(cv), &cflags))
        return -EFAULT;
    long r = store32(CV_WORD(cv), 0);
    futex_wake(CV_WORD(cv), INT32_MAX, cflags & FBSD_USYNC_PROCESS_SHARED);
    return r;
}

/* ---- semaphores (_usem2) ------------------------------------------------ */

#define SEM_COUNT(s) ((s) + offsetof(struct fbsd_usem2, _count))
#define SEM_FLAGS(s) ((s) + offsetof(struct fbsd_usem2, _flags))

/* SEM2_WAIT (do_sem2_wait, __umtx_op_sem2_wait): returns 0 at once if the
 * count is nonzero (the caller decrements it in userland); else sets
 * USEM_HAS_WAITERS and sleeps.  An interrupted relative wait is not
 * restarted and, when uaddr1 leaves room for it, stores the time left
 * after the struct _umtx_time. */
static long op_sem2_wait(struct sysctx *c, uint64_t s)
{
    struct deadline d;
    if (misaligned(s))
        return -EINVAL;
    long r = read_umtx_time(c, &d);
    if (r < 0)
        return r;
    uint32_t sflags;
    if (load32(SEM_FLAGS(s), &sflags))
        return -EFAULT;
    bool shared = sflags & FBSD_USYNC_PROCESS_SHARED;
    bool relative = ARG_PTR(c, 4) && d.relative;
    if (relative)
        c->no_restart = true;

    waiters_inc(s);
    uint32_t count, found;
    long error = load32(SEM_COUNT(s), &count);
    while (!error) {
        if (FBSD_USEM_COUNT(count) != 0) {
            waiters_dec(s);
            return 0;
        }
        if (count == FBSD_USEM_HAS_WAITERS)
            break;
        error = cas32(SEM_COUNT(s), count, FBSD_USEM_HAS_WAITERS, &found);
        if (!error && found == count)
            break;
        count = found;
    }
    if (!error)
        error = futex_wait(SEM_COUNT(s), FBSD_USEM_HAS_WAITERS, shared, &d);
    waiters_dec(s);

    if (error == -EINTR && relative && d.set &&
        fbsd_umtx_sem2_has_remain(ARG_PTR(c, 3))) {
        struct timespec left = deadline_left(&d);
        struct fbsd_umtx_timespec out = { left.tv_sec, left.tv_nsec };
        if (copy_to_guest(ARG_PTR(c, 4) + FBSD_UMTX_SEM2_REMAIN_OFFSET, &out, sizeof out))
            return -EFAULT;
    }
    return error;
}

/* SEM2_WAKE (do_sem2_wake): wake one sleeper; when it was the only one,
 * clear USEM_HAS_WAITERS so that the next post stays in userland.  A thread
 * that starts to sleep after the count was read either is counted by the
 * second read below (the bit is then set again and everyone is woken, so
 * that a post seeing the bit clear in between loses nobody) or finds the
 * bit clear and sets it itself. */
static long op_sem2_wake(uint64_t s)
{
    uint32_t sflags, count, found;
    if (misaligned(s))
        return -EINVAL;
    if (load32(SEM_FLAGS(s), &sflags))
        return -EFAULT;
    bool shared = sflags & FBSD_USYNC_PROCESS_SHARED;
    unsigned n = waiters(s, shared);
    if (n == 0)
        return 0;
    long nwake = 1;
    if (n == 1) {
        if (load32(SEM_COUNT(s), &count))
            return -EFAULT;
        while (count & FBSD_USEM_HAS_WAITERS) {
            if (cas32(SEM_COUNT(s), count, count & ~FBSD_USEM_HAS_WAITERS, &found))
                return -EFAULT;
            if (found == count)
                break;
            count = found;
        }
        if (waiters(s, shared) > 1) {
            if (load32(SEM_COUNT(s), &count))
                return -EFAULT;
            while (!(count & FBSD_USEM_HAS_WAITERS)) {
                if (cas32(SEM_COUNT(s), count, count | FBSD_USEM_HAS_WAITERS, &found))
                    return -EFAULT;
                if (found == count)
                    break;
                count = found;
            }
            nwake = INT32_MAX;
        }
    }
    futex_wake(SEM_COUNT(s), nwake, shared);
    return 0;
}

/* ---- robust lists ------------------------------------------------------- */

/* ROBUST_LISTS: libthr registers each thread's robust mutex lists at thread
 * start (val = size of the parameters at uaddr1).  persona remembers them
 * per thread, but does not yet mark a dead thread's robust mutexes
 * UMUTEX_RB_OWNERDEAD (robust umutexes are refused anyway).  The table is
 * indexed by guest TID, a slot reused by a later thread. */
#define ROBUST_SLOTS 256
static struct robust_slot {
    int tid;
    struct fbsd_umtx_robust_lists_params p;
} robust_slots[ROBUST_SLOTS];
static int robust_lock;

static long op_robust_lists(struct sysctx *c)
{
    uint64_t size = ARG_PTR(c, 2);
    struct fbsd_umtx_robust_lists_params p = { 0 };
    if (size > sizeof p)
        return -EINVAL;
    if (size && copy_from_guest(&p, ARG_PTR(c, 3), size))
        return -EFAULT;
    int tid = c->t->guest_tid;
    struct robust_slot *slot = &robust_slots[(unsigned)tid % ROBUST_SLOTS];
    while (__atomic_exchange_n(&robust_lock, 1, __ATOMIC_ACQUIRE))
        __builtin_ia32_pause();
    slot->tid = tid;
    slot->p = p;
    __atomic_store_n(&robust_lock, 0, __ATOMIC_RELEASE);
    return 0;
}

/* ---- dispatch ----------------------------------------------------------- */

long fbsd_sys__umtx_op(struct sysctx *c)
{
    uint64_t obj = ARG_PTR(c, 0);
    int op = ARG_INT(c, 1) & FBSD_UMTX_OP_MASK;
    uint64_t val = ARG_PTR(c, 2);
    switch (op) {
    case FBSD_UMTX_OP_WAIT: {
        /* Compares a whole u_long; Linux futexes hold 32 bits, so the
         * 64-bit comparison is done here and the wait is on the low word. */
        uint64_t cur;
        if (copy_from_guest(&cur, obj, sizeof cur))
            return -EFAULT;
        if (cur != val)
            return 0;
        return wait32(c, obj, (uint32_t)val, false);
    }
    case FBSD_UMTX_OP_WAIT_UINT:
        return wait32(c, obj, (uint32_t)val, false);
    case FBSD_UMTX_OP_WAIT_UINT_PRIVATE:
        return wait32(c, obj, (uint32_t)val, true);
    case FBSD_UMTX_OP_WAKE:
        return wake(obj, (long)val, false);
    case FBSD_UMTX_OP_WAKE_PRIVATE:
        return wake(obj, (long)val, true);
    case FBSD_UMTX_OP_NWAKE_PRIVATE: {
        /* obj: array of `val` addresses, wake every waiter of each. */
        for (uint64_t i = 0; i < val; i++) {
            uint64_t a;
            if (copy_from_guest(&a, obj + 8 * i, 8))
                return -EFAULT;
            wake(a, INT32_MAX, true);
        }
        return 0;
    }
    case FBSD_UMTX_OP_MUTEX_TRYLOCK:
        return op_lock(c, op, obj, LOCK_TRY);
    case FBSD_UMTX_OP_MUTEX_LOCK:
        return op_lock(c, op, obj, LOCK_FULL);
    case FBSD_UMTX_OP_MUTEX_WAIT:
        return op_lock(c, op, obj, LOCK_WAIT);
    case FBSD_UMTX_OP_MUTEX_UNLOCK:
        return op_unlock(c, op, obj);
    case FBSD_UMTX_OP_MUTEX_WAKE:
        return misaligned(obj) ? -EINVAL : wake_umutex(obj);
    case FBSD_UMTX_OP_MUTEX_WAKE2:
        return misaligned(obj) ? -EINVAL : wake2_umutex(c, op, obj, (uint32_t)val);
    case FBSD_UMTX_OP_CV_WAIT:
        return op_cv_wait(c, obj);
    case FBSD_UMTX_OP_CV_SIGNAL:
        return op_cv_signal(obj);
    case FBSD_UMTX_OP_CV_BROADCAST:
        return op_cv_broadcast(obj);
    case FBSD_UMTX_OP_SEM2_WAIT:
        return op_sem2_wait(c, obj);
    case FBSD_UMTX_OP_SEM2_WAKE:
        return op_sem2_wake(obj);
    case FBSD_UMTX_OP_ROBUST_LISTS:
        return op_robust_lists(c);
    default:
        /* SET_CEILING (PP mutexes), RW_*, SHM, SEM_WAIT/WAKE (FreeBSD 9/10
         * compat), GET/SET_MIN_TIMEOUT, the removed LOCK/UNLOCK. */
        return refuse(c, op, NULL);
    }
}
