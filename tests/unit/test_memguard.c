/* Unit tests for syscalls/memguard.{h,c}, on this test process's own
 * memory: mappings made with plain mmap() stand for persona's, mappings
 * made through memguard (or noted with memguard_note_guest) for the
 * guest's. */
#include <criterion/criterion.h>
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "syscalls/memguard.h"

#define PAGE 4096UL
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

static void fresh(void) { memguard_reset(); }

/* "persona's" memory: mapped behind memguard's back. */
static unsigned char *host_map(size_t len)
{
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	cr_assert_neq(p, MAP_FAILED);
	memset(p, 0x5a, len);
	return p;
}

static unsigned char *guest_map(size_t len)
{
	bool foreign;
	long r = memguard_mmap(0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, &foreign);
	cr_assert_geq(r, 0);
	cr_assert_not(foreign);
	return (unsigned char *)r;
}

/* Is any page of [p, p+len) mapped?  (mincore fails with ENOMEM on holes.) */
static bool fully_mapped(const void *p, size_t len)
{
	unsigned char vec[len / PAGE + 1];
	return mincore((void *)p, len, vec) == 0;
}

static bool unmapped(void *p, size_t len)
{
	void *q = mmap(p, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (q == MAP_FAILED)
		return false;
	munmap(q, len);
	return q == p;
}

/* An address range nobody uses (mapped, then given back). */
static unsigned char *free_space(size_t len)
{
	unsigned char *p = mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	cr_assert_neq(p, MAP_FAILED);
	munmap(p, len);
	return p;
}

TestSuite(memguard, .init = fresh);

Test(memguard, guest_calls_on_guest_memory_pass)
{
	unsigned char *g = guest_map(8 * PAGE);
	bool foreign;
	cr_assert(memguard_guest_owns((uint64_t)g, 8 * PAGE));
	/* MAP_FIXED over its own memory (Go's reservations). */
	long r = memguard_mmap((uint64_t)g + PAGE, 2 * PAGE, PROT_READ | PROT_WRITE,
	                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, &foreign);
	cr_assert_eq(r, (long)(g + PAGE));
	cr_assert_not(foreign);
	cr_assert_eq(memguard_mprotect((uint64_t)g, 8 * PAGE, PROT_READ, &foreign), 0);
	cr_assert_not(foreign);
	cr_assert_eq(memguard_mprotect((uint64_t)g, 8 * PAGE, PROT_READ | PROT_WRITE, &foreign), 0);
	cr_assert_eq(memguard_madvise((uint64_t)g, 8 * PAGE, MADV_FREE, &foreign), 0);
	cr_assert_not(foreign);
	/* A page in the middle goes: the set splits. */
	cr_assert_eq(memguard_munmap((uint64_t)g + 3 * PAGE, PAGE, &foreign), 0);
	cr_assert_not(memguard_guest_owns((uint64_t)g + 3 * PAGE, PAGE));
	cr_assert(memguard_guest_owns((uint64_t)g, 3 * PAGE));
	cr_assert(memguard_guest_owns((uint64_t)g + 4 * PAGE, 4 * PAGE));
	/* Over the whole old range, hole included: the hole is free space. */
	r = memguard_mmap((uint64_t)g, 8 * PAGE, PROT_READ | PROT_WRITE,
	                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, &foreign);
	cr_assert_eq(r, (long)g);
	cr_assert_not(foreign);
	cr_assert(memguard_guest_owns((uint64_t)g, 8 * PAGE));
	cr_assert_eq(memguard_munmap((uint64_t)g, 8 * PAGE, &foreign), 0);
	cr_assert_not(memguard_guest_owns((uint64_t)g, PAGE));
	cr_assert(unmapped(g, 8 * PAGE));
}

Test(memguard, free_space_is_allowed)
{
	unsigned char *f = free_space(4 * PAGE);
	bool foreign;
	long r = memguard_mmap((uint64_t)f, 4 * PAGE, PROT_READ | PROT_WRITE,
	                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, &foreign);
	cr_assert_eq(r, (long)f);
	cr_assert_not(foreign);
	cr_assert(memguard_guest_owns((uint64_t)f, 4 * PAGE));
	f[0] = 1;
	cr_assert_eq(memguard_munmap((uint64_t)f, 4 * PAGE, &foreign), 0);
	/* munmap of nothing at all is fine too (FreeBSD and Linux agree). */
	cr_assert_eq(memguard_munmap((uint64_t)f, 4 * PAGE, &foreign), 0);
	cr_assert_not(foreign);
}

Test(memguard, persona_memory_is_refused_untouched)
{
	unsigned char *h = host_map(4 * PAGE);
	bool foreign;
	memguard_munmap((uint64_t)h, 4 * PAGE, &foreign);
	cr_assert(foreign);
	memguard_mmap((uint64_t)h + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, &foreign);
	cr_assert(foreign);
	memguard_mprotect((uint64_t)h, PAGE, PROT_NONE, &foreign);
	cr_assert(foreign);
	memguard_madvise((uint64_t)h, 4 * PAGE, MADV_DONTNEED, &foreign);
	cr_assert(foreign);
	/* Still there, still writable, contents kept. */
	for (size_t i = 0; i < 4 * PAGE; i++)
		cr_assert_eq(h[i], 0x5a);
	h[PAGE] = 0x5b;
	cr_assert_not(memguard_guest_owns((uint64_t)h, PAGE));
	munmap(h, 4 * PAGE);
}

/* A request over guest memory, free space and one page of persona's: all
 * of it refused; nothing changes anywhere (the claim on the first hole is
 * undone when the second one turns out to hold persona's page). */
Test(memguard, mixed_range_refused_as_a_whole)
{
	unsigned char *base = free_space(16 * PAGE);
	bool foreign;
	long r = memguard_mmap((uint64_t)base, 4 * PAGE, PROT_READ | PROT_WRITE,
	                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, &foreign);
	cr_assert_eq(r, (long)base);
	r = memguard_mmap((uint64_t)base + 6 * PAGE, 2 * PAGE, PROT_READ | PROT_WRITE,
	                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, &foreign);
	cr_assert_eq(r, (long)(base + 6 * PAGE));
	unsigned char *h = mmap(base + 10 * PAGE, PAGE, PROT_READ | PROT_WRITE,
	                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	cr_assert_eq(h, base + 10 * PAGE);
	h[0] = 0x77;
	base[0] = 0x11;

	memguard_munmap((uint64_t)base, 16 * PAGE, &foreign);
	cr_assert(foreign);
	memguard_mmap((uint64_t)base, 16 * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, &foreign);
	cr_assert(foreign);
	memguard_mprotect((uint64_t)base, 16 * PAGE, PROT_NONE, &foreign);
	cr_assert(foreign);
	memguard_madvise((uint64_t)base, 16 * PAGE, MADV_DONTFORK, &foreign);
	cr_assert(foreign);

	cr_assert_eq(base[0], 0x11);
	base[1] = 1;                                  /* still writable */
	cr_assert_eq(h[0], 0x77);
	h[1] = 1;
	cr_assert(fully_mapped(base + 6 * PAGE, 2 * PAGE));
	cr_assert(unmapped(base + 4 * PAGE, 2 * PAGE));   /* the holes: no claim left */
	cr_assert(unmapped(base + 8 * PAGE, 2 * PAGE));
	cr_assert(unmapped(base + 11 * PAGE, 5 * PAGE));
	munmap(h, PAGE);
	memguard_munmap((uint64_t)base, 8 * PAGE, &foreign);
	cr_assert_not(foreign);
}

/* mprotect/madvise over guest memory and holes: the guest's part changes,
 * the holes stay holes (FreeBSD's vm_map_protect skips them). */
Test(memguard, holes_are_skipped_and_left_free)
{
	unsigned char *base = free_space(8 * PAGE);
	bool foreign;
	memguard_mmap((uint64_t)base, 2 * PAGE, PROT_READ | PROT_WRITE,
	              MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, &foreign);
	memguard_mmap((uint64_t)base + 5 * PAGE, PAGE, PROT_READ | PROT_WRITE,
	              MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, &foreign);
	cr_assert_eq(memguard_mprotect((uint64_t)base, 8 * PAGE, PROT_READ, &foreign), 0);
	cr_assert_not(foreign);
	cr_assert_eq(memguard_madvise((uint64_t)base, 8 * PAGE, MADV_WILLNEED, &foreign), 0);
	cr_assert(fully_mapped(base, 2 * PAGE));
	cr_assert(unmapped(base + 2 * PAGE, 3 * PAGE));
	cr_assert(unmapped(base + 6 * PAGE, 2 * PAGE));
	memguard_munmap((uint64_t)base, 8 * PAGE, &foreign);
	cr_assert(unmapped(base, 8 * PAGE));
}

/* The guest gave memory back and persona's malloc took the addresses: the
 * guest's stale pointer no longer reaches it. */
Test(memguard, reused_space_belongs_to_persona)
{
	unsigned char *g = guest_map(4 * PAGE);
	bool foreign;
	cr_assert_eq(memguard_munmap((uint64_t)g, 4 * PAGE, &foreign), 0);
	unsigned char *h = mmap(g, 4 * PAGE, PROT_READ | PROT_WRITE,
	                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	cr_assert_eq(h, g);
	h[0] = 9;
	memguard_munmap((uint64_t)g, 4 * PAGE, &foreign);
	cr_assert(foreign);
	memguard_mmap((uint64_t)g, 4 * PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, &foreign);
	cr_assert(foreign);
	cr_assert_eq(h[0], 9);
	munmap(h, 4 * PAGE);
}

Test(memguard, noted_ranges_and_odd_requests)
{
	unsigned char *h = host_map(2 * PAGE);
	memguard_note_guest((uint64_t)h + 100, PAGE);       /* rounds to pages */
	cr_assert(memguard_guest_owns((uint64_t)h, 2 * PAGE));
	bool foreign;
	cr_assert_eq(memguard_mprotect((uint64_t)h, 2 * PAGE, PROT_READ, &foreign), 0);
	cr_assert_not(foreign);
	/* Empty, wrapping and beyond-user-space requests go to Linux as
	 * they are (it refuses them without touching anything). */
	cr_assert_eq(memguard_munmap((uint64_t)h, 0, &foreign), -EINVAL);
	cr_assert_not(foreign);
	cr_assert_eq(memguard_munmap(UINT64_MAX - PAGE + 1, 2 * PAGE, &foreign), -EINVAL);
	cr_assert_eq(memguard_munmap(0x800000000000UL, PAGE, &foreign), -EINVAL);
	cr_assert_not(foreign);
	cr_assert_eq(memguard_munmap((uint64_t)h, 2 * PAGE, &foreign), 0);
}

/* MAP_FIXED_NOREPLACE (FreeBSD MAP_EXCL) never replaces: straight through. */
Test(memguard, noreplace_goes_through)
{
	unsigned char *h = host_map(PAGE);
	bool foreign;
	long r = memguard_mmap((uint64_t)h, PAGE, PROT_READ,
	                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_FIXED_NOREPLACE, -1, 0, &foreign);
	cr_assert_eq(r, -EEXIST);
	cr_assert_not(foreign);
	cr_assert_eq(h[0], 0x5a);
	munmap(h, PAGE);
}
