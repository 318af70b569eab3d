#include "syscalls/fpstate.h"
#include "syscalls/thread.h"
#include <string.h>

/* FXSAVE layout (Intel SDM vol. 1, table 10-2): bytes 0-159 hold the x87
 * state and MXCSR (at 24), 160-415 XMM0-15. */
#define FX_XMM_OFF 160

void guest_fp_prepare(struct guest_regs *regs)
{
    if (!(regs->fp_flags & GUEST_FP_LAZY) || !regs->fpregs)
        return;
    _Alignas(16) unsigned char live[512];
    __asm__ volatile("fxsave64 %0" : "=m"(live));
    memcpy(regs->fpregs, live, FX_XMM_OFF);
    regs->fp_flags &= ~(uint64_t)GUEST_FP_LAZY;
}

void guest_fp_written(struct guest_regs *regs)
{
    regs->fp_flags |= GUEST_FP_RELOAD;   /* a kernel frame ignores the word */
}
