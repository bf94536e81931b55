#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# bench/run.sh - start-up, memory, live-change and lab figures of talos-frr, side by side with the
# same boot written as a shell script (bench/boot.sh). Prints tables; asserts nothing.
#
#   bench/run.sh                       everything, 10 start-up runs per variant
#   BENCH_RUNS=20 bench/run.sh         more runs
#   BENCH_SECTIONS="startup" bench/run.sh        only some sections: startup profile memory live lab
#   BENCH_VARIANTS="default best" bench/run.sh   only some JVM variants (names below)
#   BENCH_IDLE_SECONDS=60  BENCH_LIVE_RUNS=20  BENCH_KEEP=1 (keep the work directory)
#   BENCH_SNAPSHOT=1       build and measure a private copy of the committed HEAD (git archive), not
#                          target/ of the working tree (which others may be rebuilding meanwhile)
#   BENCH_JAR=path         measure that jar (routes/, templates/, conf/ beside it)
#   BENCH_PYTHON=shim      run the fake ip through whatever `python3` is on PATH (e.g. a pyenv shim)
#                          instead of the interpreter it resolves to (the default, see below)
#
# Every run gets a fresh fake host (sysfs tree with one fabric port, empty fake `ip` state) and the
# recording fakes of src/test/fakes, each behind a thin bash wrapper that appends
# "<command> <first arg> <start us> <end us>" to the host's bench-exec.log. The start-up figure is
# from the moment this script launches the process to the moment `frrinit.sh start` is called, as
# that wrapper records it: the same clock and the same definition for Java and shell, independent
# of either program's logging. (The Java log line "start-frr: starting" lands ~5-15 ms earlier;
# the table's "log" column shows it for comparison.)
set -u
set -o pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${BENCH_JAR:-$ROOT/target/talos-frr.jar}
FAKES=$ROOT/src/test/fakes
RUNS=${BENCH_RUNS:-10}
LIVE_RUNS=${BENCH_LIVE_RUNS:-20}
IDLE=${BENCH_IDLE_SECONDS:-60}
SECTIONS=" ${BENCH_SECTIONS:-startup profile memory live lab} "
JAVA=${JAVA:-java}

# ---------------------------------------------------------------- JVM variants
# @JSA@ is replaced by a per-variant AppCDS archive made by a training run (-XX:ArchiveClassesAtExit).
declare -A VOPTS=(
    [default]=""
    [serial-c1]="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
    [appcds]="-XX:SharedArchiveFile=@JSA@"
    [serial-c1-appcds]="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=@JSA@"
    [small-mem]="-XX:+UseSerialGC -Xms8m -Xmx64m -Xss512k -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=24m"
    [camel-nojmx]="-Dcamel.main.jmxEnabled=false"
    [camel-lean]="-Dcamel.main.jmxEnabled=false -Dcamel.main.basePackageScanEnabled=false -Dcamel.main.beanPostProcessorEnabled=false -Dcamel.main.autowiredEnabled=false -Dcamel.main.streamCachingEnabled=false -Dcamel.main.uuidGenerator=simple"
    [best]="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=@JSA@ -Xms8m -Xmx64m -Xss512k -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=24m -Dcamel.main.jmxEnabled=false -Dcamel.main.basePackageScanEnabled=false -Dcamel.main.beanPostProcessorEnabled=false -Dcamel.main.autowiredEnabled=false -Dcamel.main.streamCachingEnabled=false -Dcamel.main.uuidGenerator=simple"
)
VARIANTS=${BENCH_VARIANTS:-default serial-c1 appcds serial-c1-appcds small-mem camel-nojmx camel-lean best}
MEM_VARIANTS=${BENCH_MEM_VARIANTS:-default serial-c1-appcds small-mem camel-nojmx best}

now_us() { local t=${EPOCHREALTIME/[.,]/}; printf '%s' "$t"; }
say() { printf '%s\n' "$*"; }
hr() { printf '%s\n' "----------------------------------------------------------------------------------------------"; }

command -v jq >/dev/null || { say "bench/run.sh needs jq (bench/boot.sh reads ip -json with it)"; exit 1; }
# The fake vtysh hands --dryrun to FRR's own parser: the host's, else the lab root's FRR 10.3 (as the unit tests do).
if [ -z "${FAKE_REAL_VTYSH:-}" ] && [ ! -x /usr/bin/vtysh ]; then
  export FAKE_REAL_VTYSH=$ROOT/src/test/frr/vtysh
fi
say "vtysh --dryrun: ${FAKE_REAL_VTYSH:-/usr/bin/vtysh}"

WORK=$(mktemp -d /tmp/talosfrr-bench.XXXXXX)
cleanup() {
    local p
    for p in "${BG_PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done
    [ "${BENCH_KEEP:-0}" = 1 ] && say "work directory kept: $WORK" || rm -rf "$WORK"
}
BG_PIDS=()
trap cleanup EXIT
if [ "${BENCH_SNAPSHOT:-0}" = 1 ]; then
    mkdir -p "$WORK/src"; git -C "$ROOT" archive HEAD | tar -x -C "$WORK/src" || exit 1
    (cd "$WORK/src" && mvn -B -q package -DskipTests) > "$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log"; exit 1; }
    JAR=$WORK/src/target/talos-frr.jar
fi
[ -f "$JAR" ] || { say "building $JAR (mvn -B -q package -DskipTests)"; (cd "$ROOT" && mvn -B -q package -DskipTests) || exit 1; }
TARGET=$(dirname "$JAR")

# ---------------------------------------------------------------- fakes behind timing wrappers
mkdir -p "$WORK/fakes" "$WORK/pybin"
for f in ip vtysh frrinit.sh frr-reload.py; do
    cat > "$WORK/fakes/$f" <<EOF
#!/usr/bin/env bash
s=\${EPOCHREALTIME/[.,]/}
"$FAKES/$f" "\$@"; rc=\$?
printf '%s %s %s %s\n' "$f" "\${1:-}" "\$s" "\${EPOCHREALTIME/[.,]/}" >> "\${FAKE_HOST_DIR:-.}/bench-exec.log"
exit \$rc
EOF
    chmod +x "$WORK/fakes/$f"
done
# The fake ip starts with `#!/usr/bin/env python3`. Behind a pyenv shim that costs ~60 ms of bash per
# call, which neither program controls; by default the shim is bypassed (both sides equally).
PYNOTE="python3 as found on PATH"
if [ "${BENCH_PYTHON:-direct}" != shim ]; then
    real_py=$(pyenv which python3 2>/dev/null || true)
    [ -x "$real_py" ] || real_py=$(command -v python3)
    ln -sf "$real_py" "$WORK/pybin/python3"
    PATH=$WORK/pybin:$PATH
    PYNOTE="python3 = $real_py (direct, no shim)"
fi
export PATH

fresh_host() { # dir
    rm -rf "$1"; mkdir -p "$1/sys/fab0"
    echo 02:00:00:00:01:01 > "$1/sys/fab0/address"; echo 9000 > "$1/sys/fab0/mtu"
    printf 'NODE_IP=10.0.0.10\nASN_LOCAL=65010\nFE_MACS=02:00:00:00:01:01\n' > "$1/node.env"
}
host_env() { # dir -> env assignments for `env`
    printf '%s\n' "FAKE_HOST_DIR=$1" "TALOSFRR_IP_COMMAND=$WORK/fakes/ip" "TALOSFRR_FRR_DAEMON_DIR=$WORK/fakes" \
        "TALOSFRR_FRR_VTYSH=$WORK/fakes/vtysh" "TALOSFRR_FRR_CONF_DIR=$1/etc" "TALOSFRR_FRR_RUN_DIR=$1/run" \
        "TALOSFRR_FRR_STATE_DIRS=$1/run" "TALOSFRR_SYSFS_NET_DIR=$1/sys"
}
jvm_opts() { # variant
    local o=${VOPTS[$1]}
    printf '%s' "${o//@JSA@/$WORK/$1.jsa}"
}
command_for() { # side mode -> the argv (one per line)
    if [ "$1" = shell ]; then printf '%s\n' bash "$ROOT/bench/boot.sh" run
    else printf '%s\n' "$JAVA" $(jvm_opts "$1") -jar "$JAR" run; [ "$2" = once ] && echo --once; fi
}
log_ms() { # log file, pattern -> epoch ms of the first matching line's timestamp
    local ts; ts=$(grep -m1 -- "$2" "$1" | cut -d' ' -f1)
    [ -n "$ts" ] && date -d "$ts" +%s%3N 2>/dev/null
}

# ---------------------------------------------------------------- statistics
stats() { # numbers on stdin -> "median min max n"
    sort -n | awk '{v[NR] = $1} END {
        if (NR == 0) { print "- - - 0"; exit }
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%d %d %d %d\n", m, v[1], v[NR], NR }'
}
col() { # results file, field -> numbers
    awk -v f="$2" '$1 != "FAIL" {print $f}' "$1"
}

# ---------------------------------------------------------------- one boot
# Writes "startup_ms total_ms exec_before_ms execs_before ready_ms log_ms" to stdout, or FAIL.
REF_CONF=""
boot_once() { # side run-dir
    local side=$1 h=$2 t0 t1 rc start ready logline
    fresh_host "$h"
    mapfile -t cmd < <(command_for "$side" once)
    mapfile -t envs < <(host_env "$h")
    t0=$(now_us); echo $(( t0 / 1000 )) > "$h/launch.ms"
    env "${envs[@]}" "${cmd[@]}" --env-file "$h/node.env" > "$h/out.log" 2>&1; rc=$?
    t1=$(now_us)
    start=$(awk '$1 == "frrinit.sh" && $2 == "start" {print $3; exit}' "$h/bench-exec.log" 2>/dev/null)
    if [ $rc -ne 0 ] || [ -z "$start" ] || { [ -n "$REF_CONF" ] && ! cmp -s "$REF_CONF" "$h/etc/frr.conf"; }; then
        { say "FAIL $side rc=$rc (frr.conf $( [ -n "$REF_CONF" ] && cmp -s "$REF_CONF" "$h/etc/frr.conf" && echo same || echo differs))"; tail -5 "$h/out.log"; } >&2
        echo FAIL; return
    fi
    # time spent inside the faked commands before frrinit.sh start, and how many there were
    local ex; ex=$(awk -v s="$start" '$3 < s {sum += $4 - $3; n++} END {printf "%d %d", sum / 1000, n}' "$h/bench-exec.log")
    ready=$(log_ms "$h/out.log" "load-config: valid")
    logline=$(log_ms "$h/out.log" "start-frr: starting")
    printf '%d %d %s %d %d\n' $(( (start - t0) / 1000 )) $(( (t1 - t0) / 1000 )) "$ex" \
        $(( ${ready:-0} - t0 / 1000 )) $(( ${logline:-0} - t0 / 1000 ))
}

train_cds() { # variant: one boot that writes the archive
    local v=$1 h=$WORK/train-$1
    [[ "${VOPTS[$v]}" == *@JSA@* ]] || return 0
    [ -f "$WORK/$v.jsa" ] && return 0
    fresh_host "$h"
    local o=${VOPTS[$v]//-XX:SharedArchiveFile=@JSA@/-XX:ArchiveClassesAtExit=$WORK/$v.jsa}
    mapfile -t envs < <(host_env "$h")
    # shellcheck disable=SC2086
    env "${envs[@]}" "$JAVA" $o -jar "$JAR" run --once --env-file "$h/node.env" > "$h/out.log" 2>&1 \
        || { say "CDS training for $v failed:"; tail -5 "$h/out.log"; }
}

# ---------------------------------------------------------------- header
say "talos-frr benchmark  $(date -u +%Y-%m-%dT%H:%MZ)  commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null) $([ "${BENCH_SNAPSHOT:-0}" = 1 ] && echo "(snapshot of HEAD)" || echo "+ working tree: $(git -C "$ROOT" status --porcelain -- src routes conf pom.xml 2>/dev/null | wc -l) paths modified/untracked"); jar $JAR built $(date -u -r "$JAR" +%H:%MZ)"
say "host: $(nproc) CPU, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo); $("$JAVA" -version 2>&1 | head -1); bash $BASH_VERSION"
say "fakes: $FAKES behind timing wrappers; $PYNOTE"
h=$WORK/probe; fresh_host "$h"
for i in 1 2 3 4 5 6 7 8 9 10; do FAKE_HOST_DIR=$h "$WORK/fakes/ip" -json -details address show >/dev/null; done
say "one fake ip call: $(awk '$1 == "ip" {print int(($4 - $3) / 1000)}' "$h/bench-exec.log" | stats | awk '{print $1 " ms median (" $2 "-" $3 ")"}')"
hr

# ---------------------------------------------------------------- start-up
if [[ "$SECTIONS" == *" startup "* ]]; then
    # reference frr.conf: every variant's boot must render exactly what the shell one renders
    REF_CONF=""; r=$(boot_once shell "$WORK/ref")
    [ "$r" != FAIL ] && REF_CONF=$WORK/ref/etc/frr.conf
    for v in $VARIANTS; do train_cds "$v"; done
    sides="shell $VARIANTS"
    for s in $sides; do : > "$WORK/res-$s"; done
    for ((i = 1; i <= RUNS; i++)); do
        # rotate the order every round, so slow phases of a noisy machine hit every side alike
        set -- $sides; k=$(( (i - 1) % $# )); order="${*:k+1} ${*:1:k}"
        for s in $order; do boot_once "$s" "$WORK/run-$s-$i" >> "$WORK/res-$s"; done
        printf '.' >&2
    done
    printf '\n' >&2
    read -r sh_med _ < <(col "$WORK/res-shell" 1 | stats)
    say "START-UP: launch -> 'frrinit.sh start' called (ms), $RUNS runs each, fresh fake host per run"
    read -r sh_own _ < <(awk '$1 != "FAIL" {print $1 - $3}' "$WORK/res-shell" | stats)
    printf '%-17s %7s %6s %6s %7s %7s %11s %6s %7s %8s %7s\n' side median min max "x shell" "vs dflt" "exec(n)" own "own/sh" ready total
    read -r d_med _ < <(col "$WORK/res-default" 1 | stats)
    for s in $sides; do
        read -r med mn mx n < <(col "$WORK/res-$s" 1 | stats)
        read -r exm _ < <(col "$WORK/res-$s" 3 | stats)
        read -r exn _ < <(col "$WORK/res-$s" 4 | stats)
        read -r own _ < <(awk '$1 != "FAIL" {print $1 - $3}' "$WORK/res-$s" | stats)
        read -r rdy _ < <(col "$WORK/res-$s" 5 | stats)
        read -r tot _ < <(col "$WORK/res-$s" 2 | stats)
        fails=$(grep -c FAIL "$WORK/res-$s")
        ratio=$(awk -v a="$med" -v b="$sh_med" 'BEGIN {if (b > 0 && a != "-") printf "%.2f", a / b; else print "-"}')
        vsd=$(awk -v a="$med" -v b="${d_med:-0}" 'BEGIN {if (b > 0 && a != "-") printf "%.2f", a / b; else print "-"}')
        ownr=$(awk -v a="$own" -v b="$sh_own" 'BEGIN {if (b > 0 && a != "-") printf "%.2f", a / b; else print "-"}')
        printf '%-17s %7s %6s %6s %7s %7s %7s(%2s) %6s %7s %8s %7s%s\n' "$s" "$med" "$mn" "$mx" "$ratio" "$vsd" "$exm" "$exn" "$own" "$ownr" "$rdy" "$tot" \
            "$([ "$fails" -gt 0 ] && echo "  ($fails failed)")"
    done
    say "  exec(n): median ms spent inside the faked commands (ip, vtysh --dryrun) before frrinit start, n calls;"
    say "  own = median(start-up - exec): the program's own time; ready: launch -> 'load-config: valid' logged;"
    say "  total: launch -> process exit (--once). Java log line 'start-frr: starting' minus launch, median:"
    for s in $VARIANTS; do printf '    %s %s ms' "$s" "$(col "$WORK/res-$s" 6 | stats | cut -d' ' -f1)"; done; printf '\n'
    say "  JVM options per variant:"
    for s in $VARIANTS; do say "    $s: ${VOPTS[$s]:-(none)}"; done

    # where Java's start-up goes: one default run, phases from its own log and the exec log
    h=$WORK/run-default-1
    if [ -f "$h/out.log" ]; then
        say "  phases of run 1 of 'default' (log timestamps; ms after the previous mark):"
        t0=$(cat "$h/launch.ms")
        for mark in "is starting" "load-config: valid" "run-ip-command: create VRF" "run-ip-command: create veth" \
                    "run-ip-command: address" "run-ip-command: route traffic" "check-frr-config:" "install-frr-files:" "start-frr: starting"; do
            t=$(log_ms "$h/out.log" "$mark"); [ -n "$t" ] || continue
            printf '    %-32s +%5d ms\n' "$mark" $(( t - t0 )); t0=$t
        done
    fi
    hr
fi

# ---------------------------------------------------------------- profile of the Java start-up
if [[ "$SECTIONS" == *" profile "* ]]; then
    say "PROFILE: where the JVM's start-up goes (medians of 5, ms)"
    for v in default best; do
        train_cds "$v"
        : > "$WORK/prof-ver-$v"; : > "$WORK/prof-help-$v"
        for i in 1 2 3 4 5; do
            t0=$(now_us); "$JAVA" $(jvm_opts "$v") -version > /dev/null 2>&1; echo $(( ($(now_us) - t0) / 1000 )) >> "$WORK/prof-ver-$v"
            t0=$(now_us); "$JAVA" $(jvm_opts "$v") -jar "$JAR" --help > /dev/null 2>&1; echo $(( ($(now_us) - t0) / 1000 )) >> "$WORK/prof-help-$v"
        done
        printf '  %-8s java -version: %5s   talos-frr --help (JVM + our main, no Camel): %5s\n' "$v" \
            "$(stats < "$WORK/prof-ver-$v" | cut -d' ' -f1)" "$(stats < "$WORK/prof-help-$v" | cut -d' ' -f1)"
    done
    say "  Camel's startup recorder, one boot each (it adds its own overhead), steps >= 15 ms:"
    for v in default best; do
        h=$WORK/prof-$v; fresh_host "$h"; mapfile -t envs < <(host_env "$h")
        env "${envs[@]}" "$JAVA" $(jvm_opts "$v") -Dorg.slf4j.simpleLogger.log.org.apache.camel=info \
            -Dcamel.main.startupRecorder=logging -Dcamel.main.startupRecorderMaxDepth=2 \
            -jar "$JAR" run --once --env-file "$h/node.env" > "$h/out.log" 2>&1
        say "    $v:"
        grep -E 'LoggingStartupStepRecorder|started in' "$h/out.log" | sed -E 's/^.*(LoggingStartupStepRecorder|AbstractCamelContext) - +//' \
            | awk '/started in/ {print "      " $0; next} {n = $1 + 0; if (n >= 15) print "      " $0}' | head -20
        fresh_host "$h.c"; mapfile -t envs < <(host_env "$h.c")
        printf '      classes loaded by one boot: %s\n' "$(env "${envs[@]}" "$JAVA" $(jvm_opts "$v") -Xlog:class+load=info \
            -jar "$JAR" run --once --env-file "$h.c/node.env" 2>/dev/null | grep -c 'class,load')"
    done
    hr
fi

# ---------------------------------------------------------------- memory
if [[ "$SECTIONS" == *" memory "* ]]; then
    say "MEMORY: 'run' (not --once) on a fresh fake host, ${IDLE} s idle after 'boot complete'; from /proc/PID/status"
    for v in $MEM_VARIANTS; do train_cds "$v"; done
    declare -A MPID=()
    for v in $MEM_VARIANTS; do           # all variants idle side by side: same minute, same noise
        h=$WORK/mem-$v; fresh_host "$h"
        mapfile -t cmd < <(command_for "$v" stay)
        mapfile -t envs < <(host_env "$h")
        env "${envs[@]}" "${cmd[@]}" --env-file "$h/node.env" > "$h/out.log" 2>&1 &
        MPID[$v]=$!; BG_PIDS+=("$!")
    done
    deadline=$(( SECONDS + 120 ))
    for v in $MEM_VARIANTS; do
        until grep -q "boot complete" "$WORK/mem-$v/out.log" 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
    done
    sleep "$IDLE"
    printf '%-17s %9s %9s %8s %9s   %s\n' variant "RSS MB" "HWM MB" threads "heap cap" "what runs"
    for v in $MEM_VARIANTS; do
        p=${MPID[$v]}
        if [ -r "/proc/$p/status" ] && grep -q "boot complete" "$WORK/mem-$v/out.log"; then
            rss=$(awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$p/status")
            hwm=$(awk '/^VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$p/status")
            thr=$(awk '/^Threads/ {print $2}' "/proc/$p/status")
            cap=$(grep -o -- '-Xmx[0-9]*[mMgG]' <<< "${VOPTS[$v]}" || echo "1/4 RAM")
            what="JMX $([[ "${VOPTS[$v]}" == *jmxEnabled=false* ]] && echo off || echo on)"
            printf '%-17s %9s %9s %8s %9s   %s\n' "$v" "$rss" "$hwm" "$thr" "$cap" "$what"
        else
            printf '%-17s %9s   (did not boot or exited: %s)\n' "$v" - "$(tail -1 "$WORK/mem-$v/out.log")"
        fi
        kill -TERM "$p" 2>/dev/null
    done
    for v in $MEM_VARIANTS; do wait "${MPID[$v]}" 2>/dev/null; done
    BG_PIDS=()
    h=$WORK/mem-shell; fresh_host "$h"; mapfile -t envs < <(host_env "$h")
    shm=$(env "${envs[@]}" /usr/bin/time -f %M bash "$ROOT/bench/boot.sh" run --env-file "$h/node.env" 2>&1 >/dev/null | tail -1)
    say "  shell: exits after the boot (no watch, no health); its largest process peaked at $(( shm / 1024 )) MB (getrusage maxrss)"
    say "  watch/health/JMX present: routes $(ls "$TARGET"/routes 2>/dev/null | tr '\n' ' ')"
    hr
fi

# ---------------------------------------------------------------- live change
if [[ "$SECTIONS" == *" live "* ]]; then
    if ! ls "$TARGET"/routes/watch-env*.camel.yaml >/dev/null 2>&1; then
        say "LIVE CHANGE: n/a (no watch yet: no routes/watch-env*.camel.yaml in $TARGET/routes)"
    else
        v=${BENCH_LIVE_VARIANT:-default}
        say "LIVE CHANGE: env file rewritten (atomic rename) -> frr-reload.py --reload returns; 'run' ($v), $LIVE_RUNS changes"
        h=$WORK/live; fresh_host "$h"
        mapfile -t cmd < <(command_for "$v" stay)
        mapfile -t envs < <(host_env "$h")
        env "${envs[@]}" "${cmd[@]}" --env-file "$h/node.env" > "$h/out.log" 2>&1 &
        lp=$!; BG_PIDS+=("$lp")
        deadline=$(( SECONDS + 120 ))
        until grep -q "boot complete" "$h/out.log" 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
        sleep 2
        : > "$WORK/res-live"
        for ((i = 1; i <= LIVE_RUNS; i++)); do
            before=$(grep -c '^frr-reload.py' "$h/bench-exec.log" 2>/dev/null || echo 0)
            spk=$(( i % 2 ? 4000099997 : 4000099999 ))       # a change that only alters frr.conf
            printf 'NODE_IP=10.0.0.10\nASN_LOCAL=65010\nFE_MACS=02:00:00:00:01:01\nASN_METALLB_SPEAKER=%s\n' "$spk" > "$h/node.env.tmp"
            t0=$(now_us); mv -f "$h/node.env.tmp" "$h/node.env"
            got=""; end=$(( SECONDS + 15 ))
            while [ $SECONDS -lt $end ]; do
                n=$(grep -c '^frr-reload.py' "$h/bench-exec.log" 2>/dev/null || echo 0)
                if [ "$n" -gt "$before" ]; then got=$(awk '$1 == "frr-reload.py" {e = $4} END {print e}' "$h/bench-exec.log"); break; fi
                sleep 0.02
            done
            if [ -n "$got" ]; then echo $(( (got - t0) / 1000 )) >> "$WORK/res-live"; else echo "  change $i: no frr-reload.py within 15 s"; fi
            sleep 1.5
        done
        read -r med mn mx n < <(stats < "$WORK/res-live")
        say "  median $med ms (min $mn, max $mx, $n of $LIVE_RUNS applied); includes the watch's settle delay"
        grep -E 'settle|debounce|quiet' "$TARGET"/routes/watch-env*.camel.yaml "$TARGET"/conf/application.properties 2>/dev/null \
            | sed 's/^/  setting: /' | head -5
        kill -TERM "$lp" 2>/dev/null; wait "$lp" 2>/dev/null; BG_PIDS=()
    fi
    hr
fi

# ---------------------------------------------------------------- lab
if [[ "$SECTIONS" == *" lab "* ]]; then
    f=$(ls -t "$ROOT"/target/lab-results/*/figures* 2>/dev/null | head -1)
    if [ -n "$f" ]; then
        say "LAB: entrypoint start -> first LB route at a leaf, from $f:"
        sed 's/^/  /' "$f" | head -20
    else
        say "LAB: n/a (no target/lab-results/*/figures* yet)"
    fi
    hr
fi
say "targets: start-up median <= 800 ms and <= 3x shell; idle RSS <= 80 MB; live change <= 1 s after the file settles"
