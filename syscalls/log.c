#include "syscalls/log.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

bool persona_debug;

long quiet_write(int fd, const void *buf, unsigned long len)
{
    /* Block SIGPIPE for the write; if the reader is gone, take back the
     * SIGPIPE the kernel queued for this thread before unblocking. */
    uint64_t pipe_bit = 1ULL << (SIGPIPE - 1), old;
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &pipe_bit, &old, 8);
    long r = syscall(SYS_write, fd, buf, len);
    if (r < 0)
        r = -errno;
    if (r == -EPIPE && !(old & pipe_bit)) {
        struct timespec zero = { 0, 0 };
        syscall(SYS_rt_sigtimedwait, &pipe_bit, NULL, &zero, 8);
    }
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &old, NULL, 8);
    return r;
}

/* Formats into one buffer and writes it with a single write(2), so lines
 * from several threads never interleave mid-line. */
static void vemit(const char *fmt, va_list ap)
{
    char buf[1024];
    int n = snprintf(buf, sizeof buf, "persona: ");
    n += vsnprintf(buf + n, sizeof buf - n - 1, fmt, ap);
    if (n > (int)sizeof buf - 2)
        n = sizeof buf - 2;
    buf[n++] = '\n';
    quiet_write(2, buf, n);
}

void warnmsg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vemit(fmt, ap);
    va_end(ap);
}

void debugmsg(const char *fmt, ...)
{
    if (!persona_debug)
        return;
    va_list ap;
    va_start(ap, fmt);
    vemit(fmt, ap);
    va_end(ap);
}

void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vemit(fmt, ap);
    va_end(ap);
    _exit(125);
}

void die_status(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vemit(fmt, ap);
    va_end(ap);
    _exit(status);
}
