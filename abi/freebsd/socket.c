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

/* Layouts: sys/sys/socket.h, sys/netinet/in.h, sys/netinet6/in6.h,
 * sys/sys/un.h; ztypes_freebsd_amd64.go SizeofSockaddr*, Msghdr, Cmsghdr,
 * Xucred, Linger. */
_Static_assert(sizeof(struct fbsd_sockaddr) == 16, "sockaddr");
_Static_assert(sizeof(struct fbsd_sockaddr_in) == 16, "sockaddr_in");
_Static_assert(offsetof(struct fbsd_sockaddr_in, sin_port) == 2, "sin_port");
_Static_assert(offsetof(struct fbsd_sockaddr_in, sin_addr) == 4, "sin_addr");
_Static_assert(sizeof(struct fbsd_sockaddr_in6) == 28, "sockaddr_in6");
_Static_assert(offsetof(struct fbsd_sockaddr_in6, sin6_flowinfo) == 4, "sin6_flowinfo");
_Static_assert(offsetof(struct fbsd_sockaddr_in6, sin6_addr) == 8, "sin6_addr");
_Static_assert(offsetof(struct fbsd_sockaddr_in6, sin6_scope_id) == 24, "sin6_scope_id");
_Static_assert(sizeof(struct fbsd_sockaddr_un) == 106, "sockaddr_un");
_Static_assert(offsetof(struct fbsd_sockaddr_un, sun_path) == 2, "sun_path");
_Static_assert(sizeof(struct fbsd_sockaddr_storage) == 128, "sockaddr_storage");
_Static_assert(sizeof(struct fbsd_msghdr) == 48, "msghdr");
_Static_assert(offsetof(struct fbsd_msghdr, msg_namelen) == 8, "msg_namelen");
_Static_assert(offsetof(struct fbsd_msghdr, msg_iov) == 16, "msg_iov");
_Static_assert(offsetof(struct fbsd_msghdr, msg_iovlen) == 24, "msg_iovlen");
_Static_assert(offsetof(struct fbsd_msghdr, msg_control) == 32, "msg_control");
_Static_assert(offsetof(struct fbsd_msghdr, msg_controllen) == 40, "msg_controllen");
_Static_assert(offsetof(struct fbsd_msghdr, msg_flags) == 44, "msg_flags");
_Static_assert(sizeof(struct fbsd_cmsghdr) == 12, "cmsghdr");
_Static_assert(FBSD_CMSG_HDRSPACE == 16, "CMSG_DATA offset");
_Static_assert(sizeof(struct fbsd_cmsgcred) == 84, "cmsgcred");
_Static_assert(sizeof(struct fbsd_xucred) == 88, "xucred");
_Static_assert(offsetof(struct fbsd_xucred, cr_groups) == 12, "cr_groups");
_Static_assert(offsetof(struct fbsd_xucred, cr_pid) == 80, "cr_pid");
_Static_assert(sizeof(struct fbsd_linger) == sizeof(struct linger), "linger");

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

int fbsd_domain_to_linux(int d)
{
	switch (d) {
	case FBSD_AF_UNSPEC: return AF_UNSPEC;
	case FBSD_AF_UNIX:   return AF_UNIX;
	case FBSD_AF_INET:   return AF_INET;
	case FBSD_AF_INET6:  return AF_INET6;
	default:             return -1;
	}
}

int fbsd_domain_from_linux(int d)
{
	switch (d) {
	case AF_UNSPEC: return FBSD_AF_UNSPEC;
	case AF_UNIX:   return FBSD_AF_UNIX;
	case AF_INET:   return FBSD_AF_INET;
	case AF_INET6:  return FBSD_AF_INET6;
	default:        return -1;
	}
}

int fbsd_socktype_to_linux(int t)
{
	int out = t & ~(FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK);
	if (t & FBSD_SOCK_CLOEXEC)
		out |= SOCK_CLOEXEC;
	if (t & FBSD_SOCK_NONBLOCK)
		out |= SOCK_NONBLOCK;
	return out;
}

int fbsd_accept4_flags_to_linux(int f)
{
	if (f & ~(FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK))
		return -1;
	return fbsd_socktype_to_linux(f);
}

/* Flags with a Linux twin, FreeBSD first. */
static const struct { int fbsd, lnx; } msg_bits[] = {
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

int fbsd_msg_flags_to_linux(int f, int *unknown)
{
	int out = 0, known = FBSD_MSG_TRUNC | FBSD_MSG_CTRUNC | FBSD_MSG_NBIO;
	for (size_t i = 0; i < N_MSG_BITS; i++) {
		known |= msg_bits[i].fbsd;
		if (f & msg_bits[i].fbsd)
			out |= msg_bits[i].lnx;
	}
	/* sosend_generic/soreceive_generic: MSG_NBIO from user space makes
	 * the one call non-blocking, like MSG_DONTWAIT. */
	if (f & FBSD_MSG_NBIO)
		out |= MSG_DONTWAIT;
	if (unknown)
		*unknown = f & ~known;
	return out;
}

int fbsd_msg_flags_from_linux(int f)
{
	/* Only what FreeBSD reports about a received message; Linux also
	 * echoes MSG_CMSG_CLOEXEC and may add MSG_ERRQUEUE and friends. */
	int out = 0;
	if (f & MSG_OOB)
		out |= FBSD_MSG_OOB;
	if (f & MSG_EOR)
		out |= FBSD_MSG_EOR;
	if (f & MSG_TRUNC)
		out |= FBSD_MSG_TRUNC;
	if (f & MSG_CTRUNC)
		out |= FBSD_MSG_CTRUNC;
	return out;
}

/* ---- addresses ---- */

long fbsd_sockaddr_to_linux(const void *in, size_t inlen,
                            struct sockaddr_storage *out, socklen_t *outlen)
{
	const uint8_t *b = in;
	if (inlen > FBSD_SOCK_MAXADDRLEN)
		return -ENAMETOOLONG;
	if (inlen < 2)
		return -EINVAL;
	memset(out, 0, sizeof *out);
	switch (b[1]) {
	case FBSD_AF_INET: {
		struct sockaddr_in *s = (struct sockaddr_in *)out;
		if (inlen < sizeof(struct fbsd_sockaddr_in))
			return -EINVAL;
		const struct fbsd_sockaddr_in *f = in;
		s->sin_family = AF_INET;
		s->sin_port = f->sin_port;
		s->sin_addr.s_addr = f->sin_addr;
		*outlen = sizeof *s;
		return 0;
	}
	case FBSD_AF_INET6: {
		struct sockaddr_in6 *s = (struct sockaddr_in6 *)out;
		if (inlen < sizeof(struct fbsd_sockaddr_in6))
			return -EINVAL;
		const struct fbsd_sockaddr_in6 *f = in;
		s->sin6_family = AF_INET6;
		s->sin6_port = f->sin6_port;
		s->sin6_flowinfo = f->sin6_flowinfo;
		memcpy(&s->sin6_addr, f->sin6_addr, 16);
		s->sin6_scope_id = f->sin6_scope_id;
		*outlen = sizeof *s;
		return 0;
	}
	case FBSD_AF_UNIX: {
		struct sockaddr_un *s = (struct sockaddr_un *)out;
		if (inlen > sizeof(struct fbsd_sockaddr_un))
			return -EINVAL;
		size_t n = 0, max = inlen - 2;
		while (n < max && b[2 + n] != '\0')
			n++;
		if (n == 0)
			return -EINVAL;
		s->sun_family = AF_UNIX;
		memcpy(s->sun_path, b + 2, n);
		s->sun_path[n] = '\0';
		*outlen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + 1);
		return 0;
	}
	case FBSD_AF_UNSPEC: {
		/* connect(AF_UNSPEC) dissolves a datagram association. */
		out->ss_family = AF_UNSPEC;
		size_t n = inlen < sizeof *out ? inlen : sizeof *out;
		memcpy((char *)out + 2, b + 2, n - 2);
		*outlen = (socklen_t)n;
		return 0;
	}
	default:
		return -EAFNOSUPPORT;
	}
}

size_t fbsd_sockaddr_from_linux(const struct sockaddr *in, socklen_t inlen,
                                struct fbsd_sockaddr_storage *out)
{
	memset(out, 0, sizeof *out);
	if (inlen < sizeof(sa_family_t))
		return 0;
	/* Whatever the kernel wrote, at most one sockaddr_storage. */
	struct sockaddr_storage tmp;
	memset(&tmp, 0, sizeof tmp);
	memcpy(&tmp, in, inlen < sizeof tmp ? inlen : sizeof tmp);
	switch (tmp.ss_family) {
	case AF_INET: {
		const struct sockaddr_in *s = (const struct sockaddr_in *)&tmp;
		struct fbsd_sockaddr_in *f = (struct fbsd_sockaddr_in *)out;
		f->sin_len = sizeof *f;
		f->sin_family = FBSD_AF_INET;
		f->sin_port = s->sin_port;
		f->sin_addr = s->sin_addr.s_addr;
		return sizeof *f;
	}
	case AF_INET6: {
		const struct sockaddr_in6 *s = (const struct sockaddr_in6 *)&tmp;
		struct fbsd_sockaddr_in6 *f = (struct fbsd_sockaddr_in6 *)out;
		f->sin6_len = sizeof *f;
		f->sin6_family = FBSD_AF_INET6;
		f->sin6_port = s->sin6_port;
		f->sin6_flowinfo = s->sin6_flowinfo;
		memcpy(f->sin6_addr, &s->sin6_addr, 16);
		f->sin6_scope_id = s->sin6_scope_id;
		return sizeof *f;
	}
	case AF_UNIX: {
		const struct sockaddr_un *s = (const struct sockaddr_un *)&tmp;
		struct fbsd_sockaddr_un *f = (struct fbsd_sockaddr_un *)out;
		size_t max = inlen - offsetof(struct sockaddr_un, sun_path);
		if (max > sizeof s->sun_path)
			max = sizeof s->sun_path;
		f->sun_family = FBSD_AF_UNIX;
		if (max == 0 || s->sun_path[0] == '\0') {
			f->sun_len = sizeof(struct fbsd_sockaddr);   /* sun_noname */
			return f->sun_len;
		}
		size_t n = strnlen(s->sun_path, max);
		if (n > FBSD_SUN_PATH_MAX)
			n = FBSD_SUN_PATH_MAX;
		memcpy(f->sun_path, s->sun_path, n);
		f->sun_len = (uint8_t)(2 + n + (n < FBSD_SUN_PATH_MAX ? 1 : 0));
		return f->sun_len;
	}
	case AF_UNSPEC: {
		size_t n = inlen < sizeof(struct fbsd_sockaddr) ? inlen : sizeof(struct fbsd_sockaddr);
		memcpy((char *)out + 2, (const char *)&tmp + 2, n - 2);
		out->ss_len = (uint8_t)n;
		out->ss_family = FBSD_AF_UNSPEC;
		return n;
	}
	default:
		return 0;
	}
}

/* ---- control messages ---- */

/* (level, type) pairs whose payload is the same bytes on both systems. */
struct cmsg_pair { int fl, ft, ll, lt; };
static const struct cmsg_pair cmsg_same[] = {
	{ FBSD_SOL_SOCKET,   FBSD_SCM_RIGHTS,    SOL_SOCKET,   SCM_RIGHTS },
	{ FBSD_IPPROTO_IPV6, FBSD_IPV6_PKTINFO,  IPPROTO_IPV6, IPV6_PKTINFO },
	{ FBSD_IPPROTO_IPV6, FBSD_IPV6_HOPLIMIT, IPPROTO_IPV6, IPV6_HOPLIMIT },
	{ FBSD_IPPROTO_IPV6, FBSD_IPV6_TCLASS,   IPPROTO_IPV6, IPV6_TCLASS },
};
#define N_CMSG_SAME (sizeof cmsg_same / sizeof cmsg_same[0])

long fbsd_cmsgs_to_linux(const void *in, size_t inlen, void *out, size_t outcap,
                         size_t *outlen, fbsd_cmsg_drop_fn drop, void *ctx)
{
	const char *p = in;
	char *o = out;
	size_t off = 0, used = 0;
	*outlen = 0;
	/* FreeBSD's walk (CMSG_NXTHDR) stops when a header no longer fits. */
	while (off + sizeof(struct fbsd_cmsghdr) <= inlen) {
		struct fbsd_cmsghdr h;
		memcpy(&h, p + off, sizeof h);
		if (h.cmsg_len < sizeof h || h.cmsg_len > inlen - off)
			return -EINVAL;
		size_t datalen = h.cmsg_len > FBSD_CMSG_HDRSPACE ? h.cmsg_len - FBSD_CMSG_HDRSPACE : 0;
		const struct cmsg_pair *m = NULL;
		for (size_t i = 0; i < N_CMSG_SAME; i++)
			if (cmsg_same[i].fl == h.cmsg_level && cmsg_same[i].ft == h.cmsg_type)
				m = &cmsg_same[i];
		if (m && h.cmsg_len < FBSD_CMSG_HDRSPACE) {
			/* A header with no data area (12..15 bytes) carries
			 * nothing, and as Linux's 16-byte header it would be
			 * the one message that grows: leave it out. */
		} else if (m) {
			if (used + CMSG_LEN(datalen) > outcap)
				return -ENOBUFS;
			struct cmsghdr lh = { .cmsg_len = CMSG_LEN(datalen),
			                      .cmsg_level = m->ll, .cmsg_type = m->lt };
			memcpy(o + used, &lh, sizeof lh);
			memcpy(o + used + CMSG_LEN(0), p + off + FBSD_CMSG_HDRSPACE, datalen);
			size_t space = CMSG_SPACE(datalen);
			if (used + space > outcap)
				space = outcap - used;
			memset(o + used + CMSG_LEN(datalen), 0, space - CMSG_LEN(datalen));
			used += space;
		} else if (drop) {
			drop(ctx, h.cmsg_level, h.cmsg_type, true);
		}
		off += FBSD_CMSG_ALIGN(h.cmsg_len);
	}
	*outlen = used;
	return 0;
}

/* Put one FreeBSD message; false if it does not fit. */
static bool put_fbsd_cmsg(char *o, size_t *used, size_t outcap, int level, int type,
                          const void *data, size_t datalen)
{
	if (*used + FBSD_CMSG_LEN(datalen) > outcap)
		return false;
	struct fbsd_cmsghdr h = { .cmsg_len = (uint32_t)FBSD_CMSG_LEN(datalen),
	                          .cmsg_level = level, .cmsg_type = type };
	memset(o + *used, 0, FBSD_CMSG_HDRSPACE);
	memcpy(o + *used, &h, sizeof h);
	memcpy(o + *used + FBSD_CMSG_HDRSPACE, data, datalen);
	size_t space = FBSD_CMSG_SPACE(datalen);
	if (*used + space > outcap)
		space = outcap - *used;
	memset(o + *used + FBSD_CMSG_LEN(datalen), 0, space - FBSD_CMSG_LEN(datalen));
	*used += space;
	return true;
}

void fbsd_cmsgs_from_linux(const void *in, size_t inlen, void *out, size_t outcap,
                           size_t *outlen, int *flags, fbsd_cmsg_drop_fn drop, void *ctx)
{
	const char *p = in;
	size_t off = 0, used = 0;
	while (off + sizeof(struct cmsghdr) <= inlen) {
		struct cmsghdr h;
		memcpy(&h, p + off, sizeof h);
		if (h.cmsg_len < sizeof h || h.cmsg_len > inlen - off)
			break;
		const char *data = p + off + CMSG_LEN(0);
		size_t datalen = h.cmsg_len - CMSG_LEN(0);
		int fl = -1, ft = -1;
		unsigned char byte;
		for (size_t i = 0; i < N_CMSG_SAME; i++)
			if (cmsg_same[i].ll == h.cmsg_level && cmsg_same[i].lt == h.cmsg_type) {
				fl = cmsg_same[i].fl;
				ft = cmsg_same[i].ft;
			}
		if (h.cmsg_level == SOL_SOCKET && h.cmsg_type == SCM_TIMESTAMP) {
			fl = FBSD_SOL_SOCKET;          /* struct timeval on both */
			ft = FBSD_SCM_TIMESTAMP;
		} else if (h.cmsg_level == IPPROTO_IP &&
		           (h.cmsg_type == IP_TTL || h.cmsg_type == IP_TOS) && datalen >= 1) {
			/* Linux: IP_TTL as an int, IP_TOS as a byte; FreeBSD: one
			 * byte for both (ip_savecontrol). */
			if (h.cmsg_type == IP_TTL && datalen >= sizeof(int)) {
				int v;
				memcpy(&v, data, sizeof v);
				byte = (unsigned char)v;
			} else {
				byte = (unsigned char)data[0];
			}
			fl = FBSD_IPPROTO_IP;
			ft = h.cmsg_type == IP_TTL ? FBSD_IP_RECVTTL : FBSD_IP_RECVTOS;
			data = (const char *)&byte;
			datalen = 1;
		}
		if (fl < 0) {
			if (drop)
				drop(ctx, h.cmsg_level, h.cmsg_type, false);
		} else if (!put_fbsd_cmsg(out, &used, outcap, fl, ft, data, datalen)) {
			*flags |= FBSD_MSG_CTRUNC;
			break;
		}
		off += CMSG_ALIGN(h.cmsg_len);
	}
	*outlen = used;
}

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
	OPT(FBSD_SOL_SOCKET, FBSD_SO_LINGER, SOL_SOCKET, SO_LINGER, FBSD_SOPT_LINGER, "SO_LINGER"),
	OPT(FBSD_SOL_SOCKET, FBSD_SO_NOSIGPIPE, 0, 0, FBSD_SOPT_NOSIGPIPE, "SO_NOSIGPIPE"),
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

/* A level-0 entry is SOL_LOCAL when its Linux side is SOL_SOCKET. */
static bool is_local_entry(const struct fbsd_sockopt *o)
{
	return o->level == FBSD_SOL_LOCAL && o->lnx_level == SOL_SOCKET;
}

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

const struct fbsd_sockopt *fbsd_sockopt_lookup(int level, int name, bool local,
                                               bool *level_known)
{
	*level_known = fbsd_sockopt_level_name(level, local) != NULL;
	for (size_t i = 0; i < N_SOCKOPTS; i++) {
		const struct fbsd_sockopt *o = &sockopts[i];
		if (o->level != level || o->name != name)
			continue;
		if (level == 0 && is_local_entry(o) != local)
			continue;
		return o;
	}
	return NULL;
}
