#!/usr/bin/env bash
# info.sh [CASE...] — `persona info FILE`: what persona sees in an ELF file.
#
# For real binaries (the C and Go samples, a Linux and a dynamic build, the
# FreeBSD esbuild): exit 0, nothing on stderr, the key text lines, and the
# JSON (--format json) parses and holds the expected values; the "runnable"
# verdict agrees with what `persona run` does; the syscall-site verdict of
# FreeBSD binaries matches objdump's count of `syscall` instructions (Go) or
# the known count (C samples, the pinned esbuild). For files that are not usable
# ELF (garbage, truncated, 32-bit, missing): exit 1, nothing on stdout, one
# "persona: FILE: reason" line. Usage errors: exit 2.
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init
require_persona
command -v python3 >/dev/null || e2e_die "python3 is needed to check the JSON output"
command -v objdump >/dev/null || e2e_die "objdump (binutils) is needed to count syscall instructions"

# info LABEL ARGS... — run `persona info ARGS`, results in $E2E_TMP/LABEL.*
info() {
	local label=$1 rc=0
	shift
	(cd "$E2E_TMP" && exec timeout -k 5 "$E2E_TIMEOUT" "$PERSONA" info "$@" </dev/null \
		>"$E2E_TMP/$label.stdout" 2>"$E2E_TMP/$label.stderr") || rc=$?
	echo "$rc" >"$E2E_TMP/$label.rc"
}

# expect_ok LABEL — exit 0 and a silent stderr.
expect_ok() {
	local base=$E2E_TMP/$1
	if [[ $(cat "$base.rc") == 0 && ! -s $base.stderr ]]; then
		e2e_pass "$1.ok"
	else
		echo "---- $1: exit status $(cat "$base.rc"); stderr:" >&2
		head -n 5 "$base.stderr" >&2
		e2e_fail "$1.ok" "persona info failed"
	fi
}

# expect_line LABEL KEY VALUE — the text output has the line "KEY:  VALUE"
# (key, colon, padding to column 15, value), exactly.
expect_line() {
	local label=$1 key=$2 value=$3 line
	line=$(printf '%-14s%s' "$key:" "$value")
	if grep -qxF -- "$line" "$E2E_TMP/$label.stdout"; then
		e2e_pass "$label.$key"
	else
		echo "---- $label: expected the line '$line'; the output is:" >&2
		sed 's/^/     | /' "$E2E_TMP/$label.stdout" >&2
		e2e_fail "$label.$key" "missing or different line"
	fi
}

# expect_no_line LABEL KEY — no "KEY:" line at all.
expect_no_line() {
	if grep -q "^$2:" "$E2E_TMP/$1.stdout"; then
		e2e_fail "$1.no-$2" "unexpected '$2:' line: $(grep "^$2:" "$E2E_TMP/$1.stdout")"
	else
		e2e_pass "$1.no-$2"
	fi
}

# expect_json LABEL PYEXPR... — stdout parses as JSON (python3 -m json.tool)
# and each Python expression over it (bound to j) is true.
expect_json() {
	local label=$1 out=$E2E_TMP/$1.stdout
	shift
	if ! python3 -m json.tool "$out" >/dev/null 2>"$E2E_TMP/$label.jsonerr"; then
		echo "---- $label: output is not valid JSON: $(cat "$E2E_TMP/$label.jsonerr")" >&2
		head -c 600 "$out" >&2
		e2e_fail "$label.json" "invalid JSON"
		return 0
	fi
	if python3 - "$out" "$@" >"$E2E_TMP/$label.pyout" 2>&1 <<'EOF'; then
import json, sys
j = json.load(open(sys.argv[1]))
bad = []
for expr in sys.argv[2:]:
    try:
        ok = eval(expr, {"j": j})
    except Exception as e:
        ok = False
        expr += "  (%s: %s)" % (type(e).__name__, e)
    if not ok:
        bad.append(expr)
for b in bad:
    print("  failed: " + b)
if bad:
    print("  JSON: " + json.dumps(j, indent=1)[:2500])
sys.exit(1 if bad else 0)
EOF
		e2e_pass "$label.json"
	else
		echo "---- $label: JSON checks failed:" >&2
		cat "$E2E_TMP/$label.pyout" >&2
		e2e_fail "$label.json" "unexpected JSON values"
	fi
}

# expect_error LABEL RC REGEX FILE — nothing on stdout, one stderr line
# "persona: FILE: ..." matching REGEX (case-insensitive), exit status RC.
expect_error() {
	local label=$1 want_rc=$2 regex=$3 file=$4 base=$E2E_TMP/$1 ok=1 lines
	lines=$(wc -l <"$base.stderr")
	if [[ $(cat "$base.rc") != "$want_rc" ]]; then
		echo "---- $label: exit status $(cat "$base.rc"), expected $want_rc" >&2
		ok=0
	fi
	if [[ -s $base.stdout ]]; then
		echo "---- $label: unexpected output on stdout:" >&2
		head -n 5 "$base.stdout" >&2
		ok=0
	fi
	if [[ $lines != 1 ]]; then
		echo "---- $label: expected exactly 1 line on stderr, got $lines" >&2
		ok=0
	elif [[ -n $file && $(head -n 1 "$base.stderr") != "persona: $file: "* ]]; then
		echo "---- $label: stderr does not start with 'persona: $file: '" >&2
		ok=0
	elif [[ -z $file && $(head -n 1 "$base.stderr") != "persona: "* ]]; then
		echo "---- $label: stderr does not start with 'persona: '" >&2
		ok=0
	elif ! grep -qiE -- "$regex" "$base.stderr"; then
		echo "---- $label: stderr does not match /$regex/" >&2
		ok=0
	fi
	if [[ $ok == 1 ]]; then
		e2e_pass "$label"
	else
		sed 's/^/     | /' "$base.stderr" >&2
		e2e_fail "$label" "error report does not follow the contract"
	fi
}

# expect_sites LABEL VALUE — the line "syscall sites: VALUE", exactly, or
# followed by the note of a machine that cannot rewrite (no XSAVE...).
expect_sites() {
	local label=$1 value=$2
	if grep -qxF -- "syscall sites: $value" "$E2E_TMP/$label.stdout" ||
		grep -F -- "syscall sites: $value. This machine cannot rewrite them: " "$E2E_TMP/$label.stdout" |
		grep -qE '\.$'; then
		e2e_pass "$label.syscall-sites"
	else
		echo "---- $label: expected the line 'syscall sites: $value'; the output is:" >&2
		sed 's/^/     | /' "$E2E_TMP/$label.stdout" >&2
		e2e_fail "$label.syscall-sites" "missing or different line"
	fi
}

# The count of `syscall` instructions objdump finds in FILE.
objdump_syscalls() { objdump -d -w --no-show-raw-insn "$1" | grep -cP ':\tsyscall\s*$' || true; }

# e_entry straight from the file's ELF header, as "0x..." and decimal.
elf_entry_hex() { python3 -c 'import struct,sys; print(hex(struct.unpack_from("<Q", open(sys.argv[1],"rb").read(64), 24)[0]))' "$1"; }
elf_entry_dec() { python3 -c 'import struct,sys; print(struct.unpack_from("<Q", open(sys.argv[1],"rb").read(64), 24)[0])' "$1"; }

# expect_same_verdict LABEL FILE — `persona run FILE` refuses with exactly
# "persona: FILE: <reason>", where reason is what info reported.
expect_same_verdict() {
	local label=$1 file=$2 reason got rc=0
	reason=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["reason"])' "$E2E_TMP/$label-json.stdout")
	got=$(cd "$E2E_TMP" && timeout -k 5 "$E2E_TIMEOUT" "$PERSONA" run "$file" 2>&1 >/dev/null </dev/null) || rc=$?
	expect_equal "$label.run-agrees" "126 persona: $file: $reason" "$rc $got"
}

S=$SAMPLES

run_case() {
	local f
	case $1 in
	c-hello)
		f=$S/hello
		require_file "$f" "build the samples"
		info c-hello "$f"
		expect_ok c-hello
		expect_line c-hello file "$f"
		expect_line c-hello personality "freebsd (EI_OSABI 9 (FreeBSD))"
		expect_line c-hello "os version" "1400097 (FreeBSD 14.0, FreeBSD ABI note)"
		expect_line c-hello type "static executable (ET_EXEC)"
		expect_line c-hello entry "$(elf_entry_hex "$f")"
		expect_contains c-hello.segments "$E2E_TMP/c-hello.stdout" "segments:     LOAD         r--  0x400000"
		expect_contains c-hello.note "$E2E_TMP/c-hello.stdout" "              NOTE         r--"
		expect_no_line c-hello go
		expect_sites c-hello "2 found, 2 rewritable (bounds from symbol table), 0 left to the trap"
		expect_line c-hello runnable "yes"
		info c-hello-json --format json "$f"
		expect_ok c-hello-json
		expect_json c-hello-json \
			'j["file"] == "'"$f"'"' \
			'j["personality"] == "freebsd"' 'j["recognised_by"] == "EI_OSABI 9 (FreeBSD)"' \
			'j["osabi"] == 9' 'j["os_version"] == 1400097' 'j["os_release"] == "14.0"' \
			'j["type"] == "ET_EXEC"' 'j["linking"] == "static"' 'j["interpreter"] is None' \
			"j[\"entry\"] == $(elf_entry_dec "$f")" \
			'[s["flags"] for s in j["segments"] if s["type"] == "LOAD"] == ["r--", "r-x", "r--"]' \
			'any(s["type"] == "NOTE" for s in j["segments"])' \
			'j["go"] is None' 'j["go_note"] is False' \
			'j["syscall_sites"]["found"] == 2' 'j["syscall_sites"]["rewritable"] == 2' \
			'j["syscall_sites"]["trap"] == 0' 'j["syscall_sites"]["bounds"] == "symbol table"' \
			'j["syscall_sites"]["candidates"] == 2' 'j["syscall_sites"]["undecodable"] == 0' \
			'j["syscall_sites"]["supported"] == (j["syscall_sites"]["unsupported_reason"] is None)' \
			'j["runnable"] is True' 'j["reason"] is None' 'j["executable"] is True'
		;;
	go-hello)
		# Go 1.19 for FreeBSD: branded by EI_OSABI only, no ABI note.
		f=$S/go-hello
		require_file "$f" "build the samples (needs go)"
		info go-hello "$f"
		expect_ok go-hello
		expect_line go-hello personality "freebsd (EI_OSABI 9 (FreeBSD))"
		expect_line go-hello "os version" "none"
		expect_line go-hello type "static executable (ET_EXEC)"
		expect_line go-hello entry "$(elf_entry_hex "$f")"
		expect_line go-hello "go package" "persona/samples/go/hello"
		expect_line go-hello "go module" "persona/samples/go (devel)"
		expect_line go-hello runnable "yes"
		if grep -qE '^go:           go1\.[0-9]+.* \(build info\)$' "$E2E_TMP/go-hello.stdout"; then
			e2e_pass go-hello.go
		else
			e2e_fail go-hello.go "no 'go: go1.N... (build info)' line: $(grep '^go:' "$E2E_TMP/go-hello.stdout" || echo none)"
		fi
		# Every `syscall` objdump sees, each with a pad (Go pads functions with int3).
		local n
		n=$(objdump_syscalls "$f")
		expect_sites go-hello "$n found, $n rewritable (bounds from .gopclntab), 0 left to the trap"
		info go-hello-json --format=json "$f"
		expect_ok go-hello-json
		expect_json go-hello-json \
			'j["personality"] == "freebsd"' 'j["os_version"] is None' 'j["os_release"] is None' \
			'j["linking"] == "static"' \
			'j["go"]["version"].startswith("go1.")' 'j["go"]["source"] == "buildinfo"' \
			'j["go"]["path"] == "persona/samples/go/hello"' \
			'j["go"]["module"] == "persona/samples/go"' 'j["go"]["module_version"] == "(devel)"' \
			'[s["flags"] for s in j["segments"] if s["type"] == "LOAD"] == ["r-x", "r--", "rw-"]' \
			'[s for s in j["segments"] if s["flags"] == "rw-" and s["type"] == "LOAD"][0]["memsz"] > [s for s in j["segments"] if s["flags"] == "rw-" and s["type"] == "LOAD"][0]["filesz"]' \
			"j[\"syscall_sites\"][\"found\"] == $n" "j[\"syscall_sites\"][\"rewritable\"] == $n" \
			'j["syscall_sites"]["trap"] == 0' 'j["syscall_sites"]["bounds"] == ".gopclntab"' \
			'j["syscall_sites"]["candidates"] >= j["syscall_sites"]["found"]' \
			'j["runnable"] is True'
		# The Go toolchain's own reading, when it is installed.
		if command -v go >/dev/null; then
			local want
			want=$(go version "$f" 2>/dev/null | sed -E 's/^.*: //')
			[[ -n $want ]] && expect_line go-hello go "$want (build info)"
		fi
		;;
	linux)
		f=$S/hello-linux
		require_file "$f" "build the samples"
		info linux "$f"
		expect_ok linux
		expect_line linux personality "linux (EI_OSABI 0 with no foreign ABI note)"
		expect_line linux "os version" "none"
		expect_no_line linux "syscall sites"
		expect_line linux runnable "no: detected the linux personality (EI_OSABI 0 with no foreign ABI note); only freebsd and netbsd binaries can run so far"
		info linux-json --format json "$f"
		expect_ok linux-json
		expect_json linux-json \
			'j["personality"] == "linux"' 'j["osabi"] == 0' 'j["go"] is None' \
			'j["syscall_sites"] is None' \
			'j["runnable"] is False' '"linux personality" in j["reason"]'
		expect_same_verdict linux "$f"
		;;
	dynamic)
		f=$S/hello-dynamic
		require_file "$f" "build the samples"
		info dynamic "$f"
		expect_ok dynamic
		expect_line dynamic personality "freebsd (EI_OSABI 9 (FreeBSD))"
		expect_line dynamic "os version" "1400097 (FreeBSD 14.0, FreeBSD ABI note)"
		expect_line dynamic type "dynamic (ET_DYN, interpreter /libexec/ld-elf.so.1)"
		expect_line dynamic entry "$(elf_entry_hex "$f") (relative to the load base)"
		expect_contains dynamic.interp "$E2E_TMP/dynamic.stdout" "              INTERP       r--"
		expect_sites dynamic "2 found, 2 rewritable (bounds from symbol table), 0 left to the trap"
		expect_line dynamic runnable "no: dynamically linked freebsd binary: its interpreter /libexec/ld-elf.so.1 is not available (only static binaries can run so far)"
		info dynamic-json --format json "$f"
		expect_ok dynamic-json
		expect_json dynamic-json \
			'j["type"] == "ET_DYN"' 'j["linking"] == "dynamic"' \
			'j["interpreter"] == "/libexec/ld-elf.so.1"' \
			'any(s["type"] == "INTERP" for s in j["segments"])' \
			'any(s["type"] == "DYNAMIC" for s in j["segments"])' \
			'j["runnable"] is False' '"/libexec/ld-elf.so.1" in j["reason"]'
		expect_same_verdict dynamic "$f"
		;;
	esbuild)
		# Go 1.26.5 for FreeBSD with the ABI note; its build info header
		# was left out of the release build, so the data is scanned.
		require_testbins esbuild-freebsd/bin/esbuild
		f=$TESTBINS/esbuild-freebsd/bin/esbuild
		info esbuild "$f"
		expect_ok esbuild
		expect_line esbuild personality "freebsd (EI_OSABI 9 (FreeBSD))"
		expect_line esbuild "os version" "1203000 (FreeBSD 12.3, FreeBSD ABI note)"
		expect_line esbuild type "static executable (ET_EXEC)"
		expect_line esbuild entry "0x489a20"
		expect_contains esbuild.segments "$E2E_TMP/esbuild.stdout" "segments:     PHDR"
		expect_contains esbuild.load "$E2E_TMP/esbuild.stdout" "              LOAD         r-x  0x400000           0x59f491"
		expect_contains esbuild.bss "$E2E_TMP/esbuild.stdout" "              LOAD         rw-  0xe6f000           0x209b160 (file 0x69e60)"
		expect_line esbuild go "go1.26.5 (no build info header: found by scanning the data)"
		expect_line esbuild "go package" "github.com/evanw/esbuild/cmd/esbuild"
		expect_line esbuild "go module" "github.com/evanw/esbuild (devel)"
		expect_sites esbuild "34 found, 34 rewritable (bounds from .gopclntab), 0 left to the trap"
		expect_line esbuild runnable "yes"
		info esbuild-json --format json "$f"
		expect_ok esbuild-json
		expect_json esbuild-json \
			'j["personality"] == "freebsd"' 'j["os_version"] == 1203000' 'j["os_release"] == "12.3"' \
			'j["entry"] == 0x489a20' 'j["linking"] == "static"' \
			'len([s for s in j["segments"] if s["type"] == "LOAD"]) == 3' \
			'j["go"] == {"version": "go1.26.5", "path": "github.com/evanw/esbuild/cmd/esbuild", "module": "github.com/evanw/esbuild", "module_version": "(devel)", "source": "scan"}' \
			'{k: v for k, v in j["syscall_sites"].items() if k not in ("supported", "unsupported_reason")} == {"found": 34, "rewritable": 34, "trap": 0, "candidates": 43, "undecodable": 0, "bounds": ".gopclntab"}' \
			'j["runnable"] is True' 'j["reason"] is None'
		;;
	garbage)
		f=$E2E_TMP/garbage
		head -c 3000 /dev/urandom >"$f"
		printf 'X' | dd of="$f" bs=1 count=1 conv=notrunc status=none # never "\177ELF"
		info garbage "$f"
		expect_error garbage 1 'not an ELF file' "$f"
		info garbage-json --format json "$f"
		expect_error garbage-json 1 'not an ELF file' "$f"
		f=$E2E_TMP/empty
		: >"$f"
		info empty "$f"
		expect_error empty 1 'not an ELF file' "$f"
		info directory "$E2E_TMP"
		expect_error directory 1 'directory' "$E2E_TMP"
		;;
	truncated)
		require_file "$S/hello" "build the samples"
		f=$E2E_TMP/truncated-header
		head -c 40 "$S/hello" >"$f"
		info truncated-header "$f"
		expect_error truncated-header 1 'truncated|corrupt' "$f"
		require_file "$S/go-hello" "build the samples (needs go)"
		f=$E2E_TMP/truncated-segments
		head -c 2000 "$S/go-hello" >"$f"
		info truncated-segments --format json "$f"
		expect_error truncated-segments 1 'truncated' "$f"
		;;
	elf32)
		# A 32-bit i386 ELF header branded FreeBSD, as in badinput.sh.
		f=$E2E_TMP/i386-program
		{
			printf '\177ELF\001\001\001\011\000\000\000\000\000\000\000\000'
			printf '\002\000\003\000\001\000\000\000'
			printf '\124\200\004\010\064\000\000\000\000\000\000\000'
			printf '\000\000\000\000\064\000\040\000\000\000'
			printf '\050\000\000\000\000\000'
		} >"$f"
		head -c 4044 /dev/zero >>"$f"
		info elf32 "$f"
		expect_error elf32 1 '32-bit' "$f"
		;;
	missing)
		info missing "$E2E_TMP/no-such-file"
		expect_error missing 1 'no such file' "$E2E_TMP/no-such-file"
		;;
	usage)
		info usage-none
		expect_error usage-none 2 'no FILE' ''
		info usage-format --format xml "$S/hello"
		expect_error usage-format 2 "format 'xml'" ''
		info usage-option --bogus "$S/hello"
		expect_error usage-option 2 'bogus' ''
		info usage-two "$S/hello" "$S/hello"
		expect_error usage-two 2 'one FILE' ''
		info usage-help --help
		expect_ok usage-help
		expect_contains usage-help "$E2E_TMP/usage-help.stdout" "usage: persona info [--format text|json] FILE"
		;;
	*) e2e_die "unknown case $1" ;;
	esac
}

cases=("$@")
[[ ${#cases[@]} -gt 0 ]] ||
	cases=(c-hello go-hello linux dynamic esbuild garbage truncated elf32 missing usage)
for c in "${cases[@]}"; do
	run_case "$c"
done
e2e_finish
