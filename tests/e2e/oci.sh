#!/usr/bin/env bash
# oci.sh CASE... — persona-oci, the OCI runtime that runs a container's
# process under persona (oci/persona-oci, delegating the set-up to runc).
#   runc    the runtime CLI state machine against runc itself, on a bundle
#           whose rootfs holds only FreeBSD binaries: run; create -> state
#           "created" -> start -> "stopped" -> delete; a long-running
#           container: exec into it, kill, delete
#   podman  images built locally (podman import), run with
#           `podman --runtime persona-oci`: the FreeBSD esbuild (--version,
#           TypeScript from stdin) and a Go sample, compared with their
#           Linux builds; persona options through an annotation
# A case is skipped, with the reason, only where runc or podman cannot run
# here at all.  Needs PERSONA_BUILD_DIR (build/oci/ holds persona-oci and
# persona-contained).
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init
require_persona
BUILD=${PERSONA_BUILD_DIR:-$(dirname "$PERSONA")}
OCI=$BUILD/oci/persona-oci
require_file "$OCI" "build persona (target persona_contained)"
require_file "$BUILD/oci/persona-contained" "build persona (target persona_contained)"

# A bundle: rootfs with the given files (no Linux userland at all) and
# runc's default spec, not on a terminal, running ARGS.
make_bundle() {
	local dir=$1 args=$2 f
	shift 2
	mkdir -p "$dir/rootfs"
	for f in "$@"; do cp "$f" "$dir/rootfs/"; done
	(cd "$dir" && runc spec) || e2e_die "runc spec failed"
	python3 - "$dir/config.json" "$args" <<'PY'
import json, sys
p = sys.argv[1]
c = json.load(open(p))
c["process"]["terminal"] = False
c["process"]["args"] = json.loads(sys.argv[2])
c["root"]["readonly"] = True
# The host's network (a new network namespace would have loopback down).
ns = c["linux"]["namespaces"]
c["linux"]["namespaces"] = [n for n in ns if n["type"] != "network"]
json.dump(c, open(p, "w"), indent=1)
PY
}

state_of() { "$OCI" --root "$E2E_TMP/state" state "$1" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])' 2>/dev/null || echo none; }

wait_state() {
	local id=$1 want=$2 i
	for ((i = 0; i < 100; i++)); do
		[[ $(state_of "$id") == "$want" ]] && return 0
		sleep 0.1
	done
	return 1
}

case_runc() {
	if ! command -v runc >/dev/null; then
		echo "SKIP oci-runc: runc is not installed (scripts/setup.sh installs it)"
		return
	fi
	local b=$E2E_TMP/bundle-hello id=persona-e2e-$$ rc=0
	make_bundle "$b" '["/hello"]' "$SAMPLES/hello"
	local R=("$OCI" --root "$E2E_TMP/state")
	# Can runc run a container here at all?  A static Linux program, plain runc.
	make_bundle "$E2E_TMP/probe" '["/hello-linux"]' "$SAMPLES/hello-linux"
	if ! runc --root "$E2E_TMP/plain" run --bundle "$E2E_TMP/probe" "$id-probe" </dev/null \
		>"$E2E_TMP/probe.out" 2>"$E2E_TMP/probe.err"; then
		cat "$E2E_TMP/probe.err" >&2
		echo "SKIP oci-runc: runc itself cannot run a container here"
		return
	fi
	"${R[@]}" run --bundle "$b" "$id-run" </dev/null >"$E2E_TMP/run.out" 2>"$E2E_TMP/run.err" || rc=$?
	[[ $rc -eq 0 ]] || cat "$E2E_TMP/run.err" >&2
	expect_equal oci-run-output "hello from persona sample" "$(cat "$E2E_TMP/run.out")"
	expect_equal oci-run-status 0 "$rc"
	# The config persona-oci gave runc: persona first, the payload mounted.
	python3 - "$b/config.json" >"$E2E_TMP/cfg" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
print(" ".join(c["process"]["args"]))
print(sorted(m["destination"] for m in c["mounts"] if m["destination"].startswith("/.persona/"))[0])
print(c["annotations"].get("io.persona.wrapped"))
PY
	expect_equal oci-config-args "/.persona/persona run -- /hello" "$(sed -n 1p "$E2E_TMP/cfg")"
	expect_equal oci-config-mount "/.persona/lib/ld-linux-x86-64.so.2" "$(sed -n 2p "$E2E_TMP/cfg")"
	"${R[@]}" delete "$id-run" >/dev/null 2>&1 || true

	# create / state / start / state / delete, as a container engine drives it.
	make_bundle "$E2E_TMP/b2" '["/hello"]' "$SAMPLES/hello"
	"${R[@]}" create --bundle "$E2E_TMP/b2" "$id-c" </dev/null >"$E2E_TMP/c.out" 2>"$E2E_TMP/c.err" ||
		{ cat "$E2E_TMP/c.err" >&2; e2e_fail oci-create "persona-oci create failed"; return; }
	expect_equal oci-state-created created "$(state_of "$id-c")"
	"${R[@]}" start "$id-c"
	if wait_state "$id-c" stopped; then e2e_pass oci-state-stopped; else e2e_fail oci-state-stopped "$(state_of "$id-c")"; fi
	expect_equal oci-create-start-output "hello from persona sample" "$(cat "$E2E_TMP/c.out")"
	"${R[@]}" delete "$id-c"
	expect_equal oci-deleted none "$(state_of "$id-c")"

	# A long-running container (a Go HTTP server that ends on SIGTERM):
	# exec into it (the new process runs under persona too), kill it,
	# delete it.
	make_bundle "$E2E_TMP/b3" '["/go-httpserver", "0", "120"]' "$SAMPLES/go-httpserver" "$SAMPLES/hello"
	"${R[@]}" create --bundle "$E2E_TMP/b3" "$id-s" </dev/null >/dev/null 2>"$E2E_TMP/s.err" ||
		{ cat "$E2E_TMP/s.err" >&2; e2e_fail oci-create-sleeper "create failed"; return; }
	"${R[@]}" start "$id-s"
	expect_equal oci-state-running running "$(state_of "$id-s")"
	expect_equal oci-exec "hello from persona sample" "$("${R[@]}" exec "$id-s" /hello 2>&1)"
	"${R[@]}" kill "$id-s" TERM
	if wait_state "$id-s" stopped; then e2e_pass oci-kill; else e2e_fail oci-kill "still $(state_of "$id-s")"; fi
	"${R[@]}" delete "$id-s"
	expect_equal oci-version-names-both "2" "$("$OCI" --version | grep -ciE '^(persona-oci|runc) version')"
}

case_podman() {
	if ! command -v podman >/dev/null; then
		echo "SKIP oci-podman: podman is not installed (scripts/setup.sh installs it)"
		return
	fi
	if ! podman info >/dev/null 2>"$E2E_TMP/pinfo.err"; then
		cat "$E2E_TMP/pinfo.err" >&2
		echo "SKIP oci-podman: podman cannot run here (podman info failed)"
		return
	fi
	require_testbins
	local img=localhost/persona-e2e-$$:latest root=$E2E_TMP/image
	mkdir -p "$root"
	cp "$TESTBINS/esbuild-freebsd/bin/esbuild" "$SAMPLES/go-hello" "$root/"
	tar -C "$root" -cf "$E2E_TMP/image.tar" .
	podman import "$E2E_TMP/image.tar" "$img" >/dev/null 2>"$E2E_TMP/import.err" ||
		{ cat "$E2E_TMP/import.err" >&2; e2e_fail oci-podman-import "podman import failed"; return; }
	# The container's limits must lie within the host's (podman's defaults
	# may not): 1024, or less where the host allows less.
	local nofile nproc
	nofile=$(ulimit -Hn) nproc=$(ulimit -Hu)
	[[ $nofile == unlimited || $nofile -gt 1024 ]] && nofile=1024
	[[ $nproc == unlimited || $nproc -gt 1024 ]] && nproc=1024
	local P=(podman --runtime "$OCI" run --rm --network none
		--ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc")
	local native=$TESTBINS/esbuild-linux/bin/esbuild
	expect_equal oci-podman-esbuild-version "$("$native" --version)" "$("${P[@]}" "$img" /esbuild --version 2>&1)"
	expect_equal oci-podman-esbuild-ts "$(echo 'let x: number = 1' | "$native" --loader=ts)" \
		"$(echo 'let x: number = 1' | "${P[@]}" -i "$img" /esbuild --loader=ts 2>&1)"
	expect_equal oci-podman-go "$("$SAMPLES/go-hello-linux" 2>&1)" "$("${P[@]}" "$img" /go-hello 2>&1)"
	# persona options from an annotation: a trace on the container's stderr.
	"${P[@]}" --annotation io.persona.options=--trace=write "$img" /go-hello >"$E2E_TMP/ann.out" 2>"$E2E_TMP/ann.err" || true
	expect_contains oci-podman-annotation "$E2E_TMP/ann.err" 'write(1, "hello from persona go sample\n", 29) = 29'
	podman rmi "$img" >/dev/null 2>&1 || true
}

cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(runc podman)
for c in "${cases[@]}"; do
	"case_$c"
done
e2e_finish
