/* The routing sysctl {CTL_NET, PF_ROUTE, 0, af, op, arg} as both BSDs
 * answer it for interfaces: the host's interfaces, their addresses and
 * multicast memberships, written as one OS's routing messages.  Each OS
 * describes its messages in a struct bsd_route_abi (FreeBSD:
 * personality/freebsd/sysctl_route.c, NetBSD: personality/netbsd/
 * sysctl_route.c); the builder takes a plain list of interfaces so it can
 * be tested without the host. */
#ifndef PERSONA_PERSONALITY_BSD_SYSCTL_ROUTE_H
#define PERSONA_PERSONALITY_BSD_SYSCTL_ROUTE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include "abi/bsd/socket.h"

/* One interface address, as Linux sockaddrs (AF_INET or AF_INET6);
 * ss_family 0 means "none". */
struct route_ifaddr {
    struct sockaddr_storage addr;
    struct sockaddr_storage mask;
    struct sockaddr_storage brd;    /* broadcast, or the point-to-point peer */
};

/* One interface, in Linux terms (names, IFF_* flags, ARPHRD_* type). */
struct route_if {
    char name[16];
    unsigned index;
    unsigned flags;                 /* Linux IFF_* */
    unsigned arphrd;                /* Linux ARPHRD_* */
    unsigned mtu;
    unsigned char hwaddr[32];
    unsigned hwlen;
    struct {
        uint64_t ipackets, opackets, ibytes, obytes, ierrors, oerrors;
        uint64_t iqdrops, oqdrops, imcasts, collisions;
    } stats;
    const struct route_ifaddr *addrs;
    unsigned naddrs;
    const struct sockaddr_storage *groups;   /* multicast memberships */
    unsigned ngroups;
};

/* Where a field sits in a message or in if_data: byte offset and width
 * (1, 2, 4 or 8; 0: the OS has no such field). */
struct bsd_rt_field { uint16_t off; uint8_t width; };

/* One message header.  msglen, version, type and addrs are where every
 * 4.4BSD header has them (struct bsd_rt_msghead). */
struct bsd_rt_hdr {
    uint16_t size;                  /* the header; its sockaddrs follow */
    uint8_t type;                   /* RTM_* */
    struct bsd_rt_field flags, index;
    struct bsd_rt_field len, data_off;   /* FreeBSD's ...l headers say both */
    uint16_t data;                  /* offset of its if_data; 0: none */
    bool data_counters;             /* that if_data is the interface's (else only its length) */
};

/* struct if_data */
struct bsd_rt_ifdata {
    uint16_t size;
    struct bsd_rt_field type, addrlen, hdrlen, link_state, datalen, mtu;
    struct bsd_rt_field ipackets, ierrors, opackets, oerrors, collisions;
    struct bsd_rt_field ibytes, obytes, imcasts, iqdrops, oqdrops;
};

/* Everything the builder needs to know about one OS's routing messages. */
struct bsd_route_abi {
    const struct bsd_sockabi *sock;     /* sockaddr format, AF_INET6 */
    uint8_t rtm_version;
    uint8_t af_link;
    /* the sysctl's operations (fifth MIB component); -1: the OS has none */
    int op_iflist, op_iflistl, op_ifmalist;
    /* sockaddrs in a message take their sa_len rounded up to this; an
     * empty one takes this much */
    unsigned sa_align;
    /* an interface's sockaddr_dl is sdl_data + name + address rounded up
     * to sizeof(long), and at least this long (0: no minimum) */
    unsigned sdl_min;
    /* the link-level address is also listed as an RTM_NEWADDR, with its
     * netmask (NetBSD: if_dl_create puts it on the address list) */
    bool link_newaddr;
    /* IFF_* bits with a Linux twin (guest, lnx) */
    const struct bsd_bit_pair *iff;
    size_t n_iff;
    struct bsd_rt_hdr ifinfo, ifinfol, newaddr, newaddrl, newmaddr;
    struct bsd_rt_ifdata ifdata;
};

/* The OS's IFF_* for Linux IFF_* flags (bits without a counterpart dropped). */
int bsd_route_ifflags(const struct bsd_route_abi *abi, unsigned linux_flags);

/* The answer to {CTL_NET, PF_ROUTE, 0, af, op, ifindex} for these
 * interfaces: what fits is written to buf (cap bytes; buf may be NULL with
 * cap 0) and the full length returned.  op is one of the abi's operations (-EOPNOTSUPP
 * otherwise); af is the OS's address family (0: all); ifindex 0 means
 * every interface. */
long bsd_route_build(const struct bsd_route_abi *abi, const struct route_if *ifs,
                     unsigned nifs, int af, int op, int ifindex, void *buf, size_t cap);

/* How many bytes of the messages in buf[0..len) fit in cap as whole
 * messages (NetBSD's walk copies out only those, and none after the
 * first that does not fit). */
size_t bsd_route_whole(const uint8_t *buf, size_t len, size_t cap);

/* The host's interfaces (getifaddrs, SIOCGIFMTU, and with groups
 * /proc/net/igmp and igmp6), sorted by index. */
struct bsd_route_host {
    struct route_if *ifs;
    unsigned n;
    void *priv;
};
int bsd_route_host_take(struct bsd_route_host *h, bool groups);   /* 0 or -errno */
void bsd_route_host_free(struct bsd_route_host *h);

/* The host's interfaces as this OS's messages in a malloc'ed *out (NULL
 * when empty) of *len bytes; 0 or -errno. */
long bsd_route_answer(const struct bsd_route_abi *abi, int af, int op, int arg,
                      uint8_t **out, size_t *len);

#endif
