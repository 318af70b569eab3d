#!/usr/bin/env bash
# netbsd_samples.sh [NAME...] — the NetBSD/amd64 personality on real
# programs: the NetBSD build of a sample (build/samples/<name>-netbsd) under
# persona must print exactly what the Linux build prints natively, with the
# same exit status.
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init

run_case() {
	case $1 in
	hello)
		GUEST_BIN=$SAMPLES/hello-netbsd compare_run hello --label netbsd-hello --expect-rc 0 --
		expect_contains hello.netbsd-brand <("$PERSONA" info "$SAMPLES/hello-netbsd") "netbsd (EI_OSABI 2 (NetBSD))"
		;;
	fileio)
		# open/read/write/close, pread/lseek/ftruncate with their PAD
		# argument, __fstat50, rename/unlink, and errnos by name.
		GUEST_BIN=$SAMPLES/fileio-netbsd compare_run fileio --label netbsd-fileio --expect-rc 0 -- .
		;;
	go-hello)
		# Go's runtime on NetBSD: mmap with its stack-passed offset,
		# __sigaction_sigtramp for every signal, _lwp_create from a
		# ucontext for each M, ___lwp_park60/_lwp_unpark, and every
		# nanotime a __clock_gettime50.
		GUEST_BIN=$SAMPLES/go-hello-netbsd NATIVE_BIN=$SAMPLES/go-hello-linux \
			compare_run go-hello --label netbsd-go-hello --expect-rc 0 --
		;;
	go-goroutines)
		# LWPs parking and unparking each other, timers through the
		# kqueue netpoller (kqueue, __kevent50, pipe2).
		GUEST_BIN=$SAMPLES/go-goroutines-netbsd NATIVE_BIN=$SAMPLES/go-goroutines-linux \
			compare_run go-goroutines --label netbsd-go-goroutines --expect-rc 0 --
		;;
	go-preempt)
		# Asynchronous preemption: SIGURG sent with _lwp_kill, delivered
		# in NetBSD's siginfo/ucontext frame, the handler returning
		# through the program's trampoline and setcontext.
		GUEST_BIN=$SAMPLES/go-preempt-netbsd NATIVE_BIN=$SAMPLES/go-preempt-linux \
			compare_run go-preempt --label netbsd-go-preempt --expect-rc 0 --
		;;
	go-signals)
		# os/signal: kill(2) to itself, handlers for SIGUSR1/SIGUSR2/
		# SIGHUP, SIGPIPE from a write to a closed pipe.
		GUEST_BIN=$SAMPLES/go-signals-netbsd NATIVE_BIN=$SAMPLES/go-signals-linux \
			compare_run go-signals --label netbsd-go-signals --expect-rc 0 --
		;;
	trace)
		# --trace names the calls with the NetBSD table's names.
		run_capture "$E2E_TMP/netbsd-trace" /dev/null "$E2E_TMP" -- \
			"$PERSONA" run --trace "$SAMPLES/fileio-netbsd" .
		expect_contains trace.fstat50 "$E2E_TMP/netbsd-trace.stderr" "__fstat50("
		expect_contains trace.errno "$E2E_TMP/netbsd-trace.stderr" "ERR#2 ENOENT"
		;;
	*) e2e_die "unknown case $1" ;;
	esac
}

cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(hello fileio go-hello go-goroutines go-preempt go-signals trace)
for c in "${cases[@]}"; do
	run_case "$c"
done
e2e_finish
