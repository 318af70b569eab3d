/*
 * NetBSD sockets: the numbers that differ from FreeBSD's and Linux's, and
 * NetBSD's description for the shared converters (abi/bsd/socket.h: the
 * sa_len sockaddrs, msghdr and cmsghdr layouts are the same 4.4BSD ones).
 *
 * Sources: NetBSD sys/sys/socket.h, sys/sys/un.h, sys/netinet/in.h,
 * sys/netinet6/in6.h, sys/netinet/tcp.h, sys/kern/uipc_syscalls.c,
 * sys/kern/uipc_socket.c, sys/kern/uipc_usrreq.c (NetBSD 9/10);
 * cross-checked against Go's syscall/zerrors_netbsd_amd64.go and
 * ztypes_netbsd_amd64.go.
 *
 * What differs from FreeBSD:
 *  - AF_INET6 is 24 (FreeBSD 28), AF_ROUTE 34 (FreeBSD 17);
 *  - SOCK_NOSIGPIPE 0x40000000 besides SOCK_CLOEXEC/SOCK_NONBLOCK;
 *  - MSG_NOSIGNAL 0x400, MSG_CMSG_CLOEXEC 0x800, MSG_NBIO 0x1000,
 *    MSG_WAITFORONE 0x2000, MSG_NOTIFICATION 0x4000; MSG_BCAST/MSG_MCAST
 *    (0x100/0x200) are output flags; there is no MSG_EOF;
 *  - SO_NOSIGPIPE 0x800, SO_TIMESTAMP 0x2000, SO_SNDTIMEO 0x100b and
 *    SO_RCVTIMEO 0x100c (struct timeval with a 64-bit time_t); booleans
 *    and SO_LINGER's l_onoff read back as 1 (sogetopt1);
 *  - SCM_TIMESTAMP 0x08; IP_RECVTTL 23, IP_MINTTL 24; TCP_KEEPIDLE 3,
 *    TCP_KEEPINTVL 5, TCP_KEEPCNT 6, TCP_CONGCTL 0x20;
 *  - sockargs(): an address longer than 255 bytes or of 2 bytes or fewer
 *    is EINVAL, and a zero sa_family below AF_MAX takes sa_len as the
 *    family (4.3BSD compatibility); control data up to PAGE_SIZE;
 *  - the address of an unnamed AF_LOCAL socket is 2 bytes (sun_noname);
 *  - LOCAL_PEEREID (level 0, 3) answers struct unpcbid.
 */
#ifndef PERSONA_ABI_NETBSD_SOCKET_H
#define PERSONA_ABI_NETBSD_SOCKET_H

#include <stdint.h>
#include "abi/bsd/socket.h"

/* sys/sys/socket.h: address families persona handles, and AF_MAX */
#define NBSD_AF_UNSPEC  0
#define NBSD_AF_LOCAL   1
#define NBSD_AF_UNIX    NBSD_AF_LOCAL
#define NBSD_AF_INET    2
#define NBSD_AF_INET6   24
#define NBSD_AF_ROUTE   34
#define NBSD_AF_MAX     37

/* sys/sys/socket.h: types and type flags */
#define NBSD_SOCK_STREAM     1
#define NBSD_SOCK_DGRAM      2
#define NBSD_SOCK_RAW        3
#define NBSD_SOCK_RDM        4
#define NBSD_SOCK_SEQPACKET  5
#define NBSD_SOCK_CLOEXEC    0x10000000
#define NBSD_SOCK_NONBLOCK   0x20000000
#define NBSD_SOCK_NOSIGPIPE  0x40000000
#define NBSD_SOCK_FLAGS_MASK 0xf0000000

/* sys/sys/socket.h: SOL_SOCKET options */
#define NBSD_SOL_SOCKET      0xffff
#define NBSD_SO_DEBUG        0x0001
#define NBSD_SO_ACCEPTCONN   0x0002
#define NBSD_SO_REUSEADDR    0x0004
#define NBSD_SO_KEEPALIVE    0x0008
#define NBSD_SO_DONTROUTE    0x0010
#define NBSD_SO_BROADCAST    0x0020
#define NBSD_SO_USELOOPBACK  0x0040
#define NBSD_SO_LINGER       0x0080
#define NBSD_SO_OOBINLINE    0x0100
#define NBSD_SO_REUSEPORT    0x0200
#define NBSD_SO_NOSIGPIPE    0x0800
#define NBSD_SO_ACCEPTFILTER 0x1000
#define NBSD_SO_TIMESTAMP    0x2000
#define NBSD_SO_RERROR       0x4000
#define NBSD_SO_SNDBUF       0x1001
#define NBSD_SO_RCVBUF       0x1002
#define NBSD_SO_SNDLOWAT     0x1003
#define NBSD_SO_RCVLOWAT     0x1004
#define NBSD_SO_ERROR        0x1007
#define NBSD_SO_TYPE         0x1008
#define NBSD_SO_OVERFLOWED   0x1009
#define NBSD_SO_NOHEADER     0x100a
#define NBSD_SO_SNDTIMEO     0x100b
#define NBSD_SO_RCVTIMEO     0x100c

/* sys/sys/socket.h: control message types */
#define NBSD_SCM_RIGHTS      0x01
#define NBSD_SCM_TIMESTAMP   0x08   /* struct timeval */
#define NBSD_SCM_CREDS       0x10   /* struct sockcred */

/* sys/sys/socket.h: MSG_* */
#define NBSD_MSG_OOB          0x0001
#define NBSD_MSG_PEEK         0x0002
#define NBSD_MSG_DONTROUTE    0x0004
#define NBSD_MSG_EOR          0x0008
#define NBSD_MSG_TRUNC        0x0010
#define NBSD_MSG_CTRUNC       0x0020
#define NBSD_MSG_WAITALL      0x0040
#define NBSD_MSG_DONTWAIT     0x0080
#define NBSD_MSG_BCAST        0x0100
#define NBSD_MSG_MCAST        0x0200
#define NBSD_MSG_NOSIGNAL     0x0400
#define NBSD_MSG_CMSG_CLOEXEC 0x0800
#define NBSD_MSG_NBIO         0x1000
#define NBSD_MSG_WAITFORONE   0x2000
#define NBSD_MSG_NOTIFICATION 0x4000

/* sys/netinet/in.h: protocols (IANA numbers, Linux's too) */
#define NBSD_IPPROTO_IP     0
#define NBSD_IPPROTO_ICMP   1
#define NBSD_IPPROTO_TCP    6
#define NBSD_IPPROTO_UDP    17
#define NBSD_IPPROTO_IPV6   41
#define NBSD_IPPROTO_ICMPV6 58
#define NBSD_IPPROTO_RAW    255

/* sys/netinet/in.h: IPPROTO_IP options */
#define NBSD_IP_OPTIONS         1
#define NBSD_IP_HDRINCL         2
#define NBSD_IP_TOS             3
#define NBSD_IP_TTL             4
#define NBSD_IP_RECVOPTS        5
#define NBSD_IP_RECVRETOPTS     6
#define NBSD_IP_RECVDSTADDR     7
#define NBSD_IP_RETOPTS         8
#define NBSD_IP_MULTICAST_IF    9
#define NBSD_IP_MULTICAST_TTL   10
#define NBSD_IP_MULTICAST_LOOP  11
#define NBSD_IP_ADD_MEMBERSHIP  12
#define NBSD_IP_DROP_MEMBERSHIP 13
#define NBSD_IP_PORTRANGE       19
#define NBSD_IP_RECVIF          20
#define NBSD_IP_ERRORMTU        21
#define NBSD_IP_IPSEC_POLICY    22
#define NBSD_IP_RECVTTL         23
#define NBSD_IP_MINTTL          24

/* sys/netinet6/in6.h: IPPROTO_IPV6 options (KAME numbers, FreeBSD's too) */
#define NBSD_IPV6_UNICAST_HOPS   4
#define NBSD_IPV6_MULTICAST_IF   9
#define NBSD_IPV6_MULTICAST_HOPS 10
#define NBSD_IPV6_MULTICAST_LOOP 11
#define NBSD_IPV6_JOIN_GROUP     12
#define NBSD_IPV6_LEAVE_GROUP    13
#define NBSD_IPV6_PORTRANGE      14
#define NBSD_IPV6_CHECKSUM       26
#define NBSD_IPV6_V6ONLY         27
#define NBSD_IPV6_RECVPKTINFO    36
#define NBSD_IPV6_RECVHOPLIMIT   37
#define NBSD_IPV6_PKTINFO        46
#define NBSD_IPV6_HOPLIMIT       47
#define NBSD_IPV6_RECVTCLASS     57
#define NBSD_IPV6_TCLASS         61
#define NBSD_IPV6_DONTFRAG       62

/* sys/netinet/tcp.h: IPPROTO_TCP options */
#define NBSD_TCP_NODELAY   1
#define NBSD_TCP_MAXSEG    2
#define NBSD_TCP_KEEPIDLE  3
#define NBSD_TCP_KEEPINTVL 5
#define NBSD_TCP_KEEPCNT   6
#define NBSD_TCP_KEEPINIT  7
#define NBSD_TCP_MD5SIG    0x10
#define NBSD_TCP_CONGCTL   0x20   /* a NUL-terminated algorithm name */

/* sys/netinet/tcp_var.h: TF_NODELAY, what getsockopt(TCP_NODELAY) reads
 * back (tcp_ctloutput: t_flags & TF_NODELAY). */
#define NBSD_TF_NODELAY 0x0004

/* sys/sys/un.h: SOL_LOCAL (level 0) options */
#define NBSD_LOCAL_OCREDS   0x0001
#define NBSD_LOCAL_CONNWAIT 0x0002
#define NBSD_LOCAL_PEEREID  0x0003
#define NBSD_LOCAL_CREDS    0x0004

/* sys/sys/un.h: struct unpcbid (LOCAL_PEEREID), 12 bytes */
struct nbsd_unpcbid {
	int32_t  unp_pid;
	uint32_t unp_euid;
	uint32_t unp_egid;
};

/* sys/arch/amd64/include/param.h PAGE_SIZE: sockargs() refuses longer
 * control data (EINVAL). */
#define NBSD_MAX_CONTROLLEN 4096

/* sys/sys/poll.h: the bits NetBSD has (FreeBSD's, without POLLINIGNEOF
 * and POLLRDHUP). */
#define NBSD_POLLIN     0x0001
#define NBSD_POLLPRI    0x0002
#define NBSD_POLLOUT    0x0004
#define NBSD_POLLERR    0x0008
#define NBSD_POLLHUP    0x0010
#define NBSD_POLLNVAL   0x0020
#define NBSD_POLLRDNORM 0x0040
#define NBSD_POLLRDBAND 0x0080
#define NBSD_POLLWRBAND 0x0100

extern const struct bsd_sockabi nbsd_sockabi;
/* Name of a NetBSD option level for messages (NULL if unknown). */
const char *nbsd_sockopt_level_name(int level, bool local);

#endif /* PERSONA_ABI_NETBSD_SOCKET_H */
