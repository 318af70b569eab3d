#!/usr/bin/env bash
# binfmt.sh — `persona binfmt`: with FreeBSD and NetBSD ELF files registered in
# binfmt_misc, native programs (a Linux /bin/sh, env) can exec a FreeBSD
# binary directly.  Runs in a private user + mount namespace with its own
# binfmt_misc instance (Linux >= 6.7), so the machine is not touched.
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init
require_persona
command -v unshare >/dev/null || e2e_die "unshare (util-linux) is needed"

out=$E2E_TMP/binfmt
unshare --user --map-root-user --mount bash -s "$PERSONA" "$SAMPLES" >"$out.stdout" 2>"$out.stderr" <<'SH' || true
set -e
persona=$1 samples=$2
mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
echo "before: $("$persona" binfmt status)"
"$persona" binfmt install
"$persona" binfmt status | grep -E '^(persona-|  (enabled|flags|magic))'
/bin/sh -c "$samples/hello"
/bin/sh -c "$samples/hello-netbsd"
env "$samples/args" one "two words" | grep '^argv'
"$persona" binfmt uninstall
echo "after: $("$persona" binfmt status)"
SH
cat >"$out.want" <<'EOF2'
before: persona-freebsd: not installed
persona-netbsd: not installed
persona-freebsd: installed
  enabled
  flags: P
  magic 7f454c4602010109
persona-netbsd: installed
  enabled
  flags: P
  magic 7f454c4602010102
hello from persona sample
hello from persona sample
argv[0]=args
argv[1]=one
argv[2]=two words
argv[argc]=NULL
after: persona-freebsd: not installed
persona-netbsd: not installed
EOF2
if diff -u "$out.want" "$out.stdout" >"$out.diff"; then
	e2e_pass binfmt-native-exec
else
	cat "$out.diff" "$out.stderr" >&2
	e2e_fail binfmt-native-exec "a native program could not exec a FreeBSD binary through binfmt_misc"
fi
e2e_finish
