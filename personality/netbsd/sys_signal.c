/* Signal system calls: __sigaction_sigtramp, __sigprocmask14,
 * __sigaltstack14 (shared), getcontext/setcontext, _lwp_kill.  The state
 * is kept by syscalls/signals.c in Linux numbering; NetBSD numbers and
 * layouts are converted here (abi/netbsd/signal.h, ucontext.h). */
#include "personality/netbsd/nbsd.h"
#include "abi/netbsd/signal.h"
#include "abi/netbsd/ucontext.h"
#include "syscalls/fpstate.h"
#include "syscalls/signals.h"
#include "syscalls/threads.h"
#include <string.h>
#include <unistd.h>

/* The trampoline each signal's handler returns to (the tramp argument of
 * __sigaction_sigtramp; sys/kern/sys_sig.c keeps it in the process's
 * sigacts as sa_tramp), and the actions of NetBSD signals with no Linux
 * number (SIGEMT, SIGINFO, the real-time ones): remembered, never raised. */
uint64_t nbsd_sig_tramp[NBSD_NSIG];
static struct nbsd_sigaction unmapped_actions[NBSD_NSIG];

static unsigned gsa_flags(int f)
{
    return ((f & NBSD_SA_ONSTACK) ? GSA_ONSTACK : 0) |
           ((f & NBSD_SA_RESTART) ? GSA_RESTART : 0) |
           ((f & NBSD_SA_RESETHAND) ? GSA_RESETHAND : 0) |
           ((f & NBSD_SA_NODEFER) ? GSA_NODEFER : 0) |
           ((f & NBSD_SA_SIGINFO) ? GSA_SIGINFO : 0);
}

/* __sigaction_sigtramp(sig, act, oact, tramp, vers) (sys/kern/sys_sig.c
 * sigaction1): version 2 is the siginfo trampoline ABI; a handler without
 * a trampoline of that version is EINVAL. */
long nbsd_sys___sigaction_sigtramp(struct sysctx *c)
{
    int nsig = ARG_INT(c, 0);
    uint64_t tramp = ARG_PTR(c, 3);
    int vers = ARG_INT(c, 4);
    if (!nbsd_sig_valid(nsig))
        return -EINVAL;
    struct nbsd_sigaction nact, oact;
    bool set = ARG_PTR(c, 1) != 0;
    if (set && copy_from_guest(&nact, ARG_PTR(c, 1), sizeof nact))
        return -EFAULT;
    if (set && (nsig == NBSD_SIGKILL || nsig == NBSD_SIGSTOP) && nact.nsa_handler != 0)
        return -EINVAL;
    if (set && nact.nsa_handler > 1 && (vers != 2 || tramp == 0))
        return -EINVAL;
    int hsig = nbsd_signo_to_linux(nsig);
    if (!hsig) {
        oact = unmapped_actions[nsig];
        if (set)
            unmapped_actions[nsig] = nact;
    } else {
        struct guest_sigaction g, old;
        if (set) {
            memset(&g, 0, sizeof g);
            g.handler = nact.nsa_handler;
            g.mask = nbsd_sigset_to_linux(&nact.nsa_mask);
            g.flags = gsa_flags(nact.nsa_flags);
            memcpy(g.raw, &nact, sizeof nact);
        }
        long r = signals_set_action(hsig, set ? &g : NULL, &old);
        if (r < 0)
            return r;
        memcpy(&oact, old.raw, sizeof oact);
        oact.nsa_handler = old.handler;
    }
    if (set)
        __atomic_store_n(&nbsd_sig_tramp[nsig], tramp, __ATOMIC_RELEASE);
    if (ARG_PTR(c, 2) && copy_to_guest(ARG_PTR(c, 2), &oact, sizeof oact))
        return -EFAULT;
    return 0;
}

long nbsd_sys___sigprocmask14(struct sysctx *c)
{
    int how = ARG_INT(c, 0);
    nbsd_sigset_t nset, old;
    nbsd_sigset_from_linux(&old, c->t->sigmask);
    if (ARG_PTR(c, 1)) {
        if (copy_from_guest(&nset, ARG_PTR(c, 1), sizeof nset))
            return -EFAULT;
        int hhow;
        switch (how) {
        case NBSD_SIG_BLOCK:   hhow = SIG_BLOCK; break;
        case NBSD_SIG_UNBLOCK: hhow = SIG_UNBLOCK; break;
        case NBSD_SIG_SETMASK: hhow = SIG_SETMASK; break;
        default: return -EINVAL;
        }
        signals_change_mask(c->t, hhow, nbsd_sigset_to_linux(&nset));
    }
    if (ARG_PTR(c, 2) && copy_to_guest(ARG_PTR(c, 2), &old, sizeof old))
        return -EFAULT;
    return 0;
}

long nbsd_sys___sigaltstack14(struct sysctx *c)
{
    return bsd_sigaltstack(c, NBSD_MINSIGSTKSZ);
}

/* The current thread's context as NetBSD's getucontext builds it
 * (sys/kern/kern_context.c, cpu_getmcontext in machdep.c): the registers
 * with rax 0 and carry clear (what the call returns), the mask, the
 * alternate stack, the TLS base, the FXSAVE image. */
void nbsd_fill_ucontext(struct nbsd_ucontext *uc, struct persona_thread *t, struct guest_regs *regs)
{
    memset(uc, 0, sizeof *uc);
    uc->uc_flags = NBSD_UC_SIGMASK | NBSD_UC_STACK | NBSD_UC_CPU | NBSD_UC_FPU | NBSD_UC_TLSBASE;
    nbsd_sigset_from_linux(&uc->uc_sigmask, t->sigmask);
    uc->uc_stack.ss_sp = t->altstack_sp;
    uc->uc_stack.ss_size = t->altstack_size;
    uc->uc_stack.ss_flags = t->altstack_size == 0 ? NBSD_SS_DISABLE : (t->altstack_flags & NBSD_SS_DISABLE);
    guest_fp_prepare(regs);
    nbsd_gregs_from_linux(uc->uc_mcontext.gregs, guest_regs_mcontext_const(regs));
    uc->uc_mcontext.mc_tlsbase = t->guest_fsbase;
    if (regs->fpregs)
        memcpy(uc->uc_mcontext.fpregs, regs->fpregs, sizeof uc->uc_mcontext.fpregs);
}

long nbsd_sys_getcontext(struct sysctx *c)
{
    struct nbsd_ucontext uc;
    nbsd_fill_ucontext(&uc, c->t, c->regs);
    uc.uc_mcontext.gregs[NBSD_REG_RAX] = 0;
    uc.uc_mcontext.gregs[NBSD_REG_RFLAGS] &= ~RFLAGS_CF;
    return copy_to_guest(ARG_PTR(c, 0), &uc, sizeof uc);
}

/* setcontext(uc) (kern_context.c setucontext, cpu_setmcontext): what
 * uc_flags names is taken over; the way back from a signal handler (the
 * trampoline calls setcontext(%r15)).  uc_link 0 with no context would end
 * the thread; Go never does that. */
long nbsd_sys_setcontext(struct sysctx *c)
{
    struct nbsd_ucontext uc;
    if (copy_from_guest(&uc, ARG_PTR(c, 0), sizeof uc))
        return -EFAULT;
    if (uc.uc_flags & NBSD_UC_CPU)
        nbsd_gregs_to_linux(guest_regs_mcontext(c->regs), uc.uc_mcontext.gregs);
    if ((uc.uc_flags & NBSD_UC_FPU)) {
        guest_fp_prepare(c->regs);
        if (c->regs->fpregs) {
            memcpy(c->regs->fpregs, uc.uc_mcontext.fpregs, sizeof uc.uc_mcontext.fpregs);
            guest_fp_written(c->regs);
        }
    }
    if (uc.uc_flags & NBSD_UC_TLSBASE)
        c->t->guest_fsbase = uc.uc_mcontext.mc_tlsbase;
    if (uc.uc_flags & NBSD_UC_SIGMASK)
        signals_change_mask(c->t, SIG_SETMASK, nbsd_sigset_to_linux(&uc.uc_sigmask));
    return -SYSRET_JUSTRETURN;
}

long nbsd_sys__lwp_kill(struct sysctx *c)
{
    int nsig = ARG_INT(c, 1), hsig = 0;
    if (nsig != 0) {
        if (!nbsd_sig_valid(nsig) || !(hsig = nbsd_signo_to_linux(nsig)))
            return -EINVAL;
    }
    int host_tid = threads_host_tid(ARG_INT(c, 0));
    if (host_tid <= 0)
        return -ESRCH;
    return HOST3(SYS_tgkill, getpid(), host_tid, hsig);
}

/* kill(pid, sig) (sys/kern/kern_sig.c sys_kill); signal 0 checks only. */
long nbsd_sys_kill(struct sysctx *c)
{
    int nsig = ARG_INT(c, 1), hsig = 0;
    if (nsig != 0) {
        if (!nbsd_sig_valid(nsig) || !(hsig = nbsd_signo_to_linux(nsig)))
            return -EINVAL;
    }
    return HOST2(SYS_kill, ARG_INT(c, 0), hsig);
}

/* __sigpending14(set) (sys/kern/sys_sig.c): what has arrived for the
 * calling LWP and is not delivered yet (persona keeps pending signals per
 * thread, signals.c). */
long nbsd_sys___sigpending14(struct sysctx *c)
{
    nbsd_sigset_t set;
    nbsd_sigset_from_linux(&set, __atomic_load_n(&c->t->pending, __ATOMIC_ACQUIRE));
    return copy_to_guest(ARG_PTR(c, 0), &set, sizeof set);
}

/* __sigsuspend14(const sigset_t *set) (sys/kern/sys_sig.c): wait with
 * `set` as the mask until a signal is caught; EINTR, never restarted. */
long nbsd_sys___sigsuspend14(struct sysctx *c)
{
    nbsd_sigset_t set;
    c->no_restart = true;
    if (copy_from_guest(&set, ARG_PTR(c, 0), sizeof set))
        return -EFAULT;
    return signals_suspend(c->t, nbsd_sigset_to_linux(&set));
}

/* ____sigtimedwait50(const sigset_t *set, siginfo_t *info,
 *                    struct timespec *timeout) (sys/kern/sys_sig.c
 * sigtimedwait1), behind NetBSD's sigwait, sigwaitinfo and sigtimedwait:
 * the signal's number, EAGAIN when the time passes; interrupted by a
 * handler, the time left is written back to *timeout for the restart. */
long nbsd_sys_____sigtimedwait50(struct sysctx *c)
{
    struct timespec ts;
    nbsd_sigset_t nset;
    uint64_t uts = ARG_PTR(c, 2);
    if (uts) {
        if (copy_from_guest(&ts, uts, sizeof ts))
            return -EFAULT;
        /* itimespecfix: a bad timeout fails before anything is looked at */
        if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
            return -EINVAL;
    }
    if (copy_from_guest(&nset, ARG_PTR(c, 0), sizeof nset))
        return -EFAULT;
    siginfo_t info;
    int r = signals_wait(c->t, nbsd_sigset_to_linux(&nset), uts ? &ts : NULL, &info);
    if (r == -EINTR && uts && copy_to_guest(uts, &ts, sizeof ts))
        return -EFAULT;
    if (r < 0)
        return r;
    int nsig = nbsd_signo_from_linux(r);
    if (ARG_PTR(c, 1)) {
        struct nbsd_siginfo ni;
        nbsd_siginfo_from_linux(&ni, &info);
        ni.si_signo = nsig;
        if (copy_to_guest(ARG_PTR(c, 1), &ni, sizeof ni))
            return -EFAULT;
    }
    return nsig;
}

/* sigqueueinfo(pid_t pid, const siginfo_t *info) (sys_sigqueueinfo,
 * kill1): the caller's own siginfo; to another process only with its own
 * pid and uid in it and SI_USER or SI_QUEUE (else EPERM).  A process
 * group (pid <= 0) gets a plain kill: the value is lost there. */
long nbsd_sys_sigqueueinfo(struct sysctx *c)
{
    int pid = ARG_INT(c, 0);
    struct nbsd_siginfo ni;
    if (copy_from_guest(&ni, ARG_PTR(c, 1), sizeof ni))
        return -EFAULT;
    int hsig = 0;
    if (ni.si_signo != 0 && (!nbsd_sig_valid(ni.si_signo) || !(hsig = nbsd_signo_to_linux(ni.si_signo))))
        return -EINVAL;
    if (pid != getpid()) {
        if (ni.reason.rt.pid != getpid() || ni.reason.rt.uid != geteuid())
            return -EPERM;
        if (ni.si_code != NBSD_SI_USER && ni.si_code != NBSD_SI_QUEUE)
            return -EPERM;
    }
    if (hsig == 0 || pid <= 0 || ni.si_code == NBSD_SI_USER)
        return HOST2(SYS_kill, pid, hsig);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    si.si_signo = hsig;
    si.si_code = SI_QUEUE;
    si.si_pid = ni.reason.rt.pid;
    si.si_uid = ni.reason.rt.uid;
    si.si_value.sival_ptr = (void *)ni.reason.rt.value;
    return HOST3(SYS_rt_sigqueueinfo, pid, hsig, &si);
}
