# Timers (issue 15, item 5): what FRR and the leaves show of scenarios/timers.env.

# node_bgp_timers VRF PEER: "configured keepalive/hold, negotiated hold" in ms, from the node's bgpd.
node_bgp_timers() {
  vtysh -c "show bgp vrf $1 neighbors $2 json" 2>/dev/null |
    jq -r --arg p "$2" '.[$p] | "configured \(.bgpTimerConfiguredKeepAliveIntervalMsecs)/\(.bgpTimerConfiguredHoldTimeMsecs), negotiated hold \(.bgpTimerHoldTimeMsecs)"'
}

# leaf_bfd_view LEAF: the node's BFD timers as the leaf's bfdd received them.
leaf_bfd_view() {
  leaf_vtysh "$1" 'show bfd peers json' 2>/dev/null |
    jq -r '[.[] | "rx \(.["remote-receive-interval"]) tx \(.["remote-transmit-interval"]) x\(.["remote-detect-multiplier"])"] | join(", ")'
}

check_timers() {
  local fabric speaker bfd
  fabric="$(node_bgp_timers default fab0)"
  check timers-fabric "fab0: $fabric (want configured 3000/9000, negotiated 3000 with the leaf's 3 s)" \
    test "$fabric" == "configured 3000/9000, negotiated hold 3000"
  speaker="$(node_bgp_timers "$VRF_METALLB" "$(canonical_ip "$PEER_IP_METALLB")")"
  check timers-speaker "speaker: $speaker (want configured 2000/6000, negotiated 6000 with gobgpd's 9 s)" \
    test "$speaker" == "configured 2000/6000, negotiated hold 6000"
  bfd="$(leaf_bfd_view leaf1)"
  check bfd-profile-at-leaf "leaf1 receives from the node: $bfd (want rx 100 tx 200 x5)" test "$bfd" == "rx 100 tx 200 x5"
  # The profile and timer lines round-trip: FRR runs the file as rendered, with no second load.
  check timers-running-config "$(grep -c 'differs from frr.conf' "$PRODUCT_LOG" || true) 'differs from frr.conf' line(s) in the log" \
    bash -c '! grep -q "differs from frr.conf" "$1"' _ "$PRODUCT_LOG"
}
