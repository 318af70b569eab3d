/* Credentials: set*id(2) and setgroups(2).  uid_t and gid_t are 32 bits on
 * both systems and -1 means "unchanged" for both.  FreeBSD changes the
 * credentials of the whole process; the raw Linux calls change the calling
 * thread's (glibc makes them process-wide by signalling every thread, which
 * persona cannot do while other threads run guest code), so a multi-threaded
 * guest sees per-thread credentials: the rows are PARTIAL.  The usual user,
 * a fork child setting up an exec, is single-threaded. */
#include "personality/freebsd/fbsd.h"

long fbsd_sys_setuid(struct sysctx *c) { return HOST1(SYS_setuid, ARG_UINT(c, 0)); }
long fbsd_sys_setgid(struct sysctx *c) { return HOST1(SYS_setgid, ARG_UINT(c, 0)); }

/* seteuid(e) = setresuid(-1, e, -1), as FreeBSD defines it. */
long fbsd_sys_seteuid(struct sysctx *c) { return HOST3(SYS_setresuid, -1, ARG_UINT(c, 0), -1); }
long fbsd_sys_setegid(struct sysctx *c) { return HOST3(SYS_setresgid, -1, ARG_UINT(c, 0), -1); }

long fbsd_sys_setreuid(struct sysctx *c) { return HOST2(SYS_setreuid, ARG_UINT(c, 0), ARG_UINT(c, 1)); }
long fbsd_sys_setregid(struct sysctx *c) { return HOST2(SYS_setregid, ARG_UINT(c, 0), ARG_UINT(c, 1)); }

long fbsd_sys_setresuid(struct sysctx *c)
{
    return HOST3(SYS_setresuid, ARG_UINT(c, 0), ARG_UINT(c, 1), ARG_UINT(c, 2));
}

long fbsd_sys_setresgid(struct sysctx *c)
{
    return HOST3(SYS_setresgid, ARG_UINT(c, 0), ARG_UINT(c, 1), ARG_UINT(c, 2));
}

/* FreeBSD's NGROUPS_MAX is 1023 (sys/sys/syslimits.h); Linux allows more. */
long fbsd_sys_setgroups(struct sysctx *c)
{
    int n = ARG_INT(c, 0);
    if (n < 0 || n > 1023)
        return -EINVAL;
    return HOST2(SYS_setgroups, n, ARG_PTR(c, 1));
}
