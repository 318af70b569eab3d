/* Unit tests for abi/freebsd/errno.{h,c}.  Expected numbers are written out
 * literally from sys/sys/errno.h; texts from lib/libc/gen/errlst.c. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <errno.h>
#include <string.h>

#include "abi/freebsd/errno.h"

struct pair { int lnx, fbsd; };

/* Linux (host <errno.h>) -> FreeBSD (sys/sys/errno.h) */
static const struct pair direct[] = {
	{ 0, 0 },
	{ EPERM, 1 }, { ENOENT, 2 }, { EINTR, 4 }, { EIO, 5 }, { EBADF, 9 },
	{ ECHILD, 10 }, { ENOMEM, 12 }, { EACCES, 13 }, { EFAULT, 14 },
	{ EBUSY, 16 }, { EEXIST, 17 }, { EXDEV, 18 }, { ENOTDIR, 20 },
	{ EISDIR, 21 }, { EINVAL, 22 }, { EMFILE, 24 }, { ENOTTY, 25 },
	{ ENOSPC, 28 }, { ESPIPE, 29 }, { EROFS, 30 }, { EPIPE, 32 },
	{ ERANGE, 34 },
	{ EAGAIN, 35 }, { EWOULDBLOCK, 35 },
	{ EDEADLK, 11 },
	{ EINPROGRESS, 36 }, { EALREADY, 37 }, { ENOTSOCK, 38 },
	{ EDESTADDRREQ, 39 }, { EMSGSIZE, 40 }, { EPROTOTYPE, 41 },
	{ ENOPROTOOPT, 42 }, { EPROTONOSUPPORT, 43 }, { ESOCKTNOSUPPORT, 44 },
	{ ENOTSUP, 45 }, { EOPNOTSUPP, 45 },
	{ EPFNOSUPPORT, 46 }, { EAFNOSUPPORT, 47 }, { EADDRINUSE, 48 },
	{ EADDRNOTAVAIL, 49 }, { ENETDOWN, 50 }, { ENETUNREACH, 51 },
	{ ENETRESET, 52 }, { ECONNABORTED, 53 }, { ECONNRESET, 54 },
	{ ENOBUFS, 55 }, { EISCONN, 56 }, { ENOTCONN, 57 }, { ESHUTDOWN, 58 },
	{ ETOOMANYREFS, 59 }, { ETIMEDOUT, 60 }, { ECONNREFUSED, 61 },
	{ ELOOP, 62 }, { ENAMETOOLONG, 63 }, { EHOSTDOWN, 64 },
	{ EHOSTUNREACH, 65 }, { ENOTEMPTY, 66 }, { EUSERS, 68 }, { EDQUOT, 69 },
	{ ESTALE, 70 }, { EREMOTE, 71 }, { ENOLCK, 77 }, { ENOSYS, 78 },
	{ EIDRM, 82 }, { ENOMSG, 83 }, { EOVERFLOW, 84 }, { ECANCELED, 85 },
	{ EILSEQ, 86 }, { EBADMSG, 89 }, { EMULTIHOP, 90 }, { ENOLINK, 91 },
	{ EPROTO, 92 }, { ENOTRECOVERABLE, 95 }, { EOWNERDEAD, 96 },
};

/* Linux-only codes -> documented closest FreeBSD code */
static const struct pair closest[] = {
	{ ENODATA, 87 },        /* ENOATTR */
	{ ETIME, 60 },          /* ETIMEDOUT */
	{ EBADFD, 9 },          /* EBADF */
	{ EUCLEAN, 97 },        /* EINTEGRITY */
	{ ELIBBAD, 8 },         /* ENOEXEC */
	{ ENOMEDIUM, 6 },       /* ENXIO */
	{ ESTRPIPE, 32 },       /* EPIPE */
	{ ENOSR, 55 },          /* ENOBUFS */
	{ 512, 4 },             /* ERESTARTSYS -> EINTR */
	{ 516, 4 },             /* ERESTART_RESTARTBLOCK -> EINTR */
	{ 515, 25 },            /* ENOIOCTLCMD -> ENOTTY */
	{ 524, 45 },            /* ENOTSUPP -> EOPNOTSUPP */
	{ 41, 22 },             /* unassigned on Linux -> EINVAL */
	{ 9999, 22 },
};

Test(fbsd_errno, direct_map)
{
	for (size_t i = 0; i < sizeof(direct) / sizeof(direct[0]); i++)
		cr_assert_eq(fbsd_errno_from_linux(direct[i].lnx), direct[i].fbsd,
		             "linux %d", direct[i].lnx);
}

Test(fbsd_errno, closest_map)
{
	for (size_t i = 0; i < sizeof(closest) / sizeof(closest[0]); i++)
		cr_assert_eq(fbsd_errno_from_linux(closest[i].lnx), closest[i].fbsd,
		             "linux %d", closest[i].lnx);
}

Test(fbsd_errno, negative_input_is_magnitude)
{
	cr_assert_eq(fbsd_errno_from_linux(-EAGAIN), 35);
	cr_assert_eq(fbsd_errno_from_linux(-ENOSYS), 78);
}

Test(fbsd_errno, every_linux_code_maps_into_freebsd_range)
{
	for (int e = 1; e <= 133; e++) {
		int f = fbsd_errno_from_linux(e);
		cr_assert(f >= 1 && f <= 97, "linux %d -> %d", e, f);
		cr_assert_not_null(fbsd_errno_name(f), "linux %d -> %d", e, f);
	}
}

Test(fbsd_errno, names)
{
	cr_assert_str_eq(fbsd_errno_name(1), "EPERM");
	cr_assert_str_eq(fbsd_errno_name(35), "EAGAIN");
	cr_assert_str_eq(fbsd_errno_name(45), "EOPNOTSUPP");
	cr_assert_str_eq(fbsd_errno_name(78), "ENOSYS");
	cr_assert_str_eq(fbsd_errno_name(87), "ENOATTR");
	cr_assert_str_eq(fbsd_errno_name(97), "EINTEGRITY");
	cr_assert_null(fbsd_errno_name(0));
	cr_assert_null(fbsd_errno_name(98));
	cr_assert_null(fbsd_errno_name(-1));
}

Test(fbsd_errno, descriptions)
{
	cr_assert_str_eq(fbsd_errno_desc(35), "Resource temporarily unavailable");
	cr_assert_str_eq(fbsd_errno_desc(2), "No such file or directory");
	cr_assert_str_eq(fbsd_errno_desc(16), "Device busy");
	cr_assert_str_eq(fbsd_errno_desc(49), "Can't assign requested address");
	cr_assert_str_eq(fbsd_errno_desc(69), "Disc quota exceeded");
	cr_assert_str_eq(fbsd_errno_desc(97), "Integrity check failed");
	cr_assert_null(fbsd_errno_desc(200));
}

Test(fbsd_errno, table_complete)
{
	for (int e = 1; e <= FBSD_ELAST; e++) {
		cr_assert_not_null(fbsd_errno_name(e), "errno %d", e);
		cr_assert_not_null(fbsd_errno_desc(e), "errno %d", e);
		cr_assert_eq(fbsd_errno_name(e)[0], 'E');
	}
}
