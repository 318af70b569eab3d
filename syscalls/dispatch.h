/* The system call path shared by every personality and every way in: decode
 * the guest's registers, look the call up in the personality's table, run
 * it, apply the handler contract (personality/personality.h) and let the
 * personality encode the result.  Backends call syscall_enter; nothing here
 * knows which OS the guest speaks or how its call was caught. */
#ifndef PERSONA_SYSCALLS_DISPATCH_H
#define PERSONA_SYSCALLS_DISPATCH_H
#include "personality/personality.h"

/* One guest system call whose registers are in *regs (%rip just past the
 * `syscall` instruction).  On return *regs hold what the guest resumes
 * with; pending guest signals are not delivered here (the exit door does).
 * `trapped`: it was caught by a signal (SIGSYS), not entered from a
 * rewritten site (--stats adds the trap's cost). */
void syscall_enter(struct persona_thread *t, struct guest_regs *regs, bool trapped);

/* Run c->nr with c->a[] through the active table (for indirect calls such
 * as FreeBSD's syscall(2), which re-enter with another number). */
long syscall_run(struct sysctx *c);

#endif
