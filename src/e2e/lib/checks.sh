# The lab's checks. Each prints PASS/FAIL <name>: <figure>; the figure is
# what was observed, so a failure is readable without the logs.

# --- queries -------------------------------------------------------------

vrf_table() {
  ip -d -j link show "$VRF_METALLB" 2>/dev/null |
    jq -r '.[0].linkinfo | select(.info_kind == "vrf") | .info_data.table'
}

link_field() {
  ip -j link show "$1" 2>/dev/null | jq -r ".[0].$2 // empty"
}

link_addresses() {
  ip -j addr show dev "$1" 2>/dev/null |
    jq -r '[.[0].addr_info[] | select(.scope == "global") | "\(.local)/\(.prefixlen)"] | join(",")'
}

# Rules sending PEER_IP_FRR to the VRF table, one line each.
policy_rules() {
  ip "$PEER_FAMILY" -j rule show 2>/dev/null |
    jq -r --arg dst "$PEER_IP_FRR_SHOWN" --arg t "$VRF_TABLE" \
      '.[] | select(.dst == $dst and (.table | tostring) == $t) | "pref \(.priority) to \(.dst) lookup \(.table)"'
}

# FRR 9 and later run mgmtd, the front end of zebra's and staticd's configuration.
FRR_DAEMONS=(watchfrr zebra bgpd staticd)
[[ -x /usr/lib/frr/mgmtd ]] && FRR_DAEMONS=(watchfrr mgmtd zebra bgpd staticd)

node_daemon_running() {
  local pid
  pid="$(cat "/var/run/frr/$1.pid" 2>/dev/null)" && kill -0 "$pid" 2>/dev/null
}

# fabric_state LEAF: "ipv4/ipv6" session states of the leaf's port.
fabric_state() {
  leaf_vtysh "$1" 'show bgp summary json' 2>/dev/null |
    jq -r '"\(.ipv4Unicast.peers.eth0.state // "none")/\(.ipv6Unicast.peers.eth0.state // "none")"'
}

# The neighbor as ip(8) prints it, the form gobgpd.toml names it in (gobgp 4 keys peers by that
# form, 3 by the string given); a failing gobgp is an empty state, not the end of the scenario.
speaker_state() {
  # gobgp 3 prints "BGP state = ESTABLISHED, up for ...", gobgp 4 "SESSION_STATE_ESTABLISHED".
  { gobgp_cli neighbor "$PEER_IP_FRR_SHOWN" 2>&1 || true; } |
    awk -F'= ' '/BGP state/ { split($2, a, ","); sub(/^SESSION_STATE_/, "", a[1]); print toupper(a[1]) }'
}

# leaf_route LEAF AFI PREFIX: "<as path> via <nexthop>" of the best path, if any.
leaf_route() {
  leaf_vtysh "$1" "show bgp $2 unicast $3 json" 2>/dev/null |
    jq -r '.paths[]? | select(.bestpath.overall == true)
           | "[\(.aspath.string)] via \([.nexthops[]? | .ip] | unique | join(","))"'
}

# leaf_fib LEAF PREFIX: the kernel route at the leaf (proves it was installed).
leaf_fib() {
  local family=-4
  [[ "$2" == *:* ]] && family=-6
  ip -n "$1" "$family" -j route show "$2" 2>/dev/null |
    jq -r '.[0] | select(. != null)
           | if .nexthops then [.nexthops[] | "\(.gateway // .via.host // "?") dev \(.dev)"] | join(" + ")
             else "\(.gateway // .via.host // "?") dev \(.dev)" end'
}

# node_fib PREFIX: the node's kernel route (main table) for a LoadBalancer IP.
node_fib() {
  local family=-4
  [[ "$1" == *:* ]] && family=-6
  ip "$family" -j route show "$1" 2>/dev/null |
    jq -r '.[0] | select(. != null) | "\(.gateway // .via.host // "?") dev \(.dev)"'
}

node_route_paths() {
  vtysh -c "show bgp $1 unicast $2 json" 2>/dev/null | jq -r '[.paths[]?] | length'
}

# speaker_rib_count adj-in|adj-out AFI: prefixes the speaker received/sent.
speaker_rib_count() {
  { gobgp_cli -j neighbor "$PEER_IP_FRR_SHOWN" "$1" -a "$2" 2>/dev/null || true; } | jq -s '.[0] // {} | length'
}

bfd_peers_up() {
  vtysh -c 'show bfd peers json' 2>/dev/null | jq -r '[.[] | select(.status == "up")] | length'
}

# --- waits ---------------------------------------------------------------

lb_route_at_any_leaf() {
  local leaf
  for leaf in "${LEAVES[@]}"; do
    [[ -n "$(leaf_route "$leaf" ipv4 "${SPEAKER_LB_V4[0]}")" ]] && return 0
  done
  return 1
}

# Everything the checks look at, so they run once the lab has converged.
converged() {
  local leaf p
  for leaf in "${LEAVES[@]}"; do
    [[ "$(fabric_state "$leaf")" == Established/Established ]] || return 1
    for p in "${SPEAKER_LB_V4[@]}" "$NODE_LO_V4/32" "$NODE_DUMMY0_V4/32"; do
      [[ -n "$(leaf_route "$leaf" ipv4 "$p")" ]] || return 1
    done
    # Over IPv4 peering no IPv6 LB route is expected: do not wait for one.
    [[ "$PEER_FAMILY" == -6 ]] || continue
    for p in "${SPEAKER_LB_V6[@]}"; do
      [[ -n "$(leaf_route "$leaf" ipv6 "$p")" ]] || return 1
    done
  done
  if [[ "$ENABLE_BFD" == true ]]; then
    [[ "$(bfd_peers_up)" == "${#FABRIC_LINKS[@]}" ]] || return 1
  fi
}

lb_route_or_product_exited() {
  lb_route_at_any_leaf || ! product_alive
}

# Waits for the first LoadBalancer route at a leaf and reports the seconds
# since the entrypoint started; a product that exits meanwhile ends the wait.
time_first_lb_route() {
  if wait_for "$1" "${SPEAKER_LB_V4[0]} at a leaf" lb_route_or_product_exited && lb_route_at_any_leaf; then
    pass first-lb-route "${SPEAKER_LB_V4[0]} at a leaf $(seconds_since "$PRODUCT_T0") s after the entrypoint started"
  elif ! product_alive; then
    fail first-lb-route "the product exited before ${SPEAKER_LB_V4[0]} reached a leaf: $(tail -n 2 "$PRODUCT_LOG" | paste -sd ' ')"
  else
    fail first-lb-route "${SPEAKER_LB_V4[0]} at no leaf within $1 s of the entrypoint start"
  fi
}

# --- checks --------------------------------------------------------------

check_host_network() {
  local table master mtus frr_addrs metallb_addrs rules
  table="$(vrf_table)"
  check vrf "$VRF_METALLB table ${table:-none} (want $VRF_TABLE)" test "$table" == "$VRF_TABLE"
  master="$(link_field veth-frr master)"
  check veth-enslaved "veth-frr master ${master:-none} (want $VRF_METALLB)" test "$master" == "$VRF_METALLB"
  mtus="$(link_field veth-frr mtu)/$(link_field veth-metallb mtu)"
  check mtu "veth-frr/veth-metallb $mtus (want 9000/9000, the first fabric port's)" test "$mtus" == 9000/9000
  frr_addrs="$(link_addresses veth-frr)"
  metallb_addrs="$(link_addresses veth-metallb)"
  check p2p-addresses "veth-frr ${frr_addrs:-none}, veth-metallb ${metallb_addrs:-none}" \
    test "$frr_addrs,$metallb_addrs" == "$PEER_IP_FRR_SHOWN/$PEER_IP_PREFIX,$PEER_IP_METALLB_SHOWN/$PEER_IP_PREFIX"
  rules="$(policy_rules | paste -sd ';')"
  check policy-rule "${rules:-none} (want exactly one)" test "$(policy_rules | wc -l)" == 1
}

check_daemons() {
  local d running=() missing=() want=("${FRR_DAEMONS[@]}")
  [[ "$ENABLE_BFD" == true ]] && want+=(bfdd)
  for d in "${want[@]}"; do
    if node_daemon_running "$d"; then running+=("$d"); else missing+=("$d"); fi
  done
  check daemons "running: ${running[*]:-none}; missing: ${missing[*]:-none}" test "${#missing[@]}" == 0
  if [[ "$ENABLE_BFD" != true ]]; then
    check bfdd-off "bfdd pid file: $(cat /var/run/frr/bfdd.pid 2>/dev/null || echo none), processes: $(pgrep -c -x bfdd || true) (leaves' included)" \
      bash -c "! test -e /var/run/frr/bfdd.pid && ! grep -q '^bfdd=yes' $NODE_FRR_DIR/daemons"
  fi
}

check_sessions() {
  local leaf state
  for leaf in "${LEAVES[@]}"; do
    state="$(fabric_state "$leaf")"
    check "fabric-session-$leaf" "ipv4/ipv6 $state" test "$state" == Established/Established
  done
  state="$(speaker_state)"
  check metallb-session "gobgpd -> $PEER_IP_FRR: ${state:-unknown}" test "${state,,}" == established
}

check_routes_at_leaves() {
  local p leaf route routes paths
  for p in "${SPEAKER_LB_V4[@]}" "$NODE_LO_V4/32" "$NODE_DUMMY0_V4/32"; do
    routes=() paths=()
    for leaf in "${LEAVES[@]}"; do
      route="$(leaf_route "$leaf" ipv4 "$p")"
      routes+=("$leaf ${route:-none}, fib $(leaf_fib "$leaf" "$p" || true)")
      paths+=("${route%% via *}")
    done
    # ECMP-able: both leaves hold the route with the same AS path.
    check "route-$p" "$(IFS=';'; echo "${routes[*]}")" \
      bash -c '[[ "$1" != "" && "$1" == "$2" && "$3" != *none* && "$4" != *none* ]]' _ \
      "${paths[0]}" "${paths[1]}" "${routes[0]}" "${routes[1]}"
  done
  for p in "${SPEAKER_LB_V6[@]}"; do
    routes=()
    for leaf in "${LEAVES[@]}"; do
      route="$(leaf_route "$leaf" ipv6 "$p")"
      routes+=("$leaf ${route:-none}")
    done
    if [[ "$PEER_FAMILY" == -6 ]]; then
      check "route-$p" "$(IFS=';'; echo "${routes[*]}")" \
        bash -c '[[ "$1" != *none* && "$2" != *none* ]]' _ "${routes[0]}" "${routes[1]}"
    else
      # Over IPv4 peering the product takes no IPv6 routes from the speaker: they would reach the
      # node with an IPv4-mapped next hop it cannot install, and be announced as a blackhole.
      check "route-$p-not-announced" "$(IFS=';'; echo "${routes[*]}")" \
        bash -c '[[ "$1" == *none* && "$2" == *none* ]]' _ "${routes[0]}" "${routes[1]}"
    fi
  done
  route="$(leaf_route leaf1 ipv6 "$NODE_LO_V6/128")"
  info "node-lo-v6" "$NODE_LO_V6/128 at leaf1: ${route:-none}"
}

# A LoadBalancer IP the leaves learn must be forwardable by the node, or
# the node announces a blackhole.
check_node_fib() {
  local p route expected=("${SPEAKER_LB_V4[@]}")
  [[ "$PEER_FAMILY" == -6 ]] && expected+=("${SPEAKER_LB_V6[@]}")
  for p in "${expected[@]}"; do
    route="$(node_fib "$p")"
    check "node-fib-$p" "node kernel route: ${route:-none}" test -n "$route"
  done
}

check_nothing_back_to_speaker() {
  local in4 in6 out4 out6
  in4="$(speaker_rib_count adj-in ipv4)"
  in6="$(speaker_rib_count adj-in ipv6)"
  # What the speaker sent, read the same way, shows the query works.
  out4="$(speaker_rib_count adj-out ipv4)"
  out6="$(speaker_rib_count adj-out ipv6)"
  # Over IPv4 peering the IPv6 family is not negotiated: the speaker sends nothing in it.
  local sent6="${#SPEAKER_LB_V6[@]}"
  [[ "$PEER_FAMILY" == -6 ]] || sent6=0
  check nothing-to-speaker "the speaker received ipv4 ${in4:-?}, ipv6 ${in6:-?} (and sent ${out4:-?}, ${out6:-?})" \
    test "${in4:-?}/${in6:-?}/${out4:-?}/${out6:-?}" == "0/0/${#SPEAKER_LB_V4[@]}/$sent6"
}

check_no_transit() {
  local link name mac mtu leaf asn loopback other_leaf other_loopback at_node at_other
  for link in "${FABRIC_LINKS[@]}"; do
    read -r name mac mtu leaf asn loopback <<<"$link"
    for other_leaf in "${LEAVES[@]}"; do
      [[ "$other_leaf" == "$leaf" ]] && continue
      at_node="$(node_route_paths ipv4 "$loopback/32")"
      at_other="$(leaf_route "$other_leaf" ipv4 "$loopback/32")"
      # The node must have learned it, or the check proves nothing.
      check "no-transit-$leaf-to-$other_leaf" \
        "$loopback/32: ${at_node:-0} path(s) at the node, at $other_leaf: ${at_other:-none}" \
        bash -c '[[ "$1" -ge 1 && -z "$2" ]]' _ "${at_node:-0}" "$at_other"
    done
  done
}

check_bfd() {
  [[ "$ENABLE_BFD" == true ]] || return 0
  local up
  up="$(bfd_peers_up)"
  check bfd "${up:-0} of ${#FABRIC_LINKS[@]} BFD peers up at the node" test "${up:-0}" == "${#FABRIC_LINKS[@]}"
}

check_running_node() {
  check_host_network
  check_daemons
  check_sessions
  check_routes_at_leaves
  check_node_fib
  check_nothing_back_to_speaker
  check_no_transit
  check_bfd
}

# After SIGTERM the product stops FRR and exits cleanly.
check_stopped() {
  local left=()
  local d
  for d in "${FRR_DAEMONS[@]}" bfdd; do
    node_daemon_running "$d" && left+=("$d")
  done
  check sigterm-exit "the product exited with ${PRODUCT_EXIT:-?} after SIGTERM" test "${PRODUCT_EXIT:-?}" == 0
  check sigterm-stops-frr "node daemons still running: ${left[*]:-none}" test "${#left[@]}" == 0
}

# Nothing of the product's on the node (bad configuration).
check_host_untouched() {
  local left=()
  ip link show "$VRF_METALLB" >/dev/null 2>&1 && left+=("vrf $VRF_METALLB")
  ip link show veth-frr >/dev/null 2>&1 && left+=(veth-frr)
  ip link show veth-metallb >/dev/null 2>&1 && left+=(veth-metallb)
  [[ -n "$(policy_rules)" ]] && left+=("rule to $PEER_IP_FRR")
  [[ -e "$NODE_FRR_DIR/frr.conf" ]] && left+=("$NODE_FRR_DIR/frr.conf")
  [[ -e "$NODE_FRR_DIR/daemons" ]] && left+=("$NODE_FRR_DIR/daemons")
  [[ -e /var/run/frr/watchfrr.pid ]] && left+=(watchfrr)
  check host-untouched "left on the node: ${left[*]:-nothing}" test "${#left[@]}" == 0
}
