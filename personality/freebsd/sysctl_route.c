/* The routing sysctl: {CTL_NET, PF_ROUTE, 0, af, op, ifindex}, the way
 * FreeBSD programs (Go's net.Interfaces, InterfaceAddrs, MulticastAddrs;
 * libc's getifaddrs and if_nameindex) list network interfaces.  FreeBSD
 * answers from its ifnet list (sys/net/rtsock.c sysctl_iflist,
 * sysctl_ifmalist); persona answers from the host's:
 *
 *   NET_RT_IFLIST / NET_RT_IFLISTL: per interface one RTM_IFINFO message
 *     (if_msghdr[l] + its sockaddr_dl), then one RTM_NEWADDR message
 *     (ifa_msghdr[l]) per address of family af (0: all) with RTA_NETMASK,
 *     RTA_IFA and, for broadcast and point-to-point links, RTA_BRD;
 *   NET_RT_IFMALIST: one RTM_NEWMADDR message (ifma_msghdr) per multicast
 *     membership with RTA_IFP and RTA_IFA.
 *
 * Host facts come from getifaddrs(3) (persona's own query, not a guest
 * call: names, indexes, flags, ARPHRD type, hardware address, counters,
 * addresses), SIOCGIFMTU and /proc/net/igmp, /proc/net/igmp6 (multicast
 * groups).  Interface names and indexes are the host's ("eth0", not
 * "em0"), so an IPv6 zone means the same interface on both sides.
 *
 * As FreeBSD's rtsock with net.inet6.ip6.deembed_scopeid=1 (the default),
 * link- and interface-local IPv6 addresses carry their zone in
 * sin6_scope_id, never embedded in the address; netmasks have the full
 * length and the family of their address (rtsock_fix_netmask).
 * Not reproduced: link-layer (AF_LINK) multicast memberships and the
 * RTA_GATEWAY link-layer address of a group, per-address counters in
 * ifa_msghdrl, if_data's baudrate and timestamps (0).  The routing table
 * itself (NET_RT_DUMP, NET_RT_FLAGS, nexthops) is not answered: ENOENT,
 * reported. */
#include "personality/freebsd/fbsd.h"
#include "personality/freebsd/sysctl_route.h"
#include "abi/freebsd/route.h"
#include "abi/freebsd/socket.h"
#include "syscalls/report.h"
#include <ifaddrs.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <netpacket/packet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define LINUX_IFF_LOWER_UP 0x10000     /* linux/if.h; glibc's net/if.h lacks it */
#ifndef ARPHRD_IP6GRE
#define ARPHRD_IP6GRE 823
#endif

/* ---- flags and types ---- */

int fbsd_route_ifflags(unsigned lf)
{
    static const struct { unsigned lnx; int fbsd; } map[] = {
        { IFF_UP, FBSD_IFF_UP },
        { IFF_BROADCAST, FBSD_IFF_BROADCAST },
        { IFF_DEBUG, FBSD_IFF_DEBUG },
        { IFF_LOOPBACK, FBSD_IFF_LOOPBACK },
        { IFF_POINTOPOINT, FBSD_IFF_POINTOPOINT },
        { IFF_RUNNING, FBSD_IFF_RUNNING },
        { IFF_NOARP, FBSD_IFF_NOARP },
        { IFF_PROMISC, FBSD_IFF_PROMISC },
        { IFF_ALLMULTI, FBSD_IFF_ALLMULTI },
        { IFF_MULTICAST, FBSD_IFF_MULTICAST },
    };
    int f = 0;
    for (unsigned i = 0; i < sizeof map / sizeof map[0]; i++)
        if (lf & map[i].lnx)
            f |= map[i].fbsd;
    return f;
}

static uint8_t ift_of(unsigned arphrd)
{
    switch (arphrd) {
    case ARPHRD_ETHER:      return FBSD_IFT_ETHER;
    case ARPHRD_LOOPBACK:   return FBSD_IFT_LOOP;
    case ARPHRD_PPP:        return FBSD_IFT_PPP;
    case ARPHRD_IEEE80211:  return FBSD_IFT_IEEE80211;
    case ARPHRD_INFINIBAND: return FBSD_IFT_INFINIBAND;
    case ARPHRD_TUNNEL:
    case ARPHRD_TUNNEL6:
    case ARPHRD_SIT:        return FBSD_IFT_GIF;       /* gif(4) */
    case ARPHRD_IPGRE:
    case ARPHRD_IP6GRE:     return FBSD_IFT_TUNNEL;    /* gre(4) */
    case ARPHRD_NONE:       return FBSD_IFT_PROPVIRTUAL; /* tun(4), wg(4)-like */
    default:                return FBSD_IFT_OTHER;
    }
}

/* The link-level address FreeBSD would show: only media that have one, and
 * not an all-zero placeholder (Linux gives lo 00:00:00:00:00:00). */
static unsigned link_alen(const struct route_if *ifp)
{
    uint8_t t = ift_of(ifp->arphrd);
    if (t != FBSD_IFT_ETHER && t != FBSD_IFT_IEEE80211 && t != FBSD_IFT_INFINIBAND)
        return 0;
    unsigned n = ifp->hwlen < sizeof ifp->hwaddr ? ifp->hwlen : sizeof ifp->hwaddr;
    for (unsigned i = 0; i < n; i++)
        if (ifp->hwaddr[i])
            return n;
    return 0;
}

/* ---- message building ---- */

struct out {
    uint8_t *buf;
    size_t cap, len;
};

static void emit(struct out *o, const void *p, size_t n)
{
    if (o->len < o->cap) {
        size_t k = o->cap - o->len < n ? o->cap - o->len : n;
        memcpy(o->buf + o->len, p, k);
    }
    o->len += n;
}

/* A message's sockaddrs, by RTAX slot. */
struct sa_set {
    const void *sa[FBSD_RTAX_MAX];
    size_t len[FBSD_RTAX_MAX];
    uint8_t store[FBSD_RTAX_MAX][128];
};

static void set_sa(struct sa_set *s, int rtax, const void *sa, size_t len)
{
    if (len == 0 || len > sizeof s->store[0])
        return;
    memcpy(s->store[rtax], sa, len);
    s->sa[rtax] = s->store[rtax];
    s->len[rtax] = len;
}

static int sa_addrs(const struct sa_set *s)
{
    int bits = 0;
    for (int i = 0; i < FBSD_RTAX_MAX; i++)
        if (s->sa[i])
            bits |= 1 << i;
    return bits;
}

static size_t sa_space(const struct sa_set *s)
{
    size_t n = 0;
    for (int i = 0; i < FBSD_RTAX_MAX; i++)
        if (s->sa[i])
            n += FBSD_SA_SIZE(s->len[i]);
    return n;
}

static void emit_sas(struct out *o, const struct sa_set *s)
{
    static const uint8_t zero[8];
    for (int i = 0; i < FBSD_RTAX_MAX; i++)
        if (s->sa[i]) {
            emit(o, s->sa[i], s->len[i]);
            emit(o, zero, FBSD_SA_SIZE(s->len[i]) - s->len[i]);
        }
}

/* The interface's sockaddr_dl: name, then link-level address; sdl_len as
 * if_attach sizes it. */
static size_t make_sdl(const struct route_if *ifp, uint8_t out[128])
{
    struct fbsd_sockaddr_dl sdl;
    size_t nlen = strnlen(ifp->name, sizeof ifp->name);
    unsigned alen = link_alen(ifp);
    size_t len = offsetof(struct fbsd_sockaddr_dl, sdl_data) + nlen + alen;
    len = (len + 7) & ~(size_t)7;
    if (len < sizeof sdl)
        len = sizeof sdl;
    memset(out, 0, 128);
    memset(&sdl, 0, sizeof sdl);
    sdl.sdl_len = (uint8_t)len;
    sdl.sdl_family = FBSD_AF_LINK;
    sdl.sdl_index = (uint16_t)ifp->index;
    sdl.sdl_type = ift_of(ifp->arphrd);
    sdl.sdl_nlen = (uint8_t)nlen;
    sdl.sdl_alen = (uint8_t)alen;
    memcpy(out, &sdl, offsetof(struct fbsd_sockaddr_dl, sdl_data));
    memcpy(out + offsetof(struct fbsd_sockaddr_dl, sdl_data), ifp->name, nlen);
    memcpy(out + offsetof(struct fbsd_sockaddr_dl, sdl_data) + nlen, ifp->hwaddr, alen);
    return len;
}

static void fill_if_data(const struct route_if *ifp, struct fbsd_if_data *d)
{
    memset(d, 0, sizeof *d);
    d->ifi_type = ift_of(ifp->arphrd);
    d->ifi_addrlen = (uint8_t)link_alen(ifp);
    d->ifi_hdrlen = d->ifi_type == FBSD_IFT_ETHER ? FBSD_ETHER_HDR_LEN : 0;
    d->ifi_link_state = (ifp->flags & LINUX_IFF_LOWER_UP) ? FBSD_LINK_STATE_UP
                                                          : FBSD_LINK_STATE_DOWN;
    d->ifi_datalen = sizeof *d;
    d->ifi_mtu = ifp->mtu;
    d->ifi_ipackets = ifp->stats.ipackets;
    d->ifi_ierrors = ifp->stats.ierrors;
    d->ifi_opackets = ifp->stats.opackets;
    d->ifi_oerrors = ifp->stats.oerrors;
    d->ifi_collisions = ifp->stats.collisions;
    d->ifi_ibytes = ifp->stats.ibytes;
    d->ifi_obytes = ifp->stats.obytes;
    d->ifi_imcasts = ifp->stats.imcasts;
    d->ifi_iqdrops = ifp->stats.iqdrops;
    d->ifi_oqdrops = ifp->stats.oqdrops;
}

/* A Linux sockaddr as FreeBSD's; 0 if it has no FreeBSD form.  IPv6
 * link- and interface-local addresses get the interface as their zone. */
static size_t conv_sa(const struct sockaddr_storage *ss, unsigned index,
                      struct fbsd_sockaddr_storage *out)
{
    socklen_t l;
    switch (ss->ss_family) {
    case AF_INET:  l = sizeof(struct sockaddr_in); break;
    case AF_INET6: l = sizeof(struct sockaddr_in6); break;
    default: return 0;
    }
    size_t n = fbsd_sockaddr_from_linux((const struct sockaddr *)ss, l, out);
    if (n && ss->ss_family == AF_INET6) {
        struct fbsd_sockaddr_in6 *s6 = (struct fbsd_sockaddr_in6 *)out;
        const uint8_t *a = s6->sin6_addr;
        bool ll_unicast = a[0] == 0xfe && (a[1] & 0xc0) == 0x80;
        bool ll_multicast = a[0] == 0xff && ((a[1] & 0x0f) == 1 || (a[1] & 0x0f) == 2);
        if ((ll_unicast || ll_multicast) && !s6->sin6_scope_id)
            s6->sin6_scope_id = index;
    }
    return n;
}

static int fbsd_family(int lnx)
{
    return lnx == AF_INET ? FBSD_AF_INET : lnx == AF_INET6 ? FBSD_AF_INET6 : -1;
}

static void build_ifinfo(struct out *o, const struct route_if *ifp, bool extended)
{
    struct sa_set s;
    memset(s.sa, 0, sizeof s.sa);
    uint8_t sdl[128];
    set_sa(&s, FBSD_RTAX_IFP, sdl, make_sdl(ifp, sdl));
    if (extended) {
        struct fbsd_if_msghdrl m;
        memset(&m, 0, sizeof m);
        m.ifm_msglen = (uint16_t)(sizeof m + sa_space(&s));
        m.ifm_version = FBSD_RTM_VERSION;
        m.ifm_type = FBSD_RTM_IFINFO;
        m.ifm_addrs = sa_addrs(&s);
        m.ifm_flags = fbsd_route_ifflags(ifp->flags);
        m.ifm_index = (uint16_t)ifp->index;
        m.ifm_len = sizeof m;
        m.ifm_data_off = offsetof(struct fbsd_if_msghdrl, ifm_data);
        fill_if_data(ifp, &m.ifm_data);
        emit(o, &m, sizeof m);
    } else {
        struct fbsd_if_msghdr m;
        memset(&m, 0, sizeof m);
        m.ifm_msglen = (uint16_t)(sizeof m + sa_space(&s));
        m.ifm_version = FBSD_RTM_VERSION;
        m.ifm_type = FBSD_RTM_IFINFO;
        m.ifm_addrs = sa_addrs(&s);
        m.ifm_flags = fbsd_route_ifflags(ifp->flags);
        m.ifm_index = (uint16_t)ifp->index;
        fill_if_data(ifp, &m.ifm_data);
        emit(o, &m, sizeof m);
    }
    emit_sas(o, &s);
}

static void build_ifaddr(struct out *o, const struct route_if *ifp,
                         const struct route_ifaddr *a, bool extended)
{
    struct sa_set s;
    struct fbsd_sockaddr_storage f;
    memset(s.sa, 0, sizeof s.sa);
    if (a->mask.ss_family) {
        /* rtsock_fix_netmask: the address's length and family. */
        struct sockaddr_storage m = a->mask;
        m.ss_family = a->addr.ss_family;
        if (m.ss_family == AF_INET6)
            ((struct sockaddr_in6 *)&m)->sin6_scope_id = 0;
        size_t n = fbsd_sockaddr_from_linux((const struct sockaddr *)&m,
                                            m.ss_family == AF_INET6 ? sizeof(struct sockaddr_in6)
                                                                    : sizeof(struct sockaddr_in), &f);
        set_sa(&s, FBSD_RTAX_NETMASK, &f, n);
    }
    set_sa(&s, FBSD_RTAX_IFA, &f, conv_sa(&a->addr, ifp->index, &f));
    if (a->brd.ss_family == a->addr.ss_family)
        set_sa(&s, FBSD_RTAX_BRD, &f, conv_sa(&a->brd, ifp->index, &f));
    if (extended) {
        struct fbsd_ifa_msghdrl m;
        memset(&m, 0, sizeof m);
        m.ifam_msglen = (uint16_t)(sizeof m + sa_space(&s));
        m.ifam_version = FBSD_RTM_VERSION;
        m.ifam_type = FBSD_RTM_NEWADDR;
        m.ifam_addrs = sa_addrs(&s);
        m.ifam_index = (uint16_t)ifp->index;
        m.ifam_len = sizeof m;
        m.ifam_data_off = offsetof(struct fbsd_ifa_msghdrl, ifam_data);
        m.ifam_data.ifi_datalen = sizeof m.ifam_data;
        emit(o, &m, sizeof m);
    } else {
        struct fbsd_ifa_msghdr m;
        memset(&m, 0, sizeof m);
        m.ifam_msglen = (uint16_t)(sizeof m + sa_space(&s));
        m.ifam_version = FBSD_RTM_VERSION;
        m.ifam_type = FBSD_RTM_NEWADDR;
        m.ifam_addrs = sa_addrs(&s);
        m.ifam_index = (uint16_t)ifp->index;
        emit(o, &m, sizeof m);
    }
    emit_sas(o, &s);
}

static void build_ifmaddr(struct out *o, const struct route_if *ifp,
                          const struct sockaddr_storage *group)
{
    struct sa_set s;
    struct fbsd_sockaddr_storage f;
    uint8_t sdl[128];
    memset(s.sa, 0, sizeof s.sa);
    set_sa(&s, FBSD_RTAX_IFP, sdl, make_sdl(ifp, sdl));
    set_sa(&s, FBSD_RTAX_IFA, &f, conv_sa(group, ifp->index, &f));
    struct fbsd_ifma_msghdr m;
    memset(&m, 0, sizeof m);
    m.ifmam_msglen = (uint16_t)(sizeof m + sa_space(&s));
    m.ifmam_version = FBSD_RTM_VERSION;
    m.ifmam_type = FBSD_RTM_NEWMADDR;
    m.ifmam_addrs = sa_addrs(&s);
    m.ifmam_index = (uint16_t)ifp->index;
    emit(o, &m, sizeof m);
    emit_sas(o, &s);
}

long fbsd_route_build(const struct route_if *ifs, unsigned nifs, int af, int op,
                      int ifindex, void *buf, size_t cap)
{
    if (op != FBSD_NET_RT_IFLIST && op != FBSD_NET_RT_IFLISTL && op != FBSD_NET_RT_IFMALIST)
        return -EOPNOTSUPP;
    struct out o = { buf, buf ? cap : 0, 0 };
    for (unsigned i = 0; i < nifs; i++) {
        const struct route_if *ifp = &ifs[i];
        if (ifindex && (unsigned)ifindex != ifp->index)
            continue;
        if (op == FBSD_NET_RT_IFMALIST) {
            for (unsigned j = 0; j < ifp->ngroups; j++)
                if (!af || af == fbsd_family(ifp->groups[j].ss_family))
                    build_ifmaddr(&o, ifp, &ifp->groups[j]);
            continue;
        }
        bool ext = op == FBSD_NET_RT_IFLISTL;
        build_ifinfo(&o, ifp, ext);
        for (unsigned j = 0; j < ifp->naddrs; j++) {
            int fam = fbsd_family(ifp->addrs[j].addr.ss_family);
            if (fam < 0 || (af && af != fam))
                continue;
            build_ifaddr(&o, ifp, &ifp->addrs[j], ext);
        }
    }
    return (long)o.len;
}

/* ---- the host's interfaces ---- */

struct host_if {
    struct route_if r;
    struct route_ifaddr *addrs;
    struct sockaddr_storage *groups;
    unsigned naddrs, ngroups;
};

struct snapshot {
    struct host_if *v;
    unsigned n;
};

static struct host_if *find_if(struct snapshot *s, const char *name, unsigned index)
{
    for (unsigned i = 0; i < s->n; i++)
        if ((index && s->v[i].r.index == index) ||
            (!index && name && strcmp(s->v[i].r.name, name) == 0))
            return &s->v[i];
    if (!index && name)
        index = if_nametoindex(name);
    if (!index || !name)
        return NULL;
    struct host_if *nv = realloc(s->v, (s->n + 1) * sizeof *nv);
    if (!nv)
        return NULL;
    s->v = nv;
    struct host_if *h = &s->v[s->n++];
    memset(h, 0, sizeof *h);
    snprintf(h->r.name, sizeof h->r.name, "%s", name);
    h->r.index = index;
    return h;
}

static void add_addr(struct host_if *h, const struct ifaddrs *ifa)
{
    struct route_ifaddr *nv = realloc(h->addrs, (h->naddrs + 1) * sizeof *nv);
    if (!nv)
        return;
    h->addrs = nv;
    struct route_ifaddr *a = &h->addrs[h->naddrs++];
    memset(a, 0, sizeof *a);
    size_t l = ifa->ifa_addr->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6)
                                                    : sizeof(struct sockaddr_in);
    memcpy(&a->addr, ifa->ifa_addr, l);
    if (ifa->ifa_netmask)
        memcpy(&a->mask, ifa->ifa_netmask, l);
    a->mask.ss_family = a->addr.ss_family;
    if ((ifa->ifa_flags & (IFF_BROADCAST | IFF_POINTOPOINT)) && ifa->ifa_broadaddr &&
        ifa->ifa_broadaddr->sa_family == ifa->ifa_addr->sa_family)
        memcpy(&a->brd, ifa->ifa_broadaddr, l);
}

static void add_group(struct host_if *h, const struct sockaddr_storage *g)
{
    struct sockaddr_storage *nv = realloc(h->groups, (h->ngroups + 1) * sizeof *nv);
    if (!nv)
        return;
    h->groups = nv;
    h->groups[h->ngroups++] = *g;
}

static int hexval(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* /proc/net/igmp: a "IDX\tNAME : COUNT QUERIER" line per device, then one
 * "\t\t\t\tGROUP USERS TIMER REPORTER" line per group, GROUP being the
 * in_addr's 32 bits printed as a host-order number. */
static void read_igmp(struct snapshot *s)
{
    FILE *f = fopen("/proc/net/igmp", "re");
    if (!f)
        return;
    char line[256];
    struct host_if *cur = NULL;
    while (fgets(line, sizeof line, f)) {
        unsigned idx;
        char name[IF_NAMESIZE + 1];
        if (line[0] >= '0' && line[0] <= '9') {
            cur = sscanf(line, "%u %16s", &idx, name) == 2 ? find_if(s, NULL, idx) : NULL;
            continue;
        }
        unsigned group;
        if (cur && line[0] == '\t' && sscanf(line, " %8x", &group) == 1) {
            struct sockaddr_storage g;
            memset(&g, 0, sizeof g);
            struct sockaddr_in *sin = (struct sockaddr_in *)&g;
            sin->sin_family = AF_INET;
            sin->sin_addr.s_addr = group;
            add_group(cur, &g);
        }
    }
    fclose(f);
}

/* /proc/net/igmp6: "IDX NAME GROUP(32 hex digits) USERS FLAGS TIMER". */
static void read_igmp6(struct snapshot *s)
{
    FILE *f = fopen("/proc/net/igmp6", "re");
    if (!f)
        return;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        unsigned idx;
        char name[IF_NAMESIZE + 1], hex[40];
        if (sscanf(line, "%u %16s %39s", &idx, name, hex) != 3 || strlen(hex) != 32)
            continue;
        struct sockaddr_storage g;
        memset(&g, 0, sizeof g);
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&g;
        sin6->sin6_family = AF_INET6;
        bool ok = true;
        for (int i = 0; i < 16 && ok; i++) {
            int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);
            ok = hi >= 0 && lo >= 0;
            sin6->sin6_addr.s6_addr[i] = (uint8_t)(hi << 4 | lo);
        }
        struct host_if *h = ok ? find_if(s, NULL, idx) : NULL;
        if (h)
            add_group(h, &g);
    }
    fclose(f);
}

static int by_index(const void *a, const void *b)
{
    const struct host_if *x = a, *y = b;
    return x->r.index < y->r.index ? -1 : x->r.index > y->r.index;
}

static void snapshot_free(struct snapshot *s)
{
    for (unsigned i = 0; i < s->n; i++) {
        free(s->v[i].addrs);
        free(s->v[i].groups);
    }
    free(s->v);
    s->v = NULL;
    s->n = 0;
}

static int snapshot_take(struct snapshot *s, bool groups)
{
    memset(s, 0, sizeof *s);
    struct ifaddrs *list;
    if (getifaddrs(&list) != 0)
        return -errno;
    /* Link entries (AF_PACKET) first: they carry index, type and counters. */
    for (struct ifaddrs *ifa = list; ifa; ifa = ifa->ifa_next) {
        if (!ifa->ifa_addr || ifa->ifa_addr->sa_family != AF_PACKET)
            continue;
        const struct sockaddr_ll *ll = (const struct sockaddr_ll *)ifa->ifa_addr;
        struct host_if *h = find_if(s, ifa->ifa_name, (unsigned)ll->sll_ifindex);
        if (!h)
            continue;
        snprintf(h->r.name, sizeof h->r.name, "%s", ifa->ifa_name);
        h->r.flags = ifa->ifa_flags;
        h->r.arphrd = ll->sll_hatype;
        h->r.hwlen = ll->sll_halen < sizeof ll->sll_addr ? ll->sll_halen : sizeof ll->sll_addr;
        memcpy(h->r.hwaddr, ll->sll_addr, h->r.hwlen);
        if (ifa->ifa_data) {
            /* struct rtnl_link_stats (linux/if_link.h): 32-bit counters
             * rx/tx packets, rx/tx bytes, rx/tx errors, rx/tx dropped,
             * multicast, collisions. */
            uint32_t st[10];
            memcpy(st, ifa->ifa_data, sizeof st);
            h->r.stats.ipackets = st[0];
            h->r.stats.opackets = st[1];
            h->r.stats.ibytes = st[2];
            h->r.stats.obytes = st[3];
            h->r.stats.ierrors = st[4];
            h->r.stats.oerrors = st[5];
            h->r.stats.iqdrops = st[6];
            h->r.stats.oqdrops = st[7];
            h->r.stats.imcasts = st[8];
            h->r.stats.collisions = st[9];
        }
    }
    for (struct ifaddrs *ifa = list; ifa; ifa = ifa->ifa_next) {
        if (!ifa->ifa_addr || (ifa->ifa_addr->sa_family != AF_INET &&
                               ifa->ifa_addr->sa_family != AF_INET6))
            continue;
        struct host_if *h = find_if(s, ifa->ifa_name, 0);
        if (!h)
            continue;
        if (!h->r.flags)
            h->r.flags = ifa->ifa_flags;
        add_addr(h, ifa);
    }
    freeifaddrs(list);

    int sock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    for (unsigned i = 0; i < s->n; i++) {
        struct ifreq ifr;
        memset(&ifr, 0, sizeof ifr);
        snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", s->v[i].r.name);
        if (sock >= 0 && ioctl(sock, SIOCGIFMTU, &ifr) == 0)
            s->v[i].r.mtu = (unsigned)ifr.ifr_mtu;
    }
    if (sock >= 0)
        close(sock);
    if (groups) {
        read_igmp(s);
        read_igmp6(s);
    }
    qsort(s->v, s->n, sizeof *s->v, by_index);
    for (unsigned i = 0; i < s->n; i++) {
        s->v[i].r.addrs = s->v[i].addrs;
        s->v[i].r.naddrs = s->v[i].naddrs;
        s->v[i].r.groups = s->v[i].groups;
        s->v[i].r.ngroups = s->v[i].ngroups;
    }
    return 0;
}

/* ---- the sysctl ---- */

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

    struct snapshot s;
    long r = snapshot_take(&s, op == FBSD_NET_RT_IFMALIST);
    if (r < 0)
        return r;
    struct route_if *ifs = malloc((s.n ? s.n : 1) * sizeof *ifs);
    if (!ifs) {
        snapshot_free(&s);
        return -ENOMEM;
    }
    for (unsigned i = 0; i < s.n; i++)
        ifs[i] = s.v[i].r;
    long len = fbsd_route_build(ifs, s.n, af, op, arg, NULL, 0);
    uint8_t *buf = len > 0 ? malloc((size_t)len) : NULL;
    if (len > 0 && !buf)
        len = -ENOMEM;
    else if (len > 0)
        fbsd_route_build(ifs, s.n, af, op, arg, buf, (size_t)len);
    free(ifs);
    snapshot_free(&s);
    if (len < 0)
        return len;

    /* sysctl's old/oldlenp rules (kern_sysctl.c sysctl_old_user): no
     * buffer asks the size; a short one gets what fits, and ENOMEM. */
    size_t total = (size_t)len;
    uint64_t have = 0;
    r = 0;
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
