/*
 * time.c — clocks: CLOCK_REALTIME agrees with gettimeofday within a second,
 * CLOCK_MONOTONIC never goes backwards, nanosleep(10 ms) sleeps at least
 * 10 ms. Prints only "ok" lines; a failure prints details and exits 1.
 */
#include "sys.h"

static long ns_between(struct timespec a, struct timespec b)
{
	return (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
}

static int fail(const char *what, long v)
{
	put_str("FAIL ");
	put_str(what);
	put_str(" ");
	put_num(v);
	put_str("\n");
	return 1;
}

int main(int argc, char **argv, char **envp)
{
	struct timespec rt, m0, m1, prev;
	struct timeval tv;
	struct timespec req = {0, 10 * 1000 * 1000};
	long d;

	check("clock_gettime", sys_clock_gettime(CLOCK_REALTIME, &rt));
	check("gettimeofday", sys_gettimeofday(&tv, 0));
	d = tv.tv_sec - rt.tv_sec;
	if (d < -1 || d > 1)
		return fail("realtime-vs-gettimeofday diff-sec", d);
	if (rt.tv_sec < 1600000000L)
		return fail("realtime before 2020", rt.tv_sec);
	if (rt.tv_nsec < 0 || rt.tv_nsec >= 1000000000L || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
		return fail("sub-second field out of range", rt.tv_nsec);
	put_str("realtime-vs-gettimeofday: ok\n");

	check("clock_gettime", sys_clock_gettime(CLOCK_MONOTONIC, &prev));
	for (int i = 0; i < 1000; i++) {
		check("clock_gettime", sys_clock_gettime(CLOCK_MONOTONIC, &m1));
		if (ns_between(prev, m1) < 0)
			return fail("monotonic went backwards ns", ns_between(prev, m1));
		prev = m1;
	}
	put_str("monotonic: ok\n");

	check("clock_gettime", sys_clock_gettime(CLOCK_MONOTONIC, &m0));
	check("nanosleep", sys_nanosleep(&req, 0));
	check("clock_gettime", sys_clock_gettime(CLOCK_MONOTONIC, &m1));
	d = ns_between(m0, m1);
	if (d < 10 * 1000 * 1000L)
		return fail("nanosleep 10ms slept ns", d);
	if (d > 5 * 1000 * 1000 * 1000L)
		return fail("nanosleep 10ms took ns", d);
	put_str("nanosleep: ok\n");
	return 0;
}
