#include "syscalls/signals.h"
#include "syscalls/door.h"
#include "syscalls/uaccess.h"
#include "syscalls/log.h"
#include "syscalls/crash.h"
#include "syscalls/trace.h"
#include "syscalls/threads.h"
#include "syscalls/fdreserve.h"
#include "syscalls/creds.h"
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

struct guest_sigaction guest_actions[HOST_NSIG + 1];

/* Signals the door always handles: trapped syscalls, and faults (persona's
 * fault-safe copies rely on SIGSEGV/SIGBUS; guest faults go to the guest). */
static const int always_handled[] = { SIGSYS, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP };

/* Default action is to ignore (POSIX; same set on FreeBSD, plus SIGINFO). */
static bool default_ignores(int sig)
{
    return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

static bool is_fault(int sig)
{
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL || sig == SIGTRAP;
}

/* Standard signals whose default action ends the process (with or without
 * a core).  Persona catches them even while the guest leaves them at
 * SIG_DFL: one the guest blocks must wait as pending (sigpending,
 * sigwait, sigsuspend), not kill, and one it does not block is raised
 * again with the host's default (take_default_action).  Stop signals keep
 * the host's own default; real-time signals are left alone (glibc keeps
 * 32 and 33 for itself). */
static bool default_terminates(int sig)
{
    return sig >= 1 && sig < 32 && !default_ignores(sig) && sig != SIGKILL && sig != SIGSTOP &&
           sig != SIGTSTP && sig != SIGTTIN && sig != SIGTTOU;
}

/* The kernel's struct sigaction for rt_sigaction(2) (x86-64). */
struct kernel_sigaction {
    void *handler;
    unsigned long flags;
    void *restorer;
    uint64_t mask;
};
#define KSA_RESTORER 0x04000000   /* SA_RESTORER, arch/x86/include/uapi/asm/signal.h */

static void host_handle(int sig)
{
    /* glibc's sigaction() would put its own restorer, outside the door
     * region, in sa_restorer: talk to the kernel directly.  No SA_RESTART:
     * blocking host calls must return EINTR so guest signals get through. */
    struct kernel_sigaction k = {
        (void *)door_signal_entry, SA_SIGINFO | SA_ONSTACK | KSA_RESTORER,
        (void *)door_sigreturn_restorer, 0,
    };
    if (syscall(SYS_rt_sigaction, sig, &k, NULL, 8) != 0)
        die("rt_sigaction(%d): %s", sig, strerror(errno));
}

static void host_set_default(int sig, void *disp)
{
    struct kernel_sigaction k = { disp, 0, NULL, 0 };
    syscall(SYS_rt_sigaction, sig, &k, NULL, 8);
}

static bool always(int sig)
{
    for (unsigned i = 0; i < sizeof always_handled / sizeof always_handled[0]; i++)
        if (always_handled[i] == sig)
            return true;
    return false;
}

void signals_init(void)
{
    for (unsigned i = 0; i < sizeof always_handled / sizeof always_handled[0]; i++)
        host_handle(always_handled[i]);
    for (int sig = 1; sig < 32; sig++)
        if (!always(sig) && guest_actions[sig].handler == GUEST_SIG_DFL && default_terminates(sig))
            host_handle(sig);
    creds_init();
}

static int watchers[HOST_NSIG + 1];

/* The host's disposition for the guest's: persona's handler unless the
 * guest ignores the signal or leaves a default the host can apply itself
 * (and nothing counts the signal's arrivals: those must be seen). */
static void apply_host_disposition(int sig)
{
    if (always(sig))
        return;
    const struct guest_sigaction *act = &guest_actions[sig];
    bool watched = __atomic_load_n(&watchers[sig], __ATOMIC_RELAXED) > 0;
    if (act->handler == GUEST_SIG_IGN && !watched)
        host_set_default(sig, SIG_IGN);
    else if (act->handler == GUEST_SIG_DFL && !default_terminates(sig) && !watched)
        host_set_default(sig, SIG_DFL);
    else
        host_handle(sig);
}

int signals_set_action(int sig, const struct guest_sigaction *act,
                       struct guest_sigaction *old)
{
    if (sig < 1 || sig > HOST_NSIG)
        return -EINVAL;
    if (old)
        *old = guest_actions[sig];
    if (!act)
        return 0;
    if (sig == SIGKILL || sig == SIGSTOP)
        return -EINVAL;
    guest_actions[sig] = *act;
    apply_host_disposition(sig);
    return 0;
}

/* ---- arrivals, counted for kqueue's EVFILT_SIGNAL ---- */

static uint64_t arrivals[HOST_NSIG + 1];
static int arrival_fd = -1;

static void count_arrival(int sig)
{
    if (!__atomic_load_n(&watchers[sig], __ATOMIC_RELAXED))
        return;
    __atomic_add_fetch(&arrivals[sig], 1, __ATOMIC_SEQ_CST);
    uint64_t one = 1;
    if (syscall(SYS_write, arrival_fd, &one, sizeof one) < 0) {
        /* the counter is full (never in practice): the count stands */
    }
}

int signals_watch(int sig, bool on)
{
    if (sig < 1 || sig > HOST_NSIG || sig == SIGKILL || sig == SIGSTOP)
        return -EINVAL;
    if (on && __atomic_load_n(&arrival_fd, __ATOMIC_ACQUIRE) < 0) {
        fd_private_begin();     /* out of the guest's descriptor numbers */
        int fd = fd_private_end((int)syscall(SYS_eventfd2, 0, EFD_NONBLOCK | EFD_CLOEXEC));
        if (fd < 0)
            return fd;
        int none = -1;
        if (!__atomic_compare_exchange_n(&arrival_fd, &none, fd, false, __ATOMIC_ACQ_REL,
                                         __ATOMIC_ACQUIRE))
            close(fd);
    }
    int n = __atomic_add_fetch(&watchers[sig], on ? 1 : -1, __ATOMIC_SEQ_CST);
    if ((on && n == 1) || (!on && n == 0))
        apply_host_disposition(sig);
    return 0;
}

uint64_t signals_arrivals(int sig)
{
    return sig >= 1 && sig <= HOST_NSIG ? __atomic_load_n(&arrivals[sig], __ATOMIC_SEQ_CST) : 0;
}

int signals_arrival_fd(void)
{
    return __atomic_load_n(&arrival_fd, __ATOMIC_ACQUIRE);
}

void signals_recompute_interrupt(struct persona_thread *t)
{
    t->interrupt = (t->pending & ~t->sigmask) != 0;
}

void signals_change_mask(struct persona_thread *t, int how, uint64_t set)
{
    set &= ~(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP));
    switch (how) {
    case SIG_BLOCK:   t->sigmask |= set; break;
    case SIG_UNBLOCK: t->sigmask &= ~set; break;
    default:          t->sigmask = set; break;
    }
    signals_recompute_interrupt(t);
}

/* Let the host's default action happen: reset the disposition and re-send
 * the signal to this thread; it is taken when the door returns. */
static void take_default_action(struct persona_thread *t, int sig)
{
    if (!default_ignores(sig))
        trace_at_exit();    /* the default action of this signal ends the process */
    host_set_default(sig, SIG_DFL);
    syscall(SYS_tgkill, getpid(), t->host_tid, sig);
}

/* Returns whether a handler frame was built. */
static bool deliver_now(struct persona_thread *t, struct guest_regs *regs, int sig,
                        const siginfo_t *info)
{
    struct guest_sigaction *a = &guest_actions[sig];
    if (a->handler == GUEST_SIG_IGN && !is_fault(sig))
        return false;
    if (a->handler == GUEST_SIG_DFL || a->handler == GUEST_SIG_IGN) {
        if (!default_ignores(sig) || is_fault(sig))
            take_default_action(t, sig);
        return false;
    }
    struct guest_sigaction act = *a;
    if (!active_personality->deliver_signal(t, regs, sig, info, &act)) {
        /* No room for the frame: the guest dies of it, as the kernel would. */
        take_default_action(t, SIGSEGV);
        return false;
    }
    if (act.flags & GSA_RESETHAND) {
        struct guest_sigaction dfl = { .handler = GUEST_SIG_DFL };
        signals_set_action(sig, &dfl, NULL);
    }
    return true;
}

/* Marks a kill() signal passed on by pass_to_accepting_thread: Linux lets
 * a thread queue a signal with SI_USER only to itself (rt_tgsigqueueinfo,
 * kernel/signal.c), so it travels as SI_QUEUE with this value and the
 * receiving thread turns it back (unmark_passed_signal). */
#define PASSED_KILL_MARK 0x7065727370617373ULL    /* "persspass" */

/* A signal sent to the whole process (kill, sigqueue) belongs to any
 * thread that does not block it (FreeBSD: sys/kern/kern_sig.c, sigtd()).
 * The host kernel chose this thread by its host mask, which is not the
 * guest's: when the guest's mask here blocks the signal, hand it, siginfo
 * and all, to a thread whose guest mask does not.  Go relies on it: a
 * thread dumping its stack for GOTRACEBACK=crash re-sends SIGQUIT to the
 * process, with SIGQUIT blocked in its handler, for the next thread.
 * Returns true when the signal was passed on. */
static bool pass_to_accepting_thread(struct persona_thread *t, int sig, const siginfo_t *info)
{
    if (!(t->sigmask & SIGBIT(sig)))
        return false;
    if (info->si_code != SI_USER && info->si_code != SI_QUEUE)
        return false;           /* thread-directed (tgkill) or from the kernel */
    /* The kernel's own SIGPIPE and SIGXFSZ say SI_USER too, but are meant
     * for the thread that wrote: only one sent from another process is
     * surely process-directed. */
    if ((sig == SIGPIPE || sig == SIGXFSZ) && info->si_pid == getpid())
        return false;
    int tid = threads_host_tid_accepting(SIGBIT(sig), t);
    if (tid < 0)
        return false;           /* every thread blocks it: it waits here */
    siginfo_t passed = *info;
    if (passed.si_code == SI_USER) {
        passed.si_code = SI_QUEUE;
        passed.si_value.sival_ptr = (void *)PASSED_KILL_MARK;
    }
    return syscall(SYS_rt_tgsigqueueinfo, getpid(), tid, sig, &passed) == 0;
}

static void unmark_passed_signal(siginfo_t *info)
{
    if (info->si_code == SI_QUEUE && info->si_value.sival_ptr == (void *)PASSED_KILL_MARK &&
        info->si_pid == getpid()) {
        info->si_code = SI_USER;
        info->si_value.sival_ptr = NULL;
    }
}

int signals_on_host_signal(struct persona_thread *t, int sig, siginfo_t *info,
                           ucontext_t *uc, bool from_guest)
{
    bool sync = is_fault(sig) && info->si_code > 0;
    unmark_passed_signal(info);
    if (!from_guest) {
        if (sync) {
            uint64_t fix;
            if (uaccess_fixup(uc->uc_mcontext.gregs[REG_RIP], &fix)) {
                uc->uc_mcontext.gregs[REG_RIP] = fix;
                return 0;
            }
            crash_report(sig, info, uc);
        }
        if (pass_to_accepting_thread(t, sig, info))
            return 0;           /* counted where it arrives next */
        count_arrival(sig);
        /* Persona is working for the guest: queue, and cut short a
         * blocking host call so the signal is delivered promptly. */
        t->pending_info[sig] = *info;
        __atomic_or_fetch(&t->pending, SIGBIT(sig), __ATOMIC_SEQ_CST);
        signals_recompute_interrupt(t);
        uint64_t rip = uc->uc_mcontext.gregs[REG_RIP];
        if (t->interrupt && rip >= (uint64_t)door_guard_start &&
            rip <= (uint64_t)door_guard_syscall)
            uc->uc_mcontext.gregs[REG_RIP] = (uint64_t)door_guard_eintr;
        return 0;
    }
    if (sync && (t->sigmask & SIGBIT(sig))) {
        /* A fault the guest's mask blocks (its own handler faulted, say)
         * cannot be held back and delivering it would fault again: both
         * kernels reset the action and the process dies of it (FreeBSD
         * trapsignal()).  Delivering it anyway looped forever. */
        count_arrival(sig);
        take_default_action(t, sig);
    } else if (sync || !(t->sigmask & SIGBIT(sig))) {
        count_arrival(sig);
        deliver_now(t, guest_regs_of(uc), sig, info);
    } else if (!pass_to_accepting_thread(t, sig, info)) {
        count_arrival(sig);
        t->pending_info[sig] = *info;
        __atomic_or_fetch(&t->pending, SIGBIT(sig), __ATOMIC_SEQ_CST);
        signals_recompute_interrupt(t);
    }
    return 1;
}

void signals_call_mask_begin(struct persona_thread *t, uint64_t mask)
{
    t->call_saved_mask = t->sigmask;
    t->call_mask_active = true;
    signals_change_mask(t, SIG_SETMASK, mask);
}

static void restore_call_mask(struct persona_thread *t)
{
    t->call_mask_active = false;
    signals_change_mask(t, SIG_SETMASK, t->call_saved_mask);
}

void signals_call_mask_end(struct persona_thread *t, bool interrupted)
{
    if (t->call_mask_active && !(interrupted && t->interrupt))
        restore_call_mask(t);
}

uint64_t signals_frame_mask(const struct persona_thread *t)
{
    return t->call_mask_active ? t->call_saved_mask : t->sigmask;
}

long signals_suspend(struct persona_thread *t, uint64_t mask)
{
    signals_call_mask_begin(t, mask);
    /* pause() ends with EINTR for any signal, one the mask holds back too
     * (it is queued as pending then): wait again.  A signal landing
     * between the test and the call is caught by door_host_syscall. */
    while (!t->interrupt)
        HOST0(SYS_pause);
    signals_call_mask_end(t, true);
    return -EINTR;
}

static int64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int signals_wait(struct persona_thread *t, uint64_t set, struct timespec *timeout, siginfo_t *info)
{
    set &= ~(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP));
    bool valid = !timeout || (timeout->tv_sec >= 0 && timeout->tv_nsec >= 0 &&
                              timeout->tv_nsec < 1000000000L);
    int64_t end = valid && timeout ? mono_ns() + timeout->tv_sec * 1000000000LL + timeout->tv_nsec : 0;
    uint64_t saved = t->sigmask;
    signals_change_mask(t, SIG_SETMASK, saved & ~set);
    int r;
    for (;;) {
        uint64_t ready = __atomic_load_n(&t->pending, __ATOMIC_ACQUIRE) & set;
        if (ready) {
            int sig = __builtin_ctzll(ready) + 1;
            *info = t->pending_info[sig];     /* before the bit goes: a new one may land */
            __atomic_and_fetch(&t->pending, ~SIGBIT(sig), __ATOMIC_SEQ_CST);
            r = sig;
            break;
        }
        if (t->interrupt) {
            r = -EINTR;
            break;
        }
        if (!timeout) {
            HOST0(SYS_pause);
            continue;
        }
        if (!valid) {
            r = -EINVAL;
            break;
        }
        int64_t now = mono_ns();
        if (now >= end) {
            r = -EAGAIN;
            break;
        }
        struct timespec abs = { end / 1000000000, end % 1000000000 };
        HOST4(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL);
    }
    if (r == -EINTR && timeout && valid) {
        int64_t left = end - mono_ns();
        if (left < 0)
            left = 0;
        timeout->tv_sec = left / 1000000000;
        timeout->tv_nsec = left % 1000000000;
    }
    signals_change_mask(t, SIG_SETMASK, saved);
    return r;
}

void signals_deliver_pending(struct persona_thread *t, struct guest_regs *regs)
{
    uint64_t ready = t->pending & ~t->sigmask;
    if (!ready) {
        t->interrupt = 0;
        if (t->call_mask_active)
            restore_call_mask(t);
        return;
    }
    int sig = __builtin_ctzll(ready) + 1;
    __atomic_and_fetch(&t->pending, ~SIGBIT(sig), __ATOMIC_SEQ_CST);
    signals_recompute_interrupt(t);
    bool framed = deliver_now(t, regs, sig, &t->pending_info[sig]);
    /* A handler's frame saved the call's old mask (its return restores
     * it); without one, the old mask comes back now. */
    if (t->call_mask_active) {
        if (framed)
            t->call_mask_active = false;
        else
            restore_call_mask(t);
    }
}

bool signals_should_restart(struct persona_thread *t)
{
    uint64_t ready = t->pending & ~t->sigmask;
    if (!ready)
        return false;
    int sig = __builtin_ctzll(ready) + 1;
    return (guest_actions[sig].flags & GSA_RESTART) != 0;
}

void signals_block_all(uint64_t *old)
{
    uint64_t all = ~0ULL;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all, old, 8);
}

void signals_unblock_all(void)
{
    uint64_t none = 0;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, 8);
}
