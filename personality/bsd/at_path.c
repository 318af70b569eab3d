/* Paths and AT_* flags of the BSD file-system handlers; see at_path.h. */
#include "personality/bsd/at_path.h"
#include "abi/freebsd/errno.h"
#include <fcntl.h>
#include <string.h>
#include <linux/openat2.h>

long bsd_at_flags(int fbsd_flags, int allowed, bool *beneath)
{
    if (fbsd_flags & ~allowed)
        return -EINVAL;
    *beneath = fbsd_flags & FBSD_AT_RESOLVE_BENEATH;
    return fbsd_at_flags_to_linux(fbsd_flags & ~FBSD_AT_RESOLVE_BENEATH, NULL);
}

static long open_beneath(int dirfd, const char *path, int flags)
{
    struct open_how how = {
        .flags = (uint64_t)(flags | O_PATH | O_CLOEXEC),
        .resolve = RESOLVE_BENEATH,
    };
    return HOST4(SYS_openat2, dirfd, path, &how, sizeof how);
}

long bsd_check_beneath(int dirfd, const char *path, bool follow)
{
    if (path[0] == '\0')
        return 0;               /* AT_EMPTY_PATH: the dirfd itself */
    long fd = open_beneath(dirfd, path, follow ? 0 : O_NOFOLLOW);
    if (fd == -ENOENT) {
        /* Creating calls name a last component that does not exist yet:
         * judge its directory instead. */
        char parent[BSD_PATH_MAX];
        size_t n = strlen(path);
        if (n >= sizeof parent)
            return -ENAMETOOLONG;
        memcpy(parent, path, n + 1);
        while (n > 1 && parent[n - 1] == '/')
            parent[--n] = '\0';
        char *slash = strrchr(parent, '/');
        if (!slash)
            strcpy(parent, ".");
        else if (slash == parent)
            parent[1] = '\0';
        else
            *slash = '\0';
        fd = open_beneath(dirfd, parent, O_DIRECTORY);
    }
    if (fd >= 0) {
        HOST1(SYS_close, fd);
        return 0;
    }
    /* Only FreeBSD guests get here (NetBSD has no AT_RESOLVE_BENEATH). */
    return fd == -EXDEV ? GUEST_ERRNO(FBSD_ENOTCAPABLE) : fd;
}

long bsd_at_path(struct sysctx *c, int dirfd, uint64_t upath, int fbsd_flags,
                  int allowed, char *path)
{
    bool beneath;
    long fl = bsd_at_flags(fbsd_flags, allowed, &beneath);
    if (fl < 0)
        return fl;
    long r = vfs_path_from_guest_flags(c, upath, path, BSD_PATH_MAX, BSD_AT_ALLOW_EMPTY(fl));
    if (r < 0)
        return r;
    if (beneath && (r = bsd_check_beneath(dirfd, path, !(fl & AT_SYMLINK_NOFOLLOW))) < 0)
        return r;
    return fl;
}
