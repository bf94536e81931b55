#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Removes the shared libraries of a container root that nothing in it loads: Debian's packages
# bring libraries for programs and modules the image left out. A library stays when an ELF file
# that stays needs its soname (DT_NEEDED), repeated until nothing changes; the loader, libc and what
# glibc opens by name (libgcc_s for unwinding, NSS modules) always stay. Reads with readelf, so it
# works on a root of either architecture; check-root.sh then proves every need is still met.
#
# Usage: drop-unused-libraries.sh ROOT
set -euo pipefail

root="$(realpath "${1:?usage: drop-unused-libraries.sh ROOT}")"
# Libraries removable here: those the loader finds by soname, directly in its directories.
mapfile -t lib_dirs < <(cd "$root" && ls -d usr/lib/*-linux-gnu usr/lib/*-linux-gnu/frr 2>/dev/null)

is_elf() { [[ "$(head -c 4 "$1" 2>/dev/null | od -An -c | tr -d ' ')" == '177ELF' ]]; }

always_kept() {
  case "$1" in
    ld-linux* | libc.so.* | libgcc_s.so.* | libnss_*) return 0 ;;
    *) return 1 ;;
  esac
}

removed_total=0
while :; do
  needed="$(find "$root" -type f -size +1k -print0 | while IFS= read -r -d '' f; do
    is_elf "$f" && readelf -d "$f" 2>/dev/null | sed -n 's/.*(NEEDED) *Shared library: \[\(.*\)\]/\1/p'
  done | sort -u)"
  removed=0
  for dir in "${lib_dirs[@]}"; do
    while IFS= read -r -d '' lib; do
      is_elf "$lib" || continue
      soname="$(readelf -d "$lib" 2>/dev/null | sed -n 's/.*(SONAME) *Library soname: \[\(.*\)\]/\1/p')"
      [[ -n "$soname" ]] || continue
      always_kept "$soname" && continue
      grep -qxF "$soname" <<<"$needed" && continue
      # The file and every link in its directory that points at it.
      find "$root/$dir" -maxdepth 1 -type l -lname "$(basename "$lib")" -delete
      rm -f "$lib"
      removed=$((removed + 1))
    done < <(find "$root/$dir" -maxdepth 1 -type f -name 'lib*.so*' -print0)
  done
  removed_total=$((removed_total + removed))
  [[ "$removed" -gt 0 ]] || break
done
echo "drop-unused-libraries: removed $removed_total libraries nothing in the root loads"
