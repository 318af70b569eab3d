#!/usr/bin/env bash
# test.sh — the whole test suite: Criterion unit tests and end-to-end tests
# (FreeBSD guests under persona compared byte for byte with their Linux
# builds), driven by CTest.  Installs and builds what is missing first.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$repo/scripts/setup.sh" --build-only
cd "$repo/build"
ctest --output-on-failure -j2 "$@"

# --- libFuzzer targets (tests/fuzz/README) ---------------------------------
# Their own clang build tree; a few seconds of fuzzing per target.  Skipped
# when ctest was given arguments (a subset was asked for).
if (($# == 0)); then
    cmake -S "$repo" -B "$repo/build-fuzz" -DPERSONA_FUZZ=ON -DCMAKE_C_COMPILER=clang \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$repo/build-fuzz" -j2 >/dev/null
    (cd "$repo/build-fuzz" && ctest --output-on-failure -j2 -L fuzz)
fi

# --- sanitized persona: the suite again under ASan+UBSan (build-asan/) ---
# PERSONA_SANITIZE=0 skips it.
if [[ ${PERSONA_SANITIZE:-1} != 0 ]]; then
	"$repo/scripts/test-sanitized.sh" "$@"
fi
