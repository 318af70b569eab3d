/* Unit tests for abi/freebsd/ucontext.h (converters live in signal.c). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <stddef.h>
#include <string.h>
#include <ucontext.h>

#include "abi/freebsd/ucontext.h"

Test(ucontext, mcontext_layout)
{
	/* numbers worked out from sys/x86/include/ucontext.h (amd64) */
	cr_assert_eq(sizeof(struct fbsd_mcontext), 800);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_onstack), 0);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_rdi), 8);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_rsi), 16);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_rdx), 24);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_rcx), 32);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_r8), 40);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_r9), 48);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_rax), 56);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_rbx), 64);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_rbp), 72);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_r10), 80);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_r15), 120);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_trapno), 128);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_fs), 132);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_gs), 134);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_addr), 136);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_flags), 144);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_es), 148);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_ds), 150);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_err), 152);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_rip), 0xa0);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_cs), 168);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_rflags), 176);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_rsp), 184);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_ss), 192);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_len), 200);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_fpformat), 208);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_ownedfp), 216);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_fpstate), 224);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_fsbase), 736);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_gsbase), 744);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_xfpustate), 752);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_xfpustate_len), 760);
	cr_assert_eq(offsetof(struct fbsd_mcontext, mc_spare), 768);
	cr_assert_eq(_Alignof(struct fbsd_mcontext), 16);
}

Test(ucontext, ucontext_and_sigframe_layout)
{
	cr_assert_eq(sizeof(struct fbsd_ucontext), 880);
	cr_assert_eq(offsetof(struct fbsd_ucontext, uc_sigmask), 0);
	cr_assert_eq(offsetof(struct fbsd_ucontext, uc_mcontext), 16);
	cr_assert_eq(offsetof(struct fbsd_ucontext, uc_mcontext.mc_rip), 0xb0);
	cr_assert_eq(offsetof(struct fbsd_ucontext, uc_mcontext.mc_rsp), 200);
	cr_assert_eq(offsetof(struct fbsd_ucontext, uc_link), 816);
	cr_assert_eq(offsetof(struct fbsd_ucontext, uc_stack), 824);
	cr_assert_eq(offsetof(struct fbsd_ucontext, uc_flags), 848);
	cr_assert_eq(offsetof(struct fbsd_ucontext, __spare__), 852);

	cr_assert_eq(sizeof(struct fbsd_sigframe), 976);
	cr_assert_eq(sizeof(struct fbsd_sigframe) % 16, 0);
	cr_assert_eq(offsetof(struct fbsd_sigframe, sf_ahu), 0);
	cr_assert_eq(offsetof(struct fbsd_sigframe, sf_uc), 16);
	cr_assert_eq(offsetof(struct fbsd_sigframe, sf_si), 896);
	cr_assert_eq(offsetof(struct fbsd_sigframe, sf_uc.uc_mcontext.mc_fpstate) % 16, 0);
}

Test(ucontext, constants)
{
	cr_assert_eq(FBSD_MC_FPFMT_XMM, 0x10002);
	cr_assert_eq(FBSD_MC_FPOWNED_FPU, 0x20001);
	cr_assert_eq(FBSD_UCODESEL, 0x43);
	cr_assert_eq(FBSD_UDATASEL, 0x3b);
	cr_assert_eq(FBSD_PSL_USERCHANGE, 0x254dd5);
	cr_assert_eq(FBSD_PSL_USERCHANGE & 0xfff, 0xdd5);
}

Test(ucontext, trapno)
{
	cr_assert_eq(fbsd_trapno_from_x86_vector(14), FBSD_T_PAGEFLT);
	cr_assert_eq(fbsd_trapno_from_x86_vector(13), FBSD_T_PROTFLT);
	cr_assert_eq(fbsd_trapno_from_x86_vector(6), FBSD_T_PRIVINFLT);
	cr_assert_eq(fbsd_trapno_from_x86_vector(0), FBSD_T_DIVIDE);
	cr_assert_eq(fbsd_trapno_from_x86_vector(3), FBSD_T_BPTFLT);
	cr_assert_eq(fbsd_trapno_from_x86_vector(1), FBSD_T_TRCTRAP);
	cr_assert_eq(fbsd_trapno_from_x86_vector(19), FBSD_T_XMMFLT);
	cr_assert_eq(fbsd_trapno_from_x86_vector(17), FBSD_T_ALIGNFLT);
	cr_assert_eq(fbsd_trapno_from_x86_vector(-1), FBSD_T_RESERVED);
	cr_assert_eq(fbsd_trapno_from_x86_vector(200), FBSD_T_RESERVED);
}

static void fill_linux(mcontext_t *mc, struct _libc_fpstate *fp)
{
	memset(mc, 0, sizeof *mc);
	for (int i = 0; i < NGREG; i++)
		mc->gregs[i] = (greg_t)(0x1000 + i * 0x11);
	mc->gregs[REG_EFL] = 0x246;            /* IF | ZF | PF | reserved */
	mc->gregs[REG_CSGSFS] = 0x33;          /* Linux cs */
	mc->gregs[REG_TRAPNO] = 14;
	mc->gregs[REG_ERR] = 6;
	mc->gregs[REG_CR2] = 0xbadc0de;
	if (fp) {
		unsigned char *b = (unsigned char *)fp;
		for (size_t i = 0; i < sizeof *fp; i++)
			b[i] = (unsigned char)(i * 7 + 3);
		fp->mxcsr = 0x1f80;
		fp->mxcr_mask = 0xffff;
	}
	mc->fpregs = fp;
}

Test(ucontext, from_linux)
{
	mcontext_t lm;
	struct _libc_fpstate fp;
	fill_linux(&lm, &fp);
	cr_assert_eq(sizeof fp, FBSD_FXSAVE_SIZE);

	struct fbsd_mcontext m;
	fbsd_mcontext_from_linux(&m, &lm, 0x7fff0000);
	cr_assert_eq(m.mc_rdi, (uint64_t)lm.gregs[REG_RDI]);
	cr_assert_eq(m.mc_rsi, (uint64_t)lm.gregs[REG_RSI]);
	cr_assert_eq(m.mc_rax, (uint64_t)lm.gregs[REG_RAX]);
	cr_assert_eq(m.mc_r8, (uint64_t)lm.gregs[REG_R8]);
	cr_assert_eq(m.mc_r15, (uint64_t)lm.gregs[REG_R15]);
	cr_assert_eq(m.mc_rip, (uint64_t)lm.gregs[REG_RIP]);
	cr_assert_eq(m.mc_rsp, (uint64_t)lm.gregs[REG_RSP]);
	cr_assert_eq(m.mc_rflags, 0x246);
	cr_assert_eq(m.mc_trapno, FBSD_T_PAGEFLT);
	cr_assert_eq(m.mc_err, 6);
	cr_assert_eq(m.mc_addr, 0xbadc0de);
	cr_assert_eq(m.mc_cs, 0x43);
	cr_assert_eq(m.mc_ss, 0x3b);
	cr_assert_eq(m.mc_ds, 0x3b);
	cr_assert_eq(m.mc_es, 0x3b);
	cr_assert_eq(m.mc_fs, FBSD_UFSSEL);
	cr_assert_eq(m.mc_gs, FBSD_UGSSEL);
	cr_assert_eq(m.mc_flags, FBSD_MC_HASSEGS | FBSD_MC_HASBASES);
	cr_assert_eq(m.mc_fsbase, 0x7fff0000);
	cr_assert_eq(m.mc_len, 800);
	cr_assert_eq(m.mc_onstack, 0);
	cr_assert_eq(m.mc_fpformat, FBSD_MC_FPFMT_XMM);
	cr_assert_eq(m.mc_ownedfp, FBSD_MC_FPOWNED_FPU);
	cr_assert_eq(memcmp(m.mc_fpstate, &fp, FBSD_FXSAVE_ARCH_SIZE), 0);
	const unsigned char *tail = (const unsigned char *)m.mc_fpstate + FBSD_FXSAVE_ARCH_SIZE;
	for (int i = 0; i < FBSD_FXSAVE_SIZE - FBSD_FXSAVE_ARCH_SIZE; i++)
		cr_assert_eq(tail[i], 0, "reserved fxsave byte %d leaked", i);
	cr_assert_eq(m.mc_xfpustate, 0);
	cr_assert_eq(fbsd_mcontext_check(&m, 0x246, FBSD_MC_FLAG_MASK_14), FBSD_MC_OK);

	/* no FP state */
	lm.fpregs = NULL;
	fbsd_mcontext_from_linux(&m, &lm, 0);
	cr_assert_eq(m.mc_ownedfp, FBSD_MC_FPOWNED_NONE);
	cr_assert_eq(m.mc_fpformat, FBSD_MC_FPFMT_XMM);
}

Test(ucontext, round_trip)
{
	mcontext_t lm;
	struct _libc_fpstate fp;
	fill_linux(&lm, &fp);

	struct fbsd_mcontext m;
	fbsd_mcontext_from_linux(&m, &lm, 0);

	/* the guest handler edits its context */
	m.mc_rax = 0xaaaa;
	m.mc_rip = 0x401000;
	m.mc_rsp = 0x7ffffff0;
	m.mc_rflags = 0x246 | FBSD_PSL_C | FBSD_PSL_D;
	unsigned char *fx = (unsigned char *)m.mc_fpstate;
	fx[160] = 0x5a;                          /* xmm0 byte 0 */

	mcontext_t back;
	struct _libc_fpstate fp2;
	fill_linux(&back, &fp2);
	memset(&fp2, 0xee, sizeof fp2);
	back.gregs[REG_EFL] = 0x202;
	fbsd_mcontext_to_linux(&back, &m);

	cr_assert_eq(back.gregs[REG_RAX], 0xaaaa);
	cr_assert_eq(back.gregs[REG_RIP], 0x401000);
	cr_assert_eq(back.gregs[REG_RSP], 0x7ffffff0);
	cr_assert_eq(back.gregs[REG_RDI], lm.gregs[REG_RDI]);
	cr_assert_eq(back.gregs[REG_RBP], lm.gregs[REG_RBP]);
	cr_assert_eq(back.gregs[REG_R12], lm.gregs[REG_R12]);
	cr_assert_eq(back.gregs[REG_EFL], 0x246 | FBSD_PSL_C | FBSD_PSL_D);
	cr_assert_eq(back.gregs[REG_CSGSFS], 0x33, "host cs must be kept");
	cr_assert_eq(memcmp(&fp2, m.mc_fpstate, FBSD_FXSAVE_ARCH_SIZE), 0);
	cr_assert_eq(((unsigned char *)&fp2)[160], 0x5a);
	cr_assert_eq(fp2.mxcsr, 0x1f80);
	/* host's software-reserved bytes untouched */
	const unsigned char *t = (const unsigned char *)&fp2 + FBSD_FXSAVE_ARCH_SIZE;
	for (int i = 0; i < FBSD_FXSAVE_SIZE - FBSD_FXSAVE_ARCH_SIZE; i++)
		cr_assert_eq(t[i], 0xee);

	/* and the registers survive a full second trip */
	struct fbsd_mcontext m2;
	back.fpregs = &fp2;
	fbsd_mcontext_from_linux(&m2, &back, 0);
	cr_assert_eq(m2.mc_rax, 0xaaaa);
	cr_assert_eq(m2.mc_rip, 0x401000);
	cr_assert_eq(memcmp(m2.mc_fpstate, m.mc_fpstate, FBSD_FXSAVE_SIZE), 0);
}

Test(ucontext, to_linux_masks)
{
	mcontext_t lm;
	struct _libc_fpstate fp;
	fill_linux(&lm, &fp);
	struct fbsd_mcontext m;
	fbsd_mcontext_from_linux(&m, &lm, 0);

	/* privileged rflags bits (IOPL, IF, VM) may not be set from the guest */
	m.mc_rflags = 0x3000 | 0x20000 | FBSD_PSL_AC | FBSD_PSL_T;
	lm.gregs[REG_EFL] = 0x202;
	uint32_t mx = 0xffffffff;
	memcpy((unsigned char *)m.mc_fpstate + FBSD_FXSAVE_MXCSR_OFF, &mx, 4);
	fbsd_mcontext_to_linux(&lm, &m);
	cr_assert_eq(lm.gregs[REG_EFL], 0x202 | FBSD_PSL_AC | FBSD_PSL_T);
	cr_assert_eq(fp.mxcsr, 0xffbf);

	/* ownedfp NONE: FP image not copied */
	memset(&fp, 0x11, sizeof fp);
	m.mc_ownedfp = FBSD_MC_FPOWNED_NONE;
	fbsd_mcontext_to_linux(&lm, &m);
	cr_assert_eq(((unsigned char *)&fp)[0], 0x11);

	/* NULL fpregs is fine */
	lm.fpregs = NULL;
	m.mc_ownedfp = FBSD_MC_FPOWNED_FPU;
	fbsd_mcontext_to_linux(&lm, &m);
}

Test(ucontext, sigreturn_checks)
{
	mcontext_t lm;
	fill_linux(&lm, NULL);
	struct fbsd_mcontext m;
	fbsd_mcontext_from_linux(&m, &lm, 0);
	uint64_t cur = 0x246;

	cr_assert_eq(fbsd_mcontext_check(&m, cur, FBSD_MC_FLAG_MASK_14), FBSD_MC_OK);
	m.mc_rflags = cur | FBSD_PSL_C | FBSD_PSL_ID;
	cr_assert_eq(fbsd_mcontext_check(&m, cur, FBSD_MC_FLAG_MASK_14), FBSD_MC_OK);
	m.mc_rflags = cur | 0x3000;                 /* IOPL */
	cr_assert_eq(fbsd_mcontext_check(&m, cur, FBSD_MC_FLAG_MASK_14), FBSD_MC_BAD_RFLAGS);
	m.mc_rflags = cur;
	m.mc_cs = 0x40;                             /* ring 0 */
	cr_assert_eq(fbsd_mcontext_check(&m, cur, FBSD_MC_FLAG_MASK_14), FBSD_MC_BAD_CS);
	m.mc_cs = FBSD_UCODESEL;
	m.mc_flags |= FBSD_MC_HASTLSBASE;
	cr_assert_eq(fbsd_mcontext_check(&m, cur, FBSD_MC_FLAG_MASK_14), FBSD_MC_BAD_FLAGS);
	cr_assert_eq(fbsd_mcontext_check(&m, cur, FBSD_MC_FLAG_MASK), FBSD_MC_OK);
	m.mc_fpformat = 0x10001;                    /* 387: i386 only */
	cr_assert_eq(fbsd_mcontext_check(&m, cur, FBSD_MC_FLAG_MASK), FBSD_MC_BAD_FPFORMAT);
	m.mc_fpformat = FBSD_MC_FPFMT_NODEV;
	cr_assert_eq(fbsd_mcontext_check(&m, cur, FBSD_MC_FLAG_MASK), FBSD_MC_OK);
	m.mc_fpformat = FBSD_MC_FPFMT_XMM;
	m.mc_ownedfp = 7;
	cr_assert_eq(fbsd_mcontext_check(&m, cur, FBSD_MC_FLAG_MASK), FBSD_MC_BAD_FPFORMAT);
}
