/* Time calls FreeBSD and NetBSD share: struct timeval and itimerval are
 * 64-bit seconds then microseconds on both (NetBSD's int suseconds_t is
 * padded to 8 bytes, sys/sys/time.h), the Linux x86-64 layout; the
 * ITIMER_REAL/VIRTUAL/PROF numbers 0..2 agree. */
#include "personality/bsd/bsd.h"
#include "syscalls/door.h"
#include "syscalls/uaccess.h"
#include <errno.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/time.h>

long bsd_sys_gettimeofday(struct sysctx *c)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    if (ARG_PTR(c, 0) && copy_to_guest(ARG_PTR(c, 0), &tv, sizeof tv))
        return -EFAULT;
    if (ARG_PTR(c, 1)) {
        /* struct timezone: always zero, as both kernels report. */
        int32_t tz[2] = { 0, 0 };
        if (copy_to_guest(ARG_PTR(c, 1), tz, sizeof tz))
            return -EFAULT;
    }
    return 0;
}

long bsd_sys_setitimer(struct sysctx *c)
{
    return HOST3(SYS_setitimer, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2));
}

long bsd_sys_getitimer(struct sysctx *c)
{
    return HOST2(SYS_getitimer, ARG_INT(c, 0), ARG_PTR(c, 1));
}
