/*
 * FreeBSD sockets: address families, socket types, struct sockaddr_*,
 * struct msghdr / cmsghdr, the MSG_* flags, socket options of the
 * SOL_SOCKET, IPPROTO_IP, IPPROTO_IPV6, IPPROTO_TCP and SOL_LOCAL levels,
 * and the converters to and from Linux.
 *
 * Sources: sys/sys/socket.h, sys/sys/un.h, sys/netinet/in.h,
 * sys/netinet6/in6.h, sys/netinet/tcp.h, sys/netinet/tcp_var.h (TF_* bits
 * that getsockopt reports), sys/sys/ucred.h (struct xucred), all FreeBSD 14;
 * cross-checked against golang.org/x/sys/unix/zerrors_freebsd_amd64.go and
 * ztypes_freebsd_amd64.go.  Linux values come from the host's own headers
 * (by name), so the maps cannot drift from them.
 *
 * The differences that matter:
 *  - every FreeBSD sockaddr starts with sa_len (u8) and sa_family (u8) where
 *    Linux has a u16 family; AF_INET6 is 28 (Linux 10); sun_path is 104
 *    bytes (Linux 108) and there is no abstract namespace;
 *  - struct msghdr: msg_iovlen is an int and msg_controllen a socklen_t
 *    (48 bytes; Linux: size_t both, 56 bytes);
 *  - struct cmsghdr: cmsg_len is a socklen_t (12 bytes, data at 16 after
 *    _ALIGN; Linux: size_t, 16 bytes, data at 16), so a control buffer keeps
 *    its size and offsets and only the headers are rewritten;
 *  - SOL_SOCKET is 0xffff and the SO_* / IP_* / IPV6_* / TCP_KEEP* numbers
 *    differ; boolean SO_* options read back as their own bit value.
 */
#ifndef PERSONA_ABI_FREEBSD_SOCKET_H
#define PERSONA_ABI_FREEBSD_SOCKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>   /* Linux struct sockaddr_storage, socklen_t */
#include "abi/bsd/socket.h"

/* sys/sys/socket.h: address families (only those persona handles) */
#define FBSD_AF_UNSPEC  0
#define FBSD_AF_UNIX    1
#define FBSD_AF_LOCAL   FBSD_AF_UNIX
#define FBSD_AF_INET    2
#define FBSD_AF_ROUTE   17
#define FBSD_AF_INET6   28

/* sys/sys/socket.h: types (same numbers as Linux) and type flags */
#define FBSD_SOCK_STREAM     1
#define FBSD_SOCK_DGRAM      2
#define FBSD_SOCK_RAW        3
#define FBSD_SOCK_RDM        4
#define FBSD_SOCK_SEQPACKET  5
#define FBSD_SOCK_CLOEXEC    0x10000000
#define FBSD_SOCK_NONBLOCK   0x20000000

#define FBSD_SOCK_MAXADDRLEN 255   /* longest sockaddr getsockaddr() takes */
#define FBSD_SOMAXCONN       128

/* sys/sys/socket.h: shutdown(2) (same as Linux) */
#define FBSD_SHUT_RD   0
#define FBSD_SHUT_WR   1
#define FBSD_SHUT_RDWR 2

/* sys/sys/socket.h: levels */
#define FBSD_SOL_SOCKET 0xffff
#define FBSD_SOL_LOCAL  0          /* sys/sys/un.h; shares 0 with IPPROTO_IP */

/* sys/sys/socket.h: SOL_SOCKET options.  Up to 0x20000: boolean options,
 * each its own bit of so_options. */
#define FBSD_SO_DEBUG          0x00000001
#define FBSD_SO_ACCEPTCONN     0x00000002
#define FBSD_SO_REUSEADDR      0x00000004
#define FBSD_SO_KEEPALIVE      0x00000008
#define FBSD_SO_DONTROUTE      0x00000010
#define FBSD_SO_BROADCAST      0x00000020
#define FBSD_SO_USELOOPBACK    0x00000040
#define FBSD_SO_LINGER         0x00000080
#define FBSD_SO_OOBINLINE      0x00000100
#define FBSD_SO_REUSEPORT      0x00000200
#define FBSD_SO_TIMESTAMP      0x00000400
#define FBSD_SO_NOSIGPIPE      0x00000800
#define FBSD_SO_ACCEPTFILTER   0x00001000
#define FBSD_SO_BINTIME        0x00002000
#define FBSD_SO_NO_OFFLOAD     0x00004000
#define FBSD_SO_NO_DDP         0x00008000
#define FBSD_SO_REUSEPORT_LB   0x00010000
#define FBSD_SO_RERROR         0x00020000
#define FBSD_SO_SNDBUF         0x1001
#define FBSD_SO_RCVBUF         0x1002
#define FBSD_SO_SNDLOWAT       0x1003
#define FBSD_SO_RCVLOWAT       0x1004
#define FBSD_SO_SNDTIMEO       0x1005
#define FBSD_SO_RCVTIMEO       0x1006
#define FBSD_SO_ERROR          0x1007
#define FBSD_SO_TYPE           0x1008
#define FBSD_SO_LABEL          0x1009
#define FBSD_SO_PEERLABEL      0x1010
#define FBSD_SO_LISTENQLIMIT   0x1011
#define FBSD_SO_LISTENQLEN     0x1012
#define FBSD_SO_LISTENINCQLEN  0x1013
#define FBSD_SO_SETFIB         0x1014
#define FBSD_SO_USER_COOKIE    0x1015
#define FBSD_SO_PROTOCOL       0x1016
#define FBSD_SO_TS_CLOCK       0x1017
#define FBSD_SO_MAX_PACING_RATE 0x1018
#define FBSD_SO_DOMAIN         0x1019

/* sys/sys/socket.h: SOL_SOCKET control message types */
#define FBSD_SCM_RIGHTS     0x01
#define FBSD_SCM_TIMESTAMP  0x02   /* struct timeval */
#define FBSD_SCM_CREDS      0x03   /* struct cmsgcred */
#define FBSD_SCM_BINTIME    0x04
#define FBSD_SCM_REALTIME   0x05
#define FBSD_SCM_MONOTONIC  0x06
#define FBSD_SCM_TIME_INFO  0x07

/* sys/sys/socket.h: MSG_* flags */
#define FBSD_MSG_OOB          0x00000001
#define FBSD_MSG_PEEK         0x00000002
#define FBSD_MSG_DONTROUTE    0x00000004
#define FBSD_MSG_EOR          0x00000008
#define FBSD_MSG_TRUNC        0x00000010
#define FBSD_MSG_CTRUNC       0x00000020
#define FBSD_MSG_WAITALL      0x00000040
#define FBSD_MSG_DONTWAIT     0x00000080
#define FBSD_MSG_EOF          0x00000100   /* data completes transaction */
#define FBSD_MSG_NOTIFICATION 0x00002000   /* SCTP notification */
#define FBSD_MSG_NBIO         0x00004000   /* kernel-internal: FIONBIO mode */
#define FBSD_MSG_COMPAT       0x00008000   /* 4.3BSD compat, unused */
#define FBSD_MSG_NOSIGNAL     0x00020000
#define FBSD_MSG_CMSG_CLOEXEC 0x00040000
#define FBSD_MSG_WAITFORONE   0x00080000   /* recvmmsg(), a libc function */

/* sys/netinet/in.h: protocols (IANA numbers, the same on Linux) */
#define FBSD_IPPROTO_IP     0
#define FBSD_IPPROTO_ICMP   1
#define FBSD_IPPROTO_TCP    6
#define FBSD_IPPROTO_UDP    17
#define FBSD_IPPROTO_IPV6   41
#define FBSD_IPPROTO_ICMPV6 58
#define FBSD_IPPROTO_RAW    255

/* sys/netinet/in.h: IPPROTO_IP options */
#define FBSD_IP_OPTIONS           1
#define FBSD_IP_HDRINCL           2
#define FBSD_IP_TOS               3
#define FBSD_IP_TTL               4
#define FBSD_IP_RECVOPTS          5
#define FBSD_IP_RECVRETOPTS       6
#define FBSD_IP_RECVDSTADDR       7
#define FBSD_IP_SENDSRCADDR       FBSD_IP_RECVDSTADDR
#define FBSD_IP_RETOPTS           8
#define FBSD_IP_MULTICAST_IF      9
#define FBSD_IP_MULTICAST_TTL     10
#define FBSD_IP_MULTICAST_LOOP    11
#define FBSD_IP_ADD_MEMBERSHIP    12
#define FBSD_IP_DROP_MEMBERSHIP   13
#define FBSD_IP_PORTRANGE         19
#define FBSD_IP_RECVIF            20
#define FBSD_IP_ONESBCAST         23
#define FBSD_IP_BINDANY           24
#define FBSD_IP_RECVTTL           65
#define FBSD_IP_MINTTL            66
#define FBSD_IP_DONTFRAG          67
#define FBSD_IP_RECVTOS           68
#define FBSD_IP_ADD_SOURCE_MEMBERSHIP  70
#define FBSD_IP_DROP_SOURCE_MEMBERSHIP 71

/* sys/netinet6/in6.h: IPPROTO_IPV6 options */
#define FBSD_IPV6_UNICAST_HOPS    4
#define FBSD_IPV6_MULTICAST_IF    9
#define FBSD_IPV6_MULTICAST_HOPS  10
#define FBSD_IPV6_MULTICAST_LOOP  11
#define FBSD_IPV6_JOIN_GROUP      12
#define FBSD_IPV6_LEAVE_GROUP     13
#define FBSD_IPV6_PORTRANGE       14
#define FBSD_IPV6_CHECKSUM        26
#define FBSD_IPV6_V6ONLY          27   /* Linux: 26 */
#define FBSD_IPV6_RECVPKTINFO     36
#define FBSD_IPV6_RECVHOPLIMIT    37
#define FBSD_IPV6_RECVRTHDR       38
#define FBSD_IPV6_RECVHOPOPTS     39
#define FBSD_IPV6_RECVDSTOPTS     40
#define FBSD_IPV6_USE_MIN_MTU     42
#define FBSD_IPV6_RECVPATHMTU     43
#define FBSD_IPV6_PATHMTU         44
#define FBSD_IPV6_PKTINFO         46
#define FBSD_IPV6_HOPLIMIT        47
#define FBSD_IPV6_NEXTHOP         48
#define FBSD_IPV6_HOPOPTS         49
#define FBSD_IPV6_DSTOPTS         50
#define FBSD_IPV6_RTHDR           51
#define FBSD_IPV6_RECVTCLASS      57
#define FBSD_IPV6_AUTOFLOWLABEL   59
#define FBSD_IPV6_TCLASS          61
#define FBSD_IPV6_DONTFRAG        62
#define FBSD_IPV6_PREFER_TEMPADDR 63
#define FBSD_IPV6_BINDANY         64

/* sys/netinet/tcp.h: IPPROTO_TCP options */
#define FBSD_TCP_NODELAY     1
#define FBSD_TCP_MAXSEG      2
#define FBSD_TCP_NOPUSH      4
#define FBSD_TCP_NOOPT       8
#define FBSD_TCP_MD5SIG      16
#define FBSD_TCP_INFO        32
#define FBSD_TCP_CONGESTION  64
#define FBSD_TCP_KEEPINIT    128
#define FBSD_TCP_KEEPIDLE    256   /* Linux: 4 */
#define FBSD_TCP_KEEPINTVL   512   /* Linux: 5 */
#define FBSD_TCP_KEEPCNT     1024  /* Linux: 6 */
#define FBSD_TCP_FASTOPEN    1025
#define FBSD_TCP_CA_NAME_MAX 16    /* TCP_CONGESTION buffer */

/* sys/netinet/tcp_var.h: the t_flags bits getsockopt(TCP_NODELAY) and
 * getsockopt(TCP_NOPUSH) answer with (tcp_default_ctloutput). */
#define FBSD_TF_NODELAY 0x00000004
#define FBSD_TF_NOPUSH  0x00001000

/* sys/sys/un.h: SOL_LOCAL options */
#define FBSD_LOCAL_PEERCRED 1
#define FBSD_LOCAL_CREDS    2
#define FBSD_LOCAL_CREDS_PERSISTENT 3
#define FBSD_LOCAL_CONNWAIT 4

/* The layouts both BSDs share (abi/bsd/socket.h). */
#define fbsd_sockaddr         bsd_sockaddr
#define fbsd_sockaddr_in      bsd_sockaddr_in
#define fbsd_sockaddr_in6     bsd_sockaddr_in6
#define fbsd_sockaddr_un      bsd_sockaddr_un
#define fbsd_sockaddr_storage bsd_sockaddr_storage
#define fbsd_msghdr           bsd_msghdr
#define fbsd_cmsghdr          bsd_cmsghdr
#define FBSD_SUN_PATH_MAX     BSD_SUN_PATH_MAX
#define FBSD_CMSG_ALIGN(n)    BSD_CMSG_ALIGN(n)
#define FBSD_CMSG_HDRSPACE    BSD_CMSG_HDRSPACE
#define FBSD_CMSG_LEN(l)      BSD_CMSG_LEN(l)
#define FBSD_CMSG_SPACE(l)    BSD_CMSG_SPACE(l)

/* sys/sys/param.h MCLBYTES: sockargs() refuses a longer control buffer
 * (EINVAL). */
#define FBSD_MAX_CONTROLLEN 2048

/* sys/sys/socket.h: struct cmsgcred (SCM_CREDS), 84 bytes */
#define FBSD_CMGROUP_MAX 16
struct fbsd_cmsgcred {
	int32_t  cmcred_pid;
	uint32_t cmcred_uid;
	uint32_t cmcred_euid;
	uint32_t cmcred_gid;
	int16_t  cmcred_ngroups;
	uint32_t cmcred_groups[FBSD_CMGROUP_MAX];
};

/* sys/sys/ucred.h: struct xucred (LOCAL_PEERCRED), 88 bytes */
#define FBSD_XUCRED_VERSION 0
#define FBSD_XU_NGROUPS     16
struct fbsd_xucred {
	uint32_t cr_version;
	uint32_t cr_uid;
	int16_t  cr_ngroups;
	uint32_t cr_groups[FBSD_XU_NGROUPS];
	union {
		uint64_t _cr_unused1;
		int32_t  cr_pid;
	};
};

/* sys/sys/socket.h: struct linger, same as Linux */
struct fbsd_linger {
	int32_t l_onoff;
	int32_t l_linger;          /* seconds */
};

/* ---- numbers ---- */

/* Address family; -1 when the other system has no such family. */
int fbsd_domain_to_linux(int fbsd_domain);
int fbsd_domain_from_linux(int linux_domain);

/* The type argument of socket(2)/socketpair(2): the type (same numbers)
 * with SOCK_CLOEXEC / SOCK_NONBLOCK moved to Linux's bits.  Other bits are
 * passed on unchanged for the host to refuse. */
int fbsd_socktype_to_linux(int fbsd_type);

/* accept4(2) flags: only SOCK_CLOEXEC and SOCK_NONBLOCK; -1 (EINVAL) for
 * anything else, as FreeBSD's kern_accept4 answers. */
int fbsd_accept4_flags_to_linux(int fbsd_flags);

/* send/recv flags.  MSG_NBIO acts as MSG_DONTWAIT (FreeBSD honours it
 * from user space too).  Bits Linux has no meaning for (MSG_EOF,
 * MSG_COMPAT, MSG_NOTIFICATION, MSG_WAITFORONE, undefined bits) are
 * dropped and returned in *unknown (may be NULL).  MSG_TRUNC and MSG_CTRUNC
 * are output flags on FreeBSD: dropped silently (Linux would read an input
 * MSG_TRUNC as "return the real length"). */
int fbsd_msg_flags_to_linux(int fbsd_flags, int *unknown);
/* msg_flags of a received message, Linux -> FreeBSD: MSG_OOB, MSG_EOR,
 * MSG_TRUNC, MSG_CTRUNC; the rest of what Linux reports (the echoed
 * MSG_CMSG_CLOEXEC, MSG_ERRQUEUE, ...) has no FreeBSD meaning. */
int fbsd_msg_flags_from_linux(int linux_flags);

/* ---- addresses ---- */

/*
 * A guest sockaddr (inlen bytes, as the guest passed them) -> Linux.
 * FreeBSD's getsockaddr() rules: more than SOCK_MAXADDRLEN bytes is
 * -ENAMETOOLONG, fewer than 2 is -EINVAL, and sa_len is ignored (the
 * length argument wins).  AF_INET / AF_INET6 need their full size
 * (-EINVAL), longer input is cut to it.  AF_UNIX: the path is the bytes
 * after the family up to the first NUL (at most 104; more is -EINVAL); an
 * empty path is -EINVAL (unp_bind/unp_connect), which also keeps the guest
 * out of Linux's abstract namespace.  The Linux sun_path is NUL-terminated
 * and *outlen counts the NUL.  Other families: -EAFNOSUPPORT.
 * 0 on success.
 */
long fbsd_sockaddr_to_linux(const void *in, size_t inlen,
                            struct sockaddr_storage *out, socklen_t *outlen);

/*
 * A Linux sockaddr (inlen bytes as the host kernel returned them) -> the
 * FreeBSD form in *out; returns its sa_len, or 0 when there is no address
 * (inlen 0) or the family has no FreeBSD form.  AF_UNIX: an unnamed
 * socket, or a Linux abstract address, becomes FreeBSD's "sun_noname"
 * (sa_len 16, family AF_UNIX, zero path: uipc_usrreq.c); a path gets
 * sun_len = 2 + strlen + 1 (with the NUL, as Go and SUN_LEN+1 users bind;
 * 106 when the path fills all 104 bytes).
 */
size_t fbsd_sockaddr_from_linux(const struct sockaddr *in, socklen_t inlen,
                                struct fbsd_sockaddr_storage *out);

/* ---- control messages ---- */

/* Called for each control message a conversion drops (no counterpart). */
typedef bsd_cmsg_drop_fn fbsd_cmsg_drop_fn;

/*
 * FreeBSD control messages (guest's msg_control, inlen bytes) -> Linux.
 * Translated: SCM_RIGHTS; IPV6_PKTINFO, IPV6_HOPLIMIT, IPV6_TCLASS (same
 * payloads).  Anything else is dropped through `drop` (SCM_CREDS among
 * them: Linux's SCM_CREDENTIALS needs the receiver's SO_PASSCRED).  A
 * header with cmsg_len < 12 or running past the buffer is -EINVAL (as
 * FreeBSD's unp_internalize / ip6_setpktopts).  Every message keeps its
 * size (one with a header and no data area, 12..15 bytes, carries nothing
 * and is left out), so outcap >= inlen always suffices; otherwise -ENOBUFS.
 * 0 on success, *outlen = bytes used.
 */
long fbsd_cmsgs_to_linux(const void *in, size_t inlen, void *out, size_t outcap,
                         size_t *outlen, fbsd_cmsg_drop_fn drop, void *ctx);

/*
 * Linux control messages (as the host's recvmsg wrote them) -> FreeBSD.
 * Translated: SCM_RIGHTS, SCM_TIMESTAMP (struct timeval), IPV6_PKTINFO,
 * IPV6_HOPLIMIT, IPV6_TCLASS, IP_TTL -> IP_RECVTTL and IP_TOS ->
 * IP_RECVTOS (one byte, as FreeBSD sends them).  Others are dropped
 * through `drop`.  No message grows, so outcap >= inlen suffices; a
 * message that does not fit sets FBSD_MSG_CTRUNC in *flags and ends the
 * list.  Returns *outlen = bytes used.
 */
void fbsd_cmsgs_from_linux(const void *in, size_t inlen, void *out, size_t outcap,
                           size_t *outlen, int *flags, fbsd_cmsg_drop_fn drop, void *ctx);

/* ---- socket options ---- */

/* Option kinds and table rows: abi/bsd/socket.h. */
#define FBSD_SOPT_INT       BSD_SOPT_INT
#define FBSD_SOPT_FLAG      BSD_SOPT_FLAG
#define FBSD_SOPT_RAW       BSD_SOPT_RAW
#define FBSD_SOPT_LINGER    BSD_SOPT_LINGER
#define FBSD_SOPT_ERRNO     BSD_SOPT_ERRNO
#define FBSD_SOPT_DOMAIN    BSD_SOPT_DOMAIN
#define FBSD_SOPT_BUFSIZE   BSD_SOPT_BUFSIZE
#define FBSD_SOPT_NOSIGPIPE BSD_SOPT_NOSIGPIPE
#define FBSD_SOPT_PEERCRED  BSD_SOPT_PEERCRED   /* LOCAL_PEERCRED: struct xucred */
#define fbsd_sockopt        bsd_sockopt

/* FreeBSD's description for the shared converters and handlers. */
extern const struct bsd_sockabi fbsd_sockabi;

/*
 * Look up a FreeBSD (level, option).  Level 0 is SOL_LOCAL on an AF_UNIX
 * socket (`local`) and IPPROTO_IP otherwise.  NULL when persona has no
 * translation; *level_known then says whether the level itself is one
 * FreeBSD has (unknown option: ENOPROTOOPT; unknown level: EINVAL).
 */
const struct fbsd_sockopt *fbsd_sockopt_lookup(int level, int name, bool local,
                                               bool *level_known);

/* Name of a FreeBSD level for messages ("SOL_SOCKET", "IPPROTO_TCP", ...;
 * NULL if unknown). */
const char *fbsd_sockopt_level_name(int level, bool local);

#endif /* PERSONA_ABI_FREEBSD_SOCKET_H */
