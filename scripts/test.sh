#!/usr/bin/env bash
# test.sh — the whole test suite: Criterion unit tests and end-to-end tests
# (FreeBSD guests under persona compared byte for byte with their Linux
# builds), driven by CTest.  Installs and builds what is missing first.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$repo/scripts/setup.sh" --build-only
cd "$repo/build"
ctest --output-on-failure -j2 "$@"
