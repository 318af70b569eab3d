/* The descriptor space: the guest's, and persona's own above it.
 *
 * A FreeBSD process owns every descriptor number its RLIMIT_NOFILE allows
 * (getrlimit(2), getdtablesize(2)); so does the guest.  persona's own
 * descriptors (the trace output, kqueue's eventfds and timerfds) live in a
 * private range at and above fd_reserved_base(), out of the guest's reach:
 *
 *   0 ............ the guest's ............ base ... persona's ... top
 *
 *   with room:    base = the inherited hard limit, top = base + FD_PRIVATE_SLOTS
 *   without room: top = the inherited hard limit, base = top - top/16
 *
 * At start-up persona raises its host hard limit to make room above the
 * hard limit it inherited (that takes CAP_SYS_RESOURCE in the initial user
 * namespace; the kernel's ceiling is fs.nr_open).  `top` is the host hard
 * limit.  Without room (no privilege, as in most containers), the private
 * range is the top sixteenth of the inherited limit (64 to FD_PRIVATE_SLOTS
 * numbers): the guest still sees its limits as they were given, but gets
 * EMFILE once it reaches the base, some numbers early.
 *
 * The guest's limits are virtual (fd_guest_getrlimit/setrlimit); the host
 * soft limit is the guest's soft limit, or the base if that is lower, so
 * the kernel itself fails the guest's open/socket/pipe/dup with EMFILE,
 * dup2 with EBADF and F_DUPFD with EINVAL where FreeBSD would.  persona
 * lifts it only while it creates one of its own descriptors and moves it
 * into the private range (fd_private_begin/end), under a lock.
 *
 * What the guest names is checked elsewhere: every call with a descriptor
 * argument fails with EBADF for a number >= fd_reserved_base() (the
 * descriptor guard, syscalls/fd_guard.c, run before every handler).
 */
#ifndef PERSONA_SYSCALLS_FDRESERVE_H
#define PERSONA_SYSCALLS_FDRESERVE_H
#include <stdbool.h>
#include <stdint.h>

/* Size of the private range when there is room for it: kqueue keeps one
 * timerfd per timer (at most 4096, kern.kq_calloutmax) plus an eventfd per
 * kqueue with user events, and there is the trace output. */
#define FD_PRIVATE_SLOTS 4608

/* Set the layout up from the inherited limit (done by the first use of
 * anything below; idempotent).  Returns the base. */
int fdspace_init(void);

/* The base for an inherited hard limit and the host hard limit persona
 * got (top >= inherited_hard); pure, for the tests. */
uint64_t fdspace_layout(uint64_t inherited_hard, uint64_t top);

extern int fdspace_base_;    /* 0 until fdspace_init */

/* First descriptor number of persona's private range. */
static inline int fd_reserved_base(void)
{
    int b = __atomic_load_n(&fdspace_base_, __ATOMIC_ACQUIRE);
    return b ? b : fdspace_init();
}

/* Whether fd is one of persona's numbers (never the guest's). */
static inline bool fd_is_reserved(long fd) { return fd >= fd_reserved_base(); }

/* Making one of persona's own descriptors:
 *     fd_private_begin();
 *     int fd = eventfd(0, EFD_CLOEXEC);      (any call that makes one)
 *     fd = fd_private_end(fd);
 * begin lifts the host soft limit (so the call works even when the guest
 * has used up its own limit); end moves the descriptor into the private
 * range, close-on-exec, and puts the guest's limit back.  end returns the
 * new number or -errno (then nothing is left open); a negative fd passed
 * to it is returned as -errno. */
void fd_private_begin(void);
int fd_private_end(int fd);

/* Move an existing descriptor of persona's into the private range
 * (begin + end around nothing); the new number or -errno. */
int fd_hide(int fd);

/* A private close-on-exec copy of fd (e.g. of stderr); the copy or -errno. */
int fd_private_dup(int fd);

/* The guest's RLIMIT_NOFILE, in Linux rlim_t units (never infinite). */
void fd_guest_getrlimit(uint64_t *cur, uint64_t *max);

/* setrlimit(RLIMIT_NOFILE) by the guest, with FreeBSD's rules
 * (sys/kern/kern_resource.c kern_proc_setrlimit): raising either value
 * above the current hard limit needs privilege (here CAP_SYS_RESOURCE),
 * else EPERM; a soft limit above the hard one is lowered to it; both are
 * clipped to kern.maxfilesperproc (fd_guest_maxfiles()).  0 or -errno. */
long fd_guest_setrlimit(uint64_t cur, uint64_t max);

/* kern.maxfilesperproc, the ceiling of the guest's limits: the hard limit
 * persona inherited. */
int fd_guest_maxfiles(void);

/* Around an execve(2) the guest asked for: the new program (native, or
 * persona again) starts with the guest's limits.  fd_exec_failed() puts
 * persona's layout back when the exec failed (if the guest lowered its
 * hard limit and persona has no privilege, it cannot: then persona makes
 * no more descriptors of its own). */
void fd_exec_prepare(void);
void fd_exec_failed(void);

#endif
