/* The routing sysctl for FreeBSD programs: {CTL_NET, PF_ROUTE, 0, af, op,
 * ifindex} with op NET_RT_IFLIST, NET_RT_IFLISTL or NET_RT_IFMALIST, as
 * sys/net/rtsock.c sysctl_iflist and sysctl_ifmalist answer it, from the
 * host's interfaces (personality/bsd/sysctl_route.c) in FreeBSD's
 * messages (abi/freebsd/route.h).  The routing table itself (NET_RT_DUMP,
 * NET_RT_FLAGS, nexthops) is not answered: ENOENT, reported. */
#include "personality/freebsd/fbsd.h"
#include "personality/freebsd/sysctl_route.h"
#include "abi/bsd/route.h"
#include "abi/freebsd/route.h"
#include "abi/freebsd/socket.h"
#include "syscalls/report.h"
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>

_Static_assert(FBSD_RTAX_IFP == BSD_RTAX_IFP && FBSD_RTAX_BRD == BSD_RTAX_BRD, "RTAX_*");
_Static_assert(FBSD_IFT_ETHER == BSD_IFT_ETHER && FBSD_IFT_GIF == BSD_IFT_GIF, "IFT_*");
_Static_assert(FBSD_LINK_STATE_UP == BSD_LINK_STATE_UP, "LINK_STATE_*");
_Static_assert(FBSD_SA_SIZE(0) == 8 && FBSD_SA_SIZE(28) == 32, "SA_SIZE: sizeof(long)");

#define F(s, m) { offsetof(s, m), sizeof(((s *)0)->m) }
#define NONE { 0, 0 }

static const struct bsd_bit_pair fbsd_iff[] = {
    { FBSD_IFF_UP, IFF_UP },
    { FBSD_IFF_BROADCAST, IFF_BROADCAST },
    { FBSD_IFF_DEBUG, IFF_DEBUG },
    { FBSD_IFF_LOOPBACK, IFF_LOOPBACK },
    { FBSD_IFF_POINTOPOINT, IFF_POINTOPOINT },
    { FBSD_IFF_RUNNING, IFF_RUNNING },
    { FBSD_IFF_NOARP, IFF_NOARP },
    { FBSD_IFF_PROMISC, IFF_PROMISC },
    { FBSD_IFF_ALLMULTI, IFF_ALLMULTI },
    { FBSD_IFF_MULTICAST, IFF_MULTICAST },
};

const struct bsd_route_abi fbsd_route_abi = {
    .sock = &fbsd_sockabi,
    .rtm_version = FBSD_RTM_VERSION,
    .af_link = FBSD_AF_LINK,
    .op_iflist = FBSD_NET_RT_IFLIST,
    .op_iflistl = FBSD_NET_RT_IFLISTL,
    .op_ifmalist = FBSD_NET_RT_IFMALIST,
    .sa_align = sizeof(long),
    .sdl_min = sizeof(struct fbsd_sockaddr_dl),
    .link_newaddr = false,
    .iff = fbsd_iff,
    .n_iff = sizeof fbsd_iff / sizeof fbsd_iff[0],
    .ifinfo = {
        .size = sizeof(struct fbsd_if_msghdr), .type = FBSD_RTM_IFINFO,
        .flags = F(struct fbsd_if_msghdr, ifm_flags),
        .index = F(struct fbsd_if_msghdr, ifm_index),
        .data = offsetof(struct fbsd_if_msghdr, ifm_data), .data_counters = true,
    },
    .ifinfol = {
        .size = sizeof(struct fbsd_if_msghdrl), .type = FBSD_RTM_IFINFO,
        .flags = F(struct fbsd_if_msghdrl, ifm_flags),
        .index = F(struct fbsd_if_msghdrl, ifm_index),
        .len = F(struct fbsd_if_msghdrl, ifm_len),
        .data_off = F(struct fbsd_if_msghdrl, ifm_data_off),
        .data = offsetof(struct fbsd_if_msghdrl, ifm_data), .data_counters = true,
    },
    .newaddr = {
        .size = sizeof(struct fbsd_ifa_msghdr), .type = FBSD_RTM_NEWADDR,
        .flags = F(struct fbsd_ifa_msghdr, ifam_flags),
        .index = F(struct fbsd_ifa_msghdr, ifam_index),
    },
    .newaddrl = {
        .size = sizeof(struct fbsd_ifa_msghdrl), .type = FBSD_RTM_NEWADDR,
        .flags = F(struct fbsd_ifa_msghdrl, ifam_flags),
        .index = F(struct fbsd_ifa_msghdrl, ifam_index),
        .len = F(struct fbsd_ifa_msghdrl, ifam_len),
        .data_off = F(struct fbsd_ifa_msghdrl, ifam_data_off),
        .data = offsetof(struct fbsd_ifa_msghdrl, ifam_data), .data_counters = false,
    },
    .newmaddr = {
        .size = sizeof(struct fbsd_ifma_msghdr), .type = FBSD_RTM_NEWMADDR,
        .flags = F(struct fbsd_ifma_msghdr, ifmam_flags),
        .index = F(struct fbsd_ifma_msghdr, ifmam_index),
    },
    .ifdata = {
        .size = sizeof(struct fbsd_if_data),
        .type = F(struct fbsd_if_data, ifi_type),
        .addrlen = F(struct fbsd_if_data, ifi_addrlen),
        .hdrlen = F(struct fbsd_if_data, ifi_hdrlen),
        .link_state = F(struct fbsd_if_data, ifi_link_state),
        .datalen = F(struct fbsd_if_data, ifi_datalen),
        .mtu = F(struct fbsd_if_data, ifi_mtu),
        .ipackets = F(struct fbsd_if_data, ifi_ipackets),
        .ierrors = F(struct fbsd_if_data, ifi_ierrors),
        .opackets = F(struct fbsd_if_data, ifi_opackets),
        .oerrors = F(struct fbsd_if_data, ifi_oerrors),
        .collisions = F(struct fbsd_if_data, ifi_collisions),
        .ibytes = F(struct fbsd_if_data, ifi_ibytes),
        .obytes = F(struct fbsd_if_data, ifi_obytes),
        .imcasts = F(struct fbsd_if_data, ifi_imcasts),
        .iqdrops = F(struct fbsd_if_data, ifi_iqdrops),
        .oqdrops = F(struct fbsd_if_data, ifi_oqdrops),
    },
};

int fbsd_route_ifflags(unsigned lf)
{
    return bsd_route_ifflags(&fbsd_route_abi, lf);
}

long fbsd_route_build(const struct route_if *ifs, unsigned nifs, int af, int op,
                      int ifindex, void *buf, size_t cap)
{
    return bsd_route_build(&fbsd_route_abi, ifs, nifs, af, op, ifindex, buf, cap);
}

long fbsd_sysctl_route(struct sysctx *c, const int *mib, unsigned miblen,
                       uint64_t old, uint64_t oldlenp, uint64_t newp)
{
    /* sysctl_rtsock: below net.route it takes {0, af, op, arg}. */
    if (miblen < 6)
        return -EISDIR;
    if (miblen > 6)
        return -ENOTDIR;
    if (newp)
        return -EPERM;
    int af = mib[3], op = mib[4], arg = mib[5];
    if (af < 0 || af > FBSD_AF_MAX)
        return -EINVAL;
    if (op != FBSD_NET_RT_IFLIST && op != FBSD_NET_RT_IFLISTL && op != FBSD_NET_RT_IFMALIST) {
        char what[96];
        snprintf(what, sizeof what, "{4.17.%d.%d.%d.%d} (routing table)", mib[2], af, op, arg);
        report_unimplemented(REPORT_SYSCTL, what, -1, "ENOENT", c ? c->regs : NULL);
        return -ENOENT;
    }

    uint8_t *buf;
    size_t total;
    long r = bsd_route_answer(&fbsd_route_abi, af, op, arg, &buf, &total);
    if (r < 0)
        return r;

    /* sysctl's old/oldlenp rules (kern_sysctl.c sysctl_old_user): no
     * buffer asks the size; a short one gets what fits, and ENOMEM. */
    uint64_t have = 0;
    if (oldlenp && copy_from_guest(&have, oldlenp, 8))
        r = -EFAULT;
    else if (!old)
        r = oldlenp ? copy_to_guest(oldlenp, &total, 8) : 0;
    else {
        size_t n = total < have ? total : have;
        if (copy_to_guest(old, buf, n) || copy_to_guest(oldlenp, &n, 8))
            r = -EFAULT;
        else if (n < total)
            r = -ENOMEM;
    }
    free(buf);
    return r;
}
