# lib.sh — shared helpers for persona's end-to-end tests (bash; sourced).
#
# The tests run one program twice — its Linux build natively (the reference)
# and its FreeBSD build under `$PERSONA run` — and require the same stdout,
# stderr (where deterministic) and exit status, byte for byte.
#
# Environment (set by tests/e2e/CMakeLists.txt; defaults for a manual run
# from the repository root with the usual build/ directory):
#   PERSONA      path of the persona binary          (build/persona)
#   SAMPLES      directory of the built samples      (build/samples)
#   TESTBINS     directory filled by scripts/fetch-testbins.sh (testbins)
#   E2E_TIMEOUT  seconds allowed for one run         (60)
#   E2E_KEEP     set to 1 to keep the scratch directory
#
# Typical test script:
#   source "$(dirname "$0")/lib.sh"
#   e2e_init
#   compare_run hello --
#   e2e_finish
set -euo pipefail

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
E2E_REPO=$(cd "$E2E_DIR/../.." && pwd)
: "${PERSONA:=$E2E_REPO/build/persona}"
: "${SAMPLES:=$E2E_REPO/build/samples}"
: "${TESTBINS:=$E2E_REPO/testbins}"
: "${E2E_TIMEOUT:=60}"
export LC_ALL=C

E2E_PASS=0
E2E_FAIL=0
E2E_TMP=

e2e_cleanup() {
	if [[ -n $E2E_TMP && -d $E2E_TMP ]]; then
		if [[ ${E2E_KEEP:-0} == 1 || $E2E_FAIL -gt 0 ]]; then
			echo "e2e: scratch files kept in $E2E_TMP" >&2
		else
			rm -rf "$E2E_TMP"
		fi
	fi
}

# e2e_init: scratch directory, sanity of the environment.
e2e_init() {
	E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/persona-e2e.XXXXXX")
	trap e2e_cleanup EXIT
}

# Abort the whole script: a broken precondition, not a mismatch.
e2e_die() {
	echo "FAIL: $*" >&2
	E2E_FAIL=$((E2E_FAIL + 1))
	exit 1
}

e2e_pass() {
	echo "PASS $1"
	E2E_PASS=$((E2E_PASS + 1))
}

e2e_fail() {
	local label=$1
	shift
	echo "FAIL $label: $*" >&2
	E2E_FAIL=$((E2E_FAIL + 1))
}

# e2e_finish: summary line; exit status 1 if anything failed.
e2e_finish() {
	echo "e2e $(basename "$0" .sh): $E2E_PASS checks passed, $E2E_FAIL failed"
	[[ $E2E_FAIL -eq 0 ]]
}

require_persona() {
	[[ -x $PERSONA ]] || e2e_die "persona binary not found at $PERSONA (build the 'persona' target)"
}

require_file() {
	[[ -e $1 ]] || e2e_die "$1 is missing${2:+: $2}"
}

# The directories fetched by scripts/fetch-testbins.sh; fail (not skip) when absent.
require_testbins() {
	local f
	for f in "$@"; do
		[[ -e $TESTBINS/$f ]] ||
			e2e_die "$TESTBINS/$f is missing: run scripts/fetch-testbins.sh first"
	done
}

# run_capture PREFIX STDIN CWD -- CMD...
# Runs CMD in CWD with stdin from STDIN, writing PREFIX.stdout, PREFIX.stderr,
# PREFIX.rc. Never fails; a timeout is recorded as rc 124 (see timeout(1)).
run_capture() {
	local prefix=$1 input=$2 cwd=$3
	shift 4
	local rc=0
	(cd "$cwd" && exec timeout -k 5 "$E2E_TIMEOUT" "$@" <"$input" >"$prefix.stdout" 2>"$prefix.stderr") || rc=$?
	echo "$rc" >"$prefix.rc"
}

# Tree listing used to compare what the two runs left behind.
tree_listing() {
	(cd "$1" && find . -mindepth 1 \( -type f -printf '%p f %s\n' \) -o \( ! -type f -printf '%p %y\n' \) | sort)
}

# show_diff LABEL WHAT EXPECTED_FILE ACTUAL_FILE
show_diff() {
	echo "---- $1: $2 differs (- native Linux build, + FreeBSD build under persona)" >&2
	diff -u --label native --label persona "$3" "$4" | head -n 60 >&2 || true
	if cmp -s <(LC_ALL=C tr -d '\n' <"$3") <(LC_ALL=C tr -d '\n' <"$4"); then
		echo "     (only line breaks differ)" >&2
	fi
}

# compare_run NAME [OPTIONS] -- ARGS...
#
# Runs "$NATIVE_BIN ARGS" (default $SAMPLES/NAME-linux) natively and
# "$PERSONA run $GUEST_BIN ARGS" (default $SAMPLES/NAME), then compares.
# Options:
#   --label L          name in messages (default NAME; make it unique per script)
#   --stdin FILE       stdin for both runs (default /dev/null)
#   --stderr MODE      full (default) | first-line | none
#   --filter SED       sed -E expression applied to stdout and stderr before
#                      comparing (for known non-deterministic text)
#   --template DIR     start each run's working directory as a copy of DIR
#                      (each run always has its own directory, empty by
#                      default); the trees left behind are compared
#   --collect FILE     also compare FILE (relative to the working directory)
#   --expect-rc N      the native run must exit N (checks the test itself)
#   --run-opt OPT      an option for `persona run` (repeatable), e.g. --stats
# Results stay in $E2E_TMP/LABEL.{native,guest}.{stdout,stderr,rc} for
# further checks by the caller.
compare_run() {
	local name=$1
	shift
	local label=$name input=/dev/null stderr_mode=full filter='' template='' expect_rc=''
	local -a collect=() run_opts=()
	while [[ $# -gt 0 ]]; do
		case $1 in
		--label) label=$2; shift 2 ;;
		--stdin) input=$2; shift 2 ;;
		--stderr) stderr_mode=$2; shift 2 ;;
		--filter) filter=$2; shift 2 ;;
		--template) template=$2; shift 2 ;;
		--collect) collect+=("$2"); shift 2 ;;
		--expect-rc) expect_rc=$2; shift 2 ;;
		--run-opt) run_opts+=("$2"); shift 2 ;;
		--) shift; break ;;
		*) e2e_die "compare_run: unknown option $1" ;;
		esac
	done
	local native=${NATIVE_BIN:-$SAMPLES/$name-linux}
	local guest=${GUEST_BIN:-$SAMPLES/$name}
	require_file "$native" "build the samples (cmake --build build --target samples)"
	require_file "$guest" "build the samples (cmake --build build --target samples)"
	require_persona

	local base=$E2E_TMP/$label
	local ndir=$base.native.wd gdir=$base.guest.wd
	mkdir -p "$ndir" "$gdir"
	if [[ -n $template ]]; then
		cp -a "$template/." "$ndir/"
		cp -a "$template/." "$gdir/"
	fi

	run_capture "$base.native" "$input" "$ndir" -- "$native" "$@"
	run_capture "$base.guest" "$input" "$gdir" -- "$PERSONA" run ${run_opts[@]+"${run_opts[@]}"} "$guest" "$@"

	local p s
	if [[ -n $filter ]]; then
		for p in native guest; do
			for s in stdout stderr; do
				sed -E -e "$filter" "$base.$p.$s" >"$base.$p.$s.f" && mv "$base.$p.$s.f" "$base.$p.$s"
			done
		done
	fi
	case $stderr_mode in
	full) ;;
	first-line)
		for p in native guest; do
			head -n 1 "$base.$p.stderr" >"$base.$p.stderr.cmp"
		done
		;;
	none) ;;
	*) e2e_die "compare_run: bad --stderr mode $stderr_mode" ;;
	esac

	local nrc grc ok=1
	nrc=$(cat "$base.native.rc")
	grc=$(cat "$base.guest.rc")

	if [[ -n $expect_rc && $nrc != "$expect_rc" ]]; then
		echo "---- $label: the native run itself exited $nrc, expected $expect_rc; its stderr:" >&2
		head -n 20 "$base.native.stderr" >&2
		e2e_fail "$label" "test is broken on the native side"
		return 0
	fi
	if [[ $grc == 124 || $grc == 137 ]] && [[ $nrc != "$grc" ]]; then
		echo "---- $label: persona run timed out or was killed after ${E2E_TIMEOUT}s (status $grc)" >&2
	fi
	if [[ $nrc != "$grc" ]]; then
		echo "---- $label: exit status differs: native $nrc, persona $grc" >&2
		ok=0
	fi
	if ! cmp -s "$base.native.stdout" "$base.guest.stdout"; then
		show_diff "$label" stdout "$base.native.stdout" "$base.guest.stdout"
		ok=0
	fi
	case $stderr_mode in
	full)
		if ! cmp -s "$base.native.stderr" "$base.guest.stderr"; then
			show_diff "$label" stderr "$base.native.stderr" "$base.guest.stderr"
			ok=0
		fi
		;;
	first-line)
		if ! cmp -s "$base.native.stderr.cmp" "$base.guest.stderr.cmp"; then
			show_diff "$label" "stderr (first line)" "$base.native.stderr.cmp" "$base.guest.stderr.cmp"
			ok=0
		fi
		;;
	esac
	local f
	for f in "${collect[@]}"; do
		if [[ ! -e $ndir/$f ]]; then
			echo "---- $label: the native run did not produce $f" >&2
			ok=0
		elif [[ ! -e $gdir/$f ]]; then
			echo "---- $label: the persona run did not produce $f" >&2
			ok=0
		elif ! cmp -s "$ndir/$f" "$gdir/$f"; then
			echo "---- $label: $f differs: $(cmp "$ndir/$f" "$gdir/$f" 2>&1 | head -n 1)" >&2
			ok=0
		fi
	done
	tree_listing "$ndir" >"$base.native.tree"
	tree_listing "$gdir" >"$base.guest.tree"
	if ! cmp -s "$base.native.tree" "$base.guest.tree"; then
		show_diff "$label" "working directory left behind" "$base.native.tree" "$base.guest.tree"
		ok=0
	fi

	if [[ $ok == 1 ]]; then
		e2e_pass "$label"
	else
		if [[ -s $base.guest.stderr && $stderr_mode != full ]]; then
			echo "---- $label: persona run stderr (first lines):" >&2
			head -n 10 "$base.guest.stderr" >&2
		fi
		echo "     native: (cd $ndir && $native $*)" >&2
		echo "     guest:  (cd $gdir && $PERSONA run ${run_opts[*]} $guest $*)" >&2
		e2e_fail "$label" "FreeBSD build under persona differs from the native Linux build"
	fi
	return 0
}

# expect_golden LABEL GOLDEN-FILE -- PERSONA-RUN-ARGS...: the guest's stdout
# must be the golden file's bytes, its status 0.  For what has no Linux
# build to compare with (a BSD-only facility); the golden file says where
# its expectations come from.
expect_golden() {
	local label=$1 gold=$2
	shift 3
	local base=$E2E_TMP/$label
	run_capture "$base" /dev/null "$E2E_TMP" -- "$PERSONA" run "$@"
	if [[ $(cat "$base.rc") == 0 ]] && cmp -s "$gold" "$base.stdout"; then
		e2e_pass "$label"
	else
		echo "---- $label: status $(cat "$base.rc"); output against $gold:" >&2
		diff -u --label expected --label persona "$gold" "$base.stdout" | head -n 40 >&2 || true
		head -n 10 "$base.stderr" >&2
		e2e_fail "$label" "differs from the expected output"
	fi
}

# expect_same_on_pty LABEL NATIVE-BIN GUEST-BIN: both run on a fresh
# pseudo-terminal of 33 rows and 101 columns (script(1)); their output,
# carriage returns dropped, must be the same bytes.
expect_same_on_pty() {
	local label=$1 native=$2 guest=$3 base=$E2E_TMP/$1
	command -v script >/dev/null || e2e_die "script(1) (util-linux) is needed"
	script -qec "stty rows 33 cols 101; $native" /dev/null </dev/null 2>&1 | tr -d '\r' >"$base.native.pty"
	script -qec "stty rows 33 cols 101; $PERSONA run $guest" /dev/null </dev/null 2>&1 | tr -d '\r' >"$base.guest.pty"
	if cmp -s "$base.native.pty" "$base.guest.pty"; then
		e2e_pass "$label"
	else
		show_diff "$label" "output on a pseudo-terminal" "$base.native.pty" "$base.guest.pty"
		e2e_fail "$label" "differs on a terminal"
	fi
}

# expect_contains LABEL FILE TEXT — FILE must contain TEXT (fixed string).
expect_contains() {
	if grep -qF -- "$3" "$2"; then
		e2e_pass "$1"
	else
		echo "---- $1: expected to find '$3' in $2; it holds:" >&2
		head -n 20 "$2" >&2
		e2e_fail "$1" "missing expected text"
	fi
}

# expect_equal LABEL EXPECTED ACTUAL
expect_equal() {
	if [[ $2 == "$3" ]]; then
		e2e_pass "$1"
	else
		e2e_fail "$1" "expected '$2', got '$3'"
	fi
}
