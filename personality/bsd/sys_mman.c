/* The part of mmap both BSDs share once their flags are Linux flags: a
 * file offset off a page boundary, the MAP_FIXED range check against the
 * end of the user map, MAP_ALIGNED(n) by over-allocating and trimming, and
 * memguard's refusal of anything over persona's own memory.  FreeBSD's
 * kern_mmap (sys/vm/vm_mmap.c) and NetBSD's sys_mmap (sys/uvm/uvm_mmap.c)
 * agree on all of these. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "personality/bsd/bsd.h"
#include "abi/freebsd/mman.h"   /* fbsd_page_range: the same page rounding on both BSDs */
#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include "syscalls/memguard.h"
#include "syscalls/report.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

long bsd_mman_refuse(struct sysctx *c, const char *call)
{
    char what[64];
    snprintf(what, sizeof what, "%s over persona's memory", call);
    report_unimplemented(REPORT_OTHER, what, -1, "EINVAL", c->regs);
    return -EINVAL;
}

long bsd_mmap_linux(struct sysctx *c, uint64_t addr, uint64_t len, int prot, int flags,
                    unsigned align_log2, int fd, uint64_t off, uint64_t user_max)
{
    bool fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
    /* kern_mmap: a file offset off a page boundary maps from the page
     * start and returns the address plus the same page offset; with
     * MAP_FIXED the address must carry that offset too.  Linux refuses an
     * unaligned offset. */
    uint64_t pageoff = (flags & MAP_ANONYMOUS) ? 0 : off & 4095;
    if (pageoff) {
        off -= pageoff;
        len += pageoff;
        if (fixed)
            addr -= pageoff;
    }
    if (fixed && ((addr & 4095) || !bsd_range_below(addr, (len + 4095) & ~4095ULL, user_max)))
        return -EINVAL;     /* kern_mmap: outside vm_map_min..vm_map_max */
    if (align_log2 && !fixed) {
        /* MAP_ALIGNED(n): reserve len + 2^n, then keep the aligned part. */
        if (align_log2 < 12 || align_log2 > 40)
            return -EINVAL;
        uint64_t align = 1ULL << align_log2;
        bool foreign;
        long raw = memguard_mmap(0, len + align, PROT_NONE,
                                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0, &foreign);
        if (raw < 0)
            return raw;
        uint64_t start = ((uint64_t)raw + align - 1) & ~(align - 1);
        if (start > (uint64_t)raw)
            memguard_munmap(raw, start - (uint64_t)raw, &foreign);
        uint64_t end = (uint64_t)raw + len + align, want_end = start + ((len + 4095) & ~4095ULL);
        if (end > want_end)
            memguard_munmap(want_end, end - want_end, &foreign);
        addr = start;
        flags |= MAP_FIXED;
    }
    bool foreign;
    long r = memguard_mmap(addr, len, prot, flags, fd, off, &foreign);
    if (foreign)
        return bsd_mman_refuse(c, "mmap MAP_FIXED");
    return r < 0 ? r : r + (long)pageoff;
}

/* mprotect, the same on both BSDs: PROT_READ/WRITE/EXEC only, the range
 * widened to whole pages (FreeBSD kern_mprotect, NetBSD sys_mprotect), and
 * refused where it reaches persona's own memory. */
long bsd_sys_mprotect(struct sysctx *c)
{
    uint64_t addr = ARG_PTR(c, 0), len = ARG_PTR(c, 1);
    int prot = ARG_INT(c, 2);
    if ((prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) || fbsd_page_range(&addr, &len))
        return -EINVAL;
    bool foreign;
    long r = memguard_mprotect(addr, len, prot, &foreign);
    return foreign ? bsd_mman_refuse(c, "mprotect") : r;
}

/* munmap on both BSDs: the range widened to whole pages, inside the user
 * map (below user_max), refused where it reaches persona's own memory. */
long bsd_munmap(struct sysctx *c, uint64_t user_max)
{
    uint64_t addr = ARG_PTR(c, 0), len = ARG_PTR(c, 1);
    if (len == 0 || fbsd_page_range(&addr, &len) || !bsd_range_below(addr, len, user_max))
        return -EINVAL;
    bool foreign;
    long r = memguard_munmap(addr, len, &foreign);
    return foreign ? bsd_mman_refuse(c, "munmap") : r;
}
