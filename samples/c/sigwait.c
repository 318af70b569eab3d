/*
 * sigwait.c — taking blocked signals synchronously, and queueing them.
 *
 * With USR1 and USR2 blocked (the waits unblock nothing the caller can see:
 * the mask after each is printed), against the Linux build:
 *   pending:  kill(self, USR1), then sigtimedwait takes it: its siginfo
 *             says SI_USER from this process;
 *   queued:   sigqueue(self, USR2, 42), then sigwaitinfo takes it with
 *             SI_QUEUE and the value 42;
 *   thread:   a signal sent to this very thread (FreeBSD thr_kill2,
 *             NetBSD _lwp_kill, Linux tgkill) comes with the OS's
 *             thread-directed code (SI_LWP, SI_TKILL);
 *   timeout:  nothing pending: sigtimedwait(20 ms) fails with EAGAIN;
 *   interrupted: an interval timer's ALRM, which has a handler and is not
 *             waited for, ends a 2 s sigtimedwait with EINTR;
 *   sigwait:  FreeBSD's sigwait (error as the value, the signal through
 *             the pointer); NetBSD's and Linux's libc build it on the
 *             timed wait, so those builds use that.
 * Facts: FreeBSD sys/kern/kern_sig.c (kern_sigtimedwait, sys_sigwait,
 * kern_sigqueue), sys/sys/signal.h (siginfo_t, SI_*); NetBSD
 * sys/kern/sys_sig.c (sigtimedwait1, sys_sigqueueinfo), sys/sys/siginfo.h.
 */
#include "sys.h"

#if defined(TARGET_FREEBSD)
#define NR_sigprocmask  340
#define NR_sigtimedwait 345
#define NR_sigwaitinfo  346
#define NR_sigwait      429
#define NR_sigqueue     456
#define NR_thr_self     432
#define NR_thr_kill2    481
#define NR_setitimer    83
#define SIGUSR1 30
#define SIGUSR2 31
#define SA_SIGINFO 0x40
#define SIG_BLOCK 1
#define EAGAIN_NUM 35
#define SI_USER  0x10001
#define SI_QUEUE 0x10002
#define SI_THREAD 0x10007        /* SI_LWP */
/* struct __siginfo: signo, errno, code, pid, uid, status, addr, value */
#define SI_CODE_OFF 8
#define SI_PID_OFF 12
#define SI_VALUE_OFF 32
#elif defined(TARGET_NETBSD)
#define NR_sigprocmask  293     /* __sigprocmask14 */
#define NR_sigtimedwait 431     /* ____sigtimedwait50 */
#define NR_sigqueueinfo 245
#define NR_lwp_self     311
#define NR_lwp_kill     318
#define NR_geteuid      25
#define NR_setitimer    425     /* __setitimer50 */
#define SIGUSR1 30
#define SIGUSR2 31
#define SA_SIGINFO 0x40
#define SIG_BLOCK 1
#define EAGAIN_NUM 35
#define SI_USER  0
#define SI_QUEUE (-1)
#define SI_THREAD (-5)           /* SI_LWP */
/* struct _ksiginfo: signo, code, errno, (pad), pid, uid, value */
#define SI_CODE_OFF 4
#define SI_PID_OFF 16
#define SI_VALUE_OFF 24
#else
#define NR_sigprocmask  14      /* rt_sigprocmask */
#define NR_sigtimedwait 128     /* rt_sigtimedwait */
#define NR_sigqueueinfo 129     /* rt_sigqueueinfo */
#define NR_gettid       186
#define NR_tgkill       234
#define NR_geteuid      107
#define NR_setitimer    38
#define SIGUSR1 10
#define SIGUSR2 12
#define SA_SIGINFO 4
#define SA_RESTORER 0x04000000
#define SIG_BLOCK 0
#define EAGAIN_NUM 11
#define SI_USER  0
#define SI_QUEUE (-1)
#define SI_THREAD (-6)           /* SI_TKILL */
/* siginfo_t: signo, errno, code, (pad), pid, uid, value */
#define SI_CODE_OFF 8
#define SI_PID_OFF 16
#define SI_VALUE_OFF 24
#endif
#define SIGALRM 14
#define EINTR_NUM 4

typedef struct { u32 w[4]; } sigset;
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

static u8 info[128];

static long timedwait(const sigset *set, const struct timespec *ts)
{
#ifdef TARGET_LINUX
	return SC4(NR_sigtimedwait, set, info, ts, 8);
#else
	return SC3(NR_sigtimedwait, set, info, ts);
#endif
}

static long waitinfo(const sigset *set)
{
#ifdef TARGET_FREEBSD
	return SC2(NR_sigwaitinfo, set, info);
#else
	return timedwait(set, NULL);    /* what libc's sigwaitinfo calls */
#endif
}

static long queue(long pid, int sig, long value)
{
#ifdef TARGET_FREEBSD
	return SC3(NR_sigqueue, pid, sig, value);
#else
	/* what libc's sigqueue passes: SI_QUEUE, the sender, the value */
	u8 si[128] = { 0 };
	*(int *)si = sig;
	*(int *)(si + SI_CODE_OFF) = SI_QUEUE;
	*(int *)(si + SI_PID_OFF) = (int)pid;
	*(u32 *)(si + SI_PID_OFF + 4) = (u32)SC0(NR_geteuid);
	*(long *)(si + SI_VALUE_OFF) = value;
#ifdef TARGET_NETBSD
	return SC2(NR_sigqueueinfo, pid, si);
#else
	return SC3(NR_sigqueueinfo, pid, sig, si);
#endif
#endif
}

static long kill_this_thread(int sig)
{
#if defined(TARGET_FREEBSD)
	long id = 0;
	check("thr_self", SC1(NR_thr_self, &id));
	return SC3(NR_thr_kill2, sys_getpid(), id, sig);
#elif defined(TARGET_NETBSD)
	return SC2(NR_lwp_kill, SC0(NR_lwp_self), sig);
#else
	return SC3(NR_tgkill, sys_getpid(), SC0(NR_gettid), sig);
#endif
}

#if defined(TARGET_LINUX)
void sigwait_restorer(void);
__asm__(".pushsection .text\n"
	"sigwait_restorer:\n"
	"	mov $15, %eax\n"                /* rt_sigreturn */
	"	syscall\n"
	"	hlt\n"
	".popsection\n");
#elif defined(TARGET_NETBSD)
void sigwait_tramp(void);               /* __sigtramp_siginfo_2: setcontext(%r15) */
__asm__(".pushsection .text\n"
	"sigwait_tramp:\n"
	"	mov %r15, %rdi\n"
	"	mov $308, %eax\n"
	"	syscall\n"
	"	mov $-1, %rdi\n"
	"	mov $1, %eax\n"
	"	syscall\n"
	".popsection\n");
#endif

static volatile int alarms;
static void on_alarm(int sig, void *si, void *uc) { alarms++; }

static void install_alarm_handler(void)
{
	struct k_sigaction act = { 0 };
	act.handler = (void *)on_alarm;
	act.flags = SA_SIGINFO;
#if defined(TARGET_FREEBSD)
	check("sigaction", SC3(NR_sigaction, SIGALRM, &act, 0));
#elif defined(TARGET_NETBSD)
	check("__sigaction_sigtramp", raw_syscall6(NR_sigaction, SIGALRM, (long)&act, 0, (long)sigwait_tramp, 2, 0));
#else
	act.flags |= SA_RESTORER;
	act.restorer = (void *)sigwait_restorer;
	check("rt_sigaction", SC4(NR_rt_sigaction, SIGALRM, &act, 0, 8));
#endif
}

static const char *sig_name(long sig)
{
	return sig == SIGUSR1 ? "USR1" : sig == SIGUSR2 ? "USR2" : sig == SIGALRM ? "ALRM" : "other";
}

/* The result of a wait and what its siginfo says. */
static void put_taken(const char *label, long r, int with_info)
{
	put_str(label);
	put_str(": ");
	if (r == -EAGAIN_NUM) {
		put_str("EAGAIN\n");
		return;
	}
	if (r == -EINTR_NUM) {
		put_str("EINTR\n");
		return;
	}
	if (r < 0) {
		put_str("error ");
		put_num(-r);
		put_str("\n");
		return;
	}
	put_str(sig_name(r));
	if (with_info) {
		int code = *(int *)(info + SI_CODE_OFF);
		int pid = *(int *)(info + SI_PID_OFF);
		put_str(*(int *)info == r ? ", si_signo right" : ", si_signo WRONG");
		put_str(code == SI_USER ? ", SI_USER" : code == SI_QUEUE ? ", SI_QUEUE"
		        : code == SI_THREAD ? ", thread-directed" : ", other code");
		if (code != SI_THREAD)
			put_str(pid == sys_getpid() ? ", from this process" : ", from elsewhere");
		if (code == SI_QUEUE) {
			put_str(", value ");
			put_num(*(long *)(info + SI_VALUE_OFF));
		}
	}
	put_str("\n");
}

static void put_mask(void)
{
	sigset cur;
	check("sigprocmask", sigprocmask(SIG_BLOCK, NULL, &cur));
	put_str("  mask: ");
	put_str(set_has(&cur, SIGUSR1) ? "USR1 " : "");
	put_str(set_has(&cur, SIGUSR2) ? "USR2 " : "");
	put_str(set_has(&cur, SIGALRM) ? "ALRM" : "");
	put_str("\n");
}

struct itimerval { struct timeval it_interval, it_value; };

int main(int argc, char **argv, char **envp)
{
	long pid = sys_getpid();
	sigset both = {0}, usr1 = {0}, usr2 = {0};
	set_add(&both, SIGUSR1);
	set_add(&both, SIGUSR2);
	set_add(&usr1, SIGUSR1);
	set_add(&usr2, SIGUSR2);
	check("sigprocmask", sigprocmask(SIG_BLOCK, &both, NULL));
	install_alarm_handler();
	struct timespec short_wait = { 0, 20000000 }, long_wait = { 2, 0 };

	sys_kill(pid, SIGUSR1);
	put_taken("pending", timedwait(&both, &short_wait), 1);
	put_mask();

	check("sigqueue", queue(pid, SIGUSR2, 42));
	put_taken("queued", waitinfo(&usr2), 1);
	put_mask();

	check("thread kill", kill_this_thread(SIGUSR1));
	put_taken("thread", timedwait(&usr1, &short_wait), 1);

	put_taken("timeout", timedwait(&both, &short_wait), 0);

	struct itimerval it = { { 0, 0 }, { 0, 20000 } };
	check("setitimer", SC3(NR_setitimer, 0, &it, NULL));
	put_taken("interrupted", timedwait(&both, &long_wait), 0);
	put_str(alarms == 1 ? "  the ALRM handler ran once\n" : "  the ALRM handler did not run once\n");
	put_mask();

	sys_kill(pid, SIGUSR2);
#ifdef TARGET_FREEBSD
	int got = 0;
	long e = SC2(NR_sigwait, &both, &got);
	put_taken("sigwait", e == 0 ? got : -e, 0);
#else
	put_taken("sigwait", timedwait(&both, NULL), 0);
#endif
	put_mask();
	return 0;
}
