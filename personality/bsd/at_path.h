/* Paths in the BSD file-system handlers: the guest's path through the
 * filesystem view and the AT_* flags of *at calls.
 *
 * The flags are written in FreeBSD's numbers (abi/freebsd/fcntl.h): NetBSD
 * has the same values for the ones it knows -- AT_EACCESS 0x100,
 * AT_SYMLINK_NOFOLLOW 0x200, AT_SYMLINK_FOLLOW 0x400, AT_REMOVEDIR 0x800
 * (NetBSD sys/sys/fcntl.h) -- and no AT_RESOLVE_BENEATH or AT_EMPTY_PATH;
 * its entry points drop those bits before calling the shared handlers
 * (personality/netbsd/sys_path.c). */
#ifndef PERSONA_PERSONALITY_BSD_AT_PATH_H
#define PERSONA_PERSONALITY_BSD_AT_PATH_H
#include <errno.h>
#include <stdbool.h>
#include <sys/syscall.h>
#include "personality/personality.h"
#include "personality/bsd/bsd.h"
#include "abi/freebsd/fcntl.h"
#include "syscalls/door.h"
#include "syscalls/uaccess.h"
#include "syscalls/vfs.h"

/* PATH_MAX 1024 including the NUL on both (FreeBSD and NetBSD
 * sys/sys/syslimits.h). */
#define BSD_PATH_MAX 1024

/* Copy path argument `i` into `buf` (a char[BSD_PATH_MAX]) through the
 * filesystem view; evaluates to its length or -errno. */
#define GUEST_PATH(c, i, buf) \
    vfs_path_from_guest((c), ARG_PTR(c, i), (buf), sizeof(buf))
#define GUEST_PATH_FLAGS(c, i, buf, vflags) \
    vfs_path_from_guest_flags((c), ARG_PTR(c, i), (buf), sizeof(buf), (vflags))

/* FreeBSD's AT_FDCWD is -100 like Linux's (sys/sys/fcntl.h); a dirfd
 * argument is passed through unchanged. */

/*
 * Check and convert the AT_* flags of one *at call.  `allowed` is the set of
 * FreeBSD flags that call accepts (the rest is EINVAL, as FreeBSD's
 * kern_*at() say).  Returns the Linux flags (AT_RESOLVE_BENEATH removed,
 * reported in *beneath), or -EINVAL.
 */
long bsd_at_flags(int fbsd_flags, int allowed, bool *beneath);

/*
 * AT_RESOLVE_BENEATH / O_RESOLVE_BENEATH for calls Linux has no flag for:
 * fails unless `path` resolves to a place beneath `dirfd` (openat2
 * RESOLVE_BENEATH; a missing last component is judged by its directory).
 * FreeBSD reports an escape as ENOTCAPABLE (open(2)).  This is a check
 * before the call, not an atomic guarantee; keeping a sandboxed guest in
 * its tree is the kernel-enforced sandbox's job (DESIGN.md), not this.
 */
long bsd_check_beneath(int dirfd, const char *path, bool follow);

/*
 * The common head of a path-taking *at call: check and convert its AT_*
 * flags against `allowed`, copy the path through the filesystem view (""
 * only with AT_EMPTY_PATH) and apply AT_RESOLVE_BENEATH.  `path` is a
 * char[BSD_PATH_MAX].  Returns the Linux AT_* flags, or -errno.
 */
long bsd_at_path(struct sysctx *c, int dirfd, uint64_t upath, int fbsd_flags,
                  int allowed, char *path);

/* The vfs flag that lets "" through, given the converted (Linux) AT_*
 * flags: only with AT_EMPTY_PATH. */
#define BSD_AT_ALLOW_EMPTY(fl) (((fl) & AT_EMPTY_PATH) ? VFS_EMPTY_OK : 0)

#endif
