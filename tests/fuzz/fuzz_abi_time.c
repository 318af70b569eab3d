/* Clock ids, resource limits, and the umtx timespec helpers
 * (abi/freebsd/time.c, abi/freebsd/umtx.c): limits round-trip below
 * infinity, deadline arithmetic on valid timespecs stays valid, adds
 * and subtracts consistently and saturates instead of wrapping. */
#include "abi/freebsd/time.h"
#include "abi/freebsd/umtx.h"
#include "tests/fuzz/fuzz_util.h"
#include <sys/resource.h>
#include <time.h>

static struct timespec take_ts(struct fz *f)
{
    struct timespec t;
    t.tv_sec = (int64_t)fz_u64(f);
    t.tv_nsec = (long)(fz_u32(f) % 1000000000u);
    if (t.tv_sec < 0)
        t.tv_sec = -(t.tv_sec + 1);
    return t;
}

static bool valid(struct timespec t)
{
    return t.tv_sec >= 0 && t.tv_nsec >= 0 && t.tv_nsec < 1000000000;
}

static int cmp(struct timespec a, struct timespec b)
{
    if (a.tv_sec != b.tv_sec)
        return a.tv_sec < b.tv_sec ? -1 : 1;
    return a.tv_nsec < b.tv_nsec ? -1 : a.tv_nsec > b.tv_nsec;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    int clk = fz_int(&f), res = fz_int(&f);
    uint64_t lim = fz_u64(&f);

    int lc = fbsd_clockid_to_linux(clk);
    FZ_CHECK(lc >= -1 && lc <= CLOCK_TAI, "clock %d -> %d", clk, lc);
    int lr = fbsd_rlimit_resource_to_linux(res);
    FZ_CHECK(lr >= -1 && lr < 16, "resource %d -> %d", res, lr);
    uint64_t g = fbsd_rlim_from_linux(lim);
    FZ_CHECK(g <= FBSD_RLIM_INFINITY, "limit %llu -> %llu", (unsigned long long)lim,
             (unsigned long long)g);
    if (lim < FBSD_RLIM_INFINITY)
        FZ_CHECK(fbsd_rlim_to_linux(g) == lim && g == lim, "limit %llu", (unsigned long long)lim);
    else
        FZ_CHECK(fbsd_rlim_to_linux(g) == RLIM_INFINITY, "infinity");

    struct timespec a = take_ts(&f), b = take_ts(&f);
    struct timespec s = fbsd_umtx_ts_add(a, b);
    FZ_CHECK(valid(s), "a + b invalid");
    FZ_CHECK(cmp(s, a) >= 0 && cmp(s, b) >= 0, "a + b smaller than a term");
    struct timespec s2 = fbsd_umtx_ts_add(b, a);
    FZ_CHECK(cmp(s, s2) == 0, "a + b != b + a");
    struct timespec d = fbsd_umtx_ts_sub_clamp(a, b);
    FZ_CHECK(valid(d), "a - b invalid");
    if (cmp(a, b) <= 0)
        FZ_CHECK(d.tv_sec == 0 && d.tv_nsec == 0, "a - b not clamped");
    else
        FZ_CHECK(cmp(fbsd_umtx_ts_add(d, b), a) == 0, "(a - b) + b != a");

    struct fbsd_umtx_timespec ut = { a.tv_sec, a.tv_nsec };
    FZ_CHECK(fbsd_umtx_timespec_valid(&ut), "valid timespec refused");
    ut.tv_nsec = (int64_t)fz_u64(&f);
    FZ_CHECK(fbsd_umtx_timespec_valid(&ut) == (ut.tv_nsec >= 0 && ut.tv_nsec < 1000000000),
             "tv_nsec %lld", (long long)ut.tv_nsec);
    return 0;
}
