/* NetBSD -> Linux mmap flag and madvise conversion (abi/netbsd/mman.h). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "abi/netbsd/mman.h"
#include <sys/mman.h>

_Static_assert(NBSD_MAP_ALIGNMENT_MASK == (int)0xff000000, "MAP_ALIGNMENT_MASK");
_Static_assert(NBSD_MAP_ALIGNED(16) == 0x10000000, "MAP_ALIGNMENT_64KB");

#define NBSD_MAP_KNOWN (NBSD_MAP_SHARED | NBSD_MAP_PRIVATE | NBSD_MAP_FIXED | NBSD_MAP_RENAME | \
    NBSD_MAP_NORESERVE | NBSD_MAP_INHERIT | NBSD_MAP_HASSEMAPHORE | NBSD_MAP_TRYFIXED | \
    NBSD_MAP_WIRED | NBSD_MAP_ANON | NBSD_MAP_STACK | NBSD_MAP_ALIGNMENT_MASK)

int nbsd_mmap_flags_to_linux(int f, unsigned *align_log2, int *unknown_bits)
{
    int out = 0, bad = f & ~NBSD_MAP_KNOWN;
    unsigned align = ((unsigned)f >> NBSD_MAP_ALIGNMENT_SHIFT) & 0xff;

    if ((f & (NBSD_MAP_SHARED | NBSD_MAP_PRIVATE)) == (NBSD_MAP_SHARED | NBSD_MAP_PRIVATE))
        bad |= NBSD_MAP_SHARED | NBSD_MAP_PRIVATE;
    if (align && (align < 12 || align >= 64))
        bad |= f & NBSD_MAP_ALIGNMENT_MASK;
    if (f & NBSD_MAP_SHARED)
        out |= MAP_SHARED;
    else
        out |= MAP_PRIVATE;
    if (f & NBSD_MAP_FIXED)
        out |= MAP_FIXED;
    if (f & (NBSD_MAP_ANON | NBSD_MAP_STACK))
        out |= MAP_ANONYMOUS;
    if (f & NBSD_MAP_STACK)
        out |= MAP_STACK;
    if (f & NBSD_MAP_NORESERVE)
        out |= MAP_NORESERVE;
    if (f & NBSD_MAP_WIRED)
        out |= MAP_LOCKED;
    if (align_log2)
        *align_log2 = align;
    if (unknown_bits)
        *unknown_bits = bad;
    return out;
}

int nbsd_madvise_to_linux(int advice)
{
    switch (advice) {
    case NBSD_MADV_NORMAL:     return MADV_NORMAL;
    case NBSD_MADV_RANDOM:     return MADV_RANDOM;
    case NBSD_MADV_SEQUENTIAL: return MADV_SEQUENTIAL;
    case NBSD_MADV_WILLNEED:   return MADV_WILLNEED;
    case NBSD_MADV_DONTNEED:
    case NBSD_MADV_SPACEAVAIL: return NBSD_MADV_NOOP;
    case NBSD_MADV_FREE:       return MADV_FREE;
    default:                   return -1;
    }
}
