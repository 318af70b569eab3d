/* readlink of /proc/curproc/exe: NetBSD's procfs (sys/miscfs/procfs,
 * mounted on /proc) links it to the running program, which is how Go's
 * os.Executable finds itself on NetBSD; on Linux the nearest file,
 * /proc/self/exe, names persona.  Every other path goes to the readlink
 * both BSDs share (personality/bsd/path_calls.c). */
#include "personality/netbsd/nbsd.h"
#include <string.h>

static bool is_curproc_exe(uint64_t upath)
{
    char p[sizeof "/proc/curproc/exe"];
    return string_from_guest(p, upath, sizeof p) >= 0 && strcmp(p, "/proc/curproc/exe") == 0;
}

static long exe_link(uint64_t ubuf, size_t bufsize)
{
    size_t n = strlen(nbsd_execpath);
    if (n == 0)
        return -ENOENT;
    if (n > bufsize)
        n = bufsize;     /* truncated, not NUL-terminated (readlink(2)) */
    return copy_to_guest(ubuf, nbsd_execpath, n) ? -EFAULT : (long)n;
}

long nbsd_sys_readlink(struct sysctx *c)
{
    if (is_curproc_exe(ARG_PTR(c, 0)))
        return exe_link(ARG_PTR(c, 1), ARG_PTR(c, 2));
    return bsd_sys_readlink(c);
}

/* An absolute path ignores the directory descriptor. */
long nbsd_sys_readlinkat(struct sysctx *c)
{
    if (is_curproc_exe(ARG_PTR(c, 1)))
        return exe_link(ARG_PTR(c, 2), ARG_PTR(c, 3));
    return bsd_sys_readlinkat(c);
}
