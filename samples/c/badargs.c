/* badargs: every FreeBSD system call number, called with hostile arguments
 * (NULL, small and non-canonical pointers, -1, huge sizes, a buffer that
 * ends at a guard page).  persona must answer each with a result or an
 * errno, never crash: the test checks that this program finishes.  Calls
 * that would legitimately end or block the program, or make it jump to an
 * argument, are skipped.  FreeBSD build only (the Linux build just prints
 * the same line). */
#include "sys.h"

#ifdef TARGET_FREEBSD
static int skipped(long nr)
{
    static const short skip[] = {
        1, 2, 59, 66, 251, 431, 455, 430, 492,       /* exit, fork, exec, rfork, thr_* */
        37, 433, 481, 456,                            /* kill, thr_kill(2), sigqueue */
        416, 417, 422, 423, 341, 345, 346, 429,       /* sigaction, sigreturn, setcontext, sigsuspend/wait */
        73, 74, 75, 477, 250, 65, 203, 324,           /* munmap, mprotect, madvise, mmap, minherit, msync, mlock */
        454, 165, 209, 93, 545, 363, 560, 240, 244, 7, 532, /* umtx, sysarch, poll, select, kevent, sleeps, wait */
        23, 80, 126, 127, 181, 182, 183, 311, 312,    /* set*id */
        3, 120, 289, 29, 27, 30, 541, 98,             /* read/recv/accept/connect on fd 0 could block */
        509, 575,                                     /* closefrom, close_range: our report fd */
        195,                                          /* setrlimit: a zero RLIMIT_FSIZE ends us */
        0, 198,                                       /* indirect syscall: any of the above */
        335, 336,   /* Linux's uretprobe/uprobe numbers: seccomp filters never see them
                       (Linux >= 6.12 passes them through), so under --backend=seccomp
                       without rewriting the kernel itself answers (SIGILL) */
    };
    for (unsigned i = 0; i < sizeof skip / sizeof skip[0]; i++)
        if (skip[i] == nr)
            return 1;
    return 0;
}
#endif

int main(int argc, char **argv, char **envp)
{
    int out = 1;
#ifdef TARGET_FREEBSD
    /* Random close()/dup2() calls may take fd 1: report on a copy of it. */
    out = (int)SC3(92 /* fcntl */, 1, 0 /* F_DUPFD */, 500);
    if (out < 0)
        die("fcntl", out);
    /* A zero-filled buffer whose end touches an inaccessible page. */
    char *area = sys_mmap(0, 8192, 3, 0x1000 | 0x0002 /* MAP_ANON|MAP_PRIVATE */, -1, 0);
    if ((long)area < 0)
        die("mmap", (long)area);
    sys_mprotect(area + 4096, 4096, 0);
    long buf = (long)area + 4096 - 512;
    const long vals[] = { 0, 1, -1, 8, 0x7fffffffffffL, 0x8000000000000000L, buf, 4096 };
    const int nv = sizeof vals / sizeof vals[0];
    unsigned long seed = 12345;
    long calls = 0;
    for (long nr = 0; nr < 600; nr++) {
        if (skipped(nr))
            continue;
        for (int round = 0; round < 12; round++) {
            long a[6];
            for (int k = 0; k < 6; k++) {
                seed = seed * 6364136223846793005UL + 1442695040888963407UL;
                a[k] = vals[(seed >> 33) % nv];
            }
            memset((void *)buf, 0, 512);
            raw_syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
            calls++;
        }
    }
    (void)calls;
#endif
    put_fd(out, "badargs: every call answered\n");
    return 0;
}
