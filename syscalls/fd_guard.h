#ifndef PERSONA_SYSCALLS_FD_GUARD_H
#define PERSONA_SYSCALLS_FD_GUARD_H
#include <stdbool.h>
#include "personality/personality.h"
/* False if a descriptor argument of the call names one of persona's own
 * descriptors (the call then fails with EBADF); a directory-descriptor
 * argument naming one is replaced by -1. */
bool fd_guard_args(const struct syscall_entry *e, struct sysctx *c);
#endif
