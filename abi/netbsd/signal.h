/* NetBSD/amd64 signals: numbers, sets, sigaction, stack_t, siginfo.
 *
 * Sources: NetBSD sys/sys/signal.h, sys/sys/sigtypes.h (sigset_t: 4 x
 * uint32), sys/sys/siginfo.h (the 128-byte siginfo_t), checked against
 * Go's syscall/zerrors_netbsd_amd64.go (SIGINFO 0x1d, SIGPWR 0x20) and
 * runtime/defs_netbsd_amd64.go (sigactiont, stackt, siginfo). */
#ifndef PERSONA_ABI_NETBSD_SIGNAL_H
#define PERSONA_ABI_NETBSD_SIGNAL_H
#include <signal.h>
#include <stddef.h>
#include <stdint.h>

/* 1..31 are numbered as on FreeBSD (and as 4.4BSD); 32 is SIGPWR. */
#define NBSD_SIGKILL  9
#define NBSD_SIGSTOP  17
#define NBSD_SIGINFO  29     /* no Linux counterpart */
#define NBSD_SIGPWR   32
#define NBSD_SIGRTMIN 33     /* sys/sys/signal.h: SIGRTMIN .. SIGRTMAX 63 */
#define NBSD_NSIG     64     /* _NSIG: signals 1..63 */

#define NBSD_SIG_BLOCK   1
#define NBSD_SIG_UNBLOCK 2
#define NBSD_SIG_SETMASK 3

#define NBSD_SA_ONSTACK   0x0001
#define NBSD_SA_RESTART   0x0002
#define NBSD_SA_RESETHAND 0x0004
#define NBSD_SA_NOCLDSTOP 0x0008
#define NBSD_SA_NODEFER   0x0010
#define NBSD_SA_NOCLDWAIT 0x0020
#define NBSD_SA_SIGINFO   0x0040

#define NBSD_SS_ONSTACK   0x0001
#define NBSD_SS_DISABLE   0x0004
#define NBSD_MINSIGSTKSZ  8192

typedef struct { uint32_t bits[4]; } nbsd_sigset_t;

struct nbsd_sigaction {
    uint64_t nsa_handler;       /* or sa_sigaction */
    nbsd_sigset_t nsa_mask;
    int32_t nsa_flags;
    int32_t pad;
};
_Static_assert(sizeof(struct nbsd_sigaction) == 32, "struct sigaction (Go sigactiont)");
_Static_assert(offsetof(struct nbsd_sigaction, nsa_mask) == 8, "nsa_mask");
_Static_assert(offsetof(struct nbsd_sigaction, nsa_flags) == 24, "nsa_flags");

struct nbsd_stack {
    uint64_t ss_sp;
    uint64_t ss_size;
    int32_t ss_flags;
    int32_t pad;
};
_Static_assert(sizeof(struct nbsd_stack) == 24, "stack_t (Go stackt)");

/* siginfo_t's _ksiginfo on LP64 (sys/sys/siginfo.h): signo, code, errno,
 * a pad, then the reason union: _rt {pid, uid, value}, _fault {addr,
 * trap, trap2, trap3}, _child {pid, uid, status, utime, stime}. */
struct nbsd_siginfo {
    int32_t si_signo;
    int32_t si_code;
    int32_t si_errno;
    int32_t pad;
    union {
        struct { int32_t pid; uint32_t uid; uint64_t value; } rt;
        struct { uint64_t addr; int32_t trap, trap2, trap3; } fault;
        struct { int32_t pid; uint32_t uid; int32_t status; int32_t pad; uint64_t utime, stime; } child;
    } reason;
    uint8_t fill[128 - 16 - 32];
};
_Static_assert(sizeof(struct nbsd_siginfo) == 128, "siginfo_t: 128 bytes");
_Static_assert(offsetof(struct nbsd_siginfo, reason) == 16, "si_addr / si_pid at 16");

/* si_code values that differ from Linux (sys/sys/siginfo.h). */
#define NBSD_SI_USER    0
#define NBSD_SI_QUEUE   (-1)
#define NBSD_SI_TIMER   (-2)
#define NBSD_SI_MESGQ   (-3)
#define NBSD_SI_ASYNCIO (-4)
#define NBSD_SI_LWP     (-5)     /* _lwp_kill: Linux SI_TKILL */
#define NBSD_SI_NOINFO  32767

int nbsd_signo_to_linux(int nsig);      /* 0: no Linux signal */
int nbsd_signo_from_linux(int lsig);    /* 0: no NetBSD signal */
static inline int nbsd_sig_valid(int s) { return s > 0 && s < NBSD_NSIG; }
uint64_t nbsd_sigset_to_linux(const nbsd_sigset_t *s);
void nbsd_sigset_from_linux(nbsd_sigset_t *out, uint64_t linux_mask);
void nbsd_siginfo_from_linux(struct nbsd_siginfo *out, const siginfo_t *in);

#endif
