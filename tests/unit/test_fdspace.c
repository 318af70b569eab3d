/* Unit tests for syscalls/fdreserve.{h,c} (the descriptor space) and the
 * FreeBSD personality's descriptor guard (personality/freebsd/fd_guard.c).
 * Each test runs in its own process (Criterion), so each sets the layout up
 * afresh from the limits the test runner has. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <unistd.h>

#include "personality/freebsd/fbsd.h"
#include "syscalls/fdreserve.h"
#include "syscalls/fd_guard.h"

Test(fdspace, layout)
{
	/* Room above the inherited limit: the private range starts there. */
	cr_assert_eq(fdspace_layout(20000, 20000 + FD_PRIVATE_SLOTS), 20000);
	cr_assert_eq(fdspace_layout(1024, 1024 + FD_PRIVATE_SLOTS), 1024);
	/* None: the top sixteenth, 64 to FD_PRIVATE_SLOTS numbers. */
	cr_assert_eq(fdspace_layout(20000, 20000), 20000 - 1250);
	cr_assert_eq(fdspace_layout(1024, 1024), 1024 - 64);
	cr_assert_eq(fdspace_layout(1048576, 1048576), 1048576 - FD_PRIVATE_SLOTS);
	cr_assert_eq(fdspace_layout(100, 100), 50);
	/* Some room, but not enough. */
	cr_assert_eq(fdspace_layout(20000, 20100), 20100 - 1256);
}

Test(fdspace, guest_limits_are_the_inherited_ones)
{
	struct rlimit in;
	cr_assert_eq(getrlimit(RLIMIT_NOFILE, &in), 0);
	uint64_t cur, max;
	fd_guest_getrlimit(&cur, &max);
	cr_assert_eq(cur, in.rlim_cur);
	cr_assert_eq(max, in.rlim_max);
	cr_assert_eq((uint64_t)fd_guest_maxfiles(), in.rlim_max);
	/* The host soft limit never reaches into persona's range. */
	struct rlimit now;
	cr_assert_eq(getrlimit(RLIMIT_NOFILE, &now), 0);
	cr_assert_leq(now.rlim_cur, (rlim_t)fd_reserved_base());
	cr_assert_geq(now.rlim_max, (rlim_t)fd_reserved_base());
}

Test(fdspace, private_descriptors)
{
	int base = fd_reserved_base();
	int fd = fd_private_dup(2);
	cr_assert_geq(fd, base);
	cr_assert_eq(fcntl(fd, F_GETFD), FD_CLOEXEC);
	int low = open("/dev/null", O_RDONLY);
	cr_assert_lt(low, base);
	int hidden = fd_hide(low);
	cr_assert_geq(hidden, base);
	cr_assert_lt(fcntl(low, F_GETFD), 0, "the original is closed");
	cr_assert(fd_is_reserved(hidden) && !fd_is_reserved(base - 1));
}

Test(fdspace, guest_limit_is_enforced_and_persona_still_works)
{
	uint64_t cur, max;
	fd_guest_getrlimit(&cur, &max);
	cr_assert_eq(fd_guest_setrlimit(16, max), 0);
	int fd;
	while ((fd = open("/dev/null", O_RDONLY)) >= 0)
		cr_assert_lt(fd, 16);
	cr_assert_eq(errno, EMFILE);
	for (fd = 0; fd < 16; fd++)
		cr_assert_geq(fcntl(fd, F_GETFD), 0, "%d is free under the limit", fd);
	/* A descriptor of persona's can still be made at the guest's limit. */
	fd_private_begin();
	int efd = fd_private_end(eventfd(0, EFD_CLOEXEC));
	cr_assert_geq(efd, fd_reserved_base());
	/* ...and the guest's limit is back in force afterwards. */
	cr_assert_lt(open("/dev/null", O_RDONLY), 0);
	cr_assert_eq(errno, EMFILE);
}

Test(fdspace, setrlimit_follows_freebsd)
{
	uint64_t cur, max;
	fd_guest_getrlimit(&cur, &max);
	/* kern_proc_setrlimit: a soft limit above the hard one is lowered. */
	cr_assert_eq(fd_guest_setrlimit(max, 100), 0);
	fd_guest_getrlimit(&cur, &max);
	cr_assert_eq(cur, 100);
	cr_assert_eq(max, 100);
	/* Clipped to kern.maxfilesperproc (needs privilege to raise at all). */
	long r = fd_guest_setrlimit(~0ull, ~0ull);
	if (r == 0) {
		fd_guest_getrlimit(&cur, &max);
		cr_assert_eq(max, (uint64_t)fd_guest_maxfiles());
		cr_assert_eq(cur, (uint64_t)fd_guest_maxfiles());
	} else {
		cr_assert_eq(r, -EPERM);
	}
}

static long dummy(struct sysctx *c) { return 0; }

Test(fdspace, guard)
{
	int base = fd_reserved_base();
	struct syscall_entry e = { .name = "x", .handler = dummy, .kinds = { A_FD, A_INT } };
	struct sysctx c = { .a = { 3, (uint64_t)base } };
	cr_assert(fd_guard_args(&e, &c));
	c.a[0] = (uint64_t)base;
	cr_assert_not(fd_guard_args(&e, &c));
	c.a[0] = (uint64_t)base + 7 + (1ull << 32);     /* upper half ignored */
	cr_assert_not(fd_guard_args(&e, &c));
	c.a[0] = (uint64_t)-100;                        /* AT_FDCWD and the like */
	cr_assert(fd_guard_args(&e, &c));

	/* A dirfd naming one becomes -1: absolute paths still work. */
	struct syscall_entry d = { .name = "y", .handler = dummy, .kinds = { A_DIRFD, A_PATH } };
	c.a[0] = (uint64_t)base;
	cr_assert(fd_guard_args(&d, &c));
	cr_assert_eq((int64_t)c.a[0], -1);

	/* Bounds, not descriptors: closefrom's row types its argument A_INT. */
	const struct syscall_entry *f = &freebsd_personality.table[509];
	cr_assert_str_eq(f->name, "closefrom");
	c.a[0] = (uint64_t)base;
	cr_assert(fd_guard_args(f, &c));
	cr_assert_eq(c.a[0], (uint64_t)base);
}

/* ---- the descriptor table (syscalls/fdtable.h) ---- */
#include "syscalls/fdtable.h"

static int calls, got_lo, got_hi;
static void hook(int lo, int hi)
{
	calls++;
	got_lo = lo;
	got_hi = hi;
}

Test(fdtable, close_hooks)
{
	fdt_set_hook(FDT_NOSIGPIPE, hook);
	fdt_closing(0, 100);
	cr_assert_eq(calls, 0, "nothing marked: no hook");
	cr_assert(fdt_mark(950, FDT_NOSIGPIPE));
	cr_assert(fdt_mark(1200, FDT_NOSIGPIPE));
	cr_assert(fdt_mark(1100, FDT_KQUEUE));      /* another client's */
	cr_assert(fdt_marked(950, FDT_NOSIGPIPE) && !fdt_marked(950, FDT_KQUEUE));
	fdt_closing(0, 900);
	cr_assert_eq(calls, 0, "no marked descriptor in the range");
	fdt_closing(951, 951);
	cr_assert_eq(calls, 0);
	fdt_closing(900, 5000);
	cr_assert_eq(calls, 1);
	cr_assert_eq(got_lo, 950);
	cr_assert_eq(got_hi, 1200);
	cr_assert_not(fdt_marked(950, FDT_NOSIGPIPE), "marks go with the close");
	cr_assert_not(fdt_marked(1100, FDT_KQUEUE));
	fdt_closing(900, 5000);
	cr_assert_eq(calls, 1, "once only");
	/* persona's own numbers are never the guest's. */
	cr_assert_not(fdt_mark(fd_reserved_base(), FDT_NOSIGPIPE));
	cr_assert_not(fdt_mark(-1, FDT_NOSIGPIPE));
}
