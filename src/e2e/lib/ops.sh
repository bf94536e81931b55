# Operations (issue 5): what an operator reads while the node runs, and what
# it shows when FRR or the fabric fails: /metrics, /health/ready, JMX.

HEALTH_URL=http://127.0.0.1:9479
# The lab reads FRR's state every second and ends the readiness startup
# window early, so that failures show within seconds (defaults: 5 s, 120 s).
OPS_OBSERVE_PERIOD_MS=1000
OPS_STARTUP_WINDOW_SECONDS=20
# The restarted bgpd must have its fabric sessions back within this.
BGPD_BACK_SECONDS=30

metrics() {
  curl -s -m 5 "$HEALTH_URL/metrics" || true
}

# session_metric PORT: talosfrr_bgp_session_established of that fabric port.
session_metric() {
  metrics | awk -v port="peer=\"$1\"" '/^talosfrr_bgp_session_established\{/ && index($0, port) { print $2 }'
}

bgpd_restarts_metric() {
  metrics | awk '/^talosfrr_frr_daemon_restarts_total\{daemon="bgpd"\}/ { print $2 }'
}

session_metrics_up() {
  local port
  for port in "$@"; do
    session_metric_is "$port" 1 || return 1
  done
}

session_metric_is() {
  [[ "$(session_metric "$1")" == "$2" ]]
}

# http_get PATH: sets HTTP_CODE and HTTP_BODY.
http_get() {
  local out
  out="$(curl -s -m 5 -w '\n%{http_code}' "$HEALTH_URL$1" || true)"
  HTTP_CODE="${out##*$'\n'}"
  HTTP_BODY="${out%$'\n'*}"
}

# The readiness sentence: the bgp-sessions check's message.
ready_message() {
  jq -r '[.checks[]? | select(.name == "bgp-sessions") | .message] | join("")' <<<"$HTTP_BODY" 2>/dev/null || true
}

ready_code_is() {
  http_get /health/ready
  [[ "$HTTP_CODE" == "$1" ]]
}

ops_metrics() {
  wait_for 30 "session metrics of fab0 and fab1" session_metrics_up fab0 fab1 || true
  local lines
  lines="$(metrics | grep '^talosfrr_bgp_session_established' | paste -sd ';' || true)"
  check metrics-sessions "${lines:-no talosfrr_bgp_session_established lines}" \
    bash -c '[[ "$1" == 1 && "$2" == 1 ]]' _ "$(session_metric fab0)" "$(session_metric fab1)"
  info metrics-lines "$(metrics | grep -c '^talosfrr_' || true) talosfrr_ samples; applies: $(metrics | grep '^talosfrr_applies_total' | paste -sd ' ' || true)"
}

node_bgpd_pid() {
  cat /var/run/frr/bgpd.pid 2>/dev/null || true
}

# bgpd_back OLD_PID: a new bgpd wrote its pid file and runs.
bgpd_back() {
  local pid
  pid="$(node_bgpd_pid)"
  [[ -n "$pid" && "$pid" != "$1" ]] && kill -0 "$pid" 2>/dev/null
}

fabric_both_established() {
  [[ "$(fabric_state leaf1)/$(fabric_state leaf2)" == Established/Established/Established/Established ]]
}

# kill -9 bgpd: watchfrr restarts it and reloads its configuration.
ops_kill_bgpd() {
  local old t0 back sessions
  old="$(node_bgpd_pid)"
  log "kill -9 bgpd (pid $old)"
  t0="$(now_seconds)"
  kill -KILL "$old"
  if wait_for 60 "bgpd restarted by watchfrr" bgpd_back "$old"; then back="$(seconds_since "$t0")"; else back=never; fi
  if wait_for 90 "fabric sessions after the bgpd restart" fabric_both_established; then
    sessions="$(seconds_since "$t0")"
  else
    sessions=never
  fi
  check bgpd-restarted "bgpd back after $back s (pid $old -> $(node_bgpd_pid)), fabric sessions Established after $sessions s (want <= $BGPD_BACK_SECONDS)" \
    bash -c '[[ "$1" != never ]] && awk -v s="$1" -v max="$2" "BEGIN { exit !(s <= max) }"' _ "$sessions" "$BGPD_BACK_SECONDS"
  wait_for 20 "the bgpd restart counted" bgpd_restarts_metric_is 1 || true
  check bgpd-restart-counted "talosfrr_frr_daemon_restarts_total{daemon=\"bgpd\"} $(bgpd_restarts_metric) (want 1)" \
    test "$(bgpd_restarts_metric)" == 1
}

bgpd_restarts_metric_is() {
  [[ "$(bgpd_restarts_metric)" == "$1" ]]
}

# leaf_port LEAF up|down: the leaf's end of its fabric link.
leaf_port() {
  log "$1: eth0 $2"
  ip -n "$1" link set eth0 "$2"
}

ops_readiness() {
  local wait_start
  # Past the startup window, one Established fabric session keeps the node ready.
  wait_start=$(awk -v w="$OPS_STARTUP_WINDOW_SECONDS" -v s="$(seconds_since "$PRODUCT_T0")" 'BEGIN { d = w + 1 - s; print (d > 0 ? int(d) + 1 : 0) }')
  sleep "$wait_start"
  wait_for 30 "ready" ready_code_is 200 || true
  check ready-all-up "/health/ready $HTTP_CODE: $(ready_message)" test "$HTTP_CODE" == 200

  leaf_port leaf1 down
  wait_for 30 "fab0 down in /metrics" session_metric_is fab0 0 || true
  http_get /health/ready
  check ready-one-leaf-down "/health/ready $HTTP_CODE: $(ready_message)" \
    bash -c '[[ "$1" == 200 && "$2" == *fab0* ]]' _ "$HTTP_CODE" "$(ready_message)"

  leaf_port leaf2 down
  wait_for 30 "fab1 down in /metrics" session_metric_is fab1 0 || true
  wait_for 10 "not ready" ready_code_is 503 || true
  check ready-both-leaves-down "/health/ready $HTTP_CODE: $(ready_message)" test "$HTTP_CODE" == 503

  leaf_port leaf1 up
  leaf_port leaf2 up
  # Ready comes back with the first session; wait for both, for the JMX
  # reading and the stop that follow.
  wait_for 90 "both fabric sessions back in /metrics" session_metrics_up fab0 fab1 || true
  wait_for 10 "ready again" ready_code_is 200 || true
  check ready-recovered "/health/ready $HTTP_CODE: $(ready_message)" \
    bash -c '[[ "$1" == 200 && "$2" == 1/1 ]]' _ "$HTTP_CODE" "$(session_metric fab0)/$(session_metric fab1)"
}

# jmx_start ATTRIBUTE...: the lab's JMX client (compiled by lab.sh from
# src/test/java/io/talosfrr/expose/JmxProbe.java, the unit tests' client too) attaches to the product's JVM by pid, as the
# same user, from a separate process; it runs in the background because a
# JVM takes ~15 s to start in UML.
jmx_start() {
  JMX_OUT="$LAB_WORK/jmx-client.txt"
  if [[ ! -f "$LAB_RESULTS/jmx-classes/io/talosfrr/expose/JmxProbe.class" ]]; then
    echo "no compiled client in $LAB_RESULTS/jmx-classes (javac missing on the host?)" >"$JMX_OUT"
    JMX_PID=""
    return 0
  fi
  log "jmx: client attaching to pid $PRODUCT_PID, reading $*"
  java -cp "$LAB_RESULTS/jmx-classes" io.talosfrr.expose.JmxProbe "$PRODUCT_PID" "$@" >"$JMX_OUT" 2>&1 &
  JMX_PID=$!
}

jmx_check() {
  local rc=0 restarts camel
  if [[ -n "$JMX_PID" ]]; then
    wait "$JMX_PID" || rc=$?
  else
    rc=missing
  fi
  restarts="$(grep -m1 '^DaemonRestarts=' "$JMX_OUT" || true)"
  camel="$(grep -m1 '^camel-mbeans=' "$JMX_OUT" || true)"
  check jmx-node-attribute "client exit $rc; ${restarts:-$(tail -n 1 "$JMX_OUT")}; ${camel:-no camel MBeans read} (want bgpd=1)" \
    bash -c '[[ "$1" == 0 && "$2" == *bgpd=1* ]]' _ "$rc" "$restarts"
  info jmx-read "$(grep -E '^(Ready|LastApply)=' "$JMX_OUT" | paste -sd ';' || true)"
}
