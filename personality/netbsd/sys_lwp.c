/* Lightweight processes (NetBSD's threads): _lwp_create from a ucontext,
 * _lwp_exit, the private pointer, and ___lwp_park60/_lwp_unpark's
 * per-LWP permit (sys/kern/sys_lwp.c). */
#include "personality/netbsd/nbsd.h"
#include "abi/netbsd/errno.h"
#include "abi/netbsd/ucontext.h"
#include "syscalls/threads.h"
#include <linux/futex.h>
#include <time.h>
#include <unistd.h>

/* The LWP's private pointer is its TLS base: on amd64 NetBSD loads it into
 * %fs (sys/kern/kern_lwp.c lwp_setprivate -> cpu_lwp_setprivate). */
long nbsd_sys__lwp_setprivate(struct sysctx *c)
{
    c->t->guest_fsbase = ARG_PTR(c, 0);     /* loaded by the exit door */
    return 0;
}

long nbsd_sys__lwp_getprivate(struct sysctx *c)
{
    return (long)c->t->guest_fsbase;
}

long nbsd_sys__lwp_self(struct sysctx *c)
{
    return c->t->guest_tid;
}

/* LWP ids: 1 is the first (NBSD_FIRST_LID), then 2, 3... as
 * kern_lwp.c lwp_create hands them out in a fresh process. */
static int next_lid = NBSD_FIRST_LID + 1;

/* One permit per LWP, a futex word (sys_lwp.c: LW_UNPARKED).  LWP ids
 * past the table share the permit of id % NBSD_PERMITS: a spurious
 * wake-up, which NetBSD's park allows its callers to see anyway. */
#define NBSD_PERMITS 4096
static uint32_t permits[NBSD_PERMITS];

static uint32_t *permit_of(int lid)
{
    return &permits[(unsigned)lid % NBSD_PERMITS];
}

/* _lwp_create(ucp, flags, new_lwp) (sys_lwp.c sys__lwp_create): the new
 * LWP starts from the ucontext: its registers (_UC_CPU), its signal mask
 * (_UC_SIGMASK, else the creator's) and TLS base (_UC_TLSBASE).  The id is
 * written before the LWP runs. */
long nbsd_sys__lwp_create(struct sysctx *c)
{
    struct nbsd_ucontext uc;
    if (copy_from_guest(&uc, ARG_PTR(c, 0), sizeof uc))
        return -EFAULT;
    if (!(uc.uc_flags & NBSD_UC_CPU))
        return -EINVAL;
    const uint64_t *g = uc.uc_mcontext.gregs;
    int lid = __atomic_fetch_add(&next_lid, 1, __ATOMIC_RELAXED);
    int32_t lid32 = lid;
    if (ARG_PTR(c, 2) && copy_to_guest(ARG_PTR(c, 2), &lid32, sizeof lid32))
        return -EFAULT;
    /* door_enter_guest pushes rip below rsp and returns to it, so the
     * thread starts with the context's rsp exactly. */
    struct guest_entry e = {
        .rip = g[NBSD_REG_RIP], .rsp = g[NBSD_REG_RSP],
        .rdi = g[NBSD_REG_RDI], .rsi = g[NBSD_REG_RSI], .rdx = g[NBSD_REG_RDX],
        .rax = g[NBSD_REG_RAX], .r8 = g[NBSD_REG_R8], .r9 = g[NBSD_REG_R9],
        .r10 = g[NBSD_REG_R10], .r12 = g[NBSD_REG_R12], .r13 = g[NBSD_REG_R13],
        .r14 = g[NBSD_REG_R14], .r15 = g[NBSD_REG_R15], .rbx = g[NBSD_REG_RBX],
        .rbp = g[NBSD_REG_RBP],
    };
    if (copy_to_guest(e.rsp - 8, &e.rip, sizeof e.rip))
        return -EFAULT;
    __atomic_store_n(permit_of(lid), 0, __ATOMIC_RELAXED);
    uint64_t mask = (uc.uc_flags & NBSD_UC_SIGMASK) ? nbsd_sigset_to_linux(&uc.uc_sigmask)
                                                   : c->t->sigmask;
    uint64_t fs = (uc.uc_flags & NBSD_UC_TLSBASE) ? uc.uc_mcontext.mc_tlsbase : c->t->guest_fsbase;
    long r = threads_spawn(&e, fs, mask, lid);
    return r < 0 ? r : 0;
}

long nbsd_sys__lwp_exit(struct sysctx *c)
{
    threads_exit_current(c->t);
}

static long unpark(int lid)
{
    if (threads_host_tid(lid) < 0)
        return -ESRCH;
    uint32_t *w = permit_of(lid);
    __atomic_store_n(w, 1, __ATOMIC_RELEASE);
    syscall(SYS_futex, w, FUTEX_WAKE_PRIVATE, INT32_MAX, NULL, NULL, 0);
    return 0;
}

long nbsd_sys__lwp_unpark(struct sysctx *c)
{
    return unpark(ARG_INT(c, 0));
}

/* ___lwp_park60(clock_id, flags, ts, unpark, hint, unparkhint): first wake
 * `unpark` (if not 0), then sleep until this LWP's permit is set, the time
 * runs out (ETIMEDOUT) or a signal comes (EINTR).  A permit already set is
 * taken at once: EALREADY (sys_lwp.c lwp_park).  flags: TIMER_ABSTIME 1
 * (sys/sys/time.h); clocks REALTIME 0 and MONOTONIC 3. */
long nbsd_sys____lwp_park60(struct sysctx *c)
{
    int clk = ARG_INT(c, 0), flags = ARG_INT(c, 1), other = ARG_INT(c, 3);
    uint64_t tsp = ARG_PTR(c, 2);
    if (other)
        unpark(other);     /* its errors are not the park's */
    uint32_t *w = permit_of(c->t->guest_tid);
    if (__atomic_exchange_n(w, 0, __ATOMIC_ACQUIRE))
        return GUEST_ERRNO(NBSD_EALREADY);
    struct timespec ts, *tp = NULL;
    int op = FUTEX_WAIT_BITSET_PRIVATE;
    if (tsp) {
        if (copy_from_guest(&ts, tsp, sizeof ts))
            return -EFAULT;
        if (ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L || ts.tv_sec < 0)
            return -EINVAL;
        int hclk = nbsd_clockid_to_linux(clk);
        if (hclk != CLOCK_REALTIME && hclk != CLOCK_MONOTONIC)
            return -EINVAL;
        if (!(flags & 1)) {
            /* relative: the deadline on the monotonic clock */
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            ts.tv_sec += now.tv_sec;
            ts.tv_nsec += now.tv_nsec;
            if (ts.tv_nsec >= 1000000000L) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000L;
            }
        } else if (hclk == CLOCK_REALTIME) {
            op |= FUTEX_CLOCK_REALTIME;
        }
        tp = &ts;
    }
    c->no_restart = true;
    for (;;) {
        long r = HOST6(SYS_futex, w, op, 0, tp, NULL, FUTEX_BITSET_MATCH_ANY);
        if (__atomic_exchange_n(w, 0, __ATOMIC_ACQUIRE))
            return 0;
        if (r == -ETIMEDOUT)
            return -ETIMEDOUT;
        if (r == -EINTR && c->t->interrupt)
            return -EINTR;
    }
}
