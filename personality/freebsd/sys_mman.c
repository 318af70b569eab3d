/* Memory mapping.  PROT_* bits are the same on both systems; MAP_* flags,
 * madvise advice and msync flags are translated (abi/freebsd/mman.h). */
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/mman.h"
#include <stdio.h>
#include <sys/mman.h>
#include "syscalls/report.h"

#define PROT_MASK (PROT_READ | PROT_WRITE | PROT_EXEC)

long fbsd_sys_mmap(struct sysctx *c)
{
    uint64_t addr = ARG_PTR(c, 0), len = ARG_PTR(c, 1);
    int prot = ARG_INT(c, 2), fflags = ARG_INT(c, 3), fd = ARG_INT(c, 4);
    uint64_t off = ARG_PTR(c, 5);
    unsigned align_log2 = 0;
    int unknown = 0;
    int flags = fbsd_mmap_flags_to_linux(fflags, &align_log2, &unknown);
    if (unknown) {
        char what[64];
        snprintf(what, sizeof what, "mmap flags %#x", unknown);
        report_unimplemented(REPORT_FLAGS, what, -1, "EINVAL", c->regs);
        return -EINVAL;
    }
    if (prot & ~PROT_MASK)
        return -EINVAL;
    if (fflags & FBSD_MAP_GUARD) {
        /* A reservation that faults on access (sys/vm/vm_mmap.c kern_mmap:
         * PROT_NONE, fd -1, offset 0, and no other flags but FIXED/EXCL). */
        if (prot != 0 || fd != -1 || off != 0)
            return -EINVAL;
    }
    if (flags & MAP_ANONYMOUS)
        fd = -1;
    if (!(flags & (MAP_PRIVATE | MAP_SHARED)))
        flags |= MAP_PRIVATE;

    bool fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
    if (align_log2 && !fixed) {
        /* MAP_ALIGNED(n): reserve len + 2^n, then keep the aligned part. */
        if (align_log2 < 12 || align_log2 > 40)
            return -EINVAL;
        uint64_t align = 1ULL << align_log2;
        long raw = HOST6(SYS_mmap, 0, len + align, PROT_NONE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (raw < 0 && raw >= -4095)
            return raw;
        uint64_t start = ((uint64_t)raw + align - 1) & ~(align - 1);
        if (start > (uint64_t)raw)
            HOST2(SYS_munmap, raw, start - (uint64_t)raw);
        uint64_t end = (uint64_t)raw + len + align, want_end = start + ((len + 4095) & ~4095ULL);
        if (end > want_end)
            HOST2(SYS_munmap, want_end, end - want_end);
        addr = start;
        flags |= MAP_FIXED;
    }
    long r = HOST6(SYS_mmap, addr, len, prot, flags, fd, off);
    if (r == -EEXIST)
        return -ENOMEM;     /* MAP_EXCL over a mapping: FreeBSD says ENOMEM */
    return r;
}

long fbsd_sys_munmap(struct sysctx *c)
{
    return HOST2(SYS_munmap, ARG_PTR(c, 0), ARG_PTR(c, 1));
}

long fbsd_sys_mprotect(struct sysctx *c)
{
    int prot = ARG_INT(c, 2);
    if (prot & ~PROT_MASK)
        return -EINVAL;
    return HOST3(SYS_mprotect, ARG_PTR(c, 0), ARG_PTR(c, 1), prot);
}

long fbsd_sys_madvise(struct sysctx *c)
{
    int advice = fbsd_madvise_to_linux(ARG_INT(c, 2));
    if (advice == -2)
        return 0;           /* FreeBSD-only hints with no Linux effect */
    if (advice < 0) {
        char what[64];
        snprintf(what, sizeof what, "madvise advice %d", ARG_INT(c, 2));
        report_unimplemented(REPORT_FLAGS, what, -1, "EINVAL", c->regs);
        return -EINVAL;
    }
    return HOST3(SYS_madvise, ARG_PTR(c, 0), ARG_PTR(c, 1), advice);
}

/* minherit(2) inheritance values (sys/sys/mman.h). */
#define FBSD_INHERIT_SHARE 0
#define FBSD_INHERIT_COPY  1
#define FBSD_INHERIT_NONE  2
#define FBSD_INHERIT_ZERO  3

long fbsd_sys_minherit(struct sysctx *c)
{
    int advice;
    switch (ARG_INT(c, 2)) {
    case FBSD_INHERIT_COPY: advice = MADV_DOFORK; break;
    case FBSD_INHERIT_NONE: advice = MADV_DONTFORK; break;
    case FBSD_INHERIT_ZERO: advice = MADV_WIPEONFORK; break;
    default: return -EINVAL;   /* INHERIT_SHARE of a private mapping: no Linux way */
    }
    return HOST3(SYS_madvise, ARG_PTR(c, 0), ARG_PTR(c, 1), advice);
}

/* msync flags (sys/sys/mman.h): MS_SYNC 0, MS_ASYNC 1, MS_INVALIDATE 2. */
long fbsd_sys_msync(struct sysctx *c)
{
    int f = ARG_INT(c, 2);
    if (f & ~3)
        return -EINVAL;
    int flags = (f & 1) ? MS_ASYNC : MS_SYNC;
    if (f & 2)
        flags |= MS_INVALIDATE;
    return HOST3(SYS_msync, ARG_PTR(c, 0), ARG_PTR(c, 1), flags);
}
