#include "syscalls/log.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

bool persona_debug;

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
    ssize_t r = write(2, buf, n);
    (void)r;
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
