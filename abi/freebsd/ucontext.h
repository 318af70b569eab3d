/*
 * FreeBSD/amd64 machine context, user context and signal frame, plus pure
 * converters between them and the Linux host's mcontext_t.
 *
 * Layouts: sys/x86/include/ucontext.h (mcontext_t, amd64 branch),
 * sys/sys/_ucontext.h (ucontext_t), sys/amd64/include/sigframe.h (struct
 * sigframe); cross-checked with Go's runtime/defs_freebsd_amd64.go
 * (mcontext, ucontext with its 12 trailing pad bytes).
 * Frame construction facts: sendsig()/sys_sigreturn() in
 * sys/amd64/amd64/exec_machdep.c (machdep.c before FreeBSD 14).
 */
#ifndef PERSONA_ABI_FREEBSD_UCONTEXT_H
#define PERSONA_ABI_FREEBSD_UCONTEXT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/ucontext.h>   /* Linux mcontext_t */

#include "abi/freebsd/signal.h"

/* mc_flags bits (sys/x86/include/ucontext.h; "in sync with TF_XXX").
 * _MC_HASTLSBASE exists only in FreeBSD 15; FreeBSD 12-14 use the mask 0x7
 * and their sigreturn rejects any other bit. */
#define FBSD_MC_HASSEGS      0x1
#define FBSD_MC_HASBASES     0x2
#define FBSD_MC_HASFPXSTATE  0x4
#define FBSD_MC_HASTLSBASE   0x8
#define FBSD_MC_FLAG_MASK_14 (FBSD_MC_HASSEGS | FBSD_MC_HASBASES | FBSD_MC_HASFPXSTATE)
#define FBSD_MC_FLAG_MASK    (FBSD_MC_FLAG_MASK_14 | FBSD_MC_HASTLSBASE)

/* mc_fpformat / mc_ownedfp (sys/x86/include/ucontext.h) */
#define FBSD_MC_FPFMT_NODEV    0x10000
#define FBSD_MC_FPFMT_XMM      0x10002
#define FBSD_MC_FPOWNED_NONE   0x20000
#define FBSD_MC_FPOWNED_FPU    0x20001
#define FBSD_MC_FPOWNED_PCB    0x20002

/* The 512-byte FXSAVE image held in mc_fpstate (sys/x86/include/fpu.h
 * struct savefpu).  Bytes 0..415 are architected (x87/SSE control, 8 ST,
 * 16 XMM); 416..511 are reserved/software-available.  mxcsr is at 24,
 * mxcsr_mask at 28. */
#define FBSD_FXSAVE_SIZE        512
#define FBSD_FXSAVE_ARCH_SIZE   416
#define FBSD_FXSAVE_MXCSR_OFF   24
/* sys/amd64/amd64/fpu.c: cpu_mxcsr_mask defaults to 0xFFBF when the CPU
 * reports no mask; set_fpcontext()/fpusetregs() AND the guest's mxcsr with
 * it before loading.  persona always uses the conservative default. */
#define FBSD_MXCSR_MASK_DEFAULT 0xFFBFu

/* rflags bits a user may change through sigreturn: PSL_USERCHANGE in
 * sys/x86/include/psl.h = C|PF|AF|Z|N|T|D|V|NT|RF|AC|ID = 0x254dd5.
 * (0xdd5 is only its low 12 bits.)  sys_sigreturn() refuses a context with
 * EINVAL when ((new ^ old) & ~PSL_USERCHANGE) != 0 (EFL_SECURE). */
#define FBSD_PSL_C      0x00000001
#define FBSD_PSL_PF     0x00000004
#define FBSD_PSL_AF     0x00000010
#define FBSD_PSL_Z      0x00000040
#define FBSD_PSL_N      0x00000080
#define FBSD_PSL_T      0x00000100
#define FBSD_PSL_I      0x00000200
#define FBSD_PSL_D      0x00000400
#define FBSD_PSL_V      0x00000800
#define FBSD_PSL_NT     0x00004000
#define FBSD_PSL_RF     0x00010000
#define FBSD_PSL_AC     0x00040000
#define FBSD_PSL_ID     0x00200000
#define FBSD_PSL_USERCHANGE (FBSD_PSL_C | FBSD_PSL_PF | FBSD_PSL_AF | FBSD_PSL_Z | \
	FBSD_PSL_N | FBSD_PSL_T | FBSD_PSL_D | FBSD_PSL_V | FBSD_PSL_NT | \
	FBSD_PSL_RF | FBSD_PSL_AC | FBSD_PSL_ID)
#define FBSD_PSL_USER   0x00000202   /* PSL_RESERVED_DEFAULT | PSL_I */
_Static_assert(FBSD_PSL_USERCHANGE == 0x254dd5, "PSL_USERCHANGE");

/* User segment selectors a FreeBSD/amd64 process runs with.
 * GDT slots (sys/x86/include/segments.h, gdt_segs[] in
 * sys/amd64/amd64/machdep.c): GUFS32_SEL 2, GUGS32_SEL 3, GUDATA_SEL 7,
 * GUCODE_SEL 8; GSEL(s, SEL_UPL) = s << 3 | 3.  exec_setregs() loads
 * cs = _ucodesel, ss/ds/es = _udatasel, fs = _ufssel, gs = _ugssel.
 * sys_sigreturn() demands CS_SECURE(cs): (cs & 3) == SEL_UPL, or SIGBUS.
 * Linux's own values (cs 0x33, ss 0x2b) are never shown to the guest. */
#define FBSD_SEL_UPL       3
#define FBSD_GSEL(s, rpl)  (((s) << 3) | (rpl))
#define FBSD_GUFS32_SEL    2
#define FBSD_GUGS32_SEL    3
#define FBSD_GUDATA_SEL    7
#define FBSD_GUCODE_SEL    8
#define FBSD_UCODESEL      FBSD_GSEL(FBSD_GUCODE_SEL, FBSD_SEL_UPL)   /* 0x43 */
#define FBSD_UDATASEL      FBSD_GSEL(FBSD_GUDATA_SEL, FBSD_SEL_UPL)   /* 0x3b */
#define FBSD_UFSSEL        FBSD_GSEL(FBSD_GUFS32_SEL, FBSD_SEL_UPL)   /* 0x13 */
#define FBSD_UGSSEL        FBSD_GSEL(FBSD_GUGS32_SEL, FBSD_SEL_UPL)   /* 0x1b */
_Static_assert(FBSD_UCODESEL == 0x43 && FBSD_UDATASEL == 0x3b, "selectors");

/* Trap numbers as FreeBSD stores them in mc_trapno (sys/x86/include/trap.h);
 * they are NOT the x86 exception vectors Linux puts in REG_TRAPNO. */
#define FBSD_T_PRIVINFLT 1
#define FBSD_T_BPTFLT    3
#define FBSD_T_ARITHTRAP 6
#define FBSD_T_PROTFLT   9
#define FBSD_T_TRCTRAP   10
#define FBSD_T_PAGEFLT   12
#define FBSD_T_ALIGNFLT  14
#define FBSD_T_DIVIDE    18
#define FBSD_T_NMI       19
#define FBSD_T_OFLOW     20
#define FBSD_T_BOUND     21
#define FBSD_T_DNA       22
#define FBSD_T_DOUBLEFLT 23
#define FBSD_T_FPOPFLT   24
#define FBSD_T_TSSFLT    25
#define FBSD_T_SEGNPFLT  26
#define FBSD_T_STKFLT    27
#define FBSD_T_MCHK      28
#define FBSD_T_XMMFLT    29
#define FBSD_T_RESERVED  30
/* x86 exception vector -> FreeBSD T_* as the IDTVEC stubs assign them
 * (IDTVEC(div) pushes T_DIVIDE, ... in sys/amd64/amd64/exception.S).
 * Unknown vectors give T_RESERVED. */
int fbsd_trapno_from_x86_vector(int vector);

/* ---- mcontext_t (sys/x86/include/ucontext.h, __amd64__ branch) -------- */
struct fbsd_mcontext {
	uint64_t mc_onstack;      /*   0: sigcontext compat */
	uint64_t mc_rdi;          /*   8: trapframe image starts here */
	uint64_t mc_rsi;          /*  16 */
	uint64_t mc_rdx;          /*  24 */
	uint64_t mc_rcx;          /*  32 */
	uint64_t mc_r8;           /*  40 */
	uint64_t mc_r9;           /*  48 */
	uint64_t mc_rax;          /*  56 */
	uint64_t mc_rbx;          /*  64 */
	uint64_t mc_rbp;          /*  72 */
	uint64_t mc_r10;          /*  80 */
	uint64_t mc_r11;          /*  88 */
	uint64_t mc_r12;          /*  96 */
	uint64_t mc_r13;          /* 104 */
	uint64_t mc_r14;          /* 112 */
	uint64_t mc_r15;          /* 120 */
	uint32_t mc_trapno;       /* 128 */
	uint16_t mc_fs;           /* 132 */
	uint16_t mc_gs;           /* 134 */
	uint64_t mc_addr;         /* 136 */
	uint32_t mc_flags;        /* 144 */
	uint16_t mc_es;           /* 148 */
	uint16_t mc_ds;           /* 150 */
	uint64_t mc_err;          /* 152 */
	uint64_t mc_rip;          /* 160 = 0xa0 */
	uint64_t mc_cs;           /* 168 */
	uint64_t mc_rflags;       /* 176 */
	uint64_t mc_rsp;          /* 184 */
	uint64_t mc_ss;           /* 192: trapframe image ends here */
	int64_t mc_len;           /* 200: sizeof(mcontext_t), "magic" */
	int64_t mc_fpformat;      /* 208 */
	int64_t mc_ownedfp;       /* 216 */
	_Alignas(16) int64_t mc_fpstate[64]; /* 224: 512-byte FXSAVE image */
	uint64_t mc_fsbase;       /* 736 */
	uint64_t mc_gsbase;       /* 744 */
	uint64_t mc_xfpustate;    /* 752: guest address of XSAVE extension */
	uint64_t mc_xfpustate_len;/* 760 */
	union {                   /* 768 */
		uint64_t mc_spare[4]; /* FreeBSD 12-14 */
		struct {
			uint64_t mc_tlsbase;  /* FreeBSD 15 (_MC_HASTLSBASE) */
			uint64_t mc_spare3[3];
		};
	};
};
_Static_assert(sizeof(struct fbsd_mcontext) == 800, "mcontext size");
_Static_assert(_Alignof(struct fbsd_mcontext) == 16, "mcontext align");
_Static_assert(offsetof(struct fbsd_mcontext, mc_rdi) == 8, "mc_rdi");
_Static_assert(offsetof(struct fbsd_mcontext, mc_rax) == 56, "mc_rax");
_Static_assert(offsetof(struct fbsd_mcontext, mc_r15) == 120, "mc_r15");
_Static_assert(offsetof(struct fbsd_mcontext, mc_trapno) == 128, "mc_trapno");
_Static_assert(offsetof(struct fbsd_mcontext, mc_fs) == 132, "mc_fs");
_Static_assert(offsetof(struct fbsd_mcontext, mc_addr) == 136, "mc_addr");
_Static_assert(offsetof(struct fbsd_mcontext, mc_flags) == 144, "mc_flags");
_Static_assert(offsetof(struct fbsd_mcontext, mc_err) == 152, "mc_err");
_Static_assert(offsetof(struct fbsd_mcontext, mc_rip) == 0xa0, "mc_rip");
_Static_assert(offsetof(struct fbsd_mcontext, mc_cs) == 168, "mc_cs");
_Static_assert(offsetof(struct fbsd_mcontext, mc_rflags) == 176, "mc_rflags");
_Static_assert(offsetof(struct fbsd_mcontext, mc_rsp) == 184, "mc_rsp");
_Static_assert(offsetof(struct fbsd_mcontext, mc_ss) == 192, "mc_ss");
_Static_assert(offsetof(struct fbsd_mcontext, mc_len) == 200, "mc_len");
_Static_assert(offsetof(struct fbsd_mcontext, mc_fpformat) == 208, "mc_fpformat");
_Static_assert(offsetof(struct fbsd_mcontext, mc_fpstate) == 224, "mc_fpstate");
_Static_assert(offsetof(struct fbsd_mcontext, mc_fsbase) == 736, "mc_fsbase");
_Static_assert(offsetof(struct fbsd_mcontext, mc_gsbase) == 744, "mc_gsbase");
_Static_assert(offsetof(struct fbsd_mcontext, mc_xfpustate) == 752, "mc_xfpustate");
_Static_assert(offsetof(struct fbsd_mcontext, mc_spare) == 768, "mc_spare");
_Static_assert(offsetof(struct fbsd_mcontext, mc_tlsbase) == 768, "mc_tlsbase");
_Static_assert(sizeof(((struct fbsd_mcontext *)0)->mc_fpstate) == FBSD_FXSAVE_SIZE,
	       "mc_fpstate holds one FXSAVE image");

/* ---- ucontext_t (sys/sys/_ucontext.h) ---------------------------------
 * sigset @0, mcontext @16, uc_link @816, uc_stack @824, uc_flags @848,
 * __spare__[4] @852, padded to 880 by the 16-byte alignment. */
struct fbsd_ucontext {
	fbsd_sigset_t uc_sigmask;
	struct fbsd_mcontext uc_mcontext;
	uint64_t uc_link;                 /* guest address */
	struct fbsd_sigaltstack uc_stack;
	int32_t uc_flags;
	int32_t __spare__[4];
};
_Static_assert(sizeof(struct fbsd_ucontext) == 880, "ucontext size");
_Static_assert(offsetof(struct fbsd_ucontext, uc_mcontext) == 16, "uc_mcontext");
_Static_assert(offsetof(struct fbsd_ucontext, uc_link) == 816, "uc_link");
_Static_assert(offsetof(struct fbsd_ucontext, uc_stack) == 824, "uc_stack");
_Static_assert(offsetof(struct fbsd_ucontext, uc_flags) == 848, "uc_flags");
_Static_assert(offsetof(struct fbsd_ucontext, __spare__) == 852, "__spare__");
_Static_assert(offsetof(struct fbsd_ucontext, uc_mcontext.mc_rip) == 0xb0, "uc rip");

/* ---- struct sigframe (sys/amd64/include/sigframe.h) --------------------
 * What sendsig() copies out.  Its construction, for the frame builder:
 *   sp = alt-stack top if SA_ONSTACK applies, else rsp - 128 (red zone);
 *   [if XSAVE extension: sp -= len, sp &= ~63, mc_xfpustate = sp]
 *   sp -= sizeof(struct sigframe); sfp = sp & ~15;
 *   rdi = signo, rsi = &sfp->sf_si (SA_SIGINFO) or si_code (old style),
 *   rdx = &sfp->sf_uc, rcx = fault address, rsp = sfp, rip = signal
 *   trampoline, which calls sf_ahu(...) and then sigreturn(&sfp->sf_uc).
 *   mc_len = sizeof(mcontext_t); uc_stack.ss_flags reports SS_ONSTACK /
 *   SS_DISABLE of the alternate stack; mc_onstack = 1 if already on it. */
struct fbsd_sigframe {
	union {
		uint64_t sf_action;   /* void (*)(int, siginfo_t *, void *) */
		uint64_t sf_handler;  /* void (*)(int) */
	} sf_ahu;
	struct fbsd_ucontext sf_uc;
	struct fbsd_siginfo sf_si;
};
_Static_assert(sizeof(struct fbsd_sigframe) == 976, "sigframe size");
_Static_assert(offsetof(struct fbsd_sigframe, sf_ahu) == 0, "sf_ahu");
_Static_assert(offsetof(struct fbsd_sigframe, sf_uc) == 16, "sf_uc");
_Static_assert(offsetof(struct fbsd_sigframe, sf_si) == 896, "sf_si");
#define FBSD_SIGFRAME_REDZONE 128

/*
 * Linux mcontext_t -> FreeBSD mcontext.
 * Copies the 15 general registers, rip, rsp, rflags, the fault address
 * (CR2 -> mc_addr), error code and trap number (translated with
 * fbsd_trapno_from_x86_vector).  Segment fields get the FreeBSD user
 * selectors (cs 0x43, ss/ds/es 0x3b, fs 0x13, gs 0x1b), never Linux's.
 * mc_flags = HASSEGS | HASBASES, mc_fsbase = fsbase, mc_gsbase = 0,
 * mc_len = 800, mc_fpformat = XMM.  When in->fpregs is non-NULL, the
 * architected part of its FXSAVE image (bytes 0..415) is copied into
 * mc_fpstate (the rest zeroed) and mc_ownedfp = FPU; otherwise
 * mc_ownedfp = NONE.  mc_onstack is left 0 for the caller to set.
 * No XSAVE extension (AVX upper halves) is exported: mc_xfpustate = 0.
 */
void fbsd_mcontext_from_linux(struct fbsd_mcontext *out, const mcontext_t *in,
			      uint64_t fsbase);

/*
 * FreeBSD mcontext -> Linux mcontext_t, in place over a context the host
 * kernel built (so fields not named here keep the host's values).
 * Copies the 15 general registers, rip and rsp; rflags only in the
 * PSL_USERCHANGE bits.  Segment registers, trap fields and the base
 * registers are not touched (mc_fsbase is the caller's business).  When
 * mc_fpformat is XMM, mc_ownedfp is FPU or PCB and out->fpregs is non-NULL,
 * bytes 0..415 of the FXSAVE image are copied (the host's software-reserved
 * bytes 464..511, where Linux keeps its xstate magic, are kept) and mxcsr
 * is ANDed with FBSD_MXCSR_MASK_DEFAULT.
 */
void fbsd_mcontext_to_linux(mcontext_t *out, const struct fbsd_mcontext *in);

/*
 * The checks sys_sigreturn() makes before accepting a context:
 * returns 0 if acceptable, else one of the FBSD_MC_BAD_* reasons.
 * cur_rflags is the rflags the thread has now (at the sigreturn call).
 * FreeBSD answers BAD_FLAGS / BAD_RFLAGS / BAD_FPFORMAT with EINVAL and
 * BAD_CS with SIGBUS (BUS_OBJERR) plus EINVAL.  flag_mask is
 * FBSD_MC_FLAG_MASK_14 or FBSD_MC_FLAG_MASK depending on the release
 * emulated.
 */
#define FBSD_MC_OK           0
#define FBSD_MC_BAD_FLAGS    1
#define FBSD_MC_BAD_RFLAGS   2
#define FBSD_MC_BAD_CS       3
#define FBSD_MC_BAD_FPFORMAT 4
int fbsd_mcontext_check(const struct fbsd_mcontext *mc, uint64_t cur_rflags,
			uint32_t flag_mask);

#endif /* PERSONA_ABI_FREEBSD_UCONTEXT_H */
