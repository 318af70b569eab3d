/* Unit tests for syscalls/rangeset.{h,c}: the interval set memguard keeps
 * the guest's mappings in. */
#include <criterion/criterion.h>
#include <stdio.h>
#include "syscalls/rangeset.h"

/* The set as "a-b c-d" (hex), for readable failures. */
static const char *dump(const struct rangeset *s)
{
	static char buf[512];
	size_t n = 0;
	buf[0] = 0;
	for (size_t i = 0; i < s->n && n < sizeof buf - 40; i++)
		n += snprintf(buf + n, sizeof buf - n, "%s%lx-%lx", i ? " " : "",
		              (unsigned long)s->v[i].start, (unsigned long)s->v[i].end);
	return buf;
}

Test(rangeset, add_keeps_runs_sorted_and_merged)
{
	struct rangeset s = { 0 };
	cr_assert(rangeset_add(&s, 0x5000, 0x6000));
	cr_assert(rangeset_add(&s, 0x1000, 0x2000));
	cr_assert(rangeset_add(&s, 0x9000, 0xa000));
	cr_assert_str_eq(dump(&s), "1000-2000 5000-6000 9000-a000");
	/* Touching runs merge on both sides. */
	cr_assert(rangeset_add(&s, 0x2000, 0x3000));
	cr_assert(rangeset_add(&s, 0x4000, 0x5000));
	cr_assert_str_eq(dump(&s), "1000-3000 4000-6000 9000-a000");
	/* One add swallowing several runs. */
	cr_assert(rangeset_add(&s, 0x2800, 0x9800));
	cr_assert_str_eq(dump(&s), "1000-a000");
	/* Inside an existing run, and empty ranges: no change. */
	cr_assert(rangeset_add(&s, 0x3000, 0x4000));
	cr_assert(rangeset_add(&s, 0x20000, 0x20000));
	cr_assert_str_eq(dump(&s), "1000-a000");
	/* Address zero. */
	cr_assert(rangeset_add(&s, 0, 0x800));
	cr_assert_str_eq(dump(&s), "0-800 1000-a000");
	rangeset_clear(&s);
}

Test(rangeset, remove_trims_splits_and_drops)
{
	struct rangeset s = { 0 };
	rangeset_add(&s, 0x1000, 0x9000);
	cr_assert(rangeset_remove(&s, 0x3000, 0x4000));          /* split */
	cr_assert_str_eq(dump(&s), "1000-3000 4000-9000");
	cr_assert(rangeset_remove(&s, 0x8000, 0x20000));         /* tail */
	cr_assert(rangeset_remove(&s, 0x0, 0x1800));             /* head */
	cr_assert_str_eq(dump(&s), "1800-3000 4000-8000");
	rangeset_add(&s, 0xa000, 0xb000);
	rangeset_add(&s, 0xc000, 0xd000);
	cr_assert(rangeset_remove(&s, 0x2000, 0xc800));          /* across runs */
	cr_assert_str_eq(dump(&s), "1800-2000 c800-d000");
	cr_assert(rangeset_remove(&s, 0x5000, 0x6000));          /* a hole: nothing */
	cr_assert_str_eq(dump(&s), "1800-2000 c800-d000");
	cr_assert(rangeset_remove(&s, 0, UINT64_MAX));
	cr_assert_eq(s.n, 0);
	rangeset_clear(&s);
}

Test(rangeset, covers_and_overlaps)
{
	struct rangeset s = { 0 };
	rangeset_add(&s, 0x1000, 0x3000);
	rangeset_add(&s, 0x4000, 0x5000);
	cr_assert(rangeset_covers(&s, 0x1000, 0x3000));
	cr_assert(rangeset_covers(&s, 0x2000, 0x2800));
	cr_assert(rangeset_covers(&s, 0x7000, 0x7000));          /* empty */
	cr_assert_not(rangeset_covers(&s, 0x1000, 0x3001));
	cr_assert_not(rangeset_covers(&s, 0x2000, 0x4800));      /* hole inside */
	cr_assert_not(rangeset_covers(&s, 0x800, 0x1800));
	cr_assert(rangeset_overlaps(&s, 0x2fff, 0x4000));
	cr_assert(rangeset_overlaps(&s, 0x0, 0x1001));
	cr_assert_not(rangeset_overlaps(&s, 0x3000, 0x4000));    /* exactly the hole */
	cr_assert_not(rangeset_overlaps(&s, 0x5000, 0x9000));
	cr_assert_not(rangeset_overlaps(&s, 0x1000, 0x1000));
	rangeset_clear(&s);
}

Test(rangeset, gaps_walk)
{
	struct rangeset s = { 0 };
	rangeset_add(&s, 0x2000, 0x3000);
	rangeset_add(&s, 0x5000, 0x6000);
	uint64_t g0, g1;
	char buf[256] = "";
	size_t n = 0;
	for (uint64_t pos = 0x1000; rangeset_next_gap(&s, pos, 0x8000, &g0, &g1); pos = g1)
		n += snprintf(buf + n, sizeof buf - n, "%lx-%lx ", (unsigned long)g0, (unsigned long)g1);
	cr_assert_str_eq(buf, "1000-2000 3000-5000 6000-8000 ");
	/* Starting inside a run; a covered range has no gap. */
	cr_assert(rangeset_next_gap(&s, 0x2800, 0x5800, &g0, &g1));
	cr_assert_eq(g0, 0x3000);
	cr_assert_eq(g1, 0x5000);
	cr_assert_not(rangeset_next_gap(&s, 0x2000, 0x3000, &g0, &g1));
	cr_assert_not(rangeset_next_gap(&s, 0x5800, 0x5800, &g0, &g1));
	/* An empty set: the whole range is one gap. */
	struct rangeset e = { 0 };
	cr_assert(rangeset_next_gap(&e, 0x1000, 0x9000, &g0, &g1));
	cr_assert_eq(g0, 0x1000);
	cr_assert_eq(g1, 0x9000);
	rangeset_clear(&s);
}

/* Many scattered runs: the array grows, stays sorted and disjoint. */
Test(rangeset, many_runs)
{
	struct rangeset s = { 0 };
	for (uint64_t i = 0; i < 5000; i++)
		cr_assert(rangeset_add(&s, ((i * 7919) % 5000) * 0x2000, ((i * 7919) % 5000) * 0x2000 + 0x1000));
	cr_assert_eq(s.n, 5000);
	for (size_t i = 1; i < s.n; i++)
		cr_assert_lt(s.v[i - 1].end, s.v[i].start);
	/* Fill the holes: everything merges into one run. */
	for (uint64_t i = 0; i < 5000; i++)
		rangeset_add(&s, i * 0x2000 + 0x1000, i * 0x2000 + 0x2000);
	cr_assert_str_eq(dump(&s), "0-2710000");
	cr_assert(rangeset_reserve(&s, 10));
	cr_assert_geq(s.cap, s.n + 10);
	rangeset_clear(&s);
}
