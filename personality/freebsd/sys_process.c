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
        c->rdx = r == 0 ? 1 : 0;
        c->set_rdx = true;
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
