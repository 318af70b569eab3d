/* Credentials: set*id(2) and setgroups(2).  uid_t and gid_t are 32 bits on
 * both systems and -1 means "unchanged" for both.  FreeBSD changes the
 * credentials of the whole process; the raw Linux calls change the calling
 * thread's (glibc makes them process-wide by signalling every thread, which
 * persona cannot do while other threads run guest code), so a multi-threaded
 * guest sees per-thread credentials: the rows are PARTIAL.  The usual user,
 * a fork child setting up an exec, is single-threaded. */
#include "personality/freebsd/fbsd.h"
#include "syscalls/creds.h"

/* setuid, setgid, seteuid, setegid, setreuid, setregid are shared with
 * NetBSD (personality/bsd/sys_cred.c); setgroups is in sys_proc.c. */

long fbsd_sys_setresuid(struct sysctx *c)
{
    return creds_set(SYS_setresuid, ARG_UINT(c, 0), ARG_UINT(c, 1), ARG_UINT(c, 2));
}

long fbsd_sys_setresgid(struct sysctx *c)
{
    return creds_set(SYS_setresgid, ARG_UINT(c, 0), ARG_UINT(c, 1), ARG_UINT(c, 2));
}
