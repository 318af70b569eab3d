/* Process-wide credentials.  The BSDs' set*id and setgroups change the
 * credentials of the whole process; Linux's system calls change only the
 * calling thread's (glibc's set*id broadcast makes them process-wide, but
 * its handler cannot run on a thread that is executing guest code: it
 * reads glibc's TLS through %fs, which is the guest's there).  creds_set
 * makes the call in the calling thread and, when it succeeds, in every
 * other guest thread: each gets CREDS_SIGNAL, which enters persona through
 * the door like any signal (FS swapped), makes the same call and says so;
 * the caller waits for all of them (a thread that ends meanwhile counts as
 * done).  The signal is installed with SA_RESTART, so what it interrupts
 * restarts where Linux can restart it. */
#ifndef PERSONA_SYSCALLS_CREDS_H
#define PERSONA_SYSCALLS_CREDS_H
#include <stdbool.h>

/* The first of the Linux real-time signals persona keeps for itself
 * (glibc's SIGRTMIN and the two after it: abi/freebsd/signal.h
 * FBSD_LINUX_PERSONA_SIG0, which no guest signal maps to on either BSD). */
#define CREDS_SIGNAL 34

/* setuid/setgid/setreuid/setregid/setresuid/setresgid/setgroups (Linux
 * numbers and arguments) for every thread of the process: result of the
 * caller's own call. */
long creds_set(long nr, long a, long b, long c);

/* Install CREDS_SIGNAL's handler (signals_init). */
void creds_init(void);

/* In the door's signal dispatch: true when sig was CREDS_SIGNAL (the
 * request has been carried out in this thread). */
bool creds_on_signal(int sig);

#endif
