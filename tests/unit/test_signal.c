/* Unit tests for abi/freebsd/signal.{h,c}. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>

#include "abi/freebsd/signal.h"
#include "syscalls/creds.h"

Test(signal, host_sigrtmin_matches_assumption)
{
	/* The signal map is built on glibc's SIGRTMIN being 34. */
	cr_assert_eq(SIGRTMIN, FBSD_LINUX_SIGRTMIN);
	cr_assert_eq(SIGRTMAX, FBSD_LINUX_SIGRTMAX);
}

Test(signal, fixed_numbers)
{
	cr_assert_eq(fbsd_signo_to_linux(FBSD_SIGBUS), SIGBUS);
	cr_assert_eq(fbsd_signo_to_linux(10), 7);      /* FreeBSD SIGBUS */
	cr_assert_eq(fbsd_signo_to_linux(12), 31);     /* SIGSYS */
	cr_assert_eq(fbsd_signo_to_linux(16), 23);     /* SIGURG */
	cr_assert_eq(fbsd_signo_to_linux(17), 19);     /* SIGSTOP */
	cr_assert_eq(fbsd_signo_to_linux(18), 20);     /* SIGTSTP */
	cr_assert_eq(fbsd_signo_to_linux(19), 18);     /* SIGCONT */
	cr_assert_eq(fbsd_signo_to_linux(20), 17);     /* SIGCHLD */
	cr_assert_eq(fbsd_signo_to_linux(23), 29);     /* SIGIO */
	cr_assert_eq(fbsd_signo_to_linux(30), 10);     /* SIGUSR1 */
	cr_assert_eq(fbsd_signo_to_linux(31), 12);     /* SIGUSR2 */
	cr_assert_eq(fbsd_signo_to_linux(FBSD_SIGEMT), 0);
	cr_assert_eq(fbsd_signo_to_linux(FBSD_SIGINFO), 0);
	cr_assert_eq(fbsd_signo_to_linux(0), 0);
	cr_assert_eq(fbsd_signo_to_linux(-3), 0);
	cr_assert_eq(fbsd_signo_to_linux(34), 0);
	cr_assert_eq(fbsd_signo_to_linux(64), 0);
	cr_assert_eq(fbsd_signo_to_linux(127), 0);
	cr_assert_eq(fbsd_signo_to_linux(128), 0);

	cr_assert_eq(fbsd_signo_from_linux(SIGSTKFLT), 0);
	cr_assert_eq(fbsd_signo_from_linux(SIGPWR), 0);
	cr_assert_eq(fbsd_signo_from_linux(32), 0);    /* NPTL-internal */
	cr_assert_eq(fbsd_signo_from_linux(33), 0);
	cr_assert_eq(CREDS_SIGNAL, FBSD_LINUX_PERSONA_SIG0, "syscalls/creds.h uses persona's first signal");
	for (int k = 0; k < FBSD_LINUX_PERSONA_NSIG; k++)
		cr_assert_eq(fbsd_signo_from_linux(SIGRTMIN + k), 0,
			     "persona's own signal %d must not reach the guest", k);
	cr_assert_eq(fbsd_signo_from_linux(64), 0);
	cr_assert_eq(fbsd_signo_from_linux(65), 0);
}

Test(signal, round_trip_1_to_31)
{
	for (int s = 1; s <= 31; s++) {
		int l = fbsd_signo_to_linux(s);
		if (s == FBSD_SIGEMT || s == FBSD_SIGINFO) {
			cr_assert_eq(l, 0, "sig %d", s);
			continue;
		}
		cr_assert(l > 0 && l < 32, "sig %d -> %d", s, l);
		cr_assert_eq(fbsd_signo_from_linux(l), s, "sig %d", s);
	}
	/* every Linux classic signal except STKFLT and PWR comes back */
	for (int l = 1; l < 32; l++) {
		int s = fbsd_signo_from_linux(l);
		if (l == SIGSTKFLT || l == SIGPWR) {
			cr_assert_eq(s, 0);
			continue;
		}
		cr_assert_eq(fbsd_signo_to_linux(s), l, "linux %d", l);
	}
}

Test(signal, thr_librt_and_realtime)
{
	cr_assert_eq(fbsd_signo_to_linux(FBSD_SIGTHR), SIGRTMIN + 3);
	cr_assert_eq(fbsd_signo_to_linux(FBSD_SIGLIBRT), SIGRTMIN + 4);
	cr_assert_eq(fbsd_signo_from_linux(SIGRTMIN + 3), FBSD_SIGTHR);
	cr_assert_eq(fbsd_signo_from_linux(SIGRTMIN + 4), FBSD_SIGLIBRT);

	cr_assert_eq(fbsd_signo_to_linux(FBSD_SIGRTMIN), SIGRTMIN + 5);
	cr_assert_eq(fbsd_signo_to_linux(FBSD_SIGRTMIN + 1), SIGRTMIN + 6);
	int mapped = 0;
	for (int s = FBSD_SIGRTMIN; s <= FBSD_SIGRTMAX; s++) {
		int l = fbsd_signo_to_linux(s);
		if (l == 0)
			continue;
		mapped++;
		cr_assert(l >= SIGRTMIN + 5 && l < SIGRTMAX, "rt %d -> %d", s, l);
		cr_assert_eq(fbsd_signo_from_linux(l), s);
	}
	cr_assert_eq(mapped, SIGRTMAX - (SIGRTMIN + 5));
	cr_assert_eq(FBSD_SIGRT_MAPPED_MAX, FBSD_SIGRTMIN + mapped - 1);
	cr_assert_eq(fbsd_signo_to_linux(FBSD_SIGRT_MAPPED_MAX), SIGRTMAX - 1);
	cr_assert_eq(fbsd_signo_to_linux(FBSD_SIGRT_MAPPED_MAX + 1), 0);
}

Test(signal, sigset_layout_and_helpers)
{
	fbsd_sigset_t s;
	fbsd_sigemptyset(&s);
	fbsd_sigaddset(&s, 1);
	fbsd_sigaddset(&s, 32);
	fbsd_sigaddset(&s, 33);
	fbsd_sigaddset(&s, 128);
	cr_assert_eq(s.bits[0], 0x80000001u);
	cr_assert_eq(s.bits[1], 0x00000001u);
	cr_assert_eq(s.bits[3], 0x80000000u);
	cr_assert(fbsd_sigismember(&s, 33));
	cr_assert(!fbsd_sigismember(&s, 2));
	cr_assert(!fbsd_sigismember(&s, 0));
	cr_assert(!fbsd_sigismember(&s, 129));
	fbsd_sigdelset(&s, 33);
	cr_assert_eq(s.bits[1], 0);
}

Test(signal, sigset_to_linux_byte_exact)
{
	fbsd_sigset_t s;
	fbsd_sigemptyset(&s);
	fbsd_sigaddset(&s, FBSD_SIGUSR1);   /* 30 -> Linux 10 -> bit 9 */
	fbsd_sigaddset(&s, FBSD_SIGSEGV);   /* 11 -> Linux 11 -> bit 10 */
	cr_assert_eq(s.bits[0], (1u << 29) | (1u << 10));
	cr_assert_eq(fbsd_sigset_to_linux(&s), (1ULL << 9) | (1ULL << 10));

	/* check against glibc's own sigset layout */
	sigset_t ls;
	sigemptyset(&ls);
	sigaddset(&ls, SIGUSR1);
	sigaddset(&ls, SIGSEGV);
	uint64_t word;
	memcpy(&word, &ls, sizeof word);
	cr_assert_eq(fbsd_sigset_to_linux(&s), word);

	/* SIGEMT / SIGINFO / unmapped RT are dropped */
	fbsd_sigaddset(&s, FBSD_SIGEMT);
	fbsd_sigaddset(&s, FBSD_SIGINFO);
	fbsd_sigaddset(&s, 120);
	cr_assert_eq(fbsd_sigset_to_linux(&s), (1ULL << 9) | (1ULL << 10));

	/* SIGTHR and the first RT signal */
	fbsd_sigemptyset(&s);
	fbsd_sigaddset(&s, FBSD_SIGTHR);
	fbsd_sigaddset(&s, FBSD_SIGRTMIN);
	cr_assert_eq(fbsd_sigset_to_linux(&s),
		     (1ULL << (SIGRTMIN + 3 - 1)) | (1ULL << (SIGRTMIN + 5 - 1)));
}

Test(signal, sigset_from_linux)
{
	fbsd_sigset_t s;
	uint64_t m = (1ULL << (SIGCHLD - 1)) | (1ULL << (SIGUSR2 - 1)) |
		     (1ULL << (SIGSTKFLT - 1)) | (1ULL << (SIGRTMIN + 0 - 1)) |
		     (1ULL << (SIGRTMIN + 4 - 1)) | (1ULL << (SIGRTMIN + 7 - 1));
	fbsd_sigset_from_linux(&s, m);
	cr_assert_eq(s.bits[0], (1u << (FBSD_SIGCHLD - 1)) | (1u << (FBSD_SIGUSR2 - 1)));
	cr_assert_eq(s.bits[1], 1u << (FBSD_SIGLIBRT - 1 - 32));
	cr_assert_eq(s.bits[2], 1u << (FBSD_SIGRTMIN + 2 - 1 - 64));
	cr_assert_eq(s.bits[3], 0);

	/* full round trip of every mappable signal */
	fbsd_sigset_t all, back;
	fbsd_sigemptyset(&all);
	for (int sig = 1; sig <= FBSD_SIG_MAXSIG; sig++)
		if (fbsd_signo_to_linux(sig))
			fbsd_sigaddset(&all, sig);
	fbsd_sigset_from_linux(&back, fbsd_sigset_to_linux(&all));
	cr_assert_eq(memcmp(&all, &back, sizeof all), 0);
}

Test(signal, sigaction_layout)
{
	cr_assert_eq(sizeof(struct fbsd_sigaction), 32);
	cr_assert_eq(offsetof(struct fbsd_sigaction, fsa_handler), 0);
	cr_assert_eq(offsetof(struct fbsd_sigaction, sa_flags), 8);
	cr_assert_eq(offsetof(struct fbsd_sigaction, sa_mask), 12);
	cr_assert_eq(FBSD_SA_ONSTACK, 0x1);
	cr_assert_eq(FBSD_SA_RESTART, 0x2);
	cr_assert_eq(FBSD_SA_SIGINFO, 0x40);
	cr_assert_eq(FBSD_SIG_IGN, 1);
	cr_assert_eq(FBSD_MINSIGSTKSZ, 2048);
}

Test(signal, sa_flags)
{
	int all = FBSD_SA_ALLFLAGS;
	unsigned long l = fbsd_sa_flags_to_linux(all);
	cr_assert_eq(l, (unsigned long)(SA_ONSTACK | SA_RESTART | SA_RESETHAND |
					SA_NOCLDSTOP | SA_NODEFER | SA_NOCLDWAIT |
					SA_SIGINFO));
	cr_assert_eq(fbsd_sa_flags_from_linux(l), all);
	cr_assert_eq(fbsd_sa_flags_to_linux(FBSD_SA_SIGINFO), (unsigned long)SA_SIGINFO);
	cr_assert_eq(fbsd_sa_flags_from_linux(0x04000000 /* SA_RESTORER */), 0);
}

Test(signal, sigaltstack)
{
	cr_assert_eq(sizeof(struct fbsd_sigaltstack), 24);
	cr_assert_eq(offsetof(struct fbsd_sigaltstack, ss_size), 8);
	cr_assert_eq(offsetof(struct fbsd_sigaltstack, ss_flags), 16);

	struct fbsd_sigaltstack f = { .ss_sp = 0x7000, .ss_size = 65536,
				      .ss_flags = FBSD_SS_DISABLE };
	stack_t l;
	fbsd_sigaltstack_to_linux(&l, &f);
	cr_assert_eq((uintptr_t)l.ss_sp, 0x7000);
	cr_assert_eq(l.ss_size, 65536);
	cr_assert_eq(l.ss_flags, SS_DISABLE);
	l.ss_flags = SS_ONSTACK;
	struct fbsd_sigaltstack b;
	fbsd_sigaltstack_from_linux(&b, &l);
	cr_assert_eq(b.ss_sp, 0x7000);
	cr_assert_eq(b.ss_size, 65536);
	cr_assert_eq(b.ss_flags, FBSD_SS_ONSTACK);
}

Test(signal, siginfo_layout)
{
	cr_assert_eq(sizeof(struct fbsd_siginfo), 80);
	cr_assert_eq(offsetof(struct fbsd_siginfo, si_signo), 0);
	cr_assert_eq(offsetof(struct fbsd_siginfo, si_errno), 4);
	cr_assert_eq(offsetof(struct fbsd_siginfo, si_code), 8);
	cr_assert_eq(offsetof(struct fbsd_siginfo, fsi_pid), 12);
	cr_assert_eq(offsetof(struct fbsd_siginfo, fsi_uid), 16);
	cr_assert_eq(offsetof(struct fbsd_siginfo, fsi_status), 20);
	cr_assert_eq(offsetof(struct fbsd_siginfo, fsi_addr), 24);
	cr_assert_eq(offsetof(struct fbsd_siginfo, fsi_value), 32);
	cr_assert_eq(offsetof(struct fbsd_siginfo, _reason), 40);
	cr_assert_eq(offsetof(struct fbsd_siginfo, _reason._fault._trapno), 40);
	cr_assert_eq(offsetof(struct fbsd_siginfo, _reason._timer._timerid), 40);
	cr_assert_eq(offsetof(struct fbsd_siginfo, _reason._timer._overrun), 44);
	cr_assert_eq(offsetof(struct fbsd_siginfo, _reason._poll._band), 40);
}

Test(signal, si_code_generic)
{
	cr_assert_eq(fbsd_si_code_from_linux(SIGTERM, SI_USER), 0x10001);
	cr_assert_eq(fbsd_si_code_from_linux(SIGUSR1, SI_QUEUE), FBSD_SI_QUEUE);
	cr_assert_eq(fbsd_si_code_from_linux(SIGALRM, SI_TIMER), FBSD_SI_TIMER);
	cr_assert_eq(fbsd_si_code_from_linux(SIGUSR1, SI_MESGQ), FBSD_SI_MESGQ);
	cr_assert_eq(fbsd_si_code_from_linux(SIGUSR1, SI_ASYNCIO), FBSD_SI_ASYNCIO);
	cr_assert_eq(fbsd_si_code_from_linux(SIGUSR1, SI_TKILL), FBSD_SI_LWP);
	cr_assert_eq(FBSD_SI_LWP, 0x10007);
	cr_assert_eq(fbsd_si_code_from_linux(SIGSEGV, SI_KERNEL), FBSD_SI_KERNEL);
	cr_assert_eq(fbsd_si_code_from_linux(SIGTRAP, SI_KERNEL), FBSD_TRAP_BRKPT);
	cr_assert_eq(fbsd_si_code_from_linux(SIGIO, SI_SIGIO), FBSD_SI_KERNEL);
}

Test(signal, si_code_fpe_swapped)
{
	cr_assert_eq(FPE_INTDIV, 1);  /* Linux */
	cr_assert_eq(fbsd_si_code_from_linux(SIGFPE, FPE_INTDIV), 2);
	cr_assert_eq(fbsd_si_code_from_linux(SIGFPE, FPE_INTOVF), 1);
	cr_assert_eq(fbsd_si_code_from_linux(SIGFPE, FPE_FLTDIV), FBSD_FPE_FLTDIV);
	cr_assert_eq(fbsd_si_code_from_linux(SIGFPE, FPE_FLTOVF), FBSD_FPE_FLTOVF);
	cr_assert_eq(fbsd_si_code_from_linux(SIGFPE, FPE_FLTUND), FBSD_FPE_FLTUND);
	cr_assert_eq(fbsd_si_code_from_linux(SIGFPE, FPE_FLTRES), FBSD_FPE_FLTRES);
	cr_assert_eq(fbsd_si_code_from_linux(SIGFPE, FPE_FLTINV), FBSD_FPE_FLTINV);
	cr_assert_eq(fbsd_si_code_from_linux(SIGFPE, FPE_FLTSUB), FBSD_FPE_FLTSUB);
	cr_assert_eq(fbsd_si_code_from_linux(SIGFPE, 14 /* FPE_FLTUNK */), FBSD_FPE_FLTINV);
}

Test(signal, si_code_faults_and_chld)
{
	cr_assert_eq(fbsd_si_code_from_linux(SIGSEGV, SEGV_MAPERR), 1);
	cr_assert_eq(fbsd_si_code_from_linux(SIGSEGV, SEGV_ACCERR), 2);
	cr_assert_eq(fbsd_si_code_from_linux(SIGSEGV, 4 /* PKUERR */), FBSD_SEGV_ACCERR);
	cr_assert_eq(fbsd_si_code_from_linux(SIGBUS, BUS_ADRALN), FBSD_BUS_ADRALN);
	cr_assert_eq(fbsd_si_code_from_linux(SIGBUS, BUS_ADRERR), FBSD_BUS_ADRERR);
	cr_assert_eq(fbsd_si_code_from_linux(SIGBUS, BUS_OBJERR), FBSD_BUS_OBJERR);
	cr_assert_eq(fbsd_si_code_from_linux(SIGBUS, BUS_MCEERR_AR), FBSD_BUS_OBJERR);
	cr_assert_eq(fbsd_si_code_from_linux(SIGILL, ILL_ILLOPN), FBSD_ILL_ILLOPN);
	cr_assert_eq(fbsd_si_code_from_linux(SIGILL, ILL_PRVOPC), FBSD_ILL_PRVOPC);
	cr_assert_eq(fbsd_si_code_from_linux(SIGILL, ILL_BADSTK), FBSD_ILL_BADSTK);
	cr_assert_eq(fbsd_si_code_from_linux(SIGTRAP, TRAP_BRKPT), FBSD_TRAP_BRKPT);
	cr_assert_eq(fbsd_si_code_from_linux(SIGTRAP, TRAP_TRACE), FBSD_TRAP_TRACE);
	cr_assert_eq(fbsd_si_code_from_linux(SIGTRAP, 4 /* HWBKPT */), FBSD_TRAP_TRACE);
	cr_assert_eq(fbsd_si_code_from_linux(SIGCHLD, CLD_EXITED), FBSD_CLD_EXITED);
	cr_assert_eq(fbsd_si_code_from_linux(SIGCHLD, CLD_KILLED), FBSD_CLD_KILLED);
	cr_assert_eq(fbsd_si_code_from_linux(SIGCHLD, CLD_DUMPED), FBSD_CLD_DUMPED);
	cr_assert_eq(fbsd_si_code_from_linux(SIGCHLD, CLD_TRAPPED), FBSD_CLD_TRAPPED);
	cr_assert_eq(fbsd_si_code_from_linux(SIGCHLD, CLD_STOPPED), FBSD_CLD_STOPPED);
	cr_assert_eq(fbsd_si_code_from_linux(SIGCHLD, CLD_CONTINUED), FBSD_CLD_CONTINUED);
	cr_assert_eq(fbsd_si_code_from_linux(SIGIO, POLL_IN), FBSD_POLL_IN);
	cr_assert_eq(fbsd_si_code_from_linux(SIGIO, POLL_HUP), FBSD_POLL_HUP);
}

Test(signal, siginfo_from_linux_fault)
{
	siginfo_t li;
	memset(&li, 0, sizeof li);
	li.si_signo = SIGSEGV;
	li.si_code = SEGV_ACCERR;
	li.si_addr = (void *)0xdeadb000;
	struct fbsd_siginfo fi;
	memset(&fi, 0xa5, sizeof fi);
	fbsd_siginfo_from_linux(&fi, &li);
	cr_assert_eq(fi.si_signo, FBSD_SIGSEGV);
	cr_assert_eq(fi.si_code, FBSD_SEGV_ACCERR);
	cr_assert_eq(fi.si_errno, 0);
	cr_assert_eq(fi.fsi_addr, 0xdeadb000);
	cr_assert_eq(fi.fsi_pid, 0);
	cr_assert_eq(fi._reason._fault._trapno, 0);

	/* bus error keeps FreeBSD's number (10), not Linux's (7) */
	memset(&li, 0, sizeof li);
	li.si_signo = SIGBUS;
	li.si_code = BUS_ADRERR;
	li.si_addr = (void *)0x1234;
	fbsd_siginfo_from_linux(&fi, &li);
	cr_assert_eq(fi.si_signo, 10);
	cr_assert_eq(fi.si_code, FBSD_BUS_ADRERR);
	cr_assert_eq(fi.fsi_addr, 0x1234);

	memset(&li, 0, sizeof li);
	li.si_signo = SIGFPE;
	li.si_code = FPE_INTDIV;
	fbsd_siginfo_from_linux(&fi, &li);
	cr_assert_eq(fi.si_code, FBSD_FPE_INTDIV);
}

Test(signal, siginfo_from_linux_kill_queue_timer)
{
	siginfo_t li;
	struct fbsd_siginfo fi;

	memset(&li, 0, sizeof li);
	li.si_signo = SIGUSR1;
	li.si_code = SI_USER;
	li.si_pid = 4242;
	li.si_uid = 1000;
	fbsd_siginfo_from_linux(&fi, &li);
	cr_assert_eq(fi.si_signo, FBSD_SIGUSR1);
	cr_assert_eq(fi.si_code, FBSD_SI_USER);
	cr_assert_eq(fi.fsi_pid, 4242);
	cr_assert_eq(fi.fsi_uid, 1000);
	cr_assert_eq(fi.fsi_value.sival_ptr, 0);

	memset(&li, 0, sizeof li);
	li.si_signo = SIGRTMIN + 6;        /* FreeBSD SIGRTMIN + 1 */
	li.si_code = SI_QUEUE;
	li.si_pid = 7;
	li.si_uid = 8;
	li.si_value.sival_ptr = (void *)0x1122334455667788ULL;
	fbsd_siginfo_from_linux(&fi, &li);
	cr_assert_eq(fi.si_signo, FBSD_SIGRTMIN + 1);
	cr_assert_eq(fi.si_code, FBSD_SI_QUEUE);
	cr_assert_eq(fi.fsi_pid, 7);
	cr_assert_eq(fi.fsi_uid, 8);
	cr_assert_eq(fi.fsi_value.sival_ptr, 0x1122334455667788ULL);

	memset(&li, 0, sizeof li);
	li.si_signo = SIGALRM;
	li.si_code = SI_TIMER;
	li.si_timerid = 3;
	li.si_overrun = 5;
	li.si_value.sival_int = 99;
	fbsd_siginfo_from_linux(&fi, &li);
	cr_assert_eq(fi.si_code, FBSD_SI_TIMER);
	cr_assert_eq(fi._reason._timer._timerid, 3);
	cr_assert_eq(fi._reason._timer._overrun, 5);
	cr_assert_eq(fi.fsi_value.sival_int, 99);

	memset(&li, 0, sizeof li);
	li.si_signo = SIGUSR2;
	li.si_code = SI_TKILL;
	li.si_pid = 11;
	fbsd_siginfo_from_linux(&fi, &li);
	cr_assert_eq(fi.si_signo, FBSD_SIGUSR2);
	cr_assert_eq(fi.si_code, FBSD_SI_LWP);
	cr_assert_eq(fi.fsi_pid, 11);
}

Test(signal, siginfo_from_linux_chld)
{
	siginfo_t li;
	struct fbsd_siginfo fi;

	memset(&li, 0, sizeof li);
	li.si_signo = SIGCHLD;
	li.si_code = CLD_EXITED;
	li.si_pid = 321;
	li.si_uid = 5;
	li.si_status = 3;
	fbsd_siginfo_from_linux(&fi, &li);
	cr_assert_eq(fi.si_signo, FBSD_SIGCHLD);
	cr_assert_eq(fi.si_code, FBSD_CLD_EXITED);
	cr_assert_eq(fi.fsi_pid, 321);
	cr_assert_eq(fi.fsi_uid, 5);
	cr_assert_eq(fi.fsi_status, 3);

	/* killed by Linux SIGUSR1 (10): status carries FreeBSD's 30 */
	li.si_code = CLD_KILLED;
	li.si_status = SIGUSR1;
	fbsd_siginfo_from_linux(&fi, &li);
	cr_assert_eq(fi.si_code, FBSD_CLD_KILLED);
	cr_assert_eq(fi.fsi_status, FBSD_SIGUSR1);

	li.si_code = CLD_STOPPED;
	li.si_status = SIGTSTP;
	fbsd_siginfo_from_linux(&fi, &li);
	cr_assert_eq(fi.fsi_status, FBSD_SIGTSTP);
}

Test(signal, siginfo_from_linux_poll)
{
	siginfo_t li;
	struct fbsd_siginfo fi;
	memset(&li, 0, sizeof li);
	li.si_signo = SIGIO;
	li.si_code = POLL_IN;
	li.si_band = 0x41;
	fbsd_siginfo_from_linux(&fi, &li);
	cr_assert_eq(fi.si_signo, FBSD_SIGIO);
	cr_assert_eq(fi.si_code, FBSD_POLL_IN);
	cr_assert_eq(fi._reason._poll._band, 0x41);
}
