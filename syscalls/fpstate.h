/* The guest's x87/SSE state as handlers see it: guest_regs.fpregs, an
 * FXSAVE image.  A call from a rewritten site saves only XMM0-15 there
 * (door.S; GUEST_FP_LAZY): the x87 registers and MXCSR, which persona never
 * touches, are still live in the CPU.  Code that reads or writes the image
 * (signal frames, sigreturn, getcontext/setcontext) brackets the access. */
#ifndef PERSONA_SYSCALLS_FPSTATE_H
#define PERSONA_SYSCALLS_FPSTATE_H
#include "syscalls/guest_regs.h"

/* Make regs->fpregs a whole FXSAVE image of the guest's state. */
void guest_fp_prepare(struct guest_regs *regs);
/* regs->fpregs (made whole first) now holds state the guest must resume
 * with. */
void guest_fp_written(struct guest_regs *regs);

#endif
