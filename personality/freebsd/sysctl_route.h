/* The routing sysctl {CTL_NET, PF_ROUTE, 0, af, op, ifindex}: the host's
 * interfaces, their addresses and multicast memberships as FreeBSD routing
 * messages (layouts: abi/freebsd/route.h).  The message builder takes a
 * plain list of interfaces so it can be tested without the host. */
#ifndef PERSONA_PERSONALITY_FREEBSD_SYSCTL_ROUTE_H
#define PERSONA_PERSONALITY_FREEBSD_SYSCTL_ROUTE_H
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

struct sysctx;

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

/* FreeBSD IFF_* for Linux IFF_* flags (bits without a counterpart dropped). */
int fbsd_route_ifflags(unsigned linux_flags);

/* The answer to {CTL_NET, PF_ROUTE, 0, af, op, ifindex} for these
 * interfaces: what fits is written to buf (cap bytes; buf may be NULL with
 * cap 0) and the full length returned.  op is NET_RT_IFLIST, NET_RT_IFLISTL
 * or NET_RT_IFMALIST (-EOPNOTSUPP otherwise); af is a FreeBSD address
 * family (0: all); ifindex 0 means every interface. */
long fbsd_route_build(const struct route_if *ifs, unsigned nifs, int af, int op,
                      int ifindex, void *buf, size_t cap);

/* The sysctl itself: mib[0] == CTL_NET, mib[1] == PF_ROUTE.  Returns 0 or
 * -errno, under sysctl's old/oldlenp rules. */
long fbsd_sysctl_route(struct sysctx *c, const int *mib, unsigned miblen,
                       uint64_t old, uint64_t oldlenp, uint64_t newp);

#endif
