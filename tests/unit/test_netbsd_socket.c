/* NetBSD's socket description through the shared converters
 * (abi/netbsd/socket.c, abi/bsd/socket.c): the numbers that differ from
 * FreeBSD's, byte by byte. */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/un.h>
#include "abi/netbsd/socket.h"

static const struct bsd_sockabi *A = &nbsd_sockabi;

Test(netbsd_socket, inet6_is_24_both_ways)
{
    struct bsd_sockaddr_in6 g = { .sin6_len = 28, .sin6_family = 24, .sin6_port = htons(80) };
    g.sin6_addr[15] = 1;
    struct sockaddr_storage ss;
    socklen_t len;
    cr_assert_eq(bsd_sockaddr_to_linux(A, &g, sizeof g, &ss, &len), 0);
    cr_assert_eq(ss.ss_family, AF_INET6);
    cr_assert_eq(len, sizeof(struct sockaddr_in6));
    cr_assert_eq(((struct sockaddr_in6 *)&ss)->sin6_port, htons(80));
    struct bsd_sockaddr_storage out;
    cr_assert_eq(bsd_sockaddr_from_linux(A, (struct sockaddr *)&ss, len, &out), 28);
    cr_assert_eq(out.ss_len, 28);
    cr_assert_eq(out.ss_family, 24);
    cr_assert_eq(bsd_domain_to_linux(A, 24), AF_INET6);
    cr_assert_eq(bsd_domain_to_linux(A, 28), -1);   /* FreeBSD's number */
    cr_assert_eq(bsd_domain_from_linux(A, AF_INET6), 24);
}

Test(netbsd_socket, address_lengths_follow_sockargs)
{
    unsigned char b[300] = { 16, NBSD_AF_INET };
    struct sockaddr_storage ss;
    socklen_t len;
    cr_assert_eq(bsd_sockaddr_to_linux(A, b, 2, &ss, &len), -EINVAL);   /* <= 2 */
    cr_assert_eq(bsd_sockaddr_to_linux(A, b, 256, &ss, &len), -EINVAL); /* > UCHAR_MAX */
    cr_assert_eq(bsd_sockaddr_to_linux(A, b, 16, &ss, &len), 0);
    /* 4.3BSD: family 0 with sa_len below AF_MAX takes sa_len (AF_INET). */
    unsigned char old[16] = { NBSD_AF_INET, 0 };
    cr_assert_eq(bsd_sockaddr_to_linux(A, old, sizeof old, &ss, &len), 0);
    cr_assert_eq(ss.ss_family, AF_INET);
}

Test(netbsd_socket, unnamed_unix_address_is_2_bytes)
{
    struct sockaddr_un su = { .sun_family = AF_UNIX };
    struct bsd_sockaddr_storage out;
    cr_assert_eq(bsd_sockaddr_from_linux(A, (struct sockaddr *)&su, sizeof(sa_family_t), &out), 2);
    cr_assert_eq(out.ss_len, 2);
    cr_assert_eq(out.ss_family, NBSD_AF_UNIX);
}

Test(netbsd_socket, type_and_msg_flags)
{
    bool nosig = false;
    int t = bsd_socktype_to_linux(A, NBSD_SOCK_STREAM | NBSD_SOCK_NONBLOCK | NBSD_SOCK_CLOEXEC |
                                  NBSD_SOCK_NOSIGPIPE, &nosig);
    cr_assert_eq(t, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC);
    cr_assert(nosig);
    int unknown;
    cr_assert_eq(bsd_msg_flags_to_linux(A, NBSD_MSG_NOSIGNAL | NBSD_MSG_CMSG_CLOEXEC, &unknown),
                 MSG_NOSIGNAL | MSG_CMSG_CLOEXEC);
    cr_assert_eq(unknown, 0);
    cr_assert_eq(bsd_msg_flags_to_linux(A, NBSD_MSG_NBIO, &unknown), MSG_DONTWAIT);
    /* 0x100 is FreeBSD's MSG_EOF but NetBSD's output-only MSG_BCAST. */
    cr_assert_eq(bsd_msg_flags_to_linux(A, NBSD_MSG_BCAST, &unknown), 0);
    cr_assert_eq(unknown, 0);
    cr_assert_eq(bsd_msg_flags_to_linux(A, NBSD_MSG_WAITFORONE, &unknown), 0);
    cr_assert_eq(unknown, NBSD_MSG_WAITFORONE);
    cr_assert_eq(bsd_msg_flags_from_linux(A, MSG_TRUNC | MSG_CTRUNC), NBSD_MSG_TRUNC | NBSD_MSG_CTRUNC);
}

Test(netbsd_socket, options)
{
    bool known;
    const struct bsd_sockopt *o = bsd_sockopt_lookup(A, NBSD_SOL_SOCKET, NBSD_SO_REUSEADDR, false, &known);
    cr_assert_not_null(o);
    cr_assert_eq(o->kind, BSD_SOPT_FLAG);
    cr_assert_eq(o->bit, 1);     /* sogetopt1: (so_options & opt) ? 1 : 0 */
    o = bsd_sockopt_lookup(A, NBSD_SOL_SOCKET, NBSD_SO_RCVTIMEO, false, &known);
    cr_assert_not_null(o);
    cr_assert_eq(o->lnx_name, SO_RCVTIMEO);
    o = bsd_sockopt_lookup(A, NBSD_SOL_SOCKET, NBSD_SO_NOSIGPIPE, false, &known);
    cr_assert_eq(o->kind, BSD_SOPT_NOSIGPIPE);
    o = bsd_sockopt_lookup(A, NBSD_IPPROTO_TCP, NBSD_TCP_KEEPIDLE, false, &known);
    cr_assert_eq(o->lnx_name, TCP_KEEPIDLE);
    o = bsd_sockopt_lookup(A, NBSD_IPPROTO_IP, NBSD_IP_RECVTTL, false, &known);
    cr_assert_eq(o->lnx_name, IP_RECVTTL);
    o = bsd_sockopt_lookup(A, 0, NBSD_LOCAL_PEEREID, true, &known);
    cr_assert_eq(o->kind, BSD_SOPT_PEERCRED);
    unsigned char buf[32];
    cr_assert_eq(A->peercred_out(7, 8, 9, buf, sizeof buf), 12);
    /* FreeBSD's SO_DOMAIN number: no such option on NetBSD. */
    cr_assert_null(bsd_sockopt_lookup(A, NBSD_SOL_SOCKET, 0x1019, false, &known));
    cr_assert(known);
    cr_assert_null(bsd_sockopt_lookup(A, 12345, 1, false, &known));
    cr_assert_not(known);
}

Test(netbsd_socket, timestamp_and_ttl_messages)
{
    /* Linux SCM_TIMESTAMP (struct timeval) and IP_TTL (an int) become
     * NetBSD's SCM_TIMESTAMP 8 and one-byte IP_RECVTTL 23. */
    char in[64] = { 0 }, out[64];
    struct cmsghdr *h = (struct cmsghdr *)in;
    h->cmsg_len = CMSG_LEN(sizeof(int));
    h->cmsg_level = IPPROTO_IP;
    h->cmsg_type = IP_TTL;
    int ttl = 64;
    memcpy(CMSG_DATA(h), &ttl, sizeof ttl);
    size_t glen = 0;
    int flags = 0;
    bsd_cmsgs_from_linux(A, in, CMSG_SPACE(sizeof(int)), out, sizeof out, &glen, &flags, NULL, NULL);
    struct bsd_cmsghdr g;
    memcpy(&g, out, sizeof g);
    cr_assert_eq(g.cmsg_level, NBSD_IPPROTO_IP);
    cr_assert_eq(g.cmsg_type, NBSD_IP_RECVTTL);
    cr_assert_eq(g.cmsg_len, BSD_CMSG_LEN(1));
    cr_assert_eq((unsigned char)out[BSD_CMSG_HDRSPACE], 64);
    h->cmsg_len = CMSG_LEN(16);
    h->cmsg_level = SOL_SOCKET;
    h->cmsg_type = SCM_TIMESTAMP;
    bsd_cmsgs_from_linux(A, in, CMSG_SPACE(16), out, sizeof out, &glen, &flags, NULL, NULL);
    memcpy(&g, out, sizeof g);
    cr_assert_eq(g.cmsg_type, NBSD_SCM_TIMESTAMP);
    cr_assert_eq(g.cmsg_len, BSD_CMSG_LEN(16));
}
