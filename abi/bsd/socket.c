/*
 * The BSD <-> Linux socket converters, for any BSD described by a struct
 * bsd_sockabi (abi/bsd/socket.h).  BSD facts: the headers cited in
 * abi/freebsd/socket.h and abi/netbsd/socket.h.  Linux facts: the host's
 * <sys/socket.h>, <netinet/in.h>.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "abi/bsd/socket.h"

#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>

/* Layouts (FreeBSD and NetBSD sys/sys/socket.h, sys/netinet/in.h,
 * sys/netinet6/in6.h, sys/sys/un.h; ztypes_{freebsd,netbsd}_amd64.go
 * SizeofSockaddr*, Msghdr, Cmsghdr). */
_Static_assert(sizeof(struct bsd_sockaddr) == 16, "sockaddr");
_Static_assert(sizeof(struct bsd_sockaddr_in) == 16, "sockaddr_in");
_Static_assert(offsetof(struct bsd_sockaddr_in, sin_port) == 2, "sin_port");
_Static_assert(offsetof(struct bsd_sockaddr_in, sin_addr) == 4, "sin_addr");
_Static_assert(sizeof(struct bsd_sockaddr_in6) == 28, "sockaddr_in6");
_Static_assert(offsetof(struct bsd_sockaddr_in6, sin6_flowinfo) == 4, "sin6_flowinfo");
_Static_assert(offsetof(struct bsd_sockaddr_in6, sin6_addr) == 8, "sin6_addr");
_Static_assert(offsetof(struct bsd_sockaddr_in6, sin6_scope_id) == 24, "sin6_scope_id");
_Static_assert(sizeof(struct bsd_sockaddr_un) == 106, "sockaddr_un");
_Static_assert(offsetof(struct bsd_sockaddr_un, sun_path) == 2, "sun_path");
_Static_assert(sizeof(struct bsd_sockaddr_storage) == 128, "sockaddr_storage");
_Static_assert(sizeof(struct bsd_msghdr) == 48, "msghdr");
_Static_assert(offsetof(struct bsd_msghdr, msg_namelen) == 8, "msg_namelen");
_Static_assert(offsetof(struct bsd_msghdr, msg_iov) == 16, "msg_iov");
_Static_assert(offsetof(struct bsd_msghdr, msg_iovlen) == 24, "msg_iovlen");
_Static_assert(offsetof(struct bsd_msghdr, msg_control) == 32, "msg_control");
_Static_assert(offsetof(struct bsd_msghdr, msg_controllen) == 40, "msg_controllen");
_Static_assert(offsetof(struct bsd_msghdr, msg_flags) == 44, "msg_flags");
_Static_assert(sizeof(struct bsd_cmsghdr) == 12, "cmsghdr");
_Static_assert(BSD_CMSG_HDRSPACE == 16, "CMSG_DATA offset");
/* Socket types, shutdown(2) and SCM_RIGHTS are Linux's numbers too. */
_Static_assert(SOCK_STREAM == 1 && SOCK_DGRAM == 2 && SOCK_RAW == 3 && SOCK_RDM == 4 &&
	SOCK_SEQPACKET == 5, "socket types");
_Static_assert(SHUT_RD == 0 && SHUT_WR == 1 && SHUT_RDWR == 2, "shutdown");
_Static_assert(BSD_SCM_RIGHTS == SCM_RIGHTS, "SCM_RIGHTS");
/* Linux's cmsghdr: 16-byte header, data at 16, 8-byte alignment. */
_Static_assert(sizeof(struct cmsghdr) == 16 && CMSG_LEN(0) == 16 &&
	CMSG_SPACE(1) == BSD_CMSG_SPACE(1), "Linux cmsghdr");

int bsd_domain_to_linux(const struct bsd_sockabi *abi, int d)
{
	if (d == BSD_AF_UNSPEC) return AF_UNSPEC;
	if (d == BSD_AF_UNIX)   return AF_UNIX;
	if (d == BSD_AF_INET)   return AF_INET;
	if (d == abi->af_inet6) return AF_INET6;
	return -1;
}

int bsd_domain_from_linux(const struct bsd_sockabi *abi, int d)
{
	switch (d) {
	case AF_UNSPEC: return BSD_AF_UNSPEC;
	case AF_UNIX:   return BSD_AF_UNIX;
	case AF_INET:   return BSD_AF_INET;
	case AF_INET6:  return abi->af_inet6;
	default:        return -1;
	}
}

int bsd_socktype_to_linux(const struct bsd_sockabi *abi, int t, bool *nosigpipe)
{
	int out = t & ~(abi->sock_cloexec | abi->sock_nonblock | abi->sock_nosigpipe);
	if (t & abi->sock_cloexec)
		out |= SOCK_CLOEXEC;
	if (t & abi->sock_nonblock)
		out |= SOCK_NONBLOCK;
	if (nosigpipe)
		*nosigpipe = abi->sock_nosigpipe && (t & abi->sock_nosigpipe);
	return out;
}

int bsd_msg_flags_to_linux(const struct bsd_sockabi *abi, int f, int *unknown)
{
	int out = 0, known = abi->msg_output_only | abi->msg_nbio;
	for (size_t i = 0; i < abi->n_msg_bits; i++) {
		known |= abi->msg_bits[i].guest;
		if (f & abi->msg_bits[i].guest)
			out |= abi->msg_bits[i].lnx;
	}
	/* MSG_NBIO from user space makes the one call non-blocking, like
	 * MSG_DONTWAIT (FreeBSD sosend_generic, NetBSD sosend). */
	if (abi->msg_nbio && (f & abi->msg_nbio))
		out |= MSG_DONTWAIT;
	if (unknown)
		*unknown = f & ~known;
	return out;
}

int bsd_msg_flags_from_linux(const struct bsd_sockabi *abi, int f)
{
	/* Only what a BSD reports about a received message; Linux also
	 * echoes MSG_CMSG_CLOEXEC and may add MSG_ERRQUEUE and friends. */
	int out = 0;
	if (f & MSG_OOB)
		out |= abi->msg_oob;
	if (f & MSG_EOR)
		out |= abi->msg_eor;
	if (f & MSG_TRUNC)
		out |= abi->msg_trunc;
	if (f & MSG_CTRUNC)
		out |= abi->msg_ctrunc;
	return out;
}

/* ---- addresses ---- */

long bsd_sockaddr_to_linux(const struct bsd_sockabi *abi, const void *in, size_t inlen,
                           struct sockaddr_storage *out, socklen_t *outlen)
{
	const uint8_t *b = in;
	if (inlen > 255)
		return -abi->addr_toolong_errno;
	if (inlen < abi->addr_minlen || inlen < 2)
		return -EINVAL;
	memset(out, 0, sizeof *out);
	unsigned family = b[1];
	if (family == 0 && b[0] < abi->compat43_af_max)
		family = b[0];
	if (family == (unsigned)abi->af_inet6) {
		struct sockaddr_in6 *s = (struct sockaddr_in6 *)out;
		if (inlen < sizeof(struct bsd_sockaddr_in6))
			return -EINVAL;
		const struct bsd_sockaddr_in6 *f = in;
		s->sin6_family = AF_INET6;
		s->sin6_port = f->sin6_port;
		s->sin6_flowinfo = f->sin6_flowinfo;
		memcpy(&s->sin6_addr, f->sin6_addr, 16);
		s->sin6_scope_id = f->sin6_scope_id;
		*outlen = sizeof *s;
		return 0;
	}
	switch (family) {
	case BSD_AF_INET: {
		struct sockaddr_in *s = (struct sockaddr_in *)out;
		if (inlen < sizeof(struct bsd_sockaddr_in))
			return -EINVAL;
		const struct bsd_sockaddr_in *f = in;
		s->sin_family = AF_INET;
		s->sin_port = f->sin_port;
		s->sin_addr.s_addr = f->sin_addr;
		*outlen = sizeof *s;
		return 0;
	}
	case BSD_AF_UNIX: {
		struct sockaddr_un *s = (struct sockaddr_un *)out;
		if (inlen > sizeof(struct bsd_sockaddr_un))
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
	case BSD_AF_UNSPEC: {
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

size_t bsd_sockaddr_from_linux(const struct bsd_sockabi *abi, const struct sockaddr *in,
                               socklen_t inlen, struct bsd_sockaddr_storage *out)
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
		struct bsd_sockaddr_in *f = (struct bsd_sockaddr_in *)out;
		f->sin_len = sizeof *f;
		f->sin_family = BSD_AF_INET;
		f->sin_port = s->sin_port;
		f->sin_addr = s->sin_addr.s_addr;
		return sizeof *f;
	}
	case AF_INET6: {
		const struct sockaddr_in6 *s = (const struct sockaddr_in6 *)&tmp;
		struct bsd_sockaddr_in6 *f = (struct bsd_sockaddr_in6 *)out;
		f->sin6_len = sizeof *f;
		f->sin6_family = (uint8_t)abi->af_inet6;
		f->sin6_port = s->sin6_port;
		f->sin6_flowinfo = s->sin6_flowinfo;
		memcpy(f->sin6_addr, &s->sin6_addr, 16);
		f->sin6_scope_id = s->sin6_scope_id;
		return sizeof *f;
	}
	case AF_UNIX: {
		const struct sockaddr_un *s = (const struct sockaddr_un *)&tmp;
		struct bsd_sockaddr_un *f = (struct bsd_sockaddr_un *)out;
		size_t max = inlen - offsetof(struct sockaddr_un, sun_path);
		if (max > sizeof s->sun_path)
			max = sizeof s->sun_path;
		f->sun_family = BSD_AF_UNIX;
		if (max == 0 || s->sun_path[0] == '\0') {
			f->sun_len = abi->unix_noname_len;   /* the OS's sun_noname */
			return f->sun_len;
		}
		size_t n = strnlen(s->sun_path, max);
		if (n > BSD_SUN_PATH_MAX)
			n = BSD_SUN_PATH_MAX;
		memcpy(f->sun_path, s->sun_path, n);
		f->sun_len = (uint8_t)(2 + n + (n < BSD_SUN_PATH_MAX ? 1 : 0));
		return f->sun_len;
	}
	case AF_UNSPEC: {
		size_t n = inlen < sizeof(struct bsd_sockaddr) ? inlen : sizeof(struct bsd_sockaddr);
		memcpy((char *)out + 2, (const char *)&tmp + 2, n - 2);
		out->ss_len = (uint8_t)n;
		out->ss_family = BSD_AF_UNSPEC;
		return n;
	}
	default:
		return 0;
	}
}

/* ---- control messages ---- */

static const struct bsd_cmsg_pair *pair_by_guest(const struct bsd_sockabi *abi, int l, int t)
{
	for (size_t i = 0; i < abi->n_cmsg_same; i++)
		if (abi->cmsg_same[i].gl == l && abi->cmsg_same[i].gt == t)
			return &abi->cmsg_same[i];
	return NULL;
}

static const struct bsd_cmsg_pair *pair_by_linux(const struct bsd_sockabi *abi, int l, int t)
{
	for (size_t i = 0; i < abi->n_cmsg_same; i++)
		if (abi->cmsg_same[i].ll == l && abi->cmsg_same[i].lt == t)
			return &abi->cmsg_same[i];
	return NULL;
}

long bsd_cmsgs_to_linux(const struct bsd_sockabi *abi, const void *in, size_t inlen, void *out,
                        size_t outcap, size_t *outlen, bsd_cmsg_drop_fn drop, void *ctx)
{
	const char *p = in;
	char *o = out;
	size_t off = 0, used = 0;
	*outlen = 0;
	/* The BSD walk (CMSG_NXTHDR) stops when a header no longer fits. */
	while (off + sizeof(struct bsd_cmsghdr) <= inlen) {
		struct bsd_cmsghdr h;
		memcpy(&h, p + off, sizeof h);
		if (h.cmsg_len < sizeof h || h.cmsg_len > inlen - off)
			return -EINVAL;
		size_t datalen = h.cmsg_len > BSD_CMSG_HDRSPACE ? h.cmsg_len - BSD_CMSG_HDRSPACE : 0;
		const struct bsd_cmsg_pair *m = pair_by_guest(abi, h.cmsg_level, h.cmsg_type);
		if (m && h.cmsg_len < BSD_CMSG_HDRSPACE) {
			/* A header with no data area (12..15 bytes) carries
			 * nothing, and as Linux's 16-byte header it would be
			 * the one message that grows: leave it out. */
		} else if (m) {
			if (used + CMSG_LEN(datalen) > outcap)
				return -ENOBUFS;
			struct cmsghdr lh = { .cmsg_len = CMSG_LEN(datalen),
			                      .cmsg_level = m->ll, .cmsg_type = m->lt };
			memcpy(o + used, &lh, sizeof lh);
			memcpy(o + used + CMSG_LEN(0), p + off + BSD_CMSG_HDRSPACE, datalen);
			size_t space = CMSG_SPACE(datalen);
			if (used + space > outcap)
				space = outcap - used;
			memset(o + used + CMSG_LEN(datalen), 0, space - CMSG_LEN(datalen));
			used += space;
		} else if (drop) {
			drop(ctx, h.cmsg_level, h.cmsg_type, true);
		}
		off += BSD_CMSG_ALIGN(h.cmsg_len);
	}
	*outlen = used;
	return 0;
}

/* Put one guest message; false if it does not fit. */
static bool put_cmsg(char *o, size_t *used, size_t outcap, int level, int type,
                     const void *data, size_t datalen)
{
	if (*used + BSD_CMSG_LEN(datalen) > outcap)
		return false;
	struct bsd_cmsghdr h = { .cmsg_len = (uint32_t)BSD_CMSG_LEN(datalen),
	                         .cmsg_level = level, .cmsg_type = type };
	memset(o + *used, 0, BSD_CMSG_HDRSPACE);
	memcpy(o + *used, &h, sizeof h);
	memcpy(o + *used + BSD_CMSG_HDRSPACE, data, datalen);
	size_t space = BSD_CMSG_SPACE(datalen);
	if (*used + space > outcap)
		space = outcap - *used;
	memset(o + *used + BSD_CMSG_LEN(datalen), 0, space - BSD_CMSG_LEN(datalen));
	*used += space;
	return true;
}

void bsd_cmsgs_from_linux(const struct bsd_sockabi *abi, const void *in, size_t inlen, void *out,
                          size_t outcap, size_t *outlen, int *flags, bsd_cmsg_drop_fn drop,
                          void *ctx)
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
		int gl = -1, gt = -1;
		unsigned char byte;
		const struct bsd_cmsg_pair *m = pair_by_linux(abi, h.cmsg_level, h.cmsg_type);
		if (m) {
			gl = m->gl;
			gt = m->gt;
		}
		if (h.cmsg_level == SOL_SOCKET && h.cmsg_type == SCM_TIMESTAMP &&
		    abi->scm_timestamp >= 0) {
			gl = BSD_SOL_SOCKET;          /* struct timeval on both */
			gt = abi->scm_timestamp;
		} else if (h.cmsg_level == IPPROTO_IP && datalen >= 1 &&
		           ((h.cmsg_type == IP_TTL && abi->ip_recvttl >= 0) ||
		            (h.cmsg_type == IP_TOS && abi->ip_recvtos >= 0))) {
			/* Linux: IP_TTL as an int, IP_TOS as a byte; the BSDs:
			 * one byte for both (ip_savecontrol). */
			if (h.cmsg_type == IP_TTL && datalen >= sizeof(int)) {
				int v;
				memcpy(&v, data, sizeof v);
				byte = (unsigned char)v;
			} else {
				byte = (unsigned char)data[0];
			}
			gl = abi->ipproto_ip;
			gt = h.cmsg_type == IP_TTL ? abi->ip_recvttl : abi->ip_recvtos;
			data = (const char *)&byte;
			datalen = 1;
		}
		if (gl < 0) {
			if (drop)
				drop(ctx, h.cmsg_level, h.cmsg_type, false);
		} else if (!put_cmsg(out, &used, outcap, gl, gt, data, datalen)) {
			*flags |= abi->msg_ctrunc;
			break;
		}
		off += CMSG_ALIGN(h.cmsg_len);
	}
	*outlen = used;
}

/* ---- options ---- */

/* A level-0 entry is SOL_LOCAL when its Linux side is SOL_SOCKET. */
static bool is_local_entry(const struct bsd_sockopt *o)
{
	return o->level == BSD_SOL_LOCAL && o->lnx_level == SOL_SOCKET;
}

const struct bsd_sockopt *bsd_sockopt_lookup(const struct bsd_sockabi *abi, int level, int name,
                                             bool local, bool *level_known)
{
	*level_known = abi->level_name(level, local) != NULL;
	for (size_t i = 0; i < abi->n_sockopts; i++) {
		const struct bsd_sockopt *o = &abi->sockopts[i];
		if (o->level != level || o->name != name)
			continue;
		if (level == 0 && is_local_entry(o) != local)
			continue;
		return o;
	}
	return NULL;
}
