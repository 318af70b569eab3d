#!/usr/bin/env bash
# c_samples.sh [NAME...] — the freestanding C samples (samples/c): the FreeBSD
# build under persona must print exactly what the Linux build prints natively.
# Scratch-directory samples get "." (each run has its own empty directory).
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init

run_case() {
	case $1 in
	hello)
		compare_run hello --expect-rc 0 --
		expect_contains hello.native-output "$E2E_TMP/hello.native.stdout" "hello from persona sample"
		;;
	args)
		unset PERSONA_SAMPLE_VAR
		PERSONA_SAMPLE_VAR="value with spaces=and equals" \
			compare_run args --label args-env --expect-rc 0 -- one "two words" "" "ünïcødé" '*'
		compare_run args --label args-noenv --expect-rc 0 --
		expect_contains args.native-pagesz "$E2E_TMP/args-env.native.stdout" "pagesz="
		expect_contains args.native-auxv "$E2E_TMP/args-env.native.stdout" "auxv-os=ok"
		;;
	fileio | dirs | errno | compat11 | sendfile | vectors)
		compare_run "$1" --expect-rc 0 -- .
		;;
	args-pie)
		# static PIE: ET_DYN without interpreter, placed at a random base
		compare_run args-pie --expect-rc 0 -- a b
		;;
	mmap | time | missing | umtx | flock)
		compare_run "$1" --expect-rc 0 --
		;;
	sigmask)
		# sigsuspend and sigpending: the handler's mask, the mask its
		# context saves, the mask after the call (samples/c/sigmask.c).
		compare_run sigmask --expect-rc 0 --
		;;
	sigwait)
		# sigtimedwait, sigwaitinfo, sigwait, sigqueue, thr_kill2: blocked
		# signals taken with their siginfo (samples/c/sigwait.c).
		compare_run sigwait --expect-rc 0 --
		;;
	memguard)
		# munmap/MAP_FIXED/mprotect/madvise/minherit over persona's own
		# memory: FreeBSD's EINVAL, persona alive, the guest's memory intact.
		compare_run memguard --expect-rc 0 --
		# Each refusal is reported (--debug line, --report-missing JSON).
		local r=$E2E_TMP/memguard.json
		"$PERSONA" run --debug --report-missing="$r" "$SAMPLES/memguard" >/dev/null 2>"$E2E_TMP/memguard.debug" || true
		expect_contains memguard-debug "$E2E_TMP/memguard.debug" \
			"persona: unimplemented freebsd other munmap over persona's memory: EINVAL"
		if python3 - "$r" <<'PY'
import json, sys
rep = json.load(open(sys.argv[1]))
names = {i["name"]: i for i in rep["unimplemented"] if i["kind"] == "other"}
for call in ("munmap", "mmap MAP_FIXED", "mprotect", "madvise", "minherit"):
    item = names[call + " over persona's memory"]
    assert item["result"] == "EINVAL", item
    assert item["first_hit"]["backtrace"][0]["symbol"] == "main", item
PY
		then
			e2e_pass memguard-report
		else
			cat "$r" >&2
			e2e_fail memguard-report "refusals missing from the report"
		fi
		;;
	fdspace)
		# The guest owns its descriptor space up to its RLIMIT_NOFILE,
		# with persona holding descriptors of its own (a copy of stderr,
		# kqueue's, the trace output).
		compare_run fdspace --expect-rc 0 --
		compare_run fdspace --label fdspace-trace --run-opt --trace --run-opt "--trace-output=$E2E_TMP/fdspace.trace" --expect-rc 0 --
		expect_contains fdspace.native-rounds "$E2E_TMP/fdspace.native.stdout" "round 3: fds 4..1203"
		;;
	regs)
		# What a raw syscall leaves alone (registers, xmm/ymm, MXCSR, the
		# red zone, the carry flag), also when a signal handler that
		# clobbers the vector registers runs on the way out of the call.
		compare_run regs --expect-rc 0 --
		# ...through the rewritten site in the default mode, through the
		# trap with --no-rewrite.
		local want="site: rewritten"
		[[ " ${PERSONA_MODE_OPTS:-} " == *" --no-rewrite "* ]] && want="site: syscall"
		run_capture "$E2E_TMP/regs-site" /dev/null "$E2E_TMP" -- "$PERSONA" run "$SAMPLES/regs" site
		expect_equal regs.site-mode "$want 0" "$(cat "$E2E_TMP/regs-site.stdout") $(cat "$E2E_TMP/regs-site.rc")"
		;;
	regs-ymmsig)
		# The same signal checks with a handler that dirties the upper
		# halves of ymm0-15 (as any handler using AVX does): sigreturn must
		# restore the interrupted code's whole vector state.
		compare_run regs --label regs-ymmsig --expect-rc 0 -- ymm-handler
		;;
	fdhidden)
		# ...and persona's own descriptors are not open as far as it can tell.
		compare_run fdspace --label fdhidden --expect-rc 0 -- hidden
		compare_run fdspace --label fdhidden-trace --run-opt --trace --run-opt "--trace-output=$E2E_TMP/fdhidden.trace" --expect-rc 0 -- hidden
		compare_run fdspace --label fdhidden-stats --run-opt --stats --stderr none --expect-rc 0 -- hidden
		;;
	*) e2e_die "unknown case $1" ;;
	esac
}

cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(hello args args-pie fileio dirs errno mmap time missing compat11 sendfile vectors umtx memguard fdspace fdhidden regs regs-ymmsig flock sigmask sigwait)
for c in "${cases[@]}"; do
	run_case "$c"
done
e2e_finish
