/* missing: asks for things persona does not implement, on purpose, so the
 * tests can check what --report-missing and --debug say about them: a
 * system call with no handler (twice), an unknown ioctl request, an
 * unknown sysctl name, a kevent filter persona lacks and a socket option
 * nobody has; and a child it forks asks for one more (the report covers the
 * children too).  Each must fail cleanly with the right errno. */
#include "sys.h"

#ifdef TARGET_FREEBSD
#define NR_UNIMPLEMENTED 338          /* jail(2), sys/kern/syscalls.master */
#define NR_UNIMPLEMENTED_CHILD 436    /* jail_attach(2) */
#define NR_FORK 2
#define NR_WAIT4 7
#define NR_SYSCTLBYNAME 570           /* __sysctlbyname(2) */
#define IOCTL_UNKNOWN 0x4004741aL     /* TIOCGETD = _IOR('t', 26, int), sys/sys/ttycom.h */
#else
#define NR_UNIMPLEMENTED 1000         /* no such Linux system call */
#define NR_UNIMPLEMENTED_CHILD 1001
#define NR_FORK 57
#define NR_WAIT4 61
#define IOCTL_UNKNOWN 0x5424L         /* TIOCGETD */
#endif

int main(int argc, char **argv, char **envp)
{
    put_result("unimplemented call", SC1(NR_UNIMPLEMENTED, 0));
    put_result("unimplemented call again", SC1(NR_UNIMPLEMENTED, 0));
    int fds[2];
    check("pipe2", sys_pipe2(fds, 0));
#ifdef TARGET_FREEBSD
    int disc = 0;
    put_result("unknown ioctl", SC3(54, fds[0], IOCTL_UNKNOWN, &disc));
    static const char name[] = "kern.persona_no_such_name";
    long len = 4;
    int val = 0;
    put_result("unknown sysctl", raw_syscall6(NR_SYSCTLBYNAME, (long)name, sizeof name - 1,
                                              (long)&val, (long)&len, 0, 0));
    /* EVFILT_PROCDESC (-8) on a pipe: FreeBSD's pipe_kqfilter refuses
     * every filter but READ, WRITE and EMPTY with EINVAL
     * (sys/kern/sys_pipe.c); persona has no process-descriptor filter at
     * all (EINVAL, reported). */
    long kq = SC0(362 /* kqueue */);
    check("kqueue", kq);
    struct { unsigned long ident; short filter; unsigned short flags; unsigned fflags;
             long data; unsigned long udata, ext[4]; } kev = { (unsigned long)fds[0], -8, 0x1 /* EV_ADD */, 0, 0, 0, {0} };
    put_result("unsupported kevent filter", raw_syscall6(560 /* kevent */, kq, (long)&kev, 1, 0, 0, 0));
    long s = SC3(97 /* socket */, 2 /* AF_INET */, 2 /* SOCK_DGRAM */, 0);
    check("socket", s);
#define SETSOCKOPT_NR 105
#else
    put_result("unknown ioctl", SC3(16, fds[0], IOCTL_UNKNOWN, 0));
    put_result("unknown sysctl", -2);
    put_result("unsupported kevent filter", -22);
    long s = SC3(41 /* socket */, 2 /* AF_INET */, 2 /* SOCK_DGRAM */, 0);
    check("socket", s);
#define SETSOCKOPT_NR 54
#endif
    /* SOL_SOCKET (0xffff on FreeBSD, 1 on Linux) option 0x7777: neither
     * system knows it (FreeBSD's sosetopt: ENOPROTOOPT). */
    int one = 1;
#ifdef TARGET_FREEBSD
    put_result("unknown socket option", raw_syscall6(SETSOCKOPT_NR, s, 0xffff, 0x7777, (long)&one, 4, 0));
#else
    put_result("unknown socket option", raw_syscall6(SETSOCKOPT_NR, s, 1, 0x7777, (long)&one, 4, 0));
#endif
    long pid = SC0(NR_FORK);
    check("fork", pid);
    if (pid == 0) {
        long r = SC1(NR_UNIMPLEMENTED_CHILD, 0);
        const char *n = errno_name(r);
        sys_exit(n[0] == 'E' && n[1] == 'N' && n[2] == 'O' && n[3] == 'S' && n[4] == 'Y' ? 0 : 1);
    }
    int status = -1;
    check("wait4", SC4(NR_WAIT4, pid, &status, 0, 0));
    put_result("unimplemented call in a child", status == 0 ? 0 : -1);
    return 0;
}
