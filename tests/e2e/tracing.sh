#!/usr/bin/env bash
# tracing.sh [CASE...] — persona's own observability: --trace (golden output
# with volatile fields masked), trace filters, --stats, --report-missing,
# --debug, and `persona syscalls` against the table and docs/.
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init
require_persona
GOLDEN=$E2E_DIR/golden

# Mask what changes from run to run: the pid that starts each line and
# guest addresses.
mask() { sed -E 's/^[0-9]+ /PID /; s/0x[0-9a-f]{6,}/ADDR/g; s/(127\.0\.0\.1):[1-9][0-9]*/\1:PORT/g'; }

# golden LABEL GOLDEN-FILE -- PERSONA-RUN-ARGS... : stderr trace vs golden
golden() {
	local label=$1 want=$GOLDEN/$2 out=$E2E_TMP/$1
	shift 3
	# Fd numbers show in the trace: start from only 0, 1 and 2, like a shell.
	(
		cd "$E2E_TMP"
		exec </dev/null >"$out.stdout" 2>"$out.stderr"
		for fd in /proc/$BASHPID/fd/*; do
			fd=${fd##*/}
			((fd > 2)) && eval "exec $fd>&-"
		done
		exec "$PERSONA" run "$@"
	) || true
	mask <"$out.stderr" >"$out.masked"
	if diff -u "$want" "$out.masked" >"$out.diff"; then
		e2e_pass "$label"
	else
		echo "---- $label: trace differs from $want:" >&2
		head -n 40 "$out.diff" >&2
		e2e_fail "$label" "trace output changed (update the golden file if intended)"
	fi
}

run_case() {
	case $1 in
	golden-decode)
		# Arguments decoded by name: signal sets, resources, operations,
		# socket domains and types, sockaddrs, fcntl flags, levels.
		golden trace-decode decode.trace -- --trace "$SAMPLES/decode"
		;;
	golden-hello)
		golden trace-hello hello.trace -- --trace "$SAMPLES/hello"
		;;
	golden-errno)
		golden trace-errno errno.trace -- --trace=open,openat,read,mkdir,rmdir,readlink "$SAMPLES/errno" .
		;;
	filter-class)
		local out=$E2E_TMP/filter
		mkdir -p "$out.d"
		"$PERSONA" run --trace=%file "$SAMPLES/fileio" "$out.d" >/dev/null 2>"$out.stderr"
		# Only calls that take a path: no read/write/lseek lines.
		if grep -qE ' (read|write|lseek|pread|close)\(' "$out.stderr"; then
			e2e_fail filter-class "%file let through calls without a path"
		else
			expect_contains filter-class "$out.stderr" ' open("'
		fi
		;;
	trace-output)
		local f=$E2E_TMP/trace.txt
		"$PERSONA" run --trace-output="$f" --trace -T "$SAMPLES/hello" >"$E2E_TMP/to.stdout" 2>"$E2E_TMP/to.stderr"
		expect_equal trace-output-stdout "hello from persona sample" "$(cat "$E2E_TMP/to.stdout")"
		expect_equal trace-output-stderr-empty "" "$(cat "$E2E_TMP/to.stderr")"
		expect_contains trace-output-file "$f" 'write(1, "hello from persona sample\n", 26) = 26 <'
		# -o FILE is the same, with a filter.
		local o=$E2E_TMP/trace-o.txt
		"$PERSONA" run --trace=write -o "$o" "$SAMPLES/hello" >/dev/null 2>"$E2E_TMP/to-o.stderr"
		expect_equal trace-o-stderr-empty "" "$(cat "$E2E_TMP/to-o.stderr")"
		expect_contains trace-o-file "$o" ' write(1, "hello from persona sample\n", 26) = 26'
		;;
	stats)
		local s=$E2E_TMP/stats
		(cd "$E2E_TMP" && "$PERSONA" run --stats "$SAMPLES/errno" . >/dev/null 2>"$s")
		expect_contains stats-header "$s" 'calls    errors syscall'
		# errno's opens that fail: the errors column (7 fields when it is
		# filled, 6 when empty) must count exactly the open calls the
		# trace shows failing.
		local want got
		want=$(cd "$E2E_TMP" && "$PERSONA" run --trace=open "$SAMPLES/errno" . 2>&1 >/dev/null | grep -c '= ERR#' || true)
		got=$(awk 'NF == 7 && $6 == "open" { print $5 }' "$s")
		if [[ $want -gt 0 && $got == "$want" ]]; then
			e2e_pass "stats-errors ($got failing opens)"
		else
			cat "$s" >&2
			e2e_fail stats-errors "--stats counts '$got' failing opens, the trace shows $want"
		fi
		expect_contains stats-total "$s" ' total'
		# The rows' shares add up to the total (none above 100%), and the
		# footer accounts for every call: caught by a signal, whose cost
		# is measured and added, or entered from a rewritten site.
		if awk '/^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+/ && !/ total$/ { if ($1 > 100) bad = 1; sum += $1 }
			END { exit !(!bad && sum > 99.4 && sum < 100.6) }' "$s"; then
			e2e_pass stats-shares
		else
			cat "$s" >&2
			e2e_fail stats-shares "the rows' shares do not add up to 100%"
		fi
		local calls trapped stub
		calls=$(awk '/ total$/ { print $4 }' "$s")
		read -r trapped stub < <(sed -nE 's/.* each of the ([0-9]+) calls caught by a signal.* the ([0-9]+) from rewritten.*/\1 \2/p' "$s")
		expect_equal stats-footer-accounts "$calls" "$((trapped + stub))"
		(cd "$E2E_TMP" && "$PERSONA" run --no-rewrite --stats "$SAMPLES/errno" . >/dev/null 2>"$s.nr")
		# ...and every row (each of its calls was trapped) holds at least
		# that cost per call (the seconds column is rounded to 1 us).
		if grep -Eq 'plus [1-9][0-9]* ns for each of the [1-9][0-9]* calls caught by a signal.* the 0 from rewritten' "$s.nr" &&
			awk '/ ns for each of the / { for (i = 1; i < NF; i++) if ($i == "plus") ns = $(i + 1) }
				/^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+/ && !/ total$/ { secs[NR] = $2; calls[NR] = $4 }
				END { for (r in secs) if (secs[r] * 1e9 + 500 < calls[r] * ns) exit 1 }' "$s.nr"; then
			e2e_pass stats-trap-cost
		else
			cat "$s.nr" >&2
			e2e_fail stats-trap-cost "--no-rewrite: every call trapped, with a measured cost"
		fi
		;;
	report)
		local r=$E2E_TMP/report.json
		"$PERSONA" run --report-missing="$r" "$SAMPLES/missing" >"$E2E_TMP/rep.stdout" 2>"$E2E_TMP/rep.stderr"
		expect_equal report-quiet "" "$(cat "$E2E_TMP/rep.stderr")"
		if python3 - "$r" <<'PY'
import json, sys
rep = json.load(open(sys.argv[1]))
items = {(i["kind"], i["name"]): i for i in rep["unimplemented"]}
assert rep["personality"] == "freebsd"
j = items[("syscall", "jail")]
assert j["number"] == 338 and j["count"] == 2 and j["result"] == "ENOSYS"
assert j["first_hit"]["backtrace"][0]["symbol"] == "main"
assert items[("ioctl", "0x4004741a")]["count"] == 1
assert items[("sysctl", "kern.persona_no_such_name")]["result"] == "ENOENT"
# A filter the kqueue lacks, a socket option with no Linux counterpart.
assert items[("other", "kevent EVFILT_PROCDESC")]["result"] == "EINVAL"
assert items[("other", "setsockopt SOL_SOCKET option 30583 (0x7777)")]["result"] == "ENOPROTOOPT"
# What the forked child hit is in the same report, with the child's pid.
child = items[("syscall", "jail_attach")]
assert child["number"] == 436 and child["count"] == 1, child
assert child["first_hit"]["pid"] != j["first_hit"]["pid"], (child, j)
assert child["first_hit"]["program"] == rep["program"]
assert len(items) == 6, items
PY
		then
			e2e_pass report-json
		else
			cat "$r" >&2
			e2e_fail report-json "report does not list the missing items"
		fi
		;;
	report-go)
		# A Go binary: the backtrace is symbolised from .gopclntab.
		local r=$E2E_TMP/report-go.json
		"$PERSONA" run --report-missing="$r" "$SAMPLES/go-unimpl" >/dev/null 2>&1
		if python3 - "$r" <<'PY'
import json, sys
rep = json.load(open(sys.argv[1]))
hit = [i for i in rep["unimplemented"] if i["name"] == "jail"][0]
syms = [f.get("symbol", "") for f in hit["first_hit"]["backtrace"]]
# syscall.Syscall is a frameless assembly leaf, so the frame-pointer walk
# goes from it straight to its caller's caller.
assert syms[0] == "syscall.Syscall" and "main.main" in syms and "runtime.main" in syms, syms
PY
		then
			e2e_pass report-go-symbols
		else
			cat "$r" >&2
			e2e_fail report-go-symbols "Go backtrace not symbolised"
		fi
		# A FreeBSD program the guest executes records into the same
		# report (through the new persona), symbolised from its own ELF.
		local rs=$E2E_TMP/report-spawn.json
		"$PERSONA" run --report-missing="$rs" "$SAMPLES/go-unimpl" spawn >"$E2E_TMP/rs.out" 2>&1
		expect_contains report-spawn-child-ran "$E2E_TMP/rs.out" 'missing call in the child: function not implemented'
		if python3 - "$rs" <<'PY'
import json, sys
rep = json.load(open(sys.argv[1]))
items = {i["name"]: i for i in rep["unimplemented"]}
parent, child = items["jail"], items["jail_attach"]
assert child["first_hit"]["pid"] != parent["first_hit"]["pid"], (parent, child)
syms = [f.get("symbol", "") for f in child["first_hit"]["backtrace"]]
assert "main.main" in syms, syms
PY
		then
			e2e_pass report-exec-child-merged
		else
			cat "$rs" >&2
			e2e_fail report-exec-child-merged "the exec'd child's missing call is not in the report"
		fi
		;;
	debug)
		local d=$E2E_TMP/debug
		"$PERSONA" run --debug "$SAMPLES/missing" >/dev/null 2>"$d"
		expect_equal debug-lines 6 "$(grep -c '^persona: unimplemented freebsd ' "$d")"
		expect_contains debug-once "$d" 'syscall jail: ENOSYS'
		;;
	debug-env)
		# PERSONA_DEBUG=0 (or empty) means off; any other value means on.
		local d=$E2E_TMP/debug-env v
		for v in 0 ""; do
			PERSONA_DEBUG=$v "$PERSONA" run "$SAMPLES/missing" >/dev/null 2>"$d"
			expect_equal "debug-env-off[$v]" "" "$(cat "$d")"
		done
		for v in 1 yes; do
			PERSONA_DEBUG=$v "$PERSONA" run "$SAMPLES/missing" >/dev/null 2>"$d"
			expect_equal "debug-env-on[$v]" 6 "$(grep -c '^persona: unimplemented freebsd ' "$d")"
		done
		;;
	syscalls)
		local j=$E2E_TMP/sys.json
		"$PERSONA" syscalls --format json >"$j"
		if python3 - "$j" "$E2E_REPO/personality/freebsd/syscalls.def" <<'PY'
import json, re, sys
t = json.load(open(sys.argv[1]))
rows = re.findall(r'^SYSCALL\(\s*(\d+), (\w+), (\w+),', open(sys.argv[2]).read(), re.M)
assert len(t["syscalls"]) == len(rows)
for s, (nr, name, st) in zip(t["syscalls"], rows):
    assert (s["number"], s["name"], s["status"]) == (int(nr), name, st.lower())
tot = t["totals"]
assert tot["done"] + tot["partial"] + tot["missing"] == len(rows)
PY
		then
			e2e_pass syscalls-json
		else
			e2e_fail syscalls-json "persona syscalls disagrees with syscalls.def"
		fi
		"$PERSONA" syscalls --format markdown >"$E2E_TMP/sys.md"
		if diff -q "$E2E_REPO/docs/syscalls-freebsd.md" "$E2E_TMP/sys.md" >/dev/null; then
			e2e_pass syscalls-docs-current
		else
			e2e_fail syscalls-docs-current "docs/syscalls-freebsd.md is out of date: regenerate with build/persona syscalls --format markdown > docs/syscalls-freebsd.md"
		fi
		"$PERSONA" syscalls --personality netbsd --format markdown >"$E2E_TMP/sys-netbsd.md"
		if diff -q "$E2E_REPO/docs/syscalls-netbsd.md" "$E2E_TMP/sys-netbsd.md" >/dev/null; then
			e2e_pass syscalls-docs-current-netbsd
		else
			e2e_fail syscalls-docs-current-netbsd "docs/syscalls-netbsd.md is out of date: regenerate with build/persona syscalls --personality netbsd --format markdown > docs/syscalls-netbsd.md"
		fi
		local totals
		totals=$("$PERSONA" syscalls | tail -n 1)
		expect_contains syscalls-readme-totals "$E2E_REPO/README.md" "$totals"
		totals=$("$PERSONA" syscalls --personality netbsd | tail -n 1)
		expect_contains syscalls-readme-totals-netbsd "$E2E_REPO/README.md" "$totals"
		;;
	hostile)
		# Every call with hostile arguments, traced and reported: the
		# decoder and the report read guest memory fault-safely too.
		local h=$E2E_TMP/hostile
		mkdir -p "$h.d"
		local rc=0
		(cd "$h.d" && timeout -k 5 120 "$PERSONA" run --trace -T --stats --report-missing="$h.json" \
			"$SAMPLES/vectors" . </dev/null >"$h.stdout" 2>"$h.stderr") || rc=$?
		expect_equal hostile-exit 0 "$rc"
		expect_equal hostile-no-internal-error 0 "$(grep -ac 'internal error' "$h.stderr" || true)"
		if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$h.json"; then
			e2e_pass hostile-report-json
		else
			e2e_fail hostile-report-json "report is not valid JSON"
		fi
		;;
	follow-children)
		# fork children trace with their own pid; a FreeBSD program the
		# guest execs goes on tracing into the same output.
		local f=$E2E_TMP/follow
		(cd "$E2E_TMP" && "$PERSONA" run --trace=exit,fork --trace-output="$f" "$SAMPLES/go-exec" \
			</dev/null >/dev/null 2>&1) || true
		local pids
		pids=$(awk '/ fork\(\) = 0$/ { print $1 }' "$f" | sort -u | wc -l)
		if ((pids >= 3)); then
			e2e_pass follow-fork-children
		else
			cat "$f" >&2
			e2e_fail follow-fork-children "expected fork lines from 3+ children, got $pids"
		fi
		# The re-executed FreeBSD child (argv "child") exits with 7.
		expect_contains follow-exec "$f" ' exit(7) = ?'
		;;
	unfinished)
		# A call that blocks shows while it blocks (strace's
		# "<unfinished ...>"), and its result when it returns.  The guest
		# reads a FIFO nobody writes until the unfinished line is there.
		local fifo=$E2E_TMP/unf.fifo t=$E2E_TMP/unf.trace
		rm -f "$fifo" && mkfifo "$fifo"
		"$PERSONA" run --trace=read -o "$t" "$SAMPLES/go-exec" child x <"$fifo" >"$E2E_TMP/unf.out" 2>&1 &
		local pid=$! i
		exec 3>"$fifo"
		for ((i = 0; i < 200; i++)); do
			grep -q 'read(0,  <unfinished \.\.\.>$' "$t" 2>/dev/null && break
			sleep 0.1
		done
		expect_contains unfinished-while-blocked "$t" 'read(0,  <unfinished ...>'
		printf ping >&3
		exec 3>&-
		wait "$pid" || true
		expect_contains resumed-with-result "$t" '<... read resumed>"ping", 64) = 4'
		expect_contains unfinished-guest-output "$E2E_TMP/unf.out" 'child got "ping"'
		;;
	exec-shown)
		# A successful execve shows: into a FreeBSD program (the new
		# persona resumes the line) and into a native one (a witness does).
		local t=$E2E_TMP/exec.trace
		(cd "$E2E_TMP" && "$PERSONA" run --trace=execve,exit -o "$t" "$SAMPLES/go-exec" \
			</dev/null >/dev/null 2>&1) || true
		expect_contains exec-native-shown "$t" 'execve("/bin/sh", '
		expect_contains exec-native-resumed "$t" '<... execve resumed> = 0 (not traced: a native program)'
		local child
		child=$(awk '/ exit\(7\) = \?$/ { print $1 }' "$t")
		if [[ -n $child ]] && grep -q "^$child [0-9]* <... execve resumed> = 0\$" "$t"; then
			e2e_pass exec-foreign-resumed
		else
			cat "$t" >&2
			e2e_fail exec-foreign-resumed "no resumed execve in the re-executed child ($child)"
		fi
		expect_contains exec-failure-shown "$t" 'execve("/nonexistent/program", '
		expect_contains exec-failure-errno "$t" 'ERR#2 ENOENT'
		;;
	closed-pipe)
		# The trace reader goes away early: persona must not feed the
		# guest SIGPIPEs for its own writes (that once looped forever).
		mkdir -p "$E2E_TMP/cp.d"
		local rc=0
		timeout -k 5 30 bash -c '"$0" run --trace "$1" "$2" 2>&1 | head -n 1 >/dev/null' \
			"$PERSONA" "$SAMPLES/go-files" "$E2E_TMP/cp.d" || rc=$?
		expect_equal closed-pipe-terminates 0 "$rc"
		;;
	*) e2e_die "unknown case $1" ;;
	esac
}

cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(golden-hello golden-decode golden-errno filter-class trace-output stats report report-go debug debug-env syscalls closed-pipe hostile follow-children unfinished exec-shown)
for c in "${cases[@]}"; do
	run_case "$c"
done
e2e_finish
