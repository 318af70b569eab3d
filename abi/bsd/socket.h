/*
 * The socket layer both BSDs inherited from 4.4BSD, as one set of
 * converters parameterised by what each of them numbers differently.
 *
 * Shared by FreeBSD and NetBSD (each OS's abi/<os>/socket.h has the
 * numbers and the description below):
 *  - every sockaddr starts with sa_len (u8) and sa_family (u8) where Linux
 *    has a u16 family; sockaddr_in is 16 bytes, sockaddr_in6 28, sockaddr_un
 *    106 (sun_path 104, no abstract namespace);
 *  - struct msghdr (48 bytes: int msg_iovlen, socklen_t msg_controllen) and
 *    struct cmsghdr (12 bytes, data at 16 after the amd64 8-byte alignment);
 *  - SOL_SOCKET 0xffff; option tables mapping (level, name) to Linux.
 * What differs is carried by struct bsd_sockabi: the AF_INET6 number, the
 * SOCK_* and MSG_* flag bits, the control-message numbers, the options and
 * how booleans read back, and a few argument checks.
 */
#ifndef PERSONA_ABI_BSD_SOCKET_H
#define PERSONA_ABI_BSD_SOCKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>   /* Linux struct sockaddr_storage, socklen_t */

/* Both: sys/sys/socket.h */
#define BSD_AF_UNSPEC     0
#define BSD_AF_UNIX       1
#define BSD_AF_INET       2
#define BSD_SOL_SOCKET    0xffff
#define BSD_SOL_LOCAL     0         /* sys/sys/un.h; shares 0 with IPPROTO_IP */
#define BSD_SUN_PATH_MAX  104
#define BSD_SCM_RIGHTS    1

/* sys/sys/socket.h: struct sockaddr, 16 bytes */
struct bsd_sockaddr {
	uint8_t sa_len;
	uint8_t sa_family;
	char    sa_data[14];
};

/* sys/netinet/in.h: struct sockaddr_in, 16 bytes (port, address in
 * network order, as on Linux) */
struct bsd_sockaddr_in {
	uint8_t  sin_len;
	uint8_t  sin_family;
	uint16_t sin_port;
	uint32_t sin_addr;
	char     sin_zero[8];
};

/* sys/netinet6/in6.h: struct sockaddr_in6, 28 bytes */
struct bsd_sockaddr_in6 {
	uint8_t  sin6_len;
	uint8_t  sin6_family;
	uint16_t sin6_port;
	uint32_t sin6_flowinfo;
	uint8_t  sin6_addr[16];
	uint32_t sin6_scope_id;
};

/* sys/sys/un.h: struct sockaddr_un, 106 bytes; sun_path need not hold a
 * NUL when it is full. */
struct bsd_sockaddr_un {
	uint8_t sun_len;
	uint8_t sun_family;
	char    sun_path[BSD_SUN_PATH_MAX];
};

/* struct sockaddr_storage, 128 bytes, 8-aligned */
struct bsd_sockaddr_storage {
	uint8_t ss_len;
	uint8_t ss_family;
	char    ss_pad1[6];
	int64_t ss_align;
	char    ss_pad2[112];
};

/* struct msghdr, 48 bytes on amd64 (guest pointers kept as integers) */
struct bsd_msghdr {
	uint64_t msg_name;
	uint32_t msg_namelen;
	uint64_t msg_iov;          /* struct iovec[], same layout as Linux */
	int32_t  msg_iovlen;
	uint64_t msg_control;
	uint32_t msg_controllen;
	int32_t  msg_flags;
};

/* struct cmsghdr, 12 bytes; data at ALIGN(12) = 16 (amd64 ALIGNBYTES 7) */
struct bsd_cmsghdr {
	uint32_t cmsg_len;         /* header + data, unpadded */
	int32_t  cmsg_level;
	int32_t  cmsg_type;
};
#define BSD_CMSG_ALIGN(n)  (((size_t)(n) + 7) & ~(size_t)7)
#define BSD_CMSG_HDRSPACE  BSD_CMSG_ALIGN(sizeof(struct bsd_cmsghdr))
#define BSD_CMSG_LEN(l)    (BSD_CMSG_HDRSPACE + (l))
#define BSD_CMSG_SPACE(l)  (BSD_CMSG_HDRSPACE + BSD_CMSG_ALIGN(l))
/* The longest sendmsg control buffer any BSD here takes. */
#define BSD_MAX_CONTROLLEN 4096

/* ---- options ---- */

enum bsd_sopt_kind {
	BSD_SOPT_INT,       /* an int (or a byte where both take one), same meaning */
	BSD_SOPT_FLAG,      /* boolean; reads back `bit` when set */
	BSD_SOPT_RAW,       /* the same bytes on both (struct, string) */
	BSD_SOPT_LINGER,    /* struct linger; l_onoff reads back as `bit` */
	BSD_SOPT_ERRNO,     /* SO_ERROR: a Linux errno to renumber */
	BSD_SOPT_DOMAIN,    /* SO_DOMAIN: a Linux AF_* to renumber */
	BSD_SOPT_BUFSIZE,   /* SO_SNDBUF/SO_RCVBUF: Linux reads back double */
	BSD_SOPT_NOSIGPIPE, /* SO_NOSIGPIPE: no Linux option, emulated; reads back `bit` */
	BSD_SOPT_PEERCRED,  /* Linux SO_PEERCRED -> the OS's structure (peercred_out) */
};

struct bsd_sockopt {
	int level, name;             /* the guest's */
	int lnx_level, lnx_name;     /* Linux */
	unsigned char kind;          /* enum bsd_sopt_kind */
	bool get_only;               /* the OS refuses to set it */
	unsigned bit;                /* FLAG/LINGER/NOSIGPIPE: value read back when set */
	const char *label;           /* "SO_REUSEADDR", for reports */
};

/* A guest bit and its Linux twin. */
struct bsd_bit_pair { int guest, lnx; };
/* A control message (level, type) whose payload is the same bytes on both. */
struct bsd_cmsg_pair { int gl, gt, ll, lt; };

/* Everything the shared converters need to know about one BSD. */
struct bsd_sockabi {
	int af_inet6;                /* FreeBSD 28, NetBSD 24 */
	/* Address arguments (getsockaddr / sockargs): longer than 255 bytes
	 * is this errno; shorter than addr_minlen is EINVAL. */
	int addr_toolong_errno;
	unsigned addr_minlen;
	/* 4.3BSD compatibility in NetBSD's sockargs: a zero family with an
	 * sa_len below this takes sa_len as the family (0: not done). */
	unsigned compat43_af_max;
	/* sa_len of the address of an unnamed AF_UNIX socket. */
	uint8_t unix_noname_len;
	/* socket(2) type flags; other bits above the type are passed on for
	 * the host to refuse. */
	int sock_cloexec, sock_nonblock, sock_nosigpipe;   /* 0: none */
	/* MSG_* with a Linux twin; output-only bits accepted silently on
	 * input; MSG_NBIO (acts as MSG_DONTWAIT), MSG_EOF (0: none). */
	const struct bsd_bit_pair *msg_bits;
	size_t n_msg_bits;
	int msg_output_only, msg_nbio, msg_eof;
	int msg_oob, msg_eor, msg_trunc, msg_ctrunc;
	/* Control messages: same-payload pairs; SCM_TIMESTAMP (struct
	 * timeval); the one-byte IP_RECVTTL / IP_RECVTOS (-1: none). */
	const struct bsd_cmsg_pair *cmsg_same;
	size_t n_cmsg_same;
	int scm_timestamp, ip_recvttl, ip_recvtos;
	int ipproto_ip;
	size_t max_controllen;       /* longer sendmsg control: EINVAL (<= BSD_MAX_CONTROLLEN) */
	size_t min_controllen;       /* shorter (non-empty) sendmsg control: EINVAL */
	/* Options.  BSD_SOPT_PEERCRED: the OS's structure for the peer's
	 * credentials (its length), and the errno before a connection. */
	size_t (*peercred_out)(int pid, unsigned uid, unsigned gid, void *out, size_t cap);
	int peercred_unconnected_errno;
	const struct bsd_sockopt *sockopts;
	size_t n_sockopts;
	const char *(*level_name)(int level, bool local);
};

/* ---- numbers ---- */

int bsd_domain_to_linux(const struct bsd_sockabi *abi, int guest_domain);
int bsd_domain_from_linux(const struct bsd_sockabi *abi, int linux_domain);
/* The type argument of socket(2)/socketpair(2): the type (same numbers as
 * Linux) with SOCK_CLOEXEC / SOCK_NONBLOCK moved to Linux's bits; the OS's
 * SOCK_NOSIGPIPE is taken off (the caller emulates it) and reported in
 * *nosigpipe (may be NULL). */
int bsd_socktype_to_linux(const struct bsd_sockabi *abi, int guest_type, bool *nosigpipe);
/* send/recv flags -> Linux; bits with no Linux meaning are dropped and
 * returned in *unknown (may be NULL). */
int bsd_msg_flags_to_linux(const struct bsd_sockabi *abi, int guest_flags, int *unknown);
/* msg_flags of a received message: OOB, EOR, TRUNC, CTRUNC. */
int bsd_msg_flags_from_linux(const struct bsd_sockabi *abi, int linux_flags);

/* ---- addresses (rules: abi/freebsd/socket.h, fbsd_sockaddr_*) ---- */
long bsd_sockaddr_to_linux(const struct bsd_sockabi *abi, const void *in, size_t inlen,
                           struct sockaddr_storage *out, socklen_t *outlen);
size_t bsd_sockaddr_from_linux(const struct bsd_sockabi *abi, const struct sockaddr *in,
                               socklen_t inlen, struct bsd_sockaddr_storage *out);

/* ---- control messages ---- */
typedef void (*bsd_cmsg_drop_fn)(void *ctx, int level, int type, bool outgoing);
long bsd_cmsgs_to_linux(const struct bsd_sockabi *abi, const void *in, size_t inlen, void *out,
                        size_t outcap, size_t *outlen, bsd_cmsg_drop_fn drop, void *ctx);
void bsd_cmsgs_from_linux(const struct bsd_sockabi *abi, const void *in, size_t inlen, void *out,
                          size_t outcap, size_t *outlen, int *flags, bsd_cmsg_drop_fn drop,
                          void *ctx);

/* ---- options ---- */
/* Look up a guest (level, option).  Level 0 is SOL_LOCAL on an AF_UNIX
 * socket (`local`) and IPPROTO_IP otherwise.  NULL when persona has no
 * translation; *level_known then says whether the level itself is one the
 * OS has (unknown option: ENOPROTOOPT; unknown level: EINVAL). */
const struct bsd_sockopt *bsd_sockopt_lookup(const struct bsd_sockabi *abi, int level, int name,
                                             bool local, bool *level_known);

#endif /* PERSONA_ABI_BSD_SOCKET_H */
