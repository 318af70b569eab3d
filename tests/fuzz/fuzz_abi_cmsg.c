/* Control messages (abi/freebsd/socket.c fbsd_cmsgs_to_linux/_from_linux).
 * Input: a direction byte, a capacity byte, then the control buffer.
 * Promises checked: with outcap >= inlen neither direction runs out of
 * room; the output is a well-formed list within outcap; what persona
 * translated for Linux is translated back, not dropped. */
#include "abi/freebsd/socket.h"
#include "tests/fuzz/fuzz_util.h"
#include <errno.h>
#include <sys/socket.h>

struct drops { int n; };
static void count_drop(void *ctx, int level, int type, bool outgoing)
{
    ((struct drops *)ctx)->n++;
}

/* Walk a FreeBSD list as CMSG_NXTHDR does; returns the number of messages
 * and checks each lies within len. */
static int walk_fbsd(const uint8_t *b, size_t len)
{
    int n = 0;
    size_t off = 0;
    while (off + sizeof(struct fbsd_cmsghdr) <= len) {
        struct fbsd_cmsghdr h;
        memcpy(&h, b + off, sizeof h);
        FZ_CHECK(h.cmsg_len >= sizeof h && h.cmsg_len <= len - off,
                 "message %d: cmsg_len %u at %zu of %zu", n, h.cmsg_len, off, len);
        off += FBSD_CMSG_ALIGN(h.cmsg_len);
        n++;
    }
    return n;
}

static void to_linux(const uint8_t *in, size_t inlen, size_t slack)
{
    size_t outcap = inlen + slack;
    uint8_t *out = malloc(outcap ? outcap : 1);
    size_t outlen = ~(size_t)0;
    struct drops d = { 0 };
    long r = fbsd_cmsgs_to_linux(in, inlen, out, outcap, &outlen, count_drop, &d);
    FZ_CHECK(r == 0 || r == -EINVAL, "result %ld with outcap %zu >= inlen %zu", r, outcap, inlen);
    if (r == 0) {
        FZ_CHECK(outlen <= outcap, "used %zu of %zu", outlen, outcap);
        /* Back to FreeBSD: translated messages must come back unchanged. */
        uint8_t *back = malloc(outlen ? outlen : 1);
        size_t blen = ~(size_t)0;
        int flags = 0;
        struct drops d2 = { 0 };
        fbsd_cmsgs_from_linux(out, outlen, back, outlen, &blen, &flags, count_drop, &d2);
        FZ_CHECK(!(flags & FBSD_MSG_CTRUNC), "truncated with outcap == inlen");
        FZ_CHECK(blen <= outlen, "used %zu of %zu", blen, outlen);
        walk_fbsd(back, blen);
        FZ_CHECK(d2.n == 0, "a message persona translated out was dropped coming back");
        free(back);
    }
    free(out);
}

static void from_linux(const uint8_t *in, size_t inlen, size_t slack)
{
    size_t outcap = inlen + slack;
    uint8_t *out = malloc(outcap ? outcap : 1);
    size_t outlen = ~(size_t)0;
    int flags = 0;
    fbsd_cmsgs_from_linux(in, inlen, out, outcap, &outlen, &flags, NULL, NULL);
    FZ_CHECK(outlen <= outcap, "used %zu of %zu", outlen, outcap);
    FZ_CHECK(!(flags & FBSD_MSG_CTRUNC), "truncated with outcap %zu >= inlen %zu", outcap, inlen);
    walk_fbsd(out, outlen);
    /* A short buffer may truncate, never overflow. */
    size_t small = outcap / 2;
    uint8_t *s = malloc(small ? small : 1);
    fbsd_cmsgs_from_linux(in, inlen, s, small, &outlen, &flags, NULL, NULL);
    FZ_CHECK(outlen <= small, "used %zu of %zu", outlen, small);
    walk_fbsd(s, outlen);
    free(s);
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    uint8_t dir = fz_u8(&f), slack = fz_u8(&f) % 64;
    size_t len;
    uint8_t *b = fz_rest(&f, &len);
    if (dir & 1)
        from_linux(b, len, slack);
    else
        to_linux(b, len, slack);
    free(b);
    return 0;
}
