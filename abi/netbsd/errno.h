/*
 * NetBSD errno numbering (sys/sys/errno.h), cross-checked against Go's
 * syscall/zerrors_netbsd_amd64.go.  Pure data, no side effects.
 */
#ifndef PERSONA_ABI_NETBSD_ERRNO_H
#define PERSONA_ABI_NETBSD_ERRNO_H

#define NBSD_EPERM              1
#define NBSD_ENOENT             2
#define NBSD_ESRCH              3
#define NBSD_EINTR              4
#define NBSD_EIO                5
#define NBSD_ENXIO              6
#define NBSD_E2BIG              7
#define NBSD_ENOEXEC            8
#define NBSD_EBADF              9
#define NBSD_ECHILD            10
#define NBSD_EDEADLK           11
#define NBSD_ENOMEM            12
#define NBSD_EACCES            13
#define NBSD_EFAULT            14
#define NBSD_ENOTBLK           15
#define NBSD_EBUSY             16
#define NBSD_EEXIST            17
#define NBSD_EXDEV             18
#define NBSD_ENODEV            19
#define NBSD_ENOTDIR           20
#define NBSD_EISDIR            21
#define NBSD_EINVAL            22
#define NBSD_ENFILE            23
#define NBSD_EMFILE            24
#define NBSD_ENOTTY            25
#define NBSD_ETXTBSY           26
#define NBSD_EFBIG             27
#define NBSD_ENOSPC            28
#define NBSD_ESPIPE            29
#define NBSD_EROFS             30
#define NBSD_EMLINK            31
#define NBSD_EPIPE             32
#define NBSD_EDOM              33
#define NBSD_ERANGE            34
#define NBSD_EAGAIN            35
#define NBSD_EWOULDBLOCK       35
#define NBSD_EINPROGRESS       36
#define NBSD_EALREADY          37
#define NBSD_ENOTSOCK          38
#define NBSD_EDESTADDRREQ      39
#define NBSD_EMSGSIZE          40
#define NBSD_EPROTOTYPE        41
#define NBSD_ENOPROTOOPT       42
#define NBSD_EPROTONOSUPPORT   43
#define NBSD_ESOCKTNOSUPPORT   44
#define NBSD_EOPNOTSUPP        45
#define NBSD_EPFNOSUPPORT      46
#define NBSD_EAFNOSUPPORT      47
#define NBSD_EADDRINUSE        48
#define NBSD_EADDRNOTAVAIL     49
#define NBSD_ENETDOWN          50
#define NBSD_ENETUNREACH       51
#define NBSD_ENETRESET         52
#define NBSD_ECONNABORTED      53
#define NBSD_ECONNRESET        54
#define NBSD_ENOBUFS           55
#define NBSD_EISCONN           56
#define NBSD_ENOTCONN          57
#define NBSD_ESHUTDOWN         58
#define NBSD_ETOOMANYREFS      59
#define NBSD_ETIMEDOUT         60
#define NBSD_ECONNREFUSED      61
#define NBSD_ELOOP             62
#define NBSD_ENAMETOOLONG      63
#define NBSD_EHOSTDOWN         64
#define NBSD_EHOSTUNREACH      65
#define NBSD_ENOTEMPTY         66
#define NBSD_EPROCLIM          67
#define NBSD_EUSERS            68
#define NBSD_EDQUOT            69
#define NBSD_ESTALE            70
#define NBSD_EREMOTE           71
#define NBSD_EBADRPC           72
#define NBSD_ERPCMISMATCH      73
#define NBSD_EPROGUNAVAIL      74
#define NBSD_EPROGMISMATCH     75
#define NBSD_EPROCUNAVAIL      76
#define NBSD_ENOLCK            77
#define NBSD_ENOSYS            78
#define NBSD_EFTYPE            79
#define NBSD_EAUTH             80
#define NBSD_ENEEDAUTH         81
#define NBSD_EIDRM             82
#define NBSD_ENOMSG            83
#define NBSD_EOVERFLOW         84
#define NBSD_EILSEQ            85
#define NBSD_ENOTSUP           86
#define NBSD_ECANCELED         87
#define NBSD_EBADMSG           88
#define NBSD_ENODATA           89
#define NBSD_ENOSR             90
#define NBSD_ENOSTR            91
#define NBSD_ETIME             92
#define NBSD_ENOATTR           93
#define NBSD_EMULTIHOP         94
#define NBSD_ENOLINK           95
#define NBSD_EPROTO            96

/* The NetBSD errno for a Linux one (EINVAL for an unknown number). */
int nbsd_errno_from_linux(int linux_errno);
/* "ENOENT" for 2; NULL outside the table. */
const char *nbsd_errno_name(int nbsd_errno);

#endif
