/* Guest threads on host threads.  Each guest thread runs on its own
 * pthread, with its own persona state (alt stack, host TLS), and is known
 * to the rest of persona by its guest thread id. */
#ifndef PERSONA_SYSCALLS_THREADS_H
#define PERSONA_SYSCALLS_THREADS_H
#include <stdint.h>
#include "syscalls/door.h"

/* Start a host thread that enters the guest at `e` with FS base `fsbase`
 * and guest signal mask `sigmask`.  Returns 0 once the thread exists. */
int threads_spawn(const struct guest_entry *e, uint64_t fsbase,
                  uint64_t sigmask, int guest_tid);
/* Record the calling (main) thread. */
void threads_register_self(struct persona_thread *t, int guest_tid);
/* The host tid of a live guest thread, or -1. */
int threads_host_tid(int guest_tid);
/* The host tid of a live guest thread other than `self` whose guest mask
 * lets `sigbit` through, or -1 (also when the table is being changed:
 * this runs in signal handlers and does not wait). */
int threads_host_tid_accepting(uint64_t sigbit, const struct persona_thread *self);
/* Call fn(host_tid, arg) for every live guest thread but the caller, under
 * the table's lock (fn must not take it).  At most THREADS_MAX_LIVE. */
#define THREADS_MAX_LIVE 8192
void threads_each_other(void (*fn)(int host_tid, void *arg), void *arg);
/* In a fork child: forget every thread but the caller. */
void threads_after_fork(struct persona_thread *self);
/* End the calling guest thread (never returns); the last one ends the
 * process with status 0. */
_Noreturn void threads_exit_current(struct persona_thread *t);

#endif
