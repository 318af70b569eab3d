/*
 * FreeBSD <-> Linux open/at flag and struct flock conversion.
 * FreeBSD facts: sys/sys/fcntl.h.  Linux facts: the host's <fcntl.h>.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "abi/freebsd/fcntl.h"

#include <stddef.h>
#include <string.h>
#include <fcntl.h>

/* Layout of struct flock, sys/sys/fcntl.h; ztypes_freebsd_amd64.go Flock_t. */
_Static_assert(sizeof(struct fbsd_flock) == 32, "fbsd_flock size");
_Static_assert(offsetof(struct fbsd_flock, l_start) == 0, "l_start");
_Static_assert(offsetof(struct fbsd_flock, l_len) == 8, "l_len");
_Static_assert(offsetof(struct fbsd_flock, l_pid) == 16, "l_pid");
_Static_assert(offsetof(struct fbsd_flock, l_type) == 20, "l_type");
_Static_assert(offsetof(struct fbsd_flock, l_whence) == 22, "l_whence");
_Static_assert(offsetof(struct fbsd_flock, l_sysid) == 24, "l_sysid");
_Static_assert(sizeof(struct fbsd_oflock) == 24, "fbsd_oflock size");

/* Values FreeBSD and Linux happen to share; the code relies on them. */
_Static_assert(FBSD_FD_CLOEXEC == FD_CLOEXEC, "FD_CLOEXEC");
_Static_assert(FBSD_LOCK_SH == LOCK_SH && FBSD_LOCK_EX == LOCK_EX &&
	FBSD_LOCK_NB == LOCK_NB && FBSD_LOCK_UN == LOCK_UN, "LOCK_*");
_Static_assert(FBSD_F_SEAL_SEAL == F_SEAL_SEAL &&
	FBSD_F_SEAL_SHRINK == F_SEAL_SHRINK && FBSD_F_SEAL_GROW == F_SEAL_GROW &&
	FBSD_F_SEAL_WRITE == F_SEAL_WRITE, "F_SEAL_*");
_Static_assert(FBSD_O_RDONLY == O_RDONLY && FBSD_O_WRONLY == O_WRONLY &&
	FBSD_O_RDWR == O_RDWR, "access modes");

/* Linux splits O_SYNC into __O_SYNC | O_DSYNC; __O_SYNC alone is the
 * "full sync" bit (asm-generic/fcntl.h). */
#define LNX_O_FSYNC_BIT (O_SYNC & ~O_DSYNC)

/* One-to-one bit pairs, FreeBSD first. */
static const struct { int fbsd, lnx; } open_bits[] = {
	{ FBSD_O_NONBLOCK,  O_NONBLOCK },
	{ FBSD_O_APPEND,    O_APPEND },
	{ FBSD_O_ASYNC,     O_ASYNC },   /* Linux open() ignores it; F_SETFL honours it */
	{ FBSD_O_NOFOLLOW,  O_NOFOLLOW },
	{ FBSD_O_CREAT,     O_CREAT },
	{ FBSD_O_TRUNC,     O_TRUNC },
	{ FBSD_O_EXCL,      O_EXCL },
	{ FBSD_O_NOCTTY,    O_NOCTTY },
	{ FBSD_O_DIRECT,    O_DIRECT },
	{ FBSD_O_DIRECTORY, O_DIRECTORY },
	{ FBSD_O_CLOEXEC,   O_CLOEXEC },
	{ FBSD_O_PATH,      O_PATH },
	{ FBSD_O_DSYNC,     O_DSYNC },
};

/* Bits the caller must emulate (or refuse) itself. */
#define FBSD_O_UNTRANSLATED (FBSD_O_SHLOCK | FBSD_O_EXLOCK | FBSD_O_VERIFY | \
	FBSD_O_RESOLVE_BENEATH | FBSD_O_EMPTY_PATH)

/* Every bit defined in sys/sys/fcntl.h for open(2). */
#define FBSD_O_KNOWN (FBSD_O_ACCMODE | FBSD_O_NONBLOCK | FBSD_O_APPEND | \
	FBSD_O_SHLOCK | FBSD_O_EXLOCK | FBSD_O_ASYNC | FBSD_O_FSYNC | \
	FBSD_O_NOFOLLOW | FBSD_O_CREAT | FBSD_O_TRUNC | FBSD_O_EXCL | \
	FBSD_O_NOCTTY | FBSD_O_DIRECT | FBSD_O_DIRECTORY | FBSD_O_EXEC | \
	FBSD_O_TTY_INIT | FBSD_O_CLOEXEC | FBSD_O_VERIFY | FBSD_O_PATH | \
	FBSD_O_RESOLVE_BENEATH | FBSD_O_DSYNC | FBSD_O_EMPTY_PATH)

int fbsd_open_flags_to_linux(int f, int *unknown_bits)
{
	int out = f & FBSD_O_ACCMODE;   /* 0/1/2 mean the same on both */
	size_t i;

	for (i = 0; i < sizeof(open_bits) / sizeof(open_bits[0]); i++)
		if (f & open_bits[i].fbsd)
			out |= open_bits[i].lnx;
	if (f & FBSD_O_FSYNC)
		out |= O_SYNC;
	if (f & FBSD_O_EXEC)
		out |= O_PATH;
	if (unknown_bits) {
		int bad = (f & FBSD_O_UNTRANSLATED) | (f & ~FBSD_O_KNOWN);
		/* kern_openat() refuses O_ACCMODE == 3 and O_EXEC with a
		 * read/write mode, unless O_PATH makes the mode irrelevant. */
		if (!(f & FBSD_O_PATH)) {
			if ((f & FBSD_O_ACCMODE) == FBSD_O_ACCMODE)
				bad |= FBSD_O_ACCMODE;
			if ((f & FBSD_O_EXEC) && (f & FBSD_O_ACCMODE))
				bad |= FBSD_O_EXEC;
		}
		*unknown_bits = bad;
	}
	return out;
}

int fbsd_open_flags_from_linux(int f)
{
	int out = f & O_ACCMODE;
	size_t i;

	for (i = 0; i < sizeof(open_bits) / sizeof(open_bits[0]); i++)
		if (f & open_bits[i].lnx)
			out |= open_bits[i].fbsd;
	if (f & LNX_O_FSYNC_BIT)
		out = (out & ~FBSD_O_DSYNC) | FBSD_O_FSYNC;
	return out & FBSD_O_FMASK;
}

int fbsd_at_flags_to_linux(int f, int *unknown_bits)
{
	int out = 0;

	/* Linux reuses 0x200 for both AT_EACCESS and AT_REMOVEDIR; each call
	 * accepts only one of them, so the overlap is harmless. */
	if (f & FBSD_AT_EACCESS)
		out |= AT_EACCESS;
	if (f & FBSD_AT_SYMLINK_NOFOLLOW)
		out |= AT_SYMLINK_NOFOLLOW;
	if (f & FBSD_AT_SYMLINK_FOLLOW)
		out |= AT_SYMLINK_FOLLOW;
	if (f & FBSD_AT_REMOVEDIR)
		out |= AT_REMOVEDIR;
	if (f & FBSD_AT_EMPTY_PATH)
		out |= AT_EMPTY_PATH;
	if (unknown_bits)
		*unknown_bits = f & ~(FBSD_AT_EACCESS | FBSD_AT_SYMLINK_NOFOLLOW |
			FBSD_AT_SYMLINK_FOLLOW | FBSD_AT_REMOVEDIR |
			FBSD_AT_EMPTY_PATH);
	return out;
}

int fbsd_lock_type_to_linux(int t)
{
	switch (t) {
	case FBSD_F_RDLCK: return F_RDLCK;
	case FBSD_F_WRLCK: return F_WRLCK;
	case FBSD_F_UNLCK: return F_UNLCK;
	}
	return -1;
}

int fbsd_lock_type_from_linux(int t)
{
	switch (t) {
	case F_RDLCK: return FBSD_F_RDLCK;
	case F_WRLCK: return FBSD_F_WRLCK;
	case F_UNLCK: return FBSD_F_UNLCK;
	}
	return -1;
}

void fbsd_flock_to_linux(struct flock *out, const struct fbsd_flock *in)
{
	memset(out, 0, sizeof(*out));
	out->l_type = (short)fbsd_lock_type_to_linux(in->l_type);
	out->l_whence = in->l_whence;
	out->l_start = in->l_start;
	out->l_len = in->l_len;
	out->l_pid = in->l_pid;
}

void fbsd_flock_from_linux(struct fbsd_flock *out, const struct flock *in)
{
	memset(out, 0, sizeof(*out));   /* tail padding goes to the guest */
	out->l_start = in->l_start;
	out->l_len = in->l_len;
	out->l_pid = in->l_pid;
	out->l_type = (int16_t)fbsd_lock_type_from_linux(in->l_type);
	out->l_whence = in->l_whence;
}
