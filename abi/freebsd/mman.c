/*
 * FreeBSD -> Linux memory-mapping flag conversion.
 * FreeBSD facts: sys/sys/mman.h, kern_mmap() in sys/vm/vm_mmap.c.
 * Linux facts: the host's <sys/mman.h>.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "abi/freebsd/mman.h"

#include <sys/mman.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000    /* Linux 4.17, asm-generic/mman-common.h */
#endif
#ifndef MADV_WIPEONFORK
#define MADV_WIPEONFORK 18              /* Linux 4.14 */
#endif

_Static_assert(FBSD_PROT_READ == PROT_READ && FBSD_PROT_WRITE == PROT_WRITE &&
	FBSD_PROT_EXEC == PROT_EXEC && FBSD_PROT_NONE == PROT_NONE, "PROT_*");
_Static_assert(FBSD_MCL_CURRENT == MCL_CURRENT && FBSD_MCL_FUTURE == MCL_FUTURE,
	"MCL_*");
_Static_assert(FBSD_MAP_ALIGNMENT_MASK == (int)0xff000000, "alignment mask");
_Static_assert(FBSD_MAP_ALIGNED_SUPER == 0x01000000, "MAP_ALIGNED_SUPER");

/* amd64 PAGE_SHIFT (sys/amd64/include/param.h): smallest explicit alignment. */
#define FBSD_PAGE_SHIFT 12

/* Everything kern_mmap() accepts (RESERVED0020/0040 are stripped first). */
#define FBSD_MAP_ACCEPTED (FBSD_MAP_SHARED | FBSD_MAP_PRIVATE | FBSD_MAP_FIXED | \
	FBSD_MAP_HASSEMAPHORE | FBSD_MAP_STACK | FBSD_MAP_NOSYNC | \
	FBSD_MAP_ANON | FBSD_MAP_EXCL | FBSD_MAP_NOCORE | \
	FBSD_MAP_PREFAULT_READ | FBSD_MAP_GUARD | FBSD_MAP_32BIT | \
	FBSD_MAP_ALIGNMENT_MASK)

/* What kern_mmap() allows alongside MAP_GUARD. */
#define FBSD_MAP_GUARD_OK (FBSD_MAP_FIXED | FBSD_MAP_GUARD | FBSD_MAP_EXCL | \
	FBSD_MAP_32BIT | FBSD_MAP_ALIGNMENT_MASK)

int fbsd_prot_to_linux(int prot, int *unknown_bits)
{
	if (unknown_bits)
		*unknown_bits = prot & ~(FBSD_PROT_ALL | FBSD_PROT_MAX(FBSD_PROT_ALL));
	return prot & FBSD_PROT_ALL;
}

int fbsd_mmap_flags_to_linux(int f, unsigned *align_log2, int *unknown_bits)
{
	int out = 0, bad;
	unsigned n;

	f &= ~(FBSD_MAP_RESERVED0020 | FBSD_MAP_RESERVED0040);
	bad = f & ~FBSD_MAP_ACCEPTED;

	if ((f & (FBSD_MAP_SHARED | FBSD_MAP_PRIVATE)) ==
	    (FBSD_MAP_SHARED | FBSD_MAP_PRIVATE))
		bad |= FBSD_MAP_SHARED | FBSD_MAP_PRIVATE;
	if ((f & (FBSD_MAP_EXCL | FBSD_MAP_FIXED)) == FBSD_MAP_EXCL)
		bad |= FBSD_MAP_EXCL;
	if (f & FBSD_MAP_GUARD)
		bad |= f & ~FBSD_MAP_GUARD_OK;

	/* Alignment: log2 in bits 24..31; 1 means "superpage". */
	n = ((unsigned)f & (unsigned)FBSD_MAP_ALIGNMENT_MASK) >> FBSD_MAP_ALIGNMENT_SHIFT;
	if (n == 1) {
		n = FBSD_SUPERPAGE_LOG2;
	} else if (n != 0 && (n < FBSD_PAGE_SHIFT || n >= 64)) {
		bad |= f & FBSD_MAP_ALIGNMENT_MASK;
		n = 0;
	}
	if (align_log2)
		*align_log2 = n;

	if (f & FBSD_MAP_SHARED)
		out |= MAP_SHARED;
	if (f & FBSD_MAP_PRIVATE)
		out |= MAP_PRIVATE;
	if (f & FBSD_MAP_FIXED)
		out |= (f & FBSD_MAP_EXCL) ? MAP_FIXED_NOREPLACE : MAP_FIXED;
	if (f & FBSD_MAP_ANON)
		out |= MAP_ANONYMOUS;
	if (f & FBSD_MAP_STACK)
		out |= MAP_STACK | MAP_ANONYMOUS;
	if (f & FBSD_MAP_32BIT)
		out |= MAP_32BIT;
	if (f & FBSD_MAP_GUARD)
		out = (out & (MAP_FIXED | MAP_FIXED_NOREPLACE | MAP_32BIT)) |
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
	/* FreeBSD takes anonymous memory with no sharing type as private;
	 * Linux insists on one of the two. */
	if ((out & MAP_ANONYMOUS) && !(out & (MAP_SHARED | MAP_PRIVATE)))
		out |= MAP_PRIVATE;

	if (unknown_bits)
		*unknown_bits = bad;
	return out;
}

int fbsd_madvise_to_linux(int advice)
{
	switch (advice) {
	case FBSD_MADV_NORMAL:     return MADV_NORMAL;
	case FBSD_MADV_RANDOM:     return MADV_RANDOM;
	case FBSD_MADV_SEQUENTIAL: return MADV_SEQUENTIAL;
	case FBSD_MADV_WILLNEED:   return MADV_WILLNEED;
	case FBSD_MADV_FREE:       return MADV_FREE;
	case FBSD_MADV_DONTNEED:   /* hint only on FreeBSD: see mman.h */
	case FBSD_MADV_NOSYNC:
	case FBSD_MADV_AUTOSYNC:
	case FBSD_MADV_NOCORE:
	case FBSD_MADV_CORE:
	case FBSD_MADV_PROTECT:
		return FBSD_MADV_NOOP;
	}
	return -1;
}

int fbsd_minherit_to_linux_madvise(int inherit)
{
	switch (inherit) {
	case FBSD_INHERIT_COPY: return MADV_DOFORK;
	case FBSD_INHERIT_NONE: return MADV_DONTFORK;
	case FBSD_INHERIT_ZERO: return MADV_WIPEONFORK;
	}
	return -1;
}

int fbsd_msync_flags_to_linux(int f)
{
	int out;

	if ((f & (FBSD_MS_ASYNC | FBSD_MS_INVALIDATE)) ==
	    (FBSD_MS_ASYNC | FBSD_MS_INVALIDATE))
		return -1;
	out = (f & FBSD_MS_ASYNC) ? MS_ASYNC : MS_SYNC;
	if (f & FBSD_MS_INVALIDATE)
		out |= MS_INVALIDATE;
	return out;
}

int fbsd_page_range(uint64_t *addr, uint64_t *len)
{
	uint64_t pageoff = *addr & 4095, size = *len + pageoff;

	if (size < *len || size + 4095 < size)
		return -1;
	size = (size + 4095) & ~4095ULL;
	if (*addr - pageoff + size < *addr - pageoff)
		return -1;
	*addr -= pageoff;
	*len = size;
	return 0;
}

int fbsd_user_range_valid(uint64_t addr, uint64_t len)
{
	return addr + len >= addr && addr + len <= FBSD_VM_MAXUSER_ADDRESS;
}
