/* Processes: fork(2), vfork(2), execve(2), wait4(2), setpgid(2). */
#include "personality/freebsd/fbsd.h"
#include "personality/freebsd/fbsd_fs.h"
#include "abi/freebsd/signal.h"
#include "syscalls/process.h"
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

/* FreeBSD fork: the parent gets the child's pid with %rdx = 0, the child
 * gets 0 with %rdx = 1 (sys/kern/kern_fork.c, cpu_fork). */
long fbsd_sys_fork(struct sysctx *c)
{
    long r = process_fork(c->t);
    if (r >= 0) {
        c->rv[1] = r == 0 ? 1 : 0;
    }
    return r;
}

/* vfork is a fork here: the parent does not wait for the child's exec,
 * which programs written for vfork cannot tell apart except by timing. */
long fbsd_sys_vfork(struct sysctx *c) { return fbsd_sys_fork(c); }

/* Copy a NULL-terminated guest array of strings into host memory.
 * FreeBSD's ARG_MAX is 2 MiB for argv + envp together (sys/sys/syslimits.h
 * says 256 KiB historically; kern.argmax reports 524288 here). */
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

long fbsd_sys_execve(struct sysctx *c)
{
    char path[FBSD_PATH_MAX];
    long r = GUEST_PATH(c, 0, path);
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

/* wait options (sys/sys/wait.h): WNOHANG 1, WUNTRACED 2, WCONTINUED 4,
 * WNOWAIT 8, WEXITED 16, WTRAPPED 32. */
#define FBSD_WNOHANG    1
#define FBSD_WUNTRACED  2
#define FBSD_WCONTINUED 4
#define FBSD_WNOWAIT    8

/* The status word has the same shape on both systems (low 7 bits: the
 * terminating signal, 0x7f: stopped, exit code in bits 8..15), but signal
 * numbers differ, and FreeBSD's "continued" status is 0x13 (SIGCONT in the
 * stop-signal slot, sys/sys/wait.h _WCONTINUED) where Linux uses 0xffff. */
static int status_to_fbsd(int st)
{
    if (st == 0xffff)
        return 0x13;
    int low = st & 0x7f;
    if (low == 0)
        return st;                                    /* exited */
    if (low == 0x7f) {                                /* stopped */
        int sig = fbsd_signo_from_linux((st >> 8) & 0xff);
        return (st & ~0xff00) | ((sig ? sig : (st >> 8) & 0xff) << 8);
    }
    int sig = fbsd_signo_from_linux(low);             /* killed */
    return (st & ~0x7f) | (sig ? sig : low);
}

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
        int fst = status_to_fbsd(status);
        if (copy_to_guest(ARG_PTR(c, 1), &fst, sizeof fst))
            return -EFAULT;
    }
    return r;
}

long fbsd_sys_setpgid(struct sysctx *c)
{
    return HOST2(SYS_setpgid, ARG_INT(c, 0), ARG_INT(c, 1));
}

/* wait6(idtype, id, *status, options, *wrusage, *siginfo).  idtype_t
 * (sys/sys/wait.h): P_PID 0, P_PPID 1, P_PGID 2, ..., P_ALL 7; options add
 * WEXITED 16 and WTRAPPED 32 to wait4's. */
#define FBSD_P_PID  0
#define FBSD_P_PGID 2
#define FBSD_P_ALL  7
#define FBSD_WEXITED 16
#define FBSD_WTRAPPED 32

/* The wait4-style status word of a waitid(2) result, in FreeBSD numbers. */
static int status_from_siginfo(const siginfo_t *si)
{
    int sig = fbsd_signo_from_linux(si->si_status);
    switch (si->si_code) {
    case CLD_EXITED:    return (si->si_status & 0xff) << 8;
    case CLD_KILLED:    return sig;
    case CLD_DUMPED:    return sig | 0x80;
    case CLD_STOPPED:
    case CLD_TRAPPED:   return (sig << 8) | 0x7f;
    case CLD_CONTINUED: return 0x13;
    default:            return 0;
    }
}

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
        int st = status_from_siginfo(&si);
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
