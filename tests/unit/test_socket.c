/* Unit tests for abi/freebsd/socket.{h,c}.  FreeBSD values are written out
 * literally from sys/sys/socket.h, sys/sys/un.h, sys/netinet/in.h,
 * sys/netinet6/in6.h and sys/netinet/tcp.h (amd64); Linux values are the
 * host's. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>

#include "abi/freebsd/socket.h"

Test(socket, constants)
{
	cr_assert_eq(FBSD_AF_UNIX, 1);
	cr_assert_eq(FBSD_AF_INET, 2);
	cr_assert_eq(FBSD_AF_INET6, 28);
	cr_assert_eq(FBSD_SOCK_CLOEXEC, 0x10000000);
	cr_assert_eq(FBSD_SOCK_NONBLOCK, 0x20000000);
	cr_assert_eq(FBSD_SOL_SOCKET, 0xffff);
	cr_assert_eq(FBSD_SO_REUSEADDR, 0x4);
	cr_assert_eq(FBSD_SO_KEEPALIVE, 0x8);
	cr_assert_eq(FBSD_SO_BROADCAST, 0x20);
	cr_assert_eq(FBSD_SO_LINGER, 0x80);
	cr_assert_eq(FBSD_SO_NOSIGPIPE, 0x800);
	cr_assert_eq(FBSD_SO_SNDBUF, 0x1001);
	cr_assert_eq(FBSD_SO_RCVTIMEO, 0x1006);
	cr_assert_eq(FBSD_SO_ERROR, 0x1007);
	cr_assert_eq(FBSD_SO_TYPE, 0x1008);
	cr_assert_eq(FBSD_SO_DOMAIN, 0x1019);
	cr_assert_eq(FBSD_SCM_RIGHTS, 1);
	cr_assert_eq(FBSD_SCM_TIMESTAMP, 2);
	cr_assert_eq(FBSD_SCM_CREDS, 3);
	cr_assert_eq(FBSD_MSG_OOB, 0x1);
	cr_assert_eq(FBSD_MSG_PEEK, 0x2);
	cr_assert_eq(FBSD_MSG_EOR, 0x8);
	cr_assert_eq(FBSD_MSG_TRUNC, 0x10);
	cr_assert_eq(FBSD_MSG_CTRUNC, 0x20);
	cr_assert_eq(FBSD_MSG_WAITALL, 0x40);
	cr_assert_eq(FBSD_MSG_DONTWAIT, 0x80);
	cr_assert_eq(FBSD_MSG_NOSIGNAL, 0x20000);
	cr_assert_eq(FBSD_MSG_CMSG_CLOEXEC, 0x40000);
	cr_assert_eq(FBSD_IPPROTO_IPV6, 41);
	cr_assert_eq(FBSD_IP_TOS, 3);
	cr_assert_eq(FBSD_IP_TTL, 4);
	cr_assert_eq(FBSD_IP_MULTICAST_IF, 9);
	cr_assert_eq(FBSD_IP_ADD_MEMBERSHIP, 12);
	cr_assert_eq(FBSD_IPV6_V6ONLY, 27);
	cr_assert_eq(FBSD_IPV6_JOIN_GROUP, 12);
	cr_assert_eq(FBSD_IPV6_PKTINFO, 46);
	cr_assert_eq(FBSD_TCP_NODELAY, 1);
	cr_assert_eq(FBSD_TCP_NOPUSH, 4);
	cr_assert_eq(FBSD_TCP_KEEPIDLE, 0x100);
	cr_assert_eq(FBSD_TCP_KEEPINTVL, 0x200);
	cr_assert_eq(FBSD_TCP_KEEPCNT, 0x400);
	cr_assert_eq(FBSD_LOCAL_PEERCRED, 1);
}

Test(socket, layouts)
{
	cr_assert_eq(sizeof(struct fbsd_sockaddr_in), 16);
	cr_assert_eq(sizeof(struct fbsd_sockaddr_in6), 28);
	cr_assert_eq(sizeof(struct fbsd_sockaddr_un), 106);
	cr_assert_eq(offsetof(struct fbsd_sockaddr_un, sun_path), 2);
	cr_assert_eq(sizeof(struct fbsd_msghdr), 48);
	cr_assert_eq(offsetof(struct fbsd_msghdr, msg_iovlen), 24);
	cr_assert_eq(offsetof(struct fbsd_msghdr, msg_control), 32);
	cr_assert_eq(offsetof(struct fbsd_msghdr, msg_controllen), 40);
	cr_assert_eq(offsetof(struct fbsd_msghdr, msg_flags), 44);
	cr_assert_eq(sizeof(struct fbsd_cmsghdr), 12);
	cr_assert_eq(FBSD_CMSG_LEN(8), 24);
	cr_assert_eq(FBSD_CMSG_SPACE(4), 24);
	cr_assert_eq(FBSD_CMSG_SPACE(1), 24);
	cr_assert_eq(sizeof(struct fbsd_xucred), 88);
	cr_assert_eq(sizeof(struct fbsd_cmsgcred), 84);
}

Test(socket, domains_and_types)
{
	cr_assert_eq(fbsd_domain_to_linux(28), AF_INET6);
	cr_assert_eq(fbsd_domain_to_linux(1), AF_UNIX);
	cr_assert_eq(fbsd_domain_to_linux(2), AF_INET);
	cr_assert_eq(fbsd_domain_to_linux(17), -1);    /* AF_ROUTE */
	cr_assert_eq(fbsd_domain_from_linux(AF_INET6), 28);
	cr_assert_eq(fbsd_domain_from_linux(AF_NETLINK), -1);
	cr_assert_eq(fbsd_socktype_to_linux(0x30000001), SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK);
	cr_assert_eq(fbsd_socktype_to_linux(0x10000002), SOCK_DGRAM | SOCK_CLOEXEC);
	cr_assert_eq(fbsd_socktype_to_linux(5), SOCK_SEQPACKET);
	cr_assert_eq(fbsd_accept4_flags_to_linux(0x30000000), SOCK_CLOEXEC | SOCK_NONBLOCK);
	cr_assert_eq(fbsd_accept4_flags_to_linux(0), 0);
	cr_assert_eq(fbsd_accept4_flags_to_linux(0x1), -1);
}

Test(socket, msg_flags)
{
	int unk = -1;
	cr_assert_eq(fbsd_msg_flags_to_linux(0x80 | 0x20000 | 0x40 | 0x2 | 0x1, &unk),
	             MSG_DONTWAIT | MSG_NOSIGNAL | MSG_WAITALL | MSG_PEEK | MSG_OOB);
	cr_assert_eq(unk, 0);
	cr_assert_eq(fbsd_msg_flags_to_linux(0x40000 | 0x8 | 0x4, &unk),
	             MSG_CMSG_CLOEXEC | MSG_EOR | MSG_DONTROUTE);
	cr_assert_eq(unk, 0);
	/* MSG_NBIO acts as MSG_DONTWAIT; MSG_TRUNC/CTRUNC are output-only. */
	cr_assert_eq(fbsd_msg_flags_to_linux(0x4000 | 0x10 | 0x20, &unk), MSG_DONTWAIT);
	cr_assert_eq(unk, 0);
	cr_assert_eq(fbsd_msg_flags_to_linux(0x100 | 0x80000000, &unk), 0);
	cr_assert_eq(unk, 0x100 | (int)0x80000000);
	cr_assert_eq(fbsd_msg_flags_from_linux(MSG_TRUNC | MSG_CTRUNC | MSG_EOR | MSG_OOB),
	             0x10 | 0x20 | 0x8 | 0x1);
	cr_assert_eq(fbsd_msg_flags_from_linux(MSG_CMSG_CLOEXEC | MSG_ERRQUEUE | MSG_DONTWAIT), 0);
}

Test(socket, sockaddr_in_to_linux)
{
	/* 127.0.0.1:8080; sa_len deliberately wrong: the length argument wins. */
	const unsigned char in[16] = { 99, 2, 0x1f, 0x90, 127, 0, 0, 1 };
	const unsigned char want[16] = { 2, 0, 0x1f, 0x90, 127, 0, 0, 1 };
	struct sockaddr_storage out;
	socklen_t len = 0;
	cr_assert_eq(fbsd_sockaddr_to_linux(in, 16, &out, &len), 0);
	cr_assert_eq(len, 16);
	cr_assert_arr_eq(&out, want, 16);
	/* Too short for a sockaddr_in. */
	cr_assert_eq(fbsd_sockaddr_to_linux(in, 8, &out, &len), -EINVAL);
}

Test(socket, sockaddr_in6_to_linux)
{
	/* [::1]:443, flowinfo 0x01020304 (as stored), scope id 5 */
	unsigned char in[28] = { 28, 28, 0x01, 0xbb, 4, 3, 2, 1 };
	in[8 + 15] = 1;
	in[24] = 5;
	unsigned char want[28] = { 10, 0, 0x01, 0xbb, 4, 3, 2, 1 };
	want[8 + 15] = 1;
	want[24] = 5;
	struct sockaddr_storage out;
	socklen_t len = 0;
	cr_assert_eq(fbsd_sockaddr_to_linux(in, 28, &out, &len), 0);
	cr_assert_eq(len, 28);
	cr_assert_arr_eq(&out, want, 28);
	cr_assert_eq(fbsd_sockaddr_to_linux(in, 24, &out, &len), -EINVAL);
}

Test(socket, sockaddr_un_to_linux)
{
	struct sockaddr_storage out;
	socklen_t len = 0;
	/* Go's form: sun_len = 3 + n, NUL included. */
	const unsigned char go[] = { 9, 1, '/', 't', 'm', 'p', '/', 's', 0 };
	cr_assert_eq(fbsd_sockaddr_to_linux(go, sizeof go, &out, &len), 0);
	cr_assert_eq(len, offsetof(struct sockaddr_un, sun_path) + 7);
	const unsigned char want[] = { 1, 0, '/', 't', 'm', 'p', '/', 's', 0 };
	cr_assert_arr_eq(&out, want, sizeof want);
	/* SUN_LEN form, no NUL. */
	cr_assert_eq(fbsd_sockaddr_to_linux(go, 8, &out, &len), 0);
	cr_assert_str_eq(((struct sockaddr_un *)&out)->sun_path, "/tmp/s");
	/* sizeof(struct sockaddr_un) with a zero-padded path. */
	unsigned char full[106] = { 106, 1, 'a', 'b' };
	cr_assert_eq(fbsd_sockaddr_to_linux(full, 106, &out, &len), 0);
	cr_assert_str_eq(((struct sockaddr_un *)&out)->sun_path, "ab");
	cr_assert_eq(len, offsetof(struct sockaddr_un, sun_path) + 3);
	/* A 104-byte path without NUL fits. */
	memset(full + 2, 'x', 104);
	cr_assert_eq(fbsd_sockaddr_to_linux(full, 106, &out, &len), 0);
	cr_assert_eq(strlen(((struct sockaddr_un *)&out)->sun_path), 104);
	/* Longer than struct sockaddr_un, empty path (no abstract names). */
	unsigned char big[120] = { 120, 1, 'a' };
	cr_assert_eq(fbsd_sockaddr_to_linux(big, 120, &out, &len), -EINVAL);
	const unsigned char empty[] = { 3, 1, 0 };
	cr_assert_eq(fbsd_sockaddr_to_linux(empty, 3, &out, &len), -EINVAL);
	const unsigned char abstract[] = { 5, 1, 0, 'a', 'b' };
	cr_assert_eq(fbsd_sockaddr_to_linux(abstract, 5, &out, &len), -EINVAL);
	cr_assert_eq(fbsd_sockaddr_to_linux(empty, 2, &out, &len), -EINVAL);
}

Test(socket, sockaddr_to_linux_errors)
{
	unsigned char buf[256] = { 0, 2 };
	struct sockaddr_storage out;
	socklen_t len;
	cr_assert_eq(fbsd_sockaddr_to_linux(buf, 256, &out, &len), -ENAMETOOLONG);
	cr_assert_eq(fbsd_sockaddr_to_linux(buf, 1, &out, &len), -EINVAL);
	buf[1] = 17;    /* AF_ROUTE */
	cr_assert_eq(fbsd_sockaddr_to_linux(buf, 16, &out, &len), -EAFNOSUPPORT);
	buf[1] = 0;     /* AF_UNSPEC: connect() to dissolve an association */
	cr_assert_eq(fbsd_sockaddr_to_linux(buf, 16, &out, &len), 0);
	cr_assert_eq(out.ss_family, AF_UNSPEC);
	cr_assert_eq(len, 16);
}

Test(socket, sockaddr_from_linux_inet)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(8080),
	                           .sin_addr.s_addr = htonl(0x7f000001) };
	struct fbsd_sockaddr_storage out;
	cr_assert_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&sin, sizeof sin, &out), 16);
	const unsigned char want[16] = { 16, 2, 0x1f, 0x90, 127, 0, 0, 1 };
	cr_assert_arr_eq(&out, want, 16);

	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6, .sin6_port = htons(443),
	                             .sin6_addr = IN6ADDR_LOOPBACK_INIT, .sin6_scope_id = 3 };
	cr_assert_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&sin6, sizeof sin6, &out), 28);
	unsigned char want6[28] = { 28, 28, 0x01, 0xbb };
	want6[8 + 15] = 1;
	want6[24] = 3;
	cr_assert_arr_eq(&out, want6, 28);

	cr_assert_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&sin, 0, &out), 0);
	struct sockaddr nl = { .sa_family = AF_NETLINK };
	cr_assert_eq(fbsd_sockaddr_from_linux(&nl, sizeof nl, &out), 0);
}

Test(socket, sockaddr_from_linux_unix)
{
	struct sockaddr_un su = { .sun_family = AF_UNIX, .sun_path = "/tmp/s" };
	struct fbsd_sockaddr_storage out;
	socklen_t l = offsetof(struct sockaddr_un, sun_path) + 7;
	cr_assert_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&su, l, &out), 9);
	const unsigned char want[] = { 9, 1, '/', 't', 'm', 'p', '/', 's', 0 };
	cr_assert_arr_eq(&out, want, sizeof want);
	/* The kernel may report the full structure: the path ends at its NUL. */
	cr_assert_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&su, sizeof su, &out), 9);

	/* Unnamed (Linux: the family alone) -> FreeBSD's sun_noname. */
	const unsigned char noname[16] = { 16, 1 };
	cr_assert_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&su, sizeof(sa_family_t), &out), 16);
	cr_assert_arr_eq(&out, noname, 16);
	/* Abstract (leading NUL): no FreeBSD form either. */
	struct sockaddr_un ab = { .sun_family = AF_UNIX, .sun_path = "\0abc" };
	cr_assert_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&ab, 6, &out), 16);
	cr_assert_arr_eq(&out, noname, 16);

	/* A path of 104 bytes fills sun_path with no NUL: sun_len 106. */
	memset(su.sun_path, 'y', 104);
	su.sun_path[104] = 0;
	cr_assert_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&su, sizeof su, &out), 106);
	cr_assert_eq(((struct fbsd_sockaddr_un *)&out)->sun_path[103], 'y');
}

/* ---- control messages ---- */

static int drops;
static int drop_level, drop_type;
static void count_drop(void *ctx, int level, int type, bool outgoing)
{
	(void)ctx;
	(void)outgoing;
	drops++;
	drop_level = level;
	drop_type = type;
}

Test(socket, cmsg_rights_to_linux)
{
	/* FreeBSD: cmsg_len 24 (u32), SOL_SOCKET 0xffff, SCM_RIGHTS, 4 bytes
	 * of padding, two descriptors; then SCM_CREDS (84-byte cmsgcred). */
	unsigned char in[24 + FBSD_CMSG_SPACE(84)];
	memset(in, 0, sizeof in);
	const unsigned char rights[24] = {
		24, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
		5, 0, 0, 0, 7, 0, 0, 0 };
	memcpy(in, rights, 24);
	struct fbsd_cmsghdr creds = { (uint32_t)FBSD_CMSG_LEN(84), 0xffff, 3 };
	memcpy(in + 24, &creds, sizeof creds);

	unsigned char out[sizeof in];
	size_t outlen = 0;
	drops = 0;
	cr_assert_eq(fbsd_cmsgs_to_linux(in, sizeof in, out, sizeof out, &outlen, count_drop, NULL), 0);
	/* Linux: cmsg_len 24 (u64), SOL_SOCKET 1, SCM_RIGHTS 1, descriptors. */
	const unsigned char want[24] = {
		24, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0,
		5, 0, 0, 0, 7, 0, 0, 0 };
	cr_assert_eq(outlen, 24);
	cr_assert_arr_eq(out, want, 24);
	cr_assert_eq(drops, 1);
	cr_assert_eq(drop_level, 0xffff);
	cr_assert_eq(drop_type, 3);
}

Test(socket, cmsg_to_linux_odd_sizes)
{
	/* One descriptor: cmsg_len 20, space 24. */
	unsigned char in[24] = { 20, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0 };
	unsigned char out[24];
	size_t outlen;
	cr_assert_eq(fbsd_cmsgs_to_linux(in, 24, out, sizeof out, &outlen, NULL, NULL), 0);
	cr_assert_eq(outlen, 24);
	struct cmsghdr h;
	memcpy(&h, out, sizeof h);
	cr_assert_eq(h.cmsg_len, 20);
	cr_assert_eq(*(int *)(out + 16), 9);
	/* The last message may stop at its data (controllen 20). */
	cr_assert_eq(fbsd_cmsgs_to_linux(in, 20, out, 20, &outlen, NULL, NULL), 0);
	cr_assert_eq(outlen, 20);
	/* cmsg_len below the header, or past the buffer: EINVAL. */
	in[0] = 8;
	cr_assert_eq(fbsd_cmsgs_to_linux(in, 24, out, sizeof out, &outlen, NULL, NULL), -EINVAL);
	in[0] = 40;
	cr_assert_eq(fbsd_cmsgs_to_linux(in, 24, out, sizeof out, &outlen, NULL, NULL), -EINVAL);
}

Test(socket, cmsg_ipv6_to_linux)
{
	unsigned char in[FBSD_CMSG_SPACE(4)] = { 20, 0, 0, 0, 41, 0, 0, 0, 47, 0, 0, 0 };
	in[16] = 64;    /* IPV6_HOPLIMIT 64 */
	unsigned char out[sizeof in];
	size_t outlen;
	cr_assert_eq(fbsd_cmsgs_to_linux(in, sizeof in, out, sizeof out, &outlen, NULL, NULL), 0);
	struct cmsghdr h;
	memcpy(&h, out, sizeof h);
	cr_assert_eq(h.cmsg_level, IPPROTO_IPV6);
	cr_assert_eq(h.cmsg_type, IPV6_HOPLIMIT);
	cr_assert_eq(out[16], 64);
}

static size_t put_linux_cmsg(unsigned char *buf, int level, int type, const void *data, size_t len)
{
	struct cmsghdr h = { .cmsg_len = CMSG_LEN(len), .cmsg_level = level, .cmsg_type = type };
	memset(buf, 0, CMSG_SPACE(len));
	memcpy(buf, &h, sizeof h);
	memcpy(buf + CMSG_LEN(0), data, len);
	return CMSG_SPACE(len);
}

Test(socket, cmsg_from_linux)
{
	unsigned char in[256];
	size_t n = 0;
	int fds[3] = { 4, 5, 6 };
	n += put_linux_cmsg(in + n, SOL_SOCKET, SCM_RIGHTS, fds, sizeof fds);
	struct timeval tv = { 1, 2 };
	n += put_linux_cmsg(in + n, SOL_SOCKET, SCM_TIMESTAMP, &tv, sizeof tv);
	int ttl = 63;
	n += put_linux_cmsg(in + n, IPPROTO_IP, IP_TTL, &ttl, sizeof ttl);
	struct ucred cr = { 1, 2, 3 };
	n += put_linux_cmsg(in + n, SOL_SOCKET, SCM_CREDENTIALS, &cr, sizeof cr);

	unsigned char out[256];
	size_t outlen = 0;
	int flags = 0;
	drops = 0;
	fbsd_cmsgs_from_linux(in, n, out, sizeof out, &outlen, &flags, count_drop, NULL);
	cr_assert_eq(flags, 0);
	cr_assert_eq(drops, 1);
	cr_assert_eq(drop_type, SCM_CREDENTIALS);
	const unsigned char rights[32] = {
		28, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
		4, 0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0 };
	cr_assert_arr_eq(out, rights, 32);
	const unsigned char stamp[16] = { 32, 0, 0, 0, 0xff, 0xff, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0 };
	cr_assert_arr_eq(out + 32, stamp, 16);
	cr_assert_arr_eq(out + 48, &tv, sizeof tv);
	/* IP_RECVTTL (65) as one byte: cmsg_len 17, space 24. */
	const unsigned char recvttl[24] = { 17, 0, 0, 0, 0, 0, 0, 0, 65, 0, 0, 0, 0, 0, 0, 0, 63 };
	cr_assert_arr_eq(out + 64, recvttl, 24);
	cr_assert_eq(outlen, 88);
	cr_assert_leq(outlen, n);
}

Test(socket, cmsg_from_linux_truncated)
{
	unsigned char in[64];
	int fds[2] = { 4, 5 };
	size_t n = put_linux_cmsg(in, SOL_SOCKET, SCM_RIGHTS, fds, sizeof fds);
	unsigned char out[64];
	size_t outlen = 99;
	int flags = 0;
	fbsd_cmsgs_from_linux(in, n, out, 20, &outlen, &flags, NULL, NULL);
	cr_assert_eq(outlen, 0);
	cr_assert_eq(flags, FBSD_MSG_CTRUNC);
}

/* ---- socket options ---- */

Test(socket, sockopt_lookup)
{
	bool lk;
	const struct fbsd_sockopt *o = fbsd_sockopt_lookup(0xffff, 0x4, false, &lk);
	cr_assert_not_null(o);
	cr_assert(lk);
	cr_assert_eq(o->lnx_level, SOL_SOCKET);
	cr_assert_eq(o->lnx_name, SO_REUSEADDR);
	cr_assert_eq(o->kind, FBSD_SOPT_FLAG);
	cr_assert_eq(o->bit, 0x4);

	o = fbsd_sockopt_lookup(41, 27, false, &lk);
	cr_assert_not_null(o);
	cr_assert_eq(o->lnx_level, IPPROTO_IPV6);
	cr_assert_eq(o->lnx_name, IPV6_V6ONLY);

	o = fbsd_sockopt_lookup(6, 0x100, false, &lk);
	cr_assert_eq(o->lnx_name, TCP_KEEPIDLE);
	o = fbsd_sockopt_lookup(6, 0x200, false, &lk);
	cr_assert_eq(o->lnx_name, TCP_KEEPINTVL);
	o = fbsd_sockopt_lookup(6, 0x400, false, &lk);
	cr_assert_eq(o->lnx_name, TCP_KEEPCNT);
	o = fbsd_sockopt_lookup(6, 1, false, &lk);
	cr_assert_eq(o->kind, FBSD_SOPT_FLAG);
	cr_assert_eq(o->bit, 4);       /* TF_NODELAY */
	o = fbsd_sockopt_lookup(6, 4, false, &lk);
	cr_assert_eq(o->lnx_name, TCP_CORK);

	o = fbsd_sockopt_lookup(0, 3, false, &lk);
	cr_assert_eq(o->lnx_level, IPPROTO_IP);
	cr_assert_eq(o->lnx_name, IP_TOS);
	o = fbsd_sockopt_lookup(0, 4, false, &lk);
	cr_assert_eq(o->lnx_name, IP_TTL);
	o = fbsd_sockopt_lookup(0, 9, false, &lk);
	cr_assert_eq(o->lnx_name, IP_MULTICAST_IF);

	/* Level 0 on an AF_UNIX socket is SOL_LOCAL. */
	o = fbsd_sockopt_lookup(0, 1, true, &lk);
	cr_assert_not_null(o);
	cr_assert_eq(o->kind, FBSD_SOPT_PEERCRED);
	cr_assert(o->get_only);
	o = fbsd_sockopt_lookup(0, 1, false, &lk);
	cr_assert_eq(o->lnx_name, IP_OPTIONS);

	o = fbsd_sockopt_lookup(0xffff, 0x1007, false, &lk);
	cr_assert_eq(o->kind, FBSD_SOPT_ERRNO);
	cr_assert(o->get_only);
	o = fbsd_sockopt_lookup(0xffff, 0x800, false, &lk);
	cr_assert_eq(o->kind, FBSD_SOPT_NOSIGPIPE);

	/* Unknown option of a known level; unknown level. */
	cr_assert_null(fbsd_sockopt_lookup(0xffff, 0x1014, false, &lk));   /* SO_SETFIB */
	cr_assert(lk);
	cr_assert_null(fbsd_sockopt_lookup(6, 32, false, &lk));            /* TCP_INFO */
	cr_assert(lk);
	cr_assert_null(fbsd_sockopt_lookup(1234, 1, false, &lk));
	cr_assert(!lk);
}
