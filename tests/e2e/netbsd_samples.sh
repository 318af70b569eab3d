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
	dirs)
		# mkdir/chdir/rmdir, __getdents30 records, readlink, __getcwd.
		GUEST_BIN=$SAMPLES/dirs-netbsd compare_run dirs --label netbsd-dirs --expect-rc 0 -- .
		;;
	sigmask)
		# __sigsuspend14 and __sigpending14 (samples/c/sigmask.c).
		GUEST_BIN=$SAMPLES/sigmask-netbsd compare_run sigmask --label netbsd-sigmask --expect-rc 0 --
		;;
	sigwait)
		# ____sigtimedwait50, sigqueueinfo, _lwp_kill (samples/c/sigwait.c).
		GUEST_BIN=$SAMPLES/sigwait-netbsd compare_run sigwait --label netbsd-sigwait --expect-rc 0 --
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
	go-net)
		# Go's net package: __socket30 with SOCK_NONBLOCK|SOCK_CLOEXEC,
		# bind/listen/connect with sa_len addresses (AF_INET6 is 24),
		# paccept, get/setsockopt with NetBSD's SO_* numbers, UDP,
		# Unix sockets with SCM_RIGHTS, net/http over loopback.  The
		# line that os.Stat()s the removed socket file needs __stat50
		# (the file calls), so it is left out of the comparison for now.
		GUEST_BIN=$SAMPLES/go-net-netbsd NATIVE_BIN=$SAMPLES/go-net-linux \
			compare_run go-net --label netbsd-go-net --expect-rc 0 \
			--filter '/^unix: socket file removed on close=/d' -- "$E2E_TMP"
		;;
	go-httpserver)
		# A net/http server under persona answering a request from here,
		# then shutting down gracefully on SIGTERM (exit 0).
		local out=$E2E_TMP/netbsd-httpd.out addr="" i
		: >"$out"   # before the background job opens it: sed below must find it
		"$PERSONA" run "$SAMPLES/go-httpserver-netbsd" 0 60 >"$out" 2>&1 &
		local pid=$!
		for ((i = 0; i < 100; i++)); do
			addr=$(sed -n 's/^listening //p' "$out")
			[[ -n $addr ]] && break
			sleep 0.1
		done
		if [[ -z $addr ]]; then
			kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
			e2e_fail netbsd-httpserver.listen "no listening line: $(cat "$out")"
			return
		fi
		local reply
		reply=$(exec 3<>"/dev/tcp/${addr%:*}/${addr##*:}" &&
			printf 'GET / HTTP/1.0\r\nHost: x\r\n\r\n' >&3 && cat <&3)
		expect_contains netbsd-httpserver.status <(printf '%s\n' "$reply") "HTTP/1.0 200 OK"
		expect_contains netbsd-httpserver.body <(printf '%s\n' "$reply") "hello from persona"
		kill -TERM "$pid"
		local rc=0
		wait "$pid" || rc=$?
		expect_equal netbsd-httpserver.rc 0 "$rc"
		;;
	# processes: fork (%rdx in the child), execve of a NetBSD, a FreeBSD
	# or a Linux binary, __wait450 with NetBSD's status words, dup2/dup3
	# for the child's descriptors, exit codes, panics; go-fds: the
	# guest's own RLIMIT_NOFILE (raised by the os package, seen by children);
	# go-waitstatus: status words with NetBSD's signal numbers.
	go-exec | go-numcpu | go-nilderef | go-forkpoll | go-fds | go-waitstatus | go-setids)
		GUEST_BIN=$SAMPLES/$1-netbsd NATIVE_BIN=$SAMPLES/$1-linux \
			compare_run "$1" --label "netbsd-$1" --expect-rc 0 --
		;;
	go-exec-freebsd)
		# The NetBSD program, told that its argv[0] is the FreeBSD build,
		# starts that as its child: an exec of the other BSD's binary
		# (persona again).
		GUEST_BIN=$SAMPLES/go-exec-netbsd NATIVE_BIN=$SAMPLES/go-exec-linux \
			compare_run go-exec --label netbsd-go-exec-freebsd --expect-rc 0 \
			--run-opt --argv0="$SAMPLES/go-exec" --
		;;
	go-kqvnode)
		# EVFILT_VNODE: NetBSD raises the same NOTE_* flags for these
		# operations (its VOP knote hooks), the golden file of the FreeBSD case.
		expect_golden netbsd-go-kqvnode "$E2E_DIR/golden/kqvnode.out" -- "$SAMPLES/go-kqvnode-netbsd"
		;;
	go-tty)
		# ioctl with NetBSD's termios, on a pseudo-terminal and off one.
		expect_same_on_pty netbsd-go-tty-pty "$SAMPLES/go-tty-linux" "$SAMPLES/go-tty-netbsd"
		GUEST_BIN=$SAMPLES/go-tty-netbsd NATIVE_BIN=$SAMPLES/go-tty-linux \
			compare_run go-tty --label netbsd-go-tty --expect-rc 0 --
		;;
	go-kqsignal)
		expect_golden netbsd-go-kqsignal "$E2E_DIR/golden/kqsignal.out" -- "$SAMPLES/go-kqsignal-netbsd"
		;;
	go-kqproc)
		expect_golden netbsd-go-kqproc "$E2E_DIR/golden/kqproc.out" -- "$SAMPLES/go-kqproc-netbsd"
		;;
	go-syscallbench)
		# The bench loops, small: raw getpid and write, time.Now() (every
		# call a clock_gettime through a rewritten site on NetBSD), mixed
		# file calls.
		local m n
		for m in getpid:20000 write:20000 now:20000 mixed:2000; do
			n=${m#*:} m=${m%%:*}
			GUEST_BIN=$SAMPLES/go-syscallbench-netbsd NATIVE_BIN=$SAMPLES/go-syscallbench-linux \
				compare_run go-syscallbench --label "netbsd-go-syscallbench-$m" --expect-rc 0 -- "$n" "$m"
		done
		;;
	go-exitcode)
		local n
		for n in 0 1 3 42 255; do
			GUEST_BIN=$SAMPLES/go-exitcode-netbsd NATIVE_BIN=$SAMPLES/go-exitcode-linux \
				compare_run go-exitcode --label "netbsd-go-exitcode-$n" --expect-rc "$n" -- "$n"
		done
		;;
	go-exitstorm)
		local i
		for i in $(seq 5); do
			GUEST_BIN=$SAMPLES/go-exitstorm-netbsd NATIVE_BIN=$SAMPLES/go-exitstorm-linux \
				compare_run go-exitstorm --label "netbsd-go-exitstorm-$i" --expect-rc 3 \
				--run-opt --report-missing="$E2E_TMP/netbsd-exitstorm-$i.json" --run-opt --stats \
				--stderr none --
		done
		;;
	go-panic)
		# The goroutine trace holds addresses: compare the first stderr
		# line and the status (2).
		GUEST_BIN=$SAMPLES/go-panic-netbsd NATIVE_BIN=$SAMPLES/go-panic-linux \
			compare_run go-panic --label netbsd-go-panic --stderr first-line --expect-rc 2 --
		expect_contains netbsd-go-panic.guest-trace "$E2E_TMP/netbsd-go-panic.guest.stderr" "goroutine 1 [running]:"
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
[[ ${#cases[@]} -gt 0 ]] || cases=(hello fileio dirs sigmask sigwait go-hello go-goroutines go-preempt go-signals go-net go-httpserver trace
	go-exec go-exec-freebsd go-exitcode go-panic go-numcpu go-nilderef go-exitstorm go-forkpoll go-fds go-waitstatus
	go-syscallbench go-kqvnode go-kqproc go-kqsignal go-tty go-setids)
for c in "${cases[@]}"; do
	run_case "$c"
done
e2e_finish
