/* abi/netbsd process converters: RLIMIT_* numbers (sys/sys/resource.h),
 * wait options (sys/sys/wait.h), and the shared wait status conversion
 * with NetBSD signal numbers. */
#define _GNU_SOURCE 1
#include <criterion/criterion.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "abi/netbsd/resource.h"
#include "abi/netbsd/signal.h"
#include "abi/netbsd/wait.h"
#include "personality/bsd/bsd.h"

Test(netbsd_proc, rlimit_numbers)
{
	static const struct { int nbsd, lnx; } t[] = {
		{ 0, RLIMIT_CPU }, { 1, RLIMIT_FSIZE }, { 2, RLIMIT_DATA }, { 3, RLIMIT_STACK },
		{ 4, RLIMIT_CORE }, { 5, RLIMIT_RSS }, { 6, RLIMIT_MEMLOCK }, { 7, RLIMIT_NPROC },
		{ 8, RLIMIT_NOFILE }, { 9, -1 }, { 10, RLIMIT_AS }, { 11, -1 }, { 12, -1 }, { -1, -1 },
	};
	for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++)
		cr_assert_eq(nbsd_rlimit_resource_to_linux(t[i].nbsd), t[i].lnx, "resource %d", t[i].nbsd);
}

Test(netbsd_proc, wait_options)
{
	cr_assert_eq(nbsd_wait_options_to_linux(0x1 | 0x2, 0), WNOHANG | WUNTRACED);
	cr_assert_eq(nbsd_wait_options_to_linux(0x10 | 0x10000, 0), WCONTINUED | WNOWAIT);
	cr_assert_eq(nbsd_wait_options_to_linux(0x4 | 0x8, 0), __WCLONE | __WALL);
	cr_assert_eq(nbsd_wait_options_to_linux(0x20, 0), -1, "WEXITED is wait6's");
	cr_assert_eq(nbsd_wait_options_to_linux(0x20 | 0x10000, 1), WEXITED | WNOWAIT);
	cr_assert_eq(nbsd_wait_options_to_linux(0x2, 1), WSTOPPED);
	cr_assert_eq(nbsd_wait_options_to_linux(0x20000, 1), -1, "WNOZOMBIE");
	cr_assert_eq(nbsd_wait_options_to_linux(0x40, 1), -1, "WTRAPPED");
}

Test(netbsd_proc, wait_status)
{
	/* exited 3, killed by SIGTERM (15 everywhere), SIGUSR1 (Linux 10,
	 * NetBSD 30) with a core, stopped by SIGTSTP (Linux 20, NetBSD 18),
	 * continued (0xffff on both). */
	cr_assert_eq(bsd_wait_status_from_linux(3 << 8, nbsd_signo_from_linux, NBSD_WCONTINUED_STATUS), 3 << 8);
	cr_assert_eq(bsd_wait_status_from_linux(15, nbsd_signo_from_linux, NBSD_WCONTINUED_STATUS), 15);
	cr_assert_eq(bsd_wait_status_from_linux(SIGUSR1 | 0x80, nbsd_signo_from_linux, NBSD_WCONTINUED_STATUS), 30 | 0x80);
	cr_assert_eq(bsd_wait_status_from_linux((SIGTSTP << 8) | 0x7f, nbsd_signo_from_linux, NBSD_WCONTINUED_STATUS),
		     (18 << 8) | 0x7f);
	cr_assert_eq(bsd_wait_status_from_linux(0xffff, nbsd_signo_from_linux, NBSD_WCONTINUED_STATUS), 0xffff);
	siginfo_t si;
	memset(&si, 0, sizeof si);
	si.si_code = CLD_KILLED;
	si.si_status = SIGUSR2;
	cr_assert_eq(bsd_wait_status_from_siginfo(&si, nbsd_signo_from_linux, NBSD_WCONTINUED_STATUS), 31);
	si.si_code = CLD_CONTINUED;
	cr_assert_eq(bsd_wait_status_from_siginfo(&si, nbsd_signo_from_linux, NBSD_WCONTINUED_STATUS), 0xffff);
}
