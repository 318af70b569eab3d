/* NetBSD/amd64 ucontext_t and mcontext_t.
 *
 * Sources: NetBSD sys/sys/ucontext.h (uc_flags, uc_link, uc_sigmask,
 * uc_stack, uc_mcontext, padding to 784 bytes on amd64) and
 * sys/arch/amd64/include/mcontext.h (__gregs[_NGREG = 26] in the _REG_*
 * order, _mc_tlsbase, the 512-byte FXSAVE area __fpregs), checked against
 * Go's runtime/defs_netbsd_amd64.go (ucontextt, mcontextt, _REG_*). */
#ifndef PERSONA_ABI_NETBSD_UCONTEXT_H
#define PERSONA_ABI_NETBSD_UCONTEXT_H
#include <stddef.h>
#include <stdint.h>
#include <ucontext.h>
#include "abi/netbsd/signal.h"

enum {
    NBSD_REG_RDI, NBSD_REG_RSI, NBSD_REG_RDX, NBSD_REG_RCX, NBSD_REG_R8, NBSD_REG_R9,
    NBSD_REG_R10, NBSD_REG_R11, NBSD_REG_R12, NBSD_REG_R13, NBSD_REG_R14, NBSD_REG_R15,
    NBSD_REG_RBP, NBSD_REG_RBX, NBSD_REG_RAX, NBSD_REG_GS, NBSD_REG_FS, NBSD_REG_ES,
    NBSD_REG_DS, NBSD_REG_TRAPNO, NBSD_REG_ERR, NBSD_REG_RIP, NBSD_REG_CS,
    NBSD_REG_RFLAGS, NBSD_REG_RSP, NBSD_REG_SS, NBSD_NGREG
};
_Static_assert(NBSD_REG_RIP == 21 && NBSD_REG_RSP == 24 && NBSD_NGREG == 26, "_REG_* (mcontext.h)");

#define NBSD_UC_SIGMASK 0x00000001
#define NBSD_UC_STACK   0x00000002
#define NBSD_UC_CPU     0x00000004
#define NBSD_UC_FPU     0x00000008
#define NBSD_UC_TLSBASE 0x00080000

/* amd64 user selectors (sys/arch/amd64/include/segments.h: GSEL(GUCODE_SEL
 * 5, SEL_UPL 3) and GSEL(GUDATA_SEL 6, SEL_UPL)). */
#define NBSD_GSEL_UCODE 0x2b
#define NBSD_GSEL_UDATA 0x33

struct nbsd_mcontext {
    uint64_t gregs[NBSD_NGREG];
    uint64_t mc_tlsbase;
    uint8_t fpregs[512];   /* FXSAVE layout; 16-aligned within a 16-aligned ucontext (272) */
};
_Static_assert(sizeof(struct nbsd_mcontext) == 728, "mcontext_t");
_Static_assert(offsetof(struct nbsd_mcontext, mc_tlsbase) == 208, "_mc_tlsbase");
_Static_assert(offsetof(struct nbsd_mcontext, fpregs) == 216, "__fpregs");

struct nbsd_ucontext {
    uint32_t uc_flags;
    uint32_t pad;
    uint64_t uc_link;
    nbsd_sigset_t uc_sigmask;
    struct nbsd_stack uc_stack;
    struct nbsd_mcontext uc_mcontext;
};
_Static_assert(offsetof(struct nbsd_ucontext, uc_sigmask) == 16, "uc_sigmask");
_Static_assert(offsetof(struct nbsd_ucontext, uc_stack) == 32, "uc_stack");
_Static_assert(offsetof(struct nbsd_ucontext, uc_mcontext) == 56, "uc_mcontext");
_Static_assert(sizeof(struct nbsd_ucontext) == 784, "ucontext_t: 784 bytes on amd64");

/* The signal frame of sendsig_siginfo (sys/arch/amd64/amd64/machdep.c):
 * the return address (the trampoline), siginfo, ucontext. */
struct nbsd_sigframe_siginfo {
    uint64_t sf_ra;
    struct nbsd_siginfo sf_si;
    struct nbsd_ucontext sf_uc;
};
_Static_assert(offsetof(struct nbsd_sigframe_siginfo, sf_si) == 8, "sf_si");
_Static_assert(offsetof(struct nbsd_sigframe_siginfo, sf_uc) == 136, "sf_uc");

/* The rflags bits a context may change (PSL_USERCHANGE,
 * sys/arch/x86/include/psl.h: C P A Z N T D V AC ID... here the ones user
 * code can set: CF PF AF ZF SF TF DF OF AC). */
#define NBSD_PSL_USERCHANGE 0x40dd5ULL

/* Linux mcontext (persona's guest registers) <-> NetBSD __gregs; fpregs
 * are not touched (the caller copies the FXSAVE image). */
void nbsd_gregs_from_linux(uint64_t out[NBSD_NGREG], const mcontext_t *in);
/* Only the user-changeable rflags bits of in are taken over. */
void nbsd_gregs_to_linux(mcontext_t *out, const uint64_t in[NBSD_NGREG]);

#endif
