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
# shellcheck source=packaging/image/elf.sh
. "$(dirname "${BASH_SOURCE[0]}")/elf.sh"

root="$(realpath "${1:?usage: drop-unused-libraries.sh ROOT}")"

always_kept() {
  case "$1" in
    ld-linux* | libc.so.* | libgcc_s.so.* | libnss_*) return 0 ;;
    *) return 1 ;;
  esac
}

# Removable: libraries the loader finds by soname, directly in its directories.
declare -A lib_dir=()
for d in "$root"/usr/lib/*-linux-gnu "$root"/usr/lib/*-linux-gnu/frr; do
  [[ -d "$d" ]] && lib_dir["$d"]=1
done

# Each ELF file read once: what it needs, and a removable library's soname.
declare -A needs=() soname_of=()
while IFS= read -r -d '' f; do
  is_elf "$f" || continue
  dynamic="$(readelf -d "$f" 2>/dev/null || true)"
  needs["$f"]="$(elf_needed <<<"$dynamic")"
  [[ -n "${lib_dir[$(dirname "$f")]:-}" && "$(basename "$f")" == lib*.so* ]] || continue
  soname="$(elf_soname <<<"$dynamic")"
  if [[ -n "$soname" ]] && ! always_kept "$soname"; then
    soname_of["$f"]="$soname"
  fi
done < <(find "$root" -type f -size +1k -print0)

removed=0
while :; do
  needed="$(printf '%s\n' "${needs[@]}" | sort -u)"
  dropped=0
  for lib in "${!soname_of[@]}"; do
    grep -qxF "${soname_of[$lib]}" <<<"$needed" && continue
    # The file and every link in its directory that points at it.
    find "$(dirname "$lib")" -maxdepth 1 -type l -lname "$(basename "$lib")" -delete
    rm -f "$lib"
    unset 'needs[$lib]' 'soname_of[$lib]'
    dropped=$((dropped + 1))
  done
  removed=$((removed + dropped))
  [[ "$dropped" -gt 0 ]] || break
done
echo "drop-unused-libraries: removed $removed libraries nothing in the root loads"
