/* The routing sysctl {CTL_NET, PF_ROUTE, 0, af, op, ifindex} for FreeBSD:
 * the host's interfaces, their addresses and multicast memberships as
 * FreeBSD routing messages (layouts: abi/freebsd/route.h), built by the
 * shared BSD builder (personality/bsd/sysctl_route.h) from FreeBSD's
 * description of its messages. */
#ifndef PERSONA_PERSONALITY_FREEBSD_SYSCTL_ROUTE_H
#define PERSONA_PERSONALITY_FREEBSD_SYSCTL_ROUTE_H
#include <stddef.h>
#include <stdint.h>
#include "personality/bsd/sysctl_route.h"

struct sysctx;

/* FreeBSD's routing messages, for the shared builder. */
extern const struct bsd_route_abi fbsd_route_abi;

/* FreeBSD IFF_* for Linux IFF_* flags (bits without a counterpart dropped). */
int fbsd_route_ifflags(unsigned linux_flags);

/* bsd_route_build with FreeBSD's messages: op is NET_RT_IFLIST,
 * NET_RT_IFLISTL or NET_RT_IFMALIST (-EOPNOTSUPP otherwise); af is a
 * FreeBSD address family (0: all). */
long fbsd_route_build(const struct route_if *ifs, unsigned nifs, int af, int op,
                      int ifindex, void *buf, size_t cap);

/* The sysctl itself: mib[0] == CTL_NET, mib[1] == PF_ROUTE.  Returns 0 or
 * -errno, under sysctl's old/oldlenp rules. */
long fbsd_sysctl_route(struct sysctx *c, const int *mib, unsigned miblen,
                       uint64_t old, uint64_t oldlenp, uint64_t newp);

#endif
