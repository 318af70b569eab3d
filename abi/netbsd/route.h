/*
 * NetBSD routing messages as the routing sysctl returns them:
 * {CTL_NET, PF_ROUTE, 0, af, NET_RT_IFLIST, ifindex} -> per interface one
 * RTM_IFINFO message (if_msghdr + the interface's sockaddr_dl), then one
 * RTM_NEWADDR message (ifa_msghdr) per address on the interface's list,
 * the link-level one included, with RTA_NETMASK, RTA_IFA and RTA_BRD as
 * the address has them; every sockaddr padded to a multiple of 8
 * (RT_ROUNDUP), an empty one taking 8.
 *
 * Sources: NetBSD sys/net/route.h (RTM_VERSION, RTM_*, RTA_*, RTAX_MAX,
 * RT_ROUNDUP2/RT_ROUNDUP), sys/net/if.h (struct if_data, if_msghdr,
 * ifa_msghdr, IFF_*, LINK_STATE_*), sys/net/if_dl.h (struct dl_addr,
 * sockaddr_dl), sys/net/link_proto.c sockaddr_dl_measure and sys/net/if.c
 * if_dl_create (an interface's sockaddr_dl: sdl_data + name + address,
 * rounded up to sizeof(long); its netmask sockaddr_dl: sdl_len
 * sdl_data + name, 0xff over the name, family 0), sys/net/rtsock.c
 * sysctl_iflist and sysctl_rtable, sys/sys/socket.h (AF_*, NET_RT_*) -- the
 * NetBSD 7 sources (krytarowski/netbsd-current-src-sys, 2015).  Sizes and
 * offsets cross-checked against Go's syscall/ztypes_netbsd_amd64.go
 * (SizeofIfMsghdr 0x98, SizeofIfData 0x88, SizeofIfaMsghdr 0x18,
 * SizeofSockaddrDatalink 0x14) and golang.org/x/net/route sys_netbsd.go,
 * zsys_netbsd.go (sizeofIfMsghdrNetBSD7, sizeofIfaMsghdrNetBSD7; if_data at
 * 16, ifam_index at 16; RTM_VERSION 4, RTM_NEWADDR 0xc, RTM_IFINFO 0x14;
 * 8-byte alignment), which is what Go's net.Interfaces parses.
 *
 * NET_RT_IFLIST is 5 in NetBSD 7, the number Go's syscall package and
 * x/net/route ask for; NetBSD 8 renamed that layout NET_RT_OIFLIST (still
 * 5, answered by its compat code) when it added a new NET_RT_IFLIST 6 with
 * a longer ifa_msghdr, which persona does not answer.
 *
 * Where NetBSD differs from FreeBSD: AF_INET6 24 (FreeBSD 28), PF_ROUTE 34
 * (17); RTM_VERSION 4 (5), RTM_IFINFO 0x14 (0xe); if_data has 64-bit mtu,
 * metric and link state as an int, no ifi_datalen; ifa_msghdr puts
 * ifam_metric before ifam_index and is 8-aligned (__align64); the
 * interface's sockaddr_dl is not padded to sizeof(struct sockaddr_dl);
 * the link-level address is also listed as an RTM_NEWADDR; no
 * NET_RT_IFLISTL or NET_RT_IFMALIST.
 */
#ifndef PERSONA_ABI_NETBSD_ROUTE_H
#define PERSONA_ABI_NETBSD_ROUTE_H

#include <stddef.h>
#include <stdint.h>
#include "abi/netbsd/socket.h"   /* NBSD_AF_INET6, NBSD_AF_ROUTE */

/* sys/sys/socket.h */
#define NBSD_AF_LINK   18
#define NBSD_PF_ROUTE  NBSD_AF_ROUTE   /* 34, the second MIB component */

/* sys/sys/socket.h: the routing sysctl's operation (fifth MIB component) */
#define NBSD_NET_RT_DUMP     1   /* routing table */
#define NBSD_NET_RT_FLAGS    2   /* routes with the given flags */
#define NBSD_NET_RT_OOIFLIST 3   /* pre-1.5 interface list */
#define NBSD_NET_RT_OIFLIST  4   /* pre-64-bit-time interface list */
#define NBSD_NET_RT_IFLIST   5   /* interfaces and their addresses */
#define NBSD_NET_RT_IFLIST8  6   /* NetBSD 8's NET_RT_IFLIST (not answered) */

/* sys/net/route.h */
#define NBSD_RTM_VERSION  4
#define NBSD_RTM_NEWADDR  0xc
#define NBSD_RTM_DELADDR  0xd
#define NBSD_RTM_OIFINFO  0xf    /* pre-64-bit-time RTM_IFINFO */
#define NBSD_RTM_IFINFO   0x14

#define NBSD_RTA_NETMASK  0x04
#define NBSD_RTA_IFP      0x10
#define NBSD_RTA_IFA      0x20
#define NBSD_RTA_BRD      0x80
#define NBSD_RTAX_MAX     9      /* RTAX_TAG is the ninth */

/* sys/net/route.h RT_ROUNDUP: a sockaddr's space in a routing message */
#define NBSD_RT_ROUNDUP(len) ((len) > 0 ? (size_t)(1 + (((len) - 1) | 7)) : (size_t)8)

/* sys/net/if.h: interface flags (if_flags) */
#define NBSD_IFF_UP          0x1
#define NBSD_IFF_BROADCAST   0x2
#define NBSD_IFF_DEBUG       0x4
#define NBSD_IFF_LOOPBACK    0x8
#define NBSD_IFF_POINTOPOINT 0x10
#define NBSD_IFF_NOTRAILERS  0x20
#define NBSD_IFF_RUNNING     0x40
#define NBSD_IFF_NOARP       0x80
#define NBSD_IFF_PROMISC     0x100
#define NBSD_IFF_ALLMULTI    0x200
#define NBSD_IFF_OACTIVE     0x400
#define NBSD_IFF_SIMPLEX     0x800
#define NBSD_IFF_LINK0       0x1000
#define NBSD_IFF_LINK1       0x2000
#define NBSD_IFF_LINK2       0x4000
#define NBSD_IFF_MULTICAST   0x8000

/* sys/net/if.h: struct if_data, 136 bytes */
struct nbsd_if_data {
	uint8_t  ifi_type;        /* IFT_* */
	uint8_t  ifi_addrlen;     /* link-level address length */
	uint8_t  ifi_hdrlen;      /* link-level header length */
	uint8_t  _pad;
	int32_t  ifi_link_state;  /* LINK_STATE_* */
	uint64_t ifi_mtu;
	uint64_t ifi_metric;
	uint64_t ifi_baudrate;
	uint64_t ifi_ipackets;
	uint64_t ifi_ierrors;
	uint64_t ifi_opackets;
	uint64_t ifi_oerrors;
	uint64_t ifi_collisions;
	uint64_t ifi_ibytes;
	uint64_t ifi_obytes;
	uint64_t ifi_imcasts;
	uint64_t ifi_omcasts;
	uint64_t ifi_iqdrops;
	uint64_t ifi_noproto;
	int64_t  ifi_lastchange_sec;    /* struct timespec */
	int64_t  ifi_lastchange_nsec;
};

/* sys/net/if.h: struct if_msghdr (RTM_IFINFO), 152 bytes, 8-aligned
 * (__align64); the interface's sockaddr_dl (RTA_IFP) follows */
struct nbsd_if_msghdr {
	uint16_t ifm_msglen;
	uint8_t  ifm_version;     /* RTM_VERSION */
	uint8_t  ifm_type;        /* RTM_IFINFO */
	int32_t  ifm_addrs;       /* RTA_* */
	int32_t  ifm_flags;       /* IFF_* */
	uint16_t ifm_index;
	uint16_t _pad;
	struct nbsd_if_data ifm_data;
};

/* sys/net/if.h: struct ifa_msghdr (RTM_NEWADDR), 24 bytes (18 of fields,
 * 8-aligned by __align64 on ifam_msglen); RTA_NETMASK, RTA_IFA, RTA_BRD
 * follow */
struct nbsd_ifa_msghdr {
	uint16_t ifam_msglen;
	uint8_t  ifam_version;
	uint8_t  ifam_type;
	int32_t  ifam_addrs;
	int32_t  ifam_flags;      /* IFA_* */
	int32_t  ifam_metric;
	uint16_t ifam_index;
	uint16_t _pad[3];
};

/* sys/net/if_dl.h: struct sockaddr_dl, 20 bytes as declared (sdl_data
 * 12); the kernel's may be longer or shorter, sdl_len says (if_dl_create) */
#define NBSD_SDL_DATA 12
struct nbsd_sockaddr_dl {
	uint8_t  sdl_len;
	uint8_t  sdl_family;      /* AF_LINK */
	uint16_t sdl_index;
	uint8_t  sdl_type;        /* IFT_* */
	uint8_t  sdl_nlen;
	uint8_t  sdl_alen;
	uint8_t  sdl_slen;
	char     sdl_data[NBSD_SDL_DATA];
};

_Static_assert(sizeof(struct nbsd_if_data) == 0x88, "if_data (SizeofIfData)");
_Static_assert(offsetof(struct nbsd_if_data, ifi_link_state) == 4, "if_data.ifi_link_state");
_Static_assert(offsetof(struct nbsd_if_data, ifi_mtu) == 8, "if_data.ifi_mtu");
_Static_assert(offsetof(struct nbsd_if_data, ifi_ipackets) == 32, "if_data.ifi_ipackets");
_Static_assert(offsetof(struct nbsd_if_data, ifi_noproto) == 112, "if_data.ifi_noproto");
_Static_assert(offsetof(struct nbsd_if_data, ifi_lastchange_sec) == 120, "if_data.ifi_lastchange");
_Static_assert(sizeof(struct nbsd_if_msghdr) == 0x98, "if_msghdr (SizeofIfMsghdr)");
_Static_assert(offsetof(struct nbsd_if_msghdr, ifm_flags) == 8, "if_msghdr.ifm_flags");
_Static_assert(offsetof(struct nbsd_if_msghdr, ifm_index) == 12, "if_msghdr.ifm_index");
_Static_assert(offsetof(struct nbsd_if_msghdr, ifm_data) == 16, "if_msghdr.ifm_data");
_Static_assert(sizeof(struct nbsd_ifa_msghdr) == 0x18, "ifa_msghdr (SizeofIfaMsghdr)");
_Static_assert(offsetof(struct nbsd_ifa_msghdr, ifam_flags) == 8, "ifa_msghdr.ifam_flags");
_Static_assert(offsetof(struct nbsd_ifa_msghdr, ifam_metric) == 12, "ifa_msghdr.ifam_metric");
_Static_assert(offsetof(struct nbsd_ifa_msghdr, ifam_index) == 16, "ifa_msghdr.ifam_index");
_Static_assert(sizeof(struct nbsd_sockaddr_dl) == 0x14, "sockaddr_dl (SizeofSockaddrDatalink)");
_Static_assert(offsetof(struct nbsd_sockaddr_dl, sdl_data) == 8, "sockaddr_dl.sdl_data");

#endif /* PERSONA_ABI_NETBSD_ROUTE_H */
