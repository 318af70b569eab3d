/* Signal system calls: dispositions, masks, alternate stacks, sigreturn,
 * and sending signals.  The state itself is kept by syscalls/signals.c in
 * Linux numbering; FreeBSD numbers and layouts are converted here. */
#include "personality/freebsd/fbsd.h"
#include "syscalls/fpstate.h"
#include "personality/freebsd/threads.h"
#include "abi/freebsd/errno.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/ucontext.h"
#include "syscalls/signals.h"
#include <string.h>
#include <unistd.h>

/* Dispositions of FreeBSD signals that have no Linux number (SIGEMT,
 * SIGINFO, high real-time ones): remembered, never raised. */
static struct fbsd_sigaction unmapped_actions[FBSD_NSIG];

static unsigned gsa_flags(int f)
{
    return ((f & FBSD_SA_ONSTACK) ? GSA_ONSTACK : 0) |
           ((f & FBSD_SA_RESTART) ? GSA_RESTART : 0) |
           ((f & FBSD_SA_RESETHAND) ? GSA_RESETHAND : 0) |
           ((f & FBSD_SA_NODEFER) ? GSA_NODEFER : 0) |
           ((f & FBSD_SA_SIGINFO) ? GSA_SIGINFO : 0);
}

long fbsd_sys_sigaction(struct sysctx *c)
{
    int fsig = ARG_INT(c, 0);
    if (!fbsd_sig_valid(fsig))
        return -EINVAL;
    struct fbsd_sigaction nact, oact;
    bool set = ARG_PTR(c, 1) != 0;
    if (set && copy_from_guest(&nact, ARG_PTR(c, 1), sizeof nact))
        return -EFAULT;
    if (set && (fsig == FBSD_SIGKILL || fsig == FBSD_SIGSTOP) && nact.fsa_handler != FBSD_SIG_DFL)
        return -EINVAL;
    int hsig = fbsd_signo_to_linux(fsig);
    if (!hsig) {
        oact = unmapped_actions[fsig];
        if (set)
            unmapped_actions[fsig] = nact;
    } else {
        struct guest_sigaction g, old;
        if (set) {
            memset(&g, 0, sizeof g);
            g.handler = nact.fsa_handler;
            g.mask = fbsd_sigset_to_linux(&nact.sa_mask);
            g.flags = gsa_flags(nact.sa_flags);
            memcpy(g.raw, &nact, sizeof nact);
        }
        long r = signals_set_action(hsig, set ? &g : NULL, &old);
        if (r < 0)
            return r;
        memcpy(&oact, old.raw, sizeof oact);
        oact.fsa_handler = old.handler;
    }
    if (ARG_PTR(c, 2) && copy_to_guest(ARG_PTR(c, 2), &oact, sizeof oact))
        return -EFAULT;
    return 0;
}

long fbsd_sys_sigprocmask(struct sysctx *c)
{
    int how = ARG_INT(c, 0);
    fbsd_sigset_t fset, old;
    fbsd_sigset_from_linux(&old, c->t->sigmask);
    if (ARG_PTR(c, 1)) {
        if (copy_from_guest(&fset, ARG_PTR(c, 1), sizeof fset))
            return -EFAULT;
        int hhow;
        switch (how) {
        case FBSD_SIG_BLOCK:   hhow = SIG_BLOCK; break;
        case FBSD_SIG_UNBLOCK: hhow = SIG_UNBLOCK; break;
        case FBSD_SIG_SETMASK: hhow = SIG_SETMASK; break;
        default: return -EINVAL;
        }
        signals_change_mask(c->t, hhow, fbsd_sigset_to_linux(&fset));
    }
    if (ARG_PTR(c, 2) && copy_to_guest(ARG_PTR(c, 2), &old, sizeof old))
        return -EFAULT;
    return 0;
}

long fbsd_sys_sigaltstack(struct sysctx *c)
{
    return bsd_sigaltstack(c, FBSD_MINSIGSTKSZ);
}

long fbsd_sys_sigreturn(struct sysctx *c)
{
    struct fbsd_ucontext uc;
    if (copy_from_guest(&uc, ARG_PTR(c, 0), sizeof uc))
        return -EFAULT;
    if (fbsd_mcontext_check(&uc.uc_mcontext, c->regs->rflags, FBSD_MC_FLAG_MASK_14) != FBSD_MC_OK)
        return -EINVAL;
    /* The XSAVE extension, if the frame has one (sys_sigreturn ->
     * set_fpcontext: a length above the CPU's is EINVAL). */
    size_t xlen = guest_fp_ext_size();
    _Alignas(64) unsigned char ext[PT_XSAVE_SIZE];
    bool has_ext = (uc.uc_mcontext.mc_flags & FBSD_MC_HASFPXSTATE) && xlen;
    if (has_ext) {
        if (uc.uc_mcontext.mc_xfpustate_len > xlen || uc.uc_mcontext.mc_xfpustate_len < 64)
            return -EINVAL;
        memset(ext, 0, xlen);
        if (copy_from_guest(ext, uc.uc_mcontext.mc_xfpustate, uc.uc_mcontext.mc_xfpustate_len))
            return -EFAULT;
    }
    guest_fp_prepare(c->regs);
    fbsd_mcontext_to_linux(guest_regs_mcontext(c->regs), &uc.uc_mcontext);
    guest_fp_written(c->regs);
    if (has_ext)
        guest_fp_ext_set(c->regs, ext);
    if (uc.uc_mcontext.mc_flags & FBSD_MC_HASBASES)
        c->t->guest_fsbase = uc.uc_mcontext.mc_fsbase;
    signals_change_mask(c->t, SIG_SETMASK, fbsd_sigset_to_linux(&uc.uc_sigmask));
    return -SYSRET_JUSTRETURN;
}

/* The Linux signal for a FreeBSD one a guest sends; 0 stays 0 (existence
 * check).  -EINVAL for numbers FreeBSD rejects or Linux cannot carry. */
static int signal_to_send(int fsig)
{
    if (fsig == 0)
        return 0;
    if (!fbsd_sig_valid(fsig))
        return -EINVAL;
    int hsig = fbsd_signo_to_linux(fsig);
    return hsig ? hsig : -EINVAL;
}

long fbsd_sys_kill(struct sysctx *c)
{
    int hsig = signal_to_send(ARG_INT(c, 1));
    return hsig < 0 ? hsig : HOST2(SYS_kill, ARG_INT(c, 0), hsig);
}

long fbsd_sys_thr_kill(struct sysctx *c)
{
    long id = ARG_LONG(c, 0);
    int hsig = signal_to_send(ARG_INT(c, 1));
    if (hsig < 0)
        return hsig;
    int host_tid = fbsd_thread_host_tid(id);
    if (host_tid <= 0)
        return -ESRCH;
    return HOST3(SYS_tgkill, getpid(), host_tid, hsig);
}

/* sigsuspend(const sigset_t *sigmask) (sys/kern/kern_sig.c
 * kern_sigsuspend): wait with `sigmask` as the mask until a signal is
 * caught; EINTR, never restarted. */
long fbsd_sys_sigsuspend(struct sysctx *c)
{
    fbsd_sigset_t set;
    c->no_restart = true;
    if (copy_from_guest(&set, ARG_PTR(c, 0), sizeof set))
        return -EFAULT;
    return signals_suspend(c->t, fbsd_sigset_to_linux(&set));
}

/* sigpending(sigset_t *set): what has arrived for the calling thread and
 * is not delivered yet (persona keeps pending signals per thread). */
long fbsd_sys_sigpending(struct sysctx *c)
{
    fbsd_sigset_t set;
    fbsd_sigset_from_linux(&set, __atomic_load_n(&c->t->pending, __ATOMIC_ACQUIRE));
    return copy_to_guest(ARG_PTR(c, 0), &set, sizeof set);
}

/* What kern_sigtimedwait (sys/kern/kern_sig.c) hands back: the signal's
 * FreeBSD number, its siginfo written to `uinfo` (if not NULL). */
static long waited_signal(struct sysctx *c, int hsig, const siginfo_t *hinfo, uint64_t uinfo)
{
    int fsig = fbsd_signo_from_linux(hsig);
    if (uinfo) {
        struct fbsd_siginfo fi;
        fbsd_siginfo_from_linux(&fi, hinfo);
        fi.si_signo = fsig;
        if (copy_to_guest(uinfo, &fi, sizeof fi))
            return -EFAULT;
    }
    return fsig;
}

static long read_sigset(uint64_t uset, uint64_t *set)
{
    fbsd_sigset_t fset;
    if (copy_from_guest(&fset, uset, sizeof fset))
        return -EFAULT;
    *set = fbsd_sigset_to_linux(&fset);
    return 0;
}

/* sigtimedwait(const sigset_t *set, siginfo_t *info,
 *              const struct timespec *timeout): EAGAIN when the time
 * passes; a timed wait is not restarted after a handler (EINTR). */
long fbsd_sys_sigtimedwait(struct sysctx *c)
{
    struct timespec ts;
    uint64_t set;
    siginfo_t info;
    if (ARG_PTR(c, 2)) {
        c->no_restart = true;
        if (copy_from_guest(&ts, ARG_PTR(c, 2), sizeof ts))
            return -EFAULT;
    }
    if (read_sigset(ARG_PTR(c, 0), &set))
        return -EFAULT;
    int r = signals_wait(c->t, set, ARG_PTR(c, 2) ? &ts : NULL, &info);
    return r < 0 ? r : waited_signal(c, r, &info, ARG_PTR(c, 1));
}

/* sigwaitinfo(const sigset_t *set, siginfo_t *info): no timeout; restarted
 * after an SA_RESTART handler (ERESTART from msleep). */
long fbsd_sys_sigwaitinfo(struct sysctx *c)
{
    uint64_t set;
    siginfo_t info;
    if (read_sigset(ARG_PTR(c, 0), &set))
        return -EFAULT;
    int r = signals_wait(c->t, set, NULL, &info);
    return r < 0 ? r : waited_signal(c, r, &info, ARG_PTR(c, 1));
}

/* sigwait(const sigset_t *set, int *sig): the error is the call's value,
 * not errno (sys_sigwait sets td_retval[0] and returns 0); only an
 * SA_RESTART handler's ERESTART restarts it. */
long fbsd_sys_sigwait(struct sysctx *c)
{
    uint64_t set;
    siginfo_t info;
    if (read_sigset(ARG_PTR(c, 0), &set))
        return fbsd_errno_from_linux(EFAULT);
    int r = signals_wait(c->t, set, NULL, &info);
    if (r == -EINTR) {
        if (signals_should_restart(c->t))
            return -EINTR;          /* the dispatcher restarts it */
        c->no_restart = true;
        return fbsd_errno_from_linux(EINTR);
    }
    if (r < 0)
        return fbsd_errno_from_linux(-r);
    int fsig = fbsd_signo_from_linux(r);
    return copy_to_guest(ARG_PTR(c, 1), &fsig, sizeof fsig) ? fbsd_errno_from_linux(EFAULT) : 0;
}

/* sigqueue(pid_t pid, int signum, void *value) (kern_sigqueue): one
 * process only (pid <= 0: EINVAL); the receiver sees SI_QUEUE with the
 * value, the sender's pid and real uid. */
long fbsd_sys_sigqueue(struct sysctx *c)
{
    int pid = ARG_INT(c, 0);
    int hsig = signal_to_send(ARG_INT(c, 1));
    if (hsig < 0)
        return hsig;
    if (pid <= 0)
        return -EINVAL;
    if (hsig == 0)
        return HOST2(SYS_kill, pid, 0);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    si.si_signo = hsig;
    si.si_code = SI_QUEUE;
    si.si_pid = getpid();
    si.si_uid = getuid();
    si.si_value.sival_ptr = (void *)ARG_PTR(c, 2);
    return HOST3(SYS_rt_sigqueueinfo, pid, hsig, &si);
}

/* thr_kill2(pid_t pid, long id, int sig): thr_kill for a thread of this
 * process; thread ids of other processes are theirs to map: ESRCH. */
long fbsd_sys_thr_kill2(struct sysctx *c)
{
    int hsig = signal_to_send(ARG_INT(c, 2));   /* sys_thr_kill2 checks it first */
    if (hsig < 0)
        return hsig;
    if (ARG_INT(c, 0) != getpid())
        return -ESRCH;
    int host_tid = fbsd_thread_host_tid(ARG_LONG(c, 1));
    if (host_tid <= 0)
        return -ESRCH;
    return HOST3(SYS_tgkill, getpid(), host_tid, hsig);
}
