/* Delivering a signal to a NetBSD guest: the frame of sendsig_siginfo
 * (sys/arch/amd64/amd64/machdep.c).  NetBSD maps no trampoline: the
 * handler returns to the one the program gave __sigaction_sigtramp, which
 * calls setcontext(%r15). */
#include "personality/netbsd/nbsd.h"
#include "abi/netbsd/signal.h"
#include "abi/netbsd/ucontext.h"
#include "syscalls/fpstate.h"
#include "syscalls/signals.h"
#include "syscalls/trace.h"
#include <string.h>

extern uint64_t nbsd_sig_tramp[NBSD_NSIG];
void nbsd_fill_ucontext(struct nbsd_ucontext *uc, struct persona_thread *t, struct guest_regs *regs);

static bool on_altstack(const struct persona_thread *t, uint64_t sp)
{
    return t->altstack_size && !(t->altstack_flags & NBSD_SS_DISABLE) &&
           sp > t->altstack_sp && sp <= t->altstack_sp + t->altstack_size;
}

bool nbsd_deliver_signal(struct persona_thread *t, struct guest_regs *regs, int host_sig,
                         const siginfo_t *info, const struct guest_sigaction *act)
{
    int nsig = nbsd_signo_from_linux(host_sig);
    if (!nsig)
        return true;    /* no NetBSD counterpart: nothing to deliver */
    uint64_t sp = regs->rsp;
    bool was_on = on_altstack(t, sp);
    bool use_alt = (act->flags & GSA_ONSTACK) && t->altstack_size &&
                   !(t->altstack_flags & NBSD_SS_DISABLE) && !was_on;
    sp = use_alt ? t->altstack_sp + t->altstack_size : sp - 128;   /* red zone */
    /* sendsig_siginfo: the frame below sp, 16-aligned, then 8 lower so
     * that the handler starts as if called (return address at rsp). */
    sp = ((sp - sizeof(struct nbsd_sigframe_siginfo)) & ~0xFULL) - 8;

    struct nbsd_sigframe_siginfo sf;
    nbsd_fill_ucontext(&sf.sf_uc, t, regs);
    nbsd_sigset_from_linux(&sf.sf_uc.uc_sigmask, signals_frame_mask(t));
    sf.sf_ra = __atomic_load_n(&nbsd_sig_tramp[nsig], __ATOMIC_ACQUIRE);
    sf.sf_uc.uc_stack.ss_flags |= (was_on || use_alt) ? NBSD_SS_ONSTACK : 0;
    sf.sf_uc.uc_mcontext.gregs[NBSD_REG_TRAPNO] = regs->trapno;
    sf.sf_uc.uc_mcontext.gregs[NBSD_REG_ERR] = regs->err;
    nbsd_siginfo_from_linux(&sf.sf_si, info);
    sf.sf_si.si_signo = nsig;
    if (copy_to_guest(sp, &sf, sizeof sf) != 0)
        return false;

    uint64_t ucp = sp + offsetof(struct nbsd_sigframe_siginfo, sf_uc);
    regs->rdi = nsig;
    regs->rsi = sp + offsetof(struct nbsd_sigframe_siginfo, sf_si);
    regs->rdx = ucp;
    regs->r15 = ucp;        /* the trampoline's setcontext argument */
    regs->rsp = sp;
    regs->rip = act->handler;
    regs->rflags &= ~(RFLAGS_TF | RFLAGS_DF);

    uint64_t add = act->mask;
    if (!(act->flags & GSA_NODEFER))
        add |= SIGBIT(host_sig);
    signals_change_mask(t, SIG_BLOCK, add);
    trace_signal(nsig, "delivered");
    return true;
}
