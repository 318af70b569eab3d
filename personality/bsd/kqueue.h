/* The BSDs' kqueue emulation (kqueue.c): the hooks other parts of the
 * FreeBSD personality may call.  The syscall handlers themselves are
 * declared in fbsd.h from the table. */
#ifndef PERSONA_PERSONALITY_BSD_KQUEUE_H
#define PERSONA_PERSONALITY_BSD_KQUEUE_H

/* The descriptor table's close hook for kqueue (syscalls/fdtable.h,
 * FDT_KQUEUE), run BEFORE the guest's descriptors lo..hi (inclusive) are
 * closed or replaced (close, dup2/dup3 onto an open target, closefrom,
 * close_range): FreeBSD drops every knote of a descriptor on its close, and
 * a closed kqueue descriptor stops being a kqueue.  Without it the
 * emulation still works (stale state is detected lazily), but an epoll
 * registration can outlive the close when the open file is still
 * referenced elsewhere (a dup, a child process), and then keeps reporting
 * for the old file. */
void bsd_kqueue_fds_closing(int lo, int hi);

/* Call in the child after a guest fork() if the fork is not made through
 * glibc's fork() (which runs it by itself through pthread_atfork):
 * FreeBSD children do not inherit kqueues, so the child closes its copies
 * of the kqueue descriptors and forgets all kqueue state. */
void bsd_kqueue_fork_child(void);

/* kqueue and kevent, both BSDs (kqueue.c): the emulation works in
 * FreeBSD's struct kevent; the guest's own layout is converted at the
 * edges.  Its error numbers are FreeBSD's, the same as NetBSD's for every
 * one it returns (EBADF, ENOENT, ENOMEM, EINVAL, EEXIST, EOPNOTSUPP...,
 * both 4.4BSD numbering). */
#include "personality/personality.h"
enum bsd_kev_layout {
    BSD_KEV_FREEBSD,    /* FreeBSD 12+: 64 bytes */
    BSD_KEV_FREEBSD11,  /* freebsd11_kevent: 32 bytes */
    BSD_KEV_NETBSD,     /* NetBSD __kevent50: 40 bytes */
};
long bsd_sys_kqueue(struct sysctx *c);
long bsd_kevent(struct sysctx *c, enum bsd_kev_layout layout);

#endif
