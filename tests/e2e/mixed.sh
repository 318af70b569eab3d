#!/usr/bin/env bash
# mixed.sh — mixed process trees: a FreeBSD or NetBSD program under persona
# starts a native one (a Linux /bin/sh, env, nohup), which execs FreeBSD and
# NetBSD binaries in turn; no `persona binfmt install`, nothing changed on the
# machine (syscalls/foreign_exec.h).
#
# Each case runs one shell command line twice and compares stdout, stderr and
# the exit status byte for byte:
#   native: samples/go-spawn-linux /bin/sh -c CMD, where CMD's programs are
#           the Linux builds;
#   guest:  persona run samples/go-spawn[-netbsd] /bin/sh -c CMD, where they
#           are the FreeBSD (bsd/NAME) or NetBSD (nbsd/NAME) builds.
# Both see the programs under the same file names (symlinks in two
# directories), so argv[0] reads the same.
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init
require_persona

# $E2E_TMP/{lnx,bsd,nbsd}/NAME -> the Linux, FreeBSD, NetBSD build of NAME
link_builds() {
	local d name
	for d in lnx bsd nbsd; do mkdir -p "$E2E_TMP/$d"; done
	for name in "$@"; do
		require_file "$SAMPLES/$name" "build the samples"
		ln -sf "$SAMPLES/$name-linux" "$E2E_TMP/lnx/$name"
		ln -sf "$SAMPLES/$name" "$E2E_TMP/bsd/$name"
		[[ -e $SAMPLES/$name-netbsd ]] && ln -sf "$SAMPLES/$name-netbsd" "$E2E_TMP/nbsd/$name"
	done
	return 0
}

# mixed_case LABEL GUEST-DIR SPAWN CMD [ENV=VALUE...]: CMD with @/ standing
# for the directory of the builds (lnx natively, GUEST-DIR under persona);
# SPAWN is the guest build of go-spawn that starts the shell.
mixed_case() {
	local label=$1 gdir=$2 spawn=$3 cmd=$4
	shift 4
	local base=$E2E_TMP/$label
	mkdir -p "$base.wd"
	local ncmd=${cmd//@\//$E2E_TMP/lnx/} gcmd=${cmd//@\//$E2E_TMP/$gdir/}
	run_capture "$base.native" /dev/null "$base.wd" -- \
		env "$@" "$SAMPLES/go-spawn-linux" /bin/sh -c "$ncmd"
	run_capture "$base.guest" /dev/null "$base.wd" -- \
		env "$@" "$PERSONA" run "$spawn" /bin/sh -c "$gcmd"
	compare_normalized "$label" "$gdir"
}

# compare_normalized LABEL GUEST-DIR: the runs' stdout, stderr and status,
# with the builds' directories both written @/.
compare_normalized() {
	local label=$1 gdir=$2 base=$E2E_TMP/$1
	local p s
	for p in native guest; do
		for s in stdout stderr; do
			sed -e "s|$E2E_TMP/lnx/|@/|g; s|$E2E_TMP/$gdir/|@/|g" "$base.$p.$s" >"$base.$p.$s.n"
		done
	done
	local ok=1
	for s in stdout stderr; do
		if ! cmp -s "$base.native.$s.n" "$base.guest.$s.n"; then
			show_diff "$label" "$s" "$base.native.$s.n" "$base.guest.$s.n"
			ok=0
		fi
	done
	local nrc grc
	nrc=$(cat "$base.native.rc") grc=$(cat "$base.guest.rc")
	if [[ $nrc != "$grc" ]]; then
		echo "---- $label: exit status: native $nrc, persona $grc" >&2
		ok=0
	fi
	if ((ok)); then e2e_pass "$label"; else e2e_fail "$label" "differs from the native run"; fi
}

# script_case LABEL GUEST-DIR SCRIPT-TEXT ARGS...: a #! script made in both
# directories (@/ in its text: that directory), executed by the kernel
# natively and by `persona run` with the guest builds; compared as above.
script_case() {
	local label=$1 gdir=$2 text=$3
	shift 3
	local base=$E2E_TMP/$label d
	for d in lnx "$gdir"; do
		printf '%s\n' "${text//@\//$E2E_TMP/$d/}" >"$E2E_TMP/$d/$label"
		chmod 0755 "$E2E_TMP/$d/$label"
	done
	mkdir -p "$base.wd"
	run_capture "$base.native" /dev/null "$base.wd" -- "$E2E_TMP/lnx/$label" "$@"
	run_capture "$base.guest" /dev/null "$base.wd" -- "$PERSONA" run "$E2E_TMP/$gdir/$label" "$@"
	compare_normalized "$label" "$gdir"
}

host_rules() { ls /proc/sys/fs/binfmt_misc 2>/dev/null | grep '^persona-' || true; }

link_builds hello args go-exitcode go-hello go-spawn
require_file "$SAMPLES/go-spawn" "build the samples"
require_file "$SAMPLES/go-spawn-netbsd" "build the samples"
rules_before=$(host_rules)

run_case() {
	case $1 in
	sh)
		# sh execs the FreeBSD programs: argv (spaces kept), output, a
		# pipeline through a native program, the exit status of the last.
		mixed_case mixed-sh bsd "$SAMPLES/go-spawn" \
			'@/args one "two words" | grep argv; @/hello; @/go-hello | tr a-z A-Z; @/go-exitcode 42'
		;;
	sh-netbsd)
		# The same from a NetBSD program, with NetBSD children.
		mixed_case mixed-sh-netbsd nbsd "$SAMPLES/go-spawn-netbsd" \
			'@/hello; @/go-hello; @/go-exitcode 7'
		;;
	cross)
		# A NetBSD program's shell runs FreeBSD binaries and the other way.
		mixed_case mixed-cross-nb-fb bsd "$SAMPLES/go-spawn-netbsd" '@/hello; @/go-exitcode 3'
		mixed_case mixed-cross-fb-nb nbsd "$SAMPLES/go-spawn" '@/hello; @/go-exitcode 4'
		;;
	env)
		# The environment reaches the FreeBSD program through env and sh;
		# nohup and env exec it themselves.
		mixed_case mixed-env bsd "$SAMPLES/go-spawn" \
			'env PERSONA_SAMPLE_VAR=from-env @/args x | grep -E "^(argv|PERSONA)"; @/args y | grep PERSONA' \
			PERSONA_SAMPLE_VAR=outer
		mixed_case mixed-nohup bsd "$SAMPLES/go-spawn" 'nohup @/hello 2>&1; echo "nohup: $?"'
		;;
	fds)
		# Descriptors the shell sets up: a redirection into a file the
		# FreeBSD program writes, stdin from /dev/null, stdout into a pipe.
		mixed_case mixed-fds bsd "$SAMPLES/go-spawn" \
			'@/hello >out.txt; cat out.txt; @/go-hello 2>&1 </dev/null | wc -l'
		;;
	signal)
		# A FreeBSD program the native shell kills once it runs (it has
		# started a child that said so): its death by SIGTERM reaches the
		# shell as status 128+15 (dash reports the death on its stderr at
		# a moment of its choosing: not compared).
		mixed_case mixed-signal bsd "$SAMPLES/go-spawn" \
			'@/go-spawn sh -c "echo started; exec sleep 2" >started.txt &
			 for i in $(seq 200); do grep -q started started.txt && break; sleep 0.05; done
			 kill -TERM $!; wait $! 2>/dev/null; echo "status $?"; cat started.txt'
		;;
	script)
		# persona run ./script: a FreeBSD interpreter with one argument
		# (blanks trimmed), a NetBSD one, a script as the interpreter of
		# another, a native /bin/sh whose commands are FreeBSD programs.
		script_case script-fbsd bsd '#!@/args  one-arg  ' a "b c"
		script_case script-nbsd nbsd '#!@/args' a
		script_case script-inner bsd '#!@/args inner'
		script_case script-nested bsd '#!@/script-inner outer' z
		script_case script-sh bsd '#!/bin/sh
echo "sh: $0 $#"; @/hello; exec @/go-exitcode 5' x y
		;;
	mode)
		# The run's mode (--no-rewrite, --backend) reaches a FreeBSD
		# program started by the native shell: regs sees its syscall site
		# rewritten or not exactly as when persona runs it directly.
		local direct hop
		direct=$("$PERSONA" run "$SAMPLES/regs" site 2>&1)
		hop=$("$PERSONA" run "$SAMPLES/go-spawn" /bin/sh -c "$SAMPLES/regs site" 2>&1)
		expect_equal mixed-mode "$direct" "$hop"
		;;
	nonroot)
		# As another user (nobody, when the suite runs as root): the
		# native shell still runs the FreeBSD and NetBSD programs under
		# persona, and it is itself, uid 65534, not the root of a namespace.
		if [[ $(id -u) != 0 ]] || ! command -v setpriv >/dev/null; then
			e2e_pass mixed-nonroot-skipped
			return
		fi
		local out
		out=$(cd / && setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$PERSONA" run "$SAMPLES/go-spawn" /bin/sh -c "$SAMPLES/hello; $SAMPLES/hello-netbsd; id -u" 2>&1)
		expect_equal mixed-nonroot "hello from persona sample
hello from persona sample
65534" "$out"
		;;
	off)
		# --foreign-exec=off: the native shell runs the FreeBSD binary
		# natively, which cannot work (it dies or fails), and persona says
		# nothing changed.
		local out=$E2E_TMP/mixed-off rc=0
		"$PERSONA" run --foreign-exec=off "$SAMPLES/go-spawn" /bin/sh -c "$SAMPLES/hello" \
			>"$out.stdout" 2>"$out.stderr" </dev/null || rc=$?
		if [[ $rc != 0 ]] && ! grep -q "hello from persona" "$out.stdout"; then
			e2e_pass mixed-off
		else
			e2e_fail mixed-off "with --foreign-exec=off the FreeBSD child ran (status $rc)"
		fi
		;;
	*) e2e_die "unknown case $1" ;;
	esac
}

cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(sh sh-netbsd cross env fds signal script mode nonroot off)
for c in "${cases[@]}"; do
	run_case "$c"
done
# The machine's binfmt_misc is as it was.
expect_equal mixed-host-binfmt-untouched "$rules_before" "$(host_rules)"
e2e_finish
