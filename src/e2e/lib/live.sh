# Live changes (issue 4): the env file is rewritten while the product runs;
# each change must become live in FRR without resetting the fabric sessions
# it does not concern. Figures: seconds from the write to the change being
# live, and fabric sessions reset per change, as the leaves see them.

LIVE_SECONDS=()     # "step seconds", one per change that became live
RESETS=()           # "step count", one per change
# Longer than the fabric hold time (3 s) and BFD detection (0.9 s): a reset
# the change causes has happened by then.
RESET_SETTLE_SECONDS=4
APPLY_TIMEOUT=60

# --- the env file ------------------------------------------------------------

# env_with KEY VALUE: the env file's content with KEY set (removed if VALUE is empty).
env_with() {
  grep -vE "^[[:space:]]*$1=" "$NODE_ENV" || true
  [[ -z "$2" ]] || echo "$1=$2"
}

# write_env rename|inplace CONTENT: replaces the env file as an editor does
# (a new file renamed over it) or as a shell redirection does (same inode,
# truncated and written). Sets WRITE_T and APPLIES_BEFORE.
write_env() {
  local mode="$1" content="$2"
  APPLIES_BEFORE="$(apply_count)"
  WRITE_T="$(now_seconds)"
  if [[ "$mode" == rename ]]; then
    printf '%s\n' "$content" >"$NODE_ENV.new"
    mv "$NODE_ENV.new" "$NODE_ENV"
  else
    printf '%s\n' "$content" >"$NODE_ENV"
  fi
  load_settings "$NODE_ENV"
  log "env file ($mode): $(grep -v '^#' "$NODE_ENV" | paste -sd ' ')"
}

apply_count() {
  grep -cE 'apply-env-file: (applied|not applied)' "$PRODUCT_LOG" || true
}

applied_since_write() {
  (($(apply_count) > APPLIES_BEFORE))
}

# The last outcome line and, for a multi-line one, the next line.
last_apply_line() {
  # Without the "<time> <level> <logger> - " prefix.
  awk '/apply-env-file: (applied|not applied)/ { line = $0; sub(/^[^ ]+ [A-Z]+ [^ ]+ - /, "", line); more = /:$/; next }
       more { line = line " " $0; more = 0 }
       END { print line }' "$PRODUCT_LOG"
}

# wait_applied STEP WANT: the product logged an apply outcome for the write;
# WANT is "applied" or "not applied".
wait_applied() {
  local step="$1" want="$2" line
  if ! wait_for "$APPLY_TIMEOUT" "the product to apply the env file" applied_since_write; then
    fail "$step-$want" "no apply-env-file outcome logged $(seconds_since "$WRITE_T") s after the write"
    return 0
  fi
  line="$(last_apply_line)"
  check "$step-${want// /-}" "$line" grep -q "apply-env-file: $want" <<<"$line"
  # The disruptive lines the product announced for this change, if any.
  grep 'diff-frr-config: disruptive' "$PRODUCT_LOG" | tail -n +"$((DISRUPTIVE_SEEN + 1))" |
    sed 's/^.* - /INFO '"$step"'-disruptive: /' || true
  DISRUPTIVE_SEEN="$(grep -c 'diff-frr-config: disruptive' "$PRODUCT_LOG" || true)"
}
DISRUPTIVE_SEEN=0

# change_live STEP COMMAND...: waits until COMMAND succeeds (the change is
# live) and records the seconds since the write.
change_live() {
  local step="$1" s
  shift
  if wait_for "$APPLY_TIMEOUT" "$step live" "$@"; then
    s="$(seconds_since "$WRITE_T")"
    LIVE_SECONDS+=("$step $s")
    pass "$step-live" "$s s from the write to the change live"
  else
    fail "$step-live" "not live $(seconds_since "$WRITE_T") s after the write"
  fi
}

# --- what the node and the leaves show ---------------------------------------

running_config() {
  vtysh -c 'show running-config' 2>/dev/null || true
}

# Not "running_config | grep -q": vtysh may die of SIGPIPE and, with
# pipefail, turn a match into a failure.
running_config_has() {
  grep -qF -- "$1" <<<"$(running_config)"
}

# An empty answer (vtysh not connecting during a reload) is not "no bfd".
no_bfd_in_config() {
  local conf
  conf="$(running_config)"
  [[ "$conf" == *"router bgp"* ]] && ! grep -qw bfd <<<"$conf"
}

bfd_peers_all_up() {
  [[ "$(bfd_peers_up)" == "${#FABRIC_LINKS[@]}" ]]
}

# The node's bfdd; the leaves' run with -N <leaf>.
node_bfdd_count() {
  pgrep -a -x bfdd | grep -vc -- ' -N ' || true
}

bfd_off_live() {
  no_bfd_in_config && [[ "$(node_bfdd_count)" == 0 ]]
}

bfd_on_live() {
  running_config_has 'neighbor FABRIC bfd' && [[ "$(node_bfdd_count)" == 1 ]]
}

veth_mtus() {
  echo "$(link_field veth-frr mtu)/$(link_field veth-metallb mtu)"
}

veth_mtus_are() {
  [[ "$(veth_mtus)" == "$1/$1" ]]
}

# fabric_uptimes: "leaf/port established-epoch state" for every fabric
# session, read at the leaves (epoch 0 when not Established). FRR keeps
# uptimes in whole seconds, so epochs jitter by a second.
fabric_uptimes() {
  local leaf
  for leaf in "${LEAVES[@]}"; do
    leaf_vtysh "$leaf" 'show bgp summary json' 2>/dev/null |
      jq -r --arg leaf "$leaf" --argjson now "$(date +%s)" '
        .ipv4Unicast.peers // {} | to_entries[]
        | "\($leaf)/\(.key) \(if .value.state == "Established"
                              then ($now - (.value.peerUptimeMsec / 1000 | floor)) else 0 end) \(.value.state)"' || true
  done
}

# sessions_reset BEFORE AFTER: "N[ names]", the sessions Established in
# BEFORE that are down, gone or established again (epoch moved) in AFTER.
# Through files: UML has no /dev/fd for <(...).
sessions_reset() {
  printf '%s\n' "$1" >"$LAB_WORK/uptimes-before.txt"
  printf '%s\n' "$2" >"$LAB_WORK/uptimes-after.txt"
  awk 'NR == FNR { if ($3 == "Established") up[$1] = $2; next }
       ($1 in up) { seen[$1] = 1; d = $2 - up[$1]
                    if ($3 != "Established") reset[$1] = $3
                    else if (d > 2 || d < -2) reset[$1] = "re-established " d " s later" }
       END { for (k in up) if (!(k in seen)) reset[k] = "gone"
             n = 0; s = ""
             for (k in reset) { n++; s = s " " k " (" reset[k] ")" }
             print n s }' "$LAB_WORK/uptimes-before.txt" "$LAB_WORK/uptimes-after.txt"
}

# check_predicted_resets STEP BEFORE TEXT: sessions may reset only if the product logged a
# disruptive line containing TEXT for this change.
check_predicted_resets() {
  local step="$1" before="$2" text="$3" reset predicted
  reset="$(sessions_reset "$before" "$(fabric_uptimes)")"
  RESETS+=("$step ${reset%% *}")
  predicted="$(grep -c "disruptive: .*$text" "$PRODUCT_LOG" || true)"
  check "$step-resets-only-announced" "fabric sessions reset: $reset; disruptive lines naming them in the log: $predicted" \
    bash -c '[[ "$1" == 0 || "$2" -ge 1 ]]' _ "${reset%% *}" "$predicted"
}

# check_no_reset STEP BEFORE: the fabric sessions kept their uptime.
check_no_reset() {
  local step="$1" before="$2" reset
  sleep "$RESET_SETTLE_SECONDS"
  reset="$(sessions_reset "$before" "$(fabric_uptimes)")"
  RESETS+=("$step ${reset%% *}")
  check "$step-no-session-reset" "fabric sessions reset: $reset (of $(grep -c Established <<<"$before") up before)" \
    test "${reset%% *}" == 0
}

fabric_all_established() {
  local leaf
  for leaf in "${LEAVES[@]}"; do
    [[ "$(fabric_state "$leaf")" == Established/Established ]] || return 1
  done
}

# Each change starts from a settled fabric, so one change's reset is not
# counted against the next.
settle_fabric() {
  wait_for 60 "fabric sessions Established" fabric_all_established || true
}

# --- the changes ---------------------------------------------------------------

# a. The speaker's AS: only the MetalLB VRF's peer group changes.
live_speaker_asn() {
  local step=a-speaker-asn before
  settle_fabric
  before="$(fabric_uptimes)"
  write_env rename "$(env_with ASN_METALLB_SPEAKER 4000099990)"
  wait_applied "$step" applied
  change_live "$step" running_config_has "neighbor METALLB remote-as $ASN_METALLB_SPEAKER"
  # MetalLB would be reconfigured too; gobgpd takes its AS only at start.
  restart_speaker
  wait_for 60 "the speaker session (AS $ASN_METALLB_SPEAKER)" speaker_established || true
  check "$step-speaker-session" "gobgpd AS $ASN_METALLB_SPEAKER -> $PEER_IP_FRR: $(speaker_state)" speaker_established
  wait_for 30 "the LB route with the new AS path" lb_route_has_as "$ASN_METALLB_SPEAKER" || true
  check "$step-lb-route" "${SPEAKER_LB_V4[0]} at leaf2: $(leaf_route leaf2 ipv4 "${SPEAKER_LB_V4[0]}")" \
    lb_route_has_as "$ASN_METALLB_SPEAKER"
  check_no_reset "$step" "$before"
}

speaker_established() {
  [[ "$(speaker_state)" == [Ee][Ss][Tt]* ]]
}

lb_route_has_as() {
  local leaf
  for leaf in "${LEAVES[@]}"; do
    [[ "$(leaf_route "$leaf" ipv4 "${SPEAKER_LB_V4[0]}")" == *" $1]"* ]] || return 1
  done
}

restart_speaker() {
  local pid
  pid="$(cat "$LAB_WORK/gobgpd.pid")"
  kill "$pid"
  wait_for 10 "gobgpd to exit" bash -c "! kill -0 $pid" || true
  mv "$LAB_WORK/gobgpd.log" "$LAB_WORK/gobgpd-before-as-change.log"
  start_speaker
}

# b. BFD off, then on: the daemons file changes, so bfdd is stopped and
# started (frrinit.sh reload); bgpd and zebra keep running.
live_bfd_toggle() {
  local before
  settle_fabric
  before="$(fabric_uptimes)"
  write_env inplace "$(env_with ENABLE_BFD false)"
  wait_applied b-bfd-off applied
  change_live b-bfd-off bfd_off_live
  check b-bfdd-stopped "node bfdd processes: $(node_bfdd_count)" test "$(node_bfdd_count)" == 0
  check b-no-bfd-config "lines with bfd in the running config: $(running_config | grep -cw bfd || true)" \
    no_bfd_in_config
  # Taking BFD off ends every fabric BFD session; an FRR leaf that still runs BFD takes that as a
  # failure and resets BGP. That concerns every fabric session, so the product must have said so
  # before applying: a reset it announced is the expected cost, one it did not announce is a bug.
  check_predicted_resets b-bfd-off "$before" "session(s) of FABRIC"

  settle_fabric
  before="$(fabric_uptimes)"
  write_env rename "$(env_with ENABLE_BFD "")"
  wait_applied b-bfd-on applied
  change_live b-bfd-on bfd_on_live
  wait_for 30 "BFD peers up" bfd_peers_all_up || true
  check b-bfd-peers "$(bfd_peers_up) of ${#FABRIC_LINKS[@]} BFD peers up, node bfdd processes: $(node_bfdd_count)" \
    bfd_peers_all_up
  check_no_reset b-bfd-on "$before"
}

# c. A third fabric port (fab2, a second cable to leaf1) added by its MAC.
live_third_port() {
  local step=c-third-port before name mac rest
  read -r name mac rest <<<"$SPARE_LINK"
  settle_fabric
  before="$(fabric_uptimes)"
  write_env rename "$(env_with FE_MACS "$FE_MACS,$mac")"
  wait_applied "$step" applied
  change_live "$step" running_config_has "neighbor $name interface"
  FABRIC_LINKS+=("$SPARE_LINK")
  wait_for 60 "the session on $name" leaf1_eth1_established || true
  check "$step-session" "leaf1 eth1 (node $name): $(leaf_vtysh leaf1 'show bgp summary json' | jq -r '.ipv4Unicast.peers.eth1.state // "none"')" \
    leaf1_eth1_established
  check_no_reset "$step" "$before"
}

leaf1_eth1_established() {
  [[ "$(leaf_vtysh leaf1 'show bgp summary json' | jq -r '.ipv4Unicast.peers.eth1.state // "none"')" == Established ]]
}

# d. The veth pair's MTU.
live_mtu() {
  local step=d-mtu before
  settle_fabric
  before="$(fabric_uptimes)"
  write_env rename "$(env_with INTERFACE_MTU 1500)"
  wait_applied "$step" applied
  change_live "$step" veth_mtus_are 1500
  check "$step-veth" "veth-frr/veth-metallb $(veth_mtus) (want 1500/1500)" veth_mtus_are 1500
  check_no_reset "$step" "$before"
  check "$step-speaker-session" "gobgpd -> $PEER_IP_FRR: $(speaker_state)" speaker_established
}

# What a failed apply must not touch.
node_state() {
  ip -d link; ip addr; ip -4 rule; ip -6 rule; running_config
}

# The last-apply check's message, its lines joined.
last_apply_health() {
  curl -s -m 5 "http://127.0.0.1:9479/health" | jq -r '.checks[]? | select(.name == "last-apply") | .message' |
    paste -sd '|' | sed 's/|/ | /g' || true
}

# e. A broken file changes nothing and is reported; then a valid one (back
# to the default MTU, a real change) applies again.
live_broken_file() {
  local step=e-broken-file good before after differences health before_sessions
  settle_fabric
  good="$(env_with INTERFACE_MTU "")"
  before="$(node_state)"
  write_env inplace "$(env_with NODE_IP x)"
  wait_applied "$step" "not applied"
  # Anything the product did would be done by now (it logs the outcome last).
  after="$(node_state)"
  printf '%s\n' "$before" >"$LAB_WORK/node-before-broken-file.txt"
  printf '%s\n' "$after" >"$LAB_WORK/node-after-broken-file.txt"
  differences="$(diff "$LAB_WORK/node-before-broken-file.txt" "$LAB_WORK/node-after-broken-file.txt" |
    grep '^[<>]' | head -n 4 | paste -sd ' ' || true)"
  check "$step-node-unchanged" "ip link/addr/rule and running config: ${differences:-identical}" test -z "$differences"
  health="$(last_apply_health)"
  check "$step-health" "/health last-apply: ${health:-none}" grep -q 'NODE_IP' <<<"$health"

  before_sessions="$(fabric_uptimes)"
  write_env rename "$good"
  wait_applied e-valid-again applied
  change_live e-valid-again veth_mtus_are 9000
  health="$(last_apply_health)"
  check e-valid-again-health "/health last-apply: ${health:-none}" grep -q ' applied at ' <<<"$health"
  check_no_reset e-valid-again "$before_sessions"
}

# lb_samples: one line per leaf every half second while the product
# restarts: "time leaf bgp-paths stale-paths fib(0/1)".
lb_samples() {
  local leaf json
  while :; do
    for leaf in "${LEAVES[@]}"; do
      json="$(leaf_vtysh "$leaf" "show bgp ipv4 unicast ${SPEAKER_LB_V4[0]} json" 2>/dev/null || true)"
      printf '%s %s %s %s\n' "$(date +%s.%N)" "$leaf" \
        "$(jq -r '[.paths[]?] | "\(length) \([.[] | select(.stale == true)] | length)"' <<<"$json" 2>/dev/null || echo 0 0)" \
        "$(ip -n "$leaf" -4 route show "${SPEAKER_LB_V4[0]}" | grep -c . || true)"
    done
    sleep 0.5
  done
}

lb_route_fresh_everywhere() {
  local leaf json
  for leaf in "${LEAVES[@]}"; do
    json="$(leaf_vtysh "$leaf" "show bgp ipv4 unicast ${SPEAKER_LB_V4[0]} json")"
    [[ "$(jq -r '[.paths[]? | select(.stale != true)] | length' <<<"$json")" -ge 1 ]] || return 1
  done
}

# f. The entrypoint restarts (SIGTERM, start again): graceful restart keeps
# the LoadBalancer route at the leaves the whole time.
live_restart() {
  local step=f-restart samples="$LAB_WORK/restart-lb-samples.txt" sampler t0 summary
  settle_fabric
  lb_samples >"$samples" 2>/dev/null &
  sampler=$!
  t0="$(now_seconds)"
  stop_product
  check "$step-sigterm-exit" "the product exited with ${PRODUCT_EXIT:-?}" test "${PRODUCT_EXIT:-?}" == 0
  start_product
  wait_for "$FIRST_ROUTE_TIMEOUT" "fabric sessions back" fabric_all_established || true
  check "$step-sessions-back" "leaf1 $(fabric_state leaf1), leaf2 $(fabric_state leaf2) $(seconds_since "$t0") s after SIGTERM" \
    fabric_all_established
  # The leaves flush stale paths at the node's End-of-RIB: sample until the
  # route is fresh again, and a little after.
  wait_for 60 "a fresh ${SPEAKER_LB_V4[0]} at the leaves" lb_route_fresh_everywhere || true
  sleep 2
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  summary="$(awk '{ n[$2]++; if ($3 == 0) gone[$2]++; if ($5 == 0) nofib[$2]++; if ($4 > 0) stale[$2]++ }
                  END { for (l in n) printf "%s: missing %d, not in FIB %d, stale %d of %d samples; ", l, gone[l], nofib[l], stale[l], n[l] }' "$samples")"
  check "$step-lb-route-kept" "${SPEAKER_LB_V4[0]} over $(seconds_since "$t0") s from SIGTERM: $summary" \
    lb_never_missing "$samples"
}

# FRR's running config without the lines that say nothing of the state.
running_config() {
  vtysh -c 'show running-config' 2>&1 | grep -v -E '^(Building configuration|Current configuration|frr version|!$|$)'
}

# Boot and reload of the same env file must end in the same FRR state (FRR 10.7.1 keeps
# use-underlays-nexthop-weight on at boot and turns it off on reload, unless the product
# makes them agree). RELOADED_CONFIG was taken after the last live change; this boots the
# same file afresh (no graceful-restart stamp: a plain boot) and compares.
live_boot_equals_reload() {
  local booted="$LAB_WORK/running-config-booted.txt" reloaded="$LAB_WORK/running-config-reloaded.txt"
  printf '%s\n' "$RELOADED_CONFIG" >"$reloaded"
  stop_product
  rm -f /var/lib/frr/talos-frr.stopped
  start_product
  wait_for "$FIRST_ROUTE_TIMEOUT" "the fresh boot" grep -q 'talos-frr: boot complete' "$PRODUCT_LOG" || true
  wait_converged
  running_config >"$booted"
  check boot-equals-reload "$(diff "$reloaded" "$booted" | grep -c '^[<>]') line(s) differ between FRR after the live changes and after a fresh boot of the same file (see $(basename "$reloaded"), $(basename "$booted"))" \
    diff -q "$reloaded" "$booted"
}

# lb_never_missing SAMPLES: every sample has the route in BGP and in the FIB.
lb_never_missing() {
  awk '$3 == 0 || $5 == 0 { missing = 1 } END { exit missing }' "$1"
}

print_live_figures() {
  local seconds median
  seconds="$(printf '%s\n' "${LIVE_SECONDS[@]}" | awk '{ print $2 }' | sort -n)"
  median="$(awk '{ v[NR] = $1 } END { if (NR == 0) print "none"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }' <<<"$seconds")"
  info live-change-seconds "median $median s from the write to live in FRR ($(printf '%s\n' "${LIVE_SECONDS[@]}" | paste -sd ',' | sed 's/,/, /g'))"
  info sessions-reset-per-change "$(printf '%s\n' "${RESETS[@]}" | paste -sd ',' | sed 's/,/, /g')"
}
