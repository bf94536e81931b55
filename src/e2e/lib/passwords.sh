# TCP MD5 passwords (issue 15, item 1): the node reads them from files beside its env file; leaf1
# and the speaker have the right ones, leaf2 a wrong one until the scenario corrects it.

LAB_FABRIC_PASSWORD='lab-Fabric!pw#1'
LAB_SPEAKER_PASSWORD='lab-Speaker-pw2'
LAB_WRONG_PASSWORD='lab-wrong-pw3'

write_password_files() {
  local dir
  dir="$(dirname "$NODE_ENV")"
  printf '%s\n' "$LAB_FABRIC_PASSWORD" >"$dir/fabric.password"
  printf '%s' "$LAB_SPEAKER_PASSWORD" >"$dir/metallb.password"
  chmod 0600 "$dir/fabric.password" "$dir/metallb.password"
}

# leaf_password LEAF PASSWORD: sets the password of the leaf's session toward the node.
leaf_password() {
  local link name mac mtu leaf asn loopback
  for link in "${FABRIC_LINKS[@]}"; do
    read -r name mac mtu leaf asn loopback <<<"$link"
    [[ "$leaf" == "$1" ]] || continue
    vtysh -N "$leaf" -c 'configure terminal' -c "router bgp $asn" -c "neighbor eth0 password $2" >/dev/null
  done
}

fabric_established() {
  [[ "$(fabric_state "$1")" == Established/Established ]]
}

# The kernel's TCP MD5 counters in the leaf's namespace: segments dropped for a wrong or missing key.
md5_counters() {
  ip netns exec "$1" nstat -az TcpExtTCPMD5Failure TcpExtTCPMD5NotFound TcpExtTCPMD5Unexpected 2>/dev/null |
    awk '/^TcpExt/ { printf "%s=%s ", $1, $2 }'
}

# Every output of the product: its logs, and what /health, /health/ready and /metrics answer.
check_no_password_in_outputs() {
  local out="$LAB_WORK/outputs-for-passwords.txt" p found=""
  { cat "$LAB_WORK"/entrypoint-*.log; curl -s -m 5 "$HEALTH_URL/health"; curl -s -m 5 "$HEALTH_URL/health/ready"
    metrics; } >"$out" 2>&1 || true
  for p in "$LAB_FABRIC_PASSWORD" "$LAB_SPEAKER_PASSWORD"; do
    grep -qF -- "$p" "$out" && found+=" $p"
  done
  check no-password-in-outputs "$(wc -l <"$out") lines of logs, /health and /metrics searched; found:${found:- none}" \
    test -z "$found"
  check password-in-frr-conf "frr.conf has the password lines, mode $(stat -c %a "$NODE_FRR_DIR/frr.conf")" \
    bash -c 'grep -qF "neighbor FABRIC password $1" "$3" && grep -qF "neighbor METALLB password $2" "$3"' \
    _ "$LAB_FABRIC_PASSWORD" "$LAB_SPEAKER_PASSWORD" "$NODE_FRR_DIR/frr.conf"
}

passwords_check() {
  time_first_lb_route "$FIRST_ROUTE_TIMEOUT"
  wait_for 60 "leaf1 Established" fabric_established leaf1 || true
  check password-leaf-matching "leaf1 $(fabric_state leaf1)" fabric_established leaf1
  wait_for 60 "speaker Established" speaker_established || true
  check password-speaker-matching "speaker $(speaker_state)" speaker_established
  # Past the readiness startup window, and long enough for many connection attempts (timers 1 3).
  sleep "$OPS_STARTUP_WINDOW_SECONDS"
  check password-leaf-wrong "leaf2 $(fabric_state leaf2) after $(seconds_since "$PRODUCT_T0") s; $(md5_counters leaf2)" \
    bash -c '! [[ "$1" == *Established* ]]' _ "$(fabric_state leaf2)"
  http_get /health/ready
  check password-health-names-session "/health/ready $HTTP_CODE: $(ready_message)" \
    bash -c '[[ "$1" == *fab1* ]]' _ "$(ready_message)"
  check_no_password_in_outputs

  leaf_password leaf2 "$LAB_FABRIC_PASSWORD"
  wait_for 60 "leaf2 Established with the right password" fabric_established leaf2 || true
  check password-leaf-corrected "leaf2 $(fabric_state leaf2) once its password matches" fabric_established leaf2
  wait_for 30 "ready with both sessions" ready_code_is 200 || true
  http_get /health/ready
  check password-health-recovered "/health/ready $HTTP_CODE: $(ready_message)" test "$HTTP_CODE" == 200
}
