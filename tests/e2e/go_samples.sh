#!/usr/bin/env bash
# go_samples.sh [NAME...] — the Go samples (samples/go), GOOS=freebsd under
# persona against GOOS=linux natively.
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init

run_case() {
	case $1 in
	hello | goroutines | numcpu | nilderef | preempt | signals | exec | net | fds | stubstress | forkpoll | waitstatus | sysctls | setids)
		compare_run "go-$1" --expect-rc 0 --
		;;
	files)
		compare_run go-files --expect-rc 0 -- .
		;;
	kqvnode)
		# EVFILT_VNODE through file operations, against FreeBSD's VOP
		# post hooks (the golden file; samples/go/kqvnode says which).
		expect_golden go-kqvnode "$E2E_DIR/golden/kqvnode.out" -- "$SAMPLES/go-kqvnode"
		;;
	tty)
		# termios and the window size through ioctl, on a pseudo-terminal
		# and on /dev/null (ENOTTY).
		expect_same_on_pty go-tty-pty "$SAMPLES/go-tty-linux" "$SAMPLES/go-tty"
		compare_run go-tty --expect-rc 0 --
		;;
	kqsignal)
		# EVFILT_SIGNAL: arrivals counted, caught or ignored (golden:
		# kqueue(2), filt_signal).
		expect_golden go-kqsignal "$E2E_DIR/golden/kqsignal.out" -- "$SAMPLES/go-kqsignal"
		;;
	kqproc)
		# EVFILT_PROC NOTE_EXIT: status in data, EV_EOF|EV_ONESHOT, the
		# child still there to wait for (golden: kqueue(2), filt_proc).
		expect_golden go-kqproc "$E2E_DIR/golden/kqproc.out" -- "$SAMPLES/go-kqproc"
		;;
	exitcode)
		local n
		for n in 0 1 3 42 255; do
			compare_run go-exitcode --label "go-exitcode-$n" --expect-rc "$n" -- "$n"
		done
		;;
	exitstorm)
		# Signals keep arriving while persona ends the process (with --stats
		# and --report-missing, which make the exit path long): every run
		# must end with the guest's status, never an internal error.
		local i
		for i in $(seq 15); do
			compare_run go-exitstorm --label "go-exitstorm-$i" --expect-rc 3 \
				--run-opt --report-missing="$E2E_TMP/exitstorm-$i.json" --run-opt --stats \
				--stderr none --
		done
		;;
	panic)
		# The goroutine trace holds addresses that differ between the two
		# builds: compare the first stderr line ("panic: ...") and the status.
		compare_run go-panic --stderr first-line --expect-rc 2 --
		expect_contains go-panic.native-message "$E2E_TMP/go-panic.native.stderr" \
			"panic: persona sample panic: boom"
		expect_contains go-panic.guest-trace "$E2E_TMP/go-panic.guest.stderr" "goroutine 1 [running]:"
		;;
	syscallbench)
		compare_run go-syscallbench --label go-syscallbench-getpid --expect-rc 0 -- 20000 getpid
		compare_run go-syscallbench --label go-syscallbench-write --expect-rc 0 -- 20000 write
		compare_run go-syscallbench --label go-syscallbench-now --expect-rc 0 -- 20000 now
		compare_run go-syscallbench --label go-syscallbench-mixed --expect-rc 0 -- 2000 mixed
		;;
	*) e2e_die "unknown case $1" ;;
	esac
}

cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(hello goroutines files exitcode exitstorm panic numcpu nilderef syscallbench preempt signals exec net fds stubstress forkpoll waitstatus kqvnode kqproc kqsignal tty sysctls setids)
for c in "${cases[@]}"; do
	run_case "$c"
done
e2e_finish
