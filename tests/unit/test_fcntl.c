/* Unit tests for abi/freebsd/fcntl.{h,c}.  FreeBSD values are written out
 * literally from sys/sys/fcntl.h. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>

#include "abi/freebsd/fcntl.h"

Test(fcntl, constants)
{
	cr_assert_eq(FBSD_O_CREAT, 0x200);
	cr_assert_eq(FBSD_O_CLOEXEC, 0x100000);
	cr_assert_eq(FBSD_O_DIRECTORY, 0x20000);
	cr_assert_eq(FBSD_O_NOFOLLOW, 0x100);
	cr_assert_eq(FBSD_O_EMPTY_PATH, 0x2000000);
	cr_assert_eq(FBSD_AT_FDCWD, -100);
	cr_assert_eq(FBSD_AT_EMPTY_PATH, 0x4000);
	cr_assert_eq(FBSD_F_DUPFD_CLOEXEC, 17);
	cr_assert_eq(FBSD_F_DUP2FD, 10);
	cr_assert_eq(FBSD_F_GETLK, 11);
	cr_assert_eq(FBSD_F_KINFO, 22);
}

struct oflag { int fbsd, lnx; };

/* sys/sys/fcntl.h value -> host Linux flag */
static const struct oflag single[] = {
	{ 0x0000, O_RDONLY },   { 0x0001, O_WRONLY },   { 0x0002, O_RDWR },
	{ 0x0004, O_NONBLOCK }, { 0x0008, O_APPEND },   { 0x0040, O_ASYNC },
	{ 0x0080, O_SYNC },     { 0x0100, O_NOFOLLOW }, { 0x0200, O_CREAT },
	{ 0x0400, O_TRUNC },    { 0x0800, O_EXCL },     { 0x8000, O_NOCTTY },
	{ 0x10000, O_DIRECT },  { 0x20000, O_DIRECTORY },
	{ 0x40000, O_PATH },    /* O_EXEC */
	{ 0x80000, 0 },         /* O_TTY_INIT: dropped */
	{ 0x100000, O_CLOEXEC }, { 0x400000, O_PATH },
	{ 0x1000000, O_DSYNC },
};

Test(fcntl, open_flags_single_bits)
{
	for (size_t i = 0; i < sizeof(single) / sizeof(single[0]); i++) {
		int unk = -1;
		cr_assert_eq(fbsd_open_flags_to_linux(single[i].fbsd, &unk),
		             single[i].lnx, "fbsd 0x%x", single[i].fbsd);
		cr_assert_eq(unk, 0, "fbsd 0x%x", single[i].fbsd);
	}
}

Test(fcntl, open_flags_combination)
{
	int unk;
	int f = fbsd_open_flags_to_linux(0x0002 | 0x0200 | 0x0800 | 0x100000, &unk);
	cr_assert_eq(f, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC);
	cr_assert_eq(unk, 0);
	/* NULL unknown pointer is allowed */
	cr_assert_eq(fbsd_open_flags_to_linux(0x0001 | 0x0400, NULL),
	             O_WRONLY | O_TRUNC);
}

Test(fcntl, open_flags_untranslatable)
{
	int unk;
	int f = fbsd_open_flags_to_linux(0x0010 | 0x0020 | 0x200000 | 0x800000 |
	                                 0x2000000 | 0x0200, &unk);
	cr_assert_eq(f, O_CREAT);
	cr_assert_eq(unk, 0x0010 | 0x0020 | 0x200000 | 0x800000 | 0x2000000);
	/* an undefined bit is reported too */
	fbsd_open_flags_to_linux(0x4000000, &unk);
	cr_assert_eq(unk, 0x4000000);
	/* combinations FreeBSD's kern_openat() refuses */
	fbsd_open_flags_to_linux(0x0003, &unk);
	cr_assert_eq(unk, 0x0003);
	fbsd_open_flags_to_linux(0x40000 | 0x0002, &unk);   /* O_EXEC|O_RDWR */
	cr_assert_eq(unk, 0x40000);
	fbsd_open_flags_to_linux(0x400000 | 0x0002, &unk);  /* O_PATH|O_RDWR: ok */
	cr_assert_eq(unk, 0);
}

Test(fcntl, getfl_from_linux)
{
	/* F_GETFL on Linux x86-64 includes O_LARGEFILE (0x8000 there, which
	 * is FreeBSD's O_NOCTTY): it must not leak through. */
	cr_assert_eq(fbsd_open_flags_from_linux(O_RDWR | O_LARGEFILE), 0x0002);
	cr_assert_eq(fbsd_open_flags_from_linux(O_WRONLY | O_APPEND | O_NONBLOCK),
	             0x0001 | 0x0008 | 0x0004);
	cr_assert_eq(fbsd_open_flags_from_linux(O_RDONLY | O_SYNC), 0x0080);
	cr_assert_eq(fbsd_open_flags_from_linux(O_RDONLY | O_DSYNC), 0x1000000);
	cr_assert_eq(fbsd_open_flags_from_linux(O_RDONLY | O_DIRECT | O_ASYNC),
	             0x10000 | 0x0040);
	/* bits FreeBSD does not keep after open are not reported */
	cr_assert_eq(fbsd_open_flags_from_linux(O_RDONLY | O_DIRECTORY |
	             O_NOFOLLOW | O_CLOEXEC | O_NOATIME), 0);
	cr_assert_eq(fbsd_open_flags_from_linux(O_PATH), 0x400000);
}

Test(fcntl, open_flags_round_trip_fmask)
{
	/* every FMASK bit except O_EXEC survives to_linux -> from_linux */
	int fm = 0x0003 | 0x0008 | 0x0040 | 0x0080 | 0x1000000 | 0x0004 |
	         0x10000 | 0x400000;
	for (int i = 0; i < 31; i++) {
		int bit = 1 << i;
		if (!(fm & bit))
			continue;
		int back = fbsd_open_flags_from_linux(fbsd_open_flags_to_linux(bit, NULL));
		cr_assert_eq(back, bit, "bit 0x%x", bit);
	}
}

Test(fcntl, at_flags)
{
	int unk;
	cr_assert_eq(fbsd_at_flags_to_linux(0x0100, &unk), AT_EACCESS);
	cr_assert_eq(fbsd_at_flags_to_linux(0x0200, &unk), AT_SYMLINK_NOFOLLOW);
	cr_assert_eq(fbsd_at_flags_to_linux(0x0400, &unk), AT_SYMLINK_FOLLOW);
	cr_assert_eq(fbsd_at_flags_to_linux(0x0800, &unk), AT_REMOVEDIR);
	cr_assert_eq(fbsd_at_flags_to_linux(0x4000, &unk), AT_EMPTY_PATH);
	cr_assert_eq(unk, 0);
	cr_assert_eq(fbsd_at_flags_to_linux(0x2000 | 0x0200, &unk), AT_SYMLINK_NOFOLLOW);
	cr_assert_eq(unk, 0x2000);
	fbsd_at_flags_to_linux(0x1000, &unk);   /* old AT_BENEATH: unknown */
	cr_assert_eq(unk, 0x1000);
}

Test(fcntl, flock_layout)
{
	cr_assert_eq(sizeof(struct fbsd_flock), 32);
	cr_assert_eq(offsetof(struct fbsd_flock, l_pid), 16);
	cr_assert_eq(offsetof(struct fbsd_flock, l_type), 20);
	cr_assert_eq(offsetof(struct fbsd_flock, l_whence), 22);
	cr_assert_eq(offsetof(struct fbsd_flock, l_sysid), 24);
}

Test(fcntl, flock_types)
{
	/* sys/sys/fcntl.h: F_RDLCK 1, F_UNLCK 2, F_WRLCK 3 */
	cr_assert_eq(fbsd_lock_type_to_linux(1), F_RDLCK);
	cr_assert_eq(fbsd_lock_type_to_linux(2), F_UNLCK);
	cr_assert_eq(fbsd_lock_type_to_linux(3), F_WRLCK);
	cr_assert_eq(fbsd_lock_type_to_linux(0), -1);
	cr_assert_eq(fbsd_lock_type_from_linux(F_RDLCK), 1);
	cr_assert_eq(fbsd_lock_type_from_linux(F_UNLCK), 2);
	cr_assert_eq(fbsd_lock_type_from_linux(F_WRLCK), 3);
}

Test(fcntl, flock_round_trip)
{
	struct fbsd_flock in, back;
	struct flock l;

	memset(&in, 0, sizeof(in));   /* padding must compare equal */
	in.l_start = 4096;
	in.l_len = -1;
	in.l_pid = 1234;
	in.l_type = 3;                /* F_WRLCK */
	in.l_whence = SEEK_END;

	fbsd_flock_to_linux(&l, &in);
	cr_assert_eq(l.l_type, F_WRLCK);
	cr_assert_eq(l.l_whence, SEEK_END);
	cr_assert_eq(l.l_start, 4096);
	cr_assert_eq(l.l_len, -1);
	cr_assert_eq(l.l_pid, 1234);

	memset(&back, 0xa5, sizeof(back));
	fbsd_flock_from_linux(&back, &l);
	cr_assert_eq(memcmp(&back, &in, sizeof(in)), 0, "byte-exact, padding zeroed");
}
