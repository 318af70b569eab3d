/*
 * FreeBSD <-> Linux socket numbers, addresses, control messages and option
 * tables.  FreeBSD facts: the headers cited in abi/freebsd/socket.h.  Linux
 * facts: the host's <sys/socket.h>, <netinet/in.h>, <netinet/tcp.h>.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "abi/freebsd/socket.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>

/* Layouts of FreeBSD's own structures (the shared ones: abi/bsd/socket.c). */
_Static_assert(sizeof(struct fbsd_cmsgcred) == 84, "cmsgcred");
_Static_assert(sizeof(struct fbsd_xucred) == 88, "xucred");
_Static_assert(offsetof(struct fbsd_xucred, cr_groups) == 12, "cr_groups");
_Static_assert(offsetof(struct fbsd_xucred, cr_pid) == 80, "cr_pid");
_Static_assert(sizeof(struct fbsd_linger) == sizeof(struct linger), "linger");
_Static_assert(FBSD_MAX_CONTROLLEN <= BSD_MAX_CONTROLLEN, "control buffer bound");

/* What the code relies on being equal on both systems. */
_Static_assert(FBSD_SOCK_STREAM == SOCK_STREAM && FBSD_SOCK_DGRAM == SOCK_DGRAM &&
	FBSD_SOCK_RAW == SOCK_RAW && FBSD_SOCK_RDM == SOCK_RDM &&
	FBSD_SOCK_SEQPACKET == SOCK_SEQPACKET, "socket types");
_Static_assert(FBSD_SHUT_RD == SHUT_RD && FBSD_SHUT_WR == SHUT_WR &&
	FBSD_SHUT_RDWR == SHUT_RDWR, "shutdown");
_Static_assert(FBSD_SCM_RIGHTS == SCM_RIGHTS, "SCM_RIGHTS");
_Static_assert(FBSD_IPPROTO_TCP == IPPROTO_TCP && FBSD_IPPROTO_UDP == IPPROTO_UDP &&
	FBSD_IPPROTO_IPV6 == IPPROTO_IPV6 && FBSD_IPPROTO_IP == IPPROTO_IP &&
	FBSD_IPPROTO_ICMPV6 == IPPROTO_ICMPV6, "protocols");
/* Linux's cmsghdr: 16-byte header, data at 16, 8-byte alignment. */
_Static_assert(sizeof(struct cmsghdr) == 16 && CMSG_LEN(0) == 16 &&
	CMSG_SPACE(1) == FBSD_CMSG_SPACE(1), "Linux cmsghdr");

/* Flags with a Linux twin, FreeBSD first. */
static const struct bsd_bit_pair msg_bits[] = {
	{ FBSD_MSG_OOB,          MSG_OOB },
	{ FBSD_MSG_PEEK,         MSG_PEEK },
	{ FBSD_MSG_DONTROUTE,    MSG_DONTROUTE },
	{ FBSD_MSG_EOR,          MSG_EOR },
	{ FBSD_MSG_WAITALL,      MSG_WAITALL },
	{ FBSD_MSG_DONTWAIT,     MSG_DONTWAIT },
	{ FBSD_MSG_NOSIGNAL,     MSG_NOSIGNAL },
	{ FBSD_MSG_CMSG_CLOEXEC, MSG_CMSG_CLOEXEC },
};
#define N_MSG_BITS (sizeof msg_bits / sizeof msg_bits[0])

/* ---- control messages ---- */

/* (level, type) pairs whose payload is the same bytes on both systems. */
static const struct bsd_cmsg_pair cmsg_same[] = {
	{ FBSD_SOL_SOCKET,   FBSD_SCM_RIGHTS,    SOL_SOCKET,   SCM_RIGHTS },
	{ FBSD_IPPROTO_IPV6, FBSD_IPV6_PKTINFO,  IPPROTO_IPV6, IPV6_PKTINFO },
	{ FBSD_IPPROTO_IPV6, FBSD_IPV6_HOPLIMIT, IPPROTO_IPV6, IPV6_HOPLIMIT },
	{ FBSD_IPPROTO_IPV6, FBSD_IPV6_TCLASS,   IPPROTO_IPV6, IPV6_TCLASS },
};
#define N_CMSG_SAME (sizeof cmsg_same / sizeof cmsg_same[0])

/* ---- socket options ---- */

#define OPT(l, n, ll, ln, k, lab) { l, n, ll, ln, k, false, 0, lab }
#define FLAG(l, n, ll, ln, bit, lab) { l, n, ll, ln, FBSD_SOPT_FLAG, false, bit, lab }
#define GETONLY(l, n, ll, ln, k, lab) { l, n, ll, ln, k, true, 0, lab }

static const struct fbsd_sockopt sockopts[] = {
	/* sys/kern/uipc_socket.c sogetopt: boolean options read back as
	 * so_options & name, i.e. their own bit. */
	FLAG(FBSD_SOL_SOCKET, FBSD_SO_DEBUG, SOL_SOCKET, SO_DEBUG, FBSD_SO_DEBUG, "SO_DEBUG"),
	FLAG(FBSD_SOL_SOCKET, FBSD_SO_REUSEADDR, SOL_SOCKET, SO_REUSEADDR, FBSD_SO_REUSEADDR, "SO_REUSEADDR"),
	FLAG(FBSD_SOL_SOCKET, FBSD_SO_KEEPALIVE, SOL_SOCKET, SO_KEEPALIVE, FBSD_SO_KEEPALIVE, "SO_KEEPALIVE"),
	FLAG(FBSD_SOL_SOCKET, FBSD_SO_DONTROUTE, SOL_SOCKET, SO_DONTROUTE, FBSD_SO_DONTROUTE, "SO_DONTROUTE"),
	FLAG(FBSD_SOL_SOCKET, FBSD_SO_BROADCAST, SOL_SOCKET, SO_BROADCAST, FBSD_SO_BROADCAST, "SO_BROADCAST"),
	FLAG(FBSD_SOL_SOCKET, FBSD_SO_OOBINLINE, SOL_SOCKET, SO_OOBINLINE, FBSD_SO_OOBINLINE, "SO_OOBINLINE"),
	FLAG(FBSD_SOL_SOCKET, FBSD_SO_REUSEPORT, SOL_SOCKET, SO_REUSEPORT, FBSD_SO_REUSEPORT, "SO_REUSEPORT"),
	/* Linux's SO_REUSEPORT is itself the load-balancing kind. */
	FLAG(FBSD_SOL_SOCKET, FBSD_SO_REUSEPORT_LB, SOL_SOCKET, SO_REUSEPORT, FBSD_SO_REUSEPORT_LB, "SO_REUSEPORT_LB"),
	FLAG(FBSD_SOL_SOCKET, FBSD_SO_TIMESTAMP, SOL_SOCKET, SO_TIMESTAMP, FBSD_SO_TIMESTAMP, "SO_TIMESTAMP"),
	{ FBSD_SOL_SOCKET, FBSD_SO_ACCEPTCONN, SOL_SOCKET, SO_ACCEPTCONN, FBSD_SOPT_FLAG, true,
	  FBSD_SO_ACCEPTCONN, "SO_ACCEPTCONN" },
	{ FBSD_SOL_SOCKET, FBSD_SO_LINGER, SOL_SOCKET, SO_LINGER, FBSD_SOPT_LINGER, false, FBSD_SO_LINGER,
	  "SO_LINGER" },
	{ FBSD_SOL_SOCKET, FBSD_SO_NOSIGPIPE, 0, 0, FBSD_SOPT_NOSIGPIPE, false, FBSD_SO_NOSIGPIPE,
	  "SO_NOSIGPIPE" },
	OPT(FBSD_SOL_SOCKET, FBSD_SO_SNDBUF, SOL_SOCKET, SO_SNDBUF, FBSD_SOPT_BUFSIZE, "SO_SNDBUF"),
	OPT(FBSD_SOL_SOCKET, FBSD_SO_RCVBUF, SOL_SOCKET, SO_RCVBUF, FBSD_SOPT_BUFSIZE, "SO_RCVBUF"),
	OPT(FBSD_SOL_SOCKET, FBSD_SO_SNDLOWAT, SOL_SOCKET, SO_SNDLOWAT, FBSD_SOPT_INT, "SO_SNDLOWAT"),
	OPT(FBSD_SOL_SOCKET, FBSD_SO_RCVLOWAT, SOL_SOCKET, SO_RCVLOWAT, FBSD_SOPT_INT, "SO_RCVLOWAT"),
	/* struct timeval: 16 bytes on both (SO_RCVTIMEO_OLD on Linux). */
	OPT(FBSD_SOL_SOCKET, FBSD_SO_SNDTIMEO, SOL_SOCKET, SO_SNDTIMEO, FBSD_SOPT_RAW, "SO_SNDTIMEO"),
	OPT(FBSD_SOL_SOCKET, FBSD_SO_RCVTIMEO, SOL_SOCKET, SO_RCVTIMEO, FBSD_SOPT_RAW, "SO_RCVTIMEO"),
	GETONLY(FBSD_SOL_SOCKET, FBSD_SO_ERROR, SOL_SOCKET, SO_ERROR, FBSD_SOPT_ERRNO, "SO_ERROR"),
	GETONLY(FBSD_SOL_SOCKET, FBSD_SO_TYPE, SOL_SOCKET, SO_TYPE, FBSD_SOPT_INT, "SO_TYPE"),
	GETONLY(FBSD_SOL_SOCKET, FBSD_SO_PROTOCOL, SOL_SOCKET, SO_PROTOCOL, FBSD_SOPT_INT, "SO_PROTOCOL"),
	GETONLY(FBSD_SOL_SOCKET, FBSD_SO_DOMAIN, SOL_SOCKET, SO_DOMAIN, FBSD_SOPT_DOMAIN, "SO_DOMAIN"),
	OPT(FBSD_SOL_SOCKET, FBSD_SO_MAX_PACING_RATE, SOL_SOCKET, SO_MAX_PACING_RATE, FBSD_SOPT_INT,
	    "SO_MAX_PACING_RATE"),

	/* sys/netinet/ip_output.c ip_ctloutput. */
	OPT(FBSD_IPPROTO_IP, FBSD_IP_OPTIONS, IPPROTO_IP, IP_OPTIONS, FBSD_SOPT_RAW, "IP_OPTIONS"),
	OPT(FBSD_IPPROTO_IP, FBSD_IP_HDRINCL, IPPROTO_IP, IP_HDRINCL, FBSD_SOPT_INT, "IP_HDRINCL"),
	OPT(FBSD_IPPROTO_IP, FBSD_IP_TOS, IPPROTO_IP, IP_TOS, FBSD_SOPT_INT, "IP_TOS"),
	OPT(FBSD_IPPROTO_IP, FBSD_IP_TTL, IPPROTO_IP, IP_TTL, FBSD_SOPT_INT, "IP_TTL"),
	OPT(FBSD_IPPROTO_IP, FBSD_IP_RECVOPTS, IPPROTO_IP, IP_RECVOPTS, FBSD_SOPT_INT, "IP_RECVOPTS"),
	OPT(FBSD_IPPROTO_IP, FBSD_IP_RECVRETOPTS, IPPROTO_IP, IP_RECVRETOPTS, FBSD_SOPT_INT, "IP_RECVRETOPTS"),
	OPT(FBSD_IPPROTO_IP, FBSD_IP_RECVTTL, IPPROTO_IP, IP_RECVTTL, FBSD_SOPT_INT, "IP_RECVTTL"),
	OPT(FBSD_IPPROTO_IP, FBSD_IP_RECVTOS, IPPROTO_IP, IP_RECVTOS, FBSD_SOPT_INT, "IP_RECVTOS"),
	OPT(FBSD_IPPROTO_IP, FBSD_IP_MINTTL, IPPROTO_IP, IP_MINTTL, FBSD_SOPT_INT, "IP_MINTTL"),
	OPT(FBSD_IPPROTO_IP, FBSD_IP_BINDANY, IPPROTO_IP, IP_FREEBIND, FBSD_SOPT_INT, "IP_BINDANY"),
	/* struct in_addr or struct ip_mreqn: both accepted by Linux too. */
	OPT(FBSD_IPPROTO_IP, FBSD_IP_MULTICAST_IF, IPPROTO_IP, IP_MULTICAST_IF, FBSD_SOPT_RAW,
	    "IP_MULTICAST_IF"),
	/* u_char or int on both. */
	OPT(FBSD_IPPROTO_IP, FBSD_IP_MULTICAST_TTL, IPPROTO_IP, IP_MULTICAST_TTL, FBSD_SOPT_RAW,
	    "IP_MULTICAST_TTL"),
	OPT(FBSD_IPPROTO_IP, FBSD_IP_MULTICAST_LOOP, IPPROTO_IP, IP_MULTICAST_LOOP, FBSD_SOPT_RAW,
	    "IP_MULTICAST_LOOP"),
	/* struct ip_mreq / ip_mreqn: same layouts. */
	OPT(FBSD_IPPROTO_IP, FBSD_IP_ADD_MEMBERSHIP, IPPROTO_IP, IP_ADD_MEMBERSHIP, FBSD_SOPT_RAW,
	    "IP_ADD_MEMBERSHIP"),
	OPT(FBSD_IPPROTO_IP, FBSD_IP_DROP_MEMBERSHIP, IPPROTO_IP, IP_DROP_MEMBERSHIP, FBSD_SOPT_RAW,
	    "IP_DROP_MEMBERSHIP"),

	/* sys/netinet6/ip6_output.c ip6_ctloutput. */
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_UNICAST_HOPS, IPPROTO_IPV6, IPV6_UNICAST_HOPS, FBSD_SOPT_INT,
	    "IPV6_UNICAST_HOPS"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_MULTICAST_IF, IPPROTO_IPV6, IPV6_MULTICAST_IF, FBSD_SOPT_INT,
	    "IPV6_MULTICAST_IF"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_MULTICAST_HOPS, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, FBSD_SOPT_INT,
	    "IPV6_MULTICAST_HOPS"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_MULTICAST_LOOP, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, FBSD_SOPT_INT,
	    "IPV6_MULTICAST_LOOP"),
	/* struct ipv6_mreq: same layout. */
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_JOIN_GROUP, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, FBSD_SOPT_RAW,
	    "IPV6_JOIN_GROUP"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_LEAVE_GROUP, IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP, FBSD_SOPT_RAW,
	    "IPV6_LEAVE_GROUP"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_CHECKSUM, IPPROTO_IPV6, IPV6_CHECKSUM, FBSD_SOPT_INT,
	    "IPV6_CHECKSUM"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_V6ONLY, IPPROTO_IPV6, IPV6_V6ONLY, FBSD_SOPT_INT, "IPV6_V6ONLY"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_RECVPKTINFO, IPPROTO_IPV6, IPV6_RECVPKTINFO, FBSD_SOPT_INT,
	    "IPV6_RECVPKTINFO"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_RECVHOPLIMIT, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, FBSD_SOPT_INT,
	    "IPV6_RECVHOPLIMIT"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_RECVTCLASS, IPPROTO_IPV6, IPV6_RECVTCLASS, FBSD_SOPT_INT,
	    "IPV6_RECVTCLASS"),
	/* struct in6_pktinfo: same layout (sticky option). */
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_PKTINFO, IPPROTO_IPV6, IPV6_PKTINFO, FBSD_SOPT_RAW, "IPV6_PKTINFO"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_HOPLIMIT, IPPROTO_IPV6, IPV6_HOPLIMIT, FBSD_SOPT_INT,
	    "IPV6_HOPLIMIT"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_TCLASS, IPPROTO_IPV6, IPV6_TCLASS, FBSD_SOPT_INT, "IPV6_TCLASS"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_DONTFRAG, IPPROTO_IPV6, IPV6_DONTFRAG, FBSD_SOPT_INT,
	    "IPV6_DONTFRAG"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_AUTOFLOWLABEL, IPPROTO_IPV6, IPV6_AUTOFLOWLABEL, FBSD_SOPT_INT,
	    "IPV6_AUTOFLOWLABEL"),
	OPT(FBSD_IPPROTO_IPV6, FBSD_IPV6_BINDANY, IPPROTO_IPV6, IPV6_FREEBIND, FBSD_SOPT_INT,
	    "IPV6_BINDANY"),

	/* sys/netinet/tcp_usrreq.c tcp_default_ctloutput.  Keepalive times
	 * are seconds on both. */
	FLAG(FBSD_IPPROTO_TCP, FBSD_TCP_NODELAY, IPPROTO_TCP, TCP_NODELAY, FBSD_TF_NODELAY, "TCP_NODELAY"),
	/* TCP_NOPUSH holds back partial segments like Linux's TCP_CORK. */
	FLAG(FBSD_IPPROTO_TCP, FBSD_TCP_NOPUSH, IPPROTO_TCP, TCP_CORK, FBSD_TF_NOPUSH, "TCP_NOPUSH"),
	OPT(FBSD_IPPROTO_TCP, FBSD_TCP_MAXSEG, IPPROTO_TCP, TCP_MAXSEG, FBSD_SOPT_INT, "TCP_MAXSEG"),
	OPT(FBSD_IPPROTO_TCP, FBSD_TCP_KEEPIDLE, IPPROTO_TCP, TCP_KEEPIDLE, FBSD_SOPT_INT, "TCP_KEEPIDLE"),
	OPT(FBSD_IPPROTO_TCP, FBSD_TCP_KEEPINTVL, IPPROTO_TCP, TCP_KEEPINTVL, FBSD_SOPT_INT, "TCP_KEEPINTVL"),
	OPT(FBSD_IPPROTO_TCP, FBSD_TCP_KEEPCNT, IPPROTO_TCP, TCP_KEEPCNT, FBSD_SOPT_INT, "TCP_KEEPCNT"),
	/* A NUL-terminated algorithm name, char[TCP_CA_NAME_MAX] on both. */
	OPT(FBSD_IPPROTO_TCP, FBSD_TCP_CONGESTION, IPPROTO_TCP, TCP_CONGESTION, FBSD_SOPT_RAW,
	    "TCP_CONGESTION"),

	/* sys/kern/uipc_usrreq.c uipc_ctloutput. */
	GETONLY(FBSD_SOL_LOCAL, FBSD_LOCAL_PEERCRED, SOL_SOCKET, SO_PEERCRED, FBSD_SOPT_PEERCRED,
	        "LOCAL_PEERCRED"),
};
#define N_SOCKOPTS (sizeof sockopts / sizeof sockopts[0])

const char *fbsd_sockopt_level_name(int level, bool local)
{
	switch (level) {
	case FBSD_SOL_SOCKET:   return "SOL_SOCKET";
	case 0:                 return local ? "SOL_LOCAL" : "IPPROTO_IP";
	case FBSD_IPPROTO_IPV6: return "IPPROTO_IPV6";
	case FBSD_IPPROTO_TCP:  return "IPPROTO_TCP";
	case FBSD_IPPROTO_UDP:  return "IPPROTO_UDP";
	case FBSD_IPPROTO_ICMPV6: return "IPPROTO_ICMPV6";
	case FBSD_IPPROTO_RAW:  return "IPPROTO_RAW";
	default:                return NULL;
	}
}

/* LOCAL_PEERCRED: struct xucred (sys/sys/ucred.h), one group. */
static size_t xucred_out(int pid, unsigned uid, unsigned gid, void *out, size_t cap)
{
	struct fbsd_xucred xu;
	memset(&xu, 0, sizeof xu);
	xu.cr_version = FBSD_XUCRED_VERSION;
	xu.cr_uid = uid;
	xu.cr_ngroups = 1;
	xu.cr_groups[0] = gid;
	xu.cr_pid = pid;
	size_t n = cap < sizeof xu ? cap : sizeof xu;
	memcpy(out, &xu, n);
	return sizeof xu;
}

const struct bsd_sockabi fbsd_sockabi = {
	.af_inet6 = FBSD_AF_INET6,
	/* sys/kern/uipc_syscalls.c getsockaddr(): more than SOCK_MAXADDRLEN
	 * is ENAMETOOLONG, fewer than 2 bytes EINVAL. */
	.addr_toolong_errno = ENAMETOOLONG,
	.addr_minlen = 2,
	.compat43_af_max = 0,
	/* uipc_usrreq.c: sun_noname is a 16-byte struct sockaddr. */
	.unix_noname_len = sizeof(struct fbsd_sockaddr),
	.sock_cloexec = FBSD_SOCK_CLOEXEC,
	.sock_nonblock = FBSD_SOCK_NONBLOCK,
	.sock_nosigpipe = 0,
	.msg_bits = msg_bits,
	.n_msg_bits = N_MSG_BITS,
	/* MSG_TRUNC and MSG_CTRUNC are output flags: dropped silently (Linux
	 * would read an input MSG_TRUNC as "return the real length"). */
	.msg_output_only = FBSD_MSG_TRUNC | FBSD_MSG_CTRUNC,
	.msg_nbio = FBSD_MSG_NBIO,
	.msg_eof = FBSD_MSG_EOF,
	.msg_oob = FBSD_MSG_OOB,
	.msg_eor = FBSD_MSG_EOR,
	.msg_trunc = FBSD_MSG_TRUNC,
	.msg_ctrunc = FBSD_MSG_CTRUNC,
	.cmsg_same = cmsg_same,
	.n_cmsg_same = N_CMSG_SAME,
	.scm_timestamp = FBSD_SCM_TIMESTAMP,
	.ip_recvttl = FBSD_IP_RECVTTL,
	.ip_recvtos = FBSD_IP_RECVTOS,
	.ipproto_ip = FBSD_IPPROTO_IP,
	.max_controllen = FBSD_MAX_CONTROLLEN,
	/* sendit(): a buffer shorter than one header is EINVAL. */
	.min_controllen = sizeof(struct fbsd_cmsghdr),
	.peercred_out = xucred_out,
	/* uipc_ctloutput: no peer credentials until connected. */
	.peercred_unconnected_errno = ENOTCONN,
	.sockopts = sockopts,
	.n_sockopts = N_SOCKOPTS,
	.level_name = fbsd_sockopt_level_name,
};

/* FreeBSD's names for the shared converters (abi/bsd/socket.c). */
int fbsd_domain_to_linux(int d) { return bsd_domain_to_linux(&fbsd_sockabi, d); }
int fbsd_domain_from_linux(int d) { return bsd_domain_from_linux(&fbsd_sockabi, d); }
int fbsd_socktype_to_linux(int t) { return bsd_socktype_to_linux(&fbsd_sockabi, t, NULL); }

int fbsd_accept4_flags_to_linux(int f)
{
	if (f & ~(FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK))
		return -1;
	return fbsd_socktype_to_linux(f);
}

int fbsd_msg_flags_to_linux(int f, int *unknown)
{
	return bsd_msg_flags_to_linux(&fbsd_sockabi, f, unknown);
}

int fbsd_msg_flags_from_linux(int f) { return bsd_msg_flags_from_linux(&fbsd_sockabi, f); }

long fbsd_sockaddr_to_linux(const void *in, size_t inlen, struct sockaddr_storage *out,
                            socklen_t *outlen)
{
	return bsd_sockaddr_to_linux(&fbsd_sockabi, in, inlen, out, outlen);
}

size_t fbsd_sockaddr_from_linux(const struct sockaddr *in, socklen_t inlen,
                                struct fbsd_sockaddr_storage *out)
{
	return bsd_sockaddr_from_linux(&fbsd_sockabi, in, inlen, out);
}

long fbsd_cmsgs_to_linux(const void *in, size_t inlen, void *out, size_t outcap,
                         size_t *outlen, fbsd_cmsg_drop_fn drop, void *ctx)
{
	return bsd_cmsgs_to_linux(&fbsd_sockabi, in, inlen, out, outcap, outlen, drop, ctx);
}

void fbsd_cmsgs_from_linux(const void *in, size_t inlen, void *out, size_t outcap,
                           size_t *outlen, int *flags, fbsd_cmsg_drop_fn drop, void *ctx)
{
	bsd_cmsgs_from_linux(&fbsd_sockabi, in, inlen, out, outcap, outlen, flags, drop, ctx);
}

const struct fbsd_sockopt *fbsd_sockopt_lookup(int level, int name, bool local,
                                               bool *level_known)
{
	return bsd_sockopt_lookup(&fbsd_sockabi, level, name, local, level_known);
}
