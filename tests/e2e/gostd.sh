#!/usr/bin/env bash
# gostd.sh PACKAGE... — Go's own standard-library tests, built for FreeBSD
# and for Linux from the same installed Go tree (samples/CMakeLists.txt),
# run in the package's source directory: every test that passes natively
# must pass under persona too, except the known gaps listed below (each
# names the persona feature it waits for).  Exit status 0 when the two
# verdict sets agree.
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init
require_persona
GOROOT=$(go env GOROOT 2>/dev/null || echo /usr/lib/go)

# Tests that fail under persona for a documented reason, "pkg:TestName".
known_gaps=(
	# These two runtime tests run the host's go command and expect it to
	# answer for the test's own GOOS: TestFreeBSDNumCPU builds its helper
	# program (for linux) and calls a FreeBSD-only function in it;
	# TestAtomicAlignment type-checks runtime sources with a package list
	# the host toolchain gives for linux.
	"runtime:TestFreeBSDNumCPU"
	"runtime:TestAtomicAlignment"
	# A native /bin/sh runs the FreeBSD test binary itself: needs
	# `persona binfmt install` (machine-wide; tests/e2e/binfmt.sh checks it
	# in a private namespace), which this suite does not assume.
	"os:TestStatStdin"
	"os/signal:TestDetectNohup"     # native nohup runs the test binary
	"os/signal:TestNohup"
	"os/signal:TestNohup/nohup-1"
	"os/signal:TestNohup/nohup-2"
)

# Under --backend=seccomp the filter that traps the guest's code stays on
# every program the guest execs (filters cannot be removed), so a native
# non-PIE program whose code lies where the guest's was (the host's `go`
# tool, at 0x400000 like the FreeBSD Go binaries) dies of SIGSYS ("bad
# system call").  A test failing that way, in that mode only, is a known
# gap of the backend (docs/persona.1, BACKENDS), reported but forgiven.
seccomp_mode=0
[[ ${PERSONA_MODE_OPTS-} == *--backend=seccomp* ]] && seccomp_mode=1

# The output lines of test $2 in go test -v log $1 (from its last RUN/CONT
# line to its verdict, its subtests included).
test_output() {
	awk -v t="$2" '
		$0 ~ "^=== (RUN|CONT) +" t "$" { buf = ""; on = 1; next }
		on && $0 ~ "^=== (RUN|CONT|PAUSE) " && index($0, t "/") == 0 { on = 0 }
		on { buf = buf $0 "\n" }
		$0 ~ "^ *--- (PASS|FAIL|SKIP): " t " " { printf "%s", buf; exit }
	' "$1"
}

verdicts() { { grep -E '^\s*--- (PASS|FAIL|SKIP)' "$1" || true; } | sed -E 's/^\s*--- (PASS|FAIL|SKIP): ([^ ]+).*/\2 \1/' | sort -u; }

run_pkg() {
	local pkg=$1 name=${1//\//_}
	local fb=$SAMPLES/gostd/$name.freebsd.test lx=$SAMPLES/gostd/$name.linux.test
	require_file "$fb" "build the samples (samples_gostd)"
	require_file "$lx" "build the samples (samples_gostd)"
	local dir=$GOROOT/src/$pkg out=$E2E_TMP/$name
	[[ -d $dir ]] || e2e_die "no Go source directory $dir"
	(cd "$dir" && timeout -k 5 600 "$lx" -test.short -test.v </dev/null >"$out.linux" 2>&1) || true
	(cd "$dir" && timeout -k 5 600 "$PERSONA" run "$fb" -test.short -test.v </dev/null >"$out.persona" 2>&1) || true
	verdicts "$out.linux" >"$out.lv"
	verdicts "$out.persona" >"$out.pv"
	local bad=0 t
	# Every test that passes natively and exists in the FreeBSD build must pass.
	while read -r t v; do
		[[ $v == PASS ]] || continue
		local pv
		pv=$(awk -v t="$t" '$1 == t { print $2 }' "$out.pv")
		if [[ -z $pv ]] && ! grep -q "/" <<<"$t"; then
			# No verdict: the binary ended early (a known gap that panics
			# takes the rest of the run with it).  Run this test alone.
			(cd "$dir" && timeout -k 5 300 "$PERSONA" run "$fb" -test.short -test.v -test.run "^$t\$" \
				</dev/null >"$out.one" 2>&1) || true
			pv=$(verdicts "$out.one" | awk -v t="$t" '$1 == t { print $2 }')
			[[ -z $pv ]] && grep -q -- "^=== RUN   $t\$" "$out.one" && pv=NONE
		fi
		# SKIP: the test itself says it does not apply to FreeBSD.
		[[ -z $pv || $pv == PASS || $pv == SKIP ]] && continue
		local gap=0 g
		for g in "${known_gaps[@]}"; do [[ $g == "$pkg:$t" ]] && gap=1; done
		if ((seccomp_mode)) && test_output "$out.persona" "$t" | grep -q 'bad system call'; then
			echo "     known gap (seccomp backend): $pkg $t: a native helper died of SIGSYS"
		elif ((gap)); then
			echo "     known gap: $pkg $t ($pv under persona)"
		else
			echo "---- $pkg: $t passes natively but is $pv under persona" >&2
			bad=1
		fi
	done <"$out.lv"
	local np
	np=$(grep -c ' PASS$' "$out.pv" || true)
	if ((np == 0)); then
		echo "---- $pkg: no test passed under persona; output:" >&2
		tail -n 20 "$out.persona" >&2
		bad=1
	fi
	if ((bad)); then
		e2e_fail "gostd-$name" "Go $pkg tests differ (full output kept in $out.persona)"
	else
		e2e_pass "gostd-$name ($np tests pass under persona)"
	fi
}

for p in "$@"; do
	run_pkg "$p"
done
e2e_finish
