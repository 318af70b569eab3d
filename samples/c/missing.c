/* missing: asks for things persona does not implement, on purpose, so the
 * tests can check what --report-missing and --debug say about them: a
 * system call with no handler (twice), an unknown ioctl request and an
 * unknown sysctl name.  Each must fail cleanly with the right errno. */
#include "sys.h"

#ifdef TARGET_FREEBSD
#define NR_UNIMPLEMENTED 338          /* jail(2), sys/kern/syscalls.master */
#define NR_SYSCTLBYNAME 570           /* __sysctlbyname(2) */
#define IOCTL_UNKNOWN 0x4004741aL     /* TIOCGETD = _IOR('t', 26, int), sys/sys/ttycom.h */
#else
#define NR_UNIMPLEMENTED 1000         /* no such Linux system call */
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
#else
    put_result("unknown ioctl", SC3(16, fds[0], IOCTL_UNKNOWN, 0));
    put_result("unknown sysctl", -2);
#endif
    return 0;
}
