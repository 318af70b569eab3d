/* persona's own messages: one line, prefixed "persona: ". */
#ifndef PERSONA_SYSCALLS_LOG_H
#define PERSONA_SYSCALLS_LOG_H
#include <errno.h>
#include <stdbool.h>

extern bool persona_debug;     /* PERSONA_DEBUG set, or --trace */

void warnmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* die() with a given exit status. */
_Noreturn void die_status(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* write(2) of persona's own output that never raises SIGPIPE (which would
 * reach the guest): returns bytes written or -errno. */
long quiet_write(int fd, const void *buf, unsigned long len);
void debugmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
