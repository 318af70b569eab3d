/* Path calls FreeBSD and NetBSD share as they are (personality/bsd/bsd.h).
 * Both keep PATH_MAX at 1024 (sys/sys/syslimits.h). */
#include "personality/bsd/bsd.h"
#include "syscalls/door.h"
#include "syscalls/vfs.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>

#define BSD_PATH_MAX 1024

/* Unlinking a directory is EPERM on both BSDs (FreeBSD unlink(2): "the
 * named file is a directory"; NetBSD sys_unlink -> do_sys_unlinkat); Linux
 * says EISDIR. */
long bsd_sys_unlink(struct sysctx *c)
{
    char path[BSD_PATH_MAX];
    long r = vfs_path_from_guest(c, ARG_PTR(c, 0), path, sizeof path);
    if (r < 0)
        return r;
    r = HOST3(SYS_unlinkat, AT_FDCWD, path, 0);
    return r == -EISDIR ? -EPERM : r;
}

long bsd_renameat(struct sysctx *c, int ofd, uint64_t uold, int nfd, uint64_t unew)
{
    char from[BSD_PATH_MAX], to[BSD_PATH_MAX];
    long r = vfs_path_from_guest(c, uold, from, sizeof from);
    if (r < 0)
        return r;
    r = vfs_path_from_guest(c, unew, to, sizeof to);
    return r < 0 ? r : HOST4(SYS_renameat, ofd, from, nfd, to);
}

long bsd_sys_rename(struct sysctx *c)
{
    return bsd_renameat(c, AT_FDCWD, ARG_PTR(c, 0), AT_FDCWD, ARG_PTR(c, 1));
}
