/*
 * FreeBSD <-> Linux signal converters, and the machine-context converters
 * declared in abi/freebsd/ucontext.h.  Pure functions: no system calls, no
 * global state.  Facts and their sources are in the two headers.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <signal.h>
#include <string.h>

#include "abi/freebsd/signal.h"
#include "abi/freebsd/ucontext.h"

/* FreeBSD 1..31 -> Linux (sys/sys/signal.h vs. the host's <signal.h>).
 * SIGEMT and SIGINFO have no Linux equivalent. */
static const unsigned char fbsd_to_linux_tab[32] = {
	[FBSD_SIGHUP] = SIGHUP,       [FBSD_SIGINT] = SIGINT,
	[FBSD_SIGQUIT] = SIGQUIT,     [FBSD_SIGILL] = SIGILL,
	[FBSD_SIGTRAP] = SIGTRAP,     [FBSD_SIGABRT] = SIGABRT,
	[FBSD_SIGEMT] = 0,            [FBSD_SIGFPE] = SIGFPE,
	[FBSD_SIGKILL] = SIGKILL,     [FBSD_SIGBUS] = SIGBUS,
	[FBSD_SIGSEGV] = SIGSEGV,     [FBSD_SIGSYS] = SIGSYS,
	[FBSD_SIGPIPE] = SIGPIPE,     [FBSD_SIGALRM] = SIGALRM,
	[FBSD_SIGTERM] = SIGTERM,     [FBSD_SIGURG] = SIGURG,
	[FBSD_SIGSTOP] = SIGSTOP,     [FBSD_SIGTSTP] = SIGTSTP,
	[FBSD_SIGCONT] = SIGCONT,     [FBSD_SIGCHLD] = SIGCHLD,
	[FBSD_SIGTTIN] = SIGTTIN,     [FBSD_SIGTTOU] = SIGTTOU,
	[FBSD_SIGIO] = SIGIO,         [FBSD_SIGXCPU] = SIGXCPU,
	[FBSD_SIGXFSZ] = SIGXFSZ,     [FBSD_SIGVTALRM] = SIGVTALRM,
	[FBSD_SIGPROF] = SIGPROF,     [FBSD_SIGWINCH] = SIGWINCH,
	[FBSD_SIGINFO] = 0,           [FBSD_SIGUSR1] = SIGUSR1,
	[FBSD_SIGUSR2] = SIGUSR2,
};

int fbsd_signo_to_linux(int s)
{
	if (s > 0 && s < 32)
		return fbsd_to_linux_tab[s];
	if (s == FBSD_SIGTHR)
		return FBSD_LINUX_SIGTHR;
	if (s == FBSD_SIGLIBRT)
		return FBSD_LINUX_SIGLIBRT;
	if (s >= FBSD_SIGRTMIN && s <= FBSD_SIGRTMAX) {
		int l = FBSD_LINUX_RTBASE + (s - FBSD_SIGRTMIN);
		return l < FBSD_LINUX_SIGRTMAX ? l : 0;
	}
	return 0;
}

int fbsd_signo_from_linux(int l)
{
	if (l > 0 && l < 32) {
		/* Linux-only SIGSTKFLT (16) and SIGPWR (30) fall through to 0. */
		for (int s = 1; s < 32; s++)
			if (fbsd_to_linux_tab[s] == l)
				return s;
		return 0;
	}
	if (l == FBSD_LINUX_SIGTHR)
		return FBSD_SIGTHR;
	if (l == FBSD_LINUX_SIGLIBRT)
		return FBSD_SIGLIBRT;
	if (l >= FBSD_LINUX_RTBASE && l < FBSD_LINUX_SIGRTMAX)
		return FBSD_SIGRTMIN + (l - FBSD_LINUX_RTBASE);
	return 0;
}

uint64_t fbsd_sigset_to_linux(const fbsd_sigset_t *set)
{
	uint64_t m = 0;
	for (int s = 1; s <= FBSD_SIG_MAXSIG; s++) {
		if (!fbsd_sigismember(set, s))
			continue;
		int l = fbsd_signo_to_linux(s);
		if (l > 0 && l <= 64)
			m |= 1ULL << (l - 1);
	}
	return m;
}

void fbsd_sigset_from_linux(fbsd_sigset_t *out, uint64_t m)
{
	fbsd_sigemptyset(out);
	for (int l = 1; l <= 64; l++) {
		if (!((m >> (l - 1)) & 1))
			continue;
		int s = fbsd_signo_from_linux(l);
		if (s)
			fbsd_sigaddset(out, s);
	}
}

static const struct { int fbsd; unsigned long lnx; } sa_flag_map[] = {
	{ FBSD_SA_ONSTACK, SA_ONSTACK },
	{ FBSD_SA_RESTART, SA_RESTART },
	{ FBSD_SA_RESETHAND, SA_RESETHAND },
	{ FBSD_SA_NOCLDSTOP, SA_NOCLDSTOP },
	{ FBSD_SA_NODEFER, SA_NODEFER },
	{ FBSD_SA_NOCLDWAIT, SA_NOCLDWAIT },
	{ FBSD_SA_SIGINFO, SA_SIGINFO },
};

unsigned long fbsd_sa_flags_to_linux(int f)
{
	unsigned long r = 0;
	for (size_t i = 0; i < sizeof sa_flag_map / sizeof sa_flag_map[0]; i++)
		if (f & sa_flag_map[i].fbsd)
			r |= sa_flag_map[i].lnx;
	return r;
}

int fbsd_sa_flags_from_linux(unsigned long f)
{
	int r = 0;
	for (size_t i = 0; i < sizeof sa_flag_map / sizeof sa_flag_map[0]; i++)
		if (f & sa_flag_map[i].lnx)
			r |= sa_flag_map[i].fbsd;
	return r;
}

void fbsd_sigaltstack_to_linux(stack_t *out, const struct fbsd_sigaltstack *in)
{
	memset(out, 0, sizeof *out);
	out->ss_sp = (void *)(uintptr_t)in->ss_sp;
	out->ss_size = (size_t)in->ss_size;
	if (in->ss_flags & FBSD_SS_ONSTACK)
		out->ss_flags |= SS_ONSTACK;
	if (in->ss_flags & FBSD_SS_DISABLE)
		out->ss_flags |= SS_DISABLE;
}

void fbsd_sigaltstack_from_linux(struct fbsd_sigaltstack *out, const stack_t *in)
{
	memset(out, 0, sizeof *out);
	out->ss_sp = (uint64_t)(uintptr_t)in->ss_sp;
	out->ss_size = (uint64_t)in->ss_size;
	if (in->ss_flags & SS_ONSTACK)
		out->ss_flags |= FBSD_SS_ONSTACK;
	if (in->ss_flags & SS_DISABLE)
		out->ss_flags |= FBSD_SS_DISABLE;
}

/* ---- si_code ------------------------------------------------------------ */

static int map_ill(int c)
{
	/* Linux ILL_ILLOPC..ILL_BADSTK are 1..8 with the same meanings as
	 * FreeBSD's; ILL_BADIADDR (9) has no FreeBSD twin: closest is ILLADR. */
	switch (c) {
	case ILL_ILLOPC: return FBSD_ILL_ILLOPC;
	case ILL_ILLOPN: return FBSD_ILL_ILLOPN;
	case ILL_ILLADR: return FBSD_ILL_ILLADR;
	case ILL_ILLTRP: return FBSD_ILL_ILLTRP;
	case ILL_PRVOPC: return FBSD_ILL_PRVOPC;
	case ILL_PRVREG: return FBSD_ILL_PRVREG;
	case ILL_COPROC: return FBSD_ILL_COPROC;
	case ILL_BADSTK: return FBSD_ILL_BADSTK;
	default:         return FBSD_ILL_ILLADR;
	}
}

static int map_fpe(int c)
{
	switch (c) {
	case FPE_INTDIV: return FBSD_FPE_INTDIV;   /* Linux 1 -> FreeBSD 2 */
	case FPE_INTOVF: return FBSD_FPE_INTOVF;   /* Linux 2 -> FreeBSD 1 */
	case FPE_FLTDIV: return FBSD_FPE_FLTDIV;
	case FPE_FLTOVF: return FBSD_FPE_FLTOVF;
	case FPE_FLTUND: return FBSD_FPE_FLTUND;
	case FPE_FLTRES: return FBSD_FPE_FLTRES;
	case FPE_FLTINV: return FBSD_FPE_FLTINV;
	case FPE_FLTSUB: return FBSD_FPE_FLTSUB;
	default:         return FBSD_FPE_FLTINV;   /* FLTUNK, CONDTRAP, ... */
	}
}

static int map_segv(int c)
{
	switch (c) {
	case SEGV_MAPERR: return FBSD_SEGV_MAPERR;
	case SEGV_ACCERR: return FBSD_SEGV_ACCERR;
	default:          return FBSD_SEGV_ACCERR;  /* BNDERR, PKUERR, ... */
	}
}

static int map_bus(int c)
{
	switch (c) {
	case BUS_ADRALN: return FBSD_BUS_ADRALN;
	case BUS_ADRERR: return FBSD_BUS_ADRERR;
	case BUS_OBJERR: return FBSD_BUS_OBJERR;
	default:         return FBSD_BUS_OBJERR;   /* MCEERR_AR/AO */
	}
}

static int map_trap(int c)
{
	switch (c) {
	case TRAP_BRKPT: return FBSD_TRAP_BRKPT;
	case TRAP_TRACE: return FBSD_TRAP_TRACE;
	default:         return FBSD_TRAP_TRACE;   /* BRANCH, HWBKPT, ... */
	}
}

int fbsd_si_code_from_linux(int linux_sig, int code)
{
	if (code <= 0 || code == SI_KERNEL) {
		switch (code) {
		case SI_USER:    return FBSD_SI_USER;
		case SI_QUEUE:   return FBSD_SI_QUEUE;
		case SI_TIMER:   return FBSD_SI_TIMER;
		case SI_MESGQ:   return FBSD_SI_MESGQ;
		case SI_ASYNCIO: return FBSD_SI_ASYNCIO;
		case SI_TKILL:   return FBSD_SI_LWP;
		case SI_KERNEL:
			/* Linux/x86 reports int3 as SIGTRAP/SI_KERNEL. */
			return linux_sig == SIGTRAP ? FBSD_TRAP_BRKPT : FBSD_SI_KERNEL;
		default:         return FBSD_SI_KERNEL; /* SI_SIGIO, SI_DETHREAD, ... */
		}
	}
	switch (linux_sig) {
	case SIGILL:  return map_ill(code);
	case SIGFPE:  return map_fpe(code);
	case SIGSEGV: return map_segv(code);
	case SIGBUS:  return map_bus(code);
	case SIGTRAP: return map_trap(code);
	/* CLD_* 1..6 and POLL_* 1..6 have identical values on both systems. */
	case SIGCHLD: return code;
	case SIGIO:   return code;
	default:      return code;
	}
}

static int is_fault_signal(int l)
{
	return l == SIGILL || l == SIGFPE || l == SIGSEGV || l == SIGBUS ||
	       l == SIGTRAP;
}

void fbsd_siginfo_from_linux(struct fbsd_siginfo *out, const siginfo_t *in)
{
	memset(out, 0, sizeof *out);
	int l = in->si_signo;
	int code = in->si_code;

	out->si_signo = fbsd_signo_from_linux(l);
	out->si_errno = 0;
	out->si_code = fbsd_si_code_from_linux(l, code);

	if (code <= 0) {
		/* Sent by a process: _kill / _rt / _timer arms of Linux's union. */
		if (code == SI_TIMER) {
			out->_reason._timer._timerid = in->si_timerid;
			out->_reason._timer._overrun = in->si_overrun;
			out->fsi_value.sival_ptr = (uint64_t)(uintptr_t)in->si_value.sival_ptr;
		} else {
			out->fsi_pid = in->si_pid;
			out->fsi_uid = in->si_uid;
			if (code == SI_QUEUE || code == SI_MESGQ || code == SI_ASYNCIO)
				out->fsi_value.sival_ptr =
				    (uint64_t)(uintptr_t)in->si_value.sival_ptr;
		}
		return;
	}

	if (l == SIGCHLD) {
		out->fsi_pid = in->si_pid;
		out->fsi_uid = in->si_uid;
		if (code == CLD_EXITED)
			out->fsi_status = in->si_status;
		else
			out->fsi_status = fbsd_signo_from_linux(in->si_status);
		return;
	}
	if (is_fault_signal(l)) {
		out->fsi_addr = (uint64_t)(uintptr_t)in->si_addr;
		return;
	}
	if (l == SIGIO) {
		out->_reason._poll._band = in->si_band;
		return;
	}
}

/* ---- machine context ---------------------------------------------------- */

int fbsd_trapno_from_x86_vector(int v)
{
	/* Vector order of the IDT (Intel SDM vol. 3 table 6-1) against the
	 * T_* code each FreeBSD IDTVEC stub pushes. */
	static const unsigned char tab[20] = {
		[0] = FBSD_T_DIVIDE,     /* #DE */
		[1] = FBSD_T_TRCTRAP,    /* #DB */
		[2] = FBSD_T_NMI,
		[3] = FBSD_T_BPTFLT,     /* #BP (int3) */
		[4] = FBSD_T_OFLOW,      /* #OF */
		[5] = FBSD_T_BOUND,      /* #BR */
		[6] = FBSD_T_PRIVINFLT,  /* #UD */
		[7] = FBSD_T_DNA,        /* #NM */
		[8] = FBSD_T_DOUBLEFLT,  /* #DF */
		[9] = FBSD_T_FPOPFLT,    /* coprocessor segment overrun */
		[10] = FBSD_T_TSSFLT,    /* #TS */
		[11] = FBSD_T_SEGNPFLT,  /* #NP */
		[12] = FBSD_T_STKFLT,    /* #SS */
		[13] = FBSD_T_PROTFLT,   /* #GP */
		[14] = FBSD_T_PAGEFLT,   /* #PF */
		[15] = FBSD_T_RESERVED,
		[16] = FBSD_T_ARITHTRAP, /* #MF (x87) */
		[17] = FBSD_T_ALIGNFLT,  /* #AC */
		[18] = FBSD_T_MCHK,      /* #MC */
		[19] = FBSD_T_XMMFLT,    /* #XM (SSE) */
	};
	if (v < 0 || v >= (int)sizeof tab)
		return FBSD_T_RESERVED;
	return tab[v];
}

void fbsd_mcontext_from_linux(struct fbsd_mcontext *out, const mcontext_t *in,
			      uint64_t fsbase)
{
	const greg_t *g = in->gregs;

	memset(out, 0, sizeof *out);
	out->mc_rdi = (uint64_t)g[REG_RDI];
	out->mc_rsi = (uint64_t)g[REG_RSI];
	out->mc_rdx = (uint64_t)g[REG_RDX];
	out->mc_rcx = (uint64_t)g[REG_RCX];
	out->mc_r8 = (uint64_t)g[REG_R8];
	out->mc_r9 = (uint64_t)g[REG_R9];
	out->mc_rax = (uint64_t)g[REG_RAX];
	out->mc_rbx = (uint64_t)g[REG_RBX];
	out->mc_rbp = (uint64_t)g[REG_RBP];
	out->mc_r10 = (uint64_t)g[REG_R10];
	out->mc_r11 = (uint64_t)g[REG_R11];
	out->mc_r12 = (uint64_t)g[REG_R12];
	out->mc_r13 = (uint64_t)g[REG_R13];
	out->mc_r14 = (uint64_t)g[REG_R14];
	out->mc_r15 = (uint64_t)g[REG_R15];
	out->mc_rip = (uint64_t)g[REG_RIP];
	out->mc_rsp = (uint64_t)g[REG_RSP];
	out->mc_rflags = (uint64_t)g[REG_EFL];
	out->mc_trapno = (uint32_t)fbsd_trapno_from_x86_vector((int)g[REG_TRAPNO]);
	out->mc_err = (uint64_t)g[REG_ERR];
	out->mc_addr = (uint64_t)g[REG_CR2];

	out->mc_cs = FBSD_UCODESEL;
	out->mc_ss = FBSD_UDATASEL;
	out->mc_ds = FBSD_UDATASEL;
	out->mc_es = FBSD_UDATASEL;
	out->mc_fs = FBSD_UFSSEL;
	out->mc_gs = FBSD_UGSSEL;
	out->mc_flags = FBSD_MC_HASSEGS | FBSD_MC_HASBASES;
	out->mc_fsbase = fsbase;
	out->mc_gsbase = 0;
	out->mc_len = (int64_t)sizeof(struct fbsd_mcontext);

	out->mc_fpformat = FBSD_MC_FPFMT_XMM;
	if (in->fpregs != NULL) {
		memcpy(out->mc_fpstate, in->fpregs, FBSD_FXSAVE_ARCH_SIZE);
		out->mc_ownedfp = FBSD_MC_FPOWNED_FPU;
	} else {
		out->mc_ownedfp = FBSD_MC_FPOWNED_NONE;
	}
}

void fbsd_mcontext_to_linux(mcontext_t *out, const struct fbsd_mcontext *in)
{
	greg_t *g = out->gregs;

	g[REG_RDI] = (greg_t)in->mc_rdi;
	g[REG_RSI] = (greg_t)in->mc_rsi;
	g[REG_RDX] = (greg_t)in->mc_rdx;
	g[REG_RCX] = (greg_t)in->mc_rcx;
	g[REG_R8] = (greg_t)in->mc_r8;
	g[REG_R9] = (greg_t)in->mc_r9;
	g[REG_RAX] = (greg_t)in->mc_rax;
	g[REG_RBX] = (greg_t)in->mc_rbx;
	g[REG_RBP] = (greg_t)in->mc_rbp;
	g[REG_R10] = (greg_t)in->mc_r10;
	g[REG_R11] = (greg_t)in->mc_r11;
	g[REG_R12] = (greg_t)in->mc_r12;
	g[REG_R13] = (greg_t)in->mc_r13;
	g[REG_R14] = (greg_t)in->mc_r14;
	g[REG_R15] = (greg_t)in->mc_r15;
	g[REG_RIP] = (greg_t)in->mc_rip;
	g[REG_RSP] = (greg_t)in->mc_rsp;
	g[REG_EFL] = (greg_t)(((uint64_t)g[REG_EFL] & ~(uint64_t)FBSD_PSL_USERCHANGE) |
			      (in->mc_rflags & FBSD_PSL_USERCHANGE));

	if (in->mc_fpformat == FBSD_MC_FPFMT_XMM &&
	    (in->mc_ownedfp == FBSD_MC_FPOWNED_FPU ||
	     in->mc_ownedfp == FBSD_MC_FPOWNED_PCB) &&
	    out->fpregs != NULL) {
		unsigned char *dst = (unsigned char *)out->fpregs;
		uint32_t mxcsr;

		memcpy(dst, in->mc_fpstate, FBSD_FXSAVE_ARCH_SIZE);
		memcpy(&mxcsr, dst + FBSD_FXSAVE_MXCSR_OFF, sizeof mxcsr);
		mxcsr &= FBSD_MXCSR_MASK_DEFAULT;
		memcpy(dst + FBSD_FXSAVE_MXCSR_OFF, &mxcsr, sizeof mxcsr);
	}
}

int fbsd_mcontext_check(const struct fbsd_mcontext *mc, uint64_t cur_rflags,
			uint32_t flag_mask)
{
	if ((mc->mc_flags & ~flag_mask) != 0)
		return FBSD_MC_BAD_FLAGS;
	if (((mc->mc_rflags ^ cur_rflags) & ~(uint64_t)FBSD_PSL_USERCHANGE) != 0)
		return FBSD_MC_BAD_RFLAGS;
	if ((mc->mc_cs & 3) != FBSD_SEL_UPL)
		return FBSD_MC_BAD_CS;
	/* set_fpcontext(): NODEV is accepted (nothing restored); otherwise the
	 * format must be XMM and the owner NONE, FPU or PCB. */
	if (mc->mc_fpformat != FBSD_MC_FPFMT_NODEV) {
		if (mc->mc_fpformat != FBSD_MC_FPFMT_XMM)
			return FBSD_MC_BAD_FPFORMAT;
		if (mc->mc_ownedfp != FBSD_MC_FPOWNED_NONE &&
		    mc->mc_ownedfp != FBSD_MC_FPOWNED_FPU &&
		    mc->mc_ownedfp != FBSD_MC_FPOWNED_PCB)
			return FBSD_MC_BAD_FPFORMAT;
	}
	return FBSD_MC_OK;
}
