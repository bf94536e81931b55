# The product under test, in the host's network namespace: either the extension image's service,
# started as Talos starts it (LAB_IMAGE, src/e2e/lib/talos-service.py) with the env file where an
# ExtensionServiceConfig points TALOSFRR_ENV_FILE for live changes, or `<product> run --env-file
# FILE` on the guest's Debian root. FRR's layout is the defaults' (Debian's, as in the image).

PRODUCT_RUNS=0
# Extra runtime settings for the product (NAME=VALUE words), set by a scenario.
PRODUCT_ENV=()

# Reads the settings the lab itself needs (speaker, checks) from the env
# file, with the defaults of docs/design.md, "Configuration".
load_settings() {
  local f="$1"
  FE_MACS="$(env_value "$f" FE_MACS "")"
  FE_PORT_NAMES="$(env_value "$f" FE_PORT_NAMES "")"
  ASN_LOCAL="$(env_value "$f" ASN_LOCAL "")"
  ASN_VRF_METALLB="$(env_value "$f" ASN_VRF_METALLB 4000099998)"
  ASN_METALLB_SPEAKER="$(env_value "$f" ASN_METALLB_SPEAKER 4000099999)"
  VRF_METALLB="$(env_value "$f" VRF_METALLB metallb)"
  VRF_TABLE="$(env_value "$f" METALLB_VRF_ROUTE_TABLE_ID 88)"
  PEER_IP_FRR="$(env_value "$f" PEER_IP_FRR fda1:b2c3:d4e5:1::0)"
  PEER_IP_METALLB="$(env_value "$f" PEER_IP_METALLB fda1:b2c3:d4e5:1::1)"
  PEER_IP_PREFIX="$(env_value "$f" PEER_IP_PREFIX 127)"
  ENABLE_BFD="$(env_value "$f" ENABLE_BFD true)"
  # As ip(8) prints them (fda1:b2c3:d4e5:1::0 is shown as fda1:b2c3:d4e5:1::).
  PEER_IP_FRR_SHOWN="$(canonical_ip "$PEER_IP_FRR")"
  PEER_IP_METALLB_SHOWN="$(canonical_ip "$PEER_IP_METALLB")"
  if [[ "$PEER_IP_FRR" == *:* ]]; then PEER_FAMILY=-6; else PEER_FAMILY=-4; fi
}

canonical_ip() {
  python3 -c 'import ipaddress, sys; print(ipaddress.ip_address(sys.argv[1]))' "$1" 2>/dev/null || echo "$1"
}

# Where the node's env file and rendered FRR files are, as the guest (Talos' host) sees them.
if [[ -n "${LAB_IMAGE:-}" ]]; then
  NODE_FRR_DIR=/var/lib/talos-frr/frr
else
  NODE_FRR_DIR=/etc/frr
fi

prepare_env_file() {
  if [[ -n "${LAB_IMAGE:-}" ]]; then
    # The live env-file directory the service definition mounts read-only.
    NODE_ENV=/var/lib/talos-frr/env/talos-frr.env
    mkdir -p "$(dirname "$NODE_ENV")"
  else
    NODE_ENV="$LAB_WORK/node.env"
  fi
  sed "s|@ENV_DIR@|$(dirname "$NODE_ENV")|g" "$LAB_E2E_DIR/scenarios/$1.env" >"$NODE_ENV"
  load_settings "$NODE_ENV"
}

# start_product: runs the product in the background; sets PRODUCT_PID,
# PRODUCT_T0 and PRODUCT_LOG (one log per run).
start_product() {
  PRODUCT_RUNS=$((PRODUCT_RUNS + 1))
  PRODUCT_LOG="$LAB_WORK/entrypoint-$PRODUCT_RUNS.log"
  PRODUCT_T0="$(now_seconds)"
  if [[ -n "${LAB_IMAGE:-}" ]]; then
    local -a config=(--env "TALOSFRR_ENV_FILE=$NODE_ENV") e
    for e in "${PRODUCT_ENV[@]}"; do config+=(--env "$e"); done
    log "product: starting run $PRODUCT_RUNS: the image's service, ${config[*]}"
    # shellcheck disable=SC2086 # LAB_PRODUCT is a command line: the runner and the image
    $LAB_PRODUCT "${config[@]}" >"$PRODUCT_LOG" 2>&1 &
  else
    log "product: starting run $PRODUCT_RUNS: $LAB_PRODUCT run --env-file $NODE_ENV"
    # shellcheck disable=SC2086 # LAB_PRODUCT is a command line, e.g. "java -jar X"
    env "${PRODUCT_ENV[@]}" \
        $LAB_PRODUCT run --env-file "$NODE_ENV" >"$PRODUCT_LOG" 2>&1 &
  fi
  PRODUCT_PID=$!
}

# stop_leftover_frr: SIGTERM to the node's FRR daemons by their pid files (the leaves' are in
# subdirectories), then SIGKILL to any still there after 30 s.
stop_leftover_frr() {
  local f pids=()
  for f in /var/run/frr/*.pid; do
    [[ -e "$f" ]] && pids+=("$(cat "$f")")
  done
  ((${#pids[@]})) || return 0
  log "node: FRR left running by the killed run (pids ${pids[*]}); stopping it"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  if ! wait_for 30 "the leftover FRR daemons to exit" bash -c 'for p; do kill -0 "$p" 2>/dev/null && exit 1; done; exit 0' _ "${pids[@]}"; then
    kill -KILL "${pids[@]}" 2>/dev/null || true
  fi
  rm -f /var/run/frr/*.pid
}

# reap_product: sets PRODUCT_EXIT to the exit status of the finished run.
reap_product() {
  PRODUCT_EXIT=0
  wait "$PRODUCT_PID" 2>/dev/null || PRODUCT_EXIT=$?
}

product_alive() {
  kill -0 "$PRODUCT_PID" 2>/dev/null
}

# stop_product: SIGTERM, then waits; sets PRODUCT_EXIT (or "timeout").
stop_product() {
  if ! product_alive; then
    reap_product
    return 0
  fi
  log "product: SIGTERM to pid $PRODUCT_PID"
  kill -TERM "$PRODUCT_PID"
  if wait_for 60 "the product to exit after SIGTERM" bash -c "! kill -0 $PRODUCT_PID"; then
    reap_product
  else
    PRODUCT_EXIT=timeout
    kill -KILL "$PRODUCT_PID" 2>/dev/null || true
  fi
}

kill_product() {
  log "product: SIGKILL to pid $PRODUCT_PID"
  kill -KILL "$PRODUCT_PID" 2>/dev/null || true
  wait "$PRODUCT_PID" 2>/dev/null || true
}

# run_product_to_exit SECONDS: for runs that must end by themselves.
run_product_to_exit() {
  start_product
  if wait_for "$1" "the product to exit" bash -c "! kill -0 $PRODUCT_PID"; then
    reap_product
  else
    PRODUCT_EXIT=timeout
    kill -KILL "$PRODUCT_PID" 2>/dev/null || true
  fi
  log "product: exited with $PRODUCT_EXIT"
}
