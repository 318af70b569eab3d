/* Unit tests for abi/freebsd/mman.{h,c}.  FreeBSD values are written out
 * literally from sys/sys/mman.h. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <sys/mman.h>

#include "abi/freebsd/mman.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MADV_WIPEONFORK
#define MADV_WIPEONFORK 18
#endif

Test(mman, constants)
{
	cr_assert_eq(FBSD_MAP_ANON, 0x1000);
	cr_assert_eq(FBSD_MAP_GUARD, 0x2000);
	cr_assert_eq(FBSD_MAP_EXCL, 0x4000);
	cr_assert_eq(FBSD_MAP_32BIT, 0x80000);
	cr_assert_eq(FBSD_MAP_ALIGNED(12), 0x0c000000);
	cr_assert_eq(FBSD_MAP_ALIGNED_SUPER, 0x01000000);
	cr_assert_eq(FBSD_PROT_MAX(FBSD_PROT_READ | FBSD_PROT_WRITE), 0x30000);
	cr_assert_eq(FBSD_MADV_PROTECT, 10);
	cr_assert_eq(FBSD_INHERIT_ZERO, 3);
}

struct mcase { int fbsd; int lnx; };

static const struct mcase plain[] = {
	{ 0x0001, MAP_SHARED },
	{ 0x0002, MAP_PRIVATE },
	{ 0x0002 | 0x0010, MAP_PRIVATE | MAP_FIXED },
	{ 0x0002 | 0x1000, MAP_PRIVATE | MAP_ANONYMOUS },
	{ 0x0001 | 0x1000, MAP_SHARED | MAP_ANONYMOUS },
	{ 0x1000, MAP_PRIVATE | MAP_ANONYMOUS },            /* no sharing type */
	{ 0x0002 | 0x1000 | 0x80000, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT },
	{ 0x0002 | 0x0400, MAP_PRIVATE | MAP_STACK | MAP_ANONYMOUS },
	{ 0x0002 | 0x0010 | 0x4000, MAP_PRIVATE | MAP_FIXED_NOREPLACE },
	/* no-ops: NOSYNC, NOCORE, PREFAULT_READ, HASSEMAPHORE, RESERVED0020/40 */
	{ 0x0002 | 0x0800 | 0x20000 | 0x40000 | 0x0200 | 0x0020 | 0x0040,
	  MAP_PRIVATE },
	/* MAP_GUARD: reservation */
	{ 0x2000, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE },
	{ 0x2000 | 0x0010 | 0x4000,
	  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE },
};

Test(mman, mmap_flags)
{
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		unsigned al = 99;
		int unk = -1;
		cr_assert_eq(fbsd_mmap_flags_to_linux(plain[i].fbsd, &al, &unk),
		             plain[i].lnx, "fbsd 0x%x", plain[i].fbsd);
		cr_assert_eq(al, 0, "fbsd 0x%x", plain[i].fbsd);
		cr_assert_eq(unk, 0, "fbsd 0x%x", plain[i].fbsd);
	}
}

Test(mman, mmap_alignment)
{
	unsigned al;
	int unk;

	fbsd_mmap_flags_to_linux(0x1002 | 0x01000000, &al, &unk);  /* SUPER */
	cr_assert_eq(al, 21);
	cr_assert_eq(unk, 0);
	fbsd_mmap_flags_to_linux(0x1002 | (16 << 24), &al, &unk);  /* 64 KiB */
	cr_assert_eq(al, 16);
	cr_assert_eq(unk, 0);
	fbsd_mmap_flags_to_linux(0x1002 | (12 << 24), &al, &unk);
	cr_assert_eq(al, 12);
	fbsd_mmap_flags_to_linux(0x1002 | (63 << 24), &al, &unk);
	cr_assert_eq(al, 63);
	cr_assert_eq(unk, 0);
	/* below a page or past 63 bits: FreeBSD says EINVAL */
	fbsd_mmap_flags_to_linux(0x1002 | (11 << 24), &al, &unk);
	cr_assert_eq(al, 0);
	cr_assert_eq(unk, 11 << 24);
	fbsd_mmap_flags_to_linux(0x1002 | (int)(200u << 24), &al, &unk);
	cr_assert_eq(al, 0);
	cr_assert_eq(unk, (int)(200u << 24));
	/* NULL out-pointers are allowed */
	cr_assert_eq(fbsd_mmap_flags_to_linux(0x1002 | (16 << 24), NULL, NULL),
	             MAP_PRIVATE | MAP_ANONYMOUS);
}

Test(mman, mmap_rejected_combinations)
{
	int unk;

	fbsd_mmap_flags_to_linux(0x0001 | 0x0002, NULL, &unk);
	cr_assert_eq(unk, 0x0003);
	fbsd_mmap_flags_to_linux(0x1002 | 0x4000, NULL, &unk);   /* EXCL w/o FIXED */
	cr_assert_eq(unk, 0x4000);
	fbsd_mmap_flags_to_linux(0x0002 | 0x0080 | 0x0100, NULL, &unk);
	cr_assert_eq(unk, 0x0180);
	fbsd_mmap_flags_to_linux(0x2000 | 0x0001, NULL, &unk);   /* GUARD|SHARED */
	cr_assert_eq(unk, 0x0001);
	fbsd_mmap_flags_to_linux(0x0002 | 0x00100000, NULL, &unk); /* undefined */
	cr_assert_eq(unk, 0x00100000);
}

Test(mman, prot)
{
	int unk;
	cr_assert_eq(fbsd_prot_to_linux(0x7, &unk), PROT_READ | PROT_WRITE | PROT_EXEC);
	cr_assert_eq(unk, 0);
	cr_assert_eq(fbsd_prot_to_linux(0x1 | (0x3 << 16), &unk), PROT_READ);
	cr_assert_eq(unk, 0);
	fbsd_prot_to_linux(0x8, &unk);
	cr_assert_eq(unk, 0x8);
}

Test(mman, madvise)
{
	cr_assert_eq(fbsd_madvise_to_linux(0), MADV_NORMAL);
	cr_assert_eq(fbsd_madvise_to_linux(1), MADV_RANDOM);
	cr_assert_eq(fbsd_madvise_to_linux(2), MADV_SEQUENTIAL);
	cr_assert_eq(fbsd_madvise_to_linux(3), MADV_WILLNEED);
	cr_assert_eq(fbsd_madvise_to_linux(5), MADV_FREE);
	/* DONTNEED keeps data on FreeBSD: never Linux's destructive DONTNEED */
	cr_assert_eq(fbsd_madvise_to_linux(4), FBSD_MADV_NOOP);
	for (int a = 6; a <= 10; a++)
		cr_assert_eq(fbsd_madvise_to_linux(a), -2, "advice %d", a);
	cr_assert_eq(fbsd_madvise_to_linux(11), -1);
	cr_assert_eq(fbsd_madvise_to_linux(-5), -1);
}

Test(mman, minherit)
{
	cr_assert_eq(fbsd_minherit_to_linux_madvise(1), MADV_DOFORK);
	cr_assert_eq(fbsd_minherit_to_linux_madvise(2), MADV_DONTFORK);
	cr_assert_eq(fbsd_minherit_to_linux_madvise(3), MADV_WIPEONFORK);
	cr_assert_eq(fbsd_minherit_to_linux_madvise(0), -1);
	cr_assert_eq(fbsd_minherit_to_linux_madvise(4), -1);
}

Test(mman, msync)
{
	cr_assert_eq(fbsd_msync_flags_to_linux(0), MS_SYNC);
	cr_assert_eq(fbsd_msync_flags_to_linux(1), MS_ASYNC);
	cr_assert_eq(fbsd_msync_flags_to_linux(2), MS_SYNC | MS_INVALIDATE);
	cr_assert_eq(fbsd_msync_flags_to_linux(3), -1);
}
