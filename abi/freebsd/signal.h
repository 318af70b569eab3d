/*
 * FreeBSD/amd64 signal ABI: numbers, sets, sigaction, sigaltstack, siginfo,
 * si_code values, and pure converters to and from the Linux host's terms.
 *
 * Facts are from FreeBSD's sys/sys/signal.h, sys/sys/_sigset.h and
 * sys/amd64/include/_limits.h, cross-checked against Go's
 * runtime/defs_freebsd_amd64.go and x/sys/unix zerrors/ztypes_freebsd_amd64.go.
 *
 * Member naming: glibc's <signal.h> defines si_pid, si_uid, si_status,
 * si_addr, si_value and sa_handler as MACROS (they expand into its own
 * unions), so a struct member with one of those names cannot be declared in a
 * file that also sees <signal.h>.  Those members are therefore spelled
 * fsi_pid, fsi_uid, fsi_status, fsi_addr, fsi_value and fsa_handler here.
 * Every other member keeps its FreeBSD name.
 *
 * Guest pointers are carried as uint64_t: these structs describe guest
 * memory, never host objects.
 */
#ifndef PERSONA_ABI_FREEBSD_SIGNAL_H
#define PERSONA_ABI_FREEBSD_SIGNAL_H

#include <stddef.h>
#include <stdint.h>
#include <signal.h>     /* Linux siginfo_t / stack_t for the converters */

/* ---- Signal numbers (sys/sys/signal.h) -------------------------------- */
#define FBSD_SIGHUP      1
#define FBSD_SIGINT      2
#define FBSD_SIGQUIT     3
#define FBSD_SIGILL      4
#define FBSD_SIGTRAP     5
#define FBSD_SIGABRT     6
#define FBSD_SIGIOT      FBSD_SIGABRT
#define FBSD_SIGEMT      7      /* no Linux counterpart */
#define FBSD_SIGFPE      8
#define FBSD_SIGKILL     9
#define FBSD_SIGBUS      10
#define FBSD_SIGSEGV     11
#define FBSD_SIGSYS      12
#define FBSD_SIGPIPE     13
#define FBSD_SIGALRM     14
#define FBSD_SIGTERM     15
#define FBSD_SIGURG      16
#define FBSD_SIGSTOP     17
#define FBSD_SIGTSTP     18
#define FBSD_SIGCONT     19
#define FBSD_SIGCHLD     20
#define FBSD_SIGTTIN     21
#define FBSD_SIGTTOU     22
#define FBSD_SIGIO       23
#define FBSD_SIGXCPU     24
#define FBSD_SIGXFSZ     25
#define FBSD_SIGVTALRM   26
#define FBSD_SIGPROF     27
#define FBSD_SIGWINCH    28
#define FBSD_SIGINFO     29     /* no Linux counterpart */
#define FBSD_SIGUSR1     30
#define FBSD_SIGUSR2     31
#define FBSD_SIGTHR      32     /* libthr's private signal */
#define FBSD_SIGLWP      FBSD_SIGTHR
#define FBSD_SIGLIBRT    33     /* librt's private signal */
#define FBSD_SIGRTMIN    65
#define FBSD_SIGRTMAX    126

/* sys/sys/_sigset.h: _SIG_WORDS 4, _SIG_MAXSIG 128; a signal s is valid when
 * 0 < s <= _SIG_MAXSIG.  FBSD_NSIG follows the Linux/glibc convention of
 * "largest signal number + 1", so an array indexed by signal number has
 * FBSD_NSIG entries.  (FreeBSD's own NSIG, 32, counts only the old signals:
 * FBSD_NSIG_OLD.) */
#define FBSD_SIG_WORDS   4
#define FBSD_SIG_MAXSIG  128
#define FBSD_NSIG        (FBSD_SIG_MAXSIG + 1)
#define FBSD_NSIG_OLD    32

/* sys/sys/signal.h: SIG_DFL 0, SIG_IGN 1, SIG_HOLD 3, SIG_ERR -1 */
#define FBSD_SIG_DFL     0ULL
#define FBSD_SIG_IGN     1ULL
#define FBSD_SIG_HOLD    3ULL
#define FBSD_SIG_ERR     (~0ULL)

/* sigprocmask how (sys/sys/signal.h) */
#define FBSD_SIG_BLOCK   1
#define FBSD_SIG_UNBLOCK 2
#define FBSD_SIG_SETMASK 3

/* sa_flags (sys/sys/signal.h; Go defs_freebsd_amd64.go agrees on the
 * ONSTACK/RESTART/SIGINFO values) */
#define FBSD_SA_ONSTACK   0x0001
#define FBSD_SA_RESTART   0x0002
#define FBSD_SA_RESETHAND 0x0004
#define FBSD_SA_NOCLDSTOP 0x0008
#define FBSD_SA_NODEFER   0x0010
#define FBSD_SA_NOCLDWAIT 0x0020
#define FBSD_SA_SIGINFO   0x0040
#define FBSD_SA_ALLFLAGS  0x007f

/* sigaltstack (sys/sys/signal.h; MINSIGSTKSZ is __MINSIGSTKSZ = 512 * 4
 * from sys/amd64/include/_limits.h; SIGSTKSZ = MINSIGSTKSZ + 32768). */
#define FBSD_SS_ONSTACK   0x0001
#define FBSD_SS_DISABLE   0x0004
#define FBSD_MINSIGSTKSZ  (512 * 4)
#define FBSD_SIGSTKSZ     (FBSD_MINSIGSTKSZ + 32768)

/* ---- Linux side of the signal-number map -------------------------------
 * glibc's SIGRTMIN is the kernel's 32 plus the two signals NPTL keeps for
 * itself (cancellation, setxid), i.e. 34; persona reserves the next three
 * (SIGRTMIN+0..+2).  FreeBSD's private SIGTHR and SIGLIBRT go to SIGRTMIN+3
 * and +4, and FreeBSD's real-time signals SIGRTMIN+k to Linux SIGRTMIN+5+k
 * for as long as that stays strictly below Linux SIGRTMAX (64).  The unit
 * test checks that this host's SIGRTMIN still is 34. */
#define FBSD_LINUX_SIGRTMIN       34
#define FBSD_LINUX_SIGRTMAX       64
#define FBSD_LINUX_PERSONA_SIG0   (FBSD_LINUX_SIGRTMIN + 0)  /* persona's own */
#define FBSD_LINUX_PERSONA_NSIG   3
#define FBSD_LINUX_SIGTHR         (FBSD_LINUX_SIGRTMIN + 3)
#define FBSD_LINUX_SIGLIBRT       (FBSD_LINUX_SIGRTMIN + 4)
#define FBSD_LINUX_RTBASE         (FBSD_LINUX_SIGRTMIN + 5)
/* FreeBSD real-time signals that have a Linux slot: 65 .. FBSD_SIGRT_MAPPED_MAX */
#define FBSD_SIGRT_MAPPED_MAX     (FBSD_SIGRTMIN + (FBSD_LINUX_SIGRTMAX - 1 - FBSD_LINUX_RTBASE))

int fbsd_signo_to_linux(int fbsd_sig);     /* 0 if no Linux signal */
int fbsd_signo_from_linux(int linux_sig);  /* 0 if no FreeBSD signal */

/* ---- sigset_t (sys/sys/_sigset.h: struct __sigset { __uint32_t __bits[4]; })
 * Signal s lives in bits[(s-1)/32], bit (s-1)%32. */
typedef struct {
	uint32_t bits[FBSD_SIG_WORDS];
} fbsd_sigset_t;
_Static_assert(sizeof(fbsd_sigset_t) == 16, "fbsd_sigset_t is 16 bytes");

static inline int fbsd_sig_valid(int s) { return s > 0 && s <= FBSD_SIG_MAXSIG; }
static inline void fbsd_sigemptyset(fbsd_sigset_t *s)
{
	for (int i = 0; i < FBSD_SIG_WORDS; i++)
		s->bits[i] = 0;
}
static inline void fbsd_sigaddset(fbsd_sigset_t *s, int sig)
{
	if (fbsd_sig_valid(sig))
		s->bits[(sig - 1) / 32] |= 1u << ((sig - 1) % 32);
}
static inline void fbsd_sigdelset(fbsd_sigset_t *s, int sig)
{
	if (fbsd_sig_valid(sig))
		s->bits[(sig - 1) / 32] &= ~(1u << ((sig - 1) % 32));
}
static inline int fbsd_sigismember(const fbsd_sigset_t *s, int sig)
{
	return fbsd_sig_valid(sig) &&
	       (s->bits[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1u;
}

/* Linux kernel sigset (64 bits, bit sig-1).  Signals without a counterpart
 * on the other side are dropped. */
uint64_t fbsd_sigset_to_linux(const fbsd_sigset_t *s);
void fbsd_sigset_from_linux(fbsd_sigset_t *out, uint64_t linux_mask);

/* sa_flags in both directions (FreeBSD bits above; Linux bits from the
 * host's <signal.h>).  Unknown bits are dropped. */
unsigned long fbsd_sa_flags_to_linux(int fbsd_flags);
int fbsd_sa_flags_from_linux(unsigned long linux_flags);

/* ---- struct sigaction (sys/sys/signal.h) -------------------------------
 * handler union @0 (8), int sa_flags @8, sigset_t sa_mask @12 (4-aligned);
 * 28 bytes of data padded to 32 (Go's sigactiont is 32 bytes). */
struct fbsd_sigaction {
	uint64_t fsa_handler;   /* sa_handler / sa_sigaction (guest address) */
	int32_t sa_flags;
	fbsd_sigset_t sa_mask;
	uint32_t _pad;
};
_Static_assert(sizeof(struct fbsd_sigaction) == 32, "sigaction size");
_Static_assert(offsetof(struct fbsd_sigaction, fsa_handler) == 0, "sa_handler");
_Static_assert(offsetof(struct fbsd_sigaction, sa_flags) == 8, "sa_flags");
_Static_assert(offsetof(struct fbsd_sigaction, sa_mask) == 12, "sa_mask");

/* ---- stack_t (sys/sys/signal.h struct __stack_t): void *ss_sp, size_t
 * ss_size, int ss_flags -> 24 bytes.  NB: Linux orders it sp, flags, size,
 * and its SS_DISABLE is 2, not 4. */
struct fbsd_sigaltstack {
	uint64_t ss_sp;
	uint64_t ss_size;
	int32_t ss_flags;
	int32_t _pad;
};
_Static_assert(sizeof(struct fbsd_sigaltstack) == 24, "stack_t size");
_Static_assert(offsetof(struct fbsd_sigaltstack, ss_sp) == 0, "ss_sp");
_Static_assert(offsetof(struct fbsd_sigaltstack, ss_size) == 8, "ss_size");
_Static_assert(offsetof(struct fbsd_sigaltstack, ss_flags) == 16, "ss_flags");

void fbsd_sigaltstack_to_linux(stack_t *out, const struct fbsd_sigaltstack *in);
void fbsd_sigaltstack_from_linux(struct fbsd_sigaltstack *out, const stack_t *in);

/* ---- union sigval (sys/sys/signal.h) ---------------------------------- */
union fbsd_sigval {
	int32_t sival_int;
	uint64_t sival_ptr;
};
_Static_assert(sizeof(union fbsd_sigval) == 8, "sigval size");

/* ---- siginfo_t (sys/sys/signal.h struct __siginfo) ---------------------
 * int si_signo @0, si_errno @4, si_code @8, pid_t si_pid @12, uid_t si_uid
 * @16, int si_status @20, void *si_addr @24, union sigval si_value @32,
 * union _reason @40 (its largest arm is { long; int[7]; } = 40 bytes);
 * 80 bytes in all (Go's siginfo: 40-byte _reason, same total). */
struct fbsd_siginfo {
	int32_t si_signo;
	int32_t si_errno;
	int32_t si_code;
	int32_t fsi_pid;          /* FreeBSD si_pid */
	uint32_t fsi_uid;         /* FreeBSD si_uid */
	int32_t fsi_status;       /* FreeBSD si_status */
	uint64_t fsi_addr;        /* FreeBSD si_addr */
	union fbsd_sigval fsi_value; /* FreeBSD si_value */
	union {
		struct { int32_t _trapno; } _fault;
		struct { int32_t _timerid; int32_t _overrun; } _timer;
		struct { int32_t _mqd; } _mesgq;
		struct { int64_t _band; } _poll;
		struct { int64_t __spare1__; int32_t __spare2__[7]; } __spare__;
	} _reason;
};
_Static_assert(sizeof(struct fbsd_siginfo) == 80, "siginfo size");
_Static_assert(offsetof(struct fbsd_siginfo, si_code) == 8, "si_code");
_Static_assert(offsetof(struct fbsd_siginfo, fsi_pid) == 12, "si_pid");
_Static_assert(offsetof(struct fbsd_siginfo, fsi_uid) == 16, "si_uid");
_Static_assert(offsetof(struct fbsd_siginfo, fsi_status) == 20, "si_status");
_Static_assert(offsetof(struct fbsd_siginfo, fsi_addr) == 24, "si_addr");
_Static_assert(offsetof(struct fbsd_siginfo, fsi_value) == 32, "si_value");
_Static_assert(offsetof(struct fbsd_siginfo, _reason) == 40, "_reason");
_Static_assert(offsetof(struct fbsd_siginfo, _reason._timer._overrun) == 44, "si_overrun");

/* ---- si_code values (sys/sys/signal.h) -------------------------------- */
#define FBSD_SI_NOINFO    0
#define FBSD_SI_UNDEFINED 0
#define FBSD_SI_USER      0x10001   /* kill() */
#define FBSD_SI_QUEUE     0x10002   /* sigqueue() */
#define FBSD_SI_TIMER     0x10003   /* timer_settime() expiry */
#define FBSD_SI_ASYNCIO   0x10004   /* AIO completion */
#define FBSD_SI_MESGQ     0x10005   /* mq arrival */
#define FBSD_SI_KERNEL    0x10006
#define FBSD_SI_LWP       0x10007   /* thr_kill() */

/* SIGILL */
#define FBSD_ILL_ILLOPC 1
#define FBSD_ILL_ILLOPN 2
#define FBSD_ILL_ILLADR 3
#define FBSD_ILL_ILLTRP 4
#define FBSD_ILL_PRVOPC 5
#define FBSD_ILL_PRVREG 6
#define FBSD_ILL_COPROC 7
#define FBSD_ILL_BADSTK 8
/* SIGBUS */
#define FBSD_BUS_ADRALN 1
#define FBSD_BUS_ADRERR 2
#define FBSD_BUS_OBJERR 3
/* SIGSEGV */
#define FBSD_SEGV_MAPERR 1
#define FBSD_SEGV_ACCERR 2
/* SIGFPE: NB the first two are swapped relative to Linux
 * (Linux FPE_INTDIV 1, FPE_INTOVF 2). Go's defs_freebsd_amd64.go agrees. */
#define FBSD_FPE_INTOVF 1
#define FBSD_FPE_INTDIV 2
#define FBSD_FPE_FLTDIV 3
#define FBSD_FPE_FLTOVF 4
#define FBSD_FPE_FLTUND 5
#define FBSD_FPE_FLTRES 6
#define FBSD_FPE_FLTINV 7
#define FBSD_FPE_FLTSUB 8
/* SIGTRAP */
#define FBSD_TRAP_BRKPT  1
#define FBSD_TRAP_TRACE  2
#define FBSD_TRAP_DTRACE 3
#define FBSD_TRAP_CAP    4
/* SIGCHLD */
#define FBSD_CLD_EXITED    1
#define FBSD_CLD_KILLED    2
#define FBSD_CLD_DUMPED    3
#define FBSD_CLD_TRAPPED   4
#define FBSD_CLD_STOPPED   5
#define FBSD_CLD_CONTINUED 6
/* SIGPOLL / SIGIO */
#define FBSD_POLL_IN  1
#define FBSD_POLL_OUT 2
#define FBSD_POLL_MSG 3
#define FBSD_POLL_ERR 4
#define FBSD_POLL_PRI 5
#define FBSD_POLL_HUP 6

/* sigevent notify kinds (sys/sys/signal.h) */
#define FBSD_SIGEV_NONE      0
#define FBSD_SIGEV_SIGNAL    1
#define FBSD_SIGEV_THREAD    2
#define FBSD_SIGEV_KEVENT    3
#define FBSD_SIGEV_THREAD_ID 4

/*
 * Linux si_code -> FreeBSD si_code for a signal whose LINUX number is
 * linux_sig.  Generic codes: SI_USER 0 -> SI_USER, SI_QUEUE -> SI_QUEUE,
 * SI_TIMER/SI_MESGQ/SI_ASYNCIO likewise, SI_TKILL -> SI_LWP, SI_KERNEL ->
 * SI_KERNEL (except SIGTRAP, where Linux/x86 reports int3 as SI_KERNEL and
 * FreeBSD reports TRAP_BRKPT), other negative codes (SI_SIGIO, SI_DETHREAD,
 * SI_ASYNCNL) -> SI_KERNEL.  Positive codes of SIGILL/SIGFPE/SIGSEGV/SIGBUS/
 * SIGTRAP/SIGCHLD/SIGPOLL are mapped by meaning; any other positive code is
 * passed through.
 */
int fbsd_si_code_from_linux(int linux_sig, int linux_code);

/*
 * Fill a FreeBSD siginfo from a Linux one: signal number (via
 * fbsd_signo_from_linux), si_code (via fbsd_si_code_from_linux), pid/uid for
 * sender-originated codes and SIGCHLD, si_status (the child's signal number
 * is translated for CLD_KILLED/DUMPED/STOPPED/TRAPPED/CONTINUED), si_addr for
 * fault signals, si_value for queued/timer/mq/aio codes, timer id/overrun,
 * poll band.  si_errno is left 0 (Linux errno numbering means nothing to the
 * guest).  PIDs are copied raw: the PID view is the caller's job, as is
 * _fault._trapno (Linux's siginfo has no trap number; take it from the
 * ucontext with fbsd_trapno_from_x86_vector()).
 */
void fbsd_siginfo_from_linux(struct fbsd_siginfo *out, const siginfo_t *in);

#endif /* PERSONA_ABI_FREEBSD_SIGNAL_H */
