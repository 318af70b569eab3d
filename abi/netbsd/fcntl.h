/*
 * NetBSD open(2) flags and *at() constants: sys/sys/fcntl.h, cross-checked
 * against Go's syscall/zerrors_netbsd_amd64.go.  Pure data and converters.
 */
#ifndef PERSONA_ABI_NETBSD_FCNTL_H
#define PERSONA_ABI_NETBSD_FCNTL_H

#define NBSD_O_RDONLY    0x00000000
#define NBSD_O_WRONLY    0x00000001
#define NBSD_O_RDWR      0x00000002
#define NBSD_O_ACCMODE   0x00000003
#define NBSD_O_NONBLOCK  0x00000004
#define NBSD_O_APPEND    0x00000008
#define NBSD_O_SHLOCK    0x00000010
#define NBSD_O_EXLOCK    0x00000020
#define NBSD_O_ASYNC     0x00000040
#define NBSD_O_SYNC      0x00000080
#define NBSD_O_NOFOLLOW  0x00000100
#define NBSD_O_CREAT     0x00000200
#define NBSD_O_TRUNC     0x00000400
#define NBSD_O_EXCL      0x00000800
#define NBSD_O_NOCTTY    0x00008000
#define NBSD_O_DSYNC     0x00010000
#define NBSD_O_RSYNC     0x00020000
#define NBSD_O_DIRECT    0x00080000
#define NBSD_O_DIRECTORY 0x00200000
#define NBSD_O_CLOEXEC   0x00400000
#define NBSD_O_NOSIGPIPE 0x01000000

/* sys/sys/fcntl.h */
#define NBSD_AT_FDCWD    (-100)

/* The Linux open flags for NetBSD ones.  Bits Linux has no open flag for
 * (O_SHLOCK, O_EXLOCK, O_NOSIGPIPE, O_RSYNC and undefined ones) are left
 * out and handed back in *unknown. */
int nbsd_open_flags_to_linux(int nflags, int *unknown);

/* sys/sys/fcntl.h: struct flock (24 bytes; Go's Flock_t) and its lock
 * types F_RDLCK 1, F_UNLCK 2, F_WRLCK 3 (Linux: 0, 2, 1). */
#include <stdint.h>
struct nbsd_flock {
    int64_t l_start;
    int64_t l_len;
    int32_t l_pid;
    int16_t l_type;
    int16_t l_whence;
};
_Static_assert(sizeof(struct nbsd_flock) == 24, "NetBSD struct flock");
#define NBSD_F_RDLCK 1
#define NBSD_F_UNLCK 2
#define NBSD_F_WRLCK 3

struct flock;
/* Convert a lock description; the lock type -1 when it is none of the
 * three (the caller answers EINVAL). */
void nbsd_flock_to_linux(struct flock *out, const struct nbsd_flock *in);
void nbsd_flock_from_linux(struct nbsd_flock *out, const struct flock *in);

#endif
