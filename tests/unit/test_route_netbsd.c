/* Unit tests for the routing sysctl's message builder with NetBSD's
 * messages (personality/netbsd/sysctl_route.c on the shared builder in
 * personality/bsd/sysctl_route.c), on a hand-made interface list.  NetBSD
 * values are written out literally from sys/net/route.h, sys/net/if.h,
 * sys/net/if_dl.h, sys/net/if.c (if_dl_create) and sys/net/rtsock.c
 * (sysctl_iflist, sysctl_rtable), cross-checked with Go's
 * syscall/ztypes_netbsd_amd64.go and x/net/route zsys_netbsd.go, the
 * layout Go's net.Interfaces parses. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "abi/netbsd/route.h"
#include "personality/netbsd/sysctl_route.h"

#define LOWER_UP 0x10000
static struct sockaddr_storage in4(const char *s)
{
	struct sockaddr_storage ss;
	memset(&ss, 0, sizeof ss);
	struct sockaddr_in *a = (struct sockaddr_in *)&ss;
	a->sin_family = AF_INET;
	inet_pton(AF_INET, s, &a->sin_addr);
	return ss;
}

static struct sockaddr_storage in6(const char *s, unsigned scope)
{
	struct sockaddr_storage ss;
	memset(&ss, 0, sizeof ss);
	struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
	a->sin6_family = AF_INET6;
	inet_pton(AF_INET6, s, &a->sin6_addr);
	a->sin6_scope_id = scope;
	return ss;
}

static struct route_ifaddr lo_addrs[2], eth_addrs[2];
static struct sockaddr_storage lo_groups[2], eth_groups[3];
static struct route_if ifs[2];

static void setup(void)
{
	memset(ifs, 0, sizeof ifs);
	memset(lo_addrs, 0, sizeof lo_addrs);
	memset(eth_addrs, 0, sizeof eth_addrs);

	lo_addrs[0].addr = in4("127.0.0.1");
	lo_addrs[0].mask = in4("255.0.0.0");
	lo_addrs[1].addr = in6("::1", 0);
	lo_addrs[1].mask = in6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 0);
	lo_groups[0] = in4("224.0.0.1");
	lo_groups[1] = in6("ff02::1", 0);
	strcpy(ifs[0].name, "lo");
	ifs[0].index = 1;
	ifs[0].flags = IFF_UP | IFF_LOOPBACK | IFF_RUNNING | LOWER_UP;
	ifs[0].arphrd = ARPHRD_LOOPBACK;
	ifs[0].mtu = 65536;
	ifs[0].hwlen = 6;       /* Linux: 00:00:00:00:00:00 */
	ifs[0].stats.ipackets = 7;
	ifs[0].stats.obytes = 1234;
	ifs[0].addrs = lo_addrs;
	ifs[0].naddrs = 2;
	ifs[0].groups = lo_groups;
	ifs[0].ngroups = 2;

	eth_addrs[0].addr = in4("192.0.2.2");
	eth_addrs[0].mask = in4("255.255.255.0");
	eth_addrs[0].brd = in4("192.0.2.255");
	eth_addrs[1].addr = in6("fe80::1", 0);       /* zone left for the builder */
	eth_addrs[1].mask = in6("ffff:ffff:ffff:ffff::", 0);
	eth_groups[0] = in4("224.0.0.1");
	eth_groups[1] = in6("ff02::1:ff00:1", 0);
	eth_groups[2] = in6("ff05::2", 0);
	strcpy(ifs[1].name, "eth0");
	ifs[1].index = 4;
	ifs[1].flags = IFF_UP | IFF_BROADCAST | IFF_RUNNING | IFF_MULTICAST | LOWER_UP;
	ifs[1].arphrd = ARPHRD_ETHER;
	ifs[1].mtu = 1400;
	memcpy(ifs[1].hwaddr, "\x02\xfc\x00\x00\x00\x01", 6);
	ifs[1].hwlen = 6;
	ifs[1].addrs = eth_addrs;
	ifs[1].naddrs = 2;
	ifs[1].groups = eth_groups;
	ifs[1].ngroups = 3;
}

TestSuite(nbsd_route, .init = setup);

static uint8_t buf[8192];

static long build(int af, int op, int index)
{
	memset(buf, 0xee, sizeof buf);
	long n = nbsd_route_build(ifs, 2, af, op, index, buf, sizeof buf);
	cr_assert_gt(n, 0);
	cr_assert_lt(n, (long)sizeof buf);
	return n;
}

static uint16_t u16at(size_t off) { uint16_t v; memcpy(&v, buf + off, 2); return v; }
static uint32_t u32at(size_t off) { uint32_t v; memcpy(&v, buf + off, 4); return v; }
static uint64_t u64at(size_t off) { uint64_t v; memcpy(&v, buf + off, 8); return v; }

/* Offsets of the messages in buf[0..n): every msglen in range and a
 * multiple of 8 (RT_ROUNDUP), every version RTM_VERSION 4. */
static int messages(long n, size_t *off, int max)
{
	int k = 0;
	size_t p = 0;
	while (p < (size_t)n) {
		cr_assert_lt(k, max);
		uint16_t l = u16at(p);
		cr_assert_geq(l, 24);
		cr_assert_eq(l % 8, 0, "msglen %u", l);
		cr_assert_leq(p + l, (size_t)n);
		cr_assert_eq(buf[p + 2], 4);
		off[k++] = p;
		p += l;
	}
	cr_assert_eq(p, (size_t)n);
	return k;
}

Test(nbsd_route, constants)
{
	cr_assert_eq(NBSD_AF_LINK, 18);
	cr_assert_eq(NBSD_AF_INET6, 24);
	cr_assert_eq(NBSD_PF_ROUTE, 34);
	cr_assert_eq(NBSD_NET_RT_IFLIST, 5);
	cr_assert_eq(NBSD_RTM_VERSION, 4);
	cr_assert_eq(NBSD_RTM_NEWADDR, 0xc);
	cr_assert_eq(NBSD_RTM_IFINFO, 0x14);
	cr_assert_eq(sizeof(struct nbsd_if_data), 136);
	cr_assert_eq(sizeof(struct nbsd_if_msghdr), 152);
	cr_assert_eq(sizeof(struct nbsd_ifa_msghdr), 24);
	cr_assert_eq(sizeof(struct nbsd_sockaddr_dl), 20);
	cr_assert_eq(NBSD_RT_ROUNDUP(0), 8);
	cr_assert_eq(NBSD_RT_ROUNDUP(10), 16);
	cr_assert_eq(NBSD_RT_ROUNDUP(16), 16);
	cr_assert_eq(NBSD_RT_ROUNDUP(28), 32);
}

Test(nbsd_route, iflist_layout)
{
	long n = build(0, 5, 0);
	size_t m[16];
	int k = messages(n, m, 16);
	/* per interface: IFINFO, the link-level address, then its IP addresses */
	cr_assert_eq(k, 8);
	static const uint8_t types[] = { 0x14, 0xc, 0xc, 0xc, 0x14, 0xc, 0xc, 0xc };
	for (int i = 0; i < k; i++)
		cr_assert_eq(buf[m[i] + 3], types[i], "message %d", i);

	/* lo's RTM_IFINFO: if_msghdr (152) + sockaddr_dl (8 + "lo" = 10,
	 * rounded to 16 by if_dl_create) */
	size_t p = m[0];
	cr_assert_eq(u16at(p), 152 + 16);
	cr_assert_eq(u32at(p + 4), 0x10);               /* RTA_IFP */
	cr_assert_eq(u32at(p + 8), 0x1 | 0x8 | 0x40);   /* UP LOOPBACK RUNNING */
	cr_assert_eq(u16at(p + 12), 1);
	size_t d = p + 16;                              /* if_data */
	cr_assert_eq(buf[d + 0], 0x18);                 /* IFT_LOOP */
	cr_assert_eq(buf[d + 1], 0);                    /* ifi_addrlen */
	cr_assert_eq(buf[d + 2], 0);                    /* ifi_hdrlen */
	cr_assert_eq(u32at(d + 4), 2);                  /* LINK_STATE_UP, an int */
	cr_assert_eq(u64at(d + 8), 65536);              /* ifi_mtu, 64 bits */
	cr_assert_eq(u64at(d + 16), 0);                 /* ifi_metric */
	cr_assert_eq(u64at(d + 32), 7);                 /* ifi_ipackets */
	cr_assert_eq(u64at(d + 80), 1234);              /* ifi_obytes */
	cr_assert_eq(u64at(d + 120), 0);                /* ifi_lastchange */
	size_t s = p + 152;                             /* sockaddr_dl */
	static const uint8_t lo_sdl[16] = { 16, 18, 1, 0, 0x18, 2, 0, 0, 'l', 'o' };
	cr_assert_arr_eq(buf + s, lo_sdl, 16);

	/* lo's link-level address as RTM_NEWADDR: ifa_msghdr (24), netmask
	 * (sdl_len 8 + "lo", no family, ones over the name; padded to 16),
	 * the sockaddr_dl again */
	p = m[1];
	cr_assert_eq(u16at(p), 24 + 16 + 16);
	cr_assert_eq(u32at(p + 4), 0x04 | 0x20);        /* RTA_NETMASK | RTA_IFA */
	cr_assert_eq(u32at(p + 8), 0);                  /* ifam_flags */
	cr_assert_eq(u32at(p + 12), 0);                 /* ifam_metric */
	cr_assert_eq(u16at(p + 16), 1);                 /* ifam_index */
	static const uint8_t lo_mask[16] = { 10, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	cr_assert_arr_eq(buf + p + 24, lo_mask, 16);
	cr_assert_arr_eq(buf + p + 40, lo_sdl, 16);

	/* 127.0.0.1/8: netmask then address, sockaddr_in each (16) */
	p = m[2];
	cr_assert_eq(u16at(p), 24 + 16 + 16);
	cr_assert_eq(u32at(p + 4), 0x04 | 0x20);
	cr_assert_eq(u16at(p + 16), 1);
	static const uint8_t mask8[8] = { 16, 2, 0, 0, 255, 0, 0, 0 };
	static const uint8_t lo4[8] = { 16, 2, 0, 0, 127, 0, 0, 1 };
	cr_assert_arr_eq(buf + p + 24, mask8, 8);
	cr_assert_arr_eq(buf + p + 40, lo4, 8);

	/* ::1/128: sockaddr_in6 (28, padded to 32), family 24 */
	p = m[3];
	cr_assert_eq(u16at(p), 24 + 32 + 32);
	cr_assert_eq(buf[p + 24], 28);
	cr_assert_eq(buf[p + 25], 24);
	cr_assert_eq(buf[p + 56], 28);
	cr_assert_eq(buf[p + 57], 24);
	cr_assert_eq(buf[p + 56 + 8 + 15], 1);
	cr_assert_eq(u32at(p + 56 + 28), 0);            /* padding */

	/* eth0's RTM_IFINFO: sockaddr_dl 8 + "eth0" + 6-byte MAC = 18 -> 24 */
	p = m[4];
	cr_assert_eq(u16at(p), 152 + 24);
	cr_assert_eq(u32at(p + 8), 0x1 | 0x2 | 0x40 | 0x8000);
	cr_assert_eq(u16at(p + 12), 4);
	cr_assert_eq(buf[p + 16], 6);                   /* IFT_ETHER */
	cr_assert_eq(buf[p + 17], 6);                   /* ifi_addrlen */
	cr_assert_eq(buf[p + 18], 14);                  /* ETHER_HDR_LEN */
	cr_assert_eq(u64at(p + 16 + 8), 1400);
	static const uint8_t eth_sdl[24] = { 24, 18, 4, 0, 6, 4, 6, 0, 'e', 't', 'h', '0',
	                                     0x02, 0xfc, 0, 0, 0, 1 };
	cr_assert_arr_eq(buf + p + 152, eth_sdl, 24);

	/* its link-level RTM_NEWADDR: mask 8 + 4 = 12 -> 16, sdl 24 */
	p = m[5];
	cr_assert_eq(u16at(p), 24 + 16 + 24);
	cr_assert_eq(u16at(p + 16), 4);
	cr_assert_eq(buf[p + 24], 12);
	cr_assert_eq(buf[p + 25], 0);
	cr_assert_eq(u32at(p + 24 + 8), 0xffffffff);
	cr_assert_arr_eq(buf + p + 40, eth_sdl, 24);

	/* 192.0.2.2/24 with its broadcast address: RTA_NETMASK|IFA|BRD */
	p = m[6];
	cr_assert_eq(u16at(p), 24 + 3 * 16);
	cr_assert_eq(u32at(p + 4), 0x04 | 0x20 | 0x80);
	static const uint8_t brd[8] = { 16, 2, 0, 0, 192, 0, 2, 255 };
	cr_assert_arr_eq(buf + p + 24 + 32, brd, 8);

	/* fe80::1: the zone in sin6_scope_id */
	p = m[7];
	cr_assert_eq(u16at(p), 24 + 32 + 32);
	cr_assert_eq(buf[p + 56 + 1], 24);
	cr_assert_eq(buf[p + 56 + 8], 0xfe);
	cr_assert_eq(buf[p + 56 + 9], 0x80);
	cr_assert_eq(u32at(p + 56 + 24), 4);
}

Test(nbsd_route, family_and_index_filters)
{
	size_t m[16];
	/* AF_INET: IFINFO and the IPv4 address of each */
	cr_assert_eq(messages(build(2, 5, 0), m, 16), 4);
	cr_assert_eq(u16at(m[1]), 24 + 16 + 16);
	cr_assert_eq(buf[m[1] + 24 + 16 + 1], 2);
	/* AF_INET6 is 24 on NetBSD (28 is nothing here) */
	cr_assert_eq(messages(build(24, 5, 0), m, 16), 4);
	cr_assert_eq(buf[m[1] + 24 + 32 + 1], 24);
	cr_assert_eq(messages(build(28, 5, 0), m, 16), 2);
	/* AF_LINK: IFINFO and the link-level RTM_NEWADDR */
	cr_assert_eq(messages(build(18, 5, 0), m, 16), 4);
	cr_assert_eq(buf[m[1] + 24 + 16 + 1], 18);
	/* one interface */
	cr_assert_eq(messages(build(0, 5, 4), m, 16), 4);
	cr_assert_eq(u16at(m[0] + 12), 4);
	cr_assert_eq(nbsd_route_build(ifs, 2, 0, 5, 9, buf, sizeof buf), 0);
}

Test(nbsd_route, other_ops)
{
	/* FreeBSD's NET_RT_IFLIST (3) and IFMALIST (4), NetBSD 8's IFLIST
	 * (6), the routing table: not built */
	static const int ops[] = { 1, 3, 4, 6, -1, 0 };
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		cr_assert_eq(nbsd_route_build(ifs, 2, 0, ops[i], 0, NULL, 0), -EOPNOTSUPP,
		             "op %d", ops[i]);
}

Test(nbsd_route, whole_messages)
{
	long n = build(0, 5, 0);
	size_t m[16];
	messages(n, m, 16);
	/* sysctl_rtable copies out only whole messages, none after the
	 * first that does not fit */
	cr_assert_eq(bsd_route_whole(buf, (size_t)n, (size_t)n), (size_t)n);
	cr_assert_eq(bsd_route_whole(buf, (size_t)n, (size_t)n + 100), (size_t)n);
	cr_assert_eq(bsd_route_whole(buf, (size_t)n, m[2] + 10), m[2]);
	cr_assert_eq(bsd_route_whole(buf, (size_t)n, m[1] - 1), m[0]);
	cr_assert_eq(bsd_route_whole(buf, (size_t)n, 0), 0);
	/* the size alone, without a buffer */
	cr_assert_eq(nbsd_route_build(ifs, 2, 0, 5, 0, NULL, 0), n);
}
