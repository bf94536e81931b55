#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# bench/real-host.sh - runs bench/boot.sh (and, for comparison, the Java program) against a real
# kernel and the real FRR (Debian layout), inside User-Mode Linux (docs/design.md, "The lab"): VRF, veth,
# rule and FRR for real, a dummy device standing in for the fabric port. Checks the result, checks
# that a second boot changes nothing, and prints both programs' start-up there.
#
#   bench/real-host.sh [JAR]      (default target/talos-frr.jar; needs user-mode-linux, frr, jq)
#
# Inside UML a JVM starts slowly (about 2 s for java -version there): the figures are for the ratio.
set -u
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root

if [ -z "${bench_inside:-}" ]; then                                   # ---- on the host
    ROOT=$(cd "$(dirname "$0")/.." && pwd)
    JAR=$(readlink -f "${1:-$ROOT/target/talos-frr.jar}")
    command -v linux.uml >/dev/null || { echo "needs user-mode-linux (linux.uml)"; exit 1; }
    RES=$(mktemp -d /tmp/talosfrr-realhost.XXXXXX)
    # /tmp is a tmpfs inside UML: the program travels in the results directory (hostfs)
    mkdir -p "$RES/app" && cp -r "$(dirname "$JAR")"/{lib,routes,templates,conf} "$RES/app/" && cp "$JAR" "$RES/app/talos-frr.jar" || exit 1
    printf 'BENCH_ROOT=%s\nBENCH_JAR=/run/res/app/talos-frr.jar\nUMLMODS=/usr/lib/uml/modules/%s/kernel\n' \
        "$ROOT" "$(ls /usr/lib/uml/modules | head -1)" > "$RES/run.env"
    timeout 900 linux.uml mem=2G rootfstype=hostfs rootflags=/ ro init="$ROOT/bench/real-host.sh" \
        con=null con0=fd:0,fd:1 bench_res="$RES" bench_inside=1 < /dev/null > "$RES/console.log" 2>&1
    if [ -f "$RES/report" ]; then cat "$RES/report"; else echo "no report; console:"; tail -40 "$RES/console.log"; fi
    rc=$(cat "$RES/rc" 2>/dev/null || echo 1)
    [ "${BENCH_KEEP:-0}" = 1 ] && echo "kept $RES (logs in $RES/logs)" || rm -rf "$RES"
    exit "$rc"
fi

# ---------------------------------------------------------------- inside UML (PID 1)
mount -t proc proc /proc; mount -t sysfs sysfs /sys
for d in /tmp /run /var/lib /var/tmp /etc/frr /var/log /root; do mount -t tmpfs -o mode=0755 tmpfs "$d"; done
chmod 1777 /tmp /var/tmp
mkdir -p /dev/shm && mount -t tmpfs -o mode=1777 tmpfs /dev/shm
mkdir -p /run/res && mount -t hostfs -o "$bench_res" hostfs /run/res
set -a; . /run/res/run.env; set +a
for m in lib/crc-ccitt.ko net/ipv6/ipv6.ko drivers/net/vrf.ko drivers/net/dummy.ko drivers/net/veth.ko; do
    insmod "$UMLMODS/$m" 2>/dev/null || echo "insmod $m failed"
done
install -d -o frr -g frr -m 0755 /var/lib/frr /var/log/frr /var/run/frr
ip link set lo up
R=/run/res/report; : > $R
ok=1
say() { echo "$*" >> $R; }
check() { if eval "$2" >/dev/null 2>&1; then say "  ok   $1"; else say "  FAIL $1"; ok=0; fi; }
us() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }

export TALOSFRR_IP_COMMAND=/usr/sbin/ip TALOSFRR_FRR_CONF_DIR=/etc/frr TALOSFRR_FRR_DAEMON_DIR=/usr/lib/frr \
    TALOSFRR_FRR_VTYSH=/usr/bin/vtysh TALOSFRR_FRR_RUN_DIR=/var/run/frr \
    TALOSFRR_FRR_STATE_DIRS=/var/run/frr,/var/lib/frr,/var/tmp/frr TALOSFRR_SYSFS_NET_DIR=/sys/class/net
ENVF=/tmp/node.env
printf 'NODE_IP=10.0.0.10\nASN_LOCAL=65010\nFE_MACS=02:00:00:00:01:01\n' > $ENVF

fresh() { # a clean node: FRR stopped, nothing of ours in the kernel, a fabric port
    /usr/lib/frr/frrinit.sh stop >/dev/null 2>&1
    ip link del veth-frr 2>/dev/null; ip link del metallb 2>/dev/null; ip link del fab0 2>/dev/null
    while ip -6 rule del to fda1:b2c3:d4e5:1::/128 lookup 88 2>/dev/null; do :; done
    rm -f /etc/frr/frr.conf /etc/frr/daemons /etc/frr/vtysh.conf
    ip link add fab0 address 02:00:00:00:01:01 mtu 9000 type dummy && ip link set fab0 up
}
verify() { # who
    check "$1: VRF metallb, table 88, up" "ip -d -j link show metallb | jq -e '.[0].linkinfo.info_data.table == 88 and (.[0].flags | index(\"UP\"))'"
    check "$1: veth-frr in metallb, mtu 9000, fda1:b2c3:d4e5:1::/127" "ip -j -d addr show veth-frr | jq -e '.[0].master == \"metallb\" and .[0].mtu == 9000 and any(.[0].addr_info[]; .local == \"fda1:b2c3:d4e5:1::\" and .prefixlen == 127)'"
    check "$1: veth-metallb mtu 9000, fda1:b2c3:d4e5:1::1/127" "ip -j addr show veth-metallb | jq -e '.[0].mtu == 9000 and any(.[0].addr_info[]; .local == \"fda1:b2c3:d4e5:1::1\")'"
    check "$1: one rule to fda1:b2c3:d4e5:1:: lookup 88" "[ \$(ip -6 rule show | grep -c 'to fda1:b2c3:d4e5:1:: lookup 88') = 1 ]"
    check "$1: frr.conf 0640 owned by frr" "[ \"\$(stat -c '%a %U' /etc/frr/frr.conf)\" = '640 frr' ]"
    check "$1: FRR runs bgpd with both instances" "vtysh -c 'show running-config' | grep -q '^router bgp 65010\$' && vtysh -c 'show running-config' | grep -q '^router bgp 4000099998 vrf metallb'"
    check "$1: bfdd running" "vtysh -c 'show daemons' | grep -qw bfdd"
    check "$1: BGP session to fab0 configured" "vtysh -c 'show bgp neighbors fab0' | grep -q 'BGP neighbor on fab0'"
}

say "real host (UML $(uname -r)): boot.sh and talos-frr against the kernel and FRR $(vtysh --version 2>/dev/null | awk '/version/ {print $NF; exit}')"
# -- shell: first boot, then a second one that must change nothing
fresh
t0=$(us); bash "$BENCH_ROOT/bench/boot.sh" run --env-file $ENVF > /tmp/sh1.log 2>&1; rc=$?; t1=$(us)
say "boot.sh first boot: exit $rc, $(( (t1 - t0) / 1000 )) ms; $(grep -c 'run-ip-command' /tmp/sh1.log) ip changes"
[ $rc = 0 ] || { sed 's/^/    /' /tmp/sh1.log | tail -15 >> $R; ok=0; }
verify boot.sh
t0=$(us); bash "$BENCH_ROOT/bench/boot.sh" run --env-file $ENVF > /tmp/sh2.log 2>&1; rc=$?; t1=$(us)
say "boot.sh second boot: exit $rc, $(( (t1 - t0) / 1000 )) ms"
check "boot.sh second boot: no ip change, FRR reloaded not restarted" "[ $rc = 0 ] && ! grep -q run-ip-command /tmp/sh2.log && grep -q 'FRR is already running' /tmp/sh2.log"
[ $rc = 0 ] || { sed 's/^/    /' /tmp/sh2.log | tail -15 >> $R; ok=0; }
cp /etc/frr/frr.conf /tmp/frr.conf.shell

# -- Java, same fresh node
fresh
t0=$(us); java -jar "$BENCH_JAR" run --once --env-file $ENVF > /tmp/j1.log 2>&1; rc=$?; t1=$(us)
say "talos-frr first boot: exit $rc, $(( (t1 - t0) / 1000 )) ms"
[ $rc = 0 ] || { sed 's/^/    /' /tmp/j1.log | tail -15 >> $R; ok=0; }
verify talos-frr
check "same frr.conf from both" "cmp /etc/frr/frr.conf /tmp/frr.conf.shell"

# -- start-up on this kernel: launch -> "start-frr: starting" logged, 3 fresh boots each, alternating
logms() { date -d "$(grep -m1 "$2" "$1" | cut -d' ' -f1)" +%s%3N 2>/dev/null; }
: > /tmp/st.sh; : > /tmp/st.java
for i in 1 2 3; do
    fresh; t0=$(us); bash "$BENCH_ROOT/bench/boot.sh" run --env-file $ENVF > /tmp/s.log 2>&1
    echo $(( $(logms /tmp/s.log 'start-frr: starting') - t0 / 1000 )) >> /tmp/st.sh
    fresh; t0=$(us); java -jar "$BENCH_JAR" run --once --env-file $ENVF > /tmp/j.log 2>&1
    echo $(( $(logms /tmp/j.log 'start-frr: starting') - t0 / 1000 )) >> /tmp/st.java
done
say "start-up to 'start-frr: starting' on this kernel (3 runs, ms): boot.sh $(sort -n /tmp/st.sh | tr '\n' ' ')| talos-frr $(sort -n /tmp/st.java | tr '\n' ' ')"
/usr/lib/frr/frrinit.sh stop >/dev/null 2>&1
mkdir -p /run/res/logs && cp /tmp/*.log /run/res/logs/ 2>/dev/null
say "result: $([ $ok = 1 ] && echo PASS || echo FAIL)"
[ $ok = 1 ] && echo 0 > /run/res/rc || echo 1 > /run/res/rc
sync
poweroff -f
