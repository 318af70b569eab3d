/* Process calls both BSDs make the same way: fork and vfork (return
 * registers), execve (argument copying), and the pieces of wait4/wait6
 * whose only difference is a signal-number table. */
#include "personality/bsd/bsd.h"
#include "syscalls/door.h"
#include "syscalls/process.h"
#include "syscalls/report.h"
#include "syscalls/uaccess.h"
#include "syscalls/vfs.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>

/* The parent gets the child's pid with %rdx = 0, the child gets 0 with
 * %rdx = 1: FreeBSD sys/kern/kern_fork.c + cpu_fork, NetBSD
 * sys/arch/amd64/amd64/vm_machdep.c cpu_lwp_fork / md child_return
 * (retval[1] = 1 in the child), libc's fork stubs test %rdx. */
long bsd_sys_fork(struct sysctx *c)
{
    long r = process_fork(c->t);
    if (r >= 0)
        c->rv[1] = r == 0 ? 1 : 0;
    return r;
}

/* vfork is a fork here: the parent does not wait for the child's exec,
 * which programs written for vfork cannot tell apart except by timing. */
long bsd_sys_vfork(struct sysctx *c) { return bsd_sys_fork(c); }

/* Copy a NULL-terminated guest array of strings into host memory.
 * ARG_MAX for argv + envp together: 2 MiB is the larger of the two
 * systems' (FreeBSD kern.argmax, NetBSD sys/sys/syslimits.h 256 KiB). */
#define EXEC_MAX_STRINGS 65536
#define EXEC_MAX_BYTES (2u << 20)

static long copy_strings(uint64_t uarr, char ***out, size_t *budget)
{
    *out = NULL;
    if (!uarr) {
        *out = calloc(1, sizeof(char *));
        return *out ? 0 : -ENOMEM;
    }
    size_t n = 0, cap = 16;
    char **v = malloc(cap * sizeof *v);
    if (!v)
        return -ENOMEM;
    for (;;) {
        uint64_t p;
        if (copy_from_guest(&p, uarr + 8 * n, 8)) {
            v[n] = NULL;
            *out = v;
            return -EFAULT;
        }
        if (!p)
            break;
        if (n + 2 > cap) {
            if (cap * 2 > EXEC_MAX_STRINGS) {
                v[n] = NULL;
                *out = v;
                return -E2BIG;
            }
            char **nv = realloc(v, cap * 2 * sizeof *v);
            if (!nv) {
                v[n] = NULL;
                *out = v;
                return -ENOMEM;
            }
            v = nv;
            cap *= 2;
        }
        char tmp[4096];
        long len = string_from_guest(tmp, p, sizeof tmp);
        char *s;
        if (len == -ENAMETOOLONG) {
            /* A long string: measure it in steps. */
            size_t size = sizeof tmp * 2;
            for (;;) {
                s = malloc(size);
                if (!s)
                    break;
                len = string_from_guest(s, p, size);
                if (len != -ENAMETOOLONG || size >= EXEC_MAX_BYTES)
                    break;
                free(s);
                size *= 2;
            }
            if (!s)
                len = -ENOMEM;
        } else {
            s = len >= 0 ? strdup(tmp) : NULL;
        }
        if (len < 0 || !s || (size_t)len + 1 > *budget) {
            free(s);
            v[n] = NULL;
            *out = v;
            return len < 0 ? (len == -ENAMETOOLONG ? -E2BIG : len) : (s ? -E2BIG : -ENOMEM);
        }
        *budget -= (size_t)len + 1;
        v[n++] = s;
    }
    v[n] = NULL;
    *out = v;
    return 0;
}

static void free_strings(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

/* execve(path, argv, envp): a binary of a personality persona runs starts
 * under persona again, anything else natively (syscalls/process.h).  Both
 * BSDs keep PATH_MAX at 1024 (sys/sys/syslimits.h). */
long bsd_sys_execve(struct sysctx *c)
{
    char path[1024];
    long r = vfs_path_from_guest(c, ARG_PTR(c, 0), path, sizeof path);
    if (r < 0)
        return r;
    char **argv = NULL, **envp = NULL;
    size_t budget = EXEC_MAX_BYTES;
    r = copy_strings(ARG_PTR(c, 1), &argv, &budget);
    if (r == 0)
        r = copy_strings(ARG_PTR(c, 2), &envp, &budget);
    if (r == 0)
        r = process_exec(path, argv, envp, c->t->sigmask);
    free_strings(argv);
    free_strings(envp);
    return r;
}


/* The status word has the same shape on the BSDs as on Linux (low 7 bits:
 * the terminating signal, 0x80 the core flag, 0x7f: stopped with the
 * signal in bits 8..15, exit code in bits 8..15), but signal numbers
 * differ, and so may the "continued" word (`continued`). */
int bsd_wait_status_from_linux(int st, int (*signo_from_linux)(int), int continued)
{
    if (st == 0xffff)
        return continued;
    int low = st & 0x7f;
    if (low == 0)
        return st;                                    /* exited */
    if (low == 0x7f) {                                /* stopped */
        int sig = signo_from_linux((st >> 8) & 0xff);
        return (st & ~0xff00) | ((sig ? sig : (st >> 8) & 0xff) << 8);
    }
    int sig = signo_from_linux(low);                  /* killed */
    return (st & ~0x7f) | (sig ? sig : low);
}

/* The same word built from a waitid(2) result. */
int bsd_wait_status_from_siginfo(const siginfo_t *si, int (*signo_from_linux)(int), int continued)
{
    int sig = signo_from_linux(si->si_status);
    switch (si->si_code) {
    case CLD_EXITED:    return (si->si_status & 0xff) << 8;
    case CLD_KILLED:    return sig;
    case CLD_DUMPED:    return sig | 0x80;
    case CLD_STOPPED:
    case CLD_TRAPPED:   return (sig << 8) | 0x7f;
    case CLD_CONTINUED: return continued;
    default:            return 0;
    }
}

/* ptrace(2): only PT_TRACE_ME (0 on both, sys/sys/ptrace.h), which a
 * child asks for before exec'ing a program its parent traces.  It cannot
 * take effect at once: every system call of a guest is a SIGSYS, and a traced process
 * stops at each signal for its tracer.  So it is applied at the exec, when
 * the new program is a native one (syscalls/process.c).  Tracing a guest
 * with the BSDs' requests is not emulated. */
#define BSD_PT_TRACE_ME 0

long bsd_sys_ptrace(struct sysctx *c)
{
    int req = ARG_INT(c, 0);
    if (req == BSD_PT_TRACE_ME) {
        process_trace_me_at_exec();
        return 0;
    }
    /* The target is looked up first: FreeBSD kern_ptrace (sys/kern/
     * sys_process.c), NetBSD do_ptrace (sys/kern/sys_ptrace_common.c). */
    int pid = ARG_INT(c, 1);
    if (pid > 0 && HOST2(SYS_kill, pid, 0) == -ESRCH)
        return -ESRCH;
    char what[48];
    snprintf(what, sizeof what, "ptrace request %d", req);
    report_unimplemented(REPORT_OTHER, what, req, "EINVAL", c->regs);
    return -EINVAL;
}
