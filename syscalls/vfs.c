/* The filesystem view (see vfs.h).  For now the guest sees the host's own
 * tree, so translation is the identity; only the copying and the limits
 * are real. */
#include "syscalls/vfs.h"
#include "syscalls/uaccess.h"
#include <errno.h>
#include <string.h>

long vfs_path_from_guest_flags(struct sysctx *c, uint64_t guest_path, char *out,
                               size_t cap, unsigned flags)
{
    (void)c;
    if (cap == 0)
        return -ENAMETOOLONG;
    /* door_strcpy fails with -ENAMETOOLONG when no NUL is found within
     * `cap` bytes, i.e. when the path has cap or more characters. */
    long n = string_from_guest(out, guest_path, cap);
    if (n < 0)
        return n;
    if (n == 0 && !(flags & VFS_EMPTY_OK))
        return -ENOENT;
    if (flags & VFS_VERBATIM)
        return n;
    /* TODO(--root): map the guest path onto the host here: prefix absolute
     * paths with the guest root, resolve ".." and symlinks so that they can
     * never climb out of the view, apply bind mounts.  Relative paths are
     * resolved against dirfds/cwd that already live inside the view. */
    return n;
}

long vfs_path_from_guest(struct sysctx *c, uint64_t guest_path, char *out, size_t cap)
{
    return vfs_path_from_guest_flags(c, guest_path, out, cap, 0);
}

long vfs_path_to_guest(struct sysctx *c, const char *host_path, char *out, size_t cap)
{
    (void)c;
    /* TODO(--root): strip the guest root prefix; a path outside the view
     * (e.g. a cwd that was moved out of it) must not leak host names. */
    size_t n = strlen(host_path);
    if (n + 1 > cap)
        return -ENAMETOOLONG;
    if (out != host_path)
        memmove(out, host_path, n + 1);
    return (long)n;
}

int vfs_translate(const char *guest_path, char *host_path, size_t cap)
{
    /* TODO(--root): the filesystem view maps guest paths here. */
    size_t n = strlen(guest_path);
    if (n + 1 > cap)
        return -ENAMETOOLONG;
    memcpy(host_path, guest_path, n + 1);
    return 0;
}
