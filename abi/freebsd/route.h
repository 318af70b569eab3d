/*
 * FreeBSD routing messages as the routing sysctl returns them:
 * {CTL_NET, PF_ROUTE, 0, af, NET_RT_IFLIST | NET_RT_IFLISTL |
 * NET_RT_IFMALIST, ifindex} -> a run of messages, each a header followed by
 * the sockaddrs its addrs bitmap names, in RTAX order, each padded to a
 * multiple of sizeof(long) (SA_SIZE).
 *
 * Sources: sys/net/route.h (RTM_*, RTA_*, RTAX_*, SA_SIZE), sys/net/if.h
 * (struct if_data, if_msghdr(l), ifa_msghdr(l), ifma_msghdr, IFF_*,
 * LINK_STATE_*), sys/net/if_dl.h (struct sockaddr_dl), sys/net/if_types.h
 * (IFT_*), sys/sys/socket.h (NET_RT_*, AF_LINK), all FreeBSD 12-14 amd64;
 * sizes and offsets cross-checked against golang.org/x/sys/unix
 * ztypes_freebsd_amd64.go (ifMsghdr/ifData: the FreeBSD 11+ layout with the
 * fixed-size if_data, IfaMsghdr, IfmaMsghdr, RawSockaddrDatalink) and
 * golang.org/x/net/route zsys_freebsd_amd64.go (sizeofIfMsghdrlFreeBSD10,
 * sizeofIfaMsghdrlFreeBSD10).
 *
 * Where FreeBSD differs from Linux: Linux has no routing sysctl at all
 * (interfaces come from netlink); IFF_MULTICAST is 0x8000 (Linux 0x1000)
 * and the bits between differ (FreeBSD 0x800 IFF_SIMPLEX, Linux IFF_SLAVE);
 * link-level addresses are AF_LINK (18) sockaddr_dl, not AF_PACKET.
 */
#ifndef PERSONA_ABI_FREEBSD_ROUTE_H
#define PERSONA_ABI_FREEBSD_ROUTE_H

#include <stddef.h>
#include <stdint.h>

/* sys/sys/socket.h */
#define FBSD_AF_LINK    18
#define FBSD_PF_ROUTE   17   /* = AF_ROUTE, the second MIB component */
#define FBSD_AF_MAX     42

/* sys/sys/socket.h: the routing sysctl's operation (fifth MIB component) */
#define FBSD_NET_RT_DUMP     1   /* routing table */
#define FBSD_NET_RT_FLAGS    2   /* routes with the given flags */
#define FBSD_NET_RT_IFLIST   3   /* interfaces and their addresses */
#define FBSD_NET_RT_IFMALIST 4   /* multicast group memberships */
#define FBSD_NET_RT_IFLISTL  5   /* IFLIST with the extensible headers */
#define FBSD_NET_RT_NHOP     6
#define FBSD_NET_RT_NHGRP    7

/* sys/net/route.h */
#define FBSD_RTM_VERSION  5
#define FBSD_RTM_NEWADDR  0xc
#define FBSD_RTM_DELADDR  0xd
#define FBSD_RTM_IFINFO   0xe
#define FBSD_RTM_NEWMADDR 0xf
#define FBSD_RTM_DELMADDR 0x10

#define FBSD_RTAX_DST     0
#define FBSD_RTAX_GATEWAY 1
#define FBSD_RTAX_NETMASK 2
#define FBSD_RTAX_GENMASK 3
#define FBSD_RTAX_IFP     4
#define FBSD_RTAX_IFA     5
#define FBSD_RTAX_AUTHOR  6
#define FBSD_RTAX_BRD     7
#define FBSD_RTAX_MAX     8
#define FBSD_RTA_DST      0x01
#define FBSD_RTA_GATEWAY  0x02
#define FBSD_RTA_NETMASK  0x04
#define FBSD_RTA_GENMASK  0x08
#define FBSD_RTA_IFP      0x10
#define FBSD_RTA_IFA      0x20
#define FBSD_RTA_AUTHOR   0x40
#define FBSD_RTA_BRD      0x80

/* sys/net/route.h SA_SIZE: a sockaddr's space in a routing message, its
 * sa_len rounded up to a multiple of sizeof(long); an empty (sa_len 0)
 * one still takes sizeof(long). */
#define FBSD_SA_SIZE(len) ((len) == 0 ? (size_t)8 : (size_t)(1 + (((len) - 1) | 7)))

/* sys/net/if.h: interface flags (if_flags | if_drv_flags) */
#define FBSD_IFF_UP          0x1
#define FBSD_IFF_BROADCAST   0x2
#define FBSD_IFF_DEBUG       0x4
#define FBSD_IFF_LOOPBACK    0x8
#define FBSD_IFF_POINTOPOINT 0x10
#define FBSD_IFF_NEEDSEPOCH  0x20
#define FBSD_IFF_RUNNING     0x40      /* IFF_DRV_RUNNING */
#define FBSD_IFF_NOARP       0x80
#define FBSD_IFF_PROMISC     0x100
#define FBSD_IFF_ALLMULTI    0x200
#define FBSD_IFF_OACTIVE     0x400     /* IFF_DRV_OACTIVE */
#define FBSD_IFF_SIMPLEX     0x800
#define FBSD_IFF_LINK0       0x1000
#define FBSD_IFF_LINK1       0x2000
#define FBSD_IFF_LINK2       0x4000
#define FBSD_IFF_MULTICAST   0x8000
#define FBSD_IFF_CANTCONFIG  0x10000
#define FBSD_IFF_PPROMISC    0x20000
#define FBSD_IFF_MONITOR     0x40000
#define FBSD_IFF_STATICARP   0x80000
#define FBSD_IFF_DYING       0x200000
#define FBSD_IFF_RENAMING    0x400000

/* sys/net/if.h: if_data.ifi_link_state */
#define FBSD_LINK_STATE_UNKNOWN 0
#define FBSD_LINK_STATE_DOWN    1
#define FBSD_LINK_STATE_UP      2

/* sys/net/if_types.h (the IANA ifType numbers) */
#define FBSD_IFT_OTHER       0x1
#define FBSD_IFT_ETHER       0x6
#define FBSD_IFT_PPP         0x17
#define FBSD_IFT_LOOP        0x18
#define FBSD_IFT_PROPVIRTUAL 0x35
#define FBSD_IFT_IEEE80211   0x47
#define FBSD_IFT_TUNNEL      0x83
#define FBSD_IFT_INFINIBAND  0xc7
#define FBSD_IFT_GIF         0xf0

/* sys/net/ethernet.h */
#define FBSD_ETHER_HDR_LEN 14

/* sys/net/if.h: struct if_data, the FreeBSD 11+ fixed-size layout,
 * 152 bytes (ifi_datalen says so) */
struct fbsd_if_data {
	uint8_t  ifi_type;        /* IFT_* */
	uint8_t  ifi_physical;
	uint8_t  ifi_addrlen;     /* link-level address length */
	uint8_t  ifi_hdrlen;      /* link-level header length */
	uint8_t  ifi_link_state;  /* LINK_STATE_* */
	uint8_t  ifi_vhid;        /* carp */
	uint16_t ifi_datalen;     /* sizeof(struct if_data) */
	uint32_t ifi_mtu;
	uint32_t ifi_metric;
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
	uint64_t ifi_oqdrops;
	uint64_t ifi_noproto;
	uint64_t ifi_hwassist;
	int64_t  ifi_epoch;       /* time_t */
	int64_t  ifi_lastchange_sec;   /* struct timeval */
	int64_t  ifi_lastchange_usec;
};

/* sys/net/if.h: struct if_msghdr (RTM_IFINFO), 168 bytes; the interface's
 * sockaddr_dl (RTA_IFP) follows */
struct fbsd_if_msghdr {
	uint16_t ifm_msglen;
	uint8_t  ifm_version;     /* RTM_VERSION */
	uint8_t  ifm_type;        /* RTM_IFINFO */
	int32_t  ifm_addrs;       /* RTA_* */
	int32_t  ifm_flags;       /* IFF_* */
	uint16_t ifm_index;
	uint16_t _ifm_spare1;
	struct fbsd_if_data ifm_data;
};

/* sys/net/if.h: struct if_msghdrl (RTM_IFINFO for NET_RT_IFLISTL), 176
 * bytes: says its own length and where if_data starts */
struct fbsd_if_msghdrl {
	uint16_t ifm_msglen;
	uint8_t  ifm_version;
	uint8_t  ifm_type;
	int32_t  ifm_addrs;
	int32_t  ifm_flags;
	uint16_t ifm_index;
	uint16_t _ifm_spare1;
	uint16_t ifm_len;         /* sizeof(struct if_msghdrl) */
	uint16_t ifm_data_off;    /* offsetof(ifm_data) */
	int32_t  _ifm_spare2;
	struct fbsd_if_data ifm_data;
};

/* sys/net/if.h: struct ifa_msghdr (RTM_NEWADDR), 20 bytes; the address's
 * sockaddrs (RTA_NETMASK, RTA_IFA, RTA_BRD) follow */
struct fbsd_ifa_msghdr {
	uint16_t ifam_msglen;
	uint8_t  ifam_version;
	uint8_t  ifam_type;
	int32_t  ifam_addrs;
	int32_t  ifam_flags;      /* IFA_* */
	uint16_t ifam_index;
	uint16_t _ifam_spare1;
	int32_t  ifam_metric;
};

/* sys/net/if.h: struct ifa_msghdrl (RTM_NEWADDR for NET_RT_IFLISTL), 176
 * bytes; its if_data carries per-address counters */
struct fbsd_ifa_msghdrl {
	uint16_t ifam_msglen;
	uint8_t  ifam_version;
	uint8_t  ifam_type;
	int32_t  ifam_addrs;
	int32_t  ifam_flags;
	uint16_t ifam_index;
	uint16_t _ifam_spare1;
	uint16_t ifam_len;
	uint16_t ifam_data_off;
	int32_t  ifam_metric;
	struct fbsd_if_data ifam_data;
};

/* sys/net/if.h: struct ifma_msghdr (RTM_NEWMADDR), 16 bytes; RTA_IFP and
 * RTA_IFA (the group) follow */
struct fbsd_ifma_msghdr {
	uint16_t ifmam_msglen;
	uint8_t  ifmam_version;
	uint8_t  ifmam_type;
	int32_t  ifmam_addrs;
	int32_t  ifmam_flags;
	uint16_t ifmam_index;
	uint16_t _ifmam_spare1;
};

/* sys/net/if_dl.h: struct sockaddr_dl, 54 bytes as declared; sdl_data
 * holds the name (sdl_nlen bytes, no NUL) then the link-level address
 * (sdl_alen bytes) and may run past 46 bytes, sdl_len saying how far.  The
 * kernel sizes an interface's address as offsetof(sdl_data) + name +
 * address, rounded up to sizeof(long), at least sizeof(struct sockaddr_dl)
 * (if_attach_internal). */
#define FBSD_SDL_DATA 46
struct fbsd_sockaddr_dl {
	uint8_t  sdl_len;
	uint8_t  sdl_family;      /* AF_LINK */
	uint16_t sdl_index;
	uint8_t  sdl_type;        /* IFT_* */
	uint8_t  sdl_nlen;
	uint8_t  sdl_alen;
	uint8_t  sdl_slen;
	char     sdl_data[FBSD_SDL_DATA];
};

_Static_assert(sizeof(struct fbsd_if_data) == 0x98, "if_data (SizeofIfData)");
_Static_assert(offsetof(struct fbsd_if_data, ifi_mtu) == 8, "if_data.ifi_mtu");
_Static_assert(offsetof(struct fbsd_if_data, ifi_baudrate) == 16, "if_data.ifi_baudrate");
_Static_assert(offsetof(struct fbsd_if_data, ifi_hwassist) == 120, "if_data.ifi_hwassist");
_Static_assert(offsetof(struct fbsd_if_data, ifi_epoch) == 128, "if_data.ifi_epoch");
_Static_assert(sizeof(struct fbsd_if_msghdr) == 0xa8, "if_msghdr (SizeofIfMsghdr)");
_Static_assert(offsetof(struct fbsd_if_msghdr, ifm_index) == 12, "if_msghdr.ifm_index");
_Static_assert(offsetof(struct fbsd_if_msghdr, ifm_data) == 16, "if_msghdr.ifm_data");
_Static_assert(sizeof(struct fbsd_if_msghdrl) == 0xb0, "if_msghdrl (sizeofIfMsghdrlFreeBSD10)");
_Static_assert(offsetof(struct fbsd_if_msghdrl, ifm_len) == 16, "if_msghdrl.ifm_len");
_Static_assert(offsetof(struct fbsd_if_msghdrl, ifm_data) == 24, "if_msghdrl.ifm_data");
_Static_assert(sizeof(struct fbsd_ifa_msghdr) == 0x14, "ifa_msghdr (SizeofIfaMsghdr)");
_Static_assert(offsetof(struct fbsd_ifa_msghdr, ifam_metric) == 16, "ifa_msghdr.ifam_metric");
_Static_assert(sizeof(struct fbsd_ifa_msghdrl) == 0xb0, "ifa_msghdrl (sizeofIfaMsghdrlFreeBSD10)");
_Static_assert(offsetof(struct fbsd_ifa_msghdrl, ifam_data) == 24, "ifa_msghdrl.ifam_data");
_Static_assert(sizeof(struct fbsd_ifma_msghdr) == 0x10, "ifma_msghdr (SizeofIfmaMsghdr)");
_Static_assert(sizeof(struct fbsd_sockaddr_dl) == 0x36, "sockaddr_dl (SizeofSockaddrDatalink)");
_Static_assert(offsetof(struct fbsd_sockaddr_dl, sdl_data) == 8, "sockaddr_dl.sdl_data");

#endif /* PERSONA_ABI_FREEBSD_ROUTE_H */
