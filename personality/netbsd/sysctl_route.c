/* The routing sysctl for NetBSD programs: {CTL_NET, PF_ROUTE, 0, af,
 * NET_RT_IFLIST, ifindex}, the interface list Go's net.Interfaces and
 * InterfaceAddrs read (golang.org/x/net/route FetchRIB), as NetBSD's
 * sys/net/rtsock.c sysctl_iflist answers it, from the host's interfaces
 * (personality/bsd/sysctl_route.c) in NetBSD's messages
 * (abi/netbsd/route.h).  Not answered, ENOENT and reported: the routing
 * table (NET_RT_DUMP, NET_RT_FLAGS), the pre-1.5 and pre-64-bit-time
 * interface lists and NetBSD 8's NET_RT_IFLIST 6; NetBSD has no multicast
 * list (Go's InterfaceMulticastAddrs is empty there). */
#include "personality/netbsd/nbsd.h"
#include "personality/netbsd/sysctl_route.h"
#include "abi/bsd/route.h"
#include "abi/netbsd/route.h"
#include "abi/netbsd/socket.h"
#include "syscalls/report.h"
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>

_Static_assert(NBSD_RTA_IFP == 1 << BSD_RTAX_IFP && NBSD_RTA_BRD == 1 << BSD_RTAX_BRD, "RTAX_*");
_Static_assert(NBSD_RTA_NETMASK == 1 << BSD_RTAX_NETMASK && NBSD_RTA_IFA == 1 << BSD_RTAX_IFA,
               "RTAX_*");
_Static_assert(NBSD_RT_ROUNDUP(0) == 8 && NBSD_RT_ROUNDUP(20) == 24, "RT_ROUNDUP: 8");
_Static_assert(sizeof(long) == 8, "RT_ROUNDUP rounds to sizeof(uint64_t), sa_align below");

#define F(s, m) { offsetof(s, m), sizeof(((s *)0)->m) }

static const struct bsd_bit_pair nbsd_iff[] = {
    { NBSD_IFF_UP, IFF_UP },
    { NBSD_IFF_BROADCAST, IFF_BROADCAST },
    { NBSD_IFF_DEBUG, IFF_DEBUG },
    { NBSD_IFF_LOOPBACK, IFF_LOOPBACK },
    { NBSD_IFF_POINTOPOINT, IFF_POINTOPOINT },
    { NBSD_IFF_RUNNING, IFF_RUNNING },
    { NBSD_IFF_NOARP, IFF_NOARP },
    { NBSD_IFF_PROMISC, IFF_PROMISC },
    { NBSD_IFF_ALLMULTI, IFF_ALLMULTI },
    { NBSD_IFF_MULTICAST, IFF_MULTICAST },
};

const struct bsd_route_abi nbsd_route_abi = {
    .sock = &nbsd_sockabi,
    .rtm_version = NBSD_RTM_VERSION,
    .af_link = NBSD_AF_LINK,
    .op_iflist = NBSD_NET_RT_IFLIST,
    .op_iflistl = -1,
    .op_ifmalist = -1,
    .sa_align = 8,
    .sdl_min = 0,
    .link_newaddr = true,
    .iff = nbsd_iff,
    .n_iff = sizeof nbsd_iff / sizeof nbsd_iff[0],
    .ifinfo = {
        .size = sizeof(struct nbsd_if_msghdr), .type = NBSD_RTM_IFINFO,
        .flags = F(struct nbsd_if_msghdr, ifm_flags),
        .index = F(struct nbsd_if_msghdr, ifm_index),
        .data = offsetof(struct nbsd_if_msghdr, ifm_data), .data_counters = true,
    },
    .newaddr = {
        .size = sizeof(struct nbsd_ifa_msghdr), .type = NBSD_RTM_NEWADDR,
        .flags = F(struct nbsd_ifa_msghdr, ifam_flags),
        .index = F(struct nbsd_ifa_msghdr, ifam_index),
    },
    .ifdata = {
        .size = sizeof(struct nbsd_if_data),
        .type = F(struct nbsd_if_data, ifi_type),
        .addrlen = F(struct nbsd_if_data, ifi_addrlen),
        .hdrlen = F(struct nbsd_if_data, ifi_hdrlen),
        .link_state = F(struct nbsd_if_data, ifi_link_state),
        .mtu = F(struct nbsd_if_data, ifi_mtu),
        .ipackets = F(struct nbsd_if_data, ifi_ipackets),
        .ierrors = F(struct nbsd_if_data, ifi_ierrors),
        .opackets = F(struct nbsd_if_data, ifi_opackets),
        .oerrors = F(struct nbsd_if_data, ifi_oerrors),
        .collisions = F(struct nbsd_if_data, ifi_collisions),
        .ibytes = F(struct nbsd_if_data, ifi_ibytes),
        .obytes = F(struct nbsd_if_data, ifi_obytes),
        .imcasts = F(struct nbsd_if_data, ifi_imcasts),
        .iqdrops = F(struct nbsd_if_data, ifi_iqdrops),
        /* no ifi_datalen, no ifi_oqdrops */
    },
};

long nbsd_route_build(const struct route_if *ifs, unsigned nifs, int af, int op,
                      int ifindex, void *buf, size_t cap)
{
    return bsd_route_build(&nbsd_route_abi, ifs, nifs, af, op, ifindex, buf, cap);
}

static long unanswered(struct sysctx *c, const int *mib, unsigned miblen, const char *why)
{
    char what[96];
    int n = snprintf(what, sizeof what, "sysctl");
    for (unsigned i = 0; i < miblen && n < (int)sizeof what; i++)
        n += snprintf(what + n, sizeof what - n, "%s%d", i ? "." : " ", mib[i]);
    if (n < (int)sizeof what)
        snprintf(what + n, sizeof what - n, " (%s)", why);
    report_unimplemented(REPORT_SYSCTL, what, -1, "ENOENT", c ? c->regs : NULL);
    return -ENOENT;
}

long nbsd_sysctl_route(struct sysctx *c, const int *mib, unsigned miblen,
                       uint64_t old, uint64_t oldlenp, uint64_t newp)
{
    /* net.route.rtable is node 0 below net.route; sysctl_rtable takes
     * {af, op, arg} below it. */
    if (miblen < 3 || mib[2] != 0)
        return unanswered(c, mib, miblen, "routing sysctl node");
    if (newp)
        return -EPERM;
    if (miblen != 6)
        return -EINVAL;
    int af = (unsigned char)mib[3], op = mib[4], arg = mib[5];
    if (op != NBSD_NET_RT_IFLIST) {
        if (op >= NBSD_NET_RT_DUMP && op <= NBSD_NET_RT_IFLIST8)
            return unanswered(c, mib, miblen,
                              op <= NBSD_NET_RT_FLAGS ? "routing table"
                              : op == NBSD_NET_RT_IFLIST8 ? "NetBSD 8 interface list"
                                                          : "pre-64-bit-time interface list");
        return -EINVAL;    /* sysctl_rtable: no such operation */
    }

    uint8_t *buf;
    size_t total;
    long r = bsd_route_answer(&nbsd_route_abi, af, op, arg, &buf, &total);
    if (r < 0)
        return r;

    /* sysctl_rtable: no buffer asks the size, told with a tenth to spare;
     * a short buffer gets the whole messages that fit, their length in
     * *oldlenp, and ENOMEM.  sys___sysctl stores *oldlenp even then. */
    uint64_t have = 0, given = 0;
    r = 0;
    if (oldlenp && copy_from_guest(&have, oldlenp, 8))
        r = -EFAULT;
    else if (!old)
        given = total * 11 / 10;
    else {
        given = bsd_route_whole(buf, total, have);
        if (given && copy_to_guest(old, buf, given))
            r = -EFAULT;
        else if (given < total)
            r = -ENOMEM;
    }
    if (r != -EFAULT && oldlenp && copy_to_guest(oldlenp, &given, 8))
        r = -EFAULT;
    free(buf);
    return r;
}
