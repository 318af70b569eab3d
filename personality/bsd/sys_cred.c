/* Credentials both BSDs set the same way.  uid_t and gid_t are 32 bits and
 * -1 means "unchanged" on all three systems.  The BSDs change the
 * credentials of the whole process; the raw Linux calls change the calling
 * thread's (glibc makes them process-wide by signalling every thread, which
 * persona cannot do while other threads run guest code), so a
 * multi-threaded guest sees per-thread credentials: the rows are PARTIAL.
 * The usual user, a fork child setting up an exec, is single-threaded. */
#include "personality/bsd/bsd.h"
#include "syscalls/door.h"
#include <sys/syscall.h>

long bsd_sys_setuid(struct sysctx *c) { return HOST1(SYS_setuid, ARG_UINT(c, 0)); }
long bsd_sys_setgid(struct sysctx *c) { return HOST1(SYS_setgid, ARG_UINT(c, 0)); }

/* seteuid(e) = setresuid(-1, e, -1), as both BSDs define it. */
long bsd_sys_seteuid(struct sysctx *c) { return HOST3(SYS_setresuid, -1, ARG_UINT(c, 0), -1); }
long bsd_sys_setegid(struct sysctx *c) { return HOST3(SYS_setresgid, -1, ARG_UINT(c, 0), -1); }

long bsd_sys_setreuid(struct sysctx *c) { return HOST2(SYS_setreuid, ARG_UINT(c, 0), ARG_UINT(c, 1)); }
long bsd_sys_setregid(struct sysctx *c) { return HOST2(SYS_setregid, ARG_UINT(c, 0), ARG_UINT(c, 1)); }
