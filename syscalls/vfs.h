/* The filesystem view: the one module every guest path goes through.
 *
 * Paths the guest hands in (open, stat, mkdir, the *at calls, ...) are
 * copied with vfs_path_from_guest*; paths persona hands back (getcwd,
 * readlink, statfs mount points) go out through vfs_path_to_guest.  Today
 * both are the identity (the guest sees the host's tree); the --root view,
 * bind mounts and the ".." containment will be added here and nowhere else,
 * so no handler ever builds a host path by itself. */
#ifndef PERSONA_SYSCALLS_VFS_H
#define PERSONA_SYSCALLS_VFS_H
#include <stddef.h>
#include <stdint.h>

struct sysctx;

/* vfs_path_from_guest_flags() flags. */
#define VFS_EMPTY_OK  0x1   /* "" is a valid argument (AT_EMPTY_PATH, O_EMPTY_PATH) */
#define VFS_VERBATIM  0x2   /* a string stored as it is, never looked up
                               (a symlink's target): copied and length-checked,
                               never rewritten by the view */

/*
 * Copy the guest's NUL-terminated path at `guest_path` into out[cap],
 * fault-safely.  `cap` is the personality's PATH_MAX (including the NUL):
 * a longer path fails with -ENAMETOOLONG, as the guest's kernel would.
 * An empty path fails with -ENOENT (POSIX; FreeBSD namei()).
 * Returns the length of the host path now in `out`, or -errno.
 */
long vfs_path_from_guest(struct sysctx *c, uint64_t guest_path, char *out, size_t cap);
long vfs_path_from_guest_flags(struct sysctx *c, uint64_t guest_path, char *out,
                               size_t cap, unsigned flags);

/*
 * A host path persona is about to show the guest (getcwd, readlink,
 * a mount point) -> the guest's name for it, in out[cap].
 * Returns its length, or -ENAMETOOLONG if it does not fit with its NUL.
 */
/* The host path a guest path names (identity until the --root view). */
int vfs_translate(const char *guest_path, char *host_path, size_t cap);

long vfs_path_to_guest(struct sysctx *c, const char *host_path, char *out, size_t cap);

#endif
