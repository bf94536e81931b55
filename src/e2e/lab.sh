#!/usr/bin/env bash
# End-to-end lab: boots User-Mode Linux once per scenario and, inside it, runs
# the product as the node between two FRR leaves and a gobgpd MetalLB speaker.
#
# Usage (from the repository root):
#   src/e2e/lab.sh [--frr 10.3|10.7|8.4] [--scenario NAME] [--interactive]
#                  [--show-routes] [--image FILE|DIR] [--jar PATH] [--results DIR] [--product CMD]
#   --image runs the product from the extension image (packaging/build-image.sh) as Talos runs
#   its service: chrooted in the read-only container root with the definition's mounts only
#   (src/e2e/lib/talos-service.py); a DIR means its talos-frr-*-<this arch>.tar. Without it the
#   jar runs on the guest's Debian root.
#   src/e2e/lab.sh [--frr VERSION] --record-fixtures
#                  records FRR's answers into src/test/resources/fixtures/frr/
#
# Exits non-zero if any check of any scenario failed. Results (lab log, the
# entrypoint's output, every daemon's log) land in <results>/<scenario>/.
# The guest (Debian with that FRR, and the UML kernel) is built on first use
# and cached by src/e2e/guest-root.sh.
set -euo pipefail

readonly E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly REPO_DIR="$(cd "$E2E_DIR/../.." && pwd)"
readonly ALL_SCENARIOS=(ipv6-p2p ipv4-p2p bfd-disabled port-names second-run killed-boot bad-config
                        live-changes operations passwords timers)
# Run only when asked: a tool, not a test.
readonly TOOL_SCENARIOS=(record-fixtures)
# A scenario takes one to nine minutes here (live-changes the longest); this bounds a hung boot.
UML_TIMEOUT_SECONDS=900

scenarios=()
interactive=false
show_routes=false
jar="$REPO_DIR/target/talos-frr.jar"
results="$REPO_DIR/target/lab-results"
product=""
image=""
frr=10.3
# Where the guest sees the checkout and the results (bound there for UML's run).
readonly GUEST_REPO=/lab/repo GUEST_RESULTS=/lab/results GUEST_IMAGE=/lab/image

usage() {
  sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

die() {
  echo "lab: $*" >&2
  exit 2
}

parse_args() {
  while (($#)); do
    case "$1" in
      --frr) [[ $# -ge 2 ]] || die "--frr needs a version (10.3, 10.7, 8.4)"; frr="$2"; shift ;;
      --scenario) [[ $# -ge 2 ]] || die "--scenario needs a name"; scenarios+=("$2"); shift ;;
      --interactive) interactive=true ;;
      --record-fixtures) scenarios+=(record-fixtures) ;;
      --show-routes) show_routes=true ;;
      --image) [[ $# -ge 2 ]] || die "--image needs an archive or a directory"; image="$2"; shift ;;
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
    [[ " ${ALL_SCENARIOS[*]} ${TOOL_SCENARIOS[*]} " == *" $s "* ]] || die "unknown scenario: $s (one of: ${ALL_SCENARIOS[*]} ${TOOL_SCENARIOS[*]})"
  done
  if [[ -n "$image" ]]; then
    [[ -z "$product" ]] || die "--image and --product exclude each other"
    image="$(image_archive "$image")"
    product="$GUEST_REPO/src/e2e/lib/talos-service.py $GUEST_IMAGE"
  elif [[ -z "$product" ]]; then
    [[ -f "$jar" ]] || die "no jar at $jar (build it: mvn -B -q package -DskipTests, or pass --jar)"
    jar="$(realpath "$jar")"
    [[ "$jar" == "$REPO_DIR"/* ]] || die "the jar must be inside the checkout ($REPO_DIR), the part the guest sees: $jar"
    product="java -jar $jar"
  fi
  # The guest sees the checkout at $GUEST_REPO: the same command with its paths there.
  product="${product//$REPO_DIR/$GUEST_REPO}"
  mkdir -p "$results"
  results="$(realpath "$results")"
}

image_archive() {
  local given="$1" arch
  [[ ! -f "$given" ]] || { realpath "$given"; return; }
  [[ -d "$given" ]] || die "--image $given: no such archive or directory"
  case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; *) die "no image architecture for $(uname -m)" ;; esac
  local -a found=("$given"/talos-frr-*-"$arch".tar)
  [[ -f "${found[0]}" ]] || die "--image $given: no talos-frr-*-$arch.tar (build it: packaging/build-image.sh $arch)"
  ((${#found[@]} == 1)) || die "--image $given: several images (${found[*]}); pass one"
  realpath "${found[0]}"
}

# The image's one layer, unpacked once for all scenarios as an image puller would (index, manifest,
# layer), into a directory the guest gets read-only at $GUEST_IMAGE.
unpack_image() {
  IMAGE_DIR=""
  [[ -n "$image" ]] || return 0
  local unpacked="$results/.image"
  rm -rf "$unpacked" && mkdir -p "$unpacked/oci" "$unpacked/layer"
  tar -xf "$image" -C "$unpacked/oci"
  local layer
  layer="$(python3 - "$unpacked/oci" <<'PY'
import json, sys
oci = sys.argv[1]
blob = lambda d: f"{oci}/blobs/sha256/{d.split(':', 1)[1]}"
index = json.load(open(f"{oci}/index.json"))
manifest = json.load(open(blob(index["manifests"][0]["digest"])))
if len(manifest["layers"]) != 1:
    sys.exit(f"{len(manifest['layers'])} layers, a system extension has one")
print(blob(manifest["layers"][0]["digest"]))
PY
)"
  # The layer's first entry is "/" itself.
  tar -xf "$layer" -C "$unpacked/layer" 2>&1 | { grep -v "Removing leading" || true; }
  rm -rf "$unpacked/oci"
  IMAGE_DIR="$unpacked/layer"
  echo "lab: image $image unpacked for the guest ($(du -sh "$IMAGE_DIR" | cut -f1))"
}

# The root UML runs in (and, for FRR 10.3, the guest's root too), and the guest's.
prepare_roots() {
  "$E2E_DIR/guest-root.sh" --frr 10.3 build
  KERNEL_ROOT="$("$E2E_DIR/guest-root.sh" --frr 10.3 path)"
  if [[ "$frr" == 10.3 ]]; then
    GUEST_ROOT="$KERNEL_ROOT" GUEST_ROOTFLAGS=/
  else
    "$E2E_DIR/guest-root.sh" --frr "$frr" build
    GUEST_ROOT="$("$E2E_DIR/guest-root.sh" --frr "$frr" path)" GUEST_ROOTFLAGS=/lab/guest
  fi
  UML_RELEASE="$(ls "$GUEST_ROOT/usr/lib/uml/modules/")"
  echo "lab: FRR $(grep '^frr ' "$GUEST_ROOT/lab/packages.txt" | cut -d' ' -f2) in $GUEST_ROOT; UML kernel $UML_RELEASE"
}

# Everything the in-UML runner needs; it reads this file through the
# read-only hostfs root, and writes into the same directory through a
# second, writable hostfs mount.
write_run_env() {
  local scenario="$1" dir="$2"
  {
    printf 'LAB_SCENARIO=%q\n' "$scenario"
    printf 'LAB_E2E_DIR=%q\n' "$GUEST_REPO/src/e2e"
    printf 'LAB_PRODUCT=%q\n' "$product"
    printf 'LAB_IMAGE=%q\n' "${IMAGE_DIR:+$GUEST_IMAGE}"
    printf 'LAB_INTERACTIVE=%q\n' "$interactive"
    printf 'LAB_SHOW_ROUTES=%q\n' "$show_routes"
    printf 'LAB_UML_MODULES=%q\n' "/usr/lib/uml/modules/$UML_RELEASE/kernel"
    printf 'LAB_FRR=%q\n' "$frr"
    printf 'LAB_SCENARIO_TIMEOUT=%q\n' "$((UML_TIMEOUT_SECONDS - 30))"
  } >"$dir/run.env"
}

# Boots UML with init = uml/init.sh; the console is this terminal, so
# --interactive gives a shell inside the lab. UML runs chrooted in the
# kernel root (its binary needs a newer glibc than the host may have), in a
# private mount namespace where the checkout and this scenario's results are
# bound in, so a checkout anywhere (even under /tmp) is seen by the guest.
boot_uml() {
  local dir="$1" umid="talosfrr-lab-$$-$RANDOM" guest_mounts=""
  if [[ "$GUEST_ROOT" != "$KERNEL_ROOT" ]]; then
    guest_mounts='mount --bind -o ro "$GUEST_ROOT" "$KERNEL_ROOT/lab/guest" &&
      mount --bind -o ro "$REPO_DIR" "$KERNEL_ROOT/lab/guest/lab/repo" &&'
    [[ -z "$IMAGE_DIR" ]] || guest_mounts+='
      mount --bind -o ro "$IMAGE_DIR" "$KERNEL_ROOT/lab/guest/lab/image" &&'
  fi
  [[ -z "$IMAGE_DIR" ]] || guest_mounts+='
      mount --bind -o ro "$IMAGE_DIR" "$KERNEL_ROOT$GUEST_IMAGE" &&'
  local -a cmd=(linux.uml mem=2G umid="$umid" uml_dir=/dev/shm rootfstype=hostfs "rootflags=$GUEST_ROOTFLAGS" ro quiet
                init="$GUEST_REPO/src/e2e/uml/init.sh" con=null con0=fd:0,fd:1 "lab_dir=$GUEST_RESULTS")
  local -a run=(unshare -m --propagation private env KERNEL_ROOT="$KERNEL_ROOT" GUEST_ROOT="$GUEST_ROOT"
                REPO_DIR="$REPO_DIR" RESULTS="$dir" IMAGE_DIR="$IMAGE_DIR" GUEST_IMAGE="$GUEST_IMAGE" GUEST_REPO="$GUEST_REPO" GUEST_RESULTS="$GUEST_RESULTS"
                bash -c 'set -e
                  mount -t proc proc "$KERNEL_ROOT/proc"
                  mount -t tmpfs -o size=3g,mode=1777 tmpfs "$KERNEL_ROOT/dev/shm"
                  mount --bind -o ro "$REPO_DIR" "$KERNEL_ROOT$GUEST_REPO"
                  mount --bind "$RESULTS" "$KERNEL_ROOT$GUEST_RESULTS"
                  '"$guest_mounts"' true
                  exec chroot "$KERNEL_ROOT" "$@"' lab-uml "${cmd[@]}")
  if [[ "$interactive" == true ]]; then
    "${run[@]}" || true
  else
    # UML wants a console; /dev/null as stdin keeps it from reading ours.
    timeout --kill-after=10 "$UML_TIMEOUT_SECONDS" "${run[@]}" </dev/null 2>&1 |
      if [[ "${quiet_console:-false}" == true ]]; then cat >"$dir/console.log"; else tee "$dir/console.log"; fi || true
  fi
}

# One short boot before the scenarios: a kernel that cannot boot here says
# so in one line (its panic), not as every scenario timing out.
smoke_boot() {
  local dir="$results/smoke-boot"
  rm -rf "$dir" && mkdir -p "$dir"
  printf 'LAB_SMOKE=true\nLAB_UML_MODULES=%q\n' "/usr/lib/uml/modules/$UML_RELEASE/kernel" >"$dir/run.env"
  local started=$SECONDS
  UML_TIMEOUT_SECONDS=120 quiet_console=true boot_uml "$dir"
  if [[ "$(cat "$dir/rc" 2>/dev/null)" != 0 ]]; then
    local cause
    # The panic, or the guest's first complaint; not UML's harmless start-up lines.
    cause="$(grep -v -E '^ |check_one_sigio|ubd device|^Stack:|^Call Trace:|^CPU: ' "$dir/console.log" | grep -m2 -E 'panic|errno|not found|No such|failed' | paste -sd ';' || true)"
    die "UML $UML_RELEASE does not boot on this host ($(uname -r)): ${cause:-no output}; see $dir/console.log." \
      "Try a newer user-mode-linux (src/e2e/guest-root.sh takes Debian sid's) or clear the cache."
  fi
  echo "lab: smoke boot of UML $UML_RELEASE: $((SECONDS - started)) s, $(cat "$dir/smoke.txt")"
}

# The operations scenario's JMX client, compiled here (javac is quicker on
# the host than in UML); the scenario reports a missing class as a failure.
compile_jmx_client() {
  if command -v javac >/dev/null; then
    javac --release 17 -d "$1/jmx-classes" "$E2E_DIR/../test/java/io/talosfrr/expose/JmxProbe.java" ||
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

# The recorded answers replace those of the same FRR version in the test fixtures.
install_fixtures() {
  local from="$results/record-fixtures/fixtures" version
  for version in "$from"/*/; do
    [[ -d "$version" ]] || continue
    version="$(basename "$version")"
    rm -rf "$REPO_DIR/src/test/resources/fixtures/frr/$version"
    cp -r "$from/$version" "$REPO_DIR/src/test/resources/fixtures/frr/$version"
    echo "lab: fixtures of FRR $version recorded in src/test/resources/fixtures/frr/$version"
  done
}

main() {
  parse_args "$@"
  prepare_roots
  unpack_image
  smoke_boot
  local scenario failed=()
  for scenario in "${scenarios[@]}"; do
    run_scenario "$scenario" || failed+=("$scenario")
  done
  [[ " ${scenarios[*]} " != *" record-fixtures "* ]] || install_fixtures
  echo
  if ((${#failed[@]})); then
    echo "lab: failed scenarios: ${failed[*]} (logs under $results/<scenario>/)"
    exit 1
  fi
  echo "lab: all ${#scenarios[@]} scenario(s) passed"
}

main "$@"
