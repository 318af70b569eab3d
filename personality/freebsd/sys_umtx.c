/* _umtx_op(2), the FreeBSD wait/wake primitive, on Linux futexes.
 * Go's runtime uses WAIT_UINT_PRIVATE and WAKE_PRIVATE; FreeBSD's libthr
 * uses the mutex/condvar/rwlock/semaphore operations, not done yet. */
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/umtx.h"
#include "abi/freebsd/time.h"
#include <linux/futex.h>
#include <stdio.h>
#include <time.h>
#include "syscalls/report.h"

/* Read the optional timeout: uaddr2 points to it, and uaddr1 carries its
 * size: a struct _umtx_time when larger than a timespec, else a relative
 * timespec (sys/kern/kern_umtx.c umtx_copyin_umtx_time). */
static long read_timeout(struct sysctx *c, struct timespec *ts, int *futex_flags)
{
    uint64_t size = ARG_PTR(c, 3), addr = ARG_PTR(c, 4);
    if (!addr)
        return 0;   /* no timeout */
    c->no_restart = true;
    if (size > sizeof(struct fbsd_umtx_timespec)) {
        struct fbsd_umtx_time ut;
        if (copy_from_guest(&ut, addr, sizeof ut))
            return -EFAULT;
        ts->tv_sec = ut._timeout.tv_sec;
        ts->tv_nsec = ut._timeout.tv_nsec;
        if (ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000 || ts->tv_sec < 0)
            return -EINVAL;
        if (ut._flags & FBSD_UMTX_ABSTIME) {
            int clk = fbsd_clockid_to_linux((int)ut._clockid);
            if (clk < 0)
                return -EINVAL;
            if (clk == CLOCK_REALTIME || clk == CLOCK_REALTIME_COARSE) {
                *futex_flags |= FUTEX_CLOCK_REALTIME;
            } else if (clk != CLOCK_MONOTONIC && clk != CLOCK_MONOTONIC_COARSE) {
                /* Convert an absolute deadline on another clock to
                 * CLOCK_MONOTONIC. */
                struct timespec now, mono;
                clock_gettime(clk, &now);
                clock_gettime(CLOCK_MONOTONIC, &mono);
                long long ns = (ts->tv_sec - now.tv_sec) * 1000000000LL + (ts->tv_nsec - now.tv_nsec);
                ns += mono.tv_sec * 1000000000LL + mono.tv_nsec;
                ts->tv_sec = ns / 1000000000LL;
                ts->tv_nsec = ns % 1000000000LL;
            }
            return 2;   /* absolute */
        }
        return 1;       /* relative */
    }
    struct fbsd_umtx_timespec t;
    if (copy_from_guest(&t, addr, sizeof t))
        return -EFAULT;
    if (t.tv_nsec < 0 || t.tv_nsec >= 1000000000 || t.tv_sec < 0)
        return -EINVAL;
    ts->tv_sec = t.tv_sec;
    ts->tv_nsec = t.tv_nsec;
    return 1;
}

static long wait32(struct sysctx *c, uint64_t addr, uint32_t val, bool priv)
{
    struct timespec ts;
    int extra = 0;
    long kind = read_timeout(c, &ts, &extra);
    if (kind < 0)
        return kind;
    int op = priv ? FUTEX_PRIVATE_FLAG : 0;
    long r;
    if (kind == 2)
        r = HOST6(SYS_futex, addr, FUTEX_WAIT_BITSET | op | extra, val, &ts, 0,
                  FUTEX_BITSET_MATCH_ANY);
    else
        r = HOST4(SYS_futex, addr, FUTEX_WAIT | op, val, kind ? &ts : NULL);
    /* FreeBSD returns 0 when the word no longer holds `val`. */
    if (r == -EAGAIN)
        return 0;
    return r;
}

static long wake(uint64_t addr, long count, bool priv)
{
    if (count <= 0 || count > INT32_MAX)
        count = INT32_MAX;
    long r = HOST3(SYS_futex, addr, FUTEX_WAKE | (priv ? FUTEX_PRIVATE_FLAG : 0), count);
    return r < 0 ? r : 0;
}

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
    default:
        char what[48];
        snprintf(what, sizeof what, "_umtx_op operation %d", op);
        report_unimplemented(REPORT_OTHER, what, op, "EINVAL", c->uc);
        return -EINVAL;
    }
}
