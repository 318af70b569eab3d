/*
 * The 4.4BSD routing-message facts FreeBSD and NetBSD still share, for the
 * routing sysctl both answer ({CTL_NET, PF_ROUTE, 0, af, op, arg}): a run
 * of messages, each a header and then the sockaddrs its addrs bitmap
 * names, in RTAX order, each padded to the OS's alignment.  What differs
 * (header layouts, RTM_* numbers, the if_data layout, the padding) is in
 * abi/freebsd/route.h and abi/netbsd/route.h, described to the shared
 * builder by struct bsd_route_abi (personality/bsd/sysctl_route.h).
 *
 * Sources, the same numbers on both: net/route.h (RTAX_* 0-7, RTA_* the
 * bit of each), net/if.h (LINK_STATE_*; the first 8 bytes of every
 * message header: msglen, version, type, addrs), net/if_dl.h (the 8-byte
 * head of struct sockaddr_dl), net/if_types.h (the IANA ifType numbers),
 * net/ethernet.h (ETHER_HDR_LEN); FreeBSD 12-14 and NetBSD 7-10 amd64.
 */
#ifndef PERSONA_ABI_BSD_ROUTE_H
#define PERSONA_ABI_BSD_ROUTE_H

#include <stddef.h>
#include <stdint.h>

/* net/route.h: the sockaddr slots of a message (RTA_x is 1 << RTAX_x).
 * NetBSD has a ninth, RTAX_TAG, that interface messages never carry. */
#define BSD_RTAX_DST     0
#define BSD_RTAX_GATEWAY 1
#define BSD_RTAX_NETMASK 2
#define BSD_RTAX_GENMASK 3
#define BSD_RTAX_IFP     4
#define BSD_RTAX_IFA     5
#define BSD_RTAX_AUTHOR  6
#define BSD_RTAX_BRD     7
#define BSD_RTAX_NSLOTS  8

/* net/if.h: if_data.ifi_link_state */
#define BSD_LINK_STATE_UNKNOWN 0
#define BSD_LINK_STATE_DOWN    1
#define BSD_LINK_STATE_UP      2

/* net/if_types.h: IANA ifType numbers */
#define BSD_IFT_OTHER       0x1
#define BSD_IFT_ETHER       0x6
#define BSD_IFT_PPP         0x17
#define BSD_IFT_LOOP        0x18
#define BSD_IFT_PROPVIRTUAL 0x35
#define BSD_IFT_IEEE80211   0x47
#define BSD_IFT_TUNNEL      0x83
#define BSD_IFT_INFINIBAND  0xc7
#define BSD_IFT_GIF         0xf0

/* net/ethernet.h */
#define BSD_ETHER_HDR_LEN 14

/* net/if.h: how every routing message starts (rt_msghdr, if_msghdr,
 * ifa_msghdr, ifma_msghdr alike) */
struct bsd_rt_msghead {
	uint16_t msglen;          /* the whole message, header and sockaddrs */
	uint8_t  version;         /* RTM_VERSION */
	uint8_t  type;            /* RTM_* */
	int32_t  addrs;           /* RTA_* */
};

/* net/if_dl.h: the head of struct sockaddr_dl; sdl_data (the name, no
 * NUL, then the link-level address) follows and may run past the
 * declared size, sdl_len saying how far */
struct bsd_sockaddr_dl_head {
	uint8_t  sdl_len;
	uint8_t  sdl_family;      /* AF_LINK */
	uint16_t sdl_index;
	uint8_t  sdl_type;        /* IFT_* */
	uint8_t  sdl_nlen;
	uint8_t  sdl_alen;
	uint8_t  sdl_slen;
};

_Static_assert(sizeof(struct bsd_rt_msghead) == 8, "msglen, version, type, addrs");
_Static_assert(sizeof(struct bsd_sockaddr_dl_head) == 8, "offsetof(sockaddr_dl, sdl_data)");

#endif /* PERSONA_ABI_BSD_ROUTE_H */
