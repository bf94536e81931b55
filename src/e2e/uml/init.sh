#!/bin/bash
# PID 1 of the lab's User-Mode Linux: makes the read-only guest root usable,
# loads the network modules, runs one scenario (or, for the smoke boot, only
# proves that the kernel and its modules work), powers off.
# The kernel passes lab_dir=<results dir, as the UML process sees it> from its command line.
set -uo pipefail
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root LANG=C.UTF-8
# Where the host's results directory is mounted (on /run, a tmpfs).
export LAB_RESULTS=/run/lab-results

mount_filesystems() {
  mount -t proc proc /proc
  mount -t sysfs sysfs /sys
  # The host root is mounted read-only: everything FRR, the JVM, ip netns
  # and the product write goes to tmpfs (/var/run is a symlink to /run).
  # /var/lib as a whole, because the host may have no /var/lib/frr to mount
  # on; nothing else in it is needed inside the lab.
  local d
  for d in /tmp /run /var/lib /var/tmp /etc/frr /var/log /root; do
    mount -t tmpfs -o mode=0755 tmpfs "$d"
  done
  chmod 1777 /tmp /var/tmp
  install -d -o frr -g frr -m 0755 /var/lib/frr /var/log/frr
  mkdir -p /dev/shm && mount -t tmpfs -o mode=1777 tmpfs /dev/shm
  # Results go back to the host through a writable hostfs mount.
  mkdir -p "$LAB_RESULTS"
  mount -t hostfs -o "hostfs=$lab_dir" none "$LAB_RESULTS"
}

# ipv6 is built into the kernel; VRF, dummy and veth are modules.
load_modules() {
  local m
  for m in vrf dummy veth; do
    insmod "$LAB_UML_MODULES/drivers/net/$m.ko" || echo "lab: insmod $m failed"
  done
}

power_off() {
  sync
  busybox poweroff -f
}

smoke() {
  load_modules >"$LAB_RESULTS/smoke.txt" 2>&1
  if ip link add lab-smoke type vrf table 1 2>>"$LAB_RESULTS/smoke.txt"; then
    echo "kernel $(uname -r) up, VRF works" >"$LAB_RESULTS/smoke.txt"
    echo 0 >"$LAB_RESULTS/rc"
  else
    echo 1 >"$LAB_RESULTS/rc"
  fi
  power_off
}

mount_filesystems
set -a
# shellcheck source=/dev/null
. "$LAB_RESULTS/run.env"
set +a
[[ "${LAB_SMOKE:-false}" != true ]] || smoke
load_modules
ip link set lo up
# UML boots with the hostname "(none)", which FRR prints as "hostname (none)"
# in its running config; vtysh cannot parse that line back, so every
# frr-reload.py --reload failed. A real node has a name.
hostname lab-node

# The scenario bounds its own waits; this bounds the scenario, so that the
# results are written even if something hangs (lab.sh's timeout is longer).
run_scenario() {
  local console=/tmp/lab-console.log
  : >"$console"
  timeout --kill-after=5 "$LAB_SCENARIO_TIMEOUT" "${LAB_RUNNER:-$LAB_E2E_DIR/uml/scenario.sh}" >"$console" 2>&1 &
  local pid=$!
  # A file, not a pipe: daemons started by the scenario must not hold it open.
  tail -n +1 -s 0.2 -f --pid="$pid" "$console"
  rc=0
  wait "$pid" || rc=$?
  cp "$console" "$LAB_RESULTS/lab.log"
}

rc=1
run_scenario
if [[ "$LAB_INTERACTIVE" == true ]]; then
  echo "lab: the lab is running; exit this shell to power off. Try:"
  echo "  vtysh -c 'show bgp vrf all summary'   vtysh -N leaf1 -c 'show bgp ipv4 unicast'"
  echo "  gobgp neighbor   ip -d link   cat /tmp/lab/entrypoint-1.log"
  setsid bash -i </dev/console >/dev/console 2>&1
fi
echo "$rc" >"$LAB_RESULTS"/rc
power_off
