#!/usr/bin/env bash
# test-sanitized.sh — the test suite again with persona built with
# AddressSanitizer + UndefinedBehaviorSanitizer (cmake -DPERSONA_SANITIZE=ON)
# in build-asan/.  Called by scripts/test.sh after the main suite; needs the
# main build (build/) for its guest samples, which this tree shares instead
# of building them again.
#
# What runs: the unit tests, the whole e2e suite in the default mode
# (rewritten syscall sites, Go's standard-library suites included), and in
# the two trap modes (--no-rewrite, --backend=seccomp) everything but the Go
# standard-library suites -- enough to take every guest call through the
# SIGSYS handlers, at a quarter of their cost.  PERSONA_SANITIZE_ALL=1 runs
# the Go suites in those modes too.  Extra arguments go to ctest after this
# selection (a -R of theirs replaces it).
#
# A report fails the test it happens in (the process exits with status 86,
# cli/sanitizer_options.c).  A report in a process whose status nobody
# looks at (a fork child whose stderr is /dev/null, say) would go unseen,
# so every ASan report is written to build-asan/sanitizer-reports/ instead
# of stderr, and any error found there fails this script, after printing it.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tree=$repo/build-asan
reports=$tree/sanitizer-reports

say() { printf '==> %s\n' "$*"; }

[[ -d $repo/build/samples ]] || { echo "test-sanitized: build the main tree first (scripts/setup.sh --build-only)" >&2; exit 1; }
say "building persona with ASan+UBSan in $tree"
cmake -S "$repo" -B "$tree" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPERSONA_SANITIZE=ON \
	-DPERSONA_SAMPLES_DIR="$repo/build/samples" >/dev/null
cmake --build "$tree" -j"$(nproc)" >/dev/null

exclude='^e2e-[a-z]+\.gostd\.'
# The syscall fuzzer already ran 25 s per mode in the main pass; here it
# checks the sanitized persona for a shorter while.
export SYSFUZZ_SECONDS=${SYSFUZZ_SECONDS:-10}
[[ ${PERSONA_SANITIZE_ALL:-0} == 1 ]] && exclude='^$'
rm -rf "$reports"
mkdir -p "$reports"
say "unit and e2e tests with the sanitized persona"
status=0
(
	cd "$tree"
	# log_path: one file per reporting process, named by its pid.  UBSan
	# inside ASan's runtime (gcc 12) writes to stderr regardless: its
	# reports fail a test by the exit status and show in its output only.
	ASAN_OPTIONS=log_path=$reports/asan \
		ctest --output-on-failure -j2 -R '^(unit|e2e|e2e-norewrite|e2e-seccomp)\.' -E "$exclude" "$@"
) || status=$?

shopt -s nullglob
files=("$reports"/*)
if ((${#files[@]})); then
	say "sanitizer output (${#files[@]} file(s) in $reports)"
	for f in "${files[@]}"; do
		echo "---- $f"
		cat "$f"
	done
	if grep -lE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "${files[@]}" >/dev/null; then
		echo "test-sanitized: sanitizer errors reported (above)" >&2
		((status)) || status=1
	fi
fi
exit "$status"
