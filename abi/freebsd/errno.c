/*
 * Linux -> FreeBSD errno translation, and FreeBSD errno names and texts.
 *
 * FreeBSD numbers: sys/sys/errno.h.  Texts: lib/libc/gen/errlst.c (the
 * strings FreeBSD's strerror() prints).  Linux numbers come from the host's
 * <errno.h> (asm-generic/errno-base.h, asm-generic/errno.h), so the table is
 * keyed by the host's own names and cannot drift from them.
 */
#include "abi/freebsd/errno.h"

#include <limits.h>

#include <errno.h>
#include <stddef.h>

/* Linux kernel-internal codes (include/linux/errno.h, not in uapi).  They
 * never reach a normal process, but a ptrace tracer sees them at syscall
 * exit, so the map accepts them. */
#define LNX_ERESTARTSYS           512
#define LNX_ERESTARTNOINTR        513
#define LNX_ERESTARTNOHAND        514
#define LNX_ENOIOCTLCMD           515
#define LNX_ERESTART_RESTARTBLOCK 516
#define LNX_ENOTSUPP              524

/*
 * Indexed by Linux errno.  A zero entry means "not a Linux errno" and is
 * answered with EINVAL.  Entries below the "closest meaning" line have no
 * FreeBSD equivalent; the chosen code is the one a FreeBSD program is most
 * likely to handle the same way.
 */
static const unsigned char linux_to_fbsd[EHWPOISON + 1] = {
	/* 1..34 are shared, except EAGAIN (11 on Linux, 35 on FreeBSD). */
	[EPERM] = FBSD_EPERM,           [ENOENT] = FBSD_ENOENT,
	[ESRCH] = FBSD_ESRCH,           [EINTR] = FBSD_EINTR,
	[EIO] = FBSD_EIO,               [ENXIO] = FBSD_ENXIO,
	[E2BIG] = FBSD_E2BIG,           [ENOEXEC] = FBSD_ENOEXEC,
	[EBADF] = FBSD_EBADF,           [ECHILD] = FBSD_ECHILD,
	[EAGAIN] = FBSD_EAGAIN,         [ENOMEM] = FBSD_ENOMEM,
	[EACCES] = FBSD_EACCES,         [EFAULT] = FBSD_EFAULT,
	[ENOTBLK] = FBSD_ENOTBLK,       [EBUSY] = FBSD_EBUSY,
	[EEXIST] = FBSD_EEXIST,         [EXDEV] = FBSD_EXDEV,
	[ENODEV] = FBSD_ENODEV,         [ENOTDIR] = FBSD_ENOTDIR,
	[EISDIR] = FBSD_EISDIR,         [EINVAL] = FBSD_EINVAL,
	[ENFILE] = FBSD_ENFILE,         [EMFILE] = FBSD_EMFILE,
	[ENOTTY] = FBSD_ENOTTY,         [ETXTBSY] = FBSD_ETXTBSY,
	[EFBIG] = FBSD_EFBIG,           [ENOSPC] = FBSD_ENOSPC,
	[ESPIPE] = FBSD_ESPIPE,         [EROFS] = FBSD_EROFS,
	[EMLINK] = FBSD_EMLINK,         [EPIPE] = FBSD_EPIPE,
	[EDOM] = FBSD_EDOM,             [ERANGE] = FBSD_ERANGE,

	/* Same meaning, different number. */
	[EDEADLK] = FBSD_EDEADLK,       [ENAMETOOLONG] = FBSD_ENAMETOOLONG,
	[ENOLCK] = FBSD_ENOLCK,         [ENOSYS] = FBSD_ENOSYS,
	[ENOTEMPTY] = FBSD_ENOTEMPTY,   [ELOOP] = FBSD_ELOOP,
	[ENOMSG] = FBSD_ENOMSG,         [EIDRM] = FBSD_EIDRM,
	[EREMOTE] = FBSD_EREMOTE,       [ENOLINK] = FBSD_ENOLINK,
	[EPROTO] = FBSD_EPROTO,         [EMULTIHOP] = FBSD_EMULTIHOP,
	[EBADMSG] = FBSD_EBADMSG,       [EOVERFLOW] = FBSD_EOVERFLOW,
	[EILSEQ] = FBSD_EILSEQ,         [EUSERS] = FBSD_EUSERS,
	[ENOTSOCK] = FBSD_ENOTSOCK,     [EDESTADDRREQ] = FBSD_EDESTADDRREQ,
	[EMSGSIZE] = FBSD_EMSGSIZE,     [EPROTOTYPE] = FBSD_EPROTOTYPE,
	[ENOPROTOOPT] = FBSD_ENOPROTOOPT,
	[EPROTONOSUPPORT] = FBSD_EPROTONOSUPPORT,
	[ESOCKTNOSUPPORT] = FBSD_ESOCKTNOSUPPORT,
	[EOPNOTSUPP] = FBSD_EOPNOTSUPP, /* glibc: ENOTSUP == EOPNOTSUPP */
	[EPFNOSUPPORT] = FBSD_EPFNOSUPPORT,
	[EAFNOSUPPORT] = FBSD_EAFNOSUPPORT,
	[EADDRINUSE] = FBSD_EADDRINUSE, [EADDRNOTAVAIL] = FBSD_EADDRNOTAVAIL,
	[ENETDOWN] = FBSD_ENETDOWN,     [ENETUNREACH] = FBSD_ENETUNREACH,
	[ENETRESET] = FBSD_ENETRESET,   [ECONNABORTED] = FBSD_ECONNABORTED,
	[ECONNRESET] = FBSD_ECONNRESET, [ENOBUFS] = FBSD_ENOBUFS,
	[EISCONN] = FBSD_EISCONN,       [ENOTCONN] = FBSD_ENOTCONN,
	[ESHUTDOWN] = FBSD_ESHUTDOWN,   [ETOOMANYREFS] = FBSD_ETOOMANYREFS,
	[ETIMEDOUT] = FBSD_ETIMEDOUT,   [ECONNREFUSED] = FBSD_ECONNREFUSED,
	[EHOSTDOWN] = FBSD_EHOSTDOWN,   [EHOSTUNREACH] = FBSD_EHOSTUNREACH,
	[EALREADY] = FBSD_EALREADY,     [EINPROGRESS] = FBSD_EINPROGRESS,
	[ESTALE] = FBSD_ESTALE,         [EDQUOT] = FBSD_EDQUOT,
	[ECANCELED] = FBSD_ECANCELED,   [EOWNERDEAD] = FBSD_EOWNERDEAD,
	[ENOTRECOVERABLE] = FBSD_ENOTRECOVERABLE,

	/* ---- closest meaning: Linux-only codes ---- */
	[ENODATA] = FBSD_ENOATTR,       /* getxattr: missing attribute */
	[ETIME] = FBSD_ETIMEDOUT,       /* timer expired */
	[EBADFD] = FBSD_EBADF,          /* fd in bad state */
	[ENOSR] = FBSD_ENOBUFS,         /* out of stream resources */
	[ENOSTR] = FBSD_ENOTTY,         /* not a stream: wrong kind of fd */
	[ESTRPIPE] = FBSD_EPIPE,
	[ERESTART] = FBSD_EINTR,        /* should have been restarted */
	[EUCLEAN] = FBSD_EINTEGRITY,    /* fs structure needs cleaning */
	[ENOTNAM] = FBSD_EFTYPE,        /* XENIX named-file codes: wrong */
	[ENAVAIL] = FBSD_EFTYPE,        /*   file type for the operation */
	[EISNAM] = FBSD_EFTYPE,
	[EREMOTEIO] = FBSD_EIO,
	[ENOMEDIUM] = FBSD_ENXIO,       /* "device not configured" */
	[EMEDIUMTYPE] = FBSD_EFTYPE,
	[ELIBACC] = FBSD_ENOEXEC,       /* the ELIB* family: exec of a */
	[ELIBBAD] = FBSD_ENOEXEC,       /*   binary whose interpreter or */
	[ELIBSCN] = FBSD_ENOEXEC,       /*   libraries are unusable */
	[ELIBMAX] = FBSD_ENOEXEC,
	[ELIBEXEC] = FBSD_ENOEXEC,
	[ENOTUNIQ] = FBSD_EEXIST,
	[EREMCHG] = FBSD_EADDRNOTAVAIL,
	[ENONET] = FBSD_ENETDOWN,
	[ERFKILL] = FBSD_ENETDOWN,
	[ENOPKG] = FBSD_EOPNOTSUPP,
	[ENOKEY] = FBSD_ENOENT,         /* keyring codes */
	[EKEYEXPIRED] = FBSD_EACCES,
	[EKEYREVOKED] = FBSD_EACCES,
	[EKEYREJECTED] = FBSD_EACCES,
	[EXFULL] = FBSD_ENOSPC,
	[ECHRNG] = FBSD_EINVAL,         /* argument out of range */
	[ELNRNG] = FBSD_EINVAL,
	[EBADE] = FBSD_EINVAL,
	[EBADR] = FBSD_EINVAL,
	[EBADRQC] = FBSD_EINVAL,
	[EBADSLT] = FBSD_EINVAL,
	[EL2NSYNC] = FBSD_EIO,          /* device/link state codes */
	[EL3HLT] = FBSD_EIO,
	[EL3RST] = FBSD_EIO,
	[EUNATCH] = FBSD_EIO,
	[ENOCSI] = FBSD_EIO,
	[EL2HLT] = FBSD_EIO,
	[ENOANO] = FBSD_EIO,
	[EBFONT] = FBSD_EIO,
	[EADV] = FBSD_EIO,
	[ESRMNT] = FBSD_EIO,
	[ECOMM] = FBSD_EIO,
	[EDOTDOT] = FBSD_EIO,
	[EHWPOISON] = FBSD_EIO,         /* memory page has a hardware error */
};

int fbsd_errno_from_linux(int e)
{
	if (e == INT_MIN)
		return FBSD_EINVAL;     /* no magnitude in an int; not an errno */
	if (e < 0)
		e = -e;
	if (e == 0)
		return 0;
	if ((unsigned)e < sizeof(linux_to_fbsd) && linux_to_fbsd[e] != 0)
		return linux_to_fbsd[e];
	switch (e) {
	case LNX_ERESTARTSYS:
	case LNX_ERESTARTNOINTR:
	case LNX_ERESTARTNOHAND:
	case LNX_ERESTART_RESTARTBLOCK:
		return FBSD_EINTR;
	case LNX_ENOIOCTLCMD:
		return FBSD_ENOTTY;
	case LNX_ENOTSUPP:
		return FBSD_EOPNOTSUPP;
	}
	return FBSD_EINVAL;
}

/* One row per FreeBSD errno: name and strerror text (lib/libc/gen/errlst.c). */
struct fbsd_errno_info {
	const char *name;
	const char *desc;
};

static const struct fbsd_errno_info fbsd_errnos[FBSD_ELAST + 1] = {
	[FBSD_EPERM] = { "EPERM", "Operation not permitted" },
	[FBSD_ENOENT] = { "ENOENT", "No such file or directory" },
	[FBSD_ESRCH] = { "ESRCH", "No such process" },
	[FBSD_EINTR] = { "EINTR", "Interrupted system call" },
	[FBSD_EIO] = { "EIO", "Input/output error" },
	[FBSD_ENXIO] = { "ENXIO", "Device not configured" },
	[FBSD_E2BIG] = { "E2BIG", "Argument list too long" },
	[FBSD_ENOEXEC] = { "ENOEXEC", "Exec format error" },
	[FBSD_EBADF] = { "EBADF", "Bad file descriptor" },
	[FBSD_ECHILD] = { "ECHILD", "No child processes" },
	[FBSD_EDEADLK] = { "EDEADLK", "Resource deadlock avoided" },
	[FBSD_ENOMEM] = { "ENOMEM", "Cannot allocate memory" },
	[FBSD_EACCES] = { "EACCES", "Permission denied" },
	[FBSD_EFAULT] = { "EFAULT", "Bad address" },
	[FBSD_ENOTBLK] = { "ENOTBLK", "Block device required" },
	[FBSD_EBUSY] = { "EBUSY", "Device busy" },
	[FBSD_EEXIST] = { "EEXIST", "File exists" },
	[FBSD_EXDEV] = { "EXDEV", "Cross-device link" },
	[FBSD_ENODEV] = { "ENODEV", "Operation not supported by device" },
	[FBSD_ENOTDIR] = { "ENOTDIR", "Not a directory" },
	[FBSD_EISDIR] = { "EISDIR", "Is a directory" },
	[FBSD_EINVAL] = { "EINVAL", "Invalid argument" },
	[FBSD_ENFILE] = { "ENFILE", "Too many open files in system" },
	[FBSD_EMFILE] = { "EMFILE", "Too many open files" },
	[FBSD_ENOTTY] = { "ENOTTY", "Inappropriate ioctl for device" },
	[FBSD_ETXTBSY] = { "ETXTBSY", "Text file busy" },
	[FBSD_EFBIG] = { "EFBIG", "File too large" },
	[FBSD_ENOSPC] = { "ENOSPC", "No space left on device" },
	[FBSD_ESPIPE] = { "ESPIPE", "Illegal seek" },
	[FBSD_EROFS] = { "EROFS", "Read-only file system" },
	[FBSD_EMLINK] = { "EMLINK", "Too many links" },
	[FBSD_EPIPE] = { "EPIPE", "Broken pipe" },
	[FBSD_EDOM] = { "EDOM", "Numerical argument out of domain" },
	[FBSD_ERANGE] = { "ERANGE", "Result too large" },
	[FBSD_EAGAIN] = { "EAGAIN", "Resource temporarily unavailable" },
	[FBSD_EINPROGRESS] = { "EINPROGRESS", "Operation now in progress" },
	[FBSD_EALREADY] = { "EALREADY", "Operation already in progress" },
	[FBSD_ENOTSOCK] = { "ENOTSOCK", "Socket operation on non-socket" },
	[FBSD_EDESTADDRREQ] = { "EDESTADDRREQ", "Destination address required" },
	[FBSD_EMSGSIZE] = { "EMSGSIZE", "Message too long" },
	[FBSD_EPROTOTYPE] = { "EPROTOTYPE", "Protocol wrong type for socket" },
	[FBSD_ENOPROTOOPT] = { "ENOPROTOOPT", "Protocol not available" },
	[FBSD_EPROTONOSUPPORT] = { "EPROTONOSUPPORT", "Protocol not supported" },
	[FBSD_ESOCKTNOSUPPORT] = { "ESOCKTNOSUPPORT", "Socket type not supported" },
	[FBSD_EOPNOTSUPP] = { "EOPNOTSUPP", "Operation not supported" },
	[FBSD_EPFNOSUPPORT] = { "EPFNOSUPPORT", "Protocol family not supported" },
	[FBSD_EAFNOSUPPORT] = { "EAFNOSUPPORT",
		"Address family not supported by protocol family" },
	[FBSD_EADDRINUSE] = { "EADDRINUSE", "Address already in use" },
	[FBSD_EADDRNOTAVAIL] = { "EADDRNOTAVAIL", "Can't assign requested address" },
	[FBSD_ENETDOWN] = { "ENETDOWN", "Network is down" },
	[FBSD_ENETUNREACH] = { "ENETUNREACH", "Network is unreachable" },
	[FBSD_ENETRESET] = { "ENETRESET", "Network dropped connection on reset" },
	[FBSD_ECONNABORTED] = { "ECONNABORTED", "Software caused connection abort" },
	[FBSD_ECONNRESET] = { "ECONNRESET", "Connection reset by peer" },
	[FBSD_ENOBUFS] = { "ENOBUFS", "No buffer space available" },
	[FBSD_EISCONN] = { "EISCONN", "Socket is already connected" },
	[FBSD_ENOTCONN] = { "ENOTCONN", "Socket is not connected" },
	[FBSD_ESHUTDOWN] = { "ESHUTDOWN", "Can't send after socket shutdown" },
	[FBSD_ETOOMANYREFS] = { "ETOOMANYREFS", "Too many references: can't splice" },
	[FBSD_ETIMEDOUT] = { "ETIMEDOUT", "Operation timed out" },
	[FBSD_ECONNREFUSED] = { "ECONNREFUSED", "Connection refused" },
	[FBSD_ELOOP] = { "ELOOP", "Too many levels of symbolic links" },
	[FBSD_ENAMETOOLONG] = { "ENAMETOOLONG", "File name too long" },
	[FBSD_EHOSTDOWN] = { "EHOSTDOWN", "Host is down" },
	[FBSD_EHOSTUNREACH] = { "EHOSTUNREACH", "No route to host" },
	[FBSD_ENOTEMPTY] = { "ENOTEMPTY", "Directory not empty" },
	[FBSD_EPROCLIM] = { "EPROCLIM", "Too many processes" },
	[FBSD_EUSERS] = { "EUSERS", "Too many users" },
	[FBSD_EDQUOT] = { "EDQUOT", "Disc quota exceeded" },
	[FBSD_ESTALE] = { "ESTALE", "Stale NFS file handle" },
	[FBSD_EREMOTE] = { "EREMOTE", "Too many levels of remote in path" },
	[FBSD_EBADRPC] = { "EBADRPC", "RPC struct is bad" },
	[FBSD_ERPCMISMATCH] = { "ERPCMISMATCH", "RPC version wrong" },
	[FBSD_EPROGUNAVAIL] = { "EPROGUNAVAIL", "RPC prog. not avail" },
	[FBSD_EPROGMISMATCH] = { "EPROGMISMATCH", "Program version wrong" },
	[FBSD_EPROCUNAVAIL] = { "EPROCUNAVAIL", "Bad procedure for program" },
	[FBSD_ENOLCK] = { "ENOLCK", "No locks available" },
	[FBSD_ENOSYS] = { "ENOSYS", "Function not implemented" },
	[FBSD_EFTYPE] = { "EFTYPE", "Inappropriate file type or format" },
	[FBSD_EAUTH] = { "EAUTH", "Authentication error" },
	[FBSD_ENEEDAUTH] = { "ENEEDAUTH", "Need authenticator" },
	[FBSD_EIDRM] = { "EIDRM", "Identifier removed" },
	[FBSD_ENOMSG] = { "ENOMSG", "No message of desired type" },
	[FBSD_EOVERFLOW] = { "EOVERFLOW", "Value too large to be stored in data type" },
	[FBSD_ECANCELED] = { "ECANCELED", "Operation canceled" },
	[FBSD_EILSEQ] = { "EILSEQ", "Illegal byte sequence" },
	[FBSD_ENOATTR] = { "ENOATTR", "Attribute not found" },
	[FBSD_EDOOFUS] = { "EDOOFUS", "Programming error" },
	[FBSD_EBADMSG] = { "EBADMSG", "Bad message" },
	[FBSD_EMULTIHOP] = { "EMULTIHOP", "Multihop attempted" },
	[FBSD_ENOLINK] = { "ENOLINK", "Link has been severed" },
	[FBSD_EPROTO] = { "EPROTO", "Protocol error" },
	[FBSD_ENOTCAPABLE] = { "ENOTCAPABLE", "Capabilities insufficient" },
	[FBSD_ECAPMODE] = { "ECAPMODE", "Not permitted in capability mode" },
	[FBSD_ENOTRECOVERABLE] = { "ENOTRECOVERABLE", "State not recoverable" },
	[FBSD_EOWNERDEAD] = { "EOWNERDEAD", "Previous owner died" },
	[FBSD_EINTEGRITY] = { "EINTEGRITY", "Integrity check failed" },
};

const char *fbsd_errno_name(int e)
{
	if (e <= 0 || e > FBSD_ELAST)
		return NULL;
	return fbsd_errnos[e].name;
}

const char *fbsd_errno_desc(int e)
{
	if (e <= 0 || e > FBSD_ELAST)
		return NULL;
	return fbsd_errnos[e].desc;
}
