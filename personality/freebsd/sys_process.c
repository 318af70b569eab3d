/* Processes: wait4(2), wait6(2); fork, vfork, execve and setpgid are
 * shared with NetBSD (personality/bsd/process.c). */
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/signal.h"
#include "syscalls/process.h"
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

/* wait options (sys/sys/wait.h): WNOHANG 1, WUNTRACED 2, WCONTINUED 4,
 * WNOWAIT 8, WEXITED 16, WTRAPPED 32. */
#define FBSD_WNOHANG    1
#define FBSD_WUNTRACED  2
#define FBSD_WCONTINUED 4
#define FBSD_WNOWAIT    8

/* FreeBSD's "continued" status is 0x13 (SIGCONT in the stop-signal slot,
 * sys/sys/wait.h _WCONTINUED) where Linux uses 0xffff. */
#define FBSD_WCONTINUED_STATUS 0x13

long fbsd_sys_wait4(struct sysctx *c)
{
    int fopt = ARG_INT(c, 2);
    if (fopt & ~(FBSD_WNOHANG | FBSD_WUNTRACED | FBSD_WCONTINUED | FBSD_WNOWAIT))
        return -EINVAL;
    int opt = ((fopt & FBSD_WNOHANG) ? WNOHANG : 0) | ((fopt & FBSD_WUNTRACED) ? WUNTRACED : 0) |
              ((fopt & FBSD_WCONTINUED) ? WCONTINUED : 0) | ((fopt & FBSD_WNOWAIT) ? WNOWAIT : 0);
    int status = 0;
    long r = HOST4(SYS_wait4, ARG_INT(c, 0), &status, opt, ARG_PTR(c, 3));
    if (r > 0 && ARG_PTR(c, 1)) {
        int fst = bsd_wait_status_from_linux(status, fbsd_signo_from_linux, FBSD_WCONTINUED_STATUS);
        if (copy_to_guest(ARG_PTR(c, 1), &fst, sizeof fst))
            return -EFAULT;
    }
    return r;
}

/* wait6(idtype, id, *status, options, *wrusage, *siginfo).  idtype_t
 * (sys/sys/wait.h): P_PID 0, P_PPID 1, P_PGID 2, ..., P_ALL 7; options add
 * WEXITED 16 and WTRAPPED 32 to wait4's. */
#define FBSD_P_PID  0
#define FBSD_P_PGID 2
#define FBSD_P_ALL  7
#define FBSD_WEXITED 16
#define FBSD_WTRAPPED 32

long fbsd_sys_wait6(struct sysctx *c)
{
    int idtype;
    switch (ARG_INT(c, 0)) {
    case FBSD_P_PID:  idtype = P_PID; break;
    case FBSD_P_PGID: idtype = P_PGID; break;
    case FBSD_P_ALL:  idtype = P_ALL; break;
    case 3: case 5: case 6: case 12:
        return -EINVAL;     /* P_SID, P_UID, P_GID, P_JAILID: not done here */
    default: idtype = -1; break;
    }
    int fopt = ARG_INT(c, 3);
    if (fopt & ~(FBSD_WNOHANG | FBSD_WUNTRACED | FBSD_WCONTINUED | FBSD_WNOWAIT |
                 FBSD_WEXITED | FBSD_WTRAPPED))
        return -EINVAL;
    if (!(fopt & (FBSD_WEXITED | FBSD_WUNTRACED | FBSD_WCONTINUED | FBSD_WTRAPPED)))
        return -EINVAL;     /* kern_wait6: nothing to wait for */
    /* Any other idtype matches no child: FreeBSD's proc_to_reap
     * (sys/kern/kern_exit.c) skips every child for it, so the wait ends in
     * ECHILD once the options passed their checks. */
    if (idtype < 0)
        return -ECHILD;
    int opt = ((fopt & FBSD_WNOHANG) ? WNOHANG : 0) | ((fopt & FBSD_WUNTRACED) ? WSTOPPED : 0) |
              ((fopt & FBSD_WCONTINUED) ? WCONTINUED : 0) | ((fopt & FBSD_WNOWAIT) ? WNOWAIT : 0) |
              ((fopt & FBSD_WEXITED) ? WEXITED : 0);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    long r = HOST5(SYS_waitid, idtype, ARG_LONG(c, 1), &si, opt, NULL);
    if (r < 0)
        return r;
    if (si.si_pid == 0)
        return 0;       /* WNOHANG and nothing to report */
    if (ARG_PTR(c, 2)) {
        int st = bsd_wait_status_from_siginfo(&si, fbsd_signo_from_linux, FBSD_WCONTINUED_STATUS);
        if (copy_to_guest(ARG_PTR(c, 2), &st, sizeof st))
            return -EFAULT;
    }
    if (ARG_PTR(c, 4)) {
        /* struct __wrusage: two struct rusage (144 bytes each). */
        static const uint8_t zero[288];
        if (copy_to_guest(ARG_PTR(c, 4), zero, sizeof zero))
            return -EFAULT;
    }
    if (ARG_PTR(c, 5)) {
        struct fbsd_siginfo fsi;
        fbsd_siginfo_from_linux(&fsi, &si);
        if (copy_to_guest(ARG_PTR(c, 5), &fsi, sizeof fsi))
            return -EFAULT;
    }
    return si.si_pid;
}
