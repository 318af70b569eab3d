/* Memory mapping.  PROT_* bits are the same on both systems; MAP_* flags,
 * madvise advice and msync flags are translated (abi/freebsd/mman.h).
 *
 * Every call that could unmap, replace or change memory goes through
 * syscalls/memguard, which refuses it when it would touch persona's own
 * mappings.  To the guest those addresses are outside its user map, so it
 * gets what FreeBSD answers for a range outside the map (vm_map_min..
 * vm_map_max checks in sys/vm/vm_mmap.c): EINVAL from munmap ("some part
 * of the region being unmapped is outside the valid address range",
 * munmap(2)), from mmap with MAP_FIXED ("part of the desired address space
 * resides out of the valid address space for a user process", mmap(2)),
 * from mprotect and minherit ("the virtual address range ... is not
 * valid", mprotect(2), minherit(2); kern_mprotect's default case) and from
 * madvise (kern_madvise's range check; the 12.x madvise(2) page says
 * ENOMEM, the kernel code EINVAL).  Each refusal is reported. */
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/mman.h"
#include <stdio.h>
#include <sys/mman.h>
#include "syscalls/memguard.h"
#include "syscalls/report.h"

#define refuse bsd_mman_refuse

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
    /* sys/vm/vm_mmap.c kern_mmap: anonymous memory takes fd -1 and offset
     * 0; MAP_STACK (anonymous too) wants PROT_READ|PROT_WRITE. */
    if ((fflags & FBSD_MAP_ANON) && (fd != -1 || off != 0))
        return -EINVAL;
    if ((fflags & FBSD_MAP_STACK) &&
        (fd != -1 || (prot & (PROT_READ | PROT_WRITE)) != (PROT_READ | PROT_WRITE)))
        return -EINVAL;
    if (flags & MAP_ANONYMOUS)
        fd = -1;
    if (!(flags & (MAP_PRIVATE | MAP_SHARED)))
        flags |= MAP_PRIVATE;

    long r = bsd_mmap_linux(c, addr, len, prot, flags, align_log2, fd, off,
                            FBSD_VM_MAXUSER_ADDRESS);
    if (r == -EEXIST)
        return -ENOMEM;     /* MAP_EXCL over a mapping: FreeBSD says ENOMEM */
    return r;
}

/* munmap, mprotect, madvise, minherit and msync act on whole pages: an
 * unaligned address is widened to its page, not refused as on Linux
 * (sys/vm/vm_mmap.c: kern_munmap, kern_mprotect, kern_madvise,
 * kern_minherit, kern_msync). */
long fbsd_sys_munmap(struct sysctx *c)
{
    return bsd_munmap(c, FBSD_VM_MAXUSER_ADDRESS);
}

long fbsd_sys_madvise(struct sysctx *c)
{
    uint64_t addr = ARG_PTR(c, 0), len = ARG_PTR(c, 1);
    int advice = fbsd_madvise_to_linux(ARG_INT(c, 2));
    if (advice == -1) {
        char what[64];
        snprintf(what, sizeof what, "madvise advice %d", ARG_INT(c, 2));
        report_unimplemented(REPORT_FLAGS, what, -1, "EINVAL", c->regs);
        return -EINVAL;
    }
    /* kern_madvise checks the range against the user map first. */
    if (!fbsd_user_range_valid(addr, len))
        return -EINVAL;
    if (advice == FBSD_MADV_NOOP)
        return 0;           /* FreeBSD-only hints with no Linux effect */
    if (fbsd_page_range(&addr, &len))
        return -EINVAL;
    bool foreign;
    long r = memguard_madvise(addr, len, advice, &foreign);
    return foreign ? refuse(c, "madvise") : r;
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
    uint64_t addr = ARG_PTR(c, 0), len = ARG_PTR(c, 1);
    if (fbsd_page_range(&addr, &len))
        return -EINVAL;
    bool foreign;
    long r = memguard_madvise(addr, len, advice, &foreign);
    return foreign ? refuse(c, "minherit") : r;
}

long fbsd_sys_msync(struct sysctx *c)
{
    uint64_t addr = ARG_PTR(c, 0), len = ARG_PTR(c, 1);
    int flags = fbsd_msync_flags_to_linux(ARG_INT(c, 2));
    if (fbsd_page_range(&addr, &len) || flags < 0)
        return -EINVAL;
    return HOST3(SYS_msync, addr, len, flags);
}
