/* Socket addresses and numbers (abi/freebsd/socket.c).  Input: a selector
 * byte, then a guest sockaddr (FreeBSD layout) or a host one (Linux).
 * Checked: lengths stay within the storage; an address the guest may pass
 * comes back from Linux as the same address; what Linux returns converts
 * into a FreeBSD address whose sa_len is its length and that converts
 * back to the same Linux address; families and flags map consistently. */
#include "abi/freebsd/socket.h"
#include "tests/fuzz/fuzz_util.h"
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

static void guest_to_host(const uint8_t *in, size_t len)
{
    struct sockaddr_storage ss;
    socklen_t sl = 0;
    long r = fbsd_sockaddr_to_linux(in, len, &ss, &sl);
    if (r != 0) {
        FZ_CHECK(r < 0 && r > -4096, "result %ld", r);
        return;
    }
    FZ_CHECK(sl >= sizeof(sa_family_t) && sl <= sizeof ss, "Linux length %u", sl);
    struct fbsd_sockaddr_storage back;
    size_t blen = fbsd_sockaddr_from_linux((struct sockaddr *)&ss, sl, &back);
    FZ_CHECK(blen <= sizeof back, "FreeBSD length %zu", blen);
    switch (in[1]) {
    case FBSD_AF_INET:
        FZ_CHECK(blen == sizeof(struct fbsd_sockaddr_in) &&
                 memcmp((char *)&back + 2, in + 2, 6) == 0, "AF_INET round trip");
        break;
    case FBSD_AF_INET6:
        FZ_CHECK(blen == sizeof(struct fbsd_sockaddr_in6) &&
                 memcmp((char *)&back + 2, in + 2, 26) == 0, "AF_INET6 round trip");
        break;
    case FBSD_AF_UNIX: {
        const struct fbsd_sockaddr_un *u = (const struct fbsd_sockaddr_un *)&back;
        size_t n = strnlen((const char *)in + 2, len - 2);
        FZ_CHECK(n > 0 && u->sun_family == FBSD_AF_UNIX &&
                 memcmp(u->sun_path, in + 2, n) == 0 &&
                 (n == FBSD_SUN_PATH_MAX || u->sun_path[n] == 0), "AF_UNIX round trip");
        break;
    }
    }
}

static void host_to_guest(const uint8_t *in, size_t len)
{
    struct fbsd_sockaddr_storage f;
    size_t n = fbsd_sockaddr_from_linux((const struct sockaddr *)in, (socklen_t)len, &f);
    FZ_CHECK(n <= sizeof f, "FreeBSD length %zu", n);
    if (n == 0)
        return;
    FZ_CHECK(f.ss_len == n, "sa_len %u but length %zu", f.ss_len, n);
    size_t max = f.ss_family == FBSD_AF_INET ? sizeof(struct fbsd_sockaddr_in)
               : f.ss_family == FBSD_AF_INET6 ? sizeof(struct fbsd_sockaddr_in6)
               : f.ss_family == FBSD_AF_UNIX ? sizeof(struct fbsd_sockaddr_un)
               : sizeof(struct fbsd_sockaddr);
    FZ_CHECK(n <= max, "family %u address of %zu bytes (at most %zu)", f.ss_family, n, max);
    struct sockaddr_storage ss;
    socklen_t sl;
    if (f.ss_family == FBSD_AF_INET || f.ss_family == FBSD_AF_INET6) {
        FZ_CHECK(fbsd_sockaddr_to_linux(&f, n, &ss, &sl) == 0, "family %u refused back", f.ss_family);
        size_t cmp = f.ss_family == FBSD_AF_INET ? 8 : 28;
        uint8_t orig[28] = { 0 };
        memcpy(orig, in, len < cmp ? len : cmp);
        FZ_CHECK(memcmp(&ss, orig, cmp) == 0, "Linux address changed in a round trip");
    }
}

static void numbers(struct fz *f)
{
    int d = fz_int(f), t = fz_int(f), m = fz_int(f), lm = fz_int(f), lvl = fz_int(f),
        name = fz_int(f);
    int ld = fbsd_domain_to_linux(d);
    FZ_CHECK(ld == -1 || fbsd_domain_from_linux(ld) == d, "domain %d", d);
    (void)fbsd_socktype_to_linux(t);
    int a = fbsd_accept4_flags_to_linux(t);
    FZ_CHECK(a == -1 || (a & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) == 0, "accept4 %#x -> %#x", t, a);
    int unk;
    int lmf = fbsd_msg_flags_to_linux(m, &unk);
    FZ_CHECK(fbsd_msg_flags_to_linux(m, NULL) == lmf, "msg flags depend on unknown");
    FZ_CHECK((fbsd_msg_flags_from_linux(lm) & ~(FBSD_MSG_OOB | FBSD_MSG_EOR | FBSD_MSG_TRUNC |
                                              FBSD_MSG_CTRUNC)) == 0, "received flags");
    bool known;
    for (int local = 0; local < 2; local++) {
        const struct fbsd_sockopt *o = fbsd_sockopt_lookup(lvl, name, local, &known);
        FZ_CHECK(known == (fbsd_sockopt_level_name(lvl, local) != NULL), "level_known");
        if (o)
            FZ_CHECK(o->level == lvl && o->name == name && o->label && known,
                     "lookup (%d, %d) gave (%d, %d)", lvl, name, o->level, o->name);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    uint8_t sel = fz_u8(&f);
    if (sel % 3 == 2) {
        numbers(&f);
        return 0;
    }
    size_t len;
    uint8_t *b = fz_rest(&f, &len);
    if (sel % 3 == 0)
        guest_to_host(b, len);
    else
        host_to_guest(b, len);
    free(b);
    return 0;
}
