# Shared helpers of the in-UML lab runner: logging, polling, check tally.

LAB_WORK=/tmp/lab           # scratch space inside UML (tmpfs)
CHECKS_PASSED=0
CHECKS_FAILED=0
FAILED_CHECKS=()

log() {
  printf '[%5.1fs] %s\n' "$(lab_elapsed)" "$*"
}

lab_elapsed() {
  local now
  now=$(date +%s.%N)
  awk -v a="$now" -v b="$LAB_T0" 'BEGIN { printf "%.1f", a - b }'
}

now_seconds() {
  date +%s.%N
}

seconds_since() {
  awk -v a="$(now_seconds)" -v b="$1" 'BEGIN { printf "%.1f", a - b }'
}

# wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND every half second.
wait_for() {
  local timeout="$1" what="$2"
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      log "gave up after ${timeout}s waiting for: $what"
      return 1
    fi
    sleep 0.5
  done
}

pass() {
  CHECKS_PASSED=$((CHECKS_PASSED + 1))
  echo "PASS $1: $2"
}

fail() {
  CHECKS_FAILED=$((CHECKS_FAILED + 1))
  FAILED_CHECKS+=("$1")
  echo "FAIL $1: $2"
}

# check NAME FIGURE CONDITION...: PASS when CONDITION succeeds.
check() {
  local name="$1" figure="$2"
  shift 2
  if "$@" >/dev/null 2>&1; then pass "$name" "$figure"; else fail "$name" "$figure"; fi
}

info() {
  echo "INFO $1: $2"
}

print_tally() {
  echo "$CHECKS_PASSED passed, $CHECKS_FAILED failed"
  ((CHECKS_FAILED == 0)) || echo "failed checks: ${FAILED_CHECKS[*]}"
}

# env_value FILE KEY DEFAULT: the value of KEY in an env file, else DEFAULT.
env_value() {
  local file="$1" key="$2" default="$3" line
  line="$(grep -E "^[[:space:]]*$key=" "$file" | tail -n 1)" || true
  if [[ -n "$line" ]]; then echo "${line#*=}"; else echo "$default"; fi
}
