/* Lightweight processes (NetBSD's threads): the calls that need no thread
 * creation yet.  _lwp_create, _lwp_exit, ___lwp_park60 and _lwp_unpark are
 * still MISSING (syscalls.def). */
#include "personality/netbsd/nbsd.h"

/* The LWP's private pointer is its TLS base: on amd64 NetBSD loads it into
 * %fs (sys/kern/kern_lwp.c lwp_setprivate -> cpu_lwp_setprivate). */
long nbsd_sys__lwp_setprivate(struct sysctx *c)
{
    c->t->guest_fsbase = ARG_PTR(c, 0);     /* loaded by the exit door */
    return 0;
}

long nbsd_sys__lwp_getprivate(struct sysctx *c)
{
    return (long)c->t->guest_fsbase;
}

long nbsd_sys__lwp_self(struct sysctx *c)
{
    return c->t->guest_tid;
}
