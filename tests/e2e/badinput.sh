#!/usr/bin/env bash
# badinput.sh [CASE...] — persona's contract for programs it cannot run.
#
# Every case: nothing on stdout, exactly one line on stderr, starting with
# "persona: ", and the exit status a shell would use:
#   127  the program does not exist
#   126  it exists but cannot be run (not executable, not an ELF file, wrong
#        class, a Linux binary, truncated, dynamically linked with an
#        interpreter that is not there, a directory)
#   2    command-line usage error
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init
require_persona

# expect_refusal LABEL RC [MESSAGE-REGEX] -- PERSONA-ARGS...
expect_refusal() {
	local label=$1 want_rc=$2 regex=''
	shift 2
	if [[ $1 != -- ]]; then
		regex=$1
		shift
	fi
	shift
	local base=$E2E_TMP/$label rc=0 ok=1
	(cd "$E2E_TMP" && exec timeout -k 5 "$E2E_TIMEOUT" "$PERSONA" "$@" </dev/null >"$base.stdout" 2>"$base.stderr") || rc=$?
	local lines
	lines=$(wc -l <"$base.stderr")
	# a last line without "\n" still counts
	[[ -s $base.stderr && $(tail -c 1 "$base.stderr" | od -An -c | tr -d ' ') != '\n' ]] && lines=$((lines + 1))
	if [[ $rc != "$want_rc" ]]; then
		echo "---- $label: exit status $rc, expected $want_rc" >&2
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
	elif [[ $(head -n 1 "$base.stderr") != "persona: "* ]]; then
		echo "---- $label: stderr line does not start with 'persona: '" >&2
		ok=0
	elif [[ -n $regex ]] && ! grep -qiE -- "$regex" "$base.stderr"; then
		echo "---- $label: stderr does not match /$regex/ (case-insensitive)" >&2
		ok=0
	fi
	if [[ $ok == 1 ]]; then
		e2e_pass "$label"
	else
		echo "     stderr was:" >&2
		head -n 10 "$base.stderr" | sed 's/^/     | /' >&2
		echo "     command: $PERSONA $*" >&2
		e2e_fail "$label" "persona's refusal does not follow the contract"
	fi
}

FBSD_SAMPLE=$SAMPLES/hello

run_case() {
	local f
	case $1 in
	missing)
		expect_refusal missing 127 'nonexistent' -- run "$E2E_TMP/nonexistent-program"
		;;
	not-executable)
		require_file "$FBSD_SAMPLE" "build the samples"
		f=$E2E_TMP/not-executable
		cp "$FBSD_SAMPLE" "$f"
		chmod 0644 "$f"
		expect_refusal not-executable 126 -- run "$f"
		;;
	directory)
		mkdir -p "$E2E_TMP/a-directory"
		expect_refusal directory 126 -- run "$E2E_TMP/a-directory"
		;;
	text-file)
		f=$E2E_TMP/script.txt
		printf 'this is not a program\n' >"$f"
		chmod 0755 "$f"
		expect_refusal text-file 126 'elf' -- run "$f"
		;;
	empty-file)
		f=$E2E_TMP/empty
		: >"$f"
		chmod 0755 "$f"
		expect_refusal empty-file 126 -- run "$f"
		;;
	elf32)
		# A 32-bit (ELFCLASS32) i386 ELF header branded FreeBSD (52 bytes),
		# padded so that the class, not the size, is what is wrong.
		f=$E2E_TMP/i386-program
		{
			printf '\177ELF\001\001\001\011\000\000\000\000\000\000\000\000' # ident: class 32, LSB, v1, OSABI 9
			printf '\002\000\003\000\001\000\000\000'                      # e_type EXEC, e_machine 386, e_version
			printf '\124\200\004\010\064\000\000\000\000\000\000\000'      # e_entry, e_phoff 52, e_shoff 0
			printf '\000\000\000\000\064\000\040\000\000\000'              # e_flags, e_ehsize 52, e_phentsize 32, e_phnum 0
			printf '\050\000\000\000\000\000'                              # e_shentsize 40, e_shnum, e_shstrndx
		} >"$f"
		[[ $(wc -c <"$f") == 52 ]] || e2e_die "crafted elf32 header is not 52 bytes"
		head -c 4044 /dev/zero >>"$f"
		chmod 0755 "$f"
		expect_refusal elf32 126 '32|64|class' -- run "$f"
		;;
	linux-elf)
		f=$(type -P true) || e2e_die "no true(1) binary found"
		f=$(readlink -f "$f")
		expect_refusal linux-elf 126 'linux' -- run "$f"
		;;
	bad-entry)
		# e_entry (offset 24) set to a non-canonical address: refused by
		# the loader instead of faulting when persona jumps there.
		require_file "$FBSD_SAMPLE" "build the samples"
		f=$E2E_TMP/bad-entry
		cp "$FBSD_SAMPLE" "$f"
		printf '\x38\x10\x40\x00\x00\x00\xb0\x00' | dd of="$f" bs=1 seek=24 conv=notrunc status=none
		chmod 0755 "$f"
		expect_refusal bad-entry 126 'entry point' -- run "$f"
		;;
	truncated)
		require_file "$FBSD_SAMPLE" "build the samples"
		f=$E2E_TMP/truncated
		head -c 40 "$FBSD_SAMPLE" >"$f"
		chmod 0755 "$f"
		expect_refusal truncated 126 -- run "$f"
		;;
	dynamic)
		require_file "$SAMPLES/hello-dynamic" "build the samples"
		expect_refusal dynamic 126 '/libexec/ld-elf\.so\.1' -- run "$SAMPLES/hello-dynamic"
		;;
	bad-option)
		expect_refusal bad-option 2 'bogus' -- run --bogus x
		;;
	no-program)
		expect_refusal no-program 2 -- run
		;;
	trace-unknown)
		# Not a call name: a usage error with a suggestion, never a file
		# name (that once truncated a file of that name).
		require_file "$FBSD_SAMPLE" "build the samples"
		printf 'keep me\n' >"$E2E_TMP/notacall"
		expect_refusal trace-unknown 2 "^persona: --trace: unknown system call 'opne' \(did you mean 'open'\?\)$" -- \
			run --trace=opne "$FBSD_SAMPLE"
		expect_refusal trace-unknown-file 2 "unknown system call 'notacall'" -- run --trace=notacall "$FBSD_SAMPLE"
		expect_equal trace-unknown-file-kept "keep me" "$(cat "$E2E_TMP/notacall")"
		if [[ -e $E2E_TMP/opne ]]; then
			e2e_fail trace-unknown-no-file "a file named after the bad call was created"
		else
			e2e_pass trace-unknown-no-file
		fi
		expect_refusal trace-unknown-in-list 2 "unknown system call 'mmpa' \(did you mean 'mmap'\?\)" -- \
			run --trace=open,mmpa,read "$FBSD_SAMPLE"
		expect_refusal trace-unknown-class 2 "unknown class '%fiel' \(did you mean '%file'\?\)" -- \
			run --trace=%fiel "$FBSD_SAMPLE"
		expect_refusal trace-no-guess 2 "^persona: --trace: unknown system call 'xyzzyplugh'$" -- \
			run --trace=xyzzyplugh "$FBSD_SAMPLE"
		;;
	trace-modifiers)
		# -T and -v shape a trace: alone they are a usage error, like an
		# output file with nothing to write into it.
		require_file "$FBSD_SAMPLE" "build the samples"
		expect_refusal timing-without-trace 2 '^persona: -T needs --trace$' -- run -T "$FBSD_SAMPLE"
		expect_refusal verbose-without-trace 2 '^persona: -v needs --trace$' -- run -v "$FBSD_SAMPLE"
		expect_refusal output-without-trace 2 '^persona: --trace-output needs --trace or --stats$' -- \
			run -o "$E2E_TMP/unused.trace" "$FBSD_SAMPLE"
		expect_refusal output-no-file 2 '^persona: -o needs a FILE$' -- run --trace -o
		;;
	bad-output-path)
		# Output files are checked before the guest runs (it would print).
		require_file "$FBSD_SAMPLE" "build the samples"
		expect_refusal report-bad-dir 2 \
			'^persona: --report-missing: cannot write /nonexistent-dir/x\.json: No such file or directory$' -- \
			run --report-missing=/nonexistent-dir/x.json "$FBSD_SAMPLE"
		mkdir -p "$E2E_TMP/a-dir"
		expect_refusal report-is-dir 2 "cannot write $E2E_TMP/a-dir: Is a directory" -- \
			run --report-missing="$E2E_TMP/a-dir" "$FBSD_SAMPLE"
		expect_refusal trace-output-bad-dir 2 \
			'^persona: --trace-output: cannot write /nonexistent-dir/t: No such file or directory$' -- \
			run --trace -o /nonexistent-dir/t "$FBSD_SAMPLE"
		;;
	*) e2e_die "unknown case $1" ;;
	esac
}

cases=("$@")
[[ ${#cases[@]} -gt 0 ]] ||
	cases=(missing not-executable directory text-file empty-file elf32 linux-elf truncated bad-entry dynamic bad-option no-program trace-unknown trace-modifiers bad-output-path)
for c in "${cases[@]}"; do
	run_case "$c"
done
e2e_finish
