#!/usr/bin/env bash
# sysfuzz.sh [run] — random FreeBSD system calls with random arguments and
# wild pointers (the guest samples/go/sysfuzz) against persona, in batches:
# one child process per seed, each making SYSFUZZ_CALLS calls, until
# SYSFUZZ_SECONDS have passed.
#
# A child may end any way its own calls make it end — finished, stopped
# in a call that may block (its watchdog ends it), killed by a signal it
# sent or caused, a Go runtime that gave up, stopped by SIGSTOP — and the
# test goes on.  It FAILS when persona fails: exit status 125, "persona:
# internal error" on stderr, a persona refusal (126/127), a child still
# running after SYSFUZZ_TIMEOUT, or a call that stalled although it cannot
# block (the guest's watchdog reports it).  The call in flight is printed.
#
#   SYSFUZZ_SEED=N      first seed (default: the time, printed)
#   SYSFUZZ_SECONDS=25  budget for starting children
#   SYSFUZZ_CALLS=2000  calls per child
#   SYSFUZZ_TIMEOUT=30  seconds one child may take
#
# Known and left for the seccomp backend: Linux 6.11+ does not filter its
# uretprobe (335) and uprobe (336) calls, so FreeBSD utrace(335) and 336
# reach the host kernel there (SIGILL; a raw -ENXIO) instead of persona;
# many seccomp-mode children die of it, which the test accepts.
#
# As root the children run as nobody (setpriv): a wild call must not be
# able to touch the host (mknod, chown, bind, ...).  Every child starts in
# a scratch directory of its own and the guest never passes a '/' in a
# path, so its files stay there.
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init
require_persona
guest=$SAMPLES/go-sysfuzz
require_file "$guest" "build the samples_go target"
# The children start elsewhere: absolute paths.
persona=$(realpath "$PERSONA")
guest=$(realpath "$guest")

seed0=${SYSFUZZ_SEED:-$(date +%s)}
budget=${SYSFUZZ_SECONDS:-25}
calls_per_child=${SYSFUZZ_CALLS:-2000}
child_timeout=${SYSFUZZ_TIMEOUT:-30}

run_as=()
work=$E2E_TMP
if [[ $(id -u) -eq 0 ]] && command -v setpriv >/dev/null; then
	run_as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	# Outside E2E_TMP (mode 0700): nobody must be able to reach it.
	work=$(mktemp -d "${TMPDIR:-/tmp}/persona-sysfuzz.XXXXXX")
	chmod 0755 "$work"
	trap 'rm -rf "$work"; e2e_cleanup' EXIT
fi

# Descriptors above 2 that this script inherited (CTest's log, say) must
# not reach the guest: its wild calls write, truncate and seek them.
close_inherited_fds() {
	local fd
	for fd in /proc/self/fd/*; do
		fd=${fd##*/}
		((fd > 2)) && eval "exec $fd>&-" 2>/dev/null
	done
	return 0
}

# state word i of a child's state file (see samples/go/sysfuzz/main.go)
word() { od -An -t u8 -w8 -v -j $(($2 * 8)) -N 8 "$1" | tr -d ' '; }
hexword() { printf '%#x' "$(word "$1" "$2")"; }

in_flight() {
	local st=$1 a=() i
	for i in 3 4 5 6 7 8; do a+=("$(hexword "$st" "$i")"); done
	echo "call #$(word "$st" 0): syscall $(word "$st" 2)(${a[*]})"
}

children=0 calls=0 done=0 blocked=0 signalled=0 exited=0 stopped=0 failures=0
declare -A signals=() exits=()
start=$SECONDS
seed=$seed0
echo "sysfuzz: base seed $seed0, $calls_per_child calls per child, ${budget}s"
while ((SECONDS - start < budget)); do
	dir=$work/c$seed
	st=$work/state.$seed
	mkdir -p "$dir"
	head -c 4096 /dev/zero >"$st"
	if ((${#run_as[@]})); then chown 65534:65534 "$dir" "$st"; fi
	(cd "$dir" && close_inherited_fds && exec "${run_as[@]}" "$persona" run "$guest" "$seed" "$calls_per_child" "$st" \
		</dev/null >"$work/out.$seed" 2>"$work/err.$seed") &
	pid=$!
	verdict=
	deadline=$((SECONDS + child_timeout))
	while kill -0 "$pid" 2>/dev/null; do
		# A guest that stopped itself (SIGSTOP, SIGTSTP, ...) waits forever.
		if [[ $(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null) == T ]]; then
			verdict=stopped
			kill -KILL "$pid" 2>/dev/null || true
			break
		fi
		if ((SECONDS >= deadline)); then
			verdict=hang
			kill -KILL "$pid" 2>/dev/null || true
			break
		fi
		sleep 0.05
	done
	rc=0
	wait "$pid" || rc=$?
	children=$((children + 1))
	started=$(word "$st" 0)
	calls=$((calls + started))
	end=$(word "$st" 9)
	fail=
	if [[ $verdict == hang ]]; then
		fail="still running after ${child_timeout}s"
	elif grep -aq 'persona: internal error' "$work/err.$seed"; then
		fail="persona: internal error"
	elif ((rc == 125 || rc == 126 || rc == 127)); then
		fail="persona exit status $rc"
	elif ((end == 3)); then
		fail="stalled in a call that cannot block"
	elif [[ $verdict == stopped ]]; then
		stopped=$((stopped + 1))
	elif ((end == 1 && rc == 0)); then
		done=$((done + 1))
	elif ((end == 2 && rc == 3)); then
		blocked=$((blocked + 1))
	elif ((rc > 128)); then
		signalled=$((signalled + 1))
		signals[$(kill -l $((rc - 128)) 2>/dev/null || echo $((rc - 128)))]+=x
	else
		exited=$((exited + 1))
		exits[$rc]+=x
	fi
	if [[ -n $fail ]]; then
		failures=$((failures + 1))
		e2e_fail "sysfuzz-seed-$seed" "$fail (exit status $rc); $(in_flight "$st");" \
			"reproduce: SYSFUZZ_SEED=$seed SYSFUZZ_SECONDS=1 $0"
		tail -n 20 "$work/err.$seed" >&2
		break
	fi
	rm -rf "$dir" "$st" "$work/out.$seed" "$work/err.$seed"
	seed=$((seed + 1))
done

tally() {
	local -n t=$1
	local k out=
	for k in "${!t[@]}"; do out+=" $k:${#t[$k]}"; done
	echo "${out:- none}"
}
echo "sysfuzz: $children children, $calls calls; finished $done, blocked $blocked," \
	"stopped $stopped, guest signals$(tally signals), guest exits$(tally exits);" \
	"persona failures $failures"
if ((failures == 0)); then
	# Not vacuous: the guest must really have been making calls.
	if ((calls >= 1000)); then
		e2e_pass sysfuzz
	else
		e2e_fail sysfuzz "only $calls calls made in ${budget}s"
	fi
fi
e2e_finish
