/* NetBSD <-> Linux signal numbers, sets and siginfo (abi/netbsd/signal.h). */
#include "abi/netbsd/signal.h"
#include "abi/freebsd/signal.h"   /* the Linux real-time slots both BSDs share */
#include <string.h>

/* NetBSD numbers 1..32 -> Linux (sys/sys/signal.h); 7 SIGEMT and
 * 29 SIGINFO have no Linux counterpart.  The real-time ones, SIGRTMIN 33
 * .. SIGRTMAX 63, go where FreeBSD's do (abi/freebsd/signal.h): NetBSD
 * 33+k to Linux FBSD_LINUX_RTBASE+k while that stays below Linux 64, so
 * 33..57; 58..63 have no Linux slot. */
static const unsigned char to_linux[33] = {
    [1] = SIGHUP, [2] = SIGINT, [3] = SIGQUIT, [4] = SIGILL, [5] = SIGTRAP,
    [6] = SIGABRT, [7] = 0, [8] = SIGFPE, [9] = SIGKILL, [10] = SIGBUS,
    [11] = SIGSEGV, [12] = SIGSYS, [13] = SIGPIPE, [14] = SIGALRM, [15] = SIGTERM,
    [16] = SIGURG, [17] = SIGSTOP, [18] = SIGTSTP, [19] = SIGCONT, [20] = SIGCHLD,
    [21] = SIGTTIN, [22] = SIGTTOU, [23] = SIGIO, [24] = SIGXCPU, [25] = SIGXFSZ,
    [26] = SIGVTALRM, [27] = SIGPROF, [28] = SIGWINCH, [29] = 0, [30] = SIGUSR1,
    [31] = SIGUSR2, [32] = SIGPWR,
};

int nbsd_signo_to_linux(int nsig)
{
    if (nsig > 0 && nsig <= 32)
        return to_linux[nsig];
    if (nsig >= NBSD_SIGRTMIN && nsig < NBSD_NSIG) {
        int l = FBSD_LINUX_RTBASE + (nsig - NBSD_SIGRTMIN);
        return l < FBSD_LINUX_SIGRTMAX ? l : 0;
    }
    return 0;
}

int nbsd_signo_from_linux(int lsig)
{
    for (int n = 1; n <= 32; n++)
        if (to_linux[n] && to_linux[n] == lsig)
            return n;
    if (lsig >= FBSD_LINUX_RTBASE && lsig < FBSD_LINUX_SIGRTMAX)
        return NBSD_SIGRTMIN + (lsig - FBSD_LINUX_RTBASE);
    return 0;
}

uint64_t nbsd_sigset_to_linux(const nbsd_sigset_t *s)
{
    uint64_t m = 0;
    for (int n = 1; n < NBSD_NSIG; n++)
        if ((s->bits[(n - 1) / 32] >> ((n - 1) % 32)) & 1) {
            int l = nbsd_signo_to_linux(n);
            if (l)
                m |= 1ULL << (l - 1);
        }
    return m;
}

void nbsd_sigset_from_linux(nbsd_sigset_t *out, uint64_t m)
{
    memset(out, 0, sizeof *out);
    for (int n = 1; n < NBSD_NSIG; n++) {
        int l = nbsd_signo_to_linux(n);
        if (l && ((m >> (l - 1)) & 1))
            out->bits[(n - 1) / 32] |= 1u << ((n - 1) % 32);
    }
}

static int code_from_linux(int code)
{
    switch (code) {
    case SI_USER:    return NBSD_SI_USER;
    case SI_QUEUE:   return NBSD_SI_QUEUE;
    case SI_TIMER:   return NBSD_SI_TIMER;
    case SI_MESGQ:   return NBSD_SI_MESGQ;
    case SI_ASYNCIO: return NBSD_SI_ASYNCIO;
    case SI_TKILL:   return NBSD_SI_LWP;
    case SI_KERNEL:  return NBSD_SI_NOINFO;
    default:         return code > 0 ? code : NBSD_SI_NOINFO;  /* ILL_/SEGV_/BUS_/CLD_ match */
    }
}

void nbsd_siginfo_from_linux(struct nbsd_siginfo *out, const siginfo_t *in)
{
    memset(out, 0, sizeof *out);
    out->si_signo = nbsd_signo_from_linux(in->si_signo);
    out->si_code = code_from_linux(in->si_code);
    out->si_errno = 0;
    switch (in->si_signo) {
    case SIGSEGV: case SIGBUS: case SIGILL: case SIGFPE: case SIGTRAP:
        if (in->si_code > 0) {
            out->reason.fault.addr = (uint64_t)in->si_addr;
            break;
        }
        /* sent by a process */
        __attribute__((fallthrough));
    default:
        out->reason.rt.pid = in->si_pid;
        out->reason.rt.uid = in->si_uid;
        out->reason.rt.value = (uint64_t)in->si_value.sival_ptr;
        break;
    case SIGCHLD:
        out->reason.child.pid = in->si_pid;
        out->reason.child.uid = in->si_uid;
        out->reason.child.status = in->si_status;
        break;
    }
}
