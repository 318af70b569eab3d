/*
 * FreeBSD open(2), fcntl(2) and the *at(2) flags, struct flock, converters.
 *
 * Source: sys/sys/fcntl.h (FreeBSD 14), cross-checked against
 * golang.org/x/sys/unix/zerrors_freebsd_amd64.go and ztypes_freebsd_amd64.go.
 */
#ifndef PERSONA_ABI_FREEBSD_FCNTL_H
#define PERSONA_ABI_FREEBSD_FCNTL_H

#include <fcntl.h>      /* Linux struct flock */
#include <stdint.h>

/* sys/sys/fcntl.h: open(2) flags */
#define FBSD_O_RDONLY          0x00000000
#define FBSD_O_WRONLY          0x00000001
#define FBSD_O_RDWR            0x00000002
#define FBSD_O_ACCMODE         0x00000003
#define FBSD_O_NONBLOCK        0x00000004
#define FBSD_O_APPEND          0x00000008
#define FBSD_O_SHLOCK          0x00000010  /* flock(LOCK_SH) while opening */
#define FBSD_O_EXLOCK          0x00000020  /* flock(LOCK_EX) while opening */
#define FBSD_O_ASYNC           0x00000040
#define FBSD_O_FSYNC           0x00000080
#define FBSD_O_SYNC            0x00000080  /* POSIX name of O_FSYNC */
#define FBSD_O_NOFOLLOW        0x00000100
#define FBSD_O_CREAT           0x00000200
#define FBSD_O_TRUNC           0x00000400
#define FBSD_O_EXCL            0x00000800
#define FBSD_O_NOCTTY          0x00008000
#define FBSD_O_DIRECT          0x00010000
#define FBSD_O_DIRECTORY       0x00020000
#define FBSD_O_EXEC            0x00040000
#define FBSD_O_SEARCH          FBSD_O_EXEC
#define FBSD_O_TTY_INIT        0x00080000  /* ignored by FreeBSD itself */
#define FBSD_O_CLOEXEC         0x00100000
#define FBSD_O_VERIFY          0x00200000
#define FBSD_O_PATH            0x00400000
#define FBSD_O_RESOLVE_BENEATH 0x00800000
#define FBSD_O_DSYNC           0x01000000
#define FBSD_O_EMPTY_PATH      0x02000000

/*
 * sys/sys/fcntl.h FMASK: the status bits a FreeBSD file keeps after open,
 * i.e. what F_GETFL can report (O_ACCMODE is folded in as FREAD/FWRITE).
 */
#define FBSD_O_FMASK (FBSD_O_ACCMODE | FBSD_O_APPEND | FBSD_O_ASYNC | \
	FBSD_O_FSYNC | FBSD_O_DSYNC | FBSD_O_NONBLOCK | FBSD_O_DIRECT | \
	FBSD_O_EXEC | FBSD_O_PATH)

/* sys/sys/fcntl.h: *at(2) */
#define FBSD_AT_FDCWD              (-100)
#define FBSD_AT_EACCESS            0x0100
#define FBSD_AT_SYMLINK_NOFOLLOW   0x0200
#define FBSD_AT_SYMLINK_FOLLOW     0x0400
#define FBSD_AT_REMOVEDIR          0x0800
#define FBSD_AT_RESOLVE_BENEATH    0x2000  /* 0x1000 was AT_BENEATH */
#define FBSD_AT_EMPTY_PATH         0x4000

/* sys/sys/fcntl.h: fcntl(2) commands */
#define FBSD_F_DUPFD            0
#define FBSD_F_GETFD            1
#define FBSD_F_SETFD            2
#define FBSD_F_GETFL            3
#define FBSD_F_SETFL            4
#define FBSD_F_GETOWN           5
#define FBSD_F_SETOWN           6
#define FBSD_F_OGETLK           7   /* struct fbsd_oflock (no l_sysid) */
#define FBSD_F_OSETLK           8
#define FBSD_F_OSETLKW          9
#define FBSD_F_DUP2FD          10
#define FBSD_F_GETLK           11
#define FBSD_F_SETLK           12
#define FBSD_F_SETLKW          13
#define FBSD_F_SETLK_REMOTE    14
#define FBSD_F_READAHEAD       15
#define FBSD_F_RDAHEAD         16
#define FBSD_F_DUPFD_CLOEXEC   17
#define FBSD_F_DUP2FD_CLOEXEC  18
#define FBSD_F_ADD_SEALS       19
#define FBSD_F_GET_SEALS       20
#define FBSD_F_ISUNIONSTACK    21
#define FBSD_F_KINFO           22   /* FreeBSD 13.1+: struct kinfo_file */

#define FBSD_FD_CLOEXEC         1   /* same value as Linux FD_CLOEXEC */

/* sys/sys/fcntl.h: seals (F_ADD_SEALS); same bit values as Linux F_SEAL_* */
#define FBSD_F_SEAL_SEAL   0x0001
#define FBSD_F_SEAL_SHRINK 0x0002
#define FBSD_F_SEAL_GROW   0x0004
#define FBSD_F_SEAL_WRITE  0x0008

/* sys/sys/fcntl.h: l_type values (Linux: F_RDLCK 0, F_WRLCK 1, F_UNLCK 2) */
#define FBSD_F_RDLCK  1
#define FBSD_F_UNLCK  2
#define FBSD_F_WRLCK  3

/* sys/sys/fcntl.h: flock(2) operations; identical to Linux LOCK_* */
#define FBSD_LOCK_SH 0x01
#define FBSD_LOCK_EX 0x02
#define FBSD_LOCK_NB 0x04
#define FBSD_LOCK_UN 0x08

/* sys/sys/fcntl.h: struct flock, 32 bytes (28 + tail padding). */
struct fbsd_flock {
	int64_t l_start;
	int64_t l_len;
	int32_t l_pid;
	int16_t l_type;
	int16_t l_whence;   /* SEEK_* values are the same as Linux */
	int32_t l_sysid;    /* remote system id; 0 for local locks */
};

/* sys/sys/fcntl.h: struct __oflock, used by F_OGETLK/F_OSETLK/F_OSETLKW. */
struct fbsd_oflock {
	int64_t l_start;
	int64_t l_len;
	int32_t l_pid;
	int16_t l_type;
	int16_t l_whence;
};

/*
 * FreeBSD open flags -> Linux open flags.  Bits that have no Linux open
 * flag are returned in *unknown_bits (may be NULL) for the caller to
 * emulate or reject: O_SHLOCK, O_EXLOCK, O_VERIFY, O_RESOLVE_BENEATH,
 * O_EMPTY_PATH and any undefined bit.  Combinations FreeBSD refuses with
 * EINVAL are reported there too: O_ACCMODE == 3 (reported as 3), O_EXEC
 * with O_WRONLY/O_RDWR (reported as O_EXEC); O_PATH excuses both.
 * O_TTY_INIT is accepted and dropped.
 * O_EXEC (== O_SEARCH) becomes Linux O_PATH: an fd that can be fexecve'd,
 * fchdir'd and used as a dirfd but not read, which is what O_EXEC promises.
 */
int fbsd_open_flags_to_linux(int fbsd_flags, int *unknown_bits);

/*
 * Linux file status flags (F_GETFL result) -> FreeBSD F_GETFL result.
 * Only the bits FreeBSD keeps after open (FBSD_O_FMASK) are reported, as
 * FreeBSD does; Linux O_LARGEFILE, O_NOATIME, O_DIRECTORY, ... are dropped.
 */
int fbsd_open_flags_from_linux(int linux_flags);

/* FreeBSD AT_* -> Linux AT_*.  AT_RESOLVE_BENEATH and undefined bits go to
 * *unknown_bits (may be NULL). */
int fbsd_at_flags_to_linux(int fbsd_flags, int *unknown_bits);

/* l_type values; unknown values map to -1 (Linux then fails with EINVAL). */
int fbsd_lock_type_to_linux(int fbsd_type);
int fbsd_lock_type_from_linux(int linux_type);

void fbsd_flock_to_linux(struct flock *out, const struct fbsd_flock *in);
void fbsd_flock_from_linux(struct fbsd_flock *out, const struct flock *in);

#endif /* PERSONA_ABI_FREEBSD_FCNTL_H */
