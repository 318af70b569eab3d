/* The routing sysctl's interface operations, {CTL_NET, PF_ROUTE, 0, af,
 * op, ifindex}, the way BSD programs (Go's net.Interfaces and
 * InterfaceAddrs; libc's getifaddrs and if_nameindex) list network
 * interfaces.  The kernels answer from their ifnet list (FreeBSD
 * sys/net/rtsock.c sysctl_iflist, sysctl_ifmalist; NetBSD sys/net/rtsock.c
 * sysctl_iflist); persona answers from the host's, in the messages one OS
 * describes with a struct bsd_route_abi:
 *
 *   interface list (FreeBSD NET_RT_IFLIST / IFLISTL, NetBSD NET_RT_IFLIST):
 *     per interface one RTM_IFINFO message (if_msghdr[l] + its
 *     sockaddr_dl), then one RTM_NEWADDR message (ifa_msghdr[l]) per
 *     address of family af (0: all) with RTA_NETMASK, RTA_IFA and, for
 *     broadcast and point-to-point links, RTA_BRD -- on NetBSD the
 *     link-level address first, as its address list has it;
 *   multicast list (FreeBSD NET_RT_IFMALIST): one RTM_NEWMADDR message
 *     (ifma_msghdr) per multicast membership with RTA_IFP and RTA_IFA.
 *
 * Host facts come from getifaddrs(3) (persona's own query, not a guest
 * call: names, indexes, flags, ARPHRD type, hardware address, counters,
 * addresses), SIOCGIFMTU and /proc/net/igmp, /proc/net/igmp6 (multicast
 * groups).  Interface names and indexes are the host's ("eth0", not
 * "em0"), so an IPv6 zone means the same interface on both sides.
 *
 * As FreeBSD's rtsock with net.inet6.ip6.deembed_scopeid=1 (the default),
 * link- and interface-local IPv6 addresses carry their zone in
 * sin6_scope_id, never embedded in the address (Go's x/net/route reads
 * either form); netmasks have the full length and the family of their
 * address (FreeBSD rtsock_fix_netmask).  Not reproduced: link-layer
 * (AF_LINK) multicast memberships and the RTA_GATEWAY link-layer address
 * of a group, per-address counters in ifa_msghdrl, ifa_flags and metrics,
 * if_data's baudrate and timestamps (0). */
#include "personality/bsd/sysctl_route.h"
#include "abi/bsd/route.h"
#include <errno.h>
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

int bsd_route_ifflags(const struct bsd_route_abi *abi, unsigned lf)
{
    int f = 0;
    for (size_t i = 0; i < abi->n_iff; i++)
        if (lf & (unsigned)abi->iff[i].lnx)
            f |= abi->iff[i].guest;
    return f;
}

static uint8_t ift_of(unsigned arphrd)
{
    switch (arphrd) {
    case ARPHRD_ETHER:      return BSD_IFT_ETHER;
    case ARPHRD_LOOPBACK:   return BSD_IFT_LOOP;
    case ARPHRD_PPP:        return BSD_IFT_PPP;
    case ARPHRD_IEEE80211:  return BSD_IFT_IEEE80211;
    case ARPHRD_INFINIBAND: return BSD_IFT_INFINIBAND;
    case ARPHRD_TUNNEL:
    case ARPHRD_TUNNEL6:
    case ARPHRD_SIT:        return BSD_IFT_GIF;       /* gif(4) */
    case ARPHRD_IPGRE:
    case ARPHRD_IP6GRE:     return BSD_IFT_TUNNEL;    /* gre(4) */
    case ARPHRD_NONE:       return BSD_IFT_PROPVIRTUAL; /* tun(4), wg(4)-like */
    default:                return BSD_IFT_OTHER;
    }
}

/* The link-level address a BSD would show: only media that have one, and
 * not an all-zero placeholder (Linux gives lo 00:00:00:00:00:00). */
static unsigned link_alen(const struct route_if *ifp)
{
    uint8_t t = ift_of(ifp->arphrd);
    if (t != BSD_IFT_ETHER && t != BSD_IFT_IEEE80211 && t != BSD_IFT_INFINIBAND)
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

/* A field of a header being built (little-endian, as amd64 is). */
static void put(uint8_t *hdr, struct bsd_rt_field f, uint64_t v)
{
    if (f.width)
        memcpy(hdr + f.off, &v, f.width);
}

/* A message's sockaddrs, by RTAX slot, and their padding. */
struct sa_set {
    const void *sa[BSD_RTAX_NSLOTS];
    size_t len[BSD_RTAX_NSLOTS];
    uint8_t store[BSD_RTAX_NSLOTS][128];
    unsigned align;
};

static void sa_init(struct sa_set *s, const struct bsd_route_abi *abi)
{
    memset(s->sa, 0, sizeof s->sa);
    s->align = abi->sa_align;
}

static void set_sa(struct sa_set *s, int rtax, const void *sa, size_t len)
{
    if (len == 0 || len > sizeof s->store[0])
        return;
    memcpy(s->store[rtax], sa, len);
    s->sa[rtax] = s->store[rtax];
    s->len[rtax] = len;
}

static size_t sa_space(const struct sa_set *s, size_t len)
{
    return len == 0 ? s->align : (len + s->align - 1) / s->align * s->align;
}

static int sa_addrs(const struct sa_set *s)
{
    int bits = 0;
    for (int i = 0; i < BSD_RTAX_NSLOTS; i++)
        if (s->sa[i])
            bits |= 1 << i;
    return bits;
}

static size_t sas_space(const struct sa_set *s)
{
    size_t n = 0;
    for (int i = 0; i < BSD_RTAX_NSLOTS; i++)
        if (s->sa[i])
            n += sa_space(s, s->len[i]);
    return n;
}

static void emit_sas(struct out *o, const struct sa_set *s)
{
    static const uint8_t zero[16];
    for (int i = 0; i < BSD_RTAX_NSLOTS; i++)
        if (s->sa[i]) {
            emit(o, s->sa[i], s->len[i]);
            emit(o, zero, sa_space(s, s->len[i]) - s->len[i]);
        }
}

/* A header of kind h with its common head filled, for sockaddrs s. */
static void head(uint8_t *m, const struct bsd_route_abi *abi, const struct bsd_rt_hdr *h,
                 const struct sa_set *s, unsigned index)
{
    struct bsd_rt_msghead mh = {
        .msglen = (uint16_t)(h->size + sas_space(s)),
        .version = abi->rtm_version,
        .type = h->type,
        .addrs = sa_addrs(s),
    };
    memset(m, 0, h->size);
    memcpy(m, &mh, sizeof mh);
    put(m, h->index, index);
    put(m, h->len, h->size);
    put(m, h->data_off, h->data);
}

/* The interface's sockaddr_dl: name, then link-level address; sdl_len as
 * the kernel sizes it (FreeBSD if_attach_internal, NetBSD if_dl_create). */
static size_t make_sdl(const struct bsd_route_abi *abi, const struct route_if *ifp,
                       uint8_t out[128])
{
    size_t nlen = strnlen(ifp->name, sizeof ifp->name);
    unsigned alen = link_alen(ifp);
    size_t len = sizeof(struct bsd_sockaddr_dl_head) + nlen + alen;
    len = (len + 7) & ~(size_t)7;
    if (len < abi->sdl_min)
        len = abi->sdl_min;
    struct bsd_sockaddr_dl_head sdl = {
        .sdl_len = (uint8_t)len,
        .sdl_family = abi->af_link,
        .sdl_index = (uint16_t)ifp->index,
        .sdl_type = ift_of(ifp->arphrd),
        .sdl_nlen = (uint8_t)nlen,
        .sdl_alen = (uint8_t)alen,
    };
    memset(out, 0, 128);
    memcpy(out, &sdl, sizeof sdl);
    memcpy(out + sizeof sdl, ifp->name, nlen);
    memcpy(out + sizeof sdl + nlen, ifp->hwaddr, alen);
    return len;
}

/* The netmask of the link-level address (NetBSD if_dl_create): ones over
 * the name, sdl_len just that long, no family. */
static size_t make_sdl_mask(const struct route_if *ifp, uint8_t out[128])
{
    size_t nlen = strnlen(ifp->name, sizeof ifp->name);
    memset(out, 0, 128);
    out[0] = (uint8_t)(sizeof(struct bsd_sockaddr_dl_head) + nlen);
    memset(out + sizeof(struct bsd_sockaddr_dl_head), 0xff, nlen);
    return out[0];
}

static void fill_if_data(const struct bsd_route_abi *abi, const struct route_if *ifp,
                         uint8_t *d, bool counters)
{
    const struct bsd_rt_ifdata *l = &abi->ifdata;
    memset(d, 0, l->size);
    put(d, l->datalen, l->size);
    if (!counters)
        return;
    uint8_t type = ift_of(ifp->arphrd);
    put(d, l->type, type);
    put(d, l->addrlen, link_alen(ifp));
    put(d, l->hdrlen, type == BSD_IFT_ETHER ? BSD_ETHER_HDR_LEN : 0);
    put(d, l->link_state, (ifp->flags & LINUX_IFF_LOWER_UP) ? BSD_LINK_STATE_UP
                                                            : BSD_LINK_STATE_DOWN);
    put(d, l->mtu, ifp->mtu);
    put(d, l->ipackets, ifp->stats.ipackets);
    put(d, l->ierrors, ifp->stats.ierrors);
    put(d, l->opackets, ifp->stats.opackets);
    put(d, l->oerrors, ifp->stats.oerrors);
    put(d, l->collisions, ifp->stats.collisions);
    put(d, l->ibytes, ifp->stats.ibytes);
    put(d, l->obytes, ifp->stats.obytes);
    put(d, l->imcasts, ifp->stats.imcasts);
    put(d, l->iqdrops, ifp->stats.iqdrops);
    put(d, l->oqdrops, ifp->stats.oqdrops);
}

/* A Linux sockaddr as the OS's; 0 if it has no such form.  IPv6 link- and
 * interface-local addresses get the interface as their zone. */
static size_t conv_sa(const struct bsd_route_abi *abi, const struct sockaddr_storage *ss,
                      unsigned index, struct bsd_sockaddr_storage *out)
{
    socklen_t l;
    switch (ss->ss_family) {
    case AF_INET:  l = sizeof(struct sockaddr_in); break;
    case AF_INET6: l = sizeof(struct sockaddr_in6); break;
    default: return 0;
    }
    size_t n = bsd_sockaddr_from_linux(abi->sock, (const struct sockaddr *)ss, l, out);
    if (n && ss->ss_family == AF_INET6) {
        struct bsd_sockaddr_in6 *s6 = (struct bsd_sockaddr_in6 *)out;
        const uint8_t *a = s6->sin6_addr;
        bool ll_unicast = a[0] == 0xfe && (a[1] & 0xc0) == 0x80;
        bool ll_multicast = a[0] == 0xff && ((a[1] & 0x0f) == 1 || (a[1] & 0x0f) == 2);
        if ((ll_unicast || ll_multicast) && !s6->sin6_scope_id)
            s6->sin6_scope_id = index;
    }
    return n;
}

static int guest_family(const struct bsd_route_abi *abi, int lnx)
{
    return lnx == AF_INET ? BSD_AF_INET : lnx == AF_INET6 ? abi->sock->af_inet6 : -1;
}

static void build_ifinfo(struct out *o, const struct bsd_route_abi *abi,
                         const struct route_if *ifp, bool extended)
{
    const struct bsd_rt_hdr *h = extended ? &abi->ifinfol : &abi->ifinfo;
    struct sa_set s;
    uint8_t sdl[128], m[256];
    sa_init(&s, abi);
    set_sa(&s, BSD_RTAX_IFP, sdl, make_sdl(abi, ifp, sdl));
    head(m, abi, h, &s, ifp->index);
    put(m, h->flags, (uint32_t)bsd_route_ifflags(abi, ifp->flags));
    if (h->data)
        fill_if_data(abi, ifp, m + h->data, h->data_counters);
    emit(o, m, h->size);
    emit_sas(o, &s);
}

/* RTM_NEWADDR for the interface's link-level address (NetBSD). */
static void build_linkaddr(struct out *o, const struct bsd_route_abi *abi,
                           const struct route_if *ifp)
{
    const struct bsd_rt_hdr *h = &abi->newaddr;
    struct sa_set s;
    uint8_t sdl[128], mask[128], m[256];
    sa_init(&s, abi);
    set_sa(&s, BSD_RTAX_NETMASK, mask, make_sdl_mask(ifp, mask));
    set_sa(&s, BSD_RTAX_IFA, sdl, make_sdl(abi, ifp, sdl));
    head(m, abi, h, &s, ifp->index);
    emit(o, m, h->size);
    emit_sas(o, &s);
}

static void build_ifaddr(struct out *o, const struct bsd_route_abi *abi,
                         const struct route_if *ifp, const struct route_ifaddr *a,
                         bool extended)
{
    const struct bsd_rt_hdr *h = extended ? &abi->newaddrl : &abi->newaddr;
    struct sa_set s;
    struct bsd_sockaddr_storage f;
    uint8_t m[256];
    sa_init(&s, abi);
    if (a->mask.ss_family) {
        /* FreeBSD rtsock_fix_netmask: the address's length and family. */
        struct sockaddr_storage mk = a->mask;
        mk.ss_family = a->addr.ss_family;
        if (mk.ss_family == AF_INET6)
            ((struct sockaddr_in6 *)&mk)->sin6_scope_id = 0;
        size_t n = bsd_sockaddr_from_linux(abi->sock, (const struct sockaddr *)&mk,
                                           mk.ss_family == AF_INET6 ? sizeof(struct sockaddr_in6)
                                                                    : sizeof(struct sockaddr_in),
                                           &f);
        set_sa(&s, BSD_RTAX_NETMASK, &f, n);
    }
    set_sa(&s, BSD_RTAX_IFA, &f, conv_sa(abi, &a->addr, ifp->index, &f));
    if (a->brd.ss_family == a->addr.ss_family)
        set_sa(&s, BSD_RTAX_BRD, &f, conv_sa(abi, &a->brd, ifp->index, &f));
    head(m, abi, h, &s, ifp->index);
    if (h->data)
        fill_if_data(abi, ifp, m + h->data, h->data_counters);
    emit(o, m, h->size);
    emit_sas(o, &s);
}

static void build_ifmaddr(struct out *o, const struct bsd_route_abi *abi,
                          const struct route_if *ifp, const struct sockaddr_storage *group)
{
    const struct bsd_rt_hdr *h = &abi->newmaddr;
    struct sa_set s;
    struct bsd_sockaddr_storage f;
    uint8_t sdl[128], m[256];
    sa_init(&s, abi);
    set_sa(&s, BSD_RTAX_IFP, sdl, make_sdl(abi, ifp, sdl));
    set_sa(&s, BSD_RTAX_IFA, &f, conv_sa(abi, group, ifp->index, &f));
    head(m, abi, h, &s, ifp->index);
    emit(o, m, h->size);
    emit_sas(o, &s);
}

long bsd_route_build(const struct bsd_route_abi *abi, const struct route_if *ifs,
                     unsigned nifs, int af, int op, int ifindex, void *buf, size_t cap)
{
    bool iflist = op >= 0 && op == abi->op_iflist;
    bool iflistl = op >= 0 && op == abi->op_iflistl;
    bool ifmalist = op >= 0 && op == abi->op_ifmalist;
    if (!iflist && !iflistl && !ifmalist)
        return -EOPNOTSUPP;
    struct out o = { buf, buf ? cap : 0, 0 };
    for (unsigned i = 0; i < nifs; i++) {
        const struct route_if *ifp = &ifs[i];
        if (ifindex && (unsigned)ifindex != ifp->index)
            continue;
        if (ifmalist) {
            for (unsigned j = 0; j < ifp->ngroups; j++)
                if (!af || af == guest_family(abi, ifp->groups[j].ss_family))
                    build_ifmaddr(&o, abi, ifp, &ifp->groups[j]);
            continue;
        }
        build_ifinfo(&o, abi, ifp, iflistl);
        if (abi->link_newaddr && (!af || af == abi->af_link))
            build_linkaddr(&o, abi, ifp);
        for (unsigned j = 0; j < ifp->naddrs; j++) {
            int fam = guest_family(abi, ifp->addrs[j].addr.ss_family);
            if (fam < 0 || (af && af != fam))
                continue;
            build_ifaddr(&o, abi, ifp, &ifp->addrs[j], iflistl);
        }
    }
    return (long)o.len;
}

size_t bsd_route_whole(const uint8_t *buf, size_t len, size_t cap)
{
    size_t p = 0;
    while (p + sizeof(uint16_t) <= len) {
        uint16_t l;
        memcpy(&l, buf + p, sizeof l);
        if (l == 0 || p + l > len || p + l > cap)
            break;
        p += l;
    }
    return p;
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

int bsd_route_host_take(struct bsd_route_host *h, bool groups)
{
    memset(h, 0, sizeof *h);
    struct snapshot *s = malloc(sizeof *s);
    if (!s)
        return -ENOMEM;
    int r = snapshot_take(s, groups);
    if (r < 0) {
        free(s);
        return r;
    }
    h->ifs = malloc((s->n ? s->n : 1) * sizeof *h->ifs);
    if (!h->ifs) {
        snapshot_free(s);
        free(s);
        return -ENOMEM;
    }
    for (unsigned i = 0; i < s->n; i++)
        h->ifs[i] = s->v[i].r;
    h->n = s->n;
    h->priv = s;
    return 0;
}

void bsd_route_host_free(struct bsd_route_host *h)
{
    if (h->priv)
        snapshot_free(h->priv);
    free(h->priv);
    free(h->ifs);
    memset(h, 0, sizeof *h);
}

long bsd_route_answer(const struct bsd_route_abi *abi, int af, int op, int arg,
                      uint8_t **out, size_t *outlen)
{
    *out = NULL;
    *outlen = 0;
    struct bsd_route_host h;
    long r = bsd_route_host_take(&h, op >= 0 && op == abi->op_ifmalist);
    if (r < 0)
        return r;
    long len = bsd_route_build(abi, h.ifs, h.n, af, op, arg, NULL, 0);
    uint8_t *buf = len > 0 ? malloc((size_t)len) : NULL;
    if (len > 0 && !buf)
        len = -ENOMEM;
    else if (len > 0)
        bsd_route_build(abi, h.ifs, h.n, af, op, arg, buf, (size_t)len);
    bsd_route_host_free(&h);
    if (len < 0)
        return len;
    *out = buf;
    *outlen = (size_t)len;
    return 0;
}
