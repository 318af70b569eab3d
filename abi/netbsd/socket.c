/*
 * NetBSD's socket description for the shared converters
 * (abi/bsd/socket.c): its MSG_* bits, control messages and option table.
 * NetBSD facts: the headers and kernel files cited in abi/netbsd/socket.h.
 * Linux facts: the host's headers, by name.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "abi/netbsd/socket.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>

/* Layouts and the numbers the shared code takes as the same on both BSDs
 * (sys/sys/socket.h, sys/sys/un.h; ztypes_netbsd_amd64.go). */
_Static_assert(NBSD_AF_UNIX == BSD_AF_UNIX && NBSD_AF_INET == BSD_AF_INET &&
	NBSD_AF_UNSPEC == BSD_AF_UNSPEC, "AF_UNIX, AF_INET");
_Static_assert(NBSD_SOL_SOCKET == BSD_SOL_SOCKET && NBSD_SCM_RIGHTS == BSD_SCM_RIGHTS,
	"SOL_SOCKET, SCM_RIGHTS");
_Static_assert(NBSD_SOCK_STREAM == SOCK_STREAM && NBSD_SOCK_DGRAM == SOCK_DGRAM &&
	NBSD_SOCK_RAW == SOCK_RAW && NBSD_SOCK_RDM == SOCK_RDM &&
	NBSD_SOCK_SEQPACKET == SOCK_SEQPACKET, "socket types");
_Static_assert((NBSD_SOCK_CLOEXEC | NBSD_SOCK_NONBLOCK | NBSD_SOCK_NOSIGPIPE) ==
	(NBSD_SOCK_FLAGS_MASK & ~0x80000000), "SOCK_* flags");
_Static_assert(NBSD_IPPROTO_TCP == IPPROTO_TCP && NBSD_IPPROTO_UDP == IPPROTO_UDP &&
	NBSD_IPPROTO_IPV6 == IPPROTO_IPV6 && NBSD_IPPROTO_IP == IPPROTO_IP &&
	NBSD_IPPROTO_ICMPV6 == IPPROTO_ICMPV6, "protocols");
_Static_assert(sizeof(struct nbsd_unpcbid) == 12, "unpcbid");
_Static_assert(NBSD_MAX_CONTROLLEN <= BSD_MAX_CONTROLLEN, "control buffer bound");

/* MSG_* with a Linux twin. */
static const struct bsd_bit_pair msg_bits[] = {
	{ NBSD_MSG_OOB,          MSG_OOB },
	{ NBSD_MSG_PEEK,         MSG_PEEK },
	{ NBSD_MSG_DONTROUTE,    MSG_DONTROUTE },
	{ NBSD_MSG_EOR,          MSG_EOR },
	{ NBSD_MSG_WAITALL,      MSG_WAITALL },
	{ NBSD_MSG_DONTWAIT,     MSG_DONTWAIT },
	{ NBSD_MSG_NOSIGNAL,     MSG_NOSIGNAL },
	{ NBSD_MSG_CMSG_CLOEXEC, MSG_CMSG_CLOEXEC },
};

/* Control messages whose payload is the same bytes on both. */
static const struct bsd_cmsg_pair cmsg_same[] = {
	{ NBSD_SOL_SOCKET,   NBSD_SCM_RIGHTS,    SOL_SOCKET,   SCM_RIGHTS },
	{ NBSD_IPPROTO_IPV6, NBSD_IPV6_PKTINFO,  IPPROTO_IPV6, IPV6_PKTINFO },
	{ NBSD_IPPROTO_IPV6, NBSD_IPV6_HOPLIMIT, IPPROTO_IPV6, IPV6_HOPLIMIT },
	{ NBSD_IPPROTO_IPV6, NBSD_IPV6_TCLASS,   IPPROTO_IPV6, IPV6_TCLASS },
};

#define OPT(l, n, ll, ln, k, lab) { l, n, ll, ln, k, false, 0, lab }
/* sogetopt1: booleans (and SO_LINGER's l_onoff) read back as 1. */
#define FLAG(l, n, ll, ln, lab) { l, n, ll, ln, BSD_SOPT_FLAG, false, 1, lab }
#define GETONLY(l, n, ll, ln, k, lab) { l, n, ll, ln, k, true, 0, lab }
#define S NBSD_SOL_SOCKET

static const struct bsd_sockopt sockopts[] = {
	/* sys/kern/uipc_socket.c sosetopt1 / sogetopt1. */
	FLAG(S, NBSD_SO_DEBUG, SOL_SOCKET, SO_DEBUG, "SO_DEBUG"),
	FLAG(S, NBSD_SO_REUSEADDR, SOL_SOCKET, SO_REUSEADDR, "SO_REUSEADDR"),
	FLAG(S, NBSD_SO_KEEPALIVE, SOL_SOCKET, SO_KEEPALIVE, "SO_KEEPALIVE"),
	FLAG(S, NBSD_SO_DONTROUTE, SOL_SOCKET, SO_DONTROUTE, "SO_DONTROUTE"),
	FLAG(S, NBSD_SO_BROADCAST, SOL_SOCKET, SO_BROADCAST, "SO_BROADCAST"),
	FLAG(S, NBSD_SO_OOBINLINE, SOL_SOCKET, SO_OOBINLINE, "SO_OOBINLINE"),
	FLAG(S, NBSD_SO_REUSEPORT, SOL_SOCKET, SO_REUSEPORT, "SO_REUSEPORT"),
	FLAG(S, NBSD_SO_TIMESTAMP, SOL_SOCKET, SO_TIMESTAMP, "SO_TIMESTAMP"),
	{ S, NBSD_SO_ACCEPTCONN, SOL_SOCKET, SO_ACCEPTCONN, BSD_SOPT_FLAG, true, 1, "SO_ACCEPTCONN" },
	{ S, NBSD_SO_LINGER, SOL_SOCKET, SO_LINGER, BSD_SOPT_LINGER, false, 1, "SO_LINGER" },
	{ S, NBSD_SO_NOSIGPIPE, 0, 0, BSD_SOPT_NOSIGPIPE, false, 1, "SO_NOSIGPIPE" },
	OPT(S, NBSD_SO_SNDBUF, SOL_SOCKET, SO_SNDBUF, BSD_SOPT_BUFSIZE, "SO_SNDBUF"),
	OPT(S, NBSD_SO_RCVBUF, SOL_SOCKET, SO_RCVBUF, BSD_SOPT_BUFSIZE, "SO_RCVBUF"),
	OPT(S, NBSD_SO_SNDLOWAT, SOL_SOCKET, SO_SNDLOWAT, BSD_SOPT_INT, "SO_SNDLOWAT"),
	OPT(S, NBSD_SO_RCVLOWAT, SOL_SOCKET, SO_RCVLOWAT, BSD_SOPT_INT, "SO_RCVLOWAT"),
	/* struct timeval, 64-bit time_t: 16 bytes on both. */
	OPT(S, NBSD_SO_SNDTIMEO, SOL_SOCKET, SO_SNDTIMEO, BSD_SOPT_RAW, "SO_SNDTIMEO"),
	OPT(S, NBSD_SO_RCVTIMEO, SOL_SOCKET, SO_RCVTIMEO, BSD_SOPT_RAW, "SO_RCVTIMEO"),
	GETONLY(S, NBSD_SO_ERROR, SOL_SOCKET, SO_ERROR, BSD_SOPT_ERRNO, "SO_ERROR"),
	GETONLY(S, NBSD_SO_TYPE, SOL_SOCKET, SO_TYPE, BSD_SOPT_INT, "SO_TYPE"),

	/* sys/netinet/ip_output.c ip_ctloutput. */
	OPT(NBSD_IPPROTO_IP, NBSD_IP_OPTIONS, IPPROTO_IP, IP_OPTIONS, BSD_SOPT_RAW, "IP_OPTIONS"),
	OPT(NBSD_IPPROTO_IP, NBSD_IP_HDRINCL, IPPROTO_IP, IP_HDRINCL, BSD_SOPT_INT, "IP_HDRINCL"),
	OPT(NBSD_IPPROTO_IP, NBSD_IP_TOS, IPPROTO_IP, IP_TOS, BSD_SOPT_INT, "IP_TOS"),
	OPT(NBSD_IPPROTO_IP, NBSD_IP_TTL, IPPROTO_IP, IP_TTL, BSD_SOPT_INT, "IP_TTL"),
	OPT(NBSD_IPPROTO_IP, NBSD_IP_RECVOPTS, IPPROTO_IP, IP_RECVOPTS, BSD_SOPT_INT, "IP_RECVOPTS"),
	OPT(NBSD_IPPROTO_IP, NBSD_IP_RECVRETOPTS, IPPROTO_IP, IP_RECVRETOPTS, BSD_SOPT_INT,
	    "IP_RECVRETOPTS"),
	OPT(NBSD_IPPROTO_IP, NBSD_IP_RECVTTL, IPPROTO_IP, IP_RECVTTL, BSD_SOPT_INT, "IP_RECVTTL"),
	OPT(NBSD_IPPROTO_IP, NBSD_IP_MINTTL, IPPROTO_IP, IP_MINTTL, BSD_SOPT_INT, "IP_MINTTL"),
	OPT(NBSD_IPPROTO_IP, NBSD_IP_MULTICAST_IF, IPPROTO_IP, IP_MULTICAST_IF, BSD_SOPT_RAW,
	    "IP_MULTICAST_IF"),
	OPT(NBSD_IPPROTO_IP, NBSD_IP_MULTICAST_TTL, IPPROTO_IP, IP_MULTICAST_TTL, BSD_SOPT_RAW,
	    "IP_MULTICAST_TTL"),
	OPT(NBSD_IPPROTO_IP, NBSD_IP_MULTICAST_LOOP, IPPROTO_IP, IP_MULTICAST_LOOP, BSD_SOPT_RAW,
	    "IP_MULTICAST_LOOP"),
	OPT(NBSD_IPPROTO_IP, NBSD_IP_ADD_MEMBERSHIP, IPPROTO_IP, IP_ADD_MEMBERSHIP, BSD_SOPT_RAW,
	    "IP_ADD_MEMBERSHIP"),
	OPT(NBSD_IPPROTO_IP, NBSD_IP_DROP_MEMBERSHIP, IPPROTO_IP, IP_DROP_MEMBERSHIP, BSD_SOPT_RAW,
	    "IP_DROP_MEMBERSHIP"),

	/* sys/netinet6/ip6_output.c ip6_ctloutput. */
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_UNICAST_HOPS, IPPROTO_IPV6, IPV6_UNICAST_HOPS, BSD_SOPT_INT,
	    "IPV6_UNICAST_HOPS"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_MULTICAST_IF, IPPROTO_IPV6, IPV6_MULTICAST_IF, BSD_SOPT_INT,
	    "IPV6_MULTICAST_IF"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_MULTICAST_HOPS, IPPROTO_IPV6, IPV6_MULTICAST_HOPS,
	    BSD_SOPT_INT, "IPV6_MULTICAST_HOPS"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_MULTICAST_LOOP, IPPROTO_IPV6, IPV6_MULTICAST_LOOP,
	    BSD_SOPT_INT, "IPV6_MULTICAST_LOOP"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_JOIN_GROUP, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, BSD_SOPT_RAW,
	    "IPV6_JOIN_GROUP"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_LEAVE_GROUP, IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP,
	    BSD_SOPT_RAW, "IPV6_LEAVE_GROUP"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_CHECKSUM, IPPROTO_IPV6, IPV6_CHECKSUM, BSD_SOPT_INT,
	    "IPV6_CHECKSUM"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_V6ONLY, IPPROTO_IPV6, IPV6_V6ONLY, BSD_SOPT_INT,
	    "IPV6_V6ONLY"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_RECVPKTINFO, IPPROTO_IPV6, IPV6_RECVPKTINFO, BSD_SOPT_INT,
	    "IPV6_RECVPKTINFO"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_RECVHOPLIMIT, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, BSD_SOPT_INT,
	    "IPV6_RECVHOPLIMIT"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_RECVTCLASS, IPPROTO_IPV6, IPV6_RECVTCLASS, BSD_SOPT_INT,
	    "IPV6_RECVTCLASS"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_PKTINFO, IPPROTO_IPV6, IPV6_PKTINFO, BSD_SOPT_RAW,
	    "IPV6_PKTINFO"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_HOPLIMIT, IPPROTO_IPV6, IPV6_HOPLIMIT, BSD_SOPT_INT,
	    "IPV6_HOPLIMIT"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_TCLASS, IPPROTO_IPV6, IPV6_TCLASS, BSD_SOPT_INT,
	    "IPV6_TCLASS"),
	OPT(NBSD_IPPROTO_IPV6, NBSD_IPV6_DONTFRAG, IPPROTO_IPV6, IPV6_DONTFRAG, BSD_SOPT_INT,
	    "IPV6_DONTFRAG"),

	/* sys/netinet/tcp_usrreq.c tcp_ctloutput: keepalive times in
	 * seconds on both. */
	{ NBSD_IPPROTO_TCP, NBSD_TCP_NODELAY, IPPROTO_TCP, TCP_NODELAY, BSD_SOPT_FLAG, false,
	  NBSD_TF_NODELAY, "TCP_NODELAY" },
	OPT(NBSD_IPPROTO_TCP, NBSD_TCP_MAXSEG, IPPROTO_TCP, TCP_MAXSEG, BSD_SOPT_INT, "TCP_MAXSEG"),
	OPT(NBSD_IPPROTO_TCP, NBSD_TCP_KEEPIDLE, IPPROTO_TCP, TCP_KEEPIDLE, BSD_SOPT_INT,
	    "TCP_KEEPIDLE"),
	OPT(NBSD_IPPROTO_TCP, NBSD_TCP_KEEPINTVL, IPPROTO_TCP, TCP_KEEPINTVL, BSD_SOPT_INT,
	    "TCP_KEEPINTVL"),
	OPT(NBSD_IPPROTO_TCP, NBSD_TCP_KEEPCNT, IPPROTO_TCP, TCP_KEEPCNT, BSD_SOPT_INT,
	    "TCP_KEEPCNT"),
	OPT(NBSD_IPPROTO_TCP, NBSD_TCP_CONGCTL, IPPROTO_TCP, TCP_CONGESTION, BSD_SOPT_RAW,
	    "TCP_CONGCTL"),

	/* sys/kern/uipc_usrreq.c uipc_ctloutput. */
	GETONLY(BSD_SOL_LOCAL, NBSD_LOCAL_PEEREID, SOL_SOCKET, SO_PEERCRED, BSD_SOPT_PEERCRED,
	        "LOCAL_PEEREID"),
};
#undef S

const char *nbsd_sockopt_level_name(int level, bool local)
{
	switch (level) {
	case NBSD_SOL_SOCKET:     return "SOL_SOCKET";
	case 0:                   return local ? "SOL_LOCAL" : "IPPROTO_IP";
	case NBSD_IPPROTO_IPV6:   return "IPPROTO_IPV6";
	case NBSD_IPPROTO_TCP:    return "IPPROTO_TCP";
	case NBSD_IPPROTO_UDP:    return "IPPROTO_UDP";
	case NBSD_IPPROTO_ICMPV6: return "IPPROTO_ICMPV6";
	case NBSD_IPPROTO_RAW:    return "IPPROTO_RAW";
	default:                  return NULL;
	}
}

/* LOCAL_PEEREID: struct unpcbid (sys/sys/un.h). */
static size_t unpcbid_out(int pid, unsigned uid, unsigned gid, void *out, size_t cap)
{
	struct nbsd_unpcbid id = { .unp_pid = pid, .unp_euid = uid, .unp_egid = gid };
	memcpy(out, &id, cap < sizeof id ? cap : sizeof id);
	return sizeof id;
}

#define N(a) (sizeof (a) / sizeof (a)[0])

const struct bsd_sockabi nbsd_sockabi = {
	.af_inet6 = NBSD_AF_INET6,
	/* uipc_syscalls.c sockargs()/sockargs_sb(): more than UCHAR_MAX bytes,
	 * or no more than sa_len + sa_family, is EINVAL. */
	.addr_toolong_errno = EINVAL,
	.addr_minlen = 3,
	.compat43_af_max = NBSD_AF_MAX,
	/* uipc_usrreq.c: sun_noname has sun_len offsetof(sun_path), 2. */
	.unix_noname_len = 2,
	.sock_cloexec = NBSD_SOCK_CLOEXEC,
	.sock_nonblock = NBSD_SOCK_NONBLOCK,
	.sock_nosigpipe = NBSD_SOCK_NOSIGPIPE,
	.msg_bits = msg_bits,
	.n_msg_bits = N(msg_bits),
	/* Output flags of a received message: accepted on input, no meaning. */
	.msg_output_only = NBSD_MSG_TRUNC | NBSD_MSG_CTRUNC | NBSD_MSG_BCAST | NBSD_MSG_MCAST,
	.msg_nbio = NBSD_MSG_NBIO,
	.msg_eof = 0,
	.msg_oob = NBSD_MSG_OOB,
	.msg_eor = NBSD_MSG_EOR,
	.msg_trunc = NBSD_MSG_TRUNC,
	.msg_ctrunc = NBSD_MSG_CTRUNC,
	.cmsg_same = cmsg_same,
	.n_cmsg_same = N(cmsg_same),
	.scm_timestamp = NBSD_SCM_TIMESTAMP,
	/* ip_savecontrol: IP_RECVTTL as one byte; no IP_RECVTOS. */
	.ip_recvttl = NBSD_IP_RECVTTL,
	.ip_recvtos = -1,
	.ipproto_ip = NBSD_IPPROTO_IP,
	.max_controllen = NBSD_MAX_CONTROLLEN,
	/* do_sys_sendmsg_so: shorter than CMSG_ALIGN(sizeof(struct cmsghdr)). */
	.min_controllen = BSD_CMSG_HDRSPACE,
	.peercred_out = unpcbid_out,
	/* uipc_ctloutput: LOCAL_PEEREID before the ids are valid. */
	.peercred_unconnected_errno = EINVAL,
	.sockopts = sockopts,
	.n_sockopts = N(sockopts),
	.level_name = nbsd_sockopt_level_name,
};
