/*
 * sigmask.c — calls that wait with a signal mask of their own.
 *
 * sigsuspend(set) replaces the thread's mask with `set` until a signal is
 * caught, and then: the handler runs with `set` plus its own signal (and
 * sa_mask) blocked, the context the handler gets saves the mask from
 * *before* the call, the call fails with EINTR, and on return the old mask
 * is back (POSIX sigsuspend; FreeBSD sys/kern/kern_sig.c kern_sigsuspend
 * and its td_oldsigmask; NetBSD sys/kern/sys_sig.c sigsuspend1; Linux
 * rt_sigsuspend with its saved_sigmask).  Cases, each printing what it saw:
 *   pending:  USR1 and USR2 blocked and both raised (sigpending shows
 *             both), then sigsuspend(mask = {USR2}): only USR1 is taken;
 *             USR2 stays pending, the old mask comes back;
 *   waiting:  nothing pending, an interval timer raises ALRM 20 ms later
 *             while sigsuspend waits with every other signal blocked;
 *   after:    unblocking USR2 lets the one still pending in;
 *   ppoll, pselect (NetBSD: pollts, pselect): the same for a poll with a
 *             mask of its own: a pending USR1 it unblocks is caught (EINTR,
 *             the old mask back), one it keeps blocked waits: the call
 *             times out (0) and the signal stays pending.
 * Signal numbers differ (USR1 is 30 on the BSDs, 10 on Linux): the output
 * names them, so the FreeBSD, NetBSD and Linux builds print the same text.
 */
#include "sys.h"

#if defined(TARGET_FREEBSD)
#define NR_sigprocmask 340
#define NR_sigsuspend  341
#define NR_sigpending  343
#define NR_setitimer   83
#define NR_ppoll       545
#define NR_pselect     522
#define SIGUSR1 30
#define SIGUSR2 31
#define SA_SIGINFO 0x40
#define UC_SIGMASK_OFF 0        /* sys/sys/_ucontext.h: uc_sigmask first */
#define EINTR_NUM 4
#elif defined(TARGET_NETBSD)
#define NR_sigprocmask 293      /* __sigprocmask14 */
#define NR_sigsuspend  294      /* __sigsuspend14 */
#define NR_sigpending  292      /* __sigpending14 */
#define NR_setitimer   425      /* __setitimer50 */
#define NR_ppoll       437      /* __pollts50 */
#define NR_pselect     436      /* __pselect50 */
#define SIGUSR1 30
#define SIGUSR2 31
#define SA_SIGINFO 0x40
#define UC_SIGMASK_OFF 16       /* sys/sys/ucontext.h: uc_flags, uc_link, uc_sigmask */
#define EINTR_NUM 4
#else
#define NR_sigprocmask 14       /* rt_sigprocmask */
#define NR_sigsuspend  130      /* rt_sigsuspend */
#define NR_sigpending  127      /* rt_sigpending */
#define NR_setitimer   38
#define NR_ppoll       271
#define NR_pselect     270      /* pselect6 */
#define SIGUSR1 10
#define SIGUSR2 12
#define SA_SIGINFO 4
#define SA_RESTORER 0x04000000
#define UC_SIGMASK_OFF 296      /* uc_flags, uc_link, uc_stack (24), uc_mcontext (256) */
#define EINTR_NUM 4
#endif
#define SIGALRM 14
#ifdef TARGET_LINUX
#define SIG_BLOCK 0             /* asm-generic/signal-defs.h */
#define SIG_UNBLOCK 1
#else
#define SIG_BLOCK 1             /* sys/sys/signal.h, both BSDs */
#define SIG_UNBLOCK 2
#endif

/* A signal set as the kernel takes it: 128 bits on the BSDs, 64 on Linux. */
typedef struct { u32 w[4]; } sigset;
#ifdef TARGET_LINUX
#define SIGSET_BYTES 8
#else
#define SIGSET_BYTES 16
#endif
static void set_add(sigset *s, int sig) { s->w[(sig - 1) / 32] |= 1u << ((sig - 1) % 32); }
static int set_has(const sigset *s, int sig) { return (s->w[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1; }

static long sigprocmask(int how, const sigset *set, sigset *old)
{
#ifdef TARGET_LINUX
	return SC4(NR_sigprocmask, how, set, old, 8);
#else
	return SC3(NR_sigprocmask, how, set, old);
#endif
}
static long sigsuspend(const sigset *set)
{
#ifdef TARGET_LINUX
	return SC2(NR_sigsuspend, set, 8);
#else
	return SC1(NR_sigsuspend, set);
#endif
}
static long sigpending(sigset *set)
{
#ifdef TARGET_LINUX
	return SC2(NR_sigpending, set, 8);
#else
	return SC1(NR_sigpending, set);
#endif
}

static long ppoll_mask(const struct timespec *ts, const sigset *set)
{
#ifdef TARGET_LINUX
	return raw_syscall6(NR_ppoll, 0, 0, (long)ts, (long)set, 8, 0);
#else
	return SC4(NR_ppoll, 0, 0, ts, set);
#endif
}
static long pselect_mask(const struct timespec *ts, const sigset *set)
{
#ifdef TARGET_LINUX
	struct { const sigset *set; long size; } arg = { set, 8 };   /* pselect6's sixth */
	return raw_syscall6(NR_pselect, 0, 0, 0, 0, (long)ts, (long)&arg);
#else
	return raw_syscall6(NR_pselect, 0, 0, 0, 0, (long)ts, (long)set);
#endif
}

#if defined(TARGET_LINUX)
void sigmask_restorer(void);
__asm__(".pushsection .text\n"
	"sigmask_restorer:\n"
	"	mov $15, %eax\n"                /* rt_sigreturn */
	"	syscall\n"
	"	hlt\n"
	".popsection\n");
#elif defined(TARGET_NETBSD)
/* The trampoline NetBSD's libc passes to __sigaction_sigtramp (version 2,
 * __sigtramp_siginfo_2): setcontext(the frame's ucontext, in %r15). */
void sigmask_tramp(void);
__asm__(".pushsection .text\n"
	"sigmask_tramp:\n"
	"	mov %r15, %rdi\n"
	"	mov $308, %eax\n"               /* setcontext */
	"	syscall\n"
	"	mov $-1, %rdi\n"
	"	mov $1, %eax\n"                 /* exit */
	"	syscall\n"
	".popsection\n");
#endif

static const char *sig_name(int sig)
{
	return sig == SIGUSR1 ? "USR1" : sig == SIGUSR2 ? "USR2" : sig == SIGALRM ? "ALRM" : "other";
}

/* What the last handler run saw. */
static volatile int caught[3];          /* count per USR1, USR2, ALRM */
static sigset in_handler_mask, saved_in_context;

static void handler(int sig, void *info, void *uc)
{
	caught[sig == SIGUSR1 ? 0 : sig == SIGUSR2 ? 1 : 2]++;
	sigprocmask(SIG_BLOCK, NULL, &in_handler_mask);
	saved_in_context = (sigset){0};
	const u8 *p = (const u8 *)uc + UC_SIGMASK_OFF;
	for (int i = 0; i < SIGSET_BYTES; i++)
		((u8 *)&saved_in_context)[i] = p[i];
	put_str("  handler: ");
	put_str(sig_name(sig));
	put_str("\n");
}

static void install(int sig)
{
	struct k_sigaction act = { 0 };
	act.handler = (void *)handler;
	act.flags = SA_SIGINFO;
#if defined(TARGET_FREEBSD)
	check("sigaction", SC3(NR_sigaction, sig, &act, 0));
#elif defined(TARGET_NETBSD)
	check("__sigaction_sigtramp", raw_syscall6(NR_sigaction, sig, (long)&act, 0, (long)sigmask_tramp, 2, 0));
#else
	act.flags |= SA_RESTORER;
	act.restorer = (void *)sigmask_restorer;
	check("rt_sigaction", SC4(NR_rt_sigaction, sig, &act, 0, 8));
#endif
}

/* "USR1 USR2" for the signals of interest in s, or "-". */
static void put_set(const char *label, const sigset *s)
{
	put_str(label);
	int any = 0;
	static const int sigs[] = { SIGUSR1, SIGUSR2, SIGALRM };
	for (int i = 0; i < 3; i++)
		if (set_has(s, sigs[i])) {
			put_str(any ? " " : "");
			put_str(sig_name(sigs[i]));
			any = 1;
		}
	put_str(any ? "\n" : "-\n");
}

static void put_wait_result(const char *call, long r)
{
	put_str("  ");
	put_str(call);
	put_str(r == -EINTR_NUM ? ": EINTR\n" : r == 0 ? ": 0 (timed out)\n" : ": unexpected result\n");
}
#define put_suspend_result(r) put_wait_result("sigsuspend", (r))

struct itimerval { struct timeval it_interval, it_value; };

int main(int argc, char **argv, char **envp)
{
	install(SIGUSR1);
	install(SIGUSR2);
	install(SIGALRM);
	long pid = sys_getpid();
	sigset set = {0}, cur, pend;

	put_str("pending:\n");
	set_add(&set, SIGUSR1);
	set_add(&set, SIGUSR2);
	check("sigprocmask", sigprocmask(SIG_BLOCK, &set, NULL));
	sys_kill(pid, SIGUSR1);
	sys_kill(pid, SIGUSR2);
	check("sigpending", sigpending(&pend));
	put_set("  pending before: ", &pend);
	sigset only_usr2 = {0};
	set_add(&only_usr2, SIGUSR2);
	put_suspend_result(sigsuspend(&only_usr2));
	put_set("  mask in the handler: ", &in_handler_mask);
	put_set("  mask its context saves: ", &saved_in_context);
	check("sigprocmask", sigprocmask(SIG_BLOCK, NULL, &cur));
	put_set("  mask after: ", &cur);
	check("sigpending", sigpending(&pend));
	put_set("  pending after: ", &pend);

	put_str("waiting:\n");
	sigset all_but_alrm = {{ ~0u, ~0u, ~0u, ~0u }};
	all_but_alrm.w[(SIGALRM - 1) / 32] &= ~(1u << ((SIGALRM - 1) % 32));
	struct itimerval it = { { 0, 0 }, { 0, 20000 } };
	check("setitimer", SC3(NR_setitimer, 0, &it, NULL));
	put_suspend_result(sigsuspend(&all_but_alrm));
	put_set("  mask its context saves: ", &saved_in_context);
	check("sigprocmask", sigprocmask(SIG_BLOCK, NULL, &cur));
	put_set("  mask after: ", &cur);

	put_str("after:\n");
	check("sigprocmask", sigprocmask(SIG_UNBLOCK, &only_usr2, NULL));
	check("sigpending", sigpending(&pend));
	put_set("  pending: ", &pend);

	static const struct { const char *name; long (*call)(const struct timespec *, const sigset *); } polls[] = {
		{ "ppoll", ppoll_mask }, { "pselect", pselect_mask },
	};
	sigset only_usr1 = {0}, none = {0};
	set_add(&only_usr1, SIGUSR1);
	for (int i = 0; i < 2; i++) {
		struct timespec ts = { 0, 10000000 };
		put_str(polls[i].name);
		put_str(":\n");
		check("sigprocmask", sigprocmask(SIG_BLOCK, &only_usr1, NULL));
		sys_kill(pid, SIGUSR1);
		put_wait_result("with USR1 blocked", polls[i].call(&ts, &only_usr1));
		check("sigpending", sigpending(&pend));
		put_set("  pending: ", &pend);
		put_wait_result("with nothing blocked", polls[i].call(&ts, &none));
		put_set("  mask its context saves: ", &saved_in_context);
		check("sigprocmask", sigprocmask(SIG_BLOCK, NULL, &cur));
		put_set("  mask after: ", &cur);
		check("sigprocmask", sigprocmask(SIG_UNBLOCK, &only_usr1, NULL));
	}
	put_str("  caught: USR1 ");
	put_num(caught[0]);
	put_str(", USR2 ");
	put_num(caught[1]);
	put_str(", ALRM ");
	put_num(caught[2]);
	put_str("\n");
	return 0;
}
