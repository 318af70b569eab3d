/* Processes: __wait450 (wait4), wait6, getrlimit/setrlimit and setgroups
 * with NetBSD's numbers; fork, vfork, __vfork14, execve and the identity
 * calls are the ones shared with FreeBSD (personality/bsd/, mapped in
 * nbsd.h). */
#include "personality/netbsd/nbsd.h"
#include "abi/netbsd/resource.h"
#include "abi/netbsd/signal.h"
#include "abi/netbsd/wait.h"
#include <string.h>
#include <sys/wait.h>

/* __wait450(pid, *status, options, *rusage) (sys/kern/kern_exit.c). */
long nbsd_sys___wait450(struct sysctx *c)
{
    int opt = nbsd_wait_options_to_linux(ARG_INT(c, 2), 0);
    if (opt < 0)
        return -EINVAL;
    int status = 0;
    long r = HOST4(SYS_wait4, ARG_INT(c, 0), &status, opt, ARG_PTR(c, 3));
    if (r > 0 && ARG_PTR(c, 1)) {
        int nst = bsd_wait_status_from_linux(status, nbsd_signo_from_linux, NBSD_WCONTINUED_STATUS);
        if (copy_to_guest(ARG_PTR(c, 1), &nst, sizeof nst))
            return -EFAULT;
    }
    return r;
}

/* wait6(idtype, id, *status, options, *wrusage, *siginfo) (sys/kern/
 * kern_exit.c).  P_ALL, P_PID, P_PGID; the other id types are EINVAL. */
long nbsd_sys_wait6(struct sysctx *c)
{
    int idtype;
    switch (ARG_INT(c, 0)) {
    case NBSD_P_ALL:  idtype = P_ALL; break;
    case NBSD_P_PID:  idtype = P_PID; break;
    case NBSD_P_PGID: idtype = P_PGID; break;
    default: return -EINVAL;
    }
    int opt = nbsd_wait_options_to_linux(ARG_INT(c, 3), 1);
    if (opt < 0)
        return -EINVAL;
    siginfo_t si;
    memset(&si, 0, sizeof si);
    long r = HOST5(SYS_waitid, idtype, ARG_LONG(c, 1), &si, opt, NULL);
    if (r < 0)
        return r;
    if (si.si_pid == 0)
        return 0;       /* WNOHANG and nothing to report */
    if (ARG_PTR(c, 2)) {
        int st = bsd_wait_status_from_siginfo(&si, nbsd_signo_from_linux, NBSD_WCONTINUED_STATUS);
        if (copy_to_guest(ARG_PTR(c, 2), &st, sizeof st))
            return -EFAULT;
    }
    if (ARG_PTR(c, 4)) {
        /* struct wrusage (sys/sys/resource.h): two struct rusage, 144
         * bytes each; not measured, reported as zero. */
        static const uint8_t zero[288];
        if (copy_to_guest(ARG_PTR(c, 4), zero, sizeof zero))
            return -EFAULT;
    }
    if (ARG_PTR(c, 5)) {
        struct nbsd_siginfo nsi;
        nbsd_siginfo_from_linux(&nsi, &si);
        /* si_status of a killed or stopped child is a signal number. */
        if (si.si_code != CLD_EXITED) {
            int s = nbsd_signo_from_linux(si.si_status);
            nsi.reason.child.status = s ? s : si.si_status;
        }
        if (copy_to_guest(ARG_PTR(c, 5), &nsi, sizeof nsi))
            return -EFAULT;
    }
    return si.si_pid;
}

long nbsd_sys_getrlimit(struct sysctx *c)
{
    return bsd_getrlimit(c, nbsd_rlimit_resource_to_linux);
}

long nbsd_sys_setrlimit(struct sysctx *c)
{
    return bsd_setrlimit(c, nbsd_rlimit_resource_to_linux);
}

/* NetBSD's NGROUPS_MAX is 16 (sys/sys/syslimits.h). */
long nbsd_sys_setgroups(struct sysctx *c)
{
    return bsd_setgroups(c, 16);
}
