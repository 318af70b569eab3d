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

/* The extended vector state (AVX upper halves, AVX-512, PKRU, ...): the
 * part of a standard-format XSAVE image after its first 512 bytes, header
 * first (Intel SDM vol. 1, 13.4).  FreeBSD's signal frames carry it
 * (mc_xfpustate); 0 if the CPU has no XSAVE. */
size_t guest_fp_ext_size(void);
/* The guest's extended state into buf (guest_fp_ext_size() bytes). */
void guest_fp_ext_get(struct guest_regs *regs, void *buf);
/* Make buf (as guest_fp_ext_get wrote it, possibly changed by the guest)
 * the guest's extended state when it resumes; components the CPU does not
 * enable are dropped, the header's reserved bytes cleared. */
void guest_fp_ext_set(struct guest_regs *regs, void *buf);

#endif
