#!/usr/bin/env bash
# fetch-testbins.sh — fetch the foreign binaries and JS input the e2e tests use.
#
# Everything comes from the npm registry through `npm pack`, pinned by version
# and by the sha256 of the package tarball:
#   @esbuild/freebsd-x64  statically linked FreeBSD/amd64 Go binary (the guest)
#   @esbuild/netbsd-x64   the same esbuild for NetBSD/amd64 (the second guest)
#   @esbuild/linux-x64    the same esbuild for Linux (the reference)
#   lodash-es             small pure-ESM package for the bundling test
#   three                 three.js, a large ESM library for bench/run.sh
#
# Result (testbins/ is git-ignored):
#   testbins/esbuild-freebsd/bin/esbuild
#   testbins/esbuild-netbsd/bin/esbuild
#   testbins/esbuild-linux/bin/esbuild
#   testbins/lodash-es/           (package root: package.json, *.js)
#   testbins/three/               (package root: package.json, build/, src/)
#
# Idempotent: a package whose tarball is present, verified and extracted is
# skipped. A checksum mismatch is fatal.
#
# Usage: scripts/fetch-testbins.sh [DEST]   (DEST defaults to <repo>/testbins;
#        the environment variable TESTBINS_DIR works too)
set -euo pipefail

die() {
	echo "fetch-testbins: $*" >&2
	exit 1
}

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest=${1:-${TESTBINS_DIR:-$repo/testbins}}

# name spec sha256 tarball-name dest-dir
PACKAGES=(
	"@esbuild/freebsd-x64@0.28.2 53e57271b5fc7ab39312b906d3ff84d0633cfd067332f740e4b6f1f46803fb8a esbuild-freebsd-x64-0.28.2.tgz esbuild-freebsd"
	"@esbuild/netbsd-x64@0.28.2 caf02fee8a2332d26af62d0a0c53abc35a42de5bcb968d9b94986b2c00c94f95 esbuild-netbsd-x64-0.28.2.tgz esbuild-netbsd"
	"@esbuild/linux-x64@0.28.2 9573bb2233aab0f9ea7647d5cca9726113cc1768de61d66b17267f4db84488f6 esbuild-linux-x64-0.28.2.tgz esbuild-linux"
	"lodash-es@4.17.21 777598ac703f02b403ef678cd11bce2150ad788f35c774ea7c9cc241a892cb7b lodash-es-4.17.21.tgz lodash-es"
	"three@0.187.0 ff540832ded0cfe919764d24a3d88f3e2a05f23303f876423e4f893841e90728 three-0.187.0.tgz three"
)

command -v npm >/dev/null || die "npm not found (Debian: apt-get install npm)"
command -v sha256sum >/dev/null || die "sha256sum not found"
command -v tar >/dev/null || die "tar not found"

mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
cache="$dest/.npm-cache"

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

fetch_one() {
	local spec=$1 want=$2 tgz=$3 dir=$4
	local file="$dest/$tgz" stamp="$dest/$dir/.persona-fetched"

	if [[ -f $stamp && -f $file && $(cat "$stamp") == "$want" && $(sha_of "$file") == "$want" ]]; then
		echo "fetch-testbins: $spec: already verified in $dest/$dir"
		return
	fi

	if [[ -f $file && $(sha_of "$file") != "$want" ]]; then
		echo "fetch-testbins: $spec: cached $tgz has a wrong checksum, fetching again"
		rm -f "$file"
	fi
	if [[ ! -f $file ]]; then
		echo "fetch-testbins: $spec: npm pack"
		local tmp
		tmp=$(mktemp -d "$dest/.pack.XXXXXX")
		if ! (cd "$tmp" && npm pack --silent --cache "$cache" "$spec" >/dev/null); then
			rm -rf "$tmp"
			die "$spec: npm pack failed (is the npm registry reachable?)"
		fi
		[[ -f $tmp/$tgz ]] || { ls -la "$tmp" >&2; rm -rf "$tmp"; die "$spec: npm pack did not produce $tgz"; }
		mv "$tmp/$tgz" "$file"
		rm -rf "$tmp"
	fi

	local got
	got=$(sha_of "$file")
	if [[ $got != "$want" ]]; then
		mv "$file" "$file.bad"
		die "$spec: sha256 mismatch for $tgz: expected $want, got $got (kept as $file.bad)"
	fi

	local tmpx
	tmpx=$(mktemp -d "$dest/.extract.XXXXXX")
	tar -xzf "$file" -C "$tmpx" || { rm -rf "$tmpx"; die "$spec: cannot extract $tgz"; }
	[[ -d $tmpx/package ]] || { rm -rf "$tmpx"; die "$spec: $tgz has no package/ directory"; }
	rm -rf "${dest:?}/$dir"
	mv "$tmpx/package" "$dest/$dir"
	rm -rf "$tmpx"
	echo "$want" >"$stamp"
	echo "fetch-testbins: $spec: verified sha256 $want, extracted to $dest/$dir"
}

for entry in "${PACKAGES[@]}"; do
	# shellcheck disable=SC2086
	fetch_one $entry
done

for os in freebsd linux; do
	bin="$dest/esbuild-$os/bin/esbuild"
	[[ -f $bin ]] || die "missing $bin after extraction"
	chmod +x "$bin"
done
rm -rf "$cache"

echo "fetch-testbins: done:"
echo "  FreeBSD esbuild: $dest/esbuild-freebsd/bin/esbuild"
echo "  NetBSD esbuild:  $dest/esbuild-netbsd/bin/esbuild"
echo "  Linux esbuild:   $dest/esbuild-linux/bin/esbuild"
echo "  lodash-es:       $dest/lodash-es"
echo "  three:           $dest/three"
