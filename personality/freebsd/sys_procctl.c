/* procctl(2): the process controls Linux has a counterpart for.  Command
 * numbers from FreeBSD sys/sys/procctl.h; idtype_t P_PID is 0. */
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/signal.h"
#include "syscalls/report.h"
#include "syscalls/process.h"
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <unistd.h>

#define FBSD_P_PID                     0
#define FBSD_PROC_PDEATHSIG_CTL        11
#define FBSD_PROC_PDEATHSIG_STATUS     12
#define FBSD_PROC_NO_NEW_PRIVS_CTL     19
#define FBSD_PROC_NO_NEW_PRIVS_STATUS  20
#define FBSD_PROC_NO_NEW_PRIVS_ENABLE  1
#define FBSD_PROC_NO_NEW_PRIVS_DISABLE 2

long fbsd_sys_procctl(struct sysctx *c)
{
    int idtype = ARG_INT(c, 0), cmd = ARG_INT(c, 2);
    long id = ARG_LONG(c, 1);
    uint64_t data = ARG_PTR(c, 3);
    int v;
    /* These commands act on the caller only: P_PID with its pid or 0. */
    if (idtype != FBSD_P_PID || (id != 0 && id != (long)HOST0(SYS_getpid)))
        return -EINVAL;
    switch (cmd) {
    case FBSD_PROC_PDEATHSIG_CTL: {
        if (copy_from_guest(&v, data, sizeof v))
            return -EFAULT;
        int hsig = v == 0 ? 0 : (fbsd_sig_valid(v) ? fbsd_signo_to_linux(v) : 0);
        if (v != 0 && !hsig)
            return -EINVAL;
        /* Linux sends it when the parent *thread* ends, FreeBSD when the
         * parent process does: the row is PARTIAL for that. */
        return HOST2(SYS_prctl, PR_SET_PDEATHSIG, hsig);
    }
    case FBSD_PROC_PDEATHSIG_STATUS: {
        int hsig = 0;
        long r = HOST2(SYS_prctl, PR_GET_PDEATHSIG, &hsig);
        if (r < 0)
            return r;
        v = hsig ? fbsd_signo_from_linux(hsig) : 0;
        return copy_to_guest(data, &v, sizeof v);
    }
    case FBSD_PROC_NO_NEW_PRIVS_CTL:
        if (copy_from_guest(&v, data, sizeof v))
            return -EFAULT;
        if (v != FBSD_PROC_NO_NEW_PRIVS_ENABLE)
            return -EINVAL;     /* it cannot be turned off again, as on FreeBSD */
        return HOST5(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    case FBSD_PROC_NO_NEW_PRIVS_STATUS: {
        long r = HOST5(SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
        if (r < 0)
            return r;
        v = r ? FBSD_PROC_NO_NEW_PRIVS_ENABLE : FBSD_PROC_NO_NEW_PRIVS_DISABLE;
        return copy_to_guest(data, &v, sizeof v);
    }
    default: {
        char what[48];
        snprintf(what, sizeof what, "procctl command %d", cmd);
        report_unimplemented(REPORT_OTHER, what, cmd, "EINVAL", c->regs);
        return -EINVAL;
    }
    }
}

/* ptrace(2) is shared with NetBSD (personality/bsd/process.c). */
