#!/usr/bin/env bash
# setup.sh — install what persona needs, build it, fetch the pinned test
# binaries, and run a FreeBSD program under persona (the main job).
#
#   scripts/setup.sh              everything, as root on Debian 12
#   scripts/setup.sh --deps-only  just the Debian packages
#   scripts/setup.sh --build-only install + build + fetch, no demo run
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-all}

say() { printf '==> %s\n' "$*"; }

# Debian packages: toolchain, the product card's libraries, Go for the
# samples, python3 for the tests' JSON checks, binutils for readelf, clang
# and its libFuzzer runtime (only recommended by clang, and recommends are
# not installed) for tests/fuzz; npm (for fetching the pinned test binaries)
# is added below when missing.
packages=(build-essential cmake pkg-config libelf-dev libunwind-dev
          libcriterion-dev libseccomp-dev libzydis-dev golang-go python3 binutils
          dpkg-dev file    # cpack's Debian package: dpkg-shlibdeps, file
          runc podman      # persona-oci: the OCI runtime it delegates to, an engine
          clang libclang-rt-14-dev    # the libFuzzer targets (tests/fuzz)
          tzdata zip)  # $GOROOT/lib/time/zoneinfo.zip for Go's time tests

install_deps() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    if ((${#missing[@]})); then
        say "installing Debian packages: ${missing[*]}"
        if [[ $(id -u) -ne 0 ]]; then
            echo "setup: installing packages needs root (run as root or with sudo)" >&2
            exit 1
        fi
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        say "Debian packages already installed"
    fi
}

build() {
    say "building persona in $repo/build"
    cmake -S "$repo" -B "$repo/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$repo/build" -j"$(nproc)" >/dev/null
    # The FreeBSD and NetBSD std export data ($GOROOT/pkg/<os>_amd64), as
    # such a host has it: Go's std tests type-check against it
    # (tests/e2e/gostd.sh runs them with GOOS=freebsd or netbsd).  Does
    # nothing when it is up to date.
    for os in freebsd netbsd; do
        say "installing Go's std export data for GOOS=$os"
        GOOS=$os GOARCH=amd64 CGO_ENABLED=0 GOFLAGS= go install std
    done
    make_goroot_zoneinfo
}

# Go's time tests load their zones from $GOROOT/lib/time/zoneinfo.zip
# (time/internal_test.go, initTestingZone), which upstream Go ships and
# Debian's golang package leaves out.  Made from Debian's tzdata the way
# Go's lib/time/update.bash makes it: an uncompressed zip (Go's reader,
# time/zoneinfo_read.go loadTzinfoFromZip, takes stored entries only).
make_goroot_zoneinfo() {
    local zip
    zip="$(go env GOROOT)/lib/time/zoneinfo.zip"
    [[ -s $zip ]] && return 0
    say "making $zip from /usr/share/zoneinfo (Go's time tests read it)"
    mkdir -p "$(dirname "$zip")"
    (cd /usr/share/zoneinfo &&
        zip -q -0 -r -X "$zip.tmp" . -x 'posix/*' 'right/*' '*.tab' '*.zi' 'leap*' SECURITY) &&
        mv "$zip.tmp" "$zip"
}

install_deps
[[ $mode == --deps-only ]] && exit 0
build
say "fetching pinned test binaries"
"$repo/scripts/fetch-testbins.sh" >/dev/null
[[ $mode == --build-only ]] && exit 0

say "running a FreeBSD sample under persona: build/persona run build/samples/hello"
"$repo/build/persona" run "$repo/build/samples/hello"
say "running the FreeBSD build of esbuild under persona: esbuild --version"
"$repo/build/persona" run "$repo/testbins/esbuild-freebsd/bin/esbuild" --version
say "transforming TypeScript with the FreeBSD esbuild"
echo 'let x: number = 1' | "$repo/build/persona" run "$repo/testbins/esbuild-freebsd/bin/esbuild" --loader=ts
