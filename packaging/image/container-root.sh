#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The service's container root, from Debian 13's packages for one architecture: mmdebstrap
# extracts them (no maintainer script runs, so no emulator is needed for arm64), then what the
# container never uses is taken out again, package by package and path by path.
#
# Usage: container-root.sh ARCH ROOT PACKAGES_FILE   (ROOT must not exist; MIRROR in the environment)
# PACKAGES_FILE gets one "name version architecture" line per package that went in.
set -euo pipefail

readonly SUITE=trixie
readonly MIRROR="${MIRROR:-http://deb.debian.org/debian}"

# What the container runs. frr: the daemons, watchfrr, frrinit.sh, vtysh. frr-pythontools:
# frr-reload.py (live changes) and the python3 it needs. iproute2: `ip -json`. bash, coreutils,
# grep, sed: frrinit.sh and frrcommon.sh (cat, grep, tr, kill, install, date, id). dash: /bin/sh of
# the launcher. bsdutils: logger, called by watchfrr.sh. zlib1g, libstdc++6: the Java runtime.
readonly INCLUDE=frr,frr-pythontools,iproute2,bash,coreutils,grep,sed,dash,bsdutils,zlib1g,libstdc++6

# Pulled in by Debian's dependencies, never run in the container: init and service management,
# package management, users and logins, log rotation and cron (FRR's Debian packaging), time zones.
# Dropping one that something still loads fails the build (check-root.sh reads every ELF's needs).
# libpam-modules stays: vtysh asks PAM (Debian's /etc/pam.d/frr, pam_permit) before it connects.
readonly DROP=(
  systemd libsystemd-shared init-system-helpers
  dpkg debconf adduser passwd login.defs base-passwd
  libpam-modules-bin libpam-runtime libsemanage2 libsemanage-common
  logrotate cron cron-daemon-common lsof liblsof0 tar mount libcap2-bin sensible-utils tzdata
)

# Paths no program here reads: documentation, translations, completion, Debian's service glue.
readonly PRUNE=(
  usr/share/doc usr/share/man usr/share/info usr/share/locale usr/share/lintian usr/share/bug
  usr/share/bash-completion usr/share/zsh usr/share/common-licenses usr/share/pixmaps
  usr/share/applications usr/share/menu usr/share/polkit-1 usr/share/dbus-1 usr/share/pam
  usr/share/pam-configs usr/share/debconf usr/share/gdb usr/share/gcc
  usr/share/python3/debian_defaults usr/include 'usr/lib/*-linux-gnu/gconv'
  # Python: tests, documentation, and the modules behind databases, TLS, hashing by OpenSSL and
  # terminals, none of which frr-reload.py imports (hashlib falls back to Python's built-in hashes).
  usr/lib/python3.13/test usr/lib/python3.13/pydoc_data usr/lib/python3.13/idlelib
  usr/lib/python3.13/sqlite3 usr/lib/python3.13/dbm usr/lib/python3.13/curses usr/lib/python3.13/_pyrepl
  'usr/lib/python3.13/lib-dynload/_test*' 'usr/lib/python3.13/lib-dynload/xx*'
  'usr/lib/python3.13/lib-dynload/_ctypes_test*' 'usr/lib/python3.13/lib-dynload/_sqlite3*'
  'usr/lib/python3.13/lib-dynload/_dbm*' 'usr/lib/python3.13/lib-dynload/_curses*'
  'usr/lib/python3.13/lib-dynload/_ssl*' 'usr/lib/python3.13/lib-dynload/_hashlib*'
  'usr/lib/python3.13/lib-dynload/readline*' 'usr/lib/python3.13/lib-dynload/_codecs_*'
  'usr/lib/python3.13/lib-dynload/_asyncio*' usr/lib/python3.13/asyncio usr/lib/python3.13/unittest
  # OpenSSL's and Kerberos' plugins; coreutils' checksum and login-record tools (the only users of
  # libcrypto and of most of libsystemd here).
  'usr/lib/*-linux-gnu/engines-3' 'usr/lib/*-linux-gnu/ossl-modules' 'usr/lib/*-linux-gnu/krb5'
  usr/bin/md5sum 'usr/bin/sha*sum' usr/bin/cksum usr/bin/b2sum usr/bin/users usr/bin/pinky
  usr/bin/who usr/bin/wall
  # iproute2 beyond ip(8); Debian's shell-list and kernel-install tools.
  usr/sbin/arpd usr/sbin/bridge usr/sbin/dcb usr/sbin/devlink usr/sbin/genl usr/sbin/rtacct
  usr/sbin/rtmon usr/sbin/tc usr/sbin/tipc usr/sbin/vdpa usr/bin/rdma usr/bin/ss usr/bin/lnstat
  usr/bin/nstat usr/bin/ifstat usr/bin/routel usr/bin/ctstat usr/bin/rtstat usr/lib/tc
  usr/sbin/add-shell usr/sbin/remove-shell usr/sbin/update-shells usr/sbin/installkernel
  usr/sbin/start-stop-daemon
  usr/lib/systemd usr/lib/tmpfiles.d usr/lib/sysusers.d usr/lib/udev usr/lib/kernel
  usr/lib/pcrlock.d usr/lib/valgrind usr/lib/modules-load.d usr/lib/binfmt.d
  etc/init.d etc/rc0.d etc/rc1.d etc/rc2.d etc/rc3.d etc/rc4.d etc/rc5.d etc/rc6.d etc/rcS.d
  etc/cron.d etc/cron.daily etc/cron.hourly etc/cron.monthly etc/cron.weekly etc/cron.yearly
  etc/logrotate.d etc/rsyslog.d etc/systemd etc/security etc/default etc/update-motd.d
  etc/apt etc/dpkg etc/alternatives etc/skel etc/profile.d etc/kernel etc/binfmt.d etc/credstore
  etc/credstore.encrypted etc/modules-load.d etc/tmpfiles.d etc/xdg etc/selinux etc/ssh etc/frr
  'dev/*' var/lib/dpkg var/lib/apt var/cache var/log var/lib/systemd var/mail var/spool var/backups
  # FRR daemons talos-frr never starts (docs/design.md, boot step 8: zebra, bgpd, staticd, bfdd, mgmtd, watchfrr).
  usr/lib/frr/babeld usr/lib/frr/eigrpd usr/lib/frr/fabricd usr/lib/frr/isisd usr/lib/frr/ldpd
  usr/lib/frr/nhrpd usr/lib/frr/ospf6d usr/lib/frr/ospfd usr/lib/frr/pathd usr/lib/frr/pbrd
  usr/lib/frr/pim6d usr/lib/frr/pimd usr/lib/frr/ripd usr/lib/frr/ripngd usr/lib/frr/vrrpd
  usr/lib/frr/ospfclient.py usr/lib/frr/frr_babeltrace.py usr/lib/frr/generate_support_bundle.py
)

die() {
  echo "container-root: $*" >&2
  exit 1
}

is_dropped() {
  printf '%s\n' "${DROP[@]}" | grep -qx "$1"
}

# Runs as mmdebstrap's extract hook, while the .deb files are still in ROOT's apt cache.
record_and_drop() {
  local root="$1" list="$2" deb name
  : >"$list.unsorted"
  for deb in "$root"/var/cache/apt/archives/*.deb; do
    name="$(dpkg-deb -f "$deb" Package)"
    if is_dropped "$name"; then
      # Files only, not directories (other packages share them); prune() removes emptied ones.
      dpkg-deb --fsys-tarfile "$deb" | tar -t | grep -v '/$' | sed 's|^\./||' |
        while IFS= read -r f; do rm -f "${root:?}/$f"; done
    else
      printf '%s %s %s\n' "$name" "$(dpkg-deb -f "$deb" Version)" "$(dpkg-deb -f "$deb" Architecture)" >>"$list.unsorted"
    fi
  done
  sort "$list.unsorted" >"$list"
  rm -f "$list.unsorted"
}

prune() {
  local root="$1" p
  for p in "${PRUNE[@]}"; do
    # shellcheck disable=SC2086 # a pattern, expanded inside the root
    rm -rf "${root:?}"/$p
  done
  find "$root" -depth -type d -empty ! -path "$root/tmp" -delete
}

main() {
  if [[ "${1:-}" == --extract-hook ]]; then
    record_and_drop "$2" "$3"
    return
  fi
  [[ $# -eq 3 ]] || die "usage: container-root.sh ARCH ROOT PACKAGES_FILE"
  local arch="$1" root="$2" list="$3" self
  [[ ! -e "$root" ]] || die "$root exists"
  mkdir -p "$(dirname "$root")"
  self="$(realpath "${BASH_SOURCE[0]}")"
  mmdebstrap --variant=extract --mode=root --quiet --architectures="$arch" \
    --include="$INCLUDE" \
    --extract-hook="\"$self\" --extract-hook \"\$1\" \"$list\"" \
    "$SUITE" "$root" "$MIRROR"
  [[ -s "$list" ]] || die "no package list written to $list"
  prune "$root"
}

main "$@"
