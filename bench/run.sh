#!/usr/bin/env bash
# bench/run.sh — persona's speed, in one run, as one table.
#
# Every row runs the same program five ways, interleaved run by run:
#   native        the Linux build, run directly (the reference: ratio 1)
#   persona       the FreeBSD build under `persona run` (rewritten sites)
#   --no-rewrite  the FreeBSD build under `persona run --no-rewrite` (every
#                 system call trapped by Syscall User Dispatch)
#   qemu-x86_64   the Linux build under qemu-user
#   proot         the Linux build under PRoot (ptrace)
# and prints the median of RUNS runs of each, the ratio to native and the
# issue's target for persona.  See bench/README.md for what each row is.
#
# This is a benchmark, not a test: it never fails on a number.  It exits
# non-zero when a run under persona fails or prints something other than
# the native build does (a peer's failure is reported, not fatal).
#
# Usage: bench/run.sh [--markdown] [--rows LIST] [--no-install] [RUNS]
#   RUNS          runs per measurement, median reported (default 5)
#   --markdown    print the table as Markdown (for the README)
#   --rows LIST   only these rows, comma-separated, of:
#                 mixed,getpid,now,nnow,spawn,bundle,nbundle,startup,http (default: all)
#   --no-install  do not apt-get install missing peers even as root
# Environment: BENCH_HTTP_SECONDS (wrk duration per run, default 5);
#   BENCH_RAW=1 also prints every single measurement.
# Needs scripts/setup.sh --build-only first.
set -uo pipefail
export LC_ALL=C

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
persona=$repo/build/persona
samples=$repo/build/samples
tb=$repo/testbins

runs=5
markdown=0
install=1
rows_wanted=mixed,getpid,now,nnow,spawn,bundle,nbundle,startup,http
while (($#)); do
    case $1 in
    --markdown) markdown=1 ;;
    --no-install) install=0 ;;
    --rows) rows_wanted=${2:?--rows needs a list}; shift ;;
    --rows=*) rows_wanted=${1#--rows=} ;;
    -h | --help) sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) runs=$1 ;;
    *) echo "bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench: RUNS must be a positive integer" >&2; exit 2; }
want() { [[ ,$rows_wanted, == *,$1,* ]]; }

for f in "$persona" "$samples/go-syscallbench" "$samples/go-syscallbench-linux" "$samples/go-syscallbench-netbsd" \
    "$samples/go-httpserver" "$samples/go-httpserver-linux" \
    "$tb/esbuild-freebsd/bin/esbuild" "$tb/esbuild-netbsd/bin/esbuild" "$tb/esbuild-linux/bin/esbuild"; do
    [[ -x $f ]] || { echo "bench: missing $f (run scripts/setup.sh --build-only)" >&2; exit 1; }
done
[[ -f $tb/three/package.json ]] || { echo "bench: missing $tb/three (run scripts/fetch-testbins.sh)" >&2; exit 1; }

say() { echo "bench: $*" >&2; }

# --- the peers --------------------------------------------------------------
# Installed from Debian when missing and we are root; skipped otherwise.
have() { command -v "$1" >/dev/null 2>&1; }
missing_pkgs=()
have qemu-x86_64 || missing_pkgs+=(qemu-user)
have proot || missing_pkgs+=(proot)
have wrk || missing_pkgs+=(wrk)
if ((${#missing_pkgs[@]})) && ((install)) && [[ $(id -u) -eq 0 ]] && have apt-get; then
    say "installing ${missing_pkgs[*]} (Debian)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_pkgs[@]}" >/dev/null 2>&1 ||
        { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 &&
          DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_pkgs[@]}" >/dev/null 2>&1; } ||
        say "apt-get install ${missing_pkgs[*]} failed; those peers are skipped"
fi

configs=(native persona norw qemu proot)
declare -A title=([native]=native [persona]=persona [norw]=--no-rewrite [qemu]=qemu-x86_64 [proot]=proot)
declare -A avail=([native]=1 [persona]=1 [norw]=1 [qemu]=1 [proot]=1)
have qemu-x86_64 || avail[qemu]=0
have proot || avail[proot]=0
guest_config() { [[ $1 == persona || $1 == norw ]]; }

# runner CONFIG LINUX-BIN FREEBSD-BIN: the command line prefix in CMD
runner() {
    case $1 in
    native) CMD=("$2") ;;
    persona) CMD=("$persona" run "$3") ;;
    norw) CMD=("$persona" run --no-rewrite "$3") ;;
    qemu) CMD=(qemu-x86_64 "$2") ;;
    proot) CMD=(proot "$2") ;;
    esac
}

work=$(mktemp -d "${TMPDIR:-/tmp}/persona-bench.XXXXXX")
server_pid=
cleanup() {
    [[ -n $server_pid ]] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- bookkeeping --------------------------------------------------------------
declare -A T        # T[key,config] = run times in microseconds, space-separated
declare -A FAILED   # FAILED[key,config] = 1 when a run failed or its output differed
status=0
notes=()

# failed KEY CONFIG WHAT: record a failed or wrong run
failed() {
    local key=$1 cfg=$2 what=$3
    [[ -n ${FAILED[$key,$cfg]:-} ]] && return
    FAILED[$key,$cfg]=1
    if guest_config "$cfg"; then
        status=1
        notes+=("FAILED: ${title[$cfg]}, $key: $what")
    else
        notes+=("peer failed (not fatal): ${title[$cfg]}, $key: $what")
    fi
    say "${title[$cfg]} $key: $what"
}

now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }

# timed KEY CONFIG EXPECTED CMD... : run once, wall time to T[KEY,CONFIG];
# stdout must be EXPECTED (a string) unless EXPECTED is "-"
timed() {
    local key=$1 cfg=$2 expect=$3 t0 t1 rc
    shift 3
    [[ -n ${FAILED[$key,$cfg]:-} ]] && return
    t0=$EPOCHREALTIME
    "$@" >"$work/out" 2>"$work/err" </dev/null
    rc=$?
    t1=$EPOCHREALTIME
    if ((rc != 0)); then
        failed "$key" "$cfg" "exit status $rc: $* ($(head -c 300 "$work/err" | tr '\n' ' '))"
        return
    fi
    if [[ $expect != - && $(<"$work/out") != "$expect" ]]; then
        failed "$key" "$cfg" "printed '$(head -c 100 "$work/out")', native prints '$expect': $*"
        return
    fi
    T[$key,$cfg]+="$(( ${t1/./} - ${t0/./} )) "
}

# median KEY CONFIG: median of the recorded values (empty when none)
median() {
    local v=${T[$1,$2]:-}
    [[ -z $v ]] && return
    local -a s
    mapfile -t s < <(printf '%s\n' $v | sort -n)
    local n=${#s[@]}
    if ((n % 2)); then echo "${s[n / 2]}"; else echo $(((s[n / 2 - 1] + s[n / 2]) / 2)); fi
}

calc() { awk "BEGIN { $1 }"; }

# --- the rows -----------------------------------------------------------------
# Loop rows: go-syscallbench N MODE.  A runner too slow to do N rounds in a
# few seconds does N/k and is scaled back to N: t0 + k*(t - t0), where t0 is
# that runner's start-up (N=0); the cell is marked with '*'.  k per runner
# was chosen on a 2-vCPU VM so that every run stays under ~2.5 s.
# Row nnow is row now with the NetBSD build under persona (NetBSD has no
# time page: every Go nanotime is a clock_gettime system call, so this is
# the rewritten-site path); native and the peers run the Linux build.
# Row spawn: os/exec of a native /bin/true; row spawnoff: the same under
# persona --foreign-exec=off (the cost of the child's private binfmt_misc
# namespace is the difference), printed under the table.
declare -A loop_n=([mixed]=100000 [getpid]=1000000 [now]=5000000 [nnow]=5000000 [spawn]=300)
declare -A loop_mode=([mixed]=mixed [getpid]=getpid [now]=now [nnow]=now [spawn]=spawn)
declare -A loop_guest=([mixed]=go-syscallbench [getpid]=go-syscallbench [now]=go-syscallbench
    [nnow]=go-syscallbench-netbsd [spawn]=go-syscallbench)
# loop_start ROW: the key of the start-up time (N=0) of that row's guest
loop_start() { [[ ${loop_guest[$1]} == go-syscallbench ]] && echo start || echo start-${loop_guest[$1]}; }
declare -A loop_k=(
    [mixed,native]=1 [mixed,persona]=1 [mixed,norw]=4 [mixed,qemu]=2 [mixed,proot]=20
    [getpid,native]=1 [getpid,persona]=1 [getpid,norw]=5 [getpid,qemu]=2 [getpid,proot]=100
    [now,native]=1 [now,persona]=1 [now,norw]=50 [now,qemu]=4 [now,proot]=1
    [nnow,native]=1 [nnow,persona]=1 [nnow,norw]=50 [nnow,qemu]=4 [nnow,proot]=1
    [spawn,native]=1 [spawn,persona]=1 [spawn,norw]=1 [spawn,qemu]=1 [spawn,proot]=1)
loop_rows=()
for m in mixed getpid now nnow spawn; do want "$m" && loop_rows+=("$m"); done

if ((${#loop_rows[@]})); then
    say "Go loops (${loop_rows[*]}), $runs runs each"
    for ((i = 0; i < runs; i++)); do
        for c in "${configs[@]}"; do
            ((avail[$c])) || continue
            declare -A started=()
            for m in "${loop_rows[@]}"; do
                runner "$c" "$samples/go-syscallbench-linux" "$samples/${loop_guest[$m]}"
                if [[ -z ${started[$(loop_start "$m")]:-} ]]; then
                    timed "$(loop_start "$m")" "$c" 0 "${CMD[@]}" 0 getpid
                    started[$(loop_start "$m")]=1
                fi
                n=$((loop_n[$m] / loop_k[$m,$c]))
                timed "$m" "$c" "$n" "${CMD[@]}" "$n" "${loop_mode[$m]}"
                if [[ $m == spawn && $c == persona ]]; then
                    timed spawnoff persona "$n" "$persona" run --foreign-exec=off \
                        "$samples/go-syscallbench" "$n" spawn
                fi
            done
            unset started
        done
        # the floor under --no-rewrite: one SUD trap, empty handler (ns)
        if want getpid && [[ -x $repo/build/bench/sud_floor ]]; then
            f=$("$repo/build/bench/sud_floor" 100000 2>/dev/null) && [[ $f =~ ^[0-9]+$ ]] && T[floor,native]+="$f "
        fi
    done
fi

# loop_us ROW CONFIG: the median time for N rounds, scaled if measured at N/k
loop_us() {
    local t s k=${loop_k[$1,$2]}
    t=$(median "$1" "$2")
    [[ -z $t ]] && return
    ((k == 1)) && { echo "$t"; return; }
    s=$(median "$(loop_start "$1")" "$2")
    [[ -z $s ]] && return
    echo $((s + k * (t - s)))
}

# esbuild bundling three.js: every runner's output must be the native bytes.
# bench_bundle KEY GUEST-ESBUILD: the FreeBSD (key bundle) or NetBSD (key
# nbundle) esbuild under persona; native and the peers run the Linux one.
declare -A bundle_identical=()
bench_bundle() {
    local key=$1 guest=$2 c
    mkdir -p "$work/esb/node_modules"
    [[ -d $work/esb/node_modules/three ]] || cp -a "$tb/three" "$work/esb/node_modules/three"
    echo 'export * from "three";' >"$work/esb/entry.js"
    say "esbuild ($key) bundling three.js, $runs runs each"
    for ((i = 0; i < runs; i++)); do
        for c in "${configs[@]}"; do
            ((avail[$c])) || continue
            runner "$c" "$tb/esbuild-linux/bin/esbuild" "$guest"
            rm -f "$work/esb/out-$key-$c.js"
            cd "$work/esb" || exit 1
            timed "$key" "$c" - "${CMD[@]}" entry.js --bundle --minify "--outfile=out-$key-$c.js"
            cd "$repo" || exit 1
            [[ -n ${FAILED[$key,$c]:-} ]] && continue
            if [[ $c != native ]] && ! cmp -s "$work/esb/out-$key-native.js" "$work/esb/out-$key-$c.js"; then
                failed "$key" "$c" "output differs from the native esbuild's ($work/esb/out-$key-$c.js)"
            fi
        done
    done
    local same=()
    for c in persona norw qemu proot; do
        ((avail[$c])) || continue
        [[ -z ${FAILED[$key,$c]:-} && -z ${FAILED[$key,native]:-} ]] && same+=("${title[$c]}")
    done
    bundle_identical[$key]=$(IFS=,; echo "${same[*]}" | sed 's/,/, /g')
    bytes=$(stat -c %s "$work/esb/out-$key-native.js" 2>/dev/null || echo 0)
}
want bundle && bench_bundle bundle "$tb/esbuild-freebsd/bin/esbuild"
want nbundle && bench_bundle nbundle "$tb/esbuild-netbsd/bin/esbuild"

# esbuild --version: many short runs.
startup_runs=$((runs * 10 > 50 ? runs * 10 : 50))
if want startup; then
    say "esbuild --version, $startup_runs runs each"
    ver=$("$tb/esbuild-linux/bin/esbuild" --version)
    for ((i = 0; i < startup_runs; i++)); do
        for c in "${configs[@]}"; do
            ((avail[$c])) || continue
            runner "$c" "$tb/esbuild-linux/bin/esbuild" "$tb/esbuild-freebsd/bin/esbuild"
            timed version "$c" "$ver" "${CMD[@]}" --version
        done
    done
fi

# The HTTP server under wrk: requests/s and errors, per run.
http_secs=${BENCH_HTTP_SECONDS:-5}
declare -A ERRS
http_body='hello from persona'
# http_run CONFIG: one server, one wrk run; rps to T[http,CONFIG]
http_run() {
    local c=$1 addr= i line reply
    runner "$c" "$samples/go-httpserver-linux" "$samples/go-httpserver"
    : >"$work/srv.out"
    "${CMD[@]}" 0 $((http_secs + 60)) >"$work/srv.out" 2>"$work/srv.err" </dev/null &
    server_pid=$!
    for ((i = 0; i < 1000; i++)); do
        read -r line <"$work/srv.out" 2>/dev/null || true
        [[ $line == listening\ * ]] && { addr=${line#listening }; break; }
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.02
    done
    if [[ -z $addr ]]; then
        kill -TERM "$server_pid" 2>/dev/null; wait "$server_pid"; local rc=$?
        server_pid=
        failed http "$c" "server did not start (status $rc: $(head -c 300 "$work/srv.err" | tr '\n' ' '))"
        return
    fi
    # one plain request: the body must be the fixed one
    reply=$(exec 3<>"/dev/tcp/${addr%:*}/${addr##*:}" &&
        printf 'GET / HTTP/1.0\r\nHost: %s\r\n\r\n' "$addr" >&3 && timeout 10 cat <&3)
    [[ $reply == *$'\r\n\r\n'"$http_body"* ]] || failed http "$c" "GET / did not answer '$http_body'"
    wrk -t2 -c64 "-d${http_secs}s" --timeout 2s "http://$addr/" >"$work/wrk.out" 2>&1
    local wrc=$?
    kill -TERM "$server_pid" 2>/dev/null
    wait "$server_pid"
    local rc=$?
    server_pid=
    ((rc == 0)) || failed http "$c" "server exit status $rc after SIGTERM ($(head -c 300 "$work/srv.err" | tr '\n' ' '))"
    if ((wrc != 0)) || ! grep -q '^Requests/sec:' "$work/wrk.out"; then
        failed http "$c" "wrk failed: $(tr '\n' ' ' <"$work/wrk.out" | head -c 300)"
        return
    fi
    [[ -n ${FAILED[http,$c]:-} ]] && return
    local rps errs
    rps=$(awk '/^Requests\/sec:/ { printf "%d", $2 * 1000 }' "$work/wrk.out")  # milli-req/s
    errs=$(awk '/Non-2xx or 3xx responses:/ { e += $NF }
                /Socket errors:/ { gsub(",", ""); e += $4 + $6 + $8 + $10 }
                END { print e + 0 }' "$work/wrk.out")
    T[http,$c]+="$rps "
    ERRS[$c]=$((${ERRS[$c]:-0} + errs))
}
if want http; then
    if have wrk; then
        say "HTTP server under wrk (${http_secs} s per run), $runs runs each"
        for ((i = 0; i < runs; i++)); do
            for c in "${configs[@]}"; do
                ((avail[$c])) || continue
                http_run "$c"
            done
        done
    else
        notes+=("HTTP row skipped: wrk not installed (Debian package wrk)")
    fi
fi

floor=$(median floor native)

# --- the table ----------------------------------------------------------------
fmt_time() { # microseconds -> "1.23 s" or "45.6 ms"
    calc "t = $1; if (t >= 1000000) printf \"%.2f s\", t / 1e6; else if (t >= 10000) printf \"%.0f ms\", t / 1e3; else printf \"%.1f ms\", t / 1e3"
}
ratio() { calc "printf \"%.2f\", $1 / $2"; }

rows=()   # each row: cells separated by \t
add_row() { local IFS=$'\t'; rows+=("$*"); }
na() { ((avail[$1])) || { echo "(not installed)"; return; }; [[ -n ${FAILED[$2,$1]:-} ]] && echo FAILED || echo "?"; }

# met VALUE-CMP: "yes"/"no"/"-"
met() { [[ -z $1 ]] && { echo -; return; }; calc "print ($1) ? \"yes\" : \"no\""; }

# emit_row LABEL TARGET-TEXT TARGET-TEST KIND KEY : one row from per-config values
# KIND: loop (time, lower is better, scaled), time (plain median time),
#       pcall (ns per call), startup (ms, difference), http (req/s, higher
#       is better), errs (error counts)
declare -A V
emit_row() {
    local label=$1 ttext=${2:--} ttest=$3 kind=$4 key=$5 c v s
    V=()
    for c in "${configs[@]}"; do
        ((avail[$c])) || continue
        [[ -n ${FAILED[$key,$c]:-} ]] && continue
        case $kind in
        loop) v=$(loop_us "$key" "$c") ;;
        pcall) v=$(loop_us "$key" "$c"); s=$(median "$(loop_start "$key")" "$c")
               [[ -n $v && -n $s ]] && v=$(calc "printf \"%.1f\", ($v - $s) * 1000 / ${loop_n[$key]}") || v= ;;
        time | startup | http) v=$(median "$key" "$c") ;;
        errs) [[ -n ${T[http,$c]:-} ]] && v=${ERRS[$c]:-0} || v= ;;
        esac
        [[ -n $v ]] && V[$c]=$v
    done
    local -a cells=("$label")
    local nat=${V[native]:-}
    for c in "${configs[@]}"; do
        local cell rc=
        v=${V[$c]:-}
        if [[ -z $v ]]; then
            cell=$(na "$c" "$key"); rc=
        else
            case $kind in
            loop) cell=$(fmt_time "$v"); ((${loop_k[$key,$c]} > 1)) && cell+="*"
                  [[ -n $nat ]] && rc=$(ratio "$v" "$nat") ;;
            time) cell=$(fmt_time "$v"); [[ -n $nat ]] && rc=$(ratio "$v" "$nat") ;;
            pcall) cell=$(calc "if ($v >= 100000) printf \"%.2f ms\", $v / 1e6; else printf \"%.0f ns\", $v"); ((${loop_k[$key,$c]} > 1)) && cell+="*"
                   [[ -n $nat ]] && rc=$(calc "printf \"%.2f\", $v / ($nat > 0 ? $nat : 1)") ;;
            startup) cell=$(calc "printf \"%.2f ms\", $v / 1e3")
                     [[ -n $nat ]] && rc=$(calc "printf \"%+.2f ms\", ($v - $nat) / 1e3") ;;
            http) cell=$(calc "printf \"%.0f/s\", $v / 1e3"); [[ -n $nat ]] && rc=$(ratio "$v" "$nat") ;;
            errs) cell=$v; rc= ;;
            esac
        fi
        if [[ $c == native ]]; then
            cells+=("$cell")
        elif [[ $c == persona ]]; then
            local m=-
            [[ -n $v && -n $ttest ]] && m=$(met "$(ttest_expr "$ttest" "$v" "$nat")")
            cells+=("$cell" "${rc:--}" "$ttext" "$m")
        else
            cells+=("$cell" "${rc:--}")
        fi
    done
    add_row "${cells[@]}"
}
# ttest_expr TEST V NATIVE: an awk condition for the target
ttest_expr() {
    local t=$1 v=$2 n=$3
    [[ -z $n && $t != errs0 ]] && return
    case $t in
    le*) echo "$v / $n <= ${t#le}" ;;
    ge*) echo "$v / $n >= ${t#ge}" ;;
    plus*) echo "($v - $n) / 1e3 <= ${t#plus}" ;;
    errs0) echo "$v == 0" ;;
    esac
}

add_row workload native persona ratio target met --no-rewrite ratio qemu-x86_64 ratio proot ratio
want mixed && emit_row "syscall-heavy loop (mixed, N=${loop_n[mixed]})" "<=1.3" le1.3 loop mixed
want getpid && emit_row "getpid loop (N=${loop_n[getpid]})" "<=2" le2 loop getpid
want getpid && emit_row "  getpid, per call" "" "" pcall getpid
want now && emit_row "time.Now() loop (N=${loop_n[now]})" "<=2" le2 loop now
want now && emit_row "  time.Now(), per call" "" "" pcall now
want nnow && emit_row "time.Now() loop, NetBSD build (N=${loop_n[nnow]})" "<=2" le2 loop nnow
want nnow && emit_row "  time.Now(), NetBSD, per call" "" "" pcall nnow
want spawn && emit_row "os/exec of /bin/true (N=${loop_n[spawn]})" "" "" loop spawn
want spawn && emit_row "  per spawn" "" "" pcall spawn
want bundle && emit_row "esbuild: bundle+minify three.js" "<=1.02" le1.02 time bundle
want nbundle && emit_row "  the same, NetBSD esbuild" "<=1.02" le1.02 time nbundle
want startup && emit_row "esbuild --version (median of $startup_runs)" "<=+0.5ms" plus0.5 startup version
if want http && have wrk; then
    emit_row "Go HTTP server, wrk req/s" ">=0.9" ge0.9 http http
    emit_row "  HTTP errors (all runs)" "0" errs0 errs http
fi

print_table() {
    printf '%s\n' "${rows[@]}" | awk -F'\t' -v md="$markdown" '
        { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } if (NF > nf) nf = NF }
        END {
            for (r = 1; r <= NR; r++) {
                line = ""
                for (i = 1; i <= nf; i++) {
                    x = cell[r, i]
                    if (md) { gsub(/\|/, "\\|", x); gsub(/\*/, "\\*", x); line = line "| " x " " }
                    else line = line sprintf(i == 1 ? "%-*s" : "  %*s", w[i], x)
                }
                print md ? line "|" : line
                if (md && r == 1) { line = "|"; for (i = 1; i <= nf; i++) line = line (i == 1 ? " --- |" : " ---: |"); print line }
            }
        }'
}

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
echo "persona benchmark: median of $runs runs each (esbuild --version: $startup_runs), wall time"
((runs < 5)) && echo "(fewer than 5 runs: rough figures, for development only)"
echo "machine: $(nproc) CPUs, ${cpu:-unknown CPU}, Linux $(uname -r)"
echo
print_table
echo
echo "ratio: to native (time: lower is better; req/s: higher is better); target and met: the issue's target for persona (default mode)."
if want spawn && [[ -n $(median spawnoff persona) && -n $(median spawn persona) ]]; then
    so=$(median spawnoff persona) sa=$(median spawn persona)
    echo "spawn: persona --foreign-exec=off $(fmt_time "$so"); the child's private binfmt_misc namespace costs $(calc "printf \"%.2f ms\", ($sa - $so) / 1e3 / ${loop_n[spawn]}") per spawn."
fi
if want mixed || want getpid || want now || want nnow || want spawn; then
    scaled=()
    for m in "${loop_rows[@]}"; do
        for c in norw qemu proot; do
            ((avail[$c] && ${loop_k[$m,$c]} > 1)) && scaled+=("${title[$c]} $m ${loop_k[$m,$c]}")
        done
    done
    ((${#scaled[@]})) && echo "*: ran N/k rounds and scaled to N as start-up + k x (time - start-up); k: $(IFS=,; echo "${scaled[*]}" | sed 's/,/, /g')."
    echo "per call: (loop time - start-up time of the same runner, N=0) / N."
fi
for key in bundle nbundle; do
    want "$key" && [[ -z ${FAILED[$key,native]:-} ]] || continue
    [[ -n ${bundle_identical[$key]:-} ]] &&
        echo "esbuild $key output ($bytes bytes): byte-identical to the native esbuild's under: ${bundle_identical[$key]}."
    for c in persona norw qemu proot; do
        [[ -n ${FAILED[$key,$c]:-} ]] && echo "esbuild $key output: NOT identical or failed under ${title[$c]} (see below)."
    done
done
[[ -n $floor ]] && echo "one Syscall User Dispatch trap with an empty SIGSYS handler (bench/sud_floor, median): $floor ns -- the floor under --no-rewrite's per-call cost."
want http && have wrk && echo "HTTP: wrk -t2 -c64 -d${http_secs}s against 127.0.0.1 (client and server share this machine's CPUs); errors = non-2xx/3xx responses + socket errors."
for c in qemu proot; do ((avail[$c])) || echo "${title[$c]}: not installed (Debian: apt-get install $([[ $c == qemu ]] && echo qemu-user || echo proot))."; done
if have runsc; then
    echo "gVisor (runsc): found at $(command -v runsc), not measured (runsc needs an OCI bundle or root 'runsc do'; not scripted here)."
else
    echo "gVisor (runsc): not available (not installed)."
fi
for n in "${notes[@]}"; do echo "$n"; done
if [[ ${BENCH_RAW:-0} != 0 ]]; then   # every measurement, for judging the noise
    echo "raw (us; http: milli-requests/s; floor: ns):"
    for k in $(printf '%s\n' "${!T[@]}" | sort); do echo "  $k: ${T[$k]}"; done
fi
if ((status)); then
    echo "bench: a run under persona failed or its output differed from native (see above)." >&2
fi
exit "$status"
