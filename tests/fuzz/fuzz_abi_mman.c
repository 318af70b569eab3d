/* mmap/mprotect/madvise/minherit/msync numbers (abi/freebsd/mman.c).
 * Linux gets only protection bits it knows; an accepted mmap flag set asks
 * for an alignment in [12, 63] or none; the out-parameters are optional. */
#include "abi/freebsd/mman.h"
#include "tests/fuzz/fuzz_util.h"
#include <sys/mman.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    int prot = fz_int(&f), flags = fz_int(&f), adv = fz_int(&f), inh = fz_int(&f),
        ms = fz_int(&f);

    int unk;
    int lp = fbsd_prot_to_linux(prot, &unk);
    FZ_CHECK((lp & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) == 0, "prot %#x -> %#x", prot, lp);
    FZ_CHECK(fbsd_prot_to_linux(prot, NULL) == lp, "prot result depends on unknown_bits");

    unsigned align = 0xdead;
    int lf = fbsd_mmap_flags_to_linux(flags, &align, &unk);
    FZ_CHECK(fbsd_mmap_flags_to_linux(flags, NULL, NULL) == lf, "mmap result depends on out-params");
    if (!unk)
        FZ_CHECK(align == 0 || (align >= 12 && align <= 63), "alignment 2^%u accepted", align);
    if (!unk && (flags & FBSD_MAP_FIXED) == 0)
        FZ_CHECK((lf & (MAP_FIXED | MAP_FIXED_NOREPLACE)) == 0, "FIXED out of nowhere: %#x", flags);

    int la = fbsd_madvise_to_linux(adv);
    FZ_CHECK(la >= -1 || la == FBSD_MADV_NOOP, "advice %d -> %d", adv, la);
    int li = fbsd_minherit_to_linux_madvise(inh);
    FZ_CHECK(li == -1 || li == MADV_DOFORK || li == MADV_DONTFORK || li == MADV_WIPEONFORK,
             "inherit %d -> %d", inh, li);
    int lm = fbsd_msync_flags_to_linux(ms);
    FZ_CHECK(lm == -1 || (lm & ~(MS_ASYNC | MS_SYNC | MS_INVALIDATE)) == 0, "msync %#x -> %#x", ms, lm);
    FZ_CHECK(lm == -1 || ((lm & MS_ASYNC) != 0) != ((lm & MS_SYNC) != 0),
             "msync %#x -> %#x: exactly one of ASYNC/SYNC", ms, lm);
    return 0;
}
