/* Delivering a signal to a FreeBSD guest: the frame the FreeBSD kernel
 * builds in sendsig() (sys/amd64/amd64/exec_machdep.c) and the trampoline
 * ("sigcode", sys/amd64/amd64/sigtramp.S) that calls the handler and then
 * sigreturn(2).  The trampoline lives in a page persona maps into the guest,
 * as FreeBSD maps its shared page. */
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/ucontext.h"
#include "syscalls/signals.h"
#include "syscalls/trace.h"
#include "syscalls/fpstate.h"
#include <string.h>
#include <sys/mman.h>

uint64_t fbsd_sigcode_addr;

/* call *SIGF_HANDLER(%rsp); lea SIGF_UC(%rsp),%rdi; pushq $0;
 * mov $SYS_sigreturn(417),%rax; syscall; 0: hlt; jmp 0b */
static const uint8_t sigcode[] = {
    0xff, 0x14, 0x24,                          /* call *0(%rsp) */
    0x48, 0x8d, 0x7c, 0x24, 0x10,              /* lea 16(%rsp),%rdi */
    0x6a, 0x00,                                /* pushq $0 */
    0x48, 0xc7, 0xc0, 0xa1, 0x01, 0x00, 0x00,  /* mov $417,%rax */
    0x0f, 0x05,                                /* syscall */
    0xf4,                                      /* hlt */
    0xeb, 0xfd,                                /* jmp hlt */
};
_Static_assert(offsetof(struct fbsd_sigframe, sf_ahu) == 0, "sigcode: SIGF_HANDLER");
_Static_assert(offsetof(struct fbsd_sigframe, sf_uc) == 16, "sigcode: SIGF_UC");

int fbsd_map_sigcode(void)
{
    void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return -1;
    memcpy(p, sigcode, sizeof sigcode);
    mprotect(p, 4096, PROT_READ | PROT_EXEC);
    fbsd_sigcode_addr = (uint64_t)p;
    return 0;
}

static bool on_altstack(const struct persona_thread *t, uint64_t sp)
{
    return t->altstack_size && !(t->altstack_flags & FBSD_SS_DISABLE) &&
           sp > t->altstack_sp && sp <= t->altstack_sp + t->altstack_size;
}

bool fbsd_deliver_signal(struct persona_thread *t, struct guest_regs *regs, int host_sig,
                         const siginfo_t *info, const struct guest_sigaction *act)
{
    int fsig = fbsd_signo_from_linux(host_sig);
    if (!fsig)
        return true;   /* no FreeBSD counterpart: nothing to deliver */
    uint64_t sp = regs->rsp;
    bool was_on = on_altstack(t, sp);
    bool use_alt = (act->flags & GSA_ONSTACK) && t->altstack_size &&
                   !(t->altstack_flags & FBSD_SS_DISABLE) && !was_on;
    if (use_alt)
        sp = t->altstack_sp + t->altstack_size;
    else
        sp -= 128;   /* skip the red zone */
    /* The XSAVE extension (AVX upper halves...) goes above the frame,
     * 64-byte aligned, as sendsig() puts it (exec_machdep.c). */
    size_t xlen = guest_fp_ext_size();
    uint64_t xaddr = 0;
    if (xlen) {
        sp -= xlen;
        sp &= ~0x3FULL;
        xaddr = sp;
    }
    sp -= sizeof(struct fbsd_sigframe);
    sp &= ~0xFULL;

    struct fbsd_sigframe sf;
    memset(&sf, 0, sizeof sf);
    sf.sf_ahu.sf_action = act->handler;
    fbsd_sigset_from_linux(&sf.sf_uc.uc_sigmask, signals_frame_mask(t));
    guest_fp_prepare(regs);
    fbsd_mcontext_from_linux(&sf.sf_uc.uc_mcontext, guest_regs_mcontext(regs), t->guest_fsbase);
    sf.sf_uc.uc_mcontext.mc_onstack = was_on ? 1 : 0;
    sf.sf_uc.uc_stack.ss_sp = t->altstack_sp;
    sf.sf_uc.uc_stack.ss_size = t->altstack_size;
    sf.sf_uc.uc_stack.ss_flags = t->altstack_size == 0 ? FBSD_SS_DISABLE
                               : (t->altstack_flags & FBSD_SS_DISABLE) | (was_on || use_alt ? FBSD_SS_ONSTACK : 0);
    fbsd_siginfo_from_linux(&sf.sf_si, info);
    sf.sf_si.si_signo = fsig;
    /* FreeBSD records the fault address and trap number in the context too. */
    sf.sf_uc.uc_mcontext.mc_addr = (uint64_t)info->si_addr;
    sf.sf_uc.uc_mcontext.mc_trapno = (uint32_t)regs->trapno;
    sf.sf_uc.uc_mcontext.mc_err = regs->err;

    if (xlen) {
        _Alignas(64) unsigned char ext[PT_XSAVE_SIZE];
        guest_fp_ext_get(regs, ext);
        if (copy_to_guest(xaddr, ext, xlen) != 0)
            return false;
        sf.sf_uc.uc_mcontext.mc_flags |= FBSD_MC_HASFPXSTATE;
        sf.sf_uc.uc_mcontext.mc_xfpustate = xaddr;
        sf.sf_uc.uc_mcontext.mc_xfpustate_len = xlen;
    }
    if (copy_to_guest(sp, &sf, sizeof sf) != 0)
        return false;

    regs->rdi = fsig;
    regs->rsi = (act->flags & GSA_SIGINFO) ? sp + offsetof(struct fbsd_sigframe, sf_si)
                                           : (uint64_t)sf.sf_si.si_code;
    regs->rdx = sp + offsetof(struct fbsd_sigframe, sf_uc);
    regs->rcx = (uint64_t)info->si_addr;
    regs->rsp = sp;
    regs->rip = fbsd_sigcode_addr;
    regs->rflags &= ~(RFLAGS_TF | RFLAGS_DF);   /* PSL_T | PSL_D */

    /* The handler runs with its mask added (and itself, unless NODEFER). */
    uint64_t add = act->mask;
    if (!(act->flags & GSA_NODEFER))
        add |= SIGBIT(host_sig);
    signals_change_mask(t, SIG_BLOCK, add);
    trace_signal(fsig, "delivered");
    return true;
}
