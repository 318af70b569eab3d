/*
 * regs.c — what a raw `syscall` leaves alone.
 *
 * regs_probe (assembly below) fills the 128-byte red zone under %rsp with a
 * pattern, loads known values into rbx, rbp, r12-r15, rdi, rsi, rdx,
 * r8-r10, xmm0-15 (optionally the upper halves of ymm0-15 too) and MXCSR,
 * sets or clears the carry flag, executes one `syscall` and stores what it
 * finds afterwards.  The checks, per call (getpid, write, clock_gettime,
 * close(-1), kill(getpid(), SIGUSR1)):
 *   - rbx, rbp, r12-r15, rdi, rsi and rdx are unchanged: on FreeBSD the
 *     C-preserved registers come back from the trap frame, rdi and rsi are
 *     restored on purpose ("bonus", fast_syscall in
 *     sys/amd64/amd64/exception.S), and rdx is the second result, which
 *     cpu_fetch_syscall_args() presets to the caller's rdx: unchanged for
 *     every call with one result;
 *   - r8, r9, r10 are unchanged or zero: FreeBSD's sysretq path zeroes them,
 *     its iretq path (after a signal, ptrace...) restores them; Linux
 *     preserves them.  Code cannot count on either;
 *   - rcx and r11 are the `syscall` instruction's own and are not checked;
 *   - xmm0-15 and MXCSR are unchanged; with AVX, the upper halves of
 *     ymm0-15 are unchanged whether the code had them in use or not;
 *   - the red zone is intact (nothing was pushed on the guest's stack);
 *   - FreeBSD: the carry flag is clear on success (it was set before the
 *     call) and set on failure with the errno in rax (it was clear before):
 *     close(-1) gives EBADF (9).  Linux reports errors as -errno and does
 *     not touch the flags: its build prints the same lines unchecked.
 * The kill sends SIGUSR1 to this process with the handler unblocked, so the
 * signal is delivered on the way out of that very syscall: the handler must
 * see the probe's registers in its context (rip just after the `syscall`,
 * rax 0, the loaded rbx/r12/xmm values, the red zone below the interrupted
 * rsp intact), then clobber xmm0-15 (and ymm, and MXCSR) before returning;
 * the interrupted code must find all of its values again.  `regs ymm-handler`
 * runs the signal part with a handler that dirties the ymm upper halves too.
 *
 * The probe's `syscall` sits right before the end of its function with int3
 * padding after it, so that persona rewrites it (the unit test test_sites
 * checks that it can; `regs site` prints whether it was); the e2e suite runs
 * this sample with rewritten sites and with --no-rewrite (the trap).
 */
#include "sys.h"

#ifdef TARGET_FREEBSD
#define SIGUSR1 30
#define SA_SIGINFO 0x40
#define EBADF_NUM 9
#else
#define SIGUSR1 10
#define SA_SIGINFO 4
#define SA_RESTORER 0x04000000
#define EBADF_NUM 9
#endif

enum { R_RBX, R_RBP, R_R12, R_R13, R_R14, R_R15, R_RDI, R_RSI, R_RDX, R_R8, R_R9, R_R10, NGPR };
static const char *const gpr_name[NGPR] = { "rbx", "rbp", "r12", "r13", "r14", "r15",
                                            "rdi", "rsi", "rdx", "r8",  "r9",  "r10" };

struct probe {
	u64 nr;                 /*    0 */
	u64 cf_in;              /*    8: carry flag before the call */
	u64 gin[NGPR];          /*   16 */
	u64 gout[NGPR];         /*  112 */
	u64 rax_out;            /*  208 */
	u64 cf_out;             /*  216 */
	u32 mxcsr_in;           /*  224 */
	u32 mxcsr_out;          /*  228 */
	u64 use_ymm;            /*  232: load whole ymm registers */
	u64 avx;                /*  240: store whole ymm registers */
	u64 pad;                /*  248 */
	u8 yin[16][32];         /*  256: low halves are the xmm values */
	u8 yout[16][32];        /*  768 */
	u64 rz_in[16];          /* 1280: the red zone, top down */
	u64 rz_out[16];         /* 1408 */
};                              /* 1536 */
_Static_assert(__builtin_offsetof(struct probe, gin) == 16, "gin");
_Static_assert(__builtin_offsetof(struct probe, gout) == 112, "gout");
_Static_assert(__builtin_offsetof(struct probe, rax_out) == 208, "rax_out");
_Static_assert(__builtin_offsetof(struct probe, mxcsr_in) == 224, "mxcsr");
_Static_assert(__builtin_offsetof(struct probe, use_ymm) == 232, "use_ymm");
_Static_assert(__builtin_offsetof(struct probe, avx) == 240, "avx");
_Static_assert(__builtin_offsetof(struct probe, yin) == 256, "yin");
_Static_assert(__builtin_offsetof(struct probe, yout) == 768, "yout");
_Static_assert(__builtin_offsetof(struct probe, rz_in) == 1280, "rz_in");
_Static_assert(__builtin_offsetof(struct probe, rz_out) == 1408, "rz_out");

void regs_probe(struct probe *p);
extern const char regs_probe_syscall[], regs_probe_after_syscall[];

/* regs_probe(p): see the top of the file.  The store half comes first in
 * the code so that the `syscall` ends the function, next to the padding. */
__asm__(
	".pushsection .text\n"
	".p2align 5, 0xcc\n"
	".globl regs_probe\n"
	".type regs_probe, @function\n"
	"regs_probe:\n"
	"	push %rbx\n"
	"	push %rbp\n"
	"	push %r12\n"
	"	push %r13\n"
	"	push %r14\n"
	"	push %r15\n"
	"	push %rdi\n"                    /* 8(%rsp): p */
	"	sub $8, %rsp\n"
	"	stmxcsr (%rsp)\n"               /* 0(%rsp): the caller's MXCSR */
	"	jmp .Lprobe_load\n"
	".Lprobe_store:\n"
	"	mov 8(%rsp), %rcx\n"            /* rcx, r11: clobbered by syscall anyway */
	"	setc %r11b\n"
	"	movzbl %r11b, %r11d\n"
	"	mov %r11, 216(%rcx)\n"
	"	mov %rax, 208(%rcx)\n"
	"	mov %rbx, 112+0*8(%rcx)\n"
	"	mov %rbp, 112+1*8(%rcx)\n"
	"	mov %r12, 112+2*8(%rcx)\n"
	"	mov %r13, 112+3*8(%rcx)\n"
	"	mov %r14, 112+4*8(%rcx)\n"
	"	mov %r15, 112+5*8(%rcx)\n"
	"	mov %rdi, 112+6*8(%rcx)\n"
	"	mov %rsi, 112+7*8(%rcx)\n"
	"	mov %rdx, 112+8*8(%rcx)\n"
	"	mov %r8, 112+9*8(%rcx)\n"
	"	mov %r9, 112+10*8(%rcx)\n"
	"	mov %r10, 112+11*8(%rcx)\n"
	"	stmxcsr 228(%rcx)\n"
	"	.irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
	"	mov -8-8*\\i(%rsp), %rax\n"
	"	mov %rax, 1408+8*\\i(%rcx)\n"
	"	.endr\n"
	"	cmpq $0, 240(%rcx)\n"
	"	je 1f\n"
	"	.irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
	"	vmovdqu %ymm\\i, 768+32*\\i(%rcx)\n"
	"	.endr\n"
	"	vzeroupper\n"
	"	jmp 2f\n"
	"1:\n"
	"	.irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
	"	movdqu %xmm\\i, 768+32*\\i(%rcx)\n"
	"	.endr\n"
	"2:\n"
	"	ldmxcsr (%rsp)\n"
	"	add $16, %rsp\n"
	"	pop %r15\n"
	"	pop %r14\n"
	"	pop %r13\n"
	"	pop %r12\n"
	"	pop %rbp\n"
	"	pop %rbx\n"
	"	ret\n"
	".Lprobe_load:\n"
	"	.irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
	"	mov 1280+8*\\i(%rdi), %rax\n"
	"	mov %rax, -8-8*\\i(%rsp)\n"
	"	.endr\n"
	"	cmpq $0, 232(%rdi)\n"
	"	je 1f\n"
	"	.irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
	"	vmovdqu 256+32*\\i(%rdi), %ymm\\i\n"
	"	.endr\n"
	"	jmp 2f\n"
	"1:\n"
	"	.irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
	"	movdqu 256+32*\\i(%rdi), %xmm\\i\n"
	"	.endr\n"
	"2:\n"
	"	ldmxcsr 224(%rdi)\n"
	"	mov 16+0*8(%rdi), %rbx\n"
	"	mov 16+1*8(%rdi), %rbp\n"
	"	mov 16+2*8(%rdi), %r12\n"
	"	mov 16+3*8(%rdi), %r13\n"
	"	mov 16+4*8(%rdi), %r14\n"
	"	mov 16+5*8(%rdi), %r15\n"
	"	mov 16+7*8(%rdi), %rsi\n"
	"	mov 16+8*8(%rdi), %rdx\n"
	"	mov 16+9*8(%rdi), %r8\n"
	"	mov 16+10*8(%rdi), %r9\n"
	"	mov 16+11*8(%rdi), %r10\n"
	"	cmpq $0, 8(%rdi)\n"
	"	je 3f\n"
	"	stc\n"
	"	jmp 4f\n"
	"3:	clc\n"
	"4:	mov 0(%rdi), %rax\n"            /* mov leaves the flags alone */
	"	mov 16+6*8(%rdi), %rdi\n"
	".globl regs_probe_syscall\n"
	"regs_probe_syscall:\n"
	"	syscall\n"
	".globl regs_probe_after_syscall\n"
	"regs_probe_after_syscall:\n"
	"	jmp .Lprobe_store\n"
	".size regs_probe, .-regs_probe\n"
	"	.fill 24, 1, 0xcc\n"            /* padding: room for the rewrite's jump */
	".type regs_probe_end, @function\n"
	"regs_probe_end:\n"
	"	ret\n"
	".size regs_probe_end, .-regs_probe_end\n"
	".popsection\n");

#ifdef TARGET_LINUX
void regs_restorer(void);
__asm__(".pushsection .text\n"
	".type regs_restorer, @function\n"
	"regs_restorer:\n"
	"	mov $15, %eax\n"                /* rt_sigreturn */
	"	syscall\n"
	"	hlt\n"
	".size regs_restorer, .-regs_restorer\n"
	".popsection\n");
#endif

static int have_avx(void)
{
	unsigned a, b, c, d;
	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
	if (!(c & (1u << 28)) || !(c & (1u << 27)))     /* AVX, OSXSAVE */
		return 0;
	unsigned lo, hi;
	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return (lo & 6) == 6;                            /* XCR0: SSE and AVX state */
}

static struct probe P;
static int avx;
static int failures;

static void fail(const char *call, const char *what)
{
	put_str("FAIL ");
	put_str(call);
	put_str(": ");
	put_str(what);
	put_str("\n");
	failures++;
}

/* "FAIL call: what 0 3 15" for the registers in mask. */
static void fail_regs(const char *call, const char *what, unsigned mask)
{
	put_str("FAIL ");
	put_str(call);
	put_str(": ");
	put_str(what);
	for (int i = 0; i < 16; i++)
		if (mask & (1u << i)) {
			put_str(" ");
			put_num(i);
		}
	put_str("\n");
	failures++;
}

static u64 mix(u64 x)
{
	x ^= x >> 31;
	x *= 0x7fb5d329728ea185UL;
	x ^= x >> 27;
	x *= 0x81dadef4bc2dd44dUL;
	return x ^ (x >> 33);
}

/* Fresh patterns for one call; seed keeps the calls apart. */
static void fill_probe(u64 seed, long nr, int cf, int use_ymm)
{
	memset(&P, 0, sizeof P);
	P.nr = (u64)nr;
	P.cf_in = (u64)cf;
	for (int i = 0; i < NGPR; i++)
		P.gin[i] = mix(seed * 100 + (u64)i + 1);
	for (int i = 0; i < 16; i++)
		for (int k = 0; k < 32; k += 8) {
			u64 v = mix(seed * 1000 + (u64)i * 4 + (u64)k / 8 + 500);
			memcpy(&P.yin[i][k], &v, 8);
		}
	for (int i = 0; i < 16; i++)
		P.rz_in[i] = mix(seed * 10000 + (u64)i + 7);
	P.mxcsr_in = 0x7f80;    /* all exceptions masked, round toward zero */
	P.use_ymm = (u64)use_ymm;
	P.avx = (u64)avx;
}

/* Compare the probe's output with its input; report each difference. */
static void check_probe(const char *call)
{
	for (int i = 0; i < NGPR; i++) {
		if (P.gout[i] == P.gin[i])
			continue;
		if ((i == R_R8 || i == R_R9 || i == R_R10) && P.gout[i] == 0)
			continue;       /* FreeBSD's sysretq zeroes them */
		put_str("FAIL ");
		put_str(call);
		put_str(": ");
		put_str(gpr_name[i]);
		put_str(" changed from ");
		put_hex(P.gin[i]);
		put_str(" to ");
		put_hex(P.gout[i]);
		put_str("\n");
		failures++;
	}
	unsigned xbad = 0, ybad = 0;
	for (int i = 0; i < 16; i++) {
		if (memcmp(P.yout[i], P.yin[i], 16) != 0)
			xbad |= 1u << i;
		static const u8 zero[16];
		const u8 *want = P.use_ymm ? P.yin[i] + 16 : zero;
		if (avx && memcmp(P.yout[i] + 16, want, 16) != 0)
			ybad |= 1u << i;
	}
	if (xbad)
		fail_regs(call, "changed: xmm", xbad);
	if (ybad)
		fail_regs(call, P.use_ymm ? "upper halves changed: ymm"
		                          : "upper halves no longer zero: ymm", ybad);
	if (P.mxcsr_out != P.mxcsr_in) {
		fail(call, "MXCSR changed");
		put_hex(P.mxcsr_out);
		put_str("\n");
	}
	for (int i = 0; i < 16; i++)
		if (P.rz_out[i] != P.rz_in[i]) {
			fail(call, "the red zone below %rsp was written");
			break;
		}
}

/* The result as -errno / value, whatever the OS's convention. */
static long probe_result(void)
{
#ifdef TARGET_FREEBSD
	return P.cf_out ? -(long)P.rax_out : (long)P.rax_out;
#else
	return (long)P.rax_out;
#endif
}

/* One call through the probe, with both carry-flag settings where the
 * convention says what comes out. */
static void probe_call(const char *call, u64 seed, long nr, const long *args, int nargs,
                       int expect_error, int use_ymm)
{
	/* Success must clear a set carry; failure must set a clear one. */
	fill_probe(seed, nr, !expect_error, use_ymm);
	for (int i = 0; i < nargs; i++) {
		static const int argreg[] = { R_RDI, R_RSI, R_RDX, R_R10, R_R8, R_R9 };
		P.gin[argreg[i]] = (u64)args[i];
	}
	regs_probe(&P);
	check_probe(call);
	long r = probe_result();
	if (expect_error && r != -expect_error)
		fail(call, "not the expected error");
	if (!expect_error && r < 0)
		fail(call, errno_name(r));
#ifdef TARGET_FREEBSD
	if (!expect_error && P.cf_out)
		fail(call, "carry flag set on success");
	if (expect_error && !P.cf_out)
		fail(call, "carry flag clear on failure");
#endif
}

/* ---- the signal part ---- */

static int handler_ymm;         /* the handler clobbers ymm too */
static volatile int handled;
static volatile int handler_bad;
static volatile u64 handler_rip, handler_rax;

#ifdef TARGET_FREEBSD
/* FreeBSD ucontext: uc_sigmask (16 bytes), then mcontext_t:
 * mc_rdi 8, mc_rax 56, mc_rbx 64, mc_r12 96, mc_rip 160, mc_rsp 184,
 * mc_fpstate 224 (FXSAVE image: xmm at 160). */
#define UC_MC 16
#define MC_RAX 56
#define MC_RBX 64
#define MC_RBP 72
#define MC_R12 96
#define MC_R15 120
#define MC_RIP 160
#define MC_RSP 184
#define UC_FXSAVE(uc) ((const u8 *)(uc) + UC_MC + 224)
#else
/* Linux ucontext: uc_flags, uc_link, uc_stack (24), then gregs[23]
 * (REG_R8 0 ... REG_RBP 10, REG_RBX 11, REG_RAX 13, REG_RSP 15, REG_RIP 16)
 * and the fpregs pointer (an FXSAVE-format image: xmm at 160). */
#define UC_MC 40
#define MC_RAX (13 * 8)
#define MC_RBX (11 * 8)
#define MC_RBP (10 * 8)
#define MC_R12 (4 * 8)
#define MC_R15 (7 * 8)
#define MC_RIP (16 * 8)
#define MC_RSP (15 * 8)
#define UC_FXSAVE(uc) (*(const u8 *const *)((const u8 *)(uc) + UC_MC + 23 * 8))
#endif
#define MC(uc, off) (*(const u64 *)((const u8 *)(uc) + UC_MC + (off)))

static void handler(int sig, void *info, void *uc)
{
	handled++;
	handler_rip = MC(uc, MC_RIP);
	handler_rax = MC(uc, MC_RAX);
	int bad = 0;
	if (MC(uc, MC_RBX) != P.gin[R_RBX] || MC(uc, MC_RBP) != P.gin[R_RBP] ||
	    MC(uc, MC_R12) != P.gin[R_R12] || MC(uc, MC_R15) != P.gin[R_R15])
		bad |= 1;
	const u8 *fx = UC_FXSAVE(uc);
	for (int i = 0; i < 16; i++)
		if (!fx || memcmp(fx + 160 + 16 * i, P.yin[i], 16) != 0)
			bad |= 2;
	const u64 *rz = (const u64 *)MC(uc, MC_RSP);
	for (int i = 0; i < 16; i++)
		if (rz[-1 - i] != P.rz_in[i])
			bad |= 4;
	handler_bad = bad;
	/* Now ruin the vector state the interrupted code is using. */
	__asm__ volatile(".irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
	                 "pcmpeqd %%xmm\\i, %%xmm\\i\n"
	                 ".endr"
	                 ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
	                     "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
	if (avx && handler_ymm)
		__asm__ volatile(".irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
		                 "vpcmpeqd %%ymm\\i, %%ymm\\i, %%ymm\\i\n"
		                 ".endr"
		                 ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
		                     "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
	unsigned m = 0x1f80;
	__asm__ volatile("ldmxcsr %0" :: "m"(m));
}

static void install_handler(void)
{
	struct k_sigaction act = { 0 };
	act.handler = (void *)handler;
	act.flags = SA_SIGINFO;
#ifdef TARGET_FREEBSD
	check("sigaction", SC3(NR_sigaction, SIGUSR1, &act, 0));
#else
	act.flags |= SA_RESTORER;
	act.restorer = (void *)regs_restorer;
	check("rt_sigaction", SC4(NR_rt_sigaction, SIGUSR1, &act, 0, 8));
#endif
}

static void signal_case(const char *label, u64 seed, int use_ymm)
{
	long pid = sys_getpid();
	long args[2] = { pid, SIGUSR1 };
	int before = handled, failed_before = failures;
	probe_call(label, seed, NR_kill, args, 2, 0, use_ymm);
	if (handled != before + 1)
		fail(label, "the handler did not run exactly once");
	if (handler_rip != (u64)regs_probe_after_syscall)
		fail(label, "the handler's context is not just after the syscall");
	if (handler_rax != 0)
		fail(label, "the handler's context does not hold kill's result");
	if (handler_bad & 1)
		fail(label, "the handler's context does not hold the interrupted registers");
	if (handler_bad & 2)
		fail(label, "the handler's context does not hold the interrupted xmm values");
	if (handler_bad & 4)
		fail(label, "the signal frame overwrote the red zone");
	if (failures == failed_before) {
		put_str(label);
		put_str(": OK\n");
	}
}

int main(int argc, char **argv, char **envp)
{
	if (argc > 1 && str_cmp(argv[1], "site") == 0) {
		/* How the probe's `syscall` looks now: still 0f 05, or rewritten
		 * into a jump (persona's fast path). */
		const u8 *site = (const u8 *)regs_probe_syscall;
		put_str(site[0] == 0x0f && site[1] == 0x05 ? "site: syscall\n"
		        : site[0] == 0xeb ? "site: rewritten\n" : "site: unknown\n");
		return 0;
	}
	avx = have_avx();
	struct timespec ts = { 0, 0 };
	static const char msg[] = "write through the probe\n";
	int modes = avx ? 2 : 1;
	for (int y = 0; y < modes; y++) {
		u64 s = (u64)y * 50;
		probe_call("getpid", s + 1, NR_getpid, NULL, 0, 0, y);
		long a_write[3] = { 1, (long)msg, sizeof msg - 1 };
		probe_call("write", s + 2, NR_write, a_write, 3, 0, y);
		long a_clock[2] = { CLOCK_MONOTONIC, (long)&ts };
		probe_call("clock_gettime", s + 3, NR_clock_gettime, a_clock, 2, 0, y);
		if (ts.tv_sec == 0 && ts.tv_nsec == 0)
			fail("clock_gettime", "no time written");
		long a_close[1] = { -1 };
		probe_call("close(-1)", s + 4, NR_close, a_close, 1, EBADF_NUM, y);
	}
	if (!failures) {
		put_str("getpid write clock_gettime close: registers, xmm, MXCSR, red zone kept: OK\n");
		put_str("r8 r9 r10: kept or zeroed: OK\n");
		put_str("carry flag: clear on success, set on failure: OK\n");
		put_str("close(-1): EBADF in rax: OK\n");
		put_str("ymm upper halves: kept (or no AVX): OK\n");
	}

	install_handler();
	if (argc > 1 && str_cmp(argv[1], "ymm-handler") == 0) {
		/* The handler dirties the upper halves of ymm0-15 as well, as
		 * any handler using AVX does (Go's memmove, glibc's string
		 * functions); sigreturn must bring the interrupted code's back. */
		handler_ymm = 1;
		signal_case("kill(getpid(), SIGUSR1), a handler that clobbers ymm, ymm not in use", 40, 0);
		if (avx)
			signal_case("kill(getpid(), SIGUSR1), a handler that clobbers ymm, ymm in use", 41, 1);
		else
			put_str("kill(getpid(), SIGUSR1), a handler that clobbers ymm, ymm in use: OK\n");
	} else {
		signal_case("kill(getpid(), SIGUSR1) with a handler that clobbers xmm", 20, 0);
		if (avx)
			signal_case("kill(getpid(), SIGUSR1) with ymm in use", 30, 1);
		else
			put_str("kill(getpid(), SIGUSR1) with ymm in use: OK\n");
		/* Many times over: each delivery on the way out of the call. */
		int failed_before = failures, base = handled;
		for (int i = 0; i < 200 && failures == failed_before; i++) {
			long pid = sys_getpid();
			long args[2] = { pid, SIGUSR1 };
			probe_call("kill loop", 100 + (u64)i, NR_kill, args, 2, 0, avx && (i & 1));
		}
		if (failures == failed_before && handled != base + 200)
			fail("kill loop", "not one handler run per kill");
		if (failures == failed_before)
			put_str("200 more kills, each handled on the way out: OK\n");
	}
	if (failures) {
		put_str("FAILED\n");
		return 1;
	}
	put_str("all OK\n");
	return 0;
}
