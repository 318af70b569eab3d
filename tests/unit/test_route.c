/* Unit tests for the routing sysctl's message builder with FreeBSD's
 * messages (personality/freebsd/sysctl_route.c on the shared builder in
 * personality/bsd/sysctl_route.c) on a hand-made interface list, and
 * the layouts in abi/freebsd/route.h.  FreeBSD values are written out
 * literally from sys/net/route.h, sys/net/if.h, sys/net/if_dl.h and
 * sys/net/if_types.h (cross-checked with x/sys ztypes_freebsd_amd64.go). */
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

#include "abi/freebsd/route.h"
#include "abi/freebsd/socket.h"
#include "personality/freebsd/sysctl_route.h"

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

TestSuite(route, .init = setup);

static uint8_t buf[8192];

static long build(int af, int op, int index)
{
	memset(buf, 0xee, sizeof buf);
	long n = fbsd_route_build(ifs, 2, af, op, index, buf, sizeof buf);
	cr_assert_gt(n, 0);
	cr_assert_lt(n, (long)sizeof buf);
	return n;
}

static uint16_t u16at(size_t off) { uint16_t v; memcpy(&v, buf + off, 2); return v; }
static uint32_t u32at(size_t off) { uint32_t v; memcpy(&v, buf + off, 4); return v; }

/* Offsets of the messages in buf[0..n), checking every msglen is in range. */
static int messages(long n, size_t *off, int max)
{
	int k = 0;
	size_t p = 0;
	while (p < (size_t)n) {
		cr_assert_lt(k, max);
		uint16_t l = u16at(p);
		cr_assert_geq(l, 16);
		cr_assert_leq(p + l, (size_t)n);
		cr_assert_eq(buf[p + 2], FBSD_RTM_VERSION);
		off[k++] = p;
		p += l;
	}
	cr_assert_eq(p, (size_t)n);
	return k;
}

Test(route, constants)
{
	cr_assert_eq(FBSD_AF_LINK, 18);
	cr_assert_eq(FBSD_NET_RT_IFLIST, 3);
	cr_assert_eq(FBSD_NET_RT_IFMALIST, 4);
	cr_assert_eq(FBSD_NET_RT_IFLISTL, 5);
	cr_assert_eq(FBSD_RTM_NEWADDR, 0xc);
	cr_assert_eq(FBSD_RTM_IFINFO, 0xe);
	cr_assert_eq(FBSD_RTM_NEWMADDR, 0xf);
	cr_assert_eq(FBSD_RTA_NETMASK, 0x4);
	cr_assert_eq(FBSD_RTA_IFP, 0x10);
	cr_assert_eq(FBSD_RTA_IFA, 0x20);
	cr_assert_eq(FBSD_RTA_BRD, 0x80);
	cr_assert_eq(FBSD_IFT_ETHER, 6);
	cr_assert_eq(FBSD_IFT_LOOP, 24);
	cr_assert_eq(FBSD_IFF_MULTICAST, 0x8000);
	cr_assert_eq(sizeof(struct fbsd_if_msghdr), 168);
	cr_assert_eq(sizeof(struct fbsd_if_msghdrl), 176);
	cr_assert_eq(sizeof(struct fbsd_ifa_msghdr), 20);
	cr_assert_eq(sizeof(struct fbsd_ifa_msghdrl), 176);
	cr_assert_eq(sizeof(struct fbsd_ifma_msghdr), 16);
	cr_assert_eq(sizeof(struct fbsd_sockaddr_dl), 54);
}

Test(route, sa_size)
{
	cr_assert_eq(FBSD_SA_SIZE(0), 8);
	cr_assert_eq(FBSD_SA_SIZE(1), 8);
	cr_assert_eq(FBSD_SA_SIZE(8), 8);
	cr_assert_eq(FBSD_SA_SIZE(16), 16);
	cr_assert_eq(FBSD_SA_SIZE(28), 32);
	cr_assert_eq(FBSD_SA_SIZE(54), 56);
}

Test(route, flags)
{
	cr_assert_eq(fbsd_route_ifflags(IFF_UP | IFF_BROADCAST | IFF_RUNNING | IFF_MULTICAST),
	             0x1 | 0x2 | 0x40 | 0x8000);
	cr_assert_eq(fbsd_route_ifflags(IFF_LOOPBACK | IFF_POINTOPOINT | IFF_NOARP | IFF_PROMISC | IFF_ALLMULTI),
	             0x8 | 0x10 | 0x80 | 0x100 | 0x200);
	/* No FreeBSD counterpart: NOTRAILERS, MASTER, SLAVE, LOWER_UP. */
	cr_assert_eq(fbsd_route_ifflags(IFF_NOTRAILERS | IFF_MASTER | IFF_SLAVE | LOWER_UP), 0);
}

Test(route, iflist_layout)
{
	long n = build(0, FBSD_NET_RT_IFLIST, 0);
	size_t m[16];
	int k = messages(n, m, 16);
	/* lo: IFINFO, 127.0.0.1, ::1; eth0: IFINFO, 192.0.2.2, fe80::1 */
	cr_assert_eq(k, 6);
	static const uint8_t types[] = { 0xe, 0xc, 0xc, 0xe, 0xc, 0xc };
	for (int i = 0; i < k; i++)
		cr_assert_eq(buf[m[i] + 3], types[i], "message %d", i);

	/* lo's RTM_IFINFO: if_msghdr (168) + sockaddr_dl (54, padded to 56) */
	size_t p = m[0];
	cr_assert_eq(u16at(p), 168 + 56);
	cr_assert_eq(u32at(p + 4), FBSD_RTA_IFP);
	cr_assert_eq(u32at(p + 8), 0x1 | 0x8 | 0x40);
	cr_assert_eq(u16at(p + 12), 1);
	const uint8_t *d = buf + p + 16;            /* if_data */
	cr_assert_eq(d[0], FBSD_IFT_LOOP);
	cr_assert_eq(d[2], 0);                      /* no link-level address */
	cr_assert_eq(d[3], 0);
	cr_assert_eq(d[4], FBSD_LINK_STATE_UP);
	uint16_t datalen;
	memcpy(&datalen, d + 6, 2);
	cr_assert_eq(datalen, 152);
	uint32_t mtu;
	memcpy(&mtu, d + 8, 4);
	cr_assert_eq(mtu, 65536);
	uint64_t ipk, obytes;
	memcpy(&ipk, d + 24, 8);
	memcpy(&obytes, d + 24 + 6 * 8, 8);
	cr_assert_eq(ipk, 7);
	cr_assert_eq(obytes, 1234);
	const uint8_t *sdl = buf + p + 168;
	cr_assert_eq(sdl[0], 54);
	cr_assert_eq(sdl[1], 18);
	cr_assert_eq(sdl[2] | sdl[3] << 8, 1);
	cr_assert_eq(sdl[4], FBSD_IFT_LOOP);
	cr_assert_eq(sdl[5], 2);
	cr_assert_eq(sdl[6], 0);
	cr_assert_eq(sdl[7], 0);
	cr_assert_arr_eq(sdl + 8, "lo", 2);
	for (int i = 10; i < 56; i++)
		cr_assert_eq(sdl[i], 0, "sdl byte %d", i);

	/* 127.0.0.1/8: ifa_msghdr (20) + netmask (16) + address (16) */
	p = m[1];
	cr_assert_eq(u16at(p), 20 + 16 + 16);
	cr_assert_eq(u32at(p + 4), FBSD_RTA_NETMASK | FBSD_RTA_IFA);
	cr_assert_eq(u16at(p + 12), 1);
	static const uint8_t mask8[16] = { 16, 2, 0, 0, 255, 0, 0, 0 };
	static const uint8_t lo4[16] = { 16, 2, 0, 0, 127, 0, 0, 1 };
	cr_assert_arr_eq(buf + p + 20, mask8, 16);
	cr_assert_arr_eq(buf + p + 36, lo4, 16);

	/* ::1/128: 20 + 32 + 32 (sockaddr_in6 28, padded) */
	p = m[2];
	cr_assert_eq(u16at(p), 20 + 32 + 32);
	cr_assert_eq(buf[p + 20], 28);
	cr_assert_eq(buf[p + 21], 28);
	for (int i = 0; i < 16; i++)
		cr_assert_eq(buf[p + 20 + 8 + i], 0xff);
	cr_assert_eq(buf[p + 52], 28);
	cr_assert_eq(buf[p + 53], 28);
	cr_assert_eq(buf[p + 52 + 8 + 15], 1);
	cr_assert_eq(u32at(p + 52 + 24), 0);        /* no zone */
	cr_assert_eq(u32at(p + 52 + 28), 0);        /* padding */

	/* eth0's RTM_IFINFO: flags renumbered, Ethernet address in the sdl */
	p = m[3];
	cr_assert_eq(u16at(p), 168 + 56);
	cr_assert_eq(u32at(p + 8), 0x1 | 0x2 | 0x40 | 0x8000);
	cr_assert_eq(u16at(p + 12), 4);
	cr_assert_eq(buf[p + 16], FBSD_IFT_ETHER);
	cr_assert_eq(buf[p + 16 + 2], 6);
	cr_assert_eq(buf[p + 16 + 3], 14);
	sdl = buf + p + 168;
	cr_assert_eq(sdl[0], 54);
	cr_assert_eq(sdl[4], FBSD_IFT_ETHER);
	cr_assert_eq(sdl[5], 4);
	cr_assert_eq(sdl[6], 6);
	cr_assert_arr_eq(sdl + 8, "eth0\x02\xfc\x00\x00\x00\x01", 10);

	/* 192.0.2.2/24 with its broadcast address */
	p = m[4];
	cr_assert_eq(u16at(p), 20 + 3 * 16);
	cr_assert_eq(u32at(p + 4), FBSD_RTA_NETMASK | FBSD_RTA_IFA | FBSD_RTA_BRD);
	cr_assert_eq(u16at(p + 12), 4);
	static const uint8_t brd[16] = { 16, 2, 0, 0, 192, 0, 2, 255 };
	cr_assert_arr_eq(buf + p + 52, brd, 16);

	/* fe80::1: the zone is the interface, in sin6_scope_id */
	p = m[5];
	cr_assert_eq(u32at(p + 4), FBSD_RTA_NETMASK | FBSD_RTA_IFA);
	cr_assert_eq(buf[p + 52 + 8], 0xfe);
	cr_assert_eq(buf[p + 52 + 9], 0x80);
	cr_assert_eq(buf[p + 52 + 10], 0);          /* nothing embedded */
	cr_assert_eq(buf[p + 52 + 11], 0);
	cr_assert_eq(u32at(p + 52 + 24), 4);
	cr_assert_eq(u32at(p + 20 + 24), 0);        /* the netmask has none */
}

Test(route, family_and_index_filters)
{
	size_t m[16];
	/* AF_INET: every RTM_IFINFO, only IPv4 addresses */
	long n = build(FBSD_AF_INET, FBSD_NET_RT_IFLIST, 0);
	int k = messages(n, m, 16);
	cr_assert_eq(k, 4);
	cr_assert_eq(buf[m[1] + 3], FBSD_RTM_NEWADDR);
	cr_assert_eq(buf[m[1] + 20 + 1], 2);
	cr_assert_eq(buf[m[3] + 20 + 1], 2);
	/* AF_INET6 */
	n = build(FBSD_AF_INET6, FBSD_NET_RT_IFLIST, 0);
	k = messages(n, m, 16);
	cr_assert_eq(k, 4);
	cr_assert_eq(buf[m[1] + 20 + 1], 28);
	/* AF_LINK: the interfaces alone */
	n = build(FBSD_AF_LINK, FBSD_NET_RT_IFLIST, 0);
	k = messages(n, m, 16);
	cr_assert_eq(k, 2);
	/* one interface by index */
	n = build(0, FBSD_NET_RT_IFLIST, 4);
	k = messages(n, m, 16);
	cr_assert_eq(k, 3);
	cr_assert_eq(u16at(m[0] + 12), 4);
	/* an index no interface has: nothing */
	cr_assert_eq(fbsd_route_build(ifs, 2, 0, FBSD_NET_RT_IFLIST, 99, buf, sizeof buf), 0);
}

Test(route, iflistl_layout)
{
	long n = build(0, FBSD_NET_RT_IFLISTL, 1);
	size_t m[8];
	int k = messages(n, m, 8);
	cr_assert_eq(k, 3);
	size_t p = m[0];
	cr_assert_eq(u16at(p), 176 + 56);
	cr_assert_eq(u16at(p + 16), 176);           /* ifm_len */
	cr_assert_eq(u16at(p + 18), 24);            /* ifm_data_off */
	cr_assert_eq(buf[p + 24], FBSD_IFT_LOOP);
	cr_assert_eq(buf[p + 176 + 1], 18);         /* the sdl after the header */
	p = m[1];
	cr_assert_eq(buf[p + 3], FBSD_RTM_NEWADDR);
	cr_assert_eq(u16at(p), 176 + 16 + 16);
	cr_assert_eq(u16at(p + 16), 176);
	cr_assert_eq(u16at(p + 18), 24);
	cr_assert_eq(u16at(p + 24 + 6), 152);       /* ifam_data.ifi_datalen */
	cr_assert_eq(buf[p + 176 + 1], 2);
}

Test(route, ifmalist_layout)
{
	size_t m[16];
	long n = build(0, FBSD_NET_RT_IFMALIST, 0);
	int k = messages(n, m, 16);
	cr_assert_eq(k, 5);
	for (int i = 0; i < k; i++) {
		cr_assert_eq(buf[m[i] + 3], FBSD_RTM_NEWMADDR);
		cr_assert_eq(u32at(m[i] + 4), FBSD_RTA_IFP | FBSD_RTA_IFA);
		cr_assert_eq(buf[m[i] + 16 + 1], 18);   /* RTA_IFP: the sdl first */
	}
	/* 224.0.0.1 on lo: 16 + 56 + 16 */
	cr_assert_eq(u16at(m[0]), 16 + 56 + 16);
	cr_assert_eq(u16at(m[0] + 12), 1);
	static const uint8_t g4[16] = { 16, 2, 0, 0, 224, 0, 0, 1 };
	cr_assert_arr_eq(buf + m[0] + 72, g4, 16);
	/* ff02::1:ff00:1 on eth0: link-local scope, zone 4; ff05::2 has none */
	cr_assert_eq(u16at(m[3]), 16 + 56 + 32);
	cr_assert_eq(u16at(m[3] + 12), 4);
	cr_assert_eq(buf[m[3] + 72 + 8], 0xff);
	cr_assert_eq(buf[m[3] + 72 + 9], 0x02);
	cr_assert_eq(u32at(m[3] + 72 + 24), 4);
	cr_assert_eq(u32at(m[4] + 72 + 24), 0);
	/* AF_INET6 only, lo only */
	n = build(FBSD_AF_INET6, FBSD_NET_RT_IFMALIST, 1);
	k = messages(n, m, 16);
	cr_assert_eq(k, 1);
	cr_assert_eq(buf[m[0] + 72 + 1], 28);
}

Test(route, long_names_and_addresses)
{
	/* sdl_len grows past sizeof(struct sockaddr_dl) when name + address
	 * do not fit 46 bytes, rounded up to sizeof(long). */
	struct route_if ib;
	memset(&ib, 0, sizeof ib);
	strcpy(ib.name, "abcdefghijklmno");    /* 15 */
	ib.index = 9;
	ib.arphrd = ARPHRD_INFINIBAND;
	ib.hwlen = 32;
	memset(ib.hwaddr, 0xab, 32);
	long n = fbsd_route_build(&ib, 1, 0, FBSD_NET_RT_IFLIST, 0, buf, sizeof buf);
	cr_assert_eq(n, 168 + 56);
	cr_assert_eq(buf[168], 56);                 /* 8 + 15 + 32 = 55 -> 56 */
	cr_assert_eq(buf[168 + 5], 15);
	cr_assert_eq(buf[168 + 6], 32);
	cr_assert_eq(buf[168 + 8 + 15 + 31], 0xab);
	/* a tunnel's "hardware address" (Linux: its IPv4 endpoint) is none */
	ib.arphrd = ARPHRD_SIT;
	ib.hwlen = 4;
	n = fbsd_route_build(&ib, 1, 0, FBSD_NET_RT_IFLIST, 0, buf, sizeof buf);
	cr_assert_eq(n, 168 + 56);
	cr_assert_eq(buf[168], 54);
	cr_assert_eq(buf[168 + 4], FBSD_IFT_GIF);
	cr_assert_eq(buf[168 + 6], 0);
}

Test(route, short_buffer_and_bad_op)
{
	long full = fbsd_route_build(ifs, 2, 0, FBSD_NET_RT_IFLIST, 0, NULL, 0);
	cr_assert_gt(full, 0);
	long again = build(0, FBSD_NET_RT_IFLIST, 0);
	cr_assert_eq(full, again);
	uint8_t ref[8192], part[100];
	memcpy(ref, buf, (size_t)full);
	memset(part, 0xee, sizeof part);
	cr_assert_eq(fbsd_route_build(ifs, 2, 0, FBSD_NET_RT_IFLIST, 0, part, 50), full);
	cr_assert_arr_eq(part, ref, 50);
	cr_assert_eq(part[50], 0xee);
	cr_assert_eq(fbsd_route_build(ifs, 2, 0, FBSD_NET_RT_DUMP, 0, buf, sizeof buf), -EOPNOTSUPP);
	cr_assert_eq(fbsd_route_build(ifs, 2, 0, 99, 0, buf, sizeof buf), -EOPNOTSUPP);
}
