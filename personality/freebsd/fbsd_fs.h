/* Helpers shared by the FreeBSD file-system handlers (sys_open.c,
 * sys_stat.c, sys_path.c, sys_dir.c, sys_fileio.c). */
#ifndef PERSONA_PERSONALITY_FREEBSD_FBSD_FS_H
#define PERSONA_PERSONALITY_FREEBSD_FBSD_FS_H
#include <stdbool.h>
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/fcntl.h"
#include "syscalls/vfs.h"

/* sys/sys/syslimits.h: PATH_MAX 1024, including the NUL. */
#define FBSD_PATH_MAX 1024

/* Copy path argument `i` into `buf` (a char[FBSD_PATH_MAX]) through the
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
long fbsd_at_flags(int fbsd_flags, int allowed, bool *beneath);

/*
 * AT_RESOLVE_BENEATH / O_RESOLVE_BENEATH for calls Linux has no flag for:
 * fails unless `path` resolves to a place beneath `dirfd` (openat2
 * RESOLVE_BENEATH; a missing last component is judged by its directory).
 * FreeBSD reports an escape as ENOTCAPABLE (open(2)).  This is a check
 * before the call, not an atomic guarantee; keeping a sandboxed guest in
 * its tree is the kernel-enforced sandbox's job (DESIGN.md), not this.
 */
long fbsd_check_beneath(int dirfd, const char *path, bool follow);

/*
 * The common head of a path-taking *at call: check and convert its AT_*
 * flags against `allowed`, copy the path through the filesystem view (""
 * only with AT_EMPTY_PATH) and apply AT_RESOLVE_BENEATH.  `path` is a
 * char[FBSD_PATH_MAX].  Returns the Linux AT_* flags, or -errno.
 */
long fbsd_at_path(struct sysctx *c, int dirfd, uint64_t upath, int fbsd_flags,
                  int allowed, char *path);

/* The vfs flag that lets "" through, given the converted (Linux) AT_*
 * flags: only with AT_EMPTY_PATH. */
#define FBSD_AT_ALLOW_EMPTY(fl) (((fl) & AT_EMPTY_PATH) ? VFS_EMPTY_OK : 0)

#endif
