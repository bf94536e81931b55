# The MetalLB stand-in: gobgpd in the host namespace, started once the
# product has created veth-metallb and its address.

SPEAKER_LB_V4=(192.0.2.10/32 192.0.2.11/32)
SPEAKER_LB_V6=(2001:db8:96::1/128)
SPEAKER_API=127.0.0.1:50051 # gobgp_cli below uses the same
SPEAKER_PASSWORD=""

gobgp_cli() {
  gobgp --host 127.0.0.1 --port 50051 "$@"
}

has_local_address() {
  # An IPv6 address is usable once duplicate address detection is over.
  ip -j addr show dev veth-metallb 2>/dev/null |
    jq -e --arg a "$(canonical_ip "$1")" '.[0].addr_info[] | select(.local == $a and (.tentative | not))' >/dev/null
}

start_speaker() {
  local conf="$LAB_WORK/gobgpd.toml" p
  sed -e "s/@ASN_SPEAKER@/$ASN_METALLB_SPEAKER/" -e "s/@ASN_VRF@/$ASN_VRF_METALLB/" \
    -e "s/@ROUTER_ID@/192.0.2.254/" \
    -e "s/@PEER_IP_FRR@/$PEER_IP_FRR_SHOWN/" -e "s/@PEER_IP_METALLB@/$PEER_IP_METALLB/" \
    "$LAB_E2E_DIR/speaker/gobgpd.toml.in" >"$conf"
  # The session's TCP MD5 password, when the scenario sets one (lib/passwords.sh).
  if [[ -n "$SPEAKER_PASSWORD" ]]; then
    sed -i "s|@AUTH_PASSWORD@|auth-password = \"$SPEAKER_PASSWORD\"|" "$conf"
  else
    sed -i '/@AUTH_PASSWORD@/d' "$conf"
  fi
  gobgpd -f "$conf" -t toml -p --api-hosts "$SPEAKER_API" --pprof-disable \
    >"$LAB_WORK/gobgpd.log" 2>&1 &
  echo $! >"$LAB_WORK/gobgpd.pid"
  wait_for 30 "gobgpd API" gobgp_cli global
  for p in "${SPEAKER_LB_V4[@]}"; do gobgp_cli global rib add -a ipv4 "$p" origin igp; done
  for p in "${SPEAKER_LB_V6[@]}"; do gobgp_cli global rib add -a ipv6 "$p" origin igp; done
  log "speaker: gobgpd pid $(cat "$LAB_WORK/gobgpd.pid") announces ${SPEAKER_LB_V4[*]} ${SPEAKER_LB_V6[*]}"
}

speaker_running() {
  kill -0 "$(cat "$LAB_WORK/gobgpd.pid" 2>/dev/null)" 2>/dev/null
}

# Starts the speaker in the background as soon as veth-metallb has its
# address, so the time-to-first-route figure includes no lab overhead.
# Once started it stays up across runs of the product, like MetalLB would.
start_speaker_when_ready() {
  speaker_running && return 0
  (
    wait_for 300 "veth-metallb with $PEER_IP_METALLB" has_local_address "$PEER_IP_METALLB" &&
      start_speaker
  ) &
}
