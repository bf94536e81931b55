#!/bin/bash
# Runs one lab scenario inside UML (called by uml/init.sh with run.env
# loaded): builds the fabric, runs the product, checks, keeps the logs.
set -euo pipefail

LAB_T0="$(date +%s.%N)"
for lib in common fabric speaker product checks live ops record passwords timers; do
  # shellcheck source=/dev/null
  . "$LAB_E2E_DIR/lib/$lib.sh"
done

# A JVM in UML starts slowly; these bound the waits generously.
FIRST_ROUTE_TIMEOUT=240
CONVERGE_TIMEOUT=90

wait_converged() {
  wait_for "$CONVERGE_TIMEOUT" "sessions, routes and BFD" converged || true
}

# Boot with the scenario's env file, check everything, stop with SIGTERM.
boot_and_check() {
  start_product
  start_speaker_when_ready
  time_first_lb_route "$FIRST_ROUTE_TIMEOUT"
  wait_converged
  check_running_node
  snapshot_state "$PRODUCT_RUNS"
}

stop_and_check() {
  stop_product
  check_stopped
}

scenario_default() {
  boot_and_check
  show_routes
  finish
}

scenario_second_run() {
  boot_and_check
  stop_and_check
  log "second run on the configured node"
  boot_and_check
  show_routes
  finish
}

# The first run is killed once the VRF exists (network steps under way),
# before FRR is configured; the next run must finish the job.
scenario_killed_boot() {
  start_product
  if wait_for "$FIRST_ROUTE_TIMEOUT" "the VRF from the first run" ip link show "$VRF_METALLB"; then
    kill_product
    info killed-at "$(seconds_since "$PRODUCT_T0") s: vrf $( [[ -n "$(vrf_table)" ]] && echo yes || echo no), veth $(ip link show veth-frr >/dev/null 2>&1 && echo yes || echo no), frr.conf $( [[ -e "$NODE_FRR_DIR/frr.conf" ]] && echo yes || echo no)"
  else
    fail killed-boot "the first run never created $VRF_METALLB"
    kill_product
  fi
  # A fast first run may already have started FRR, which a SIGKILLed entrypoint cannot stop; the
  # second run must find it stopped to start it (and be stopped while it does).
  stop_leftover_frr
  sigterm_during_boot
  boot_and_check
  show_routes
  finish
}

scenario_bad_config() {
  run_product_to_exit 120
  check exit-code "the product exited with $PRODUCT_EXIT (want 2)" test "$PRODUCT_EXIT" == 2
  check error-names-variable "$(grep -m1 NODE_IP "$PRODUCT_LOG" || echo 'no line names NODE_IP')" \
    grep -q 'NODE_IP="127.0.0.1" is invalid: .* 127.0.0.1 is loopback' "$PRODUCT_LOG"
  check_host_untouched
}

# The second run gets SIGTERM while FRR starts: it must stop within its bound,
# exit 0 and leave no FRR daemon behind (FRR 10 once hung the boot there).
sigterm_during_boot() {
  start_product
  if wait_for "$FIRST_ROUTE_TIMEOUT" "the second run to start FRR" grep -q 'start-frr: starting' "$PRODUCT_LOG"; then
    local t0
    t0="$(now_seconds)"
    stop_product
    info sigterm-during-boot "exit $PRODUCT_EXIT $(seconds_since "$t0") s after SIGTERM while FRR started"
    check_stopped
  else
    fail sigterm-during-boot "the second run never reached start-frr"
    kill_product
  fi
}

# Issue 4: changes to the env file while the product runs, then a restart.
scenario_live_changes() {
  add_spare_link
  boot_and_check
  live_speaker_asn
  live_bfd_toggle
  live_third_port
  live_mtu
  live_broken_file
  print_live_figures
  RELOADED_CONFIG="$(running_config)"
  live_restart
  # The restarted node, with every change in place, passes the boot checks.
  wait_converged
  check_running_node
  snapshot_state "$PRODUCT_RUNS"
  live_boot_equals_reload
  show_routes
  finish
}

# Issue 5: metrics, a killed bgpd, readiness with leaves down, JMX.
scenario_operations() {
  PRODUCT_ENV=(TALOSFRR_HEALTH_OBSERVE_PERIOD_MS="$OPS_OBSERVE_PERIOD_MS"
               TALOSFRR_HEALTH_STARTUP_WINDOW_SECONDS="$OPS_STARTUP_WINDOW_SECONDS")
  boot_and_check
  ops_metrics
  ops_kill_bgpd
  jmx_start DaemonRestarts Ready LastApply
  ops_readiness
  jmx_check
  finish
}

# Issue 15, item 1: passwords matching at leaf1 and the speaker, wrong at leaf2, then corrected.
scenario_passwords() {
  PRODUCT_ENV=(TALOSFRR_HEALTH_OBSERVE_PERIOD_MS="$OPS_OBSERVE_PERIOD_MS"
               TALOSFRR_HEALTH_STARTUP_WINDOW_SECONDS="$OPS_STARTUP_WINDOW_SECONDS")
  write_password_files
  SPEAKER_PASSWORD="$LAB_SPEAKER_PASSWORD"
  leaf_password leaf1 "$LAB_FABRIC_PASSWORD"
  leaf_password leaf2 "$LAB_WRONG_PASSWORD"
  start_product
  start_speaker_when_ready
  passwords_check
  snapshot_state "$PRODUCT_RUNS"
  finish
}

# Issue 15, item 5: per-class BGP timers and a BFD profile, as FRR and the leaves see them.
scenario_timers() {
  boot_and_check
  check_timers
  finish
}

show_routes() {
  [[ "$LAB_SHOW_ROUTES" == true ]] || return 0
  local leaf
  for leaf in "${LEAVES[@]}"; do
    echo "--- $leaf: show bgp ipv4 unicast"
    leaf_vtysh "$leaf" 'show bgp ipv4 unicast' || true
    echo "--- $leaf: show bgp ipv6 unicast"
    leaf_vtysh "$leaf" 'show bgp ipv6 unicast' || true
  done
}

# Stops the product unless the lab stays up for a person to look around.
finish() {
  if [[ "$LAB_INTERACTIVE" == true ]]; then
    log "interactive: the product (pid $PRODUCT_PID), the leaves and the speaker keep running"
  else
    stop_and_check
  fi
}

# The node, leaves and speaker as they are while the product runs (after
# SIGTERM FRR is gone), for the results: snapshot_state RUN.
snapshot_state() {
  local out="$LAB_RESULTS/state-run$1" leaf
  mkdir -p "$out"
  {
    ip -d addr; echo; ip -4 rule; ip -6 rule; echo
    ip -4 route show table all; echo; ip -6 route show table all
  } >"$out/node-ip.txt" 2>&1 || true
  vtysh -c 'show running-config' -c 'show bgp vrf all summary' \
    -c 'show bgp vrf all ipv4 unicast' -c 'show bgp vrf all ipv6 unicast' \
    -c "show bgp vrf $VRF_METALLB neighbors" -c 'show ip route vrf all' \
    -c 'show bfd peers' >"$out/node-vtysh.txt" 2>&1 || true
  for leaf in "${LEAVES[@]}"; do
    {
      leaf_vtysh "$leaf" 'show bgp ipv4 unicast'
      leaf_vtysh "$leaf" 'show bgp ipv6 unicast'
      leaf_vtysh "$leaf" 'show bgp neighbors'
      ip -n "$leaf" -4 route; ip -n "$leaf" -6 route
    } >"$out/$leaf.txt" 2>&1 || true
  done
  {
    gobgp_cli neighbor "$PEER_IP_FRR_SHOWN"
    gobgp_cli global rib -a ipv4
    gobgp_cli global rib -a ipv6
  } >"$out/speaker.txt" 2>&1 || true
}

# Logs of every daemon and of the entrypoint, and the files FRR was given.
collect_logs() {
  local out="$LAB_RESULTS"
  cp -r "$LAB_WORK/." "$out/" 2>/dev/null || true
  mkdir -p "$out/frr-logs" "$out/etc-frr"
  cp -r /var/log/frr/. "$out/frr-logs/" 2>/dev/null || true
  cp -r "$NODE_FRR_DIR/." "$out/etc-frr/" 2>/dev/null || true
  cp "$NODE_ENV" "$out/node.env" 2>/dev/null || true
}

main() {
  log "scenario $LAB_SCENARIO, product: $LAB_PRODUCT"
  mkdir -p "$LAB_WORK"
  # Also when a step fails or the scenario times out.
  trap collect_logs EXIT
  prepare_env_file "$LAB_SCENARIO"
  build_fabric
  log "fabric: leaves up"
  case "$LAB_SCENARIO" in
    second-run) scenario_second_run ;;
    killed-boot) scenario_killed_boot ;;
    bad-config) scenario_bad_config ;;
    live-changes) scenario_live_changes ;;
    operations) scenario_operations ;;
    passwords) scenario_passwords ;;
    timers) scenario_timers ;;
    record-fixtures) scenario_record_fixtures ;;
    *) scenario_default ;;
  esac
  print_tally
  ((CHECKS_FAILED == 0))
}

main
