#!/usr/bin/env bash
# End-to-end lab: boots User-Mode Linux once per scenario and, inside it, runs
# the product as the node between two FRR leaves and a gobgpd MetalLB speaker.
#
# Usage (from the repository root):
#   src/e2e/lab.sh [--scenario NAME] [--interactive] [--show-routes]
#                  [--jar PATH] [--results DIR] [--product CMD]
#
# Exits non-zero if any check of any scenario failed. Results (lab log, the
# entrypoint's output, every daemon's log) land in <results>/<scenario>/.
set -euo pipefail

readonly E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly REPO_DIR="$(cd "$E2E_DIR/../.." && pwd)"
readonly ALL_SCENARIOS=(ipv6-p2p ipv4-p2p bfd-disabled port-names second-run killed-boot bad-config
                        live-changes operations)
readonly UML_MODULES_VERSION=6.1.176
# A scenario takes one to four minutes; this bounds a hung boot.
readonly UML_TIMEOUT_SECONDS=600

scenarios=()
interactive=false
show_routes=false
jar="$REPO_DIR/target/talos-frr.jar"
results="$REPO_DIR/target/lab-results"
product=""

usage() {
  sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

die() {
  echo "lab: $*" >&2
  exit 2
}

parse_args() {
  while (($#)); do
    case "$1" in
      --scenario) [[ $# -ge 2 ]] || die "--scenario needs a name"; scenarios+=("$2"); shift ;;
      --interactive) interactive=true ;;
      --show-routes) show_routes=true ;;
      --jar) [[ $# -ge 2 ]] || die "--jar needs a path"; jar="$2"; shift ;;
      --results) [[ $# -ge 2 ]] || die "--results needs a directory"; results="$2"; shift ;;
      # Replaces "java -jar JAR" (e.g. a hand-written reference node setup);
      # it is called as: CMD run --env-file FILE
      --product) [[ $# -ge 2 ]] || die "--product needs a command"; product="$2"; shift ;;
      -h|--help) usage; exit 0 ;;
      *) die "unknown argument: $1 (see --help)" ;;
    esac
    shift
  done
  # "all" (what mvn verify passes by default) is the same as no --scenario.
  if ((${#scenarios[@]} == 0)) || [[ " ${scenarios[*]} " == *" all "* ]]; then
    scenarios=("${ALL_SCENARIOS[@]}")
  fi
  local s
  for s in "${scenarios[@]}"; do
    [[ " ${ALL_SCENARIOS[*]} " == *" $s "* ]] || die "unknown scenario: $s (one of: ${ALL_SCENARIOS[*]})"
  done
  if [[ -z "$product" ]]; then
    [[ -f "$jar" ]] || die "no jar at $jar (build it: mvn -B -q package -DskipTests, or pass --jar)"
    product="java -jar $(realpath "$jar")"
  fi
  mkdir -p "$results"
  results="$(realpath "$results")"
  # UML sees the host root, except /tmp (a tmpfs inside); the kernel command
  # line that carries the results path splits on spaces.
  [[ "$product $E2E_DIR" != */tmp/* ]] || die "the product and src/e2e must not be under /tmp (UML has its own /tmp)"
  [[ "$results" != *" "* ]] || die "the results path must not contain spaces: $results"
}

require_tools() {
  local tool missing=()
  for tool in linux.uml insmod ip jq vtysh gobgpd gobgp java python3 timeout; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  [[ -d /usr/lib/uml/modules/$UML_MODULES_VERSION ]] || missing+=("uml modules $UML_MODULES_VERSION")
  ((${#missing[@]} == 0)) || die "missing: ${missing[*]} (apt-get install user-mode-linux kmod iproute2 frr frr-pythontools gobgpd jq openjdk-17-jre-headless python3)"
}

# Everything the in-UML runner needs; it reads this file through the
# read-only hostfs root, and writes into the same directory through a
# second, writable hostfs mount.
write_run_env() {
  local scenario="$1" dir="$2"
  {
    printf 'LAB_SCENARIO=%q\n' "$scenario"
    printf 'LAB_E2E_DIR=%q\n' "$E2E_DIR"
    printf 'LAB_PRODUCT=%q\n' "$product"
    printf 'LAB_INTERACTIVE=%q\n' "$interactive"
    printf 'LAB_SHOW_ROUTES=%q\n' "$show_routes"
    printf 'LAB_UML_MODULES=%q\n' "/usr/lib/uml/modules/$UML_MODULES_VERSION/kernel"
    printf 'LAB_SCENARIO_TIMEOUT=%q\n' "$((UML_TIMEOUT_SECONDS - 30))"
  } >"$dir/run.env"
}

# Boots UML with init = uml/init.sh; the console is this terminal, so
# --interactive gives a shell inside the lab.
boot_uml() {
  local dir="$1" umid="talosfrr-lab-$$-$RANDOM"
  local -a cmd=(linux.uml mem=2G umid="$umid" rootfstype=hostfs rootflags=/ ro quiet
                init="$E2E_DIR/uml/init.sh" con=null con0=fd:0,fd:1 "lab_dir=$dir")
  if [[ "$interactive" == true ]]; then
    "${cmd[@]}" || true
  else
    # UML wants a console; /dev/null as stdin keeps it from reading ours.
    timeout --kill-after=10 "$UML_TIMEOUT_SECONDS" "${cmd[@]}" </dev/null || true
  fi
  # UML keeps per-instance state under ~/.uml/<umid>; drop ours.
  rm -rf "${HOME:-/root}/.uml/$umid"
}

# The operations scenario's JMX client, compiled here (javac is quicker on
# the host than in UML); the scenario reports a missing class as a failure.
compile_jmx_client() {
  if command -v javac >/dev/null; then
    javac --release 17 -d "$1/jmx-classes" "$E2E_DIR/../test/java/io/talosfrr/health/JmxProbe.java" ||
      echo "lab: javac failed; the JMX check will fail" >&2
  else
    echo "lab: no javac (openjdk-17-jdk-headless); the JMX check will fail" >&2
  fi
}

run_scenario() {
  local scenario="$1" dir="$results/$1" started rc
  rm -rf "$dir"
  mkdir -p "$dir"
  write_run_env "$scenario" "$dir"
  [[ "$scenario" != operations ]] || compile_jmx_client "$dir"
  echo "=== scenario $scenario"
  started=$SECONDS
  boot_uml "$dir"
  rc="$(cat "$dir/rc" 2>/dev/null || echo missing)"
  echo "=== scenario $scenario: $((SECONDS - started)) s, results in $dir"
  if [[ "$rc" != 0 ]]; then
    [[ "$rc" == missing ]] && echo "FAIL $scenario: the lab did not finish (UML timed out or crashed); see $dir"
    return 1
  fi
}

main() {
  parse_args "$@"
  require_tools
  local scenario failed=()
  for scenario in "${scenarios[@]}"; do
    run_scenario "$scenario" || failed+=("$scenario")
  done
  echo
  if ((${#failed[@]})); then
    echo "lab: failed scenarios: ${failed[*]} (logs under $results/<scenario>/)"
    exit 1
  fi
  echo "lab: all ${#scenarios[@]} scenario(s) passed"
}

main "$@"
