/* The umutex / ucond decisions of abi/freebsd/umtx.c on any words: an
 * unlock never leaves the lock owned, the sequence never returns to 0,
 * a wake2 repair that wakes leaves the lock available. */
#include "abi/freebsd/time.h"
#include "abi/freebsd/umtx.h"
#include "tests/fuzz/fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    uint32_t flags = fz_u32(&f), owner = fz_u32(&f), w = fz_u32(&f), clk = fz_u32(&f);
    unsigned waiters = fz_u32(&f);

    enum fbsd_umutex_kind k = fbsd_umutex_kind(flags);
    (void)k;
    uint32_t u = fbsd_umutex_unlock_word(flags, waiters);
    FZ_CHECK(fbsd_umutex_available(u) || u == FBSD_UMUTEX_RB_NOTRECOV,
             "unlock word %#x of flags %#x not available", u, flags);
    uint32_t rep = fbsd_umutex_wake2_word(owner, waiters);
    if (fbsd_umutex_wake2_wakes(owner, waiters))
        FZ_CHECK(fbsd_umutex_available(rep), "wake2 wakes a sleeper on a held lock %#x", rep);
    FZ_CHECK(fbsd_ucond_next_seq(w) != 0 && fbsd_ucond_next_seq(w) != w, "ucond seq after %#x", w);
    FZ_CHECK(fbsd_cvwait_clock_ok(clk) == (clk < FBSD_CLOCK_THREAD_CPUTIME_ID), "clock %u", clk);
    (void)fbsd_umtx_sem2_has_remain(fz_u64(&f));
    return 0;
}
