/* Syscall User Dispatch: the default in-process trap backend. */
#ifndef PERSONA_SYSCALLS_SUD_H
#define PERSONA_SYSCALLS_SUD_H
#include "syscalls/thread.h"
/* Turn on dispatch for the calling thread; every syscall outside the door
 * region then raises SIGSYS while t->selector says BLOCK. */
void sud_enable(struct persona_thread *t);
/* Probe CPU/kernel features the door uses (FSGSBASE). */
void door_probe_cpu(void);
#endif
