#!/usr/bin/env bash
# bench/run.sh — persona's speed against native Linux, in one run.
#
#  1. esbuild: the FreeBSD build under persona vs the Linux build natively,
#     bundling + minifying all of lodash-es (same version, same input).
#  2. trapped syscalls: a Go loop of N getpid() calls, FreeBSD build under
#     persona vs the Linux build, reported as ns per call and as a ratio.
#
#  3. the floor: one Syscall User Dispatch trap with an empty handler.
#
# Prints wall-clock medians of several runs and the ratios.  This is a
# benchmark, not a test: it never fails on a number.
# Usage: bench/run.sh [RUNS]   (needs scripts/setup.sh --build-only first)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
persona=$repo/build/persona
samples=$repo/build/samples
tb=$repo/testbins
for f in "$persona" "$samples/go-syscallbench" "$tb/esbuild-freebsd/bin/esbuild"; do
    [[ -x $f ]] || { echo "bench: missing $f (run scripts/setup.sh --build-only)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/node_modules"
cp -a "$tb/lodash-es" "$work/node_modules/lodash-es"
echo 'export * from "lodash-es";' > "$work/entry.js"

# median_ns CMD... : median wall time of $runs runs, in nanoseconds
median_ns() {
    local times=()
    for ((i = 0; i < runs; i++)); do
        local t0 t1
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1
        t1=$(date +%s%N)
        times+=($((t1 - t0)))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

cd "$work"
echo "persona benchmark ($runs runs each, median wall time)"
echo
native=$(median_ns "$tb/esbuild-linux/bin/esbuild" entry.js --bundle --minify --outfile=out-linux.js)
guest=$(median_ns "$persona" run "$tb/esbuild-freebsd/bin/esbuild" entry.js --bundle --minify --outfile=out-freebsd.js)
printf 'esbuild bundle+minify lodash-es:  linux native %8.1f ms   freebsd under persona %8.1f ms   ratio %s\n' \
    "$(ratio "$native" 1000000)" "$(ratio "$guest" 1000000)" "$(ratio "$guest" "$native")"
cmp -s out-linux.js out-freebsd.js && echo "  (outputs identical)" || echo "  (outputs DIFFER)"

n=200000
base_native=$(median_ns "$samples/go-syscallbench-linux" 0)
base_guest=$(median_ns "$persona" run "$samples/go-syscallbench" 0)
loop_native=$(median_ns "$samples/go-syscallbench-linux" $n)
loop_guest=$(median_ns "$persona" run "$samples/go-syscallbench" $n)
ns_native=$(awk -v a="$loop_native" -v b="$base_native" -v n=$n 'BEGIN { printf "%.0f", (a - b) / n }')
ns_guest=$(awk -v a="$loop_guest" -v b="$base_guest" -v n=$n 'BEGIN { printf "%.0f", (a - b) / n }')
printf 'getpid() x %d:                linux native %8s ns/call   freebsd under persona %8s ns/call   ratio %s\n' \
    $n "$ns_native" "$ns_guest" "$(ratio "$ns_guest" "$((ns_native > 0 ? ns_native : 1))")"
floor=$("$repo/build/bench/sud_floor" $n 2>/dev/null || echo "?")
printf 'one SUD trap, empty handler:     %s ns (the floor while every call is caught by a signal; persona adds %s ns)\n' \
    "$floor" "$(awk -v g="$ns_guest" -v f="$floor" 'BEGIN { if (f == "?") print "?"; else printf "%.0f", g - f }')"
printf 'process start (N=0):             linux native %8.1f ms   freebsd under persona %8.1f ms\n' \
    "$(ratio "$base_native" 1000000)" "$(ratio "$base_guest" 1000000)"
