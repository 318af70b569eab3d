/* Credentials both BSDs set the same way.  uid_t and gid_t are 32 bits and
 * -1 means "unchanged" on all three systems.  The BSDs change the
 * credentials of the whole process; the raw Linux calls change the calling
 * thread's, so each goes through creds_set (syscalls/creds.h), which makes
 * it in every guest thread. */
#include "personality/bsd/bsd.h"
#include "syscalls/door.h"
#include "syscalls/creds.h"
#include <sys/syscall.h>

long bsd_sys_setuid(struct sysctx *c) { return creds_set(SYS_setuid, ARG_UINT(c, 0), 0, 0); }
long bsd_sys_setgid(struct sysctx *c) { return creds_set(SYS_setgid, ARG_UINT(c, 0), 0, 0); }

/* seteuid(e) = setresuid(-1, e, -1), as both BSDs define it. */
long bsd_sys_seteuid(struct sysctx *c) { return creds_set(SYS_setresuid, -1, ARG_UINT(c, 0), -1); }
long bsd_sys_setegid(struct sysctx *c) { return creds_set(SYS_setresgid, -1, ARG_UINT(c, 0), -1); }

long bsd_sys_setreuid(struct sysctx *c) { return creds_set(SYS_setreuid, ARG_UINT(c, 0), ARG_UINT(c, 1), 0); }
long bsd_sys_setregid(struct sysctx *c) { return creds_set(SYS_setregid, ARG_UINT(c, 0), ARG_UINT(c, 1), 0); }
