#!/usr/bin/env bash
# gostd.sh PACKAGE... — Go's own standard-library tests, built for FreeBSD
# (or NetBSD: GOSTD_OS=netbsd) and for Linux from the same installed Go tree
# (samples/CMakeLists.txt), run in the package's source directory, the Linux
# build natively (the reference) and the BSD build under persona.  "FreeBSD"
# below stands for the guest system either way.  A package passes when:
#   - every test that passes natively passes under persona: a FAIL, or a
#     SKIP the test's own source does not make on FreeBSD, is a difference;
#   - every test that exists only in the FreeBSD build (TestGetfsstat, ...)
#     passes under persona (or is skipped by its own source on FreeBSD);
#   - the FreeBSD binary ends the way a test binary ends: status 0, or 1
#     with a failing test to show for it; a panic, a signal death, a
#     timeout or a persona internal error is a difference even when every
#     test passes run alone;
# except the known gaps listed below, each naming what it waits for.
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init
require_persona
GOROOT=$(go env GOROOT 2>/dev/null || echo /usr/lib/go)

# Both binaries run as `go test` would run them on their own system: the
# helper programs a test builds with the host's go command are built for
# the test's GOOS (a FreeBSD helper the guest execs runs under persona
# again), without cgo (no FreeBSD C toolchain here; the Linux run alike,
# so the two stay comparable).  GOROOT is set because the binaries are
# built with -trimpath, which leaves runtime.GOROOT() empty.
guest_os=${GOSTD_OS:-freebsd}
case $guest_os in
freebsd | netbsd) ;;
*) e2e_die "GOSTD_OS must be freebsd or netbsd, not $guest_os" ;;
esac
guest_env=(GOROOT="$GOROOT" GOOS="$guest_os" GOARCH=amd64 CGO_ENABLED=0)
linux_env=(GOROOT="$GOROOT" GOOS=linux GOARCH=amd64 CGO_ENABLED=0)

# Tests whose own source skips on FreeBSD: "pkg:Test" -> the text of the
# skip.  A SKIP under persona is accepted only with that text in the
# test's output, so a skip for any other reason is still a difference.
declare -A skips_freebsd=(
	# net/http/fs_test.go: runtime.GOOS != "linux"
	["net/http:TestLinuxSendfile"]="skipping; linux-only test"
	# os/executable_test.go: freebsd cannot name a deleted running binary
	["os:TestExecutableDeleted"]="freebsd does not support reading deleted binary name"
	# os/timeout_test.go: only Linux has non-pollable regular files
	["os:TestNonpollableDeadline"]="skipping on freebsd"
	# runtime/runtime-gdb_test.go, checkGdbEnvironment: golang.org/issue/29508
	["runtime:TestGdbAutotmpTypes"]="skipping gdb tests on FreeBSD"
	["runtime:TestGdbBacktrace"]="skipping gdb tests on FreeBSD"
	["runtime:TestGdbConst"]="skipping gdb tests on FreeBSD"
	["runtime:TestGdbPanic"]="skipping gdb tests on FreeBSD"
	["runtime:TestGdbPython"]="skipping gdb tests on FreeBSD"
	# syscall/getdirentries_test.go: the 1000-entry case skips in -short
	# mode (FreeBSD-only test; its n=10 case must pass)
	["syscall:TestGetdirentries/n=1000"]="skipping in -short mode"
)

# Tests that fail under persona for a documented reason: "pkg:Test" ->
# what persona lacks.
declare -A known_gaps=()

# The same for NetBSD: tests whose own source skips there.
declare -A skips_netbsd=(
	["net/http:TestLinuxSendfile"]="skipping; linux-only test"
	["os:TestNonpollableDeadline"]="skipping on netbsd"
	# runtime/runtime-gdb_test.go, checkGdbEnvironment: golang.org/issue/22893
	["runtime:TestGdbAutotmpTypes"]="gdb does not work with threads on NetBSD"
	# (TestGdbBacktrace skips earlier on NetBSD: runtime-gdb_test.go "known flaky")
	["runtime:TestGdbBacktrace"]="skipping known flaky test without the -flaky flag"
	["runtime:TestGdbConst"]="gdb does not work with threads on NetBSD"
	["runtime:TestGdbPanic"]="gdb does not work with threads on NetBSD"
	["runtime:TestGdbPython"]="gdb does not work with threads on NetBSD"
	# syscall/getdirentries_test.go (NetBSD-only there too): n=1000 skips
	# in -short mode
	["syscall:TestGetdirentries/n=1000"]="skipping in -short mode"
)
# NetBSD's known gaps (beyond the mixed trees above, which apply alike).
declare -A known_gaps_netbsd=(
)
if [[ $guest_os == netbsd ]]; then
	for k in "${!known_gaps_netbsd[@]}"; do known_gaps[$k]=${known_gaps_netbsd[$k]}; done
fi
declare -n guest_skips=skips_$guest_os

# Under --backend=seccomp the filter that traps the guest's code stays on
# every program the guest execs (filters cannot be removed), so a native
# non-PIE program whose code lies where the guest's was (the host's `go`
# tool, at 0x400000 like the FreeBSD Go binaries) dies of SIGSYS ("bad
# system call").  A test failing that way, in that mode only, is a known
# gap of the backend (docs/persona.1, BACKENDS), reported but forgiven.
seccomp_mode=0
[[ ${PERSONA_MODE_OPTS-} == *--backend=seccomp* ]] && seccomp_mode=1

# The output lines of test $2 in go test -v log $1 (from its last RUN/CONT
# line to its verdict, its subtests included).  Plain string comparison:
# test names may hold regular-expression characters.
test_output() {
	awk -v t="$2" '
		$0 == "=== RUN   " t || $0 == "=== CONT  " t { buf = ""; on = 1; next }
		on && /^=== (RUN|CONT|PAUSE) / && index($0, t "/") == 0 { on = 0 }
		on { buf = buf $0 "\n" }
		{ v = $0; sub(/^ */, "", v) }
		v ~ /^--- (PASS|FAIL|SKIP): / && index(v, ": " t " (") == 9 { printf "%s", buf; exit }
	' "$1"
}

# "TestName VERDICT" for every test and subtest of go test -v log $1.
verdicts() { { grep -E '^\s*--- (PASS|FAIL|SKIP)' "$1" || true; } | sed -E 's/^\s*--- (PASS|FAIL|SKIP): ([^ ]+).*/\2 \1/' | sort -u; }

# What an exit status $1 of a test binary means, given whether its log $2
# has a failing test; empty when it is how a test binary ends.
abnormal_end() {
	local rc=$1 log=$2
	if grep -q 'persona: internal error' "$log"; then
		echo "persona internal error (status $rc)"
	elif ((rc == 0)); then
		:
	elif ((rc == 1)); then
		grep -Eq '^\s*--- FAIL' "$log" || echo "status 1 with no failing test"
	elif ((rc == 124 || rc == 137)); then
		echo "timed out"
	elif ((rc == 2)); then
		echo "status 2 (Go panic or fatal error: $(grep -m1 -E '^(panic|fatal error): ' "$log" || echo '?'))"
	elif ((rc > 128)); then
		echo "killed by signal $((rc - 128))"
	else
		echo "status $rc"
	fi
}

run_pkg() {
	local pkg=$1 name=${1//\//_}
	local fb=$SAMPLES/gostd/$name.$guest_os.test lx=$SAMPLES/gostd/$name.linux.test
	require_file "$fb" "build the samples (samples_gostd)"
	require_file "$lx" "build the samples (samples_gostd)"
	require_file "$GOROOT/pkg/${guest_os}_amd64" "install the $guest_os std export data: GOOS=$guest_os go install std (scripts/setup.sh)"
	[[ $pkg != time ]] ||
		require_file "$GOROOT/lib/time/zoneinfo.zip" "make Go's zone database for the time tests (scripts/setup.sh make_goroot_zoneinfo)"
	local dir=$GOROOT/src/$pkg out=$E2E_TMP/$name
	[[ -d $dir ]] || e2e_die "no Go source directory $dir"
	local lrc=0 prc=0
	(cd "$dir" && exec env "${linux_env[@]}" timeout -k 5 600 "$lx" -test.short -test.v \
		</dev/null >"$out.linux" 2>&1) || lrc=$?
	(cd "$dir" && exec env "${guest_env[@]}" timeout -k 5 600 "$PERSONA" run "$fb" -test.short -test.v \
		</dev/null >"$out.persona" 2>&1) || prc=$?
	verdicts "$out.linux" >"$out.lv"
	verdicts "$out.persona" >"$out.pv"
	local bad=0 why
	why=$(abnormal_end "$lrc" "$out.linux")
	if [[ -n $why ]]; then
		echo "---- $pkg: the native (reference) run ended abnormally: $why" >&2
		tail -n 20 "$out.linux" >&2
		bad=1
	fi
	why=$(abnormal_end "$prc" "$out.persona")
	if [[ -n $why ]]; then
		echo "---- $pkg: the $guest_os test binary under persona ended abnormally: $why (native: status $lrc)" >&2
		tail -n 20 "$out.persona" >&2
		bad=1
	fi

	# Every test of either build: name, native verdict, persona verdict
	# ("-" where the test does not exist in that build).
	local t lv pv key
	while read -r t lv pv; do
		key=$pkg:$t
		if [[ $lv == FAIL ]]; then
			echo "     not compared: $pkg $t fails natively ($pv under persona)"
			continue
		fi
		[[ $pv == PASS || $pv == - ]] && continue
		[[ $pv == SKIP && $lv == SKIP ]] && continue
		if [[ $pv == SKIP && -n ${guest_skips[$key]-} ]] &&
			test_output "$out.persona" "$t" | grep -qF -- "${guest_skips[$key]}"; then
			echo "     skipped on $guest_os by its source: $pkg $t (\"${guest_skips[$key]}\")"
			continue
		fi
		local what="passes natively"
		[[ $lv == - ]] && what="exists only in the $guest_os build"
		[[ $lv == SKIP ]] && what="is skipped natively"
		if ((seccomp_mode)) && [[ $pv == FAIL ]] && test_output "$out.persona" "$t" | grep -q 'bad system call'; then
			echo "     known gap (seccomp backend): $pkg $t: a native helper died of SIGSYS"
		elif [[ -n ${known_gaps[$key]-} ]]; then
			echo "     known gap: $pkg $t ($pv under persona): ${known_gaps[$key]}"
		else
			echo "---- $pkg: $t $what but is $pv under persona" >&2
			test_output "$out.persona" "$t" | head -n 15 | sed 's/^/     | /' >&2
			bad=1
		fi
	done < <(join -a1 -a2 -e- -o 0,1.2,2.2 "$out.lv" "$out.pv")

	# A known gap that passes now should leave the list.
	for key in "${!known_gaps[@]}"; do
		[[ $key == "$pkg:"* ]] || continue
		t=${key#"$pkg:"}
		[[ $(awk -v t="$t" '$1 == t { print $2 }' "$out.pv") == PASS ]] &&
			echo "     note: known gap $pkg $t passes now: remove it from gostd.sh"
	done

	local np
	np=$(grep -c ' PASS$' "$out.pv" || true)
	if ((np == 0)); then
		echo "---- $pkg: no test passed under persona; output:" >&2
		tail -n 20 "$out.persona" >&2
		bad=1
	fi
	if ((bad)); then
		e2e_fail "gostd-$name" "Go $pkg tests differ (full output kept in $out.persona, native in $out.linux)"
	else
		e2e_pass "gostd-$name ($np tests pass under persona, status $prc, native $lrc)"
	fi
}

for p in "$@"; do
	run_pkg "$p"
done
e2e_finish
