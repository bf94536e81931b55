# Records FRR's answers as the product reads them, from the node's real FRR, into
# $LAB_RESULTS/fixtures/<FRR version>/<situation>/ (lab.sh --record-fixtures copies them to
# src/test/resources/fixtures/frr/). The file names are those of that directory's README.

FIXTURE_COMMANDS=("show daemons" "show bgp vrf all summary json" "show bfd peers json")

frr_version() {
  vtysh -c 'show version' 2>/dev/null | sed -n 's/^FRRouting \([0-9][0-9.]*\).*/\1/p' | head -n 1
}

fixture_dir() {
  local dir="$LAB_RESULTS/fixtures/$RECORDED_VERSION/$1"
  mkdir -p "$dir"
  echo "$dir"
}

# record_answers SITUATION: each command on its own, show watchfrr, the pid files.
record_answers() {
  local dir f
  dir="$(fixture_dir "$1")"
  timeout 20 vtysh -c 'show daemons' >"$dir/show-daemons.txt" 2>&1 || true
  timeout 20 vtysh -c 'show bgp vrf all summary json' >"$dir/show-bgp-vrf-all-summary.json" 2>&1 || true
  timeout 20 vtysh -c 'show bfd peers json' >"$dir/show-bfd-peers.json" 2>&1 || true
  timeout 20 vtysh -c 'show watchfrr' >"$dir/show-watchfrr.txt" 2>&1 || true
  for f in /var/run/frr/*.pid; do
    [[ -e "$f" ]] && echo "$(basename "$f") $(cat "$f")"
  done >"$dir/pid-files.txt"
  log "record: $1"
}

# record_failure SITUATION: the one combined call as observe-frr makes it, when it fails.
record_failure() {
  local dir rc=0 args=() c
  dir="$(fixture_dir "$1")"
  for c in "${FIXTURE_COMMANDS[@]}"; do args+=(-c "$c"); done
  timeout 20 vtysh "${args[@]}" >"$dir/stdout.txt" 2>"$dir/stderr.txt" || rc=$?
  echo "$rc" >"$dir/exit-value.txt"
  log "record: $1 (exit $rc)"
}

sessions_down_at_node() {
  local want="$1"
  [[ "$(vtysh -c 'show bgp vrf all summary json' | jq '[.. | objects | select(has("state")) | select(.state != "Established")] | length')" -ge "$want" ]]
}

scenario_record_fixtures() {
  boot_and_check
  RECORDED_VERSION="$(frr_version)"
  log "record: FRR $RECORDED_VERSION"
  record_answers both-up
  local dir
  dir="$(fixture_dir both-up)"
  timeout 20 vtysh -c 'show bgp vrf all summary json' -c 'show bfd peers json' -c 'show daemons' \
    >"$dir/vtysh-three-commands-in-one-call.txt" 2>&1 || true

  leaf_port leaf2 down
  wait_for 30 "the node to see one fabric session down" sessions_down_at_node 2 || true
  record_answers one-leaf-down
  leaf_port leaf1 down
  wait_for 30 "the node to see both fabric sessions down" sessions_down_at_node 4 || true
  record_answers both-leaves-down
  leaf_port leaf1 up
  leaf_port leaf2 up
  wait_converged

  local old
  old="$(node_bgpd_pid)"
  kill -KILL "$old"
  wait_for 60 "bgpd restarted by watchfrr" bgpd_back "$old" || true
  wait_for 90 "fabric sessions after the bgpd restart" fabric_both_established || true
  record_answers bgpd-restarted

  # Recorded inside watchfrr's 2 s pause before it restarts bgpd (watchfrr cannot be paused
  # instead: vtysh asks it too, and would wait for ever).
  old="$(node_bgpd_pid)"
  kill -KILL "$old"
  sleep 0.3
  record_failure bgpd-not-running
  wait_for 60 "bgpd restarted by watchfrr" bgpd_back "$old" || true

  stop_and_check
  record_failure frr-stopped
  check fixtures-recorded "FRR $RECORDED_VERSION: $(find "$LAB_RESULTS/fixtures" -type f | wc -l) files" \
    test -s "$(fixture_dir both-up)/show-bgp-vrf-all-summary.json"
}
