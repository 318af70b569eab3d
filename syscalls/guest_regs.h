/* The guest's registers, as every handler sees them, whichever way the call
 * came in (a Syscall User Dispatch SIGSYS, a rewritten syscall site, later
 * seccomp or ptrace).  Handlers read and write these fields and nothing
 * else of the interrupted context.
 *
 * The layout is that of Linux's x86-64 mcontext_t (<sys/ucontext.h>:
 * gregs[NGREG] in REG_* order, then the fpregs pointer), so the signal
 * backends hand over the kernel's frame without copying and the abi/
 * converters, written against mcontext_t, take it as is
 * (guest_regs_mcontext). */
#ifndef PERSONA_SYSCALLS_GUEST_REGS_H
#define PERSONA_SYSCALLS_GUEST_REGS_H
#include <stddef.h>
#include <stdint.h>
#include <ucontext.h>

struct guest_regs {
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
    uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, rflags;
    uint64_t csgsfs, err, trapno, oldmask, cr2;
    /* The x87/SSE state in FXSAVE layout (512 bytes), or NULL.  Read it
     * only after guest_fp_prepare, and call guest_fp_written after
     * changing it (syscalls/fpstate.h). */
    void *fpregs;
    uint64_t fp_flags;      /* GUEST_FP_* (fpstate.c); 0 in a kernel frame */
    uint64_t reserved[7];
};

#define GUEST_REGS_AT(field, reg) \
    _Static_assert(offsetof(struct guest_regs, field) == (reg) * 8, "guest_regs." #field)
GUEST_REGS_AT(r8, REG_R8);   GUEST_REGS_AT(r15, REG_R15);
GUEST_REGS_AT(rdi, REG_RDI); GUEST_REGS_AT(rsi, REG_RSI);
GUEST_REGS_AT(rbp, REG_RBP); GUEST_REGS_AT(rbx, REG_RBX);
GUEST_REGS_AT(rdx, REG_RDX); GUEST_REGS_AT(rax, REG_RAX);
GUEST_REGS_AT(rcx, REG_RCX); GUEST_REGS_AT(rsp, REG_RSP);
GUEST_REGS_AT(rip, REG_RIP); GUEST_REGS_AT(rflags, REG_EFL);
GUEST_REGS_AT(csgsfs, REG_CSGSFS); GUEST_REGS_AT(err, REG_ERR);
GUEST_REGS_AT(trapno, REG_TRAPNO); GUEST_REGS_AT(cr2, REG_CR2);
#undef GUEST_REGS_AT
_Static_assert(offsetof(struct guest_regs, fpregs) == offsetof(mcontext_t, fpregs), "guest_regs.fpregs");
_Static_assert(sizeof(struct guest_regs) == sizeof(mcontext_t), "guest_regs is an mcontext_t");
_Static_assert(offsetof(struct guest_regs, fp_flags) == 192, "door.S: GR_FPFLAGS");

#define RFLAGS_CF 0x1ULL     /* carry: the BSDs' syscall error flag */
#define RFLAGS_TF 0x100ULL
#define RFLAGS_DF 0x400ULL

static inline struct guest_regs *guest_regs_of(ucontext_t *uc)
{
    return (struct guest_regs *)&uc->uc_mcontext;
}
static inline mcontext_t *guest_regs_mcontext(struct guest_regs *r)
{
    return (mcontext_t *)r;
}
static inline const mcontext_t *guest_regs_mcontext_const(const struct guest_regs *r)
{
    return (const mcontext_t *)r;
}

#endif
