/* stat and statfs, in the FreeBSD 12+ layouts and the FreeBSD 11 compat
 * ones (struct freebsd11_stat: 32-bit dev/ino/nlink), converted from the
 * host's struct stat / struct statfs by abi/freebsd/stat.h.  Linux struct
 * stat has no birth time; the converter reports the ctime there. */
#include "personality/freebsd/fbsd_fs.h"
#include "abi/freebsd/stat.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>

/* fstatat(2) accepts these (sys/kern/vfs_syscalls.c kern_statat). */
#define STATAT_FLAGS (FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH | FBSD_AT_EMPTY_PATH)

/* newfstatat on a guest path, relative to dirfd, with FreeBSD AT_* flags. */
static long host_statat(struct sysctx *c, int dirfd, uint64_t upath, int fbsd_flags,
                        struct stat *st)
{
    char path[FBSD_PATH_MAX];
    long fl = fbsd_at_path(c, dirfd, upath, fbsd_flags, STATAT_FLAGS, path);
    if (fl < 0)
        return fl;
    return HOST4(SYS_newfstatat, dirfd, path, st, fl);
}

static long put_stat(uint64_t ub, const struct stat *st)
{
    struct fbsd_stat out;
    fbsd_stat_from_linux(&out, st);
    return copy_to_guest(ub, &out, sizeof out);
}

static long put_stat11(uint64_t ub, const struct stat *st)
{
    struct fbsd11_stat out;
    fbsd11_stat_from_linux(&out, st);
    return copy_to_guest(ub, &out, sizeof out);
}

long fbsd_sys_fstat(struct sysctx *c)
{
    struct stat st;
    long r = HOST2(SYS_fstat, ARG_INT(c, 0), &st);
    return r < 0 ? r : put_stat(ARG_PTR(c, 1), &st);
}

long fbsd_sys_fstatat(struct sysctx *c)
{
    struct stat st;
    long r = host_statat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 3), &st);
    return r < 0 ? r : put_stat(ARG_PTR(c, 2), &st);
}

long fbsd_sys_freebsd11_stat(struct sysctx *c)
{
    struct stat st;
    long r = host_statat(c, AT_FDCWD, ARG_PTR(c, 0), 0, &st);
    return r < 0 ? r : put_stat11(ARG_PTR(c, 1), &st);
}

long fbsd_sys_freebsd11_lstat(struct sysctx *c)
{
    struct stat st;
    long r = host_statat(c, AT_FDCWD, ARG_PTR(c, 0), FBSD_AT_SYMLINK_NOFOLLOW, &st);
    return r < 0 ? r : put_stat11(ARG_PTR(c, 1), &st);
}

long fbsd_sys_freebsd11_fstat(struct sysctx *c)
{
    struct stat st;
    long r = HOST2(SYS_fstat, ARG_INT(c, 0), &st);
    return r < 0 ? r : put_stat11(ARG_PTR(c, 1), &st);
}

long fbsd_sys_freebsd11_fstatat(struct sysctx *c)
{
    struct stat st;
    long r = host_statat(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_INT(c, 3), &st);
    return r < 0 ? r : put_stat11(ARG_PTR(c, 2), &st);
}

/* ---- statfs ---- */

/* Undo mountinfo's octal escapes (\040 space, \011 tab, \012 newline,
 * \134 backslash; proc(5)) in place. */
static void unescape_octal(char *s)
{
    char *d = s;
    for (; *s; s++) {
        if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
            s[3] >= '0' && s[3] <= '7') {
            *d++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
            s += 3;
        } else {
            *d++ = *s;
        }
    }
    *d = '\0';
}

/* One /proc/self/mountinfo line (proc(5)):
 *   36 35 98:0 /root /mnt/point rw,noatime master:1 - ext4 /dev/sda1 rw
 * If its mount point contains `path` and is longer than the best so far
 * (later lines win ties: they are mounted on top), keep it. */
static void consider_mount(char *line, const char *path, char *on, size_t *best,
                           char *from, size_t cap)
{
    char *f[5], *sep, *save = NULL;
    int n = 0;
    for (char *t = strtok_r(line, " ", &save); t && n < 5; t = strtok_r(NULL, " ", &save))
        f[n++] = t;
    if (n < 5 || !save)
        return;
    sep = strstr(save, "- ");
    if (!sep)
        return;
    char *fstype = strtok_r(sep + 2, " ", &save);
    char *source = fstype ? strtok_r(NULL, " ", &save) : NULL;

    char *mp = f[4];
    unescape_octal(mp);
    size_t len = strlen(mp);
    bool inside = strcmp(mp, "/") == 0 ||
        (strncmp(path, mp, len) == 0 && (path[len] == '/' || path[len] == '\0'));
    if (!inside || len < *best || len >= cap)
        return;
    *best = len;
    memcpy(on, mp, len + 1);
    from[0] = '\0';
    if (source) {
        unescape_octal(source);
        if (strlen(source) < cap)
            strcpy(from, source);
    }
}

/*
 * The mount point (and mount source) of the file open on `fd`, for
 * f_mntonname/f_mntfromname: the longest mount point in
 * /proc/self/mountinfo that is a prefix of the file's path, as the host
 * names it in /proc/self/fd.  Without /proc, "/" and no source.
 */
static void mount_of_fd(int fd, char *on, char *from, size_t cap)
{
    char path[4096], proc[32];
    strcpy(on, "/");
    from[0] = '\0';
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    long n = HOST4(SYS_readlinkat, AT_FDCWD, proc, path, sizeof path - 1);
    if (n <= 0 || path[0] != '/')
        return;
    path[n] = '\0';

    long mi = HOST4(SYS_openat, AT_FDCWD, "/proc/self/mountinfo", O_RDONLY | O_CLOEXEC, 0);
    if (mi < 0)
        return;
    char buf[4096];
    size_t have = 0, best = 0;
    bool skipping = false;      /* inside a line longer than buf: ignore it */
    for (;;) {
        long r = HOST3(SYS_read, mi, buf + have, sizeof buf - 1 - have);
        if (r <= 0)
            break;
        have += (size_t)r;
        buf[have] = '\0';
        char *line = buf, *nl;
        while ((nl = memchr(line, '\n', have - (size_t)(line - buf)))) {
            *nl = '\0';
            if (!skipping)
                consider_mount(line, path, on, &best, from, cap);
            skipping = false;
            line = nl + 1;
        }
        have -= (size_t)(line - buf);
        memmove(buf, line, have);
        if (have == sizeof buf - 1) {
            have = 0;
            skipping = true;
        }
    }
    HOST1(SYS_close, mi);
}

static long statfs_of_fd(struct sysctx *c, int fd, uint64_t ubuf)
{
    struct statfs sfs;
    long r = HOST2(SYS_fstatfs, fd, &sfs);
    if (r < 0)
        return r;
    char on[FBSD_MNAMELEN], from[FBSD_MNAMELEN], guest_on[FBSD_MNAMELEN];
    mount_of_fd(fd, on, from, sizeof on);
    if (vfs_path_to_guest(c, on, guest_on, sizeof guest_on) < 0)
        strcpy(guest_on, "/");
    /* FreeBSD shows a device path as the source of disk file systems and
     * the type name for virtual ones ("tmpfs", "devfs"): keep the host's
     * source only when it is a path. */
    struct fbsd_statfs out;
    fbsd_statfs_from_linux_ex(&out, &sfs, guest_on, from[0] == '/' ? from : NULL);
    return copy_to_guest(ubuf, &out, sizeof out);
}

/* statfs(path, buf): FreeBSD 12+ struct statfs. */
long fbsd_sys_statfs(struct sysctx *c)
{
    char path[FBSD_PATH_MAX];
    long r = GUEST_PATH(c, 0, path);
    if (r < 0)
        return r;
    long fd = HOST4(SYS_openat, AT_FDCWD, path, O_PATH | O_CLOEXEC, 0);
    if (fd < 0)
        return fd;
    r = statfs_of_fd(c, (int)fd, ARG_PTR(c, 1));
    HOST1(SYS_close, fd);
    return r;
}

long fbsd_sys_fstatfs(struct sysctx *c)
{
    return statfs_of_fd(c, ARG_INT(c, 0), ARG_PTR(c, 1));
}

/* getfsstat(buf, bufsize, mode): every mounted file system as a FreeBSD
 * struct statfs, from /proc/self/mountinfo; with buf NULL just the count.
 * MNT_WAIT/MNT_NOWAIT make no difference here.  Mounts that cannot be
 * statfs'd (no permission) are left out. */
long fbsd_sys_getfsstat(struct sysctx *c)
{
    uint64_t ubuf = ARG_PTR(c, 0);
    long bufsize = ARG_LONG(c, 1);
    if (bufsize < 0)
        return -EINVAL;
    long room = ubuf ? bufsize / (long)sizeof(struct fbsd_statfs) : 0;

    long mi = HOST4(SYS_openat, AT_FDCWD, "/proc/self/mountinfo", O_RDONLY | O_CLOEXEC, 0);
    if (mi < 0)
        return mi;
    size_t cap = 1 << 16, len = 0;
    char *text = malloc(cap + 1);
    long r = 0;
    while (text && (r = HOST3(SYS_read, mi, text + len, cap - len)) > 0) {
        len += (size_t)r;
        if (len == cap) {
            char *bigger = cap < (1u << 22) ? realloc(text, 2 * cap + 1) : NULL;
            if (!bigger)
                break;
            text = bigger;
            cap *= 2;
        }
    }
    HOST1(SYS_close, mi);
    if (!text)
        return -ENOMEM;
    if (r < 0) {
        free(text);
        return r;
    }
    text[len] = '\0';

    long count = 0;
    char *save_line = NULL;
    for (char *line = strtok_r(text, "\n", &save_line); line; line = strtok_r(NULL, "\n", &save_line)) {
        /* "id parent major:minor root mountpoint options ... - fstype source opts" */
        char *f[5], *save = NULL;
        int n = 0;
        for (char *t = strtok_r(line, " ", &save); t && n < 5; t = strtok_r(NULL, " ", &save))
            f[n++] = t;
        char *sep = n == 5 && save ? strstr(save, "- ") : NULL;
        if (!sep)
            continue;
        char *fstype = strtok_r(sep + 2, " ", &save);
        char *source = fstype ? strtok_r(NULL, " ", &save) : NULL;
        unescape_octal(f[4]);
        struct statfs sfs;
        if (HOST2(SYS_statfs, f[4], &sfs) < 0)
            continue;
        if (count < room) {
            char guest_on[FBSD_MNAMELEN];
            if (vfs_path_to_guest(c, f[4], guest_on, sizeof guest_on) < 0)
                continue;
            if (source)
                unescape_octal(source);
            struct fbsd_statfs out;
            fbsd_statfs_from_linux_ex(&out, &sfs, guest_on, source && source[0] == '/' ? source : NULL);
            if (copy_to_guest(ubuf + count * sizeof out, &out, sizeof out)) {
                free(text);
                return -EFAULT;
            }
        } else if (ubuf) {
            break;              /* the buffer is full: FreeBSD returns what fit */
        }
        count++;
    }
    free(text);
    return count;
}
