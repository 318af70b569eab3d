/*
 * FreeBSD errno numbering and the Linux -> FreeBSD errno map.
 *
 * Numbers: sys/sys/errno.h (FreeBSD 14), cross-checked against
 * golang.org/x/sys/unix/zerrors_freebsd_amd64.go.  Pure data, no side effects.
 */
#ifndef PERSONA_ABI_FREEBSD_ERRNO_H
#define PERSONA_ABI_FREEBSD_ERRNO_H

/* sys/sys/errno.h: 1..34 share their numbers with Linux, except 11. */
#define FBSD_EPERM            1
#define FBSD_ENOENT           2
#define FBSD_ESRCH            3
#define FBSD_EINTR            4
#define FBSD_EIO              5
#define FBSD_ENXIO            6
#define FBSD_E2BIG            7
#define FBSD_ENOEXEC          8
#define FBSD_EBADF            9
#define FBSD_ECHILD          10
#define FBSD_EDEADLK         11     /* Linux has EAGAIN at 11 */
#define FBSD_ENOMEM          12
#define FBSD_EACCES          13
#define FBSD_EFAULT          14
#define FBSD_ENOTBLK         15
#define FBSD_EBUSY           16
#define FBSD_EEXIST          17
#define FBSD_EXDEV           18
#define FBSD_ENODEV          19
#define FBSD_ENOTDIR         20
#define FBSD_EISDIR          21
#define FBSD_EINVAL          22
#define FBSD_ENFILE          23
#define FBSD_EMFILE          24
#define FBSD_ENOTTY          25
#define FBSD_ETXTBSY         26
#define FBSD_EFBIG           27
#define FBSD_ENOSPC          28
#define FBSD_ESPIPE          29
#define FBSD_EROFS           30
#define FBSD_EMLINK          31
#define FBSD_EPIPE           32
#define FBSD_EDOM            33
#define FBSD_ERANGE          34
#define FBSD_EAGAIN          35
#define FBSD_EWOULDBLOCK     FBSD_EAGAIN
#define FBSD_EINPROGRESS     36
#define FBSD_EALREADY        37
#define FBSD_ENOTSOCK        38
#define FBSD_EDESTADDRREQ    39
#define FBSD_EMSGSIZE        40
#define FBSD_EPROTOTYPE      41
#define FBSD_ENOPROTOOPT     42
#define FBSD_EPROTONOSUPPORT 43
#define FBSD_ESOCKTNOSUPPORT 44
#define FBSD_EOPNOTSUPP      45
#define FBSD_ENOTSUP         FBSD_EOPNOTSUPP
#define FBSD_EPFNOSUPPORT    46
#define FBSD_EAFNOSUPPORT    47
#define FBSD_EADDRINUSE      48
#define FBSD_EADDRNOTAVAIL   49
#define FBSD_ENETDOWN        50
#define FBSD_ENETUNREACH     51
#define FBSD_ENETRESET       52
#define FBSD_ECONNABORTED    53
#define FBSD_ECONNRESET      54
#define FBSD_ENOBUFS         55
#define FBSD_EISCONN         56
#define FBSD_ENOTCONN        57
#define FBSD_ESHUTDOWN       58
#define FBSD_ETOOMANYREFS    59
#define FBSD_ETIMEDOUT       60
#define FBSD_ECONNREFUSED    61
#define FBSD_ELOOP           62
#define FBSD_ENAMETOOLONG    63
#define FBSD_EHOSTDOWN       64
#define FBSD_EHOSTUNREACH    65
#define FBSD_ENOTEMPTY       66
#define FBSD_EPROCLIM        67
#define FBSD_EUSERS          68
#define FBSD_EDQUOT          69
#define FBSD_ESTALE          70
#define FBSD_EREMOTE         71
#define FBSD_EBADRPC         72
#define FBSD_ERPCMISMATCH    73
#define FBSD_EPROGUNAVAIL    74
#define FBSD_EPROGMISMATCH   75
#define FBSD_EPROCUNAVAIL    76
#define FBSD_ENOLCK          77
#define FBSD_ENOSYS          78
#define FBSD_EFTYPE          79
#define FBSD_EAUTH           80
#define FBSD_ENEEDAUTH       81
#define FBSD_EIDRM           82
#define FBSD_ENOMSG          83
#define FBSD_EOVERFLOW       84
#define FBSD_ECANCELED       85
#define FBSD_EILSEQ          86
#define FBSD_ENOATTR         87
#define FBSD_EDOOFUS         88
#define FBSD_EBADMSG         89
#define FBSD_EMULTIHOP       90
#define FBSD_ENOLINK         91
#define FBSD_EPROTO          92
#define FBSD_ENOTCAPABLE     93
#define FBSD_ECAPMODE        94
#define FBSD_ENOTRECOVERABLE 95
#define FBSD_EOWNERDEAD      96
#define FBSD_EINTEGRITY      97     /* FreeBSD 12+ */
#define FBSD_ELAST           97

/*
 * Linux errno (positive) -> FreeBSD errno (positive).  0 -> 0.  A negative
 * argument is treated as its magnitude (raw syscall returns are -errno).
 * Linux codes with no FreeBSD twin map to the closest meaning; the choices
 * are listed in errno.c.  Codes Linux does not define map to EINVAL.
 */
int fbsd_errno_from_linux(int linux_errno);

/* "EAGAIN", "EOPNOTSUPP", ...; NULL for numbers FreeBSD does not define. */
const char *fbsd_errno_name(int fbsd_errno);

/* FreeBSD libc strerror() text (lib/libc/gen/errlst.c); NULL if unknown. */
const char *fbsd_errno_desc(int fbsd_errno);

#endif /* PERSONA_ABI_FREEBSD_ERRNO_H */
