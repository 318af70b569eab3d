/* What a guest sees as its command line when persona runs it: the host's
 * /proc/PID/cmdline of such a process is persona's own ("persona run
 * [options] [--] PROGRAM ARGS...", or "persona-binfmt PATH ARGV0 ARGS..."
 * when binfmt_misc started it).  Personality-neutral. */
#ifndef PERSONA_SYSCALLS_GUEST_CMDLINE_H
#define PERSONA_SYSCALLS_GUEST_CMDLINE_H
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Is `pid` a process running persona (its /proc/PID/exe is persona's)? */
bool guest_cmdline_is_persona(pid_t pid);

/* Turn persona's NUL-separated command line `in` (len bytes) into the
 * guest's argv, NUL-separated, in `out` (at least len bytes: the guest's
 * is never longer).  *prog is set to the program path inside `in`.
 * Returns the length written, or 0 when `in` is not a persona command
 * line that runs a program. */
size_t guest_cmdline(const char *in, size_t len, char *out, const char **prog);

#endif
