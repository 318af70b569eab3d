#!/usr/bin/env bash
# test.sh — the whole test suite: Criterion unit tests and end-to-end tests
# (FreeBSD guests under persona compared byte for byte with their Linux
# builds), driven by CTest.  Installs and builds what is missing first.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$repo/scripts/setup.sh" --build-only
cd "$repo/build"
ctest --output-on-failure -j2 "$@"

# --- sanitized persona: the suite again under ASan+UBSan (build-asan/) ---
# PERSONA_SANITIZE=0 skips it.
if [[ ${PERSONA_SANITIZE:-1} != 0 ]]; then
	"$repo/scripts/test-sanitized.sh" "$@"
fi
