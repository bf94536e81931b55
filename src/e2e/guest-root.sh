#!/usr/bin/env bash
# The lab's machinery: a Debian root per FRR version, built from Debian's packages with mmdebstrap
# and cached outside the checkout, holding FRR, the speaker, a JRE, the tools the scenarios use and
# a User-Mode Linux kernel that boots on today's hosts (Debian sid's user-mode-linux; the older ones
# panic on hosts with large FPU state: src/e2e/README.md).
#
# Usage: src/e2e/guest-root.sh [--frr 10.3|10.7|8.4] build    builds the root if it is not cached
#        src/e2e/guest-root.sh [--frr VERSION] path            prints the root's path (built or not)
#        src/e2e/guest-root.sh [--frr VERSION] run FILE CMD... runs CMD inside the root with FILE's
#                                                             directory at /mnt/check (FRR's checks)
#
# The cache is $TALOSFRR_LAB_CACHE, else ${XDG_CACHE_HOME:-$HOME/.cache}/talos-frr-lab; a root's
# name carries a hash of its recipe (build, install_uml_kernel), suite and package list, so a
# change to any of them builds a new one.
# Clear it with: rm -rf "$(dirname "$(src/e2e/guest-root.sh path)")"
set -euo pipefail

readonly SELF="$(realpath "${BASH_SOURCE[0]}")"
readonly CACHE="${TALOSFRR_LAB_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/talos-frr-lab}"
readonly MIRROR="${TALOSFRR_LAB_MIRROR:-http://deb.debian.org/debian}"
# FRR's checks, the node and the leaves; frr-pythontools: frr-reload.py. gobgpd: the stand-in
# MetalLB speaker. iproute2, jq, kmod, procps, python3, curl: the scenarios; mount: init.sh (not essential in
# sid). busybox: poweroff -f. python3-yaml: src/e2e/lib/talos-service.py.
readonly PACKAGES=frr,frr-pythontools,gobgpd,iproute2,jq,kmod,mount,procps,python3,python3-yaml,busybox,curl,default-jre-headless

frr=10.3

die() {
  echo "guest-root: $*" >&2
  exit 2
}

suite_of() {
  case "$1" in
    10.3) echo trixie ;;
    10.7) echo sid ;;
    8.4) echo bookworm ;;
    *) die "--frr $1: not one of 10.3 (Debian 13), 10.7 (Debian sid), 8.4 (Debian 12)" ;;
  esac
}

root_path() {
  local suite key
  suite="$(suite_of "$frr")"
  # The recipe (the two functions that build a root), the suite, the packages and the mirror.
  key="$( { declare -f build install_uml_kernel; echo "$suite $PACKAGES $MIRROR"; } | sha256sum | cut -c1-12)"
  echo "$CACHE/frr-$frr-$suite-$key"
}

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# Runs inside the new root (mmdebstrap's customize hook): the kernel comes from sid whatever the
# root's suite, since only its UML boots on today's hosts; its modules are loaded in the guest.
install_uml_kernel() {
  local root="$1"
  echo "deb $MIRROR sid main" >"$root/etc/apt/sources.list.d/uml-kernel.list"
  chroot "$root" apt-get -q -o Acquire::Check-Valid-Until=false update >/dev/null
  chroot "$root" sh -c "cd /tmp && apt-get -q download user-mode-linux/sid"
  local deb
  deb="$(ls "$root"/tmp/user-mode-linux_*.deb)"
  dpkg-deb -x "$deb" "$root"
  echo "user-mode-linux $(dpkg-deb -f "$deb" Version) (sid)" >>"$root/lab/packages.txt"
  rm -f "$deb" "$root/etc/apt/sources.list.d/uml-kernel.list"
  rm -rf "$root"/var/lib/apt/lists/*
}

build() {
  local root suite started tmp
  root="$(root_path)"
  suite="$(suite_of "$frr")"
  [[ -f "$root/lab/complete" ]] && { echo "guest-root: cached: $root"; return 0; }
  command -v mmdebstrap >/dev/null || die "mmdebstrap is missing (apt-get install mmdebstrap)"
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.lock"
  flock 9
  [[ -f "$root/lab/complete" ]] && { echo "guest-root: cached: $root"; return 0; }
  started=$SECONDS
  tmp="$root.building"
  as_root rm -rf "$tmp"
  echo "guest-root: building $root: Debian $suite with $PACKAGES, and sid's user-mode-linux (about 600 MB)"
  as_root mmdebstrap --variant=apt --mode=root --quiet \
    --aptopt='Acquire::Check-Valid-Until "false"' \
    --include="$PACKAGES" \
    --customize-hook='mkdir -p "$1/lab/repo" "$1/lab/results" "$1/lab/guest" "$1/lab/image"' \
    --customize-hook='chroot "$1" dpkg-query -W -f "\${Package} \${Version}\n" >"$1/lab/packages.txt"' \
    --customize-hook="\"$SELF\" --frr $frr install-uml-kernel \"\$1\"" \
    "$suite" "$tmp" "$MIRROR"
  ls "$tmp"/usr/lib/uml/modules/ >/dev/null || die "no UML modules in $tmp"
  as_root touch "$tmp/lab/complete"
  as_root mv "$tmp" "$root"
  echo "guest-root: built in $((SECONDS - started)) s: $root ($(du -sh "$root" | cut -f1)); FRR $(grep '^frr ' "$root/lab/packages.txt" | cut -d' ' -f2), $(grep '^user-mode-linux ' "$root/lab/packages.txt")"
}

# run FILE CMD...: CMD inside the root, FILE's directory bound at /mnt/check; no daemon is started.
run_in_root() {
  local file="$1" root
  shift
  root="$(root_path)"
  [[ -f "$root/lab/complete" ]] || die "no guest root for FRR $frr at $root: build it with $SELF --frr $frr build"
  local -a userns=()
  [[ "$(id -u)" -eq 0 ]] || userns=(-r)
  exec unshare "${userns[@]}" -m --propagation private \
    sh -c 'mount --bind "$1" "$2/mnt" && shift 2 && exec chroot "$0" "$@"' \
    "$root" "$(dirname "$(realpath "$file")")" "$root" "$@"
}

main() {
  if [[ "${1:-}" == --frr ]]; then
    [[ $# -ge 2 ]] || die "--frr needs a version"
    frr="$2"
    shift 2
  fi
  case "${1:-}" in
    build) build ;;
    path) root_path ;;
    run) shift; [[ $# -ge 2 ]] || die "run needs FILE and a command"; run_in_root "$@" ;;
    install-uml-kernel) install_uml_kernel "$2" ;;
    *) sed -n '2,15p' "$SELF" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
}

main "$@"
