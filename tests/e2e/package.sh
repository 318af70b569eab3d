#!/usr/bin/env bash
# package.sh CASE... — installing persona: the completion scripts it
# generates from its tables, `cmake --install`, and the Debian package
# (built by cpack, installed with dpkg into a private overlay of this very
# machine's root, so nothing outside the test changes).
#   completion  bash script: --trace= words are exactly the table's names
#               and classes; verbs, options and values complete
#   install     cmake --install into a scratch prefix, then run from it
#   deb         cpack -> persona_<version>_amd64.deb: metadata, contents,
#               dpkg -i + run + dpkg -r in the overlay
# Needs PERSONA_BUILD_DIR (the CMake build tree; tests/e2e/CMakeLists.txt).
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init
require_persona
BUILD=${PERSONA_BUILD_DIR:-$(dirname "$PERSONA")}
[[ -f $BUILD/CMakeCache.txt ]] || e2e_die "PERSONA_BUILD_DIR=$BUILD is not a CMake build tree"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$BUILD/CMakeCache.txt")

# complete LINE: what the generated bash completion offers for LINE (the
# cursor at its end), one candidate per line.  Words are split as bash
# splits them for completion: at blanks, and at '=' (a word of its own).
complete_line() {
	bash -c '
		source "$1"
		COMP_LINE=$2 COMP_POINT=${#2}
		read -ra raw <<<"$2"
		COMP_WORDS=()
		for w in "${raw[@]}"; do
			if [[ $w == *=* ]]; then COMP_WORDS+=("${w%%=*}" "=" "${w#*=}"); else COMP_WORDS+=("$w"); fi
		done
		[[ $2 == *" " ]] && COMP_WORDS+=("")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		_persona
		printf "%s\n" "${COMPREPLY[@]}"' _ "$BUILD/completions/persona.bash" "$1"
}

case_completion() {
	local script=$BUILD/completions/persona.bash
	require_file "$script" "build persona (the completions target)"
	# Regenerated from the binary: the installed script is not stale.
	if "$PERSONA" completion bash | cmp -s - "$script"; then
		e2e_pass completion-current
	else
		e2e_fail completion-current "$script differs from 'persona completion bash'"
	fi
	# The --trace= words: every call name of the runnable personalities'
	# tables and every class the tracer offers, nothing else.
	"$PERSONA" syscalls --format json >"$E2E_TMP/sys.json"
	"$PERSONA" syscalls --personality netbsd --format json >"$E2E_TMP/sys-netbsd.json"
	# shellcheck disable=SC1090
	(source "$script" && tr ' ' '\n' <<<"$_persona_trace_words") >"$E2E_TMP/words"
	if python3 - "$E2E_TMP/sys.json" "$E2E_TMP/sys-netbsd.json" "$E2E_TMP/words" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["syscalls"] + json.load(open(sys.argv[2]))["syscalls"]
words = open(sys.argv[3]).read().split()
names = sorted({r["name"] for r in rows})
calls = [w for w in words if not w.startswith("%")]
classes = {w[1:] for w in words if w.startswith("%")}
assert calls == names, (set(calls) ^ set(names))
assert {"file", "desc", "net", "process", "signal", "memory", "time"} <= classes, classes
PY
	then
		e2e_pass completion-words-from-table
	else
		e2e_fail completion-words-from-table "--trace= candidates differ from the syscall table"
	fi
	expect_equal completion-verb "run" "$(complete_line 'persona ru')"
	expect_equal completion-trace-call "$(printf 'open\nopenat')" "$(complete_line 'persona run --trace=ope')"
	expect_equal completion-trace-list "read,%file" "$(complete_line 'persona run --trace=read,%fi')"
	expect_equal completion-backend "$(printf 'sud\nseccomp')" "$(complete_line 'persona run --backend=s')"
	expect_equal completion-syscalls-status "$(printf 'done\npartial\nmissing')" \
		"$(complete_line 'persona syscalls --status ')"
	"$PERSONA" completion zsh >"$E2E_TMP/_persona"
	expect_contains completion-zsh "$E2E_TMP/_persona" '#compdef persona'
	local rc=0
	"$PERSONA" completion fish >/dev/null 2>"$E2E_TMP/fish.err" || rc=$?
	expect_equal completion-unknown-shell 2 "$rc"
}

case_install() {
	local prefix=$E2E_TMP/prefix
	cmake --install "$BUILD" --prefix "$prefix" >"$E2E_TMP/install.log" 2>&1 ||
		{ cat "$E2E_TMP/install.log" >&2; e2e_die "cmake --install failed"; }
	local f ok=1
	for f in bin/persona bin/persona-binfmt bin/persona-oci libexec/persona/persona-contained \
		share/man/man1/persona-oci.1 \
		share/man/man1/persona.1 \
		share/bash-completion/completions/persona share/zsh/vendor-completions/_persona \
		share/doc/persona/README.md share/doc/persona/syscalls-freebsd.md; do
		[[ -e $prefix/$f ]] || { echo "missing $prefix/$f" >&2; ok=0; }
	done
	((ok)) && e2e_pass install-layout || e2e_fail install-layout "cmake --install left files out"
	expect_equal install-binfmt-link persona "$(readlink "$prefix/bin/persona-binfmt")"
	expect_equal install-runs "hello from persona sample" "$("$prefix/bin/persona" run "$SAMPLES/hello")"
	if man -l "$prefix/share/man/man1/persona.1" 2>/dev/null | grep -q 'persona run'; then
		e2e_pass install-man-page
	elif ! command -v man >/dev/null; then
		expect_contains install-man-page "$prefix/share/man/man1/persona.1" '.TH PERSONA 1'
	else
		e2e_fail install-man-page "the installed man page does not render"
	fi
}

case_deb() {
	command -v cpack >/dev/null || e2e_die "cpack (cmake) is needed"
	command -v dpkg-shlibdeps >/dev/null || e2e_die "dpkg-shlibdeps (dpkg-dev) is needed: scripts/setup.sh installs it"
	(cd "$BUILD" && cpack >"$E2E_TMP/cpack.log" 2>&1) ||
		{ cat "$E2E_TMP/cpack.log" >&2; e2e_die "cpack failed"; }
	local deb=$BUILD/package/persona_${version}_amd64.deb
	require_file "$deb" "cpack should have written it"
	e2e_pass "deb-built (${deb##*/})"
	dpkg-deb -f "$deb" Package Version Architecture Depends >"$E2E_TMP/control"
	expect_contains deb-version "$E2E_TMP/control" "Version: $version"
	expect_contains deb-arch "$E2E_TMP/control" "Architecture: amd64"
	# Depends comes from the libraries persona links (dpkg-shlibdeps).
	local lib
	for lib in libc6 libelf1 libunwind8 libzydis; do
		expect_contains "deb-depends-$lib" "$E2E_TMP/control" "$lib"
	done
	dpkg-deb -c "$deb" >"$E2E_TMP/contents"
	expect_contains deb-has-binary "$E2E_TMP/contents" './usr/bin/persona'
	expect_contains deb-has-man "$E2E_TMP/contents" './usr/share/man/man1/persona.1'
	expect_contains deb-has-completion "$E2E_TMP/contents" './usr/share/bash-completion/completions/persona'
	expect_contains deb-has-oci "$E2E_TMP/contents" './usr/bin/persona-oci'
	expect_contains deb-has-oci-payload "$E2E_TMP/contents" './usr/libexec/persona/persona-contained'
	# Installing it: dpkg -i into an overlay of / in a private mount
	# namespace (writes go to a tmpfs), run a FreeBSD sample from the
	# installed binary, see binfmt_misc left alone, remove it again.
	if ! unshare -m true 2>/dev/null; then
		echo "SKIP deb-install: no private mount namespace here (unshare -m refused)"
		return
	fi
	local root=$E2E_TMP/ovl before
	mkdir -p "$root"
	before=$(stat -c %i /usr/bin/persona 2>/dev/null || echo none)
	unshare -m bash -s "$root" "$deb" "$SAMPLES/hello" >"$E2E_TMP/deb.out" 2>"$E2E_TMP/deb.err" <<'SH' || true
set -e
t=$1 deb=$2 hello=$3
mount -t tmpfs tmpfs "$t"
mkdir -p "$t/upper" "$t/work" "$t/root"
mount -t overlay overlay -o "lowerdir=/,upperdir=$t/upper,workdir=$t/work" "$t/root"
mount -t proc proc "$t/root/proc"
mount --bind /dev "$t/root/dev"
cp "$deb" "$hello" "$t/root/tmp/"
chroot "$t/root" sh -ec '
	dpkg -i /tmp/'"${deb##*/}"' >/dev/null
	echo "installed: $(dpkg-query -W -f="\${Status}" persona)"
	persona --version | sed "s/ (build .*//"
	persona run /tmp/hello
	echo "binfmt: $(persona binfmt status | head -n 1)"
	dpkg -r persona >/dev/null
	test -e /usr/bin/persona || echo "removed"'
SH
	if [[ ! -s $E2E_TMP/deb.out ]] && grep -qi 'mount' "$E2E_TMP/deb.err"; then
		cat "$E2E_TMP/deb.err" >&2
		echo "SKIP deb-install: overlayfs over / cannot be mounted here"
		return
	fi
	cat >"$E2E_TMP/deb.want" <<EOF
installed: install ok installed
persona $version
hello from persona sample
binfmt: persona-freebsd: not installed
removed
EOF
	if diff -u "$E2E_TMP/deb.want" "$E2E_TMP/deb.out" >"$E2E_TMP/deb.diff"; then
		e2e_pass deb-install-run-remove
	else
		cat "$E2E_TMP/deb.diff" "$E2E_TMP/deb.err" >&2
		e2e_fail deb-install-run-remove "dpkg -i / persona run / dpkg -r in the overlay"
	fi
	expect_equal deb-machine-untouched "$before" "$(stat -c %i /usr/bin/persona 2>/dev/null || echo none)"
}

cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(completion install deb)
for c in "${cases[@]}"; do
	"case_$c"
done
e2e_finish
