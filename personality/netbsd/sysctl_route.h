/* The routing sysctl {CTL_NET, PF_ROUTE, 0, af, NET_RT_IFLIST, ifindex}
 * for NetBSD: the host's interfaces and their addresses as NetBSD routing
 * messages (layouts: abi/netbsd/route.h), built by the shared BSD builder
 * (personality/bsd/sysctl_route.h) from NetBSD's description. */
#ifndef PERSONA_PERSONALITY_NETBSD_SYSCTL_ROUTE_H
#define PERSONA_PERSONALITY_NETBSD_SYSCTL_ROUTE_H
#include <stddef.h>
#include <stdint.h>
#include "personality/bsd/sysctl_route.h"

struct sysctx;

/* NetBSD's routing messages, for the shared builder. */
extern const struct bsd_route_abi nbsd_route_abi;

/* bsd_route_build with NetBSD's messages: op is NET_RT_IFLIST (5;
 * -EOPNOTSUPP otherwise); af is a NetBSD address family (0: all). */
long nbsd_route_build(const struct route_if *ifs, unsigned nifs, int af, int op,
                      int ifindex, void *buf, size_t cap);

/* The sysctl itself: mib[0] == CTL_NET, mib[1] == PF_ROUTE.  Returns 0 or
 * -errno under NetBSD's rules (sys___sysctl, sysctl_rtable). */
long nbsd_sysctl_route(struct sysctx *c, const int *mib, unsigned miblen,
                       uint64_t old, uint64_t oldlenp, uint64_t newp);

#endif
